/* jb_build_ctx.c — a build's context: the project file read and checked, the files it names
 * found (beside it or among jianbao's data), the articles its globs match, and then the
 * previous manifest, the dictionary, the publishers and the hashes every decision needs;
 * the cache paths and the warnings kept beside cached products.
 *
 * Not for: running the build or its units (jb_build.c).
 */
#include "jb_build_priv.h"
#include "jb_keyfile.h"

#include <errno.h>
#include <glob.h>
#include <string.h>
#include <unistd.h>

/* Bump when the meaning of a cached product changes without the engine hash changing. */
#define CACHE_FORMAT "jianbao-cache-1"

void jb_build_ctx_clear(Ctx *c)
{
    g_clear_pointer(&c->kf, g_key_file_unref);
    g_clear_pointer(&c->old_man, g_key_file_unref);
    g_clear_pointer(&c->new_man, g_key_file_unref);
    g_clear_pointer(&c->sources, jb_build_sources_free); /* (before the inputs it looks in) */
    g_clear_pointer(&c->source_strings, g_string_chunk_free);
    g_clear_pointer(&c->inputs, jb_build_inputs_free);
    g_clear_pointer(&c->arts, jb_build_arts_free);
    g_clear_pointer(&c->inputs_digest, g_free);
    g_clear_pointer(&c->dict, jb_dict_free);
    g_clear_pointer(&c->publishers, jb_publishers_free);
    g_clear_pointer(&c->review, jb_table_free);
    g_clear_pointer(&c->review_used, g_free);
    g_clear_pointer(&c->review_out, jb_table_free);
    g_clear_pointer(&c->changes, jb_table_free);
    g_free(c->previous_series);
    g_free(c->review_hash);
    jb_build_index_clear(c);
    g_clear_pointer(&c->live_memos, g_ptr_array_unref);
    g_clear_pointer(&c->own, jb_build_own_free);
    g_free(c->tmpl_name);
    g_clear_error(&c->first_error);
    g_free(c->base);
    g_free(c->out_dir);
    g_free(c->cache_dir);
    g_free(c->dict_path);
    g_free(c->pub_path);
    g_free(c->tmpl_path);
    g_free(c->engine);
    g_free(c->fonts);
    g_free(c->project_hash);
    g_free(c->dict_hash);
    g_free(c->tmpl_hash);
    g_free(c->date);
    g_free(c->project_text);
    g_free(c->tmpl_text);
    g_free(c->metrics_sha);
}

void jb_build_fail_unit(Ctx *c, const char *stage, GError *e)
{
    jb_build_add_event(c->r, JB_LOG_ERROR, stage, e->message);
    /* errors carry no errno: the message ends with strerror's words, made in this process */
    if (g_str_has_suffix(e->message, g_strerror(ENOSPC)) ||
        g_str_has_suffix(e->message, g_strerror(EDQUOT)))
        c->out_of_space = TRUE;
    if (e->domain == JB_ERROR && (e->code == JB_ERROR_INPUT || e->code == JB_ERROR_LIMIT))
        c->r->input_errors = TRUE;
    if (!c->first_error)
        c->first_error = e;
    else
        g_error_free(e);
}

char *jb_build_resolve(const char *base_dir, const char *path)
{
    if (g_path_is_absolute(path) || strcmp(base_dir, ".") == 0)
        return g_strdup(path);
    return g_build_filename(base_dir, path, NULL);
}

/* A file the project names that jianbao may ship (templates/metrics.ini,
 * templates/briefing.md): beside the project when it is there, else among jianbao's data
 * (JIANBAO_DATA, the installed tree, the checkout), so a project copied anywhere still
 * works; else the path beside the project, for the error to name. */
static char *resolve_shipped(const char *base_dir, const char *path)
{
    char *beside = jb_build_resolve(base_dir, path);
    if (g_path_is_absolute(path) || g_file_test(beside, G_FILE_TEST_EXISTS))
        return beside;
    char *shipped = jb_data_path(path);
    if (!shipped)
        return beside;
    g_free(beside);
    return shipped;
}

static char *project_string(GKeyFile *kf, const char *key, const char *fallback)
{
    char *v = g_key_file_get_string(kf, "project", key, NULL);
    return v ? g_strstrip(v) : g_strdup(fallback);
}

