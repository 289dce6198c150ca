/* jb_sources.h — articles by name: what charts, tables and briefings call a source.
 *
 * metrics.csv carries each statement's article path and, where the page stated them, its
 * publisher, title and URL (extract writes them). A source is named by its publisher
 * ("工业和信息化部"), else its title (when its statements share one: a digest's items each
 * have their own), else the site of its URL ("tv.example.cn"), else — only when nothing else
 * is known — the file's base name. Nothing here opens an article.
 *
 * Not for: reading articles (jb_article).
 * Ownership: the table the caller gets owns its keys and values (but see
 * jb_source_namer_new_in).
 */
#ifndef JB_SOURCES_H
#define JB_SOURCES_H

#include "jb_table.h"

#include <glib.h>

/* Article path (the `source` column) → display name, for every row of `metrics` (the first
 * row of an article with a publisher or title names it). NULL `metrics` gives an empty
 * table. Caller unrefs. */
GHashTable *jb_source_names(const JbTable *metrics);
/* The same a row at a time (rows in metrics.csv's order; tables fed may differ): new, add
 * every row, finish (which frees the namer and gives the names). */
typedef struct JbSourceNamer JbSourceNamer;
JbSourceNamer *jb_source_namer_new(void);
void jb_source_namer_add(JbSourceNamer *n, const JbTable *metrics, guint row);
GHashTable *jb_source_namer_finish(JbSourceNamer *n);
/* A namer whose table owns nothing: its names, and the paths of articles not given by
 * jb_source_namer_article, are kept in `strings`, which the caller frees after the table
 * (jianbao build: 100000 articles' paths and names copied twice were 9 MB of its peak). */
JbSourceNamer *jb_source_namer_new_in(GStringChunk *strings);
/* The rows added next are of the article at `path` (jb_source_namer_new_in's namers only):
 * a row whose source is `path` is keyed by `path` itself, which the caller keeps as long as
 * the table. The article is named when its rows end (the next article's begin, or finish),
 * not remembered until then, so its rows must come together and no later rows may name it
 * as their source. */
void jb_source_namer_article(JbSourceNamer *n, const char *path);

/* The name of `path` in `names` (borrowed), else its base name (caller g_free()s either:
 * the result is always a new string). */
char *jb_source_name(GHashTable *names, const char *path);

/* What charts and briefings look sources' names up in (borrowed by them): a table
 * (jb_source_names), and for a path it does not have, the caller's lookup — jianbao build
 * keeps its articles' names on disk, by number, not a table of 100000 entries. */
typedef struct {
    GHashTable *table; /* NULL: none */
    /* NULL: none. Its name, or NULL; called from the threads that render, at once */
    const char *(*lookup)(gpointer data, const char *path);
    gpointer data;
} JbSourceNames;
/* jb_source_name in `names` (NULL: none). */
char *jb_source_names_get(const JbSourceNames *names, const char *path);
/* The same, with the articles the namer names (not the other sources it is fed) given to
 * `named` (path, name) as each is named, not kept in its table (jb_source_namer_new_in's
 * namers only; `name` is good during the call only: the caller keeps a copy). */
void jb_source_namer_on_named(JbSourceNamer *n,
                              void (*named)(gpointer data, const char *path, const char *name),
                              gpointer data);

/* Distinct names (a chart's or a briefing row's sources) counted by a 64-bit hash of each
 * (FNV-1a; two names alike in 64 bits are a chance of 2^-64 a pair), the first `keep` kept
 * in order: the count of an archive whose every article has a title of its own is 16 bytes
 * a name, not the name, its copy and a table's entry (some 200 bytes an article until
 * 2026-12-07). */
typedef struct {
    GPtrArray *kept; /* char*: the first `keep` distinct names, in order (owned) */
    guint keep;
    guint total;    /* distinct names added */
    guint64 *slots; /* their hashes (0: empty), open addressing */
    gsize cap;
} JbNameSet;
void jb_name_set_init(JbNameSet *s, guint keep);
/* `name` (taken) counted, and kept when it is new and among the first `keep`. */
void jb_name_set_add(JbNameSet *s, char *name);
void jb_name_set_clear(JbNameSet *s);

#endif
