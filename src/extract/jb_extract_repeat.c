/* jb_extract_repeat.c — a figure the article gave already: the same value and unit again
 * in another sentence about the same thing (本港最新失業率升至6.2% and 失業率是6.2%), and a
 * table cell the prose stated. The article's statements are kept by value and unit
 * (c->seen: a bucket of statements each), so a figure is compared only with the statements
 * of its value.
 *
 * Not for: what a statement is (jb_extract_statement.c), headlines (jb_extract_headline.c).
 */
#include "jb_extract_priv.h"
#include "jb_extract_statement_priv.h" /* (jb_extract_same_value) */
#include "jb_units.h"

#include <string.h>

/* The article's statements by value and unit (a bucket each: an array of statements). */
static guint value_hash(gconstpointer p)
{
    const JbStatement *s = p;
    JbDecimal v = jb_decimal_normalize(s->q.value); /* equal values, equal hashes */
    return ((guint)(v.mant ^ (v.mant >> 32)) * 31 + (guint)v.exp10) * 31 +
           g_str_hash(jb_unit_base(s->q.unit)); /* 元人民币 is 元 */
}

static gboolean value_equal(gconstpointer pa, gconstpointer pb)
{
    const JbStatement *a = pa, *b = pb;
    return jb_decimal_equal(a->q.value, b->q.value) && jb_unit_same(a->q.unit, b->q.unit);
}

/* A statement in c->seen's buckets, with its metric's core (metric_core) once it was needed:
 * a figure an article repeats is compared with the same earlier statements again and again. */
typedef struct {
    JbStatement *s;
    char *core;         /* owned; NULL until first compared */
    gboolean core_bare; /* bare_change(core), with it */
} SeenEntry;

static void seen_entry_clear(gpointer p)
{
    g_free(((SeenEntry *)p)->core);
}

GHashTable *jb_extract_seen_new(void)
{
    return g_hash_table_new_full(value_hash, value_equal, NULL, (GDestroyNotify)g_array_unref);
}

/* `out` (a metric without its 的) with a listed company's shareholders in their short name,
 * as notices write them in a summary and in full in its item (归属于上市公司股东净利润 → 归母净利润),
 * and without the verb 实现 (实现归母净利润 is 归母净利润). Returns its length. */
static gsize shareholders_short(char *out)
{
    static const char *const LONG[] = {"归属于上市公司股东",
                                       "归属于母公司股东",
                                       "归属于母公司所有者",
                                       "歸屬於上市公司股東",
                                       "实现",
                                       "實現"};
    static const char *const SHORT[] = {"归母", "归母", "归母", "归母", "", ""};
    for (gsize i = 0; i < G_N_ELEMENTS(LONG); i++) {
        char *at = strstr(out, LONG[i]);
        if (!at)
            continue;
        gsize k = strlen(LONG[i]), r = strlen(SHORT[i]);
        memcpy(at, SHORT[i], r);
        memmove(at + r, at + k, strlen(at + k) + 1);
    }
    return strlen(out);
}

/* A metric phrase without what only says how it is stated: 的, a verb or hedge at its end
 * (为 是 达到 升至 超过), 最新 at its start, a slash between letters: 本港最新失業率升至 →
 * 本港失業率, P/E → PE. In `out`. */
