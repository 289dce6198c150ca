/* jb_extract_statement.c — one statement of a sentence: for a quantity, its subject (carried
 * across commas), the metric phrase and its dictionary id, the hedge set apart from it, the
 * period, forecast or not, and the quote; and whether it is a figure at all (a count in
 * prose, a slogan, a definition, a class) or one the article gave already.
 *
 * Not for: walking articles, paragraphs and sentences (jb_extract.c), time expressions
 * (jb_extract_period.c), telling a figure the article gave already (jb_extract_repeat.c).
 */
#include "jb_extract_priv.h"
#include "jb_units.h"

#include <string.h>

/* ---- metric phrase ---------------------------------------------------------------------- */

/* Words that open or close a clause without naming anything: dropped from the metric. */
static const Lit LEADING_FILLERS[] = {
    LIT("截至目前"), LIT("截止目前"), LIT("目前"), LIT("当前"), LIT("眼下"),   LIT("现在"),
    LIT("我国"),     LIT("我國"),     LIT("中国"), LIT("全国"), LIT("全國"),   LIT("国内"),
    LIT("据测算"),   LIT("据统计"),   LIT("据介绍"), LIT("数据显示"), LIT("其中"), LIT("同时"),
    LIT("此外"),     LIT("另外"),     LIT("已经"), LIT("已"),   LIT("累计"),   LIT("共计"),
    LIT("总计"),     LIT("合计"),     LIT("共"),   LIT("预计"), LIT("力争"),   LIT("有望"),
    LIT("将"),       LIT("还"),       LIT("并"),   LIT("约"),   LIT("的"),     LIT("底"),
    LIT("末"),       LIT("，"),       LIT(","),    LIT(" "),    LIT("和"),     LIT("及"),
    LIT("/")};
static const Lit TRAILING_FILLERS[] = {
    LIT("分别"), LIT("分別"), LIT("预计"), LIT("有望"), LIT("力争"), LIT("已经"), LIT("已达"),
    LIT("已有"), LIT("拥有"), LIT("有"),   LIT("已"),   LIT("将"),   LIT("达到"), LIT("達到"),
    LIT("达"),   LIT("達"),   LIT("为"),   LIT("為"),   LIT("是"),   LIT("约"),   LIT("共"),
    LIT("累计"), LIT("实现"), LIT("保持"), LIT("的"),   LIT(" "),    LIT("了")};

#define METRIC_MAX 24

static Span metric_phrase(const char *cstart, const char *qstart, const char *subject_at,
                           const char *time_end)
{
    const char *a = cstart, *b = qstart;
    if (time_end && time_end > a && time_end <= b)
        a = time_end; /* "2025年我国…" → "我国…" */
    if (subject_at && subject_at >= a && subject_at < b)
        a = subject_at; /* drop what precedes the subject */
    /* a metric is a phrase, not the rest of a clause with no punctuation: its last
     * METRIC_MAX characters */
    for (const char *p = b; p > a;) {
        const char *q = p;
        int n = 0;
        while (q > a && n < METRIC_MAX) {
            q--;
            while (q > a && ((guchar)*q & 0xC0) == 0x80)
                q--;
            n++;
        }
        a = q;
        break;
    }
    static JbWordSet *leading;
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        leading = jb_extract_lit_set(LEADING_FILLERS, G_N_ELEMENTS(LEADING_FILLERS));
        g_once_init_leave(&done, 1);
    }
    for (gboolean changed = TRUE; changed;) {
        changed = FALSE;
        if (may_start(leading, a, b)) /* (else no word of the list starts at `a`) */
            for (gsize i = 0; i < G_N_ELEMENTS(LEADING_FILLERS); i++)
                if (lit_starts(a, b, &LEADING_FILLERS[i])) {
                    a += LEADING_FILLERS[i].n;
                    changed = TRUE;
                }
        for (gsize i = 0; i < G_N_ELEMENTS(TRAILING_FILLERS); i++)
            if (lit_ends(a, b, &TRAILING_FILLERS[i])) {
                b -= TRAILING_FILLERS[i].n;
                changed = TRUE;
            }
    }
    return trimmed(a, b);
}

/* ---- statements -------------------------------------------------------------------------- */

/* Words of a plan, target or expectation, in both scripts. 将 and 將 come last: too common
 * to trust beyond their own clause. */
static const char *const FORECAST_WORDS[] = {
    "预计", "預計", "力争", "力爭", "有望", "目标", "目標", "预期", "預期", "预料", "預料",
    "料将", "料將", "料会", "料會", "有机会", "有機會", "预测", "預測", "预估", "預估",
    "可望", "计划实施", "計劃實施",
    /* a company's guidance (公司指引全年资本开支为120-140亿元) */
    "指引",
    /* 计划 as a verb (计划于, 计划新建), not the noun of a named plan (创业家计划经营期) */
    "计划于", "計劃於", "计划在", "計劃在", "计划到", "計劃到", "计划将", "計劃將", "计划再",
    "計劃再", "计划新", "計劃新", "计划投资", "計劃投資", "计划建", "計劃建", "计划完成",
    "計劃完成", "计划实现", "計劃實現", "计划推出", "計劃推出", "计划开展", "計劃開展",
    "将", "將", NULL};

/* Words saying a figure is already achieved: its clause is not a forecast even when the
 * sentence began with one (…今年预计在…之间，数据交易机构已有近60家). 累计 (累計) also marks
 * a year-end total: in January and February, with no time named, last year's. */
static const char *const ACTUAL_WORDS[] = {"累计", "累計", "已", "目前", "现有", NULL};
#define ACTUAL_CUMULATIVE(tag) ((tag) - kw_actual < 2)

/* Words of a market report: a figure they give with no time is a trading day's (a Saturday
 * paper's closes are Friday's). */
static const char *const MARKET_WORDS[] = {
    "股指", "指数", "指數", "收盘", "收盤", "收涨", "收漲", "收跌", "收报", "收報", "报收",
    "報收", "收市", "尾盘", "尾盤", "期货", "期貨", "汇率", "匯率", "收益率", "孳息",
    "兑美元", "兌美元", "美元兑", "美元兌", "油价", "油價", "金价", "金價", "港股", "美股",
    "A股", "恒指", "道指", "纳指", "標普", "标普", "汇价", "匯價", NULL};

/* A hedge set apart from the number by a verb (distant_hedge). */
static const struct {
    const char *w;
    JbBound b;
} HEDGES[] = {{"约占", JB_BOUND_ABOUT},       {"约为", JB_BOUND_ABOUT},
              {"约有", JB_BOUND_ABOUT},       {"约合", JB_BOUND_ABOUT},
              {"约达", JB_BOUND_ABOUT},       {"約佔", JB_BOUND_ABOUT},
              {"約為", JB_BOUND_ABOUT},       {"約有", JB_BOUND_ABOUT},
              {"約合", JB_BOUND_ABOUT},       {"約達", JB_BOUND_ABOUT},
              {"最高達到", JB_BOUND_AT_MOST}, {"最高可達", JB_BOUND_AT_MOST},
              {"最高達", JB_BOUND_AT_MOST},   {"最高為", JB_BOUND_AT_MOST},
              {"最高达到", JB_BOUND_AT_MOST},
              {"最高可达", JB_BOUND_AT_MOST}, {"最高可获", JB_BOUND_AT_MOST},
              {"最高达", JB_BOUND_AT_MOST},   {"最高为", JB_BOUND_AT_MOST},
              {"最高补助", JB_BOUND_AT_MOST}, {"最高给予", JB_BOUND_AT_MOST},
              {"最多可获", JB_BOUND_AT_MOST}, {"最多达到", JB_BOUND_AT_MOST},
              {"超过", JB_BOUND_AT_LEAST}};



/* Start of the clause holding `at` (in the sentence being read): after the last separator
 * before it, or the sentence's start `s`. */
