/* The data behind a chart: series.csv rows → series and points, and the defaults that come
 * from them (title, subtitle, source line). */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

void jb_chart_point_free(JbChartPoint *p)
{
    g_free(p->label);
    g_free(p);
}

void jb_chart_series_free(JbChartSeries *s)
{
    g_free(s->metric_id);
    g_free(s->label);
    g_free(s->unit);
    g_ptr_array_unref(s->points);
    g_free(s);
}

static void add_sources(GPtrArray *names, const char *list)
{
    g_auto(GStrv) parts = g_strsplit(list, ";", -1);
    for (char **p = parts; *p; p++) {
        char *s = g_strstrip(*p);
        if (!*s)
            continue;
        char *base = g_path_get_basename(s);
        if (g_ptr_array_find_with_equal_func(names, base, g_str_equal, NULL))
            g_free(base);
        else
            g_ptr_array_add(names, base);
    }
}

static const char *cell(const JbTable *t, guint r, int col)
{
    return col < 0 ? "" : jb_table_get(t, r, col);
}

gboolean jb_chart_load_series(JbChart *c, const JbTable *series, GError **error)
{
    int c_id = jb_table_column(series, "metric_id"), c_label = jb_table_column(series, "label"),
        c_period = jb_table_column(series, "period"), c_value = jb_table_column(series, "value"),
        c_unit = jb_table_column(series, "unit"), c_bound = jb_table_column(series, "bound"),
        c_fc = jb_table_column(series, "forecast"), c_src = jb_table_column(series, "sources");
    if (c_id < 0 || c_period < 0 || c_value < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "%s:1: not a series table (needs metric_id, period, value)",
                    jb_table_source(series));
        return FALSE;
    }
    if (c->metrics->len == 0 && c->metric_id) /* a chart built by hand */
        g_ptr_array_add(c->metrics, g_strdup(c->metric_id));
    g_ptr_array_set_size(c->series, 0);
    g_auto(GStrv) labels = c->labels ? g_strsplit(c->labels, ";", -1) : NULL;
    guint n_labels = labels ? g_strv_length(labels) : 0;
    g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func(g_free);
    for (guint m = 0; m < c->metrics->len; m++) {
        const char *id = g_ptr_array_index(c->metrics, m);
        JbChartSeries *s = g_new0(JbChartSeries, 1);
        s->metric_id = g_strdup(id);
        s->points = g_ptr_array_new_with_free_func((GDestroyNotify)jb_chart_point_free);
        g_ptr_array_add(c->series, s);
        for (guint r = 0; r < jb_table_n_rows(series); r++) {
            if (strcmp(jb_table_get(series, r, c_id), id) != 0)
                continue;
            JbChartPoint *p = g_new0(JbChartPoint, 1);
            p->label = g_strdup(jb_table_get(series, r, c_period));
            if (!jb_figure_parse(jb_table_get(series, r, c_value), "", NULL, &p->fig)) {
                g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: value '%s' is not a number",
                            jb_table_source(series), jb_table_line(series, r),
                            jb_table_get(series, r, c_value));
                jb_chart_point_free(p);
                return FALSE;
            }
            if (!jb_bound_parse(cell(series, r, c_bound), &p->fig.bound))
                p->fig.bound = JB_BOUND_EXACT;
            p->forecast = strcmp(cell(series, r, c_fc), "1") == 0;
            g_ptr_array_add(s->points, p);
            if (s->points->len > JB_CHART_MAX_POINTS) {
                g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                            "%s: metric '%s' has more than %d points to chart",
                            jb_table_source(series), id, JB_CHART_MAX_POINTS);
                return FALSE;
            }
            if (!s->unit)
                s->unit = g_strdup(cell(series, r, c_unit));
            if (!s->label && *cell(series, r, c_label))
                s->label = g_strdup(cell(series, r, c_label));
            add_sources(sources, cell(series, r, c_src));
        }
        if (s->points->len == 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: no rows for metric '%s'",
                        jb_table_source(series), id);
            return FALSE;
        }
        if (m == 0 && !c->title && s->label) /* the title: series.csv's label, not `labels` */
            c->title = g_strdup(s->label);
        if (m < n_labels && *g_strstrip(labels[m])) {
            g_free(s->label);
            s->label = g_strdup(labels[m]);
        }
        if (!s->label)
            s->label = g_strdup(id);
        if (!s->unit)
            s->unit = g_strdup("");
    }
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    g_ptr_array_unref(c->points);
    c->points = g_ptr_array_ref(s0->points);
    if (!c->title)
        c->title = g_strdup(s0->label);
    g_free(c->unit);
    c->unit = g_strdup(s0->unit);
    g_ptr_array_set_size(c->sources, 0);
    for (guint i = 0; i < sources->len; i++)
        g_ptr_array_add(c->sources, g_strdup(g_ptr_array_index(sources, i)));
    if (!c->source && sources->len == 0) {
        c->source = g_strdup("");
    } else if (!c->source) {
        /* a series merged from many articles names the first few and counts the rest, so
         * the source line stays one line and never crowds out the plot */
        enum { NAMED = 3 };
        guint total = sources->len;
        if (total > NAMED + 1)
            g_ptr_array_set_size(sources, NAMED);
        g_ptr_array_add(sources, NULL);
        g_autofree char *list = g_strjoinv("、", (char **)sources->pdata);
        c->source = total > NAMED + 1 ? g_strdup_printf("来源：%s等%u篇", list, total)
                                      : g_strconcat("来源：", list, NULL);
    }
    if (!c->subtitle && !g_ascii_isdigit(((JbChartPoint *)g_ptr_array_index(c->points, 0))->label[0])) {
        c->subtitle = g_strdup(""); /* categories, not periods: no range to state */
    } else if (!c->subtitle) {
        const JbChartPoint *first = g_ptr_array_index(c->points, 0);
        const JbChartPoint *last = g_ptr_array_index(c->points, c->points->len - 1);
        /* periods that are years read as years: 2022—2025年，2025年为预计值 */
        const char *nian = strlen(last->label) == 4 && g_ascii_isdigit(last->label[0]) ? "年" : "";
        GString *s = g_string_new(NULL);
        if (c->points->len > 1)
            g_string_append_printf(s, "%s—%s%s", first->label, last->label, nian);
        else
            g_string_append_printf(s, "%s%s", first->label, nian);
        for (guint i = 0; i < c->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(c->points, i);
            if (p->forecast) {
                g_string_append_printf(s, "，%s%s为预计值", p->label, nian);
                break;
            }
        }
        c->subtitle = g_string_free(s, FALSE);
    }
    return TRUE;
}
