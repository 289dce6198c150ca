/* jb_extract_times.c — the times of a sentence, each resolved where it stands (against the
 * period in force, the item of a ；-list it is in, the story's year), and what the sentence
 * carries on to the paragraph: read_times, called by extract_sentence (jb_extract.c) before
 * its figures are read.
 *
 * Not for: reading a time expression itself (jb_extract_period.c), walking the sentence
 * (jb_extract.c).
 */
#include "jb_extract_ends_priv.h"
#include "jb_extract_period_priv.h"
#include "jb_extract_read_priv.h"

#include <string.h>

/* The start of the item (after the last ；) holding `at`, found walking forward from the
 * previous time's item (`*from`, `*item`): the times come in text order. NULL when the
 * sentence has no ；: one item, whose times hold on. */
static const char *item_start(const char *sent, const char *end, const char *at, const char **from,
                              const char **item, gboolean *items)
{
    if (!*items)
        return NULL;
    for (const char *p = *from; p < at; p = g_utf8_next_char(p))
        if (starts(p, end, "；") || *p == ';')
            *item = g_utf8_next_char(p);
    *from = at;
    (void)sent;
    return *item;
}

/* Does a sentence ending at `end` (its terminator, or its paragraph's NUL) end as a
 * sentence does (。！？), not as a title line? */
static gboolean ends_as_sentence(const char *end)
{
    return g_str_has_prefix(end, "。") || g_str_has_prefix(end, "！") ||
           g_str_has_prefix(end, "？");
}

/* Days named without a month (第一周（1-7日）, 22-30日) in a paragraph speaking of a month
 * or of days within one (11月车市…): that month's days, not the published month's. */
static void in_context_month(TimeRef *r, const JbPeriod *ctx)
{
    JbPeriod *v = &r->val;
    if (r->rel != REL_NONE || !r->month_implied || ctx->start.kind < JB_POINT_MONTH ||
        ctx->end.kind < JB_POINT_MONTH || ctx->start.n != ctx->end.n ||
        ctx->start.year != ctx->end.year || v->start.kind != JB_POINT_DAY ||
        v->end.kind != JB_POINT_DAY || v->start.n != v->end.n || v->start.year != v->end.year)
        return;
    JbPeriod moved = {{JB_POINT_DAY, ctx->start.year, ctx->start.n, v->start.day},
                      {JB_POINT_DAY, ctx->start.year, ctx->start.n, v->end.day}};
    if (!jb_point_valid(&moved.start) || !jb_point_valid(&moved.end))
        return;
    *v = moved;
    r->future_word = FALSE;
}

/* 本月 said after a paragraph on a month already over when published (1—10月…。本月共有46家…,
 * out in December): the month the period in force ends in, the one reported, as 当月; not a
 * start, a deadline or a part of the month (本月起, 自本月, 本月底前, 本月中旬, 本月将), which
 * are the published month's. */
static void this_month_reported(const Ctx *c, const char *sent, const char *end, TimeRef *r,
                                const JbPeriod *ctx)
{
    static const char *const BEFORE[] = {"自", "从", "從", "于", "於", "至", "到"};
    static const char *const AFTER[] = {"起",   "以来", "以來", "底",   "末",  "初", "上旬",
                                        "中旬", "下旬", "内",   "內",   "将",  "將", "前",
                                        "至",   "到",   "开始", "開始", "份起"};
    if (!r->has_val || r->rel != REL_NONE || r->end - r->at != (gssize)strlen("本月") ||
        !starts(r->at, r->end, "本月") || c->anchor.reviewed.kind == JB_POINT_MONTH ||
        c->anchor.day.kind != JB_POINT_DAY || ctx->end.kind != JB_POINT_MONTH ||
        jb_period_end_day(ctx) > jb_point_first_day(&c->anchor.day))
        return;
    JbFreq f = jb_period_freq(ctx);
    if (f != JB_FREQ_MONTH && f != JB_FREQ_YTD)
        return;
    for (gsize i = 0; i < G_N_ELEMENTS(BEFORE); i++)
        if (ends(sent, r->at, BEFORE[i]))
            return;
    for (gsize i = 0; i < G_N_ELEMENTS(AFTER); i++)
        if (starts(r->end, end, AFTER[i]))
            return;
    r->val = jb_period_of(ctx->end);
}

/* Does the sentence tell of a visit or a meeting (考察, 调研, 出访, 会见)? Its span of days
 * is the visit's: the figures after it are not of those days. A span of dates opening a
 * sentence with no figure otherwise (11月29日至12月2日，受强冷空气影响，…天气过程。) is the
 * span its story measures (a week's name with no figure, 本周A股震荡上行。, still says
 * nothing of the figures after it). */
