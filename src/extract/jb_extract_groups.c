/* jb_extract_groups.c — figures that only say which group a sentence speaks of, not a figure
 * of their own: a count opening its clause before a group's rate (70个大中城市…按年跌4.5%), a
 * threshold after a group counted with 有, a share's condition, a bound every period of a
 * streak passed; a class's name (三类医疗器械, 1类创新药) and a digest's count of its own items
 * (本期共8条), which name or frame the news and state none. (The whole a part is counted
 * among, 全市37个行业中有26个…, stays a figure: the rounds' gold keeps it four times to three.)
 * Also whether a band's share follows its noun (车龄7—10年的车辆占比…), and whether a figure in
 * Latin units before a noun is an amount a verb makes (新增3GW装机), not a part's spec.
 *
 * Not for: bounds and classes the number reader itself turns down (亿元以上重大项目,
 * jb_number_accept.c), nor conditions that say who someone is (condition_age).
 */
#include "jb_extract_read_priv.h"
#include "jb_extract_statement_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* A count that names the group the next figure of its clause is about, opening the clause:
 * 70个大中城市新建商品住宅售价按年跌4.5%, 31个大城市城镇调查失业率为5.0%, an age band
 * (16—24岁人口调查失业率为15.4%). A rate or a change of a group is what such a clause reports; the group is its subject, not a figure of its
 * own (全国有5个城市房价上涨超过3% counts cities: 有 opens the clause). */
static gboolean group_count(const Ctx *c, const char *sent, const JbQuantity *x,
                            const JbQuantity *y)
{
    if (!y || !x->unit[0] || x->qualifier[0] || jb_unit_is_ratio(x->unit) ||
        jb_unit_is_money(x->unit) || !jb_unit_is_ratio(y->unit) ||
        jb_decimal_normalize(x->value).exp10 < 0)
        return FALSE;
    const char *xs = sent + x->start, *xe = sent + x->end, *ys = sent + y->start;
    if (ys - xe > 3 * 24 || jb_extract_clause_start(c, sent, ys) > xs)
        return FALSE; /* (another clause) */
    /* before it: only words of scope and times (內地上月70個大中城市…) */
    const char *p = jb_extract_past_scope(c, jb_extract_clause_start(c, sent, xs), xs);
    if (p != xs)
        return FALSE;
    /* 全省11家大型滑雪场的接待量占比: all of a province's, a count of them (a panel is named
     * by the nation's scope or none: 全国70个大中城市) */
    static const char *const ALL_OF[] = {"全省", "全市", "全县", "全縣",
                                         "全区", "全區", "全州", NULL};
    return !ends_any(sent, xs, ALL_OF);
}

/* A count opening its clause whose members a later figure of the clause adds up or shares
 * (五家险企前10月合计实现保费收入…, 三家基础电信企业的移动电话用户总数达…, 两个景区单日接待量
 * 均突破…): the total is the news, the count only says whose it is. Not a province's or a
 * city's all (全省9个机场共完成…), as group_count. */
static gboolean group_total(const Ctx *c, const char *sent, const JbQuantity *x,
                            const JbQuantity *y)
{
    static const char *const TOTAL[] = {"合计", "合計", "合共", "共计", "共計", "总计",
                                        "總計", "累计", "累計", "总数", "總數", "总量",
                                        "總量", "总额", "總額", "均",   "共",   NULL};
    /* members of a panel (firms, cities, kinds, items); not a count of events (两场共…) */
    static const char *const MEMBERS[] = {"家", "个", "個", "种", "種", "项", "項",
                                          "座", "所", "类", "類", "只", "隻", NULL};
    gboolean member = FALSE; /* (its unit in MEMBERS: strcmp inline, asked of most figures) */
    for (const char *const *u = MEMBERS; *u && !member; u++)
        member = same_str(x->unit, *u);
    if (!y || !y->unit[0] || x->qualifier[0] || x->bound != JB_BOUND_EXACT || !member ||
        jb_decimal_normalize(x->value).exp10 < 0)
        return FALSE;
    const char *xs = sent + x->start, *xe = sent + x->end, *ys = sent + y->start;
    if (ys - xe > 3 * 24 || jb_extract_clause_start(c, sent, ys) > xs ||
        jb_extract_past_scope(c, jb_extract_clause_start(c, sent, xs), xs) != xs)
        return FALSE;
    static const char *const ALL_OF[] = {"全省", "全市", "全县", "全縣",
                                         "全区", "全區", "全州", NULL};
    if (ends_any(sent, xs, ALL_OF))
        return FALSE;
    /* (a time between is the total's: 五家险企前10月合计…; y is the next figure, so no other
     * figure is) */
    for (const char *p = xe; p < ys; p = g_utf8_next_char(p)) {
        for (const char *const *w = TOTAL; *w; w++)
            if (starts(p, ys, *w) && !(p > xe && ends(sent, p, "平")))
                return TRUE; /* (平均: an average, no total) */
    }
    return FALSE;
}

