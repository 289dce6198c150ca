/* chart time axes (issue #13): proportional to time, gaps not interpolated, period labels as
 * analysts write them, the span drawn in the subtitle; golden images of a line with a
 * missing year and of mixed annual and first-half figures. */
#include "jb_chart.h"
#include "jb_common.h"
#include "chart_check.h"
#include "golden.h"
#include "tap.h"

#include <math.h>
#include <string.h>

static JbChart *chart(const char *csv, const char *spec, GError **e)
{
    g_autoptr(JbTable) t = jb_table_parse("series.csv", csv, strlen(csv), e);
    if (!t)
        return NULL;
    g_autoptr(JbSeries) s = jb_series_new(t);
    JbChart *c = jb_chart_spec_parse("spec", 1, spec, e);
    if (c && !jb_chart_load_series(c, s, e))
        g_clear_pointer(&c, jb_chart_free);
    return c;
}

static gboolean draw(JbChart *c, const char *name)
{
    const char *dir = g_getenv("BUILD") ? g_getenv("BUILD") : "build";
    g_autofree char *out = g_strdup_printf("%s/test-chart-%s.png", dir, name);
    GError *e = NULL;
    gboolean ok_ = jb_chart_render(c, out, 1, &e);
    if (e)
        printf("# %s\n", e->message);
    g_clear_error(&e);
    return ok_;
}

/* The centre of the text box reading `text`, or NAN. */
static double centre_of(const JbChart *c, const char *text)
{
    const GArray *boxes = jb_chart_boxes(c);
    for (guint i = 0; i < boxes->len; i++) {
        const JbChartBox *b = &g_array_index(boxes, JbChartBox, i);
        if (strcmp(b->text, text) == 0)
            return b->x + b->w / 2;
    }
    return NAN;
}

/* Every text box joined by '|', in drawing order. */
static char *texts(const JbChart *c)
{
    GString *s = g_string_new("|");
    const GArray *boxes = jb_chart_boxes(c);
    for (guint i = 0; i < boxes->len; i++)
        g_string_append_printf(s, "%s|", g_array_index(boxes, JbChartBox, i).text);
    return g_string_free(s, FALSE);
}

static void golden(JbChart *c, const char *name)
{
    const char *dir = g_getenv("BUILD") ? g_getenv("BUILD") : "build";
    g_autofree char *out = g_strdup_printf("%s/test-chart-%s.png", dir, name);
    g_autofree char *diff = g_strdup_printf("%s/test-chart-%s.diff.png", dir, name);
    g_autofree char *want = g_strdup_printf("tests/golden/chart-%s.png", name);
    if (!ok(draw(c, name), "%s: draws", name))
        return;
    if (g_getenv("JB_UPDATE_GOLDEN")) {
        g_autofree char *bytes = NULL;
        gsize n = 0;
        g_file_get_contents(out, &bytes, &n, NULL);
        ok(jb_write_file_atomic(want, bytes, n, NULL), "golden image updated: %s", want);
        return;
    }
    g_autofree char *why = NULL;
    ok(same_image(out, want, 24, 0.002, diff, &why), "%s: matches %s %s", name, want,
       why ? why : "");
}

