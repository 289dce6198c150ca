/* jb_extract_per_unit.c — a figure counted per something named some words before it:
 * 每千人口医疗卫生机构床位7.48张 is 7.48 张/千人口, 每百户家庭拥有汽车45.3辆 45.3 辆/百户, 输入每百万
 * tokens 0.8元 0.8 元/百万tokens. The number reader joins 每 and a unit right before a number
 * (每吨789.3元 → 元/吨); here the words between are the metric's, and the per part is read from
 * templates/words.tsv (per_magnitude, per_noun).
 *
 * Not for: a yearly or monthly sum (每年5亿元 is a sum per year, kept in 元), nor a rate the
 * number already carries (元/吨).
 */
#include "jb_extract_statement_priv.h"
#include "jb_units.h"
#include "jb_word_lists.h"

#include <string.h>

/* How far before the figure 每 may stand: the metric's words between are a short phrase. */
#define PER_WINDOW_BYTES 72

/* The longest word of `list` at p (before end), its length, or 0. */
static gsize word_at(const char *const *list, const char *p, const char *end)
{
    gsize best = 0;
    for (const char *const *w = list; *w; w++) {
        gsize n = strlen(*w);
        if (n > best && (gsize)(end - p) >= n && memcmp(p, *w, n) == 0)
            best = n;
    }
    return best;
}

void figure_per_unit(Figure *f)
{
    JbQuantity *q = &f->qq;
    if (!q->unit[0] || strchr(q->unit, '/') || jb_unit_is_ratio(q->unit))
        return;
    const char *from = f->qs - f->cs0 > PER_WINDOW_BYTES ? f->qs - PER_WINDOW_BYTES : f->cs0;
    const char *mei = NULL;
    for (const char *p = f->qs; p >= from + strlen("每"); p--)
        if (memcmp(p - strlen("每"), "每", strlen("每")) == 0) {
            mei = p; /* (just after it) */
            break;
        }
    if (!mei)
        return;
    gsize mag = word_at(jb_words_per_magnitude, mei, f->qs);
    gsize noun = word_at(jb_words_per_noun, mei + mag, f->qs);
    if (!noun)
        return;
    const char *per_end = mei + mag + noun;
    for (const char *p = per_end; p < f->qs; p++)
        if (g_ascii_isdigit(*p))
            return; /* another figure between: 每人每年 2次 … 300元 is no rate of 人 */
    gsize ul = strlen(q->unit), pl = (gsize)(per_end - mei);
    if ((pl == ul && memcmp(mei, q->unit, ul) == 0) || ul + 1 + pl >= sizeof q->unit)
        return;
    q->unit[ul] = '/';
    memcpy(q->unit + ul + 1, mei, pl);
    q->unit[ul + 1 + pl] = '\0';
}
