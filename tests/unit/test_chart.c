/* chart: labels the Chinese way, golden images, hard cases that must not fail, errors. */
#include "jb_chart.h"
#include "jb_common.h"
#include "jb_pdf_meta.h"
#include "golden.h"
#include "tap.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

static JbTable *series(const char *csv)
{
    GError *e = NULL;
    JbTable *t = jb_table_parse("series.csv", csv, strlen(csv), &e);
    g_assert_no_error(e);
    return t;
}

static const char *const AI_SERIES =
    "metric_id,label,period,value,unit,bound,forecast,sources\n"
    "ai.core_industry_size,人工智能核心产业规模,2022,400000000000,元,at_least,0,examples/a.md; "
    "examples/b.html\n"
    "ai.core_industry_size,人工智能核心产业规模,2025,1200000000000,元,at_least,1,examples/c.txt\n";


static gboolean render(const char *csv, const char *metric, const char *path, GError **e)
{
    g_autoptr(JbSeries) t = jb_series_new_take(series(csv));
    g_autofree char *spec = g_strdup_printf("metric = %s\n", metric);
    g_autoptr(JbChart) c = jb_chart_spec_parse("test", 1, spec, e);
    return c && jb_chart_load_series(c, t, e) && jb_chart_render(c, path, 1, e);
}

static cairo_status_t to_bytes(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 can finish a PDF whose cross-reference table lists an object it never wrote
 * (a font it could not load in the memory left): jb_pdf_missing_object finds it. */
static void pdf_missing_object(void)
{
    g_autoptr(GByteArray) pdf = g_byte_array_new();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_bytes, pdf, 100, 100);
    cairo_t *cr = cairo_create(s);
    cairo_rectangle(cr, 10, 10, 50, 50);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    ok(jb_pdf_missing_object(pdf->data, pdf->len) == -1,
       "a PDF cairo finished: every object there");
    /* object 3's "3 0 obj" renamed, as if its bytes were never written there */
    char *at = memmem(pdf->data, pdf->len, "\n3 0 obj", 8); /* streams hold NUL bytes */
    ok(at != NULL, "(the PDF has an object 3)");
    if (at)
        at[1] = '9';
    long missing = jb_pdf_missing_object(pdf->data, pdf->len);
    ok(missing == 3, "an object listed but not at its offset: found (%ld)", missing);
    ok(jb_pdf_missing_object((const guint8 *)"%PDF-1.5\n", 9) == 0,
       "no xref table: not checked (0)");
}

