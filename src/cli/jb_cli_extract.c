/* jb_cli_extract.c — the commands that read text: jianbao extract (articles → metrics.csv)
 * and jianbao number (number expressions, for scripts and checking).
 */
#include "jb_cli.h"

#include "jb_article.h"
#include "jb_extract.h"
#include "jb_normalize.h"
#include "jb_number.h"
#include "jb_publishers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- jianbao extract ------------------------------------------------------------------- */

int cmd_extract(int argc, char **argv)
{
    g_autofree char *out = NULL, *dict_path = NULL, *encoding = NULL, *published = NULL;
    g_autofree char *pub_path = NULL;
    gboolean strict = FALSE, append = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
         "Write metrics.csv to FILE (default: stdout)", "FILE"},
        {"append", 'a', 0, G_OPTION_ARG_NONE, &append,
         "Append the rows to -o FILE (the header only when it is empty), whole, under a lock: for many processes at once (xargs -P)",
         NULL},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path,
         "Metric dictionary (default: templates/metrics.ini)", "FILE"},
        {"publishers", 0, 0, G_OPTION_ARG_FILENAME, &pub_path,
         "Publishers by site and file name, for pages that name none (default: templates/publishers.tsv)",
         "FILE"},
        {"encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
         "Input encoding (default: detect UTF-8 or GB18030)", "ENC"},
        {"published", 0, 0, G_OPTION_ARG_STRING, &published,
         "The articles' date, overriding what they say", "DATE"},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &strict,
         "Stop at the first article that cannot be read or needed repair; write nothing", NULL},
        {NULL}};
    /* @LIST: see expand_lists */
    if (!cli_options(&argc, &argv, "ARTICLE... — find quantitative statements", entries,
                     "Reads articles (text, HTML, Markdown; UTF-8 or GB18030) and writes one\n"
                     "metrics.csv row per quantitative statement. @LIST reads the articles' paths\n"
                     "from LIST, one a line (@- from stdin). -o replaces its file, whole; with\n"
                     "--append, processes running at once add to one file, each its rows whole:\n"
                     "  ls articles/* | xargs -P 4 jianbao extract --append -o metrics.csv"))
        return EXIT_USAGE;
    g_autoptr(GPtrArray) inputs = cli_inputs_given(argc, argv, "no ARTICLE given (try --help)");
    if (!inputs)
        return EXIT_USAGE;
    for (guint i = 0; i < inputs->len; i++)
        if (!cli_need_file(inputs->pdata[i]))
            return EXIT_USAGE;
    if (append && (!out || strcmp(out, "-") == 0)) {
        cli_say("--append needs -o FILE");
        return EXIT_USAGE;
    }
    /* -o an article given to read would replace it with its own rows */
    if (cli_same_file(out, (const char *const *)inputs->pdata, inputs->len) >= 0) {
        cli_say("-o %s is one of the articles to read: it would be overwritten", out);
        return EXIT_USAGE;
    }
    if (!dict_path)
        dict_path = cli_default_dict();
    GError *e = NULL;
    g_autoptr(JbDict) dict = dict_path ? cli_dict_load(dict_path, &e) : NULL;
    if (!dict)
        return e ? cli_fail(e) : (cli_say("templates/metrics.ini not found"), EXIT_USAGE);
    if (pub_path && !cli_need_file(pub_path))
        return EXIT_USAGE;
    if (!pub_path)
        pub_path = jb_data_path("templates/publishers.tsv"); /* none: hosts name themselves */
    g_autoptr(JbPublishers) pubs = pub_path ? jb_publishers_load(pub_path, &e) : NULL;
    if (pub_path && !pubs)
        return cli_fail(e);
    /* Rows go out article by article (memory bounded by the largest article); the file
     * appears only when complete. Warnings (bytes skipped, markup repaired, numbers too
     * long) exit 1 and, with --strict, stop like an unreadable article. */
    g_autoptr(GPtrArray) append_warnings = g_ptr_array_new_with_free_func(g_free);
    JbMetricsWriter *w = append ? jb_metrics_writer_open_append(out, append_warnings, &e)
                                : jb_metrics_writer_open(out, &e);
    if (!w)
        return cli_fail(e);
    int status = EXIT_OK;
    g_autoptr(JbExtractor) x = jb_extractor_new(dict);
    for (guint i = 0; i < inputs->len; i++) {
        g_autoptr(JbArticle) a = jb_article_load(inputs->pdata[i], encoding, published, &e);
        if (!a) {
            int code = cli_fail(e);
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
        if (cli_say_diag(a->warnings) + cli_say_diag(warnings) > 0) {
            status = MAX(status, EXIT_WARNINGS);
            if (strict) {
                jb_metrics_writer_abort(w);
                return EXIT_INPUT;
            }
        }
        if (!jb_metrics_writer_add(w, st, &e)) {
            jb_metrics_writer_abort(w);
            return cli_fail(e);
        }
    }
    gboolean closed = jb_metrics_writer_close(w, &e);
    for (guint k = 0; k < append_warnings->len; k++)
        cli_say("%s", (char *)g_ptr_array_index(append_warnings, k));
    if (!closed)
        return cli_fail(e);
    return append_warnings->len ? MAX(status, EXIT_WARNINGS) : status;
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

int cmd_number(int argc, char **argv)
{
    gboolean scan = FALSE;
    GOptionEntry entries[] = {
        {"scan", 0, 0, G_OPTION_ARG_NONE, &scan,
         "Read each line as text and print every quantity in it, one line each", NULL},
        {NULL}};
    if (!cli_options(&argc, &argv, "— parse one number expression per stdin line", entries,
                     "Prints expression<TAB>value<TAB>unit<TAB>bound; value is empty when the\n"
                     "expression is not a quantity, and LOW..HIGH for a range.\n"
                     "Example: echo 超过4000亿元 | jianbao number"))
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
