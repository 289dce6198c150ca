/* jb_extract_statement.c — one statement of a sentence: for a quantity, its subject (carried
 * across commas), the metric phrase and its dictionary id, the hedge set apart from it, the
 * period, forecast or not, and the quote; and whether it is a figure at all (a count in
 * prose, a slogan, a definition, a class) or one the article gave already. A Figure is put
 * together in steps (jb_extract_statement_priv.h), each a function; a statement and its
 * strings are one allocation.
 *
 * Not for: walking articles, paragraphs and sentences (jb_extract.c), time expressions
 * (jb_extract_period.c), telling a figure the article gave already (jb_extract_repeat.c), a
 * headline's figure against the body's (jb_extract_headline_body.c).
 */
#include "jb_extract_ends_priv.h"
#include "jb_extract_nouns_priv.h"
#include "jb_extract_statement_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <stddef.h>
#include <string.h>

/* ---- statements -------------------------------------------------------------------------- */

/* A hedge set apart from the number by a verb (distant_hedge): templates/words.tsv's hedge
 * list, and the bound of each (its values), read once by keyword_set. */
static JbBound *hedge_bound; /* kept for the life of the process */
static gsize n_hedges;


void jb_statement_free(JbStatement *s)
{
    if (!s)
        return;
    g_ref_string_release(s->source);
    g_ref_string_release(s->published);
    g_ref_string_release(s->publisher);
    g_ref_string_release(s->title);
    g_ref_string_release(s->url);
    g_free(s); /* and its strings, in the same block (statement_new) */
}

/* A statement and its strings in one allocation: the struct, then period (JB_PERIOD_MAX
 * bytes, so that a fuller period can replace it), subject, metric, metric_id and quote.
 * Thousands of statements a second: one malloc each instead of six. */
