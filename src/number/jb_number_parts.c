/* jb_number_parts.c — numbers written in parts: the terms of a ratio after a word naming it
 * (猪粮比价为4.92:1, 三次产业结构为7.0:37.6:55.4, 拉动比为1：7.5, 性别比为105.2:100), and a
 * duration of two units (4分30秒, 1小时20分钟) or a race's time written as a clock's (2:08:59),
 * and a number of two magnitudes (10亿7400万, 8万3千), and the word between a numeral and
 * its unit that rounds it (1700多项, 三十来万人).
 *
 * Elsewhere digits around a colon are a time of day (09:28) and skipped whole; after a word
 * that names a ratio they are its terms. A ratio of two terms against a base of 1 or 100 says
 * one figure, the other term (4.92:1 is 4.92; 1:7.5 is 7.5); any other ratio says each term
 * (a structure of three shares). The terms have no unit and no hedge. A duration of two units
 * is one figure in the smaller (270 秒, 80 分钟); 9时30分 is a time of day, not one.
 *
 * The words (比价为, 结构为; 小时, 分钟, 秒) are templates/words.tsv's ratio_verb, ratio_noun
 * and duration_* lists.
 *
 * Not for: a ratio written with 比 between its terms (3比1, a score), nor 1/3 (a fraction,
 * jb_number_member.c).
 */
#include "jb_lits.h"
#include "jb_number_priv.h"
#include "jb_word_lists.h"

enum { RATIO_MAX_TERMS = 8 };

/* The separator of a ratio's terms ending at i ('∶' is normalised to ':'); its length or 0. */
static gsize sep_before(const char *t, gsize i)
{
    if (i >= 1 && t[i - 1] == ':')
        return 1;
    if (i >= 3 && memcmp(t + i - 3, "：", 3) == 0)
        return 3;
    return 0;
}

static gsize sep_at(const char *t, gsize len, gsize i)
{
    if (i < len && t[i] == ':')
        return 1;
    if (i + 3 <= len && memcmp(t + i, "：", 3) == 0)
        return 3;
    return 0;
}

/* Where the digits and points ending at i start (i when none end there). */
static gsize term_start(const char *t, gsize i)
{
    while (i > 0 && (g_ascii_isdigit(t[i - 1]) || t[i - 1] == '.'))
        i--;
    return i;
}

/* Where a term starting at i ends: digits, at most one point followed by a digit. */
static gsize term_end(const char *t, gsize len, gsize i)
{
    gsize q = i;
    while (q < len && g_ascii_isdigit(t[q]))
        q++;
    if (q > i && q + 1 < len && t[q] == '.' && g_ascii_isdigit(t[q + 1]))
        for (q++; q < len && g_ascii_isdigit(t[q]);)
            q++;
    return q;
}

static gboolean ends_with(const char *t, gsize i, const char *w)
{
    gsize n = strlen(w);
    return i >= n && memcmp(t + i - n, w, n) == 0;
}

/* Does a word that names a ratio end at i, with the verb that states it (比价为, 结构为,
 * 比例约为, 拉动比为, 比是)? A ratio stated without a verb (比价4.92:1) is too close to a
 * time after a noun to tell apart. (The first verb that ends at i decides.) */
static gboolean ratio_word_before(const char *t, gsize i)
{
    for (const char *const *v = jb_words_ratio_verb; *v; v++) {
        if (!ends_with(t, i, *v))
            continue;
        gsize k = i - strlen(*v);
        if (ends_with(t, k, "分别") || ends_with(t, k, "分別"))
            k -= strlen("分别"); /* 生师比分别为16.8:1和12.4:1 */
        for (const char *const *n = jb_words_ratio_noun; *n; n++)
            if (ends_with(t, k, *n))
                return TRUE;
        return FALSE;
    }
    return FALSE;
}

/* Is the run ending at i a later member of a list of ratios (分别为16.8:1和12.4:1, 3:1、5:1):
 * a joiner after a ratio of two terms stated by a word naming it? Up to 8 members back. */