static const char *metric_core(const char *m, char out[256])
{
    static const Lit TAIL[] = {LIT("达到"), LIT("達到"), LIT("升至"), LIT("降至"), LIT("增至"),
                               LIT("超过"), LIT("超過"), LIT("接近"), LIT("为"),   LIT("為"),
                               LIT("是"),   LIT("达"),   LIT("達"),   LIT("至"),   LIT("约"),
                               LIT("約"),   LIT("逾"),   LIT("近"),   LIT("則"),   LIT("则")};
    gsize n = 0;
    const char *p = m;
    if (jb_has_prefix(p, "最新"))
        p += strlen("最新");
    /* (whether a character that begins a word of shareholders_short, or 最, is copied: most
     * metrics have none, and are not searched for the words) */
    gboolean longs = FALSE, best_char = FALSE;
    for (const char *next; *p && n + 4 < 256; p = next) {
        next = g_utf8_next_char(p);
        if (starts(p, p + 3, "的"))
            continue;
        if (*p == '/' && p > m && g_ascii_isalpha(p[-1]) && g_ascii_isalpha(p[1]))
            continue; /* P/E, P/B: as PE, PB */
        if (next - p == 3) {
            longs = longs || starts(p, next, "归") || starts(p, next, "歸") ||
                    starts(p, next, "实") || starts(p, next, "實");
            best_char = best_char || starts(p, next, "最");
        }
        /* (a character's bytes: no call to memcpy) */
        for (const char *q = p; q < next; q++)
            out[n++] = *q;
    }
    out[n] = '\0';
    if (longs)
        n = shareholders_short(out);
    for (gboolean cut = TRUE; cut;) {
        cut = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(TAIL) && !cut; i++) {
            gsize k = TAIL[i].n; /* (out is n bytes: its suffix compared in place) */
            if (n > k && out[n - 1] == TAIL[i].s[k - 1] && memcmp(out + n - k, TAIL[i].s, k) == 0) {
                n -= k;
                out[n] = '\0';
                cut = TRUE;
            }
        }
    }
    char *best = best_char ? strstr(out, "最新") : NULL; /* 本港最新失業率 → 本港失業率 */
    if (best)
        memmove(best, best + strlen("最新"), strlen(best + strlen("最新")) + 1);
    return out;
}

/* Is the metric phrase `m` only words of change (同比增长, 增速, 环比下降)? It then says how
 * something moved but not what: 第一产业增加值…同比增长3.4% and 固定资产投资…同比增长3.4% are
 * two figures. */
static gboolean bare_change(const char *m)
{
    static const Lit W[] = {LIT("同比"),   LIT("环比"),   LIT("環比"), LIT("按年"), LIT("按月"),
                            LIT("比上年"), LIT("比去年"), LIT("增长"), LIT("增長"), LIT("下降"),
                            LIT("上升"),   LIT("增速"),   LIT("增幅"), LIT("降幅"), LIT("涨幅"),
                            LIT("漲幅"),   LIT("跌幅"),   LIT("提高"), LIT("加快"), LIT("回落"),
                            LIT("增加"),   LIT("减少"),   LIT("減少"), LIT("上涨"), LIT("上漲"),
                            LIT("下跌"),   LIT("分别"),   LIT("分別"), LIT("累计"), LIT("累計"),
                            LIT("名义"),   LIT("实际"),   LIT("增"),   LIT("升"),   LIT("降"),
                            LIT("跌"),     LIT("涨"),     LIT("漲"),   LIT("长"),   LIT("長")};
    /* (the words by their first character, each character's in W's order: the first of W
     * that matches at a place is the first of its bucket that does; a place whose character
     * begins none, as a metric's first mostly, is done with one lookup) */
    static JbWordSet *set; /* kept for the life of the process */
    static gsize done;
    if (g_once_init_enter(&done)) {
        set = jb_extract_lit_set(W, G_N_ELEMENTS(W));
        g_once_init_leave(&done, 1);
    }
    const char *end = m + strlen(m);
    for (const char *p = m; p < end;) {
        guint n;
        const JbWord *w = jb_word_set_candidates(set, p, end, &n);
        guint k = 0;
        while (k < n && !jb_word_at(&w[k], p, end))
            k++;
        if (k == n)
            return FALSE; /* a word that names something */
        p += w[k].len;
    }
    return TRUE;
}

/* Do two statements of one article, of equal value and unit, say the same thing? Their
 * bounds agree, their stated periods too, and their metrics: the same id and subject, or
 * phrases of which one holds the other's core (本港最新失業率升至6.2% and 失業率是6.2%);
 * a phrase of a word or two (周跌 of gold and of copper) only when the whole quote is the
 * same. */
typedef struct {
    char core[256]; /* "" until a comparison needs it */
    gboolean bare;  /* bare_change(core) */
    int correction; /* correction_word or correction_note of the statement: -1 until asked */
} Core;

