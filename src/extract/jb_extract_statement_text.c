/* jb_extract_statement_text.c — the text of a statement: the metric phrase between a clause's
 * start and its number, the subject words before it, the noun after a count, and the quote
 * kept with the statement, bounded around the number.
 *
 * Not for: the dictionary lookups (jb_dict.c), putting the statement together
 * (jb_extract_statement.c).
 */
#include "jb_extract_statement_priv.h"
#include "jb_units.h"

#include <string.h>

/* ---- metric phrase ---------------------------------------------------------------------- */

/* Words that open or close a clause without naming anything: dropped from the metric. */
static const Lit LEADING_FILLERS[] = {
    LIT("截至目前"), LIT("截止目前"), LIT("目前"), LIT("当前"), LIT("眼下"), LIT("现在"),
    LIT("我国"), LIT("我國"), LIT("中国"), LIT("全国"), LIT("全國"), LIT("国内"), LIT("据测算"),
    LIT("据统计"), LIT("据介绍"), LIT("数据显示"), LIT("其中"), LIT("同时"), LIT("此外"),
    LIT("另外"), LIT("已经"), LIT("已"), LIT("累计"), LIT("共计"), LIT("总计"), LIT("合计"),
    LIT("共"), LIT("预计"), LIT("力争"), LIT("有望"), LIT("将"), LIT("还"), LIT("并"), LIT("约"),
    LIT("的"), LIT("底"), LIT("末"), LIT("，"), LIT(","), LIT(" "), LIT("和"), LIT("及"), LIT("/"),
    /* (the tail of a bound naming a group, its figure no statement: 2000万元及以上的工业企业…,
     * 周边3公里内的酒店…) */
    LIT("及以上的"), LIT("及以下的"), LIT("以上的"), LIT("以下的"), LIT("以内的"), LIT("以內的"),
    LIT("内的"), LIT("內的")};
static const Lit TRAILING_FILLERS[] = {
    LIT("分别"), LIT("分別"), LIT("预计"), LIT("有望"), LIT("力争"), LIT("已经"), LIT("已达"),
    LIT("已有"), LIT("拥有"), LIT("有"),   LIT("已"),   LIT("将"),   LIT("达到"), LIT("達到"),
    LIT("达"),   LIT("達"),   LIT("为"),   LIT("為"),   LIT("是"),   LIT("约"),   LIT("共"),
    LIT("累计"), LIT("实现"), LIT("保持"), LIT("的"),   LIT(" "),    LIT("了")};

#define METRIC_MAX 24

/* A bracket the phrase opens and never closes is no part of it: the side note's own figure
 * (（此前市场预期为1.1亿元）: 此前市场预期), the note after the words (超出分析师预期（28亿元）);
 * nor one it closes first. */
static Span unbracketed(Span x)
{
    if (x.b > x.a && x.b[-1] == '(')
        x.b--;
    else if (x.b - x.a >= 3 && memcmp(x.b - 3, "（", 3) == 0)
        x.b -= 3;
    if (x.a < x.b && *x.a == ')')
        x.a++; /* (a note's end before the next words: ）和焦虑情绪（39.8%）) */
    else if (starts(x.a, x.b, "）"))
        x.a += 3;
    gsize open = x.a < x.b && *x.a == '(' ? 1 : starts(x.a, x.b, "（") ? 3 : 0;
    if (open && !memchr(x.a, ')', span_len(x)) && !g_strstr_len(x.a, (gssize)span_len(x), "）"))
        x.a += open;
    return x;
}

