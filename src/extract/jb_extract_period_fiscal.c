/* jb_extract_period_fiscal.c — fiscal years: a year named by its fiscal number (2026财年,
 * 2026财年第三财季) and the month an article says its company's fiscal year ends in
 * (公司财年截至每年6月30日); school years (2025—2026学年), another year across two.
 *
 * Not for: calendar years and quarters (jb_extract_period_dates.c).
 */
#include "jb_extract_period_priv.h"

/* ---- fiscal years ------------------------------------------------------------------------- */

static const char *const FISCAL_YEAR[] = {"财年", "財年", "财政年度", "財政年度", NULL};

/* Past the year after y written at p (after a separator: 2026/27, 2025—2026), in two digits
 * or four; NULL when what is there is no such year. */
static const char *next_year_at(const char *s, const char *p, const char *limit, int y)
{
    if (!p)
        return NULL;
    const char *q = p;
    int y2 = digits(&q, s, limit, 4);
    return (q - p == 2 && y2 == (y + 1) % 100) || (q - p == 4 && y2 == y + 1) ? q : NULL;
}

/* A fiscal year written FY2025 or FY25 (较FY2025的39.8亿港元, FY2026收入): as 2025财年 is, the
 * months it covers when the article says where its years end (a->fy_end), else the calendar
 * year's; where it ends, or NULL. */
const char *fy_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    if (limit - p < 4 || p[0] != 'F' || p[1] != 'Y' || (p > s && g_ascii_isalpha(p[-1])))
        return NULL;
    const char *b = p; /* (a quarter's or half's code before it, Q2 FY26, H1 FY25: theirs) */
    while (b > s && b[-1] == ' ')
        b--;
    if (b > s && (g_ascii_isdigit(b[-1]) || b[-1] == 'Q' || b[-1] == 'H'))
        return NULL;
    const char *q = p + 2;
    int y = digits(&q, s, limit, 4);
    if (q - p == 4 && y >= 0)
        y += 2000;
    else if (q - p != 6)
        return NULL;
    if (y < 1990 || y > 2100 || (q < limit && g_ascii_isalpha(*q)))
        return NULL;
    int fy = a->fy_end >= 1 && a->fy_end <= 12 ? a->fy_end : 12;
    t->p = month_run(jb_point_add((JbPoint){JB_POINT_MONTH, y, fy, 0}, -11), 12);
    return q;
}

/* A fiscal year by its number (2026财年, 2026财年第三财季, 2026财年上半财年, 2025財政年度): the
 * months it covers when the article says where its years end (a->fy_end), else the calendar
 * year's. A fiscal year is named by the year it ends in. */
