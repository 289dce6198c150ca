/* jb_extract_statement_change.c — which time a figure takes (the nearest time of its clause,
 * the day of a market report) and changes since a base: a figure after 比2020年底 (增加1.9万
 * 公里) spans from the base to the period in force; a plan document's yearly figures span the
 * plan's years (plan_rate).
 *
 * Not for: reading the times themselves (jb_extract_period.c), choosing the statement's
 * period among them (statement_period, jb_extract_statement.c), a span's close
 * (jb_extract_close.c).
 */
#include "jb_extract_period_priv.h"
#include "jb_extract_statement_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* The time a figure at [qs, qe) in clause ending `ce` takes from its sentence: the
 * nearest period named before it (or a base right before it: 較第一季的4.2%), else one
 * named after it in its clause (增长5.9%（2025年）). NULL when the sentence names none. */
/* Where a conditional clause (若, 如果, 一旦…) opens the clause at `cs0` or the one before it,
 * after the sentence's start; NULL when neither does. */
/* Does the NUL-terminated `s` begin with `w`? Byte by byte (a strncmp call and a strlen per
 * word cost more: Chinese words share their first byte). */
static gboolean begins(const char *s, const char *w)
{
    while (*w && *s == *w)
        s++, w++;
    return !*w;
}

static const char *scenario_start(const Ctx *c, const char *cs0)
{
    const char *sent = c->sentence_start;
    const char *before = cs0 > sent ? jb_extract_clause_start(c, sent, cs0 - 1) : NULL;
    for (const char *const *w = jb_words_conditional; *w; w++) {
        if (cs0 > sent && begins(cs0, *w))
            return cs0;
        if (before && before > sent && begins(before, *w))
            return before;
    }
    return NULL;
}

/* Is time `r` that of the base a ratio at qs is measured against, named after a verb of
 * comparison and joined to the ratio by 的 (相当于2025年全年营业收入65.9亿元的约48%, 是去年全年营收
 * 的两倍多, 相当于“十三五”期间新增总量的1.3倍, and 占 a whole of another period than the one the
 * sentence named)? The ratio is its clause's; 占2025年营收的48% alone is a part of that year's
 * whole, and keeps it. */
static gboolean base_of_ratio(const Ctx *c, const char *cs0, const TimeRef *r, const char *qs)
{
    static const char *const VERB[] = {"相当于", "相當於", "是",     "为",   "為",   "恢复至",
                                       "恢复到", "恢復至", "恢復到", "达到", "達到", "超过",
                                       "超過",   "接近",   "不及",   NULL};
    const char *at = r->at;
    if (at < cs0)
        return FALSE;
    gboolean verb = ends_any(cs0, at, VERB);
    if (!verb && (ends(cs0, at, "占") || ends(cs0, at, "佔"))) {
        /* 2026年上半年，出口额占2025年全年出口额的55%: the whole of another period than the
         * one the sentence named first */
        for (guint k = 0; k < c->times->len && k < 64 && !verb; k++) {
            const TimeRef *o = &g_array_index(c->times, TimeRef, k);
            if (o->at >= at)
                break;
            verb = o->at >= c->sentence_start && o->role == TIME_PERIOD && o->has_val &&
                   r->has_val && !jb_period_equal(&o->val, &r->val);
        }
    }
    /* (a base joined by 的 within a phrase of it: a clause of thousands of ratios after one
     * base had each walk back to it, 8000 的5% after 相当于2025年…: 1.4 s) */
    if (!verb || qs - r->end > 3 * CLAUSE_WINDOW)
        return FALSE;
    for (const char *p = r->end; p < qs; p = g_utf8_next_char(p))
        if (starts(p, qs, "，") || starts(p, qs, "；") || starts(p, qs, "。"))
            return FALSE;
    return jb_find3(r->end, qs, "的") != NULL;
}

/* Is time `r` that of a target or budget a share at qs is how much of (已達全年預算九成半,
 * 完成全年目标任务的91.7%)? The share is of the running total the sentence reports. */
