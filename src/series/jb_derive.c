#include "jb_derive.h"
#include "jb_period.h"
#include "jb_series.h"

#include "jb_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name, *suffix, *label;
    JbDerive flag;
} KINDS[] = {
    {"change", ".change", "变化", JB_DERIVE_CHANGE},
    {"multiple", ".multiple", "增长倍数", JB_DERIVE_MULTIPLE},
    {"cagr", ".cagr", "年均复合增长率", JB_DERIVE_CAGR},
    {"yoy", ".yoy", "同比增速", JB_DERIVE_YOY},
};

gboolean jb_derive_parse(const char *list, guint *flags, GError **error)
{
    g_auto(GStrv) words = g_strsplit(list, ",", -1);
    for (char **w = words; *w; w++) {
        const char *word = g_strstrip(*w);
        if (!*word)
            continue;
        if (strcmp(word, "all") == 0) {
            *flags |= JB_DERIVE_ALL;
            continue;
        }
        gboolean found = FALSE;
        for (guint k = 0; k < G_N_ELEMENTS(KINDS); k++)
            if (strcmp(word, KINDS[k].name) == 0) {
                *flags |= KINDS[k].flag;
                found = TRUE;
            }
        if (!found) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "--derive: unknown series '%s' (change, multiple, cagr, yoy or all)", word);
            return FALSE;
        }
    }
    return TRUE;
}

/* A double rounded to two decimals, as a plain decimal string ("3", "44.22", "-12.5"). */
static char *two_decimals(double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.2f", x);
    if (strcmp(buf, "-0.00") == 0)
        strcpy(buf, "0.00");
    JbDecimal d;
    if (!jb_decimal_parse(buf, &d))
        return NULL;
    return jb_decimal_to_string(jb_decimal_normalize(d));
}

/* ---- periods -------------------------------------------------------------------------- */

/* "2025" → 2025, "2022-06" → 2022 + 5/12, "2022-06-24" → 2022 + 5/12 + 23/365. */
static gboolean period_years(const char *p, double *out)
{
    int y = 0, m = 1, d = 1;
    int n = sscanf(p, "%4d-%2d-%2d", &y, &m, &d);
    if (n < 1)
        return FALSE;
    *out = y + (m - 1) / 12.0 + (d - 1) / 365.0;
    return TRUE;
}

/* The same period one year earlier: "2025" → "2024", "2025-06" → "2024-06". */
static char *year_before(const char *p)
{
    if (strlen(p) < 4 || !g_ascii_isdigit(p[0]))
        return NULL;
    return g_strdup_printf("%04d%s", atoi(p) - 1, p + 4);
}

/* ---- the derivation ------------------------------------------------------------------- */

typedef struct {
    const char *period, *label, *unit, *sources;
    JbDecimal value;
    JbBound bound;
    gboolean forecast;
} Point;

/* Where the schema's columns are in the output (its header is the input's). */
typedef struct {
    int col[JB_SERIES_N_COLS];
} Cols;