/* A bound after a group counted with 有 in its clause (有47个县（市、区）降温幅度超过12℃, 全省有
 * 23个县小麦平均亩产超过千斤) is the threshold that defines the group, no figure of its own. */
static gboolean group_threshold(const char *sent, const JbQuantity *w, const JbQuantity *x)
{
    if (!w || (x->bound != JB_BOUND_AT_LEAST && x->bound != JB_BOUND_AT_MOST) || !w->unit[0] ||
        jb_unit_is_ratio(w->unit) || jb_unit_is_money(w->unit) || w->qualifier[0])
        return FALSE;
    const char *ws = sent + w->start, *we = sent + w->end, *xs = sent + x->start;
    if (!ends(sent, ws, "有") || xs - we > 3 * 24)
        return FALSE;
    for (const char *p = we; p < xs; p = g_utf8_next_char(p))
        if (starts(p, xs, "，") || starts(p, xs, "；") || starts(p, xs, "。") || *p == ',' ||
            g_ascii_isdigit(*p))
            return FALSE;
    return TRUE;
}

/* A bound after a share in its clause (约三成每周网购3次以上, 约四成表示夜里会醒来超过2次, 近四成
 * 用户年付费超3000元) is the condition that says who the share counts, no figure of its own; a
 * level reached after the share (增长8%达到1200万辆以上) is one. */
static gboolean share_condition(const char *sent, const JbQuantity *w, const JbQuantity *x)
{
    if (!w || (x->bound != JB_BOUND_AT_LEAST && x->bound != JB_BOUND_AT_MOST) ||
        strcmp(w->unit, "%") != 0 || !x->unit[0])
        return FALSE;
    const char *we = sent + w->end, *xs = sent + x->start;
    /* (a band written 在…以上 or 在…以内 names who is counted in any unit: 近四成个股跌幅在1%以内,
     * 37.6%的用户年付费金额在3,000元以上) */
    gboolean band = ends(sent, xs, "在") &&
                    (jb_has_prefix(x->qualifier, "以") || jb_has_prefix(x->qualifier, "及以"));
    if ((!band && jb_unit_is_ratio(x->unit)) || xs - we > 3 * (band ? 24 : 16))
        return FALSE;
    static const char *const LEVEL = "达達至到为為增降升跌突";
    for (const char *p = we; p < xs; p = g_utf8_next_char(p))
        if (starts(p, xs, "，") || starts(p, xs, "；") || starts(p, xs, "。") || *p == ',' ||
            *p == ' ' || starts(p, xs, "　") || g_ascii_isdigit(*p) ||
            (!band && g_utf8_strchr(LEVEL, -1, g_utf8_get_char(p)))) /* (跌幅在: a noun) */
            return FALSE;
    return TRUE;
}

/* Does the clause of a figure at `at` hold a streak before it (连续6个月交付量超过3.5万辆,
 * 连续两周日均成交额超过1.2万亿元, 连续3个月保持在1%以上)? A bound after a streak is the
 * threshold every period of it passed, not a figure of one period. */
static gboolean streak_before(const Ctx *c, const char *sent, const char *at)
{
    const char *cs = look_back_from(jb_extract_clause_start(c, sent, at), at);
    for (const char *p = cs; p < at; p = g_utf8_next_char(p)) {
        if (!starts(p, at, "连续") && !starts(p, at, "連續"))
            continue;
        const char *q = p + strlen("连续");
        if (starts(q, at, "第"))
            q += strlen("第");
        const char *n = q;
        while (n < at && g_ascii_isdigit(*n))
            n++;
        if (n == q && (starts(q, at, "两") || starts(q, at, "兩")))
            n = q + strlen("两");
        else if (n == q && jb_cn_count(&n, at) < 0)
            continue;
        /* (a figure or a headline's clause break after the streak is what it bounds:
         * 出口增速连续三个月回落至4.2%　机电仍逾7%) */
        if (has_digit(n, at) || g_strstr_len(n, at - n, "　"))
            continue;
        for (const char *const *u = jb_words_streak_unit; *u; u++)
            if (starts(n, at, *u))
                return TRUE;
    }
    return FALSE;
}

