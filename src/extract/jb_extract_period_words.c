/* jb_extract_period_words.c — times said in words and counted from the published date: this
 * year, last year, this month (今年, 去年, 上月, 目前, 今天); weeks and weekdays are
 * jb_extract_period_weeks.c's, a periodic report's own times jb_extract_period_report.c's.
 *
 * Not for: the scan that finds them (jb_extract_period.c), dates written out
 * (jb_extract_period_dates.c), resolving them against the period in force
 * (jb_extract_period_resolve.c).
 */
#include "jb_extract_period_priv.h"

/* After a five-year plan's name: one year of it named (“十四五”规划收官之年, 开局之年, 的第三年,
 * 最后一年), not the plan's span. */
static gboolean plan_year_named(const char *e, const char *limit)
{
    const char *q = any_lit(e, limit, (const char *const[]){"规划", "規劃", "计划", "計劃", NULL});
    if (q)
        e = q;
    if ((q = lit(e, limit, "的")))
        e = q;
    for (int k = 0; k < 6 && e < limit; k++) { /* 收官之年, 开局之年, 第三年, 最后一年 */
        if (any_lit(e, limit, (const char *const[]){"之年", "年", "最后一年", "最後一年", NULL}))
            return TRUE;
        if (any_lit(e, limit, (const char *const[]){"，", "。", "；", "、", NULL}))
            return FALSE;
        e = g_utf8_next_char(e);
    }
    return FALSE;
}


/* today_word, month_word and year_word (and week_word, jb_extract_period_weeks.c) each read
 * one kind of word at p: TRUE when one is there, with *end where
 * it ends, or NULL when it names no time here (目前 with no published day); FALSE when none
 * of its kind is at p. */

/* Now, today, yesterday: the published day, or the day before it. */
static gboolean today_word(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                           TimeRef *t, const char **end)
{
    const char *e;
    *end = NULL;
    /* (现在, 现时 inside a verb ending in 现: 出现在石门站, 体现在, 出现时) */
    if ((lit(p, limit, "现") || lit(p, limit, "現")) &&
        ends_with_any(s, p, (const char *const[]){"出", "发", "發", "实", "實", "体", "體", "表",
                                                  "呈", "显", "顯", "涌", "湧", "再", "重", "展",
                                                  "兑", "兌", "浮", "闪", "閃", NULL}))
        return FALSE;
    if ((e = any_lit(p, limit,
                     (const char *const[]){"截至目前", "截止目前", "截至目前为止", "目前", "当前",
                                           "當前", "现阶段", "現階段", "现时", "現時", "现在",
                                           "現在", "现年", "現年", NULL}))) {
        if (!a->day.kind)
            return TRUE;
        t->p = jb_period_of(a->day);
        t->now_word = TRUE;
        *end = e;
        return TRUE;
    }
    /* the day of the announcement the text is (截至本公告披露日，控股股东持有…): the published day */
    if ((e = any_lit(p, limit,
                     (const char *const[]){"本公告披露日", "本公告披露之日", "本公告日",
                                           "本公告发布之日", "本公告發布之日", NULL}))) {
        if (!a->day.kind)
            return TRUE;
        t->p = jb_period_of(a->day);
        *end = e;
        return TRUE;
    }
    /* the latest reading (…9月升至4.4%，最新为4.5%; 最新報97.9): now, not the month before it */
    if ((e = lit(p, limit, "最新")) &&
        any_lit(
            e, limit,
            (const char *const[]){"报", "報", "为", "為", "录得", "錄得", "值为", "值為", NULL})) {
        if (!a->day.kind)
            return TRUE;
        t->p = jb_period_of(a->day);
        t->now_word = t->sentence_only = TRUE; /* (a reading's: not the next sentence's) */
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(
             p, limit,
             (const char *const[]){"今天", "今日", "今早", "今晨", "今午", "今晚", NULL}))) {
        if (!a->day.kind)
            return TRUE;
        t->p = jb_period_of(a->day);
        t->role = TIME_DAY;
        *end = e;
        return TRUE;
    }
    /* tomorrow (今日…，明日将降至5℃左右): the day after; a figure of it is yet to come. Not
     * inside a word ending in 明 (说明日前, 表明日本, 证明): a future's name (美好的明天,
     * 明日之星) is no day either */
    if ((e = any_lit(p, limit,
                     (const char *const[]){"明天", "明日", "明晨", "明早", "明晚", NULL})) &&
        !ends_with_any(s, p, (const char *const[]){"说", "說", "表", "证", "證", "声", "聲", "标",
                                                   "標", "阐", "闡", "注", "查", "发", "發", "透",
                                                   "光", "文", "清", "聪", "聰", "照", "简", "簡",
                                                   "指", "申", "鲜", "鮮", "分", "英", "高", "神",
                                                   "载", "載", "写", "寫", "列", "讲", "講", "点",
                                                   "點", "辨", "判", "开", "開", "的", NULL}) &&
        !any_lit(e, limit, (const char *const[]){"之", "方舟", "黄花", "黃花", NULL})) {
        if (a->day.kind != JB_POINT_DAY)
            return TRUE;
        t->p = jb_period_of(jb_point_add(a->day, 1)); /* (its sentence's: no story's period) */
        t->future_word = t->sentence_only = TRUE;
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"昨天", "昨日", "昨晚", NULL}))) {
        if (a->day.kind != JB_POINT_DAY)
            return TRUE;
        t->p = jb_period_of(jb_point_add(a->day, -1));
        t->role = TIME_DAY;
        *end = e;
        return TRUE;
    }
    /* a futures day session (昨日夜盘…上涨2.3%，但日盘涨幅收窄至0.7%): the trading day, not the
     * night session's calendar day before it (今日盘前, 当日盘中: 日 is the other word's) */
    if ((e = any_lit(p, limit, (const char *const[]){"日盘", "日盤", NULL})) &&
        !ends_with_any(s, p,
                       (const char *const[]){"今", "昨", "前", "明", "当", "當", "每", "次", "单",
                                             "單", "本", "该", "該", "同", "首", "全", "逐",
                                             NULL})) {
        if (!jb_extract_default_day(a, TRUE, &t->p))
            return TRUE;
        t->role = TIME_DAY;
        *end = e;
        return TRUE;
    }
    return FALSE;
}

