/* jb_extract_period_priv.h — what the time-expression files share (not installed, not public).
 *
 * The time scan is split by what it reads:
 *   jb_extract_period.c         the scan of a sentence (jb_extract_time_refs): bare days;
 *   jb_extract_period_counts.c  spans counted to or from now (五年来, 今后三年), cohorts
 *                               (2027届) and spans ended on a day (截至6月30日止六个月);
 *   jb_extract_period_roles.c   the role each time plays (a period, a base, an event's…);
 *   jb_extract_period_dates.c   dates written out: years, months, days, quarters and halves
 *                               of a year, period codes (4Q20, 1H25);
 *   jb_extract_period_words.c   times said in words, relative to the published date (今年,
 *                               上周, 本报告期, 周五);
 *   jb_extract_period_report.c  a periodic report's own times (本报告期, 报告期末);
 *   jb_extract_period_fiscal.c  fiscal years (2026财年) and where an article's fiscal year ends;
 *   jb_extract_period_resolve.c trading days and resolving a time against the period in force.
 *
 * The reading pieces below are static inline: the scan calls them a few times per character
 * that could start a time, and a call across files would cost more than they do.
 *
 * Not for: anything outside src/extract (jb_extract.h), nor what the rest of extract uses of
 * times (jb_extract_priv.h).
 */
#ifndef JB_EXTRACT_PERIOD_PRIV_H
#define JB_EXTRACT_PERIOD_PRIV_H

#include "jb_extract_priv.h"
#include "jb_lits.h"
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
 * words come from an array (no constants to fold), most fail on their first two bytes. */
static inline const char *any_lit_scan(const char *p, const char *limit, const char *const *words)
{
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

/* any_lit(p, limit, words): the first of `words` at p, or NULL; any_lit_scan behind the
 * list's filter (jb_lits.h): the time scan tries a hundred lists at each character that may
 * start a time, and at most places none of a list's words is there. `words` is a list
 * written at the place of use (a literal list or a static array, never a pointer: checked),
 * so each place keeps one filter for its one list, and a literal list is made in memory
 * only when the filter lets a place through. */
#define any_lit(p, limit, ...)                                                                     \
    ({                                                                                             \
        _Static_assert(sizeof(__VA_ARGS__) > sizeof(void *), "any_lit: a list, not a pointer");    \
        static JbLitFilter jb_lit_f_;                                                              \
        const char *jb_lit_p_ = (p), *jb_lit_l_ = (limit);                                         \
        JB_LIT_FILTER_ONCE(&jb_lit_f_, __VA_ARGS__);                                               \
        jb_lit_filter_may_start(&jb_lit_f_, jb_lit_p_, jb_lit_l_)                                  \
            ? any_lit_scan(jb_lit_p_, jb_lit_l_, __VA_ARGS__)                                      \
            : NULL;                                                                                \
    })

/* A run of 1..max ASCII digits at p, not part of a longer run: its value, or -1. */
static inline int digits(const char **pp, const char *s, const char *limit, int max)
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
static inline int cn_small(const char **pp, const char *limit)
{
    if (lit(*pp, limit, "两") || lit(*pp, limit, "兩")) {
        *pp += 3;
        return 2;
    }
    return jb_cn_count(pp, limit);
}

/* The character at p when it is of three bytes (all of CJK), else 0: for the tests of what a
 * reader's words may begin with, made before it reads any (the time scan stops at every 全,
 * 上, 报, 同…, and most are no time). */
static inline gunichar cjk_at(const char *p, const char *limit)
{
    return limit - p >= 3 && ((guchar)*p & 0xF0) == 0xE0 ? jb_utf8_get3(p) : 0;
}

/* May cn_small read a numeral beginning with the character c (一 to 九, 十, 两)? */
static inline gboolean cn_small_may_start(gunichar c)
{
    switch (c) {
    case 0x4E00: /* 一 */
    case 0x4E8C: /* 二 */
    case 0x4E09: /* 三 */
    case 0x56DB: /* 四 */
    case 0x4E94: /* 五 */
    case 0x516D: /* 六 */
    case 0x4E03: /* 七 */
    case 0x516B: /* 八 */
    case 0x4E5D: /* 九 */
    case 0x5341: /* 十 */
    case 0x4E24: /* 两 */
    case 0x5169: /* 兩 */
        return TRUE;
    default:
        return FALSE;
    }
}

/* A small number written either way (1..max): 3, 三, 12, 十二. */
static inline int small_number(const char **pp, const char *s, const char *limit, int max)
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

static inline gboolean ends_with_any_scan(const char *s, const char *p, const char *const *words)
{
    for (; *words; words++)
        if (ends_with(s, p, *words))
            return TRUE;
    return FALSE;
}

/* ends_with_any(s, p, words): does one of `words` end at p (after s)? Behind the list's
 * filter, as any_lit. */
#define ends_with_any(s, p, ...)                                                                   \
    ({                                                                                             \
        _Static_assert(sizeof(__VA_ARGS__) > sizeof(void *), "ends_with_any: a list");             \
        static JbLitFilter jb_lit_f_;                                                              \
        const char *jb_lit_s_ = (s), *jb_lit_p_ = (p);                                             \
        JB_LIT_FILTER_ONCE(&jb_lit_f_, __VA_ARGS__);                                               \
        jb_lit_filter_may_end(&jb_lit_f_, jb_lit_s_, jb_lit_p_) &&                                 \
            ends_with_any_scan(jb_lit_s_, jb_lit_p_, __VA_ARGS__);                                 \
    })

/* A mark that ends a clause or sentence (，。；) at q. By their bytes (，EF BC 8C, ；EF BC 9B,
 * 。E3 80 82): the role readers ask at every character they walk, and a list's filter cost
 * ten times these compares. */
static inline gboolean clause_mark_at(const char *q, const char *limit)
{
    if (limit - q < 3)
        return FALSE;
    const guchar *u = (const guchar *)q;
    return (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8C || u[2] == 0x9B)) ||
           (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82);
}

