/* jb_extract_lists.c — lists in a sentence: the items before 分别 (国家级、省级…分别拿到…) and
 * the values it hands them, by year (2023-2025年…分别达到120、135、150亿元), by subject or by
 * item; and a figure shared among the members of a list (公共充电桩和私人充电桩分别为…).
 *
 * Not for: walking the sentence (extract_sentence, jb_extract.c).
 */
#include "jb_extract_read_priv.h"
#include "jb_lits.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* `s` again with another metric (and the dictionary's id for it): a member of a list that
 * shares one value. */
static JbStatement *statement_with_metric(const Ctx *c, const JbStatement *s, const char *metric,
                                          const char *quote)
{
    const JbMetric *m = c->dict ? jb_dict_match(c->dict, metric, s->subject, s->q.unit) : NULL;
    JbStatement *t = jb_extract_statement_new(s->subject, (Span){metric, metric + strlen(metric)},
                                              m ? m->id : "", (Span){quote, quote + strlen(quote)},
                                              s->period);
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

/* Is there a numeral and its class at p (三省, 两市, 五家)? */
static gboolean numeral_class_at(const char *p, const char *e)
{
    static const char *const NUMERAL = "两兩二三四五六七八九十";
    static const char *const CLASS = "省市地区區县縣国國家个個所城";
    if (p + 6 > e)
        return FALSE;
    char one[4] = {p[0], p[1], p[2], 0}, two[4] = {p[3], p[4], p[5], 0};
    return strstr(NUMERAL, one) && strstr(CLASS, two);
}

/* Where the last member of a list before 均 ends when a count of the list follows its name
 * (广东、浙江、山东三省当月交易量均…: 山东; 工行、农行、中行等五家银行…: 中行): at 等 or at a
 * numeral with its class within [m, e), a name of one to six characters before it; or NULL. */
static const char *name_before_count(const char *m, const char *e)
{
    const char *p = g_utf8_next_char(m);
    for (int k = 1; k <= 6 && p + 6 <= e; k++, p = g_utf8_next_char(p))
        if (starts(p, e, "等") || numeral_class_at(p, e))
            return p;
    return NULL;
}

/* Past the count at p (等, 三省, 等五家), before e. */
static const char *past_count(const char *p, const char *e)
{
    if (starts(p, e, "等"))
        p += strlen("等");
    return numeral_class_at(p, e) ? p + 2 * strlen("两") : p;
}

/* A pair written before the noun it shares, the whole of [cs, jun) (男女全马冠军 before 均: a
 * pair word of templates/words.tsv, then a noun of one to six characters): `members`, holding
 * that one phrase, gets the two it names instead (男子全马冠军, 女子全马冠军); returns the phrase
 * as written, or NULL and leaves `members`. */
static char *pair_members(const char *cs, const char *jun, GPtrArray *members)
{
    for (gsize i = 0; jb_words_pair_word[i]; i++) {
        const char *w = jb_words_pair_word[i];
        if (!starts(cs, jun, w))
            continue;
        glong n = g_utf8_strlen(cs + strlen(w), jun - cs - (glong)strlen(w));
        g_auto(GStrv) two = g_strsplit(jb_words_pair_word_value[i], "、", 2);
        if (n < 1 || n > 6 || g_strv_length(two) != 2)
            return NULL;
        char *whole = g_strdup(g_ptr_array_index(members, 0));
        g_ptr_array_set_size(members, 0);
        for (int k = 0; k < 2; k++)
            g_ptr_array_add(members, g_strconcat(two[k], whole + strlen(w), NULL));
        return whole;
    }
    return NULL;
}

/* 进口、出口均增长12%: members before 均 (都, 皆) share one value, and each gets its
 * statement. The members are two or more short phrases of Chinese characters (no figures, no
 * punctuation) from the clause's start to 均. The last of c->out, made for the value with the
 * last member's metric (出口均增长), becomes that member's (出口增长); the others are put
 * before it. A count of the members after the last one's name (山东三省当月交易量均超过12万辆)
 * leaves its metric (交易量) to each member. */
void share_among_members(Ctx *c, const char *sent, const char *qs)
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
            if (p > cs && lit_starts(p, qs, &JUN[k]) && !starts(p + 3, qs, "价") &&
                !starts(p + 3, qs, "價") && !starts(p + 3, qs, "值"))
                jun = p; /* (not 均价 or 均值: one average of the group's, 各类原材料采购均价…) */
    if (!jun)
        return;
    g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func(g_free);
    const char *m = cs, *counted = NULL;
    for (const char *p = cs; p <= jun;) {
        gsize sep = 0;
        for (gsize k = 0; p < jun && k < G_N_ELEMENTS(SEP) && !sep; k++)
            if (lit_starts(p, jun, &SEP[k]))
                sep = SEP[k].n;
        if (sep || p == jun) { /* a member ends */
            glong n = g_utf8_strlen(m, p - m);
            if (p == jun && n > 6 && members->len >= 1 &&
                (counted = name_before_count(m, p)) != NULL)
                n = g_utf8_strlen(m, counted - m);
            if (n < 1 || n > 6 || (counted && g_utf8_strlen(counted, jun - counted) > 16))
                return;
            g_ptr_array_add(members, g_strndup(m, (gsize)((counted ? counted : p) - m)));
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
    g_autofree char *pair = members->len == 1 ? pair_members(cs, jun, members) : NULL;
    if (members->len < 2)
        return;
    JbStatement *s = g_ptr_array_index(c->out, c->out->len - 1);
    const char *last = pair ? pair : g_ptr_array_index(members, members->len - 1);
    const char *at = strstr(s->metric, last);
    if ((!counted && !at) || (at && g_utf8_strlen(s->metric, at - s->metric) > 12))
        return; /* its metric is not the members': leave it */
    /* (a count's: the metric without its 均 and the count, 交易量均 → 交易量, 上海两地新房成交量都
     * 增长 → 新房成交量增长) */
    const char *after = counted && at ? at + strlen(last) : s->metric;
    gsize count_len = counted ? (gsize)(past_count(counted, jun) - counted) : 0;
    if (counted && strncmp(after, counted, count_len) == 0)
        after += count_len;
    g_autofree char *shared = counted ? g_strdup(after) : NULL;
    for (gsize k = 0; shared && k < G_N_ELEMENTS(JUN); k++) {
        char *j = strstr(shared, JUN[k].s);
        if (j)
            memmove(j, j + JUN[k].n, strlen(j + JUN[k].n) + 1);
    }
    const char *rest = counted ? shared : at + strlen(last);
    for (gsize k = 0; k < G_N_ELEMENTS(JUN); k++)
        if (g_str_has_prefix(rest, JUN[k].s))
            rest += JUN[k].n;
    /* the quote from the first member (its own began after the last 、) */
    const char *in = strstr(cs, s->quote);
    g_autofree char *quote = in && in < qs ? g_strndup(cs, (gsize)(in - cs) + strlen(s->quote))
                                           : g_strdup(s->quote);
    for (guint i = 0; i < members->len; i++) {
        g_autofree char *metric = g_strconcat(g_ptr_array_index(members, i), rest, NULL);
        g_ptr_array_insert(c->out, (gint)c->out->len - 1,
                           statement_with_metric(c, s, metric, quote));
    }
    /* s gives way to the last member's (c->seen follows) */
    jb_extract_seen_replace(c->seen, s, g_ptr_array_index(c->out, c->out->len - 2));
    g_ptr_array_remove_index(c->out, c->out->len - 1);
}

/* （7月至8月）单月…均超过45万: a figure each month of a span of months reached, said once with
 * 单月 (每月) and 均 before it in its clause: one statement per month (not 月均, an average
 * over the span, which stays one). Two to twelve months. */
void share_among_months(Ctx *c, const char *sent, const char *qs)
{
    static const Lit EACH[] = {LIT("单月"), LIT("單月"), LIT("每月")};
    JbStatement *s = g_ptr_array_index(c->out, c->out->len - 1);
    JbPeriod p;
    if (!jb_period_parse(s->period, &p, NULL) || p.start.kind != JB_POINT_MONTH ||
        p.end.kind != JB_POINT_MONTH)
        return;
    int n = (p.end.year - p.start.year) * 12 + p.end.n - p.start.n + 1;
    const char *cs = jb_extract_clause_start(c, sent, qs);
    if (n < 2 || n > 12 || qs - cs > 3 * 40)
        return;
    const char *each = NULL, *jun = NULL;
    for (const char *q = cs; q < qs; q = g_utf8_next_char(q)) {
        for (gsize k = 0; k < G_N_ELEMENTS(EACH) && !each; k++)
            if (lit_starts(q, qs, &EACH[k]))
                each = q;
        if (each && q > each && starts(q, qs, "均"))
            jun = q;
    }
    if (!jun)
        return;
    JbPoint m = p.start;
    char buf[JB_PERIOD_STR_MAX];
    for (int k = 0; k < n - 1; k++, m = jb_point_add(m, 1)) {
        JbStatement *t = statement_with_metric(c, s, s->metric, s->quote);
        JbPeriod one = jb_period_of(m);
        g_strlcpy(t->period, jb_period_format(&one, buf), JB_PERIOD_MAX);
        g_ptr_array_insert(c->out, (gint)c->out->len - 1, t);
    }
    JbPeriod last = jb_period_of(p.end);
    g_strlcpy(s->period, jb_period_format(&last, buf), JB_PERIOD_MAX);
}

/* The text between two list members: 、 和 及 与 / , ，, spaces. */
gboolean list_gap(const char *a, const char *b)
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

/* The year y as a new string, as "%d" writes it: four digits by hand (g_strdup_printf costs a
 * thousand instructions a call, and a list hands out a year per member). */
static char *year_str(int y)
{
    if (y < 1000 || y > 9999)
        return g_strdup_printf("%d", y);
    char s[5] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
                 (char)('0' + y % 10), '\0'};
    return g_strdup(s);
}

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
 * 2026年、2027年和2028年, 2026、2027、2028年, 2026/2027/2028年, 2026E/2027E; a span 2023-2025年
 * read as each of its years. */
static GPtrArray *years_in(const char *a, const char *b)
{
    GPtrArray *ys = g_ptr_array_new_with_free_func(g_free);
    int in_title = 0;
    for (const char *p = a; p < b; p++) {
        if (starts(p, b, "《"))
            in_title++;
        else if (starts(p, b, "》") && in_title > 0)
            in_title--;
        if (!g_ascii_isdigit(*p)) /* (a year starts at a digit: most bytes are passed here) */
            continue;
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
            gboolean est = q < b && (*q == 'E' || *q == 'A') &&
                           !(q + 1 < b && g_ascii_isalnum(q[1]));
            if (starts(q, b, "年") || est) { /* (2026E/2027E: an analyst's years) */
                q += est ? 1 : strlen("年");
                closed = TRUE;
            }
            span = FALSE;
            const char *r = q;
            static const char *const LINK[] = {"、", "和", "及", "与", ",", "/", NULL};
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
                g_ptr_array_add(ys, year_str(g_array_index(run, int, k)));
        }
        g_array_unref(run);
        p = q - 1;
    }
    return ys;
}

