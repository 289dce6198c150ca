/* jb_series_wide.c — the wide layout of series.csv, both ways (see jb_series.h): what a
 * spreadsheet wants, one row per period and a column per metric. */
#include "jb_series.h"

#include "jb_common.h"

#include <string.h>

/* The series.csv columns the wide layout carries per metric, besides the value. */
static const JbSeriesCol WIDE_ATTRS[] = {
    JB_SERIES_LABEL,   JB_SERIES_UNIT,         JB_SERIES_BOUND,     JB_SERIES_FORECAST,
    JB_SERIES_SOURCES, JB_SERIES_DISPLAY_UNIT, JB_SERIES_FREQUENCY, JB_SERIES_VALUE_HIGH};

static int by_string(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

JbTable *jb_series_to_wide(const JbTable *table)
{
    g_autoptr(JbSeries) series = jb_series_new(table);
    guint n = jb_series_n_rows(series);
    g_autoptr(GPtrArray) ids = g_ptr_array_new();     /* borrowed from series */
    g_autoptr(GPtrArray) periods = g_ptr_array_new(); /* borrowed */
    g_autoptr(GHashTable) id_col = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) period_row = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint r = 0; r < n; r++) {
        const JbSeriesRow *row = jb_series_row(series, r);
        const char *id = row->metric_id, *p = row->period_text;
        if (!g_hash_table_contains(id_col, id)) {
            g_hash_table_insert(id_col, (gpointer)id, GUINT_TO_POINTER(ids->len));
            g_ptr_array_add(ids, (gpointer)id);
        }
        if (g_hash_table_add(period_row, (gpointer)p))
            g_ptr_array_add(periods, (gpointer)p);
    }
    g_ptr_array_sort(periods, by_string);
    for (guint i = 0; i < periods->len; i++)
        g_hash_table_insert(period_row, g_ptr_array_index(periods, i), GUINT_TO_POINTER(i));

    guint na = G_N_ELEMENTS(WIDE_ATTRS), ncols = 1 + ids->len * (1 + na);
    g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(header, g_strdup("period"));
    for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add(header, g_strdup(g_ptr_array_index(ids, i)));
    for (guint i = 0; i < ids->len; i++)
        for (guint a = 0; a < na; a++)
            g_ptr_array_add(header, g_strconcat(g_ptr_array_index(ids, i), "|",
                                                JB_SERIES_HEADER[WIDE_ATTRS[a]], NULL));
    g_ptr_array_add(header, NULL);
    JbTable *wide = jb_table_new((const char *const *)header->pdata);

    /* cells[period][col], borrowed strings */
    g_autofree const char **cells = g_new0(const char *, (gsize)periods->len *ncols + 1);
    for (guint p = 0; p < periods->len; p++)
        cells[(gsize)p * ncols] = g_ptr_array_index(periods, p);
    for (guint r = 0; r < n; r++) {
        const JbSeriesRow *sr = jb_series_row(series, r);
        guint i = GPOINTER_TO_UINT(g_hash_table_lookup(id_col, sr->metric_id));
        guint p = GPOINTER_TO_UINT(g_hash_table_lookup(period_row, sr->period_text));
        const char **row = cells + (gsize)p * ncols;
        if (row[1 + i])
            continue; /* a second row for the same metric and period: the first stays */
        row[1 + i] = sr->cell[JB_SERIES_VALUE];
        for (guint a = 0; a < na; a++)
            row[1 + ids->len + i * na + a] = sr->cell[WIDE_ATTRS[a]];
    }
    for (guint p = 0; p < periods->len; p++)
        jb_table_append(wide, cells + (gsize)p * ncols);
    jb_table_set_source(wide, jb_series_source(series));
    return wide;
}

static int by_id_period(gconstpointer pa, gconstpointer pb)
{
    char *const *a = *(char **const *)pa, *const *b = *(char **const *)pb;
    int c = strcmp(a[JB_SERIES_METRIC_ID], b[JB_SERIES_METRIC_ID]);
    return c ? c : strcmp(a[JB_SERIES_PERIOD], b[JB_SERIES_PERIOD]);
}

