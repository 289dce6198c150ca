/* extract: subject, metric id, period, forecast, quote and de-duplication of statements. */
#include "jb_extract.h"
#include "tap.h"

#include <string.h>

static JbDict *dict;

/* Statements of a one-paragraph text article published on `published`. */
static GPtrArray *run(const char *text, const char *published)
{
    GError *e = NULL;
    g_autofree char *data = g_strdup_printf("%s\n", text);
    g_autoptr(JbArticle) a = jb_article_parse("t.txt", data, strlen(data), NULL, published, &e);
    g_assert_no_error(e);
    return jb_extract_article(a, dict);
}

static const JbStatement *find(GPtrArray *st, const char *value)
{
    for (guint i = 0; i < st->len; i++) {
        const JbStatement *s = g_ptr_array_index(st, i);
        g_autofree char *v = jb_decimal_to_string(s->q.value);
        if (strcmp(v, value) == 0)
            return s;
    }
    return NULL;
}

static void expect(GPtrArray *st, const char *value, const char *id, const char *subject,
                   const char *period, gboolean forecast, const char *name)
{
    const JbStatement *s = find(st, value);
    if (!ok(s != NULL, "%s: %s found", name, value))
        return;
    is_str(s->metric_id, id, "%s: metric_id", name);
    is_str(s->subject, subject, "%s: subject", name);
    is_str(s->period, period, "%s: period", name);
    ok(s->forecast == forecast, "%s: forecast=%d", name, forecast);
}

int main(void)
{
    GError *e = NULL;
    dict = jb_dict_load("templates/metrics.ini", &e);
    g_assert_no_error(e);

    g_autoptr(GPtrArray) a = run("目前我国人工智能核心产业规模超过4000亿元，企业数量超过3000家。",
                                 "2022-07-26");
    ok(a->len == 2, "two statements (%u)", a->len);
    expect(a, "400000000000", "ai.core_industry_size", "人工智能", "2022-07-26", FALSE, "目前 size");
    expect(a, "3000", "ai.enterprises", "人工智能", "2022-07-26", FALSE, "subject carried over comma");
    const JbStatement *s = find(a, "3000");
    if (s) {
        is_str(s->quote, "目前我国人工智能核心产业规模超过4000亿元，企业数量超过3000家",
               "the quote reaches back to the clause with the subject");
        is_str(s->q.qualifier, "超过", "qualifier as written");
        ok(s->q.bound == JB_BOUND_AT_LEAST, "超过 is at_least");
    }

    g_autoptr(GPtrArray) b = run("2025年我国人工智能企业数量超过6000家，核心产业规模预计突破1.2万亿元。",
                                 "2026-01-21");
    expect(b, "6000", "ai.enterprises", "人工智能", "2025", FALSE, "year in the sentence");
    expect(b, "1200000000000", "ai.core_industry_size", "人工智能", "2025", TRUE, "预计 marks a forecast");

    g_autoptr(GPtrArray) c = run("截至6月底，已建成5G基站170万个，连接工业设备超过7800万台（套）。",
                                 "2022-07-26");
    expect(c, "1700000", "infra.5g_base_stations", "5G", "2022-06", FALSE, "截至6月底");
    expect(c, "78000000", "infra.connected_equipment", "5G", "2022-06", FALSE, "台（套）");

    g_autoptr(GPtrArray) d = run("到2027年，力争培育30家百亿级龙头企业。", "2025-06-09");
    expect(d, "30", "", "", "2027", TRUE, "到2027年 is a forecast");
    const JbStatement *ds = find(d, "30");
    if (ds)
        ok(strlen(ds->metric) > 0, "an unknown metric keeps its phrase ('%s')", ds->metric);

    g_autoptr(GPtrArray) e2 = run("《行动方案(2025年)》印发后，全市新增企业120家。", "2024-03-01");
    expect(e2, "120", "", "", "2024-03-01", FALSE, "a year inside 《》 is not a period");

    g_autoptr(GPtrArray) f = run("规模以上工业增加值同比增长5.9%。2025年规模以上工业增加值同比增长5.9%。",
                                 "2026-01-21");
    ok(f->len == 1, "a figure repeated in one article is written once (%u)", f->len);
    if (f->len)
        is_str(((JbStatement *)g_ptr_array_index(f, 0))->period, "2025",
               "the repeat that names its year gives the period");

    jb_dict_free(dict);
    return tap_done();
}
