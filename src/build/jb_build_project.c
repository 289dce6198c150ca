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

#include "jb_nearest.h"

#include <string.h>

static const char *const PROJECT_KEYS[] = {"inputs",  "dictionary", "template", "output", "period",
                                           "fail_on", "publishers", "review",   NULL};

/* The nearest of `words` formatted by `fmt` ("; did you mean '%s'?"), else "" (jb_nearest_hint). */
char *jb_build_suggest(const char *word, const char *const *words, const char *fmt)
{
    return jb_nearest_hint(word, words, fmt);
}

/* The project's sections and keys, for the hints of a line GKeyFile refuses (`[project`,
 * `inputs=` above every section, `period year`). */
const JbKeyfileHints *jb_build_project_hints(void)
{
    static const char *const sections[] = {"project", "chart", NULL};
    static const char *keys[G_N_ELEMENTS(PROJECT_KEYS) + 32];
    static const JbKeyfileHints hints = {"project", sections, keys};
    static gsize init = 0;
    if (g_once_init_enter(&init)) {
        guint n = 0;
        for (guint i = 0; PROJECT_KEYS[i]; i++)
            keys[n++] = PROJECT_KEYS[i];
        for (const char *const *k = jb_chart_keys(); *k && n + 1 < G_N_ELEMENTS(keys); k++)
            keys[n++] = *k;
        g_once_init_leave(&init, 1);
    }
    return &hints;
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
        g_autofree char *hint = jb_build_suggest(v, allowed, "; did you mean '%s'?");
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
        /* growth= is auto, none or a bracket's label: a near miss of auto or none (autp)
         * would be drawn as the label */
        static const char *const GROWTH[] = {"auto", "none", NULL};
        g_autofree char *low = v ? g_ascii_strdown(g_strstrip(v), -1) : NULL;
        g_autofree char *near = low && strcmp(*k, "growth") == 0 && !in_list(v, GROWTH)
                                    ? jb_build_suggest(low, GROWTH, "%s")
                                    : NULL;
        if (near && *near) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: [%s]: growth=%s would be drawn as the bracket's label; did you "
                        "mean 'growth=%s'? (a label that is no misspelling: write it another way)",
                        path, jb_build_project_line(text, group, *k), group, v, near);
            return FALSE;
        }
        GError *local = NULL;
        if (jb_chart_set(ch, *k, v ? v : "", &local))
            continue;
        guint line = jb_build_project_line(text, group, *k);
        g_autofree char *hint = jb_chart_hint(*k, v ? v : "");
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

/* A section other than [project] and [chart NAME]: an error at its line, with the near
 * spelling ([projetc] → [project], [chrat x] → [chart x], [Project] → [project]). */
static gboolean check_section_name(const char *path, const char *text, const char *g,
                                   GError **error)
{
    static const char *const sections[] = {"project", "chart", NULL};
    if (strcmp(g, "project") == 0 || (g_str_has_prefix(g, "chart ") && g[6]))
        return TRUE;
    guint line = jb_build_project_line(text, g, NULL);
    if (strcmp(g, "chart") == 0 || strcmp(g, "chart ") == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: [chart] needs a name: [chart NAME] (the chart is out/charts/NAME.png)",
                    path, line);
        return FALSE;
    }
    const char *sp = strchr(g, ' ');
    g_autofree char *head = g_ascii_strdown(g, sp ? (gssize)(sp - g) : -1);
    g_autofree char *mean = jb_build_suggest(head, sections, "%s");
    g_autofree char *hint = *mean ? g_strdup_printf("; did you mean [%s%s]?", mean, sp ? sp : "")
                                  : g_strdup("");
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                "%s:%u: unknown section [%s] (a project has [project] and [chart NAME])%s", path,
                line, g, hint);
    return FALSE;
}

/* A key given twice in one section: GKeyFile keeps the last silently, so an edit to the
 * first (inputs= near the top) would do nothing. An error naming both lines. */
static gboolean check_duplicates(const char *path, const char *text, GError **error)
{
    g_auto(GStrv) lines = g_strsplit(text ? text : "", "\n", -1);
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *group = NULL;
    for (guint i = 0; lines[i]; i++) {
        char *l = g_strstrip(lines[i]);
        if (*l == '[') {
            char *end = strrchr(l, ']');
            g_free(group);
            group = end ? g_strndup(l + 1, (gsize)(end - l - 1)) : NULL;
            continue;
        }
        char *eq = strchr(l, '=');
        if (*l == '#' || !eq || !group)
            continue;
        g_autofree char *k = g_strstrip(g_strndup(l, (gsize)(eq - l)));
        char *both = g_strdup_printf("%s\n%s", group, k);
        gpointer first = g_hash_table_lookup(seen, both);
        if (first) {
            g_free(both);
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: %s= is given twice in [%s] (first at line %u; the last would "
                        "win silently)",
                        path, i + 1, k, group, GPOINTER_TO_UINT(first));
            return FALSE;
        }
        g_hash_table_insert(seen, both, GUINT_TO_POINTER(i + 1));
    }
    return TRUE;
}

