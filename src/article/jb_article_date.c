/* jb_article_date.c — dates as articles write them: "2022-07-26", "2022/7/26",
 * "2022年7月26日", RFC 2822 and ISO 8601 (jb_article_parse_date), and dates in URL paths.
 *
 * Not for: finding the line of an article that holds its date (the header lines,
 * jb_article_header.c) nor choosing among the dates found (jb_article.c).
 */
#include "jb_article_priv.h"

#include "jb_normalize.h"

/* ---- dates -------------------------------------------------------------------------- */

static char *url_path_date(const char *url);

static gboolean valid_ymd(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
           d <= g_date_get_days_in_month((GDateMonth)m, (GDateYear)y);
}

/* A date at `s` (ASCII digits): "2022-07-26", "2022/7/26", "2022.07.26", "2022年7月26日",
 * or a prefix of one. Returns the precision found (3 = y-m-d, 2 = y-m, 1 = y, 0 = none)
 * and sets *endp after it. */
int jb_article_scan_ymd(const char *s, const char **endp, int *y, int *m, int *d)
{
    int n;
    const char *p = scan_digits(s, 4, y, &n);
    *endp = s;
    if (n != 4 || g_ascii_isdigit(*p) || *y < 1900 || *y > 2100)
        return 0;
    *endp = p;
    gboolean han = FALSE;
    char sep = 0;
    const char *q = p;
    if (starts_with(q, "年")) {
        han = TRUE;
        q += strlen("年");
    } else if (*q == '-' || *q == '/' || *q == '.') {
        sep = *q++;
    } else {
        return 1;
    }
    q = scan_digits(q, 2, m, &n);
    if (n == 0 || g_ascii_isdigit(*q) || *m < 1 || *m > 12)
        return 1;
    if (han) {
        if (!starts_with(q, "月"))
            return 1;
        q += strlen("月");
    }
    *endp = q;
    const char *r = q;
    if (han) {
        r = scan_digits(r, 2, d, &n);
        if (n == 0 || g_ascii_isdigit(*r) || !valid_ymd(*y, *m, *d))
            return 2;
        if (starts_with(r, "日"))
            r += strlen("日");
        else if (starts_with(r, "号"))
            r += strlen("号");
    } else {
        if (*r != sep)
            return 2;
        r = scan_digits(r + 1, 2, d, &n);
        if (n == 0 || g_ascii_isdigit(*r) || !valid_ymd(*y, *m, *d))
            return 2;
    }
    *endp = r;
    return 3;
}

int jb_article_scan_cn_ymd(const char *s, const char **endp, int *y, int *m, int *d)
{
    const char *p = s, *end = s + strnlen(s, 64); /* (a date is far shorter) */
    int year = jb_cn_year(&p, end);
    if (year < 0)
        return 0;
    p += strlen("年");
    int mo = jb_cn_count(&p, end);
    if (mo < 1 || mo > 12 || !starts_with(p, "月"))
        return 1;
    p += strlen("月");
    int da = jb_cn_count(&p, end);
    if (da < 1 || !(starts_with(p, "日") || starts_with(p, "号")) || !valid_ymd(year, mo, da))
        return 2;
    *endp = p + 3;
    *y = year, *m = mo, *d = da;
    return 3;
}

/* `v` (0..10^width - 1) as `width` decimal digits at `o`; returns the end. */
static char *put_digits(char *o, int v, int width)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        o[i] = (char)('0' + v % 10);
    return o + width;
}

char *jb_article_format_date(int precision, int y, int m, int d)
{
    /* by hand: g_strdup_printf costs as much as reading a short paragraph */
    if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
        char buf[11], *o = put_digits(buf, y, 4);
        if (precision >= 2) {
            *o++ = '-';
            o = put_digits(o, m, 2);
        }
        if (precision >= 3) {
            *o++ = '-';
            o = put_digits(o, d, 2);
        }
        return g_strndup(buf, (gsize)(o - buf));
    }
    if (precision >= 3)
        return g_strdup_printf("%04d-%02d-%02d", y, m, d);
    if (precision == 2)
        return g_strdup_printf("%04d-%02d", y, m);
    return g_strdup_printf("%04d", y);
}