/* Two capital letters or more and nothing else (PE, PB): a name, short as it is. */
static gboolean acronym(const char *m)
{
    gsize n = 0;
    for (; m[n]; n++)
        if (!g_ascii_isupper(m[n]))
            return FALSE;
    return n >= 2;
}

/* Do two quotes say the same words, an aside in brackets apart (与上年同期相比 and 与上年同期
 * （法定披露数据）相比: a notice's summary and its item)? */
static gboolean same_words(const char *a, const char *b)
{
    static const char OPEN[] = "（", CLOSE[] = "）";
    while (*a || *b) {
        if (*a == *b && strncmp(a, OPEN, 3) != 0 && strncmp(b, OPEN, 3) != 0) {
            a++, b++;
            continue;
        }
        const char **p = strncmp(a, OPEN, 3) == 0 ? &a : strncmp(b, OPEN, 3) == 0 ? &b : NULL;
        const char *close = p ? strstr(*p, CLOSE) : NULL;
        if (!close)
            return FALSE;
        *p = close + 3;
    }
    return TRUE;
}

/* A metric that is only a correction's word (此前报道…有误，应为7025万吨): the figure it
 * gives is one the article stated, restated. */
static gboolean correction_word(const char *m)
{
    static const char *const W[] = {"应", "應", "应为", "應為", "更正为", "更正為"};
    for (gsize i = 0; i < G_N_ELEMENTS(W); i++)
        if (strcmp(m, W[i]) == 0)
            return TRUE;
    return FALSE;
}

/* A correction's note that quotes the wrong figure and the right one (本文初稿中“…824万人次”有
 * 误，应为“约842万人次”): the quotation marks leave its figure no metric, but it is one the
 * article stated, restated. */
static gboolean correction_note(const JbStatement *b)
{
    if (b->metric[0] || !(strstr(b->quote, "有误") || strstr(b->quote, "有誤")))
        return FALSE;
    static const char *const W[] = {"应为", "應為", "更正为", "更正為", NULL};
    for (const char *const *w = W; *w; w++)
        if (strstr(b->quote, *w))
            return TRUE;
    return FALSE;
}

static gboolean same_figure(SeenEntry *e, const JbStatement *b, Core *core_b)
{
    const JbStatement *a = e->s;
    if (a->q.bound != b->q.bound)
        return FALSE;
    if (a->period_stated && b->period_stated && strcmp(a->period, b->period) != 0)
        return FALSE;
    if (a->subject[0] && b->subject[0] && strcmp(a->subject, b->subject) != 0)
        return FALSE;
    if (core_b->correction < 0) /* (once per statement, not per earlier one compared) */
        core_b->correction = correction_word(b->metric) || correction_note(b);
    if (core_b->correction)
        return TRUE;
    if (a->metric_id[0] && b->metric_id[0])
        return strcmp(a->metric_id, b->metric_id) == 0;
    /* a range with both ends the same, of the same period, in another paragraph (a notice's
     * summary and its item: 净利润为8.6亿元至9.4亿元，同比增加50.9%至64.9% twice) is too
     * particular to be another figure, whatever bare words of change name it */
    if (a->q.is_range && b->q.is_range && jb_decimal_equal(a->q.high, b->q.high) &&
        strcmp(a->period, b->period) == 0 && a->line != b->line)
        return TRUE;
    if (!e->core) {
        char core[256];
        e->core = g_strdup(metric_core(a->metric, core));
        e->core_bare = bare_change(e->core);
    }
    if (!core_b->core[0] && b->metric[0]) {
        metric_core(b->metric, core_b->core);
        core_b->bare = bare_change(core_b->core);
    }
    const char *ca = e->core, *cb = core_b->core;
    gboolean a_shorter = strlen(ca) <= strlen(cb);
    const char *shorter = a_shorter ? ca : cb, *longer = a_shorter ? cb : ca;
    gboolean shorter_bare = a_shorter ? e->core_bare : core_b->bare;
    if ((g_utf8_strlen(shorter, -1) < 3 && !acronym(shorter)) || shorter_bare ||
        !strstr(longer, shorter))
        return same_words(a->quote, b->quote);
    /* within one paragraph a writer does not restate a figure in other words: 全国城镇调查失业率
     * 为5.0%。31个大城市城镇调查失业率为5.0% are the whole and a part */
    if (a->line == b->line && strcmp(ca, cb) != 0)
        return same_words(a->quote, b->quote);
    return TRUE;
}

