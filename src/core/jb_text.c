/* jb_text.c — the out-of-line part of jb_text.h. */
#include "jb_text.h"

gunichar jb_utf8_get_checked_rare(const guchar *s, gsize left, gsize *n)
{
    if ((s[0] & 0xE0) == 0xC0 && left >= 2 && (s[1] & 0xC0) == 0x80) {
        *n = 2;
        return ((gunichar)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && left >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *n = 4;
        return ((gunichar)(s[0] & 0x07) << 18) | ((gunichar)(s[1] & 0x3F) << 12) |
               ((gunichar)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *n = 1;
    return 0xFFFD;
}

int jb_cn_digit(const char **p, const char *end)
{
    /* Every digit is a character of three bytes: one is decoded and compared as a number,
     * rather than each of twelve words as bytes (the time scan asks at every numeral). A
     * switch, not a walk through the ten: most characters asked about are no digit.
     * Three bytes of that shape decode to one code point each, so this matches what the
     * bytes would. */
    const guchar *u = (const guchar *)*p;
    if (end - *p < 3 || (u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return -1;
    int v;
    switch (jb_utf8_get3(*p)) {
    case 0x96F6: /* 零 */
    case 0x25CB: /* ○ (U+25CB stands for 〇 often) */
    case 0x3007: /* 〇 */
        v = 0;
        break;
    case 0x4E00: /* 一 */
        v = 1;
        break;
    case 0x4E8C: /* 二 */
        v = 2;
        break;
    case 0x4E09: /* 三 */
        v = 3;
        break;
    case 0x56DB: /* 四 */
        v = 4;
        break;
    case 0x4E94: /* 五 */
        v = 5;
        break;
    case 0x516D: /* 六 */
        v = 6;
        break;
    case 0x4E03: /* 七 */
        v = 7;
        break;
    case 0x516B: /* 八 */
        v = 8;
        break;
    case 0x4E5D: /* 九 */
        v = 9;
        break;
    default:
        return -1;
    }
    *p += 3;
    return v;
}

int jb_cn_count(const char **p, const char *end)
{
    const char *q = *p;
    int v = jb_cn_digit(&q, end);
    if (v == 0)
        return -1;
    if (jb_lit(q, end, "十")) {
        q += 3;
        v = (v > 0 ? v : 1) * 10;
        const char *r = q;
        int ones = jb_cn_digit(&r, end);
        if (ones > 0) {
            v += ones;
            q = r;
        }
    }
    if (v < 1)
        return -1;
    *p = q;
    return v;
}

int jb_cn_year(const char **p, const char *end)
{
    const char *q = *p;
    int year = 0;
    for (int i = 0; i < 4; i++) {
        int d = jb_cn_digit(&q, end);
        if (d < 0)
            return -1;
        year = year * 10 + d;
    }
    if (!jb_lit(q, end, "年") || year < 1900 || year > 2100)
        return -1;
    *p = q;
    return year;
}
