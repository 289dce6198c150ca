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
    /* "id\nvalue\nperiod" → GArray of series rows (guint). A statement is looked up by
     * its period's prefixes of the lengths series periods have (`lengths`: a few), not
     * matched against every row of its metric and value: a figure stated in thousands of
     * periods (a rate held for years of months) made that rows × statements. */
    GHashTable *candidates;
    GArray *lengths;        /* the distinct byte lengths of the series' periods (gsize) */
    GPtrArray *none;        /* the cited rows of a value no statement states: none */
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
    c->lengths = g_array_new(FALSE, FALSE, sizeof(gsize));
    c->none = g_ptr_array_new();
    g_autoptr(GHashTable) lengths = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint r = 0; r < n; r++) {
        const JbSeriesRow *row = jb_series_row(series, r);
        gsize len = strlen(row->period_text);
        if (g_hash_table_add(lengths, GSIZE_TO_POINTER(len + 1)))
            g_array_append_val(c->lengths, len);
        /* the value as written: metrics.csv's and series.csv's are the same digits */
        char *key = g_strconcat(row->metric_id, "\n", row->cell[JB_SERIES_VALUE], "\n",
                                row->period_text, NULL);
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
        Value *v = &c->values[r];
        if (!v->cited)
            continue;
        g_ptr_array_unref(v->cited);
        g_hash_table_unref(v->keys);
        g_hash_table_unref(v->articles);
        g_hash_table_unref(v->others);
    }
    g_ptr_array_unref(c->none);
    g_free(c->values);
    g_hash_table_unref(c->candidates);
    g_array_unref(c->lengths);
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

/* Cite row `row` of `metrics` for series row `sr`, whose value and period it states. */
static void cite(JbCitations *c, const JbTable *metrics, guint row, guint sr)
{
    Value *v = &c->values[sr];
    if (!v->cited) { /* made for the rows some statement states: most of an archive's */
        v->cited = g_ptr_array_new_with_free_func((GDestroyNotify)cited_free);
        v->keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        v->articles = g_hash_table_new(g_direct_hash, g_direct_equal);
        v->others = g_hash_table_new(g_direct_hash, g_direct_equal);
    }
    const char *article = intern(c, cell(metrics, row, "source"));
    if (g_hash_table_size(v->keys) >= CITE_MAX) {
        if (!g_hash_table_contains(v->articles, article))
            g_hash_table_add(v->others, (gpointer)article);
        return;
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

void jb_citations_add(JbCitations *c, const JbTable *metrics, guint row)
{
    const char *period = cell(metrics, row, "period");
    gsize plen = strlen(period);
    g_autoptr(GString) key = g_string_new(cell(metrics, row, "metric_id"));
    g_string_append_c(key, '\n');
    g_string_append(key, cell(metrics, row, "value"));
    g_string_append_c(key, '\n');
    gsize stem = key->len;
    /* the series rows whose period is a prefix of the statement's (2022-06 folds into 2022) */
    for (guint i = 0; i < c->lengths->len; i++) {
        gsize len = g_array_index(c->lengths, gsize, i);
        if (len > plen)
            continue;
        g_string_truncate(key, stem);
        g_string_append_len(key, period, (gssize)len);
        GArray *rows = g_hash_table_lookup(c->candidates, key->str);
        for (guint k = 0; rows && k < rows->len; k++)
            cite(c, metrics, row, g_array_index(rows, guint, k));
    }
}

const GPtrArray *jb_citations_rows(const JbCitations *c, guint series_row, guint *more)
{
    const Value *v = &c->values[series_row];
    if (more)
        *more = v->cited ? g_hash_table_size(v->others) : 0;
    return v->cited ? v->cited : c->none;
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
