/* Parts of a whole: the only metrics a chart sums (a donut's slices, a stack's segments).
 *
 * The dictionary says which metric is part of which (part_of); a donut or a stacked chart of
 * anything else is refused with a message saying what to declare. So growth rates are never
 * added up ("合计 38%"), and a subset is never summed with its whole (专精特新 超14万 + 小巨人
 * 1.76万 is not 15.76万家): a donut may name the whole itself, which then fills the hole, and
 * its parts are slices with the rest (其他) beside them. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

void jb_chart_set_dict(JbChart *c, const JbDict *dict)
{
    c->dict = dict;
}

static const char *part_of(const JbChart *c, const char *id)
{
    const JbMetric *m = c->dict ? jb_dict_get(c->dict, id) : NULL;
    return m ? m->part_of : "";
}

/* The index in c->metrics of the metric every other one is a part of, or -1. */
static int whole_among(const JbChart *c)
{
    for (guint w = 0; w < c->metrics->len; w++) {
        const char *wid = g_ptr_array_index(c->metrics, w);
        gboolean all = TRUE;
        for (guint m = 0; m < c->metrics->len && all; m++)
            all = m == w || strcmp(part_of(c, g_ptr_array_index(c->metrics, m)), wid) == 0;
        if (all)
            return (int)w;
    }
    return -1;
}

/* Every metric but the whole is a part of `whole` ("" when the first is a part of nothing);
 * else an error naming the first that is not. */
static gboolean parts_of(const JbChart *c, int whole_index, const char *whole, GError **error)
{
    const char *kind = c->kind == JB_CHART_DONUT ? "a donut's slices" : "stacked bars";
    for (guint m = 0; m < c->metrics->len; m++) {
        const char *id = g_ptr_array_index(c->metrics, m), *w = part_of(c, id);
        if ((int)m == whole_index || (*whole && strcmp(w, whole) == 0))
            continue;
        if (!*w)
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "chart '%s': %s must be parts of one whole, and '%s' is declared part of "
                        "nothing (part_of in the dictionary): it is never summed with the others",
                        c->metric_id, kind, id);
        else
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "chart '%s': %s must be parts of one whole: '%s' is part of '%s', not of "
                        "'%s'",
                        c->metric_id, kind, id, w, whole);
        return FALSE;
    }
    return TRUE;
}

/* The latest period every metric has a value for: a donut shows one period. */
static char *common_period(const JbChart *c)
{
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    for (guint i = s0->points->len; i-- > 0;) {
        const char *label = ((const JbChartPoint *)g_ptr_array_index(s0->points, i))->label;
        gboolean all = TRUE;
        for (guint m = 0; m < c->metrics->len && all; m++)
            all = jb_chart_point_of(c, g_ptr_array_index(c->metrics, m), label) != NULL;
        if (all)
            return g_strdup(label);
    }
    return NULL;
}

const JbChartPoint *jb_chart_point_of(const JbChart *c, const char *metric_id, const char *period)
{
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        if (strcmp(se->metric_id, metric_id) != 0)
            continue;
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            if (strcmp(p->label, period) == 0)
                return p;
        }
    }
    return NULL;
}

gboolean jb_chart_parts(JbChart *c, GError **error)
{
    c->whole = -1;
    g_clear_pointer(&c->parts_at, g_free);
    if (c->kind != JB_CHART_DONUT && c->kind != JB_CHART_STACKED)
        return TRUE;
    const char *what = c->kind == JB_CHART_DONUT ? "a donut" : "stacked bars";
    if (c->metrics->len < 2) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %s show%s the parts of a whole: name the parts (metrics = A; B; "
                    "…), each declared part_of the whole in the dictionary — one metric over "
                    "periods is not a whole",
                    c->metric_id, what, c->kind == JB_CHART_DONUT ? "s" : "");
        return FALSE;
    }
    if (!c->dict) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %s sum their metrics, and only the dictionary can say they are "
                    "parts of one whole (part_of); no dictionary was given (--dict FILE)",
                    c->metric_id, what);
        return FALSE;
    }
    int w = whole_among(c);
    const char *whole = w >= 0 ? g_ptr_array_index(c->metrics, w)
                               : part_of(c, g_ptr_array_index(c->metrics, 0));
    if (!parts_of(c, w, whole, error))
        return FALSE;
    if (w >= 0 && c->kind == JB_CHART_STACKED) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': '%s' is the whole the others are parts of: a subset is never "
                    "stacked on its whole (leave it out, or draw a donut)",
                    c->metric_id, whole);
        return FALSE;
    }
    c->whole = w;
    if (c->kind == JB_CHART_DONUT) {
        c->parts_at = common_period(c);
        if (!c->parts_at) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "chart '%s': a donut shows one period, and its metrics have none in common",
                        c->metric_id);
            return FALSE;
        }
    }
    return TRUE;
}
