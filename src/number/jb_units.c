/* jb_units.c — display units, value labels and exact arithmetic for every stage; see
 * jb_units.h. Also the names of bounds (jb_bound_name, jb_bound_parse) and of percentage
 * points (jb_unit_is_points), declared in jb_number.h beside JbBound. */
#include "jb_units.h"

#include "jb_number_priv.h"

#include <math.h>
#include <string.h>

#define MAX_MANT 999999999999999999LL /* 18 digits */

/* ---- bounds and units by name (jb_number.h) ---- */

/* strcmp(u, w) == 0, the first byte compared before the call: asked of every figure's unit,
 * which mostly differs there (jb_unit_is_ratio ran five strcmp a figure, 0.5% of extraction). */
static inline __attribute__((always_inline)) gboolean unit_is(const char *u, const char *w)
{
    return u[0] == w[0] && strcmp(u, w) == 0;
}

gboolean jb_unit_is_points(const char *unit)
{
    return unit_is(unit, "百分点") || unit_is(unit, "个百分点");
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

/* ---- figures ---- */

gboolean jb_figure_parse(const char *value, const char *bound, const char *value_high,
                         JbFigure *out)
{
    JbFigure f = {.bound = JB_BOUND_EXACT};
    if (!value || !jb_decimal_parse(value, &f.value))
        return FALSE;
    const char *point = strchr(value, '.');
    f.decimals = point ? (int)strlen(point + 1) : 0;
    f.high = f.value;
    if (bound && strcmp(bound, "range") == 0) {
        if (!value_high || !jb_decimal_parse(value_high, &f.high))
            return FALSE;
        f.range = TRUE;
        const char *hp = strchr(value_high, '.');
        f.high_decimals = hp ? (int)strlen(hp + 1) : 0;
    } else if (bound && *bound && !jb_bound_parse(bound, &f.bound)) {
        return FALSE;
    }
    *out = f;
    return TRUE;
}

JbFigure jb_figure_of(JbDecimal v, JbBound bound)
{
    return (JbFigure){.value = v, .high = v, .bound = bound};
}

gboolean jb_unit_is_ratio(const char *unit)
{
    return unit_is(unit, "%") || unit_is(unit, "‰") || unit_is(unit, "倍") ||
           jb_unit_is_points(unit);
}

/* The traditional characters units are spelled with (templates/units.tsv: 輛 個 點 臺 萬噸…),
 * and at the same place in SIMP their simplified forms: a unit in either script is one unit.
 * A table by hand rather than OpenCC: these few characters are all that units hold, and
 * every one is three bytes of UTF-8 (tests/unit/test_units.c checks the two line up). */
static const char TRAD[] = "歐幣圓鎊韓紐盧銖臺門個項輛車節戶張條種類"
                           "冊頭隻顆塊輪筆單棟層間處場劑針標準機畝頃"
                           "納噸時馬攝點曆週鐘歲億萬華絲輸貨碼際網線"
                           "號樁倉櫃燈屆級載電視衛藥錶盞艙鋪團對雙匯錢總";
static const char SIMP[] = "欧币圆镑韩纽卢铢台门个项辆车节户张条种类"
                           "册头只颗块轮笔单栋层间处场剂针标准机亩顷"
                           "纳吨时马摄点历周钟岁亿万华丝输货码际网线"
                           "号桩仓柜灯届级载电视卫药表盏舱铺团对双汇钱总";
G_STATIC_ASSERT(sizeof TRAD == sizeof SIMP);

/* TRAD's characters as a bitmap of code points (U+0800..U+FFFF: all are three bytes), so a
 * unit with none (almost every one) is told by one bit test a character rather than by
 * comparing each with all of TRAD's: jb_unit_base runs for every figure compared (c->seen's
 * hash and equality) and took 7% of extraction. */
static guint8 trad_bits[0x10000 / 8];

static void trad_bits_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (gsize k = 0; k + 3 < sizeof TRAD; k += 3) {
            gunichar c = jb_utf8_get3(TRAD + k);
            trad_bits[c >> 3] |= (guint8)(1u << (c & 7));
        }
        g_once_init_leave(&done, 1);
    }
}