int main(void)
{
    GError *e = NULL;
    const char *head = "metric_id,label,period,value,unit,bound,forecast,sources\n";

    /* proportional: 2020→2025 is five times 2021→2022 */
    {
        g_autofree char *csv = g_strconcat(
            head,
            "x,产量,2020,10,万吨,exact,0,a\nx,产量,2021,12,万吨,exact,0,a\n"
            "x,产量,2022,13,万吨,exact,0,a\nx,产量,2025,20,万吨,exact,1,a\n",
            NULL);
        g_autoptr(JbChart) c = chart(csv, "metric = x\n", &e);
        ok(c && draw(c, "time-proportional"), "a bar chart with a gap draws");
        double x20 = centre_of(c, "2020年"), x21 = centre_of(c, "2021年"),
               x22 = centre_of(c, "2022年"), x25 = centre_of(c, "2025年");
        ok(fabs((x25 - x20) - 5 * (x22 - x21)) < 0.5,
           "2020→2025 (%.1f) is five times 2021→2022 (%.1f)", x25 - x20, x22 - x21);
        ok(!isnan(centre_of(c, "2023年")) && !isnan(centre_of(c, "2024年")),
           "the missing years keep their slots, labelled");
        is_str(jb_chart_subtitle(c), "2020—2025年，2023—2024年无数据，2025年为预计值",
               "the subtitle states the span drawn, the gap and the forecast");
    }

    /* a line with a missing year: no line across it (golden), or a dotted bridge */
    g_autofree char *gap_csv = g_strconcat(
        head,
        "x,规模以上工业增加值增速,2018,6.2,%,exact,0,a\nx,规模以上工业增加值增速,2019,5.7,%,exact,0,a\n"
        "x,规模以上工业增加值增速,2020,2.8,%,exact,0,a\nx,规模以上工业增加值增速,2022,3.6,%,exact,0,a\n"
        "x,规模以上工业增加值增速,2023,4.6,%,exact,0,a\nx,规模以上工业增加值增速,2024,5.8,%,exact,0,a\n",
        NULL);
    {
        g_autoptr(JbChart) c = chart(gap_csv, "metric = x\ntype = line\n", &e);
        ok(c != NULL, "line with a missing year loads");
        if (c) {
            golden(c, "line-gap");
            is_str(jb_chart_subtitle(c), "2018—2024年，2021年无数据",
                   "the subtitle names the missing year");
        }
        g_autoptr(JbChart) b = chart(gap_csv, "metric = x\ntype = line\ngaps = bridge\n", &e);
        ok(b && draw(b, "line-gap-bridge"), "gaps = bridge draws");
    }

    /* mixed annual and first-half figures: two series, never one line */
    g_autofree char *mixed = g_strconcat(
        head,
        "gdp,国内生产总值增速,2021,8.4,%,exact,0,a\ngdp,国内生产总值增速,2021-H1,12.7,%,exact,0,a\n"
        "gdp,国内生产总值增速,2022,3.0,%,exact,0,a\ngdp,国内生产总值增速,2022-H1,2.5,%,exact,0,a\n"
        "gdp,国内生产总值增速,2023,5.2,%,exact,0,a\ngdp,国内生产总值增速,2023-H1,5.5,%,exact,0,a\n"
        "gdp,国内生产总值增速,2024-H1,5.0,%,exact,0,a\n",
        NULL);
    {
        g_autoptr(JbChart) c = chart(mixed, "metric = gdp\n", &e);
        ok(c != NULL, "mixed annual and H1 figures load");
        if (c) {
            golden(c, "mixed-half");
            g_autofree char *t = texts(c);
            ok(strstr(t, "|国内生产总值增速（全年）|") && strstr(t, "|国内生产总值增速（上半年）|"),
               "annual and first-half figures are two series (%s)", t);
            ok(strstr(t, "|2021年|") && !strstr(t, "上半年|2021"), "the axis counts years (%s)", t);
            ok(strstr(t, "|12.7%|") && strstr(t, "|3.0%|"), "values as stated: 3.0%% (%s)", t);
        }
        g_autoptr(JbChart) l = chart(mixed, "metric = gdp\ntype = line\n", &e);
        ok(l && draw(l, "mixed-half-line"), "the same as lines draws");
    }

    /* ranges (value_high, bound range): a bar solid to the low end and light to the high, a
     * line's whisker; labelled 6%–6.5% */
    {
        const char *csv = "metric_id,label,period,value,unit,bound,forecast,sources,value_high\n"
                          "g,经济增长预期目标,2019,6,%,range,0,a,6.5\n"
                          "g,经济增长预期目标,2021,6,%,at_least,0,a,\n"
                          "g,经济增长预期目标,2022,5.5,%,about,0,a,\n"
                          "g,经济增长预期目标,2023,5,%,about,0,a,\n"
                          "g,经济增长预期目标,2024,4.5,%,range,1,a,5.0\n";
        g_autoptr(JbChart) c = chart(csv, "metric = g\n", &e);
        ok(c != NULL, "ranges load %s", e ? e->message : "");
        g_clear_error(&e);
        if (c) {
            golden(c, "range");
            g_autofree char *t = texts(c);
            ok(strstr(t, "|6%–6.5%|") && strstr(t, "|4.5%–5.0%|") && strstr(t, "|超6%|"),
               "ranges labelled as stated: 6%%–6.5%%, 4.5%%–5.0%% (%s)", t);
        }
        g_autoptr(JbChart) l = chart(csv, "metric = g\ntype = line\n", &e);
        ok(l && draw(l, "range-line"), "ranges as lines draw");
        g_autofree char *problem = l ? check_chart(l) : NULL;
        ok(l && !problem, "…their labels clear of the whiskers %s", problem ? problem : "");
    }

    /* labels as analysts write them */
    struct {
        const char *rows, *spec, *want_label, *not_label, *subtitle;
    } cases[] = {
        {"x,2024-01,1\nx,2024-02,2\nx,2024-03,3\nx,2024-04,4\n", "", "|1月|", "2024年1月",
         "2024年1—4月"},
        {"x,2023-11,1\nx,2023-12,2\nx,2024-01,3\nx,2024-02,4\n", "",
         "|2023年\n11月|12月|2024年\n1月|2月|", NULL, "2023年11月—2024年2月"},
        {"x,2021-H1,1\nx,2021-H2,2\nx,2022-H1,3\n", "", "|2021年\n上半年|下半年|2022年\n上半年|",
         NULL, "2021年上半年—2022年上半年"},
        {"x,2021-H1,1\nx,2021-H2,2\nx,2022-H1,3\n", "period_labels = compact\n",
         "|2021H1|H2|2022H1|", NULL, NULL},
        {"x,2024-01/2024-03,1\nx,2024-01/2024-06,2\nx,2024-01/2024-09,3\n", "",
         "|1—3月|1—6月|1—9月|", "2024年1—3月", "2024年1—9月"},
        {"x,2022-01/2022-10,1\nx,2023-01/2023-10,2\nx,2024-01/2024-10,3\n", "",
         "|2022年|2023年|2024年|", NULL, "2022—2024年各年1—10月"},
        {"x,2024-Q1,1\nx,2024-Q2,2\nx,2024-Q3,3\n", "", "|第一季度|第二季度|第三季度|", NULL,
         "2024年第一季度—第三季度"},
        {"x,2016/2020,1\nx,2021/2025,2\n", "", "|2016—2020年|2021—2025年|", NULL, "2016—2025年"},
        {"x,广东,3\nx,江苏,2\n", "", "|广东|江苏|", NULL, ""},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *csv = g_strconcat("metric_id,period,value,unit\n", cases[i].rows, NULL);
        g_autoptr(GString) rows = g_string_new("metric_id,period,value,unit\n");
        g_auto(GStrv) lines = g_strsplit(cases[i].rows, "\n", -1);
        for (char **l = lines; *l; l++)
            if (**l)
                g_string_append_printf(rows, "%s,家\n", *l);
        g_autofree char *spec = g_strconcat("metric = x\ntype = line\n", cases[i].spec, NULL);
        g_autoptr(JbChart) c = chart(rows->str, spec, &e);
        g_autofree char *name = g_strdup_printf("time-labels-%u", i);
        gboolean drawn = c && draw(c, name);
        g_clear_error(&e);
        g_autofree char *t = drawn ? texts(c) : g_strdup("");
        ok(strstr(t, cases[i].want_label) != NULL, "labels %s (%s)", cases[i].want_label, t);
        if (cases[i].not_label)
            ok(!strstr(t, cases[i].not_label), "no label %s", cases[i].not_label);
        if (cases[i].subtitle)
            is_str(drawn ? jb_chart_subtitle(c) : NULL, cases[i].subtitle, "subtitle %s",
                   cases[i].subtitle);
    }

    /* long spans of quarters, halves and months: labels thinned by whole years, none over
     * another (every year's first quarter was labelled, whatever the step, each label over
     * the next) */
    const char *spans[][2] = {{"x,2003-Q2,4.3\nx,2020-Q2,3.7\n", "quarters-17-years"},
                              {"x,2001-H1,4.3\nx,2024-H2,3.7\n", "halves-24-years"},
                              {"x,2015-01,4.3\nx,2024-12,3.7\n", "months-10-years"}};
    for (guint i = 0; i < G_N_ELEMENTS(spans); i++)
        for (guint k = 0; k < 2; k++) {
            g_autoptr(GString) rows = g_string_new("metric_id,period,value,unit\n");
            g_auto(GStrv) lines = g_strsplit(spans[i][0], "\n", -1);
            for (char **l = lines; *l; l++)
                if (**l)
                    g_string_append_printf(rows, "%s,%%\n", *l);
            g_autoptr(JbChart) c = chart(
                rows->str, k ? "metric = x\ntype = line\n" : "metric = x\ntype = bar\n", &e);
            g_autofree char *name = g_strdup_printf("%s-%s", spans[i][1], k ? "line" : "bar");
            gboolean drawn = c && draw(c, name);
            g_clear_error(&e);
            g_autofree char *problem = drawn ? check_chart(c) : g_strdup("not drawn");
            ok(!problem, "%s: no label over another %s", name, problem ? problem : "");
        }
    return tap_done();
}
