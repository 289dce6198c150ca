/* jb_suggest.h — what the dictionary does not know: the metric phrases of metrics.csv's
 * unnamed statements, most frequent first, and a metrics.ini stub that names them.
 *
 * A statement extract could not name has its phrase in the `metric` column (道指涨,
 * 勞動人口為, 同比增长). The phrase is cut to the words that name something: words of change
 * and linking at its end (涨 增长 报 为 达到 …) and of scope at its start (全国 今年 其中 …)
 * are dropped, and a phrase left with fewer than two characters (同比增长 alone, 报) names
 * nothing and is not suggested. Phrases are counted per unit (出口 in 元 and in % are two
 * metrics), skipping any the dictionary given would name now.
 *
 * Not for: matching statements to metrics (jb_dict), extracting them (jb_extract).
 * Ownership: the array owns its JbSuggestion entries and their strings.
 */
#ifndef JB_SUGGEST_H
#define JB_SUGGEST_H

#include "jb_dict.h"
#include "jb_table.h"

#include <glib.h>

typedef struct {
    char *phrase;  /* 失業率 */
    char *unit;    /* % */
    guint count;   /* statements */
    guint sources; /* articles stating it */
    char *quote;   /* the first statement's quote */
    char *source;  /* and its article */
} JbSuggestion;

typedef struct {
    guint rows;    /* statements read */
    guint known;   /* with a metric id, or one `dict` would give now */
    guint unnamed; /* the rest whose phrase names something */
} JbSuggestTotals;

/* The unknown phrases of `metrics` (rows of one or more metrics.csv), most statements first,
 * then most articles, then the phrase bytewise. `dict` may be NULL. JB_ERROR_INPUT when
 * `metrics` lacks a metric or unit column. Caller unrefs. */
GPtrArray *jb_suggest(const JbTable *metrics, const JbDict *dict, JbSuggestTotals *totals,
                      GError **error);

/* The phrase of a metric cell, cut to what names something ("" when nothing does).
 * Caller g_free()s. */
char *jb_suggest_phrase(const char *metric);

/* A metrics.ini that extends `extends` with a metric for each of the first `n` suggestions:
 * id mine.mNN, the phrase as label and alias, the unit, and a comment with its count and an
 * example quote. Caller frees. */
GString *jb_suggest_stub(const GPtrArray *suggestions, guint n, const char *extends);

#endif