static gboolean target_of_share(const TimeRef *r, const char *qs)
{
    static const char *const TARGET[] = {"预算", "預算", "目标", "目標", "计划",
                                         "計劃", "任务", "任務", NULL};
    gboolean target = FALSE;
    for (const char *const *w = TARGET; *w && !target; w++)
        target = starts(r->end, qs, *w);
    /* (全年30万辆销量目标的约95%: the target's size and name between) */
    const char *p = r->end;
    for (int k = 0; k < 12 && !target && p < qs && g_ascii_isdigit(*r->end); k++) {
        for (const char *const *w = TARGET; *w && !target; w++)
            target = starts(p, qs, *w);
        p = g_utf8_next_char(p);
    }
    if (!target || qs - r->end > 3 * CLAUSE_WINDOW)
        return FALSE; /* (a share right after it: a clause of thousands was walked back each) */
    for (p = r->end; p < qs; p = g_utf8_next_char(p))
        if (starts(p, qs, "，") || starts(p, qs, "；") || starts(p, qs, "。") || *p == ',')
            return FALSE;
    return TRUE;
}

/* Does [a, b) hold a word of a change (降幅, 增长, 复合增速, CAGR…)? Read back from b over
 * CLAUSE_WINDOW characters at most: a clause of a megabyte with no punctuation has a figure
 * every few characters, and each read all of it before it (40000 figures: 37 s). */
static gboolean change_word_in(const char *a, const char *b)
{
    static const char *const CHANGE[] = {"降幅", "增幅", "涨幅", "跌幅", "漲幅", "下降", "增长",
                                         "增長", "上涨", "下跌", "提高", "降低", "减少", "減少",
                                         "增加", "翻",   "增速", "CAGR", NULL};
    for (const char *p = jb_utf8_back(a, b, CLAUSE_WINDOW); p < b; p = g_utf8_next_char(p))
        for (const char *const *w = CHANGE; *w; w++)
            if (starts(p, b, *w))
                return TRUE;
    return FALSE;
}

static gboolean change_words_only(const char *a, const char *b);

/* Is base r joined to the figure at qs by a short noun of what it was and 的 (较今年5月春拍的
 * 15.2亿元, 比去年秋拍的280件, 较今年4月A+轮时的4.2亿美元), or the figure in brackets after it
 * (已超过去年全年成交量（11.9万套）): the base's own figure, of its time? A verb of change between
 * (较上年多增的) makes it none. */
static gboolean base_noun_de(const TimeRef *r, const char *qs)
{
    static const char *const CHANGE_CHARS = "增减減降升涨漲跌多少高低上下";
    gsize join = qs > r->end && qs[-1] == '(' ? 1 : 3;
    if (r->role != TIME_BASE || qs < r->end + join || qs - r->end > (ptrdiff_t)(6 * strlen("的")) ||
        (join == 3 && !lit_starts(qs - 3, qs, &(Lit)LIT("的")) &&
         !lit_starts(qs - 3, qs, &(Lit)LIT("（"))))
        return FALSE;
    for (const char *p = r->end; p < qs - join; p = g_utf8_next_char(p)) {
        gunichar u = g_utf8_get_char(p);
        if (g_ascii_isalpha(*p) || *p == '+' || *p == '-')
            continue; /* (a round's name: 较今年3月A+轮时的3.5亿美元, Pre-A轮) */
        if (u < 0x4E00 || u > 0x9FFF || g_utf8_strchr(CHANGE_CHARS, -1, u))
            return FALSE;
    }
    return TRUE;
}

/* Is r the report's period said again (期内, 期內 opening a clause)? A time the figure's own
 * clause names after it (期內…約2,100個單位於8月起陸續入伙) is the figure's instead. */
static gboolean in_the_period(const TimeRef *r)
{
    return r->end - r->at == (ptrdiff_t)strlen("期内") &&
           (starts(r->at, r->end, "期内") || starts(r->at, r->end, "期內"));
}

/* Is there a period among refs from i on, after qe and in the clause (before ce)? The first 8. */
static gboolean period_in_clause(const GArray *refs, guint i, const char *qe, const char *ce)
{
    for (guint k = i; k < refs->len && k < i + 8; k++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, k);
        if (r->at >= ce)
            break;
        if (r->at >= qe && r->has_val && r->role == TIME_PERIOD)
            return TRUE;
    }
    return FALSE;
}

/* The period refs[i] (a clause before the figure's named it) of a chain-on-chain change at qs
 * (环比 in its clause [cs0, qs)): when refs[i] is the period just before one the sentence
 * named earlier, that one (10月份…同比上涨0.3%，上月为下降0.5%，环比上涨0.4%: October's move
 * over September; 本周（…）…，上周（…）为65.7万标准箱，环比增长3.8%: this week's). */
