/* Drawing charts: layout from the outside in (title, legend, source line, axis labels),
 * then the plot in what is left. Every piece of text goes through put(), which records its
 * box in c->boxes; labels that may be dropped (data labels) go through try_put(), which
 * refuses a box that would overlap another or leave the canvas. So no text is ever placed
 * over other text or off the canvas, and tests can check it. */
#include "jb_chart.h"

#include "jb_common.h"
#include "jb_draw.h"
#include "jb_fonts.h"
#include "jb_ticks.h"
#include "jb_units.h"

#include <math.h>
#include <string.h>

#define PAD 28.0

typedef struct {
    JbChart *c;
    cairo_t *cr;
    PangoContext *pango;
    const JbChartTheme *t;
    double W, H, k; /* canvas in points; k scales the theme's font sizes */
    JbColor ink, muted;
    GArray *obstacles; /* JbChartBox without text: markers that line labels must not cover */
    gboolean over_marks; /* bar labels may cover markers (they come first) */
} Ctx;

/* ---- numbers ------------------------------------------------------------------------- */

char *jb_chart_value_label(JbDecimal v, const char *unit, JbBound bound)
{
    JbFigure f = jb_figure_of(v, bound);
    return jb_units_label(&f, unit, 0);
}

char *jb_chart_value_label_western(JbDecimal v, const char *unit, JbBound bound)
{
    JbFigure f = jb_figure_of(v, bound);
    return jb_units_label(&f, unit, JB_LABEL_WESTERN);
}

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

/* A sum of values as a decimal again (for labels only): 15 significant digits. */
static JbDecimal jb_decimal_from_double(double v)
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

static char *value_text(const JbChart *c, const JbChartPoint *p, const char *unit)
{
    JbFigure f = jb_figure_of(p->value, p->bound);
    return jb_units_label(&f, unit, c->western ? JB_LABEL_WESTERN : 0);
}

/* A label that must carry its unit (no axis states it): 6.9万亿元, not 6.9万亿. */
static char *value_text_full(const JbChart *c, const JbChartPoint *p, const char *unit)
{
    JbFigure f = jb_figure_of(p->value, p->bound);
    return jb_units_label(&f, unit, c->western ? JB_LABEL_WESTERN : JB_LABEL_FULL_UNIT);
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

/* ---- text ---------------------------------------------------------------------------- */

static PangoLayout *text_new(Ctx *x, const char *s, double size, gboolean bold, double width)
{
    return jb_layout_new(x->pango, s, FALSE, size * x->k, bold && x->t->bold, width);
}

/* The logical box of a layout drawn at (px, py), in points (exact, not rounded to pixels). */
static void logical_box(PangoLayout *l, double px, double py, double *bx, double *by, double *bw,
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
    logical_box(l, px, py, &b.x, &b.y, &b.w, &b.h);
    b.text = g_strdup(pango_layout_get_text(l));
    g_array_append_val(x->c->boxes, b);
}

static void put(Ctx *x, PangoLayout *l, double px, double py, JbColor color)
{
    record(x, l, px, py);
    jb_layout_draw(x->cr, l, px, py, color);
}

static gboolean box_free_at(Ctx *x, double px, double py, double w, double h)
{
    const double eps = 0.01;
    if (px < -eps || py < -eps || px + w > x->W + eps || py + h > x->H + eps)
        return FALSE;
    for (int pass = 0; pass < (x->over_marks ? 1 : 2); pass++) {
        GArray *boxes = pass ? x->obstacles : x->c->boxes;
        for (guint i = 0; i < boxes->len; i++) {
            const JbChartBox *b = &g_array_index(boxes, JbChartBox, i);
            if (px < b->x + b->w - eps && b->x < px + w - eps && py < b->y + b->h - eps &&
                b->y < py + h - eps)
                return FALSE;
        }
    }
    return TRUE;
}

/* Place a droppable label: FALSE (nothing drawn) when it would collide or leave the canvas. */
static gboolean try_put(Ctx *x, PangoLayout *l, double px, double py, JbColor color)
{
    double bx, by, bw, bh;
    logical_box(l, px, py, &bx, &by, &bw, &bh);
    if (!box_free_at(x, bx, by, bw, bh))
        return FALSE;
    put(x, l, px, py, color);
    return TRUE;
}

static double lw_of(PangoLayout *l)
{
    double w;
    jb_layout_size(l, &w, NULL);
    return w;
}

static double lh_of(PangoLayout *l)
{
    double h;
    jb_layout_size(l, NULL, &h);
    return h;
}

static JbColor series_color(const Ctx *x, guint i)
{
    return jb_color_hex(x->t->palette[i % (guint)MAX(x->t->n_palette, 1)]);
}

static JbColor lighter(JbColor c, double amount) /* towards white, stays opaque */
{
    return (JbColor){c.r + (1 - c.r) * amount, c.g + (1 - c.g) * amount, c.b + (1 - c.b) * amount, c.a};
}

/* ---- data ---------------------------------------------------------------------------- */

typedef struct {
    GPtrArray *cats;         /* char* labels, borrowed from points */
    GArray *forecast;        /* gboolean per category: any series forecasts it */
    const JbChartPoint ***at; /* at[s][i]: series s at category i, or NULL */
    guint ns, n;
} Grid;

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

static double val(const JbChartPoint *p)
{
    return p ? jb_decimal_to_double(p->value) : NAN;
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
        g_ptr_array_add(c->warnings, g_strdup_printf("chart '%s': no glyph for '%s'",
                                                     c->metric_id, missing));
        return TRUE;
    }
    g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                "chart '%s': no font has a glyph for '%s' (--allow-missing-glyphs to draw anyway)",
                c->metric_id, missing);
    return FALSE;
}