Span metric_phrase(const char *cstart, const char *qstart, const char *subject_at,
                   const char *time_end)
{
    const char *a = cstart, *b = qstart;
    if (time_end && time_end > a && time_end <= b)
        a = time_end; /* "2025年我国…" → "我国…" */
    if (subject_at && subject_at >= a && subject_at < b)
        a = subject_at; /* drop what precedes the subject */
    /* a metric is a phrase, not the rest of a clause with no punctuation: its last
     * METRIC_MAX characters */
    if (b > a)
        a = jb_utf8_back(a, b, METRIC_MAX);
    static JbWordSet *leading;
    static JbLitFilter trailing; /* (most passes find no filler at the end: one test) */
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        leading = jb_extract_lit_set(LEADING_FILLERS, G_N_ELEMENTS(LEADING_FILLERS));
        const char *words[G_N_ELEMENTS(TRAILING_FILLERS) + 1];
        for (gsize i = 0; i < G_N_ELEMENTS(TRAILING_FILLERS); i++)
            words[i] = TRAILING_FILLERS[i].s;
        words[G_N_ELEMENTS(TRAILING_FILLERS)] = NULL;
        jb_lit_filter_build(&trailing, words);
        g_once_init_leave(&done, 1);
    }
    for (gboolean changed = TRUE; changed;) {
        changed = FALSE;
        /* the list in its order, each word tried at `a` as the words before it moved it: at
         * each place only the words of its first character (their bucket, in the list's
         * order), the first from the list's place on (`from`) that is there */
        for (int from = 0;;) {
            guint n;
            const JbWord *w = jb_word_set_candidates(leading, a, b, &n), *hit = NULL;
            for (guint k = 0; k < n && !hit; k++)
                if (w[k].tag >= from && jb_word_at(&w[k], a, b))
                    hit = &w[k];
            if (!hit)
                break;
            a += hit->len;
            from = hit->tag + 1;
            changed = TRUE;
        }
        if (!jb_lit_filter_may_end(&trailing, a, b))
            continue; /* (none ends at b: the pass below would change nothing) */
        for (gsize i = 0; i < G_N_ELEMENTS(TRAILING_FILLERS); i++)
            if (lit_ends(a, b, &TRAILING_FILLERS[i])) {
                b -= TRAILING_FILLERS[i].n;
                changed = TRUE;
            }
    }
    return unbracketed(trimmed(a, b));
}

/* The last subject word ending by `b` (the latest end; at a tie, the longer word): where
 * it starts (or NULL), and *word. The hits are in the order they start: back from the last
 * starting before b (bisection) over 64 of them at most: one starting before those 64 and
 * ending after them would span 64 subject words, which no subject word does (a sentence of
 * thousands of subjects and figures had each figure walk all of them). */
