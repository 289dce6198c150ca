/* jb_extract_statement_tense.c — a figure's tense and period: forecast or done, of the
 * published day or a running total (from the keywords of its clause and sentence), and the
 * period stated, carried or defaulted, then made over by a change since a base, a span's
 * close, a plan's rate. Steps of jb_extract_add_statement (jb_extract_statement.c).
 *
 * Not for: the sentence's keywords (jb_extract_sentence_words, jb_extract_statement.c), the
 * time a figure takes and its changes (jb_extract_statement_change.c).
 */
#include "jb_extract_ends_priv.h"
#include "jb_extract_statement_priv.h"
#include "jb_word_lists.h"

#include <string.h>

/* A year not over on the day the sentence counts to (截至11月15日，2026年全年总票房已达到…,
 * 截至10月8日，2025年度总票房突破430亿元) is the running total of that year to the day. */
static void year_to_as_of(const Ctx *c, const TimeRef *t, JbPeriod *p)
{
    if (p->start.kind != JB_POINT_YEAR || p->end.year != p->start.year)
        return;
    /* (back from the year over the sentence's few times before it: t is one of c->times) */
    const TimeRef *first = &g_array_index(c->times, TimeRef, 0);
    for (const TimeRef *r = t; r-- > first && t - r <= 8 && r->at >= c->sentence_start;) {
        const JbPoint *d = &r->val.start;
        if (!r->has_val || d->kind != JB_POINT_DAY || r->val.end.kind != JB_POINT_DAY ||
            jb_period_first_day(&r->val) != jb_period_end_day(&r->val) - 1 ||
            d->year != p->start.year || (d->n == 12 && d->day == 31))
            continue;
        if (ends(c->sentence_start, r->at, "截至") || ends(c->sentence_start, r->at, "截止") ||
            ends(c->sentence_start, r->at, "截止到") || starts(r->at, r->end, "截至") ||
            starts(r->at, r->end, "截止")) { /* (截至目前: the published day, one word) */
            *p = (JbPeriod){{JB_POINT_DAY, d->year, 1, 1}, *d};
            return;
        }
    }
}

/* Does the sentence up to qs speak of a session's trading (终场, 收盘, 收在, 盘前)? Over its
 * last 80 characters at most: a sentence of thousands of figures asks this of each. (One
 * pass over them for all the words, as a JbWordSet: a search per word, g_strstr_len's byte
 * by byte, was 3% of all instructions on many small files.) */
static gboolean trading_words(const char *sent, const char *qs)
{
    static JbWordSet *words; /* kept for the life of the process */
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        words = jb_word_set_of(jb_words_trading_word);
        g_once_init_leave(&done, 1);
    }
    return jb_word_set_find(words, jb_utf8_back(sent, qs, 80), qs) != NULL;
}

/* Is the figure at qs a policy's term (省财政分别给予最高5000万元的资金支持, 按每人1500元的标准
 * 给予补贴)? A standing rule: of the published day, not of the day a story opens with (6月6日，
 * …会议举行). Its clause, to the sentence's end, names a grant. */
static gboolean policy_term(const char *cs0, const char *qs)
{
    static const char *const W[] = {"给予", "給予", "补贴", "補貼", "补助", "補助",
                                    "奖励", "獎勵", "资助", "資助", NULL};
    for (const char *p = cs0; *p && p < qs + 3 * 30 && !(p >= qs && sentence_end_at(p)); p++)
        for (const char *const *w = W; *w; w++)
            if (strncmp(p, *w, strlen(*w)) == 0)
                return TRUE;
    return FALSE;
}

/* Does [sent, qs) report the markets of the night before (隔夜美股三大股指涨跌不一，道指跌…, 隔夜外盘):
 * their closes are the trading day before the published one, as a morning briefing's are (not
 * an overnight rate: 隔夜Shibor, 隔夜回购)? */
static gboolean overnight_markets(const char *sent, const char *qs)
{
    /* (in the 64 characters before the figure: a sentence of thousands of figures is not
     * walked again for each) */
    const char *s = jb_utf8_back(sent, qs, 64);
    static const char *const W[] = {"隔夜美股", "隔夜美国", "隔夜美國", "隔夜欧美", "隔夜歐美",
                                    "隔夜外盘", "隔夜外盤", "隔夜环球", "隔夜環球", NULL};
    for (const char *p = s; p + 6 <= qs; p++)
        if (*p == "隔"[0] && strncmp(p, "隔夜", 6) == 0)
            for (const char *const *w = W; *w; w++)
                if (strncmp(p, *w, strlen(*w)) == 0)
                    return TRUE;
    return FALSE;
}

/* Is p the day the story opens with, and nothing else the story declared? */
static gboolean opening_day_only(const Ctx *c, const JbPeriod *p)
{
    return c->have_opening_day && !c->have_declared && !c->have_lead &&
           jb_period_first_day(p) == jb_period_first_day(&c->opening_day) &&
           jb_period_end_day(p) == jb_period_end_day(&c->opening_day);
}