JbStatement *jb_extract_statement_new(const char *subject, Span metric, const char *metric_id,
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

/* The first element of `a` (elements of `size` bytes, in text order) whose text pointer, at
 * byte `offset` of it, is at or after `at` (`or_at`) or after it: a bisection, for a sentence
 * may hold thousands of separators and keywords. */
static guint first_from(const GArray *a, gsize size, gsize offset, const char *at, gboolean or_at)
{
    guint lo = 0, hi = a->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        const char *v = *(const char *const *)(a->data + (gsize)mid * size + offset);
        if (or_at ? v < at : v <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Start of the clause holding `at` (in the sentence being read): after the last separator
 * ending by it, or the sentence's start `s`. */
const char *jb_extract_clause_start(const Ctx *c, const char *s, const char *at)
{
    guint i = first_from(c->seps, sizeof(Sep), offsetof(Sep, end), at, FALSE);
    return i ? g_array_index(c->seps, Sep, i - 1).end : s;
}

/* End of the clause holding `at`: the next separator, or the sentence's end. */
static const char *clause_end_in(const Ctx *c, const char *at, const char *end)
{
    guint i = first_from(c->seps, sizeof(Sep), offsetof(Sep, at), at, TRUE);
    return i < c->seps->len ? g_array_index(c->seps, Sep, i).at : end;
}

/* The first of the sentence's keyword hits at or after `p` (they are in text order). */
guint keyword_from(const Ctx *c, const char *p)
{
    return first_from(c->keywords, sizeof(WordHit), offsetof(WordHit, at), p, TRUE);
}

/* The forecast, actual and hedge words and 分别 as one set, built once. A word's tag is its
 * place in jb_words_forecast_word, then jb_words_actual_word, then jb_words_hedge, then 分别:
 * [0, kw_actual) forecast words, [kw_actual, kw_hedge) actual words, [kw_hedge, kw_fenbie)
 * jb_words_hedge[tag - kw_hedge], kw_fenbie 分别, kw_market every market word, kw_define every
 * word that opens a definition. */
int kw_actual, kw_hedge; /* (read by jb_extract_statement_tense.c too) */
static int kw_fenbie /* 分别 */, kw_market, kw_define /* the last */;
static int kw_jiang = -1 /* 将 */, kw_jiang_t = -1 /* 將 */;


static const JbWordSet *keyword_set(void)
{
    static JbWordSet *set;
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        set = jb_word_set_new(); /* kept for the life of the process */
        int n = 0;
        for (const char *const *w = jb_words_forecast_word; *w; w++, n++) {
            jb_word_set_add(set, *w, n);
            if (strcmp(*w, "将") == 0)
                kw_jiang = n;
            else if (strcmp(*w, "將") == 0)
                kw_jiang_t = n;
        }
        kw_actual = n;
        jb_extract_forecast_nouns_index(set, kw_actual);
        for (const char *const *w = jb_words_actual_word; *w; w++, n++)
            jb_word_set_add(set, *w, n);
        kw_hedge = n;
        n_hedges = g_strv_length((char **)jb_words_hedge);
        hedge_bound = g_new(JbBound, n_hedges);
        for (gsize i = 0; i < n_hedges; i++, n++) {
            jb_word_set_add(set, jb_words_hedge[i], n);
            if (!jb_bound_parse(jb_words_hedge_value[i], &hedge_bound[i]))
                hedge_bound[i] = JB_BOUND_ABOUT; /* (test_words checks every value) */
        }
        kw_fenbie = n++;
        jb_word_set_add(set, "分别", kw_fenbie);
        jb_word_set_add(set, "分別", kw_fenbie);
        kw_market = n;
        for (const char *const *w = jb_words_market_word; *w; w++)
            jb_word_set_add(set, *w, kw_market);
        kw_define = kw_market + 1;
        for (const char *const *w = jb_words_define_word; *w; w++)
            jb_word_set_add(set, *w, kw_define);
        g_once_init_leave(&done, 1);
    }
    return set;
}


/* After a rate's verb, its step and its new level (下调50个基点至13.75%, 上调0.25个百分点至
 * 4.5%): a decision reported as taken, the 将 before it the 把 (将基准利率下调50个基点至…). */
static gboolean step_to_level(const char *q, const char *end)
{
    if (q >= end || !g_ascii_isdigit(*q))
        return FALSE;
    for (int k = 0; k < 12 && q < end && !clause_sep_at(q) && !sentence_end_at(q); k++) {
        if ((starts(q, end, "至") || starts(q, end, "到")) && q + 3 < end && g_ascii_isdigit(q[3]))
            return TRUE;
        q = g_utf8_next_char(q);
    }
    return FALSE;
}

/* Is the 将 at `at` the 把 of a decision announced (央行宣布，将基准利率下调25个基点至4.25%;
 * 决定将利率维持在…; 某国央行将基准利率下调…), or of one reported with its step and new level
 * (将存款利率下调50个基点至13.75%): what was decided that day, no forecast? (将于下月下调 stays
 * one.) */
static gboolean jiang_of_decision(const char *sent, const char *at, const char *end)
{
    static const char *const DECIDED[] = {"宣布", "决定", "決定", "宣佈", NULL};
    static const char *const SET[] = {"下调", "上调", "下調", "上調", "调降",
                                      "调升", "維持", "维持", NULL};
    /* (a rate right after 将, then the verb: 巴西央行将基准利率下调50个基点, a bank's act told as
     * done; the future puts 将 before the verb: 央行将下调利率) */
    static const char *const RATE[] = {
        "基准利率",     "基準利率",     "政策利率", "现金利率", "現金利率",
        "存款准备金率", "存款準備金率", "贴现率",   "貼現率",   NULL};
    gboolean decided = FALSE;
    for (const char *const *w = RATE; *w && !decided; w++)
        decided = starts(at + strlen("将"), end, *w);
    /* (only the few bytes before 将 are searched: the whole sentence before it, for each 将
     * of a sentence of thousands, was quadratic) */
    for (const char *const *w = DECIDED; *w && !decided; w++) {
        size_t len = strlen(*w);
        const char *from = at - sent > (ptrdiff_t)(len + 3 * 2) ? at - (len + 3 * 2) : sent;
        decided = g_strstr_len(from, at - from, *w) != NULL; /* 宣布将, 宣布，将 */
    }
    const char *q = at + strlen("将");
    if (starts(q, end, "于") || starts(q, end, "於") || starts(q, end, "在"))
        return FALSE;
    for (int k = 0; k < 12 && q < end && !clause_sep_at(q) && !sentence_end_at(q); k++) {
        for (const char *const *w = SET; *w; w++)
            if (starts(q, end, *w))
                return decided || step_to_level(q + strlen(*w), end);
        q = g_utf8_next_char(q);
    }
    return FALSE;
}

/* Is 将 at `at` the object marker (将滑雪场分为三类, 把): a noun after it, then a verb of
 * sorting or counting in (分为, 列为, 纳入…) in its clause? (将纳入: will be included.) A
 * figure right after it is the counted object the verb moves (累计将326颗航天器送入轨道, 将1.2万名
 * 被执行人纳入, 将2026财年营收指引上调至): the future's 将 comes before a verb (将达, 将超过). */
static gboolean jiang_of_disposal(const char *at, const char *end)
{
    static JbLitFilter verbs; /* (the list's filter: most characters start none) */
    JB_LIT_FILTER_ONCE(&verbs, jb_words_sorting_verb);
    const char *q = g_utf8_next_char(at);
    if (q < end && g_ascii_isdigit(*q))
        return TRUE;
    /* (a revision's object may be long: 將8月份的平均入住率由早前公布的81.6%修訂為…) */
    for (int k = 0; k < 48 && q < end && !clause_sep_at(q) && !sentence_end_at(q); k++) {
        for (const char *const *w = jb_words_sorting_verb;
             *w && jb_lit_filter_may_start(&verbs, q, end); w++)
            if (starts(q, end, *w) && (k < 14 || strstr(*w, "修")))
                return k > 0; /* (a noun between: 将X分为) */
        q = g_utf8_next_char(q);
    }
    return FALSE;
}

/* A subject word is not part of a longer Latin word or number: 5G, not the 5G of 425GW. */
static gboolean latin_whole(const char *a, const char *p, const char *e, const char *b)
{
    return !(p > a && g_ascii_isalnum(*p) && (g_ascii_isalnum(p[-1]) || p[-1] == '.')) &&
           !(e < b && g_ascii_isalnum(e[-1]) && g_ascii_isalnum(*e));
}

/* Does the forecast word at p name the respondents of a survey who expect something (受访厂商中
 * 预期11月接单将增加者占23.6%, 预计减少者的比例): the share is measured, no forecast? Its clause
 * goes on to 者 and their share within 20 characters. */
static const char *respondents_who(const char *a, const WordHit *h, const char *b)
{
    static const char *const SHARE[] = {"者占",     "者佔",   "者所占", "者所佔",
                                        "者的比例", "者比例", "者比重", NULL};
    /* (or the word is theirs, 受访者预计，…还会增加的占58.9%: a comma may follow it, and
     * those who expect it are 的) */
    gboolean theirs = ends(a, h->at, "者");
    const char *p = h->at;
    if (theirs && (starts(p + h->len, b, "，") || starts(p + h->len, b, ",")))
        p = g_utf8_next_char(p + h->len);
    int k = 0, max = theirs ? 30 : 20; /* (a time may come between: 预期11月接单将增加者) */
    for (const char *q = p; q < b && k < max && !clause_sep_at(q); q = g_utf8_next_char(q), k++) {
        for (const char *const *w = SHARE; *q == "者"[0] && *w; w++)
            if (starts(q, b, *w))
                return q;
        if (theirs && *q == "的"[0] && (starts(q, b, "的占") || starts(q, b, "的佔")) &&
            !starts(q + strlen("的占"), b, "比"))
            return q;
    }
    return NULL;
}

/* The words of the rare lists (SENTENCE_*), each tagged with its list's bit; built once. */
static const JbWordSet *rare_set(void)
{
    static JbWordSet *set;
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        set = jb_word_set_new(); /* kept for the life of the process */
        const struct {
            const char *const *words;
            int bit;
        } LISTS[] = {{jb_words_holding, SENTENCE_HOLDING},
                     {jb_extract_interim_words, SENTENCE_INTERIM},
                     {jb_extract_to_date_words, SENTENCE_TO_DATE}};
        for (gsize i = 0; i < G_N_ELEMENTS(LISTS); i++)
            for (const char *const *w = LISTS[i].words; *w; w++)
                jb_word_set_add(set, *w, LISTS[i].bit);
        g_once_init_leave(&done, 1);
    }
    return set;
}

guint8 *jb_extract_sentence_stops(const JbDict *dict)
{
    guint8 *bits = g_new0(guint8, 65536 / 8);
    jb_word_set_or_firsts(keyword_set(), bits);
    jb_word_set_or_firsts(rare_set(), bits);
    if (dict)
        jb_word_set_or_firsts(jb_dict_subject_set(dict), bits);
    static const gunichar MARKS[] = {
        ',',   ';', ':', 0xFF0C /* ， */, 0xFF1B /* ； */, 0xFF1A /* ： */, 0x300A /* 《 */,
        0x300B /* 》 */};
    for (gsize i = 0; i < G_N_ELEMENTS(MARKS); i++)
        bits[MARKS[i] >> 3] |= (guint8)(1u << (MARKS[i] & 7));
    return bits;
}

/* What the numbers of the sentence [a, b) look back at, in one pass over its characters,
 * each in text order: its clause separators into c->seps; every occurrence (overlapping
 * ones too) of every keyword outside 《book titles》 into c->keywords; every subject word outside 《book titles》
 * (《关于支持人工智能…的若干措施》 names a document) into c->subjects. */
void jb_extract_sentence_words(Ctx *c, const char *a, const char *b)
{
    c->forecast_end = NULL;
    c->sentence_market = FALSE;
    c->sentence_lists = 0;
    c->definition_at = NULL; /* the first of jb_words_define_word, found with the keywords */
    const JbWordSet *keys = keyword_set(), *rare = rare_set();
    const JbWordSet *subjects = c->dict ? jb_dict_subject_set(c->dict) : NULL;
    if (c->keywords->len) /* (emptied only when needed: a call each, at every sentence) */
        g_array_set_size(c->keywords, 0);
    if (c->subjects->len)
        g_array_set_size(c->subjects, 0);
    if (c->seps->len)
        g_array_set_size(c->seps, 0);
    int in_title = 0;
    const guint8 *stops = c->sentence_stops;
    for (const char *p = a, *next; p < b; p = next) {
        gunichar ch = jb_utf8_step(p, b, &next);
        if (!((stops[(ch & 0xFFFF) >> 3] >> (ch & 7)) & 1))
            continue; /* no separator, no word of either set begins here, no 《 》 */
        /* (a comma between digits groups thousands: 3,040元/吨 is one number) */
        if (clause_sep_at(p) && !((*p == ',' || *p == ':') && p > a && g_ascii_isdigit(p[-1]) &&
                                  p + 1 < b && g_ascii_isdigit(p[1]))) {
            Sep x = {p, g_utf8_next_char(p)};
            g_array_append_val(c->seps, x);
        }
        guint n = 0;
        const JbWord *w = jb_word_set_lookup(rare, ch, &n); /* (in a title too) */
        for (guint i = 0; i < n; i++)
            if (jb_word_at(&w[i], p, b))
                c->sentence_lists |= (guint)w[i].tag;
        /* (a title's words are its name: 《长夜将尽》 plans nothing) */
        n = 0;
        w = in_title ? NULL : jb_word_set_lookup(keys, ch, &n);
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
            if (jb_word_at(&w[i], p, b) && latin_whole(a, p, p + w[i].len, b)) {
                SubjectHit h = {p, p + w[i].len, w[i].text};
                g_array_append_val(c->subjects, h);
            }
    }
    /* what every number asks of the sentence as a whole: where its first forecast word ends
     * (将 is too common to trust beyond its own clause, unless it opens the sentence before
     * any figure, 本届艺术节将举办近千场…，吸引…近5000位艺术家, or is the first figure's verb,
     * 共有15个省份将实施…，平均停窑天数为110天左右), a market word */
    const char *theirs = a; /* the end of respondents' clause (respondents_who) */
    for (guint k = 0; k < c->keywords->len; k++) {
        WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if ((h->tag == kw_jiang || h->tag == kw_jiang_t) &&
            (jiang_of_decision(a, h->at, b) || jiang_of_disposal(h->at, b))) {
            h->tag = G_MAXINT; /* no word of any list: not a forecast's */
            continue;
        }
        const char *share = h->tag < kw_actual && h->at >= theirs ? respondents_who(a, h, b) : NULL;
        if (share)
            theirs = share; /* (the words up to their share are theirs too: 还会增加的占) */
        if (h->tag < kw_actual && (jb_extract_in_forecast_noun(a, h, b) || h->at < theirs)) {
            h->tag = G_MAXINT; /* 人均预期寿命, 货币政策预期: a name, no forecast */
            continue;
        }
        if (h->tag == kw_market)
            c->sentence_market = TRUE;
        if (h->tag == kw_define && !c->definition_at)
            c->definition_at = h->at;
        if (h->tag < kw_actual &&
            ((h->tag != kw_jiang && h->tag != kw_jiang_t) || h->at < c->first_number ||
             forecast_of_first_figure(c, a, h)) &&
            (!c->forecast_end || h->at + h->len < c->forecast_end) && !in_side_note(a, h->at))
            c->forecast_end = h->at + h->len;
    }
    if (!c->definition_at)
        c->definition_at = note_definition(a, b); /* 注：X指…: a note defines a term */
}

/* Does [a, qs) name a past time whose level the figure is (已超过去年全年的1,905万标箱: 超过
 * compares this year's total with last year's exact one, no hedge on it)? */
static gboolean past_level(const char *a, const char *qs)
{
    static const char *const PAST[] = {"去年", "上年", "前年", "往年", "同期", "上月",
                                       "上季", "上周", "上週", "歷史", "历史", NULL};
    for (const char *p = a; p < qs; p = g_utf8_next_char(p))
        for (const char *const *w = PAST; *w; w++)
            if (starts(p, qs, *w))
                return TRUE;
    return FALSE;
}

/* Is the figure [qs, qe) written as a share (八成, 一半, 三分之一, 1.5倍)? */
static gboolean written_as_share(const char *qs, const char *qe)
{
    static const char *const W[] = {"成", "半", "分之", "倍", NULL};
    for (const char *const *w = W; *w; w++)
        if (g_strstr_len(qs, qe - qs, *w))
            return TRUE;
    return FALSE;
}

/* A hedge set apart from the number by a verb or a rate's words: 约占总装机的56%, 最高达到10亿元,
 * 不低于每人每年700元, 不及去年同期的八成. Looks in [a, qs) of one clause before the figure
 * [qs, qe); returns the hedge word and its bound, or NULL. */
static const char *distant_hedge(const Ctx *c, const char *a, const char *qs, const char *qe,
                                 JbBound *bound)
{
    /* 超过 (at_least) counts only as 超过…的; a bound of 不 (不低于, 不少于) wherever it stands */
    gboolean de = ends(a, qs, "的");
    gsize best = n_hedges; /* the first hedge of the list found */
    a = look_back_from(a, qs);
    for (guint k = keyword_from(c, a); k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= qs)
            break;
        if (h->tag < kw_hedge || h->tag >= kw_fenbie || !hit_within(h, a, qs))
            continue;
        gsize i = (gsize)(h->tag - kw_hedge);
        if ((starts(h->at, qs, "约") || starts(h->at, qs, "約")) &&
            h->at >= c->sentence_start + 3 &&
            strstr("节制签预公契条相合违婚特邀履隐節簽預條違隱",
                   (char[4]){h->at[-3], h->at[-2], h->at[-1], 0}))
            continue; /* 签约合作: the end of a word, no hedge */
        if (starts(h->at, qs, "不及") &&
            ((h->at + 6 < qs && strstr("时時格预預", (char[4]){h->at[6], h->at[7], h->at[8], 0})) ||
             (h->at >= c->sentence_start + 3 &&
              strstr("来來", (char[4]){h->at[-3], h->at[-2], h->at[-1], 0}))))
            continue; /* 不及时, 不及格, 不及预期, 来不及: no bound */
        if (i < best && (hedge_bound[i] != JB_BOUND_AT_LEAST || de || starts(h->at, qs, "不")))
            best = i;
    }
    if (best == n_hedges)
        return NULL;
    /* a past level compared with is exact (已超过去年全年的1,905万标箱); below it, only a share
     * of it is bounded (不及去年同期的八成), not the level itself (不及上月的5.2%) */
    gboolean below = strcmp(jb_words_hedge[best], "不及") == 0;
    if ((hedge_bound[best] == JB_BOUND_AT_LEAST || (below && !written_as_share(qs, qe))) &&
        past_level(a, qs))
        return NULL;
    *bound = hedge_bound[best];
    return jb_words_hedge[best];
}

