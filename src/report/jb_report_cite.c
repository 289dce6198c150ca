/* jb_report_cite.c — which statements the briefing cites for each series value (JbCitations,
 * jb_report.h): made from metrics.csv a row at a time, so that jianbao build can stream an
 * archive's statements past it instead of holding them.
 *
 * The statements behind a series value are its metric's rows with the same value and a
 * period inside the series' period (2022-06 folds into 2022); the first CITE_MAX distinct
 * ones (article and sentence), in metrics.csv's order, are cited, and the other articles
 * stating it only counted (另有 N 篇). Memory: the cited rows, a few per value, and one
 * pointer per other article (strings interned once).
 */
#include "jb_report_priv.h"

#include <string.h>

typedef struct {
    GPtrArray *cited;   /* CitedRow*: every row taken before the limit, in order */
    GHashTable *keys;   /* "article\nquote" of those (owned keys) */
    GHashTable *articles; /* interned article → itself: the cited ones */
    GHashTable *others;   /* interned article → itself: later ones, not cited */
} Value;

struct JbCitations {
    const JbSeries *series;
    Value *values;          /* one per series row */
    GHashTable *candidates; /* "id\nvalue" → GArray of series rows (guint) */
    GStringChunk *strings;
    GHashTable *interned;
};

static void cited_free(JbCitedRow *c)
{
    g_free(c->source);
    g_free(c->published);
    g_free(c->quote);
    g_free(c->title);
    g_free(c->url);
    g_free(c->publisher);
    g_free(c);
}

JbCitations *jb_citations_new(const JbSeries *series)
{
    JbCitations *c = g_new0(JbCitations, 1);
    c->series = series;
    guint n = jb_series_n_rows(series);
    c->values = g_new0(Value, MAX(n, 1));
    c->candidates = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_array_unref);
    c->strings = g_string_chunk_new(1 << 16);
    c->interned = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint r = 0; r < n; r++) {
        const JbSeriesRow *row = jb_series_row(series, r);
        Value *v = &c->values[r];
        v->cited = g_ptr_array_new_with_free_func((GDestroyNotify)cited_free);
        v->keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        v->articles = g_hash_table_new(g_direct_hash, g_direct_equal);
        v->others = g_hash_table_new(g_direct_hash, g_direct_equal);
        /* the value as written: metrics.csv's and series.csv's are the same digits */
        char *key = g_strconcat(row->metric_id, "\n", row->cell[JB_SERIES_VALUE], NULL);
        GArray *rows = g_hash_table_lookup(c->candidates, key);
        if (!rows) {
            rows = g_array_new(FALSE, FALSE, sizeof(guint));
            g_hash_table_insert(c->candidates, key, rows);
        } else {
            g_free(key);
        }
        g_array_append_val(rows, r);
    }
    return c;
}

void jb_citations_free(JbCitations *c)
{
    if (!c)
        return;
    for (guint r = 0; r < jb_series_n_rows(c->series); r++) {
        g_ptr_array_unref(c->values[r].cited);
        g_hash_table_unref(c->values[r].keys);
        g_hash_table_unref(c->values[r].articles);
        g_hash_table_unref(c->values[r].others);
    }
    g_free(c->values);
    g_hash_table_unref(c->candidates);
    g_hash_table_unref(c->interned);
    g_string_chunk_free(c->strings);
    g_free(c);
}

static const char *intern(JbCitations *c, const char *s)
{
    const char *have = g_hash_table_lookup(c->interned, s);
    if (!have) {
        have = g_string_chunk_insert(c->strings, s);
        g_hash_table_insert(c->interned, (gpointer)have, (gpointer)have);
    }
    return have;
}

static const char *cell(const JbTable *t, guint row, const char *name)
{
    return jb_table_get(t, row, jb_table_column(t, name));
}

void jb_citations_add(JbCitations *c, const JbTable *metrics, guint row)
{
    g_autofree char *key = g_strconcat(cell(metrics, row, "metric_id"), "\n",
                                       cell(metrics, row, "value"), NULL);
    GArray *rows = g_hash_table_lookup(c->candidates, key);
    if (!rows)
        return;
    const char *period = cell(metrics, row, "period");
    for (guint i = 0; i < rows->len; i++) {
        guint sr = g_array_index(rows, guint, i);
        if (!g_str_has_prefix(period, jb_series_row(c->series, sr)->period_text))
            continue;
        Value *v = &c->values[sr];
        const char *article = intern(c, cell(metrics, row, "source"));
        if (g_hash_table_size(v->keys) >= CITE_MAX) {
            if (!g_hash_table_contains(v->articles, article))
                g_hash_table_add(v->others, (gpointer)article);
            continue;
        }
        g_hash_table_add(v->articles, (gpointer)article);
        const char *quote = cell(metrics, row, "quote");
        if (quote[0] == '\'')
            quote++; /* the CSV-injection guard is not part of the sentence */
        g_hash_table_add(v->keys, g_strconcat(article, "\n", quote, NULL));
        JbCitedRow *cr = g_new0(JbCitedRow, 1);
        cr->source = g_strdup(article);
        cr->published = g_strdup(cell(metrics, row, "published"));
        cr->quote = g_strdup(quote);
        /* as metrics.csv has them: the report never opens an article */
        cr->title = jb_csv_plain_text(cell(metrics, row, "title"));
        cr->url = jb_csv_plain_text(cell(metrics, row, "url"));
        cr->publisher = jb_csv_plain_text(cell(metrics, row, "publisher"));
        g_ptr_array_add(v->cited, cr);
    }
}

const GPtrArray *jb_citations_rows(const JbCitations *c, guint series_row, guint *more)
{
    const Value *v = &c->values[series_row];
    if (more)
        *more = g_hash_table_size(v->others);
    return v->cited;
}

void jb_citations_feed(const JbCitations *c, guint series_row, GChecksum *h)
{
    guint more = 0;
    const GPtrArray *rows = jb_citations_rows(c, series_row, &more);
    for (guint i = 0; i < rows->len; i++) {
        const JbCitedRow *r = g_ptr_array_index(rows, i);
        const char *f[] = {r->source, r->published, r->quote, r->title, r->url, r->publisher};
        for (guint k = 0; k < G_N_ELEMENTS(f); k++) {
            g_checksum_update(h, (const guchar *)f[k], (gssize)strlen(f[k]) + 1);
        }
    }
    g_autofree char *n = g_strdup_printf("more %u", more);
    g_checksum_update(h, (const guchar *)n, (gssize)strlen(n) + 1);
}
