/* jb_cli_render.c — the commands that draw: jianbao chart (series.csv → PNG, PDF, SVG) and
 * jianbao report (template + series.csv → a PDF briefing).
 */
#include "jb_cli.h"

#include "jb_changes.h"
#include "jb_chart.h"
#include "jb_report.h"

#include <string.h>

/* ---- jianbao chart --------------------------------------------------------------------- */

int cmd_chart(int argc, char **argv)
{
    g_autofree char *out = NULL, *data = NULL, *metric = NULL, *spec = NULL, *type = NULL,
                    *title = NULL, *subtitle = NULL, *number_style = NULL, *theme = NULL,
                    *growth = NULL, *size = NULL, *svg_text = NULL, *dict_path = NULL, *dpi = NULL;
    double width = 0, height = 0, scale = 0;
    gboolean allow_missing = FALSE, transparent = FALSE;
    int repeat = 1;
    GOptionEntry entries[] = {
        {"repeat", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &repeat,
         "Render N times in one process (for benchmarking)", "N"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Output file: .png, .pdf or .svg", "FILE"},
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &data,
         "series.csv to draw from (default: out/series.csv)", "FILE"},
        {"metric", 'm', 0, G_OPTION_ARG_STRING, &metric, "Metric id to draw", "ID"},
        {"spec", 's', 0, G_OPTION_ARG_FILENAME, &spec, "Chart spec file (key = value lines)",
         "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path,
         "Metric dictionary: which metrics are parts of a whole (default: templates/metrics.ini)",
         "FILE"},
        {"type", 't', 0, G_OPTION_ARG_STRING, &type, "Chart type: " JB_CHART_TYPES " (default bar)",
         "TYPE"},
        {"number-style", 0, 0, G_OPTION_ARG_STRING, &number_style,
         "chinese (4000亿, default) or western (400B)", "STYLE"},
        {"svg-text", 0, 0, G_OPTION_ARG_STRING, &svg_text,
         "SVG text as paths (outlines, default) or text (<text>: selectable, editable)",
         "paths|text"},
        {"theme", 0, 0, G_OPTION_ARG_FILENAME, &theme, "Theme file (e.g. templates/print.theme)",
         "FILE"},
        {"size", 0, 0, G_OPTION_ARG_STRING, &size, "slide (1920×1080 px), a4, square or default",
         "NAME"},
        {"growth", 0, 0, G_OPTION_ARG_STRING, &growth,
         "Growth bracket from the first to the last bar: auto, none or a label (×3)", "TEXT"},
        {"title", 0, 0, G_OPTION_ARG_STRING, &title, "Title (default: the metric's label)", "TEXT"},
        {"subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle, "Subtitle", "TEXT"},
        {"width", 'W', 0, G_OPTION_ARG_DOUBLE, &width, "Width in points (default 800)", "PT"},
        {"height", 'H', 0, G_OPTION_ARG_DOUBLE, &height, "Height in points (default 450)", "PT"},
        {"scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "PNG pixels per point (default: dpi ÷ 72, 2)",
         "N"},
        {"dpi", 0, 0, G_OPTION_ARG_STRING, &dpi,
         "PNG resolution (default 144; the print theme 300)", "DPI"},
        {"allow-missing-glyphs", 0, 0, G_OPTION_ARG_NONE, &allow_missing,
         "Warn instead of failing on characters no font has", NULL},
        {"transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, "No background", NULL},
        {NULL}};
    if (!cli_options(
            &argc, &argv, "— draw a chart of a series", entries,
            "Example: jianbao chart --data out/series.csv --metric ai.core_industry_size -o ai.png"))
        return EXIT_USAGE;
    if (argc != 1) {
        cli_say("unexpected argument '%s' (try --help)", argv[1]);
        return EXIT_USAGE;
    }
    if (!out || (!metric && !spec)) {
        cli_say("need -o FILE and --metric ID or --spec FILE (try --help)");
        return EXIT_USAGE;
    }
    if (!data)
        data = g_strdup("out/series.csv");
    const char *chart_ins[] = {data, spec};
    if (!cli_need_file(data) || (spec && !cli_need_file(spec)) ||
        cli_overwrites_input("-o", out, chart_ins, G_N_ELEMENTS(chart_ins)))
        return EXIT_USAGE;
    GError *e = NULL;
    g_autofree char *spec_text = NULL;
    if (spec && !g_file_get_contents(spec, &spec_text, NULL, &e))
        return cli_fail(e);
    if (!spec_text)
        spec_text = g_strdup_printf("metric = %s\n", metric);
    g_autoptr(JbChart) c = jb_chart_spec_parse(spec ? spec : "--metric", 1, spec_text, &e);
    if (!c)
        return cli_fail(e);
    /* the options override the spec, through the same setter and with its messages */
    jb_chart_set_origin(c, NULL);
    g_autofree char *w = width ? g_strdup_printf("%g", width) : NULL;
    g_autofree char *h = height ? g_strdup_printf("%g", height) : NULL;
    const struct {
        const char *key, *option, *value;
    } opts[] = {{"metrics", "--metric", spec ? metric : NULL},
                {"type", "--type", type},
                {"number_style", "--number-style", number_style},
                {"theme", "--theme", theme},
                {"growth", "--growth", growth},
                {"title", "--title", title},
                {"subtitle", "--subtitle", subtitle},
                {"size", "--size", size},
                {"width", "--width", w},
                {"height", "--height", h},
                {"allow_missing_glyphs", "--allow-missing-glyphs", allow_missing ? "true" : NULL},
                {"transparent", "--transparent", transparent ? "true" : NULL},
                {"svg_text", "--svg-text", svg_text},
                {"dpi", "--dpi", dpi}};
    for (guint i = 0; i < G_N_ELEMENTS(opts); i++)
        if (opts[i].value && !jb_chart_set(c, opts[i].key, opts[i].value, &e)) {
            g_prefix_error(&e, "%s: ", opts[i].option);
            return cli_fail(e);
        }
    /* only parts of a whole (several metrics, a donut, a stack) ask the dictionary: reading
     * the shipped one (~300 metrics) cost a one-metric chart a fifth of its time (issue 19) */
    g_autoptr(JbDict) dict = NULL;
    JbChartKind kind = jb_chart_kind(c);
    if ((dict_path || jb_chart_metrics(c)->len > 1 || kind == JB_CHART_DONUT ||
         kind == JB_CHART_STACKED) &&
        !cli_load_dict(dict_path, &dict, &e))
        return cli_fail(e);
    jb_chart_set_dict(c, dict);
    g_autoptr(JbDiag) warnings = jb_diag_new();
    jb_chart_set_diag(c, warnings);
    g_autoptr(JbSeries) series = jb_series_read(data, &e);
    if (!series || !jb_chart_load_series(c, series, &e))
        return cli_fail(e);
    for (int i = 0; i < MAX(repeat, 1); i++)
        if (!jb_chart_render(c, out, scale, &e))
            return cli_fail(e);
    return cli_say_diag(warnings);
}

/* ---- jianbao report -------------------------------------------------------------------- */

int cmd_report(int argc, char **argv)
{
    g_autofree char *out = NULL, *data = NULL, *metrics = NULL, *dict_path = NULL, *previous = NULL;
    gboolean allow_missing = FALSE, png_pages = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
         "Write the PDF to FILE (default: out/briefing.pdf)", "FILE"},
        {"png-pages", 0, 0, G_OPTION_ARG_NONE, &png_pages,
         "Also write each page as BASE-N.png and each chart as BASE-NAME.png and .svg (slide size)",
         NULL},
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &data, "series.csv (default: out/series.csv)",
         "FILE"},
        {"metrics", 0, 0, G_OPTION_ARG_FILENAME, &metrics,
         "metrics.csv, for quoted sources (default: out/metrics.csv if present)", "FILE"},
        {"dict", 0, 0, G_OPTION_ARG_FILENAME, &dict_path,
         "Metric dictionary: which metrics are parts of a whole (default: templates/metrics.ini)",
         "FILE"},
        {"allow-missing-glyphs", 0, 0, G_OPTION_ARG_NONE, &allow_missing,
         "Warn instead of failing on characters no font has", NULL},
        {"previous", 0, 0, G_OPTION_ARG_FILENAME, &previous,
         "An earlier series.csv: a ```changes block lists what is new or changed since", "FILE"},
        {NULL}};
    if (!cli_options(&argc, &argv, "TEMPLATE.md — typeset a PDF briefing", entries, NULL))
        return EXIT_USAGE;
    if (argc != 2) {
        cli_say("expected one TEMPLATE (try --help)");
        return EXIT_USAGE;
    }
    if (!data)
        data = g_strdup("out/series.csv");
    if (!metrics && g_file_test("out/metrics.csv", G_FILE_TEST_IS_REGULAR))
        metrics = g_strdup("out/metrics.csv");
    const char *report_ins[] = {argv[1], data, metrics, previous, dict_path};
    if (!cli_need_file(argv[1]) || !cli_need_file(data) || (metrics && !cli_need_file(metrics)) ||
        (previous && !cli_need_file(previous)) ||
        cli_overwrites_input("-o", out ? out : "out/briefing.pdf", report_ins,
                             G_N_ELEMENTS(report_ins)))
        return EXIT_USAGE;
    GError *e = NULL;
    g_autoptr(JbSeries) series = jb_series_read(data, &e);
    if (series && !jb_series_check(series, &e))
        g_clear_pointer(&series, jb_series_free);
    static const char *const need[] = {"metric_id", "period", "value", NULL};
    if (!series)
        return cli_fail(e);
    g_autoptr(JbTable) mt = metrics ? cli_read_with_columns(metrics, need, &e) : NULL;
    if (metrics && !mt)
        return cli_fail(e);
    g_autoptr(JbDict) dict = NULL;
    if (!cli_load_dict(dict_path, &dict, &e))
        return cli_fail(e);
    g_autoptr(JbTable) before = previous ? jb_table_read(previous, &e) : NULL;
    if (previous && !before)
        return cli_fail(e);
    g_autoptr(JbTable) changes = before ? jb_series_changes(before, jb_series_table(series)) : NULL;
    g_autoptr(JbDiag) warnings = jb_diag_new();
    JbReportInputs in = {.series = series,
                         .metrics = mt,
                         .dict = dict,
                         .diag = warnings,
                         .allow_missing_glyphs = allow_missing,
                         .png_pages = png_pages,
                         .changes = changes};
    if (!jb_report_render(argv[1], &in, out ? out : "out/briefing.pdf", &e))
        return cli_fail(e);
    return cli_say_diag(warnings);
}
