/* jb_extract_period.c — the times a sentence names and the periods they stand for: years
 * (2025年, 今年, 去年), months and days (6月底, 今年前7个月, 1—11月, 10月18日), quarters and
 * halves (一季度, 首季, 第二季, 4Q20, 上半年, 前三季度), weeks (本周, 周涨, 下周), spans
 * (2021—2025年, “十四五”时期, 5至7月), now (目前, 今天) and times relative to the period in
 * force (同期, 去年同期, 上季, 当时, 两年平均); each with the role it plays for the figures
 * near it (a period, a base of comparison, the day of an announcement).
 *
 * Which time a figure takes (the nearest before it, the one carried from earlier sentences,
 * the published day) is jb_extract.c's; this file reads expressions and resolves them.
 *
 * Not for: article dates (jb_article_date.c), the period grammar itself (jb_period.c).
 */
#include "jb_extract_priv.h"
#include "jb_text.h"

/* ---- reading pieces -------------------------------------------------------------------- */

/* `w` at p (before limit): where it ends, or NULL (jb_text.h's jb_lit: always inlined, so a
 * literal's length and first bytes are constants; the time scan calls this a few times per
 * character that could start a time). */
static inline __attribute__((always_inline)) const char *lit(const char *p, const char *limit,
                                                             const char *w)
{
    return jb_lit(p, limit, w);
}

/* The first of `words` at p: where it ends, or NULL. Byte by byte, no strlen or memcmp: the
 * words come from an array (no constants to fold), most fail on their first two bytes, and
 * the time scan tries a dozen lists at each character that may start a time. */
static const char *any_lit(const char *p, const char *limit, const char *const *words)
{
    if (p >= limit)
        return NULL;
    for (; *words; words++) {
        const char *w = *words, *q = p;
        if (*q != *w)
            continue;
        while (*w && q < limit && *q == *w) {
            q++;
            w++;
        }
        if (!*w)
            return q;
    }
    return NULL;
}

/* A run of 1..max ASCII digits at p, not part of a longer run: its value, or -1. */
static int digits(const char **pp, const char *s, const char *limit, int max)
{
    const char *p = *pp;
    if (p > s && g_ascii_isdigit(p[-1]))
        return -1;
    int v = 0, n = 0;
    while (p < limit && g_ascii_isdigit(*p) && n <= max) {
        v = v * 10 + (*p - '0');
        p++;
        n++;
    }
    if (n == 0 || n > max || (p < limit && (g_ascii_isdigit(*p) || *p == '.')))
        return -1;
    *pp = p;
    return v;
}

/* A Chinese numeral from 1 to 99 (一 … 十二, 两, 二十, 三十一): its value, or -1. */
static int cn_small(const char **pp, const char *limit)
{
    if (lit(*pp, limit, "两") || lit(*pp, limit, "兩")) {
        *pp += 3;
        return 2;
    }
    return jb_cn_count(pp, limit);
}

/* A small number written either way (1..max): 3, 三, 12, 十二. */
static int small_number(const char **pp, const char *s, const char *limit, int max)
{
    const char *p = *pp;
    int v = g_ascii_isdigit(*p) ? digits(&p, s, limit, 2) : cn_small(&p, limit);
    if (v < 1 || v > max)
        return -1;
    *pp = p;
    return v;
}

static inline __attribute__((always_inline)) gboolean ends_with(const char *s, const char *p,
                                                                const char *w)
{
    gsize n = strlen(w);
    if ((gsize)(p - s) < n)
        return FALSE;
    for (const char *q = p - n; *w; q++, w++) /* (a word of a few bytes: no memcmp call) */
        if (*q != *w)
            return FALSE;
    return TRUE;
}

static gboolean ends_with_any(const char *s, const char *p, const char *const *words)
{
    for (; *words; words++)
        if (ends_with(s, p, *words))
            return TRUE;
    return FALSE;
}

/* A mark that ends a clause or sentence (，。；) at q. */
static gboolean clause_mark_at(const char *q, const char *limit)
{
    return any_lit(q, limit, (const char *const[]){"，", "。", "；", NULL}) != NULL;
}

/* ---- periods ----------------------------------------------------------------------------- */

static JbPeriod point_period(JbPointKind kind, int year, int n, int day)
{
    JbPoint x = {kind, year, n, day};
    return jb_period_of(x);
}

static JbPeriod months(int year, int from, int to)
{
    JbPeriod p = {{JB_POINT_MONTH, year, from, 0}, {JB_POINT_MONTH, year, to, 0}};
    if (from == to)
        p.end = p.start;
    return p;
}

/* Monday to Friday of the week holding `day` (days since the epoch), `weeks` on. */
static JbPeriod work_week(gint64 day, int weeks)
{
    gint64 monday = day - jb_weekday(day) + 7 * weeks;
    JbPeriod p = {jb_point_of_days(monday), jb_point_of_days(monday + 4)};
    return p;
}

static int anchor_year(const TimeAnchor *a)
{
    return a->day.kind ? a->day.year : 0;
}

/* The published month, 0 when the date has none. */
static int anchor_month(const TimeAnchor *a)
{
    return a->day.kind == JB_POINT_MONTH || a->day.kind == JB_POINT_DAY ? a->day.n : 0;
}

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

/* ---- the expressions ---------------------------------------------------------------------- */

/* Prices of a year as the base of a real figure (按上年价格计算, 按2020年不变价, 2015年
 * 可比价): that year is no period of the figure. */