/* Its clause: where it starts and ends, and where the figure's own words start (a list or a
 * headline puts several figures in one clause: "150家、连接…"). */
static void figure_clause(const Ctx *c, Figure *f)
{
    f->cs0 = jb_extract_clause_start(c, f->sent, c->ratio_start ? c->ratio_start : f->qs);
    f->cs = f->cs0;
    if (f->prev_end && f->prev_end > f->cs && f->prev_end <= f->qs)
        f->cs = f->prev_end;
    /* after the last 、 or space in it (bytes from the end: a space and 、's first byte E3
     * begin a character wherever they are) */
    /* (a space right before the number is the spacing some sites put between Chinese and
     * digits, 同比下降 3.5%: the words before it are the figure's) */
    for (const char *p = f->qs - 1; p >= f->cs; p--) {
        if ((*p == ' ' && p + 1 < f->qs) ||
            ((guchar)*p == 0x81 && p - 2 >= f->cs && (guchar)p[-1] == 0x80 &&
             (guchar)p[-2] == 0xE3 /* 、 U+3001 */)) {
            f->cs = p + 1;
            break;
        }
    }
    f->ce = clause_end_in(c, f->qe, f->sent_end);
    f->near = look_back_from(f->cs0, f->qs); /* (once: the tense and period steps read it) */
}

