/* jb_extract_period_dates.c — dates written out in a sentence: years (2025年, 2021—2025年),
 * months and days (6月底, 1—11月, 10月18日, a time of day after it), quarters and halves of a
 * year (一季度, 第二季, 上半年, 前三季度) and period codes (4Q20, 1H25, Q3).
 * Not for: the scan that finds them (jb_extract_period.c), times said in words (…_words.c).
 */
#include "jb_extract_period_priv.h"

/* ---- the expressions ---------------------------------------------------------------------- */

/* Prices of a year as the base of a real figure (按上年价格计算, 按2020年不变价, 2015年
 * 可比价): that year is no period of the figure. */
static gboolean price_base_after(const char *e, const char *limit)
{
    return any_lit(e, limit,
                   (const char *const[]){"价格", "價格", "不变价", "不變價", "可比价", "可比價",
                                         "的价格", "的價格", NULL}) != NULL;
}

/* A thing numbered within a year (今年第12号台风, 2026年第3号公告): the year names it, it is
 * no period. */
static gboolean numbered_name_after(const char *e, const char *limit)
{
    const char *q = lit(e, limit, "第");
    if (!q)
        return FALSE;
    while (q < limit && g_ascii_isdigit(*q))
        q++;
    return q > e + strlen("第") && (lit(q, limit, "号") || lit(q, limit, "號"));
}


/* May year_part read a year at p that is not written in digits: a year in Chinese numerals
 * (1900 to 2100: its first digit 一 or 二) or the first character of one of its WORDS?
 * (Bytes that do not decode as these never match them either.) */
static gboolean cn_year_may_start(const char *p, const char *limit)
{
    switch (cjk_at(p, limit)) {
    case 0x4E00: /* 一 */
    case 0x4E8C: /* 二 */
    case 0x4ECA: /* 今 */
    case 0x672C: /* 本 */
    case 0x53BB: /* 去 */
    case 0x4E0A: /* 上 */
    case 0x524D: /* 前 */
    case 0x660E: /* 明 */
    case 0x6765: /* 来 */
    case 0x4F86: /* 來 */
    case 0x6B21: /* 次 */
    case 0x4E0B: /* 下 */
    case 0x540E: /* 后 */
    case 0x5F8C: /* 後 */
        return TRUE;
    default:
        return FALSE;
    }
}

/* Does the character before p end a word that 后, 前, 来, 上 or 次 closes (扩建后年产能, 投产
 * 后年销售收入, 此前年均, 目前年产能, 未来年均, 每次年检): no 后年, 前年, 来年… at p? A
 * relative year follows a mark, a preposition or a verb of saying (预计后年, 到后年, 明年和后年). */
static gboolean word_ends_before(const char *s, const char *p)
{
    if (p == s)
        return FALSE;
    const char *b = g_utf8_prev_char(p);
    gunichar u = g_utf8_get_char(b);
    static const char *const OPEN = "到至在于於和与與及、，从從自或计計是为為等起今明前";
    return u >= 0x4E00 && u <= 0x9FFF && !g_utf8_strchr(OPEN, -1, u);
}

/* A year, or a span of years, at p: 2025年, 2021—2025年, 2024年度, 今年, 去年, 明年. Sets *year
 * (and *year2 for a span, else 0); returns where it ends or NULL. *relative_word is set for
 * 今年 去年 … (no digits), *future for 明年 后年. */
