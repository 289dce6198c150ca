/* jb_dict.h — the metric dictionary: which phrase in an article names which metric.
 *
 * Loaded from templates/metrics.ini (a GKeyFile; its header comment documents the format).
 * extract uses it to give statements a canonical metric_id; reshape and chart use it for
 * labels and units.
 *
 * Not for: finding numbers or subjects in text (jb_number, jb_extract).
 * Ownership: a JbDict owns its entries; lookups return borrowed pointers into it.
 */
#ifndef JB_DICT_H
#define JB_DICT_H

#include "jb_words.h"

#include <glib.h>

typedef struct {
    char *id;        /* "ai.core_industry_size" */
    char *label;     /* "人工智能核心产业规模" */
    char *unit;      /* base unit, "元" */
    char *subject;   /* "" when any subject will do */
    char **aliases;  /* NULL-terminated */
    char *part_of;   /* the metric this one is a part of ("" for none): the only thing that
                      * lets a chart sum metrics (donut, stacked bars) */
    char *growth_of; /* the metric this one is the growth rate of ("" for none): a statement
                      * whose subject names that metric and whose words say growth
                      * (同比增长…, the [growth] words) is this metric's even when its clause
                      * does not repeat the name: 社会消费品零售总额41.2万亿元，同比增长4.1% */
    gboolean daily;  /* a figure of one day (daily=true: a market's move, a day's operations):
                      * never folded into its year the way a level as of a day is */
    char **scope;    /* whose figure it is (scope=, NULL-terminated): empty for the home
                      * economy's ([scope] home: 我国 全国 内地…), else the [scope] places it
                      * is of (香港;本港) */
    gboolean anyone; /* scope=any: anyone's (a named index, a commodity, a tariff) */
} JbMetric;

typedef struct JbDict JbDict;

/* Errors (JB_ERROR_INPUT, naming `source`): a metric without label or unit, a part_of or
 * growth_of naming no metric (or, for part_of, another unit or a loop). A phrase two metrics
 * of one unit claim goes to the later one (a project's metric over the shipped one it
 * extends); the shipped dictionary claims none twice (tests/unit/test_dict.c). */
JbDict *jb_dict_load(const char *path, GError **error);
JbDict *jb_dict_parse(const char *source, const char *data, gsize len, GError **error);
void jb_dict_free(JbDict *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbDict, jb_dict_free)

/* The number of metrics, and the i-th in file order (borrowed). */
guint jb_dict_n_metrics(const JbDict *d);
const JbMetric *jb_dict_nth(const JbDict *d, guint i);
/* The metric with this id, or NULL; a region's figure, ID@REGION (macro.gdp@广东省), is
 * ID's. Borrowed. */
const JbMetric *jb_dict_get(const JbDict *d, const char *id);
/* Subject words (NULL-terminated, borrowed). */
const char *const *jb_dict_subjects(const JbDict *d);
/* The same subject words as a set for scanning text (tag: the index in jb_dict_subjects).
 * Borrowed. */
const JbWordSet *jb_dict_subject_set(const JbDict *d);

/* The metric named in `context` (the text of a sentence up to a number), in `unit`, whose
 * subject (if any) is `subject`: the alias ending nearest the end of `context` wins, a
 * longer alias breaking ties, then the later metric. An alias counts only where it begins the metric, not as the
 * tail of a narrower one (制造业增加值 in 高技术制造业增加值, 汽车产量 in 新能源汽车产量):
 * after a scope (全国 内地), a subject word, a link word or punctuation. A change on another
 * base after it (the [growth] other_bases: CPI环比上涨0.2% is not the year-on-year CPI)
 * matches nothing. Failing an alias, a growth_of metric whose base metric `subject` names
 * (its label or an alias) matches a growth word of `context`. NULL when none matches.
 * Borrowed. */
const JbMetric *jb_dict_match(const JbDict *d, const char *context, const char *subject,
                              const char *unit);
/* Is a statement of metric `m` in `sentence` (a figure at `at`) of m's scope: does no word
 * before it give its figure another owner? The owner is the last [scope] place or home word
 * of the clause before m's alias (美国第二季度GDP增长3%: 美国's GDP), not one after a
 * preposition (对美国出口); a clause that opens with m's alias (after time words:
 * 二季度GDP增长2.8%) carries the owner of the clause before: a place or home word opening it
 * (美国商务部公布，…), or, for an alias that begins with a [scope] measure (进口额), the words
 * before the last measure there (集成电路出口额增长21%，进口额增长14%: the chips', a thing
 * the dictionary has no metric of; 全国出口额…，进口额… the nation's). TRUE for scope=any.
 * An owner that is a region of the home economy ([scope] regions: 全省, 广东省, 成都) makes
 * a home metric's figure that region's: TRUE, and `*region` (when `region` is not NULL) is
 * the region's name, borrowed; else *region is NULL. */
gboolean jb_dict_in_scope(const JbDict *d, const JbMetric *m, const char *sentence, const char *at,
                          const char **region);

/* jb_dict_match, and with `whole` FALSE an alias counts anywhere (a member of a 分别 list
 * shares a noun that a modifier of another member precedes). */
const JbMetric *jb_dict_match_in(const JbDict *d, const char *context, const char *subject,
                                 const char *unit, gboolean whole);
/* The dictionary's metrics in `unit` (its base: 元人民币 is 元), or NULL when it has none
 * (nothing in that unit matches); borrowed. A figure's contexts are matched with it one after
 * another (jb_dict_match_unit) without looking the unit up again for each. */
typedef struct JbDictUnit JbDictUnit;
const JbDictUnit *jb_dict_unit(const JbDict *d, const char *unit);
/* jb_dict_match_in of the metrics of `u` (not NULL). */
const JbMetric *jb_dict_match_unit(const JbDict *d, const JbDictUnit *u, const char *context,
                                   const char *subject, gboolean whole);

#endif
