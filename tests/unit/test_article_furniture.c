/* jb_article on page furniture above a story (issue 12): a paper's e-edition navigation,
 * breadcrumbs with the page's tools, an announcement's code line. The lines are written for
 * this test: each case is a class. */
#include "jb_article.h"
#include "tap.h"

#include <string.h>

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

int main(void)
{
    test_furniture_lines();
    return tap_done();
}
