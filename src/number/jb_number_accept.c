/* jb_number_accept.c — what counts as a quantity once an expression is read: the scanner's
 * judgement (a rank, the article 一, a market quote, a span of years that is no figure …),
 * what jb_number_parse accepts, the reasons said in words, and the expression handed out as
 * a JbQuantity. See jb_number_priv.h.
 *
 * Not for: reading the expression (jb_number.c, jb_number_member.c).
 */
#include "jb_number_priv.h"

const char *jb_number_reason_text(Reason r)
{
    switch (r) {
    case WHY_NONE:
        return "no number in it";
    case WHY_DATE:
        return "a date, a year or a label (年 月 日 号), not a quantity";
    case WHY_TIME:
        return "a time of day or a ratio, not a quantity";
    case WHY_DURATION:
        return "a duration (小时 天 个月 …), not a quantity";
    case WHY_CLASS:
        return "a class, grade or edition (级 代 届 期), not a quantity";
    case WHY_ORDINAL:
        return "an ordinal (第…), not a quantity";
    case WHY_MODEL:
        return "a model or product name (a digit glued to a Latin letter), not a quantity";
    case WHY_ID:
        return "an id, phone or version number (leading zero or dotted), not a quantity";
    case WHY_DIGITS:
        return "too many digits (at most 18) or too large";
    case WHY_SCORE:
        return "a score or id (a dash between bare numbers), not a range";
    case WHY_WORD:
        return "a number inside a word or name (十五五 三元锂 四位一体), not a quantity";
    case WHY_BARE:
        return "a bare number with no unit, magnitude or hedge";
    case WHY_LIST:
        return "a list of several values, not one quantity";
    case WHY_EXTRA:
        return "unexpected text around the number";
    case WHY_OK:
    default:
        return "ok";
    }
}

static gboolean ideograph_at(const Ctx *c, gsize i);

/* Is the character ending at i one of `chars`? */
static gboolean char_before_in(const Ctx *c, gsize i, const char *chars)
{
    return prev_char_in(c, i, chars);
}

static gboolean word_at_any(const Ctx *c, gsize i, const char *const *words)
{
    /* (a word's first byte asked before its length: most differ there) */
    char b = i < c->len ? c->t[i] : '\0';
    for (; *words; words++)
        if ((!(*words)[0] || (*words)[0] == b) && at_lit(c, i, *words, strlen(*words)))
            return TRUE;
    return FALSE;
}

static gboolean word_before_any(const Ctx *c, gsize i, const char *const *words)
{
    for (; *words; words++)
        if (before_lit(c, i, 0, *words, strlen(*words)))
            return TRUE;
    return FALSE;
}

/* A span of time is a statement (为期1个月, 判监13年, 现年61岁, 首7个月的免租期) unless it is
 * a streak (连续9年, 連跌21個月), a record span (15年来最高, 3年高位, 近12年来), a window
 * (未来3个月, 过去5年, 前7天内, 七日年化, 24小时热门), a tenor (7天期, 10年期) or the name of a plan (三年行动). */
