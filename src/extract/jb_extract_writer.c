/* jb_extract_writer.c — metrics.csv: statements as its rows (the header, the cells), into
 * a JbTable or streamed to a file one article at a time.
 *
 * Not for: making the statements (jb_extract.c), CSV syntax (jb_table).
 */
#include "jb_extract.h"

#include "jb_append.h"
#include "jb_atomic.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char *const JB_METRICS_HEADER[] = {
    "source",    "published", "period",    "subject",    "metric",   "metric_id",
    "value",     "unit",      "qualifier", "bound",      "forecast", "quote",
    "publisher", "title",     "url",       "value_high", NULL};
#define N_COLS 16

/* The bound column: a range's, or the hedge's. */
static const char *bound_cell(const JbStatement *s)
{
    return s->q.is_range ? "range" : jb_bound_name(s->q.bound);
}

#define NZ(s) ((s) ? (s) : "")

/* A free-text cell as jb_csv_safe_text() writes it: a copy only when it needs the '. */
static const char *safe_cell(const char *s, char **owned)
{
    if (!s)
        return ""; /* (jb_table_append writes NULL as "") */
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
        return *owned = jb_csv_safe_text(s);
    return s;
}

/* The cells of a statement's row: value and value_high in the callers' buffers, free-text
 * cells guarded against formulas, the source's name too (copies in owned[0..6], to free). */
static void statement_cells(const JbStatement *s, const char *value, const char *high,
                            const char *cells[N_COLS], char *owned[7])
{
    const char *row[N_COLS] = {safe_cell(s->source, &owned[6]), /* a file named =cmd.md */
                               NZ(s->published),
                               NZ(s->period),
                               safe_cell(s->subject, &owned[0]),
                               safe_cell(s->metric, &owned[1]),
                               NZ(s->metric_id),
                               value,
                               s->q.unit,
                               s->q.qualifier,
                               bound_cell(s),
                               s->forecast ? "1" : "0",
                               safe_cell(s->quote, &owned[2]),
                               safe_cell(s->publisher, &owned[3]),
                               safe_cell(s->title, &owned[4]),
                               safe_cell(s->url, &owned[5]),
                               high};
    memcpy(cells, row, sizeof row);
}

void jb_extract_append_rows(JbTable *t, GPtrArray *statements)
{
    for (guint i = 0; i < statements->len; i++) {
        const JbStatement *s = g_ptr_array_index(statements, i);
        g_autofree char *value = jb_decimal_to_string_stated(s->q.value);
        g_autofree char *high = s->q.is_range ? jb_decimal_to_string_stated(s->q.high)
                                              : g_strdup("");
        const char *cells[N_COLS];
        char *owned[7] = {0};
        statement_cells(s, value, high, cells, owned);
        jb_table_append(t, cells);
        for (int k = 0; k < 7; k++)
            g_free(owned[k]);
    }
}

/* ---- streaming metrics.csv ------------------------------------------------------------- */

struct JbMetricsWriter {
    JbAtomicFile *file;  /* the target (jb_atomic), or NULL for stdout or an append */
    char *append_to;     /* the target of an append, or NULL */
    int stage;           /* an append's unlinked temporary file, else -1 */
    GPtrArray *warnings; /* an append's (borrowed) */
    GString *buf; /* rows not yet written: up to 64 KB for a file, one article's for stdout */
};

/* Rows are batched into writes of 64 KB, not written an article at a time. */
#define FLUSH_AT (1u << 16)

static gboolean write_error(GError **error, const char *what, int err)
{
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", what, g_strerror(err));
    return FALSE;
}

/* Write out what `w` holds. */
static gboolean writer_flush(JbMetricsWriter *w, GError **error)
{
    if (!w->buf->len)
        return TRUE;
    if (w->file && !jb_atomic_write(w->file, w->buf->str, w->buf->len, error))
        return FALSE;
    if (w->stage >= 0) {
        for (gsize off = 0; off < w->buf->len;) {
            ssize_t n = write(w->stage, w->buf->str + off, w->buf->len - off);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return write_error(error, w->append_to, n < 0 ? errno : ENOSPC);
            off += (gsize)n;
        }
    } else if (!w->file && fwrite(w->buf->str, 1, w->buf->len, stdout) != w->buf->len)
        return write_error(error, "stdout", errno);
    g_string_truncate(w->buf, 0);
    if (w->buf->allocated_len > (1u << 20)) { /* one huge article: do not keep its buffer */
        g_string_free(w->buf, TRUE);
        w->buf = g_string_sized_new(FLUSH_AT);
    }
    return TRUE;
}

