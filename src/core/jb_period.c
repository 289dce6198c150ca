/* jb_period.c — the period grammar: parsing, spelling, days, order, frequency and the
 * Chinese label; see jb_period.h.
 *
 * GLib's GDate could count days, but it allocates nothing we need and still leaves the
 * grammar (quarters, halves, intervals) to us; the civil-date arithmetic below is a few
 * lines (Howard Hinnant's days_from_civil).
 */
#include "jb_period.h"

#include "jb_common.h"

#include <string.h>

static gboolean leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : DAYS[m - 1];
}

/* Days since 1970-01-01 of y-m-d (proleptic Gregorian). */
static gint64 days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    gint64 era = (y >= 0 ? y : y - 399) / 400;
    gint64 yoe = y - era * 400;
    gint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

gboolean jb_point_valid(const JbPoint *p)
{
    if (p->year < 1000 || p->year > 9999)
        return FALSE;
    switch (p->kind) {
    case JB_POINT_YEAR:
        return p->n == 0 && p->day == 0;
    case JB_POINT_HALF:
        return p->n >= 1 && p->n <= 2 && p->day == 0;
    case JB_POINT_QUARTER:
        return p->n >= 1 && p->n <= 4 && p->day == 0;
    case JB_POINT_MONTH:
        return p->n >= 1 && p->n <= 12 && p->day == 0;
    case JB_POINT_DAY:
        return p->n >= 1 && p->n <= 12 && p->day >= 1 && p->day <= days_in_month(p->year, p->n);
    default:
        return FALSE;
    }
}

/* First and last month of a point (1..12). */
static void month_range(const JbPoint *p, int *first, int *last)
{
    switch (p->kind) {
    case JB_POINT_HALF:
        *first = p->n * 6 - 5;
        *last = p->n * 6;
        break;
    case JB_POINT_QUARTER:
        *first = p->n * 3 - 2;
        *last = p->n * 3;
        break;
    case JB_POINT_MONTH:
    case JB_POINT_DAY:
        *first = *last = p->n;
        break;
    case JB_POINT_YEAR:
    default:
        *first = 1;
        *last = 12;
        break;
    }
}

gint64 jb_point_first_day(const JbPoint *p)
{
    int a, b;
    month_range(p, &a, &b);
    return days_from_civil(p->year, a, p->kind == JB_POINT_DAY ? p->day : 1);
}

gint64 jb_point_end_day(const JbPoint *p)
{
    if (p->kind == JB_POINT_DAY)
        return days_from_civil(p->year, p->n, p->day) + 1;
    int a, b;
    month_range(p, &a, &b);
    return days_from_civil(p->year, b, 1) + days_in_month(p->year, b);
}

/* Howard Hinnant's civil_from_days. */
JbPoint jb_point_of_days(gint64 z)
{
    z += 719468;
    gint64 era = (z >= 0 ? z : z - 146096) / 146097;
    gint64 doe = z - era * 146097;
    gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    gint64 y = yoe + era * 400;
    gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    gint64 mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (JbPoint){JB_POINT_DAY, (int)(y + (m <= 2)), m, d};
}

int jb_weekday(gint64 days)
{
    gint64 w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

JbPoint jb_point_add_years(JbPoint p, int n)
{
    p.year += n;
    if (p.kind == JB_POINT_DAY && p.day > days_in_month(p.year, p.n))
        p.day = days_in_month(p.year, p.n); /* 29 February a year on */
    return p;
}

JbPoint jb_point_add(JbPoint p, int n)
{
    int per_year;
    switch (p.kind) {
    case JB_POINT_HALF:
        per_year = 2;
        break;
    case JB_POINT_QUARTER:
        per_year = 4;
        break;
    case JB_POINT_MONTH:
        per_year = 12;
        break;
    case JB_POINT_DAY:
        return jb_point_of_days(jb_point_first_day(&p) + n);
    case JB_POINT_YEAR:
    default:
        p.year += n;
        return p;
    }
    int i = p.year * per_year + (p.n - 1) + n;
    p.year = i / per_year;
    p.n = i % per_year + 1;
    return p;
}

gint64 jb_period_first_day(const JbPeriod *p)
{
    return jb_point_first_day(&p->start);
}

gint64 jb_period_end_day(const JbPeriod *p)
{
    return jb_point_end_day(&p->end);
}

static gboolean same_point(const JbPoint *a, const JbPoint *b)
{
    return a->kind == b->kind && a->year == b->year && a->n == b->n && a->day == b->day;
}

JbPeriod jb_period_of(JbPoint p)
{
    return (JbPeriod){p, p};
}

/* Read exactly `n` digits at *pp. */
static gboolean digits(const char **pp, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*pp)[i];
        if (c < '0' || c > '9')
            return FALSE;
        v = v * 10 + (c - '0');
    }
    *pp += n;
    *out = v;
    return TRUE;
}