/* Is a change since the period's start said in the clause from e (期末余额较期初增加42.7%)? */
static gboolean since_start(const char *e, const char *limit)
{
    for (const char *q = e; q < limit && q - e < 3 * 12 && !clause_mark_at(q, limit);
         q = g_utf8_next_char(q))
        if (any_lit(q, limit, (const char *const[]){"期初", NULL}))
            return TRUE;
    return FALSE;
}

/* Months by word: 月末, 当月 and 全月 (the month just spoken of), 本月 (本月23日), 下月, 期末 (the end of
 * the period in force). */
static gboolean month_word(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                           TimeRef *t, const char **end)
{
    const char *e;
    *end = NULL;
    if ((e = any_lit(p, limit, (const char *const[]){"月末", "月底", NULL})) &&
        !(p > s && (g_ascii_isdigit(p[-1]) ||
                    ends_with_any(s, p,
                                  (const char *const[]){"一", "二", "三", "四", "五", "六", "七",
                                                        "八", "九", "十", "本", "上", "下", "每",
                                                        "个", "個", "前", "同", NULL})))) {
        t->rel = REL_THIS; /* 月末外币贷款余额…: the end of the month just spoken of */
        t->grain = JB_POINT_MONTH;
        *end = e;
        return TRUE;
    }
    /* 期末 (期末公司货币资金…, 期末現金及銀行結餘…): the end of the period in force, its last
     * month (not a term's end, 学期末, 期末考试, nor a change since its start, 期末余额较期初) */
    if ((e = any_lit(p, limit, (const char *const[]){"期末", NULL})) &&
        !ends_with_any(s, p, (const char *const[]){"学", "學", "到", "至", NULL}) &&
        !any_lit(e, limit, (const char *const[]){"考", "测", "測", NULL}) &&
        !since_start(e, limit)) {
        t->rel = REL_THIS;
        t->grain = JB_POINT_MONTH;
        t->complete = TRUE; /* (the period's end: a day when the period in force is one) */
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"当月", "當月", "全月", NULL}))) {
        /* that month: the one just named (9月当月; 11月截至26日…，全月可达…), else this one */
        t->rel = REL_THIS;
        t->grain = JB_POINT_MONTH;
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"本月", "这个月", "這個月", NULL}))) {
        if (!anchor_month(a))
            return TRUE;
        const char *d = e;
        int dd = g_ascii_isdigit(*d) ? digits(&d, s, limit, 2) : -1;
        const char *de = dd >= 1 ? any_lit(d, limit, (const char *const[]){"日", "号", "號", NULL})
                                 : NULL;
        JbPoint x = {JB_POINT_DAY, anchor_year(a), anchor_month(a), dd};
        if (de && jb_point_valid(&x)) { /* 本月23日 */
            t->p = jb_period_of(x);
            *end = de;
            return TRUE;
        }
        t->p = a->reviewed.kind == JB_POINT_MONTH
                   ? jb_period_of(a->reviewed) /* 【本月概況】 in November's review, out 12-01 */
                   : point_period(JB_POINT_MONTH, anchor_year(a), anchor_month(a), 0);
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"下月", "下个月", "下個月", NULL}))) {
        if (!anchor_month(a))
            return TRUE;
        JbPoint m = {JB_POINT_MONTH, anchor_year(a), anchor_month(a), 0};
        t->p = jb_period_of(jb_point_add(m, 1));
        t->future_word = TRUE;
        *end = e;
        return TRUE;
    }
    return FALSE;
}

