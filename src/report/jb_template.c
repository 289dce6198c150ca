#include "jb_template.h"

#include "jb_common.h"
#include "jb_nearest.h"
#include "jb_report.h"

#include <string.h>

void jb_template_free(JbTemplate *t)
{
    if (!t)
        return;
    g_hash_table_unref(t->meta);
    g_free(t->body);
    g_ptr_array_unref(t->used);
    g_ptr_array_unref(t->refs);
    g_free(t);
}

const char *jb_template_meta(const JbTemplate *t, const char *key, const char *fallback)
{
    const char *v = g_hash_table_lookup(t->meta, key);
    return v && *v ? v : fallback;
}

static void ref_free(JbTemplateRef *r)
{
    g_free(r->metric_id);
    g_free(r->field);
    g_free(r);
}

char *jb_template_strip_marks(const char *text)
{
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p; p++) {
        if (*p == JB_TEMPLATE_MARK) {
            const char *end = strchr(p + 1, JB_TEMPLATE_MARK);
            if (end) {
                p = end;
                continue;
            }
        }
        g_string_append_c(out, *p);
    }
    return g_string_free(out, FALSE);
}

static char *unquote(const char *v)
{
    size_t n = strlen(v);
    if (n >= 2 && ((v[0] == '"' && v[n - 1] == '"') || (v[0] == '\'' && v[n - 1] == '\'')))
        return g_strndup(v + 1, n - 2);
    return g_strdup(v);
}

/* Returns the offset where the body starts; fills meta. */
static gsize front_matter(const char *source, const char *text, GHashTable *meta, guint *line,
                          GError **error)
{
    const char *p = text;
    guint ln = 1;
    while (*p == '\n' || *p == '\r') { /* front matter may follow blank lines */
        p++;
        ln++;
    }
    if (strncmp(p, "---", 3) != 0 || (p[3] != '\n' && p[3] != '\r')) {
        *line = 1;
        return 0;
    }
    guint start_line = ln;
    p = strchr(p, '\n');
    if (!p) { /* "---" and nothing after it */
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: front matter is not closed by '---'",
                    source, start_line);
        return (gsize)-1;
    }
    p++;
    ln++;
    while (*p) {
        const char *nl = strchr(p, '\n');
        g_autofree char *l = g_strstrip(g_strndup(p, nl ? (gsize)(nl - p) : strlen(p)));
        if (strcmp(l, "---") == 0) {
            *line = ln + 1;
            return nl ? (gsize)(nl + 1 - text) : strlen(text);
        }
        char *colon = strchr(l, ':');
        if (*l && *l != '#' && colon) {
            *colon = 0;
            const char *key = g_strstrip(l);
            /* a misspelt key was silently no title (titel: 简报) */
            static const char *const KEYS[] = {"title", "subtitle", "organisation",
                                               "date",  "keywords", NULL};
            if (!g_strv_contains(KEYS, key)) {
                g_autofree char *hint = jb_nearest_hint(key, KEYS, "; did you mean '%s:'?");
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: unknown front matter key '%s' (a template's are title, "
                            "subtitle, organisation, date and keywords)%s",
                            source, ln, key, hint);
                return (gsize)-1;
            }
            g_hash_table_replace(meta, g_strdup(key), unquote(g_strstrip(colon + 1)));
        } else if (*l && *l != '#') {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: a front matter line is 'key: value' (title: 简报)", source, ln);
            return (gsize)-1;
        }
        if (!nl)
            break;
        p = nl + 1;
        ln++;
    }
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: front matter is not closed by '---'",
                source, start_line);
    return (gsize)-1;
}

/* Each value placeholder is a footnote with its sources: a briefing has tens; 10000 in one
 * paragraph lay out in ~3 s (linear: tests/pathological), more is no briefing. */
#define MAX_PLACEHOLDERS 10000

JbTemplate *jb_template_parse(const char *source, const char *text, const JbSeries *series,
                              GError **error)
{
    g_autoptr(JbTemplate) t = g_new0(JbTemplate, 1);
    t->meta = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    t->used = g_ptr_array_new_with_free_func(g_free);
    t->refs = g_ptr_array_new_with_free_func((GDestroyNotify)ref_free);
    gsize at = front_matter(source, text, t->meta, &t->body_line, error);
    if (at == (gsize)-1)
        return NULL;
    const char *body = text + at;
    GString *out = g_string_sized_new(strlen(body));
    int placeholders = 0;
    g_autoptr(GHashTable) used = g_hash_table_new(g_str_hash, g_str_equal); /* t->used's */
    guint body_lines = 0;       /* line breaks before `counted`: lines are counted as */
    const char *counted = body; /* the placeholders come, not from the top for each */
    for (const char *p = body; *p;) {
        const char *open = strstr(p, "{{");
        if (!open) {
            g_string_append(out, p);
            break;
        }
        g_string_append_len(out, p, open - p);
        for (; counted < open; counted++)
            body_lines += *counted == '\n';
        guint line = t->body_line + body_lines;
        if (++placeholders > MAX_PLACEHOLDERS) {
            g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                        "%s:%u: more than %d placeholders; the limit is %d", source, line,
                        MAX_PLACEHOLDERS, MAX_PLACEHOLDERS);
            g_string_free(out, TRUE);
            return NULL;
        }
        const char *close = strstr(open + 2, "}}");
        const char *nl = strchr(open, '\n');
        if (!close || (nl && nl < close)) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: '{{' is not closed by '}}'",
                        source, line);
            g_string_free(out, TRUE);
            return NULL;
        }
        g_autofree char *name = g_strstrip(g_strndup(open + 2, (gsize)(close - open - 2)));
        char *dot = strrchr(name, '.');
        GError *local = NULL;
        g_autofree char *value = NULL;
        if (dot) {
            *dot = 0;
            value = jb_report_placeholder(series, name, dot + 1, &local);
        } else {
            g_set_error(&local, JB_ERROR, JB_ERROR_USAGE,
                        "placeholder '%s' needs the form metric.field", name);
        }
        if (!value) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s", source, line, local->message);
            g_error_free(local);
            g_string_free(out, TRUE);
            return NULL;
        }
        if (!g_hash_table_contains(used, name)) {
            char *own = g_strdup(name);
            g_ptr_array_add(t->used, own);
            g_hash_table_add(used, own);
        }
        g_string_append(out, value);
        const char *field = dot + 1;
        if (strcmp(field, "latest") == 0 || strcmp(field, "first") == 0 ||
            strcmp(field, "growth") == 0) {
            JbTemplateRef *ref = g_new0(JbTemplateRef, 1);
            ref->metric_id = g_strdup(name);
            ref->field = g_strdup(field);
            ref->line = line;
            g_string_append_printf(out, "%c%u%c", JB_TEMPLATE_MARK, t->refs->len, JB_TEMPLATE_MARK);
            g_ptr_array_add(t->refs, ref);
        }
        p = close + 2;
    }
    t->body = g_string_free(out, FALSE);
    return g_steal_pointer(&t);
}
