/* jb_number.c — exact parsing and scanning of Chinese numbers; see jb_number.h.
 *
 * The scanner makes one pass over the bytes and looks only at characters that can begin a
 * number (ASCII digits, Chinese numerals, 半, 翻). From there it reads forward (numeral,
 * 多/余, 万/亿, unit, range, list) and looks back a few bytes for hedge words (超过, 近, 约,
 * 第 …). Every table is static; nothing is allocated while scanning.
 */
#include "jb_number.h"

#include <stddef.h>
#include <string.h>

/* ==================================================================================== */
/* Exact decimals                                                                       */
/* ==================================================================================== */

#define DEC_MAX_DIGITS 18       /* 10^18 < 2^63: one written number always fits a mantissa */
#define DEC_PARSE_MAX_DIGITS 40 /* jb_decimal_parse: trailing zeros beyond 18 go to exp10 */

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

/* |v| without the undefined -INT64_MIN */
static guint64 mag_u64(gint64 v)
{
    return v < 0 ? (guint64)(-(v + 1)) + 1u : (guint64)v;
}

static int digits_u64(guint64 v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

const char *jb_bound_name(JbBound b)
{
    switch (b) {
    case JB_BOUND_AT_LEAST:
        return "at_least";
    case JB_BOUND_AT_MOST:
        return "at_most";
    case JB_BOUND_ABOUT:
        return "about";
    case JB_BOUND_EXACT:
    default:
        return "exact";
    }
}

gboolean jb_bound_parse(const char *s, JbBound *out)
{
    static const JbBound all[] = {JB_BOUND_EXACT, JB_BOUND_AT_LEAST, JB_BOUND_AT_MOST,
                                  JB_BOUND_ABOUT};
    g_return_val_if_fail(out != NULL, FALSE);
    if (s == NULL)
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(all); i++) {
        if (strcmp(s, jb_bound_name(all[i])) == 0) {
            *out = all[i];
            return TRUE;
        }
    }
    return FALSE;
}

JbDecimal jb_decimal_normalize(JbDecimal d)
{
    if (d.mant == 0)
        return (JbDecimal){0, 0};
    while (d.mant % 10 == 0 && d.exp10 < G_MAXINT) {
        d.mant /= 10;
        d.exp10++;
    }
    return d;
}

gsize jb_decimal_format(JbDecimal d, char *buf, gsize size)
{
    d = jb_decimal_normalize(d);
    char digits[24]; /* the mantissa's digits, by hand: once per statement and per row */
    gsize n = 0;
    if (d.mant == 0)
        digits[sizeof digits - 1 - n++] = '0';
    for (guint64 v = mag_u64(d.mant); v; v /= 10)
        digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
    const char *dg = digits + sizeof digits - n;
    gint64 point = (gint64)n + d.exp10; /* digits before the decimal point */
    gsize len = (d.mant < 0) + (d.exp10 >= 0 ? n + (gsize)d.exp10
                                            : point > 0 ? n + 1 : 2 + (gsize)-point + n);
    if (len >= size) { /* does not fit: nothing written but the terminator */
        if (size > 0)
            buf[0] = '\0';
        return len;
    }
    char *o = buf;
    if (d.mant < 0)
        *o++ = '-';
    if (d.exp10 >= 0) {
        memcpy(o, dg, n);
        o += n;
        memset(o, '0', (gsize)d.exp10);
        o += d.exp10;
    } else if (point > 0) {
        memcpy(o, dg, (gsize)point);
        o += point;
        *o++ = '.';
        memcpy(o, dg + point, n - (gsize)point);
        o += n - (gsize)point;
    } else {
        *o++ = '0';
        *o++ = '.';
        memset(o, '0', (gsize)-point);
        o += -point;
        memcpy(o, dg, n);
        o += n;
    }
    *o = '\0';
    return len;
}

char *jb_decimal_to_string(JbDecimal d)
{
    char small[JB_DECIMAL_STR_MAX];
    gsize len = jb_decimal_format(d, small, sizeof small);
    if (len < sizeof small)
        return g_memdup2(small, len + 1);
    char *s = g_malloc(len + 1); /* a far exponent: the exact size, formatted again */
    jb_decimal_format(d, s, len + 1);
    return s;
}

gboolean jb_decimal_parse(const char *s, JbDecimal *out)
{
    g_return_val_if_fail(out != NULL, FALSE);
    if (s == NULL)
        return FALSE;
    gboolean neg = FALSE, point = FALSE;
    guint64 mant = 0;
    int sig = 0, zeros = 0, frac = 0, ndig = 0, int_digits = 0;
    const char *p = s;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    for (;; p++) {
        if (g_ascii_isdigit(*p)) {
            if (++ndig > DEC_PARSE_MAX_DIGITS)
                return FALSE;
            if (point)
                frac++;
            else
                int_digits++;
            if (*p == '0') {
                if (sig)
                    zeros++; /* leading zeros carry nothing */
                continue;
            }
            if (sig + zeros + 1 > DEC_MAX_DIGITS)
                return FALSE;
            mant = mant * POW10[zeros + 1] + (guint64)(*p - '0');
            sig += zeros + 1;
            zeros = 0;
        } else if (*p == '.' && !point && int_digits > 0 && g_ascii_isdigit(p[1])) {
            point = TRUE;
        } else {
            break;
        }
    }
    if (*p != '\0' || int_digits == 0)
        return FALSE;
    out->mant = neg ? -(gint64)mant : (gint64)mant;
    out->exp10 = zeros - frac;
    *out = jb_decimal_normalize(*out);
    return TRUE;
}

double jb_decimal_to_double(JbDecimal d)
{
    /* strtod rounds correctly; mant * pow(10, exp) would not (16.4亿 must stay 1.64e9) */
    char buf[48];
    g_snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT "e%d", d.mant, d.exp10);
    return g_ascii_strtod(buf, NULL);
}

int jb_decimal_cmp(JbDecimal a, JbDecimal b)
{
    a = jb_decimal_normalize(a);
    b = jb_decimal_normalize(b);
    int sa = (a.mant > 0) - (a.mant < 0), sb = (b.mant > 0) - (b.mant < 0);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    guint64 ma = mag_u64(a.mant), mb = mag_u64(b.mant);
    int da = digits_u64(ma), db = digits_u64(mb);
    /* the position of the leading digit decides, unless it is the same */
    gint64 ea = (gint64)a.exp10 + da, eb = (gint64)b.exp10 + db;
    int r;
    if (ea != eb) {
        r = ea < eb ? -1 : 1;
    } else {
        /* same leading position: pad the shorter mantissa; at most 19 digits fit a guint64 */
        if (da < db)
            ma *= POW10[db - da];
        else if (db < da)
            mb *= POW10[da - db];
        r = (ma > mb) - (ma < mb);
    }
    return sa > 0 ? r : -r;
}

gboolean jb_decimal_equal(JbDecimal a, JbDecimal b)
{
    return jb_decimal_cmp(a, b) == 0;
}

/* Round to `sig` significant digits, half away from zero. */
static JbDecimal dec_round_sig(JbDecimal d, int sig)
{
    d = jb_decimal_normalize(d);
    guint64 m = mag_u64(d.mant);
    int n = digits_u64(m);
    if (d.mant == 0 || n <= sig)
        return d;
    int drop = n - sig; /* 1..18, so POW10[drop] is exact */
    guint64 q = m / POW10[drop], r = m % POW10[drop];
    if (r >= POW10[drop] / 2)
        q++;
    JbDecimal out = {d.mant < 0 ? -(gint64)q : (gint64)q, d.exp10 + drop};
    return jb_decimal_normalize(out);
}

char *jb_number_format_cn(JbDecimal v, int max_sig)
{
    if (max_sig < 1 || max_sig > DEC_MAX_DIGITS)
        max_sig = DEC_MAX_DIGITS + 1; /* no rounding */
    /* round first, then choose the unit: 99999999 at 3 digits is 1亿, not 10000万 */
    v = dec_round_sig(v, max_sig);
    const char *suffix = "";
    if (v.mant != 0) {
        gint64 order = (gint64)digits_u64(mag_u64(v.mant)) + v.exp10 - 1; /* 10^order ≤ |v| */
        if (order >= 12) {
            suffix = "万亿";
            v.exp10 -= 12;
        } else if (order >= 8) {
            suffix = "亿";
            v.exp10 -= 8;
        } else if (order >= 4) {
            suffix = "万";
            v.exp10 -= 4;
        }
    }
    char digits[JB_DECIMAL_STR_MAX];
    if (jb_decimal_format(v, digits, sizeof digits) >= sizeof digits) {
        g_autofree char *long_digits = jb_decimal_to_string(v);
        return g_strconcat(long_digits, suffix, NULL);
    }
    return g_strconcat(digits, suffix, NULL);
}

/* ==================================================================================== */
/* Text                                                                                 */
/* ==================================================================================== */

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

static const char *reason_text(Reason r)
{
    switch (r) {
    case WHY_NONE:
        return "no number in it";
    case WHY_DATE:
        return "a date, a year or a label (年 月 日 号), not a quantity";
    case WHY_TIME:
        return "a time of day or a ratio, not a quantity";
    case WHY_DURATION:
        return "a duration (小时 天 个月 …), not a quantity";
    case WHY_CLASS:
        return "a class, grade or edition (级 代 届 期), not a quantity";
    case WHY_ORDINAL:
        return "an ordinal (第…), not a quantity";
    case WHY_MODEL:
        return "a model or product name (a digit glued to a Latin letter), not a quantity";
    case WHY_ID:
        return "an id, phone or version number (leading zero or dotted), not a quantity";
    case WHY_DIGITS:
        return "too many digits (at most 18) or too large";
    case WHY_SCORE:
        return "a score or id (a dash between bare numbers), not a range";
    case WHY_WORD:
        return "a number inside a word or name (十五五 三元锂 四位一体), not a quantity";
    case WHY_BARE:
        return "a bare number with no unit, magnitude or hedge";
    case WHY_LIST:
        return "a list of several values, not one quantity";
    case WHY_EXTRA:
        return "unexpected text around the number";
    case WHY_OK:
    default:
        return "ok";
    }
}

