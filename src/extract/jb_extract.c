/* jb_extract.c — stage 1 proper: an article read for statements. Section by section (a
 * digest's items keep their own dates), paragraph by paragraph (the period named carries
 * within one) and sentence by sentence (its quantities, times, and 分别 lists), the body
 * first, the headlines last; the extractor that keeps its scratch from article to article.
 *
 * The times of a sentence (jb_extract_times.c), lists in a sentence (jb_extract_lists.c) and
 * the frame of sections and headings (jb_extract_frame.c) are read in files of their own:
 * jb_extract_read_priv.h.
 *
 * Not for: one statement (jb_extract_statement.c), time expressions
 * (jb_extract_period.c), tables (jb_extract_table.c), metrics.csv (jb_extract_writer.c).
 */
#include "jb_extract_read_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* ---- helpers -------------------------------------------------------------------------- */

/* A set of the first characters of a fixed list (built once, kept for the process): where
 * none of them is at hand, the list need not be tried word by word. */
JbWordSet *jb_extract_lit_set(const Lit *list, gsize n)
{
    JbWordSet *set = jb_word_set_new();
    for (gsize i = 0; i < n; i++)
        jb_word_set_add(set, list[i].s, (int)i);
    return set;
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

/* Where the sentence's first figure outside brackets starts (a stock code or an aside in
 * brackets (股份代号：2459.HK) comes before the time a story opens with), else `end`. */
static const char *first_figure(const char *sent, const char *end, const GArray *qs)
{
    const char *from = sent;
    int depth = 0;
    for (guint i = 0; i < qs->len; i++) {
        const char *at = sent + g_array_index(qs, JbQuantity, i).start;
        /* (a character at a time: a bracket begins with ( ) or EF, of （ ）, never inside one) */
        for (; from < at; from = g_utf8_next_char(from)) {
            guchar b = (guchar)*from;
            if (b != '(' && b != ')' && b != 0xEF)
                continue;
            if (starts(from, at, "（") || *from == '(')
                depth++;
            else if ((starts(from, at, "）") || *from == ')') && depth > 0)
                depth--;
        }
        if (depth == 0)
            return at;
    }
    return end;
}

/* Is the figure ending at `e` the length of the span in brackets right after it (国庆假期7天（10月1日
 * 至7日）, 八天（10月1日至8日）)? The span says it; the length is no figure of the story. */
static gboolean span_length(const char *e, const char *end, const JbQuantity *q)
{
    if (!same_str(q->unit, "天") && !same_str(q->unit, "日")) /* (asked of every figure) */
        return FALSE;
    const char *b = starts(e, end, "（") ? e + strlen("（") : e < end && *e == '(' ? e + 1 : NULL;
    if (!b || !(g_ascii_isdigit(*b) || starts(b, end, "今") || starts(b, end, "去")))
        return FALSE;
    for (const char *p = b; p < end && p - b < 3 * 16; p = g_utf8_next_char(p)) {
        if (starts(p, end, "）") || *p == ')')
            return FALSE;
        if (starts(p, end, "至") || starts(p, end, "—") || starts(p, end, "－") || *p == '-')
            return TRUE;
    }
    return FALSE;
}

/* Is the figure a count of the days of the span in force, naming it again (11月28日至29日，… ¶
 * 演唱会周末两天全市共接待游客38.2万人次, 高铁站两天到达旅客…)? Not a length the text gives as a
 * figure (为期两天, 持续3天) nor one ending its clause (共举办了两天). */
static gboolean days_of_span_in_force(const Ctx *c, const char *sent, const char *end,
                                      const JbQuantity *q)
{
    if (!same_str(q->unit, "天") || q->qualifier[0])
        return FALSE;
    JbDecimal v = jb_decimal_normalize(q->value);
    const JbPeriod *p = c->have_carry ? &c->carry : c->have_lead ? &c->lead : NULL;
    if (v.exp10 != 0 || !p || p->start.kind != JB_POINT_DAY || p->end.kind != JB_POINT_DAY ||
        jb_period_end_day(p) - jb_period_first_day(p) != v.mant || v.mant < 2)
        return FALSE;
    const char *qs = sent + q->start, *qe = sent + q->end;
    /* (a length given as a figure, or the time since an event: 上映8天 is a film's run) */
    static const char *const LENGTH[] = {"为期", "為期", "历时", "歷時", "持续", "持續", "用时",
                                         "用時", "耗时", "耗時", "连续", "連續", "上映", "开幕",
                                         "開幕", "开业", "開業", "开通", "開通", "运营", "運營",
                                         "开园", "開園", "开展", "開展", NULL};
    if (ends_any(sent, qs, LENGTH))
        return FALSE;
    gunichar ch = qe < end ? g_utf8_get_char(qe) : 0;
    return (ch >= 0x4E00 && ch <= 0x9FFF) || g_ascii_isdigit((int)ch);
}

/* Is x the figure before it (w) said again in brackets right after it in another unit of its
 * measure (3938.8万吨（787.8亿斤）, 42500万千瓦（约425GW））? The restatement says nothing new;
 * w is the statement. Money in another currency (48.62亿元（约合6.95亿美元）) is kept: a rate
 * of exchange makes it a figure of its own, and the written rounds differ on it. */
static gboolean restated(const char *sent, const char *end, const JbQuantity *w,
                         const JbQuantity *x)
{
    if (!w || jb_unit_is_ratio(w->unit) || jb_unit_is_ratio(x->unit) || !x->unit[0])
        return FALSE;
    const char *b = sent + w->end, *xs = sent + x->start, *xe = sent + x->end;
    b = starts(b, end, "（") ? b + strlen("（") : b < end && *b == '(' ? b + 1 : NULL;
    if (!b || !(starts(xe, end, "）") || (xe < end && *xe == ')')))
        return FALSE;
    if (starts(b, xs, "折合") || starts(b, xs, "合"))
        b += starts(b, xs, "折合") ? strlen("折合") : strlen("合");
    if (b != xs) /* (a bracket saying more: 12亿元（同比增长8%）, 15级（48米/秒）) */
        return FALSE;
    return jb_unit_same_amount(w->value, w->unit, x->value, x->unit);
}

/* Where the ratio starts that a figure without a unit is a later term of (37.6 in
 * 7.0:37.6:55.4, 7.5 in 1：7.5: only terms and colons before it); NULL for any other figure. */
static const char *ratio_start(const char *sent, const JbQuantity *x)
{
    if (x->unit[0])
        return NULL;
    const char *p = sent + x->start, *first = NULL;
    for (;;) {
        gsize sl = p > sent && p[-1] == ':'                       ? 1
                   : p - sent >= 3 && memcmp(p - 3, "：", 3) == 0 ? 3
                                                                  : 0;
        const char *t = p - sl;
        while (sl && t > sent && (g_ascii_isdigit(t[-1]) || t[-1] == '.'))
            t--;
        if (!sl || t == p - sl)
            return first;
        first = p = t;
    }
}

/* The figures of the sentence [sent, p) in c->quantities: in the currency declared for them,
 * without a span's length or an amount restated in brackets. */
/* Is x a rate's change in 个点 (毛利率是31.8%，比10月低了1.1个点): percentage points, as spoken,
 * after a rate's %; an index's 个点 (指数…下降0.92个点, 恒指跌1.2%，跌了300个点) is points. */
static gboolean rate_points(const char *sent, const GArray *qs, guint i)
{
    const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
    if (i == 0 || (strcmp(x->unit, "点") != 0 && strcmp(x->unit, "點") != 0) ||
        x->end - x->start < strlen("个点") ||
        !(ends(sent, sent + x->end, "个点") || ends(sent, sent + x->end, "個點")))
        return FALSE;
    const JbQuantity *w = &g_array_index(qs, JbQuantity, i - 1);
    if (strcmp(w->unit, "%") != 0)
        return FALSE;
    /* (a rate's %: 率 in the words before it, 恒指跌1.2%，跌了300个点 being an index's) */
    const char *r = sent + w->start;
    for (int k = 0; k < 12 && r > sent; k++) {
        r = g_utf8_prev_char(r);
        if (starts(r, sent + w->start, "率"))
            return TRUE;
        if (starts(r, sent + w->start, "，") || starts(r, sent + w->start, "。"))
            break;
    }
    return FALSE;
}

static void scan_figures(Ctx *c, const char *sent, const char *p)
{
    gsize len = (gsize)(p - sent);
    GArray *qs = c->quantities;
    g_array_set_size(qs, 0);
    JbQuantity q;
    for (gsize from = 0; from < len && jb_number_scan(sent, len, from, &q); from = q.end) {
        jb_extract_declared_currency(c, sent, p, &q);
        g_array_append_val(qs, q);
        if (rate_points(sent, qs, qs->len - 1))
            g_strlcpy(g_array_index(qs, JbQuantity, qs->len - 1).unit, "百分点", sizeof q.unit);
    }
    for (guint i = 0; i < qs->len;) { /* (a span's length: 国庆假期7天（10月1日至7日）) */
        const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
        if (span_length(sent + x->end, p, x) ||
            (i > 0 && restated(sent, p, &g_array_index(qs, JbQuantity, i - 1), x)))
            g_array_remove_index(qs, i);
        else
            i++;
    }
}

static void extract_sentence(Ctx *c, const char *sent, const char *p, guint line)
{
    GArray *qs = c->quantities;
    scan_figures(c, sent, p);
    /* (a sentence with no figure may still name their period) */
    read_times(c, sent, p, first_figure(sent, p, qs));
    /* a number inside a time the sentence names is part of it (两年平均, 前7个月) */
    for (guint i = 0, k = 0; i < qs->len;) {
        const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
        while (k < c->times->len && g_array_index(c->times, TimeRef, k).end <= sent + x->start)
            k++;
        if ((k < c->times->len && g_array_index(c->times, TimeRef, k).at <= sent + x->start &&
             g_array_index(c->times, TimeRef, k).end >= sent + x->end) ||
            jb_extract_unit_declaration(sent, sent + x->start) ||
            days_of_span_in_force(c, sent, p, x))
            g_array_remove_index(qs, i);
        else
            i++;
    }
    /* rules, conditions and windows (满200元减30元, 持股5%以上股东): no figures, nor what a
     * figure beside them is read against; last to first (a coupon's 减 looks at its 满) */
    for (guint i = qs->len; i-- > 0;)
        if (states_a_condition(c, sent, p, qs, i))
            g_array_remove_index(qs, i);
    if (qs->len == 0)
        return;
    c->sentence++;
    c->sentence_start = sent;
    c->first_number = sent + g_array_index(qs, JbQuantity, 0).start;
    /* what every number of the sentence looks back at, found once */
    jb_extract_sentence_words(c, sent, p);
    /* A hedge before the first member of a list holds for the rest: 最高5000万元、1000万元,
     * 分别约为82GWh、27GWh和24GWh. */
    gboolean handed = FALSE; /* the member before got its hedge from the one before it */
    for (guint i = 1; i < qs->len; i++) {
        JbQuantity *a = &g_array_index(qs, JbQuantity, i - 1),
                   *b = &g_array_index(qs, JbQuantity, i);
        gboolean hands = !b->qualifier[0] && a->qualifier[0] && a->bound != JB_BOUND_EXACT &&
                         strcmp(a->unit, b->unit) == 0 &&
                         list_gap(sent + a->end, sent + b->start) &&
                         (handed ||
                          memcmp(sent + a->start, a->qualifier, strlen(a->qualifier)) == 0);
        if (hands) {
            g_strlcpy(b->qualifier, a->qualifier, sizeof b->qualifier);
            b->bound = a->bound;
        }
        handed = hands;
    }
    /* 分别 hands a list of years or subjects to the list of values after it, each 分别 of the
     * sentence its own (…分别为120亿元、150亿元和180亿元，对应PE分别为45倍、37倍和31倍) */
    FenbieList lists[FENBIE_MAX];
    guint n_lists = 0;
    for (guint k = 0; k < c->keywords->len && n_lists < FENBIE_MAX; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->tag == jb_extract_kw_fenbie() && fenbie_list(c, sent, h, &lists[n_lists]))
            n_lists++;
    }
    n_lists = follow_year_lists(c, sent, lists, n_lists);
    const char *prev_end = NULL;
    guint list_first = 0, list_last = 0;
    for (guint i = 0; i < qs->len; i++) {
        const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
        const FenbieList *l = NULL;
        for (guint k = 0; k < n_lists && !l; k++)
            if (i >= lists[k].from && i < lists[k].from + lists[k].n)
                l = &lists[k];
        gboolean member = l != NULL;
        gboolean by_year = l && l->by_year, by_subject = l && l->by_subject;
        const char *period = by_year ? g_ptr_array_index(l->years, i - l->from) : NULL;
        const char *subject = by_subject ? g_ptr_array_index(l->subjects, i - l->from) : NULL;
        const char *metric = NULL;
        if (member && i > l->from && (by_year || by_subject) && c->out->len) {
            const JbStatement *first = g_ptr_array_index(c->out, c->out->len - 1);
            metric = first->sentence == c->sentence ? first->metric : NULL;
        }
        /* a list's noun follows its last member: 最高500万元、100万元的研发补助 */
        if (i >= list_last) { /* (found once per list: a list may have thousands) */
            list_last = i;
            while (list_last + 1 < qs->len &&
                   strcmp(g_array_index(qs, JbQuantity, list_last + 1).unit, x->unit) == 0 &&
                   list_gap(sent + g_array_index(qs, JbQuantity, list_last).end,
                            sent + g_array_index(qs, JbQuantity, list_last + 1).start))
                list_last++;
            list_first = i;
        }
        c->list_tail = list_last > list_first ? sent + g_array_index(qs, JbQuantity, list_last).end
                                              : NULL;
        if (names_a_group(c, sent, qs, i)) {
            prev_end = sent + x->end;
            continue;
        }
        /* 三次产业结构为7.0:37.6:55.4, 拉动比为1：7.5: a later term is the ratio's, named and
         * quoted from before its first */
        c->ratio_start = ratio_start(sent, x);
        const char *call_prev = c->ratio_start ? NULL : prev_end;
        guint before = c->out->len;
        c->member = by_subject ? g_ptr_array_index(l->members, i - l->from) : NULL;
        c->member_unknown = l && l->ambiguous;
        gboolean figure = jb_extract_add_statement(c, sent, p, x, call_prev, line, period, subject,
                                                   metric);
        c->member = NULL;
        c->member_unknown = FALSE;
        if (c->out->len == before + 1 && !member)
            share_among_members(c, sent, sent + x->start);
        if (c->out->len == before + 1 && !member)
            share_among_months(c, sent, sent + x->start);
        if (figure) /* (周边3公里内的酒店入住率…: the next figure's words start before a group's bound) */
            prev_end = sent + x->end;
    }
    for (guint k = 0; k < n_lists; k++)
        fenbie_list_clear(&lists[k]);
}