/* ---- frame: header, legend, footer ----------------------------------------------------- */

/* Title and subtitle from the top; returns the y below them. */
static double draw_header(Ctx *x)
{
    const double inner = x->W - 2 * PAD;
    double y = PAD;
    g_autoptr(PangoLayout) title = text_new(x, x->c->title, x->t->title_size, TRUE, inner);
    put(x, title, PAD, y, x->ink);
    y += lh_of(title) + 4;
    if (x->c->subtitle && *x->c->subtitle) {
        g_autoptr(PangoLayout) sub = text_new(x, x->c->subtitle, x->t->subtitle_size, FALSE, inner);
        put(x, sub, PAD, y, x->muted);
        y += lh_of(sub);
    }
    return y + 14;
}

/* The source line at the bottom; returns the y above it. */
static double draw_footer(Ctx *x)
{
    double bottom = x->H - PAD;
    if (x->c->source && *x->c->source) {
        g_autoptr(PangoLayout) src =
            text_new(x, x->c->source, x->t->source_size, FALSE, x->W - 2 * PAD);
        double sh = lh_of(src);
        put(x, src, PAD, x->H - PAD - sh, x->muted);
        bottom -= sh + 12;
    }
    return bottom;
}

/* A legend row (swatch and label per series), wrapping; returns the y below it. */
static double draw_legend(Ctx *x, double y, const gboolean *as_line)
{
    const JbChart *c = x->c;
    double lx = PAD, row_h = 0, size = x->t->tick_size * 1.1;
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        g_autoptr(PangoLayout) l = text_new(x, se->label, size, FALSE, x->W - 2 * PAD - 20);
        double w = lw_of(l), h = lh_of(l);
        if (lx > PAD && lx + 18 + w > x->W - PAD) {
            lx = PAD;
            y += row_h + 4;
            row_h = 0;
        }
        jb_set_color(x->cr, series_color(x, s));
        if (as_line && as_line[s]) {
            cairo_set_line_width(x->cr, 2.5);
            cairo_move_to(x->cr, lx, y + h / 2);
            cairo_line_to(x->cr, lx + 14, y + h / 2);
            cairo_stroke(x->cr);
        } else {
            cairo_rectangle(x->cr, lx + 2, y + h / 2 - 5, 10, 10);
            cairo_fill(x->cr);
        }
        put(x, l, lx + 18, y, x->ink);
        lx += 18 + w + 16;
        row_h = fmax(row_h, h);
    }
    return y + row_h + 10;
}

/* ---- cartesian charts ---------------------------------------------------------------- */

typedef struct {
    JbTicks ticks;
    double unit; /* display unit divisor */
    const char *prefix;
    char *unit_text; /* "亿元" */
    GPtrArray *labels; /* PangoLayout* per tick */
    double label_w;
} Axis;

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
        PangoLayout *l = text_new(x, s, x->t->tick_size, FALSE, -1);
        a->label_w = fmax(a->label_w, lw_of(l));
        g_ptr_array_add(a->labels, l);
    }
}

static void axis_clear(Axis *a)
{
    g_free(a->unit_text);
    g_ptr_array_unref(a->labels);
}

typedef struct {
    double left, right, top, bottom;
    const Axis *a;
} Plot;

static double ypos(const Plot *p, const Axis *a, double v) /* v in base units */
{
    double span = a->ticks.max - a->ticks.min;
    return p->bottom - (v / a->unit - a->ticks.min) / span * (p->bottom - p->top);
}

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

static void draw_bar(Ctx *x, double bx, double top, double bw, double h, JbColor color,
                     gboolean forecast)
{
    if (!forecast) {
        jb_set_color(x->cr, color);
        cairo_rectangle(x->cr, bx, top, bw, h);
        cairo_fill(x->cr);
        return;
    }
    /* a forecast: lighter fill (hatched with theme hatch = true), dashed outline */
    jb_set_color(x->cr, lighter(color, x->t->hatch ? 0.82 : 0.7));
    cairo_rectangle(x->cr, bx, top, bw, h);
    cairo_fill(x->cr);
    if (x->t->hatch)
        hatch(x->cr, bx, top, bw, h, lighter(color, 0.45));
    double dash[] = {4, 3};
    cairo_save(x->cr);
    cairo_set_dash(x->cr, dash, 2, 0);
    jb_set_color(x->cr, color);
    cairo_set_line_width(x->cr, 1.5);
    cairo_rectangle(x->cr, bx + 0.75, top + 0.75, bw - 1.5, fmax(h - 1.5, 0));
    cairo_stroke(x->cr);
    cairo_restore(x->cr);
}

