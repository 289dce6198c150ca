/* jb_build_dict_check.c — the project's dictionary file read as strictly as the project file:
 * a misspelt section or key was silently nothing (aliasses= left a metric without aliases,
 * [scop] became a metric needing label= and unit=, extend= the same for [dictionary]).
 *
 * Only the file the project names is checked, in its own text (the lines are its lines), not
 * the files it extends. What the keys mean is jb_dict.h's and templates/metrics.ini's header.
 */
#include "jb_build_priv.h"

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