static const TimeRef *chain_change_of(const GArray *refs, guint i, const char *cs0, const char *qs)
{
    const TimeRef *r = &g_array_index(refs, TimeRef, i);
    if (r->end > cs0 || !starts(r->at, r->end, "上") ||
        (!jb_find(cs0, qs, "环比", strlen("环比")) && !jb_find(cs0, qs, "環比", strlen("環比"))))
        return r; /* (a time of its own, 11月…；10月末…，环比减少0.5%, is the change's) */
    for (guint k = i; k-- > 0 && k + 8 >= i;) {
        const TimeRef *w = &g_array_index(refs, TimeRef, k);
        JbPeriod before;
        if (jb_find3(w->end, r->at, "；") || memchr(w->end, ';', (size_t)(r->at - w->end)))
            break; /* (another item's) */
        if (w->has_val && w->role == TIME_PERIOD && !w->local &&
            jb_extract_period_before(&w->val, &before) && jb_period_equal(&before, &r->val))
            return w;
    }
    return r;
}

/* Is the clause at cs0 (and each between it and r's) a change or share of the figure just before
 * it (of_last_figure: …，前10月累計1,846億元，年增18.9%，占…比重約22.7%), r a time said after a
 * figure of its item (local to its clause: 10月保費…，前10月累計…)? Then r is its time too. */
static gboolean of_last_figure(const Ctx *c, const TimeRef *r, const char *cs0)
{
    for (int k = 0; r->after_item && k < 4 && cs0 > c->sentence_start; k++) {
        const char *const *w = jb_words_of_last_figure;
        while (*w && !jb_has_prefix(cs0, *w))
            w++;
        if (!*w)
            return FALSE;
        cs0 = jb_extract_clause_start(c, c->sentence_start, cs0 - 1);
        if (cs0 <= r->at)
            return TRUE;
    }
    return FALSE;
}

const TimeRef *figure_time(const Ctx *c, const JbQuantity *q, const char *qs, const char *qe,
                           const char *ce)
{
    const GArray *refs = c->times;
    gboolean multiple = strcmp(q->unit, "倍") == 0; /* 为2020年的3倍: 3倍 is now, not 2020 */
    gboolean ratio = multiple || strcmp(q->unit, "%") == 0;
    const char *cs0 = jb_extract_clause_start(c, c->sentence_start, qs);
    /* the refs ending by qs: the last few of them (bisection, then at most 64 looked at) */
    guint lo = 0, hi = refs->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(refs, TimeRef, mid).end <= qs)
            lo = mid + 1;
        else
            hi = mid;
    }
    guint first_after = lo;
    /* a time in brackets right after the figure is its own (最大小时雨强为92.5毫米（6日2时至3时，
     * 石门站）) */
    if (first_after < refs->len && (starts(qe, ce, "（") || (qe < ce && *qe == '('))) {
        const TimeRef *r = &g_array_index(refs, TimeRef, first_after);
        const char *in = qe + (*qe == '(' ? 1 : strlen("（"));
        if (r->at == in && r->has_val && r->role != TIME_BASE && r->role != TIME_RESTATE &&
            r->rel == REL_NONE && r->val.start.kind == JB_POINT_DAY)
            return r;
    }
    /* the time its own clause says it will be done (剩余188亿元将于12月上旬全部下达), over a
     * time before the clause (截至目前，…) */
    for (guint i = first_after; i < refs->len && i < first_after + 4; i++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->at >= ce)
            break;
        if (r->at >= qe && r->has_val && r->future_word && r->role == TIME_PERIOD &&
            (ends(qe, r->at, "将于") || ends(qe, r->at, "將於") || ends(qe, r->at, "将在") ||
             ends(qe, r->at, "將在")) &&
            !jb_find(qe, r->at, "，", strlen("，")))
            return r;
    }
    /* a scenario of its own (…将在6月至7月开始减息，若关税…，美汇指数有机会跌穿99水平): the
     * times before its 若 are another scenario's */
    const char *scenario = scenario_start(c, cs0);
    int change = -1; /* change_word_in(cs0, qs), read once when asked */
    for (guint i = lo, seen = 0; i-- > 0 && seen < 64; seen++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (scenario && r->end <= scenario)
            break;
        if (r->local && r->loose && r->end <= cs0 &&
            (change < 0 ? (change = change_word_in(cs0, qs)) : change))
            return NULL; /* …由2024年的…增至2030年的…，复合增速超过90%: between the two levels */
        if (r->end > qs || !r->has_val || r->role == TIME_RESTATE ||
            (r->local && r->end <= cs0 && !of_last_figure(c, r, cs0)))
            continue;
        if (ratio && (base_of_ratio(c, cs0, r, qs) || target_of_share(r, qs)))
            continue;
        const char *g = r->end;
        gboolean direct = g == qs || (lit_starts(g, qs, &(Lit)LIT("的")) && g + 3 == qs) ||
                          ((starts(g, qs, "（") && g + 3 == qs) || (*g == '(' && g + 1 == qs));
        if ((direct || base_noun_de(r, qs)) && r->role != TIME_DAY &&
            !(r->role == TIME_BASE && (multiple || r->share_of)))
            return r;
        if (r->local && r->loose && change_words_only(r->end, qs))
            return r; /* 由上月下降0.2%转为持平: the change it turned from is last month's */
        if (r->local && r->loose)
            continue; /* 由2020年的1,120家增加到2,860家: the level it ran from is 2020's, not 2,860 */
        if (r->role == TIME_PERIOD && !(in_the_period(r) && period_in_clause(refs, lo, qe, ce)))
            return chain_change_of(refs, i, cs0, qs);
        if (r->role == TIME_DAY && c->sentence_market)
            return r; /* 恒生指數今日收報17430點，升320點: a market's figures are the day's */
        if (r->role == TIME_DAY && r->at == cs0 && (!r->local || r->after_item) && !r->event)
            return r; /* …；1月21日全省最高用电负荷达到6702万千瓦: a clause opened by its day
                       * (after a figure of its item too: …后两天客流回落，10月7日降至…) */
    }
    /* (over the next 64 times of its clause at most: one of thousands of figures and times
     * none of which is a period, 较上年同期增长5%…, walked all after it at each figure) */
    for (guint i = first_after; i < refs->len && i < first_after + 64; i++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->at >= ce)
            break;
        if (r->at >= qe && r->end <= ce && r->has_val && r->role == TIME_PERIOD)
            return r;
    }
    return NULL;
}