/* Does `unit` hold a character of TRAD? (Its three-byte characters by trad_bits.) */
static gboolean has_trad(const char *unit)
{
    trad_bits_init();
    for (const guchar *u = (const guchar *)unit; *u; u++)
        if ((*u & 0xF0) == 0xE0 && u[1] && u[2]) {
            gunichar c = jb_utf8_get3((const char *)u);
            if ((trad_bits[c >> 3] >> (c & 7)) & 1)
                return TRUE; /* (every byte is tried: a lead byte is never missed) */
        }
    return FALSE;
}

/* `unit` with its traditional characters simplified into `buf` (of `size`): FALSE when it
 * has none (or is too long for `buf`: no unit is). */
static gboolean simplified(const char *unit, char *buf, gsize size)
{
    if (!has_trad(unit))
        return FALSE;
    gboolean any = FALSE;
    gsize o = 0;
    for (const char *p = unit; *p;) {
        guchar c = (guchar)*p;
        gsize n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (strnlen(p, n) < n || o + n >= size)
            return FALSE;
        const char *from = p;
        if (n == 3)
            for (gsize k = 0; k + 3 < sizeof TRAD; k += 3)
                if (memcmp(p, TRAD + k, 3) == 0) {
                    from = SIMP + k;
                    any = TRUE;
                    break;
                }
        memcpy(buf + o, from, n);
        o += n;
        p += n;
    }
    buf[o] = '\0';
    return any;
}

const char *jb_unit_base(const char *unit)
{
    static const char *const SAME[][2] = {
        {"元人民币", "元"},
        {"日历天", "天"},
        {"日圆", "日元"},
        {"摄氏度", "℃"}, /* (metrics.csv keeps the spelling the source wrote) */
    };
    char buf[64];
    gboolean trad = simplified(unit, buf, sizeof buf);
    const char *u = trad ? buf : unit;
    for (gsize i = 0; i < G_N_ELEMENTS(SAME); i++) /* (the first character before a call) */
        if (u[0] == SAME[i][0][0] && u[1] == SAME[i][0][1] && u[2] == SAME[i][0][2] &&
            strcmp(u, SAME[i][0]) == 0)
            return SAME[i][1];
    /* (a spelling made here lives as long as the process: a handful of units) */
    return trad ? g_intern_string(buf) : unit;
}

gboolean jb_unit_same(const char *a, const char *b)
{
    return strcmp(a, b) == 0 || strcmp(jb_unit_base(a), jb_unit_base(b)) == 0;
}

gboolean jb_unit_is_money(const char *unit)
{
    /* strstr(unit, "元") by hand: a unit is a few bytes, shorter than strstr's set-up */
    for (const char *p = unit; *p; p++)
        if (p[0] == '\xE5' && p[1] == '\x85' && p[2] == '\x83')
            return TRUE;
    return FALSE;
}

/* An index in points is written whole, as markets quote it (21397点, never 2.1397万点). */
static gboolean is_index_points(const char *unit)
{
    return strcmp(jb_unit_base(unit), "点") == 0;
}

/* The display unit of a scale, largest first: money alone takes the first (万亿, T: a
 * trillion items of anything else is read in 亿 or B); ratios and index points take none. */
typedef struct {
    const char *name;
    double from;
} Scale;

static const char *display_in(const char *unit, double max_abs, const Scale scale[3])
{
    if (jb_unit_is_ratio(unit) || is_index_points(unit))
        return "";
    for (int i = jb_unit_is_money(unit) ? 0 : 1; i < 3; i++)
        if (max_abs >= scale[i].from)
            return scale[i].name;
    return "";
}

const char *jb_units_display(const char *unit, double max_abs)
{
    static const Scale CN[3] = {{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}};
    return display_in(unit, max_abs, CN);
}

