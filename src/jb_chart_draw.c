/* Drawing a bar chart: layout from the outside in (title, source line, axis labels), then
 * the plot in what is left, so no text is ever placed over other text or off the canvas. */
#include "jb_chart.h"

#include "jb_common.h"
#include "jb_draw.h"
#include "jb_fonts.h"
#include "jb_ticks.h"

#include <math.h>
#include <string.h>

/* The default theme: Okabe–Ito blue (colourblind-safe), light gridlines, grey secondary
 * text. Sizes in points for an 800×450 chart. */
#define PAD 28.0
#define TITLE_SIZE 22.0
#define SUBTITLE_SIZE 14.0
#define TICK_SIZE 12.0
#define CATEGORY_SIZE 14.0
#define VALUE_SIZE 16.0
#define SOURCE_SIZE 10.5
static const char *const INK = "#222222", *const MUTED = "#666666", *const GRID = "#E3E3E3",
                         *const AXIS = "#8A8A8A", *const BAR = "#0072B2";

static gboolean magnitude_suffix(const char *s)
{
    return g_str_has_suffix(s, "万") || g_str_has_suffix(s, "亿");
}

char *jb_chart_value_label(JbDecimal v, const char *unit, JbBound bound)
{
    static const char *const prefix[] = {[JB_BOUND_EXACT] = "", [JB_BOUND_AT_LEAST] = "超",
                                         [JB_BOUND_AT_MOST] = "近", [JB_BOUND_ABOUT] = "约"};
    g_autofree char *num = jb_number_format_cn(v, 4);
    /* 4000亿 and 170万 read complete without their unit (the axis states it); a bare
     * number does not: 6000家, 5.9%. */
    const char *u = magnitude_suffix(num) ? "" : unit;
    return g_strconcat(prefix[bound], num, u, NULL);
}

/* The display unit: the largest of 万亿/亿/万 not above the largest value. */
static double display_unit(double max_abs, const char *unit, const char **prefix)
{
    *prefix = "";
    if (strcmp(unit, "%") == 0 || strcmp(unit, "倍") == 0 || strcmp(unit, "个百分点") == 0)
        return 1;
    if (strcmp(unit, "元") == 0 && max_abs >= 1e12) {
        *prefix = "万亿";
        return 1e12;
    }
    if (max_abs >= 1e8) {
        *prefix = "亿";
        return 1e8;
    }
    if (max_abs >= 1e4) {
        *prefix = "万";
        return 1e4;
    }
    return 1;
}