static char *merge_sources(const char *a, const char *b)
{
    g_autoptr(GString) out = g_string_new(a);
    g_auto(GStrv) parts = g_strsplit(b, "; ", -1);
    g_auto(GStrv) have = g_strsplit(a, "; ", -1);
    for (char **p = parts; *p; p++) {
        if (!**p || g_strv_contains((const char *const *)have, *p))
            continue;
        if (out->len)
            g_string_append(out, "; ");
        g_string_append(out, *p);
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

typedef struct {
    char *period, *value, *sources;
    JbBound bound;
    gboolean forecast;
    double abs;
} Derived;

static void derived_clear(gpointer p)
{
    Derived *d = p;
    g_free(d->period);
    g_free(d->value);
    g_free(d->sources);
}

static void emit(JbTable *out, const Cols *c, const char *id, const char *suffix, const char *label,
                 const char *unit, GArray *rows)
{
    double max_abs = 0;
    for (guint i = 0; i < rows->len; i++)
        max_abs = MAX(max_abs, g_array_index(rows, Derived, i).abs);
    g_autofree char *did = g_strconcat(id, suffix, NULL);
    guint n = jb_table_n_cols(out);
    for (guint i = 0; i < rows->len; i++) {
        const Derived *d = &g_array_index(rows, Derived, i);
        g_autofree const char **cells = g_new0(const char *, n + 1);
        JbPeriod when;
        const char *freq = jb_period_parse(d->period, &when, NULL)
                               ? jb_freq_name(jb_period_freq(&when))
                               : "";
        const char *set[JB_SERIES_N_COLS] = {
            [JB_SERIES_METRIC_ID] = did,
            [JB_SERIES_LABEL] = label,
            [JB_SERIES_PERIOD] = d->period,
            [JB_SERIES_VALUE] = d->value,
            [JB_SERIES_UNIT] = unit,
            [JB_SERIES_BOUND] = jb_bound_name(d->bound),
            [JB_SERIES_FORECAST] = d->forecast ? "1" : "0",
            [JB_SERIES_SOURCES] = d->sources,
            [JB_SERIES_DISPLAY_UNIT] = jb_units_display(unit, max_abs),
            [JB_SERIES_FREQUENCY] = freq,
        }; /* value_high stays empty: no derived figure is a range */
        for (guint k = 0; k < JB_SERIES_N_COLS; k++)
            if (set[k] && c->col[k] >= 0)
                cells[c->col[k]] = set[k];
        jb_table_append(out, cells);
    }
}

static int by_period(gconstpointer a, gconstpointer b)
{
    return strcmp(((const Point *)a)->period, ((const Point *)b)->period);
}

static gboolean is_derived_id(const char *id)
{
    for (guint k = 0; k < G_N_ELEMENTS(KINDS); k++)
        if (g_str_has_suffix(id, KINDS[k].suffix))
            return TRUE;
    return FALSE;
}

static void derive_metric(JbTable *out, const Cols *c, const char *id, GArray *pts, guint flags)
{
    g_array_sort(pts, by_period);
    const Point *first = &g_array_index(pts, Point, 0);
    const char *unit = first->unit;
    gboolean ratio = jb_unit_is_ratio(unit);
    for (guint k = 0; k < G_N_ELEMENTS(KINDS); k++) {
        if (!(flags & KINDS[k].flag) || (ratio && KINDS[k].flag != JB_DERIVE_CHANGE))
            continue;
        g_autoptr(GArray) rows = g_array_new(FALSE, TRUE, sizeof(Derived));
        g_array_set_clear_func(rows, derived_clear);
        for (guint i = 1; i < pts->len; i++) {
            const Point *b = &g_array_index(pts, Point, i);
            const Point *a = &g_array_index(pts, Point, i - 1);
            if (KINDS[k].flag == JB_DERIVE_YOY) {
                g_autofree char *want = year_before(b->period);
                a = NULL;
                for (guint j = 0; want && j < i; j++)
                    if (strcmp(g_array_index(pts, Point, j).period, want) == 0)
                        a = &g_array_index(pts, Point, j);
                if (!a)
                    continue;
            }
            double va = jb_decimal_to_double(a->value), vb = jb_decimal_to_double(b->value);
            Derived d = {.bound = jb_units_bound_of(b->bound, a->bound),
                         .forecast = a->forecast || b->forecast};
            if (KINDS[k].flag == JB_DERIVE_CHANGE) {
                JbDecimal diff;
                if (!jb_units_sub(b->value, a->value, &diff))
                    continue;
                d.value = jb_decimal_to_string(diff);
                d.abs = fabs(jb_decimal_to_double(diff));
            } else {
                if (!(va > 0) || vb < 0)
                    continue;
                if (KINDS[k].flag == JB_DERIVE_CAGR) {
                    /* a root: the only one computed in floating point */
                    double ya, yb;
                    if (!period_years(a->period, &ya) || !period_years(b->period, &yb) ||
                        yb - ya <= 0)
                        continue;
                    d.value = two_decimals((pow(vb / va, 1.0 / (yb - ya)) - 1) * 100);
                } else {
                    /* exact, as the chart's and the report's growth: jb_units */
                    JbDecimal num = b->value, q;
                    if (KINDS[k].flag == JB_DERIVE_YOY) {
                        if (!jb_units_sub(b->value, a->value, &num))
                            continue;
                        num.exp10 += 2;
                    }
                    if (jb_units_div(num, a->value, 2, &q))
                        d.value = jb_decimal_to_string(q);
                }
                if (!d.value)
                    continue;
            }
            d.period = g_strdup(b->period);
            d.sources = merge_sources(a->sources, b->sources);
            g_array_append_val(rows, d);
        }
        const char *dunit = KINDS[k].flag == JB_DERIVE_CHANGE
                                ? (strcmp(unit, "%") == 0 ? "百分点" : unit)
                            : KINDS[k].flag == JB_DERIVE_MULTIPLE ? "倍"
                                                                  : "%";
        g_autofree char *label = g_strconcat(first->label, KINDS[k].label, NULL);
        emit(out, c, id, KINDS[k].suffix, label, dunit, rows);
    }
}

JbTable *jb_derive(const JbTable *table, guint flags)
{
    guint n = jb_table_n_cols(table);
    g_autofree const char **header = g_new0(const char *, n + 1);
    for (guint i = 0; i < n; i++)
        header[i] = jb_table_header(table, i);
    JbTable *out = jb_table_new(header);
    Cols c;
    jb_series_columns(table, c.col);
    g_autoptr(JbSeries) series = jb_series_new(table);
    if (!jb_series_check(series, NULL) || !flags)
        return out;
    /* metric ids in order of first appearance, each with its points */
    g_autoptr(GPtrArray) order = g_ptr_array_new();
    g_autoptr(GHashTable)
        by_id = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_array_unref);
    for (guint r = 0; r < jb_series_n_rows(series); r++) {
        const JbSeriesRow *row = jb_series_row(series, r);
        const char *id = row->metric_id;
        if (!*id || is_derived_id(id) || !row->has_value)
            continue;
        /* an unknown bound reads as exact; a range is exact at its low end (fig.bound) */
        Point p = {.period = row->period_text,
                   .label = *row->label ? row->label : id,
                   .unit = row->unit,
                   .sources = row->sources,
                   .value = row->fig.value,
                   .bound = row->fig.bound,
                   .forecast = row->forecast};
        GArray *pts = g_hash_table_lookup(by_id, id);
        if (!pts) {
            pts = g_array_new(FALSE, FALSE, sizeof(Point));
            g_hash_table_insert(by_id, (gpointer)id, pts);
            g_ptr_array_add(order, (gpointer)id);
        }
        g_array_append_val(pts, p);
    }
    for (guint i = 0; i < order->len; i++) {
        const char *id = g_ptr_array_index(order, i);
        derive_metric(out, &c, id, g_hash_table_lookup(by_id, id), flags);
    }
    return out;
}
