#include "jb_extract.h"

#include <stdlib.h>
#include <string.h>

const char *const JB_METRICS_HEADER[] = {"source", "published", "period",    "subject",
                                         "metric", "metric_id", "value",     "unit",
                                         "qualifier", "bound",  "forecast",  "quote",
                                         NULL};

void jb_statement_free(JbStatement *s)
{
    if (!s)
        return;
    g_free(s->source);
    g_free(s->published);
    g_free(s->period);
    g_free(s->subject);
    g_free(s->metric);
    g_free(s->metric_id);
    g_free(s->quote);
    g_free(s);
}

/* ---- small UTF-8 helpers over byte ranges ------------------------------------------- */

static gboolean starts(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

static gboolean ends(const char *start, const char *p, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(p - start) >= n && memcmp(p - n, word, n) == 0;
}

/* Is there `word` in [a, b)? */
static gboolean contains(const char *a, const char *b, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = a; p + n <= b; p++)
        if (memcmp(p, word, n) == 0)
            return TRUE;
    return FALSE;
}

static gboolean is_sentence_end(gunichar c)
{
    return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ || c == '!' ||
           c == '?';
}

static gboolean is_clause_sep(gunichar c)
{
    return c == 0xFF0C /* ， */ || c == ',' || c == 0xFF1B /* ； */ || c == ';' ||
           c == 0xFF1A /* ： */ || c == ':';
}

/* Start of the clause holding byte `at` in [s, at]. */
static const char *clause_start(const char *s, const char *at)
{
    const char *p = at;
    while (p > s) {
        const char *prev = g_utf8_prev_char(p);
        if (is_clause_sep(g_utf8_get_char(prev)))
            break;
        p = prev;
    }
    return p;
}

