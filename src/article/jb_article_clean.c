/* jb_article_clean.c — a raw block cleaned into a paragraph: white space collapsed,
 * invisible characters dropped, characters normalised as jb_normalize does, and on the way
 * the facts the junk rules ask about counted (JunkPara).
 *
 * Not for: finding the blocks (the HTML, Markdown and text passes) nor judging them
 * (jb_article_junk.c).
 */
#include "jb_article_priv.h"

#include "jb_normalize.h"

/* Characters next to which a line break is no space (a Chinese reading of the CSS Text
 * segment break rule: "约为\n206吉瓦时" is one word run, "12\n34" stays two numbers):
 * CJK ideographs and punctuation, fullwidth forms, and the curly quotes and dashes that
 * Chinese text sets full width. */
static gboolean is_wide(gunichar c)
{
    return g_unichar_iswide(c) || (c >= 0x2018 && c <= 0x201F) || c == 0x2026 || c == 0x2014 ||
           c == 0x00B7;
}

/* The bytes of s[0, n) above ' ' (every byte of a non-ASCII character is): eight at a time —
 * this runs over every byte of a page's text. A byte b below 0x80 is above ' ' when
 * b + 0x5F carries into its top bit (no carry leaves the byte: 0x7F + 0x5F < 0x100). */
gsize jb_article_count_visible(const char *s, gsize n)
{
    const guint64 low7 = G_GUINT64_CONSTANT(0x7F7F7F7F7F7F7F7F);
    const guint64 add = G_GUINT64_CONSTANT(0x5F5F5F5F5F5F5F5F);
    const guint64 tops = G_GUINT64_CONSTANT(0x8080808080808080);
    gsize visible = 0, i = 0;
#if defined(__SSE2__)
    /* (sixteen at a time where the processor has SSE2: a byte at least '!' unsigned is the
     * larger of itself and '!'; the ones summed by psadbw) */
    const __m128i bang = _mm_set1_epi8('!'), one = _mm_set1_epi8(1), zero = _mm_setzero_si128();
    __m128i sums = zero;
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i above = _mm_cmpeq_epi8(_mm_max_epu8(x, bang), x);
        sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_and_si128(above, one), zero));
    }
    visible = (gsize)(guint)_mm_cvtsi128_si32(sums) + /* (each half under 2^32) */
              (gsize)(guint)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
#endif
    for (; i + 8 <= n; i += 8) {
        guint64 w;
        memcpy(&w, s + i, 8);
        guint64 t = (((w & low7) + add) | w) & tops;
        t = (t >> 7) * G_GUINT64_CONSTANT(0x0101010101010101); /* (the eight bits summed) */
        visible += (gsize)(t >> 56);
    }
    for (; i < n; i++)
        visible += (guchar)s[i] > ' ';
    return visible;
}

/* ---- paragraphs: cleaning ------------------------------------------------------------ */

/* Bytes that may start a character clean_text treats specially (white space other than
 * ASCII, invisible characters): C2 (U+0085, U+00A0, U+00AD), E1 (U+1680), E2 (U+2000–),
 * E3 (U+3000), EF (U+FEFF). Everything else (ASCII graphics, CJK) is copied in runs. */
/* (A table, as it is asked of every byte: printable ASCII but the space, and every byte
 * from 0x80 but C2 E1 E2 E3 EF. The value is how far a run may step: a lead byte E0 or
 * E4-EE starts a three-byte character that is all plain, stepped over at once.) */
