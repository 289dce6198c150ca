/* jb_extract_frame.c — the frame of what is read: a section entered (its date, publisher,
 * title and the period a periodic report covers), the periods headings name and whether
 * they name plans, and the period in force where a paragraph names none (the deepest
 * heading's, the story's opening one, the title's year).
 *
 * Not for: the times of a sentence (jb_extract_period.c), walking paragraphs (jb_extract.c).
 */
#include "jb_extract_read_priv.h"
#include "jb_extract_statement_priv.h" /* (jb_extract_title_plans_dealing) */
#include "jb_word_lists.h"

#include <string.h>

/* `*field` (a GRefString) made `value` when it differs. */
/* Whether it changed. */
static gboolean set_ref(char **field, const char *value)
{
    if (*field && strcmp(*field, value) == 0)
        return FALSE;
    if (*field)
        g_ref_string_release(*field);
    *field = g_ref_string_new(value);
    return TRUE;
}

/* The first period the text names that a heading or title can hold for what follows: not a
 * day, a deadline, a plan or a time said in passing; nor the period of a report the text
 * names (2023年年报显示), unless `report`: the title of the report itself. */
static gboolean named_period(Ctx *c, const char *text, gboolean report, JbPeriod *out)
{
    GArray *refs = c->times;
    g_array_set_size(refs, 0);
    jb_extract_time_refs(text, text + strlen(text), &c->anchor, refs);
    for (guint i = 0; i < refs->len; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        /* (a plan's heading may name a span ahead: 三、重点任务（“十五五”期间）) */
        if (r->role == TIME_PERIOD && REL_NAMES_PERIOD(r->rel) && !r->local &&
            (!r->future_word || report) && !r->loose && (!r->sentence_only || report) &&
            jb_extract_resolve_time(r, NULL, &c->anchor, refs, i, out) &&
            jb_period_freq(out) != JB_FREQ_DAY)
            return TRUE;
    }
    return FALSE;
}

/* Does a heading head a list of what is scheduled (今日关注, 明日看点, 下周前瞻: a morning post's
 * calendar, 15:00　财政部发行…)? Its items are events still to come, prose too. */
static gboolean agenda_heading(const char *h)
{
    static const char *const DAY[] = {"今日", "明日", "下周", "下週", NULL};
    static const char *const WHAT[] = {"关注", "關注", "看点", "看點", "提示", "前瞻", NULL};
    for (const char *const *d = DAY; *d; d++) {
        const char *p = strstr(h, *d);
        for (const char *const *w = WHAT; p && *w; w++)
            if (g_str_has_prefix(p + strlen(*d), *w))
                return TRUE;
    }
    return FALSE;
}

/* The period a heading of `level` names (今年一季度分行业营收, 一、2024年工作回顾): a table
 * under it is that period's, and so is a figure under it that names no time. The headings
 * under it no longer hold. */
/* Does a heading name targets or plans (主要预期目标, 2026年工作计划, 发展展望)? */
static gboolean plan_heading(const char *h)
{
    if (agenda_heading(h))
        return TRUE;
    /* (not a story's headline that states its figure: 1. …全面铺开 今冬计划完成投资超4000亿元) */
    JbQuantity q;
    for (gsize from = 0, n = strlen(h); jb_number_scan(h, n, from, &q); from = q.end)
        if (q.unit[0])
            return FALSE;
    for (const char *const *w = jb_words_plan_heading; *w; w++)
        if (strstr(h, *w))
            return TRUE;
    /* the work a report sets for the year ahead (三、2026年重点工作), not a review of it
     * (重点工作完成情况) */
    static const char *const REVIEW[] = {"回顾", "回顧", "完成", "成效", "进展",
                                         "進展", "情况", "情況", NULL};
    if (!strstr(h, "重点工作") && !strstr(h, "重點工作") && !strstr(h, "工作重点") &&
        !strstr(h, "工作重點"))
        return FALSE;
    for (const char *const *w = REVIEW; *w; w++)
        if (strstr(h, *w))
            return FALSE;
    return TRUE;
}

gboolean jb_extract_under_plan_heading(const Ctx *c)
{
    for (guint l = JB_HEADING_LEVELS; l-- > 0;)
        if ((c->have_heading_period[l] || c->heading_plan[l]) && c->heading_for_prose[l])
            return c->heading_plan[l];
    return FALSE;
}

