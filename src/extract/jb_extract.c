/* jb_extract.c — stage 1 proper: the statements of an article. Sentence by sentence it
 * finds the clause separators, subjects and keywords, then for each quantity the subject,
 * the metric phrase and its dictionary id, the period, forecast or not, and the quote.
 *
 * Not for: time expressions (jb_extract_period.c), metrics.csv rows and the streaming
 * writer (jb_extract_writer.c).
 */
#include "jb_extract_priv.h"

#include <string.h>

void jb_statement_free(JbStatement *s)
{
    if (!s)
        return;
    g_ref_string_release(s->source);
    g_ref_string_release(s->published);
    g_free(s); /* and its strings, in the same block (statement_new) */
}

/* ---- small UTF-8 helpers over byte ranges ------------------------------------------- */

/* A set of the first characters of a fixed list (built once, kept for the process): where
 * none of them is at hand, the list need not be tried word by word. */
JbWordSet *jb_extract_lit_set(const Lit *list, gsize n)
{
    JbWordSet *set = jb_word_set_new();
    for (gsize i = 0; i < n; i++)
        jb_word_set_add(set, list[i].s, (int)i);
    return set;
}

/* A piece of the text being read, [a, b): no copy until a statement keeps it. */
typedef struct {
    const char *a, *b;
} Span;