/* The statement of the article that says what `s` says, or NULL. Of the statements of the
 * same value, the last SAME_FIGURE_LOOK are compared: an article that states one value
 * thousands of times must not compare each with all the others. */
#define SAME_FIGURE_LOOK 64
JbStatement *jb_extract_same_figure(GHashTable *seen, const JbStatement *s)
{
    GArray *bucket;
    return jb_extract_same_figure_in(seen, s, &bucket);
}

JbStatement *jb_extract_same_figure_in(GHashTable *seen, const JbStatement *s, GArray **bucket_out)
{
    GArray *bucket = *bucket_out = g_hash_table_lookup(seen, s);
    if (!bucket)
        return NULL;
    Core core; /* s's metric core, once a comparison needs it (its buffer not zeroed) */
    core.core[0] = '\0', core.bare = FALSE, core.correction = -1;
    for (guint i = bucket->len > SAME_FIGURE_LOOK ? bucket->len - SAME_FIGURE_LOOK : 0;
         i < bucket->len; i++) {
        SeenEntry *e = &g_array_index(bucket, SeenEntry, i);
        if (same_figure(e, s, &core))
            return e->s;
    }
    return NULL;
}

JbStatement *jb_extract_same_value(GHashTable *seen, const JbStatement *s, guint sentence)
{
    GArray *bucket = g_hash_table_lookup(seen, s);
    for (guint i = bucket ? bucket->len : 0; i-- > 0;) {
        JbStatement *e = g_array_index(bucket, SeenEntry, i).s;
        if (e->sentence != sentence)
            return e;
    }
    return NULL;
}

JbStatement *jb_extract_same_in_sentence(GArray *bucket, const JbStatement *s, guint in)
{
    for (guint i = 0; i < bucket->len; i++) {
        JbStatement *e = g_array_index(bucket, SeenEntry, i).s;
        if (e->sentence == in && e->q.bound == s->q.bound && strcmp(e->period, s->period) == 0 &&
            strcmp(e->subject, s->subject) == 0)
            return e;
    }
    return NULL;
}

void jb_extract_seen_replace(GHashTable *seen, JbStatement *old, JbStatement *by)
{
    gpointer key;
    GArray *bucket;
    if (!g_hash_table_lookup_extended(seen, old, &key, (gpointer *)&bucket))
        return;
    for (guint i = 0; i < bucket->len; i++) {
        SeenEntry *e = &g_array_index(bucket, SeenEntry, i);
        if (e->s == old) {
            e->s = by;
            g_clear_pointer(&e->core, g_free);
        }
    }
    if (key == old) { /* the bucket's key: keyed by its replacement now (same value, unit) */
        g_hash_table_steal(seen, old);
        g_hash_table_insert(seen, by, bucket);
    }
}

void jb_extract_remember(GHashTable *seen, JbStatement *s)
{
    jb_extract_remember_in(seen, g_hash_table_lookup(seen, s), s);
}

void jb_extract_remember_in(GHashTable *seen, GArray *bucket, JbStatement *s)
{
    if (!bucket) {
        bucket = g_array_new(FALSE, FALSE, sizeof(SeenEntry));
        g_array_set_clear_func(bucket, seen_entry_clear);
        g_hash_table_insert(seen, s, bucket);
    }
    SeenEntry e = {s, NULL, FALSE};
    g_array_append_val(bucket, e);
}


/* Is every character of `label`, three or more, in [from, to): a row's name the sentence
 * writes in other order or with words between (企业开办平均时长 in 新办企业的平均开办时长为
 * 1.5天, 零售（华东） in 华东零售业务收入)? Brackets and spaces aside. */
