/* jb_extract_table_stock.c — a table column whose header names two times, a stock's point
 * and a flow's span (10月末/1—10月, 本月末／1—10月累计): a monthly release puts its totals at
 * the month's end (用户, 基站) and its running totals since January (业务量, 收入) in one
 * column, each row's time the one of its kind.
 *
 * Not for: the columns of one time each (jb_extract_table.c), a stock in prose
 * (stock_at_span_end in jb_extract_statement_change.c).
 */
#include "jb_extract_priv.h"
#include "jb_extract_table_priv.h"
#include "jb_word_lists.h"

#include <string.h>

static gboolean has_any(const char *s, const char *const *words)
{
    for (const char *const *w = words; s && *w; w++)
        if (strstr(s, *w))
            return TRUE;
    return FALSE;
}

/* Does a word of a unit in `s` end a count of holders or things at a moment (万户, 亿户, 个,
 * 家)? Only the unit's last character counts (亿户 and 户 alike). */
static gboolean stock_unit(const char *s)
{
    if (!s)
        return FALSE;
    g_autofree char *u = jb_table_bracket_unit(s);
    const char *t = u ? u : s;
    size_t n = strlen(t);
    for (const char *const *w = jb_words_stock_unit; *w; w++) {
        size_t k = strlen(*w);
        if (n >= k && strcmp(t + n - k, *w) == 0)
            return TRUE;
    }
    return FALSE;
}

/* Is the row a flow (TRUE), a stock (FALSE) or neither told (-1)? A word of a flow in the
 * label first (业务量, 收入, 累计: 移动互联网累计流量 in 亿GB), then a stock's noun
 * (总数, 余额: the prose's list) or 用户, or a unit counting holders or things (亿户, 个). */
static int row_is_flow(const char *label, const char *row_unit)
{
    if (has_any(label, jb_words_flow_noun))
        return TRUE;
    if (has_any(label, jb_words_stock_noun) || strstr(label, "用户") || strstr(label, "用戶") ||
        stock_unit(row_unit) || stock_unit(label))
        return FALSE;
    return -1;
}

/* Is `p` one point in time (2026-10), not a span of several (2026-01/2026-10)? */
static gboolean point(const JbPeriod *p)
{
    return jb_period_first_day(p) == jb_point_first_day(&p->end);
}

/* Is `r` this month by its word (本月, 本月末, 当月), no number? */
static gboolean this_month(const TimeRef *r)
{
    static const char *const W[] = {"本月", "当月", "當月", NULL};
    for (const char *const *w = W; *w; w++)
        if (starts(r->at, r->end, *w))
            return TRUE;
    return FALSE;
}

void jb_table_stock_or_flow(Ctx *c, const JbPeriod *ctx, const char *label, const char *row_unit,
                            TimeRef *ht)
{
    /* (cheap first: a slash after the header's first time) */
    const char *slash = strstr(ht->end, "/");
    if (!slash)
        slash = strstr(ht->end, "／");
    if (!slash || !label)
        return;
    const GArray *refs = c->times; /* (the header's times, as text_time left them) */
    const TimeRef *second = NULL;
    guint i = 0;
    for (; i < refs->len && !second; i++) {
        const TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->at > slash && r->role != TIME_RESTATE && r->role != TIME_BASE)
            second = r;
    }
    JbPeriod val;
    if (!second || !jb_extract_resolve_time(second, ctx, &c->anchor, refs, i - 1, &val) ||
        point(&ht->val) == point(&val))
        return; /* (two points or two spans: no kind of row tells them apart) */
    int flow = row_is_flow(label, row_unit);
    if (flow < 0)
        return;
    const TimeRef *pt = point(&ht->val) ? ht : second;
    JbPeriod span = point(&ht->val) ? val : ht->val;
    if (flow == point(&ht->val)) { /* (the first time is not the row's kind's) */
        ht->val = val;
        ht->future_word = second->future_word;
    }
    /* 本月末 beside 1—9月累计 is the span's last month, the one reported, not the published */
    if (!flow && this_month(pt) && span.end.kind == JB_POINT_MONTH)
        ht->val = (JbPeriod){span.end, span.end};
    ht->end = second->end; /* (both times out of the metric: 10月末/1—10月 names none) */
}
