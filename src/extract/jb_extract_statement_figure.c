/* jb_extract_statement_figure.c — is a quantity a figure at all? Counts in prose (三个方面),
 * lists of counts, short quotes and slogans, spans of years in a name, eras, class names
 * (二级医院), bounds of a noun (10万元以上的企业), conditions and ages, Latin specs (5G),
 * thresholds; and whether a figure is a decline (下降0.6%) or a list joined to one.
 *
 * Not for: putting the statement together (jb_extract_statement.c).
 */
#include "jb_extract_read_priv.h"
#include "jb_extract_statement_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* 一 counting one thing in prose (一个平台, 一所学校) is the article "a", not a figure. Other
 * small counts are kept as the corpus's conventions keep them (两个…工具, 4家央企, 三日訪問);
 * so are 一 hedged (一万余家), larger (一百家), a fraction of a whole (一成) and a multiple
 * (一倍). */
gboolean is_prose_count(const char *qs, const char *qe, const JbQuantity *q)
{
    static const char *const SMALL[] = {"一", NULL};
    static const char *const MORE = "十百千万亿点零〇一二两三四五六七八九";
    if (q->qualifier[0] || same_str(q->unit, "%") || same_str(q->unit, "倍") ||
        jb_unit_is_points(q->unit))
        return FALSE;
    for (const char *const *w = SMALL; *w; w++)
        if (starts(qs, qe, *w)) {
            const char *n = qs + strlen(*w);
            if (n >= qe)
                return FALSE;
            char next[8] = {0};
            memcpy(next, n, (size_t)(g_utf8_next_char(n) - n));
            return strstr(MORE, next) == NULL;
        }
    return FALSE;
}

/* A count in Chinese numerals right after a list of as many items (大模型和智能制造两个方向,
 * 北京、上海两地) counts the items named: no figure of theirs. [cs, qs) is its clause up to it. */
gboolean counts_list_before(const char *cs, const char *qs, const char *qe, const JbQuantity *q)
{
    static const char *const NUMERALS[] = {"两", "兩", "二", "三", "四", "五",
                                           "六", "七", "八", "九", "十", NULL};
    static const char *const JOINERS[] = {"、", "和", "与", "與", "及", NULL};
    gboolean numeral = FALSE;
    for (const char *const *w = NUMERALS; *w && !numeral; w++)
        numeral = starts(qs, qe, *w);
    JbDecimal v = jb_decimal_normalize(q->value);
    gint64 n = v.exp10 == 0 ? v.mant : v.exp10 == 1 ? v.mant * 10 : 0;
    if (!numeral || q->qualifier[0] || n < 2 || n > 10)
        return FALSE;
    /* the items: Chinese characters back to the clause's start, split at the joiners */
    long items = 1;
    const char *p = qs;
    while (p > cs) {
        const char *b = p - 1;
        while (b > cs && ((guchar)*b & 0xC0) == 0x80)
            b--;
        gunichar ch = g_utf8_get_char(b);
        if (ch < 0x3000 || ch == 0xFF0C /* ， */ || ch == 0xFF1A /* ： */)
            break;
        for (const char *const *w = JOINERS; *w; w++)
            if (starts(b, p, *w))
                items++;
        p = b;
    }
    return items == n;
}

/* A number inside a short quotation is a name or a slogan: “两个毫不动摇”, 「黃金50年」; one a
 * correction withdraws is none either, however long (withdrawn). */