static gboolean a_visit(const char *sent, const char *end)
{
    static const char *const VISIT[] = {"考察", "调研", "調研", "视察", "視察", "访问",
                                        "訪問", "出访", "出訪", "会见", "會見", "会谈",
                                        "會談", "出席", "陪同", NULL};
    for (const char *const *w = VISIT; *w; w++)
        if (jb_find(sent, end, *w, strlen(*w)))
            return TRUE;
    return FALSE;
}

/* Does the sentence [sent, end) open speaking of the time after an event announced before it: 届时,
 * a short phrase ending in 后 (调图后，, 投产后，), not 此后 or 随后 (after what was just told)? */
static gboolean after_the_event(const char *sent, const char *end, const char *first_number)
{
    if (starts(sent, end, "届时") || starts(sent, end, "屆時"))
        return TRUE;
    /* (业内人士表示，此次调整后，…; 本次下调后，…: the state after the change announced) */
    static const char *const ADJUSTED[] = {"调整后", "調整後", "下调后", "下調後", "上调后",
                                           "上調後", "调降后", "調降後", "降息后", "降息後",
                                           "降准后", "降準後", "加息后", "加息後", NULL};
    for (const char *const *w = ADJUSTED; *w; w++)
        if (jb_find(sent, first_number < end ? first_number : end, *w, strlen(*w)))
            return TRUE;
    const char *p = sent;
    for (int n = 0; n < 4 && p < end && (guchar)*p >= 0xE0; n++, p += 3)
        if (n >= 2 && (starts(p, end, "后，") || starts(p, end, "後，")))
            return !starts(p - 3, end, "此") && !starts(p - 3, end, "随") &&
                   !starts(p - 3, end, "隨") && !starts(p - 3, end, "其") &&
                   !starts(p - 3, end, "之") && !starts(p - 3, end, "然") &&
                   !starts(p - 3, end, "最");
    return FALSE;
}

/* A day or a month's end counted to after a span from the year's start, in its sentence
 * (今年以来截至9月30日, 年初至今截至6月末, 今年以来，各地加快…，截至11月底): the span runs to
 * that day or month (2026-01-01/2026-09-30, 2026-01/2026-11), not the day or month alone (a
 * stock's level at its end: stock_at_span_end). refs[i] is the day, refs[i - 1] the span. */
static void since_to_day(GArray *refs, guint i)
{
    TimeRef *r = &g_array_index(refs, TimeRef, i), *s = &g_array_index(refs, TimeRef, i - 1);
    const JbPoint *d = &r->val.end;
    /* (the span as read so far: January on, or narrowed to its first day) */
    gboolean from_january = s->val.start.n == 1 &&
                            (s->val.start.kind == JB_POINT_MONTH ||
                             (s->val.start.kind == JB_POINT_DAY && s->val.start.day == 1));
    gboolean day = r->val.start.kind == JB_POINT_DAY && jb_period_freq(&r->val) == JB_FREQ_DAY;
    gboolean month = r->val.start.kind == JB_POINT_MONTH && r->val.end.kind == JB_POINT_MONTH &&
                     r->val.start.n == r->val.end.n && r->val.start.year == r->val.end.year;
    if (!s->has_val || !s->loose || !from_january || s->val.start.year != d->year ||
        (!day && !month) || r->role != TIME_PERIOD || !ends(s->end, r->at, "截至") ||
        (month && d->n == 1))
        return;
    if (ends(s->end, r->at, "，截至") || s->end + strlen("截至") == r->at)
        ; /* (right after it: 今年以来，截至9月30日) */
    else if (!month)
        return; /* (a day after a clause between: the story's day, as before) */
    else
        for (const char *p = s->end; p < r->at; p = g_utf8_next_char(p))
            if (starts(p, r->at, "。") || starts(p, r->at, "；"))
                return;
    r->val.start = day ? (JbPoint){JB_POINT_DAY, d->year, 1, 1}
                       : (JbPoint){JB_POINT_MONTH, d->year, 1, 0};
}

/* A day counted to (截至11月25日17时，…累计) after the span of days the story opened with had
 * ended (11月21日至23日，…遭遇暴雪…): what happened since the event began, to that day
 * (2026-11-21/2026-11-25), not the day alone; the story's figures after it are as of it, not
 * of the event's days (二、分险种看。…报案6,420件). The span is an event's: a month at most, the
 * day in its year and not after the published one. */
static void since_event_to_day(Ctx *c, const char *sent, TimeRef *r)
{
    const JbPeriod *e = &c->lead;
    if (!r->has_val || r->role != TIME_PERIOD || r->rel != REL_NONE || r->local || r->future_word ||
        !c->have_lead || r->val.start.kind != JB_POINT_DAY ||
        jb_period_freq(&r->val) != JB_FREQ_DAY || e->start.kind != JB_POINT_DAY ||
        e->end.kind != JB_POINT_DAY || jb_period_freq(e) == JB_FREQ_DAY ||
        jb_period_end_day(e) - jb_period_first_day(e) > 31 || e->start.year != r->val.start.year ||
        jb_period_end_day(e) > jb_period_first_day(&r->val) || c->anchor.day.kind != JB_POINT_DAY ||
        jb_period_first_day(&r->val) > jb_point_first_day(&c->anchor.day) ||
        !(ends(sent, r->at, "截至") || ends(sent, r->at, "截止")))
        return;
    r->val.start = e->start;
    c->lead = r->val;
}

