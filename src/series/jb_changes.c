/* jb_changes.c — new and changed figures between two series (see jb_changes.h). */
#include "jb_changes.h"

#include <string.h>

const char *const JB_CHANGES_HEADER[] = {
    "kind",     "metric_id", "label",          "period",       "unit",  "old_value", "old_bound",
    "old_value_high", "old_forecast", "value", "bound", "value_high", "forecast", NULL};

/* The cells of a series row that make its figure. */
static const char *const FIGURE[] = {"value", "bound", "value_high", "unit", "forecast"};

typedef struct {
    const JbTable *t;
    int id, period, label, unit, fig[G_N_ELEMENTS(FIGURE)];
} Cols;

static Cols cols_of(const JbTable *t)
{
    Cols c = {.t = t,
              .id = jb_table_column(t, "metric_id"),
              .period = jb_table_column(t, "period"),
              .label = jb_table_column(t, "label"),
              .unit = jb_table_column(t, "unit")};
    for (guint i = 0; i < G_N_ELEMENTS(FIGURE); i++)
        c.fig[i] = jb_table_column(t, FIGURE[i]);
    return c;
}

static char *key_of(const Cols *c, guint r)
{
    return g_strconcat(jb_table_get(c->t, r, c->id), "\t", jb_table_get(c->t, r, c->period), NULL);
}

static gboolean same_figure(const Cols *a, guint ra, const Cols *b, guint rb)
{
    for (guint i = 0; i < G_N_ELEMENTS(FIGURE); i++)
        if (strcmp(jb_table_get(a->t, ra, a->fig[i]), jb_table_get(b->t, rb, b->fig[i])) != 0)
            return FALSE;
    return TRUE;
}

/* One row of the changes table; `old` (of `b`) or `now` (of `a`) may be absent (-1). */
static void add(JbTable *out, const char *kind, const Cols *a, gint now, const Cols *b, gint old)
{
    const Cols *any = now >= 0 ? a : b;
    guint r = (guint)(now >= 0 ? now : old);
    const char *cells[14] = {kind, jb_table_get(any->t, r, any->id),
                             jb_table_get(any->t, r, any->label),
                             jb_table_get(any->t, r, any->period),
                             jb_table_get(any->t, r, any->unit)};
    for (guint i = 0; i < 4; i++) { /* value, bound, value_high, forecast: old then new */
        guint f = i < 3 ? i : 4;
        cells[5 + i] = old >= 0 ? jb_table_get(b->t, (guint)old, b->fig[f]) : "";
        cells[9 + i] = now >= 0 ? jb_table_get(a->t, (guint)now, a->fig[f]) : "";
    }
    jb_table_append(out, cells);
}

JbTable *jb_series_changes(const JbTable *before, const JbTable *after)
{
    JbTable *out = jb_table_new(JB_CHANGES_HEADER);
    Cols b = cols_of(before), a = cols_of(after);
    g_autoptr(GHashTable) old_rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) old_ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint r = 0; r < jb_table_n_rows(before); r++) {
        g_hash_table_insert(old_rows, key_of(&b, r), GUINT_TO_POINTER(r + 1));
        g_hash_table_add(old_ids, (gpointer)jb_table_get(before, r, b.id));
    }
    g_autoptr(GHashTable) new_rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 0; r < jb_table_n_rows(after); r++)
        g_hash_table_add(new_rows, key_of(&a, r));
    static const char *const KINDS[] = {"revised", "new_period", "new_metric"};
    for (guint k = 0; k < G_N_ELEMENTS(KINDS); k++)
        for (guint r = 0; r < jb_table_n_rows(after); r++) {
            g_autofree char *key = key_of(&a, r);
            guint old = GPOINTER_TO_UINT(g_hash_table_lookup(old_rows, key));
            const char *kind = old ? (same_figure(&a, r, &b, old - 1) ? NULL : "revised")
                               : g_hash_table_contains(old_ids, jb_table_get(after, r, a.id))
                                   ? "new_period"
                                   : "new_metric";
            if (kind && strcmp(kind, KINDS[k]) == 0)
                add(out, kind, &a, (gint)r, &b, old ? (gint)old - 1 : -1);
        }
    for (guint r = 0; r < jb_table_n_rows(before); r++) {
        g_autofree char *key = key_of(&b, r);
        if (!g_hash_table_contains(new_rows, key))
            add(out, "removed", &a, -1, &b, (gint)r);
    }
    return out;
}
