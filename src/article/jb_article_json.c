/* jb_article_json.c — articles saved as JSON and the JSON-LD a page says about itself.
 *
 * Crawlers and news APIs store a story as an object with its title, date, link, source and
 * body ({"title": …, "pubDate": …, "content": "<p>…</p>"}), a file as a list of them, or
 * the list under a key ({"data": {"list": […]}}). One story is read as the article; a list
 * as a feed is: each story a section with its heading, date and link. A body with tags is
 * read as HTML, otherwise as plain text. The keys are the ones such files use; the first
 * present wins (see the tables below).
 *
 * A page's <script type="application/ld+json"> (schema.org NewsArticle and kin) gives the
 * date published, the headline, the publisher and the link where the <meta> tags do not.
 *
 * Parsed by json-glib. Its parser recurses once per level of nesting, and a file of a
 * million '[' overflows the stack: the nesting is measured here first (JB_JSON_MAX_DEPTH).
 *
 * Not for: RSS and Atom (jb_article_feed.c), the HTML of a body (jb_article_html.c).
 */
#include "jb_article_priv.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#define JB_JSON_MAX_DEPTH 64      /* deeper is no article: refused before parsing */
#define JB_JSON_LD_MAX (1u << 20) /* a JSON-LD block larger than this is not read */

static const char *const TITLE_KEYS[] = {"title", "headline", "Title", NULL};
static const char *const DATE_KEYS[] = {"datePublished",
                                        "pubDate",
                                        "pub_date",
                                        "publishTime",
                                        "publish_time",
                                        "publishDate",
                                        "publish_date",
                                        "publishedAt",
                                        "published_at",
                                        "published",
                                        "pubtime",
                                        "ptime",
                                        "releaseDate",
                                        "release_date",
                                        "date_published",
                                        "date",
                                        "time",
                                        "dateCreated",
                                        "created_at",
                                        "createTime",
                                        "create_time",
                                        "ctime",
                                        "pub_time",
                                        "pubTime",
                                        "post_time",
                                        "postTime",
                                        "published_time",
                                        "publishedTime",
                                        NULL};
static const char *const URL_KEYS[] = {"url",       "link",       "shareUrl",         "share_url",
                                       "sourceUrl", "source_url", "mainEntityOfPage", "@id",
                                       NULL};
static const char *const PUBLISHER_KEYS[] = {"publisher",  "source",   "sourceName", "source_name",
                                             "site_name",  "siteName", "media",      "mediaName",
                                             "media_name", NULL};
static const char *const BODY_KEYS[] = {
    "articleBody", "content",     "contentHtml", "content_html", "content_text", "body", "text",
    "html",        "description", "summary",     "digest",       "abstract",     NULL};
static const char *const LIST_KEYS[] = {"items",   "articles", "data",   "list",
                                        "news",    "results",  "result", "docs",
                                        "entries", "records",  "@graph", NULL};

/* The line of s[0..end) where nesting first goes deeper than `max` (outside strings), or 0
 * when it never does. */
static guint too_deep_at(const char *s, const char *end, guint max)
{
    guint depth = 0, line = 1;
    gboolean in_string = FALSE;
    for (const char *p = s; p < end; p++) {
        char ch = *p;
        if (ch == '\n')
            line++;
        if (in_string) {
            if (ch == '\\' && p + 1 < end)
                p++;
            else if (ch == '"')
                in_string = FALSE;
        } else if (ch == '"') {
            in_string = TRUE;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max)
                return line;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            depth--;
        }
    }
    return 0;
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && g_ascii_isspace(*p))
        p++;
    return p;
}

gboolean jb_article_is_json(const char *s, const char *end)
{
    const char *p = skip_space(s, end);
    if (p >= end || (*p != '{' && *p != '['))
        return FALSE;
    const char *q = skip_space(p + 1, end);
    /* {"key" or {} ; [{ or [] : not a bracketed word of plain text ([新闻] …) */
    return q < end && (*p == '{' ? *q == '"' || *q == '}' : *q == '{' || *q == ']');
}