/* Times relative to the context, resolved later (jb_extract_period_resolve.c): 去年同期, 同期,
 * 上季, 上月, 今季, 当天, 同日, 当时, 两年平均. */
static const char *context_word(const char *s, const char *p, const char *limit, TimeRef *t)
{
    const char *e;
    if ((e = any_lit(p, limit,
                     (const char *const[]){"去年同期", "上年同期", "上一年同期", "去年同月",
                                           "上年同月", "上一年同月", NULL}))) {
        t->rel = REL_YEAR_AGO;
        return e;
    }
    if ((e = lit(p, limit, "同期"))) {
        t->rel = REL_SAME;
        return e;
    }
    /* 本期: the period a periodic release speaks of (即本期按年下跌0.5個百分點), not 本期末 */
    if ((e = lit(p, limit, "本期")) &&
        !any_lit(e, limit, (const char *const[]){"末", "初", "间", "間", "内", "內", NULL})) {
        t->rel = REL_SAME;
        return e;
    }
    if ((e = any_lit(p, limit,
                     (const char *const[]){"上一季度", "上季度", "上一季", "上季", NULL}))) {
        t->rel = REL_PREV;
        t->grain = JB_POINT_QUARTER;
        const char *m = any_lit(e, limit, (const char *const[]){"末", "底", NULL});
        t->complete = m != NULL; /* 较上季末: the quarter's last month, a point */
        return m ? m : e;
    }
    /* 前三周 of a month's weekly: the weeks so far, from the month's first day (not 前三周期) */
    const char *n = lit(p, limit, "前");
    if (n && cn_small(&n, limit) >= 2 &&
        (e = any_lit(n, limit, (const char *const[]){"周", "週", NULL})) && !lit(e, limit, "期")) {
        t->rel = REL_MONTH_TO_DAY;
        t->loose = TRUE;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"上月", "上个月", "上個月", "前月", NULL}))) {
        t->rel = REL_PREV;
        t->grain = JB_POINT_MONTH;
        return e;
    }
    if ((e = any_lit(p, limit,
                     (const char *const[]){"今季", "本季度", "本季", "当季", "當季", NULL}))) {
        t->rel = REL_THIS;
        t->grain = JB_POINT_QUARTER;
        return e;
    }
    if ((e = any_lit(p, limit,
                     (const char *const[]){"当天", "當天", "当日", "當日", "全日", NULL})) &&
        !lit(e, limit, "制")) { /* (全日制: full-time) */
        t->rel = REL_THAT_DAY;
        t->sentence_only = TRUE;
        return e;
    }
    /* 截至同日 (as of the same day): the day last named, as 当日 (not 同日，公司公告称…: the day
     * of an announcement, whose plan is of the period it speaks of) */
    if ((e = lit(p, limit, "同日")) &&
        ends_with_any(s, p, (const char *const[]){"截至", "截止", NULL})) {
        t->rel = REL_THAT_DAY;
        t->sentence_only = TRUE;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"当时", "當時", NULL}))) {
        t->rel = REL_WHEN;
        return e;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"两年平均", "兩年平均", NULL}))) {
        t->rel = REL_TWO_YEARS;
        return e;
    }
    return NULL;
}

