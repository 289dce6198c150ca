/* jb_extract_to_date.c — a film's running total since its release (累计票房) in a span of days
 * the story reports (上周（11月9日-11月15日）…《某片》…累计票房达到12.38亿元, a weekly chart's
 * column 累计票房（万元）): the total as of the span's last day, not a sum over the span.
 *
 * Not for: a season's or a holiday's own total (春节档累计票房, 假期期间累计票房: the span's), a
 * total over the days since release the text counts (上映8天累计票房), a time the figure names.
 */
#include "jb_extract_ends_priv.h"
#include "jb_word_lists.h"

#include <string.h>

const char *const jb_extract_to_date_words[] = {"累计票房", "累計票房", NULL};

void jb_extract_total_to_date(const char *a, const char *b, char period[JB_PERIOD_MAX])
{
    const char *const *const TOTAL = jb_extract_to_date_words;
    static const char *const SPAN[] = {"档",     "檔",     "假期", "期间", "期間",
                                       "黄金周", "黃金週", "上映", NULL};
    const char *at = NULL;
    for (const char *const *w = TOTAL; *w && !at; w++)
        at = g_strstr_len(a, b - a, *w);
    JbPeriod p;
    if (!at || !period[0] || !strchr(period, '/') || !jb_period_parse(period, &p, NULL) ||
        p.start.kind != JB_POINT_DAY || p.end.kind != JB_POINT_DAY)
        return;
    for (const char *const *w = SPAN; *w; w++)
        if (g_strstr_len(a, at - a, *w))
            return;
    jb_period_format(&(JbPeriod){p.end, p.end}, period);
}

/* Does [a, b) name a market or a share's price (A股, 港股, 指数, 收盘, 股价)? A run since January
 * there (年内A股累计涨幅, 今年以来股价累计上涨) is a quote's move to the trading day, not a
 * release's total to its month: a results story's quarter is no frame of it. */
gboolean jb_extract_market_words(const char *a, const char *b)
{
    static const char *const PRICE[] = {"股价", "股價", NULL};
    for (int l = 0; l < 2; l++)
        for (const char *const *w = l ? PRICE : jb_words_market_word; *w; w++)
            if (g_strstr_len(a, b - a, *w))
                return TRUE;
    return FALSE;
}
