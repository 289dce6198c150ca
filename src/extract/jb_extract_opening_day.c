/* jb_extract_opening_day.c — the day a story opens with (11月24日，…开标并产生拟中选结果):
 * the period of its figures that name no time, unless what the opening tells is an
 * announcement (…峰会在福州举行, 省工信厅发布…), whose day is no period of what it says.
 *
 * Not for: the other times of a sentence (jb_extract_times.c).
 */
#include "jb_extract_read_priv.h"

/* A day the story opens with, before its first figure and not after the published one
 * (11月24日，…开标并产生拟中选结果): its figures' that name no time (jb_extract_default_period).
 * A digest's numbered item (1、央行4日开展…) names its own day, not the digest's. */
/* Is the clause after the day r of the opening sentence an announcement (4月9日，…峰会在福州举行,
 * 2月13日，省工信厅发布…, 9月8日，监管部门披露了…)? The day it was made is no period of what
 * it says (the corpus's "the day an announcement was made"); an event's day is (开标, 开幕), and
 * so is a meeting's where its figures were done on site (推介会举行，现场签约项目36个). */
/* Are the figures after the word at p done at the event itself (推介会举行，现场签约项目36个;
 * 当场成交): the event's day, not an announcement's? */
static gboolean done_on_site(const char *p, const char *first_number)
{
    static const char *const SITE[] = {"现场", "現場", "当场", "當場", NULL};
    return word_in(p, first_number, SITE) != NULL;
}

/* Is a product launched at the event (…举办发布会，正式推出新一代Y90; 亮相, 首发): the figures
 * after it are the product's as launched that day, not what an announcement said? */
static gboolean launched_there(const char *p, const char *first_number)
{
    static const char *const LAUNCH[] = {"推出", "亮相", "首发", "首發", "发售", "發售", NULL};
    return word_in(p, first_number, LAUNCH) != NULL;
}

static gboolean announced(const TimeRef *r, const char *first_number)
{
    static const char *const SAID[] = {"发布", "發布", "公布", "披露", "宣布", "举行", "舉行",
                                       "召开", "召開", "印发", "印發", "谈到", "談到", "介绍",
                                       "介紹", "获悉", "獲悉", "表示", NULL};
    const char *said = word_in(r->end, first_number, SAID);
    return said && !done_on_site(said, first_number) && !launched_there(said, first_number);
}

/* Is r a wire's dateline (财联社11月26日电，): the day the item was sent, not yet the day its
 * story tells of? */
static gboolean dateline(const TimeRef *r)
{
    static const char *const SENT[] = {"电", "電", "讯", "訊", NULL};
    for (const char *const *w = SENT; *w; w++)
        if (starts(r->end, r->end + strlen(*w), *w))
            return TRUE;
    return FALSE;
}

/* Is a wire's dateline before r in its sentence, dating a later day than r's (财联社11月26日电，
 * 周三美股…收涨; 11月25日晚间…)? The day the story names after it is the one it tells of: the
 * US session of the day before, not the dispatch's, for its later sentences too (热门中概股…
 * 涨2.05%). `first`: the dateline's day (0 when none). */
static gboolean after_dateline(const Ctx *c, const TimeRef *r, gint64 *first)
{
    const TimeRef *refs = (const TimeRef *)(const void *)c->times->data;
    *first = 0;
    if (!r->has_val || r < refs || r >= refs + c->times->len)
        return FALSE;
    /* (the few times just before it: a dateline opens its item, and a sentence of thousands of
     * days is not read back from each) */
    for (const TimeRef *k = r - refs > 4 ? r - 4 : refs; k < r; k++)
        if (k->has_val && dateline(k) && jb_period_freq(&k->val) == JB_FREQ_DAY &&
            jb_period_first_day(&k->val) > jb_period_first_day(&r->val)) {
            *first = jb_period_first_day(&k->val);
            return TRUE;
        }
    return FALSE;
}

void jb_extract_note_opening_day(Ctx *c, const TimeRef *r, const char *first_number)
{
    if (!(c->lead_open && r->has_val && r->at < first_number &&
          (r->role == TIME_PERIOD || r->role == TIME_DAY) && !r->future_word && !r->event &&
          jb_period_freq(&r->val) == JB_FREQ_DAY && c->anchor.day.kind == JB_POINT_DAY &&
          jb_period_first_day(&r->val) <= jb_point_first_day(&c->anchor.day)))
        return;
    if (!c->numbered_item && !c->have_opening_day) { /* (the story's first day: most calls) */
        if (!announced(r, first_number)) {
            c->opening_day = r->val;
            c->have_opening_day = TRUE;
        }
        return;
    }
    gint64 sent_day = 0;
    if (!after_dateline(c, r, &sent_day) || announced(r, first_number))
        return;
    if (c->numbered_item) {
        /* (a live page's entry or a digest's item: its own day, for its paragraph) */
        c->carry = r->val;
        c->have_carry = TRUE;
        c->carry_as_of = FALSE;
    } else if (jb_period_first_day(&c->opening_day) == sent_day) {
        /* (the dateline noted first, and replaced by the day the story tells of) */
        c->opening_day = r->val;
    }
}
