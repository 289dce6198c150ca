/* jb_number.h — exact parsing and scanning of the numbers Chinese news writes.
 *
 * Turns "超过4000亿元", "百分之五点九", "1,435亿", "3至5倍", "近七成" into a value in base
 * units (亿/万 applied), a unit as written, the hedge word and what it means (at least, at
 * most, about), and the byte span it came from. Values are exact decimals (mantissa and power
 * of ten), never floating point: 16.4亿 is 1640000000, not 1639999999.
 *
 * Input is text already normalised by jb_normalize(): ASCII digits, %, '-' for a single dash,
 * '~' for ～, ':' for ∶. Fullwidth （）、，。 stay as written.
 *
 * What counts as a quantity: a number with a unit of templates/units.tsv (元 家 个 台（套）
 * 千瓦 … % 倍 百分点 基点 厘 点 成, spans of time 13年 1个月 3天 61岁, units in Latin letters
 * GB kWh EFLOPS), or a large Arabic number with 万/亿 (scan), or — for jb_number_parse,
 * where the caller says "this is a number" — any Chinese numeral, magnitude, hedge or '~'/至
 * range. Never a quantity: dates and times (2025年 6月24日 09:28 下午3点), weekdays (星期五),
 * ordinals (第六届), model names and anything glued to a Latin letter that is no unit (5G
 * A320 4T4R), ids and phone numbers (0431-…), scores (3-0), classes (千亿级), Chinese
 * numerals inside words (一体 十八大 十五五 千行百业 三元锂), bare Arabic numbers (2025,
 * 18006035, 3-5: a dash range needs a unit or 万/亿), and — when scanning — spans of time
 * that are streaks, record spans, windows or tenors (连续9年, 15年来, 未来3个月, 7天期).
 *
 * Representation choices (the tests in tests/data/numbers.tsv pin each one):
 *  - 成 is tenths: 三成 → 30 with unit "%"; 一半 → 50 "%"; 千分之三 → 0.3 "%" (a fraction);
 *    the sign ‰ stays as stated: 6.75‰ → 6.75 "‰".
 *  - Fractions are percentages: 三分之一, 1/3 → 33.333333 "%". A fraction that does not end
 *    in six decimals is rounded half-up to six and its bound becomes "about" (约1/3 →
 *    33.333333 % about; 1/4 → 25 % exact).
 *  - 翻倍 / 翻番 / 翻一番 → 2 倍, 翻两番 → 4 倍.
 *  - 上百, 数百, 几十, 十几, 上万 … → the round number (100, 100, 10, 10, 10000) with bound
 *    at_least and qualifier "上"/"数"/"几": "several hundred" is at least a hundred.
 *  - A span of time is a quantity in its unit (为期1个月 → 1 个月, 半年 → 0.5 年), as the
 *    real-text corpus counts them.
 *  - The unit is the base unit as written, with spelling variants folded: 台(套) → 台（套）,
 *    人民币 → 元, 个百分点 / 個百分點 → 百分点, 个基点 → 基点; 元人民币 and 元人民幣 stay as
 *    written (jb_unit_base() reads them as 元). "万亩" is 万 × 亩
 *    (187万亩 → 1870000 亩). 10亿7400万 is one number (1074000000).
 *  - A compound rate keeps its denominator: 500元/吨 → unit "元/吨"; 30万吨/年 → "吨/年"; a
 *    price per unit written before the number too: 每吨789.3元 → "元/吨" (the span starts at
 *    每). A number right after 每 is a rate's base, not a quantity (每10股派16.2元).
 *  - Money written in English or with a currency sign: a sign or code before the number
 *    (templates/units.tsv "# before": US$ HK$ € £ ¥ RMB USD…; 人民币 only before 万/亿) gives
 *    the unit when none follows (US$0.58 → 0.58 美元) and is part of the span, so a hedge
 *    before it holds (约HK$612亿 → about); million billion trillion bn mn after the digits
 *    scale them, m b k only after a currency (€3.4m); yuan or dollars after a space are units.
 *  - 分 after a decimal or a word of scoring (评分 得分) is a score (8.1分); else minutes.
 *  - 日历天 is a span of calendar days (1460日历天), not the 日 of a date.
 *  - ±1100千伏 → 1100 千伏 (the ± of a DC line rating is not a sign).
 *  - A ratio after a word naming it (比价为, 结构为, 比例约为; jb_number_parts.c) is its terms,
 *    without a unit: 三次产业结构为7.0:37.6:55.4 → 7.0, 37.6, 55.4; against a base of 1 or 100
 *    only the other term (猪粮比价为4.92:1 → 4.92, 拉动比为1：7.5 → 7.5).
 *  - A duration of two units is one figure in the smaller: 4分30秒 → 270 秒, 1小时20分钟 → 80
 *    分钟 (9时30分 is a time of day).
 *  - When a prefix hedge and a 多/余 or suffix hedge both appear, the prefix wins (超过70%以上,
 *    超2000多家 → 超过, 超); of two prefixes (最高不超过) the one next to the number is kept.
 *  - At most 18 digits may be written in one number (more is an error, never an overflow).
 *  - A unit in Latin letters is read only from the list in templates/units.tsv (GB, kWh,
 *    EFLOPS…) and right after the digits or the magnitude; anything else glued to a letter
 *    (5G, A320, 7nm) is a name.
 *
 * Not for: deciding what a number measures (the extractor), drawing it (charts), nor
 * normalising characters (jb_normalize).
 */
