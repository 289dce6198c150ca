/* Donut: shares of a whole, one slice per metric (its latest value) or per point of one,
 * the total in the hole and a key beside the ring. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

gboolean jb_chart_draw_donut(Ctx *x, GError **error)
{
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    /* slices: one per metric (its latest value), or the points of a single metric */
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    g_autoptr(GPtrArray) pts = g_ptr_array_new();
    g_autoptr(GPtrArray) units = g_ptr_array_new();
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        if (c->series->len > 1) {
            g_ptr_array_add(names, se->label);
            g_ptr_array_add(pts, g_ptr_array_index(se->points, se->points->len - 1));
            g_ptr_array_add(units, se->unit);
        } else
            for (guint i = 0; i < se->points->len; i++) {
                JbChartPoint *p = g_ptr_array_index(se->points, i);
                g_ptr_array_add(names, p->label);
                g_ptr_array_add(pts, p);
                g_ptr_array_add(units, se->unit);
            }
    }
    double total = 0;
    for (guint i = 0; i < pts->len; i++) {
        double v = jb_chart_val(g_ptr_array_index(pts, i));
        if (v < 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                        "chart '%s': a donut needs values ≥ 0 (%s, '%s' is negative)", c->metric_id,
                        ((JbChartPoint *)g_ptr_array_index(pts, i))->label,
                        (char *)g_ptr_array_index(names, i));
            return FALSE;
        }
        total += v;
    }
    if (!(total > 0)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "chart '%s': a donut needs a total above 0",
                    c->metric_id);
        return FALSE;
    }
    double top = jb_chart_header(x), bottom = jb_chart_footer(x);
    double h = bottom - top, r = fmin(h, (x->W - 2 * PAD) * 0.45) / 2;
    if (r < 20) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W, x->H);
        return FALSE;
    }
    double cx = PAD + r + 10, cy = top + h / 2, a = -G_PI / 2;
    for (guint i = 0; i < pts->len; i++) {
        double v = jb_chart_val(g_ptr_array_index(pts, i)), sweep = v / total * 2 * G_PI;
        jb_set_color(x->cr, jb_chart_series_color(x, i));
        cairo_new_path(x->cr);
        cairo_arc(x->cr, cx, cy, r, a, a + sweep);
        cairo_arc_negative(x->cr, cx, cy, r * 0.6, a + sweep, a);
        cairo_close_path(x->cr);
        cairo_fill_preserve(x->cr);
        jb_set_color(x->cr, jb_color_hex(t->background));
        cairo_set_line_width(x->cr, 1.5);
        cairo_stroke(x->cr);
        a += sweep;
    }
    /* the total in the hole */
    JbChartPoint tp = {.fig = jb_figure_of(jb_chart_decimal_from_double(total), JB_BOUND_EXACT)};
    g_autofree char *tt = jb_chart_value_text(c, &tp, g_ptr_array_index(units, 0), TRUE);
    g_autoptr(PangoLayout) tl = jb_chart_text(x, tt, t->value_size, TRUE, r * 1.1);
    g_autoptr(PangoLayout) hl = jb_chart_text(x, "合计", t->tick_size, FALSE, -1);
    double th = jb_chart_lh(tl) + jb_chart_lh(hl);
    jb_chart_try_put(x, hl, cx - jb_chart_lw(hl) / 2, cy - th / 2, x->muted);
    jb_chart_try_put(x, tl, cx - jb_chart_lw(tl) / 2, cy - th / 2 + jb_chart_lh(hl), x->ink);
    /* the key: swatch, name, value and share; as many rows as fit */
    double lx = cx + r + 30, ly = top, size = t->category_size;
    double row = (bottom - top) / MAX(pts->len, 1);
    if (row < size * x->k * 1.5)
        size = fmax(9, row / 1.5 / x->k);
    /* the key centred beside the ring (rows are ~1.3 × 1.4 × size high) */
    ly = fmax(top, cy - pts->len * size * x->k * 1.82 / 2);
    for (guint i = 0; i < pts->len; i++) {
        const JbChartPoint *p = g_ptr_array_index(pts, i);
        g_autofree char *vt = jb_chart_value_text(c, p, g_ptr_array_index(units, i), TRUE);
        g_autofree char *line = g_strdup_printf("%s  %s  %.0f%%", (char *)g_ptr_array_index(names, i),
                                                vt, jb_chart_val(p) / total * 100);
        g_autoptr(PangoLayout) l = jb_chart_text(x, line, size, FALSE, x->W - PAD - lx - 18);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -1);
        double lh = jb_chart_lh(l);
        if (ly + lh > bottom)
            break;
        if (jb_chart_try_put(x, l, lx + 18, ly, x->ink)) {
            jb_set_color(x->cr, jb_chart_series_color(x, i));
            cairo_rectangle(x->cr, lx, ly + lh / 2 - 5, 10, 10);
            cairo_fill(x->cr);
        }
        ly += lh * 1.3;
    }
    return TRUE;
}