static gboolean ratio_member_before(const char *t, gsize i)
{
    static const char *const JOINERS[] = {"和", "、", "与", "與", "及", NULL};
    for (int k = 0; k < RATIO_MAX_TERMS; k++) {
        const char *const *j = JOINERS;
        while (*j && !ends_with(t, i, *j))
            j++;
        if (!*j)
            return FALSE;
        gsize e2 = i - strlen(*j), s2 = term_start(t, e2);
        gsize sl = s2 < e2 ? sep_before(t, s2) : 0;
        gsize s1 = sl ? term_start(t, s2 - sl) : 0;
        if (!sl || s1 == s2 - sl)
            return FALSE;
        if (ratio_word_before(t, s1))
            return TRUE;
        i = s1;
    }
    return FALSE;
}

static gboolean term_is(const char *t, gsize a, gsize b, const char *s)
{
    return b - a == strlen(s) && memcmp(t + a, s, b - a) == 0;
}

gsize jb_number_ratio_term(const char *t, gsize len, gsize p, JbQuantity *out, gboolean *said)
{
    *said = FALSE;
    if (p >= len || !g_ascii_isdigit(t[p]) ||
        (p > 0 && (g_ascii_isdigit(t[p - 1]) || t[p - 1] == '.')))
        return 0;
    if (!sep_before(t, p) && !sep_at(t, len, term_end(t, len, p)))
        return 0; /* (most numbers: no colon next to them) */
    /* the first term: back over "digits SEP" while they are there */
    gsize s0 = p;
    for (int k = 0; k < RATIO_MAX_TERMS; k++) {
        gsize sl = sep_before(t, s0);
        if (!sl || term_start(t, s0 - sl) == s0 - sl)
            break;
        s0 = term_start(t, s0 - sl);
    }
    if (!ratio_word_before(t, s0) && !ratio_member_before(t, s0))
        return 0;
    gsize starts[RATIO_MAX_TERMS], ends[RATIO_MAX_TERMS];
    guint n = 0, mine = RATIO_MAX_TERMS;
    gboolean more = TRUE;
    for (gsize q = s0; more && n < RATIO_MAX_TERMS;) {
        gsize e = term_end(t, len, q);
        if (e == q || e - q > DEC_MAX_DIGITS + 1)
            return 0;
        if (q == p)
            mine = n;
        starts[n] = q;
        ends[n++] = e;
        gsize sl = sep_at(t, len, e);
        more = sl && e + sl < len && g_ascii_isdigit(t[e + sl]);
        q = e + sl;
    }
    if (n < 2 || more || mine == RATIO_MAX_TERMS)
        return 0; /* (no ratio has more terms: a run of them is something else) */
    if (n == 2) { /* against a base: the base of 1:7.5 says nothing of its own */
        gboolean base_other = term_is(t, starts[1 - mine], ends[1 - mine], "1") ||
                              term_is(t, starts[1 - mine], ends[1 - mine], "100");
        gboolean base_mine = term_is(t, starts[mine], ends[mine], "1") ||
                             term_is(t, starts[mine], ends[mine], "100");
        if (base_mine && !base_other)
            return ends[mine];
    }
    char buf[DEC_MAX_DIGITS + 3];
    memcpy(buf, t + p, ends[mine] - p);
    buf[ends[mine] - p] = '\0';
    JbDecimal v;
    if (!jb_decimal_parse(buf, &v))
        return 0;
    v = jb_decimal_with_places(v, jb_decimal_places(buf)); /* 7.0 as stated */
    memset(out, 0, sizeof *out);
    out->value = out->high = v;
    out->bound = JB_BOUND_EXACT;
    out->start = p;
    out->end = ends[mine];
    if (n == 2) /* (a figure before its base ends with it: 16.8:1) */
        out->end = ends[1];
    *said = TRUE;
    return out->end;
}

/* ---- durations of two units ---------------------------------------------------------------- */

/* Digits at q (at most 4), their value, or -1; *q moves past them. */
static int small_digits(const char *t, gsize len, gsize *q)
{
    int v = 0, n = 0;
    while (*q < len && g_ascii_isdigit(t[*q]) && n < 4)
        v = v * 10 + (t[(*q)++] - '0'), n++;
    return n && !(*q < len && g_ascii_isdigit(t[*q])) ? v : -1;
}

static gsize word_at(const char *t, gsize len, gsize q, const char *const *words)
{
    for (; *words; words++) {
        if (q >= len || t[q] != (*words)[0])
            continue; /* (the first two bytes rule out most words, before strlen and memcmp: */
        if ((*words)[1] && (q + 1 >= len || t[q + 1] != (*words)[1]))
            continue; /* 个 小 分 share their first with most characters after a number) */
        gsize n = strlen(*words);
        if (q + n <= len && memcmp(t + q, *words, n) == 0)
            return n;
    }
    return 0;
}

