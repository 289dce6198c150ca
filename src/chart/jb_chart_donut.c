/* Donut: the parts of one whole (jb_chart_parts.c) in the latest period they share, one slice
 * each, and the rest of the whole when it is named; the whole (or the parts' sum) in the hole
 * and a key beside the ring: name, value as stated, share. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

typedef struct {
    const char *name;
    JbChartPoint point;
    gboolean rest; /* the whole less its named parts (其他) */
} Slice;

static const char *label_of(const JbChart *c, const char *id)
{
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        if (strcmp(se->metric_id, id) == 0)
            return se->label;
    }
    return id;
}

/* The slices: each part's value in the period shown, and when the whole is named, the rest
 * of it (其他); `hole` is the whole or the parts' exact sum. FALSE when the parts are more
 * than the whole or a value is negative. */
static gboolean slices(JbChart *c, GArray *out, JbChartPoint *hole, const char **hole_name,
                       GError **error)
{
    JbChartPoint sum = {.fig = jb_figure_of((JbDecimal){0, 0}, JB_BOUND_EXACT)};
    gboolean exact = TRUE;
    for (guint m = 0; m < c->metrics->len; m++) {
        const char *id = g_ptr_array_index(c->metrics, m);
        const JbChartPoint *p = jb_chart_point_of(c, id, c->parts_at);
        if (jb_chart_val(p) < 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                        "chart '%s': a donut needs values ≥ 0 (%s, '%s' is negative)", c->metric_id,
                        p->label, label_of(c, id));
            return FALSE;
        }
        if ((int)m == c->whole) {
            *hole = *p;
            continue;
        }
        Slice sl = {label_of(c, id), *p, FALSE};
        g_array_append_val(out, sl);
        exact = exact && jb_units_add(sum.fig.value, p->fig.value, &sum.fig.value);
        JbBound b = p->fig.range ? JB_BOUND_ABOUT : p->fig.bound;
        sum.fig.bound = sum.fig.bound == b || b == JB_BOUND_EXACT ? sum.fig.bound
                        : sum.fig.bound == JB_BOUND_EXACT         ? b
                                                                  : JB_BOUND_ABOUT;
        sum.forecast = sum.forecast || p->forecast;
    }
    if (c->whole < 0) {
        *hole = sum;
        *hole_name = "合计";
        return TRUE;
    }
    *hole_name = "总量";
    JbChartPoint rest = {.fig = jb_figure_of((JbDecimal){0, 0}, JB_BOUND_ABOUT),
                         .forecast = hole->forecast};
    if (!exact || !jb_units_sub(hole->fig.value, sum.fig.value, &rest.fig.value) ||
        rest.fig.value.mant < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "chart '%s': the parts add up to more than '%s' in %s", c->metric_id,
                    label_of(c, g_ptr_array_index(c->metrics, c->whole)), c->parts_at);
        return FALSE;
    }
    /* the rest of a bounded whole (超14万) is only about what it says */
    rest.fig.bound = hole->fig.bound == JB_BOUND_EXACT && sum.fig.bound == JB_BOUND_EXACT
                         ? JB_BOUND_EXACT
                         : JB_BOUND_ABOUT;
    if (rest.fig.value.mant > 0) {
        Slice sl = {"其他", rest, TRUE};
        g_array_append_val(out, sl);
    }
    return TRUE;
}

/* The key's last row when the slices from `from` on have no rows: their count, exact sum and
 * share, beside a grey swatch. */
static void donut_rest_row(Ctx *x, const GArray *sl, guint from, double total, const char *unit,
                           double lx, double ly, double size, double bottom)
{
    JbChartPoint rest = {.fig = jb_figure_of((JbDecimal){0, 0}, JB_BOUND_EXACT)};
    gboolean exact = TRUE;
    double approx = 0;
    for (guint i = from; i < sl->len; i++) {
        const JbChartPoint *p = &g_array_index(sl, Slice, i).point;
        approx += jb_chart_val(p);
        exact = exact && jb_units_add(rest.fig.value, p->fig.value, &rest.fig.value);
        if (p->fig.bound != JB_BOUND_EXACT || p->fig.range)
            rest.fig.bound = JB_BOUND_ABOUT;
    }
    if (!exact)
        rest.fig = jb_figure_of(jb_chart_decimal_from_double(approx), JB_BOUND_ABOUT);
    g_autofree char *vt = jb_chart_value_text(x->c, &rest, unit, TRUE);
    double share = approx / total * 100;
    g_autofree char *line = g_strdup_printf("其余%u项  %s  %s%.0f%%", sl->len - from, vt,
                                            rest.fig.bound != JB_BOUND_EXACT ? "约" : "", share);
    g_autoptr(PangoLayout) l = jb_chart_text(x, line, size, FALSE, x->W - x->pad - lx - 18);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    double lh = jb_chart_lh(l);
    if (ly + lh <= bottom && jb_chart_try_put(x, l, lx + 18, ly, x->ink)) {
        jb_set_color(x->cr, jb_color_hex(x->t->grid));
        cairo_rectangle(x->cr, lx, ly + lh / 2 - 5, 10, 10);
        cairo_fill(x->cr);
    }
}

