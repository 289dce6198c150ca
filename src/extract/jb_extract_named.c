/* jb_extract_named.c — names a story defines by a span in brackets, and the clauses that
 * name them again. A report writes 上个雪季（2025年11月至2026年4月） or 今年国庆中秋假期
 * （10月1日至8日） once; paragraphs later it says 上个雪季，… or 假期全市… and means that span.
 * A clause opening with the name (or its last words: 假期 for 国庆中秋假期, after 本 or 该)
 * gets the span as a time of its own, as if the dates were written there.
 *
 * Not for: reading times (jb_extract_period*.c) or the period in force (jb_extract.c).
 */
#include "jb_extract_read_priv.h"

/* The words before a bracket at `open`: CJK ideographs back to a clause mark, a digit or
 * a Latin letter; at most 12 characters. "" when fewer than two. */
static void name_before(const char *sent, const char *open, char out[40])
{
    const char *a = open;
    int n = 0;
    while (a > sent && n < 12) {
        const char *prev = g_utf8_find_prev_char(sent, a);
        if (!prev)
            break;
        gunichar u = g_utf8_get_char(prev);
        if (u < 0x4E00 || u > 0x9FFF)
            break;
        a = prev;
        n++;
    }
    out[0] = '\0';
    if (n >= 2 && (gsize)(open - a) < 40) {
        memcpy(out, a, (gsize)(open - a));
        out[open - a] = '\0';
    }
}

/* `*p` made `week` when it is the same week less its weekend (a working week resolved from
 * the published day: same first day, ends two days or less before). */
static void same_week_as(JbPeriod *p, const JbPeriod *week)
{
    gint64 end = jb_period_end_day(p), wend = jb_period_end_day(week);
    if (p->start.kind == JB_POINT_DAY && jb_period_first_day(p) == jb_period_first_day(week) &&
        end < wend && wend - end <= 2)
        *p = *week;
}

void jb_extract_name_span(Ctx *c, const char *sent, const TimeRef *r)
{
    /* (a restatement, 第二财季（Q2 FY26）, says again what the time before it said; one of
     * days, 本周（11月23日—11月29日）, defines it) */
    gboolean days = r->val.start.kind == JB_POINT_DAY && r->val.end.kind == JB_POINT_DAY;
    if (!r->has_val || (r->role != TIME_PERIOD && !(r->role == TIME_RESTATE && days)) ||
        r->at < sent)
        return;
    const char *open = NULL;
    if (r->at == sent)
        ; /* (opening its sentence: a weekly's week at most, 11月30日至12月6日，全国…) */
    else if (ends(sent, r->at, "（"))
        open = r->at - strlen("（");
    else if (r->at[-1] == '(')
        open = r->at - 1;
    else if (r->by_ends &&
             (ends(sent, r->at, "自") || ends(sent, r->at, "从") || ends(sent, r->at, "從")))
        open = r->at - strlen("自"); /* 本赛季自3月1日开赛，至11月8日结束 */
    /* a weekly's week, Monday to Sunday, heading its clause (11月30日至12月6日，全国电影总票房…),
     * over when published: what its 本周 and weekdays mean, not the published day's week */
    gint64 first = jb_period_first_day(&r->val);
    if (!c->have_story_week && days && !open && r->role == TIME_PERIOD && !r->local &&
        jb_period_end_day(&r->val) - first == 7 && jb_weekday(first) == 0 &&
        starts(r->end, r->end + strlen("，"), "，") && c->anchor.day.kind == JB_POINT_DAY &&
        jb_period_end_day(&r->val) <= jb_point_first_day(&c->anchor.day)) {
        c->story_week = r->val;
        c->have_story_week = c->week_of_story = TRUE;
        c->week_last = FALSE;
    }
    /* a span of two days or more (not a day, nor hours: 夜间（18时至次日2时）) */
    if (!open || r->at == sent || jb_period_end_day(&r->val) - jb_period_first_day(&r->val) < 2)
        return;
    gint64 span = jb_period_end_day(&r->val) - jb_period_first_day(&r->val);
    if (span >= 5 && span <= 7 && (ends(sent, open, "周") || ends(sent, open, "週"))) {
        c->story_week = r->val;
        c->have_story_week = TRUE;
        c->week_last = ends(sent, open, "上周") || ends(sent, open, "上週");
    }
    char name[40];
    name_before(sent, open, name);
    static const char *const POINTING[] = {"本", "该", "該", "这个", "這個", NULL};
    for (const char *const *w = POINTING; *w; w++)
        if (g_str_has_prefix(name, *w) && g_utf8_strlen(name + strlen(*w), -1) >= 2)
            memmove(name, name + strlen(*w), strlen(name + strlen(*w)) + 1); /* 本赛季: 赛季 */
    if (!name[0])
        return;
    guint k = 0;
    while (k < c->n_named_spans && strcmp(c->named_spans[k].name, name) != 0)
        k++;
    if (k == c->n_named_spans) {
        if (k == JB_NAMED_SPANS) { /* the oldest goes */
            memmove(c->named_spans, c->named_spans + 1, (JB_NAMED_SPANS - 1) * sizeof(NamedSpan));
            k = JB_NAMED_SPANS - 1;
        } else {
            c->n_named_spans++;
        }
    }
    g_strlcpy(c->named_spans[k].name, name, sizeof c->named_spans[k].name);
    c->named_spans[k].p = r->val;
    /* the headline's 上周 (its working week, by the published day) is the week the body
     * defined by its dates, weekend and all */
    if (r->role == TIME_RESTATE) {
        same_week_as(&c->title_period, &r->val);
        for (guint l = 0; l < JB_HEADING_LEVELS; l++)
            if (c->have_heading_period[l])
                same_week_as(&c->heading_period[l], &r->val);
    }
}

