/* jb_extract_per_unit.c — a figure counted per something named some words before it:
 * 每千人口医疗卫生机构床位7.48张 is 7.48 张/千人口, 每百户家庭拥有汽车45.3辆 45.3 辆/百户, 输入每百万
 * tokens 0.8元 0.8 元/百万tokens. The number reader joins 每 and a unit right before a number
 * (每吨789.3元 → 元/吨); here the words between are the metric's, and the per part is read from
 * templates/words.tsv (per_magnitude, per_noun).
 *
 * A day, a week, a month, a 斤, a night or a time are per parts too (每天…18万个包裹 个/天, 每周…156班
 * 班/周, 每月工资5000元 元/月, 每斤上涨了35元 元/斤, 每次部署约28颗 颗/次).
 *
 * Not for: a yearly sum (每年安排5亿元 is a plan's sum per year, kept in 元), a daily average
 * (每日平均客运量: 日均's), nor a rate the number already carries (元/吨).
 */
#include "jb_extract_period_priv.h"
#include "jb_extract_statement_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* How far before the figure 每 may stand: the metric's words between are a short phrase. */
#define PER_WINDOW_BYTES 72

/* Is the figure at qs the level a change reaches from the level at `digit`, in a clause from
 * a that names what both are per (每程由港幣548元減至496元, 由每月2,360元提高至2,520元)? It is
 * counted per the same: 由 before, no comma between, 至 (到, 为) right before it. */
static gboolean other_end_of_change(const char *a, const char *digit, const char *qs)
{
    const char *from = NULL;
    for (const char *p = a; p < digit; p = g_utf8_next_char(p))
        if (memcmp(p, "由", strlen("由")) == 0)
            from = p;
    if (!from)
        return FALSE;
    for (const char *p = digit; p < qs; p = g_utf8_next_char(p))
        if (memcmp(p, "，", strlen("，")) == 0 || memcmp(p, "；", strlen("；")) == 0)
            return FALSE;
    static const char *const TO[] = {"至", "到", "为", "為"};
    for (gsize i = 0; i < G_N_ELEMENTS(TO); i++)
        if (qs - digit > (ptrdiff_t)strlen(TO[i]) &&
            memcmp(qs - strlen(TO[i]), TO[i], strlen(TO[i])) == 0)
            return TRUE;
    return FALSE;
}

/* p past the ASCII spaces at it (up to limit). */
static const char *skip_spaces(const char *p, const char *limit)
{
    while (p < limit && *p == ' ')
        p++;
    return p;
}

/* Just after the last 每 whole in [from, qs), or NULL: memrchr for its last byte (8F, the
 * last of a few characters in 64), then the two before it, not a memcmp at every byte back
 * (asked of every figure with a unit). `from` may cut a character: bytes are compared. */
static const char *after_last_mei(const char *from, const char *qs)
{
    static const char MEI[] = "每"; /* E6 AF 8F */
    for (const char *z = qs; z - from >= 3;) {
        const char *last = memrchr(from + 2, (guchar)MEI[2], (size_t)(z - (from + 2)));
        if (!last)
            return NULL;
        if (last[-2] == MEI[0] && last[-1] == MEI[1])
            return last + 1;
        z = last;
    }
    return NULL;
}

/* A dividend paid per share (每股派发现金红利0.235元, 每10股派送现金红利2.10元): money after a
 * payout's words counted per 股 or per N 股 (元/股, 元/10股); where that count ends, or NULL.
 * Not earnings or assets per share (每股收益0.52元 stays in 元: a measure named so). */
static const char *dividend_per_share(const char *p, const char *qs, const char *unit)
{
    if (!jb_unit_is_money(unit))
        return NULL;
    const char *e = p;
    while (e < qs && g_ascii_isdigit(*e))
        e++;
    if (!(e = lit(e, qs, "股")))
        return NULL;
    static const char *const PAYOUT[] = {"派",   "红利", "紅利", "股息",
                                         "股利", "分红", "分紅", NULL};
    for (const char *w = e; w < qs; w = g_utf8_next_char(w))
        if (any_lit_scan(w, qs, PAYOUT))
            return e;
    return NULL;
}

static const char *const CLASS_BOUND[] = {"以下", "以上", "以内", "以內", NULL};

/* Is the figure a bound after its number (以下, 以上) with a noun right after it (每千人口拥有
 * 3岁以下婴幼儿托位): the bound names the class the rate counts, it is counted per nothing. */
static gboolean bound_names_class(const Figure *f)
{
    const char *e = f->qe;
    if (!f->qq.qualifier[0] || e >= f->sent_end || !g_unichar_isalpha(g_utf8_get_char(e)))
        return FALSE; /* (a mark, a digit or the sentence's end: a figure ends there) */
    for (const char *const *w = CLASS_BOUND; *w; w++)
        if (strcmp(f->qq.qualifier, *w) == 0)
            return TRUE;
    return FALSE;
}

/* Past such a class's bound at p, a number, a unit of a character or two and 以下 before a
 * noun (3岁以下婴幼儿), or NULL: the rate's figure after it is still counted per the base. */
static const char *past_class_bound(const char *p, const char *qs)
{
    while (p < qs && (g_ascii_isdigit(*p) || *p == '.'))
        p++;
    for (int k = 0; k < 3 && p < qs; k++, p = g_utf8_next_char(p))
        for (const char *const *w = CLASS_BOUND; *w; w++)
            if (starts(p, qs, *w)) {
                const char *n = p + strlen(*w);
                return n < qs && g_unichar_isalpha(g_utf8_get_char(n)) ? n : NULL;
            }
    return NULL;
}

void figure_per_unit(Figure *f)
{
    JbQuantity *q = &f->qq;
    if (!q->unit[0] || strchr(q->unit, '/') || jb_unit_is_ratio(q->unit) || bound_names_class(f))
        return;
    const char *from = f->qs - f->cs0 > PER_WINDOW_BYTES ? f->qs - PER_WINDOW_BYTES : f->cs0;
    const char *mei = after_last_mei(from, f->qs);
    if (!mei)
        return;
    /* (both lists longest first: the first word found is the longest; a space some sites
     * put between Chinese and Latin, 每百万 tokens 0.5 元, is no part of it) */
    const char *mag = skip_spaces(mei, f->qs);
    const char *mag_end = any_lit_scan(mag, f->qs, jb_words_per_magnitude);
    const char *per_end = any_lit_scan(skip_spaces(mag_end ? mag_end : mag, f->qs), f->qs,
                                       jb_words_per_noun);
    if (!per_end)
        per_end = dividend_per_share(mag, f->qs, q->unit);
    if (!per_end)
        return;
    for (const char *p = per_end; p < f->qs; p++) {
        const char *past = g_ascii_isdigit(*p) ? past_class_bound(p, f->qs) : NULL;
        if (past) {
            p = past - 1;
            continue;
        }
        if (g_ascii_isdigit(*p) && !other_end_of_change(f->cs0, p, f->qs))
            return; /* another figure between: 每人每年 2次 … 300元 is no rate of 人 */
    }
    char per[sizeof q->unit];
    gsize pl = 0;
    for (const char *p = mag; p < per_end && pl + 1 < sizeof per; p++)
        if (*p != ' ')
            per[pl++] = *p;
    per[pl] = '\0';
    gsize ul = strlen(q->unit);
    if ((pl == ul && memcmp(per, q->unit, ul) == 0) || ul + 1 + pl >= sizeof q->unit)
        return;
    q->unit[ul] = '/';
    memcpy(q->unit + ul + 1, per, pl + 1);
}
