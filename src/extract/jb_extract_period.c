/* jb_extract_period.c — the times a sentence names and the periods they stand for: years
 * (2025年, 今年, 去年), months and days (6月底, 今年前7个月, 1—11月, 10月18日), quarters and
 * halves (一季度, 首季, 第二季, 4Q20, 上半年, 前三季度), weeks (本周, 周涨, 下周), spans
 * (2021—2025年, “十四五”时期, 5至7月), now (目前, 今天) and times relative to the period in
 * force (同期, 去年同期, 上季, 当时, 两年平均); each with the role it plays for the figures
 * near it (a period, a base of comparison, the day of an announcement).
 *
 * This file is the scan (jb_extract_time_refs); the role each time plays is
 * jb_extract_period_roles.c's, and the expressions it reads are in the files
 * jb_extract_period_priv.h lists. Which time a figure takes (the nearest before
 * it, the one carried from earlier sentences, the published day) is jb_extract.c's.
 *
 * Not for: article dates (jb_article_date.c), the period grammar itself (jb_period.c).
 */
#include "jb_extract_period_priv.h"

/* ---- the scan ------------------------------------------------------------------------------ */

/* (The readers below are inlined into the scan: their lists of words are static arrays, where a
 * list written in the call was built on the stack at every sentence.) */

/* The three-byte characters the scan stops at, one bit per code point of the BMP (8 KB):
 * 《 》 （ and JB_TIME_LEADS. Most characters of a sentence are none of them, and are passed
 * over with one bit test instead of trying every time word at each. */
static guint8 time_stops[0x10000 / 8];
/* The same by the low twelve bits of their code points, which a character's last two bytes
 * hold (first_char_key): most characters are passed on this test, before they are decoded. */
static guint64 time_stop_keys[4096 / 64];

/* May the scan stop at the three-byte character at p (its key's bit: most are passed here)? */
static inline gboolean may_stop_at(const char *p)
{
    guint k = first_char_key(p);
    return (time_stop_keys[k >> 6] >> (k & 63)) & 1;
}

static void time_stops_init(void)
{
#define JB_TIME_ELEM(c) c,
    static const gunichar STOPS[] = {0x300A /* 《 */, 0x300B /* 》 */, 0xFF08 /* （ */,
                                     JB_TIME_LEADS(JB_TIME_ELEM)};
#undef JB_TIME_ELEM
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (gsize i = 0; i < G_N_ELEMENTS(STOPS); i++) {
            time_stops[STOPS[i] >> 3] |= (guint8)(1u << (STOPS[i] & 7));
            guint k = STOPS[i] & 0xFFF;
            time_stop_keys[k >> 6] |= G_GUINT64_CONSTANT(1) << (k & 63);
        }
        g_once_init_leave(&done, 1);
    }
}

/* May a time that begins with a numeral (一 to 九, 十, 两) go on with the character at q?
 * Every reader's words go on with another numeral or a unit of time or a span's mark: 五年来
 * and 十年间 (years_to_now), 两周前, 一个月前, 一星期前 and 三天前 (jb_extract_days_ago), 二〇二六年
 * (year_part), 一季度 (quarter_of_year), 十月, 十二月 and 一至三月 (month_of_year), 十四五
 * (plan_period), 两年平均 (context_word). Keep with them: most numerals the scan stops at are
 * none of these (一些, 三分之一, 两个方向 stop at 个 still). */
static gboolean numeral_goes_on(const char *q, const char *limit)
{
    if (q < limit && (*q == '-' || *q == '~'))
        return TRUE;
    gunichar c2 = cjk_at(q, limit);
    if (cn_small_may_start(c2))
        return TRUE; /* (十二月, 二十年, 十四五) */
    switch (c2) {
    case 0x5E74: /* 年 */
    case 0x5B63: /* 季 */
    case 0x6708: /* 月 */
    case 0x5468: /* 周 */
    case 0x9031: /* 週 */
    case 0x5929: /* 天 */
    case 0x4E2A: /* 个 */
    case 0x500B: /* 個 */
    case 0x661F: /* 星 */
    case 0x96F6: /* 零 */
    case 0x3007: /* 〇 */
    case 0x25CB: /* ○ */
    case 0x81F3: /* 至 */
    case 0x5230: /* 到 */
    case 0x2014: /* — */
    case 0x2013: /* – */
    case 0xFF5E: /* ～ */
        return TRUE;
    default:
        return FALSE;
    }
}

