/* jb_article_header.c — the lines of a page that carry its date: header lines
 * ("发布时间：2024年3月5日", "2025-06-09 10:05来源: 某报"), bylines with a date, a speech's
 * date line, a closing date line (香港，二零二六年七月三日), and the name a 来源 line gives.
 *
 * Not for: reading a date itself (jb_article_date.c) nor choosing among the dates found
 * (jb_article.c).
 */
#include "jb_article_priv.h"
#include "jb_word_lists.h"

#define HEADER_MAX_CHARS 80 /* a header line with a date is no longer */

/* Skip " 08:39" or "T08:39:51" after a date. */
static const char *skip_time(const char *p)
{
    const char *q = p;
    while (*q == ' ' || *q == 'T')
        q++;
    int v, n;
    const char *r = scan_digits(q, 2, &v, &n);
    if (n == 0 || *r != ':')
        return p;
    r = scan_digits(r + 1, 2, &v, &n);
    if (n != 2)
        return p;
    if (*r == ':') {
        const char *t = scan_digits(r + 1, 2, &v, &n);
        if (n == 2)
            r = t;
    }
    return r;
}

/* Past a day of the week after a date (2024年8月16日 星期五 17:32, 2024-08-16（周五）,
 * 2024年8月16日 禮拜五), spaces before it included; p when there is none. */
static const char *skip_weekday(const char *p)
{
    static const char *const OPEN[] = {"（", "(", ""}, *const CLOSE[] = {"）", ")", ""};
    static const char *const WORDS[] = {"星期", "周", "週", "禮拜", "礼拜"};
    static const char *const DAYS = "一二三四五六日天";
    const char *q = p;
    while (*q == ' ')
        q++;
    for (gsize o = 0; o < G_N_ELEMENTS(OPEN); o++) {
        if (!starts_with(q, OPEN[o]))
            continue;
        const char *r = q + strlen(OPEN[o]);
        for (gsize w = 0; w < G_N_ELEMENTS(WORDS); w++) {
            if (!starts_with(r, WORDS[w]))
                continue;
            const char *day = r + strlen(WORDS[w]);
            if (!*day || !day[1] || !day[2])
                continue;
            char one[4] = {day[0], day[1], day[2], '\0'};
            if (!strstr(DAYS, one) || !starts_with(day + 3, CLOSE[o]))
                continue;
            return day + 3 + strlen(CLOSE[o]);
        }
    }
    return p;
}

#define BYLINE_MAX_CHARS 60 /* a byline with a date is no longer (its counters included) */
#define BYLINE_DATE_LEAD 40 /* ...unless its date comes within this many first characters */

/* Does `p` hold one of the marks `punct` (PUNCT_*)? Its paragraph `j` knows; a line of no
 * paragraph (NULL) is searched. */
static gboolean holds_punct(const char *p, const JunkPara *j, guint punct)
{
    static const struct {
        guint bit;
        const char *s;
    } MARKS[] = {{PUNCT_COMMA, "，"}, {PUNCT_PERIOD, "。"}, {PUNCT_SEMI, "；"},
                 {PUNCT_EXCL, "！"},  {PUNCT_QUES, "？"},   {PUNCT_COLON, "："}};
    if (j)
        return (j->punct & punct) != 0;
    for (gsize i = 0; i < G_N_ELEMENTS(MARKS); i++)
        if ((punct & MARKS[i].bit) && strstr(p, MARKS[i].s))
            return TRUE;
    return FALSE;
}

/* Does a token of a byline begin or end at p: the line's ends, a space (also U+3000),
 * a bar (| ｜ 丨)? */
static gboolean byline_gap(const char *p)
{
    return *p == '\0' || *p == ' ' || *p == '|' || starts_with(p, "\xE3\x80\x80") ||
           starts_with(p, "｜") || starts_with(p, "丨");
}

/* Does a byline token end right before q (q > p)? */
static gboolean gap_before(const char *p, const char *q)
{
    if (q[-1] == ' ' || q[-1] == '|')
        return TRUE;
    return q - p >= 3 && (memcmp(q - 3, "\xE3\x80\x80", 3) == 0 || memcmp(q - 3, "｜", 3) == 0 ||
                          memcmp(q - 3, "丨", 3) == 0);
}

