/* jb_text.h — the text primitives every stage shares: stepping through UTF-8, matching a
 * literal at a place, and what white space is.
 *
 * The scanners (article cleaning, the number scanner, the time scan, word sets) run these at
 * every character of every article, so they are inline and decode by hand: g_utf8_get_char
 * is a call and a loop. One copy of each rule, here; the folders above use these and do not
 * write their own.
 *
 * Two kinds of input:
 *  - valid UTF-8 (every article after jb_article has read it, every CSV cell jb_table
 *    reads): jb_utf8_len, jb_utf8_get, jb_utf8_get3;
 *  - bytes that may be invalid (text given on the command line or stdin):
 *    jb_utf8_get_checked, which reads an invalid or cut byte as U+FFFD of one byte.
 *
 * White space is one set (jb_is_space): ASCII's (space, \t \n \v \f \r) and Unicode's
 * spaces as Chinese pages use them: U+0085, U+00A0 (no-break), U+1680, U+2000–U+200A (en,
 * em, thin…), U+2028, U+2029 (line and paragraph separators), U+202F, U+205F and U+3000 (the
 * ideographic space). jb_article collapses each run to one space; jb_normalize writes each
 * non-ASCII one as ' '. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are not white
 * space: they carry no text at all and are dropped (jb_article).
 *
 * Not for: validating or converting encodings (jb_article_decode), normalising digits and
 * signs (jb_normalize), sets of many words (jb_words).
 */
#ifndef JB_TEXT_H
#define JB_TEXT_H

#include <glib.h>
#include <string.h>

/* ---- stepping through UTF-8 ------------------------------------------------------------- */