/* A date given as a number: Unix seconds or milliseconds, as China's news APIs write them,
 * read as the calendar day in China (UTC+8). NULL when it is neither (g_free). */
static char *epoch_date(gint64 v)
{
    if (v > G_GINT64_CONSTANT(100000000000)) /* milliseconds */
        v /= 1000;
    if (v < 315532800 || v > 4102444800) /* 1980 … 2100 */
        return NULL;
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(v);
    g_autoptr(GDateTime) cn = utc ? g_date_time_add_hours(utc, 8) : NULL;
    if (!cn)
        return NULL;
    return jb_article_format_date(3, g_date_time_get_year(cn), g_date_time_get_month(cn),
                                  g_date_time_get_day_of_month(cn));
}

/* The text of member `key` of `o`: a string, a number (as a date when `date`), or an
 * object's "name" (a publisher) or "@id" (a page); NULL when none (g_free). */
static char *member_text(JsonObject *o, const char *key, gboolean date)
{
    JsonNode *n = json_object_get_member(o, key);
    if (!n)
        return NULL;
    if (JSON_NODE_HOLDS_OBJECT(n)) {
        JsonObject *inner = json_node_get_object(n);
        for (const char *const *k = (const char *const[]){"name", "@id", "url", NULL}; *k; k++) {
            JsonNode *m = json_object_get_member(inner, *k);
            if (m && JSON_NODE_HOLDS_VALUE(m) && json_node_get_value_type(m) == G_TYPE_STRING)
                return jb_article_strip_dup(json_node_get_string(m));
        }
        return NULL;
    }
    if (!JSON_NODE_HOLDS_VALUE(n))
        return NULL;
    GType t = json_node_get_value_type(n);
    if (t == G_TYPE_STRING)
        return jb_article_strip_dup(json_node_get_string(n));
    if (date && t == G_TYPE_INT64)
        return epoch_date(json_node_get_int(n));
    return NULL;
}

/* The first of `keys` that `o` has with a text that is not empty (g_free), or NULL. */
static char *first_text(JsonObject *o, const char *const *keys, gboolean date)
{
    for (; *keys; keys++) {
        char *v = member_text(o, *keys, date);
        if (v && *v)
            return v;
        g_free(v);
    }
    return NULL;
}

/* The key of `o`'s body (the first of BODY_KEYS holding a string that is not empty), or
 * NULL. */
static const char *body_key(JsonObject *o)
{
    for (const char *const *k = BODY_KEYS; *k; k++) {
        JsonNode *n = json_object_get_member(o, *k);
        if (n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING) {
            const char *v = json_node_get_string(n);
            if (v && *v)
                return *k;
        }
    }
    return NULL;
}

/* The stories of the document at `n`: a story, a list of them, or a list under one of
 * LIST_KEYS (two levels at most: {"data": {"list": […]}}). Into `out` (JsonObject *,
 * borrowed from the document). */