/* Does the sentence being read hold a market word (found with its keywords)? */
gboolean market_sentence(const Ctx *c)
{
    return c->sentence_market;
}

/* How many of the sentence's times (in order) begin before `qs`: bisection. */
static guint times_before(const Ctx *c, const char *qs)
{
    guint lo = 0, hi = c->times->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(c->times, TimeRef, mid).at < qs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The last day the sentence names before `qs` as the day something was said or done
 * (日本央行5月1日宣布维持0.5%的利率, 3月11日全国民航执行航班14862班次): the time of a figure
 * whose sentence names no period, before any carried from an earlier sentence. */
gboolean sentence_day(const Ctx *c, const char *qs, JbPeriod *out)
{
    /* back from the last time before qs: the first that is a day is the last one (a
     * sentence of thousands of days and figures walked all of them at each figure), over the
     * last 64 times before it at most (one of thousands of figures and times but no day
     * walked them all: 16000 较上年同期增长5% in a clause, 18 s) */
    for (guint i = times_before(c, qs), seen = 0; i-- > 0 && seen < 64; seen++) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, i);
        /* (a date written out: 昨日, 当日 are the published day's neighbours, which a
         * briefing or a report reads its own way) */
        /* (the end of a span from a day, 今日起至本周五: its start is when it is said) */
        gboolean span_end = r->at > c->sentence_start && (ends(c->sentence_start, r->at, "至") ||
                                                          ends(c->sentence_start, r->at, "到"));
        /* (今天, 今日: the day of the story it opens, not a day an earlier story opened with) */
        gboolean today = starts(r->at, qs, "今天") || starts(r->at, qs, "今日");
        if (r->role == TIME_DAY && r->has_val && jb_period_freq(&r->val) == JB_FREQ_DAY &&
            (g_ascii_isdigit(*r->at) || r->weekday || today) && !span_end && !r->local) {
            *out = r->val;
            return TRUE;
        }
    }
    return FALSE;
}

/* The words between a base of comparison and the change measured from it (比年初增加,
 * 较8月末下跌约16.9%): a change verb, a hedge. */
static const char *const CHANGE_VERBS[] = {
    "增加", "新增", "净增", "淨增", "净减", "淨減", "减少", "減少", "下降", "下跌",
    "上涨", "上漲", "上升", "提高", "增长", "增長", "回落", "降低", "扩大", "擴大",
    "缩小", "縮小", "升值", "贬值", "貶值", "下行", "上行", "多",   "少",   NULL};

