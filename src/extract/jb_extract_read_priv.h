/* jb_extract_read_priv.h — what the files that read an article share (not installed, not
 * public).
 *
 * jb_extract.c walks an article section by section, paragraph by paragraph and sentence by
 * sentence, with the extractor's public calls; it uses:
 *   jb_extract_times.c  the times of a sentence, each resolved where it stands;
 *   jb_extract_side_notes.c a week or weekday said after a session's figures;
 *   jb_extract_lists.c  lists in a sentence: the items before 分别 and the values it hands
 *                       them (years, subjects, items), a value shared among a list's members;
 *   jb_extract_groups.c figures that only say which group a sentence speaks of;
 *   jb_extract_conditions.c rules, conditions and windows that are no figures;
 *   jb_extract_frame.c  the frame of what is read: sections (their dates, titles, report
 *                       periods), headings and the periods they name, and the period in force
 *                       where a paragraph names none.
 *
 * Not for: anything outside src/extract (jb_extract.h), nor what the rest of extract shares
 * (jb_extract_priv.h).
 */
#ifndef JB_EXTRACT_READ_PRIV_H
#define JB_EXTRACT_READ_PRIV_H

#include "jb_extract_priv.h"

/* The list of values after one 分别 and what it hands them: years (2023-2025年…分别达到120、
 * 135、150亿元: the last run of years before it), or subjects (人工智能、人形机器人企业分别超过
 * 6000家、140家), or the items of a list (国家级、省级…分别拿到…). */
#define FENBIE_MAX 16 /* lists read in one sentence; later ones are plain figures */
typedef struct {
    guint from, n;       /* the values: quantities [from, from + n) of the sentence */
    GPtrArray *years;    /* "2023"…, owned */
    GPtrArray *subjects; /* borrowed words, or the items' (owned by `items`) */
    GPtrArray *items;    /* owned, or NULL */
    GPtrArray *members;  /* owned, when by_subject: each member's own words (Ctx.member) */
    gboolean by_year, by_subject;
    gboolean ambiguous; /* a list of subjects not paired with the values (counts differ) */
} FenbieList;
/* jb_extract_lists_follow.c: the lists right after a list of years, of its count, added to
 * `lists` (holding `n`, FENBIE_MAX at most) with its years; the new count. */
guint follow_year_lists(const Ctx *c, const char *sent, FenbieList *lists, guint n);

/* jb_extract_times.c: the times of the sentence [sent, end) into c->times (the figures start
 * at `first_number`); the paragraph's carried period becomes the last one named. */
void read_times(Ctx *c, const char *sent, const char *end, const char *first_number);
/* jb_extract_side_notes.c: the sentence's time i after a figure: its item's only after a
 * figure of its item (`its`: the item's start, NULL in a sentence of one item), its sentence's
 * only when a week or weekday after a session's figures (`ctx`: the period in force, NULL for
 * none); a whole year over by the published day (`a`) said after a part of it in force stays
 * in force. */
void after_figures(GArray *refs, guint i, const char *sent, const char *end, const char *its,
                   const GArray *qs, const JbPeriod *ctx, const TimeAnchor *a);

/* jb_extract_lists.c */
void share_among_members(Ctx *c, const char *sent, const char *qs);
void share_among_months(Ctx *c, const char *sent, const char *qs);
gboolean list_gap(const char *a, const char *b);
void fenbie_list_clear(FenbieList *l);
gboolean fenbie_list(Ctx *c, const char *sent, const WordHit *hit, FenbieList *l);

/* jb_extract_groups.c: does the sentence's quantity i only say which group the sentence
 * speaks of (a count before a group's rate, a threshold, a share's condition, a streak's
 * bound)? */
gboolean names_a_group(const Ctx *c, const char *sent, const GArray *qs, guint i);

/* jb_extract_conditions.c: does the sentence [sent, end)'s quantity i state a rule, a condition
 * or a window, not a figure (满500元减60元, 满6个月的企业, 持股5%以上股东, 犊牛（体重在200公斤以
 * 下）1.3万头, 开售48小时销量…, 现已更正为X repeating the article)? */
gboolean states_a_condition(const Ctx *c, const char *sent, const char *end, const GArray *qs,
                            guint i);

/* jb_extract_corrections.c: a correction's withdrawn figure (“X”有误，应为“Y”) where an earlier
 * item of the page states it is dropped; the corrected figure takes its period. */
void jb_extract_apply_corrections(const JbArticle *article, GPtrArray *out);
/* Is the number at [qs, qe) of the sentence [s, end) one a correction withdraws (“…4.1%”应为…,
 * 误写为X) or a first estimate a revision before it supersedes (…，此前公布的初值为…)? Is the
 * figure ending at qe in the title of an article the sentence cites (《…3.06%》一文中)? */
gboolean jb_extract_withdrawn(const char *s, const char *qs, const char *qe, const char *end);
gboolean jb_extract_in_cited_title(const char *qe, const char *end);

/* jb_extract_named.c: the names and weeks each section's body defined (Ctx.names, one per
 * section), kept as its body ends; a headline of section x entered (enter_section) with
 * those of `names` (NULL: x's) */
struct SectionNames *jb_extract_names_new(guint sections);
void jb_extract_keep_names(Ctx *c, const JbSection *x);
void jb_extract_enter_headline(Ctx *c, const JbSection *x, const JbSection *names);

/* jb_extract_frame.c */
void heading_period(Ctx *c, const char *heading, guint level);
/* After a paragraph: a part headed by a line that states a figure (## 订单：前三季度新签约7.6亿元,
 * a headline restating its body) names the period of its prose only until a paragraph moves
 * on to a time of its own (截至11月底…; then 研发人员约420人 is the story's, not 前三季度's). */
void jb_extract_part_moved_on(Ctx *c);
void enter_section(Ctx *c, const JbSection *x);
gboolean briefing_title(const char *t);
/* Is [sent, end) only an as-of line in brackets around the time r ((截至11月30日) under a
 * graphic's title)? And, for one: the year's running span to its day declared when the title
 * or the story named that year. */
gboolean jb_extract_as_of_line(const char *sent, const char *end, const TimeRef *r);
void jb_extract_year_to_as_of_line(Ctx *c, const char *sent, const char *end, const TimeRef *r);

/* jb_extract_opening_day.c: note r, a time of the story's opening sentence before its first
 * figure, as the day its figures that name none are of (c->opening_day), when it is one. */
void jb_extract_note_opening_day(Ctx *c, const TimeRef *r, const char *first_number);

/* jb_extract_currency.c: a figure after a table's unit declaration (单位：百万元) names the
 * cells' unit; a currency declared for the rest (（下同）) noted, or applied to `x`. */
gboolean jb_extract_unit_declaration(const char *sent, const char *at);
void jb_extract_declared_currency(Ctx *c, const char *sent, const char *end, JbQuantity *x);

/* A quarter, half or month with no year, not over when published, in a story about an earlier
 * year: that year's (jb_extract_frame.c). r is refs[i]. */
void jb_extract_in_story_year(const Ctx *c, const GArray *refs, guint i, TimeRef *r);

/* jb_extract_headline.c: the length of the live page's time stamp [p, end) opens with
 * (15:45【收评】…), 0 if none. */
gsize jb_extract_time_stamp(const char *p, const char *end);

/* jb_extract_month_on_month.c: a running total carried into a sentence with a change against
 * the month before (…月增約8%) made its last month for that sentence (c->carry_in). */
void jb_extract_month_of_total(Ctx *c, const char *sent, const char *end);

#endif
