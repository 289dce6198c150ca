/* jb_build_store.c — what a build keeps on disk: the hashes that key the cache, publishing
 * products into OUT, the manifest, and housekeeping (sweeping old cache and temporary files).
 *
 * Not for: making the products (jb_build_steps.c), the order of the build (jb_build.c).
 */
#include "jb_build_priv.h"

#include "jb_atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

gboolean jb_build_read_regular(const char *path, gboolean follow, char **data, gsize *len)
{
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer, with the lock held */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
    if (fd < 0)
        return FALSE;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        errno = EINVAL;
        return FALSE;
    }
    /* A buffer of the file's size: the whole file in one read (OUT/.index is 22 MB at 100000
     * articles), then one into `probe` to see its end, or what it grew by meanwhile. The
     * buffer was made 64 KB larger for that last read, and GString rounded it up to a power
     * of two: 128 KB for a 5 KB article, which a build from scratch holds thousands of
     * (tens of MB of articles were 559 MB of peak RSS at 100000 articles). */
    gsize cap = (gsize)st.st_size + 1, have = 0;
    char *buf = g_malloc(cap);
    ssize_t n;
    for (;;) {
        char probe[4096];
        gboolean full = have + 1 == cap;
        n = full ? read(fd, probe, sizeof probe) : read(fd, buf + have, cap - 1 - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (full) { /* it grew while being read */
            cap = 2 * (have + (gsize)n) + 1;
            buf = g_realloc(buf, cap);
            memcpy(buf + have, probe, (gsize)n);
        }
        have += (gsize)n;
    }
    int e = errno;
    close(fd);
    if (n < 0) {
        g_free(buf);
        errno = e;
        return FALSE;
    }
    buf[have] = 0;
    *len = have;
    *data = buf;
    return TRUE;
}

FILE *jb_build_open_regular(const char *path, gboolean follow)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
        errno = EINVAL;
    }
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (fd >= 0 && !f)
        close(fd);
    return f;
}

/* Read in pieces, not whole: metrics.csv is the size of an archive's statements. */
static char *hash_stream(const char *path, gboolean follow)
{
    FILE *f = jb_build_open_regular(path, follow);
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

/* The hash of a file in OUT as jianbao left it: a symlink or a FIFO put there is no output
 * of ours (NULL: it is replaced, or refused, when published). */
static char *hash_own(const char *path)
{
    return hash_stream(path, FALSE);
}

char *jb_build_hash_file(const char *path)
{
    return hash_stream(path, TRUE);
}

/* ---- publishing ----------------------------------------------------------------------- */

/* An output is written in OUT never through a symlink there (jb_build_out_open: the file
 * replaces the link), never into a FIFO or device planted at its name (an error: writing
 * would wait for a reader for ever, with the lock held). */
static gboolean unlink_symlink(const char *dest, GError **error)
{
    struct stat st;
    if (lstat(dest, &st) == 0 && S_ISLNK(st.st_mode) && unlink(dest) != 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: a symlink that cannot be removed: %s",
                    dest, g_strerror(e));
        return FALSE;
    }
    return TRUE;
}

/* The directories between OUT and an output (out/charts) are jianbao's own: a symlink put
 * at one (out/charts → elsewhere) had the outputs written, and replaced, outside OUT. It is
 * removed before the output is compared with what is there (what it links to is not ours),
 * its target untouched, and jb_build_out_open makes a directory in its place (and removes
 * one put there meanwhile). */
static gboolean unlink_dir_symlinks(const char *out_dir, const char *rel, GError **error)
{
    g_auto(GStrv) parts = g_strsplit(rel, "/", -1);
    g_autoptr(GString) dir = g_string_new(out_dir);
    for (guint i = 0; parts[i] && parts[i + 1]; i++) {
        g_string_append_c(dir, G_DIR_SEPARATOR);
        g_string_append(dir, parts[i]);
        if (!unlink_symlink(dir->str, error))
            return FALSE;
    }
    return TRUE;
}

static gboolean sink_file(const char *bytes, gsize len, gpointer f, GError **error)
{
    return jb_atomic_write(f, bytes, len, error);
}

/* The SHA-256 of series.csv's text, which is never made whole (tens of MB); NULL when its
 * spilled sources could not be read back. */
char *jb_build_series_sha256(const JbSeries *s)
{
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    if (!jb_series_csv_stream(s, NULL, NULL, jb_csv_sink_checksum, h, NULL))
        return NULL;
    return g_strdup(g_checksum_get_string(h));
}