const char *jb_units_display_western(const char *unit, double max_abs)
{
    static const Scale WEST[3] = {{"T", 1e12}, {"B", 1e9}, {"M", 1e6}};
    return display_in(unit, max_abs, WEST);
}

int jb_units_display_exp(const char *display)
{
    static const struct {
        const char *name;
        int exp;
    } all[] = {{"万", 4}, {"亿", 8}, {"万亿", 12}, {"M", 6}, {"B", 9}, {"T", 12}};
    for (guint i = 0; display && i < G_N_ELEMENTS(all); i++)
        if (strcmp(display, all[i].name) == 0)
            return all[i].exp;
    return 0;
}

char *jb_units_axis_text(const char *display, const char *unit, gboolean western)
{
    if (!western || !*display)
        return g_strconcat(display, unit, NULL);
    const char *word = strcmp(display, "T") == 0   ? "trillions"
                       : strcmp(display, "B") == 0 ? "billions"
                                                   : "millions";
    return g_strdup_printf("%s (%s)", unit, word);
}

/* The one place a bound becomes words. at_most is every upper bound a source states —
 * 近 (nearly), 最高 (up to), 不超过, 以下, 不到 — and says only that the value is no more:
 * 近 would claim a closeness 最高達245% does not state (a KPI read 近245%), 最高 a peak that
 * 100以下 does not, so it is ≤ in both styles (GB 2312 has it: the subset fonts draw it). */
const char *jb_units_bound_prefix(JbBound bound, gboolean western)
{
    static const char *const cn[] = {[JB_BOUND_EXACT] = "",
                                     [JB_BOUND_AT_LEAST] = "超",
                                     [JB_BOUND_AT_MOST] = "≤",
                                     [JB_BOUND_ABOUT] = "约"};
    static const char *const west[] = {[JB_BOUND_EXACT] = "",
                                       [JB_BOUND_AT_LEAST] = ">",
                                       [JB_BOUND_AT_MOST] = "≤",
                                       [JB_BOUND_ABOUT] = "~"};
    if ((guint)bound >= G_N_ELEMENTS(cn))
        return "";
    return western ? west[bound] : cn[bound];
}

char *jb_units_number(JbDecimal v, int decimals, const char *display)
{
    int k = jb_units_display_exp(display);
    JbDecimal d = jb_decimal_normalize(v);
    if (d.mant != 0)
        d.exp10 -= k;
    int natural = d.exp10 < 0 ? -d.exp10 : 0;
    /* stated trailing zeros count in the base unit only: 7.0% stays 7.0%, while the zeros
     * of 12345.60元 say nothing about 1.23456万 */
    int want = k == 0 ? MAX(natural, decimals) : natural;
    char *s = jb_decimal_to_string(d);
    if (want == natural)
        return s;
    GString *g = g_string_new(s);
    g_free(s);
    if (natural == 0)
        g_string_append_c(g, '.');
    for (int i = natural; i < want; i++)
        g_string_append_c(g, '0');
    return g_string_free(g, FALSE);
}

/* 1234567.5 → 1,234,567.5 */
static char *grouped(const char *num)
{
    GString *s = g_string_new(NULL);
    const char *p = num;
    if (*p == '-')
        g_string_append_c(s, *p++);
    const char *dot = strchr(p, '.');
    size_t int_len = dot ? (size_t)(dot - p) : strlen(p);
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0)
            g_string_append_c(s, ',');
        g_string_append_c(s, p[i]);
    }
    if (dot)
        g_string_append(s, dot);
    return g_string_free(s, FALSE);
}

/* An `about` figure written with many digits (a fraction: 约33.333333%) to four. */
static JbDecimal about_digits(JbDecimal v, int *decimals)
{
    v = jb_decimal_normalize(v);
    guint64 m = v.mant < 0 ? (guint64)(-(v.mant + 1)) + 1u : (guint64)v.mant;
    int n = v.mant ? digits_u64(m) : 1;
    if (n <= 6)
        return v;
    int drop = n - 4;
    guint64 q = m / POW10[drop], r = m % POW10[drop];
    if (r >= POW10[drop] / 2)
        q++;
    *decimals = 0;
    return jb_decimal_normalize((JbDecimal){v.mant < 0 ? -(gint64)q : (gint64)q, v.exp10 + drop});
}