void heading_period(Ctx *c, const char *heading, guint level)
{
    for (guint l = level; l < JB_HEADING_LEVELS; l++)
        c->have_heading_period[l] = c->heading_plan[l] = c->heading_this_month[l] = FALSE;
    /* (a plan's heading names the period of its targets: 二、2026年主要预期目标) */
    c->heading_plan[level] = plan_heading(heading);
    c->have_heading_period[level] = named_period(c, heading, c->heading_plan[level],
                                                 &c->heading_period[level]);
    c->heading_this_month[level] = c->have_heading_period[level] &&
                                   c->anchor.reviewed.kind != JB_POINT_MONTH &&
                                   (strstr(heading, "本月") || strstr(heading, "這個月") ||
                                    strstr(heading, "这个月"));
    /* a report's section on the year before (二、上年同期经营业绩和财务状况): its period a year back */
    if (!c->have_heading_period[level] && c->have_title_period &&
        (strstr(heading, "上年同期") || strstr(heading, "去年同期"))) {
        const JbPeriod *tp = &c->title_period;
        c->heading_period[level] = (JbPeriod){jb_point_add_years(tp->start, -1),
                                              jb_point_add_years(tp->end, -1)};
        c->have_heading_period[level] = TRUE;
    }
    /* A heading paragraph (Markdown, HTML) is often a headline, whose period is one of
     * several its story reports: it holds for prose only when numbered as a section is. */
    c->heading_for_prose[level] = level > 0 || jb_extract_heading_level(heading) > 0 ||
                                  agenda_heading(heading);
}

/* The period of the deepest heading over the text being read (for prose: of one that
 * holds for prose). */
static gboolean headings_period(const Ctx *c, gboolean prose, JbPeriod *out)
{
    for (guint l = JB_HEADING_LEVELS; l-- > 0;)
        if (c->have_heading_period[l] && (!prose || c->heading_for_prose[l])) {
            *out = c->heading_period[l];
            return TRUE;
        }
    return FALSE;
}

gboolean jb_extract_frame_period(const Ctx *c, JbPeriod *out)
{
    if (headings_period(c, TRUE, out))
        return TRUE;
    if (c->have_title_period) {
        *out = c->title_period;
        return TRUE;
    }
    return FALSE;
}

gboolean jb_extract_default_period(const Ctx *c, gboolean prose, JbPeriod *out)
{
    if (headings_period(c, prose, out))
        return TRUE;
    if (c->week_of_story && c->have_story_week) {
        *out = c->story_week; /* a weekly's week (its headings and title, read last, too) */
        return TRUE;
    }
    if (c->have_declared) {
        *out = c->declared;
        return TRUE;
    }
    if (c->have_lead) {
        *out = c->lead;
        return TRUE;
    }
    if (c->have_title_period) {
        *out = c->title_period;
        return TRUE;
    }
    if (c->have_opening_day && !c->headline) { /* 11月24日，…开标。¶ 本次集采…降价56.3% */
        *out = c->opening_day;
        return TRUE;
    }
    return FALSE;
}

/* Is the sentence [sent, end) only an as-of line in brackets around the time r (（截至11月30日）,
 * （数据截至2026年9月30日）under a graphic's title)? It holds for what follows, as 下同 says. */
gboolean jb_extract_as_of_line(const char *sent, const char *end, const TimeRef *r)
{
    while (end > sent && (end[-1] == ' ' || end[-1] == '\n'))
        end--;
    const char *open = starts(sent, end, "（") ? sent + strlen("（")
                       : *sent == '('          ? sent + 1
                                               : NULL;
    if (!open || !(ends(open, r->at, "截至") || ends(open, r->at, "截止")))
        return FALSE;
    const char *w = r->at - strlen("截至");
    if (w != open &&
        !(w - open == (ptrdiff_t)strlen("数据") &&
          (starts(open, w, "数据") || starts(open, w, "統計") || starts(open, w, "统计"))))
        return FALSE;
    return (starts(r->end, end, "）") && r->end + strlen("）") == end) ||
           (*r->end == ')' && r->end + 1 == end);
}

/* An as-of line under a title or a line that names the year the day is in, not its last day
 * (2026年 ¶ …民生实事 ¶ 完成情况 ¶ （截至11月30日）): what the graphic counts is the year's to that
 * day, as 截至11月30日，2026年… says it in one sentence (year_to_as_of, the statement's). */