/* The length in bytes of a mention at `q` of the event's edition the story dated (本届消博会
 * （11月16日至20日）, 第九届航展（…）: a name with 届) by its generic words: 本届 with any noun
 * (本届展会), 展会期间, 展会, 会期 opening a clause: the edition's days, the latest so defined;
 * 0 when none. */
static gsize edition_at(const Ctx *c, const char *q, const char *limit, guint *which)
{
    static const char *const WORDS[] = {"本届", "本屆", "展会期间", "展會期間", "展会",
                                        "展會", "会期", "會期",     NULL};
    gsize n = 0;
    for (const char *const *w = WORDS; *w && !n; w++)
        if (starts(q, limit, *w))
            n = strlen(*w);
    for (guint k = c->n_named_spans; n && k-- > 0;)
        if (strstr(c->named_spans[k].name, "届") || strstr(c->named_spans[k].name, "屆")) {
            *which = k;
            return n;
        }
    return 0;
}

/* The length in bytes of a mention at `q` of a defined name, and which; 0 when none. The
 * whole name wins over its last words; of two names ending alike, the later defined. */
static gsize mention_at(const Ctx *c, const char *q, const char *limit, gboolean in_clause,
                        guint *which)
{
    /* (within a clause only after a word pointing back to it: 青澜海港队本赛季21胜) */
    static const char *const BEFORE[] = {"",     "本",   "全",   "该",   "該",
                                         "这个", "這個", "整个", "整個", NULL};
    gsize best = 0;
    int best_score = 0;
    for (guint k = 0; k < c->n_named_spans; k++) {
        const char *name = c->named_spans[k].name;
        for (const char *const *b = BEFORE + (in_clause ? 1 : 0); *b; b++) {
            const char *at = q + strlen(*b);
            if (at > limit || strncmp(q, *b, strlen(*b)) != 0)
                continue;
            /* the name's last words, two characters at least: longest first */
            for (const char *tail = name; *tail; tail = g_utf8_next_char(tail)) {
                gsize n = strlen(tail);
                if (g_utf8_strlen(tail, -1) < 2)
                    break;
                if ((gsize)(limit - at) < n || memcmp(at, tail, n) != 0)
                    continue;
                int score = (int)g_utf8_strlen(tail, -1) * 2 + (tail == name && !**b);
                if (score >= best_score) {
                    best_score = score;
                    best = (gsize)(at - q) + n;
                    *which = k;
                }
                break;
            }
        }
    }
    return best ? best : edition_at(c, q, limit, which);
}

