/* jb_lits.h — short lists of literals tried at many places of a text, with a filter that
 * rules out most places in a few instructions.
 *
 * The time scan asks, at each character that may start a time, for the first of a list of
 * literals there (截至目前 目前 当前…; 上年末 上年底…), and whether one ends just before it;
 * there are about a hundred such lists, each written where it is used. Comparing a list word
 * by word costs most where nothing matches: Chinese words share their first byte too often
 * for that test alone to help. A JbLitFilter holds, per list, a bit for a hash of the first
 * three bytes of each word (and of the last three, for tests at an end) and the first and
 * last bytes of words shorter than three bytes: a place where no bit is set holds none of
 * the words, and is passed with one table lookup. The hash has 1024 values (a Chinese
 * character's three bytes, multiplied: 64 let a place with another character through often
 * enough that comparing the words was 3% of all instructions). The filter is built on first
 * use, once per list (GOnce: extraction runs on several threads).
 *
 * A filter stands for one list, always the same words: a static per place of use (see
 * jb_extract_period_priv.h's any_lit). It remembers the list's first word, and
 * jb_lit_filter_for does not use it for another list (it answers NULL: compare the words).
 *
 * Not for: large vocabularies (jb_words' JbWordSet indexes them by first character).
 */
#ifndef JB_LITS_H
#define JB_LITS_H

#include <glib.h>

#define JB_LITS_HASH_LOG 10 /* (4096 values: 0.1% fewer instructions, four times the memory) */
#define JB_LITS_HASH_BITS (1u << JB_LITS_HASH_LOG)

typedef struct {
    gsize ready;                           /* GOnce's: built */
    const char *first;                     /* the first word of the list it was built for */
    guint64 heads[JB_LITS_HASH_BITS / 64]; /* a bit per jb_lits_hash3 of a word's first bytes */
    guint64 tails[JB_LITS_HASH_BITS / 64]; /* the same for its last three bytes */
    guint64 short_first[4]; /* a bit per first byte of a word shorter than three bytes */
    guint64 short_last[4];  /* and per its last byte */
    gboolean has_short;     /* a word shorter than three bytes (most lists have none) */
} JbLitFilter;

/* Build `f` for the NULL-terminated `words` (jb_lit_filter_for does, once). */
void jb_lit_filter_build(JbLitFilter *f, const char *const *words);

static inline guint jb_lits_hash3(const char *b)
{
    const guchar *u = (const guchar *)b;
    return (((guint)u[0] << 16 | (guint)u[1] << 8 | u[2]) * 0x9E3779B1u) >> (32 - JB_LITS_HASH_LOG);
}

static inline gboolean jb_lits_hash_bit(const guint64 *bits, guint h)
{
    return (bits[h >> 6] >> (h & 63)) & 1;
}

static inline gboolean jb_lits_bit256(const guint64 *bits, guchar b)
{
    return (bits[b >> 6] >> (b & 63)) & 1;
}

/* `f`, built for `words` if it was not yet; NULL when it was built for another list. */
static inline const JbLitFilter *jb_lit_filter_for(JbLitFilter *f, const char *const *words)
{
    if (g_once_init_enter(&f->ready)) {
        jb_lit_filter_build(f, words);
        g_once_init_leave(&f->ready, 1);
    }
    return f->first == words[0] ? f : NULL;
}

/* Build the filter *f for the list `...` once (GOnce), where a place of use always passes the
 * same list (any_lit's: a list written there). A macro, so that a list written at the place
 * (a compound literal) is made in memory only when the filter is built, not at every use. */
#define JB_LIT_FILTER_ONCE(f, ...)                                                                 \
    do {                                                                                           \
        if (g_once_init_enter(&(f)->ready)) {                                                      \
            jb_lit_filter_build((f), __VA_ARGS__);                                                 \
            g_once_init_leave(&(f)->ready, 1);                                                     \
        }                                                                                          \
    } while (0)

/* May a word of the filter's list start at `p` (and fit before `limit`)? FALSE: none does. */
static inline gboolean jb_lit_filter_may_start(const JbLitFilter *f, const char *p,
                                               const char *limit)
{
    if (p >= limit)
        return FALSE;
    if (limit - p >= 3 && jb_lits_hash_bit(f->heads, jb_lits_hash3(p)))
        return TRUE;
    return f->has_short && jb_lits_bit256(f->short_first, (guchar)*p);
}

/* May a word of the list end just before `p` (and start at or after `s`)? FALSE: none does. */
static inline gboolean jb_lit_filter_may_end(const JbLitFilter *f, const char *s, const char *p)
{
    if (p <= s)
        return FALSE;
    if (p - s >= 3 && jb_lits_hash_bit(f->tails, jb_lits_hash3(p - 3)))
        return TRUE;
    return f->has_short && jb_lits_bit256(f->short_last, (guchar)p[-1]);
}

#endif