/* The period of a figure: a 分别 list's year, its time, the time carried from the
 * paragraph's earlier sentences, the story's opening period, else the published day (a
 * trading day for a market figure; last year for a running total in January or
 * February); "" when no date is known. */
static void statement_period(Ctx *c, const char *override, const TimeRef *t, gboolean now,
                             gboolean running, gboolean forecast, const char *cs0, const char *qs,
                             char out[JB_PERIOD_MAX])
{
    JbPeriod p;
    if (override) {
        g_strlcpy(out, override, JB_PERIOD_MAX);
        return;
    }
    if (t) {
        p = t->val;
        if (!forecast) /* (…截至26日…；他预期今年全年跌约4%至5%: the whole year's) */
            year_to_as_of(c, t, &p);
    } else if (sentence_day(c, qs, &p)) {
    } else if (jb_extract_price_target(cs0, qs) && jb_extract_default_day(&c->anchor, FALSE, &p)) {
    } else if (c->have_carry_in && !now &&
               (!running || jb_period_freq(&c->carry_in) == JB_FREQ_YTD || c->carry_in_as_of)) {
        /* (a running total takes a carried 1—10月: it is one itself; one after 截至10月底，… is
         * a level at that month's end: …。其中，分布式光伏累计装机…) */
        p = c->carry_in;
    } else if (running && jb_extract_frame_period(c, &p)) {
    } else if (running && c->have_declared) {
        p = c->declared; /* (a holiday's span the story declared: …累计车流量, the holiday's) */
    } else if (running && c->have_lead && jb_period_freq(&c->lead) != JB_FREQ_YEAR) {
        /* 春节假期（2月15日至23日）…累计接待游客: the story's holiday (a year is a story's
         * past, 公司去年收入…累计完成逾3万例手术: a lifetime total is to date) */
        p = c->lead;
    } else if (!now && !running && !c->speaker_turn && jb_extract_default_period(c, TRUE, &p) &&
               !(p.start.kind != JB_POINT_DAY && trading_words(c->sentence_start, qs)) &&
               !(opening_day_only(c, &p) && policy_term(cs0, qs))) {
        /* (a market's close in a paragraph of its own, in a story of a month's data:
         * 台股加權指數終場上漲186.22點 is the trading day's, not the month's) */
    } else {
        gboolean cumulative = FALSE;
        const char *from = look_back_from(cs0, qs);
        for (guint k = keyword_from(c, from); k < c->keywords->len; k++) {
            const WordHit *h = &g_array_index(c->keywords, WordHit, k);
            if (h->at >= qs)
                break;
            if (h->tag >= kw_actual && h->tag < kw_hedge && ACTUAL_CUMULATIVE(h->tag) &&
                hit_within(h, from, qs))
                cumulative = TRUE;
        }
        const JbPoint *d = &c->anchor.day;
        TimeAnchor a = c->anchor; /* (隔夜美股…: the overnight closes, as a briefing's are) */
        a.briefing = a.briefing || (market_sentence(c) && overnight_markets(c->sentence_start, qs));
        if (cumulative && d->kind >= JB_POINT_MONTH && d->n <= 2) {
            p = jb_period_of((JbPoint){JB_POINT_YEAR, d->year - 1, 0, 0});
        } else if (!jb_extract_default_day(&a, a.briefing || market_sentence(c), &p)) {
            out[0] = '\0'; /* (the article warned that it found no date) */
            return;
        }
    }
    jb_extract_survey_findings(c, t, qs, &p);
    /* (a target said in a span to date, 前三季度…。年初确定的目标是增长6%左右: the year's) */
    if (!t && forecast && jb_period_freq(&p) == JB_FREQ_YTD &&
        (jb_find(cs0, qs, "目标", 6) || jb_find(cs0, qs, "目標", 6)))
        p = jb_period_of((JbPoint){JB_POINT_YEAR, p.start.year, 0, 0});
    jb_period_format(&p, out);
}

/* Does `period` begin after the published day? */
gboolean after_published(const Ctx *c, const char *period)
{
    JbPeriod p;
    if (!c->anchor.day.kind || !period[0] || !jb_period_parse(period, &p, NULL))
        return FALSE;
    if (jb_period_first_day(&p) >= jb_point_end_day(&c->anchor.day))
        return TRUE;
    /* a span of years running past the published one (2025—2030年CAGR, “十五五”期间累计) is a
     * plan's or a projection's: its end is still to come */
    return p.start.kind == JB_POINT_YEAR && p.end.year > p.start.year &&
           p.end.year > c->anchor.day.year;
}

/* Is the figure a level its sentence gives for a time already past, right after that time:
 * the level a change ran from (由2024年的27.6亿元增至2030年的…) or a base compared with (预计
 * 与去年的73.3亿美元大致持平)? Known, whatever the sentence expects. */