/* RFC 2822: "[Tue,] 26 Jul 2022 [08:39:51 GMT]". */
static gboolean parse_rfc2822(const char *s, int *y, int *m, int *d)
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char *p = s;
    while (*p == ' ')
        p++;
    if (g_ascii_isalpha(*p)) {
        while (g_ascii_isalpha(*p))
            p++;
        while (*p == ' ')
            p++;
        if (*p == ',')
            p++;
        while (*p == ' ')
            p++;
    }
    int n;
    p = scan_digits(p, 2, d, &n);
    if (n == 0 || *p != ' ')
        return FALSE;
    while (*p == ' ')
        p++;
    if (!g_ascii_isalpha(p[0]) || !g_ascii_isalpha(p[1]) || !g_ascii_isalpha(p[2]))
        return FALSE;
    *m = 0;
    for (int i = 0; i < 12; i++)
        if (g_ascii_strncasecmp(p, months + 3 * i, 3) == 0)
            *m = i + 1;
    if (*m == 0)
        return FALSE;
    while (g_ascii_isalpha(*p))
        p++;
    while (*p == ' ')
        p++;
    p = scan_digits(p, 4, y, &n);
    if (n == 2)
        *y += *y < 50 ? 2000 : 1900;
    else if (n != 4)
        return FALSE;
    if (g_ascii_isdigit(*p))
        return FALSE;
    return valid_ymd(*y, *m, *d);
}

char *jb_article_parse_date(const char *s)
{
    if (!s)
        return NULL;
    g_autofree char *norm = jb_normalize(s, -1);
    char *t = g_strstrip(norm);
    int y = 0, m = 0, d = 0;
    if (strchr(t, 'T') || strchr(t, ' ')) {
        /* A full ISO 8601 instant: keep the calendar date in the zone it was written in. */
        g_autoptr(GTimeZone) utc = g_time_zone_new_utc();
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601(t, utc);
        if (dt) {
            g_date_time_get_ymd(dt, &y, &m, &d);
            return jb_article_format_date(3, y, m, d);
        }
    }
    const char *e;
    int prec = jb_article_scan_ymd(t, &e, &y, &m, &d);
    if (prec == 3 || (prec > 0 && *e == '\0'))
        return jb_article_format_date(prec, y, m, d);
    if (parse_rfc2822(t, &y, &m, &d))
        return jb_article_format_date(3, y, m, d);
    return NULL;
}

/* A date in a URL path: ".../2022-07-26/...", ".../2022/07/26/...", ".../20220726/...",
 * or eight digits alone in the last part (".../1234567-20230305.htm", "...230305.shtml" is
 * not: six digits). */
char *jb_article_url_date(const char *url)
{
    char *d = url_path_date(url);
    if (d)
        return d;
    const char *last = strrchr(url, '/');
    for (const char *p = last ? last + 1 : url; *p; p++) {
        if (!g_ascii_isdigit(*p) || (p > url && g_ascii_isdigit(p[-1])))
            continue;
        int v, n;
        const char *e = scan_digits(p, 9, &v, &n);
        if (n == 8 && valid_ymd(v / 10000, v / 100 % 100, v % 100))
            return jb_article_format_date(3, v / 10000, v / 100 % 100, v % 100);
        p = e - 1;
    }
    return NULL;
}

static char *url_path_date(const char *url)
{
    for (const char *p = strchr(url, '/'); p; p = strchr(p + 1, '/')) {
        const char *q = p + 1, *e;
        int y, m, d;
        if (jb_article_scan_ymd(q, &e, &y, &m, &d) == 3 && (*e == '/' || *e == '_' || *e == '.'))
            return jb_article_format_date(3, y, m, d);
        int v, n;
        e = scan_digits(q, 8, &v, &n);
        if (n == 8 && !g_ascii_isdigit(*e) && valid_ymd(v / 10000, v / 100 % 100, v % 100))
            return jb_article_format_date(3, v / 10000, v / 100 % 100, v % 100);
    }
    return NULL;
}
