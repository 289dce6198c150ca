/* jb_extract_headline_body.c — a headline's figures against its story's, read after the body:
 * the same figure said again in fewer words is a repeat (no row of its own), a hedged figure
 * that rounds one of the story's takes that figure's period.
 *
 * Not for: which paragraphs are headlines (jb_extract_headline.c), a figure the body itself
 * says twice (jb_extract_repeat.c).
 */
#include "jb_extract_priv.h"
#include "jb_units.h"

#include <math.h>
#include <string.h>

/* Which base a change is measured against, the last named in [a, e): 'y' for 同比/按年, 'm' for
 * 环比/按月, 0 for none. */
static char comparison_base(const char *a, const char *e)
{
    static const struct {
        const char *word;
        char base;
    } bases[] = {{"同比", 'y'}, {"按年", 'y'}, {"環比", 'm'}, {"环比", 'm'}, {"按月", 'm'}};
    const char *last = NULL;
    char base = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(bases); i++) {
        const char *w = g_strrstr_len(a, e - a, bases[i].word);
        if (w && w > last)
            last = w, base = bases[i].base;
    }
    return base;
}

/* Is a headline's bare 元 the body's currency shortened (每股派1.3元 of 每股1.3港元, 229億元
 * of 229億澳門元)? */
static gboolean currency_shortened(const char *head, const char *body)
{
    if (strcmp(head, "元") != 0)
        return FALSE;
    const char *slash = strchr(body, '/');
    gsize n = slash ? (gsize)(slash - body) : strlen(body);
    return n > strlen("元") && memcmp(body + n - strlen("元"), "元", strlen("元")) == 0;
}

/* Are two units both a count of people (3.2万名跑者 of 参赛规模为3.2万人)? */
static gboolean both_people(const char *a, const char *b)
{
    static const char *const PEOPLE[] = {"人", "名", "位", NULL};
    return g_strv_contains((const gchar *const *)PEOPLE, a) &&
           g_strv_contains((const gchar *const *)PEOPLE, b);
}

/* A headline repeats the body's figures in fewer words: the same value in the same unit is
 * the same statement. Only a figure the body does not state is kept. (A few numbers in a
 * headline against the body's statements: a loop, no index.) */
gboolean jb_extract_headline_repeats_body(const Ctx *c, const JbQuantity *q, const char *sent,
                                          const TimeRef *t)
{
    /* (同比下降4% in the headline is not the body's 环比增长约4%: another change, the same
     * number) */
    char base = c->headline ? comparison_base(sent, sent + q->start) : 0;
    /* (nor 澳门11月赌收按年升近一成 the body's 第三季…占比降至不足一成: a change of another
     * period; a headline's time alone is too often a name's or a season's to tell that:
     * 2027年度考试, 本雪季) */
    gboolean timed = base && t && t->has_val && t->role == TIME_PERIOD && t->rel == REL_NONE;
    static const char *const INCLUSIVE[] = {"至少", "最少", "最高", "最多", NULL};
    gboolean inclusive = q->qualifier[0] && g_strv_contains(INCLUSIVE, q->qualifier);
    JbDecimal qv = q->value; /* (and a headline its signed one: 前十个月同比-5.1%) */
    qv.mant = qv.mant < 0 ? -qv.mant : qv.mant;
    for (guint i = 0; c->headline && i < c->body_statements; i++) {
        const JbStatement *b = g_ptr_array_index(c->out, i);
        JbDecimal bv = b->q.value; /* (the body may say it as a signed decline) */
        bv.mant = bv.mant < 0 ? -bv.mant : bv.mant;
        /* (a headline may drop the unit the body gives: 激活参数370亿 of 370亿参数) */
        /* (or the end of a range the body gives: 最高达5.5亿 of 介于4.8亿至5.5亿元) */
        JbDecimal bh = b->q.high;
        bh.mant = bh.mant < 0 ? -bh.mant : bh.mant;
        /* (近86% is no range's low end, 介乎86%至88%: it is below the range; 超88% no high end) */
        gboolean low = jb_decimal_equal(bv, qv) && !(b->q.is_range && q->bound == JB_BOUND_AT_MOST);
        gboolean high = b->q.is_range && jb_decimal_equal(bh, qv) && q->bound != JB_BOUND_AT_LEAST;
        /* (增超6% is past the body's 6.0%, not it: a bound says another figure than an exact one;
         * not one that takes the figure in, 至少7家 of 已有7家, 单笔最高5亿美元 of the largest's) */
        if ((q->bound == JB_BOUND_AT_LEAST || q->bound == JB_BOUND_AT_MOST) && !b->q.is_range &&
            b->q.bound == JB_BOUND_EXACT && !inclusive)
            low = FALSE;
        JbPeriod bp;
        if (timed && b->period_stated && jb_period_parse(b->period, &bp, NULL) &&
            (jb_period_end_day(&bp) <= jb_period_first_day(&t->val) ||
             jb_period_end_day(&t->val) <= jb_period_first_day(&bp)))
            continue; /* (times apart: another figure) */
        char b_base = base ? comparison_base(b->metric, b->metric + strlen(b->metric)) : 0;
        if ((low || high) &&
            (jb_unit_same(b->q.unit, q->unit) || (!q->unit[0] && b->q.unit[0]) ||
             both_people(q->unit, b->q.unit) || currency_shortened(q->unit, b->q.unit)) &&
            !(b_base && b_base != base))
            return TRUE;
    }
    return FALSE;
}

