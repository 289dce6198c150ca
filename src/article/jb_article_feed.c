/* jb_article_feed.c — RSS 2.0 and Atom feeds saved as articles: each <item> (<entry>) is a
 * section with its title as a heading, its pubDate (published, updated, dc:date) and link,
 * and its description (content:encoded, content, summary) read as HTML, whether written in
 * CDATA or escaped with entities. The channel's title names the publisher.
 *
 * A feed is XML, but a saved one is often cut short or not well formed (an unclosed
 * channel, a stray "&"), and a parser that stops at the first error loses every item after
 * it; so items are found by their tags, which is all that is needed here.
 *
 * Not for: the HTML inside an item (jb_article_html.c).
 */
#include "jb_article_priv.h"

/* Past white space, an XML declaration, comments and a doctype. */
static const char *skip_prolog(const char *p, const char *end)
{
    for (;;) {
        while (p < end && g_ascii_isspace(*p))
            p++;
        if (end - p >= 2 && p[0] == '<' && (p[1] == '?' || p[1] == '!')) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            if (!gt)
                return end;
            p = gt + 1;
            continue;
        }
        return p;
    }
}

static gboolean tag_is(const char *p, const char *end, const char *name)
{
    gsize n = strlen(name);
    return (gsize)(end - p) > n + 1 && p[0] == '<' && g_ascii_strncasecmp(p + 1, name, n) == 0 &&
           (g_ascii_isspace(p[1 + n]) || p[1 + n] == '>' || p[1 + n] == '/');
}

gboolean jb_article_is_feed(const char *s, const char *end)
{
    const char *p = skip_prolog(s, end);
    return tag_is(p, end, "rss") || tag_is(p, end, "feed") || tag_is(p, end, "rdf:RDF");
}

/* The element <name …>…</name> at or after `from`, before `limit`: its content in
 * [*cs, *ce) and where it ends; NULL when there is none. A self-closed <name …/> has an
 * empty content and its attributes in [*as, *ae). */
static const char *element(const char *from, const char *limit, const char *name, const char **as,
                           const char **ae, const char **cs, const char **ce)
{
    gsize n = strlen(name);
    for (const char *p = from; p < limit && (p = memchr(p, '<', (size_t)(limit - p))); p++) {
        if (!tag_is(p, limit, name))
            continue;
        const char *gt = memchr(p, '>', (size_t)(limit - p));
        if (!gt)
            return NULL;
        *as = p + 1 + n;
        *ae = gt;
        if (gt[-1] == '/') {
            *cs = *ce = gt + 1;
            return gt + 1;
        }
        /* the closing tag: a CDATA section may hold "</" */
        const char *q = gt + 1;
        for (;;) {
            const char *lt = memchr(q, '<', (size_t)(limit - q));
            if (!lt)
                return NULL;
            if (limit - lt >= 9 && memcmp(lt, "<![CDATA[", 9) == 0) {
                const char *close = memmem(lt + 9, (size_t)(limit - lt - 9), "]]>", 3);
                if (!close)
                    return NULL;
                q = close + 3;
                continue;
            }
            if ((gsize)(limit - lt) >= n + 2 && lt[1] == '/' &&
                g_ascii_strncasecmp(lt + 2, name, n) == 0) {
                *cs = gt + 1;
                *ce = lt;
                const char *end_gt = memchr(lt, '>', (size_t)(limit - lt));
                return end_gt ? end_gt + 1 : limit;
            }
            q = lt + 1;
        }
    }
    return NULL;
}

/* The text of an element's content: CDATA sections as written, the rest with entities
 * decoded (so that escaped HTML becomes HTML). Caller frees. */
