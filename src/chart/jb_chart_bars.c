/* Bars: bar, grouped, stacked and the combo's bars on a cartesian plot, their value labels
 * and the growth bracket; and horizontal bars (hbar), which lay out their own rows. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

static void hatch(cairo_t *cr, double x0, double y0, double w, double h, JbColor color)
{
    cairo_save(cr);
    cairo_rectangle(cr, x0, y0, w, h);
    cairo_clip(cr);
    jb_set_color(cr, color);
    cairo_set_line_width(cr, 1.2);
    for (double d = -h; d < w; d += 7) {
        cairo_move_to(cr, x0 + d, y0 + h);
        cairo_line_to(cr, x0 + d + h, y0);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

guint jb_chart_draw_bar(Ctx *x, double bx, double top, double bw, double h, JbColor color,
                        gboolean forecast)
{
    guint mark = jb_chart_mark_rect(x, bx, top, bw, h);
    if (!forecast) {
        jb_set_color(x->cr, color);
        cairo_rectangle(x->cr, bx, top, bw, h);
        cairo_fill(x->cr);
        return mark;
    }
    /* a forecast: lighter fill (hatched with theme hatch = true), dashed outline */
    jb_set_color(x->cr, jb_chart_lighter(color, x->t->hatch ? 0.82 : 0.7));
    cairo_rectangle(x->cr, bx, top, bw, h);
    cairo_fill(x->cr);
    if (x->t->hatch)
        hatch(x->cr, bx, top, bw, h, jb_chart_lighter(color, 0.45));
    double dash[] = {4, 3};
    cairo_save(x->cr);
    cairo_set_dash(x->cr, dash, 2, 0);
    jb_set_color(x->cr, color);
    cairo_set_line_width(x->cr, 1.5);
    cairo_rectangle(x->cr, bx + 0.75, top + 0.75, bw - 1.5, fmax(h - 1.5, 0));
    cairo_stroke(x->cr);
    cairo_restore(x->cr);
    return mark;
}

char *jb_chart_growth_text(const JbChart *c, const Grid *g)
{
    if (!c->growth || strcmp(c->growth, "none") == 0 || g->n < 2)
        return NULL;
    if (strcmp(c->growth, "auto") != 0)
        return g_strdup(c->growth);
    const JbChartPoint *a = g->at[0][0], *b = g->at[0][g->n - 1];
    if (!a || !b)
        return NULL;
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    JbChange ch = jb_units_change(&a->fig, &b->fig, s0->unit);
    return jb_units_change_mark(&ch);
}

void jb_chart_bars_marks(Ctx *x, Plot *p)
{
    const Grid *g = p->g;
    const Axis *ax = &p->ax;
    p->group_w = fmin(p->band * (p->nbars > 1 ? 0.8 : 0.56), p->nbars > 1 ? 60.0 * p->nbars : 110);
    p->bw = p->nbars ? p->group_w / p->nbars : 0;
    p->y0 = jb_chart_ypos(p, ax, 0 > ax->ticks.min * ax->unit ? 0 : ax->ticks.min * ax->unit);
    p->bar_top = g_new0(double, p->n ? p->n : 1);
    p->bars = g_array_new(FALSE, FALSE, sizeof(PlotBar));
    for (guint i = 0; i < p->n; i++) {
        double cx = jb_chart_cx(p, i), pos = p->y0, neg = p->y0;
        p->bar_top[i] = p->y0;
        for (guint s = 0; s < g->ns && p->nbars; s++) {
            if (p->combo && s == 1)
                continue;
            const JbChartPoint *pt = g->at[s][i];
            if (!pt)
                continue;
            double v = jb_chart_val(pt);
            double bx = cx - p->group_w / 2 + (p->nbars > 1 ? s * p->bw : 0);
            double top, h;
            if (p->stacked) {
                double hh = fabs(jb_chart_ypos(p, ax, fabs(v)) - jb_chart_ypos(p, ax, 0));
                top = v >= 0 ? pos - hh : neg;
                h = hh;
                if (v >= 0)
                    pos -= hh;
                else
                    neg += hh;
            } else {
                double lo, hi;
                jb_chart_val_range(pt, &lo, &hi);
                double yv = jb_chart_ypos(p, ax, lo);
                top = fmin(p->y0, yv);
                h = fabs(yv - p->y0);
            }
            double w = p->nbars > 1 ? p->bw - 2 : p->bw;
            JbColor col = jb_chart_series_color(x, s);
            guint mark = jb_chart_draw_bar(x, bx, top, w, h, col, pt->forecast);
            JbColor fill = pt->forecast ? jb_chart_lighter(col, x->t->hatch ? 0.82 : 0.7) : col;
            if (pt->fig.range && !p->stacked) {
                /* a range (5%–5.5%): solid to its low end, then light and dashed to its high */
                double lo, hi;
                jb_chart_val_range(pt, &lo, &hi);
                double ylo = jb_chart_ypos(p, ax, lo), yhi = jb_chart_ypos(p, ax, hi);
                top = fmin(ylo, yhi);
                h = fabs(yhi - ylo);
                mark = jb_chart_draw_bar(x, bx, top, w, h, col, TRUE);
                fill = jb_chart_lighter(col, x->t->hatch ? 0.82 : 0.7);
            }
            PlotBar bar = {s, i, bx, top, w, h, fill, mark};
            g_array_append_val(p->bars, bar);
            p->bar_top[i] = fmin(p->bar_top[i], top);
        }
    }
}

