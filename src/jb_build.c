#include "jb_build_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bump when the meaning of a cached product changes without the engine hash changing. */
#define CACHE_FORMAT "jianbao-cache-1"

/* ---- the build context ---------------------------------------------------------------- */

static void ctx_clear(Ctx *c)
{
    g_clear_pointer(&c->kf, g_key_file_unref);
    g_clear_pointer(&c->old_man, g_key_file_unref);
    g_clear_pointer(&c->new_man, g_key_file_unref);
    g_clear_pointer(&c->files, g_ptr_array_unref);
    g_clear_pointer(&c->dict, jb_dict_free);
    g_clear_pointer(&c->article_hash, g_hash_table_unref);
    g_clear_error(&c->first_error);
    g_free(c->base);
    g_free(c->out_dir);
    g_free(c->cache_dir);
    g_free(c->dict_path);
    g_free(c->tmpl_path);
    g_free(c->engine);
    g_free(c->fonts);
    g_free(c->project_hash);
    g_free(c->dict_hash);
    g_free(c->tmpl_hash);
    g_free(c->date);
    g_free(c->project_text);
    g_free(c->tmpl_text);
}

void jb_build_fail_unit(Ctx *c, const char *stage, GError *e)
{
    jb_build_add_event(c->r, JB_LOG_ERROR, stage, e->message);
    if (e->domain == JB_ERROR && (e->code == JB_ERROR_INPUT || e->code == JB_ERROR_LIMIT))
        c->r->input_errors = TRUE;
    if (!c->first_error)
        c->first_error = e;
    else
        g_error_free(e);
}

static char *resolve(const char *base_dir, const char *path)
{
    if (g_path_is_absolute(path) || strcmp(base_dir, ".") == 0)
        return g_strdup(path);
    return g_build_filename(base_dir, path, NULL);
}

static char *project_string(GKeyFile *kf, const char *key, const char *fallback)
{
    char *v = g_key_file_get_string(kf, "project", key, NULL);
    return v ? g_strstrip(v) : g_strdup(fallback);
}

static GPtrArray *expand_inputs(const char *base_dir, char **globs)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (char **g = globs; *g; g++) {
        g_autofree char *pattern = resolve(base_dir, g_strstrip(*g));
        glob_t gl;
        if (*pattern && glob(pattern, 0, NULL, &gl) == 0) {
            for (size_t i = 0; i < gl.gl_pathc; i++) {
                if (g_hash_table_contains(seen, gl.gl_pathv[i]))
                    continue;
                char *f = g_strdup(gl.gl_pathv[i]);
                g_hash_table_add(seen, f);
                g_ptr_array_add(files, f);
            }
            globfree(&gl);
        }
    }
    return files;
}

/* Hash a big file we do not own (fonts, the executable) through a stat shortcut: when size,
 * mtime and inode are those the manifest recorded, reuse the recorded hash, as git's index
 * does; otherwise hash the content. Small inputs (articles, templates) are always hashed. */
static char *hash_big_file(Ctx *c, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return g_strdup("missing");
    g_autofree char *sig = g_strdup_printf("%lld:%lld.%09ld:%llu", (long long)st.st_size,
                                           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                           (unsigned long long)st.st_ino);
    g_autofree char *old = g_key_file_get_string(c->old_man, "stat", path, NULL);
    char *hash = NULL;
    if (old && g_str_has_prefix(old, sig) && old[strlen(sig)] == ' ')
        hash = g_strdup(old + strlen(sig) + 1);
    else
        hash = jb_build_hash_file(path);
    if (!hash)
        return g_strdup("unreadable");
    g_autofree char *rec = g_strdup_printf("%s %s", sig, hash);
    g_key_file_set_string(c->new_man, "stat", path, rec);
    return hash;
}

/* What every rendered product depends on besides its data: jianbao's version and binary
 * (the theme and layout are compiled in), and the fonts it draws with. */
static void hash_engine(Ctx *c)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *exe_hash = exe ? hash_big_file(c, exe) : g_strdup("");
    c->engine = jb_build_key_of(CACHE_FORMAT, JB_VERSION, exe_hash, NULL);
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    static const char *const font_files[] = {"fonts/fonts.conf", "fonts/jianbao-sans-regular.otf",
                                             "fonts/jianbao-sans-bold.otf"};
    for (guint i = 0; i < G_N_ELEMENTS(font_files); i++) {
        g_autofree char *p = jb_data_path(font_files[i]);
        g_autofree char *fh = p ? hash_big_file(c, p) : g_strdup("missing");
        jb_build_feed(h, font_files[i]);
        jb_build_feed(h, fh);
    }
    c->fonts = g_strdup(g_checksum_get_string(h));
}

/* The briefing's default date: part of the report's key, so a new day re-renders it. */
static char *briefing_date(void)
{
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch)
        return g_strdup_printf("epoch %s", epoch);
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    return g_date_time_format(now, "%Y-%m-%d");
}

