/* jb_extract_period_roles.c — the role a time plays for the figures near it, from the words
 * around it (jb_extract_time_role, called by the scan for every time it finds): a base of
 * comparison (较上年, 比2020年底, 为2020年的3倍, 以来), a period (截至10月17日, 单日), the time
 * of a level a change runs from, of an event (上映, 推出), of a plan (将于), of a record or a
 * report; and whether it holds beyond its clause or sentence.
 *
 * Not for: finding the times (the scan, jb_extract_period.c), reading them (the files
 * jb_extract_period_priv.h lists).
 */
#include "jb_extract_period_priv.h"

/* An index's base after a time: 上月=100, 上年同月=100, 2020年＝100. */
static gboolean index_base_after(const char *e, const char *limit)
{
    /* (the list only where its words' first character is: most characters are none) */
    for (int k = 0; k < 3 && e < limit; k++, e = g_utf8_next_char(e)) {
        if ((*e == '=' || lit(e, limit, "＝") || lit(e, limit, "为") || lit(e, limit, "為")) &&
            any_lit(e, limit,
                    (const char *const[]){"=100", "＝100", "=1", "＝1", "为100", "為100", "为基期",
                                          "為基期", "为基年", "為基年", NULL}))
            return TRUE;
        if (lit(e, limit, "）") || *e == ')' || lit(e, limit, "，") || lit(e, limit, "。"))
            return FALSE;
    }
    return FALSE;
}

/* 去年四季度基数较高, 上年同期的低基数: the base a change runs from, named as a reason. */
static gboolean base_size_after(const char *e, const char *limit)
{
    for (int k = 0; k < 5 && e < limit && !clause_mark_at(e, limit); k++, e = g_utf8_next_char(e))
        if (lit(e, limit, "基数") || lit(e, limit, "基數"))
            return TRUE;
    return FALSE;
}

/* ---- roles ------------------------------------------------------------------------------- */

/* A time after these words is a base of comparison, not the figures' period. */
static gboolean after_comparison(const char *s, const char *p)
{
    static const char *const W[] = {"比",     "较",     "較",     "相比", "相较", "相較", "同比",
                                    "环比",   "環比",   "对比",   "對比", "比起", "较之", "較之",
                                    "仅次于", "僅次於", "高于",   "高於", "低于", "低於", "自",
                                    "从",     "從",     "追溯至", "超过", "超過", "超出", "多于",
                                    "多於",   "少于",   "少於",   "不及", "接近", NULL};
    return ends_with_any(s, p, W);
}

/* 与4至6月的数据相比, 和去年同期相比: a base named between 与 and 相比. */
static gboolean compared_with(const char *s, const char *p, const char *e, const char *limit)
{
    if (!ends_with_any(s, p, (const char *const[]){"与", "與", "和", "同", "跟", NULL}))
        return FALSE;
    for (const char *q = e; q < limit && q - e < 3 * 12; q = g_utf8_next_char(q)) {
        if (any_lit(q, limit,
                    (const char *const[]){"相比", "相較", "相较", "比较", "比較", "持平", NULL}))
            return TRUE;
        if (clause_mark_at(q, limit))
            return FALSE;
    }
    return FALSE;
}

/* Is the time at p inside a comparison's object (比他本人去年创造的纪录): 比 or 较 a few words
 * before it in its clause, with no figure between? */
static gboolean compared_before(const char *s, const char *p)
{
    const char *q = p;
    for (int k = 0; k < 8 && q > s; k++) {
        q = g_utf8_prev_char(q);
        if (clause_mark_at(q, p) || g_ascii_isdigit(*q))
            return FALSE;
        if (lit(q, p, "比") || lit(q, p, "较") || lit(q, p, "較"))
            return !lit(q, p, "比例") && !lit(q, p, "比重") && !lit(q, p, "比赛");
    }
    return FALSE;
}

/* A time followed by an event (去年推出…计划, 10月启动): when something happened, not the
 * period of the figures after it. */
static gboolean event_after(const char *e, const char *limit)
{
    static const char *const W[] = {
        "推出", "啟動", "启动", "成立", "发布", "發布", "出台", "开业", "開業", "宣布",
        "举办", "舉辦", "召开", "召開", "设立", "設立", "上线", "上線", "揭牌", "开幕",
        "開幕", "签署", "簽署", "印发", "印發", "开通", "開通", "投产", "投產", "落地",
        "上映", "首映", "开播", "開播", "开售", "開售", "创造", "創造", "创下", "創下",
        "买的", "買的", "购买", "購買", "买入", "買入", "入手", "提车", "提車", NULL};
    const char *q = e;
    if (lit(q, limit, "，") || lit(q, limit, "起"))
        return FALSE;
    for (int k = 0; k < 2 && q < limit; k++) {
        if (any_lit(q, limit, W))
            return TRUE;
        q = g_utf8_next_char(q);
    }
    return FALSE;
}

