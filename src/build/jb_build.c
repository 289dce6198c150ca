/* jb_build.c — a build from start to end: the steps run in order under OUT's lock (or none
 * when nothing changed), and single units (jb_build_list_units, jb_build_unit).
 *
 * Not for: the project read into its context (jb_build_ctx.c), what the steps do
 * (jb_build_steps.c), the cache, publishing and the manifest (jb_build_store.c), events and
 * the log (jb_build_log.c).
 */
#include "jb_build_priv.h"

#include "jb_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

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
    /* never through a symlink, never waiting on a FIFO planted there */
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
        errno = EINVAL;
    }
    if (fd < 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path,
                    e == EINVAL || e == ELOOP ? "not a regular file: remove it" : g_strerror(e));
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

/* The statements of all articles, streamed (input order) from the cache, each article read
 * once: written to the metrics.csv product `product` as they come and fed, a row at a time,
 * to the reshaper, to the namer of sources and to what the briefing cites (which is
 * settled once the series is), one article's table in memory at a time. Memory is bounded
 * by the series, not by the archive (metrics.csv was held three times over, ~8× its size,
 * at 20000 articles; the cache was read a second time for the citations until they could
 * be gathered before the series was known). A row the review rejects is left out of all
 * of it. */
typedef struct {
    Ctx *c;
    const char *metrics_path; /* OUT/metrics.csv: what messages name */
    guint rows;               /* rows kept so far: row n is line n + 2 */
} Stream;

/* Rows of `a` the review keeps, each given to `row` (with the row's line of metrics.csv). */
static void each_row(Stream *st, Article *a,
                     void (*row)(Stream *, const JbTable *, guint, gpointer), gpointer data)
{
    for (guint r = 0; r < jb_table_n_rows(a->table); r++)
        if (!jb_build_review_rejects(st->c, a->table, r))
            row(st, a->table, r, data);
}

typedef struct {
    JbReshaper *reshaper;
    JbSourceNamer *namer;
    JbCitations *cit; /* NULL without a report */
    GString *buf;
    JbAtomicFile *file;
    GChecksum *sum; /* of what is written: publishing needs no second read of 132 MB */
    GError *error;
    int cols[32];
    guint ncols;
} Pass1;

static void pass1_flush(Pass1 *p)
{
    if (!p->error) {
        g_checksum_update(p->sum, (const guchar *)p->buf->str, (gssize)p->buf->len);
        jb_atomic_write(p->file, p->buf->str, p->buf->len, &p->error);
    }
    g_string_truncate(p->buf, 0);
}

static void pass1_row(Stream *st, const JbTable *t, guint r, gpointer data)
{
    Pass1 *p = data;
    const char *cells[32];
    for (guint k = 0; k < p->ncols; k++)
        cells[k] = jb_table_get(t, r, p->cols[k]);
    jb_csv_append_row(p->buf, cells, p->ncols);
    if (p->buf->len >= (1u << 16))
        pass1_flush(p);
    jb_reshaper_add_as(p->reshaper, t, r, st->metrics_path, st->rows + 2);
    jb_source_namer_add(p->namer, t, r);
    if (p->cit)
        jb_citations_add(p->cit, t, r);
    st->rows++;
}

/* Article `a`'s rows are in (or it failed): what the rest of the build needs of it is made
 * now (its statements digest, into its record and the index's records, sealed up to its
 * own) and what it holds goes. */
static void article_done(Ctx *c, Article *a)
{
    if (c->index.on) { /* a build, not a unit */
        /* (lost, it costs the next build a read of the article) */
        jb_build_statements_digest(c, a); /* one extracted again as it was assembled */
        jb_build_arts_save(c->arts, a);
        jb_build_index_seal_upto(c, a->num);
    }
    jb_build_article_clear(a);
}

/* The statements of every article (Ctx.arts, one at a time) into metrics.csv, the series
 * and what the briefing cites; *live the cache's names in use. */
