/* jb_extract_ends_priv.h — figures dated by where a period ends or a survey was done, asked by
 * the prose's period rules (jb_extract_statement_tense.c) and a table's (jb_extract_table.c). */
#ifndef JB_EXTRACT_ENDS_PRIV_H
#define JB_EXTRACT_ENDS_PRIV_H

#include "jb_extract_priv.h"

/* jb_extract_holdings.c: does [a, b) name a position held (持股数量, 占基金资产净值; not
 * 公允价值变动)? A quarter's or half's `period` made its last month (a position at its end). */
gboolean jb_extract_holding_words(const char *a, const char *b);
void jb_extract_at_period_end(char period[JB_PERIOD_MAX]);

/* jb_extract_to_date.c: a film's 累计票房 named in [a, b) over a span of days: its last day.
 * jb_extract_to_date_words: the names of the total (NULL-terminated). */
void jb_extract_total_to_date(const char *a, const char *b, char period[JB_PERIOD_MAX]);
extern const char *const jb_extract_to_date_words[];
/* jb_extract_to_date.c: does [a, b) name a market or a share's price (a run since January
 * in it is to the trading day)? */
gboolean jb_extract_market_words(const char *a, const char *b);

/* jb_extract_fieldwork.c: a finding's period `p` that is only the year the survey was done in
 * (or, `day_too`, the published day after it): the survey's months, when the article says
 * them. */
void jb_extract_survey_period(const Ctx *c, gboolean day_too, JbPeriod *p);

/* jb_extract_fieldwork.c: `p`, a survey finding's period at qs, made the survey's months when
 * the time t before it (NULL: none) is no time of the finding's own (statement_period). */
void jb_extract_survey_findings(const Ctx *c, const TimeRef *t, const char *qs, JbPeriod *p);

/* jb_extract_price_target.c: is the figure at qs a broker's price target (目标价上调至230元),
 * named in its clause [cs0, qs)? Its period is the note's day, the story's. */
gboolean jb_extract_price_target(const char *cs0, const char *qs);

#endif
