/* jb_extract_table_priv.h — what the files reading a table share (jb_extract_table*.c). */
#ifndef JB_EXTRACT_TABLE_PRIV_H
#define JB_EXTRACT_TABLE_PRIV_H

#include "jb_extract_priv.h"

/* jb_extract_table_units.c */
/* The unit a header or label gives in brackets: “（亿元）” → "亿元", "(%)" → "%"; NULL (the
 * caller frees it). */
char *jb_table_bracket_unit(const char *s);
/* The unit a caption states for all a table's cells (单位：亿元), or NULL; *pct when it names
 * % too. */
char *jb_table_caption_unit(const char *text, gboolean *pct);
/* The unit a note under the table (paragraphs [first, last)) states for all its cells, or
 * NULL; *pct as for a caption. */
char *jb_table_note_unit(const JbArticle *a, guint first, guint last, gboolean *pct);

#endif