/* A month's number 1 to 12 at p (not inside a longer number or a name), its end in *end. */
static int month_at(const char *a, const char *p, const char *b, const char **end)
{
    if (p > a && (g_ascii_isalnum(p[-1]) || p[-1] == '.'))
        return 0;
    int m = 0;
    const char *q = p;
    while (q < b && g_ascii_isdigit(*q) && q - p < 2)
        m = m * 10 + (*q++ - '0');
    if (q == p || (q < b && g_ascii_isdigit(*q)) || m < 1 || m > 12)
        return 0;
    *end = q;
    return m;
}

/* The last run of months named in [a, b) (7、8月, 10月和11月), as "2026-07" strings, in
 * order, for 分别: the year of each the one the sentence's times give its last month. */
static void months_in(const Ctx *c, const char *a, const char *b, GPtrArray *out)
{
    for (const char *p = a; p < b; p++) {
        const char *q;
        if (!g_ascii_isdigit(*p)) /* (a month starts at a digit: most bytes are passed here) */
            continue;
        int m = month_at(a, p, b, &q);
        if (!m)
            continue;
        int run[12], n = 0;
        const char *last = p;
        gboolean closed = FALSE;
        while (m && n < 12) {
            run[n++] = m;
            closed = FALSE;
            if (starts(q, b, "月")) {
                q += strlen("月");
                closed = TRUE;
                if (starts(q, b, "份"))
                    q += strlen("份");
            }
            static const char *const LINK[] = {"、", "和", "及", "与", "與", NULL};
            const char *r = NULL;
            for (const char *const *w = LINK; *w && !r; w++)
                r = starts(q, b, *w) ? q + strlen(*w) : NULL;
            const char *e;
            m = r ? month_at(a, r, b, &e) : 0;
            if (m)
                last = r, q = e;
        }
        int year = 0; /* (the year the time scan gave the run's last month) */
        for (guint k = 0; closed && n >= 2 && k < c->times->len && !year; k++) {
            const TimeRef *t = &g_array_index(c->times, TimeRef, k);
            if (t->at <= last && t->end > last && t->has_val &&
                t->val.start.kind == JB_POINT_MONTH && t->val.start.n == run[n - 1])
                year = t->val.start.year;
        }
        if (year) {
            g_ptr_array_set_size(out, 0);
            for (int k = 0; k < n; k++)
                g_ptr_array_add(out, g_strdup_printf("%04d-%02d", year, run[k]));
        }
        p = q - 1;
    }
}

