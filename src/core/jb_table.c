#include "jb_table.h"
#include "jb_table_priv.h"

#include "jb_common.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif


JbTable *jb_table_alloc(const char *source)
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
    JbTable *t = jb_table_alloc("");
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
    if (t->origins) {
        g_ptr_array_unref(t->origins);
        g_array_unref(t->origin_of);
    }
    g_free(t);
}

guint jb_table_n_rows(const JbTable *t)
{
    return t->rows->len;
}
guint jb_table_n_cols(const JbTable *t)
{
    return t->header->len;
}
const char *jb_table_source(const JbTable *t)
{
    return t->source;
}

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

int jb_table_column_hint(const JbTable *t, const char *name, int *hint)
{
    if (*hint >= 0 && (guint)*hint < t->header->len &&
        strcmp(g_ptr_array_index(t->header, *hint), name) == 0)
        return *hint;
    return *hint = jb_table_column(t, name);
}

const char *jb_table_get(const JbTable *t, guint row, int col)
{
    if (row >= t->rows->len || col < 0)
        return "";
    GPtrArray *r = g_ptr_array_index(t->rows, row);
    return (guint)col < r->len ? g_ptr_array_index(r, col) : "";
}

void jb_table_set(JbTable *t, guint row, int col, const char *value)
{
    if (row >= t->rows->len || col < 0)
        return;
    GPtrArray *r = g_ptr_array_index(t->rows, row);
    if ((guint)col >= r->len)
        return;
    g_free(r->pdata[col]);
    r->pdata[col] = g_strdup(value ? value : "");
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
    if (t->origin_of) {
        guint own = G_MAXUINT;
        g_array_append_val(t->origin_of, own);
    }
}

void jb_table_append_from(JbTable *t, const JbTable *from, guint row)
{
    GPtrArray *r = g_ptr_array_new_full(t->header->len, g_free);
    for (guint i = 0; i < t->header->len; i++)
        g_ptr_array_add(
            r, g_strdup(jb_table_get(from, row, jb_table_column(from, t->header->pdata[i]))));
    g_ptr_array_add(t->rows, r);
    guint line = jb_table_line(from, row);
    g_array_append_val(t->lines, line);
    if (!t->origins) {
        t->origins = g_ptr_array_new_with_free_func(g_free);
        t->origin_of = g_array_new(FALSE, FALSE, sizeof(guint));
        guint own = G_MAXUINT;
        for (guint i = 0; i + 1 < t->rows->len; i++)
            g_array_append_val(t->origin_of, own);
    }
    const char *src = jb_table_row_source(from, row);
    guint k = t->origins->len; /* rows come in runs from one file: look at the last only */
    if (k == 0 || strcmp(t->origins->pdata[k - 1], src) != 0)
        g_ptr_array_add(t->origins, g_strdup(src));
    k = t->origins->len - 1;
    g_array_append_val(t->origin_of, k);
}

