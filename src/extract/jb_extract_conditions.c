/* jb_extract_conditions.c — numbers that state a rule, a condition or a window, not a figure
 * of their own: a coupon's rule (满200元减30元), a length of service that says who is meant
 * (满3个月的企业), a holding that names a class of shareholders (持股5%以上股东), a bound in
 * brackets before the count it qualifies (幼苗（高度在30厘米以下）12万株), the hours or days
 * after a launch a figure is counted in (开售48小时销量破万台), a scale's band named after it
 * (23至31分为绿灯, 38分以上为红灯), a value an editor's correction
 * puts right that the article states already (现已更正为X), the earlier value a revision
 * replaces (由早前公布的2.6%修訂為2.2%), a machine's tolerance (均匀性控制在1.5%以内); and a note that defines a term
 * (注：规上企业指年营收达2000万元的企业): what follows its 指 defines, it reports nothing.
 *
 * Not for: thresholds and classes after the figure (bound_modifies_noun), ages (condition_age),
 * groups a count or a streak names (jb_extract_groups.c), a figure a correction withdraws
 * (in_short_quote).
 */
#include "jb_extract_read_priv.h"
#include "jb_units.h"

#include <string.h>

static gboolean starts_any(const char *p, const char *end, const char *const *words)
{
    for (const char *const *w = words; *w; w++)
        if (starts(p, end, *w))
            return TRUE;
    return FALSE;
}

static const char *const FULL[] = {"满", "滿", NULL};
/* what a coupon's threshold earns: 满200元减30元, 满100元送20元, 满300元打8折 */
static const char *const OFF[] = {"减", "減", "立减", "立減", "送", "返", "打", NULL};

/* Is x a term of a coupon's rule: the amount spent after 满 with what it earns right after it
 * (满200元减30元, 每满100减15), or what it earns (the 减30元 of 满200元减30元)? */
static gboolean coupon_rule(const char *sent, const char *end, const JbQuantity *prev,
                            const JbQuantity *x)
{
    const char *xs = sent + x->start, *xe = sent + x->end;
    if (ends_any(sent, xs, FULL) && starts_any(xe, end, OFF))
        return TRUE;
    if (!prev)
        return FALSE;
    const char *ps = sent + prev->start, *pe = sent + prev->end;
    if (!ends_any(sent, ps, FULL))
        return FALSE;
    for (const char *const *w = OFF; *w; w++) /* (the 减 may be read as the figure's own) */
        if ((pe + strlen(*w) == xs && starts(pe, end, *w)) || (pe == xs && starts(xs, xe, *w)))
            return TRUE;
    return FALSE;
}

/* Is x a length of service or stay that says who is meant: 吸纳失业人员满3个月的企业,
 * 从业满5年的护理员 (满 before, 的 and a noun after)? */
static gboolean length_of_group(const char *sent, const char *end, const JbQuantity *x)
{
    const char *xs = sent + x->start, *xe = sent + x->end;
    static const char *const OTHER[] = {"不满", "不滿", "年满", "年滿",
                                        NULL}; /* (condition_before) */
    return ends_any(sent, xs, FULL) && !ends_any(sent, xs, OTHER) && starts(xe, end, "的") &&
           g_unichar_isalpha(g_utf8_get_char(xe + strlen("的")));
}

/* Is x a bound on a holding that names a class of shareholders: 持股5%以上股东, 持股超过5%的
 * 股东? */
static gboolean holding_class(const char *sent, const char *end, const JbQuantity *x)
{
    static const char *const HOLD[] = {"持股", "持有", "持股比例", NULL};
    static const char *const HOLDERS[] = {"股东", "股東", "的股东", "的股東", NULL};
    const char *xs = sent + x->start, *xe = sent + x->end;
    /* (持股约7.5%的股东 is what one holds: a figure) */
    return (x->bound == JB_BOUND_AT_LEAST || x->bound == JB_BOUND_AT_MOST) &&
           ends_any(sent, xs, HOLD) && starts_any(xe, end, HOLDERS);
}

