/* jb_build_steps.c — the steps of a build that make products: extracting the articles
 * (in parallel, each from the cache when it can), then the charts and the report (rendered
 * in parallel) with the cache keys that say when they are stale.
 *
 * Not for: the order of the steps, locking, units (jb_build.c), publishing (jb_build_store.c).
 */
#include "jb_build_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <stddef.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* ---- extraction (parallel) ------------------------------------------------------------ */

/* An article's cache file: a first line "jianbao-statements-2 CRC32 NWARN", NWARN warning
 * lines, then the statements as metrics.csv. It is written without fsync: hundreds of
 * fsyncs made a full build 15× slower than the extraction itself, and the cache needs none.
 * A kill -9 cannot hurt it (rename is atomic and the page cache survives the process); after
 * a power loss a file may be renamed but empty or partial, which the CRC-32 of the rest
 * catches: the article is then extracted again. (It was a SHA-256, which the assembler
 * computed again over every statement of the archive, 132 MB at 100000 articles; the file's
 * name is already the hash of what it was made from.) Published outputs and the manifest
 * are still fsynced. */
static GString *statements_file(const GPtrArray *warnings, const GString *csv)
{
    g_autoptr(GString) body = g_string_new(NULL);
    for (guint i = 0; i < warnings->len; i++) {
        g_autofree char *one = g_strdup(g_ptr_array_index(warnings, i));
        g_strdelimit(one, "\r\n", ' ');
        g_string_append_printf(body, "%s\n", one);
    }
    g_string_append_len(body, csv->str, (gssize)csv->len);
    GString *out = g_string_new(NULL);
    g_string_printf(out, STATEMENTS_MAGIC " %08lx %u\n",
                    (unsigned long)crc32_z(0, (const Bytef *)body->str, body->len), warnings->len);
    g_string_append_len(out, body->str, (gssize)body->len);
    return out;
}

/* Parse a cache file written by statements_file; FALSE when it is damaged. */
static gboolean statements_parse(const char *path, const char *text, gsize len, JbTable **table,
                                 GPtrArray **warnings)
{
    const char *nl = memchr(text, '\n', len);
    char head[64] = "";
    unsigned long sum = 0;
    unsigned nwarn = 0;
    if (nl && nl - text < (ptrdiff_t)sizeof head) /* sscanf would strlen the whole text */
        memcpy(head, text, (gsize)(nl - text));
    if (!nl || sscanf(head, STATEMENTS_MAGIC " %8lx %u", &sum, &nwarn) != 2)
        return FALSE;
    const char *body = nl + 1;
    gsize blen = len - (gsize)(body - text);
    if (crc32_z(0, (const Bytef *)body, blen) != sum)
        return FALSE;
    g_autoptr(GPtrArray) w = g_ptr_array_new_with_free_func(g_free);
    const char *p = body, *end = body + blen;
    for (unsigned i = 0; i < nwarn; i++) {
        const char *e = memchr(p, '\n', (gsize)(end - p));
        if (!e)
            return FALSE;
        g_ptr_array_add(w, g_strndup(p, (gsize)(e - p)));
        p = e + 1;
    }
    *table = jb_table_parse(path, p, (gsize)(end - p), NULL);
    if (!*table)
        return FALSE;
    *warnings = g_steal_pointer(&w);
    return TRUE;
}

static void article_free(gpointer p)
{
    Article *a = p;
    g_free(a->data);
    g_clear_pointer(&a->table, jb_table_free);
    g_clear_pointer(&a->warnings, g_ptr_array_unref);
    g_clear_error(&a->error);
    g_free(a);
}

/* An article's bytes: a regular file only (through a symlink too), opened without waiting —
 * a FIFO an inputs= glob matched waited for a writer for ever, the lock held. */
static gboolean read_input(const char *path, const char *name, char **data, gsize *len,
                           GError **error)
{
    if (jb_build_read_regular(path, TRUE, data, len))
        return TRUE;
    int e = errno;
    g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: %s", name,
                e == EINVAL ? "not a regular file (a device, FIFO or socket)" : g_strerror(e));
    return FALSE;
}

