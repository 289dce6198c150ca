/* jb_build_store.c — what a build keeps on disk: the hashes that key the cache, publishing
 * products into OUT, the manifest, and housekeeping (sweeping old cache and temporary files).
 *
 * Not for: making the products (jb_build_steps.c), the order of the build (jb_build.c).
 */
#include "jb_build_priv.h"

#include "jb_atomic.h"

#include <errno.h>
#include <stdio.h>

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Cache files younger than this are never swept: a unit on another machine may be
 * writing them right now. */
#define SWEEP_AGE_SECONDS (15 * 60)

/* ---- hashing -------------------------------------------------------------------------- */

char *jb_build_sha256_hex(const void *data, gsize len)
{
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
}

void jb_build_feed(GChecksum *h, const char *s)
{
    g_checksum_update(h, (const guchar *)(s ? s : ""), (gssize)strlen(s ? s : ""));
    g_checksum_update(h, (const guchar *)"", 1);
}

char *jb_build_key_of(const char *first, ...)
{
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s; s = va_arg(ap, const char *))
        jb_build_feed(h, s);
    va_end(ap);
    return g_strdup(g_checksum_get_string(h));
}

/* Read in pieces, not whole: metrics.csv is the size of an archive's statements. */
char *jb_build_hash_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    g_autofree guchar *buf = g_malloc(1 << 16);
    size_t n;
    while ((n = fread(buf, 1, 1 << 16, f)) > 0)
        g_checksum_update(h, buf, (gssize)n);
    gboolean ok = !ferror(f);
    fclose(f);
    return ok ? g_strdup(g_checksum_get_string(h)) : NULL;
}

/* ---- publishing ----------------------------------------------------------------------- */

/* Put `product` (a cache file) at `dest` atomically: a copy, never a hard link, so that
 * whoever writes into an output in place (echo > briefing.pdf) cannot damage the cache. */
static gboolean publish_file(const char *product, const char *dest, GError **error)
{
    FILE *in = fopen(product, "rb");
    if (!in) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", product, g_strerror(errno));
        return FALSE;
    }
    JbAtomicFile *out = jb_atomic_open(dest, JB_ATOMIC_DURABLE, error);
    g_autofree char *buf = g_malloc(1 << 16);
    gboolean ok = out != NULL;
    size_t n;
    while (ok && (n = fread(buf, 1, 1 << 16, in)) > 0)
        ok = jb_atomic_write(out, buf, n, error);
    if (ok && ferror(in)) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: read error", product);
        ok = FALSE;
    }
    fclose(in);
    if (!out)
        return FALSE;
    if (!ok) {
        jb_atomic_abort(out);
        return FALSE;
    }
    return jb_atomic_commit(out, error);
}

void jb_build_output_free(gpointer p)
{
    Output *o = p;
    g_free(o->rel);
    g_free(o->product);
    if (o->data)
        g_string_free(o->data, TRUE);
    g_free(o);
}

gboolean jb_build_publish_one(Ctx *c, Output *o, gboolean *published)
{
    g_autofree char *dest = g_build_filename(c->out_dir, o->rel, NULL);
    g_autofree char *want = NULL;
    if (o->data) {
        want = jb_build_sha256_hex(o->data->str, o->data->len);
    } else {
        want = jb_build_hash_file(o->product);
        if (!want) {
            jb_build_fail_unit(c, "publish",
                               g_error_new(JB_ERROR, JB_ERROR_OUTPUT,
                                           "%s: cached product vanished", o->product));
            return FALSE;
        }
    }
    g_autofree char *group = g_strdup_printf("output %s", o->rel);
    g_key_file_set_string(c->new_man, group, "sha256", want);
    g_autofree char *have = jb_build_hash_file(dest);
    *published = FALSE;
    if (have && strcmp(have, want) == 0)
        return TRUE;
    GError *e = NULL;
    gboolean ok = o->data ? jb_write_file_atomic(dest, o->data->str, o->data->len, &e)
                          : publish_file(o->product, dest, &e);
    if (!ok) {
        g_key_file_remove_group(c->new_man, group, NULL);
        jb_build_fail_unit(c, "publish", e);
        return FALSE;
    }
    *published = TRUE;
    g_ptr_array_add(c->r->outputs, g_steal_pointer(&dest));
    return TRUE;
}

void jb_build_keep_old_output(Ctx *c, const char *rel)
{
    g_autofree char *group = g_strdup_printf("output %s", rel);
    g_autofree char *sha = g_key_file_get_string(c->old_man, group, "sha256", NULL);
    if (sha)
        g_key_file_set_string(c->new_man, group, "sha256", sha);
}

/* ---- the manifest and housekeeping ---------------------------------------------------- */