/* The first characters of a list's words, each of three bytes (all of CJK), by the low twelve
 * bits of their code points (the last two bytes): a character whose bit is clear begins no
 * word of the list. Two loads and a bit test per character of a clause walked, where the
 * list's filter (any_lit) hashes three bytes in a call, and a test of the last byte alone let
 * one character in six through to the words. Built once per list (GOnce). */
typedef struct {
    gsize ready;
    guint64 bits[4096 / 64];
} FirstChars;

static inline guint first_char_key(const char *q)
{
    return ((guint)((guchar)q[1] & 0x3F) << 6) | ((guchar)q[2] & 0x3F);
}

static inline const FirstChars *first_chars_of(FirstChars *f, const char *const *words)
{
    if (g_once_init_enter(&f->ready)) {
        for (; *words; words++) {
            g_assert(((guchar)(*words)[0] & 0xF0) == 0xE0); /* (a three-byte first character) */
            guint k = first_char_key(*words);
            f->bits[k >> 6] |= G_GUINT64_CONSTANT(1) << (k & 63);
        }
        g_once_init_leave(&f->ready, 1);
    }
    return f;
}

/* May a word of the list of `f` begin at q (and fit before limit)? FALSE: none does. */
static inline gboolean first_char_may_begin(const FirstChars *f, const char *q, const char *limit)
{
    if (limit - q < 3)
        return FALSE;
    guint k = first_char_key(q);
    return (f->bits[k >> 6] >> (k & 63)) & 1;
}

/* Does one of `words` begin within `chars` characters from e, before a figure's digit or a
 * clause's mark (年内…累计, 上映的)? */
static inline gboolean word_ahead(const char *e, const char *limit, int chars,
                                  const char *const *words)
{
    const char *q = e;
    for (int k = 0; k < chars && q < limit; k++, q = g_utf8_next_char(q)) {
        if (any_lit_scan(q, limit, words))
            return TRUE;
        if (g_ascii_isdigit(*q) || clause_mark_at(q, limit))
            return FALSE;
    }
    return FALSE;
}

/* ---- periods ----------------------------------------------------------------------------- */

static inline JbPeriod point_period(JbPointKind kind, int year, int n, int day)
{
    JbPoint x = {kind, year, n, day};
    return jb_period_of(x);
}

static inline JbPeriod months(int year, int from, int to)
{
    JbPeriod p = {{JB_POINT_MONTH, year, from, 0}, {JB_POINT_MONTH, year, to, 0}};
    if (from == to)
        p.end = p.start;
    return p;
}

static inline int anchor_year(const TimeAnchor *a)
{
    return a->day.kind ? a->day.year : 0;
}

/* The published month, 0 when the date has none. */
static inline int anchor_month(const TimeAnchor *a)
{
    return a->day.kind == JB_POINT_MONTH || a->day.kind == JB_POINT_DAY ? a->day.n : 0;
}

/* ---- what the files read for jb_extract_period.c's scan --------------------------------- */

/* jb_extract_period_dates.c */
/* A year at p (2025年, 2021—2025年, 今年 去年 …): where it ends, or NULL; see the file. */
const char *year_part(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                      int *year, int *year2, gboolean *future);
/* jb_extract_period_years.c: a multiple after a year (2027年33倍PE): that clause's only. */
gboolean multiple_of_year(const char *e, const char *limit);
/* jb_extract_period_years.c: does the clause after e end in 为基数 (a payout's share count)? */
gboolean base_of_payout(const char *e, const char *limit);
/* jb_extract_period_years.c: does the year [p, e) after s name a document's edition (2025年版,
 * 公布2026年…目录)? */
gboolean edition_of_year(const char *s, const char *p, const char *e, const char *limit);
/* jb_extract_period_years.c: any of the three above, for the year t: its clause's only. */
gboolean year_names_no_period(const TimeRef *t, const char *s, const char *p, const char *e,
                              const char *limit);
