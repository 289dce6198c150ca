/* jb_build_dict_check.c — the project's dictionary file read as strictly as the project file:
 * a misspelt section or key was silently nothing (aliasses= left a metric without aliases,
 * [scop] became a metric needing label= and unit=, extend= the same for [dictionary]).
 *
 * Only the file the project names is checked, in its own text (the lines are its lines), not
 * the files it extends. What the keys mean is jb_dict.h's and templates/metrics.ini's header.
 */
#include "jb_build_priv.h"

#include "jb_nearest.h"

#include <string.h>

/* The sections that are not metrics, and the keys of each. */
static const struct {
    const char *group;
    const char *const keys[5];
} SECTIONS[] = {
    {"dictionary", {"extends", NULL}},
    {"subjects", {"terms", NULL}},
    {"growth", {"words", "other_bases", NULL}},
    {"scope", {"places", "home", "measures", "regions", NULL}},
};
static const char *const SECTION_NAMES[] = {"dictionary", "subjects", "growth", "scope", NULL};
static const char *const METRIC_KEYS[] = {"label",     "unit",  "aliases", "subject", "part_of",
                                          "growth_of", "daily", "scope",   NULL};

static gboolean fail(GError **error, const char *path, const char *text, const char *group,
                     const char *key, const char *fmt, ...) G_GNUC_PRINTF(6, 7);

static gboolean fail(GError **error, const char *path, const char *text, const char *group,
                     const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *what = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: [%s]: %s", path,
                jb_build_project_line(text, group, key), group, what);
    return FALSE;
}

gboolean jb_build_check_dictionary(const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GKeyFile) kf = g_key_file_new();
    if (!g_file_get_contents(path, &text, &len, NULL))
        return TRUE; /* reading says what is wrong, with its own error */
    /* a line GKeyFile refuses, with the dictionary's sections and keys as hints ([mine.x
     * without its ']', label= above every section, `unit 个`) */
    static const char *const KEYS[] = {"label",     "unit",        "aliases", "subject", "part_of",
                                       "growth_of", "daily",       "scope",   "extends", "terms",
                                       "words",     "other_bases", "places",  "home",    "measures",
                                       "regions",   NULL};
    static const JbKeyfileHints hints = {NULL, SECTION_NAMES, KEYS};
    if (!jb_keyfile_load_hinted(kf, path, text, len, G_KEY_FILE_NONE, &hints, error))
        return FALSE;
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        const char *const *keys = METRIC_KEYS;
        gboolean section = FALSE;
        for (guint i = 0; i < G_N_ELEMENTS(SECTIONS); i++)
            if (strcmp(*g, SECTIONS[i].group) == 0) {
                keys = SECTIONS[i].keys;
                section = TRUE;
            }
        /* a metric's id is area.name: a name without a dot is a section, or a misspelt one */
        if (!section && !strchr(*g, '.')) {
            g_autofree char *hint = jb_build_suggest(*g, SECTION_NAMES, "; did you mean [%s]?");
            return fail(error, path, text, *g, NULL,
                        "unknown section (a metric's id is area.name: mine.robot_density)%s", hint);
        }
        g_auto(GStrv) have = g_key_file_get_keys(kf, *g, NULL, NULL);
        for (char **k = have; k && *k; k++) {
            if (g_strv_contains(keys, *k))
                continue;
            g_autofree char *hint = jb_build_suggest(*k, keys, "; did you mean '%s='?");
            return fail(error, path, text, *g, *k, "unknown key '%s'%s", *k, hint);
        }
        g_autofree char *daily = section ? NULL : g_key_file_get_string(kf, *g, "daily", NULL);
        if (daily && strcmp(g_strstrip(daily), "true") != 0 && strcmp(daily, "false") != 0)
            return fail(error, path, text, *g, "daily", "daily=%s: expected true or false", daily);
    }
    return TRUE;
}

/* jb_dict_parse names a metric's group but not its line ("metrics.ini: [mine.x]: needs label=
 * and unit=", "…: part_of 'mine.y' is not a metric of the dictionary"): the line of the key
 * (or the group) in the project's own dictionary file, when the group is written there, and
 * for a metric that is not one the nearest id. A bad dictionary is the project's typo: exit 2
 * like the others. */
void jb_build_dict_error_line(const char *path, const char *merged, gsize len, GError *error)
{
    g_autofree char *head = g_strdup_printf("%s: [", path);
    if (!error || !g_str_has_prefix(error->message, head))
        return;
    const char *g = error->message + strlen(head), *end = strstr(g, "]: ");
    g_autofree char *text = NULL;
    if (!end || !g_file_get_contents(path, &text, NULL, NULL))
        return;
    g_autofree char *group = g_strndup(g, (gsize)(end - g));
    const char *what = end + 3;
    g_autofree char *key = g_strndup(what, strcspn(what, " ="));
    guint line = jb_build_project_line(text, group, key);
    if (!line)
        line = jb_build_project_line(text, group, NULL);
    if (!line)
        return; /* a group of the file it extends */
    g_autofree char *hint = g_strdup("");
    const char *q = strchr(what, '\'');
    const char *q2 = q ? strchr(q + 1, '\'') : NULL;
    g_autoptr(GKeyFile) kf = g_key_file_new();
    if (merged && q2 && strstr(what, "is not a metric") &&
        g_key_file_load_from_data(kf, merged, len, G_KEY_FILE_NONE, NULL)) {
        g_autofree char *id = g_strndup(q + 1, (gsize)(q2 - q - 1));
        g_auto(GStrv) ids = g_key_file_get_groups(kf, NULL); /* the metrics' and others' */
        g_free(hint);
        hint = jb_nearest_hint(id, (const char *const *)ids, "; did you mean %s?");
    }
    g_autofree char *msg = g_strdup_printf("%s:%u: [%s]: %s%s", path, line, group, what, hint);
    g_free(error->message);
    error->message = g_steal_pointer(&msg);
    error->domain = JB_ERROR;
    error->code = JB_ERROR_USAGE;
}