/* Past a bracket opening at p (（ or (), else NULL. (strncmp: p may be the text's end.) */
static const char *opens_bracket(const char *p)
{
    if (strncmp(p, "（", strlen("（")) == 0)
        return p + strlen("（");
    return *p == '(' ? p + 1 : NULL;
}

/* Is a defined name one of the shopping festival's (双11大促, “双11”)? */
static gboolean festival_defined(const Ctx *c, const char *word)
{
    for (guint k = 0; k < c->n_named_spans; k++)
        if (strstr(c->named_spans[k].name, word))
            return TRUE;
    return FALSE;
}

/* A shopping festival named by its day (双11, “双12”, 双十一) opening the sentence or a clause
 * before its first figure, when the story defined no span for it (今年“双11”（10月20日至11月
 * 11日）): that day of the published year (双12活动预计能拉动…, “双11”期间…卖出了860多万单), a
 * time inserted into refs in text order. */
static void festival_day(const Ctx *c, const char *sent, const char *first_number, GArray *refs)
{
    static const struct {
        const char *w;
        int month;
    } DAYS[] = {{"双11", 11}, {"雙11", 11}, {"双十一", 11}, {"雙十一", 11},
                {"双12", 12}, {"雙12", 12}, {"双十二", 12}, {"雙十二", 12}};
    if (c->anchor.day.kind != JB_POINT_DAY || !jb_find(sent, first_number, "\xE5", 1))
        return; /* (a byte 双 begins with: most sentences have none) */
    if (!jb_find(sent, first_number, "双", strlen("双")) &&
        !jb_find(sent, first_number, "雙", strlen("雙")))
        return; /* (every word begins with one: most sentences with an E5 byte have neither) */
    for (const char *q = sent; q < first_number; q = g_utf8_next_char(q)) {
        const char *at = q;
        if (at != sent && !ends(sent, at, "，") && !ends(sent, at, "；") && !ends(sent, at, "：") &&
            !ends(sent, at, "“"))
            continue;
        if (ends(sent, at, "“") && at - strlen("“") != sent &&
            !ends(sent, at - strlen("“"), "，") && !ends(sent, at - strlen("“"), "；"))
            continue;
        for (gsize k = 0; k < G_N_ELEMENTS(DAYS); k++) {
            gsize n = strlen(DAYS[k].w);
            if ((gsize)(first_number - at) < n || memcmp(at, DAYS[k].w, n) != 0 ||
                festival_defined(c, DAYS[k].w) || g_ascii_isdigit(at[n]))
                continue;
            guint i = 0;
            while (i < refs->len && g_array_index(refs, TimeRef, i).at < at + n)
                i++;
            if (i > 0 && g_array_index(refs, TimeRef, i - 1).end > at)
                return; /* (a time there already) */
            int m = DAYS[k].month;
            TimeRef t = {.at = at,
                         .end = at + n,
                         .role = TIME_PERIOD,
                         .rel = REL_NONE,
                         /* (its day is its month's number: 11月11日, 12月12日) */
                         .p = jb_period_of((JbPoint){JB_POINT_DAY, c->anchor.day.year, m, m}),
                         .known = TRUE,
                         .sentence_only = TRUE, /* (no later sentence's) */
                         .festival = TRUE};
            g_array_insert_val(refs, i, t);
            return;
        }
    }
}

/* A clause after the sentence's first figure opening with the edition's generic words
 * (…316家企业参展，展会期间现场签约项目47个): the edition's days there, for that clause's
 * figures, a time inserted into refs in text order where none stands. */
static void edition_after_figures(const Ctx *c, const char *first_number, const char *end,
                                  GArray *refs)
{
    gboolean dated = FALSE; /* (an edition dated at all: most stories have none) */
    for (guint k = 0; k < c->n_named_spans && !dated; k++)
        dated = strstr(c->named_spans[k].name, "届") || strstr(c->named_spans[k].name, "屆");
    const char *q = dated ? jb_find(first_number, end, "，", strlen("，")) : NULL;
    for (; q; q = jb_find(q + strlen("，"), end, "，", strlen("，"))) {
        const char *at = q + strlen("，");
        guint k = 0;
        gsize n = edition_at(c, at, end, &k);
        if (!n)
            continue;
        guint i = 0;
        while (i < refs->len && g_array_index(refs, TimeRef, i).at < at + n)
            i++;
        if ((i > 0 && g_array_index(refs, TimeRef, i - 1).end > at) ||
            (i < refs->len && g_array_index(refs, TimeRef, i).at < at + n + strlen("（")))
            continue; /* (a time there already, or its own bracket: 展会期间（16日至19日）) */
        TimeRef t = {.at = at,
                     .end = at + n,
                     .role = TIME_PERIOD,
                     .rel = REL_NONE,
                     .p = c->named_spans[k].p,
                     .known = TRUE};
        g_array_insert_val(refs, i, t);
    }
}