const char *fiscal_ref(const char *s, const char *p, const char *limit, const TimeAnchor *a,
                       TimeRef *t)
{
    const char *q = p;
    int y = digits(&q, s, limit, 4);
    /* 2026/27财年, 2025/2026财政年度: a year across two, named by both; it ends in the second,
     * in March unless the article says otherwise (Hong Kong's, India's, Japan's) */
    gboolean split = FALSE;
    const char *sl = y >= 1900 && y <= 2100
                         ? any_lit(q, limit, (const char *const[]){"/", "／", "-", NULL})
                         : NULL;
    const char *q2 = next_year_at(s, sl, limit, y);
    if (q2) {
        q = q2;
        y++;
        split = TRUE;
    }
    /* 2026/27至2030/31年度: the years from the first's to the last's */
    int y_first = y;
    const char *to = split ? any_lit(q, limit, (const char *const[]){"至", "到", "-", "—", NULL})
                           : NULL;
    if (to) {
        const char *zq = to;
        int z = digits(&zq, s, limit, 4);
        const char *sl2 = z > y - 1 && z <= 2100
                              ? any_lit(zq, limit, (const char *const[]){"/", "／", NULL})
                              : NULL;
        const char *q3 = next_year_at(s, sl2, limit, z);
        if (q3 && q3 - sl2 == 2)
            q = q3, y = z + 1;
    }
    /* a year across two is a fiscal year however it is called (2026/27年度 is no calendar
     * year: 2025年度 is) */
    const char *e = y >= 1900 && y <= 2100 ? any_lit(q, limit, FISCAL_YEAR) : NULL;
    if (!e && split)
        e = any_lit(q, limit, (const char *const[]){"年度", NULL});
    if (!e)
        return NULL;
    int fy = a->fy_end >= 1 && a->fy_end <= 12 ? a->fy_end : split ? 3 : 12;
    JbPoint first = jb_point_add((JbPoint){JB_POINT_MONTH, y, fy, 0}, -11);
    if (y != y_first) { /* (a span of fiscal years: whole years only) */
        t->p = (JbPeriod){jb_point_add(first, -12 * (y - y_first)), jb_point_add(first, 11)};
        t->future_word = (ends_with(s, p, "到") || ends_with(s, p, "至")) &&
                         !ends_with(s, p, "截至");
        return e;
    }
    int from = 0, n = 12; /* months into the year, and how many */
    const char *r = any_lit(e, limit, (const char *const[]){"的", NULL});
    r = r ? r : e;
    const char *k = lit(r, limit, "第");
    int quarter = k ? small_number(&k, s, limit, 4) : -1;
    const char *ke = quarter >= 1 ? any_lit(k, limit,
                                            (const char *const[]){"财季", "財季", "财政季度",
                                                                  "財政季度", "季度", "季", NULL})
                                  : NULL;
    const char *he;
    if (ke) {
        from = 3 * (quarter - 1), n = 3, e = ke;
    } else if ((he = any_lit(
                    r, limit,
                    (const char *const[]){"上半财年", "上半財年", "上半年", "上半", NULL}))) {
        n = 6, e = he;
    } else if ((he = any_lit(
                    r, limit,
                    (const char *const[]){"下半财年", "下半財年", "下半年", "下半", NULL}))) {
        from = 6, n = 6, e = he;
    } else if ((he = any_lit(r, limit, (const char *const[]){"全年", NULL}))) {
        e = he;
    }
    t->p = month_run(jb_point_add(first, from), n);
    t->future_word = (ends_with(s, p, "到") || ends_with(s, p, "至")) && !ends_with(s, p, "截至");
    return e;
}

/* A school year by its two years (2025—2026学年, 2025-2026学年度, 2025/26學年): September to
 * August; a season across the year's end by its two years (2026—2027冰雪季): those years. */
const char *school_year_ref(const char *s, const char *p, const char *limit, TimeRef *t)
{
    static const char *const SEASON[] = {"冰雪季", "滑雪季", "雪季", "采暖季",
                                         "採暖季", "供暖季", "榨季", NULL};
    const char *q = p;
    int y = digits(&q, s, limit, 4);
    const char *sl = y >= 1900 && y <= 2100
                         ? any_lit(q, limit,
                                   (const char *const[]){"—", "–", "-", "/", "／", "至", NULL})
                         : NULL;
    const char *q2 = next_year_at(s, sl, limit, y);
    if (!q2)
        return NULL;
    const char *e = any_lit(q2, limit,
                            (const char *const[]){"学年度", "學年度", "学年", "學年", NULL});
    if (e) {
        t->p = (JbPeriod){{JB_POINT_MONTH, y, 9, 0}, {JB_POINT_MONTH, y + 1, 8, 0}};
        return e;
    }
    /* a season across the year's end (2026—2027冰雪季, 2026/27采暖季): its months vary, so the
     * two years */
    if (!(e = any_lit(q2, limit, SEASON)) ||
        any_lit(e, limit, (const char *const[]){"（", "(", NULL}))
        return NULL; /* (2026—2027冰雪季（2026年11月至2027年3月）: the months in brackets say it) */
    for (const char *w = e; w < limit && w < e + 60 && !clause_mark_at(w, limit);
         w = g_utf8_next_char(w))
        if (any_lit(w, limit, (const char *const[]){"报告", "報告", "白皮书", "白皮書", NULL}))
            return NULL; /* (发布2025—2026雪季冰雪旅游发展报告: a report's name) */
    t->p = (JbPeriod){{JB_POINT_YEAR, y, 0, 0}, {JB_POINT_YEAR, y + 1, 0, 0}};
    return e;
}

JbPeriod fiscal_year_of(JbPoint d, int fy_end)
{
    JbPoint first = {JB_POINT_MONTH, d.year - (d.n <= fy_end), fy_end + 1, 0};
    return (JbPeriod){first, jb_point_add(first, 11)};
}

