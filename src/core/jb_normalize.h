/* jb_normalize.h — one canonical spelling for the characters numbers are written in.
 *
 * Chinese pages write the same number many ways: ４０００ and 4000, ％ and %, 4.5%－5%
 * and 4.5%-5%, 1∶3 and 1:3. Every later stage (number parsing, statement extraction)
 * sees only the canonical form, so each rule lives here once.
 *
 * Not for: markup removal or encodings (jb_article), nor anything that changes words.
 */
#ifndef JB_NORMALIZE_H
#define JB_NORMALIZE_H

#include "jb_text.h"

#include <glib.h>

/* Return a normalised copy of the valid UTF-8 `s` (`len` bytes, or -1 for NUL-terminated):
 *  - fullwidth digits, Latin letters and the signs ％ ＋ － ． ／ ＝ ＜ ＞ → ASCII
 *  - white space other than ASCII's (jb_is_space: ideographic U+3000, no-break U+00A0,
 *    thin U+2009, line separator U+2028…) → ' '
 *  - ratio colon ∶ → ':'
 *  - a single dash of the family ‐ ‑ ‒ – — ― － → '-', and ～ 〜 → '~';
 *    a doubled dash (——, the Chinese em-dash punctuation) is kept as written
 * CJK punctuation such as （）：，。 is kept: it is part of units like 台（套）.
 * Caller owns the result (g_free). */
char *jb_normalize(const char *s, gssize len);

/* The rules of jb_normalize one character at a time, for a pass that normalises as it
 * copies (jb_article's paragraph cleaning): */

/* A dash of the family ‐ ‑ ‒ – — ― －: alone it becomes '-', but two in a row are kept. */
static inline gboolean jb_normalize_is_dash(gunichar c)
{
    return (c >= 0x2010 && c <= 0x2015) || c == 0xFF0D;
}

/* The ASCII character that replaces `c` (not a dash), or 0 if `c` is kept as written. */
static inline char jb_normalize_ascii(gunichar c)
{
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A))
        return (char)(c - 0xFEE0);
    if (c == 0xFF05 || c == 0xFF0B || c == 0xFF0E || c == 0xFF0F || c == 0xFF1D || c == 0xFF1C ||
        c == 0xFF1E)
        return (char)(c - 0xFEE0); /* ％ ＋ ． ／ ＝ ＜ ＞ */
    if (c >= 0x80 && jb_is_space(c))
        return ' ';
    if (c == 0x2236)
        return ':';
    if (c == 0xFF5E || c == 0x301C)
        return '~';
    return 0;
}

#endif