static char *growth_text(const JbChart *c, const Grid *g)
{
    if (!c->growth || strcmp(c->growth, "none") == 0 || g->n < 2)
        return NULL;
    if (strcmp(c->growth, "auto") != 0)
        return g_strdup(c->growth);
    const JbChartPoint *a = g->at[0][0], *b = g->at[0][g->n - 1];
    if (!a || !b)
        return NULL;
    JbFigure fa = jb_figure_of(a->value, a->bound), fb = jb_figure_of(b->value, b->bound);
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    JbChange ch = jb_units_change(&fa, &fb, s0->unit);
    return jb_units_change_mark(&ch);
}

static gboolean draw_cartesian(Ctx *x, GError **error)
{
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    Grid g;
    grid_init(&g, c);
    const gboolean combo = c->kind == JB_CHART_COMBO, stacked = c->kind == JB_CHART_STACKED;
    const gboolean lines = c->kind == JB_CHART_LINE || c->kind == JB_CHART_AREA;
    const guint nbars = combo ? 1 : c->kind == JB_CHART_GROUPED ? g.ns : lines ? 0 : 1;
    const guint n = g.n;
    gboolean ok = FALSE;
    g_autofree double *bar_top = NULL; /* declared before the goto below */

    double y = draw_header(x);
    gboolean as_line[16] = {FALSE};
    for (guint s = 0; s < g.ns && s < 16; s++)
        as_line[s] = lines || (combo && s == 1);
    if (g.ns > 1 && !lines)
        y = draw_legend(x, y, as_line);
    double bottom = draw_footer(x);

    /* value ranges: the left axis takes every series but a combo's line */
    double lo = 0, hi = 0, rlo = 0, rhi = 0;
    for (guint i = 0; i < n; i++) {
        double pos = 0, neg = 0;
        for (guint s = 0; s < g.ns; s++) {
            double v = val(g.at[s][i]);
            if (isnan(v))
                continue;
            if (combo && s == 1) {
                rlo = fmin(rlo, v);
                rhi = fmax(rhi, v);
            } else if (stacked) {
                if (v >= 0)
                    pos += v;
                else
                    neg += v;
            } else {
                lo = fmin(lo, v);
                hi = fmax(hi, v);
            }
        }
        lo = fmin(lo, neg);
        hi = fmax(hi, pos);
    }
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    Axis ax, rax = {0};
    axis_init(x, &ax, lo, hi, s0->unit);
    if (combo)
        axis_init(x, &rax, rlo, rhi, ((JbChartSeries *)g_ptr_array_index(c->series, 1))->unit);

    g_autoptr(PangoLayout) unit_l = text_new(x, ax.unit_text, t->tick_size, FALSE, -1);
    double uh = lh_of(unit_l);
    double plot_left = PAD + fmax(ax.label_w, lw_of(unit_l)) + 10, plot_right = x->W - PAD;
    g_autoptr(PangoLayout) runit_l = combo ? text_new(x, rax.unit_text, t->tick_size, FALSE, -1) : NULL;
    if (combo)
        plot_right -= fmax(rax.label_w, lw_of(runit_l)) + 10;
    /* direct labels at the right end of lines */
    g_autoptr(GPtrArray) end_ls = g_ptr_array_new_with_free_func(g_object_unref);
    if (lines && g.ns > 1) {
        double ew = 0;
        for (guint s = 0; s < g.ns; s++) {
            const JbChartSeries *se = g_ptr_array_index(c->series, s);
            PangoLayout *l = text_new(x, se->label, t->tick_size, TRUE, (x->W - 2 * PAD) * 0.22);
            ew = fmax(ew, lw_of(l));
            g_ptr_array_add(end_ls, l);
        }
        plot_right -= ew + 10;
    }

    /* category labels: wrapped to two lines in their band, or every k-th only */
    double band = (plot_right - plot_left) / (n ? n : 1);
    guint k_cat = 1;
    while (band * k_cat < 44 * x->k && k_cat < n)
        k_cat++;
    double cat_w = band * k_cat - 6, cat_h = 0;
    g_autoptr(GPtrArray) cats = g_ptr_array_new_with_free_func(g_object_unref);
    for (guint i = 0; i < n; i++) {
        /* centred under its band, but never left of the tick labels' column or off the right */
        double cx = plot_left + band * (i + 0.5);
        double w_i = fmin(cat_w, 2 * fmin(cx - (plot_left - 4), x->W - PAD - cx));
        PangoLayout *l = text_new(x, g_ptr_array_index(g.cats, i), t->category_size, FALSE, w_i);
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        pango_layout_set_height(l, -2); /* two lines at most, then … */
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        double h = lh_of(l);
        if (g_array_index(g.forecast, gboolean, i))
            h += t->category_size * x->k * 1.4;
        if (i % k_cat == 0)
            cat_h = fmax(cat_h, h);
        g_ptr_array_add(cats, l);
    }
    g_autoptr(PangoLayout) yuji = text_new(x, "预计", t->category_size * 0.9, FALSE, -1);
    double vsz = t->value_size * x->k;
    double neg_room = lo < 0 ? vsz * 1.6 : 0;
    double plot_bottom = bottom - cat_h - 8 - neg_room;
    put(x, unit_l, PAD, y, x->muted);
    if (combo)
        put(x, runit_l, x->W - PAD - lw_of(runit_l), y, x->muted);
    g_autofree char *growth = nbars == 1 && !combo && !stacked ? growth_text(c, &g) : NULL;
    double plot_top = y + uh + vsz * 1.6 + (growth ? vsz * 2.2 : 0);
    if (plot_bottom - plot_top < 40) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W, x->H);
        goto done;
    }
    Plot pl = {plot_left, plot_right, plot_top, plot_bottom, &ax};

    /* gridlines and tick labels */
    cairo_set_line_width(x->cr, 1);
    for (int k = 0; k < ax.ticks.count; k++) {
        double v = ax.ticks.min + k * ax.ticks.step, yy = round(ypos(&pl, &ax, v * ax.unit)) + 0.5;
        gboolean zero = fabs(v) < ax.ticks.step * 1e-9;
        if (t->gridlines || zero) {
            jb_set_color(x->cr, jb_color_hex(zero ? t->axis : t->grid));
            cairo_move_to(x->cr, plot_left, yy);
            cairo_line_to(x->cr, plot_right, yy);
            cairo_stroke(x->cr);
        }
        PangoLayout *l = g_ptr_array_index(ax.labels, k);
        put(x, l, plot_left - 10 - lw_of(l), yy - lh_of(l) / 2, x->muted);
    }
    if (combo)
        for (int k = 0; k < rax.ticks.count; k++) {
            double v = rax.ticks.min + k * rax.ticks.step;
            double span = rax.ticks.max - rax.ticks.min;
            double yy = plot_bottom - (v - rax.ticks.min) / span * (plot_bottom - plot_top);
            PangoLayout *l = g_ptr_array_index(rax.labels, k);
            put(x, l, plot_right + 10, yy - lh_of(l) / 2, x->muted);
        }

    /* bars */
    double group_w = fmin(band * (nbars > 1 ? 0.8 : 0.56), nbars > 1 ? 60.0 * nbars : 110);
    double bw = nbars ? group_w / nbars : 0;
    double y0 = ypos(&pl, &ax, 0 > ax.ticks.min * ax.unit ? 0 : ax.ticks.min * ax.unit);
    bar_top = g_new0(double, n ? n : 1);
    for (guint i = 0; i < n; i++) {
        double cx = plot_left + band * (i + 0.5), pos = y0, neg = y0;
        bar_top[i] = y0;
        for (guint s = 0; s < g.ns && nbars; s++) {
            if (combo && s == 1)
                continue;
            const JbChartPoint *p = g.at[s][i];
            if (!p)
                continue;
            double v = val(p), yv;
            double bx = cx - group_w / 2 + (c->kind == JB_CHART_GROUPED ? s * bw : 0);
            double top, h;
            if (stacked) {
                double hh = fabs(ypos(&pl, &ax, fabs(v)) - ypos(&pl, &ax, 0));
                top = v >= 0 ? pos - hh : neg;
                h = hh;
                if (v >= 0)
                    pos -= hh;
                else
                    neg += hh;
            } else {
                yv = ypos(&pl, &ax, v);
                top = fmin(y0, yv);
                h = fabs(yv - y0);
            }
            draw_bar(x, bx, top, c->kind == JB_CHART_GROUPED ? bw - 2 : bw, h, series_color(x, s),
                     p->forecast);
            bar_top[i] = fmin(bar_top[i], top);
        }
    }

    /* lines (line, area, the combo's second series): areas first, then every line on top */
    for (guint s2 = 0; s2 < 2 * g.ns; s2++) {
        guint s = s2 % g.ns;
        gboolean area_pass = s2 < g.ns;
        if (!(lines || (combo && s == 1)) || (area_pass && c->kind != JB_CHART_AREA))
            continue;
        const Axis *a = combo ? &rax : &ax;
        double span = a->ticks.max - a->ticks.min;
#define LY(v) (plot_bottom - ((v) / a->unit - a->ticks.min) / span * (plot_bottom - plot_top))
        JbColor col = series_color(x, s);
        if (area_pass) {
            JbColor fill = col;
            fill.a = g.ns > 1 ? 0.18 : 0.25;
            jb_set_color(x->cr, fill);
            gboolean started = FALSE;
            double first_x = 0, last_x = 0;
            for (guint i = 0; i < n; i++) {
                if (!g.at[s][i])
                    continue;
                double px = plot_left + band * (i + 0.5), py = LY(val(g.at[s][i]));
                if (!started) {
                    cairo_move_to(x->cr, px, y0);
                    first_x = px;
                    started = TRUE;
                }
                cairo_line_to(x->cr, px, py);
                last_x = px;
            }
            (void)first_x;
            if (started) {
                cairo_line_to(x->cr, last_x, y0);
                cairo_close_path(x->cr);
                cairo_fill(x->cr);
            }
            continue;
        }
        cairo_set_line_width(x->cr, 2.5 * x->k);
        cairo_set_line_join(x->cr, CAIRO_LINE_JOIN_ROUND);
        jb_set_color(x->cr, col);
        double px0 = 0, py0 = 0;
        gboolean have = FALSE;
        for (guint i = 0; i < n; i++) {
            const JbChartPoint *p = g.at[s][i];
            if (!p)
                continue;
            double px = plot_left + band * (i + 0.5), py = LY(val(p));
            if (have) {
                double dash[] = {6, 4};
                cairo_set_dash(x->cr, dash, p->forecast ? 2 : 0, 0);
                cairo_move_to(x->cr, px0, py0);
                cairo_line_to(x->cr, px, py);
                cairo_stroke(x->cr);
            }
            px0 = px;
            py0 = py;
            have = TRUE;
        }
        cairo_set_dash(x->cr, NULL, 0, 0);
        for (guint i = 0; i < n && n <= 40; i++) { /* markers: hollow for forecasts */
            const JbChartPoint *p = g.at[s][i];
            if (!p)
                continue;
            double px = plot_left + band * (i + 0.5), py = LY(val(p)), r = 4 * x->k;
            JbChartBox ob = {px - r - 1, py - r - 1, 2 * r + 2, 2 * r + 2, NULL};
            g_array_append_val(x->obstacles, ob);
            cairo_new_sub_path(x->cr);
            cairo_arc(x->cr, px, py, r, 0, 2 * G_PI);
            jb_set_color(x->cr, p->forecast ? jb_color_hex(t->background) : col);
            cairo_fill_preserve(x->cr);
            jb_set_color(x->cr, col);
            cairo_set_line_width(x->cr, 2 * x->k);
            cairo_stroke(x->cr);
        }
#undef LY
    }

    /* category labels (before data labels: they are never dropped) */
    for (guint i = 0; i < n; i += k_cat) {
        double cx = plot_left + band * (i + 0.5);
        PangoLayout *cat = g_ptr_array_index(cats, i);
        double cat_x = cx - pango_layout_get_width(cat) / (2.0 * PANGO_SCALE);
        put(x, cat, cat_x, plot_bottom + neg_room + 8, x->ink);
        if (g_array_index(g.forecast, gboolean, i))
            put(x, yuji, cx - lw_of(yuji) / 2, plot_bottom + neg_room + 10 + lh_of(cat), x->muted);
    }

    /* end labels of lines, pushed apart vertically */
    if (end_ls->len) {
        double last_y[16], ys[16];
        guint order[16], ne = MIN(end_ls->len, 16);
        for (guint s = 0; s < ne; s++) {
            last_y[s] = NAN;
            for (guint i = n; i-- > 0;)
                if (g.at[s][i]) {
                    last_y[s] = ypos(&pl, &ax, val(g.at[s][i]));
                    break;
                }
            order[s] = s;
        }
        for (guint a = 0; a < ne; a++) /* sort by y */
            for (guint b = a + 1; b < ne; b++)
                if (last_y[order[b]] < last_y[order[a]]) {
                    guint tmp = order[a];
                    order[a] = order[b];
                    order[b] = tmp;
                }
        double floor_y = plot_top - vsz;
        for (guint a = 0; a < ne; a++) {
            PangoLayout *l = g_ptr_array_index(end_ls, order[a]);
            double want = last_y[order[a]] - lh_of(l) / 2;
            ys[a] = fmax(want, floor_y);
            floor_y = ys[a] + lh_of(l) + 2;
        }
        for (guint a = 0; a < ne; a++)
            try_put(x, g_ptr_array_index(end_ls, order[a]), plot_right + 8, ys[a],
                    series_color(x, order[a]));
    }

    /* bar labels share one size: shrunk (down to 55%) so the widest fits its slot */
    double bar_shrink = 1;
    for (guint s = 0; s < g.ns && nbars && !stacked; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        double slot = nbars > 1 ? bw : band - 4;
        for (guint i = 0; i < n && !(combo && s == 1); i++) {
            if (!g.at[s][i])
                continue;
            g_autofree char *vl = value_text(c, g.at[s][i], se->unit);
            g_autoptr(PangoLayout) l =
                text_new(x, vl, t->value_size * (nbars > 1 ? 0.75 : 1.0), TRUE, -1);
            if (slot > 0)
                bar_shrink = fmin(bar_shrink, fmax(slot / lw_of(l), 0.55));
        }
    }

    /* data labels: dropped when they would collide */
    for (guint s = 0; s < g.ns; s++) {
        gboolean is_line = lines || (combo && s == 1);
        const Axis *a = combo && s == 1 ? &rax : &ax;
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        if (stacked && s > 0)
            break; /* totals only, below */
        for (guint i = 0; i < n; i++) {
            const JbChartPoint *p = g.at[s][i];
            if (!p)
                continue;
            double cx = plot_left + band * (i + 0.5), v = val(p);
            g_autofree char *vl = NULL;
            if (stacked) {
                double total = 0;
                gboolean fc = FALSE;
                for (guint q = 0; q < g.ns; q++)
                    if (g.at[q][i]) {
                        total += val(g.at[q][i]);
                        fc = fc || g.at[q][i]->forecast;
                    }
                JbChartPoint tp = {NULL, jb_decimal_from_double(total), JB_BOUND_EXACT, fc};
                vl = value_text(c, &tp, se->unit);
                v = total;
            } else {
                vl = value_text(c, p, se->unit);
            }
            double size = t->value_size * (nbars > 1 || is_line ? 0.75 : 1.0);
            PangoLayout *l = text_new(x, vl, is_line ? size : size * bar_shrink,
                                      !is_line || g.ns == 1, -1);
            double w = lw_of(l), h = lh_of(l);
            double lx, ly;
            if (is_line && lines && g.ns > 1 && i + 1 < n && g.at[s][i + 1]) {
                g_object_unref(l); /* several lines: only the last value of each */
                continue;
            }
            if (is_line) {
                double span = a->ticks.max - a->ticks.min;
                double py = plot_bottom - (v / a->unit - a->ticks.min) / span * (plot_bottom - plot_top);
                lx = cx - w / 2;
                ly = py - h - 6 * x->k;
                JbColor col = combo ? x->ink : series_color(x, s);
                double bx, by, bw2, bh;
                for (int attempt = 0; attempt < 2; attempt++, ly = py + 6 * x->k) {
                    logical_box(l, lx, ly, &bx, &by, &bw2, &bh);
                    if (!box_free_at(x, bx - 3, by, bw2 + 6, bh))
                        continue;
                    if (combo) { /* over bars: on a pill of the background colour */
                        JbColor bg = jb_color_hex(t->background);
                        bg.a = 0.85;
                        jb_set_color(x->cr, bg);
                        cairo_rectangle(x->cr, bx - 3, by, bw2 + 6, bh);
                        cairo_fill(x->cr);
                    }
                    put(x, l, lx, ly, col);
                    break;
                }
            } else {
                double bx = nbars > 1 ? cx - group_w / 2 + s * bw + (bw - 2) / 2 : cx;
                double yv = stacked ? (v >= 0 ? bar_top[i] : ypos(&pl, &ax, v)) : ypos(&pl, &ax, v);
                lx = bx - w / 2;
                ly = v >= 0 ? fmin(yv, y0) - h - 4 : fmax(yv, y0) + 4;
                double bx0, by0, bw0, bh0, bar_h = fabs(yv - y0);
                logical_box(l, lx, ly, &bx0, &by0, &bw0, &bh0);
                if (combo && v >= 0 && !p->forecast && !box_free_at(x, bx0, by0, bw0, bh0) &&
                    bar_h > bh0 + 8 && bw0 < bw && box_free_at(x, bx0, yv + 4 + (by0 - ly), bw0, bh0)) {
                    /* a marker of the line sits where the label would: inside the bar top */
                    put(x, l, lx, yv + 4, jb_color_hex(t->background));
                    g_object_unref(l);
                    continue;
                }
                x->over_marks = TRUE;
                try_put(x, l, lx, ly, x->ink);
                x->over_marks = FALSE;
            }
            g_object_unref(l);
        }
    }

    /* growth bracket between the first and the last bar */
    if (growth && n >= 2) {
        double xa = plot_left + band * 0.5, xb = plot_left + band * (n - 0.5);
        double ya = ypos(&pl, &ax, fmax(val(g.at[0][0]), 0)) - vsz * 1.5;
        double yb = ypos(&pl, &ax, fmax(val(g.at[0][n - 1]), 0)) - vsz * 1.5;
        double yl = fmin(plot_top - vsz * 1.6, fmin(ya, yb) - vsz);
        JbColor col = x->muted;
        jb_set_color(x->cr, col);
        cairo_set_line_width(x->cr, 1.2);
        cairo_move_to(x->cr, xa, ya - 2);
        cairo_line_to(x->cr, xa, yl);
        cairo_line_to(x->cr, xb, yl);
        cairo_line_to(x->cr, xb, yb - 6);
        cairo_stroke(x->cr);
        cairo_move_to(x->cr, xb - 4, yb - 12); /* arrowhead */
        cairo_line_to(x->cr, xb, yb - 4);
        cairo_line_to(x->cr, xb + 4, yb - 12);
        cairo_close_path(x->cr);
        cairo_fill(x->cr);
        g_autoptr(PangoLayout) gl = text_new(x, growth, t->value_size, TRUE, -1);
        double gw = lw_of(gl), gh = lh_of(gl), gx = (xa + xb) / 2 - gw / 2, gy = yl - gh / 2;
        jb_set_color(x->cr, jb_color_hex(t->background));
        cairo_rectangle(x->cr, gx - 6, gy, gw + 12, gh);
        cairo_fill(x->cr);
        try_put(x, gl, gx, gy, x->ink);
    }
    ok = TRUE;
