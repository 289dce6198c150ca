/* jb_extract_now_stock.c — a stock said to stand now (客户已超过2000家, 用户数已突破3200万) in a
 * sentence whose earlier clause counted a span for its own figure (公司今年前10个月的收入约为
 * 5.6亿元，付费企业客户已超过2000家，…): the stock is of the published day, and so are the
 * figures of the clauses after it, not the span carried from that clause.
 *
 * Not for: a span opening the sentence as a clause of its own (1—10月，全市已完成…；…，已累计…:
 * the sentence's period, its running totals too), a time of the figure's own clause.
 */
#include "jb_extract_statement_priv.h"

#include <string.h>

/* Does 已 at `at` (已经 too) say a level reached, the figure right after its verb (已超过2000家,
 * 已突破3200万, 已有812家)? Not 已累计 (a running total of the span) nor 已完成 (work done in it). */
static gboolean stock_reached(const char *at, const char *end)
{
    static const char *const VERB[] = {"超过", "超過", "突破", "达到", "達到", "拥有", "擁有",
                                       "达",   "達",   "有",   "超",   "逾",   "破",   NULL};
    const char *p = at + strlen("已");
    if (starts(p, end, "经") || starts(p, end, "經"))
        p += strlen("经");
    for (const char *const *w = VERB; *w; w++)
        if (starts(p, end, *w)) {
            p += strlen(*w);
            if (starts(p, end, "约") || starts(p, end, "近"))
                p += strlen("约");
            if (p >= end || !g_ascii_isdigit(*p))
                return FALSE;
            while (p < end && (g_ascii_isdigit(*p) || *p == '.'))
                p++; /* (a figure, not a year compared with: 已超过2025年全年的八成) */
            return !starts(p, end, "年") && !starts(p, end, "月") && !starts(p, end, "日");
        }
    return FALSE;
}

gboolean jb_extract_now_stock(const Ctx *c, const Figure *f)
{
    const TimeRef *t = f->t;
    if (!f->have_time || t->at >= f->cs0 || !t->has_val || t->role != TIME_PERIOD ||
        t->future_word || c->anchor.day.kind != JB_POINT_DAY ||
        jb_period_end_day(&t->val) > jb_point_first_day(&c->anchor.day))
        return FALSE;
    /* the span inside a clause of a figure of its own (…前10个月的收入约为5.6亿元，), not a clause
     * of its own opening the sentence (前10个月，…) */
    if (clause_sep_at(t->end) || !has_digit(t->end, f->cs0) ||
        jb_extract_clause_start(c, c->sentence_start, t->at) >= t->at)
        return FALSE;
    const char *after = t->end; /* (the span's clause's end: the stock is said after it) */
    while (after < f->cs0 && !clause_sep_at(after))
        after = g_utf8_next_char(after);
    gboolean found = FALSE;
    for (guint k = keyword_from(c, after); k < c->keywords->len; k++) {
        const WordHit *h = &g_array_index(c->keywords, WordHit, k);
        if (h->at >= f->qs)
            break;
        if (h->tag >= kw_actual && h->tag < kw_hedge && ACTUAL_CUMULATIVE(h->tag) &&
            h->at >= f->cs0)
            return FALSE; /* (累计票房已达…: a running total of the span, no stock) */
        if (starts(h->at, f->qs, "已") && stock_reached(h->at, f->qe))
            found = TRUE;
    }
    return found;
}
