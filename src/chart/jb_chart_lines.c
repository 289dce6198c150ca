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

/* Do points i and j (i < j, none between) join? Not across a missing period on a time axis. */
static gboolean joined(const Plot *p, guint i, guint j)
{
    return !p->g->time || j == i + 1;
}

static void area(Ctx *x, Plot *p, guint s)
{
    JbColor fill = jb_chart_series_color(x, s);
    fill.a = p->g->ns > 1 ? 0.18 : 0.25;
    jb_set_color(x->cr, fill);
    gboolean open = FALSE;
    guint prev = 0;
    double last_x = 0;
    for (guint i = 0; i < p->n; i++) {
        if (!p->g->at[s][i])
            continue;
        double px = jb_chart_cx(p, i),
               py = jb_chart_ypos(p, axis_of(p, s), jb_chart_val(p->g->at[s][i]));
        if (open && !joined(p, prev, i)) { /* a gap closes the run */
            cairo_line_to(x->cr, last_x, p->y0);
            cairo_close_path(x->cr);
            cairo_fill(x->cr);
            open = FALSE;
        }
        if (!open) {
            cairo_move_to(x->cr, px, p->y0);
            open = TRUE;
        }
        cairo_line_to(x->cr, px, py);
        last_x = px;
        prev = i;
    }
    if (open) {
        cairo_line_to(x->cr, last_x, p->y0);
        cairo_close_path(x->cr);
        cairo_fill(x->cr);
    }
}

/* Across a missing period: nothing, or (gaps = bridge) a thin dotted line in the axis
 * colour, which the subtitle explains ("2023年无数据"). */
static void bridge(Ctx *x, double x0, double y0, double x1, double y1)
{
    double dots[] = {1.5, 3};
    cairo_save(x->cr);
    jb_set_color(x->cr, jb_color_hex(x->t->axis));
    cairo_set_line_width(x->cr, 1.2 * x->k);
    cairo_set_dash(x->cr, dots, 2, 0);
    cairo_move_to(x->cr, x0, y0);
    cairo_line_to(x->cr, x1, y1);
    cairo_stroke(x->cr);
    cairo_restore(x->cr);
    jb_chart_mark_segment(x, x0, y0, x1, y1, 1.2 * x->k);
}

static void markers(Ctx *x, Plot *p, guint s)
{
    const Axis *a = axis_of(p, s);
    JbColor col = jb_chart_series_color(x, s);
    for (guint i = 0; i < p->n; i++) {
        const JbChartPoint *pt = p->g->at[s][i];
        if (!pt)
            continue;
        /* every point when there are few; an isolated one (between gaps) always */
        gboolean alone = (i == 0 || !p->g->at[s][i - 1] || !joined(p, i - 1, i)) &&
                         (i + 1 == p->n || !p->g->at[s][i + 1]);
        double px = jb_chart_cx(p, i), py = jb_chart_ypos(p, a, jb_chart_val(pt)), r = 4 * x->k;
        if (pt->fig.range) { /* a range (5%–5.5%): a whisker from its low to its high end */
            double lo, hi;
            jb_chart_val_range(pt, &lo, &hi);
            double y0 = jb_chart_ypos(p, a, lo), y1 = jb_chart_ypos(p, a, hi), w = 1.5 * x->k;
            jb_set_color(x->cr, col);
            cairo_set_line_width(x->cr, w);
            cairo_move_to(x->cr, px, y0);
            cairo_line_to(x->cr, px, y1);
            cairo_move_to(x->cr, px - r, y0);
            cairo_line_to(x->cr, px + r, y0);
            cairo_move_to(x->cr, px - r, y1);
            cairo_line_to(x->cr, px + r, y1);
            cairo_stroke(x->cr);
            jb_chart_mark_segment(x, px, y0, px, y1, w);
            jb_chart_mark_segment(x, px - r, y0, px + r, y0, w);
            jb_chart_mark_segment(x, px - r, y1, px + r, y1, w);
        }
        if (p->n > 40 && !alone && !pt->fig.range)
            continue;
        jb_chart_mark_rect(x, px - r - x->k, py - r - x->k, 2 * (r + x->k), 2 * (r + x->k));
        cairo_new_sub_path(x->cr);
        cairo_arc(x->cr, px, py, r, 0, 2 * G_PI);
        jb_set_color(x->cr, pt->forecast ? jb_color_hex(x->t->background) : col);
        cairo_fill_preserve(x->cr);
        jb_set_color(x->cr, col);
        cairo_set_line_width(x->cr, 2 * x->k);
        cairo_stroke(x->cr);
    }
}

