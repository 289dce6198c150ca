/* chart kinds: a golden image per kind, no text over text or off the canvas on crowded data,
 * the text of PDFs, western numbers, themes, and every error of specs and data. */
#include "jb_chart.h"
#include "jb_common.h"
#include "chart_check.h"
#include "golden.h"
#include "tap.h"

#include <cairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const DATA =
    "metric_id,label,period,value,unit,bound,forecast,sources\n"
    "ai.size,人工智能核心产业规模,2022,400000000000,元,at_least,0,a.md\n"
    "ai.size,人工智能核心产业规模,2023,578000000000,元,about,0,b.md\n"
    "ai.size,人工智能核心产业规模,2024,700000000000,元,exact,0,b.md\n"
    "ai.size,人工智能核心产业规模,2025,1200000000000,元,at_least,1,c.md\n"
    "ai.growth,增速,2022,18.0,%,exact,0,a.md\n"
    "ai.growth,增速,2023,44.5,%,exact,0,b.md\n"
    "ai.growth,增速,2024,21.1,%,exact,0,b.md\n"
    "ai.growth,增速,2025,71.4,%,exact,1,c.md\n"
    "robot,工业机器人产量,2018,148000,台（套）,exact,0,d.md\n"
    "robot,工业机器人产量,2019,177000,台（套）,exact,0,d.md\n"
    "robot,工业机器人产量,2020,237000,台（套）,exact,0,d.md\n"
    "robot,工业机器人产量,2021,366000,台（套）,exact,0,d.md\n"
    "robot,工业机器人产量,2022,443000,台（套）,exact,0,d.md\n"
    "robot,工业机器人产量,2023,430000,台（套）,exact,0,d.md\n"
    "robot,工业机器人产量,2024,556000,台（套）,exact,0,d.md\n"
    "robot,工业机器人产量,2025,650000,台（套）,about,1,d.md\n"
    "svc,服务机器人产量,2018,60000,台（套）,exact,0,d.md\n"
    "svc,服务机器人产量,2019,90000,台（套）,exact,0,d.md\n"
    "svc,服务机器人产量,2020,120000,台（套）,exact,0,d.md\n"
    "svc,服务机器人产量,2021,200000,台（套）,exact,0,d.md\n"
    "svc,服务机器人产量,2022,300000,台（套）,exact,0,d.md\n"
    "svc,服务机器人产量,2023,460000,台（套）,exact,0,d.md\n"
    "svc,服务机器人产量,2024,700000,台（套）,exact,0,d.md\n"
    "svc,服务机器人产量,2025,900000,台（套）,about,1,d.md\n"
    "prov,各省数字经济规模,广东,6900000000000,元,exact,0,e.md\n"
    "prov,各省数字经济规模,江苏,5500000000000,元,exact,0,e.md\n"
    "prov,各省数字经济规模,浙江,4300000000000,元,exact,0,e.md\n"
    "prov,各省数字经济规模,山东,3700000000000,元,exact,0,e.md\n"
    "prov,各省数字经济规模,北京,2200000000000,元,exact,0,e.md\n"
    "prov,各省数字经济规模,上海,2100000000000,元,exact,0,e.md\n"
    "sw.total,软件业务收入,2023,12330000000000,元,exact,0,f.md\n"
    "sw.it,信息技术服务收入,2023,8100000000000,元,exact,0,f.md\n"
    "sw.product,软件产品收入,2023,2900000000000,元,exact,0,f.md\n"
    "sw.embedded,嵌入式系统软件收入,2023,1080000000000,元,exact,0,f.md\n"
    "sw.security,信息安全收入,2023,223200000000,元,exact,0,f.md\n"
    "sme.specialized,专精特新中小企业,2024,140000,家,at_least,0,g.md\n"
    "sme.giants,专精特新“小巨人”企业,2024,17600,家,exact,0,g.md\n"
    "exp,出口同比增速,2024-01,5.6,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-02,-1.2,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-03,7.9,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-04,1.5,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-05,7.6,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-06,8.6,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-07,7.0,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-08,8.7,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-09,2.4,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-10,12.7,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-11,6.7,%,exact,0,h.md\n"
    "exp,出口同比增速,2024-12,10.7,%,exact,0,h.md\n";