const char *year_part(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                      int *year, int *year2, gboolean *future)
{
    *year2 = 0;
    *future = FALSE;
    if (g_ascii_isdigit(*p)) {
        const char *q = p;
        int y = digits(&q, s, limit, 4);
        if (q - p == 3 && y >= 100 && y <= 199 && lit(q, limit, "年")) {
            /* a year of the Republic of China (Taiwan): 民國114年, 114年11月, 114年度, 114年同期 */
            const char *e = q + strlen("年"), *d = e;
            gboolean roc = ends_with(s, p, "民國") || ends_with(s, p, "民国") ||
                           any_lit(e, limit,
                                   (const char *const[]){"度", "第", "上半年", "下半年", "前",
                                                         "全年", "同期", NULL});
            if (!roc && digits(&d, s, limit, 2) >= 1)
                roc = any_lit(d, limit, (const char *const[]){"月", "至", "-", NULL}) != NULL;
            /* 115年 alone, in an article on Taiwan's calendar (民國115年 or 新台幣 elsewhere):
             * not a count of years (逾100年, 100年來, 100年歷史) */
            if (!roc && a && a->roc)
                roc = !ends_with_any(s, p,
                                     (const char *const[]){"逾", "近", "約", "滿", "達", "超過",
                                                           "有", "立", "業", "校", "歷經", NULL}) &&
                      !any_lit(e, limit,
                               (const char *const[]){"來", "歷史", "的歷史", "之久", "老", "的老",
                                                     "以上", "多", "餘", NULL});
            if (!roc)
                return NULL;
            if (lit(e, limit, "度"))
                e += 3;
            *year = y + 1911;
            return e;
        }
        if (y < 1800 || y > 2100 || q - p != 4 || second_of_year_pair(s, p))
            return NULL;
        /* a span: 2021—2025年, 2021-2025年, 2021至2025年 */
        const char *r = q;
        const char *sep = lit(r, limit, "-");
        if (!sep)
            sep = any_lit(r, limit, (const char *const[]){"—", "–", "~", "至", "到", "～", NULL});
        if (sep) {
            const char *t = sep;
            int y2 = digits(&t, s, limit, 4);
            if (y2 > y && y2 <= 2100 && t - sep == 4 && lit(t, limit, "年")) {
                *year = y;
                *year2 = y2;
                return t + 3;
            }
        }
        const char *e = lit(q, limit, "年");
        const char *season = any_lit(q, limit, (const char *const[]){"赛季", "賽季", NULL});
        if (!e && season) { /* 2027赛季: a league's season named by its year */
            *year = y;
            return season;
        }
        if (!e || price_base_after(e, limit) || numbered_name_after(e, limit))
            return NULL;
        if (lit(e, limit, "度"))
            e += 3;
        *year = y;
        return e;
    }
    if (!cn_year_may_start(p, limit))
        return NULL; /* (keep with WORDS below and jb_cn_year) */
    const char *q = p;
    gunichar c0 = cjk_at(p, limit); /* (a year from 1900 to 2100 begins with 一 or 二) */
    int cy = (c0 != 0x4E00 && c0 != 0x4E8C) ||
                     (p > s && jb_cn_digit(&(const char *){g_utf8_prev_char(p)}, p) >= 0)
                 ? -1
                 : jb_cn_year(&q, limit);
    if (cy > 0) { /* a year in Chinese numerals (二零二六年): formal and Hong Kong text */
        const char *e = q + strlen("年");
        if (price_base_after(e, limit) || numbered_name_after(e, limit))
            return NULL;
        if (lit(e, limit, "度"))
            e += 3;
        *year = cy;
        return e;
    }
    static const struct {
        const char *w;
        int offset;
        gboolean closes; /* its first character may close the word before (扩建后, 此前) */
    } WORDS[] = {{"今年", 0, FALSE},  {"本年", 0, FALSE},    {"去年", -1, FALSE},
                 {"上年", -1, FALSE}, {"上一年", -1, FALSE}, {"前年", -2, TRUE},
                 {"明年", 1, FALSE},  {"来年", 1, TRUE},     {"來年", 1, TRUE},
                 {"次年", 1, TRUE},   {"下一年", 1, FALSE},  {"后年", 2, TRUE},
                 {"後年", 2, TRUE}};
    const char *b = bracketed_year(p, limit, year, future); /* 明（2027）年, 明（116）年 */
    if (b)
        return b;
    for (gsize i = 0; i < G_N_ELEMENTS(WORDS); i++) {
        const char *e = lit(p, limit, WORDS[i].w);
        if (!e)
            continue;
        if (!anchor_year(a) || price_base_after(e, limit) || numbered_name_after(e, limit) ||
            (WORDS[i].closes && word_ends_before(s, p)))
            return NULL;
        if (WORDS[i].offset <= 0 && any_lit(e, limit, (const char *const[]){"冬季", "冬天", NULL}))
            return NULL; /* 去年冬季, 今年冬季: a winter (winter_word), across two years */
        if (lit(e, limit, "度"))
            e += 3;
        *year = anchor_year(a) + WORDS[i].offset;
        *future = WORDS[i].offset > 0;
        return e;
    }
    return NULL;
}