/* May a time that begins with 上 or 下 (c) go on with the character at q? Their words: 上年,
 * 上一年, 上年末, 上年同期 (counted_time_at, year_part, context_word, report_time), 上届
 * (cohort_ref), 上周, 上星期, 上个星期 (weekday_ref, week_word), 上季, 上月, 上个月
 * (context_word), 下月, 下个月 (month_word), 上财年, 上半财年 (fiscal_word), 上半年
 * (half_of_year), 下一年. Keep with them: most of the 上 and 下 the scan stops at are no time
 * (上涨, 以上, 下降). */
static gboolean before_after_goes_on(gunichar c, const char *q, const char *limit)
{
    switch (cjk_at(q, limit)) {
    case 0x4E00: /* 一 */
    case 0x4E2A: /* 个 */
    case 0x500B: /* 個 */
    case 0x534A: /* 半 */
    case 0x5468: /* 周 */
    case 0x9031: /* 週 */
    case 0x661F: /* 星 */
    case 0x6708: /* 月 */
        return TRUE;
    case 0x5E74:            /* 年 */
    case 0x5C4A:            /* 届 */
    case 0x5C46:            /* 屆 */
    case 0x5B63:            /* 季 */
    case 0x8D22:            /* 财 */
    case 0x8CA1:            /* 財 */
        return c == 0x4E0A; /* (上 only) */
    default:
        return FALSE;
    }
}

/* Is c (the next character at q) a first character that begins no time here: one that only
 * time_word's readers begin a word with (全 过 過 报 報 同 目 截), the character after it
 * beginning the rest of none of their words (全国, 报道, 同比, 目标, 截图)? The scan then passes
 * it without trying every reader of time_at. Keep with the readers: one added that begins a
 * word with one of these characters must take it out of this list. */
static gboolean time_lead_goes_nowhere(gunichar c, const char *q, const char *limit)
{
    if (cn_small_may_start(c)) /* 一 to 九, 十, 两 */
        return !numeral_goes_on(q, limit);
    switch (c) {
    case 0x5168: /* 全 (years_to_now, year_part, sub_year begin no word with these) */
    case 0x8FC7: /* 过 (years_to_now's 过去 begins as 过去一年 does) */
    case 0x904E: /* 過 */
    case 0x62A5: /* 报 */
    case 0x5831: /* 報 */
    case 0x540C: /* 同 */
    case 0x76EE: /* 目 */
    case 0x622A: /* 截 */
    case 0x65E5: /* 日 (日盘: today_word's only word with it) */
    case 0x4E2D: /* 中 (中期業績: interim_word's) */
    case 0x6700: /* 最 (最新报: today_word's) */
        return !time_word_second(c, q, limit);
    case 0x4E0A: /* 上 */
    case 0x4E0B: /* 下 */
        return !before_after_goes_on(c, q, limit);
    case 0x6765:                           /* 来 (year_part's 来年, its only word with it) */
    case 0x4F86:                           /* 來 */
    case 0x6B21:                           /* 次 (次年) */
    case 0x540E:                           /* 后 (后年) */
    case 0x5F8C:                           /* 後 */
        return cjk_at(q, limit) != 0x5E74; /* 年 */
    case 0x5E74: /* 年 (year_word's 年初, 年中, 年底, 年末, 年内; report_time's 年初至报告期末) */
        switch (cjk_at(q, limit)) {
        case 0x521D: /* 初 */
        case 0x4E2D: /* 中 */
        case 0x5E95: /* 底 */
        case 0x672B: /* 末 */
        case 0x5185: /* 内 */
        case 0x5167: /* 內 */
            return FALSE;
        default:
            return TRUE;
        }
    case 0x8FD9: /* 这 (这五年, 这5年: years_to_now; 这周, 这个月, 这个冬天: time_word's) */
    case 0x9019: /* 這 */
        switch (cjk_at(q, limit)) {
        case 0x5468: /* 周 */
        case 0x9031: /* 週 */
        case 0x4E2A: /* 个 */
        case 0x500B: /* 個 */
            return FALSE;
        default:
            return !(q < limit && g_ascii_isdigit(*q)) && !cn_small_may_start(cjk_at(q, limit));
        }
    default:
        return FALSE;
    }
}

/* A day of the month named alone (15日, 14日至16日, 温湾机场15日计划取消…): the published
 * month's, or the month before's when it would be over two weeks ahead. Not a count (3日内,
 * 前3日, 连续5日) nor a wire's dateline (the article reads those). */
