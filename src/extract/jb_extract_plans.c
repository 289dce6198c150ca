/* jb_extract_plans.c — what makes a figure a plan's where no forecast word stands before it:
 * the figure is the subject of the forecast word right after it (共有15个省份将实施…, 3个项目
 * 有望年内投产), and that word then speaks for the sentence's later clauses too. Steps of
 * figure_tense (jb_extract_statement_tense.c) and jb_extract_sentence_words. The terms of a
 * company's plan its story's title announces (拟…回购股份: 回购股份价格：不超过36.80元/股, a
 * bullet with no 拟 of its own). And a plan's figure taken again as the basis of an estimate
 * (按回购价格上限36.80元/股测算): no statement.
 *
 * Not for: forecast words before the figure (figure_tense), a plan's heading
 * (jb_extract_frame.c).
 */
#include "jb_extract_statement_priv.h"

#include <string.h>

/* How many characters may stand between a figure and the forecast word it is the subject of:
 * its unit's noun (15个省份将, 约200家参展企业将, 50个重点项目有望). */
#define SUBJECT_NOUN 6

/* Does the forecast word hit h follow [from, h->at) as its subject's noun, a few characters
 * of no figure, clause mark, space, 的 or 已 (15个省份将实施; not 增长5%的预期, 已有3家将, a
 * headline's 增长38% 预计四季度…)? Not people who say or plan (约四成受访者表示将, 六成受访者
 * 计划: a share of those asked, measured). */
static gboolean noun_before_word(const char *from, const WordHit *h)
{
    static const char *const STOP[] = {"的", "已", "者", "表示", "認為", "认为", "称", "稱", NULL};
    if (starts(h->at, h->at + h->len + 3, "将近") || starts(h->at, h->at + h->len + 3, "將近"))
        return FALSE; /* (nearly: a hedge of the next figure) */
    int k = 0;
    for (const char *p = from; p < h->at; p = g_utf8_next_char(p), k++) {
        if (k >= SUBJECT_NOUN || g_ascii_isdigit(*p) || *p == ' ' || starts(p, h->at, "　") ||
            clause_sep_at(p) || sentence_end_at(p))
            return FALSE;
        /* a side note opens between (1.2亿元（此前市场预期为1.1亿元）): its word is its own
         * figure's, unless the note is the word alone (120亿元（预计）) */
        if ((*p == '(' || starts(p, h->at, "（")) && h->at != p + (*p == '(' ? 1 : strlen("（")))
            return FALSE;
        for (const char *const *w = STOP; *w; w++)
            if (starts(p, h->at, *w))
                return FALSE;
    }
    return TRUE;
}

/* Is the figure at qs a remainder (其余3处力争8日前…, 剩余…): a count of now, what is planned
 * for it aside? */
static gboolean a_remainder(const char *cs0, const char *qs)
{
    /* (one walk over the window of four characters, the words' bytes inline: a g_strstr_len
     * per word cost more than the rest of the test) */
    const char *from = jb_utf8_back(cs0, qs, 4);
    for (const char *p = from; p < qs; p++)
        if (starts(p, qs, "其余") || starts(p, qs, "其餘") || starts(p, qs, "剩余") ||
            starts(p, qs, "剩餘") || starts(p, qs, "剩下"))
            return TRUE;
    return FALSE;
}

/* Has the figure a time of its own already over (2019年，该市120家企业将总部迁出; 股东上周减持
 * 200万股)? What it says was, whatever word follows it. */
static gboolean time_over(const Ctx *c, const Figure *f)
{
    return f->have_time && f->t->has_val && !f->t->future_word &&
           c->anchor.day.kind == JB_POINT_DAY &&
           jb_period_end_day(&f->t->val) <= jb_point_first_day(&c->anchor.day);
}