const char *jb_extract_clause_start(const Ctx *c, const char *s, const char *at)
{
    /* the last separator ending by `at`, by bisection: a sentence may hold thousands */
    guint lo = 0, hi = c->seps->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(c->seps, Sep, mid).end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? g_array_index(c->seps, Sep, lo - 1).end : s;
}

/* End of the clause holding `at`: the next separator, or the sentence's end. */
static const char *clause_end_in(const Ctx *c, const char *at, const char *end)
{
    guint lo = 0, hi = c->seps->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(c->seps, Sep, mid).at < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->seps->len ? g_array_index(c->seps, Sep, lo).at : end;
}

/* The first of the sentence's keyword hits at or after `p` (they are in text order). */
static guint keyword_from(const Ctx *c, const char *p)
{
    guint lo = 0, hi = c->keywords->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(c->keywords, WordHit, mid).at < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* What a number looks back at for its hedge, forecast and achieved words reaches this far
 * (characters): a clause of a megabyte with no punctuation must not be read again at each
 * of its numbers. */
#define LOOK_BACK 40

/* `a`, or the start of the character LOOK_BACK characters before `qs` if that is later. */
static const char *look_back_from(const char *a, const char *qs)
{
    const char *p = qs;
    for (int n = 0; p > a && n < LOOK_BACK; n++) {
        p--;
        while (p > a && ((guchar)*p & 0xC0) == 0x80)
            p--;
    }
    return p;
}


/* The forecast, actual and hedge words and 分别 as one set, built once. A word's tag is its
 * place in FORECAST_WORDS, then ACTUAL_WORDS, then HEDGES, then 分别: [0, kw_actual)
 * forecast words, [kw_actual, kw_hedge) actual words, [kw_hedge, kw_fenbie)
 * HEDGES[tag - kw_hedge], kw_fenbie 分别, kw_market every market word, kw_define every
 * word that opens a definition. */
static int kw_actual, kw_hedge, kw_fenbie /* 分别 */, kw_market, kw_define /* the last */,
    kw_jiang /* 将 */;

/* a number after 是指 defines what a word means (工作少於35小時的人), it reports nothing */
static const char *const DEFINE_WORDS[] = {"是指", "指的是", "定义为", "定義為", "界定为", "界定為", NULL};

static const JbWordSet *keyword_set(void)
{
    static JbWordSet *set;
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        set = jb_word_set_new(); /* kept for the life of the process */
        int n = 0;
        for (const char *const *w = FORECAST_WORDS; *w; w++, n++) {
            jb_word_set_add(set, *w, n);
            if (strcmp(*w, "将") == 0)
                kw_jiang = n; /* (將 is the next tag) */
        }
        kw_actual = n;
        for (const char *const *w = ACTUAL_WORDS; *w; w++, n++)
            jb_word_set_add(set, *w, n);
        kw_hedge = n;
        for (gsize i = 0; i < G_N_ELEMENTS(HEDGES); i++, n++)
            jb_word_set_add(set, HEDGES[i].w, n);
        kw_fenbie = n++;
        jb_word_set_add(set, "分别", kw_fenbie);
        jb_word_set_add(set, "分別", kw_fenbie);
        kw_market = n;
        for (const char *const *w = MARKET_WORDS; *w; w++)
            jb_word_set_add(set, *w, kw_market);
        kw_define = kw_market + 1;
        for (const char *const *w = DEFINE_WORDS; *w; w++)
            jb_word_set_add(set, *w, kw_define);
        g_once_init_leave(&done, 1);
    }
    return set;
}

static inline gboolean hit_within(const WordHit *h, const char *a, const char *b)
{
    return h->at >= a && h->at + h->len <= b;
}


/* Is the 将 at `at` the 把 of a decision announced (央行宣布，将基准利率下调25个基点至4.25%;
 * 决定将利率维持在…): what was decided that day, no forecast? (将于下月下调 stays one.) */
static gboolean jiang_of_decision(const char *sent, const char *at, const char *end)
{
    static const char *const DECIDED[] = {"宣布", "决定", "決定", "宣佈", NULL};
    static const char *const SET[] = {"下调", "上调", "下調", "上調", "调降", "调升", "維持", "维持", NULL};
    gboolean decided = FALSE;
    for (const char *const *w = DECIDED; *w && !decided; w++) {
        const char *d = g_strstr_len(sent, at - sent, *w);
        decided = d && at - (d + strlen(*w)) <= 3 * 2; /* 宣布将, 宣布，将 */
    }
    if (!decided)
        return FALSE;
    const char *q = at + strlen("将");
    if (starts(q, end, "于") || starts(q, end, "於") || starts(q, end, "在"))
        return FALSE;
    for (int k = 0; k < 12 && q < end && !clause_sep_at(q) && !sentence_end_at(q); k++) {
        for (const char *const *w = SET; *w; w++)
            if (starts(q, end, *w))
                return TRUE;
        q = g_utf8_next_char(q);
    }
    return FALSE;
}

/* What the numbers of the sentence [a, b) look back at, in one pass over its characters,
 * each in text order: its clause separators into c->seps; every occurrence (overlapping
 * ones too) of every keyword outside 《book titles》 into c->keywords; every subject word outside 《book titles》
 * (《关于支持人工智能…的若干措施》 names a document) into c->subjects. */
void jb_extract_sentence_words(Ctx *c, const char *a, const char *b)
{
    c->forecast_end = NULL;
    c->sentence_market = FALSE;
    c->definition_at = NULL; /* the first of DEFINE_WORDS, found with the keywords */
    const JbWordSet *keys = keyword_set();
    const JbWordSet *subjects = c->dict ? jb_dict_subject_set(c->dict) : NULL;
    g_array_set_size(c->keywords, 0);
    g_array_set_size(c->subjects, 0);
    g_array_set_size(c->seps, 0);
    int in_title = 0;
    for (const char *p = a; p < b; p = g_utf8_next_char(p)) {
        gunichar ch = jb_word_char_at(p, b);
        /* (a comma between digits groups thousands: 3,040元/吨 is one number) */
        if (clause_sep_at(p) &&
            !((*p == ',' || *p == ':') && p > a && g_ascii_isdigit(p[-1]) && p + 1 < b &&
              g_ascii_isdigit(p[1]))) {
            Sep x = {p, g_utf8_next_char(p)};
            g_array_append_val(c->seps, x);
        }
        guint n = 0;
        /* (a title's words are its name: 《长夜将尽》 plans nothing) */
        const JbWord *w = in_title ? NULL : jb_word_set_lookup(keys, ch, &n);
        for (guint i = 0; i < n; i++)
            if (jb_word_at(&w[i], p, b)) {
                WordHit h = {p, w[i].len, w[i].tag};
                g_array_append_val(c->keywords, h);
            }
        if (ch == 0x300A /* 《 */) {
            in_title++;
            continue;
        }
        if (ch == 0x300B /* 》 */) {
            in_title = in_title > 0 ? in_title - 1 : 0;
            continue;
        }
        if (in_title || !subjects)
            continue;
        w = jb_word_set_lookup(subjects, ch, &n);
        for (guint i = 0; i < n; i++)
            if (jb_word_at(&w[i], p, b)) {
                SubjectHit h = {p, p + w[i].len, w[i].text};
                g_array_append_val(c->subjects, h);
            }
    }
    /* what every number asks of the sentence as a whole: where its first forecast word ends
     * (将 is too common to trust beyond its own clause, unless it opens the sentence before
     * any figure: 本届艺术节将举办近千场…，吸引…近5000位艺术家), a market word */
    for (guint k = 0; k < c->keywords->len; k++) {
        WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if ((h->tag == kw_jiang || h->tag == kw_jiang + 1) && jiang_of_decision(a, h->at, b)) {
            h->tag = G_MAXINT; /* no word of any list: not a forecast's */
            continue;
        }
        if (h->tag == kw_market)
            c->sentence_market = TRUE;
        if (h->tag == kw_define && !c->definition_at)
            c->definition_at = h->at;
        if (h->tag < kw_actual &&
            ((h->tag != kw_jiang && h->tag != kw_jiang + 1) || h->at < c->first_number) &&
            (!c->forecast_end || h->at + h->len < c->forecast_end))
            c->forecast_end = h->at + h->len;
    }
}