static const char *bare_day(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                            TimeRef *t)
{
    static const char *const NOT_BEFORE_DAY[] = {
        "月", "第", "每", "前", "近", "后", "後",   "共",   "连续", "連續", "约",
        "約", "达", "達", "逾", "超", "近", "为期", "為期", "仅",   "僅",   NULL};
    static const char *const DAY_SEPS[] = {"-", "—", "–", "～", "~", "至", "到", NULL};
    static const char *const NOT_AFTER_DAY[] = {"电",   "電",   "讯",   "訊", "内",   "內",
                                                "以内", "以內", "后",   "後", "之内", "之內",
                                                "左右", "期",   "年化", NULL};
    if (a->day.kind != JB_POINT_DAY || (p > s && (g_ascii_isdigit(p[-1]) || p[-1] == '.')) ||
        ends_with_any(s, p, NOT_BEFORE_DAY))
        return NULL;
    const char *q = p;
    int d = digits(&q, s, limit, 2), d2 = 0;
    const char *e = d >= 1 && d <= 31 ? lit(q, limit, "日") : NULL;
    const char *sep = d >= 1 && !e ? any_lit(q, limit, DAY_SEPS) : NULL;
    if (sep) { /* 1-7日, 22至30日: the days of a span written with one 日 */
        const char *r = sep;
        d2 = digits(&r, s, limit, 2);
        e = d2 > d && d2 <= 31 ? lit(r, limit, "日") : NULL;
    }
    if (!e || any_lit(e, limit, NOT_AFTER_DAY))
        return NULL; /* (7日年化收益率: a yield's window) */
    const JbPoint *today = &a->day;
    JbPoint x = {JB_POINT_DAY, today->year, today->n, d};
    if (d > today->day + 15) /* (the 28th, read on the 3rd: last month's) */
        x = jb_point_of_days(
            jb_point_first_day(&(JbPoint){JB_POINT_DAY, today->year, today->n, 1}) - 1),
        x = (JbPoint){JB_POINT_DAY, x.year, x.n, d};
    if (!jb_point_valid(&x))
        return NULL;
    t->p = jb_period_of(x);
    if (d2) {
        JbPoint x2 = {JB_POINT_DAY, x.year, x.n, d2};
        if (!jb_point_valid(&x2))
            return NULL;
        t->p.end = x2;
    }
    t->future_word = jb_point_first_day(&x) > jb_point_first_day(today);
    t->month_implied = TRUE;
    e = day_span_end(s, e, limit, t);
    /* (a day: when something is said or done; a span of days: a period, 14日至16日) */
    t->role = jb_period_freq(&t->p) == JB_FREQ_DAY ? TIME_DAY : TIME_PERIOD;
    return e;
}

/* The times time_at reads before a year's at p: where one ends (and *t), or NULL; *stop when
 * what is at p is no time and time_at must read no other (上年末 with no published year, a
 * cohort's name: 2026届毕业生落实率). Each reader is asked only at the first characters its
 * words begin with (the time scan stops at every 上, 一, 两…, most of them no time), at digits
 * only when the character after them is one it wants there: keep the tests with the readers. */