gboolean jb_build_write_manifest(Ctx *c, GError **error)
{
    gsize len = 0;
    g_autofree char *data = g_key_file_to_data(c->new_man, &len, NULL);
    g_autofree char *path = g_build_filename(c->out_dir, ".manifest", NULL);
    /* Written in two halves so the test hook can stop the process in between. */
    JbAtomicFile *f = jb_atomic_open(path, JB_ATOMIC_DURABLE, error);
    gsize half = len / 2;
    if (!f || !jb_atomic_write(f, data, half, error)) {
        jb_atomic_abort(f);
        return FALSE;
    }
    jb_build_maybe_die("manifest");
    if (!jb_atomic_write(f, data + half, len - half, error)) {
        jb_atomic_abort(f);
        return FALSE;
    }
    return jb_atomic_commit(f, error);
}

/* Is `name` a temporary file of an interrupted write: ours (.NAME.XXXXXX.jbtmp, jb_atomic)
 * or GLib's (NAME.XXXXXX, from the g_file_set_contents of earlier versions)? */
static gboolean is_temp_name(const char *name, GHashTable *finals)
{
    if (g_str_has_suffix(name, ".jbtmp"))
        return TRUE;
    gsize n = strlen(name);
    if (n < 8 || name[n - 7] != '.')
        return FALSE;
    for (gsize i = n - 6; i < n; i++)
        if (!g_ascii_isalnum(name[i]))
            return FALSE;
    g_autofree char *final = g_strndup(name, n - 7);
    return finals == NULL || g_hash_table_contains(finals, final);
}

void jb_build_sweep(Ctx *c, GHashTable *finals, GHashTable *live)
{
    const char *dirs[] = {c->out_dir, NULL};
    g_autofree char *charts = g_build_filename(c->out_dir, "charts", NULL);
    dirs[1] = charts;
    for (guint d = 0; d < G_N_ELEMENTS(dirs); d++) {
        g_autoptr(GDir) dir = g_dir_open(dirs[d], 0, NULL);
        for (const char *n; dir && (n = g_dir_read_name(dir));) {
            if (is_temp_name(n, finals)) {
                g_autofree char *p = g_build_filename(dirs[d], n, NULL);
                unlink(p);
            }
        }
    }
    g_autoptr(GDir) dir = g_dir_open(c->cache_dir, 0, NULL);
    gint64 now = g_get_real_time() / G_USEC_PER_SEC;
    for (const char *n; dir && (n = g_dir_read_name(dir));) {
        g_autofree char *p = g_build_filename(c->cache_dir, n, NULL);
        struct stat st;
        if (stat(p, &st) != 0 || now - st.st_mtime < SWEEP_AGE_SECONDS)
            continue;
        if (is_temp_name(n, NULL) || (live && !g_hash_table_contains(live, n)))
            unlink(p);
    }
}

char *jb_build_top_key(const Ctx *c, GPtrArray *arts)
{
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    jb_build_feed(h, "top");
    jb_build_feed(h, c->engine);
    jb_build_feed(h, c->fonts);
    jb_build_feed(h, c->project_hash);
    jb_build_feed(h, c->dict_hash);
    jb_build_feed(h, c->tmpl_name);
    jb_build_feed(h, c->tmpl_hash);
    jb_build_feed(h, c->date);
    jb_build_feed(h, c->review_hash ? c->review_hash : "");
    for (guint i = 0; i < arts->len; i++)
        jb_build_feed(h, ((Article *)g_ptr_array_index(arts, i))->key);
    jb_build_feed_named_files(c, h, c->project_text, c->base);
    if (c->tmpl_text) {
        g_autofree char *dir = g_path_get_dirname(c->tmpl_path);
        jb_build_feed_named_files(c, h, c->tmpl_text, dir);
    }
    return g_strdup(g_checksum_get_string(h));
}

gboolean jb_build_outputs_intact(Ctx *c)
{
    g_auto(GStrv) groups = g_key_file_get_groups(c->old_man, NULL);
    guint n = 0, known = 0;
    for (char **g = groups; *g; g++) {
        if (!g_str_has_prefix(*g, "output "))
            continue;
        const char *rel = *g + strlen("output ");
        g_autofree char *sha = g_key_file_get_string(c->old_man, *g, "sha256", NULL);
        g_autofree char *p = g_build_filename(c->out_dir, rel, NULL);
        gboolean racy = TRUE;
        g_autofree char *sig = jb_build_stat_sig(p, &racy, c->started);
        /* metrics.csv is the size of the archive's statements: hashing it was most of a
         * no-op build at 100000 articles */
        g_autofree char *have = jb_build_index_lookup_output(c, rel, sig);
        known += have != NULL;
        if (!have)
            have = jb_build_hash_file(p);
        if (!sha || !have || strcmp(sha, have) != 0)
            return FALSE;
        jb_build_index_record_output(c, rel, sig, racy, have);
        n++;
    }
    jb_build_add_eventf(c->r, JB_LOG_DEBUG, "build",
                        "%u outputs known intact by the index (size, times, inode), %u hashed",
                        known, n - known);
    return n > 0;
}
