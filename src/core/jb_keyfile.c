#include "jb_keyfile.h"

#include "jb_common.h"
#include "jb_nearest.h"

#include <string.h>

/* A name that may be quoted back: 1 to 60 bytes of letters, digits, `_.-@`, spaces and
 * non-ASCII text (a chart named 规模), never the `:` `$` `/` `=` of a password file. */
static gboolean quotable(const char *s, gsize n)
{
    if (n == 0 || n > 60 || !g_utf8_validate(s, (gssize)n, NULL))
        return FALSE;
    for (gsize i = 0; i < n; i++) {
        guchar c = (guchar)s[i];
        if (!(c >= 0x80 || g_ascii_isalnum(c) || strchr("_.-@ ", c)))
            return FALSE;
    }
    return TRUE;
}

/* One line of the file, blanks trimmed from both ends. */
typedef struct {
    const char *p;
    gsize n;
} Line;

static GArray *split_lines(const char *data, gsize len)
{
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(Line));
    for (gsize i = 0; i <= len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        gsize end = nl ? (gsize)(nl - data) : len;
        gsize p = i, q = end;
        while (p < q && g_ascii_isspace(data[p]))
            p++;
        while (q > p && g_ascii_isspace(data[q - 1]))
            q--;
        Line l = {data + p, q - p};
        g_array_append_val(lines, l);
        if (!nl)
            break;
        i = end + 1;
    }
    return lines;
}

static gboolean is_header(const Line *l)
{
    return l->n >= 2 && l->p[0] == '[' && l->p[l->n - 1] == ']';
}

/* The 1-based line of the first well-formed [NAME] header whose NAME may be quoted (of
 * `name` when given), 0 when there is none: a file with one is a key file with a typo, and
 * its names may be quoted in hints. */
static guint header_line(GArray *lines, const char *name)
{
    for (guint i = 0; i < lines->len; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (is_header(l) && quotable(l->p + 1, l->n - 2) &&
            (!name || (strlen(name) == l->n - 2 && memcmp(l->p + 1, name, l->n - 2) == 0)))
            return i + 1;
    }
    return 0;
}

/* The first line GKeyFile would refuse: not blank, a comment, a [group] or key=value, or
 * a key=value before any group. 0 when every line is of those forms. */
static guint bad_line(GArray *lines)
{
    gboolean in_group = FALSE;
    for (guint i = 0; i < lines->len; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (l->n == 0 || l->p[0] == '#')
            continue;
        if (l->p[0] == '[') {
            if (!memchr(l->p, ']', l->n))
                return i + 1;
            in_group = TRUE;
        } else if (!in_group || !memchr(l->p, '=', l->n)) {
            return i + 1;
        }
    }
    return 0;
}

/* "[chart x" → "chart x", with its first word's near spelling among the kind's sections. */
static char *fixed_section(const char *name, gsize n, const JbKeyfileHints *hints)
{
    g_autofree char *s = g_strstrip(g_strndup(name, n));
    if (!hints || !hints->sections)
        return g_steal_pointer(&s);
    char *sp = strchr(s, ' ');
    g_autofree char *head = g_ascii_strdown(s, sp ? (gssize)(sp - s) : -1);
    const char *near = jb_nearest(head, hints->sections, G_MAXUINT);
    return near ? g_strconcat(near, sp ? sp : "", NULL) : g_steal_pointer(&s);
}

/* What is wrong with line `no` (1-based) and how to fix it, newly allocated; *typo set when
 * it is a typo in a key file (a hint was given), not a file of another kind. */
