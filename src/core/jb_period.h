/* jb_period.h — the period a figure measures, in the one grammar every stage reads and
 * writes (README, "Periods"):
 *
 *   YYYY  YYYY-MM  YYYY-MM-DD      a calendar year, month or day
 *   YYYY-Qn  YYYY-Hn               a quarter (n = 1..4) or a half (n = 1..2)
 *   START/END                      an ISO 8601 interval of two of the forms above, START
 *                                  before END: 2021-01/2021-11 (cumulative 1—11月),
 *                                  2021/2025 (“十四五”), 2024-08-26/2024-08-30 (a week)
 *
 * Anything else is an error. A period is a pair of points (equal when it is not an
 * interval); each point has a kind (year, half, quarter, month, day) and covers whole days,
 * so periods compare and measure exactly (a chart's time axis is proportional to days).
 *
 * Not for: finding periods in text (jb_extract_period.c reads 上半年, 前三季度, 今年以来…).
 */
#ifndef JB_PERIOD_H
#define JB_PERIOD_H

#include <glib.h>

/* What one end of a period is, from the widest to the narrowest. */
typedef enum {
    JB_POINT_YEAR = 1,
    JB_POINT_HALF,
    JB_POINT_QUARTER,
    JB_POINT_MONTH,
    JB_POINT_DAY,
} JbPointKind;

typedef struct {
    JbPointKind kind;
    int year; /* 1000..9999 */
    int n;    /* half 1–2, quarter 1–4, month 1–12; 0 for a year */
    int day;  /* 1–31 for a day, else 0 */
} JbPoint;

typedef struct {
    JbPoint start, end; /* end equals start when the period is not an interval */
} JbPeriod;

/* How often a series of such periods recurs: what may share one series (README,
 * "Series have one frequency"). A cumulative period from January (2021-01/2021-10, 今年以来,
 * 前三季度) is year-to-date; one that runs a whole year (2021-01/2021-12) is a year. */
typedef enum {
    JB_FREQ_YEAR = 1,
    JB_FREQ_HALF,
    JB_FREQ_QUARTER,
    JB_FREQ_MONTH,
    JB_FREQ_DAY,
    JB_FREQ_YTD,  /* January to a month of the same year */
    JB_FREQ_SPAN, /* any other interval: 2021/2025, 2020/2021, a week */
} JbFreq;

/* The longest period string: "2024-08-26/2024-08-30" and its NUL. */
#define JB_PERIOD_STR_MAX 24

/* Parse `s` (the whole string, no spaces). FALSE with a JB_ERROR_INPUT error saying what is
 * wrong ("“2021H1” is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or
 * START/END)") when it is not of the grammar, a month or day does not exist, or END is not
 * after START. An interval whose ends are the same point is read as that point. */
gboolean jb_period_parse(const char *s, JbPeriod *out, GError **error);

/* Is `s` a period of the grammar? */
gboolean jb_period_valid(const char *s);

/* A period is valid when its points are (jb_period_parse makes only valid ones). */
gboolean jb_point_valid(const JbPoint *p);

/* The grammar's spelling into `buf` (at least JB_PERIOD_STR_MAX bytes); returns `buf`. */
char *jb_period_format(const JbPeriod *p, char *buf);

/* A single point as a period. */
JbPeriod jb_period_of(JbPoint p);

/* Days since 1970-01-01 of the first day a point or period covers, and of the day after its
 * last (so end - start is its length in days). */
gint64 jb_point_first_day(const JbPoint *p);
gint64 jb_point_end_day(const JbPoint *p);
gint64 jb_period_first_day(const JbPeriod *p);
gint64 jb_period_end_day(const JbPeriod *p);

/* The day `days` after 1970-01-01, and its weekday (0 Monday … 6 Sunday). */
JbPoint jb_point_of_days(gint64 days);
int jb_weekday(gint64 days);

/* A point moved by `n` of its own kind (a quarter back: n = -1), or by years. */
JbPoint jb_point_add(JbPoint p, int n);
JbPoint jb_point_add_years(JbPoint p, int n);

/* Order: by first day, then the longer first (2021 before 2021-H1 before 2021-Q1 before
 * 2021-01), then a point before an interval of the same days (2021 before 2021-01/2021-12);
 * 0 only for equal periods. */
int jb_period_cmp(const JbPeriod *a, const JbPeriod *b);
gboolean jb_period_equal(const JbPeriod *a, const JbPeriod *b);

JbFreq jb_period_freq(const JbPeriod *p);
/* "year" "half" "quarter" "month" "day" "ytd" "span" (static). */
const char *jb_freq_name(JbFreq f);

/* Does the period cover exactly one calendar year (2021, or 2021-01/2021-12)? */
gboolean jb_period_is_year(const JbPeriod *p);

/* The year a period belongs to on a yearly axis: the year of its last day. */
int jb_period_year(const JbPeriod *p);

/* How Chinese analysts write it (caller g_free()s): 2021年, 2021年上半年, 2021年第三季度,
 * 2021年5月, 2021年5月8日, 2021年1—10月, 2021—2025年, 2024年8月26日—30日. */
char *jb_period_label_cn(const JbPeriod *p);
/* A point without its year, appended to `s`: 上半年, 第三季度, 5月, 5月8日 (nothing for a year). */
void jb_point_rest_cn(GString *s, const JbPoint *p);
/* jb_period_label_cn of the period spelled `s`; a copy of `s` when it is not one. */
char *jb_period_text_cn(const char *s);

#endif