/* What 年初 names when it comes right before them: a plan made at the year's start. */
static const char *const PLAN_NOUNS[] = {"预算", "預算", "计划", "計劃", "目标", "目標",
                                         "预期", "預期", "确定", "確定", "制定", "设定",
                                         "設定", "下达", "下達", NULL};

/* Does 累计 follow within the clause, a few characters on (年内累计, 年内已累计, 年内沪指累计),
 * before any figure? */
static gboolean running_total_after(const char *e, const char *limit)
{
    return word_ahead(e, limit, 8, (const char *const[]){"累计", "累計", NULL});
}

/* 年中 alone, the mid-year point of a year's stock (年中人口, 至年中): a word of its own, not the
 * end of another (青年中心, 近年中国) nor the start of one (年中国, 年中秋). */
static const char *mid_year(const char *s, const char *p, const char *limit)
{
    const char *e = lit(p, limit, "年中");
    if (!e || any_lit(e, limit,
                      (const char *const[]){"国", "國", "央", "心", "秋", "华", "華", "期", "级",
                                            "級", "纪", "紀", "龄", "齡", NULL}))
        return NULL;
    const char *b = p > s ? g_utf8_prev_char(p) : p;
    gunichar c = cjk_at(b, p);
    if (b < p && c >= 0x4E00 && c <= 0x9FFF &&
        !ends_with_any(s, p, (const char *const[]){"到", "至", "于", "於", "在", NULL}))
        return NULL;
    return e;
}

/* The year as a whole, and year-end reviews: in January and February 全年 and 过去一年 are
 * last year's; 年初以来, 年初, 年底 (到年底: a deadline), 年内. */
static gboolean year_word(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                          TimeRef *t, const char **end)
{
    const char *e;
    *end = NULL;
    if ((e = any_lit(p, limit,
                     (const char *const[]){"全年", "过去一年", "過去一年", "过去1年", NULL}))) {
        if (!anchor_year(a))
            return TRUE;
        t->rel = REL_YEAR; /* 2023年…，全年降幅近50%: 2023's */
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年初以来", "年初以來", "年初至今", NULL}))) {
        if (!anchor_month(a))
            return TRUE;
        t->p = months(anchor_year(a), 1, anchor_month(a)); /* as 今年以来 */
        t->loose = TRUE;
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年初", NULL}))) {
        if (!anchor_year(a) || any_lit(e, limit, PLAN_NOUNS))
            return TRUE; /* (完成年初预算的86.3%: the budget set then, a name, no time) */
        if (ends_with_any(s, p, (const char *const[]){"岁末", "歲末", NULL}))
            return TRUE; /* (做好岁末年初保供工作: a season of work, no figure's time) */
        t->rel = REL_YEAR_START; /* 年初的0.9元: January of the year in force */
        *end = e;
        return TRUE;
    }
    if ((e = mid_year(s, p, limit))) {
        if (!anchor_year(a))
            return TRUE;
        t->p = point_period(JB_POINT_MONTH, anchor_year(a), 6, 0); /* 年中人口: this June's */
        t->future_word = ends_with(s, p, "到") || ends_with(s, p, "至");
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年底", "年末", NULL})) &&
        !any_lit(e, limit, (const char *const[]){"前", "岁初", "歲初", NULL})) {
        if (!anchor_year(a))
            return TRUE;
        t->rel = REL_YEAR_END;
        /* 到年底 is a deadline; 下降至年底的0.45元, a value at that time */
        t->future_word = (ends_with(s, p, "到") || ends_with(s, p, "至")) && !lit(e, limit, "的");
        /* a year's stock heading its clause in a review of the year (年末全省常住人口6121万人,
         * a communiqué's, published the next spring): the year's figure; in November, 年末
         * is the month ahead */
        const char *b = p; /* (past spaces: **卫生人员。** 年末…) */
        while (b > s && (b[-1] == ' ' || b[-1] == '*'))
            b--;
        gboolean heads = b == s ||
                         ends_with_any(s, b, (const char *const[]){"，", "。", "；", "：", NULL});
        if (heads && anchor_month(a) >= 1 && anchor_month(a) <= 6)
            t->rel = REL_YEAR;
        else if (heads)
            t->complete = TRUE; /* (the year's when that year is over: resolved) */
        *end = e;
        return TRUE;
    }
    if ((e = any_lit(p, limit, (const char *const[]){"年内", "年內", "年底前", "年末前", NULL}))) {
        if (!anchor_year(a))
            return TRUE;
        /* a running total (年内累计上涨18.6%, 年内已累计发行, 年内沪指累计涨幅): from January,
         * as 今年以来 */
        if (anchor_month(a) && (e - p) == (gssize)strlen("年内") && running_total_after(e, limit)) {
            t->p = months(anchor_year(a), 1, anchor_month(a));
            t->loose = TRUE;
            *end = e;
            return TRUE;
        }
        t->p = point_period(JB_POINT_YEAR, anchor_year(a), 0, 0);
        t->loose = TRUE; /* a deadline, not the period a story reports */
        *end = e;
        return TRUE;
    }
    return FALSE;
}