/* A paragraph that is an item of a list: a line of a few words, no sentence (1　某某光电
 * +46.37%, 2．某某汽车 2.31万辆). */
static gboolean list_item(const char *para, const char *end)
{
    if (end - para > 3 * 40)
        return FALSE;
    for (const char *p = para; p < end; p = g_utf8_next_char(p))
        if (starts(p, end, "。") || starts(p, end, "！") || starts(p, end, "？"))
            return FALSE;
    return TRUE;
}

/* The next character after p, or past a headline in 【】 opening at p (【一场演唱会，带火一座城！】):
 * its marks end no sentence. */
static const char *past_bracketed_title(const char *p, const char *end)
{
    if (!starts(p, end, "【"))
        return g_utf8_next_char(p);
    const char *e = p + strlen("【");
    for (int k = 0; k < 40 && e < end && !starts(e, end, "】") && !starts(e, end, "【"); k++)
        e = g_utf8_next_char(e);
    return starts(e, end, "】") ? e + strlen("】") : g_utf8_next_char(p);
}

/* Does the paragraph open with who speaks, in brackets: a role and a name (（企业负责人 某某）,
 * （某省商务厅副厅长 某某）, （记者 某某）), then the words spoken? Not a narrator's voice alone
 * (（解说）), nor a note (（单位：亿元）): a space between two words, no digit, no colon. */