static gboolean ctx_load(Ctx *c, const char *project_path, const JbBuildOptions *opt,
                         JbBuildResult *r, GError **error)
{
    c->project_path = project_path;
    c->opt = opt;
    c->r = r;
    c->kf = g_key_file_new();
    c->old_man = g_key_file_new();
    c->new_man = g_key_file_new();
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *local = NULL;
    if (!g_file_get_contents(project_path, &text, &len, &local) ||
        !g_key_file_load_from_data(c->kf, text, len, G_KEY_FILE_NONE, &local)) {
        g_set_error(error, JB_ERROR,
                    local->domain == G_FILE_ERROR ? JB_ERROR_USAGE : JB_ERROR_INPUT, "%s: %s",
                    project_path, local->message);
        g_error_free(local);
        return FALSE;
    }
    c->project_hash = jb_build_sha256_hex(text, len);
    c->project_text = g_strdup(text);
    c->base = g_path_get_dirname(project_path);
    g_autofree char *out_rel = project_string(c->kf, "output", "out");
    g_autofree char *dict_rel = project_string(c->kf, "dictionary", "templates/metrics.ini");
    g_autofree char *tmpl_rel = project_string(c->kf, "template", "");
    g_autofree char *period = project_string(c->kf, "period", "year");
    c->out_dir = resolve(c->base, out_rel);
    c->cache_dir = g_build_filename(c->out_dir, ".cache", NULL);
    c->dict_path = resolve(c->base, dict_rel);
    c->tmpl_path = *tmpl_rel ? resolve(c->base, tmpl_rel) : NULL;
    c->year_periods = strcmp(period, "year") == 0;
    g_auto(GStrv) globs = g_key_file_get_string_list(c->kf, "project", "inputs", NULL, NULL);
    if (!globs) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: [project] needs inputs=GLOB;...",
                    project_path);
        return FALSE;
    }
    c->files = expand_inputs(c->base, globs);
    return TRUE;
}

/* The previous manifest, the input hashes and the dictionary: what every decision needs. */
static gboolean ctx_prepare(Ctx *c, GError **error)
{
    g_autofree char *man = g_build_filename(c->out_dir, ".manifest", NULL);
    /* A missing or damaged manifest only costs a full rebuild (from the cache). */
    if (!g_key_file_load_from_file(c->old_man, man, G_KEY_FILE_NONE, NULL)) {
        g_key_file_unref(c->old_man);
        c->old_man = g_key_file_new();
    }
    if (c->files->len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: no article matches inputs=",
                    c->project_path);
        return FALSE;
    }
    hash_engine(c);
    g_autofree char *dict_text = NULL;
    gsize len = 0;
    GError *local = NULL;
    if (!g_file_get_contents(c->dict_path, &dict_text, &len, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    c->dict = jb_dict_parse(c->dict_path, dict_text, len, error);
    if (!c->dict)
        return FALSE;
    c->dict_hash = jb_build_sha256_hex(dict_text, len);
    if (c->tmpl_path) {
        gsize tlen = 0;
        if (g_file_get_contents(c->tmpl_path, &c->tmpl_text, &tlen, NULL))
            c->tmpl_hash = jb_build_sha256_hex(c->tmpl_text, tlen);
        if (!c->tmpl_hash) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: cannot read the template",
                        c->tmpl_path);
            return FALSE;
        }
    } else {
        c->tmpl_hash = g_strdup("");
    }
    c->date = briefing_date();
    return TRUE;
}

static char *cache_path(const Ctx *c, const char *key, const char *ext)
{
    g_autofree char *name = g_strdup_printf("%s.%s", key, ext);
    return g_build_filename(c->cache_dir, name, NULL);
}

/* Warnings stored beside a product (KEY.warn, one per line), so a reused product reports
 * what the run that made it reported. Written before the product itself. */
static gboolean save_warnings(const Ctx *c, const char *key, GPtrArray *warnings, GError **error)
{
    g_autofree char *path = cache_path(c, key, "warn");
    if (!warnings || warnings->len == 0) {
        unlink(path);
        return TRUE;
    }
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint i = 0; i < warnings->len; i++) {
        g_autofree char *one = g_strdup(g_ptr_array_index(warnings, i));
        g_strdelimit(one, "\r\n", ' ');
        g_string_append_printf(s, "%s\n", one);
    }
    return jb_write_file_atomic(path, s->str, s->len, error);
}

static void replay_warnings(Ctx *c, const char *key, const char *stage)
{
    g_autofree char *path = cache_path(c, key, "warn");
    g_autofree char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return;
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++)
        if (**l)
            jb_build_add_event(c->r, JB_LOG_WARNING, stage, *l);
}

/* ---- extraction (parallel) ------------------------------------------------------------ */

/* An article's cache file: a first line "jianbao-statements SHA256 NWARN", NWARN warning
 * lines, then the statements as metrics.csv. It is written without fsync: hundreds of
 * fsyncs made a full build 15× slower than the extraction itself, and the cache needs none.
 * A kill -9 cannot hurt it (rename is atomic and the page cache survives the process); after
 * a power loss a file may be renamed but empty or partial, which the hash catches: the
 * article is then extracted again. Published outputs and the manifest are still fsynced. */