static void find_stories(JsonNode *n, int level, GPtrArray *out)
{
    if (JSON_NODE_HOLDS_ARRAY(n)) {
        JsonArray *arr = json_node_get_array(n);
        for (guint i = 0; i < json_array_get_length(arr); i++) {
            JsonNode *e = json_array_get_element(arr, i);
            if (JSON_NODE_HOLDS_OBJECT(e) && body_key(json_node_get_object(e)))
                g_ptr_array_add(out, json_node_get_object(e));
        }
        return;
    }
    if (!JSON_NODE_HOLDS_OBJECT(n))
        return;
    JsonObject *o = json_node_get_object(n);
    /* a list of stories first: a feed's own object has a title and a description too
     * (JSON Feed: {"title": …, "description": …, "items": [{"content_html": …}]}) */
    for (const char *const *k = LIST_KEYS; level < 2 && *k && out->len == 0; k++) {
        JsonNode *m = json_object_get_member(o, *k);
        if (m && !JSON_NODE_HOLDS_VALUE(m))
            find_stories(m, level + 1, out);
    }
    if (out->len == 0 && body_key(o))
        g_ptr_array_add(out, o);
    /* a story wrapped in an object of any name ({"status": "ok", "item": {"content": …}},
     * {"data": {"article": {…}}}): the first member that holds one */
    if (out->len == 0 && level < 2) {
        g_autoptr(GList) names = json_object_get_members(o);
        for (GList *l = names; l && out->len == 0; l = l->next) {
            JsonNode *m = json_object_get_member(o, l->data);
            if (m && !JSON_NODE_HOLDS_VALUE(m) && !JSON_NODE_HOLDS_NULL(m))
                find_stories(m, level + 1, out);
        }
    }
}

/* The line of the file where the member `key` is next written, at or after *from (moved
 * past it): where a story's body begins. The parser does not say where a value lies, and
 * stories are written in order, so the next occurrence of the quoted key is its own. */
static guint key_line(const char *end, const char **from, guint line0, guint *line_at_from,
                      const char *key)
{
    g_autofree char *quoted = g_strdup_printf("\"%s\"", key);
    const char *hit = memmem(*from, (size_t)(end - *from), quoted, strlen(quoted));
    if (!hit)
        return line0 + *line_at_from;
    for (const char *p = *from; p < hit && (p = memchr(p, '\n', (size_t)(hit - p))); p++)
        (*line_at_from)++;
    *from = hit + strlen(quoted);
    return line0 + *line_at_from;
}

/* The body `text` of a story, read as HTML when it has tags, else as plain text. */
static void body_pass(Ctx *c, const char *text, guint line)
{
    const char *end = text + strlen(text);
    const char *lt = memchr(text, '<', (size_t)(end - text));
    if (lt && lt + 1 < end && (g_ascii_isalpha(lt[1]) || lt[1] == '/' || lt[1] == '!'))
        jb_article_html_pass(c, text, end, line, FALSE);
    else
        jb_article_text_pass(c, text, end, line);
}

void jb_article_json_pass(Ctx *c, const char *s, const char *end, guint line, GError **error)
{
    guint deep = too_deep_at(s, end, JB_JSON_MAX_DEPTH);
    if (deep) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s:%u: JSON nested deeper than %d levels",
                    c->a->source, line - 1 + deep, JB_JSON_MAX_DEPTH);
        return;
    }
    g_autoptr(JsonParser) parser = json_parser_new_immutable();
    g_autoptr(GError) err = NULL;
    if (!json_parser_load_from_data(parser, s, end - s, &err)) {
        /* json-glib says "<data>:LINE:COL: Parse error: …" */
        const char *msg = err->message;
        guint ln = 0, col = 0;
        if (g_str_has_prefix(msg, "<data>:") && sscanf(msg + 7, "%u:%u", &ln, &col) == 2) {
            const char *why = strstr(msg + 7, ": ");
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u:%u: not valid JSON%s", c->a->source,
                        line - 1 + ln, col, why ? why : "");
        } else {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: not valid JSON: %s", c->a->source,
                        line, msg);
        }
        return;
    }
    JsonNode *root = json_parser_get_root(parser);
    g_autoptr(GPtrArray) stories = g_ptr_array_new();
    if (root)
        find_stories(root, 0, stories);
    if (stories->len == 0) {
        jb_article_add_warning(c->warnings, "%s:%u: JSON with no story in it (no member %s, %s, …)",
                               c->a->source, line, BODY_KEYS[0], BODY_KEYS[1]);
        return;
    }
    if (root && JSON_NODE_HOLDS_OBJECT(root) && stories->len > 1 && !c->site_name) {
        JsonObject *r = json_node_get_object(root);
        c->site_name = first_text(r, PUBLISHER_KEYS, FALSE);
        g_autofree char *version = member_text(r, "version", FALSE);
        if (!c->site_name && version && strstr(version, "jsonfeed.org"))
            c->site_name = first_text(r, TITLE_KEYS, FALSE); /* a JSON Feed: its title */
    }
    const char *cursor = s;
    guint lines_before = 0;
    for (guint i = 0; i < stories->len; i++) {
        JsonObject *o = g_ptr_array_index(stories, i);
        g_autofree char *title = first_text(o, TITLE_KEYS, FALSE);
        g_autofree char *date = first_text(o, DATE_KEYS, TRUE);
        g_autofree char *url = first_text(o, URL_KEYS, FALSE);
        const char *key = body_key(o);
        guint body_line = key_line(end, &cursor, line, &lines_before, key);
        if (stories->len == 1) { /* the article itself */
            if (!c->og_title && title)
                c->og_title = g_strdup(title);
            if (!c->meta_date && date)
                c->meta_date = g_strdup(date);
            if (!c->og_url && url)
                c->og_url = g_strdup(url);
            if (!c->site_name)
                c->site_name = first_text(o, PUBLISHER_KEYS, FALSE);
        } else {
            jb_article_begin_section(c, title, title ? strlen(title) : 0, date, url);
            if (title) {
                c->next_kind = JB_PARA_HEADING;
                jb_article_emit(c, title, strlen(title), body_line);
            }
        }
        body_pass(c, json_object_get_string_member(o, key), body_line);
    }
}