/* A day or part of a month (11月中旬, 10月28日) followed by a product's launch (上市的S7,
 * 亮相, 发售): when it came out, no period (前三季度新上市的车型中 is a span: who is counted). */
static gboolean launch_after(const TimeRef *t, const char *e, const char *limit)
{
    if (t->p.start.kind != JB_POINT_DAY ||
        jb_period_end_day(&t->p) - jb_period_first_day(&t->p) > 11 ||
        any_lit(e, limit, (const char *const[]){"上市公司", "上市企业", "上市企業", NULL}))
        return FALSE; /* (10月上市公司…: listed companies, no launch) */
    return any_lit(e, limit, (const char *const[]){"上市", "亮相", "发售", "發售", NULL}) != NULL;
}

/* A span of days right before an event held over them (11月10日至13日举办的博览会, 举行的
 * 展会): the days the event ran, the period of what it reports (a single day is when it was
 * held: 在2日举行的大会上, someone spoke). */
static gboolean held_span(const TimeRef *t, const char *e, const char *limit)
{
    return t->p.start.kind == JB_POINT_DAY &&
           jb_period_end_day(&t->p) - jb_period_first_day(&t->p) >= 2 &&
           any_lit(e, limit,
                   (const char *const[]){"举办的", "舉辦的", "举行的", "舉行的", "召开的", "召開的",
                                         NULL}) != NULL;
}

/* Does the event verb after a time (at e) describe a noun (上映的《长夜将尽》, 发布的新规)? */
static gboolean noun_of_event(const char *e, const char *limit)
{
    return word_ahead(e, limit, 5, (const char *const[]){"的", NULL});
}

/* A time that names a report (2024年第三季度报告, 2023年年报, 2025年半年报): the period of what
 * its sentence quotes from it, not of what the text goes on to say. */
static gboolean report_after(const char *e, const char *limit)
{
    return any_lit(e, limit,
                   (const char *const[]){"报告", "報告", "财报", "財報", "年报", "年報", "季报",
                                         "季報", "半年报", "半年報", "年度报告", "年度報告",
                                         "半年度报告", "半年度報告", NULL}) != NULL;
}

/* A time after a founding (成立于2021年, 创办於1998年) or a birth (生于1977年): when the
 * company or the person began, not the period of what the text says of them now. */
static gboolean event_before(const char *s, const char *p)
{
    static const char *const W[] = {"成立于", "成立於", "创立于", "創立於", "创办于", "創辦於",
                                    "创建于", "創建於", "始建于", "始建於", "组建于", "組建於",
                                    "注册于", "註冊於", "诞生于", "誕生於", "上市于", "上市於",
                                    "生于",   "生於",   NULL};
    return ends_with_any(s, p, W);
}

/* A time of a person's life in a card (林某，1977年生，…; 1980年出生; 2015年毕业于): no period. */
static gboolean life_event_after(const char *e, const char *limit)
{
    static const char *const W[] = {"出生", "起任", "起担任", "起擔任", "担任",
                                    "擔任", "当选", "當選",   "调任",   "調任",
                                    "毕业", "畢業", "入职",   "入職",   NULL};
    const char *w = any_lit(e, limit, W);
    if (w) /* (not 2026届毕业生: the cohort) */
        return !lit(w, limit, "生");
    const char *b = any_lit(e, limit, (const char *const[]){"生", "任", NULL});
    return b &&
           (b == limit ||
            any_lit(b, limit,
                    (const char *const[]){"，", "、", "）", ")", ",", "。", "；", NULL}) ||
            (lit(e, limit, "任") &&
             !any_lit(b, limit, (const char *const[]){"务", "務", "期", "内", "內", "何", NULL})));
}

/* Is the time [p, e) that of a cause (受8月持续阴雨影响, 受今年一季度寒潮影响): 受 or 因 just
 * before it, 影响 within a few characters after, in one clause? */
static gboolean cause_around(const char *s, const char *p, const char *e, const char *limit)
{
    if (!ends_with(s, p, "受") && !ends_with(s, p, "因") && !ends_with(s, p, "由于") &&
        !ends_with(s, p, "由於"))
        return FALSE;
    for (int k = 0; k < 12 && e < limit; k++, e = g_utf8_next_char(e)) {
        if (lit(e, limit, "影响") || lit(e, limit, "影響"))
            return TRUE;
        if (lit(e, limit, "，") || lit(e, limit, "。") || lit(e, limit, "；") || *e == ',')
            return FALSE;
    }
    return FALSE;
}