/* Is the time r in brackets that say it holds for what follows (（统计时点为2026年9月30日，下同）,
 * （数据截至2026年6月末，下同）)? */
static gboolean declared_below(const char *sent, const char *end, const TimeRef *r)
{
    if (!jb_find(r->end, end, "下同", strlen("下同")))
        return FALSE; /* (the walk after it would find none: most sentences have none) */
    const char *open = NULL;
    for (const char *p = r->at; p - strlen("（") >= sent && r->at - p < 60; p--)
        if (starts(p - 3, r->at, "（")) {
            open = p;
            break;
        } else if (starts(p - 3, r->at, "）"))
            return FALSE;
    if (!open)
        return FALSE;
    for (const char *p = r->end; p < end && p - r->end < 30; p++)
        if (starts(p, end, "下同"))
            return TRUE;
        else if (starts(p, end, "）"))
            return FALSE;
    return FALSE;
}

/* The day the sentence is as of before its time i (截至29日收盘，…), or NULL. */
static const JbPeriod *as_of_day_before(const GArray *refs, guint i)
{
    while (i-- > 0) {
        const TimeRef *d = &g_array_index(refs, TimeRef, i);
        if (d->has_val && d->role == TIME_PERIOD && d->rel == REL_NONE && !d->local &&
            d->val.start.kind == JB_POINT_DAY &&
            jb_period_first_day(&d->val) == jb_period_end_day(&d->val) - 1)
            return &d->val;
    }
    return NULL;
}

void jb_extract_ytd_to(TimeRef *r, const JbPeriod *ctx)
{
    if (!r->has_val || !r->loose || r->val.start.kind != JB_POINT_MONTH || r->val.start.n != 1 ||
        r->val.end.kind != JB_POINT_MONTH)
        return;
    JbPoint last = jb_point_of_days(jb_period_end_day(ctx) - 1);
    if (ctx->end.kind == JB_POINT_DAY && last.year == r->val.end.year) {
        /* (after a day's close, 截至周五（12月4日）收盘…今年以来: to that day) */
        r->val.start = (JbPoint){JB_POINT_DAY, last.year, 1, 1};
        r->val.end = last;
    } else if (last.year == r->val.end.year && last.n < r->val.end.n && last.n >= 1)
        r->val.end = (JbPoint){JB_POINT_MONTH, last.year, last.n, 0};
}

/* 今年以来 (a loose span from January, r) runs to the month the text speaks of (7月…，今年以来
 * 累计下跌约7%), when that is before the published one: to the end of `ctx`, the period in
 * force, when the paragraph named it and it was over when published (`ctx_over`). Else in a
 * release's frame to its month (after a day the sentence is as of, 截至29日收盘, to that day),
 * outside one, or in a market's or a share price's sentence (年内A股累计涨幅), to the day. */
static void since_new_year_to(const Ctx *c, GArray *refs, guint i, const JbPeriod *ctx,
                              gboolean ctx_over, const char *sent, const char *end)
{
    TimeRef *r = &g_array_index(refs, TimeRef, i);
    if (r->has_val && r->loose && ctx_over && r->val.start.kind == JB_POINT_MONTH &&
        r->val.start.n == 1 && r->val.end.kind == JB_POINT_MONTH) {
        jb_extract_ytd_to(r, ctx);
    } else if (r->has_val && r->loose && !ctx_over && r->val.start.kind == JB_POINT_MONTH &&
               r->val.start.n == 1 && r->val.end.kind == JB_POINT_MONTH &&
               c->anchor.day.kind == JB_POINT_DAY) {
        /* in a release's frame (2025年6月份…), 今年以来 runs to its month; outside one,
         * to the day: a market's close, a city's news (2025-01-01/2025-11-18) */
        JbPeriod frame, today;
        const JbPeriod *as_of = as_of_day_before(refs, i);
        /* (a frame not yet over, as a headline's 今年, is no release's) */
        if (as_of && as_of->end.year == r->val.end.year) {
            /* (after a day this sentence is as of, 截至29日收盘…年内累计: to that day, not to
             * the month of a results story's frame) */
            r->val.start = (JbPoint){JB_POINT_DAY, r->val.start.year, 1, 1};
            r->val.end = as_of->end;
        } else if (jb_extract_frame_period(c, &frame) && !jb_extract_market_words(sent, end) &&
                   jb_period_end_day(&frame) <= jb_point_first_day(&c->anchor.day)) {
            JbPoint last = jb_point_of_days(jb_period_end_day(&frame) - 1);
            if (last.year == r->val.end.year && last.n < r->val.end.n && last.n >= 1)
                r->val.end = (JbPoint){JB_POINT_MONTH, last.year, last.n, 0};
        } else if (jb_extract_default_day(&c->anchor, c->sentence_market, &today) &&
                   today.end.year == r->val.end.year) {
            r->val.start = (JbPoint){JB_POINT_DAY, r->val.start.year, 1, 1};
            r->val.end = today.end;
        }
    }
}

