/* The frame every chart is drawn in: text in jianbao's fonts, the collision set, header,
 * legend and footer, the glyph check, and the entry points that dispatch to a family of marks.
 *
 * Every piece of text goes through jb_chart_put, which records its box in c->boxes; labels that
 * may be dropped (data labels) go through jb_chart_try_put, which refuses a box that would
 * overlap another text or a mark, or leave the canvas. So no text is ever placed over other
 * text or off the canvas, and tests can check it. */
#include "jb_chart_priv.h"

#include "jb_common.h"
#include "jb_fonts.h"

#include <string.h>

/* ---- text and the collision set ----------------------------------------------------- */

PangoLayout *jb_chart_text(Ctx *x, const char *s, double size, gboolean bold, double width)
{
    /* never below 7 pt: smaller text does not read in print, nor in a PDF page's chart */
    return jb_layout_new(x->pango, s, FALSE, fmax(size * x->k, JB_CHART_MIN_TEXT),
                         bold && x->t->bold, width);
}

/* The logical box of a layout drawn at (px, py), in points (exact, not rounded to pixels). */
void jb_chart_logical_box(PangoLayout *l, double px, double py, double *bx, double *by, double *bw,
                          double *bh)
{
    PangoRectangle logical;
    pango_layout_get_extents(l, NULL, &logical);
    *bx = px + (double)logical.x / PANGO_SCALE;
    *by = py + (double)logical.y / PANGO_SCALE;
    *bw = (double)logical.width / PANGO_SCALE;
    *bh = (double)logical.height / PANGO_SCALE;
}

static void record(Ctx *x, PangoLayout *l, double px, double py)
{
    JbChartBox b = {0};
    jb_chart_logical_box(l, px, py, &b.x, &b.y, &b.w, &b.h);
    b.text = g_strdup(pango_layout_get_text(l));
    b.in_bar = x->own;
    g_array_append_val(x->c->boxes, b);
}

void jb_chart_put(Ctx *x, PangoLayout *l, double px, double py, JbColor color)
{
    record(x, l, px, py);
    jb_layout_draw(x->cr, l, px, py, color);
}

guint jb_chart_mark_rect(Ctx *x, double x0, double y0, double w, double h)
{
    JbChartMark m = {x0, y0, x0 + w, y0 + h, 0, FALSE};
    g_array_append_val(x->c->marks, m);
    return x->c->marks->len;
}

void jb_chart_mark_segment(Ctx *x, double x0, double y0, double x1, double y1, double width)
{
    JbChartMark m = {x0, y0, x1, y1, width, TRUE};
    g_array_append_val(x->c->marks, m);
}

/* Does the segment (x0,y0)–(x1,y1) cross the rectangle [l,r]×[t,b]? Liang–Barsky clipping. */
static gboolean segment_hits(double x0, double y0, double x1, double y1, double l, double t,
                             double r, double b)
{
    double dx = x1 - x0, dy = y1 - y0, u0 = 0, u1 = 1;
    const double p[] = {-dx, dx, -dy, dy}, q[] = {x0 - l, r - x0, y0 - t, b - y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return FALSE;
            continue;
        }
        double u = q[i] / p[i];
        if (p[i] < 0)
            u0 = fmax(u0, u);
        else
            u1 = fmin(u1, u);
        if (u0 > u1)
            return FALSE;
    }
    return TRUE;
}

/* A label keeps this far from marks (points): it must not touch one. */
#define MARK_GAP 1.0

