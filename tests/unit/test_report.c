/* report and template: placeholders, reference marks, front matter, errors with lines, and
 * a golden image of a page with a KPI row, a chart, a quote and a metric table. */
#include "jb_common.h"
#include "jb_report.h"
#include "jb_template.h"
#include "golden.h"
#include "tap.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const SERIES =
    "metric_id,label,period,value,unit,bound,forecast,sources\n"
    "ai.core_industry_size,人工智能核心产业规模,2022,400000000000,元,at_least,0,news/a.md\n"
    "ai.core_industry_size,人工智能核心产业规模,2025,1200000000000,元,at_least,1,news/c.txt\n"
    "ai.enterprises,人工智能企业数量,2022,3000,家,at_least,0,news/a.md\n"
    "ai.enterprises,人工智能企业数量,2025,6000,家,at_least,0,news/c.txt\n"
    "infra.5g_base_stations,5G基站,2022,1700000,个,exact,0,news/b.html\n"
    "industry.value_added_growth,规模以上工业增加值同比增速,2025,5.9,%,exact,0,news/c.txt\n";

static const char *const METRICS =
    "source,published,period,subject,metric,metric_id,value,unit,qualifier,bound,forecast,quote\n"
    "news/a.md,2022-07-26,2022,人工智能,核心产业规模,ai.core_industry_size,400000000000,元,超过,"
    "at_least,0,2022年全国人工智能核心产业规模已超过4000亿元\n"
    "news/c.txt,2026-01-21,2025,人工智能,核心产业规模,ai.core_industry_size,1200000000000,元,突破,"
    "at_least,1,全年人工智能核心产业规模预计突破1.2万亿元\n"
    "news/a.md,2022-07-26,2022,人工智能,企业数量,ai.enterprises,3000,家,超过,at_least,0,"
    "人工智能企业数量超过3000家\n"
    "news/c.txt,2026-01-21,2025,人工智能,企业数量,ai.enterprises,6000,家,超过,at_least,0,"
    "2025年全国人工智能企业数量超过6000家\n"
    "news/b.html,2022-06-24,2022-06,5G,5G基站,infra.5g_base_stations,1700000,个,,exact,0,"
    "我国累计建成的5G基站已有170万个\n"
    "news/c.txt,2026-01-21,2025,,工业增加值,industry.value_added_growth,5.9,%,,exact,0,"
    "'=2025年全国规模以上工业增加值同比增长5.9%\n";

static const char *const TEMPLATE =
    "---\n"
    "title: 测试简报\n"
    "subtitle: \"黄金图像\"\n"
    "organisation: jianbao 测试\n"
    "---\n"
    "\n"
    "# 概览\n"
    "\n"
    "```kpi\n"
    "ai.core_industry_size\n"
    "ai.enterprises\n"
    "infra.5g_base_stations\n"
    "industry.value_added_growth\n"
    "```\n"
    "\n"
    "核心产业规模由{{ai.core_industry_size.first}}增至{{ai.core_industry_size.latest}}，"
    "为{{ai.core_industry_size.first_period}}的{{ai.core_industry_size.growth}}，数字与单位不分行。\n"
    "\n"
    "> 全年人工智能核心产业规模预计突破1.2万亿元。\n"
    "\n"
    "## 指标\n"
    "\n"
    "1. 第一项\n"
    "2. 第二项\n"
    "\n"
    "```table\n"
    "*\n"
    "```\n";

static JbTable *table(const char *name, const char *csv)
{
    GError *e = NULL;
    JbTable *t = jb_table_parse(name, csv, strlen(csv), &e);
    g_assert_no_error(e);
    return t;
}

/* Charts belong to jb_chart (and its golden image): the page image leaves them out, and
 * this template checks that a chart block also becomes a slide. */
static const char *const CHART_TEMPLATE =
    "# 图\n\n```chart core\nmetric = ai.core_industry_size\n```\n";


static char *template_error(const JbSeries *series, const char *text)
{
    GError *e = NULL;
    JbTemplate *t = jb_template_parse("t.md", text, series, &e);
    jb_template_free(t);
    char *msg = g_strdup(e ? e->message : "(no error)");
    g_clear_error(&e);
    return msg;
}