/* Is x a bound in brackets right after a noun and right before the count it qualifies:
 * 犊牛（体重在200公斤以下）1.3万头, 小微企业（营收1000万元以下）3200家? Or a span so bracketed
 * wherever the figure is (按揭拖欠比率（逾期3个月以上）由…): the definition of the ratio named. */
static gboolean bracketed_condition(const char *sent, const char *end, const JbQuantity *x,
                                    const JbQuantity *next)
{
    static const char *const SPAN[] = {"个月", "個月", "天", "日", "年", "周", "週", NULL};
    if (x->bound == JB_BOUND_EXACT || x->is_range)
        return FALSE; /* (most figures: asked before the units are compared) */
    gboolean span = FALSE;
    for (const char *const *u = SPAN; *u && !span; u++)
        span = same_str(x->unit, *u); /* (strcmp inline: asked of most figures) */
    if (!next && !span)
        return FALSE;
    const char *xs = sent + x->start, *xe = sent + x->end;
    const char *close = starts(xe, end, "）") ? xe + strlen("）") : NULL;
    if (!close && starts(xe, end, ")"))
        close = xe + 1;
    if (!close || (!span && sent + next->start != close))
        return FALSE;
    const char *p = xs;
    for (int k = 0; k < 10 && p > sent; k++) {
        p = g_utf8_prev_char(p);
        if (starts(p, xs, "（") || *p == '(')
            return p > sent && g_unichar_isalpha(g_utf8_get_char(g_utf8_prev_char(p)));
        if (g_ascii_isdigit(*p) || clause_sep_at(p) || sentence_end_at(p))
            return FALSE;
    }
    return FALSE;
}

/* Is x the hours or days after a launch that the figure after it is counted in (开售48小时销量
 * 突破20万台, 开售3分钟即告售罄, 上线三天订阅用户超过2万, 首销1小时销量, 发布2小时锁单, 零点
 * 开场后10分钟，成交额…; 首销：1小时销量…): a window, no figure? One that ends its clause (开业已满3年。) is a
 * figure, unless 后 says it is the time after (开场后10分钟，); so are a film's or a show's days
 * run (上映8天累计票房…: the rounds keep them). */
static gboolean window_after_launch(const char *sent, const char *end, const JbQuantity *x)
{
    static const char *const LAUNCH[] = {
        "上市", "上线", "上線", "开售", "開售", "发售", "發售", "开卖", "開賣", "开业", "開業",
        "开幕", "開幕", "开园", "開園", "开通", "開通", "首发", "首發", "开盘", "開盤", "上架",
        "启用", "啟用", "投用", "首销", "首銷", "发布", "發布", "开场", "開場", NULL};
    static const char *const SPAN[] = {"小时", "小時", "天",   "日", "分钟", "分鐘",
                                       "秒",   "秒钟", "秒鐘", "周", "週",   NULL};
    if (x->bound != JB_BOUND_EXACT || x->is_range)
        return FALSE;
    gboolean span = FALSE;
    for (const char *const *u = SPAN; *u && !span; u++)
        span = same_str(x->unit, *u);
    const char *xs = sent + x->start, *xe = sent + x->end, *w = xs;
    gboolean after = ends(sent, xs, "后") || ends(sent, xs, "後");
    if (after || ends(sent, xs, "："))
        w -= strlen("后"); /* (首销：1小时销量破10万台, a headline's) */
    if (!span || !ends_any(sent, w, LAUNCH) || xe >= end)
        return FALSE;
    if (after && starts(xe, end, "，"))
        return TRUE;
    return !clause_sep_at(xe) && !sentence_end_at(xe) && !starts(xe, end, "。") &&
           g_unichar_isalpha(g_utf8_get_char(xe)) && !starts(xe, end, "的");
}

