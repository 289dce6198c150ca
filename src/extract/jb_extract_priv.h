/* jb_extract_priv.h — what jb_extract's source files share (not installed, not public).
 *
 * Statements are read in jb_extract.c (sentences, clauses, subjects, the metric phrase, the
 * extractor); jb_extract_period.c finds the time expressions of a sentence and writes a
 * statement's period; jb_extract_writer.c writes metrics.csv (it needs only jb_extract.h).
 *
 * The helpers here are static inline because they run for every byte of every sentence,
 * several times per number: a call across files would cost more than they do.
 *
 * Not for: anything outside jb_extract (its interface is jb_extract.h).
 */
#ifndef JB_EXTRACT_PRIV_H
#define JB_EXTRACT_PRIV_H

#include "jb_extract.h"
#include "jb_lits.h"
#include "jb_period.h"
#include "jb_words.h"

#include <string.h>

/* ---- small UTF-8 helpers over byte ranges ------------------------------------------- */

/* These run for every byte of every sentence, several times per number: a first-byte test
 * before the memcmp keeps extraction at tens of MB/s. */
static inline __attribute__((always_inline)) gboolean starts(const char *p, const char *end,
                                                             const char *word)
{
    if (p >= end || *p != *word)
        return FALSE;
    if (word[1] && (end - p < 2 || p[1] != word[1]))
        return FALSE; /* CJK words share their first byte: the second one decides */
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

static inline __attribute__((always_inline)) gboolean ends(const char *start, const char *p,
                                                           const char *word)
{
    size_t n = strlen(word);
    return (size_t)(p - start) >= n && p[-1] == word[n - 1] && memcmp(p - n, word, n) == 0;
}

/* strcmp(a, w) == 0 for a short literal w: its first two bytes inline (a figure's unit and
 * qualifier are compared with a dozen literals each, and most differ there; a call each
 * showed in profiles). */
static inline __attribute__((always_inline)) gboolean same_str(const char *a, const char *w)
{
    return a[0] == w[0] && (!w[0] || (a[1] == w[1] && (!w[1] || strcmp(a + 2, w + 2) == 0)));
}

/* What a number looks back at for its hedge, forecast and achieved words (or a streak before
 * it) reaches this far (characters): a clause of a megabyte with no punctuation must not be
 * read again at each of its numbers. */
#define LOOK_BACK 40

/* How far a figure's period rules read back in its clause for a word of a flow or a change
 * (累计, 降幅…; characters): farther than any clause of prose, and a constant per figure. */
#define CLAUSE_WINDOW 200

/* `a`, or the start of the character LOOK_BACK characters before `qs` if that is later. */
static inline const char *look_back_from(const char *a, const char *qs)
{
    return jb_utf8_back(a, qs, LOOK_BACK);
}

/* May a word of `words` (a NULL-terminated array of the place of use, never a pointer:
 * checked) end at p, after start? The list's filter (jb_lits.h), built once per place:
 * FALSE, and none does, so a loop of ends() over the list (a strlen per word) is skipped. */
#define may_end_any(start, p, words)                                                               \
    ({                                                                                             \
        _Static_assert(sizeof(words) > sizeof(void *), "may_end_any: a list, not a pointer");      \
        static JbLitFilter jb_me_f_;                                                               \
        JB_LIT_FILTER_ONCE(&jb_me_f_, words);                                                      \
        jb_lit_filter_may_end(&jb_me_f_, (start), (p));                                            \
    })

/* May a word of `words` (a NULL-terminated array of the place of use, never a pointer:
 * checked) start at p, before limit? The list's filter, as may_end_any: FALSE, and none does. */
#define may_start_any(p, limit, words)                                                             \
    ({                                                                                             \
        _Static_assert(sizeof(words) > sizeof(void *), "may_start_any: a list, not a pointer");    \
        static JbLitFilter jb_ms_f_;                                                               \
        JB_LIT_FILTER_ONCE(&jb_ms_f_, words);                                                      \
        jb_lit_filter_may_start(&jb_ms_f_, (p), (limit));                                          \
    })

/* Does a word of `words` (a NULL-terminated array of the place of use, never a pointer:
 * checked) end at p, after start? Behind the list's filter (may_end_any): the figures' tests
 * ask this of a dozen lists before every figure, and a strlen and compare per word showed in
 * profiles where the filter turns almost every place away with one table lookup. */
#define ends_any(start, p, words)                                                                  \
    ({                                                                                             \
        const char *jb_ea_s_ = (start), *jb_ea_p_ = (p);                                           \
        may_end_any(jb_ea_s_, jb_ea_p_, words) && ends_scan(jb_ea_s_, jb_ea_p_, words);            \
    })

static inline gboolean ends_scan(const char *start, const char *p, const char *const *words)
{
    for (const char *const *w = words; *w; w++)
        if (ends(start, p, *w))
            return TRUE;
    return FALSE;
}

/* A word of a fixed list with its length, known when compiled: the lists below are tried
 * at every clause of every number, and a strlen per word and try showed in profiles. */
typedef struct {
    const char *s;
    gsize n;
} Lit;
/* (clang-format would write it on four lines) */
/* clang-format off */
#define LIT(x) {x, sizeof x - 1}
/* clang-format on */

static inline gboolean lit_starts(const char *p, const char *end, const Lit *w)
{
    /* (the first character, byte by byte, decides most tries without a call) */
    return (gsize)(end - p) >= w->n && p[0] == w->s[0] && (w->n < 2 || p[1] == w->s[1]) &&
           (w->n < 3 || p[2] == w->s[2]) && memcmp(p, w->s, w->n) == 0;
}

static inline gboolean lit_ends(const char *start, const char *p, const Lit *w)
{
    return (gsize)(p - start) >= w->n && p[-1] == w->s[w->n - 1] &&
           memcmp(p - w->n, w->s, w->n) == 0;
}

/* A set of the first characters of a fixed list (built once, kept for the process): where
 * none of them is at hand, the list need not be tried word by word. */
JbWordSet *jb_extract_lit_set(const Lit *list, gsize n);

static inline gboolean may_start(const JbWordSet *set, const char *p, const char *end)
{
    guint n;
    return jb_word_set_candidates(set, p, end, &n) != NULL;
}

/* 。 ！ ？ ! ? at `p`, read from the bytes (valid UTF-8): no decoding per character. */
static inline gboolean sentence_end_at(const char *p)
{
    guchar b = (guchar)*p;
    if (b < 0x80)
        return b == '!' || b == '?';
    if (b == 0xE3) /* 。 U+3002 */
        return (guchar)p[1] == 0x80 && (guchar)p[2] == 0x82;
    if (b == 0xEF) /* ！ U+FF01, ？ U+FF1F */
        return (guchar)p[1] == 0xBC && ((guchar)p[2] == 0x81 || (guchar)p[2] == 0x9F);
    return FALSE;
}

/* Is there an ASCII digit in [a, b)? */
static inline gboolean has_digit(const char *a, const char *b)
{
    for (const char *p = a; p < b; p++)
        if (g_ascii_isdigit(*p))
            return TRUE;
    return FALSE;
}

/* Where the first of `words` (NULL-terminated) starts in [a, b), walking a character at a
 * time; NULL when none does. For short spans: a long one wants a window (jb_utf8_back). */
static inline const char *word_in(const char *a, const char *b, const char *const *words)
{
    for (const char *p = a; p < b && *p; p = g_utf8_next_char(p))
        for (const char *const *w = words; *w; w++)
            if (starts(p, b, *w))
                return p;
    return NULL;
}

/* ， , ； ; ： : at `p`. */
static inline gboolean clause_sep_at(const char *p)
{
    guchar b = (guchar)*p;
    if (b < 0x80)
        return b == ',' || b == ';' || b == ':';
    return b == 0xEF && (guchar)p[1] == 0xBC && /* ， U+FF0C, ； U+FF1B, ： U+FF1A */
           ((guchar)p[2] == 0x8C || (guchar)p[2] == 0x9B || (guchar)p[2] == 0x9A);
}

/* ---- periods (jb_extract_period.c) ----------------------------------------------------- */

/* What a time expression does for the figures near it. */
typedef enum {
    TIME_PERIOD, /* names the period figures measure: 2025年, 前三季度, 本周, 目前 */
    TIME_BASE, /* a base of comparison (比去年, 較第一季, 自2003年…以來): not their period,
                * but a figure right after it (較第一季的4.2%, 2003年第三季（5.5%）) is its */
    TIME_DAY,     /* the day something was said or done (10月17日, 今天): not a period unless
                   * as of it (截至10月17日, 从本月23日起) */
    TIME_RESTATE, /* the same time again in brackets (今年第二季（4至6月）): ignored */
} TimeRole;

/* A time relative to the period in force (the context), not to the published date: resolved
 * when a figure uses it. */
typedef enum {
    REL_NONE,       /* absolute: `p` holds it */
    REL_SAME,       /* 同期: the context */
    REL_YEAR_AGO,   /* 去年同期, 上年同期: the context a year earlier */
    REL_PREV,       /* 上季, 上月: the context's quarter or month (`grain`) before */
    REL_THIS,       /* 今季, 本季: the context's quarter or month */
    REL_WHEN,       /* 当时: the last time the sentence named */
    REL_TWO_YEARS,  /* 两年平均: the context's year and the one before */
    REL_YEAR,       /* 全年, 过去一年: the context's year (with none: the published year, or
                     * the one before in January and February: a year-end review) */
    REL_YEAR_START, /* 年初: January of the context's year (else the published year) */
    REL_YEAR_END,   /* 年底, 年末: December of the context's year (else the published year) */
    REL_PREV_YEAR_END, /* 上年末, 去年底: December of the year before the context's (截至2025年末，
                        * 较上年末…: 2024-12, in a report published in 2026) */
    REL_PREV_YEAR, /* 上年, 上一年 alone: the year before the context's (2026年…由上年的16%提升至27%,
                    * published in 2027: 2025), where 去年 counts from the published year */
    REL_THAT_DAY, /* 当天, 当日, 全日: the day last named (else the published or trading day) */
    REL_YEARS, /* 五年来, 过去五年: the `years` years to the context's year (in January and
                * February, with no year named: to last year, a review's) */
    REL_MONTH_TO_DAY, /* 前三周, 前两周 after a week of a month: from the month's first day to
                       * the context's last day (11月第三周…；前三周日均: 11-01 to 11-22) */
    REL_DAYS_AGO,     /* 一周前, 3天前, 一个月前: `years` days or months (`grain`) back */
} TimeRel;

/* Relative times that, once resolved, name the period in force after them (as absolute ones). */
#define REL_NAMES_PERIOD(rel)                                                                      \
    ((rel) == REL_NONE || (rel) == REL_YEAR || (rel) == REL_YEAR_START || (rel) == REL_YEAR_END || \
     (rel) == REL_YEARS)

typedef struct {
    const char *at, *end; /* the expression in the sentence */
    TimeRole role;
    TimeRel rel;
    JbPointKind grain; /* of REL_PREV and REL_THIS */
    int years;         /* of REL_YEARS */
    gboolean complete; /* of REL_YEARS: whole years past (过去三年), not up to now (三年来);
                           * of REL_YEAR_END: heading its clause (年末全省常住人口…) */
    JbPeriod p;        /* REL_NONE: the period (when `known`) */
    gboolean known;    /* FALSE: a month or quarter whose year no date tells */
    gboolean future_word;   /* 到2027年, 下周, 明年 */
    gboolean loose;         /* a span said in passing (今年以来): not a story's period */
    gboolean shifted_back;  /* a month or quarter with no year, put in last year for being
                            * after the published one */
    gboolean year_implied;  /* a month, quarter or half with no year: the published one's */
    gboolean month_implied; /* days with no month (第一周（1-7日）): the published one's */
    gboolean share_of;      /* a base that the figure after it is a multiple or share of
                           * (为2020年的3倍): not the figure's own period */
    gboolean local;         /* holds for its clause only (周涨1.04%: the week's move of one
                           * quote in a list of quotes; 去年推出…计划: an event's time) */
    gboolean sentence_only; /* holds for its sentence, not carried on (将在今年内…: a plan) */
    gboolean after_item;    /* local for following a figure of its item (…8123.40点，本周涨
                             * 0.92%；): still its own clause's */
    gboolean event;         /* the time of an event (去年推出…): local too */
    gboolean names_noun;    /* an event's time that says which thing (11月中旬上市的S7): none
                             * of its clause's figures' period */
    gboolean weekday;       /* a day named by its weekday (上周五, 周三): a date written out */
    gboolean bare_week;     /* 周 alone (周涨, 周内累计): the week in force, else this one */
    gboolean now_word;      /* 目前, 现在, 当前: the published day as now, no day named (not
                             * what a later 当日 or 截至同日 means) */
    gboolean restated;      /* a relative time restated in brackets by an absolute one (去年同期
                        * （2025年8月至10月）): `p` holds what it stands for */
    gboolean festival; /* a shopping festival's day by its name (双11): no day a later 当天 means */
    gboolean by_ends; /* a span written by its two ends (从10月25日开始，至明年3月28日结束):
                       * what it defines is the story's, figures or none */
    /* filled by the extractor, reading the sentence's times in order: */
    JbPeriod val; /* the period it stands for where it stands */
    gboolean has_val;
} TimeRef;

/* What the article says of when it was published, for reading times against. */
typedef struct {
    JbPoint day;       /* the published day, or month, or year (kind 0: unknown) */
    gboolean briefing; /* a morning market briefing (早餐, 早报, 晨报, 隔夜): its closes are the
                          previous trading day's */
    JbPeriod report; /* the period a periodic report covers (its title: 2025年第三季度报告),
                      * that 本报告期, 年初至报告期末, 报告期末 and 上年度末 count from */
    gboolean have_report;
    /* a story about a periodic report whose title names none (某公司披露三季报。2026年前三季
     * 度，…): the span its figures open with, that its 报告期内 means (not its 上年末) */
    JbPeriod story_report;
    gboolean have_story_report;
    int fy_end;       /* the month a company's fiscal year ends in (6: July to June, named
                 * by the year it ends in), 0 when the article shows none */
    JbPoint reviewed; /* the month a review published early in the next names in its title
                       * (2026年11月氣候回顧, out on 12月1日): what its 本月 means (kind 0: none) */
    gboolean roc;     /* the article counts years as Taiwan does (民國115年, 新台幣): a bare
                       * 115年 is 2026 */
} TimeAnchor;

/* The month the fiscal year of `text` (an article's paragraph) ends in, as it says so
 * (公司财年截至每年6月30日; 截至2025年12月31日止的2026财年第二财季; 截至2025年6月30日止财年):
 * 1..12, or 0 when it does not. */
int jb_extract_fiscal_year_end(const char *text);

/* When the survey `text` (an article's paragraph) reports was done, as it says so (本次调查于
 * 2026年10月…开展, 调查时间为2026年9月至10月…进行): FALSE when it says no such thing. */
gboolean jb_extract_fieldwork(const char *text, JbPeriod *out);

/* Does `text` (an article's paragraph) show the Republic of China's calendar in traditional
 * script: a year 民國1NN年, or 新台幣 (新臺幣)? */
gboolean jb_extract_roc_calendar(const char *text);

/* The three above asked of an article's `paragraphs` in turn, each until one answers: the
 * first paragraph's fiscal year end, calendar and survey months that say one (0, FALSE and
 * FALSE when none does). Asks only the paragraphs that hold a character each one needs. */
void jb_extract_anchors(const GPtrArray *paragraphs, int *fy_end, gboolean *roc,
                        gboolean *have_fieldwork, JbPeriod *fieldwork);

/* The characters a time expression can start with (besides digits): one list for
 * time_lead's switch and time_refs' block table. */
/* (four characters a line, each with its comment: clang-format would break them apart) */
/* clang-format off */
#define JB_TIME_LEADS(X)                                                                       \
    X(0x4ECA) /* 今 */ X(0x53BB) /* 去 */ X(0x660E) /* 明 */ X(0x4E0A) /* 上 */                  \
    X(0x4E0B) /* 下 */ X(0x524D) /* 前 */ X(0x7B2C) /* 第 */ X(0x4E00) /* 一 */                  \
    X(0x4E8C) /* 二 */ X(0x4E09) /* 三 */ X(0x56DB) /* 四 */ X(0x5E74) /* 年 */                  \
    X(0x76EE) /* 目 */ X(0x5F53) /* 当 */ X(0x7576) /* 當 */ X(0x672C) /* 本 */                  \
    X(0x5468) /* 周 */ X(0x9031) /* 週 */ X(0x540C) /* 同 */ X(0x5341) /* 十 */                  \
    X(0x4E24) /* 两 */ X(0x5169) /* 兩 */ X(0x9996) /* 首 */ X(0x6628) /* 昨 */                  \
    X(0x5168) /* 全 */ X(0x8FC7) /* 过 */ X(0x904E) /* 過 */ X(0x73B0) /* 现 */                  \
    X(0x73FE) /* 現 */ X(0x4E94) /* 五 */ X(0x516D) /* 六 */ X(0x4E03) /* 七 */                  \
    X(0x516B) /* 八 */ X(0x4E5D) /* 九 */ X(0x6B21) /* 次 */ X(0x540E) /* 后 */                  \
    X(0x5F8C) /* 後 */ X(0x6765) /* 来 */ X(0x4F86) /* 來 */ X(0x201C) /* “ */                   \
    X(0x622A) /* 截 */ X(0x62A5) /* 报 */ X(0x5831) /* 報 */ X(0x661F) /* 星 */                  \
    X(0x793C) /* 礼 */ X(0x79AE) /* 禮 */ X(0x8FD9) /* 这 */ X(0x9019) /* 這 */ X(0x6708) /* 月 */ \
    X(0x672A) /* 未 */ X(0x671F) /* 期 */ X(0x65E5) /* 日 */ X(0x4E2D) /* 中 */ X(0x6700) /* 最 */
/* clang-format on */

/* jb_extract_headline.c */
/* What each paragraph of an article is as a headline, asked once (the body's walk, the
 * headlines' keys and the headlines read last all ask): JB_HEAD_CONTENTS a table of contents,
 * numbered headlines in a row (本期主要内容：1.…；2.…); JB_HEAD_LINE a headline (a heading, the
 * title, 原标题…, a table of contents, a deck). A byte per paragraph, to free with g_free. */
#define JB_HEAD_CONTENTS 1u
#define JB_HEAD_LINE 2u
guint8 *jb_extract_headline_flags(const JbArticle *article);
/* The headlines an article states (its title, headings, numbered lines and the items of
 * its tables of contents), keyed for jb_extract_glued_headline (g_hash_table_unref); `heads`
 * its jb_extract_headline_flags. */
GHashTable *jb_extract_headline_keys(const JbArticle *article, const guint8 *heads);
/* Which paragraphs are the numbered lines of a table of contents: a line (（1）前10个月…；)
 * that a later paragraph begins with, the story it announces. A flag per paragraph, to free
 * with g_free. */
guint8 *jb_extract_contents_lines(const JbArticle *article);
/* The level of a numbered heading line (一、2024年工作回顾: 1; （一）: 2; 1、 1. : 3; （1）: 4): a short
 * paragraph that is no sentence; 0 for any other paragraph. */
guint jb_extract_heading_level(const char *para);
/* Does `para` open with an item's number (1、 2. （4）) or a live page's time stamp (15:45)? */
gboolean jb_extract_numbered_item(const char *para);
/* The length in bytes of a headline of `keys` that the sentence [s, end) begins with, glued
 * to a sentence that follows it; 0 when there is none. */
gsize jb_extract_glued_headline(GHashTable *keys, const char *s, const char *end);
/* A headline glued to the sentence after it: read with the headlines, in its story. */
typedef struct {
    char *text; /* owned */
    const JbSection *section;
    guint line;
} Glued;
/* An empty array of Glued that frees their text (g_array_unref). */
GArray *jb_extract_glued_new(void);

/* Every time expression of the sentence [s, limit), in order, into `out` (TimeRef): years
 * (2025年, 今年, 去年), months and days (6月底, 今年前7个月, 1—11月, 10月18日), quarters and
 * halves (一季度, 首季, 第二季, 4Q20, 上半年, 前三季度), weeks (本周, 周涨, 下周), spans
 * (2021—2025年, “十四五”时期, 5至7月), now (目前, 今天) and times relative to the context
 * (同期, 去年同期, 上季, 当时, 两年平均), each with its role. Years inside 《book titles》
 * name documents and are skipped. */
void jb_extract_time_refs(const char *s, const char *limit, const TimeAnchor *anchor, GArray *out);

/* The period `t` stands for, read against the context (`ctx`, NULL when none) and the
 * sentence's earlier times refs[0..i) for REL_WHEN. FALSE when it cannot be known. */
gboolean jb_extract_resolve_time(const TimeRef *t, const JbPeriod *ctx, const TimeAnchor *a,
                                 const GArray *refs, guint i, JbPeriod *out);

/* The day figures with no time of their own refer to: the published day, for a market
 * figure (`market`) the latest trading day by then, in a morning briefing the trading day
 * before. FALSE when no date is known. */
gboolean jb_extract_default_day(const TimeAnchor *a, gboolean market, JbPeriod *out);

/* The period before `p` of its own kind (上期, the level a change ran from): the day, month,
 * quarter, half or year before; a span from January (1—10月) to the month before its end; three
 * months not from January (8月至10月: a rolling window) one month back; another span its own
 * length back. FALSE for a span of years or of mixed kinds. */
gboolean jb_extract_period_before(const JbPeriod *p, JbPeriod *out);
/* The first trading day after day `d` (days as jb_point_first_day counts them). */
gint64 jb_extract_trading_day_after(gint64 d);

/* ---- what jb_extract.c and jb_extract_statement.c share -------------------------------- */

/* A piece of the text being read, [a, b): no copy until a statement keeps it. */
typedef struct {
    const char *a, *b;
} Span;

/* [a, b) without the spaces and tabs at its ends. */
static inline Span trimmed(const char *a, const char *b)
{
    while (a < b && (*a == ' ' || *a == '\t'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    return (Span){a, b};
}

static inline gsize span_len(Span x)
{
    return (gsize)(x.b - x.a);
}

/* `x` as a C string in `buf` (reused): for the lookups that need one. */
static inline const char *span_str(GString *buf, Span x)
{
    g_string_truncate(buf, 0);
    g_string_append_len(buf, x.a, (gssize)span_len(x));
    return buf->str;
}

/* A clause separator (， , ； ; ： :) in the sentence being read: [at, end). */
typedef struct {
    const char *at, *end;
} Sep;

/* Where a word of the fixed lists (forecast, actual, hedge words) occurs in the sentence:
 * found in one pass per sentence instead of a memmem per word and number. */
typedef struct {
    const char *at;
    gsize len;
    int tag; /* the word's: see keyword_set() */
} WordHit;

typedef struct {
    const char *at, *end, *word;
} SubjectHit;

#define JB_HEADING_LEVELS 5
#define JB_ROW_SAID 8

/* One article being read (see jb_extractor_run). */
/* A name the story defined by a span in brackets (上个雪季（2025年11月至2026年4月）); it keeps
 * the last 8 (a ninth drops the oldest: one defined long before no longer means it). */
#define JB_NAMED_SPANS 8
typedef struct {
    char name[40]; /* the words before the bracket, UTF-8 */
    JbPeriod p;
} NamedSpan;

typedef struct {
    const JbArticle *article;
    const JbDict *dict;
    TimeAnchor anchor; /* the published date of the section being read */
    GPtrArray *out;
    char *source, *published;      /* the article's path and the section's date, shared by its
                                    * statements (GRefString) */
    char *publisher, *title, *url; /* the article's and the section's (GRefString) */
    /* the periods in force: the last time the paragraph named (carry), and the period the
     * story's opening sentence named (lead: a release's quarter; in_item: a digest item's own) */
    JbPeriod carry, lead;
    gboolean have_carry, have_lead, lead_open, lead_in_item;
    gboolean carry_as_of; /* the carried time was said as of (截至10月底): a level's date */
    /* the day the story opens with, before its first figure (2026年12月3日，我市…出让…): its
     * figures' that name no time, when no period opens it (else the published day's) */
    JbPeriod opening_day;
    gboolean have_opening_day;
    gboolean numbered_item; /* the paragraph read is a numbered item (1、, 2., （3）) or a live
                             * page's entry (15:45…): its day its own, not the story's opening one */
    gboolean speaker_turn; /* the paragraph read opens with who speaks, in brackets (（企业负责人
                            * 某某）我们…): a speaker's words, whose figures that name no time are
                            * of when they speak, not of the story's opening period */
    /* a time the story declared for what follows (（统计时点为2026年9月30日，下同）): the period
     * of its later figures that name none, in every paragraph, until a new story */
    JbPeriod declared;
    gboolean have_declared;
    /* a currency the story declared for what follows (213.6億澳門元（下同）): the unit of its
     * later amounts in bare 元 (2,318.7億元, 1.3元/股), until the story ends or declares another */
    char declared_currency[48];
    /* a time still to come the story announced (将于12月10日起实行新的运行图): what a later
     * sentence opening 调图后， or 届时 speaks of */
    JbPeriod event;
    gboolean have_event;
    /* the last year to come the paragraph named (2027年 in a story of 2026): what its later
     * 预计全年 forecasts */
    JbPeriod future_year;
    gboolean have_future_year;
    /* a span ahead the paragraph looks out on (展望下周（12月7日至11日），…): what a later
     * sentence's forecast with no time of its own is of (他预计，…将在…区间内波动) */
    JbPeriod outlook;
    gboolean have_outlook;
    /* a time to come the last sentence's plan named (明年全市计划完成…): what the parts of the
     * next sentence, when it opens with 其中, are of (a plan's time carries to no other) */
    JbPeriod plan;
    gboolean have_plan;
    /* a line introducing a list (本周个股涨幅榜（前五）：) holds its carried period for the
     * list's items, each a paragraph of its own (1　某某光电　+46.37%) */
    gboolean list_carry;
    /* the lead was named by a line with no figure (a report's title line: 某某周报（2026年）):
     * the story's first sentence with figures may still narrow it (本周（11月23日—29日）) */
    gboolean lead_refinable;
    /* the last period named in the story (section) so far: what 上季 and 上月 count back
     * from in a paragraph that names none (第二季…。 ¶ 較上季的28000元 is the first quarter) */
    JbPeriod story_named;
    gboolean have_story_named;
    JbPeriod last_day; /* the last single day the story named: what 当天 refers to */
    /* the last span of whole years the paragraph named (过去五年, 2021—2025年): what a later
     * yearly average (年均增长5.6%) of its last year is over */
    JbPeriod years_span;
    gboolean have_years_span, have_last_day;
    /* the periods headings named: a table's under them, and a figure's that names none.
     * Level 0 is a heading paragraph's (Markdown, HTML), 1–4 a numbered heading line's
     * (一、 （一） 1. （1）); a heading clears the levels under it */
    JbPeriod heading_period[JB_HEADING_LEVELS];
    gboolean have_heading_period[JB_HEADING_LEVELS];
    gboolean heading_for_prose[JB_HEADING_LEVELS];
    gboolean heading_plan[JB_HEADING_LEVELS]; /* the heading names targets (主要预期目标) */
    /* the heading's period is its 本月 read as the published month (【本月概况】): the month a
     * review names once its story opens with it (jb_extract_note_reviewed) */
    gboolean heading_this_month[JB_HEADING_LEVELS];
    /* names the story defined by a span in brackets (jb_extract_named.c) */
    NamedSpan named_spans[JB_NAMED_SPANS];
    guint n_named_spans;
    /* the week a story defined by its days (第48周（11月23日—11月29日）, 本周（…）): what its
     * later 本周 and 当周 are, and 上周 the week before (not the weeks of the published day);
     * week_last: it was defined as 上周, which names it again */
    JbPeriod story_week;
    gboolean have_story_week, week_last;
    gboolean week_of_story; /* the week a weekly's lead names (11月30日至12月6日，…): every
                             * section's until the next story */
    /* the year a title names that is before the published one (2024年…统计公报, published
     * in 2025): the default of figures and of 全年, 年末 */
    JbPeriod title_period;
    gboolean have_title_period;
    /* when the survey the article reports was done (jb_extract_fieldwork): the period of its
     * findings that name none, over a year in the report's name */
    JbPeriod fieldwork;
    gboolean have_fieldwork;
    /* the years of a plan the title publishes (三年行动方案（2026—2028年）), not yet over:
     * what its 年均 and 每年 figures span; title_dealing: jb_extract_title_plans_dealing */
    JbPeriod plan_span;
    gboolean have_plan_span, title_dealing;
    /* the values of the table row being read that the prose said (dropped as repeats): the
     * same value in another column of the row is another measure (周票房 and 累计票房 of a
     * film's first week). The first JB_ROW_SAID only: past them a value is dropped each time
     * the prose said it, as before this list (the prose of a row says a few of its cells) */
    JbDecimal row_said[JB_ROW_SAID];
    guint n_row_said;
    /* the measure a table's cell of change is of (地区生产总值 for 增速 beside it), or NULL */
    const char *change_of;
    const char *sentence_start; /* of the sentence being read */
    const char *first_number;   /* where its first quantity starts */
    const char *forecast_end;   /* where its first forecast word ends, NULL when none */
    gboolean sentence_market;   /* it holds a market word */
    guint sentence_lists;       /* SENTENCE_* bits: the rare lists it holds a word of */
    const char *definition_at;  /* where it says 是指, NULL when it does not */
    const char *change_end;     /* the end of the last figure read as a change since a base
                                 * (比2020年底增加1.9万公里): a list's later members (和1.2万公里)
                                 * span from it too; NULL: none */
    JbPeriod change_from;       /* where that change's span begins */
    gboolean change_parts; /* that figure was a part after 其中 (…，其中A增加N，B增加M) */
    const char *decline_end; /* the end of the last figure read as a decline (下降0.6%), a
                              * list's later members (和0.2%) decline too; NULL: none */
    const char *list_tail;   /* the end of the list the quantity being added opens or is
                              * in (NULL: none), whose noun is all its members' */
    const char *member;      /* a 分别 list member paired with its subject (公共充电桩和
                              * 私人充电桩分别为…): its own words and the list's shared
                              * ones, its metric's (not another member's); NULL: none */
    gboolean member_unknown; /* a member of a 分别 list of subjects not paired with its
                              * values: which subject is its, no one knows (no metric id) */
    JbPeriod carry_in;       /* the carried period as the sentence being read began */
    gboolean have_carry_in, carry_in_as_of;
    GHashTable *seen;        /* JbStatements of `out` by figure (figure_hash): the latest of each */
    guint body_statements;   /* how many of `out` the body gave (the rest: headlines) */
    guint sentence;          /* number of the sentence being read, from 1 */
    guint restates[2];       /* a sentence, and the earlier one it restated a figure of */
    const char *ratio_start; /* the first term of the ratio the figure is a later term of */
    gboolean headline;       /* reading the headlines (after the body) */
    GHashTable *headline_keys;         /* jb_extract_headline_keys of the article */
    const JbSection *section;          /* the one being read (NULL: the article's) */
    struct SectionNames *names;        /* what each section's body named, for its headline */
    GArray *glued;                     /* Glued: headlines found glued to a sentence, read last */
    GPtrArray *warnings;               /* NULL, or where to report what could not be read */
    GArray *subjects;                  /* SubjectHit of the sentence being read */
    GArray *times;                     /* TimeRef of the sentence being read, resolved in order */
    GArray *quantities;                /* JbQuantity of the sentence being read */
    GArray *keywords;                  /* WordHit: every KEYWORDS word in the sentence being read */
    GArray *seps;                      /* Sep: the clause separators of the sentence being read */
    GString *metric_buf, *context_buf; /* scratch: text looked up in the dictionary */
    const guint8 *sentence_stops;      /* jb_extract_sentence_stops of the dictionary */
} Ctx;

/* jb_extract_headline_body.c */
/* Does the headline figure q (its sentence `sent`, its time t or NULL) repeat a figure the
 * body stated: the same value in the same unit (or the body's currency shortened to 元), not
 * a change against another base (同比 vs 环比) nor, with a time and base of its own, of a
 * period apart? */
gboolean jb_extract_headline_repeats_body(const Ctx *c, const JbQuantity *q, const char *sent,
                                          const TimeRef *t);
/* A headline's hedged figure that rounds one of its story's: `period` becomes that figure's. */
void jb_extract_headline_rounds_body(const Ctx *c, const JbQuantity *q, char period[JB_PERIOD_MAX]);

/* jb_extract_frame.c: a month the title or the story's opening names (2026年11月氣候回顧), in
 * a story out in the first ten days of the month after it: the month its 本月 means. */
void jb_extract_note_reviewed(Ctx *c, const JbPeriod *p);

/* jb_extract_currency.c: does [p, p + len) (len -1: to its NUL) name renminbi (人民币, RMB)?
 * And a figure in bare 元 (亿元, 元/股) put in the currency the story declared for its amounts
 * (…億澳門元（下同）), when it declared one. */
gboolean jb_extract_names_renminbi(const char *p, gssize len);
void jb_extract_in_declared_currency(const Ctx *c, JbQuantity *x);

/* jb_extract_statement.c: a statement and its strings in one allocation (period has
 * JB_PERIOD_MAX bytes, so that a fuller period can replace it). */
JbStatement *jb_extract_statement_new(const char *subject, Span metric, const char *metric_id,
                                      Span quote, const char *period);

/* jb_extract_headline.c */
/* Where the sentence [sent, end) of paragraph `para` (at `line`) goes on after a headline
 * glued to its start (a wire's 【headline】, a headline the article states, possibly after a
 * dateline, or one that names its source again), the headline kept in c->glued; `sent` when
 * there is none. A headline that opens the paragraph opens a new story. */
const char *jb_extract_past_glued_headline(Ctx *c, const char *para, const char *sent,
                                           const char *end, guint line);

/* jb_extract_statement.c */
/* The keyword tag of 分别 (jb_extract_sentence_words' hits). */
int jb_extract_kw_fenbie(void);
/* Start of the clause holding `at` in the sentence starting at `s`. */
const char *jb_extract_clause_start(const Ctx *c, const char *s, const char *at);
/* jb_extract_named.c: remember the name a bracketed span `r` defines (its words before the
 * bracket); add to `refs` (in text order) a time for each clause of [sent, first_number)
 * that opens with a name defined so (上个雪季，…), or later with an edition's (展会期间). */
void jb_extract_name_span(Ctx *c, const char *sent, const TimeRef *r);
void jb_extract_named_mentions(const Ctx *c, const char *sent, const char *first_number,
                               const char *end, GArray *refs);
/* Past the words of scope (全国 其中 本港 截至 在…) and the sentence's times from p, up to
 * `limit`: where what a clause is about begins. */
const char *jb_extract_past_scope(const Ctx *c, const char *p, const char *limit);
/* What the numbers of the sentence [a, b) look back at, found in one pass: its clause
 * separators, keywords and subject words (into c->seps, c->keywords, c->subjects). */
void jb_extract_sentence_words(Ctx *c, const char *a, const char *b);
/* The characters at which jb_extract_sentence_words has anything to do (a keyword's or a
 * subject word's first, a clause separator, 《 》), a bit per code point modulo 2^16
 * (65536 / 8 bytes, to free with g_free): most characters of a sentence are none. */
guint8 *jb_extract_sentence_stops(const JbDict *dict);
/* The statement of quantity `q` of the sentence [sent, sent_end), unless it is no figure or
 * one the article gave already; see jb_extract_statement.c. FALSE when it is no figure (a
 * class, a threshold naming a group, a count in prose): its words belong to the next one's. */
gboolean jb_extract_add_statement(Ctx *c, const char *sent, const char *sent_end,
                                  const JbQuantity *q, const char *prev_end, guint line,
                                  const char *period_override, const char *subject_override,
                                  const char *metric_override);
/* The article's statements by figure (subject, metric, value, unit, bound): a new table. */
/* jb_extract_repeat.c */
/* jb_extract_conditions.c: where a note that defines a term (注：X指…, 2.X指…) in sentence
 * [a, b) has its 指, or NULL: what follows defines, it reports nothing. */
const char *note_definition(const char *a, const char *b);

/* A new c->seen (g_hash_table_unref): the article's statements by value and unit. */
GHashTable *jb_extract_seen_new(void);
/* c->seen: statement `old` (about to be freed) is `by` from now on. */
void jb_extract_seen_replace(GHashTable *seen, JbStatement *old, JbStatement *by);
/* Add `s` (owned by c->out) to c->seen. */
void jb_extract_remember(GHashTable *seen, JbStatement *s);
/* Drop the body's prose statements (the first `body` of `out`) that repeat a table cell given
 * before them: the same magnitude, unit (a bare cell: % too) and period (a table of a month's
 * figures, then an editor's note 净减18.7万户 of its -18.7). A table after the prose is
 * checked as it is read (jb_extract_said_in_prose). */
void jb_extract_drop_prose_repeating_tables(GPtrArray *out, guint body);

/* The statement of the article that says what `s` says (equal value and unit, bounds and
 * stated periods that agree, the same subject, metrics of which one holds the other's core),
 * or NULL. */
JbStatement *jb_extract_same_figure(GHashTable *seen, const JbStatement *s);
/* Did a sentence of the article state a table cell of row `label`: the same value (its sign
 * aside), unit and period, in a sentence naming the row? */
gboolean jb_extract_said_in_prose(const Ctx *c, const char *label, const JbQuantity *q,
                                  const char *period);
/* A statement of a table cell (quote: the row up to the cell), unless the article gave the
 * figure already. `stated`: its period comes from the table, not the published date;
 * `estimate`: its column is an analyst's estimate (2025E), a forecast. */
void jb_extract_add_table_statement(Ctx *c, const char *subject, const char *metric,
                                    const JbQuantity *q, const char *quote, const char *period,
                                    guint line, gboolean stated, gboolean estimate);

/* jb_extract.c: the period in force where a paragraph names none: the deepest heading's
 * over it (for `prose`, of one that holds for prose), else the story's opening one, else the year the title names when that is before
 * the published one (a statistics communiqué or a review published the next year). FALSE
 * when none. */
gboolean jb_extract_default_period(const Ctx *c, gboolean prose, JbPeriod *out);
/* The period of the release's frame alone: the headings over the prose, else the title's
 * (not a story's opening sentence). FALSE when neither names one. */
gboolean jb_extract_frame_period(const Ctx *c, JbPeriod *out);
/* Is the prose being read under a heading that names targets or plans (二、2026年主要预期目标)?
 * Its figures are then forecasts. */
gboolean jb_extract_under_plan_heading(const Ctx *c);

/* jb_extract_times.c: a span from January to the published month (今年以来, 年初至今, read
 * loose: r) ended where `ctx` ends, a period over by the published day that the text speaks
 * of (11月回報 | 年初至今 in a review out on 12月2日: to November). */
void jb_extract_ytd_to(TimeRef *r, const JbPeriod *ctx);

/* jb_extract_table.c */
/* The statements of the table whose rows are the paragraphs [first, last). */
void jb_extract_table(Ctx *c, guint first, guint last);

#endif