/* An exact figure takes a hedge set apart from it by a verb (约占总装机的56%); so does a
 * fraction, about only as rounded (三分之一: 33.333333), one that bounds it (不及去年的三分之一). */
static void figure_hedge(const Ctx *c, Figure *f)
{
    gboolean fraction = f->qq.bound == JB_BOUND_ABOUT && !f->qq.qualifier[0] &&
                        g_strstr_len(f->qs, f->qe - f->qs, "分之");
    if ((f->qq.bound != JB_BOUND_EXACT && !fraction) || f->qq.qualifier[0])
        return;
    JbBound b;
    const char *from = f->prev_end && f->prev_end > f->cs0 ? f->prev_end : f->cs0;
    const char *h = has_figure_digit(from, f->qs) ? NULL : distant_hedge(c, from, f->qs, f->qe, &b);
    if (h && (!fraction || b == JB_BOUND_AT_MOST || b == JB_BOUND_AT_LEAST)) {
        g_strlcpy(f->qq.qualifier, h, sizeof f->qq.qualifier);
        f->qq.bound = b;
    }
}

/* Its dictionary metric, or NULL: of its metric phrase (a 分别 member's words), else of the
 * words before it in its clause; none when it counts a list or is another's figure (its
 * scope). `region`: a province's or city's, or NULL. */
