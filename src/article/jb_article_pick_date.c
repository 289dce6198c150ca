/* jb_article_pick_date.c — the published date picked once the passes are done: the one the
 * article states (front matter, <meta>, a header line, the URL), else weaker signs, each taken
 * with a warning (a date in the title, a release's closing date, the latest item's date, the
 * file's name, a wire's dateline with no year).
 *
 * Not for: reading a date as written (jb_article_date.c), finding the header line that holds
 * it (jb_article_header.c).
 */
#include "jb_article_priv.h"

#include <string.h>

/* A full date in a file's name (articles saved as 05_ipo_20250617.txt or
 * 2025-06-17-notice.md): the last sign there is, for an article that states none. */
static char *file_name_date(const char *path)
{
    g_autofree char *base = g_path_get_basename(path);
    g_autofree char *as_url = g_strconcat("/", base, NULL);
    return jb_article_url_date(as_url);
}

/* A full date written in a title: "新闻联播 2024-10-18", "早餐2024年8月31日星期六",
 * "（20230305）". NULL when there is none. */
static char *title_date(const char *t)
{
    for (const char *p = t ? t : ""; *p; p++) {
        if (!g_ascii_isdigit(*p) || (p > t && g_ascii_isdigit(p[-1])))
            continue;
        const char *e;
        int y, m, d;
        if (jb_article_scan_ymd(p, &e, &y, &m, &d) == 3)
            return jb_article_format_date(3, y, m, d);
        int v, n;
        e = scan_digits(p, 9, &v, &n);
        if (n == 8) {
            g_autofree char *iso = g_strdup_printf("%04d-%02d-%02d", v / 10000, v / 100 % 100,
                                                   v % 100);
            char *ok = jb_article_parse_date(iso);
            if (ok)
                return ok;
        }
    }
    return NULL;
}

/* The year of a month named in `text` last (2025年11月金融统计数据: 2025 and 11), or 0. */
static int named_year(const char *text, int *month)
{
    int year = 0;
    for (const char *p = text; *p; p++) {
        int v, n;
        if (!g_ascii_isdigit(*p) || (p > text && g_ascii_isdigit(p[-1])))
            continue;
        const char *e = scan_digits(p, 5, &v, &n);
        if (n != 4 || v < 1900 || v > 2200 || !starts_with(e, "年"))
            continue;
        int mv = 0, mn;
        const char *me = scan_digits(e + strlen("年"), 3, &mv, &mn);
        if (v >= year) {
            year = v;
            *month = mn >= 1 && mv >= 1 && mv <= 12 && starts_with(me, "月") ? mv : 0;
        }
    }
    return year;
}

/* A wire's dateline with no year (新华社北京12月12日电, 本报讯 3月5日讯): its day, in the year
 * of the latest month its title or opening paragraph names (2025年11月金融统计数据: 2025; a
 * month after the dateline's, the year before it: 2025年12月… in a 1月15日电 is 2026's),
 * or NULL. */
static char *dateline_date(const JbArticle *a, gboolean *year_stated)
{
    int m = 0, d = 0, stated = 0;
    const char *first = NULL;
    for (guint i = 0; i < a->paragraphs->len && i < 3 && !m; i++) { /* (a title may come first) */
        first = g_ptr_array_index(a->paragraphs, i);
        const char *p = first;
        for (int k = 0; k < 40 && *p && !m; k++, p = g_utf8_next_char(p)) {
            int v, n, dv, dn;
            if (!g_ascii_isdigit(*p) || (p > first && g_ascii_isdigit(p[-1])))
                continue;
            const char *e = scan_digits(p, 3, &v, &n);
            if (!starts_with(e, "月"))
                continue;
            e = scan_digits(e + strlen("月"), 3, &dv, &dn);
            if (starts_with(e, "日电") || starts_with(e, "日電") || starts_with(e, "日讯") ||
                starts_with(e, "日訊")) {
                m = v, d = dv;
                /* (a dateline with its year: 台北2026年11月20日電) */
                const char *y = p - strlen("年") - 4;
                int yv, yn;
                if (p - first >= (gssize)strlen("年") + 4 && starts_with(p - strlen("年"), "年") &&
                    scan_digits(y, 4, &yv, &yn) == p - strlen("年") && yn == 4 &&
                    (y == first || !g_ascii_isdigit(y[-1])))
                    stated = yv;
            }
        }
    }
    *year_stated = stated > 0;
    if (!m)
        return NULL;
    if (stated) {
        g_autofree char *iso = g_strdup_printf("%04d-%02d-%02d", stated, m, d);
        return jb_article_parse_date(iso);
    }
    g_autofree char *text = g_strconcat(a->title ? a->title : "", "\n", first, NULL);
    int named_month = 0;
    int y = named_year(text, &named_month);
    if (!y)
        return NULL;
    if (named_month > m)
        y++;
    g_autofree char *iso = g_strdup_printf("%04d-%02d-%02d", y, m, d);
    return jb_article_parse_date(iso); /* (NULL for no such day) */
}