int main(void)
{
    g_setenv("SOURCE_DATE_EPOCH", "1767225600", TRUE);
    g_autoptr(JbSeries) series = jb_series_new_take(table("series.csv", SERIES));
    g_autoptr(JbTable) metrics = table("metrics.csv", METRICS);
    GError *e = NULL;

    /* placeholders */
    struct {
        const char *id, *field, *want;
    } ph[] = {
        {"ai.core_industry_size", "latest", "超1.2万亿元"},
        {"ai.core_industry_size", "first", "超4000亿元"},
        {"ai.core_industry_size", "growth", "3倍"},
        {"ai.core_industry_size", "period", "2025年"},
        {"ai.core_industry_size", "first_period", "2022年"},
        {"ai.enterprises", "growth", "2倍"},
        {"infra.5g_base_stations", "latest", "170万个"},
        {"industry.value_added_growth", "latest", "5.9%"},
        {"infra.5g_base_stations", "label", "5G基站"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(ph); i++) {
        g_autofree char *v = jb_report_placeholder(series, ph[i].id, ph[i].field, &e);
        is_str(v, ph[i].want, "{{%s.%s}}", ph[i].id, ph[i].field);
        g_clear_error(&e);
    }

    /* template: front matter, filled body, reference marks */
    g_autoptr(JbTemplate) t = jb_template_parse("t.md", TEMPLATE, series, &e);
    ok(t != NULL, "the test template parses %s", e ? e->message : "");
    g_clear_error(&e);
    is_str(jb_template_meta(t, "subtitle", NULL), "黄金图像", "front matter: quotes stripped");
    ok(t->body_line == 6, "body starts on line 6 (got %u)", t->body_line);
    ok(t->refs->len == 3, "three value placeholders become references (got %u)", t->refs->len);
    const JbTemplateRef *r0 = g_ptr_array_index(t->refs, 0);
    is_str(r0->field, "first", "first reference is {{….first}}");
    ok(r0->line == 16, "and remembers its line (got %u)", r0->line);
    ok(strchr(t->body, JB_TEMPLATE_MARK) != NULL, "the body carries reference marks");
    g_autofree char *plain = jb_template_strip_marks(t->body);
    ok(strstr(plain, "核心产业规模由超4000亿元增至超1.2万亿元，为2022年的3倍") != NULL,
       "stripped of marks the body reads as filled text");
    ok(strchr(plain, JB_TEMPLATE_MARK) == NULL, "strip_marks removes every mark");

    /* template errors name file and line */
    struct {
        const char *text, *want;
    } bad[] = {
        {"a\n\nb {{ai.nope.latest}}\n", "t.md:3: unknown metric 'ai.nope'"},
        {"---\ntitle: 1\n---\n{{ai.enterprises.max}}\n", "t.md:4: unknown field 'max'"},
        {"\n{{ai.enterprises.latest\n}}\n", "t.md:2: '{{' is not closed"},
        {"{{ai}}\n", "t.md:1: placeholder 'ai' needs the form metric.field"},
        {"---\ntitle: x\n", "t.md:1: front matter is not closed"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *msg = template_error(series, bad[i].text);
        ok(g_str_has_prefix(msg, bad[i].want), "error: %s (got: %s)", bad[i].want, msg);
    }

    /* a page against its golden image */
    const char *dir = g_getenv("BUILD") ? g_getenv("BUILD") : "build";
    g_autofree char *tpath = g_build_filename(dir, "test-report.md", NULL);
    g_autofree char *pdf = g_build_filename(dir, "test-report.pdf", NULL);
    g_autofree char *png = g_build_filename(dir, "test-report-1.png", NULL);
    g_autofree char *slide = g_build_filename(dir, "test-report-core.svg", NULL);
    g_autofree char *diff = g_build_filename(dir, "test-report.diff.png", NULL);
    g_mkdir_with_parents(dir, 0755);
    g_file_set_contents(tpath, TEMPLATE, -1, NULL);
    g_autoptr(JbDiag) quiet = jb_diag_new();
    JbReportInputs in = {.series = series, .metrics = metrics, .png_pages = TRUE, .diag = quiet};
    gboolean rendered = jb_report_render(tpath, &in, pdf, &e);
    ok(rendered, "renders the test template %s", e ? e->message : "");
    g_clear_error(&e);
    ok(jb_diag_count(quiet) == 0, "with no warning (%s)",
       jb_diag_count(quiet) ? jb_diag_message(quiet, 0) : "");
    const char *golden = "tests/golden/report-page1.png";
    if (g_getenv("JB_UPDATE_GOLDEN")) {
        g_autofree char *bytes = NULL;
        gsize n = 0;
        g_file_get_contents(png, &bytes, &n, NULL);
        ok(jb_write_file_atomic(golden, bytes, n, NULL), "golden image updated: %s", golden);
    } else {
        g_autofree char *why = NULL;
        gboolean same = same_image(png, golden, 24, 0.002, diff, &why);
        ok(same, "page 1 matches %s %s", golden, why ? why : "");
    }

    g_autofree char *cpath = g_build_filename(dir, "test-report-chart.md", NULL);
    g_autofree char *cpdf = g_build_filename(dir, "test-report.pdf", NULL);
    g_file_set_contents(cpath, CHART_TEMPLATE, -1, NULL);
    ok(jb_report_render(cpath, &in, cpdf, &e), "renders a chart block %s", e ? e->message : "");
    g_clear_error(&e);
    ok(g_file_test(slide, G_FILE_TEST_IS_REGULAR), "writes the chart slide %s", slide);

    /* an error in a block names the template line; nothing is written */
    g_autofree char *bad_pdf = g_build_filename(dir, "test-report-bad.pdf", NULL);
    g_autofree char *bad_md = g_build_filename(dir, "test-report-bad.md", NULL);
    g_file_set_contents(bad_md, "# x\n\n```table\nai.enterprises\nai.missing\n```\n", -1, NULL);
    g_unlink(bad_pdf);
    ok(!jb_report_render(bad_md, &in, bad_pdf, &e) && e &&
           strstr(e->message, "test-report-bad.md:5: unknown metric 'ai.missing'"),
       "table block error names line 5 (%s)", e ? e->message : "no error");
    g_clear_error(&e);
    ok(!g_file_test(bad_pdf, G_FILE_TEST_EXISTS), "and writes no PDF");

    /* Characters no font has reach the warning channel: in the text, a table cell, the
     * front matter, and a chart inside the briefing (allowed to draw them as boxes). */
    g_autofree char *tofu_md = g_build_filename(dir, "test-report-tofu.md", NULL);
    g_autofree char *tofu_pdf = g_build_filename(dir, "test-report-tofu.pdf", NULL);
    g_file_set_contents(tofu_md,
                        "---\ntitle: 藏文ꀀ简报\n---\n\n# 概况\n\n藏文的ༀ字没有字形。\n\n"
                        "```chart\nmetric = ai.enterprises\ngrowth = 翻ᠠ倍\n"
                        "allow_missing_glyphs = true\n```\n",
                        -1, NULL);
    g_autoptr(JbDiag) tofu = jb_diag_new();
    JbReportInputs tin = {.series = series, .metrics = metrics, .diag = tofu};
    ok(jb_report_render(tofu_md, &tin, tofu_pdf, &e),
       "a briefing with characters no font has is drawn %s", e ? e->message : "");
    g_clear_error(&e);
    g_autoptr(GString) all = g_string_new(NULL);
    for (guint i = 0; i < jb_diag_count(tofu); i++)
        g_string_append_printf(all, "%s\n", jb_diag_message(tofu, i));
    ok(strstr(all->str, "test-report-tofu.md: no font has a glyph for '") &&
           strstr(all->str, "ༀ") && strstr(all->str, "ꀀ"),
       "a warning names the template and the characters of its text and title: %s", all->str);
    ok(strstr(all->str, "chart 'ai.enterprises': no glyph for 'ᠠ'") != NULL,
       "the chart's own warning reaches the report's channel");
    ok(jb_diag_count(tofu) == 2, "once each (%u warnings)", jb_diag_count(tofu));
    JbReportInputs drop = {.series = series, .metrics = metrics};
    ok(jb_report_render(tofu_md, &drop, tofu_pdf, &e),
       "without a channel the warnings are dropped");
    g_clear_error(&e);
    return tap_done();
}