done:
    axis_clear(&ax);
    if (combo)
        axis_clear(&rax);
    grid_clear(&g);
    return ok;
}

/* ---- horizontal bars ------------------------------------------------------------------ */

static gboolean draw_hbar(Ctx *x, GError **error)
{
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    const JbChartSeries *se = g_ptr_array_index(c->series, 0);
    const guint n = se->points->len;
    double top = draw_header(x), bottom = draw_footer(x);
    if (bottom - top < 30) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W, x->H);
        return FALSE;
    }
    double row = (bottom - top) / n;
    /* category font: fits one row (or two wrapped lines), down to 8 pt, then every k-th */
    double size = fmin(t->category_size, row / 1.45 / x->k);
    guint k_cat = 1;
    if (size < 8) {
        size = 8;
        while (row * k_cat < 8 * x->k * 1.45)
            k_cat++;
    }
    double cat_w = (x->W - 2 * PAD) * 0.3;
    double lo = 0, hi = 0, widest = 0;
    g_autoptr(GPtrArray) cats = g_ptr_array_new_with_free_func(g_object_unref);
    for (guint i = 0; i < n; i++) {
        const JbChartPoint *p = g_ptr_array_index(se->points, i);
        lo = fmin(lo, val(p));
        hi = fmax(hi, val(p));
        g_autofree char *label = p->forecast ? g_strconcat(p->label, "（预计）", NULL) : g_strdup(p->label);
        PangoLayout *l = text_new(x, label, size, FALSE, cat_w);
        pango_layout_set_height(l, row * k_cat >= 2 * size * x->k * 1.45 ? -2 : -1);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
        widest = fmax(widest, lw_of(l));
        g_ptr_array_add(cats, l);
    }
    double vsize = fmin(t->value_size * 0.85, fmax(size, 8));
    double val_w = 0;
    for (guint i = 0; i < n; i++) {
        g_autofree char *vl = value_text_full(c, g_ptr_array_index(se->points, i), se->unit);
        g_autoptr(PangoLayout) l = text_new(x, vl, vsize, TRUE, -1);
        val_w = fmax(val_w, lw_of(l));
    }
    cat_w = fmin(cat_w, widest);
    double left = PAD + cat_w + 12, right = x->W - PAD;
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
        double v = val(p), cy = top + row * (i + 0.5), bh = fmin(row * 0.62, 40);
        double xv = x0 + v * scale;
        draw_bar(x, fmin(x0, xv), cy - bh / 2, fabs(xv - x0), bh, series_color(x, 0), p->forecast);
        if (i % k_cat == 0) {
            PangoLayout *l = g_ptr_array_index(cats, i);
            double h = lh_of(l), yy = fmax(top, fmin(cy - h / 2, bottom - h));
            pango_layout_set_width(l, (int)(cat_w * PANGO_SCALE)); /* right-aligned in the column */
            try_put(x, l, PAD, yy, x->ink);
        }
        g_autofree char *vl = value_text_full(c, p, se->unit);
        g_autoptr(PangoLayout) vlay = text_new(x, vl, vsize, TRUE, -1);
        double w = lw_of(vlay), h = lh_of(vlay);
        double lx = v >= 0 ? xv + 6 : xv - 6 - w;
        try_put(x, vlay, lx, cy - h / 2, x->ink);
    }
    return TRUE;
}