static gboolean past_level(const Ctx *c, const Figure *f)
{
    const TimeRef *t = f->t;
    if (!f->have_time || !t->has_val || (!(t->loose && t->local) && t->role != TIME_BASE) ||
        c->anchor.day.kind != JB_POINT_DAY)
        return FALSE;
    const char *g = t->end;
    if (g != f->qs && !(starts(g, f->qs, "的") && g + strlen("的") == f->qs))
        return FALSE;
    return jb_period_end_day(&t->val) <= jb_point_first_day(&c->anchor.day);
}

/* Is the figure the level of now a plan starts from (从目前的260人扩充至400人, 由現時的12間增至,
 * 将由现在的4分30秒缩短至3分钟, 由目前公交的约70分钟压缩至: a few words of what is meant and a
 * hedge may stand between)? */
static gboolean now_level(const char *cs0, const char *qs)
{
    static const char *const HEDGE[] = {"大约", "大約", "约", "約", NULL};
    static const char *const NOW[] = {"目前", "现时", "現時", "当前", "當前",
                                      "现有", "現有", "现在", "現在", NULL};
    const char *p = qs;
    for (const char *const *w = HEDGE; *w; w++)
        if (ends(cs0, p, *w)) {
            p -= strlen(*w);
            break;
        }
    if (!ends(cs0, p, "的"))
        return FALSE;
    p -= strlen("的");
    for (int k = 0; k <= 4 && p > cs0; k++) {
        for (const char *const *w = NOW; *w; w++)
            if (ends(cs0, p, *w))
                return TRUE;
        p = g_utf8_prev_char(p);
        if (g_ascii_isdigit(*p) || clause_sep_at(p) || sentence_end_at(p))
            return FALSE;
    }
    return FALSE;
}

/* Does the clause after the figure say its thing is under way now (另有約150宗上市申請正在處理中,
 * 尚有32个项目正在建设)? A state on the published day, not a part of the span the sentence
 * counted over (首11個月…). */
static gboolean under_way(const char *qe, const char *ce)
{
    static const char *const NOW[] = {"正在", "正處於", "正处于", NULL};
    if (ce < qe) /* (never; as g_strstr_len read a negative length: to the text's end) */
        return strstr(qe, NOW[0]) || strstr(qe, NOW[1]) || strstr(qe, NOW[2]);
    /* (each begins with 正: a search for it, by its rarest byte, then the words there) */
    const char *lim = qe + MIN(ce - qe, 3 * 24);
    for (const char *x = jb_find(qe, lim, "正", 3); x; x = jb_find(x + 3, lim, "正", 3))
        for (const char *const *w = NOW; *w; w++)
            if (starts(x, lim, *w))
                return TRUE;
    return FALSE;
}

/* Does the sentence before qs correct a report (“电厂库存1,216万吨”有误，应为“1,261万吨”): the value
 * put right is what was, wherever it stands? */
static gboolean puts_right(const char *sent, const char *qs)
{
    static const char *const RIGHT[] = {"有误", "有誤", "应为", "應為", "更正为", "更正為", NULL};
    const char *from = jb_utf8_back(sent, qs, LOOK_BACK);
    for (const char *const *w = RIGHT; *w; w++)
        if (g_strstr_len(from, qs - from, *w))
            return TRUE;
    return FALSE;
}

/* Does a target's or forecast's noun follow the figure at qe in its clause (30万辆全年销量目标,
 * 12万台的目标, 2万亿元左右的年度目标, 增长5%至6%的預測): the figure is the target? A few words of what it counts between, no
 * other figure. */
/* Does [p, ce) start with one of WORDS and a closing bracket right after it? */
static gboolean bracketed_word(const char *p, const char *ce, const char *const *words)
{
    for (const char *const *w = words; *w; w++) {
        const char *e = p + strlen(*w);
        if (starts(p, ce, *w) && e < ce && (*e == ')' || starts(e, ce, "）")))
            return TRUE;
    }
    return FALSE;
}

static gboolean target_after(const char *qe, const char *ce)
{
    static const char *const TARGET[] = {"目标", "目標", "预测", "預測", "预期",
                                         "預期", "预估", "預估", NULL};
    const char *p = qe;
    for (int k = 0; k < 8 && p < ce; k++, p = g_utf8_next_char(p)) {
        if (g_ascii_isdigit(*p) || sentence_end_at(p) || clause_sep_at(p))
            return FALSE;
        /* a side note opens (1.2亿元（此前市场预期为1.1亿元）): its words are its own figure's,
         * unless it is the word alone (120亿元（预计）, (目标)) */
        if (*p == '(' || starts(p, ce, "（"))
            return bracketed_word(p + (*p == '(' ? 1 : strlen("（")), ce, TARGET);
        for (const char *const *w = TARGET; *w; w++)
            if (starts(p, ce, *w))
                return !starts(p + strlen(*w), ce, "价") && !starts(p + strlen(*w), ce, "價");
    }
    return FALSE;
}

/* Is the "now" word h one that names the level of the figure right after it (由目前的0.56元降至
 * 0.09元, 现有的12家): 的 and a digit after it? It dates that figure (at qs) alone, not the
 * clause's others (降至0.09元: the price the change reaches) nor the sentence's later clauses. */