/* [a, b) without the spaces and tabs at its ends. */
static Span trimmed(const char *a, const char *b)
{
    while (a < b && (*a == ' ' || *a == '\t'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    return (Span){a, b};
}

static gsize span_len(Span x)
{
    return (gsize)(x.b - x.a);
}

/* `x` as a C string in `buf` (reused): for the lookups that need one. */
static const char *span_str(GString *buf, Span x)
{
    g_string_truncate(buf, 0);
    g_string_append_len(buf, x.a, (gssize)span_len(x));
    return buf->str;
}

/* A statement and its strings in one allocation: the struct, then period (JB_PERIOD_MAX
 * bytes, so that a fuller period can replace it), subject, metric, metric_id and quote.
 * Thousands of statements a second: one malloc each instead of six. */
static JbStatement *statement_new(const char *subject, Span metric, const char *metric_id,
                                  Span quote, const char *period)
{
    gsize ls = strlen(subject) + 1, lm = (gsize)(metric.b - metric.a) + 1;
    gsize li = strlen(metric_id) + 1, lq = (gsize)(quote.b - quote.a) + 1;
    JbStatement *s = g_malloc0(sizeof *s + JB_PERIOD_MAX + ls + lm + li + lq);
    char *p = (char *)(s + 1);
    s->period = p;
    g_strlcpy(p, period, JB_PERIOD_MAX);
    p += JB_PERIOD_MAX;
    s->subject = memcpy(p, subject, ls);
    p += ls;
    s->metric = memcpy(p, metric.a, lm - 1);
    p[lm - 1] = '\0';
    p += lm;
    s->metric_id = memcpy(p, metric_id, li);
    p += li;
    s->quote = memcpy(p, quote.a, lq - 1);
    p[lq - 1] = '\0';
    return s;
}

/* ---- metric phrase ---------------------------------------------------------------------- */

/* Words that open or close a clause without naming anything: dropped from the metric. */
static const Lit LEADING_FILLERS[] = {
    LIT("截至目前"), LIT("截止目前"), LIT("目前"), LIT("当前"),   LIT("眼下"),   LIT("现在"),
    LIT("我国"),     LIT("中国"),     LIT("全国"), LIT("国内"),   LIT("据测算"), LIT("据统计"),
    LIT("据介绍"),   LIT("数据显示"), LIT("其中"), LIT("同时"),   LIT("此外"),   LIT("另外"),
    LIT("已经"),     LIT("已"),       LIT("累计"), LIT("共计"),   LIT("总计"),   LIT("合计"),
    LIT("共"),       LIT("预计"),     LIT("力争"), LIT("有望"),   LIT("将"),     LIT("还"),
    LIT("并"),       LIT("约"),       LIT("的"),   LIT("底"),     LIT("末"),     LIT("，"),
    LIT(","),        LIT(" "),        LIT("和"),   LIT("及")};
static const Lit TRAILING_FILLERS[] = {
    LIT("分别"), LIT("预计"), LIT("有望"), LIT("力争"), LIT("已经"), LIT("已达"),
    LIT("已有"), LIT("拥有"), LIT("有"),   LIT("已"),   LIT("将"),   LIT("达到"),
    LIT("达"),   LIT("为"),   LIT("是"),   LIT("约"),   LIT("共"),   LIT("累计"),
    LIT("实现"), LIT("保持"), LIT("的"),   LIT(" ")};

static Span metric_phrase(const char *cstart, const char *qstart, const char *subject_at,
                           const char *time_end)
{
    const char *a = cstart, *b = qstart;
    if (time_end && time_end > a && time_end <= b)
        a = time_end; /* "2025年我国…" → "我国…" */
    if (subject_at && subject_at >= a && subject_at < b)
        a = subject_at; /* drop what precedes the subject */
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

static const char *const FORECAST_WORDS[] = {"预计", "力争", "有望", "目标", "预期", "计划",
                                             "将", NULL};

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
              {"约达", JB_BOUND_ABOUT},       {"最高达到", JB_BOUND_AT_MOST},
              {"最高可达", JB_BOUND_AT_MOST}, {"最高可获", JB_BOUND_AT_MOST},
              {"最高达", JB_BOUND_AT_MOST},   {"最高为", JB_BOUND_AT_MOST},
              {"最高补助", JB_BOUND_AT_MOST}, {"最高给予", JB_BOUND_AT_MOST},
              {"最多可获", JB_BOUND_AT_MOST}, {"最多达到", JB_BOUND_AT_MOST},
              {"超过", JB_BOUND_AT_LEAST}};

typedef struct {
    const JbArticle *article;
    const JbDict *dict;
    TimeAnchor anchor;  /* the published date of the section being read */
    GPtrArray *out;
    char *source, *published; /* the article's path and the section's date, shared by its
                               * statements (GRefString) */
    /* the periods in force: the last time the paragraph named (carry), and the period the
     * story's opening sentence named (lead: a release's quarter holds for its figures) */
    JbPeriod carry, lead;
    gboolean have_carry, have_lead, lead_open;
    gboolean warned_no_date;
    JbPeriod carry_in; /* the carried period as the sentence being read began */
    gboolean have_carry_in;
    GHashTable *seen; /* JbStatements of `out` by figure (figure_hash): the latest of each */
    guint body_statements;   /* how many of `out` the body gave (the rest: headlines) */
    guint sentence;          /* number of the sentence being read, from 1 */
    gboolean headline;       /* reading the headlines (after the body) */
    GPtrArray *warnings;     /* NULL, or where to report what could not be read */
    GArray *subjects;        /* SubjectHit of the sentence being read */
    GArray *times;           /* TimeRef of the sentence being read, resolved in order */
    GArray *quantities;      /* JbQuantity of the sentence being read */
    GArray *keywords;        /* WordHit: every KEYWORDS word in the sentence being read */
    GArray *seps;            /* Sep: the clause separators of the sentence being read */
    GString *metric_buf, *context_buf; /* scratch: text looked up in the dictionary */
} Ctx;

/* A clause separator (， , ； ; ： :) in the sentence being read: [at, end). */
typedef struct {
    const char *at, *end;
} Sep;

/* Start of the clause holding `at` (in the sentence being read): after the last separator
 * before it, or the sentence's start `s`. */
static const char *clause_start_in(const Ctx *c, const char *s, const char *at)
{
    for (guint i = c->seps->len; i-- > 0;) {
        const Sep *x = &g_array_index(c->seps, Sep, i);
        if (x->end <= at)
            return x->end;
    }
    return s;
}

/* End of the clause holding `at`: the next separator, or the sentence's end. */
static const char *clause_end_in(const Ctx *c, const char *at, const char *end)
{
    for (guint i = 0; i < c->seps->len; i++) {
        const Sep *x = &g_array_index(c->seps, Sep, i);
        if (x->at >= at)
            return x->at;
    }
    return end;
}

/* Where a word of the fixed lists (forecast, actual, hedge words) occurs in the sentence:
 * found in one pass per sentence instead of a memmem per word and number. */
typedef struct {
    const char *at;
    gsize len;
    int tag; /* the word's: see keyword_set() */
} WordHit;

/* The forecast, actual and hedge words and 分别 as one set, built once. A word's tag is its
 * place in FORECAST_WORDS, then ACTUAL_WORDS, then HEDGES, then 分别: [0, kw_actual)
 * forecast words, [kw_actual, kw_hedge) actual words, [kw_hedge, kw_fenbie)
 * HEDGES[tag - kw_hedge], kw_fenbie 分别, kw_market every market word. */
static int kw_actual, kw_hedge, kw_fenbie /* 分别 */, kw_market /* the last */,
    kw_jiang /* 将 */;

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
                kw_jiang = n;
        }
        kw_actual = n;
        for (const char *const *w = ACTUAL_WORDS; *w; w++, n++)
            jb_word_set_add(set, *w, n);
        kw_hedge = n;
        for (gsize i = 0; i < G_N_ELEMENTS(HEDGES); i++, n++)
            jb_word_set_add(set, HEDGES[i].w, n);
        kw_fenbie = n++;
        jb_word_set_add(set, "分别", kw_fenbie);
        kw_market = n;
        for (const char *const *w = MARKET_WORDS; *w; w++)
            jb_word_set_add(set, *w, kw_market);
        g_once_init_leave(&done, 1);
    }
    return set;
}

static inline gboolean hit_within(const WordHit *h, const char *a, const char *b)
{
    return h->at >= a && h->at + h->len <= b;
}

typedef struct {
    const char *at, *end, *word;
} SubjectHit;