static GString *statements_file(const GPtrArray *warnings, const GString *csv)
{
    g_autoptr(GString) body = g_string_new(NULL);
    for (guint i = 0; i < warnings->len; i++) {
        g_autofree char *one = g_strdup(g_ptr_array_index(warnings, i));
        g_strdelimit(one, "\r\n", ' ');
        g_string_append_printf(body, "%s\n", one);
    }
    g_string_append_len(body, csv->str, (gssize)csv->len);
    g_autofree char *sum = jb_build_sha256_hex(body->str, body->len);
    GString *out = g_string_new(NULL);
    g_string_printf(out, "jianbao-statements %s %u\n", sum, warnings->len);
    g_string_append_len(out, body->str, (gssize)body->len);
    return out;
}

/* Parse a cache file written by statements_file; FALSE when it is damaged. */
static gboolean statements_parse(const char *path, const char *text, gsize len, JbTable **table,
                                 GPtrArray **warnings)
{
    const char *nl = memchr(text, '\n', len);
    char sum[65];
    unsigned nwarn = 0;
    if (!nl || sscanf(text, "jianbao-statements %64s %u", sum, &nwarn) != 2)
        return FALSE;
    const char *body = nl + 1;
    gsize blen = len - (gsize)(body - text);
    g_autofree char *have = jb_build_sha256_hex(body, blen);
    if (strcmp(have, sum) != 0)
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

/* Temporary file, write, rename: atomic, not durable (see statements_file). */
static gboolean write_file_fast(const char *path, const GString *data, GError **error)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *tmp = g_strdup_printf("%s.XXXXXX", path);
    int fd = -1;
    if (g_mkdir_with_parents(dir, 0755) == 0)
        fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0644);
    gboolean ok = fd >= 0;
    for (gsize off = 0; ok && off < data->len;) {
        ssize_t n = write(fd, data->str + off, data->len - off);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        off += n > 0 ? (gsize)n : 0;
    }
    int e = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        e = errno;
        ok = FALSE;
    }
    if (ok && rename(tmp, path) != 0) {
        e = errno;
        ok = FALSE;
    }
    if (!ok) {
        if (fd >= 0)
            unlink(tmp);
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path, g_strerror(e));
    }
    return ok;
}

static void article_free(gpointer p)
{
    Article *a = p;
    g_free(a->path);
    g_free(a->data);
    g_free(a->key);
    g_clear_pointer(&a->table, jb_table_free);
    g_clear_pointer(&a->warnings, g_ptr_array_unref);
    g_clear_error(&a->error);
    g_free(a);
}

/* Run in a worker thread: touches only `a`, the read-only dictionary and its own cache files. */
static void extract_one(gpointer item)
{
    Article *a = item;
    a->ran = TRUE;
    a->warnings = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(JbArticle) art = jb_article_parse(a->path, a->data, a->len, NULL, NULL, &a->error);
    if (!art)
        return;
    for (guint w = 0; w < art->warnings->len; w++)
        g_ptr_array_add(a->warnings, g_strdup(g_ptr_array_index(art->warnings, w)));
    g_autoptr(GPtrArray) st = jb_extract_article(art, a->c->dict);
    a->table = jb_table_new(JB_METRICS_HEADER);
    jb_extract_append_rows(a->table, st);
    g_autoptr(GString) csv = jb_table_to_csv(a->table);
    g_autoptr(GString) file = statements_file(a->warnings, csv);
    g_autofree char *path = cache_path(a->c, a->key, "csv");
    if (write_file_fast(path, file, &a->error))
        jb_build_maybe_die("extract");
}

static char *article_key(const Ctx *c, const char *path, const char *content_hash)
{
    return jb_build_key_of("extract", c->engine, c->dict_hash, path, content_hash, NULL);
}