static gboolean price_base_after(const char *e, const char *limit)
{
    return any_lit(e, limit, (const char *const[]){"价格", "價格", "不变价", "不變價", "可比价",
                                                    "可比價", "的价格", "的價格", NULL}) != NULL;
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

/* A year, or a span of years, at p: 2025年, 2021—2025年, 2024年度, 今年, 去年, 明年. Sets *year
 * (and *year2 for a span, else 0); returns where it ends or NULL. *relative_word is set for
 * 今年 去年 … (no digits), *future for 明年 后年. */
static const char *year_part(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                             int *year, int *year2, gboolean *future)
{
    *year2 = 0;
    *future = FALSE;
    if (g_ascii_isdigit(*p)) {
        const char *q = p;
        int y = digits(&q, s, limit, 4);
        if (q - p == 3 && y >= 100 && y <= 199 && lit(q, limit, "年")) {
            /* a year of the Republic of China (Taiwan): 民國114年, 114年11月, 114年度 */
            const char *e = q + strlen("年"), *d = e;
            gboolean roc = ends_with(s, p, "民國") || ends_with(s, p, "民国") ||
                           any_lit(e, limit, (const char *const[]){"度", "第", "上半年", "下半年",
                                                                    "前", NULL});
            if (!roc && digits(&d, s, limit, 2) >= 1)
                roc = any_lit(d, limit, (const char *const[]){"月", "至", "-", NULL}) != NULL;
            if (!roc)
                return NULL;
            if (lit(e, limit, "度"))
                e += 3;
            *year = y + 1911;
            return e;
        }
        if (y < 1900 || y > 2100 || q - p != 4)
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
        if (!e || price_base_after(e, limit) || numbered_name_after(e, limit))
            return NULL;
        if (lit(e, limit, "度"))
            e += 3;
        *year = y;
        return e;
    }
    const char *q = p;
    int cy = p > s && jb_cn_digit(&(const char *){g_utf8_prev_char(p)}, p) >= 0 ? -1
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
    } WORDS[] = {{"今年", 0},   {"本年", 0},   {"去年", -1},  {"上年", -1},
                 {"上一年", -1}, {"前年", -2},  {"明年", 1},   {"来年", 1},
                 {"來年", 1},   {"次年", 1},   {"下一年", 1}, {"后年", 2},
                 {"後年", 2}};
    for (gsize i = 0; i < G_N_ELEMENTS(WORDS); i++) {
        const char *e = lit(p, limit, WORDS[i].w);
        if (!e)
            continue;
        if (!anchor_year(a) || price_base_after(e, limit) || numbered_name_after(e, limit))
            return NULL;
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
static JbPeriod month_run(JbPoint first, int n)
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
    const char *w = any_lit(e, limit, (const char *const[]){"凌晨", "夜间", "夜間", "上午", "下午",
                                                             "晚间", "晚間", "白天", "早晨", "傍晚",
                                                             "中午", "夜里", "夜裡", NULL});
    return w ? w : e;
}

/* A span of days whose first day `t->p` holds and ends at `e`: 5月1日至5日, 10月1日—8日,
 * 6月30日至7月2日, 6月16日8时至19日8时. Returns the end of the span (t->p widened to it) or `e` when none follows. */
static const char *day_span_end(const char *s, const char *e, const char *limit, TimeRef *t)
{
    JbPeriod *p = &t->p;
    const char *e0 = e;
    e = time_of_day_after(s, e, limit); /* 6月16日8时至19日8时, 15日夜间到16日凌晨 */
    const char *sep = any_lit(e, limit, (const char *const[]){"-", "—", "–", "~", "～", "至", "到", NULL});
    if (!sep)
        return e0;
    if (!sep)
        return e;
    const char *q = sep;
    JbPoint last = p->start;
    int n = digits(&q, s, limit, 2);
    if (n >= 1 && lit(q, limit, "月")) { /* a month of its own */
        last.n = n;
        q += strlen("月");
        n = digits(&q, s, limit, 2);
    }
    const char *de = n >= 1 ? any_lit(q, limit, (const char *const[]){"日", "号", "號", NULL}) : NULL;
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

/* What follows a year (or stands alone): 全年, 上半年, 前三季度, 一季度, 首季, 6月, 6月底,
 * 1—11月, 前7个月, 年底, 10月18日, 今年以来. Fills t->p for `year` (0: the anchor's,
 * adjusted back a year for a month or quarter not yet reached) and returns where it ends,
 * or NULL when nothing of the kind is at p. `year_stated`: a year came before. */
static const char *sub_year(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                            int year, gboolean year_stated, TimeRef *t)
{
    const char *e;
    int y = year ? year : anchor_year(a);
    int am = anchor_month(a);
    /* halves */
    if ((e = any_lit(p, limit, (const char *const[]){"上半年", "上半年度", NULL}))) {
        t->p = point_period(JB_POINT_HALF, y, 1, 0);
        return e;
    }
    if ((e = lit(p, limit, "下半年"))) {
        t->p = point_period(JB_POINT_HALF, y, 2, 0);
        if (!year_stated && am && am < 7)
            t->future_word = TRUE;
        return e;
    }
    /* 前三季度, 前两季度; Hong Kong's 首三季, 今年首十個月 (首季 is a quarter: below) */
    gboolean shou = lit(p, limit, "首") != NULL;
    if ((e = lit(p, limit, "前")) || (shou && (e = lit(p, limit, "首")))) {
        const char *q = e;
        int n = small_number(&q, s, limit, 12);
        const char *r;
        if (n >= 2 && n <= 3 && (r = any_lit(q, limit, (const char *const[]){"季度", "个季度", "個季度", NULL}))) {
            t->p = months(y, 1, n * 3);
            return r;
        }
        if (shou && n >= 2 && n <= 3 && (r = lit(q, limit, "季"))) {
            t->p = months(y, 1, n * 3);
            return r;
        }
        /* 前7个月, 前10月; 首十個月 after a year only (首7個月的免租期 is a span of time) */
        if (n >= 2 && (!shou || year_stated) &&
            (r = any_lit(q, limit, (const char *const[]){"个月", "個月", "月", NULL}))) {
            t->p = months(y, 1, n);
            return r;
        }
        if (!shou)
            return NULL;
    }
    /* quarters: 一季度, 第三季度, 第二季, 首季, 首季度, 三季度 */
    {
        const char *q = p;
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
        if (n >= 1 && n <= 4) {
            const char *r = any_lit(q, limit, (const char *const[]){"季度", "季", NULL});
            /* 季 alone only after 第, 首 or a year (第二季, 首季, 2020年第三季): 三季 could be
             * a count of seasons */
            if (r && (lit(q, limit, "季度") || ordinal || year_stated || lit(p, limit, "首"))) {
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
        }
    }
    /* months: 6月, 6月份, 6月底, 1—11月, 5至7月, 10月18日, 十月 */
    {
        const char *q = p;
        int m = small_number(&q, s, limit, 12);
        if (m >= 1) {
            int m2 = 0;
            const char *r = q;
            const char *sep = any_lit(r, limit, (const char *const[]){"-", "—", "–", "~", "～", "至", "到", NULL});
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
                return NULL;
            if (lit(me, limit, "份"))
                me += 3;
            if (any_lit(me, limit, (const char *const[]){"合约", "合約", "期货", "期貨", "交割",
                                                         "份合约", "份合約", NULL}))
                return NULL; /* 美油10月合约: a contract's name */
            if (!year_stated && am && (m2 ? m2 : m) > am) {
                y--; /* 12月 in a January article: last year's (a plan's: next; see time_refs) */
                t->shifted_back = TRUE;
            }
            if (m2) {
                t->p = months(y, m, m2);
                return me;
            }
            t->p = point_period(JB_POINT_MONTH, y, m, 0);
            const char *d = me;
            int day = small_number(&d, s, limit, 31);
            if (day >= 1) {
                const char *de = day >= 1 ? any_lit(d, limit, (const char *const[]){"日", "号", "號", NULL}) : NULL;
                JbPoint x = {JB_POINT_DAY, y, m, day};
                if (de && jb_point_valid(&x)) {
                    t->p = jb_period_of(x);
                    return day_span_end(s, de, limit, t);
                }
                return me;
            }
            if ((e = any_lit(me, limit, (const char *const[]){"底", "末", "初", "上旬", "中旬", "下旬", NULL})))
                return e;
            return me;
        }
    }
    /* year words that need a year before them */
    if (year_stated) {
        if ((e = any_lit(p, limit, (const char *const[]){"底", "末", "年底", "年末", NULL}))) {
            if (lit(e, limit, "前")) { /* 年底前: by the end of the year, the year */
                t->p = point_period(JB_POINT_YEAR, y, 0, 0);
                t->loose = TRUE;
                return e + 3;
            }
            t->p = point_period(JB_POINT_MONTH, y, 12, 0);
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
        if ((e = any_lit(p, limit, (const char *const[]){"以来", "以來", NULL})) && am && y == anchor_year(a)) {
            t->p = months(y, 1, am); /* 今年以来 */
            t->loose = TRUE;
            return e;
        }
    }
    return NULL;
}

/* Can a bare period code (Q3, H1) start at p? Only as a word of its own: at the start, after
 * a space, punctuation or 年 (2025年Q1), never glued to a name (奥迪Q3, LX-Q1). */
static gboolean code_may_start(const char *s, const char *p)
{
    if (p == s)
        return TRUE;
    guchar b = (guchar)p[-1];
    if (b < 0x80)
        return !g_ascii_isalnum(b) && b != '-' && b != '_' && b != '/' && b != '.';
    return ends_with_any(s, p, (const char *const[]){"年", "，", "。", "；", "：", "、", "（", "“",
                                                     "《", "【", "　", "及", "和", "与", "與", NULL});
}

/* A period code analysts write: a quarter or half with its year before or after it (4Q20,
 * 2Q2025, 2024Q3, 1H25, 2025H1), or bare (Q3, H1: the anchor's year); its kind in *kind
 * (JB_POINT_QUARTER or JB_POINT_HALF), n and year. The end, or NULL. */
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
        int y = digits(&q, s, limit, 4); /* 2024Q3, 2025H1 */
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
        if (q + 2 < limit && (g_ascii_isalnum(q[2]) || (q[2] == '-' && !(q + 3 < limit && q[3] == *q))))
            return NULL; /* Q3A, Q1-2 (a name); Q1-Q3 is a span */
        *n = q[1] - '0';
        *year = anchor_year(a);
        return q + 2;
    }
    return NULL;
}

/* A period code, or a span of two (Q1-Q3, 2024Q1-Q3, 1Q24-3Q24: the months from the first's
 * start to the second's end, as 前三季度 is). */
static const char *period_code(const char *s, const char *p, const char *limit, const TimeAnchor *a,
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
    t->p = (JbPeriod){{JB_POINT_MONTH, y1, (n1 - 1) * per + 1, 0}, {JB_POINT_MONTH, y2, n2 * per, 0}};
    return e2;
}

/* After a five-year plan's name: one year of it named (“十四五”规划收官之年, 开局之年, 的第三年,
 * 最后一年), not the plan's span. */
static gboolean plan_year_named(const char *e, const char *limit)
{
    const char *q = any_lit(e, limit, (const char *const[]){"规划", "規劃", "计划", "計劃", NULL});
    if (q)
        e = q;
    if ((q = lit(e, limit, "的")))
        e = q;
    for (int k = 0; k < 6 && e < limit; k++) { /* 收官之年, 开局之年, 第三年, 最后一年 */
        if (any_lit(e, limit, (const char *const[]){"之年", "年", "最后一年", "最後一年", NULL}))
            return TRUE;
        if (any_lit(e, limit, (const char *const[]){"，", "。", "；", "、", NULL}))
            return FALSE;
        e = g_utf8_next_char(e);
    }
    return FALSE;
}


/* Words that are a time by themselves: now, today, weeks, this month, plan periods, and the
 * times relative to the context. */
/* A periodic report's own times, counted from the period it covers: 本报告期 (报告期内),
 * 年初至报告期末, 报告期末 (its last day), 上年度末 (the last day of the year before). */
static const char *report_time(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    const char *e;
    JbPoint last = jb_point_of_days(jb_period_end_day(&a->report) - 1);
    if ((e = any_lit(p, limit, (const char *const[]){"年初至本报告期末", "年初至报告期末",
                                                      "年初至本報告期末", "年初至報告期末", NULL}))) {
        t->p = jb_period_freq(&a->report) == JB_FREQ_YEAR ? a->report : months(last.year, 1, last.n);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"本报告期末", "报告期末", "本報告期末", "報告期末", NULL}))) {
        t->p = jb_period_of(last);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"本报告期", "报告期内", "报告期", "本報告期",
                                                      "報告期內", "報告期", NULL}))) {
        t->p = a->report;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"上年度末", "上年末", "上年年末", "上年度末", NULL}))) {
        t->p = jb_period_of((JbPoint){JB_POINT_DAY, last.year - 1, 12, 31});
        return e;
    }
    return NULL;
}