/* A currency's sign before a western figure (¥1.2T, US$400B: never 1.2T元), or NULL. */
static const char *money_sign(const char *unit)
{
    static const char *const signs[][2] = {{"元", "¥"},     {"人民币", "¥"}, {"美元", "US$"},
                                           {"港元", "HK$"}, {"港币", "HK$"}, {"欧元", "€"},
                                           {"日元", "JP¥"}, {"英镑", "£"}};
    for (guint i = 0; i < G_N_ELEMENTS(signs); i++)
        if (strcmp(unit, signs[i][0]) == 0)
            return signs[i][1];
    return NULL;
}

/* One number of a label with its display unit and, when shown, its unit. */
static char *label_part(JbDecimal v, int decimals, const char *unit, guint style)
{
    gboolean western = (style & JB_LABEL_WESTERN) != 0;
    double a = fabs(jb_decimal_to_double(v));
    const char *display = western ? jb_units_display_western(unit, a) : jb_units_display(unit, a);
    g_autofree char *num = jb_units_number(v, decimals, display);
    if (western) {
        g_autofree char *g = grouped(num);
        if (!*display || !(style & JB_LABEL_FULL_UNIT) || (style & JB_LABEL_NO_UNIT))
            return g_strconcat(g, display, *display || (style & JB_LABEL_NO_UNIT) ? "" : unit,
                               NULL);
        /* no axis states the unit: a currency's sign before (-¥25M), else the unit after */
        const char *sign = money_sign(unit);
        if (!sign)
            return g_strconcat(g, display, unit, NULL);
        return g[0] == '-' ? g_strconcat("-", sign, g + 1, display, NULL)
                           : g_strconcat(sign, g, display, NULL);
    }
    gboolean show_unit = (!*display || (style & JB_LABEL_FULL_UNIT)) && !(style & JB_LABEL_NO_UNIT);
    return g_strconcat(num, display, show_unit ? unit : "", NULL);
}

char *jb_units_label(const JbFigure *f, const char *unit, guint style)
{
    gboolean western = (style & JB_LABEL_WESTERN) != 0;
    int decimals = f->decimals;
    if (f->range) {
        g_autofree char *lo = label_part(f->value, decimals, unit, style);
        g_autofree char *hi = label_part(f->high, f->high_decimals, unit, style);
        return g_strconcat(lo, "–", hi, NULL);
    }
    JbDecimal v = f->bound == JB_BOUND_ABOUT ? about_digits(f->value, &decimals) : f->value;
    g_autofree char *part = label_part(v, decimals, unit, style);
    if (style & JB_LABEL_NO_BOUND)
        return g_steal_pointer(&part);
    return g_strconcat(jb_units_bound_prefix(f->bound, western), part, NULL);
}

void jb_units_label_parts(const JbFigure *f, const char *unit, char **number, char **rest)
{
    if (f->range) {
        *number = jb_units_label(f, unit, JB_LABEL_FULL_UNIT);
        *rest = g_strdup("");
        return;
    }
    int decimals = f->decimals;
    JbDecimal v = f->bound == JB_BOUND_ABOUT ? about_digits(f->value, &decimals) : f->value;
    const char *display = jb_units_display(unit, fabs(jb_decimal_to_double(v)));
    g_autofree char *num = jb_units_number(v, decimals, display);
    *number = g_strconcat(jb_units_bound_prefix(f->bound, FALSE), num, NULL);
    *rest = g_strconcat(display, unit, NULL);
}

/* ---- exact arithmetic ------------------------------------------------------------------ */

static gboolean scale_up(gint64 *m, int by)
{
    for (; by > 0; by--)
        if (__builtin_mul_overflow(*m, 10, m))
            return FALSE;
    return TRUE;
}