int jb_build_by_bytes(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *jb_build_input_path(const Ctx *c, const char *name)
{
    return jb_build_resolve(c->base, name);
}

/* What every rendered product depends on besides its data: jianbao's version and binary
 * (the theme and layout are compiled in), and the fonts it draws with. */
static void hash_engine(Ctx *c)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *exe_hash = exe ? jb_build_hash_big_file(c, exe) : g_strdup("");
    c->engine = jb_build_key_of(CACHE_FORMAT, JB_VERSION, exe_hash, NULL);
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    static const char *const font_files[] = {"fonts/fonts.conf", "fonts/jianbao-sans-regular.otf",
                                             "fonts/jianbao-sans-bold.otf"};
    for (guint i = 0; i < G_N_ELEMENTS(font_files); i++) {
        g_autofree char *p = jb_data_path(font_files[i]);
        g_autofree char *fh = p ? jb_build_hash_big_file(c, p) : g_strdup("missing");
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

/* A file the project names must be there: else an error at the key's line. */
static gboolean file_named(const Ctx *c, const char *key, const char *rel, const char *path,
                           GError **error)
{
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    guint line = jb_build_project_line(c->project_text, "project", key);
    g_autofree char *where = line ? g_strdup_printf("%s:%u", c->project_path, line)
                                  : g_strdup(c->project_path);
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                "%s: %s=%s: no such file (looked beside the project%s)", where, key, rel,
                g_path_is_absolute(rel) ? "" : " and in jianbao's data");
    return FALSE;
}

gboolean jb_build_ctx_load(Ctx *c, const char *project_path, const JbBuildOptions *opt,
                           JbBuildResult *r, GError **error)
{
    c->project_path = project_path;
    c->started = g_get_real_time();
    const char *hold = g_getenv("JIANBAO_TEST_HOLD_MAX"); /* test hook: bytes */
    c->hold_max = hold && *hold ? (gsize)g_ascii_strtoull(hold, NULL, 10) : JB_BUILD_HOLD_MAX;
    c->live_memos = g_ptr_array_new_with_free_func(g_free);
    c->own = jb_build_own_new();
    c->opt = opt;
    c->r = r;
    c->kf = g_key_file_new();
    c->old_man = g_key_file_new();
    c->new_man = g_key_file_new();
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *local = NULL;
    if (!g_file_get_contents(project_path, &text, &len, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    if (!jb_keyfile_load_hinted(c->kf, project_path, text, len, G_KEY_FILE_NONE,
                                jb_build_project_hints(), error))
        return FALSE;
    if (!jb_build_check_project(project_path, text, c->kf, error))
        return FALSE;
    c->project_hash = jb_build_sha256_hex(text, len);
    c->project_text = g_strdup(text);
    c->base = g_path_get_dirname(project_path);
    g_autofree char *out_rel = project_string(c->kf, "output", "out");
    g_autofree char *dict_rel = project_string(c->kf, "dictionary", "templates/metrics.ini");
    g_autofree char *tmpl_rel = project_string(c->kf, "template", "");
    g_autofree char *pub_rel = project_string(c->kf, "publishers", "templates/publishers.tsv");
    g_autofree char *period = project_string(c->kf, "period", "year");
    c->out_dir = jb_build_resolve(c->base, out_rel);
    c->cache_dir = g_build_filename(c->out_dir, ".cache", NULL);
    c->dict_path = resolve_shipped(c->base, dict_rel);
    c->tmpl_path = *tmpl_rel ? resolve_shipped(c->base, tmpl_rel) : NULL;
    c->pub_path = resolve_shipped(c->base, pub_rel);
    c->tmpl_name = g_strdup(tmpl_rel);
    c->year_periods = strcmp(period, "year") == 0;
    g_autofree char *fail_on = project_string(c->kf, "fail_on", "errors");
    jb_build_parse_fail_on(fail_on, &c->fail_on); /* checked with the project */
    if (!file_named(c, "dictionary", dict_rel, c->dict_path, error) ||
        !jb_build_check_dictionary(c->dict_path, error) ||
        !file_named(c, "publishers", pub_rel, c->pub_path, error) ||
        (c->tmpl_path && !file_named(c, "template", tmpl_rel, c->tmpl_path, error)))
        return FALSE;
    g_auto(GStrv) globs = g_key_file_get_string_list(c->kf, "project", "inputs", NULL, NULL);
    if (!globs) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: [project] needs inputs=GLOB;...",
                    project_path);
        return FALSE;
    }
    c->inputs = jb_build_inputs_new(c->base, globs);
    c->review_out = jb_table_new(JB_REVIEW_HEADER);
    return jb_build_review_load(c, error);
}

gboolean jb_build_ctx_prepare(Ctx *c, GError **error)
{
    g_autofree char *man = g_build_filename(c->out_dir, ".manifest", NULL);
    g_autofree char *man_text = NULL;
    gsize man_len = 0;
    /* OUT's directories, opened once for every write; then the temporary files of a killed
     * run go first, on every build (a no-op one too) */
    if (!jb_build_own_open(c, error))
        return FALSE;
    jb_build_sweep_temps(c);
    /* A missing or damaged manifest only costs a full rebuild (from the cache). */
    if (!jb_build_read_regular(man, FALSE, &man_text, &man_len) ||
        !g_key_file_load_from_data(c->old_man, man_text, man_len, G_KEY_FILE_NONE, NULL)) {
        g_key_file_unref(c->old_man);
        c->old_man = g_key_file_new();
    }
    if (jb_build_inputs_lost(c->inputs)) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT,
                    "%s: the list of the articles could not be sorted in a temporary file "
                    "(in /tmp)",
                    c->project_path);
        return FALSE;
    }
    if (jb_build_inputs_count(c->inputs) == 0) {
        g_autofree char *v = g_key_file_get_string(c->kf, "project", "inputs", NULL);
        g_auto(GStrv) globs = g_key_file_get_string_list(c->kf, "project", "inputs", NULL, NULL);
        g_autofree char *hint = jb_build_inputs_hint(c->base, globs);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: no article matches inputs=%s%s",
                    c->project_path, jb_build_project_line(c->project_text, "project", "inputs"),
                    v ? g_strstrip(v) : "", hint);
        return FALSE;
    }
    hash_engine(c);
    gsize len = 0;
    g_autofree char *dict_text = jb_dict_read_extended(c->dict_path, &len, error);
    if (!dict_text)
        return FALSE;
    c->dict = jb_dict_parse(c->dict_path, dict_text, len, error);
    if (!c->dict && error)
        jb_build_dict_error_line(c->dict_path, dict_text, len, *error);
    if (!c->dict ||
        !jb_build_check_chart_metrics(c->project_path, c->project_text, c->kf, c->dict, error) ||
        !jb_build_review_check(c, error))
        return FALSE;
    gsize plen = 0;
    g_autofree char *pub_text = NULL;
    if (!jb_read_file(c->pub_path, &pub_text, &plen, error))
        return FALSE;
    c->publishers = jb_publishers_parse(c->pub_path, pub_text, plen, error);
    if (!c->publishers)
        return FALSE;
    /* the publishers fill a column of extract's rows: a new map re-extracts like a new
     * dictionary does */
    g_autoptr(GString) both = g_string_new_len(dict_text, (gssize)len);
    g_string_append_len(both, "\n[publishers.tsv]\n", -1);
    g_string_append_len(both, pub_text, (gssize)plen);
    c->dict_hash = jb_build_sha256_hex(both->str, both->len);
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

