/* jb_units.h — how a figure is shown, decided in one place for every stage.
 *
 * Chart, report and derive all show figures: an axis in 万亿元, a label 超4000亿, a KPI
 * 超1.2万亿元 with "为2022年的约3倍" under it, a derived multiple of 3 倍. Each rule lives
 * here once, so the stages never disagree (an axis in 亿美元 beside labels in 万亿):
 *  - the display unit (万, 亿, 万亿; M, B, T in the western style) for a base unit and a size;
 *  - the value label, as stated: the digits the source gave, never rounded below them and
 *    with their trailing zeros (7.0%, 2345.67亿, 1234.5万), a bound prefix (超 近 约), a
 *    range as 5%–5.5%;
 *  - exact decimal arithmetic (sums, differences, quotients rounded half away from zero),
 *    and the change between two figures (为…的约3倍, 较…增长50%, 比…高0.2个百分点).
 *
 * Not for: reading numbers out of text (jb_number) or choosing what to show (the stages).
 * Every returned string is owned by the caller (g_free) unless it says "static".
 */
#ifndef JB_UNITS_H
#define JB_UNITS_H

#include "jb_number.h"

#include <glib.h>

/* A figure as a source stated it. */
typedef struct {
    JbDecimal value; /* base units; a range's low end */
    JbDecimal high;  /* a range's high end; equal to value when not a range */
    JbBound bound;   /* exact for a range */
    gboolean range;
    int decimals; /* digits after the point as written in base units: "7.0" → 1, "400" → 0 */
    int high_decimals; /* the same for a range's high end */
} JbFigure;

/* A figure from series.csv cells: value (a plain decimal), bound (exact, at_least, at_most,
 * about, range or empty) and value_high (empty unless the bound is range; NULL for none).
 * FALSE when the value (or value_high) is not a plain decimal or the bound is unknown. */
gboolean jb_figure_parse(const char *value, const char *bound, const char *value_high,
                         JbFigure *out);
/* A computed figure (a sum, a total): no stated decimals. */
JbFigure jb_figure_of(JbDecimal v, JbBound bound);

/* Ratio units, which never scale: % ‰ 倍 百分点 (个百分点). */
gboolean jb_unit_is_ratio(const char *unit);
/* The spelling a unit is compared in: units metrics.csv keeps as the source wrote them but
 * that measure the same (元人民币, 元人民幣 → 元; 日历天 → 天); any other unit itself.
 * Static or `unit`. Dictionary matching, duplicates and reshape compare units through it. */
const char *jb_unit_base(const char *unit);
/* jb_unit_base(a) and jb_unit_base(b) are the same */
gboolean jb_unit_same(const char *a, const char *b);
/* The same amount, in one unit or in two units of a measure (3938.8万吨 and 787.8亿斤, 42500万千瓦
 * and 425GW) within the rounding of a restatement (1 %). Money never converts. */
gboolean jb_unit_same_amount(JbDecimal a, const char *ua, JbDecimal b, const char *ub);
/* Money: a unit containing 元 (元, 美元, 港元…), the only kind that is shown in 万亿. */
gboolean jb_unit_is_money(const char *unit);

/* The display unit for figures up to `max_abs` in `unit`: ratios never scale (""); money
 * takes 万亿 from 1万亿, 亿 from 1亿, 万 from 1万; other units (家, 个, 台（套）…) 亿 from
 * 1亿 and 万 from 1万, never 万亿 (14亿人, not 0.0014万亿人); "" below 1万. Static. */
const char *jb_units_display(const char *unit, double max_abs);
/* The same in the western style: "T" (money only), "B", "M" or "". Static. */
const char *jb_units_display_western(const char *unit, double max_abs);
/* The power of ten of a display unit: 万 4, 亿 8, 万亿 12, M 6, B 9, T 12, "" 0. */
int jb_units_display_exp(const char *display);
/* What an axis in `display` and `unit` is labelled: "万亿元", "万台（套）", "%"; western:
 * "元 (trillions)", "家 (millions)". */
char *jb_units_axis_text(const char *display, const char *unit, gboolean western);

