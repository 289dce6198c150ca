/* jb_extract_period_counts.c — spans counted to or from the published day (过去12个月, 五年来,
 * 这五年, 今后三年) and a cohort's year (2027届毕业生规模, 上届同期): read by the scan's
 * time_at (jb_extract_period.c) before a year, at the first characters they begin with; spans
 * ended on a day (截至6月30日止六个月, 截至11月27日当周, 11月截至26日), read after the day.
 *
 * Not for: years, months and quarters written out (jb_extract_period_dates.c), times said in
 * words (jb_extract_period_words.c), days counted back (一周前: jb_extract_period_weeks.c).
 */
#include "jb_extract_period_priv.h"

/* The last months up to the published one (过去12个月, 過去六個月): a trailing span, the
 * published month its last. */
const char *months_to_now(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                          TimeRef *t)
{
    const char *q = any_lit(p, limit, (const char *const[]){"过去", "過去", NULL});
    int n = q ? small_number(&q, s, limit, 24) : -1;
    const char *e = n >= 2 ? any_lit(q, limit, (const char *const[]){"个月", "個月", NULL}) : NULL;
    if (!e || !anchor_month(a))
        return NULL;
    JbPoint last = {JB_POINT_MONTH, anchor_year(a), anchor_month(a), 0};
    t->p = (JbPeriod){jb_point_add(last, -(n - 1)), last};
    t->sentence_only = TRUE; /* (a span said in passing: not the next sentence's) */
    return e;
}

/* The last years up to the one spoken of (五年来, 过去五年, 近5年来, 这五年, 三年间, 十年共,
 * 五年累计): a review's span. Not a record span (15年来最高, 三年来首次): that says how rare a
 * figure is, not when. */
const char *years_to_now(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                         TimeRef *t)
{
    gunichar c = cjk_at(p, limit); /* (过去, 这, or the number of years: keep with them) */
    if (!g_ascii_isdigit(*p) && c != 0x8FC7 /* 过 */ && c != 0x904E /* 過 */ &&
        c != 0x8FD9 /* 这 */ && c != 0x9019 /* 這 */ && !cn_small_may_start(c))
        return NULL;
    const char *q = p,
               *w = any_lit(p, limit, (const char *const[]){"过去", "過去", "这", "這", NULL});
    if (w)
        q = w;
    int n = small_number(&q, s, limit, 10);
    const char *e = n >= 2 ? lit(q, limit, "年") : NULL;
    if (!e || !anchor_year(a))
        return NULL;
    const char *since = any_lit(
        e, limit, (const char *const[]){"以来", "以來", "来", "來", "间", "間", NULL});
    /* (五年累计完成投资…: the years a review totals, its 累计 left for the figure) */
    gboolean total = !since && any_lit(e, limit, (const char *const[]){"累计", "累計", NULL}) &&
                     !ends_with_any(s, p,
                                    (const char *const[]){"计划", "計劃", "将", "將", "力争",
                                                          "力爭", "争取", "爭取", "预计", "預計",
                                                          "拟", "擬", "要", NULL}); /* (a plan's) */
    if (since)
        e = since;
    else if (!w && !total &&
             !lit(e, limit, "共")) /* (十年共增加: a change over the years to now) */
        return NULL;               /* (五年 alone is a duration) */
    else if (w && !total &&
             any_lit(e, limit, (const char *const[]){"的", "里", "裡", "内", "內", NULL}))
        return NULL; /* (过去五年 alone) */
    if (any_lit(e, limit,
                (const char *const[]){"最", "首", "新高", "新低", "罕见", "罕見", "同期最", "之最",
                                      NULL}))
        return NULL;
    t->rel = REL_YEARS;
    t->years = n;
    t->complete = lit(p, limit, "过去") || lit(p, limit, "過去");
    return e;
}

/* The next years from the published one (今后三年, 未来五年, 明后两年): a plan's span, from the
 * year after; N years within (五年内引进…人才: not 年内, this year), from the published year. */
const char *years_ahead(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                        TimeRef *t)
{
    const char *q = any_lit(p, limit, (const char *const[]){"今后", "今後", "未来", "未來", NULL});
    int n = 0;
    gboolean within = FALSE;
    if (q)
        n = small_number(&q, s, limit, 10);
    else if ((q = any_lit(p, limit, (const char *const[]){"明后", "明後", NULL})))
        n = small_number(&q, s, limit, 2) == 2 ? 2 : 0;
    else if (!ends_with_any(s, p,
                            (const char *const[]){"近", "过去", "過去", "这", "這", "前", NULL})) {
        q = p; /* (近三年内, 过去五年内: years back) */
        n = small_number(&q, s, limit, 10);
        within = TRUE;
    }
    const char *e = n >= 2 ? lit(q, limit, "年") : NULL;
    if (within && e && !any_lit(e, limit, (const char *const[]){"内", "內", NULL}))
        return NULL;
    if (!e || !anchor_year(a) || any_lit(e, limit, (const char *const[]){"来", "來", "期", NULL}))
        return NULL; /* (十年期: a tenor) */
    if (any_lit(e, limit, (const char *const[]){"（", "(", NULL}))
        return NULL; /* (未來五年（2026/27至2030/31年度）: the years in brackets say it) */
    const char *in = any_lit(e, limit, (const char *const[]){"内", "內", "里", "裡", NULL});
    t->p = (JbPeriod){{JB_POINT_YEAR, anchor_year(a) + !within, 0, 0},
                      {JB_POINT_YEAR, anchor_year(a) + n - within, 0, 0}};
    t->future_word = TRUE;
    t->loose = within; /* (as 年内: a deadline, of what comes after it only) */
    return in ? in : e;
}

