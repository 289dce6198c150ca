/* jb_extract_holdings.c — a position held at a report's end: what a fund's quarterly or
 * half-yearly report says it holds (持股数量, 公允价值, 占基金资产净值的比例, a table of its
 * largest holdings) is a level at the period's last month, not a flow over the quarter the
 * story reports (三季度净值增长12.36% is the quarter's; 前十大重仓股合计占基金资产净值的52.3% is
 * September's).
 *
 * Not for: the quarter's flows and changes (申购, 较二季度末上升3.1个百分点), a time the figure
 * names itself, a year's annual report.
 */
#include "jb_extract_ends_priv.h"
#include "jb_word_lists.h"

#include <string.h>

gboolean jb_extract_holding_words(const char *a, const char *b)
{
    /* (a change of it after the word is the period's flow: 持股数量较上季末增加, 减持约58万股) */
    static const char *const CHANGE[] = {"较",   "較",   "增",   "减",   "減",
                                         "上升", "下降", "提高", "降低", NULL};
    for (const char *const *w = jb_words_holding; *w; w++) {
        const char *at = g_strstr_len(a, b - a, *w);
        if (!at)
            continue;
        /* (公允价值变动 is a gain or loss of the period: a flow) */
        for (const char *const *x = CHANGE; *x; x++)
            if (g_strstr_len(at, b - at, *x))
                return FALSE;
        return !g_strstr_len(at, b - at, "变动") && !g_strstr_len(at, b - at, "變動");
    }
    return FALSE;
}

void jb_extract_at_period_end(char period[JB_PERIOD_MAX])
{
    JbPeriod p;
    if (!period[0] || !jb_period_parse(period, &p, NULL))
        return;
    JbFreq f = jb_period_freq(&p);
    if (f != JB_FREQ_QUARTER && f != JB_FREQ_HALF)
        return;
    JbPoint d = jb_point_of_days(jb_period_end_day(&p) - 1); /* (the day after its last) */
    JbPoint m = {JB_POINT_MONTH, d.year, d.n, 0};
    jb_period_format(&(JbPeriod){m, m}, period);
}