/* A day of the week named: 上周五, 本周三, 下周一, 周三, 星期五, 礼拜天 — that day of the
 * published day's week (Monday first), or of the week before or after. A weekday after 每, 逢
 * or 隔 is a schedule (每周一至周五), no day. */
static const char *weekday_ref(const char *s, const char *p, const char *limit,
                               const TimeAnchor *a, TimeRef *t)
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
        lit(e, limit, "末") &&
        a->day.kind == JB_POINT_DAY &&
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
                                                   "一", "两", "兩", "几", "幾", NULL}))
        return NULL;
    e += strlen(DAYS[0]);
    /* a range of weekdays (周一至周五) is a schedule too */
    if (any_lit(e, limit, (const char *const[]){"至周", "到周", "至星期", "到星期", "-周", "—周", "至週", NULL}))
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
    gint64 day = jb_point_first_day(&a->day);
    gint64 that = day - jb_weekday(day) + 7 * WEEKS[i].weeks + wd;
    t->p = jb_period_of(jb_point_of_days(that));
    t->role = TIME_DAY;
    t->weekday = TRUE;
    t->future_word = that > day;
    return e;
}

static const char *time_word(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                             TimeRef *t)
{
    const char *e;
    gint64 day;
    if (a->have_report && (e = report_time(p, limit, a, t)))
        return e;
    /* now: the published day */
    if ((e = any_lit(p, limit, (const char *const[]){"截至目前", "截止目前", "截至目前为止", "目前", "当前",
                                                      "當前", "现阶段", "現階段", "现时", "現時",
                                                      "现在", "現在", NULL}))) {
        if (!a->day.kind)
            return NULL;
        t->p = jb_period_of(a->day);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"今天", "今日", "当天", "當天", "当日", "當日", NULL}))) {
        if (!a->day.kind)
            return NULL;
        t->p = jb_period_of(a->day);
        t->role = TIME_DAY;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"昨天", "昨日", "昨晚", NULL}))) {
        if (a->day.kind != JB_POINT_DAY)
            return NULL;
        t->p = jb_period_of(jb_point_add(a->day, -1));
        t->role = TIME_DAY;
        return e;
    }
    if ((e = weekday_ref(s, p, limit, a, t)))
        return e;
    /* weeks: 本周, 上周, 下周, and 周 right before a move (周涨1.04%) */
    static const struct {
        const char *w;
        int weeks;
    } WEEKS[] = {{"本周", 0}, {"本週", 0}, {"这周", 0}, {"這週", 0}, {"上周", -1},
                 {"上週", -1}, {"下周", 1}, {"下週", 1}};
    for (gsize i = 0; i < G_N_ELEMENTS(WEEKS); i++)
        if ((e = lit(p, limit, WEEKS[i].w))) {
            if (!anchor_trading_day(a, &day))
                return NULL;
            t->p = work_week(day, WEEKS[i].weeks);
            t->future_word = WEEKS[i].weeks > 0;
            return e;
        }
    if ((e = any_lit(p, limit, (const char *const[]){"周", "週", NULL})) &&
        any_lit(e, limit, (const char *const[]){"涨", "跌", "升", "降", "累计", "累計", "内", "內", NULL}) &&
        !ends_with_any(s, p, (const char *const[]){"一", "两", "兩", "几", "幾", "多", "每", "上", "下",
                                                   "本", "这", "這", NULL})) {
        if (!anchor_trading_day(a, &day))
            return NULL;
        t->p = work_week(day, 0);
        t->local = TRUE;
        return e;
    }
    /* months by word */
    if ((e = any_lit(p, limit, (const char *const[]){"月末", "月底", NULL})) &&
        !(p > s && (g_ascii_isdigit(p[-1]) || ends_with_any(s, p, (const char *const[]){
                                                  "一", "二", "三", "四", "五", "六", "七", "八",
                                                  "九", "十", "本", "上", "下", "每", "个", "個",
                                                  "前", "同", NULL})))) {
        t->rel = REL_THIS; /* 月末外币贷款余额…: the end of the month just spoken of */
        t->grain = JB_POINT_MONTH;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"当月", "當月", NULL}))) {
        t->rel = REL_THIS; /* that month: the one just named (9月当月), else this one */
        t->grain = JB_POINT_MONTH;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"本月", "这个月", "這個月", NULL}))) {
        if (!anchor_month(a))
            return NULL;
        const char *d = e;
        int dd = g_ascii_isdigit(*d) ? digits(&d, s, limit, 2) : -1;
        const char *de = dd >= 1 ? any_lit(d, limit, (const char *const[]){"日", "号", "號", NULL}) : NULL;
        JbPoint x = {JB_POINT_DAY, anchor_year(a), anchor_month(a), dd};
        if (de && jb_point_valid(&x)) { /* 本月23日 */
            t->p = jb_period_of(x);
            return de;
        }
        t->p = point_period(JB_POINT_MONTH, anchor_year(a), anchor_month(a), 0);
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"下月", "下个月", "下個月", NULL}))) {
        if (!anchor_month(a))
            return NULL;
        JbPoint m = {JB_POINT_MONTH, anchor_year(a), anchor_month(a), 0};
        t->p = jb_period_of(jb_point_add(m, 1));
        t->future_word = TRUE;
        return e;
    }
    /* relative to the context */
    if ((e = any_lit(p, limit, (const char *const[]){"去年同期", "上年同期", "上一年同期", NULL}))) {
        t->rel = REL_YEAR_AGO;
        return e;
    }
    if ((e = lit(p, limit, "同期"))) {
        t->rel = REL_SAME;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"上一季度", "上季度", "上一季", "上季", NULL}))) {
        t->rel = REL_PREV;
        t->grain = JB_POINT_QUARTER;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"上月", "上个月", "上個月", "前月", NULL}))) {
        t->rel = REL_PREV;
        t->grain = JB_POINT_MONTH;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"今季", "本季度", "本季", "当季", "當季", NULL}))) {
        t->rel = REL_THIS;
        t->grain = JB_POINT_QUARTER;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"当时", "當時", NULL}))) {
        t->rel = REL_WHEN;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"两年平均", "兩年平均", NULL}))) {
        t->rel = REL_TWO_YEARS;
        return e;
    }
    /* the year as a whole, and year-end reviews: in January and February 全年 and 过去一年
     * are last year's */
    if ((e = any_lit(p, limit, (const char *const[]){"全年", "过去一年", "過去一年", "过去1年", NULL}))) {
        if (!anchor_year(a))
            return NULL;
        t->rel = REL_YEAR; /* 2023年…，全年降幅近50%: 2023's */
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年初以来", "年初以來", "年初至今", NULL}))) {
        if (!anchor_month(a))
            return NULL;
        t->p = months(anchor_year(a), 1, anchor_month(a)); /* as 今年以来 */
        t->loose = TRUE;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年初", NULL}))) {
        if (!anchor_year(a))
            return NULL;
        t->rel = REL_YEAR_START; /* 年初的0.9元: January of the year in force */
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年底", "年末", NULL})) && !lit(e, limit, "前")) {
        if (!anchor_year(a))
            return NULL;
        t->rel = REL_YEAR_END;
        /* 到年底 is a deadline; 下降至年底的0.45元, a value at that time */
        t->future_word = (ends_with(s, p, "到") || ends_with(s, p, "至")) && !lit(e, limit, "的");
        /* a year's stock heading its clause in a review of the year (年末全省常住人口6121万人,
         * a communiqué's, published the next spring): the year's figure; in November, 年末
         * is the month ahead */
        if ((p == s || ends_with_any(s, p, (const char *const[]){"，", "。", "；", "：", NULL})) &&
            anchor_month(a) >= 1 && anchor_month(a) <= 6)
            t->rel = REL_YEAR;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年内", "年內", "年底前", "年末前", NULL}))) {
        if (!anchor_year(a))
            return NULL;
        t->p = point_period(JB_POINT_YEAR, anchor_year(a), 0, 0);
        t->loose = TRUE; /* a deadline, not the period a story reports */
        return e;
    }
    /* five-year plans: “十四五”时期, 十三五期间 */
    {
        const char *q = p;
        gboolean quoted = FALSE;
        if ((e = any_lit(q, limit, (const char *const[]){"“", "\"", "「", NULL}))) {
            q = e;
            quoted = TRUE;
        }
        static const struct {
            const char *w;
            int first;
        } PLANS[] = {{"十一五", 2006}, {"十二五", 2011}, {"十三五", 2016}, {"十四五", 2021}, {"十五五", 2026}};
        for (gsize i = 0; i < G_N_ELEMENTS(PLANS); i++) {
            if (!(e = lit(q, limit, PLANS[i].w)))
                continue;
            if (quoted && !(e = any_lit(e, limit, (const char *const[]){"”", "\"", "」", NULL})))
                return NULL;
            const char *r = any_lit(e, limit, (const char *const[]){"末", "时期", "時期", "期间", "期間", NULL});
            if (!r && plan_year_named(e, limit))
                return NULL; /* 今年是“十四五”规划收官之年: a year of the plan, said of this year */
            if (!r && !quoted)
                return NULL; /* 十四五 alone is often a name (十四五规划): a period only with 时期 */
            t->p = (JbPeriod){{JB_POINT_YEAR, PLANS[i].first, 0, 0},
                              {JB_POINT_YEAR, PLANS[i].first + 4, 0, 0}};
            if (r && lit(e, limit, "末")) /* “十三五”末: its last year */
                t->p.start = t->p.end;
            t->future_word = anchor_year(a) && PLANS[i].first + 4 > anchor_year(a);
            return r ? r : e;
        }
    }
    return NULL;
}