/* The months [first, first + n) as the calendar's period: a quarter, half or year when they are
 * one (a fiscal quarter of October to December is 2025-Q4), else a span of months. */
JbPeriod month_run(JbPoint first, int n)
{
    if (n == 3 && first.n % 3 == 1)
        return jb_period_of((JbPoint){JB_POINT_QUARTER, first.year, (first.n + 2) / 3, 0});
    if (n == 6 && first.n % 6 == 1)
        return jb_period_of((JbPoint){JB_POINT_HALF, first.year, (first.n + 5) / 6, 0});
    if (n == 12 && first.n == 1)
        return jb_period_of((JbPoint){JB_POINT_YEAR, first.year, 0, 0});
    return (JbPeriod){first, n == 1 ? first : jb_point_add(first, n - 1)};
}

/* A time of day after a day (16日8时, 15日夜间, 16日凌晨): where it ends, or `e`. */
static const char *time_of_day_after(const char *s, const char *e, const char *limit)
{
    const char *q = e;
    if (digits(&q, s, limit, 2) >= 0) {
        const char *h = any_lit(q, limit, (const char *const[]){"时", "時", "点", "點", NULL});
        return h ? h : e;
    }
    const char *w = any_lit(e, limit,
                            (const char *const[]){"凌晨", "夜间", "夜間", "上午", "下午", "晚间",
                                                  "晚間", "白天", "早晨", "傍晚", "中午", "夜里",
                                                  "夜裡", NULL});
    return w ? w : e;
}

/* A span of days whose first day `t->p` holds and ends at `e`: 5月1日至5日, 10月1日—8日,
 * 6月30日至7月2日, 6月16日8时至19日8时, 12月20日至明年2月28日 (12月20日至2月28日 crosses the
 * year's end too). Returns the end of the span (t->p widened to it) or `e` when none follows. */
const char *day_span_end(const char *s, const char *e, const char *limit, TimeRef *t)
{
    JbPeriod *p = &t->p;
    const char *e0 = e;
    e = time_of_day_after(s, e, limit); /* 6月16日8时至19日8时, 15日夜间到16日凌晨 */
    const char *sep = any_lit(e, limit,
                              (const char *const[]){"-", "—", "–", "~", "～", "至", "到", NULL});
    if (!sep)
        return e0;
    const char *q = sep;
    JbPoint last = p->start;
    const char *ny = any_lit(q, limit,
                             (const char *const[]){"明年", "次年", "翌年", "来年", "來年", NULL});
    if (ny) { /* 12月20日至明年2月28日 */
        last.year++;
        q = ny;
    }
    int n = digits(&q, s, limit, 2);
    if (n >= 1 && lit(q, limit, "月")) { /* a month of its own */
        if (!ny && n < last.n)
            last.year++; /* 12月20日至2月28日: across the year's end */
        last.n = n;
        q += strlen("月");
        n = digits(&q, s, limit, 2);
    } else if (ny) {
        return e0;
    }
    const char *de = n >= 1 ? any_lit(q, limit, (const char *const[]){"日", "号", "號", NULL})
                            : NULL;
    last.day = n;
    if (!de || !jb_point_valid(&last) || jb_point_first_day(&last) <= jb_point_first_day(&p->start))
        return e0;
    p->end = last;
    /* (a span with its hours is a forecast's or a measurement's window: its sentence's) */
    t->sentence_only = t->sentence_only || e != e0;
    /* whole months are written as months (暑期（7月1日至8月31日）: 2024-07/2024-08) */
    JbPoint next = jb_point_of_days(jb_point_first_day(&last) + 1);
    if (p->start.day == 1 && next.day == 1) {
        int months_n = (last.year - p->start.year) * 12 + last.n - p->start.n + 1;
        *p = month_run((JbPoint){JB_POINT_MONTH, p->start.year, p->start.n, 0}, months_n);
    }
    return time_of_day_after(s, de, limit);
}

/* sub_year's kinds, each reading one at p for year `y` (`am`: the anchor's month, 0 when
 * none; `year_stated`: a year came before). A function returning gboolean says whether one
 * of its kind is there, with *end where it ends or NULL when it is no time after all; one
 * returning a pointer, where it ends or NULL. */