gboolean in_short_quote(const char *s, const char *qs, const char *qe, const char *end)
{
    if (jb_extract_withdrawn(s, qs, qe, end))
        return TRUE;
    static const char *const OPEN[] = {"“", "「", "『"}, *const CLOSE[] = {"”", "」", "』"};
    enum { KINDS = G_N_ELEMENTS(OPEN) };
    /* one walk back over at most 16 characters for every kind of quote: a kind's opening
     * mark before its closing one */
    /* (the walk below reaches back to the first character starting 48 bytes or more before
     * qs: with no opening mark from there on, it opens no quote; most numbers have none. 。
     * 、 《 begin with E3 as 「 does: the marks themselves are looked for) */
    const char *lo = qs - s > 48 ? qs - 48 : s;
    while (lo > s && ((guchar)*lo & 0xC0) == 0x80)
        lo--;
    gboolean mark = qs > s && jb_find3(lo, qs, "“"); /* (「 『: E3 80 8C, E3 80 8E) */
    for (const char *q = lo; !mark && q + 3 <= qs && (q = memchr(q, 0xE3, (size_t)(qs - 2 - q)));
         q++)
        mark = (guchar)q[1] == 0x80 && ((guchar)q[2] == 0x8C || (guchar)q[2] == 0x8E);
    if (!mark)
        return FALSE;
    const char *open[KINDS] = {NULL};
    gboolean settled[KINDS] = {FALSE};
    for (const char *p = qs; p > s && qs - p < 3 * 16;) {
        p--;
        while (p > s && ((guchar)*p & 0xC0) == 0x80)
            p--;
        if ((guchar)*p != 0xE2 && (guchar)*p != 0xE3)
            continue; /* (every mark is E2 or E3 and two bytes more) */
        for (int k = 0; k < KINDS; k++) {
            if (settled[k])
                continue;
            if (starts(p, qs, CLOSE[k]))
                settled[k] = TRUE;
            else if (starts(p, qs, OPEN[k])) {
                open[k] = p;
                settled[k] = TRUE;
            }
        }
    }
    for (int k = 0; k < KINDS; k++) {
        if (!open[k])
            continue;
        const char *close = NULL;
        for (const char *p = qe; p < end && p - qe < 3 * 24; p = g_utf8_next_char(p))
            if (starts(p, end, CLOSE[k])) {
                close = p;
                break;
            }
        if (!close)
            continue;
        /* a correction: “…下降3.2%”应为“下降2.8%”, “同比增长18%”有误 — what it withdraws is
         * no statement, however long; what it puts right is one, however short */
        static const char *const WRONG[] = {"应为",   "應為",   "有误", "有誤",
                                            "更正为", "更正為", NULL};
        static const char *const RIGHT[] = {"应为", "應為", "更正为", "更正為",
                                            "改为", "改為", NULL};
        const char *after = close + strlen(CLOSE[k]);
        for (const char *const *w = WRONG; *w; w++)
            if (starts(after, end, *w))
                return TRUE;
        for (const char *const *w = RIGHT; *w; w++)
            if (ends(s, open[k], *w))
                return FALSE;
        glong n = g_utf8_strlen(open[k], close - open[k]);
        /* (a longer one that names a project: “年产500万套新能源热管理模块项目”) */
        static const char *const NAMES[] = {"项目", "項目", "工程", "基地", "园区", "園區",
                                            "计划", "計劃", "行动", "行動", NULL};
        gboolean named = FALSE;
        for (const char *const *w = NAMES; *w && !named && n <= 40; w++)
            named = ends(open[k], close, *w);
        if (n <= 16 || named)
            return TRUE;
    }
    return FALSE;
}

/* Is a span of years written in Chinese numerals run into the word after it, opening its
 * clause or as what is done (完成三年整改, 五年新增): part of a name or an adverbial time,
 * not a quantity? (项目工期为三年。, 再延长三十年试点 and 判监13年 are quantities.) */
gboolean span_of_years_in_name(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                               const char *end)
{
    if (!same_str(q->unit, "年") || g_ascii_isdigit(*qs) || qe >= end)
        return FALSE;
    /* at the clause's start (五年新增…) or as what is done (完成三年整改); after a verb that
     * measures it, a span (再延长三十年试点: thirty years more) */
    static const char *const DONE[] = {"完成", "开展", "開展", "实施", "實施", "启动",
                                       "啟動", "推进", "推進", "部署", NULL};
    gboolean named = trimmed(cs, qs).a == qs || ends_any(cs, qs, DONE);
    if (!named)
        return FALSE;
    gunichar ch = g_utf8_get_char(qe);
    if (ch < 0x4E00 || ch > 0x9FFF)
        return FALSE;
    static const char *const AFTER_SPAN[] = {"的", "来", "來", "内", "內", "间", "間",
                                             "后", "後", "前", "左", "半", "以", "多",
                                             "期", "度", "级", "級", NULL};
    for (const char *const *w = AFTER_SPAN; *w; w++)
        if (starts(qe, end, *w))
            return FALSE;
    return TRUE;
}

/* Years written in words that name an era, not a length measured (“十四五”是…发展的五年。
 * 下一个十年的主战场, 过去五年，…, 十年观察): no figure. */
gboolean era_of_years(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                      const char *end)
{
    if (!same_str(q->unit, "年") || g_ascii_isdigit(*qs) || q->qualifier[0])
        return FALSE;
    static const char *const WHICH[] = {"下一个", "下一個", "上一个", "上一個", "下个", "下個",
                                        "新的",   "未来",   "未來",   "过去",   "過去", NULL};
    if (ends_any(cs, qs, WHICH))
        return TRUE;
    static const char *const LOOK[] = {
        "观察", "觀察", "回顾", "回顧", "巨变", "巨變",
        "变迁", "變遷", "历程", "歷程", NULL}; /* 十年观察: a feature's name */
    for (const char *const *w = LOOK; *w; w++)
        if (starts(qe, end, *w))
            return TRUE;
    return ends(cs, qs, "的") && (qe >= end || starts(qe, end, "。") || starts(qe, end, "，") ||
                                  starts(qe, end, "；") || starts(qe, end, "！"));
}