/* Digits [p, q) of [a, b) that are not part of a name (5G, C919, H20). */
static gboolean not_in_name(const char *a, const char *p, const char *q, const char *b)
{
    return !(p > a && g_ascii_isalpha(p[-1])) && !(q < b && g_ascii_isalpha(*q));
}

/* Does [a, b) hold a figure: digits that are not part of a name? */
static gboolean item_has_figure(const char *a, const char *b)
{
    return jb_any_digit_run(a, b, not_in_name);
}

/* What a list's items measure, when the writer says it once: 新能源汽车产量与出口量 (the
 * first item's head is the later items' too), 高铁和城轨里程 (the last item's measure is
 * the earlier items' too): templates/words.tsv's measure list. */
static const char *measure_ending(const char *item)
{
    /* (asked of every item of every list: most end in none of them, which the list's
     * filter tells from the item's last bytes) */
    static JbLitFilter filter;
    const JbLitFilter *f = jb_lit_filter_for(&filter, jb_words_measure);
    gsize n = strlen(item);
    if (f && !jb_lit_filter_may_end(f, item, item + n))
        return NULL;
    for (const char *const *w = jb_words_measure; *w;
         w++) { /* (g_str_has_suffix, one strlen less) */
        gsize k = strlen(*w);
        if (k <= n && memcmp(item + n - k, *w, k) == 0)
            return *w;
    }
    return NULL;
}