static gboolean chars_in(const char *label, const char *from, const char *to)
{
    guint n = 0;
    for (const char *p = label; *p; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        if (ch == 0xFF08 || ch == 0xFF09 || ch == '(' || ch == ')' || ch == ' ')
            continue;
        char buf[8];
        buf[g_unichar_to_utf8(ch, buf)] = '\0';
        if (!g_strstr_len(from, to - from, buf))
            return FALSE;
        n++;
    }
    return n >= 3;
}

/* Does the sentence that statement `s` was read from name `label`? (Its quote is a window
 * of the sentence: 最新數字為17500元 names no row, its sentence 按行業劃分…是製造業，最新數字為
 * 17500元 does.) */
static gboolean sentence_names(const Ctx *c, const JbStatement *s, const char *label)
{
    if (strstr(s->quote, label))
        return TRUE;
    /* the longest piece of the quote between its cuts (…), found in the paragraph of its line */
    const char *piece = s->quote;
    gsize piece_len = 0;
    for (const char *p = s->quote; *p;) {
        const char *cut = strstr(p, "…");
        gsize n = cut ? (gsize)(cut - p) : strlen(p);
        if (n > piece_len) {
            piece = p;
            piece_len = n;
        }
        p = cut ? cut + strlen("…") : p + n;
    }
    if (piece_len == 0)
        return FALSE;
    const JbArticle *a = c->article;
    for (guint i = 0; i < a->paragraphs->len; i++) {
        if (g_array_index(a->lines, guint, i) != s->line)
            continue;
        const char *para = g_ptr_array_index(a->paragraphs, i);
        const char *at = memmem(para, strlen(para), piece, piece_len);
        if (!at)
            continue;
        const char *from = para, *to = at + piece_len; /* the sentence around it */
        const char *before = para; /* (the sentence before it: 其中 continues it) */
        for (const char *p = para; p < at; p = g_utf8_next_char(p))
            if (starts(p, at, "。") || starts(p, at, "！") || starts(p, at, "？")) {
                before = from;
                from = p + strlen("。");
            }
        if (starts(from, at, "其中") || starts(from, at, "其中，"))
            from = before; /* 前三季度全市地区生产总值…。其中，第三季度单季增长5.6% */
        /* (to its clause's end: the row named in a later clause is another figure's, 溢利…
         * 按年下跌9.6%；每股盈利6.42港元 names no 每股盈利 for the 9.6%) */
        while (*to && !starts(to, to + 3, "。") && !starts(to, to + 3, "！") &&
               !starts(to, to + 3, "？") && !starts(to, to + 3, "；"))
            to = g_utf8_next_char(to);
        if (g_strstr_len(from, to - from, label) || chars_in(label, from, to))
            return TRUE;
    }
    return FALSE;
}

/* Did a sentence of the article state this cell: the same value (a decline's sign aside: a
 * table's -10% is the prose's 下跌1成), unit and period, in a sentence naming the row? */