static gboolean assemble(Ctx *c, const char *top, char **metrics_product, JbSeries **series_out,
                         JbCitations **citations_out, JbStrSort **live)
{
    g_autofree char *metrics_path = g_build_filename(c->out_dir, "metrics.csv", NULL);
    g_autofree char *product = jb_build_cache_path(c, top, "metrics.csv");
    Stream st = {.c = c, .metrics_path = metrics_path};
    g_clear_pointer(&c->sources, jb_build_sources_free); /* (before the strings it names) */
    if (!c->source_strings)
        c->source_strings = g_string_chunk_new(1 << 16);
    g_autoptr(JbTable) header = jb_table_new(JB_METRICS_HEADER);
    g_autoptr(JbTable) conflicts = jb_table_new(JB_CONFLICTS_HEADER);
    /* the series' sources: in a file of no name in OUT (13 MB at 100000 articles; JbSpill) */
    g_autoptr(JbSpill) spill = jb_spill_new(c->out_dir);
    JbReshapeOptions ro = {.year_periods = c->year_periods, .conflicts = conflicts, .spill = spill};
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    Pass1 p = {.reshaper = jb_reshaper_new(c->dict, &ro, warnings),
               .namer = jb_source_namer_new_in(c->source_strings),
               .cit = c->tmpl_path ? jb_citations_new() : NULL,
               .sum = g_checksum_new(G_CHECKSUM_SHA256),
               .buf = jb_table_to_csv(header),
               .ncols = MIN(jb_table_n_cols(header), 32)};
    c->sources = jb_build_sources_new(c->inputs);
    jb_source_namer_on_named(p.namer, jb_build_sources_named, c->sources);
    if (jb_build_cache_claim(c, product, &p.error))
        p.file = jb_atomic_open(product, JB_ATOMIC_NO_SYNC, &p.error);
    *live = c->index.on ? jb_strsort_new(0) : NULL; /* (the articles' are added last) */
    for (guint i = 0; i < jb_build_arts_count(c->arts); i++) {
        Article one, *a = &one;
        if (!jb_build_arts_load(c, c->arts, i, a))
            continue;
        if (a->failed)
            jb_build_arts_failure(c->arts, a); /* (reported now, in order) */
        if (!jb_build_article_rows(c, a)) {
            article_done(c, a);
            continue;
        }
        /* what the reshaper's messages name: metrics.csv, not the cache file (whose name
         * changes with the binary) */
        jb_table_set_source(a->table, metrics_path);
        for (guint k = 0; k < p.ncols; k++)
            p.cols[k] = jb_table_column(a->table, jb_table_header(header, k));
        jb_source_namer_article(p.namer, a->name); /* (its rows' source, kept: no copies) */
        jb_reshaper_article(p.reshaper, a->name);
        if (p.cit)
            jb_citations_article(p.cit, a->name);
        each_row(&st, a, pass1_row, &p);
        c->r->articles++;
        article_done(c, a);
    }
    jb_build_index_seal(c); /* (the records of the articles after the last, none) */
    if (p.file)
        pass1_flush(&p);
    if (p.file && !p.error)
        jb_atomic_commit(g_steal_pointer(&p.file), &p.error);
    jb_atomic_abort(p.file);
    g_string_free(p.buf, TRUE);
    g_free(c->metrics_sha);
    c->metrics_sha = p.error ? NULL : g_strdup(g_checksum_get_string(p.sum));
    g_checksum_free(p.sum);
    if (!jb_build_sources_finish(c->sources, jb_source_namer_finish(p.namer)) && !p.error)
        g_set_error(&p.error, JB_ERROR, JB_ERROR_OUTPUT,
                    "%s: the names of the sources could not be kept in a temporary file",
                    c->out_dir);
    c->r->statements = st.rows;
    GError *e = NULL;
    g_autoptr(JbTable) series = jb_reshaper_finish(p.reshaper, &e);
    jb_reshaper_free(p.reshaper);
    if (p.error) {
        g_clear_pointer(&series, jb_table_free);
        g_clear_error(&e);
        e = p.error;
    }
    for (guint i = 0; i < warnings->len; i++)
        if (!jb_build_review_is_accepted(c, g_ptr_array_index(warnings, i)))
            jb_build_add_event(c->r, JB_LOG_WARNING, "reshape", g_ptr_array_index(warnings, i));
    if (!series) {
        jb_citations_free(p.cit);
        jb_build_fail_unit(c, "reshape", e);
        return FALSE;
    }
    jb_build_review_pin(c, series);
    g_autofree char *series_path = g_build_filename(c->out_dir, "series.csv", NULL);
    jb_table_set_source(series, series_path);
    g_autoptr(JbSeries) s = jb_series_new_take(g_steal_pointer(&series)); /* final: rows typed */
    jb_series_take_spill(s, g_steal_pointer(&spill));
    jb_build_review_conflicts(c, conflicts, s);
    jb_build_review_unused(c);
    c->r->series_rows = jb_series_n_rows(s);
    jb_build_changes(c, s);
    if (p.cit) { /* what the briefing cites, from the final series (after the review's pins) */
        jb_citations_finish(p.cit, s);
        *citations_out = p.cit;
    }
    *metrics_product = g_steal_pointer(&product);
    *series_out = g_steal_pointer(&s);
    return TRUE;
}

