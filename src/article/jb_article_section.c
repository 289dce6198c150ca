/* jb_article_section.c — an article's sections: the lead and each part a heading begins (a
 * digest's items), with the title, date and link each states, found in its first blocks or
 * its footer.
 *
 * Not for: where headings are found (the passes) nor the paragraphs themselves (jb_article.c).
 */
#include "jb_article_priv.h"

void jb_article_section_clear(gpointer p)
{
    JbSection *x = p;
    g_free(x->title);
    g_free(x->published);
    g_free(x->url);
}

/* The lead: what precedes the first heading. */
void jb_article_begin_first_section(JbArticle *a)
{
    JbSection x = {0, g_strdup(""), g_strdup(""), g_strdup(""), FALSE};
    g_array_append_val(a->sections, x);
}

void jb_article_begin_section(Ctx *c, const char *title, gsize n, const char *date, const char *url)
{
    JbArticle *a = c->a;
    JbSection *cur = current_section(c);
    if (cur->first == a->paragraphs->len && !cur->title[0] && !cur->published[0] && !cur->url[0]) {
        /* an empty lead: the article opens with its first heading (the array's clear
         * function frees it) */
        g_array_set_size(a->sections, a->sections->len - 1);
    }
    char *t = title ? jb_article_clean_text(title, n) : NULL;
    char *d = date ? jb_article_parse_date(date) : NULL;
    JbSection x = {a->paragraphs->len, t ? t : g_strdup(""), d ? d : g_strdup(""),
                   url ? jb_article_strip_dup(url) : g_strdup(""), FALSE};
    g_array_append_val(a->sections, x);
    c->section_blocks = 0;
}

const JbSection *jb_article_section_of(const JbArticle *a, guint i)
{
    guint lo = 0, hi = a->sections->len; /* the last section with first <= i */
    while (hi - lo > 1) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(a->sections, JbSection, mid).first <= i)
            lo = mid;
        else
            hi = mid;
    }
    return &g_array_index(a->sections, JbSection, lo);
}

/* Words that open a line giving an item's link (a digest's footer): its URL's date is the
 * item's date when the item states none. */
static const Lit LINK_LINE_WORDS[] = {
    LIT("原始網址"), LIT("原始网址"), LIT("原文連結"), LIT("原文链接"), LIT("原文地址"),
    LIT("原文"),     LIT("来源链接"), LIT("來源連結"), LIT("文章链接"), LIT("本文链接"),
    LIT("链接"),     LIT("連結"),     LIT("网址"),     LIT("網址"),     LIT("查看原文"),
    LIT("阅读原文"), LIT("閱讀原文"), LIT("Source"),   LIT("source"),   LIT("URL"),
    LIT("Link"),     LIT("http"),
};

/* A short line naming an item's link, such as "原文：https://…/2024/10/18/…": the URL. */
static const char *link_line_url(const char *p, glong nchars)
{
    if (nchars > 200)
        return NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(LINK_LINE_WORDS); i++)
        if (starts_with_lit(p, LINK_LINE_WORDS[i]))
            return strstr(p, "http");
    return NULL;
}

/* What a block tells its section about itself: a date line among its first blocks, or a
 * footer line with its link. (Looked at before the junk rules, which drop such lines.) */
void jb_article_notice_section_facts(Ctx *c, const JunkPara *j)
{
    JbSection *x = current_section(c);
    if (x->published[0] && x->url[0])
        return;
    const char *url = j->latin ? link_line_url(j->p, j->n) : NULL;
    if (url) {
        /* up to a space, a closing bracket or （）: by character (strcspn with "）" in its
         * set cut a character holding one of its bytes in two: invalid UTF-8 in the CSV) */
        const char *end = url;
        while (*end && !strchr(" \t)>]", *end) && !g_str_has_prefix(end, "）"))
            end = g_utf8_next_char(end);
        g_autofree char *u = g_strndup(url, (gsize)(end - url));
        if (!x->url[0]) {
            g_free(x->url);
            x->url = g_strdup(u);
        }
        char *d = x->published[0] ? NULL : jb_article_url_date(u);
        if (d) {
            g_free(x->published);
            x->published = d;
        }
        return;
    }
    int y, m, d;
    if (!x->published[0] && c->a->sections->len > 1 && c->section_blocks <= 3 && j->digit &&
        jb_article_header_ymd(j->p, j->n, j, &y, &m, &d)) {
        g_free(x->published);
        x->published = jb_article_format_date(3, y, m, d);
    }
}