/* Is the event at the time `t` (at p) one to come: 将于明年二季度投产, 计划在下月开业? */
static gboolean future_event(const char *s, const char *p, const TimeRef *t)
{
    static const char *const W[] = {"将于",   "將於",   "将在", "將在", "计划于", "計劃於",
                                    "预计于", "預計於", "拟于", "擬於", NULL};
    return t->future_word || ends_with_any(s, p, W);
}

/* Is the time at p in a clause that speaks of the future (将, 预计, 计划)? */
static const char *const FUTURE_WORDS[] = {"将",   "將",   "预计", "預計", "计划", "計劃",
                                           "力争", "力爭", "有望", "目标", "目標", "预估",
                                           "預估", "预测", "預測", "可望", NULL};

/* Does a word of FUTURE_WORDS begin at a character of [a, z) and end by z? (Every time's
 * clause is read: most of its characters begin none, passed on their last two bytes.) */
static gboolean holds_future_word(const char *a, const char *z)
{
    static FirstChars firsts;
    const FirstChars *f = first_chars_of(&firsts, FUTURE_WORDS);
    for (const char *q = a; q < z; q = g_utf8_next_char(q))
        if (first_char_may_begin(f, q, z) && any_lit_scan(q, z, FUTURE_WORDS))
            return TRUE;
    return FALSE;
}

static gboolean future_clause(const char *s, const char *p, const char *e, const char *limit)
{
    /* the clause around the time, at most 30 characters each side (a clause of a megabyte
     * is not read again at each of its times) */
    const char *a = p;
    for (int n = 0; a > s && n < 30; n++) {
        const char *b = a - 1;
        while (b > s && ((guchar)*b & 0xC0) == 0x80)
            b--;
        if (lit(b, a, "，") || lit(b, a, "；") || lit(b, a, "。") || *b == ',')
            break;
        a = b;
    }
    const char *z = e;
    for (int n = 0; z < limit && n < 30 && !lit(z, limit, "，") && !lit(z, limit, "；") &&
                    !lit(z, limit, "。");
         n++)
        z = g_utf8_next_char(z);
    if (holds_future_word(a, z))
        return TRUE;
    /* a clause a verb of expecting opens (他预计，12月A股…) */
    return a - s >= 9 && (lit(a - 3, limit, "，") || lit(a - 3, limit, "：")) &&
           ends_with_any(s, a - 3,
                         (const char *const[]){"预计", "預計", "预测", "預測", "预估", "預估",
                                               "认为", "認為", "表示", NULL}) &&
           holds_future_word(a - 9, a - 3);
}

/* A month said with no year that would be last year's (12月 in November) in a sentence whose
 * next clauses expect the figure they come to (12月受假期带动，预期入住率可望超过95%): the
 * month ahead, as in a clause of its own that does (future_clause). Not a word of expecting
 * after the figure (12月…增长8%，预计1月…: last December's, and a plan for January). Up to 40
 * characters on. */
static gboolean sentence_expects(const char *e, const char *limit)
{
    const char *z = e;
    for (int n = 0; z < limit && n < 40 && !lit(z, limit, "。") && !lit(z, limit, "；") &&
                    !g_ascii_isdigit(*z);
         n++)
        z = g_utf8_next_char(z);
    return holds_future_word(e, z);
}

static gboolean after_as_of(const char *s, const char *p)
{
    static const char *const W[] = {"截至", "截止", "截止到", "到", "至", "从",
                                    "從",   "自",   "于",     "於", NULL};
    return ends_with_any(s, p, W);
}

/* Words after a time that make it a base (2003年第三季以來: since then) or a start (从本月
 * 23日起: from then). */
static gboolean since_after(const char *e, const char *limit)
{
    const char *q = e;
    if (lit(q, limit, "（") || lit(q, limit, "(")) { /* 2003年第三季（5.5%）以來 */
        const char *close = NULL;
        for (const char *r = q; r < limit && r - q < 40; r++)
            if (lit(r, limit, "）") || *r == ')') {
                close = r + (*r == ')' ? 1 : 3);
                break;
            }
        if (close)
            q = close;
    }
    if (any_lit(q, limit, (const char *const[]){"来看", "來看", NULL}))
        return FALSE; /* 全年来看: a viewpoint, no since */
    return any_lit(q, limit, (const char *const[]){"以来", "以來", "来", "來", NULL}) != NULL;
}

/* Is the time [p, e) a viewpoint (从全年看, 从前三季度来看, 從全年來看): the period itself? */
static gboolean viewpoint(const char *s, const char *p, const char *e, const char *limit)
{
    return ends_with_any(s, p, (const char *const[]){"从", "從", NULL}) &&
           any_lit(e, limit, (const char *const[]){"看", "来看", "來看", NULL});
}