/* One point of the grammar at *pp, up to `end`. */
static gboolean parse_point(const char **pp, const char *end, JbPoint *out)
{
    const char *p = *pp;
    JbPoint t = {JB_POINT_YEAR, 0, 0, 0};
    if (end - p < 4 || !digits(&p, 4, &t.year))
        return FALSE;
    if (p < end && *p == '-') {
        p++;
        if (p < end && (*p == 'Q' || *p == 'H')) {
            t.kind = *p == 'Q' ? JB_POINT_QUARTER : JB_POINT_HALF;
            p++;
            if (end - p < 1 || !digits(&p, 1, &t.n))
                return FALSE;
        } else {
            t.kind = JB_POINT_MONTH;
            if (end - p < 2 || !digits(&p, 2, &t.n))
                return FALSE;
            if (p < end && *p == '-') {
                p++;
                t.kind = JB_POINT_DAY;
                if (end - p < 2 || !digits(&p, 2, &t.day))
                    return FALSE;
            }
        }
    }
    if (!jb_point_valid(&t))
        return FALSE;
    *out = t;
    *pp = p;
    return TRUE;
}

gboolean jb_period_parse(const char *s, JbPeriod *out, GError **error)
{
    const char *p = s, *end = s + strlen(s);
    JbPeriod r;
    gboolean ok = parse_point(&p, end, &r.start);
    r.end = r.start;
    if (ok && p < end && *p == '/') {
        p++;
        ok = parse_point(&p, end, &r.end);
        if (ok && same_point(&r.start, &r.end))
            r.end = r.start;
        else if (ok && jb_point_end_day(&r.end) <= jb_point_first_day(&r.start))
            ok = FALSE; /* END before START */
    }
    if (!ok || p != end) {
        g_autofree char *shown = g_utf8_make_valid(s, (gssize)MIN(strlen(s), 40));
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "“%s” is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or "
                    "START/END)",
                    shown);
        return FALSE;
    }
    *out = r;
    return TRUE;
}

gboolean jb_period_valid(const char *s)
{
    JbPeriod p;
    return jb_period_parse(s, &p, NULL);
}

/* n as `width` decimal digits (zero-padded; n is in range): by hand, as format_point runs for
 * every statement (snprintf was a twentieth of extraction's time). */
static char *put_digits(char *o, int n, int width)
{
    for (int i = width - 1; i >= 0; i--, n /= 10)
        o[i] = (char)('0' + n % 10);
    return o + width;
}

static char *format_point(const JbPoint *p, char *o)
{
    int year = CLAMP(p->year, 0, 9999);
    o = put_digits(o, year, 4);
    switch (p->kind) {
    case JB_POINT_HALF:
    case JB_POINT_QUARTER:
        *o++ = '-';
        *o++ = p->kind == JB_POINT_HALF ? 'H' : 'Q';
        *o++ = (char)('0' + CLAMP(p->n, 0, 9));
        break;
    case JB_POINT_MONTH:
    case JB_POINT_DAY:
        *o++ = '-';
        o = put_digits(o, CLAMP(p->n, 0, 99), 2);
        if (p->kind == JB_POINT_DAY) {
            *o++ = '-';
            o = put_digits(o, CLAMP(p->day, 0, 99), 2);
        }
        break;
    case JB_POINT_YEAR:
    default:
        break;
    }
    *o = '\0';
    return o;
}

char *jb_period_format(const JbPeriod *p, char *buf)
{
    char *o = format_point(&p->start, buf);
    if (!same_point(&p->start, &p->end)) {
        *o++ = '/';
        format_point(&p->end, o);
    }
    return buf;
}

static gboolean is_interval(const JbPeriod *p)
{
    return !same_point(&p->start, &p->end);
}

int jb_period_cmp(const JbPeriod *a, const JbPeriod *b)
{
    gint64 x = jb_period_first_day(a), y = jb_period_first_day(b);
    if (x != y)
        return x < y ? -1 : 1;
    x = jb_period_end_day(a);
    y = jb_period_end_day(b);
    if (x != y)
        return x > y ? -1 : 1; /* the longer first: a year before its halves */
    /* the same days: 2021 before 2021-01/2021-12, 2021-H1 before 2021-01/2021-06 */
    if (is_interval(a) != is_interval(b))
        return is_interval(a) ? 1 : -1;
    if (a->start.kind != b->start.kind)
        return a->start.kind < b->start.kind ? -1 : 1;
    if (a->end.kind != b->end.kind)
        return a->end.kind < b->end.kind ? -1 : 1;
    return 0;
}