/* What time i of the sentence stands for: 当天 the day last named; a cohort of this year (2026届,
 * not 本届: an edition) none under a note of the day its data are as of (数据统计截至…。2026届…)
 * or after a day its sentence counts to (cohort_after_as_of). */
static gboolean resolve_ref(Ctx *c, const char *sent, GArray *refs, guint i,
                            const JbPeriod *against)
{
    TimeRef *r = &g_array_index(refs, TimeRef, i);
    if (r->rel == REL_THAT_DAY)
        return c->have_last_day ? (r->val = c->last_day, TRUE)
                                : jb_extract_default_day(&c->anchor, c->sentence_market, &r->val);
    if (c->have_declared && g_ascii_isdigit(*r->at) && r->p.start.year == c->anchor.day.year &&
        ends(r->at, r->end, "届"))
        return FALSE;
    if (cohort_after_as_of(sent, refs, i))
        return FALSE;
    return jb_extract_resolve_time(r, against, &c->anchor, refs, i, &r->val);
}

/* Is the sentence [sent, end), with no figure of its own, a note of the day its data are as
 * of, the time r (本报告数据统计截至2026年8月31日，来源于…; 数据截至9月末)? It holds for what
 * follows, as a bracketed 下同 does. */
static gboolean data_as_of_note(const char *sent, const char *end, const TimeRef *r,
                                const char *first_number)
{
    static const char *const DATA[] = {"数据", "數據", "统计", "統計"};
    if (first_number < r->at || r->val.start.kind < JB_POINT_MONTH ||
        !(ends(sent, r->at, "截至") || ends(sent, r->at, "截止")))
        return FALSE;
    for (const char *p = r->end; p < end; p++)
        if (g_ascii_isdigit(*p)) /* (a figure after the day: its own sentence's time) */
            return FALSE;
    const char *w = r->at - strlen("截至");
    for (gsize i = 0; i < G_N_ELEMENTS(DATA); i++)
        if (ends(sent, w, DATA[i]))
            return TRUE;
    return FALSE;
}

/* A holiday's span in brackets after its name (端午假期（6月19日至21日）, 春节黄金周（…）), over
 * within a month of the published day: the span a holiday wrap counts in, though an editor's
 * note or a line of no figures opens the story (a year-ago holiday, 去年春运（…）, is a base) */
static gboolean holiday_just_over(const Ctx *c, const char *sent, const TimeRef *r)
{
    static const char *const names[] = {"假期（",   "假期(",    "假日（",  "黄金周（",
                                        "黃金周（", "小长假（", "小長假（"};
    gboolean named = FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(names) && !named; i++)
        named = ends(sent, r->at, names[i]);
    return named && jb_period_end_day(&r->val) + 31 > jb_point_end_day(&c->anchor.day);
}

/* Does a plan's word follow in the sentence [e, end) (2027年计划实施…。…全年新增市场主体力争突破
 * 1.2万户: the target of the year the paragraph plans; 明年全市计划完成…: a plan, not a rule's
 * effective date)? */
static gboolean plan_after(const char *e, const char *end)
{
    static const char *const W[] = {"力争", "力爭", "计划", "計劃", "目标", "目標",
                                    "争取", "爭取", "预计", "預計", NULL};
    static FirstChars firsts; /* (one walk, not a search for each word) */
    const FirstChars *f = first_chars_of(&firsts, W);
    for (const char *q = e; q < end; q = g_utf8_next_char(q))
        if (first_char_may_begin(f, q, end) && any_lit_scan(q, end, W))
            return TRUE;
    return FALSE;
}

/* Is the day r of the sentence [sent, end) one a change takes effect from (自12月8日起下调…,
 * 从11月25日起执行, …，自12月16日起生效)? */
static gboolean effective_from(const char *sent, const char *end, const TimeRef *r)
{
    if (r->val.start.kind != JB_POINT_DAY ||
        !(ends(sent, r->at, "自") || ends(sent, r->at, "从") || ends(sent, r->at, "從")))
        return FALSE;
    return starts(r->end, end, "起") || starts(r->end, end, "开始") || starts(r->end, end, "開始");
}

/* What a time r of the sentence [sent, end) tells the sentences after it: a year to come
 * (预计全年 after it is that year's), an event announced for a later day (调图后 is that
 * day's), a time declared in brackets for what follows (（…，下同）). */