gboolean jb_chart_box_free(Ctx *x, double px, double py, double w, double h)
{
    const double eps = 0.01;
    if (px < -eps || py < -eps || px + w > x->W + eps || py + h > x->H + eps)
        return FALSE;
    GArray *boxes = x->c->boxes;
    for (guint i = 0; i < boxes->len; i++) {
        const JbChartBox *b = &g_array_index(boxes, JbChartBox, i);
        if (px < b->x + b->w - eps && b->x < px + w - eps && py < b->y + b->h - eps &&
            b->y < py + h - eps)
            return FALSE;
    }
    for (guint i = 0; i < x->c->marks->len; i++) {
        const JbChartMark *m = &g_array_index(x->c->marks, JbChartMark, i);
        if (m->segment) {
            double g = m->width / 2 + MARK_GAP;
            if (segment_hits(m->x0, m->y0, m->x1, m->y1, px - g, py - g, px + w + g, py + h + g))
                return FALSE;
            continue;
        }
        /* a label inside its own bar touches no mark */
        gboolean inside = x->own == i + 1 && px >= m->x0 + MARK_GAP && py >= m->y0 + MARK_GAP &&
                          px + w <= m->x1 - MARK_GAP && py + h <= m->y1 - MARK_GAP;
        if (!inside && px < m->x1 + MARK_GAP && m->x0 - MARK_GAP < px + w &&
            py < m->y1 + MARK_GAP && m->y0 - MARK_GAP < py + h)
            return FALSE;
    }
    return TRUE;
}

/* Place a droppable label: FALSE (nothing drawn) when it would collide or leave the canvas. */
gboolean jb_chart_try_put(Ctx *x, PangoLayout *l, double px, double py, JbColor color)
{
    double bx, by, bw, bh;
    jb_chart_logical_box(l, px, py, &bx, &by, &bw, &bh);
    if (!jb_chart_box_free(x, bx, by, bw, bh))
        return FALSE;
    if (x->dry)
        record(x, l, px, py);
    else
        jb_chart_put(x, l, px, py, color);
    return TRUE;
}

double jb_chart_lw(PangoLayout *l)
{
    double w;
    jb_layout_size(l, &w, NULL);
    return w;
}

double jb_chart_lh(PangoLayout *l)
{
    double h;
    jb_layout_size(l, NULL, &h);
    return h;
}

JbColor jb_chart_series_color(const Ctx *x, guint i)
{
    return jb_color_hex(x->t->palette[i % (guint)MAX(x->t->n_palette, 1)]);
}

JbColor jb_chart_lighter(JbColor c, double amount) /* towards white, stays opaque */
{
    return (JbColor){c.r + (1 - c.r) * amount, c.g + (1 - c.g) * amount, c.b + (1 - c.b) * amount,
                     c.a};
}

/* A sum of values as a decimal again (for labels only): 15 significant digits. */
JbDecimal jb_chart_decimal_from_double(double v)
{
    char buf[64];
    int before = fabs(v) >= 1 ? (int)floor(log10(fabs(v))) + 1 : 1;
    g_snprintf(buf, sizeof buf, "%.*f", CLAMP(15 - before, 0, 12), v);
    if (strchr(buf, '.')) {
        char *e = buf + strlen(buf) - 1;
        while (*e == '0')
            *e-- = 0;
        if (*e == '.')
            *e = 0;
    }
    JbDecimal d = {0, 0};
    jb_decimal_parse(buf, &d);
    return d;
}

char *jb_chart_value_text(const JbChart *c, const JbChartPoint *p, const char *unit, gboolean full)
{
    return jb_units_label(&p->fig, unit,
                          (c->western ? JB_LABEL_WESTERN : 0) | (full ? JB_LABEL_FULL_UNIT : 0));
}

/* ---- glyphs -------------------------------------------------------------------------- */