static char *explain(GArray *lines, guint no, const JbKeyfileHints *hints, gboolean *typo)
{
    *typo = TRUE;
    const Line *l = &g_array_index(lines, Line, no - 1);
    gboolean may_quote = header_line(lines, NULL) != 0;
    const char *eq = memchr(l->p, '=', l->n);
    if (l->p[0] == '[' || (!eq && l->p[l->n - 1] == ']')) {
        gboolean open = l->p[0] == '[';
        const char *name = l->p + (open ? 1 : 0);
        gsize n = l->n - 1;
        g_autofree char *trimmed = g_strstrip(g_strndup(name, n));
        const char *what = open ? "no closing ']'" : "no opening '['";
        if (!may_quote || !quotable(name, n) || !*trimmed) {
            /* the kind's own section it is near may be named: that quotes nothing of the file */
            g_autofree char *low = g_ascii_strdown(trimmed, -1);
            const char *near = hints && hints->sections && quotable(name, n) && !strchr(low, ' ')
                                   ? jb_nearest(low, hints->sections, G_MAXUINT)
                                   : NULL;
            if (near)
                return g_strdup_printf("a section header with %s; did you mean [%s]?", what, near);
            *typo = FALSE;
            return g_strdup_printf("a section header needs '[' and ']' around its name (%s)", what);
        }
        g_autofree char *shown = g_strndup(l->p, l->n);
        g_autofree char *fix = fixed_section(name, n, hints);
        return g_strdup_printf("%s has %s; did you mean [%s]?", shown, what, fix);
    }
    g_autofree char *key = NULL;
    if (eq) {
        key = g_strstrip(g_strndup(l->p, (gsize)(eq - l->p)));
    } else {
        gsize k = 0;
        while (k < l->n && (g_ascii_isalnum(l->p[k]) || l->p[k] == '_' || l->p[k] == '-'))
            k++;
        key = g_strndup(l->p, k);
    }
    /* a key may be quoted from a key file, or when it is one of the kind's own */
    gboolean own = hints && hints->keys && g_strv_contains((const char *const *)hints->keys, key);
    gboolean shown = (may_quote || own) && quotable(key, strlen(key)) && !strchr(key, ' ');
    if (eq) { /* a key=value before any section */
        g_autofree char *what = shown ? g_strdup_printf("%s=", key) : g_strdup("a key");
        *typo = shown || (hints && hints->home);
        if (!hints || !hints->home)
            return g_strdup_printf("%s is outside any section: keys go under a [section] line",
                                   what);
        guint home = header_line(lines, hints->home);
        if (home > no)
            return g_strdup_printf("%s is outside any section: it belongs under [%s], which "
                                   "begins at line %u",
                                   what, hints->home, home);
        return g_strdup_printf("%s is outside any section: it belongs under [%s] (add that line "
                               "above it)",
                               what, hints->home);
    }
    /* `period year`, `period: year`: a key of the kind's without its '=' */
    const char *near = shown && hints && hints->keys && *key
                           ? jb_nearest(key, hints->keys, G_MAXUINT)
                           : NULL;
    if (near)
        return g_strdup_printf("%s has no '=' (key = value); did you mean %s=…?", key, near);
    *typo = FALSE;
    return g_strdup("not a key file line ([group], key = value or # comment)");
}

gboolean jb_keyfile_load_hinted(GKeyFile *kf, const char *source, const char *data, gsize len,
                                GKeyFileFlags flags, const JbKeyfileHints *hints, GError **error)
{
    GError *local = NULL;
    if (g_key_file_load_from_data(kf, data, len, flags, &local))
        return TRUE;
    g_error_free(local); /* its message quotes the file: never shown */
    g_autoptr(GArray) lines = split_lines(data, len);
    guint line = bad_line(lines);
    if (line) {
        gboolean typo;
        g_autofree char *why = explain(lines, line, hints, &typo);
        /* a typo is a bad project or dictionary, as an unknown key is (2); a file that is no
         * key file at all was an input that could not be read (3) */
        g_set_error(error, JB_ERROR, typo ? JB_ERROR_USAGE : JB_ERROR_INPUT, "%s:%u: %s", source,
                    line, why);
    } else {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "%s: not a key file (UTF-8 lines: [group], key = value or # comment)", source);
    }
    return FALSE;
}

gboolean jb_keyfile_load(GKeyFile *kf, const char *source, const char *data, gsize len,
                         GKeyFileFlags flags, GError **error)
{
    return jb_keyfile_load_hinted(kf, source, data, len, flags, NULL, error);
}