/* The bytes of an article hashed earlier and dropped (JB_BUILD_HOLD_MAX), read again: they
 * must be what was hashed, or its key would name other statements. Thread-safe. */
static gboolean article_reread(Article *a)
{
    g_autofree char *path = jb_build_input_path(a->c, a->name);
    if (!read_input(path, a->name, &a->data, &a->len, &a->error))
        return FALSE;
    g_autofree char *hash = jb_build_sha256_hex(a->data, a->len);
    char was[65];
    jb_build_digest_hex(a->hash, was);
    if (strcmp(hash, was) != 0) {
        g_set_error(&a->error, JB_ERROR, JB_ERROR_INPUT,
                    "%s: changed while the build ran (it is built next time)", a->name);
        g_clear_pointer(&a->data, g_free);
        return FALSE;
    }
    return TRUE;
}

/* Its bytes, read to be hashed, kept for the extraction while the build holds less than
 * Ctx.hold_max of them, else dropped and read again (article_reread). */
static void hold_or_drop(Ctx *c, Article *a)
{
    if (c->held_bytes + a->len <= c->hold_max) {
        c->held_bytes += a->len;
        return;
    }
    g_clear_pointer(&a->data, g_free);
    a->reread = TRUE;
}

/* Run in a worker thread: touches only `a`, the read-only dictionary and its own cache files. */
static void extract_one(gpointer item)
{
    Article *a = item;
    a->ran = TRUE;
    a->warnings = jb_diag_new();
    if (!a->data && a->reread && !article_reread(a))
        return;
    g_autoptr(JbArticle) art = jb_article_parse(a->name, a->data, a->len, NULL, NULL, &a->error);
    if (!art) {
        g_clear_pointer(&a->data, g_free);
        return;
    }
    jb_diag_append(a->warnings, art->warnings);
    jb_publishers_fill(a->c->publishers, art);
    /* the extraction's warnings too (a number too long to read…), as `jianbao extract` says */
    g_autoptr(GPtrArray) st = jb_extract_article_warn(art, a->c->dict, a->warnings);
    a->table = jb_table_new(JB_METRICS_HEADER);
    jb_extract_append_rows(a->table, st);
    g_autoptr(GString) csv = jb_table_to_csv(a->table);
    g_autoptr(GString) file = statements_file(a->warnings, csv);
    g_autofree char *path = jb_build_article_path(a->c, a, "csv");
    if (jb_build_cache_claim(a->c, path, &a->error) &&
        jb_atomic_write_file(path, file->str, file->len, JB_ATOMIC_NO_SYNC, &a->error)) {
        g_autofree char *stmt = jb_build_sha256_hex(file->str, file->len);
        a->has_stmt = jb_build_digest_parse(a->stmt, stmt);
        jb_build_maybe_die("extract");
    }
    if (a->c->stream && !a->error) { /* read back when assembled: never all held at once */
        g_clear_pointer(&a->table, jb_table_free);
        a->cached = TRUE;
    }
    g_clear_pointer(&a->data, g_free); /* nor are the article's bytes, once extracted */
}

static void article_key(const Ctx *c, Article *a)
{
    char hash[65];
    jb_build_digest_hex(a->hash, hash);
    g_autofree char *key = jb_build_key_of("extract", c->engine, c->dict_hash, a->name, hash, NULL);
    jb_build_digest_parse(a->key, key);
}

/* Read the article's bytes and key it by their hash. */
static gboolean article_read(Ctx *c, Article *a, GError **error)
{
    struct stat st;
    g_autofree char *path = jb_build_input_path(c, a->name);
    if (stat(path, &st) == 0 && st.st_size > (off_t)JB_ARTICLE_MAX_BYTES) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: larger than %u MB", a->name,
                    JB_ARTICLE_MAX_BYTES >> 20);
        return FALSE;
    }
    g_clear_pointer(&a->data, g_free);
    a->has_stmt = FALSE; /* of what it held before */
    if (!read_input(path, a->name, &a->data, &a->len, error))
        return FALSE;
    g_autofree char *hash = jb_build_sha256_hex(a->data, a->len);
    jb_build_digest_parse(a->hash, hash);
    article_key(c, a);
    return TRUE;
}