/* Is the figure the time a plan takes (计划用三年时间，把…, 花两个月时间完成): how it will be done,
 * no figure of it? */
static gboolean time_spent(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                           const char *end)
{
    static const char *const SPANS[] = {"年", "个月", "個月", "周", "週", "天", NULL};
    /* (the verb before it first: a g_strv_contains at every figure cost more) */
    if (!(ends(cs, qs, "用") || ends(cs, qs, "花") || ends(cs, qs, "花费")) ||
        !g_strv_contains(SPANS, q->unit))
        return FALSE;
    return starts(qe, end, "时间") || starts(qe, end, "時間") || starts(qe, end, "左右时间") ||
           starts(qe, end, "左右時間") || starts(qe, end, "的时间") || starts(qe, end, "的時間");
}

/* Is the figure a loan's or a deposit's term in brackets after its rate (贷款利率（5年以上）, 存款利率
 * （1年期）): a tenor naming the rate, no figure? */
static gboolean tenor_in_brackets(const JbQuantity *q, const char *sent, const char *qs,
                                  const char *qe, const char *end)
{
    if (!same_str(q->unit, "年") && !same_str(q->unit, "年期"))
        return FALSE;
    const char *open = ends(sent, qs, "（")  ? qs - strlen("（")
                       : ends(sent, qs, "(") ? qs - 1
                                             : NULL;
    if (!open || !(starts(qe, end, "）") || (qe < end && *qe == ')')))
        return FALSE;
    static const char *const RATES[] = {"利率", "贷款", "貸款", "存款", "LPR", "收益率", NULL};
    for (const char *const *w = RATES; *w; w++)
        if (ends(sent, open, *w))
            return TRUE;
    return FALSE;
}

/* Is the figure ending at qe a bound that a noun right after it is qualified by (2000万元
 * 及以上的工业企业, 6000千瓦及以上电厂, 亿元以上重大项目, 3公里内的酒店)? A bound that ends its clause
 * (稳定在110万吨以上；) is a figure's. */
gboolean bound_modifies_noun(const JbQuantity *q, const char *qe, const char *end)
{
    const char *r = qe;
    gboolean bound = same_str(q->qualifier, "以上") || same_str(q->qualifier, "以下") ||
                     (same_str(q->qualifier, "以内") && starts(r, end, "的"));
    static const char *const WITHIN[] = {"以内的", "以內的", "之内的", "之內的",
                                         "内的",   "內的",   NULL};
    for (const char *const *w = WITHIN; *w && !bound; w++)
        if (starts(r, end, *w)) { /* 周边3公里内的酒店: a radius, the hotels it names */
            r += strlen(*w) - strlen("的");
            bound = TRUE;
        }
    if (!bound) {
        if (starts(r, end, "（含）") || starts(r, end, "(含)"))
            r += starts(r, end, "（含）") ? strlen("（含）")
                                          : strlen("(含)"); /* 2000万元（含）以上 */
        if (starts(r, end, "及") || starts(r, end, "或"))
            r += strlen("及");
        if (!starts(r, end, "以上") && !starts(r, end, "以下"))
            return FALSE;
        r += strlen("以上");
    }
    if (starts(r, end, "（含）") || starts(r, end, "(含)"))
        r += starts(r, end, "（含）") ? strlen("（含）")
                                      : strlen("(含)"); /* 2000万元以上（含）的 */
    if (starts(r, end, "的"))
        r += strlen("的");
    if (r >= end)
        return FALSE;
    gunichar ch = g_utf8_get_char(r);
    return ch >= 0x4E00 && ch <= 0x9FFF && !starts(r, end, "水平") && !starts(r, end, "规模") &&
           !starts(r, end, "增长") && !starts(r, end, "增速");
}

/* Is the figure the bounds of a tier its clause opens with (第一档年用气量0-350立方米（含）, 第三档600立方米
 * 以上, 一档电量…以下)? A range or a bound; the tier's price or rate is the figure. */
static gboolean tier_bound(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                           const char *end)
{
    gboolean bounds = q->is_range || same_str(q->qualifier, "以上") ||
                      same_str(q->qualifier, "以下") || same_str(q->qualifier, "以内") ||
                      starts(qe, end, "（含）") || starts(qe, end, "(含)");
    if (!bounds || qs - cs > 3 * 16)
        return FALSE;
    const char *p = cs;
    if (starts(p, end, "第"))
        p += strlen("第");
    int n = 0;
    while (p < qs && n < 2 &&
           (g_ascii_isdigit(*p) || starts(p, qs, "一") || starts(p, qs, "二") ||
            starts(p, qs, "三") || starts(p, qs, "四") || starts(p, qs, "五"))) {
        p = g_utf8_next_char(p);
        n++;
    }
    return n > 0 && (starts(p, qs, "档") || starts(p, qs, "檔") || starts(p, qs, "级") ||
                     starts(p, qs, "級") || starts(p, qs, "阶梯") || starts(p, qs, "階梯"));
}