static const char *clause_end(const char *at, const char *end)
{
    const char *p = at;
    while (p < end && !is_clause_sep(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    return p;
}

static char *trimmed(const char *a, const char *b)
{
    while (a < b && (*a == ' ' || *a == '\t'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    return g_strndup(a, (gsize)(b - a));
}

/* ---- periods --------------------------------------------------------------------------- */

typedef struct {
    int year, month, day; /* 0 = not stated */
    const char *end;      /* where the expression ends */
    gboolean future_word; /* 到2027年 */
} TimeRef;

static int read_int(const char **pp, const char *end, int max_digits)
{
    const char *p = *pp;
    int v = 0, n = 0;
    while (p < end && n < max_digits && g_ascii_isdigit(*p)) {
        v = v * 10 + (*p - '0');
        p++;
        n++;
    }
    if (n == 0 || (p < end && g_ascii_isdigit(*p)))
        return -1;
    *pp = p;
    return v;
}

/* The last time expression in [s, limit): "2025年", "6月底", "今年10月22日", "去年".
 * Years inside 《book titles》 name documents, not periods, and are skipped. */
static gboolean last_time_ref(const char *s, const char *limit, int pub_year, TimeRef *out)
{
    gboolean found = FALSE;
    int in_title = 0;
    for (const char *p = s; p < limit;) {
        if (starts(p, limit, "《")) {
            in_title++;
            p += strlen("《");
            continue;
        }
        if (starts(p, limit, "》")) {
            in_title = in_title > 0 ? in_title - 1 : 0;
            p += strlen("》");
            continue;
        }
        TimeRef t = {0};
        const char *q = p;
        gboolean digit_start = g_ascii_isdigit(*p) && (p == s || !g_ascii_isdigit(p[-1]));
        if (digit_start) {
            const char *r = q;
            int y = read_int(&r, limit, 4);
            if (y >= 1900 && y <= 2100 && r - q == 4 && starts(r, limit, "年")) {
                t.year = y;
                q = r + strlen("年");
                t.future_word = ends(s, p, "到") || ends(s, p, "至");
            }
        } else if (starts(p, limit, "今年")) {
            t.year = pub_year;
            q = p + strlen("今年");
        } else if (starts(p, limit, "去年")) {
            t.year = pub_year ? pub_year - 1 : 0;
            q = p + strlen("去年");
        } else if (starts(p, limit, "明年")) {
            t.year = pub_year ? pub_year + 1 : 0;
            q = p + strlen("明年");
        }
        /* an optional month (and day) after the year, or a bare "6月底" */
        const char *r = q;
        if (r < limit && g_ascii_isdigit(*r) && (r == s || !g_ascii_isdigit(r[-1]))) {
            int m = read_int(&r, limit, 2);
            if (m >= 1 && m <= 12 && starts(r, limit, "月")) {
                t.month = m;
                r += strlen("月");
                const char *d = r;
                int day = read_int(&d, limit, 2);
                if (day >= 1 && day <= 31 && (starts(d, limit, "日") || starts(d, limit, "号"))) {
                    t.day = day;
                    r = d + strlen("日");
                }
                q = r;
            }
        }
        if ((t.year || t.month) && !in_title) {
            t.end = q;
            *out = t;
            found = TRUE;
            p = q > p ? q : g_utf8_next_char(p);
        } else {
            p = g_utf8_next_char(p);
        }
    }
    return found;
}

static char *format_period(const TimeRef *t, int pub_year)
{
    int y = t->year ? t->year : pub_year;
    if (!y)
        return g_strdup("");
    if (t->month && t->day)
        return g_strdup_printf("%04d-%02d-%02d", y, t->month, t->day);
    if (t->month)
        return g_strdup_printf("%04d-%02d", y, t->month);
    return g_strdup_printf("%04d", y);
}

/* ---- metric phrase ---------------------------------------------------------------------- */

/* Words that open or close a clause without naming anything: dropped from the metric. */
static const char *const LEADING_FILLERS[] = {
    "截至目前", "截止目前", "目前", "当前", "眼下", "现在", "我国", "中国", "全国", "国内",
    "据测算", "据统计", "据介绍", "数据显示", "其中", "同时", "此外", "另外", "已经", "已",
    "累计", "共计", "总计", "合计", "共", "预计", "力争", "有望", "将", "还", "并", "约",
    "的",   "底",   "末",   "，",   ",",   " ",    NULL};
static const char *const TRAILING_FILLERS[] = {
    "预计", "有望", "力争", "已经", "已达", "已有", "拥有", "有", "已", "将", "达到", "达",
    "为", "是", "约",
    "共", "累计", "实现", "保持", "的", " ", NULL};

static char *metric_phrase(const char *cstart, const char *qstart, const char *subject_at,
                           const char *time_end)
{
    const char *a = cstart, *b = qstart;
    if (time_end && time_end > a && time_end <= b)
        a = time_end; /* "2025年我国…" → "我国…" */
    if (subject_at && subject_at >= a && subject_at < b)
        a = subject_at; /* drop what precedes the subject */
    for (gboolean changed = TRUE; changed;) {
        changed = FALSE;
        for (const char *const *w = LEADING_FILLERS; *w; w++)
            if (starts(a, b, *w)) {
                a += strlen(*w);
                changed = TRUE;
            }
        for (const char *const *w = TRAILING_FILLERS; *w; w++)
            if (ends(a, b, *w)) {
                b -= strlen(*w);
                changed = TRUE;
            }
    }
    return trimmed(a, b);
}

/* ---- statements -------------------------------------------------------------------------- */

static const char *const FORECAST_WORDS[] = {"预计", "力争", "有望", "目标", "预期", "计划",
                                             "将", NULL};

typedef struct {
    const JbArticle *article;
    const JbDict *dict;
    int pub_year;
    GPtrArray *out;
    GHashTable *seen; /* figure key → the JbStatement already written (borrowed from out) */
} Ctx;

/* Last subject word in [a, b): returns where it starts (or NULL) and sets *word. */
static const char *last_subject(const JbDict *dict, const char *a, const char *b,
                                const char **word)
{
    const char *best = NULL;
    *word = NULL;
    if (!dict)
        return NULL;
    for (const char *const *w = jb_dict_subjects(dict); *w; w++) {
        size_t n = strlen(*w);
        for (const char *p = a; p + n <= b; p++)
            if (memcmp(p, *w, n) == 0 && (!best || p + n > best + strlen(*word))) {
                best = p;
                *word = *w;
            }
    }
    return best;
}

/* The noun a number modifies when it comes first: "8个国家…先导区", "30项智能制造国家标准".
 * Runs from the quantity to the next separator (list commas and spaces included). */
static char *following_noun(const char *qe, const char *ce)
{
    const char *p = qe;
    while (p < ce) {
        gunichar ch = g_utf8_get_char(p);
        if (ch == 0x3001 /* 、 */ || ch == ' ' || ch == '/' || ch == 0xFF08 /* （ */)
            break;
        p = g_utf8_next_char(p);
    }
    return g_utf8_strlen(qe, p - qe) >= 2 ? trimmed(qe, p) : NULL;
}

static gboolean subject_starting_at(const JbDict *dict, const char *p, const char *end)
{
    for (const char *const *w = jb_dict_subjects(dict); *w; w++)
        if (starts(p, end, *w))
            return TRUE;
    return FALSE;
}

static void add_statement(Ctx *c, const char *sent, const char *sent_end, const JbQuantity *q,
                          const char *prev_end, guint line)
{
    const char *qs = sent + q->start, *qe = sent + q->end;
    const char *cs = clause_start(sent, qs);
    /* a list or a headline puts several figures in one clause: "150家、连接…" */
    if (prev_end && prev_end > cs && prev_end <= qs)
        cs = prev_end;
    for (const char *p = cs; p < qs; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        if (ch == ' ' || ch == 0x3001 /* 、 */)
            cs = g_utf8_next_char(p);
    }
    const char *ce = clause_end(qe, sent_end);

    const char *subj_word = NULL;
    const char *subj_at = last_subject(c->dict, sent, qs, &subj_word);
    /* The metric phrase starts at the clause's first subject, so a run of subjects stays
     * whole: 专精特新中小企业, not 中小企业. */
    const char *cut_at = subj_at;
    for (const char *p = cs; subj_at && subj_at >= cs && p < subj_at; p = g_utf8_next_char(p))
        if (subject_starting_at(c->dict, p, qs)) {
            cut_at = p;
            break;
        }

    TimeRef t = {0};
    gboolean have_time = last_time_ref(sent, qs, c->pub_year, &t);
    if (!have_time) /* "…增长5.9%（2025年）" style: a time after the number, same clause */
        have_time = last_time_ref(qe, ce, c->pub_year, &t);

    JbStatement *s = g_new0(JbStatement, 1);
    s->source = g_strdup(c->article->source);
    s->published = g_strdup(c->article->published);
    s->period = have_time ? format_period(&t, c->pub_year) : g_strdup(c->article->published);
    s->period_stated = have_time;
    s->subject = g_strdup(subj_word ? subj_word : "");
    s->metric = following_noun(qe, ce);
    if (!s->metric)
        s->metric = metric_phrase(cs, qs, cut_at, have_time && t.end <= qs ? t.end : NULL);
    s->q = *q;
    s->line = line;

    const JbMetric *m = c->dict ? jb_dict_match(c->dict, s->metric[0] ? s->metric : "", s->subject,
                                                q->unit)
                                : NULL;
    if (!m && c->dict) {
        g_autofree char *context = g_strndup(sent, (gsize)(qs - sent));
        m = jb_dict_match(c->dict, context, s->subject, q->unit);
    }
    s->metric_id = g_strdup(m ? m->id : "");

    for (const char *const *w = FORECAST_WORDS; *w && !s->forecast; w++) {
        /* 将 is too common to trust beyond its own clause */
        const char *from = strcmp(*w, "将") == 0 ? cs : sent;
        s->forecast = contains(from, qs, *w);
    }
    if (have_time && t.future_word)
        s->forecast = TRUE;
    if (c->pub_year && s->period[0] && atoi(s->period) > c->pub_year)
        s->forecast = TRUE; /* a value for a year after publication can only be expected */

    /* Quote from the clause that names the subject when the number's clause does not. */
    const char *quote_from = cs;
    if (subj_at && subj_at < cs)
        quote_from = clause_start(sent, subj_at);
    s->quote = trimmed(quote_from, ce);

    /* A figure repeated in one article (headline and body) is one statement. */
    g_autofree char *value = jb_decimal_to_string(q->value);
    char *key = g_strdup_printf("%s|%s|%s|%s", s->metric_id[0] ? s->metric_id : s->metric,
                                value, q->unit, jb_bound_name(q->bound));
    JbStatement *earlier = g_hash_table_lookup(c->seen, key);
    if (earlier) {
        if (s->period_stated && !earlier->period_stated) { /* keep the fuller statement */
            g_free(earlier->period);
            earlier->period = g_steal_pointer(&s->period);
            earlier->period_stated = TRUE;
        }
        g_free(key);
        jb_statement_free(s);
        return;
    }
    g_hash_table_insert(c->seen, key, s);
    g_ptr_array_add(c->out, s);
}

static void extract_paragraph(Ctx *c, const char *para, guint line)
{
    const char *end = para + strlen(para);
    const char *sent = para;
    while (sent < end) {
        const char *p = sent;
        while (p < end && !is_sentence_end(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        gsize len = (gsize)(p - sent);
        JbQuantity q;
        const char *prev_end = NULL;
        for (gsize from = 0; from < len && jb_number_scan(sent, len, from, &q); from = q.end) {
            add_statement(c, sent, p, &q, prev_end, line);
            prev_end = sent + q.end;
        }
        sent = p < end ? g_utf8_next_char(p) : end;
    }
}

GPtrArray *jb_extract_article(const JbArticle *article, const JbDict *dict)
{
    Ctx c = {.article = article, .dict = dict, .pub_year = atoi(article->published)};
    c.out = g_ptr_array_new_with_free_func((GDestroyNotify)jb_statement_free);
    c.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < article->paragraphs->len; i++) {
        const char *para = g_ptr_array_index(article->paragraphs, i);
        if (article->title && strcmp(para, article->title) == 0)
            continue; /* the headline, read last (below) */
        extract_paragraph(&c, para, g_array_index(article->lines, guint, i));
    }
    /* The headline last: a figure it repeats from the body is already written, with the
     * body's fuller quote; a figure only the headline states is still kept. */
    if (article->title && article->title[0])
        extract_paragraph(&c, article->title, 1);
    g_hash_table_unref(c.seen);
    return c.out;
}

void jb_extract_append_rows(JbTable *t, GPtrArray *statements)
{
    for (guint i = 0; i < statements->len; i++) {
        const JbStatement *s = g_ptr_array_index(statements, i);
        g_autofree char *value = jb_decimal_to_string(s->q.value);
        g_autofree char *subject = jb_csv_safe_text(s->subject);
        g_autofree char *metric = jb_csv_safe_text(s->metric);
        g_autofree char *quote = jb_csv_safe_text(s->quote);
        const char *cells[] = {s->source,         s->published, s->period,
                               subject,           metric,       s->metric_id,
                               value,             s->q.unit,    s->q.qualifier,
                               jb_bound_name(s->q.bound), s->forecast ? "1" : "0", quote};
        jb_table_append(t, cells);
    }
}