const char *last_subject(GArray *hits, const char *b, const char **word)
{
    const SubjectHit *best = NULL;
    *word = NULL;
    guint lo = 0, hi = hits->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(hits, SubjectHit, mid).at < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (guint i = lo, seen = 0; i-- > 0 && seen < 64; seen++) {
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
Span following_noun(const char *qe, const char *ce)
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
    static const char *const NOT_NOUNS[] = {
        "之间", "之間", "以上", "以下", "以内", "以內", "左右", "上下", "的", "之", "关口", "關口",
        "水平", "以来", "以來", "来",   "來",   "低位", "高位", "附近", "）", "。", "或",   NULL};
    if (starts(qe, p, "的") && !starts(qe + 3, p, "的") && g_utf8_strlen(qe + 3, p - qe - 3) >= 2)
        qe += 3; /* 1000万元的资金支持: the noun after 的 */
    /* (asked of every figure: the list's filter first, as most nouns begin with none) */
    if (may_start_any(qe, p, NOT_NOUNS))
        for (const char *const *w = NOT_NOUNS; *w; w++)
            if (starts(qe, p, *w))
                return (Span){NULL, NULL};
    return g_utf8_strlen(qe, p - qe) >= 2 ? trimmed(qe, p) : (Span){NULL, NULL};
}

gboolean subject_starting_at(const JbDict *dict, const char *p, const char *end)
{
    guint n;
    const JbWord *w = jb_word_set_candidates(jb_dict_subject_set(dict), p, end, &n);
    for (guint i = 0; i < n; i++)
        if (jb_word_at(&w[i], p, end))
            return TRUE;
    return FALSE;
}

/* The quote [x.a, x.b) of the number at [qs, qe), cut to a window around it (QUOTE_BEFORE
 * characters before the number, QUOTE_AFTER after) with "…" where it is cut: a clause of a
 * megabyte with no punctuation must not give each of its numbers a megabyte of quote. */
#define QUOTE_BEFORE 60
#define QUOTE_AFTER 30
Span bounded_quote(GString *buf, Span x, const char *qs, const char *qe)
{
    const char *a = x.a, *b = x.b;
    const char *p = jb_utf8_back(a, qs, QUOTE_BEFORE);
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
    static const char *const SCOPE[] = {
        "全国", "全省", "全市", "全区", "我国", "国内", "全球", "其中", "此外", "另外",
        "同时", "上述", "这",   "該",   "该",   "全國", "國內", "這",   "内地", "內地",
        "本港", "全港", "本市", "本省", "截至", "截止", "在",   "于",   "於",   NULL};
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

/* A metric phrase that is only a verb (上证指数跌0.81%，报3939.81点; 成交额1.2万亿元，增至; 报
 * 3939.81点，跌32.15点): what the sentence's figure before it spoke of, its topic, comes first
 * (上证指数报, 上证指数涨): a chart of 报 would mix every index's close. The topic is the words
 * before its own time (深证成指本周跌2.1%), else the figure before's metric without its verbs
 * at the end. */
static void topic_before_verb(Ctx *c, Figure *f)
{
    static const char *const VERBS[] = {
        "收报", "收報", "报收", "報收", "收于", "收於", "收涨", "收漲", "收跌", "上涨", "上漲",
        "下跌", "上升", "下降", "增长", "增長", "减少", "減少", "增加", "升至", "降至", "增至",
        "达到", "達到", "超过", "超過", "报",   "報",   "涨",   "漲",   "跌",   "升",   "降",
        "至",   "为",   "為",   "达",   "達",   "由",   "从",   "從",   "的",   NULL};
    /* (its length first: a phrase of three characters or more is no verb of VERBS, and every
     * figure comes here; the first 12 bytes hold a third character when there is one) */
    if (!f->metric[0] || g_utf8_strlen(f->metric, 12) > 2)
        return;
    gboolean verb = FALSE;
    for (const char *const *v = VERBS; *v && !verb; v++)
        verb = strcmp(f->metric, *v) == 0;
    if (!verb)
        return;
    const char *a = NULL, *b = NULL;
    const TimeRef *t = f->have_time ? f->t : NULL;
    if (t && t->at > f->cs && t->end <= f->qs && !has_digit(f->cs, t->at)) {
        Span own = trimmed(f->cs, t->at); /* 深证成指本周跌2.1%: its own, before its time */
        a = own.a, b = own.b;
    }
    static const char *const BEFORE_TIME[] = {"将在", "將在", "将于", "將於", "将",
                                              "將",   "在",   "于",   "於",   NULL};
    for (const char *const *w = BEFORE_TIME; a && *w; w++)
        if (ends(a, b, *w) && b - strlen(*w) > a)
            b -= strlen(*w); /* (通胀率将在三季度升至3.7%: 通胀率) */
    if (a && (g_utf8_strlen(a, b - a) < 2 || starts(a, b, "比") || starts(a, b, "较") ||
              starts(a, b, "較")))
        return;
    if (!a) {
        /* (a figure before it in its sentence, and nothing but the verb in its own clause) */
        if ((!f->prev_end && f->cs == f->cs0 && f->cs0 == f->sent) || !c->out->len ||
            f->qs - f->cs > 4 * 3 || g_utf8_strlen(f->cs, f->qs - f->cs) > 4)
            return;
        const JbStatement *before = g_ptr_array_index(c->out, c->out->len - 1);
        if (before->sentence != c->sentence)
            return;
        a = before->metric, b = a + strlen(a);
        if (g_utf8_strlen(a, -1) <= 2 || starts(a, b, "比") || starts(a, b, "较") ||
            starts(a, b, "較"))
            return; /* (报3939.81点，跌32.15点; 比上年增加…，增长0.8%: no topic named) */
        for (gboolean cut = TRUE; cut && b > a;) {
            cut = FALSE;
            for (const char *const *v = VERBS; *v && !cut; v++)
                if (ends(a, b, *v) && b - strlen(*v) > a)
                    b -= strlen(*v), cut = TRUE;
        }
        if (b == a + strlen(a) && g_utf8_strlen(a, b - a) > 8)
            return; /* (a phrase ending in no verb of a level or move is no topic of one) */
    }
    g_autofree char *own = g_strdup(f->metric);
    g_string_truncate(c->metric_buf, 0);
    g_string_append_len(c->metric_buf, a, b - a);
    g_string_append(c->metric_buf, own);
    f->metric = c->metric_buf->str;
    f->metric_at = (Span){f->metric, f->metric + c->metric_buf->len};
}

/* Its subject and its metric phrase: the noun after the number, a 分别 member's words, the
 * words before it, or a list's first member's. */
/* The metric of a corrected figure (“规上工业增加值同比下降3.2%”应为“下降2.8%”): the words the
 * withdrawn quotation names before its figure or its verb, then the correction's own
 * (规上工业增加值同比 + 增长), not the two quotations run together. In c->metric_buf. */
static void corrected_metric(Ctx *c, Figure *f)
{
    const char *m = f->metric, *fix = NULL;
    if (g_str_has_prefix(m, "应为“") || g_str_has_prefix(m, "應為“")) { /* (…有误，应为“…”) */
        g_string_erase(c->metric_buf, 0, (gssize)strlen("应为“"));
        f->metric = c->metric_buf->str;
        f->metric_at = (Span){f->metric, f->metric + strlen(f->metric)};
        return;
    }
    static const char *const MARK[] = {"”应为“", "”應為“", "”有误，应为“", "”有誤，應為“", NULL};
    for (const char *const *w = MARK; *w && !fix; w++)
        if ((fix = strstr(m, *w)))
            fix += strlen(*w);
    if (!fix)
        return;
    const char *head = g_str_has_prefix(m, "“") ? m + strlen("“") : m, *stop = head;
    static const char *const VERB[] = {"增长", "增長", "下降", "上涨", "上漲",
                                       "下跌", "提高", "回落", NULL};
    for (gboolean found = FALSE; *stop && !found && !g_ascii_isdigit(*stop);) {
        for (const char *const *v = VERB; *v && !found; v++)
            found = g_str_has_prefix(stop, *v);
        if (!found)
            stop = g_utf8_next_char(stop);
    }
    GString *out = g_string_new_len(head, stop - head);
    if (!g_str_has_prefix(fix, out->str))
        g_string_append(out, fix);
    else
        g_string_assign(out, fix);
    g_string_assign(c->metric_buf, out->str);
    g_string_free(out, TRUE);
    f->metric = c->metric_buf->str;
    f->metric_at = (Span){f->metric, f->metric + strlen(f->metric)};
}

void figure_metric(Ctx *c, Figure *f, const char *subject_override, const char *metric_override)
{
    const char *subj_word = NULL;
    f->subj_at = last_subject(c->subjects, f->qs, &subj_word);
    if (subject_override)
        subj_word = subject_override; /* 分别: this member's own subject */
    f->subject = subj_word ? subj_word : "";
    /* The metric phrase starts at the clause's first subject, so a run of subjects stays
     * whole: 专精特新中小企业, not 中小企业. */
    const char *cut_at = f->subj_at;
    for (const char *p = f->cs; f->subj_at && f->subj_at >= f->cs && p < f->subj_at;
         p = g_utf8_next_char(p))
        if (subject_starting_at(c->dict, p, f->qs)) {
            cut_at = p;
            break;
        }
    f->metric_at = following_noun(c->list_tail ? c->list_tail : f->qe, f->ce);
    f->noun_after = f->metric_at.a != NULL;
    if (!f->metric_at.a && c->member) { /* a 分别 list's member paired with its subject: its
                                         * own words, not the list's */
        f->metric_at = metric_phrase(c->member, c->member + strlen(c->member), NULL, NULL);
    } else if (!f->metric_at.a) {
        /* what precedes the time is no part of the metric (2025年我国…), unless it is a
         * market's day (恒生指數今日收報); a time in brackets ends with them (国庆档（10月1日
         * —8日）总票房) */
        const TimeRef *t = f->t;
        const char *cut = f->have_time && t->end <= f->qs && t->role != TIME_DAY ? t->end : NULL;
        if (cut && (starts(cut, f->qs, "（") || *cut == '(')) {
            /* (its restatement in brackets ends it too: 去年同期（2025年8月至10月）的失業率) */
            const char *close = g_strstr_len(cut, f->qs - cut, *cut == '(' ? ")" : "）");
            if (close && g_utf8_strlen(cut, close - cut) <= 24)
                cut = close;
        }
        if (cut && (starts(cut, f->qs, "）") || *cut == ')'))
            cut += *cut == ')' ? 1 : strlen("）");
        f->metric_at = metric_phrase(f->cs, c->ratio_start ? c->ratio_start : f->qs, cut_at, cut);
    }
    if (metric_override && !span_len(f->metric_at)) /* a later member of a 分别 list */
        f->metric_at = (Span){metric_override, metric_override + strlen(metric_override)};
    if (!span_len(f->metric_at) && f->prev_end && c->out->len) { /* a later member of a list */
        const JbStatement *first = g_ptr_array_index(c->out, c->out->len - 1);
        if (first->sentence == c->sentence)
            f->metric_at = (Span){first->metric, first->metric + strlen(first->metric)};
    }
    f->metric = span_str(c->metric_buf, f->metric_at);
    if (!f->noun_after && !c->member && !metric_override)
        topic_before_verb(c, f);
    if (strchr(f->metric, '\x9C') && /* (the last byte of “: most phrases hold none) */
        (strstr(f->metric, "应为“") || strstr(f->metric, "應為“")))
        corrected_metric(c, f);
}

/* Its quote: its clause, with the one before it when its own says little before the number
 * (达到11.2%: the one before names what the number is about); cut around the number. */
Span figure_quote(Ctx *c, Figure *f)
{
    /* (four characters are 16 bytes at most: a clause of a megabyte is not counted again at
     * each of its figures) */
    if (f->quote_from == f->cs0 && f->cs0 > f->sent && f->qs - f->cs0 <= 16 &&
        g_utf8_strlen(f->cs0, f->qs - f->cs0) <= 4)
        f->quote_from = jb_extract_clause_start(c, f->sent, f->cs0 - 1);
    return bounded_quote(c->context_buf, trimmed(f->quote_from, f->ce), f->qs, f->qe);
}