/* Read and hash every article. Unreadable ones are reported and left out. */
static GPtrArray *read_articles(Ctx *c)
{
    GPtrArray *arts = g_ptr_array_new_with_free_func(article_free);
    for (guint i = 0; i < c->files->len; i++) {
        const char *path = g_ptr_array_index(c->files, i);
        Article *a = g_new0(Article, 1);
        a->c = c;
        a->path = g_strdup(path);
        GError *e = NULL;
        struct stat st;
        if (stat(path, &st) == 0 && st.st_size > (off_t)JB_ARTICLE_MAX_BYTES) {
            g_set_error(&e, JB_ERROR, JB_ERROR_LIMIT, "%s: larger than %u MB", path,
                        JB_ARTICLE_MAX_BYTES >> 20);
        } else if (!g_file_get_contents(path, &a->data, &a->len, &e)) {
            GError *we = g_error_new(JB_ERROR, JB_ERROR_INPUT, "%s", e->message);
            g_error_free(e);
            e = we;
        }
        if (e) {
            jb_build_fail_unit(c, "extract", e);
            article_free(a);
            continue;
        }
        char *h = jb_build_sha256_hex(a->data, a->len);
        a->key = article_key(c, path, h);
        if (!c->article_hash)
            c->article_hash = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        g_hash_table_replace(c->article_hash, g_strdup(path), h);
        g_ptr_array_add(arts, a);
    }
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
 * (ThreadSanitizer reported it). */
static void run_all(const Ctx *c, const char *stage, GPtrArray *todo, guint threads,
                    void (*one)(gpointer item))
{
    gboolean serial = threads <= 1;
    g_autoptr(GAsyncQueue) done = g_async_queue_new();
    PoolJob job = {one, done};
    GThreadPool *pool = NULL;
    if (!serial) {
        (void)JB_ERROR;
        pool = g_thread_pool_new(pool_worker, &job, (gint)threads, FALSE, NULL);
        for (guint i = 0; i < todo->len; i++)
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

/* Statements of every article: from the cache, else extracted on `jobs` threads. */
static void extract_all(Ctx *c, GPtrArray *arts)
{
    g_autoptr(GPtrArray) todo = g_ptr_array_new();
    for (guint i = 0; i < arts->len; i++) {
        Article *a = g_ptr_array_index(arts, i);
        g_autofree char *path = cache_path(c, a->key, "csv");
        g_autofree char *text = NULL;
        gsize len = 0;
        if (g_file_get_contents(path, &text, &len, NULL) &&
            !statements_parse(path, text, len, &a->table, &a->warnings)) /* damaged */
            g_clear_pointer(&a->table, jb_table_free);
        if (a->table) {
            c->r->reused++;
            jb_build_add_eventf(c->r, JB_LOG_DEBUG, "extract", "%s: reused", a->path);
        } else {
            g_ptr_array_add(todo, a);
        }
    }
    if (todo->len)
        run_all(c, "extract", todo, MIN(n_jobs(c->opt), todo->len), extract_one);
    /* Report in input order, whatever order the threads finished in. */
    for (guint i = 0; i < arts->len; i++) {
        Article *a = g_ptr_array_index(arts, i);
        if (a->ran) {
            for (guint w = 0; a->warnings && w < a->warnings->len; w++)
                jb_build_add_event(c->r, JB_LOG_WARNING, "extract",
                                   g_ptr_array_index(a->warnings, w));
            if (a->error) {
                jb_build_fail_unit(c, "extract", g_steal_pointer(&a->error));
                continue;
            }
            c->r->ran++;
            jb_build_add_eventf(c->r, JB_LOG_INFO, "extract", "%s: extracted %u statements",
                                a->path, jb_table_n_rows(a->table));
        } else {
            for (guint w = 0; a->warnings && w < a->warnings->len; w++)
                jb_build_add_event(c->r, JB_LOG_WARNING, "extract",
                                   g_ptr_array_index(a->warnings, w));
        }
    }
}

/* ---- reshape, charts, report ---------------------------------------------------------- */

/* Rows of `t` whose metric_id is in `ids` (all when NULL) as CSV text: what a unit reads. */
static GString *rows_for(const JbTable *t, GHashTable *ids)
{
    int col = jb_table_column(t, "metric_id");
    guint n = jb_table_n_cols(t);
    g_autoptr(GPtrArray) header = g_ptr_array_new();
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(header, (gpointer)jb_table_header(t, i));
    g_ptr_array_add(header, NULL);
    g_autoptr(JbTable) sub = jb_table_new((const char *const *)header->pdata);
    g_autofree const char **cells = g_new0(const char *, n + 1);
    for (guint r = 0; r < jb_table_n_rows(t); r++) {
        if (ids && !g_hash_table_contains(ids, jb_table_get(t, r, col)))
            continue;
        for (guint i = 0; i < n; i++)
            cells[i] = jb_table_get(t, r, (int)i);
        jb_table_append(sub, cells);
    }
    return jb_table_to_csv(sub);
}

typedef struct {
    char *name;     /* chart name, or "" for the report */
    char *key;
    char *spec;     /* the chart spec text */
    gboolean ok;    /* products exist in the cache */
} Render;

static void render_free(gpointer p)
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

/* The chart groups of the project, with their spec text. */
static GPtrArray *chart_units(const Ctx *c, GError **error)
{
    GPtrArray *units = g_ptr_array_new_with_free_func(render_free);
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

static const struct {
    const char *ext;
    double scale;
} CHART_OUTS[] = {{"png", 2}, {"pdf", 1}};

static gboolean products_exist(const Ctx *c, const Render *u)
{
    if (!*u->name) {
        g_autofree char *p = cache_path(c, u->key, "pdf");
        return g_file_test(p, G_FILE_TEST_IS_REGULAR);
    }
    for (guint i = 0; i < G_N_ELEMENTS(CHART_OUTS); i++) {
        g_autofree char *p = cache_path(c, u->key, CHART_OUTS[i].ext);
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
            g_autofree char *p = resolve(bases[b], *t);
            if (!g_file_test(p, G_FILE_TEST_IS_REGULAR))
                continue;
            g_autofree char *fh = jb_build_hash_file(p);
            jb_build_feed(h, p);
            jb_build_feed(h, fh);
        }
    }
}

/* Metric ids of `series` that `text` mentions (as a substring: a safe over-approximation
 * of what a spec or template uses). Borrowed from `series`. */
static GHashTable *ids_mentioned(const JbTable *series, const char *text)
{
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    int col = jb_table_column(series, "metric_id");
    for (guint r = 0; text && r < jb_table_n_rows(series); r++) {
        const char *id = jb_table_get(series, r, col);
        if (*id && strstr(text, id))
            g_hash_table_add(ids, (gpointer)id);
    }
    return ids;
}

/* Key a chart by its spec, the files it names and the series rows of the metrics it names. */
static void chart_key(const Ctx *c, Render *u, const JbTable *series)
{
    g_autoptr(GHashTable) ids = ids_mentioned(series, u->spec);
    g_autoptr(GString) rows = rows_for(series, ids);
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    jb_build_feed(h, "chart");
    jb_build_feed(h, c->engine);
    jb_build_feed(h, c->fonts);
    jb_build_feed(h, g_getenv("SOURCE_DATE_EPOCH")); /* the PDF's creation date */
    jb_build_feed(h, u->spec);
    jb_build_feed(h, rows->str);
    jb_build_feed_named_files(c, h, u->spec, c->base);
    u->key = g_strdup(g_checksum_get_string(h));
}

static gboolean chart_render(const Ctx *c, const Render *u, const JbTable *series, GError **error)
{
    g_autofree char *where = g_strdup_printf("%s [chart %s]", c->project_path, u->name);
    g_autoptr(JbChart) ch = jb_chart_spec_parse(where, 1, u->spec, error);
    if (!ch || !jb_chart_load_series(ch, series, error))
        return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(CHART_OUTS); i++) {
        g_autofree char *p = cache_path(c, u->key, CHART_OUTS[i].ext);
        if (!jb_chart_render(ch, p, CHART_OUTS[i].scale, error))
            return FALSE;
        /* The warnings (drawing happens in render) go beside the products, before the
         * last product completes the unit. */
        if (i == 0 && !save_warnings(c, u->key, ch->warnings, error))
            return FALSE;
    }
    return TRUE;
}

/* Key the report by its template, the files it names, the date, and the series and quotes
 * of every metric whose id the template mentions. */
static void report_key(const Ctx *c, Render *u, const JbTable *series, const JbTable *metrics)
{
    const char *text = c->tmpl_text;
    g_autoptr(GHashTable) ids = ids_mentioned(series, text);
    g_autoptr(GString) srows = rows_for(series, ids);
    g_autoptr(GString) mrows = rows_for(metrics, ids);
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    jb_build_feed(h, "report");
    jb_build_feed(h, c->engine);
    jb_build_feed(h, c->fonts);
    jb_build_feed(h, c->tmpl_path);
    jb_build_feed(h, c->tmpl_hash);
    jb_build_feed(h, c->date);
    jb_build_feed(h, srows->str);
    jb_build_feed(h, mrows->str);
    /* The sources section reads each cited article again (for its title): their content. */
    int src = jb_table_column(metrics, "source");
    int idc = jb_table_column(metrics, "metric_id");
    for (guint r = 0; c->article_hash && r < jb_table_n_rows(metrics); r++) {
        if (!g_hash_table_contains(ids, jb_table_get(metrics, r, idc)))
            continue;
        const char *ah = g_hash_table_lookup(c->article_hash, jb_table_get(metrics, r, src));
        jb_build_feed(h, ah ? ah : "");
    }
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
 * under g_once (jb_reshape's static sort columns are used before, on this thread only).
 * A ThreadSanitizer run of the suite found one race of ours (see run_all); the rest of its
 * reports are hand-overs inside GLib, pango, harfbuzz, fontconfig and glibc, which are not
 * built for it (their futex locks and atomics are invisible to it).
 *
 * What a render job needs; the job writes only `error` of its own unit, and its own cache
 * files. */
typedef struct {
    const Ctx *c;
    Render *u;
    const JbTable *series, *metrics;
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
        g_autofree char *p = cache_path(c, u->key, "pdf");
        JbReportInputs in = {.series = j->series, .metrics = j->metrics};
        jb_report_render(c->tmpl_path, &in, p, &j->error);
    }
    if (!j->error)
        jb_build_maybe_die("render");
}

/* Each render unit: reused from the cache or run, on up to -j threads at once (with one, on
 * this thread, in unit order). In parallel the report is queued first: it takes longest (it
 * draws every chart of the template again). Events are
 * recorded afterwards in unit order, whatever order the threads finished in, so the log of a
 * parallel build is the log of a serial one. */
static void render_all(Ctx *c, GPtrArray *units, const JbTable *series, const JbTable *metrics)
{
    guint n = units->len, n_todo = 0;
    for (guint i = 0; i < n; i++)
        n_todo += !((Render *)g_ptr_array_index(units, i))->ok;
    guint threads = MIN(n_jobs(c->opt), n_todo);
    g_autofree RenderJob *jobs = g_new0(RenderJob, MAX(n, 1));
    g_autoptr(GPtrArray) todo = g_ptr_array_new();
    for (guint i = 0; i < n; i++) {
        RenderJob *j = &jobs[i];
        *j = (RenderJob){.c = c, .u = g_ptr_array_index(units, i), .series = series,
                         .metrics = metrics};
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
            replay_warnings(c, u->key, stage);
            continue;
        }
        if (jobs[i].error) {
            jb_build_fail_unit(c, stage, g_steal_pointer(&jobs[i].error));
            continue;
        }
        u->ok = TRUE;
        c->r->ran++;
        replay_warnings(c, u->key, stage);
        jb_build_add_eventf(c->r, JB_LOG_INFO, stage, "%s: rendered", what);
    }
}

/* ---- the build ------------------------------------------------------------------------ */

/* One build at a time per output directory: an flock on OUT/.lock, released by the kernel
 * when the process ends however it ends, so a killed run never leaves a stale lock. */
static int take_lock(const char *out_dir, gboolean wait, GError **error)
{
    if (g_mkdir_with_parents(out_dir, 0755) != 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", out_dir, g_strerror(e));
        return -1;
    }
    g_autofree char *path = g_build_filename(out_dir, ".lock", NULL);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path, g_strerror(e));
        return -1;
    }
    if (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
        int e = errno;
        close(fd);
        if (e == EWOULDBLOCK)
            g_set_error(error, JB_ERROR, JB_ERROR_LOCKED,
                        "%s: another build is running (use --wait to wait for it)", path);
        else
            g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path, g_strerror(e));
        return -1;
    }
    return fd;
}