/* An index's base after a time: 上月=100, 上年同月=100, 2020年＝100. */
static gboolean index_base_after(const char *e, const char *limit)
{
    for (int k = 0; k < 3 && e < limit; k++) {
        if (any_lit(e, limit, (const char *const[]){"=100", "＝100", "=1", "＝1", NULL}))
            return TRUE;
        if (any_lit(e, limit, (const char *const[]){"）", ")", "，", "。", NULL}))
            return FALSE;
        e = g_utf8_next_char(e);
    }
    return FALSE;
}

/* ---- roles ------------------------------------------------------------------------------- */

/* A time after these words is a base of comparison, not the figures' period. */
static gboolean after_comparison(const char *s, const char *p)
{
    static const char *const W[] = {"比", "较", "較", "相比", "相较", "相較", "同比", "环比", "環比",
                                    "对比", "對比", "比起", "较之", "較之", "仅次于", "僅次於",
                                    "高于", "高於", "低于", "低於", "自", "从", "從", "追溯至", NULL};
    return ends_with_any(s, p, W);
}

/* 与4至6月的数据相比, 和去年同期相比: a base named between 与 and 相比. */
static gboolean compared_with(const char *s, const char *p, const char *e, const char *limit)
{
    if (!ends_with_any(s, p, (const char *const[]){"与", "與", "和", "同", "跟", NULL}))
        return FALSE;
    for (const char *q = e; q < limit && q - e < 3 * 12; q = g_utf8_next_char(q)) {
        if (any_lit(q, limit, (const char *const[]){"相比", "相較", "相较", "比较", "比較", "持平", NULL}))
            return TRUE;
        if (clause_mark_at(q, limit))
            return FALSE;
    }
    return FALSE;
}

