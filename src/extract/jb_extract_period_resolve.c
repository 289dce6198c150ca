/* jb_extract_period_resolve.c — the period a time stands for where it stands: times relative
 * to the period in force (同期, 去年同期, 上季, 当时, 全年, 年底) resolved against it, and the
 * day figures with no time refer to (the latest trading day by the published date).
 *
 * Not for: finding times in a sentence (jb_extract_period.c).
 */
#include "jb_extract_period_priv.h"

static gboolean is_trading_day(gint64 d)
{
    return jb_weekday(d) < 5;
}

gboolean jb_extract_default_day(const TimeAnchor *a, gboolean market, JbPeriod *out)
{
    if (!a->day.kind)
        return FALSE;
    if (a->day.kind != JB_POINT_DAY || !market) {
        *out = jb_period_of(a->day);
        return TRUE;
    }
    gint64 d = jb_point_first_day(&a->day);
    if (a->briefing)
        d--; /* a morning briefing reports the closes of the day before */
    while (!is_trading_day(d))
        d--;
    *out = jb_period_of(jb_point_of_days(d));
    return TRUE;
}

gint64 jb_extract_trading_day_after(gint64 d)
{
    do
        d++;
    while (!is_trading_day(d));
    return d;
}

/* ---- resolving ------------------------------------------------------------------------------ */

/* The year r compares with, when it is a base of one whole year (与2010年…相比): REL_YEARS
 * (十年共增加) runs from it when it is as many years before their end (2010/2020 in a census of
 * 2020), not from the year after; 0 when r is no such base. */
static int base_year_of(const TimeRef *r)
{
    return r->role == TIME_BASE && r->p.start.kind == JB_POINT_YEAR &&
                   r->p.end.year == r->p.start.year
               ? r->p.start.year
               : 0;
}

/* The year 全年 means after `p`: its year, or for a span of months or days running into the
 * next year (假期（12月20日至明年1月4日）…全年) the story's, when it is one of the two. */
static int year_of_span(const JbPeriod *p, const TimeAnchor *a)
{
    if (p->start.kind >= JB_POINT_MONTH && p->start.year < p->end.year &&
        anchor_year(a) >= p->start.year && anchor_year(a) <= p->end.year)
        return anchor_year(a);
    return jb_period_year(p);
}

/* 前三周 of the week `base` ends: from its month's first day to its last (FALSE when `base`
 * ends on no day). */
static gboolean month_so_far(const JbPeriod *base, JbPeriod *out)
{
    if (base->end.kind != JB_POINT_DAY)
        return FALSE;
    *out = (JbPeriod){{JB_POINT_DAY, base->end.year, base->end.n, 1}, base->end};
    return TRUE;
}

/* 本月, 上月, 本季, 上季: the quarter or month of the context's end, then one back for 上季 (上季末
 * that quarter's last month); a month's word after a context of several months (第三季…。上月…,
 * 首十個月…。上月…: a running total's last month is no month the text stands in, though its
 * 月末 is that month) is the published day's. */
static JbPeriod this_or_last(const TimeRef *t, JbPeriod base, gboolean in_context,
                             const TimeAnchor *a)
{
    JbFreq f = jb_period_freq(&base);
    if (t->rel == REL_THIS && t->complete && in_context && f == JB_FREQ_DAY)
        return base; /* 截至2026年9月30日，母公司期末可供分配利润…: the end is that day */
    if (t->grain == JB_POINT_MONTH && in_context && a->day.kind &&
        (f == JB_FREQ_YEAR || f == JB_FREQ_HALF || f == JB_FREQ_QUARTER ||
         (f == JB_FREQ_YTD && t->rel == REL_PREV)))
        base = jb_period_of(a->day);
    JbPoint e = base.end;
    JbPoint d = jb_point_of_days(jb_point_end_day(&e) - 1);
    JbPoint g = {t->grain, d.year, t->grain == JB_POINT_QUARTER ? (d.n + 2) / 3 : d.n, 0};
    JbPeriod out = jb_period_of(t->rel == REL_PREV ? jb_point_add(g, -1) : g);
    if (t->rel == REL_PREV && t->complete) {
        JbPoint m = jb_point_of_days(jb_period_end_day(&out) - 1);
        out = jb_period_of((JbPoint){JB_POINT_MONTH, m.year, m.n, 0});
    }
    return out;
}

/* 一周前, 3天前, 一个月前: that many days or months (t->years, t->grain) before the day in
 * force; after a span or a month, before the published day, or in a morning briefing the
 * closes it reports. */
