/* The report: template → blocks (jb_report_blocks.c) → pages → PDF, PNG pages, chart slides. */
#include "jb_report_priv.h"

#include "jb_common.h"
#include "jb_nearest.h"
#include "jb_period.h"
#include "jb_number.h"
#include "jb_units.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* ---- placeholders ----------------------------------------------------------------------- */

char *jb_report_placeholder(const JbSeries *series, const char *metric_id, const char *field,
                            GError **error)
{
    const GArray *rows = jb_series_rows_of(series, metric_id);
    if (rows->len == 0) {
        g_autofree char *hint = jb_report_metric_hint(series, metric_id);
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "unknown metric '%s' (not in %s)%s", metric_id,
                    jb_series_source(series), hint);
        return NULL;
    }
    const JbSeriesRow *f = jb_series_row(series, g_array_index(rows, guint, 0));
    const JbSeriesRow *l = jb_series_row(series, g_array_index(rows, guint, rows->len - 1));
    if (strcmp(field, "latest") == 0 || strcmp(field, "first") == 0)
        return jb_report_value_text(field[0] == 'l' ? l : f);
    /* periods as analysts write them: 2022年, 2022年6月, 2024年1—9月 */
    if (strcmp(field, "period") == 0)
        return jb_period_text_cn(l->period_text);
    if (strcmp(field, "first_period") == 0)
        return jb_period_text_cn(f->period_text);
    if (strcmp(field, "label") == 0)
        return g_strdup(f->label);
    if (strcmp(field, "growth") == 0) {
        JbDecimal r;
        if (!f->has_value || !l->has_value || !jb_units_div(l->fig.value, f->fig.value, 1, &r)) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s.growth: needs a non-zero first value",
                        metric_id);
            return NULL;
        }
        g_autofree char *n = jb_decimal_to_string(r);
        return g_strconcat(n, "倍", NULL);
    }
    static const char *const FIELDS[] = {"latest", "first", "period", "first_period",
                                         "growth", "label", NULL};
    g_autofree char *hint = jb_nearest_hint(field, FIELDS, "; did you mean '%s'?");
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                "unknown field '%s' (use latest, first, period, first_period, growth, label)%s",
                field, hint);
    return NULL;
}

char *jb_report_metric_hint(const JbSeries *series, const char *metric_id)
{
    const GPtrArray *ids = jb_series_ids(series);
    const char *near = jb_nearest(metric_id, (const char *const *)ids->pdata, ids->len);
    return near ? g_strdup_printf("; did you mean %s?", near) : g_strdup("");
}

/* ---- drawing ---------------------------------------------------------------------------- */

typedef struct {
    const JbTemplate *t;
    const char *title;
    GArray *places;
    int pages;
    double first_top;
} Doc;

static void fmt(char *buf, double v)
{
    g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", v);
}