/* Five-year plans: “十四五”时期, 十三五期间, “十三五”末 (its last year); 十四五 alone is often a
 * name (十四五规划), and a year of the plan (“十四五”规划收官之年) is said of this year. */
static const char *plan_period(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    const char *q = p, *e;
    gboolean quoted = FALSE;
    if ((e = any_lit(q, limit, (const char *const[]){"“", "\"", "「", NULL}))) {
        q = e;
        quoted = TRUE;
    }
    static const struct {
        const char *w;
        int first;
    } PLANS[] = {
        {"十一五", 2006}, {"十二五", 2011}, {"十三五", 2016}, {"十四五", 2021}, {"十五五", 2026}};
    for (gsize i = 0; i < G_N_ELEMENTS(PLANS); i++) {
        if (!(e = lit(q, limit, PLANS[i].w)))
            continue;
        if (quoted && !(e = any_lit(e, limit, (const char *const[]){"”", "\"", "」", NULL})))
            return NULL;
        const char *r = any_lit(e, limit,
                                (const char *const[]){"末", "时期", "時期", "期间", "期間", NULL});
        if (!r && plan_year_named(e, limit))
            return NULL; /* 今年是“十四五”规划收官之年: a year of the plan, said of this year */
        if (!r && !quoted)
            return NULL; /* 十四五 alone is often a name (十四五规划): a period only with 时期 */
        t->p = (JbPeriod){{JB_POINT_YEAR, PLANS[i].first, 0, 0},
                          {JB_POINT_YEAR, PLANS[i].first + 4, 0, 0}};
        if (r && lit(e, limit, "末")) /* “十三五”末: its last year */
            t->p.start = t->p.end;
        t->future_word = anchor_year(a) && PLANS[i].first + 4 > anchor_year(a);
        return r ? r : e;
    }
    return NULL;
}

/* A winter named by the published day (今冬, 今年冬季, 这个冬天, 今冬明春; 去年冬季, 去冬): December to
 * February. This winter is the one under way from December to March, else the next; last
 * winter the one before it. */
