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

#include <glib.h>
#include <string.h>

typedef struct {
    const char *text; /* the word, as added (the set's copy) */
    gsize len;        /* its bytes */
    int tag;          /* the caller's */
} JbWord;

typedef struct JbWordSet JbWordSet;

JbWordSet *jb_word_set_new(void);
void jb_word_set_free(JbWordSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbWordSet, jb_word_set_free)

/* Add a non-empty valid UTF-8 word; `tag` is returned with it. */
void jb_word_set_add(JbWordSet *set, const char *word, int tag);

/* The words whose first character is the one at `p` (a character boundary of valid UTF-8,
 * p < end), in the order they were added: *n of them, or NULL when none. Whether each one
 * is really at `p` is for the caller to check: jb_word_at(). */
const JbWord *jb_word_set_candidates(const JbWordSet *set, const char *p, const char *end,
                                     guint *n);

/* Does `w` occur at `p` (within [p, end))? */
static inline gboolean jb_word_at(const JbWord *w, const char *p, const char *end)
{
    return (gsize)(end - p) >= w->len && memcmp(p, w->text, w->len) == 0;
}

#endif