static gboolean now_of_one_figure(const WordHit *h, const char *qs)
{
    const char *e = h->at + h->len;
    if (!starts(e, e + 3, "的") || !g_ascii_isdigit(e[3]))
        return FALSE;
    return e + 3 != qs;
}

/* Is the figure a running total (累计, no other word of a thing done: `now_here` FALSE) over
 * a time of its sentence that runs past the published day (预计7日夜间至9日，…累计雨量可达80
 * 至120毫米, published on the 7th)? It is still to come, not already achieved. */
static gboolean running_ahead(const Ctx *c, const Figure *f, gboolean now_here)
{
    return !now_here && f->have_time && f->t->has_val && c->anchor.day.kind == JB_POINT_DAY &&
           jb_period_end_day(&f->t->val) > jb_point_end_day(&c->anchor.day);
}

/* The figure's tense, from the keywords of its clause and of the sentence before it; may
 * drop the figure's time (f->have_time) when it is an event's, not the figure's. */
Tense figure_tense(const Ctx *c, Figure *f)
{
    const char *sent = f->sent, *cs0 = f->cs0, *qs = f->qs;
    gboolean forecast_here = FALSE, actual_here = FALSE, now_here = FALSE;
    const char *near = f->near;
    for (guint k = keyword_from(c, near); k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= qs)
            break;
        if (h->tag < kw_actual) {
            forecast_here = forecast_here || hit_within(h, near, qs);
        } else if (h->tag < kw_hedge && hit_within(h, near, qs) &&
                   !(!ACTUAL_CUMULATIVE(h->tag) && now_of_one_figure(h, qs))) {
            actual_here = TRUE;
            /* (累计 says done, not when: the running total of the period in force) */
            now_here = now_here || !ACTUAL_CUMULATIVE(h->tag);
        }
    }
    /* 已有95%的服务区…，充电停车位约为2.3万个: a "now" word opening the sentence (已有, 目前)
     * dates its later clauses that name no time of their own, as it dates its own */
    gboolean now_before = FALSE;
    /* (the sentence's opening words only: a clause of a megabyte is not read again) */
    /* (over 4 * LOOK_BACK bytes are over LOOK_BACK characters: no walk back to count them) */
    const char *opening = cs0 - sent <= 4 * LOOK_BACK && look_back_from(sent, cs0) == sent
                              ? cs0
                              : sent + 3 * LOOK_BACK;
    for (guint k = keyword_from(c, sent); k < c->keywords->len && !f->have_time; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= cs0 || h->at >= opening)
            break;
        if (h->tag < kw_actual)
            now_before = FALSE; /* …已有…，预计…: the forecast's clause */
        else if (h->tag < kw_hedge && !ACTUAL_CUMULATIVE(h->tag) && !now_of_one_figure(h, qs))
            now_before = TRUE;
    }
    const TimeRef *t = f->t;
    gboolean view = jb_extract_view_share(c, f); /* (36.2%的受访者担心…五年内…: counted then) */
    /* a forecast word in an earlier clause (sentence_words found the first) */
    gboolean forecast_before = c->forecast_end && c->forecast_end <= cs0;
    gboolean forecast = forecast_here || forecast_before ||
                        (!actual_here && !view && forecast_after_figure(c, f));
    /* a share of a target or plan is how much of it is done (完成全年目标任务的91.7%) */
    static const char *const OF_TARGET[] = {
        "目标的",   "目標的",   "目标任务的", "目標任務的", "计划的",     "計劃的",
        "任务的",   "任務的",   "目标下限的", "目標下限的", "目标上限的", "目標上限的",
        "目标完成", "目標完成", "任务完成",   "任務完成",   NULL};
    const char *of = qs; /* (a graphic's label and figure: 完成年度目标的 105.8%) */
    while (of > sent && of[-1] == ' ')
        of--;
    /* (the list's filter once, not again for each of its words) */
    if (forecast && may_end_any(sent, of, OF_TARGET))
        for (const char *const *w = OF_TARGET; *w && forecast; w++)
            if (ends(sent, of, *w) && !(f->have_time && t->future_word))
                forecast = FALSE; /* (…目标下限的91.4%, 全年目标完成近九成: done) */
    if (!forecast && (target_after(f->qe, f->ce) || expected_value(sent, qs)))
        forecast = TRUE; /* 30万辆全年销量目标, 年初设定的12万台目标: the target; 高于市场预期的
                          * 1650亿元: what was expected */
    if (forecast && (starts(f->qe, f->ce, "为基数") || starts(f->qe, f->ce, "為基數")))
        forecast = FALSE; /* 拟以总股本12.56亿股为基数派发: the base a plan counts from, in force */
    if (f->have_time && t->future_word)
        forecast = TRUE;
    if (!forecast && !actual_here && !c->headline && jb_extract_under_plan_heading(c) &&
        !puts_right(sent, qs))
        forecast = TRUE; /* under 二、2026年主要预期目标: the targets (not a correction's) */
    if (f->have_time && t->event && ((actual_here && !forecast_here) || t->names_noun))
        f->have_time = FALSE; /* 去年推出的计划已惠及1.5万户: the launch's time, not the total's */
    /* (a running total over a period still to come is a target: “十四五”时期…累计建成…不少于80个) */
    /* (a time of its clause no later than the published day, 目前已有…412家: done still) */
    gboolean own_time_ahead = f->have_time && t->end > cs0 &&
                              !(t->has_val && !t->future_word &&
                                c->anchor.day.kind == JB_POINT_DAY &&
                                jb_period_end_day(&t->val) <= jb_point_end_day(&c->anchor.day));
    gboolean actual = !forecast_here && actual_here && !own_time_ahead &&
                      !(f->have_time && t->future_word) && !running_ahead(c, f, now_here);
    if (forecast && (past_level(c, f) || now_level(cs0, qs)))
        forecast = FALSE;
    /* a clause of its own about a time already over, after a forecast's clause with a figure
     * of its own (…可望突破6,900億美元，114年全年為6,512億美元; 超越114年全年的…): what was, not
     * what is expected (普遍预计，11月新增贷款约4500亿元: the expectation itself) */
    /* (or of the time opening the sentence, in a ；-item after the forecast's: 2025年，全省地区
     * 生产总值预计增长5.3%；社会消费品零售总额2.41万亿元: the year's result; the ； looked for
     * in the 300 bytes after the forecast word, not to every figure of a long sentence) */
    gboolean own_item = f->have_time && t->at < cs0 && c->forecast_end && forecast_before &&
                        g_strstr_len(c->forecast_end, MIN(cs0 - c->forecast_end, 300), "；");
    if (forecast && !forecast_here && forecast_before && has_digit(c->forecast_end, cs0) &&
        f->have_time && t->has_val && (t->at >= cs0 || own_item) && !t->future_word &&
        c->anchor.day.kind == JB_POINT_DAY &&
        jb_period_end_day(&t->val) <= jb_point_first_day(&c->anchor.day))
        forecast = FALSE;
    if (actual && forecast) { /* already achieved: now, not when the forecast is for */
        forecast = FALSE;
        f->have_time = FALSE;
    }
    if (!forecast && plan_of_title(c, f))
        forecast = TRUE, actual = FALSE; /* 拟…回购股份: ● 回购股份价格：不超过36.80元/股 */
    /* (a time before its clause, carried: 首11個月…，…；另有…正在處理中 is not of it) */
    gboolean state_now = !forecast && !(f->have_time && t->at >= cs0) && f->ce > f->qe &&
                         under_way(f->qe, f->ce);
    /* (客户已超过2000家 after a clause's own 前10个月: now, as the clauses after it) */
    gboolean now_stock = !forecast && jb_extract_now_stock(c, f);
    if (state_now || now_stock)
        f->have_time = FALSE;
    return (Tense){.forecast = forecast,
                   .actual = actual,
                   .now = (actual && now_here) || (now_before && !forecast && !actual_here) ||
                          state_now || now_stock,
                   .running = actual && !now_here};
}