/* A race's time written as a clock's (2:08:59, 1:05:30): one digit of hours, then minutes
 * and seconds of two digits each; in seconds. A clock of the day writes two digits of hours
 * (09:30:00, 14:05:12) or says which part of the day it is (凌晨2:08:59): neither is one. */
static gsize race_time(const char *t, gsize len, gsize p, JbQuantity *out)
{
    if (p + 7 > len || !g_ascii_isdigit(t[p]) || t[p] == '0' || t[p + 1] != ':' ||
        t[p + 4] != ':' || (p > 0 && t[p - 1] == ':'))
        return 0;
    for (gsize k = p + 2; k < p + 7; k++)
        if (k != p + 4 && !g_ascii_isdigit(t[k]))
            return 0;
    int m = (t[p + 2] - '0') * 10 + t[p + 3] - '0', sec = (t[p + 5] - '0') * 10 + t[p + 6] - '0';
    if (m >= 60 || sec >= 60 || (p + 7 < len && (g_ascii_isdigit(t[p + 7]) || t[p + 7] == ':')))
        return 0;
    static const char *const DAYPART[] = {"凌晨", "早上", "上午", "中午", "下午", "晚上",
                                          "傍晚", "夜间", "夜間", "时间", "時間", NULL};
    for (const char *const *w = DAYPART; *w; w++) {
        gsize n = strlen(*w), b = p;
        if (b > 0 && t[b - 1] == ' ')
            b--;
        if (b >= n && memcmp(t + b - n, *w, n) == 0)
            return 0;
    }
    memset(out, 0, sizeof *out);
    out->value = out->high = (JbDecimal){(gint64)(t[p] - '0') * 3600 + m * 60 + sec, 0};
    g_strlcpy(out->unit, "秒", sizeof out->unit);
    out->bound = JB_BOUND_EXACT;
    out->start = p;
    out->end = p + 7;
    return p + 7;
}

gsize jb_number_duration_pair(const char *t, gsize len, gsize p, JbQuantity *out)
{
    if (p > 0 && (g_ascii_isdigit(t[p - 1]) || t[p - 1] == '.'))
        return 0;
    gsize race = race_time(t, len, p, out);
    if (race)
        return race;
    gsize q = p, n;
    int a = small_digits(t, len, &q);
    if (a < 0)
        return 0;
    /* (asked at every number: the lists' filters rule out most words after the digits) */
    static JbLitFilter hour_words, minute_words;
    JB_LIT_FILTER_ONCE(&hour_words, jb_words_duration_hour);
    JB_LIT_FILTER_ONCE(&minute_words, jb_words_duration_minute);
    if (!jb_lit_filter_may_start(&hour_words, t + q, t + len) &&
        !jb_lit_filter_may_start(&minute_words, t + q, t + len))
        return 0;
    gboolean hours = FALSE;
    if ((n = word_at(t, len, q, jb_words_duration_hour)))
        hours = TRUE;
    else if (!(n = word_at(t, len, q, jb_words_duration_minute)))
        return 0; /* (most numbers: asked before the clock's words, four compares) */
    static const char *const CLOCK[] = {"时", "時", "点", "點"};
    for (gsize i = 0; i < G_N_ELEMENTS(CLOCK); i++)
        if (p >= 4 && memcmp(t + p - 3, CLOCK[i], 3) == 0 && g_ascii_isdigit(t[p - 4]))
            return 0; /* 7时30分15秒: a clock's minutes and seconds (not 用时1小时12分钟) */
    q += n;
    int b = small_digits(t, len, &q);
    if (b < 0 || b >= 60)
        return 0;
    n = word_at(t, len, q, hours ? jb_words_duration_minute : jb_words_duration_second);
    if (!n)
        return 0;
    gint64 value = (gint64)a * 60 + b;
    const char *unit = hours ? "分钟" : "秒";
    if (hours) { /* 2小时08分36秒: three parts, in seconds */
        gsize r = q + n, m;
        int c = small_digits(t, len, &r);
        if (c >= 0 && c < 60 && (m = word_at(t, len, r, jb_words_duration_second))) {
            value = value * 60 + c;
            unit = "秒";
            n = r + m - q;
        }
    }
    memset(out, 0, sizeof *out);
    out->value = out->high = (JbDecimal){value, 0};
    g_strlcpy(out->unit, unit, sizeof out->unit);
    out->bound = JB_BOUND_EXACT;
    out->start = p;
    out->end = q + n;
    return q + n;
}

