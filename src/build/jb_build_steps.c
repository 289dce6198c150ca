/* jb_build_steps.c — the first step of a build that makes products: extracting the articles
 * (in parallel, each from the cache when it can), and the pool the steps run their units on.
 *
 * Not for: the order of the steps, locking, units (jb_build.c), the charts and the report
 * (jb_build_render.c), publishing (jb_build_store.c).
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

/* What an article holds (not the article: a step's own). */
void jb_build_article_clear(gpointer p)
{
    Article *a = p;
    g_clear_pointer(&a->data, g_free);
    g_clear_pointer(&a->table, jb_table_free);
    g_clear_pointer(&a->warnings, g_ptr_array_unref);
    g_clear_error(&a->error);
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
static gboolean article_reread(const Ctx *c, Article *a)
{
    g_autofree char *path = jb_build_input_path(c, a->name);
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
static void extract_one(const Ctx *c, gpointer item)
{
    Article *a = item;
    a->ran = TRUE;
    /* (a second run of it, its cached statements gone mid-build, replaces the first's) */
    g_clear_pointer(&a->warnings, g_ptr_array_unref);
    a->warnings = jb_diag_new();
    if (!a->data && a->reread && !article_reread(c, a))
        return;
    g_autoptr(JbArticle) art = jb_article_parse(a->name, a->data, a->len, NULL, NULL, &a->error);
    if (!art) {
        g_clear_pointer(&a->data, g_free);
        return;
    }
    jb_diag_append(a->warnings, art->warnings);
    jb_publishers_fill(c->publishers, art);
    /* the extraction's warnings too (a number too long to read…), as `jianbao extract` says */
    g_autoptr(GPtrArray) st = jb_extract_article_warn(art, c->dict, a->warnings);
    a->table = jb_table_new(JB_METRICS_HEADER);
    jb_extract_append_rows(a->table, st);
    g_autoptr(GString) csv = jb_table_to_csv(a->table);
    g_autoptr(GString) file = statements_file(a->warnings, csv);
    g_autofree char *path = jb_build_article_path(c, a, "csv");
    if (jb_build_cache_claim(c, path, &a->error) &&
        jb_atomic_write_file(path, file->str, file->len, JB_ATOMIC_NO_SYNC, &a->error)) {
        g_autofree char *stmt = jb_build_sha256_hex(file->str, file->len);
        a->has_stmt = jb_build_digest_parse(a->stmt, stmt);
        jb_build_maybe_die("extract");
    }
    if (c->stream && !a->error) { /* read back when assembled: never all held at once */
        g_clear_pointer(&a->table, jb_table_free);
        a->cached = TRUE;
    }
    g_clear_pointer(&a->data, g_free); /* nor are the article's bytes, once extracted */
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
    return TRUE;
}

static gboolean article_cached(const Ctx *c, const Article *a)
{
    g_autofree char *path = jb_build_article_path(c, a, "csv");
    return g_file_test(path, G_FILE_TEST_IS_REGULAR);
}

guint jb_build_read_articles(Ctx *c)
{
    jb_build_arts_free(c->arts);
    c->arts = jb_build_arts_new(c);
    g_autoptr(GChecksum) digest = g_checksum_new(G_CHECKSUM_SHA256);
    guint vouched = 0, present = 0;
    for (guint i = 0; i < jb_build_inputs_count(c->inputs); i++) {
        Article a = {.name = jb_build_inputs_name(c->inputs, i), .num = i};
        jb_build_inputs_tick(c->inputs);
        gboolean racy = TRUE;
        g_autofree char *path = c->index.on ? jb_build_input_path(c, a.name) : NULL;
        g_autofree char *sig = path ? jb_build_stat_sig(path, &racy, c->started) : NULL;
        char stmt[65];
        g_autofree char *hash = jb_build_index_lookup(c, a.name, sig, stmt);
        GError *e = NULL;
        if (hash && jb_build_digest_parse(a.hash, hash)) {
            /* unchanged since the last build: not read unless it must be extracted */
            a.has_stmt = stmt[0] && jb_build_digest_parse(a.stmt, stmt);
            vouched++;
        } else if (!article_read(c, &a, &e)) {
            jb_build_fail_unit(c, "extract", e);
            jb_build_article_clear(&a);
            jb_build_arts_save(c->arts, &a); /* (not present: left out of every step) */
            continue;
        } else if (article_cached(c, &a)) {
            /* hashed, and its product is there: its bytes are not kept (a build the index
             * vouches for nothing in, after a copy or a checkout, held the whole archive) */
            g_clear_pointer(&a.data, g_free);
        } else {
            hold_or_drop(c, &a);
        }
        a.present = TRUE;
        present++;
        jb_build_index_record(c, &a, sig, racy);
        jb_build_inputs_digest_add(digest, &a);
        if (a.data)
            jb_build_arts_hold(c->arts, &a);
        jb_build_arts_save(c->arts, &a);
    }
    g_free(c->inputs_digest);
    c->inputs_digest = g_strdup(g_checksum_get_string(digest));
    if (c->index.on)
        jb_build_add_eventf(
            c->r, JB_LOG_DEBUG, "build",
            "%u articles known unchanged by the index (size, times, inode), %u read", vouched,
            present - vouched);
    return present;
}

guint jb_build_n_jobs(const JbBuildOptions *opt)
{
    guint j = opt && opt->jobs ? opt->jobs : g_get_num_processors();
    return CLAMP(j, 1, 256);
}

typedef struct {
    const Ctx *c;
    void (*one)(const Ctx *c, gpointer item);
    GAsyncQueue *done;
} PoolJob;

static void pool_worker(gpointer item, gpointer shared)
{
    PoolJob *job = shared;
    job->one(job->c, item);
    g_async_queue_push(job->done, item);
}

/* (jb_build_run_all: its comment is in jb_build_priv.h) */
void jb_build_run_all(const Ctx *c, const char *stage, GPtrArray *todo, guint threads,
                      void (*one)(const Ctx *c, gpointer item))
{
    jb_build_run_some(c, stage, todo, threads, one, 0, todo->len);
}

void jb_build_run_some(const Ctx *c, const char *stage, GPtrArray *todo, guint threads,
                       void (*one)(const Ctx *c, gpointer item), guint before, guint total)
{
    threads = MIN(threads, todo->len);
    gboolean serial = threads <= 1;
    g_autoptr(GAsyncQueue) done = g_async_queue_new();
    PoolJob job = {c, one, done};
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
    }
    /* Queued a few per thread ahead, the next as one is done: the pool's queue holds a node
     * per item queued (2.4 MB of a build from scratch's peak when all 100000 were). */
    guint queued = 0;
    for (; pool && queued < MIN(todo->len, 4 * threads); queued++)
        g_thread_pool_push(pool, g_ptr_array_index(todo, queued), NULL);
    for (guint i = 0; i < todo->len; i++) {
        if (serial) {
            one(c, g_ptr_array_index(todo, i));
        } else {
            g_async_queue_pop(done);
            if (queued < todo->len)
                g_thread_pool_push(pool, g_ptr_array_index(todo, queued++), NULL);
        }
        if (c->opt && c->opt->progress)
            c->opt->progress(stage, before + i + 1, total, c->opt->progress_data);
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

/* Whether `a` is in the cache (with c->stream, its file is there; else its statements can
 * be read: they are read again when it is reported): reused. Else, when the index vouched
 * for it and it was not read, it is read now (its product gone). */
static void look_in_cache(Ctx *c, Article *a)
{
    for (;;) {
        if (c->stream) {
            g_autofree char *path = jb_build_article_path(c, a, "csv");
            a->cached = g_file_test(path, G_FILE_TEST_IS_REGULAR);
        } else {
            a->cached = jb_build_load_cached(c, a);
            g_clear_pointer(&a->table, jb_table_free);
            g_clear_pointer(&a->warnings, g_ptr_array_unref);
        }
        if (a->cached) {
            g_clear_pointer(&a->data, g_free);
            c->r->reused++;
            jb_build_add_eventf(c->r, JB_LOG_DEBUG, "extract", "%s: reused", a->name);
            return;
        }
        if (a->held || a->reread)
            return; /* to be extracted */
        /* the index vouched for it, but its product is gone */
        GError *e = NULL;
        if (!article_read(c, a, &e)) {
            a->error = e;
            a->ran = TRUE;
            return;
        }
        hold_or_drop(c, a);
        if (a->data)
            jb_build_arts_hold(c->arts, a);
        /* (and the product of what it holds now is looked for) */
    }
}

/* Articles extracted together (and reported, in order, without c->stream). */
#define JB_BUILD_EXTRACT_WINDOW 256

/* The articles of a window, after their extraction: reported (without c->stream: in order;
 * one reused is read from the cache again) or their failure kept, and their records
 * written. */
static void window_done(Ctx *c, Article *win, guint n)
{
    for (guint k = 0; k < n; k++) {
        Article *a = &win[k];
        if (!c->stream && a->cached && !a->ran)
            jb_build_load_cached(c, a);
        if (!c->stream)
            report_article(c, a);
        else if (a->error)
            jb_build_arts_keep_failure(c->arts, a);
        jb_build_arts_save(c->arts, a);
        jb_build_article_clear(a);
    }
}

void jb_build_extract_all(Ctx *c)
{
    JbArts *s = c->arts;
    guint n = jb_build_arts_count(s), threads = jb_build_n_jobs(c->opt), total = 0, done = 0;
    g_autofree Article *win = g_new0(Article, JB_BUILD_EXTRACT_WINDOW);
    /* which are reused, which extracted: counted first, for the progress */
    for (guint i = 0; i < n; i++) {
        Article *a = &win[0];
        if (!jb_build_arts_load(c, s, i, a))
            continue;
        look_in_cache(c, a);
        if (a->error)
            jb_build_arts_keep_failure(s, a);
        else if (!a->cached)
            total++;
        jb_build_arts_save(s, a);
        jb_build_article_clear(a);
    }
    g_autoptr(GPtrArray) todo = g_ptr_array_new();
    guint in = 0;
    for (guint i = 0; i <= n; i++) {
        if (i < n) {
            Article *a = &win[in];
            if (!jb_build_arts_load(c, s, i, a) || (c->stream && (a->cached || a->failed)))
                continue;
            in++;
            if (a->failed) /* (reported in order) */
                jb_build_arts_failure(s, a);
            else if (!a->cached)
                g_ptr_array_add(todo, a);
            jb_build_arts_take(s, a);
            if (in < JB_BUILD_EXTRACT_WINDOW)
                continue;
        }
        if (todo->len)
            jb_build_run_some(c, "extract", todo, MIN(threads, todo->len), extract_one, done,
                              total);
        done += todo->len;
        window_done(c, win, in);
        g_ptr_array_set_size(todo, 0);
        in = 0;
    }
    jb_build_arts_drop_held(s);
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
            extract_one(c, a);
            c->stream = stream;
        }
    }
    if (a->ran && !a->table && !a->error && a->cached)
        jb_build_load_cached(c, a); /* extracted in this run, read back from the cache */
    report_article(c, a);
    return a->table != NULL;
}
