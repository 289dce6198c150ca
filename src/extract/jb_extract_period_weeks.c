/* jb_extract_period_weeks.c — weeks said in words and counted from the published (or trading)
 * day: 本周, 上周, 下周, 本周以来, 周涨 (a week's move), and days named by their weekday (上周五,
 * 周三, 星期五, 本周末).
 *
 * Not for: the other words of time (jb_extract_period_words.c, which asks these two first),
 * the week a weekly names as its story's (jb_extract_named.c).
 */
#include "jb_extract_period_priv.h"

/* Monday to Friday of the week holding `day` (days since the epoch), `weeks` on. */
static JbPeriod work_week(gint64 day, int weeks)
{
    gint64 monday = day - jb_weekday(day) + 7 * weeks;
    JbPeriod p = {jb_point_of_days(monday), jb_point_of_days(monday + 4)};
    return p;
}

/* The day a week word counts from: the trading day of a market report (本周 on a Saturday is
 * the week that ended on Friday). */
static gboolean anchor_trading_day(const TimeAnchor *a, gint64 *d)
{
    JbPeriod p;
    if (a->day.kind != JB_POINT_DAY || !jb_extract_default_day(a, TRUE, &p))
        return FALSE;
    *d = jb_period_first_day(&p);
    return TRUE;
}

/* A day of the week named: 上周五, 本周三, 下周一, 周三, 星期五, 礼拜天 — that day of the
 * published day's week (Monday first), or of the week before or after. A weekday after 每, 逢
 * or 隔 is a schedule (每周一至周五), no day. */
/* Is the clause from e told as done (排了, 花了: 了 after a verb, before a clause mark, no 将)? */
static gboolean told_as_past(const char *e, const char *limit)
{
    for (const char *q = e; q < limit && q - e < 3 * 24 && !clause_mark_at(q, limit);
         q = g_utf8_next_char(q)) {
        if (any_lit(q, limit, (const char *const[]){"将", "將", NULL}))
            return FALSE;
        if (lit(q, limit, "了"))
            return TRUE;
    }
    return FALSE;
}

