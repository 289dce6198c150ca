/* jb_series.h — series.csv: its schema, and its rows typed for the stages that read it.
 *
 * reshape writes series.csv; chart, report and build read it. The columns are named here
 * once (JB_SERIES_HEADER, JbSeriesCol) and a row is read once: its period parsed in the one
 * grammar (jb_period), its value, bound and upper end as a JbFigure that keeps the digits
 * the source wrote ("7.0" stays 7.0), its forecast flag as a boolean. A reader takes the
 * fields it needs instead of finding columns by name and parsing cells again.
 *
 * A series.csv may come from a person (columns in any order, extra or missing columns,
 * an odd cell): missing columns read as "", and a row keeps its cells as written beside
 * what could be parsed of them, so each reader decides what a bad cell means to it.
 *
 * Also the wide layout spreadsheets want (one row per period, a column per metric), both ways
 * (jb_series_wide.c).
 *
 * Not for: merging statements into series (jb_reshape) or drawing them (jb_chart).
 * Ownership: a JbSeries borrows the JbTable it is made from (jb_series_new) or owns it
 * (jb_series_new_take, jb_series_read);
 * rows and their strings are borrowed from the series and live as long as it and the table.
 */
#ifndef JB_SERIES_H
#define JB_SERIES_H

#include "jb_common.h"
#include "jb_period.h"
#include "jb_table.h"
#include "jb_units.h"

#include <glib.h>

/* The columns of series.csv, in the order reshape writes them (JB_SERIES_HEADER[col]). */
typedef enum {
    JB_SERIES_METRIC_ID,
    JB_SERIES_LABEL,
    JB_SERIES_PERIOD,
    JB_SERIES_VALUE,
    JB_SERIES_UNIT,
    JB_SERIES_BOUND,
    JB_SERIES_FORECAST,
    JB_SERIES_SOURCES,
    JB_SERIES_DISPLAY_UNIT, /* a hint: 万, 亿, 万亿 or empty (jb_units_display) */
    JB_SERIES_FREQUENCY,    /* the period's: jb_freq_name */
    JB_SERIES_VALUE_HIGH,   /* the upper end of a range (bound "range"), else empty */
    JB_SERIES_N_COLS
} JbSeriesCol;

/* series.csv's header, NULL-terminated:
 * metric_id,label,period,value,unit,bound,forecast,sources,display_unit,frequency,value_high */
extern const char *const JB_SERIES_HEADER[];

/* Where each column of the schema is in `t` (-1 when it lacks one): for code that writes or
 * edits a series table in place (jianbao build's review pins). */
void jb_series_columns(const JbTable *t, int cols[JB_SERIES_N_COLS]);

/* One row of series.csv. Every string is the cell as written ("" when the column is
 * missing), but metric_id, label and sources without the guard against spreadsheet formulas
 * every CSV writer gives them ('=x is =x; `cell` has them as written); the typed fields are
 * what could be read of them. */
typedef struct {
    const char *cell[JB_SERIES_N_COLS];
    const char *metric_id, *label, *period_text, *unit, *sources, *display_unit, *frequency;
    JbPeriod period;
    gboolean timed;     /* the period is of the grammar (else `period` is zero) */
    JbFigure fig;       /* value, bound and value_high; see has_value, stated */
    gboolean has_value; /* the value is a plain decimal: fig holds it, as exact when the
                         * bound or upper end cannot be read (!stated) */
    gboolean stated;    /* value, bound and value_high all read (jb_figure_parse) */
    gboolean forecast;  /* forecast is "1" */
    guint row;          /* the table's row index */
    guint line;         /* its line in its file */
} JbSeriesRow;

typedef struct JbSeries JbSeries;

/* The series of `t`, read row by row; `t` is borrowed and must outlive it. Never fails: a
 * table without the schema's columns gives rows of "" (see jb_series_check). */
JbSeries *jb_series_new(const JbTable *t);
/* The same, taking `t` over: the series frees it. */
JbSeries *jb_series_new_take(JbTable *t);
/* Read the file `path` (jb_table_read) as a series, which owns the table. */
JbSeries *jb_series_read(const char *path, GError **error);
void jb_series_free(JbSeries *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbSeries, jb_series_free)