/* What the numbers of the sentence [a, b) look back at, in one pass over its characters,
 * each in text order: its clause separators into c->seps; every occurrence (overlapping
 * ones too) of every keyword into c->keywords; every subject word outside 《book titles》
 * (《关于支持人工智能…的若干措施》 names a document) into c->subjects. */
static void sentence_words(Ctx *c, const char *a, const char *b)
{
    const JbWordSet *keys = keyword_set();
    const JbWordSet *subjects = c->dict ? jb_dict_subject_set(c->dict) : NULL;
    g_array_set_size(c->keywords, 0);
    g_array_set_size(c->subjects, 0);
    g_array_set_size(c->seps, 0);
    int in_title = 0;
    for (const char *p = a; p < b; p = g_utf8_next_char(p)) {
        gunichar ch = jb_word_char_at(p, b);
        if (clause_sep_at(p)) {
            Sep x = {p, g_utf8_next_char(p)};
            g_array_append_val(c->seps, x);
        }
        guint n;
        const JbWord *w = jb_word_set_lookup(keys, ch, &n);
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

static gboolean has_digit(const char *a, const char *b);

/* The noun a number modifies when it comes first: "8个国家…先导区", "30项智能制造国家标准".
 * Runs from the quantity to the next separator (list commas and spaces included). */
static Span following_noun(const char *qe, const char *ce)
{
    const char *p = qe;
    while (p < ce) {
        gunichar ch = jb_word_char_at(p, ce);
        if (ch == 0x3001 /* 、 */ || ch == ' ' || ch == '/' || ch == 0xFF08 /* （ */)
            break;
        p = g_utf8_next_char(p);
    }
    if (has_digit(qe, p) || starts(qe, p, "和") || starts(qe, p, "及") || starts(qe, p, "与"))
        return (Span){NULL, NULL}; /* the next member of a list (38%和27%), not a noun */
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

/* A small Chinese numeral counting things in prose (两个行业, 三家企业, 三种情景) describes,
 * it does not report: no statistic is written that way. Hedged (十余家), larger (二十家),
 * fractions of a whole (两成) and multiples (一倍) still count. */
static gboolean is_prose_count(const char *qs, const char *qe, const JbQuantity *q)
{
    static const char *const SMALL[] = {"一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
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

/* A number inside a short quotation is a name or a slogan: “两个毫不动摇”, 「黃金50年」. */
static gboolean in_short_quote(const char *s, const char *qs, const char *qe, const char *end)
{
    static const char *const OPEN[] = {"“", "「", "『", NULL}, *const CLOSE[] = {"”", "」", "』", NULL};
    for (int k = 0; OPEN[k]; k++) {
        const char *o = NULL;
        for (const char *p = qs; p > s && qs - p < 3 * 16;) {
            p--;
            while (p > s && ((guchar)*p & 0xC0) == 0x80)
                p--;
            if (starts(p, qs, CLOSE[k]))
                break;
            if (starts(p, qs, OPEN[k])) {
                o = p;
                break;
            }
        }
        if (!o)
            continue;
        const char *close = NULL;
        for (const char *p = qe; p < end && p - qe < 3 * 16; p = g_utf8_next_char(p))
            if (starts(p, end, CLOSE[k])) {
                close = p;
                break;
            }
        if (close && g_utf8_strlen(o, close - o) <= 16)
            return TRUE;
    }
    return FALSE;
}

/* A number after 是指 defines what a word means (工作少於35小時的人), it reports nothing. */
static gboolean after_definition(const char *s, const char *qs)
{
    static const char *const W[] = {"是指", "指的是", "定义为", "定義為", "界定为", "界定為", NULL};
    for (const char *const *w = W; *w; w++) {
        const char *hit = g_strstr_len(s, qs - s, *w);
        if (hit)
            return TRUE;
    }
    return FALSE;
}

/* A hedge set apart from the number by a verb: 约占总装机的56%, 最高达到10亿元. Looks in
 * [a, qs) of one clause; returns the hedge word and its bound, or NULL. */
static const char *distant_hedge(const Ctx *c, const char *a, const char *qs, JbBound *bound)
{
    gboolean de = ends(a, qs, "的"); /* 超过 (at_least) counts only as 超过…的 */
    gsize best = G_N_ELEMENTS(HEDGES); /* the first of HEDGES found */
    for (guint k = 0; k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->tag < kw_hedge || h->tag >= kw_fenbie || !hit_within(h, a, qs))
            continue;
        gsize i = (gsize)(h->tag - kw_hedge);
        if (i < best && (HEDGES[i].b != JB_BOUND_AT_LEAST || de))
            best = i;
    }
    if (best == G_N_ELEMENTS(HEDGES))
        return NULL;
    *bound = HEDGES[best].b;
    return HEDGES[best].w;
}

static gboolean has_digit(const char *a, const char *b)
{
    for (const char *p = a; p < b; p++)
        if (g_ascii_isdigit(*p))
            return TRUE;
    return FALSE;
}


/* A statement's figure: its subject, metric (the id, else the phrase), value, unit and
 * bound. Two statements of an article with the same figure say the same thing. */
static const char *figure_metric(const JbStatement *s)
{
    return s->metric_id[0] ? s->metric_id : s->metric;
}

static guint figure_hash(gconstpointer p)
{
    const JbStatement *s = p;
    JbDecimal v = jb_decimal_normalize(s->q.value); /* equal values, equal hashes */
    guint h = g_str_hash(figure_metric(s)) * 31 + g_str_hash(s->subject);
    h = h * 31 + g_str_hash(s->q.unit);
    h = h * 31 + (guint)(v.mant ^ (v.mant >> 32));
    h = h * 31 + (guint)v.exp10;
    return h * 31 + (guint)s->q.bound;
}

static gboolean figure_equal(gconstpointer pa, gconstpointer pb)
{
    const JbStatement *a = pa, *b = pb;
    return a->q.bound == b->q.bound && jb_decimal_equal(a->q.value, b->q.value) &&
           strcmp(a->q.unit, b->q.unit) == 0 && strcmp(figure_metric(a), figure_metric(b)) == 0 &&
           strcmp(a->subject, b->subject) == 0;
}

/* The time a figure at [qs, qe) in clause ending `ce` takes from its sentence: the
 * nearest period named before it (or a base right before it: 較第一季的4.2%), else one
 * named after it in its clause (增长5.9%（2025年）). NULL when the sentence names none. */
static const TimeRef *figure_time(const Ctx *c, const JbQuantity *q, const char *qs,
                                  const char *qe, const char *ce)
{
    const GArray *refs = c->times;
    gboolean multiple = strcmp(q->unit, "倍") == 0; /* 为2020年的3倍: 3倍 is now, not 2020 */
    for (guint i = refs->len; i-- > 0;) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->end > qs || !r->has_val || r->role == TIME_RESTATE)
            continue;
        const char *g = r->end;
        gboolean direct = g == qs || (lit_starts(g, qs, &(Lit)LIT("的")) && g + 3 == qs) ||
                          ((starts(g, qs, "（") && g + 3 == qs) || (*g == '(' && g + 1 == qs));
        if (direct && r->role != TIME_DAY && !(r->role == TIME_BASE && multiple))
            return r;
        if (r->role == TIME_PERIOD)
            return r;
    }
    for (guint i = 0; i < refs->len; i++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->at >= qe && r->end <= ce && r->has_val && r->role == TIME_PERIOD)
            return r;
    }
    return NULL;
}

/* Does the sentence [a, b) hold a market word (its keywords are found)? */
static gboolean market_sentence(const Ctx *c)
{
    for (guint k = 0; k < c->keywords->len; k++)
        if (g_array_index(c->keywords, WordHit, k).tag == kw_market)
            return TRUE;
    return FALSE;
}

/* The period of a figure: a 分别 list's year, its time, the time carried from the
 * paragraph's earlier sentences, the story's opening period, else the published day (a
 * trading day for a market figure; last year for a running total in January or
 * February); "" when no date is known. */
static void statement_period(Ctx *c, const char *override, const TimeRef *t, gboolean now,
                             const char *cs0, const char *qs, char out[JB_PERIOD_MAX])
{
    JbPeriod p;
    if (override) {
        g_strlcpy(out, override, JB_PERIOD_MAX);
        return;
    }
    if (t) {
        p = t->val;
    } else if (c->have_carry_in && !now) {
        p = c->carry_in;
    } else if (c->have_lead && !now) {
        p = c->lead;
    } else {
        gboolean cumulative = FALSE;
        for (guint k = 0; k < c->keywords->len; k++) {
            const WordHit *h = &g_array_index(c->keywords, WordHit, k);
            if (h->tag >= kw_actual && h->tag < kw_hedge && ACTUAL_CUMULATIVE(h->tag) &&
                hit_within(h, cs0, qs))
                cumulative = TRUE;
        }
        const JbPoint *d = &c->anchor.day;
        if (cumulative && d->kind >= JB_POINT_MONTH && d->n <= 2) {
            p = jb_period_of((JbPoint){JB_POINT_YEAR, d->year - 1, 0, 0});
        } else if (!jb_extract_default_day(&c->anchor, market_sentence(c), &p)) {
            out[0] = '\0';
            if (c->warnings && !c->warned_no_date) {
                c->warned_no_date = TRUE;
                g_ptr_array_add(c->warnings,
                                g_strdup_printf("%s: no date found (front matter, <meta>, a date "
                                                "line, the URL or the title): figures that name "
                                                "no year have no period; give --published",
                                                c->article->source));
            }
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

static void add_statement(Ctx *c, const char *sent, const char *sent_end, const JbQuantity *q,
                          const char *prev_end, guint line, const char *period_override,
                          const char *subject_override, const char *metric_override)
{
    const char *qs = sent + q->start, *qe = sent + q->end;
    /* A headline repeats the body's figures in fewer words: the same value in the same
     * unit is the same statement. Only a figure the body does not state is kept. (A few
     * numbers in a headline against the body's statements: a loop, no index.) */
    for (guint i = 0; c->headline && i < c->body_statements; i++) {
        const JbStatement *b = g_ptr_array_index(c->out, i);
        if (jb_decimal_equal(b->q.value, q->value) && strcmp(b->q.unit, q->unit) == 0)
            return;
    }
    if (is_prose_count(qs, qe, q) || in_short_quote(sent, qs, qe, sent_end) ||
        after_definition(sent, qs))
        return;
    const char *digits = qs + (q->qualifier[0] && starts(qs, qe, q->qualifier) ? strlen(q->qualifier) : 0);
    if ((starts(digits, qe, "亿") || starts(digits, qe, "万")) && starts(qe, sent_end, "的"))
        return; /* 销售额过亿元的企业: a class of things, not a figure */
    if (!q->unit[0] && qe < sent_end && g_ascii_isalpha(*qe))
        return; /* 1423亿GB: a unit in Latin letters is never read (see jb_number.h) */
    const char *cs0 = clause_start_in(c, sent, qs);
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
    Span metric_at = following_noun(qe, ce);
    if (!metric_at.a)
        metric_at = metric_phrase(cs, qs, cut_at, have_time && t->end <= qs ? t->end : NULL);
    if (metric_override && !span_len(metric_at)) /* a later member of a 分别 list */
        metric_at = (Span){metric_override, metric_override + strlen(metric_override)};
    const char *metric = span_str(c->metric_buf, metric_at);
    JbQuantity qq = *q;
    if (qq.bound == JB_BOUND_EXACT && !qq.qualifier[0]) {
        JbBound b;
        const char *from = prev_end && prev_end > cs0 ? prev_end : cs0;
        const char *h = has_digit(from, qs) ? NULL : distant_hedge(c, from, qs, &b);
        if (h) {
            g_strlcpy(qq.qualifier, h, sizeof qq.qualifier);
            qq.bound = b;
        }
    }

    /* Quote from the clause that names the subject when the number's clause does not. */
    const char *quote_from = cs;
    if (subj_at && subj_at < cs)
        quote_from = clause_start_in(c, sent, subj_at);

    const JbMetric *m = c->dict ? jb_dict_match(c->dict, metric[0] ? metric : "", subject, q->unit)
                                : NULL;
    if (!m && c->dict) { /* the metric named earlier in the number's own clause */
        /* from the clause naming the subject, but not into an earlier list member's
         * words: …专精特新中小企业超14万家、科技和创新型中小企业超60万家 */
        const char *from = quote_from < cs0 ? quote_from : cs0;
        if (prev_end && prev_end > from && prev_end <= qs)
            from = prev_end;
        m = jb_dict_match(c->dict, span_str(c->context_buf, (Span){from, qs}), subject, q->unit);
    }

    gboolean forecast_here = FALSE, forecast_before = FALSE, actual_here = FALSE;
    for (guint k = 0; k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->tag < kw_actual) {
            forecast_here = forecast_here || hit_within(h, cs0, qs);
            /* 将 is too common to trust beyond its own clause */
            if (h->tag != kw_jiang)
                forecast_before = forecast_before || hit_within(h, sent, cs0);
        } else if (h->tag < kw_hedge) {
            actual_here = actual_here || hit_within(h, cs0, qs);
        }
    }
    gboolean forecast = forecast_here || forecast_before;
    if (have_time && t->future_word)
        forecast = TRUE;
    gboolean actual = !forecast_here && actual_here && !(have_time && t->end > cs0);
    if (actual && forecast) { /* already achieved: now, not when the forecast is for */
        forecast = FALSE;
        have_time = FALSE;
    }
    gboolean period_stated = period_override || have_time;

    /* A figure repeated in the body (two paragraphs saying it) is one statement; within a
     * sentence a repeat is a list member (3个、2个、2个) and stays. */
    JbStatement probe = {.subject = (char *)subject, .metric = (char *)metric,
                         .metric_id = (char *)(m ? m->id : ""), .q = qq};
    JbStatement *earlier = g_hash_table_lookup(c->seen, &probe);
    char period[JB_PERIOD_MAX];
    statement_period(c, period_override, have_time ? t : NULL, actual, cs0, qs, period);
    if (earlier && earlier->sentence != c->sentence) {
        if (period_stated && !earlier->period_stated) { /* keep the fuller statement */
            g_strlcpy(earlier->period, period, JB_PERIOD_MAX);
            earlier->period_stated = TRUE;
        }
        return;
    }

    JbStatement *s = statement_new(subject, metric_at, probe.metric_id, trimmed(quote_from, ce),
                                   period);
    s->source = g_ref_string_acquire(c->source);
    s->published = g_ref_string_acquire(c->published);
    s->q = qq;
    s->line = line;
    s->sentence = c->sentence;
    s->forecast = forecast;
    s->period_stated = period_stated;
    if (!actual && after_published(c, s->period))
        s->forecast = TRUE; /* a value for a period after publication can only be expected */
    g_hash_table_replace(c->seen, s, s);
    g_ptr_array_add(c->out, s);
}

/* The text between two list members: 、 和 及 与 / , ，, spaces. */
static gboolean list_gap(const char *a, const char *b)
{
    static const char *const SEPS[] = {"、", "和", "及", "与", "/", "，", ",", " ", NULL};
    if (a >= b)
        return a == b;
    while (a < b) {
        gboolean hit = FALSE;
        for (const char *const *w = SEPS; *w && !hit; w++)
            if (starts(a, b, *w)) {
                a += strlen(*w);
                hit = TRUE;
            }
        if (!hit)
            return FALSE;
    }
    return TRUE;
}

/* Years named in [a, b) outside 《》, as "2026" strings, in order (for 分别). */
static GPtrArray *years_in(const char *a, const char *b)
{
    GPtrArray *ys = g_ptr_array_new_with_free_func(g_free);
    int in_title = 0;
    for (const char *p = a; p < b; p++) {
        if (starts(p, b, "《"))
            in_title++;
        else if (starts(p, b, "》") && in_title > 0)
            in_title--;
        if (!in_title && g_ascii_isdigit(*p) && (p == a || !g_ascii_isdigit(p[-1])) &&
            p + 4 < b && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2]) &&
            g_ascii_isdigit(p[3]) && starts(p + 4, b, "年") && (p[0] == '1' || p[0] == '2'))
            g_ptr_array_add(ys, g_strndup(p, 4));
    }
    return ys;
}

/* jb_number reads at most 18 digits: say so instead of dropping a longer number quietly.
 * A number is a run of digits, with commas between digits (1,435); strcspn skips to the
 * next digit faster than a loop over every byte. */
static void warn_long_numbers(Ctx *c, const char *para, guint line)
{
    static const char DIGITS[] = "0123456789";
    for (const char *r = para + strcspn(para, DIGITS); *r; r += strcspn(r, DIGITS)) {
        gsize n = 0;
        while (g_ascii_isdigit(*r) || (*r == ',' && g_ascii_isdigit(r[1]))) {
            n += *r != ',';
            r++;
        }
        if (n > 18)
            g_ptr_array_add(c->warnings,
                            g_strdup_printf("%s:%u: a number of %" G_GSIZE_FORMAT
                                            " digits is too long (more than 18); skipped",
                                            c->article->source, line, n));
    }
}

/* The times of the sentence [sent, end), each resolved where it stands: against the
 * period in force, which a period it names replaces (a base or a relative time does not).
 * The paragraph's carried period becomes the last one named. */
static void read_times(Ctx *c, const char *sent, const char *end)
{
    GArray *refs = c->times;
    g_array_set_size(refs, 0);
    c->carry_in = c->carry;
    c->have_carry_in = c->have_carry;
    jb_extract_time_refs(sent, end, &c->anchor, refs);
    JbPeriod ctx = c->have_carry ? c->carry : c->lead;
    gboolean have_ctx = c->have_carry || c->have_lead;
    for (guint i = 0; i < refs->len; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        r->has_val = jb_extract_resolve_time(r, have_ctx ? &ctx : NULL, &c->anchor, refs, i, &r->val);
        if (r->has_val && r->role == TIME_PERIOD && r->rel == REL_NONE) {
            ctx = r->val;
            have_ctx = TRUE;
            c->carry = r->val;
            c->have_carry = TRUE;
            if (c->lead_open && jb_period_freq(&r->val) != JB_FREQ_DAY && !r->future_word &&
                !r->loose) {
                c->lead = r->val; /* a story opening "今年第二季…": its figures' period */
                c->have_lead = TRUE;
            }
            c->lead_open = FALSE;
        }
    }
}

static void extract_sentence(Ctx *c, const char *sent, const char *p, guint line)
{
    gsize len = (gsize)(p - sent);

    GArray *qs = c->quantities;
    g_array_set_size(qs, 0);
    JbQuantity q;
    for (gsize from = 0; from < len && jb_number_scan(sent, len, from, &q); from = q.end)
        g_array_append_val(qs, q);
    read_times(c, sent, p); /* (a sentence with no figure may still name their period) */
    if (qs->len == 0)
        return;
    c->sentence++;
    /* what every number of the sentence looks back at, found once */
    sentence_words(c, sent, p);
    /* A hedge before the first member of a list holds for the rest: 最高5000万元、1000万元. */
    for (guint i = 1; i < qs->len; i++) {
        JbQuantity *a = &g_array_index(qs, JbQuantity, i - 1), *b = &g_array_index(qs, JbQuantity, i);
        if (!b->qualifier[0] && a->qualifier[0] && a->bound != JB_BOUND_EXACT &&
            strcmp(a->unit, b->unit) == 0 && list_gap(sent + a->end, sent + b->start) &&
            memcmp(sent + a->start, a->qualifier, strlen(a->qualifier)) == 0) {
            g_strlcpy(b->qualifier, a->qualifier, sizeof b->qualifier);
            b->bound = a->bound;
        }
    }
    /* 分别 hands a list of years to a list of values, in order:
     * 2026年、2027年和2028年…将分别达到65万亿、70万亿、75万亿元. */
    const char *fenbie = NULL; /* the first 分别 */
    for (guint k = 0; k < c->keywords->len && !fenbie; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->tag == kw_fenbie)
            fenbie = h->at;
    }
    guint list_from = G_MAXUINT, list_n = 0;
    g_autoptr(GPtrArray) years = NULL;
    if (fenbie) {
        for (guint i = 0; i < qs->len; i++)
            if (sent + g_array_index(qs, JbQuantity, i).start > fenbie) {
                list_from = i;
                break;
            }
        if (list_from != G_MAXUINT) {
            list_n = 1;
            while (list_from + list_n < qs->len &&
                   list_gap(sent + g_array_index(qs, JbQuantity, list_from + list_n - 1).end,
                            sent + g_array_index(qs, JbQuantity, list_from + list_n).start))
                list_n++;
            years = years_in(sent, fenbie);
        }
    }
    /* …and a list of subjects: 人工智能、人形机器人企业分别超过6000家、140家. */
    g_autoptr(GPtrArray) subjects = NULL;
    if (list_n >= 2) {
        subjects = g_ptr_array_new();
        const char *cs = clause_start_in(c, sent, fenbie);
        for (guint i = 0; i < c->subjects->len; i++) {
            const SubjectHit *h = &g_array_index(c->subjects, SubjectHit, i);
            if (h->at >= cs && h->end <= fenbie &&
                (!subjects->len || !strstr(h->word, g_ptr_array_index(subjects, subjects->len - 1))))
                g_ptr_array_add(subjects, (gpointer)h->word);
        }
    }
    gboolean by_year = list_n >= 2 && years && years->len == list_n;
    gboolean by_subject = subjects && subjects->len == list_n;
    const char *prev_end = NULL;
    for (guint i = 0; i < qs->len; i++) {
        const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
        gboolean member = i >= list_from && i < list_from + list_n;
        const char *period = by_year && member ? g_ptr_array_index(years, i - list_from) : NULL;
        const char *subject = by_subject && member ? g_ptr_array_index(subjects, i - list_from) : NULL;
        const char *metric = NULL;
        if (member && i > list_from && (by_year || by_subject) && c->out->len) {
            const JbStatement *first = g_ptr_array_index(c->out, c->out->len - 1);
            metric = first->sentence == c->sentence ? first->metric : NULL;
        }
        add_statement(c, sent, p, x, prev_end, line, period, subject, metric);
        prev_end = sent + x->end;
    }
}

