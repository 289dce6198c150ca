/* jb_article on pages laid out in tables (an older CMS: the logo and the menu in one row, the
 * headline, the date line and the story's paragraphs in one cell, the footer in another):
 * such a table is read as blocks, its paragraphs as paragraphs and its date line as the
 * date; a data table (short cells, figures, a header row) stays a table, inside a layout
 * cell too. The pages are written for this test. */
#include "jb_article.h"
#include "tap.h"

#include <string.h>

static JbArticle *parse_html(const char *html)
{
    GError *error = NULL;
    JbArticle *a = jb_article_parse("page.html", html, strlen(html), NULL, NULL, &error);
    g_clear_error(&error);
    return a;
}

/* The index of the paragraph that is exactly `text`, or -1. */
static int para_index(const JbArticle *a, const char *text)
{
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        if (strcmp(g_ptr_array_index(a->paragraphs, i), text) == 0)
            return (int)i;
    return -1;
}

static guint table_rows(const JbArticle *a)
{
    guint n = 0;
    for (guint i = 0; a && i < a->kinds->len; i++)
        n += g_array_index(a->kinds, guint8, i) == JB_PARA_TABLE;
    return n;
}

static gboolean table_row_has(const JbArticle *a, const char *needle)
{
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        if (g_array_index(a->kinds, guint8, i) == JB_PARA_TABLE &&
            strstr(g_ptr_array_index(a->paragraphs, i), needle))
            return TRUE;
    return FALSE;
}

#define STORY                                                                                                  \
    "<h2>前三季度全市建材行业运行情况</h2>"                                                      \
    "<p>发布单位：市建材行业协会　发布时间：2026年10月28日　浏览次数：806</p>"      \
    "<p>前三季度，全市规模以上建材企业实现营业收入412.5亿元，同比增长3.8%。</p>"  \
    "<p>其中，水泥产量1860万吨，下降2.4%；平板玻璃产量2150万重量箱，增长5.1%。</p>" \
    "<p>9月份，全行业利润总额4.2亿元，环比增长11.6%，企业经营压力有所缓解。</p>"

static void test_plain_layout(void)
{
    g_autoptr(JbArticle) a = parse_html(
        "<html><head><title>前三季度全市建材行业运行情况</title></head><body>"
        "<table width=960 align=center><tr><td><img src=logo.gif></td>"
        "<td><a href=/>首页</a>｜<a href=/news>新闻</a>｜<a href=/data>数据</a></td></tr></table>"
        "<table width=960 align=center><tr><td class=main>" STORY "</td></tr></table>"
        "<table width=960 align=center><tr><td>主办：市建材行业协会<br>地址：某市某路1号</td></tr>"
        "</table></body></html>");
    ok(a != NULL, "a page laid out in tables is read");
    int i = para_index(a, "前三季度，全市规模以上建材企业实现营业收入412.5亿元，同比增长3.8%。");
    int j = para_index(a, "9月份，全行业利润总额4.2亿元，环比增长11.6%，企业经营压力有所缓解。");
    ok(i >= 0 && j > i, "the layout cell's paragraphs are paragraphs (%d, %d)", i, j);
    ok(i >= 0 && g_array_index(a->kinds, guint8, i) == JB_PARA_BODY, "they are body text");
    is_str(a ? a->published : NULL, "2026-10-28", "the date line in the cell dates the page");
    ok(!table_row_has(a, "营业收入") && !table_row_has(a, "发布时间"),
       "no table row holds the story or its date line");
}

static void test_nested_layout(void)
{
    g_autoptr(JbArticle) a = parse_html(
        "<html><body><table width=1000><tr>"
        "<td width=200><a href=/a>栏目一</a><br><a href=/b>栏目二</a></td>"
        "<td width=800><table width=100%><tr><td>" STORY
        "<table border=1><tr><th>指标</th><th>绝对量</th><th>增速（%）</th></tr>"
        "<tr><td>水泥（万吨）</td><td>1860</td><td>-2.4</td></tr>"
        "<tr><td>平板玻璃（万重量箱）</td><td>2150</td><td>5.1</td></tr></table>"
        "<p>注：增速按可比口径计算。</p></td></tr></table></td></tr></table></body></html>");
    int i = para_index(a, "其中，水泥产量1860万吨，下降2.4%；平板玻璃产量2150万重量箱，增长5.1%。");
    ok(i >= 0 && g_array_index(a->kinds, guint8, i) == JB_PARA_BODY,
       "nested layout tables: the inner cell's paragraphs are body text (%d)", i);
    is_str(a ? a->published : NULL, "2026-10-28", "nested layout tables: the date line");
    ok(table_rows(a) == 3, "the data table inside stays a table: three rows (%u)",
       a ? table_rows(a) : 0);
    ok(para_index(a, "水泥（万吨）" JB_CELL_SEP "1860" JB_CELL_SEP "-2.4") >= 0,
       "its row, cell by cell");
    ok(para_index(a, "注：增速按可比口径计算。") >= 0, "the note after it is a paragraph");
}

/* A data table whose cells hold short notes, one of them a sentence, is no layout. */
static void test_data_table(void)
{
    g_autoptr(JbArticle) a = parse_html(
        "<html><body><p>全市建材行业主要指标如下。</p><table>"
        "<tr><td>指标</td><td>说明</td></tr>"
        "<tr><td>营业收入</td><td>412.5亿元，同比增长3.8%。</td></tr>"
        "<tr><td>利润总额</td><td>31.2亿元，下降1.5%。</td></tr>"
        "<tr><td colspan=2>注：数据为快报数。按可比口径计算。</td></tr></table></body></html>");
    ok(table_rows(a) == 4, "a data table with sentences in its cells stays a table (%u)",
       a ? table_rows(a) : 0);
    g_autoptr(JbArticle) b = parse_html(
        "<html><body><table><tr><th>地区</th><th>产量（万吨）</th><th>增速（%）</th></tr>"
        "<tr><td>东区</td><td>612.4</td><td>3.5</td></tr>"
        "<tr><td>西区</td><td>588.0</td><td>-1.2</td></tr>"
        "<tr><td>南区</td><td>431.9</td><td>6.8</td></tr>"
        "<tr><td>北区</td><td>227.3</td><td>0.4</td></tr>"
        "<tr><td colspan=3>注：1.数据为快报数。<br>2.增速按可比口径计算。<br>3.部分数据因四舍五入"
        "存在误差。</td></tr></table></body></html>");
    ok(table_rows(b) == 6, "a data table with a note of three sentences stays a table (%u)",
       b ? table_rows(b) : 0);
}

int main(void)
{
    test_plain_layout();
    test_nested_layout();
    test_data_table();
    return tap_done();
}