/* Metrics of all articles (in input order), reshaped to series. */
static gboolean assemble(Ctx *c, GPtrArray *arts, JbTable **metrics_out, JbTable **series_out)
{
    g_autoptr(JbTable) metrics = jb_table_new(JB_METRICS_HEADER);
    guint ncols = jb_table_n_cols(metrics);
    g_autofree const char **cells = g_new0(const char *, ncols + 1);
    for (guint i = 0; i < arts->len; i++) {
        Article *a = g_ptr_array_index(arts, i);
        if (!a->table)
            continue;
        int cols[32];
        for (guint k = 0; k < ncols && k < G_N_ELEMENTS(cols); k++)
            cols[k] = jb_table_column(a->table, jb_table_header(metrics, k));
        for (guint r = 0; r < jb_table_n_rows(a->table); r++) {
            for (guint k = 0; k < ncols; k++)
                cells[k] = jb_table_get(a->table, r, k < G_N_ELEMENTS(cols) ? cols[k] : -1);
            jb_table_append(metrics, cells);
        }
        c->r->articles++;
    }
    c->r->statements = jb_table_n_rows(metrics);
    g_autofree char *metrics_path = g_build_filename(c->out_dir, "metrics.csv", NULL);
    jb_table_set_source(metrics, metrics_path);
    JbReshapeOptions ro = {.year_periods = c->year_periods};
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    GError *e = NULL;
    g_autoptr(JbTable) series = jb_reshape(metrics, c->dict, &ro, warnings, &e);
    for (guint i = 0; i < warnings->len; i++)
        jb_build_add_event(c->r, JB_LOG_WARNING, "reshape", g_ptr_array_index(warnings, i));
    if (!series) {
        jb_build_fail_unit(c, "reshape", e);
        return FALSE;
    }
    c->r->series_rows = jb_table_n_rows(series);
    g_autofree char *series_path = g_build_filename(c->out_dir, "series.csv", NULL);
    jb_table_set_source(series, series_path);
    *metrics_out = g_steal_pointer(&metrics);
    *series_out = g_steal_pointer(&series);
    return TRUE;
}

