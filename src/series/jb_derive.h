/* jb_derive.h — series computed from series: change, growth multiple, CAGR, year-on-year;
 * and the display-unit hint (万, 亿, 万亿) that tells the chart stage how to scale a metric.
 *
 * Each derived series is computed per metric, over its periods in order, between a period
 * and the one before it (year-on-year: the same month or day one year before). Formulas, with
 * v₀ at period p₀ and v₁ at the next period p₁ (README "Derived series" says the same):
 *   ID.change    v₁ − v₀, exact, in the metric's unit (percentage points for a % metric)
 *   ID.multiple  v₁ ÷ v₀, in 倍, two decimals
 *   ID.cagr      ((v₁ ÷ v₀)^(1 ÷ years) − 1) × 100, in %, two decimals; years = p₁ − p₀ with a
 *                month as 1/12 and a day as 1/365 of a year
 *   ID.yoy       (v₁ ÷ v₀ − 1) × 100, in %, two decimals, where p₀ is p₁ one year earlier
 * multiple, cagr and yoy need v₀ > 0 and v₁ ≥ 0 and are not computed for ratio metrics
 * (%, ‰, 倍, 个百分点). A derived value is a forecast when either end is; its bound follows
 * from the ends' bounds (at_least − exact is at_least, at_least − at_least is about…).
 *
 * The display unit and the arithmetic are jb_units' (one rule for derive, chart and report).
 *
 * Not for: merging statements (jb_reshape) or formatting labels (jb_units).
 */
#ifndef JB_DERIVE_H
#define JB_DERIVE_H

#include "jb_number.h"
#include "jb_units.h"
#include "jb_table.h"

#include <glib.h>

typedef enum {
    JB_DERIVE_CHANGE = 1 << 0,
    JB_DERIVE_MULTIPLE = 1 << 1,
    JB_DERIVE_CAGR = 1 << 2,
    JB_DERIVE_YOY = 1 << 3,
    JB_DERIVE_ALL = 0xf,
} JbDerive;

/* "change,multiple,cagr,yoy" (any subset, comma-separated, or "all") → flags ORed into *flags.
 * FALSE with JB_ERROR_USAGE naming the unknown word. */
gboolean jb_derive_parse(const char *list, guint *flags, GError **error);

/* Derived rows for every metric in `series` (series.csv columns, any order, rows of a metric
 * sorted by period — as jb_reshape writes them), in a new table with series' header; the
 * display_unit column, when present, is filled for the new rows. Rows whose metric_id is
 * already derived (ends in .change, .multiple, .cagr, .yoy) are not derived again. */
JbTable *jb_derive(const JbTable *series, guint flags);

#endif