static gboolean speaker_opening(const char *para)
{
    const char *p = starts(para, para + 3, "（") ? para + strlen("（") : NULL;
    gboolean before = FALSE, space = FALSE, after = FALSE;
    for (int k = 0; p && *p && k < 24; k++, p = g_utf8_next_char(p)) {
        if (starts(p, p + 3, "）"))
            return after && p[strlen("）")] != '\0';
        if (g_ascii_isdigit(*p) || *p == ':' || starts(p, p + 3, "：") || starts(p, p + 3, "，"))
            return FALSE;
        if (*p == ' ' || starts(p, p + 3, "\xE3\x80\x80"))
            space = before; /* (between two words: one before it…) */
        else if (space)
            after = TRUE; /* (…and one after) */
        else
            before = TRUE;
    }
    return FALSE;
}

/* Where the sentence from p ends in [p, end): its 。！？!? (past any 【headline】), or end,
 * the paragraph's NUL. Only those and 【 begin with the bytes ! ? E3 EF (no continuation byte
 * is one): strcspn passes the bytes between, many at a time. */
static const char *sentence_end_from(const char *p, const char *end)
{
    for (;;) {
        p += strcspn(p, "!?\xE3\xEF");
        if (p >= end || sentence_end_at(p))
            return p;
        p = past_bracketed_title(p, end);
    }
}

