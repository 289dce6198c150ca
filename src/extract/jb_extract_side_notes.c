/* jb_extract_side_notes.c — a time said after figures of its sentence. After a figure of its
 * item in a list of quotes (…8123.40点，本周涨0.92%；德国…) it is that item's clause's only. A
 * week or a weekday after a session's figures (周五…报97.86，本周累计下跌1.12%，上周则上涨
 * 0.35%。 / …，北京时间周六早间报7.0469。) is a side note to the session, its sentence's only,
 * so the next sentence's figures are the session's again, not the week's or that day's. A
 * weekly review's week, in force or opening its figures, still carries on (本周A股震荡上行…。
 * …有22个行业本周上涨。).
 *
 * Not for: which time a figure takes (jb_extract_statement_change.c), nor the carry itself
 * (jb_extract_times.c).
 */
#include "jb_extract_read_priv.h"

/* Is there a quantity of `qs` between the start of the item (after the last ；) holding `at`
 * and `at`, not one inside the times before it (今日（十月三十日）公布，首九個月…: a date's
 * numerals, no figure; a few of each looked at)? */
static gboolean number_before_in_item(const char *sent, const char *item, const char *at,
                                      const GArray *qs, const GArray *refs, guint i)
{
    /* the first quantity at or after the item's start (bisection): is it before `at`? */
    guint lo = 0, hi = qs->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (sent + g_array_index(qs, JbQuantity, mid).start < item)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (guint n = 0; lo < qs->len && n < 4; lo++, n++) {
        const char *x = sent + g_array_index(qs, JbQuantity, lo).start;
        if (x >= at)
            return FALSE;
        gboolean in_time = FALSE;
        for (guint k = i; k-- > 0 && k + 4 >= i && !in_time;) {
            const TimeRef *t = &g_array_index(refs, TimeRef, k);
            in_time = t->at <= x && x < t->end;
        }
        if (!in_time)
            return TRUE;
    }
    return lo < qs->len && sent + g_array_index(qs, JbQuantity, lo).start < at;
}

/* Is r a week (本周, 上周) or a day named by its weekday (周六早间)? After a day and a figure
 * of its sentence it adds a side note to the session's figures (周五…报97.86，本周累计下跌
 * 1.12%): the next sentence's figures are the session's again, not the week's or that day's
 * (a weekly review's 本周, opening its figures, still carries on). */
static gboolean week_or_weekday(const TimeRef *r, const char *end)
{
    static const char *const WEEK[] = {"本周", "本週", "上周", "上週", "这周", "這週", NULL};
    if (r->weekday)
        return TRUE;
    for (const char *const *w = WEEK; *w; w++)
        if (starts(r->at, end, *w))
            return TRUE;
    return FALSE;
}

/* Are the figures before the sentence's i-th time a single day's: a day it named (周五,
 * 12月4日), or the period in force (`ctx`) a day, or none in force (the published or trading
 * day's then) and the week's running total after it (本周累计, 本周累涨)? Not in a weekly
 * review, whose week is in force (有22个行业本周上涨). */
static gboolean session_in_force(const GArray *refs, guint i, const JbPeriod *ctx, const char *end)
{
    static const char *const RUNNING[] = {"累计", "累計", "累涨", "累漲",
                                          "累跌", "累升", "累降", NULL};
    const TimeRef *r = &g_array_index(refs, TimeRef, i);
    if (ctx ? jb_period_freq(ctx) == JB_FREQ_DAY
            : word_in(r->end, MIN(r->end + 6, end), RUNNING) != NULL)
        return TRUE;
    for (guint k = 0; k < i; k++) {
        const TimeRef *o = &g_array_index(refs, TimeRef, k);
        if ((o->has_val && o->val.start.kind == JB_POINT_DAY &&
             jb_period_end_day(&o->val) - jb_period_first_day(&o->val) == 1) ||
            (o->sentence_only && week_or_weekday(o, end)))
            return TRUE; /* (…，本周累计下跌1.12%，上周则上涨0.35%: both the session's notes) */
    }
    return FALSE;
}

/* Does the clause of a time ending at e lead into 届时 (预计于2027年二季度投产，届时…): the time
 * the next clause's figures are of, though a figure stands before it in its item (项目总投资约
 * 30亿元，预计于…)? */
static gboolean then_after(const char *e, const char *end)
{
    for (const char *q = e; q < end && q - e < 3 * 12; q = g_utf8_next_char(q)) {
        if (starts(q, end, "，届时") || starts(q, end, "，屆時"))
            return TRUE;
        if (starts(q, end, "，") || starts(q, end, "；") || starts(q, end, "。"))
            return FALSE;
    }
    return FALSE;
}

/* Is r a whole year over by the published day, said after a part of it in force that is no
 * day (过去一年…工业增加值上半年增长5.6%，全年增长8.3%；投资下降1.6%)? The year under review again,
 * for the items after it too: no side note (a day's quotes, …收报8123点，本周涨0.92%, keep
 * theirs; a year not over, 完成全年计划的75.1%, 全年…料可突破, is a plan's or a forecast's). */
static gboolean whole_after_part(const TimeRef *r, const JbPeriod *ctx, const TimeAnchor *a)
{
    return ctx && r->has_val && jb_period_freq(&r->val) == JB_FREQ_YEAR &&
           jb_period_freq(ctx) != JB_FREQ_DAY && jb_period_freq(ctx) != JB_FREQ_SPAN &&
           a->day.kind == JB_POINT_DAY &&
           jb_period_end_day(&r->val) <= jb_point_first_day(&a->day) &&
           jb_period_first_day(&r->val) <= jb_period_first_day(ctx) &&
           jb_period_end_day(ctx) <= jb_period_end_day(&r->val) && !jb_period_equal(ctx, &r->val);
}

void after_figures(GArray *refs, guint i, const char *sent, const char *end, const char *its,
                   const GArray *qs, const JbPeriod *ctx, const TimeAnchor *a)
{
    TimeRef *r = &g_array_index(refs, TimeRef, i);
    /* (not a level's time: 由2020年的63.2%提高到2025年的69.5%, the period it reaches) */
    gboolean level = starts(r->end, end, "的") && r->end + 3 < end && g_ascii_isdigit(r->end[3]);
    if (!r->local && its && !level && !whole_after_part(r, ctx, a) && !then_after(r->end, end) &&
        number_before_in_item(sent, its, r->at, qs, refs, i))
        r->local = r->after_item = TRUE;
    else if (!r->local && week_or_weekday(r, end) &&
             number_before_in_item(sent, sent, r->at, qs, refs, i) &&
             session_in_force(refs, i, ctx, end))
        r->sentence_only = TRUE;
}