static gboolean record_after(const char *e, const char *limit);
static gboolean takes_effect_after(const char *e, const char *limit);

/* Where the 以来 after the time [p, e) ends: right after it, or after an event of up to `words`
 * characters when 自 or 从 opens it (自11月15日进入供暖季以来, 自2022年开展省级集采以来); NULL. */
static const char *since_after_time(const char *s, const char *p, const char *e, const char *limit,
                                    int words)
{
    static const char *const SINCE[] = {"以来", "以來", NULL};
    const char *since = any_lit(e, limit, SINCE);
    for (const char *q = e;
         !since && ends_with_any(s, p, (const char *const[]){"自", "从", "從", NULL}) &&
         q < limit && q - e < 3 * words && !clause_mark_at(q, limit);
         q = g_utf8_next_char(q))
        since = any_lit(q, limit, SINCE);
    return since;
}

/* A month followed by 以来 (今年9月以来，各地共举办招聘活动1.6万场) and no record after it
 * (2月以来新高) is a running span: from its first day to the published day. Fills t. */
static gboolean month_since(TimeRef *t, const char *s, const char *p, const char *e,
                            const char *limit, const TimeAnchor *a)
{
    gboolean month = t->p.start.kind == JB_POINT_MONTH && t->p.end.kind == JB_POINT_MONTH;
    gboolean day = t->p.start.kind == JB_POINT_DAY && t->p.end.kind == JB_POINT_DAY;
    if (!t->known || !(month || day) ||
        jb_period_first_day(&t->p) != jb_point_first_day(&t->p.end) || a->day.kind != JB_POINT_DAY)
        return FALSE;
    const char *since = since_after_time(s, p, e, limit, 8);
    if (!since || record_after(since, limit))
        return FALSE;
    JbPoint first = day ? t->p.start : (JbPoint){JB_POINT_DAY, t->p.start.year, t->p.start.n, 1};
    if (jb_point_first_day(&first) >= jb_point_first_day(&a->day))
        return FALSE;
    t->p = (JbPeriod){first, a->day};
    t->loose = TRUE; /* (a span said in passing, as 今年以来: no story's period) */
    return TRUE;
}

/* Is a record or a first said in the clause after 以来 (2006年以来最高水平, 以來最佳, 以来首次
 * 转正): the year is a base, not a span's start? */
static gboolean record_in_clause(const char *q, const char *limit)
{
    static const char *const W[] = {"新高", "新低", "最",   "首次", "首度", "纪录",
                                    "紀錄", "记录", "記錄", "之最", NULL};
    for (int k = 0; k < 16 && q < limit && !clause_mark_at(q, limit); k++, q = g_utf8_next_char(q))
        if (any_lit(q, limit, W))
            return TRUE;
    return FALSE;
}

/* A past year followed by 以来 (2022年以来，全省累计招录…; 自2022年开展集采以来，…累计节约…;
 * 1956年以来共有43个台风…), or a plan's years (“十四五”以来), with no record after it is a span
 * of years, from its first, to the published one. */
static gboolean year_since(TimeRef *t, const char *s, const char *p, const char *e,
                           const char *limit, const TimeAnchor *a)
{
    if (!t->known || t->p.start.kind != JB_POINT_YEAR || t->p.end.kind != JB_POINT_YEAR ||
        t->p.start.year >= anchor_year(a) || a->day.kind != JB_POINT_DAY)
        return FALSE;
    if (lit(e, limit, "”") || lit(e, limit, "\""))
        e += lit(e, limit, "”") ? strlen("”")
                                : 1; /* (“十四五”以来: a plan's years, from its first) */
    const char *since = since_after_time(s, p, e, limit, 10);
    if (!since || record_in_clause(since, limit))
        return FALSE;
    t->p.end.year = anchor_year(a);
    t->role = TIME_PERIOD;
    t->loose = TRUE; /* (a span said in passing: no story's period, nor the next sentence's) */
    t->sentence_only = TRUE;
    return TRUE;
}

/* A time a multiple or a share is measured against: 为“十三五”末的20倍, 是2020年的3倍,
 * 恢复至2019年同期的86.5%, 接近去年全年的80%, 完成全年目标任务的91.7%. */
