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

    g_autoptr(GPtrArray)
        a = run("目前全国人工智能核心产业规模已超过4000亿元，企业数量也超过3000家。", "2022-07-26");
    ok(a->len == 2, "two statements (%u)", a->len);
    expect(a, "400000000000", "ai.core_industry_size", "人工智能", "2022-07-26", FALSE,
           "目前 size");
    expect(a, "3000", "ai.enterprises", "人工智能", "2022-07-26", FALSE,
           "subject carried over comma");
    const JbStatement *s = find(a, "3000");
    if (s) {
        is_str(s->quote, "目前全国人工智能核心产业规模已超过4000亿元，企业数量也超过3000家",
               "the quote reaches back to the clause with the subject");
        is_str(s->q.qualifier, "超过", "qualifier as written");
        ok(s->q.bound == JB_BOUND_AT_LEAST, "超过 is at_least");
    }

    g_autoptr(GPtrArray) b = run(
        "2025年全国人工智能企业数量超过6000家，核心产业规模预计将突破1.2万亿元。", "2026-01-21");
    expect(b, "6000", "ai.enterprises", "人工智能", "2025", FALSE, "year in the sentence");
    expect(b, "1200000000000", "ai.core_industry_size", "人工智能", "2025", TRUE,
           "预计 marks a forecast");

    g_autoptr(GPtrArray)
        c = run("截至6月底，已建成5G基站170万个，连接工业设备超过7800万台（套）。", "2022-07-26");
    expect(c, "1700000", "infra.5g_base_stations", "5G", "2022-06", FALSE, "截至6月底");
    expect(c, "78000000", "infra.connected_equipment", "5G", "2022-06", FALSE, "台（套）");

    g_autoptr(GPtrArray) d = run("到2027年，力争培育30家百亿级龙头企业。", "2025-06-09");
    expect(d, "30", "", "", "2027", TRUE, "到2027年 is a forecast");
    const JbStatement *ds = find(d, "30");
    if (ds)
        ok(strlen(ds->metric) > 0, "an unknown metric keeps its phrase ('%s')", ds->metric);

    g_autoptr(GPtrArray) e2 = run("《行动方案(2025年)》印发后，全市新增企业120家。", "2024-03-01");
    expect(e2, "120", "", "", "2024-03-01", FALSE, "a year inside 《》 is not a period");

    g_autoptr(GPtrArray) f = run(
        "规模以上工业增加值同比增长5.9%。2025年全国规模以上工业增加值同比增长5.9%。", "2026-01-21");
    ok(f->len == 1, "a figure repeated in one article is written once (%u)", f->len);
    if (f->len)
        is_str(((JbStatement *)g_ptr_array_index(f, 0))->period, "2025",
               "the repeat that names its year gives the period");


    /* ---- periods (issue 3) */
    g_autoptr(GPtrArray)
        g = run("截至2023年底，全国充电基础设施累计数量达859.6万台。", "2024-02-22");
    expect(g, "8596000", "charging.infrastructure", "", "2023-12", FALSE,
           "截至2023年底 is December, and 截至 is no forecast");
    g_autoptr(GPtrArray) h = run("此外，12月全国充电总电量约为49亿千瓦时。", "2024-01-10");
    expect(h, "4900000000", "", "", "2023-12", FALSE,
           "a month after the published one is last year's");
    g_autoptr(GPtrArray)
        i2 = run("今年前7个月，贷款平均利率为4.8%，比去年全年下降0.4个百分点。", "2024-09-09");
    expect(i2, "4.8", "", "", "2024-01/2024-07", FALSE, "今年前7个月");
    expect(i2, "-0.4", "", "", "2024-01/2024-07", FALSE,
           "比去年 is a comparison base, not the period");
    g_autoptr(GPtrArray)
        j = run("10月11日，协会发布的数据显示，前三季度新能源汽车销量627.8万辆。", "2023-10-12");
    expect(j, "6278000", "nev.sales", "", "2023-01/2023-09", FALSE,
           "前三季度; the announcement's day is not the period");
    g_autoptr(GPtrArray) k = run("到年底，全国专精特新中小企业力争超过15万家。", "2024-09-09");
    expect(k, "150000", "sme.specialized", "中小企业", "2024-12", TRUE, "到年底");
    g_autoptr(GPtrArray) l = run(
        "报告预计，2026年、2027年和2028年，数字经济规模将分别达到65万亿、70万亿、75万亿元。",
        "2025-11-03");
    expect(l, "65000000000000", "macro.digital_economy", "数字经济", "2026", TRUE,
           "分别: the first year to the first value");
    expect(l, "75000000000000", "macro.digital_economy", "数字经济", "2028", TRUE,
           "分别: the last year to the last value");
    g_autoptr(GPtrArray) m = run(
        "数据要素市场规模今年预计在1800亿元至2000亿元之间，数据交易机构已有近60家。", "2025-11-03");
    expect(m, "180000000000", "", "", "2025", TRUE, "今年预计");
    expect(m, "60", "", "", "2025-11-03", FALSE, "已有 in its own clause: achieved, not forecast");

    g_autoptr(GPtrArray)
        l2 = run("2025年，人工智能、人形机器人整机企业数量分别超过6000家、140家。", "2026-01-21");
    expect(l2, "6000", "ai.enterprises", "人工智能", "2025", FALSE,
           "分别: the first subject to the first value");
    expect(l2, "140", "humanoid.enterprises", "人形机器人", "2025", FALSE,
           "分别: the second subject, and the shared metric");

    /* a subject word with digits is whole: no 5G inside 425GW (a unit restated in brackets) */
    g_autoptr(GPtrArray)
        g5 = run("全市新增光伏装机42500万千瓦（425GW），同比增长8%。", "2026-11-20");
    ok(g5->len == 2, "the restatement in GW is no statement (%u)", g5->len);
    expect(g5, "8", "", "", "2026-11-20", FALSE, "no subject 5G read inside 425GW");

    /* a figure that is no statement (a class, a bound naming a group) leaves its words to the
     * next figure's metric and quote: 二手住宅, not 住宅; no fragment 内的… */
    g_autoptr(GPtrArray)
        nf = run("10月份一线城市二手住宅价格环比下降0.3%。景区周边5公里内的民宿入住率达到92%。",
                 "2026-11-16");
    const JbStatement *used = find(nf, "-0.3");
    is_str(used ? used->metric : NULL, "一线城市二手住宅价格环比增长", "二手 kept in the metric");
    const JbStatement *hotels = find(nf, "92");
    is_str(hotels ? hotels->metric : NULL, "景区周边5公里内的民宿入住率",
           "a radius naming a group");
    ok(!find(nf, "5") && nf->len == 2, "the radius is no statement (%u)", nf->len);

    /* a table's column of changes against the day before (今日均价 | 昨日均价 | 较昨日涨跌（%）)
     * is today's change, not yesterday's */
    g_autoptr(GPtrArray)
        tsv = run("价格日报\n\n（单位：元/公斤）\n品名\t今日均价\t昨日均价\t较昨日涨跌（%）\n"
                  "白菜\t1.80\t1.75\t2.9\n芹菜\t3.10\t3.20\t-3.1\n",
                  "2026-12-04");
    const JbStatement *cab = find(tsv, "2.9"), *cel = find(tsv, "-3.1"), *was = find(tsv, "1.75");
    is_str(cab ? cab->period : NULL, "2026-12-04", "a change on the day before is today's");
    is_str(cel ? cel->period : NULL, "2026-12-04", "a fall on the day before is today's");
    is_str(was ? was->period : NULL, "2026-12-03", "yesterday's price is yesterday's");

    /* an amount not disclosed in a table's cell (数亿元, 数千万元) is no figure, as in prose;
     * its row's other cells and the next rows are read as before */
    g_autoptr(GPtrArray) deals = run(
        "融资周报\n\n| 公司 | 轮次 | 金额 |\n| --- | --- | --- |\n| 甲科技 | A轮 | 数亿元 |\n"
        "| 乙医疗 | B轮 | 2.5亿元 |\n| 丙智能 | 天使轮 | 数千万元 |\n",
        "2026-12-06");
    ok(deals->len == 1 && find(deals, "250000000"), "only the disclosed amount is read (%u)",
       deals->len);

    /* ---- bounds, lists, repeats */
    g_autoptr(GPtrArray) n = run("省财政分别拨付最高5000万元、1000万元的研发补助。", "2025-06-09");
    const JbStatement *n2 = find(n, "10000000");
    ok(n2 && n2->q.bound == JB_BOUND_AT_MOST, "a hedge before a list holds for its members");
    g_autoptr(GPtrArray)
        o = run("可再生能源装机约占总装机的56%，单笔融资最高达到10亿元。", "2025-01-20");
    const JbStatement *o1 = find(o, "56"), *o2 = find(o, "1000000000");
    ok(o1 && o1->q.bound == JB_BOUND_ABOUT, "约占…的56%% is about");
    ok(o2 && o2->q.bound == JB_BOUND_AT_MOST, "最高达到10亿元 is at most");
    g_autoptr(GPtrArray) p = run("三地已分别建成创新中心3个、2个、2个。", "2025-03-28");
    ok(p->len == 3, "a value repeated within a list is not a repeat (%u rows)", p->len);
    g_autoptr(GPtrArray)
        q = run("汽车和电子两个行业分别占38%和27%，三家企业的用户达3.93亿户。", "2023-07-20");
    ok(q->len == 5 && find(q, "2") && find(q, "3") && !find(q, "1"),
       "两个行业, 三家企业 are counts (the corpus's convention); 一 is the article a (%u)", q->len);
    g_autoptr(GPtrArray) q1 = run("建成一个平台和一所学校。", "2023-07-20");
    ok(q1->len == 0, "一个平台, 一所学校: the article a, no count (%u)", q1->len);
    g_autoptr(GPtrArray) jun = run("进口、出口均增长12%，出口和进口都增长8%。", "2025-04-20");
    ok(jun->len == 4 && strcmp(((JbStatement *)jun->pdata[0])->metric, "进口增长") == 0 &&
           strcmp(((JbStatement *)jun->pdata[1])->metric, "出口增长") == 0 &&
           strcmp(((JbStatement *)jun->pdata[1])->quote, "进口、出口均增长12%") == 0 &&
           strcmp(((JbStatement *)jun->pdata[3])->metric, "进口增长") == 0,
       "进口、出口均增长12%%: a statement for each member, with the whole clause as quote (%u)",
       jun->len);
    g_autoptr(GPtrArray) lq = run("两类价格降幅分别收窄0.4和0.7个百分点。", "2025-11-15");
    ok(lq->len == 2 && find(lq, "0.7") &&
           strcmp(find(lq, "0.7")->quote, "两类价格降幅分别收窄0.4和0.7个百分点") == 0,
       "a later member of a list is quoted from its clause, not from its joiner 和 (%u)", lq->len);
    g_autoptr(GPtrArray)
        r = run("移动互联网累计流量达1423亿GB，销售额过亿元的企业增多。", "2023-07-20");
    ok(r->len == 1 && find(r, "142300000000") && strcmp(find(r, "142300000000")->q.unit, "GB") == 0,
       "1423亿GB is a figure in a Latin unit; 过亿元的企业 (a class) is not (%u)", r->len);

    /* a filing's table pasted flat, its columns set apart by single spaces: a head over rows
     * of a label and values (numbers, 不适用, 减少1.20个百分点) is still a table; a line of prose
     * with spaces is not */
    g_autoptr(GPtrArray)
        ft = run("滨江材料股份有限公司2027年半年度报告摘要\n\n单位：元 币种：人民币\n"
                 "项目 本报告期 本报告期比上年同期增减(%)\n"
                 "营业总收入 5,210,334.18 12.40\n"
                 "归属于母公司股东的净利润 -86,112.05 不适用\n"
                 "毛利率（%） 21.35 减少1.20个百分点\n\n"
                 "公司 2027 年上半年 新签订单 3 个。",
                 "2027-08-20");
    const JbStatement *fr = find(ft, "5210334.18"), *fd = find(ft, "-1.2");
    ok(ft->len == 6 && fr && find(ft, "12.4") && find(ft, "-86112.05") && fd,
       "a table pasted flat: its rows' values (%u)", ft->len);
    is_str(fr ? fr->period : NULL, "2027-H1",
           "a table pasted flat: 本报告期 of a half-year report");
    is_str(fd ? fd->q.unit : NULL, "百分点", "a table pasted flat: a change in points");

    /* a page's meta description is its summary: a figure it rounds is its own, one it
     * repeats is written once */
    const char *md_page = "<html><head><title>某省港口运行</title>"
                          "<meta name=\"description\" content=\"1—8月，港口吞吐量超4亿吨，"
                          "集装箱量达612万标箱。\"></head><body><h1>某省港口运行</h1>"
                          "<p>2031-09-18 来源：某省交通厅</p><p>1—8月，全省港口货物吞吐量"
                          "完成41265万吨，集装箱吞吐量达612万标箱。</p></body></html>\n";
    g_autoptr(JbArticle) mda = jb_article_parse("d.html", md_page, strlen(md_page), NULL, NULL, &e);
    g_assert_no_error(e);
    g_autoptr(GPtrArray) mds = jb_extract_article(mda, dict);
    ok(mds->len == 3 && find(mds, "400000000") && find(mds, "412650000"),
       "a meta description's rounded figure is its own, its repeated one is not (%u)", mds->len);

    /* ---- headlines */
    g_autoptr(JbArticle) ha = jb_article_parse(
        "h.txt",
        "多地加码 创新中心最高可获5000万元\n\n2025-06-09 10:05来源: 示例\n\n对创新中心分别给予最高5000万元、1000万元支持。\n",
        strlen(
            "多地加码 创新中心最高可获5000万元\n\n2025-06-09 10:05来源: 示例\n\n对创新中心分别给予最高5000万元、1000万元支持。\n"),
        NULL, NULL, &e);
    g_assert_no_error(e);
    g_autoptr(GPtrArray) hs = jb_extract_article(ha, dict);
    ok(hs->len == 2, "a headline figure the body states is written once, in other words too (%u)",
       hs->len);
    /* a front matter's summary is a headline: its figure the body states is written once,
     * one the body rounds (回落至62%左右 beside 61.8%) is its own */
    const char *fm = "---\ntitle: 某市港口运行\ndate: 2026-07-15\nsummary: \"上半年吞吐量增长4.1%，"
                     "泊位利用率回落至62%左右。\"\n---\n\n"
                     "上半年全市港口货物吞吐量增长4.1%，泊位利用率为61.8%。\n";
    g_autoptr(JbArticle) sa1 = jb_article_parse("fm.md", fm, strlen(fm), NULL, NULL, &e);
    g_assert_no_error(e);
    is_str(sa1->summary, "上半年吞吐量增长4.1%，泊位利用率回落至62%左右。",
           "front matter: summary");
    g_autoptr(GPtrArray) ss = jb_extract_article(sa1, dict);
    ok(ss->len == 3 && find(ss, "62") && find(ss, "61.8"),
       "a summary's figure the body states is written once, one it rounds is its own (%u)",
       ss->len);
    /* one cut short loses the clause it was cut in (集装箱量增长12... of 12.6%) */
    const char *fm2 =
        "---\ntitle: 某市港口运行\ndate: 2026-07-15\nsummary: \"泊位利用率回落至62%左右，"
        "集装箱量增长12...\"\n---\n\n"
        "上半年泊位利用率为61.8%，集装箱吞吐量增长12.6%。\n";
    g_autoptr(JbArticle) sa2 = jb_article_parse("fm2.md", fm2, strlen(fm2), NULL, NULL, &e);
    g_assert_no_error(e);
    is_str(sa2->summary, "泊位利用率回落至62%左右",
           "front matter: a summary cut short loses its last clause");

    /* ---- one extractor for many articles: the same statements as one call each */
    const char *texts[] = {
        "目前全国人工智能核心产业规模已超过4000亿元，企业数量也超过3000家。",
        "多地加码\n\n对创新中心分别给予最高5000万元、1000万元支持，预计2027年超过1.2万亿元。",
        "汽车和电子两个行业分别占38%和27%，三家企业的用户达3.93亿户。"};
    g_autoptr(JbExtractor) x = jb_extractor_new(dict);
    gboolean same = TRUE;
    for (int round = 0; round < 2; round++) /* twice: scratch left by an earlier article */
        for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
            g_autofree char *data = g_strdup_printf("%s\n", texts[i]);
            g_autoptr(JbArticle)
                art = jb_article_parse("x.txt", data, strlen(data), NULL, "2025-06-09", &e);
            g_assert_no_error(e);
            g_autoptr(GPtrArray) one = jb_extract_article(art, dict);
            g_autoptr(GPtrArray) many = jb_extractor_run(x, art, NULL);
            same = same && one->len == many->len && one->len > 0;
            for (guint idx = 0; same && idx < one->len; idx++) {
                const JbStatement *s1 = g_ptr_array_index(one, idx),
                                  *s2 = g_ptr_array_index(many, idx);
                same = strcmp(s1->quote, s2->quote) == 0 && strcmp(s1->period, s2->period) == 0 &&
                       strcmp(s1->metric, s2->metric) == 0 &&
                       jb_decimal_equal(s1->q.value, s2->q.value) && s1->q.bound == s2->q.bound &&
                       s1->forecast == s2->forecast;
            }
        }
    ok(same, "an extractor reused across articles gives what one call per article gives");

    { /* a MediaWiki table: its header's units (（万吨）, （%）) are its bare cells', its rows'
       * years their periods */
        static const char wiki[] = "{| class=\"wikitable\"\n"
                                   "! 年份 !! 粮食产量（万吨） !! 增速（%）\n"
                                   "|-\n"
                                   "| 2023 || 41.2 || 2.4\n"
                                   "|-\n"
                                   "| 2024 || 43.0 || 4.4\n"
                                   "|}\n";
        g_autoptr(JbArticle)
            wa = jb_article_parse("w.txt", wiki, strlen(wiki), NULL, "2025-06-09", &e);
        g_assert_no_error(e);
        g_autoptr(GPtrArray) ws = jb_extract_article(wa, dict);
        const JbStatement *t = find(ws, "430000");
        ok(ws->len == 4 && t && strcmp(t->q.unit, "吨") == 0 && strcmp(t->period, "2024") == 0,
           "a wiki table's cell: 43.0 under 粮食产量（万吨） is 430000 吨 of 2024 (%u statements)",
           ws->len);
        t = find(ws, "2.4");
        ok(t && strcmp(t->q.unit, "%") == 0 && strcmp(t->period, "2023") == 0,
           "a wiki table's cell: 2.4 under 增速（%%） is 2.4%% of 2023");
    }

    { /* a wiki page: its infobox's figures and a table's 2025 row that the prose repeats are
       * stated once (the box's bare 612,400 as of 2025年末: the prose's 61.24万人; 增速 beside
       * 地区生产总值 in the prose's sentence of 地区生产总值) */
        static const char page[] = "{{Infobox settlement\n"
                                   "| area_total_km2  = 3,412\n"
                                   "| pop_total       = 612,400\n"
                                   "| pop_as_of       = 2025年末\n"
                                   "| GDP             = 286.4亿元（2025年）\n"
                                   "}}\n"
                                   "2025年，全县地区生产总值286.4亿元，比上年增长6.1%。2025年末，"
                                   "全县常住人口61.24万人。\n\n"
                                   "{| class=\"wikitable\"\n"
                                   "! 年份 !! 地区生产总值（亿元） !! 增速（%）\n"
                                   "|-\n"
                                   "| 2024 || 270.1 || 5.0\n"
                                   "|-\n"
                                   "| 2025 || 286.4 || 6.1\n"
                                   "|}\n";
        g_autoptr(JbArticle)
            pa = jb_article_parse("p.txt", page, strlen(page), NULL, "2026-06-01", &e);
        g_assert_no_error(e);
        g_autoptr(GPtrArray) ps = jb_extract_article(pa, dict);
        GString *got = g_string_new(NULL);
        for (guint i = 0; i < ps->len; i++) {
            const JbStatement *st = g_ptr_array_index(ps, i);
            g_autofree char *v = jb_decimal_to_string(st->q.value);
            g_string_append_printf(got, "%s%s %s %s", i ? " | " : "", v, st->q.unit, st->period);
        }
        is_str(got->str,
               "3412  2026-06-01 | 28640000000 元 2025 | 6.1 % 2025 | 612400 人 2025-12 | "
               "27010000000 元 2024 | 5 % 2024",
               "a wiki page's infobox, prose and table: each figure once");
        g_string_free(got, TRUE);
    }

    { /* a feed item's title 上周…: the week its own item names (上周（11月16日至22日）), not the
       * week before the next item's 11月第2周 (headlines are read after every body) */
        static const char feed[] =
            "<?xml version='1.0' encoding='UTF-8'?>\n<rss version=\"2.0\"><channel><title>某市交通"
            "</title>\n<item><title>上周全市地铁日均客运量逾620万人次</title><pubDate>Mon, 23 Nov 2026 "
            "09:00:00 +0800</pubDate><description>上周（11月16日至22日），全市地铁日均客运量623.4万"
            "人次。</description></item>\n<item><title>11月第2周出租车运营情况</title><pubDate>Wed, 18 "
            "Nov 2026 09:00:00 +0800</pubDate><description>11月第2周（11月9日至15日），全市出租车日均"
            "载客41.2万人次。</description></item>\n</channel></rss>\n";
        g_autoptr(JbArticle) fa = jb_article_parse("f.xml", feed, strlen(feed), NULL, NULL, &e);
        g_assert_no_error(e);
        g_autoptr(GPtrArray) fs = jb_extract_article(fa, dict);
        const JbStatement *t = find(fs, "6200000");
        ok(t && strcmp(t->period, "2026-11-16/2026-11-22") == 0,
           "a feed item's title 上周 is the week its item names (%s)", t ? t->period : "none");
    }

    jb_dict_free(dict);
    return tap_done();
}