static gboolean duration_counts(const Ctx *c, const Expr *e)
{
    static const char *const AFTER[] = {
        "来", "來", "以来", "以來", "内", "內", "之内", "之內", "间", "間", "期", "后", "後", "前",
        "低", "高", "新高", "新低", "首", "最", "之久", "里", "裡", "中", "行动", "行動", "规划",
        "規劃", "计划", "計劃", "攻坚", "攻堅", "目标", "目標", "周年", "週年", "多来", "多來",
        "上下", "一遇", "报", "報" /* 半年报, 年报: a report's name */, "度报告", "度報告",
        /* the window of a measure (24小时降温达16.3℃, 1小时雨量, 72小时降水) */
        "降温", "降溫", "升温", "升溫", "降雨", "降水", "雨量", "降雪",
        /* the tenor naming a rate (三個月拆息, 6个月定期存款利率, 3个月Shibor) */
        "拆息", "利率", "息率", "定存", "定期", "同业拆", "同業拆", "Shibor", "SHIBOR", "Hibor",
        "HIBOR",
        /* the reach of a travel-time circle (1小时通勤, 2小时通达, 15分钟生活圈) */
        "通勤", "通达", "通達", "覆盖", "覆蓋", "圈", "生活圈", "交通圈", "经济圈", "經濟圈",
        /* the window of a yield (七日年化收益率, 7日年化) */
        "年化",
        /* a stay or a tour naming its package (四晚行程, 5天套餐, 三日團) */
        "行程", "套餐", "套票", "自由行", "团", "團",
        /* an age naming a kind of car or home (三年车龄、五万公里以内的车, 10年房龄的小区) */
        "车龄", "車齡", "房龄", "房齡", "楼龄", "樓齡",
        /* the window of a chart of what is read most (24小时热门, 7日热榜, 一周排行) */
        "热门", "熱門", "热榜", "熱榜", "排行", NULL};
    static const char *const BEFORE[] = {
        "未来", "未來", "过去", "過去", "今后", "今後", "最近", "此后", "此後",
        "之后", "之後", "以后", "以後", "每",   "这",   "這",   "那",   "头",
        "頭",   "近",   "前",   "历时", "对上", "對上", NULL}; /* (對上三個月: the months before) */
    if (word_at_any(c, e->end, AFTER))
        return FALSE;
    if (before_lit(c, e->start, 0, "首", strlen("首")) &&
        word_at_any(c, e->end, (const char *const[]){"累", "合计", "合計", "，", ",", NULL}))
        return FALSE; /* 首11個月累計逾2,284億, 首九個月合計: the year's first months, a period */
    if (word_before_any(c, e->start, (const char *const[]){"較首", "较首", "比首", NULL}))
        return FALSE; /* 跌幅較首九個月收窄: the months compared with, a period */
    if (e->qual_len &&
        (AT(c, e->qual_at, "近") || AT(c, e->qual_at, "将近") || AT(c, e->qual_at, "接近")))
        return FALSE; /* 近10年: lately, not a span stated */
    if (word_before_any(c, e->start, BEFORE))
        return FALSE;
    /* 连续9年, 連跌21個月: 连 or 連 among the two characters before */
    gsize s = e->start;
    return !(char_before_in(c, s, "连連") || (s >= 3 && char_before_in(c, s - 3, "连連")));
}

/* An index or ratio with its short name in brackets before 为 (景气指数（CIER）为1.62,
 * 採購經理指數（PMI）為50.2): the bracket skipped, the name before it says the level. */
static gboolean named_in_brackets(const Ctx *c, gsize s)
{
    static const char *const NAME[] = {"指数", "指數", "系数", "係數",
                                       "比值", "比价", "比價", NULL};
    if (!(before_lit(c, s, 0, "）为", strlen("）为")) ||
          before_lit(c, s, 0, "）為", strlen("）為"))))
        return FALSE;
    gsize close = s - strlen("）为");
    for (gsize k = close; k >= 3 && close - k <= 48; k--)
        if (before_lit(c, k, 0, "（", strlen("（")))
            return word_before_any(c, k - strlen("（"), NAME);
    return FALSE;
}

/* A bare decimal a level is compared with, its time before it (较二季度的1.75有所回落, 比上月的
 * 49.8上升): 较 or 比 and 的 before it, a verb of change after it. */
static gboolean level_compared(const Ctx *c, const Expr *e)
{
    static const char *const CHANGE[] = {"有所", "回落", "上升", "下降", "提高", "回升", "下滑",
                                         "增加", "减少", "減少", "扩大", "擴大", "收窄", NULL};
    if (!before_lit(c, e->start, 0, "的", strlen("的")) || !word_at_any(c, e->end, CHANGE))
        return FALSE;
    for (gsize k = e->start - strlen("的"); k >= 3 && e->start - k <= 24; k--)
        if (before_lit(c, k, 0, "较", strlen("较")) || before_lit(c, k, 0, "較", strlen("較")) ||
            before_lit(c, k, 0, "比", strlen("比")))
            return TRUE;
        else if (before_lit(c, k, 0, "，", strlen("，")))
            return FALSE;
    return FALSE;
}