/* Words before a figure that make it a condition of who or what is meant, not a figure
 * (年满60周岁, ±800千伏 a class of lines). (身高1.65米 is a robot's figure; 身高1.2米以下儿童
 * is a bound before a noun.) */
gboolean condition_before(const char *sent, const char *qs)
{
    static const char *const W[] = {"年满", "年滿", "不满", "不滿", "±", NULL};
    return ends_any(sent, qs, W);
}

/* An age that says who someone is: 72岁的退休职工, 18-45岁的用户, 李某（48岁）. (An age
 * that is the figure ends its clause: 平均年龄为32.4岁。) */
gboolean condition_age(const JbQuantity *q, const char *qs, const char *qe, const char *sent,
                       const char *end)
{
    if (!same_str(q->unit, "岁") && !same_str(q->unit, "歲") && !same_str(q->unit, "周岁") &&
        !same_str(q->unit, "週歲"))
        return FALSE;
    /* (an age band before the group it names: 16-24岁劳动力失业率, 60岁及以上人口) */
    static const char *const GROUP[] = {
        "的",   "以上", "以下", "及以上", "及以下", "人口",   "劳动力", "勞動力", "青年",
        "老人", "老年", "群体", "群體",   "人群",   "儿童",   "兒童",   "用户",   "用戶",
        "人士", "女性", "男性", "居民",   "职工",   "職工",   "学生",   "學生",   "少年",
        "就业", "就業", "失业", "失業",   "受访者", "受訪者", "消费者", "消費者", "患者",
        "员工", "員工", "网民", "網民",   NULL};
    /* (an age's bound before a noun: 3岁以下婴幼儿托位, 65岁以上长者; 有 before it is the clause's
     * verb, 每千人口拥有3岁以下婴幼儿托位4.1个, not a count of ages) */
    if ((same_str(q->qualifier, "以下") || same_str(q->qualifier, "以上")) && qe < end &&
        g_utf8_get_char(qe) >= 0x4E00 && g_utf8_get_char(qe) <= 0x9FFF && !starts(qe, end, "的"))
        return TRUE;
    /* (past the place it is of: 16-24岁城镇劳动力失业率) */
    static const char *const PLACE[] = {"城镇", "城鎮", "城市", "农村",
                                        "農村", "全国", "全國", NULL};
    /* (past the other bands of a list: 18至25岁、26至35岁受访者) */
    for (int k = 0; k < 4 && starts(qe, end, "、"); k++) {
        const char *p = qe + strlen("、");
        while (p < end && (g_ascii_isdigit(*p) || *p == '-' || starts(p, end, "至") ||
                           starts(p, end, "到") || starts(p, end, "—") || starts(p, end, "～")))
            p += g_ascii_isdigit(*p) || *p == '-' ? 1 : 3;
        if (p == qe + strlen("、") || !(starts(p, end, "岁") || starts(p, end, "歲")))
            break;
        qe = p + strlen("岁");
    }
    for (const char *const *w = PLACE; *w; w++)
        if (starts(qe, end, *w)) {
            qe += strlen(*w);
            break;
        }
    for (const char *const *w = GROUP; *w; w++)
        if (starts(qe, end, *w))
            return TRUE;
    return (ends(sent, qs, "（") || ends(sent, qs, "(")) &&
           (starts(qe, end, "）") || starts(qe, end, ")"));
}

/* Does a figure in Latin units stand before the noun it describes (5410mAh 电池, 90W 有线快充,
 * 65W快充)? It does when a Chinese character follows that neither ends nor continues a
 * clause with the figure as what is said (，、和 的 左右 以上 增长…; a bracket's note on the
 * figure, 3万PFLOPS（FP16）, 5GW（峰值）). */
gboolean latin_spec_before_noun(const char *qe, const char *end)
{
    const char *p = qe < end && *qe == ' ' ? qe + 1 : qe;
    if (p >= end || (guchar)*p < 0xE0)
        return FALSE;
    static const char *const GO_ON =
        "，。；：、？！（）」”和与與及或至到的左右以上下增提降同比较較为為是达達占佔";
    char one[5] = {0};
    memcpy(one, p, MIN((gsize)(end - p), (gsize)3));
    if (strstr(GO_ON, one) != NULL)
        return FALSE;
    /* a range's or a rank's words (在25—30GW之间, 以6.3GW位居第一, 以5GW排名第二) */
    static const char *const RANK[] = {"之间", "之間", "之内", "之內", "之多", "位居",
                                       "位列", "排名", "排在", "排第", "居首", "居第",
                                       "名列", "稳居", "穩居", "跃居", "躍居", NULL};
    for (const char *const *w = RANK; *w; w++)
        if (starts(p, end, *w))
            return FALSE;
    /* a verb of change whose 至 or 到 follows (32K tokens扩展至1M tokens, 2GW扩大到5GW) */
    for (const char *v = p + 3; v < end && v <= p + 6; v += 3)
        if (starts(v, end, "至") || starts(v, end, "到"))
            return FALSE;
    /* after a space, a part's short name (90W 有线快充, 5410mAh 电池), not a headline's next
     * clause (招标28.6GW 陆上机组均价跌破1500元/千瓦) */
    int n = 0;
    for (const char *x = p;
         p > qe && x < end && (guchar)*x >= 0xE0 && !clause_sep_at(x) && !sentence_end_at(x);
         x = g_utf8_next_char(x))
        if (++n > 5)
            return FALSE;
    return TRUE;
}