static gboolean article_cached(const Ctx *c, const Article *a)
{
    g_autofree char *path = jb_build_article_path(c, a, "csv");
    return g_file_test(path, G_FILE_TEST_IS_REGULAR);
}

GPtrArray *jb_build_read_articles(Ctx *c)
{
    GPtrArray *arts = g_ptr_array_new_with_free_func(article_free);
    guint vouched = 0;
    for (guint i = 0; i < c->files->len; i++) {
        const char *name = g_ptr_array_index(c->files, i);
        Article *a = g_new0(Article, 1);
        a->c = c;
        a->name = name;
        gboolean racy = TRUE;
        g_autofree char *path = c->index.on ? jb_build_input_path(c, name) : NULL;
        g_autofree char *sig = path ? jb_build_stat_sig(path, &racy, c->started) : NULL;
        char stmt[65];
        g_autofree char *hash = jb_build_index_lookup(c, name, sig, stmt);
        GError *e = NULL;
        if (hash && jb_build_digest_parse(a->hash, hash)) {
            /* unchanged since the last build: not read unless it must be extracted */
            a->has_stmt = stmt[0] && jb_build_digest_parse(a->stmt, stmt);
            article_key(c, a);
            vouched++;
        } else if (!article_read(c, a, &e)) {
            jb_build_fail_unit(c, "extract", e);
            article_free(a);
            continue;
        } else if (article_cached(c, a)) {
            /* hashed, and its product is there: its bytes are not kept (a build the index
             * vouches for nothing in, after a copy or a checkout, held the whole archive) */
            g_clear_pointer(&a->data, g_free);
        } else {
            hold_or_drop(c, a);
        }
        jb_build_index_record(c, a, sig, racy);
        g_ptr_array_add(arts, a);
    }
    if (c->index.on)
        jb_build_add_eventf(
            c->r, JB_LOG_DEBUG, "build",
            "%u articles known unchanged by the index (size, times, inode), %u read", vouched,
            arts->len - vouched);
    return arts;
}

static guint n_jobs(const JbBuildOptions *opt)
{
    guint j = opt && opt->jobs ? opt->jobs : g_get_num_processors();
    return CLAMP(j, 1, 256);
}

typedef struct {
    void (*one)(gpointer item);
    GAsyncQueue *done;
} PoolJob;

static void pool_worker(gpointer item, gpointer shared)
{
    PoolJob *job = shared;
    job->one(item);
    g_async_queue_push(job->done, item);
}

/* Run `one` on every item of `todo`: in order on this thread when `threads` is 1, else on a
 * pool of `threads` workers; progress for `stage` is reported as items finish. JB_ERROR's
 * quark is made here first, on this thread: G_DEFINE_QUARK makes it lazily with a plain
 * static, which workers failing at the same moment would otherwise race on
 * (ThreadSanitizer reported it). The workers are started first, all of them (an exclusive
 * pool): a thread that cannot be started (its stack over `ulimit -v`, too many processes)
 * leaves fewer, and none leaves the work on this thread. A pool that started its threads
 * only as items came queued them with no thread to take them, and the build waited for them
 * for ever, its lock held. */