static void extract_paragraph(Ctx *c, const char *para, guint line)
{
    const char *end = para + strlen(para);
    const char *sent = para;
    if (c->warnings)
        warn_long_numbers(c, para, line);
    c->have_carry = FALSE; /* a paragraph's times carry only within it */
    while (sent < end) {
        const char *p = sent;
        while (p < end && !sentence_end_at(p))
            p = g_utf8_next_char(p);
        extract_sentence(c, sent, p, line);
        c->lead_open = FALSE; /* only a story's opening sentence names its period */
        sent = p < end ? g_utf8_next_char(p) : end;
    }
}

/* A table of contents: numbered headlines in a row (本期节目主要内容：1.…；2.…；3.…), which
 * repeat what the stories say. */
static gboolean is_contents(const char *para)
{
    guint items = 0, stops = 0;
    for (const char *p = strstr(para, "。"); p; p = strstr(p + 1, "。"))
        stops++;
    for (const char *p = strstr(para, "；"); p; p = strstr(p + 1, "；")) {
        const char *q = p + strlen("；");
        if (starts(q, q + 3, "（"))
            q += 3;
        if (g_ascii_isdigit(*q)) {
            while (g_ascii_isdigit(*q))
                q++;
            if (*q == '.' || starts(q, q + 3, "）") || starts(q, q + 3, "、"))
                items++;
        }
    }
    return items >= 3 && stops * 3 <= items; /* (a sentence or two may close it) */
}

