/* jb_build_arts.c — the articles of a build by number (their place in Ctx.inputs), a record
 * each of what the steps learn about it, on disk: a build holds no record per article.
 *
 * Each step walks the articles in order, each on an Article of its own (a few at a time:
 * jb_build_extract_all's window), filled from the record (jb_build_arts_load) and written
 * back (jb_build_arts_save): its content hash, its statements digest and its flags, 68 bytes
 * in a file of no name in OUT (else in the temporary directory), read and written
 * JB_BUILD_ARTS_BLOCK records at a time. Until 2026-12-07 every article's Article (120
 * bytes) and two pointers to it (16) were held from when it was read until its rows were in:
 * 13.6 MB at 100000 articles, the most of what a build held per article. The bytes of the
 * articles read and kept to extract (up to Ctx.hold_max, 16 MB) are held here, by number.
 * Where no file can be made, the records are held in memory, as before.
 *
 * Not for: reading, hashing and extracting articles (jb_build_steps.c).
 */
#include "jb_build_priv.h"
#include "jb_recs.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

enum {
    REC_PRESENT = 1 << 0, /* read (else it failed and is left out of every step) */
    REC_HAS_STMT = 1 << 1,
    REC_RAN = 1 << 2,
    REC_CACHED = 1 << 3,
    REC_REREAD = 1 << 4,
    REC_RECORDED = 1 << 5, /* its line is among the index's records (JbIndex.fresh) */
    REC_FAILED = 1 << 6,   /* extracted, with an error (reported then) */
    REC_HELD = 1 << 7,     /* its bytes are in `held` */
};

typedef struct {
    guint8 hash[32];
    guint8 stmt[32];
    guint32 flags;
} ArtRec;

typedef struct {
    guint num;
    char *data; /* owned */
    gsize len;
} Held;

typedef struct {
    guint num;
    GError *error;    /* owned */
    JbDiag *warnings; /* owned */
    JbTable *table;   /* owned: its statements, when only its cache file failed */
} Failure;

struct JbArts {
    int fd;        /* the records' file, -1: they are in `mem` */
    GArray *mem;   /* ArtRec, when there is no file */
    guint n;       /* records saved (numbers 0 to n - 1) */
    guint on_disk; /* records the file holds (the rest are in `block`, or none yet) */
    ArtRec *block; /* JB_BUILD_ARTS_BLOCK records from number `at` (owned) */
    guint at;      /* G_MAXUINT: none */
    gboolean dirty;
    gboolean lost;    /* a block could not be written or read back: records read are empty */
    GArray *held;     /* Held, in the order of their numbers */
    guint held_at;    /* the first of `held` not yet taken */
    GArray *failures; /* Failure, in the order of their numbers: an extraction's error
                       * reported when its article is assembled (few: one per failure) */
};

JbArts *jb_build_arts_new(const Ctx *c)
{
    JbArts *s = g_new0(JbArts, 1);
    s->fd = c->out_dir ? open(c->out_dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600) : -1;
    if (s->fd < 0) {
        FILE *f = tmpfile(); /* (a file system without O_TMPFILE) */
        s->fd = f ? dup(fileno(f)) : -1;
        if (f)
            fclose(f);
    }
    if (s->fd < 0)
        s->mem = g_array_new(FALSE, TRUE, sizeof(ArtRec));
    s->block = g_new0(ArtRec, JB_BUILD_ARTS_BLOCK);
    s->at = G_MAXUINT;
    s->held = g_array_new(FALSE, FALSE, sizeof(Held));
    s->failures = g_array_new(FALSE, FALSE, sizeof(Failure));
    return s;
}

void jb_build_arts_free(JbArts *s)
{
    if (!s)
        return;
    if (s->fd >= 0)
        close(s->fd);
    if (s->mem)
        g_array_unref(s->mem);
    for (guint i = s->held_at; i < s->held->len; i++)
        g_free(g_array_index(s->held, Held, i).data);
    g_array_unref(s->held);
    for (guint i = 0; i < s->failures->len; i++) {
        Failure *f = &g_array_index(s->failures, Failure, i);
        g_clear_error(&f->error);
        g_clear_pointer(&f->warnings, g_ptr_array_unref);
        g_clear_pointer(&f->table, jb_table_free);
    }
    g_array_unref(s->failures);
    g_free(s->block);
    g_free(s);
}

guint jb_build_arts_count(const JbArts *s)
{
    return s->n;
}

/* The block of record `num` in `s->block`, the one before written out if changed. */
static ArtRec *rec_at(JbArts *s, guint num)
{
    if (s->mem) {
        if (num >= s->mem->len)
            g_array_set_size(s->mem, num + 1);
        return &g_array_index(s->mem, ArtRec, num);
    }
    guint at = num - num % JB_BUILD_ARTS_BLOCK;
    if (s->at != at) {
        if (s->dirty && s->at != G_MAXUINT) {
            guint k = MIN(JB_BUILD_ARTS_BLOCK, s->n - s->at);
            s->lost |= !jb_pio_all(s->fd, s->block, k * sizeof(ArtRec),
                                   (off_t)s->at * (off_t)sizeof(ArtRec), TRUE);
            s->on_disk = MAX(s->on_disk, s->at + k);
        }
        memset(s->block, 0, JB_BUILD_ARTS_BLOCK * sizeof(ArtRec));
        guint have = s->on_disk > at ? MIN(JB_BUILD_ARTS_BLOCK, s->on_disk - at) : 0;
        if (have)
            s->lost |= !jb_pio_all(s->fd, s->block, have * sizeof(ArtRec),
                                   (off_t)at * (off_t)sizeof(ArtRec), FALSE);
        s->at = at;
        s->dirty = FALSE;
    }
    return &s->block[num - at];
}

