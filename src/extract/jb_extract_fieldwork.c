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
