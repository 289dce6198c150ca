/* jb_article_junk_page.c — junk rules that are tests of a paragraph for the page's
 * furniture: nav bars and breadcrumbs, runs of bracketed links, widgets (a calculator, live
 * quotes); a page's counters glued after a paragraph's last sentence, cut off; and a feed
 * item's title marked as an ad. Tried by the rule table of jb_article_junk.c;
 * jb_junk_tests_init registers their filter's keys.
 *
 * Not for: the other tests of a paragraph (jb_article_junk_tests.c).
 */
#include "jb_article_priv.h"

/* The separator of a nav bar (| ｜ 丨) or a breadcrumb (> › ») at p: its length, 0 if none;
 * *crumb says which. */
static gsize nav_sep(const char *p, gboolean *crumb)
{
    static const Lit BARS[] = {LIT("|"), LIT("｜"), LIT("丨")},
                     CRUMBS[] = {LIT(">"), LIT("›"), LIT("»")};
    guchar b = (guchar)*p; /* (every separator's first byte: most bytes are none) */
    if (b != '|' && b != '>' && b != 0xEF && b != 0xE4 && b != 0xE2 && b != 0xC2) {
        *crumb = TRUE;
        return 0;
    }
    const char *q = after_any(p, BARS, G_N_ELEMENTS(BARS));
    *crumb = q == NULL;
    if (!q)
        q = after_any(p, CRUMBS, G_N_ELEMENTS(CRUMBS));
    return q ? (gsize)(q - p) : 0;
}

/* Does the item [a, b) end with a site's home link (首页, 首頁, 主页, 网站首页)? */
static gboolean ends_home(const char *a, const char *b)
{
    static const char *const HOME[] = {"首页", "首頁", "主页", "主頁"};
    for (gsize i = 0; i < G_N_ELEMENTS(HOME); i++) {
        gsize k = strlen(HOME[i]);
        if ((gsize)(b - a) >= k && memcmp(b - k, HOME[i], k) == 0)
            return TRUE;
    }
    return FALSE;
}

/* Is [s, e) a site's navigation (see jb_junk_nav_bar)? */
static gboolean nav_line(const char *s, const char *e)
{
    guint bars = 0, crumbs = 0, items = 0, long_items = 0, digit_items = 0;
    const char *a = s;
    for (const char *p = s;; p++) {
        gboolean crumb = FALSE;
        gsize k = p < e ? nav_sep(p, &crumb) : 0;
        if (p < e && !k)
            continue;
        const char *b = p;
        while (b > a && b[-1] == ' ')
            b--;
        while (a < b && *a == ' ')
            a++;
        if (k && crumb && ends_home(a, b))
            return TRUE;
        if (b > a) {
            items++;
            long_items += g_utf8_strlen(a, b - a) > 12;
            for (const char *q = a; q < b; q++)
                if (g_ascii_isdigit(*q)) {
                    digit_items++;
                    break;
                }
        }
        if (p >= e)
            break;
        bars += !crumb;
        crumbs += crumb;
        a = p + k;
        p += k - 1;
    }
    return (bars >= 3 && items >= 4 && long_items == 0 && digit_items <= 1) ||
           (crumbs >= 1 && !bars && items == crumbs + 1 && long_items == 0 && !digit_items);
}

/* A site's navigation written out as text: a breadcrumb (桐江新聞網 首頁 > 本地 > 經濟, 首页 >
 * 宏观 > 正文: a home link before a crumb's mark; or short items without digits between
 * crumbs' marks alone, 要闻 > 区县动态) or a bar of short links (某新闻网 | 首页 | 要闻 |
 * 直播 | 图片: four items or more of up to 12 characters, one at most with a digit); no
 * sentence; the page's tools may follow it (要闻 > 正文 [打印] [关闭窗口]). (A pipe table's
 * row has its cells apart already, not bars.) */
gboolean jb_junk_nav_bar(const JunkPara *j)
{
    if (j->n > 120 || jb_junk_has_sentence_mark(j) || strchr(j->p, JB_CELL_CHAR))
        return FALSE;
    /* (most short lines have no separator: asked of the facts cleaning counted first) */
    if (!(j->ascii > 0 && (memchr(j->p, '|', j->len) || memchr(j->p, '>', j->len))) &&
        !junk_has_key(j, (int)junk_key("｜")) && !junk_has_key(j, (int)junk_key("丨")) &&
        !junk_has_key(j, (int)junk_key("›")) && !(j->other && strstr(j->p, "»")))
        return FALSE;
    const char *e = j->p + j->len;
    if (nav_line(j->p, e))
        return TRUE;
    guint links, tools;
    const char *t = jb_article_tools_tail(j->p, e, FALSE, &links, &tools);
    return t > j->p && t < e && nav_line(j->p, t);
}

const char *jb_junk_bracketed_counter(const char *p)
{
    const char *in = starts_with(p, "【") ? p + strlen("【") : NULL;
    const char *close = in ? strstr(in, "】") : NULL;
    if (!close || close - in > 3 * 12)
        return NULL;
    g_autofree char *inside = g_strndup(in, (gsize)(close - in));
    int tools = 0;
    return jb_junk_counters_to_end(inside, &tools) == 1 && tools == 0 ? close + strlen("】") : NULL;
}

