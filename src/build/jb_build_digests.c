/* jb_build_digests.c — what an article's statements are, without reading them: the SHA-256
 * of its statements file in the cache, recorded in OUT/.index beside its content hash (see
 * jb_build_index.c), from which jb_build.c makes the assembly key (an edit that leaves every
 * article's statements as they were assembles nothing).
 *
 * Not for: writing or parsing statements files (jb_build_steps.c).
 */
#include "jb_build_priv.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

/* The header and CRC of a cache file written by statements_file, not its statements. */
static gboolean statements_intact(const char *text, gsize len)
{
    const char *nl = memchr(text, '\n', len);
    char head[64] = "";
    unsigned long sum = 0;
    unsigned nwarn = 0;
    if (nl && nl - text < (ptrdiff_t)sizeof head)
        memcpy(head, text, (gsize)(nl - text));
    if (!nl || sscanf(head, STATEMENTS_MAGIC " %8lx %u", &sum, &nwarn) != 2)
        return FALSE;
    const char *body = nl + 1;
    return crc32_z(0, (const Bytef *)body, len - (gsize)(body - text)) == sum;
}

gboolean jb_build_statements_digest(Ctx *c, Article *a)
{
    if (!a->has_stmt && !a->error) { /* cached, and the index did not know it */
        g_autofree char *path = jb_build_article_path(c, a, "csv");
        g_autofree char *text = NULL;
        gsize len = 0;
        if (jb_build_read_regular(path, FALSE, &text, &len) && statements_intact(text, len)) {
            g_autofree char *stmt = jb_build_sha256_hex(text, len);
            a->has_stmt = jb_build_digest_parse(a->stmt, stmt);
        }
    }
    return a->has_stmt && !a->error;
}

gboolean jb_build_statements_digests(Ctx *c, GPtrArray *arts)
{
    gboolean all = TRUE;
    for (guint i = 0; i < arts->len; i++)
        all = jb_build_statements_digest(c, g_ptr_array_index(arts, i)) && all;
    return all;
}

/* ---- sealing this build's records (see jb_build_index.c) ------------------------------------
 *
 * The records are written as the articles are read, before their statements are known (an
 * article extracted in this run learns its digest later): each is copied, with it, to a
 * second file once its article is done with, so that the articles go one by one as they are
 * assembled (their records, 120 bytes each, were 12 MB of the peak at 100000 articles). */

void jb_build_index_seal_upto(Ctx *c, const Article *upto)
{
    JbIndex *x = &c->index;
    if (!x->fresh_arts || x->seal_failed || x->sealed == x->fresh_arts->len)
        return;
    if (!x->sealing) { /* the first: the records are read back from their start */
        x->sealing = jb_build_index_fresh_file(c);
        x->seal_failed = !x->sealing || !x->fresh || fflush(x->fresh) != 0 ||
                         fseeko(x->fresh, 0, SEEK_SET) != 0;
    }
    for (; !x->seal_failed && x->sealed < x->fresh_arts->len; x->sealed++) {
        const Article *a = g_ptr_array_index(x->fresh_arts, x->sealed);
        if (upto && strcmp(a->name, upto->name) > 0)
            break; /* (not done with: it comes later) */
        ssize_t len = getline(&x->seal_line, &x->seal_cap, x->fresh);
        x->seal_failed = len <= 65 + 64;
        if (!x->seal_failed) {
            jb_build_index_fresh_fill(x, x->sealed, x->seal_line);
            x->seal_failed = fwrite(x->seal_line, 1, (size_t)len, x->sealing) != (size_t)len;
        }
    }
}

void jb_build_index_seal(Ctx *c)
{
    JbIndex *x = &c->index;
    if (!x->fresh_arts)
        return;
    jb_build_index_seal_upto(c, NULL);
    guint n = x->fresh_arts->len;
    gboolean ok = n == 0 || (!x->seal_failed && x->sealed == n && fflush(x->sealing) == 0);
    if (x->fresh)
        fclose(x->fresh);
    x->fresh = ok ? g_steal_pointer(&x->sealing) : NULL;
    if (!ok) { /* none is recorded: the next build reads every article */
        x->fresh_lost = TRUE;
        n = 0;
    }
    if (x->sealing)
        fclose(x->sealing);
    x->sealing = NULL;
    g_clear_pointer(&x->seal_line, free);
    x->fresh_n = n;
    g_clear_pointer(&x->fresh_arts, g_ptr_array_unref);
}