void jb_extract_year_to_as_of_line(Ctx *c, const char *sent, const char *end, const TimeRef *r)
{
    const JbPeriod *y = &c->story_named, *d = &r->val;
    if (d->start.kind != JB_POINT_DAY || d->end.kind != JB_POINT_DAY ||
        jb_period_first_day(d) != jb_period_end_day(d) - 1 ||
        (d->start.n == 12 && d->start.day == 31) || !jb_extract_as_of_line(sent, end, r))
        return;
    char
        year[16]; /* (the title's year: 一图读懂｜2026年…交出成绩单, a name's time to the reader) */
    g_snprintf(year, sizeof year, "%d年", d->start.year);
    gboolean named = c->have_story_named && y->start.kind == JB_POINT_YEAR &&
                     y->end.year == y->start.year && y->start.year == d->start.year;
    if (!named && !(c->title && strstr(c->title, year)))
        return;
    c->declared = (JbPeriod){{JB_POINT_DAY, d->start.year, 1, 1}, d->start};
}

/* `title` without its 《》, in which times are a name's (a report's, a plan's): a new string. */
static GString *without_book_marks(const char *title)
{
    GString *bare = g_string_new(NULL);
    for (const char *p = title; *p; p++)
        if (!g_str_has_prefix(p, "《") && !g_str_has_prefix(p, "》"))
            g_string_append_c(bare, *p);
        else
            p += strlen("《") - 1;
    return bare;
}

/* A periodic report named short with no year (茅台三季报, 中报, 年报): the latest period of
 * its kind that ended before the published day `day` — a third quarter's report published in
 * October is that year's, an annual report the year before (templates/words.tsv, report_short). */
static gboolean short_report_period(const char *title, JbPoint day, JbPeriod *out)
{
    for (gsize i = 0; jb_words_report_short[i]; i++) {
        const char *w = jb_words_report_short[i], *at = strstr(title, w);
        if (!at)
            continue;
        const char *after = at + strlen(w);
        if (g_str_has_prefix(after, "告") || g_str_has_prefix(after, "道") ||
            (at > title + 2 && (g_str_has_prefix(at - 3, "周") || g_str_has_prefix(at - 3, "週"))))
            continue; /* (年报告, 十周年报道: no report's short name) */
        const char *v = jb_words_report_short_value[i];
        int n = v[1] - '0';
        if (v[0] == 'Q') /* (the quarter is over once the published month is past it) */
            *out = jb_period_of(
                (JbPoint){JB_POINT_QUARTER, day.n > 3 * n ? day.year : day.year - 1, n, 0});
        else if (v[0] == 'H')
            *out = jb_period_of(
                (JbPoint){JB_POINT_HALF, day.n > 6 ? day.year : day.year - 1, 1, 0});
        else
            *out = jb_period_of((JbPoint){JB_POINT_YEAR, day.year - 1, 0, 0});
        return TRUE;
    }
    return FALSE;
}

void jb_extract_note_reviewed(Ctx *c, const JbPeriod *p)
{
    const JbPoint *d = &c->anchor.day;
    if (p->start.kind != JB_POINT_MONTH || p->end.kind != JB_POINT_MONTH ||
        p->start.n != p->end.n || p->start.year != p->end.year || d->kind != JB_POINT_DAY ||
        d->day > 10)
        return;
    JbPoint next = jb_point_add(p->start, 1);
    if (next.year != d->year || next.n != d->n)
        return;
    c->anchor.reviewed = p->start;
    /* a heading read before the story named the month (【本月概況】 ¶ …2026年11月全市…, out
     * 12月1日): the month reviewed, as its 本月 would have been with the title naming it */
    for (guint l = 0; l < JB_HEADING_LEVELS; l++)
        if (c->have_heading_period[l] && c->heading_this_month[l])
            c->heading_period[l] = jb_period_of(p->start);
}

/* The period of a periodic report that `title` names (2025年第三季度报告, 2024年年度报告,
 * 三季报): what its 本报告期 and 报告期末 count from. */
static gboolean report_period(Ctx *c, const char *title, JbPeriod *out)
{
    /* (业绩: a results call or release, 2026年第三季度业绩说明会) */
    static const char *const REPORT[] = {"报告", "報告", "年报", "年報", "季报", "季報", "财报",
                                         "財報", "业绩", "業績", "中报", "中報", NULL};
    static JbWordSet *report; /* REPORT, kept for the life of the process */
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        report = jb_word_set_of(REPORT);
        g_once_init_leave(&done, 1);
    }
    /* (any of the words: one walk over the title, not a strstr per word; asked at every
     * section of every article) */
    if (title && jb_word_set_find(report, title, title + strlen(title))) {
        gboolean named = named_period(c, title, TRUE, out);
        if (!named && strstr(title, "《")) { /* 《2026年中国游戏产业报告》发布 */
            GString *bare = without_book_marks(title);
            named = named_period(c, bare->str, TRUE, out);
            g_string_free(bare, TRUE);
        }
        if (!named)
            return c->anchor.day.kind >= JB_POINT_MONTH &&
                   short_report_period(title, c->anchor.day, out);
        if (jb_period_freq(out) == JB_FREQ_YEAR &&
            (strstr(title, "半年") || strstr(title, "中期") || strstr(title, "中报") ||
             strstr(title, "中報"))) /* 2025年半年度报告: its first half */
            *out = jb_period_of((JbPoint){JB_POINT_HALF, jb_period_year(out), 1, 0});
        return TRUE;
    }
    return FALSE;
}

