/* jb_dict_priv.h — the dictionary's insides, shared by jb_dict.c (loading, matching) and
 * jb_dict_scope.c (whose figure a statement is). Not for other modules: use jb_dict.h. */
#ifndef JB_DICT_PRIV_H
#define JB_DICT_PRIV_H

#include "jb_dict.h"
#include "jb_lits.h"

/* An alias of a metric, with its length measured once. */
typedef struct {
    const char *text; /* borrowed from the metric */
    gsize len;
} AliasRef;

/* The metrics of one unit, in file order, and all their aliases in that order (a JbDictUnit
 * of jb_dict.h). */
typedef struct JbDictUnit {
    const char *unit; /* jb_unit_base of the first metric's (borrowed or static) */
    gsize unit_len;
    GPtrArray *metrics;  /* JbMetric* (borrowed) */
    GArray *alias_start; /* guint per metric: its first alias in `aliases`; then the total */
    GArray *aliases;     /* AliasRef */
    /* the aliases by first character (tag: the alias's place in `aliases`), and the metric
     * of each: a context is read once for all of them, not once per alias (a dictionary of
     * hundreds of metrics made strstr per alias half the cost of extraction) */
    JbWordSet *alias_set;
    GArray *alias_metric;   /* guint per alias: its metric's place in `metrics` */
    GPtrArray *growth_base; /* per metric: its growth_of metric (borrowed), or NULL — found
                             * once, not by id for every growth figure (growth_match) */
    /* the metrics with a growth_of by each name (label or alias) of their base metric:
     * name (borrowed) → GArray of guint, their places in `metrics` in order; growth_match
     * looks a subject up once, not every name of every base (NULL: no growth metric) */
    GHashTable *growth_by_name;
} UnitBucket;

struct JbDict {
    GPtrArray *metrics; /* JbMetric*, in file order */
    char **subjects;
    char **growth_words;    /* [growth] words: 同比增长 增长 按年增长… */
    char **other_bases;     /* [growth] other_bases: 环比 按月 较上月… */
    JbWordSet *subject_set; /* the subjects, for scanning text */
    /* the filters of growth_words and other_bases (jb_lits.h): jb_dict.c's holds_any asks
     * them of the text around every figure whose metric is looked up */
    JbLitFilter growth_filter, other_filter;
    /* [scope]: whose figure a statement is (jb_dict_in_scope). owners: the places (tag i ≥ 0,
     * places[i]), home words (tag -1) and the home economy's regions (tag -2 - i, regions[i]
     * the region's first name); measures: bare measures (出口 进口额 用电量) */
    char **places;
    char **regions;
    JbWordSet *owners;
    JbWordSet *measures;
    /* what may open a clause before its own words (jb_dict_scope.c's only_time_and_openers):
     * JB_DICT_SCOPE_WORDS, then the openers (据 而 此外…), tag: the place in that order, so
     * the first of them at a place is the candidate with the smallest tag; and the time
     * characters (二季度 1—9月 今年以来), a bit per code point of the BMP */
    JbWordSet *lead_words;
    guint8 *time_chars;
    /* jb_dict_match runs for every number and looks only at the metrics of its unit; there
     * are a handful of units, so they are compared in turn rather than hashed */
    GArray *units;     /* UnitBucket, in order of first use */
    GHashTable *by_id; /* id → JbMetric* (borrowed): jb_dict_get runs for every growth figure */
};

/* Words after which an alias still names the whole metric (NULL-terminated). */
extern const char *const JB_DICT_SCOPE_WORDS[];

/* Build d->lead_words and d->time_chars (jb_dict_scope.c; jb_dict_parse calls it). */
void jb_dict_scope_prepare(JbDict *d);

/* Does an alias that starts at `at` in `hay` begin a metric there, not the tail of a
 * narrower one (制造业增加值 inside 高技术制造业增加值)? `subjects` NULL: anywhere. */
gboolean jb_dict_alias_starts_metric(const char *hay, const char *at, const JbWordSet *subjects);

#endif