static void note_for_later(Ctx *c, const char *sent, const char *end, const TimeRef *r,
                           const char *first_number)
{
    if (r->has_val && r->rel == REL_NONE && r->val.start.kind == JB_POINT_YEAR &&
        r->val.start.year == r->val.end.year && r->val.start.year > c->anchor.day.year) {
        c->future_year = r->val; /* (2027年 in a story of 2026) */
        c->have_future_year = TRUE;
    }
    if (r->has_val && r->val.start.kind >= JB_POINT_MONTH && r->rel == REL_NONE &&
        (ends(sent, r->at, "将于") || ends(sent, r->at, "將於") || ends(sent, r->at, "计划于") ||
         ends(sent, r->at, "計劃於") || ends(sent, r->at, "决定于") ||
         ends(sent, r->at, "決定於") || ends(sent, r->at, "定于") || ends(sent, r->at, "定於") ||
         effective_from(sent, end, r)) &&
        jb_period_first_day(&r->val) >= jb_point_end_day(&c->anchor.day)) {
        c->event = r->val;
        c->have_event = TRUE;
    }
    if (r->has_val && r->role == TIME_PERIOD && r->sentence_only && !r->local &&
        REL_NAMES_PERIOD(r->rel) && c->anchor.day.kind == JB_POINT_DAY &&
        jb_period_first_day(&r->val) >= jb_point_end_day(&c->anchor.day) &&
        plan_after(sent, end)) { /* (the walk over the sentence last: most times are past) */
        c->plan = r->val; /* (明年…计划完成4.6万批次。其中，市本级承担…: the plan's parts) */
        c->have_plan = TRUE;
    }
    if (r->has_val && r->role == TIME_PERIOD && r->future_word && !r->local &&
        REL_NAMES_PERIOD(r->rel) && c->anchor.day.kind == JB_POINT_DAY &&
        jb_period_first_day(&r->val) >= jb_point_end_day(&c->anchor.day)) {
        c->outlook = r->val; /* 展望下周（12月7日至11日）: what a later 他预计… is of */
        c->have_outlook = TRUE;
    }
    if (r->has_val && r->role == TIME_PERIOD && REL_NAMES_PERIOD(r->rel) && !r->local &&
        (declared_below(sent, end, r) || jb_extract_as_of_line(sent, end, r) ||
         data_as_of_note(sent, end, r, first_number))) {
        c->declared = r->val;
        c->have_declared = TRUE;
        jb_extract_year_to_as_of_line(c, sent, end, r);
    }
    /* the span of what a story counts, in brackets after its 期间 (报名期间（11月20日9时至27日
     * 18时）共有28.65万人报名), over when published: its later figures' that name no time, in
     * every paragraph */
    if (r->has_val && !c->have_declared && r->val.start.kind == JB_POINT_DAY &&
        jb_period_end_day(&r->val) - jb_period_first_day(&r->val) >= 2 &&
        c->anchor.day.kind ==
            JB_POINT_DAY && /* (over when published: 赛事期间（…）将带动… is ahead) */
        jb_period_end_day(&r->val) <= jb_point_end_day(&c->anchor.day) &&
        (ends(sent, r->at, "期间（") || ends(sent, r->at, "期間（") || ends(sent, r->at, "期间(") ||
         ends(sent, r->at, "期間(") || holiday_just_over(c, sent, r))) {
        c->declared = r->val;
        c->have_declared = TRUE;
    }
}

/* Does the sentence [s, first_number) open its figures with a forecast word (他预计，…;
 * 预计…)? */
static gboolean forecast_opening(const char *s, const char *first_number)
{
    static const char *const W[] = {"预计", "預計", "预期", "預期", "预测", "預測", NULL};
    return first_number && word_in(s, first_number, W) != NULL;
}

/* Does the sentence [sent, end) compare with the trading day before (与前一交易日持平,
 * 较上一交易日上涨): a quote of the trading day itself? */
static gboolean day_on_day(const char *sent, const char *end)
{
    static const char *const W[] = {"前一交易日",   "上一交易日",   "前一个交易日",
                                    "上一个交易日", "前一個交易日", "上一個交易日"};
    for (gsize i = 0; i < G_N_ELEMENTS(W); i++)
        if (jb_find(sent, end, W[i], strlen(W[i])))
            return TRUE;
    return FALSE;
}

/* A sentence that opens its figures with an estimate (…预计分别达到…) and names no time, after a
 * span already over when published in a year not yet over (1—11月，…。城乡居民人均可支配收入
 * 预计分别达到…, in December): the estimate is of the whole year, not of the span the facts
 * before it were of. `p` (the carried period) becomes that year. */
static gboolean estimate_of_its_year(const Ctx *c, JbPeriod *p)
{
    const JbPoint *d = &c->anchor.day;
    if (d->kind != JB_POINT_DAY || jb_period_freq(p) == JB_FREQ_YEAR ||
        jb_period_end_day(p) > jb_point_first_day(d))
        return FALSE;
    JbPoint last = jb_point_of_days(jb_period_end_day(p) - 1);
    if (last.year != d->year || jb_point_of_days(jb_period_first_day(p)).year != d->year)
        return FALSE;
    *p = jb_period_of((JbPoint){JB_POINT_YEAR, d->year, 0, 0});
    return TRUE;
}

