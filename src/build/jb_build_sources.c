/* jb_build_sources.c — what the charts and the briefing call each article (jb_sources.h: its
 * publisher, its title, its site), by the article's number, on disk.
 *
 * The namer of sources names each article as its rows end (jb_source_namer_on_named): its
 * name is written to a temporary file of names (once while it is among the last RECENT_MAX
 * distinct ones: publishers and sites come back, an archive's titles mostly do not) and
 * where it is there to another, 8 bytes an article by number; both are mapped read-only once
 * the assembly is done, and a chart or the briefing looks a path up by its number (a binary
 * search of the sorted inputs, jb_build_inputs_find), the pages of all three dropped every
 * JB_BUILD_INPUTS_TICK lookups. Until 2026-12-07 a table held an entry per named article
 * (20 bytes and its room to grow: 2.1 MB at 100000 articles), then each distinct name, the
 * namer's strings (an article's title, wherever its publisher named it) and an entry of a
 * table by name the whole build: in an archive of a title an article, some 150 bytes an
 * article. Where no file can be made, the names and offsets are held.
 *
 * Not for: naming (jb_sources.c), the inputs (jb_build_inputs.c).
 */
#include "jb_build_priv.h"
#include "jb_recs.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Distinct names remembered to write each once: past this many, forgotten and begun again
 * (a name met again after is written again; the file grows, the process does not). */
#define RECENT_MAX 1024u

struct JbBuildSources {
    JbInputs *inputs; /* borrowed */
    int fd;           /* each article's name's offset + 1 in `text_fd` (guint64, 0: none), by
                       * number; -1: held */
    int text_fd;      /* the names, NUL after each; -1: held */
    guint64 text_len;
    GArray *held;       /* guint64, when there is no file */
    GString *held_text; /* when there is no file */
    const guint64 *map;
    gsize map_len;
    const char *text_map;
    gsize text_map_len;
    GHashTable *recent; /* a name written lately (its copy) → its offset + 1 */
    GHashTable *extra;  /* a path that is none of the inputs → its name (copies; none expected) */
    JbSourceNames all;  /* what the charts and the briefing are given */
    gboolean lost;      /* a name or an offset could not be written or read back */
    gint ticks;
};

/* A temporary file of no name, or -1. */
static int temp_fd(void)
{
    FILE *f = tmpfile();
    int fd = f ? dup(fileno(f)) : -1;
    if (f)
        fclose(f);
    return fd;
}

