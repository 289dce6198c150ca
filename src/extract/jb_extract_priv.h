/* jb_extract_priv.h — what jb_extract's source files share (not installed, not public).
 *
 * Statements are read in jb_extract.c (sentences, clauses, subjects, the metric phrase, the
 * extractor); jb_extract_period.c finds the time expressions of a sentence and writes a
 * statement's period; jb_extract_writer.c writes metrics.csv (it needs only jb_extract.h).
 *
 * The helpers here are static inline because they run for every byte of every sentence,
 * several times per number: a call across files would cost more than they do.
 *
 * Not for: anything outside jb_extract (its interface is jb_extract.h).
 */
#ifndef JB_EXTRACT_PRIV_H
#define JB_EXTRACT_PRIV_H

#include "jb_extract.h"
#include "jb_words.h"

#include <string.h>

/* ---- small UTF-8 helpers over byte ranges ------------------------------------------- */

/* These run for every byte of every sentence, several times per number: a first-byte test
 * before the memcmp keeps extraction at tens of MB/s. */
static inline gboolean starts(const char *p, const char *end, const char *word)
{
    if (p >= end || *p != *word)
        return FALSE;
    if (word[1] && (end - p < 2 || p[1] != word[1]))
        return FALSE; /* CJK words share their first byte: the second one decides */
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

static inline gboolean ends(const char *start, const char *p, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(p - start) >= n && p[-1] == word[n - 1] && memcmp(p - n, word, n) == 0;
}

/* A word of a fixed list with its length, known when compiled: the lists below are tried
 * at every clause of every number, and a strlen per word and try showed in profiles. */
typedef struct {
    const char *s;
    gsize n;
} Lit;
#define LIT(x) {x, sizeof x - 1}

static inline gboolean lit_starts(const char *p, const char *end, const Lit *w)
{
    /* (the first character, byte by byte, decides most tries without a call) */
    return (gsize)(end - p) >= w->n && p[0] == w->s[0] && (w->n < 2 || p[1] == w->s[1]) &&
           (w->n < 3 || p[2] == w->s[2]) && memcmp(p, w->s, w->n) == 0;
}

static inline gboolean lit_ends(const char *start, const char *p, const Lit *w)
{
    return (gsize)(p - start) >= w->n && p[-1] == w->s[w->n - 1] &&
           memcmp(p - w->n, w->s, w->n) == 0;
}

/* A set of the first characters of a fixed list (built once, kept for the process): where
 * none of them is at hand, the list need not be tried word by word. */
JbWordSet *jb_extract_lit_set(const Lit *list, gsize n);

static inline gboolean may_start(const JbWordSet *set, const char *p, const char *end)
{
    guint n;
    return jb_word_set_candidates(set, p, end, &n) != NULL;
}

/* 。 ！ ？ ! ? at `p`, read from the bytes (valid UTF-8): no decoding per character. */
static inline gboolean sentence_end_at(const char *p)
{
    guchar b = (guchar)*p;
    if (b < 0x80)
        return b == '!' || b == '?';
    if (b == 0xE3) /* 。 U+3002 */
        return (guchar)p[1] == 0x80 && (guchar)p[2] == 0x82;
    if (b == 0xEF) /* ！ U+FF01, ？ U+FF1F */
        return (guchar)p[1] == 0xBC && ((guchar)p[2] == 0x81 || (guchar)p[2] == 0x9F);
    return FALSE;
}

/* ， , ； ; ： : at `p`. */
static inline gboolean clause_sep_at(const char *p)
{
    guchar b = (guchar)*p;
    if (b < 0x80)
        return b == ',' || b == ';' || b == ':';
    return b == 0xEF && (guchar)p[1] == 0xBC && /* ， U+FF0C, ； U+FF1B, ： U+FF1A */
           ((guchar)p[2] == 0x8C || (guchar)p[2] == 0x9B || (guchar)p[2] == 0x9A);
}

/* ---- periods (jb_extract_period.c) ----------------------------------------------------- */

typedef struct {
    int year, month, day; /* 0 = not stated */
    const char *end;      /* where the expression ends */
    gboolean future_word; /* 到2027年 */
} TimeRef;

/* The characters a time expression can start with (besides digits): 今年 去年 明年 and the
 * period words (上半年 下半年 前三季度 第一季度 一季度 … 年底 年末 前7个月). One list for
 * time_lead's switch and time_refs' block table. */
#define JB_TIME_LEADS(X)                                                                       \
    X(0x4ECA) /* 今 */ X(0x53BB) /* 去 */ X(0x660E) /* 明 */ X(0x4E0A) /* 上 */                  \
    X(0x4E0B) /* 下 */ X(0x524D) /* 前 */ X(0x7B2C) /* 第 */ X(0x4E00) /* 一 */                  \
    X(0x4E8C) /* 二 */ X(0x4E09) /* 三 */ X(0x56DB) /* 四 */ X(0x5E74) /* 年 */

/* Can a time expression start with the (non-ASCII) character at `p`? 《 and 》 are tested
 * before. Every other character is skipped without trying each word. */
static inline gboolean time_lead(const char *p, const char *limit)
{
    if (limit - p < 3 || ((guchar)p[0] & 0xF0) != 0xE0)
        return TRUE; /* not a 3-byte character: let the full test decide */
#define JB_TIME_CASE(c) case c:
    switch (jb_word_char_at(p, limit)) {
    JB_TIME_LEADS(JB_TIME_CASE)
        return TRUE;
    default:
        return FALSE;
    }
#undef JB_TIME_CASE
}

/* The last time expression in [s, limit): "2025年", "6月底", "今年10月22日", "去年",
 * "上半年", "前三季度", "2023年底", "今年前7个月". Skipped: years inside 《book titles》
 * (they name documents), comparison bases (比去年, 较2020年), and a day (10月11日) unless it
 * follows 截至/到: the day an announcement was made is not what its figures refer to.
 * A month after the published month with no year is last year's (a January article's 12月). */
void jb_extract_time_refs(const char *s, const char *limit, int pub_year, int pub_month,
                          GArray *out);

/* The last time expression in [s, limit), found with `refs` as scratch. */
gboolean jb_extract_last_time_ref(const char *s, const char *limit, int pub_year, int pub_month,
                                  GArray *refs, TimeRef *out);

/* "2025", "2022-06", "2022-07-26" (as %04d-%02d-%02d, without printf: once per number);
 * "" when there is no year at all. */
void jb_extract_format_period(const TimeRef *t, int pub_year, char out[JB_PERIOD_MAX]);

#endif
