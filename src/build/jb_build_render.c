/* jb_build_render.c — the steps of a build after extraction: the charts and the report,
 * rendered in parallel, with the cache keys that say when they are stale. Moved out of
 * jb_build_steps.c (719 lines) unchanged.
 *
 * Not for: extraction and the pool (jb_build_steps.c), publishing (jb_build_store.c).
 */
#include "jb_build_priv.h"

#include <string.h>
#include <unistd.h>

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
        g_autofree char *sources = jb_series_row_sources(series, row); /* (may be spilled) */
        g_auto(GStrv) parts = g_strsplit(sources, ";", -1);
        for (char **p = parts; *p; p++) {
            g_autofree char *name = jb_source_names_get(jb_build_sources_names(c->sources),
                                                        g_strstrip(*p));
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
    jb_chart_set_source_names(ch, jb_build_sources_names(c->sources));
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
 * A ThreadSanitizer run of the suite found one race of ours (see jb_build_run_all); the rest of its
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
static void render_one(const Ctx *shared, gpointer item)
{
    (void)shared; /* (the job's own) */
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
                             .source_names = jb_build_sources_names(c->sources),
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
    guint threads = MIN(jb_build_n_jobs(c->opt), n_todo);
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
    jb_build_run_all(c, "render", todo, threads, render_one);
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