/* A headline: a heading, the title, a body paragraph quoting it (原标题：…), or a table of
 * contents. Read after the body: a figure it repeats is the body's. */
static gboolean is_headline(const JbArticle *article, guint i)
{
    const char *para = g_ptr_array_index(article->paragraphs, i);
    return g_array_index(article->kinds, guint8, i) == JB_PARA_HEADING ||
           (article->title && article->title[0] && strcmp(para, article->title) == 0) ||
           g_str_has_prefix(para, "原标题") || is_contents(para);
}

/* The date of `section` (the article's when it states none) as the anchor of what follows. */
static void enter_section(Ctx *c, const JbSection *x)
{
    const char *date = x && x->published[0] ? x->published : c->article->published;
    if (strcmp(date, c->published) != 0) {
        g_ref_string_release(c->published);
        c->published = g_ref_string_new(date);
    }
    JbPeriod p;
    c->anchor.day = date[0] && jb_period_parse(date, &p, NULL) ? p.start : (JbPoint){0};
}

/* Words of a title that mark a morning market briefing. */
static gboolean briefing_title(const char *t)
{
    static const char *const W[] = {"早餐", "早报", "早報", "晨报", "晨報", "早间", "早間",
                                    "隔夜", "早知道", "盘前", "盤前", NULL};
    for (const char *const *w = W; *w && t; w++)
        if (strstr(t, *w))
            return TRUE;
    return FALSE;
}

