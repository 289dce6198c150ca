/* chart_check.h — the geometric check of a drawn chart, shared by the chart tests: no text
 * box overlaps another or leaves the canvas, and none touches a mark (a bar, a marker, a
 * line segment) — except a label written wholly inside its own bar (JbChartBox.in_bar). */
#ifndef JB_CHART_CHECK_H
#define JB_CHART_CHECK_H

#include "jb_chart.h"

#include <glib.h>

/* Does the segment (x0,y0)–(x1,y1) cross the rectangle [l,r]×[t,b]? (Liang–Barsky) */
static G_GNUC_UNUSED gboolean check_segment_hits(double x0, double y0, double x1, double y1,
                                                 double l, double t, double r, double b)
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
            u0 = u > u0 ? u : u0;
        else
            u1 = u < u1 ? u : u1;
        if (u0 > u1)
            return FALSE;
    }
    return TRUE;
}

/* NULL when the boxes and marks are clean; else what is wrong (caller g_free()s). */
static G_GNUC_UNUSED char *check_layout(const GArray *boxes, const GArray *marks, double width,
                                        double height)
{
    const double eps = 0.01;
    for (guint i = 0; i < boxes->len; i++) {
        const JbChartBox *a = &g_array_index(boxes, JbChartBox, i);
        if (a->x < -eps || a->y < -eps || a->x + a->w > width + eps || a->y + a->h > height + eps)
            return g_strdup_printf("'%s' leaves the canvas (%.1f,%.1f %.1f×%.1f)", a->text, a->x,
                                   a->y, a->w, a->h);
        for (guint j = i + 1; j < boxes->len; j++) {
            const JbChartBox *b = &g_array_index(boxes, JbChartBox, j);
            if (a->x < b->x + b->w - eps && b->x < a->x + a->w - eps && a->y < b->y + b->h - eps &&
                b->y < a->y + a->h - eps)
                return g_strdup_printf("'%s' overlaps '%s'", a->text, b->text);
        }
        for (guint k = 0; marks && k < marks->len; k++) {
            const JbChartMark *m = &g_array_index(marks, JbChartMark, k);
            if (m->segment) {
                double g = m->width / 2;
                if (check_segment_hits(m->x0, m->y0, m->x1, m->y1, a->x - g, a->y - g,
                                       a->x + a->w + g, a->y + a->h + g))
                    return g_strdup_printf("'%s' (%.1f,%.1f %.1f×%.1f) touches the line from "
                                           "(%.1f,%.1f) to (%.1f,%.1f)",
                                           a->text, a->x, a->y, a->w, a->h, m->x0, m->y0, m->x1,
                                           m->y1);
                continue;
            }
            gboolean overlap = a->x < m->x1 - eps && m->x0 < a->x + a->w - eps &&
                               a->y < m->y1 - eps && m->y0 < a->y + a->h - eps;
            gboolean inside = a->in_bar == k + 1 && a->x >= m->x0 && a->y >= m->y0 &&
                              a->x + a->w <= m->x1 && a->y + a->h <= m->y1;
            if (overlap && !inside)
                return g_strdup_printf("'%s' (%.1f,%.1f %.1f×%.1f) touches the mark at "
                                       "(%.1f,%.1f)–(%.1f,%.1f)",
                                       a->text, a->x, a->y, a->w, a->h, m->x0, m->y0, m->x1, m->y1);
        }
    }
    return NULL;
}

static G_GNUC_UNUSED char *check_chart(const JbChart *c)
{
    double w, h;
    jb_chart_size(c, &w, &h);
    return check_layout(jb_chart_boxes(c), jb_chart_marks(c), w, h);
}

#endif