/* The bytes of the character whose lead byte is `b` (valid UTF-8). */
static inline gsize jb_utf8_len(guchar b)
{
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* The code point of the three-byte character at `p` (its lead byte is E0–EF; all of CJK). */
static inline gunichar jb_utf8_get3(const char *p)
{
    const guchar *u = (const guchar *)p;
    return ((gunichar)(u[0] & 0x0F) << 12) | ((gunichar)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
}

/* The code point at `p` (p < end, valid UTF-8) and, in *next, where the next character
 * begins. A character cut short by `end` (never, when `end` is a character boundary) reads as
 * 0, with *next = end; nothing at or after `end` is read. */
static inline gunichar jb_utf8_get(const char *p, const char *end, const char **next)
{
    const guchar *u = (const guchar *)p;
    guchar b = u[0];
    gsize n = jb_utf8_len(b);
    if ((gsize)(end - p) < n) {
        *next = end;
        return 0;
    }
    *next = p + n;
    if (n == 1)
        return b;
    if (n == 3)
        return jb_utf8_get3(p);
    if (n == 2)
        return ((gunichar)(b & 0x1F) << 6) | (u[1] & 0x3F);
    return ((gunichar)(b & 0x07) << 18) | ((gunichar)(u[1] & 0x3F) << 12) |
           ((gunichar)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

/* The code point at `p` (p < end) as jb_utf8_get reads it, and in *next where
 * g_utf8_next_char(p) is: for loops over a text's characters that test each (a word list's
 * first characters), one decoding a character instead of a decoding and a table lookup,
 * ASCII and three-byte characters (all of CJK) without a call or the table. */
static inline __attribute__((always_inline)) gunichar jb_utf8_step(const char *p, const char *end,
                                                                   const char **next)
{
    guchar b = (guchar)*p;
    if (b < 0x80) {
        *next = p + 1;
        return b;
    }
    if ((b & 0xF0) == 0xE0 && end - p >= 3) {
        *next = p + 3;
        return jb_utf8_get3(p);
    }
    const char *unused;
    *next = g_utf8_next_char(p);
    return jb_utf8_get(p, end, &unused);
}

/* The start of the character `n` characters before `p`, or `a` when fewer lie in (a, p):
 * where `for (k = 0; p > a && k < n; k++) { p--; while (p > a && *p is 10xxxxxx) p--; }`
 * stops (p itself when p <= a). Extraction's look-back windows (40 to 60 characters before
 * every number) walked that loop byte by byte; here eight bytes at a time count their
 * characters (a byte that is no continuation byte starts one; the eight summed by one
 * multiplication: __builtin_popcountll is a call into libgcc without -mpopcnt), and only
 * the last eight bytes go one by one. */
static inline const char *jb_utf8_back(const char *a, const char *p, gsize n)
{
    if (p <= a)
        return p;
    if ((gsize)(p - a) <= n)
        return a; /* (no more characters than bytes: most clauses are within the window) */
    const guint64 tops = G_GUINT64_CONSTANT(0x8080808080808080);
    while (n && p - a > 8) { /* (the eight bytes before p all lie after a) */
        guint64 w;
        memcpy(&w, p - 8, 8);
        guint64 cont = (w & ~(w << 1) & tops) >> 7; /* 1 in each continuation byte */
        gsize starts = 8 - (gsize)((cont * G_GUINT64_CONSTANT(0x0101010101010101)) >> 56);
        if (starts >= n)
            break; /* the n-th is among them */
        n -= starts;
        p -= 8;
    }
    while (n && p > a) {
        p--;
        if (p == a || ((guchar)*p & 0xC0) != 0x80)
            n--;
    }
    return p;
}

/* jb_utf8_get_checked() past ASCII and three-byte characters (out of line: rare). */
gunichar jb_utf8_get_checked_rare(const guchar *s, gsize left, gsize *n);

/* The code point at `s` (left > 0 bytes there) in bytes that may not be UTF-8, and its length
 * in *n. An invalid or cut sequence reads as U+FFFD of one byte, so a scan goes on at the
 * next byte. (Overlong forms and surrogates are not rejected: only their shape is checked.) */
static inline gunichar jb_utf8_get_checked(const guchar *s, gsize left, gsize *n)
{
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if ((s[0] & 0xF0) == 0xE0 && left >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *n = 3;
        return jb_utf8_get3((const char *)s);
    }
    return jb_utf8_get_checked_rare(s, left, n);
}

/* ---- literals ----------------------------------------------------------------------------- */

/* The literal `w` at `p` (within [p, limit)): where it ends, or NULL. Always inlined, so that
 * a literal's length and first bytes are constants: most calls fail on the first two bytes,
 * tested before the word is measured. */
static inline __attribute__((always_inline)) const char *jb_lit(const char *p, const char *limit,
                                                                const char *w)
{
    if (p >= limit || *p != w[0] || (w[1] && (limit - p < 2 || p[1] != w[1])))
        return NULL;
    if (w[1] && w[2] && (limit - p < 3 || p[2] != w[2]))
        return NULL; /* (a CJK character's last byte: a word from an array is measured only
                      * when its first character is there) */
    gsize n = strlen(w);
    return (gsize)(limit - p) >= n && memcmp(p, w, n) == 0 ? p + n : NULL;
}

/* Does the NUL-terminated `s` begin with `prefix`? (The first byte rules out most candidates
 * before strlen and strncmp.) */
static inline gboolean jb_has_prefix(const char *s, const char *prefix)
{
    return prefix[0] == '\0' || (s[0] == prefix[0] && strncmp(s, prefix, strlen(prefix)) == 0);
}

/* A literal with its length, for lists of prefixes tried many times (a strlen per word and
 * try would cost more than the tries). */
typedef struct {
    const char *s;
    gsize n;
} JbLit;
/* clang-format off */
#define JB_LIT(x) {x, sizeof(x) - 1}
/* clang-format on */

/* Does the NUL-terminated `s` begin with `w`? Byte by byte, not strncmp: most tries fail
 * within a Chinese character's three bytes, and Chinese words share their first byte too
 * often for a test of it alone to help. (s[i] is read only when s[i - 1] matched a byte of
 * `w`, which is never NUL, so nothing past the end of `s` is read.) */
static inline gboolean jb_has_lit(const char *s, JbLit w)
{
    for (gsize i = 0; i < w.n; i++)
        if (s[i] != w.s[i])
            return FALSE;
    return TRUE;
}

/* Where the character `w` of three bytes first occurs in [a, z), or NULL: memchr for its
 * first byte, then the two after it (memmem's setup costs more than scanning a sentence). */
static inline const char *jb_find3(const char *a, const char *z, const char *w)
{
    for (const char *q = a; q + 3 <= z; q++) {
        q = memchr(q, w[0], (size_t)(z - 2 - q));
        if (!q)
            return NULL;
        if (q[1] == w[1] && q[2] == w[2])
            return q;
    }
    return NULL;
}

/* Where the `n` bytes of `w` (n > 0) first occur in [a, z), or NULL: memchr for its third
 * byte (its first when shorter), then the rest. In Chinese text the third byte, the last of
 * a first character, is far rarer than the first (E4–E9 begin most characters), and a short
 * haystack costs memmem more in setup than the scan (the dictionary's aliases are looked
 * for in the sentence before every number). */
static inline const char *jb_find(const char *a, const char *z, const char *w, gsize n)
{
    gsize k = n > 2 ? 2 : n - 1;
    for (const char *q = a + k; z - q > 0 && (gsize)(z - a) >= n;) {
        q = memchr(q, w[k], (size_t)(z - q));
        if (!q)
            return NULL;
        const char *p = q - k;
        if ((gsize)(z - p) < n)
            return NULL;
        if (memcmp(p, w, n) == 0)
            return p;
        q++;
    }
    return NULL;
}

/* Is there an ASCII digit among the eight bytes at `p`? Each byte XOR '0' is below 10 for a
 * digit: its low seven bits plus 0x76 stay below 0x80 (no carry into the next byte), and its
 * own top bit is clear. */
static inline gboolean jb_digit_in8(const char *p)
{
    guint64 w;
    memcpy(&w, p, 8);
    guint64 t = w ^ G_GUINT64_CONSTANT(0x3030303030303030);
    guint64 big = ((t & G_GUINT64_CONSTANT(0x7F7F7F7F7F7F7F7F)) +
                   G_GUINT64_CONSTANT(0x7676767676767676)) |
                  t;
    return (big & G_GUINT64_CONSTANT(0x8080808080808080)) != G_GUINT64_CONSTANT(0x8080808080808080);
}

/* Is there a run of ASCII digits in [a, b), the longest at each place, that `counts` (given
 * the run [p, q) and the range) accepts? For the tests of "a figure in this span" that differ
 * only in which digits are none: a name's (5G, C919), a year's (2024年). Inline, so that the
 * test inlines too. */
static inline gboolean jb_any_digit_run(const char *a, const char *b,
                                        gboolean (*counts)(const char *a, const char *p,
                                                           const char *q, const char *b))
{
    for (const char *p = a; p < b; p++) {
        while (b - p >= 8 && !jb_digit_in8(p))
            p += 8; /* (most of the span has none: eight bytes at a time) */
        if (p >= b)
            break;
        if (!g_ascii_isdigit(*p))
            continue;
        const char *q = p;
        while (q < b && g_ascii_isdigit(*q))
            q++;
        if (counts(a, p, q, b))
            return TRUE;
        p = q - 1;
    }
    return FALSE;
}

/* ---- white space -------------------------------------------------------------------------- */

/* Is `c` white space (the set above)? */
static inline gboolean jb_is_space(gunichar c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x3000 || c == 0x00A0 || c == 0x0085 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F;
}

/* ---- Chinese numerals of dates and counts ------------------------------------------------ */
/* Formal text writes dates in Chinese numerals (二零二六年六月三十日, 二〇二五年十二月三日).
 * Each reads at *p (p < end) and on success moves *p past what it read. */

/* A digit 〇 ○ 零 一 … 九: 0..9, or -1 when none. */
int jb_cn_digit(const char **p, const char *end);
/* A count from 1 to 99 (七, 十二, 二十, 三十一), the longest written: its value, or -1 (a
 * bare 〇/零, or 〇十, is none). */
int jb_cn_count(const char **p, const char *end);
/* A year 1900..2100 in four such digits (二零二六, 二〇二五) followed by 年: the year, *p
 * moved to the 年; -1 when none. */
int jb_cn_year(const char **p, const char *end);

#endif
