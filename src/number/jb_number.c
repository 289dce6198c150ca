/* jb_number.c — scanning text for Chinese numbers and reading whole expressions; see
 * jb_number.h.
 *
 * The scanner makes one pass over the bytes and looks only at characters that can begin a
 * number (ASCII digits, Chinese numerals, 半, 翻). From there it reads forward (numeral,
 * 多/余, 万/亿, unit, range, list) and looks back a few bytes for hedge words (超过, 近, 约,
 * 第 …). The tables are built once; nothing is allocated while scanning.
 *
 * Here: ranges, fractions and lists, and the public entry points. Not here: hedge words
 * before and after a number (jb_number_hedge.c), one member's numeral and unit
 * (jb_number_member.c, jb_number_numeral.c), what counts as a quantity
 * (jb_number_accept.c), the tables (jb_number_tables.c), decimals (jb_decimal.c).
 */
#include "jb_number_priv.h"
#include "jb_units.h"

#include <stddef.h>
#include <string.h>

/* ==================================================================================== */
/* Expressions: ranges, fractions, lists (hedges: jb_number_hedge.c)                    */
/* ==================================================================================== */

static gboolean numeral_start_at(const Ctx *c, gsize i)
{
    if (i >= c->len)
        return FALSE;
    gsize n;
    gunichar cp = cp_at(c, i, &n);
    return (cp < 0x80 && g_ascii_isdigit((char)cp)) || cn_numeral(cp) || cp == CP_BAN ||
           cp == CP_FAN;
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

static Reason read_expr(Ctx *c, gsize p, int depth, Expr *e);

/* Skip hedge words forward to the numeral (for jb_number_parse and list members). */
static gsize skip_prefix_forward(const Ctx *c, gsize p)
{
    for (int round = 0; round < 3; round++) {
        gsize k = skip_spaces(c, p);
        const QualDef *found = NULL;
        /* the first in table order, tried only where one begins like the text */
        guint64 bits = k < c->len
                           ? jb_prefix_by_first[unit_hash((const guchar *)c->t + k, c->len - k)]
                           : 0;
        for (; bits && !found; bits &= bits - 1) {
            const QualDef *q = &JB_PREFIX_QUALS[__builtin_ctzll(bits)];
            if (at_lit(c, k, q->text, q->len))
                found = q;
        }
        if (!found)
            break;
        p = skip_spaces(c, k + found->len);
    }
    const UnitDef *cur = NULL; /* US$, HK$, RMB (jb_number_look_back reads it again) */
    /* (the first longest, in table order; only those beginning with the byte at p are tried) */
    for (guint64 bits = p < c->len ? jb_currency_by_first[(guchar)c->t[p]] : 0; bits;
         bits &= bits - 1) {
        const UnitDef *u = &JB_CURRENCIES[__builtin_ctzll(bits)];
        if ((!cur || u->len > cur->len) && at_lit(c, p, u->text, u->len))
            cur = u;
    }
    if (cur && is_digit_at(c, skip_spaces(c, p + cur->len)) &&
        skip_spaces(c, p + cur->len) <= p + cur->len + 1)
        p = skip_spaces(c, p + cur->len);
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

/* List separators: 、 and / (110万亿、120万亿、130万亿元; 505.5/591.8/673.9亿元), and the
 * words before a list's last member (0.9、1.1和0.5个百分点; 3及5家) */
static gsize list_sep_at(const Ctx *c, gsize q)
{
    if (AT(c, q, "、"))
        return strlen("、");
    if (AT(c, q, "和") || AT(c, q, "及") || AT(c, q, "与") || AT(c, q, "與") || AT(c, q, "或"))
        return 3;
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

/* Does a change verb end right before e (its hedge, if any): 下调30元至…, 减少约15亿元至…? */
static gboolean after_change_verb(Ctx *c, const Expr *e)
{
    return prev_char_in(c, e->qual_len ? MIN(e->qual_at, e->start) : e->start,
                        "调調涨漲跌升降加减減少高低长長落");
}

/* Are e's member and m2, of one unit and after a change verb, the change and the level it
 * reached rather than a range (减少约15亿元至540亿元, 增加3亿元至120亿元)? So when the level is five
 * times the change or more: a range's ends are seldom so far apart. Percentages keep their
 * ranges (预计增长10%至40%: a forecast's bounds; a rate's change is in 个百分点). */
static gboolean change_then_level(Ctx *c, const Expr *e, const Member *m2)
{
    const Member *m = &e->m;
    if (!m->has_unit || !m2->has_unit || m->ukind != U_PLAIN || strcmp(m->unit, "%") == 0)
        return FALSE;
    if (!after_change_verb(c, e))
        return FALSE;
    JbDecimal lo = e->value;
    if (lo.mant <= 0 || lo.mant > G_MAXINT64 / 5)
        return FALSE;
    return jb_decimal_cmp(m2->value, (JbDecimal){lo.mant * 5, lo.exp10}) >= 0;
}

/* A range after the member e->m (3至5倍, 4.5%-5%, 3~5, 3至5万), read into e: WHY_OK, also
 * when there is none, or why the whole is no quantity (3-0, 1-10月). */
static Reason read_range(Ctx *c, Expr *e)
{
    const Member *m = &e->m;
    gboolean dash;
    gsize q = skip_spaces(c, m->end);
    gsize sl = range_sep_at(c, q, &dash);
    gsize p2 = skip_spaces(c, q + sl);
    gboolean below = FALSE; /* 零下5至零下2℃, -5℃至-2℃ */
    gsize bz = sl ? jb_number_below_zero_at(c, p2) : 0;
    if (bz) {
        p2 += bz;
        below = TRUE;
    } else if (sl && !dash && p2 < c->len && c->t[p2] == '-' && is_digit_at(c, p2 + 1)) {
        p2++;
        below = TRUE;
    }
    if (sl && numeral_start_at(c, p2)) {
        Member m2;
        Reason r2 = jb_number_read_member(c, p2, FALSE, &m2);
        if (below)
            m2.value.mant = -m2.value.mant;
        if (r2 != WHY_OK && r2 != WHY_NONE && !m->has_unit) {
            e->tok_end = MAX(e->tok_end, m2.tok_end); /* 1-10月, 2024-2025年: all of it */
            return r2;
        }
        /* (a unit on the lower end only is a change and the level it reached: 上涨1.9%至101.4) */
        gboolean ok = r2 == WHY_OK && !(m->has_unit && !m2.has_unit);
        /* 36亿元至37.5亿元人民币, 500元至600元/吨: the upper end's unit says more */
        gboolean widen = FALSE;
        if (ok && m->has_unit && m2.has_unit && !same_unit(m, &m2)) {
            widen = m->ukind == m2.ukind && m2.unit_len > m->unit_len &&
                    memcmp(m2.unit, m->unit, m->unit_len) == 0;
            /* (after a change verb, a change and the level it reaches: 下调30元至3040元/吨) */
            if (widen && after_change_verb(c, e))
                widen = FALSE;
            ok = widen;
        }
        if (ok && !widen && change_then_level(c, e, &m2))
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
                if ((!m->has_unit || widen) && m2.has_unit)
                    copy_unit(e, m2.ukind, m2.unit, m2.unit_len);
                e->tail_pow = m2.tail_pow;
                e->rounded |= m2.rounded;
                e->end = m2.end;
                e->tok_end = MAX(e->tok_end, m2.tok_end);
            }
        }
    }
    return WHY_OK;
}

/* A rate per a round base after the number (孕产妇死亡率为14.1/10万, 发病率3.2/万): the
 * base is the unit ("/10万"), not a figure of its own. */
static void read_per_base(Ctx *c, Expr *e)
{
    gsize q = e->end;
    if (e->is_range || e->has_unit || q >= c->len || c->t[q] != '/')
        return;
    gsize k = q + 1;
    while (k < c->len && g_ascii_isdigit(c->t[k]) && k - q <= 4)
        k++;
    if (k - q > 1 && c->t[q + 1] == '0')
        return;
    if (!AT(c, k, "万") && !AT(c, k, "千") && !AT(c, k, "百") && !AT(c, k, "萬"))
        return;
    k += 3;
    if (k < c->len && (g_ascii_isalnum(c->t[k]) || AT(c, k, "元") || AT(c, k, "人")))
        return; /* (a unit of its own after it: 3/10万元 is no rate per base) */
    copy_unit(e, U_PLAIN, c->t + q, k - q);
    e->end = k;
    e->tok_end = MAX(e->tok_end, k);
}

/* A fraction a/b after a whole number (1/3, 约1/4), as a percentage, into e. */
static void read_fraction(Ctx *c, Expr *e)
{
    const Member *m = &e->m;
    gsize fq = e->end;
    if (!e->is_range && !e->has_unit && m->arabic && m->is_int && !m->infix_len && !e->negative &&
        fq < c->len && c->t[fq] == '/' && is_digit_at(c, fq + 1) &&
        !(e->start >= 2 && c->t[e->start - 1] == '/' && g_ascii_isdigit(c->t[e->start - 2]))) {
        /* (not the month and day of a date written 2026/11/27) */
        Member m2;
        if (jb_number_read_member(c, fq + 1, FALSE, &m2) == WHY_OK && m2.arabic && m2.is_int &&
            !m2.has_unit && !m2.infix_len && !(m2.end < c->len && c->t[m2.end] == '/') &&
            jb_decimal_cmp(m->value, m2.value) < 0 && m->value.mant > 0) {
            guint64 den = (guint64)m2.value.mant;
            if (jb_number_percent_of(m->value, den, &e->value, &e->rounded)) {
                e->high = e->value;
                e->fraction = TRUE;
                copy_unit(e, U_PLAIN, "%", 1);
                e->end = m2.end;
                e->tok_end = MAX(e->tok_end, m2.tok_end);
            }
        }
    }
}

/* A list sharing the last member's unit (not a fraction's %: 1/4、1/3): e takes the unit
 * and magnitude of the list's end. */
static void read_list_unit(Ctx *c, int depth, Expr *e)
{
    const Member *m = &e->m;
    gsize lq = e->end;
    if (c->scan && !e->is_range && list_sep_at(c, lq)) {
        Expr next;
        if (list_unit(c, lq, depth, &next)) {
            /* 3.3个、3.5个百分点: 个 is the start of the list's unit (written 百分点) */
            gboolean ge = UNIT_IS(e, "个") || UNIT_IS(e, "個");
            gboolean adopt = !e->has_unit ||
                             (e->unit_len < next.unit_len &&
                              memcmp(next.unit, e->unit, e->unit_len) == 0) ||
                             (ge && (UNIT_IS(&next, "百分点") || UNIT_IS(&next, "基点")));
            if (adopt && !m->fixed_unit && !next.fraction && !next.m.fixed_unit) {
                copy_unit(e, next.ukind, next.unit, next.unit_len);
                if (!e->has_mag && next.tail_pow > 0) {
                    shift_expr(e, next.tail_pow); /* 505.5/591.8/673.9亿元 */
                    e->tail_pow = next.tail_pow;
                }
            }
        }
    }
}

/* A price per unit written before the number that started at p: 每吨789.3元 → 元/吨,
 * 每桶80美元 → 美元/桶, with a hedge before that (约每吨800元). */
static void read_per_unit(const Ctx *c, gsize p, Expr *e)
{
    gsize ua, pl = e->has_unit && e->ukind == U_PLAIN && !e->fraction
                       ? jb_number_per_unit_before(c, e->start, &ua)
                       : 0;
    if (pl && !jb_unit_is_ratio(e->unit) && !memchr(e->unit, '/', e->unit_len)) {
        if (e->unit_len + 1 + (pl - 3) < sizeof e->unit) {
            e->unit[e->unit_len] = '/';
            memcpy(e->unit + e->unit_len + 1, c->t + ua, pl - 3);
            e->unit_len += 1 + pl - 3;
            e->unit[e->unit_len] = '\0';
            e->start -= pl;
            const QualDef *hq = e->qual_len ? NULL : jb_number_prefix_qual_before(c, e->start, p);
            if (hq) { /* 约每吨800元 */
                e->start -= hq->len;
                e->qual_at = e->start;
                e->qual_len = hq->len;
                e->bound = (JbBound)hq->bound;
                e->hedged = TRUE;
            }
        }
    }
}

static Reason read_expr(Ctx *c, gsize p, int depth, Expr *e)
{
    /* everything but e->m, which jb_number_read_member() always clears itself (a third of the
     * struct, cleared twice at every number otherwise) */
    memset(e, 0, offsetof(Expr, m));
    memset((char *)e + offsetof(Expr, m) + sizeof e->m, 0,
           offsetof(Expr, unit) - offsetof(Expr, m) - sizeof e->m);
    e->unit[0] = '\0';
    e->start = p;
    e->tok_end = p + 1;
    Reason r = jb_number_look_back(c, p, e);
    Member *m = &e->m;
    Reason rm = jb_number_read_member(c, p, e->hedged, m);
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
        e->bound = AT(c, m->infix_at, "来") || AT(c, m->infix_at, "來") ? JB_BOUND_ABOUT
                                                                        : JB_BOUND_AT_LEAST;
    }
    e->end = m->end;

    /* then what may follow the member, or stand before it */
    Reason rr = read_range(c, e); /* 3至5倍, 4.5%-5%, 3~5, 3至5万 */
    if (rr)
        return rr;
    read_fraction(c, e);         /* 1/3, 约1/4 */
    read_per_base(c, e);         /* 14.1/10万 */
    read_list_unit(c, depth, e); /* 505.5/591.8/673.9亿元 */
    /* the currency written before it: HK$38.55, US$479.6 million */
    if (e->currency && !e->has_unit)
        copy_unit(e, U_PLAIN, e->currency->canon, strlen(e->currency->canon));
    read_per_unit(c, p, e);           /* 每吨789.3元 → 元/吨 */
    jb_number_read_hedge_after(c, e); /* 以上 以下 左右 … */
    e->tok_end = MAX(e->tok_end, e->end);
    return WHY_OK;
}