gboolean jb_chart_draw_donut(Ctx *x, GError **error)
{
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    g_autoptr(GArray) sl = g_array_new(FALSE, FALSE, sizeof(Slice));
    JbChartPoint hole = {0};
    const char *hole_name = "合计";
    if (!slices(c, sl, &hole, &hole_name, error))
        return FALSE;
    const char *unit = ((const JbChartSeries *)g_ptr_array_index(c->series, 0))->unit;
    double total = jb_chart_val(&hole);
    if (!(total > 0)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "chart '%s': a donut needs a total above 0",
                    c->metric_id);
        return FALSE;
    }
    double top = jb_chart_header(x), bottom = jb_chart_footer(x);
    double h = bottom - top, r = fmin(h, (x->W - 2 * x->pad) * 0.45) / 2;
    if (r < 20) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W,
                    x->H);
        return FALSE;
    }
    double cx = x->pad + r + 10, cy = top + h / 2, a = -G_PI / 2;
    for (guint i = 0; i < sl->len; i++) {
        const Slice *si = &g_array_index(sl, Slice, i);
        double v = jb_chart_val(&si->point), sweep = v / total * 2 * G_PI;
        /* the rest in grey: not a part anyone named */
        jb_set_color(x->cr, si->rest ? jb_color_hex(t->grid) : jb_chart_series_color(x, i));
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
    /* the whole (or the parts' sum) in the hole */
    g_autofree char *tt = jb_chart_value_text(c, &hole, unit, TRUE);
    g_autoptr(PangoLayout) tl = jb_chart_text(x, tt, t->value_size, TRUE, r * 1.1);
    g_autoptr(PangoLayout) hl = jb_chart_text(x, hole_name, t->tick_size, FALSE, -1);
    double th = jb_chart_lh(tl) + jb_chart_lh(hl);
    jb_chart_try_put(x, hl, cx - jb_chart_lw(hl) / 2, cy - th / 2, x->muted);
    jb_chart_try_put(x, tl, cx - jb_chart_lw(tl) / 2, cy - th / 2 + jb_chart_lh(hl), x->ink);
    /* the key: swatch, name, value and share; as many rows as fit */
    double lx = cx + r + 30, ly = top, size = t->category_size;
    double row = (bottom - top) / MAX(sl->len, 1);
    if (row < size * x->k * 1.5)
        size = fmax(9, row / 1.5 / x->k);
    /* the key centred beside the ring (rows are ~1.3 × 1.4 × size high) */
    ly = fmax(top, cy - sl->len * size * x->k * 1.82 / 2);
    /* more slices than rows: the last row counts the rest (其余47项 …), none is dropped unsaid */
    g_autoptr(PangoLayout) probe = jb_chart_text(x, "国", size, FALSE, -1);
    double row_h = jb_chart_lh(probe) * 1.3;
    guint fit = (guint)fmax(1, floor((bottom - top - jb_chart_lh(probe)) / row_h) + 1);
    guint shown = sl->len <= fit ? sl->len : fit - 1;
    for (guint i = 0; i < shown; i++) {
        const Slice *si = &g_array_index(sl, Slice, i);
        const JbChartPoint *p = &si->point;
        g_autofree char *vt = jb_chart_value_text(c, p, unit, TRUE);
        /* a share of a bounded or computed figure is about that much */
        double share = jb_chart_val(p) / total * 100;
        gboolean about = p->fig.bound != JB_BOUND_EXACT || hole.fig.bound != JB_BOUND_EXACT;
        g_autofree char *pct = share > 0 && share < 0.5
                                   ? g_strdup("不足1%")
                                   : g_strdup_printf("%s%.0f%%", about ? "约" : "", share);
        g_autofree char *line = g_strdup_printf("%s  %s  %s", si->name, vt, pct);
        g_autoptr(PangoLayout) l = jb_chart_text(x, line, size, FALSE, x->W - x->pad - lx - 18);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -1);
        double lh = jb_chart_lh(l);
        if (ly + lh > bottom)
            break;
        if (jb_chart_try_put(x, l, lx + 18, ly, x->ink)) {
            jb_set_color(x->cr, si->rest ? jb_color_hex(t->grid) : jb_chart_series_color(x, i));
            cairo_rectangle(x->cr, lx, ly + lh / 2 - 5, 10, 10);
            cairo_fill(x->cr);
        }
        ly += lh * 1.3;
    }
    if (shown < sl->len)
        donut_rest_row(x, sl, shown, total, unit, lx, ly, size, bottom);
    return TRUE;
}