/* A report on a month, named in its title or a heading among its first lines, short and with no
 * clause mark (长江期货交易所2026年11月市场运行情况, 2026年11月份金融统计数据报告): it comes out once
 * that month is over, so the first day after it, or NULL. Not a sentence (2026年11月，全省…), nor a
 * cover's issue month (研究报告 2026年11月: 报告 is no word of a month's figures). */
static char *report_month_date(const JbArticle *a)
{
    static const char *const REPORT[] = {"情况", "情況", "月报", "月報", "数据", "數據",
                                         "统计", "統計", "运行", "運行", NULL};
    for (guint i = 0; i <= a->paragraphs->len && i < 4; i++) {
        const char *line = i == 0 ? a->title : g_ptr_array_index(a->paragraphs, i - 1);
        if (!line || strlen(line) > 90 || strstr(line, "，") || strstr(line, "。") ||
            strstr(line, ","))
            continue;
        for (const char *p = line; *p; p++) {
            int y, yn, m, mn;
            if (!g_ascii_isdigit(*p) || (p > line && g_ascii_isdigit(p[-1])))
                continue;
            const char *e = scan_digits(p, 5, &y, &yn);
            if (yn != 4 || y < 1900 || y > 2200 || !starts_with(e, "年"))
                continue;
            e = scan_digits(e + strlen("年"), 3, &m, &mn);
            if (mn < 1 || m < 1 || m > 12 || !starts_with(e, "月"))
                continue;
            gboolean report = FALSE;
            for (const char *const *w = REPORT; *w && !report; w++)
                report = strstr(e, *w) != NULL;
            if (report)
                return jb_article_format_date(3, m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
        }
    }
    return NULL;
}

/* The latest date an item of the article states (a digest's items), or NULL. */
static char *latest_section_date(const JbArticle *a)
{
    const char *best = NULL;
    for (guint i = 0; i < a->sections->len; i++) {
        const char *d = g_array_index(a->sections, JbSection, i).published;
        if (d[0] && (!best || strcmp(d, best) > 0))
            best = d;
    }
    return best ? g_strdup(best) : NULL;
}

/* The published date (caller frees; NULL when none is found): `*override` (taken), else the
 * article's own, else weaker signs, each with a warning saying what was taken. */
char *jb_article_pick_date(JbArticle *a, Ctx *c, const char *source, char **override)
{
    /* date: override, front matter, <meta>, a header line, the URL */
    char *date = NULL;
    if (*override) {
        date = g_steal_pointer(override);
    } else if (c->fm_date && (date = jb_article_parse_date(c->fm_date)) == NULL) {
        jb_article_add_warning(a->warnings, "%s:%u: front matter date '%s' not understood", source,
                               c->fm_date_line, c->fm_date);
    }
    if (!date && c->meta_date)
        date = jb_article_parse_date(c->meta_date);
    if (!date)
        date = g_steal_pointer(&c->header_date);
    if (!date && a->url)
        date = jb_article_url_date(a->url);
    if (!date) { /* weaker signs: a date in the title (新闻联播 2024-10-18), an item's date */
        date = title_date(a->title);
        if (!date)
            date = g_steal_pointer(&c->closing_date); /* a release's 香港，二零二六年七月三日 */
        if (!date)
            date = latest_section_date(a);
        if (!date && (date = file_name_date(source)) != NULL)
            jb_article_add_warning(a->warnings,
                                   "%s: the article states no date; the one in its file name (%s) "
                                   "is taken as its published date",
                                   source, date);
        gboolean year_stated = FALSE;
        if (!date && (date = dateline_date(a, &year_stated)) != NULL && !year_stated)
            jb_article_add_warning(a->warnings,
                                   "%s: the article's dateline names no year; %s, in the year its "
                                   "opening names, is taken as its published date",
                                   source, date);
        if (!date && (date = report_month_date(a)) != NULL)
            jb_article_add_warning(a->warnings,
                                   "%s: the article states no date; it reports on the month "
                                   "before %s, which is taken as its published date",
                                   source, date);
        if (!date)
            jb_article_add_warning(a->warnings,
                                   "%s: no date found (front matter, <meta>, a date line, a "
                                   "dateline, the URL, the title or the file name): figures "
                                   "that name no year have no period; give --published",
                                   source);
        a->date_guessed = date != NULL;
    }
    return date;
}