/* A link over the rectangle (x, y, w, h) of the page. */
static void link_rect(cairo_t *cr, const char *attr, double x, double y, double w, double h)
{
    char a[4][G_ASCII_DTOSTR_BUF_SIZE];
    fmt(a[0], x);
    fmt(a[1], y);
    fmt(a[2], w);
    fmt(a[3], h);
    g_autofree char *attrs = g_strdup_printf("rect=[%s %s %s %s] %s", a[0], a[1], a[2], a[3], attr);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

static void draw_text_part(cairo_t *cr, const Blk *b, double x, double y, guint from, guint to)
{
    const double *top = (const double *)b->top->data;
    double shift = y - top[from];
    cairo_save(cr);
    jb_set_color(cr, b->color);
    PangoLayoutIter *it = pango_layout_get_iter(b->layout);
    guint i = 0;
    do {
        if (i >= from && i < to) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, NULL, &logical);
            double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            cairo_move_to(cr, x + (double)logical.x / PANGO_SCALE, shift + base);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        }
        i++;
    } while (i < to && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    cairo_restore(cr);
    for (guint k = 0; b->links && k < b->links->len; k++) {
        const Link *l = &g_array_index(b->links, Link, k);
        if (!l->attr)
            continue;
        int line0, line1, x0, x1;
        pango_layout_index_to_line_x(b->layout, l->start, FALSE, &line0, &x0);
        pango_layout_index_to_line_x(b->layout, l->end, FALSE, &line1, &x1);
        if (line1 > line0 && x1 == 0) {
            /* the end is the start of the next line: the link ends at the line's end */
            line1--;
            x1 = G_MAXINT;
        }
        for (int ln = line0; ln <= line1; ln++) {
            if (ln < (int)from || ln >= (int)to)
                continue;
            PangoLayoutLine *line = pango_layout_get_line_readonly(b->layout, ln);
            PangoRectangle ext;
            pango_layout_line_get_extents(line, NULL, &ext);
            int lx0 = ln == line0 ? x0 : 0;
            int lx1 = ln == line1 ? MIN(x1, ext.x + ext.width) : ext.x + ext.width;
            double ly = shift + top[ln];
            double lh = (ln + 1 < (int)b->top->len ? top[ln + 1] : top[ln]) - top[ln];
            link_rect(cr, l->attr, x + (double)lx0 / PANGO_SCALE, ly,
                      (double)(lx1 - lx0) / PANGO_SCALE, lh);
        }
    }
}

/* A KPI row: a light band with an accent bar, the value left, the caption right of the
 * value column with the same top (see add_kpi for why). */
static void draw_card(cairo_t *cr, const Card *c, double value_w, double y, double h)
{
    double x = MARGIN_X;
    jb_set_color(cr, jb_color_hex("#F2F6FA"));
    cairo_rectangle(cr, x, y, TEXT_W, h);
    cairo_fill(cr);
    jb_set_color(cr, jb_color_hex(ACCENT));
    cairo_rectangle(cr, x, y, 3, h);
    cairo_fill(cr);
    jb_layout_draw(cr, c->value, x + KPI_VALUE_X, y + KPI_PAD, jb_color_hex("#0B3C5D"));
    jb_layout_draw(cr, c->caption, x + KPI_VALUE_X + value_w + KPI_COL_GAP, y + KPI_PAD,
                   jb_color_hex("#666666"));
    if (c->dest)
        link_rect(cr, c->dest, x, y, TEXT_W, h);
}

static gboolean draw_place(JbCanvas *canvas, const Place *p, gboolean outline, int *h1_id,
                           GError **error)
{
    cairo_t *cr = jb_canvas_cr(canvas);
    const Blk *b = p->blk;
    const double *top = (const double *)b->top->data;
    double x = MARGIN_X + b->indent;
    if (outline && p->from == 0 && b->outline) {
        int id = jb_canvas_add_outline(canvas, b->level == 1 ? 0 : *h1_id, b->outline, p->page,
                                       p->y);
        if (b->level == 1)
            *h1_id = id;
    }
    switch (b->kind) {
    case BLK_TEXT:
        if (b->bar) {
            jb_set_color(cr, jb_color_hex("#B8C7D6"));
            cairo_rectangle(cr, x - 10, p->y + 2, 2.5, jb_report_part_h(b, p->from, p->to) - 2);
            cairo_fill(cr);
        }
        if (b->gutter && p->from == 0) {
            double gw;
            jb_layout_size(b->gutter, &gw, NULL);
            jb_layout_draw(cr, b->gutter, x - gw - 6, p->y, b->color);
        }
        draw_text_part(cr, b, x, p->y, p->from, p->to);
        break;
    case BLK_RULE:
        jb_set_color(cr, jb_color_hex("#CCCCCC"));
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, MARGIN_X, p->y + 5);
        cairo_line_to(cr, PAGE_W - MARGIN_X, p->y + 5);
        cairo_stroke(cr);
        break;
    case BLK_CHART: {
        double cw;
        jb_chart_size(b->chart, &cw, NULL);
        double s = (TEXT_W - b->indent) / cw;
        gboolean ok;
        cairo_save(cr);
        cairo_translate(cr, x, p->y);
        cairo_scale(cr, s, s);
        ok = jb_chart_draw(b->chart, cr, jb_canvas_pango(canvas), error);
        cairo_restore(cr);
        if (!ok)
            return FALSE;
        break;
    }
    case BLK_KPI: {
        for (guint r = p->from; r < p->to; r++) {
            double gap = r ? KPI_GAP : 0;
            draw_card(cr, g_ptr_array_index(b->cards, r), b->value_w,
                      p->y + top[r] - top[p->from] + gap, top[r + 1] - top[r] - gap);
        }
        break;
    }
    case BLK_TABLE:
        jb_report_draw_table(cr, b, p->y, p->from, p->to);
        break;
    }
    return TRUE;
}

