/* jb_extract_period_years.c — years written with marks around them, read by year_part
 * (jb_extract_period_dates.c): a relative year word with its year in brackets (明（2027）年,
 * Taiwan's 明（116）年) and the second year of a slash pair naming a season (2026/2027年).
 *
 * Not for: years written plainly (2025年, 民國114年: jb_extract_period_dates.c), years said in
 * words alone (今年, 明年: jb_extract_period_dates.c's WORDS).
 */
#include "jb_extract_period_priv.h"

/* Is the year at p the second of a pair written with a slash (2026/2027年冬春航季, 2025/2026
 * 年度榨季): a season across the two years, named; no period of one year. */
gboolean second_of_year_pair(const char *s, const char *p)
{
    if (p - s < 5 || p[-1] != '/')
        return FALSE;
    for (int k = 2; k <= 5; k++)
        if (!g_ascii_isdigit(p[-k]))
            return FALSE;
    return p - s == 5 || !g_ascii_isdigit(p[-6]);
}

/* A relative year word with its year in brackets, as Taiwan's and some official text write it
 * (今（2026）年, 明（2027）年, 去（2025）年; a year of the Republic of China, 明（116）年, is
 * 2027: three digits in such brackets are no count): where it ends (past 年 and 度), *year and
 * *future set, or NULL. The brackets decide the year, not the word's offset. */
const char *bracketed_year(const char *p, const char *limit, int *year, gboolean *future)
{
    static const char *const WORDS[] = {"今", "去", "前", "明", "后", "後", NULL};
    const char *q = any_lit(p, limit, WORDS);
    const char *open = q ? any_lit(q, limit, (const char *const[]){"（", "(", NULL}) : NULL;
    if (!open)
        return NULL;
    const char *e = open;
    int y = digits(&e, open, limit, 4);
    if (e - open == 3 && y >= 100 && y <= 199)
        y += 1911;
    else if (e - open != 4 || y < 1900 || y > 2100)
        return NULL;
    e = any_lit(e, limit, (const char *const[]){"）", ")", NULL});
    if (!e || !(e = lit(e, limit, "年")))
        return NULL;
    if (lit(e, limit, "度"))
        e += strlen("度");
    *year = y;
    *future = cjk_at(p, limit) == 0x660E /* 明 */ || cjk_at(p, limit) == 0x540E /* 后 */ ||
              cjk_at(p, limit) == 0x5F8C /* 後 */;
    return e;
}

/* Does a valuation multiple follow the year that ends at e (给予公司2027年33倍PE, 2027年25倍市盈率,
 * 2027年PE 33倍): the year whose earnings the multiple prices, that clause's only; the target
 * price and upside worked from it are of the note's day. */
gboolean multiple_of_year(const char *e, const char *limit)
{
    static const char *const MULTIPLES[] = {"PE",     "P/E",    "PB",        "P/B", "市盈率",
                                            "市净率", "市淨率", "EV/EBITDA", NULL};
    const char *q = e;
    while (q < limit && (g_ascii_isdigit(*q) || *q == '.'))
        q++;
    if (q > e && !(q = lit(q, limit, "倍")))
        return FALSE;
    return any_lit(q, limit, MULTIPLES) != NULL;
}

/* Does the clause after e end in 为基数 (以2025年12月31日總股本18.64億股為基數, 以目前总股本…为基数),
 * or count a share count (以2025年12月31日总股本29.68亿股计算: 股计算, 股計算): the share count a
 * payout is counted on, whose time is the count's only? (Beside multiple_of_year:
 * jb_extract_time_scope asks both of what follows a time.) */
gboolean base_of_payout(const char *e, const char *limit)
{
    const char *far = e + MIN(limit - e, 3 * 60 + 6);
    if (!jb_find(e, far, "基", strlen("基")) && !jb_find(e, far, "算", strlen("算")))
        return FALSE; /* (no 基 or 算 where the walk below reads: most clauses, with two memchr) */
    for (const char *q = e; q < limit && q - e < 3 * 60 && !clause_mark_at(q, limit);
         q = g_utf8_next_char(q))
        if (lit(q, limit, "为基数") || lit(q, limit, "為基數") || lit(q, limit, "股计算") ||
            lit(q, limit, "股計算"))
            return TRUE;
    return FALSE;
}

/* Does the year [p, e) name an edition of a document rather than a time of figures: 2025年版
 * (（2025年版）), or a list a body publishes (公布2026年国家医保药品目录调整结果, 发布2026年…名单:
 * the list's edition; its counts are the day's)? Only after a verb of publishing, as a year
 * before 目录 can be the period of what the list holds (2026年目录内药品销售额…). */
gboolean edition_of_year(const char *s, const char *p, const char *e, const char *limit)
{
    static const char *const PUBLISH[] = {"公布", "公佈", "发布", "發布", "發佈", "印发",
                                          "印發", "颁布", "頒布", "出台", NULL};
    static const char *const LIST[] = {"目录", "目錄", "名单", "名單", "清单", "清單", NULL};
    const char *v = lit(e, limit, "版");
    if (v) /* (not 版图, 版块: a map, a sector) */
        return !any_lit(v, limit, (const char *const[]){"图", "圖", "块", "塊", "面", NULL});
    if (!ends_with_any(s, p, PUBLISH))
        return FALSE;
    for (const char *q = e;
         q < limit && q - e < 3 * 14 && !clause_mark_at(q, limit) && !g_ascii_isdigit(*q);
         q = g_utf8_next_char(q))
        if (any_lit(q, limit, LIST))
            return TRUE;
    return FALSE;
}

/* Is the year t at [p, e) in s the time of a payout's share count, a valuation's year or a
 * document's edition (base_of_payout, multiple_of_year, edition_of_year): its clause's only? */
gboolean year_names_no_period(const TimeRef *t, const char *s, const char *p, const char *e,
                              const char *limit)
{
    return base_of_payout(e, limit) || multiple_of_year(e, limit) ||
           (t->p.start.kind == JB_POINT_YEAR && edition_of_year(s, p, e, limit));
}