GPtrArray *jb_extract_article(const JbArticle *article, const JbDict *dict)
{
    return jb_extract_article_warn(article, dict, NULL);
}

struct JbExtractor {
    const JbDict *dict;
    /* scratch for each sentence, sized for a long one: no growing by steps, and kept from
     * article to article */
    GArray *subjects, *times, *quantities, *keywords, *seps;
    GString *metric_buf, *context_buf;
};

JbExtractor *jb_extractor_new(const JbDict *dict)
{
    JbExtractor *x = g_new0(JbExtractor, 1);
    x->dict = dict;
    x->subjects = g_array_sized_new(FALSE, FALSE, sizeof(SubjectHit), 32);
    x->times = g_array_sized_new(FALSE, FALSE, sizeof(TimeRef), 32);
    x->quantities = g_array_sized_new(FALSE, FALSE, sizeof(JbQuantity), 32);
    x->keywords = g_array_sized_new(FALSE, FALSE, sizeof(WordHit), 32);
    x->seps = g_array_sized_new(FALSE, FALSE, sizeof(Sep), 32);
    x->metric_buf = g_string_sized_new(128);
    x->context_buf = g_string_sized_new(256);
    return x;
}

void jb_extractor_free(JbExtractor *x)
{
    if (!x)
        return;
    g_array_unref(x->subjects);
    g_array_unref(x->times);
    g_array_unref(x->quantities);
    g_array_unref(x->keywords);
    g_array_unref(x->seps);
    g_string_free(x->metric_buf, TRUE);
    g_string_free(x->context_buf, TRUE);
    g_free(x);
}

