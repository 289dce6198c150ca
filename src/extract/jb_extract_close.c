/* jb_extract_close.c — a market's close in a span's sentence (本周累计上涨2.35%，收报24187.62点)
 * and the move or market value quoted with it (收報26,418點，升132點; 年内累计上涨约17%，总市值约
 * 为286亿元): levels on the span's last trading day, not the span's.
 *
 * Not for: which time a figure takes (jb_extract_statement_change.c), a running total since a
 * release (jb_extract_to_date.c).
 */
#include "jb_extract_period_priv.h"
#include "jb_extract_statement_priv.h"

#include <string.h>

static const char *const CLOSE[] = {"收报", "收報",   "报收",   "報收",   "收于",   "收於",
                                    "收在", "收盘报", "收盤報", "收市报", "收市報", NULL};

/* In a market's sentence, is the figure at qs the day's move quoted with the close in the
 * clause before (恒生指數收報26,418點，升132點) or a market value (年内累计上涨约17%，总市值约
 * 为286亿元)? Of the close's day, as the close is: not a running span a clause or a sentence
 * before named (年初至今累跌約37%。). */
static gboolean with_the_close(const Ctx *c, const char *cs0, const char *qs)
{
    static const char *const MOVES[] = {"升", "跌", "涨", "漲", "上涨", "上漲", "下跌", NULL};
    static const char *const VALUE[] = {"总市值",     "總市值",     "总市值约", "總市值約",
                                        "总市值约为", "總市值約為", "总市值为", "總市值為"};
    if (!c->sentence_market)
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(VALUE); i++)
        if (ends(cs0, qs, VALUE[i]))
            return TRUE;
    gboolean move = FALSE;
    for (const char *const *w = MOVES; *w && !move; w++)
        move = qs - cs0 == (gssize)strlen(*w) && starts(cs0, qs, *w);
    if (!move || cs0 <= c->sentence_start)
        return FALSE;
    const char *before = jb_extract_clause_start(c, c->sentence_start, cs0 - 1);
    for (const char *const *w = CLOSE; *w; w++)
        if (jb_find(before, cs0, *w, strlen(*w)))
            return TRUE;
    return FALSE;
}

/* A market's close or quote given in a span's sentence (本周累计上涨2.35%，收报24187.62点;
 * 本周…；离岸人民币兑美元报7.1302), and the move or market value quoted with it
 * (with_the_close), is a level on the span's last trading day (to the published one), not
 * the span's. Spans of days only: 7月…指数报306.2 is a monthly index. */
void close_of_span(const Ctx *c, const char *cs0, const char *qs, char period[JB_PERIOD_MAX])
{
    gboolean close = ends_any(cs0, qs, CLOSE); /* (the list's filter once, then its words) */
    close = close || with_the_close(c, cs0, qs);
    /* (a quote: 离岸人民币兑美元报7.1302; a price quoted, 平仓价报715元/吨, in any sentence) */
    close = close || (c->sentence_market && (ends(cs0, qs, "报") || ends(cs0, qs, "報"))) ||
            ends(cs0, qs, "价报") || ends(cs0, qs, "價報");
    JbPeriod p, today;
    if (!close || !period[0] || !jb_period_parse(period, &p, NULL) ||
        jb_period_freq(&p) == JB_FREQ_DAY || p.start.kind != JB_POINT_DAY ||
        !jb_extract_default_day(&c->anchor, TRUE, &today))
        return;
    gint64 last = MIN(jb_period_end_day(&p), jb_period_end_day(&today)) - 1;
    gint64 day = jb_extract_trading_day_after(last - 8); /* (a week holds a trading day) */
    for (gint64 d = day; d <= last; d = jb_extract_trading_day_after(d))
        day = d;
    if (day > last || day < jb_period_first_day(&p))
        return;
    JbPeriod close_day = jb_period_of(jb_point_of_days(day));
    jb_period_format(&close_day, period);
}
