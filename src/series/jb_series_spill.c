/* jb_series_spill.c — a series' long cells kept in a file of no name, not in memory (see
 * JbSpill in jb_series.h), and read back for those that need their text: the sources of a
 * row (jb_series_row_sources) and series.csv's bytes (jb_series_csv_stream).
 *
 * Not for: which cells are spilled (jb_reshape.c: the sources column, as it makes a row).
 */
#include "jb_series.h"

#include "jb_common.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* A cell of the table that stands for a text in the file: this byte, then the text's
 * SHA-256 in hex. No sources cell is that (it names articles; a name of control characters
 * and 64 hex digits that is also the SHA-256 of a text spilled is not looked for). */
#define REF_MARK '\x01'
#define REF_LEN (1 + 64)

typedef struct {
    guint64 at; /* where the text is in the file */
    gsize len;
} Spilled;

struct JbSpill {
    int fd;            /* the file (unlinked, or O_TMPFILE: no name); owned */
    guint64 end;       /* bytes written */
    GHashTable *texts; /* SHA-256 hex (owned) → Spilled (owned): a text is written once */
    gboolean broken;   /* a write failed: nothing more is spilled */
};

JbSpill *jb_spill_new(const char *dir)
{
    int fd = dir ? open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600) : -1;
    if (fd < 0) { /* (a filesystem without O_TMPFILE, or no such directory) */
        g_autofree char *path = NULL;
        fd = g_file_open_tmp("jianbao-spill-XXXXXX", &path, NULL);
        if (fd >= 0)
            unlink(path);
    }
    if (fd < 0)
        return NULL;
    JbSpill *sp = g_new0(JbSpill, 1);
    sp->fd = fd;
    sp->texts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return sp;
}

void jb_spill_free(JbSpill *sp)
{
    if (!sp)
        return;
    close(sp->fd);
    g_hash_table_unref(sp->texts);
    g_free(sp);
}

static gboolean write_all(int fd, const char *p, gsize len)
{
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        p += n;
        len -= (gsize)n;
    }
    return TRUE;
}

char *jb_spill_put(JbSpill *sp, const char *text)
{
    gsize len = strlen(text);
    if (!sp || sp->broken || len < JB_SPILL_MIN)
        return NULL;
    g_autofree char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, (gssize)len);
    if (!g_hash_table_contains(sp->texts, sum)) {
        /* (the file is written at its end: put is never called beside a read) */
        if (lseek(sp->fd, (off_t)sp->end, SEEK_SET) < 0 || !write_all(sp->fd, text, len)) {
            sp->broken = TRUE; /* (a partial text is never referred to) */
            return NULL;
        }
        Spilled *s = g_new(Spilled, 1);
        *s = (Spilled){sp->end, len};
        sp->end += len;
        g_hash_table_insert(sp->texts, g_strdup(sum), s);
    }
    return g_strdup_printf("%c%s", REF_MARK, sum);
}

char *jb_spill_get(const JbSpill *sp, const char *cell)
{
    const Spilled *s = sp && cell[0] == REF_MARK && strlen(cell) == REF_LEN
                           ? g_hash_table_lookup(sp->texts, cell + 1)
                           : NULL;
    if (!s)
        return g_strdup(cell);
    char *text = g_malloc(s->len + 1);
    gsize got = 0;
    while (got < s->len) {
        ssize_t n = pread(sp->fd, text + got, s->len - got, (off_t)(s->at + got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            g_free(text);
            return NULL;
        }
        got += (gsize)n;
    }
    text[s->len] = 0;
    return text;
}

/* ---- a series' spilled cells ------------------------------------------------------------- */

char *jb_series_row_sources(const JbSeries *s, const JbSeriesRow *row)
{
    g_autofree char *text = jb_spill_get(jb_series_spill(s), row->cell[JB_SERIES_SOURCES]);
    if (!text)
        return g_strdup("");
    g_autofree char *plain = jb_csv_plain_text(text);
    return g_steal_pointer(&plain);
}

typedef struct {
    const JbSpill *spill;
    gboolean lost; /* a spilled text could not be read */
} Expand;

static char *expand(const JbTable *t, guint row, int col, const char *cell, gpointer data)
{
    (void)t, (void)row, (void)col;
    Expand *x = data;
    if (cell[0] != REF_MARK)
        return NULL;
    char *text = jb_spill_get(x->spill, cell);
    x->lost |= text == NULL;
    return text;
}

gboolean jb_series_csv_stream(const JbSeries *s, JbCsvKeep keep, gpointer keep_data, JbCsvSink sink,
                              gpointer sink_data, GError **error)
{
    Expand x = {jb_series_spill(s), FALSE};
    const JbTable *t = jb_series_table(s);
    gboolean ok = x.spill ? jb_table_csv_stream_mapped(t, keep, keep_data, expand, &x, sink,
                                                       sink_data, error)
                          : jb_table_csv_stream(t, keep, keep_data, sink, sink_data, error);
    if (ok && x.lost) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: its sources could not be read back",
                    jb_table_source(t));
        ok = FALSE;
    }
    return ok;
}
