/* jb_strsort.c — strings sorted on disk (see jb_strsort.h). */
#include "jb_strsort.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Bytes of a run read back at a time. */
#define JB_STRSORT_BLOCK ((gsize)1 << 13)
/* Bytes of a run written at a time. */
#define JB_STRSORT_WRITE ((gsize)1 << 16)

/* A run read back a block at a time: its strings, NUL after each. */
typedef struct {
    guint64 at, end; /* the next byte to read from the file, and the run's end */
    char *buf;       /* JB_STRSORT_BLOCK */
    gsize pos, len;
    GString *cur; /* the string under the cursor */
    gboolean ok;  /* `cur` is one (FALSE: the run is done) */
} Run;

struct JbStrSort {
    gsize run_max;
    GStringChunk *chunk; /* this run's strings */
    GPtrArray *strs;     /* borrowed from chunk */
    gsize bytes;
    FILE *file;      /* the runs written out (NULL until the first) */
    char *file_buf;  /* its stdio buffer */
    GArray *ends;    /* guint64: where each run ends in `file` */
    gboolean failed; /* a run could not be written: the strings from it on are held */
    gboolean reading;
    Run *runs; /* one per run written, once reading */
    guint n_runs;
    guint mem;     /* the next of `strs` (sorted) once reading */
    GString *last; /* the string given last */
    gboolean any;  /* one was given */
    gboolean lost;
};

JbStrSort *jb_strsort_new(gsize run_bytes)
{
    JbStrSort *s = g_new0(JbStrSort, 1);
    s->run_max = run_bytes ? run_bytes : (gsize)1 << 20;
    s->chunk = g_string_chunk_new(1 << 16);
    s->strs = g_ptr_array_new();
    s->ends = g_array_new(FALSE, FALSE, sizeof(guint64));
    s->last = g_string_new(NULL);
    return s;
}

void jb_strsort_free(JbStrSort *s)
{
    if (!s)
        return;
    for (guint i = 0; i < s->n_runs; i++) {
        g_free(s->runs[i].buf);
        g_string_free(s->runs[i].cur, TRUE);
    }
    g_free(s->runs);
    g_string_chunk_free(s->chunk);
    g_ptr_array_unref(s->strs);
    g_array_unref(s->ends);
    g_string_free(s->last, TRUE);
    if (s->file)
        fclose(s->file);
    g_free(s->file_buf);
    g_free(s);
}

gboolean jb_strsort_lost(const JbStrSort *s)
{
    return s->lost;
}

static gint by_bytes(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* This run sorted and written out; FALSE when it could not be (it stays in memory). */
static gboolean spill(JbStrSort *s)
{
    if (!s->file) {
        if (!(s->file = tmpfile()))
            return FALSE;
        s->file_buf = g_malloc(JB_STRSORT_WRITE); /* (glibc's own: 4 KB a write) */
        setvbuf(s->file, s->file_buf, _IOFBF, JB_STRSORT_WRITE);
    }
    if (fseeko(s->file, 0, SEEK_END) != 0)
        return FALSE;
    g_ptr_array_sort(s->strs, by_bytes);
    for (guint i = 0; i < s->strs->len; i++) {
        const char *str = g_ptr_array_index(s->strs, i);
        gsize len = strlen(str) + 1;
        if (fwrite(str, 1, len, s->file) != len)
            return FALSE;
    }
    if (fflush(s->file) != 0)
        return FALSE;
    guint64 end = (guint64)ftello(s->file);
    g_array_append_val(s->ends, end);
    g_ptr_array_set_size(s->strs, 0);
    g_string_chunk_clear(s->chunk);
    s->bytes = 0;
    return TRUE;
}

void jb_strsort_add(JbStrSort *s, const char *str, gssize len)
{
    g_return_if_fail(!s->reading);
    gsize n = len < 0 ? strlen(str) : (gsize)len;
    g_ptr_array_add(s->strs, g_string_chunk_insert_len(s->chunk, str, (gssize)n));
    s->bytes += n + 1 + sizeof(char *);
    /* (a run that could not be written, whole or in part, stays in memory with the strings
     * after it: the runs written before it are good) */
    if (s->bytes >= s->run_max && !s->failed)
        s->failed = !spill(s);
}

/* The run's next string into r->cur (r->ok), reading a block when the last is used up. */
static void run_next(JbStrSort *s, Run *r)
{
    g_string_truncate(r->cur, 0);
    r->ok = FALSE;
    for (;;) {
        if (r->pos == r->len) {
            gsize want = (gsize)MIN((guint64)JB_STRSORT_BLOCK, r->end - r->at);
            ssize_t k = want ? pread(fileno(s->file), r->buf, want, (off_t)r->at) : 0;
            if (k < 0 && errno == EINTR)
                continue;
            s->lost |= want && k <= 0;       /* (a run that cannot be read) */
            s->lost |= !want && r->cur->len; /* (a run cut short) */
            if (k <= 0)
                return;
            r->at += (guint64)k;
            r->pos = 0;
            r->len = (gsize)k;
        }
        const char *p = r->buf + r->pos, *nul = memchr(p, 0, r->len - r->pos);
        gsize take = nul ? (gsize)(nul - p) : r->len - r->pos;
        g_string_append_len(r->cur, p, (gssize)take);
        r->pos += take + (nul != NULL);
        if (nul) {
            r->ok = TRUE;
            return;
        }
    }
}

/* Reading begins: the last run written out too when others were (a set too big to hold
 * whole), else sorted in memory; a cursor on each run. */
static void start_reading(JbStrSort *s)
{
    s->reading = TRUE;
    if (s->ends->len && s->strs->len && !s->failed)
        s->failed = !spill(s);
    g_ptr_array_sort(s->strs, by_bytes);
    if (!s->strs->len)
        g_string_chunk_clear(s->chunk);
    s->n_runs = s->file ? s->ends->len : 0;
    s->runs = g_new0(Run, s->n_runs);
    for (guint i = 0; i < s->n_runs; i++) {
        Run *r = &s->runs[i];
        r->at = i ? g_array_index(s->ends, guint64, i - 1) : 0;
        r->end = g_array_index(s->ends, guint64, i);
        r->buf = g_malloc(JB_STRSORT_BLOCK);
        r->cur = g_string_new(NULL);
        run_next(s, r);
    }
}

const char *jb_strsort_next(JbStrSort *s)
{
    if (!s->reading)
        start_reading(s);
    for (;;) {
        const char *least = s->mem < s->strs->len ? g_ptr_array_index(s->strs, s->mem) : NULL;
        guint from = s->n_runs; /* n_runs: memory */
        for (guint i = 0; i < s->n_runs; i++)
            if (s->runs[i].ok && (!least || strcmp(s->runs[i].cur->str, least) < 0)) {
                least = s->runs[i].cur->str;
                from = i;
            }
        if (!least)
            return NULL;
        gboolean again = s->any && strcmp(least, s->last->str) == 0;
        if (!again)
            g_string_assign(s->last, least);
        s->any = TRUE;
        if (from == s->n_runs)
            s->mem++;
        else
            run_next(s, &s->runs[from]);
        if (!again)
            return s->last->str;
    }
}