/* After an Arabic number of 亿 or 万, an Arabic number of a lower magnitude adds to it
 * (10亿7400万人次 is 1074000000, 1亿2千万 120000000, 8万3千 83000): returns where the lower
 * magnitude ends, or q when there is none. (8万3, with no magnitude, is left alone.) A 零
 * between them marks the gap (1億零80萬 100800000, 3万零500 30500: fewer digits than the
 * higher's power). */
gsize jb_number_lower_after(const Ctx *c, gsize q, Member *m)
{
    static const struct {
        const char *w;
        int pw;
    } LOWER[] = {{"千万", 7}, {"千萬", 7}, {"百万", 6}, {"百萬", 6},
                 {"万", 4},   {"萬", 4},   {"千", 3},   {"百", 2}};
    JbDecimal v2;
    gsize e2, z = at_lit(c, q, "零", strlen("零")) ? strlen("零") : 0; /* 1億零80萬, 3万零500 */
    if (!m->arabic || (m->tail_pow != 8 && m->tail_pow != 4) || !is_digit_at(c, q + z) ||
        jb_number_read_arabic(c, q + z, &v2, &e2) != WHY_OK || (z && v2.exp10 != 0))
        return q;
    int pw = 0;
    gsize wl = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(LOWER) && !pw; i++)
        if (at_lit(c, e2, LOWER[i].w, strlen(LOWER[i].w)))
            pw = LOWER[i].pw, wl = strlen(LOWER[i].w);
    /* (units written in full below it, 3萬9,862 or 2万3500: as many digits as the higher's
     * power, so 8万3 is still left alone) */
    gsize written = 0;
    for (gsize i = q + z; i < e2; i++)
        written += g_ascii_isdigit(c->t[i]) != 0;
    if (!pw && v2.exp10 == 0 && (z ? written < (gsize)m->tail_pow : written == (gsize)m->tail_pow))
        wl = 0;
    else if (!pw || pw >= m->tail_pow || (v2.exp10 != 0 && pw < 4) ||
             (v2.exp10 == 0 && v2.mant >= (gint64)POW10[m->tail_pow - pw]) || unit_starts_at(c, e2))
        return q;
    JbDecimal a = m->value, b = {v2.mant, v2.exp10 + pw};
    int lo = MIN(a.exp10, b.exp10);
    guint64 ma = (guint64)a.mant, mb = (guint64)b.mant;
    if (a.exp10 - lo > 18 || b.exp10 - lo > 18 || !mul_u64(&ma, POW10[a.exp10 - lo]) ||
        !mul_u64(&mb, POW10[b.exp10 - lo]) || !add_u64(&ma, mb) || ma > (guint64)G_MAXINT64)
        return q;
    m->value = (JbDecimal){(gint64)ma, lo};
    m->tail_pow = pw;
    return e2 + wl;
}

/* Is the member's value a round number of tens (十, 三十, 百, 1000): what 来 rounds (十来个,
 * 三十来万人), where 一来…二来… is no figure? */
static gboolean round_tens(const Member *m)
{
    return m->value.mant != 0 &&
           (m->value.exp10 >= 1 || (m->value.exp10 == 0 && m->value.mant % 10 == 0));
}

/* 多 余 几 between the numeral and the unit (1700多项, 4000余亿, 十几万); 来 after a round
 * number (三十来万, 十来家): about it */
gsize jb_number_infix(const Ctx *c, gsize q, Member *m)
{
    if (m->infix_len == 0 && (AT(c, q, "多") || AT(c, q, "余") || AT(c, q, "几") ||
                              ((AT(c, q, "来") || AT(c, q, "來")) && round_tens(m) &&
                               !AT(c, q + 3, "自") && !AT(c, q + 3, "源")))) { /* (来自: from) */
        m->infix_at = q;
        m->infix_len = 3;
        return q + 3;
    }
    return q;
}