/* A byline's date: a full date standing as a token of a short line that holds no
 * sentence, beside names, a weekday or a time ("2025年6月17日 星期二 08:15　财经新闻组",
 * "某某日报全媒体　2025-06-27 18:40"). A date inside a sentence (截至2025年6月17日收盘)
 * touches its words and is none. A longer line (`nchars` over BYLINE_MAX_CHARS: a page's
 * widgets ran into it, 更新：… 字級 小 中 大 分享 1.2K) counts when its date comes early. */
static gboolean byline_date(const char *p, glong nchars, const JunkPara *j, int *y, int *m, int *d)
{
    /* (a label's colon is no sentence: 浏览次数：3276, 来源：某网; nor is the comma of a
     * counter's thousands: 讚好 2,048) */
    if (holds_punct(p, j, PUNCT_SENTENCE | PUNCT_QUES) || strchr(p, ';'))
        return FALSE;
    for (const char *q = strchr(p, ','); q; q = strchr(q + 1, ','))
        if (q == p || !g_ascii_isdigit(q[-1]) || !g_ascii_isdigit(q[1]))
            return FALSE;
    glong lead = nchars <= BYLINE_MAX_CHARS ? nchars : BYLINE_DATE_LEAD; /* (characters) */
    for (const char *q = p; *q && lead > 0; q++) {
        lead -= (*q & 0xC0) != 0x80;
        if (!g_ascii_isdigit(*q) || (q > p && !gap_before(p, q)))
            continue;
        const char *e;
        if (jb_article_scan_ymd(q, &e, y, m, d) != 3)
            continue;
        e = skip_weekday(skip_time(skip_weekday(e)));
        /* an update note in brackets may follow: 2025/12/08 17:02（12/08 18:40 更新） */
        return byline_gap(e) || starts_with(e, "（") || *e == '(';
    }
    return FALSE;
}

gboolean jb_article_closing_date(const char *p, glong nchars, int *y, int *m, int *d)
{
    if (nchars > 24)
        return FALSE;
    const char *q = p;
    /* a place before a comma (香港，), at most 8 characters */
    int k = 0; /* (the characters walked: r's offset, not counted again at every step) */
    for (const char *r = p; *r && k < 9; r = g_utf8_next_char(r), k++)
        if (starts_with(r, "，") || *r == ',') {
            q = r + (*r == ',' ? 1 : strlen("，"));
            break;
        }
    while (*q == ' ')
        q++;
    const char *e;
    if (jb_article_scan_ymd(q, &e, y, m, d) != 3 && jb_article_scan_cn_ymd(q, &e, y, m, d) != 3)
        return FALSE;
    e = skip_weekday(e);
    while (*e == ' ')
        e++;
    return *e == '\0';
}

/* The words that start a header line with a date, and their first characters (an update
 * note under a byline too: 最後更新：2026年12月4日 18:20), in either script. */
static const Lit header_keys[] = {
    LIT("更新时间"), LIT("发布时间"), LIT("发布日期"), LIT("发表时间"), LIT("发稿时间"),
    LIT("出版时间"), LIT("时间"),     LIT("日期"),     LIT("最后更新"), LIT("最後更新"),
    LIT("更新時間"), LIT("發布時間"), LIT("發佈時間"), LIT("發布日期"), LIT("發佈日期"),
    LIT("發表時間"), LIT("發稿時間"), LIT("出版時間"), LIT("時間")};
static FirstSet header_firsts;

/* A header key with its colon and a date at p (发布日期：2026年12月4日): 1 with the date set,
 * 0 for a key with no date after it, -1 for no key at p. */
/* Past a header key at p, its colon and the spaces around it (发布日期 ： ); NULL for no key. */
static const char *past_header_key(const char *p)
{
    for (gsize i = 0; first_set_has(&header_firsts, p) && i < G_N_ELEMENTS(header_keys); i++) {
        if (!starts_with_lit(p, header_keys[i]))
            continue;
        const char *q = p + header_keys[i].n;
        while (*q == ' ')
            q++;
        if (*q == ':')
            q++;
        else if (starts_with(q, "："))
            q += strlen("：");
        while (*q == ' ')
            q++;
        return q;
    }
    return NULL;
}