/* ==================================================================================== */
/* Public entry points                                                                  */
/* ==================================================================================== */

static gboolean parse_fail(GError **error, const char *expr, Reason r)
{
    gsize len = strlen(expr);
    g_autofree char *shown = g_utf8_make_valid(expr, (gssize)MIN(len, 60));
    g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "“%s%s”: %s", shown, len > 60 ? "…" : "",
                jb_number_reason_text(r));
    return FALSE;
}

/* [*a, *b) of expr without the white space around it: jb_text.h's one set (an ideographic
 * space, U+3000, too; it had an ASCII set of its own). */
static void trim_space(const char *expr, gsize *a, gsize *b)
{
    const guchar *u = (const guchar *)expr;
    gsize n;
    while (*a < *b && jb_is_space(jb_utf8_get_checked(u + *a, *b - *a, &n)))
        *a += n;
    while (*b > *a) {
        gsize k = *b - 1; /* back to the last character's first byte */
        while (k > *a && (u[k] & 0xC0) == 0x80)
            k--;
        if (!jb_is_space(jb_utf8_get_checked(u + k, *b - k, &n)) || k + n != *b)
            break;
        *b = k;
    }
}

gboolean jb_number_parse(const char *expr, JbQuantity *out, GError **error)
{
    g_return_val_if_fail(expr != NULL && out != NULL, FALSE);
    gsize a = 0, b = strlen(expr);
    trim_space(expr, &a, &b);
    if (a == b)
        return parse_fail(error, expr, WHY_NONE);
    jb_number_tables_init();
    Ctx c = {.t = expr, .len = b, .lo = a, .scan = FALSE};
    gsize p = skip_prefix_forward(&c, a);
    if (AT(&c, p, "每")) /* 每吨652.8元: the numeral after the unit */
        for (gsize k = p + 6, ua; k <= p + 15 && k < b; k += 3)
            if (numeral_start_at(&c, k)) {
                if (jb_number_per_unit_before(&c, k, &ua) == k - p)
                    p = k;
                break;
            }
    if (AT(&c, p, "第"))
        return parse_fail(error, expr, WHY_ORDINAL);
    p += jb_number_below_zero_at(&c, p); /* 零下3.5℃: the digits, the sign read before them */
    if (p == a && jb_number_duration_pair(expr, b, p, out) == b)
        return TRUE; /* 4分30秒 */
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
        gboolean list = list_sep_at(&c, e.end) &&
                        numeral_start_at(&c, e.end + list_sep_at(&c, e.end));
        return parse_fail(error, expr, list ? WHY_LIST : WHY_EXTRA);
    }
    r = jb_number_parse_accepts(&e);
    if (r)
        return parse_fail(error, expr, r);
    jb_number_to_quantity(&c, &e, out);
    return TRUE;
}