static gboolean publish_series(const Ctx *c, const char *dest, const JbSeries *s, GError **error)
{
    JbAtomicFile *f = jb_build_out_open(c, dest, JB_ATOMIC_DURABLE | JB_ATOMIC_REGULAR_ONLY, error);
    if (!f)
        return FALSE;
    if (!jb_series_csv_stream(s, NULL, NULL, sink_file, f, error)) {
        jb_atomic_abort(f);
        return FALSE;
    }
    return jb_atomic_commit(f, error);
}

static gboolean publish_data(const Ctx *c, const char *dest, const void *data, gsize len,
                             GError **error)
{
    return jb_build_out_write(c, dest, data, len, JB_ATOMIC_REGULAR_ONLY, error);
}

/* Put `product` (a cache file) at `dest` atomically: a copy, never a hard link, so that
 * whoever writes into an output in place (echo > briefing.pdf) cannot damage the cache. */
static gboolean publish_file(const Ctx *c, const char *product, const char *dest, GError **error)
{
    FILE *in = jb_build_open_regular(product, FALSE);
    if (!in) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", product, g_strerror(errno));
        return FALSE;
    }
    JbAtomicFile *out = jb_build_out_open(c, dest, JB_ATOMIC_DURABLE | JB_ATOMIC_REGULAR_ONLY,
                                          error);
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
    g_free(o->sha256);
    if (o->data)
        g_string_free(o->data, TRUE);
    g_free(o);
}

gboolean jb_build_publish_one(Ctx *c, Output *o, gboolean *published)
{
    g_autofree char *dest = g_build_filename(c->out_dir, o->rel, NULL);
    g_autofree char *want = NULL;
    if (o->sha256) {
        want = g_strdup(o->sha256);
    } else if (o->data) {
        want = jb_build_sha256_hex(o->data->str, o->data->len);
    } else if (o->series) {
        want = jb_build_series_sha256(o->series);
        if (!want) {
            jb_build_fail_unit(c, "publish",
                               g_error_new(JB_ERROR, JB_ERROR_OUTPUT,
                                           "%s: its sources could not be read back", o->rel));
            return FALSE;
        }
    } else {
        want = jb_build_hash_file(o->product);
        if (!want) {
            jb_build_fail_unit(
                c, "publish",
                g_error_new(JB_ERROR, JB_ERROR_OUTPUT, "%s: cached product vanished", o->product));
            return FALSE;
        }
    }
    g_autofree char *group = g_strdup_printf("output %s", o->rel);
    g_key_file_set_string(c->new_man, group, "sha256", want);
    GError *e = NULL;
    if (!unlink_dir_symlinks(c->out_dir, o->rel, &e)) {
        g_key_file_remove_group(c->new_man, group, NULL);
        jb_build_fail_unit(c, "publish", e);
        return FALSE;
    }
    /* What OUT has: known by its stat record when unchanged since it was hashed (metrics.csv
     * is the size of the archive's statements), else hashed; a symlink there is no output. */
    gboolean racy = TRUE;
    struct stat lst;
    gboolean link = lstat(dest, &lst) == 0 && S_ISLNK(lst.st_mode);
    g_autofree char *sig = link ? NULL : jb_build_stat_sig(dest, &racy, c->started);
    g_autofree char *have = jb_build_index_lookup_output(c, o->rel, sig);
    if (!have)
        have = hash_own(dest);
    *published = FALSE;
    if (have && strcmp(have, want) == 0) {
        jb_build_index_record_output(c, o->rel, sig, racy, have);
        return TRUE;
    }
    gboolean ok = o->data     ? publish_data(c, dest, o->data->str, o->data->len, &e)
                  : o->series ? publish_series(c, dest, o->series, &e)
                              : publish_file(c, o->product, dest, &e);
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
    JbAtomicFile *f = jb_build_out_open(c, path, JB_ATOMIC_DURABLE | JB_ATOMIC_REGULAR_ONLY, error);
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

void jb_build_inputs_digest_add(GChecksum *h, const Article *a)
{
    jb_build_feed(h, a->name);
    char hash[65];
    jb_build_digest_hex(a->hash, hash);
    jb_build_feed(h, hash);
}

/* The articles' keys add the engine and the dictionary to their names and hashes: all in
 * here already, so the inputs digest stands for them (a no-op build takes it from the
 * index, hashing nothing per article). */
char *jb_build_top_key(const Ctx *c, const char *inputs_digest)
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
    jb_build_feed(h, inputs_digest);
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
            have = hash_own(p); /* a symlink or FIFO there is no output of ours */
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
