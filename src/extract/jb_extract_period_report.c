/* jb_extract_period_report.c — a periodic report's own times (本报告期, 报告期内, 年初至报告期末,
 * 报告期末, 上年度末), counted from the period the report covers: in the report itself (its
 * title names it: 2025年第三季度报告) or in a story about one (某公司披露三季报。2026年前三季度，…:
 * the span its figures open with).
 *
 * Not for: finding the report's period (jb_extract_frame.c reads the title, jb_extract_times.c
 * the story's opening), the scan that finds the words (jb_extract_period_words.c's time_word).
 */
#include "jb_extract_period_priv.h"

const char *report_time(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    const char *e;
    const JbPeriod *report = a->have_report ? &a->report : &a->story_report;
    JbPoint last = jb_point_of_days(jb_period_end_day(report) - 1);
    if ((e = any_lit(p, limit,
                     (const char *const[]){"年初至本报告期末", "年初至报告期末", "年初至本報告期末",
                                           "年初至報告期末", NULL}))) {
        t->p = jb_period_freq(report) == JB_FREQ_YEAR ? *report : months(last.year, 1, last.n);
        return e;
    }
    if ((e = any_lit(
             p, limit,
             (const char *const[]){"本报告期末", "报告期末", "本報告期末", "報告期末", NULL}))) {
        /* a stock at the report's end is the month's, as 9月末 and 年末 are (rounds 10 on) */
        t->p = months(last.year, last.n, last.n);
        return e;
    }
    if ((e = any_lit(p, limit,
                     (const char *const[]){"本报告期", "报告期内", "报告期", "本報告期", "報告期內",
                                           "報告期", NULL}))) {
        t->p = *report;
        return e;
    }
    /* (in a story, 上年末 is the year before the period in force: context_word's) */
    if (a->have_report &&
        (e = any_lit(p, limit,
                     (const char *const[]){"上年度末", "上年末", "上年年末", "上年度末", NULL}))) {
        t->p = jb_period_of((JbPoint){JB_POINT_DAY, last.year - 1, 12, 31});
        return e;
    }
    return NULL;
}
