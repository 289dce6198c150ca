/* jb_publishers.c — publishers by site and file name (see jb_publishers.h). */
#include "jb_publishers.h"

#include "jb_common.h"

#include <string.h>

typedef struct {
    char *key;  /* a host ("people.com.cn") or a file-name prefix ("xwlb") */
    char *name; /* "人民网" */
    gboolean file;
} Entry;

struct JbPublishers {
    GArray *entries; /* Entry */
};

static void entry_clear(gpointer p)
{
    Entry *e = p;
    g_free(e->key);
    g_free(e->name);
}

void jb_publishers_free(JbPublishers *p)
{
    if (!p)
        return;
    g_array_unref(p->entries);
    g_free(p);
}

/* Read in place: a line and its fields found with memchr (a g_strsplit of each line cost
 * more than the rest of reading a short article). */
JbPublishers *jb_publishers_parse(const char *source, const char *data, gsize len, GError **error)
{
    g_autoptr(JbPublishers) p = g_new0(JbPublishers, 1);
    p->entries = g_array_sized_new(FALSE, TRUE, sizeof(Entry), 128);
    g_array_set_clear_func(p->entries, entry_clear);
    const char *end = data + strnlen(data, len); /* (the text ends at a NUL) */
    guint i = 0;
    for (const char *line = data; line <= end; i++) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        const char *next = eol + 1;
        if (eol > line && eol[-1] == '\r')
            eol--;
        if (eol == line || *line == '#') {
            line = next;
            continue;
        }
        /* three fields: up to the first tab, up to the second, the rest (no third tab) */
        const char *t1 = memchr(line, '\t', (size_t)(eol - line));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(eol - t1 - 1)) : NULL;
        gsize n0 = t1 ? (gsize)(t1 - line) : 0;
        const char *why = !t2 || memchr(t2 + 1, '\t', (size_t)(eol - t2 - 1))
                              ? "needs three fields: site|file, key, name"
                          : !(n0 == 4 &&
                              (memcmp(line, "site", 4) == 0 || memcmp(line, "file", 4) == 0))
                              ? "the first field must be site or file"
                          : t2 == t1 + 1 || eol == t2 + 1                  ? "an empty key or name"
                          : !g_utf8_validate(t2 + 1, eol - (t2 + 1), NULL) ? "the name is not UTF-8"
                                                                           : NULL;
        if (why) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: %s", source, i + 1, why);
            return NULL;
        }
        Entry e = {.key = g_ascii_strdown(t1 + 1, t2 - (t1 + 1)),
                   .name = g_strndup(t2 + 1, (gsize)(eol - (t2 + 1))),
                   .file = line[0] == 'f'};
        g_array_append_val(p->entries, e);
        line = next;
    }
    return g_steal_pointer(&p);
}

JbPublishers *jb_publishers_load(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!jb_read_file(path, &data, &len, error))
        return NULL;
    return jb_publishers_parse(path, data, len, error);
}

/* The host of `url`, lower case, without a port or "www."; an archived page's
 * (web.archive.org/web/20200101000000/https://www.example.hk/…) is the page's. NULL when
 * `url` has none. */
static char *host_of(const char *url)
{
    for (int unwrap = 0; unwrap < 4; unwrap++) {
        const char *p = strstr(url, "://");
        if (!p)
            return NULL;
        p += 3;
        gsize n = strcspn(p, "/:?#");
        if (!n)
            return NULL;
        char *host = g_ascii_strdown(p, (gssize)n);
        if (strcmp(host, "web.archive.org") == 0 && g_str_has_prefix(p + n, "/web/")) {
            const char *inner = strchr(p + n + 5, '/'); /* past the timestamp */
            if (inner && strstr(inner, "://")) {
                g_free(host);
                url = inner + 1;
                continue;
            }
        }
        if (g_str_has_prefix(host, "www.")) {
            char *bare = g_strdup(host + 4);
            g_free(host);
            host = bare;
        }
        return host;
    }
    return NULL;
}

/* Does `host` lie at or under the site `key`? */
static gboolean under(const char *host, const char *key)
{
    gsize h = strlen(host), k = strlen(key);
    return h >= k && strcmp(host + h - k, key) == 0 && (h == k || host[h - k - 1] == '.');
}

/* Does the file name `base` (lower case) begin with `prefix` as a word, after a serial? */
static gboolean named(const char *base, const char *prefix)
{
    const char *s = base;
    while (g_ascii_isdigit(*s))
        s++;
    if (s > base && (*s == '_' || *s == '-'))
        base = s + 1; /* 017_xwlb_…: the crawler's serial number */
    gsize n = strlen(prefix);
    if (strncmp(base, prefix, n) != 0)
        return FALSE;
    char c = base[n];
    return c == '\0' || c == '_' || c == '-' || c == '.' || g_ascii_isdigit(c);
}

static const Entry *best(const JbPublishers *p, const char *what, gboolean file)
{
    const Entry *found = NULL;
    for (guint i = 0; p && i < p->entries->len; i++) {
        const Entry *e = &g_array_index(p->entries, Entry, i);
        if (e->file == file && (file ? named(what, e->key) : under(what, e->key)) &&
            (!found || strlen(e->key) > strlen(found->key)))
            found = e;
    }
    return found;
}

char *jb_publishers_name(const JbPublishers *p, const char *url, const char *path)
{
    g_autofree char *host = url ? host_of(url) : NULL;
    if (host) {
        const Entry *e = best(p, host, FALSE);
        return e ? g_strdup(e->name) : g_steal_pointer(&host);
    }
    if (!path || !*path)
        return NULL;
    g_autofree char *base = g_path_get_basename(path);
    g_autofree char *lower = g_ascii_strdown(base, -1);
    const Entry *e = best(p, lower, TRUE);
    return e ? g_strdup(e->name) : NULL;
}

void jb_publishers_fill(const JbPublishers *p, JbArticle *a)
{
    if (a->publisher && *a->publisher)
        return;
    char *name = jb_publishers_name(p, a->url && *a->url ? a->url : NULL, a->source);
    /* a digest saved without its own URL: the file name knows the programme (xwlb_…) better
     * than the host of its items' links (tv.cctv.com) */
    for (guint i = 0; !name && a->sections && i < a->sections->len; i++) {
        const JbSection *s = &g_array_index(a->sections, JbSection, i);
        if (*s->url)
            name = jb_publishers_name(p, s->url, NULL);
    }
    if (name) {
        g_free(a->publisher);
        a->publisher = name;
    }
}