static const JbMetric *figure_dict_metric(Ctx *c, const Figure *f, gboolean whole_phrase,
                                          const char **region)
{
    const JbMetric *m = NULL;
    const char *qs = f->qs;
    *region = NULL;
    /* (the dictionary's metrics of its unit, looked up once for the contexts below; none, and
     * none of them matches) */
    const JbDictUnit *u = c->dict ? jb_dict_unit(c->dict, f->q->unit) : NULL;
    if (u && c->member) { /* (its words and a noun after the values: 分别为5家和3家企业) */
        g_string_assign(c->context_buf, c->member);
        if (f->noun_after)
            g_string_append(c->context_buf, f->metric);
        m = jb_dict_match_unit(c->dict, u, f->noun_after ? c->context_buf->str : f->metric,
                               f->subject, TRUE); /* (a whole phrase, as a lone figure's:
                                                   * 新能源汽车出口量 is no 出口) */
    } else if (u && !c->member_unknown)
        m = jb_dict_match_unit(c->dict, u, f->metric[0] ? f->metric : "", f->subject, whole_phrase);
    if (!m && u && !c->member &&
        !c->member_unknown) { /* the metric named earlier in the number's own clause */
        /* from the clause naming the subject, but not into an earlier list member's
         * words: …专精特新中小企业超14万家、科技型中小企业超60万家 */
        const char *from = f->quote_from < f->cs0 ? f->quote_from : f->cs0;
        if (f->prev_end && f->prev_end > from && f->prev_end <= qs)
            from = f->prev_end;
        from = look_back_from(from, qs);
        m = jb_dict_match_unit(c->dict, u, span_str(c->context_buf, (Span){from, qs}), f->subject,
                               whole_phrase);
    }
    if (m && counts_list_before(f->cs0, qs, f->qe, f->q))
        m = NULL; /* 大模型和智能制造两个方向: how many, not a count of 大模型 */
    if (m && !jb_dict_in_scope(c->dict, m, f->sent, qs, region))
        m = NULL; /* 美国二季度GDP增长2.8%, 集成电路出口额…，进口额增长14%: another's figure */
    return m;
}