const char *jb_table_row_source(const JbTable *t, guint row)
{
    if (t->origin_of && row < t->origin_of->len) {
        guint k = g_array_index(t->origin_of, guint, row);
        if (k != G_MAXUINT)
            return t->origins->pdata[k];
    }
    return t->source;
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

/* A cell of n bytes needs quotes: it holds , " CR or LF; or it starts with a BOM, which a
 * reader would take for an encoding mark at the start of a file; or it starts or ends with a
 * space or tab, which libcsv (like most readers) trims from unquoted fields (the last two
 * found by fuzzing). edge_needs_quotes() is the second half, for every cell of a row. */
static inline gboolean edge_needs_quotes(const char *s, gsize n)
{
    if (n == 0)
        return FALSE;
    guchar first = (guchar)s[0], last = (guchar)s[n - 1];
    /* one compare for nearly every cell: none of the bytes looked for is above ' ' but 0xEF */
    if (first > ' ' && first != 0xEF && last > ' ')
        return FALSE;
    return first == ' ' || first == '\t' || last == ' ' || last == '\t' ||
           (n >= 3 && first == 0xEF && memcmp(s, "\xEF\xBB\xBF", 3) == 0);
}

static gssize count_commas_plain(const char *s, gsize n);
static gboolean plain_number_n(const char *s, gsize n);

/* A cell a spreadsheet would run as a formula: it starts with = + - @ (or tabs, CRs and
 * spaces, then one of them) and is not a plain number (-12.5 stays a number). Every CSV jianbao writes gets such a cell with a
 * leading ' (jb_csv_safe_text), whichever column it is in and whoever made the text: a
 * writer cannot forget a column (series.csv's metric_id from a hand-made metrics.csv, a
 * unit, conflicts.csv's source, changes.csv's label were written bare). One compare for
 * nearly every cell. */
static inline gboolean formula_like(const char *s, gsize n)
{
    if (n == 0)
        return FALSE;
    guchar c = (guchar)s[0];
    const guint64 starts = 1ULL << '=' | 1ULL << '+' | 1ULL << '-' | 1ULL << '\t' | 1ULL << '\r';
    if (!(c < 64 ? (starts >> c) & 1 : c == '@'))
        return FALSE;
    if (c == '\t' || c == '\r') { /* blanks before a formula; blanks alone are text */
        gsize i = 0;
        while (i < n && (s[i] == '\t' || s[i] == '\r' || s[i] == ' '))
            i++;
        return i < n && strchr("=+-@", s[i]);
    }
    return !(c == '-' && plain_number_n(s, n));
}

static gboolean needs_quotes(const char *s, gsize n)
{
    return edge_needs_quotes(s, n) || count_commas_plain(s, n) != 0;
}

/* As libcsv's csv_write(): the cell in quotes, each quote inside doubled. */
static void append_quoted(GString *out, const char *s, gsize n)
{
    const char *end = s + n;
    append_bytes(out, "\"", 1);
    for (const char *q; (q = memchr(s, '"', (size_t)(end - s))) != NULL; s = q + 1) {
        append_bytes(out, s, (gsize)(q + 1 - s));
        append_bytes(out, "\"", 1);
    }
    append_bytes(out, s, (gsize)(end - s));
    append_bytes(out, "\"", 1);
}

static void append_field_plain(GString *out, const char *s, gsize n)
{
    if (needs_quotes(s, n))
        append_quoted(out, s, n);
    else
        append_bytes(out, s, n);
}

static void append_field_n(GString *out, const char *s, gsize n)
{
    if (formula_like(s, n)) { /* '=x, as jb_csv_safe_text writes it; quoted if it needs */
        g_autofree char *safe = g_malloc(n + 2);
        safe[0] = '\'';
        memcpy(safe + 1, s, n);
        safe[n + 1] = '\0';
        append_field_plain(out, safe, n + 1);
        return;
    }
    append_field_plain(out, s, n);
}

static void append_field(GString *out, const char *s)
{
    append_field_n(out, s, strlen(s));
}

/* [-]digits[.digits], the n bytes at s: what a spreadsheet must keep as a number. */
static gboolean plain_number_n(const char *s, gsize n)
{
    const char *end = s + n;
    if (s < end && *s == '-')
        s++;
    if (s == end || !g_ascii_isdigit(*s))
        return FALSE;
    while (s < end && g_ascii_isdigit(*s))
        s++;
    if (s < end && *s == '.') {
        s++;
        if (s == end || !g_ascii_isdigit(*s))
            return FALSE;
        while (s < end && g_ascii_isdigit(*s))
            s++;
    }
    return s == end;
}

static gboolean plain_number(const char *s)
{
    return plain_number_n(s, strlen(s));
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

/* How many commas the n bytes at s hold, or -1 when they hold a " CR or LF. */
static gssize count_commas_plain(const char *s, gsize n)
{
    gsize commas = 0, i = 0;
#if defined(__SSE2__)
    /* 16 bytes at a time: a row is written once per statement, and this pass is most of it.
     * Each lane counts its commas down from 0 (a match is -1), summed every 255 blocks
     * before a lane could wrap; the last partial block is the last 16 bytes, with the lanes
     * already counted masked off. */
    if (n >= 16) {
        static const guint8 tail_lanes[32] = {[16] = 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                              0xFF,        0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                              0xFF,        0xFF, 0xFF, 0xFF};
        const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'),
                      cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n'),
                      zero = _mm_setzero_si128();
        __m128i sums = zero, bad = zero;
        while (i + 16 <= n) {
            __m128i count = zero;
            gsize stop = n - i >= 255 * 16 ? i + 255 * 16 : n;
            for (; i + 16 <= stop; i += 16) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                bad = _mm_or_si128(
                    bad, _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf))));
                count = _mm_add_epi8(count, _mm_cmpeq_epi8(v, comma));
            }
            sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_sub_epi8(zero, count), zero));
        }
        if (i < n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            __m128i lanes = _mm_loadu_si128((const __m128i *)(const void *)(tail_lanes + (n - i)));
            __m128i b = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
            bad = _mm_or_si128(bad, _mm_and_si128(b, lanes));
            __m128i count = _mm_and_si128(_mm_cmpeq_epi8(v, comma), lanes);
            sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_sub_epi8(zero, count), zero));
        }
        if (_mm_movemask_epi8(bad))
            return -1;
        return (gssize)((guint64)_mm_cvtsi128_si64(sums) +
                        (guint64)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    }
#endif
    for (; i < n; i++) {
        if (s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return -1;
        commas += s[i] == ',';
    }
    return (gssize)commas;
}