/* The last subject word ending by `b` (the latest end; at a tie, the longer word): where
 * it starts (or NULL), and *word. */
static const char *last_subject(GArray *hits, const char *b, const char **word)
{
    const SubjectHit *best = NULL;
    *word = NULL;
    for (guint i = 0; i < hits->len; i++) {
        const SubjectHit *h = &g_array_index(hits, SubjectHit, i);
        if (h->end > b)
            continue;
        if (!best || h->end > best->end || (h->end == best->end && h->at < best->at))
            best = h;
    }
    if (!best)
        return NULL;
    *word = best->word;
    return best->at;
}


/* The noun a number modifies when it comes first: "8个国家…先导区", "30项智能制造国家标准".
 * Runs from the quantity to the next separator (list commas and spaces included). */
static Span following_noun(const char *qe, const char *ce)
{
    const char *p = qe;
    for (int n = 0; p < ce && n < METRIC_MAX; n++) { /* (a noun, not the rest of the clause) */
        gunichar ch = jb_word_char_at(p, ce);
        if (ch == 0x3001 /* 、 */ || ch == ' ' || ch == '/' || ch == 0xFF08 /* （ */)
            break;
        p = g_utf8_next_char(p);
    }
    if (has_digit(qe, p) || starts(qe, p, "和") || starts(qe, p, "及") || starts(qe, p, "与"))
        return (Span){NULL, NULL}; /* the next member of a list (38%和27%), not a noun */
    /* what follows a number without naming it: 之间, 以上, 左右, 的, 关口, 水平, 以来, 低位 */
    static const char *const NOT_NOUNS[] = {"之间", "之間", "以上", "以下", "以内", "以內",
                                            "左右", "上下", "的", "之", "关口", "關口", "水平",
                                            "以来", "以來", "来", "來", "低位", "高位", "附近",
                                            "）", "。", "或", NULL};
    if (starts(qe, p, "的") && !starts(qe + 3, p, "的") && g_utf8_strlen(qe + 3, p - qe - 3) >= 2)
        qe += 3; /* 1000万元的资金支持: the noun after 的 */
    for (const char *const *w = NOT_NOUNS; *w; w++)
        if (starts(qe, p, *w))
            return (Span){NULL, NULL};
    return g_utf8_strlen(qe, p - qe) >= 2 ? trimmed(qe, p) : (Span){NULL, NULL};
}

static gboolean subject_starting_at(const JbDict *dict, const char *p, const char *end)
{
    guint n;
    const JbWord *w = jb_word_set_candidates(jb_dict_subject_set(dict), p, end, &n);
    for (guint i = 0; i < n; i++)
        if (jb_word_at(&w[i], p, end))
            return TRUE;
    return FALSE;
}

/* 一 counting one thing in prose (一个平台, 一所学校) is the article "a", not a figure. Other
 * small counts are kept as the corpus's conventions keep them (两个…工具, 4家央企, 三日訪問);
 * so are 一 hedged (一万余家), larger (一百家), a fraction of a whole (一成) and a multiple
 * (一倍). */
