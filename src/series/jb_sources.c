/* jb_sources.c — articles by name (see jb_sources.h). */
#include "jb_sources.h"

#include <string.h>

GHashTable *jb_source_names(const JbTable *metrics)
{
    GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    if (!metrics)
        return names;
    int c_src = jb_table_column(metrics, "source"), c_pub = jb_table_column(metrics, "publisher"),
        c_title = jb_table_column(metrics, "title");
    for (guint r = 0; c_src >= 0 && r < jb_table_n_rows(metrics); r++) {
        const char *src = jb_table_get(metrics, r, c_src);
        if (!*src || g_hash_table_contains(names, src))
            continue;
        const char *pub = jb_table_get(metrics, r, c_pub), *title = jb_table_get(metrics, r, c_title);
        const char *name = *pub ? pub : title;
        if (*name == '\'')
            name++; /* the CSV-injection guard is not part of the name */
        if (*name)
            g_hash_table_insert(names, g_strdup(src), g_strdup(name));
    }
    return names;
}

char *jb_source_name(GHashTable *names, const char *path)
{
    const char *name = names ? g_hash_table_lookup(names, path) : NULL;
    return name ? g_strdup(name) : g_path_get_basename(path);
}
