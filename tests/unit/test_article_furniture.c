/* jb_article on page furniture above a story (issue 12): a paper's e-edition navigation, an
 * index bar, breadcrumbs with the page's tools, an announcement's code line and issuer
 * line, a data-source note, a 来源 field on a long date line, the site's name before its
 * home link and a byline's 某某記者. The pages are written for this test: each case is a
 * class, its title and publisher what a reader would say they are. */
#include "jb_article.h"
#include "tap.h"

#include <string.h>

static JbArticle *parse_text(const char *text)
{
    GError *error = NULL;
    JbArticle *a = jb_article_parse("page.txt", text, strlen(text), NULL, NULL, &error);
    g_clear_error(&error);
    return a;
}

static gboolean any_para_has(const JbArticle *a, const char *needle)
{
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        if (strstr(g_ptr_array_index(a->paragraphs, i), needle))
            return TRUE;
    return FALSE;
}

/* Lines of page furniture, each after a line of story in an HTML page: junk or kept. */
static void test_furniture_lines(void)
{
    static const struct {
        const char *text;
        gboolean junk;
    } cases[] = {
        /* a paper's e-edition: links to the pages beside it and the text size tools */
        {"【上一版】【下一版】【版面导航】　放大　缩小　默认", TRUE},
        {"【返回本版】 放大 缩小", TRUE},
        {"【观察】大 中 小企业同台竞技", FALSE},
        {"【字号：大 中 小】　【打印本页】　【关闭】", TRUE},
        {"字体：大 中 小　[打印本页] [关闭窗口]", TRUE},
        {"放大 缩小 默认", TRUE},
        {"中 小 微企业贷款", FALSE},
        /* a breadcrumb, then the page's tools */
        {"桐江网 > 财经 > 正文　　[打印] [关闭窗口]", TRUE},
        {"要闻 › 区县　【打印】　繁 | 简", TRUE},
        /* an announcement's code line; a sentence about the codes is text */
        {"证券代码：600777　证券简称：桐江股份　公告编号：临2026-031", TRUE},
        {"股票代码 000999　股票简称 桐江科技", TRUE},
        {"证券代码：600777，证券简称自11月起变更为桐江新材。", FALSE},
        /* a paper's page credits, an update note under a byline */
        {"本版责编：某某　美编：某某", TRUE},
        {"责编认为，今年销量将增长10%。", FALSE},
        {"最後更新：2026年11月20日 18:20", TRUE},
        {"最后更新时间表显示，全年新增线路12条。", FALSE},
        /* a byline's time stamp with no year, a name, then the page's counters */
        {"11-28 07:30 桐江财经 阅读 2.6万 · 点赞 512", TRUE},
        {"桐江日报 21:05 阅读 1.1万", TRUE},
        {"11-28 全市新增就业2.6万人", FALSE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *html = g_strdup_printf("<p>全市出口增长6.1%%。</p><p>%s</p>",
                                                cases[i].text);
        GError *error = NULL;
        g_autoptr(JbArticle) a = jb_article_parse("p.html", html, strlen(html), NULL, NULL, &error);
        g_clear_error(&error);
        ok(a && (a->paragraphs->len == 1) == cases[i].junk, "'%s' is %s", cases[i].text,
           cases[i].junk ? "junk" : "kept");
    }
}

/* The title and publisher of plain text pages that open with furniture. */
static void test_titles_and_publishers(void)
{
    static const struct {
        const char *what, *text, *title, *publisher;
    } cases[] = {
        {"an e-edition: navigation and size tools over the headline; a data-source note",
         "桐江商报电子版　2026年11月18日　星期三　第B02版：市场\n\n"
         "【上一版】【下一版】【本版目录】　放大　缩小　默认\n\n"
         "债市本周走强　长端收益率下行\n\n本报记者　某某\n\n"
         "本周十年期国债收益率下行3个基点至1.80%。\n\n（本版数据来源：某交易中心、Wind）\n",
         "债市本周走强 长端收益率下行", "桐江商报"},
        {"a portal: the site's name before its home link, an index bar over the headline",
         "桐江通 ｜ 首頁 › 財經 › 航運　　繁 | 简　登入\n"
         "恒指 25,100 ▲88（+0.35%）｜ 國指 9,010 ▼12 ｜ 延遲報價\n\n"
         "港口貨櫃吞吐量按年升5%\n\n2026年11月20日 17:05　陳某\n\n"
         "港口今日公布，上月貨櫃吞吐量按年上升5.2%。\n",
         "港口貨櫃吞吐量按年升5%", "桐江通"},
        {"a byline's 某某記者, the name the page opens with",
         "桐江通 ｜ 財經 ｜ 地產 ｜ 國際\n\n港口貨櫃吞吐量按年升5%\n\n"
         "2026年11月20日 17:05　桐江通記者 陳某\n\n港口今日公布，上月貨櫃吞吐量按年上升5.2%。\n",
         "港口貨櫃吞吐量按年升5%", "桐江通"},
        {"a byline's 特約記者 is no outlet",
         "港口貨櫃吞吐量按年升5%\n\n2026年11月20日 17:05　特約記者 陳某\n\n"
         "港口今日公布，上月貨櫃吞吐量按年上升5.2%。\n",
         "港口貨櫃吞吐量按年升5%", ""},
        {"an announcement: breadcrumb and tools, code line, the issuer over its own title",
         "某某网 > 公司公告 > 正文　　[打印] [关闭窗口]\n\n"
         "证券代码：600777　证券简称：桐江股份　公告编号：2026-031\n\n"
         "桐江新材料股份有限公司\n2026年第三季度经营数据公告\n\n"
         "本公司前三季度实现营业收入12.3亿元，同比增长8.1%。\n",
         "2026年第三季度经营数据公告", ""},
        {"a 来源 field on a date line longer than a short header",
         "2027年策略：盈利修复之年\n\n"
         "发布时间：2026年12月3日 16:20　　来源：桐江证券研究所　　"
         "分析师：某某（执业证书编号：S0000000000001）　某某　某某\n\n"
         "预计2027年全部A股归母净利润同比增长6%。\n",
         "2027年策略：盈利修复之年", "桐江证券研究所"},
        {"a site's name above its navigation: the headline is below",
         "桐江市统计局\n当前位置：首页 > 统计数据 > 数据解读\n"
         "字号：大 中 小　【打印本页】【关闭窗口】\n\n前三季度全市经济运行情况\n"
         "发布时间：2026-10-21 10:00　来源：市统计局综合处\n\n"
         "前三季度，全市地区生产总值增长5.6%。\n",
         "前三季度全市经济运行情况", "市统计局综合处"},
        {"a headline above the page's tools stays the title",
         "全市出口增长6.1%\n【打印】【关闭】\n\n今年以来，全市出口增长6.1%。\n", "全市出口增长6.1%",
         ""},
        {"信息来源 on a government page names its publisher",
         "前十月全市经济运行平稳\n\n信息来源：桐江市统计局　发布日期：2026-11-18\n\n"
         "前十月，全市规模以上工业增加值增长5.1%。\n",
         "前十月全市经济运行平稳", "桐江市统计局"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(JbArticle) a = parse_text(cases[i].text);
        is_str(a ? a->title : NULL, cases[i].title, "%s: title", cases[i].what);
        is_str(a ? a->publisher : NULL, cases[i].publisher, "%s: publisher", cases[i].what);
    }
    g_autoptr(JbArticle) bar = parse_text(cases[1].text);
    ok(bar && !any_para_has(bar, "▲") && !any_para_has(bar, "首頁"),
       "the index bar and the navigation are not paragraphs");
}

int main(void)
{
    test_furniture_lines();
    test_titles_and_publishers();
    return tap_done();
}