#ifndef JB_NUMBER_H
#define JB_NUMBER_H

#include <glib.h>

#include "jb_common.h"

/* ---- hedges ------------------------------------------------------------------------- */

/* What a hedge word says about the true value relative to the written one.
 *   超过 超 突破 以上 多 余 逾 高于 大于 至少 不少于 过 上 数 几 → at_least
 *   近 将近 接近 不足 不到 最高 以内 以下 小于 低于 不超过 最多      → at_most
 *   约 左右 大约 上下 大概 前后                                     → about */
typedef enum { JB_BOUND_EXACT, JB_BOUND_AT_LEAST, JB_BOUND_AT_MOST, JB_BOUND_ABOUT } JbBound;

/* "exact" "at_least" "at_most" "about"; static, never NULL ("exact" for unknown values). */
const char *jb_bound_name(JbBound b);
/* Inverse of jb_bound_name(); FALSE (and *out untouched) for any other string. */
gboolean jb_bound_parse(const char *s, JbBound *out);

/* ---- exact decimals ----------------------------------------------------------------- */

/* An exact decimal: value = mant × 10^exp10. Never computed with floating point.
 * Several representations are equal (40×10^0 = 4×10^1); compare with jb_decimal_cmp(). */
typedef struct {
    gint64 mant;
    gint exp10;
} JbDecimal;

/* Plain decimal, no exponent, no trailing zeros after the point: "400000000000", "5.9",
 * "1640000000", "-3", "0.25", "0". Caller g_free()s. exp10 is expected within ±1000 (this
 * module never makes more); the string has |exp10| digits more than the mantissa. */
char *jb_decimal_to_string(JbDecimal d);
/* The same as the source stated it: the zeros that end a fraction are kept, as a number read
 * from text holds them (3.0% is {30, -1}: "3.0"; 7.00万 is {700, 2}: "70000"). Caller
 * g_free()s. */
char *jb_decimal_to_string_stated(JbDecimal d);
/* Digits after the point of a plain decimal as written: "3.0" → 1, "400" → 0. */
int jb_decimal_places(const char *s);
/* `d` with at least `places` digits after the point (a value parsed from "3.0", normalised to
 * 3, held as {30, -1} again), as far as the mantissa holds them. */
JbDecimal jb_decimal_with_places(JbDecimal d, int places);
/* A buffer this size holds jb_decimal_format() of every value this module makes (at most 18
 * digits with 亿/万亿 and a few list or unit shifts: exp10 within about ±40) and of every
 * string jb_decimal_parse() accepts (40 digits, a sign and a point). */
#define JB_DECIMAL_STR_MAX 64
/* jb_decimal_to_string() without allocating: writes the string and its NUL into buf and
 * returns its length (without the NUL). When it does not fit (length >= size) nothing is
 * written but buf[0] = '\0' (if size > 0), and the length is still returned, so the caller
 * can retry with length + 1 bytes: the result is never cut short (exp10 within ±1000 needs
 * up to about 1030 bytes). */
