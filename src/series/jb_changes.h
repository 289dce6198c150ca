/* jb_changes.h — what is new or changed between two series.csv: the briefing's 新增与变化.
 *
 * Rows are keyed by metric_id and period. A metric the earlier series lacks is new (each of
 * its rows a `new_metric` row); a period of a known metric is `new_period`; a row whose
 * value, bound, upper end, unit or forecast flag differs is `revised` (the old figure kept
 * beside the new); a row the later series lacks is `removed`.
 *
 * Not for: deciding which series counts as "before" (jianbao build keeps the series the last
 * change replaced: OUT/.previous-series.csv) or drawing the section (jb_report_changes.c).
 * Ownership: the caller owns the table returned.
 */
#ifndef JB_CHANGES_H
#define JB_CHANGES_H

#include "jb_table.h"

#include <glib.h>

/* kind,metric_id,label,period,unit,old_value,old_bound,old_value_high,old_forecast,value,
 * bound,value_high,forecast — in the order revised, new_period, new_metric, removed, each in
 * the later series' order (the earlier's for removed). */
extern const char *const JB_CHANGES_HEADER[];

/* The changes from `before` to `after` (series.csv tables; columns found by name). */
JbTable *jb_series_changes(const JbTable *before, const JbTable *after);

#endif
