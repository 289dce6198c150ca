/* Cartesian charts (bar, grouped, stacked, line, area, combo): the categories, the value
 * axes with their display unit and ticks, the plot area, gridlines and category labels; the
 * bars (jb_chart_bars.c) and lines (jb_chart_lines.c) draw their marks and labels in it.
 * Order matters: marks first, then the text that is never dropped (category and end labels),
 * then data labels, each placed only where it touches nothing drawn before it. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

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
    *prefix = c->western ? jb_units_display_western(unit, max_abs)
                         : jb_units_display(unit, max_abs);
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

/* An axis for values in [lo, hi]; `room` > 1 leaves headroom above them (a combo's bars
 * keep below its line). */
static void axis_init(Ctx *x, Axis *a, double lo, double hi, double room, int m,
                      const char *base_unit)
{
    const char *prefix;
    a->unit = display_unit(x->c, fmax(fabs(lo), fabs(hi)), base_unit, &prefix);
    a->prefix = prefix;
    a->ticks = jb_ticks_extended(lo / a->unit, (hi > 0 ? hi * room : hi) / a->unit, m, TRUE);
    a->lo_frac = 0;
    a->hi_frac = 1;
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
    double f = a->lo_frac + (v / a->unit - a->ticks.min) / span * (a->hi_frac - a->lo_frac);
    return p->bottom - f * (p->bottom - p->top);
}

/* ---- layout ---------------------------------------------------------------------------- */

