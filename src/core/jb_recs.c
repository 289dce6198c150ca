/* jb_recs.c — records on disk, a block in memory (see jb_recs.h). */
#include "jb_recs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Records a block holds: written out and read back this many at a time. */
#define JB_RECS_BLOCK 1024u

struct JbRecs {
    gsize size;
    int fd;        /* the file of no name, -1: every record is in `tail` */
    guint n;       /* records */
    guint tail_at; /* the first record of `tail` (those before it are in the file) */
    char *tail;    /* records from tail_at on (JB_RECS_BLOCK of room; all of them without a file) */
    gsize tail_cap;
    char *block; /* JB_RECS_BLOCK records read back from number `block_at` */
    guint block_at, block_n;
    gboolean lost;
};

JbRecs *jb_recs_new(gsize size)
{
    JbRecs *r = g_new0(JbRecs, 1);
    r->size = MAX(size, 1);
    FILE *f = tmpfile();
    r->fd = f ? dup(fileno(f)) : -1;
    if (f)
        fclose(f);
    r->tail_cap = JB_RECS_BLOCK;
    r->tail = g_malloc(r->tail_cap * r->size);
    return r;
}

void jb_recs_free(JbRecs *r)
{
    if (!r)
        return;
    if (r->fd >= 0)
        close(r->fd);
    g_free(r->tail);
    g_free(r->block);
    g_free(r);
}

guint jb_recs_len(const JbRecs *r)
{
    return r->n;
}

gboolean jb_recs_lost(const JbRecs *r)
{
    return r->lost;
}

gboolean jb_pio_all(int fd, void *buf, gsize bytes, off_t at, gboolean write)
{
    char *p = buf;
    while (bytes) {
        ssize_t k = write ? pwrite(fd, p, bytes, at) : pread(fd, p, bytes, at);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return FALSE;
        p += k;
        bytes -= (gsize)k;
        at += k;
    }
    return TRUE;
}

void jb_recs_append(JbRecs *r, gconstpointer rec)
{
    guint in_tail = r->n - r->tail_at;
    if (in_tail == r->tail_cap && r->fd >= 0) {
        r->lost |= !jb_pio_all(r->fd, r->tail, (gsize)in_tail * r->size,
                               (off_t)r->tail_at * (off_t)r->size, TRUE);
        r->tail_at = r->n;
        in_tail = 0;
    } else if (in_tail == r->tail_cap) {
        r->tail_cap *= 2;
        r->tail = g_realloc_n(r->tail, r->tail_cap, r->size);
    }
    memcpy(r->tail + (gsize)in_tail * r->size, rec, r->size);
    r->n++;
}

gconstpointer jb_recs_get(JbRecs *r, guint i)
{
    g_return_val_if_fail(i < r->n, r->tail);
    if (i >= r->tail_at)
        return r->tail + (gsize)(i - r->tail_at) * r->size;
    if (!r->block || i < r->block_at || i >= r->block_at + r->block_n) {
        if (!r->block)
            r->block = g_malloc((gsize)JB_RECS_BLOCK * r->size);
        r->block_at = i - i % JB_RECS_BLOCK;
        r->block_n = MIN(JB_RECS_BLOCK, r->tail_at - r->block_at);
        if (!jb_pio_all(r->fd, r->block, (gsize)r->block_n * r->size,
                        (off_t)r->block_at * (off_t)r->size, FALSE)) {
            memset(r->block, 0, (gsize)r->block_n * r->size);
            r->lost = TRUE;
        }
    }
    return r->block + (gsize)(i - r->block_at) * r->size;
}
