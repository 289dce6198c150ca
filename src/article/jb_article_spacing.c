/* jb_article_spacing.c — text spaced between Chinese and digits (“pangu” style: 2025 年 3 月，
 * 营收 12.5 亿元，同比增长 3.5%), which some sites write throughout. Every rule of the number
 * and time readers looks at what touches a number (年 after 2025, 亿元 after 12.5, 前 before
 * 10 个月); a space between them hides it. In an article written so, those spaces are taken
 * out of its prose, its title and its section titles before anything reads them, and its
 * quotes are written without them.
 *
 * The text as a whole is judged once (jb_article_spaced_text), then each block of prose is
 * taken in before the junk rules and date lines see it (jb_article_emit).
 *
 * An article is written so when its prose puts a space at most junctions of a Chinese
 * character and a digit: three or more spaced, and at most one unspaced for every four
 * spaced. Ordinary text writes 2025年 unspaced nearly everywhere, so a list of ranks (1 恒锐
 * 光电) or a product's name (iPhone 16 发布) in it changes nothing. Rows of a table keep their
 * spaces: they separate cells.
 *
 * Written by hand: no library of Debian's knows this spacing (it is a typographic habit, not
 * a Unicode rule).
 */
#include "jb_article_priv.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static gboolean is_han(gunichar u)
{
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

/* Is the UTF-8 character of the three bytes at p a Han character? (The text is valid UTF-8:
 * a lead byte of three bytes claims the two after it.) */
static gboolean han_at(const guchar *p)
{
    if ((p[0] & 0xF0) != 0xE0)
        return FALSE;
    return is_han(((gunichar)(p[0] & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) |
                  (gunichar)(p[2] & 0x3F));
}

/* The ASCII digits among the eight bytes of x (read little-endian): bit 7 of each such byte
 * (a byte's low seven bits plus 0x50 reach bit 7 from '0' up, plus 0x46 from ':' up: no carry
 * crosses a byte). */
static guint64 digit_bytes(guint64 x)
{
    const guint64 ones = 0x0101010101010101u, high = 0x8080808080808080u;
    guint64 low7 = x & ~high;
    return (low7 + 0x50 * ones) & ~(low7 + 0x46 * ones) & ~x & high;
}

/* Does x hold a NUL byte? */
static gboolean has_nul(guint64 x)
{
    const guint64 ones = 0x0101010101010101u, high = 0x8080808080808080u;
    return ((x - ones) & ~x & high) != 0;
}

/* The junctions of the digit at p with what is before it (`before`) and after it (`after`),
 * counted. */
static void count_digit(const guchar *b, const guchar *p, const guchar *e, gboolean before,
                        gboolean after, guint *spaced, guint *touching)
{
    /* before the digit: 年2, 年 2 (one space: two are an alignment) */
    if (!before)
        ;
    else if (p - b >= 3 && han_at(p - 3))
        (*touching)++;
    else if (p - b >= 4 && p[-1] == ' ' && han_at(p - 4))
        (*spaced)++;
    /* after it: 2年, 2 年 */
    if (!after)
        ;
    else if (e - p >= 4 && han_at(p + 1))
        (*touching)++;
    else if (e - p >= 5 && p[1] == ' ' && han_at(p + 2))
        (*spaced)++;
}

/* Counts of junctions of a Han character and an ASCII digit in [s, end): spaced by one ASCII
 * space, and touching. Each junction has a digit on one side, so only the bytes around the
 * digits are read, found eight bytes at a time; and of a run of digits (2025) only its ends
 * can touch a Han character (valid UTF-8 without NULs, as decoded: a digit is no byte of a
 * Han character, so the first digit's start and the last's end are the run's only
 * junctions). A NUL ends the text. */
static void count_junctions(const char *s, const char *end, guint *spaced, guint *touching)
{
    const guchar *b = (const guchar *)s, *e = (const guchar *)end, *p = b;
#if defined(__SSE2__)
    /* sixteen bytes at a time where the processor has SSE2 (every x86-64): one bit a byte */
    const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
    for (; e - p >= 16; p += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        guint m = (guint)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(x, below), _mm_cmplt_epi8(x, above)));
        if (!m)
            continue;
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128())))
            break; /* (to the loops below, which stop at it) */
        guint firsts = m & ~(m << 1), lasts = m & ~(m >> 1);
        for (guint k = firsts | lasts; k; k &= k - 1) {
            guint i = (guint)__builtin_ctz(k);
            count_digit(b, p + i, e, (firsts >> i) & 1, (lasts >> i) & 1, spaced, touching);
        }
    }
#endif
    for (; e - p >= 8; p += 8) {
        guint64 x;
        memcpy(&x, p, 8);
        x = GUINT64_FROM_LE(x);
        guint64 m = digit_bytes(x);
        if (!m)
            continue;
        if (has_nul(x))
            break; /* (to the byte-wise loop, which stops at it) */
        /* the run's first digits (no digit before them in the word) and last ones */
        guint64 firsts = m & ~(m << 8), lasts = m & ~(m >> 8);
        for (guint64 k = firsts | lasts; k; k &= k - 1) {
            guint64 bit = k & -k;
            count_digit(b, p + (__builtin_ctzll(k) >> 3), e, (firsts & bit) != 0,
                        (lasts & bit) != 0, spaced, touching);
        }
    }
    for (; p < e && *p; p++)
        if ((guint)(*p - '0') < 10)
            count_digit(b, p, e, TRUE, TRUE, spaced, touching);
}

/* Is the ASCII character c on the number's side of a junction (2025 年, 3.5% 的)? (Latin
 * words keep their spaces: 278.8 万 GPU 小时, where a unit of letters begins.) */
static gboolean latin_side(gunichar c)
{
    return c < 0x80 && (g_ascii_isdigit((char)c) || c == '%');
}

/* `s` without the single spaces between a Han character and a digit (either order), in place
 * (it only shrinks). */
static void unspace(char *s)
{
    char *o = s;
    gunichar prev = 0;
    for (const char *p = s; *p;) {
        const char *next = g_utf8_next_char(p);
        if (*p == ' ' && prev && *next && next[0] != ' ') {
            gunichar u = g_utf8_get_char(next);
            if ((is_han(prev) && latin_side(u)) || (latin_side(prev) && is_han(u))) {
                p = next; /* (the space dropped; prev stays) */
                continue;
            }
        }
        prev = g_utf8_get_char(p);
        memmove(o, p, (gsize)(next - p));
        o += next - p;
        p = next;
    }
    *o = '\0';
}

gboolean jb_article_spaced_text(const char *s, gsize n)
{
    guint spaced = 0, touching = 0; /* (read in place: no copy of a text of up to 64 MB) */
    count_junctions(s, s + n, &spaced, &touching);
    return spaced >= 3 && touching * 4 <= spaced;
}

gsize jb_article_unspace(char *s)
{
    unspace(s);
    return strlen(s);
}