static gboolean change_words_only(const char *a, const char *b)
{
    static const char *const EXTRA[] = {"了", "约", "約", "近", "超过", "超過", "逾", NULL};
    Span x = trimmed(a, b);
    gboolean verb = FALSE;
    for (const char *p = x.a; p < x.b;) {
        const char *next = NULL;
        for (const char *const *w = CHANGE_VERBS; *w && !next; w++)
            if (starts(p, x.b, *w))
                next = p + strlen(*w), verb = TRUE;
        for (const char *const *w = EXTRA; *w && !next; w++)
            if (starts(p, x.b, *w))
                next = p + strlen(*w);
        if (!next)
            return FALSE;
        p = next;
    }
    return verb;
}

/* After a base named with 与…相比 (与2025年末相比，外汇储备累计上升1089亿美元): 相比, the
 * next clause's subject (no figure, no other clause) and the change words before the figure. */
static gboolean compared_then_change(const char *a, const char *qs)
{
    static const char *const OPEN[] = {"相比，", "相比,", "相較，", "相较，", "比较，", NULL};
    const char *x = NULL;
    for (const char *const *w = OPEN; *w && !x; w++)
        if (starts(a, qs, *w))
            x = a + strlen(*w);
    /* (a subject of a few words: the clause of a megabyte is not walked) */
    for (const char *p = x; p && p < qs && p - x <= 3 * 24; p = g_utf8_next_char(p)) {
        if (starts(p, qs, "，") || starts(p, qs, "；") || g_ascii_isdigit(*p))
            return FALSE;
        if ((starts(p, qs, "累计") || starts(p, qs, "累計")) &&
            change_words_only(p + strlen("累计"), qs))
            return TRUE;
        if (change_words_only(p, qs))
            return TRUE;
    }
    return FALSE;
}

/* A change measured from a base that is a point in time (比年初增加6428亿元, 较8月末下跌16.9%):
 * since a day (较上周五) the trading days from it; since a month's or year's end the stock's
 * time, but a net addition (净增) or one over whole years to a year's end (分别比2020年底增加)
 * the span (2021/2025). The members of a list after the first take its base. */
/* Is [a, b) — from a change since a base to the next figure — a part of it: 其中 (or, after
 * a part, another clause) naming a thing and a change verb, no other clause mark between? */
static gboolean part_of_change(const char *a, const char *b, gboolean after_part)
{
    static const char *const VERBS[] = {"增加", "减少", "減少", "多增", "少增",
                                        "新增", "下降", "增长", "增長", NULL};
    Span x = trimmed(a, b);
    if (starts(x.a, x.b, "，"))
        x.a += strlen("，");
    if (starts(x.a, x.b, "其中"))
        x.a += strlen("其中");
    else if (!after_part)
        return FALSE;
    for (const char *p = x.a; p < x.b; p = g_utf8_next_char(p))
        if (starts(p, x.b, "；") || starts(p, x.b, "。") || starts(p, x.b, "，") || *p == ';' ||
            g_ascii_isdigit(*p))
            return FALSE;
    return ends_any(x.a, x.b, VERBS);
}

/* Is r the time of a level compared with, the change right after it (较二季度末的39.7亿元增加
 * 8.9亿元, 比上年末的1.2万家增长12%): 较 or 比 before it, 的 after it, one figure and a verb of
 * change up to qs? */
static gboolean level_compared_then_change(const char *cs0, const TimeRef *r, const char *qs)
{
    if (!(ends(cs0, r->at, "较") || ends(cs0, r->at, "較") || ends(cs0, r->at, "比")) ||
        !starts(r->end, qs, "的"))
        return FALSE;
    gboolean verb = ends_any(r->end, qs, CHANGE_VERBS);
    if (!verb || qs - r->end > 3 * 24)
        return FALSE;
    for (const char *p = r->end; p < qs; p++)
        if (starts(p, qs, "，") || starts(p, qs, "；"))
            return FALSE;
    return TRUE;
}