static void draw_page_frame(JbCanvas *canvas, const Doc *d, int page)
{
    cairo_t *cr = jb_canvas_cr(canvas);
    PangoContext *pango = jb_canvas_pango(canvas);
    JbColor grey = jb_color_hex("#777777");
    if (page > 1) {
        g_autoptr(PangoLayout) h = jb_layout_new(pango, d->title, FALSE, 8.5, FALSE, TEXT_W);
        jb_layout_draw(cr, h, MARGIN_X, 36, grey);
        const char *org = jb_template_meta(d->t, "organisation", "");
        g_autoptr(PangoLayout) o = jb_layout_new(pango, org, FALSE, 8.5, FALSE, -1);
        double ow;
        jb_layout_size(o, &ow, NULL);
        jb_layout_draw(cr, o, PAGE_W - MARGIN_X - ow, 36, grey);
        jb_set_color(cr, jb_color_hex("#CCCCCC"));
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, MARGIN_X, 52);
        cairo_line_to(cr, PAGE_W - MARGIN_X, 52);
        cairo_stroke(cr);
    }
    g_autofree char *f = g_strdup_printf("第 %d 页 / 共 %d 页", page, d->pages);
    g_autoptr(PangoLayout) foot = jb_layout_new(pango, f, FALSE, 8.5, FALSE, -1);
    double w;
    jb_layout_size(foot, &w, NULL);
    jb_layout_draw(cr, foot, (PAGE_W - w) / 2, PAGE_H - 44, grey);
}

/* The title block on page 1; returns where the body starts. Draws only when `cr` is set. */
static double title_block(cairo_t *cr, PangoContext *pango, const JbTemplate *t)
{
    double y = MARGIN_TOP - 14, h;
    if (cr) {
        jb_set_color(cr, jb_color_hex(ACCENT));
        cairo_rectangle(cr, MARGIN_X, y, 36, 4);
        cairo_fill(cr);
    }
    y += 14;
    g_autoptr(PangoLayout)
        title = jb_layout_new(pango, jb_template_meta(t, "title", "简报"), FALSE, 24, TRUE, TEXT_W);
    jb_layout_size(title, NULL, &h);
    if (cr)
        jb_layout_draw(cr, title, MARGIN_X, y, jb_color_hex("#111111"));
    y += h + 4;
    const char *subtitle = jb_template_meta(t, "subtitle", NULL);
    if (subtitle) {
        g_autoptr(PangoLayout) s = jb_layout_new(pango, subtitle, FALSE, 13, FALSE, TEXT_W);
        jb_layout_size(s, NULL, &h);
        if (cr)
            jb_layout_draw(cr, s, MARGIN_X, y, jb_color_hex("#444444"));
        y += h + 4;
    }
    g_autofree char *byline = g_strdup_printf("%s　%s", jb_template_meta(t, "organisation", ""),
                                              jb_template_meta(t, "date", ""));
    g_autoptr(PangoLayout) by = jb_layout_new(pango, g_strstrip(byline), FALSE, 10, FALSE, TEXT_W);
    jb_layout_size(by, NULL, &h);
    if (cr)
        jb_layout_draw(cr, by, MARGIN_X, y, jb_color_hex("#777777"));
    y += h + 10;
    if (cr) {
        jb_set_color(cr, jb_color_hex("#CCCCCC"));
        cairo_set_line_width(cr, 0.8);
        cairo_move_to(cr, MARGIN_X, y);
        cairo_line_to(cr, PAGE_W - MARGIN_X, y);
        cairo_stroke(cr);
    }
    return y + 4;
}

