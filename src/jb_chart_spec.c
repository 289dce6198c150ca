/* Chart specs and the data behind them: parsing "key = value" specs and loading series. */
#include "jb_chart.h"

#include "jb_common.h"

#include <stdlib.h>
#include <string.h>

static void point_free(JbChartPoint *p)
{
    g_free(p->label);
    g_free(p);
}

JbChart *jb_chart_new(void)
{
    JbChart *c = g_new0(JbChart, 1);
    c->type = g_strdup("bar");
    c->width = 800;
    c->height = 450;
    c->points = g_ptr_array_new_with_free_func((GDestroyNotify)point_free);
    c->warnings = g_ptr_array_new_with_free_func(g_free);
    return c;
}

void jb_chart_free(JbChart *c)
{
    if (!c)
        return;
    g_free(c->metric_id);
    g_free(c->type);
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->source);
    g_free(c->unit);
    g_ptr_array_unref(c->points);
    g_ptr_array_unref(c->warnings);
    g_free(c);
}

static gboolean parse_size(const char *v, double *out)
{
    char *end = NULL;
    double d = g_ascii_strtod(v, &end);
    if (end == v || *end || !(d >= 50 && d <= 10000))
        return FALSE;
    *out = d;
    return TRUE;
}

/* A spec is a handful of "key = value" lines. Parsed here rather than with GKeyFile so
 * that every error can name its line, also when the spec sits inside a report template. */
JbChart *jb_chart_spec_parse(const char *source, guint first_line, const char *text,
                             GError **error)
{
    g_autoptr(JbChart) c = jb_chart_new();
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        guint line = first_line + i;
        char *l = g_strstrip(lines[i]);
        if (!*l || *l == '#' || strcmp(l, "[chart]") == 0)
            continue;
        char *eq = strchr(l, '=');
        if (!eq) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: expected 'key = value' in chart spec, got '%s'", source, line, l);
            return NULL;
        }
        *eq = 0;
        char *key = g_strstrip(l), *val = g_strstrip(eq + 1);
        char **slot = NULL;
        if (strcmp(key, "metric") == 0)
            slot = &c->metric_id;
        else if (strcmp(key, "type") == 0)
            slot = &c->type;
        else if (strcmp(key, "title") == 0)
            slot = &c->title;
        else if (strcmp(key, "subtitle") == 0)
            slot = &c->subtitle;
        else if (strcmp(key, "source") == 0)
            slot = &c->source;
        if (slot) {
            g_free(*slot);
            *slot = g_strdup(val);
        } else if (strcmp(key, "width") == 0 || strcmp(key, "height") == 0) {
            if (!parse_size(val, key[0] == 'w' ? &c->width : &c->height)) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: %s must be a number of points from 50 to 10000, got '%s'",
                            source, line, key, val);
                return NULL;
            }
        } else {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: unknown chart key '%s'", source,
                        line, key);
            return NULL;
        }
    }
    if (!c->metric_id || !*c->metric_id) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: chart spec needs 'metric = ID'",
                    source, first_line);
        return NULL;
    }
    if (strcmp(c->type, "bar") != 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: chart type '%s' is not supported (supported: bar)", source,
                    first_line, c->type);
        return NULL;
    }
    return g_steal_pointer(&c);
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
    g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func(g_free);
    for (guint r = 0; r < jb_table_n_rows(series); r++) {
        if (strcmp(jb_table_get(series, r, c_id), c->metric_id) != 0)
            continue;
        JbChartPoint *p = g_new0(JbChartPoint, 1);
        p->label = g_strdup(jb_table_get(series, r, c_period));
        if (!jb_decimal_parse(jb_table_get(series, r, c_value), &p->value)) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: value '%s' is not a number",
                        jb_table_source(series), jb_table_line(series, r),
                        jb_table_get(series, r, c_value));
            point_free(p);
            return FALSE;
        }
        if (!jb_bound_parse(jb_table_get(series, r, c_bound), &p->bound))
            p->bound = JB_BOUND_EXACT;
        p->forecast = strcmp(jb_table_get(series, r, c_fc), "1") == 0;
        g_ptr_array_add(c->points, p);
        if (!c->unit)
            c->unit = g_strdup(jb_table_get(series, r, c_unit));
        if (!c->title && *jb_table_get(series, r, c_label))
            c->title = g_strdup(jb_table_get(series, r, c_label));
        add_sources(sources, jb_table_get(series, r, c_src));
    }
    if (c->points->len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: no rows for metric '%s'",
                    jb_table_source(series), c->metric_id);
        return FALSE;
    }
    if (!c->title)
        c->title = g_strdup(c->metric_id);
    if (!c->unit)
        c->unit = g_strdup("");
    if (!c->source && sources->len == 0) {
        c->source = g_strdup("");
    } else if (!c->source) {
        g_ptr_array_add(sources, NULL);
        g_autofree char *list = g_strjoinv("、", (char **)sources->pdata);
        c->source = g_strconcat("来源：", list, NULL);
    }
    if (!c->subtitle) {
        const JbChartPoint *first = g_ptr_array_index(c->points, 0);
        const JbChartPoint *last = g_ptr_array_index(c->points, c->points->len - 1);
        /* periods that are years read as years: 2022—2025年，2025年为预计值 */
        const char *nian = strlen(last->label) == 4 ? "年" : "";
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
