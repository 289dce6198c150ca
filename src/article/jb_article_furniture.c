/* jb_article_furniture.c — page furniture told by its words (the lists are data, in
 * templates/words.tsv): the tools that trail a page's navigation (放大 缩小 默认, [打印]
 * [关闭窗口], 繁 | 简 登入) and an announcement's code line (证券代码：… 证券简称：… 公告编号：…).
 *
 * Not for: the rules that are tests of a paragraph's shape (jb_article_junk_tests.c), the
 * order the rules are tried in (jb_article_junk.c), picking the title and publisher
 * (jb_article.c).
 */
#include "jb_article_priv.h"
#include "jb_word_lists.h"

/* The first characters of the filing labels, and of the page's tools (and 【): most lines
 * start with none of them. */
static FirstSet filing_firsts, tool_firsts;

void jb_article_furniture_init(void)
{
    for (const char *const *w = jb_words_filing_label; *w; w++)
        first_set_add(&filing_firsts, *w);
    for (const char *const *w = jb_words_page_tool; *w; w++)
        if (is_lead3((guchar)(*w)[0]))
            first_set_add(&tool_firsts, *w);
    first_set_add(&tool_firsts, "【");
}

gboolean jb_article_may_be_tools(const char *p)
{
    return *p == '[' || first_set_has(&tool_firsts, p);
}

/* Is [a, b) a word of `list`, whole? */
static gboolean listed(const char *const *list, const char *a, const char *b)
{
    gsize n = (gsize)(b - a);
    for (const char *const *w = list; *w; w++)
        if (strlen(*w) == n && memcmp(a, *w, n) == 0)
            return TRUE;
    return FALSE;
}

/* The token of a page's tools at a (before e): links in brackets, one or more (【上一版】
 * 【下一版】, [打印], 【字体：大 中 小】: each up to 8 characters, spaces inside), a word of
 * page_tool (before a space or a label's colon: 字号：大 中 小), or a bar between them. Its
 * end, or NULL when it is none; *links counts the bracketed ones. */
static const char *tool_token(const char *a, const char *e, guint *links)
{
    static const Lit OPEN[] = {LIT("【"), LIT("[")}, CLOSE[] = {LIT("】"), LIT("]")};
    if (*a == '[' || starts_with_lit(a, OPEN[0])) {
        const char *p = a;
        for (gsize o; p < e && (o = *p == '[' ? 1 : starts_with_lit(p, OPEN[0]) ? 0 : 2) < 2;) {
            const char *in = p + OPEN[o].n;
            const char *end = in < e ? g_strstr_len(in, e - in, CLOSE[o].s) : NULL;
            if (!end || end == in || g_utf8_strlen(in, end - in) > 8)
                return NULL;
            p = end + CLOSE[o].n;
            (*links)++;
        }
        return p < e && *p != ' ' ? NULL : p;
    }
    const char *b = a;
    while (b < e && *b != ' ' && *b != ':' && !starts_with(b, "："))
        b++;
    if ((b - a == 1 && *a == '|') || (b - a == 3 && memcmp(a, "｜", 3) == 0) ||
        listed(jb_words_page_tool, a, b))
        return b < e && *b != ' ' ? b + (*b == ':' ? 1 : strlen("：")) : b;
    return NULL;
}

const char *jb_article_tools_tail(const char *p, const char *e, guint *links, guint *tokens)
{
    const char *run = NULL; /* where the tokens that are all tools so far begin */
    guint l = 0, t = 0;
    for (const char *a = p; a < e;) {
        while (a < e && *a == ' ')
            a++;
        if (a >= e)
            break;
        guint k = 0;
        const char *b = tool_token(a, e, &k);
        if (b) {
            if (!run) {
                run = a;
                l = t = 0;
            }
            l += k;
            t++;
        } else {
            run = NULL;
            b = memchr(a, ' ', (size_t)(e - a));
            if (!b)
                b = e;
        }
        a = b;
    }
    *links = run ? l : 0;
    *tokens = run ? t : 0;
    return run ? run : e;
}

gboolean jb_junk_filing_codes(const JunkPara *j)
{
    if (j->n > 100 || !first_set_has(&filing_firsts, j->p))
        return FALSE;
    for (const char *const *w = jb_words_filing_label; *w; w++) {
        if (!starts_with(j->p, *w))
            continue;
        const char *q = j->p + strlen(*w);
        while (*q == ' ')
            q++;
        /* (a sentence that begins with the words is text: 证券代码变更后，…) */
        return (*q == ':' || starts_with(q, "：") || g_ascii_isdigit(*q)) && !strstr(j->p, "，") &&
               !strstr(j->p, "。");
    }
    return FALSE;
}
