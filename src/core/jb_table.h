/* jb_table.h — CSV tables: the files the stages hand each other (metrics.csv, series.csv).
 *
 * A JbTable is a header plus rows of UTF-8 strings, read and written with libcsv
 * (RFC 4180: quoted fields, embedded commas, quotes and newlines). Reading accepts what
 * people hand-edit: a UTF-8 BOM, CRLF line ends, blank lines. Each row remembers the line
 * it started on, so later stages can say "metrics.csv:12: ...".
 *
 * Not for: deciding what the columns mean (that is each stage's job).
 * Ownership: the table owns every string in it; getters return borrowed pointers that
 * live as long as the table.
 */
#ifndef JB_TABLE_H
#define JB_TABLE_H

#include <glib.h>

#include <stdio.h>

typedef struct JbTable JbTable;

/* A new empty table with the given header (NULL-terminated array, copied). */
JbTable *jb_table_new(const char *const *header);
/* Read `path`; the first record is the header. Rows whose field count differs from the
 * header's are kept (missing cells read as ""). JB_ERROR_INPUT on unreadable/bad CSV, and on
 * a quoted field never closed (naming the line it opened on): never rows silently lost. */
JbTable *jb_table_read(const char *path, GError **error);
/* Same, from memory; `source` names the data in error messages. */
JbTable *jb_table_parse(const char *source, const char *data, gsize len, GError **error);
/* Same, read from `f` a line at a time (never the whole text), the cells of the columns named
 * in `blank` (NULL-terminated, or NULL) kept as "": a table of what a reader needs from a
 * file whose one column is most of its bytes (series.csv's sources at archive scale). */
JbTable *jb_table_read_stream(const char *source, FILE *f, const char *const *blank,
                              GError **error);
void jb_table_free(JbTable *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbTable, jb_table_free)

guint jb_table_n_rows(const JbTable *t);
guint jb_table_n_cols(const JbTable *t);
const char *jb_table_header(const JbTable *t, guint col);
/* Column index of `name` in the header, or -1. */
int jb_table_column(const JbTable *t, const char *name);
/* The same, trying *hint first (where the column was in the last table asked, -1 at first)
 * and leaving the answer there: for code called a row at a time with tables of one layout
 * (one strcmp a call, not one per column before it). */
int jb_table_column_hint(const JbTable *t, const char *name, int *hint);
/* Cell text, borrowed; "" when `col` is -1 or past the row's end. */
const char *jb_table_get(const JbTable *t, guint row, int col);
/* 1-based line of the file where row `row` starts (the header is line 1). */
guint jb_table_line(const JbTable *t, guint row);
const char *jb_table_source(const JbTable *t);
/* Name the table for error messages (e.g. the path it was written to). */
void jb_table_set_source(JbTable *t, const char *source);

/* Replace cell (row, col) with a copy of `value`; nothing when col is -1 or past the row. */
void jb_table_set(JbTable *t, guint row, int col, const char *value);

/* Append a row of jb_table_n_cols() strings (copied; NULL is written as ""). */
void jb_table_append(JbTable *t, const char *const *cells);
/* Append a copy of row `row` of `from`, its cells matched to t's columns by name ("" where
 * `from` lacks one), keeping its line and its file (jb_table_row_source): a table merged
 * from several files still names each row's own file and line. */
void jb_table_append_from(JbTable *t, const JbTable *from, guint row);
/* The file row `row` came from: its own for a row jb_table_append_from copied, else
 * jb_table_source(t). Borrowed from t. */
const char *jb_table_row_source(const JbTable *t, guint row);

/* Serialise as CSV: LF line ends, fields quoted only when they must be. Caller owns it. */
GString *jb_table_to_csv(const JbTable *t);
/* Append one CSV record of `n` cells (none NULL) to `out`, quoted as jb_table_to_csv()
 * quotes them: for writers that stream rows without building a table. */
void jb_csv_append_row(GString *out, const char *const *cells, guint n);
/* The same record, with each cell's length given (lens[i] bytes of cells[i], as strlen()
 * would say): for a caller that knows them, so nothing is measured twice. */
void jb_csv_append_row_n(GString *out, const char *const *cells, const gsize *lens, guint n);
/* Where jb_table_csv_stream hands its text: FALSE with `error` set stops it. */
typedef gboolean (*JbCsvSink)(const char *bytes, gsize len, gpointer data, GError **error);
/* Whether jb_table_csv_stream writes row `row` of `t`. */
typedef gboolean (*JbCsvKeep)(const JbTable *t, guint row, gpointer data);
/* jb_table_to_csv's bytes (the header, then the rows `keep` keeps, all when it is NULL)
 * handed to `sink` about 64 KB at a time, never made whole: a series is tens of MB as text.
 * FALSE with `error` set as `sink` set it. */
gboolean jb_table_csv_stream(const JbTable *t, JbCsvKeep keep, gpointer keep_data, JbCsvSink sink,
                             gpointer sink_data, GError **error);
/* What jb_table_csv_stream_mapped writes for cell `cell` (row `row`, column `col`): NULL for
 * the cell itself, else a text of its own, which the stream frees once the row is written. */
typedef char *(*JbCsvMap)(const JbTable *t, guint row, int col, const char *cell, gpointer data);
/* jb_table_csv_stream with each row's cells given to `map` (may be NULL) first: a cell the
 * table keeps as a reference to text held elsewhere (jb_series' spilled sources) is written
 * as that text. */
gboolean jb_table_csv_stream_mapped(const JbTable *t, JbCsvKeep keep, gpointer keep_data,
                                    JbCsvMap map, gpointer map_data, JbCsvSink sink,
                                    gpointer sink_data, GError **error);
/* A JbCsvSink feeding the GChecksum `data` (never fails). */
gboolean jb_csv_sink_checksum(const char *bytes, gsize len, gpointer data, GError **error);
/* jb_table_to_csv written atomically to `path`. */
gboolean jb_table_write(const JbTable *t, const char *path, GError **error);

/* Text that a spreadsheet could take for a formula (starts with = + - @, tab or CR) gets a
 * leading apostrophe, as OWASP advises for CSV injection; other text is returned as is.
 * Caller owns the result. Use on free-text columns only, never on numbers. Every CSV writer
 * here (jb_table_to_csv, jb_csv_append_row…) does the same to any cell that is not a plain
 * number ([-]digits[.digits]), whatever its column: a cell already guarded is written as it
 * is, so a caller may guard its free text first or leave it to the writer. */
char *jb_csv_safe_text(const char *s);
/* Inverse of jb_csv_safe_text(): drops the apostrophe it added (a leading ' before = + - @,
 * tab or CR); other text is returned as is. Caller owns the result. */
char *jb_csv_plain_text(const char *s);

/* Serialise for spreadsheets (Excel, WPS, LibreOffice): a UTF-8 BOM first, so they read the
 * Chinese text as UTF-8 without an import dialog, and every cell that is not a plain number
 * ([-]digits[.digits]) — header included — passed through jb_csv_safe_text(), so no cell
 * can run as a formula while numbers stay numbers. Caller owns it. */
GString *jb_table_to_excel_csv(const JbTable *t);
/* jb_table_to_excel_csv written atomically to `path`. */
gboolean jb_table_write_excel(const JbTable *t, const char *path, GError **error);

#endif