static gboolean multiple_after(const char *e, const char *limit)
{
    const char *q = e;
    const char *w;
    for (int k = 0;
         k < 2 && (w = any_lit(q, limit, (const char *const[]){"同期", "全年", "水平", NULL})); k++)
        q = w; /* (2021年同期水平的約六成) */
    w = any_lit(q, limit,
                (const char *const[]){"目标任务", "目標任務", "目标", "目標", "计划", "計劃",
                                      "任务", "任務", NULL});
    if (w)
        q = w;
    if (!(q = lit(q, limit, "的")))
        return FALSE;
    if ((w = any_lit(q, limit, (const char *const[]){"约", "約", "近", "逾", "仅", "僅", NULL})))
        q = w; /* (的约82%) */
    const char *d = q;
    if (cn_small(&d, limit) >= 1 && (lit(d, limit, "成") || lit(d, limit, "倍")))
        return TRUE; /* (的約六成, 的两倍) */
    if (any_lit(q, limit, (const char *const[]){"一半", "半数", "半數", NULL}))
        return TRUE; /* (为常年同期的一半左右) */
    d = q;
    while (q < limit &&
           (g_ascii_isdigit(*q) || *q == '.' || lit(q, limit, "多") || lit(q, limit, "余")))
        q += g_ascii_isdigit(*q) || *q == '.' ? 1 : 3;
    if (q == d)
        return FALSE;
    return lit(q, limit, "倍") || lit(q, limit, "%") || lit(q, limit, "％") || lit(q, limit, "成");
}

/* Does a figure follow the time's 的 within a few characters (的2126万千瓦, 的每千瓦时0.85元,
 * 的约48%, 的4倍), before the clause ends? */
static gboolean figure_after_de(const char *e, const char *limit)
{
    const char *q = lit(e, limit, "的");
    for (int k = 0; q && k < 8 && q < limit; k++) {
        if (g_ascii_isdigit(*q))
            return TRUE;
        if (lit(q, limit, "，") || lit(q, limit, "。") || lit(q, limit, "；"))
            return FALSE;
        q = g_utf8_next_char(q);
    }
    return q && multiple_after(e, limit);
}

/* A share of a whole named by its owner and its time (占公司2025年经审计营业收入的31.6%, 約佔集團
 * 2025年度收入的37%, 相当于公司2025年营收的9.6%): 占 or 相当于 a few characters before the time (no
 * digit nor clause mark between, not 占比 or 占地), then 的 and a percentage in its clause. The year
 * is the whole's, a base. */
static gboolean share_of_owner(const char *s, const char *p, const char *e, const char *limit)
{
    const char *q = p;
    for (int k = 0; k < 5 && q > s; k++) {
        q = g_utf8_prev_char(q);
        if (g_ascii_isdigit(*q) || (guchar)*q < 0x80 || clause_mark_at(q, p))
            return FALSE;
        const char *w = any_lit(q, p, (const char *const[]){"占", "佔", "相当于", "相當於", NULL});
        if (!w)
            continue;
        if (k == 0 || any_lit(w, p, (const char *const[]){"比", "地", "有", "据", "據", NULL}))
            return FALSE; /* (占 just before the time: the rule after) */
        for (q = e; q < limit && q - e < 60 && !clause_mark_at(q, limit) && !g_ascii_isdigit(*q);
             q = g_utf8_next_char(q)) { /* (a figure before 的 is the whole's own, of that time) */
            const char *d = lit(q, limit, "的");
            if (!d)
                continue;
            const char *v = any_lit(d, limit, (const char *const[]){"约", "約", "近", "逾", NULL});
            d = v ? v : d;
            if (!g_ascii_isdigit(*d))
                continue;
            while (d < limit && (g_ascii_isdigit(*d) || *d == '.'))
                d++;
            return lit(d, limit, "%") || lit(d, limit, "％");
        }
        return FALSE;
    }
    return FALSE;
}

/* A level at a time, from one to another (由2020年的63.2%提高到2025年的69.5%): the time of
 * the figure after 的, not the base of a share (恢复至2019年同期的86.5%). */
/* An ordinal after a time (今年第七批次, 年内第3次, 今年第5号台风, 年内最后一轮, 今年首批): the
 * time says which of the year's batches or rounds, not the period of the figures after it;
 * *batch: a batch or an issue by its noun (第六批采购中中标…: no figure's period in its clause
 * either; 首次突破, 第3次下调 are what the time saw). */
static gboolean ordinal_after(const char *s, const char *e, const char *limit, gboolean *batch)
{
    static const char *const NTH[] = {"批次", "批", "次", "轮", "輪", "届",
                                      "屆",   "号", "號", "场", "場", NULL};
    const char *q = any_lit(e, limit, (const char *const[]){"最后一", "最後一", "首", NULL});
    if (!q && lit(e, limit, "第")) {
        q = e + strlen("第");
        q = small_number(&q, s, limit, 99) < 0 ? NULL : q;
    }
    *batch = q && any_lit(q, limit, (const char *const[]){"批", "届", "屆", "号", "號", NULL});
    return q && any_lit(q, limit, NTH) != NULL;
}

/* A period before an ordinal (今年第七批次集中供地): which batch, not the period after its
 * sentence; before a batch's noun no period of its own clause's figures either. */
