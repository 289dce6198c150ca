/* jb_extract.c — stage 1 proper: an article read for statements. Section by section (a
 * digest's items keep their own dates), paragraph by paragraph (the period named carries
 * within one) and sentence by sentence (its quantities, times, and 分别 lists), the body
 * first, the headlines last; the extractor that keeps its scratch from article to article.
 *
 * Not for: one statement (jb_extract_statement.c), time expressions
 * (jb_extract_period.c), tables (jb_extract_table.c), metrics.csv (jb_extract_writer.c).
 */
#include "jb_extract_priv.h"
#include "jb_units.h"

#include <string.h>

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

/* ---- small UTF-8 helpers over byte ranges ------------------------------------------- */

/* A set of the first characters of a fixed list (built once, kept for the process): where
 * none of them is at hand, the list need not be tried word by word. */
JbWordSet *jb_extract_lit_set(const Lit *list, gsize n)
{
    JbWordSet *set = jb_word_set_new();
    for (gsize i = 0; i < n; i++)
        jb_word_set_add(set, list[i].s, (int)i);
    return set;
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

/* `s` again with another metric (and the dictionary's id for it): a member of a list that
 * shares one value. */
static JbStatement *statement_with_metric(const Ctx *c, const JbStatement *s, const char *metric,
                                          const char *quote)
{
    const JbMetric *m = c->dict ? jb_dict_match(c->dict, metric, s->subject, s->q.unit) : NULL;
    JbStatement *t = jb_extract_statement_new(s->subject, (Span){metric, metric + strlen(metric)},
                                              m ? m->id : "",
                                              (Span){quote, quote + strlen(quote)}, s->period);
    t->source = g_ref_string_acquire(s->source);
    t->published = g_ref_string_acquire(s->published);
    t->publisher = g_ref_string_acquire(s->publisher);
    t->title = g_ref_string_acquire(s->title);
    t->url = g_ref_string_acquire(s->url);
    t->q = s->q;
    t->forecast = s->forecast;
    t->period_stated = s->period_stated;
    t->line = s->line;
    t->sentence = s->sentence;
    return t;
}

/* 进口、出口均增长12%: members before 均 (都, 皆) share one value, and each gets its
 * statement. The members are two or more short phrases of Chinese characters (no figures, no
 * punctuation) from the clause's start to 均. The last of c->out, made for the value with the
 * last member's metric (出口均增长), becomes that member's (出口增长); the others are put
 * before it. */
static void share_among_members(Ctx *c, const char *sent, const char *qs)
{
    static const Lit JUN[] = {LIT("均"), LIT("都"), LIT("皆")};
    static const Lit SEP[] = {LIT("、"), LIT("和"), LIT("及"), LIT("与"), LIT("與")};
    const char *cs = jb_extract_clause_start(c, sent, qs);
    if (qs - cs > 3 * 80)
        return; /* members of six characters or fewer and their verb: a short clause (and a
                 * clause of a megabyte is not walked at each of its numbers) */
    const char *jun = NULL;
    for (const char *p = cs; p < qs; p = g_utf8_next_char(p))
        for (gsize k = 0; k < G_N_ELEMENTS(JUN); k++)
            if (p > cs && lit_starts(p, qs, &JUN[k]))
                jun = p;
    if (!jun)
        return;
    g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func(g_free);
    const char *m = cs;
    for (const char *p = cs; p <= jun;) {
        gsize sep = 0;
        for (gsize k = 0; p < jun && k < G_N_ELEMENTS(SEP) && !sep; k++)
            if (lit_starts(p, jun, &SEP[k]))
                sep = SEP[k].n;
        if (sep || p == jun) { /* a member ends */
            glong n = g_utf8_strlen(m, p - m);
            if (n < 1 || n > 6)
                return;
            g_ptr_array_add(members, g_strndup(m, (gsize)(p - m)));
            if (p == jun)
                break;
            p += sep;
            m = p;
            continue;
        }
        gunichar ch = g_utf8_get_char(p);
        if (ch < 0x4E00 || ch > 0x9FFF) /* digits, punctuation: not a list of names */
            return;
        p = g_utf8_next_char(p);
    }
    if (members->len < 2)
        return;
    JbStatement *s = g_ptr_array_index(c->out, c->out->len - 1);
    const char *last = g_ptr_array_index(members, members->len - 1);
    const char *at = strstr(s->metric, last);
    if (!at || g_utf8_strlen(s->metric, at - s->metric) > 12)
        return; /* its metric is not the members': leave it */
    const char *rest = at + strlen(last);
    for (gsize k = 0; k < G_N_ELEMENTS(JUN); k++)
        if (g_str_has_prefix(rest, JUN[k].s))
            rest += JUN[k].n;
    /* the quote from the first member (its own began after the last 、) */
    const char *in = strstr(cs, s->quote);
    g_autofree char *quote = in && in < qs ? g_strndup(cs, (gsize)(in - cs) + strlen(s->quote))
                                           : g_strdup(s->quote);
    for (guint i = 0; i < members->len; i++) {
        g_autofree char *metric = g_strconcat(g_ptr_array_index(members, i), rest, NULL);
        g_ptr_array_insert(c->out, (gint)c->out->len - 1, statement_with_metric(c, s, metric, quote));
    }
    /* s gives way to the last member's (c->seen follows) */
    jb_extract_seen_replace(c->seen, s, g_ptr_array_index(c->out, c->out->len - 2));
    g_ptr_array_remove_index(c->out, c->out->len - 1);
}

/* The text between two list members: 、 和 及 与 / , ，, spaces. */
static gboolean list_gap(const char *a, const char *b)
{
    static const char *const SEPS[] = {"、", "和", "及", "与", "/", "，", ",", " ", NULL};
    if (a >= b)
        return a == b;
    while (a < b) {
        gboolean hit = FALSE;
        for (const char *const *w = SEPS; *w && !hit; w++)
            if (starts(a, b, *w)) {
                a += strlen(*w);
                hit = TRUE;
            }
        if (!hit)
            return FALSE;
    }
    return TRUE;
}

/* Years named in [a, b) outside 《》, as "2026" strings, in order (for 分别). */
/* A year written in four digits at p (not part of a longer number): its value, else 0. */
static int year_at(const char *a, const char *p, const char *b)
{
    if (p + 4 > b || (p > a && g_ascii_isdigit(p[-1])) || (p + 4 < b && g_ascii_isdigit(p[4])))
        return 0;
    for (int k = 0; k < 4; k++)
        if (!g_ascii_isdigit(p[k]))
            return 0;
    int y = atoi(p);
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* The last run of years named in [a, b) outside 《》, as "2026" strings, in order (for 分别):
 * 2026年、2027年和2028年, 2026、2027、2028年, a span 2023-2025年 read as each of its years. */
static GPtrArray *years_in(const char *a, const char *b)
{
    GPtrArray *ys = g_ptr_array_new_with_free_func(g_free);
    int in_title = 0;
    for (const char *p = a; p < b; p++) {
        if (starts(p, b, "《"))
            in_title++;
        else if (starts(p, b, "》") && in_title > 0)
            in_title--;
        int y = in_title ? 0 : year_at(a, p, b);
        if (!y)
            continue;
        /* a run of years: each with 年, or the last one only */
        GArray *run = g_array_new(FALSE, FALSE, sizeof(int));
        const char *q = p;
        gboolean span = FALSE, closed = FALSE;
        while (y) {
            int prev = run->len ? g_array_index(run, int, run->len - 1) : 0;
            if (span && prev && y > prev && y - prev <= 50)
                for (int k = prev + 1; k < y; k++)
                    g_array_append_val(run, k);
            g_array_append_val(run, y);
            q += 4;
            if (starts(q, b, "年")) {
                q += strlen("年");
                closed = TRUE;
            }
            span = FALSE;
            const char *r = q;
            static const char *const LINK[] = {"、", "和", "及", "与", ",", NULL};
            static const char *const RANGE[] = {"-", "—", "–", "至", "到", "～", "~", NULL};
            gboolean linked = FALSE;
            for (const char *const *w = LINK; *w && !linked; w++)
                if (starts(r, b, *w)) {
                    r += strlen(*w);
                    linked = TRUE;
                }
            for (const char *const *w = RANGE; *w && !linked; w++)
                if (starts(r, b, *w)) {
                    r += strlen(*w);
                    linked = span = TRUE;
                }
            y = linked ? year_at(a, r, b) : 0;
            if (y)
                q = r;
        }
        if (closed) { /* the last run before 分别 is the one it hands out */
            g_ptr_array_set_size(ys, 0);
            for (guint k = 0; k < run->len; k++)
                g_ptr_array_add(ys, g_strdup_printf("%d", g_array_index(run, int, k)));
        }
        g_array_unref(run);
        p = q - 1;
    }
    return ys;
}



/* Does [a, b) hold a figure: digits that are not part of a name (5G, C919, H20)? */
static gboolean item_has_figure(const char *a, const char *b)
{
    for (const char *p = a; p < b; p++) {
        if (!g_ascii_isdigit(*p))
            continue;
        const char *q = p;
        while (q < b && g_ascii_isdigit(*q))
            q++;
        if (!(p > a && g_ascii_isalpha(p[-1])) && !(q < b && g_ascii_isalpha(*q)))
            return TRUE;
        p = q - 1;
    }
    return FALSE;
}

/* What a list's items measure, when the writer says it once: 新能源汽车产量与出口量 (the
 * first item's head is the later items' too), 高铁和城轨里程 (the last item's measure is
 * the earlier items' too). */
static const char *const MEASURES[] = {
    "出口量", "進口量", "进口量", "出口额", "出口額", "进口额", "進口額", "销售额", "銷售額",
    "营业收入", "營業收入", "净利润", "淨利潤", "增加值", "保有量", "装机容量", "裝機容量",
    "新增装机", "新增裝機", "装机", "裝機",
    "产量", "產量", "销量", "銷量", "产值", "產值", "出口", "进口", "進口", "营收", "營收",
    "收入", "利润", "利潤", "里程", "企业数量", "企業數量", "企业", "企業", "数量", "數量",
    "规模", "規模", "总额", "總額", NULL};

static const char *measure_ending(const char *item)
{
    for (const char *const *w = MEASURES; *w; w++)
        if (g_str_has_suffix(item, *w))
            return *w;
    return NULL;
}

/* The items of a list made whole where the writer left words out (MEASURES). */
static void complete_items(GPtrArray *items)
{
    char **it = (char **)items->pdata;
    const char *first = measure_ending(it[0]), *last = measure_ending(it[items->len - 1]);
    gsize head = first ? strlen(it[0]) - strlen(first) : 0;
    for (guint i = 1; head && i < items->len; i++) /* 新能源汽车产量与[新能源汽车]销量 */
        for (const char *const *w = MEASURES; *w; w++)
            if (strcmp(it[i], *w) == 0) {
                char *whole = g_strdup_printf("%.*s%s", (int)head, it[0], it[i]);
                g_free(it[i]);
                it[i] = whole;
                break;
            }
    for (guint i = 0; last && i + 1 < items->len; i++) /* 高铁[里程]和城轨里程 */
        if (!measure_ending(it[i])) {
            char *whole = g_strconcat(it[i], last, NULL);
            g_free(it[i]);
            it[i] = whole;
        }
}

/* The length of the word joining two items of a list at p in [a, z) (、, 以及, 和, 与, 與,
 * 及), else 0. 和, 与 and 及 join only items of two characters or more, and not inside a
 * word (参与, 给与, 涉及, 普及, 惠及, 及时, 共和国, 总和, 和平…): a word segmenter would
 * know them all; these are the ones news writes beside a list's subjects. */
static gsize joiner_at(const char *a, const char *p, const char *z)
{
    if (starts(p, z, "、"))
        return strlen("、");
    if (starts(p, z, "以及"))
        return p - a >= 6 && z - p >= (gssize)strlen("以及") + 6 ? strlen("以及") : 0;
    static const char *const JOIN[] = {"和", "与", "與", "及", NULL};
    /* (the character before or after that makes the joiner part of a word) */
    static const char *const BEFORE[] = {"参", "參", "给", "給", "涉", "普", "惠", "危", "波",
                                         "顾", "顧", "不", "以", "总", "總", "共", "温", "溫",
                                         "缓", "緩", "饱", "飽", "平", "柔", "暖", "人", NULL};
    static const char *const AFTER[] = {"时", "時", "格", "会", "會", "平", "谐", "諧", "解",
                                        "睦", "其", "信息化部", NULL};
    for (const char *const *j = JOIN; *j; j++) {
        if (!starts(p, z, *j))
            continue;
        const char *q = p + strlen(*j);
        /* two characters at least on either side (CJK: three bytes each) */
        if (p - a < 6 || z - q < 6)
            return 0;
        for (const char *const *w = BEFORE; *w; w++)
            if (ends(a, p, *w))
                return 0;
        for (const char *const *w = AFTER; *w; w++)
            if (starts(q, z, *w))
                return 0;
        return strlen(*j);
    }
    return 0;
}

/* The items of the list (a、b和c, a和b, a与b) in the clause of `before` (a 分别) that ends
 * there or at a 的 before it, each a new string (the array owns them), its end in
 * `*list_end`; NULL when there is none or an item holds a digit. */
static GPtrArray *list_items_before(Ctx *c, const char *sent, const char *before,
                                    const char **list_end)
{
    const char *cs = jb_extract_clause_start(c, sent, before);
    const char *last = NULL;
    gsize last_n = 0;
    for (const char *p = cs; p < before; p = g_utf8_next_char(p)) {
        gsize n = joiner_at(cs, p, before);
        if (n) {
            last = p;
            last_n = n;
            p += n - 1; /* (then the next character) */
        }
    }
    /* else a list of 、 in an earlier clause (国家级、省级制造业创新中心，…分别拿到…) */
    for (const char *p = sent; !last_n && p < cs; p = g_utf8_next_char(p))
        if (starts(p, cs, "、"))
            last = p;
    if (!last)
        return NULL;
    if (!last_n) {
        last_n = strlen("、");
        cs = sent;
    }
    static const char *const EDGE[] = {"，", "；", "：", "的", ",", NULL};
    const char *a = last;
    while (a > cs) {
        const char *b = a - 1;
        while (b > cs && ((guchar)*b & 0xC0) == 0x80)
            b--;
        gboolean edge = FALSE;
        for (const char *const *w = EDGE; *w && !edge; w++)
            edge = starts(b, a, *w);
        if (edge)
            break;
        a = b;
    }
    const char *z = last + last_n;
    while (z < before) {
        gboolean edge = FALSE;
        for (const char *const *w = EDGE; *w && !edge; w++)
            edge = starts(z, before, *w);
        if (edge)
            break;
        z = g_utf8_next_char(z);
    }
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    const char *start = a;
    for (const char *p = a; p <= z;) {
        gsize n = p < z ? joiner_at(a, p, z) : 0;
        if (p < z && !n) {
            p = g_utf8_next_char(p);
            continue;
        }
        if (p == start || item_has_figure(start, p)) {
            g_ptr_array_unref(items);
            return NULL;
        }
        g_ptr_array_add(items, g_strndup(start, (gsize)(p - start)));
        if (p == z)
            break;
        p += n;
        start = p;
    }
    *list_end = z;
    complete_items(items);
    return items;
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

/* Is there a quantity of `qs` between the start of the item (after the last ；) holding `at`
 * and `at`? */
static gboolean number_before_in_item(const char *sent, const char *item, const char *at,
                                      const GArray *qs)
{
    /* the first quantity at or after the item's start (bisection): is it before `at`? */
    guint lo = 0, hi = qs->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (sent + g_array_index(qs, JbQuantity, mid).start < item)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < qs->len && sent + g_array_index(qs, JbQuantity, lo).start < at;
}

/* The start of the item (after the last ；) holding `at`, found walking forward from the
 * previous time's item (`*from`, `*item`): the times come in text order. NULL when the
 * sentence has no ；: one item, whose times hold on. */
static const char *item_start(const char *sent, const char *end, const char *at,
                              const char **from, const char **item, gboolean *items)
{
    if (!*items)
        return NULL;
    for (const char *p = *from; p < at; p = g_utf8_next_char(p))
        if (starts(p, end, "；") || *p == ';')
            *item = g_utf8_next_char(p);
    *from = at;
    (void)sent;
    return *item;
}

/* The times of the sentence [sent, end), each resolved where it stands: against the
 * period in force, which a period it names replaces (a base or a relative time does not).
 * The paragraph's carried period becomes the last one named. */
static void read_times(Ctx *c, const char *sent, const char *end, const char *first_number)
{
    GArray *refs = c->times;
    g_array_set_size(refs, 0);
    const GArray *qs = c->quantities;
    c->carry_in = c->carry;
    c->have_carry_in = c->have_carry;
    jb_extract_time_refs(sent, end, &c->anchor, refs);
    JbPeriod ctx = c->carry;
    gboolean have_ctx = c->have_carry || jb_extract_default_period(c, TRUE, &ctx);
    /* 上月, 上季 count back from a period this paragraph named; from a story's headline
     * period they would count from a month the text never spoke in: the published date */
    gboolean ctx_named = c->have_carry;
    gboolean items = jb_find3(sent, end, "；") || memchr(sent, ';', (size_t)(end - sent));
    const char *walked = sent, *item = sent;
    gboolean lead_here = FALSE; /* the story's lead period was named in this sentence */
    for (guint i = 0; i < refs->len; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        gboolean relative = r->rel == REL_PREV || r->rel == REL_THIS;
        const JbPeriod *against = have_ctx && (ctx_named || !relative) ? &ctx : NULL;
        if (relative && !ctx_named && c->have_story_named)
            against = &c->story_named;
        r->has_val = jb_extract_resolve_time(r, against, &c->anchor, refs, i, &r->val);
        /* 今年以来 runs to the month the text speaks of (7月…，今年以来累计下跌约7%), when
         * that is before the published one */
        /* (a time not over when published, as a headline's 今年, names no month to run to) */
        gboolean ctx_over = have_ctx && ctx_named && c->anchor.day.kind == JB_POINT_DAY &&
                            jb_period_end_day(&ctx) <= jb_point_first_day(&c->anchor.day);
        if (r->has_val && r->loose && ctx_over && r->val.start.kind == JB_POINT_MONTH &&
            r->val.start.n == 1 && r->val.end.kind == JB_POINT_MONTH) {
            JbPoint last = jb_point_of_days(jb_period_end_day(&ctx) - 1);
            if (last.year == r->val.end.year && last.n < r->val.end.n && last.n >= 1)
                r->val.end = (JbPoint){JB_POINT_MONTH, last.year, last.n, 0};
        } else if (r->has_val && r->loose && !ctx_over && r->val.start.kind == JB_POINT_MONTH &&
                   r->val.start.n == 1 && r->val.end.kind == JB_POINT_MONTH &&
                   c->anchor.day.kind == JB_POINT_DAY) {
            /* in a release's frame (2025年6月份…), 今年以来 runs to its month; outside one,
             * to the day: a market's close, a city's news (2025-01-01/2025-11-18) */
            JbPeriod frame, today;
            /* (a frame not yet over, as a headline's 今年, is no release's) */
            if (jb_extract_frame_period(c, &frame) &&
                jb_period_end_day(&frame) <= jb_point_first_day(&c->anchor.day)) {
                JbPoint last = jb_point_of_days(jb_period_end_day(&frame) - 1);
                if (last.year == r->val.end.year && last.n < r->val.end.n && last.n >= 1)
                    r->val.end = (JbPoint){JB_POINT_MONTH, last.year, last.n, 0};
            } else if (jb_extract_default_day(&c->anchor, c->sentence_market, &today) &&
                       today.end.year == r->val.end.year) {
                r->val.start = (JbPoint){JB_POINT_DAY, r->val.start.year, 1, 1};
                r->val.end = today.end;
            }
        }
        /* a time after a figure of its item (…18907.66点，本周涨1.47%；法国…) is that item's */
        const char *its = item_start(sent, end, r->at, &walked, &item, &items);
        /* (not a level's time: 由2020年的63.2%提高到2025年的69.5%, the period it reaches) */
        gboolean level = starts(r->end, end, "的") && r->end + 3 < end &&
                         g_ascii_isdigit(r->end[3]);
        if (!r->local && its && !level && number_before_in_item(sent, its, r->at, qs))
            r->local = TRUE;
        if (r->has_val && r->role == TIME_PERIOD && REL_NAMES_PERIOD(r->rel) && !r->local) {
            ctx = r->val;
            have_ctx = ctx_named = TRUE;
            /* a span of days carries on only from a sentence with figures of its own:
             * 10月17日至18日，…在…考察调研 is a visit's time; a span defining a name in
             * brackets (五一假期（5月1日至5日），…) is the story's */
            gboolean bracketed = r->at > sent && (ends(sent, r->at, "（") || r->at[-1] == '(');
            gboolean days = r->val.start.kind == JB_POINT_DAY && r->val.end.kind == JB_POINT_DAY &&
                            jb_period_freq(&r->val) != JB_FREQ_DAY && !bracketed;
            if (r->sentence_only || (days && first_number >= end && !r->by_ends))
                continue;
            c->carry = r->val;
            c->have_carry = TRUE;
            c->story_named = r->val;
            c->have_story_named = TRUE;
            /* (a span in brackets narrows the lead just named: 今年“五一”假期（5月1日至5日）) */
            gboolean narrows = lead_here && c->have_lead && bracketed &&
                               jb_period_first_day(&r->val) >= jb_period_first_day(&c->lead) &&
                               jb_period_end_day(&r->val) <= jb_period_end_day(&c->lead);
            if ((c->lead_open || narrows) && jb_period_freq(&r->val) != JB_FREQ_DAY &&
                !r->future_word && !r->loose && r->at < first_number) {
                /* (named before the story's figures) */
                c->lead = r->val; /* a story opening "今年第二季…": its figures' period */
                c->have_lead = TRUE;
                lead_here = TRUE;
            }
            /* (a day opening the story is when it happened, not its figures' period:
             * 3月28日晚间，某行发布2025年年度报告。…2025年… — the year still opens it) */
            if (jb_period_freq(&r->val) != JB_FREQ_DAY)
                c->lead_open = FALSE;
        }
    }
}

/* The list of values after one 分别 and what it hands them: years (2023-2025年…分别达到120、
 * 135、150亿元: the last run of years before it), or subjects (人工智能、人形机器人企业分别超过
 * 6000家、140家), or the items of a list (国家级、省级…分别拿到…). */
#define FENBIE_MAX 16 /* lists read in one sentence; later ones are plain figures */
typedef struct {
    guint from, n;        /* the values: quantities [from, from + n) of the sentence */
    GPtrArray *years;     /* "2023"…, owned */
    GPtrArray *subjects;  /* borrowed words, or the items' (owned by `items`) */
    GPtrArray *items;     /* owned, or NULL */
    GPtrArray *members;   /* owned, when by_subject: each member's own words (Ctx.member) */
    gboolean by_year, by_subject;
    gboolean ambiguous;   /* a list of subjects not paired with the values (counts differ) */
} FenbieList;

static void fenbie_list_clear(FenbieList *l)
{
    g_clear_pointer(&l->years, g_ptr_array_unref);
    g_clear_pointer(&l->subjects, g_ptr_array_unref);
    g_clear_pointer(&l->items, g_ptr_array_unref);
    g_clear_pointer(&l->members, g_ptr_array_unref);
}

static gboolean fenbie_list(Ctx *c, const char *sent, const WordHit *hit, FenbieList *l)
{
    const char *fenbie = hit->at;
    const GArray *qs = c->quantities;
    memset(l, 0, sizeof *l);
    l->from = G_MAXUINT;
    for (guint i = 0; i < qs->len; i++)
        if (sent + g_array_index(qs, JbQuantity, i).start > fenbie) {
            l->from = i;
            break;
        }
    if (l->from == G_MAXUINT)
        return FALSE;
    l->n = 1;
    while (l->from + l->n < qs->len &&
           list_gap(sent + g_array_index(qs, JbQuantity, l->from + l->n - 1).end,
                    sent + g_array_index(qs, JbQuantity, l->from + l->n).start))
        l->n++;
    if (l->n < 2)
        return TRUE;
    l->years = years_in(sent, fenbie);
    l->subjects = g_ptr_array_new();
    const char *cs = jb_extract_clause_start(c, sent, fenbie);
    const char *shared = NULL; /* where the words all members share begin */
    for (guint i = 0; i < c->subjects->len; i++) {
        const SubjectHit *h = &g_array_index(c->subjects, SubjectHit, i);
        if (h->at >= cs && h->end <= fenbie &&
            (!l->subjects->len || !strstr(h->word, g_ptr_array_index(l->subjects, l->subjects->len - 1)))) {
            g_ptr_array_add(l->subjects, (gpointer)h->word);
            shared = h->end;
        }
    }
    const char *list_end = NULL;
    l->items = list_items_before(c, sent, fenbie, &list_end);
    gboolean by_items = l->items && l->items->len == l->n;
    if (l->subjects->len != l->n && by_items) {
        g_ptr_array_set_size(l->subjects, 0);
        for (guint i = 0; i < l->items->len; i++)
            g_ptr_array_add(l->subjects, g_ptr_array_index(l->items, i));
    }
    if (by_items)
        shared = list_end;
    l->by_year = l->years->len == l->n;
    l->by_subject = l->subjects->len == l->n;
    l->ambiguous = !l->by_year && !l->by_subject && l->items && l->items->len >= 2;
    if (l->by_subject) { /* a member's words: its own item (else its subject), the list's
                          * after it, what follows 分别 (公共充电桩 + 为, 社会消费品零售总额 +
                          * 同比增长, 人工智能 + 企业 + 超过) */
        const char *tail = fenbie + hit->len, *first = sent + g_array_index(qs, JbQuantity, l->from).start;
        l->members = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < l->n; i++) {
            GString *m = g_string_new(g_ptr_array_index(by_items ? l->items : l->subjects, i));
            if (shared && shared < fenbie)
                g_string_append_len(m, shared, fenbie - shared);
            if (tail < first)
                g_string_append_len(m, tail, first - tail);
            g_ptr_array_add(l->members, g_string_free(m, FALSE));
        }
    }
    return TRUE;
}

/* A count that names the group the next figure of its clause is about, opening the clause:
 * 70个大中城市新建商品住宅售价按年跌4.5%, 31个大城市城镇调查失业率为5.0%, an age band
 * (16—24岁人口调查失业率为15.4%). A rate or a change of a group is what such a clause reports; the group is its subject, not a figure of its
 * own (全国有5个城市房价上涨超过3% counts cities: 有 opens the clause). */
static gboolean group_count(const Ctx *c, const char *sent, const JbQuantity *x,
                            const JbQuantity *y)
{
    if (!y || !x->unit[0] || x->qualifier[0] || jb_unit_is_ratio(x->unit) ||
        jb_unit_is_money(x->unit) || !jb_unit_is_ratio(y->unit) ||
        jb_decimal_normalize(x->value).exp10 < 0)
        return FALSE;
    const char *xs = sent + x->start, *xe = sent + x->end, *ys = sent + y->start;
    if (ys - xe > 3 * 24 || jb_extract_clause_start(c, sent, ys) > xs)
        return FALSE; /* (another clause) */
    /* before it: only words of scope and times (內地上月70個大中城市…) */
    const char *p = jb_extract_past_scope(c, jb_extract_clause_start(c, sent, xs), xs);
    return p == xs;
}

/* Where the sentence's first figure outside brackets starts (a stock code or an aside in
 * brackets (股份代号：2459.HK) comes before the time a story opens with), else `end`. */
static const char *first_figure(const char *sent, const char *end, const GArray *qs)
{
    const char *from = sent;
    int depth = 0;
    for (guint i = 0; i < qs->len; i++) {
        const char *at = sent + g_array_index(qs, JbQuantity, i).start;
        for (; from < at; from++) {
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

static void extract_sentence(Ctx *c, const char *sent, const char *p, guint line)
{
    gsize len = (gsize)(p - sent);

    GArray *qs = c->quantities;
    g_array_set_size(qs, 0);
    JbQuantity q;
    for (gsize from = 0; from < len && jb_number_scan(sent, len, from, &q); from = q.end)
        g_array_append_val(qs, q);
    /* (a sentence with no figure may still name their period) */
    read_times(c, sent, p, first_figure(sent, p, qs));
    /* a number inside a time the sentence names is part of it (两年平均, 前7个月) */
    for (guint i = 0, k = 0; i < qs->len;) {
        const JbQuantity *x = &g_array_index(qs, JbQuantity, i);
        while (k < c->times->len && g_array_index(c->times, TimeRef, k).end <= sent + x->start)
            k++;
        if (k < c->times->len && g_array_index(c->times, TimeRef, k).at <= sent + x->start &&
            g_array_index(c->times, TimeRef, k).end >= sent + x->end)
            g_array_remove_index(qs, i);
        else
            i++;
    }
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
        JbQuantity *a = &g_array_index(qs, JbQuantity, i - 1), *b = &g_array_index(qs, JbQuantity, i);
        gboolean hands = !b->qualifier[0] && a->qualifier[0] && a->bound != JB_BOUND_EXACT &&
                         strcmp(a->unit, b->unit) == 0 && list_gap(sent + a->end, sent + b->start) &&
                         (handed || memcmp(sent + a->start, a->qualifier, strlen(a->qualifier)) == 0);
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
        /* a list's noun follows its last member: 最高5000万元、1000万元的资金支持 */
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
        if (group_count(c, sent, x, i + 1 < qs->len ? &g_array_index(qs, JbQuantity, i + 1) : NULL)) {
            prev_end = sent + x->end;
            continue;
        }
        guint before = c->out->len;
        c->member = by_subject ? g_ptr_array_index(l->members, i - l->from) : NULL;
        c->member_unknown = l && l->ambiguous;
        jb_extract_add_statement(c, sent, p, x, prev_end, line, period, subject, metric);
        c->member = NULL;
        c->member_unknown = FALSE;
        if (c->out->len == before + 1 && !member)
            share_among_members(c, sent, sent + x->start);
        prev_end = sent + x->end;
    }
    for (guint k = 0; k < n_lists; k++)
        fenbie_list_clear(&lists[k]);
}

/* A headline glued to the sentence after it (jb_extract_headline.c): read with the
 * headlines, in its story. */
typedef struct {
    char *text; /* owned */
    const JbSection *section;
    guint line;
} Glued;

static void glued_clear(gpointer p)
{
    g_free(((Glued *)p)->text);
}

/* Where the sentence [s, end) goes on after a headline glued to its start, possibly after a
 * dateline (央视网消息（新闻联播）：…); the headline goes to c->glued. `s` when there is none. */
static const char *past_glued_headline(Ctx *c, const char *s, const char *end)
{
    const char *h = s;
    /* a wire's item: (a time, 18:02) 【its headline】 then its story (财联社3月12日电，…) */
    const char *b = s;
    while (b < end && (g_ascii_isdigit(*b) || *b == ':' || *b == ' '))
        b++;
    if (starts(b, end, "【")) {
        const char *e = b + strlen("【");
        for (int k = 0; k < 80 && e < end && !starts(e, end, "】"); k++)
            e = g_utf8_next_char(e);
        if (e < end && starts(e, end, "】") && has_digit(b, e)) {
            Glued g = {g_strndup(b + strlen("【"), (gsize)(e - b - strlen("【"))), c->section, 0};
            g_array_append_val(c->glued, g);
            c->have_lead = FALSE; /* a new item: its own opening */
            c->lead_open = TRUE;
            return e + strlen("】");
        }
    }
    gsize n = jb_extract_glued_headline(c->headline_keys, h, end);
    if (!n) { /* after a dateline: a colon among the first 24 characters */
        const char *q = s;
        for (int k = 0; k < 24 && q < end && !starts(q, end, "："); k++)
            q = g_utf8_next_char(q);
        if (q < end && starts(q, end, "："))
            n = jb_extract_glued_headline(c->headline_keys, h = q + strlen("："), end);
    }
    if (!n)
        return s;
    Glued g = {g_strndup(h, n), c->section, 0};
    g_array_append_val(c->glued, g);
    return h + n;
}


static void extract_paragraph(Ctx *c, const char *para, guint line)
{
    const char *end = para + strlen(para);
    const char *sent = para;
    if (c->warnings)
        warn_long_numbers(c, para, line);
    /* a paragraph's times carry only within it; one that opens with 其中 is a part of the
     * last one's figures (截至2023年底…859.6万台。¶ 其中…分别为272.6万台、587万台) */
    if (!g_str_has_prefix(para, "其中"))
        c->have_carry = FALSE;
    while (sent < end) {
        const char *p = sent;
        while (p < end && !sentence_end_at(p))
            p = g_utf8_next_char(p);
        if (!c->headline) {
            guint before = c->glued->len;
            sent = past_glued_headline(c, sent, p);
            if (c->glued->len > before) {
                g_array_index(c->glued, Glued, before).line = line;
                /* (the paragraph begins with it: glued to its first sentence) */
                if (g_str_has_prefix(para, g_array_index(c->glued, Glued, before).text)) {
                    c->have_lead = FALSE; /* a headline opens a new story (a 快讯 item): */
                    c->lead_open = TRUE;  /* the last one's period is not its */
                }
            }
        }
        extract_sentence(c, sent, p, line);
        /* only a story's opening sentence names its period (a byline left over — no
         * figure, no time, no sentence's end: 11-16 09:30　某网　作者：某某 — opens nothing) */
        if (c->quantities->len || c->times->len || p < end || ends(sent, p, "：") ||
            (p > sent && p[-1] == ':'))
            c->lead_open = FALSE; /* (投资要点：, a label over a list, opens its items) */
        sent = p < end ? g_utf8_next_char(p) : end;
    }
}

/* `*field` (a GRefString) made `value` when it differs. */
static void set_ref(char **field, const char *value)
{
    if (*field && strcmp(*field, value) == 0)
        return;
    if (*field)
        g_ref_string_release(*field);
    *field = g_ref_string_new(value);
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
        if (r->role == TIME_PERIOD && REL_NAMES_PERIOD(r->rel) && !r->local && !r->future_word &&
            !r->loose && (!r->sentence_only || report) &&
            jb_extract_resolve_time(r, NULL, &c->anchor, refs, i, out) &&
            jb_period_freq(out) != JB_FREQ_DAY)
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
    static const char *const W[] = {"目标", "目標", "预期", "預期", "计划", "計劃", "展望",
                                    "任务", "任務", "草案", "预算安排", "預算安排", NULL};
    for (const char *const *w = W; *w; w++)
        if (strstr(h, *w))
            return TRUE;
    return FALSE;
}

gboolean jb_extract_under_plan_heading(const Ctx *c)
{
    for (guint l = JB_HEADING_LEVELS; l-- > 0;)
        if ((c->have_heading_period[l] || c->heading_plan[l]) && c->heading_for_prose[l])
            return c->heading_plan[l];
    return FALSE;
}

static void heading_period(Ctx *c, const char *heading, guint level)
{
    for (guint l = level; l < JB_HEADING_LEVELS; l++)
        c->have_heading_period[l] = c->heading_plan[l] = FALSE;
    /* (a plan's heading names the period of its targets: 二、2026年主要预期目标) */
    c->heading_plan[level] = plan_heading(heading);
    c->have_heading_period[level] =
        named_period(c, heading, c->heading_plan[level], &c->heading_period[level]);
    /* A heading paragraph (Markdown, HTML) is often a headline, whose period is one of
     * several its story reports: it holds for prose only when numbered as a section is. */
    c->heading_for_prose[level] = level > 0 || jb_extract_heading_level(heading) > 0;
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
    if (c->have_lead) {
        *out = c->lead;
        return TRUE;
    }
    if (c->have_title_period) {
        *out = c->title_period;
        return TRUE;
    }
    return FALSE;
}

/* The period of a periodic report that `title` names (2025年第三季度报告, 2024年年度报告):
 * what its 本报告期 and 报告期末 count from. */
static gboolean report_period(Ctx *c, const char *title, JbPeriod *out)
{
    static const char *const REPORT[] = {"报告", "報告", "年报", "年報", "季报", "季報", "财报", "財報"};
    for (gsize i = 0; title && i < G_N_ELEMENTS(REPORT); i++) {
        if (!strstr(title, REPORT[i]))
            continue;
        if (!named_period(c, title, TRUE, out))
            return FALSE;
        if (jb_period_freq(out) == JB_FREQ_YEAR &&
            (strstr(title, "半年") || strstr(title, "中期") || strstr(title, "中报") ||
             strstr(title, "中報"))) /* 2025年半年度报告: its first half */
            *out = jb_period_of((JbPoint){JB_POINT_HALF, jb_period_year(out), 1, 0});
        return TRUE;
    }
    return FALSE;
}

/* The date of `section` (the article's when it states none) as the anchor of what follows,
 * and its title and link for the statements it gives. */
static void enter_section(Ctx *c, const JbSection *x)
{
    const JbArticle *a = c->article;
    c->section = x;
    set_ref(&c->title, x && x->title[0] ? x->title : a->title);
    set_ref(&c->url, x && x->url[0] ? x->url : a->url);
    const char *date = x && x->published[0] ? x->published : c->article->published;
    if (strcmp(date, c->published) != 0) {
        g_ref_string_release(c->published);
        c->published = g_ref_string_new(date);
    }
    JbPeriod p;
    c->anchor.day = date[0] && jb_period_parse(date, &p, NULL) ? p.start : (JbPoint){0};
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
    c->have_title_period = c->have_title_period &&
                           jb_period_freq(&c->title_period) != JB_FREQ_DAY &&
                           jb_period_end_day(&c->title_period) <= jb_point_first_day(&c->anchor.day);
}

/* Words of a title that mark a morning market briefing. */
static gboolean briefing_title(const char *t)
{
    static const char *const W[] = {"早餐", "早报", "早報", "晨报", "晨報", "早间", "早間",
                                    "隔夜", "早知道", "盘前", "盤前", NULL};
    for (const char *const *w = W; *w && t; w++)
        if (strstr(t, *w))
            return TRUE;
    return FALSE;
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
    g_free(x);
}

GPtrArray *jb_extract_article_warn(const JbArticle *article, const JbDict *dict,
                                   GPtrArray *warnings)
{
    g_autoptr(JbExtractor) x = jb_extractor_new(dict);
    return jb_extractor_run(x, article, warnings);
}

GPtrArray *jb_extractor_run(JbExtractor *x, const JbArticle *article, GPtrArray *warnings)
{
    Ctx c = {.article = article, .dict = x->dict, .warnings = warnings};
    c.anchor.briefing = briefing_title(article->title);
    c.out = g_ptr_array_new_full(32, (GDestroyNotify)jb_statement_free);
    c.source = g_ref_string_new(article->source);
    c.publisher = g_ref_string_new(article->publisher);
    c.published = g_ref_string_new("");
    c.times = x->times;
    /* (where its fiscal years end, said anywhere, holds for all its 2026财年) */
    for (guint i = 0; i < article->paragraphs->len && !c.anchor.fy_end; i++)
        c.anchor.fy_end = jb_extract_fiscal_year_end(g_ptr_array_index(article->paragraphs, i));
    enter_section(&c, NULL);

    c.seen = jb_extract_seen_new();
    c.subjects = x->subjects;
    c.quantities = x->quantities;
    c.keywords = x->keywords;
    c.seps = x->seps;
    c.metric_buf = x->metric_buf;
    c.context_buf = x->context_buf;
    c.headline_keys = jb_extract_headline_keys(article);
    g_autofree guint8 *contents = jb_extract_contents_lines(article);
    c.glued = g_array_new(FALSE, FALSE, sizeof(Glued));
    g_array_set_clear_func(c.glued, glued_clear);
    const JbSection *section = NULL;
    for (guint i = 0; i < article->paragraphs->len; i++) {
        const JbSection *here = jb_article_section_of(article, i);
        if (here != section) {
            section = here;
            enter_section(&c, here);
            if (here->first == 0 || here->published[0] || here->url[0]) {
                c.have_lead = FALSE; /* a new story (a digest's item): its own opening */
                c.lead_open = TRUE;  /* and headings */
                memset(c.have_heading_period, 0, sizeof c.have_heading_period);
                memset(c.heading_plan, 0, sizeof c.heading_plan);
            }
            c.have_story_named = FALSE;
        }
        if (jb_extract_is_headline(article, i) || contents[i]) {
            if (g_array_index(article->kinds, guint8, i) == JB_PARA_HEADING)
                heading_period(&c, g_ptr_array_index(article->paragraphs, i), 0);
            continue; /* the headlines, read last (below) */
        }
        guint level = jb_extract_heading_level(g_ptr_array_index(article->paragraphs, i));
        if (level)
            heading_period(&c, g_ptr_array_index(article->paragraphs, i), level);
        if (g_array_index(article->kinds, guint8, i) == JB_PARA_TABLE) {
            guint j = i + 1; /* the table's rows, up to a heading or prose */
            while (j < article->paragraphs->len &&
                   g_array_index(article->kinds, guint8, j) == JB_PARA_TABLE &&
                   jb_article_section_of(article, j) == here)
                j++;
            jb_extract_table(&c, i, j);
            i = j - 1;
            continue;
        }
        gboolean open = c.lead_open;
        extract_paragraph(&c, g_ptr_array_index(article->paragraphs, i),
                          g_array_index(article->lines, guint, i));
        if (level)
            c.lead_open = open; /* a numbered heading (一、居民消费价格) is no story's opening */
    }
    /* The headlines last: a figure they repeat from the body is already written, with the
     * body's fuller quote; a figure only a headline states is still kept. */
    c.headline = TRUE;
    c.body_statements = c.out->len;
    c.have_lead = c.lead_open = FALSE;
    memset(c.have_heading_period, 0, sizeof c.have_heading_period);
    memset(c.heading_plan, 0, sizeof c.heading_plan);
    gboolean title_seen = FALSE;
    for (guint i = 0; i < article->paragraphs->len; i++) {
        if (!jb_extract_is_headline(article, i) && !contents[i])
            continue;
        const char *para = g_ptr_array_index(article->paragraphs, i);
        enter_section(&c, jb_article_section_of(article, i));
        if (jb_extract_is_contents(para)) { /* each headline its own: no time carries over */
            g_auto(GStrv) heads = g_strsplit(para, "；", -1);
            for (char **h = heads; *h; h++)
                extract_paragraph(&c, *h, g_array_index(article->lines, guint, i));
        } else {
            extract_paragraph(&c, para, g_array_index(article->lines, guint, i));
        }
        title_seen = title_seen || strcmp(para, article->title ? article->title : "") == 0;
    }
    for (guint k = 0; k < c.glued->len; k++) {
        const Glued *g = &g_array_index(c.glued, Glued, k);
        enter_section(&c, g->section);
        extract_paragraph(&c, g->text, g->line);
    }
    if (!title_seen && article->title && article->title[0]) {
        enter_section(&c, NULL);
        extract_paragraph(&c, article->title, 1);
    }
    g_ref_string_release(c.source);
    g_ref_string_release(c.published);
    g_ref_string_release(c.publisher);
    g_ref_string_release(c.title);
    g_ref_string_release(c.url);
    g_hash_table_unref(c.seen);
    g_hash_table_unref(c.headline_keys);
    g_array_unref(c.glued);
    return c.out;
}