static void line(Ctx *x, Plot *p, guint s)
{
    const Axis *a = axis_of(p, s);
    JbColor col = jb_chart_series_color(x, s);
    double px0 = 0, py0 = 0;
    guint prev = 0;
    gboolean have = FALSE;
    for (guint i = 0; i < p->n; i++) {
        const JbChartPoint *pt = p->g->at[s][i];
        if (!pt)
            continue;
        double px = jb_chart_cx(p, i), py = jb_chart_ypos(p, a, jb_chart_val(pt));
        if (have && !joined(p, prev, i)) {
            if (x->c->bridge_gaps)
                bridge(x, px0, py0, px, py);
        } else if (have) {
            double dash[] = {6, 4};
            cairo_set_line_width(x->cr, 2.5 * x->k);
            cairo_set_line_join(x->cr, CAIRO_LINE_JOIN_ROUND);
            jb_set_color(x->cr, col);
            cairo_set_dash(x->cr, dash, pt->forecast ? 2 : 0, 0);
            cairo_move_to(x->cr, px0, py0);
            cairo_line_to(x->cr, px, py);
            cairo_stroke(x->cr);
            cairo_set_dash(x->cr, NULL, 0, 0);
            jb_chart_mark_segment(x, px0, py0, px, py, 2.5 * x->k);
        }
        px0 = px;
        py0 = py;
        prev = i;
        have = TRUE;
    }
    markers(x, p, s);
}