/* A share's milestone said after the share itself (占比51.6%，占比首次超过一半; 升至51.8%，…，首次
 * 过半): the round bound in % after 首次 or 首度 restates that a share before it in the sentence,
 * as large or larger, crossed it; no figure of its own. (A count's or an amount's milestone,
 * 438.7万TEU，单月箱量首次突破430万TEU, 亩产1012斤，首次突破千斤大关, the rounds' gold keeps.) */
static gboolean share_milestone(const char *sent, const GArray *qs, guint i)
{
    const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
    if (x->bound != JB_BOUND_AT_LEAST || !x->qualifier[0] || strcmp(x->unit, "%") != 0 ||
        !(ends(sent, sent + x->start, "首次") || ends(sent, sent + x->start, "首度")))
        return FALSE;
    for (guint j = i; j-- > 0;) {
        const JbQuantity *w = &g_array_index(qs, JbQuantity, j);
        if (strcmp(w->unit, "%") == 0)
            return w->bound != JB_BOUND_AT_MOST && jb_decimal_cmp(w->value, x->value) >= 0;
    }
    return FALSE;
}

/* A bound alone in brackets after a noun, with at most a short label before it (高端芯片（单价
 * 100美元以上）, 大型酒店（客房100间以上）, 高温日（日最高气温35℃以上）): it defines the noun's
 * class; no figure of its own. */
static gboolean bracket_band(const char *sent, const JbQuantity *x)
{
    if ((x->bound != JB_BOUND_AT_LEAST && x->bound != JB_BOUND_AT_MOST) || !x->qualifier[0])
        return FALSE;
    const char *xs = sent + x->start, *xe = sent + x->end;
    if (!g_str_has_prefix(xe, "）"))
        return FALSE;
    const char *p = xs;
    for (int k = 0; k <= 8 && p > sent; k++) {
        if (ends(sent, p, "（"))
            return p - strlen("（") > sent; /* (a noun before it) */
        const char *q = g_utf8_prev_char(p);
        if ((guchar)*q < 0xE0 || g_unichar_ispunct(g_utf8_get_char(q)))
            return FALSE; /* (a digit, a letter or a mark: more than a label) */
        p = q;
    }
    return FALSE;
}

/* A bound that the figures listed before it in the sentence all keep, said of them with 均 or
 * 都 (综合成本率分别为98.2%、98.9%和97.6%，均控制在100%以内): it restates them, no figure. */
static gboolean list_bound(const char *sent, const GArray *qs, guint i)
{
    const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
    if ((x->bound != JB_BOUND_AT_LEAST && x->bound != JB_BOUND_AT_MOST) || i < 2)
        return FALSE;
    const char *p = sent + x->start;
    gboolean all = FALSE;
    for (int k = 0; k < 6 && p > sent && !all; k++) {
        p = g_utf8_prev_char(p);
        if (g_unichar_ispunct(g_utf8_get_char(p)) || g_ascii_isdigit(*p))
            return FALSE;
        all = starts(p, sent + x->start, "均") || starts(p, sent + x->start, "都");
    }
    if (!all)
        return FALSE;
    guint n = 0;
    for (guint j = i; j-- > 0;) {
        const JbQuantity *w = &g_array_index(qs, JbQuantity, j);
        if (strcmp(w->unit, x->unit) != 0)
            break;
        int cmp = jb_decimal_cmp(w->value, x->value);
        if (x->bound == JB_BOUND_AT_MOST ? cmp > 0 : cmp < 0)
            return FALSE;
        n++;
    }
    return n >= 2;
}

gboolean names_a_group(const Ctx *c, const char *sent, const GArray *qs, guint i)
{
    const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
    const JbQuantity *prev = i > 0 ? &g_array_index(qs, JbQuantity, i - 1) : NULL;
    const JbQuantity *next = i + 1 < qs->len ? &g_array_index(qs, JbQuantity, i + 1) : NULL;
    return group_count(c, sent, x, next) || group_total(c, sent, x, next) ||
           (x->bound != JB_BOUND_EXACT && streak_before(c, sent, sent + x->start)) ||
           group_threshold(sent, prev, x) || share_condition(sent, prev, x) ||
           share_milestone(sent, qs, i) || bracket_band(sent, x) || list_bound(sent, qs, i);
}

/* A category written in words before its noun (三类医疗器械, 国内三类设备): a class's name,
 * not a count — unless a list before it names the kinds counted (CT、MR、DSA三类设备; not
 * 一、二类苗, classes named by their numbers). */
