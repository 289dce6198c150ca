/* jb_merge.h — many metrics.csv files as one, the same whatever order they come in.
 *
 * Shards extracted apart (one `jianbao extract -o` per node, in any order) are merged before
 * reshape: the result is a function of the set of files, so series.csv does not depend on
 * the order of a shell glob, a file list or the shards' completion.
 *
 * Not for: reshaping (jb_reshape), or the build, which assembles its own units in order.
 */
#ifndef JB_MERGE_H
#define JB_MERGE_H

#include "jb_table.h"

#include <glib.h>

/* One table of every row of `tables[0..n)`. Columns: the union of the files' (by name). Rows:
 * ordered by their `source` cell (the article, bytewise), and rows of one article in the
 * order of their file, files ranked by the SHA-256 of their content (not by name or by
 * argument order), so the statements of one article keep the order its extraction gave
 * them, whichever file they are in. Each row keeps its file and line for messages
 * (jb_table_row_source). A set of shards of one extraction merges to the rows of the
 * unsharded metrics.csv, in its order. Caller owns the result; `tables` are only read. */
JbTable *jb_metrics_merge(JbTable *const *tables, guint n);

#endif