/* A time followed by an event (去年推出…计划, 10月启动): when something happened, not the
 * period of the figures after it. */
static gboolean event_after(const char *e, const char *limit)
{
    static const char *const W[] = {"推出", "啟動", "启动", "成立", "发布", "發布", "出台",
                                    "开业", "開業", "宣布", "举办", "舉辦", "召开", "召開",
                                    "设立", "設立", "上线", "上線", "揭牌", "开幕", "開幕",
                                    "签署", "簽署", "印发", "印發", "开通", "開通", "投产",
                                    "投產", "落地", "上映", "首映", "开播", "開播", "开售",
                                    "開售", NULL};
    const char *q = e;
    if (lit(q, limit, "，") || lit(q, limit, "起"))
        return FALSE;
    for (int k = 0; k < 2 && q < limit; k++) {
        if (any_lit(q, limit, W))
            return TRUE;
        q = g_utf8_next_char(q);
    }
    return FALSE;
}

/* Does the event verb after a time (at e) describe a noun (上映的《长夜将尽》, 发布的新规)? */
static gboolean noun_of_event(const char *e, const char *limit)
{
    const char *q = e;
    for (int k = 0; k < 5 && q < limit; k++, q = g_utf8_next_char(q)) {
        if (lit(q, limit, "的"))
            return TRUE;
        if (g_ascii_isdigit(*q) || clause_mark_at(q, limit))
            return FALSE;
    }
    return FALSE;
}

/* A time after a founding (成立于2021年, 创办於1998年): when the company began, not the
 * period of what the text says of it now. */
/* A time that names a report (2024年第三季度报告, 2023年年报, 2025年半年报): the period of what
 * its sentence quotes from it, not of what the text goes on to say. */
static gboolean report_after(const char *e, const char *limit)
{
    return any_lit(e, limit, (const char *const[]){"报告", "報告", "财报", "財報", "年报", "年報",
                                                    "季报", "季報", "半年报", "半年報", "年度报告",
                                                    "年度報告", "半年度报告", "半年度報告", NULL}) != NULL;
}

static gboolean event_before(const char *s, const char *p)
{
    static const char *const W[] = {"成立于", "成立於", "创立于", "創立於", "创办于", "創辦於",
                                    "创建于", "創建於", "始建于", "始建於", "组建于", "組建於",
                                    "注册于", "註冊於", "诞生于", "誕生於", "上市于", "上市於", NULL};
    return ends_with_any(s, p, W);
}

/* Is the time at p in a clause that speaks of the future (将, 预计, 计划)? */
static gboolean future_clause(const char *s, const char *p, const char *e, const char *limit)
{
    static const char *const W[] = {"将", "將", "预计", "預計", "计划", "計劃", "力争", "力爭",
                                    "有望", "目标", "目標", "预估", "預估", "预测", "預測", "可望",
                                    NULL};
    static JbWordSet *words; /* W, kept for the life of the process */
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        words = jb_word_set_of(W);
        g_once_init_leave(&done, 1);
    }
    /* the clause around the time, at most 30 characters each side (a clause of a megabyte
     * is not read again at each of its times) */
    const char *a = p;
    for (int n = 0; a > s && n < 30; n++) {
        const char *b = a - 1;
        while (b > s && ((guchar)*b & 0xC0) == 0x80)
            b--;
        if (lit(b, a, "，") || lit(b, a, "；") || lit(b, a, "。") || *b == ',')
            break;
        a = b;
    }
    const char *z = e;
    for (int n = 0; z < limit && n < 30 && !lit(z, limit, "，") && !lit(z, limit, "；") &&
                    !lit(z, limit, "。");
         n++)
        z = g_utf8_next_char(z);
    if (jb_word_set_find(words, a, z) != NULL)
        return TRUE;
    /* a clause a verb of expecting opens (他预计，12月A股…) */
    return a - s >= 9 && (lit(a - 3, limit, "，") || lit(a - 3, limit, "：")) &&
           ends_with_any(s, a - 3, (const char *const[]){"预计", "預計", "预测", "預測", "预估",
                                                          "預估", "认为", "認為", "表示", NULL}) &&
           jb_word_set_find(words, a - 9, a - 3) != NULL;
}

static gboolean after_as_of(const char *s, const char *p)
{
    static const char *const W[] = {"截至", "截止", "截止到", "到", "至", "从", "從", "自", "于", "於", NULL};
    return ends_with_any(s, p, W);
}

/* Words after a time that make it a base (2003年第三季以來: since then) or a start (从本月
 * 23日起: from then). */
static gboolean since_after(const char *e, const char *limit)
{
    const char *q = e;
    if (lit(q, limit, "（") || lit(q, limit, "(")) { /* 2003年第三季（5.5%）以來 */
        const char *close = NULL;
        for (const char *r = q; r < limit && r - q < 40; r++)
            if (lit(r, limit, "）") || *r == ')') {
                close = r + (*r == ')' ? 1 : 3);
                break;
            }
        if (close)
            q = close;
    }
    return any_lit(q, limit, (const char *const[]){"以来", "以來", "来", "來", NULL}) != NULL;
}

/* A time a multiple or a share is measured against: 为“十三五”末的20倍, 是2020年的3倍,
 * 恢复至2019年同期的86.5%, 接近去年全年的80%, 完成全年目标任务的91.7%. */
static gboolean multiple_after(const char *e, const char *limit)
{
    const char *q = e;
    const char *w = any_lit(q, limit, (const char *const[]){"同期", "全年", "水平", NULL});
    if (w)
        q = w;
    w = any_lit(q, limit, (const char *const[]){"目标任务", "目標任務", "目标", "目標", "计划", "計劃",
                                                 "任务", "任務", NULL});
    if (w)
        q = w;
    if (!(q = lit(q, limit, "的")))
        return FALSE;
    const char *d = q;
    while (q < limit && (g_ascii_isdigit(*q) || *q == '.' || lit(q, limit, "多") || lit(q, limit, "余")))
        q += g_ascii_isdigit(*q) || *q == '.' ? 1 : 3;
    if (q == d)
        return FALSE;
    return lit(q, limit, "倍") || lit(q, limit, "%") || lit(q, limit, "％") || lit(q, limit, "成");
}

/* A level at a time, from one to another (由2020年的63.2%提高到2025年的69.5%): the time of
 * the figure after 的, not the base of a share (恢复至2019年同期的86.5%). */
static gboolean level_at(const char *s, const char *p, const char *e, const char *limit)
{
    if (any_lit(e, limit, (const char *const[]){"同期", "水平", NULL}))
        return FALSE;
    return ends_with_any(s, p, (const char *const[]){"由", "到", "至", NULL}) &&
           !ends_with(s, p, "截至");
}

/* A time inside a record's phrase (创下年内单月成交新高。, 为年内最高；): the span the record
 * is counted over, no figure's period. A record word ending its clause, a few characters on. */
static gboolean record_after(const char *e, const char *limit)
{
    static const char *const RECORD[] = {"新高", "新低", "最高", "最低", "高位", "低位", "纪录",
                                         "紀錄", "记录", "記錄", NULL};
    const char *q = e;
    for (int k = 0; k < 10 && q < limit; k++, q = g_utf8_next_char(q)) {
        if (g_ascii_isdigit(*q) || clause_mark_at(q, limit))
            return FALSE;
        const char *w = any_lit(q, limit, RECORD);
        if (w && (w >= limit || any_lit(w, limit, (const char *const[]){"，", "。", "；", "！", NULL})))
            return TRUE;
    }
    return FALSE;
}