/* Halves: 上半年, 下半年 (not yet begun, unless a year is named: a plan's); a fiscal year's
 * (2026年上半財年: the half that begins in 2026 of a company whose years end in March,
 * April to September; the calendar's when the article does not say where its years end). */
static const char *half_of_year(const char *p, const char *limit, int y, int am,
                                gboolean year_stated, int fy_end, TimeRef *t)
{
    const char *e;
    /* (a bare 上半财年 is left to the fiscal year named or the months in brackets after it) */
    int fiscal = 0;
    if (year_stated && (e = any_lit(p, limit, (const char *const[]){"上半财年", "上半財年", NULL})))
        fiscal = 1;
    else if (year_stated &&
             (e = any_lit(p, limit, (const char *const[]){"下半财年", "下半財年", NULL})))
        fiscal = 2;
    if (fiscal && fy_end >= 1 && fy_end <= 11) {
        t->p = month_run((JbPoint){JB_POINT_MONTH, y, fy_end + 1 + 6 * (fiscal - 1), 0}, 6);
        if (t->p.start.n > 12)
            t->p = month_run((JbPoint){JB_POINT_MONTH, y, fy_end + 1 - 6, 0}, 6);
        return e;
    }
    if (fiscal) {
        t->p = point_period(JB_POINT_HALF, y, fiscal, 0);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"上半年", "上半年度", NULL}))) {
        t->p = point_period(JB_POINT_HALF, y, 1, 0);
        return e;
    }
    /* 2026年中期分红, 2026年中期报告: the first half the interim payout or report is of (中期 a
     * noun's modifier, after a calendar year; not 2026年中期目标, a plan's mid-term) */
    if (year_stated && (fy_end < 1 || fy_end > 11) && (e = lit(p, limit, "中期")) &&
        any_lit(e, limit,
                (const char *const[]){"分红", "分紅", "股息", "派息", "利润分配", "利潤分配",
                                      "权益分派", "權益分派", "报告", "報告", "业绩", "業績",
                                      NULL})) {
        t->p = point_period(JB_POINT_HALF, y, 1, 0);
        return e;
    }
    if ((e = lit(p, limit, "下半年"))) {
        t->p = point_period(JB_POINT_HALF, y, 2, 0);
        if (!year_stated && am && am < 7)
            t->future_word = TRUE;
        return e;
    }
    return NULL;
}

/* The first months or quarters of a year: 前三季度, 前两季度, 前7个月; Hong Kong's 首三季, Taiwan's 前3季,
 * 今年首十個月 (首季 is a quarter: quarter_of_year). */
static gboolean first_of_year(const char *s, const char *p, const char *limit, int y, int am,
                              gboolean year_stated, TimeRef *t, const char **end)
{
    const char *e;
    *end = NULL;
    gboolean shou = lit(p, limit, "首") != NULL;
    if (!(e = lit(p, limit, "前")) && !(shou && (e = lit(p, limit, "首"))))
        return FALSE;
    const char *q = e;
    int n = small_number(&q, s, limit, 12);
    const char *r;
    if (n >= 2 && n <= 3 &&
        (r = any_lit(q, limit, (const char *const[]){"季度", "个季度", "個季度", NULL}))) {
        t->p = months(y, 1, n * 3);
        *end = r;
        return TRUE;
    }
    if (n >= 2 && n <= 3 && (r = lit(q, limit, "季"))) { /* (前3季, 首三季) */
        t->p = months(y, 1, n * 3);
        *end = r;
        return TRUE;
    }
    /* 前7个月, 前10月; 首十個月 after a year, before a running total or as many as the year has
     * had by the published day (首7個月的免租期 is a span of time; 首11個月累計…, 首九個月合計…, 首十個月累跌,
     * 首11個月， and 首11個月貨運量 in December are the year's months) */
    if (n >= 2 && (r = any_lit(q, limit, (const char *const[]){"个月", "個月", "月", NULL})) &&
        (!shou || year_stated || (am && (n == am - 1 || n == am)) ||
         any_lit(r, limit, (const char *const[]){"累", "合计", "合計", "，", ",", NULL}))) {
        t->p = months(y, 1, n);
        *end = r;
        return TRUE;
    }
    return !shou;
}