gboolean jb_build_check_project(const char *path, const char *text, GKeyFile *kf, GError **error)
{
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    /* section names first: a misspelt [project] is named at its line, not "no [project]" */
    for (char **g = groups; *g; g++)
        if (!check_section_name(path, text, *g, error))
            return FALSE;
    if (!g_key_file_has_group(kf, "project")) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: no [project] section", path);
        return FALSE;
    }
    if (!check_duplicates(path, text, error))
        return FALSE;
    for (char **g = groups; *g; g++) {
        if (g_str_has_prefix(*g, "chart ")) {
            if (!check_chart(path, text, kf, *g, error))
                return FALSE;
            continue;
        }
        g_auto(GStrv) keys = g_key_file_get_keys(kf, *g, NULL, NULL);
        for (char **k = keys; k && *k; k++) {
            guint kl = jb_build_project_line(text, *g, *k);
            if (!in_list(*k, PROJECT_KEYS)) {
                g_autofree char *hint = jb_build_suggest(*k, PROJECT_KEYS, "; did you mean '%s='?");
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

/* A metric a [chart NAME] draws must be in the dictionary (a build derives no series): a
 * misspelt id was "out/series.csv: no rows for metric" from the chart stage, exit 3, with
 * no line. */
gboolean jb_build_check_chart_metrics(const char *path, const char *text, GKeyFile *kf,
                                      const JbDict *dict, GError **error)
{
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    g_autofree const char **ids = g_new0(const char *, jb_dict_n_metrics(dict) + 1);
    for (guint i = 0; i < jb_dict_n_metrics(dict); i++)
        ids[i] = jb_dict_nth(dict, i)->id;
    for (char **g = groups; *g; g++) {
        if (!g_str_has_prefix(*g, "chart "))
            continue;
        for (guint k = 0; k < 2; k++) {
            const char *key = k ? "metrics" : "metric";
            g_autofree char *v = g_key_file_get_string(kf, *g, key, NULL);
            g_auto(GStrv) list = g_strsplit(v ? v : "", ";", -1);
            for (char **id = list; *id; id++) {
                const char *one = g_strstrip(*id);
                if (!*one || jb_dict_get(dict, one))
                    continue;
                g_autofree char *hint = jb_build_suggest(one, ids, "; did you mean %s?");
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: [%s]: %s=%s: no such metric in the dictionary%s", path,
                            jb_build_project_line(text, *g, key), *g, key, one, hint);
                return FALSE;
            }
        }
    }
    return TRUE;
}

/* Why inputs= matched nothing, when a pattern's directory is missing: " (no directory
 * 'article/' beside the project; did you mean 'articles/'?)", else "". */
char *jb_build_inputs_hint(const char *base, char **globs)
{
    for (char **g = globs; g && *g; g++) {
        g_autofree char *dir = g_path_get_dirname(g_strstrip(*g));
        if (strcmp(dir, ".") == 0 || strpbrk(dir, "*?[") || g_path_is_absolute(dir))
            continue;
        g_autofree char *full = g_build_filename(base, dir, NULL);
        if (g_file_test(full, G_FILE_TEST_IS_DIR))
            continue;
        g_autofree char *parent = g_path_get_dirname(full);
        g_autofree char *name = g_path_get_basename(full);
        g_autoptr(GPtrArray) near = g_ptr_array_new_with_free_func(g_free);
        GDir *d = g_dir_open(parent, 0, NULL);
        for (const char *e; d && (e = g_dir_read_name(d));) {
            g_autofree char *p = g_build_filename(parent, e, NULL);
            if (g_file_test(p, G_FILE_TEST_IS_DIR))
                g_ptr_array_add(near, g_strdup(e));
        }
        if (d)
            g_dir_close(d);
        g_ptr_array_sort(near, jb_build_by_bytes); /* the same hint on every file system */
        g_ptr_array_add(near, NULL);
        g_autofree char *mean = jb_build_suggest(name, (const char *const *)near->pdata, "%s");
        return *mean
                   ? g_strdup_printf(
                         " (no directory '%s/' beside the project; did you mean '%s/'?)", dir, mean)
                   : g_strdup_printf(" (no directory '%s/' beside the project)", dir);
    }
    return g_strdup("");
}