gboolean category_name(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                       const char *end)
{
    if ((!same_str(q->unit, "类") && !same_str(q->unit, "類")) || qe >= end || q->qualifier[0])
        return FALSE;
    /* (a regulator's class in digits names a product: 1类创新药, 3类医疗器械; other digits count
     * kinds: 新增5类产品) */
    static const char *const CLASSED[] = {"创新药",   "創新藥",   "新药",   "新藥",
                                          "化药",     "化藥",     "仿制药", "仿製藥",
                                          "医疗器械", "醫療器械", "疫苗",   NULL};
    if (g_ascii_isdigit(*qs)) {
        for (const char *const *w = CLASSED; *w; w++)
            if (starts(qe, end, *w))
                return TRUE;
        return FALSE;
    }
    /* (the list within CLAUSE_WINDOW characters: a clause of thousands of 三类… is not read
     * again at each) */
    for (const char *p = jb_utf8_back(cs, qs, CLAUSE_WINDOW); p < qs; p = g_utf8_next_char(p))
        if (starts(p, qs, "、") &&
            !(p + strlen("、") == qs && p - cs >= 3 &&
              g_utf8_strchr("一二三四五六七八九", -1, g_utf8_get_char(p - 3))))
            return FALSE; /* (一、二类苗: the first and second classes, named) */
    gunichar ch = g_utf8_get_char(qe);
    return ch >= 0x4E00 && ch <= 0x9FFF && !starts(qe, end, "的") && !starts(qe, end, "等") &&
           !starts(qe, end, "和") && !starts(qe, end, "及") && !starts(qe, end, "共");
}

/* Is the figure the count of a digest's own items (本期共8条, 本栏目…共20条): its chrome, no
 * figure of the news? */
gboolean digest_item_count(const JbQuantity *q, const char *sent, const char *qs)
{
    static const char *const ITEMS[] = {"条", "條", "则", "則", "篇", NULL};
    /* (the words before it first: a g_strv_contains at every figure cost more) */
    if (q->qualifier[0] || !(ends(sent, qs, "共") || ends(sent, qs, "本期")) ||
        !g_strv_contains(ITEMS, q->unit))
        return FALSE;
    static const char *const SELF[] = {"本期", "本栏",   "本欄",   "本文",   "本篇", "本辑",
                                       "本輯", "本周刊", "本快讯", "本快訊", NULL};
    for (const char *const *w = SELF; *w; w++)
        if (jb_find(sent, qs, *w, strlen(*w)))
            return TRUE;
    return FALSE;
}

/* Is the share of the group a figure names said after it (…的车辆占比为21.9%, …的住户占全市
 * 12%, …的企业有14家)? Within 12 characters of the noun, in its clause. */
gboolean share_of_group_after(const char *p, const char *end)
{
    static const char *const SHARE[] = {"占", "佔", "比重", "份额", "份額", NULL};
    for (int k = 0; k < 12 && p < end; k++, p = g_utf8_next_char(p)) {
        if (starts(p, end, "，") || starts(p, end, "。") || starts(p, end, "；") || *p == ',' ||
            g_ascii_isdigit(*p))
            return FALSE;
        for (const char *const *w = SHARE; *w; w++)
            if (starts(p, end, *w))
                return TRUE;
    }
    return FALSE;
}

/* Does a verb that makes or trades an amount stand right before a figure of a plant's scale in
 * Latin units (新增3GW装机, 签约5GWh储能订单, 年产10GW电池片项目, 中标2.5GW项目)? Then it is that
 * amount before its noun, not a part's spec (配备5410mAh电池, 推出65W快充: other units). */
gboolean latin_amount_verb(const JbQuantity *q, const char *sent, const char *qs)
{
    static const char *const SCALE[] = {"GW", "GWh", "MW", "MWh", "TWh", NULL};
    static const char *const VERB[] = {"新增", "签约", "簽約", "中标", "中標", "出货", "出貨",
                                       "装机", "裝機", "并网", "併網", "年产", "年產", "投产",
                                       "投產", "交付", "签订", "簽訂", "招标", "招標", "建设",
                                       "建設", "规划", "規劃", "累计", "累計", "完成", "实现",
                                       "實現", "获得", "獲得", "斩获", "斬獲", NULL};
    gboolean scale = g_strv_contains(SCALE, q->unit);
    for (const char *const *w = VERB; *w && scale; w++)
        if (ends(sent, qs, *w))
            return TRUE;
    return FALSE;
}