#define PROSE_LOOK 512
gboolean jb_extract_said_in_prose(const Ctx *c, const char *label, const JbQuantity *q,
                                  const char *period)
{
    if (!label[0])
        return FALSE;
    g_autofree char *want = g_strdup(label);
    g_strdelimit(want, " ", '\x01');
    GString *w = g_string_new(NULL);
    for (const char *p = want; *p; p++)
        if (*p != '\x01')
            g_string_append_c(w, *p);
    /* a sub-row's 其中： (| 其中：住宅 | 亿元 | 372.5 | -6.4 |), or its indent and # (| 　#基础设施
     * | 6.9 |: a statistical table's "of which"), is no part of its name: the prose says
     * 住宅投资…下降6.4% */
    static const char *const PART[] = {"其中：", "其中:", "　", "#", "＃", NULL};
    for (gboolean cut = TRUE; cut;) {
        cut = FALSE;
        for (const char *const *k = PART; *k && !cut; k++)
            if (g_str_has_prefix(w->str, *k) && w->len > strlen(*k)) {
                g_string_erase(w, 0, (gssize)strlen(*k));
                cut = TRUE;
            }
    }
    gboolean said = FALSE;
    /* (a total's row, | 整體 | 3.8% |, is what the prose states with no part named) */
    static const char *const TOTAL[] = {"整體", "整体", "總體", "总体", "合計", "合计",
                                        "總計", "总计", "全部", "總數", "总数", NULL};
    gboolean total = FALSE;
    for (const char *const *t = TOTAL; *t && !total; t++)
        total = strcmp(w->str, *t) == 0;
    /* (a total's row named by its whole, | 税收收入合计 | 3.8 |, is what the prose names
     * without the word: 完成税收收入163.58亿元，同比增长3.8%) */
    for (const char *const *t = TOTAL; *t && !total; t++)
        if (g_str_has_suffix(w->str, *t) && g_utf8_strlen(w->str, -1) >= 2 + 2) {
            g_string_truncate(w, w->len - strlen(*t));
            break;
        }
    /* (a row's name of a word or two, 累计, is said of many figures: the same period then) */
    gboolean named_long = g_utf8_strlen(w->str, -1) >= 3;
    /* a value of three digits or more, too particular to be another's by chance (492.15,
     * 12.5, 6842): the prose's when it ends on the same day (a table's 2025 column, the
     * prose's 截至2025年末), whatever words the two use for it (归母净利润, 归属于本行股东的净利润) */
    JbDecimal v = jb_decimal_normalize(q->value);
    gboolean particular = v.mant >= 100 || v.mant <= -100;
    JbPeriod pp;
    gboolean have_pp = period[0] && jb_period_parse(period, &pp, NULL);
    /* the statements of this value, or of its opposite, in this unit (seen's buckets); a cell
     * with no unit, in % too (| 制造业PMI | 49.6 | beside 制造业PMI为49.6%) */
    for (int k = 0; k < (q->unit[0] ? 2 : 4) && !said; k++) {
        int sign = k % 2;
        JbStatement probe = {.q = *q};
        if (k >= 2)
            g_strlcpy(probe.q.unit, "%", sizeof probe.q.unit);
        if (sign)
            probe.q.value.mant = -probe.q.value.mant;
        GArray *bucket = g_hash_table_lookup(c->seen, &probe);
        /* (a cell with no unit, | 流動居民 | 178,000 |, beside the prose's 約17.8萬人: the
         * prose's statements of this value in any unit, the last PROSE_LOOK of them) */
        gboolean any_unit = !q->unit[0] && k == 0;
        guint n = any_unit ? c->out->len : bucket ? bucket->len : 0;
        for (guint i = any_unit && n > PROSE_LOOK ? n - PROSE_LOOK : 0; i < n && !said; i++) {
            const JbStatement *s = any_unit ? g_ptr_array_index(c->out, i)
                                            : g_array_index(bucket, SeenEntry, i).s;
            if (any_unit && (s->q.is_range || !(jb_decimal_equal(s->q.value, q->value) ||
                                                jb_decimal_equal(s->q.value, probe.q.value))))
                continue;
            if (strstr(s->quote, " | "))
                continue; /* (another table's cell) */
            JbPeriod sp;
            gboolean have_sp = have_pp && jb_period_parse(s->period, &sp, NULL);
            gboolean same_end = have_sp && jb_period_end_day(&sp) == jb_period_end_day(&pp);
            /* (the period ending on the same day: a level as of 9月底 in a sentence of 截至今年
             * 9月底 read as the year to then, a quarter's change beside 较6月底; or the prose's
             * a day within the cell's span: a lot sold on the 28th of a sale of three days) */
            gboolean within = have_sp && jb_period_first_day(&sp) >= jb_period_first_day(&pp) &&
                              jb_period_end_day(&sp) <= jb_period_end_day(&pp);
            said = ((strcmp(s->period, period) == 0 || ((same_end || within) && named_long)) &&
                    (sentence_names(c, s, w->str) || (total && strcmp(s->period, period) == 0))) ||
                   (particular && same_end);
        }
    }
    g_string_free(w, TRUE);
    return said;
}

