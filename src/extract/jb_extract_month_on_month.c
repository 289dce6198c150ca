/* jb_extract_month_on_month.c — a sentence of one month under a running total: a change
 * against the month before (月增, 月減, 按月, 較上月) says its figures are a single month's, so
 * the running total (1—10月, 前10月, 首十個月) a sentence naming no time carries on is its last
 * month for them (前10月累計…。其中電動機車掛牌…輛，月增約8%: October's).
 *
 * Not for: 环比 (a quarter's after 前三季度 as often as a month's), a sentence naming its own
 * time (its times replace the carried one), the running total's own sentence.
 */
#include "jb_extract_period_priv.h"
#include "jb_extract_read_priv.h"

#include <string.h>

/* Does 月 at p (in [sent, …)) name no month of its own (10月增長, 三個月升: a month, a count)? */
static gboolean bare_month(const char *sent, const char *p)
{
    static const char *const COUNT[] = {"一", "二", "三", "四", "五", "六", "七", "八",
                                        "九", "十", "个", "個", "两", "兩", NULL};
    if (p > sent && g_ascii_isdigit(p[-1]))
        return FALSE;
    for (const char *const *w = COUNT; *w; w++)
        if (ends(sent, p, *w))
            return FALSE;
    return TRUE;
}

/* Does [sent, end) hold a change against the month before? Only 月's bytes are looked for
 * before the words around it. */
static gboolean month_on_month(const char *sent, const char *end)
{
    static const char *const AFTER[] = {"增", "減", "减", "升", "降", "跌", "漲", "涨", NULL};
    for (const char *p = sent; (p = jb_find3(p, end, "月")); p += strlen("月")) {
        if (ends(sent, p, "按") || ends(sent, p, "較上") || ends(sent, p, "较上") ||
            ends(sent, p, "比上"))
            return TRUE;
        if (bare_month(sent, p) && any_lit(p + strlen("月"), end, AFTER))
            return TRUE;
    }
    return FALSE;
}

void jb_extract_month_of_total(Ctx *c, const char *sent, const char *end)
{
    if (!c->have_carry_in || jb_period_freq(&c->carry_in) != JB_FREQ_YTD ||
        c->carry_in.end.kind != JB_POINT_MONTH || !month_on_month(sent, end))
        return;
    c->carry_in = jb_period_of(c->carry_in.end);
    c->carry_in_as_of = FALSE;
}
