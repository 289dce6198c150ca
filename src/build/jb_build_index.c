/* jb_build_index.c — knowing a file is unchanged without reading it, as git's index does:
 * a file whose size, mtime, ctime and inode are those recorded beside its hash has that
 * hash. Articles are recorded in OUT/.index (written by full builds), the executable and the
 * fonts in the manifest and in small memo files in the cache (KEY.stat, which unit processes
 * on other nodes share, so no unit hashes the binary and the fonts again).
 *
 * Racy files: a file changed again within the clock tick of the stat that recorded it would
 * keep its signature. So, as git does, a record is only made for a file whose mtime and
 * ctime are more than RACY_SECONDS older than the build's start; a younger file is hashed
 * again next time. ctime cannot be set back by hand (touch -d sets mtime only), so an edit
 * always changes the signature.
 *
 * Published outputs are recorded there too (lines "out HASH SIG NAME"), once a no-op build
 * has hashed them old enough, so that the next no-op build knows them intact without reading
 * them (metrics.csv grows with the archive).
 *
 * The index is an optimisation only: a missing, stale or damaged index (its first line
 * carries the SHA-256 of the rest) costs a full read of the articles, never a wrong output.
 *
 * Not for: content hashes of the cache keys (jb_build_store.c).
 */
#include "jb_build_priv.h"

#include <string.h>
#include <sys/stat.h>

#define RACY_SECONDS 2
#define INDEX_MAGIC "jianbao-index-1"

char *jb_build_stat_sig(const char *path, gboolean *racy, gint64 started)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL;
    if (racy)
        *racy = MAX(st.st_mtim.tv_sec, st.st_ctim.tv_sec) >= started / G_USEC_PER_SEC - RACY_SECONDS;
    return g_strdup_printf("%lld:%lld.%09ld:%lld.%09ld:%llu", (long long)st.st_size,
                           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                           (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec,
                           (unsigned long long)st.st_ino);
}

/* ---- big files we do not own: the executable, the fonts -------------------------------- */

char *jb_build_hash_big_file(Ctx *c, const char *path)
{
    gboolean racy = TRUE;
    g_autofree char *sig = jb_build_stat_sig(path, &racy, c->started);
    if (!sig)
        return g_strdup("missing");
    g_autofree char *memo_key = jb_build_key_of("stat", path, sig, NULL);
    g_autofree char *memo = jb_build_cache_path(c, memo_key, "stat");
    g_autofree char *old = g_key_file_get_string(c->old_man, "stat", path, NULL);
    char *hash = NULL;
    gsize len = 0;
    if (old && g_str_has_prefix(old, sig) && old[strlen(sig)] == ' ') {
        hash = g_strdup(old + strlen(sig) + 1);
    } else if (jb_build_read_regular(memo, FALSE, &hash, &len) && len == 64) {
        /* another process (a unit on another node) hashed it */
    } else {
        g_clear_pointer(&hash, g_free);
        hash = jb_build_hash_file(path);
        if (!hash)
            return g_strdup("unreadable");
        if (!racy) {
            /* a memo that cannot be written costs a hash */
            jb_atomic_write_file(memo, hash, strlen(hash), JB_ATOMIC_NO_SYNC, NULL);
        }
    }
    if (!racy) {
        g_autofree char *rec = g_strdup_printf("%s %s", sig, hash);
        g_key_file_set_string(c->new_man, "stat", path, rec);
        g_ptr_array_add(c->live_memos, g_strdup_printf("%s.stat", memo_key));
    }
    return hash;
}

/* ---- articles: OUT/.index ---------------------------------------------------------------- */

/* One line per article: HASH SIG NAME (NAME escaped as a C string, so any byte may be in it). */
void jb_build_index_load(Ctx *c)
{
    c->old_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    c->new_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    c->old_outputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    c->new_outputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autofree char *path = g_build_filename(c->out_dir, ".index", NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!jb_build_read_regular(path, FALSE, &text, &len))
        return;
    char sum[65];
    const char *nl = memchr(text, '\n', len);
    if (!nl || sscanf(text, INDEX_MAGIC " %64s", sum) != 1)
        return;
    const char *body = nl + 1;
    g_autofree char *have = jb_build_sha256_hex(body, len - (gsize)(body - text));
    if (strcmp(have, sum) != 0)
        return;
    for (char *line = (char *)body; *line;) {
        char *end = strchr(line, '\n');
        if (!end)
            break;
        *end = '\0';
        gboolean out = g_str_has_prefix(line, "out ");
        char *rec = out ? line + 4 : line;
        char *sp1 = strchr(rec, ' ');
        char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
        if (sp2 && sp1 - rec == 64) {
            *sp2 = '\0';
            g_hash_table_replace(out ? c->old_outputs : c->old_index, g_strcompress(sp2 + 1),
                                 g_strdup(rec));
        }
        line = end + 1;
    }
}

static char *lookup(GHashTable *old, const char *name, const char *sig)
{
    const char *rec = old ? g_hash_table_lookup(old, name) : NULL;
    if (!rec || !sig || strcmp(rec + 65, sig) != 0)
        return NULL;
    return g_strndup(rec, 64);
}

static void record(Ctx *c, GHashTable *old, GHashTable *new, const char *name, const char *sig,
                   gboolean racy, const char *hash)
{
    if (!new || !sig || racy)
        return;
    char *rec = g_strdup_printf("%s %s", hash, sig);
    const char *was = old ? g_hash_table_lookup(old, name) : NULL;
    if (!was || strcmp(was, rec) != 0)
        c->index_grew = TRUE;
    g_hash_table_replace(new, g_strdup(name), rec);
}

char *jb_build_index_lookup(const Ctx *c, const char *name, const char *sig)
{
    return lookup(c->old_index, name, sig);
}

void jb_build_index_record(Ctx *c, const char *name, const char *sig, gboolean racy,
                           const char *hash)
{
    record(c, c->old_index, c->new_index, name, sig, racy, hash);
}

char *jb_build_index_lookup_output(const Ctx *c, const char *rel, const char *sig)
{
    return lookup(c->old_outputs, rel, sig);
}

void jb_build_index_record_output(Ctx *c, const char *rel, const char *sig, gboolean racy,
                                  const char *hash)
{
    record(c, c->old_outputs, c->new_outputs, rel, sig, racy, hash);
}

static void save_table(GString *body, GHashTable *t, const char *prefix)
{
    if (!t)
        return;
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_ptr_array_add(names, k);
    g_ptr_array_sort(names, jb_build_by_bytes);
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        g_autofree char *esc = g_strescape(name, NULL);
        g_string_append_printf(body, "%s%s %s\n", prefix, (char *)g_hash_table_lookup(t, name),
                               esc);
    }
}

gboolean jb_build_index_save(const Ctx *c, GError **error)
{
    g_autoptr(GString) body = g_string_new(NULL);
    save_table(body, c->new_index, "");
    save_table(body, c->new_outputs, "out ");
    g_autofree char *sum = jb_build_sha256_hex(body->str, body->len);
    g_autoptr(GString) file = g_string_new(NULL);
    g_string_printf(file, INDEX_MAGIC " %s\n", sum);
    g_string_append_len(file, body->str, (gssize)body->len);
    g_autofree char *path = g_build_filename(c->out_dir, ".index", NULL);
    return jb_atomic_write_file(path, file->str, file->len,
                                JB_ATOMIC_NO_SYNC | JB_ATOMIC_REGULAR_ONLY, error);
}