/* Links written in brackets and the page's tools, nothing else (【返回目录】【上一篇】【下一篇】,
 * [打印] [关闭], a paper's e-edition: 【上一版】【下一版】 放大 缩小 默认, 字号：大 中 小
 * 【打印本页】): two links or more, each of up to 8 characters, or three tokens of tools;
 * no digit. */
gboolean jb_junk_bracket_links(const JunkPara *j)
{
    if (j->n > 60 || j->digit || !jb_article_may_be_tools(j->p))
        return FALSE;
    guint links, tools;
    return jb_article_tools_tail(j->p, j->p + j->len, TRUE, &links, &tools) == j->p &&
           (links >= 2 || tools >= 3);
}

/* A page's tool or live-data widget, by the label opening it (房贷计算器：贷款80万元…, 即時行情：,
 * 今日汇率：美元/人民币 7.1120): a calculator's, or live quotes' (即时/实时/今日 + 行情, 汇率,
 * 油价, 金价), a label up to 10 characters, then a colon; or by its cells and the link it
 * ends in (… ｜ 二套 3.45% ｜ … 去计算>>). */
gboolean jb_junk_widget(const JunkPara *j)
{
    static const Lit TOOL[] = {LIT("计算器"), LIT("計算器"), LIT("计算"), LIT("換算"), LIT("换算")};
    static const Lit LIVE_WHEN[] = {LIT("即时"), LIT("实时"), LIT("即時"), LIT("實時"),
                                    LIT("今日")};
    static const Lit LIVE_WHAT[] = {LIT("行情"), LIT("汇率"), LIT("匯率"), LIT("油价"),
                                    LIT("油價"), LIT("金价"), LIT("金價")};
    if (j->n > 160)
        return FALSE;
    /* a strip of figures in cells ending in a link onward (首套房贷利率 3.05% ｜ 二套 3.45% ｜ …
     * 去计算>>): no sentence, two bars or more, and >> at its end */
    const char *end = j->p + j->len;
    while (end > j->p && (end[-1] == ' ' || end[-1] == '\n'))
        end--;
    if (end - j->p >= 2 && end[-1] == '>' && end[-2] == '>' && !(j->punct & PUNCT_PERIOD)) {
        int bars = 0;
        for (const char *p = j->p; p < end; p = g_utf8_next_char(p))
            bars += *p == '|' || starts_with(p, "｜");
        if (bars >= 2)
            return TRUE;
    }
    const char *colon = NULL;
    int k = 0;
    for (const char *p = j->p; *p && k <= 10; p = g_utf8_next_char(p), k++)
        if (*p == ':' || starts_with(p, "：")) {
            colon = p;
            break;
        }
    if (!colon || colon == j->p)
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(TOOL); i++)
        if ((gsize)(colon - j->p) >= TOOL[i].n && starts_with_lit(colon - TOOL[i].n, TOOL[i]))
            return TRUE;
    /* a live word then a live thing right before the colon (实时汇率：), the word's first
     * occurrence: looked for there, not searched for in the paragraph */
    gsize label = (gsize)(colon - j->p);
    for (gsize i = 0; i < G_N_ELEMENTS(LIVE_WHAT); i++) {
        gsize m = LIVE_WHAT[i].n;
        if (label < m || !starts_with_lit(colon - m, LIVE_WHAT[i]))
            continue;
        for (gsize w = 0; w < G_N_ELEMENTS(LIVE_WHEN); w++) {
            gsize n = LIVE_WHEN[w].n;
            if (label < n + m)
                continue;
            const char *q = colon - m - n, *r = j->p;
            if (!starts_with_lit(q, LIVE_WHEN[w]))
                continue;
            while (r < q && !starts_with_lit(r, LIVE_WHEN[w]))
                r++;
            if (r == q)
                return TRUE;
        }
    }
    return FALSE;
}

gsize jb_junk_counters_tail(const char *p, gsize len)
{
    if (len < 8 || (!g_ascii_isdigit(p[len - 1]) && p[len - 1] != '*'))
        return len; /* (a counter's run ends in its count, or a Markdown mark after it) */
    const char *stop = g_strrstr_len(p, (gssize)len, "。");
    if (!stop)
        return len;
    const char *tail = stop + strlen("。");
    int tools = 0;
    if (g_utf8_strlen(tail, (gssize)(p + len - tail)) > 40 ||
        jb_junk_counters_to_end(tail, &tools) < 2)
        return len;
    return (gsize)(tail - p);
}

/* Is `t` (a feed item's title) marked as an ad (【广告】, 【推广】, [广告]…)? The item is no
 * news: its title and text go whole. */
gboolean jb_article_ad_title(const char *t)
{
    static const char *const MARKS[] = {"【广告】", "【廣告】", "【推广】", "【推廣】", "【赞助】",
                                        "【贊助】", "[广告]",   "[廣告]",   "[推广]",   "[推廣]"};
    while (*t == ' ' || *t == '\t' || *t == '\n')
        t++;
    for (gsize i = 0; i < G_N_ELEMENTS(MARKS); i++)
        if (g_str_has_prefix(t, MARKS[i]))
            return TRUE;
    return FALSE;
}
