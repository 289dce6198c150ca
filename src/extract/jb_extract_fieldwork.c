/* jb_extract_fieldwork.c — when a survey was done, as its report says (本次调查于2026年10月在
 * 全国36个城市开展, 本次调研于2026年11月通过线上问卷开展, 调查时间为2026年9月至10月): the
 * period of the findings it reports, which name no time of their own; not the year in the
 * report's name (《2026年中国城市居民睡眠健康调查报告》) nor the day the page went up.
 *
 * Not for: times a finding names itself (2026年前三季度…人均花费…), read as any figure's.
 */
#include "jb_extract_ends_priv.h"
#include "jb_extract_period_priv.h"

#include <string.h>

/* A month of a year at p (2026年10月), and a later month after 至/到/— (至11月): the span. */
static gboolean month_span_at(const char *s, const char *p, const char *z, JbPeriod *out)
{
    int y = digits(&p, s, z, 4), m = -1;
    if (y < 1900 || !(p = lit(p, z, "年")) || (m = digits(&p, s, z, 2)) < 1 || m > 12 ||
        !(p = lit(p, z, "月")))
        return FALSE;
    *out = (JbPeriod){{JB_POINT_MONTH, y, m, 0}, {JB_POINT_MONTH, y, m, 0}};
    const char *q = any_lit(p, z, (const char *const[]){"至", "到", "—", "-", NULL});
    int m2 = q ? digits(&q, s, z, 2) : -1;
    if (m2 > m && m2 <= 12 && lit(q, z, "月"))
        out->end.n = m2;
    return TRUE;
}

gboolean jb_extract_fieldwork(const char *text, JbPeriod *out)
{
    static const char *const SURVEY[] = {"调查", "調查", "调研", "調研", "问卷", "問卷", NULL};
    static const char *const WHEN[] = {"于",     "於",     "在",     "时间为", "時間為",
                                       "时间：", "時間：", "期间为", "期間為", NULL};
    static const char *const DONE[] = {"开展", "開展", "进行", "進行", "实施", "實施", "完成",
                                       "展开", "展開", "回收", "收集", "发放", "發放", NULL};
    const char *z = text + strlen(text);
    for (const char *const *s = SURVEY; *s; s++)
        for (const char *p = strstr(text, *s); p; p = strstr(p + 1, *s)) {
            const char *q = any_lit_scan(p + strlen(*s), z, WHEN);
            if (!q || !month_span_at(text, q, z, out))
                continue;
            /* (the survey was done then: a verb of doing it in the sentence after the time) */
            const char *end = strstr(q, "。");
            gsize n = end ? (gsize)(end - q) : strlen(q);
            for (const char *const *d = DONE; *d; d++)
                if (g_strstr_len(q, (gssize)n, *d))
                    return TRUE;
        }
    return FALSE;
}

void jb_extract_survey_period(const Ctx *c, gboolean day_too, JbPeriod *p)
{
    gboolean year = p->start.kind == JB_POINT_YEAR && p->end.year == p->start.year;
    gboolean day = day_too && p->start.kind == JB_POINT_DAY && p->end.kind == JB_POINT_DAY &&
                   jb_period_freq(p) == JB_FREQ_DAY; /* (the published day, by default) */
    if (c->have_fieldwork && (year || day) && c->fieldwork.start.year == p->start.year &&
        !(day && jb_period_first_day(&c->fieldwork) > jb_period_first_day(p)))
        *p = c->fieldwork;
}

/* Does [a, b) name a survey of an earlier year (去年调查中, 上年同题调查, 去年的调研)? */
static gboolean earlier_survey(const char *a, const char *b)
{
    static const char *const BEFORE[] = {"去年", "上年", "上一年", NULL};
    static const char *const SURVEY[] = {"调查", "調查", "调研", "調研", NULL};
    for (const char *const *w = BEFORE; *w; w++)
        for (const char *p = g_strstr_len(a, b - a, *w); p; p = g_strstr_len(p + 1, b - p - 1, *w))
            for (const char *const *v = SURVEY; *v; v++)
                if (g_strstr_len(p, MIN(b - p, 3 * 8), *v)) /* (a few words after the year) */
                    return TRUE;
    return FALSE;
}

/* Is the time t before a survey's finding at qs no time of the finding's own: the year in the
 * report's name (《2026年…调查报告》, 2026年…调研报告 before the finding), the respondents'
 * past year (过去一年: asked of them when surveyed) or the survey compared with (较2025年调研)? */
static gboolean survey_time(const Ctx *c, const TimeRef *t, const char *qs)
{
    if ((t->rel == REL_YEAR && (starts(t->at, t->end, "过去") || starts(t->at, t->end, "過去"))) ||
        t->role == TIME_BASE)
        return TRUE; /* (not 全年: the whole year, often a forecast's) */
    /* (this year against the survey of a year before, 去年调查中…为29.8%，今年提高了11.5个百分点:
     * this year's survey) */
    if ((starts(t->at, t->end, "今年") || starts(t->at, t->end, "今年度")) &&
        t->end - t->at <= (ptrdiff_t)strlen("今年度") && earlier_survey(c->sentence_start, t->at))
        return TRUE;
    const char *open = g_strrstr_len(c->sentence_start, t->at - c->sentence_start, "《");
    if (open && g_strstr_len(open, qs - open, "》") && !g_strstr_len(open, t->at - open, "》"))
        return TRUE;
    /* (a name not in book marks: the words after the year up to 报告 hold no mark) */
    gssize n = MIN(qs - t->end, 3 * LOOK_BACK); /* (a name's length, in bytes: not a clause's) */
    const char *r = g_strstr_len(t->end, n, "报告");
    r = r ? r : g_strstr_len(t->end, n, "報告");
    if (!r)
        return FALSE;
    for (const char *x = t->end; x < r; x = g_utf8_next_char(x))
        if (g_unichar_ispunct(g_utf8_get_char(x)))
            return FALSE;
    return TRUE;
}

/* A survey's finding (a share of respondents, an average) named no time but the year of the
 * report's name (《2026年…调查报告》显示，近六成受访者…), the year in force or the published day:
 * the months the survey was done in, when the article says them (jb_extract_fieldwork), of
 * that year and not after the day. */
void jb_extract_survey_findings(const Ctx *c, const TimeRef *t, const char *qs, JbPeriod *p)
{
    if (c->have_fieldwork && (!t || survey_time(c, t, qs)))
        jb_extract_survey_period(c, !t, p);
}
