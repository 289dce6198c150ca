/* jb_extract_currency.c — the currency and unit a story or a table declares for the figures
 * after it: a currency named once for the rest (…億澳門元（下同）), renminbi named at a figure,
 * and a table's unit declaration (单位：百万元) that is no figure itself.
 *
 * Not for: units of measure (jb_units.c), tables' units (jb_extract_table_units.c).
 */
#include "jb_extract_read_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* Does a figure at `at` follow a table's unit declaration (单位：百万元, 单位：人民币亿元)? Its
 * unit word reads as a number (百万元 is a million 元) but names the cells' unit. */
gboolean jb_extract_unit_declaration(const char *sent, const char *at)
{
    /* (each list behind its filter: asked before every figure, and almost none follows one) */
    static JbLitFilter currency, declaration;
    JB_LIT_FILTER_ONCE(&currency, jb_words_unit_currency);
    JB_LIT_FILTER_ONCE(&declaration, jb_words_unit_declaration);
    const char *p = at;
    while (p > sent && p[-1] == ' ')
        p--;
    gboolean money = jb_lit_filter_may_end(&currency, sent, p); /* (else p stays) */
    for (const char *const *cur = jb_words_unit_currency; money && *cur; cur++)
        if (ends(sent, p, *cur))
            p -= strlen(*cur);
    if (!jb_lit_filter_may_end(&declaration, sent, p))
        return FALSE;
    for (const char *const *w = jb_words_unit_declaration; *w; w++)
        if (ends(sent, p, *w))
            return TRUE;
    return FALSE;
}

/* Does [p, p + len) name renminbi (人民币, RMB)? */
gboolean jb_extract_names_renminbi(const char *p, gssize len)
{
    for (const char *const *cur = jb_words_unit_currency; *cur; cur++)
        if (g_strstr_len(p, len, *cur))
            return TRUE;
    return FALSE;
}

/* A figure in bare 元 (亿元, 元/股) is in the currency the story declared for its amounts
 * (…億澳門元（下同）), when it declared one. */
void jb_extract_in_declared_currency(const Ctx *c, JbQuantity *x)
{
    const char *u = x->unit;
    if (!c->declared_currency[0] || !(same_str(u, "元") || g_str_has_prefix(u, "元/")))
        return;
    char unit[sizeof x->unit];
    if ((gsize)g_snprintf(unit, sizeof unit, "%s%s", c->declared_currency, u + strlen("元")) <
        sizeof unit)
        memcpy(x->unit, unit, sizeof unit);
}

/* A currency named once for the rest (213.6億澳門元（下同）, 5亿美元(下同)) is noted; an
 * amount after it in bare 元 (2,318.7億元, 每股1.3元) is in that currency, unless renminbi is
 * named at it (人民币100亿元). */
void jb_extract_declared_currency(Ctx *c, const char *sent, const char *end, JbQuantity *x)
{
    const char *u = x->unit, *e = sent + x->end;
    if (jb_unit_is_money(u) && !same_str(u, "元") && !strchr(u, '/') && g_str_has_suffix(u, "元") &&
        (starts(e, end, "（下同）") || starts(e, end, "(下同)"))) {
        g_strlcpy(c->declared_currency, u, sizeof c->declared_currency);
        return;
    }
    if (!c->declared_currency[0])
        return;
    const char *qs = sent + x->start;
    const char *from = jb_utf8_back(sent, qs, 3); /* (人民币 just before it) */
    if (!jb_extract_names_renminbi(from, (gssize)(sent + x->end - from)))
        jb_extract_in_declared_currency(c, x);
}