/* Does the sentence [s, first_number) give its figures as an estimate (…预计分别达到…)? (Not
 * 预期, which names things too: 预期信用损失.) */
static gboolean estimate_opening(const char *s, const char *first_number)
{
    static const char *const W[] = {"预计", "預計", "预估", "預估", NULL};
    return first_number && word_in(s, first_number, W) != NULL;
}

/* The first period a sentence carries on to the next ones. */
typedef struct {
    JbPeriod p;
    gboolean have;
} Carried;

/* Does a span to date said in passing, r (今年以来, 年初以来, 9月以来), stay in its sentence
 * [.., end)? After a period the sentence carries already (7月…按月跌0.9%，今年以來累計下跌約7%。
 * 同期，…: July's), or when the next sentence names no time and opens with no part of the span's
 * figures (今年以来，…新增4个试点城市。按现行政策，…每月最高可报销1800元: a rule in force, now;
 * not …。去年同期，…, nor …。其中，…). */
static gboolean since_stays(const Ctx *c, const TimeRef *r, const char *end, gboolean carried)
{
    if (!r->loose || r->rel != REL_NONE ||
        !(ends(r->at, r->end, "以来") || ends(r->at, r->end, "以來") ||
          starts(r->end, end, "以来") || starts(r->end, end, "以來")))
        return FALSE;
    if (carried)
        return TRUE;
    const char *n = end;
    if (*n && sentence_end_at(n))
        n = g_utf8_next_char(n);
    while (*n == ' ' || *n == '\t')
        n++;
    const char *ne = n;
    while (*ne && !sentence_end_at(ne) && ne - n < 600)
        ne = g_utf8_next_char(ne);
    if (!*n || g_str_has_prefix(n, "其中") || (*ne && !sentence_end_at(ne)))
        return FALSE; /* (the paragraph's end, a part, or a sentence too long to look into) */
    GArray *next = g_array_new(FALSE, FALSE, sizeof(TimeRef));
    jb_extract_time_refs(n, ne, &c->anchor, next);
    gboolean none = next->len == 0;
    g_array_unref(next);
    return none;
}

/* Does the period p, named in a sentence after `first`, carry on to the next sentences? Not
 * when it was over before the first began: a reference to compare with (三季度…为10,862元；
 * 上半年为10,594元。 1—11月…，已超过去年全年的…。): the sentences after it speak of the
 * first one. */
static gboolean carries_on(Carried *first, const JbPeriod *p)
{
    if (first->have && jb_period_end_day(p) <= jb_period_first_day(&first->p))
        return FALSE;
    if (!first->have)
        first->p = *p;
    first->have = TRUE;
    return TRUE;
}

/* A story about a periodic report whose title names none: the span its figures open with (its
 * lead, else its title's), when it runs from January to a quarter's end (前三季度, 上半年, 2025年),
 * is what its 报告期内 means (某公司披露三季报。前三季度，…。报告期内，…: 1—9月). */
static void story_report(Ctx *c)
{
    const JbPeriod *p = c->have_lead ? &c->lead : c->have_title_period ? &c->title_period : NULL;
    TimeAnchor *a = &c->anchor;
    a->have_story_report = FALSE;
    if (a->have_report || !p)
        return;
    JbPoint first = jb_point_of_days(jb_period_first_day(p));
    JbPoint last = jb_point_of_days(jb_period_end_day(p) - 1);
    JbPoint next = jb_point_of_days(jb_period_end_day(p));
    /* (whole quarters within a year: 前三季度, 上半年, a fiscal half 截至9月30日止六個月) */
    a->have_story_report = first.n % 3 == 1 && first.day == 1 && last.n % 3 == 0 && next.day == 1 &&
                           (last.year - first.year) * 12 + last.n - first.n < 12;
    a->story_report = *p;
}

/* The period the sentence [sent, end) takes from before it where it names none: the
 * paragraph's carried one, a day announced ahead (调图后, 届时), a span an earlier sentence
 * looked out on when this one opens with a forecast word. */