/* Quarters: 一季度, 第三季度, 第二季, 首季, 首季度, 三季度; a quarter's end (三季度末) is its
 * last month. */
static const char *quarter_of_year(const char *s, const char *p, const char *limit, int y, int am,
                                   gboolean year_stated, TimeRef *t)
{
    const char *q = p, *e;
    gboolean ordinal = FALSE;
    if ((e = lit(q, limit, "第"))) {
        q = e;
        ordinal = TRUE;
    }
    int n = -1;
    if ((e = lit(q, limit, "首"))) {
        n = 1;
        q = e;
    } else {
        n = small_number(&q, s, limit, 4);
    }
    if (n < 1 || n > 4)
        return NULL;
    const char *r = any_lit(q, limit, (const char *const[]){"季度", "季", NULL});
    /* 季 alone only after 第, 首 or a year (第二季, 首季, 2020年第三季): 三季 could be a count
     * of seasons */
    if (!r || !(lit(q, limit, "季度") || ordinal || year_stated || lit(p, limit, "首")))
        return NULL;
    if (!year_stated && am && n * 3 - 2 > am) {
        y--; /* 四季度 in a January article: last year's */
        t->shifted_back = TRUE;
    }
    t->p = point_period(JB_POINT_QUARTER, y, n, 0);
    if (lit(r, limit, "末") || lit(r, limit, "底")) {
        t->p = point_period(JB_POINT_MONTH, y, n * 3, 0);
        r += 3;
    }
    return r;
}

/* After a month (`me`: past 月 or 月份) of year y: a day (10月18日, a span of days after it),
 * a third of the month (7月上旬: the 1st to the 10th; 下旬 to its last day; 截至11月下旬: as
 * of, the month), its end or start (6月底, 6月初). Where the month's words end. */
static const char *within_month(const char *s, const char *p, const char *me, const char *limit,
                                int y, int m, TimeRef *t)
{
    const char *e, *d = me;
    int day = small_number(&d, s, limit, 31);
    if (day >= 1) {
        const char *de = any_lit(d, limit, (const char *const[]){"日", "号", "號", NULL});
        JbPoint x = {JB_POINT_DAY, y, m, day};
        if (de && jb_point_valid(&x)) {
            t->p = jb_period_of(x);
            return day_span_end(s, de, limit, t);
        }
        if (!de && jb_point_valid(&x)) { /* 11月1—22日: the span's one 日 after its last day */
            JbPeriod month = t->p;
            t->p = jb_period_of(x);
            const char *se = day_span_end(s, d, limit, t);
            if (se != d)
                return se;
            t->p = month;
        }
        return me;
    }
    /* the month's first days (11月首29日, 10月前20天): the 1st to the last of them */
    if ((e = any_lit(me, limit, (const char *const[]){"首", "前", NULL}))) {
        const char *q = e;
        int n = small_number(&q, s, limit, 31);
        const char *de = n >= 2 ? any_lit(q, limit, (const char *const[]){"日", "天", NULL}) : NULL;
        JbPoint last = {JB_POINT_DAY, y, m, n};
        if (de && jb_point_valid(&last)) {
            t->p = (JbPeriod){{JB_POINT_DAY, y, m, 1}, last};
            return de;
        }
    }
    static const char *const THIRDS[] = {"上旬", "中旬", "下旬", NULL};
    gboolean as_of = ends_with_any(s, p, (const char *const[]){"截至", "截止", NULL});
    for (int k = 0; THIRDS[k]; k++)
        if ((e = lit(me, limit, THIRDS[k])) && as_of)
            return e; /* 截至11月下旬: as of, the month */
        else if (e) {
            JbPoint first = {JB_POINT_DAY, y, m, 1 + 10 * k};
            JbPoint last = k < 2 ? (JbPoint){JB_POINT_DAY, y, m, 10 + 10 * k}
                                 : jb_point_of_days(jb_point_end_day(&t->p.start) - 1);
            t->p = (JbPeriod){first, last};
            return e;
        }
    /* a half of the month (11月上半月: the 1st to the 15th; 下半月 the rest) */
    if ((e = lit(me, limit, "上半月")) && !as_of) {
        t->p = (JbPeriod){{JB_POINT_DAY, y, m, 1}, {JB_POINT_DAY, y, m, 15}};
        return e;
    }
    if ((e = lit(me, limit, "下半月")) && !as_of) {
        t->p = (JbPeriod){{JB_POINT_DAY, y, m, 16},
                          jb_point_of_days(jb_point_end_day(&t->p.start) - 1)};
        return e;
    }
    if ((e = any_lit(me, limit, (const char *const[]){"底", "末", "初", NULL})))
        return e;
    return me;
}