static gboolean start_after(const char *e, const char *limit)
{
    return any_lit(e, limit, (const char *const[]){"起", "开始", "開始", NULL}) != NULL;
}

/* ---- the scan ------------------------------------------------------------------------------ */

/* The three-byte characters the scan stops at, one bit per code point of the BMP (8 KB):
 * 《 》 （ and JB_TIME_LEADS. Most characters of a sentence are none of them, and are passed
 * over with one bit test instead of trying every time word at each. */
static guint8 time_stops[0x10000 / 8];

static void time_stops_init(void)
{
#define JB_TIME_ELEM(c) c,
    static const gunichar STOPS[] = {0x300A /* 《 */, 0x300B /* 》 */, 0xFF08 /* （ */,
                                     JB_TIME_LEADS(JB_TIME_ELEM)};
#undef JB_TIME_ELEM
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (gsize i = 0; i < G_N_ELEMENTS(STOPS); i++)
            time_stops[STOPS[i] >> 3] |= (guint8)(1u << (STOPS[i] & 7));
        g_once_init_leave(&done, 1);
    }
}

/* ---- fiscal years ------------------------------------------------------------------------- */

static const char *const FISCAL_YEAR[] = {"财年", "財年", "财政年度", "財政年度", NULL};

/* A fiscal year by its number (2026财年, 2026财年第三财季, 2026财年上半财年, 2025財政年度): the
 * months it covers when the article says where its years end (a->fy_end), else the calendar
 * year's. A fiscal year is named by the year it ends in. */
static const char *fiscal_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                              TimeRef *t)
{
    const char *q = p;
    int y = digits(&q, s, limit, 4);
    const char *e = y >= 1900 && y <= 2100 ? any_lit(q, limit, FISCAL_YEAR) : NULL;
    if (!e)
        return NULL;
    int fy = a->fy_end >= 1 && a->fy_end <= 12 ? a->fy_end : 12;
    JbPoint first = jb_point_add((JbPoint){JB_POINT_MONTH, y, fy, 0}, -11);
    int from = 0, n = 12; /* months into the year, and how many */
    const char *r = any_lit(e, limit, (const char *const[]){"的", NULL});
    r = r ? r : e;
    const char *k = lit(r, limit, "第");
    int quarter = k ? small_number(&k, s, limit, 4) : -1;
    const char *ke = quarter >= 1 ? any_lit(k, limit, (const char *const[]){
                                                "财季", "財季", "财政季度", "財政季度", "季度",
                                                "季", NULL})
                                  : NULL;
    const char *he;
    if (ke) {
        from = 3 * (quarter - 1), n = 3, e = ke;
    } else if ((he = any_lit(r, limit, (const char *const[]){"上半财年", "上半財年", "上半年",
                                                              "上半", NULL}))) {
        n = 6, e = he;
    } else if ((he = any_lit(r, limit, (const char *const[]){"下半财年", "下半財年", "下半年",
                                                              "下半", NULL}))) {
        from = 6, n = 6, e = he;
    } else if ((he = any_lit(r, limit, (const char *const[]){"全年", NULL}))) {
        e = he;
    }
    t->p = month_run(jb_point_add(first, from), n);
    t->future_word = (ends_with(s, p, "到") || ends_with(s, p, "至")) && !ends_with(s, p, "截至");
    return e;
}

/* A month and a day at p, either way (6月30日, 十二月三十一日): the month, *pp past it; or -1. */
static int month_day_at(const char **pp, const char *s, const char *limit)
{
    const char *q = *pp;
    int m = small_number(&q, s, limit, 12);
    if (m < 1 || !(q = lit(q, limit, "月")))
        return -1;
    int d = small_number(&q, s, limit, 31);
    if (d < 28 || !(q = any_lit(q, limit, (const char *const[]){"日", "号", "號", NULL})))
        return -1; /* (a fiscal year ends at a month's end) */
    *pp = q;
    return m;
}

/* What the words around one 财年 at `o` say of where the years end: a month, or 0. */
static int fiscal_end_at(const char *text, const char *o, const char *limit)
{
    /* 财年截至每年6月30日, 财年于每年6月30日结束 */
    const char *r = o + strlen("财年");
    for (int k = 0; k < 6 && r < limit; k++, r = g_utf8_next_char(r)) {
        const char *q = lit(r, limit, "每年");
        int m = q ? month_day_at(&q, text, limit) : -1;
        if (m > 0)
            return m;
    }
    /* 2026财年上半年（截至2025年9月30日止六个月）: the day after it, in brackets */
    const char *f = o + strlen("财年"), *b = f;
    for (int k = 0; k < 8 && b < limit && !lit(b, limit, "（") && *b != '('; k++)
        b = g_utf8_next_char(b);
    const char *in = lit(b, limit, "（") ? b + strlen("（") : b < limit && *b == '(' ? b + 1 : NULL;
    if (in && (in = any_lit(in, limit, (const char *const[]){"截至", "截止", NULL}))) {
        const char *y = in;
        if (digits(&y, text, limit, 4) > 0 && (y = lit(y, limit, "年")))
            in = y;
        int m = month_day_at(&in, text, limit);
        const char *k = lit(f, b, "第");
        int quarter = k ? small_number(&k, text, b, 4) : -1;
        if (m > 0 && quarter >= 1)
            return (m - 1 + 3 * (4 - quarter)) % 12 + 1;
        if (m > 0 && any_lit(f, b, (const char *const[]){"上半", NULL}))
            return (m - 1 + 6) % 12 + 1;
        if (m > 0 && f == b)
            return m;
    }
    /* 截至2025年12月31日止的2026财年第二财季, 截至2025年6月30日止财年: the day before it */
    const char *w = o, *as_of = NULL;
    for (int k = 0; k < 40 && w > text; k++)
        w = g_utf8_prev_char(w);
    for (const char *x = w; x < o; x = g_utf8_next_char(x))
        if (lit(x, o, "截至") || lit(x, o, "截止"))
            as_of = x + strlen("截至");
    if (!as_of)
        return 0;
    const char *q = as_of, *y = as_of;
    if (digits(&y, text, o, 4) > 0 && (y = lit(y, o, "年")))
        q = y;
    int m = month_day_at(&q, text, o);
    q = m > 0 ? any_lit(q, o, (const char *const[]){"止的", "止", "的", NULL}) : NULL;
    if (!q)
        return 0;
    while (q < o && g_ascii_isdigit(*q))
        q++; /* the fiscal year's number */
    if (q != o)
        return 0;
    const char *k = lit(f, limit, "第");
    int quarter = k ? small_number(&k, text, limit, 4) : -1;
    if (quarter >= 1) /* its quarter n ends 3 × (4 − n) months before the year does */
        return (m - 1 + 3 * (4 - quarter)) % 12 + 1;
    return any_lit(f, limit, (const char *const[]){"上半", "下半", NULL}) ? 0 : m;
}

int jb_extract_fiscal_year_end(const char *text)
{
    const char *limit = text + strlen(text);
    for (const char *const *word = (const char *const[]){"财年", "財年", NULL}; *word; word++)
        for (const char *o = text; (o = strstr(o, *word)); o += strlen(*word)) {
            int m = fiscal_end_at(text, o, limit);
            if (m)
                return m;
        }
    return 0;
}