static void extract_paragraph(Ctx *c, const char *para, guint line)
{
    const char *end = para + strlen(para);
    const char *sent = para;
    if (c->warnings)
        warn_long_numbers(c, para, line);
    /* a paragraph's times carry only within it; one that opens with 其中 is a part of the
     * last one's figures (截至2023年底…859.6万台。¶ 其中…分别为272.6万台、587万台) */
    gboolean item = list_item(para, end);
    if (!starts(para, end, "其中") && !(c->list_carry && item))
        c->have_carry = c->have_years_span = FALSE;
    c->have_future_year = c->have_outlook = c->have_plan = FALSE;
    c->list_carry = c->list_carry && item;
    c->numbered_item = jb_extract_numbered_item(para);
    if (c->numbered_item && g_ascii_isdigit(*para)) /* (a live entry's 15:45 is no quote's) */
        sent = (const char *)trimmed(para + jb_extract_time_stamp(para, end), end).a;
    /* (a period a digest's numbered item opens with is its own, not its siblings' (1. 外贸：11月…
     * ¶ 7. 某公司：公告回购…: the post's day); a lead above the list holds for all) */
    if (c->numbered_item && c->have_lead && c->lead_in_item) {
        c->have_lead = FALSE;
        c->lead_open = TRUE;
    }
    c->speaker_turn = speaker_opening(para);
    while (sent < end) {
        const char *p = sentence_end_from(sent, end);
        if (!c->headline)
            sent = jb_extract_past_glued_headline(c, para, sent, p, line);
        extract_sentence(c, sent, p, line);
        /* only a story's opening sentence names its period (a byline left over — no
         * figure, no time, no sentence's end: 11-16 09:30　某网　作者：某某 — opens nothing) */
        if (c->quantities->len || c->times->len || p < end || ends(sent, p, "：") ||
            (p > sent && p[-1] == ':'))
            c->lead_open = FALSE; /* (投资要点：, a label over a list, opens its items) */
        if (c->quantities->len)
            c->lead_refinable = FALSE;
        sent = p < end ? g_utf8_next_char(p) : end;
    }
    const char *last = end;
    while (last > para && g_ascii_isspace(last[-1]))
        last--;
    if (!ends(para, last, "：") && !(last > para && last[-1] == ':'))
        return;
    /* (本周个股涨幅榜：the week, though 本周 carries no period to a paragraph's later sentences) */
    for (guint i = c->times->len; i-- > 0;) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, i);
        if (r->has_val && r->role == TIME_PERIOD) {
            c->carry = r->val;
            c->have_carry = TRUE;
            c->carry_as_of = FALSE;
            break;
        }
    }
    c->list_carry = c->have_carry;
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
    guint8 *sentence_stops; /* jb_extract_sentence_stops(dict) */
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
    x->sentence_stops = jb_extract_sentence_stops(dict);
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
    g_free(x->sentence_stops);
    g_free(x);
}