void jb_extract_named_mentions(const Ctx *c, const char *sent, const char *first_number,
                               const char *end, GArray *refs)
{
    festival_day(c, sent, first_number, refs);
    if (c->n_named_spans)
        edition_after_figures(c, first_number, end, refs);
    if (!c->n_named_spans && !c->have_story_week)
        return;
    /* In one pass over the clauses and the times (a sentence of thousands of clauses opening
     * with a name, each with a time, searched the times from the first and inserted into
     * them at each clause): the time of each clause's mention goes into `merged`, after the
     * times of `refs` before it, and the search resumes where it stopped. */
    GArray *merged = NULL;
    guint cur = 0, copied = 0;  /* the search's place in refs, how many are in merged */
    const char *new_end = NULL; /* the end of the time added last, while the search is at it */
    gboolean clause_start = TRUE;
    for (const char *q = sent; q < first_number;) {
        guint k = 0;
        gsize n = mention_at(c, q, first_number, !clause_start, &k);
        const char *e = q + n;
        /* (the definition itself, name（dates）, is read where it stands) */
        if (n && !starts(e, first_number, "（") && *e != '(') {
            while (cur < refs->len && g_array_index(refs, TimeRef, cur).end <= q)
                cur++;
            TimeRef *r = cur < refs->len ? &g_array_index(refs, TimeRef, cur) : NULL;
            if (new_end && new_end > q) {
                /* (the search stops at the time added last: it starts before q) */
            } else if (!r || r->at >= e) {
                TimeRef t = {.at = q,
                             .end = e,
                             .role = TIME_PERIOD,
                             .rel = REL_NONE,
                             .p = c->named_spans[k].p,
                             .known = TRUE};
                if (!merged)
                    merged = g_array_sized_new(FALSE, FALSE, sizeof(TimeRef), refs->len + 16);
                g_array_append_vals(merged, &g_array_index(refs, TimeRef, copied), cur - copied);
                g_array_append_val(merged, t);
                copied = cur;
                new_end = e;
            } else if (r->at == q && r->end == e && r->rel == REL_NONE && r->role == TIME_PERIOD &&
                       strlen(c->named_spans[k].name) == n) {
                r->p = c->named_spans[k].p; /* 本周 again: the week its dates defined */
                r->known = TRUE;
            }
        }
        /* on to the next word that may point back to a name, or the next clause */
        clause_start = FALSE;
        for (q = n ? e : g_utf8_next_char(q); q < first_number; q = g_utf8_next_char(q)) {
            if (starts(q, first_number, "，") || starts(q, first_number, "；") ||
                starts(q, first_number, "：") || *q == ',' || *q == ';') {
                q = g_utf8_next_char(q);
                clause_start = TRUE;
                break;
            }
            if (starts(q, first_number, "本") || starts(q, first_number, "全") ||
                starts(q, first_number, "该") || starts(q, first_number, "該") ||
                starts(q, first_number, "这") || starts(q, first_number, "這") ||
                starts(q, first_number, "整"))
                break;
        }
    }
    if (merged) {
        g_array_append_vals(merged, (TimeRef *)(void *)refs->data + copied, refs->len - copied);
        g_array_set_size(refs, 0);
        g_array_append_vals(refs, merged->data, merged->len);
        g_array_unref(merged);
    }
    /* the story's week named again (本周, 当周; 上周 the week before it) */
    for (guint i = 0; i < refs->len && c->have_story_week; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        static const char *const THIS[] = {"本周", "本週", "当周", "當週", "當周", NULL};
        static const char *const LAST[] = {"上周", "上週", NULL};
        gsize n = (gsize)(r->end - r->at);
        gboolean this_week = FALSE, last_week = FALSE;
        for (const char *const *w = THIS; *w; w++)
            this_week = this_week || (n == strlen(*w) && memcmp(r->at, *w, n) == 0);
        for (const char *const *w = LAST; *w; w++)
            last_week = last_week || (n == strlen(*w) && memcmp(r->at, *w, n) == 0);
        /* (not one defining a week by its days: 本周（12月1日—5日）) */
        const char *in = opens_bracket(r->end);
        gboolean bare_weekday = r->weekday && r->rel == REL_NONE && r->known &&
                                r->p.start.kind == JB_POINT_DAY &&
                                (starts(r->at, r->end, "周") || starts(r->at, r->end, "週") ||
                                 starts(r->at, r->end, "星期"));
        if (bare_weekday && !c->week_last) {
            /* a weekday alone (周六单日票房…) in the story's week: that week's day */
            gint64 first = jb_period_first_day(&c->story_week);
            r->p = jb_period_of(jb_point_of_days(first + jb_weekday(jb_period_first_day(&r->p))));
            r->future_word = FALSE;
            continue;
        }
        if (r->role != TIME_PERIOD || (!this_week && !last_week) || c->week_last ||
            (in && g_ascii_isdigit(*in)))
            continue;
        r->rel = REL_NONE;
        r->known = TRUE;
        r->p = c->story_week;
        if (last_week) {
            r->p.start = jb_point_of_days(jb_period_first_day(&c->story_week) - 7);
            r->p.end = jb_point_of_days(jb_period_end_day(&c->story_week) - 1 - 7);
        }
    }
    /* a defined week or month named again inside a clause (以下为上周值得关注的融资事件：) is
     * the span its dates defined, not the working week the published day gives */
    for (guint i = 0; i < refs->len; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->role != TIME_PERIOD)
            continue;
        for (guint k = 0; k < c->n_named_spans; k++) {
            const char *name = c->named_spans[k].name;
            if ((gsize)(r->end - r->at) == strlen(name) && memcmp(r->at, name, strlen(name)) == 0 &&
                !opens_bracket(r->end)) {
                r->rel = REL_NONE;
                r->p = c->named_spans[k].p;
                r->known = TRUE;
            }
        }
    }
}