/* Areas first, then every line on top. */
void jb_chart_lines_marks(Ctx *x, Plot *p)
{
    if (x->c->kind == JB_CHART_AREA)
        for (guint s = 0; s < p->g->ns; s++)
            area(x, p, s);
    for (guint s = 0; s < p->g->ns; s++)
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
            if (p->g->at[s][i]) {
                e[s].y = jb_chart_ypos(p, &p->ax, jb_chart_val(p->g->at[s][i]));
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

/* The y of series s at category j when the line runs from i to j, else NAN. */
static double neighbour_y(const Plot *p, guint s, guint i, int step)
{
    guint j = i;
    do {
        if ((step < 0 && j == 0) || (step > 0 && j + 1 >= p->n))
            return NAN;
        j = (guint)((int)j + step);
    } while (!p->g->at[s][j]);
    if (!joined(p, MIN(i, j), MAX(i, j)))
        return NAN;
    return jb_chart_ypos(p, axis_of(p, s), jb_chart_val(p->g->at[s][j]));
}

enum { ABOVE, BELOW, LEFT, RIGHT, ABOVE_LEFT, ABOVE_RIGHT, BELOW_LEFT, BELOW_RIGHT };

/* Where a point's label is tried, best first, from the shape of the line at the point:
 * above a peak, below a trough (never on the line), beside a slope on its open side. */
static void candidates(double prev, double here, double next, int order[8])
{
    static const int peak[] = {ABOVE, ABOVE_LEFT, ABOVE_RIGHT, LEFT,
                               RIGHT, BELOW,      BELOW_LEFT,  BELOW_RIGHT};
    static const int trough[] = {BELOW, BELOW_LEFT, BELOW_RIGHT, LEFT,
                                 RIGHT, ABOVE,      ABOVE_LEFT,  ABOVE_RIGHT};
    static const int rising[] = {ABOVE_LEFT, BELOW_RIGHT, ABOVE,       BELOW,
                                 LEFT,       RIGHT,       ABOVE_RIGHT, BELOW_LEFT};
    static const int falling[] = {ABOVE_RIGHT, BELOW_LEFT, ABOVE,      BELOW,
                                  RIGHT,       LEFT,       ABOVE_LEFT, BELOW_RIGHT};
    /* screen y grows downwards: a neighbour "below" has a larger y */
    gboolean up_before = isnan(prev) || prev >= here, up_after = isnan(next) || next >= here;
    const int *o = up_before && up_after                        ? peak
                   : !up_before && !up_after                    ? trough
                   : (!isnan(prev) ? prev > here : next < here) ? rising
                                                                : falling;
    memcpy(order, o, sizeof peak);
}

/* A point's value label at the first free place around its marker; left out (FALSE) when
 * none is. */
static gboolean point_label(Ctx *x, Plot *p, guint s, guint i)
{
    const JbChart *c = x->c;
    const JbChartSeries *se = g_ptr_array_index(c->series, s);
    const JbChartPoint *pt = p->g->at[s][i];
    g_autofree char *vl = jb_chart_value_text(c, pt, se->unit, FALSE);
    g_autoptr(PangoLayout) l = jb_chart_text(x, vl, x->t->value_size * 0.75, p->g->ns == 1, -1);
    double w = jb_chart_lw(l), h = jb_chart_lh(l);
    double px = jb_chart_cx(p, i), py = jb_chart_ypos(p, axis_of(p, s), jb_chart_val(pt));
    double r = 4 * x->k + 2, d = 3 * x->k; /* the marker's reach, and a gap */
    int order[8];
    candidates(neighbour_y(p, s, i, -1), py, neighbour_y(p, s, i, 1), order);
    JbColor col = p->combo ? x->ink : jb_chart_series_color(x, s);
    for (int k = 0; k < 8; k++) {
        double lx, ly;
        switch (order[k]) {
        case ABOVE:
            lx = px - w / 2;
            ly = py - r - d - h;
            break;
        case BELOW:
            lx = px - w / 2;
            ly = py + r + d;
            break;
        case LEFT:
            lx = px - r - d - w;
            ly = py - h / 2;
            break;
        case RIGHT:
            lx = px + r + d;
            ly = py - h / 2;
            break;
        case ABOVE_LEFT:
            lx = px - r - w;
            ly = py - r - h;
            break;
        case ABOVE_RIGHT:
            lx = px + r;
            ly = py - r - h;
            break;
        case BELOW_LEFT:
            lx = px - r - w;
            ly = py + r;
            break;
        default:
            lx = px + r;
            ly = py + r;
            break;
        }
        if (jb_chart_try_put(x, l, lx, ly, col))
            return TRUE;
    }
    return FALSE;
}

/* Several lines: can every point carry its label? Tried without drawing, then forgotten. */
static gboolean every_point_fits(Ctx *x, Plot *p)
{
    guint saved = x->c->boxes->len;
    gboolean all = TRUE;
    x->dry = TRUE;
    for (guint s = 0; s < p->g->ns && all; s++)
        for (guint i = 0; i < p->n && all && is_line(p, s); i++)
            all = !p->g->at[s][i] || point_label(x, p, s, i);
    x->dry = FALSE;
    g_array_set_size(x->c->boxes, saved);
    return all;
}

/* Each point's value; on several lines every point's when all find a place, else each
 * line's last value (of each unbroken run), then its highest and lowest where they have
 * room: the figures a reader looks for, never a scattered few. */
void jb_chart_lines_labels(Ctx *x, Plot *p)
{
    gboolean every = !(p->lines && p->g->ns > 1) || every_point_fits(x, p);
    for (guint s = 0; s < p->g->ns; s++) {
        if (!is_line(p, s))
            continue;
        guint hi = G_MAXUINT, lo = G_MAXUINT;
        for (guint i = 0; i < p->n; i++) {
            const JbChartPoint *pt = p->g->at[s][i];
            if (!pt)
                continue;
            if (hi == G_MAXUINT || jb_chart_val(pt) > jb_chart_val(p->g->at[s][hi]))
                hi = i;
            if (lo == G_MAXUINT || jb_chart_val(pt) < jb_chart_val(p->g->at[s][lo]))
                lo = i;
            if (!every && i + 1 < p->n && p->g->at[s][i + 1])
                continue;
            point_label(x, p, s, i);
        }
        if (every || hi == G_MAXUINT)
            continue;
        /* an extreme that ends a run was labelled above */
        if (hi + 1 < p->n && p->g->at[s][hi + 1])
            point_label(x, p, s, hi);
        if (lo != hi && lo + 1 < p->n && p->g->at[s][lo + 1])
            point_label(x, p, s, lo);
    }
}
