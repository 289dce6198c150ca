/* jb_number_money.c — money written in English or with a currency sign: the currency before
 * a number (US$479.6 million, HK$38.55, 约HK$612亿, RMB 2.3 billion, €3.4m; the signs and codes
 * are templates/units.tsv's "# before" part) and the English magnitudes after its digits
 * (million, billion, bn, m). See jb_number_priv.h.
 *
 * Not for: the units written after a number (jb_number_member.c), nor hedges (jb_number.c).
 */
#include "jb_number_priv.h"

#include <string.h>

const UnitDef *jb_number_currency_before(const Ctx *c, gsize p, gsize *at)
{
    gsize k = p;
    if (k > c->lo && c->t[k - 1] == ' ')
        k--;
    if (k == 0)
        return NULL;
    const UnitDef *best = NULL;
    for (guint64 bits = jb_currency_by_last[(guchar)c->t[k - 1]]; bits; bits &= bits - 1) {
        const UnitDef *u = &JB_CURRENCIES[__builtin_ctzll(bits)];
        if (k < c->lo + u->len || (best && best->len >= u->len) ||
            !same_bytes(c->t + k - u->len, u->text, u->len))
            continue;
        gsize s = k - u->len;
        if (g_ascii_isalpha(u->text[0]) && s > 0 && g_ascii_isalpha(c->t[s - 1]))
            continue; /* the end of a longer word (…XUSD) */
        best = u;
    }
    if (best)
        *at = k - best->len;
    return best;
}

/* English magnitudes after digits (US$479.6 million, 3.5 billion yuan, $12bn, €3.4m): the
 * words and abbreviations, with or without a space before them (1.5 billion, €1.5 bn); the
 * single letters (m b k) only glued and after a currency, where nothing else can mean them. Written
 * here, like 万 and 亿, because they are number syntax and no library reads them in CJK text. */
static const struct {
    const char *w;
    guint8 len, pow, money_only;
} SCALES[] = {
    {"trillion", 8, 12, 0}, {"Trillion", 8, 12, 0}, {"billion", 7, 9, 0},  {"Billion", 7, 9, 0},
    {"million", 7, 6, 0},   {"Million", 7, 6, 0},   {"thousand", 8, 3, 0}, {"Thousand", 8, 3, 0},
    {"trn", 3, 12, 0},      {"tn", 2, 12, 0},       {"bln", 3, 9, 0},      {"bn", 2, 9, 0},
    {"mln", 3, 6, 0},       {"mn", 2, 6, 0},        {"m", 1, 6, 1},        {"M", 1, 6, 1},
    {"b", 1, 9, 1},         {"B", 1, 9, 1},         {"k", 1, 3, 1},        {"K", 1, 3, 1},
};

gsize jb_number_english_scale_at(const Ctx *c, gsize q, gboolean money, int *pow)
{
    if (q >= c->len)
        return 0;
    gsize sp = c->t[q] == ' ' ? 1 : 0;
    if (q + sp >= c->len)
        return 0;
    switch (c->t[q + sp]) { /* what every entry begins with: most text ends here */
    case 't':
    case 'T':
    case 'b':
    case 'B':
    case 'm':
    case 'M':
    case 'k':
    case 'K':
        break;
    default:
        return 0;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(SCALES); i++) {
        gsize at = q + sp, n = SCALES[i].len;
        if ((sp && n < 2) || (SCALES[i].money_only && !money) || n > c->len - at ||
            !same_bytes(c->t + at, SCALES[i].w, n) ||
            (at + n < c->len && g_ascii_isalnum(c->t[at + n])))
            continue;
        *pow = SCALES[i].pow;
        return sp + n;
    }
    return 0;
}
