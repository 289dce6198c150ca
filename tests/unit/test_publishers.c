/* jb_publishers: a page that names no publisher is named by its site (the shipped
 * templates/publishers.tsv), else by its file name's prefix, else by its host. */
#include "jb_publishers.h"
#include "tap.h"

static const char ARTICLE_URL[] =
    "---\ntitle: 示例\nurl: https://finance.people.com.cn/n1/2025/0301/c1004-1.html\n"
    "---\n\n全年产量达到120万吨。\n";
static const char ARTICLE_SAID[] =
    "---\ntitle: 示例\nsource: 示例日报\nurl: https://www.news.cn/a.htm\n"
    "---\n\n全年产量达到120万吨。\n";
static const char ARTICLE_BARE[] = "全年产量达到120万吨。\n";

static char *fill(const JbPublishers *p, const char *path, const char *text)
{
    g_autoptr(JbArticle) a = jb_article_parse(path, text, strlen(text), NULL, NULL, NULL);
    if (!a)
        return g_strdup("(unreadable)");
    jb_publishers_fill(p, a);
    return g_strdup(a->publisher);
}

int main(void)
{
    GError *e = NULL;
    g_autoptr(JbPublishers) p = jb_publishers_load("templates/publishers.tsv", &e);
    ok(p != NULL, "the shipped map loads%s%s", e ? ": " : "", e ? e->message : "");
    if (!p)
        return tap_done();
    const struct {
        const char *url, *path, *want, *why;
    } cases[] = {
        {"https://www.news.cn/politics/2025-03/01/c_1.htm", NULL, "新华网", "a site, www. ignored"},
        {"http://politics.people.com.cn/n1/x.html", NULL, "人民网", "a host under a site"},
        {"https://paper.people.com.cn/rmrb/x.htm", NULL, "人民日报", "the more specific site wins"},
        {"https://www.cls.cn/detail/1", NULL, "财联社", "财联社"},
        {"https://36kr.com/p/1", NULL, "36氪", "36氪"},
        {"https://www.stats.gov.cn/sj/zxfb/x.html", NULL, "国家统计局",
         "国家统计局, not 中国政府网"},
        {"https://WWW.GOV.CN/x", NULL, "中国政府网", "hosts compare in lower case"},
        {"http://web.archive.org/web/19990101000000id_/http://hkcnews.com/example/1", NULL,
         "眾新聞", "an archived copy is the archived page's"},
        {"https://news.example.org:8080/a", "xwlb_20230305.txt", "news.example.org",
         "an unknown host names itself (the URL beats the file name)"},
        {"https://notpeople.com.cn/a", NULL, "notpeople.com.cn", "a site matches at a dot only"},
        {NULL, "xwlb_20230305.txt", "央视《新闻联播》", "no URL: the file name's prefix"},
        {NULL, "archive/017_xwlb_20230305.md", "央视《新闻联播》", "after a crawler's serial"},
        {NULL, "rthk-finance.xml", "香港電台", "a prefix before a dash"},
        {NULL, "xwlbx.txt", NULL, "a prefix counts as a word only"},
        {NULL, "notes.txt", NULL, "nothing known: no publisher"},
        {"", "", NULL, "nothing at all"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = jb_publishers_name(p, cases[i].url, cases[i].path);
        is_str(got, cases[i].want, "%s", cases[i].why);
    }
    g_autofree char *nomap = jb_publishers_name(NULL, "https://www.news.cn/a", "xwlb_1.txt");
    is_str(nomap, "news.cn", "without a map a host still names itself");

    g_autofree char *by_url = fill(p, "a.md", ARTICLE_URL);
    is_str(by_url, "人民网", "an article gets its URL's publisher");
    g_autofree char *said = fill(p, "xwlb_1.md", ARTICLE_SAID);
    is_str(said, "示例日报", "what the page says always wins");
    g_autofree char *by_name = fill(p, "xinhua_20250301.txt", ARTICLE_BARE);
    is_str(by_name, "新华社", "a file without URL by its name");
    g_autofree char *none = fill(p, "notes.txt", ARTICLE_BARE);
    is_str(none, "", "and none when nothing tells");

    const struct {
        const char *text, *want;
    } bad[] = {
        {"site\tnews.cn\t新华网\nsite news.cn 新华网\n", "m.tsv:2: needs three fields"},
        {"# comment\n\nhost\tnews.cn\t新华网\n", "m.tsv:3: the first field must be site or file"},
        {"site\t\t新华网\n", "m.tsv:1: an empty key or name"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) err = NULL;
        g_autoptr(JbPublishers)
            q = jb_publishers_parse("m.tsv", bad[i].text, strlen(bad[i].text), &err);
        ok(!q && err && g_str_has_prefix(err->message, bad[i].want),
           "a bad map is refused: %s (%s)", bad[i].want, err ? err->message : "no error");
    }
    g_autoptr(JbPublishers) crlf = jb_publishers_parse("m.tsv", "file\tabc\t甲\r\n", 11 + 3, NULL);
    g_autofree char *abc = jb_publishers_name(crlf, NULL, "abc_1.txt");
    is_str(abc, "甲", "CRLF line ends");
    return tap_done();
}