/* Keys of the render units; a unit whose key cannot be made (bad spec) fails here. */
static GPtrArray *plan_renders(Ctx *c, const JbSeries *series, const JbCitations *cit)
{
    GError *e = NULL;
    GPtrArray *units = jb_build_chart_units(c, &e);
    if (!units) {
        jb_build_fail_unit(c, "chart", e);
        return g_ptr_array_new_with_free_func(jb_build_render_free);
    }
    for (guint i = 0; i < units->len; i++) {
        Render *u = g_ptr_array_index(units, i);
        jb_build_chart_key(c, u, series);
        u->ok = jb_build_products_exist(c, u);
    }
    if (c->tmpl_path) {
        Render *u = g_new0(Render, 1);
        u->name = g_strdup("");
        jb_build_report_key(c, u, series, cit);
        u->ok = jb_build_products_exist(c, u);
        g_ptr_array_add(units, u);
    }
    return units;
}

/* Report what the build that made these outputs reported: its warnings and counts. */
static void replay_previous(Ctx *c)
{
    g_auto(GStrv) w = g_key_file_get_string_list(c->old_man, "build", "warnings", NULL, NULL);
    g_auto(GStrv)
        ws = g_key_file_get_string_list(c->old_man, "build", "warning_stages", NULL, NULL);
    guint nstages = ws ? g_strv_length(ws) : 0;
    for (guint i = 0; w && w[i]; i++)
        jb_build_add_event(c->r, JB_LOG_WARNING, i < nstages ? ws[i] : "build", w[i]);
    c->r->articles = (guint)g_key_file_get_integer(c->old_man, "build", "articles", NULL);
    c->r->statements = (guint)g_key_file_get_integer(c->old_man, "build", "statements", NULL);
    c->r->series_rows = (guint)g_key_file_get_integer(c->old_man, "build", "series_rows", NULL);
}

/* Nothing changed. */
static void up_to_date(Ctx *c)
{
    replay_previous(c);
    c->r->up_to_date = TRUE;
}

/* The statements digest: every article's name and the digest of its statements file. */
static char *statements_digest(Ctx *c)
{
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    for (guint i = 0; i < jb_build_arts_count(c->arts); i++) {
        Article a;
        if (!jb_build_arts_load(c, c->arts, i, &a))
            continue;
        char stmt[65] = "";
        if (a.has_stmt)
            jb_build_digest_hex(a.stmt, stmt);
        jb_build_feed(h, a.name);
        jb_build_feed(h, stmt);
    }
    return g_strdup(g_checksum_get_string(h));
}

/* Articles changed, but none of their statements or warnings did (an edit of the words
 * around the figures, a line added that states none): what the previous build assembled,
 * rendered and published is what this one would, so nothing is assembled. The assembly key
 * is the top key made of the articles' statements instead of their bytes; an article's
 * statements are known by the digest of its cache file, which the index records (an
 * unchanged article is opened by neither), so the work is that of the articles that
 * changed. The previous build's warnings and counts are reported, its outputs kept. */