/* Does the figure at qs stand as the last period's level (較上期的3.3%, 比上期的, 上期为)? */
static gboolean last_period_level(const char *cs0, const char *qs)
{
    static const char *const LAST[] = {"上期的", "上期為", "上期为", "前值",
                                       "前值为", "前值為", "前值是", NULL};
    return ends_any(cs0, qs, LAST);
}

/* A level a figure moved from (就業不足率由1.6%微降至1.5%, 占比由14.2%降至9.8%) or the last
 * period's (較上期的3.3%; a release's 前值51.0), with no time of its own in its clause, is the period before the one
 * in force, of its kind (a month, quarter or year; a rolling three months one month back): the
 * figure after 至 is the period's. Not a revision (指引由190亿元上调至196亿元: both the year's),
 * a day's change (每盒由38.6元降至11.2元: the price until then), a span to date (今年以来…从2100
 * 美元涨到: where the span began) or a span of years (level_at_span_end's). */
static void level_moved_from(const Figure *f, const Tense *tense, char period[JB_PERIOD_MAX])
{
    JbPeriod p, before;
    /* (the words before the figure first: most figures follow neither 上期的 nor 由, and need
     * no parse of their period) */
    gboolean last = last_period_level(f->cs0, f->qs);
    if (!last && !ends(f->cs0, f->qs, "由") && !ends(f->cs0, f->qs, "从") &&
        !ends(f->cs0, f->qs, "從"))
        return;
    /* (a time in the clause is the level's after 由 (8月至10月的失业率由3.8%升至3.9%), the
     * last period's level's own (上期的) only where none is said) */
    if (tense->forecast || !period[0] || (last && f->have_time && f->t->at >= f->cs0) ||
        !jb_period_parse(period, &p, NULL) || p.start.kind == JB_POINT_DAY ||
        !jb_extract_period_before(&p, &before))
        return;
    gboolean one_month = p.start.kind == JB_POINT_MONTH && p.start.year == p.end.year &&
                         p.start.n == p.end.n;
    if (p.start.kind == JB_POINT_MONTH && p.start.n == 1 && !one_month)
        return; /* (1—10月, 今年以来: a span to date, from where it began) */
    if (one_month && p.start.n % 3 == 0 &&
        (g_strstr_len(f->sent, f->qs - f->sent, "季末") ||
         g_strstr_len(f->sent, f->qs - f->sent, "季度末"))) {
        JbPoint m = jb_point_add(p.start, -3); /* 较上季末…；占比由14.2%降至9.8%: quarter ends */
        before = (JbPeriod){m, m};
    }
    if (last) {
        jb_period_format(&before, period);
        return;
    }
    if (!(ends(f->cs0, f->qs, "由") || ends(f->cs0, f->qs, "从") || ends(f->cs0, f->qs, "從")))
        return;
    static const char *const REVISED[] = {"上调", "下调", "調",   "调高", "调低", "调升", "调降",
                                          "上修", "下修", "修订", "修訂", "调整", NULL};
    const char *to = NULL; /* (a change may come between: 由366.2萬減少約8,400人至365.4萬) */
    for (const char *x = f->qe; x < f->ce && !to && g_utf8_strlen(f->qe, x - f->qe) <= 12;
         x = g_utf8_next_char(x)) {
        for (const char *const *w = REVISED; *w; w++)
            if (starts(x, f->ce, *w))
                return;
        if ((starts(x, f->ce, "至") || starts(x, f->ce, "到")) && x > f->qe)
            to = x + strlen("至");
    }
    if (to && to < f->ce && g_ascii_isdigit(*to))
        jb_period_format(&before, period);
}

