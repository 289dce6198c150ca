#include "jb_table.h"

#include "jb_common.h"

#include <csv.h>
#include <string.h>

struct JbTable {
    char *source;
    GPtrArray *header; /* char* */
    GPtrArray *rows;   /* GPtrArray* of char* */
    GArray *lines;     /* guint per row */
};

static JbTable *table_alloc(const char *source)
{
    JbTable *t = g_new0(JbTable, 1);
    t->source = g_strdup(source ? source : "");
    t->header = g_ptr_array_new_with_free_func(g_free);
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    t->lines = g_array_new(FALSE, FALSE, sizeof(guint));
    return t;
}

JbTable *jb_table_new(const char *const *header)
{
    JbTable *t = table_alloc("");
    for (const char *const *h = header; *h; h++)
        g_ptr_array_add(t->header, g_strdup(*h));
    return t;
}

void jb_table_free(JbTable *t)
{
    if (!t)
        return;
    g_free(t->source);
    g_ptr_array_unref(t->header);
    g_ptr_array_unref(t->rows);
    g_array_unref(t->lines);
    g_free(t);
}

/* libcsv hands us fields and record ends through callbacks; this is their shared state. */
typedef struct {
    JbTable *t;
    GPtrArray *cur; /* the record being read */
    guint line;     /* physical line being fed to the parser */
    guint cur_line; /* line where `cur` started */
    gboolean header_done;
} ParseState;

static void on_field(void *data, size_t len, void *user)
{
    ParseState *st = user;
    if (!st->cur) {
        st->cur = g_ptr_array_new_with_free_func(g_free);
        st->cur_line = st->line;
    }
    g_ptr_array_add(st->cur, g_strndup(data ? data : "", len));
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
    } else {
        g_ptr_array_add(st->t->rows, st->cur);
        g_array_append_val(st->t->lines, st->cur_line);
    }
    st->cur = NULL;
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
    g_autoptr(JbTable) t = table_alloc(source);
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    ParseState st = {.t = t, .line = 1};
    /* Feed one physical line at a time so each record knows the line it started on. */
    gsize pos = 0;
    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        gsize n = nl ? (gsize)(nl - (data + pos)) + 1 : len - pos;
        if (csv_parse(&p, data + pos, n, on_field, on_record, &st) != n) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: %s", source, st.line,
                        csv_strerror(csv_error(&p)));
            csv_free(&p);
            if (st.cur)
                g_ptr_array_unref(st.cur);
            return NULL;
        }
        pos += n;
        st.line++;
    }
    csv_fini(&p, on_field, on_record, &st);
    csv_free(&p);
    if (st.cur)
        g_ptr_array_unref(st.cur);
    if (!st.header_done) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:1: empty file, expected a CSV header",
                    source);
        return NULL;
    }
    return g_steal_pointer(&t);
}

JbTable *jb_table_read(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!jb_read_file(path, &data, &len, error))
        return NULL;
    return jb_table_parse(path, data, len, error);
}

guint jb_table_n_rows(const JbTable *t) { return t->rows->len; }
guint jb_table_n_cols(const JbTable *t) { return t->header->len; }
const char *jb_table_source(const JbTable *t) { return t->source; }

void jb_table_set_source(JbTable *t, const char *source)
{
    g_free(t->source);
    t->source = g_strdup(source);
}

const char *jb_table_header(const JbTable *t, guint col)
{
    return col < t->header->len ? g_ptr_array_index(t->header, col) : "";
}

int jb_table_column(const JbTable *t, const char *name)
{
    for (guint i = 0; i < t->header->len; i++)
        if (strcmp(g_ptr_array_index(t->header, i), name) == 0)
            return (int)i;
    return -1;
}

const char *jb_table_get(const JbTable *t, guint row, int col)
{
    if (row >= t->rows->len || col < 0)
        return "";
    GPtrArray *r = g_ptr_array_index(t->rows, row);
    return (guint)col < r->len ? g_ptr_array_index(r, col) : "";
}

guint jb_table_line(const JbTable *t, guint row)
{
    return row < t->lines->len ? g_array_index(t->lines, guint, row) : 0;
}

void jb_table_append(JbTable *t, const char *const *cells)
{
    GPtrArray *r = g_ptr_array_new_full(t->header->len, g_free);
    for (guint i = 0; i < t->header->len; i++)
        g_ptr_array_add(r, g_strdup(cells[i] ? cells[i] : ""));
    g_ptr_array_add(t->rows, r);
    guint line = t->rows->len + 1;
    g_array_append_val(t->lines, line);
}