/* A new statement of the article being read, its strings copied (jb_extract_statement_new). */
static JbStatement *article_statement(const Ctx *c, const JbStatement *probe, Span metric)
{
    JbStatement *s = jb_extract_statement_new(
        probe->subject, metric, probe->metric_id,
        (Span){probe->quote, probe->quote + strlen(probe->quote)}, probe->period);
    s->source = g_ref_string_acquire(c->source);
    s->published = g_ref_string_acquire(c->published);
    s->publisher = g_ref_string_acquire(c->publisher);
    s->title = g_ref_string_acquire(c->title);
    s->url = g_ref_string_acquire(c->url);
    s->q = probe->q;
    s->line = probe->line;
    s->sentence = c->sentence;
    s->period_stated = probe->period_stated;
    return s;
}

/* The statement kept: to the output, and remembered to tell a repeat. */
static void keep_statement(Ctx *c, JbStatement *s)
{
    jb_extract_remember(c->seen, s);
    g_ptr_array_add(c->out, s);
}

gboolean jb_extract_add_statement(Ctx *c, const char *sent, const char *sent_end,
                                  const JbQuantity *q, const char *prev_end, guint line,
                                  const char *period_override, const char *subject_override,
                                  const char *metric_override)
{
    if (not_a_figure(c, sent, sent_end, q))
        return FALSE;
    Figure f = {.sent = sent,
                .sent_end = sent_end,
                .q = q,
                .qs = sent + q->start,
                .qe = sent + q->end,
                .prev_end = prev_end};
    figure_clause(c, &f);
    f.t = figure_time(c, q, f.qs, f.qe, f.ce);
    if (jb_extract_headline_repeats_body(c, q, sent, f.t))
        return TRUE;
    f.have_time = f.t != NULL;
    /* The figure first (metric, id, value, unit, bound): a figure the article already gave
     * is not built any further. */
    figure_metric(c, &f, subject_override, metric_override);
    figure_decline(c, &f);
    figure_per_unit(&f);
    figure_hedge(c, &f);
    /* Quote from the clause that names the subject when the number's clause does not; a
     * later member of a list (…分别收窄0.5和0.6个百分点) from its clause, not its joiner. */
    f.quote_from = prev_end && prev_end >= f.cs0 && prev_end <= f.qs && list_joiner(prev_end, f.qs)
                       ? f.cs0
                       : f.cs;
    if (f.subj_at && f.subj_at < f.cs)
        f.quote_from = jb_extract_clause_start(c, sent, f.subj_at);
    const char *region;
    const JbMetric *m = figure_dict_metric(c, &f, !subject_override, &region);
    /* a province's or city's figure (全省, 广东省) is kept apart from the nation's: ID@REGION */
    g_autofree char *regional = m && region ? g_strconcat(m->id, "@", region, NULL) : NULL;

    Tense tense = figure_tense(c, &f);
    gboolean period_stated = period_override || f.have_time;
    Span quote = figure_quote(c, &f);
    char period[JB_PERIOD_MAX];
    figure_period(c, &f, period_override, &tense, period);
    if (c->headline && !f.have_time && !period_override)
        jb_extract_headline_rounds_body(c, &f.qq, period);

    /* A figure repeated in the body (two paragraphs saying it) is one statement; within a
     * sentence a repeat is a list member (3个、2个、2个) and stays. */
    /* (its quote as a string to compare with the article's statements: on the stack, not a
     * malloc per figure; a quote bounded_quote left whole that is longer still, on the heap) */
    char quote_buf[1024];
    g_autofree char *quote_long = span_len(quote) < sizeof quote_buf
                                      ? NULL
                                      : g_strndup(quote.a, span_len(quote));
    const char *quote_text = quote_long;
    if (!quote_long) {
        memcpy(quote_buf, quote.a, span_len(quote));
        quote_buf[span_len(quote)] = '\0';
        quote_text = quote_buf;
    }
    JbStatement probe = {.subject = (char *)f.subject,
                         .metric = (char *)f.metric,
                         .metric_id = regional ? regional : (char *)(m ? m->id : ""),
                         .q = f.qq,
                         .period = period,
                         .period_stated = period_stated,
                         .quote = (char *)quote_text,
                         .line = line};
    GArray *same_value; /* (c->seen's statements of its value, looked up once) */
    JbStatement *earlier = jb_extract_same_figure_in(c->seen, &probe, &same_value);
    /* a sentence that restates another's figure restates its others of equal value too (a
     * notice's summary and its item: 归母净利润…，同比下降37%至45% and the item's 同比下降…) */
    if (!earlier && same_value && c->restates[0] == c->sentence)
        earlier = jb_extract_same_in_sentence(same_value, &probe, c->restates[1]);
    if (!earlier && calculation_basis(&f) && jb_extract_same_value(c->seen, &probe, c->sentence))
        return TRUE; /* 按回购价格上限36.80元/股测算: the cap stated before, taken as a basis */
    if (earlier && earlier->sentence != c->sentence) {
        c->restates[0] = c->sentence, c->restates[1] = earlier->sentence;
        if (period_stated && !earlier->period_stated) { /* keep the fuller statement */
            g_strlcpy(earlier->period, period, JB_PERIOD_MAX);
            earlier->period_stated = TRUE;
        }
        return TRUE;
    }
    JbStatement *s = article_statement(c, &probe, f.metric_at);
    s->forecast = tense.forecast;
    if (!tense.actual && after_published(c, s->period))
        s->forecast = TRUE; /* a value for a period after publication can only be expected */
    jb_extract_remember_in(c->seen, same_value, s);
    g_ptr_array_add(c->out, s);
    return TRUE;
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
    JbStatement probe = {.subject = (char *)subject,
                         .metric = (char *)metric,
                         .metric_id = (char *)(m ? m->id : ""),
                         .q = *q,
                         .period = (char *)period,
                         .period_stated = stated,
                         .quote = (char *)quote,
                         .line = line};
    JbStatement *earlier = jb_extract_same_figure(c->seen, &probe);
    const char *per = strchr(q->unit, '/');
    if (!earlier && per && per > q->unit) { /* EPS（元/股） | 1.18 after EPS分别为1.18元 */
        JbStatement bare = probe;
        bare.q.unit[per - q->unit] = '\0';
        earlier = jb_extract_same_figure(c->seen, &bare);
    }
    JbDecimal v = jb_decimal_normalize(q->value);
    gboolean said_in_row = FALSE;
    for (guint i = 0; i < c->n_row_said && !said_in_row; i++)
        said_in_row = c->row_said[i].mant == v.mant && c->row_said[i].exp10 == v.exp10;
    if (!said_in_row && ((earlier && strcmp(earlier->period, period) == 0) ||
                         jb_extract_said_in_prose(c, subject[0] ? subject : metric, q, period) ||
                         (c->change_of && jb_extract_said_in_prose(c, c->change_of, q, period)))) {
        if (c->n_row_said < G_N_ELEMENTS(c->row_said))
            c->row_said[c->n_row_said++] = v;
        return; /* the prose said it (the row label) */
    }
    JbStatement *s = article_statement(c, &probe, (Span){metric, metric + strlen(metric)});
    s->forecast = estimate || after_published(c, s->period);
    keep_statement(c, s);
}

int jb_extract_kw_fenbie(void)
{
    keyword_set();
    return kw_fenbie;
}