static const char *counted_time_at(const char *s, const char *p, const char *limit,
                                   const TimeAnchor *a, TimeRef *t, gboolean *stop)
{
    static const char *const PREV_YEAR_END[] = {"上年末",   "上年底", "上年年末", "上年年底",
                                                "去年末",   "去年底", "去年年末", "去年年底",
                                                "上一年末", NULL};
    static const char *const PREV_YEAR[] = {"上一年", "上年", NULL};
    static const char *const AFTER_PREV_YEAR[] = {"的", "，", "为", "為", NULL};
    static const char *const PRICES[] = {"价格", "價格", "不变价", "不變價", NULL};
    const char *e;
    gboolean digit = g_ascii_isdigit(*p);
    gunichar c = cjk_at(p, limit);
    gboolean past = c == 0x8FC7 /* 过 */ || c == 0x904E /* 過 */, numeral = cn_small_may_start(c);
    gboolean shang = c == 0x4E0A; /* 上 */
    /* at digits, how many and the character after them (what each reader wants there) */
    const char *run = p;
    while (run < limit && g_ascii_isdigit(*run))
        run++;
    gsize n = (gsize)(run - p);
    gunichar after = n && run < limit ? ((guchar)*run < 0x80 ? (guchar)*run : cjk_at(run, limit))
                                      : 0;
    gboolean year4 = digit && n == 4, short_n = digit && n <= 2;
    if ((past && (e = months_to_now(s, p, limit, a, t))) ||
        ((past || c == 0x8FD9 /* 这 */ || c == 0x9019 /* 這 */ || numeral ||
          (short_n && after == 0x5E74 /* 年: 5年来 */)) &&
         (e = years_to_now(s, p, limit, a, t))) ||
        ((c == 0x4ECA /* 今 */ || c == 0x672A /* 未 */ || c == 0x660E /* 明 */ || numeral ||
          (short_n && after == 0x5E74 /* 年: 5年内 */)) &&
         (e = years_ahead(s, p, limit, a, t))) ||
        ((numeral || (short_n && (after == 0x4E2A /* 个 */ || after == 0x500B /* 個 */ ||
                                  after == 0x661F /* 星 */ || after == 0x5468 /* 周 */ ||
                                  after == 0x9031 /* 週 */ || after == 0x5929 /* 天 */))) &&
         (e = jb_extract_days_ago(s, p, limit, a, t))))
        return e;
    /* (4Q20, 2024Q3, Q3, 2026年Q3) */
    if ((*p == 'Q' || *p == 'H' || (digit && (after == 'Q' || after == 'H')) ||
         (year4 && after == 0x5E74 /* 年 */ && p + 8 < limit && (p[7] == 'Q' || p[7] == 'H'))) &&
        (e = period_code(s, p, limit, a, t)))
        return e;
    if (*p == 'F' && (e = fy_ref(s, p, limit, a, t))) /* (FY2025, FY25) */
        return e;
    /* (2026财年, 2026/27财年; 2025—2026学年) */
    if (year4 && ((after == '/' || after == '-' || after == 0xFF0F /* ／ */ ||
                   after == 0x8D22 /* 财 */ || after == 0x8CA1 /* 財 */) &&
                  (e = fiscal_ref(s, p, limit, a, t))))
        return e;
    if (year4 && ((after == 0x2014 /* — */ || after == 0x2013 /* – */ || after == '-' ||
                   after == '/' || after == 0xFF0F /* ／ */ || after == 0x81F3 /* 至 */) &&
                  (e = school_year_ref(s, p, limit, t))))
        return e;
    if ((shang || c == 0x53BB /* 去 */) && (e = any_lit(p, limit, PREV_YEAR_END))) {
        if (!anchor_year(a)) {
            *stop = TRUE;
            return NULL;
        }
        t->rel = REL_PREV_YEAR_END; /* the year before the one spoken of */
        return e;
    }
    /* 上年 alone (由上年的16%, 上年为…) is the year before the one spoken of; 上年同期, 上年同月
     * and 上年四季度 are times of year_part's */
    if (shang && (e = any_lit(p, limit, PREV_YEAR)) &&
        any_lit(lit(e, limit, "度") ? e + strlen("度") : e, limit,
                AFTER_PREV_YEAR)) { /* (上年四季度: year_part) */
        if (!anchor_year(a) || any_lit(e, limit, PRICES)) {
            *stop = TRUE; /* (按上年价格计算: prices of a year, a base) */
            return NULL;
        }
        if (lit(e, limit, "度"))
            e += strlen("度");
        t->rel = REL_PREV_YEAR;
        return e;
    }
    if (shang || (year4 && (after == 0x5C4A /* 届 */ || after == 0x5C46 /* 屆 */)))
        return cohort_ref(s, p, limit, a, t, stop);
    return NULL;
}

/* One time expression at p: where it ends (and *t), or NULL. Asked at a run of digits only
 * when time_may_follow_digits lets the character after it through, and time_word asks only
 * the readers time_word_readers names for the character at p (counted_time_at its readers
 * at their first characters): a reader added that begins with digits, or a word reader with
 * another first character, must be added there too. */