static const char *winter_word(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    static const char *const THIS[] = {"今冬明春", "今年冬季", "今年冬天", "这个冬天",
                                       "這個冬天", "今冬",     NULL};
    static const char *const LAST[] = {"去年冬季", "去年冬天", "去冬", NULL};
    const char *e = any_lit(p, limit, THIS);
    int back = 0;
    if (!e && (e = any_lit(p, limit, LAST)))
        back = 1;
    if (!e || !anchor_month(a) || any_lit(e, limit, (const char *const[]){"今春", "（", "(", NULL}))
        return NULL; /* (去冬今春: a winter and a spring, no one period; 今冬明春（2026年12月至
                      * 2027年2月）: the months in brackets say it) */
    int y = anchor_year(a) - (anchor_month(a) <= 3) - back;
    t->p = (JbPeriod){{JB_POINT_MONTH, y, 12, 0}, {JB_POINT_MONTH, y + 1, 2, 0}};
    return e;
}

/* A season across the year's end named by the published day (本冰雪季, 本雪季, 这个雪季, 本采暖季):
 * its months vary, so its two years; this season is the one ending by June, else the next. */
static const char *season_word(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    static const char *const THIS[] = {"本", "这个", "這個", "今年", NULL};
    static const char *const SEASON[] = {"冰雪季", "滑雪季", "雪季", "采暖季",
                                         "採暖季", "供暖季", "榨季", NULL};
    const char *e = any_lit(p, limit, THIS);
    if (!e || !(e = any_lit(e, limit, SEASON)) || !anchor_month(a) ||
        any_lit(e, limit, (const char *const[]){"（", "(", NULL}))
        return NULL; /* (本雪季（2026年11月至2027年4月）: the months in brackets say it) */
    int y = anchor_year(a) - (anchor_month(a) <= 6);
    t->p = (JbPeriod){{JB_POINT_YEAR, y, 0, 0}, {JB_POINT_YEAR, y + 1, 0, 0}};
    return e;
}

/* An interim report's results with no year of their own (中期業績, 中期純利, 中期盈利): the
 * first half over by the published day — of the fiscal year, where the article says its
 * years end in another month (a->fy_end) — as 2026年中期业绩 is 2026's. Not a mid-term
 * target (中期盈利目标), nor 中期票据, 中期借贷便利 (no results noun). */
static const char *interim_word(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    const char *e = lit(p, limit, "中期");
    const char *n = e ? any_lit(e, limit,
                                (const char *const[]){"业绩", "業績", "纯利", "純利", "净利",
                                                      "淨利", "盈利", "溢利", "亏损", "虧損",
                                                      "收入", "收益", "营收", "營收", NULL})
                      : NULL;
    if (!n || a->day.kind < JB_POINT_MONTH ||
        any_lit(n, limit,
                (const char *const[]){"目标", "目標", "规划", "規劃", "计划", "計劃", NULL}))
        return NULL;
    if (a->fy_end >= 1 && a->fy_end <= 11) {
        JbPoint first = fiscal_year_of(a->day, a->fy_end).start;
        if (jb_point_add(first, 5).year * 12 + jb_point_add(first, 5).n >=
            anchor_year(a) * 12 + anchor_month(a))
            first = jb_point_add(first, -12); /* (this year's first half not over yet) */
        t->p = month_run(first, 6);
    } else {
        t->p = point_period(JB_POINT_HALF, anchor_year(a) - (anchor_month(a) < 7), 1, 0);
    }
    return e;
}

/* Which of time_word's readers a word may start with the character c: each reads only words
 * that begin at p, and returns none when no word of its own is there, so a reader whose
 * words all begin otherwise is not asked (the time scan stops at every 上, 本, 年…). */
enum {
    TW_REPORT = 1 << 0,  /* report_time: 年初至…, 本报告期, 报告期, 上年度末 */
    TW_TODAY = 1 << 1,   /* today_word: 截至目前, 目前, 当前, 现在, 今天, 昨天 */
    TW_WEEKDAY = 1 << 2, /* weekday_ref: 上周, 下星期, 本周, 这周, 周, 星期, 礼拜 */
    TW_WEEK = 1 << 3,    /* week_word: 本周以来, 月内, 本月以来, 全周, 上周, 周 */
    TW_MONTH = 1 << 4,   /* month_word: 月末, 当月, 全月, 本月, 下月, 期末 */
    TW_CONTEXT = 1 << 5, /* context_word: 去年同期, 同期, 上季, 前月, 今季, 当天, 两年平均 */
    TW_YEAR = 1 << 6,   /* year_word: 全年, 过去一年, 年初, 年底, 年内 */
    TW_FISCAL = 1 << 7, /* fiscal_word: 本财年, 今财年, 上财年, 上半财年, 下半财年 */
    TW_PLAN = 1 << 8,   /* plan_period: “十四五”, 十三五 */
    TW_SEASON = 1 << 9,   /* winter_word, season_word: 今冬, 去冬, 这个冬天, 本雪季 */
    TW_INTERIM = 1 << 10, /* interim_word: 中期業績, 中期纯利 */
};

