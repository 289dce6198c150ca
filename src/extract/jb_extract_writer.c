/* jb_extract_writer.c — metrics.csv: statements as its rows (the header, the cells), into
 * a JbTable or streamed to a file one article at a time.
 *
 * Not for: making the statements (jb_extract.c), CSV syntax (jb_table).
 */
#include "jb_extract.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const JB_METRICS_HEADER[] = {"source",    "published", "period",   "subject",
                                         "metric",    "metric_id", "value",    "unit",
                                         "qualifier", "bound",     "forecast", "quote",
                                         "publisher", "title",     "url",      "value_high",
                                         NULL};
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
 * cells guarded against formulas (copies in owned[0..6], to free). */
static void statement_cells(const JbStatement *s, const char *value, const char *high,
                            const char *cells[N_COLS], char *owned[7])
{
    const char *row[N_COLS] = {NZ(s->source),
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
        g_autofree char *high = s->q.is_range ? jb_decimal_to_string_stated(s->q.high) : g_strdup("");
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
    char *path;     /* the target, NULL for stdout */
    char *tmp_path; /* the temporary file being written */
    FILE *f;
    gboolean device; /* f is a device or FIFO opened in place */
    GString *buf;    /* the rows of one article */
    char *iobuf;     /* f's buffer (not stdout's): freed after f is closed */
};

static gboolean write_error(GError **error, const char *what, int err)
{
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", what, g_strerror(err));
    return FALSE;
}

JbMetricsWriter *jb_metrics_writer_open(const char *path, GError **error)
{
    JbMetricsWriter *w = g_new0(JbMetricsWriter, 1);
    if (path && strcmp(path, "-") != 0 && g_file_test(path, G_FILE_TEST_EXISTS) &&
        !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        /* /dev/null, /dev/stdout, a FIFO: written in place. Renaming a temporary file over
         * a device would replace it (as root, /dev/null itself). */
        if (!(w->f = fopen(path, "w"))) {
            write_error(error, path, errno);
            g_free(w);
            return NULL;
        }
        w->device = TRUE;
    } else if (path && strcmp(path, "-") != 0) {
        w->path = g_strdup(path);
        g_autofree char *dir = g_path_get_dirname(path);
        if (g_mkdir_with_parents(dir, 0777) != 0) {
            write_error(error, dir, errno);
            jb_metrics_writer_abort(w);
            return NULL;
        }
        w->tmp_path = g_strconcat(path, ".tmp-XXXXXX", NULL);
        int fd = g_mkstemp(w->tmp_path);
        if (fd >= 0) { /* as a file made by open(2) would be: 0666 less the umask (not 0600) */
            mode_t mask = umask(0);
            umask(mask);
            (void)fchmod(fd, 0666 & ~mask);
        }
        if (fd < 0 || !(w->f = fdopen(fd, "w"))) {
            write_error(error, path, errno);
            if (fd >= 0)
                close(fd);
            g_clear_pointer(&w->tmp_path, g_free);
            jb_metrics_writer_abort(w);
            return NULL;
        }
    } else {
        w->f = stdout;
    }
    if (w->f != stdout) { /* one write(2) per 64 KB of rows, not per 4 KB */
        w->iobuf = g_malloc(1 << 16);
        setvbuf(w->f, w->iobuf, _IOFBF, 1 << 16);
    }
    g_autoptr(JbTable) t = jb_table_new(JB_METRICS_HEADER);
    g_autoptr(GString) csv = jb_table_to_csv(t);
    if (fwrite(csv->str, 1, csv->len, w->f) != csv->len) {
        write_error(error, w->path ? w->path : "stdout", errno);
        jb_metrics_writer_abort(w);
        return NULL;
    }
    return w;
}

gboolean jb_metrics_writer_add(JbMetricsWriter *w, GPtrArray *statements, GError **error)
{
    if (!statements->len)
        return TRUE;
    /* the rows jb_extract_append_rows() makes, written straight into one reused buffer */
    if (!w->buf)
        w->buf = g_string_sized_new(4096);
    g_string_truncate(w->buf, 0);
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
    if (fwrite(w->buf->str, 1, w->buf->len, w->f) != w->buf->len)
        return write_error(error, w->path ? w->path : "stdout", errno);
    if (w->buf->allocated_len > (1u << 20)) /* one huge article: do not keep its buffer */
        g_string_free(g_steal_pointer(&w->buf), TRUE);
    return TRUE;
}

/* Free `w` and what it owns, once its stream is closed (iobuf is the stream's buffer). */
static void writer_free(JbMetricsWriter *w)
{
    g_free(w->tmp_path);
    g_free(w->path);
    if (w->buf)
        g_string_free(w->buf, TRUE);
    g_free(w->iobuf);
    g_free(w);
}

gboolean jb_metrics_writer_close(JbMetricsWriter *w, GError **error)
{
    gboolean ok = TRUE;
    if (!w->path) {
        ok = fflush(w->f) == 0 || write_error(error, "stdout", errno);
        if (w->device && fclose(w->f) != 0 && ok)
            ok = write_error(error, "output", errno);
        writer_free(w);
        return ok;
    }
    int err = 0;
    if (fflush(w->f) != 0 || fsync(fileno(w->f)) != 0)
        err = errno;
    if (fclose(w->f) != 0 && !err)
        err = errno;
    w->f = NULL;
    if (!err && g_rename(w->tmp_path, w->path) != 0)
        err = errno;
    if (err) {
        ok = write_error(error, w->path, err);
        g_unlink(w->tmp_path);
    }
    writer_free(w);
    return ok;
}

void jb_metrics_writer_abort(JbMetricsWriter *w)
{
    if (!w)
        return;
    if (w->f && (w->f != stdout || w->device))
        fclose(w->f);
    else if (w->f)
        fflush(w->f);
    if (w->tmp_path)
        g_unlink(w->tmp_path);
    writer_free(w);
}