/* Keys of the render units; a unit whose key cannot be made (bad spec) fails here. */
static GPtrArray *plan_renders(Ctx *c, const JbTable *series, const JbTable *metrics)
{
    GError *e = NULL;
    GPtrArray *units = chart_units(c, &e);
    if (!units) {
        jb_build_fail_unit(c, "chart", e);
        return g_ptr_array_new_with_free_func(render_free);
    }
    for (guint i = 0; i < units->len; i++) {
        Render *u = g_ptr_array_index(units, i);
        chart_key(c, u, series);
        u->ok = products_exist(c, u);
    }
    if (c->tmpl_path) {
        Render *u = g_new0(Render, 1);
        u->name = g_strdup("");
        report_key(c, u, series, metrics);
        u->ok = products_exist(c, u);
        g_ptr_array_add(units, u);
    }
    return units;
}

static void build_locked(Ctx *c)
{
    g_autoptr(GPtrArray) arts = read_articles(c);
    g_autofree char *top = jb_build_top_key(c, arts);
    g_autofree char *old_top = g_key_file_get_string(c->old_man, "build", "top", NULL);
    if (!c->first_error && old_top && strcmp(old_top, top) == 0 && jb_build_outputs_intact(c)) {
        /* Nothing changed: report what the build that made these outputs reported. */
        g_auto(GStrv) w = g_key_file_get_string_list(c->old_man, "build", "warnings", NULL, NULL);
        g_auto(GStrv) ws = g_key_file_get_string_list(c->old_man, "build", "warning_stages", NULL,
                                                      NULL);
        guint nstages = ws ? g_strv_length(ws) : 0;
        for (guint i = 0; w && w[i]; i++)
            jb_build_add_event(c->r, JB_LOG_WARNING, i < nstages ? ws[i] : "build", w[i]);
        c->r->articles = (guint)g_key_file_get_integer(c->old_man, "build", "articles", NULL);
        c->r->statements = (guint)g_key_file_get_integer(c->old_man, "build", "statements", NULL);
        c->r->series_rows = (guint)g_key_file_get_integer(c->old_man, "build", "series_rows", NULL);
        c->r->up_to_date = TRUE;
        return;
    }
    extract_all(c, arts);
    g_autoptr(JbTable) metrics = NULL;
    g_autoptr(JbTable) series = NULL;
    if (!assemble(c, arts, &metrics, &series))
        return;
    g_autoptr(GPtrArray) units = plan_renders(c, series, metrics);
    render_all(c, units, series, metrics);

    /* Publish: nothing in OUT changed until here. */
    g_autoptr(GPtrArray) outs = g_ptr_array_new_with_free_func(jb_build_output_free);
    Output *o = g_new0(Output, 1);
    o->rel = g_strdup("metrics.csv");
    o->data = jb_table_to_csv(metrics);
    g_ptr_array_add(outs, o);
    o = g_new0(Output, 1);
    o->rel = g_strdup("series.csv");
    o->data = jb_table_to_csv(series);
    g_ptr_array_add(outs, o);
    g_autoptr(GHashTable) live = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < arts->len; i++) {
        Article *a = g_ptr_array_index(arts, i);
        g_hash_table_add(live, g_strdup_printf("%s.csv", a->key));
    }
    for (guint i = 0; i < units->len; i++) {
        Render *u = g_ptr_array_index(units, i);
        g_hash_table_add(live, g_strdup_printf("%s.warn", u->key));
        for (guint k = 0; k < (*u->name ? G_N_ELEMENTS(CHART_OUTS) : 1); k++) {
            const char *ext = *u->name ? CHART_OUTS[k].ext : "pdf";
            g_autofree char *rel = *u->name ? g_strdup_printf("charts/%s.%s", u->name, ext)
                                            : g_strdup("briefing.pdf");
            g_hash_table_add(live, g_strdup_printf("%s.%s", u->key, ext));
            if (!u->ok) {
                jb_build_keep_old_output(c, rel);
                continue;
            }
            o = g_new0(Output, 1);
            o->rel = g_steal_pointer(&rel);
            o->product = cache_path(c, u->key, ext);
            g_ptr_array_add(outs, o);
        }
    }
    g_autoptr(GHashTable) finals = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_hash_table_add(finals, g_strdup(".manifest"));
    for (guint i = 0; i < outs->len; i++)
        g_hash_table_add(finals, g_path_get_basename(((Output *)g_ptr_array_index(outs, i))->rel));
    for (guint i = 0; i < outs->len; i++) {
        gboolean published = FALSE;
        jb_build_publish_one(c, g_ptr_array_index(outs, i), &published);
        if (published)
            jb_build_maybe_die("publish");
    }

    g_key_file_set_string(c->new_man, "build", "version", JB_VERSION);
    g_key_file_set_integer(c->new_man, "build", "articles", (gint)c->r->articles);
    g_key_file_set_integer(c->new_man, "build", "statements", (gint)c->r->statements);
    g_key_file_set_integer(c->new_man, "build", "series_rows", (gint)c->r->series_rows);
    if (!c->first_error) {
        /* Only a complete build may be skipped next time. */
        g_key_file_set_string(c->new_man, "build", "top", top);
        g_autoptr(GPtrArray) w = g_ptr_array_new();
        g_autoptr(GPtrArray) ws = g_ptr_array_new();
        for (guint i = 0; i < c->r->events->len; i++) {
            JbBuildEvent *ev = g_ptr_array_index(c->r->events, i);
            if (ev->level == JB_LOG_WARNING) {
                g_ptr_array_add(w, ev->message);
                g_ptr_array_add(ws, ev->stage);
            }
        }
        if (w->len) {
            g_key_file_set_string_list(c->new_man, "build", "warnings",
                                       (const char *const *)w->pdata, w->len);
            g_key_file_set_string_list(c->new_man, "build", "warning_stages",
                                       (const char *const *)ws->pdata, ws->len);
        }
    }
    GError *e = NULL;
    if (!jb_build_write_manifest(c, &e))
        jb_build_fail_unit(c, "publish", e);
    jb_build_sweep(c, finals, c->first_error ? NULL : live);
}