int main(void)
{
    pdf_missing_object();
    GError *e = NULL;
    /* value labels: tests/data/units.tsv (test_units) */

    const char *dir = g_getenv("BUILD") ? g_getenv("BUILD") : "build";
    g_autofree char *out = g_build_filename(dir, "test-chart-bar.png", NULL);
    g_autofree char *diff = g_build_filename(dir, "test-chart-bar.diff.png", NULL);
    gboolean drawn = render(AI_SERIES, "ai.core_industry_size", out, &e);
    ok(drawn, "renders the two-bar chart %s", e ? e->message : "");
    g_clear_error(&e);
    const char *golden = "tests/golden/chart-bar.png";
    if (g_getenv("JB_UPDATE_GOLDEN")) {
        g_autofree char *bytes = NULL;
        gsize n = 0;
        g_file_get_contents(out, &bytes, &n, NULL);
        ok(jb_write_file_atomic(golden, bytes, n, NULL), "golden image updated: %s", golden);
    } else {
        g_autofree char *why = NULL;
        gboolean same = same_image(out, golden, 24, 0.002, diff, &why);
        ok(same, "matches %s %s", golden, why ? why : "");
    }

    /* hard cases: each must draw without error */
    g_autoptr(GString)
        crowded = g_string_new("metric_id,label,period,value,unit,bound,forecast,sources\n");
    for (int i = 0; i < 30; i++)
        g_string_append_printf(
            crowded, "x,很长的类别名称测试,第%02d组长长的类别名称,%.0f,元,exact,%d,s.txt\n", i,
            pow(10, 3 + i % 10), i > 25);
    const char *cases[][2] = {
        {crowded->str, "30 categories with long names, 10^3 to 10^12"},
        {"metric_id,period,value,unit\nx,2023,-500,家\nx,2024,300,家\n", "negative values"},
        {"metric_id,period,value,unit\nx,2024,5.9,%\n", "a single point"},
        {"metric_id,period,value,unit\nx,2023,0,家\nx,2024,0,家\n", "all zeros"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *p = g_strdup_printf("%s/test-chart-case%u.png", dir, i);
        gboolean done = render(cases[i][0], "x", p, &e);
        ok(done, "%s %s", cases[i][1], e ? e->message : "");
        g_clear_error(&e);
    }

    /* errors */
    g_autofree char *none = g_build_filename(dir, "test-chart-none.png", NULL);
    ok(!render(AI_SERIES, "no.such", none, &e) && e &&
           strstr(e->message, "no rows for metric 'no.such'"),
       "unknown metric is an error naming it");
    g_clear_error(&e);
    ok(!g_file_test(none, G_FILE_TEST_EXISTS), "a failed chart writes no file");
    g_autoptr(JbChart)
        bad = jb_chart_spec_parse("spec.chart", 10, "metric = x\ncolour = red\n", &e);
    ok(!bad && e && strcmp(e->message, "spec.chart:11: unknown chart key 'colour'") == 0,
       "unknown spec key names file:line (%s)", e ? e->message : "");
    g_clear_error(&e);
    g_autoptr(JbChart) pua = jb_chart_spec_parse(
        "spec", 1, "metric = ai.core_industry_size\ntitle = 私用\xee\x80\x80字\n", &e);
    g_autoptr(JbSeries) t = jb_series_new_take(series(AI_SERIES));
    g_autofree char *pua_png = g_build_filename(dir, "test-chart-pua.png", NULL);
    ok(pua && jb_chart_load_series(pua, t, &e) && !jb_chart_render(pua, pua_png, 1, &e) && e &&
           strstr(e->message, "\xee\x80\x80"),
       "a character without a glyph is an error naming it (%s)", e ? e->message : "");
    g_clear_error(&e);
    g_autoptr(JbDiag) warned = jb_diag_new();
    jb_chart_set_diag(pua, warned);
    ok(jb_chart_set(pua, "allow_missing_glyphs", "true", &e) &&
           jb_chart_render(pua, pua_png, 1, &e) && jb_chart_render(pua, pua_png, 1, &e) &&
           jb_diag_count(warned) == 1 && strstr(jb_diag_message(warned, 0), "\xee\x80\x80"),
       "--allow-missing-glyphs makes it a warning naming it, once for two draws");
    g_clear_error(&e);
    g_autoptr(JbChart) huge = jb_chart_spec_parse(
        "spec", 1, "metric = ai.core_industry_size\nwidth = 10000\nheight = 10000\n", &e);
    ok(huge && jb_chart_load_series(huge, t, &e) && !jb_chart_render(huge, out, 4, &e) && e &&
           e->code == JB_ERROR_LIMIT,
       "an oversized canvas is refused before allocating");
    g_clear_error(&e);
    {
        /* a series merged from 100 articles: the source line names 3 and counts the rest */
        g_autoptr(GString)
            many = g_string_new("metric_id,period,value,unit,sources\nx,2024,100,家,");
        for (int k = 0; k < 100; k++)
            g_string_append_printf(many, "articles/%03d-a-long-article-name.html; ", k);
        g_string_append_c(many, '\n');
        g_autoptr(JbSeries) mt = jb_series_new_take(series(many->str));
        g_autoptr(JbChart) mc = jb_chart_spec_parse("spec", 1, "metric = x\n", &e);
        g_autofree char *mp = g_strdup_printf("%s/test-chart-many-sources.png", dir);
        gboolean drawn_many = mc && jb_chart_load_series(mc, mt, &e) &&
                              jb_chart_render(mc, mp, 1, &e);
        const char *src = mc ? jb_chart_source(mc) : "";
        ok(drawn_many && g_str_has_suffix(src, "等100篇") &&
               strstr(src, "000-a-long-article-name.html") && !strstr(src, "003-a-long"),
           "100 sources: '…等100篇' on one line (%s)", e ? e->message : src);
        g_clear_error(&e);
    }
    return tap_done();
}
