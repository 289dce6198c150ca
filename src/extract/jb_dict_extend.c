/* jb_dict_extend.c — a dictionary laid over the one it extends (see jb_dict_extend.h). */
#include "jb_dict_extend.h"

#include "jb_common.h"
#include "jb_keyfile.h"

#include <string.h>

#define MAX_DEPTH 8

static guint line_of_key(const char *text, const char *key)
{
    for (const char *p = text; (p = strstr(p, key)); p++)
        if (p == text || p[-1] == '\n')
            return jb_line_of_offset(text, (gsize)(p - text));
    return 0;
}

static GKeyFile *load(const char *path, guint depth, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!jb_read_file(path, &text, &len, error))
        return NULL;
    g_autoptr(GKeyFile) kf = g_key_file_new();
    if (!jb_keyfile_load(kf, path, text, len, G_KEY_FILE_KEEP_COMMENTS, error))
        return NULL;
    g_autofree char *ext = g_key_file_get_string(kf, "dictionary", "extends", NULL);
    if (!ext)
        return g_steal_pointer(&kf);
    g_strstrip(ext);
    guint line = line_of_key(text, "extends");
    if (depth >= MAX_DEPTH) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: extends=%s: dictionaries extend each other more than %d deep "
                    "(a loop?)",
                    path, line, ext, MAX_DEPTH);
        return NULL;
    }
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *beside = g_path_is_absolute(ext) ? g_strdup(ext)
                                                      : g_build_filename(dir, ext, NULL);
    g_autofree char *base_path = NULL;
    if (g_file_test(beside, G_FILE_TEST_IS_REGULAR) && strcmp(beside, path) != 0)
        base_path = g_steal_pointer(&beside);
    else if (!g_path_is_absolute(ext))
        base_path = jb_data_path(ext);
    if (!base_path) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: extends=%s: no such file beside it nor among jianbao's data", path,
                    line, ext);
        return NULL;
    }
    g_autoptr(GKeyFile) base = load(base_path, depth + 1, error);
    if (!base)
        return NULL;
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        if (strcmp(*g, "dictionary") == 0)
            continue;
        g_auto(GStrv) keys = g_key_file_get_keys(kf, *g, NULL, NULL);
        for (char **k = keys; k && *k; k++) {
            g_autofree char *v = g_key_file_get_value(kf, *g, *k, NULL);
            /* word lists grow: a project's places or subjects are added to the shipped */
            if ((strcmp(*g, "subjects") == 0 && strcmp(*k, "terms") == 0) ||
                strcmp(*g, "scope") == 0) {
                g_autofree char *old = g_key_file_get_value(base, *g, *k, NULL);
                if (old && *old) {
                    g_autofree char *both = g_strconcat(old, ";", v, NULL);
                    g_key_file_set_value(base, *g, *k, both);
                    continue;
                }
            }
            g_key_file_set_value(base, *g, *k, v);
        }
    }
    g_key_file_remove_group(base, "dictionary", NULL);
    return g_steal_pointer(&base);
}

char *jb_dict_read_extended(const char *path, gsize *len, GError **error)
{
    /* Most files extend nothing: those are returned byte for byte (what the build hashes). */
    char *text = NULL;
    if (!jb_read_file(path, &text, len, error))
        return NULL;
    /* GKeyFile reads key names as they are written: a file without the word has no
     * extends= and is not parsed here, only once by jb_dict_parse */
    if (!memmem(text, *len, "extends", strlen("extends")))
        return text;
    g_autoptr(GKeyFile) plain = g_key_file_new();
    if (!g_key_file_load_from_data(plain, text, *len, G_KEY_FILE_NONE, NULL) ||
        !g_key_file_has_key(plain, "dictionary", "extends", NULL))
        return text; /* parse errors are jb_dict_parse's to report, with its words */
    g_free(text);
    g_autoptr(GKeyFile) kf = load(path, 0, error);
    if (!kf)
        return NULL;
    return g_key_file_to_data(kf, len, NULL);
}