/* Does [a, b) say 周环比 (week on week: 週環比, 周比, 週比)? Each word ends in 比: found by
 * memchr (jb_find: for its last byte, rarer than its first, E6), then the characters before
 * it (asked for every figure, a walk trying four words at each character cost more than the
 * rest of the test). */
static gboolean says_week_on_week(const char *a, const char *b)
{
    for (const char *q = a; (q = jb_find(q, b, "比", strlen("比"))) != NULL; q += strlen("比")) {
        if (q - a >= 3 && (memcmp(q - 3, "周", 3) == 0 || memcmp(q - 3, "週", 3) == 0))
            return TRUE;
        if (q - a >= 6 && (memcmp(q - 6, "周环", 6) == 0 || memcmp(q - 6, "週環", 6) == 0))
            return TRUE;
    }
    return FALSE;
}

/* In a weekly (its title, or 本周 in the sentence), a change week on week of a day's level (本周五…平仓价报812元/吨，周环比上涨26元/吨，涨幅3.3%;
 * 库存回落至2,386万吨，周环比减少4.2%) is the week's, as 较上周五 is: from the trading day after
 * the same day a week before to the figure's day. Its clause says 周环比, or a clause of its
 * rate only (涨幅, 跌幅) follows one that does. */
static void week_on_week(const Ctx *c, const Figure *f, char period[JB_PERIOD_MAX])
{
    static const char *const RATE[] = {"涨幅", "漲幅", "跌幅", "降幅",
                                       "增幅", "减幅", "減幅", NULL};
    static const char *const WEEKLY[] = {"周报", "週報", "周评", "週評", "周刊", "週刊", NULL};
    /* (windows, not the whole clause or sentence, for each figure: a clause of 80000 figures
     * must not be walked 80000 times) */
    gboolean wow = says_week_on_week(jb_utf8_back(f->cs0, f->qs, 12), f->qs);
    gboolean rate = !wow && may_start_any(f->cs0, f->qs, RATE); /* (the filter once) */
    for (const char *const *w = RATE; rate && *w && !wow; w++)
        if (starts(f->cs0, f->qs, *w)) {
            /* (the clause before: from its comma back to the one before it, 24 characters) */
            const char *prev = g_utf8_find_prev_char(f->sent, f->cs0), *q;
            for (int k = 0; prev && k < 24 && (q = g_utf8_find_prev_char(f->sent, prev)) &&
                            !starts(q, f->cs0, "，") && !starts(q, f->cs0, "；");
                 k++)
                prev = q;
            wow = prev && says_week_on_week(prev, f->cs0);
        }
    if (!wow)
        return;
    gboolean weekly = FALSE; /* (a daily's 周环比 of a day's price stays the day's) */
    for (const char *const *w = WEEKLY; *w && !weekly && c->title; w++)
        weekly = strstr(c->title, *w) != NULL;
    const char *from = jb_utf8_back(f->sent, f->qs, 200);
    weekly = weekly || g_strstr_len(from, f->qs - from, "本周") ||
             g_strstr_len(from, f->qs - from, "本週");
    JbPeriod p;
    if (!weekly || !period[0] || !jb_period_parse(period, &p, NULL) ||
        jb_period_freq(&p) != JB_FREQ_DAY)
        return;
    gint64 first = jb_extract_trading_day_after(jb_period_end_day(&p) - 1 - 7);
    if (first >= jb_period_first_day(&p))
        return;
    JbPeriod span = {jb_point_of_days(first), p.start};
    jb_period_format(&span, period);
}