gboolean jb_build_run(const char *project_path, const JbBuildOptions *opt, JbBuildResult *r,
                      GError **error)
{
    gint64 t0 = g_get_monotonic_time();
    jb_build_result_init(r);
    Ctx c = {0};
    GError *e = NULL;
    gboolean ok = ctx_load(&c, project_path, opt, r, &e);
    int lock = -1;
    if (ok) {
        lock = take_lock(c.out_dir, opt && opt->wait_for_lock, &e);
        ok = lock >= 0;
    }
    if (ok)
        ok = ctx_prepare(&c, &e);
    if (ok)
        build_locked(&c);
    else
        jb_build_fail_unit(&c, "build", e);
    if (lock >= 0)
        close(lock);
    r->duration = g_get_monotonic_time() - t0;
    ok = c.first_error == NULL;
    if (!ok)
        g_propagate_error(error, g_steal_pointer(&c.first_error));
    ctx_clear(&c);
    return ok;
}

/* ---- units ---------------------------------------------------------------------------- */

GPtrArray *jb_build_list_units(const char *project_path, GError **error)
{
    JbBuildResult r;
    jb_build_result_init(&r);
    Ctx c = {0};
    GPtrArray *list = NULL;
    if (ctx_load(&c, project_path, NULL, &r, error)) {
        g_autoptr(GPtrArray) charts = chart_units(&c, error);
        if (charts) {
            list = g_ptr_array_new_with_free_func(g_free);
            for (guint i = 0; i < c.files->len; i++)
                g_ptr_array_add(list, g_strdup_printf("extract:%u", i));
            for (guint i = 0; i < charts->len; i++)
                g_ptr_array_add(list, g_strdup_printf(
                                          "chart:%s", ((Render *)g_ptr_array_index(charts, i))->name));
            if (c.tmpl_path)
                g_ptr_array_add(list, g_strdup("report"));
        }
    }
    ctx_clear(&c);
    jb_build_result_clear(&r);
    return list;
}