/* The years of a plan `title` publishes, 《…三年行动方案（2026—2028年）》 or “十五五”规划, when
 * they are not over by the published day: a span of two years or more. */
static gboolean plan_span(Ctx *c, const char *title, JbPeriod *out)
{
    static const char *const PLAN[] = {"方案", "规划", "規劃", "计划", "計劃",
                                       "纲要", "綱要", "行动", "行動", NULL};
    gboolean plan = FALSE;
    for (const char *const *w = PLAN; *w && !plan; w++)
        plan = strstr(title, *w) != NULL;
    if (!plan)
        return FALSE;
    /* (the plan's name is in 《》, where times are names: read them here) */
    GString *bare = without_book_marks(title);
    GArray *refs = c->times;
    g_array_set_size(refs, 0);
    jb_extract_time_refs(bare->str, bare->str + bare->len, &c->anchor, refs);
    gboolean found = FALSE;
    for (guint i = 0; i < refs->len && !found; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        found = r->role == TIME_PERIOD &&
                jb_extract_resolve_time(r, NULL, &c->anchor, refs, i, out) &&
                out->start.kind == JB_POINT_YEAR && out->end.kind == JB_POINT_YEAR &&
                out->end.year > out->start.year && out->end.year >= c->anchor.day.year;
    }
    g_string_free(bare, TRUE);
    g_array_set_size(refs, 0);
    return found;
}

/* The date of `section` (the article's when it states none) as the anchor of what follows,
 * and its title and link for the statements it gives. */
/* Is x a part of a story (not one of its own: no date, link nor bulletin item of its own)
 * headed by a line that states a figure (## 订单：前三季度新签约7.6亿元)? */
static gboolean headline_part(const JbSection *x)
{
    if (!x || x->first == 0 || !x->title[0] || x->published[0] || x->url[0] || x->item)
        return FALSE;
    JbQuantity q;
    for (gsize from = 0, n = strlen(x->title); jb_number_scan(x->title, n, from, &q); from = q.end)
        if (q.unit[0])
            return TRUE;
    return FALSE;
}

void jb_extract_part_moved_on(Ctx *c)
{
    if (c->have_carry && c->have_title_period && headline_part(c->section) &&
        !jb_period_equal(&c->carry, &c->title_period))
        c->have_title_period = FALSE;
}

/* The one year an undated article's title names (市场运行月报（2026 年第 11 期）, 2026年11月
 *运行情况: a dumped report's), as its anchor: its months with no year are that year's, a
 * span written out still a span; kind 0 when it names none or two. */
static JbPoint title_year(const char *t)
{
    int year = 0;
    for (const char *p = t ? t : ""; *p; p++) {
        if (!g_ascii_isdigit(*p) || (p > t && g_ascii_isdigit(p[-1])) || !g_ascii_isdigit(p[1]) ||
            !g_ascii_isdigit(p[2]) || !g_ascii_isdigit(p[3]) || g_ascii_isdigit(p[4]))
            continue;
        const char *e = p + 4;
        e += *e == ' ';
        int v = atoi(p);
        if (!g_str_has_prefix(e, "年") || v < 1990 || v > 2100)
            continue;
        if (year && year != v)
            return (JbPoint){0};
        year = v;
    }
    return year ? (JbPoint){JB_POINT_YEAR, year, 0, 0} : (JbPoint){0};
}

