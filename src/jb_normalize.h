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

#include <glib.h>

/* Return a normalised copy of the valid UTF-8 `s` (`len` bytes, or -1 for NUL-terminated):
 *  - fullwidth digits, Latin letters and the signs ％ ＋ － ． ／ ＝ ＜ ＞ → ASCII
 *  - ideographic space U+3000, no-break space U+00A0, thin spaces → ' '
 *  - ratio colon ∶ → ':'
 *  - a single dash of the family ‐ ‑ ‒ – — ― － → '-', and ～ 〜 → '~';
 *    a doubled dash (——, the Chinese em-dash punctuation) is kept as written
 * CJK punctuation such as （）：，。 is kept: it is part of units like 台（套）.
 * Caller owns the result (g_free). */
char *jb_normalize(const char *s, gssize len);

#endif