static gboolean is_prose_count(const char *qs, const char *qe, const JbQuantity *q)
{
    static const char *const SMALL[] = {"一", NULL};
    static const char *const MORE = "十百千万亿点零〇一二两三四五六七八九";
    if (q->qualifier[0] || strcmp(q->unit, "%") == 0 || strcmp(q->unit, "倍") == 0 ||
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
static gboolean counts_list_before(const char *cs, const char *qs, const char *qe,
                                   const JbQuantity *q)
{
    static const char *const NUMERALS[] = {"两", "兩", "二", "三", "四", "五", "六", "七", "八",
                                           "九", "十", NULL};
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

/* A number inside a short quotation is a name or a slogan: “两个毫不动摇”, 「黃金50年」. */
static gboolean in_short_quote(const char *s, const char *qs, const char *qe, const char *end)
{
    static const char *const OPEN[] = {"“", "「", "『"}, *const CLOSE[] = {"”", "」", "』"};
    enum { KINDS = G_N_ELEMENTS(OPEN) };
    /* one walk back over at most 16 characters for every kind of quote: a kind's opening
     * mark before its closing one */
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
        for (const char *p = qe; p < end && p - qe < 3 * 16; p = g_utf8_next_char(p))
            if (starts(p, end, CLOSE[k])) {
                close = p;
                break;
            }
        if (close && g_utf8_strlen(open[k], close - open[k]) <= 16)
            return TRUE;
    }
    return FALSE;
}

/* Is a span of years written in Chinese numerals run into the word after it, opening its
 * clause or as what is done (完成三年整改, 五年新增): part of a name or an adverbial time,
 * not a quantity? (项目工期为三年。, 再延长三十年试点 and 判监13年 are quantities.) */
static gboolean span_of_years_in_name(const JbQuantity *q, const char *cs, const char *qs,
                                      const char *qe, const char *end)
{
    if (strcmp(q->unit, "年") != 0 || g_ascii_isdigit(*qs) || qe >= end)
        return FALSE;
    /* at the clause's start (五年新增…) or as what is done (完成三年整改); after a verb that
     * measures it, a span (再延长三十年试点: thirty years more) */
    static const char *const DONE[] = {"完成", "开展", "開展", "实施", "實施", "启动", "啟動",
                                       "推进", "推進", "部署", NULL};
    gboolean named = trimmed(cs, qs).a == qs;
    for (const char *const *w = DONE; *w && !named; w++)
        named = ends(cs, qs, *w);
    if (!named)
        return FALSE;
    gunichar ch = g_utf8_get_char(qe);
    if (ch < 0x4E00 || ch > 0x9FFF)
        return FALSE;
    static const char *const AFTER_SPAN[] = {"的", "来", "來", "内", "內", "间", "間", "后", "後",
                                             "前", "左", "半", "以", "多", "期", "度", "级", "級", NULL};
    for (const char *const *w = AFTER_SPAN; *w; w++)
        if (starts(qe, end, *w))
            return FALSE;
    return TRUE;
}

/* Years written in words that name an era, not a length measured (“十四五”是…发展的五年。
 * 下一个十年的主战场, 过去五年，…, 十年观察): no figure. */
static gboolean era_of_years(const JbQuantity *q, const char *cs, const char *qs,
                             const char *qe, const char *end)
{
    if (strcmp(q->unit, "年") != 0 || g_ascii_isdigit(*qs) || q->qualifier[0])
        return FALSE;
    static const char *const WHICH[] = {"下一个", "下一個", "上一个", "上一個", "下个", "下個",
                                        "新的", "未来", "未來", "过去", "過去", NULL};
    for (const char *const *w = WHICH; *w; w++)
        if (ends(cs, qs, *w))
            return TRUE;
    static const char *const LOOK[] = {"观察", "觀察", "回顾", "回顧", "巨变", "巨變", "变迁",
                                       "變遷", "历程", "歷程", NULL}; /* 十年观察: a feature's name */
    for (const char *const *w = LOOK; *w; w++)
        if (starts(qe, end, *w))
            return TRUE;
    return ends(cs, qs, "的") && (qe >= end || starts(qe, end, "。") || starts(qe, end, "，") ||
                                 starts(qe, end, "；") || starts(qe, end, "！"));
}

/* A category written in words before its noun (三类医疗器械, 国内三类设备): a class's name,
 * not a count — unless a list before it names the kinds counted (CT、MR、DSA三类设备). */
static gboolean category_name(const JbQuantity *q, const char *cs, const char *qs,
                              const char *qe, const char *end)
{
    if ((strcmp(q->unit, "类") != 0 && strcmp(q->unit, "類") != 0) || g_ascii_isdigit(*qs) ||
        qe >= end || q->qualifier[0])
        return FALSE;
    for (const char *p = cs; p < qs; p = g_utf8_next_char(p))
        if (starts(p, qs, "、"))
            return FALSE;
    gunichar ch = g_utf8_get_char(qe);
    return ch >= 0x4E00 && ch <= 0x9FFF && !starts(qe, end, "的") && !starts(qe, end, "等") &&
           !starts(qe, end, "和") && !starts(qe, end, "及") && !starts(qe, end, "共");
}

/* Is the figure ending at qe a bound that a noun right after it is qualified by (2000万元
 * 及以上的工业企业, 6000千瓦及以上电厂, 亿元以上重大项目)? A bound that ends its clause
 * (稳定在110万吨以上；) is a figure's. */
static gboolean bound_modifies_noun(const JbQuantity *q, const char *qe, const char *end)
{
    const char *r = qe;
    gboolean bound = strcmp(q->qualifier, "以上") == 0 || strcmp(q->qualifier, "以下") == 0;
    if (!bound) {
        if (starts(r, end, "及") || starts(r, end, "或"))
            r += strlen("及");
        if (!starts(r, end, "以上") && !starts(r, end, "以下"))
            return FALSE;
        r += strlen("以上");
    }
    if (starts(r, end, "的"))
        r += strlen("的");
    if (r >= end)
        return FALSE;
    gunichar ch = g_utf8_get_char(r);
    return ch >= 0x4E00 && ch <= 0x9FFF && !starts(r, end, "水平") && !starts(r, end, "规模") &&
           !starts(r, end, "增长") && !starts(r, end, "增速");
}

/* Words before a figure that make it a condition of who or what is meant, not a figure
 * (年满60周岁, ±800千伏 a class of lines). (身高1.65米 is a robot's figure; 身高1.2米以下儿童
 * is a bound before a noun.) */
static gboolean condition_before(const char *sent, const char *qs)
{
    static const char *const W[] = {"年满", "年滿", "不满", "不滿", "±", NULL};
    for (const char *const *w = W; *w; w++)
        if (ends(sent, qs, *w))
            return TRUE;
    return FALSE;
}

/* An age that says who someone is: 72岁的退休职工, 18-45岁的用户, 李某（48岁）. (An age
 * that is the figure ends its clause: 平均年龄为32.4岁。) */
static gboolean condition_age(const JbQuantity *q, const char *qs, const char *qe,
                              const char *sent, const char *end)
{
    if (strcmp(q->unit, "岁") != 0 && strcmp(q->unit, "歲") != 0 && strcmp(q->unit, "周岁") != 0 &&
        strcmp(q->unit, "週歲") != 0)
        return FALSE;
    /* (an age band before the group it names: 16-24岁劳动力失业率, 60岁及以上人口) */
    static const char *const GROUP[] = {"的", "以上", "以下", "及以上", "及以下", "人口", "劳动力",
                                        "勞動力", "青年", "老人", "老年", "群体", "群體", "人群",
                                        "儿童", "兒童", "用户", "用戶", "人士", "女性", "男性",
                                        "居民", "职工", "職工", "学生", "學生", "少年", "就业",
                                        "就業", "失业", "失業", NULL};
    for (const char *const *w = GROUP; *w; w++)
        if (starts(qe, end, *w))
            return TRUE;
    return (ends(sent, qs, "（") || ends(sent, qs, "(")) && (starts(qe, end, "）") || starts(qe, end, ")"));
}

/* Does a figure in Latin units stand before the noun it describes (5410mAh 电池, 90W 有线快充,
 * 65W快充)? It does when a Chinese character follows that neither ends nor continues a
 * clause with the figure as what is said (，、和 的 左右 以上 增长…). */
static gboolean latin_spec_before_noun(const char *qe, const char *end)
{
    const char *p = qe < end && *qe == ' ' ? qe + 1 : qe;
    if (p >= end || (guchar)*p < 0xE0)
        return FALSE;
    static const char *const GO_ON = "，。；：、？！）」”和与與及或至到的左右以上下增提降同比较較为為是达達占佔";
    char one[5] = {0};
    memcpy(one, p, MIN((gsize)(end - p), (gsize)3));
    return strstr(GO_ON, one) == NULL;
}

/* Hedges that set a threshold (营收超过50亿元的企业), not an estimate (最高1000万元的资金). */
static gboolean threshold_word(const char *qualifier)
{
    static const char *const W[] = {"超过", "超過", "超", "逾", "以上", "以下", "少于", "少於",
                                    "低于", "低於", "高于", "高於", "不足", "不到", "多于",
                                    "多於", "大于", "大於", "小于", "小於", "过", "過", NULL};
    for (const char *const *w = W; *qualifier && *w; w++) /* (most figures have none) */
        if (strcmp(qualifier, *w) == 0)
            return TRUE;
    return FALSE;
}

/* A hedge set apart from the number by a verb: 约占总装机的56%, 最高达到10亿元. Looks in
 * [a, qs) of one clause; returns the hedge word and its bound, or NULL. */
static const char *distant_hedge(const Ctx *c, const char *a, const char *qs, JbBound *bound)
{
    gboolean de = ends(a, qs, "的"); /* 超过 (at_least) counts only as 超过…的 */
    gsize best = G_N_ELEMENTS(HEDGES); /* the first of HEDGES found */
    a = look_back_from(a, qs);
    for (guint k = keyword_from(c, a); k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= qs)
            break;
        if (h->tag < kw_hedge || h->tag >= kw_fenbie || !hit_within(h, a, qs))
            continue;
        gsize i = (gsize)(h->tag - kw_hedge);
        if ((starts(h->at, qs, "约") || starts(h->at, qs, "約")) && h->at >= c->sentence_start + 3 &&
            strstr("节制签预公契条相合违婚特邀履隐節簽預條違隱", (char[4]){h->at[-3], h->at[-2], h->at[-1], 0}))
            continue; /* 签约合作: the end of a word, no hedge */
        if (i < best && (HEDGES[i].b != JB_BOUND_AT_LEAST || de))
            best = i;
    }
    if (best == G_N_ELEMENTS(HEDGES))
        return NULL;
    *bound = HEDGES[best].b;
    return HEDGES[best].w;
}



/* A digit in [a, b) other than a year's (约占公司2024年度营业收入的21.35%: the hedge is still
 * the figure's; 约120人，占比30%: it is not) */
static gboolean has_figure_digit(const char *a, const char *b)
{
    for (const char *p = a; p < b; p++) {
        if (!g_ascii_isdigit(*p))
            continue;
        const char *q = p;
        while (q < b && g_ascii_isdigit(*q))
            q++;
        if (!(q - p == 4 && starts(q, b, "年")))
            return TRUE;
        p = q;
    }
    return FALSE;
}

/* ---- declines ------------------------------------------------------------------------------ */

/* The verbs of a decline and the rise each mirrors, longest first. */
static const struct {
    const char *down, *up;
} DECLINES[] = {
    {"下降", "增长"}, {"下滑", "增长"}, {"萎缩", "增长"}, {"萎縮", "增長"}, {"回落", "回升"},
    {"降低", "提高"}, {"减少", "增加"}, {"減少", "增加"}, {"缩减", "增加"}, {"縮減", "增加"},
    {"下跌", "上涨"}, {"下挫", "上涨"}, {"下調", "上調"}, {"下调", "上调"}, {"跌", "涨"},
    {"降", "升"},     {"减", "增"},     {"減", "增"},     {"少", "多"},
};

/* Does a decline verb stand right before the number at qs (下降2.3%, 下降了2.3%, 跌0.26%; not
 * 下降至5%, a level)? Then a change is written signed under the rise it mirrors: the metric
 * in `metric` (the phrase as found) has its last decline verb turned into the rise. */
static gboolean decline_before(const char *cs, const char *qs, GString *metric)
{
    const char *end = qs;
    if (ends(cs, end, "了"))
        end -= strlen("了");
    for (gsize i = 0; i < G_N_ELEMENTS(DECLINES); i++) {
        if (!ends(cs, end, DECLINES[i].down))
            continue;
        if (ends(cs, end, "至少") || ends(cs, end, "不少") || ends(cs, end, "多少"))
            return FALSE; /* (至少: a hedge, and 少 no verb) */
        char *at = g_strrstr(metric->str, DECLINES[i].down);
        if (at) {
            gsize pos = (gsize)(at - metric->str);
            g_string_erase(metric, (gssize)pos, (gssize)strlen(DECLINES[i].down));
            g_string_insert(metric, (gssize)pos, DECLINES[i].up);
        }
        return TRUE;
    }
    return FALSE;
}

/* Is [a, b) only a word that joins the members of a list (和, 、, 与, 及, 以及)? */
static gboolean list_joiner(const char *a, const char *b)
{
    static const char *const W[] = {"和", "、", "与", "與", "及", "以及", "或", NULL};
    Span x = trimmed(a, b);
    for (const char *const *w = W; *w; w++)
        if (span_len(x) == strlen(*w) && memcmp(x.a, *w, span_len(x)) == 0)
            return TRUE;
    return FALSE;
}

/* The quote [x.a, x.b) of the number at [qs, qe), cut to a window around it (QUOTE_BEFORE
 * characters before the number, QUOTE_AFTER after) with "…" where it is cut: a clause of a
 * megabyte with no punctuation must not give each of its numbers a megabyte of quote. */
#define QUOTE_BEFORE 60
#define QUOTE_AFTER 30
static Span bounded_quote(GString *buf, Span x, const char *qs, const char *qe)
{
    const char *a = x.a, *b = x.b;
    const char *p = qs;
    for (int n = 0; p > a && n < QUOTE_BEFORE; n++) {
        p--;
        while (p > a && ((guchar)*p & 0xC0) == 0x80)
            p--;
    }
    gboolean cut_front = p > a;
    const char *q = qe;
    for (int n = 0; q < b && n < QUOTE_AFTER; n++)
        q = g_utf8_next_char(q);
    gboolean cut_back = q < b;
    if (!cut_front && !cut_back)
        return x;
    g_string_truncate(buf, 0);
    if (cut_front)
        g_string_append(buf, "…");
    g_string_append_len(buf, cut_front ? p : a, (cut_back ? q : b) - (cut_front ? p : a));
    if (cut_back)
        g_string_append(buf, "…");
    return (Span){buf->str, buf->str + buf->len};
}

const char *jb_extract_past_scope(const Ctx *c, const char *p, const char *limit)
{
    static const char *const SCOPE[] = {"全国", "全省", "全市", "全区", "我国", "国内", "全球",
                                        "其中", "此外", "另外", "同时", "上述", "这", "該", "该",
                                        "全國", "國內", "這", "内地", "內地", "本港", "全港",
                                        "本市", "本省", "截至", "截止", "在", "于", "於", NULL};
    for (gboolean moved = TRUE; p < limit && moved;) {
        moved = FALSE;
        while (p < limit && *p == ' ')
            p++, moved = TRUE;
        for (const char *const *w = SCOPE; *w; w++)
            if (starts(p, limit, *w)) {
                p += strlen(*w);
                moved = TRUE;
                break;
            }
        for (guint k = 0; k < c->times->len; k++) {
            const TimeRef *t = &g_array_index(c->times, TimeRef, k);
            if (t->at == p && t->end <= limit) {
                p = t->end;
                moved = TRUE;
            }
        }
    }
    return p;
}

/* The time a figure at [qs, qe) in clause ending `ce` takes from its sentence: the
 * nearest period named before it (or a base right before it: 較第一季的4.2%), else one
 * named after it in its clause (增长5.9%（2025年）). NULL when the sentence names none. */
static const TimeRef *figure_time(const Ctx *c, const JbQuantity *q, const char *qs,
                                  const char *qe, const char *ce)
{
    const GArray *refs = c->times;
    gboolean multiple = strcmp(q->unit, "倍") == 0; /* 为2020年的3倍: 3倍 is now, not 2020 */
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
    for (guint i = lo, seen = 0; i-- > 0 && seen < 64; seen++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->end > qs || !r->has_val || r->role == TIME_RESTATE || (r->local && r->end <= cs0))
            continue;
        const char *g = r->end;
        gboolean direct = g == qs || (lit_starts(g, qs, &(Lit)LIT("的")) && g + 3 == qs) ||
                          ((starts(g, qs, "（") && g + 3 == qs) || (*g == '(' && g + 1 == qs));
        if (direct && r->role != TIME_DAY && !(r->role == TIME_BASE && (multiple || r->share_of)))
            return r;
        if (r->role == TIME_PERIOD)
            return r;
        if (r->role == TIME_DAY && c->sentence_market)
            return r; /* 恒生指數今日收報17430點，升320點: a market's figures are the day's */
    }
    for (guint i = first_after; i < refs->len; i++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->at >= ce)
            break;
        if (r->at >= qe && r->end <= ce && r->has_val && r->role == TIME_PERIOD)
            return r;
    }
    return NULL;
}