/* A fast path of the scanner for the commonest number that is not a quantity: a year, month
 * or day (2025年, 6月, 24日: a fifth of the numbers in news). When the digits at p run straight
 * into 年, 月 or 日 (not 日元), returns where read_expr() would have told the scanner to go
 * on: the end of the digits, whatever else holds (a leading 0, a glued letter, too many
 * digits: each is another reason to skip the same bytes). Otherwise p. */
/* May the digits p..q before 日 be a day of the month? Not more than 31 of them, nor after
 * 为期 or 历时 (ending in 期 时 時): read_unit decides those (展期共87日, 为期14日). */
static gboolean day_of_month(const guchar *u, gsize p, gsize q)
{
    if (q - p > 2 || (q - p == 2 && (u[p] - '0') * 10 + (u[p + 1] - '0') > 31))
        return FALSE;
    return !(p >= 3 && (memcmp(u + p - 3, "期", 3) == 0 || memcmp(u + p - 3, "时", 3) == 0 ||
                        memcmp(u + p - 3, "時", 3) == 0));
}

static gsize skip_date_digits(const guchar *u, gsize p, gsize len)
{
    gsize q = p + 1;
    while (q < len && (guint)(u[q] - '0') < 10u)
        q++;
    if (len - q < 3)
        return p;
    const guchar *d = u + q;
    gboolean date = (d[0] == 0xE5 && d[1] == 0xB9 && d[2] == 0xB4 && q - p == 4) || /* 年 */
                    (d[0] == 0xE6 && d[1] == 0x9C && d[2] == 0x88) ||               /* 月 */
                    (d[0] == 0xE6 && d[1] == 0x97 && d[2] == 0xA5 && /* 日, not 日元 日历天 */
                     !(len - q >= 6 && ((d[3] == 0xE5 && d[4] == 0x85 && d[5] == 0x83) ||
                                        (d[3] == 0xE5 && d[4] == 0x8E && d[5] == 0x86) ||
                                        (d[3] == 0xE6 && d[4] == 0x9B && d[5] == 0x86))) &&
                     day_of_month(u, p, q));
    return date ? q : p;
}

