/* jb_changes.c — new and changed figures between two series (see jb_changes.h). */
#include "jb_changes.h"
#include "jb_series.h"

#include <string.h>

const char *const JB_CHANGES_HEADER[] = {
    "kind",           "metric_id",    "label", "period", "unit",       "old_value", "old_bound",
    "old_value_high", "old_forecast", "value", "bound",  "value_high", "forecast",  NULL};

/* The cells of a series row that make its figure: compared as written (7.0 is not 7). */
static const JbSeriesCol FIGURE[] = {JB_SERIES_VALUE, JB_SERIES_BOUND, JB_SERIES_VALUE_HIGH,
                                     JB_SERIES_UNIT, JB_SERIES_FORECAST};

static char *key_of(const JbSeriesRow *r)
{
    return g_strconcat(r->metric_id, "\t", r->period_text, NULL);
}

static gboolean same_figure(const JbSeriesRow *a, const JbSeriesRow *b)
{
    for (guint i = 0; i < G_N_ELEMENTS(FIGURE); i++)
        if (strcmp(a->cell[FIGURE[i]], b->cell[FIGURE[i]]) != 0)
            return FALSE;
    return TRUE;
}

/* One row of the changes table; `old` or `now` may be absent (NULL). */
static void add(JbTable *out, const char *kind, const JbSeriesRow *now, const JbSeriesRow *old)
{
    const JbSeriesRow *any = now ? now : old;
    const char *cells[14] = {kind, any->metric_id, any->label, any->period_text, any->unit};
    static const JbSeriesCol SHOWN[] = {JB_SERIES_VALUE, JB_SERIES_BOUND, JB_SERIES_VALUE_HIGH,
                                        JB_SERIES_FORECAST};
    for (guint i = 0; i < G_N_ELEMENTS(SHOWN); i++) { /* old then new */
        cells[5 + i] = old ? old->cell[SHOWN[i]] : "";
        cells[9 + i] = now ? now->cell[SHOWN[i]] : "";
    }
    jb_table_append(out, cells);
}

JbTable *jb_series_changes(const JbTable *before_table, const JbTable *after_table)
{
    JbTable *out = jb_table_new(JB_CHANGES_HEADER);
    g_autoptr(JbSeries) before = jb_series_new(before_table);
    g_autoptr(JbSeries) after = jb_series_new(after_table);
    g_autoptr(GHashTable) old_rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 0; r < jb_series_n_rows(before); r++)
        g_hash_table_insert(old_rows, key_of(jb_series_row(before, r)), GUINT_TO_POINTER(r + 1));
    g_autoptr(GHashTable) new_rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 0; r < jb_series_n_rows(after); r++)
        g_hash_table_add(new_rows, key_of(jb_series_row(after, r)));
    static const char *const KINDS[] = {"revised", "new_period", "new_metric"};
    for (guint k = 0; k < G_N_ELEMENTS(KINDS); k++)
        for (guint r = 0; r < jb_series_n_rows(after); r++) {
            const JbSeriesRow *now = jb_series_row(after, r);
            g_autofree char *key = key_of(now);
            guint old = GPOINTER_TO_UINT(g_hash_table_lookup(old_rows, key));
            const JbSeriesRow *was = old ? jb_series_row(before, old - 1) : NULL;
            const char *kind = was ? (same_figure(now, was) ? NULL : "revised")
                               : jb_series_rows_of(before, now->metric_id)->len ? "new_period"
                                                                                : "new_metric";
            if (kind && strcmp(kind, KINDS[k]) == 0)
                add(out, kind, now, was);
        }
    for (guint r = 0; r < jb_series_n_rows(before); r++) {
        const JbSeriesRow *was = jb_series_row(before, r);
        g_autofree char *key = key_of(was);
        if (!g_hash_table_contains(new_rows, key))
            add(out, "removed", NULL, was);
    }
    return out;
}
