#include "jb_words.h"

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

/* The entries whose first character is `c` (jb_word_set_candidates, past its bitmap test). */
const JbWord *jb_word_set_bucket(const JbWordSet *set, gunichar c, guint *n)
{
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

JbWordSet *jb_word_set_of(const char *const *words)
{
    JbWordSet *set = jb_word_set_new();
    for (int i = 0; words[i]; i++)
        jb_word_set_add(set, words[i], i);
    return set;
}

const char *jb_word_set_find(const JbWordSet *set, const char *a, const char *z)
{
    for (const char *p = a; p < z;) {
        gunichar c = jb_word_char_at(p, z);
        guint n;
        const JbWord *w = jb_word_set_lookup(set, c, &n);
        for (guint i = 0; i < n; i++)
            if (jb_word_at(&w[i], p, z))
                return p;
        p += jb_utf8_len((guchar)*p);
    }
    return NULL;
}
