#include "jb_words.h"

JbWordSet *jb_word_set_new(void)
{
    JbWordSet *set = g_new0(JbWordSet, 1);
    set->shift = 32 - 4;
    set->slots = g_new0(JbWordBucket, 1u << 4);
    set->texts = g_string_chunk_new(512);
    return set;
}

void jb_word_set_free(JbWordSet *set)
{
    if (!set)
        return;
    for (guint i = 0, nslots = 1u << (32 - set->shift); i < nslots; i++)
        g_free(set->slots[i].words);
    g_free(set->slots);
    g_string_chunk_free(set->texts);
    g_free(set);
}

/* The slot holding character c's bucket, or the empty slot where it would go: Fibonacci
 * hashing (CJK code points are dense runs), as jb_word_set_bucket's. */
static guint find_slot(const JbWordBucket *slots, guint shift, gunichar c)
{
    guint mask = (1u << (32 - shift)) - 1;
    for (guint i = (guint)((c * 0x9E3779B1u) >> shift);; i = (i + 1) & mask)
        if (!slots[i].words || slots[i].c == c)
            return i;
}

/* Twice the slots, each bucket moved to its place among them. */
static void grow_slots(JbWordSet *set)
{
    guint nslots = 1u << (32 - set->shift);
    JbWordBucket *old = set->slots;
    set->shift--;
    set->slots = g_new0(JbWordBucket, (gsize)nslots * 2);
    for (guint k = 0; k < nslots; k++)
        if (old[k].words)
            set->slots[find_slot(set->slots, set->shift, old[k].c)] = old[k];
    g_free(old);
}

/* (Built once per process for each list and the dictionary's: a few thousand words, each
 * text in the set's string chunk and each bucket's words in one array grown by doubling, not
 * a GArray and a copy per word.) */
void jb_word_set_add(JbWordSet *set, const char *word, int tag)
{
    g_return_if_fail(word && *word && g_utf8_validate(word, -1, NULL));
    gsize len = strlen(word);
    const char *next;
    gunichar c = jb_utf8_get(word, word + len, &next);
    guint i = find_slot(set->slots, set->shift, c);
    if (!set->slots[i].words) {
        if ((set->used + 1) * 2 > 1u << (32 - set->shift)) { /* (short probes: half full) */
            grow_slots(set);
            i = find_slot(set->slots, set->shift, c);
        }
        set->used++;
        set->slots[i] = (JbWordBucket){c, 0, 2, g_new(JbWord, 2)};
    }
    JbWordBucket *b = &set->slots[i];
    if (b->n == b->cap) {
        b->cap *= 2;
        b->words = g_renew(JbWord, b->words, b->cap);
    }
    b->words[b->n++] = (JbWord){g_string_chunk_insert_len(set->texts, word, (gssize)len), len, tag};
    set->first[(c & 0xFFFF) >> 3] |= (guint8)(1u << (c & 7));
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