static void ordinal_role(const char *s, const char *e, const char *limit, TimeRef *t)
{
    gboolean batch;
    if (t->role == TIME_PERIOD && ordinal_after(s, e, limit, &batch)) {
        t->local = t->sentence_only = TRUE;
        t->event = t->names_noun = batch;
    }
}

/* 从2023年的120GWh提升到…: the level a change runs from (从 is a base's word otherwise) */
/* After a time at e: a figure, then a turn to another state in the same clause (由上月下降
 * 0.2%转为持平): the time is the figure's it turned from, not the clauses' after it. */
static gboolean figure_then_turn(const char *e, const char *limit)
{
    gboolean figure = FALSE;
    for (const char *q = e; q < limit && q - e < 3 * 24; q = g_utf8_next_char(q)) {
        if (clause_mark_at(q, limit))
            return FALSE;
        figure = figure || g_ascii_isdigit(*q);
        if (figure &&
            any_lit(q, limit,
                    (const char *const[]){"转为", "轉為", "转成", "轉成", "变为", "變為", NULL}))
            return TRUE;
    }
    return FALSE;
}

static gboolean from_level(const char *s, const char *p)
{
    return ends_with_any(s, p, (const char *const[]){"从", "從", NULL});
}

static gboolean level_at(const char *s, const char *p, const char *e, const char *limit)
{
    if (any_lit(e, limit, (const char *const[]){"同期", "水平", NULL}))
        return FALSE;
    return ends_with_any(s, p, (const char *const[]){"由", "从", "從", "到", "至", NULL}) &&
           !ends_with(s, p, "截至");
}

/* A time inside a record's phrase (创下年内单月成交新高。, 为年内最高；): the span the record
 * is counted over, no figure's period. A record word ending its clause, a few characters on. */
static gboolean record_after(const char *e, const char *limit)
{
    static const char *const RECORD[] = {"新高", "新低", "最高", "最低", "高位", "低位",
                                         "纪录", "紀錄", "记录", "記錄", NULL};
    static FirstChars firsts;
    const FirstChars *records = first_chars_of(&firsts, RECORD);
    const char *q = e;
    for (int k = 0; k < 10 && q < limit; k++, q = g_utf8_next_char(q)) {
        if (g_ascii_isdigit(*q) || lit(q, limit, "，") || lit(q, limit, "。") ||
            lit(q, limit, "；"))
            return FALSE;
        if (!first_char_may_begin(records, q, limit))
            continue; /* (most characters begin no word of RECORD) */
        const char *w = any_lit_scan(q, limit, RECORD);
        if (w &&
            (w >= limit || any_lit(w, limit, (const char *const[]){"，", "。", "；", "！", NULL})))
            return TRUE;
    }
    return FALSE;
}

static gboolean start_after(const char *e, const char *limit)
{
    return any_lit(e, limit, (const char *const[]){"起", "开始", "開始", NULL}) != NULL;
}

/* Does a rule take effect from the time before e (自2027年1月1日起实施, 自公布之日起施行): the
 * day it starts to hold, no period of the figures the next sentences give? */
static gboolean takes_effect_after(const char *e, const char *limit)
{
    const char *q = any_lit(e, limit, (const char *const[]){"起", "开始", "開始", NULL});
    if (!q)
        return FALSE;
    const char *w = any_lit(q, limit, (const char *const[]){"正式", NULL});
    return any_lit(w ? w : q, limit,
                   (const char *const[]){"实施", "實施", "施行", "执行", "執行", "生效", NULL}) !=
           NULL;
}

void jb_extract_time_scope(const char *s, const char *p, const char *e, const char *limit,
                           TimeRef *t)
{
    if (t->role != TIME_PERIOD)
        return;
    /* a time inside a clause that says which things (当事人于2026年6月至9月生产的3批次…): the
     * period of its sentence's figures, not of the next sentences' (没收…，并处…罚款) */
    if ((ends_with(s, p, "于") || ends_with(s, p, "於")) && !lit(e, limit, "的") &&
        noun_of_event(e, limit))
        t->sentence_only = TRUE;
    /* (…自2027年1月1日起实施。本批标准中，新制定3项: when the rule holds from, not what the
     * next sentence counts) */
    if (takes_effect_after(e, limit))
        t->sentence_only = TRUE;
}

/* A month or day with no year, three months or more before the published one, that a word of
 * will opens (将于1月1日起实施 or 拟于3月 in a December article): next year's, still to come, not
 * this year's past (a month ahead with no year is taken back a year: shifted_back). Moves it. */