/* Does the sentence being read hold a market word (found with its keywords)? */
static gboolean market_sentence(const Ctx *c)
{
    return c->sentence_market;
}

/* The last day the sentence names before `qs` as the day something was said or done
 * (日本央行5月1日宣布维持0.5%的利率, 3月11日全国民航执行航班14862班次): the time of a figure
 * whose sentence names no period, before any carried from an earlier sentence. */
static gboolean sentence_day(const Ctx *c, const char *qs, JbPeriod *out)
{
    gboolean found = FALSE;
    for (guint i = 0; i < c->times->len; i++) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, i);
        if (r->at >= qs)
            break;
        /* (a date written out: 昨日, 当日 are the published day's neighbours, which a
         * briefing or a report reads its own way) */
        /* (the end of a span from a day, 今日起至本周五: its start is when it is said) */
        gboolean span_end = r->at > c->sentence_start &&
                            (ends(c->sentence_start, r->at, "至") || ends(c->sentence_start, r->at, "到"));
        if (r->role == TIME_DAY && r->has_val && jb_period_freq(&r->val) == JB_FREQ_DAY &&
            (g_ascii_isdigit(*r->at) || r->weekday) && !span_end && !r->local) {
            *out = r->val;
            found = TRUE;
        }
    }
    return found;
}

/* The words between a base of comparison and the change measured from it (比年初增加,
 * 较8月末下跌约16.9%): a change verb, a hedge. */
