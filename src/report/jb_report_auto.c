/* jb_report_auto.c — a template that picks its metrics from the data, so one default
 * briefing fits any project: `latest N` in a ```kpi block (the N metrics with the most
 * recent figures), a ```charts block (a chart per metric with two or more periods, or per
 * metric listed), `*` in a ```table block (every metric).
 *
 * Not for: drawing (jb_report_blocks.c, jb_report_kpi.c), choosing how a chart looks
 * (jb_chart's defaults do).
 */
#include "jb_report_priv.h"

#include "jb_period.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *id;
    guint first_row; /* series order breaks ties: the file's order, by metric id */
    gint64 end;      /* the last day of its latest period */
    guint periods;
} MetricSpan;

static GArray *spans_of(const JbSeries *series)
{
    GArray *spans = g_array_new(FALSE, TRUE, sizeof(MetricSpan));
    for (guint r = 0; r < jb_series_n_rows(series); r++) {
        const JbSeriesRow *row = jb_series_row(series, r);
        const char *id = row->metric_id;
        if (!*id)
            continue;
        MetricSpan *s = spans->len ? &g_array_index(spans, MetricSpan, spans->len - 1) : NULL;
        if (!s || strcmp(s->id, id) != 0) {
            MetricSpan n = {.id = id, .first_row = r, .end = G_MININT64};
            g_array_append_val(spans, n);
            s = &g_array_index(spans, MetricSpan, spans->len - 1);
        }
        if (row->timed)
            s->end = MAX(s->end, jb_period_end_day(&row->period));
        s->periods++;
    }
    return spans;
}

static int by_recency(gconstpointer a, gconstpointer b)
{
    const MetricSpan *x = a, *y = b;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

GPtrArray *jb_report_latest_ids(const JbSeries *series, guint n)
{
    g_autoptr(GArray) spans = spans_of(series);
    g_array_sort(spans, by_recency);
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < spans->len && ids->len < n; i++)
        g_ptr_array_add(ids, g_strdup(g_array_index(spans, MetricSpan, i).id));
    return ids;
}

GPtrArray *jb_report_chartable_ids(const JbSeries *series)
{
    g_autoptr(GArray) spans = spans_of(series);
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < spans->len; i++)
        if (g_array_index(spans, MetricSpan, i).periods >= 2)
            g_ptr_array_add(ids, g_strdup(g_array_index(spans, MetricSpan, i).id));
    return ids;
}

gboolean jb_report_add_charts(Builder *b, const char *literal, guint line, double indent,
                              GError **error)
{
    g_autofree char *plain = jb_template_strip_marks(literal);
    g_strstrip(plain);
    gboolean all = strcmp(plain, "*") == 0 || !*plain;
    g_autoptr(GPtrArray) ids = all ? jb_report_chartable_ids(b->in->series)
                                   : jb_report_block_ids(b, "charts", literal, line + 1, error);
    if (!ids)
        return FALSE;
    if (ids->len == 0) /* picked by the data, which has no metric of two periods yet */
        g_ptr_array_add(b->blocks,
                        jb_report_text_blk(b, "暂无：还没有哪个指标有两个或更多时期的数字。", NULL,
                                           10, FALSE, indent, 4, "#555555", FALSE));
    for (guint i = 0; i < ids->len; i++) {
        const char *id = g_ptr_array_index(ids, i);
        g_autofree char *spec = g_strdup_printf("metric = %s\n", id);
        g_autofree char *info = g_strdup_printf("chart %s", id);
        GError *local = NULL;
        if (jb_report_add_chart(b, info, spec, line, indent, &local))
            continue;
        /* A metric picked by the data that cannot be drawn (rows in two units, a limit) is
         * left out and said; one the template names is the template's error. */
        if (!all || local->domain != JB_ERROR || local->code == JB_ERROR_OUTPUT) {
            g_propagate_error(error, local);
            return FALSE;
        }
        jb_diag_warn(b->in->diag, "%s:%u: chart of %s left out: %s", b->source, line, id,
                     local->message);
        g_error_free(local);
    }
    return TRUE;
}

gboolean jb_report_template_selects(const char *text)
{
    for (const char *p = text; p && (p = strstr(p, "```")); p += 3) {
        const char *info = p + 3;
        if (strncmp(info, "charts", 6) == 0)
            return TRUE;
        const char *nl = strchr(info, '\n');
        if (!nl)
            break;
        /* the block's first line */
        const char *body = nl + 1;
        const char *end = strchr(body, '\n');
        gsize len = end ? (gsize)(end - body) : strlen(body);
        g_autofree char *first = g_strstrip(g_strndup(body, len));
        if (strcmp(first, "*") == 0 || g_str_has_prefix(first, "latest "))
            return TRUE;
    }
    return FALSE;
}