/* Does an expected count of graduates follow at w (毕业生预计约8,100人, 毕业生将达1.2万名)?
 * (one counted, 2026届毕业生共7,863人, is at the count's time) */
static gboolean cohort_count_at(const char *w, const char *limit)
{
    const char *q = any_lit(w, limit, (const char *const[]){"毕业生", "畢業生", NULL});
    static const char *const AHEAD[] = {"预计", "預計", "将", "將", NULL};
    static const char *const LINK[] = {"将", "將", "约", "約", "共", "有",
                                       "达", "達", "为", "為", NULL};
    if (!q || !(q = any_lit(q, limit, AHEAD)))
        return FALSE;
    for (const char *l; (l = any_lit(q, limit, LINK));)
        q = l;
    if (q >= limit || !g_ascii_isdigit(*q))
        return FALSE;
    while (q < limit && (g_ascii_isdigit(*q) || *q == ',' || *q == '.'))
        q++;
    if (lit(q, limit, "万") || lit(q, limit, "萬"))
        q += strlen("万");
    return any_lit(q, limit, (const char *const[]){"人", "名", NULL}) != NULL;
}

/* A cohort: its size (2027届高校毕业生规模预计达1290万人, 2027届毕业生预计约8,100人) is a
 * count of the year it graduates (what the cohort earns or signs is measured when said);
 * 上届同期, 上届（2025届）同期 is the last cohort at the same point, a year before. */
const char *cohort_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                       TimeRef *t, gboolean *no_time)
{
    const char *e;
    if ((e = any_lit(p, limit, (const char *const[]){"上届", "上屆", NULL}))) {
        const char *q = e;
        if (lit(q, limit, "（"))
            for (const char *r = q; r < limit && r - q < 3 * 8; r = g_utf8_next_char(r))
                if (lit(r, limit, "）")) {
                    q = r + strlen("）");
                    break;
                }
        if (!anchor_year(a) || !(e = any_lit(q, limit, (const char *const[]){"同期", NULL})))
            return NULL;
        t->rel = REL_YEAR_AGO;
        return e;
    }
    if (!g_ascii_isdigit(*p) || (p > s && g_ascii_isdigit(p[-1])))
        return NULL;
    const char *q = p;
    int y = digits(&q, s, limit, 4);
    if (y < 1900 || y > 2100 || q - p != 4 ||
        !(e = any_lit(q, limit, (const char *const[]){"届", "屆", NULL})))
        return NULL;
    for (const char *w = e; w < limit && w - e <= 3 * 8 && !clause_mark_at(w, limit);
         w = g_utf8_next_char(w))
        if (any_lit(w, limit, (const char *const[]){"规模", "規模", "人数", "人數", NULL}) ||
            cohort_count_at(w, limit)) {
            t->p = point_period(JB_POINT_YEAR, y, 0, 0);
            return e;
        }
    /* 比2025届的91.4%, and a cohort graduated this year (2026届毕业生平均月收入 in a report
     * of December 2026; round 25): the cohort's year, not the day it is reported */
    if (anchor_year(a) && y <= anchor_year(a)) {
        t->p = point_period(JB_POINT_YEAR, y, 0, 0);
        return e;
    }
    *no_time = TRUE; /* 2027届毕业生签约率 said in 2026: a cohort's name, measured when said */
    return NULL;
}

gboolean cohort_after_as_of(const char *s, const GArray *refs, guint i)
{
    const TimeRef *r = &g_array_index(refs, TimeRef, i);
    if (!g_ascii_isdigit(*r->at) ||
        !(ends_with(r->at, r->end, "届") || ends_with(r->at, r->end, "屆")))
        return FALSE;
    while (i-- > 0) {
        const TimeRef *d = &g_array_index(refs, TimeRef, i);
        if (d->has_val && d->role == TIME_PERIOD && d->at >= s &&
            d->val.start.kind == JB_POINT_DAY && d->val.start.year == r->p.start.year &&
            jb_period_first_day(&d->val) == jb_period_end_day(&d->val) - 1 &&
            (ends_with(s, d->at, "截至") || ends_with(s, d->at, "截止")))
            return TRUE;
    }
    return FALSE;
}

/* ---- spans ended on a day ---------------------------------------------------------------- */

