/* jb_number_numeral.c — numerals read into exact decimals: Arabic digits (with thousands
 * separators and a point), Chinese numerals (三千, 一万五千亿, 五点九), and the fractions
 * written with them (X分之Y, 百分之五点九) as percentages. See jb_number_priv.h.
 *
 * Not for: the magnitude, 多/余 and unit around a numeral (jb_number_member.c).
 */
#include "jb_number_priv.h"

/* Arabic digits with thousands separators and a decimal point. The number ends at i on
 * return (also when it fails, so the scanner can skip it whole). */
Reason jb_number_read_arabic(const Ctx *c, gsize p, JbDecimal *out, gsize *end)
{
    const char *t = c->t;
    gsize q = p;
    guint64 mant = 0;
    int ndig = 0, frac = 0, group = 0;
    gboolean point = FALSE, had_sep = FALSE;
    Reason r = WHY_OK;
    if (t[q] == '0' && is_digit_at(c, q + 1))
        r = WHY_ID; /* 0431: area codes, ids and zero-padded dates, never a count */
    for (; q < c->len; q++) {
        char ch = t[q];
        if (ch >= '0' && ch <= '9') {
            ndig++;
            group++;
            if (point)
                frac++;
            if (ndig <= DEC_MAX_DIGITS)
                mant = mant * 10 + (guint64)(ch - '0');
        } else if (ch == ',' && !point && group >= 1 && group <= 3 && (!had_sep || group == 3) &&
                   is_digit_at(c, q + 1) && is_digit_at(c, q + 2) && is_digit_at(c, q + 3) &&
                   !is_digit_at(c, q + 4)) {
            had_sep = TRUE; /* 1,435 — a comma before exactly three digits */
            group = 0;
        } else if (ch == '.' && !point && is_digit_at(c, q + 1)) {
            point = TRUE;
        } else {
            break;
        }
    }
    if (q < c->len && (t[q] == '.' || t[q] == ':') && is_digit_at(c, q + 1)) {
        /* 1.2.3 (a version) or 09:28 / 1:3 (a time or a ratio): skip all of it */
        Reason why = t[q] == ':' ? WHY_TIME : WHY_ID;
        while (q < c->len && (g_ascii_isdigit(t[q]) || t[q] == '.' || t[q] == ':'))
            q++;
        *end = q;
        return why == WHY_TIME ? why : r ? r : why;
    }
    *end = q;
    if (ndig > DEC_MAX_DIGITS)
        return WHY_DIGITS;
    if (r)
        return r;
    out->mant = (gint64)mant;
    out->exp10 = -frac;
    return WHY_OK;
}


/* A Chinese numeral: 三千, 一百二十万, 一万五千亿, 二十万亿, 两千, 〇, 十五, 五点九, 一万五
 * (= 15000: a digit right after a unit is the next lower place). Consumes every numeral
 * character even when it fails, so a scanner skips 十五五 or 二〇二五 whole. */
void jb_number_read_cn(const Ctx *c, gsize p, CnNum *r)
{
    guint64 total = 0, section = 0, last_unit = 0;
    int digit = -1; /* a digit not yet taken by a unit */
    gboolean prev_unit = FALSE, digit_after_unit = FALSE, digit_seen = FALSE;
    gboolean unit_had_digit = FALSE; /* the last unit had a digit somewhere before it */
    gsize q = p;
    memset(r, 0, sizeof *r);
    while (q < c->len) {
        gsize n;
        gunichar cp = cp_at(c, q, &n);
        int d = cn_digit(cp);
        if (d >= 0) {
            /* 二〇二五, 十五五: a digit after a digit is a year or a name, not a number;
             * 一千零五 is fine (the zero is a placeholder) */
            if (digit > 0 || (digit == 0 && d == 0))
                r->positional = TRUE;
            digit_after_unit = prev_unit;
            digit = d;
            digit_seen = TRUE;
            r->digit_char = TRUE;
            prev_unit = FALSE;
            r->tail_pow = 0;
        } else {
            guint64 u = cn_small(cp);
            int big = cn_big(cp);
            if (!u && !big)
                break;
            if (unit_starts_at(c, q))
                break; /* 五千瓦 is 5 千瓦, 三百分点 is 3 个百分点 */
            if (r->nchars == 0)
                r->bare_start = u != 10;
            r->has_unit_char = TRUE;
            if (u >= 100 || big)
                r->mag_chars++;
            if (u) {
                guint64 k = digit > 0 ? (guint64)digit : 1;
                if (!mul_u64(&k, u) || !add_u64(&section, k))
                    r->overflow = TRUE;
                last_unit = u;
                r->tail_pow = 0;
            } else {
                r->big = TRUE;
                if (digit > 0 && !add_u64(&section, (guint64)digit))
                    r->overflow = TRUE;
                if (big == 4) {
                    if (section == 0)
                        section = 1; /* 万余, 近万 */
                    if (!mul_u64(&section, 10000))
                        r->overflow = TRUE;
                    last_unit = 10000;
                } else {
                    /* 亿 scales everything before it: 一万五千亿 = 15000 × 10^8 */
                    guint64 s = total;
                    if (!add_u64(&s, section))
                        r->overflow = TRUE;
                    if (s == 0)
                        s = 1;
                    if (!mul_u64(&s, 100000000))
                        r->overflow = TRUE;
                    total = s;
                    section = 0;
                    last_unit = 100000000;
                }
                r->tail_pow += big;
            }
            digit = -1;
            prev_unit = TRUE;
            unit_had_digit = digit_seen;
        }
        r->nchars++;
        q += n;
    }
    if (digit > 0) {
        guint64 k = (guint64)digit;
        if (digit_after_unit && last_unit >= 100 && !unit_had_digit)
            r->positional = TRUE; /* 万一, 千万一: a word, not 11000 */
        else if (digit_after_unit && last_unit >= 100)
            k *= last_unit / 10; /* 一万五 = 15000, 三千五 = 3500 */
        if (!add_u64(&section, k))
            r->overflow = TRUE;
    }
    guint64 v = total;
    if (!add_u64(&v, section) || v > (guint64)G_MAXINT64)
        r->overflow = TRUE;
    r->value = (JbDecimal){r->overflow ? 0 : (gint64)v, 0};
    /* 五点九, 一点五七: 点 followed by digits (不 两); traditional script's 點 likewise
     * (百分之九十六點五) */
    if (r->nchars > 0 && !r->positional && (AT(c, q, "点") || AT(c, q, "點")) && q + 3 < c->len) {
        gsize k = q + 3, n;
        guint64 frac = 0;
        int nfrac = 0;
        while (k < c->len) {
            gunichar cp = cp_at(c, k, &n);
            int d = cn_digit(cp);
            if (d < 0 || cp == 0x4E24 || cp == 0x5169)
                break;
            if (nfrac < DEC_MAX_DIGITS)
                frac = frac * 10 + (guint64)d;
            nfrac++;
            k += n;
        }
        if (nfrac > 0) {
            guint64 m = r->overflow ? 0 : v;
            if (nfrac + digits_u64(m) > DEC_MAX_DIGITS || !mul_u64(&m, POW10[nfrac]) ||
                !add_u64(&m, frac) || m > (guint64)G_MAXINT64)
                r->overflow = TRUE;
            else
                r->value = (JbDecimal){(gint64)m, -nfrac};
            r->decimal = TRUE;
            r->tail_pow = 0;
            q = k;
        }
    }
    r->end = q;
}