gboolean jb_period_equal(const JbPeriod *a, const JbPeriod *b)
{
    return same_point(&a->start, &b->start) && same_point(&a->end, &b->end);
}

gboolean jb_period_is_year(const JbPeriod *p)
{
    if (!is_interval(p))
        return p->start.kind == JB_POINT_YEAR;
    return p->start.year == p->end.year &&
           jb_period_first_day(p) == days_from_civil(p->start.year, 1, 1) &&
           jb_period_end_day(p) == days_from_civil(p->start.year + 1, 1, 1);
}

JbFreq jb_period_freq(const JbPeriod *p)
{
    if (jb_period_is_year(p))
        return JB_FREQ_YEAR;
    if (!is_interval(p)) {
        switch (p->start.kind) {
        case JB_POINT_HALF:
            return JB_FREQ_HALF;
        case JB_POINT_QUARTER:
            return JB_FREQ_QUARTER;
        case JB_POINT_MONTH:
            return JB_FREQ_MONTH;
        case JB_POINT_DAY:
            return JB_FREQ_DAY;
        default:
            return JB_FREQ_YEAR;
        }
    }
    if (p->start.year == p->end.year &&
        jb_period_first_day(p) == days_from_civil(p->start.year, 1, 1) &&
        p->end.kind != JB_POINT_DAY)
        return JB_FREQ_YTD;
    return JB_FREQ_SPAN;
}

const char *jb_freq_name(JbFreq f)
{
    switch (f) {
    case JB_FREQ_YEAR:
        return "year";
    case JB_FREQ_HALF:
        return "half";
    case JB_FREQ_QUARTER:
        return "quarter";
    case JB_FREQ_MONTH:
        return "month";
    case JB_FREQ_DAY:
        return "day";
    case JB_FREQ_YTD:
        return "ytd";
    case JB_FREQ_SPAN:
    default:
        return "span";
    }
}

int jb_period_year(const JbPeriod *p)
{
    return p->end.year;
}

void jb_point_rest_cn(GString *s, const JbPoint *p)
{
    static const char *const Q[] = {"", "第一季度", "第二季度", "第三季度", "第四季度"};
    switch (p->kind) {
    case JB_POINT_HALF:
        g_string_append(s, p->n == 1 ? "上半年" : "下半年");
        break;
    case JB_POINT_QUARTER:
        g_string_append(s, Q[p->n]);
        break;
    case JB_POINT_MONTH:
        g_string_append_printf(s, "%d月", p->n);
        break;
    case JB_POINT_DAY:
        g_string_append_printf(s, "%d月%d日", p->n, p->day);
        break;
    case JB_POINT_YEAR:
    default:
        break;
    }
}

char *jb_period_label_cn(const JbPeriod *p)
{
    GString *s = g_string_new(NULL);
    const JbPoint *a = &p->start, *b = &p->end;
    if (jb_period_is_year(p)) {
        g_string_append_printf(s, "%d年", a->year);
    } else if (!is_interval(p)) {
        g_string_append_printf(s, "%d年", a->year);
        jb_point_rest_cn(s, a);
    } else if (a->kind == JB_POINT_YEAR && b->kind == JB_POINT_YEAR) {
        g_string_append_printf(s, "%d—%d年", a->year, b->year); /* 2021—2025年 */
    } else if (a->year == b->year && a->kind == JB_POINT_MONTH && b->kind == JB_POINT_MONTH) {
        g_string_append_printf(s, "%d年%d—%d月", a->year, a->n, b->n); /* 2021年1—10月 */
    } else if (a->year == b->year && a->kind == JB_POINT_DAY && b->kind == JB_POINT_DAY &&
               a->n == b->n) {
        g_string_append_printf(s, "%d年%d月%d—%d日", a->year, a->n, a->day, b->day);
    } else if (a->year == b->year) {
        g_string_append_printf(s, "%d年", a->year);
        jb_point_rest_cn(s, a);
        g_string_append(s, "—");
        jb_point_rest_cn(s, b);
    } else {
        g_string_append_printf(s, "%d年", a->year);
        jb_point_rest_cn(s, a);
        g_string_append_printf(s, "—%d年", b->year);
        jb_point_rest_cn(s, b);
    }
    return g_string_free(s, FALSE);
}

char *jb_period_text_cn(const char *s)
{
    JbPeriod p;
    return jb_period_parse(s, &p, NULL) ? jb_period_label_cn(&p) : g_strdup(s);
}