/* A period named by the day it ended (截至2024年12月31日止的2025财年第三季度, 截至6月30日止
 * 六个月, 截至3月31日止年度): the three, six or twelve months to that day, the words that
 * name it (and a fiscal year's own numbering, which the calendar replaces) taken in. NULL
 * when the day is no such end. `*p` holds the day, and gets the period. */
const char *ended_on(const char *s, const char *at, const char *e, const char *limit, JbPeriod *p)
{
    if (!ends_with(s, at, "截至") && !ends_with(s, at, "截止"))
        return NULL;
    /* (止 in a company's results; 的 in a statistics release: 在截至一月的三個月內) */
    const char *q = any_lit(e, limit, (const char *const[]){"止", "的", NULL});
    if (!q)
        return NULL;
    static const struct {
        const char *w;
        int months;
    } SPANS[] = {{"第一季度", 3}, {"第二季度", 3},  {"第三季度", 3},  {"第四季度", 3},
                 {"财季", 3},     {"財季", 3},      {"季度", 3},      {"三个月", 3},
                 {"三個月", 3},   {"3个月", 3},     {"3個月", 3},     {"六个月", 6},
                 {"六個月", 6},   {"6个月", 6},     {"6個月", 6},     {"中期", 6},
                 {"半年", 6},     {"九个月", 9},    {"九個月", 9},    {"9个月", 9},
                 {"9個月", 9},    {"十二个月", 12}, {"十二個月", 12}, {"12个月", 12},
                 {"12個月", 12},  {"前三季度", 9},  {"前三季", 9},    {"首三季", 9},
                 {"年度", 12},    {"财年", 12},     {"財年", 12}};
    /* the words up to the span's name: 的2025财年, within a few characters */
    const char *r = q;
    for (int k = 0; k < 12 && r < limit; k++) {
        if (any_lit(r, limit, (const char *const[]){"，", "。", "；", "（", NULL}))
            return NULL;
        for (gsize i = 0; i < G_N_ELEMENTS(SPANS); i++) {
            const char *w = lit(r, limit, SPANS[i].w);
            if (!w)
                continue;
            if (SPANS[i].months == 12 && (lit(w, limit, "第") || lit(w, limit, "Q")))
                continue; /* 财年第三季度: the quarter, further on */
            JbPoint last = p->start;
            JbPoint first = jb_point_add((JbPoint){JB_POINT_MONTH, last.year, last.n, 0},
                                         -(SPANS[i].months - 1));
            JbPoint end_month = {JB_POINT_MONTH, last.year, last.n, 0};
            if (SPANS[i].months == 3 && last.n % 3 == 0)
                *p = jb_period_of((JbPoint){JB_POINT_QUARTER, last.year, last.n / 3, 0});
            else if (SPANS[i].months == 6 && last.n % 6 == 0)
                *p = jb_period_of((JbPoint){JB_POINT_HALF, last.year, last.n / 6, 0});
            else if (SPANS[i].months == 12 && last.n == 12)
                *p = jb_period_of((JbPoint){JB_POINT_YEAR, last.year, 0, 0});
            else
                *p = (JbPeriod){first, end_month};
            return w;
        }
        r = g_utf8_next_char(r);
    }
    return NULL;
}

/* The week a day ends (截至11月27日当周, 截至11月27日的一周): the seven days to that day, as
 * weekly inventory and claims figures are dated. NULL when no week follows the day; `*p`
 * holds the day, and gets the week. */
const char *week_ended_on(const char *s, const char *at, const char *e, const char *limit,
                          JbPeriod *p)
{
    if (!ends_with(s, at, "截至") && !ends_with(s, at, "截止"))
        return NULL;
    const char *w = any_lit(e, limit,
                            (const char *const[]){"当周", "當周", "當週", "止当周", "止當周",
                                                  "止一周", "的一周", "止一週", "的一週", NULL});
    if (!w)
        return NULL;
    gint64 last = jb_point_first_day(&p->start);
    *p = (JbPeriod){jb_point_of_days(last - 6), p->start};
    return w;
}

/* A month with the day its count runs to (11月截至26日, 10月截止20日): that month's first
 * day to the day, a running total within the month. NULL when no day follows; `t` holds the
 * month and gets the span. */
const char *month_to_day(const char *s, const char *e, const char *limit, TimeRef *t)
{
    const JbPoint *m = &t->p.start;
    if (m->kind != JB_POINT_MONTH || t->p.end.kind != JB_POINT_MONTH || t->p.end.n != m->n ||
        t->p.end.year != m->year)
        return NULL;
    const char *q = any_lit(e, limit, (const char *const[]){"截至", "截止", NULL});
    if (!q)
        return NULL;
    int d = digits(&q, s, limit, 2);
    const char *de = d >= 1 ? any_lit(q, limit, (const char *const[]){"日", "号", "號", NULL})
                            : NULL;
    JbPoint last = {JB_POINT_DAY, m->year, m->n, d};
    if (!de || !jb_point_valid(&last))
        return NULL;
    t->p = (JbPeriod){{JB_POINT_DAY, m->year, m->n, 1}, last};
    t->role = TIME_PERIOD;
    return de;
}