/* Cells of at most 16 bytes (all but the quote, in metrics.csv) without a call to memcpy. */
static inline void copy_cell(char *o, const char *s, gsize n)
{
    if (n >= 8 && n <= 16) {
        guint64 a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(o, &a, 8);
        memcpy(o + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        guint32 a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(o, &a, 4);
        memcpy(o + n - 4, &b, 4);
    } else if (n < 4) {
        for (gsize k = 0; k < n; k++)
            o[k] = s[k];
    } else {
        memcpy(o, s, n);
    }
}

void jb_csv_append_row_n(GString *out, const char *const *cells, const gsize *lens, guint n)
{
    if (n == 0) {
        g_string_append_c(out, '\n');
        return;
    }
    if (n == 1 && lens[0] == 0) { /* as append_record: one empty cell is quoted */
        g_string_append(out, "\"\"\n");
        return;
    }
    /* Most rows need no quotes at all: copy the cells with their commas first, then look at
     * the whole row once; it is plain when it holds no " CR LF and no comma but the n - 1
     * written between the cells. Otherwise the row is written again cell by cell. */
    gsize start = out->len, total = n; /* n - 1 commas and the newline */
    gboolean edge = FALSE;
    for (guint i = 0; i < n; i++)
        total += lens[i];
    g_string_set_size(out, start + total);
    char *o = out->str + start;
    for (guint i = 0; i < n; i++) {
        if (i)
            *o++ = ',';
        copy_cell(o, cells[i], lens[i]);
        edge |= edge_needs_quotes(cells[i], lens[i]) || formula_like(cells[i], lens[i]);
        o += lens[i];
    }
    *o = '\n';
    if (!edge && count_commas_plain(out->str + start, total - 1) == (gssize)(n - 1))
        return;
    g_string_truncate(out, start);
    for (guint i = 0; i < n; i++) {
        if (i)
            g_string_append_c(out, ',');
        append_field_n(out, cells[i], lens[i]);
    }
    g_string_append_c(out, '\n');
}

void jb_csv_append_row(GString *out, const char *const *cells, guint n)
{
    if (n > 16) {
        g_autofree gsize *lens = g_new(gsize, n);
        for (guint i = 0; i < n; i++)
            lens[i] = strlen(cells[i]);
        jb_csv_append_row_n(out, cells, lens, n);
        return;
    }
    if (n == 0) {
        g_string_append_c(out, '\n');
        return;
    }
    gsize lens[16];
    for (guint i = 0; i < n; i++)
        lens[i] = strlen(cells[i]);
    jb_csv_append_row_n(out, cells, lens, n);
}

gboolean jb_table_csv_stream(const JbTable *t, JbCsvKeep keep, gpointer keep_data, JbCsvSink sink,
                             gpointer sink_data, GError **error)
{
    return jb_table_csv_stream_mapped(t, keep, keep_data, NULL, NULL, sink, sink_data, error);
}

gboolean jb_table_csv_stream_mapped(const JbTable *t, JbCsvKeep keep, gpointer keep_data,
                                    JbCsvMap map, gpointer map_data, JbCsvSink sink,
                                    gpointer sink_data, GError **error)
{
    guint n = jb_table_n_cols(t);
    g_autofree const char **cells = g_new0(const char *, n + 1);
    g_autofree char **mapped = g_new0(char *, n + 1); /* map's texts, freed after each row */
    g_autoptr(GString) buf = g_string_sized_new(1 << 16);
    for (guint i = 0; i < n; i++)
        cells[i] = jb_table_header(t, i);
    jb_csv_append_row(buf, cells, n);
    for (guint r = 0; r < jb_table_n_rows(t); r++) {
        if (keep && !keep(t, r, keep_data))
            continue;
        for (guint i = 0; i < n; i++) {
            cells[i] = jb_table_get(t, r, (int)i);
            mapped[i] = map ? map(t, r, (int)i, cells[i], map_data) : NULL;
            if (mapped[i])
                cells[i] = mapped[i];
        }
        jb_csv_append_row(buf, cells, n);
        for (guint i = 0; map && i < n; i++)
            g_clear_pointer(&mapped[i], g_free);
        if (buf->len >= (1u << 16) - 4096) {
            if (!sink(buf->str, buf->len, sink_data, error))
                return FALSE;
            g_string_truncate(buf, 0);
        }
    }
    return sink(buf->str, buf->len, sink_data, error);
}

gboolean jb_csv_sink_checksum(const char *bytes, gsize len, gpointer data, GError **error)
{
    (void)error;
    g_checksum_update(data, (const guchar *)bytes, (gssize)len);
    return TRUE;
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

GString *jb_table_to_csv(const JbTable *t)
{
    return to_csv(t, FALSE);
}
GString *jb_table_to_excel_csv(const JbTable *t)
{
    return to_csv(t, TRUE);
}

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
    if (s[0] == '\'' &&
        (s[1] == '=' || s[1] == '+' || s[1] == '-' || s[1] == '@' || s[1] == '\t' || s[1] == '\r'))
        return g_strdup(s + 1);
    return g_strdup(s);
}
