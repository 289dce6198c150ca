/* jb_extract_table_priv.h — what the files reading a table share (jb_extract_table*.c). */
#ifndef JB_EXTRACT_TABLE_PRIV_H
#define JB_EXTRACT_TABLE_PRIV_H

#include "jb_extract_priv.h"

/* jb_extract_table_cells.c */
/* A cell that is a plain signed decimal, perhaps with %: "353564", "-12.5%", "3.2". */
gboolean jb_table_plain_number(const char *s);
/* A cell that is a range of two plain numbers: "3,000-5,000", "1.5～2.0", "8至12". */
gboolean jb_table_plain_range(const char *s);
/* A cell standing for no value: dashes, a slash, dots (—, --, /, …), blank. */
gboolean jb_table_placeholder(const char *cell);
/* The columns (bit j for column j, j < 64; never the label's nor the last) of the table in
 * paragraphs [first, last) that hold bands defining each row's class (实用面积 | 少于40平方米,
 * 40至69.9平方米, 160平方米或以上): a cell bounded by a word of comparison in some row and no
 * plain figure in any. Their cells are no statements. */
guint64 jb_table_band_columns(const JbArticle *a, guint first, guint last);

/* jb_extract_table_units.c */
/* The unit a header or label gives in brackets: “（亿元）” → "亿元", "(%)" → "%"; NULL (the
 * caller frees it). */
char *jb_table_bracket_unit(const char *s);
gsize jb_table_trailing_pct(const char *s);
/* The unit a caption states for all a table's cells (单位：亿元), or NULL; *pct when it names
 * % too. */
char *jb_table_caption_unit(const char *text, gboolean *pct);
/* The unit a note under the table (paragraphs [first, last)) states for all its cells, or
 * NULL; *pct as for a caption. */
char *jb_table_note_unit(const JbArticle *a, guint first, guint last, gboolean *pct);

/* jb_extract_table_stock.c */
/* A header's first time `ht` followed by a second after a slash, one a point and one a span
 * (10月末/1—10月): the row's kind picks (a stock, 用户 or 亿户, the point; a flow, 业务量, the
 * span) and `ht` then covers both in the header. `c->times` holds the header's times. */
void jb_table_stock_or_flow(Ctx *c, const JbPeriod *ctx, const char *label, const char *row_unit,
                            TimeRef *ht);

#endif
