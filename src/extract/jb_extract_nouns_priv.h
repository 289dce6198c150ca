/* jb_extract_nouns_priv.h — the names that hold a forecast word (人均预期寿命, 货币政策预期: a
 * name, no forecast), for the sentence's keywords (jb_extract_statement.c); jb_extract_nouns.c. */
#ifndef JB_EXTRACT_NOUNS_PRIV_H
#define JB_EXTRACT_NOUNS_PRIV_H

#include "jb_extract_priv.h"

/* Where each of the `n` forecast words (the words of `set`, tags [0, n): the keyword set before
 * any other word is added) sits in the names of jb_words_forecast_noun: once per process. */
void jb_extract_forecast_nouns_index(const JbWordSet *set, int n);

/* Is the forecast word hit `h` of the sentence [a, b) inside one of those names? */
gboolean jb_extract_in_forecast_noun(const char *a, const WordHit *h, const char *b);

#endif
