/* jb_decimal.c — exact decimals (JbDecimal) and the Chinese way of writing them for labels;
 * see jb_number.h.
 *
 * A value is mant × 10^exp10, never floating point: parsing, formatting, comparing and
 * rounding work on the digits, so 16.4亿 stays 1640000000 exactly.
 *
 * Not for: reading numbers out of text (jb_number.c, jb_number_member.c).
 */
#include "jb_number_priv.h"

#include <string.h>

#define DEC_PARSE_MAX_DIGITS 40 /* jb_decimal_parse: trailing zeros beyond 18 go to exp10 */

/* |v| without the undefined -INT64_MIN */
static guint64 mag_u64(gint64 v)
{
    return v < 0 ? (guint64)(-(v + 1)) + 1u : (guint64)v;
}

JbDecimal jb_decimal_normalize(JbDecimal d)
{
    if (d.mant == 0)
        return (JbDecimal){0, 0};
    while (d.mant % 10 == 0 && d.exp10 < G_MAXINT) {
        d.mant /= 10;
        d.exp10++;
    }
    return d;
}

/* d's digits as they are: {30, -1} is "3.0" */
static gsize format_digits(JbDecimal d, char *buf, gsize size)
{
    char digits[24]; /* the mantissa's digits, by hand: once per statement and per row */
    gsize n = 0;
    if (d.mant == 0)
        digits[sizeof digits - 1 - n++] = '0';
    for (guint64 v = mag_u64(d.mant); v; v /= 10)
        digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
    const char *dg = digits + sizeof digits - n;
    gint64 point = (gint64)n + d.exp10; /* digits before the decimal point */
    gsize len = (d.mant < 0) + (d.exp10 >= 0 ? n + (gsize)d.exp10
                                : point > 0  ? n + 1
                                             : 2 + (gsize)-point + n);
    if (len >= size) { /* does not fit: nothing written but the terminator */
        if (size > 0)
            buf[0] = '\0';
        return len;
    }
    char *o = buf;
    if (d.mant < 0)
        *o++ = '-';
    if (d.exp10 >= 0) {
        memcpy(o, dg, n);
        o += n;
        memset(o, '0', (gsize)d.exp10);
        o += d.exp10;
    } else if (point > 0) {
        memcpy(o, dg, (gsize)point);
        o += point;
        *o++ = '.';
        memcpy(o, dg + point, n - (gsize)point);
        o += n - (gsize)point;
    } else {
        *o++ = '0';
        *o++ = '.';
        memset(o, '0', (gsize)-point);
        o += -point;
        memcpy(o, dg, n);
        o += n;
    }
    *o = '\0';
    return len;
}

gsize jb_decimal_format(JbDecimal d, char *buf, gsize size)
{
    return format_digits(jb_decimal_normalize(d), buf, size);
}

gsize jb_decimal_format_stated(JbDecimal d, char *buf, gsize size)
{
    return format_digits(d.exp10 < 0 ? d : jb_decimal_normalize(d), buf, size);
}

int jb_decimal_places(const char *s)
{
    const char *point = s ? strchr(s, '.') : NULL;
    return point ? (int)strspn(point + 1, "0123456789") : 0;
}

JbDecimal jb_decimal_with_places(JbDecimal d, int places)
{
    d = jb_decimal_normalize(d);
    while (d.exp10 > -places && d.mant > G_MININT64 / 10 && d.mant < G_MAXINT64 / 10) {
        d.mant *= 10;
        d.exp10--;
    }
    return d;
}

static char *to_string(JbDecimal d, gsize (*format)(JbDecimal, char *, gsize))
{
    char small[JB_DECIMAL_STR_MAX];
    gsize len = format(d, small, sizeof small);
    if (len < sizeof small)
        return g_memdup2(small, len + 1);
    char *s = g_malloc(len + 1); /* a far exponent: the exact size, formatted again */
    format(d, s, len + 1);
    return s;
}

char *jb_decimal_to_string(JbDecimal d)
{
    return to_string(d, jb_decimal_format);
}

char *jb_decimal_to_string_stated(JbDecimal d)
{
    return to_string(d, jb_decimal_format_stated);
}