static void run_all(const Ctx *c, const char *stage, GPtrArray *todo, guint threads,
                    void (*one)(gpointer item))
{
    threads = MIN(threads, todo->len);
    gboolean serial = threads <= 1;
    g_autoptr(GAsyncQueue) done = g_async_queue_new();
    PoolJob job = {one, done};
    GThreadPool *pool = NULL;
    if (!serial) {
        (void)JB_ERROR;
        g_autoptr(GError) e = NULL;
        pool = g_thread_pool_new(pool_worker, &job, (gint)threads, TRUE, &e);
        if (g_thread_pool_get_num_threads(pool) == 0) {
            g_thread_pool_free(pool, TRUE, TRUE);
            pool = NULL;
            serial = TRUE;
        }
        if (e)
            jb_build_add_eventf(c->r, JB_LOG_DEBUG, "build", "%s: %u of %u threads started (%s)",
                                stage, serial ? 0 : g_thread_pool_get_num_threads(pool), threads,
                                e->message);
        for (guint i = 0; pool && i < todo->len; i++)
            g_thread_pool_push(pool, g_ptr_array_index(todo, i), NULL);
    }
    for (guint i = 0; i < todo->len; i++) {
        if (serial)
            one(g_ptr_array_index(todo, i));
        else
            g_async_queue_pop(done);
        if (c->opt && c->opt->progress)
            c->opt->progress(stage, i + 1, todo->len, c->opt->progress_data);
    }
    if (pool)
        g_thread_pool_free(pool, FALSE, TRUE);
}

/* The article's events, in input order: its warnings, its error or what it ran. */
static void report_article(Ctx *c, Article *a)
{
    for (guint w = 0; a->warnings && w < a->warnings->len; w++)
        jb_build_add_event(c->r, JB_LOG_WARNING, "extract", g_ptr_array_index(a->warnings, w));
    if (a->ran && a->error) {
        jb_build_fail_unit(c, "extract", g_steal_pointer(&a->error));
    } else if (a->ran) {
        c->r->ran++;
        jb_build_add_eventf(c->r, JB_LOG_INFO, "extract", "%s: extracted %u statements", a->name,
                            a->table ? jb_table_n_rows(a->table) : 0);
    }
}

/* The cache file of `a`, parsed into a->table and a->warnings; FALSE when missing or damaged. */
gboolean jb_build_load_cached(const Ctx *c, Article *a)
{
    g_autofree char *path = jb_build_article_path(c, a, "csv");
    g_autofree char *text = NULL;
    gsize len = 0;
    JbTable *t = NULL;
    GPtrArray *w = NULL;
    /* (never through a symlink, never waiting on a FIFO planted there) */
    if (!jb_build_read_regular(path, FALSE, &text, &len) ||
        !statements_parse(path, text, len, &t, &w))
        return FALSE;
    g_clear_pointer(&a->table, jb_table_free);
    g_clear_pointer(&a->warnings, g_ptr_array_unref);
    a->table = t;
    a->warnings = w;
    return TRUE;
}

void jb_build_extract_all(Ctx *c, GPtrArray *arts)
{
    g_autoptr(GPtrArray) todo = g_ptr_array_new();
    for (guint i = 0; i < arts->len; i++) {
        Article *a = g_ptr_array_index(arts, i);
        if (c->stream) {
            g_autofree char *path = jb_build_article_path(c, a, "csv");
            a->cached = g_file_test(path, G_FILE_TEST_IS_REGULAR);
        } else {
            a->cached = jb_build_load_cached(c, a);
        }
        if (a->cached) {
            g_clear_pointer(&a->data, g_free);
            c->r->reused++;
            jb_build_add_eventf(c->r, JB_LOG_DEBUG, "extract", "%s: reused", a->name);
        } else if (!a->data && !a->reread) { /* the index vouched for it, but its product is gone */
            GError *e = NULL;
            if (article_read(c, a, &e))
                i--; /* look for the product of what it holds now */
            else
                a->error = e, a->ran = TRUE;
            if (a->data && !a->error)
                hold_or_drop(c, a);
        } else {
            g_ptr_array_add(todo, a);
        }
    }
    if (todo->len)
        run_all(c, "extract", todo, MIN(n_jobs(c->opt), todo->len), extract_one);
    /* Report in input order, whatever order the threads finished in. */
    for (guint i = 0; !c->stream && i < arts->len; i++)
        report_article(c, g_ptr_array_index(arts, i));
}