static int keyed_date(const char *p, int *y, int *m, int *d)
{
    const char *e, *q = past_header_key(p);
    return q ? jb_article_scan_ymd(q, &e, y, m, d) == 3 : -1;
}

gboolean jb_article_header_key_alone(const char *p)
{
    const char *q = past_header_key(p);
    return q && *q == '\0';
}

gboolean jb_article_field_date(const char *p, int *y, int *m, int *d)
{
    static const char *const TO[] = {"—", "－", "-", "～", "~", "至"};
    const char *e;
    if (jb_article_scan_ymd(p, &e, y, m, d) != 3)
        return FALSE;
    e = skip_weekday(skip_time(skip_weekday(e)));
    for (gsize i = 0; i < G_N_ELEMENTS(TO); i++)
        if (starts_with(e, TO[i])) { /* (the hours it ran: 14:00—16:00) */
            const char *t = skip_time(e + strlen(TO[i]));
            e = t == e + strlen(TO[i]) ? e : t;
            break;
        }
    while (*e == ' ')
        e++;
    return *e == '\0';
}

/* A line of labelled fields whose first field is no date (发布单位：某中心研究部　　发布日期：
 * 2026年12月4日（周五）　　编辑：某某, 作者：某某 | 发布时间：2026-12-04 09:30): it opens with a
 * short label and its colon, holds no sentence, and a later field, after a gap, is a header
 * key with a date. */
static gboolean label_fields_date(const char *p, const JunkPara *j, int *y, int *m, int *d)
{
    /* (the label first: most lines have no colon within their first seven characters, and
     * are done without a search of the whole line for each mark of a sentence) */
    const char *q = p;
    for (int k = 0; k <= 6 && *q && *q != ':' && !starts_with(q, "："); k++) {
        if (byline_gap(q) || g_ascii_isdigit(*q))
            return FALSE;
        q = g_utf8_next_char(q);
    }
    if (q == p || !(*q == ':' || starts_with(q, "：")))
        return FALSE;
    if (holds_punct(p, j, PUNCT_SENTENCE | PUNCT_QUES))
        return FALSE;
    for (; *q; q = g_utf8_next_char(q)) {
        if (!gap_before(p, q) || byline_gap(q))
            continue;
        if (keyed_date(q, y, m, d) == 1)
            return TRUE;
    }
    return FALSE;
}

/* Is `p` (of `nchars` characters) a header line with a date, such as
 * "更新时间:2026-01-21 21:40 来源:某网", "2025-06-09 10:05来源: 某报" or
 * "发布时间：2024年3月5日"? Sets the date. `j`, the paragraph `p` is, says which marks and
 * characters it has (saves searches); NULL for a line of no paragraph. */
