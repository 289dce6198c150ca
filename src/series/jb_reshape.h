/* jb_reshape.h — stage 2: from statements (metrics.csv) to series (series.csv).
 *
 * One value per metric and period. Statements of the same metric and period from several
 * articles merge into one row whose `sources` lists every article that states the kept
 * value; when they disagree the documented rule picks one (jb_reshape below) and every
 * other value is reported — as a warning line and as a row of a conflicts table.
 * Also: one base unit per metric, the display-unit hint for charts, filters and derived
 * series (jb_derive).
 *
 * Not for: finding statements (jb_extract), drawing them (jb_chart), series.csv's schema and
 * its wide layout (jb_series).
 */
#ifndef JB_RESHAPE_H
#define JB_RESHAPE_H

#include "jb_derive.h"
#include "jb_dict.h"
#include "jb_period.h"
#include "jb_series.h"
#include "jb_table.h"

#include <glib.h>

/* conflicts.csv columns, NULL-terminated: metric_id,period,kind,rule, then value, unit,
 * period, source and line (of metrics.csv) of the kept statement and of the other one.
 * kind is "value" (the other value lost under `rule`) or "unit" (the other statement is in
 * another unit than the metric's base unit and was left out). */
extern const char *const JB_CONFLICTS_HEADER[];

typedef struct {
    gboolean year_periods;       /* a year's figures on a year axis: "2021-01/2021-12" and an
                               * as-of day "2022-07-26" as "2022"; parts of a year (2022-06,
                               * 2022-H1, 2022-01/2022-10) keep their own period */
    gboolean include_unknown;    /* keep rows without a metric_id, keyed "unknown:SUBJECT:METRIC" */
    gboolean strict;             /* a malformed row is an error, not a skipped row */
    const char *const *metrics;  /* NULL, or keep only these ids and ids under them ("ai" keeps
                                  * "ai.enterprises"); NULL-terminated */
    const char *const *subjects; /* NULL, or keep only rows whose subject (or the dictionary
                                  * subject of their metric) is one of these */
    const char *since, *until;   /* NULL, or ISO partial dates: keep periods within, inclusive,
                                  * compared at the bound's precision ("2023" keeps 2023-06) */
    guint derive;                /* JbDerive flags: derived series appended to the result */
    JbTable *conflicts;          /* NULL, or a table with JB_CONFLICTS_HEADER that gets one row
                                  * per conflict (borrowed) */
    JbSpill *spill;              /* NULL, or where a long sources cell goes, the series keeping a
                                  * reference to it (jb_series.h; borrowed: the caller gives it
                                  * to the series made of the result). Not with `derive`. */
} JbReshapeOptions;

/* Merge the rows of `metrics` (any column order; metric_id, period, value and unit are
 * required columns, the others default: bound exact, forecast 0) into a new series table
 * sorted by metric and period. A malformed row (value not a plain decimal, period not
 * YYYY[-MM[-DD]], unknown bound, forecast not 0/1, a unit other than the metric's base unit)
 * is skipped with a "file:line: ..." warning in `warnings` (the channel, may be NULL) — or, with opt->strict, is the error (JB_ERROR_INPUT). Every conflict is a warning
 * too. The base unit of a metric is the dictionary's, else that of its first row.
 * Conflicts resolve by, in order: an actual value beats a forecast; a later stated period
 * beats an earlier one folded into the same year; an exact value beats a hedged one; the
 * later-published article wins; the later row wins. Rows are taken by their `source`
 * (bytewise), the rows of one source in table order, so the result (sources' order, base
 * units, ties, conflicts) does not depend on the order the articles' rows come in; the rows
 * of one article keep theirs (the later of two is the later in its text). `dict` (may be
 * NULL) supplies labels, units and subjects. NULL + JB_ERROR_INPUT when a required column
 * is missing. */
JbTable *jb_reshape(const JbTable *metrics, const JbDict *dict, const JbReshapeOptions *opt,
                    JbDiag *warnings, GError **error);

/* jb_reshape a row at a time, for rows that do not fit in memory at once (jianbao build reads
 * them article by article): memory is bounded by the series (its metrics and periods, and a
 * few bytes per row merged), not by the rows. The result is a function of the order rows are
 * fed in (a tie goes to the later one, a metric's base unit is its first row's): feed them
 * by source as jb_reshape does; every table fed to one reshaper has the columns of the first. jb_reshaper_finish gives what jb_reshape gives for
 * the same rows (the conflicts and warnings too); FALSE from an add means an error is waiting
 * there (a missing column, a malformed row under opt->strict). `opt` is copied (its tables
 * borrowed), `warnings` borrowed; the caller frees the reshaper after finishing. */
typedef struct JbReshaper JbReshaper;
JbReshaper *jb_reshaper_new(const JbDict *dict, const JbReshapeOptions *opt, JbDiag *warnings);
gboolean jb_reshaper_add(JbReshaper *r, const JbTable *metrics, guint row);
/* The same, the row said to be line `line` of `file` (in messages and conflicts.csv). */
gboolean jb_reshaper_add_as(JbReshaper *r, const JbTable *metrics, guint row, const char *file,
                            guint line);
/* The rows added next are of the article at `path`, which the caller keeps until
 * jb_reshaper_free: a row whose source is `path` names it by `path` itself, no copy, and
 * the path is not remembered, so the article's rows must come together and no other rows
 * (before or after) may name it as their source (optional; 100000 articles' paths, copied
 * or looked up, were 4 MB and then 2.6 MB of jianbao build's peak). */
void jb_reshaper_article(JbReshaper *r, const char *path);
JbTable *jb_reshaper_finish(JbReshaper *r, GError **error);
void jb_reshaper_free(JbReshaper *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbReshaper, jb_reshaper_free)

#endif