/* ---- donut ----------------------------------------------------------------------------- */

static gboolean draw_donut(Ctx *x, GError **error)
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
        double v = val(g_ptr_array_index(pts, i));
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
    double top = draw_header(x), bottom = draw_footer(x);
    double h = bottom - top, r = fmin(h, (x->W - 2 * PAD) * 0.45) / 2;
    if (r < 20) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, x->W, x->H);
        return FALSE;
    }
    double cx = PAD + r + 10, cy = top + h / 2, a = -G_PI / 2;
    for (guint i = 0; i < pts->len; i++) {
        double v = val(g_ptr_array_index(pts, i)), sweep = v / total * 2 * G_PI;
        jb_set_color(x->cr, series_color(x, i));
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
    JbChartPoint tp = {NULL, jb_decimal_from_double(total), JB_BOUND_EXACT, FALSE};
    g_autofree char *tt = value_text_full(c, &tp, g_ptr_array_index(units, 0));
    g_autoptr(PangoLayout) tl = text_new(x, tt, t->value_size, TRUE, r * 1.1);
    g_autoptr(PangoLayout) hl = text_new(x, "合计", t->tick_size, FALSE, -1);
    double th = lh_of(tl) + lh_of(hl);
    try_put(x, hl, cx - lw_of(hl) / 2, cy - th / 2, x->muted);
    try_put(x, tl, cx - lw_of(tl) / 2, cy - th / 2 + lh_of(hl), x->ink);
    /* the key: swatch, name, value and share; as many rows as fit */
    double lx = cx + r + 30, ly = top, size = t->category_size;
    double row = (bottom - top) / MAX(pts->len, 1);
    if (row < size * x->k * 1.5)
        size = fmax(9, row / 1.5 / x->k);
    /* the key centred beside the ring (rows are ~1.3 × 1.4 × size high) */
    ly = fmax(top, cy - pts->len * size * x->k * 1.82 / 2);
    for (guint i = 0; i < pts->len; i++) {
        const JbChartPoint *p = g_ptr_array_index(pts, i);
        g_autofree char *vt = value_text_full(c, p, g_ptr_array_index(units, i));
        g_autofree char *line = g_strdup_printf("%s  %s  %.0f%%", (char *)g_ptr_array_index(names, i),
                                                vt, val(p) / total * 100);
        g_autoptr(PangoLayout) l = text_new(x, line, size, FALSE, x->W - PAD - lx - 18);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -1);
        double lh = lh_of(l);
        if (ly + lh > bottom)
            break;
        if (try_put(x, l, lx + 18, ly, x->ink)) {
            jb_set_color(x->cr, series_color(x, i));
            cairo_rectangle(x->cr, lx, ly + lh / 2 - 5, 10, 10);
            cairo_fill(x->cr);
        }
        ly += lh * 1.3;
    }
    return TRUE;
}