/* A bare number that is an index's reading, named a few characters before it (制造业PMI为49.5,
 * 商务活动指数升至50.8, 录得48.2，前值47.9, 利用系数由0.57提高到0.59以上, 初值为56.4): an
 * index or a coefficient is written without a unit. The words between are a verb of level or
 * change only (no comma, no other figure): 指数成分股有30只 is no reading. */
static gboolean index_reading(const Ctx *c, const Expr *e)
{
    /* (收入比: 城乡居民收入比缩小至1.62, a ratio of two incomes) */
    static const char *const NOUN[] = {"指数",   "指數", "PMI",  "系数",   "係數",
                                       "初值",   "终值", "終值", "前值",   "预期值",
                                       "預期值", "读数", "讀數", "收入比", NULL};
    static const char *const VERB[] = {"为", "為", "至",   "到",   "达", "達", "录得", "錄得", "报",
                                       "報", "是", "达到", "達到", "由", "从", "從",   NULL};
    gsize s = e->start;
    if (word_before_any(c, s, NOUN))
        return TRUE; /* 前值47.9 */
    const char *const *v = VERB;
    while (*v && !before_lit(c, s, 0, *v, strlen(*v)))
        v++;
    if (!*v)
        return FALSE;
    /* back from the verb over at most 4 characters of a change (升, 提高, 上升, 回落) to the noun */
    gsize i = s - strlen(*v);
    for (int k = 0; k <= 4 && i > 0; k++) {
        if (word_before_any(c, i, NOUN))
            return TRUE;
        if (g_ascii_isdigit(c->t[i - 1])) { /* 系数由0.57提高到0.59: over the level it left */
            gsize j = i;
            while (j > 0 && (g_ascii_isdigit(c->t[j - 1]) || c->t[j - 1] == '.'))
                j--;
            if (!word_before_any(c, j, (const char *const[]){"由", "从", "從", NULL}))
                return FALSE;
            i = j - strlen("由");
            continue;
        }
        if ((guchar)c->t[i - 1] < 0x80)
            return FALSE; /* (ASCII: a comma or a name in between) */
        gsize n = i - 1;
        while (n > 0 && ((guchar)c->t[n] & 0xC0) == 0x80)
            n--;
        if (n + 3 != i || !ideograph_at(c, n) || AT(c, n, "，") || AT(c, n, "的"))
            return FALSE;
        i = n;
    }
    return FALSE;
}

/* A bare number that is a market quote or level: 报101.732 (a close), 指数为156.65, 跌穿142关口,
 * 处于100以下, 日内最高触及7.0418 (an extreme); or a ratio (库存系数为1.42). Quotes, levels and ratios are written without a unit. */
static gboolean quote_context(const Ctx *c, const Expr *e)
{
    static const char *const QUOTE[] = {
        "报", "報", "收报", "收報", "报收", "報收", "收于", "收於", "收在", "指数为", "指數為",
        "指数是", "指數是", "指数报", "指數報", "汇价为", "匯價為",
        /* a ratio stated bare: 库存系数为1.42 */
        "系数为", "係數為", "系数是", "係數是", "比值为", "比值為", "倍数为", "倍數為",
        /* 城乡居民收入比为1.98, 猪粮比价为4.92:1 */
        "比为", "比為", "比价为", "比價為",
        /* a rate quoted bare: 中间价为7.0812, 容积率不超过2.8 (its bound read as a hedge) */
        "中间价为", "中間價為", "中间价报", "中間價報", "汇率为", "匯率為", "率为", "率為",
        /* the level a change reached: 美元指数上涨1.9%至101.4 */
        "%至", "％至",
        /* an intraday extreme: 日内最高触及7.0418, 盘中一度触及99.5 */
        "触及", "觸及", NULL};
    static const char *const CROSS[] = {"跌穿", "升穿", "跌破", "升破", "突破", "失守", "站上",
                                        "重上", "守住", "处于", "處於", "企稳", "企穩", NULL};
    static const char *const LEVEL[] = {"关口", "關口", "水平", "大关", "大關", "点位",
                                        "點位", "以下", "以上", "附近", NULL};
    const Member *m = &e->m;
    if (!m->arabic || e->has_unit || e->m.infix_len || e->is_range)
        return FALSE;
    gsize s = e->start;
    if ((word_before_any(c, s, QUOTE) || named_in_brackets(c, s) || index_reading(c, e)) &&
        !AT(c, e->end, "年") && !AT(c, e->end, "月") && !AT(c, e->end, ":") && !AT(c, e->end, "："))
        return TRUE; /* (not the first term of a ratio: 拉动比为1：7.5) */
    if (!m->is_int && level_compared(c, e))
        return TRUE;
    if (e->qual_len && word_before_any(c, MIN(e->qual_at, s), (const char *const[]){"率", NULL}))
        return TRUE; /* 容积率不超过2.8: a ratio's bound */
    gboolean crossed = word_before_any(c, s, CROSS);
    for (const char *const *w = CROSS; *w && !crossed && e->qual_len; w++)
        crossed = e->qual_len == strlen(*w) && memcmp(c->t + e->qual_at, *w, e->qual_len) == 0;
    return crossed && (word_at_any(c, e->m.end, LEVEL) || word_at_any(c, e->end, LEVEL));
}

