/* Lines and areas: line, area and the combo's line on a cartesian plot — areas, line
 * segments (forecast segments dashed), markers (hollow for forecasts), the series' names at
 * the lines' right ends and the value labels. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

static gboolean is_line(const Plot *p, guint s)
{
    return p->lines || (p->combo && s == 1);
}

static const Axis *axis_of(const Plot *p, guint s)
{
    return p->combo && s == 1 ? &p->rax : &p->ax;
}

static void area(Ctx *x, Plot *p, guint s)
{
    JbColor fill = jb_chart_series_color(x, s);
    fill.a = p->g.ns > 1 ? 0.18 : 0.25;
    jb_set_color(x->cr, fill);
    gboolean started = FALSE;
    double last_x = 0;
    for (guint i = 0; i < p->n; i++) {
        if (!p->g.at[s][i])
            continue;
        double px = jb_chart_cx(p, i), py = jb_chart_ypos(p, axis_of(p, s), jb_chart_val(p->g.at[s][i]));
        if (!started) {
            cairo_move_to(x->cr, px, p->y0);
            started = TRUE;
        }
        cairo_line_to(x->cr, px, py);
        last_x = px;
    }
    if (started) {
        cairo_line_to(x->cr, last_x, p->y0);
        cairo_close_path(x->cr);
        cairo_fill(x->cr);
    }
}

static void line(Ctx *x, Plot *p, guint s)
{
    const Axis *a = axis_of(p, s);
    JbColor col = jb_chart_series_color(x, s);
    cairo_set_line_width(x->cr, 2.5 * x->k);
    cairo_set_line_join(x->cr, CAIRO_LINE_JOIN_ROUND);
    jb_set_color(x->cr, col);
    double px0 = 0, py0 = 0;
    gboolean have = FALSE;
    for (guint i = 0; i < p->n; i++) {
        const JbChartPoint *pt = p->g.at[s][i];
        if (!pt)
            continue;
        double px = jb_chart_cx(p, i), py = jb_chart_ypos(p, a, jb_chart_val(pt));
        if (have) {
            double dash[] = {6, 4};
            cairo_set_dash(x->cr, dash, pt->forecast ? 2 : 0, 0);
            cairo_move_to(x->cr, px0, py0);
            cairo_line_to(x->cr, px, py);
            cairo_stroke(x->cr);
        }
        px0 = px;
        py0 = py;
        have = TRUE;
    }
    cairo_set_dash(x->cr, NULL, 0, 0);
    for (guint i = 0; i < p->n && p->n <= 40; i++) { /* markers: hollow for forecasts */
        const JbChartPoint *pt = p->g.at[s][i];
        if (!pt)
            continue;
        double px = jb_chart_cx(p, i), py = jb_chart_ypos(p, a, jb_chart_val(pt)), r = 4 * x->k;
        JbChartBox ob = {px - r - 1, py - r - 1, 2 * r + 2, 2 * r + 2, NULL};
        g_array_append_val(x->obstacles, ob);
        cairo_new_sub_path(x->cr);
        cairo_arc(x->cr, px, py, r, 0, 2 * G_PI);
        jb_set_color(x->cr, pt->forecast ? jb_color_hex(x->t->background) : col);
        cairo_fill_preserve(x->cr);
        jb_set_color(x->cr, col);
        cairo_set_line_width(x->cr, 2 * x->k);
        cairo_stroke(x->cr);
    }
}

/* Areas first, then every line on top. */
void jb_chart_lines_marks(Ctx *x, Plot *p)
{
    if (x->c->kind == JB_CHART_AREA)
        for (guint s = 0; s < p->g.ns; s++)
            area(x, p, s);
    for (guint s = 0; s < p->g.ns; s++)
        if (is_line(p, s))
            line(x, p, s);
}

typedef struct {
    double y; /* the last point's y */
    guint s;
} EndLabel;

/* The series' names at the right ends of several lines, pushed apart vertically. */
void jb_chart_lines_end_labels(Ctx *x, Plot *p)
{
    guint ne = p->end_ls->len;
    if (!ne)
        return;
    g_autofree EndLabel *e = g_new0(EndLabel, ne);
    for (guint s = 0; s < ne; s++) {
        e[s] = (EndLabel){NAN, s};
        for (guint i = p->n; i-- > 0;)
            if (p->g.at[s][i]) {
                e[s].y = jb_chart_ypos(p, &p->ax, jb_chart_val(p->g.at[s][i]));
                break;
            }
    }
    for (guint a = 0; a < ne; a++) /* by y (a line without points keeps its place) */
        for (guint b = a + 1; b < ne; b++)
            if (e[b].y < e[a].y) {
                EndLabel tmp = e[a];
                e[a] = e[b];
                e[b] = tmp;
            }
    double floor_y = p->top - p->vsz;
    for (guint a = 0; a < ne; a++) {
        PangoLayout *l = g_ptr_array_index(p->end_ls, e[a].s);
        double y = fmax(e[a].y - jb_chart_lh(l) / 2, floor_y);
        floor_y = y + jb_chart_lh(l) + 2;
        jb_chart_try_put(x, l, p->right + 8, y, jb_chart_series_color(x, e[a].s));
    }
}

/* A point's value label above it, else below it; on a pill over a combo's bars. */
static void point_label(Ctx *x, Plot *p, guint s, guint i)
{
    const JbChart *c = x->c;
    const JbChartSeries *se = g_ptr_array_index(c->series, s);
    const JbChartPoint *pt = p->g.at[s][i];
    g_autofree char *vl = jb_chart_value_text(c, pt, se->unit, FALSE);
    g_autoptr(PangoLayout) l = jb_chart_text(x, vl, x->t->value_size * 0.75, p->g.ns == 1, -1);
    double w = jb_chart_lw(l), h = jb_chart_lh(l);
    double py = jb_chart_ypos(p, axis_of(p, s), jb_chart_val(pt));
    double lx = jb_chart_cx(p, i) - w / 2, ly = py - h - 6 * x->k;
    JbColor col = p->combo ? x->ink : jb_chart_series_color(x, s);
    for (int attempt = 0; attempt < 2; attempt++, ly = py + 6 * x->k) {
        double bx, by, bw, bh;
        jb_chart_logical_box(l, lx, ly, &bx, &by, &bw, &bh);
        if (!jb_chart_box_free(x, bx - 3, by, bw + 6, bh))
            continue;
        if (p->combo) { /* over bars: on a pill of the background colour */
            JbColor bg = jb_color_hex(x->t->background);
            bg.a = 0.85;
            jb_set_color(x->cr, bg);
            cairo_rectangle(x->cr, bx - 3, by, bw + 6, bh);
            cairo_fill(x->cr);
        }
        jb_chart_put(x, l, lx, ly, col);
        return;
    }
}

void jb_chart_lines_labels(Ctx *x, Plot *p)
{
    for (guint s = 0; s < p->g.ns; s++) {
        if (!is_line(p, s))
            continue;
        for (guint i = 0; i < p->n; i++) {
            if (!p->g.at[s][i])
                continue;
            if (p->lines && p->g.ns > 1 && i + 1 < p->n && p->g.at[s][i + 1])
                continue; /* several lines: only the last value of each */
            point_label(x, p, s, i);
        }
    }
}