static gboolean assembly_unchanged(Ctx *c, guint n_arts, const char *assembly, const char *top,
                                   const char *digest)
{
    g_autofree char *old = g_key_file_get_string(c->old_man, "build", "assembly", NULL);
    g_autofree char *old_top = g_key_file_get_string(c->old_man, "build", "top", NULL);
    if (!old || !old_top || strcmp(old, assembly) != 0 || !jb_build_outputs_intact(c))
        return FALSE;
    guint again = 0;
    for (guint i = 0; i < jb_build_arts_count(c->arts); i++) {
        Article a;
        if (!jb_build_arts_load(c, c->arts, i, &a) || !a.ran)
            continue;
        again++;
        c->r->ran++;
        jb_build_add_eventf(c->r, JB_LOG_INFO, "extract",
                            "%s: extracted again: the same statements", a.name);
    }
    replay_previous(c);
    jb_build_add_eventf(c->r, JB_LOG_INFO, "build",
                        "the statements of all %u articles are the last build's (%u extracted "
                        "again): nothing assembled, the outputs are as they were",
                        n_arts, again);
    g_auto(GStrv) groups = g_key_file_get_groups(c->old_man, NULL);
    for (char **g = groups; *g; g++)
        if (g_str_has_prefix(*g, "output "))
            jb_build_keep_old_output(c, *g + strlen("output "));
    g_key_file_set_string(c->new_man, "build", "version", JB_VERSION);
    g_key_file_set_integer(c->new_man, "build", "articles", (gint)c->r->articles);
    g_key_file_set_integer(c->new_man, "build", "statements", (gint)c->r->statements);
    g_key_file_set_integer(c->new_man, "build", "series_rows", (gint)c->r->series_rows);
    g_key_file_set_string(c->new_man, "build", "top", top);
    g_key_file_set_string(c->new_man, "build", "assembly", assembly);
    jb_build_record_warnings(c);
    GError *e = NULL;
    if (!jb_build_write_manifest(c, &e))
        jb_build_fail_unit(c, "publish", e);
    jb_build_index_save(c, FALSE, digest, n_arts, NULL);
    /* temporary files only: the products of the charts and the briefing are not known here
     * (the next build that assembles sweeps those no longer used) */
    jb_build_sweep(c, NULL);
    return TRUE;
}

/* A no-op build at archive scale: every article has its recorded stat signature, so the
 * inputs digest is the index's and nothing is read, hashed or kept per article. */
static gboolean unchanged_by_index(Ctx *c, const char *old_top)
{
    char digest[65];
    if (!old_top || !jb_build_index_unchanged(c, digest))
        return FALSE;
    g_autofree char *top = jb_build_top_key(c, digest);
    if (strcmp(old_top, top) != 0 || !jb_build_outputs_intact(c))
        return FALSE;
    jb_build_add_eventf(c->r, JB_LOG_DEBUG, "build",
                        "%u articles known unchanged by the index (size, times, inode), 0 read",
                        jb_build_inputs_count(c->inputs));
    up_to_date(c);
    /* outputs hashed now that they are old enough are recorded, so the next one does not */
    if (c->index.grew) {
        jb_build_index_save(c, TRUE, digest, jb_build_inputs_count(c->inputs), NULL);
        jb_build_sweep_temps(c); /* (the index's temporary file was recorded: the ledger goes) */
    }
    return TRUE;
}

