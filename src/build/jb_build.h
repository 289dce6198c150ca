/* jb_build.h — the whole pipeline from a project file: incremental, atomic, safe under cron.
 *
 * A project is a GKeyFile (see jianbao.project): [project] names the input globs, the
 * metric dictionary, the report template and the output directory; each [chart NAME] group
 * is a chart spec written to OUT/charts/NAME.png and .pdf.
 *
 * The build is a set of independent units, each a pure function of content hashes:
 *   extract:N   article N (in sorted input order) → its statements
 *   chart:NAME  the project's chart NAME → PNG and PDF (from the series of its metric)
 *   report      the template → briefing.pdf (from the series and quotes it names)
 * Every unit's product is stored in a content-addressed cache, OUT/.cache/KEY.EXT, where KEY
 * is the SHA-256 of everything the unit reads (the article bytes, the dictionary, the chart
 * spec and its series rows, the template, the fonts, the briefing date, the jianbao engine).
 * A unit whose product is cached does not run. Reshape (cheap) runs in memory whenever any
 * statement changed. Nothing in OUT is touched until every unit has finished; then the
 * products are published into OUT (copied to a temporary name, renamed), and last
 * OUT/.manifest is replaced atomically. The manifest records the build's top key (the hash
 * of all inputs) and the hash of every output, so a run with nothing changed hashes the
 * inputs, finds the same top key and intact outputs, and stops.
 *
 * Article cache files are not fsynced but carry their own SHA-256 (see statements_file).
 * Crash safety follows: a run killed at any point leaves OUT's files complete (each is
 * replaced by rename), the products already made stay in the cache, and the next run
 * removes stale temporary files and finishes the work. One build per OUT at a time: an
 * flock on OUT/.lock (released by the kernel however the process ends). Units run with
 * jb_build_unit() take no lock: their only writes are atomic, content-addressed cache files,
 * so any number of them may run at once on one shared OUT (make -j, GNU parallel, a
 * Kubernetes indexed Job, a Slurm array); a plain build afterwards assembles their products.
 *
 * Test hook: JIANBAO_TEST_KILL_AT=extract|render|publish|manifest makes the process SIGKILL
 * itself after the first article is cached, after the first chart or briefing is rendered,
 * after the first output is published, or halfway through writing the manifest.
 *
 * Not for: the stages themselves (jb_extract, jb_reshape, jb_chart, jb_report).
 */
#ifndef JB_BUILD_H
#define JB_BUILD_H

#include <glib.h>

typedef enum { JB_LOG_DEBUG, JB_LOG_INFO, JB_LOG_WARNING, JB_LOG_ERROR } JbLogLevel;

/* One thing that happened: a unit ran (INFO) or was reused (DEBUG), a warning, an error. */
typedef struct {
    gint64 time; /* wall-clock µs since the epoch */
    JbLogLevel level;
    char *stage;     /* "build", "extract", "reshape", "chart", "report", "publish" */
    char *file;      /* the file it is about, "" when none */
    guint line;      /* 1-based line in `file`, 0 when none */
    char *message;   /* the whole one-line message, "file:line: what" */
    gboolean is_new; /* a warning the previous build did not give (see new_warnings) */
} JbBuildEvent;

/* Called from the calling thread only, as units finish: (stage, units done, units to run). */
typedef void (*JbBuildProgress)(const char *stage, guint done, guint total, gpointer data);

typedef struct {
    gboolean wait_for_lock;   /* wait for a concurrent build instead of failing at once */
    guint jobs;               /* extraction and rendering threads; 0 = the number of cores */
    JbBuildProgress progress; /* NULL for none */
    gpointer progress_data;
    guint batch;  /* jb_build_list_units: articles per extraction unit (0: 1) */
    guint shards; /* … or this many extraction units of nearly equal size */
    /* Keep JB_LOG_DEBUG events (what -v prints: a line per unit reused, 100000 at archive
     * scale); without it they are not kept (the log never has them). */
    gboolean debug_events;
    /* Drop JB_LOG_INFO events (a line per article extracted): what nothing will show, with
     * no -v and no --log, need not be held, 100000 of them at archive scale. */
    gboolean drop_info;
} JbBuildOptions;

