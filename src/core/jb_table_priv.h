/* jb_table_priv.h — what jb_table.c and jb_table_read.c share: the table's fields.
 *
 * Not for: anything outside those two files (the interface is jb_table.h).
 */
#ifndef JB_TABLE_PRIV_H
#define JB_TABLE_PRIV_H

#include "jb_table.h"

struct JbTable {
    char *source;
    GPtrArray *header;  /* char* */
    GPtrArray *rows;    /* GPtrArray* of char* */
    GArray *lines;      /* guint per row */
    GPtrArray *origins; /* NULL, or the sources of rows copied from other tables (char*) */
    GArray *origin_of;  /* with origins: per row an index into it, G_MAXUINT for `source` */
};

/* An empty table (no header) named `source` ("" for NULL). */
JbTable *jb_table_alloc(const char *source);

#endif
