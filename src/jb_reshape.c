#include "jb_reshape.h"

#include "jb_common.h"
#include "jb_number.h"

#include <string.h>

const char *const JB_SERIES_HEADER[] = {"metric_id", "label",    "period",  "value",
                                        "unit",      "bound",    "forecast", "sources",
                                        NULL};

typedef struct {
    char *metric_id, *period, *unit, *published, *source;
    JbDecimal value;
    JbBound bound;
    gboolean forecast;
    guint line;
} Obs;

static void obs_free(Obs *o)
{
    g_free(o->metric_id);
    g_free(o->period);
    g_free(o->unit);
    g_free(o->published);
    g_free(o->source);
    g_free(o);
}

/* Which of two disagreeing observations to keep: >0 prefers a, <0 prefers b. */
static int preference(const Obs *a, const Obs *b)
{
    if (a->forecast != b->forecast)
        return a->forecast ? -1 : 1;
    gboolean ax = a->bound == JB_BOUND_EXACT, bx = b->bound == JB_BOUND_EXACT;
    if (ax != bx)
        return ax ? 1 : -1;
    return strcmp(a->published, b->published) >= 0 ? 1 : -1;
}

static int by_metric_period(gconstpointer pa, gconstpointer pb)
{
    const Obs *a = *(Obs *const *)pa, *b = *(Obs *const *)pb;
    int c = strcmp(a->metric_id, b->metric_id);
    return c ? c : strcmp(a->period, b->period);
}

JbTable *jb_reshape(const JbTable *metrics, const JbDict *dict, const JbReshapeOptions *opt,
                    GPtrArray *warnings, GError **error)
{
    const char *src = jb_table_source(metrics);
    int c_id = jb_table_column(metrics, "metric_id"), c_period = jb_table_column(metrics, "period"),
        c_value = jb_table_column(metrics, "value"), c_unit = jb_table_column(metrics, "unit"),
        c_bound = jb_table_column(metrics, "bound"),
        c_forecast = jb_table_column(metrics, "forecast"),
        c_source = jb_table_column(metrics, "source"),
        c_pub = jb_table_column(metrics, "published");
    const char *need[] = {"metric_id", "period", "value", "unit"};
    int have[] = {c_id, c_period, c_value, c_unit};
    for (guint i = 0; i < G_N_ELEMENTS(need); i++)
        if (have[i] < 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:1: missing column '%s'", src, need[i]);
            return NULL;
        }

    g_autoptr(GPtrArray) obs = g_ptr_array_new_with_free_func((GDestroyNotify)obs_free);
    for (guint r = 0; r < jb_table_n_rows(metrics); r++) {
        guint line = jb_table_line(metrics, r);
        const char *id = jb_table_get(metrics, r, c_id);
        if (!id[0])
            continue;
        Obs o = {.line = line, .bound = JB_BOUND_EXACT};
        const char *v = jb_table_get(metrics, r, c_value);
        const char *period = jb_table_get(metrics, r, c_period);
        const char *bound = jb_table_get(metrics, r, c_bound);
        if (!jb_decimal_parse(v, &o.value)) {
            g_ptr_array_add(warnings, g_strdup_printf("%s:%u: value '%s' is not a plain decimal; "
                                                      "row skipped", src, line, v));
            continue;
        }
        if (strlen(period) < 4 || !g_ascii_isdigit(period[0])) {
            g_ptr_array_add(warnings, g_strdup_printf("%s:%u: period '%s' is not an ISO date; "
                                                      "row skipped", src, line, period));
            continue;
        }
        if (bound[0] && !jb_bound_parse(bound, &o.bound)) {
            g_ptr_array_add(warnings, g_strdup_printf("%s:%u: unknown bound '%s'; row skipped",
                                                      src, line, bound));
            continue;
        }
        Obs *n = g_new(Obs, 1);
        *n = o;
        n->metric_id = g_strdup(id);
        n->period = opt && opt->year_periods ? g_strndup(period, 4) : g_strdup(period);
        n->unit = g_strdup(jb_table_get(metrics, r, c_unit));
        n->forecast = strcmp(jb_table_get(metrics, r, c_forecast), "1") == 0;
        n->source = g_strdup(jb_table_get(metrics, r, c_source));
        n->published = g_strdup(jb_table_get(metrics, r, c_pub));
        g_ptr_array_add(obs, n);
    }
    /* stable: rows keep file order within a metric and period */
    g_ptr_array_sort(obs, by_metric_period);

    JbTable *series = jb_table_new(JB_SERIES_HEADER);
    for (guint i = 0; i < obs->len;) {
        const Obs *first = g_ptr_array_index(obs, i);
        guint j = i;
        const Obs *best = first;
        g_autoptr(GString) sources = g_string_new(NULL);
        g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
        for (; j < obs->len; j++) {
            const Obs *o = g_ptr_array_index(obs, j);
            if (strcmp(o->metric_id, first->metric_id) || strcmp(o->period, first->period))
                break;
            if (!jb_decimal_equal(o->value, best->value)) {
                g_autofree char *a = jb_decimal_to_string(best->value);
                g_autofree char *b = jb_decimal_to_string(o->value);
                const Obs *win = preference(o, best) > 0 ? o : best;
                g_autofree char *w = jb_decimal_to_string(win->value);
                g_ptr_array_add(warnings,
                                g_strdup_printf("%s:%u: conflict for %s %s: %s (%s) vs %s (%s); "
                                                "kept %s",
                                                src, o->line, o->metric_id, o->period, a,
                                                best->source, b, o->source, w));
                best = win;
            } else if (preference(o, best) > 0 && (o->forecast != best->forecast ||
                                                    o->bound != best->bound)) {
                best = o; /* same value: keep the firmer statement of it */
            }
            if (o->source[0] && g_hash_table_add(seen, o->source)) {
                if (sources->len)
                    g_string_append(sources, "; ");
                g_string_append(sources, o->source);
            }
        }
        const JbMetric *m = dict ? jb_dict_get(dict, first->metric_id) : NULL;
        g_autofree char *value = jb_decimal_to_string(best->value);
        const char *cells[] = {first->metric_id, m ? m->label : first->metric_id, first->period,
                               value, best->unit, jb_bound_name(best->bound),
                               best->forecast ? "1" : "0", sources->str};
        jb_table_append(series, cells);
        i = j;
    }
    return series;
}
