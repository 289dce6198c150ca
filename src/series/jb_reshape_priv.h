/* jb_reshape_priv.h — what jb_reshape.c and jb_reshape_obs.c share: an observation (a row of
 * metrics.csv read for the series), the columns it is read from, and its rules.
 */
#ifndef JB_RESHAPE_PRIV_H
#define JB_RESHAPE_PRIV_H

#include "jb_reshape.h"

#include "jb_number.h"
#include "jb_period.h"

/* The bound of a range statement in metrics.csv and series.csv (not a JbBound: a range is
 * an exact low and high end). */
#define RANGE_BOUND "range"

typedef struct {
    char *key, *label, *period, *stated, *unit, *published, *source, *value_text, *high_text;
    JbDecimal value, high;
    JbBound bound;
    gboolean range;
    JbPeriod when; /* `period` parsed: the series' period */
    JbPeriod stated_when;
    gboolean forecast;
    guint line;
    guint seq;        /* its place among the rows fed to the reshaper, from 1 (a tie's "later
                       * row"; not `line`, which is of its own file) */
    const char *file; /* the metrics.csv it came from (borrowed from the table) */
} Obs;

/* Frees `o` and its strings. */
void jb_obs_free(Obs *o);
/* Which of two disagreeing observations to keep: >0 prefers a, <0 prefers b; never 0 (the
 * later row fed wins a tie: the larger seq). *rule names the rule that decided. */
int jb_obs_preference(const Obs *a, const Obs *b, const char **rule);
/* Do two statements of one metric and period say the same, given their bounds? 超5000亿 and
 * 5123.45亿 do (the bound holds); 约5000亿 and 5123.45亿 too (within 5 %); a range holds
 * what lies in it. */
gboolean jb_obs_agree(const Obs *a, const Obs *b);

typedef struct {
    int id, period, value, unit, bound, forecast, source, published, subject, metric, high;
} MetricCols;

/* One row of metrics.csv → an Obs, or NULL: filtered out (*why stays NULL) or malformed
 * (*why says what is wrong). */
Obs *jb_obs_read(const JbTable *m, guint r, const MetricCols *c, const JbDict *dict,
                 const JbReshapeOptions *opt, char **why);

#endif