static gboolean run_unit(Ctx *c, const char *unit, GError **error)
{
    if (g_str_has_prefix(unit, "extract:")) {
        char *end = NULL;
        guint64 n = g_ascii_strtoull(unit + 8, &end, 10);
        if (end == unit + 8 || *end || n >= c->files->len) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: no such unit (%u articles)", unit,
                        c->files->len);
            return FALSE;
        }
        /* Only this article: narrow the file list before reading. */
        char *keep = g_strdup(g_ptr_array_index(c->files, n));
        g_ptr_array_set_size(c->files, 0);
        g_ptr_array_add(c->files, keep);
        g_autoptr(GPtrArray) arts = read_articles(c);
        extract_all(c, arts);
        return TRUE;
    }
    gboolean is_report = strcmp(unit, "report") == 0;
    if (!is_report && !g_str_has_prefix(unit, "chart:")) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s: no such unit (extract:N, chart:NAME, report or an index)", unit);
        return FALSE;
    }
    g_autoptr(GPtrArray) arts = read_articles(c);
    extract_all(c, arts);
    g_autoptr(JbTable) metrics = NULL;
    g_autoptr(JbTable) series = NULL;
    if (!assemble(c, arts, &metrics, &series))
        return TRUE;
    g_autoptr(GPtrArray) units = plan_renders(c, series, metrics);
    for (guint i = 0; i < units->len;) {
        Render *u = g_ptr_array_index(units, i);
        if (is_report ? *u->name != 0 : strcmp(u->name, unit + 6) != 0)
            g_ptr_array_remove_index(units, i);
        else
            i++;
    }
    if (units->len == 0 && !c->first_error) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: no such unit in %s", unit,
                    c->project_path);
        return FALSE;
    }
    render_all(c, units, series, metrics);
    return TRUE;
}

gboolean jb_build_unit(const char *project_path, const char *unit, const JbBuildOptions *opt,
                       JbBuildResult *r, GError **error)
{
    gint64 t0 = g_get_monotonic_time();
    jb_build_result_init(r);
    Ctx c = {0};
    GError *e = NULL;
    g_autofree char *name = g_strdup(unit);
    gboolean ok = ctx_load(&c, project_path, opt, r, &e);
    if (ok && g_ascii_isdigit(*unit)) {
        /* An index into jb_build_list_units, for array jobs. */
        g_autoptr(GPtrArray) list = jb_build_list_units(project_path, &e);
        char *end = NULL;
        guint64 n = g_ascii_strtoull(unit, &end, 10);
        ok = list != NULL;
        if (ok && (*end || n >= list->len)) {
            g_set_error(&e, JB_ERROR, JB_ERROR_USAGE, "unit %s: there are %u units", unit,
                        list->len);
            ok = FALSE;
        } else if (ok) {
            g_free(name);
            name = g_strdup(g_ptr_array_index(list, n));
        }
    }
    if (ok)
        ok = ctx_prepare(&c, &e) && run_unit(&c, name, &e);
    if (!ok)
        jb_build_fail_unit(&c, "build", e);
    r->duration = g_get_monotonic_time() - t0;
    ok = c.first_error == NULL;
    if (!ok)
        g_propagate_error(error, g_steal_pointer(&c.first_error));
    ctx_clear(&c);
    return ok;
}