/* Is the figure the level a change starts from (由港幣548元減至496元, 由880元降至720元)? */
static gboolean from_level(const Figure *f)
{
    static const char *const TO[] = {"减至",   "減至",   "降至",   "增至",   "升至",
                                     "提高至", "提高到", "下调至", "下調至", "上调至",
                                     "上調至", "调整为", "調整為", "调至",   "調至",
                                     "降到",   "减到",   "減到",   NULL};
    gboolean to = FALSE, may = may_start_any(f->qe, f->ce, TO); /* (the filter once) */
    for (const char *const *w = TO; may && *w && !to; w++)
        to = starts(f->qe, f->ce, *w);
    if (!to)
        return FALSE;
    const char *from = jb_utf8_back(f->cs0, f->qs, 16); /* (a window: 每程由港幣548元) */
    return jb_find(from, f->qs, "由", strlen("由")) != NULL;
}

/* The level a change dated ahead starts from (由12月1日起下調，每程由548元減至496元) is the one in
 * force when published: of that day, no plan; only the level it reaches is of the day ahead.
 * (A time in its own clause is its own: 明年将产能由50万吨提高至80万吨.) */
static void level_before_change(const Ctx *c, const Figure *f, Tense *tense,
                                char period[JB_PERIOD_MAX])
{
    JbPeriod today;
    if ((f->have_time && f->t->at >= f->cs0) || !period[0] || !from_level(f) ||
        !after_published(c, period) || !jb_extract_default_day(&c->anchor, FALSE, &today))
        return;
    jb_period_format(&today, period);
    tense->forecast = FALSE;
}

/* Figures with no period of their own, in force on the published day: a target price given
 * with a rating (维持“买入”评级，目标价2180元), not the years of the forecasts before it (2026—
 * 2028年…分别为…); the base a plan counts from (拟以总股本12.56亿股为基数派发…), not the period of
 * the profits it shares out. (对应目标价, the price a year's multiple gives, the rounds read both
 * ways: left as it is.) */
static void in_force_now(const Ctx *c, const Figure *f, char period[JB_PERIOD_MAX])
{
    static const char *const W[] = {"目标价", "目標價", "目标价为", "目標價為", NULL};
    if (f->have_time && f->t->at >= f->cs0)
        return;
    /* (the words first, the published day only for a figure they name: most name none) */
    gboolean now = starts(f->qe, f->ce, "为基数") || starts(f->qe, f->ce, "為基數");
    for (const char *const *w = W; *w && !now; w++)
        if (ends(f->cs0, f->qs, *w)) {
            const char *at = f->qs - strlen(*w);
            if (ends(f->cs0, at, "对应") || ends(f->cs0, at, "對應"))
                return;
            now = TRUE;
        }
    JbPeriod today;
    if (now && jb_extract_default_day(&c->anchor, FALSE, &today))
        jb_period_format(&today, period);
}

/* A rate's level in a running span of days to date (截至11月30日，今年…覆盖率达76.5%, 利用率
 * 超过40%): at the span's last day, as a stock's is; not a rate of what was done in the span
 * (完成率, 增长率), nor a change. */
static void rate_at_span_end(const char *cs0, const char *qs, const JbQuantity *q,
                             char period[JB_PERIOD_MAX])
{
    JbPeriod p;
    if (strcmp(q->unit, "%") != 0 || !strchr(period, '/') || !jb_period_parse(period, &p, NULL) ||
        p.start.kind != JB_POINT_DAY || p.start.day != 1 || p.start.n != 1 ||
        p.end.kind != JB_POINT_DAY || jb_period_end_day(&p) - jb_period_first_day(&p) <= 7)
        return;
    const char *verb = NULL;
    if (q->qualifier[0] && starts(qs, qs + strlen(q->qualifier), q->qualifier) &&
        (strcmp(q->qualifier, "超过") == 0 || strcmp(q->qualifier, "超過") == 0))
        verb = qs; /* 超过40%: the hedge is the level's verb */
    for (const char *const *v = jb_extract_level_verbs; *v && !verb; v++)
        if (ends(cs0, qs, *v))
            verb = qs - strlen(*v);
    if (verb && verb > cs0 && verb[-1] == ' ')
        verb--; /* (a graphic's label and figure: 覆盖率 达76.5%) */
    static const char *const DONE[] = {"完成率", "增长率", "增長率", "执行率", "執行率", NULL};
    if (!verb || !ends(cs0, verb, "率") || ends_any(cs0, verb, DONE))
        return;
    JbPeriod end = {p.end, p.end};
    jb_period_format(&end, period);
}

/* A year's target (年度目标1.2万个, 全年目标为…) in a graphic or a sentence of the year to date
 * (Jan 1 to a day: 2026年…（截至11月30日）): the whole year's, not the span done so far. */
