/* jb_article_furniture.c — page furniture told by its words (the lists are data, in
 * templates/words.tsv): the tools that trail a page's navigation (放大 缩小 默认, [打印]
 * [关闭窗口], 繁 | 简 登入), an announcement's code line (证券代码：… 证券简称：… 公告编号：…),
 * an issuer's name above an announcement's own title, and the site's name heading its
 * navigation (某某网 ｜ 首頁 › 財經).
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

gboolean jb_article_page_tool(const char *a, const char *b)
{
    return first_set_has(&tool_firsts, a) && listed(jb_words_page_tool, a, b);
}

const char *jb_article_past_tool_word(const char *p)
{
    if (!first_set_has(&tool_firsts, p))
        return NULL; /* (no tool's word starts here: its end is not looked for) */
    const char *b = p;
    while (*b && *b != ' ' && *b != '|' && *b != ':' && !starts_with(b, "：") &&
           !starts_with(b, "｜") && !starts_with(b, "·") && !starts_with(b, "　"))
        b = g_utf8_next_char(b);
    if (b == p || !jb_article_page_tool(p, b))
        return NULL;
    return *b == ':' ? b + 1 : starts_with(b, "：") ? b + strlen("：") : b;
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
    gboolean bar = *a == '|' || starts_with(a, "｜");
    if (!bar && !first_set_has(&tool_firsts, a))
        return NULL; /* (most words start with no tool's first character: not looked up) */
    const char *b = a;
    while (b < e && *b != ' ' && *b != ':' && !starts_with(b, "："))
        b++;
    if (bar ? b - a == (*a == '|' ? 1 : 3) : listed(jb_words_page_tool, a, b))
        return b < e && *b != ' ' ? b + (*b == ':' ? 1 : strlen("：")) : b;
    return NULL;
}

const char *jb_article_tools_tail(const char *p, const char *e, gboolean whole, guint *links,
                                  guint *tokens)
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
        } else if (whole) {
            run = NULL; /* (the line is not tools alone: no need to read on) */
            break;
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

gboolean jb_article_navigation(const JunkPara *j)
{
    static const Lit WHERE[] = {LIT("当前位置"), LIT("當前位置"), LIT("您的位置"),
                                LIT("您当前的位置"), LIT("您當前的位置")};
    return after_any(j->p, WHERE, G_N_ELEMENTS(WHERE)) || jb_junk_nav_bar(j) ||
           jb_junk_bracket_links(j);
}

gboolean jb_junk_may_be_filing(const char *p)
{
    return first_set_has(&filing_firsts, p);
}

gboolean jb_junk_filing_codes(const JunkPara *j)
{
    if (j->n > 100 || !jb_junk_may_be_filing(j->p))
        return FALSE;
    for (const char *const *w = jb_words_filing_label; *w; w++) {
        if (!starts_with(j->p, *w))
            continue;
        const char *q = j->p + strlen(*w);
        while (*q == ' ')
            q++;
        /* (a sentence that begins with the words is text: 证券代码变更后，…) */
        return (*q == ':' || starts_with(q, "：") || g_ascii_isdigit(*q)) &&
               !(j->punct & (PUNCT_COMMA | PUNCT_PERIOD));
    }
    return FALSE;
}

gboolean jb_article_issuer_line(const char *p, gsize len, glong nchars)
{
    if (nchars < 4 || nchars > 40)
        return FALSE;
    for (const char *q = p; q < p + len; q = g_utf8_next_char(q)) {
        gunichar ch = g_utf8_get_char(q);
        /* (a name may hold brackets: 某某（香港）控股有限公司) */
        if (!g_unichar_isalpha(ch) && ch != (gunichar)'(' && ch != (gunichar)')' && ch != 0xFF08 &&
            ch != 0xFF09)
            return FALSE;
    }
    for (const char *const *w = jb_words_issuer_suffix; *w; w++) {
        gsize k = strlen(*w);
        if (len > k && memcmp(p + len - k, *w, k) == 0)
            return TRUE;
    }
    return FALSE;
}

/* Does a token of a navigation line end at p (the line's end, a space, a bar)? */
static gboolean nav_gap(const char *p)
{
    return !*p || *p == ' ' || *p == '|' || *p == '>' || starts_with(p, "｜") ||
           starts_with(p, "丨") || starts_with(p, "›") || starts_with(p, "»");
}

char *jb_article_lead_token(const char *p, gboolean *home)
{
    const char *b = p;
    glong n = 0;
    for (; !nav_gap(b); b = g_utf8_next_char(b), n++)
        if (n >= 12 || !g_unichar_isalpha(g_utf8_get_char(b)))
            return NULL;
    if (n < 2)
        return NULL;
    const char *q = b;
    while (*q == ' ' || *q == '|' || starts_with(q, "｜") || starts_with(q, "丨"))
        q += starts_with(q, "｜") || starts_with(q, "丨") ? 3 : 1;
    static const Lit HOME[] = {LIT("首页"), LIT("首頁"), LIT("主页"), LIT("主頁")};
    const char *r = after_any(q, HOME, G_N_ELEMENTS(HOME));
    *home = r && nav_gap(r);
    return g_strndup(p, (gsize)(b - p));
}
