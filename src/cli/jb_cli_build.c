/* jb_cli_build.c — the commands of a project: jianbao build (the whole pipeline, for cron)
 * and jianbao init (a new project).
 */
#include "jb_cli.h"

#include "jb_build.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* ---- jianbao build --------------------------------------------------------------------- */

static int jb_build_by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Errors always; warnings when new (or all with -v), at most WARNINGS_PER_FILE per file and
 * then a count, so a thousand conflicts in one feed are a few lines; nothing but errors
 * when `silent` (-q on success). A warning the project fails on (fail_on=) is new. */
#define WARNINGS_PER_FILE 3
static void print_build_events(const JbBuildResult *r, gboolean verbose, gboolean silent)
{
    g_autoptr(GHashTable) per_file = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < r->events->len; i++) {
        const JbBuildEvent *ev = g_ptr_array_index(r->events, i);
        gboolean show = ev->level == JB_LOG_ERROR ||
                        (!silent && (verbose || (ev->level == JB_LOG_WARNING && ev->is_new)));
        if (!show)
            continue;
        if (ev->level == JB_LOG_WARNING && !verbose) {
            guint n = GPOINTER_TO_UINT(g_hash_table_lookup(per_file, ev->file)) + 1;
            g_hash_table_insert(per_file, ev->file, GUINT_TO_POINTER(n));
            if (n > WARNINGS_PER_FILE)
                continue;
        }
        fprintf(stderr, "jianbao: %s: %s\n", ev->stage, ev->message);
    }
    GHashTableIter it;
    gpointer file, count;
    g_hash_table_iter_init(&it, per_file);
    g_autoptr(GPtrArray) over = g_ptr_array_new();
    while (g_hash_table_iter_next(&it, &file, &count))
        if (GPOINTER_TO_UINT(count) > WARNINGS_PER_FILE)
            g_ptr_array_add(over, file);
    g_ptr_array_sort(over, jb_build_by_name);
    for (guint i = 0; i < over->len; i++) {
        const char *f = g_ptr_array_index(over, i);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(per_file, f));
        fprintf(stderr, "jianbao: build: %s: %u more new warning%s (all in warnings.csv)\n",
                *f ? f : "(no file)", n - WARNINGS_PER_FILE, n - WARNINGS_PER_FILE == 1 ? "" : "s");
    }
}

