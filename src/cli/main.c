/* main.c — the jianbao command line: option parsing and printing, nothing else.
 * Every stage lives in the library (src/jb_*.c); this file maps its results to messages
 * and exit codes (see README "Exit codes"). Over 700 lines because it holds one short
 * function per command (eight) and the only printing; splitting it means linking several
 * CLI objects (the Makefile links main.o alone) — the next step if it grows. */
#include "jb_article.h"
#include "jb_atomic.h"
#include "jb_build.h"
#include "jb_changes.h"
#include "jb_chart.h"
#include "jb_common.h"
#include "jb_dict.h"
#include "jb_dict_extend.h"
#include "jb_extract.h"
#include "jb_merge.h"
#include "jb_normalize.h"
#include "jb_number.h"
#include "jb_publishers.h"
#include "jb_period.h"
#include "jb_report.h"
#include "jb_reshape.h"
#include "jb_suggest.h"
#include "jb_table.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The codes are jb_common.h's JbExit, the one table from errors to exit codes. */
enum {
    EXIT_OK = JB_EXIT_OK,
    EXIT_WARNINGS = JB_EXIT_WARNINGS,
    EXIT_USAGE = JB_EXIT_USAGE,
    EXIT_INPUT = JB_EXIT_INPUT,
    EXIT_OUTPUT = JB_EXIT_OUTPUT,
    EXIT_LOCKED = JB_EXIT_LOCKED,
};

static const char *stage = NULL;

G_GNUC_PRINTF(1, 2) static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (stage)
        fprintf(stderr, "jianbao: %s: %s\n", stage, msg);
    else
        fprintf(stderr, "jianbao: %s\n", msg);
}

/* The end of the warning channel for a single stage: each warning on stderr; the exit code
 * is 1 when there was any (README "Exit codes"). */
static int say_diag(const JbDiag *d)
{
    for (guint i = 0; i < jb_diag_count(d); i++)
        say("%s", jb_diag_message(d, i));
    return jb_diag_count(d) ? EXIT_WARNINGS : EXIT_OK;
}

static int fail(GError *e)
{
    say("%s", e->message);
    int code = jb_exit_code(e);
    g_error_free(e);
    return code;
}

/* Parse options; on error print one line and return FALSE. */
static gboolean parse(GOptionContext *ctx, int *argc, char ***argv)
{
    GError *e = NULL;
    if (!g_option_context_parse(ctx, argc, argv, &e)) {
        say("%s (try --help)", e->message);
        g_error_free(e);
        return FALSE;
    }
    return TRUE;
}

static gboolean need_file(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    say("%s: %s", path, g_file_test(path, G_FILE_TEST_EXISTS) ? "not a regular file"
                                                                : "no such file");
    return FALSE;
}

/* An output that is one of the inputs (the same file by device and inode, through any name
 * or link) would be replaced by what was made from it: refused before anything is written.
 * `ins` may hold NULLs (options not given). */
static gboolean overwrites_input(const char *opt, const char *out, const char *const *ins, guint n)
{
    GStatBuf os;
    if (!out || strcmp(out, "-") == 0 || g_stat(out, &os) != 0 || !S_ISREG(os.st_mode))
        return FALSE;
    for (guint i = 0; i < n; i++) {
        GStatBuf is;
        if (ins[i] && g_stat(ins[i], &is) == 0 && is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
            say("%s %s is also an input (%s): it would be overwritten", opt, out, ins[i]);
            return TRUE;
        }
    }
    return FALSE;
}

/* The file arguments with every `@LIST` replaced by the paths LIST holds, one a line (empty
 * lines skipped, a CR before the LF dropped); `@-` reads the list from stdin. For archives
 * whose file names outgrow a command line (xargs would split them into several runs). NULL
 * after saying why when a list cannot be read. */
static GPtrArray *expand_lists(int argc, char **argv)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '@') {
            g_ptr_array_add(files, g_strdup(argv[i]));
            continue;
        }
        const char *list = argv[i] + 1;
        g_autofree char *text = NULL;
        gsize len = 0;
        GError *e = NULL;
        if (strcmp(list, "-") == 0) {
            g_autoptr(GString) in = g_string_new(NULL);
            char buf[65536];
            size_t got;
            while ((got = fread(buf, 1, sizeof buf, stdin)) > 0)
                g_string_append_len(in, buf, (gssize)got);
            len = in->len;
            text = g_string_free(g_steal_pointer(&in), FALSE);
        } else if (!g_file_get_contents(list, &text, &len, &e)) {
            say("%s: cannot read the file list: %s", list, e->message);
            g_error_free(e);
            g_ptr_array_unref(files);
            return NULL;
        }
        if (memchr(text, '\0', len)) {
            say("%s: a file list holds paths, one a line, not a NUL byte", list);
            g_ptr_array_unref(files);
            return NULL;
        }
        g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
        for (char **l = lines; *l; l++) {
            gsize n = strlen(*l);
            if (n && (*l)[n - 1] == '\r')
                (*l)[--n] = '\0';
            if (n)
                g_ptr_array_add(files, g_strdup(*l));
        }
    }
    return files;
}

/* The inputs of a command (expand_lists), or NULL after saying `none` when there are none:
 * a usage error either way. */
static GPtrArray *inputs_given(int argc, char **argv, const char *none)
{
    GPtrArray *inputs = expand_lists(argc, argv);
    if (inputs && inputs->len == 0) {
        say("%s", none);
        g_clear_pointer(&inputs, g_ptr_array_unref);
    }
    return inputs;
}

static char *default_dict(void)
{
    return jb_data_path("templates/metrics.ini");
}

/* A dictionary file with what it extends ([dictionary] extends=, jb_dict_extend.h). */
static JbDict *dict_load(const char *path, GError **error)
{
    gsize len = 0;
    g_autofree char *text = jb_dict_read_extended(path, &len, error);
    return text ? jb_dict_parse(path, text, len, error) : NULL;
}

/* The dictionary a chart or report sums parts by: `path`, else the shipped one when found
 * (none is no error: donuts and stacked bars are then refused with a message). */