/* Is the noun at p, after a threshold's 的, counted right after it (…的品种有31个, …的企业达
 * 126家, …的城市共5个)? Within 12 characters, no clause mark between. */
static gboolean group_counted_after(const char *p, const char *end)
{
    static const char *const COUNTED[] = {"共有", "有", "达", "達", "为", "為", "共", NULL};
    for (int k = 0; k < 12 && p < end; k++, p = g_utf8_next_char(p)) {
        if (starts(p, end, "，") || starts(p, end, "。") || starts(p, end, "；") || *p == ',' ||
            g_ascii_isdigit(*p))
            return FALSE;
        for (const char *const *w = COUNTED; *w; w++)
            if (starts(p, end, *w) && k > 0) {
                const char *n = p + strlen(*w);
                return n < end &&
                       (g_ascii_isdigit(*n) || starts(n, end, "两") || starts(n, end, "兩") ||
                        starts(n, end, "三") || starts(n, end, "四") || starts(n, end, "五"));
            }
    }
    return FALSE;
}

/* Hedges that set a threshold (营收超过50亿元的企业), not an estimate (最高1000万元的资金). */
gboolean threshold_word(const char *qualifier)
{
    static const char *const W[] = {"超过", "超過", "超",   "逾",   "以上", "以下", "少于",
                                    "少於", "低于", "低於", "高于", "高於", "不足", "不到",
                                    "多于", "多於", "大于", "大於", "小于", "小於", "过",
                                    "過",   "破",   "突破", NULL};
    for (const char *const *w = W; *qualifier && *w; w++) /* (most figures have none) */
        if (same_str(qualifier, *w))
            return TRUE;
    return FALSE;
}


/* A digit in [a, b) other than a year's (约占公司2024年度营业收入的21.35%: the hedge is still
 * the figure's; 约120人，占比30%: it is not) */
static gboolean not_a_year(const char *a, const char *p, const char *q, const char *b)
{
    (void)a;
    return !(q - p == 4 && starts(q, b, "年"));
}

gboolean has_figure_digit(const char *a, const char *b)
{
    return jb_any_digit_run(a, b, not_a_year);
}

/* ---- declines ------------------------------------------------------------------------------ */

/* The filter of the decline verbs (templates/words.tsv's decline list; its values are the
 * rises they mirror), built once (jb_lits.h). */
static const JbLitFilter *declines_filter(void)
{
    static JbLitFilter f;
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        jb_lit_filter_build(&f, jb_words_decline);
        g_once_init_leave(&done, 1);
    }
    return &f;
}

/* Does a decline verb stand right before the number at qs (下降2.3%, 下降了2.3%, 跌0.26%; not
 * 下降至5%, a level)? Then a change is written signed under the rise it mirrors: the metric
 * in `metric` (the phrase as found) has its last decline verb turned into the rise. */
gboolean decline_before(const char *cs, const char *qs, GString *metric)
{
    const char *end = qs;
    while (end > cs && end[-1] == ' ')
        end--; /* (同比下降 3.5%: spaced apart, as some sites write digits) */
    if (ends(cs, end, "了"))
        end -= strlen("了");
    if (!jb_lit_filter_may_end(declines_filter(), cs, end))
        return FALSE; /* (most numbers: no decline verb before them) */
    for (gsize i = 0; jb_words_decline[i]; i++) {
        const char *down = jb_words_decline[i], *up = jb_words_decline_value[i];
        if (!ends(cs, end, down))
            continue;
        if (ends(cs, end, "至少") || ends(cs, end, "不少") || ends(cs, end, "多少"))
            return FALSE; /* (至少: a hedge, and 少 no verb) */
        char *at = g_strrstr(metric->str, down);
        if (at) {
            gsize pos = (gsize)(at - metric->str);
            g_string_erase(metric, (gssize)pos, (gssize)strlen(down));
            g_string_insert(metric, (gssize)pos, up);
        }
        return TRUE;
    }
    return FALSE;
}

