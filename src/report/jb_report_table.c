/* The ```table block: every metric's rows as 指标 | 时期 | 数值 | 来源.
 *
 * Columns are fitted to their content (指标 and 时期 as wide as their longest entry, the
 * source column takes what is left and wraps), numbers are aligned on their decimal point
 * with their units in a column of their own (超4000 亿元 beside 1.2 万亿元 and 5.9 %), the
 * header repeats on every page the table spans, and a part that continues on a new page
 * names its metric in its first row. */
#include "jb_report_priv.h"

#include "jb_common.h"
#include "jb_period.h"
#include "jb_units.h"

#include <math.h>
#include <string.h>

#define TABLE_SIZE 9.5
#define SOURCE_SIZE 8.5
#define UNIT_GAP 1.5 /* between a number and its unit */
#define MIN_SOURCE_W 110.0
#define MAX_NAME_CHARS 80 /* of a source's name in the 来源 column */
#define MAX_NAMES 12      /* names in a 来源 cell; past them the first FEW_NAMES, and a count */
#define FEW_NAMES 3
#define MAX_LABEL_SHARE 0.36 /* 指标 wraps past this share of the width */

static void row_free(Row *r)
{
    for (int i = 0; i < TABLE_COLS; i++)
        g_clear_object(&r->cell[i]);
    g_clear_object(&r->unit);
    g_free(r->dest);
    g_free(r);
}

static double width_of(PangoLayout *l)
{
    double w = 0;
    if (l)
        jb_layout_size(l, &w, NULL);
    return w;
}

double jb_report_row_h(const Row *r)
{
    double h = 0;
    for (int i = 0; i < TABLE_COLS; i++) {
        double lh = 0;
        if (r->cell[i])
            jb_layout_size(r->cell[i], NULL, &lh);
        h = fmax(h, lh);
    }
    return h + 2 * CELL_PAD;
}

static PangoLayout *cell_layout(Builder *b, const char *markup, int col, gboolean bold)
{
    PangoLayout *l = jb_layout_new(b->pango, markup, TRUE, col == 3 ? SOURCE_SIZE : TABLE_SIZE,
                                   bold, -1);
    jb_report_keep_numbers_whole(l);
    jb_report_keep_marks_whole(l);
    return l;
}

/* The width of a number up to its decimal point (all of it when it has none). */
static double integer_w(PangoLayout *l)
{
    const char *text = pango_layout_get_text(l), *dot = strchr(text, '.');
    if (!dot)
        return width_of(l);
    PangoRectangle pos;
    pango_layout_index_to_pos(l, (int)(dot - text), &pos);
    return (double)pos.x / PANGO_SCALE;
}

/* One row of a metric: its label (drawn on its first row, and atop a page), period, value
 * split for decimal alignment, sources with their footnotes. */
