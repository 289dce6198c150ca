/* jb_number_priv.h — what jb_number's source files share (not installed, not public).
 *
 * A number is read in layers: jb_number.c scans text and reads whole expressions (ranges,
 * fractions, lists) and holds the public entry points, with jb_number_hedge.c for the hedge
 * words before and after a number; jb_number_member.c reads one member of an expression (a
 * numeral, 多/余, its magnitude and its unit, with jb_number_unit_sense.c for what a unit
 * says the number is); jb_number_numeral.c reads the numerals themselves (Arabic, Chinese,
 * X分之Y); jb_number_accept.c judges what counts as a quantity; jb_number_tables.c holds the
 * tables of units and hedge words, the scanner's trigger tables and their one-time
 * initialisation; jb_decimal.c does exact decimal arithmetic and formatting.
 *
 * The helpers here are static inline because they run at every number, several times: a
 * call across files would cost more than they do.
 *
 * Not for: anything outside jb_number (its interface is jb_number.h).
 */
#ifndef JB_NUMBER_PRIV_H
#define JB_NUMBER_PRIV_H

#include "jb_number.h"
#include "jb_text.h"

#include <string.h>

/* ---- decimals ---- */

#define DEC_MAX_DIGITS 18 /* 10^18 < 2^63: one written number always fits a mantissa */

static const guint64 POW10[20] = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
    10000000000000000000ULL,
};