/* Is `o` the page's story (schema.org NewsArticle, Article, BlogPosting … or anything
 * with a datePublished)? */
static gboolean is_story(JsonObject *o)
{
    if (json_object_has_member(o, "datePublished"))
        return TRUE;
    g_autofree char *type = member_text(o, "@type", FALSE);
    return type && g_str_has_suffix(type, "Article");
}

/* The story object in a JSON-LD document: the root, an element of a list or of @graph. */
static JsonObject *ld_story(JsonNode *n, int level)
{
    if (level > 2 || !n)
        return NULL;
    if (JSON_NODE_HOLDS_OBJECT(n)) {
        JsonObject *o = json_node_get_object(n);
        if (is_story(o))
            return o;
        return ld_story(json_object_get_member(o, "@graph"), level + 1);
    }
    if (JSON_NODE_HOLDS_ARRAY(n)) {
        JsonArray *arr = json_node_get_array(n);
        for (guint i = 0; i < json_array_get_length(arr); i++) {
            JsonObject *o = ld_story(json_array_get_element(arr, i), level + 1);
            if (o)
                return o;
        }
    }
    return NULL;
}

void jb_article_json_ld(Ctx *c, const char *s, const char *end)
{
    /* a page's JSON-LD is often broken or cut; what cannot be read is passed over */
    if ((gsize)(end - s) > JB_JSON_LD_MAX || too_deep_at(s, end, JB_JSON_MAX_DEPTH))
        return;
    g_autoptr(JsonParser) parser = json_parser_new_immutable();
    if (!json_parser_load_from_data(parser, s, end - s, NULL))
        return;
    JsonObject *o = ld_story(json_parser_get_root(parser), 0);
    if (!o)
        return;
    if (!c->meta_date)
        c->meta_date = first_text(o, (const char *const[]){"datePublished", "dateCreated", NULL},
                                  TRUE);
    if (!c->og_title)
        c->og_title = first_text(o, (const char *const[]){"headline", "name", NULL}, FALSE);
    if (!c->site_name)
        c->site_name = first_text(o, (const char *const[]){"publisher", "sourceOrganization", NULL},
                                  FALSE);
    if (!c->og_url)
        c->og_url = first_text(o, (const char *const[]){"url", "mainEntityOfPage", NULL}, FALSE);
}