JbBuildSources *jb_build_sources_new(JbInputs *inputs)
{
    JbBuildSources *s = g_new0(JbBuildSources, 1);
    s->inputs = inputs;
    s->fd = temp_fd();
    s->text_fd = s->fd >= 0 ? temp_fd() : -1;
    if (s->text_fd < 0 && s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    if (s->fd < 0) {
        s->held = g_array_new(FALSE, TRUE, sizeof(guint64));
        s->held_text = g_string_new(NULL);
    }
    s->recent = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s->extra = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return s;
}

void jb_build_sources_free(JbBuildSources *s)
{
    if (!s)
        return;
    if (s->map_len)
        munmap((void *)s->map, s->map_len);
    if (s->text_map_len)
        munmap((void *)s->text_map, s->text_map_len);
    if (s->fd >= 0)
        close(s->fd);
    if (s->text_fd >= 0)
        close(s->text_fd);
    if (s->held)
        g_array_unref(s->held);
    if (s->held_text)
        g_string_free(s->held_text, TRUE);
    g_hash_table_unref(s->recent);
    g_hash_table_unref(s->extra);
    g_clear_pointer(&s->all.table, g_hash_table_unref);
    g_free(s);
}

/* Where `name` is in the names' text, + 1: written now unless it was lately. */
static guint64 name_at(JbBuildSources *s, const char *name)
{
    guint64 at = (guint64)GPOINTER_TO_SIZE(g_hash_table_lookup(s->recent, name));
    if (at)
        return at;
    gsize len = strlen(name) + 1;
    if (s->held_text) {
        at = s->held_text->len + 1;
        g_string_append_len(s->held_text, name, (gssize)len);
    } else {
        at = s->text_len + 1;
        s->lost |= !jb_pio_all(s->text_fd, (void *)name, len, (off_t)s->text_len, TRUE);
        s->text_len += len;
    }
    if (g_hash_table_size(s->recent) >= RECENT_MAX)
        g_hash_table_remove_all(s->recent);
    g_hash_table_insert(s->recent, g_strdup(name), GSIZE_TO_POINTER((gsize)at));
    return at;
}

void jb_build_sources_named(gpointer data, const char *path, const char *name)
{
    JbBuildSources *s = data;
    guint num = jb_build_inputs_find(s->inputs, path);
    if (num == G_MAXUINT) {
        g_hash_table_insert(s->extra, g_strdup(path), g_strdup(name));
        return;
    }
    guint64 at = name_at(s, name);
    if (s->held) {
        if (num >= s->held->len)
            g_array_set_size(s->held, num + 1);
        g_array_index(s->held, guint64, num) = at;
    } else {
        s->lost |= !jb_pio_all(s->fd, &at, sizeof at, (off_t)num * (off_t)sizeof at, TRUE);
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
        if (s->text_map_len)
            madvise((void *)s->text_map, s->text_map_len, MADV_DONTNEED);
    }
    if (num == G_MAXUINT)
        return g_hash_table_lookup(s->extra, path);
    guint64 at = s->map && (gsize)num * sizeof(guint64) < s->map_len ? s->map[num]
                 : s->held && num < s->held->len ? g_array_index(s->held, guint64, num)
                                                 : 0;
    const char *text = s->held_text ? s->held_text->str : s->text_map;
    gsize text_len = s->held_text ? s->held_text->len : s->text_map_len;
    return at && at <= text_len ? text + at - 1 : NULL;
}

/* `len` bytes of `fd` mapped read-only (its size made `len` first when `grow`), else read
 * into `*held` (a new block, the caller's); FALSE when neither could be. */
static gboolean map_or_read(int fd, gsize len, gboolean grow, const void **map, char **held)
{
    void *p = !grow || ftruncate(fd, (off_t)len) == 0
                  ? mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0)
                  : MAP_FAILED;
    if (p != MAP_FAILED) {
        *map = p;
        madvise(p, len, MADV_DONTNEED);
        return TRUE;
    }
    *held = g_malloc(len);
    return jb_pio_all(fd, *held, len, 0, FALSE);
}

gboolean jb_build_sources_finish(JbBuildSources *s, GHashTable *table)
{
    s->all.table = table;
    s->all.lookup = lookup;
    s->all.data = s;
    g_hash_table_remove_all(s->recent); /* (done with) */
    gsize len = (gsize)jb_build_inputs_count(s->inputs) * sizeof(guint64);
    if (s->fd < 0 || !len || s->lost)
        return !s->lost;
    const void *map = NULL, *text = NULL;
    char *held = NULL, *held_text = NULL;
    s->lost |= !map_or_read(s->fd, len, TRUE, &map, &held);
    if (s->text_len)
        s->lost |= !map_or_read(s->text_fd, (gsize)s->text_len, FALSE, &text, &held_text);
    if (map) {
        s->map = map;
        s->map_len = len;
    } else {
        s->held = g_array_sized_new(FALSE, TRUE, sizeof(guint64), (guint)(len / 8));
        g_array_append_vals(s->held, held, (guint)(len / 8));
    }
    if (text) {
        s->text_map = text;
        s->text_map_len = (gsize)s->text_len;
    } else if (held_text) {
        s->held_text = g_string_new_len(held_text, (gssize)s->text_len);
    }
    g_free(held);
    g_free(held_text);
    return !s->lost;
}

const JbSourceNames *jb_build_sources_names(const JbBuildSources *s)
{
    return s ? &s->all : NULL;
}