/* Months: 6月, 6月份, 6月底, 1—11月, 5至7月, 10月18日, 十月; not a contract's name (美油10月
 * 合约). A month not yet reached is last year's unless a year is named. */
static gboolean month_of_year(const char *s, const char *p, const char *limit, int y, int am,
                              gboolean year_stated, TimeRef *t, const char **end)
{
    const char *q = p;
    *end = NULL;
    if (p > s && g_ascii_isdigit(*p) &&
        (g_ascii_isalpha(p[-1]) || (p[-1] == '.' && p - 1 > s && g_ascii_isdigit(p[-2]))))
        return FALSE; /* a name's numeral glued to 月 (PM2.5月均, PM10月均): no month */
    int m = small_number(&q, s, limit, 12);
    if (m < 1)
        return FALSE;
    int m2 = 0;
    const char *r = q;
    const char *sep = any_lit(r, limit,
                              (const char *const[]){"-", "—", "–", "~", "～", "至", "到", NULL});
    if (sep) {
        const char *u = sep;
        int v = small_number(&u, s, limit, 12);
        if (v > m && (lit(u, limit, "月") || lit(u, limit, "月份"))) {
            m2 = v;
            r = u;
        }
    }
    const char *me = lit(r, limit, "月");
    if (!me)
        return TRUE;
    if (lit(me, limit, "份"))
        me += 3;
    if (any_lit(me, limit,
                (const char *const[]){"合约", "合約", "期货", "期貨", "交割", "份合约", "份合約",
                                      NULL}))
        return TRUE; /* 美油10月合约: a contract's name */
    /* (a commodity between: WTI 1月原油期货, 3月铜合约; not 12月全国期货市场) */
    const char *w = me;
    for (int k = 0; k < 3 && w < limit && (guchar)*w >= 0xE4 && (guchar)*w <= 0xE9; k++) {
        w = g_utf8_next_char(w);
        const char *c = any_lit(w, limit,
                                (const char *const[]){"期货", "期貨", "合约", "合約", NULL});
        if (!c)
            continue;
        if (!any_lit(c, limit,
                     (const char *const[]){"市场", "市場", "交易", "成交", "公司", "行业", "行業",
                                           "业", "業", NULL}))
            return TRUE;
        break;
    }
    if (!year_stated && am && (m2 ? m2 : m) > am) {
        y--; /* 12月 in a January article: last year's (a plan's: next; see time_refs) */
        t->shifted_back = TRUE;
    }
    if (m2) {
        t->p = months(y, m, m2);
        *end = me;
        return TRUE;
    }
    t->p = point_period(JB_POINT_MONTH, y, m, 0);
    *end = within_month(s, p, me, limit, y, m, t);
    return TRUE;
}

/* Year words that need a year before them: 2023年底 (年底前: by then, the year), 2023年初,
 * 2026年年中, 全年, 年内, 今年以来. */
static const char *after_a_year(const char *p, const char *limit, const TimeAnchor *a, int y,
                                int am, TimeRef *t)
{
    const char *e;
    if ((e = any_lit(p, limit, (const char *const[]){"底", "末", "年底", "年末", NULL}))) {
        if (lit(e, limit, "前")) { /* 2027年底前: by the end of that year, its December */
            t->p = point_period(JB_POINT_MONTH, y, 12, 0);
            t->loose = TRUE;
            return e + 3;
        }
        t->p = point_period(JB_POINT_MONTH, y, 12, 0);
        return e;
    }
    if ((e = lit(p, limit, "年中"))) { /* 2026年年中: the mid-year point (30 June), its June */
        t->p = point_period(JB_POINT_MONTH, y, 6, 0);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"初", "年初", NULL}))) { /* 2023年初 */
        t->p = point_period(JB_POINT_MONTH, y, 1, 0);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"全年", "年内", "年內", "内", "內", NULL}))) {
        t->p = point_period(JB_POINT_YEAR, y, 0, 0);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"以来", "以來", NULL})) && am &&
        y == anchor_year(a)) {
        t->p = months(y, 1, am); /* 今年以来 */
        t->loose = TRUE;
        return e;
    }
    return NULL;
}