/* The items of a list made whole where the writer left words out (jb_words_measure). */
static void complete_items(GPtrArray *items)
{
    char **it = (char **)items->pdata;
    const char *first = measure_ending(it[0]), *last = measure_ending(it[items->len - 1]);
    gsize head = first ? strlen(it[0]) - strlen(first) : 0;
    for (guint i = 1; head && i < items->len; i++) /* 新能源汽车产量与[新能源汽车]销量 */
        for (const char *const *w = jb_words_measure; *w; w++)
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
static gsize joiner_word_at(const char *a, const char *p, const char *z)
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
    static const char *const AFTER[] = {"时", "時", "格", "会", "會",       "平", "谐",
                                        "諧", "解", "睦", "其", "信息化部", NULL};
    for (const char *const *j = JOIN; *j; j++) {
        if (!starts(p, z, *j))
            continue;
        const char *q = p + strlen(*j);
        /* two characters at least on either side (CJK: three bytes each) */
        if (p - a < 6 || z - q < 6)
            return 0;
        if (ends_any(a, p, BEFORE))
            return 0;
        for (const char *const *w = AFTER; *w; w++)
            if (starts(q, z, *w))
                return 0;
        return strlen(*j);
    }
    return 0;
}

static inline gsize joiner_at(const char *a, const char *p, const char *z)
{
    /* (asked at every character of a list's clause: each joiner is three bytes or more, and
     * their third bytes (、 81, 以 A5, 和 8C, 与 8E, 與 87, 及 8A) rule out most characters) */
    if (z - p < 3)
        return 0;
    switch ((guchar)p[2]) {
    case 0x81:
    case 0xA5:
    case 0x8C:
    case 0x8E:
    case 0x87:
    case 0x8A:
        return joiner_word_at(a, p, z);
    default:
        return 0;
    }
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

/* The two measures a word before 分别 joins (产销分别完成X和Y: production and sales; 进出口:
 * imports and exports; 收支: income and spending), each with the words of its clause before it
 * (汽车产量, 汽车销量), from the last one in the 40 characters before `fenbie`; its clause's end in
 * `*list_end` (the start of 分别's clause when it is an earlier one: …，同比分别增长…). NULL
 * when none is there. */
static GPtrArray *compound_items(Ctx *c, const char *sent, const char *fenbie,
                                 const char **list_end)
{
    static const char *const C[][3] = {{"产销", "产量", "销量"},
                                       {"產銷", "產量", "銷量"},
                                       {"进出口", "进口", "出口"},
                                       {"進出口", "進口", "出口"},
                                       {"收支", "收入", "支出"}};
    const char *at = NULL, *head = NULL;
    gsize k = 0, len = 0;
    /* (in a window: a sentence of thousands of 分别 is not walked again for each) */
    for (const char *p = jb_utf8_back(sent, fenbie, 40); p < fenbie; p = g_utf8_next_char(p))
        for (gsize i = 0; i < G_N_ELEMENTS(C); i++)
            if (starts(p, fenbie, C[i][0])) {
                at = p;
                k = i;
                len = strlen(C[i][0]);
            }
    if (!at)
        return NULL;
    head = jb_extract_clause_start(c, sent, at);
    const char *cs = jb_extract_clause_start(c, sent, fenbie);
    const char *after = at + len;
    if (starts(after, fenbie, "量"))
        after += strlen("量"); /* (产销量分别为…) */
    if (cs <= at && after != fenbie)
        return NULL; /* (in 分别's clause, right before it: 汽车产销分别…, not 产销率…分别) */
    if (item_has_figure(head, at))
        return NULL;
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (int m = 1; m <= 2; m++)
        g_ptr_array_add(items, g_strdup_printf("%.*s%s", (int)(at - head), head, C[k][m]));
    *list_end = cs <= at ? fenbie : cs;
    return items;
}

void fenbie_list_clear(FenbieList *l)
{
    g_clear_pointer(&l->years, g_ptr_array_unref);
    g_clear_pointer(&l->subjects, g_ptr_array_unref);
    g_clear_pointer(&l->items, g_ptr_array_unref);
    g_clear_pointer(&l->members, g_ptr_array_unref);
}

gboolean fenbie_list(Ctx *c, const char *sent, const WordHit *hit, FenbieList *l)
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
    /* 过去三年…分别增长5.5%、3.9%和7.2%: the years of a span named before, one a member */
    for (guint k = 0; k < c->times->len && l->years->len != l->n; k++) {
        const TimeRef *r = &g_array_index(c->times, TimeRef, k);
        if (r->at >= fenbie || r->rel != REL_YEARS || !r->has_val || r->years != (int)l->n)
            continue;
        g_ptr_array_set_size(l->years, 0);
        for (int y = r->val.start.year; y <= r->val.end.year; y++)
            g_ptr_array_add(l->years, year_str(y));
    }
    if (l->years->len != l->n) { /* 7、8月暑运期间…分别为668.2万人次和702.9万人次 */
        g_ptr_array_set_size(l->years, 0);
        months_in(c, sent, fenbie, l->years);
    }
    l->subjects = g_ptr_array_new();
    const char *cs = jb_extract_clause_start(c, sent, fenbie);
    const char *shared = NULL; /* where the words all members share begin */
    for (guint i = 0; i < c->subjects->len; i++) {
        const SubjectHit *h = &g_array_index(c->subjects, SubjectHit, i);
        if (h->at >= cs && h->end <= fenbie &&
            (!l->subjects->len ||
             !strstr(h->word, g_ptr_array_index(l->subjects, l->subjects->len - 1)))) {
            g_ptr_array_add(l->subjects, (gpointer)h->word);
            shared = h->end;
        }
    }
    const char *list_end = NULL;
    l->items = list_items_before(c, sent, fenbie, &list_end);
    GPtrArray *two = NULL;
    const char *two_end = NULL;
    if (l->n == 2 && (!l->items || l->items->len != 2) &&
        (two = compound_items(c, sent, fenbie, &two_end))) {
        g_clear_pointer(&l->items, g_ptr_array_unref);
        l->items = two;
        list_end = two_end;
    }
    gboolean by_items = l->items && l->items->len == l->n;
    if ((l->subjects->len != l->n && by_items) || two) {
        g_ptr_array_set_size(l->subjects, 0);
        for (guint i = 0; i < l->items->len; i++) /* (a compound's: the sentence's subject) */
            g_ptr_array_add(l->subjects, two ? NULL : g_ptr_array_index(l->items, i));
    }
    if (by_items)
        shared = list_end;
    l->by_year = l->years->len == l->n;
    l->by_subject = l->subjects->len == l->n;
    l->ambiguous = !l->by_year && !l->by_subject && l->items && l->items->len >= 2;
    if (l->by_subject) { /* a member's words: its own item (else its subject), the list's
                          * after it, what follows 分别 (公共充电桩 + 为, 社会消费品零售总额 +
                          * 同比增长, 人工智能 + 企业 + 超过) */
        const char *tail = fenbie + hit->len,
                   *first = sent + g_array_index(qs, JbQuantity, l->from).start;
        l->members = g_ptr_array_new_with_free_func(g_free);
        gsize ls = shared && shared < fenbie ? (gsize)(fenbie - shared) : 0,
              lt = tail < first ? (gsize)(first - tail) : 0;
        for (guint i = 0; i < l->n; i++) { /* (one allocation each, not a GString's) */
            const char *own = g_ptr_array_index(by_items ? l->items : l->subjects, i);
            gsize lo = own ? strlen(own) : 0;
            char *m = g_malloc(lo + ls + lt + 1);
            memcpy(m, own ? own : "", lo);
            if (ls)
                memcpy(m + lo, shared, ls);
            if (lt)
                memcpy(m + lo + ls, tail, lt);
            m[lo + ls + lt] = '\0';
            g_ptr_array_add(l->members, m);
        }
    }
    return TRUE;
}