/* FALSE and JB_ERROR_INPUT ("FILE:1: not a series table (needs metric_id, period, value)")
 * when the table lacks one of the columns a series is made of. */
gboolean jb_series_check(const JbSeries *s, GError **error);

const JbTable *jb_series_table(const JbSeries *s);
/* The table's name (its file) for messages, and that of the file row `row` came from. */
const char *jb_series_source(const JbSeries *s);
const char *jb_series_row_source(const JbSeries *s, guint row);
guint jb_series_n_rows(const JbSeries *s);
const JbSeriesRow *jb_series_row(const JbSeries *s, guint row);
/* The row indices of metric `id`, in file order (guint; empty when it has none). Borrowed. */
const GArray *jb_series_rows_of(const JbSeries *s, const char *id);
/* The metric ids in order of first appearance, empty ids left out (borrowed strings). */
const GPtrArray *jb_series_ids(const JbSeries *s);

/* ---- long cells out of memory (jb_series_spill.c) ----
 * A row's sources list every article that states its value: at 100000 articles a series of
 * 60 rows was 13 MB, nearly all of it that column, the most of jianbao build's memory once
 * its articles were done with, and it grew with the archive. A JbSpill keeps such a cell in
 * a file of no name and the table keeps a reference in its place: the byte 0x01, then the
 * SHA-256 of the text in hex (one text is written once; a key made of the table's cells
 * changes when a text does). A series made with one (jb_series_take_spill) is read through
 * jb_series_row_sources and written through jb_series_csv_stream: its table's sources cells
 * and `row->sources` may be references. */
typedef struct JbSpill JbSpill;
/* Cells shorter than this stay in memory: a reference is 66 bytes. */
#define JB_SPILL_MIN 256
/* A file of no name in `dir` (in the temporary directory when that cannot be: NULL `dir`, no
 * O_TMPFILE there); NULL when none can be made. */
JbSpill *jb_spill_new(const char *dir);
void jb_spill_free(JbSpill *sp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbSpill, jb_spill_free)
/* The cell to keep in place of `text`: a reference, newly allocated, once the text is in the
 * file; NULL to keep the text itself (shorter than JB_SPILL_MIN, no `sp`, or the file could
 * not take it). Never beside a jb_spill_get on another thread. */
char *jb_spill_put(JbSpill *sp, const char *text);
/* The text `cell` stands for (a copy of `cell` when it is no reference of `sp`), newly
 * allocated; NULL when the file could not be read. Thread-safe (pread). */
char *jb_spill_get(const JbSpill *sp, const char *cell);
/* `s` takes `sp` over (frees it with itself): its references are read through it. */
void jb_series_take_spill(JbSeries *s, JbSpill *sp);
const JbSpill *jb_series_spill(const JbSeries *s);
/* Row `row`'s sources as row->sources gives a series without references (without the
 * guard against formulas), newly allocated; "" when its text could not be read back.
 * Thread-safe. */
char *jb_series_row_sources(const JbSeries *s, const JbSeriesRow *row);
/* jb_table_csv_stream of the series' table, each reference written as its text: series.csv's
 * bytes. FALSE (JB_ERROR_OUTPUT) when a text could not be read back. */
gboolean jb_series_csv_stream(const JbSeries *s, JbCsvKeep keep, gpointer keep_data, JbCsvSink sink,
                              gpointer sink_data, GError **error);

/* The wide layout of a series table: one row per period (sorted), a column `ID` of values
 * per metric (in order of first appearance), then for each metric the columns `ID|label`,
 * `ID|unit`, `ID|bound`, `ID|forecast`, `ID|sources`, `ID|display_unit`, `ID|frequency`,
 * `ID|value_high`, so that
 * jb_series_from_wide() gives the long table back exactly. */
JbTable *jb_series_to_wide(const JbTable *series);

/* Back from the wide layout to series.csv rows (sorted by metric and period). Attribute
 * columns may be missing (label defaults to the id, bound exact, forecast 0, others empty);
 * cells neutralised for spreadsheets (jb_csv_safe_text) are restored. A value that is not a
 * plain decimal is skipped with a "file:line: ..." warning. NULL + JB_ERROR_INPUT when there
 * is no `period` column. */
JbTable *jb_series_from_wide(const JbTable *wide, JbDiag *warnings, GError **error);

#endif