/* The fiscal year named by a word for it (本财年, 上一财年) or its half (上半财年, 下半财年), of
 * a company whose years the article says end in another month than December: counted from
 * the fiscal year the published day falls in. NULL where none is there, where months in
 * brackets follow to say it, or where the article does not say where its years end. */
const char *fiscal_word(const char *p, const char *limit, const TimeAnchor *a, TimeRef *t)
{
    static const struct {
        const char *w;
        int years, from, n; /* years back, months into the year, how many */
    } WORDS[] = {{"本财年", 0, 0, 12},    {"本財年", 0, 0, 12},     {"今财年", 0, 0, 12},
                 {"今財年", 0, 0, 12},    {"本财政年度", 0, 0, 12}, {"本財政年度", 0, 0, 12},
                 {"上一财年", -1, 0, 12}, {"上一財年", -1, 0, 12},  {"上财年", -1, 0, 12},
                 {"上財年", -1, 0, 12},   {"上半财年", 0, 0, 6},    {"上半財年", 0, 0, 6},
                 {"下半财年", 0, 6, 6},   {"下半財年", 0, 6, 6}};
    if (a->fy_end < 1 || a->fy_end > 11 || a->day.kind < JB_POINT_MONTH)
        return NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(WORDS); i++) {
        const char *e = lit(p, limit, WORDS[i].w);
        if (!e)
            continue;
        if (lit(e, limit, "（") || (e < limit && *e == '('))
            return NULL; /* (下半财年（2026年10月至2027年3月）: the months say it) */
        JbPoint first = fiscal_year_of(a->day, a->fy_end).start;
        first = jb_point_add(first, 12 * WORDS[i].years + WORDS[i].from);
        t->p = month_run(first, WORDS[i].n);
        return e;
    }
    return NULL;
}

/* A month and a day at p, either way (6月30日, 十二月三十一日): the month, *pp past it; or -1. */
static int month_day_at(const char **pp, const char *s, const char *limit)
{
    const char *q = *pp;
    int m = small_number(&q, s, limit, 12);
    if (m < 1 || !(q = lit(q, limit, "月")))
        return -1;
    int d = small_number(&q, s, limit, 31);
    if (d < 28 || !(q = any_lit(q, limit, (const char *const[]){"日", "号", "號", NULL})))
        return -1; /* (a fiscal year ends at a month's end) */
    *pp = q;
    return m;
}

/* What the words around one 财年 (`wlen` bytes: 财年, 财政年度) at `o` say of where the years
 * end: a month, or 0. */
static int fiscal_end_at(const char *text, const char *o, gsize wlen, const char *limit)
{
    /* 财年截至每年6月30日, 财年于每年6月30日结束 */
    const char *r = o + wlen;
    for (int k = 0; k < 6 && r < limit; k++, r = g_utf8_next_char(r)) {
        const char *q = lit(r, limit, "每年");
        int m = q ? month_day_at(&q, text, limit) : -1;
        if (m > 0)
            return m;
    }
    /* 2026财年上半年（截至2025年9月30日止六个月）: the day after it, in brackets */
    const char *f = o + wlen, *b = f;
    for (int k = 0; k < 8 && b < limit && !lit(b, limit, "（") && *b != '('; k++)
        b = g_utf8_next_char(b);
    const char *in = lit(b, limit, "（") ? b + strlen("（") : b < limit && *b == '(' ? b + 1 : NULL;
    if (in && (in = any_lit(in, limit, (const char *const[]){"截至", "截止", NULL}))) {
        const char *y = in;
        if (digits(&y, text, limit, 4) > 0 && (y = lit(y, limit, "年")))
            in = y;
        int m = month_day_at(&in, text, limit);
        const char *k = lit(f, b, "第");
        int quarter = k ? small_number(&k, text, b, 4) : -1;
        if (m > 0 && quarter >= 1)
            return (m - 1 + 3 * (4 - quarter)) % 12 + 1;
        if (m > 0 && any_lit(f, b, (const char *const[]){"上半", NULL}))
            return (m - 1 + 6) % 12 + 1;
        if (m > 0 && f == b)
            return m;
    }
    /* 截至2025年12月31日止的2026财年第二财季, 截至2025年6月30日止财年: the day before it */
    const char *w = o, *as_of = NULL;
    for (int k = 0; k < 40 && w > text; k++)
        w = g_utf8_prev_char(w);
    for (const char *x = w; x < o; x = g_utf8_next_char(x))
        if (lit(x, o, "截至") || lit(x, o, "截止"))
            as_of = x + strlen("截至");
    if (!as_of)
        return 0;
    const char *q = as_of, *y = as_of;
    if (digits(&y, text, o, 4) > 0 && (y = lit(y, o, "年")))
        q = y;
    int m = month_day_at(&q, text, o);
    q = m > 0 ? any_lit(q, o, (const char *const[]){"止的", "止", "的", NULL}) : NULL;
    if (!q)
        return 0;
    while (q < o && g_ascii_isdigit(*q))
        q++; /* the fiscal year's number */
    if (q != o)
        return 0;
    const char *k = lit(f, limit, "第");
    int quarter = k ? small_number(&k, text, limit, 4) : -1;
    if (quarter >= 1) /* its quarter n ends 3 × (4 − n) months before the year does */
        return (m - 1 + 3 * (4 - quarter)) % 12 + 1;
    return any_lit(f, limit, (const char *const[]){"上半", "下半", NULL}) ? 0 : m;
}

