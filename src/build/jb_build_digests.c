/* jb_build_digests.c — what an article's statements are, without reading them: the SHA-256
 * of its statements file in the cache, recorded in OUT/.index beside its content hash (see
 * jb_build_index.c), from which jb_build.c makes the assembly key (an edit that leaves every
 * article's statements as they were assembles nothing).
 *
 * Not for: writing or parsing statements files (jb_build_steps.c).
 */
#include "jb_build_priv.h"

#include <stddef.h>
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

gboolean jb_build_statements_digests(Ctx *c, GPtrArray *arts)
{
    gboolean all = TRUE;
    for (guint i = 0; i < arts->len; i++) {
        Article *a = g_ptr_array_index(arts, i);
        if (!a->has_stmt && !a->error) { /* cached, and the index did not know it */
            g_autofree char *path = jb_build_article_path(c, a, "csv");
            g_autofree char *text = NULL;
            gsize len = 0;
            if (jb_build_read_regular(path, FALSE, &text, &len) && statements_intact(text, len)) {
                g_autofree char *stmt = jb_build_sha256_hex(text, len);
                a->has_stmt = jb_build_digest_parse(a->stmt, stmt);
            }
        }
        all = all && a->has_stmt && !a->error;
    }
    return all;
}