gsize jb_decimal_format(JbDecimal d, char *buf, gsize size);
/* jb_decimal_format keeping the zeros that end a fraction (see jb_decimal_to_string_stated). */
gsize jb_decimal_format_stated(JbDecimal d, char *buf, gsize size);
/* Inverse of jb_decimal_to_string(): [+-]digits[.digits], nothing else ("1.2", "-40",
 * "400000000000"). At most 18 significant digits and 40 digits in all; FALSE otherwise. */
gboolean jb_decimal_parse(const char *s, JbDecimal *out);
/* Nearest double (correctly rounded); for charts and sorting only. */
double jb_decimal_to_double(JbDecimal d);
/* Exact comparison: negative, zero or positive as a <, =, > b. */
int jb_decimal_cmp(JbDecimal a, JbDecimal b);
gboolean jb_decimal_equal(JbDecimal a, JbDecimal b);
/* Strip trailing zeros from mant into exp10; zero becomes {0, 0}. */
JbDecimal jb_decimal_normalize(JbDecimal d);

/* ---- quantities --------------------------------------------------------------------- */

typedef struct {
    JbDecimal value; /* the value in base units (亿/万 applied): 4000亿元 → 400000000000 */
    JbDecimal high;  /* upper end of a range (3至5倍 → 5); equals value when not a range */
    gboolean is_range;
    char
        unit[48]; /* base unit as written, UTF-8: 元 家 个 台（套） % 个百分点 倍 …; "" when none */
    char qualifier[24]; /* hedge word as written: 超过 超 余 多 近 约 左右 上 数 …; "" when none */
    JbBound bound;    /* from the qualifier (see JbBound); about for a rounded fraction */
    gsize start, end; /* byte span in the scanned text of the whole expression, hedge words
                        * included; a list member's span excludes a unit it shares */
} JbQuantity;

/* Parse one expression that is the whole of `expr` ("超过4000亿元", "百分之五点九", "1,435亿",
 * "3至5倍"); leading/trailing spaces ignored, start/end are offsets in `expr`. FALSE with a
 * JB_ERROR_INPUT GError saying why when it is not a quantity (a date, an ordinal, a model
 * name, garbage, too many digits, or a bare Arabic number such as "18006035" or "3-0"). */
gboolean jb_number_parse(const char *expr, JbQuantity *out, GError **error);

/* Find the next quantity in `text` (len bytes, normalised UTF-8) starting at byte `from`;
 * FALSE when there is none. Skips what is not a quantity (see the top of this header) and is
 * stricter than jb_number_parse about Chinese numerals that are usually words: a lone 一 or 零
 * (一个, 零件; but 一倍, 一成 and 一个百分点 count), and 百/千/万 without a digit before them
 * (千家万户, 百度) unless hedged (近千亿, 上百家, 百余项) or a double magnitude with a unit
 * (千亿元); a Chinese numeral with no unit counts only with 万/亿 and a digit or a hedge
 * (一百二十万, 二百余万, 近千亿; not 十万火急). A unit written once after a list
 * (110万亿、120万亿、130万亿元; 505.5/591.8/673.9亿元; 3.3个、3.5个百分点) applies to every
 * member, and so does a trailing 万/亿 to members that have none. One pass over the bytes,
 * no allocation; call again from out->end for the next one. */
gboolean jb_number_scan(const char *text, gsize len, gsize from, JbQuantity *out);

/* Is `unit` percentage points (百分点, written 个百分点 before jianbao 0.2)? */
gboolean jb_unit_is_points(const char *unit);

/* Format a value the Chinese way for chart labels, at most `max_sig` significant digits
 * (rounded half-up on the magnitude, trailing zeros dropped; max_sig < 1 means no rounding):
 * 400000000000 → "4000亿", 1200000000000 → "1.2万亿", 1700000 → "170万", 17600 → "1.76万",
 * 6000 → "6000", 5.9 → "5.9", -25000 → "-2.5万". Thresholds (after rounding): ≥1万亿 → 万亿,
 * ≥1亿 → 亿, ≥1万 → 万. Caller g_free()s. */
char *jb_number_format_cn(JbDecimal v, int max_sig);

#endif