/* The prefix of a bound: 超 ≤ 约 "" (western: > ≤ ~ ""): at_most is ≤ whatever word the
 * source used (近, 最高, 以下), since the bound keeps no more than "no more than". Static. */
const char *jb_units_bound_prefix(JbBound bound, gboolean western);

/* `v` in display unit `display`, exact: every significant digit, and — for a figure shown
 * in its base unit — the trailing zeros of `decimals` (7.0 stays 7.0). No grouping. */
char *jb_units_number(JbDecimal v, int decimals, const char *display);

typedef enum {
    JB_LABEL_WESTERN = 1 << 0,   /* 400B, >1.2T, >6,000家 */
    JB_LABEL_FULL_UNIT = 1 << 1, /* 4000亿元, not 4000亿: no axis states the unit */
    JB_LABEL_NO_UNIT = 1 << 2,   /* 1.2万亿, 5.9: the caller sets the unit apart */
    JB_LABEL_NO_BOUND = 1 << 3,  /* 1.2万亿 for 超1.2万亿: the caller sets the prefix apart */
} JbLabelStyle;

/* A figure as a label, in the display unit its own size takes: "超4000亿", "1.2万亿",
 * "170万", "超6000家", "5.9%", "7.0%", "5%–5.5%"; with JB_LABEL_FULL_UNIT "超4000亿元".
 * An `about` figure of more than six significant digits (约33.333333%, a fraction) shows
 * four. `style` is JbLabelStyle flags. */
char *jb_units_label(const JbFigure *f, const char *unit, guint style);

/* The label of jb_units_label (JB_LABEL_FULL_UNIT) in two parts, for a table that aligns its
 * numbers on the decimal point: the number with its bound ("超1.2", "5.9", "-2.5") and what
 * follows it ("万亿元", "%", "万家"). A range is all number ("5%–5.5%", unit ""). */
void jb_units_label_parts(const JbFigure *f, const char *unit, char **number, char **rest);

/* ---- exact arithmetic: FALSE when the result does not fit 18 digits ---- */
gboolean jb_units_add(JbDecimal a, JbDecimal b, JbDecimal *out);
gboolean jb_units_sub(JbDecimal a, JbDecimal b, JbDecimal *out);
/* a ÷ b rounded half away from zero to `decimals` places (0–12); FALSE when b is 0. */
gboolean jb_units_div(JbDecimal a, JbDecimal b, int decimals, JbDecimal *out);
/* The bound of f(a, b) for f increasing in a and decreasing in b (a − b, a ÷ b): at_least −
 * exact is at_least, at_least − at_least is about (two lower bounds bound nothing). */
JbBound jb_units_bound_of(JbBound a, JbBound b);

/* ---- change between two figures ---- */

typedef enum {
    JB_CHANGE_NONE,     /* no meaningful comparison (a zero base, a ratio unit other than %) */
    JB_CHANGE_MULTIPLE, /* last ÷ first ≥ 2, one decimal: "为2022年的约3倍", "×3" */
    JB_CHANGE_PERCENT,  /* (last ÷ first − 1) × 100, one decimal: "较2022年增长50%" */
    JB_CHANGE_POINTS,   /* for a % metric, last − first exactly: "比2022年高0.2个百分点" */
} JbChangeKind;

typedef struct {
    JbChangeKind kind;
    JbDecimal amount; /* the multiple, the percentage (signed) or the points (signed) */
    gboolean approx;  /* 约: a bound other than exact, or rounded */
} JbChange;

/* How `last` compares with `first` (values in `unit`). */
JbChange jb_units_change(const JbFigure *first, const JbFigure *last, const char *unit);
/* "为2022年的约3倍", "较2022年增长50%", "较2022年下降约20%", "比2022年高0.2个百分点",
 * "与2022年持平"; `since` is the first period as text. NULL for JB_CHANGE_NONE. */
char *jb_units_change_text(const JbChange *ch, const char *since);
/* The compact mark of a growth bracket: "×3", "+50%", "−20%", "+0.2个百分点"; NULL for
 * JB_CHANGE_NONE. */
char *jb_units_change_mark(const JbChange *ch);

#endif