/* Bar labels share one size: shrunk (down to 55%) so the widest fits its slot. *dense when
 * even that is too wide: not every bar can carry its label. */
static double bar_shrink(Ctx *x, const Plot *p, gboolean *dense)
{
    double shrink = 1;
    *dense = FALSE;
    for (guint s = 0; s < p->g->ns && p->nbars && !p->stacked; s++) {
        const JbChartSeries *se = g_ptr_array_index(x->c->series, s);
        double slot = p->nbars > 1 ? p->bw : p->band - 4;
        for (guint i = 0; i < p->n && !(p->combo && s == 1); i++) {
            if (!p->g->at[s][i])
                continue;
            g_autofree char *vl = jb_chart_value_text(x->c, p->g->at[s][i], se->unit, FALSE);
            g_autoptr(PangoLayout)
                l = jb_chart_text(x, vl, x->t->value_size * (p->nbars > 1 ? 0.75 : 1.0), TRUE, -1);
            if (slot > 0) {
                shrink = fmin(shrink, fmax(slot / jb_chart_lw(l), 0.55));
                *dense = *dense || slot / jb_chart_lw(l) < 0.55;
            }
        }
    }
    return shrink;
}

/* A stack's total as a point (a label): an exact sum, bounded as its parts are (约65万 +
 * 约90万 is 约155万; 超 + exact is 超). */
static JbChartPoint stack_total(const Plot *p, guint i)
{
    JbChartPoint tp = {.fig = jb_figure_of((JbDecimal){0, 0}, JB_BOUND_EXACT)};
    gboolean exact = TRUE;
    double approx = 0;
    for (guint q = 0; q < p->g->ns; q++) {
        const JbChartPoint *pt = p->g->at[q][i];
        if (!pt)
            continue;
        approx += jb_chart_val(pt);
        exact = exact && jb_units_add(tp.fig.value, pt->fig.value, &tp.fig.value);
        tp.forecast = tp.forecast || pt->forecast;
        JbBound b = pt->fig.range ? JB_BOUND_ABOUT : pt->fig.bound;
        if (b != tp.fig.bound)
            tp.fig.bound = tp.fig.bound == JB_BOUND_EXACT ? b
                           : b == JB_BOUND_EXACT          ? tp.fig.bound
                                                          : JB_BOUND_ABOUT;
    }
    if (!exact) /* beyond 18 digits: a label only */
        tp.fig.value = jb_chart_decimal_from_double(approx);
    return tp;
}

/* Text that reads on `fill`: white on a dark colour, ink on a light one. */
static JbColor text_on(const Ctx *x, JbColor fill)
{
    double lum = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
    return lum < 0.55 ? jb_color_hex("#FFFFFF") : x->ink;
}

/* The drawn bar of series s at category i, or NULL. */
static const PlotBar *bar_at(const Plot *p, guint s, guint i)
{
    for (guint k = 0; k < p->bars->len; k++) {
        const PlotBar *b = &g_array_index(p->bars, PlotBar, k);
        if (b->s == s && b->i == i)
            return b;
    }
    return NULL;
}

