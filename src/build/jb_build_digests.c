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
    if (!a->has_stmt && !a->error && !a->failed) { /* cached, and the index did not know it */
        g_autofree char *path = jb_build_article_path(c, a, "csv");
        g_autofree char *text = NULL;
        gsize len = 0;
        if (jb_build_read_regular(path, FALSE, &text, &len) && statements_intact(text, len)) {
            g_autofree char *stmt = jb_build_sha256_hex(text, len);
            a->has_stmt = jb_build_digest_parse(a->stmt, stmt);
        }
    }
    return a->has_stmt && !a->error && !a->failed;
}

gboolean jb_build_statements_digests(Ctx *c)
{
    gboolean all = TRUE;
    for (guint i = 0; i < jb_build_arts_count(c->arts); i++) {
        Article a;
        if (!jb_build_arts_load(c, c->arts, i, &a))
            continue;
        gboolean had = a.has_stmt;
        all = jb_build_statements_digest(c, &a) && all;
        if (a.has_stmt != had)
            jb_build_arts_save(c->arts, &a);
    }
    return all;
}

/* ---- sealing this build's records (see jb_build_index.c) ------------------------------------
 *
 * The records are written as the articles are read, before their statements are known (an
 * article extracted in this run learns its digest later): each is copied, with it, to a
 * second file once its article is done with, so that the articles went one by one as they
 * were assembled (their Articles, 120 bytes each, were 12 MB of the peak at 100000 articles).
 * Since the articles' records are on disk (jb_build_arts.c) that frees nothing more: it stays
 * the one pass that fills in the digests, the index then written from the sealed file as is. */

/* The next article recorded, from number *at on, into `a` (*at then past it); FALSE when
 * none is. */
static gboolean next_recorded(Ctx *c, guint *at, Article *a)
{
    for (; *at < jb_build_arts_count(c->arts); ++*at)
        if (jb_build_arts_load(c, c->arts, *at, a) && a->recorded) {
            ++*at;
            return TRUE;
        }
    return FALSE;
}

/* `line`, a record of `a`, with its statements digest. */
static void fill(const Article *a, char *line)
{
    if (a->has_stmt)
        jb_build_digest_hex(a->stmt, line + 65); /* (its NUL overwrites the blank after) */
    else
        memcpy(line + 65, JB_BUILD_NO_STMT, 64);
    line[65 + 64] = ' ';
}

gboolean jb_build_index_fresh_fill(Ctx *c, char *line)
{
    JbIndex *x = &c->index;
    if (x->all_sealed)
        return TRUE;
    Article a;
    if (!next_recorded(c, &x->fill_art, &a))
        return FALSE;
    fill(&a, line);
    return TRUE;
}

void jb_build_index_seal_upto(Ctx *c, guint upto)
{
    JbIndex *x = &c->index;
    if (!x->on || x->all_sealed || x->seal_failed || x->sealed == x->fresh_n)
        return;
    if (!x->sealing) { /* the first: the records are read back from their start */
        x->sealing = jb_build_index_fresh_file(c);
        x->seal_failed = !x->sealing || !x->fresh || fflush(x->fresh) != 0 ||
                         fseeko(x->fresh, 0, SEEK_SET) != 0;
    }
    for (; !x->seal_failed && x->sealed < x->fresh_n; x->sealed++) {
        guint at = x->seal_art;
        Article a;
        x->seal_failed = !next_recorded(c, &at, &a);
        if (x->seal_failed || a.num > upto)
            break; /* (not done with: it comes later) */
        x->seal_art = at;
        ssize_t len = getline(&x->seal_line, &x->seal_cap, x->fresh);
        x->seal_failed = len <= 65 + 64;
        if (!x->seal_failed) {
            fill(&a, x->seal_line);
            x->seal_failed = fwrite(x->seal_line, 1, (size_t)len, x->sealing) != (size_t)len;
        }
    }
}

void jb_build_index_seal(Ctx *c)
{
    JbIndex *x = &c->index;
    if (!x->on || x->all_sealed)
        return;
    jb_build_index_seal_upto(c, G_MAXUINT);
    guint n = x->fresh_n;
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
    x->all_sealed = TRUE;
}
