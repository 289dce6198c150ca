/* jb_build_project.c — a project file read as strictly as a template: an unknown section or
 * key, a bad value or a missing file is an error naming the file and its real line, with
 * the near spelling when there is one (templat= → template=, [chrat x] → [chart x]).
 *
 * GKeyFile parses the file; this walks its text again for the lines, which GKeyFile does not
 * keep. Chart groups' keys and values are checked by jb_chart_set, the one parser of specs.
 *
 * Not for: what the keys do (jb_build.c).
 */
#include "jb_build_priv.h"

#include <string.h>

static const char *const PROJECT_KEYS[] = {"inputs", "dictionary", "template", "output",
                                           "period", "fail_on", "publishers", NULL};
/* Only for suggestions: jb_chart_set decides what a chart key is. */
static const char *const CHART_KEYS[] = {
    "metric", "metrics", "type", "title", "subtitle", "source", "labels", "growth",
    "number_style", "theme", "size", "transparent", "svg_text", "width", "height",
    "period_labels", "gaps", "dpi", "allow_missing_glyphs", NULL};

/* Edit distance of two short ASCII words (keys, section names), capped: written by hand as
 * GLib has none and the words are a few bytes. */
static guint distance(const char *a, const char *b)
{
    gsize la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    guint row[41];
    for (gsize j = 0; j <= lb; j++)
        row[j] = (guint)j;
    for (gsize i = 1; i <= la; i++) {
        guint diag = row[0];
        row[0] = (guint)i;
        for (gsize j = 1; j <= lb; j++) {
            guint up = row[j];
            guint best = MIN(row[j] + 1, row[j - 1] + 1);
            row[j] = MIN(best, diag + (a[i - 1] != b[j - 1]));
            diag = up;
        }
    }
    return row[lb];
}

/* "; did you mean 'X'?" for the nearest of `words` within 2 edits, else "". */
static char *suggest(const char *word, const char *const *words, const char *fmt)
{
    const char *best = NULL;
    guint bd = 3;
    for (guint i = 0; words[i]; i++) {
        guint d = distance(word, words[i]);
        if (d < bd) {
            bd = d;
            best = words[i];
        }
    }
    return best ? g_strdup_printf(fmt, best) : g_strdup("");
}

static gboolean in_list(const char *w, const char *const *list)
{
    for (guint i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0)
            return TRUE;
    return FALSE;
}

guint jb_build_project_line(const char *text, const char *group, const char *key)
{
    g_auto(GStrv) lines = g_strsplit(text ? text : "", "\n", -1);
    g_autofree char *current = NULL;
    for (guint i = 0; lines[i]; i++) {
        char *l = g_strstrip(lines[i]);
        if (*l == '[') {
            char *end = strrchr(l, ']');
            g_free(current);
            current = end ? g_strndup(l + 1, (gsize)(end - l - 1)) : NULL;
            if (!key && current && strcmp(current, group) == 0)
                return i + 1;
            continue;
        }
        char *eq = strchr(l, '=');
        if (*l == '#' || !eq || !current || strcmp(current, group) != 0 || !key)
            continue;
        g_autofree char *k = g_strstrip(g_strndup(l, (gsize)(eq - l)));
        if (strcmp(k, key) == 0)
            return i + 1;
    }
    return 0;
}

static gboolean check_value(const char *path, guint line, const char *key, const char *v,
                            GError **error)
{
    static const char *const periods[] = {"year", "keep", NULL};
    static const char *const fail_on[] = {"errors", "new-warnings", "warnings", NULL};
    const char *const *allowed = strcmp(key, "period") == 0    ? periods
                                 : strcmp(key, "fail_on") == 0 ? fail_on
                                                               : NULL;
    if (allowed && !in_list(v, allowed)) {
        g_autofree char *hint = suggest(v, allowed, "; did you mean '%s'?");
        g_autofree char *all = g_strjoinv(", ", (char **)allowed);
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s=%s: expected one of %s%s", path,
                    line, key, v, all, hint);
        return FALSE;
    }
    if ((strcmp(key, "inputs") == 0 || strcmp(key, "output") == 0) && !*v) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s= is empty", path, line, key);
        return FALSE;
    }
    return TRUE;
}

static gboolean check_chart(const char *path, const char *text, GKeyFile *kf, const char *group,
                            GError **error)
{
    g_auto(GStrv) keys = g_key_file_get_keys(kf, group, NULL, NULL);
    g_autoptr(JbChart) ch = jb_chart_new();
    jb_chart_set_origin(ch, path);
    for (char **k = keys; k && *k; k++) {
        g_autofree char *v = g_key_file_get_string(kf, group, *k, NULL);
        GError *local = NULL;
        if (jb_chart_set(ch, *k, v ? g_strstrip(v) : "", &local))
            continue;
        guint line = jb_build_project_line(text, group, *k);
        g_autofree char *hint = in_list(*k, CHART_KEYS)
                                    ? g_strdup("")
                                    : suggest(*k, CHART_KEYS, "; did you mean '%s='?");
        g_set_error(error, JB_ERROR, local->domain == JB_ERROR ? local->code : JB_ERROR_USAGE,
                    "%s:%u: [%s]: %s%s", path, line, group, local->message, hint);
        g_error_free(local);
        return FALSE;
    }
    if (!g_key_file_has_key(kf, group, "metric", NULL) &&
        !g_key_file_has_key(kf, group, "metrics", NULL)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: [%s] needs metric=ID", path,
                    jb_build_project_line(text, group, NULL), group);
        return FALSE;
    }
    return TRUE;
}

gboolean jb_build_check_project(const char *path, const char *text, GKeyFile *kf, GError **error)
{
    static const char *const sections[] = {"project", "chart", NULL};
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    if (!g_key_file_has_group(kf, "project")) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: no [project] section", path);
        return FALSE;
    }
    for (char **g = groups; *g; g++) {
        if (g_str_has_prefix(*g, "chart ")) {
            if (!check_chart(path, text, kf, *g, error))
                return FALSE;
            continue;
        }
        guint line = jb_build_project_line(text, *g, NULL);
        if (strcmp(*g, "project") != 0) {
            const char *sp = strchr(*g, ' ');
            g_autofree char *head = sp ? g_strndup(*g, (gsize)(sp - *g)) : g_strdup(*g);
            const char *near = NULL;
            guint bd = 3;
            for (guint i = 0; sections[i]; i++) {
                guint d = distance(head, sections[i]);
                if (d < bd)
                    bd = d, near = sections[i];
            }
            g_autofree char *mean =
                near ? g_strdup_printf("; did you mean [%s%s]?", near, sp ? sp : "") : g_strdup("");
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: unknown section [%s] (a project has [project] and [chart NAME])%s",
                        path, line, *g, mean);
            return FALSE;
        }
        g_auto(GStrv) keys = g_key_file_get_keys(kf, *g, NULL, NULL);
        for (char **k = keys; k && *k; k++) {
            guint kl = jb_build_project_line(text, *g, *k);
            if (!in_list(*k, PROJECT_KEYS)) {
                g_autofree char *hint = suggest(*k, PROJECT_KEYS, "; did you mean '%s='?");
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: unknown key '%s' in [project]%s", path, kl, *k, hint);
                return FALSE;
            }
            g_autofree char *v = g_key_file_get_string(kf, *g, *k, NULL);
            if (!check_value(path, kl, *k, v ? g_strstrip(v) : "", error))
                return FALSE;
        }
    }
    return TRUE;
}