static void build_locked(Ctx *c)
{
    g_autofree char *old_top = g_key_file_get_string(c->old_man, "build", "top", NULL);
    jb_build_index_load(c, old_top != NULL);
    if (unchanged_by_index(c, old_top))
        return;
    guint n_arts = jb_build_read_articles(c);
    jb_build_index_forget_old(c); /* every article is looked up: this build's records follow */
    const char *digest = c->inputs_digest;
    g_autofree char *top = jb_build_top_key(c, digest);
    if (!c->first_error && old_top && strcmp(old_top, top) == 0 && jb_build_outputs_intact(c)) {
        up_to_date(c);
        /* Articles too young to vouch for when the outputs were made are now old enough:
         * record them, or every no-op build would read them again, for ever. */
        if (c->index.grew) {
            jb_build_index_save(c, FALSE, digest, n_arts, NULL);
            jb_build_sweep_temps(c); /* (as above) */
        }
        return;
    }
    c->stream = TRUE;
    jb_build_extract_all(c);
    g_autofree char *assembly = NULL;
    if (!jb_build_arts_intact(c))
        return;
    if (jb_build_statements_digests(c) && !c->first_error) {
        g_autofree char *sd = statements_digest(c);
        assembly = jb_build_top_key(c, sd);
        if (jb_build_arts_intact(c) && assembly_unchanged(c, n_arts, assembly, top, digest))
            return;
    }
    g_autofree char *metrics_product = NULL;
    g_autoptr(JbSeries) series = NULL;
    g_autoptr(JbCitations) cit = NULL;
    g_autoptr(JbStrSort) live = NULL;
    if (!assemble(c, top, &metrics_product, &series, &cit, &live) || !jb_build_arts_intact(c))
        return;
    g_autoptr(GPtrArray) units = plan_renders(c, series, cit);
    jb_build_render_all(c, units, series, cit);

    /* Publish: nothing in OUT changed until here. */
    g_autoptr(GPtrArray) outs = g_ptr_array_new_with_free_func(jb_build_output_free);
    Output *o = g_new0(Output, 1);
    o->rel = g_strdup("metrics.csv");
    o->product = g_strdup(metrics_product);
    o->sha256 = g_strdup(c->metrics_sha);
    g_ptr_array_add(outs, o);
    if (c->previous_series) { /* what the briefing's 新增与变化 compared with: copied from
                               * OUT/series.csv before that is replaced */
        o = g_new0(Output, 1);
        o->rel = g_strdup(".previous-series.csv");
        o->product = g_steal_pointer(&c->previous_series);
        g_ptr_array_add(outs, o);
    }
    o = g_new0(Output, 1);
    o->rel = g_strdup("series.csv");
    o->series = series; /* written from the table: never held as text too */
    g_ptr_array_add(outs, o);
    /* the citations are done with (rendered); the series is published, then freed */
    g_clear_pointer(&cit, jb_citations_free);
    o = g_new0(Output, 1);
    o->rel = g_strdup("warnings.csv"); /* the warnings so far: render ones are in */
    o->data = jb_build_warnings_csv(c);
    g_ptr_array_add(outs, o);
    g_autofree char *metrics_name = g_path_get_basename(metrics_product);
    jb_strsort_add(live, metrics_name, -1);
    for (guint i = 0; i < units->len; i++) {
        Render *u = g_ptr_array_index(units, i);
        jb_build_names_add_key(live, u->key, "warn");
        for (guint k = 0; k < (*u->name ? G_N_ELEMENTS(JB_BUILD_CHART_OUTS) : 1); k++) {
            const char *ext = *u->name ? JB_BUILD_CHART_OUTS[k].ext : "pdf";
            g_autofree char *rel = *u->name ? g_strdup_printf("charts/%s.%s", u->name, ext)
                                            : g_strdup("briefing.pdf");
            jb_build_names_add_key(live, u->key, ext);
            if (!u->ok) {
                jb_build_keep_old_output(c, rel);
                continue;
            }
            o = g_new0(Output, 1);
            o->rel = g_steal_pointer(&rel);
            o->product = jb_build_cache_path(c, u->key, ext);
            g_ptr_array_add(outs, o);
        }
    }
    for (guint i = 0; i < outs->len; i++) {
        gboolean published = FALSE;
        jb_build_publish_one(c, g_ptr_array_index(outs, i), &published);
        if (published)
            jb_build_maybe_die("publish");
    }
    g_clear_pointer(&series, jb_series_free); /* published (outs' series.csv borrowed it) */

    g_key_file_set_string(c->new_man, "build", "version", JB_VERSION);
    g_key_file_set_integer(c->new_man, "build", "articles", (gint)c->r->articles);
    g_key_file_set_integer(c->new_man, "build", "statements", (gint)c->r->statements);
    g_key_file_set_integer(c->new_man, "build", "series_rows", (gint)c->r->series_rows);
    if (!c->first_error) {
        /* Only a complete build may be skipped next time. */
        g_key_file_set_string(c->new_man, "build", "top", top);
        if (assembly)
            g_key_file_set_string(c->new_man, "build", "assembly", assembly);
    }
    /* Recorded even when a unit failed, so its warnings are not new again next time. */
    jb_build_record_warnings(c);
    for (guint i = 0; i < c->live_memos->len; i++)
        jb_strsort_add(live, g_ptr_array_index(c->live_memos, i), -1);
    GError *e = NULL;
    if (!jb_build_write_manifest(c, &e))
        jb_build_fail_unit(c, "publish", e);
    jb_build_index_save(c, FALSE, digest, n_arts, NULL);
    g_clear_pointer(&c->sources, jb_build_sources_free); /* (done with) */
    JbStrSort *sweep_live = c->first_error && !c->out_of_space ? NULL : live;
    if (sweep_live)
        jb_build_arts_live(c, sweep_live);
    jb_build_sweep(c, sweep_live);
}