static const char *time_at(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                           TimeRef *t)
{
    static const char *const MOVED_TO[] = {
        "升至",   "增至",   "降至",   "减至",   "減至",   "跌至",   "涨至",   "漲至",   "提高至",
        "提高到", "回落至", "下调至", "上调至", "下調至", "上調至", "扩大至", "擴大至", NULL};
    static const char *const SAME_TIME[] = {"同期", "同月", NULL};
    const char *e;
    memset(t, 0, sizeof *t);
    t->at = p;
    t->known = TRUE;
    gboolean stop = FALSE;
    if ((e = counted_time_at(s, p, limit, a, t, &stop)) || stop)
        return e;
    int year = 0, year2 = 0;
    gboolean future = FALSE;
    const char *y_end = year_part(s, p, limit, a, &year, &year2, &future);
    if (y_end) {
        /* (到2028年: by a year; not 升至2026年的51.8%, a level moved to, the year's) */
        t->future_word = future || ((ends_with(s, p, "到") || ends_with(s, p, "至")) &&
                                    !ends_with(s, p, "截至") && g_ascii_isdigit(*p) &&
                                    !ends_with_any(s, p, MOVED_TO));
        if (year2) {
            t->p = (JbPeriod){{JB_POINT_YEAR, year, 0, 0}, {JB_POINT_YEAR, year2, 0, 0}};
            return y_end;
        }
        const char *same; /* 去年同期, 去年同月: the time in force, a year before */
        if ((same = any_lit(y_end, limit, SAME_TIME))) {
            if (year == anchor_year(a) - 1) {
                t->rel = REL_YEAR_AGO;
                return same;
            }
        }
        TimeRef sub = *t;
        const char *se = sub_year(s, y_end, limit, a, year, TRUE, &sub);
        if (se) {
            sub.future_word = sub.future_word || t->future_word;
            *t = sub;
            if (t->p.start.kind == JB_POINT_DAY && t->p.end.kind == JB_POINT_DAY) {
                t->role = TIME_PERIOD; /* a day with its year: 2024年10月18日 */
                const char *pe = ended_on(s, p, se, limit, &t->p);
                if (pe || (pe = week_ended_on(s, p, se, limit, &t->p)))
                    return pe;
            }
            if (t->p.start.kind == JB_POINT_MONTH && t->p.end.kind == JB_POINT_MONTH &&
                t->p.start.n == t->p.end.n) {
                const char *pe = ended_on(s, p, se, limit, &t->p); /* 截至2026年1月的三個月 */
                if (pe || (pe = month_to_day(s, se, limit, t)))
                    return pe;
            }
            return se;
        }
        /* 今年累计升幅, 今年已累计: a running total of the year to date, as 年内累计 (not a
         * table's 本年累计, the year to its first column's month) */
        if (lit(p, limit, "今年") && anchor_month(a) &&
            !any_lit(y_end, limit, (const char *const[]){"以来", "以來", NULL}) &&
            word_ahead(y_end, limit, 8, (const char *const[]){"累计", "累計", NULL})) {
            t->p = months(year, 1, anchor_month(a));
            t->loose = TRUE;
            return y_end;
        }
        t->p = point_period(JB_POINT_YEAR, year, 0, 0);
        return y_end;
    }
    if (((guchar)*p >= 0x80 || *p == '"') && (e = time_word(s, p, limit, a, t)))
        return e; /* (its words begin with a Chinese character or a quote) */
    /* a month, quarter or half with no year: the anchor's year */
    if ((e = sub_year(s, p, limit, a, 0, FALSE, t))) {
        t->year_implied = TRUE;
        if (!anchor_year(a))
            t->known = FALSE;
        const char *me = month_to_day(s, e, limit, t);
        if (me)
            return me;
        if (t->p.start.kind == JB_POINT_DAY && t->p.end.kind == JB_POINT_DAY &&
            t->p.start.n == t->p.end.n && t->p.start.day == t->p.end.day) {
            const char *pe = ended_on(s, p, e, limit, &t->p); /* 截至6月30日止六个月 */
            if (pe || (pe = week_ended_on(s, p, e, limit, &t->p)))
                return pe;
            t->role = TIME_DAY; /* 10月18日: the day of an announcement (10月1日—8日: a span) */
        }
        if (t->p.start.kind == JB_POINT_MONTH && t->p.end.kind == JB_POINT_MONTH &&
            t->p.start.n == t->p.end.n) {
            const char *pe = ended_on(s, p, e, limit, &t->p); /* 截至6月底止半年 */
            if (pe)
                return pe;
        }
        return e;
    }
    if (g_ascii_isdigit(*p) && (e = bare_day(s, p, limit, a, t)))
        return e;
    return NULL;
}

/* A span from a third of one month to a third of another, over a month long (春茶开采期间
 * （3月上旬至4月中旬）): a season told roughly, by its months (2026-03/2026-04), not by the days
 * the thirds bound; a shorter one (10月下旬至11月上旬) keeps its days. */