gboolean jb_article_header_ymd(const char *p, glong nchars, const JunkPara *j, int *y, int *m,
                               int *d)
{
    if (nchars > HEADER_MAX_CHARS)
        return FALSE;
    const char *e;
    int keyed = keyed_date(p, y, m, d);
    if (keyed >= 0)
        return keyed;
    if (nchars <= BYLINE_MAX_CHARS && label_fields_date(p, j, y, m, d))
        return TRUE;
    /* a speech's or report's date line: ——2025年1月14日在市人民代表大会上, （2024年3月5日在…）,
     * （2026年10月28日） */
    static const Lit dashes[] = {LIT("——"), LIT("—"), LIT("--"), LIT("－－"), LIT("（"), LIT("(")};
    const char *after_dash = after_any(p, dashes, G_N_ELEMENTS(dashes));
    if (after_dash) {
        while (*after_dash == ' ')
            after_dash++;
        if (g_ascii_isdigit(*after_dash) && jb_article_scan_ymd(after_dash, &e, y, m, d) == 3 &&
            (starts_with(e, "在") || strcmp(e, "）") == 0 || strcmp(e, ")") == 0))
            return TRUE; /* (or a document's date alone in brackets under its title) */
    }
    if (g_ascii_isdigit(*p) &&
        jb_article_scan_ymd(p, &e, y, m, d) == 3) { /* (no call without a digit) */
        const char *r = skip_weekday(skip_time(skip_weekday(e)));
        while (*r == ' ')
            r++;
        if (*r == '\0' || starts_with(r, "来源") || starts_with(r, "作者") ||
            starts_with(r, "编辑") || *r == '|' || starts_with(r, "｜") || starts_with(r, "丨"))
            return TRUE;
    }
    if (byline_date(p, nchars, j, y, m, d))
        return TRUE;
    /* a wire's dateline in brackets, then the story's timestamp: （記者某某台北27日電）2026/11/27
     * 16:05 */
    static const Lit wire_end[] = {LIT("電）"), LIT("电）"), LIT("讯）"),
                                   LIT("訊）"), LIT("電)"),  LIT("电)")};
    if ((starts_with(p, "（") || *p == '(') && nchars <= BYLINE_MAX_CHARS) {
        for (gsize i = 0; i < G_N_ELEMENTS(wire_end); i++) {
            const char *w = strstr(p, wire_end[i].s);
            if (!w)
                continue;
            const char *q = w + wire_end[i].n;
            while (*q == ' ')
                q++;
            if (g_ascii_isdigit(*q) && jb_article_scan_ymd(q, &e, y, m, d) == 3) {
                const char *r = skip_weekday(skip_time(skip_weekday(e)));
                while (*r == ' ')
                    r++;
                if (*r == '\0')
                    return TRUE;
            }
        }
    }
    /* (a note of a report's data, 本报告数据统计截至DATE，来源于…, is a sentence: no header) */
    if (nchars <= 60 && (!j || junk_has_key(j, (int)junk_key("来"))) && strstr(p, "来源") &&
        !holds_punct(p, j, PUNCT_COMMA | PUNCT_PERIOD)) {
        for (const char *q = p; *q; q++)
            if (g_ascii_isdigit(*q) && (q == p || !g_ascii_isdigit(q[-1])) &&
                jb_article_scan_ymd(q, &e, y, m, d) == 3)
                return TRUE;
    }
    return FALSE;
}

void jb_article_header_init(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(header_keys); i++)
        first_set_add(&header_firsts, header_keys[i].s);
}

/* Does the 来源 at k (in p) say where data come from (数据来源：某中心、Wind, 资料来源：公司公告,
 * 图片来源): a note under figures, naming no publisher (信息来源：某局 does name one)? */
static gboolean data_note(const char *p, const char *k)
{
    for (const char *const *w = jb_words_data_note; *w; w++) {
        gsize n = strlen(*w);
        if ((gsize)(k - p) >= n && memcmp(k - n, *w, n) == 0)
            return TRUE;
    }
    return FALSE;
}

/* The name a header line gives after 来源：(来源：新华网 2024-10-18, 來源: 香港電台): NULL when
 * the line names none (g_free). */
char *jb_article_source_line_name(const char *p)
{
    static const Lit KEYS[] = {LIT("来源："), LIT("来源:"),  LIT("來源："),
                               LIT("來源:"),  LIT("稿源："), LIT("出处：")};
    if (!strstr(p, "源") && !strstr(p, "出处"))
        return NULL; /* (every key holds one: two searches of most lines, not six) */
    for (gsize i = 0; i < G_N_ELEMENTS(KEYS); i++) {
        const char *k = strstr(p, KEYS[i].s);
        if (!k || data_note(p, k))
            continue;
        const char *a = k + KEYS[i].n;
        while (*a == ' ')
            a++;
        /* (to the next field, whose label may touch it where a page's spans ran together:
         * 来源：某某网阅读 18650, 来源：某报编辑：某某) */
        static const Lit NEXT[] = {
            LIT("阅读"), LIT("閱讀"),     LIT("浏览"),     LIT("瀏覽"),     LIT("点击"),
            LIT("點擊"), LIT("评论"),     LIT("評論"),     LIT("作者"),     LIT("编辑"),
            LIT("編輯"), LIT("责任编辑"), LIT("責任編輯"), LIT("发布时间"), LIT("發布時間")};
        const char *b = a;
        while (*b && *b != ' ' && *b != '|' && !starts_with(b, "｜") && !starts_with(b, "丨") &&
               !starts_with(b, "，") && !starts_with(b, "。") && !g_ascii_isdigit(*b) &&
               !(b > a && after_any(b, NEXT, G_N_ELEMENTS(NEXT))))
            b = g_utf8_next_char(b);
        glong n = g_utf8_strlen(a, b - a);
        if (n >= 2 && n <= 20)
            return g_strndup(a, (gsize)(b - a));
    }
    return NULL;
}