/* A label inside `bar`, near its outer end: TRUE when it fits wholly inside and is placed. */
static gboolean label_inside(Ctx *x, const PlotBar *bar, PangoLayout *l, gboolean up)
{
    double w = jb_chart_lw(l), h = jb_chart_lh(l);
    double lx = bar->x + (bar->w - w) / 2, ly = up ? bar->y + 3 : bar->y + bar->h - h - 3;
    double bx, by, bw, bh;
    jb_chart_logical_box(l, lx, ly, &bx, &by, &bw, &bh);
    x->own = bar->mark;
    gboolean fits = jb_chart_box_free(x, bx, by, bw, bh) && bx >= bar->x + 1 &&
                    bx + bw <= bar->x + bar->w - 1 && by >= bar->y + 1 &&
                    by + bh <= bar->y + bar->h - 1;
    if (fits)
        jb_chart_put(x, l, lx, ly, text_on(x, bar->fill));
    x->own = 0;
    return fits;
}

/* One bar's label: beyond its end (above a positive bar, below a negative one); where that
 * touches a mark or a text, inside the bar's end; else left out. */
static void bar_label(Ctx *x, Plot *p, guint s, guint i, const JbChartPoint *pt, double shrink)
{
    const JbChart *c = x->c;
    const JbChartSeries *se = g_ptr_array_index(c->series, s);
    JbChartPoint total;
    if (p->stacked) {
        total = stack_total(p, i);
        pt = &total;
    }
    double cx = jb_chart_cx(p, i), v = jb_chart_val(pt), lo, hi;
    jb_chart_val_range(pt, &lo, &hi);
    if (pt->fig.range && !p->stacked)
        v = v >= 0 ? hi : lo; /* a range's label goes beyond its far end */
    g_autofree char *vl = jb_chart_value_text(c, pt, se->unit, FALSE);
    double size = x->t->value_size * (p->nbars > 1 ? 0.75 : 1.0);
    g_autoptr(PangoLayout) l = jb_chart_text(x, vl, size * shrink, TRUE, -1);
    double w = jb_chart_lw(l), h = jb_chart_lh(l);
    double bx = p->nbars > 1 ? cx - p->group_w / 2 + s * p->bw + (p->bw - 2) / 2 : cx;
    double yv = p->stacked ? (v >= 0 ? p->bar_top[i] : jb_chart_ypos(p, &p->ax, v))
                           : jb_chart_ypos(p, &p->ax, v);
    double lx = bx - w / 2, ly = v >= 0 ? fmin(yv, p->y0) - h - 4 : fmax(yv, p->y0) + 4;
    if (jb_chart_try_put(x, l, lx, ly, x->ink) || p->stacked)
        return;
    const PlotBar *bar = bar_at(p, s, i);
    if (bar)
        label_inside(x, bar, l, v >= 0);
}

/* Each segment of a stack labelled inside it, where its value fits. */
static void stack_segment_labels(Ctx *x, Plot *p)
{
    for (guint k = 0; k < p->bars->len; k++) {
        const PlotBar *bar = &g_array_index(p->bars, PlotBar, k);
        const JbChartSeries *se = g_ptr_array_index(x->c->series, bar->s);
        g_autofree char *vl = jb_chart_value_text(x->c, p->g->at[bar->s][bar->i], se->unit, FALSE);
        g_autoptr(PangoLayout) l = jb_chart_text(x, vl, x->t->value_size * 0.7, FALSE, -1);
        double w = jb_chart_lw(l), h = jb_chart_lh(l);
        const double lx = bar->x + (bar->w - w) / 2, ly = bar->y + (bar->h - h) / 2;
        double bx, by, bw, bh;
        jb_chart_logical_box(l, lx, ly, &bx, &by, &bw, &bh);
        x->own = bar->mark;
        if (bx >= bar->x + 1 && bx + bw <= bar->x + bar->w - 1 && by >= bar->y + 1 &&
            by + bh <= bar->y + bar->h - 1 && jb_chart_box_free(x, bx, by, bw, bh))
            jb_chart_put(x, l, lx, ly, text_on(x, bar->fill));
        x->own = 0;
    }
}

/* Too many bars to label each: the last, the highest, the lowest and the first of series s,
 * in that order (G_MAXUINT for none or a repeat). */