static gboolean check_glyphs(JbChart *c, PangoContext *pango, GError **error)
{
    g_autoptr(GString) all = g_string_new(NULL);
    g_string_append_printf(all, "%s%s%s%s预计合计为的约倍较增长下降年", c->title, c->subtitle,
                           c->source, c->unit);
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        g_string_append(all, se->label);
        g_string_append(all, se->unit);
        for (guint i = 0; i < se->points->len; i++)
            g_string_append(all, ((JbChartPoint *)g_ptr_array_index(se->points, i))->label);
    }
    if (c->growth)
        g_string_append(all, c->growth);
    g_autofree char *missing = jb_fonts_missing_chars(pango, all->str, JB_FONT_FAMILY " 12");
    if (!*missing)
        return TRUE;
    if (c->allow_missing_glyphs) {
        if (!c->glyphs_warned)
            jb_diag_warn(c->diag, "chart '%s': no glyph for '%s'", c->metric_id, missing);
        c->glyphs_warned = TRUE;
        return TRUE;
    }
    g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                "chart '%s': no font has a glyph for '%s' (--allow-missing-glyphs to draw anyway)",
                c->metric_id, missing);
    return FALSE;
}

/* ---- header, legend, footer ------------------------------------------------------------ */

/* Title and subtitle from the top; returns the y below them. */
double jb_chart_header(Ctx *x)
{
    const double inner = x->W - 2 * x->pad;
    double y = x->pad;
    if (x->c->title && *x->c->title) { /* none in a briefing: its caption carries it */
        g_autoptr(PangoLayout) title = jb_layout_new(
            x->pango, x->c->title, FALSE, x->t->title_size * x->k, x->t->title_bold, inner);
        jb_chart_put(x, title, x->pad, y, x->ink);
        y += jb_chart_lh(title) + 4 * x->k;
    }
    if (x->c->subtitle && *x->c->subtitle) {
        g_autoptr(PangoLayout)
            sub = jb_chart_text(x, x->c->subtitle, x->t->subtitle_size, FALSE, inner);
        jb_chart_put(x, sub, x->pad, y, x->muted);
        y += jb_chart_lh(sub);
    }
    return y + 14 * x->k;
}

/* The source line at the bottom; returns the y above it. */
double jb_chart_footer(Ctx *x)
{
    double bottom = x->H - x->pad;
    if (x->c->source && *x->c->source) {
        g_autoptr(PangoLayout)
            src = jb_chart_text(x, x->c->source, x->t->source_size, FALSE, x->W - 2 * x->pad);
        double sh = jb_chart_lh(src);
        jb_chart_put(x, src, x->pad, x->H - x->pad - sh, x->muted);
        bottom -= sh + 12 * x->k;
    }
    return bottom;
}

/* A legend row (swatch and label per series), wrapping; returns the y below it. */
/* Lay out (and with `draw`, draw) the first `shown` legend entries from y at `size`, and a
 * "等N项" entry after them when some are left out; returns the y below the legend. */
static double legend_pass(Ctx *x, double y, const gboolean *as_line, double size, guint shown,
                          gboolean draw)
{
    const JbChart *c = x->c;
    double lx = x->pad, row_h = 0;
    guint n = c->series->len;
    for (guint s = 0; s < shown || (shown < n && s == shown); s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, MIN(s, n - 1));
        g_autofree char *rest = s == shown ? g_strdup_printf("等%u项", n) : NULL;
        g_autoptr(PangoLayout)
            l = jb_chart_text(x, rest ? rest : se->label, size, FALSE, x->W - 2 * x->pad - 20);
        double w = jb_chart_lw(l), h = jb_chart_lh(l), sw = rest ? 0 : 18;
        if (lx > x->pad && lx + sw + w > x->W - x->pad) {
            lx = x->pad;
            y += row_h + 4 * x->k;
            row_h = 0;
        }
        if (draw && !rest) {
            jb_set_color(x->cr, jb_chart_series_color(x, s));
            if (as_line && as_line[s]) {
                cairo_set_line_width(x->cr, 2.5);
                cairo_move_to(x->cr, lx, y + h / 2);
                cairo_line_to(x->cr, lx + 14, y + h / 2);
                cairo_stroke(x->cr);
            } else {
                cairo_rectangle(x->cr, lx + 2, y + h / 2 - 5, 10, 10);
                cairo_fill(x->cr);
            }
        }
        if (draw)
            jb_chart_put(x, l, lx + sw, y, rest ? x->muted : x->ink);
        lx += sw + w + 16;
        row_h = fmax(row_h, h);
    }
    return y + row_h + 10 * x->k;
}