/* A bare number that is the change of a bare level stated just before it in its sentence
 * (美元指数报99.21，较前一日下跌0.35; 城乡居民收入比为2.11，比上年同期缩小0.04): the level's
 * own measure, no unit to write either. */
static gboolean change_of_quote(const Ctx *c, const Expr *e)
{
    static const char *const CHANGE[] = {"下跌", "上涨", "下降", "上升", "缩小", "縮小",
                                         "扩大", "擴大", "回落", "回升", "增加", "减少",
                                         "減少", "下滑", "提高", "降低", "上漲", NULL};
    const Member *m = &e->m;
    if (!m->arabic || e->has_unit || e->m.infix_len || e->is_range)
        return FALSE;
    gsize verb = e->start;
    if (before_lit(c, verb, 0, "了", strlen("了")))
        verb -= strlen("了");
    const char *const *w = CHANGE;
    while (*w && !before_lit(c, verb, 0, *w, strlen(*w)))
        w++;
    if (!*w)
        return FALSE;
    /* back over the sentence, 80 bytes at most, for a bare level: 报99.21, 比为2.11 */
    for (gsize i = verb - strlen(*w), k = 0; i > 0 && k < 80; i--, k++) {
        if (before_lit(c, i, 0, "。", 3) || before_lit(c, i, 0, "；", 3))
            return FALSE;
        if (!g_ascii_isdigit(c->t[i]) || g_ascii_isdigit(c->t[i - 1]))
            continue;
        static const char *const LEVEL[] = {"报", "報", "为", "為", NULL};
        if (word_before_any(c, i, LEVEL)) {
            gsize j = i;
            while (j < c->len && (g_ascii_isdigit(c->t[j]) || c->t[j] == '.'))
                j++;
            return j < c->len && (c->t[j] == ',' || AT(c, j, "，")); /* (bare: no unit after) */
        }
    }
    return FALSE;
}