static void key_bars(const Plot *p, guint s, guint pick[4])
{
    guint first = G_MAXUINT, last = G_MAXUINT, hi = G_MAXUINT, lo = G_MAXUINT;
    for (guint i = 0; i < p->n; i++) {
        const JbChartPoint *pt = p->g->at[s][i];
        if (!pt)
            continue;
        if (first == G_MAXUINT)
            first = i;
        last = i;
        if (hi == G_MAXUINT || jb_chart_val(pt) > jb_chart_val(p->g->at[s][hi]))
            hi = i;
        if (lo == G_MAXUINT || jb_chart_val(pt) < jb_chart_val(p->g->at[s][lo]))
            lo = i;
    }
    const guint order[4] = {last, hi, lo, first};
    for (guint k = 0; k < 4; k++) {
        pick[k] = order[k];
        for (guint q = 0; q < k; q++)
            if (pick[q] == order[k])
                pick[k] = G_MAXUINT;
    }
}

void jb_chart_bars_labels(Ctx *x, Plot *p)
{
    if (!p->nbars)
        return;
    gboolean dense;
    double shrink = bar_shrink(x, p, &dense);
    if (p->stacked) { /* the total over each stack, then each segment's own value */
        for (guint i = 0; i < p->n; i++)
            if (!g_array_index(p->g->empty, gboolean, i))
                bar_label(x, p, 0, i, NULL, shrink);
        stack_segment_labels(x, p);
        return;
    }
    for (guint s = 0; s < p->g->ns && !(p->combo && s == 1); s++) { /* a combo's line: its own */
        if (dense) { /* the figures a reader looks for, at a readable size, not a random few */
            guint pick[4];
            key_bars(p, s, pick);
            for (guint k = 0; k < 4; k++)
                if (pick[k] != G_MAXUINT)
                    bar_label(x, p, s, pick[k], p->g->at[s][pick[k]], 0.8);
            continue;
        }
        for (guint i = 0; i < p->n; i++)
            if (p->g->at[s][i])
                bar_label(x, p, s, i, p->g->at[s][i], shrink);
    }
}

/* The growth bracket between the first and the last bar, with its label on the bracket; no
 * bracket when the label has no room (a bracket without its number says nothing). */
void jb_chart_bars_growth(Ctx *x, Plot *p)
{
    if (!p->growth || p->n < 2)
        return;
    const Grid *g = p->g;
    double vsz = p->vsz;
    double xa = jb_chart_cx(p, 0), xb = jb_chart_cx(p, p->n - 1);
    /* the legs end above the bars' labels (a line of text is ~1.45 em, 4 pt above the bar) */
    double ya = jb_chart_ypos(p, &p->ax, fmax(jb_chart_val(g->at[0][0]), 0)) - vsz * 1.5 - 8;
    double yb = jb_chart_ypos(p, &p->ax, fmax(jb_chart_val(g->at[0][p->n - 1]), 0)) - vsz * 1.5 - 8;
    double yl = fmin(p->top - vsz * 1.6, fmin(ya, yb) - vsz);
    g_autoptr(PangoLayout) gl = jb_chart_text(x, p->growth, x->t->value_size, TRUE, -1);
    double gw = jb_chart_lw(gl), gh = jb_chart_lh(gl), gx = (xa + xb) / 2 - gw / 2,
           gy = yl - gh / 2;
    double bx, by, bw, bh;
    jb_chart_logical_box(gl, gx, gy, &bx, &by, &bw, &bh);
    if (!jb_chart_box_free(x, bx - 6, by, bw + 12, bh))
        return;
    jb_chart_put(x, gl, gx, gy, x->ink);
    jb_set_color(x->cr, x->muted);
    cairo_set_line_width(x->cr, 1.2);
    /* the bracket, broken where its label sits */
    cairo_move_to(x->cr, xa, ya);
    cairo_line_to(x->cr, xa, yl);
    cairo_line_to(x->cr, gx - 6, yl);
    cairo_move_to(x->cr, gx + gw + 6, yl);
    cairo_line_to(x->cr, xb, yl);
    cairo_line_to(x->cr, xb, yb - 2);
    cairo_stroke(x->cr);
    jb_chart_mark_segment(x, xa, ya, xa, yl, 1.2);
    jb_chart_mark_segment(x, xa, yl, gx - 6, yl, 1.2);
    jb_chart_mark_segment(x, gx + gw + 6, yl, xb, yl, 1.2);
    jb_chart_mark_segment(x, xb, yl, xb, yb, 1.2);
    cairo_move_to(x->cr, xb - 4, yb - 8); /* arrowhead */
    cairo_line_to(x->cr, xb, yb);
    cairo_line_to(x->cr, xb + 4, yb - 8);
    cairo_close_path(x->cr);
    cairo_fill(x->cr);
}