/* Is x the value an editor's correction puts right (现已更正为8.16元/公斤) that the article
 * states already with its unit: a repeat, not a second figure? */
static gboolean correction_repeats(const Ctx *c, const char *sent, const JbQuantity *x)
{
    static const char *const RIGHTED[] = {"更正为", "更正為", "更正为“", "更正為「", NULL};
    if (!c->seen || !ends_any(sent, sent + x->start, RIGHTED))
        return FALSE;
    JbStatement probe;
    memset(&probe, 0, sizeof probe);
    probe.q = *x;
    return g_hash_table_lookup(c->seen, &probe) != NULL;
}

/* Is x the figure a revision replaces (按年跌幅由早前公布的2.6%修訂為2.2%, 从初值5.2%下修至
 * 5.0%): after 由 or 从 in its clause, a verb of revising right after it and the revised value
 * next? That value is the figure; the one withdrawn is none. */
static gboolean revised_away(const char *sent, const char *end, const JbQuantity *x,
                             const JbQuantity *next)
{
    static const char *const REVISED[] = {"修订为", "修訂為", "修正为", "修正為", "修订至",
                                          "修訂至", "下修至", "上修至", NULL};
    const char *xs = sent + x->start, *xe = sent + x->end;
    if (!next || !starts_any(xe, end, REVISED))
        return FALSE;
    for (const char *p = xs; p > sent;) {
        p = g_utf8_prev_char(p);
        if (clause_sep_at(p) || sentence_end_at(p))
            return FALSE;
        if (starts(p, xs, "由") || starts(p, xs, "从") || starts(p, xs, "從"))
            return TRUE;
    }
    return FALSE;
}

/* Is x a machine's or a process's tolerance (关键尺寸均匀性控制在1.5%以内, 定位误差小于0.02毫米): a
 * bound on a deviation its maker states, a spec, no figure of the news? */
static gboolean tolerance_spec(const char *sent, const JbQuantity *x)
{
    static const char *const HOLD[] = {"控制在", "小于",   "小於",   "低于", "低於", "优于",
                                       "優於",   "不超过", "不超過", "在",   NULL};
    static const char *const DEVIATION[] = {"均匀性", "均勻性", "误差", "誤差",
                                            "偏差",   "公差",   NULL};
    if (x->bound != JB_BOUND_AT_MOST)
        return FALSE;
    const char *xs = sent + x->start;
    if (x->qualifier[0] && starts(xs, xs + strlen(x->qualifier), x->qualifier))
        xs += strlen(x->qualifier); /* (不超过1.5%: the hedge read as the figure's start) */
    for (const char *const *h = HOLD; *h; h++) {
        if (!ends(sent, xs, *h))
            continue;
        const char *verb = xs - strlen(*h);
        for (const char *const *d = DEVIATION; *d; d++)
            if (ends(sent, verb, *d))
                return TRUE;
    }
    return FALSE;
}

/* Is a range or a bound given a class's name after it (23至31分为绿灯, 38分以上为红灯, 介于60至
 * 79分为C级): a scale's band, no figure. The name is a few characters ending in a word of
 * class (灯, 级, 类, 档, 型, 等) and ends the clause. */
static gboolean band_named(const char *sent, const char *end, const JbQuantity *q)
{
    if (!q->is_range && q->bound == JB_BOUND_EXACT)
        return FALSE;
    const char *qe = sent + q->end;
    const char *r = starts(qe, end, "为")   ? qe + strlen("为")
                    : starts(qe, end, "為") ? qe + strlen("為")
                                            : NULL;
    static const char *const CLASS[] = {"灯", "燈", "级", "級", "类", "類",
                                        "档", "檔", "型", "等", NULL};
    for (int k = 0; r && k < 6 && r < end; k++) {
        gunichar ch = g_utf8_get_char(r);
        if (ch < 0x4E00 || ch > 0x9FFF)
            return FALSE;
        r = g_utf8_next_char(r);
        for (const char *const *w = CLASS; *w; w++)
            if (ends(qe, r, *w) && (r == end || clause_sep_at(r) || sentence_end_at(r)))
                return TRUE;
    }
    return FALSE;
}