static gboolean change_words_only(const char *a, const char *b)
{
    static const char *const VERBS[] = {"增加", "新增", "净增", "淨增", "净减", "淨減", "减少", "減少", "下降", "下跌", "上涨",
                                        "上漲", "上升", "提高", "增长", "增長", "回落", "降低",
                                        "扩大", "擴大", "缩小", "縮小", "升值", "贬值",
                                        "貶值", "多", "少", NULL};
    static const char *const EXTRA[] = {"了", "约", "約", "近", "超过", "超過", "逾", NULL};
    Span x = trimmed(a, b);
    gboolean verb = FALSE;
    for (const char *p = x.a; p < x.b;) {
        const char *next = NULL;
        for (const char *const *w = VERBS; *w && !next; w++)
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

/* A change measured from a base of comparison that is a point in time (比年初增加6428亿元,
 * 较8月末下跌16.9%, 比上年末增加9万人, 分别比2020年底增加1.9万公里和1.2万公里) is the change
 * over the span from the base to the figure's time: `period` (a point) becomes that span
 * (2025-01/2025-10; 2025-09; 2024; 2021/2025). The members of a list after the first take
 * its base. */
static void change_since_base(Ctx *c, const char *sent, const char *cs0, const char *qs,
                              const char *qe, char period[JB_PERIOD_MAX])
{
    const TimeRef *base = NULL;
    for (guint i = 0; i < c->times->len; i++) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, i);
        if (r->at >= qs)
            break;
        /* (a point in time: 年初, 上年末, 8月末, 2020年底 — not a period compared with, as
         * 较上季, 较上年同期, 较一季度) */
        gboolean point = ends(r->at, r->end, "末") || ends(r->at, r->end, "底") ||
                         ends(r->at, r->end, "初") ||
                         (r->has_val && r->val.start.kind == JB_POINT_DAY); /* 较上周五 */
        if (r->at >= cs0 && r->role == TIME_BASE && r->has_val && !r->share_of && point &&
            change_words_only(r->end, qs))
            base = r;
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
    c->change_end = NULL;
    JbPeriod p;
    if (!have || !period[0] || !jb_period_parse(period, &p, NULL) ||
        jb_period_first_day(&p) != jb_point_first_day(&p.end))
        return; /* (the figure's time is a point, not a span already) */
    JbPoint last = jb_point_of_days(jb_period_end_day(&p) - 1);
    JbPoint to = {JB_POINT_MONTH, last.year, last.n, 0};
    if (jb_point_first_day(&from.start) > jb_point_first_day(&to))
        return;
    c->change_end = qe;
    c->change_from = from;
    JbPeriod span = {from.start, to};
    if (from.start.n == 1 && to.n == 12)
        span = (JbPeriod){{JB_POINT_YEAR, from.start.year, 0, 0}, {JB_POINT_YEAR, to.year, 0, 0}};
    if (jb_point_first_day(&span.start) == jb_point_first_day(&span.end) &&
        span.start.kind == span.end.kind)
        span.end = span.start;
    jb_period_format(&span, period);
}

/* A market's close or quote given in a span's sentence (本周累计上涨2.35%，收报24187.62点;
 * 本周…；离岸人民币兑美元报7.1302) is a level on the span's last trading day (to the
 * published one), not the span's. Spans of days only: 7月…指数报306.2 is a monthly index. */
static void close_of_span(const Ctx *c, const char *cs0, const char *qs, char period[JB_PERIOD_MAX])
{
    static const char *const CLOSE[] = {"收报", "收報", "报收", "報收", "收于", "收於", "收在",
                                        "收盘报", "收盤報", "收市报", "收市報", NULL};
    gboolean close = FALSE;
    for (const char *const *w = CLOSE; *w && !close; w++)
        close = ends(cs0, qs, *w);
    /* (a quote: 离岸人民币兑美元报7.1302) */
    close = close || (c->sentence_market && (ends(cs0, qs, "报") || ends(cs0, qs, "報")));
    JbPeriod p, today;
    if (!close || !period[0] || !jb_period_parse(period, &p, NULL) ||
        jb_period_freq(&p) == JB_FREQ_DAY || p.start.kind != JB_POINT_DAY ||
        !jb_extract_default_day(&c->anchor, TRUE, &today))
        return;
    gint64 last = MIN(jb_period_end_day(&p), jb_period_end_day(&today)) - 1;
    gint64 day = jb_extract_trading_day_after(last - 8); /* (a week holds a trading day) */
    for (gint64 d = day; d <= last; d = jb_extract_trading_day_after(d))
        day = d;
    if (day > last || day < jb_period_first_day(&p))
        return;
    JbPeriod close_day = jb_period_of(jb_point_of_days(day));
    jb_period_format(&close_day, period);
}

/* The period of a figure: a 分别 list's year, its time, the time carried from the
 * paragraph's earlier sentences, the story's opening period, else the published day (a
 * trading day for a market figure; last year for a running total in January or
 * February); "" when no date is known. */
static void statement_period(Ctx *c, const char *override, const TimeRef *t, gboolean now,
                             gboolean running, const char *cs0, const char *qs,
                             char out[JB_PERIOD_MAX])
{
    JbPeriod p;
    if (override) {
        g_strlcpy(out, override, JB_PERIOD_MAX);
        return;
    }
    if (t) {
        p = t->val;
    } else if (sentence_day(c, qs, &p)) {
    } else if (c->have_carry_in && !now &&
               (!running || jb_period_freq(&c->carry_in) == JB_FREQ_YTD)) {
        p = c->carry_in; /* (a running total takes a carried 1—10月: it is one itself) */
    } else if (running && jb_extract_frame_period(c, &p)) {
    } else if (running && c->have_lead && jb_period_freq(&c->lead) != JB_FREQ_YEAR) {
        /* 春节假期（2月15日至23日）…累计接待游客: the story's holiday (a year is a story's
         * past, 公司去年收入…累计完成逾3万例手术: a lifetime total is to date) */
        p = c->lead;
    } else if (!now && !running && jb_extract_default_period(c, TRUE, &p)) {
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
        if (cumulative && d->kind >= JB_POINT_MONTH && d->n <= 2) {
            p = jb_period_of((JbPoint){JB_POINT_YEAR, d->year - 1, 0, 0});
        } else if (!jb_extract_default_day(&c->anchor, c->anchor.briefing || market_sentence(c),
                                           &p)) {
            out[0] = '\0'; /* (the article warned that it found no date) */
            return;
        }
    }
    jb_period_format(&p, out);
}

/* Does `period` begin after the published day? */
static gboolean after_published(const Ctx *c, const char *period)
{
    JbPeriod p;
    if (!c->anchor.day.kind || !period[0] || !jb_period_parse(period, &p, NULL))
        return FALSE;
    return jb_period_first_day(&p) >= jb_point_end_day(&c->anchor.day);
}

void jb_extract_add_statement(Ctx *c, const char *sent, const char *sent_end, const JbQuantity *q,
                          const char *prev_end, guint line, const char *period_override,
                          const char *subject_override, const char *metric_override)
{
    const char *qs = sent + q->start, *qe = sent + q->end;
    /* A headline repeats the body's figures in fewer words: the same value in the same
     * unit is the same statement. Only a figure the body does not state is kept. (A few
     * numbers in a headline against the body's statements: a loop, no index.) */
    for (guint i = 0; c->headline && i < c->body_statements; i++) {
        const JbStatement *b = g_ptr_array_index(c->out, i);
        JbDecimal bv = b->q.value; /* (the body may say it as a signed decline) */
        bv.mant = bv.mant < 0 ? -bv.mant : bv.mant;
        if (jb_decimal_equal(bv, q->value) && jb_unit_same(b->q.unit, q->unit))
            return;
    }
    if (is_prose_count(qs, qe, q) || in_short_quote(sent, qs, qe, sent_end) ||
        (c->definition_at && c->definition_at < qs))
        return;
    if (strcmp(q->qualifier, "数") == 0 || strcmp(q->qualifier, "數") == 0 ||
        strcmp(q->qualifier, "几") == 0 || strcmp(q->qualifier, "幾") == 0)
        return; /* 数亿元, 几十万台: a vague amount, no figure to chart (上百, 上万: at least) */
    const char *digits = qs + (q->qualifier[0] && starts(qs, qe, q->qualifier) ? strlen(q->qualifier) : 0);
    if ((starts(digits, qe, "亿") || starts(digits, qe, "万")) && starts(qe, sent_end, "的"))
        return; /* 销售额过亿元的企业: a class of things, not a figure */
    /* (after a verb that gets or counts it, a hedged amount is an amount: 已拿到超过1500台的订单) */
    static const char *const GOT[] = {"拿到", "获得", "獲得", "收到", "斩获", "斬獲", "签下", "簽下",
                                      "吸引", "带动", "帶動", "实现", "實現", "完成", "达成", "達成",
                                      "累计", "累計", "共有", "有", "新增", "吸纳", "吸納", NULL};
    gboolean got = FALSE;
    for (const char *const *w = GOT; *w && !got; w++)
        got = ends(sent, qs, *w);
    if (threshold_word(q->qualifier) && starts(qe, sent_end, "的") && strcmp(q->unit, "%") != 0 &&
        !jb_unit_is_points(q->unit) && !got)
        return; /* 营收超过50亿元的企业, 每月入息少於10000元的家庭: a threshold that defines a
                 * group (超过50%的企业 still says how many there are) */
    if (strcmp(q->unit, "%") != 0 && !jb_unit_is_points(q->unit) && !got &&
        bound_modifies_noun(q, qe, sent_end))
        return; /* 2000万元及以上的工业企业, 6000千瓦及以上电厂, 亿元以上重大项目: a class */
    if (span_of_years_in_name(q, jb_extract_clause_start(c, sent, qs), qs, qe, sent_end) ||
        era_of_years(q, jb_extract_clause_start(c, sent, qs), qs, qe, sent_end) ||
        category_name(q, jb_extract_clause_start(c, sent, qs), qs, qe, sent_end))
        return; /* 完成三年整改, 五年新增3.1万公里, 下一个十年: a span that names a programme or a time */
    if (strcmp(q->unit, "手") == 0 && (starts(qs, qe, "二") || starts(qs, qe, "一")) &&
        qe - qs == (gssize)strlen("二手"))
        return; /* 二手住宅, 一手房: second-hand, not two lots */
    if (condition_before(sent, qs) || starts(qs, qe, "±") || condition_age(q, qs, qe, sent, sent_end))
        return; /* 年满60周岁的老人, 身高1.2米以下, ±800千伏, 李某（48岁）: who or what, no figure */
    if ((strcmp(q->unit, "人") == 0 || strcmp(q->unit, "口") == 0) &&
        (starts(qe, sent_end, "家庭") || starts(qe, sent_end, "住户") ||
         starts(qe, sent_end, "住戶") || starts(qe, sent_end, "户") || starts(qe, sent_end, "戶") ||
         starts(qe, sent_end, "之家")))
        return; /* 5人家庭住戶, 三口之家: a kind of household, not a count of people */
    if (starts(qe, sent_end, "的占") || starts(qe, sent_end, "的佔"))
        return; /* 50元以下的占67.4%, 50-100元的占21.3%: the group a share is of */
    if (starts(qe, sent_end, "兑") || starts(qe, sent_end, "兌"))
        return; /* 1美元兑7.08元人民币: the base of an exchange rate, not a figure */
    if (g_ascii_isalpha(q->unit[0]) && latin_spec_before_noun(qe, sent_end))
        return; /* 5410mAh 电池, 90W 有线快充: a part's spec that names it, no figure */
    if (!q->unit[0] && qe < sent_end && g_ascii_isalpha(*qe))
        return; /* 1423亿GB: a unit in Latin letters is never read (see jb_number.h) */
    const char *cs0 = jb_extract_clause_start(c, sent, qs);
    const char *cs = cs0;
    /* a list or a headline puts several figures in one clause: "150家、连接…" */
    if (prev_end && prev_end > cs && prev_end <= qs)
        cs = prev_end;
    for (const char *p = cs; p < qs; p = g_utf8_next_char(p)) {
        gunichar ch = jb_word_char_at(p, qs);
        if (ch == ' ' || ch == 0x3001 /* 、 */)
            cs = g_utf8_next_char(p);
    }
    const char *ce = clause_end_in(c, qe, sent_end);

    const char *subj_word = NULL;
    const char *subj_at = last_subject(c->subjects, qs, &subj_word);
    if (subject_override)
        subj_word = subject_override; /* 分别: this member's own subject */
    /* The metric phrase starts at the clause's first subject, so a run of subjects stays
     * whole: 专精特新中小企业, not 中小企业. */
    const char *cut_at = subj_at;
    for (const char *p = cs; subj_at && subj_at >= cs && p < subj_at; p = g_utf8_next_char(p))
        if (subject_starting_at(c->dict, p, qs)) {
            cut_at = p;
            break;
        }

    const TimeRef *t = figure_time(c, q, qs, qe, ce);
    gboolean have_time = t != NULL;

    /* The figure first (metric, id, value, unit, bound): a figure the article already gave
     * is not built any further. */
    const char *subject = subj_word ? subj_word : "";
    Span metric_at = following_noun(c->list_tail ? c->list_tail : qe, ce);
    gboolean noun_after = metric_at.a != NULL;
    if (!metric_at.a && c->member) { /* a 分别 list's member paired with its subject: its own
                                      * words, not the list's */
        metric_at = metric_phrase(c->member, c->member + strlen(c->member), NULL, NULL);
    } else if (!metric_at.a) {
        /* what precedes the time is no part of the metric (2025年我国…), unless it is a
         * market's day (恒生指數今日收報); a time in brackets ends with them (国庆档（10月1日
         * —8日）总票房) */
        const char *cut = have_time && t->end <= qs && t->role != TIME_DAY ? t->end : NULL;
        if (cut && (starts(cut, qs, "）") || *cut == ')'))
            cut += *cut == ')' ? 1 : strlen("）");
        metric_at = metric_phrase(cs, qs, cut_at, cut);
    }
    if (metric_override && !span_len(metric_at)) /* a later member of a 分别 list */
        metric_at = (Span){metric_override, metric_override + strlen(metric_override)};
    if (!span_len(metric_at) && prev_end && c->out->len) { /* a later member of a list */
        const JbStatement *first = g_ptr_array_index(c->out, c->out->len - 1);
        if (first->sentence == c->sentence)
            metric_at = (Span){first->metric, first->metric + strlen(first->metric)};
    }
    const char *metric = span_str(c->metric_buf, metric_at);
    JbQuantity qq = *q;
    gboolean declined = decline_before(cs, qs, c->metric_buf);
    if (!declined && c->decline_end && c->decline_end >= sent && c->decline_end <= qs &&
        list_joiner(c->decline_end, qs))
        declined = TRUE; /* 分别下降0.6%和0.2%: the list's later members decline too */
    else if (declined)
        metric = c->metric_buf->str;
    c->decline_end = declined ? qe : NULL;
    if (declined) { /* 同比下降2.3% → 同比增长 −2.3% */
        qq.value.mant = -qq.value.mant;
        qq.high.mant = -qq.high.mant;
        if (qq.is_range) {
            JbDecimal lo = qq.high;
            qq.high = qq.value;
            qq.value = lo;
        }
        metric_at = (Span){metric, metric + strlen(metric)};
    }
    if (qq.bound == JB_BOUND_EXACT && !qq.qualifier[0]) {
        JbBound b;
        const char *from = prev_end && prev_end > cs0 ? prev_end : cs0;
        const char *h = has_figure_digit(from, qs) ? NULL : distant_hedge(c, from, qs, &b);
        if (h) {
            g_strlcpy(qq.qualifier, h, sizeof qq.qualifier);
            qq.bound = b;
        }
    }

    /* Quote from the clause that names the subject when the number's clause does not. */
    const char *quote_from = cs;
    if (subj_at && subj_at < cs)
        quote_from = jb_extract_clause_start(c, sent, subj_at);

    const JbMetric *m = NULL;
    if (c->dict && c->member) { /* (its words and a noun after the values: 分别为5家和3家企业) */
        g_string_assign(c->context_buf, c->member);
        if (noun_after)
            g_string_append(c->context_buf, metric);
        m = jb_dict_match_in(c->dict, noun_after ? c->context_buf->str : metric, subject, q->unit,
                             TRUE); /* (a whole phrase, as a lone figure's: 新能源汽车出口量
                                     * is no 出口) */
    } else if (c->dict && !c->member_unknown)
        m = jb_dict_match_in(c->dict, metric[0] ? metric : "", subject, q->unit, !subject_override);
    if (!m && c->dict && !c->member && !c->member_unknown) { /* the metric named earlier in the number's own clause */
        /* from the clause naming the subject, but not into an earlier list member's
         * words: …专精特新中小企业超14万家、科技和创新型中小企业超60万家 */
        const char *from = quote_from < cs0 ? quote_from : cs0;
        if (prev_end && prev_end > from && prev_end <= qs)
            from = prev_end;
        from = look_back_from(from, qs);
        m = jb_dict_match_in(c->dict, span_str(c->context_buf, (Span){from, qs}), subject, q->unit,
                             !subject_override);
    }

    if (m && counts_list_before(cs0, qs, qe, q))
        m = NULL; /* 大模型和智能制造两个方向: how many, not a count of 大模型 */
    if (m && !jb_dict_in_scope(c->dict, m, sent, qs))
        m = NULL; /* 美国二季度GDP增长2.8%, 集成电路出口额…，进口额增长14%: another's figure */

    gboolean forecast_here = FALSE, actual_here = FALSE, now_here = FALSE;
    const char *near = look_back_from(cs0, qs);
    for (guint k = keyword_from(c, near); k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= qs)
            break;
        if (h->tag < kw_actual) {
            forecast_here = forecast_here || hit_within(h, near, qs);
        } else if (h->tag < kw_hedge && hit_within(h, near, qs)) {
            actual_here = TRUE;
            /* (累计 says done, not when: the running total of the period in force) */
            now_here = now_here || !ACTUAL_CUMULATIVE(h->tag);
        }
    }
    /* a forecast word in an earlier clause (sentence_words found the first) */
    gboolean forecast_before = c->forecast_end && c->forecast_end <= cs0;
    gboolean forecast = forecast_here || forecast_before;
    /* a share of a target or plan is how much of it is done (完成全年目标任务的91.7%) */
    static const char *const OF_TARGET[] = {"目标的", "目標的", "目标任务的", "目標任務的", "计划的",
                                            "計劃的", "任务的", "任務的", NULL};
    for (const char *const *w = OF_TARGET; *w && forecast; w++)
        if (ends(sent, qs, *w) && !(have_time && t->future_word))
            forecast = FALSE;
    if (have_time && t->future_word)
        forecast = TRUE;
    if (!forecast && !actual_here && !c->headline && jb_extract_under_plan_heading(c))
        forecast = TRUE; /* under 二、2026年主要预期目标: the targets */
    if (have_time && t->event && actual_here && !forecast_here)
        have_time = FALSE; /* 去年推出的计划已惠及1.5万户: the launch's time, not the total's */
    /* (a running total over a period still to come is a target: “十四五”时期…累计建成…不少于80个) */
    gboolean actual = !forecast_here && actual_here && !(have_time && t->end > cs0) &&
                      !(have_time && t->future_word);
    if (actual && forecast) { /* already achieved: now, not when the forecast is for */
        forecast = FALSE;
        have_time = FALSE;
    }
    gboolean period_stated = period_override || have_time;

    /* A figure repeated in the body (two paragraphs saying it) is one statement; within a
     * sentence a repeat is a list member (3个、2个、2个) and stays. */
    /* A clause that says little before its number (达到11.2%) is quoted with the one before
     * it, which names what the number is about. */
    if (quote_from == cs0 && cs0 > sent && g_utf8_strlen(cs0, qs - cs0) <= 4)
        quote_from = jb_extract_clause_start(c, sent, cs0 - 1);
    Span quote = bounded_quote(c->context_buf, trimmed(quote_from, ce), qs, qe);
    char period[JB_PERIOD_MAX];
    /* (a running total, 累计, with no time of its own: of the story's frame — a release's
     * 1—10月 — else to date; not of a time the last sentence named) */
    statement_period(c, period_override, have_time ? t : NULL, actual && now_here,
                     actual && !now_here, cs0, qs, period);
    if (!period_override) {
        change_since_base(c, sent, cs0, qs, qe, period);
        close_of_span(c, cs0, qs, period);
    }
    g_autofree char *quote_text = g_strndup(quote.a, span_len(quote));
    JbStatement probe = {.subject = (char *)subject, .metric = (char *)metric,
                         .metric_id = (char *)(m ? m->id : ""), .q = qq, .period = period,
                         .period_stated = period_stated, .quote = quote_text, .line = line};
    JbStatement *earlier = jb_extract_same_figure(c->seen, &probe);
    if (earlier && earlier->sentence != c->sentence) {
        if (period_stated && !earlier->period_stated) { /* keep the fuller statement */
            g_strlcpy(earlier->period, period, JB_PERIOD_MAX);
            earlier->period_stated = TRUE;
        }
        return;
    }

    JbStatement *s = jb_extract_statement_new(subject, metric_at, probe.metric_id,
                                              (Span){quote_text, quote_text + span_len(quote)},
                                              period);
    s->source = g_ref_string_acquire(c->source);
    s->published = g_ref_string_acquire(c->published);
    s->publisher = g_ref_string_acquire(c->publisher);
    s->title = g_ref_string_acquire(c->title);
    s->url = g_ref_string_acquire(c->url);
    s->q = qq;
    s->line = line;
    s->sentence = c->sentence;
    s->forecast = forecast;
    s->period_stated = period_stated;
    if (!actual && after_published(c, s->period))
        s->forecast = TRUE; /* a value for a period after publication can only be expected */
    jb_extract_remember(c->seen, s);
    g_ptr_array_add(c->out, s);
}