static Row *row_new(Builder *b, guint r, gboolean first)
{
    Row *row = g_new0(Row, 1);
    row->first = first;
    const JbSeriesRow *sr = jb_report_row(b, r);
    g_autofree char *label = g_markup_escape_text(sr->label, -1);
    row->cell[0] = cell_layout(b, label, 0, FALSE);
    g_autofree char *when = jb_period_text_cn(sr->period_text);
    g_autofree char *period = g_strdup_printf("%s%s", when, sr->forecast ? "（预计）" : "");
    row->cell[1] = cell_layout(b, period, 1, FALSE);
    g_autofree char *number = NULL, *unit = NULL;
    if (sr->stated) {
        jb_units_label_parts(&sr->fig, sr->unit, &number, &unit);
    } else {
        number = g_strdup(sr->cell[JB_SERIES_VALUE]);
        unit = g_strdup(sr->unit);
    }
    g_autofree char *ne = g_markup_escape_text(number, -1), *ue = g_markup_escape_text(unit, -1);
    row->cell[2] = cell_layout(b, ne, 2, FALSE);
    row->unit = cell_layout(b, ue, 2, FALSE);
    row->int_w = integer_w(row->cell[2]);
    g_autoptr(GArray) numbers = jb_report_cite(b, r);
    g_autoptr(GString) src = g_string_new(NULL);
    g_autofree char *sources = jb_series_row_sources(b->in->series, sr); /* (may be spilled) */
    /* each source once, by publisher or title: a row of an archive of a title an article
     * names thousands, so they are counted by hash (jb_name_set_add), read in place, and a
     * cell names at most MAX_NAMES (the sources section and the CSV beside the briefing list
     * what is cited: until 2026-12-07 each cell named them all, 77 pages and 230 MB for
     * 25000 articles of their own titles) */
    JbNameSet seen;
    jb_name_set_init(&seen, MAX_NAMES + 1);
    g_autoptr(GString) file = g_string_new(NULL);
    for (const char *p = sources, *end; *p; p = *end ? end + 2 : end) { /* "; "-separated */
        end = strstr(p, "; ");
        end = end ? end : p + strlen(p);
        g_string_truncate(file, 0);
        g_string_append_len(file, p, end - p);
        jb_name_set_add(&seen, jb_source_names_get(b->source_names, file->str));
        if (*end && !end[2]) /* (a "; " that ends the cell: an empty last source) */
            jb_name_set_add(&seen, jb_source_names_get(b->source_names, ""));
    }
    GPtrArray *named = seen.kept; /* up to MAX_NAMES + 1, in order */
    guint shown_n = named->len > MAX_NAMES ? FEW_NAMES : named->len;
    for (guint k = 0; k < shown_n; k++) {
        const char *name = g_ptr_array_index(named, k);
        /* a row is never split across pages: a name (an article's title) is cut to fit, the
         * sources section after the table gives it whole */
        g_autofree char *shown = NULL;
        if (g_utf8_strlen(name, -1) > MAX_NAME_CHARS) {
            g_autofree char *head = g_utf8_substring(name, 0, MAX_NAME_CHARS);
            shown = g_strconcat(head, "…", NULL);
        } else {
            shown = g_strdup(name);
        }
        g_autofree char *esc = g_markup_escape_text(shown, -1);
        g_string_append_printf(src, "%s%s", k ? "；" : "", esc);
    }
    if (shown_n < named->len)
        g_string_append_printf(src, "等%u篇", seen.total);
    jb_name_set_clear(&seen);
    g_autoptr(GPtrArray)
        pending = g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
    jb_report_footnote(src, pending, numbers, SOURCE_SIZE);
    row->cell[3] = cell_layout(b, src->str, 3, FALSE);
    row->dest = jb_report_dest_of(numbers);
    return row;
}

/* Columns fitted to their content; the sources take the rest (and wrap), 指标 wraps only
 * when the others would leave the sources too little. */
static void fit_columns(Blk *blk)
{
    double w[TABLE_COLS] = {0}, int_max = 0, frac_max = 0, unit_max = 0;
    for (guint i = 0; i < blk->rows->len; i++) {
        const Row *r = g_ptr_array_index(blk->rows, i);
        for (int c = 0; c < TABLE_COLS; c++)
            if (c != 2 || i == 0)
                w[c] = fmax(w[c], width_of(r->cell[c]));
        if (i > 0) {
            int_max = fmax(int_max, r->int_w);
            frac_max = fmax(frac_max, width_of(r->cell[2]) - r->int_w);
            unit_max = fmax(unit_max, width_of(r->unit));
        }
    }
    blk->num_int_w = int_max;
    blk->num_frac_w = frac_max;
    w[2] = fmax(w[2], int_max + frac_max + UNIT_GAP + unit_max);
    for (int c = 0; c < TABLE_COLS; c++)
        w[c] += 2 * CELL_PAD;
    double rest = TEXT_W - w[0] - w[1] - w[2];
    if (rest < MIN_SOURCE_W) /* the label column gives way first */
        w[0] = fmax(TEXT_W * MAX_LABEL_SHARE, w[0] - (MIN_SOURCE_W - rest));
    w[3] = fmax(TEXT_W - w[0] - w[1] - w[2], MIN_SOURCE_W);
    for (int c = 0; c < TABLE_COLS; c++)
        blk->col_w[c] = w[c];
    for (guint i = 0; i < blk->rows->len; i++) {
        Row *r = g_ptr_array_index(blk->rows, i);
        for (int c = 0; c < TABLE_COLS; c += 3) { /* 指标 and 来源 wrap in their width */
            pango_layout_set_width(r->cell[c], (int)((w[c] - 2 * CELL_PAD) * PANGO_SCALE));
            pango_layout_set_wrap(r->cell[c], PANGO_WRAP_WORD_CHAR);
        }
    }
}

