/* jb_report_cite.c — which statements the briefing cites for each series value (JbCitations,
 * jb_report.h): made from metrics.csv a row at a time, before the series is known, so that
 * jianbao build can stream an archive's statements past it once (with the reshaper that
 * makes the series) instead of holding them or reading them twice.
 *
 * The statements behind a series value are its metric's rows with the same value and a
 * period inside the series' period (2022-06 folds into 2022); the first CITE_MAX distinct
 * ones (article and sentence), in metrics.csv's order, are cited (a row repeating one of
 * them before the last is taken is cited again, as it always was), and the other articles
 * stating it only counted (另有 N 篇).
 *
 * Without the series, rows are grouped by metric, value and period: a group keeps in full
 * only its rows up to its own CITE_MAX-th distinct statement, with their places, and of
 * every later row its article. That is enough: a row the series value cites comes before
 * CITE_MAX distinct statements of the value's groups together, so before CITE_MAX of its own
 * group, so it was kept; and a later row comes after CITE_MAX distinct statements of the
 * value were met, when what is cited is known: it only counts, whatever its place.
 * jb_citations_finish then replays each value's groups' kept rows in metrics.csv's order,
 * and counts the articles of the others. A row of no metric (metric_id empty) is never
 * cited, as a series row names its metric, and is not kept.
 * A group is found for a series row by its period's prefixes of the lengths series periods
 * have (a few), never by matching every group of a metric and value against every row: a
 * figure stated in thousands of periods (a rate held for years of months) made that rows ×
 * statements (tests/pathological). Memory: the kept rows, a few per group, 4 bytes per
 * later row (its article's number; once 8, with its place: 450000 rows of 100000 articles)
 * and the articles' names once (none when the caller keeps them and gives them:
 * jb_citations_article).
 */
#include "jb_report_priv.h"

#include <string.h>

typedef struct {
    guint seq;     /* the row's place among all rows added */
    guint article; /* its number (article_number) */
} Occ;

typedef struct {
    char *key; /* "article\nquote" */
    JbCitedRow *row;
} Kept;

typedef struct { /* the rows of one metric, value and period */
    const char *period;
    GArray *occs;   /* Occ of the kept rows, in order */
    GArray *kept;   /* Kept, in order: its first rows, up to its CITE_MAX-th distinct key
                     * (kept[i] is occs[i]'s) */
    GArray *rest;   /* the article numbers of its other rows (guint), one of an article's
                     * rows in a row */
    guint distinct; /* distinct keys among `kept` */
} Group;

typedef struct {
    GPtrArray *cited; /* JbCitedRow*, borrowed from the groups; NULL: none */
    guint more;
} Value;

/* The columns of metrics.csv read here. */
typedef enum {
    COL_ID,
    COL_VALUE,
    COL_PERIOD,
    COL_SOURCE,
    COL_QUOTE,
    COL_PUBLISHED,
    COL_TITLE,
    COL_URL,
    COL_PUBLISHER,
    COL_N
} Col;

struct JbCitations {
    GHashTable *groups; /* "id\nvalue\nperiod" → Group* (owned) */
    GPtrArray *none;    /* the cited rows of a value no statement states: none */
    GStringChunk *strings;
    GHashTable *interned; /* an article's name (in strings) → its number + 1, but the
                           * articles the caller named (jb_citations_article) */
    guint numbers;        /* articles numbered so far */
    guint last;           /* the number of the last row's article, or G_MAXUINT */
    const char *last_name;
    const char *article;  /* the caller's path of the rows added next (jb_citations_article) */
    guint article_number; /* its number, G_MAXUINT until its first row */
    int cols[COL_N];      /* where the columns read were in the last table */
    guint seq;
    Value *values; /* one per series row, once finished */
    guint n_values;
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

static void group_free(gpointer p)
{
    Group *g = p;
    for (guint i = 0; i < g->kept->len; i++) {
        Kept *k = &g_array_index(g->kept, Kept, i);
        g_free(k->key);
        cited_free(k->row);
    }
    g_array_unref(g->kept);
    if (g->occs)
        g_array_unref(g->occs);
    if (g->rest)
        g_array_unref(g->rest);
    g_free(g);
}

JbCitations *jb_citations_new(void)
{
    JbCitations *c = g_new0(JbCitations, 1);
    c->groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, group_free);
    c->none = g_ptr_array_new();
    c->strings = g_string_chunk_new(1 << 16);
    c->interned = g_hash_table_new(g_str_hash, g_str_equal);
    c->last = G_MAXUINT;
    c->article_number = G_MAXUINT;
    for (guint i = 0; i < COL_N; i++)
        c->cols[i] = -1;
    return c;
}

void jb_citations_free(JbCitations *c)
{
    if (!c)
        return;
    for (guint r = 0; r < c->n_values; r++)
        if (c->values[r].cited)
            g_ptr_array_unref(c->values[r].cited);
    g_free(c->values);
    g_ptr_array_unref(c->none);
    g_hash_table_unref(c->groups);
    if (c->interned)
        g_hash_table_unref(c->interned);
    g_string_chunk_free(c->strings);
    g_free(c);
}

