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

void jb_extract_note_opening_day(Ctx *c, const TimeRef *r, const char *first_number)
{
    if (c->lead_open && !c->have_opening_day && !c->numbered_item && r->has_val &&
        r->at < first_number && (r->role == TIME_PERIOD || r->role == TIME_DAY) &&
        !r->future_word && !r->event && jb_period_freq(&r->val) == JB_FREQ_DAY &&
        c->anchor.day.kind == JB_POINT_DAY &&
        jb_period_first_day(&r->val) <= jb_point_first_day(&c->anchor.day) &&
        !announced(r, first_number)) {
        c->opening_day = r->val;
        c->have_opening_day = TRUE;
    }
}