static guint time_word_readers(gunichar c)
{
    switch (c) {
    case 0x4E0A: /* 上 */
        return TW_REPORT | TW_WEEKDAY | TW_WEEK | TW_CONTEXT | TW_FISCAL;
    case 0x4E0B: /* 下 */
        return TW_WEEKDAY | TW_WEEK | TW_MONTH | TW_FISCAL;
    case 0x672C: /* 本 */
        return TW_REPORT | TW_TODAY | TW_WEEKDAY | TW_WEEK | TW_MONTH | TW_CONTEXT | TW_FISCAL |
               TW_SEASON;
    case 0x8FD9: /* 这 */
    case 0x9019: /* 這 */
        return TW_WEEKDAY | TW_WEEK | TW_MONTH | TW_SEASON;
    case 0x5468: /* 周 */
    case 0x9031: /* 週 */
        return TW_WEEKDAY | TW_WEEK;
    case 0x661F: /* 星 */
    case 0x793C: /* 礼 */
    case 0x79AE: /* 禮 */
        return TW_WEEKDAY;
    case 0x6708: /* 月 */
        return TW_WEEK | TW_MONTH;
    case 0x671F: /* 期 */
        return TW_MONTH;
    case 0x5168: /* 全 */
        return TW_WEEK | TW_MONTH | TW_CONTEXT | TW_YEAR;
    case 0x5F53: /* 当 */
    case 0x7576: /* 當 */
        return TW_TODAY | TW_MONTH | TW_CONTEXT;
    case 0x4ECA: /* 今 */
        return TW_TODAY | TW_CONTEXT | TW_FISCAL | TW_SEASON;
    case 0x622A: /* 截 */
    case 0x76EE: /* 目 */
    case 0x73B0: /* 现 */
    case 0x73FE: /* 現 */
    case 0x6628: /* 昨 */
    case 0x660E: /* 明 (明天, 明日) */
    case 0x6700: /* 最 (最新报) */
    case 0x65E5: /* 日 (日盘) */
        return TW_TODAY;
    case 0x4E2D: /* 中 */
        return TW_INTERIM;
    case 0x53BB: /* 去 */
        return TW_CONTEXT | TW_SEASON;
    case 0x540C: /* 同 */
    case 0x4E24: /* 两 */
    case 0x5169: /* 兩 */
    case 0x524D: /* 前 */
        return TW_CONTEXT;
    case 0x8FC7: /* 过 */
    case 0x904E: /* 過 */
        return TW_YEAR;
    case 0x5E74: /* 年 */
        return TW_REPORT | TW_YEAR;
    case 0x62A5: /* 报 */
    case 0x5831: /* 報 */
        return TW_REPORT;
    case 0x5341: /* 十 */
    case 0x201C: /* “ */
    case '"':
    case 0x300C: /* 「 */
        return TW_PLAN;
    default:
        return 0;
    }
}

/* For a first character c whose readers (time_word_readers) all read words of two or more
 * characters, none of which another reader begins with: may the character after it, at q,
 * begin the rest of one? 全 (全年, 全周, 全日, 全月), 过 (过去一年), 报 (报告期), 同 (同期), 目 (目前),
 * 截 (截至目前), 两 (两年平均): the time scan stops at each of these, and most are no time
 * (全国, 报道, 同比, 目标, 两个). Keep with the readers' words. */