/* The key of a figure for drop_prose_repeating_tables: its magnitude, unit and period. */
static char *repeat_key(const JbStatement *s, const char *unit)
{
    JbDecimal v = jb_decimal_normalize(s->q.value);
    if (v.mant < 0)
        v.mant = -v.mant; /* (净减18.7万户 after a table's -18.7) */
    g_autofree char *n = jb_decimal_to_string(v);
    return g_strdup_printf("%s\x1f%s\x1f%s", n, jb_unit_base(unit), s->period);
}

/* Does a prose quote name the row of a cell's quote (its label, before " | ", two characters
 * or more)? */
static gboolean quote_names_row(const char *prose, const char *cell)
{
    const char *bar = strstr(cell, " | ");
    if (!bar || g_utf8_strlen(cell, bar - cell) < 2 || memchr(cell, '\xE2', (size_t)(bar - cell)))
        return FALSE; /* (no label, or one cut with …) */
    g_autofree char *label = g_strndup(cell, (gsize)(bar - cell));
    return strstr(prose, label) != NULL;
}

void jb_extract_drop_prose_repeating_tables(GPtrArray *out, guint body)
{
    GHashTable *cells = NULL; /* key → the cell's index + 1 */
    body = MIN(body, out->len);
    for (guint i = 0; i < body; i++) {
        const JbStatement *s = g_ptr_array_index(out, i);
        if (!strstr(s->quote, " | "))
            continue;
        if (!cells)
            cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_hash_table_insert(cells, repeat_key(s, s->q.unit), GUINT_TO_POINTER(i + 1));
        if (!s->q.unit[0]) /* (| 制造业PMI | 49.6 | beside 为49.6%) */
            g_hash_table_insert(cells, repeat_key(s, "%"), GUINT_TO_POINTER(i + 1));
    }
    if (!cells)
        return;
    /* the later prose goes, but for a bare cell the prose gives a unit: the cell goes */
    g_autofree guint8 *drop = g_new0(guint8, body);
    gboolean seen_cell = FALSE;
    for (guint i = 0; i < body; i++) {
        const JbStatement *s = g_ptr_array_index(out, i);
        gboolean cell = strstr(s->quote, " | ") != NULL;
        seen_cell = seen_cell || cell;
        JbDecimal v = jb_decimal_normalize(s->q.value);
        if (cell || !seen_cell)
            continue;
        /* (0.3个百分点 may be another row's change: three digits are one figure's, fewer the
         * row's when the prose names it: | 一等奖 | 12 | and 本期一等奖中出12注) */
        gboolean small = v.mant < 100 && v.mant > -100;
        g_autofree char *k = repeat_key(s, s->q.unit);
        guint at = GPOINTER_TO_UINT(g_hash_table_lookup(cells, k));
        if (!at && s->q.unit[0]) { /* (a bare cell, | pop_total | 612,400 |, and the
                                    * prose's 61.24万人 of its time) */
            g_autofree char *bare = repeat_key(s, "");
            at = GPOINTER_TO_UINT(g_hash_table_lookup(cells, bare));
        }
        if (!at || at - 1 > i)
            continue;
        const JbStatement *c = g_ptr_array_index(out, at - 1);
        if (small && !quote_names_row(s->quote, c->quote))
            continue;
        drop[c->q.unit[0] || !s->q.unit[0] ? i : at - 1] = TRUE;
    }
    g_hash_table_unref(cells);
    guint kept = 0;
    for (guint i = 0; i < out->len; i++) {
        JbStatement *s = g_ptr_array_index(out, i);
        if (i < body && drop[i])
            jb_statement_free(s);
        else
            g_ptr_array_index(out, kept++) = s;
    }
    for (guint i = kept; i < out->len; i++)
        g_ptr_array_index(out, i) = NULL; /* (moved down or freed: set_size frees NULLs) */
    g_ptr_array_set_size(out, kept);
}