gboolean jb_report_add_table(Builder *b, const char *literal, guint line, GError **error)
{
    g_autoptr(GPtrArray) ids = jb_report_block_ids(b, "table", literal, line + 1, error);
    if (!ids)
        return FALSE;
    if (ids->len == 0)
        return TRUE; /* picked by the data, which has none */
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_TABLE;
    blk->before = 10;
    blk->rows = g_ptr_array_new_with_free_func((GDestroyNotify)row_free);
    Row *head = g_new0(Row, 1);
    static const char *const heads[TABLE_COLS] = {"指标", "时期", "数值", "来源"};
    for (int c = 0; c < TABLE_COLS; c++)
        head->cell[c] = cell_layout(b, heads[c], c, TRUE);
    head->first = TRUE;
    g_ptr_array_add(blk->rows, head);
    for (guint i = 0; i < ids->len; i++) {
        const GArray *rows = jb_series_rows_of(b->in->series, g_ptr_array_index(ids, i));
        for (guint k = 0; k < rows->len; k++)
            g_ptr_array_add(blk->rows, row_new(b, g_array_index(rows, guint, k), k == 0));
    }
    fit_columns(blk);
    jb_report_blk_measure(blk);
    g_ptr_array_add(b->blocks, blk);
    return TRUE;
}

/* A link over the sources cell of a row. */
static void source_link(cairo_t *cr, const char *attr, double x, double y, double w, double h)
{
    char a[4][G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(a[0], sizeof a[0], "%.2f", x);
    g_ascii_formatd(a[1], sizeof a[1], "%.2f", y);
    g_ascii_formatd(a[2], sizeof a[2], "%.2f", w);
    g_ascii_formatd(a[3], sizeof a[3], "%.2f", h);
    g_autofree char *attrs = g_strdup_printf("rect=[%s %s %s %s] %s", a[0], a[1], a[2], a[3], attr);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

static void draw_row(cairo_t *cr, const Blk *blk, const Row *r, double y, double h, gboolean head,
                     gboolean label)
{
    double x = MARGIN_X;
    JbColor ink = jb_color_hex(head ? "#1A1A1A" : "#222222");
    if (head) {
        jb_set_color(cr, jb_color_hex("#E8EEF4"));
        cairo_rectangle(cr, MARGIN_X, y, TEXT_W, h);
        cairo_fill(cr);
    }
    for (int c = 0; c < TABLE_COLS; c++) {
        double cx = x + CELL_PAD, w = blk->col_w[c];
        if (c == 2 && !head) { /* the decimal points in one column, the units after them */
            jb_layout_draw(cr, r->cell[2], cx + blk->num_int_w - r->int_w, y + CELL_PAD, ink);
            jb_layout_draw(cr, r->unit, cx + blk->num_int_w + blk->num_frac_w + UNIT_GAP,
                           y + CELL_PAD, ink);
        } else if (c == 2) {
            jb_layout_draw(cr, r->cell[2], x + (w - width_of(r->cell[2])) / 2, y + CELL_PAD, ink);
        } else if (c != 0 || label) {
            jb_layout_draw(cr, r->cell[c], cx, y + CELL_PAD, ink);
        }
        if (c == 3 && r->dest)
            source_link(cr, r->dest, x, y, w, h);
        x += w;
    }
    jb_set_color(cr, jb_color_hex(head ? "#8FA8BF" : "#D5DDE5"));
    cairo_set_line_width(cr, head ? 0.8 : 0.5);
    cairo_move_to(cr, MARGIN_X, y + h);
    cairo_line_to(cr, MARGIN_X + TEXT_W, y + h);
    cairo_stroke(cr);
}

void jb_report_draw_table(cairo_t *cr, const Blk *blk, double y, guint from, guint to)
{
    const double *top = (const double *)blk->top->data;
    draw_row(cr, blk, g_ptr_array_index(blk->rows, 0), y, blk->head_h, TRUE, TRUE);
    y += blk->head_h;
    for (guint r = from; r < to; r++) {
        const Row *row = g_ptr_array_index(blk->rows, r + 1);
        double h = top[r + 1] - top[r];
        /* a metric's label on its first row, and on the first row of a continued part */
        draw_row(cr, blk, row, y, h, FALSE, row->first || r == from);
        y += h;
    }
}
