/* jb_cli_series.c — the commands that read metrics.csv: jianbao reshape (→ series.csv) and
 * jianbao suggest (the phrases the dictionary does not know).
 */
#include "jb_cli.h"

#include "jb_merge.h"
#include "jb_period.h"
#include "jb_reshape.h"
#include "jb_suggest.h"

#include <stdio.h>
#include <string.h>

/* ---- jianbao reshape ------------------------------------------------------------------- */

/* `t` as CSV to `out`, or to stdout when `out` is NULL or "-"; with `excel` for spreadsheets:
 * a BOM, formula-like cells neutralised. */
static gboolean write_or_stdout(const JbTable *t, const char *out, gboolean excel, GError **error)
{
    if (out && strcmp(out, "-") != 0)
        return excel ? jb_table_write_excel(t, out, error) : jb_table_write(t, out, error);
    g_autoptr(GString) csv = excel ? jb_table_to_excel_csv(t) : jb_table_to_csv(t);
    fwrite(csv->str, 1, csv->len, stdout);
    return fflush(stdout) == 0 ||
           (g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "stdout: write failed"), FALSE);
}

/* The one table reshape reads: the file itself, or several merged as a set (jb_merge.h),
 * each needing the columns reshape needs. NULL with `error` set, or unset after saying why. */
static JbTable *read_metrics(GPtrArray *inputs, GError **error)
{
    for (guint i = 0; i < inputs->len; i++)
        if (!cli_need_file(inputs->pdata[i]))
            return NULL;
    if (inputs->len == 1)
        return jb_table_read(inputs->pdata[0], error);
    g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func((GDestroyNotify)jb_table_free);
    static const char *const need[] = {"metric_id", "period", "value", "unit", NULL};
    for (guint i = 0; i < inputs->len; i++) {
        JbTable *t = cli_read_with_columns(inputs->pdata[i], need, error);
        if (!t)
            return NULL;
        g_ptr_array_add(tables, t);
    }
    return jb_metrics_merge((JbTable *const *)tables->pdata, tables->len);
}

int cmd_reshape(int argc, char **argv)
{
    g_autofree char *out = NULL, *dict_path = NULL, *period = NULL, *conflicts_path = NULL,
                    *since = NULL, *until = NULL;
    g_auto(GStrv) metric = NULL, subject = NULL, derive = NULL;
    gboolean strict = FALSE, known_only = FALSE, wide = FALSE, long_ = FALSE, excel = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
         "Write series.csv to FILE (default: stdout)", "FILE"},
        {"conflicts", 'c', 0, G_OPTION_ARG_FILENAME, &conflicts_path,
         "Write conflicts to FILE (default: conflicts.csv beside --output)", "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path,
         "Metric dictionary: labels, base units, subjects", "FILE"},
        {"period", 0, 0, G_OPTION_ARG_STRING, &period,
         "year: chart 2022-06 as 2022; keep (default): as stated", "year|keep"},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Fail on the first malformed row", NULL},
        {"metric", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &metric,
         "Only this metric id and ids under it (repeatable)", "ID"},
        {"subject", 0, 0, G_OPTION_ARG_STRING_ARRAY, &subject,
         "Only statements about SUBJECT (repeatable)", "SUBJECT"},
        {"since", 0, 0, G_OPTION_ARG_STRING, &since, "Only periods from PERIOD on (YYYY[-MM[-DD]])",
         "PERIOD"},
        {"until", 0, 0, G_OPTION_ARG_STRING, &until, "Only periods up to PERIOD", "PERIOD"},
        {"known-only", 0, 0, G_OPTION_ARG_NONE, &known_only,
         "Only rows with a metric_id (others: unknown:SUBJECT:METRIC)", NULL},
        {"derive", 0, 0, G_OPTION_ARG_STRING_ARRAY, &derive,
         "Add derived series: change,multiple,cagr,yoy or all", "LIST"},
        {"wide", 0, 0, G_OPTION_ARG_NONE, &wide, "One row per period, one column per metric", NULL},
        {"long", 0, 0, G_OPTION_ARG_NONE, &long_,
         "The input is a --wide file: write it back as series.csv", NULL},
        {"excel", 0, 0, G_OPTION_ARG_NONE, &excel,
         "For Excel/WPS: UTF-8 BOM, formula-like cells neutralised", NULL},
        {NULL}};
    if (!cli_options(&argc, &argv, "METRICS.csv... — merge statements into series", entries,
                     "One value per metric and period; duplicates merged with all their sources,\n"
                     "conflicts resolved by the documented rule and reported on stderr and in\n"
                     "conflicts.csv. Exit 1 when a row was skipped or a conflict resolved.\n"
                     "Several METRICS.csv (or @LIST, a file of paths one a line; @- reads\n"
                     "it from stdin) merge as a set: their order does not matter."))
        return EXIT_USAGE;
    g_autoptr(GPtrArray) inputs = cli_inputs_given(argc, argv, "expected METRICS.csv (try --help)");
    if (!inputs)
        return EXIT_USAGE;
    if (long_ && inputs->len != 1) {
        cli_say("--long reads one wide file");
        return EXIT_USAGE;
    }
    if (period && strcmp(period, "year") != 0 && strcmp(period, "keep") != 0) {
        cli_say("--period must be year or keep, not '%s'", period);
        return EXIT_USAGE;
    }
    const char *bounds[][2] = {{"--since", since}, {"--until", until}};
    for (guint i = 0; i < G_N_ELEMENTS(bounds); i++)
        if (bounds[i][1] && !jb_period_valid(bounds[i][1])) {
            cli_say(
                "%s must be a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or START/END), "
                "not '%s'",
                bounds[i][0], bounds[i][1]);
            return EXIT_USAGE;
        }
    if (long_ && (wide || period || metric || subject || since || until || known_only || derive ||
                  conflicts_path)) {
        cli_say("--long takes only -o and --excel");
        return EXIT_USAGE;
    }
    JbReshapeOptions opt = {.year_periods = period && strcmp(period, "year") == 0,
                            .include_unknown = !known_only,
                            .strict = strict,
                            .metrics = (const char *const *)metric,
                            .subjects = (const char *const *)subject,
                            .since = since,
                            .until = until};
    GError *e = NULL;
    for (char **d = derive; d && *d; d++)
        if (!jb_derive_parse(*d, &opt.derive, &e))
            return cli_fail(e);
    g_autoptr(JbTable) in = read_metrics(inputs, &e);
    if (!in)
        return e ? cli_fail(e) : EXIT_USAGE;
    g_autoptr(JbDiag) warnings = jb_diag_new();
    g_autoptr(JbTable) result = NULL;
    g_autoptr(JbTable) conflicts = jb_table_new(JB_CONFLICTS_HEADER);
    if (long_) {
        result = jb_series_from_wide(in, warnings, &e);
    } else {
        if (!dict_path)
            dict_path = cli_default_dict();
        g_autoptr(JbDict) dict = dict_path ? cli_dict_load(dict_path, &e) : NULL;
        if (e)
            return cli_fail(e);
        opt.conflicts = conflicts;
        result = jb_reshape(in, dict, &opt, warnings, &e);
        if (result && wide) {
            JbTable *w = jb_series_to_wide(result);
            jb_table_free(result);
            result = w;
        }
    }
    if (!result)
        return cli_fail(e);
    int status = cli_say_diag(warnings);
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
        if (cli_overwrites_input(outs[i][0], outs[i][1], ins, inputs->len) ||
            cli_overwrites_input(outs[i][0], outs[i][1], dict_in, 1))
            return EXIT_USAGE;
    if (!write_or_stdout(result, out, excel, &e))
        return cli_fail(e);
    if (conflicts_path && !(excel ? jb_table_write_excel(conflicts, conflicts_path, &e)
                                  : jb_table_write(conflicts, conflicts_path, &e)))
        return cli_fail(e);
    return status;
}