/* The number of article `s` and its name (*name; the rows of an article come together: the
 * last one first). The article the caller named is numbered at its first row and not looked
 * up: its rows come together (a table of 100000 articles' numbers was 2 MB of jianbao
 * build's peak). */
static guint article_number(JbCitations *c, const char *s, const char **name)
{
    if (c->last == G_MAXUINT || strcmp(c->last_name, s) != 0) {
        if (c->article && strcmp(c->article, s) == 0) {
            if (c->article_number == G_MAXUINT)
                c->article_number = c->numbers++;
            c->last = c->article_number;
            c->last_name = c->article;
        } else {
            gpointer have, n;
            if (!g_hash_table_lookup_extended(c->interned, s, &have, &n)) {
                have = g_string_chunk_insert(c->strings, s);
                n = GUINT_TO_POINTER(++c->numbers);
                g_hash_table_insert(c->interned, have, n);
            }
            c->last = GPOINTER_TO_UINT(n) - 1;
            c->last_name = have;
        }
    }
    *name = c->last_name;
    return c->last;
}

void jb_citations_article(JbCitations *c, const char *path)
{
    if (path != c->article)
        c->article_number = G_MAXUINT;
    c->article = path;
}

static const char *cell(JbCitations *c, const JbTable *t, guint row, Col col)
{
    static const char *const names[COL_N] = {"metric_id", "value", "period", "source",   "quote",
                                             "published", "title", "url",    "publisher"};
    return jb_table_get(t, row, jb_table_column_hint(t, names[col], &c->cols[col]));
}

static Group *group_of(JbCitations *c, const char *id, const char *value, const char *period)
{
    g_autofree char *key = g_strconcat(id, "\n", value, "\n", period, NULL);
    Group *g = g_hash_table_lookup(c->groups, key);
    if (g)
        return g;
    g = g_new0(Group, 1);
    g->period = g_string_chunk_insert_const(c->strings, period);
    g->occs = g_array_new(FALSE, FALSE, sizeof(Occ));
    g->kept = g_array_new(FALSE, FALSE, sizeof(Kept));
    g->rest = g_array_new(FALSE, FALSE, sizeof(guint));
    g_hash_table_insert(c->groups, g_steal_pointer(&key), g);
    return g;
}

void jb_citations_add(JbCitations *c, const JbTable *metrics, guint row)
{
    g_return_if_fail(!c->values);
    const char *id = cell(c, metrics, row, COL_ID);
    if (!*id)
        return; /* of no metric: a series row names one, so it cites none of these */
    Group *g = group_of(c, id, cell(c, metrics, row, COL_VALUE), cell(c, metrics, row, COL_PERIOD));
    const char *article;
    Occ o = {c->seq++, article_number(c, cell(c, metrics, row, COL_SOURCE), &article)};
    if (g->distinct >= CITE_MAX) { /* never cited (see the top): only its article counts */
        if (!g->rest->len || g_array_index(g->rest, guint, g->rest->len - 1) != o.article)
            g_array_append_val(g->rest, o.article);
        return;
    }
    {
        const char *quote = cell(c, metrics, row, COL_QUOTE);
        if (quote[0] == '\'')
            quote++; /* the CSV-injection guard is not part of the sentence */
        Kept k = {g_strconcat(article, "\n", quote, NULL), g_new0(JbCitedRow, 1)};
        gboolean seen = FALSE;
        for (guint i = 0; i < g->kept->len && !seen; i++)
            seen = strcmp(g_array_index(g->kept, Kept, i).key, k.key) == 0;
        g->distinct += !seen;
        k.row->source = g_strdup(article);
        k.row->published = g_strdup(cell(c, metrics, row, COL_PUBLISHED));
        k.row->quote = g_strdup(quote);
        /* as metrics.csv has them: the report never opens an article */
        k.row->title = jb_csv_plain_text(cell(c, metrics, row, COL_TITLE));
        k.row->url = jb_csv_plain_text(cell(c, metrics, row, COL_URL));
        k.row->publisher = jb_csv_plain_text(cell(c, metrics, row, COL_PUBLISHER));
        g_array_append_val(g->kept, k);
    }
    g_array_append_val(g->occs, o);
}

typedef struct {
    const Occ *occ;
    const Kept *kept; /* its kept row, or NULL */
} Ref;

static int by_seq(gconstpointer a, gconstpointer b)
{
    guint x = ((const Ref *)a)->occ->seq, y = ((const Ref *)b)->occ->seq;
    return (x > y) - (x < y);
}

/* A series value: the rows of `groups` (its metric's and value's, in a period inside its
 * own) replayed in metrics.csv's order. */