const char *weekday_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                        TimeRef *t)
{
    static const struct {
        const char *w;
        int weeks;
    } WEEKS[] = {{"上周", -1}, {"上週", -1}, {"上星期", -1}, {"上个星期", -1}, {"上個星期", -1},
                 {"下周", 1},  {"下週", 1},  {"下星期", 1},  {"下个星期", 1},  {"下個星期", 1},
                 {"本周", 0},  {"本週", 0},  {"这周", 0},    {"這週", 0},      {"周", 0},
                 {"週", 0},    {"星期", 0},  {"礼拜", 0},    {"禮拜", 0}};
    static const char *const DAYS[] = {"一", "二", "三", "四", "五", "六", "日", "天", NULL};
    const char *e = NULL;
    gsize i = 0;
    for (; i < G_N_ELEMENTS(WEEKS) && !(e = lit(p, limit, WEEKS[i].w)); i++)
        ;
    if (!e)
        return NULL;
    const char *wk = WEEKS[i].w, *wend = wk + strlen(wk);
    if (any_lit(wk, wend, (const char *const[]){"上", "下", "本", "这", "這", NULL}) &&
        lit(e, limit, "末") && a->day.kind == JB_POINT_DAY &&
        !ends_with_any(s, p, (const char *const[]){"每", "逢", "隔", NULL})) {
        /* 上周末, 本周末: a week's Saturday and Sunday (the day after a week's last close) */
        gint64 day = jb_point_first_day(&a->day);
        gint64 sat = day - jb_weekday(day) + 7 * WEEKS[i].weeks + 5;
        t->p = (JbPeriod){jb_point_of_days(sat), jb_point_of_days(sat + 1)};
        t->role = TIME_DAY;
        t->weekday = TRUE;
        t->future_word = sat > day;
        return e + strlen("末");
    }
    int wd = -1;
    for (int k = 0; DAYS[k] && wd < 0; k++)
        if (lit(e, limit, DAYS[k]))
            wd = k < 6 ? k : 6;
    if (wd < 0 || a->day.kind != JB_POINT_DAY ||
        ends_with_any(s, p, (const char *const[]){"每", "逢", "隔", "上", "下", "本", "这", "這",
                                                  "一", "两", "兩", "几", "幾", "首", "当", "當",
                                                  "该", "該", "整", "次", "同", NULL}))
        return NULL; /* (首周三大滑雪场: the first week's three resorts, no Wednesday) */
    e += strlen(DAYS[0]);
    /* a range of weekdays (周一至周五) is a schedule too */
    if (any_lit(
            e, limit,
            (const char *const[]){"至周", "到周", "至星期", "到星期", "-周", "—周", "至週", NULL}))
        return NULL;
    const char *sep = NULL; /* the end of a range: 周一至周五 */
    for (const char *const *w = (const char *const[]){"至", "到", "—", NULL}; *w && !sep; w++)
        if (ends_with(s, p, *w))
            sep = p - strlen(*w);
    if (!sep && p > s && (p[-1] == '-' || p[-1] == '~'))
        sep = p - 1;
    if (sep && sep - s >= 3)
        for (int k = 0; DAYS[k]; k++)
            if (ends_with(s, sep, DAYS[k]))
                return NULL;
    if (lit(e, limit, "刊") || lit(e, limit, "版") || (wd == 6 && lit(e, limit, "均")))
        return NULL; /* 周五刊: a paper's edition; 本周日均: the week's daily average */
    const char *ahead = wd == 6 ? lit(e, limit, "前") : NULL;
    if (ahead && any_lit(ahead, limit,
                         (const char *const[]){"出清", "市场", "市場", "交易", "电价", "電價",
                                               "价格", "價格", "均价", "均價", NULL}))
        return NULL; /* 本周日前出清均价: the week's day-ahead market (日前), no Sunday */
    gint64 day = jb_point_first_day(&a->day);
    gint64 that = day - jb_weekday(day) + 7 * WEEKS[i].weeks + wd;
    if (that > day && !any_lit(wk, wend, (const char *const[]){"本", "这", "這", NULL}) &&
        told_as_past(e, limit))
        that -= 7; /* 周六晚上…排了1个多小时, said on a Monday: the Saturday before */
    t->p = jb_period_of(jb_point_of_days(that));
    t->role = TIME_DAY;
    t->weekday = TRUE;
    t->future_word = that > day;
    return e;
}

/* What before 月内 makes it no month of the calendar (3个月内, 次月内, 当月内 is the month named). */
static const char *const NUMERAL_OR_WHICH[] = {"一", "二", "两", "兩", "三", "四", "五", "六",
                                               "七", "八", "九", "十", "个", "個", "次", "当",
                                               "當", "该", "該", "上", "下", "同", "每", NULL};

/* Weeks counted from the trading day: 本周以来 and 本月以来 (to date), 本周, 上周, 下周, and 周
 * right before a move (周涨1.04%). */
