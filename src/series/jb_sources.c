/* jb_sources.c — articles by name (see jb_sources.h). */
#include "jb_sources.h"

#include <string.h>

typedef struct {
    const char *publisher, *title, *host; /* in JbSourceNamer.strings */
    gboolean titles_differ;               /* a digest or feed: each item its own title */
} Known;

static const char *plain(const char *s)
{
    return *s == '\'' ? s + 1 : s; /* the CSV-injection guard is not part of the text */
}

/* An archive's articles are named by a few publishers and sites, and their copies by a few
 * titles: those are kept once, so the namer of 100000 articles holds its path and a small
 * record per article; and it becomes the table of names in place (each record replaced by
 * its name), never a second table beside it. */
struct JbSourceNamer {
    GHashTable *known;     /* article (its own copy) → Known, then → its name */
    GStringChunk *strings; /* publishers, titles and sites, once each */
    gboolean in;           /* `strings` and the articles' paths are the caller's: the table
                            * owns nothing (jb_source_namer_new_in) */
    const char *article;   /* the path the caller's rows are of (jb_source_namer_article) */
    const char *last_src;  /* the article of the last row (its rows come together) */
    Known *last;
    int cols[4]; /* where source, publisher, title and url were in the last table */
    /* The article the caller named, while its rows come: it is named when they end, never
     * put in `known` (a Known and an entry per article were 5 MB of jianbao build's peak at
     * 100000 articles), unless it was there already. */
    const char *cur_path; /* NULL: none yet */
    Known cur;
    Known *cur_known;  /* its entry in `known`, or NULL: `cur` holds it */
    GHashTable *names; /* in `in` namers: article → its name, as each is named (NULL: none yet) */
    void (*named)(gpointer data, const char *path, const char *name); /* instead of `names` */
    gpointer named_data;
    /* With `named`: `cur`'s publisher, title and site, not kept in `strings` (an archive's
     * titles are one an article: 100 bytes and more each, the whole build, until 2026-12-07) */
    GString *cur_text[3];
};

/* `text` (`len` bytes) as what `k` knows in `slot` (0 publisher, 1 title, 2 site): the
 * article being named to `named` keeps it until it is named, any other in `strings`. */
static const char *keep(JbSourceNamer *n, const Known *k, guint slot, const char *text, gsize len)
{
    if (k != &n->cur || !n->named) {
        g_autofree char *t = g_strndup(text, len);
        return g_string_chunk_insert_const(n->strings, t);
    }
    if (!n->cur_text[slot])
        n->cur_text[slot] = g_string_new(NULL);
    g_string_truncate(n->cur_text[slot], 0);
    return g_string_append_len(n->cur_text[slot], text, (gssize)len)->str;
}

/* "tv.example.cn" of "https://tv.example.cn/2025/03/02/…" for `k`, or NULL. */
static const char *host_of(JbSourceNamer *n, const Known *k, const char *url)
{
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    gsize len = strcspn(p, "/:?#");
    return len ? keep(n, k, 2, p, len) : NULL;
}

static JbSourceNamer *namer_new(GStringChunk *strings)
{
    JbSourceNamer *n = g_new0(JbSourceNamer, 1);
    n->in = strings != NULL;
    /* each Known is freed by hand when its name replaces it (in a table that owns nothing,
     * the name is no copy) */
    n->known = n->in ? g_hash_table_new(g_str_hash, g_str_equal)
                     : g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    n->strings = n->in ? strings : g_string_chunk_new(1 << 16);
    for (guint i = 0; i < G_N_ELEMENTS(n->cols); i++)
        n->cols[i] = -1;
    return n;
}

JbSourceNamer *jb_source_namer_new(void)
{
    return namer_new(NULL);
}

JbSourceNamer *jb_source_namer_new_in(GStringChunk *strings)
{
    return namer_new(strings);
}

void jb_source_namer_on_named(JbSourceNamer *n,
                              void (*named)(gpointer data, const char *path, const char *name),
                              gpointer data)
{
    if (n->in) {
        n->named = named;
        n->named_data = data;
    }
}

void jb_source_namer_article(JbSourceNamer *n, const char *path)
{
    if (n->in)
        n->article = path;
}

/* The name of a source: the publisher; else the title when it has one (a digest's items each
 * have their own: none of them names the article); else the site of its URL; else NULL. */
static const char *name_of(const Known *k)
{
    return k->publisher ? k->publisher : k->title && !k->titles_differ ? k->title : k->host;
}

/* The article whose rows came last is named, if `cur` holds it. */
static void name_article(JbSourceNamer *n)
{
    const char *name = n->cur_path && !n->cur_known ? name_of(&n->cur) : NULL;
    if (name && n->named) {
        n->named(n->named_data, n->cur_path, name);
    } else if (name) {
        if (!n->names)
            n->names = g_hash_table_new(g_str_hash, g_str_equal);
        g_hash_table_insert(n->names, (char *)n->cur_path, (char *)name);
    }
    n->cur_path = NULL;
    n->cur_known = NULL;
    memset(&n->cur, 0, sizeof n->cur);
}

/* The Known of the article the caller named (its rows have begun when they are this one's). */
static Known *article_known(JbSourceNamer *n)
{
    if (n->cur_path != n->article) {
        name_article(n);
        n->cur_path = n->article;
        n->cur_known = g_hash_table_lookup(n->known, n->article);
    }
    return n->cur_known ? n->cur_known : &n->cur;
}