JbMetricsWriter *jb_metrics_writer_open(const char *path, GError **error)
{
    JbMetricsWriter *w = g_new0(JbMetricsWriter, 1);
    w->stage = -1;
    if (path && strcmp(path, "-") != 0) {
        /* a device or FIFO (/dev/null, /dev/stdout) is written in place by jb_atomic */
        if (!(w->file = jb_atomic_open(path, JB_ATOMIC_DURABLE, error))) {
            g_free(w);
            return NULL;
        }
    }
    w->buf = g_string_sized_new(FLUSH_AT);
    g_autoptr(JbTable) t = jb_table_new(JB_METRICS_HEADER);
    g_autoptr(GString) csv = jb_table_to_csv(t);
    g_string_append_len(w->buf, csv->str, (gssize)csv->len);
    if (!w->file && !writer_flush(w, error)) {
        jb_metrics_writer_abort(w);
        return NULL;
    }
    return w;
}

static char *metrics_header(void)
{
    g_autoptr(JbTable) t = jb_table_new(JB_METRICS_HEADER);
    GString *csv = jb_table_to_csv(t);
    return g_string_free(csv, FALSE);
}

JbMetricsWriter *jb_metrics_writer_open_append(const char *path, GPtrArray *warnings,
                                               GError **error)
{
    g_autofree char *name = NULL;
    GError *e = NULL;
    int fd = g_file_open_tmp("jianbao-append-XXXXXX", &name, &e);
    if (fd < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: cannot stage the rows: %s", path,
                    e->message);
        g_error_free(e);
        return NULL;
    }
    unlink(name); /* gone with the process, however it ends */
    JbMetricsWriter *w = g_new0(JbMetricsWriter, 1);
    w->stage = fd;
    w->append_to = g_strdup(path);
    w->warnings = warnings;
    w->buf = g_string_sized_new(FLUSH_AT);
    return w;
}

gboolean jb_metrics_writer_add(JbMetricsWriter *w, GPtrArray *statements, GError **error)
{
    if (!statements->len)
        return TRUE;
    /* the rows jb_extract_append_rows() makes, written straight into the buffer */
    for (guint i = 0; i < statements->len; i++) {
        const JbStatement *s = g_ptr_array_index(statements, i);
        char buf[JB_DECIMAL_STR_MAX];
        g_autofree char *long_value = NULL; /* (never for a value the scanner made) */
        const char *value = buf;
        gsize value_len = jb_decimal_format_stated(s->q.value, buf, sizeof buf);
        if (value_len >= sizeof buf)
            value = long_value = jb_decimal_to_string_stated(s->q.value);
        char hbuf[JB_DECIMAL_STR_MAX] = "";
        g_autofree char *long_high = NULL;
        const char *high = hbuf;
        if (s->q.is_range && jb_decimal_format_stated(s->q.high, hbuf, sizeof hbuf) >= sizeof hbuf)
            high = long_high = jb_decimal_to_string_stated(s->q.high);
        const char *cells[N_COLS];
        char *owned[7] = {0};
        statement_cells(s, value, high, cells, owned);
        gsize lens[N_COLS];
        for (gsize k = 0; k < N_COLS; k++)
            lens[k] = cells[k] == value ? value_len : strlen(cells[k]);
        jb_csv_append_row_n(w->buf, cells, lens, N_COLS);
        for (int k = 0; k < 7; k++)
            g_free(owned[k]);
    }
    /* stdout gets each article's rows as they come (a pipe's reader sees progress) */
    return (w->file || w->stage >= 0) && w->buf->len < FLUSH_AT ? TRUE : writer_flush(w, error);
}

static void writer_free(JbMetricsWriter *w)
{
    if (w->stage >= 0)
        close(w->stage);
    g_free(w->append_to);
    g_string_free(w->buf, TRUE);
    g_free(w);
}

gboolean jb_metrics_writer_close(JbMetricsWriter *w, GError **error)
{
    gboolean ok = writer_flush(w, error);
    if (w->append_to) {
        g_autofree char *header = metrics_header();
        ok = ok && jb_append_file(w->append_to, header, w->stage, w->warnings, error);
    } else if (w->file && ok)
        ok = jb_atomic_commit(w->file, error);
    else if (w->file)
        jb_atomic_abort(w->file);
    else if (ok && fflush(stdout) != 0) {
        ok = write_error(error, "stdout", errno);
    }
    writer_free(w);
    return ok;
}

void jb_metrics_writer_abort(JbMetricsWriter *w)
{
    if (!w)
        return;
    if (w->file)
        jb_atomic_abort(w->file);
    else if (!w->append_to)
        fflush(stdout);
    writer_free(w);
}