void change_since_base(Ctx *c, const char *sent, const char *cs0, const char *qs, const char *qe,
                       char period[JB_PERIOD_MAX])
{
    const TimeRef *base = NULL;
    /* the nearest base back from the figure, over the sentence's last 16 times before it (a
     * clause of thousands of figures and times asks this of each figure) */
    for (guint i = times_before(c, qs), seen = 0; i-- > 0 && seen < 16 && !base; seen++) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, i);
        if (r->at < sent)
            break;
        /* (a point in time: 年初, 上年末, 8月末, 2020年底 — not a period compared with, as
         * 较上季, 较上年同期, 较一季度) */
        gboolean point = ends(r->at, r->end, "末") || ends(r->at, r->end, "底") ||
                         ends(r->at, r->end, "初") ||
                         (r->has_val && r->val.start.kind == JB_POINT_DAY &&
                          r->rel != REL_YEAR_AGO && r->rel != REL_SAME && r->rel != REL_DAYS_AGO &&
                          !ends(r->at, r->end, "旬"));
        /* (较上周五; not 较一周前, the day's move, nor 比10月中旬, a third of a month compared
         * with: the figure keeps its day) */
        /* (比上年同期 at 截至12月5日 resolves to a day a year back, yet is the period
         * compared with, not a day since which: a span from the trading day after it had
         * run a year, 2025-12-08/2026-12-05) */
        if (r->role == TIME_BASE && r->has_val && !r->share_of && point &&
            ((r->at >= cs0 && change_words_only(r->end, qs)) ||
             (r->at >= sent && compared_then_change(r->end, qs))))
            base = r;
        else if (r->has_val && point && r->at >= cs0 && level_compared_then_change(cs0, r, qs))
            base = r; /* 较二季度末的39.7亿元增加8.9亿元: since the level's time */
    }
    JbPeriod from;
    gboolean have = FALSE;
    if (base && base->val.start.kind == JB_POINT_DAY) {
        /* since a day (较上周五, 较上周末, 比6月5日): from the next trading day to the
         * figure's day */
        JbPeriod p;
        if (!period[0] || !jb_period_parse(period, &p, NULL) || jb_period_freq(&p) != JB_FREQ_DAY)
            return;
        gint64 first = jb_extract_trading_day_after(jb_period_end_day(&base->val) - 1);
        if (first > jb_period_first_day(&p))
            return;
        JbPeriod span = {jb_point_of_days(first), p.start};
        JbPoint after_base = jb_point_of_days(jb_period_end_day(&base->val));
        JbPoint after_fig = jb_point_of_days(jb_period_end_day(&p));
        if (after_base.day == 1 && after_fig.day == 1) {
            /* from a month's end to a month's end (较2026年3月31日增加, 截至9月30日): the
             * months between, as a span of whole months is written */
            JbPoint last = jb_point_of_days(jb_period_end_day(&p) - 1);
            span = (JbPeriod){{JB_POINT_MONTH, after_base.year, after_base.n, 0},
                              {JB_POINT_MONTH, last.year, last.n, 0}};
            if (span.start.n == 1 && span.end.n == 12)
                span = (JbPeriod){{JB_POINT_YEAR, span.start.year, 0, 0},
                                  {JB_POINT_YEAR, span.end.year, 0, 0}};
        }
        jb_period_format(&span, period);
        return;
    }
    if (base) {
        JbPoint end = jb_point_of_days(jb_period_end_day(&base->val) - 1);
        /* 年初 is the year's start: the span begins with it; after any other base it begins
         * the month after (比上年末, 较8月末) */
        from = jb_period_of(base->rel == REL_YEAR_START
                                ? (JbPoint){JB_POINT_MONTH, end.year, end.n, 0}
                                : jb_point_add((JbPoint){JB_POINT_MONTH, end.year, end.n, 0}, 1));
        have = TRUE;
    } else if (c->change_end && c->change_end >= sent && c->change_end <= qs &&
               list_joiner(c->change_end, qs)) {
        from = c->change_from;
        have = TRUE;
    }
    gboolean part = FALSE;
    if (!have && c->change_end && c->change_end >= sent && c->change_end <= qs &&
        part_of_change(c->change_end, qs, c->change_parts)) {
        from = c->change_from; /* 比年初增加968亿元，其中消费贷款增加215亿元: the parts too */
        have = part = TRUE;
    }
    c->change_end = NULL;
    c->change_parts = part;
    JbPeriod p;
    if (!have || !period[0] || !jb_period_parse(period, &p, NULL) ||
        jb_period_first_day(&p) != jb_point_first_day(&p.end))
        return; /* (the figure's time is a point, not a span already) */
    JbPoint last = jb_point_of_days(jb_period_end_day(&p) - 1);
    JbPoint to = {JB_POINT_MONTH, last.year, last.n, 0};
    if (jb_point_first_day(&from.start) > jb_point_first_day(&to) ||
        (from.start.year < to.year && !(last.n == 12 && last.day == 31)))
        return;
    /* beside a stock (截至9月末…较年初增加) its time (rounds 16–25; 3–15 read the span), but
     * over whole years (年末…比上年末增加: 2025) or a net addition (比上年末净增) the span */
    if (!(base && (starts(base->end, qs, "净") || starts(base->end, qs, "淨"))) &&
        !(from.start.n == 1 && to.n == 12))
        return;
    c->change_end = qe;
    c->change_from = from;
    JbPeriod span = {from.start, to};
    if (from.start.n == 1 && to.n == 12)
        span = (JbPeriod){{JB_POINT_YEAR, from.start.year, 0, 0}, {JB_POINT_YEAR, to.year, 0, 0}};
    if (jb_point_first_day(&span.start) == jb_point_first_day(&span.end))
        span.end = span.start; /* (one month or one year: no span) */
    jb_period_format(&span, period);
}

