/* jb_words.h — a small set of words, found in text by their first character.
 *
 * Extraction asks, at every character of every sentence holding a number, whether one of a
 * few dozen words (forecast and hedge words, the dictionary's subjects) starts there. Most
 * characters start none: one bit per first character (the BMP, 8 KiB) says so, and only the
 * words sharing the character at hand are then compared.
 *
 * Not for: large dictionaries or substring search in general (use strstr / memmem).
 * Ownership: a JbWordSet copies the words added to it; lookups return borrowed entries.
 */
#ifndef JB_WORDS_H
#define JB_WORDS_H

#include "jb_text.h"

#include <glib.h>
#include <string.h>

typedef struct {
    const char *text; /* the word, as added (the set's copy) */
    gsize len;        /* its bytes */
    int tag;          /* the caller's */
} JbWord;

/* The words of one first character, in the order they were added. */
typedef struct {
    gunichar c;
    guint n, cap;
    JbWord *words; /* NULL: an empty slot */
} JbWordBucket;

/* (Fields are the module's own: the struct is here only so that the test of the first
 * character and the look-up below can be inlined into the scanning loops.) */
typedef struct JbWordSet {
    guint8 first[65536 / 8]; /* a bit per first character (its code point modulo 2^16) */
    JbWordBucket *slots;     /* by first character (open addressing) */
    guint shift;             /* 32 - log2 of the slots (a power of two, over twice the used) */
    guint used;              /* slots holding a bucket */
    GStringChunk *texts;     /* the words' texts: one allocation for many */
} JbWordSet;

JbWordSet *jb_word_set_new(void);
void jb_word_set_free(JbWordSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbWordSet, jb_word_set_free)

/* Add a non-empty valid UTF-8 word; `tag` is returned with it. */
void jb_word_set_add(JbWordSet *set, const char *word, int tag);

/* The code point at `p` (p < end; valid UTF-8): jb_utf8_get's (0 when cut short by `end`). */
static inline gunichar jb_word_char_at(const char *s, const char *e)
{
    const char *next;
    return jb_utf8_get(s, e, &next);
}

/* The entries whose first character is `c` (jb_word_set_lookup, past its bitmap test). */
static inline const JbWord *jb_word_set_bucket(const JbWordSet *set, gunichar c, guint *n)
{
    guint mask = (1u << (32 - set->shift)) - 1;
    for (guint i = (guint)((c * 0x9E3779B1u) >> set->shift);; i = (i + 1) & mask) {
        const JbWordBucket *b = &set->slots[i];
        if (!b->words) {
            *n = 0;
            return NULL;
        }
        if (b->c == c) {
            *n = b->n;
            return b->words;
        }
    }
}

/* Or the set's first characters into `bits` (65536 / 8 bytes, a bit per code point modulo
 * 2^16, as JbWordSet.first): a filter for several sets looked up at the same places. */
void jb_word_set_or_firsts(const JbWordSet *set, guint8 *bits);

/* The words whose first character is the one at `p` (a character boundary of valid UTF-8),
 * in the order they were added: *n of them, or NULL when none. Whether each one is really
 * at `p` is for the caller to check: jb_word_at(). */
static inline const JbWord *jb_word_set_candidates(const JbWordSet *set, const char *p,
                                                   const char *end, guint *n);

/* The same for a character already decoded (jb_word_char_at): one decoding for several
 * sets. */
static inline const JbWord *jb_word_set_lookup(const JbWordSet *set, gunichar c, guint *n)
{
    *n = 0;
    if (!((set->first[(c & 0xFFFF) >> 3] >> (c & 7)) & 1))
        return NULL;
    return jb_word_set_bucket(set, c, n);
}

static inline const JbWord *jb_word_set_candidates(const JbWordSet *set, const char *p,
                                                   const char *end, guint *n)
{
    *n = 0;
    if (p >= end)
        return NULL;
    return jb_word_set_lookup(set, jb_word_char_at(p, end), n);
}

/* A set of the words of a NULL-terminated list (tags: their places in it). */
JbWordSet *jb_word_set_of(const char *const *words);

/* Where the first word of `set` in [a, z) begins (a and z character boundaries of valid
 * UTF-8), or NULL. */
const char *jb_word_set_find(const JbWordSet *set, const char *a, const char *z);

/* Does `w` occur at `p` (within [p, end))? (Its last byte first: the candidates share their
 * first character, most differ at their end, and a memcmp call per candidate showed in
 * profiles.) */
static inline gboolean jb_word_at(const JbWord *w, const char *p, const char *end)
{
    gsize n = w->len;
    return (gsize)(end - p) >= n &&
           (n == 0 || (p[n - 1] == w->text[n - 1] && memcmp(p, w->text, n) == 0));
}

#endif