/* The end of a build or a unit: its duration, its first error the caller's, `c` cleared. */
static gboolean finish(Ctx *c, gint64 t0, GError **error)
{
    c->r->duration = g_get_monotonic_time() - t0;
    gboolean ok = c->first_error == NULL;
    if (!ok)
        g_propagate_error(error, g_steal_pointer(&c->first_error));
    jb_build_ctx_clear(c);
    return ok;
}

gboolean jb_build_run(const char *project_path, const JbBuildOptions *opt, JbBuildResult *r,
                      GError **error)
{
    gint64 t0 = g_get_monotonic_time();
    jb_build_result_init(r);
    r->keep_debug = opt && opt->debug_events;
    r->drop_info = opt && opt->drop_info;
    Ctx c = {0};
    GError *e = NULL;
    gboolean ok = jb_build_ctx_load(&c, project_path, opt, r, &e);
    int lock = -1;
    if (ok) {
        lock = take_lock(c.out_dir, opt && opt->wait_for_lock, &e);
        ok = c.locked = lock >= 0;
    }
    if (ok)
        ok = jb_build_ctx_prepare(&c, &e);
    if (ok)
        build_locked(&c);
    else
        jb_build_fail_unit(&c, "build", e);
    if (c.old_man)
        jb_build_judge_warnings(&c);
    if (lock >= 0)
        close(lock);
    return finish(&c, t0, error);
}

/* ---- units ---------------------------------------------------------------------------- */

/* Extraction units over `n` articles: one per article, per `batch` articles (extract:A-B,
 * inclusive), or `shards` of nearly equal size (extract:I/N). */
static void list_extract_units(GPtrArray *list, guint n, const JbBuildOptions *opt)
{
    guint shards = opt ? opt->shards : 0, batch = opt && opt->batch ? opt->batch : 1;
    if (shards) {
        for (guint i = 0; i < shards; i++)
            g_ptr_array_add(list, g_strdup_printf("extract:%u/%u", i, shards));
    } else if (batch == 1) {
        for (guint i = 0; i < n; i++)
            g_ptr_array_add(list, g_strdup_printf("extract:%u", i));
    } else {
        for (guint i = 0; i < n; i += batch)
            g_ptr_array_add(list, g_strdup_printf("extract:%u-%u", i, MIN(i + batch, n) - 1));
    }
}

GPtrArray *jb_build_list_units(const char *project_path, const JbBuildOptions *opt, GError **error)
{
    JbBuildResult r;
    jb_build_result_init(&r);
    Ctx c = {0};
    GPtrArray *list = NULL;
    if (jb_build_ctx_load(&c, project_path, NULL, &r, error)) {
        g_autoptr(GPtrArray) charts = jb_build_chart_units(&c, error);
        if (charts) {
            list = g_ptr_array_new_with_free_func(g_free);
            list_extract_units(list, jb_build_inputs_count(c.inputs), opt);
            for (guint i = 0; i < charts->len; i++)
                g_ptr_array_add(
                    list,
                    g_strdup_printf("chart:%s", ((Render *)g_ptr_array_index(charts, i))->name));
            if (c.tmpl_path)
                g_ptr_array_add(list, g_strdup("report"));
        }
    }
    jb_build_ctx_clear(&c);
    jb_build_result_clear(&r);
    return list;
}