/* Is [a, b) only a word that joins the members of a list (和, 、, 与, 及, 以及)? */
gboolean list_joiner(const char *a, const char *b)
{
    static const char *const W[] = {"和", "、", "与", "與", "及", "以及", "或", NULL};
    Span x = trimmed(a, b);
    for (const char *const *w = W; *w; w++)
        if (span_len(x) == strlen(*w) && memcmp(x.a, *w, span_len(x)) == 0)
            return TRUE;
    return FALSE;
}

/* Does a reference line follow the figure ending at qe (50%的荣枯线, 50%荣枯线)? */
static gboolean reference_line_after(const char *qe, const char *end)
{
    static JbLitFilter lines; /* (the list's filter: asked after every figure) */
    JB_LIT_FILTER_ONCE(&lines, jb_words_reference_line);
    const char *p = starts(qe, end, "的") ? qe + strlen("的") : qe;
    if (!jb_lit_filter_may_start(&lines, p, end))
        return FALSE;
    for (const char *const *w = jb_words_reference_line; *w; w++)
        if (starts(p, end, *w))
            return TRUE;
    return FALSE;
}

/* Does a noun the figure names follow at r (not 水平, 规模, 增长, 增速: the figure's own measure)? */
static gboolean names_a_noun(const char *r, const char *end)
{
    if (r >= end)
        return FALSE;
    gunichar ch = g_utf8_get_char(r);
    return ch >= 0x4E00 && ch <= 0x9FFF && !starts(r, end, "水平") && !starts(r, end, "规模") &&
           !starts(r, end, "增长") && !starts(r, end, "增速") && !starts(r, end, "区间") &&
           !starts(r, end, "區間") && !starts(r, end, "范围") && !starts(r, end, "範圍");
}

/* Is a range the bounds of a class (收入在3000元至5000元之间的家庭, 每月開支介乎5,500元至19,499元的
 * 住戶, 车龄7—10年的车辆占比为21.9%)? Its share or count is the figure, the bounds only say who is
 * counted. */
static gboolean range_defines_group(const JbQuantity *q, const char *sent, const char *qs,
                                    const char *qe, const char *end)
{
    if (!q->is_range)
        return FALSE;
    if (starts(qe, end, "之间的") || starts(qe, end, "之間的"))
        return names_a_noun(qe + strlen("之间的"), end);
    if (starts(qe, end, "的") && names_a_noun(qe + strlen("的"), end) &&
        (share_of_group_after(qe + strlen("的"), end) ||
         group_counted_after(qe + strlen("的"), end)))
        return TRUE; /* 车龄7—10年的车辆占比为21.9%: a band whose share is said */
    static const char *const BETWEEN[] = {"介乎", "介于", "介於", NULL};
    for (const char *const *w = BETWEEN; *w; w++)
        if (ends(sent, qs, *w) && starts(qe, end, "的"))
            return names_a_noun(qe + strlen("的"), end);
    return FALSE;
}

/* Is the figure an hour count of a service's week (7×24小时, 5×8小时): a phrase, no figure? */
static gboolean hours_times_days(const JbQuantity *q, const char *sent, const char *qs)
{
    if (!same_str(q->unit, "小时") && !same_str(q->unit, "小時"))
        return FALSE;
    static const char *const TIMES[] = {"×", "*", "x", "X", "＊", NULL};
    for (const char *const *t = TIMES; *t; t++)
        if (ends(sent, qs, *t)) {
            const char *d = qs - strlen(*t);
            return d > sent && g_ascii_isdigit(d[-1]);
        }
    return FALSE;
}

/* Is the figure the window of a moving average (三个月移动平均, 7日滚动平均)? */
static gboolean averaging_window(const JbQuantity *q, const char *qe, const char *end)
{
    static const char *const WINDOW[] = {"个月", "個月", "日", "天", "周", "週", "年", "期", NULL};
    static const char *const AVERAGE[] = {"移动平均", "移動平均", "滚动平均", "滾動平均", NULL};
    const char *w0 = starts(qe, end, "的") ? qe + strlen("的") : qe; /* (三个月的移动平均) */
    if (!starts(w0, end, "移") && !starts(w0, end, "滚") && !starts(w0, end, "滾"))
        return FALSE; /* (the words first: most figures have none of 移 滚 滾 after them) */
    gboolean window = g_strv_contains(WINDOW, q->unit);
    for (const char *const *a = AVERAGE; *a && window; a++)
        if (starts(w0, end, *a))
            return TRUE;
    return FALSE;
}

/* Is the quantity no figure to state? A count in prose, a short quote, after a definition,
 * a vague amount (数亿元), a class of things or a threshold that defines a group, a span that
 * names a programme, who or what (年满60周岁, ±800千伏), a kind of household, the group a
 * share is of, the base of an exchange rate, a part's spec. */
/* The number of a table or a figure its caption opens with (表1　分玩法销售情况, 图3: 各月产量,
 * 附表2 …): a label, whatever word comes after it. */
