#include "jb_merge.h"

#include <string.h>

typedef struct {
    const JbTable *t;
    guint rank; /* of t among the files, by content */
    guint row;
    const char *source;
} RowRef;

typedef struct {
    const JbTable *t;
    char *digest;
} Ranked;

static int by_digest(const void *a, const void *b)
{
    return strcmp(((const Ranked *)a)->digest, ((const Ranked *)b)->digest);
}

static int by_source_rank_row(const void *pa, const void *pb)
{
    const RowRef *a = pa, *b = pb;
    int c = strcmp(a->source, b->source);
    if (c)
        return c;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

JbTable *jb_metrics_merge(JbTable *const *tables, guint n)
{
    /* the files' order: by what they hold (the CSV as jb_table_to_csv writes it, so line
     * ends and quoting do not count); equal files are interchangeable */
    Ranked *ranked = g_new0(Ranked, n ? n : 1);
    for (guint i = 0; i < n; i++) {
        g_autoptr(GString) csv = jb_table_to_csv(tables[i]);
        ranked[i].t = tables[i];
        ranked[i].digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)csv->str,
                                                       csv->len);
    }
    qsort(ranked, n, sizeof *ranked, by_digest);

    /* columns: the first file's, then any others' new ones, files in that order */
    g_autoptr(GPtrArray) header = g_ptr_array_new();
    g_autoptr(GHashTable) have = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < n; i++)
        for (guint c = 0; c < jb_table_n_cols(ranked[i].t); c++) {
            const char *h = jb_table_header(ranked[i].t, c);
            if (g_hash_table_add(have, (gpointer)h))
                g_ptr_array_add(header, (gpointer)h);
        }
    g_ptr_array_add(header, NULL);
    JbTable *out = jb_table_new((const char *const *)header->pdata);

    g_autoptr(GArray) refs = g_array_new(FALSE, FALSE, sizeof(RowRef));
    for (guint i = 0; i < n; i++) {
        int src = jb_table_column(ranked[i].t, "source");
        for (guint r = 0; r < jb_table_n_rows(ranked[i].t); r++) {
            RowRef ref = {ranked[i].t, i, r, jb_table_get(ranked[i].t, r, src)};
            g_array_append_val(refs, ref);
        }
    }
    g_array_sort(refs, by_source_rank_row);
    for (guint k = 0; k < refs->len; k++) {
        const RowRef *ref = &g_array_index(refs, RowRef, k);
        jb_table_append_from(out, ref->t, ref->row);
    }
    for (guint i = 0; i < n; i++)
        g_free(ranked[i].digest);
    g_free(ranked);
    if (n)
        jb_table_set_source(out, jb_table_source(tables[0]));
    return out;
}