static void thirds_to_months(const char *s, const char *from_end, const char *to_end, JbPeriod *p)
{
    if (!ends_with(s, from_end, "旬") || !ends_with(s, to_end, "旬") ||
        p->start.kind != JB_POINT_DAY || p->end.kind != JB_POINT_DAY ||
        jb_period_end_day(p) - jb_period_first_day(p) <= 31)
        return;
    p->start = (JbPoint){JB_POINT_MONTH, p->start.year, p->start.n, 0};
    p->end = (JbPoint){JB_POINT_MONTH, p->end.year, p->end.n, 0};
}

/* Does `t` end a span the last time found opens (2025年12月至2026年2月, 2024年7月—2025年6月,
 * 2021年至2025年: two times of one kind joined by a dash or 至/到; 从10月25日开始，至明年3月28日
 * 结束)? A base's span stays a base (比1850年至1900年平均水平高出1.44℃).
 * Then the last one is widened to it. Spans within a year (3至5月, 5月1日至5日) are read
 * where the first time is. */
static gboolean joins_span(const char *s, const char *prev_end, const char *p, const char *limit,
                           GArray *out, const TimeRef *t)
{
    static const char *const ENDS[] = {"结束", "結束", "止", NULL};
    static const char *const SPAN_SEPS[] = {"起至", "起到", "至", "到", "—", "–",
                                            "-",    "～",   "~",  "—",  NULL};
    static const char *const STARTS[] = {"开始", "開始", "开赛", "開賽", "开幕",
                                         "開幕", "启动", "啟動", "起",   NULL};
    static const char *const START_VERBS[] = {"执行", "執行", "施行", "实施", "實施", "实行",
                                              "實行", "运行", "運行", "生效", NULL};
    static const char *const TO[] = {"至", "到", NULL};
    static const char *const YEAR_POINTS[] = {"年中", "年底", "年末", NULL};
    /* (a day's end written after it: 至11月8日结束, a day with no year read as an event's) */
    gboolean ends_there = any_lit(t->end, limit, ENDS) != NULL;
    if (!prev_end || !out->len || t->rel != REL_NONE || !t->known ||
        (t->role != TIME_PERIOD && !(t->role == TIME_DAY && ends_there)))
        return FALSE;
    const char *sep = any_lit(prev_end, limit, SPAN_SEPS); /* (自12月10日起至…) */
    if (sep == prev_end + strlen("—") && lit(sep, limit, "—"))
        sep += strlen("—"); /* (a dash written twice: ——) */
    gboolean by_ends = FALSE, start_verb = FALSE;
    if (sep != p && ends_there) {
        /* by its two ends: 从10月25日开始，至明年3月28日结束; 自3月1日起至5月31日止 */
        by_ends = TRUE;
        /* (a season's or a show's start: 自3月1日开赛，至11月8日结束) */
        sep = any_lit(prev_end, limit, STARTS);
        const char *verb = sep ? any_lit(sep, limit, START_VERBS) : NULL;
        if (verb) /* (自10月25日起执行，至2027年3月27日结束: a rule's or schedule's start) */
            sep = verb;
        start_verb = verb != NULL;
        if (sep && lit(sep, limit, "，"))
            sep += strlen("，");
        sep = sep ? any_lit(sep, limit, TO) : NULL;
    }
    if (sep != p || ends_with(s, prev_end, "以来") || ends_with(s, prev_end, "以來"))
        return FALSE;
    TimeRef *prev = &g_array_index(out, TimeRef, out->len - 1);
    JbPeriod tp = t->p;
    /* (11月至12月 in November: the later month is this year's too, not last year's, where a
     * month not yet reached alone is taken back a year) */
    if (t->shifted_back && !prev->shifted_back &&
        jb_point_first_day(&tp.start) <= jb_point_first_day(&prev->p.end)) {
        tp.start = jb_point_add_years(tp.start, 1);
        tp.end = jb_point_add_years(tp.end, 1);
    }
    /* (2025年3月至8月: the later month with no year is in the first one's year, not the
     * published one's; 2025年11月至2月 crosses into the next) */
    if (t->year_implied && !prev->year_implied && prev->known &&
        tp.start.kind == prev->p.end.kind &&
        (tp.start.kind == JB_POINT_MONTH || tp.start.kind == JB_POINT_DAY)) {
        int delta = prev->p.end.year - tp.start.year;
        JbPeriod moved = {jb_point_add_years(tp.start, delta), jb_point_add_years(tp.end, delta)};
        if (jb_point_first_day(&moved.start) <= jb_point_first_day(&prev->p.end))
            moved = (JbPeriod){jb_point_add_years(moved.start, 1),
                               jb_point_add_years(moved.end, 1)};
        if (jb_point_valid(&moved.start) && jb_point_valid(&moved.end))
            tp = moved;
    }
    /* (12月至明年2月 in November: the first month, put in last year for not being reached
     * yet, is this year's when the end names next year) */
    JbPeriod from = prev->p;
    if (prev->shifted_back && !t->shifted_back && !t->year_implied) {
        JbPeriod moved = {jb_point_add_years(from.start, 1), jb_point_add_years(from.end, 1)};
        if (jb_point_first_day(&moved.end) < jb_point_first_day(&tp.start))
            from = moved;
    }
    if (prev->end != prev_end || prev->rel != REL_NONE || !prev->known ||
        (prev->role != TIME_PERIOD && prev->role != TIME_BASE && prev->role != TIME_RESTATE) ||
        from.start.kind != tp.start.kind || from.end.kind != tp.start.kind ||
        tp.start.kind != tp.end.kind ||
        jb_point_first_day(&tp.start) <= jb_point_first_day(&from.end))
        return FALSE;
    if (prev->role == TIME_RESTATE && out->len >= 2) {
        /* (去年同期（2025年8月至10月）: the time it restates takes the whole span) */
        TimeRef *said = &g_array_index(out, TimeRef, out->len - 2);
        if (said->restated && jb_period_equal(&said->p, &prev->p))
            said->p.end = tp.end;
    }
    prev->p = from;
    /* (a span from a point in time, 由2025年年中至2026年年中期间, 2020年底至2025年底: from the
     * month after it, twelve months from mid-year to mid-year) */
    if (prev->p.start.kind == JB_POINT_MONTH &&
        jb_point_first_day(&prev->p.start) == jb_point_first_day(&prev->p.end) &&
        ends_with_any(s, prev_end, YEAR_POINTS))
        prev->p.start = jb_point_add(prev->p.start, 1);
    prev->p.end = tp.end;
    thirds_to_months(s, prev_end, t->end, &prev->p);
    prev->end = t->end; /* (its 至 joins the span: not 到2025年, a target's “by”) */
    prev->by_ends = by_ends;
    if (start_verb) /* (a span in force, closed by its end: no rule's start held to its sentence) */
        prev->sentence_only = FALSE;
    jb_extract_time_scope(s, prev->at, prev->end, limit, prev);
    return TRUE;
}