gboolean jb_build_article_rows(Ctx *c, Article *a)
{
    if (!a->table && a->cached && !jb_build_load_cached(c, a)) {
        /* damaged or removed since it was looked for: extract it again, here */
        GError *e = NULL;
        if (!a->data && !article_read(c, a, &e)) {
            a->error = e;
            a->ran = TRUE;
        } else {
            gboolean stream = c->stream;
            c->stream = FALSE; /* keep the table this time */
            extract_one(a);
            c->stream = stream;
        }
    }
    if (a->ran && !a->table && !a->error && a->cached)
        jb_build_load_cached(c, a); /* extracted in this run, read back from the cache */
    report_article(c, a);
    return a->table != NULL;
}

/* ---- reshape, charts, report ---------------------------------------------------------- */

/* The rows of `series` whose metric is in `ids`. */
typedef struct {
    const JbSeries *series;
    GHashTable *ids;
} Picked;

static gboolean keep_picked(const JbTable *t, guint row, gpointer data)
{
    (void)t;
    const Picked *p = data;
    return g_hash_table_contains(p->ids, jb_series_row(p->series, row)->metric_id);
}

/* Feed `h` (as jb_build_feed would the text) the rows of `series` whose metric_id is in
 * `ids` (all when NULL) as CSV text, header first: what a unit reads. Streamed: a briefing
 * reads every row, and the rows copied into a table and then into one text were twice the
 * series (30 MB at 100000 articles, a changed build's peak). */
static void feed_rows(GChecksum *h, const JbSeries *series, GHashTable *ids)
{
    Picked picked = {series, ids};
    jb_table_csv_stream(jb_series_table(series), ids ? keep_picked : NULL, &picked,
                        jb_csv_sink_checksum, h, NULL);
    g_checksum_update(h, (const guchar *)"", 1); /* jb_build_feed's end of a text */
}

void jb_build_render_free(gpointer p)
{
    Render *u = p;
    g_free(u->name);
    g_free(u->key);
    g_free(u->spec);
    g_free(u);
}

static gboolean chart_name_ok(const char *name)
{
    return *name && !strchr(name, '/') && strcmp(name, "..") != 0 && strcmp(name, ".") != 0;
}

GPtrArray *jb_build_chart_units(const Ctx *c, GError **error)
{
    GPtrArray *units = g_ptr_array_new_with_free_func(jb_build_render_free);
    g_auto(GStrv) groups = g_key_file_get_groups(c->kf, NULL);
    for (char **g = groups; *g; g++) {
        if (!g_str_has_prefix(*g, "chart "))
            continue;
        const char *name = *g + strlen("chart ");
        if (!chart_name_ok(name)) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: [%s]: bad chart name",
                        c->project_path, *g);
            g_ptr_array_unref(units);
            return NULL;
        }
        /* Re-serialise the group as a spec so projects and templates share one parser. */
        GString *spec = g_string_new(NULL);
        g_auto(GStrv) keys = g_key_file_get_keys(c->kf, *g, NULL, NULL);
        for (char **k = keys; k && *k; k++) {
            g_autofree char *v = g_key_file_get_string(c->kf, *g, *k, NULL);
            g_string_append_printf(spec, "%s = %s\n", *k, v ? v : "");
        }
        Render *u = g_new0(Render, 1);
        u->name = g_strdup(name);
        u->spec = g_string_free(spec, FALSE);
        g_ptr_array_add(units, u);
    }
    return units;
}

const ChartOut JB_BUILD_CHART_OUTS[2] = {{"png", 0}, {"pdf", 1}}; /* 0: the chart's own (dpi) */