/* jb_extract_period_years.c: 2026/2027年, a season across two years: no one year. */
gboolean second_of_year_pair(const char *s, const char *p);
/* jb_extract_period_years.c: 明（2027）年, 明（116）年: where it ends, or NULL. */
const char *bracketed_year(const char *p, const char *limit, int *year, gboolean *future);
/* The period of n months from `first`: a quarter or a half when they are one. */
JbPeriod month_run(JbPoint first, int n);
/* The end of a span of days that follows a day (10月25日至28日), t->p widened to it, or `e`. */
const char *day_span_end(const char *s, const char *e, const char *limit, TimeRef *t);
/* A month, day, quarter or half of `year` at p, or NULL. */
const char *sub_year(const char *s, const char *p, const char *limit, const TimeAnchor *a, int year,
                     gboolean year_stated, TimeRef *t);
/* A period code at p (4Q20, 1H25, Q3 2025), or NULL. */
const char *period_code(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                        TimeRef *t);

/* jb_extract_period_counts.c: spans counted to or from now and cohorts, where each ends (and
 * t), or NULL: the last months to the published one (过去12个月), the last years to it (五年来,
 * 过去五年), the next years (今后三年), a cohort's year or the last cohort's (2027届毕业生规模,
 * 上届同期; *no_time for a cohort's name, 2026届毕业生落实率: no time is there). */
const char *months_to_now(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                          TimeRef *t);
const char *years_to_now(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                         TimeRef *t);
const char *years_ahead(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                        TimeRef *t);
const char *cohort_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                       TimeRef *t, gboolean *no_time);
/* Is the cohort year refs[i] (2026届) after a day its sentence, from s, counts to (截至8月31日，
 * 某校2026届毕业生…)? The day dates the figures, the cohort says whose they are. */
gboolean cohort_after_as_of(const char *s, const GArray *refs, guint i);
/* And spans ended on the day just read at [at, e) (截至 before it): the quarter, half, year or
 * months to it (截至6月30日止六个月: ended_on, *p the day, then the period), the week to it
 * (截至11月27日当周: week_ended_on), a month's days to a day (11月截至26日: month_to_day, t the
 * month); where their words end, or NULL. */
const char *ended_on(const char *s, const char *at, const char *e, const char *limit, JbPeriod *p);
const char *week_ended_on(const char *s, const char *at, const char *e, const char *limit,
                          JbPeriod *p);
const char *month_to_day(const char *s, const char *e, const char *limit, TimeRef *t);

/* jb_extract_period_words.c */
/* A time said in words at p (今年, 上周, 本报告期, 周五…), or NULL. */
const char *time_word(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                      TimeRef *t);
/* For a first character c of time_word's that begins only words of two characters or more:
 * may the character after it, at q, begin the rest of one (全年, 过去, 报告, 同期)? */
gboolean time_word_second(gunichar c, const char *q, const char *limit);
/* jb_extract_period_weeks.c: a day of the week named (上周五, 周三: that day of the published
 * day's week, or of the week before or after), where it ends or NULL; and weeks by word (本周,
 * 上周, 本周以来, 周涨), TRUE when one is at p (*end NULL when it names no time here). */
const char *weekday_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                        TimeRef *t);
gboolean week_word(const char *s, const char *p, const char *limit, const TimeAnchor *a, TimeRef *t,
                   const char **end);
/* A day counted back (一周前, 3天前, 一个月前: REL_DAYS_AGO), where it ends, or NULL. */
const char *jb_extract_days_ago(const char *s, const char *p, const char *limit,
                                const TimeAnchor *a, TimeRef *t);

/* jb_extract_period_report.c */
/* A periodic report's own time at p (本报告期, 年初至报告期末, 报告期末, 上年度末), counted
 * from a->report, else from a->story_report (which the caller checks is there), or NULL. */
const char *report_time(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t);

/* jb_extract_period_fiscal.c */
/* A fiscal year at p (2026财年, 2026财年第三财季), or NULL. */
/* The fiscal year, of a company whose years end in month `fy_end`, that the month or day
 * `d` falls in: its twelve months. */
JbPeriod fiscal_year_of(JbPoint d, int fy_end);
const char *fiscal_word(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t);
/* A school year at p (2025—2026学年): September to August, or NULL. */
const char *school_year_ref(const char *s, const char *p, const char *limit, TimeRef *t);
/* FY2025, FY25: a fiscal year by its number, as 2025财年 (jb_extract_period_fiscal.c). */
const char *fy_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                   TimeRef *t);
const char *fiscal_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                       TimeRef *t);

/* jb_extract_period_roles.c: the role of the time t, read at [p, e) of the sentence
 * [s, limit), for the figures near it; prev_end is the end of the last time found (the last
 * of `out`), NULL when none. */
void jb_extract_time_role(const char *s, const char *p, const char *e, const char *limit,
                          const char *prev_end, const TimeAnchor *anchor, GArray *out, TimeRef *t);
/* How far the period t, read at [p, e) of the sentence [s, limit), holds: its sentence only
 * when it says which things (于2026年6月至9月生产的3批次) or when a rule takes effect
 * (自2027年1月1日起实施). Asked again of a span once its end is read. */
void jb_extract_time_scope(const char *s, const char *p, const char *e, const char *limit,
                           TimeRef *t);

#endif