/* ---- KPI figure ------------------------------------------------------------------------ */

static gboolean draw_kpi(Ctx *x, GError **error)
{
    (void)error;
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    const JbChartSeries *se = g_ptr_array_index(c->series, 0);
    const JbChartPoint *first = g_ptr_array_index(se->points, 0);
    const JbChartPoint *last = g_ptr_array_index(se->points, se->points->len - 1);
    double top = draw_header(x), bottom = draw_footer(x);
    double inner = x->W - 2 * PAD;
    /* the number with its full unit: 超1.2万亿元 */
    g_autofree char *big = value_text_full(c, last, se->unit);
    double size = fmin((bottom - top) * 0.32, 110) / x->k;
    g_autoptr(PangoLayout) bl = text_new(x, big, size, TRUE, -1);
    while (lw_of(bl) > inner && size > 10) {
        size *= 0.9;
        g_object_unref(bl);
        bl = text_new(x, big, size, TRUE, -1);
    }
    const char *nian = strlen(last->label) == 4 && g_ascii_isdigit(last->label[0]) ? "年" : "";
    g_autofree char *when = g_strdup_printf("%s%s%s", last->label, nian, last->forecast ? "（预计）" : "");
    g_autofree char *change = NULL;
    if (se->points->len > 1) {
        JbFigure fa = jb_figure_of(first->value, first->bound);
        JbFigure fb = jb_figure_of(last->value, last->bound);
        JbChange ch = jb_units_change(&fa, &fb, se->unit);
        g_autofree char *since = g_strconcat(first->label, nian, NULL);
        change = jb_units_change_text(&ch, since);
    }
    g_autoptr(PangoLayout) wl = text_new(x, when, t->subtitle_size, FALSE, inner);
    g_autoptr(PangoLayout) cl = change ? text_new(x, change, t->subtitle_size * 1.3, TRUE, inner) : NULL;
    double total = lh_of(bl) + lh_of(wl) + (cl ? lh_of(cl) + 6 : 0);
    double y = top + fmax(0, (bottom - top - total) / 2);
    put(x, bl, PAD, y, series_color(x, 0));
    y += lh_of(bl);
    if (cl) {
        put(x, cl, PAD, y, x->ink);
        y += lh_of(cl) + 6;
    }
    put(x, wl, PAD, y, x->muted);
    return TRUE;
}