static void next_years_ahead(const char *s, const char *p, const TimeAnchor *a, TimeRef *t)
{
    static const char *const WILL[] = {"将于", "將於", "将在", "將在",   "将从",   "將從", "将自",
                                       "將自", "拟于", "擬於", "计划于", "計劃於", NULL};
    int am = anchor_month(a);
    gboolean dated = t->p.start.kind == JB_POINT_DAY || t->p.start.kind == JB_POINT_MONTH;
    if (t->known && t->year_implied && !t->shifted_back && dated && am &&
        t->p.start.year == anchor_year(a) && t->p.start.n + 3 <= am && ends_with_any(s, p, WILL)) {
        t->p.start.year++;
        t->p.end.year++;
        t->future_word = TRUE;
    }
}

/* The role the time t (read at [p, e) of the sentence [s, limit)) plays for the figures
 * near it: a restatement in brackets of the time before it (prev_end: the end of the last
 * time found, the last of `out`), a period, a base of comparison, a level's time, an
 * event's, a plan's; and whether it holds beyond its clause or sentence. */
void jb_extract_time_role(const char *s, const char *p, const char *e, const char *limit,
                          const char *prev_end, const TimeAnchor *anchor, GArray *out, TimeRef *t)
{
    gboolean bracketed = prev_end &&
                         ((lit(prev_end, limit, "（") == p) || (lit(prev_end, limit, "(") == p));
    next_years_ahead(s, p, anchor, t);
    if (bracketed) {
        t->role = TIME_RESTATE; /* 今年第二季（4至6月）, 今天（10月18日） */
        TimeRef *prev = &g_array_index(out, TimeRef, out->len - 1);
        if (t->p.start.kind == JB_POINT_DAY && t->p.end.kind == JB_POINT_DAY && t->known &&
            prev->rel == REL_NONE && jb_period_first_day(&t->p) != jb_period_end_day(&t->p) - 1)
            prev->p = t->p; /* 上周（11月24日—11月30日）: the days it says, weekend and all */
        else if (prev->rel != REL_NONE && t->known && !t->year_implied && !t->shifted_back) {
            prev->restated = TRUE; /* 去年同期（2025年8月至10月）: what it says, not a guess */
            prev->p = t->p;
        }
    } else if (prev_end && lit(prev_end, limit, "的") == p &&
               g_array_index(out, TimeRef, out->len - 1).role == TIME_BASE) {
        t->role = TIME_BASE; /* 较“十三五”末的2020年提高…: the base said again, by its year */
    } else if (t->role == TIME_DAY && month_since(t, s, p, e, limit, anchor)) {
        t->role = TIME_PERIOD; /* 自11月15日进入供暖季以来: from that day to the published one */
    } else if (t->role == TIME_DAY) {
        if (t->shifted_back &&
            (start_after(e, limit) ||
             any_lit(e, limit, (const char *const[]){"前", "之前", "以前", NULL}))) {
            /* 自3月1日起, in February; 力争12月15日前完成…, in November: to come */
            t->p.start.year++;
            t->p.end.year++;
            t->shifted_back = FALSE;
            t->future_word = TRUE;
        }
        if ((after_as_of(s, p) || start_after(e, limit)) && !ends_with(s, p, "于") &&
            !ends_with(s, p, "於") && !ends_with(s, p, "起至") && !ends_with(s, p, "起到"))
            t->role = TIME_PERIOD; /* 截至10月17日, 从本月23日起 */
        else if ((ends_with(s, p, "于") || ends_with(s, p, "於")) && takes_effect_after(e, limit))
            t->role = TIME_PERIOD; /* 已于11月1日起执行，…降至6500元: the day it holds from (not
                                    * 于10月8日起飞, an event) */
        else if (after_comparison(s, p) && !start_after(e, limit))
            t->role = TIME_BASE; /* 较上周五升值215个基点: the day compared with */
        else if (event_after(e, limit) && noun_of_event(e, limit))
            t->local =
                TRUE; /* 上周五上映的《长夜将尽》首周票房…: the film's day, not the figure's */
        else if (any_lit(
                     e, limit,
                     (const char *const[]){"单日", "單日", "当天", "當天", "当日", "當日", NULL})) {
            t->role = TIME_PERIOD; /* 周五单日净流出58.3亿元: that day's figures */
            t->sentence_only = TRUE;
        }
    } else if (year_since(t, s, p, e, limit, anchor)) {
        /* 自2022年开展集采以来，…累计…: from that year to the published one (before 自 as a
         * comparison's start) */
    } else if (month_since(t, s, p, e, limit, anchor)) {
        /* 今年9月以来, 自…實施以來 (not a comparison's 自): from the month's first day on */
    } else if ((after_comparison(s, p) || compared_with(s, p, e, limit)) &&
               !start_after(e, limit) && !(from_level(s, p) && figure_after_de(e, limit)) &&
               !viewpoint(s, p, e, limit)) {
        t->role = TIME_BASE;
    } else if (since_after(e, limit) || index_base_after(e, limit) || base_size_after(e, limit)) {
        t->role = TIME_BASE; /* 2003年第三季以來, （上年同月=100）, 去年四季度基数较高: a base */
    } else if (level_at(s, p, e, limit) &&
               (figure_after_de(e, limit) ||
                (ends_with_any(s, p, (const char *const[]){"由", "从", "從", NULL}) &&
                 figure_then_turn(e, limit)))) {
        /* the time of a level a change runs from or to (由2020年底的2126万千瓦增加到2025年
         * 底的4倍): that level's, not the clauses' after it; where a change starts is no
         * story's period either */
        t->local = TRUE;
        t->loose = ends_with_any(s, p, (const char *const[]){"由", "从", "從", NULL});
    } else if (multiple_after(e, limit)) {
        t->role = TIME_BASE; /* 为2020年的3倍, 恢复至2019年同期的86.5%: a share's base */
        t->share_of = TRUE;
    } else if (t->role == TIME_PERIOD &&
               (ends_with_any(s, p, (const char *const[]){"占", "佔", "占了", "佔了", NULL}) ||
                (t->rel == REL_NONE && !t->now_word && share_of_owner(s, p, e, limit)))) {
        t->role = TIME_BASE; /* 第四季度…，占全年营业收入的29.2%: the whole a share is of */
        t->share_of = TRUE;
    }
    jb_extract_time_scope(s, p, e, limit, t);
    if (year_names_no_period(t, s, p, e, limit)) /* 以…為基數; 2027年33倍PE; 2025年版 */
        t->local = t->sentence_only = TRUE;
    ordinal_role(s, e, limit, t);
    if (t->role == TIME_PERIOD && (ends_with(s, p, "其中") || ends_with(s, p, "其中，")))
        t->sentence_only = TRUE; /* 其中2月18日至20日…: a part of the period, that sentence's */
    if (t->role == TIME_PERIOD &&
        any_lit(e, limit, (const char *const[]){"单季", "單季", "单月", "單月", NULL}))
        t->sentence_only = TRUE; /* 第四季度单季出货量…: a part singled out, that sentence's */
    /* (asked once: two of the tests below want it) */
    gboolean event = t->role == TIME_PERIOD && event_after(e, limit);
    if (t->role == TIME_PERIOD && record_after(e, limit))
        t->local = t->sentence_only = TRUE; /* 创下年内单月成交新高 */
    else if (t->role == TIME_PERIOD && report_after(e, limit))
        t->sentence_only = TRUE; /* 2023年年报显示，…: that sentence's, no story's period */
    else if (t->role == TIME_PERIOD && held_span(t, e, limit))
        ; /* 11月10日至13日举办的博览会…签约126亿元: the days it ran, its figures' period */
    else if (event && noun_of_event(e, limit) && compared_before(s, p))
        t->role = TIME_BASE; /* 比他本人去年创造的赛会纪录快了41秒: the record's year, a base */
    else if (t->role == TIME_PERIOD &&
             ((event && !future_event(s, p, t)) || launch_after(t, e, limit) ||
              event_before(s, p) || life_event_after(e, limit) || cause_around(s, p, e, limit))) {
        t->local = t->event = TRUE; /* its clause's only: 去年推出…计划 (a future one,
                                   * 将于明年二季度投产，新增产能…, dates what it brings) */
        /* 11月中旬上市的S7, 10月28日发布的新机: which one, no period (前三季度新上市的车型中,
         * a span: who is counted; 在2024赛季创造的22球: the figure it made) */
        t->names_noun = noun_of_event(e, limit) && t->p.start.kind == JB_POINT_DAY &&
                        jb_period_end_day(&t->p) - jb_period_first_day(&t->p) <= 11;
    } else if (t->role == TIME_PERIOD &&
               (future_clause(s, p, e, limit) ||
                (t->shifted_back &&
                 (ends_with_any(s, p, (const char *const[]){"预期", "預期", NULL}) ||
                  sentence_expects(e, limit))))) {
        /* (市場預期12月或再減息, in November: the December ahead) */
        t->sentence_only = TRUE; /* a plan's time is not what the next sentence reports */
        /* (剩余188亿元将于12月上旬全部下达: when it will be done, a time still to come) */
        if (ends_with_any(s, p, (const char *const[]){"将于", "將於", "将在", "將在", NULL}))
            t->future_word = TRUE;
        if (t->shifted_back) { /* 将在6月至7月: this year's months ahead, not last year's */
            t->p.start.year++;
            t->p.end.year++;
        }
    }
}