/* ---- horizontal bars ------------------------------------------------------------------ */

gboolean jb_chart_draw_hbar(Ctx *x, GError **error)
{
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    const JbChartSeries *se = g_ptr_array_index(c->series, 0);
    const guint n = se->points->len;
    double top = jb_chart_header(x), bottom = jb_chart_footer(x);
    if (bottom - top < 30) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W,
                    x->H);
        return FALSE;
    }
    double row = (bottom - top) / n;
    /* category font: fits one row (or two wrapped lines), down to the 7 pt floor (a bar
     * without its name says nothing), then every k-th */
    double size = fmin(t->category_size, row / 1.45 / x->k);
    guint k_cat = 1;
    if (size * x->k < JB_CHART_MIN_TEXT) {
        size = JB_CHART_MIN_TEXT / x->k;
        while (row * k_cat < JB_CHART_MIN_TEXT * 1.45)
            k_cat++;
    }
    double cat_w = (x->W - 2 * x->pad) * 0.3;
    double lo = 0, hi = 0, widest = 0;
    g_autoptr(GPtrArray) cats = g_ptr_array_new_with_free_func(g_object_unref);
    for (guint i = 0; i < n; i++) {
        const JbChartPoint *p = g_ptr_array_index(se->points, i);
        lo = fmin(lo, jb_chart_val(p));
        hi = fmax(hi, jb_chart_val(p));
        g_autofree char *label = p->forecast ? g_strconcat(p->label, "（预计）", NULL)
                                             : g_strdup(p->label);
        PangoLayout *l = jb_chart_text(x, label, size, FALSE, cat_w);
        pango_layout_set_height(l, row * k_cat >= 2 * size * x->k * 1.45 ? -2 : -1);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
        widest = fmax(widest, jb_chart_lw(l));
        g_ptr_array_add(cats, l);
    }
    double vsize = fmin(t->value_size * 0.85, fmax(size, JB_CHART_MIN_TEXT / x->k));
    double val_w = 0;
    for (guint i = 0; i < n; i++) {
        g_autofree char *vl = jb_chart_value_text(c, g_ptr_array_index(se->points, i), se->unit,
                                                  TRUE);
        g_autoptr(PangoLayout) l = jb_chart_text(x, vl, vsize, TRUE, -1);
        val_w = fmax(val_w, jb_chart_lw(l));
    }
    cat_w = fmin(cat_w, widest);
    double left = x->pad + cat_w + 12, right = x->W - x->pad;
    double neg_w = lo < 0 ? val_w + 6 : 0, pos_w = hi > 0 || lo == 0 ? val_w + 6 : 0;
    double span = hi - lo > 0 ? hi - lo : 1;
    double scale = (right - left - neg_w - pos_w) / span;
    double x0 = left + neg_w - lo * scale;
    jb_set_color(x->cr, jb_color_hex(t->axis));
    cairo_set_line_width(x->cr, 1);
    cairo_move_to(x->cr, round(x0) + 0.5, top);
    cairo_line_to(x->cr, round(x0) + 0.5, bottom);
    cairo_stroke(x->cr);
    for (guint i = 0; i < n; i++) {
        const JbChartPoint *p = g_ptr_array_index(se->points, i);
        double v = jb_chart_val(p), cy = top + row * (i + 0.5), bh = fmin(row * 0.62, 40);
        double xv = x0 + v * scale;
        jb_chart_draw_bar(x, fmin(x0, xv), cy - bh / 2, fabs(xv - x0), bh,
                          jb_chart_series_color(x, 0), p->forecast);
        if (i % k_cat == 0) {
            PangoLayout *l = g_ptr_array_index(cats, i);
            double h = jb_chart_lh(l), yy = fmax(top, fmin(cy - h / 2, bottom - h));
            pango_layout_set_width(l, (int)(cat_w * PANGO_SCALE)); /* right-aligned in the column */
            jb_chart_try_put(x, l, x->pad, yy, x->ink);
        }
        g_autofree char *vl = jb_chart_value_text(c, p, se->unit, TRUE);
        g_autoptr(PangoLayout) vlay = jb_chart_text(x, vl, vsize, TRUE, -1);
        double w = jb_chart_lw(vlay), h = jb_chart_lh(vlay);
        double lx = v >= 0 ? xv + 6 : xv - 6 - w;
        jb_chart_try_put(x, vlay, lx, cy - h / 2, x->ink);
    }
    return TRUE;
}
