/* Cartesian charts (bar, grouped, stacked, line, area, combo): the categories, the value
 * axes with their display unit and ticks, the plot area, gridlines and category labels; the
 * bars (jb_chart_bars.c) and lines (jb_chart_lines.c) draw their marks and labels in it.
 * Order matters: marks first, then the text that is never dropped (category and end labels),
 * then data labels, each placed only where it touches nothing drawn before it. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

/* ---- categories ----------------------------------------------------------------------- */

static int cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void grid_init(Grid *g, const JbChart *c)
{
    g->ns = c->series->len;
    g->cats = g_ptr_array_new();
    gboolean all_periods = TRUE;
    for (guint s = 0; s < g->ns; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            if (!g_ptr_array_find_with_equal_func(g->cats, p->label, g_str_equal, NULL)) {
                g_ptr_array_add(g->cats, p->label);
                all_periods = all_periods && g_ascii_isdigit(p->label[0]);
            }
        }
    }
    if (all_periods && g->ns > 1) /* periods of several series interleave: in time order */
        g_ptr_array_sort(g->cats, cmp_str);
    g->n = g->cats->len;
    g->at = g_new0(const JbChartPoint **, g->ns);
    g->forecast = g_array_sized_new(FALSE, TRUE, sizeof(gboolean), g->n);
    g_array_set_size(g->forecast, g->n);
    for (guint s = 0; s < g->ns; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        g->at[s] = g_new0(const JbChartPoint *, g->n);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            guint idx = 0;
            g_ptr_array_find_with_equal_func(g->cats, p->label, g_str_equal, &idx);
            g->at[s][idx] = p;
            if (p->forecast)
                g_array_index(g->forecast, gboolean, idx) = TRUE;
        }
    }
}

static void grid_clear(Grid *g)
{
    for (guint s = 0; s < g->ns; s++)
        g_free(g->at[s]);
    g_free(g->at);
    g_ptr_array_unref(g->cats);
    g_array_unref(g->forecast);
}

/* ---- value axes ------------------------------------------------------------------------ */

/* "%.*g" without a trailing ".0", with thousands separators: tick labels of the western style. */
static char *western_number(double x)
{
    char buf[64];
    double ax = fabs(x);
    g_snprintf(buf, sizeof buf, "%.*f", ax >= 100 || ax == floor(ax) ? 0 : ax >= 10 ? 1 : 2, ax);
    if (strchr(buf, '.')) {
        char *e = buf + strlen(buf) - 1;
        while (*e == '0')
            *e-- = 0;
        if (*e == '.')
            *e = 0;
    }
    GString *s = g_string_new(x < 0 ? "-" : "");
    const char *dot = strchr(buf, '.');
    size_t int_len = dot ? (size_t)(dot - buf) : strlen(buf);
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0)
            g_string_append_c(s, ',');
        g_string_append_c(s, buf[i]);
    }
    if (dot)
        g_string_append(s, dot);
    return g_string_free(s, FALSE);
}

/* The display unit: one rule for axis, labels, report and series.csv (jb_units_display). */
static double display_unit(const JbChart *c, double max_abs, const char *unit, const char **prefix)
{
    *prefix = c->western ? jb_units_display_western(unit, max_abs) : jb_units_display(unit, max_abs);
    return pow(10, jb_units_display_exp(*prefix));
}

static char *tick_text(const JbChart *c, double v, const JbTicks *t, int decimals)
{
    if (fabs(v) < t->step * 1e-9)
        return g_strdup("0"); /* "0", not "0.0" or "-0" */
    if (c->western)
        return western_number(v);
    return g_strdup_printf("%.*f", decimals, v);
}

static void axis_init(Ctx *x, Axis *a, double lo, double hi, const char *base_unit)
{
    const char *prefix;
    a->unit = display_unit(x->c, fmax(fabs(lo), fabs(hi)), base_unit, &prefix);
    a->prefix = prefix;
    a->ticks = jb_ticks_extended(lo / a->unit, hi / a->unit, 5, TRUE);
    int decimals = jb_ticks_decimals(&a->ticks);
    a->unit_text = jb_units_axis_text(prefix, base_unit, x->c->western);
    a->labels = g_ptr_array_new_with_free_func(g_object_unref);
    a->label_w = 0;
    for (int k = 0; k < a->ticks.count; k++) {
        g_autofree char *s = tick_text(x->c, a->ticks.min + k * a->ticks.step, &a->ticks, decimals);
        PangoLayout *l = jb_chart_text(x, s, x->t->tick_size, FALSE, -1);
        a->label_w = fmax(a->label_w, jb_chart_lw(l));
        g_ptr_array_add(a->labels, l);
    }
}

static void axis_clear(Axis *a)
{
    g_free(a->unit_text);
    g_ptr_array_unref(a->labels);
}