static gboolean days_ago(const TimeRef *t, const JbPeriod *base, const TimeAnchor *a, JbPeriod *out)
{
    JbPeriod at = *base;
    if ((base->start.kind != JB_POINT_DAY || jb_period_freq(base) != JB_FREQ_DAY) &&
        !jb_extract_default_day(a, a->briefing, &at))
        return FALSE;
    JbPoint d = at.start;
    if (d.kind != JB_POINT_DAY)
        return FALSE;
    if (t->grain == JB_POINT_DAY) {
        *out = jb_period_of(jb_point_add(d, -t->years));
        return TRUE;
    }
    /* (the same day of the month, or that month's last) */
    JbPeriod whole = jb_period_of(
        jb_point_add((JbPoint){JB_POINT_MONTH, d.year, d.n, 0}, -t->years));
    gint64 last = jb_period_end_day(&whole) - 1;
    *out = jb_period_of(jb_point_of_days(MIN(jb_period_first_day(&whole) + d.day - 1, last)));
    return TRUE;
}

/* A month, quarter or day with no year in an article with no date (a dumped PDF: 2026年11月，
 * …。1—11月，累计…): in the year of the period in force, a span still a span. */
static gboolean in_year_in_force(const TimeRef *t, const JbPeriod *ctx, JbPeriod *out)
{
    if (!t->year_implied || !ctx || ctx->start.year != ctx->end.year || ctx->start.year <= 0 ||
        t->p.start.year != t->p.end.year || t->p.start.kind < JB_POINT_HALF ||
        t->p.end.kind < JB_POINT_HALF)
        return FALSE;
    out->start.year = out->end.year = ctx->start.year;
    return jb_point_valid(&out->start) && jb_point_valid(&out->end);
}