static char *content_text(const char *s, const char *e)
{
    GString *out = g_string_sized_new((gsize)(e - s));
    const char *p = s;
    while (p < e) {
        if (e - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
            const char *close = memmem(p + 9, (size_t)(e - p - 9), "]]>", 3);
            const char *stop = close ? close : e;
            g_string_append_len(out, p + 9, stop - (p + 9));
            p = close ? close + 3 : e;
        } else if (*p == '&') {
            p = jb_article_decode_entity(p, e, out);
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

/* A plain field of an item (title, link, date): its text, trimmed, or NULL. */
static char *field(const char *from, const char *limit, const char *const *names)
{
    for (; *names; names++) {
        const char *as, *ae, *cs, *ce;
        if (!element(from, limit, *names, &as, &ae, &cs, &ce))
            continue;
        if (cs == ce && strcmp(*names, "link") == 0) { /* Atom: <link href="…"/> */
            const char *h = g_strstr_len(as, ae - as, "href=");
            if (h && (h[5] == '"' || h[5] == '\'')) {
                const char *q = memchr(h + 6, h[5], (size_t)(ae - h - 6));
                if (q)
                    return g_strndup(h + 6, (gsize)(q - h - 6));
            }
            continue;
        }
        g_autofree char *t = content_text(cs, ce);
        char *v = jb_article_strip_dup(t);
        if (*v)
            return v;
        g_free(v);
    }
    return NULL;
}

static guint lines_between(const char *a, const char *b)
{
    guint n = 0;
    for (const char *p = a; p < b && (p = memchr(p, '\n', (size_t)(b - p))); p++)
        n++;
    return n;
}

void jb_article_feed_pass(Ctx *c, const char *s, const char *end, guint line)
{
    static const char *const TITLE[] = {"title", NULL};
    static const char *const LINK[] = {"link", "guid", "id", NULL};
    static const char *const DATE[] = {"pubDate", "published", "dc:date", "updated", NULL};
    static const char *const BODY[] = {"content:encoded", "content", "description", "summary",
                                       NULL};
    const char *first_item = NULL;
    for (const char *p = s; p < end && (p = memchr(p, '<', (size_t)(end - p))); p++)
        if (tag_is(p, end, "item") || tag_is(p, end, "entry")) {
            first_item = p;
            break;
        }
    const char *head_end = first_item ? first_item : end;
    if (!c->site_name)
        c->site_name = field(s, head_end, TITLE);
    if (!c->meta_date)
        c->meta_date = field(s, head_end,
                             (const char *const[]){"lastBuildDate", "pubDate", "updated", NULL});
    const char *p = first_item;
    while (p && p < end) {
        const char *name = tag_is(p, end, "item") ? "item" : "entry";
        const char *as, *ae, *cs, *ce;
        const char *after = element(p, end, name, &as, &ae, &cs, &ce);
        if (!after) { /* cut short: the item runs to the end of the file */
            cs = memchr(p, '>', (size_t)(end - p));
            cs = cs ? cs + 1 : end;
            ce = after = end;
        }
        guint item_line = line + lines_between(s, cs);
        g_autofree char *title = field(cs, ce, TITLE);
        g_autofree char *link = field(cs, ce, LINK);
        g_autofree char *date = field(cs, ce, DATE);
        /* (an ad among the items, 【广告】…: none of it is news) */
        gboolean ad = title && jb_article_ad_title(title);
        if (!ad)
            jb_article_begin_section(c, title, title ? strlen(title) : 0, date, link);
        if (title && !ad) {
            c->next_kind = JB_PARA_HEADING;
            jb_article_emit(c, title, strlen(title), item_line);
        }
        for (const char *const *b = BODY; *b && !ad; b++) {
            const char *bs, *be, *xs, *xe;
            if (!element(cs, ce, *b, &bs, &be, &xs, &xe) || xs == xe)
                continue;
            g_autofree char *html = content_text(xs, xe);
            jb_article_html_pass(c, html, html + strlen(html), line + lines_between(s, xs), FALSE);
            break;
        }
        /* the next item */
        p = NULL;
        for (const char *q = after; q < end && (q = memchr(q, '<', (size_t)(end - q))); q++)
            if (tag_is(q, end, "item") || tag_is(q, end, "entry")) {
                p = q;
                break;
            }
    }
}
