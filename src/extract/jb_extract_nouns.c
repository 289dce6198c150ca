/* jb_extract_nouns.c — the names of templates/words.tsv's forecast_noun list (人均预期寿命,
 * 货币政策预期) that hold a forecast word: a hit inside one is a name, no forecast. Where each
 * forecast word first sits in each name (预期 at byte 6 of 人均预期寿命) is found once, with
 * the keywords (jb_extract_statement.c's keyword_set): a hit only tests the names that hold
 * its word. See jb_extract_nouns_priv.h.
 */
#include "jb_extract_nouns_priv.h"
#include "jb_word_lists.h"

#include <string.h>

/* A name of jb_words_forecast_noun and where a forecast word sits in it: noun_at[k] for k in
 * [noun_from[i], noun_from[i + 1]) are forecast word i's (kept for the life of the process). */
typedef struct {
    const char *noun;
    gsize off;
} NounAt;
static NounAt *noun_at;
static guint *noun_from;

/* By word, then by name: the names' characters looked up in `set`, not a strstr of every word
 * in every name (217 words by 107 names was most of the keywords' build). */
void jb_extract_forecast_nouns_index(const JbWordSet *set, int n)
{
    GArray *found = g_array_new(FALSE, FALSE, sizeof(NounAt)); /* by name, then place */
    GArray *word = g_array_new(FALSE, FALSE, sizeof(int));     /* found[k]'s forecast word */
    int *last = g_new(int, (gsize)n); /* the last name word i was found in */
    for (int i = 0; i < n; i++)
        last[i] = -1;
    for (int j = 0; jb_words_forecast_noun[j]; j++) {
        const char *noun = jb_words_forecast_noun[j], *end = noun + strlen(noun);
        for (const char *p = noun; p < end; p = g_utf8_next_char(p)) {
            guint nw;
            const JbWord *w = jb_word_set_candidates(set, p, end, &nw);
            for (guint k = 0; k < nw; k++)
                if (last[w[k].tag] != j && jb_word_at(&w[k], p, end)) {
                    last[w[k].tag] = j; /* (the first place in the name, as strstr's) */
                    NounAt x = {noun, (gsize)(p - noun)};
                    g_array_append_val(found, x);
                    g_array_append_val(word, w[k].tag);
                }
        }
    }
    /* grouped by word, each group in the names' order (a counting sort: stable) */
    noun_from = g_new0(guint, (gsize)n + 1);
    for (guint k = 0; k < word->len; k++)
        noun_from[g_array_index(word, int, k) + 1]++;
    for (int i = 0; i < n; i++)
        noun_from[i + 1] += noun_from[i];
    noun_at = g_new(NounAt, found->len ? found->len : 1);
    for (int i = 0; i < n; i++)
        last[i] = (int)noun_from[i]; /* (now the next place of word i's group) */
    for (guint k = 0; k < found->len; k++)
        noun_at[last[g_array_index(word, int, k)]++] = g_array_index(found, NounAt, k);
    g_free(last);
    g_array_free(word, TRUE);
    g_array_free(found, TRUE);
}

gboolean jb_extract_in_forecast_noun(const char *a, const WordHit *h, const char *b)
{
    for (guint k = noun_from[h->tag]; k < noun_from[h->tag + 1]; k++) {
        gsize off = noun_at[k].off;
        if ((gsize)(h->at - a) >= off && starts(h->at - off, b, noun_at[k].noun))
            return TRUE;
    }
    return FALSE;
}