/* Which metrics are parts of which: the only ones a donut or stacked bars may sum. */
static const char *const DICT =
    "[subjects]\nterms=机器人\n"
    "[robot.all]\nlabel=机器人产量\nunit=台（套）\n"
    "[robot]\nlabel=工业机器人产量\nunit=台（套）\npart_of=robot.all\n"
    "[svc]\nlabel=服务机器人产量\nunit=台（套）\npart_of=robot.all\n"
    "[sw.total]\nlabel=软件业务收入\nunit=元\n"
    "[sw.it]\nlabel=信息技术服务收入\nunit=元\npart_of=sw.total\n"
    "[sw.product]\nlabel=软件产品收入\nunit=元\npart_of=sw.total\n"
    "[sw.embedded]\nlabel=嵌入式系统软件收入\nunit=元\npart_of=sw.total\n"
    "[sw.security]\nlabel=信息安全收入\nunit=元\npart_of=sw.total\n"
    "[sme.specialized]\nlabel=专精特新中小企业\nunit=家\n"
    "[sme.giants]\nlabel=专精特新“小巨人”企业\nunit=家\npart_of=sme.specialized\n"
    "[ai.size]\nlabel=人工智能核心产业规模\nunit=元\n"
    "[ai.growth]\nlabel=增速\nunit=%\n"
    "[xy]\nlabel=合计\nunit=元\n"
    "[x]\nlabel=x\nunit=元\npart_of=xy\n[y]\nlabel=y\nunit=元\npart_of=xy\n";

static JbDict *test_dict(void)
{
    static JbDict *d;
    if (!d) { /* the 64 series of the limit test are parts of one whole too */
        g_autoptr(GString) s = g_string_new(DICT);
        g_string_append(s, "[m.all]\nlabel=全部\nunit=家\n");
        for (int m = 0; m < 64; m++)
            g_string_append_printf(s, "[m%02d]\nlabel=第%d项\nunit=家\npart_of=m.all\n", m, m);
        GError *e = NULL;
        d = jb_dict_parse("test.ini", s->str, s->len, &e);
        g_assert_no_error(e);
    }
    return d;
}

static JbTable *table(const char *csv)
{
    GError *e = NULL;
    JbTable *t = jb_table_parse("series.csv", csv, strlen(csv), &e);
    g_assert_no_error(e);
    return t;
}

/* A chart from a spec and a CSV, loaded; NULL (and *e) on error. */
static JbChart *chart(const char *csv, const char *spec, GError **e)
{
    g_autoptr(JbSeries) t = jb_series_new_take(table(csv));
    JbChart *c = jb_chart_spec_parse("spec", 1, spec, e);
    if (c)
        jb_chart_set_dict(c, test_dict());
    if (c && !jb_chart_load_series(c, t, e))
        g_clear_pointer(&c, jb_chart_free);
    return c;
}

static char *layout_problem(const JbChart *c)
{
    return check_chart(c);
}

static gboolean has_box(const JbChart *c, const char *text)
{
    const GArray *boxes = jb_chart_boxes(c);
    for (guint i = 0; i < boxes->len; i++)
        if (strcmp(g_array_index(boxes, JbChartBox, i).text, text) == 0)
            return TRUE;
    return FALSE;
}

