#include "jb_words.h"

struct JbWordSet {
    guint8 first[65536 / 8]; /* a bit per first character (its code point modulo 2^16) */
    GArray *words;           /* JbWord, ordered by first character, stable */
    GArray *firsts;          /* gunichar: the first character of each entry of `words` */
};

JbWordSet *jb_word_set_new(void)
{
    JbWordSet *set = g_new0(JbWordSet, 1);
    set->words = g_array_new(FALSE, FALSE, sizeof(JbWord));
    set->firsts = g_array_new(FALSE, FALSE, sizeof(gunichar));
    return set;
}

void jb_word_set_free(JbWordSet *set)
{
    if (!set)
        return;
    for (guint i = 0; i < set->words->len; i++)
        g_free((char *)g_array_index(set->words, JbWord, i).text);
    g_array_unref(set->words);
    g_array_unref(set->firsts);
    g_free(set);
}

void jb_word_set_add(JbWordSet *set, const char *word, int tag)
{
    g_return_if_fail(word && *word && g_utf8_validate(word, -1, NULL));
    gunichar c = g_utf8_get_char(word);
    /* insert after the last word with the same or a smaller first character */
    guint at = set->firsts->len;
    while (at > 0 && g_array_index(set->firsts, gunichar, at - 1) > c)
        at--;
    JbWord w = {g_strdup(word), strlen(word), tag};
    g_array_insert_val(set->words, at, w);
    g_array_insert_val(set->firsts, at, c);
    set->first[(c & 0xFFFF) >> 3] |= (guint8)(1u << (c & 7));
}

/* The code point at `p`, decoded by hand: this runs for every character of a sentence, and
 * the text is known to be valid UTF-8 (g_utf8_get_char is a call and a loop). */
static inline gunichar char_at(const guchar *p, const guchar *end)
{
    guchar b = p[0];
    if (b < 0x80)
        return b;
    if (b < 0xE0)
        return end - p >= 2 ? ((gunichar)(b & 0x1F) << 6) | (p[1] & 0x3F) : 0;
    if (b < 0xF0)
        return end - p >= 3 ? ((gunichar)(b & 0x0F) << 12) | ((gunichar)(p[1] & 0x3F) << 6) |
                                  (p[2] & 0x3F)
                            : 0;
    return end - p >= 4 ? ((gunichar)(b & 0x07) << 18) | ((gunichar)(p[1] & 0x3F) << 12) |
                              ((gunichar)(p[2] & 0x3F) << 6) | (p[3] & 0x3F)
                        : 0;
}

const JbWord *jb_word_set_candidates(const JbWordSet *set, const char *p, const char *end,
                                     guint *n)
{
    *n = 0;
    if (p >= end)
        return NULL;
    gunichar c = char_at((const guchar *)p, (const guchar *)end);
    if (!((set->first[(c & 0xFFFF) >> 3] >> (c & 7)) & 1))
        return NULL;
    const gunichar *firsts = (const gunichar *)(void *)set->firsts->data;
    guint lo = 0, hi = set->firsts->len;
    while (lo < hi) { /* the first entry whose character is >= c */
        guint mid = lo + (hi - lo) / 2;
        if (firsts[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    guint k = lo;
    while (k < set->firsts->len && firsts[k] == c)
        k++;
    *n = k - lo;
    return *n ? &g_array_index(set->words, JbWord, lo) : NULL;
}