static gboolean parse_uint(const char *s, const char **end, guint *out)
{
    char *e = NULL;
    if (!g_ascii_isdigit(*s))
        return FALSE;
    guint64 v = g_ascii_strtoull(s, &e, 10);
    *end = e;
    *out = (guint)MIN(v, G_MAXUINT);
    return v <= G_MAXUINT;
}

/* The articles [*from, *to) of "N", "A-B" (inclusive) or "I/N" (the I-th of N nearly equal
 * shards: proportional bounds, so the shards of any N cover every article once). */
static gboolean extract_range(const char *spec, guint n, guint *from, guint *to, GError **error)
{
    const char *e = NULL;
    guint a = 0, b = 0;
    gboolean ok = parse_uint(spec, &e, &a);
    if (ok && *e == '/') {
        ok = parse_uint(e + 1, &e, &b) && !*e && b > 0 && a < b;
        *from = (guint)((guint64)a * n / MAX(b, 1));
        *to = (guint)((guint64)(a + 1) * n / MAX(b, 1));
    } else if (ok && *e == '-') {
        ok = parse_uint(e + 1, &e, &b) && !*e && a <= b && b < n;
        *from = a;
        *to = b + 1;
    } else {
        ok = ok && !*e && a < n;
        *from = a;
        *to = a + 1;
    }
    if (!ok)
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "extract:%s: no such unit (%u articles: extract:N, extract:A-B or "
                    "extract:I/N with I < N)",
                    spec, n);
    return ok;
}

static gboolean run_unit(Ctx *c, const char *unit, GError **error)
{
    if (g_str_has_prefix(unit, "extract:")) {
        guint from = 0, to = 0;
        if (!extract_range(unit + 8, jb_build_inputs_count(c->inputs), &from, &to, error))
            return FALSE;
        /* Only these articles: narrow the file list before reading. */
        jb_build_inputs_narrow(c->inputs, from, to);
        jb_build_read_articles(c);
        jb_build_extract_all(c);
        return TRUE;
    }
    gboolean is_report = strcmp(unit, "report") == 0;
    if (!is_report && !g_str_has_prefix(unit, "chart:")) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s: no such unit (extract:N, extract:A-B, extract:I/N, chart:NAME, report "
                    "or an index)",
                    unit);
        return FALSE;
    }
    jb_build_read_articles(c);
    c->stream = TRUE;
    jb_build_extract_all(c);
    g_autofree char *top = jb_build_top_key(c, c->inputs_digest);
    g_autofree char *metrics_product = NULL;
    g_autoptr(JbSeries) series = NULL;
    g_autoptr(JbCitations) cit = NULL;
    g_autoptr(JbStrSort) live = NULL; /* (none: the index is off in a unit) */
    if (!assemble(c, top, &metrics_product, &series, &cit, &live) || !jb_build_arts_intact(c))
        return TRUE;
    g_autoptr(GPtrArray) units = plan_renders(c, series, cit);
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
    jb_build_render_all(c, units, series, cit);
    return TRUE;
}

gboolean jb_build_unit(const char *project_path, const char *unit, const JbBuildOptions *opt,
                       JbBuildResult *r, GError **error)
{
    gint64 t0 = g_get_monotonic_time();
    jb_build_result_init(r);
    r->keep_debug = opt && opt->debug_events;
    r->drop_info = opt && opt->drop_info;
    Ctx c = {0};
    GError *e = NULL;
    g_autofree char *name = g_strdup(unit);
    gboolean ok = jb_build_ctx_load(&c, project_path, opt, r, &e);
    if (ok && g_ascii_isdigit(*unit)) {
        /* An index into jb_build_list_units, for array jobs. */
        g_autoptr(GPtrArray) list = jb_build_list_units(project_path, opt, &e);
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
        ok = jb_build_ctx_prepare(&c, &e) && run_unit(&c, name, &e);
    if (!ok)
        jb_build_fail_unit(&c, "build", e);
    return finish(&c, t0, error);
}