static void carry_in(Ctx *c, const char *sent, const char *end, const char *first_number)
{
    c->carry_in = c->carry;
    c->have_carry_in = c->have_carry;
    c->carry_in_as_of = c->carry_as_of;
    story_report(c);
    gboolean plan = c->have_plan; /* (the sentence just before's only) */
    c->have_plan = FALSE;
    if (plan && (starts(sent, end, "其中") || starts(sent, end, "其中，"))) {
        c->carry_in = c->plan; /* 明年…计划完成…。其中，市本级承担8,000批次: the plan's */
        c->have_carry_in = TRUE;
        c->carry_in_as_of = FALSE;
    }
    if (c->carry_in_as_of && day_on_day(sent, end))
        c->have_carry_in = FALSE; /* 截至上周五（12月4日），铜库存…。沪镍与前一交易日持平，报…: the
                                   * session's quote, not a stock as of that day */
    if (c->have_carry_in && estimate_opening(sent, first_number) &&
        estimate_of_its_year(c, &c->carry_in))
        c->carry_in_as_of = FALSE;
    if (c->have_event && after_the_event(sent, end, first_number)) {
        c->carry_in = c->event; /* 将于12月10日起实行…。调图后，…1.32万列: that day's */
        c->have_carry_in = TRUE;
        c->carry_in_as_of = FALSE;
    }
    if (c->have_outlook && forecast_opening(sent, first_number)) {
        c->carry_in = c->outlook; /* 展望下周（…），…。他预计，…: the week looked out on */
        c->have_carry_in = TRUE;
        c->carry_in_as_of = FALSE;
    }
    jb_extract_month_of_total(c, sent, end);
}

/* The time refs[i], read against a narrower time the sentence named before it (`here`, the
 * last period it named; the times before it): a bare 周 is that week, a year's end around it
 * no period of the figures. */
static void within_named(GArray *refs, guint i, const Carried *here)
{
    TimeRef *r = &g_array_index(refs, TimeRef, i);
    /* (周内 after the sentence named a week ahead, 下周（12月7日至13日），…；周内累计降水量
     * 预计为…: that week, not the published one; among the 16 times before it) */
    for (guint k = i; r->has_val && r->bare_week && k-- > 0 && k + 16 >= i;) {
        const TimeRef *w = &g_array_index(refs, TimeRef, k);
        gint64 days = w->has_val && w->role == TIME_PERIOD && w->val.start.kind == JB_POINT_DAY
                          ? jb_period_end_day(&w->val) - jb_period_first_day(&w->val)
                          : 0;
        if (days >= 5 && days <= 7) {
            r->val = w->val;
            break;
        }
    }
    /* (a year's end said of a time within it the sentence named, 下周（12月7日至11日），…年末
     * 财政支出加快，…同业存单到期: the season around it, not the figures' period) */
    if (r->has_val && r->rel == REL_YEAR_END && here->have &&
        jb_period_first_day(&r->val) <= jb_period_first_day(&here->p) &&
        jb_period_end_day(&here->p) <= jb_period_end_day(&r->val) &&
        jb_period_end_day(&here->p) - jb_period_first_day(&here->p) <
            jb_period_end_day(&r->val) - jb_period_first_day(&r->val))
        r->local = TRUE;
}

/* The times of the sentence [sent, end), each resolved where it stands: against the
 * period in force, which a period it names replaces (a base or a relative time does not).
 * The paragraph's carried period becomes the last one named. */