gboolean states_a_condition(const Ctx *c, const char *sent, const char *end, const GArray *qs,
                            guint i)
{
    const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
    const JbQuantity *prev = i > 0 ? &g_array_index(qs, JbQuantity, i - 1) : NULL;
    const JbQuantity *next = i + 1 < qs->len ? &g_array_index(qs, JbQuantity, i + 1) : NULL;
    return coupon_rule(sent, end, prev, x) || length_of_group(sent, end, x) ||
           holding_class(sent, end, x) || bracketed_condition(sent, end, x, next) ||
           window_after_launch(sent, end, x) || correction_repeats(c, sent, x) ||
           band_named(sent, end, x) || revised_away(sent, end, x, next) || tolerance_spec(sent, x);
}

/* ---- notes that define a term -------------------------------------------------------------- */

/* Past a note's opening at the start of sentence [a, b): 注：, 註：, 注释：, 说明：, a note's
 * number (2., 2．, 2、, （2）); NULL when the sentence opens none. */
static const char *past_note_opening(const char *a, const char *b)
{
    static const char *const NOTE[] = {"注：",   "註：",   "注:",    "註:",    "注释：",
                                       "注釋：", "附注：", "附註：", "说明：", "說明：",
                                       "备注：", "備註：", NULL};
    const char *p = a;
    while (p < b && (*p == ' ' || starts(p, b, "　")))
        p += *p == ' ' ? 1 : strlen("　");
    for (const char *const *w = NOTE; *w; w++)
        if (starts(p, b, *w))
            return p + strlen(*w);
    const char *d = p;
    gboolean paren = starts(d, b, "（");
    if (paren)
        d += strlen("（");
    const char *n = d;
    while (n < b && g_ascii_isdigit(*n) && n - d < 2)
        n++;
    if (n == d)
        return NULL;
    if (paren)
        return starts(n, b, "）") ? n + strlen("）") : NULL;
    if (*n == '.' && n + 1 < b && !g_ascii_isdigit(n[1]))
        return n + 1;
    if (starts(n, b, "．") || starts(n, b, "、"))
        return n + strlen("、");
    return NULL;
}

const char *note_definition(const char *a, const char *b)
{
    const char *p = past_note_opening(a, b);
    if (!p)
        return NULL;
    /* the term: a few words, no digit, no clause mark (规模以上工业：指 may put a colon before) */
    static const char *const NOT_TERM_END[] = {"沪", "滬", "深", "恒", "道", "纳", "納", "科",
                                               "国", "國", "股", "板", "成", "又", "亦", "并",
                                               "並", "还", "還", "另", "也", "他", "她", NULL};
    static const char *const NOT_DEFINING[] = {"出", "数", "數", "标", "標", "导", "導", "引", "挥",
                                               "揮", "定", "南", "望", "责", "責", "控", "令", "明",
                                               "向", "示", "点", "點", "针", "針", "正", "派", "名",
                                               "使", "称", "稱", "涉", "代", NULL};
    const char *term = p;
    for (int k = 0; k < 24 && p < b; k++, p = g_utf8_next_char(p)) {
        if (g_ascii_isdigit(*p) || sentence_end_at(p))
            return NULL;
        const char *at = p;
        if (starts(p, b, "：") && starts(p + strlen("："), b, "指"))
            at = p + strlen("：");
        else if (clause_sep_at(p))
            return NULL;
        if (!starts(at, b, "指") || at == term)
            continue;
        const char *after = at + strlen("指");
        if (after >= b || starts_any(after, b, NOT_DEFINING) ||
            (at == p && ends_any(term, at, NOT_TERM_END)))
            return NULL;
        return at;
    }
    return NULL;
}