GPtrArray *jb_extract_article_warn(const JbArticle *article, const JbDict *dict,
                                   GPtrArray *warnings)
{
    g_autoptr(JbExtractor) x = jb_extractor_new(dict);
    return jb_extractor_run(x, article, warnings);
}

/* A new story begins (a digest's item, a wire's): its own opening sentence names its
 * period, not the last story's. */
static void open_story(Ctx *c)
{
    c->have_lead = c->have_declared = c->have_opening_day = c->have_event = FALSE;
    c->declared_currency[0] = '\0';
    c->have_story_week = c->week_of_story = FALSE;
    c->lead_open = TRUE;
}

/* The periods and plans the headings above named hold no more. */
static void forget_headings(Ctx *c)
{
    memset(c->have_heading_period, 0, sizeof c->have_heading_period);
    memset(c->heading_this_month, 0, sizeof c->heading_this_month);
    memset(c->heading_plan, 0, sizeof c->heading_plan);
}

/* What the last section's sentences named (a story, its last day, spans) is not the next's. */
static void forget_story_names(Ctx *c)
{
    c->have_story_named = FALSE;
    c->have_last_day = c->have_event = FALSE; /* (an event announced: the story's, to its end) */
    c->n_named_spans = 0;
    c->have_story_week = c->have_story_week && c->week_of_story; /* (a weekly's: all of it) */
}

