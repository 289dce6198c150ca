#include "jb_build.h"

#include "jb_article.h"
#include "jb_chart.h"
#include "jb_common.h"
#include "jb_dict.h"
#include "jb_extract.h"
#include "jb_report.h"
#include "jb_reshape.h"
#include "jb_table.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

void jb_build_result_clear(JbBuildResult *r)
{
    g_clear_pointer(&r->warnings, g_ptr_array_unref);
    g_clear_pointer(&r->outputs, g_ptr_array_unref);
}

static char *resolve(const char *base_dir, const char *path)
{
    if (g_path_is_absolute(path) || strcmp(base_dir, ".") == 0)
        return g_strdup(path);
    return g_build_filename(base_dir, path, NULL);
}

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

static GPtrArray *expand_inputs(const char *base_dir, char **globs)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (char **g = globs; *g; g++) {
        g_autofree char *pattern = resolve(base_dir, g_strstrip(*g));
        glob_t gl;
        if (glob(pattern, 0, NULL, &gl) == 0) {
            for (size_t i = 0; i < gl.gl_pathc; i++)
                g_ptr_array_add(files, g_strdup(gl.gl_pathv[i]));
        }
        globfree(&gl);
    }
    return files;
}

static char *project_string(GKeyFile *kf, const char *key, const char *fallback)
{
    char *v = g_key_file_get_string(kf, "project", key, NULL);
    return v ? g_strstrip(v) : g_strdup(fallback);
}

static gboolean run_charts(GKeyFile *kf, const char *project, const char *out_dir,
                           const JbTable *series, JbBuildResult *r, GError **error)
{
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        if (!g_str_has_prefix(*g, "chart "))
            continue;
        const char *name = *g + strlen("chart ");
        if (!*name || strchr(name, '/') || strcmp(name, "..") == 0 || strcmp(name, ".") == 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: [%s]: bad chart name", project, *g);
            return FALSE;
        }
        /* Re-serialise the group as a spec so projects and templates share one parser. */
        g_autoptr(GString) spec = g_string_new(NULL);
        g_auto(GStrv) keys = g_key_file_get_keys(kf, *g, NULL, NULL);
        for (char **k = keys; k && *k; k++) {
            g_autofree char *v = g_key_file_get_string(kf, *g, *k, NULL);
            g_string_append_printf(spec, "%s = %s\n", *k, v ? v : "");
        }
        g_autofree char *where = g_strdup_printf("%s [%s]", project, *g);
        g_autoptr(JbChart) c = jb_chart_spec_parse(where, 1, spec->str, error);
        if (!c || !jb_chart_load_series(c, series, error))
            return FALSE;
        static const struct {
            const char *ext;
            double scale;
        } outs[] = {{"png", 2}, {"pdf", 1}};
        for (guint i = 0; i < G_N_ELEMENTS(outs); i++) {
            g_autofree char *file = g_strdup_printf("%s.%s", name, outs[i].ext);
            g_autofree char *path = g_build_filename(out_dir, "charts", file, NULL);
            if (!jb_chart_render(c, path, outs[i].scale, error))
                return FALSE;
            g_ptr_array_add(r->outputs, g_steal_pointer(&path));
        }
        for (guint i = 0; i < c->warnings->len; i++)
            g_ptr_array_add(r->warnings, g_strdup(g_ptr_array_index(c->warnings, i)));
    }
    return TRUE;
}