/* The legend takes at most a fifth of the canvas: its text shrinks (not below 7 pt) and,
 * past that, the entries that do not fit are counted ("等64项") — with 8 colours for 64
 * series a swatch could not tell them apart anyway. */
double jb_chart_legend(Ctx *x, double y, const gboolean *as_line)
{
    guint n = x->c->series->len, shown = n;
    double budget = x->H * 0.2, size = x->t->tick_size * 1.1, min = 7 / x->k;
    while (size > min && legend_pass(x, y, as_line, size, n, FALSE) - y > budget)
        size = fmax(min, size * 0.9);
    if (legend_pass(x, y, as_line, size, n, FALSE) - y > budget) {
        guint lo = 1, hi = n - 1; /* the most entries that fit, at least one */
        while (lo < hi) {
            guint mid = (lo + hi + 1) / 2;
            if (legend_pass(x, y, as_line, size, mid, FALSE) - y <= budget)
                lo = mid;
            else
                hi = mid - 1;
        }
        shown = lo;
    }
    return legend_pass(x, y, as_line, size, shown, TRUE);
}

/* ---- entry points ---------------------------------------------------------------------- */

gboolean jb_chart_draw(JbChart *c, cairo_t *cr, PangoContext *pango, GError **error)
{
    g_array_set_size(c->boxes, 0);
    g_array_set_size(c->marks, 0);
    if (c->series->len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "chart '%s': no series loaded", c->metric_id);
        return FALSE;
    }
    if (c->kind == JB_CHART_COMBO && c->series->len < 2) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': type combo needs two metrics ('metrics = A; B')", c->metric_id);
        return FALSE;
    }
    if (!jb_chart_parts(c, error) || !check_glyphs(c, pango, error))
        return FALSE;
    Ctx x = {.c = c,
             .cr = cr,
             .pango = pango,
             .t = &c->theme,
             .W = c->width,
             .H = c->height,
             .ink = jb_color_hex(c->theme.ink),
             .muted = jb_color_hex(c->theme.muted)};
    x.k = fmax(0.7, fmin(1.3, fmin(c->width / 800, c->height / 450)));
    x.pad = 28 * x.k;
    cairo_save(cr);
    gboolean ok;
    switch (c->kind) {
    case JB_CHART_HBAR:
        ok = jb_chart_draw_hbar(&x, error);
        break;
    case JB_CHART_DONUT:
        ok = jb_chart_draw_donut(&x, error);
        break;
    case JB_CHART_KPI:
        ok = jb_chart_draw_kpi(&x, error);
        break;
    default:
        ok = jb_chart_draw_cartesian(&x, error);
        break;
    }
    cairo_restore(cr);
    if (ok && cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, JB_ERROR, jb_cairo_error_code(cairo_status(cr)), "chart '%s': %s",
                    c->metric_id, cairo_status_to_string(cairo_status(cr)));
        ok = FALSE;
    }
    return ok;
}

gboolean jb_chart_render(JbChart *c, const char *path, double scale, GError **error)
{
    if (scale <= 0) /* the chart's own: its dpi (144, 300 for print) over 72 points an inch */
        scale = c->theme.dpi / 72;
    g_autoptr(JbCanvas)
        canvas = jb_canvas_new(path, c->width, c->height, scale, c->transparent, error);
    if (!canvas)
        return FALSE;
    jb_canvas_set_metadata(canvas, c->title, "jianbao", c->subtitle, c->metric_id);
    jb_canvas_set_svg_text(canvas, c->svg_text);
    if (!jb_chart_draw(c, jb_canvas_cr(canvas), jb_canvas_pango(canvas), error))
        return FALSE;
    return jb_canvas_finish(canvas, error);
}