/* Footnote links name their target ("dest='src-3'"); cairo 1.16 writes a damaged PDF
 * (an object in the xref that is never written) for named destinations, so every target
 * becomes an explicit page and position once pagination has placed it. */
static void retarget(char **attr, GHashTable *where)
{
    if (!*attr || !g_str_has_prefix(*attr, "dest='"))
        return;
    const char *pos = g_hash_table_lookup(where, *attr + 6);
    g_free(*attr);
    *attr = pos ? g_strdup(pos) : NULL;
}

static void resolve_links(GPtrArray *blocks, GArray *places)
{
    g_autoptr(GHashTable) where = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < places->len; i++) {
        const Place *p = &g_array_index(places, Place, i);
        if (p->from != 0 || !p->blk->dest || !g_str_has_prefix(p->blk->dest, "name='"))
            continue;
        char y[G_ASCII_DTOSTR_BUF_SIZE];
        fmt(y, fmax(0, p->y - 6));
        /* key: "src-3'" (the attribute's tail, closing quote included) */
        g_hash_table_replace(where, g_strdup(p->blk->dest + 6),
                             g_strdup_printf("page=%d pos=[%.0f %s]", p->page, MARGIN_X, y));
    }
    for (guint i = 0; i < blocks->len; i++) {
        Blk *b = g_ptr_array_index(blocks, i);
        for (guint k = 0; b->links && k < b->links->len; k++)
            retarget(&g_array_index(b->links, Link, k).attr, where);
        for (guint k = 0; b->cards && k < b->cards->len; k++)
            retarget(&((Card *)g_ptr_array_index(b->cards, k))->dest, where);
        for (guint k = 0; b->rows && k < b->rows->len; k++)
            retarget(&((Row *)g_ptr_array_index(b->rows, k))->dest, where);
    }
}

/* Draw page `page` (1-based; 0: every page, with show_page between them). */
static gboolean draw_pages(JbCanvas *canvas, const Doc *d, int page, GError **error)
{
    cairo_t *cr = jb_canvas_cr(canvas);
    int current = page ? page : 1, h1_id = 0;
    /* cairo 1.16 writes links into a structure tree, which it completes only when all
     * content sits inside a Document tag (without it the PDF has a dangling object). */
    if (!page)
        cairo_tag_begin(cr, "Document", NULL);
    if (current == 1)
        title_block(cr, jb_canvas_pango(canvas), d->t);
    draw_page_frame(canvas, d, current);
    for (guint i = 0; i < d->places->len; i++) {
        const Place *p = &g_array_index(d->places, Place, i);
        if (page && p->page != page)
            continue;
        while (p->page > current) {
            jb_canvas_show_page(canvas);
            draw_page_frame(canvas, d, ++current);
        }
        if (!draw_place(canvas, p, page == 0, &h1_id, error))
            return FALSE;
    }
    if (!page)
        cairo_tag_end(cr, "Document");
    return TRUE;
}

static char *default_date(void)
{
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    g_autoptr(GDateTime) t = epoch && *epoch
                                 ? g_date_time_new_from_unix_utc(g_ascii_strtoll(epoch, NULL, 10))
                                 : g_date_time_new_now_local();
    if (!t)
        t = g_date_time_new_now_local();
    return g_date_time_format(t, "%Y年%-m月%-d日");
}

