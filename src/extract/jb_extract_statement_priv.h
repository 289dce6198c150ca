/* jb_extract_statement_priv.h — what the files of one statement share (not installed, not
 * public).
 *
 * A statement of a quantity is put together by jb_extract_add_statement
 * (jb_extract_statement.c: the sentence's keywords, forecast and hedge words, the period
 * chosen, the statement kept) from:
 *   jb_extract_statement_text.c    its subject, metric phrase and quote, cut from the text;
 *   jb_extract_statement_figure.c  whether the quantity is a figure at all (a count in prose,
 *                                  a slogan, a class, an age of a condition) and declines;
 *   jb_extract_statement_change.c  the time it takes, and a change since a base (比2020年底
 *                                  增加…: a span from the base to now) or a span's close;
 *   jb_extract_statement_tense.c   forecast or done, and its period: stated, carried or
 *                                  defaulted, then made over by the change files' rules.
 *
 * Not for: anything outside src/extract (jb_extract.h), nor what the rest of extract uses of
 * statements (jb_extract_priv.h).
 */
#ifndef JB_EXTRACT_STATEMENT_PRIV_H
#define JB_EXTRACT_STATEMENT_PRIV_H

#include "jb_extract_priv.h"

/* One figure of a sentence as jb_extract_add_statement puts its statement together, step by
 * step: each step reads what the ones before it found. */
typedef struct {
    const char *sent, *sent_end; /* the sentence */
    const JbQuantity *q;         /* the quantity as read */
    const char *qs, *qe;         /* its text */
    const char *prev_end;        /* the end of the list member before it, or NULL */
    const char *cs0;             /* the start of its clause */
    const char *cs;              /* where its own words start: after a list's earlier member */
    const char *ce;              /* the end of its clause */
    const char *near;            /* look_back_from(cs0, qs): its clause's words it reads back to */
    const char *subj_at;         /* its subject in the text, or NULL */
    const char *subject;         /* its subject, "" when none */
    const TimeRef *t;            /* its time, or NULL */
    gboolean have_time;          /* the time is the figure's (not a launch's: see figure_tense) */
    Span metric_at;              /* its metric phrase */
    const char *metric;          /* the same, as a string (in c->metric_buf) */
    gboolean noun_after;         /* the metric phrase is the noun after the number */
    JbQuantity qq;               /* the quantity as stated: a decline negative, a hedge found */
    gboolean declined;           /* read as a decline (下降0.6%) */
    const char *quote_from;      /* the start of its quote */
} Figure;

/* jb_extract_repeat.c: jb_extract_same_figure, and in *bucket c->seen's statements of the
 * value of `s` (NULL: none yet); jb_extract_remember of `s` of that value, given its bucket as
 * jb_extract_same_figure_in found it (one lookup of c->seen per statement kept, not two). */
JbStatement *jb_extract_same_figure_in(GHashTable *seen, const JbStatement *s, GArray **bucket);
void jb_extract_remember_in(GHashTable *seen, GArray *bucket, JbStatement *s);

/* jb_extract_statement_text.c */
Span metric_phrase(const char *cstart, const char *qstart, const char *subject_at,
                   const char *time_end);
const char *last_subject(GArray *hits, const char *b, const char **word);
Span following_noun(const char *qe, const char *ce);
gboolean subject_starting_at(const JbDict *dict, const char *p, const char *end);
Span bounded_quote(GString *buf, Span x, const char *qs, const char *qe);
/* The figure's subject (f->subj_at, f->subject) and metric phrase (f->metric_at, f->metric,
 * f->noun_after), from its clause (f->cs, f->ce) and time (f->t). */
void figure_metric(Ctx *c, Figure *f, const char *subject_override, const char *metric_override);
/* Its quote, from f->quote_from (moved to the clause before when its own says little). */
Span figure_quote(Ctx *c, Figure *f);

/* jb_extract_statement_figure.c */
gboolean is_prose_count(const char *qs, const char *qe, const JbQuantity *q);
gboolean counts_list_before(const char *cs, const char *qs, const char *qe, const JbQuantity *q);
gboolean in_short_quote(const char *s, const char *qs, const char *qe, const char *end);
gboolean span_of_years_in_name(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                               const char *end);
gboolean era_of_years(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                      const char *end);
/* jb_extract_groups.c: a class's name (三类医疗器械, 1类创新药), a digest's count of its items */
gboolean category_name(const JbQuantity *q, const char *cs, const char *qs, const char *qe,
                       const char *end);