/* Days or months with no year in the clause of a year named alone (去年国庆中秋假期合并为8天
 * （10月1日至8日）, 2025年春节期间2月3日…), or after 其中 in a later clause (2027年…，其中上半年):
 * that year's, not the published one's. */
static void year_of_clause(const char *p, const GArray *out, TimeRef *t)
{
    if (!t->year_implied || t->rel != REL_NONE || !t->known || !out->len)
        return;
    const TimeRef *r = &g_array_index(out, TimeRef, out->len - 1);
    if (r->rel != REL_NONE || !r->known || r->role != TIME_PERIOD || r->end > p ||
        r->p.start.kind != JB_POINT_YEAR || r->p.end.kind != JB_POINT_YEAR ||
        r->p.start.year != r->p.end.year || r->p.start.year == t->p.start.year)
        return;
    /* (…2027年…增长约5%，其中上半年…: a part of that year, past the clause's mark) */
    gboolean part = p - r->end >= (ptrdiff_t)strlen("其中") &&
                    memcmp(p - strlen("其中"), "其中", strlen("其中")) == 0;
    for (const char *q = r->end; q < p && !part; q++)
        if (clause_mark_at(q, p) || clause_sep_at(q))
            return;
    int delta = r->p.start.year - t->p.start.year;
    JbPeriod moved = {jb_point_add_years(t->p.start, delta), jb_point_add_years(t->p.end, delta)};
    if (!jb_point_valid(&moved.start) || !jb_point_valid(&moved.end))
        return;
    t->p = moved;
    t->year_implied = t->shifted_back = FALSE;
    t->future_word = r->future_word;
}