/* A CJK ideograph (U+4E00..U+9FFF) starts at i */
static gboolean ideograph_at(const Ctx *c, gsize i)
{
    if (i >= c->len || (guchar)c->t[i] < 0xE4 || (guchar)c->t[i] > 0xE9)
        return FALSE;
    gsize n;
    gunichar cp = cp_at(c, i, &n);
    return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* Places in a ranking with no 第 (分列二、三位, 排名倒数两位, 并列三名): ranks, no count of
 * people. A list of places (二、三位) is read back to the word before its first. */
static gboolean rank_places(const Ctx *c, const Expr *e)
{
    static const char *const RANK[] = {"分列", "位列", "名列", "并列", "並列",
                                       "分居", "倒数", "倒數", NULL};
    if (!e->has_unit || !(UNIT_IS(e, "位") || UNIT_IS(e, "名")))
        return FALSE;
    gsize i = e->start;
    for (int k = 0; k < 4; k++) {
        if (word_before_any(c, i, RANK))
            return TRUE;
        if (!before_lit(c, i, 0, "、", strlen("、")) || i < 6 ||
            !prev_char_in(c, i - 3, "一二三四五六七八九十两兩"))
            return FALSE;
        i -= 6; /* (back over 、 and the place before it) */
    }
    return FALSE;
}

/* The result letter of a record at i (胜 平 负, 勝 負): its length, else 0. */
static gsize record_letter(const Ctx *c, gsize i)
{
    static const char *const R[] = {"胜", "勝", "平", "负", "負", NULL};
    for (const char *const *w = R; *w; w++)
        if (at_lit(c, i, *w, strlen(*w)))
            return strlen(*w);
    return 0;
}

/* Is the bare integer at [s, e) a count of a win-draw-loss record (21胜5平4负, 8胜3负): digits
 * and a result letter each, two or three in a row, wins first and losses last? No unit is
 * written; each count is a figure. */
static gboolean record_count(const Ctx *c, gsize s, gsize e)
{
    if (!record_letter(c, e))
        return FALSE;
    gsize i = s; /* back to the record's first count */
    while (i > 0 && record_letter(c, i - 3) == 3 && is_digit_at(c, i - 4)) {
        gsize j = i - 3;
        while (j > 0 && is_digit_at(c, j - 1))
            j--;
        i = j;
    }
    if (i > 0 && is_digit_at(c, i - 1))
        return FALSE;
    guint n = 0;
    gboolean wins = FALSE, losses = FALSE;
    while (is_digit_at(c, i)) {
        while (is_digit_at(c, i))
            i++;
        gsize l = record_letter(c, i);
        if (!l)
            return FALSE;
        wins = wins || (n == 0 && (AT(c, i, "胜") || AT(c, i, "勝")));
        losses = AT(c, i, "负") || AT(c, i, "負");
        i += l;
        n++;
    }
    return n >= 2 && n <= 3 && wins && losses;
}

/* A ship's size before its noun, a class like 22万吨级 (8艘17.4万立方米LNG运输船, 30万吨油轮,
 * 2.4万TEU集装箱船): a capacity, Latin letters of the kind allowed between, then the ship. */
static gboolean ship_size(const Ctx *c, const Expr *e)
{
    static const char *const SHIP[] = {"运输船", "運輸船", "集装箱船", "集裝箱船", "船",
                                       "油轮",   "油輪",   "货轮",     "貨輪",     NULL};
    if (!e->has_unit)
        return FALSE;
    /* (literals: their lengths known, where a list's would be counted at every figure) */
    if (!UNIT_IS(e, "立方米") && !UNIT_IS(e, "吨") && !UNIT_IS(e, "噸") && !UNIT_IS(e, "载重吨") &&
        !UNIT_IS(e, "載重噸") && !UNIT_IS(e, "TEU") && !UNIT_IS(e, "标箱") && !UNIT_IS(e, "標箱"))
        return FALSE;
    gsize q = e->end;
    while (q < c->len && q - e->end < 8 && g_ascii_isupper(c->t[q]))
        q++;
    return word_at_any(c, q, SHIP);
}

/* A voltage before the equipment it classes (186条10千伏线路停运, 220千伏变电站, 500kV输电线路):
 * a grade of lines or stations, no figure (电压等级为500千伏。 is one). */
static gboolean voltage_class(const Ctx *c, const Expr *e)
{
    static const char *const KIT[] = {"线路",   "線路",   "变电站", "變電站", "输电",   "輸電",
                                      "输变电", "輸變電", "电网",   "電網",   "主变",   "主變",
                                      "开关站", "開關站", "交流",   "直流",   "特高压", "特高壓",
                                      "电缆",   "電纜",   NULL};
    if (!e->has_unit)
        return FALSE;
    gboolean volt = UNIT_IS(e, "千伏") || UNIT_IS(e, "kV") || UNIT_IS(e, "KV");
    if (!volt || before_lit(c, e->start, c->lo, "±", strlen("±")) || AT(c, e->start, "±"))
        return FALSE; /* (±800千伏 is read, and turned down as a class by condition_before) */
    gsize q = e->end;
    while (q < c->len && c->t[q] == ' ')
        q++;
    return word_at_any(c, q, KIT);
}

/* A round magnitude with no digit and no hedge that opens the name of a programme
 * (千亿斤粮食产能提升工程/行动, 百亿斤油料增产工程): the name's, no figure (a plan's or a fund's
 * size, 万亿元投资计划, 千亿元专项资金, stays one). The name's noun is looked
 * for up to 16 characters on, before any punctuation. */
static gboolean programme_name(const Ctx *c, const Expr *e)
{
    static const char *const NOUN[] = {"工程", "行动", "行動", "战略", "戰略", NULL};
    const Member *m = &e->m;
    if (!m->chinese || !m->bare_start || m->digit_char || e->hedged || !ideograph_at(c, e->end))
        return FALSE;
    for (gsize q = e->end, k = 0; k < 16 && q + 3 <= c->len && ideograph_at(c, q); k++, q += 3)
        if (word_at_any(c, q, NOUN))
            return TRUE;
    return FALSE;
}

/* A quoted term's band defined in brackets right after it (“破三”（3小时以内）, “小微”（50人以下）),
 * or a place on a course or road (在30公里后掉速, 5公里处): no figure. */
static gboolean band_or_place(const Ctx *c, const Expr *e)
{
    if (before_lit(c, e->start, c->lo, "”（", strlen("”（"))) {
        gsize q = e->end;
        for (int k = 0; k < 4 && q < c->len; k++, q += (gsize)g_utf8_skip[(guchar)c->t[q]])
            if (AT(c, q, "）"))
                return TRUE;
    }
    return e->has_unit && !e->is_range &&
           (UNIT_IS(e, "公里") || UNIT_IS(e, "千米") || UNIT_IS(e, "米") || UNIT_IS(e, "km")) &&
           (AT(c, e->end, "后") || AT(c, e->end, "後") || AT(c, e->end, "处") ||
            AT(c, e->end, "處"));
}

/* A session numbered within its term (十六届人大五次会议, 十四届全国人大三次会议): an ordinal, no
 * count of meetings (2025年召开2次会议 is one). 届 within eight characters before it. */
static gboolean session_of_term(const Ctx *c, const Expr *e)
{
    if (!e->has_unit || !UNIT_IS(e, "次") ||
        !word_at_any(
            c, e->end,
            (const char *const[]){"会议", "會議", "全会", "全會", "全体会议", "全體會議", NULL}))
        return FALSE;
    for (gsize k = 1; k <= 8 && e->start >= c->lo + 3 * k; k++)
        if (AT(c, e->start - 3 * k, "届") || AT(c, e->start - 3 * k, "屆"))
            return TRUE;
    return FALSE;
}

/* Is the figure at s denied right before it (不是下降41%, 而非5%, a rounding note's 合计可能不等于
 * 100%): 不是, 而非 or 不等于, maybe with a verb of change between? */
static gboolean denied(const Ctx *c, gsize s)
{
    static const char *const NOT[] = {"不是", "而非", "並非", "并非", "不等于", "不等於", NULL};
    static const char *const CHANGE[] = {"下降", "增长", "增長", "上升", "减少", "減少",
                                         "增加", "下跌", "上涨", "上漲", NULL};
    if (!prev_char_in(c, s, "是非于於降长長升少加跌涨漲")) /* (the words' last characters: asked of
                                                       * every figure, the lists only after one) */
        return FALSE;
    if (word_before_any(c, s, NOT))
        return TRUE;
    for (const char *const *w = CHANGE; *w; w++)
        if (before_lit(c, s, 0, *w, strlen(*w)))
            return word_before_any(c, s - strlen(*w), NOT);
    return FALSE;
}

/* Do one or two digits at s open the text (or a line) with a space and a Chinese character
 * after them (1 本年度报告摘要…, 12 公司…): a numbered item's number, as a PDF's text sets it? */
static gboolean list_item_number(const Ctx *c, gsize s)
{
    gsize d = s;
    while (d < c->len && g_ascii_isdigit(c->t[d]))
        d++;
    return (s == 0 || c->t[s - 1] == '\n') && d - s <= 2 && d + 1 < c->len && c->t[d] == ' ' &&
           ideograph_at(c, d + 1);
}

gboolean jb_number_scan_accepts(const Ctx *c, const Expr *e)
{
    if (quote_context(c, e) || change_of_quote(c, e))
        return TRUE;
    const Member *m = &e->m;
    if (e->has_unit && e->ukind == U_DURATION && !duration_counts(c, e))
        return FALSE;
    if (before_lit(c, e->start, 0, "每", strlen("每")))
        return FALSE; /* 每10股派16.2元, 每1000人: the base of a rate, not a figure */
    /* a size that names a kind (12英寸新厂, 7纳米工艺, 折合8英寸）, 32英寸、43英寸和55英寸面板):
     * a wafer, a process node, a panel, no measurement (屏幕为6.7英寸 is one) */
    if (e->has_unit && (UNIT_IS(e, "英寸") || UNIT_IS(e, "纳米") || UNIT_IS(e, "納米")) &&
        m->is_int && !e->qual_len &&
        ((ideograph_at(c, e->end) && !AT(c, e->end, "的")) || AT(c, e->end, "）") ||
         (AT(c, e->end, "、") && e->end + 3 < c->len && g_ascii_isdigit(c->t[e->end + 3]))))
        return FALSE;
    if (e->has_unit &&
        (UNIT_IS(e, "名") || UNIT_IS(e, "位") || UNIT_IS(e, "强") || UNIT_IS(e, "強") ||
         UNIT_IS(e, "席")) &&
        before_lit(c, e->start, 0, "前", strlen("前")))
        return FALSE; /* 前20名: a rank (占前十七席: of the top ten, seven) */
    if (rank_places(c, e))
        return FALSE;
    if (e->has_unit &&
        (UNIT_IS(e, "轮") || UNIT_IS(e, "輪") || UNIT_IS(e, "场") || UNIT_IS(e, "場")) &&
        word_at_any(c, e->end,
                    (const char *const[]){"不败", "不敗", "不胜", "不勝", "连胜", "連勝", "连败",
                                          "連敗", "未胜", "未勝", NULL}))
        return FALSE; /* 11轮不败, 5场连胜: a streak (the corpus's 連跌21個月) */
    if (e->has_unit &&
        (UNIT_IS(e, "批") || UNIT_IS(e, "家") || UNIT_IS(e, "期") || UNIT_IS(e, "轮") ||
         UNIT_IS(e, "輪") || UNIT_IS(e, "届") || UNIT_IS(e, "屆")) &&
        before_lit(c, e->start, 0, "前", strlen("前")) && ideograph_at(c, e->end))
        return FALSE; /* 前四批集采累计…, 前五家企业集团合计…: the group the figure is of */
    if (m->chinese && !m->fixed_unit) {
        if (m->lone && !e->is_range) {
            /* 一 is the article (一个 一项 一家), 零 a word (零件 零售) */
            if (m->value.mant == 0)
                return FALSE;
            if (m->value.mant == 1 &&
                !(e->ukind == U_TENTH || UNIT_IS(e, "倍") || UNIT_IS(e, "百分点")))
                return FALSE;
        }
        /* 千家万户 百家争鸣 百度 万一: a magnitude without a digit is a word unless hedged */
        if (m->bare_start && !e->hedged && !(m->mag_chars >= 2 && e->has_unit))
            return FALSE;
        if (m->bare_start && !e->hedged &&
            (before_lit(c, e->start, c->lo, "（", strlen("（")) ||
             (e->start > c->lo && c->t[e->start - 1] == '(')) &&
            (AT(c, e->end, "）") || (e->end < c->len && c->t[e->end] == ')')))
            return FALSE; /* （百萬港元）, (亿元): a table's unit, no figure */
    }
    if (m->chinese && m->bare_start && !m->digit_char && e->qual_len && e->qual_at >= m->end &&
        ideograph_at(c, e->end) && !AT(c, e->end, "的"))
        return FALSE; /* 亿元以上重大项目, 千万元以下企业: a class of what follows */
    if (m->chinese && m->bare_start && !m->digit_char &&
        (AT(c, e->end, "级") || AT(c, e->end, "級") || AT(c, e->end, "量级") ||
         AT(c, e->end, "量級")))
        return FALSE; /* 千万元级别的事件, 亿元级项目: an order of size, no figure */
    if (e->has_unit && !UNIT_IS(e, "个") && !UNIT_IS(e, "個") &&
        (AT(c, e->end, "级") || AT(c, e->end, "級")))
        return FALSE; /* 22万吨级邮轮, 10万千瓦级机组, 300米级: a size class (3个级别 a count) */
    if (UNIT_IS(e, "人") && AT(c, e->end, "座") && !AT(c, e->end, "座谈") && !AT(c, e->end, "座談"))
        return FALSE; /* 7人座休旅车: a vehicle's seating, a kind (not 3人座谈) */
    if (ship_size(c, e) || programme_name(c, e) || band_or_place(c, e) || session_of_term(c, e) ||
        voltage_class(c, e))
        return FALSE;
    if (e->has_unit && g_ascii_isalpha(e->unit[0]) &&
        ((e->end + 1 < c->len && c->t[e->end] == '+' && g_ascii_isdigit(c->t[e->end + 1])) ||
         (e->start >= 2 && c->t[e->start - 1] == '+' && g_ascii_isalpha(c->t[e->start - 2]))))
        return FALSE; /* 12GB+256GB, 16GB+1TB: a product's configuration, a name */
    if (m->arabic && e->start >= 2 && e->start - 2 >= c->lo && c->t[e->start - 1] == '-' &&
        g_ascii_isupper(c->t[e->start - 2]) &&
        (e->end >= c->len || c->t[e->end] == '/' || c->t[e->end] == '-' ||
         g_ascii_isalnum(c->t[e->end])))
        return FALSE; /* KFR-35GW/Y3, QN-55Q80: digits inside a model's code */
    if (denied(c, e->start))
        return FALSE; /* 是下降4.1%，不是下降41%: a figure said not to hold */
    if (m->arabic && m->is_int && !e->qual_len && list_item_number(c, e->start))
        return FALSE; /* 1 本年度报告摘要来自…, 3 公司全体董事出席: an item's number, spaced */
    if (e->has_unit && e->end + 3 <= c->len && prev_char_in(c, e->end + 3, "环環条條工") &&
        word_at_any(c, e->end,
                    (const char *const[]){"环境下", "環境下", "条件下", "條件下", "工况下",
                                          "工況下", NULL}))
        return FALSE; /* 在零下7℃环境下: a test's condition, what a figure is measured under */
    if (e->has_unit)
        return TRUE;
    if (m->arabic && m->is_int && record_count(c, e->start, e->end))
        return TRUE; /* 21胜5平4负: the counts of a record */
    if (m->arabic && e->big_mag)
        return TRUE; /* 4000亿, 超14万 */
    if (m->chinese && e->big_mag && (m->digit_char || e->hedged))
        return TRUE; /* 二百余万, 近千亿 */
    return FALSE;
}

Reason jb_number_parse_accepts(const Expr *e)
{
    if (e->has_unit || e->hedged || e->is_range || e->fraction || e->has_mag || e->m.chinese)
        return WHY_OK;
    return WHY_BARE;
}

static void copy_text(char *dst, gsize cap, const char *src, gsize n)
{
    n = MIN(n, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void jb_number_to_quantity(const Ctx *c, const Expr *e, JbQuantity *out)
{
    memset(out, 0, sizeof *out);
    JbDecimal v = e->value, h = e->is_range ? e->high : e->value;
    if (e->has_unit && e->ukind == U_TENTH) {
        v.exp10 += 1; /* 三成 = 30 % */
        h.exp10 += 1;
    }
    /* whole numbers normalised; a fraction keeps the zeros it was written with (3.0% is
     * {30, -1}: metrics.csv says 3.0, and a chart's label 3.0%) */
    out->value = v.exp10 < 0 ? v : jb_decimal_normalize(v);
    out->high = h.exp10 < 0 ? h : jb_decimal_normalize(h);
    out->is_range = e->is_range;
    gboolean percent = e->ukind == U_TENTH;
    if (e->has_unit)
        copy_text(out->unit, sizeof out->unit, percent ? "%" : e->unit, percent ? 1 : e->unit_len);
    copy_text(out->qualifier, sizeof out->qualifier, c->t + e->qual_at, e->qual_len);
    out->bound = e->bound;
    if (e->rounded && e->qual_len == 0)
        out->bound = JB_BOUND_ABOUT; /* 1/3 → 33.33 % is not exact */
    out->start = e->start;
    out->end = e->end;
}