/* "out/briefing.pdf" + "-3.png" → "out/briefing-3.png" */
static char *sibling(const char *pdf_path, const char *suffix)
{
    const char *dot = strrchr(pdf_path, '.');
    const char *slash = strrchr(pdf_path, '/');
    gsize stem = dot && (!slash || dot > slash) ? (gsize)(dot - pdf_path) : strlen(pdf_path);
    g_autofree char *base = g_strndup(pdf_path, stem);
    return g_strconcat(base, suffix, NULL);
}


static void builder_clear(Builder *b)
{
    g_clear_pointer(&b->blocks, g_ptr_array_unref);
    g_clear_pointer(&b->entries, g_ptr_array_unref);
    g_clear_pointer(&b->entry_of, g_hash_table_unref);
    g_clear_pointer(&b->own_names.table, g_hash_table_unref);
    g_clear_pointer(&b->own_citations, jb_citations_free);
}

/* The blocks of the briefing, built afresh (a `latest fill` KPI list of `fill_n` rows), and
 * their pages. The warnings a build of the blocks gives (a chart left out) are said once:
 * those of an earlier round are taken back. */
static gboolean lay_out(Builder *b, Doc *d, guint fill_n, GError **error)
{
    JbDiag *diag = b->in->diag;
    guint mark = b->blocks ? b->diag_mark : diag ? diag->len : 0;
    if (diag)
        g_ptr_array_set_size(diag, mark);
    GHashTable *own = g_steal_pointer(&b->own_names.table);
    gboolean given = b->source_names != &b->own_names;
    const JbSourceNames *names = b->source_names;
    builder_clear(b);
    Builder fresh = {.source = b->source, .in = b->in, .t = b->t, .pango = b->pango};
    *b = fresh;
    b->diag_mark = mark;
    b->own_names.table = own;
    b->source_names = given ? names : &b->own_names;
    b->fill_n = fill_n;
    b->blocks = g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_blk_free);
    g_clear_pointer(&d->places, g_array_unref);
    if (!jb_report_build_blocks(b, error))
        return FALSE;
    d->places = jb_report_paginate(b->blocks, d->first_top, &d->pages);
    return TRUE;
}

/* A table row and a KPI row are never split across pages, so a series cell drawn in one
 * must fit a page: a label of 250,000 characters made a row taller than the page and was cut
 * off unsaid. Longer is refused, naming the row. */
#define MAX_CELL_CHARS 1000

static gboolean check_series_cells(const JbSeries *series, GError **error)
{
    static const JbSeriesCol cols[] = {JB_SERIES_METRIC_ID, JB_SERIES_LABEL, JB_SERIES_PERIOD,
                                       JB_SERIES_VALUE,     JB_SERIES_UNIT,  JB_SERIES_VALUE_HIGH,
                                       JB_SERIES_BOUND};
    for (guint c = 0; c < G_N_ELEMENTS(cols); c++) {
        for (guint r = 0; r < jb_series_n_rows(series); r++) {
            const JbSeriesRow *row = jb_series_row(series, r);
            const char *cell = row->cell[cols[c]];
            if (strlen(cell) <= MAX_CELL_CHARS)
                continue; /* bytes ≥ characters: most cells stop here */
            glong n = g_utf8_strlen(cell, -1);
            if (n > MAX_CELL_CHARS) {
                g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                            "%s:%u: %s of %ld characters; the limit is %d",
                            jb_series_row_source(series, r), row->line, JB_SERIES_HEADER[cols[c]],
                            (long)n, MAX_CELL_CHARS);
                return FALSE;
            }
        }
    }
    return TRUE;
}