gboolean time_word_second(gunichar c, const char *q, const char *limit)
{
    gunichar c2 = limit - q >= 3 && ((guchar)*q & 0xF0) == 0xE0 ? jb_utf8_get3(q) : 0;
    switch (c) {
    case 0x5168: /* 全 */
        return c2 == 0x5E74 /* 年 */ || c2 == 0x5468 /* 周 */ || c2 == 0x9031 /* 週 */ ||
               c2 == 0x65E5 /* 日 */ || c2 == 0x6708 /* 月 */;
    case 0x8FC7:                                      /* 过 */
    case 0x904E:                                      /* 過 */
        return c2 == 0x53BB;                          /* 去 */
    case 0x62A5:                                      /* 报 */
    case 0x5831:                                      /* 報 */
        return c2 == 0x544A;                          /* 告 */
    case 0x540C:                                      /* 同 */
        return c2 == 0x671F || c2 == 0x65E5;          /* 期, 日 */
    case 0x76EE:                                      /* 目 */
        return c2 == 0x524D;                          /* 前 */
    case 0x622A:                                      /* 截 */
        return c2 == 0x81F3 /* 至 */ || c2 == 0x6B62; /* 止 */
    case 0x4E24:                                      /* 两 */
    case 0x5169:                                      /* 兩 */
        return c2 == 0x5E74;                          /* 年 */
    case 0x65E5:                                      /* 日 */
        return c2 == 0x76D8 || c2 == 0x76E4;          /* 盘, 盤 */
    case 0x6700:                                      /* 最 */
        return c2 == 0x65B0;                          /* 新 */
    case 0x4E2D:                                      /* 中 */
        return c2 == 0x671F;                          /* 期 */
    case 0x660E: /* 明: 明天, 明日, 明晨, 明早, 明晚 */
        return c2 == 0x5929 || c2 == 0x65E5 || c2 == 0x6668 || c2 == 0x65E9 || c2 == 0x665A;
    default:
        return TRUE;
    }
}

/* Words that are a time by themselves, tried in this order: a periodic report's own times,
 * now and today, a day of the week, weeks, months, a winter, the times relative to the
 * context, the year's, five-year plans. */
const char *time_word(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                      TimeRef *t)
{
    const char *e;
    const char *q;
    gunichar c = p < limit ? jb_utf8_get(p, limit, &q) : 0;
    guint may = c ? time_word_readers(c) : 0;
    if (!may || !time_word_second(c, q, limit))
        return NULL;
    if ((may & TW_REPORT) && (a->have_report || a->have_story_report) &&
        (e = report_time(p, limit, a, t)))
        return e;
    /* 期内 opening a clause (…。期內香港同店銷售按年升2.1%): the report's period, as 报告期内
     * (not 同期内, 短期内, 预期内: a word's end) */
    if (c == 0x671F /* 期 */ && (a->have_report || a->have_story_report) &&
        (p == s || ends_with_any(s, p, (const char *const[]){"，", "。", "；", "：", NULL})) &&
        (e = any_lit(p, limit, (const char *const[]){"期内", "期內", NULL}))) {
        t->p = a->have_report ? a->report : a->story_report;
        t->loose = TRUE; /* (the period in force said again: no story period of its own) */
        return e;
    }
    if ((may & TW_TODAY) && today_word(s, p, limit, a, t, &e))
        return e;
    if ((may & TW_WEEKDAY) && (e = weekday_ref(s, p, limit, a, t)))
        return e;
    if (((may & TW_WEEK) && week_word(s, p, limit, a, t, &e)) ||
        ((may & TW_MONTH) && month_word(s, p, limit, a, t, &e)))
        return e;
    if ((may & TW_SEASON) &&
        ((e = winter_word(p, limit, a, t)) || (e = season_word(p, limit, a, t))))
        return e; /* (before 去年 and 今年: 去年冬季 is a winter) */
    if ((may & TW_CONTEXT) && (e = context_word(s, p, limit, t)))
        return e;
    if ((may & TW_YEAR) && year_word(s, p, limit, a, t, &e))
        return e;
    if ((may & TW_FISCAL) && (e = fiscal_word(p, limit, a, t)))
        return e;
    if (may & TW_INTERIM)
        return interim_word(p, limit, a, t);
    return (may & TW_PLAN) ? plan_period(p, limit, a, t) : NULL;
}