/* A day of the month named alone (15日, 14日至16日, 温湾机场15日计划取消…): the published
 * month's, or the month before's when it would be over two weeks ahead. Not a count (3日内,
 * 前3日, 连续5日) nor a wire's dateline (the article reads those). */
static const char *bare_day(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                            TimeRef *t)
{
    if (a->day.kind != JB_POINT_DAY || (p > s && (g_ascii_isdigit(p[-1]) || p[-1] == '.')) ||
        ends_with_any(s, p, (const char *const[]){"月", "第", "每", "前", "近", "后", "後", "共",
                                                   "连续", "連續", "约", "約", "达", "達", "逾",
                                                   "超", "近", "为期", "為期", "仅", "僅", NULL}))
        return NULL;
    const char *q = p;
    int d = digits(&q, s, limit, 2);
    const char *e = d >= 1 && d <= 31 ? lit(q, limit, "日") : NULL;
    if (!e || any_lit(e, limit, (const char *const[]){"电", "電", "讯", "訊", "内", "內", "以内",
                                                       "以內", "后", "後", "之内", "之內", "左右", "期",
                                                       NULL}))
        return NULL;
    const JbPoint *today = &a->day;
    JbPoint x = {JB_POINT_DAY, today->year, today->n, d};
    if (d > today->day + 15) /* (the 28th, read on the 3rd: last month's) */
        x = jb_point_of_days(jb_point_first_day(&(JbPoint){JB_POINT_DAY, today->year, today->n, 1}) - 1),
        x = (JbPoint){JB_POINT_DAY, x.year, x.n, d};
    if (!jb_point_valid(&x))
        return NULL;
    t->p = jb_period_of(x);
    t->future_word = jb_point_first_day(&x) > jb_point_first_day(today);
    e = day_span_end(s, e, limit, t);
    /* (a day: when something is said or done; a span of days: a period, 14日至16日) */
    t->role = jb_period_freq(&t->p) == JB_FREQ_DAY ? TIME_DAY : TIME_PERIOD;
    return e;
}

/* One time expression at p: where it ends (and *t), or NULL. */
/* A period named by the day it ended (截至2024年12月31日止的2025财年第三季度, 截至6月30日止
 * 六个月, 截至3月31日止年度): the three, six or twelve months to that day, the words that
 * name it (and a fiscal year's own numbering, which the calendar replaces) taken in. NULL
 * when the day is no such end. `*p` holds the day, and gets the period. */
static const char *ended_on(const char *s, const char *at, const char *e, const char *limit,
                            JbPeriod *p)
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
    } SPANS[] = {{"第一季度", 3}, {"第二季度", 3}, {"第三季度", 3}, {"第四季度", 3}, {"财季", 3},
                 {"財季", 3},     {"季度", 3},     {"三个月", 3},   {"三個月", 3},   {"3个月", 3},
                 {"六个月", 6},   {"六個月", 6},   {"6个月", 6},    {"中期", 6},     {"半年", 6},
                 {"十二个月", 12}, {"十二個月", 12}, {"12个月", 12}, {"年度", 12},   {"财年", 12},
                 {"財年", 12}};
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

static const char *time_at(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                           TimeRef *t)
{
    const char *e;
    memset(t, 0, sizeof *t);
    t->at = p;
    t->known = TRUE;
    if ((e = period_code(s, p, limit, a, t)))
        return e;
    if ((e = fiscal_ref(s, p, limit, a, t)))
        return e;
    int year = 0, year2 = 0;
    gboolean future = FALSE;
    if ((e = any_lit(p, limit, (const char *const[]){"上年末", "上年底", "上年年末", "上年年底",
                                                      "去年末", "去年底", "去年年末", "去年年底",
                                                      "上一年末", NULL}))) {
        if (!anchor_year(a))
            return NULL;
        t->rel = REL_PREV_YEAR_END; /* the year before the one spoken of */
        return e;
    }
    const char *y_end = year_part(s, p, limit, a, &year, &year2, &future);
    if (y_end) {
        t->future_word = future || ((ends_with(s, p, "到") || ends_with(s, p, "至")) &&
                                    !ends_with(s, p, "截至") && g_ascii_isdigit(*p));
        if (year2) {
            t->p = (JbPeriod){{JB_POINT_YEAR, year, 0, 0}, {JB_POINT_YEAR, year2, 0, 0}};
            return y_end;
        }
        if (any_lit(y_end, limit, (const char *const[]){"同期", NULL})) { /* 去年同期 */
            if (year == anchor_year(a) - 1) {
                t->rel = REL_YEAR_AGO;
                return y_end + strlen("同期");
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
                if (pe)
                    return pe;
            }
            if (t->p.start.kind == JB_POINT_MONTH && t->p.end.kind == JB_POINT_MONTH &&
                t->p.start.n == t->p.end.n) {
                const char *pe = ended_on(s, p, se, limit, &t->p); /* 截至2026年1月的三個月 */
                if (pe)
                    return pe;
            }
            return se;
        }
        t->p = point_period(JB_POINT_YEAR, year, 0, 0);
        return y_end;
    }
    if (((guchar)*p >= 0x80 || *p == '"') && (e = time_word(s, p, limit, a, t)))
        return e; /* (its words begin with a Chinese character or a quote) */
    /* a month, quarter or half with no year: the anchor's year */
    if ((e = sub_year(s, p, limit, a, 0, FALSE, t))) {
        if (!anchor_year(a))
            t->known = FALSE;
        if (t->p.start.kind == JB_POINT_DAY && t->p.end.kind == JB_POINT_DAY &&
            t->p.start.n == t->p.end.n && t->p.start.day == t->p.end.day) {
            const char *pe = ended_on(s, p, e, limit, &t->p); /* 截至6月30日止六个月 */
            if (pe)
                return pe;
            t->role = TIME_DAY; /* 10月18日: the day of an announcement (10月1日—8日: a span) */
        }
        return e;
    }
    if (g_ascii_isdigit(*p) && (e = bare_day(s, p, limit, a, t)))
        return e;
    return NULL;
}

/* Does `t` end a span the last time found opens (2025年12月至2026年2月, 2024年7月—2025年6月,
 * 2021年至2025年: two times of one kind joined by a dash or 至/到; 从10月25日开始，至明年3月28日
 * 结束)?
 * Then the last one is widened to it. Spans within a year (3至5月, 5月1日至5日) are read
 * where the first time is. */
static gboolean joins_span(const char *s, const char *prev_end, const char *p, const char *limit,
                           GArray *out, const TimeRef *t)
{
    if (!prev_end || !out->len || t->rel != REL_NONE || !t->known || t->role != TIME_PERIOD)
        return FALSE;
    const char *sep = any_lit(prev_end, limit, (const char *const[]){"至", "到", "—", "–", "-",
                                                                       "～", "~", "—", NULL});
    if (sep == prev_end + strlen("—") && lit(sep, limit, "—"))
        sep += strlen("—"); /* (a dash written twice: ——) */
    gboolean by_ends = FALSE;
    if (sep != p && any_lit(t->end, limit, (const char *const[]){"结束", "結束", "止", NULL})) {
        /* by its two ends: 从10月25日开始，至明年3月28日结束; 自3月1日起至5月31日止 */
        by_ends = TRUE;
        sep = any_lit(prev_end, limit, (const char *const[]){"开始，至", "开始至", "开始，到",
                                                              "開始，至", "開始至", "起，至",
                                                              "起至", "起到", NULL});
    }
    if (sep != p || ends_with(s, prev_end, "以来") || ends_with(s, prev_end, "以來"))
        return FALSE;
    TimeRef *prev = &g_array_index(out, TimeRef, out->len - 1);
    if (prev->end != prev_end || prev->rel != REL_NONE || !prev->known ||
        prev->role != TIME_PERIOD || prev->p.start.kind != t->p.start.kind ||
        prev->p.end.kind != t->p.start.kind || t->p.start.kind != t->p.end.kind ||
        jb_point_first_day(&t->p.start) <= jb_point_first_day(&prev->p.end))
        return FALSE;
    prev->p.end = t->p.end;
    prev->end = t->end; /* (its 至 joins the span: not 到2025年, a target's “by”) */
    prev->by_ends = by_ends;
    return TRUE;
}