gboolean jb_report_render(const char *template_path, const JbReportInputs *in, const char *pdf_path,
                          GError **error)
{
    if (!check_series_cells(in->series, error))
        return FALSE;
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *local = NULL;
    GStatBuf st;
    if (g_stat(template_path, &st) == 0 && st.st_size > (goffset)JB_REPORT_MAX_TEMPLATE_BYTES) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                    "%s: %lld bytes; a template may have at most %u", template_path,
                    (long long)st.st_size, JB_REPORT_MAX_TEMPLATE_BYTES);
        return FALSE;
    }
    if (!g_file_get_contents(template_path, &text, &len, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    if (!g_utf8_validate(text, (gssize)len, NULL) || strlen(text) != len) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: not UTF-8 text", template_path);
        return FALSE;
    }
    g_autoptr(JbTemplate) t = jb_template_parse(template_path, text, in->series, error);
    if (!t)
        return FALSE;
    if (!g_hash_table_contains(t->meta, "date"))
        g_hash_table_insert(t->meta, g_strdup("date"), default_date());

    g_autoptr(JbCanvas) canvas = jb_canvas_new(pdf_path, PAGE_W, PAGE_H, 1, FALSE, error);
    if (!canvas)
        return FALSE;
    const char *title = jb_template_meta(t, "title", "简报");
    jb_canvas_set_metadata(canvas, title, jb_template_meta(t, "organisation", "jianbao"),
                           jb_template_meta(t, "subtitle", ""),
                           jb_template_meta(t, "keywords", "jianbao"));

    Builder b = {.source = template_path, .in = in, .t = t, .pango = jb_canvas_pango(canvas)};
    if (!in->source_names)
        b.own_names.table = jb_source_names(in->metrics);
    b.source_names = in->source_names ? in->source_names : &b.own_names;
    Doc d = {.t = t, .title = title, .first_top = title_block(NULL, b.pango, t)};
    /* a `latest fill` KPI list: laid out again while the foot of its page has room for more
     * rows (a few rounds: each adds as many as the room measured holds) */
    guint fill_n = KPI_FILL_MIN, ceiling = KPI_FILL_MAX + 1;
    gboolean ok;
    for (int round = 0;; round++) {
        ok = lay_out(&b, &d, fill_n, error);
        guint next = ok && b.fill_blk && round < 8
                         ? jb_report_fill_rows(&b, d.places, d.pages, fill_n, &ceiling)
                         : fill_n;
        if (next == fill_n)
            break;
        fill_n = next;
    }
    if (ok)
        jb_report_warn_missing_glyphs(&b);
    if (ok) {
        if (d.pages > JB_REPORT_MAX_PAGES) {
            g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                        "%s: the briefing would run to %d pages; the limit is %d", template_path,
                        d.pages, JB_REPORT_MAX_PAGES);
            ok = FALSE;
        }
    }
    if (ok) {
        resolve_links(b.blocks, d.places);
        ok = draw_pages(canvas, &d, 0, error);
    }
    for (int p = 1; ok && in->png_pages && p <= d.pages; p++) {
        g_autofree char *suffix = g_strdup_printf("-%d.png", p);
        g_autofree char *path = sibling(pdf_path, suffix);
        g_autoptr(JbCanvas) png = jb_canvas_new(path, PAGE_W, PAGE_H, 2, FALSE, error);
        ok = png && draw_pages(png, &d, p, error) && jb_canvas_finish(png, error);
    }
    for (guint i = 0; ok && in->png_pages && i < b.blocks->len; i++) {
        const Blk *blk = g_ptr_array_index(b.blocks, i);
        if (blk->kind != BLK_CHART)
            continue;
        /* slides are 16:9 whatever height the chart has on the page */
        static const char *const ext[] = {".png", ".svg"};
        double width, height;
        jb_chart_size(blk->chart, &width, &height);
        jb_chart_set_size(blk->chart, blk->slide_w, blk->slide_w * 9 / 16);
        jb_chart_set(blk->chart, "title", blk->title, NULL);
        for (int e = 0; ok && e < 2; e++) {
            g_autofree char *suffix = g_strconcat("-", blk->name, ext[e], NULL);
            g_autofree char *path = sibling(pdf_path, suffix);
            ok = jb_chart_render(blk->chart, path, 2, error);
        }
        jb_chart_set_size(blk->chart, width, height);
        jb_chart_set(blk->chart, "title", "", NULL);
    }
    if (d.places)
        g_array_unref(d.places);
    builder_clear(&b);
    return ok && jb_canvas_finish(canvas, error);
}