/* The pipeline proper, run while the lock is held. */
static gboolean run_locked(GKeyFile *kf, const char *project_path, const char *base,
                           const char *out_dir, const char *dict_path, const char *tmpl_rel,
                           gboolean year_periods, char **globs, JbBuildResult *r, GError **error)
{
    GError *local = NULL;
    g_autoptr(JbDict) dict = jb_dict_load(dict_path, error);
    g_autoptr(GPtrArray) files = expand_inputs(base, globs);
    g_autoptr(JbTable) metrics = jb_table_new(JB_METRICS_HEADER);
    if (!dict)
        return FALSE;
    if (files->len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: no article matches inputs=",
                    project_path);
        return FALSE;
    }

    for (guint i = 0; i < files->len; i++) {
        const char *file = g_ptr_array_index(files, i);
        g_autoptr(JbArticle) a = jb_article_load(file, NULL, NULL, &local);
        if (!a) {
            g_ptr_array_add(r->warnings, g_strdup(local->message));
            g_clear_error(&local);
            r->input_errors = TRUE;
            continue;
        }
        for (guint w = 0; w < a->warnings->len; w++)
            g_ptr_array_add(r->warnings, g_strdup(g_ptr_array_index(a->warnings, w)));
        g_autoptr(GPtrArray) st = jb_extract_article(a, dict);
        jb_extract_append_rows(metrics, st);
        r->articles++;
        r->statements += st->len;
    }
    g_autofree char *metrics_path = g_build_filename(out_dir, "metrics.csv", NULL);
    if (!jb_table_write(metrics, metrics_path, error))
        return FALSE;
    jb_table_set_source(metrics, metrics_path);
    g_ptr_array_add(r->outputs, g_strdup(metrics_path));

    JbReshapeOptions ro = {.year_periods = year_periods};
    g_autoptr(JbTable) series = jb_reshape(metrics, dict, &ro, r->warnings, error);
    if (!series)
        return FALSE;
    r->series_rows = jb_table_n_rows(series);
    g_autofree char *series_path = g_build_filename(out_dir, "series.csv", NULL);
    if (!jb_table_write(series, series_path, error))
        return FALSE;
    jb_table_set_source(series, series_path);
    g_ptr_array_add(r->outputs, g_strdup(series_path));

    if (!run_charts(kf, project_path, out_dir, series, r, error))
        return FALSE;

    if (*tmpl_rel) {
        g_autofree char *tmpl = resolve(base, tmpl_rel);
        g_autofree char *pdf = g_build_filename(out_dir, "briefing.pdf", NULL);
        JbReportInputs in = {.series = series, .metrics = metrics};
        if (!jb_report_render(tmpl, &in, pdf, error))
            return FALSE;
        g_ptr_array_add(r->outputs, g_steal_pointer(&pdf));
    }
    return TRUE;
}

gboolean jb_build_run(const char *project_path, const JbBuildOptions *opt, JbBuildResult *r,
                      GError **error)
{
    r->warnings = g_ptr_array_new_with_free_func(g_free);
    r->outputs = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GKeyFile) kf = g_key_file_new();
    GError *local = NULL;
    if (!g_key_file_load_from_file(kf, project_path, G_KEY_FILE_NONE, &local)) {
        g_set_error(error, JB_ERROR,
                    local->domain == G_FILE_ERROR ? JB_ERROR_USAGE : JB_ERROR_INPUT, "%s: %s",
                    project_path, local->message);
        g_error_free(local);
        return FALSE;
    }
    g_autofree char *base = g_path_get_dirname(project_path);
    g_autofree char *out_rel = project_string(kf, "output", "out");
    g_autofree char *dict_rel = project_string(kf, "dictionary", "templates/metrics.ini");
    g_autofree char *tmpl_rel = project_string(kf, "template", "");
    g_autofree char *period = project_string(kf, "period", "year");
    g_autofree char *out_dir = resolve(base, out_rel);
    g_autofree char *dict_path = resolve(base, dict_rel);
    g_auto(GStrv) globs = g_key_file_get_string_list(kf, "project", "inputs", NULL, NULL);
    if (!globs) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: [project] needs inputs=GLOB;...",
                    project_path);
        return FALSE;
    }

    int lock = take_lock(out_dir, opt && opt->wait_for_lock, error);
    if (lock < 0)
        return FALSE;
    gboolean ok = run_locked(kf, project_path, base, out_dir, dict_path, tmpl_rel,
                             strcmp(period, "year") == 0, globs, r, error);
    close(lock);
    return ok;
}