gboolean jb_build_arts_lost(const JbArts *s)
{
    return s->lost;
}

void jb_build_arts_save(JbArts *s, const Article *a)
{
    if (a->num >= s->n)
        s->n = a->num + 1;
    ArtRec *r = rec_at(s, a->num);
    memcpy(r->hash, a->hash, 32);
    memcpy(r->stmt, a->stmt, 32);
    r->flags = (a->present ? REC_PRESENT : 0) | (a->has_stmt ? REC_HAS_STMT : 0) |
               (a->ran ? REC_RAN : 0) | (a->cached ? REC_CACHED : 0) |
               (a->reread ? REC_REREAD : 0) | (a->recorded ? REC_RECORDED : 0) |
               (a->failed ? REC_FAILED : 0) | (a->held ? REC_HELD : 0);
    s->dirty = TRUE;
}

gboolean jb_build_arts_load(const Ctx *c, JbArts *s, guint num, Article *a)
{
    memset(a, 0, sizeof *a);
    a->num = num;
    a->name = jb_build_inputs_name(c->inputs, num);
    jb_build_inputs_tick(c->inputs); /* (a step walks them all: their pages go now and then) */
    const ArtRec *r = rec_at(s, num);
    memcpy(a->hash, r->hash, 32);
    memcpy(a->stmt, r->stmt, 32);
    a->present = (r->flags & REC_PRESENT) != 0;
    a->has_stmt = (r->flags & REC_HAS_STMT) != 0;
    a->ran = (r->flags & REC_RAN) != 0;
    a->cached = (r->flags & REC_CACHED) != 0;
    a->reread = (r->flags & REC_REREAD) != 0;
    a->recorded = (r->flags & REC_RECORDED) != 0;
    a->failed = (r->flags & REC_FAILED) != 0;
    a->held = (r->flags & REC_HELD) != 0;
    return a->present;
}

void jb_build_arts_hold(JbArts *s, Article *a)
{
    Held h = {a->num, g_steal_pointer(&a->data), a->len};
    guint at = s->held->len; /* (read again after the index vouched for it: may come later) */
    while (at > s->held_at && g_array_index(s->held, Held, at - 1).num > a->num)
        at--;
    g_array_insert_val(s->held, at, h);
    a->held = TRUE;
}

void jb_build_arts_take(JbArts *s, Article *a)
{
    /* asked in the order of the numbers: bytes of an article passed over are not wanted */
    while (s->held_at < s->held->len && g_array_index(s->held, Held, s->held_at).num < a->num)
        g_clear_pointer(&g_array_index(s->held, Held, s->held_at++).data, g_free);
    if (s->held_at < s->held->len && g_array_index(s->held, Held, s->held_at).num == a->num) {
        Held *h = &g_array_index(s->held, Held, s->held_at++);
        g_free(a->data);
        a->data = g_steal_pointer(&h->data);
        a->len = h->len;
    }
    a->held = FALSE;
}

void jb_build_arts_drop_held(JbArts *s)
{
    for (guint i = s->held_at; i < s->held->len; i++)
        g_free(g_array_index(s->held, Held, i).data);
    g_array_set_size(s->held, 0);
    s->held_at = 0;
}

void jb_build_arts_keep_failure(JbArts *s, Article *a)
{
    Failure f = {a->num, g_steal_pointer(&a->error), g_steal_pointer(&a->warnings),
                 g_steal_pointer(&a->table)};
    g_array_append_val(s->failures, f);
    a->failed = TRUE;
}

void jb_build_arts_failure(JbArts *s, Article *a)
{
    guint lo = 0, hi = s->failures->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(s->failures, Failure, mid).num < a->num)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == s->failures->len || g_array_index(s->failures, Failure, lo).num != a->num)
        return;
    Failure *f = &g_array_index(s->failures, Failure, lo);
    if (f->error) {
        g_clear_error(&a->error);
        a->error = g_steal_pointer(&f->error);
    }
    if (f->warnings) {
        g_clear_pointer(&a->warnings, g_ptr_array_unref);
        a->warnings = g_steal_pointer(&f->warnings);
    }
    if (f->table) {
        g_clear_pointer(&a->table, jb_table_free);
        a->table = g_steal_pointer(&f->table);
    }
}

/* The articles' records (Ctx.arts) were all written and read back: else the build fails
 * (what it knows of its articles is lost: a disk full, an I/O error), publishing nothing. */
gboolean jb_build_arts_intact(Ctx *c)
{
    if (!c->arts || !jb_build_arts_lost(c->arts))
        return TRUE;
    if (!c->first_error)
        jb_build_fail_unit(c, "build",
                           g_error_new(JB_ERROR, JB_ERROR_OUTPUT,
                                       "%s: the articles' records could not be written or read "
                                       "back (a file of no name there)",
                                       c->out_dir));
    return FALSE;
}

/* The names of the articles' cache files, into `live` for the sweep (sorted on disk, a run
 * at a time): made from their records once the series, the citations and the names of
 * sources are gone, not as each article is assembled (until 2026-12-07 held as a set, 20
 * bytes an article, and before that 2 MB of the assembly's peak at 100000). */
void jb_build_arts_live(Ctx *c, JbStrSort *live)
{
    for (guint i = 0; i < jb_build_arts_count(c->arts); i++) {
        Article a;
        if (!jb_build_arts_load(c, c->arts, i, &a))
            continue;
        char key[65];
        jb_build_article_key(c, &a, key);
        jb_build_names_add_key(live, key, "csv");
    }
}