static gboolean load_dict(const char *path, JbDict **out, GError **error)
{
    g_autofree char *found = path ? g_strdup(path) : default_dict();
    if (path && !need_file(path)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: no such dictionary", path);
        return FALSE;
    }
    *out = found ? dict_load(found, error) : NULL;
    return !found || *out;
}

static gboolean write_table_or_stdout(const JbTable *t, const char *out, GError **error)
{
    if (out && strcmp(out, "-") != 0)
        return jb_table_write(t, out, error);
    g_autoptr(GString) csv = jb_table_to_csv(t);
    fwrite(csv->str, 1, csv->len, stdout);
    return fflush(stdout) == 0 ||
           (g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "stdout: write failed"), FALSE);
}

/* ---- jianbao extract ------------------------------------------------------------------- */

static int cmd_extract(int argc, char **argv)
{
    g_autofree char *out = NULL, *dict_path = NULL, *encoding = NULL, *published = NULL;
    g_autofree char *pub_path = NULL;
    gboolean strict = FALSE, append = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write metrics.csv to FILE (default: stdout)", "FILE"},
        {"append", 'a', 0, G_OPTION_ARG_NONE, &append, "Append the rows to -o FILE (the header only when it is empty), whole, under a lock: for many processes at once (xargs -P)", NULL},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path, "Metric dictionary (default: templates/metrics.ini)", "FILE"},
        {"publishers", 0, 0, G_OPTION_ARG_FILENAME, &pub_path, "Publishers by site and file name, for pages that name none (default: templates/publishers.tsv)", "FILE"},
        {"encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, "Input encoding (default: detect UTF-8 or GB18030)", "ENC"},
        {"published", 0, 0, G_OPTION_ARG_STRING, &published, "The articles' date, overriding what they say", "DATE"},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Stop at the first article that cannot be read or needed repair; write nothing", NULL},
        {NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("ARTICLE... — find quantitative statements");
    /* @LIST: see expand_lists */
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx, "Reads articles (text, HTML, Markdown; UTF-8 or GB18030) and writes one\n"
                                      "metrics.csv row per quantitative statement. @LIST reads the articles' paths\n"
                                      "from LIST, one a line (@- from stdin). -o replaces its file, whole; with\n"
                                      "--append, processes running at once add to one file, each its rows whole:\n"
                                      "  ls articles/* | xargs -P 4 jianbao extract --append -o metrics.csv");
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    g_autoptr(GPtrArray) inputs = inputs_given(argc, argv, "no ARTICLE given (try --help)");
    if (!inputs)
        return EXIT_USAGE;
    for (guint i = 0; i < inputs->len; i++)
        if (!need_file(inputs->pdata[i]))
            return EXIT_USAGE;
    if (append && (!out || strcmp(out, "-") == 0)) {
        say("--append needs -o FILE");
        return EXIT_USAGE;
    }
    /* -o an article given to read would replace it with its own rows */
    GStatBuf os;
    if (out && strcmp(out, "-") != 0 && g_stat(out, &os) == 0 && S_ISREG(os.st_mode))
        for (guint i = 0; i < inputs->len; i++) {
            GStatBuf is;
            if (g_stat(inputs->pdata[i], &is) == 0 && is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
                say("-o %s is one of the articles to read: it would be overwritten", out);
                return EXIT_USAGE;
            }
        }
    if (!dict_path)
        dict_path = default_dict();
    GError *e = NULL;
    g_autoptr(JbDict) dict = dict_path ? dict_load(dict_path, &e) : NULL;
    if (!dict)
        return e ? fail(e) : (say("templates/metrics.ini not found"), EXIT_USAGE);
    if (pub_path && !need_file(pub_path))
        return EXIT_USAGE;
    if (!pub_path)
        pub_path = jb_data_path("templates/publishers.tsv"); /* none: hosts name themselves */
    g_autoptr(JbPublishers) pubs = pub_path ? jb_publishers_load(pub_path, &e) : NULL;
    if (pub_path && !pubs)
        return fail(e);
    /* Rows go out article by article (memory bounded by the largest article); the file
     * appears only when complete. Warnings (bytes skipped, markup repaired, numbers too
     * long) exit 1 and, with --strict, stop like an unreadable article. */
    g_autoptr(GPtrArray) append_warnings = g_ptr_array_new_with_free_func(g_free);
    JbMetricsWriter *w = append ? jb_metrics_writer_open_append(out, append_warnings, &e)
                                : jb_metrics_writer_open(out, &e);
    if (!w)
        return fail(e);
    int status = EXIT_OK;
    g_autoptr(JbExtractor) x = jb_extractor_new(dict);
    for (guint i = 0; i < inputs->len; i++) {
        g_autoptr(JbArticle) a = jb_article_load(inputs->pdata[i], encoding, published, &e);
        if (!a) {
            int code = fail(e);
            e = NULL;
            if (code == EXIT_USAGE || strict) {
                jb_metrics_writer_abort(w);
                return code;
            }
            status = MAX(status, code);
            continue;
        }
        g_autoptr(JbDiag) warnings = jb_diag_new();
        jb_publishers_fill(pubs, a);
        g_autoptr(GPtrArray) st = jb_extractor_run(x, a, warnings);
        if (say_diag(a->warnings) + say_diag(warnings) > 0) {
            status = MAX(status, EXIT_WARNINGS);
            if (strict) {
                jb_metrics_writer_abort(w);
                return EXIT_INPUT;
            }
        }
        if (!jb_metrics_writer_add(w, st, &e)) {
            jb_metrics_writer_abort(w);
            return fail(e);
        }
    }
    gboolean closed = jb_metrics_writer_close(w, &e);
    for (guint k = 0; k < append_warnings->len; k++)
        say("%s", (char *)g_ptr_array_index(append_warnings, k));
    if (!closed)
        return fail(e);
    return append_warnings->len ? MAX(status, EXIT_WARNINGS) : status;
}

/* ---- jianbao reshape ------------------------------------------------------------------- */