/* The verbs of a level reached (达到1.2万亿元, 增至, 为). */
static const char *const LEVEL_VERBS[] = {
    "达到",   "達到",   "突破",   "升至",   "增至", "增加到", "提高到", "提高至", "提升至",
    "提升到", "上升到", "上升至", "攀升至", "达",   "達",     "为",     "為",     NULL};
const char *const *const jb_extract_level_verbs = LEVEL_VERBS;

/* A stock's level (总数达, 余额是, 余额降至) in a running span of months (1—10月…净增1.12亿户，
 * 总数达11.47亿户) or of days to date (今年以来，…总数达到15.6万家): at the span's last month or day. */
static void stock_at_span_end(const char *cs0, const char *qs, char period[JB_PERIOD_MAX])
{
    JbPeriod p; /* (a span is written START/END: a period without '/' is none, not parsed) */
    if (!strchr(period, '/') || !jb_period_parse(period, &p, NULL))
        return;
    gboolean months = p.start.kind == JB_POINT_MONTH && p.start.n == 1 &&
                      p.end.kind == JB_POINT_MONTH && p.end.year == p.start.year && p.end.n >= 2;
    gboolean to_date = p.start.kind == JB_POINT_DAY && p.start.day == 1 &&
                       p.end.kind == JB_POINT_DAY &&
                       jb_period_end_day(&p) - jb_period_first_day(&p) > 7;
    if (!months && !to_date)
        return;
    static const char *const MORE[] = {"是", "降至", "回落至", "下降至", "减至", "減至", NULL};
    const char *verb = NULL;
    for (int l = 0; l < 2 && !verb; l++)
        for (const char *const *v = l ? MORE : LEVEL_VERBS; *v && !verb; v++)
            if (ends(cs0, qs, *v))
                verb = qs - strlen(*v);
    for (const char *const *n = jb_words_stock_noun; *n && verb; n++)
        if (ends(cs0, verb, *n)) {
            JbPeriod end = {p.end, p.end};
            jb_period_format(&end, period);
            return;
        }
}

/* A yearly average (年均增长5.6%, 年平均) dated by the last year of a span is over the span:
 * 过去五年，…2025年达到6.12万亿元，年均增长5.6% (the paragraph's span of years ending then),
 * 由2020年的3186亿元增加到4027亿元，年均增长4.8% (from the year after the base before it). */
void yearly_over_span(const Ctx *c, const char *sent, const char *cs0, const char *qs,
                      char period[JB_PERIOD_MAX])
{
    /* the words first (a search for their 年: most clauses have none), then the period */
    const char *w = NULL;
    for (const char *x = jb_find(jb_utf8_back(cs0, qs, CLAUSE_WINDOW), qs, "年", 3); x && !w;
         x = jb_find(x + 3, qs, "年", 3))
        if (starts(x, qs, "年均") || starts(x, qs, "年平均"))
            w = x;
    JbPeriod p;
    if (!w || !period[0] || !jb_period_parse(period, &p, NULL) || p.start.kind != JB_POINT_YEAR ||
        p.end.year != p.start.year)
        return;
    JbPeriod span = {{JB_POINT_YEAR, 0, 0, 0}, p.end};
    /* (the level it ran from, 由2020年的…, a time the scan found: the span starts the year after) */
    for (guint k = times_before(c, cs0); k-- > 0 && !span.start.year;) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, k);
        if (r->at < sent)
            break;
        if (r->local && r->loose && r->has_val && r->val.start.kind == JB_POINT_YEAR &&
            r->val.start.year < p.end.year)
            span.start.year = r->val.start.year + 1;
    }
    if (!span.start.year && c->have_years_span && c->years_span.end.year == p.end.year)
        span = c->years_span;
    if (span.start.year)
        jb_period_format(&span, period);
}