double jb_chart_ypos(const Plot *p, const Axis *a, double v) /* v in base units */
{
    double span = a->ticks.max - a->ticks.min;
    return p->bottom - (v / a->unit - a->ticks.min) / span * (p->bottom - p->top);
}

/* ---- layout ---------------------------------------------------------------------------- */

static void plot_clear(Plot *p)
{
    axis_clear(&p->ax);
    if (p->combo)
        axis_clear(&p->rax);
    grid_clear(&p->g);
    g_free(p->bar_top);
    g_clear_pointer(&p->cats, g_ptr_array_unref);
    g_clear_pointer(&p->end_ls, g_ptr_array_unref);
    g_clear_object(&p->yuji);
    g_free(p->growth);
}

/* Value ranges: the left axis takes every series but a combo's line; stacks take their sums. */
static void value_ranges(const Plot *p, double *lo, double *hi, double *rlo, double *rhi)
{
    *lo = *hi = *rlo = *rhi = 0;
    for (guint i = 0; i < p->n; i++) {
        double pos = 0, neg = 0;
        for (guint s = 0; s < p->g.ns; s++) {
            double v = jb_chart_val(p->g.at[s][i]);
            if (isnan(v))
                continue;
            if (p->combo && s == 1) {
                *rlo = fmin(*rlo, v);
                *rhi = fmax(*rhi, v);
            } else if (p->stacked) {
                if (v >= 0)
                    pos += v;
                else
                    neg += v;
            } else {
                *lo = fmin(*lo, v);
                *hi = fmax(*hi, v);
            }
        }
        *lo = fmin(*lo, neg);
        *hi = fmax(*hi, pos);
    }
}

/* Names at the right end of several lines; returns the width they take. */
static double end_labels_layout(Ctx *x, Plot *p)
{
    p->end_ls = g_ptr_array_new_with_free_func(g_object_unref);
    if (!p->lines || p->g.ns <= 1)
        return 0;
    double ew = 0;
    for (guint s = 0; s < p->g.ns; s++) {
        const JbChartSeries *se = g_ptr_array_index(x->c->series, s);
        PangoLayout *l = jb_chart_text(x, se->label, x->t->tick_size, TRUE, (x->W - 2 * PAD) * 0.22);
        ew = fmax(ew, jb_chart_lw(l));
        g_ptr_array_add(p->end_ls, l);
    }
    return ew + 10;
}

/* Category labels: wrapped to two lines in their band, or every k-th only. Returns the
 * height they need below the plot. */
static double categories_layout(Ctx *x, Plot *p)
{
    const JbChartTheme *t = x->t;
    p->k_cat = 1;
    while (p->band * p->k_cat < 44 * x->k && p->k_cat < p->n)
        p->k_cat++;
    double cat_w = p->band * p->k_cat - 6, cat_h = 0;
    p->cats = g_ptr_array_new_with_free_func(g_object_unref);
    for (guint i = 0; i < p->n; i++) {
        /* centred under its band, but never left of the tick labels' column or off the right */
        double cx = jb_chart_cx(p, i);
        double w_i = fmin(cat_w, 2 * fmin(cx - (p->left - 4), x->W - PAD - cx));
        PangoLayout *l = jb_chart_text(x, g_ptr_array_index(p->g.cats, i), t->category_size, FALSE, w_i);
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        pango_layout_set_height(l, -2); /* two lines at most, then … */
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        double h = jb_chart_lh(l);
        if (g_array_index(p->g.forecast, gboolean, i))
            h += t->category_size * x->k * 1.4;
        if (i % p->k_cat == 0)
            cat_h = fmax(cat_h, h);
        g_ptr_array_add(p->cats, l);
    }
    p->yuji = jb_chart_text(x, "预计", t->category_size * 0.9, FALSE, -1);
    return cat_h;
}