/* write_table_or_stdout for spreadsheets: BOM, formula-like cells neutralised. */
static gboolean write_excel_or_stdout(const JbTable *t, const char *out, GError **error)
{
    if (out && strcmp(out, "-") != 0)
        return jb_table_write_excel(t, out, error);
    g_autoptr(GString) csv = jb_table_to_excel_csv(t);
    fwrite(csv->str, 1, csv->len, stdout);
    return fflush(stdout) == 0 ||
           (g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "stdout: write failed"), FALSE);
}

/* `path` read as a table with columns `need` (NULL-terminated): a file of another kind (a
 * --data that is no series.csv) is an error naming it, not a briefing without data. */
static JbTable *read_with_columns(const char *path, const char *const *need, GError **error)
{
    JbTable *t = jb_table_read(path, error);
    for (guint k = 0; t && need[k]; k++)
        if (jb_table_column(t, need[k]) < 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:1: missing column '%s'", path, need[k]);
            g_clear_pointer(&t, jb_table_free);
        }
    return t;
}

/* The one table reshape reads: the file itself, or several merged as a set (jb_merge.h),
 * each needing the columns reshape needs. NULL with `error` set, or unset after saying why. */
static JbTable *read_metrics(GPtrArray *inputs, GError **error)
{
    for (guint i = 0; i < inputs->len; i++)
        if (!need_file(inputs->pdata[i]))
            return NULL;
    if (inputs->len == 1)
        return jb_table_read(inputs->pdata[0], error);
    g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func((GDestroyNotify)jb_table_free);
    const char *need[] = {"metric_id", "period", "value", "unit"};
    for (guint i = 0; i < inputs->len; i++) {
        JbTable *t = jb_table_read(inputs->pdata[i], error);
        if (!t)
            return NULL;
        g_ptr_array_add(tables, t);
        for (guint k = 0; k < G_N_ELEMENTS(need); k++)
            if (jb_table_column(t, need[k]) < 0) {
                g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:1: missing column '%s'",
                            (char *)inputs->pdata[i], need[k]);
                return NULL;
            }
    }
    return jb_metrics_merge((JbTable *const *)tables->pdata, tables->len);
}