/* The context of reading `article` with the extractor's scratch; its own parts are freed by
 * ctx_clear, c->out is the caller's. */
static void ctx_init(Ctx *c, JbExtractor *x, const JbArticle *article, GPtrArray *warnings,
                     const guint8 *heads)
{
    *c = (Ctx){.article = article, .dict = x->dict, .warnings = warnings};
    c->anchor.briefing = briefing_title(article->title);
    c->out = g_ptr_array_new_full(32, (GDestroyNotify)jb_statement_free);
    c->source = g_ref_string_new(article->source);
    c->publisher = g_ref_string_new(article->publisher);
    c->published = g_ref_string_new("");
    c->times = x->times;
    /* (where its fiscal years end, said anywhere, holds for all its 2026财年; so do its
     * calendar and its survey's months) */
    jb_extract_anchors(article->paragraphs, &c->anchor.fy_end, &c->anchor.roc, &c->have_fieldwork,
                       &c->fieldwork);
    enter_section(c, NULL);

    c->seen = jb_extract_seen_new();
    c->subjects = x->subjects;
    c->quantities = x->quantities;
    c->keywords = x->keywords;
    c->seps = x->seps;
    c->metric_buf = x->metric_buf;
    c->context_buf = x->context_buf;
    c->sentence_stops = x->sentence_stops;
    c->headline_keys = jb_extract_headline_keys(article, heads);
    c->glued = jb_extract_glued_new();
    c->names = jb_extract_names_new(article->sections->len);
}

static void ctx_clear(Ctx *c)
{
    g_ref_string_release(c->source);
    g_ref_string_release(c->published);
    g_ref_string_release(c->publisher);
    g_ref_string_release(c->title);
    g_ref_string_release(c->url);
    g_hash_table_unref(c->seen);
    g_hash_table_unref(c->headline_keys);
    g_array_unref(c->glued);
    g_free(c->names);
}

/* Is paragraph j a table's section row (一、移动业务, 其中：) between its rows: a short line
 * with no figure, a table row after it? Such a line ends no table: the rows under it keep
 * the columns' head. */
static gboolean section_row(const JbArticle *a, guint j)
{
    if (j + 1 >= a->paragraphs->len || g_array_index(a->kinds, guint8, j + 1) != JB_PARA_TABLE ||
        g_array_index(a->kinds, guint8, j) == JB_PARA_HEADING)
        return FALSE;
    const char *p = g_ptr_array_index(a->paragraphs, j);
    if (g_utf8_strlen(p, -1) > 12)
        return FALSE;
    for (; *p; p++)
        if (g_ascii_isdigit(*p))
            return FALSE;
    return TRUE;
}

/* Paragraph i of the body, in section `*section`: a new section entered (a story of its own
 * when it begins the article or has its own date or link); a headline's period noted for
 * what is under it, the headline itself left for read_headlines; a table read whole (*i to
 * its last row); prose read sentence by sentence. `digest`: a table of contents lists the
 * article's stories. */