/* What follows a year (or stands alone): 全年, 上半年, 前三季度, 一季度, 首季, 6月, 6月底,
 * 1—11月, 前7个月, 年底, 10月18日, 今年以来. Fills t->p for `year` (0: the anchor's,
 * adjusted back a year for a month or quarter not yet reached) and returns where it ends,
 * or NULL when nothing of the kind is at p. `year_stated`: a year came before. */
/* sub_year asks each of its kinds only at the first characters it begins with (keep with
 * them): a half's 上, 下 or 中 (中期, after a year), first_of_year's 前 or 首, a quarter's 第,
 * 首 or numeral, a month's numeral (digits, or small_number's 一 to 九, 十, 两); with no year
 * before it, nothing else begins (after a year, after_a_year reads more: 年底, 全年, 以来). */
const char *sub_year(const char *s, const char *p, const char *limit, const TimeAnchor *a, int year,
                     gboolean year_stated, TimeRef *t)
{
    const char *e;
    gunichar c = cjk_at(p, limit);
    gboolean numeral = g_ascii_isdigit(*p) || cn_small_may_start(c);
    gboolean half = c == 0x4E0A /* 上 */ || c == 0x4E0B /* 下 */ ||
                    (c == 0x4E2D /* 中 */ && year_stated);
    gboolean first = c == 0x524D /* 前 */ || c == 0x9996 /* 首 */;
    gboolean quarter = numeral || c == 0x7B2C /* 第 */ || c == 0x9996 /* 首 */;
    if (!year_stated && !half && !quarter && !first)
        return NULL;
    int y = year ? year : anchor_year(a);
    int am = anchor_month(a);
    if (half && (e = half_of_year(p, limit, y, am, year_stated, a->fy_end, t)))
        return e;
    if (first && first_of_year(s, p, limit, y, am, year_stated, t, &e))
        return e;
    if (quarter && (e = quarter_of_year(s, p, limit, y, am, year_stated, t)))
        return e;
    if (numeral && month_of_year(s, p, limit, y, am, year_stated, t, &e))
        return e;
    return year_stated ? after_a_year(p, limit, a, y, am, t) : NULL;
}

/* Can a bare period code (Q3, H1) start at p? Only as a word of its own: at the start, after
 * a space, punctuation, 年 (2025年Q1) or 其中 (前三季度…；其中Q3单季…), never glued to a name
 * (奥迪Q3, LX-Q1). */
static gboolean code_may_start(const char *s, const char *p)
{
    if (p == s)
        return TRUE;
    guchar b = (guchar)p[-1];
    if (b < 0x80)
        return !g_ascii_isalnum(b) && b != '-' && b != '_' && b != '/' && b != '.';
    return ends_with_any(s, p,
                         (const char *const[]){"年", "，", "。", "；", "：", "、", "（", "“", "《",
                                               "【", "　", "及", "和", "与", "與", "其中",
                                               NULL}); /* (其中Q3单季: a part of 前三季度) */
}

/* A period code analysts write: a quarter or half with its year before or after it (4Q20,
 * 2Q2025, 2024Q3, 1H25, 2025H1), or bare (Q3, H1: the anchor's year); its kind in *kind, n
 * and year. The end, or NULL. */
