/* KPI figure: the latest value big, the change since the first period, the period. */
#include "jb_chart_priv.h"

#include "jb_common.h"

#include <string.h>

gboolean jb_chart_draw_kpi(Ctx *x, GError **error)
{
    (void)error;
    JbChart *c = x->c;
    const JbChartTheme *t = x->t;
    const JbChartSeries *se = g_ptr_array_index(c->series, 0);
    const JbChartPoint *first = g_ptr_array_index(se->points, 0);
    const JbChartPoint *last = g_ptr_array_index(se->points, se->points->len - 1);
    double top = jb_chart_header(x), bottom = jb_chart_footer(x);
    double inner = x->W - 2 * x->pad;
    /* the number with its full unit: 超1.2万亿元 */
    g_autofree char *big = jb_chart_value_text(c, last, se->unit, TRUE);
    double size = fmin((bottom - top) * 0.32, 110) / x->k;
    g_autoptr(PangoLayout) bl = jb_chart_text(x, big, size, TRUE, -1);
    while (jb_chart_lw(bl) > inner && size > 10) {
        size *= 0.9;
        g_object_unref(bl);
        bl = jb_chart_text(x, big, size, TRUE, -1);
    }
    /* periods as analysts write them: 2025年（预计）, 2024年1—9月 */
    g_autofree char *period = last->timed ? jb_chart_period_label(&last->period, c->compact_periods)
                                          : g_strdup(last->label);
    g_autofree char *when = g_strconcat(period, last->forecast ? "（预计）" : "", NULL);
    g_autofree char *change = NULL;
    if (se->points->len > 1) { /* as stated; a % metric changes in 百分点 (jb_units) */
        JbChange ch = jb_units_change(&first->fig, &last->fig, se->unit);
        g_autofree char *since = first->timed
                                     ? jb_chart_period_label(&first->period, c->compact_periods)
                                     : g_strdup(first->label);
        change = jb_units_change_text(&ch, since);
    }
    g_autoptr(PangoLayout) wl = jb_chart_text(x, when, t->subtitle_size, FALSE, inner);
    g_autoptr(PangoLayout)
        cl = change ? jb_chart_text(x, change, t->subtitle_size * 1.3, TRUE, inner) : NULL;
    double total = jb_chart_lh(bl) + jb_chart_lh(wl) + (cl ? jb_chart_lh(cl) + 6 : 0);
    double y = top + fmax(0, (bottom - top - total) / 2);
    jb_chart_put(x, bl, x->pad, y, jb_chart_series_color(x, 0));
    y += jb_chart_lh(bl);
    if (cl) {
        jb_chart_put(x, cl, x->pad, y, x->ink);
        y += jb_chart_lh(cl) + 6;
    }
    jb_chart_put(x, wl, x->pad, y, x->muted);
    return TRUE;
}