int main(void)
{
    GError *e = NULL;
    const char *dir = g_getenv("BUILD") ? g_getenv("BUILD") : "build";
    gboolean update = g_getenv("JB_UPDATE_GOLDEN") != NULL;

    /* the layout checker itself must catch an overlap and an escape */
    {
        g_autoptr(GArray) boxes = g_array_new(FALSE, TRUE, sizeof(JbChartBox));
        JbChartBox a = {10, 10, 50, 20, "a", 0}, b = {40, 20, 50, 20, "b", 0};
        g_array_append_val(boxes, a);
        g_array_append_val(boxes, b);
        g_autofree char *p1 = check_layout(boxes, NULL, 800, 450);
        ok(p1 && strstr(p1, "overlaps"), "the checker sees overlapping boxes");
        g_array_set_size(boxes, 0);
        JbChartBox d = {790, 10, 50, 20, "d", 0};
        g_array_append_val(boxes, d);
        g_autofree char *p2 = check_layout(boxes, NULL, 800, 450);
        ok(p2 && strstr(p2, "leaves the canvas"), "the checker sees a box off the canvas");
        g_autoptr(GArray) marks = g_array_new(FALSE, FALSE, sizeof(JbChartMark));
        JbChartMark seg = {0, 0, 100, 100, 2, TRUE}, bar = {200, 100, 260, 300, 0, FALSE};
        g_array_append_val(marks, seg);
        g_array_append_val(marks, bar);
        g_array_set_size(boxes, 0);
        JbChartBox on_line = {40, 45, 30, 12, "x", 0};
        g_array_append_val(boxes, on_line);
        g_autofree char *p3 = check_layout(boxes, marks, 800, 450);
        ok(p3 && strstr(p3, "touches the line"), "the checker sees a label on a line");
        g_array_set_size(boxes, 0);
        JbChartBox in_bar = {210, 110, 30, 12, "y", 0};
        g_array_append_val(boxes, in_bar);
        g_autofree char *p4 = check_layout(boxes, marks, 800, 450);
        ok(p4 && strstr(p4, "touches the mark"), "the checker sees a label on a bar not its own");
        g_array_index(boxes, JbChartBox, 0).in_bar = 2;
        g_autofree char *p5 = check_layout(boxes, marks, 800, 450);
        ok(!p5, "…and lets a label sit inside its own bar %s", p5 ? p5 : "");
    }

    /* one golden image per kind, and a clean layout */
    struct {
        const char *name, *spec, *must_show;
    } kinds[] = {
        {"bar-growth", "metric = ai.size\ngrowth = auto\n", "×3"},
        {"hbar", "metric = prov\ntype = hbar\n", "6.9万亿元"},
        {"grouped", "metrics = robot; svc\ntype = grouped\ntitle = 机器人产量\n", "服务机器人产量"},
        {"stacked", "metrics = robot; svc\ntype = stacked\ntitle = 机器人产量\n", "约155万"},
        {"line", "metrics = robot; svc\ntype = line\ntitle = 机器人产量\n", "约90万"},
        {"line-single", "metric = robot\ntype = line\n", "44.3万"},
        {"area", "metrics = robot; svc\ntype = area\ntitle = 机器人产量\n", "工业机器人产量"},
        {"combo", "metrics = ai.size; ai.growth\ntype = combo\nlabels = 规模; 增速\n", "增速"},
        {"donut", "metrics = sw.total; sw.it; sw.product; sw.embedded; sw.security\ntype = donut\n",
         "软件产品收入  2.9万亿元  24%"},
        {"donut-parts",
         "metrics = sw.it; sw.product; sw.embedded\ntype = donut\ntitle = 软件业务收入构成\n",
         "合计"},
        {"kpi", "metric = ai.size\ntype = kpi\n", "为2022年的约3倍"},
        {"kpi-points", "metric = ai.growth\ntype = kpi\n", "比2022年高53.4个百分点"},
        {"line-troughs", "metric = exp\ntype = line\n", "7.0%"},
        {"bar-western", "metric = ai.size\nnumber_style = western\n", ">1.2T"},
        {"square-print", "metric = ai.size\nsize = square\ntheme = templates/print.theme\n",
         "超1.2万亿"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(kinds); i++) {
        g_autofree char *out = g_strdup_printf("%s/test-chart-%s.png", dir, kinds[i].name);
        g_autofree char *diff = g_strdup_printf("%s/test-chart-%s.diff.png", dir, kinds[i].name);
        g_autofree char *golden = g_strdup_printf("tests/golden/chart-%s.png", kinds[i].name);
        g_autoptr(JbChart) c = chart(DATA, kinds[i].spec, &e);
        gboolean drawn = c && jb_chart_render(c, out, 1, &e);
        ok(drawn, "%s: renders %s", kinds[i].name, e ? e->message : "");
        g_clear_error(&e);
        if (!drawn)
            continue;
        g_autofree char *problem = layout_problem(c);
        ok(!problem, "%s: no text overlaps or leaves the canvas %s", kinds[i].name,
           problem ? problem : "");
        ok(has_box(c, kinds[i].must_show), "%s: shows '%s'", kinds[i].name, kinds[i].must_show);
        if (update) {
            g_autofree char *bytes = NULL;
            gsize n = 0;
            g_file_get_contents(out, &bytes, &n, NULL);
            ok(jb_write_file_atomic(golden, bytes, n, NULL), "golden image updated: %s", golden);
        } else {
            g_autofree char *why = NULL;
            gboolean same = same_image(out, golden, 24, 0.002, diff, &why);
            ok(same, "%s: matches %s %s", kinds[i].name, golden, why ? why : "");
        }
    }

    /* crowded and degenerate data, drawn by every kind that takes them */
    g_autoptr(GString)
        crowded = g_string_new("metric_id,label,period,value,unit,bound,forecast,sources\n");
    for (int i = 0; i < 30; i++)
        g_string_append_printf(
            crowded, "x,很长的类别名称测试,第%02d组长长的类别名称,%.0f,元,exact,%d,s.txt\n", i,
            pow(10, 3 + i % 10), i > 25);
    for (int i = 0; i < 30; i++)
        g_string_append_printf(crowded, "y,另一组,第%02d组长长的类别名称,%.0f,元,exact,0,s.txt\n",
                               i, pow(10, 12 - i % 10));
    const char *cases[][2] = {
        {crowded->str, "30 long categories, 10^3 to 10^12"},
        {"metric_id,period,value,unit\nx,2021,-500,家\nx,2022,300,家\nx,2023,-1200,家\n"
         "y,2021,40,家\ny,2022,-20,家\ny,2023,10,家\n",
         "negative values"},
        {"metric_id,period,value,unit\nx,2024,5.9,%\ny,2024,3.1,%\n", "a single point"},
        {"metric_id,period,value,unit\nx,2023,0,家\nx,2024,0,家\ny,2023,0,家\ny,2024,0,家\n",
         "all zeros"},
    };
    const char *types[] = {"bar", "hbar", "grouped", "stacked", "line", "area", "combo", "kpi"};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        for (guint k = 0; k < G_N_ELEMENTS(types); k++) {
            gboolean two = strcmp(types[k], "grouped") == 0 || strcmp(types[k], "stacked") == 0 ||
                           strcmp(types[k], "combo") == 0 || strcmp(types[k], "line") == 0;
            g_autofree char *spec = g_strdup_printf("metrics = %s\ntype = %s\ngrowth = auto\n",
                                                    two ? "x; y" : "x", types[k]);
            g_autofree char *out = g_strdup_printf("%s/test-chart-crowded-%u-%s.png", dir, i,
                                                   types[k]);
            g_autoptr(JbChart) c = chart(cases[i][0], spec, &e);
            gboolean drawn = c && jb_chart_render(c, out, 1, &e);
            ok(drawn, "%s, %s: draws %s", cases[i][1], types[k], e ? e->message : "");
            g_clear_error(&e);
            if (!drawn)
                continue;
            g_autofree char *problem = layout_problem(c);
            ok(!problem, "%s, %s: no text overlaps or leaves the canvas %s", cases[i][1], types[k],
               problem ? problem : "");
            if (i == 0 && strcmp(types[k], "hbar") == 0) { /* a bar without its name says nothing */
                guint names = 0, values = 0;
                const GArray *bx = jb_chart_boxes(c);
                for (guint b = 0; b < bx->len; b++) {
                    const char *t = g_array_index(bx, JbChartBox, b).text;
                    names += g_str_has_prefix(t, "第");
                    values += g_str_has_suffix(t, "元");
                }
                ok(names == 30 && values == 30,
                   "30 long categories, hbar: every bar named and "
                   "labelled (%u names, %u values)",
                   names, values);
            }
        }

    /* real shapes that crowd labels: troughs and peaks, lines crossing every period, twelve
     * months, a long run of monthly values; every label clear of every line, marker and bar */
    {
        g_autoptr(GString)
            zig = g_string_new("metric_id,label,period,value,unit,bound,forecast,sources\n");
        for (int m = 1; m <= 12; m++) {
            g_string_append_printf(zig, "a,出口增速,2024-%02d,%s,%%,exact,0,s\n", m,
                                   (const char *[]){"5.6", "-1.2", "7.9", "1.5", "7.6", "8.6",
                                                    "7.0", "8.7", "2.4", "12.7", "6.7",
                                                    "10.7"}[m - 1]);
            g_string_append_printf(zig, "b,进口增速,2024-%02d,%.1f,%%,exact,0,s\n", m,
                                   (m % 2 ? 8.0 : 1.0) - (m % 3) * 0.5); /* crosses a every month */
        }
        for (int m = 0; m < 36; m++)
            g_string_append_printf(zig, "c,月度产量,%d-%02d,%d,万吨,exact,0,s\n", 2022 + m / 12,
                                   m % 12 + 1, 500 + (m % 5) * 40 - (m % 7) * 25);
        const char *specs[] = {
            "metric = a\ntype = line\n",
            "metrics = a; b\ntype = line\n",
            "metrics = a; b\ntype = area\n",
            "metric = a\n",
            "metrics = a; b\ntype = grouped\n",
            "metrics = c; a\ntype = combo\n",
            "metric = c\ntype = line\n",
            "metric = c\n",
            "metric = a\ntype = line\nsize = a4\n",
            "metrics = a; b\ntype = line\nsize = square\n",
        };
        /* labels are not bought by leaving them out: how many value labels each must show,
         * and one that must be among them (a trough's, the last, the highest; crossing lines
         * too crowded for every value show each line's last, highest and lowest) */
        const struct {
            guint min;
            const char *must;
        } shown[] = {
            {12, "-1.2%"},   {4, "12.7%"},    {4, "-1.2%"},   {12, "-1.2%"}, {24, "7.0%"},
            {14, "660万吨"}, {28, "350万吨"}, {2, "660万吨"}, {12, "2.4%"},  {4, "8.0%"},
        };
        for (guint k = 0; k < G_N_ELEMENTS(specs); k++) {
            g_autofree char *out = g_strdup_printf("%s/test-chart-shapes-%u.png", dir, k);
            g_autoptr(JbChart) c = chart(zig->str, specs[k], &e);
            gboolean drawn = c && jb_chart_render(c, out, 1, &e);
            ok(drawn, "shapes %u: draws %s", k, e ? e->message : "");
            g_clear_error(&e);
            g_autofree char *problem = drawn ? layout_problem(c) : NULL;
            g_autofree char *what = g_strdelimit(g_strdup(specs[k]), "\n", ' ');
            ok(drawn && !problem, "shapes %u (%s): no label touches a mark or a text %s", k, what,
               problem ? problem : "");
            guint values = 0;
            const GArray *bx = drawn ? jb_chart_boxes(c) : NULL;
            for (guint b = 0; bx && b < bx->len; b++) {
                const char *t = g_array_index(bx, JbChartBox, b).text;
                values += (g_ascii_isdigit(t[0]) || t[0] == '-') &&
                          (g_str_has_suffix(t, "%") || g_str_has_suffix(t, "万吨"));
            }
            ok(drawn && values >= shown[k].min && has_box(c, shown[k].must),
               "shapes %u: %u value labels shown (at least %u), '%s' among them", k, values,
               shown[k].min, shown[k].must);
        }
    }

    /* the limit: 64 series in every kind (the legend once had room for 16) */
    {
        g_autoptr(GString)
            csv = g_string_new("metric_id,label,period,value,unit,bound,forecast,sources\n");
        g_autoptr(GString) ids = g_string_new("metrics = ");
        for (int m = 0; m < JB_CHART_MAX_SERIES; m++) {
            for (int y = 2021; y <= 2023; y++)
                g_string_append_printf(csv, "m%02d,第%d项指标,%d,%d,家,exact,0,s.txt\n", m, m, y,
                                       100 + 7 * m + 13 * (y - 2021));
            g_string_append_printf(ids, "%sm%02d", m ? "; " : "", m);
        }
        const char *kinds64[G_N_ELEMENTS(types) + 1];
        memcpy(kinds64, types, sizeof types);
        kinds64[G_N_ELEMENTS(types)] = "donut"; /* the 64 are parts of one whole (test_dict) */
        for (guint k = 0; k < G_N_ELEMENTS(kinds64); k++) {
            g_autofree char *spec = g_strdup_printf("%s\ntype = %s\n", ids->str, kinds64[k]);
            g_autofree char *out = g_strdup_printf("%s/test-chart-64-%s.png", dir, kinds64[k]);
            g_autoptr(JbChart) c = chart(csv->str, spec, &e);
            if (strcmp(kinds64[k], "hbar") == 0 || strcmp(kinds64[k], "kpi") == 0 ||
                strcmp(kinds64[k], "combo") == 0) { /* they draw one or two: never 62 left out */
                ok(!c && e && strstr(e->message, "and 64 are named"), "64 series, %s: refused (%s)",
                   kinds64[k], e ? e->message : "drawn");
                g_clear_error(&e);
                continue;
            }
            gboolean drawn = c && jb_chart_render(c, out, 1, &e);
            ok(drawn, "64 series, %s: draws %s", kinds64[k], e ? e->message : "");
            g_clear_error(&e);
            g_autofree char *problem = drawn ? layout_problem(c) : NULL;
            ok(drawn && !problem, "64 series, %s: no text overlaps or leaves the canvas %s",
               kinds64[k], problem ? problem : "");
            /* the title is not the first metric's alone; a donut's key counts what it leaves out */
            gboolean parts = strcmp(kinds64[k], "donut") == 0 || strcmp(kinds64[k], "stacked") == 0;
            const char *title = strcmp(kinds64[k], "donut") == 0 ? "全部构成"
                                : parts                          ? "全部"
                                                                 : "第0项指标等64项";
            ok(drawn && has_box(c, title), "64 series, %s: titled '%s'", kinds64[k], title);
            if (strcmp(kinds64[k], "donut") == 0)
                ok(drawn && has_box(c, "其余48项  1.932万家  87%"),
                   "64 series, donut: the key's last row counts and sums the slices it has no room for");
        }
    }

    /* a % metric's KPI changes in 百分点; a stack labels its parts */
    {
        g_autofree char *kp = g_build_filename(dir, "test-chart-kpi-pct.png", NULL);
        g_autofree char *sp = g_build_filename(dir, "test-chart-stack-parts.png", NULL);
        g_autoptr(JbChart) k = chart(DATA, "metric = ai.growth\ntype = kpi\n", &e);
        ok(k && jb_chart_render(k, kp, 1, &e) && has_box(k, "比2022年高53.4个百分点") &&
               has_box(k, "71.4%"),
           "a %% metric's KPI: 比2022年高53.4个百分点, not 增长297%% %s", e ? e->message : "");
        g_clear_error(&e);
        g_autoptr(JbChart) st = chart(DATA, "metrics = robot; svc\ntype = stacked\n", &e);
        ok(st && jb_chart_render(st, sp, 1, &e) && has_box(st, "36.6万") && has_box(st, "20万") &&
               has_box(st, "约155万"),
           "a stack labels each part inside it and its total on top %s", e ? e->message : "");
        g_clear_error(&e);
    }

    /* several lines: every point labelled when every label has room (8 years of two), else
     * only each line's last (12 crossing months: shapes 1) */
    {
        g_autoptr(JbChart) c = chart(DATA, "metrics = robot; svc\ntype = line\n", &e);
        g_autofree char *out = g_build_filename(dir, "test-chart-line-every.png", NULL);
        gboolean drawn = c && jb_chart_render(c, out, 1, &e);
        const char *want[] = {"14.8万", "6万", "43万", "46万", "约65万", "约90万"};
        gboolean all = drawn;
        for (guint i = 0; i < G_N_ELEMENTS(want); i++)
            all = all && has_box(c, want[i]);
        ok(all, "two lines of eight years: every point's value is shown %s", e ? e->message : "");
        g_clear_error(&e);
    }

    /* parts of a whole: only what the dictionary declares is ever summed */
    struct {
        const char *spec, *want;
    } refused[] = {
        {"metric = ai.size\ntype = donut\n", "one metric over periods is not a whole"},
        {"metrics = ai.size; ai.growth\ntype = donut\n", "'ai.size' is declared part of nothing"},
        {"metrics = ai.growth; robot\ntype = stacked\n", "'ai.growth' is declared part of nothing"},
        {"metrics = robot; sw.it\ntype = donut\n",
         "'sw.it' is part of 'sw.total', not of 'robot.all'"},
        {"metrics = sme.specialized; sme.giants\ntype = stacked\n",
         "a subset is never stacked on its whole"},
        {"metrics = ai.growth; robot\ntype = line\n",
         "metrics 'ai.growth' (%) and 'robot' (台（套）) are in different units"},
        {"metrics = ai.size; prov\ntype = grouped\n", NULL}, /* the same unit: drawn */
    };
    for (guint i = 0; i < G_N_ELEMENTS(refused); i++) {
        g_autoptr(JbChart) c = chart(DATA, refused[i].spec, &e);
        if (!refused[i].want) {
            ok(c != NULL, "drawn: %s", e ? e->message : refused[i].spec);
            g_clear_error(&e);
            continue;
        }
        ok(!c && e && e->code == JB_ERROR_USAGE && strstr(e->message, refused[i].want),
           "refused: %s (%s)", refused[i].want, e ? e->message : "drawn");
        g_clear_error(&e);
    }
    {
        g_autoptr(JbSeries) t = jb_series_new_take(table(DATA));
        g_autoptr(JbChart)
            c = jb_chart_spec_parse("spec", 1, "metrics = robot; svc\ntype = stacked\n", &e);
        ok(c && !jb_chart_load_series(c, t, &e) && e &&
               strstr(e->message, "no dictionary was given"),
           "without a dictionary a stack is refused (%s)", e ? e->message : "drawn");
        g_clear_error(&e);
    }
    {
        /* 专精特新 超14万 with its subset 小巨人 1.76万: the whole in the hole, never 15.76万 */
        g_autoptr(JbChart)
            c = chart(DATA, "metrics = sme.specialized; sme.giants\ntype = donut\n", &e);
        g_autofree char *png_subset = g_build_filename(dir, "test-chart-donut-subset.png", NULL);
        gboolean drawn = c && jb_chart_render(c, png_subset, 1, &e);
        ok(drawn, "a whole and its subset draw as a donut %s", e ? e->message : "");
        g_clear_error(&e);
        ok(drawn && has_box(c, "超14万家") && has_box(c, "总量"), "the whole fills the hole");
        g_autoptr(GString) all = g_string_new(NULL);
        const GArray *boxes = drawn ? jb_chart_boxes(c) : NULL;
        for (guint i = 0; boxes && i < boxes->len; i++)
            g_string_append_printf(all, "%s|", g_array_index(boxes, JbChartBox, i).text);
        ok(drawn && !strstr(all->str, "15.76万") && strstr(all->str, "其他  约12.24万家"),
           "the subset is never summed with its whole; the rest is about 12.24万 (%s)", all->str);
    }

    /* PDF: vector text that pdftotext reads back */
    {
        g_autofree char *pdf = g_build_filename(dir, "test-chart-combo.pdf", NULL);
        g_autoptr(JbChart) c = chart(DATA, "metrics = ai.size; ai.growth\ntype = combo\n", &e);
        ok(c && jb_chart_render(c, pdf, 1, &e), "combo renders to PDF");
        g_clear_error(&e);
        const char *argv[] = {"pdftotext", "-enc", "UTF-8", pdf, "-", NULL};
        g_autofree char *text = NULL;
        gint status = -1;
        if (g_spawn_sync(NULL, (char **)argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                         &status, NULL) &&
            status == 0) {
            const char *want[] = {
                "人工智能核心产业规模", "超1.2万亿", "万亿元", "预计", "71.4%", "来源：a.md"};
            for (guint i = 0; i < G_N_ELEMENTS(want); i++)
                ok(strstr(text, want[i]) != NULL, "pdftotext finds '%s'", want[i]);
        } else {
            ok(FALSE, "pdftotext runs (poppler-utils: tools/deps.sh test)");
        }
        g_autofree char *bytes = NULL;
        gsize n = 0;
        g_file_get_contents(pdf, &bytes, &n, NULL);
        ok(n > 0 && n <= 14336,
           "a one-chart PDF is at most 14 KB, bold title and XMP included (%zu bytes)", (size_t)n);
    }

    /* errors: each names where it is */
    struct {
        const char *spec, *want;
    } bad[] = {
        {"metric = a\ntype = pie\n",
         "spec:2: chart type 'pie' is not supported (supported: bar, hbar"},
        {"metric = ai.size\ntype = combo\n", "spec:2: chart type 'combo' needs 2 metrics"},
        {"metric = a\nnumber_style = roman\n", "spec:2: number_style must be chinese or western"},
        {"metric = a\nsize = huge\n", "spec:2: size must be default, slide, a4 or square"},
        {"metric = a\ntheme = /etc/passwd\n",
         "spec:2: theme '/etc/passwd' must be a name or a path below"},
        {"metric = a\ntheme = ../../x.theme\n",
         "spec:2: theme '../../x.theme' must be a name or a path below"},
        {"metric = a\ntheme = nonexistent.theme\n", "spec:2: nonexistent.theme: cannot read theme"},
        {"metric = a\ntheme = nosuch\n", "spec:2: no theme named 'nosuch'"},
        {"metric = a\nwidth = 20\n", "spec:2: width must be a number of points from 50 to 10000"},
        {"type = bar\n", "spec:1: chart spec needs 'metric = ID'"},
        {"metric = a\nfoo\n", "spec:2: expected 'key = value'"},
        {"metric = a\ntransparent = yes\n", "spec:2: transparent must be true or false"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(JbChart) c = jb_chart_spec_parse("spec", 1, bad[i].spec, &e);
        ok(!c && e && g_str_has_prefix(e->message, bad[i].want), "error: %s (%s)", bad[i].want,
           e ? e->message : "no error");
        g_clear_error(&e);
    }
    /* bad themes */
    g_autofree char *theme = g_build_filename(dir, "test-chart-bad.theme", NULL);
    const char *themes[][2] = {
        {"[theme]\ncolour = red\n", "unknown theme key 'colour'"},
        /* typos name their line and the key or fix meant */
        {"[theme]\nink = #000000\ngridline = false\n",
         ":3: unknown theme key 'gridline'; did you mean 'gridlines='?"},
        {"[theme\ngrid = #FFFFFF\n",
         ":1: a section header with no closing ']'; did you mean [theme]?"},
        {"grid = #FFFFFF\n[theme]\nbold = true\n",
         ":1: grid= is outside any section: it belongs under [theme], which begins at line 2"},
        {"[theme]\nink = red\n", "bad value for theme key 'ink': 'red'"},
        {"[theme]\npalette = #000000; nope\n", "bad value for theme key 'palette'"},
        {"[theme]\ntitle_size = 900\n", "bad value for theme key 'title_size'"},
        {"[other]\nink = #000000\n", "a theme needs a [theme] group"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(themes); i++) {
        g_file_set_contents(theme, themes[i][0], -1, NULL);
        g_autofree char *spec = g_strdup_printf("metric = a\ntheme = %s\n", theme);
        g_autoptr(JbChart) c = jb_chart_spec_parse("spec", 1, spec, &e);
        ok(!c && e && strstr(e->message, themes[i][1]) && g_str_has_prefix(e->message, "spec:2: "),
           "theme error: %s (%s)", themes[i][1], e ? e->message : "no error");
        g_clear_error(&e);
    }
    /* one metric in two units (元 and 美元) is refused, naming the line */
    {
        g_autoptr(JbChart) c = chart("metric_id,period,value,unit\nx,2022,5,元\nx,2023,7,美元\n",
                                     "metric = x\n", &e);
        ok(!c && e &&
               strstr(e->message, "series.csv:3: metric 'x' is in '美元' here and in '元' above"),
           "a metric in two units is refused (%s)", e ? e->message : "drawn");
        g_clear_error(&e);
    }
    /* data errors */
    g_autoptr(JbChart) missing = chart(DATA, "metrics = ai.size; nope\n", &e);
    ok(!missing && e && strstr(e->message, "no rows for metric 'nope'"),
       "a missing second metric is named");
    g_clear_error(&e);
    g_autofree char *png = g_build_filename(dir, "test-chart-err.png", NULL);
    const char *bad_data[][3] = {
        {"metric_id,period,value,unit\nx,2024,5,元\ny,2024,-1,元\n",
         "metrics = x; y\ntype = donut\n", "a donut needs values ≥ 0"},
        {"metric_id,period,value,unit\nx,2024,0,元\ny,2024,0,元\n",
         "metrics = x; y\ntype = donut\n", "a donut needs a total above 0"},
        {"metric_id,period,value,unit\nxy,2024,5,元\nx,2024,4,元\ny,2024,2,元\n",
         "metrics = xy; x; y\ntype = donut\n", "the parts add up to more than 'xy' in 2024"},
        {"metric_id,period,value,unit\nx,a,1,元\n", "metric = x\n", NULL},
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad_data); i++) {
        g_autoptr(JbChart) c = chart(bad_data[i][0], bad_data[i][1], &e);
        if (!bad_data[i][2]) { /* a chart forced to combo after parsing, with one metric */
            jb_chart_set(c, "type", "combo", NULL);
            bad_data[i][2] = "type combo needs two metrics";
        }
        remove(png);
        ok(c && !jb_chart_render(c, png, 1, &e) && e && strstr(e->message, bad_data[i][2]) &&
               !g_file_test(png, G_FILE_TEST_EXISTS),
           "data error: %s, and no file (%s)", bad_data[i][2], e ? e->message : "no error");
        g_clear_error(&e);
    }
    return tap_done();
}