static void target_of_year(const Figure *f, gboolean forecast, char period[JB_PERIOD_MAX])
{
    static const char *const W[] = {"年度目标", "年度目標", "全年目标", "全年目標", "年度任务",
                                    "年度任務", "全年任务", "全年任務", NULL};
    JbPeriod p;
    const char *at = f->qs;
    if (ends(f->cs0, at, "为") || ends(f->cs0, at, "為") || ends(f->cs0, at, "是"))
        at -= strlen("为");
    if (!forecast || !ends_any(f->cs0, at, W) || !strchr(period, '/') ||
        !jb_period_parse(period, &p, NULL) || p.start.kind != JB_POINT_DAY || p.start.n != 1 ||
        p.start.day != 1 || p.end.kind != JB_POINT_DAY || p.end.year != p.start.year)
        return;
    JbPoint y = {JB_POINT_YEAR, p.start.year, 0, 0};
    jb_period_format(&(JbPeriod){y, y}, period);
}

/* The names of an interim dividend (SENTENCE_INTERIM: a sentence without one is passed by). */
const char *const jb_extract_interim_words[] = {"中期股息",     "中期利润分配", "中期利潤分配",
                                                "中期分红",     "中期分紅",     "中期派息",
                                                "中期现金股息", "中期現金股息", NULL};

/* An interim dividend (中期股息, 中期利润分配方案…每10股派发2.10元, 已派发的中期股息) with no half
 * of its own, only a day, a month or a year: the first half it pays on, the last one over by
 * then (a fiscal half the story names, 2026-04/2026-09, stays; 全年现金分红 after it is the year's). */
static void interim_dividend(const Figure *f, char period[JB_PERIOD_MAX])
{
    const char *const *const W = jb_extract_interim_words;
    JbPeriod p;
    /* (in a window: a sentence of thousands of figures is not walked again for each) */
    const char *named = NULL, *from = jb_utf8_back(f->sent, f->qs, 60);
    for (const char *const *w = W; *w && !named; w++)
        named = g_strstr_len(from, f->qs - from, *w);
    if (!named || g_strstr_len(named, f->qs - named, "全年") ||
        g_strstr_len(named, f->qs - named, "年度") || !jb_period_parse(period, &p, NULL) ||
        jb_period_freq(&p) == JB_FREQ_HALF || jb_period_end_day(&p) - jb_period_first_day(&p) > 366)
        return;
    JbPoint last = jb_point_of_days(jb_period_end_day(&p) - 1);
    JbPoint h1 = {JB_POINT_HALF, last.n > 6 ? last.year : last.year - 1, 1, 0};
    if (p.start.kind == JB_POINT_MONTH && p.end.kind == JB_POINT_MONTH &&
        jb_period_end_day(&p) - jb_period_first_day(&p) > 31)
        return; /* (a span of months: a fiscal half, 2026-04/2026-09, or the months it says) */
    jb_period_format(&(JbPeriod){h1, h1}, period);
}

/* Its period into `period`: the one stated or carried (statement_period), then what a change
 * since a base, a span's close, a level over a span, a change between two levels and a
 * plan's yearly rate make of it. Sets tense->forecast for a plan's rate. */
void figure_period(Ctx *c, const Figure *f, const char *period_override, Tense *tense,
                   char period[JB_PERIOD_MAX])
{
    /* (a running total, 累计, with no time of its own: of the story's frame — a release's
     * 1—10月 — else to date; not of a time the last sentence named) */
    statement_period(c, period_override, f->have_time ? f->t : NULL, tense->now, tense->running,
                     tense->forecast, f->cs0, f->qs, period);
    if (period_override)
        return;
    change_since_base(c, f->sent, f->cs0, f->qs, f->qe, period);
    level_moved_from(f, tense, period);
    week_on_week(c, f, period);
    close_of_span(c, f->cs0, f->qs, period);
    if (!f->declined)
        level_at_span_end(f->cs0, f->qs, f->q, period);
    if (!f->declined && period[0])
        rate_at_span_end(f->cs0, f->qs, f->q, period);
    if (!f->have_time)
        change_between_levels(c, f->sent, f->cs0, f->qs, period);
    yearly_over_span(c, f->sent, f->cs0, f->qs, period);
    if (plan_rate(c, f->cs0, f->qs, period))
        tense->forecast = TRUE;
    level_before_change(c, f, tense, period);
    in_force_now(c, f, period);
    dealing_terms_day(c, f, tense->forecast, period);
    target_of_year(f, tense->forecast, period);
    if (c->sentence_lists & SENTENCE_INTERIM)
        interim_dividend(f, period);
    /* (the words within LOOK_BACK before the figure: a clause of thousands of figures is not
     * read again for each) */
    const char *near = f->near;
    if (!f->have_time && (c->sentence_lists & SENTENCE_HOLDING) &&
        jb_extract_holding_words(near, f->qs))
        jb_extract_at_period_end(period); /* (a position a fund's quarterly report holds) */
    /* (本周收获…，累计票房: the week's clause before) */
    if ((!f->have_time || f->t->at < f->cs0) && (c->sentence_lists & SENTENCE_TO_DATE))
        jb_extract_total_to_date(near, f->qs, period);
}