typedef struct {
    GPtrArray *events;  /* JbBuildEvent*, owned, in order */
    GPtrArray *outputs; /* char*: the files written (published) by this run */
    guint articles, statements, series_rows;
    guint ran, reused; /* units run / units whose cached product was used */
    guint warnings, errors;
    /* Warnings the previous build did not give, compared without line numbers (a new
     * article shifts metrics.csv's lines, not the conflicts); none on an up-to-date build. */
    guint new_warnings;
    /* Warnings the project's fail_on= makes a failure: none (the default, fail_on=errors),
     * the new ones (fail_on=new-warnings) or all (fail_on=warnings). Exit 1 when > 0. */
    guint failing_warnings;
    gboolean up_to_date;   /* nothing had changed: nothing ran, nothing was written */
    gboolean input_errors; /* some article could not be read (the build went on) */
    gint64 duration;       /* µs */
    gboolean keep_debug;   /* JbBuildOptions.debug_events of the run that filled it */
    gboolean drop_info;    /* JbBuildOptions.drop_info of the run that filled it */
} JbBuildResult;

void jb_build_result_clear(JbBuildResult *r);

/* Run the project. FALSE + GError (JB_ERROR_LOCKED, _USAGE, _INPUT, _OUTPUT) when the build
 * could not complete; the GError is the first error, and every error and warning is also an
 * event in `result`, which is filled either way and must be cleared by the caller. A unit
 * that fails (a bad article, template or chart) keeps its previous output; the others are
 * still built and published. */
gboolean jb_build_run(const char *project_path, const JbBuildOptions *opt, JbBuildResult *result,
                      GError **error);

/* The project's units, as accepted by jb_build_unit, in a new array of char*: first the
 * extraction units, "extract:0" … one per article, or with opt->batch "extract:0-499" …
 * (inclusive ranges of the articles in their bytewise order), or with opt->shards N
 * "extract:0/N" … "extract:N-1/N"; then "chart:NAME" per chart, and "report". */
GPtrArray *jb_build_list_units(const char *project_path, const JbBuildOptions *opt, GError **error);

/* Run one unit into OUT/.cache without the lock (see above). A unit may also be an index
 * into jb_build_list_units(opt) (array jobs hand those out). An extraction unit reads only
 * its articles, so its work is proportional to its batch; the executable and the fonts are
 * hashed once for all units (memo files in the cache, see jb_build_index.c). chart:NAME and
 * report need the statements of every article: those not cached yet are extracted first, in
 * this process. */
gboolean jb_build_unit(const char *project_path, const char *unit, const JbBuildOptions *opt,
                       JbBuildResult *result, GError **error);

/* Append `r` to the JSON Lines file `path`: one object per event (DEBUG events left out,
 * and warnings that are not new: a no-op rebuild logs none)
 * {"time","level","stage","file","line","message"}, then a summary object with the counts
 * (warnings: all the outputs stand on; new_warnings),
 * `status` (the exit code) and duration_ms. One write(2) with O_APPEND, so lines from
 * concurrent runs never interleave. */
gboolean jb_build_log_append(const char *path, const JbBuildResult *r, int status, GError **error);

const char *jb_log_level_name(JbLogLevel level);

/* `jianbao init DIR`: a project that builds as written (jb_build_init.c): DIR/jianbao.project,
 * DIR/metrics.ini extending the shipped dictionary, DIR/README, an empty DIR/articles/.
 * Files that exist are kept; a DIR/jianbao.project that exists is an error. The paths
 * written are added to `written` (char*, may be NULL). */
gboolean jb_build_init_project(const char *dir, GPtrArray *written, GError **error);

#endif