/* The words of a post's header line on a page of posts (a forum's 【回答2】某某　2026-12-04
 * 22:31　获赞 536, 提问者：某某　发布于 2026-12-03 08:41, a comment's 3楼). */
static const char *const POST_WORDS[] = {"发布于", "發佈於", "發布於", "发表于", "發表於",
                                         "回答",   "回复",   "回覆",   "获赞",   "獲讚",
                                         "楼",     "樓",     NULL};

/* The post words' first characters (all Chinese): the line is read once for them, not
 * searched for each word. */
static FirstSet post_firsts;

void jb_article_section_init(void)
{
    for (const char *const *w = POST_WORDS; *w; w++)
        first_set_add(&post_firsts, *w);
}

/* Does `p` hold one of POST_WORDS? */
static gboolean holds_post_word(const char *p)
{
    for (; *p; p++) {
        if (!first_set_has(&post_firsts, p))
            continue;
        for (const char *const *w = POST_WORDS; *w; w++)
            if (starts_with(p, *w))
                return TRUE;
    }
    return FALSE;
}

/* A day alone between rules (a chat log's —————— 2026-12-03 ——————): its date, else NULL. */
static char *day_between_rules(const char *p)
{
    const char *q = p;
    while (starts_with(q, "—") || *q == ' ')
        q += *q == ' ' ? 1 : strlen("—");
    const char *e;
    int y, m, d;
    if (q == p || jb_article_scan_ymd(q, &e, &y, &m, &d) != 3)
        return NULL;
    while (*e == ' ')
        e++;
    if (!starts_with(e, "—"))
        return NULL;
    while (starts_with(e, "—") || *e == ' ')
        e += *e == ' ' ? 1 : strlen("—");
    return *e ? NULL : jb_article_format_date(3, y, m, d);
}

/* Is the paragraph `j` the header line of a post on a page of posts: a
 * post's word and a date with its time of day (2026-12-04 22:31), no sentence? Its date as
 * "YYYY-MM-DD" (caller frees), else NULL: each post is then a section of its own day. */
char *jb_article_post_date(const JunkPara *j)
{
    const char *p = j->p;
    if (j->n > 80 || (j->punct & PUNCT_PERIOD))
        return NULL;
    char *day = day_between_rules(p);
    if (day)
        return day;
    /* (a time of day, two digits, a colon and two, is looked for first: a paragraph with a
     * colon is asked, and most have no time, so the post's words need no strstr each) */
    gboolean hhmm = FALSE;
    for (const char *c = strchr(p, ':'); c && !hhmm; c = strchr(c + 1, ':'))
        hhmm = c - p >= 2 && g_ascii_isdigit(c[-2]) && g_ascii_isdigit(c[-1]) &&
               g_ascii_isdigit(c[1]) && g_ascii_isdigit(c[2]);
    if (!hhmm)
        return NULL;
    if (!holds_post_word(p))
        return NULL;
    for (const char *q = p; *q; q++) {
        const char *e;
        int y, m, d;
        if (!g_ascii_isdigit(*q) || (q > p && g_ascii_isdigit(q[-1])) ||
            jb_article_scan_ymd(q, &e, &y, &m, &d) != 3)
            continue;
        while (*e == ' ')
            e++;
        if (g_ascii_isdigit(e[0]) && g_ascii_isdigit(e[1]) && e[2] == ':' &&
            g_ascii_isdigit(e[3]) && g_ascii_isdigit(e[4]))
            return jb_article_format_date(3, y, m, d);
    }
    return NULL;
}