/* ---- jianbao suggest ------------------------------------------------------------------- */

int cmd_suggest(int argc, char **argv)
{
    g_autofree char *out = NULL, *dict_path = NULL, *extends = NULL;
    gint n = 20;
    GOptionEntry entries[] = {
        {"number", 'n', 0, G_OPTION_ARG_INT, &n, "List the N most frequent phrases (default 20)",
         "N"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
         "Write a metrics.ini stub naming them to FILE", "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path,
         "Skip phrases this dictionary names now (default: templates/metrics.ini)", "FILE"},
        {"extends", 0, 0, G_OPTION_ARG_STRING, &extends,
         "The dictionary the stub extends (default: templates/metrics.ini)", "PATH"},
        {NULL}};
    if (!cli_options(
            &argc, &argv, "METRICS.csv... — what the dictionary does not know", entries,
            "Lists the most frequent metric phrases of statements without a metric id, with\n"
            "their count, articles, unit and an example quote (tab-separated, after a line\n"
            "of totals), and with -o writes a metrics.ini stub that extends the dictionary\n"
            "with a metric for each. Words of change and scope are cut from a phrase\n"
            "(道指涨 → 道指); a phrase of one character, or none, is not listed."))
        return EXIT_USAGE;
    g_autoptr(GPtrArray) inputs = cli_inputs_given(argc, argv, "expected METRICS.csv (try --help)");
    if (!inputs)
        return EXIT_USAGE;
    if (n < 1) {
        cli_say("-n must be at least 1");
        return EXIT_USAGE;
    }
    const char *dict_in[] = {dict_path};
    if (cli_overwrites_input("-o", out, (const char *const *)inputs->pdata, inputs->len) ||
        cli_overwrites_input("-o", out, dict_in, 1))
        return EXIT_USAGE;
    GError *e = NULL;
    g_autoptr(JbDict) dict = NULL;
    if (!cli_load_dict(dict_path, &dict, &e))
        return cli_fail(e);
    g_autoptr(JbTable) metrics = read_metrics(inputs, &e);
    if (!metrics)
        return e ? cli_fail(e) : EXIT_USAGE;
    JbSuggestTotals t;
    g_autoptr(GPtrArray) found = jb_suggest(metrics, dict, &t, &e);
    if (!found)
        return cli_fail(e);
    printf("# %u statements, %u named by the dictionary (%.1f%%); %u unnamed in %u phrases", t.rows,
           t.known, t.rows ? 100.0 * t.known / t.rows : 0.0, t.unnamed, found->len);
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
        g_autoptr(GString)
            stub = jb_suggest_stub(found, (guint)n, extends ? extends : "templates/metrics.ini");
        if (!jb_write_file_atomic(out, stub->str, stub->len, &e))
            return cli_fail(e);
    }
    return EXIT_OK;
}
