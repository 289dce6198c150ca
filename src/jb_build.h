/* jb_build.h — the whole pipeline from a project file, safe under cron.
 *
 * A project is a GKeyFile (see jianbao.project): [project] names the input globs, the
 * metric dictionary, the report template and the output directory; each [chart NAME] group
 * is a chart spec written to OUT/charts/NAME.png and .pdf. A build takes a lock under the
 * output directory, extracts every article (a bad article is reported and skipped),
 * reshapes, draws the charts and typesets the briefing. Every output is replaced
 * atomically, so a failed or killed run leaves the previous complete outputs in place.
 *
 * Not for: the stages themselves (jb_extract, jb_reshape, jb_chart, jb_report).
 */
#ifndef JB_BUILD_H
#define JB_BUILD_H

#include <glib.h>

typedef struct {
    gboolean wait_for_lock; /* wait for a concurrent build instead of failing at once */
} JbBuildOptions;

typedef struct {
    GPtrArray *warnings; /* char*: one line each, "file:line: what" */
    GPtrArray *outputs;  /* char*: the files written */
    guint articles, statements, series_rows;
    gboolean input_errors; /* some article could not be read (the build went on) */
} JbBuildResult;

void jb_build_result_clear(JbBuildResult *r);

/* Run the project. FALSE + GError (JB_ERROR_LOCKED, _USAGE, _INPUT, _OUTPUT) when the build
 * could not complete; `result` is filled either way and must be cleared by the caller. */
gboolean jb_build_run(const char *project_path, const JbBuildOptions *opt, JbBuildResult *result,
                      GError **error);

#endif