/* An interim's six months (截至2026年9月30日止六個月, a company's half-year results): the first
 * half of its fiscal year, which so ends six months after them (here in March); 0 if none. */
static int interim_end(const char *text, const char *limit)
{
    for (const char *const *word = (const char *const[]){"止六个月", "止六個月", NULL}; *word;
         word++)
        for (const char *o = text; (o = jb_find(o, limit, *word, strlen(*word)));
             o += strlen(*word)) {
            const char *b = o;
            for (int k = 0; k < 12 && b > text && !lit(b, o, "截至") && !lit(b, o, "截止"); k++)
                b = g_utf8_prev_char(b);
            if (!lit(b, o, "截至") && !lit(b, o, "截止"))
                continue;
            const char *q = b + strlen("截至"), *y = q;
            if (digits(&y, text, o, 4) > 0 && (y = lit(y, o, "年")))
                q = y;
            int m = month_day_at(&q, text, o);
            if (m > 0 && q == o)
                return (m + 5) % 12 + 1;
        }
    return 0;
}

/* Does [text, limit) hold a character whose last byte is `last` and whose first two are
 * one of `heads` (two bytes each, `n` of them)? One memchr walk for the last byte, the rarer. */
static gboolean holds_char_ending(const char *text, const char *limit, char last,
                                  const char *const *heads, gsize n)
{
    for (const char *q = text; q < limit && (q = memchr(q, last, (gsize)(limit - q))); q++)
        for (gsize i = 0; i < n && q - text >= 2; i++)
            if (q[-2] == heads[i][0] && q[-1] == heads[i][1])
                return TRUE;
    return FALSE;
}

int jb_extract_fiscal_year_end(const char *text)
{
    const char *limit = text + strlen(text);
    /* every paragraph is asked, and almost none names a fiscal year: the words all begin
     * with 财 (E8 B4 A2), 財 (E8 B2 A1) or 止 (E6 AD A2), two walks instead of one per word */
    if (!holds_char_ending(text, limit, '\xA2', (const char *const[]){"\xE8\xB4", "\xE6\xAD"}, 2) &&
        !holds_char_ending(text, limit, '\xA1', (const char *const[]){"\xE8\xB2"}, 1))
        return 0;
    for (const char *const *word = FISCAL_YEAR; *word; word++)
        for (const char *o = text; (o = jb_find(o, limit, *word, strlen(*word)));
             o += strlen(*word)) {
            int m = fiscal_end_at(text, o, strlen(*word), limit);
            if (m)
                return m;
        }
    return interim_end(text, limit);
}

gboolean jb_extract_roc_calendar(const char *text)
{
    const char *limit = text + strlen(text);
    if (jb_find(text, limit, "新台幣", strlen("新台幣")) ||
        jb_find(text, limit, "新臺幣", strlen("新臺幣")))
        return TRUE;
    for (const char *o = text; (o = jb_find(o, limit, "民國", strlen("民國")));
         o += strlen("民國")) {
        const char *d = o + strlen("民國");
        if (limit - d >= 6 && d[0] == '1' && g_ascii_isdigit(d[1]) && g_ascii_isdigit(d[2]) &&
            memcmp(d + 3, "年", 3) == 0)
            return TRUE;
    }
    return FALSE;
}