void read_times(Ctx *c, const char *sent, const char *end, const char *first_number)
{
    GArray *refs = c->times;
    g_array_set_size(refs, 0);
    const GArray *qs = c->quantities;
    carry_in(c, sent, end, first_number);
    jb_extract_time_refs(sent, end, &c->anchor, refs);
    jb_extract_named_mentions(c, sent, first_number, end, refs);
    JbPeriod ctx = c->carry;
    gboolean have_ctx = c->have_carry || jb_extract_default_period(c, TRUE, &ctx);
    /* 上月, 上季 count back from a period this paragraph named; from a story's headline
     * period they would count from a month the text never spoke in: the published date */
    gboolean ctx_named = c->have_carry;
    gboolean items = jb_find3(sent, end, "；") || memchr(sent, ';', (size_t)(end - sent));
    const char *walked = sent, *item = sent;
    gboolean lead_here = FALSE; /* the story's lead period was named in this sentence */
    Carried first = {0};        /* the first period this sentence carries on */
    Carried here = {0};         /* the last period this sentence named */
    for (guint i = 0; i < refs->len; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        gboolean relative = r->rel == REL_PREV || r->rel == REL_THIS;
        const JbPeriod *against = have_ctx && (ctx_named || !relative) ? &ctx : NULL;
        if (relative && !ctx_named && c->have_story_named)
            against = &c->story_named;
        /* 预计全年 after a forecast of a year to come (我们预计，2027年GDP…。预计全年CPI…): that
         * year's, though a forecast's time carries to no later sentence of facts */
        if (r->rel == REL_YEAR && c->have_future_year && !ctx_named &&
            (ends(sent, r->at, "预计") || ends(sent, r->at, "預計") || ends(sent, r->at, "预期") ||
             ends(sent, r->at, "預期") || plan_after(r->end, end)))
            against = &c->future_year;
        r->has_val = resolve_ref(c, sent, refs, i, against);
        if (r->has_val && i > 0)
            since_to_day(refs, i);
        since_event_to_day(c, sent, r);
        if (r->has_val && r->rel == REL_NONE && r->role != TIME_BASE && !r->now_word &&
            !r->festival && r->val.start.kind == JB_POINT_DAY &&
            jb_period_first_day(&r->val) == jb_period_end_day(&r->val) - 1) {
            c->last_day = r->val;
            c->have_last_day = TRUE;
        }
        if (r->has_val)
            jb_extract_in_story_year(c, refs, i, r);
        if (r->has_val && have_ctx && ctx_named) {
            in_context_month(r, &ctx);
            this_month_reported(c, sent, end, r, &ctx);
        }
        jb_extract_name_span(c, sent, r);
        /* (a time not over when published, as a headline's 今年, names no month to run to) */
        gboolean ctx_over = have_ctx && ctx_named && c->anchor.day.kind == JB_POINT_DAY &&
                            jb_period_end_day(&ctx) <= jb_point_first_day(&c->anchor.day);
        since_new_year_to(c, refs, i, &ctx, ctx_over, sent, end);
        /* a time after a figure of its item (…8123.40点，本周涨0.92%；德国…) is that item's */
        after_figures(refs, i, sent, end, item_start(sent, end, r->at, &walked, &item, &items), qs,
                      have_ctx ? &ctx : NULL, &c->anchor);
        within_named(refs, i, &here);
        note_for_later(c, sent, end, r, first_number);
        jb_extract_note_opening_day(c, r, first_number);
        if (r->has_val && r->role == TIME_PERIOD && REL_NAMES_PERIOD(r->rel) && !r->local) {
            ctx = here.p = r->val;
            here.have = TRUE;
            have_ctx = ctx_named = TRUE;
            /* a span of days carries on only from a sentence with figures of its own:
             * 10月17日至18日，…在…考察调研 is a visit's time; a span defining a name in
             * brackets (五一假期（5月1日至5日），…) is the story's */
            gboolean bracketed = r->at > sent && (ends(sent, r->at, "（") || r->at[-1] == '(');
            gboolean days = r->val.start.kind == JB_POINT_DAY && r->val.end.kind == JB_POINT_DAY &&
                            jb_period_freq(&r->val) != JB_FREQ_DAY && !bracketed;
            /* (a span with its hours in brackets after a name defines the name's span for the
             * story, as one of days: 今年“双11”大促（10月15日20时至11月11日24时）期间) */
            if (bracketed && r->val.start.kind == JB_POINT_DAY &&
                jb_period_end_day(&r->val) - jb_period_first_day(&r->val) >= 2)
                r->sentence_only = FALSE;
            if (r->sentence_only || r->future_word || since_stays(c, r, end, first.have) ||
                (days && first_number >= end && !r->by_ends &&
                 (!g_ascii_isdigit(*r->at) || a_visit(sent, end))) ||
                !carries_on(&first, &r->val))
                continue;
            c->carry = r->val;
            c->have_carry = TRUE;
            c->carry_as_of = ends(sent, r->at, "截至") || ends(sent, r->at, "截止");
            if (r->val.start.kind == JB_POINT_YEAR && r->val.end.kind == JB_POINT_YEAR &&
                r->val.end.year > r->val.start.year) {
                c->years_span = r->val;
                c->have_years_span = TRUE;
            }
            c->story_named = r->val;
            c->have_story_named = TRUE;
            /* (a span in brackets narrows the lead just named: 今年“五一”假期（5月1日至5日）) */
            gboolean narrows = lead_here && c->have_lead && bracketed &&
                               jb_period_first_day(&r->val) >= jb_period_first_day(&c->lead) &&
                               jb_period_end_day(&r->val) <= jb_period_end_day(&c->lead);
            /* (a title line's 2026年 narrowed by the week or holiday the story opens with;
             * not by a stock's date: 上半年… ¶ 截至6月末… keeps the half) */
            gboolean refines = c->lead_refinable && c->have_lead && !lead_here &&
                               r->val.start.kind == JB_POINT_DAY &&
                               r->val.end.kind == JB_POINT_DAY &&
                               jb_period_first_day(&r->val) >= jb_period_first_day(&c->lead) &&
                               jb_period_end_day(&r->val) <= jb_period_end_day(&c->lead);
            if ((c->lead_open || narrows || refines) && jb_period_freq(&r->val) != JB_FREQ_DAY &&
                !r->future_word && !r->loose && r->at < first_number) {
                /* (named before the story's figures) */
                c->lead = r->val; /* a story opening "今年第二季…": its figures' period */
                c->have_lead = TRUE;
                c->lead_in_item = c->numbered_item;
                jb_extract_note_reviewed(c, &r->val);
                c->lead_refinable = first_number >= end && !ends_as_sentence(end);
                lead_here = TRUE;
            }
            /* (a day opening the story is when it happened, not its figures' period:
             * 3月28日晚间，某行发布2025年年度报告。…2025年… — the year still opens it) */
            if (jb_period_freq(&r->val) != JB_FREQ_DAY)
                c->lead_open = FALSE;
        }
    }
}