/* ---- entry points ---------------------------------------------------------------------- */

gboolean jb_chart_draw(JbChart *c, cairo_t *cr, PangoContext *pango, GError **error)
{
    g_array_set_size(c->boxes, 0);
    if (c->series->len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "chart '%s': no series loaded", c->metric_id);
        return FALSE;
    }
    if (c->kind == JB_CHART_COMBO && c->series->len < 2) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': type combo needs two metrics ('metrics = A; B')", c->metric_id);
        return FALSE;
    }
    if (!check_glyphs(c, pango, error))
        return FALSE;
    Ctx x = {c, cr, pango, &c->theme, c->width, c->height, 1, jb_color_hex(c->theme.ink),
             jb_color_hex(c->theme.muted), NULL, FALSE};
    x.k = fmax(0.7, fmin(1.3, fmin(c->width / 800, c->height / 450)));
    x.obstacles = g_array_new(FALSE, TRUE, sizeof(JbChartBox));
    cairo_save(cr);
    gboolean ok;
    switch (c->kind) {
    case JB_CHART_HBAR:
        ok = draw_hbar(&x, error);
        break;
    case JB_CHART_DONUT:
        ok = draw_donut(&x, error);
        break;
    case JB_CHART_KPI:
        ok = draw_kpi(&x, error);
        break;
    default:
        ok = draw_cartesian(&x, error);
        break;
    }
    cairo_restore(cr);
    g_array_unref(x.obstacles);
    if (ok && cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "chart '%s': %s", c->metric_id,
                    cairo_status_to_string(cairo_status(cr)));
        ok = FALSE;
    }
    return ok;
}

gboolean jb_chart_render(JbChart *c, const char *path, double scale, GError **error)
{
    g_autoptr(JbCanvas) canvas =
        jb_canvas_new(path, c->width, c->height, scale, c->transparent, error);
    if (!canvas)
        return FALSE;
    jb_canvas_set_metadata(canvas, c->title, "jianbao", c->subtitle, c->metric_id);
    jb_canvas_set_svg_text(canvas, c->svg_text);
    if (!jb_chart_draw(c, jb_canvas_cr(canvas), jb_canvas_pango(canvas), error))
        return FALSE;
    return jb_canvas_finish(canvas, error);
}