gboolean jb_number_scan(const char *text, gsize len, gsize from, JbQuantity *out)
{
    g_return_val_if_fail(text != NULL || len == 0, FALSE);
    g_return_val_if_fail(out != NULL, FALSE);
    if (from >= len)
        return FALSE;
    jb_number_tables_init();
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
        while (p < stop3 && jb_pair_class[pair_word(u + p)] == PAIR_CLASS_PLAIN &&
               (u[p + 2] & 0xC0) == 0x80)
            p += 3;
        if (p >= len)
            break;
        guchar b = u[p];
        gsize n;
        guint cls = p < stop3 && (u[p + 2] & 0xC0) == 0x80 ? jb_pair_class[pair_word(u + p)]
                                                           : PAIR_CLASS_OTHER;
        if (cls >= PAIR_CLASS_TRIGGER) {
            if (!((jb_pair_thirds[cls - PAIR_CLASS_TRIGGER] >> (u[p + 2] & 0x3F)) & 1)) {
                p += 3;
                continue;
            }
            n = 3;
        } else if (g_ascii_isdigit(b)) {
            n = 1;
            gboolean said;
            gsize q = jb_number_ratio_term(text, len, p, out, &said);
            if (said || jb_number_duration_pair(text, len, p, out))
                return TRUE;
            if (q > p) {
                p = q;
                continue;
            }
            q = skip_date_digits(u, p, len);
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
        if (r == WHY_OK && jb_number_scan_accepts(&c, &e)) {
            jb_number_to_quantity(&c, &e, out);
            return TRUE;
        }
        p = MAX(e.tok_end, p + n);
    }
    return FALSE;
}
