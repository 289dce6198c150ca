/* jb_article_shape.c — which pass a file gets: HTML, Markdown or plain text, from its name,
 * its front matter and the tags and Markdown signs of its first 64 KB.
 *
 * Not for: the passes themselves (jb_article_html.c, jb_article_text.c).
 */
#include "jb_article_priv.h"

static gboolean has_ext(const char *path, const char *const *exts)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return FALSE;
    for (; *exts; exts++)
        if (g_ascii_strcasecmp(dot + 1, *exts) == 0)
            return TRUE;
    return FALSE;
}

/* Is [p, lim) at a pipe table's rule (| --- | :---: |)? */
static gboolean table_rule(const char *p, const char *lim)
{
    if (p >= lim || *p != '|')
        return FALSE;
    guint dashes = 0;
    for (; p < lim && *p != '\n' && *p != '\r'; p++)
        if (*p == '-')
            dashes++;
        else if (*p != '|' && *p != ':' && *p != ' ')
            return FALSE;
    return dashes >= 3;
}

/* Markdown signs in [s, lim), counted up to 4: a heading or a fence at a line start, "](" or
 * "**" anywhere; with `rules`, a pipe table's rule (enough alone). */
static guint markdown_signs(const char *s, const char *lim, gboolean rules)
{
    guint score = 0;
    for (const char *p = s; p < lim && score < 4;) { /* p: a line start */
        const char *h = p;
        while (h < lim && *h == '#')
            h++;
        if (h > p && h - p <= 6 && h < lim && *h == ' ')
            score += 2;
        if (lim - p >= 3 && memcmp(p, "```", 3) == 0)
            score += 2;
        if (rules && table_rule(p, lim))
            score += 4; /* (no page of tags writes one) */
        const char *q = p;
        for (;;) {
            q = skip_to_any(q, lim, ']', '*', '\n');
            if (q == lim || *q == '\n')
                break;
            if (q + 1 < lim && ((q[0] == ']' && q[1] == '(') || (q[0] == '*' && q[1] == '*')))
                score++;
            q++;
        }
        p = q + 1;
    }
    return score;
}

JbShape jb_article_detect_shape(const char *path, const char *s, const char *end, gboolean fm)
{
    static const char *const html_exts[] = {"html", "htm", "xhtml", "shtml", NULL};
    static const char *const md_exts[] = {"md", "markdown", "mdown", "mkd", NULL};
    const char *lim = end - s > 65536 ? s + 65536 : end;
    guint tags = 0;
    /* Without front matter or a Markdown name, three tags make it HTML whatever follows
     * (later tags could only make it HTML too): the search stops there. */
    gboolean md = fm || has_ext(path, md_exts);
    for (const char *p = s; p < lim && (p = memchr(p, '<', (size_t)(lim - p))) != NULL; p++) {
        if (tags >= 3 && !md)
            return JB_SHAPE_HTML;
        if (lim - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            tags++;
            continue;
        }
        if (p + 1 < lim && p[1] == '!' && lim - p >= 9 &&
            g_ascii_strncasecmp(p, "<!doctype", 9) == 0)
            return JB_SHAPE_HTML;
        const char *q = p + 1 + (p + 1 < lim && p[1] == '/');
        char name[16];
        jb_article_tag_name(q, lim, name, sizeof name);
        if (strcmp(name, "html") == 0 || strcmp(name, "body") == 0 || strcmp(name, "head") == 0)
            return JB_SHAPE_HTML;
        if (jb_article_tag_info(name) || strcmp(name, "a") == 0 || strcmp(name, "span") == 0 ||
            strcmp(name, "img") == 0 || strcmp(name, "strong") == 0 || strcmp(name, "b") == 0 ||
            strcmp(name, "em") == 0 || strcmp(name, "i") == 0 || strcmp(name, "font") == 0)
            tags++;
    }
    if (md) {
        /* Markdown may hold inline HTML; only a body that opens with a tag is HTML, unless
         * its text has Markdown's own blocks (a post opening with a <figure> photo and its
         * caption, then ## headings, **bold** and | pipe | tables) */
        const char *q = s;
        while (q < end && g_ascii_isspace(*q))
            q++;
        return q < end && *q == '<' && tags >= 2 && markdown_signs(s, lim, TRUE) < 4
                   ? JB_SHAPE_HTML
                   : JB_SHAPE_MARKDOWN;
    }
    if (tags >= 3 || (tags >= 1 && has_ext(path, html_exts)))
        return JB_SHAPE_HTML;
    return markdown_signs(s, lim, FALSE) >= 4 ? JB_SHAPE_MARKDOWN : JB_SHAPE_TEXT;
}