/* The weeks and spans a section's body named (上周（11月16日至22日）, 11月第2周（…）): its own
 * headline's, read after every body (a feed item's title 上周…, not the week before the last
 * item's). */
struct SectionNames {
    NamedSpan spans[JB_NAMED_SPANS];
    guint n_spans;
    JbPeriod week;
    gboolean have_week, week_last;
};

struct SectionNames *jb_extract_names_new(guint sections)
{
    return g_new0(struct SectionNames, sections ? sections : 1);
}

static struct SectionNames *names_of(Ctx *c, const JbSection *x)
{
    return &c->names[x - &g_array_index(c->article->sections, JbSection, 0)];
}

void jb_extract_keep_names(Ctx *c, const JbSection *x)
{
    if (!x)
        return;
    struct SectionNames *n = names_of(c, x);
    memcpy(n->spans, c->named_spans, sizeof n->spans);
    n->n_spans = c->n_named_spans;
    n->week = c->story_week;
    n->have_week = c->have_story_week;
    n->week_last = c->week_last;
}

void jb_extract_enter_headline(Ctx *c, const JbSection *x, const JbSection *names)
{
    enter_section(c, x);
    if (!names && !(names = x))
        return;
    /* (a part that named none, as the title's over a weekly's first part: the story's next
     * part's, 周票房｜本周大盘… of the week its 一、大盘 names; not another story's) */
    const GArray *all = c->article->sections;
    const struct SectionNames *n = names_of(c, names);
    for (const JbSection *y = names + 1;
         !n->have_week && !n->n_spans && y < &g_array_index(all, JbSection, all->len) &&
         !y->published[0] && !y->url[0];
         y++)
        n = names_of(c, y);
    memcpy(c->named_spans, n->spans, sizeof n->spans);
    c->n_named_spans = n->n_spans;
    c->story_week = n->week;
    c->have_story_week = n->have_week;
    c->week_last = n->week_last;
}