JbTable *jb_series_from_wide(const JbTable *wide, JbDiag *warnings, GError **error)
{
    const char *src = jb_table_source(wide);
    guint n = jb_table_n_cols(wide);
    g_autoptr(GPtrArray) head = g_ptr_array_new_with_free_func(g_free);
    for (guint c = 0; c < n; c++)
        g_ptr_array_add(head, jb_csv_plain_text(jb_table_header(wide, c)));
    int c_period = -1;
    for (guint c = 0; c < n; c++)
        if (strcmp(g_ptr_array_index(head, c), "period") == 0)
            c_period = (int)c;
    if (c_period < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:1: missing column 'period'", src);
        return NULL;
    }
    /* a column "X|attr" is an attribute of X when X is a column too; the rest are values */
    guint na = G_N_ELEMENTS(WIDE_ATTRS);
    g_autoptr(GHashTable) col_of = g_hash_table_new(g_str_hash, g_str_equal); /* name → c+1 */
    for (guint c = 0; c < n; c++)
        g_hash_table_insert(col_of, g_ptr_array_index(head, c), GUINT_TO_POINTER(c + 1));
    g_autofree gboolean *is_attr = g_new0(gboolean, n);
    for (guint c = 0; c < n; c++) {
        const char *h = g_ptr_array_index(head, c);
        const char *bar = strrchr(h, '|');
        if (!bar)
            continue;
        g_autofree char *base = g_strndup(h, (gsize)(bar - h));
        for (guint a = 0; a < na; a++)
            if (strcmp(bar + 1, JB_SERIES_HEADER[WIDE_ATTRS[a]]) == 0 &&
                g_hash_table_contains(col_of, base))
                is_attr[c] = TRUE;
    }
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    for (guint c = 0; c < n; c++) {
        if ((int)c == c_period || is_attr[c])
            continue;
        const char *id = g_ptr_array_index(head, c);
        int c_attr[G_N_ELEMENTS(WIDE_ATTRS)];
        for (guint a = 0; a < na; a++) {
            g_autofree char *name = g_strconcat(id, "|", JB_SERIES_HEADER[WIDE_ATTRS[a]], NULL);
            guint k = GPOINTER_TO_UINT(g_hash_table_lookup(col_of, name));
            c_attr[a] = k && is_attr[k - 1] ? (int)k - 1 : -1;
        }
        for (guint r = 0; r < jb_table_n_rows(wide); r++) {
            const char *v = jb_table_get(wide, r, (int)c);
            if (!v[0])
                continue;
            JbDecimal d;
            if (!jb_decimal_parse(v, &d)) {
                jb_diag_warn(warnings,
                             "%s:%u: value '%s' for %s is not a plain decimal; "
                             "cell skipped",
                             src, jb_table_line(wide, r), v, id);
                continue;
            }
            /* the attributes in their series.csv columns, then defaults for a hand-made file */
            char **row = g_new0(char *, JB_SERIES_N_COLS + 1);
            for (guint a = 0; a < na; a++)
                row[WIDE_ATTRS[a]] = jb_csv_plain_text(jb_table_get(wide, r, c_attr[a]));
            row[JB_SERIES_METRIC_ID] = g_strdup(id);
            row[JB_SERIES_PERIOD] = jb_csv_plain_text(jb_table_get(wide, r, c_period));
            row[JB_SERIES_VALUE] = g_strdup(v);
            static const struct {
                JbSeriesCol col;
                const char *value; /* NULL: the metric id */
            } DEFAULTS[] = {
                {JB_SERIES_LABEL, NULL}, {JB_SERIES_BOUND, "exact"}, {JB_SERIES_FORECAST, "0"}};
            for (guint k = 0; k < G_N_ELEMENTS(DEFAULTS); k++)
                if (!row[DEFAULTS[k].col][0]) {
                    g_free(row[DEFAULTS[k].col]);
                    row[DEFAULTS[k].col] = g_strdup(DEFAULTS[k].value ? DEFAULTS[k].value : id);
                }
            JbPeriod when; /* the period's own frequency */
            if (!row[JB_SERIES_FREQUENCY][0] &&
                jb_period_parse(row[JB_SERIES_PERIOD], &when, NULL)) {
                g_free(row[JB_SERIES_FREQUENCY]);
                row[JB_SERIES_FREQUENCY] = g_strdup(jb_freq_name(jb_period_freq(&when)));
            }
            /* label and sources guarded as reshape writes them (series_row) */
            const JbSeriesCol guarded[] = {JB_SERIES_LABEL, JB_SERIES_SOURCES};
            for (guint k = 0; k < G_N_ELEMENTS(guarded); k++) {
                char *g = jb_csv_safe_text(row[guarded[k]]);
                g_free(row[guarded[k]]);
                row[guarded[k]] = g;
            }
            g_ptr_array_add(rows, row);
        }
    }
    g_ptr_array_sort(rows, by_id_period);
    JbTable *series = jb_table_new(JB_SERIES_HEADER);
    for (guint i = 0; i < rows->len; i++)
        jb_table_append(series, (const char *const *)g_ptr_array_index(rows, i));
    jb_table_set_source(series, src);
    return series;
}