static gboolean check_glyphs(JbChart *c, PangoContext *pango, GError **error)
{
    g_autoptr(GString) all = g_string_new(NULL);
    g_string_append_printf(all, "%s%s%s%s预计", c->title, c->subtitle, c->source, c->unit);
    for (guint i = 0; i < c->points->len; i++)
        g_string_append(all, ((JbChartPoint *)g_ptr_array_index(c->points, i))->label);
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

static void hatch(cairo_t *cr, double x, double y, double w, double h, JbColor color)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    jb_set_color(cr, color);
    cairo_set_line_width(cr, 1.2);
    for (double d = -h; d < w; d += 7) {
        cairo_move_to(cr, x + d, y + h);
        cairo_line_to(cr, x + d + h, y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

gboolean jb_chart_draw(JbChart *c, cairo_t *cr, PangoContext *pango, GError **error)
{
    if (!check_glyphs(c, pango, error))
        return FALSE;
    const double W = c->width, H = c->height, inner = W - 2 * PAD;
    const guint n = c->points->len;
    JbColor ink = jb_color_hex(INK), muted = jb_color_hex(MUTED), bar = jb_color_hex(BAR);

    /* Header: title and subtitle, left-aligned, wrapped to the width. */
    double y = PAD, tw, th;
    g_autoptr(PangoLayout) title = jb_layout_new(pango, c->title, FALSE, TITLE_SIZE, TRUE, inner);
    jb_layout_size(title, NULL, &th);
    jb_layout_draw(cr, title, PAD, y, ink);
    y += th + 4;
    g_autoptr(PangoLayout) sub = jb_layout_new(pango, c->subtitle, FALSE, SUBTITLE_SIZE, FALSE, inner);
    jb_layout_size(sub, NULL, &th);
    jb_layout_draw(cr, sub, PAD, y, muted);
    y += th + 14;

    /* Footer: the source line, when there is one. */
    double bottom = H - PAD;
    if (c->source && *c->source) {
        g_autoptr(PangoLayout) src = jb_layout_new(pango, c->source, FALSE, SOURCE_SIZE, FALSE, inner);
        double sh;
        jb_layout_size(src, NULL, &sh);
        jb_layout_draw(cr, src, PAD, H - PAD - sh, muted);
        bottom -= sh + 12;
    }

    /* Value range in the display unit, then ticks on it. */
    double lo = 0, hi = 0, max_abs = 0;
    for (guint i = 0; i < n; i++) {
        double v = jb_decimal_to_double(((JbChartPoint *)g_ptr_array_index(c->points, i))->value);
        lo = fmin(lo, v);
        hi = fmax(hi, v);
        max_abs = fmax(max_abs, fabs(v));
    }
    const char *prefix;
    double unit = display_unit(max_abs, c->unit, &prefix);
    JbTicks ticks = jb_ticks_extended(lo / unit, hi / unit, 5, TRUE);
    int decimals = jb_ticks_decimals(&ticks);

    /* Tick labels decide the left edge of the plot; the axis unit sits above them. */
    g_autofree char *unit_text = g_strconcat(prefix, c->unit, NULL);
    g_autoptr(PangoLayout) unit_l = jb_layout_new(pango, unit_text, FALSE, TICK_SIZE, FALSE, -1);
    double uw, uh;
    jb_layout_size(unit_l, &uw, &uh);
    double label_w = uw;
    g_autoptr(GPtrArray) tick_ls = g_ptr_array_new_with_free_func(g_object_unref);
    for (int k = 0; k < ticks.count; k++) {
        char buf[64];
        g_snprintf(buf, sizeof buf, "%.*f", decimals, ticks.min + k * ticks.step);
        if (fabs(ticks.min + k * ticks.step) < ticks.step * 1e-9)
            g_strlcpy(buf, "0", sizeof buf); /* "0", not "0.0" or "-0" */
        PangoLayout *l = jb_layout_new(pango, buf, FALSE, TICK_SIZE, FALSE, -1);
        jb_layout_size(l, &tw, NULL);
        label_w = fmax(label_w, tw);
        g_ptr_array_add(tick_ls, l);
    }
    double plot_left = PAD + label_w + 10, plot_right = W - PAD;
    /* Category labels: wrapped to at most two lines in their band; when bands are too
     * narrow for that, only every k-th category is labelled (thinning beats rotated text).
     * Forecasts get a line 预计 of their own. */
    double band = (plot_right - plot_left) / (n ? n : 1);
    guint k_cat = 1;
    while (band * k_cat < 44 && k_cat < n)
        k_cat++;
    double cat_w = band * k_cat - 6, cat_h = 0;
    g_autoptr(GPtrArray) cats = g_ptr_array_new_with_free_func(g_object_unref);
    for (guint i = 0; i < n; i++) {
        const JbChartPoint *p = g_ptr_array_index(c->points, i);
        PangoLayout *l = jb_layout_new(pango, p->label, FALSE, CATEGORY_SIZE, FALSE, cat_w);
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
        pango_layout_set_height(l, -2); /* two lines at most, then … */
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        double h;
        jb_layout_size(l, NULL, &h);
        if (p->forecast)
            h += CATEGORY_SIZE * 1.4;
        if (i % k_cat == 0)
            cat_h = fmax(cat_h, h);
        g_ptr_array_add(cats, l);
    }
    g_autoptr(PangoLayout) yuji = jb_layout_new(pango, "预计", FALSE, CATEGORY_SIZE * 0.9, FALSE, -1);
    /* labels of negative bars hang below them: room for them above the category labels */
    double neg_room = lo < 0 ? VALUE_SIZE * 1.6 : 0;
    double plot_bottom = bottom - cat_h - 8 - neg_room;

    jb_layout_draw(cr, unit_l, PAD, y, muted);
    /* Data labels need headroom above the tallest bar. */
    double plot_top = y + uh + VALUE_SIZE * 1.6;
    if (plot_bottom - plot_top < 40) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': %.0f×%.0f pt leaves no room for the plot", c->metric_id, W, H);
        return FALSE;
    }
    double span = ticks.max - ticks.min;
    double plot_h = plot_bottom - plot_top;
#define YPOS(v) (plot_bottom - ((v) - ticks.min) / span * plot_h)

    /* Gridlines and tick labels. */
    cairo_set_line_width(cr, 1);
    for (int k = 0; k < ticks.count; k++) {
        double v = ticks.min + k * ticks.step, yy = round(YPOS(v)) + 0.5;
        jb_set_color(cr, jb_color_hex(fabs(v) < ticks.step * 1e-9 ? AXIS : GRID));
        cairo_move_to(cr, plot_left, yy);
        cairo_line_to(cr, plot_right, yy);
        cairo_stroke(cr);
        PangoLayout *l = g_ptr_array_index(tick_ls, k);
        double lw, lh;
        jb_layout_size(l, &lw, &lh);
        jb_layout_draw(cr, l, plot_left - 10 - lw, yy - lh / 2, muted);
    }

    /* Bars, value labels, category labels. */
    double bw = fmin(band * 0.56, 110);
    /* value labels: shrink a little if needed, else label every k-th bar only */
    guint k_val = 1;
    for (guint i = 0; i < n; i++) {
        const JbChartPoint *p = g_ptr_array_index(c->points, i);
        g_autofree char *vl = jb_chart_value_label(p->value, c->unit, p->bound);
        g_autoptr(PangoLayout) val = jb_layout_new(pango, vl, FALSE, VALUE_SIZE * 0.7, TRUE, -1);
        double vw;
        jb_layout_size(val, &vw, NULL);
        while (band * k_val - 4 < vw && k_val < n)
            k_val++;
    }
    for (guint i = 0; i < n; i++) {
        const JbChartPoint *p = g_ptr_array_index(c->points, i);
        double v = jb_decimal_to_double(p->value) / unit;
        double cx = plot_left + band * (i + 0.5), x = cx - bw / 2;
        double y0 = YPOS(0 > ticks.min ? 0 : ticks.min), y1 = YPOS(v);
        double top = fmin(y0, y1), h = fabs(y1 - y0);
        if (p->forecast) {
            JbColor light = bar;
            light.a = 0.18;
            jb_set_color(cr, light);
            cairo_rectangle(cr, x, top, bw, h);
            cairo_fill(cr);
            JbColor lines = bar;
            lines.a = 0.55;
            hatch(cr, x, top, bw, h, lines);
            double dash[] = {4, 3};
            cairo_save(cr);
            cairo_set_dash(cr, dash, 2, 0);
            jb_set_color(cr, bar);
            cairo_set_line_width(cr, 1.5);
            cairo_rectangle(cr, x + 0.75, top + 0.75, bw - 1.5, fmax(h - 1.5, 0));
            cairo_stroke(cr);
            cairo_restore(cr);
        } else {
            jb_set_color(cr, bar);
            cairo_rectangle(cr, x, top, bw, h);
            cairo_fill(cr);
        }
        if (i % k_val == 0) {
            double slot = band * k_val - 4;
            g_autofree char *vl = jb_chart_value_label(p->value, c->unit, p->bound);
            g_autoptr(PangoLayout) val = jb_layout_new(pango, vl, FALSE, VALUE_SIZE, TRUE, -1);
            double vw, vh;
            jb_layout_size(val, &vw, &vh);
            if (vw > slot) { /* shrink rather than collide with a neighbour */
                g_object_unref(val);
                val = jb_layout_new(pango, vl, FALSE, VALUE_SIZE * slot / vw, TRUE, -1);
                jb_layout_size(val, &vw, &vh);
            }
            double vy = v >= 0 ? top - vh - 4 : top + h + 4;
            jb_layout_draw(cr, val, cx - vw / 2, vy, ink);
        }
        if (i % k_cat == 0) {
            PangoLayout *cat = g_ptr_array_index(cats, i);
            double ch;
            jb_layout_size(cat, NULL, &ch);
            double cat_x = fmax(PAD, fmin(cx - cat_w / 2, W - PAD - cat_w)); /* stay on canvas */
            jb_layout_draw(cr, cat, cat_x, plot_bottom + neg_room + 8, ink);
            if (p->forecast) {
                double yw;
                jb_layout_size(yuji, &yw, NULL);
                jb_layout_draw(cr, yuji, cx - yw / 2, plot_bottom + neg_room + 10 + ch, muted);
            }
        }
    }
#undef YPOS
    return cairo_status(cr) == CAIRO_STATUS_SUCCESS ||
           (g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "chart '%s': %s", c->metric_id,
                        cairo_status_to_string(cairo_status(cr))),
            FALSE);
}

gboolean jb_chart_render(JbChart *c, const char *path, double scale, GError **error)
{
    g_autoptr(JbCanvas) canvas =
        jb_canvas_new(path, c->width, c->height, scale, c->transparent, error);
    if (!canvas)
        return FALSE;
    jb_canvas_set_metadata(canvas, c->title, "jianbao", c->subtitle, c->metric_id);
    if (!jb_chart_draw(c, jb_canvas_cr(canvas), jb_canvas_pango(canvas), error))
        return FALSE;
    return jb_canvas_finish(canvas, error);
}