typedef struct {
    const char *t;
    gsize len;
    gsize lo;       /* look-back for hedge words stops here */
    gboolean scan;  /* scanner rules: stricter about words, lists share units */
    gsize run_lo;   /* cache of the last ASCII run examined (see run_has_letter) */
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

/* cp_at() for what is not ASCII or a three-byte character: rare, so kept out of line. */
static G_GNUC_NO_INLINE gunichar cp_at_rare(const guchar *s, gsize left, gsize *n)
{
    if ((s[0] & 0xE0) == 0xC0 && left >= 2 && (s[1] & 0xC0) == 0x80) {
        *n = 2;
        return ((gunichar)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && left >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *n = 4;
        return ((gunichar)(s[0] & 0x07) << 18) | ((gunichar)(s[1] & 0x3F) << 12) |
               ((gunichar)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *n = 1;
    return 0xFFFD;
}

/* Decode the character at i (< len). Invalid or truncated bytes read as one U+FFFD byte.
 * Small enough to inline: it runs several times at every number. */
static inline gunichar cp_at(const Ctx *c, gsize i, gsize *n)
{
    const guchar *s = (const guchar *)c->t + i;
    gsize left = c->len - i;
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if ((s[0] & 0xF0) == 0xE0 && left >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *n = 3;
        return ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    return cp_at_rare(s, left, n);
}

/* memcmp(a, b, n) == 0 for the few bytes of a word: a loop costs less than memcmp's call */
static gboolean same_bytes(const char *a, const char *b, gsize n)
{
    for (gsize k = 0; k < n; k++)
        if (a[k] != b[k])
            return FALSE;
    return TRUE;
}

static gboolean at_lit(const Ctx *c, gsize i, const char *lit, gsize n)
{
    /* the first byte first: most calls fail there, and memcmp's call costs more */
    return i <= c->len && n <= c->len - i && (n == 0 || c->t[i] == lit[0]) &&
           memcmp(c->t + i, lit, n) == 0;
}
#define AT(c, i, lit) at_lit((c), (i), (lit), sizeof(lit) - 1)

/* Does `lit` end exactly at i, no earlier than `floor`? */
static gboolean before_lit(const Ctx *c, gsize i, gsize floor, const char *lit, gsize n)
{
    /* the last byte first: it tells most words apart (most start with the same lead byte) */
    return i >= floor + n && (n == 0 || c->t[i - 1] == lit[n - 1]) &&
           same_bytes(c->t + i - n, lit, n);
}

/* Is the character ending at i (a 3-byte CJK character) one of those in `set`? */
static gboolean prev_char_in(const Ctx *c, gsize i, const char *set)
{
    if (i < 3)
        return FALSE;
    for (const char *s = set; *s; s = g_utf8_next_char(s)) {
        gsize n = (gsize)(g_utf8_next_char(s) - s);
        if (n <= i && same_bytes(c->t + i - n, s, n))
            return TRUE;
    }
    return FALSE;
}

static gboolean is_digit_at(const Ctx *c, gsize i)
{
    return i < c->len && g_ascii_isdigit(c->t[i]);
}

static gsize skip_spaces(const Ctx *c, gsize i)
{
    while (i < c->len && c->t[i] == ' ')
        i++;
    return i;
}

/* ---- Chinese numerals ---- */

static int cn_digit(gunichar cp)
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
static guint64 cn_small(gunichar cp)
{
    return cp == CP_SHI ? 10 : cp == CP_BAI ? 100 : cp == CP_QIAN ? 1000 : 0;
}

/* 万 亿 → 4 8; 0 otherwise */
static int cn_big(gunichar cp)
{
    return (cp == CP_WAN || cp == CP_WAN2) ? 4 : (cp == CP_YIS || cp == CP_YIS2) ? 8 : 0;
}

static gboolean cn_numeral(gunichar cp)
{
    return cn_digit(cp) >= 0 || cn_small(cp) || cn_big(cp);
}

/* ---- units ---- */

typedef enum {
    U_PLAIN,    /* a unit: the value stays */
    U_TENTH,    /* 成: tenths, reported as % (三成 → 30 %) */
    U_PERMILLE, /* ‰: reported as % (5‰ → 0.5 %) */
    /* not a quantity when a number is followed by one of these */
    U_DATE,
    U_TIME,
    U_DURATION,
    U_CLASS,
    U_WORD,
} UnitKind;

typedef struct {
    const char *text;
    guint8 len;
    guint8 kind;
    const char *canon; /* spelling reported, NULL = as written */
} UnitDef;

#define UD(s, k, canon) {s, sizeof(s) - 1, k, canon}
#define UP(s) UD(s, U_PLAIN, NULL)

/* The longest match wins, so 个百分点 beats 个, 千瓦时 beats 千瓦, 人次 beats 人, 成为 (a word)
 * beats 成. Units starting with 百/千 (百分点, 千瓦, 千米 …) are tried before 百/千 is taken
 * as a magnitude: 5千瓦 is 5 kW, 1千万 is 10^7. */
static const UnitDef UNITS[] = {
    /* money */
    UP("元"), UP("美元"), UP("欧元"), UP("港元"), UP("日元"), UP("英镑"), UP("韩元"),
    UP("澳元"), UP("加元"), UP("卢布"), UP("港币"), UD("人民币", U_PLAIN, "元"),
    UD("元人民币", U_PLAIN, "元"),
    /* counts */
    UP("家"), UP("个"), UP("项"), UP("款"), UP("台"), UP("套"), UP("台（套）"),
    UD("台(套)", U_PLAIN, "台（套）"), UP("台套"), UP("辆"), UP("辆次"), UP("人"), UP("人次"),
    UP("名"), UP("位"), UP("张"), UP("座"), UP("条"), UP("户"), UP("件"), UP("部"),
    UP("部委"), UP("部门"), UP("所"), UP("种"), UP("篇"), UP("头"), UP("只"), UP("份"),
    UP("次"), UP("艘"), UP("架"), UP("架次"), UP("颗"), UP("块"), UP("片"), UP("枚"),
    UP("支"), UP("根"), UP("株"), UP("棵"), UP("批次"), UP("例"), UP("宗"), UP("笔"),
    UP("栋"), UP("幢"), UP("处"), UP("标准箱"), UP("标准机架"), UP("机架"), UP("起"),
    /* area, length, volume, mass, energy, power */
    UP("亩"), UP("公顷"), UP("平方米"), UP("平米"), UP("平方公里"), UP("立方米"),
    UP("公里"), UP("千米"), UP("米"), UP("厘米"), UP("毫米"), UP("微米"), UP("纳米"),
    UP("吨"), UP("千克"), UP("公斤"), UP("克"), UP("斤"), UP("桶"), UP("千瓦"),
    UP("千瓦时"), UP("兆瓦"), UP("兆瓦时"), UP("吉瓦"), UP("瓦"), UP("千伏"), UP("伏"),
    UP("千伏安"),
    /* ratios */
    UP("%"), UD("‰", U_PERMILLE, "%"), UP("个百分点"), UD("百分点", U_PLAIN, "个百分点"),
    UP("倍"), UD("成", U_TENTH, "%"),
    /* dates, times, labels */
    UD("年", U_DATE, NULL), UD("月", U_DATE, NULL), UD("日", U_DATE, NULL),
    UD("号", U_DATE, NULL), UD("号线", U_DATE, NULL), UD("世纪", U_DATE, NULL),
    UD("季度", U_DATE, NULL), UD("个季度", U_DATE, NULL), UD("楼", U_DATE, NULL),
    UD("路", U_DATE, NULL), UD("后", U_DATE, NULL), UD("时", U_TIME, NULL),
    UD("点", U_TIME, NULL), UD("分", U_TIME, NULL), UD("秒", U_TIME, NULL),
    /* durations */
    UD("天", U_DURATION, NULL), UD("周", U_DURATION, NULL), UD("小时", U_DURATION, NULL),
    UD("分钟", U_DURATION, NULL), UD("个月", U_DURATION, NULL), UD("岁", U_DURATION, NULL),
    UD("周岁", U_DURATION, NULL), UD("个小时", U_DURATION, NULL),
    UD("个工作日", U_DURATION, NULL),
    /* classes and editions */
    UD("级", U_CLASS, NULL), UD("代", U_CLASS, NULL), UD("届", U_CLASS, NULL),
    UD("期", U_CLASS, NULL), UD("版", U_CLASS, NULL), UD("维", U_CLASS, NULL),
    UD("星", U_CLASS, NULL), UD("环", U_CLASS, NULL), UD("强", U_CLASS, NULL),
    /* words that begin with a unit character: a number before them is not a quantity */
    UD("元素", U_WORD, NULL), UD("元件", U_WORD, NULL), UD("元旦", U_WORD, NULL),
    UD("元锂", U_WORD, NULL), UD("元材料", U_WORD, NULL), UD("元前驱", U_WORD, NULL),
    UD("元电池", U_WORD, NULL), UD("元正极", U_WORD, NULL), UD("元化", U_WORD, NULL),
    UD("元宇宙", U_WORD, NULL), UD("元结构", U_WORD, NULL), UD("元一次", U_WORD, NULL),
    UD("成为", U_WORD, NULL), UD("成本", U_WORD, NULL), UD("成员", U_WORD, NULL),
    UD("成果", U_WORD, NULL), UD("成交", U_WORD, NULL), UD("成效", U_WORD, NULL),
    UD("成立", U_WORD, NULL), UD("成都", U_WORD, NULL), UD("成熟", U_WORD, NULL),
    UD("成长", U_WORD, NULL), UD("成功", U_WORD, NULL), UD("成品", U_WORD, NULL),
    UD("成不变", U_WORD, NULL), UD("成群", U_WORD, NULL), UD("部分", U_WORD, NULL),
    UD("部署", U_WORD, NULL), UD("部长", U_WORD, NULL), UD("所有", U_WORD, NULL),
    UD("所以", U_WORD, NULL), UD("头部", U_WORD, NULL), UD("次日", U_WORD, NULL),
    UD("次方", U_WORD, NULL), UD("位一体", U_WORD, NULL), UD("位于", U_WORD, NULL),
    UD("位列", U_WORD, NULL), UD("位居", U_WORD, NULL), UD("位数", U_WORD, NULL),
    UD("位置", U_WORD, NULL), UD("支持", U_WORD, NULL), UD("支撑", U_WORD, NULL),
    UD("支付", U_WORD, NULL), UD("支出", U_WORD, NULL), UD("支柱", U_WORD, NULL),
    UD("条例", U_WORD, NULL), UD("条件", U_WORD, NULL), UD("户外", U_WORD, NULL),
    UD("只有", U_WORD, NULL), UD("只要", U_WORD, NULL), UD("片区", U_WORD, NULL),
    UD("克服", U_WORD, NULL), UD("米兰", U_WORD, NULL), UD("个性", U_WORD, NULL),
    UD("个别", U_WORD, NULL), UD("个体", U_WORD, NULL), UD("种植", U_WORD, NULL),
    UD("家庭", U_WORD, NULL), UD("台阶", U_WORD, NULL), UD("处于", U_WORD, NULL),
    UD("起来", U_WORD, NULL), UD("起步", U_WORD, NULL), UD("起点", U_WORD, NULL),
    UD("起草", U_WORD, NULL), UD("起飞", U_WORD, NULL),
    /* slogans: 三个代表, 两个确立, 四个全面 count nothing */
    UD("个代表", U_WORD, NULL), UD("个确立", U_WORD, NULL), UD("个维护", U_WORD, NULL),
    UD("个全面", U_WORD, NULL), UD("个自信", U_WORD, NULL), UD("个务必", U_WORD, NULL),
    UD("个意识", U_WORD, NULL), UD("个一百年", U_WORD, NULL),
    UD("处理", U_WORD, NULL), UD("名单", U_WORD, NULL), UD("件事", U_WORD, NULL),
};

/* Time units that may follow a '/' in a rate: 万吨/年, 公里/小时 */
static const char *const PER_TIME[] = {"年", "月", "日", "天", "小时", "秒", "周", "季度"};

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
    guint16 items[G_N_ELEMENTS(UNITS)];
} UnitIndex;

static guint8 unit_canon_len[G_N_ELEMENTS(UNITS)]; /* strlen of canon, or of text without one */
static UnitIndex unit_short;          /* one character, by unit_hash */
static UnitIndex unit_long;           /* two characters or more, by unit_hash2 */
static guint8 unit_long_first[UNIT_BUCKETS]; /* some long unit begins with unit_hash h */

static guint unit_hash(const guchar *s, gsize avail)
{
    if (s[0] >= 0xE0 && avail >= 3)
        return (s[0] * 31u + s[1] * 7u + s[2]) % UNIT_BUCKETS;
    return s[0];
}

static gsize unit_char_len(const guchar *s, gsize avail)
{
    return s[0] >= 0xE0 && avail >= 3 ? 3 : 1;
}

/* unit_hash of the first two characters; the caller knows avail > k1 = unit_char_len(s). */
static guint unit_hash2(guint h1, const guchar *s, gsize k1, gsize avail)
{
    return (h1 * 131u + unit_hash(s + k1, avail - k1)) % UNIT2_BUCKETS;
}

/* The bucket of UNITS[k] in `ix`, or -1 when it belongs to the other index. */
static int unit_bucket_of(gsize k, gboolean long_units)
{
    const guchar *t = (const guchar *)UNITS[k].text;
    gsize len = UNITS[k].len, k1 = unit_char_len(t, len);
    guint h1 = unit_hash(t, len);
    if ((len > k1) != long_units)
        return -1;
    return (int)(long_units ? unit_hash2(h1, t, k1, len) : h1);
}

static void build_one_unit_index(UnitIndex *ix, gboolean long_units, guint nb)
{
    guint count[UNIT2_BUCKETS + 1] = {0};
    for (gsize k = 0; k < G_N_ELEMENTS(UNITS); k++) {
        int b = unit_bucket_of(k, long_units);
        if (b >= 0)
            count[b]++;
    }
    guint at = 0;
    for (guint b = 0; b < nb; b++) {
        ix->start[b] = (guint16)at;
        at += count[b];
        count[b] = ix->start[b];
    }
    ix->start[nb] = (guint16)at;
    for (gsize k = 0; k < G_N_ELEMENTS(UNITS); k++) {
        int b = unit_bucket_of(k, long_units);
        if (b >= 0)
            ix->items[count[b]++] = (guint16)k;
    }
    /* longest first in each bucket, so the first match is the longest (insertion sort, stable) */
    for (guint b = 0; b < nb; b++) {
        for (guint k = ix->start[b] + 1u; k < ix->start[b + 1]; k++) {
            guint16 item = ix->items[k];
            guint j = k;
            for (; j > ix->start[b] && UNITS[ix->items[j - 1]].len < UNITS[item].len; j--)
                ix->items[j] = ix->items[j - 1];
            ix->items[j] = item;
        }
    }
}

static void build_unit_index(void)
{
    for (gsize k = 0; k < G_N_ELEMENTS(UNITS); k++)
        unit_canon_len[k] = (guint8)(UNITS[k].canon ? strlen(UNITS[k].canon) : UNITS[k].len);
    build_one_unit_index(&unit_short, FALSE, UNIT_BUCKETS);
    build_one_unit_index(&unit_long, TRUE, UNIT2_BUCKETS);
    /* skip_date_digits() knows these by heart: 年 月 日 are dates, and 日元 the one unit
     * that begins like them */
    for (gsize k = 0; k < G_N_ELEMENTS(UNITS); k++)
        if (strncmp(UNITS[k].text, "年", 3) == 0 || strncmp(UNITS[k].text, "月", 3) == 0 ||
            strncmp(UNITS[k].text, "日", 3) == 0)
            g_assert(strcmp(UNITS[k].text, "日元") == 0 ||
                     (UNITS[k].len == 3 && UNITS[k].kind == U_DATE));
    for (gsize k = 0; k < G_N_ELEMENTS(UNITS); k++)
        if (unit_bucket_of(k, TRUE) >= 0)
            unit_long_first[unit_hash((const guchar *)UNITS[k].text, UNITS[k].len)] = 1;
}

/* The first entry of bucket b of `ix` written at s (avail bytes), or NULL. */
static G_ALWAYS_INLINE inline const UnitDef *unit_in_bucket(const UnitIndex *ix, guint b, const char *s, gsize avail)
{
    for (guint k = ix->start[b]; k < ix->start[b + 1]; k++) {
        const UnitDef *u = &UNITS[ix->items[k]];
        /* the last byte first: it tells most apart */
        if (u->len <= avail && s[u->len - 1] == u->text[u->len - 1] &&
            same_bytes(s, u->text, u->len))
            return u;
    }
    return NULL;
}

/* Longest unit (or not-a-quantity word) starting at i; 0 and *out = NULL when none. */
static gsize unit_at(const Ctx *c, gsize i, const UnitDef **out)
{
    *out = NULL;
    if (i >= c->len)
        return 0;
    gsize avail = c->len - i;
    const char *s = c->t + i;
    const guchar *us = (const guchar *)s;
    guint h = unit_hash(us, avail);
    const UnitDef *u = NULL;
    if (unit_long_first[h]) {
        gsize k1 = unit_char_len(us, avail);
        if (avail > k1)
            u = unit_in_bucket(&unit_long, unit_hash2(h, us, k1, avail), s, avail);
    }
    if (!u)
        u = unit_in_bucket(&unit_short, h, s, avail);
    if (!u)
        return 0;
    *out = u;
    return u->len;
}

/* A real unit (not a word) starts at i: stops 千 of 千瓦 and 百 of 百分点 being a magnitude. */
static gboolean unit_starts_at(const Ctx *c, gsize i)
{
    const UnitDef *u;
    return unit_at(c, i, &u) > 0 && u->kind <= U_PERMILLE;
}

/* ---- hedge words ---- */

typedef struct {
    const char *text;
    guint8 len;
    guint8 bound;
} QualDef;

#define QD(s, b) {s, sizeof(s) - 1, b}

/* Longest first, so 不超过 is found before 超过 and 超. */
static const QualDef PREFIX_QUALS[] = {
    QD("不超过", JB_BOUND_AT_MOST),  QD("不少于", JB_BOUND_AT_LEAST),
    QD("不低于", JB_BOUND_AT_LEAST), QD("不高于", JB_BOUND_AT_MOST),
    QD("不多于", JB_BOUND_AT_MOST),  QD("不大于", JB_BOUND_AT_MOST),
    QD("不小于", JB_BOUND_AT_LEAST), QD("将近", JB_BOUND_AT_MOST),
    QD("接近", JB_BOUND_AT_MOST),    QD("超过", JB_BOUND_AT_LEAST),
    QD("突破", JB_BOUND_AT_LEAST),   QD("高于", JB_BOUND_AT_LEAST),
    QD("大于", JB_BOUND_AT_LEAST),   QD("多于", JB_BOUND_AT_LEAST),
    QD("至少", JB_BOUND_AT_LEAST),   QD("最少", JB_BOUND_AT_LEAST),
    QD("最低", JB_BOUND_AT_LEAST),   QD("不足", JB_BOUND_AT_MOST),
    QD("不到", JB_BOUND_AT_MOST),    QD("最高", JB_BOUND_AT_MOST),
    QD("最多", JB_BOUND_AT_MOST),    QD("至多", JB_BOUND_AT_MOST),
    QD("小于", JB_BOUND_AT_MOST),    QD("低于", JB_BOUND_AT_MOST),
    QD("少于", JB_BOUND_AT_MOST),    QD("大约", JB_BOUND_ABOUT),
    QD("大概", JB_BOUND_ABOUT),      QD("约为", JB_BOUND_ABOUT),
    QD("约合", JB_BOUND_ABOUT),      QD("超", JB_BOUND_AT_LEAST),
    QD("逾", JB_BOUND_AT_LEAST),     QD("近", JB_BOUND_AT_MOST),
    QD("约", JB_BOUND_ABOUT),        QD("过", JB_BOUND_AT_LEAST),
};

/* look_back runs at every number, and trying each prefix hedge there in turn was a third of
 * the scanner's time. Bit i of prefix_by_last[b] says PREFIX_QUALS[i] ends in byte b, so a
 * number with no hedge before it costs one table look-up; the bits keep the table's order. */
G_STATIC_ASSERT(G_N_ELEMENTS(PREFIX_QUALS) <= 64);
static guint64 prefix_by_last[256];
/* and bit i of prefix_by_first[h]: PREFIX_QUALS[i] begins with a character of unit_hash h */
static guint64 prefix_by_first[UNIT_BUCKETS];

static const QualDef SUFFIX_QUALS[] = {
    QD("以上", JB_BOUND_AT_LEAST), QD("以下", JB_BOUND_AT_MOST), QD("以内", JB_BOUND_AT_MOST),
    QD("左右", JB_BOUND_ABOUT),    QD("上下", JB_BOUND_ABOUT),   QD("前后", JB_BOUND_ABOUT),
    QD("有余", JB_BOUND_AT_LEAST),
};

/* Likewise after the number: bit i of suffix_by_hash[h] says SUFFIX_QUALS[i] begins with a
 * character of unit_hash h. */
G_STATIC_ASSERT(G_N_ELEMENTS(SUFFIX_QUALS) <= 8);
static guint8 suffix_by_hash[UNIT_BUCKETS];

static void build_qual_index(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(PREFIX_QUALS); i++) {
        const QualDef *q = &PREFIX_QUALS[i];
        prefix_by_last[(guchar)q->text[q->len - 1]] |= G_GUINT64_CONSTANT(1) << i;
        prefix_by_first[unit_hash((const guchar *)q->text, q->len)] |= G_GUINT64_CONSTANT(1) << i;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(SUFFIX_QUALS); i++) {
        const QualDef *q = &SUFFIX_QUALS[i];
        suffix_by_hash[unit_hash((const guchar *)q->text, q->len)] |= (guint8)(1u << i);
    }
}

/* 十 百 千 万 亿 at i: a magnitude with no digit before it (百余项, 近千亿, 上万) */
static gboolean bare_magnitude(gunichar cp)
{
    return cp == CP_SHI || cp == CP_BAI || cp == CP_QIAN || cn_big(cp);
}

static gboolean bare_magnitude_at(const Ctx *c, gsize i)
{
    if (i >= c->len)
        return FALSE;
    gsize n;
    return bare_magnitude(cp_at(c, i, &n));
}

/* A single-character hedge that is really the end of a longer word: 最近 附近 (recently,
 * nearby), 节约 签约 (save, sign), 赶超 (catch up), 通过 经过 (through). `at` is where the
 * hedge word starts, `num` where the numeral starts. */
static gboolean qual_blocked(const Ctx *c, const QualDef *q, gsize at, gsize num)
{
    if (q->len != 3)
        return FALSE;
    if (AT(c, at, "近"))
        return prev_char_in(c, at, "最附邻靠贴亲就");
    if (AT(c, at, "约"))
        return prev_char_in(c, at, "节制签预公契条相合违婚特邀履隐");
    if (AT(c, at, "超"))
        return prev_char_in(c, at, "赶");
    if (AT(c, at, "过")) {
        /* only 过百 过千 过万 过亿 过半: "过1000家" is rare, "通过30项" is common */
        gsize n;
        if (num >= c->len)
            return TRUE;
        gunichar cp = cp_at(c, num, &n);
        if (!(cp == CP_BAN || (bare_magnitude_at(c, num) && cp != CP_SHI)))
            return TRUE;
        return prev_char_in(c, at, "通经不越跨度错路滤难胜闯穿放超");
    }
    return FALSE;
}

/* The first prefix hedge (in table order) that ends exactly at k, not before c->lo and not
 * blocked as part of a longer word; NULL when none. `num` is where the numeral starts. */
static const QualDef *prefix_qual_before(const Ctx *c, gsize k, gsize num)
{
    if (k == 0)
        return NULL;
    for (guint64 bits = prefix_by_last[(guchar)c->t[k - 1]]; bits; bits &= bits - 1) {
        const QualDef *q = &PREFIX_QUALS[__builtin_ctzll(bits)];
        if (before_lit(c, k, c->lo, q->text, q->len) && !qual_blocked(c, q, k - q->len, num))
            return q;
    }
    return NULL;
}

/* ==================================================================================== */
/* Reading one member: numeral, 多/余, magnitude, unit                                  */
/* ==================================================================================== */

typedef struct {
    gsize start;           /* first byte of the numeral */
    gsize end;             /* after the unit, or after the numeral/magnitude without one */
    gsize tok_end;         /* after the numeral itself: where a failed scan resumes */
    JbDecimal value;       /* magnitude applied, unit conversion (成, ‰) not yet */
    int tail_pow;          /* power of ten of a trailing 万/亿 (shared by lists and ranges) */
    gboolean has_mag;      /* any magnitude: 千 万 亿 after digits, or 十百千万亿 in a numeral */
    gboolean big_mag;      /* 万 or 亿 */
    gboolean arabic;
    gboolean chinese;
    gboolean is_int;       /* Arabic integer without magnitude: may be a fraction's part */
    gboolean bare_start;   /* a Chinese numeral starting with 百/千/万/亿 (not 十) */
    gboolean digit_char;   /* a Chinese numeral with a digit character (一 … 九) */
    gboolean lone;         /* a single Chinese digit and nothing else: 一 零 */
    int mag_chars;         /* 百 千 万 亿 characters */
    gboolean fixed_unit;   /* 百分之, X分之Y, 一半, 翻倍: the unit came with the numeral */
    gboolean rounded;      /* a fraction rounded to two decimals */
    gboolean has_unit;
    UnitKind ukind;
    gsize infix_at, infix_len; /* 多 余 几 */
    int tail_stage;        /* read_tail's progress, so 2万多亿 can go on after 多 */
    gsize unit_len;
    char unit[48];         /* last: member_clear() clears only its first byte */
} Member;

/* A Member as if zeroed. The unit is a string and read only up to its NUL, so its other 47
 * bytes are not cleared: this runs two or three times at every number. */
static inline void member_clear(Member *m)
{
    memset(m, 0, offsetof(Member, unit));
    m->unit[0] = '\0';
}

/* The unit is exactly `lit` (a literal) */
#define UNIT_IS(x, lit) ((x)->unit_len == sizeof(lit) - 1 && same_bytes((x)->unit, lit, sizeof(lit) - 1))

static gboolean add_u64(guint64 *acc, guint64 v)
{
    return g_uint64_checked_add(acc, *acc, v);
}

static gboolean mul_u64(guint64 *acc, guint64 v)
{
    return g_uint64_checked_mul(acc, *acc, v);
}

/* Arabic digits with thousands separators and a decimal point. The number ends at i on
 * return (also when it fails, so the scanner can skip it whole). */
static Reason read_arabic(const Ctx *c, gsize p, JbDecimal *out, gsize *end)
{
    const char *t = c->t;
    gsize q = p;
    guint64 mant = 0;
    int ndig = 0, frac = 0, group = 0;
    gboolean point = FALSE, had_sep = FALSE;
    Reason r = WHY_OK;
    if (t[q] == '0' && is_digit_at(c, q + 1))
        r = WHY_ID; /* 0431: area codes, ids and zero-padded dates, never a count */
    for (; q < c->len; q++) {
        char ch = t[q];
        if (ch >= '0' && ch <= '9') {
            ndig++;
            group++;
            if (point)
                frac++;
            if (ndig <= DEC_MAX_DIGITS)
                mant = mant * 10 + (guint64)(ch - '0');
        } else if (ch == ',' && !point && group >= 1 && group <= 3 && (!had_sep || group == 3) &&
                   is_digit_at(c, q + 1) && is_digit_at(c, q + 2) && is_digit_at(c, q + 3) &&
                   !is_digit_at(c, q + 4)) {
            had_sep = TRUE; /* 1,435 — a comma before exactly three digits */
            group = 0;
        } else if (ch == '.' && !point && is_digit_at(c, q + 1)) {
            point = TRUE;
        } else {
            break;
        }
    }
    if (q < c->len && (t[q] == '.' || t[q] == ':') && is_digit_at(c, q + 1)) {
        /* 1.2.3 (a version) or 09:28 / 1:3 (a time or a ratio): skip all of it */
        Reason why = t[q] == ':' ? WHY_TIME : WHY_ID;
        while (q < c->len && (g_ascii_isdigit(t[q]) || t[q] == '.' || t[q] == ':'))
            q++;
        *end = q;
        return why == WHY_TIME ? why : r ? r : why;
    }
    *end = q;
    if (ndig > DEC_MAX_DIGITS)
        return WHY_DIGITS;
    if (r)
        return r;
    out->mant = (gint64)mant;
    out->exp10 = -frac;
    return WHY_OK;
}

typedef struct {
    JbDecimal value;
    gsize end;
    gboolean overflow, positional, bare_start, digit_char, decimal, has_unit_char, big;
    int nchars, mag_chars, tail_pow;
} CnNum;

/* A Chinese numeral: 三千, 一百二十万, 一万五千亿, 二十万亿, 两千, 〇, 十五, 五点九, 一万五
 * (= 15000: a digit right after a unit is the next lower place). Consumes every numeral
 * character even when it fails, so a scanner skips 十五五 or 二〇二五 whole. */
static void read_cn(const Ctx *c, gsize p, CnNum *r)
{
    guint64 total = 0, section = 0, last_unit = 0;
    int digit = -1; /* a digit not yet taken by a unit */
    gboolean prev_unit = FALSE, digit_after_unit = FALSE, digit_seen = FALSE;
    gboolean unit_had_digit = FALSE; /* the last unit had a digit somewhere before it */
    gsize q = p;
    memset(r, 0, sizeof *r);
    while (q < c->len) {
        gsize n;
        gunichar cp = cp_at(c, q, &n);
        int d = cn_digit(cp);
        if (d >= 0) {
            /* 二〇二五, 十五五: a digit after a digit is a year or a name, not a number;
             * 一千零五 is fine (the zero is a placeholder) */
            if (digit > 0 || (digit == 0 && d == 0))
                r->positional = TRUE;
            digit_after_unit = prev_unit;
            digit = d;
            digit_seen = TRUE;
            r->digit_char = TRUE;
            prev_unit = FALSE;
            r->tail_pow = 0;
        } else {
            guint64 u = cn_small(cp);
            int big = cn_big(cp);
            if (!u && !big)
                break;
            if (unit_starts_at(c, q))
                break; /* 五千瓦 is 5 千瓦, 三百分点 is 3 个百分点 */
            if (r->nchars == 0)
                r->bare_start = u != 10;
            r->has_unit_char = TRUE;
            if (u >= 100 || big)
                r->mag_chars++;
            if (u) {
                guint64 k = digit > 0 ? (guint64)digit : 1;
                if (!mul_u64(&k, u) || !add_u64(&section, k))
                    r->overflow = TRUE;
                last_unit = u;
                r->tail_pow = 0;
            } else {
                r->big = TRUE;
                if (digit > 0 && !add_u64(&section, (guint64)digit))
                    r->overflow = TRUE;
                if (big == 4) {
                    if (section == 0)
                        section = 1; /* 万余, 近万 */
                    if (!mul_u64(&section, 10000))
                        r->overflow = TRUE;
                    last_unit = 10000;
                } else {
                    /* 亿 scales everything before it: 一万五千亿 = 15000 × 10^8 */
                    guint64 s = total;
                    if (!add_u64(&s, section))
                        r->overflow = TRUE;
                    if (s == 0)
                        s = 1;
                    if (!mul_u64(&s, 100000000))
                        r->overflow = TRUE;
                    total = s;
                    section = 0;
                    last_unit = 100000000;
                }
                r->tail_pow += big;
            }
            digit = -1;
            prev_unit = TRUE;
            unit_had_digit = digit_seen;
        }
        r->nchars++;
        q += n;
    }
    if (digit > 0) {
        guint64 k = (guint64)digit;
        if (digit_after_unit && last_unit >= 100 && !unit_had_digit)
            r->positional = TRUE; /* 万一, 千万一: a word, not 11000 */
        else if (digit_after_unit && last_unit >= 100)
            k *= last_unit / 10; /* 一万五 = 15000, 三千五 = 3500 */
        if (!add_u64(&section, k))
            r->overflow = TRUE;
    }
    guint64 v = total;
    if (!add_u64(&v, section) || v > (guint64)G_MAXINT64)
        r->overflow = TRUE;
    r->value = (JbDecimal){r->overflow ? 0 : (gint64)v, 0};
    /* 五点九, 一点五七: 点 followed by digits (不 两) */
    if (r->nchars > 0 && !r->positional && AT(c, q, "点") && q + 3 < c->len) {
        gsize k = q + 3, n;
        guint64 frac = 0;
        int nfrac = 0;
        while (k < c->len) {
            gunichar cp = cp_at(c, k, &n);
            int d = cn_digit(cp);
            if (d < 0 || cp == 0x4E24 || cp == 0x5169)
                break;
            if (nfrac < DEC_MAX_DIGITS)
                frac = frac * 10 + (guint64)d;
            nfrac++;
            k += n;
        }
        if (nfrac > 0) {
            guint64 m = r->overflow ? 0 : v;
            if (nfrac + digits_u64(m) > DEC_MAX_DIGITS || !mul_u64(&m, POW10[nfrac]) ||
                !add_u64(&m, frac) || m > (guint64)G_MAXINT64)
                r->overflow = TRUE;
            else
                r->value = (JbDecimal){(gint64)m, -nfrac};
            r->decimal = TRUE;
            r->tail_pow = 0;
            q = k;
        }
    }
    r->end = q;
}

/* value × 100 / den as a percentage. Exact when the fraction ends; otherwise rounded half-up
 * to two decimals and *rounded set. FALSE when it does not fit. */
static gboolean percent_of(JbDecimal num, guint64 den, JbDecimal *out, gboolean *rounded)
{
    num = jb_decimal_normalize(num);
    *rounded = FALSE;
    if (den == 0 || den > 1000000 || num.mant < 0)
        return FALSE;
    if (num.mant == 0) {
        *out = num;
        return TRUE;
    }
    guint64 m = (guint64)num.mant, a = m, b = den;
    while (b) { /* reduce: 3/6 ends even though 6 has a 3 */
        guint64 t = a % b;
        a = b;
        b = t;
    }
    m /= a;
    den /= a;
    gint64 exp = (gint64)num.exp10 + 2;
    guint64 d = den;
    int twos = 0, fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        twos++;
    }
    while (d % 5 == 0) {
        d /= 5;
        fives++;
    }
    if (d == 1) {
        int k = MAX(twos, fives); /* den divides 10^k; k ≤ 19 since den ≤ 10^6 */
        if (!mul_u64(&m, POW10[k] / den) || m > (guint64)G_MAXINT64)
            return FALSE;
        *out = jb_decimal_normalize((JbDecimal){(gint64)m, (gint)(exp - k)});
        return TRUE;
    }
    /* round(m × 10^(exp+2) / den) × 10^-2 */
    gint64 s = exp + 2;
    if (s > 19 || s < -12)
        return FALSE;
    if (s >= 0) {
        if (!mul_u64(&m, POW10[s]))
            return FALSE;
    } else if (!mul_u64(&den, POW10[-s])) {
        return FALSE;
    }
    guint64 q = m / den, rem = m % den;
    if (rem >= den - rem)
        q++;
    if (q > (guint64)G_MAXINT64)
        return FALSE;
    *out = jb_decimal_normalize((JbDecimal){(gint64)q, -2});
    *rounded = TRUE;
    return TRUE;
}

static void set_unit(Member *m, UnitKind kind, const char *text, gsize len)
{
    m->has_unit = TRUE;
    m->ukind = kind;
    len = MIN(len, sizeof m->unit - 1);
    memcpy(m->unit, text, len);
    m->unit[len] = '\0';
    m->unit_len = len;
}

/* The numerator of a fraction: Arabic or Chinese, with decimals (百分之五点九, 百分之百). */
static Reason read_plain_number(const Ctx *c, gsize p, JbDecimal *out, gsize *end)
{
    *end = p;
    if (is_digit_at(c, p))
        return read_arabic(c, p, out, end);
    gsize n;
    if (p >= c->len || !cn_numeral(cp_at(c, p, &n)))
        return WHY_NONE;
    CnNum cn;
    read_cn(c, p, &cn);
    *end = cn.end;
    if (cn.overflow)
        return WHY_DIGITS;
    if (cn.positional)
        return WHY_WORD;
    *out = cn.value;
    return WHY_OK;
}

/* 分之 after a denominator already read: X分之Y → Y/X as a percentage. */
static Reason read_fraction_tail(const Ctx *c, JbDecimal den, gsize q, Member *m)
{
    JbDecimal num;
    gsize end;
    den = jb_decimal_normalize(den);
    Reason r = read_plain_number(c, q, &num, &end);
    m->tok_end = MAX(m->tok_end, end);
    if (r)
        return r == WHY_NONE ? WHY_EXTRA : r;
    guint64 d = (guint64)den.mant;
    if (den.mant <= 0 || den.exp10 < 0 || den.exp10 > 6 || !mul_u64(&d, POW10[den.exp10]) ||
        !percent_of(num, d, &m->value, &m->rounded))
        return WHY_DIGITS;
    m->fixed_unit = TRUE;
    set_unit(m, U_PLAIN, "%", 1);
    m->end = m->tok_end = end;
    return WHY_OK;
}

/* 多 余 几 between the numeral and the unit (1700多项, 4000余亿, 十几万) */
static gsize read_infix(const Ctx *c, gsize q, Member *m)
{
    if (m->infix_len == 0 && (AT(c, q, "多") || AT(c, q, "余") || AT(c, q, "几"))) {
        m->infix_at = q;
        m->infix_len = 3;
        return q + 3;
    }
    return q;
}

/* 千 百 万 亿 after digits, in that order at most once each (3千, 1千万, 1.2万亿, 600亿). */
static gsize read_tail(const Ctx *c, gsize q, Member *m)
{
    int stage = m->tail_stage; /* 0: 百/千 allowed, 1: 万, 2: 亿, 3: done */
    while (q < c->len) {
        gsize n;
        gunichar cp = cp_at(c, q, &n);
        int pw, st;
        if (cp == CP_BAI) {
            pw = 2;
            st = 0;
        } else if (cp == CP_QIAN) {
            pw = 3;
            st = 0;
        } else if (cn_big(cp)) {
            pw = cn_big(cp);
            st = pw == 4 ? 1 : 2;
        } else {
            break;
        }
        if (st < stage || unit_starts_at(c, q) || AT(c, q + n, "分之"))
            break;
        m->value.exp10 += pw;
        m->tail_pow += pw;
        m->has_mag = TRUE;
        m->mag_chars++;
        if (pw >= 4)
            m->big_mag = TRUE;
        stage = st + 1;
        q += n;
    }
    m->tail_stage = stage;
    return q;
}

/* 翻倍 翻番 翻一番 翻了两番 → 2 or 4 … 倍 */
static Reason read_fan(const Ctx *c, gsize p, Member *m)
{
    gsize q = p + 3;
    gint64 v = 0;
    if (AT(c, q, "了"))
        q += 3;
    if (AT(c, q, "倍") || AT(c, q, "番")) {
        v = 2;
        q += 3;
    } else if (q < c->len) {
        gsize n;
        int d = cn_digit(cp_at(c, q, &n));
        if (d >= 1 && d <= 4 && AT(c, q + n, "番")) {
            v = (gint64)1 << d;
            q += n + 3;
        }
    }
    m->tok_end = q;
    if (v == 0)
        return WHY_NONE;
    m->value = (JbDecimal){v, 0};
    m->chinese = m->digit_char = m->fixed_unit = TRUE;
    set_unit(m, U_PLAIN, "倍", strlen("倍"));
    m->end = q;
    return WHY_OK;
}

/* Words that make 半 something other than a half: 半年 半导体 半岛 半径 半天 */
static gboolean ban_is_word(const Ctx *c, gsize after)
{
    static const char *const words[] = {"年", "导", "岛", "径", "天", "月", "日", "小时", "个",
                                        "场", "价", "决"};
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
        if (at_lit(c, after, words[i], strlen(words[i])))
            return TRUE;
    return FALSE;
}

/* One number with its own unit, starting exactly at p. `hedged`: a hedge word stands
 * before it (a bare 半 or 百 means something only then: 过半, 近千亿). */
static Reason read_member(Ctx *c, gsize p, gboolean hedged, Member *m)
{
    member_clear(m);
    m->start = p;
    m->tok_end = p + 1;
    if (p >= c->len)
        return WHY_NONE;
    gsize n, q;
    gunichar cp = cp_at(c, p, &n);
    gboolean allow_tail = FALSE;
    m->tok_end = p + n;

    if (cp < 0x80 && g_ascii_isdigit((char)cp)) {
        Reason r = read_arabic(c, p, &m->value, &q);
        m->tok_end = q;
        if (r)
            return r;
        m->arabic = TRUE;
        m->is_int = m->value.exp10 == 0;
        allow_tail = TRUE;
    } else if ((cp == CP_BAI || cp == CP_QIAN || cp == CP_WAN) && AT(c, p + n, "分之")) {
        /* 百分之五点九, 千分之三, 万分之五 */
        JbDecimal den = {1, cp == CP_BAI ? 2 : cp == CP_QIAN ? 3 : 4};
        m->chinese = m->digit_char = TRUE;
        return read_fraction_tail(c, den, p + n + strlen("分之"), m);
    } else if (cp == CP_FAN) {
        return read_fan(c, p, m);
    } else if (cp == CP_BAN || (cp == CP_YI && AT(c, p + n, "半"))) {
        /* 一半 is 50 %; 半 alone only after a hedge (过半, 近半) */
        gsize after = cp == CP_BAN ? p + n : p + n + 3;
        if ((cp == CP_BAN && !hedged) || ban_is_word(c, after))
            return WHY_NONE;
        m->value = (JbDecimal){50, 0};
        m->chinese = m->digit_char = m->fixed_unit = TRUE;
        set_unit(m, U_PLAIN, "%", 1);
        m->end = m->tok_end = after;
        return WHY_OK;
    } else if (cn_numeral(cp)) {
        CnNum cn;
        read_cn(c, p, &cn);
        m->tok_end = q = cn.end;
        if (cn.overflow)
            return WHY_DIGITS;
        if (cn.nchars == 0)
            return WHY_NONE;
        if (cn.positional) {
            /* 二〇二五年 is a date; 十五五 or 三五成群 a word */
            const UnitDef *u;
            unit_at(c, q, &u);
            return u && u->kind == U_DATE ? WHY_DATE : WHY_WORD;
        }
        m->chinese = TRUE;
        m->value = cn.value;
        m->bare_start = cn.bare_start;
        m->digit_char = cn.digit_char;
        m->has_mag = cn.has_unit_char;
        m->big_mag = cn.big;
        m->mag_chars = cn.mag_chars;
        m->tail_pow = cn.tail_pow;
        m->lone = cn.nchars == 1 && !cn.decimal && cn.digit_char;
        /* after 两万 only 亿 may follow (两万多亿); after 三亿 nothing */
        m->tail_stage = cn.tail_pow >= 8 ? 3 : cn.tail_pow >= 4 ? 2 : 0;
        allow_tail = cn.decimal; /* 三点五万 */
    } else {
        return WHY_NONE;
    }

    /* X分之Y: 三分之一, 3分之2 */
    if (AT(c, q, "分之") && !m->infix_len) {
        JbDecimal den = m->value;
        gboolean was_chinese = m->chinese;
        member_clear(m);
        m->start = p;
        m->chinese = was_chinese;
        m->arabic = !was_chinese;
        m->digit_char = TRUE;
        m->tok_end = q;
        return read_fraction_tail(c, den, q + strlen("分之"), m);
    }

    q = read_infix(c, q, m);
    if (m->infix_len)
        allow_tail = TRUE; /* 二百余万, 十几万 */
    if (allow_tail) {
        gsize sp = skip_spaces(c, q), n2; /* 3 万家 */
        if (sp > q && sp < c->len && cp_at(c, sp, &n2) != CP_SHI && bare_magnitude_at(c, sp) &&
            !unit_starts_at(c, sp))
            q = sp;
        q = read_tail(c, q, m);
    }
    if (m->tail_pow > 0 || m->mag_chars > 0)
        m->is_int = FALSE;
    if (!m->infix_len) {
        gsize before = q;
        q = read_infix(c, q, m); /* 1万多家 */
        if (q > before && (allow_tail || m->tail_pow > 0))
            q = read_tail(c, q, m); /* 2万多亿元 */
    }
    m->tok_end = MAX(m->tok_end, q);
    m->end = q;

    /* the unit, perhaps after a space (1.4万 台) */
    gsize u = skip_spaces(c, q);
    const UnitDef *ud;
    gsize ulen = unit_at(c, u, &ud);
    if (!ud)
        return WHY_OK;
    switch (ud->kind) {
    case U_DATE:
        return WHY_DATE;
    case U_TIME:
        return WHY_TIME;
    case U_DURATION:
        return WHY_DURATION;
    case U_CLASS:
        return WHY_CLASS;
    case U_WORD:
        return WHY_WORD;
    default:
        break;
    }
    const char *canon = ud->canon ? ud->canon : ud->text;
    set_unit(m, (UnitKind)ud->kind, canon, unit_canon_len[ud - UNITS]);
    q = u + ulen;
    /* a rate: 元/吨, 万吨/年, 公里/小时 */
    if (q < c->len && c->t[q] == '/' && ud->kind == U_PLAIN) {
        const UnitDef *d2;
        gsize l2 = unit_at(c, q + 1, &d2);
        const char *den = NULL;
        if (d2 && d2->kind == U_PLAIN && d2->text[0] != '%') {
            den = d2->text;
        } else {
            l2 = 0;
            for (gsize i = 0; i < G_N_ELEMENTS(PER_TIME); i++) {
                gsize tl = strlen(PER_TIME[i]);
                if (tl > l2 && at_lit(c, q + 1, PER_TIME[i], tl)) {
                    den = PER_TIME[i];
                    l2 = tl;
                }
            }
        }
        if (den && m->unit_len + 1 + l2 < sizeof m->unit) {
            m->unit[m->unit_len] = '/';
            memcpy(m->unit + m->unit_len + 1, c->t + q + 1, l2);
            m->unit_len += 1 + l2;
            m->unit[m->unit_len] = '\0';
            q += 1 + l2;
        }
    }
    /* 两倍多, 三成多 */
    if (!m->infix_len && (UNIT_IS(m, "倍") || ud->kind == U_TENTH) && AT(c, q, "多")) {
        m->infix_at = q;
        m->infix_len = 3;
        q += 3;
    }
    m->end = q;
    return WHY_OK;
}

/* ==================================================================================== */
/* Expressions: hedges, ranges, fractions, lists                                        */
/* ==================================================================================== */

typedef struct {
    gsize start, end, tok_end;
    Member m;              /* the first (or only) member */
    JbDecimal value, high; /* unit conversion not yet applied */
    gboolean negative;
    gboolean is_range;
    gboolean fraction;     /* a/b */
    gboolean rounded;
    gboolean hedged;       /* any hedge word */
    gboolean big_mag;
    gboolean has_mag;
    gboolean has_unit;
    UnitKind ukind;
    int tail_pow;          /* of the member that carries the unit */
    gsize qual_at, qual_len;
    JbBound bound;
    gsize unit_len;
    char unit[48];         /* last: as Member's, cleared only in its first byte */
} Expr;

static gboolean numeral_start_at(const Ctx *c, gsize i)
{
    if (i >= c->len)
        return FALSE;
    gsize n;
    gunichar cp = cp_at(c, i, &n);
    return (cp < 0x80 && g_ascii_isdigit((char)cp)) || cn_numeral(cp) || cp == CP_BAN ||
           cp == CP_FAN;
}

/* ASCII word characters of run_has_letter, by byte: RUN_CHAR for all of them (letters,
 * digits and . _ / : @ # & = ? + -), RUN_LETTER as well for a Latin letter. A table, not a
 * chain of compares: this runs for every byte of a run of digits. */
enum { RUN_CHAR = 1, RUN_LETTER = 2 };
#define RUN_LETTERS(from) [from] = 3, [from + 1] = 3, [from + 2] = 3, [from + 3] = 3, \
    [from + 4] = 3, [from + 5] = 3, [from + 6] = 3, [from + 7] = 3, [from + 8] = 3, \
    [from + 9] = 3, [from + 10] = 3, [from + 11] = 3, [from + 12] = 3
static const guint8 RUN_CLASS[256] = {
    RUN_LETTERS('A'), RUN_LETTERS('N'), RUN_LETTERS('a'), RUN_LETTERS('n'),
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['.'] = 1, ['_'] = 1, ['/'] = 1, [':'] = 1, ['@'] = 1, ['#'] = 1,
    ['&'] = 1, ['='] = 1, ['?'] = 1, ['+'] = 1, ['-'] = 1,
};
#undef RUN_LETTERS

static inline guint run_class(char ch)
{
    return RUN_CLASS[(guchar)ch];
}

/* The run of ASCII word characters around i contains a Latin letter: 5G, A320, 4T4R, U23,
 * 5.67W, sz300024, a URL or a file name. Cached, so a long run is walked once per scan. */
static gboolean run_has_letter(Ctx *c, gsize i, gsize *run_end)
{
    if (!(i >= c->run_lo && i < c->run_hi)) {
        gsize a = i, b = i;
        int back = 0;
        gboolean letter = FALSE;
        guint classes = 0;
        while (a > 0 && back < 128 && run_class(c->t[a - 1])) {
            a--;
            back++;
            classes |= run_class(c->t[a]);
        }
        while (b < c->len && run_class(c->t[b])) {
            classes |= run_class(c->t[b]);
            b++;
        }
        letter = (classes & RUN_LETTER) != 0;
        c->run_lo = i;
        c->run_hi = b;
        c->run_letter = letter;
    }
    *run_end = c->run_hi;
    return c->run_letter;
}

static Reason read_member_checked(Ctx *c, gsize p, gboolean hedged, Member *m)
{
    gsize run_end;
    if (is_digit_at(c, p) && run_has_letter(c, p, &run_end)) {
        member_clear(m);
        m->start = p;
        m->tok_end = MAX(run_end, p + 1);
        return WHY_MODEL;
    }
    return read_member(c, p, hedged, m);
}

static gboolean same_unit(const Member *a, const Member *b)
{
    return a->ukind == b->ukind && strcmp(a->unit, b->unit) == 0;
}

static void copy_unit(Expr *e, UnitKind kind, const char *unit, gsize len)
{
    e->has_unit = TRUE;
    e->ukind = kind;
    gsize n = MIN(len, sizeof e->unit - 1); /* memcpy, not g_strlcpy's byte loop */
    memcpy(e->unit, unit, n);
    e->unit[n] = '\0';
    e->unit_len = n;
}

/* Hedge words before the numeral at p: 第 (fails), a sign, 上/数/几 (上百), and up to three
 * prefix words (最高不超过). Sets e->start, the qualifier and e->hedged. */
static Reason look_back(const Ctx *c, gsize p, Expr *e)
{
    gsize s = p;
    if (before_lit(c, p, 0, "第", strlen("第")))
        return WHY_ORDINAL;
    gsize n;
    gunichar cp = cp_at(c, p, &n);
    /* -3.5% (a sign, not a dash after a digit, letter or %), and ±1100千伏 (ignored) */
    if (g_ascii_isdigit((char)(cp < 0x80 ? cp : 0)) && s > c->lo &&
        (c->t[s - 1] == '-' || c->t[s - 1] == '+')) {
        gsize k = s - 1;
        gboolean after_value = FALSE;
        if (k > 0) {
            char pc = c->t[k - 1];
            after_value = g_ascii_isalnum(pc) || pc == '%' || pc == '.' || pc == ')';
            gsize pn;
            gsize ps = k - 1;
            while (ps > 0 && ((guchar)c->t[ps] & 0xC0) == 0x80)
                ps--;
            if ((guchar)c->t[ps] >= 0x80 && cn_numeral(cp_at(c, ps, &pn)))
                after_value = TRUE;
        }
        if (!after_value) {
            e->negative = c->t[s - 1] == '-';
            s = k;
        }
    } else if (before_lit(c, s, c->lo, "±", strlen("±"))) {
        s -= strlen("±"); /* ±1100千伏: a DC line's rating, the value is 1100 */
    }
    /* 上百 数百 几十 上万: the round number, at least */
    if (bare_magnitude(cp) && s == p) {
        static const struct {
            const char *w;
            const char *not_after; /* 以上 线上 参数 指数 …: the word before owns the char */
        } approx[] = {
            {"上", "以线网马向之加在市于晚早北往身面手台世路场海天地会上千史跟赶登迈站升冲"},
            {"数", "参指总人次基倍户件个位分系函变常家台项款无多少半岁字算度礼天日年票"},
            {"几", "未庶"},
        };
        for (gsize i = 0; i < G_N_ELEMENTS(approx); i++) {
            gsize wl = strlen(approx[i].w);
            if (before_lit(c, p, c->lo, approx[i].w, wl) &&
                !prev_char_in(c, p - wl, approx[i].not_after)) {
                if (cp == CP_SHI && i == 0)
                    break; /* 上十 is not said */
                s = p - wl;
                e->qual_at = s;
                e->qual_len = wl;
                e->bound = JB_BOUND_AT_LEAST;
                e->hedged = TRUE;
                break;
            }
        }
    }
    /* prefix hedges; the one nearest the number is reported */
    for (int round = 0; round < 3; round++) {
        gsize k = s;
        while (k > c->lo && c->t[k - 1] == ' ')
            k--;
        const QualDef *found = prefix_qual_before(c, k, p);
        if (!found)
            break;
        s = k - found->len;
        if (e->qual_len == 0) {
            e->qual_at = s;
            e->qual_len = found->len;
            e->bound = (JbBound)found->bound;
        }
        e->hedged = TRUE;
    }
    e->start = s;
    return WHY_OK;
}

static Reason read_expr(Ctx *c, gsize p, int depth, Expr *e);

/* Skip hedge words forward to the numeral (for jb_number_parse and list members). */
static gsize skip_prefix_forward(const Ctx *c, gsize p)
{
    for (int round = 0; round < 3; round++) {
        gsize k = skip_spaces(c, p);
        const QualDef *found = NULL;
        /* the first in table order, tried only where one begins like the text */
        guint64 bits = k < c->len ? prefix_by_first[unit_hash((const guchar *)c->t + k, c->len - k)]
                                  : 0;
        for (; bits && !found; bits &= bits - 1) {
            const QualDef *q = &PREFIX_QUALS[__builtin_ctzll(bits)];
            if (at_lit(c, k, q->text, q->len))
                found = q;
        }
        if (!found)
            break;
        p = skip_spaces(c, k + found->len);
    }
    if ((AT(c, p, "上") || AT(c, p, "数") || AT(c, p, "几")) && bare_magnitude_at(c, p + 3))
        p += 3;
    else if (p < c->len && (c->t[p] == '-' || c->t[p] == '+') && is_digit_at(c, p + 1))
        p += 1;
    else if (AT(c, p, "±") && is_digit_at(c, p + strlen("±")))
        p += strlen("±");
    return p;
}

/* Range separators: 至 到 ~ - */
static gsize range_sep_at(const Ctx *c, gsize q, gboolean *dash)
{
    *dash = FALSE;
    if (AT(c, q, "至") || AT(c, q, "到"))
        return 3;
    if (q < c->len && c->t[q] == '~')
        return 1;
    if (q < c->len && c->t[q] == '-') {
        *dash = TRUE;
        return 1;
    }
    return 0;
}

/* List separators: 、 and / (110万亿、120万亿、130万亿元; 505.5/591.8/673.9亿元) */
static gsize list_sep_at(const Ctx *c, gsize q)
{
    if (AT(c, q, "、"))
        return strlen("、");
    if (q < c->len && c->t[q] == '/')
        return 1;
    return 0;
}

static void shift_expr(Expr *e, int pw)
{
    e->value.exp10 += pw;
    e->high.exp10 += pw;
    e->has_mag = TRUE;
    if (pw >= 4)
        e->big_mag = TRUE;
}

/* The unit of the next list member, if the list ends in one (recursively). */
static gboolean list_unit(Ctx *c, gsize q, int depth, Expr *next)
{
    gsize sl = list_sep_at(c, q);
    if (!sl || depth >= 16)
        return FALSE;
    gsize saved_lo = c->lo;
    c->lo = q + sl;
    gsize p = skip_prefix_forward(c, q + sl);
    gboolean ok = numeral_start_at(c, p) && read_expr(c, p, depth + 1, next) == WHY_OK &&
                  next->has_unit;
    c->lo = saved_lo;
    return ok;
}

static Reason read_expr(Ctx *c, gsize p, int depth, Expr *e)
{
    /* everything but e->m, which read_member_checked() always clears itself (a third of the
     * struct, cleared twice at every number otherwise) */
    memset(e, 0, offsetof(Expr, m));
    memset((char *)e + offsetof(Expr, m) + sizeof e->m, 0,
           offsetof(Expr, unit) - offsetof(Expr, m) - sizeof e->m);
    e->unit[0] = '\0';
    e->start = p;
    e->tok_end = p + 1;
    Reason r = look_back(c, p, e);
    Member *m = &e->m;
    Reason rm = read_member_checked(c, p, e->hedged, m);
    e->tok_end = MAX(m->tok_end, p + 1);
    if (rm)
        return rm;
    if (r)
        return r;
    e->value = e->high = m->value;
    if (e->negative)
        e->value.mant = e->high.mant = -m->value.mant;
    e->has_mag = m->has_mag;
    e->big_mag = m->big_mag;
    e->rounded = m->rounded;
    e->tail_pow = m->tail_pow;
    if (m->has_unit)
        copy_unit(e, m->ukind, m->unit, m->unit_len);
    if (m->infix_len)
        e->hedged = TRUE;
    if (m->infix_len && e->qual_len == 0) {
        e->qual_at = m->infix_at;
        e->qual_len = m->infix_len;
        e->bound = JB_BOUND_AT_LEAST;
    }
    e->end = m->end;

    /* ---- a range: 3至5倍, 4.5%-5%, 3~5, 3至5万 ---- */
    gboolean dash;
    gsize q = skip_spaces(c, m->end);
    gsize sl = range_sep_at(c, q, &dash);
    gsize p2 = skip_spaces(c, q + sl);
    if (sl && numeral_start_at(c, p2)) {
        Member m2;
        Reason r2 = read_member_checked(c, p2, FALSE, &m2);
        if (r2 != WHY_OK && r2 != WHY_NONE && !m->has_unit) {
            e->tok_end = MAX(e->tok_end, m2.tok_end); /* 1-10月, 2024-2025年: all of it */
            return r2;
        }
        gboolean ok = r2 == WHY_OK;
        if (ok && m->has_unit && m2.has_unit && !same_unit(m, &m2))
            ok = FALSE;
        if (ok && dash && !m->has_unit && !m2.has_unit && !m2.big_mag) {
            if (!c->scan) {
                e->tok_end = MAX(e->tok_end, m2.tok_end);
                return WHY_SCORE; /* 3-0, 2024-2025 */
            }
            ok = FALSE;
        }
        if (ok) {
            JbDecimal lo = e->value;
            if (!m->has_mag && !m->fixed_unit && m2.tail_pow > 0) {
                /* 3至5万 is 3万 to 5万 — unless that would pass the upper end (300至5万) */
                JbDecimal scaled = {lo.mant, lo.exp10 + m2.tail_pow};
                if (jb_decimal_cmp(scaled, m2.value) < 0)
                    lo = scaled;
            }
            if (jb_decimal_cmp(lo, m2.value) < 0) {
                e->value = lo;
                e->high = m2.value;
                e->is_range = TRUE;
                e->has_mag |= m2.has_mag;
                e->big_mag |= m2.big_mag;
                if (!m->has_unit && m2.has_unit)
                    copy_unit(e, m2.ukind, m2.unit, m2.unit_len);
                e->tail_pow = m2.tail_pow;
                e->rounded |= m2.rounded;
                e->end = m2.end;
                e->tok_end = MAX(e->tok_end, m2.tok_end);
            }
        }
    }

    /* ---- a fraction a/b: 1/3, 约1/4 ---- */
    gsize fq = e->end;
    if (!e->is_range && !e->has_unit && m->arabic && m->is_int && !m->infix_len &&
        !e->negative && fq < c->len && c->t[fq] == '/' && is_digit_at(c, fq + 1)) {
        Member m2;
        if (read_member_checked(c, fq + 1, FALSE, &m2) == WHY_OK && m2.arabic && m2.is_int &&
            !m2.has_unit && !m2.infix_len && !(m2.end < c->len && c->t[m2.end] == '/') &&
            jb_decimal_cmp(m->value, m2.value) < 0 && m->value.mant > 0) {
            guint64 den = (guint64)m2.value.mant;
            if (percent_of(m->value, den, &e->value, &e->rounded)) {
                e->high = e->value;
                e->fraction = TRUE;
                copy_unit(e, U_PLAIN, "%", 1);
                e->end = m2.end;
                e->tok_end = MAX(e->tok_end, m2.tok_end);
            }
        }
    }

    /* ---- a list sharing the last member's unit (not a fraction's %: 1/4、1/3) ---- */
    gsize lq = e->end;
    if (c->scan && !e->is_range && list_sep_at(c, lq)) {
        Expr next;
        if (list_unit(c, lq, depth, &next)) {
            gboolean adopt = !e->has_unit ||
                             (e->unit_len < next.unit_len &&
                              memcmp(next.unit, e->unit, e->unit_len) == 0);
            if (adopt && !m->fixed_unit && !next.fraction && !next.m.fixed_unit) {
                copy_unit(e, next.ukind, next.unit, next.unit_len);
                if (!e->has_mag && next.tail_pow > 0) {
                    shift_expr(e, next.tail_pow); /* 505.5/591.8/673.9亿元 */
                    e->tail_pow = next.tail_pow;
                }
            }
        }
    }
    /* ---- a hedge after: 以上 以下 左右 … ---- */
    guint suffixes = e->end < c->len ? suffix_by_hash[unit_hash((const guchar *)c->t + e->end,
                                                                 c->len - e->end)]
                                      : 0;
    for (; suffixes; suffixes &= suffixes - 1) {
        const QualDef *qd = &SUFFIX_QUALS[__builtin_ctz(suffixes)];
        if (at_lit(c, e->end, qd->text, qd->len)) {
            if (qd->bound == JB_BOUND_ABOUT && AT(c, e->end, "上下") &&
                (AT(c, e->end + 6, "游") || AT(c, e->end + 6, "级") || AT(c, e->end + 6, "班") ||
                 AT(c, e->end + 6, "文") || AT(c, e->end + 6, "楼")))
                break; /* 上下游 */
            if (e->qual_len == 0) {
                e->qual_at = e->end;
                e->qual_len = qd->len;
                e->bound = (JbBound)qd->bound;
            }
            e->hedged = TRUE;
            e->end += qd->len;
            break;
        }
    }
    e->tok_end = MAX(e->tok_end, e->end);
    return WHY_OK;
}

/* ---- what counts ---- */

static gboolean scan_accepts(const Expr *e)
{
    const Member *m = &e->m;
    if (m->chinese && !m->fixed_unit) {
        if (m->lone && !e->is_range) {
            /* 一 is the article (一个 一项 一家), 零 a word (零件 零售) */
            if (m->value.mant == 0)
                return FALSE;
            if (m->value.mant == 1 && !(e->ukind == U_TENTH || UNIT_IS(e, "倍") ||
                                        UNIT_IS(e, "个百分点")))
                return FALSE;
        }
        /* 千家万户 百家争鸣 百度 万一: a magnitude without a digit is a word unless hedged */
        if (m->bare_start && !e->hedged && !(m->mag_chars >= 2 && e->has_unit))
            return FALSE;
    }
    if (e->has_unit)
        return TRUE;
    if (m->arabic && e->big_mag)
        return TRUE; /* 4000亿, 超14万 */
    if (m->chinese && e->big_mag && (m->digit_char || e->hedged))
        return TRUE; /* 二百余万, 近千亿 */
    return FALSE;
}

static Reason parse_accepts(const Expr *e)
{
    if (e->has_unit || e->hedged || e->is_range || e->fraction || e->has_mag || e->m.chinese)
        return WHY_OK;
    return WHY_BARE;
}

static void copy_text(char *dst, gsize cap, const char *src, gsize n)
{
    n = MIN(n, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void expr_to_quantity(const Ctx *c, const Expr *e, JbQuantity *out)
{
    memset(out, 0, sizeof *out);
    JbDecimal v = e->value, h = e->is_range ? e->high : e->value;
    if (e->has_unit && e->ukind == U_TENTH) {
        v.exp10 += 1; /* 三成 = 30 % */
        h.exp10 += 1;
    } else if (e->has_unit && e->ukind == U_PERMILLE) {
        v.exp10 -= 1;
        h.exp10 -= 1;
    }
    out->value = jb_decimal_normalize(v);
    out->high = jb_decimal_normalize(h);
    out->is_range = e->is_range;
    if (e->has_unit)
        copy_text(out->unit, sizeof out->unit, e->ukind == U_PLAIN ? e->unit : "%",
                  e->ukind == U_PLAIN ? e->unit_len : 1);
    copy_text(out->qualifier, sizeof out->qualifier, c->t + e->qual_at, e->qual_len);
    out->bound = e->bound;
    if (e->rounded && e->qual_len == 0)
        out->bound = JB_BOUND_ABOUT; /* 1/3 → 33.33 % is not exact */
    out->start = e->start;
    out->end = e->end;
}

/* Characters a number can begin with, by their UTF-8 lead byte (E3 〇, E4–E9 the rest). */
static gboolean trigger_cp(gunichar cp)
{
    return cn_numeral(cp) || cp == CP_BAN || cp == CP_FAN;
}

/* trigger_cp of U+3000..U+9FFF (lead bytes E3..E9, where every trigger lies) as a bit set,
 * so the scanner passes over the other CJK characters without decoding them twice. */
#define TRIGGER_LO 0x3000u
#define TRIGGER_HI 0xA000u
static guint8 trigger_bits[(TRIGGER_HI - TRIGGER_LO) / 8];

static gboolean trigger_bit(gunichar cp)
{
    return (trigger_bits[(cp - TRIGGER_LO) >> 3] >> ((cp - TRIGGER_LO) & 7)) & 1;
}

/* The scanner's first look at a character with a three-byte lead (E0..EF): pair_kind[(lead -
 * E0) × 256 + second byte] says whether the second byte is a continuation byte and, if so,
 * whether some trigger begins with these two bytes. Most characters are passed over after it. */
enum { PAIR_PLAIN, PAIR_TRIGGER, PAIR_INVALID };
static guint8 pair_kind[16 * 256];

/* The scanner reads two bytes as one 16-bit word (in the machine's byte order) and looks it
 * up here: PAIR_CLASS_PLAIN when they are a three-byte lead and a continuation byte that no
 * trigger begins with (pair_kind PAIR_PLAIN), which drops the lead-byte test from the loop
 * that passes over most of the text; PAIR_CLASS_TRIGGER + j when some trigger begins with
 * them, and bit (third byte & 3F) of pair_thirds[j] says which third bytes complete one
 * (so 上 下 不 中, which begin like 一 七 万 三, are passed over with one more look-up). */
enum { PAIR_CLASS_OTHER, PAIR_CLASS_PLAIN, PAIR_CLASS_TRIGGER };
#define MAX_TRIGGER_PAIRS 32
static guint8 pair_class[1 << 16];
static guint64 pair_thirds[MAX_TRIGGER_PAIRS];

static inline guint pair_word(const guchar *s)
{
    guint16 w;
    memcpy(&w, s, sizeof w);
    return w;
}

static void build_trigger_bits(void)
{
    /* every character trigger_cp() accepts (checked in debug builds): trying all 28672 code
     * points of the range instead cost a million instructions at start-up */
    static const gunichar triggers[] = {
        CP_LING2, CP_LING, CP_YI, 0x4E8C /* 二 */, 0x4E24 /* 两 */, 0x5169 /* 兩 */,
        0x4E09 /* 三 */, 0x56DB /* 四 */, 0x4E94 /* 五 */, 0x516D /* 六 */, 0x4E03 /* 七 */,
        0x516B /* 八 */, 0x4E5D /* 九 */, CP_SHI, CP_BAI, CP_QIAN, CP_WAN, CP_WAN2, CP_YIS,
        CP_YIS2, CP_BAN, CP_FAN,
    };
    for (gsize i = 0; i < G_N_ELEMENTS(triggers); i++) {
        gunichar cp = triggers[i];
        g_assert(trigger_cp(cp) && cp >= TRIGGER_LO && cp < TRIGGER_HI);
        trigger_bits[(cp - TRIGGER_LO) >> 3] |= (guint8)(1u << ((cp - TRIGGER_LO) & 7));
    }
    guint n_trigger_pairs = 0;
    for (guint lead = 0xE0; lead <= 0xEF; lead++) {
        for (guint second = 0; second < 256; second++) {
            guint8 kind = PAIR_INVALID;
            if ((second & 0xC0) == 0x80) {
                gunichar first = ((lead & 0x0F) << 12) | ((second & 0x3F) << 6);
                kind = PAIR_PLAIN;
                for (gunichar cp = first; cp < first + 64; cp += 8) /* a byte of bits each */
                    if (cp >= TRIGGER_LO && cp < TRIGGER_HI && trigger_bits[(cp - TRIGGER_LO) >> 3])
                        kind = PAIR_TRIGGER;
            }
            pair_kind[(lead - 0xE0) << 8 | second] = kind;
            const guchar bytes[2] = {(guchar)lead, (guchar)second};
            guint cls = kind == PAIR_PLAIN ? PAIR_CLASS_PLAIN : PAIR_CLASS_OTHER;
            if (kind == PAIR_TRIGGER) {
                g_assert(n_trigger_pairs < MAX_TRIGGER_PAIRS);
                gunichar first = ((lead & 0x0F) << 12) | ((second & 0x3F) << 6);
                for (guint third = 0; third < 64; third++)
                    if (first + third >= TRIGGER_LO && first + third < TRIGGER_HI &&
                        trigger_bit(first + third))
                        pair_thirds[n_trigger_pairs] |= G_GUINT64_CONSTANT(1) << third;
                cls = PAIR_CLASS_TRIGGER + n_trigger_pairs++;
            }
            pair_class[pair_word(bytes)] = (guint8)cls;
        }
    }
}

/* The static look-up tables, built once for the process. */
static void tables_init(void)
{
    static gsize done = 0;
    /* an acquire load first: g_once_init_enter is a call, and this runs at every scan */
    if (G_LIKELY(__atomic_load_n(&done, __ATOMIC_ACQUIRE)))
        return;
    if (g_once_init_enter(&done)) {
        build_unit_index();
        build_qual_index();
        build_trigger_bits();
        g_once_init_leave(&done, 1);
    }
}

/* ==================================================================================== */
/* Public entry points                                                                  */
/* ==================================================================================== */

static gboolean parse_fail(GError **error, const char *expr, Reason r)
{
    gsize len = strlen(expr);
    g_autofree char *shown = g_utf8_make_valid(expr, (gssize)MIN(len, 60));
    g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "“%s%s”: %s", shown, len > 60 ? "…" : "",
                reason_text(r));
    return FALSE;
}

static gboolean is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

gboolean jb_number_parse(const char *expr, JbQuantity *out, GError **error)
{
    g_return_val_if_fail(expr != NULL && out != NULL, FALSE);
    gsize a = 0, b = strlen(expr);
    while (a < b && is_space(expr[a]))
        a++;
    while (b > a && is_space(expr[b - 1]))
        b--;
    if (a == b)
        return parse_fail(error, expr, WHY_NONE);
    tables_init();
    Ctx c = {.t = expr, .len = b, .lo = a, .scan = FALSE};
    gsize p = skip_prefix_forward(&c, a);
    if (AT(&c, p, "第"))
        return parse_fail(error, expr, WHY_ORDINAL);
    if (!numeral_start_at(&c, p)) {
        /* say why the number inside is not one (吉ICP备18006035号, A320, 连续9年) */
        for (gsize k = p; k < b; k++) {
            if (numeral_start_at(&c, k)) {
                Expr inner;
                Reason ri = read_expr(&c, k, 0, &inner);
                return parse_fail(error, expr, ri ? ri : WHY_EXTRA);
            }
        }
        return parse_fail(error, expr, WHY_NONE);
    }
    Expr e;
    Reason r = read_expr(&c, p, 0, &e);
    if (r)
        return parse_fail(error, expr, r);
    if (e.start != a)
        return parse_fail(error, expr, WHY_EXTRA);
    if (e.end != b) {
        gboolean list = list_sep_at(&c, e.end) && numeral_start_at(&c, e.end + list_sep_at(&c, e.end));
        return parse_fail(error, expr, list ? WHY_LIST : WHY_EXTRA);
    }
    r = parse_accepts(&e);
    if (r)
        return parse_fail(error, expr, r);
    expr_to_quantity(&c, &e, out);
    return TRUE;
}

/* A fast path of the scanner for the commonest number that is not a quantity: a year, month
 * or day (2025年, 6月, 24日: a fifth of the numbers in news). When the digits at p run straight
 * into 年, 月 or 日 (not 日元), returns where read_expr() would have told the scanner to go
 * on: the end of the digits, whatever else holds (a leading 0, a glued letter, too many
 * digits: each is another reason to skip the same bytes). Otherwise p. */
static gsize skip_date_digits(const guchar *u, gsize p, gsize len)
{
    gsize q = p + 1;
    while (q < len && (guint)(u[q] - '0') < 10u)
        q++;
    if (len - q < 3)
        return p;
    const guchar *d = u + q;
    gboolean date = (d[0] == 0xE5 && d[1] == 0xB9 && d[2] == 0xB4) || /* 年 */
                    (d[0] == 0xE6 && d[1] == 0x9C && d[2] == 0x88) || /* 月 */
                    (d[0] == 0xE6 && d[1] == 0x97 && d[2] == 0xA5 &&  /* 日, not 日元 */
                     !(len - q >= 6 && d[3] == 0xE5 && d[4] == 0x85 && d[5] == 0x83));
    return date ? q : p;
}

gboolean jb_number_scan(const char *text, gsize len, gsize from, JbQuantity *out)
{
    g_return_val_if_fail(text != NULL || len == 0, FALSE);
    g_return_val_if_fail(out != NULL, FALSE);
    if (from >= len)
        return FALSE;
    tables_init();
    Ctx c = {.t = text, .len = len, .lo = from, .scan = TRUE};
    gsize p = from;
    /* started inside a number: skip the rest of it */
    if (p > 0 && p < len && g_ascii_isdigit(text[p]) &&
        (g_ascii_isdigit(text[p - 1]) || text[p - 1] == '.' || text[p - 1] == ','))
        while (p < len && (g_ascii_isdigit(text[p]) || text[p] == '.' || text[p] == ','))
            p++;
    const guchar *u = (const guchar *)text;
    const gsize stop3 = len >= 3 ? len - 2 : 0; /* p < stop3: three bytes left at p */
    while (p < len) {
        /* The hottest loop of extraction: a valid three-byte character is decoded inline and
         * skipped whole; any other byte is skipped alone. That visits the same places as
         * decoding every character, because the bytes a decoder would skip over are
         * continuation bytes (80..BF), which neither are a digit nor begin a trigger. */
        /* most of the text: characters no trigger begins like, three bytes at a time */
        while (p < stop3 && pair_class[pair_word(u + p)] == PAIR_CLASS_PLAIN &&
               (u[p + 2] & 0xC0) == 0x80)
            p += 3;
        if (p >= len)
            break;
        guchar b = u[p];
        gsize n;
        guint cls = p < stop3 && (u[p + 2] & 0xC0) == 0x80 ? pair_class[pair_word(u + p)]
                                                            : PAIR_CLASS_OTHER;
        if (cls >= PAIR_CLASS_TRIGGER) {
            if (!((pair_thirds[cls - PAIR_CLASS_TRIGGER] >> (u[p + 2] & 0x3F)) & 1)) {
                p += 3;
                continue;
            }
            n = 3;
        } else if (g_ascii_isdigit(b)) {
            n = 1;
            gsize q = skip_date_digits(u, p, len);
            if (q > p) {
                p = q;
                continue;
            }
        } else {
            p++;
            continue;
        }
        Expr e;
        Reason r = read_expr(&c, p, 0, &e);
        if (r == WHY_OK && scan_accepts(&e)) {
            expr_to_quantity(&c, &e, out);
            return TRUE;
        }
        p = MAX(e.tok_end, p + n);
    }
    return FALSE;
}