void jb_extract_add_table_statement(Ctx *c, const char *subject, const char *metric,
                                    const JbQuantity *q, const char *quote, const char *period,
                                    guint line, gboolean stated, gboolean estimate)
{
    const JbMetric *m = c->dict ? jb_dict_match(c->dict, metric, subject, q->unit) : NULL;
    if (!m && c->dict && subject[0]) {
        g_autofree char *both = g_strconcat(subject, metric, NULL);
        m = jb_dict_match(c->dict, both, subject, q->unit);
    }
    JbStatement probe = {.subject = (char *)subject, .metric = (char *)metric,
                         .metric_id = (char *)(m ? m->id : ""), .q = *q, .period = (char *)period,
                         .period_stated = stated, .quote = (char *)quote, .line = line};
    JbStatement *earlier = jb_extract_same_figure(c->seen, &probe);
    if ((earlier && strcmp(earlier->period, period) == 0) ||
        jb_extract_said_in_prose(c, subject[0] ? subject : metric, q, period)) /* (the row label) */
        return; /* the prose said it */
    JbStatement *s = jb_extract_statement_new(subject, (Span){metric, metric + strlen(metric)},
                                              probe.metric_id,
                                              (Span){quote, quote + strlen(quote)}, period);
    s->source = g_ref_string_acquire(c->source);
    s->published = g_ref_string_acquire(c->published);
    s->publisher = g_ref_string_acquire(c->publisher);
    s->title = g_ref_string_acquire(c->title);
    s->url = g_ref_string_acquire(c->url);
    s->q = *q;
    s->line = line;
    s->sentence = c->sentence;
    s->period_stated = stated;
    s->forecast = estimate || after_published(c, s->period);
    jb_extract_remember(c->seen, s);
    g_ptr_array_add(c->out, s);
}

int jb_extract_kw_fenbie(void)
{
    keyword_set();
    return kw_fenbie;
}