gboolean forecast_after_figure(const Ctx *c, const Figure *f)
{
    if (a_remainder(f->cs0, f->qs))
        return FALSE;
    for (guint k = keyword_from(c, f->qe); k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= f->ce || h->at - f->qe > 3 * SUBJECT_NOUN)
            break;
        /* (a 将 after a time over tells what followed; a guidance, 此前给出的三季度60亿至62亿美元
         * 指引, stays what was expected) */
        if (h->tag < kw_actual)
            return noun_before_word(f->qe, h) &&
                   !((starts(h->at, f->ce, "将") || starts(h->at, f->ce, "將")) && time_over(c, f));
    }
    return FALSE;
}

gboolean in_side_note(const char *a, const char *at)
{
    /* back to the nearest bracket, 40 characters at most (a note is short) */
    const char *p = at;
    for (int k = 0; k < 40 && p > a; k++) {
        p = g_utf8_prev_char(p);
        if (*p == '(' || starts(p, at, "（"))
            return TRUE;
        if (*p == ')' || starts(p, at, "）"))
            return FALSE;
    }
    return FALSE;
}

gboolean expected_value(const char *sent, const char *qs)
{
    static const char *const EXPECTED[] = {"预期的",   "預期的", "预期为", "預期為", "预期值为",
                                           "預期值為", "预期值", "預期值", NULL};
    const char *p = qs;
    if (ends(sent, p, "约") || ends(sent, p, "約"))
        p -= strlen("约"); /* (市场预期的约20万人) */
    if (!ends(sent, p, "的") && !ends(sent, p, "为") && !ends(sent, p, "為") &&
        !ends(sent, p, "值"))
        return FALSE; /* (most figures: one look at the character before) */
    for (const char *const *w = EXPECTED; *w; w++)
        if (ends(sent, p, *w))
            return TRUE;
    return FALSE;
}

gboolean forecast_of_first_figure(const Ctx *c, const char *sent, const WordHit *h)
{
    /* (the first figure's digits and unit, then its noun: a clause's first words) */
    const char *p = c->first_number;
    int k = 0;
    if (h->at <= p || h->at - p > 3 * (12 + SUBJECT_NOUN))
        return FALSE;
    while (p < h->at && !clause_sep_at(p) && !sentence_end_at(p) && k++ < 12 &&
           !noun_before_word(p, h))
        p = g_utf8_next_char(p);
    if (p >= h->at || clause_sep_at(p) || sentence_end_at(p) || k > 12)
        return FALSE;
    /* (2019年，该市120家企业将总部迁出…: a time over before it, done) */
    for (guint i = 0; i < c->times->len && c->anchor.day.kind == JB_POINT_DAY; i++) {
        const TimeRef *t = &g_array_index(c->times, TimeRef, i);
        if (t->at >= h->at)
            break;
        if (t->at >= sent && t->has_val && !t->future_word &&
            jb_period_end_day(&t->val) <= jb_point_first_day(&c->anchor.day))
            return FALSE;
    }
    /* (已有3家企业将总部迁至…: done, whatever 将 is; in the words before the figure, a window:
     * a sentence of thousands of figures is not read again for each 将) */
    for (guint i = keyword_from(c, look_back_from(sent, c->first_number)); i < c->keywords->len;
         i++) {
        const WordHit *a = &g_array_index(c->keywords, WordHit, i);
        if (a->at >= h->at)
            break;
        if (a->tag >= kw_actual && a->tag < kw_hedge)
            return FALSE;
    }
    return TRUE;
}

gboolean calculation_basis(const Figure *f)
{
    static const char *const BY[] = {"按", "以", NULL};
    static const char *const CALC[] = {"测算", "測算", "计算", "計算", "估算", "核算", NULL};
    gboolean by = FALSE; /* (in the words before it, a window: a clause of thousands of figures
                          * is not read again for each) */
    const char *from = look_back_from(f->cs0, f->qs);
    for (const char *const *w = BY; *w && !by; w++)
        by = g_strstr_len(from, f->qs - from, *w) != NULL;
    if (!by)
        return FALSE;
    /* (right after it, or after a word or two: 按上限36.80元/股进行测算) */
    const char *p = f->qe;
    for (int k = 0; k < 4 && p < f->ce; k++, p = g_utf8_next_char(p))
        for (const char *const *w = CALC; *w; w++)
            if (starts(p, f->ce, *w))
                return TRUE;
    return FALSE;
}