static const char *one_code(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                            JbPointKind *kind, int *n, int *year)
{
    const char *q = p;
    if (g_ascii_isdigit(*q)) {
        if (q > s && g_ascii_isalnum(q[-1]))
            return NULL;
        int d = *q - '0';
        if (q + 1 < limit && (q[1] == 'Q' || q[1] == 'H')) { /* 4Q20, 1H25 */
            *kind = q[1] == 'Q' ? JB_POINT_QUARTER : JB_POINT_HALF;
            const char *r = q + 2;
            int y = digits(&r, s, limit, 4);
            if (r - (q + 2) == 2)
                y += 2000;
            if (d < 1 || d > (*kind == JB_POINT_QUARTER ? 4 : 2) || y < 1990 || y > 2100 ||
                (r < limit && g_ascii_isalnum(*r)))
                return NULL;
            *n = d;
            *year = y;
            return r;
        }
        int y = digits(&q, s, limit, 4); /* 2024Q3, 2025H1, 2026年Q3 */
        if (q - p == 4 && lit(q, limit, "年") && q + 4 < limit && (q[3] == 'Q' || q[3] == 'H'))
            q += strlen("年");
        if (y < 1990 || y > 2100 || q + 1 >= limit || (q[0] != 'Q' && q[0] != 'H'))
            return NULL;
        *kind = q[0] == 'Q' ? JB_POINT_QUARTER : JB_POINT_HALF;
        if (q[1] < '1' || q[1] > (*kind == JB_POINT_QUARTER ? '4' : '2') ||
            (q + 2 < limit && g_ascii_isalnum(q[2])))
            return NULL;
        *n = q[1] - '0';
        *year = y;
        return q + 2;
    }
    if ((*q == 'Q' || *q == 'H') && q + 1 < limit && anchor_year(a)) {
        *kind = *q == 'Q' ? JB_POINT_QUARTER : JB_POINT_HALF;
        if (q[1] < '1' || q[1] > (*kind == JB_POINT_QUARTER ? '4' : '2'))
            return NULL;
        if (q + 2 < limit &&
            (g_ascii_isalnum(q[2]) || (q[2] == '-' && !(q + 3 < limit && q[3] == *q))))
            return NULL; /* Q3A, Q1-2 (a name); Q1-Q3 is a span */
        *n = q[1] - '0';
        *year = anchor_year(a);
        return q + 2;
    }
    return NULL;
}

/* A period code, or a span of two (Q1-Q3, 2024Q1-Q3, 1Q24-3Q24: the months from the first's
 * start to the second's end, as 前三季度 is). */
const char *period_code(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                        TimeRef *t)
{
    if (!g_ascii_isdigit(*p) && !code_may_start(s, p))
        return NULL;
    JbPointKind k1, k2;
    int n1, y1, n2, y2;
    const char *e = one_code(s, p, limit, a, &k1, &n1, &y1);
    if (!e)
        return NULL;
    t->p = point_period(k1, y1, n1, 0);
    if (!g_ascii_isdigit(*p) && a->fy_end >= 1 && a->fy_end <= 11 &&
        a->day.kind >= JB_POINT_MONTH) {
        /* a bare Q2 of a company whose years end in another month than December: its
         * fiscal quarter, the last one so numbered by the published month */
        int per = k1 == JB_POINT_QUARTER ? 3 : 6;
        JbPoint first = {JB_POINT_MONTH, a->day.year, a->fy_end % 12 + 1 + per * (n1 - 1), 0};
        if (first.n > 12) {
            first.n -= 12;
        }
        if (first.n > a->day.n)
            first.year--;
        /* Q2 FY26, H1 FY25: of the fiscal year named (ending in 2026, 2025) */
        const char *f = e;
        while (f < limit && *f == ' ')
            f++;
        if (limit - f > 2 && f[0] == 'F' && f[1] == 'Y') {
            const char *fq = f + 2;
            int fy = digits(&fq, s, limit, 4);
            if (fy >= 0 && fy < 100)
                fy += 2000;
            if (fy >= 1990 && fy <= 2100) {
                first.year = fy - 1 + (first.n <= a->fy_end ? 1 : 0);
                e = fq;
            }
        }
        t->p = month_run(first, per);
    }
    const char *r = e;
    if (r < limit && (*r == '-' || *r == '~'))
        r++;
    else if (!(r = any_lit(e, limit, (const char *const[]){"—", "–", "～", "至", NULL})))
        return e;
    TimeAnchor same = *a; /* a bare second code is the first's year */
    same.day = (JbPoint){JB_POINT_YEAR, y1, 0, 0};
    const char *e2 = one_code(s, r, limit, &same, &k2, &n2, &y2);
    if (!e2 || k2 != k1 || (y2 * 4 + n2 <= y1 * 4 + n1))
        return e;
    int per = k1 == JB_POINT_QUARTER ? 3 : 6;
    t->p = (JbPeriod){{JB_POINT_MONTH, y1, (n1 - 1) * per + 1, 0},
                      {JB_POINT_MONTH, y2, n2 * per, 0}};
    return e2;
}