/* a and b at their common (smaller) exponent; FALSE when a mantissa would overflow. */
static gboolean align(JbDecimal *a, JbDecimal *b)
{
    *a = jb_decimal_normalize(*a);
    *b = jb_decimal_normalize(*b);
    if (a->mant == 0)
        a->exp10 = b->exp10;
    if (b->mant == 0)
        b->exp10 = a->exp10;
    int e = MIN(a->exp10, b->exp10);
    if (a->exp10 - e > 36 || b->exp10 - e > 36 || !scale_up(&a->mant, a->exp10 - e) ||
        !scale_up(&b->mant, b->exp10 - e))
        return FALSE;
    a->exp10 = b->exp10 = e;
    return TRUE;
}

static gboolean fits(gint64 m)
{
    return m <= MAX_MANT && m >= -MAX_MANT;
}

gboolean jb_units_add(JbDecimal a, JbDecimal b, JbDecimal *out)
{
    gint64 s;
    if (!align(&a, &b) || __builtin_add_overflow(a.mant, b.mant, &s))
        return FALSE;
    JbDecimal d = jb_decimal_normalize((JbDecimal){s, a.exp10});
    if (!fits(d.mant))
        return FALSE;
    *out = d;
    return TRUE;
}

gboolean jb_units_sub(JbDecimal a, JbDecimal b, JbDecimal *out)
{
    gint64 s;
    if (!align(&a, &b) || __builtin_sub_overflow(a.mant, b.mant, &s))
        return FALSE;
    JbDecimal d = jb_decimal_normalize((JbDecimal){s, a.exp10});
    if (!fits(d.mant))
        return FALSE;
    *out = d;
    return TRUE;
}