gboolean jb_build_products_exist(const Ctx *c, const Render *u)
{
    if (!*u->name) {
        g_autofree char *p = jb_build_cache_path(c, u->key, "pdf");
        return g_file_test(p, G_FILE_TEST_IS_REGULAR);
    }
    for (guint i = 0; i < G_N_ELEMENTS(JB_BUILD_CHART_OUTS); i++) {
        g_autofree char *p = jb_build_cache_path(c, u->key, JB_BUILD_CHART_OUTS[i].ext);
        if (!g_file_test(p, G_FILE_TEST_IS_REGULAR))
            return FALSE;
    }
    return TRUE;
}

void jb_build_feed_named_files(const Ctx *c, GChecksum *h, const char *text, const char *dir)
{
    g_auto(GStrv) tokens = g_strsplit_set(text, " \t\r\n=:;,\"'`()[]{}", -1);
    const char *bases[] = {dir, c->base, "."}; /* "." : the chart module opens a theme as given */
    for (char **t = tokens; *t; t++) {
        if (!**t || !strchr(*t, '.'))
            continue;
        for (guint b = 0; b < G_N_ELEMENTS(bases); b++) {
            g_autofree char *p = jb_build_resolve(bases[b], *t);
            if (!g_file_test(p, G_FILE_TEST_IS_REGULAR))
                continue;
            g_autofree char *fh = jb_build_hash_file(p);
            /* the name as written and which base it was found under, never the path: the
             * key must not depend on how the project's path was spelled */
            g_autofree char *where = g_strdup_printf("%u:%s", b, *t);
            jb_build_feed(h, where);
            jb_build_feed(h, fh);
        }
    }
}

/* Metric ids of `series` that `text` mentions (as a substring: a safe over-approximation
 * of what a spec or template uses). Borrowed from `series`. */
static GHashTable *ids_mentioned(const JbSeries *series, const char *text)
{
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    const GPtrArray *all = jb_series_ids(series);
    for (guint i = 0; text && i < all->len; i++)
        if (strstr(text, all->pdata[i]))
            g_hash_table_add(ids, all->pdata[i]);
    return ids;
}

/* What of the dictionary a chart or briefing depends on: which of its metrics are parts of
 * which whole (part_of decides what a donut or stack may sum). Only that, so a dictionary
 * edited for extraction leaves charts whose series stayed the same alone. */