static inline int digits_u64(guint64 v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* ---- text ---- */

/* Why something is not a quantity; the parse error says it, the scanner just skips. */
typedef enum {
    WHY_OK,
    WHY_NONE,     /* no number here */
    WHY_DATE,     /* 2025年 6月 24日 1518号 */
    WHY_TIME,     /* 09:28 3点 1:3 */
    WHY_DURATION, /* 24小时 3个月 10天 */
    WHY_CLASS,    /* 千亿级 5代 六届 二期 */
    WHY_ORDINAL,  /* 第六 */
    WHY_MODEL,    /* 5G A320 5.67W */
    WHY_ID,       /* 0431-88600010, 1.2.3 */
    WHY_DIGITS,   /* more than 18 digits, or beyond 2^63 */
    WHY_SCORE,    /* 3-0 */
    WHY_WORD,     /* 十五五 三元锂 四位一体 */
    WHY_BARE,     /* 18006035 */
    WHY_LIST,     /* 505.5/591.8 */
    WHY_EXTRA,    /* anything else around the number */
} Reason;

typedef struct {
    const char *t;
    gsize len;
    gsize lo;      /* look-back for hedge words stops here */
    gboolean scan; /* scanner rules: stricter about words, lists share units */
    gsize run_lo;  /* cache of the last ASCII run examined (see run_has_letter) */
    gsize run_hi;
    gboolean run_letter;
} Ctx;

#define CP_YI 0x4E00    /* 一 */
#define CP_LING 0x96F6  /* 零 */
#define CP_LING2 0x3007 /* 〇 */
#define CP_SHI 0x5341   /* 十 */
#define CP_BAI 0x767E   /* 百 */
#define CP_QIAN 0x5343  /* 千 */
#define CP_WAN 0x4E07   /* 万 */
#define CP_WAN2 0x842C  /* 萬 */
#define CP_YIS 0x4EBF   /* 亿 */
#define CP_YIS2 0x5104  /* 億 */
#define CP_BAN 0x534A   /* 半 */
#define CP_FAN 0x7FFB   /* 翻 */

/* Decode the character at i (< len). Invalid or truncated bytes read as one U+FFFD byte
 * (jb_utf8_get_checked). Inlined: it runs several times at every number. */
static inline gunichar cp_at(const Ctx *c, gsize i, gsize *n)
{
    return jb_utf8_get_checked((const guchar *)c->t + i, c->len - i, n);
}

/* memcmp(a, b, n) == 0 for the few bytes of a word: a loop costs less than memcmp's call */
static inline gboolean same_bytes(const char *a, const char *b, gsize n)
{
    for (gsize k = 0; k < n; k++)
        if (a[k] != b[k])
            return FALSE;
    return TRUE;
}

static inline gboolean at_lit(const Ctx *c, gsize i, const char *lit, gsize n)
{
    /* the first byte first: most calls fail there, and memcmp's call costs more */
    return i <= c->len && n <= c->len - i && (n == 0 || c->t[i] == lit[0]) &&
           memcmp(c->t + i, lit, n) == 0;
}
#define AT(c, i, lit) at_lit((c), (i), (lit), sizeof(lit) - 1)

static inline gboolean is_digit_at(const Ctx *c, gsize i)
{
    return i < c->len && g_ascii_isdigit(c->t[i]);
}

static inline gsize skip_spaces(const Ctx *c, gsize i)
{
    while (i < c->len && c->t[i] == ' ')
        i++;
    return i;
}

/* ---- Chinese numerals ---- */

static inline int cn_digit(gunichar cp)
{
    switch (cp) {
    case CP_LING2:
    case CP_LING:
        return 0;
    case CP_YI:
        return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
    case 0x5169: /* 兩 */
        return 2;
    case 0x4E09: /* 三 */
        return 3;
    case 0x56DB: /* 四 */
        return 4;
    case 0x4E94: /* 五 */
        return 5;
    case 0x516D: /* 六 */
        return 6;
    case 0x4E03: /* 七 */
        return 7;
    case 0x516B: /* 八 */
        return 8;
    case 0x4E5D: /* 九 */
        return 9;
    default:
        return -1;
    }
}

/* 十 百 千 → 10 100 1000; 0 otherwise */
static inline guint64 cn_small(gunichar cp)
{
    return cp == CP_SHI ? 10 : cp == CP_BAI ? 100 : cp == CP_QIAN ? 1000 : 0;
}

/* 万 亿 → 4 8; 0 otherwise */
static inline int cn_big(gunichar cp)
{
    return (cp == CP_WAN || cp == CP_WAN2) ? 4 : (cp == CP_YIS || cp == CP_YIS2) ? 8 : 0;
}

static inline gboolean cn_numeral(gunichar cp)
{
    return cn_digit(cp) >= 0 || cn_small(cp) || cn_big(cp);
}

/* ---- units ---- */

/* The kinds of templates/units.tsv (see its head). */
typedef enum {
    U_PLAIN,    /* a unit: the value stays */
    U_TENTH,    /* 成: tenths, reported as % (三成 → 30 %) */
    U_POINT,    /* 点: index points, unless a time of day */
    U_YEAR,     /* 年: a year (2025年) or years (13年) */
    U_DAY,      /* 日: a day of the month (18日) or days (三日) */
    U_DURATION, /* a span of time: a quantity in the right context (scan_accepts) */
    /* not a quantity when a number is followed by one of these */
    U_DATE,
    U_TIME,
    U_CLASS,
    U_WORD,
    /* a currency before the number (JB_CURRENCIES): a sign or code, or a word (人民币) that
     * makes money only of a number with 万/亿 */
    CUR_SIGN,
    CUR_WORD,
} UnitKind;

typedef struct {
    const char *text;
    guint8 len;
    guint8 kind;
    const char *canon; /* spelling reported, NULL = as written */
} UnitDef;

/* The units and the words that begin like one (templates/units.tsv, compiled by
 * tools/gen-units.awk into build/gen/jb_units_gen.c): the longest match wins, and a word
 * (成为, 元素) means the number before it is not a quantity. The Latin ones (GB, kWh) are
 * read only right after digits or a magnitude. */
#define JB_UNITS_MAX 1024
extern const UnitDef JB_UNITS[];
extern const gsize JB_N_UNITS;
extern const UnitDef JB_LATIN_UNITS[];
extern const gsize JB_N_LATIN_UNITS;
/* Currencies written before a number (US$, HK$, €, RMB, 人民币), canon the unit they give */
extern const UnitDef JB_CURRENCIES[];
extern const gsize JB_N_CURRENCIES;
/* bit i: JB_CURRENCIES[i] ends in byte b (one look-up rules out most numbers) */
extern guint64 jb_currency_by_last[256];
/* bit i: JB_CURRENCIES[i] begins with byte b */
extern guint64 jb_currency_by_first[256];
/* Time units that may follow a '/' in a rate: 万吨/年, 公里/小时 */
extern const char *const JB_PER_TIME[9];

/* unit_at() runs after every number and at every 百/千 inside one; a scan of the whole
 * table there cost two thirds of the scanner's time, and a bucket per first character still
 * tried up to 14 entries for 元 成 个. So there are two levels, built once: units of one
 * character by a hash of it, and longer ones by a hash of their first two characters
 * (元人民币 and 元素 no longer share a bucket with 元 nor with each other). A "character" here
 * is three bytes when the lead byte is E0..FF and they fit, one byte otherwise: the same rule
 * for the table and the text, so a unit that matches always lands in the bucket looked at. */
#define UNIT_BUCKETS 256
#define UNIT2_BUCKETS 512

typedef struct {
    guint16 start[UNIT2_BUCKETS + 1]; /* items of bucket b: items[start[b] .. start[b + 1]) */
    guint16 items[JB_UNITS_MAX];
} UnitIndex;


extern guint8 jb_unit_canon_len[JB_UNITS_MAX];  /* strlen of canon, or of text without one */
extern UnitIndex jb_unit_short;                 /* one character, by unit_hash */
extern UnitIndex jb_unit_long;                  /* two characters or more, by unit_hash2 */
extern guint8 jb_unit_long_first[UNIT_BUCKETS]; /* some long unit begins with unit_hash h */

static inline guint unit_hash(const guchar *s, gsize avail)
{
    if (s[0] >= 0xE0 && avail >= 3)
        return (s[0] * 31u + s[1] * 7u + s[2]) % UNIT_BUCKETS;
    return s[0];
}

static inline gsize unit_char_len(const guchar *s, gsize avail)
{
    return s[0] >= 0xE0 && avail >= 3 ? 3 : 1;
}

/* unit_hash of the first two characters; the caller knows avail > k1 = unit_char_len(s). */
static inline guint unit_hash2(guint h1, const guchar *s, gsize k1, gsize avail)
{
    return (h1 * 131u + unit_hash(s + k1, avail - k1)) % UNIT2_BUCKETS;
}

/* The bucket of UNITS[k] in `ix`, or -1 when it belongs to the other index. */
/* ---- hedge words ---- */

typedef struct {
    const char *text;
    guint8 len;
    guint8 bound;
} QualDef;


/* Prefix hedges, longest first, and suffix hedges; jb_number_tables.c says what the
 * indexes below mean (bit i stands for entry i of the table). */
extern const QualDef JB_PREFIX_QUALS[];
extern const QualDef JB_SUFFIX_QUALS[];
extern guint64 jb_prefix_by_last[256];
extern guint64 jb_prefix_by_first[UNIT_BUCKETS];
extern guint8 jb_suffix_by_hash[UNIT_BUCKETS];

/* 十 百 千 万 亿 at i: a magnitude with no digit before it (百余项, 近千亿, 上万) */
static inline gboolean bare_magnitude(gunichar cp)
{
    return cp == CP_SHI || cp == CP_BAI || cp == CP_QIAN || cn_big(cp);
}

static inline gboolean bare_magnitude_at(const Ctx *c, gsize i)
{
    if (i >= c->len)
        return FALSE;
    gsize n;
    return bare_magnitude(cp_at(c, i, &n));
}


/* ---- the scanner's first look at a character ---- */

/* The scanner reads two bytes as one 16-bit word (in the machine's byte order) and looks it
 * up here: PAIR_CLASS_PLAIN when they are a three-byte lead and a continuation byte that no
 * trigger begins with (PAIR_PLAIN), which drops the lead-byte test from the loop
 * that passes over most of the text; PAIR_CLASS_TRIGGER + j when some trigger begins with
 * them, and bit (third byte & 3F) of jb_pair_thirds[j] says which third bytes complete one
 * (so 上 下 不 中, which begin like 一 七 万 三, are passed over with one more look-up). */
enum { PAIR_CLASS_OTHER, PAIR_CLASS_PLAIN, PAIR_CLASS_TRIGGER };
#define MAX_TRIGGER_PAIRS 32
extern guint8 jb_pair_class[1 << 16];
extern guint64 jb_pair_thirds[MAX_TRIGGER_PAIRS];

static inline guint pair_word(const guchar *s)
{
    guint16 w;
    memcpy(&w, s, sizeof w);
    return w;
}

/* Builds the tables above once for the process; cheap after the first call. */
void jb_number_tables_init(void);

/* ---- members (jb_number_member.c) ---- */

typedef struct {
    gsize start;      /* first byte of the numeral */
    gsize end;        /* after the unit, or after the numeral/magnitude without one */
    gsize tok_end;    /* after the numeral itself: where a failed scan resumes */
    JbDecimal value;  /* magnitude applied, unit conversion (成, ‰) not yet */
    int tail_pow;     /* power of ten of a trailing 万/亿 (shared by lists and ranges) */
    gboolean has_mag; /* any magnitude: 千 万 亿 after digits, or 十百千万亿 in a numeral */
    gboolean big_mag; /* 万 or 亿 */
    gboolean arabic;
    gboolean chinese;
    gboolean is_int;     /* Arabic integer without magnitude: may be a fraction's part */
    gboolean bare_start; /* a Chinese numeral starting with 百/千/万/亿 (not 十) */
    gboolean digit_char; /* a Chinese numeral with a digit character (一 … 九) */
    gboolean lone;       /* a single Chinese digit and nothing else: 一 零 */
    int mag_chars;       /* 百 千 万 亿 characters */
    gboolean fixed_unit; /* 百分之, X分之Y, 一半, 翻倍: the unit came with the numeral */
    gboolean rounded;    /* a fraction rounded to two decimals */
    gboolean has_unit;
    UnitKind ukind;            /* U_DURATION for every span of time (年 日 天 个月 …) */
    gsize infix_at, infix_len; /* 多 余 几 */
    int tail_stage;            /* read_tail's progress, so 2万多亿 can go on after 多 */
    gsize unit_len;
    char unit[48]; /* last: member_clear() clears only its first byte */
} Member;

/* The unit is exactly `lit` (a literal) */
#define UNIT_IS(x, lit)                                                                            \
    ((x)->unit_len == sizeof(lit) - 1 && same_bytes((x)->unit, lit, sizeof(lit) - 1))


/* The currency written right before p (one space allowed between: RMB 2.3 billion), the
 * longest one, not before c->lo; NULL when none. *at is where it starts. A code in Latin
 * letters (RMB, USD) must not be the end of a longer word. */
const UnitDef *jb_number_currency_before(const Ctx *c, gsize p, gsize *at);
/* Could a currency end right before p? One look-up, so most numbers skip the call above. */
static inline gboolean currency_may_end_at(const Ctx *c, gsize p)
{
    if (p > c->lo && c->t[p - 1] == ' ')
        p--;
    return p > c->lo && jb_currency_by_last[(guchar)c->t[p - 1]] != 0;
}
/* Bytes of an English magnitude at q (million, billion, bn; a space before a word included),
 * its power of ten in *pow; 0 when there is none. `money`: a currency stands before the
 * number, which lets the single letters m b k count (€3.4m). (jb_number_money.c) */
gsize jb_number_english_scale_at(const Ctx *c, gsize q, gboolean money, int *pow);

/* 每 and a unit of things ending at k (每吨, 每桶, 每平方米): its length in bytes, and where
 * the unit starts in *unit_at; 0 when there is none. */
gsize jb_number_per_unit_before(const Ctx *c, gsize k, gsize *unit_at);

/* Does `lit` end exactly at i, no earlier than `floor`? */
static inline gboolean before_lit(const Ctx *c, gsize i, gsize floor, const char *lit, gsize n)
{
    /* the last byte first: it tells most words apart (most start with the same lead byte) */
    return i >= floor + n && (n == 0 || c->t[i - 1] == lit[n - 1]) &&
           same_bytes(c->t + i - n, lit, n);
}

/* Is the character ending at i (a 3-byte CJK character) one of those in `set`? */
static inline gboolean prev_char_in(const Ctx *c, gsize i, const char *set)
{
    if (i < 3)
        return FALSE;
    /* the last byte first: it tells the set's characters apart (their first ones are alike) */
    const char last = c->t[i - 1];
    for (const char *s = set; *s;) {
        gsize n = (gsize)g_utf8_skip[(guchar)*s];
        if (n <= i && s[n - 1] == last && same_bytes(c->t + i - n, s, n))
            return TRUE;
        s += n;
    }
    return FALSE;
}

/* ---- units at a position (the scanner's tables: jb_number_tables.c) ---- */

/* The first entry of bucket b of `ix` written at s (avail bytes), or NULL. */
static G_ALWAYS_INLINE inline const UnitDef *unit_in_bucket(const UnitIndex *ix, guint b,
                                                            const char *s, gsize avail)
{
    for (guint k = ix->start[b]; k < ix->start[b + 1]; k++) {
        const UnitDef *u = &JB_UNITS[ix->items[k]];
        /* the last byte first: it tells most apart */
        if (u->len <= avail && s[u->len - 1] == u->text[u->len - 1] &&
            same_bytes(s, u->text, u->len))
            return u;
    }
    return NULL;
}

/* Longest unit (or not-a-quantity word) starting at i; 0 and *out = NULL when none. */
static inline gsize unit_at(const Ctx *c, gsize i, const UnitDef **out)
{
    *out = NULL;
    if (i >= c->len)
        return 0;
    gsize avail = c->len - i;
    const char *s = c->t + i;
    const guchar *us = (const guchar *)s;
    guint h = unit_hash(us, avail);
    const UnitDef *u = NULL;
    if (jb_unit_long_first[h]) {
        gsize k1 = unit_char_len(us, avail);
        if (avail > k1)
            u = unit_in_bucket(&jb_unit_long, unit_hash2(h, us, k1, avail), s, avail);
    }
    if (!u)
        u = unit_in_bucket(&jb_unit_short, h, s, avail);
    if (!u)
        return 0;
    *out = u;
    return u->len;
}

/* A real unit (not a word) starts at i: stops 千 of 千瓦 and 百 of 百分点 being a magnitude. */
static inline gboolean unit_starts_at(const Ctx *c, gsize i)
{
    const UnitDef *u;
    return unit_at(c, i, &u) > 0 && u->kind <= U_TENTH;
}

/* ---- numerals (jb_number_numeral.c) ---- */

/* Overflow-checked: FALSE when *acc + v or *acc × v does not fit. */
static inline gboolean add_u64(guint64 *acc, guint64 v)
{
    return g_uint64_checked_add(acc, *acc, v);
}

static inline gboolean mul_u64(guint64 *acc, guint64 v)
{
    return g_uint64_checked_mul(acc, *acc, v);
}

/* Arabic digits at p with thousands separators and a decimal point into *out. The number
 * ends at *end on return (also when it fails, so the scanner can skip it whole). */
Reason jb_number_read_arabic(const Ctx *c, gsize p, JbDecimal *out, gsize *end);
/* Is the number at p a term of a ratio after a word naming it (猪粮比价为4.92:1)? Then returns
 * where the term ends, with *said and `out` the quantity it states (none for the base 1 of
 * 1:7.5); 0 when it is no ratio's term (jb_number_parts.c). */
gsize jb_number_ratio_term(const char *t, gsize len, gsize p, JbQuantity *out, gboolean *said);
/* A duration of two units at p (4分30秒 → 270 秒, 1小时20分钟 → 80 分钟): where it ends, with
 * `out` the quantity; 0 when there is none (jb_number_parts.c). */
gsize jb_number_duration_pair(const char *t, gsize len, gsize p, JbQuantity *out);

/* A Chinese numeral as read by jb_number_read_cn. */
typedef struct {
    JbDecimal value;
    gsize end;
    gboolean overflow, positional, bare_start, digit_char, decimal, has_unit_char, big;
    int nchars, mag_chars, tail_pow;
} CnNum;
/* A Chinese numeral at p (三千, 一万五千亿, 五点九, 一万五 = 15000): consumes every numeral
 * character even when it fails, so a scanner skips 十五五 or 二〇二五 whole. */
void jb_number_read_cn(const Ctx *c, gsize p, CnNum *r);

/* The member's unit, its kind and text (cut to fit). */
static inline void set_unit(Member *m, UnitKind kind, const char *text, gsize len)
{
    m->has_unit = TRUE;
    m->ukind = kind;
    len = MIN(len, sizeof m->unit - 1);
    memcpy(m->unit, text, len);
    m->unit[len] = '\0';
    m->unit_len = len;
}

/* 分之 after a denominator `den` already read, its numerator at q: X分之Y → Y/X as a
 * percentage, into m. */
Reason jb_number_read_fraction_tail(const Ctx *c, JbDecimal den, gsize q, Member *m);

/* One number with its own unit, starting exactly at p, or why it is not one. `hedged`: a
 * hedge word stands before it (a bare 半 or 百 means something only then: 过半, 近千亿). */
Reason jb_number_read_member(Ctx *c, gsize p, gboolean hedged, Member *m);
/* jb_number_unit_sense.c: is the unit after the number at p (read into m; the unit ends at
 * `after`) an hour, not index points (下午3点, 9点30分)? A score, not minutes (评分8.1分)? A
 * year of the Republic of China (民國114年, 114年11月), `n` the number? A reading on a
 * natural scale (风力15级, 5.2级地震), not a grade? */
gboolean jb_number_time_of_day(const Ctx *c, gsize p, const Member *m, gsize after);
gboolean jb_number_score_before(const Ctx *c, gsize p, const Member *m);
gboolean jb_number_roc_year(const Ctx *c, gsize p, gint64 n, gsize after);
gboolean jb_number_scale_level(const Ctx *c, gsize p, gsize after);
/* Past a lower magnitude's Arabic number after 亿 or 万 (10亿7400万, 8万3千), added to m;
 * q when there is none (jb_number_parts.c). */
gsize jb_number_lower_after(const Ctx *c, gsize q, Member *m);
/* 多 余 几 (来 after a round number) at q rounding the member m: where it ends, q when none
 * (jb_number_parts.c). */
gsize jb_number_infix(const Ctx *c, gsize q, Member *m);
/* Do the words from q on name a milestone (…元台阶)? (jb_number_unit_sense.c) */
gboolean jb_number_milestone_at(const Ctx *c, gsize q);
/* The digit of tenths after 成 at q (四成四: 44 %) added to the member m; where it ends. */
gsize jb_number_tenth_after(const Ctx *c, gsize q, Member *m);
/* value × 100 / den as a percentage. Exact when the fraction ends; otherwise rounded half-up
 * to six decimals and *rounded set. FALSE when it does not fit. */
gboolean jb_number_percent_of(JbDecimal num, guint64 den, JbDecimal *out, gboolean *rounded);

/* ---- expressions (jb_number.c) ---- */

/* A whole expression: its first member, a range, a fraction, a list's unit, hedge words. */
typedef struct {
    gsize start, end, tok_end;
    Member m;              /* the first (or only) member */
    JbDecimal value, high; /* unit conversion not yet applied */
    gboolean negative;
    gboolean is_range;
    gboolean fraction; /* a/b */
    gboolean rounded;
    gboolean hedged; /* any hedge word */
    gboolean big_mag;
    gboolean has_mag;
    gboolean has_unit;
    UnitKind ukind;
    int tail_pow; /* of the member that carries the unit */
    gsize qual_at, qual_len;
    JbBound bound;
    const UnitDef *currency; /* written before the number: US$ HK$ € RMB 人民币 */
    gsize unit_len;
    char unit[48]; /* last: as Member's, cleared only in its first byte */
} Expr;

/* Whether the scanner takes `e` as a quantity (jb_number_accept.c). */
gboolean jb_number_scan_accepts(const Ctx *c, const Expr *e);
/* Whether jb_number_parse does: WHY_OK or WHY_BARE. */
Reason jb_number_parse_accepts(const Expr *e);
/* `e` as the public JbQuantity. */
void jb_number_to_quantity(const Ctx *c, const Expr *e, JbQuantity *out);
/* Why a parse failed, in words. */
const char *jb_number_reason_text(Reason r);

/* jb_number_hedge.c */
/* The first prefix hedge (in table order) that ends exactly at k, not before c->lo and not
 * blocked as part of a longer word; NULL when none. `num` is where the numeral starts. */
const QualDef *jb_number_prefix_qual_before(const Ctx *c, gsize k, gsize num);
/* 零下 before digits at p: its length, else 0. */
gsize jb_number_below_zero_at(const Ctx *c, gsize p);
/* Hedge words before the numeral at p: 第 (fails), a sign, 上/数/几 (上百), and up to three
 * prefix words (最高不超过). Sets e->start, the qualifier and e->hedged. */
Reason jb_number_look_back(const Ctx *c, gsize p, Expr *e);
/* A hedge after the number: 以上 以下 左右 … (not 上下游). */
void jb_number_read_hedge_after(const Ctx *c, Expr *e);

#endif