/* Header, legend, footer, axes and the plot area; FALSE when the canvas leaves no room. */
static gboolean plot_layout(Ctx *x, Plot *p, GError **error)
{
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    double y = jb_chart_header(x);
    g_autofree gboolean *as_line = g_new0(gboolean, p->g.ns);
    for (guint s = 0; s < p->g.ns; s++)
        as_line[s] = p->lines || (p->combo && s == 1);
    if (p->g.ns > 1 && !p->lines)
        y = jb_chart_legend(x, y, as_line);
    double bottom = jb_chart_footer(x);

    double lo, hi, rlo, rhi;
    value_ranges(p, &lo, &hi, &rlo, &rhi);
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    axis_init(x, &p->ax, lo, hi, s0->unit);
    if (p->combo)
        axis_init(x, &p->rax, rlo, rhi, ((JbChartSeries *)g_ptr_array_index(c->series, 1))->unit);

    g_autoptr(PangoLayout) unit_l = jb_chart_text(x, p->ax.unit_text, t->tick_size, FALSE, -1);
    double uh = jb_chart_lh(unit_l);
    p->left = PAD + fmax(p->ax.label_w, jb_chart_lw(unit_l)) + 10;
    p->right = x->W - PAD;
    g_autoptr(PangoLayout) runit_l =
        p->combo ? jb_chart_text(x, p->rax.unit_text, t->tick_size, FALSE, -1) : NULL;
    if (p->combo)
        p->right -= fmax(p->rax.label_w, jb_chart_lw(runit_l)) + 10;
    p->right -= end_labels_layout(x, p);

    p->band = (p->right - p->left) / (p->n ? p->n : 1);
    double cat_h = categories_layout(x, p);
    p->vsz = t->value_size * x->k;
    p->neg_room = lo < 0 ? p->vsz * 1.6 : 0;
    p->bottom = bottom - cat_h - 8 - p->neg_room;
    jb_chart_put(x, unit_l, PAD, y, x->muted);
    if (p->combo)
        jb_chart_put(x, runit_l, x->W - PAD - jb_chart_lw(runit_l), y, x->muted);
    p->growth = p->nbars == 1 && !p->combo && !p->stacked ? jb_chart_growth_text(c, &p->g) : NULL;
    p->top = y + uh + p->vsz * 1.6 + (p->growth ? p->vsz * 2.2 : 0);
    if (p->bottom - p->top < 40) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W, x->H);
        return FALSE;
    }
    return TRUE;
}

/* Gridlines and tick labels of the left axis, tick labels of the right one. */
static void plot_grid(Ctx *x, Plot *p)
{
    const JbChartTheme *t = x->t;
    const Axis *ax = &p->ax;
    cairo_set_line_width(x->cr, 1);
    for (int k = 0; k < ax->ticks.count; k++) {
        double v = ax->ticks.min + k * ax->ticks.step;
        double yy = round(jb_chart_ypos(p, ax, v * ax->unit)) + 0.5;
        gboolean zero = fabs(v) < ax->ticks.step * 1e-9;
        if (t->gridlines || zero) {
            jb_set_color(x->cr, jb_color_hex(zero ? t->axis : t->grid));
            cairo_move_to(x->cr, p->left, yy);
            cairo_line_to(x->cr, p->right, yy);
            cairo_stroke(x->cr);
        }
        PangoLayout *l = g_ptr_array_index(ax->labels, k);
        jb_chart_put(x, l, p->left - 10 - jb_chart_lw(l), yy - jb_chart_lh(l) / 2, x->muted);
    }
    if (!p->combo)
        return;
    const Axis *rax = &p->rax;
    for (int k = 0; k < rax->ticks.count; k++) {
        double v = rax->ticks.min + k * rax->ticks.step;
        double span = rax->ticks.max - rax->ticks.min;
        double yy = p->bottom - (v - rax->ticks.min) / span * (p->bottom - p->top);
        PangoLayout *l = g_ptr_array_index(rax->labels, k);
        jb_chart_put(x, l, p->right + 10, yy - jb_chart_lh(l) / 2, x->muted);
    }
}

/* Category labels (before data labels: they are never dropped), 预计 under forecasts. */
static void plot_categories(Ctx *x, Plot *p)
{
    for (guint i = 0; i < p->n; i += p->k_cat) {
        double cx = jb_chart_cx(p, i);
        PangoLayout *cat = g_ptr_array_index(p->cats, i);
        double cat_x = cx - pango_layout_get_width(cat) / (2.0 * PANGO_SCALE);
        double y = p->bottom + p->neg_room + 8;
        jb_chart_put(x, cat, cat_x, y, x->ink);
        if (g_array_index(p->g.forecast, gboolean, i))
            jb_chart_put(x, p->yuji, cx - jb_chart_lw(p->yuji) / 2, y + 2 + jb_chart_lh(cat), x->muted);
    }
}

gboolean jb_chart_draw_cartesian(Ctx *x, GError **error)
{
    JbChart *c = x->c;
    Plot p = {0};
    grid_init(&p.g, c);
    p.combo = c->kind == JB_CHART_COMBO;
    p.stacked = c->kind == JB_CHART_STACKED;
    p.lines = c->kind == JB_CHART_LINE || c->kind == JB_CHART_AREA;
    /* a bar chart of several metrics sets them side by side, as grouped does */
    gboolean side_by_side = c->kind == JB_CHART_GROUPED || (c->kind == JB_CHART_BAR && p.g.ns > 1);
    p.nbars = p.combo ? 1 : side_by_side ? p.g.ns : p.lines ? 0 : 1;
    p.n = p.g.n;
    gboolean ok = plot_layout(x, &p, error);
    if (ok) {
        plot_grid(x, &p);
        jb_chart_bars_marks(x, &p);
        jb_chart_lines_marks(x, &p);
        plot_categories(x, &p);
        jb_chart_lines_end_labels(x, &p);
        jb_chart_bars_labels(x, &p);
        jb_chart_lines_labels(x, &p);
        jb_chart_bars_growth(x, &p);
    }
    plot_clear(&p);
    return ok;
}