char *jb_build_cache_path(const Ctx *c, const char *key, const char *ext)
{
    g_autofree char *name = g_strdup_printf("%s.%s", key, ext);
    return g_build_filename(c->cache_dir, name, NULL);
}

void jb_build_article_key(const Ctx *c, const Article *a, char key[65])
{
    char hash[65];
    jb_build_digest_hex(a->hash, hash);
    g_autofree char *k = jb_build_key_of("extract", c->engine, c->dict_hash, a->name, hash, NULL);
    g_strlcpy(key, k, 65);
}

char *jb_build_article_path(const Ctx *c, const Article *a, const char *ext)
{
    char key[65];
    jb_build_article_key(c, a, key);
    return jb_build_cache_path(c, key, ext);
}

gboolean jb_build_save_warnings(const Ctx *c, const char *key, const JbDiag *warnings,
                                GError **error)
{
    g_autofree char *path = jb_build_cache_path(c, key, "warn");
    if (!jb_build_cache_claim(c, path, error))
        return FALSE;
    if (jb_diag_count(warnings) == 0) {
        unlink(path);
        return TRUE;
    }
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint i = 0; i < jb_diag_count(warnings); i++) {
        g_autofree char *one = g_strdup(jb_diag_message(warnings, i));
        g_strdelimit(one, "\r\n", ' ');
        g_string_append_printf(s, "%s\n", one);
    }
    return jb_write_file_atomic(path, s->str, s->len, error);
}

void jb_build_replay_warnings(Ctx *c, const char *key, const char *stage)
{
    g_autofree char *path = jb_build_cache_path(c, key, "warn");
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!jb_build_read_regular(path, FALSE, &text, &len))
        return;
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++)
        if (**l)
            jb_build_add_event(c->r, JB_LOG_WARNING, stage, *l);
}