gboolean digest_item_count(const JbQuantity *q, const char *sent, const char *qs);
/* jb_extract_groups.c: is a group's share or count said after the noun at p (…的车辆占比为
 * 21.9%)? Does a verb of making or trading stand before a figure of a plant's scale in Latin
 * units (新增3GW装机), an amount, not a part's spec? */
gboolean share_of_group_after(const char *p, const char *end);
gboolean latin_amount_verb(const JbQuantity *q, const char *sent, const char *qs);
/* jb_extract_statement_figure.c */
gboolean bound_modifies_noun(const JbQuantity *q, const char *qe, const char *end);
gboolean condition_before(const char *sent, const char *qs);
gboolean condition_age(const JbQuantity *q, const char *qs, const char *qe, const char *sent,
                       const char *end);
gboolean latin_spec_before_noun(const char *qe, const char *end);
gboolean threshold_word(const char *qualifier);
gboolean has_figure_digit(const char *a, const char *b);
gboolean decline_before(const char *cs, const char *qs, GString *metric);
gboolean list_joiner(const char *a, const char *b);
/* Is the quantity q of the sentence [sent, sent_end) no figure at all (a count in prose, a
 * vague amount, a class, a condition, a spec)? */
/* The figure as stated (f->qq): a decline made negative, its metric the rise it mirrors. */
void figure_decline(Ctx *c, Figure *f);

/* jb_extract_per_unit.c: f->qq's unit made a rate of what 每 names some words before the
 * figure (每千人口…床位7.48张 → 张/千人口). */
void figure_per_unit(Figure *f);
gboolean not_a_figure(const Ctx *c, const char *sent, const char *sent_end, const JbQuantity *q);

/* jb_extract_statement_change.c */
const TimeRef *figure_time(const Ctx *c, const JbQuantity *q, const char *qs, const char *qe,
                           const char *ce);
gboolean market_sentence(const Ctx *c);
gboolean sentence_day(const Ctx *c, const char *qs, JbPeriod *out);
void change_since_base(Ctx *c, const char *sent, const char *cs0, const char *qs, const char *qe,
                       char period[JB_PERIOD_MAX]);
void close_of_span(const Ctx *c, const char *cs0, const char *qs, char period[JB_PERIOD_MAX]);
/* A change after the two levels it runs between (由2016年的0.85元降至2025年的0.32元，降幅超过
 * 六成): over the span between their times. */
void change_between_levels(const Ctx *c, const char *sent, const char *cs0, const char *qs,
                           char period[JB_PERIOD_MAX]);
/* A level stated over a span of years (五年来…城镇化率达到72.4%) is at the span's last year. */
void yearly_over_span(const Ctx *c, const char *sent, const char *cs0, const char *qs,
                      char period[JB_PERIOD_MAX]);
/* the verbs of a level (达到, 突破, 升至…, 为), jb_extract_statement_change.c */
extern const char *const *const jb_extract_level_verbs;
void level_at_span_end(const char *cs0, const char *qs, const JbQuantity *q,
                       char period[JB_PERIOD_MAX]);
/* A plan document's yearly figure or measure: `period` made the plan's years; TRUE when the
 * figure is a target. */
gboolean plan_rate(const Ctx *c, const char *cs0, const char *qs, char period[JB_PERIOD_MAX]);

/* jb_extract_statement.c: the sentence's keywords (jb_extract_sentence_words), their tags in
 * ranges (the comment at keyword_set): [0, kw_actual) forecast words, [kw_actual, kw_hedge)
 * actual words. */
extern int kw_actual, kw_hedge;
/* The forecast, actual, market and definition words are templates/words.tsv's lists. Of the
 * actual words the first two (累计, 累計) also mark a year-end total. */
#define ACTUAL_CUMULATIVE(tag) ((tag)-kw_actual < 2)
/* The first of the sentence's keyword hits at or after `p` (they are in text order). */
guint keyword_from(const Ctx *c, const char *p);
/* Lists of words rare in prose that period rules look for before a figure, each a bit of
 * c->sentence_lists when the sentence holds one of its words (found with the keywords): a
 * rule passes a sentence without one by, as its search of a window of it would find none. */
enum {
    SENTENCE_HOLDING = 1, /* jb_words_holding (jb_extract_holding_words) */
    SENTENCE_INTERIM = 2, /* jb_extract_interim_words (an interim dividend) */
    SENTENCE_TO_DATE = 4  /* jb_extract_to_date_words (jb_extract_total_to_date) */
};
extern const char *const jb_extract_interim_words[];
static inline gboolean hit_within(const WordHit *h, const char *a, const char *b)
{
    return h->at >= a && h->at + h->len <= b;
}