void jb_extract_time_refs(const char *s, const char *limit, const TimeAnchor *anchor, GArray *out)
{
    time_stops_init();
    int in_title = 0;
    const char *prev_end = NULL; /* the end of the last time found */
    for (const char *p = s; p < limit;) {
        guchar b = (guchar)*p;
        if (b < 0x80 && !g_ascii_isdigit(b) && b != 'Q' && b != 'H' && b != '"') {
            p++; /* nothing else in ASCII starts a time */
            continue;
        }
        if ((b & 0xF0) == 0xE0 && limit - p >= 3) {
            guint c = jb_utf8_get3(p);
            if (!((time_stops[c >> 3] >> (c & 7)) & 1)) {
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
        gboolean bracketed = prev_end && ((lit(prev_end, limit, "（") == p) || (lit(prev_end, limit, "(") == p));
        if (bracketed) {
            t.role = TIME_RESTATE; /* 今年第二季（4至6月）, 今天（10月18日） */
            TimeRef *prev = &g_array_index(out, TimeRef, out->len - 1);
            if (t.p.start.kind == JB_POINT_DAY && t.p.end.kind == JB_POINT_DAY &&
                t.known && prev->rel == REL_NONE &&
                jb_period_first_day(&t.p) != jb_period_end_day(&t.p) - 1)
                prev->p = t.p; /* 上周（11月24日—11月30日）: the days it says, weekend and all */
        } else if (t.role == TIME_DAY) {
            if ((after_as_of(s, p) || start_after(e, limit)) && !ends_with(s, p, "于") &&
                !ends_with(s, p, "於") && !ends_with(s, p, "起至") && !ends_with(s, p, "起到"))
                t.role = TIME_PERIOD; /* 截至10月17日, 从本月23日起 */
            else if (after_comparison(s, p) && !start_after(e, limit))
                t.role = TIME_BASE; /* 较上周五升值215个基点: the day compared with */
            else if (event_after(e, limit) && noun_of_event(e, limit))
                t.local = TRUE; /* 上周五上映的《长夜将尽》首周票房…: the film's day, not the figure's */
            else if (any_lit(e, limit, (const char *const[]){"单日", "單日", "当天", "當天",
                                                              "当日", "當日", NULL})) {
                t.role = TIME_PERIOD; /* 周五单日净流出58.3亿元: that day's figures */
                t.sentence_only = TRUE;
            }
        } else if ((after_comparison(s, p) || compared_with(s, p, e, limit)) &&
                   !start_after(e, limit)) {
            t.role = TIME_BASE;
        } else if (since_after(e, limit) || index_base_after(e, limit)) {
            t.role = TIME_BASE; /* 2003年第三季以來, （上年同月=100）: a base */
        } else if (multiple_after(e, limit)) {
            if (!level_at(s, p, e, limit)) {
                t.role = TIME_BASE; /* 为2020年的3倍, 恢复至2019年同期的86.5%: a share's base */
                t.share_of = TRUE;
            } else if (ends_with(s, p, "由")) {
                t.loose = TRUE; /* 由2020年的63.2%: where a change starts, no story's period */
            }
        }
        if (t.role == TIME_PERIOD && (ends_with(s, p, "其中") || ends_with(s, p, "其中，")))
            t.sentence_only = TRUE; /* 其中2月18日至20日…: a part of the period, that sentence's */
        if (t.role == TIME_PERIOD && record_after(e, limit))
            t.local = t.sentence_only = TRUE; /* 创下年内单月成交新高 */
        else if (t.role == TIME_PERIOD && report_after(e, limit))
            t.sentence_only = TRUE; /* 2023年年报显示，…: that sentence's, no story's period */
        else if (t.role == TIME_PERIOD && (event_after(e, limit) || event_before(s, p)))
            t.local = t.event = TRUE; /* its clause's only: 去年推出…计划 */
        else if (t.role == TIME_PERIOD && future_clause(s, p, e, limit)) {
            t.sentence_only = TRUE; /* a plan's time is not what the next sentence reports */
            if (t.shifted_back) { /* 将在6月至7月: this year's months ahead, not last year's */
                t.p.start.year++;
                t.p.end.year++;
            }
        }
        g_array_append_val(out, t);
        prev_end = e;
        p = e;
    }
}

/* ---- resolving ------------------------------------------------------------------------------ */

gboolean jb_extract_resolve_time(const TimeRef *t, const JbPeriod *ctx, const TimeAnchor *a,
                                 const GArray *refs, guint i, JbPeriod *out)
{
    switch (t->rel) {
    case REL_NONE:
        if (!t->known)
            return FALSE;
        *out = t->p;
        return TRUE;
    case REL_WHEN:
        for (guint k = i; k-- > 0;) {
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
    case REL_PREV_YEAR_END: {
        /* the year its sentence named last: as the period (2023年营收…较2022年…，全年…), else
         * as anything (从2023年初的0.9元下降至年底的0.45元); else the context's */
        int y = 0, any = 0;
        for (guint k = 0; k < i && !y; k++) {
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
            if (r->role == TIME_PERIOD)
                y = jb_period_year(&r->p);
            else if (!any)
                any = jb_period_year(&r->p);
        }
        gboolean named = y || any;
        if (!y)
            y = any ? any : jb_period_year(&base);
        if (!ctx && !named && t->rel == REL_YEAR && anchor_month(a) && anchor_month(a) <= 2)
            y--; /* a year-end review: January's 全年 is last year */
        *out = t->rel == REL_YEAR         ? point_period(JB_POINT_YEAR, y, 0, 0)
               : t->rel == REL_YEAR_START   ? point_period(JB_POINT_MONTH, y, 1, 0)
               : t->rel == REL_PREV_YEAR_END ? point_period(JB_POINT_MONTH, y - 1, 12, 0)
                                            : point_period(JB_POINT_MONTH, y, 12, 0);
        return TRUE;
    }
    case REL_TWO_YEARS: {
        int y = jb_period_year(&base);
        *out = (JbPeriod){{JB_POINT_YEAR, y - 1, 0, 0}, {JB_POINT_YEAR, y, 0, 0}};
        return TRUE;
    }
    case REL_PREV:
    case REL_THIS: {
        /* the quarter or month of the context's end, then one back for 上季 */
        JbPoint e = base.end;
        gint64 last = jb_point_end_day(&e) - 1;
        JbPoint d = jb_point_of_days(last);
        JbPoint g = {t->grain, d.year, t->grain == JB_POINT_QUARTER ? (d.n + 2) / 3 : d.n, 0};
        *out = jb_period_of(t->rel == REL_PREV ? jb_point_add(g, -1) : g);
        return TRUE;
    }
    default:
        return FALSE;
    }
}