gboolean jb_extract_resolve_time(const TimeRef *t, const JbPeriod *ctx, const TimeAnchor *a,
                                 const GArray *refs, guint i, JbPeriod *out)
{
    if (t->rel == REL_NONE || t->restated) { /* (restated: 去年同期（2025年8月至10月）) */
        *out = t->p;
        return t->known || t->restated || in_year_in_force(t, ctx, out);
    }
    switch (t->rel) {
    case REL_WHEN:
        /* (back over the sentence's last 64 times at most, as below) */
        for (guint k = i; k-- > 0 && i - k <= 64;) {
            const TimeRef *r = &g_array_index(refs, TimeRef, k);
            if (r->rel == REL_NONE && r->known && r->role != TIME_RESTATE) {
                *out = r->p;
                return TRUE;
            }
        }
        return FALSE;
    default:
        break;
    }
    JbPeriod base;
    if (ctx)
        base = *ctx;
    else if (a->day.kind)
        base = jb_period_of(a->day);
    else
        return FALSE;
    switch (t->rel) {
    case REL_SAME:
        *out = base;
        return TRUE;
    case REL_YEAR_AGO:
        *out = (JbPeriod){jb_point_add_years(base.start, -1), jb_point_add_years(base.end, -1)};
        return TRUE;
    case REL_YEAR:
    case REL_YEAR_START:
    case REL_YEAR_END:
    case REL_YEARS:
    case REL_PREV_YEAR_END:
    case REL_PREV_YEAR: {
        /* the year its sentence named last: as the period (2023年营收…较2022年…，全年…), else
         * as anything (从2023年初的0.9元下降至年底的0.45元); else the context's. Back over
         * the sentence's last 64 times at most: a sentence of thousands of 比上年末… naming no
         * year walked all the times before each (32000 in a clause: 5.2 s) */
        int y = 0, any = 0, base_y = 0;
        for (guint k = 0; k < i && k < 64 && !y; k++) {
            const TimeRef *r = &g_array_index(refs, TimeRef, i - 1 - k);
            if (r->rel != REL_NONE || !r->known || r->role == TIME_RESTATE)
                continue;
            if (r->role == TIME_PERIOD && t->rel == REL_YEAR && r->p.start.kind == JB_POINT_MONTH &&
                r->p.end.kind == JB_POINT_MONTH &&
                jb_point_add(r->p.start, 11).year == r->p.end.year &&
                jb_point_add(r->p.start, 11).n == r->p.end.n) {
                *out = r->p; /* a fiscal year's 全年: its twelve months (2024-07/2025-06) */
                return TRUE;
            }
            if (r->role == TIME_PERIOD && t->rel == REL_YEAR && a->fy_end >= 1 && a->fy_end <= 11 &&
                r->p.start.kind == JB_POINT_MONTH && r->p.end.kind == JB_POINT_MONTH) {
                *out = fiscal_year_of(r->p.end, a->fy_end); /* 下半財年…，全年: that year's */
                return TRUE;
            }
            if (r->role == TIME_PERIOD)
                y = t->rel == REL_YEAR ? year_of_span(&r->p, a) : jb_period_year(&r->p);
            else if (!any && r->role != TIME_BASE)
                any = jb_period_year(&r->p);
            base_y = base_y ? base_y : base_year_of(r);
        }
        gboolean named = y || any;
        if (t->rel == REL_YEAR && !named && a->fy_end >= 1 && a->fy_end <= 11) {
            /* 全年 of a company whose years end in March (an interim's 全年收益料增2%至4%): the
             * fiscal year the time in force falls in, April to March */
            *out = fiscal_year_of(jb_point_of_days(jb_point_end_day(&base.end) - 1), a->fy_end);
            return TRUE;
        }
        int base_year = t->rel == REL_YEAR ? year_of_span(&base, a) : jb_period_year(&base);
        if (!y)
            y = any ? any : base_year;
        if (!ctx && !named && (t->rel == REL_YEAR || t->rel == REL_YEARS) && anchor_month(a) &&
            anchor_month(a) <= 2)
            y--; /* a year-end review: January's 全年 is last year */
        if (t->rel == REL_YEARS && t->complete && !named && y == anchor_year(a))
            y--; /* 过去三年, in November: the three whole years before this one */
        if (t->rel == REL_YEARS) {
            int from = base_y && base_y == y - t->years ? base_y : y - t->years + 1;
            *out = (JbPeriod){{JB_POINT_YEAR, from, 0, 0}, {JB_POINT_YEAR, y, 0, 0}};
            return TRUE;
        }
        if (t->rel == REL_YEAR_END && t->complete && y < anchor_year(a)) {
            /* 年末全国卫生人员总数…, heading its clause in a bulletin of a year already over:
             * the year's stock, a yearly figure */
            *out = point_period(JB_POINT_YEAR, y, 0, 0);
            return TRUE;
        }
        *out = t->rel == REL_YEAR            ? point_period(JB_POINT_YEAR, y, 0, 0)
               : t->rel == REL_YEAR_START    ? point_period(JB_POINT_MONTH, y, 1, 0)
               : t->rel == REL_PREV_YEAR_END ? point_period(JB_POINT_MONTH, y - 1, 12, 0)
               : t->rel == REL_PREV_YEAR     ? point_period(JB_POINT_YEAR, y - 1, 0, 0)
                                             : point_period(JB_POINT_MONTH, y, 12, 0);
        return TRUE;
    }
    case REL_TWO_YEARS: {
        int y = jb_period_year(&base);
        *out = (JbPeriod){{JB_POINT_YEAR, y - 1, 0, 0}, {JB_POINT_YEAR, y, 0, 0}};
        return TRUE;
    }
    case REL_MONTH_TO_DAY:
        return month_so_far(&base, out);
    case REL_DAYS_AGO:
        return days_ago(t, &base, a, out);
    case REL_PREV:
    case REL_THIS:
        *out = this_or_last(t, base, ctx != NULL, a);
        return TRUE;
    default:
        return FALSE;
    }
}

gboolean jb_extract_period_before(const JbPeriod *p, JbPeriod *out)
{
    JbPoint a = p->start, b = p->end;
    if (a.kind != b.kind || a.kind < JB_POINT_YEAR || a.kind > JB_POINT_DAY)
        return FALSE;
    if (a.kind != JB_POINT_MONTH) {
        if (a.kind != JB_POINT_DAY && a.year != b.year)
            return FALSE; /* (a span of years or across them: no “before” of its kind) */
        int n = a.kind == JB_POINT_DAY ? (int)(jb_point_first_day(&b) - jb_point_first_day(&a)) + 1
                : a.kind == JB_POINT_YEAR ? 1
                                          : b.n - a.n + 1;
        *out = (JbPeriod){jb_point_add(a, -n), jb_point_add(b, -n)};
        return TRUE;
    }
    int len = (b.year - a.year) * 12 + (b.n - a.n) + 1;
    if (len >= 2 && a.n == 1 && a.year == b.year) /* 1—10月: 1—9月 */
        *out = (JbPeriod){a, jb_point_add(b, -1)};
    else if (len == 3) /* 8月至10月: 7月至9月 */
        *out = (JbPeriod){jb_point_add(a, -1), jb_point_add(b, -1)};
    else
        *out = (JbPeriod){jb_point_add(a, -len), jb_point_add(b, -len)};
    return TRUE;
}
