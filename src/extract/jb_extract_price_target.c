/* jb_extract_price_target.c — a broker's price target (将目标价上调至230元, 给予目标价50港元):
 * set on the day of the note, the day the story reports, not the quarter of the results the
 * story is about nor a year its forecasts name.
 *
 * Not for: a target of output or growth (全年目标, 目标任务: a plan's period), the price a share
 * closed at (a market figure, the trading day's).
 */
#include "jb_extract_ends_priv.h"

#include <string.h>

gboolean jb_extract_price_target(const char *cs0, const char *qs)
{
    static const char *const W[] = {"目标价", "目標價", "目标股价", "目標股價", NULL};
    /* (the words in the 12 characters before the figure: 目标价上调至, 目标价由…调高至) */
    const char *from = jb_utf8_back(cs0, qs, 12);
    for (const char *p = from; p < qs; p++)
        if (*p == "目"[0] && (starts(p, qs, "目标") || starts(p, qs, "目標")))
            for (const char *const *w = W; *w; w++)
                if (starts(p, qs, *w))
                    return TRUE;
    return FALSE;
}