static unsigned __int128 pow10_128(int n)
{
    unsigned __int128 p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

gboolean jb_units_div(JbDecimal a, JbDecimal b, int decimals, JbDecimal *out)
{
    a = jb_decimal_normalize(a);
    b = jb_decimal_normalize(b);
    if (b.mant == 0 || decimals < 0 || decimals > 12)
        return FALSE;
    gboolean neg = (a.mant < 0) != (b.mant < 0) && a.mant != 0;
    unsigned __int128 n = (unsigned __int128)(a.mant < 0 ? -(a.mant + 1) + 1ULL : (guint64)a.mant);
    unsigned __int128 d = (unsigned __int128)(b.mant < 0 ? -(b.mant + 1) + 1ULL : (guint64)b.mant);
    /* q = round(a ÷ b × 10^decimals) = round(n × 10^s ÷ d) */
    int s = a.exp10 - b.exp10 + decimals;
    if (s > 20) /* n < 10^18, so n × 10^20 < 10^38 < 2^127; beyond, the quotient is too big */
        return FALSE;
    if (s >= 0)
        n *= pow10_128(s);
    else if (-s > 20) { /* the quotient rounds to zero */
        *out = (JbDecimal){0, 0};
        return TRUE;
    } else
        d *= pow10_128(-s);
    unsigned __int128 q = n / d, r = n % d;
    if (r >= d - r)
        q++;
    if (q > (unsigned __int128)MAX_MANT)
        return FALSE;
    gint64 m = (gint64)q;
    *out = jb_decimal_normalize((JbDecimal){neg ? -m : m, -decimals});
    return TRUE;
}

static JbBound flip(JbBound b)
{
    return b == JB_BOUND_AT_LEAST  ? JB_BOUND_AT_MOST
           : b == JB_BOUND_AT_MOST ? JB_BOUND_AT_LEAST
                                   : b;
}

JbBound jb_units_bound_of(JbBound a, JbBound b)
{
    b = flip(b);
    if (a == JB_BOUND_EXACT)
        return b;
    if (b == JB_BOUND_EXACT || a == b)
        return a;
    return JB_BOUND_ABOUT;
}

/* ---- change ---------------------------------------------------------------------------- */

/* a ÷ b at one decimal, and whether that rounded anything away. */
static gboolean div_one(JbDecimal a, JbDecimal b, JbDecimal *out, gboolean *rounded)
{
    JbDecimal fine;
    if (!jb_units_div(a, b, 1, out))
        return FALSE;
    int d = 12; /* finer, as far as the quotient fits */
    while (d > 1 && !jb_units_div(a, b, d, &fine))
        d--;
    *rounded = d == 1 || !jb_decimal_equal(fine, *out);
    return TRUE;
}

JbChange jb_units_change(const JbFigure *first, const JbFigure *last, const char *unit)
{
    JbChange ch = {JB_CHANGE_NONE, {0, 0}, FALSE};
    if (first->range || last->range)
        return ch;
    gboolean bounded = jb_units_bound_of(last->bound, first->bound) != JB_BOUND_EXACT;
    if (strcmp(unit, "%") == 0) {
        if (jb_units_sub(last->value, first->value, &ch.amount)) {
            ch.kind = JB_CHANGE_POINTS;
            ch.approx = bounded;
        }
        return ch;
    }
    if (jb_unit_is_ratio(unit) || first->value.mant <= 0 || last->value.mant < 0)
        return ch;
    gboolean rounded;
    JbDecimal r, diff;
    if (!div_one(last->value, first->value, &r, &rounded))
        return ch;
    if (jb_decimal_cmp(r, (JbDecimal){2, 0}) >= 0) {
        ch.kind = JB_CHANGE_MULTIPLE;
        ch.amount = r;
        ch.approx = bounded || rounded;
        return ch;
    }
    if (!jb_units_sub(last->value, first->value, &diff))
        return ch;
    diff.exp10 += 2; /* × 100 */
    if (!div_one(diff, first->value, &ch.amount, &rounded))
        return ch;
    ch.kind = JB_CHANGE_PERCENT;
    ch.approx = bounded || rounded;
    return ch;
}

static char *abs_text(JbDecimal d)
{
    if (d.mant < 0)
        d.mant = -d.mant;
    return jb_decimal_to_string(d);
}

char *jb_units_change_text(const JbChange *ch, const char *since)
{
    const char *yue = ch->approx ? "约" : "";
    int sign = (ch->amount.mant > 0) - (ch->amount.mant < 0);
    g_autofree char *n = abs_text(ch->amount);
    switch (ch->kind) {
    case JB_CHANGE_MULTIPLE:
        return g_strdup_printf("为%s的%s%s倍", since, yue, n);
    case JB_CHANGE_PERCENT:
        if (!sign)
            return g_strdup_printf("与%s%s持平", since, yue);
        return g_strdup_printf("较%s%s%s%s%%", since, sign > 0 ? "增长" : "下降", yue, n);
    case JB_CHANGE_POINTS:
        if (!sign)
            return g_strdup_printf("与%s%s持平", since, yue);
        return g_strdup_printf("比%s%s%s%s个百分点", since, sign > 0 ? "高" : "低", yue, n);
    case JB_CHANGE_NONE:
        break;
    }
    return NULL;
}

char *jb_units_change_mark(const JbChange *ch)
{
    int sign = (ch->amount.mant > 0) - (ch->amount.mant < 0);
    g_autofree char *n = abs_text(ch->amount);
    switch (ch->kind) {
    case JB_CHANGE_MULTIPLE:
        if (jb_decimal_to_double(ch->amount) >= 1e4) { /* ×10亿, not ×1000000000 */
            g_autofree char *cn = jb_number_format_cn(ch->amount, 3);
            return g_strconcat("×", cn, NULL);
        }
        return g_strconcat("×", n, NULL);
    case JB_CHANGE_PERCENT:
        return g_strdup_printf("%s%s%%", sign < 0 ? "-" : "+", n);
    case JB_CHANGE_POINTS:
        return g_strdup_printf("%s%s个百分点", sign < 0 ? "-" : "+", n);
    case JB_CHANGE_NONE:
        break;
    }
    return NULL;
}