/* Places a fraction that does not end is rounded to (jb_number_percent_of). */
#define FRACTION_PLACES 6

gboolean jb_number_percent_of(JbDecimal num, guint64 den, JbDecimal *out, gboolean *rounded)
{
    num = jb_decimal_normalize(num);
    *rounded = FALSE;
    if (den == 0 || den > 1000000 || num.mant < 0)
        return FALSE;
    if (num.mant == 0) {
        *out = num;
        return TRUE;
    }
    guint64 m = (guint64)num.mant, a = m, b = den;
    while (b) { /* reduce: 3/6 ends even though 6 has a 3 */
        guint64 t = a % b;
        a = b;
        b = t;
    }
    m /= a;
    den /= a;
    gint64 exp = (gint64)num.exp10 + 2;
    guint64 d = den;
    int twos = 0, fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        twos++;
    }
    while (d % 5 == 0) {
        d /= 5;
        fives++;
    }
    if (d == 1) {
        int k = MAX(twos, fives); /* den divides 10^k; k ≤ 19 since den ≤ 10^6 */
        if (!mul_u64(&m, POW10[k] / den) || m > (guint64)G_MAXINT64)
            return FALSE;
        *out = jb_decimal_normalize((JbDecimal){(gint64)m, (gint)(exp - k)});
        return TRUE;
    }
    /* round(m × 10^(exp+6) / den) × 10^-6: six places, as statistics publish a share */
    gint64 s = exp + FRACTION_PLACES;
    if (s > 19 || s < -12)
        return FALSE;
    if (s >= 0) {
        if (!mul_u64(&m, POW10[s]))
            return FALSE;
    } else if (!mul_u64(&den, POW10[-s])) {
        return FALSE;
    }
    guint64 q = m / den, rem = m % den;
    if (rem >= den - rem)
        q++;
    if (q > (guint64)G_MAXINT64)
        return FALSE;
    *out = jb_decimal_normalize((JbDecimal){(gint64)q, -FRACTION_PLACES});
    *rounded = TRUE;
    return TRUE;
}

/* The numerator of a fraction: Arabic or Chinese, with decimals (百分之五点九, 百分之百). */
static Reason read_plain_number(const Ctx *c, gsize p, JbDecimal *out, gsize *end)
{
    *end = p;
    if (is_digit_at(c, p))
        return jb_number_read_arabic(c, p, out, end);
    gsize n;
    if (p >= c->len || !cn_numeral(cp_at(c, p, &n)))
        return WHY_NONE;
    CnNum cn;
    jb_number_read_cn(c, p, &cn);
    *end = cn.end;
    if (cn.overflow)
        return WHY_DIGITS;
    if (cn.positional)
        return WHY_WORD;
    *out = cn.value;
    return WHY_OK;
}

/* 分之 after a denominator already read: X分之Y → Y/X as a percentage. */
Reason jb_number_read_fraction_tail(const Ctx *c, JbDecimal den, gsize q, Member *m)
{
    JbDecimal num;
    gsize end;
    den = jb_decimal_normalize(den);
    Reason r = read_plain_number(c, q, &num, &end);
    m->tok_end = MAX(m->tok_end, end);
    if (r)
        return r == WHY_NONE ? WHY_EXTRA : r;
    guint64 d = (guint64)den.mant;
    if (den.mant <= 0 || den.exp10 < 0 || den.exp10 > 6 || !mul_u64(&d, POW10[den.exp10]) ||
        !jb_number_percent_of(num, d, &m->value, &m->rounded))
        return WHY_DIGITS;
    m->fixed_unit = TRUE;
    set_unit(m, U_PLAIN, "%", 1);
    /* 百分之三十几, 百分之二十多: some more than it (as 三十几万) */
    if (!m->infix_len && (AT(c, end, "几") || AT(c, end, "幾") || AT(c, end, "多"))) {
        m->infix_at = end;
        m->infix_len = 3;
        end += 3;
    }
    m->end = m->tok_end = end;
    return WHY_OK;
}
