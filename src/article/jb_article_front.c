/* jb_article_front.c — YAML front matter above a Markdown article (Jekyll, Hexo, Hugo): its
 * title, published date, URL, publisher, author and summary into the article, and where its body
 * begins.
 *
 * Not for: the Markdown after it (jb_article_text.c).
 */
#include "jb_article_priv.h"

static char *yaml_scalar(const char *v)
{
    g_autofree char *t = jb_article_strip_dup(v);
    gsize n = strlen(t);
    if (n >= 2 && t[0] == '\'' && t[n - 1] == '\'') {
        GString *s = g_string_new(NULL);
        for (gsize i = 1; i + 1 < n; i++) {
            g_string_append_c(s, t[i]);
            if (t[i] == '\'' && t[i + 1] == '\'')
                i++;
        }
        return g_string_free(s, FALSE);
    }
    if (n >= 2 && t[0] == '"' && t[n - 1] == '"') {
        GString *s = g_string_new(NULL);
        for (gsize i = 1; i + 1 < n; i++) {
            if (t[i] == '\\' && i + 2 < n)
                i++;
            g_string_append_c(s, t[i]);
        }
        return g_string_free(s, FALSE);
    }
    return g_steal_pointer(&t);
}

static gboolean blank_line(const char *p, const char *e)
{
    for (; p < e; p++)
        if (*p != ' ' && *p != '\t')
            return FALSE;
    return TRUE;
}

static gboolean fence_line(const char *p, const char *e, const char *fence)
{
    gsize n = strlen(fence);
    return (gsize)(e - p) >= n && memcmp(p, fence, n) == 0 && blank_line(p + n, e);
}

/* A YAML front matter block ("---" … "---" or "..."), possibly after blank lines, with at
 * least one "key: value" line. Returns the offset of the body (0 if there is no front
 * matter) and sets *body_line to the body's first line. */
gsize jb_article_front_matter(Ctx *c, const char *s, gsize len, guint *body_line)
{
    const char *p = s, *end = s + len;
    guint line = 1;
    for (;;) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            return 0;
        if (!blank_line(p, e))
            break;
        p = e + 1;
        line++;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!fence_line(p, e, "---"))
        return 0;
    p = e + 1;
    line++;
    guint keys = 0;
    g_autofree char *title = NULL, *date = NULL, *url = NULL, *publisher = NULL, *author = NULL;
    g_autofree char *summary = NULL;
    guint date_line = 0;
    while (p < end) {
        e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        if (fence_line(p, e, "---") || fence_line(p, e, "...")) {
            if (keys == 0)
                return 0;
            c->fm_title = g_steal_pointer(&title);
            c->fm_date = g_steal_pointer(&date);
            c->fm_url = g_steal_pointer(&url);
            c->fm_publisher = g_steal_pointer(&publisher);
            c->fm_author = g_steal_pointer(&author);
            c->fm_summary = g_steal_pointer(&summary);
            c->fm_date_line = date_line;
            *body_line = line + 1;
            return e < end ? (gsize)(e + 1 - s) : len;
        }
        const char *k = p;
        while (k < e && (g_ascii_isalnum(*k) || *k == '_' || *k == '-'))
            k++;
        if (k > p && k < e && *k == ':' && (k + 1 == e || k[1] == ' ' || k[1] == '\t')) {
            keys++;
            g_autofree char *key = g_ascii_strdown(p, k - p);
            g_autofree char *raw = g_strndup(k + 1, e - k - 1);
            g_autofree char *val = yaml_scalar(raw);
            if (*val) {
                if (!title && strcmp(key, "title") == 0) {
                    title = g_steal_pointer(&val);
                } else if (!date &&
                           (strcmp(key, "date") == 0 || strcmp(key, "published") == 0 ||
                            strcmp(key, "pubdate") == 0 || strcmp(key, "publish_date") == 0 ||
                            strcmp(key, "published_at") == 0)) {
                    date = g_steal_pointer(&val);
                    date_line = line;
                } else if (!url &&
                           (strcmp(key, "url") == 0 || strcmp(key, "link") == 0 ||
                            strcmp(key, "source_url") == 0 || strcmp(key, "permalink") == 0 ||
                            strcmp(key, "canonical") == 0 || strcmp(key, "canonical_url") == 0 ||
                            (strcmp(key, "source") == 0 && starts_with(val, "http")))) {
                    url = g_steal_pointer(&val);
                } else if (!publisher &&
                           (strcmp(key, "publisher") == 0 || strcmp(key, "site_name") == 0 ||
                            strcmp(key, "site") == 0 || strcmp(key, "media") == 0 ||
                            strcmp(key, "source") == 0)) {
                    publisher = g_steal_pointer(&val);
                } else if (!author && strcmp(key, "author") == 0) {
                    author = g_steal_pointer(&val);
                } else if (!summary &&
                           (strcmp(key, "summary") == 0 || strcmp(key, "excerpt") == 0)) {
                    summary = g_steal_pointer(&val);
                }
            }
        }
        p = e + 1;
        line++;
    }
    return 0; /* never closed: not front matter */
}

char *jb_article_front_summary(const char *raw)
{
    char *t = jb_article_clean_text(raw, strlen(raw));
    gsize n = strlen(t);
    if (g_str_has_suffix(t, "…") || g_str_has_suffix(t, "...")) {
        char *stop = NULL;
        for (const char *const *w = (const char *const[]){"。", "；", "，", NULL}; *w && !stop; w++)
            stop = g_strrstr_len(t, (gssize)n, *w);
        n = stop ? (gsize)(stop - t) : 0;
        t[n] = '\0';
    }
    return t;
}