/* A one-line counter that rewrites itself, on a terminal only. */
static void build_progress(const char *what, guint done, guint total, gpointer data)
{
    (void)data;
    fprintf(stderr, "\rjianbao: build: %s %u/%u", what, done, total);
    if (done == total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* What a successful build did, on stderr: its counts, its warnings (not for a unit), the
 * files it wrote. */
static void print_build_summary(const JbBuildResult *r, gboolean unit)
{
    if (r->up_to_date)
        fprintf(stderr, "jianbao: build: up to date (%u articles, %.1f ms)\n", r->articles,
                (double)r->duration / 1000.0);
    else
        fprintf(stderr,
                "jianbao: build: %u articles, %u statements, %u series rows; "
                "%u units ran, %u reused (%.1f ms)\n",
                r->articles, r->statements, r->series_rows, r->ran, r->reused,
                (double)r->duration / 1000.0);
    if (r->warnings && !unit)
        fprintf(stderr,
                "jianbao: build: %u warning%s (%u new), listed in warnings.csv "
                "beside the outputs\n",
                r->warnings, r->warnings == 1 ? "" : "s", r->new_warnings);
    for (guint i = 0; i < r->outputs->len; i++)
        fprintf(stderr, "  wrote %s\n", (char *)g_ptr_array_index(r->outputs, i));
}

int cmd_build(int argc, char **argv)
{
    gboolean wait = FALSE, quiet = FALSE, verbose = FALSE, list_units = FALSE;
    int jobs = -1, batch = 0, shards = 0; /* jobs not given: the number of cores */
    g_autofree char *log = NULL, *unit = NULL;
    GOptionEntry entries[] = {
        {"wait", 0, 0, G_OPTION_ARG_NONE, &wait,
         "Wait for a running build instead of exiting with 5", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print nothing on success", NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
         "Say what ran and what was reused, unit by unit", NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
         "Extract and render with N threads (default: the number of cores)", "N"},
        {"log", 0, 0, G_OPTION_ARG_FILENAME, &log,
         "Append JSON Lines (events and a summary) to FILE", "FILE"},
        {"unit", 0, 0, G_OPTION_ARG_STRING, &unit,
         "Run one unit into OUT/.cache, without the lock (extract:N, extract:A-B, extract:I/N, chart:NAME, report, or an index into --list-units); exits 0 when it succeeded, whatever the data's warnings",
         "UNIT"},
        {"list-units", 0, 0, G_OPTION_ARG_NONE, &list_units,
         "Print the project's units, one per line", NULL},
        {"batch", 0, 0, G_OPTION_ARG_INT, &batch,
         "--list-units and --unit INDEX: N articles per extraction unit (extract:A-B)", "N"},
        {"shards", 0, 0, G_OPTION_ARG_INT, &shards,
         "--list-units and --unit INDEX: N extraction units of nearly equal size (extract:I/N)",
         "N"},
        {NULL}};
    /* make's spelling, -j4, which GOption does not take for a short option */
    g_autoptr(GPtrArray) jn = g_ptr_array_new_with_free_func(g_free);
    for (int i = 1; i < argc; i++)
        if (g_str_has_prefix(argv[i], "-j") && argv[i][2] && g_ascii_isdigit(argv[i][2])) {
            char *a = g_strconcat("--jobs=", argv[i] + 2, NULL);
            g_ptr_array_add(jn, a);
            argv[i] = a;
        }
    if (!cli_options(
            &argc, &argv, "[PROJECT|DIR] — run the whole pipeline (default: jianbao.project)",
            entries,
            "extract → reshape → charts → briefing, as the project file says; only what changed\n"
            "is redone (content hashes in OUT/.manifest, products in OUT/.cache).\n"
            "Exit codes: 0 ok (also with the data's warnings: new ones are printed once, all are\n"
            "in OUT/warnings.csv), 1 warnings the project's fail_on= makes failures, 2 usage,\n"
            "3 input, 4 output, 5 locked. -q prints nothing on success.\n\n"
            "The project file (a key file; paths relative to it; 'jianbao init DIR' writes one):\n"
            "  [project]\n"
            "  inputs=GLOB;...       the articles (required)\n"
            "  dictionary=FILE       metric dictionary (default templates/metrics.ini, shipped)\n"
            "  publishers=FILE       who published a page that names none, by site or file name\n"
            "                        (default templates/publishers.tsv, shipped)\n"
            "  template=FILE         briefing template (templates/briefing.md is shipped); none: no briefing\n"
            "  output=DIR            where outputs go (default out)\n"
            "  period=year|keep      chart periods by year (default) or as stated\n"
            "  fail_on=errors|new-warnings|warnings   what exits non-zero (default errors)\n"
            "  review=FILE           the analyst's pins, rejects and accepts (default review.csv\n"
            "                        beside the project, when there is one)\n"
            "  [chart NAME]          a chart spec (metric=, type=, title=, ... as 'jianbao chart')\n"
            "                        drawn to OUTPUT/charts/NAME.png and .pdf\n"
            "An unknown section, key or value is an error naming its line."))
        return EXIT_USAGE;
    if (argc > 2) {
        cli_say("expected at most one PROJECT (try --help)");
        return EXIT_USAGE;
    }
    if (jobs == 0 || jobs < -1) {
        cli_say("--jobs must be at least 1");
        return EXIT_USAGE;
    }
    if (batch < 0 || shards < 0 || (batch && shards)) {
        cli_say("--batch and --shards take a positive number, and only one of them");
        return EXIT_USAGE;
    }
    /* a directory stands for its jianbao.project */
    g_autofree char *project = argc == 2 && g_file_test(argv[1], G_FILE_TEST_IS_DIR)
                                   ? g_build_filename(argv[1], "jianbao.project", NULL)
                                   : g_strdup(argc == 2 ? argv[1] : "jianbao.project");
    if (!cli_need_file(project))
        return EXIT_USAGE;
    GError *e = NULL;
    JbBuildOptions opt = {.wait_for_lock = wait,
                          .jobs = jobs > 0 ? (guint)jobs : 0,
                          .batch = (guint)batch,
                          .shards = (guint)shards,
                          .debug_events = verbose,
                          /* (shown only by -v, written only to --log) */
                          .drop_info = !verbose && !log};
    if (list_units) {
        g_autoptr(GPtrArray) units = jb_build_list_units(project, &opt, &e);
        if (!units)
            return cli_fail(e);
        for (guint i = 0; i < units->len; i++)
            printf("%s\n", (char *)g_ptr_array_index(units, i));
        return EXIT_OK;
    }
    if (!quiet && isatty(STDERR_FILENO))
        opt.progress = build_progress;
    JbBuildResult r = {0};
    gboolean ok = unit ? jb_build_unit(project, unit, &opt, &r, &e)
                       : jb_build_run(project, &opt, &r, &e);
    /* A unit that did its work exits 0 whatever warnings the data gave (conflicts in the
     * news are no failure, and engines chain units on success: Slurm's afterok); so does
     * the build, unless the project's fail_on= makes its (new) warnings a failure. */
    int status = ok ? (r.failing_warnings && !unit ? EXIT_WARNINGS : EXIT_OK) : jb_exit_code(e);
    g_clear_error(&e);
    print_build_events(&r, verbose, quiet && status == EXIT_OK);
    if (status == EXIT_WARNINGS)
        fprintf(stderr,
                "jianbao: build: failing on %u warning%s (the project's fail_on=); "
                "all in warnings.csv beside the outputs\n",
                r.failing_warnings, r.failing_warnings == 1 ? "" : "s");
    if (ok && !quiet)
        print_build_summary(&r, unit != NULL);
    if (log && !jb_build_log_append(log, &r, status, &e)) {
        cli_say("%s", e->message);
        g_clear_error(&e);
        if (status == EXIT_OK || status == EXIT_WARNINGS)
            status = EXIT_OUTPUT;
    }
    jb_build_result_clear(&r);
    return status;
}

/* ---- jianbao init ---------------------------------------------------------------------- */

int cmd_init(int argc, char **argv)
{
    GOptionEntry entries[] = {{NULL}};
    if (!cli_options(
            &argc, &argv, "DIR — start a project of one's own", entries,
            "Writes DIR/jianbao.project, DIR/metrics.ini (your metrics, extending the shipped\n"
            "dictionary), DIR/README and an empty DIR/articles/. Then put articles there and\n"
            "run 'jianbao build DIR'."))
        return EXIT_USAGE;
    if (argc != 2) {
        cli_say("expected one DIR (try --help)");
        return EXIT_USAGE;
    }
    GError *e = NULL;
    g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func(g_free);
    if (!jb_build_init_project(argv[1], written, &e))
        return cli_fail(e);
    for (guint i = 0; i < written->len; i++)
        printf("wrote %s\n", (char *)g_ptr_array_index(written, i));
    return EXIT_OK;
}