static int by_text(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void feed_parts(GChecksum *h, const JbDict *dict, GHashTable *ids)
{
    g_autoptr(GPtrArray) sorted = g_ptr_array_new();
    GHashTableIter it;
    gpointer id;
    g_hash_table_iter_init(&it, ids);
    while (g_hash_table_iter_next(&it, &id, NULL))
        g_ptr_array_add(sorted, id);
    g_ptr_array_sort(sorted, by_text);
    for (guint i = 0; dict && i < sorted->len; i++) {
        const JbMetric *m = jb_dict_get(dict, g_ptr_array_index(sorted, i));
        if (m && *m->part_of) {
            jb_build_feed(h, m->id);
            jb_build_feed(h, m->part_of);
        }
    }
}

/* The names the source line gives the articles behind these rows (their publisher or
 * title, from metrics.csv): a new name for one of them redraws the chart. */
static void feed_source_names(GChecksum *h, const Ctx *c, const JbSeries *series, GHashTable *ids)
{
    for (guint r = 0; r < jb_series_n_rows(series); r++) {
        const JbSeriesRow *row = jb_series_row(series, r);
        if (!g_hash_table_contains(ids, row->metric_id))
            continue;
        g_auto(GStrv) parts = g_strsplit(row->sources, ";", -1);
        for (char **p = parts; *p; p++) {
            g_autofree char *name = jb_source_name(c->source_names, g_strstrip(*p));
            jb_build_feed(h, name);
        }
    }
}

void jb_build_chart_key(const Ctx *c, Render *u, const JbSeries *series)
{
    g_autoptr(GHashTable) ids = ids_mentioned(series, u->spec);
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    jb_build_feed(h, "chart");
    jb_build_feed(h, c->engine);
    jb_build_feed(h, c->fonts);
    jb_build_feed(h, g_getenv("SOURCE_DATE_EPOCH")); /* the PDF's creation date */
    jb_build_feed(h, u->spec);
    feed_parts(h, c->dict, ids);
    feed_rows(h, series, ids);
    feed_source_names(h, c, series, ids);
    jb_build_feed_named_files(c, h, u->spec, c->base);
    u->key = g_strdup(g_checksum_get_string(h));
}

static gboolean chart_render(const Ctx *c, const Render *u, const JbSeries *series, GError **error)
{
    g_autofree char *where = g_strdup_printf("%s [chart %s]", c->project_path, u->name);
    g_autoptr(JbChart) ch = jb_chart_spec_parse(where, 1, u->spec, error);
    if (!ch)
        return FALSE;
    jb_chart_set_dict(ch, c->dict);
    jb_chart_set_source_names(ch, c->source_names);
    GError *local = NULL;
    if (!jb_chart_load_series(ch, series, &local)) {
        /* at the project's line: a metric the dictionary has but this run's articles state
         * no figure of */
        g_autofree char *group = g_strdup_printf("chart %s", u->name);
        guint line = jb_build_project_line(c->project_text, group, NULL);
        g_set_error(error, local->domain, local->code, "%s:%u: [%s]: %s", c->project_path, line,
                    group, local->message);
        g_error_free(local);
        return FALSE;
    }
    g_autoptr(JbDiag) warnings = jb_diag_new();
    jb_chart_set_diag(ch, warnings);
    for (guint i = 0; i < G_N_ELEMENTS(JB_BUILD_CHART_OUTS); i++) {
        g_autofree char *p = jb_build_cache_path(c, u->key, JB_BUILD_CHART_OUTS[i].ext);
        if (!jb_build_cache_claim(c, p, error) ||
            !jb_chart_render(ch, p, JB_BUILD_CHART_OUTS[i].scale, error))
            return FALSE;
        /* The warnings (drawing happens in render) go beside the products, before the
         * last product completes the unit. */
        if (i == 0 && !jb_build_save_warnings(c, u->key, warnings, error))
            return FALSE;
    }
    return TRUE;
}

void jb_build_report_key(const Ctx *c, Render *u, const JbSeries *series, const JbCitations *cit)
{
    const char *text = c->tmpl_text;
    /* a template that picks metrics by the data depends on all of them */
    g_autoptr(GHashTable)
        ids = ids_mentioned(series, text && jb_report_template_selects(text) ? NULL : text);
    if (text && jb_report_template_selects(text)) /* every row's, an empty id's too */
        for (guint r = 0; r < jb_series_n_rows(series); r++)
            g_hash_table_add(ids, (gpointer)jb_series_row(series, r)->metric_id);
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    jb_build_feed(h, "report");
    jb_build_feed(h, c->engine);
    jb_build_feed(h, c->fonts);
    jb_build_feed(h, c->tmpl_name);
    jb_build_feed(h, c->tmpl_hash);
    feed_parts(h, c->dict, ids);
    jb_build_feed(h, c->date);
    feed_rows(h, series, ids);
    /* what the briefing shows of the statements: its citations, the sources' names */
    for (guint r = 0; cit && r < jb_series_n_rows(series); r++)
        if (g_hash_table_contains(ids, jb_series_row(series, r)->metric_id))
            jb_citations_feed(cit, r, h);
    feed_source_names(h, c, series, ids);
    g_autoptr(GString) review = jb_table_to_csv(c->review_out); /* its review section */
    jb_build_feed(h, review->str);
    g_autoptr(GString) changes = c->changes ? jb_table_to_csv(c->changes) : NULL; /* 新增与变化 */
    jb_build_feed(h, changes ? changes->str : "(nothing to compare with)");
    g_autofree char *dir = g_path_get_dirname(c->tmpl_path);
    jb_build_feed_named_files(c, h, text ? text : "", dir);
    u->key = g_strdup(g_checksum_get_string(h));
}

/* What render jobs share, and why that is safe. Read only: the Ctx, the tables, the FcConfig
 * (fontconfig locks its own caches). Under the libraries' own locks: pango's language table,
 * its cached hb_buffer and PangoCairoRenderer, cairo's font and glyph caches. One per job or
 * thread: font maps (jb_fonts), canvases, cairo font options (made per context), the PNG
 * encoder's state (per call, jb_draw), temporary files (mkstemp names). The chart, report and
 * draw modules keep no static mutable state; jb_number's and jb_article's tables are built once
 * under g_once.
 * A ThreadSanitizer run of the suite found one race of ours (see run_all); the rest of its
 * reports are hand-overs inside GLib, pango, harfbuzz, fontconfig and glibc, which are not
 * built for it (their futex locks and atomics are invisible to it).
 *
 * What a render job needs; the job writes only `error` of its own unit, and its own cache
 * files. */
typedef struct {
    const Ctx *c;
    Render *u;
    const JbSeries *series;
    const JbCitations *cit;
    GError *error;
} RenderJob;

/* Run in a worker thread (or on this one with -j1): draws through the calling thread's own
 * font map (jb_fonts_map), on its own canvases; reads only the tables and the context. */
static void render_one(gpointer item)
{
    RenderJob *j = item;
    const Ctx *c = j->c;
    Render *u = j->u;
    if (*u->name) {
        chart_render(c, u, j->series, &j->error);
    } else {
        g_autofree char *p = jb_build_cache_path(c, u->key, "pdf");
        g_autoptr(JbDiag) warnings = jb_diag_new();
        JbReportInputs in = {.series = j->series,
                             .citations = j->cit,
                             .dict = c->dict,
                             .source_names = c->source_names,
                             .diag = warnings,
                             .review = c->review_out,
                             .changes = c->changes};
        /* The warnings go beside the product after it (the report writes its own file): a
         * crash between the two loses them for one build, nothing else. */
        if (jb_build_cache_claim(c, p, &j->error) &&
            jb_report_render(c->tmpl_path, &in, p, &j->error) &&
            !jb_build_save_warnings(c, u->key, warnings, &j->error))
            unlink(p);
    }
    if (!j->error)
        jb_build_maybe_die("render");
}

void jb_build_render_all(Ctx *c, GPtrArray *units, const JbSeries *series, const JbCitations *cit)
{
    guint n = units->len, n_todo = 0;
    for (guint i = 0; i < n; i++)
        n_todo += !((Render *)g_ptr_array_index(units, i))->ok;
    guint threads = MIN(n_jobs(c->opt), n_todo);
    g_autofree RenderJob *jobs = g_new0(RenderJob, MAX(n, 1));
    g_autoptr(GPtrArray) todo = g_ptr_array_new();
    for (guint i = 0; i < n; i++) {
        RenderJob *j = &jobs[i];
        *j = (RenderJob){.c = c, .u = g_ptr_array_index(units, i), .series = series, .cit = cit};
        if (j->u->ok)
            continue;
        if (threads > 1 && !*j->u->name)
            g_ptr_array_insert(todo, 0, j);
        else
            g_ptr_array_add(todo, j);
    }
    run_all(c, "render", todo, threads, render_one);
    for (guint i = 0; i < n; i++) {
        Render *u = jobs[i].u;
        const char *stage = *u->name ? "chart" : "report";
        const char *what = *u->name ? u->name : c->tmpl_path;
        if (u->ok) {
            c->r->reused++;
            jb_build_add_eventf(c->r, JB_LOG_DEBUG, stage, "%s: reused", what);
            jb_build_replay_warnings(c, u->key, stage);
            continue;
        }
        if (jobs[i].error) {
            jb_build_fail_unit(c, stage, g_steal_pointer(&jobs[i].error));
            continue;
        }
        u->ok = TRUE;
        c->r->ran++;
        jb_build_replay_warnings(c, u->key, stage);
        jb_build_add_eventf(c->r, JB_LOG_INFO, stage, "%s: rendered", what);
    }
}
