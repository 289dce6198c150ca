/* jb_table_read.c — CSV text into tables (see jb_table.h): from memory, from a file, or a
 * line at a time from a stream.
 *
 * Not for: writing CSV (jb_table.c).
 */
#include "jb_table.h"
#include "jb_table_priv.h"

#include "jb_common.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* libcsv hands us fields and record ends through callbacks; this is their shared state. */
typedef struct {
    JbTable *t;
    GPtrArray *cur; /* the record being read */
    guint line;     /* physical line being fed to the parser */
    guint cur_line; /* line where `cur` started */
    gboolean header_done;
    const char *const *blank; /* names of columns whose cells are kept as "" (NULL: none) */
    guint64 blank_at;         /* those columns by position (the first 64), from the header */
} ParseState;

static void on_field(void *data, size_t len, void *user)
{
    ParseState *st = user;
    if (!st->cur) {
        st->cur = g_ptr_array_new_with_free_func(g_free);
        st->cur_line = st->line;
    }
    guint col = st->cur->len;
    gboolean blank = st->header_done && col < 64 && (st->blank_at >> col & 1);
    g_ptr_array_add(st->cur, blank ? g_strdup("") : g_strndup(data ? data : "", len));
}

/* The positions of the columns named in st->blank, once the header is read. */
static void find_blank(ParseState *st)
{
    for (guint i = 0; st->blank && i < st->t->header->len && i < 64; i++)
        if (g_strv_contains(st->blank, g_ptr_array_index(st->t->header, i)))
            st->blank_at |= (guint64)1 << i;
}

static void on_record(int term, void *user)
{
    (void)term;
    ParseState *st = user;
    if (!st->cur)
        return; /* a blank line */
    if (!st->header_done) {
        g_ptr_array_extend_and_steal(st->t->header, st->cur);
        st->header_done = TRUE;
        find_blank(st);
    } else {
        g_ptr_array_add(st->t->rows, st->cur);
        g_array_append_val(st->t->lines, st->cur_line);
    }
    st->cur = NULL;
}

/* A parse fed a physical line at a time, so each record knows the line it started on, and
 * so we know the line where a quoted field that runs on past its line opened. */
typedef struct {
    struct csv_parser p;
    ParseState st;
    guint open_line; /* line whose quote is still open, 0 when none */
    const char *source;
} LineParse;

static void line_parse_init(LineParse *lp, JbTable *t, const char *source, const char *const *blank)
{
    csv_init(&lp->p, CSV_APPEND_NULL);
    /* libcsv grows a field's buffer by this much at a time (128 bytes by default): a field
     * of megabytes (an unclosed quote runs to the end of the file) was a quadratic series of
     * reallocs, 120 s for 4 MB under ASan, whose realloc always copies */
    csv_set_blk_size(&lp->p, 1 << 20);
    lp->st = (ParseState){.t = t, .line = 1, .blank = blank};
    lp->open_line = 0;
    lp->source = source;
}

static void line_parse_free(LineParse *lp)
{
    csv_free(&lp->p);
    if (lp->st.cur)
        g_ptr_array_unref(lp->st.cur);
    lp->st.cur = NULL;
}

/* One physical line (`n` bytes; `nl`: it ends in its LF, else a last line is given one). */
static gboolean line_parse_feed(LineParse *lp, const char *line, gsize n, gboolean nl,
                                GError **error)
{
    if (csv_parse(&lp->p, line, n, on_field, on_record, &lp->st) != n ||
        (!nl && csv_parse(&lp->p, "\n", 1, on_field, on_record, &lp->st) != 1)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: %s", lp->source, lp->st.line,
                    csv_strerror(csv_error(&lp->p)));
        return FALSE;
    }
    /* After a whole line (a last line without its LF is given one), libcsv's `quoted` is set
     * only while a quoted field is still open: its closing quote would have ended the field
     * and cleared it. */
    if (!lp->p.quoted)
        lp->open_line = 0;
    else if (!lp->open_line)
        lp->open_line = lp->st.line;
    lp->st.line++;
    return TRUE;
}

/* The end of the data: the table, or NULL (an error) for a quote never closed or no header. */
static JbTable *line_parse_end(LineParse *lp, GError **error)
{
    if (lp->open_line) {
        /* libcsv (unless CSV_STRICT_FINI, which also refuses stray quotes elsewhere) would
         * hand the rest of the file over as one cell: every later row silently lost. */
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "%s:%u: a quoted field opened on this line is never closed (lines %u-%u "
                    "would be one cell); a quote inside a quoted field is written \"\"",
                    lp->source, lp->open_line, lp->open_line, lp->st.line - 1);
        return NULL;
    }
    csv_fini(&lp->p, on_field, on_record, &lp->st);
    if (!lp->st.header_done) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:1: empty file, expected a CSV header",
                    lp->source);
        return NULL;
    }
    return lp->st.t;
}

JbTable *jb_table_parse(const char *source, const char *data, gsize len, GError **error)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if (!g_utf8_validate(data, (gssize)len, NULL)) {
        const char *bad = NULL;
        g_utf8_validate(data, (gssize)len, &bad);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: not UTF-8 text", source,
                    jb_line_of_offset(data, (gsize)(bad - data)));
        return NULL;
    }
    g_autoptr(JbTable) t = jb_table_alloc(source);
    LineParse lp;
    line_parse_init(&lp, t, source, NULL);
    gboolean ok = TRUE;
    for (gsize pos = 0; ok && pos < len;) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        gsize n = nl ? (gsize)(nl - (data + pos)) + 1 : len - pos;
        ok = line_parse_feed(&lp, data + pos, n, nl != NULL, error);
        pos += n;
    }
    ok = ok && line_parse_end(&lp, error);
    line_parse_free(&lp);
    return ok ? g_steal_pointer(&t) : NULL;
}

JbTable *jb_table_read_stream(const char *source, FILE *f, const char *const *blank, GError **error)
{
    g_autoptr(JbTable) t = jb_table_alloc(source);
    LineParse lp;
    line_parse_init(&lp, t, source, blank);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    gboolean ok = TRUE;
    while (ok && (n = getline(&line, &cap, f)) > 0) {
        const char *s = line;
        if (lp.st.line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
            if (n == 0)
                continue;
        }
        /* (no character's bytes span an LF: line by line is the whole text's check) */
        if (!g_utf8_validate(s, n, NULL)) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: not UTF-8 text", source,
                        lp.st.line);
            ok = FALSE;
            break;
        }
        ok = line_parse_feed(&lp, s, (gsize)n, s[n - 1] == '\n', error);
    }
    if (ok && ferror(f)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: %s", source, g_strerror(errno));
        ok = FALSE;
    }
    free(line);
    ok = ok && line_parse_end(&lp, error);
    line_parse_free(&lp);
    return ok ? g_steal_pointer(&t) : NULL;
}

JbTable *jb_table_read(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!jb_read_file(path, &data, &len, error))
        return NULL;
    return jb_table_parse(path, data, len, error);
}