static void plot_clear(Plot *p)
{
    axis_clear(&p->ax);
    if (p->combo)
        axis_clear(&p->rax);
    g_free(p->bar_top);
    g_clear_pointer(&p->bars, g_array_unref);
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
        for (guint s = 0; s < p->g->ns; s++) {
            const JbChartPoint *pt = p->g->at[s][i];
            if (!pt)
                continue;
            double v = jb_chart_val(pt), a, b; /* a range spans from its low to its high end */
            jb_chart_val_range(pt, &a, &b);
            if (p->combo && s == 1) {
                *rlo = fmin(*rlo, a);
                *rhi = fmax(*rhi, b);
            } else if (p->stacked) {
                if (v >= 0)
                    pos += v;
                else
                    neg += v;
            } else {
                *lo = fmin(*lo, a);
                *hi = fmax(*hi, b);
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
    if (!p->lines || p->g->ns <= 1)
        return 0;
    double ew = 0;
    for (guint s = 0; s < p->g->ns; s++) {
        const JbChartSeries *se = g_ptr_array_index(x->c->series, s);
        PangoLayout *l = jb_chart_text(x, se->label, x->t->tick_size, TRUE,
                                       (x->W - 2 * x->pad) * 0.22);
        ew = fmax(ew, jb_chart_lw(l));
        g_ptr_array_add(p->end_ls, l);
    }
    return ew + 10;
}

static void unref0(gpointer o)
{
    if (o)
        g_object_unref(o);
}

/* Is category i labelled, every k-th: on a time axis, every k-th of the calendar (January,
 * April, July, October for k = 3). */
static gboolean labelled(const Plot *p, guint i)
{
    return p->g->phase ? p->g->phase[i] % p->k_cat == 0 : i % p->k_cat == 0;
}

/* The steps a time axis thins its labels by, per unit: calendar-friendly. */
static guint next_k(const Grid *g, guint k)
{
    /* (each a whole number of the unit's years, or dividing one: see labelled) */
    static const guint years[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0};
    static const guint months[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 0};
    static const guint halves_quarters[] = {1, 2, 4, 8, 20, 40, 80, 0};
    static const guint days[] = {1, 2, 7, 14, 28, 91, 182, 364, 728, 1820, 0};
    const guint *steps = g->unit == JB_POINT_YEAR    ? years
                         : g->unit == JB_POINT_MONTH ? months
                         : g->unit == JB_POINT_DAY   ? days
                                                     : halves_quarters;
    for (guint i = 0; steps[i]; i++) /* (halves_quarters had 7 steps and 9 were read) */
        if (steps[i] > k)
            return steps[i];
    return k * 2;
}

/* Category labels. On a time axis: never wrapped, every k-th of the calendar so the widest
 * fits, the year on the first shown and where it changes. Names: wrapped to two lines in
 * their band, or every k-th only. Returns the height they need below the plot. */
static double categories_layout(Ctx *x, Plot *p)
{
    const JbChartTheme *t = x->t;
    const Grid *g = p->g;
    p->k_cat = 1;
    if (g->time) {
        double widest = 0;
        for (guint i = 0; i < p->n; i++) {
            g_autoptr(PangoLayout) l = jb_chart_text(x, g_ptr_array_index(g->cats_year, i),
                                                     t->category_size, FALSE, -1);
            widest = fmax(widest, jb_chart_lw(l));
        }
        while (p->band * p->k_cat < widest + 8 && p->k_cat < p->n)
            p->k_cat = next_k(g, p->k_cat);
    } else {
        while (p->band * p->k_cat < 44 * x->k && p->k_cat < p->n)
            p->k_cat++;
    }
    double cat_w = p->band * p->k_cat - 6, cat_h = 0;
    int last_year = 0;
    p->cats = g_ptr_array_new_with_free_func(unref0);
    for (guint i = 0; i < p->n; i++) {
        if (!labelled(p, i)) {
            g_ptr_array_add(p->cats, NULL);
            continue;
        }
        PangoLayout *l;
        if (g->time) {
            gboolean year = g->year[i] != last_year;
            last_year = g->year[i];
            l = jb_chart_text(x, g_ptr_array_index(year ? g->cats_year : g->cats, i),
                              t->category_size, FALSE, -1);
        } else {
            /* centred under its band, but never under the tick labels or off the canvas */
            double cx = jb_chart_cx(p, i);
            double w_i = fmin(cat_w, 2 * fmin(cx - (p->left - 4), x->W - x->pad - cx));
            l = jb_chart_text(x, g_ptr_array_index(g->cats, i), t->category_size, FALSE, w_i);
            pango_layout_set_height(l, -2); /* two lines at most, then … */
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        }
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        double h = jb_chart_lh(l);
        if (g_array_index(g->forecast, gboolean, i))
            h += t->category_size * x->k * 1.4;
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
    g_autofree gboolean *as_line = g_new0(gboolean, p->g->ns);
    for (guint s = 0; s < p->g->ns; s++)
        as_line[s] = p->lines || (p->combo && s == 1);
    if (p->g->ns > 1 && !p->lines)
        y = jb_chart_legend(x, y, as_line);
    double bottom = jb_chart_footer(x);

    double lo, hi, rlo, rhi;
    value_ranges(p, &lo, &hi, &rlo, &rhi);
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    /* a combo keeps its bars in the lower three fifths and its line in the upper third, so
     * the line's labels never sit on a bar */
    axis_init(x, &p->ax, lo, hi, p->combo ? 1.65 : 1, 5, s0->unit);
    if (p->combo) {
        axis_init(x, &p->rax, rlo, rhi, 1, 4,
                  ((JbChartSeries *)g_ptr_array_index(c->series, 1))->unit);
        p->rax.lo_frac = 0.66;
    }

    g_autoptr(PangoLayout) unit_l = jb_chart_text(x, p->ax.unit_text, t->tick_size, FALSE, -1);
    double uh = jb_chart_lh(unit_l);
    p->left = x->pad + fmax(p->ax.label_w, jb_chart_lw(unit_l)) + 10;
    p->right = x->W - x->pad;
    g_autoptr(PangoLayout)
        runit_l = p->combo ? jb_chart_text(x, p->rax.unit_text, t->tick_size, FALSE, -1) : NULL;
    if (p->combo)
        p->right -= fmax(p->rax.label_w, jb_chart_lw(runit_l)) + 10;
    p->right -= end_labels_layout(x, p);

    p->band = (p->right - p->left) / (p->n ? p->n : 1);
    double cat_h = categories_layout(x, p);
    p->vsz = t->value_size * x->k;
    p->neg_room = lo < 0 ? p->vsz * 1.6 : 0;
    p->bottom = bottom - cat_h - 8 * x->k - p->neg_room;
    jb_chart_put(x, unit_l, x->pad, y, x->muted);
    if (p->combo)
        jb_chart_put(x, runit_l, x->W - x->pad - jb_chart_lw(runit_l), y, x->muted);
    p->growth = p->nbars == 1 && !p->combo && !p->stacked ? jb_chart_growth_text(c, p->g) : NULL;
    p->top = y + uh + p->vsz * 1.6 + (p->growth ? p->vsz * 2.2 : 0);
    if (p->bottom - p->top < 40) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W,
                    x->H);
        return FALSE;
    }
    /* a short plot (a chart on an A4 page) gets fewer ticks: at least two label heights apart */
    double th = jb_chart_lh(g_ptr_array_index(p->ax.labels, 0)), height = p->bottom - p->top;
    for (int m = 4; m >= 2 && height / MAX(p->ax.ticks.count - 1, 1) < 2 * th; m--) {
        axis_clear(&p->ax);
        axis_init(x, &p->ax, lo, hi, p->combo ? 1.65 : 1, m, s0->unit);
    }
    /* the combo's right axis spans the top third: fewer ticks rather than labels dropped
     * unevenly (-2 4 10 of ticks -2 0 2 … 14) */
    const char *runit = p->combo ? ((JbChartSeries *)g_ptr_array_index(c->series, 1))->unit : NULL;
    double rband = height * (p->rax.hi_frac - p->rax.lo_frac);
    for (int m = 3; p->combo && m >= 2 && rband / MAX(p->rax.ticks.count - 1, 1) < 1.6 * th; m--) {
        axis_clear(&p->rax);
        axis_init(x, &p->rax, rlo, rhi, 1, m, runit);
        p->rax.lo_frac = 0.66;
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
    /* the right axis spans a third of the plot: when its labels do not fit every tick, every
     * 2nd (4th, 5th, 10th) one is labelled, on multiples of that, so 0 keeps its label */
    double gap = fabs(jb_chart_ypos(p, rax, rax->ticks.step * rax->unit) -
                      jb_chart_ypos(p, rax, 0));
    double lh = jb_chart_lh(g_ptr_array_index(rax->labels, 0));
    static const int every[] = {1, 2, 4, 5, 10};
    int e = 0;
    while (e + 1 < (int)G_N_ELEMENTS(every) && gap * every[e] < 1.1 * lh)
        e++;
    for (int k = 0; k < rax->ticks.count; k++) {
        double v = rax->ticks.min + k * rax->ticks.step;
        long long nth = llround(v / rax->ticks.step);
        if (nth % every[e] != 0)
            continue;
        double yy = jb_chart_ypos(p, rax, v * rax->unit);
        PangoLayout *l = g_ptr_array_index(rax->labels, k);
        jb_chart_try_put(x, l, p->right + 10, yy - jb_chart_lh(l) / 2, x->muted);
    }
}

/* Category labels (before data labels: they are never dropped), 预计 under forecasts. */
static void plot_categories(Ctx *x, Plot *p)
{
    for (guint i = 0; i < p->n; i++) {
        double cx = jb_chart_cx(p, i);
        PangoLayout *cat = g_ptr_array_index(p->cats, i);
        if (!cat || !*pango_layout_get_text(cat))
            continue; /* not labelled, or a slot between cumulative figures */
        double w = pango_layout_get_width(cat) > 0
                       ? pango_layout_get_width(cat) / (double)PANGO_SCALE
                       : jb_chart_lw(cat);
        /* right of the tick labels' column, on the canvas */
        double cat_x = fmin(fmax(cx - w / 2, p->left - 4), x->W - x->pad - w);
        double y = p->bottom + p->neg_room + 8 * x->k;
        jb_chart_put(x, cat, cat_x, y, x->ink);
        if (g_array_index(p->g->forecast, gboolean, i))
            jb_chart_put(x, p->yuji, cx - jb_chart_lw(p->yuji) / 2, y + 2 + jb_chart_lh(cat),
                         x->muted);
    }
}

gboolean jb_chart_draw_cartesian(Ctx *x, GError **error)
{
    JbChart *c = x->c;
    Plot p = {0};
    p.g = c->grid;
    p.combo = c->kind == JB_CHART_COMBO;
    p.stacked = c->kind == JB_CHART_STACKED;
    p.lines = c->kind == JB_CHART_LINE || c->kind == JB_CHART_AREA;
    /* a bar chart of several metrics sets them side by side, as grouped does */
    gboolean side_by_side = c->kind == JB_CHART_GROUPED || (c->kind == JB_CHART_BAR && p.g->ns > 1);
    p.nbars = p.combo ? 1 : side_by_side ? p.g->ns : p.lines ? 0 : 1;
    p.n = p.g->n;
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