static gboolean caption_number(const char *sent, const char *qs, const char *end)
{
    static const char *const LABELS[] = {"表", "图", "圖", "附表", "附图", "附圖", NULL};
    const char *d = NULL;
    if (qs - sent != 3 && qs - sent != 6)
        return FALSE; /* (a label of one or two characters opens the sentence: most do not) */
    for (const char *const *w = LABELS; *w && !d; w++)
        if (qs == sent + strlen(*w) && starts(sent, end, *w))
            d = qs;
    if (!d)
        return FALSE;
    while (d < end && g_ascii_isdigit(*d))
        d++;
    return d > qs && d < end &&
           (*d == ' ' || *d == ':' || *d == '.' || starts(d, end, "　") || starts(d, end, "："));
}

gboolean not_a_figure(const Ctx *c, const char *sent, const char *sent_end, const JbQuantity *q)
{
    const char *qs = sent + q->start, *qe = sent + q->end;
    if (is_prose_count(qs, qe, q) || in_short_quote(sent, qs, qe, sent_end) ||
        jb_extract_in_cited_title(qe, sent_end) || caption_number(sent, qs, sent_end) ||
        (c->definition_at && c->definition_at < qs) || digest_item_count(q, sent, qs))
        return TRUE;
    if ((same_str(q->qualifier, "数") || same_str(q->qualifier, "數") ||
         same_str(q->qualifier, "几") || same_str(q->qualifier, "幾")) &&
        (starts(qs, qe, q->qualifier) || !same_str(q->unit, "%")))
        return TRUE; /* 数亿元, 几十万台, 十几万千瓦: a vague amount, no figure to chart (上百, 上万:
                      * at least; 百分之三十几: a share of some more than 30, as 多) */
    const char *digits = qs + (q->qualifier[0] && starts(qs, qe, q->qualifier)
                                   ? strlen(q->qualifier)
                                   : 0);
    if ((starts(digits, qe, "亿") || starts(digits, qe, "万")) && starts(qe, sent_end, "的"))
        return TRUE; /* 销售额过亿元的企业: a class of things, not a figure */
    /* (after a verb that gets or counts it, a hedged amount is an amount: 已拿到超过1500台的订单) */
    static const char *const GOT[] = {
        "拿到", "拿下", "揽下", "攬下", "赢得", "贏得", "录得", "錄得", "获得", "獲得", "收到",
        "斩获", "斬獲", "签下", "簽下", "吸引", "带动", "帶動", "实现", "實現", "完成", "达成",
        "達成", "累计", "累計", "共有", "有",   "新增", "吸纳", "吸納", "组织", "組織", "举办",
        "舉辦", "开展", "開展", "提供", "推出", "新建", "建成", "培训", "培訓", NULL};
    gboolean got = ends_any(sent, qs, GOT);
    if (threshold_word(q->qualifier) && starts(qe, sent_end, "的") &&
        (group_counted_after(qe + strlen("的"), sent_end) ||
         (names_a_noun(qe + strlen("的"), sent_end) &&
          share_of_group_after(qe + strlen("的"), sent_end))))
        return TRUE; /* 降价幅度超过50%的品种有31个, 效率提高两成以上的受访者占46.7%: the group's
                      * threshold; its count or share is the figure */
    if (threshold_word(q->qualifier) &&
        (starts(qe, sent_end, "的，") || starts(qe, sent_end, "的,")))
        return TRUE; /* 净利润…上升50%以上的，应当…预告: the condition of a rule, those it names */
    if (threshold_word(q->qualifier) && starts(qe, sent_end, "的") &&
        (!same_str(q->unit, "%") || ends(sent, qs, "率")) && !jb_unit_is_points(q->unit) && !got)
        return TRUE; /* 营收超过50亿元的企业, 每月入息少於10000元的家庭, 完成率低于90%的门店: a
                      * threshold that defines a group (超过50%的企业 still says how many there are) */
    if (!same_str(q->unit, "%") && !jb_unit_is_points(q->unit) && !got &&
        bound_modifies_noun(q, qe, sent_end))
        return TRUE; /* 2000万元及以上的工业企业, 6000千瓦及以上电厂, 亿元以上重大项目: a class */
    const char *cs = jb_extract_clause_start(c, sent, qs);
    if (span_of_years_in_name(q, cs, qs, qe, sent_end) || era_of_years(q, cs, qs, qe, sent_end) ||
        category_name(q, cs, qs, qe, sent_end) || time_spent(q, cs, qs, qe, sent_end) ||
        tenor_in_brackets(q, sent, qs, qe, sent_end))
        return TRUE; /* 完成三年整改, 五年新增3.1万公里, 下一个十年: a span that names a programme or a time */
    static const char *const LOT[] = {"一签（", "一籤（", "每签（", "每籤（",
                                      "一手（", "每手（", NULL};
    if (ends_any(sent, qs, LOT) && (starts(qe, sent_end, "）")))
        return TRUE; /* 中一签（500股）: the size of a lot, its definition */
    if ((same_str(q->unit, "个月") || same_str(q->unit, "個月")) &&
        (starts(qe, sent_end, "（即") || starts(qe, sent_end, "(即")))
        return TRUE; /* 截至10月的三个月（即8月至10月）: a window its bracket names, a time */
    if (same_str(q->unit, "手") && (starts(qs, qe, "二") || starts(qs, qe, "一")) &&
        qe - qs == (gssize)strlen("二手"))
        return TRUE; /* 二手住宅, 一手房: second-hand, not two lots */
    if (tier_bound(q, cs, qs, qe, sent_end))
        return TRUE; /* 第一档年用气量0-350立方米（含）: the bounds of a tier, its price the figure */
    if (condition_before(sent, qs) || starts(qs, qe, "±") ||
        condition_age(q, qs, qe, sent, sent_end))
        return TRUE; /* 年满60周岁的老人, 身高1.2米以下, ±800千伏, 李某（48岁）: who or what, no figure */
    if ((same_str(q->unit, "人") || same_str(q->unit, "口")) &&
        (starts(qe, sent_end, "家庭") || starts(qe, sent_end, "住户") ||
         starts(qe, sent_end, "住戶") || starts(qe, sent_end, "户") || starts(qe, sent_end, "戶") ||
         starts(qe, sent_end, "之家")))
        return TRUE; /* 5人家庭住戶, 三口之家: a kind of household, not a count of people */
    if (starts(qe, sent_end, "的占") || starts(qe, sent_end, "的佔"))
        return TRUE; /* 50元以下的占67.4%, 50-100元的占21.3%: the group a share is of */
    if (starts(qe, sent_end, "的为") || starts(qe, sent_end, "的為") ||
        starts(qe, sent_end, "的称为") || starts(qe, sent_end, "的稱為") ||
        starts(qe, sent_end, "的属于") || starts(qe, sent_end, "的屬於"))
        return TRUE; /* 30公顷以上的为大型滑雪场, 5至30公顷的为中型: a class defined by its bounds */
    if (reference_line_after(qe, sent_end))
        return TRUE; /* 低于50%的荣枯线: the line a value is read against, no figure */
    if (range_defines_group(q, sent, qs, qe, sent_end) || hours_times_days(q, sent, qs))
        return TRUE; /* 月收入在3000元至5000元之间的家庭, 全天候7×24小时: who is counted, a phrase */
    if (averaging_window(q, qe, sent_end))
        return TRUE; /* 以三个月移动平均计算: the window of an average, no figure */
    static const char *const CONFIDENCE[] = {"置信水平为", "置信水平", "置信度为", "置信度", NULL};
    if (starts(qe, sent_end, "的置信") || starts(qe, sent_end, "置信") ||
        ends_any(sent, qs, CONFIDENCE))
        return TRUE; /* 在95%的置信水平下: a survey's confidence level, its error margin's parameter */
    if (starts(qe, sent_end, "兑") || starts(qe, sent_end, "兌"))
        return TRUE; /* 1美元兑7.08元人民币: the base of an exchange rate, not a figure */
    if (g_ascii_isalpha(q->unit[0]) && !latin_amount_verb(q, sent, qs) &&
        latin_spec_before_noun(qe, sent_end))
        return TRUE; /* 5410mAh 电池, 90W 有线快充: a part's spec that names it, no figure */
    if (!q->unit[0] && qe < sent_end && g_ascii_isalpha(*qe))
        return TRUE; /* 1423亿GB: a unit in Latin letters is never read (see jb_number.h) */
    return FALSE;
}

/* A decline (同比下降2.3%) is the rise it mirrors, negative: 同比增长 −2.3%. So are a list's
 * later members (分别下降0.6%和0.2%). */
void figure_decline(Ctx *c, Figure *f)
{
    f->qq = *f->q;
    f->declined = decline_before(f->cs, f->qs, c->metric_buf);
    if (!f->declined && c->decline_end && c->decline_end >= f->sent && c->decline_end <= f->qs &&
        list_joiner(c->decline_end, f->qs))
        f->declined = TRUE;
    else if (f->declined)
        f->metric = c->metric_buf->str;
    c->decline_end = f->declined ? f->qe : NULL;
    if (!f->declined)
        return;
    JbQuantity *qq = &f->qq;
    qq->value.mant = -qq->value.mant;
    qq->high.mant = -qq->high.mant;
    if (qq->is_range) {
        JbDecimal lo = qq->high;
        qq->high = qq->value;
        qq->value = lo;
    }
    f->metric_at = (Span){f->metric, f->metric + strlen(f->metric)};
}