static int cmd_reshape(int argc, char **argv)
{
    g_autofree char *out = NULL, *dict_path = NULL, *period = NULL, *conflicts_path = NULL,
                    *since = NULL, *until = NULL;
    g_auto(GStrv) metric = NULL, subject = NULL, derive = NULL;
    gboolean strict = FALSE, known_only = FALSE, wide = FALSE, long_ = FALSE, excel = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write series.csv to FILE (default: stdout)", "FILE"},
        {"conflicts", 'c', 0, G_OPTION_ARG_FILENAME, &conflicts_path, "Write conflicts to FILE (default: conflicts.csv beside --output)", "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path, "Metric dictionary: labels, base units, subjects", "FILE"},
        {"period", 0, 0, G_OPTION_ARG_STRING, &period, "year: chart 2022-06 as 2022; keep (default): as stated", "year|keep"},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Fail on the first malformed row", NULL},
        {"metric", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &metric, "Only this metric id and ids under it (repeatable)", "ID"},
        {"subject", 0, 0, G_OPTION_ARG_STRING_ARRAY, &subject, "Only statements about SUBJECT (repeatable)", "SUBJECT"},
        {"since", 0, 0, G_OPTION_ARG_STRING, &since, "Only periods from PERIOD on (YYYY[-MM[-DD]])", "PERIOD"},
        {"until", 0, 0, G_OPTION_ARG_STRING, &until, "Only periods up to PERIOD", "PERIOD"},
        {"known-only", 0, 0, G_OPTION_ARG_NONE, &known_only, "Only rows with a metric_id (others: unknown:SUBJECT:METRIC)", NULL},
        {"derive", 0, 0, G_OPTION_ARG_STRING_ARRAY, &derive, "Add derived series: change,multiple,cagr,yoy or all", "LIST"},
        {"wide", 0, 0, G_OPTION_ARG_NONE, &wide, "One row per period, one column per metric", NULL},
        {"long", 0, 0, G_OPTION_ARG_NONE, &long_, "The input is a --wide file: write it back as series.csv", NULL},
        {"excel", 0, 0, G_OPTION_ARG_NONE, &excel, "For Excel/WPS: UTF-8 BOM, formula-like cells neutralised", NULL},
        {NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("METRICS.csv... — merge statements into series");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx, "One value per metric and period; duplicates merged with all their sources,\n"
                                      "conflicts resolved by the documented rule and reported on stderr and in\n"
                                      "conflicts.csv. Exit 1 when a row was skipped or a conflict resolved.\n"
                                      "Several METRICS.csv (or @LIST, a file of paths one a line; @- reads\n"
                                      "it from stdin) merge as a set: their order does not matter.");
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    g_autoptr(GPtrArray) inputs = inputs_given(argc, argv, "expected METRICS.csv (try --help)");
    if (!inputs)
        return EXIT_USAGE;
    if (long_ && inputs->len != 1) {
        say("--long reads one wide file");
        return EXIT_USAGE;
    }
    if (period && strcmp(period, "year") != 0 && strcmp(period, "keep") != 0) {
        say("--period must be year or keep, not '%s'", period);
        return EXIT_USAGE;
    }
    const char *bounds[][2] = {{"--since", since}, {"--until", until}};
    for (guint i = 0; i < G_N_ELEMENTS(bounds); i++)
        if (bounds[i][1] && !jb_period_valid(bounds[i][1])) {
            say("%s must be a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or START/END), "
                "not '%s'",
                bounds[i][0], bounds[i][1]);
            return EXIT_USAGE;
        }
    if (long_ && (wide || period || metric || subject || since || until || known_only || derive ||
                  conflicts_path)) {
        say("--long takes only -o and --excel");
        return EXIT_USAGE;
    }
    JbReshapeOptions opt = {.year_periods = period && strcmp(period, "year") == 0,
                            .include_unknown = !known_only, .strict = strict,
                            .metrics = (const char *const *)metric,
                            .subjects = (const char *const *)subject, .since = since, .until = until};
    GError *e = NULL;
    for (char **d = derive; d && *d; d++)
        if (!jb_derive_parse(*d, &opt.derive, &e))
            return fail(e);
    g_autoptr(JbTable) in = read_metrics(inputs, &e);
    if (!in)
        return e ? fail(e) : EXIT_USAGE;
    g_autoptr(JbDiag) warnings = jb_diag_new();
    g_autoptr(JbTable) result = NULL;
    g_autoptr(JbTable) conflicts = jb_table_new(JB_CONFLICTS_HEADER);
    if (long_) {
        result = jb_series_from_wide(in, warnings, &e);
    } else {
        if (!dict_path)
            dict_path = default_dict();
        g_autoptr(JbDict) dict = dict_path ? dict_load(dict_path, &e) : NULL;
        if (e)
            return fail(e);
        opt.conflicts = conflicts;
        result = jb_reshape(in, dict, &opt, warnings, &e);
        if (result && wide) {
            JbTable *w = jb_series_to_wide(result);
            jb_table_free(result);
            result = w;
        }
    }
    if (!result)
        return fail(e);
    int status = say_diag(warnings);
    gboolean to_file = out && strcmp(out, "-") != 0;
    if (!long_ && !conflicts_path && to_file) {
        g_autofree char *dir = g_path_get_dirname(out);
        g_autofree char *base = g_path_get_basename(out);
        if (strcmp(base, "conflicts.csv") != 0) /* never over the series itself */
            conflicts_path = g_build_filename(dir, "conflicts.csv", NULL);
    }
    const char *const *ins = (const char *const *)inputs->pdata, *dict_in[] = {dict_path};
    const char *outs[][2] = {{"-o", to_file ? out : NULL}, {"-c", conflicts_path}};
    for (guint i = 0; i < G_N_ELEMENTS(outs); i++)
        if (overwrites_input(outs[i][0], outs[i][1], ins, inputs->len) ||
            overwrites_input(outs[i][0], outs[i][1], dict_in, 1))
            return EXIT_USAGE;
    if (!(excel ? write_excel_or_stdout(result, out, &e) : write_table_or_stdout(result, out, &e)))
        return fail(e);
    if (conflicts_path && !(excel ? jb_table_write_excel(conflicts, conflicts_path, &e)
                                  : jb_table_write(conflicts, conflicts_path, &e)))
        return fail(e);
    return status;
}

/* ---- jianbao chart --------------------------------------------------------------------- */

static int cmd_chart(int argc, char **argv)
{
    g_autofree char *out = NULL, *data = NULL, *metric = NULL, *spec = NULL, *type = NULL,
                    *title = NULL, *subtitle = NULL, *number_style = NULL, *theme = NULL,
                    *growth = NULL, *size = NULL, *svg_text = NULL, *dict_path = NULL, *dpi = NULL;
    double width = 0, height = 0, scale = 0;
    gboolean allow_missing = FALSE, transparent = FALSE;
    int repeat = 1;
    GOptionEntry entries[] = {
        {"repeat", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &repeat, "Render N times in one process (for benchmarking)", "N"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Output file: .png, .pdf or .svg", "FILE"},
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &data, "series.csv to draw from (default: out/series.csv)", "FILE"},
        {"metric", 'm', 0, G_OPTION_ARG_STRING, &metric, "Metric id to draw", "ID"},
        {"spec", 's', 0, G_OPTION_ARG_FILENAME, &spec, "Chart spec file (key = value lines)", "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path, "Metric dictionary: which metrics are parts of a whole (default: templates/metrics.ini)", "FILE"},
        {"type", 't', 0, G_OPTION_ARG_STRING, &type, "Chart type: " JB_CHART_TYPES " (default bar)", "TYPE"},
        {"number-style", 0, 0, G_OPTION_ARG_STRING, &number_style, "chinese (4000亿, default) or western (400B)", "STYLE"},
        {"svg-text", 0, 0, G_OPTION_ARG_STRING, &svg_text, "SVG text as paths (outlines, default) or text (<text>: selectable, editable)", "paths|text"},
        {"theme", 0, 0, G_OPTION_ARG_FILENAME, &theme, "Theme file (e.g. templates/print.theme)", "FILE"},
        {"size", 0, 0, G_OPTION_ARG_STRING, &size, "slide (1920×1080 px), a4, square or default", "NAME"},
        {"growth", 0, 0, G_OPTION_ARG_STRING, &growth, "Growth bracket from the first to the last bar: auto, none or a label (×3)", "TEXT"},
        {"title", 0, 0, G_OPTION_ARG_STRING, &title, "Title (default: the metric's label)", "TEXT"},
        {"subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle, "Subtitle", "TEXT"},
        {"width", 'W', 0, G_OPTION_ARG_DOUBLE, &width, "Width in points (default 800)", "PT"},
        {"height", 'H', 0, G_OPTION_ARG_DOUBLE, &height, "Height in points (default 450)", "PT"},
        {"scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "PNG pixels per point (default: dpi ÷ 72, 2)", "N"},
        {"dpi", 0, 0, G_OPTION_ARG_STRING, &dpi, "PNG resolution (default 144; the print theme 300)", "DPI"},
        {"allow-missing-glyphs", 0, 0, G_OPTION_ARG_NONE, &allow_missing, "Warn instead of failing on characters no font has", NULL},
        {"transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, "No background", NULL},
        {NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("— draw a chart of a series");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx, "Example: jianbao chart --data out/series.csv --metric ai.core_industry_size -o ai.png");
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    if (argc != 1) {
        say("unexpected argument '%s' (try --help)", argv[1]);
        return EXIT_USAGE;
    }
    if (!out || (!metric && !spec)) {
        say("need -o FILE and --metric ID or --spec FILE (try --help)");
        return EXIT_USAGE;
    }
    if (!data)
        data = g_strdup("out/series.csv");
    const char *chart_ins[] = {data, spec};
    if (!need_file(data) || (spec && !need_file(spec)) ||
        overwrites_input("-o", out, chart_ins, G_N_ELEMENTS(chart_ins)))
        return EXIT_USAGE;
    GError *e = NULL;
    g_autofree char *spec_text = NULL;
    if (spec && !g_file_get_contents(spec, &spec_text, NULL, &e))
        return fail(e);
    if (!spec_text)
        spec_text = g_strdup_printf("metric = %s\n", metric);
    g_autoptr(JbChart) c = jb_chart_spec_parse(spec ? spec : "--metric", 1, spec_text, &e);
    if (!c)
        return fail(e);
    /* the options override the spec, through the same setter and with its messages */
    jb_chart_set_origin(c, NULL);
    g_autofree char *w = width ? g_strdup_printf("%g", width) : NULL;
    g_autofree char *h = height ? g_strdup_printf("%g", height) : NULL;
    const struct { const char *key, *option, *value; } opts[] = {
        {"metrics", "--metric", spec ? metric : NULL}, {"type", "--type", type},
        {"number_style", "--number-style", number_style}, {"theme", "--theme", theme},
        {"growth", "--growth", growth}, {"title", "--title", title},
        {"subtitle", "--subtitle", subtitle}, {"size", "--size", size},
        {"width", "--width", w}, {"height", "--height", h},
        {"allow_missing_glyphs", "--allow-missing-glyphs", allow_missing ? "true" : NULL},
        {"transparent", "--transparent", transparent ? "true" : NULL},
        {"svg_text", "--svg-text", svg_text}, {"dpi", "--dpi", dpi}};
    for (guint i = 0; i < G_N_ELEMENTS(opts); i++)
        if (opts[i].value && !jb_chart_set(c, opts[i].key, opts[i].value, &e)) {
            g_prefix_error(&e, "%s: ", opts[i].option);
            return fail(e);
        }
    /* only parts of a whole (several metrics, a donut, a stack) ask the dictionary: reading
     * the shipped one (~300 metrics) cost a one-metric chart a fifth of its time (issue 19) */
    g_autoptr(JbDict) dict = NULL;
    JbChartKind kind = jb_chart_kind(c);
    if ((dict_path || jb_chart_metrics(c)->len > 1 || kind == JB_CHART_DONUT ||
         kind == JB_CHART_STACKED) &&
        !load_dict(dict_path, &dict, &e))
        return fail(e);
    jb_chart_set_dict(c, dict);
    g_autoptr(JbDiag) warnings = jb_diag_new();
    jb_chart_set_diag(c, warnings);
    g_autoptr(JbSeries) series = jb_series_read(data, &e);
    if (!series || !jb_chart_load_series(c, series, &e))
        return fail(e);
    for (int i = 0; i < MAX(repeat, 1); i++)
        if (!jb_chart_render(c, out, scale, &e))
            return fail(e);
    return say_diag(warnings);
}

/* ---- jianbao report -------------------------------------------------------------------- */

static int cmd_report(int argc, char **argv)
{
    g_autofree char *out = NULL, *data = NULL, *metrics = NULL, *dict_path = NULL, *previous = NULL;
    gboolean allow_missing = FALSE, png_pages = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write the PDF to FILE (default: out/briefing.pdf)", "FILE"},
        {"png-pages", 0, 0, G_OPTION_ARG_NONE, &png_pages, "Also write each page as BASE-N.png and each chart as BASE-NAME.png and .svg (slide size)", NULL},
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &data, "series.csv (default: out/series.csv)", "FILE"},
        {"metrics", 0, 0, G_OPTION_ARG_FILENAME, &metrics, "metrics.csv, for quoted sources (default: out/metrics.csv if present)", "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path, "Metric dictionary: which metrics are parts of a whole (default: templates/metrics.ini)", "FILE"},
        {"allow-missing-glyphs", 0, 0, G_OPTION_ARG_NONE, &allow_missing, "Warn instead of failing on characters no font has", NULL},
        {"previous", 0, 0, G_OPTION_ARG_FILENAME, &previous, "An earlier series.csv: a ```changes block lists what is new or changed since", "FILE"},
        {NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("TEMPLATE.md — typeset a PDF briefing");
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    if (argc != 2) {
        say("expected one TEMPLATE (try --help)");
        return EXIT_USAGE;
    }
    if (!data)
        data = g_strdup("out/series.csv");
    if (!metrics && g_file_test("out/metrics.csv", G_FILE_TEST_IS_REGULAR))
        metrics = g_strdup("out/metrics.csv");
    const char *report_ins[] = {argv[1], data, metrics, previous, dict_path};
    if (!need_file(argv[1]) || !need_file(data) || (metrics && !need_file(metrics)) ||
        (previous && !need_file(previous)) ||
        overwrites_input("-o", out ? out : "out/briefing.pdf", report_ins, G_N_ELEMENTS(report_ins)))
        return EXIT_USAGE;
    GError *e = NULL;
    g_autoptr(JbSeries) series = jb_series_read(data, &e);
    if (series && !jb_series_check(series, &e))
        g_clear_pointer(&series, jb_series_free);
    static const char *const need[] = {"metric_id", "period", "value", NULL};
    if (!series)
        return fail(e);
    g_autoptr(JbTable) mt = metrics ? read_with_columns(metrics, need, &e) : NULL;
    if (metrics && !mt)
        return fail(e);
    g_autoptr(JbDict) dict = NULL;
    if (!load_dict(dict_path, &dict, &e))
        return fail(e);
    g_autoptr(JbTable) before = previous ? jb_table_read(previous, &e) : NULL;
    if (previous && !before)
        return fail(e);
    g_autoptr(JbTable) changes = before ? jb_series_changes(before, jb_series_table(series)) : NULL;
    g_autoptr(JbDiag) warnings = jb_diag_new();
    JbReportInputs in = {.series = series, .metrics = mt, .dict = dict, .diag = warnings,
                         .allow_missing_glyphs = allow_missing, .png_pages = png_pages,
                         .changes = changes};
    if (!jb_report_render(argv[1], &in, out ? out : "out/briefing.pdf", &e))
        return fail(e);
    return say_diag(warnings);
}

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

static int cmd_build(int argc, char **argv)
{
    gboolean wait = FALSE, quiet = FALSE, verbose = FALSE, list_units = FALSE;
    int jobs = -1, batch = 0, shards = 0; /* jobs not given: the number of cores */
    g_autofree char *log = NULL, *unit = NULL;
    GOptionEntry entries[] = {
        {"wait", 0, 0, G_OPTION_ARG_NONE, &wait, "Wait for a running build instead of exiting with 5", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print nothing on success", NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Say what ran and what was reused, unit by unit", NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Extract and render with N threads (default: the number of cores)", "N"},
        {"log", 0, 0, G_OPTION_ARG_FILENAME, &log, "Append JSON Lines (events and a summary) to FILE", "FILE"},
        {"unit", 0, 0, G_OPTION_ARG_STRING, &unit, "Run one unit into OUT/.cache, without the lock (extract:N, extract:A-B, extract:I/N, chart:NAME, report, or an index into --list-units); exits 0 when it succeeded, whatever the data's warnings", "UNIT"},
        {"list-units", 0, 0, G_OPTION_ARG_NONE, &list_units, "Print the project's units, one per line", NULL},
        {"batch", 0, 0, G_OPTION_ARG_INT, &batch, "--list-units and --unit INDEX: N articles per extraction unit (extract:A-B)", "N"},
        {"shards", 0, 0, G_OPTION_ARG_INT, &shards, "--list-units and --unit INDEX: N extraction units of nearly equal size (extract:I/N)", "N"},
        {NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("[PROJECT|DIR] — run the whole pipeline (default: jianbao.project)");
    g_option_context_add_main_entries(ctx, entries, NULL);
    /* make's spelling, -j4, which GOption does not take for a short option */
    g_autoptr(GPtrArray) jn = g_ptr_array_new_with_free_func(g_free);
    for (int i = 1; i < argc; i++)
        if (g_str_has_prefix(argv[i], "-j") && argv[i][2] && g_ascii_isdigit(argv[i][2])) {
            char *a = g_strconcat("--jobs=", argv[i] + 2, NULL);
            g_ptr_array_add(jn, a);
            argv[i] = a;
        }
    g_option_context_set_summary(ctx, "extract → reshape → charts → briefing, as the project file says; only what changed\n"
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
                                      "  [chart NAME]          a chart spec (metric=, type=, title=, ... as 'jianbao chart')\n"
                                      "                        drawn to OUTPUT/charts/NAME.png and .pdf\n"
                                      "An unknown section, key or value is an error naming its line.");
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    if (argc > 2) {
        say("expected at most one PROJECT (try --help)");
        return EXIT_USAGE;
    }
    if (jobs == 0 || jobs < -1) {
        say("--jobs must be at least 1");
        return EXIT_USAGE;
    }
    if (batch < 0 || shards < 0 || (batch && shards)) {
        say("--batch and --shards take a positive number, and only one of them");
        return EXIT_USAGE;
    }
    /* a directory stands for its jianbao.project */
    g_autofree char *project = argc == 2 && g_file_test(argv[1], G_FILE_TEST_IS_DIR)
                                   ? g_build_filename(argv[1], "jianbao.project", NULL)
                                   : g_strdup(argc == 2 ? argv[1] : "jianbao.project");
    if (!need_file(project))
        return EXIT_USAGE;
    GError *e = NULL;
    JbBuildOptions opt = {.wait_for_lock = wait, .jobs = jobs > 0 ? (guint)jobs : 0,
                          .batch = (guint)batch, .shards = (guint)shards};
    if (list_units) {
        g_autoptr(GPtrArray) units = jb_build_list_units(project, &opt, &e);
        if (!units)
            return fail(e);
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
        fprintf(stderr, "jianbao: build: failing on %u warning%s (the project's fail_on=); "
                        "all in warnings.csv beside the outputs\n",
                r.failing_warnings, r.failing_warnings == 1 ? "" : "s");
    if (ok && !quiet) {
        if (r.up_to_date)
            fprintf(stderr, "jianbao: build: up to date (%u articles, %.1f ms)\n", r.articles,
                    (double)r.duration / 1000.0);
        else
            fprintf(stderr, "jianbao: build: %u articles, %u statements, %u series rows; "
                            "%u units ran, %u reused (%.1f ms)\n",
                    r.articles, r.statements, r.series_rows, r.ran, r.reused,
                    (double)r.duration / 1000.0);
        if (r.warnings && !unit)
            fprintf(stderr, "jianbao: build: %u warning%s (%u new), listed in warnings.csv "
                            "beside the outputs\n",
                    r.warnings, r.warnings == 1 ? "" : "s", r.new_warnings);
        for (guint i = 0; i < r.outputs->len; i++)
            fprintf(stderr, "  wrote %s\n", (char *)g_ptr_array_index(r.outputs, i));
    }
    if (log && !jb_build_log_append(log, &r, status, &e)) {
        say("%s", e->message);
        g_clear_error(&e);
        if (status == EXIT_OK || status == EXIT_WARNINGS)
            status = EXIT_OUTPUT;
    }
    jb_build_result_clear(&r);
    return status;
}

/* ---- jianbao suggest ------------------------------------------------------------------- */

static int cmd_suggest(int argc, char **argv)
{
    g_autofree char *out = NULL, *dict_path = NULL, *extends = NULL;
    gint n = 20;
    GOptionEntry entries[] = {
        {"number", 'n', 0, G_OPTION_ARG_INT, &n, "List the N most frequent phrases (default 20)", "N"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Write a metrics.ini stub naming them to FILE", "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path, "Skip phrases this dictionary names now (default: templates/metrics.ini)", "FILE"},
        {"extends", 0, 0, G_OPTION_ARG_STRING, &extends, "The dictionary the stub extends (default: templates/metrics.ini)", "PATH"},
        {NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("METRICS.csv... — what the dictionary does not know");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx, "Lists the most frequent metric phrases of statements without a metric id, with\n"
                                      "their count, articles, unit and an example quote (tab-separated, after a line\n"
                                      "of totals), and with -o writes a metrics.ini stub that extends the dictionary\n"
                                      "with a metric for each. Words of change and scope are cut from a phrase\n"
                                      "(道指涨 → 道指); a phrase of one character, or none, is not listed.");
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    g_autoptr(GPtrArray) inputs = inputs_given(argc, argv, "expected METRICS.csv (try --help)");
    if (!inputs)
        return EXIT_USAGE;
    if (n < 1) {
        say("-n must be at least 1");
        return EXIT_USAGE;
    }
    const char *dict_in[] = {dict_path};
    if (overwrites_input("-o", out, (const char *const *)inputs->pdata, inputs->len) ||
        overwrites_input("-o", out, dict_in, 1))
        return EXIT_USAGE;
    GError *e = NULL;
    g_autoptr(JbDict) dict = NULL;
    if (!load_dict(dict_path, &dict, &e))
        return fail(e);
    g_autoptr(JbTable) metrics = read_metrics(inputs, &e);
    if (!metrics)
        return e ? fail(e) : EXIT_USAGE;
    JbSuggestTotals t;
    g_autoptr(GPtrArray) found = jb_suggest(metrics, dict, &t, &e);
    if (!found)
        return fail(e);
    printf("# %u statements, %u named by the dictionary (%.1f%%); %u unnamed in %u phrases",
           t.rows, t.known, t.rows ? 100.0 * t.known / t.rows : 0.0, t.unnamed, found->len);
    if (found->len > (guint)n)
        printf(", the %d most frequent", n);
    printf("\n");
    printf("count\tarticles\tunit\tphrase\texample\n");
    for (guint i = 0; i < found->len && i < (guint)n; i++) {
        const JbSuggestion *s = found->pdata[i];
        g_autofree char *base = g_path_get_basename(s->source);
        g_autofree char *quote = g_strdelimit(g_strdup(s->quote), "\t\r\n", ' ');
        printf("%u\t%u\t%s\t%s\t%s (%s)\n", s->count, s->sources, s->unit, s->phrase, quote, base);
    }
    if (out) {
        g_autoptr(GString) stub = jb_suggest_stub(found, (guint)n, extends ? extends : "templates/metrics.ini");
        if (!jb_write_file_atomic(out, stub->str, stub->len, &e))
            return fail(e);
    }
    return EXIT_OK;
}

/* ---- jianbao init ---------------------------------------------------------------------- */

static int cmd_init(int argc, char **argv)
{
    GOptionEntry entries[] = {{NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("DIR — start a project of one's own");
    g_option_context_set_summary(ctx, "Writes DIR/jianbao.project, DIR/metrics.ini (your metrics, extending the shipped\n"
                                      "dictionary), DIR/README and an empty DIR/articles/. Then put articles there and\n"
                                      "run 'jianbao build DIR'.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    if (argc != 2) {
        say("expected one DIR (try --help)");
        return EXIT_USAGE;
    }
    GError *e = NULL;
    g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func(g_free);
    if (!jb_build_init_project(argv[1], written, &e))
        return fail(e);
    for (guint i = 0; i < written->len; i++)
        printf("wrote %s\n", (char *)g_ptr_array_index(written, i));
    return EXIT_OK;
}

/* ---- jianbao number -------------------------------------------------------------------- */

/* A quantity's value as `jianbao number` prints it: "5.9", a range "5..5.5". */
static char *quantity_text(const JbQuantity *q)
{
    g_autofree char *v = jb_decimal_to_string_stated(q->value);
    if (!q->is_range)
        return g_steal_pointer(&v);
    g_autofree char *h = jb_decimal_to_string_stated(q->high);
    return g_strconcat(v, "..", h, NULL);
}

/* --scan: every quantity of a line of text, one output line each. */
static void scan_line(const char *line, const char *norm)
{
    JbQuantity q;
    gsize len = strlen(norm);
    gboolean any = FALSE;
    for (gsize from = 0; from < len && jb_number_scan(norm, len, from, &q); from = q.end) {
        g_autofree char *v = quantity_text(&q);
        g_autofree char *expr = g_strndup(norm + q.start, q.end - q.start);
        printf("%s\t%s\t%s\t%s\n", expr, v, q.unit, jb_bound_name(q.bound));
        any = TRUE;
    }
    if (!any)
        printf("%s\t\t\t\n", line);
}

static int cmd_number(int argc, char **argv)
{
    gboolean scan = FALSE;
    GOptionEntry entries[] = {
        {"scan", 0, 0, G_OPTION_ARG_NONE, &scan,
         "Read each line as text and print every quantity in it, one line each", NULL},
        {NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("— parse one number expression per stdin line");
    g_option_context_set_summary(ctx, "Prints expression<TAB>value<TAB>unit<TAB>bound; value is empty when the\n"
                                      "expression is not a quantity, and LOW..HIGH for a range.\n"
                                      "Example: echo 超过4000亿元 | jianbao number");
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!parse(ctx, &argc, &argv))
        return EXIT_USAGE;
    /* Lines of any length (a 10,000-digit number is one line, and not a quantity); the
     * expression is normalised as articles are (４０００, ％, ∶) and printed as written. */
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&buf, &cap, stdin)) >= 0) {
        buf[strcspn(buf, "\r\n")] = 0;
        if (!g_utf8_validate(buf, -1, NULL)) {
            printf("%s\t\t\t\n", "(invalid UTF-8)");
            continue;
        }
        JbQuantity q;
        g_autofree char *norm = jb_normalize(buf, -1);
        if (scan) {
            scan_line(buf, norm);
        } else if (jb_number_parse(norm, &q, NULL)) {
            g_autofree char *v = quantity_text(&q);
            printf("%s\t%s\t%s\t%s\n", buf, v, q.unit, jb_bound_name(q.bound));
        } else {
            printf("%s\t\t\t\n", buf);
        }
    }
    free(buf);
    return EXIT_OK;
}

/* ---- dispatch -------------------------------------------------------------------------- */

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *what;
} COMMANDS[] = {
    {"extract", cmd_extract, "articles → metrics.csv (one row per quantitative statement)"},
    {"reshape", cmd_reshape, "metrics.csv → series.csv (one value per metric and period)"},
    {"chart", cmd_chart, "series.csv → a chart as PNG, PDF or SVG"},
    {"report", cmd_report, "template + series.csv → a PDF briefing"},
    {"build", cmd_build, "the whole pipeline from a project file, for cron"},
    {"init", cmd_init, "start a project: DIR/jianbao.project, metrics.ini, articles/"},
    {"suggest", cmd_suggest, "metrics.csv → the phrases the dictionary does not know, a metrics.ini stub"},
    {"number", cmd_number, "parse number expressions from stdin (for scripts and checking)"},
};

static void usage(FILE *f)
{
    fprintf(f, "Usage: jianbao COMMAND [OPTION...]\n\n"
               "Turns Chinese industry news into metrics, charts and PDF briefings.\n\nCommands:\n");
    for (guint i = 0; i < G_N_ELEMENTS(COMMANDS); i++)
        fprintf(f, "  %-8s  %s\n", COMMANDS[i].name, COMMANDS[i].what);
    fprintf(f, "\n'jianbao COMMAND --help' describes each command's options.\n"
               "  --version   print the version\n");
}

/* For the commands that draw: a PDF embeds each font as cairo subsets it, and cairo reads the
 * font's whole CFF table (2.9 MB for each of the two subsets) into a new buffer to do so.
 * glibc maps buffers that large afresh and unmaps them on free, so each costs ~715 page
 * faults, a third of a cold PDF chart's, and the next font's buffer costs them again. Here
 * they come from the heap and stay in it when freed (up to 32 MB), for the next font and the
 * next chart. The other commands keep glibc's defaults. */
static void keep_freed_memory(void)
{
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
}

/* ---- running out of memory ---------------------------------------------------------- */

/* GLib ends the process when an allocation fails (g_error: "failed to allocate N bytes"),
 * and so when it cannot start a thread; cairo and pango may crash instead. Either way the
 * user gets one line saying what happened, not a bare abort. Outputs are written under
 * temporary names and renamed when complete, so nothing good is lost (jianbao build sweeps
 * the temporary files). */
static const char *field_of(const GLogField *fields, gsize n, const char *key)
{
    for (gsize i = 0; i < n; i++)
        if (strcmp(fields[i].key, key) == 0 && fields[i].length < 0)
            return fields[i].value;
    return "";
}

/* When pango cannot make a font for cairo (cairo runs out of memory loading it), pango
 * warns "failed to create cairo scaled font, expect ugly output" and draws boxes or nothing:
 * the chart or briefing would be written, exit 0, its text gone. That is an error: one line
 * saying so, and the process ends before any output replaces a good one. */
static gboolean font_failed(const GLogField *fields, gsize n)
{
    const char *msg = field_of(fields, n, "MESSAGE");
    if (strcmp(field_of(fields, n, "GLIB_DOMAIN"), "Pango") != 0 ||
        !strstr(msg, "failed to create cairo") || !strstr(msg, "expect ugly output"))
        return FALSE;
    const char *font = strstr(msg, "the offending font is ");
    fprintf(stderr, "jianbao: %s: out of memory (pango could not load the font %s, or its file "
            "is damaged); nothing was written\n", stage ? stage : "main",
            font ? font + strlen("the offending font is ") : "");
    fflush(stderr);
    return TRUE;
}

static GLogWriterOutput fatal_writer(GLogLevelFlags level, const GLogField *fields, gsize n,
                                     gpointer data)
{
    (void)data;
    if (level & G_LOG_LEVEL_ERROR) {
        const char *msg = "";
        for (gsize i = 0; i < n; i++)
            if (strcmp(fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
                msg = fields[i].value;
        if (strstr(msg, "failed to allocate") || strstr(msg, "Resource temporarily unavailable"))
            fprintf(stderr, "jianbao: %s: out of memory (%s); the input is too large for the "
                    "memory this process may use\n", stage ? stage : "main", msg);
        else
            fprintf(stderr, "jianbao: %s: fatal error: %s\n", stage ? stage : "main", msg);
        fflush(stderr);
        jb_atomic_remove_temps();
        _exit(EXIT_INPUT);
    }
    if (font_failed(fields, n)) {
        jb_atomic_remove_temps();
        _exit(EXIT_INPUT);
    }
    return g_log_writer_default(level, fields, n, data);
}

static void on_crash(int sig)
{
    /* only async-signal-safe calls: write(2), unlink(2), then the default action (a core,
     * the status) */
    static const char msg[] = "jianbao: crashed (out of memory in cairo or pango, or a bug); "
                              "previous outputs are intact\n";
    ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    jb_atomic_remove_temps();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Killed (SIGTERM from cron's timeout or kill, ^C, a closed terminal): the temporary files of
 * outputs not yet complete are removed, then the signal does what it would have (the exit
 * status says which). kill -9 cannot be caught: `jianbao build` sweeps what it leaves. */
static void on_kill(int sig)
{
    jb_atomic_remove_temps();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A signal ignored when the process starts (nohup, a background job's ^C) stays ignored. */
static void catch_unless_ignored(int sig)
{
    if (signal(sig, on_kill) == SIG_IGN)
        signal(sig, SIG_IGN);
}

int main(int argc, char **argv)
{
    g_log_set_writer_func(fatal_writer, NULL, NULL);
    signal(SIGSEGV, on_crash);
    signal(SIGBUS, on_crash);
    signal(SIGABRT, on_crash);
    catch_unless_ignored(SIGTERM);
    catch_unless_ignored(SIGINT);
    catch_unless_ignored(SIGHUP);
    /* The user's locale for reading their file names and terminal (LC_CTYPE), never for
     * numbers or order: printf's %f in a decimal-comma locale (de_DE) broke pango markup
     * (a briefing failed) and the JSON log; collation would reorder inputs. Every output is
     * the same under any locale (tests/cli/locale.t). */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    setlocale(LC_COLLATE, "C");
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("jianbao %s\n", JB_VERSION);
        return EXIT_OK;
    }
    for (guint i = 0; i < G_N_ELEMENTS(COMMANDS); i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0) {
            stage = COMMANDS[i].name;
            if (COMMANDS[i].run == cmd_chart || COMMANDS[i].run == cmd_report ||
                COMMANDS[i].run == cmd_build)
                keep_freed_memory();
            /* the command sees itself as argv[0], so its --help reads "jianbao extract" */
            g_autofree char *self = g_strconcat("jianbao ", COMMANDS[i].name, NULL);
            g_set_prgname(self);
            argv[1] = self;
            return COMMANDS[i].run(argc - 1, argv + 1);
        }
    say("unknown command '%s' (try --help)", argv[1]);
    return EXIT_USAGE;
}