gboolean jb_decimal_parse(const char *s, JbDecimal *out)
{
    g_return_val_if_fail(out != NULL, FALSE);
    if (s == NULL)
        return FALSE;
    gboolean neg = FALSE, point = FALSE;
    guint64 mant = 0;
    int sig = 0, zeros = 0, frac = 0, ndig = 0, int_digits = 0;
    const char *p = s;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    for (;; p++) {
        if (g_ascii_isdigit(*p)) {
            if (++ndig > DEC_PARSE_MAX_DIGITS)
                return FALSE;
            if (point)
                frac++;
            else
                int_digits++;
            if (*p == '0') {
                if (sig)
                    zeros++; /* leading zeros carry nothing */
                continue;
            }
            if (sig + zeros + 1 > DEC_MAX_DIGITS)
                return FALSE;
            mant = mant * POW10[zeros + 1] + (guint64)(*p - '0');
            sig += zeros + 1;
            zeros = 0;
        } else if (*p == '.' && !point && int_digits > 0 && g_ascii_isdigit(p[1])) {
            point = TRUE;
        } else {
            break;
        }
    }
    if (*p != '\0' || int_digits == 0)
        return FALSE;
    out->mant = neg ? -(gint64)mant : (gint64)mant;
    out->exp10 = zeros - frac;
    *out = jb_decimal_normalize(*out);
    return TRUE;
}

double jb_decimal_to_double(JbDecimal d)
{
    /* strtod rounds correctly; mant * pow(10, exp) would not (16.4亿 must stay 1.64e9) */
    char buf[48];
    g_snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT "e%d", d.mant, d.exp10);
    return g_ascii_strtod(buf, NULL);
}

int jb_decimal_cmp(JbDecimal a, JbDecimal b)
{
    a = jb_decimal_normalize(a);
    b = jb_decimal_normalize(b);
    int sa = (a.mant > 0) - (a.mant < 0), sb = (b.mant > 0) - (b.mant < 0);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    guint64 ma = mag_u64(a.mant), mb = mag_u64(b.mant);
    int da = digits_u64(ma), db = digits_u64(mb);
    /* the position of the leading digit decides, unless it is the same */
    gint64 ea = (gint64)a.exp10 + da, eb = (gint64)b.exp10 + db;
    int r;
    if (ea != eb) {
        r = ea < eb ? -1 : 1;
    } else {
        /* same leading position: pad the shorter mantissa; at most 19 digits fit a guint64 */
        if (da < db)
            ma *= POW10[db - da];
        else if (db < da)
            mb *= POW10[da - db];
        r = (ma > mb) - (ma < mb);
    }
    return sa > 0 ? r : -r;
}

gboolean jb_decimal_equal(JbDecimal a, JbDecimal b)
{
    if (a.mant == b.mant && a.exp10 == b.exp10)
        return TRUE; /* (written alike, as most values compared are: no normalizing) */
    return jb_decimal_cmp(a, b) == 0;
}

/* Round to `sig` significant digits, half away from zero. */
static JbDecimal dec_round_sig(JbDecimal d, int sig)
{
    d = jb_decimal_normalize(d);
    guint64 m = mag_u64(d.mant);
    int n = digits_u64(m);
    if (d.mant == 0 || n <= sig)
        return d;
    int drop = n - sig; /* 1..18, so POW10[drop] is exact */
    guint64 q = m / POW10[drop], r = m % POW10[drop];
    if (r >= POW10[drop] / 2)
        q++;
    JbDecimal out = {d.mant < 0 ? -(gint64)q : (gint64)q, d.exp10 + drop};
    return jb_decimal_normalize(out);
}

char *jb_number_format_cn(JbDecimal v, int max_sig)
{
    if (max_sig < 1 || max_sig > DEC_MAX_DIGITS)
        max_sig = DEC_MAX_DIGITS + 1; /* no rounding */
    /* round first, then choose the unit: 99999999 at 3 digits is 1亿, not 10000万 */
    v = dec_round_sig(v, max_sig);
    const char *suffix = "";
    if (v.mant != 0) {
        gint64 order = (gint64)digits_u64(mag_u64(v.mant)) + v.exp10 - 1; /* 10^order ≤ |v| */
        if (order >= 12) {
            suffix = "万亿";
            v.exp10 -= 12;
        } else if (order >= 8) {
            suffix = "亿";
            v.exp10 -= 8;
        } else if (order >= 4) {
            suffix = "万";
            v.exp10 -= 4;
        }
    }
    char digits[JB_DECIMAL_STR_MAX];
    if (jb_decimal_format(v, digits, sizeof digits) >= sizeof digits) {
        g_autofree char *long_digits = jb_decimal_to_string(v);
        return g_strconcat(long_digits, suffix, NULL);
    }
    return g_strconcat(digits, suffix, NULL);
}