static const guint8 PLAIN_BYTE[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    3, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* 0 for a byte that may start a special character, else how far a run may step. */
static inline guint plain_byte(guchar b)
{
    return PLAIN_BYTE[b];
}

/* The character at `p` (valid UTF-8) and where the next one starts, without a call:
 * clean_text asks this of every non-ASCII punctuation mark. */
static inline gunichar utf8_char(const char *p, const char *end, const char **next)
{
    return jb_utf8_get(p, end, next);
}

static inline gunichar char_at(const char *p, const char *end)
{
    const char *next;
    return utf8_char(p, end, &next);
}

/* Does clean_into do anything but copy `c` (a character with a lead byte that is not plain)? */
static inline gboolean special_char(gunichar c)
{
    return c == (gunichar)HARD_SPACE || c == (gunichar)JB_CELL_CHAR || is_space_char(c) ||
           is_invisible_char(c) || jb_normalize_is_dash(c) || jb_normalize_ascii(c) != 0 ||
           c == 0x3007; /* (〇, a zero among digits: ocr_zero) */
}

/* The character that ends at `e` (valid UTF-8 after `start`). */
static gunichar char_before(const char *e, const char *start)
{
    const char *p = e - 1;
    while (p > start && ((guchar)*p & 0xC0) == 0x80)
        p--;
    return char_at(p, e);
}

/* The facts of JunkPara counted while clean_into writes a paragraph (locals after
 * inlining: stores through a pointer would stay in memory on every byte). */
typedef struct {
    glong bytes3; /* bytes of three-byte characters */
    glong ascii, ndigit, nother;
    guint64 facts; /* jb_ascii_facts of the ASCII bytes, or-ed */
    guint64 keys;
    guint punct; /* PUNCT_* */
} JunkCount;

/* PUNCT_* of the full-width forms U+FF00–U+FF3F (EF BC 80–BF), by their last byte's low six
 * bits. */
static const guint8 FULLWIDTH_PUNCT[64] = {
    [0x01] = PUNCT_EXCL, [0x0C] = PUNCT_COMMA, [0x1A] = PUNCT_COLON,
    [0x1B] = PUNCT_SEMI, [0x1F] = PUNCT_QUES,
};

static inline void count_ascii(JunkCount *k, guchar b)
{
    guint64 f = jb_ascii_facts[b];
    k->ascii++;
    k->facts |= f;
    k->ndigit += (glong)(f >> 63); /* (ASCII_DIGIT) */
}

/* (Only for characters whose lead byte is not plain: the punctuation is among them.) */
static inline void count_char3(JunkCount *k, const guchar *q)
{
    k->bytes3 += 3;
    k->keys |= G_GUINT64_CONSTANT(1) << jb_junk_char_bit[q[1] | q[2] << 8];
    if (q[0] == 0xEF && q[1] == 0xBC)
        k->punct |= FULLWIDTH_PUNCT[q[2] & 0x3F];
    else if (q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x82)
        k->punct |= PUNCT_PERIOD;
}

/* Count the characters of s[0..n) (whole characters, valid UTF-8): for the pieces
 * clean_into writes outside its runs. */
static inline void count_bytes(JunkCount *k, const char *s, gsize n)
{
    const guchar *q = (const guchar *)s, *end = q + n;
    while (q < end) {
        if (*q < 0x80) {
            count_ascii(k, *q);
            q++;
        } else if ((*q & 0xF0) == 0xE0 && end - q >= 3) {
            count_char3(k, q);
            q += 3;
        } else {
            k->nother++; /* a character of two or four bytes */
            q++;
            while (q < end && (*q & 0xC0) == 0x80)
                q++;
        }
    }
}

/* The end of the run of ordinary characters from `p` (a plain byte), counting them into
 * *k. The counts are kept in locals for the loop: the caller has too many of its own to
 * keep these in registers too, and most bytes of an article pass through this loop. */
static inline const char *plain_run(const char *p, const char *end, JunkCount *k)
{
    const guchar *q = (const guchar *)p, *e = (const guchar *)end;
    const guchar *stop3 = end - p >= 3 ? e - 2 : q; /* a whole three-byte character fits */
    guint64 keys = 0;
    glong bytes3 = 0;
    for (;;) {
        /* Chinese text: three-byte characters with plain leads */
        const guchar *run = q;
        while (q < stop3 && plain_byte(*q) == 3) {
            keys |= G_GUINT64_CONSTANT(1) << jb_junk_char_bit[q[1] | q[2] << 8];
            q += 3;
        }
        bytes3 += q - run;
        if (q >= e)
            break;
        guchar b = *q;
        if (b < 0x80 && plain_byte(b)) {
            /* a run of ASCII graphics (figures, Latin words): counted in locals as above */
            const guchar *a = q;
            guint64 facts = 0;
            glong ndigit = 0;
            do {
                guint64 f = jb_ascii_facts[*q++];
                facts |= f;
                ndigit += (glong)(f >> 63); /* (ASCII_DIGIT) */
            } while (q < e && *q < 0x80 && plain_byte(*q));
            k->ascii += q - a;
            k->facts |= facts;
            k->ndigit += ndigit;
            continue;
        }
        if (plain_byte(b)) {
            if (b >= 0xC0)
                k->nother++; /* the lead of a two- or four-byte character (or a cut one) */
            q++; /* (one byte at a time: a cut three-byte character, continuation bytes) */
            continue;
        }
        /* a character with a non-plain lead byte that needs nothing either (most CJK
         * punctuation: ，。、“”) continues the run */
        const char *after;
        if (b < 0x80 || special_char(utf8_char((const char *)q, end, &after)))
            break;
        count_bytes(k, (const char *)q, (gsize)(after - (const char *)q));
        q = (const guchar *)after;
    }
    k->keys |= keys;
    k->bytes3 += bytes3;
    return (const char *)q;
}

/* The length of the paragraph's own words: a repost's chain (转发理由//@某某: 原文…) quotes
 * what others wrote, and they end before it. A paragraph that opens with the chain (//@某某:
 * 原文…, a repost with no words of its own) is its first writer's post, read to the next link. */
static gsize own_words(const char *s, gsize n)
{
    const char *chain = n >= 3 ? jb_find(s, s + n, "//@", 3) : NULL; /* (memchr for '@') */
    if (chain == s)
        chain = n > 3 ? jb_find(s + 3, s + n, "//@", 3) : NULL;
    return chain ? (gsize)(chain - s) : n;
}

/* Is the full-width period at `p` (its character ends at `next`), after the paragraph's
 * first output [out, o), the period of a list number glued to a month or a span of months
 * (1．1-10月，…; 2．10月当月…)? A decimal point never stands before a month's or a year's
 * number, so 1．1 there is item 1, not the number 1.1. */
static gboolean list_number_period(const char *out, const char *o, const char *next,
                                   const char *end)
{
    if (o - out < 1 || o - out > 2 || !g_ascii_isdigit(out[0]) || !g_ascii_isdigit(o[-1]))
        return FALSE;
    const char *q = next;
    while (q < end && g_ascii_isdigit(*q) && q - next < 4)
        q++;
    if (q == next)
        return FALSE;
    static const char *const AFTER[] = {"-", "—", "－", "–", "月", "年", NULL};
    for (const char *const *w = AFTER; *w; w++)
        if ((gsize)(end - q) >= strlen(*w) && memcmp(q, *w, strlen(*w)) == 0)
            return TRUE;
    return FALSE;
}

/* '0' when `c`, written after the output [out, o) and before `next`, is a 〇 that is a zero
 * among Arabic digits (2〇26年, 4〇52个: text read from a picture), else 0: a digit before it
 * and a digit or another 〇 after it; 二〇二六 stays as written. */
static char ocr_zero(const char *out, const char *o, gunichar c, const char *next, const char *end)
{
    if (c != 0x3007 || o == out || !g_ascii_isdigit(o[-1]) || next >= end)
        return 0;
    const guchar *q = (const guchar *)next;
    gboolean digit = g_ascii_isdigit(*q) ||
                     (end - next >= 3 &&
                      ((q[0] == 0xEF && q[1] == 0xBC && q[2] >= 0x90 && q[2] <= 0x99) ||
                       (q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x87)));
    return digit ? '0' : 0;
}

/* The ASCII character `c` is written as (jb_normalize_ascii, or ocr_zero's 0), else 0. */
static char ascii_of(const char *out, const char *o, gunichar c, const char *next, const char *end)
{
    char a = jb_normalize_ascii(c);
    return a ? a : ocr_zero(out, o, c, next, end);
}

/* After the '.' written at o[-1] for `c`: a space when it is a list number's (1．1-10月: item
 * 1, then its span; ". " is no longer than "．"). Returns the new end of the output. */
static char *list_number_space(const char *out, char *o, gunichar c, const char *next,
                               const char *end, JunkCount *k)
{
    if (c != 0xFF0E || !list_number_period(out, o - 1, next, end))
        return o;
    *o++ = ' ';
    count_ascii(k, ' ');
    return o;
}

/* Collapse white space (a line break next to a wide character is no space at all), drop
 * invisible characters, trim, and normalise as jb_normalize does, into `out` (room for
 * n + 1 bytes: the result is never longer than `s`, since a space stands for at least one
 * byte of white space and every normalisation shortens). Returns the length of the
 * NUL-terminated result, 0 if nothing is left, and sets *j to what the junk rules want to
 * know of it. One pass: this runs over every byte of every article (and counting as it
 * copies costs less than a second pass over the paragraph). */
gsize jb_article_clean_into(const char *s, gsize n, char *out, JunkPara *j)
{
    n = own_words(s, n);
    char *o = out;
    const char *p = s, *end = s + n;
    gboolean pending = FALSE, pending_nl = FALSE, hard = FALSE;
    gboolean after_cell = FALSE; /* a table cell begins: no space at its start */
    const char *prev = NULL;     /* the end of the last character kept, as written in `s` */
    /* A dash kept but not yet written: alone it becomes '-', before another dash (with no
     * space between) both are kept as written. */
    const char *dash = NULL, *dash_end = NULL;
    JunkCount k = {0};
    while (p < end) {
        const char *next;
        gunichar c = 0;
        gboolean plain = plain_byte((guchar)*p);
        if (plain) {
            /* a run of ordinary characters, copied in one go: none of them is white space,
             * invisible or rewritten by normalisation (and as it is always kept, it is
             * counted as it is found) */
            next = plain_run(p, end, &k);
            if (next > end)
                next = end; /* (a cut character: never in valid UTF-8) */
            /* the run may end inside a character whose lead byte was plain */
            while (next < end && ((guchar)*next & 0xC0) == 0x80)
                next++;
        } else {
            c = utf8_char(p, end, &next);
            if (c == (gunichar)HARD_SPACE) {
                pending = hard = TRUE;
                p = next;
                continue;
            }
            if (c == (gunichar)JB_CELL_CHAR) { /* kept as is, with no space around it */
                if (dash) {
                    *o++ = '-';
                    count_ascii(&k, '-');
                    dash = NULL;
                }
                *o++ = JB_CELL_CHAR;
                count_ascii(&k, (guchar)JB_CELL_CHAR);
                pending = pending_nl = hard = FALSE;
                after_cell = TRUE;
                prev = p = next;
                continue;
            }
            if (is_space_char(c)) {
                pending = TRUE;
                if (c == '\n' || c == 0x2028 || c == 0x2029)
                    pending_nl = TRUE;
                p = next;
                continue;
            }
            if (is_invisible_char(c)) {
                p = next;
                continue;
            }
        }
        /* `p` .. `next` is kept */
        gboolean space = pending && !after_cell && (o > out || dash) &&
                         (hard || !(pending_nl && (is_wide(char_before(prev, s)) ||
                                                   is_wide(plain ? char_at(p, end) : c))));
        pending = pending_nl = hard = after_cell = FALSE;
        if (dash) {
            if (!plain && !space && jb_normalize_is_dash(c)) { /* "——": punctuation */
                memcpy(o, dash, (gsize)(dash_end - dash));
                count_bytes(&k, dash, (gsize)(dash_end - dash));
                o += dash_end - dash;
                memcpy(o, p, (gsize)(next - p));
                count_bytes(&k, p, (gsize)(next - p));
                o += next - p;
                dash = NULL;
                prev = next;
                p = next;
                continue;
            }
            *o++ = '-';
            count_ascii(&k, '-');
            dash = NULL;
        }
        if (space) {
            *o++ = ' ';
            count_ascii(&k, ' ');
        }
        char ascii;
        if (!plain && jb_normalize_is_dash(c)) {
            dash = p;
            dash_end = next;
        } else if (!plain && (ascii = ascii_of(out, o, c, next, end)) != 0) {
            *o++ = ascii;
            count_ascii(&k, (guchar)ascii);
            o = list_number_space(out, o, c, next, end, &k);
        } else {
            memcpy(o, p, (gsize)(next - p));
            if (!plain) /* (a run is counted already) */
                count_bytes(&k, p, (gsize)(next - p));
            o += next - p;
        }
        prev = p = next;
    }
    if (dash) {
        *o++ = '-';
        count_ascii(&k, '-');
    }
    *o = '\0';
    *j = (JunkPara){.p = out,
                    .len = (gsize)(o - out),
                    .n = k.bytes3 / 3 + k.ascii + k.nother,
                    .ascii = k.ascii,
                    .digit = k.ndigit > 0,
                    .ndigit = k.ndigit,
                    .hyphen = (k.facts & ASCII_HYPHEN) != 0,
                    .latin = (k.facts & ASCII_LETTERS) != 0,
                    .letters = (guint32)(k.facts & ASCII_LETTERS),
                    .keys = k.keys,
                    .other = k.nother > 0,
                    .marks = k.facts & ASCII_MARKS,
                    .punct = k.punct,
                    .header_line = -1};
    return (gsize)(o - out);
}

/* clean_into, as a new string; NULL if nothing is left. */
char *jb_article_clean_text(const char *s, gsize n)
{
    char *out = g_malloc(n + 1);
    JunkPara j;
    if (jb_article_clean_into(s, n, out, &j) == 0) {
        g_free(out);
        return NULL;
    }
    return out;
}