static void cite_value(const GPtrArray *groups, Value *v)
{
    g_autoptr(GArray) occs = g_array_new(FALSE, FALSE, sizeof(Ref));
    for (guint i = 0; i < groups->len; i++) {
        const Group *g = g_ptr_array_index(groups, i);
        for (guint k = 0; k < g->occs->len; k++) {
            Ref ref = {&g_array_index(g->occs, Occ, k), &g_array_index(g->kept, Kept, k)};
            g_array_append_val(occs, ref);
        }
    }
    g_array_sort(occs, by_seq);
    v->cited = g_ptr_array_new();
    g_autoptr(GHashTable) keys = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) articles = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GHashTable) others = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < occs->len; i++) {
        const Ref *ref = &g_array_index(occs, Ref, i);
        gpointer article = GUINT_TO_POINTER(ref->occ->article + 1);
        if (g_hash_table_size(keys) >= CITE_MAX) {
            if (!g_hash_table_contains(articles, article))
                g_hash_table_add(others, article);
            continue;
        }
        /* kept, by the argument at the top */
        g_assert(ref->kept);
        const Kept *k = ref->kept;
        g_hash_table_add(articles, article);
        g_hash_table_add(keys, k->key);
        g_ptr_array_add(v->cited, k->row);
    }
    /* a group's rows after its kept ones come after CITE_MAX distinct statements of the
     * value were met (its own): when every cited row is known, so in any order */
    for (guint i = 0; i < groups->len; i++) {
        const GArray *rest = ((const Group *)g_ptr_array_index(groups, i))->rest;
        for (guint k = 0; k < rest->len; k++) {
            gpointer article = GUINT_TO_POINTER(g_array_index(rest, guint, k) + 1);
            if (!g_hash_table_contains(articles, article))
                g_hash_table_add(others, article);
        }
    }
    v->more = g_hash_table_size(others);
}

void jb_citations_finish(JbCitations *c, const JbSeries *series)
{
    g_return_if_fail(!c->values);
    guint n = jb_series_n_rows(series);
    c->n_values = n;
    c->values = g_new0(Value, MAX(n, 1));
    /* the series rows by "id\nvalue\nperiod", and the byte lengths of their periods */
    g_autoptr(GHashTable) rows_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_array_unref);
    g_autoptr(GArray) lengths = g_array_new(FALSE, FALSE, sizeof(gsize));
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint r = 0; r < n; r++) {
        const JbSeriesRow *row = jb_series_row(series, r);
        gsize len = strlen(row->period_text);
        if (g_hash_table_add(seen, GSIZE_TO_POINTER(len + 1)))
            g_array_append_val(lengths, len);
        /* the value as written: metrics.csv's and series.csv's are the same digits */
        char *key = g_strconcat(row->metric_id, "\n", row->cell[JB_SERIES_VALUE], "\n",
                                row->period_text, NULL);
        GArray *rows = g_hash_table_lookup(rows_of, key);
        if (!rows) {
            rows = g_array_new(FALSE, FALSE, sizeof(guint));
            g_hash_table_insert(rows_of, key, rows);
        } else {
            g_free(key);
        }
        g_array_append_val(rows, r);
    }
    /* each group to the rows whose period is a prefix of its own (2022-06 folds into 2022) */
    g_autofree GPtrArray **groups_of = g_new0(GPtrArray *, MAX(n, 1));
    g_autoptr(GString) probe = g_string_new(NULL);
    GHashTableIter it;
    gpointer k, val;
    g_hash_table_iter_init(&it, c->groups);
    while (g_hash_table_iter_next(&it, &k, &val)) {
        Group *g = val;
        gsize plen = strlen(g->period), stem = strlen(k) - plen;
        for (guint i = 0; i < lengths->len; i++) {
            gsize len = g_array_index(lengths, gsize, i);
            if (len > plen)
                continue;
            g_string_truncate(probe, 0);
            g_string_append_len(probe, k, (gssize)(stem + len));
            GArray *rows = g_hash_table_lookup(rows_of, probe->str);
            for (guint j = 0; rows && j < rows->len; j++) {
                guint r = g_array_index(rows, guint, j);
                if (!groups_of[r])
                    groups_of[r] = g_ptr_array_new();
                g_ptr_array_add(groups_of[r], g);
            }
        }
    }
    for (guint r = 0; r < n; r++) {
        if (!groups_of[r])
            continue;
        cite_value(groups_of[r], &c->values[r]);
        g_ptr_array_unref(groups_of[r]);
    }
    /* What the values cite is settled: the rows' places and articles are done with (8 bytes a
     * statement and the articles' numbers: 8 MB of jianbao build's peak at 100000 articles,
     * which came after, while the briefing was drawn). The kept rows are what is cited. */
    g_hash_table_iter_init(&it, c->groups);
    while (g_hash_table_iter_next(&it, NULL, &val)) {
        g_clear_pointer(&((Group *)val)->occs, g_array_unref);
        g_clear_pointer(&((Group *)val)->rest, g_array_unref);
    }
    g_clear_pointer(&c->interned, g_hash_table_unref);
    c->last = G_MAXUINT;
}

const GPtrArray *jb_citations_rows(const JbCitations *c, guint series_row, guint *more)
{
    g_return_val_if_fail(c->values && series_row < c->n_values, NULL);
    const Value *v = &c->values[series_row];
    if (more)
        *more = v->more;
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