/* jb_extract_statement_tense.c */
/* Whether a figure is a forecast or done, and what its period is when it names none. */
typedef struct {
    gboolean forecast; /* a plan, target or expectation */
    gboolean actual;   /* said done (已, 累计…): no forecast, whatever its time */
    gboolean now;      /* of the published day (目前, 已有…): no time carried in */
    gboolean running;  /* a running total (累计) with no time of its own */
} Tense;
/* The figure's tense, from the keywords of its clause and of the sentence before it; may
 * drop the figure's time (f->have_time) when it is an event's, not the figure's. */
Tense figure_tense(const Ctx *c, Figure *f);
/* jb_extract_now_stock.c: is the figure a stock said to stand now (已超过2000家) after an earlier
 * clause's span for its own figure, or in a clause after such a stock? Then not of that span. */
gboolean jb_extract_now_stock(const Ctx *c, const Figure *f);
/* jb_extract_views.c: is the figure a share of people who fear, believe or expect (36.2%的受访者
 * 担心…)? Then a time in what they think, or one still to come, is not its time (f->have_time). */
gboolean jb_extract_view_share(const Ctx *c, Figure *f);
/* Its period into `period` (sets tense->forecast for a plan's rate). */
void figure_period(Ctx *c, const Figure *f, const char *period_override, Tense *tense,
                   char period[JB_PERIOD_MAX]);
/* Does `period` begin after the published day? */
gboolean after_published(const Ctx *c, const char *period);

/* jb_extract_plans.c */
/* Is the figure the subject of a forecast word right after its noun (15个省份将实施)? */
gboolean forecast_after_figure(const Ctx *c, const Figure *f);
/* Is the 将 (hit h) of the sentence from `sent` the verb of its first figure (共有15个省份将实施…，
 * 平均…110天): the sentence's forecast word, as one before the figure is? */
gboolean forecast_of_first_figure(const Ctx *c, const char *sent, const WordHit *h);
/* Is the figure at qs the expected value itself (高于市场预期的1650亿元, 一致预期为13亿元, 市场
 * 预期的约20万人), whatever word named the expectation (a name that is no forecast word)? */
gboolean expected_value(const char *sent, const char *qs);
/* Is the word at `at` inside a bracket opened after `a` and not yet closed (净利润1.2亿元（此前
 *预期1.1亿元）: 预期 is the note's)? */
gboolean in_side_note(const char *a, const char *at);
/* Is the figure a term of the plan of share dealings its story's title announces (拟…回购股份:
 * 回购股份价格：不超过36.80元/股), nothing in its clause said done? */
gboolean plan_of_title(const Ctx *c, const Figure *f);
/* The terms of a share dealing planned (● 回购股份金额：不低于…; 拟使用不超过2亿元的自有资金回购
 * 股份; 回购价格不超过45元/股) are set on a day, not measured over the results' period a title or
 * an earlier sentence named: the day its sentence names (于8月29日召开董事会…，拟…), else the
 * published day. Not a payout beside it (每10股派发现金红利: the profits' period). */
void dealing_terms_day(const Ctx *c, const Figure *f, gboolean forecast,
                       char period[JB_PERIOD_MAX]);
/* Does the title announce a plan of share dealings (恒屿精密拟斥资1.5亿至3亿元回购股份, 关于回购
 * 股份方案的公告, 股东减持计划), not its results (实施完毕, 回购结果, 进展)? Asked once per
 * title, by enter_section (Ctx.title_dealing): plan_of_title asks it of every figure. */
gboolean jb_extract_title_plans_dealing(const char *title);
/* Is the figure the basis of an estimate its clause makes (按回购价格上限36.80元/股测算, 以每股
 * 10元计算)? */
gboolean calculation_basis(const Figure *f);
/* jb_extract_repeat.c: a statement of c->seen of the same value and unit as `s`, from another
 * sentence than `sentence`, or NULL. */
JbStatement *jb_extract_same_value(GHashTable *seen, const JbStatement *s, guint sentence);
/* jb_extract_repeat.c: of `bucket` (c->seen's statements of the value of `s`), one of sentence
 * `in` with the bound, period and subject of `s`, or NULL. */
JbStatement *jb_extract_same_in_sentence(GArray *bucket, const JbStatement *s, guint in);


#endif