static void read_body_paragraph(Ctx *c, guint *i, const JbSection **section, const guint8 *contents,
                                const guint8 *heads, gboolean digest)
{
    const JbArticle *article = c->article;
    const char *para = g_ptr_array_index(article->paragraphs, *i);
    guint8 kind = g_array_index(article->kinds, guint8, *i);
    const JbSection *here = jb_article_section_of(article, *i);
    if (here != *section) {
        jb_extract_keep_names(c, *section);
        *section = here;
        enter_section(c, here);
        if (here->first == 0 || here->published[0] || here->url[0] || here->item) {
            open_story(c); /* a new story (a digest's item): its own opening and headings */
            forget_headings(c);
        }
        forget_story_names(c);
    }
    if ((heads[*i] & JB_HEAD_LINE) || contents[*i]) {
        if (kind == JB_PARA_HEADING && digest && !contents[*i]) {
            /* a digest's story under its headline (新闻联播: 今天的主要内容 1.… then ## each
             * one): its own opening, not the last story's period */
            open_story(c);
            forget_story_names(c);
        }
        if (kind == JB_PARA_HEADING) {
            heading_period(c, para, 0);
            c->have_carry = FALSE; /* (a table under it is the heading's, not the time the
                                    * paragraph above last named: 截至9月底…) */
        }
        return; /* the headlines, read last (read_headlines) */
    }
    guint level = jb_extract_heading_level(para);
    if (level)
        heading_period(c, para, level);
    if (kind == JB_PARA_TABLE) {
        guint j = *i + 1; /* the table's rows, up to a heading or prose */
        while (
            j < article->paragraphs->len && jb_article_section_of(article, j) == here &&
            (g_array_index(article->kinds, guint8, j) == JB_PARA_TABLE || section_row(article, j)))
            j++;
        jb_extract_table(c, *i, j);
        *i = j - 1;
        return;
    }
    gboolean open = c->lead_open;
    extract_paragraph(c, para, g_array_index(article->lines, guint, *i));
    jb_extract_part_moved_on(c);
    if (level)
        c->lead_open = open; /* a numbered heading (一、居民消费价格) is no story's opening */
}

/* The headlines last: a figure they repeat from the body is already written, with the
 * body's fuller quote; a figure only a headline states is still kept. The headlines found
 * glued to a sentence first, each in its story (全国充电设施超1800万台 glued to its item's
 * 截至11月底…1832.6万台: of its item's time), before a table of contents repeats them; then
 * headings and contents, the title when no paragraph is it, and a front matter's summary. */
static void read_headlines(Ctx *c, const guint8 *contents, const guint8 *heads)
{
    const JbArticle *article = c->article;
    c->headline = TRUE;
    c->body_statements = c->out->len;
    c->have_lead = c->lead_open = FALSE;
    forget_headings(c);
    for (guint k = 0; k < c->glued->len; k++) {
        const Glued *g = &g_array_index(c->glued, Glued, k);
        jb_extract_enter_headline(c, g->section, NULL);
        extract_paragraph(c, g->text, g->line);
    }
    gboolean title_seen = FALSE;
    for (guint i = 0; i < article->paragraphs->len; i++) {
        if (!(heads[i] & JB_HEAD_LINE) && !contents[i])
            continue;
        const char *para = g_ptr_array_index(article->paragraphs, i);
        jb_extract_enter_headline(c, jb_article_section_of(article, i), NULL);
        if (heads[i] & JB_HEAD_CONTENTS) { /* each headline its own: no time carries over */
            g_auto(GStrv) items = g_strsplit(para, "；", -1);
            for (char **h = items; *h; h++)
                extract_paragraph(c, *h, g_array_index(article->lines, guint, i));
        } else {
            extract_paragraph(c, para, g_array_index(article->lines, guint, i));
        }
        title_seen = title_seen || strcmp(para, article->title ? article->title : "") == 0;
    }
    if (!title_seen && article->title && article->title[0]) {
        jb_extract_enter_headline(c, NULL, &g_array_index(article->sections, JbSection, 0));
        extract_paragraph(c, article->title, 1);
    }
    if (article->summary && article->summary[0]) { /* a front matter's summary: a headline too */
        jb_extract_enter_headline(c, NULL, &g_array_index(article->sections, JbSection, 0));
        extract_paragraph(c, article->summary, 1);
    }
}

GPtrArray *jb_extractor_run(JbExtractor *x, const JbArticle *article, GPtrArray *warnings)
{
    Ctx c;
    g_autofree guint8 *heads = jb_extract_headline_flags(article);
    ctx_init(&c, x, article, warnings, heads);
    g_autofree guint8 *contents = jb_extract_contents_lines(article);
    gboolean digest = FALSE; /* a table of contents lists its stories */
    for (guint i = 0; i < article->paragraphs->len && !digest; i++)
        digest = contents[i] || (heads[i] & JB_HEAD_CONTENTS);
    const JbSection *section = NULL;
    for (guint i = 0; i < article->paragraphs->len; i++)
        read_body_paragraph(&c, &i, &section, contents, heads, digest);
    jb_extract_keep_names(&c, section);
    read_headlines(&c, contents, heads);
    jb_extract_drop_prose_repeating_tables(c.out, c.body_statements);
    jb_extract_apply_corrections(article, c.out);
    ctx_clear(&c);
    return c.out;
}