/* g_string_append_len, which in GLib 2.74 is a call into the general g_string_insert_len:
 * a tenth of writing metrics.csv went there. */
static inline void append_bytes(GString *out, const char *s, gsize n)
{
    gsize at = out->len;
    if (at + n < out->allocated_len) {
        memcpy(out->str + at, s, n);
        out->len = at + n;
        out->str[out->len] = '\0';
    } else {
        g_string_append_len(out, s, (gssize)n);
    }
}

/* Length of the leading run of s with none of , " CR LF: strlen(s) when the field needs no
 * quotes for them. One strcspn, not strlen and then strpbrk. */
static gsize plain_run(const char *s)
{
    return strcspn(s, ",\"\r\n");
}

static void append_field(GString *out, const char *s)
{
    /* Also quoted (both found by fuzzing): a field that starts with a BOM, which a reader
     * would take for an encoding mark at the start of a file, and one that starts or ends
     * with a space or tab, which libcsv (like most readers) trims from unquoted fields. */
    size_t run = plain_run(s);
    size_t len = s[run] ? run + strlen(s + run) : run;
    gboolean edge_space = len && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
                                  s[len - 1] == '\t');
    gboolean bom = len >= 3 && (guchar)s[0] == 0xEF && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
    if (!edge_space && !bom && run == len) {
        append_bytes(out, s, len);
        return;
    }
    size_t n = len;
    size_t need = csv_write(NULL, 0, s, n);
    gsize at = out->len;
    g_string_set_size(out, at + need);
    csv_write(out->str + at, need, s, n);
}

/* [-]digits[.digits]: what a spreadsheet must keep as a number. */
static gboolean plain_number(const char *s)
{
    if (*s == '-')
        s++;
    if (!g_ascii_isdigit(*s))
        return FALSE;
    while (g_ascii_isdigit(*s))
        s++;
    if (*s == '.') {
        s++;
        if (!g_ascii_isdigit(*s))
            return FALSE;
        while (g_ascii_isdigit(*s))
            s++;
    }
    return *s == '\0';
}

static void append_record(GString *out, GPtrArray *cells, guint n, gboolean excel)
{
    /* one empty cell would be an empty line, which readers skip: quote it to keep the row */
    if (n == 1 && (cells->len == 0 || !*(const char *)g_ptr_array_index(cells, 0))) {
        g_string_append(out, "\"\"\n");
        return;
    }
    for (guint i = 0; i < n; i++) {
        if (i)
            g_string_append_c(out, ',');
        const char *cell = i < cells->len ? g_ptr_array_index(cells, i) : "";
        if (excel && !plain_number(cell)) {
            g_autofree char *safe = jb_csv_safe_text(cell);
            append_field(out, safe);
        } else {
            append_field(out, cell);
        }
    }
    g_string_append_c(out, '\n');
}

void jb_csv_append_row(GString *out, const char *const *cells, guint n)
{
    if (n == 1 && !*cells[0]) { /* as append_record: one empty cell is quoted */
        g_string_append(out, "\"\"\n");
        return;
    }
    for (guint i = 0; i < n; i++) {
        if (i)
            g_string_append_c(out, ',');
        append_field(out, cells[i]);
    }
    g_string_append_c(out, '\n');
}

static GString *to_csv(const JbTable *t, gboolean excel)
{
    GString *out = g_string_sized_new(256 + 128 * t->rows->len);
    if (excel)
        g_string_append(out, "\xEF\xBB\xBF");
    append_record(out, t->header, t->header->len, excel);
    for (guint r = 0; r < t->rows->len; r++)
        append_record(out, g_ptr_array_index(t->rows, r), t->header->len, excel);
    return out;
}

GString *jb_table_to_csv(const JbTable *t) { return to_csv(t, FALSE); }
GString *jb_table_to_excel_csv(const JbTable *t) { return to_csv(t, TRUE); }

gboolean jb_table_write(const JbTable *t, const char *path, GError **error)
{
    g_autoptr(GString) csv = jb_table_to_csv(t);
    return jb_write_file_atomic(path, csv->str, csv->len, error);
}

gboolean jb_table_write_excel(const JbTable *t, const char *path, GError **error)
{
    g_autoptr(GString) csv = jb_table_to_excel_csv(t);
    return jb_write_file_atomic(path, csv->str, csv->len, error);
}

char *jb_csv_safe_text(const char *s)
{
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
        return g_strconcat("'", s, NULL);
    return g_strdup(s);
}

char *jb_csv_plain_text(const char *s)
{
    if (s[0] == '\'' && (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' ||
                         s[1] == '\t' || s[1] == '\r'))
        return g_strdup(s + 1);
    return g_strdup(s);
}