void enter_section(Ctx *c, const JbSection *x)
{
    const JbArticle *a = c->article;
    c->section = x;
    gboolean changed = set_ref(&c->title, x && x->title[0] ? x->title : a->title);
    set_ref(&c->url, x && x->url[0] ? x->url : a->url);
    const char *date = x && x->published[0] ? x->published : c->article->published;
    if (strcmp(date, c->published) != 0) {
        g_ref_string_release(c->published);
        c->published = g_ref_string_new(date);
        changed = TRUE;
    }
    /* what follows reads only the title and the date (and the article's, the same for all
     * its sections): entered again with both unchanged (every headline of read_headlines,
     * a section of the article's own), the anchor and the periods stay as they are (the
     * first entry always changes the title, which starts NULL) */
    if (!changed)
        return;
    JbPeriod p;
    c->anchor.day = date[0] && jb_period_parse(date, &p, NULL) ? p.start : (JbPoint){0};
    if (!c->anchor.day.kind) /* (no date: the year its title names, 月报（2026 年第 11 期）) */
        c->anchor.day = title_year(c->title);
    /* a periodic report (2025年第三季度报告, 2024年年度报告) names the period it covers */
    c->anchor.have_report = report_period(c, c->title, &c->anchor.report) ||
                            report_period(c, a->title, &c->anchor.report);
    /* (a title announcing a periodic report, 某行发布2025年年度报告, names its figures'
     * period although the year is the report's name there, not a time of its own) */
    c->have_title_period = c->title && c->title[0] && c->anchor.day.kind &&
                           named_period(c, c->title, FALSE, &c->title_period);
    if (!c->have_title_period && c->anchor.have_report && c->anchor.day.kind) {
        c->title_period = c->anchor.report;
        c->have_title_period = TRUE;
    }
    c->have_plan_span = c->title && c->anchor.day.kind && plan_span(c, c->title, &c->plan_span);
    c->title_dealing = jb_extract_title_plans_dealing(c->title);
    c->anchor.reviewed = (JbPoint){0};
    if (c->have_title_period)
        jb_extract_note_reviewed(c, &c->title_period);
    /* (a year's report published in its last month covers the year: 《2026年中国游戏产业报告》
     * out on 2026-12-04; a headline's 2026年 in a story of the day does not) */
    gboolean year_in_review = c->anchor.have_report && c->have_title_period &&
                              c->title_period.start.kind == JB_POINT_YEAR &&
                              c->title_period.end.year == c->anchor.day.year &&
                              c->anchor.day.kind == JB_POINT_DAY && c->anchor.day.n == 12;
    c->have_title_period = c->have_title_period &&
                           jb_period_freq(&c->title_period) != JB_FREQ_DAY &&
                           (year_in_review || jb_period_end_day(&c->title_period) <=
                                                  jb_point_first_day(&c->anchor.day));
}

/* Words of a title that mark a morning market briefing. */
gboolean briefing_title(const char *t)
{
    static const char *const W[] = {"早餐", "早报", "早報",   "晨报", "晨報", "早间",
                                    "早間", "隔夜", "早知道", "盘前", "盤前", NULL};
    for (const char *const *w = W; *w && t; w++)
        if (strstr(t, *w))
            return TRUE;
    return FALSE;
}

/* The one year the story is about, 0 if none: its lead's; else a whole year named earlier in
 * the sentence (过去一年，…全年…；…上半年增长5.6%, in January: 2025's); else the year a
 * periodic report covers (某行2025年年度报告摘要: its 上半年 is 2025's, out in April 2026). */
static int story_year(const Ctx *c, const GArray *refs, guint i)
{
    if (c->have_lead)
        return c->lead.start.year == c->lead.end.year ? c->lead.end.year : 0;
    for (guint j = i; j-- > 0;) {
        const TimeRef *q = &g_array_index(refs, TimeRef, j);
        if (q->has_val && q->role == TIME_PERIOD && q->val.start.kind == JB_POINT_YEAR &&
            q->val.end.kind == JB_POINT_YEAR && q->val.start.year == q->val.end.year)
            return q->val.end.year;
    }
    const JbPeriod *p = &c->anchor.report;
    return c->anchor.have_report && jb_period_freq(p) == JB_FREQ_YEAR ? p->end.year : 0;
}

/* A quarter, half or month named without a year and not over when the article was published
 * cannot have figures of its own yet: in a story about an earlier year (2025年全省进出口… ¶
 * 分季度看，一季度…, published in January 2026) it is that year's. */
void jb_extract_in_story_year(const Ctx *c, const GArray *refs, guint i, TimeRef *r)
{
    JbPeriod *v = &r->val;
    int year = story_year(c, refs, i);
    if (r->rel != REL_NONE || !r->year_implied || r->future_word || !year ||
        year >= v->start.year || v->start.kind == JB_POINT_DAY || v->end.kind == JB_POINT_DAY ||
        c->anchor.day.kind != JB_POINT_DAY ||
        jb_period_end_day(v) <= jb_point_first_day(&c->anchor.day))
        return;
    int back = v->start.year - year;
    v->start.year -= back;
    v->end.year -= back;
    r->p = *v; /* (a later 全年 in the sentence counts from it: resolve_ref reads p) */
}
