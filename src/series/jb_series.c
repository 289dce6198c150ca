/* jb_series.c — series.csv's schema and typed rows (see jb_series.h). */
#include "jb_series.h"

#include "jb_common.h"

#include <string.h>

const char *const JB_SERIES_HEADER[] = {"metric_id",    "label",     "period",     "value",
                                        "unit",         "bound",     "forecast",   "sources",
                                        "display_unit", "frequency", "value_high", NULL};

struct JbSeries {
    const JbTable *table;
    JbTable *owned; /* the table, when the series owns it */
    JbSeriesRow *rows;
    guint n;
    int cols[JB_SERIES_N_COLS];
    GHashTable *by_id; /* metric id (borrowed) → GArray of row indices */
    GPtrArray *ids;    /* non-empty ids in order of first appearance (borrowed) */
    GArray *none;      /* the rows of an id the series lacks: empty */
    JbSpill *spill;    /* where its references' texts are (jb_series_take_spill); owned */
};

void jb_series_columns(const JbTable *t, int cols[JB_SERIES_N_COLS])
{
    for (guint c = 0; c < JB_SERIES_N_COLS; c++)
        cols[c] = jb_table_column(t, JB_SERIES_HEADER[c]);
}

/* A free-text cell without the guard against formulas reshape gives it ('=x → =x), as a
 * view into the cell (jb_csv_plain_text without the copy). */
static const char *unguarded(const char *cell)
{
    return cell[0] == '\'' && cell[1] && strchr("=+-@\t\r", cell[1]) ? cell + 1 : cell;
}

static void read_row(const JbSeries *s, guint r, JbSeriesRow *row)
{
    for (guint c = 0; c < JB_SERIES_N_COLS; c++)
        row->cell[c] = jb_table_get(s->table, r, s->cols[c]);
    row->metric_id = unguarded(row->cell[JB_SERIES_METRIC_ID]); /* a hand-made metrics.csv's */
    row->label = unguarded(row->cell[JB_SERIES_LABEL]);
    row->period_text = row->cell[JB_SERIES_PERIOD];
    row->unit = row->cell[JB_SERIES_UNIT];
    row->sources = unguarded(row->cell[JB_SERIES_SOURCES]);
    row->display_unit = row->cell[JB_SERIES_DISPLAY_UNIT];
    row->frequency = row->cell[JB_SERIES_FREQUENCY];
    row->timed = jb_period_parse(row->period_text, &row->period, NULL);
    if (!row->timed)
        memset(&row->period, 0, sizeof row->period);
    const char *value = row->cell[JB_SERIES_VALUE];
    row->stated = jb_figure_parse(value, row->cell[JB_SERIES_BOUND],
                                  row->cell[JB_SERIES_VALUE_HIGH], &row->fig);
    row->has_value = row->stated || jb_figure_parse(value, "", NULL, &row->fig);
    row->forecast = strcmp(row->cell[JB_SERIES_FORECAST], "1") == 0;
    row->row = r;
    row->line = jb_table_line(s->table, r);
}

static JbSeries *make(const JbTable *t, JbTable *owned)
{
    JbSeries *s = g_new0(JbSeries, 1);
    s->table = t;
    s->owned = owned;
    jb_series_columns(t, s->cols);
    s->n = jb_table_n_rows(t);
    s->rows = g_new0(JbSeriesRow, MAX(s->n, 1));
    s->by_id = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_array_unref);
    s->ids = g_ptr_array_new();
    s->none = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint r = 0; r < s->n; r++) {
        JbSeriesRow *row = &s->rows[r];
        read_row(s, r, row);
        GArray *rows = g_hash_table_lookup(s->by_id, row->metric_id);
        if (!rows) {
            rows = g_array_new(FALSE, FALSE, sizeof(guint));
            g_hash_table_insert(s->by_id, (gpointer)row->metric_id, rows);
            if (*row->metric_id)
                g_ptr_array_add(s->ids, (gpointer)row->metric_id);
        }
        g_array_append_val(rows, r);
    }
    return s;
}

JbSeries *jb_series_new(const JbTable *t)
{
    return make(t, NULL);
}

JbSeries *jb_series_new_take(JbTable *t)
{
    return make(t, t);
}

JbSeries *jb_series_read(const char *path, GError **error)
{
    JbTable *t = jb_table_read(path, error);
    return t ? make(t, t) : NULL;
}

void jb_series_free(JbSeries *s)
{
    if (!s)
        return;
    g_free(s->rows);
    g_hash_table_unref(s->by_id);
    g_ptr_array_unref(s->ids);
    g_array_unref(s->none);
    if (s->owned)
        jb_table_free(s->owned);
    jb_spill_free(s->spill);
    g_free(s);
}

gboolean jb_series_check(const JbSeries *s, GError **error)
{
    if (s->cols[JB_SERIES_METRIC_ID] >= 0 && s->cols[JB_SERIES_PERIOD] >= 0 &&
        s->cols[JB_SERIES_VALUE] >= 0)
        return TRUE;
    g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                "%s:1: not a series table (needs metric_id, period, value)",
                jb_table_source(s->table));
    return FALSE;
}

void jb_series_take_spill(JbSeries *s, JbSpill *sp)
{
    jb_spill_free(s->spill);
    s->spill = sp;
}

const JbSpill *jb_series_spill(const JbSeries *s)
{
    return s->spill;
}

const JbTable *jb_series_table(const JbSeries *s)
{
    return s->table;
}

const char *jb_series_source(const JbSeries *s)
{
    return jb_table_source(s->table);
}

const char *jb_series_row_source(const JbSeries *s, guint row)
{
    return jb_table_row_source(s->table, row);
}

guint jb_series_n_rows(const JbSeries *s)
{
    return s->n;
}

const JbSeriesRow *jb_series_row(const JbSeries *s, guint row)
{
    g_return_val_if_fail(row < s->n, NULL);
    return &s->rows[row];
}

const GArray *jb_series_rows_of(const JbSeries *s, const char *id)
{
    const GArray *rows = g_hash_table_lookup(s->by_id, id);
    return rows ? rows : s->none;
}

const GPtrArray *jb_series_ids(const JbSeries *s)
{
    return s->ids;
}
