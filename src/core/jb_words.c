#include "jb_words.h"

/* The words of one first character, in the order they were added (their texts are the set's). */
typedef struct {
    gunichar c;
    GArray *words; /* JbWord */
} JbWordBucket;

/* A character's first slot: Fibonacci hashing (CJK code points are dense runs). */
static inline guint slot_of(const JbWordSet *set, gunichar c)
{
    return (guint)((c * 0x9E3779B1u) >> set->shift);
}

JbWordSet *jb_word_set_new(void)
{
    JbWordSet *set = g_new0(JbWordSet, 1);
    set->buckets = g_array_new(FALSE, FALSE, sizeof(JbWordBucket));
    set->shift = 32 - 4;
    set->slots = g_new0(guint32, 1u << 4);
    return set;
}

void jb_word_set_free(JbWordSet *set)
{
    if (!set)
        return;
    for (guint b = 0; b < set->buckets->len; b++) {
        GArray *words = g_array_index(set->buckets, JbWordBucket, b).words;
        for (guint i = 0; i < words->len; i++)
            g_free((char *)g_array_index(words, JbWord, i).text);
        g_array_unref(words);
    }
    g_array_unref(set->buckets);
    g_free(set->slots);
    g_free(set);
}

/* The slot holding character c's bucket, or the empty slot where it would go. */
static guint find_slot(const JbWordSet *set, gunichar c)
{
    guint mask = (1u << (32 - set->shift)) - 1;
    for (guint i = slot_of(set, c);; i = (i + 1) & mask) {
        guint32 v = set->slots[i];
        if (!v || g_array_index(set->buckets, JbWordBucket, v - 1).c == c)
            return i;
    }
}

void jb_word_set_add(JbWordSet *set, const char *word, int tag)
{
    g_return_if_fail(word && *word && g_utf8_validate(word, -1, NULL));
    gunichar c = g_utf8_get_char(word);
    guint i = find_slot(set, c);
    if (!set->slots[i]) {
        JbWordBucket b = {c, g_array_new(FALSE, FALSE, sizeof(JbWord))};
        g_array_append_val(set->buckets, b);
        set->slots[i] = set->buckets->len;
        guint nslots = 1u << (32 - set->shift);
        if (set->buckets->len * 2 > nslots) { /* (keep probes short: rehash at half full) */
            g_free(set->slots);
            set->shift--;
            set->slots = g_new0(guint32, nslots * 2);
            for (guint k = 0; k < set->buckets->len; k++)
                set->slots[find_slot(set, g_array_index(set->buckets, JbWordBucket, k).c)] = k + 1;
            i = find_slot(set, c);
        }
    }
    JbWord w = {g_strdup(word), strlen(word), tag};
    g_array_append_val(g_array_index(set->buckets, JbWordBucket, set->slots[i] - 1).words, w);
    set->first[(c & 0xFFFF) >> 3] |= (guint8)(1u << (c & 7));
}

/* The entries whose first character is `c` (jb_word_set_candidates, past its bitmap test). */
const JbWord *jb_word_set_bucket(const JbWordSet *set, gunichar c, guint *n)
{
    guint32 v = set->slots[find_slot(set, c)];
    if (!v) {
        *n = 0;
        return NULL;
    }
    const GArray *words = g_array_index(set->buckets, JbWordBucket, v - 1).words;
    *n = words->len;
    return (const JbWord *)(const void *)words->data;
}

void jb_word_set_or_firsts(const JbWordSet *set, guint8 *bits)
{
    for (gsize i = 0; i < sizeof set->first; i++)
        bits[i] |= set->first[i];
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
    for (const char *p = a, *next; p < z; p = next) { /* (next: p + its length, or z if cut) */
        gunichar c;
        if (((guchar)*p & 0xF0) == 0xE0 && z - p >= 3) { /* (CJK: no length to work out) */
            c = jb_utf8_get3(p);
            next = p + 3;
        } else {
            c = jb_utf8_get(p, z, &next);
        }
        guint n;
        const JbWord *w = jb_word_set_lookup(set, c, &n);
        for (guint i = 0; i < n; i++)
            if (jb_word_at(&w[i], p, z))
                return p;
    }
    return NULL;
}