/* The share dealings a company or its holders announce as plans (回购, 增持, 减持; 定增, an
 * issue), not a central bank's (逆回购) nor a bond repo's (质押式回购). */
static const char *dealing_in(const char *a, const char *b)
{
    static const char *const W[] = {"回购", "回購", "增持", "减持", "減持", "定增", NULL};
    for (const char *const *w = W; *w; w++)
        for (const char *p = a; (p = g_strstr_len(p, b - p, *w)) != NULL; p += strlen(*w))
            if (!ends(a, p, "逆") && !ends(a, p, "质押式") && !ends(a, p, "質押式"))
                return p;
    return NULL;
}

gboolean jb_extract_title_plans_dealing(const char *title)
{
    static const char *const PLAN[] = {"拟", "擬", "方案", "预案", "預案", "计划", "計劃", NULL};
    static const char *const DONE[] = {"完毕", "完畢", "完成",     "结果",     "結果",
                                       "进展", "進展", "实施情况", "實施情況", NULL};
    if (!title || !dealing_in(title, title + strlen(title)))
        return FALSE;
    for (const char *const *w = DONE; *w; w++)
        if (strstr(title, *w))
            return FALSE;
    for (const char *const *w = PLAN; *w; w++)
        if (strstr(title, *w))
            return TRUE;
    return FALSE;
}

gboolean plan_of_title(const Ctx *c, const Figure *f)
{
    if (c->headline || !c->title_dealing)
        return FALSE;
    if (time_over(c, f))
        return FALSE; /* (股东上周减持200万股: done) */
    /* (the sentence's dealing, in a window around the figure: a bullet's label before it,
     * 回购股份价格：, or its verb after it, …万股回购) */
    const char *from = jb_utf8_back(f->sent, f->qs, 80);
    if (!dealing_in(from, f->qe + MIN(f->ce - f->qe, 3 * 8)))
        return FALSE;
    /* no word of what is done in the figure's clause (已使用资金1.08亿元回购, 累计回购), but a
     * now-word naming the base of a share (约占公司目前总股本的0.98%) */
    for (guint k = keyword_from(c, look_back_from(f->cs0, f->qs)); k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= f->qs)
            break;
        if (h->tag >= kw_actual && h->tag < kw_hedge && h->at >= f->cs0 &&
            !(ends(h->at, f->qs, "的") && f->qs - h->at <= 3 * 8 && !ACTUAL_CUMULATIVE(h->tag) &&
              !starts(h->at, f->qs, "已")))
            return FALSE;
    }
    return TRUE;
}

void dealing_terms_day(const Ctx *c, const Figure *f, gboolean forecast, char period[JB_PERIOD_MAX])
{
    static const char *const PAYOUT[] = {"派", "红利", "紅利", "分红", "分紅", "股息", NULL};
    JbPeriod p, day;
    if (!forecast || (f->have_time && f->t->at >= f->cs0) || !period[0] ||
        c->anchor.day.kind != JB_POINT_DAY || !jb_period_parse(period, &p, NULL) ||
        jb_period_freq(&p) == JB_FREQ_DAY ||
        jb_period_end_day(&p) > jb_point_first_day(&c->anchor.day))
        return; /* (a period still running, or a day already: as it is) */
    const char *from = jb_utf8_back(f->sent, f->qs, 80);
    if (!dealing_in(from, f->qe + MIN(f->ce - f->qe, 3 * 8)))
        return;
    for (const char *const *w = PAYOUT; *w; w++)
        if (g_strstr_len(from, f->ce - from, *w))
            return; /* (…为基数，合计拟派发现金红利约1.16亿元，占…的19.7%: the profits' payout) */
    gboolean named = FALSE; /* (the meeting's day too, an event's: 于8月29日召开董事会) */
    for (guint i = 0; i < c->times->len; i++) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, i);
        if (r->at >= f->qs || r->at < f->sent)
            break;
        if (r->has_val && !r->future_word && jb_period_freq(&r->val) == JB_FREQ_DAY)
            day = r->val, named = TRUE;
    }
    if (named || jb_extract_default_day(&c->anchor, FALSE, &day))
        jb_period_format(&day, period);
}