/* Can a time begin with the run of ASCII digits that ends at q? Each reader of a time that
 * opens with digits wants one of these right after them: 年 (2025年, 5年来, 114年), Q or H
 * (4Q20, 2024Q3), a year's slash or dash (2026/27财年, 2021-2025年), 财年, 届, 赛季, 季
 * (3季度), 月, 日, or a span's dash or 至 (1—11月, 14日至16日). A decimal's digits (12.5%, 3.2亿元)
 * and a count's (25个, 300点) begin none: the scan steps over them without asking. */
static gboolean time_may_follow_digits(const char *q, const char *limit)
{
    if (q >= limit)
        return FALSE;
    guchar b = (guchar)*q;
    if (b < 0x80)
        return b == 'Q' || b == 'H' || b == '/' || b == '-' || b == '~';
    if ((b & 0xF0) != 0xE0 || limit - q < 3)
        return FALSE;
    switch (jb_utf8_get3(q)) {
    case 0x5E74: /* 年 */
    case 0x6708: /* 月 */
    case 0x65E5: /* 日 */
    case 0x5B63: /* 季 */
    case 0x81F3: /* 至 */
    case 0x5230: /* 到 */
    case 0x2014: /* — */
    case 0x2013: /* – */
    case 0xFF5E: /* ～ */
    case 0xFF0F: /* ／ */
    case 0x8D22: /* 财 */
    case 0x8CA1: /* 財 */
    case 0x5C4A: /* 届 */
    case 0x5C46: /* 屆 */
    case 0x8D5B: /* 赛 */
    case 0x8CFD: /* 賽 */
        return TRUE;
    default:
        return FALSE;
    }
}

void jb_extract_time_refs(const char *s, const char *limit, const TimeAnchor *anchor, GArray *out)
{
    time_stops_init();
    int in_title = 0;
    const char *prev_end = NULL; /* the end of the last time found */
    for (const char *p = s; p < limit;) {
        guchar b = (guchar)*p;
        if (b < 0x80 && !g_ascii_isdigit(b) && b != 'Q' && b != 'H' && b != 'F' && b != '"') {
            p++; /* nothing else in ASCII starts a time */
            continue;
        }
        if ((b & 0xF0) == 0xE0 && limit - p >= 3) {
            if (!may_stop_at(p)) { /* (a run of them passed in one loop) */
                do
                    p += 3;
                while (limit - p >= 3 && ((guchar)*p & 0xF0) == 0xE0 && !may_stop_at(p));
                continue;
            }
            guint c = jb_utf8_get3(p);
            if (!((time_stops[c >> 3] >> (c & 7)) & 1) || time_lead_goes_nowhere(c, p + 3, limit)) {
                p += 3;
                continue;
            }
        }
        if (lit(p, limit, "《")) {
            in_title++;
            p += 3;
            continue;
        }
        if (lit(p, limit, "》")) {
            in_title = in_title > 0 ? in_title - 1 : 0;
            p += 3;
            continue;
        }
        if (g_ascii_isdigit(b)) { /* (no time starts inside a run of digits) */
            const char *q = p;
            while (q < limit && g_ascii_isdigit(*q))
                q++;
            if (!time_may_follow_digits(q, limit)) {
                p = q;
                continue;
            }
        }
        TimeRef t;
        const char *e = in_title ? NULL : time_at(s, p, limit, anchor, &t);
        if (!e) {
            if (g_ascii_isdigit(b)) /* no time starts inside a run of digits */
                while (p < limit && g_ascii_isdigit(*p))
                    p++;
            else
                p = b < 0x80 ? p + 1 : g_utf8_next_char(p);
            continue;
        }
        t.end = e;
        if (joins_span(s, prev_end, p, limit, out, &t)) {
            prev_end = p = e; /* 2025年12月至2026年2月: one span, across the year's end */
            continue;
        }
        /* 到 a time already past (到2020年底，…累计装机达到156万千瓦, in 2026) is no target */
        if (t.future_word && t.known && t.rel == REL_NONE && anchor->day.kind == JB_POINT_DAY &&
            (ends_with(s, p, "到") || ends_with(s, p, "至")) &&
            jb_period_end_day(&t.p) <= jb_point_first_day(&anchor->day))
            t.future_word = FALSE;
        year_of_clause(p, out, &t);
        jb_extract_time_role(s, p, e, limit, prev_end, anchor, out, &t);
        g_array_append_val(out, t);
        prev_end = e;
        p = e;
    }
}