/* A level stated over a span of years (五年来，…人均地区生产总值突破13万元；常住人口城镇化率达到
 * 72.4%) is where the span ended, one it rose from (由2.41%提高到) the year before it began;
 * its flows are the span's (年均增长5.9%, 累计新增68.7万人, 比
 * 2020年提高4.6个百分点: no verb of a level right before them, or a word of a flow). */
void level_at_span_end(const char *cs0, const char *qs, const JbQuantity *q,
                       char period[JB_PERIOD_MAX])
{
    if (period[0])
        stock_at_span_end(cs0, qs, period);
    static const char *const FLOW[] = {"累计", "累計", "年均", "新增", "合计", "合計",
                                       "总计", "總計", "共计", "共計", "共",   NULL};
    JbPeriod p; /* (a span of years is written START/END: most periods are not parsed) */
    if (!period[0] || !strchr(period, '/') || !jb_period_parse(period, &p, NULL) ||
        p.start.kind != JB_POINT_YEAR || p.end.year <= p.start.year + 1)
        return; /* (two years: a season across the year's end, 本冰雪季…将达到5亿人次, its own) */
    if (ends(cs0, qs, "由") || ends(cs0, qs, "从") || ends(cs0, qs, "從")) {
        /* 由2.41%提高到3.05%: where the span started, the year before its first */
        JbPoint before = {JB_POINT_YEAR, p.start.year - 1, 0, 0};
        JbPeriod start = {before, before};
        jb_period_format(&start, period);
        return;
    }
    const char *verb = NULL;
    if (q->qualifier[0] && starts(qs, qs + strlen(q->qualifier), q->qualifier) &&
        (strcmp(q->qualifier, "突破") == 0 || strcmp(q->qualifier, "超过") == 0 ||
         strcmp(q->qualifier, "超過") == 0))
        verb = qs; /* 突破13万元: the hedge is the level's verb */
    for (const char *const *w = LEVEL_VERBS; *w && !verb; w++)
        if (ends(cs0, qs, *w))
            verb = qs - strlen(*w);
    if (!verb)
        return;
    for (const char *x = jb_utf8_back(cs0, verb, CLAUSE_WINDOW); x < verb;
         x = g_utf8_next_char(x)) /* (a window: as change_word_in's) */
        for (const char *const *w = FLOW; *w; w++)
            if (starts(x, verb, *w))
                return;
    JbPeriod end = {p.end, p.end};
    jb_period_format(&end, period);
}

/* A change stated after the two levels it runs between (已由2016年的每千瓦时0.85元降至2025年的
 * 0.32元，降幅超过六成) is over the span from the first level's time to the second's: years, or
 * from a year's end the years after it (由2020年底的…增至2025年底的…). */
void change_between_levels(const Ctx *c, const char *sent, const char *cs0, const char *qs,
                           char period[JB_PERIOD_MAX])
{
    /* the nearest level's time before the clause, then the loose one it ran from: back from
     * the clause's start (bisection: the times after it are not walked) over the sentence's
     * last 16 levels' times and 64 times at most (a sentence of thousands of figures and
     * times, 比2020年增加5个，…, asks this of each figure) */
    const TimeRef *from = NULL, *to = NULL;
    for (guint i = times_before(c, cs0), seen = 0, looked = 0;
         i-- > 0 && !from && seen < 16 && looked < 64; looked++) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, i);
        if (r->at < sent)
            break;
        if (r->end > cs0 || !r->has_val || !r->local)
            continue;
        seen++;
        if (!r->loose && !to)
            to = r;
        else if (r->loose && to)
            from = r;
        else if (r->loose)
            return; /* (a span starting after the last level: no pair) */
    }
    if (!from || !to)
        return;
    if (!change_word_in(cs0, qs))
        return;
    JbPoint a = from->val.start, b = to->val.end;
    JbPeriod span;
    if (a.kind == JB_POINT_YEAR && b.kind == JB_POINT_YEAR && b.year > a.year)
        span = (JbPeriod){a, b};
    else if (a.kind == JB_POINT_MONTH && a.n == 12 && b.kind == JB_POINT_MONTH && b.n == 12 &&
             b.year > a.year + 1)
        span = (JbPeriod){{JB_POINT_YEAR, a.year + 1, 0, 0}, {JB_POINT_YEAR, b.year, 0, 0}};
    else
        return;
    jb_period_format(&span, period);
}