/* A plan's years named in brackets after its name in the sentence before qs (实施三年行动（2026
 * —2028年）, 《…行动方案（2026—2028年）》): a span of two years or more not over by the published
 * day, into *out; FALSE for none. For a plan a story's title does not name. */
static gboolean sentence_plan_span(const Ctx *c, const char *qs, JbPeriod *out)
{
    static const char *const PLAN[] = {"方案", "规划", "規劃", "计划", "計劃",
                                       "纲要", "綱要", "行动", "行動", NULL};
    static const char *const DASH[] = {"—", "－", "-", "–", "至", NULL};
    const char *s = c->sentence_start;
    for (const char *x = s ? jb_find(s, qs, "（", 3) : NULL; x; x = jb_find(x + 3, qs, "（", 3)) {
        gboolean named = FALSE;
        for (const char *const *w = PLAN; *w && !named; w++)
            named = ends(s, x, *w);
        const char *q = x + 3;
        int y1 = 0, y2 = 0;
        for (int k = 0; k < 4 && q < qs && g_ascii_isdigit(*q); k++, q++)
            y1 = y1 * 10 + (*q - '0');
        const char *d = NULL;
        for (const char *const *w = DASH; *w && !d; w++)
            d = starts(q, qs, *w) ? q + strlen(*w) : NULL;
        for (int k = 0; d && k < 4 && d < qs && g_ascii_isdigit(*d); k++, d++)
            y2 = y2 * 10 + (*d - '0');
        if (!named || !d || !starts(d, qs, "年）") || y1 < 1900 || y2 <= y1 || y2 > 2100 ||
            y2 < c->anchor.day.year)
            continue;
        *out = (JbPeriod){{JB_POINT_YEAR, y1, 0, 0}, {JB_POINT_YEAR, y2, 0, 0}};
        return TRUE;
    }
    return FALSE;
}

/* A yearly figure of a plan (年均增长12%以上, 每年培训1.2万人次, 每年安排专项资金2亿元) in a
 * document publishing a plan for years to come, or in a sentence naming one with its years
 * (三年行动（2026—2028年）), with no time of its own or one of the plan's years (到2028年): the
 * plan's years, and a target; so is any figure over the plan's years. */
gboolean plan_rate(const Ctx *c, const char *cs0, const char *qs, char period[JB_PERIOD_MAX])
{
    JbPeriod p, named;
    if (c->headline)
        return FALSE;
    const JbPeriod *plan = c->have_plan_span ? &c->plan_span : NULL;
    if (plan && period[0] && strchr(period, '/') && jb_period_parse(period, &p, NULL) &&
        p.start.kind == JB_POINT_YEAR && p.end.year > p.start.year &&
        p.start.year >= plan->start.year && p.end.year <= plan->end.year &&
        p.end.year > c->anchor.day.year)
        return TRUE; /* a measure over the plan's years still to come (2026—2028年…): a target */
    /* (the words by their 年, found by a search: most clauses have none) */
    gboolean yearly = FALSE;
    const char *from = look_back_from(cs0, qs);
    for (const char *x = jb_find(from, qs, "年", 3); x && !yearly; x = jb_find(x + 3, qs, "年", 3))
        yearly = starts(x, qs, "年均") || (x - 3 >= from && starts(x - 3, qs, "每年"));
    if (!yearly || (period[0] && !jb_period_parse(period, &p, NULL)))
        return FALSE;
    if (!plan && !sentence_plan_span(c, qs, &named))
        return FALSE;
    plan = plan ? plan : &named;
    gboolean within = !period[0] || jb_period_freq(&p) == JB_FREQ_DAY ||
                      (p.start.kind == JB_POINT_YEAR && p.start.year == p.end.year &&
                       p.start.year >= plan->start.year && p.start.year <= plan->end.year);
    if (!within)
        return FALSE;
    jb_period_format(plan, period);
    return TRUE;
}
