/* jb_extract_views.c — a share of the people who fear, believe or expect something (36.2%的受访者
 * 担心岗位在五年内被替代, 42.5%的人认为明年房价会下跌): the share is counted when they were asked;
 * the time inside what they think is not its time, nor does it make the share a forecast.
 *
 * Not for: a share of a thing expected (60%的资金预计2027年到位: a forecast of the funds), the
 * respondents' word before their share (受访者预计，…的占58.9%: respondents_who).
 */
#include "jb_extract_statement_priv.h"

#include <string.h>

/* People who hold a view: the last characters of the noun before the verb. */
static const char *const HOLDERS[] = {"者",   "人",   "人士", "网友", "網友", "用户",
                                      "用戶", "企业", "企業", "家庭", "居民", "公司",
                                      "机构", "機構", "家",   NULL};
static const char *const VIEWS[] = {"担心", "擔心", "认为", "認為", "预计", "預計", "预期",
                                    "預期", "相信", "估计", "估計", "看好", "希望", "期待",
                                    "打算", "计划", "計劃", "表示", "忧虑", "憂慮", NULL};

static gboolean view_after(const Figure *f)
{
    const char *p = f->qe, *ce = f->ce;
    /* (first the 的 after the figure: most figures have none, and are passed by at once) */
    if (!starts(p, ce, "的"))
        return FALSE;
    p += strlen("的");
    for (int k = 0; k <= 6 && p < ce; k++, p = g_utf8_next_char(p)) {
        if (g_ascii_isdigit(*p) || clause_sep_at(p))
            return FALSE;
        for (const char *const *v = VIEWS; *v; v++)
            if (starts(p, ce, *v)) {
                for (const char *const *h = HOLDERS; *h; h++)
                    if (ends(f->qe, p, *h))
                        return TRUE;
                return FALSE;
            }
    }
    return FALSE;
}

gboolean jb_extract_view_share(const Ctx *c, Figure *f)
{
    if (!view_after(f))
        return FALSE;
    /* (a time in what they think, after the figure, or one to come carried from an earlier
     * clause of the kind, …认为明年房价会下跌，27.3%的受访者预计…: not when they were asked) */
    const TimeRef *t = f->t;
    if (f->have_time && (t->at >= f->qe || t->future_word ||
                         (t->has_val && c->anchor.day.kind == JB_POINT_DAY &&
                          jb_period_first_day(&t->val) >= jb_point_end_day(&c->anchor.day))))
        f->have_time = FALSE;
    return TRUE;
}
