/* jb_build_sources.c — what the charts and the briefing call each article (jb_sources.h: its
 * publisher, its title, its site), by the article's number, on disk.
 *
 * The namer of sources names each article as its rows end (jb_source_namer_on_named): its
 * name is kept once among the few distinct ones (publishers, sites, titles) and its number
 * in a temporary file of 4 bytes an article, mapped read-only once the assembly is done; a
 * chart or the briefing looks a path up by its number (a binary search of the sorted inputs,
 * jb_build_inputs_find), the pages of both dropped every JB_BUILD_INPUTS_TICK lookups. Until
 * 2026-12-07 a table held an entry per named article until the outputs were published (20
 * bytes and its room to grow: 2.1 MB at 100000 articles). Where no file can be made, the
 * numbers are held (4 bytes an article).
 *
 * Not for: naming (jb_sources.c), the inputs (jb_build_inputs.c).
 */
#include "jb_build_priv.h"
#include "jb_recs.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct JbBuildSources {
    JbInputs *inputs; /* borrowed */
    int fd;           /* each article's name's id + 1 (guint32, 0: none), by number; -1: held */
    GArray *held;     /* guint32, when there is no file */
    const guint32 *map;
    gsize map_len;
    GHashTable *id_of; /* a name (in Ctx.source_strings, one pointer per text) → its id + 1 */
    GPtrArray *names;  /* by id: the distinct names (borrowed) */
    GHashTable *extra; /* a path that is none of the inputs → its name (none expected) */
    JbSourceNames all; /* what the charts and the briefing are given */
    gboolean lost;     /* an id could not be written or read back */
    gint ticks;
};

JbBuildSources *jb_build_sources_new(JbInputs *inputs)
{
    JbBuildSources *s = g_new0(JbBuildSources, 1);
    s->inputs = inputs;
    FILE *f = tmpfile();
    s->fd = f ? dup(fileno(f)) : -1;
    if (f)
        fclose(f);
    if (s->fd < 0)
        s->held = g_array_new(FALSE, TRUE, sizeof(guint32));
    s->id_of = g_hash_table_new(g_direct_hash, g_direct_equal);
    s->names = g_ptr_array_new();
    s->extra = g_hash_table_new(g_str_hash, g_str_equal);
    return s;
}

void jb_build_sources_free(JbBuildSources *s)
{
    if (!s)
        return;
    if (s->map_len)
        munmap((void *)s->map, s->map_len);
    if (s->fd >= 0)
        close(s->fd);
    if (s->held)
        g_array_unref(s->held);
    g_hash_table_unref(s->id_of);
    g_ptr_array_unref(s->names);
    g_hash_table_unref(s->extra);
    g_clear_pointer(&s->all.table, g_hash_table_unref);
    g_free(s);
}

void jb_build_sources_named(gpointer data, const char *path, const char *name)
{
    JbBuildSources *s = data;
    guint num = jb_build_inputs_find(s->inputs, path);
    if (num == G_MAXUINT) {
        g_hash_table_insert(s->extra, (char *)path, (char *)name);
        return;
    }
    guint32 id = GPOINTER_TO_UINT(g_hash_table_lookup(s->id_of, name));
    if (!id) {
        g_ptr_array_add(s->names, (char *)name);
        id = s->names->len;
        g_hash_table_insert(s->id_of, (char *)name, GUINT_TO_POINTER(id));
    }
    if (s->held) {
        if (num >= s->held->len)
            g_array_set_size(s->held, num + 1);
        g_array_index(s->held, guint32, num) = id;
    } else {
        s->lost |= !jb_pio_all(s->fd, &id, sizeof id, (off_t)num * (off_t)sizeof id, TRUE);
    }
}

/* The name of `path`, or NULL (JbSourceNames.lookup: from any thread). */
static const char *lookup(gpointer data, const char *path)
{
    JbBuildSources *s = data;
    guint num = jb_build_inputs_find(s->inputs, path);
    if (g_atomic_int_add(&s->ticks, 1) % JB_BUILD_INPUTS_TICK == JB_BUILD_INPUTS_TICK - 1) {
        jb_build_inputs_drop(s->inputs);
        if (s->map_len)
            madvise((void *)s->map, s->map_len, MADV_DONTNEED);
    }
    if (num == G_MAXUINT)
        return g_hash_table_lookup(s->extra, path);
    guint32 id = s->map && (gsize)num * sizeof(guint32) < s->map_len ? s->map[num]
                 : s->held && num < s->held->len ? g_array_index(s->held, guint32, num)
                                                 : 0;
    return id && id <= s->names->len ? g_ptr_array_index(s->names, id - 1) : NULL;
}

gboolean jb_build_sources_finish(JbBuildSources *s, GHashTable *table)
{
    s->all.table = table;
    s->all.lookup = lookup;
    s->all.data = s;
    gsize len = (gsize)jb_build_inputs_count(s->inputs) * sizeof(guint32);
    if (s->fd >= 0 && len && !s->lost) {
        void *p = ftruncate(s->fd, (off_t)len) == 0
                      ? mmap(NULL, len, PROT_READ, MAP_SHARED, s->fd, 0)
                      : MAP_FAILED;
        if (p != MAP_FAILED) {
            s->map = p;
            s->map_len = len;
        } else { /* (read back and held) */
            s->held = g_array_sized_new(FALSE, TRUE, sizeof(guint32), (guint)(len / 4));
            g_array_set_size(s->held, (guint)(len / 4));
            s->lost = !jb_pio_all(s->fd, s->held->data, len, 0, FALSE);
        }
    }
    if (s->map_len)
        madvise((void *)s->map, s->map_len, MADV_DONTNEED);
    return !s->lost;
}

const JbSourceNames *jb_build_sources_names(const JbBuildSources *s)
{
    return s ? &s->all : NULL;
}
