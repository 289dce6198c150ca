/* jb_reshape.h — stage 2: from statements (metrics.csv) to series (series.csv).
 *
 * One value per metric and period. Statements of the same metric_id and period from
 * several articles merge into one row whose `sources` lists every article; when they
 * disagree the documented rule picks one (see jb_reshape) and the conflict is reported.
 *
 * Not for: finding statements (jb_extract) or drawing them (jb_chart).
 */
#ifndef JB_RESHAPE_H
#define JB_RESHAPE_H

#include "jb_dict.h"
#include "jb_table.h"

#include <glib.h>

/* series.csv columns, NULL-terminated:
 * metric_id,label,period,value,unit,bound,forecast,sources */
extern const char *const JB_SERIES_HEADER[];

typedef struct {
    gboolean year_periods; /* chart "2022-06" and "2022-07-26" on a year axis as "2022" */
} JbReshapeOptions;

/* Merge the rows of `metrics` (any column order; metric_id, period, value and unit are
 * required columns, the others default) into a new series table sorted by metric and period.
 * Rows without a metric_id are left out. A malformed row is skipped with a
 * "file:line: ..." message appended to `warnings` (char*, caller-owned array); so is
 * every conflict. Conflicts resolve by: an actual value beats a forecast; then an exact
 * value beats a hedged one; then the later-published article wins.
 * `dict` (may be NULL) supplies labels. NULL + JB_ERROR_INPUT when a required column is
 * missing. */
JbTable *jb_reshape(const JbTable *metrics, const JbDict *dict, const JbReshapeOptions *opt,
                    GPtrArray *warnings, GError **error);

#endif