GPtrArray *jb_extract_article_warn(const JbArticle *article, const JbDict *dict,
                                   GPtrArray *warnings)
{
    g_autoptr(JbExtractor) x = jb_extractor_new(dict);
    return jb_extractor_run(x, article, warnings);
}

GPtrArray *jb_extractor_run(JbExtractor *x, const JbArticle *article, GPtrArray *warnings)
{
    Ctx c = {.article = article, .dict = x->dict, .warnings = warnings};
    c.anchor.briefing = briefing_title(article->title);
    c.out = g_ptr_array_new_full(32, (GDestroyNotify)jb_statement_free);
    c.source = g_ref_string_new(article->source);
    c.published = g_ref_string_new("");
    enter_section(&c, NULL);

    c.seen = g_hash_table_new(figure_hash, figure_equal);
    c.subjects = x->subjects;
    c.times = x->times;
    c.quantities = x->quantities;
    c.keywords = x->keywords;
    c.seps = x->seps;
    c.metric_buf = x->metric_buf;
    c.context_buf = x->context_buf;
    const JbSection *section = NULL;
    for (guint i = 0; i < article->paragraphs->len; i++) {
        const JbSection *here = jb_article_section_of(article, i);
        if (here != section) {
            section = here;
            enter_section(&c, here);
            if (here->first == 0 || here->published[0] || here->url[0]) {
                c.have_lead = FALSE; /* a new story (a digest's item): its own opening */
                c.lead_open = TRUE;
            }
        }
        if (is_headline(article, i))
            continue; /* the headlines, read last (below) */
        extract_paragraph(&c, g_ptr_array_index(article->paragraphs, i),
                          g_array_index(article->lines, guint, i));
    }
    /* The headlines last: a figure they repeat from the body is already written, with the
     * body's fuller quote; a figure only a headline states is still kept. */
    c.headline = TRUE;
    c.body_statements = c.out->len;
    c.have_lead = c.lead_open = FALSE;
    gboolean title_seen = FALSE;
    for (guint i = 0; i < article->paragraphs->len; i++) {
        if (!is_headline(article, i))
            continue;
        const char *para = g_ptr_array_index(article->paragraphs, i);
        enter_section(&c, jb_article_section_of(article, i));
        extract_paragraph(&c, para, g_array_index(article->lines, guint, i));
        title_seen = title_seen || strcmp(para, article->title ? article->title : "") == 0;
    }
    if (!title_seen && article->title && article->title[0]) {
        enter_section(&c, NULL);
        extract_paragraph(&c, article->title, 1);
    }
    g_ref_string_release(c.source);
    g_ref_string_release(c.published);
    g_hash_table_unref(c.seen);
    return c.out;
}
