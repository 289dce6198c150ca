/* jb_extract_period_counts.c — spans counted to or from the published day (过去12个月, 五年来,
 * 这五年, 今后三年) and a cohort's year (2027届毕业生规模, 上届同期): read by the scan's
 * time_at (jb_extract_period.c) before a year, at the first characters they begin with.
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
 * year after. */
const char *years_ahead(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                        TimeRef *t)
{
    const char *q = any_lit(p, limit, (const char *const[]){"今后", "今後", "未来", "未來", NULL});
    int n = 0;
    if (q)
        n = small_number(&q, s, limit, 10);
    else if ((q = any_lit(p, limit, (const char *const[]){"明后", "明後", NULL})))
        n = small_number(&q, s, limit, 2) == 2 ? 2 : 0;
    const char *e = n >= 2 ? lit(q, limit, "年") : NULL;
    if (!e || !anchor_year(a) || any_lit(e, limit, (const char *const[]){"来", "來", "期", NULL}))
        return NULL; /* (十年期: a tenor) */
    if (any_lit(e, limit, (const char *const[]){"（", "(", NULL}))
        return NULL; /* (未來五年（2026/27至2030/31年度）: the years in brackets say it) */
    const char *in = any_lit(e, limit, (const char *const[]){"内", "內", "里", "裡", NULL});
    t->p = (JbPeriod){{JB_POINT_YEAR, anchor_year(a) + 1, 0, 0},
                      {JB_POINT_YEAR, anchor_year(a) + n, 0, 0}};
    t->future_word = TRUE;
    return in ? in : e;
}

/* Does an expected count of graduates follow at w (毕业生预计约8,100人, 毕业生将达1.2万名)?
 * (one counted, 2026届毕业生共7,863人, is at the count's time) */
static gboolean cohort_count_at(const char *w, const char *limit)
{
    const char *q = any_lit(w, limit, (const char *const[]){"毕业生", "畢業生", NULL});
    static const char *const AHEAD[] = {"预计", "預計", "将", "將", NULL};
    static const char *const LINK[] = {"约", "約", "共", "有", "达", "達", "为", "為", NULL};
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
    *no_time = TRUE; /* 2026届毕业生落实率: a cohort's name, no time */
    return NULL;
}