/* Is the headline being read the page's own title, and `b` of a part of the page with no date
 * or link of its own (under a subheading: 建筑业仍逾6% over ## 建筑业失业率居首)? */
static gboolean page_title_of(const Ctx *c, const JbStatement *b)
{
    const JbArticle *a = c->article;
    return a->title && g_strcmp0(c->title, a->title) == 0 && g_strcmp0(b->url, a->url) == 0 &&
           g_strcmp0(b->published, a->published) == 0;
}

/* A headline's hedged figure that rounds one of its story's (超3小时 of 187分钟, 超四成 of 41.5%,
 * 首破150万 of 152.7万): the period is the body's figure's, the nearest one's. `period` is
 * replaced when one is found. A headline has few figures: each looks over the body's statements once. */
void jb_extract_headline_rounds_body(const Ctx *c, const JbQuantity *q, char period[JB_PERIOD_MAX])
{
    double hv = fabs(jb_decimal_to_double(q->value)); /* (跌近一成: a decline, signed) */
    if (q->bound == JB_BOUND_EXACT || q->is_range || hv <= 0)
        return;
    gboolean hours = strcmp(q->unit, "小时") == 0 || strcmp(q->unit, "小時") == 0;
    double best = G_MAXDOUBLE; /* (the nearest: 近1.9万亿 rounds the day's 1.86万亿, not the
                                * week's daily average of 1.71万亿 said first) */
    for (guint i = 0; i < c->body_statements; i++) {
        const JbStatement *b = g_ptr_array_index(c->out, i);
        if ((g_strcmp0(b->title, c->title) != 0 && !page_title_of(c, b)) || b->q.is_range)
            continue; /* (another item's story, in a feed) */
        double bv = fabs(jb_decimal_to_double(b->q.value));
        if (hours && (strcmp(b->q.unit, "分钟") == 0 || strcmp(b->q.unit, "分鐘") == 0))
            bv /= 60; /* (超3小时 of 187分钟) */
        else if (!jb_unit_same(b->q.unit, q->unit) && !(!q->unit[0] && b->q.unit[0]))
            continue;
        gboolean rounds = q->bound == JB_BOUND_AT_LEAST  ? bv >= hv && bv <= hv * 1.2
                          : q->bound == JB_BOUND_AT_MOST ? bv <= hv && bv >= hv * 0.8
                                                         : fabs(bv - hv) <= hv * 0.1;
        if (rounds && bv != hv && fabs(bv - hv) < best) {
            best = fabs(bv - hv);
            g_strlcpy(period, b->period, JB_PERIOD_MAX);
        }
    }
}