gboolean week_word(const char *s, const char *p, const char *limit, const TimeAnchor *a, TimeRef *t,
                   const char **end)
{
    const char *e;
    gint64 day;
    *end = NULL;
    /* to date within the week or month: 本周以来 (Monday to the trading day), 本月以来 */
    if ((e = any_lit(p, limit, (const char *const[]){"本周以来", "本週以來", "本周以來", NULL}))) {
        if (!anchor_trading_day(a, &day))
            return TRUE;
        t->p = (JbPeriod){jb_point_of_days(day - jb_weekday(day)), jb_point_of_days(day)};
        *end = e;
        return TRUE;
    }
    /* 月内累计下行近10个基点: a running total within this month, to date as 本月以来 (not 3个月内,
     * 次月内: a duration, another month) */
    const char *k = any_lit(p, limit, (const char *const[]){"月内", "月內", NULL});
    if (k && lit(k, limit, "已"))
        k += strlen("已");
    if (k && any_lit(k, limit, (const char *const[]){"累计", "累計", NULL}) &&
        !(p > s && (g_ascii_isdigit(p[-1]) || ends_with_any(s, p, NUMERAL_OR_WHICH))))
        e = p + strlen("月内");
    else
        e = any_lit(p, limit, (const char *const[]){"本月以来", "本月以來", NULL});
    if (e) {
        if (!anchor_trading_day(a, &day))
            return TRUE;
        JbPoint today = jb_point_of_days(day);
        t->p = (JbPeriod){{JB_POINT_DAY, today.year, today.n, 1}, today};
        *end = e;
        return TRUE;
    }
    static const struct {
        const char *w;
        int weeks;
    } WEEKS[] = {{"本周", 0}, {"本週", 0},  {"这周", 0},  {"這週", 0}, {"全周", 0},
                 {"全週", 0}, {"上周", -1}, {"上週", -1}, {"下周", 1}, {"下週", 1}};
    for (gsize i = 0; i < G_N_ELEMENTS(WEEKS); i++)
        if ((e = lit(p, limit, WEEKS[i].w)) &&
            !any_lit(e, limit, (const char *const[]){"期", "刊", NULL})) { /* (全周期, 本周刊) */
            if (!anchor_trading_day(a, &day))
                return TRUE;
            t->p = work_week(day, WEEKS[i].weeks);
            t->future_word = WEEKS[i].weeks > 0;
            *end = e;
            return TRUE;
        }
    if ((e = any_lit(p, limit, (const char *const[]){"周", "週", NULL})) &&
        any_lit(e, limit,
                (const char *const[]){"涨", "跌", "升", "降", "累计", "累計", "内", "內", NULL}) &&
        !ends_with_any(s, p,
                       (const char *const[]){"一", "两", "兩", "几", "幾", "多", "每", "上", "下",
                                             "本", "这", "這", "按", NULL})) {
        /* (按周升0.35%: week on week, a change's base, not the week) */
        if (!anchor_trading_day(a, &day))
            return TRUE;
        t->p = work_week(day, 0);
        t->local = t->bare_week = TRUE;
        *end = e;
        return TRUE;
    }
    return FALSE;
}

/* A day counted back from the one spoken of (一周前, 两周前, 一週前, 3天前, 一个月前): the day
 * that many weeks, days or months before the day in force (REL_DAYS_AGO), a base as a rule
 * (较一周前的71%: the level of that day). Not a deadline (力争8日前: before the 8th), the
 * first days of a span (前一周), nor a time about it (一周前后). */
const char *jb_extract_days_ago(const char *s, const char *p, const char *limit,
                                const TimeAnchor *a, TimeRef *t)
{
    if (!g_ascii_isdigit(*p) && !cn_small_may_start(cjk_at(p, limit)))
        return NULL;
    if (p > s && (g_ascii_isdigit(p[-1]) ||
                  ends_with_any(s, p, (const char *const[]){"第", "前", "近", "这", "這", NULL})))
        return NULL;
    const char *q = p;
    int n = small_number(&q, s, limit, 60);
    static const struct {
        const char *word;
        int days; /* per unit; 0: a month */
    } UNITS[] = {{"个星期", 7}, {"個星期", 7}, {"星期", 7}, {"周", 7},
                 {"週", 7},     {"天", 1},     {"个月", 0}, {"個月", 0}};
    const char *e = NULL;
    guint k = 0;
    while (n >= 1 && k < G_N_ELEMENTS(UNITS) && !(e = lit(q, limit, UNITS[k].word)))
        k++;
    if (!e || !(e = lit(e, limit, "前")) || a->day.kind != JB_POINT_DAY ||
        any_lit(e, limit, (const char *const[]){"后", "後", "左右", "以前", NULL}))
        return NULL;
    t->rel = REL_DAYS_AGO;
    t->grain = UNITS[k].days ? JB_POINT_DAY : JB_POINT_MONTH;
    t->years = UNITS[k].days ? n * UNITS[k].days : n;
    t->sentence_only = TRUE;
    return e;
}