void jb_source_namer_add(JbSourceNamer *n, const JbTable *metrics, guint r)
{
    int c_src = jb_table_column_hint(metrics, "source", &n->cols[0]),
        c_pub = jb_table_column_hint(metrics, "publisher", &n->cols[1]),
        c_title = jb_table_column_hint(metrics, "title", &n->cols[2]),
        c_url = jb_table_column_hint(metrics, "url", &n->cols[3]);
    const char *src = jb_table_get(metrics, r, c_src);
    if (c_src < 0 || !*src)
        return;
    Known *k = n->in && n->article && strcmp(n->article, src) == 0 ? article_known(n)
               : n->last && strcmp(n->last_src, src) == 0          ? n->last
                                                          : g_hash_table_lookup(n->known, src);
    if (!k) {
        k = g_new0(Known, 1);
        char *key = !n->in ? g_strdup(src) : g_string_chunk_insert(n->strings, src);
        g_hash_table_insert(n->known, key, k);
    }
    if (k == &n->cur) {
        n->last = NULL; /* (not kept: the next article's rows reuse it) */
    } else if (k != n->last) {
        n->last = k;
        n->last_src = src;
        g_hash_table_lookup_extended(n->known, src, (gpointer *)&n->last_src, NULL);
    }
    const char *pub = plain(jb_table_get(metrics, r, c_pub));
    const char *title = plain(jb_table_get(metrics, r, c_title));
    if (!k->publisher && *pub)
        k->publisher = keep(n, k, 0, pub, strlen(pub));
    if (*title && !k->title)
        k->title = keep(n, k, 1, title, strlen(title));
    else if (*title && strcmp(title, k->title) != 0)
        k->titles_differ = TRUE;
    if (!k->host)
        k->host = host_of(n, k, jb_table_get(metrics, r, c_url));
}

GHashTable *jb_source_namer_finish(JbSourceNamer *n)
{
    name_article(n);
    GHashTable *names = n->known; /* each Known (freed by g_free) replaced by its name */
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, names);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        Known *k = value;
        const char *name = name_of(k);
        if (n->in && n->names) { /* into the articles' table, which is the bigger */
            if (name)
                g_hash_table_insert(n->names, key, (char *)name);
            g_hash_table_iter_steal(&it);
        } else if (name) {
            g_hash_table_iter_replace(&it, n->in ? (char *)name : g_strdup(name));
        } else {
            g_hash_table_iter_remove(&it);
        }
        if (n->in)
            g_free(k);
    }
    if (n->in && n->names) {
        g_hash_table_unref(names);
        names = n->names;
    }
    if (!n->in)
        g_string_chunk_free(n->strings);
    for (guint i = 0; i < G_N_ELEMENTS(n->cur_text); i++)
        if (n->cur_text[i])
            g_string_free(n->cur_text[i], TRUE);
    g_free(n);
    return names;
}

GHashTable *jb_source_names(const JbTable *metrics)
{
    JbSourceNamer *n = jb_source_namer_new();
    for (guint r = 0; metrics && r < jb_table_n_rows(metrics); r++)
        jb_source_namer_add(n, metrics, r);
    return jb_source_namer_finish(n);
}

static char *name_or_base(const char *name, const char *path)
{
    if (name)
        return g_strdup(name);
    /* a file named =x.md is written '=x.md in a CSV (jb_csv_safe_text): shown as named */
    g_autofree char *file = jb_csv_plain_text(path);
    return g_path_get_basename(file);
}

char *jb_source_name(GHashTable *names, const char *path)
{
    return name_or_base(names ? g_hash_table_lookup(names, path) : NULL, path);
}

char *jb_source_names_get(const JbSourceNames *names, const char *path)
{
    const char *name = names && names->table ? g_hash_table_lookup(names->table, path) : NULL;
    if (!name && names && names->lookup)
        name = names->lookup(names->data, path);
    return name_or_base(name, path);
}

void jb_name_set_init(JbNameSet *s, guint keep)
{
    *s = (JbNameSet){.kept = g_ptr_array_new_with_free_func(g_free), .keep = keep};
}

static gboolean set_insert(guint64 *slots, gsize cap, guint64 h)
{
    for (gsize i = (gsize)(h ^ (h >> 29)) & (cap - 1);; i = (i + 1) & (cap - 1)) {
        if (slots[i] == h)
            return FALSE;
        if (!slots[i]) {
            slots[i] = h;
            return TRUE;
        }
    }
}

void jb_name_set_add(JbNameSet *s, char *name)
{
    guint64 h = 0xcbf29ce484222325ull; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 0x100000001b3ull;
    h = h ? h : 1;
    if (2 * ((gsize)s->total + 1) > s->cap) { /* at most half full */
        gsize cap = s->cap ? 2 * s->cap : 64;
        guint64 *slots = g_new0(guint64, cap);
        for (gsize i = 0; i < s->cap; i++)
            if (s->slots[i])
                set_insert(slots, cap, s->slots[i]);
        g_free(s->slots);
        s->slots = slots;
        s->cap = cap;
    }
    if (!set_insert(s->slots, s->cap, h)) {
        g_free(name);
        return;
    }
    s->total++;
    if (s->kept->len < s->keep)
        g_ptr_array_add(s->kept, name);
    else
        g_free(name);
}

void jb_name_set_clear(JbNameSet *s)
{
    g_clear_pointer(&s->kept, g_ptr_array_unref);
    g_clear_pointer(&s->slots, g_free);
    s->cap = 0;
    s->total = 0;
}
