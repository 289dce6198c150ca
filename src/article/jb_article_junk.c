/* jb_article_junk.c — the junk rules: what in a page's text is not a paragraph of the
 * article (bylines, captions, view counts, phone numbers, app promotions, the list of
 * recommendations that ends it), tried in order behind filters that pass most paragraphs
 * after a few tests; and the header lines that carry the article's date.
 *
 * Not for: cleaning (jb_article_clean.c, which counts the facts the filters read) nor
 * reading the dates found (jb_article_date.c).
 */
#include "jb_article_priv.h"

#define HEADER_MAX_CHARS 80     /* a header line with a date is no longer */

/* `needle` (of length k, starting with a letter) in `h`, ignoring ASCII case. */
static const char *ascii_casestr(const char *h, const char *needle, gsize k)
{
    char lo = g_ascii_tolower(needle[0]), up = g_ascii_toupper(needle[0]);
    for (const char *p = h; *p; p++)
        if ((*p == lo || *p == up) && g_ascii_strncasecmp(p, needle, k) == 0)
            return p;
    return NULL;
}

/* ---- header lines with a date ------------------------------------------------------- */

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

/* The junk_key (a Chinese character's last two bytes, see below) of the first characters of
 * a list of words, as a set: a paragraph that starts with none of them needs no word of
 * the list tried. Filled by junk_init. */
typedef struct {
    guint64 bits[4096 / 64];
} FirstSet;

static void first_set_add(FirstSet *f, const char *word)
{
    guint k = junk_key(word);
    f->bits[k >> 6] |= G_GUINT64_CONSTANT(1) << (k & 63);
}

/* May `q` start with one of the words (all starting with a Chinese character)? */
static inline gboolean first_set_has(const FirstSet *f, const char *q)
{
    if (!is_lead3((guchar)q[0]) || !q[1] || !q[2])
        return FALSE;
    guint k = junk_key(q);
    return (f->bits[k >> 6] >> (k & 63)) & 1;
}

static const char *after_any(const char *p, const Lit *words, gsize n)
{
    for (gsize i = 0; i < n; i++)
        if (starts_with_lit(p, words[i]))
            return p + words[i].n;
    return NULL;
}

#define BYLINE_MAX_CHARS 50 /* a byline with a date is no longer */

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
 * touches its words and is none. */
static gboolean byline_date(const char *p, int *y, int *m, int *d)
{
    /* (a label's colon is no sentence: 浏览次数：3276, 来源：某网) */
    static const char *const SENTENCE[] = {"，", "。", "；", "！", "？", ",", ";"};
    for (gsize i = 0; i < G_N_ELEMENTS(SENTENCE); i++)
        if (strstr(p, SENTENCE[i]))
            return FALSE;
    for (const char *q = p; *q; q++) {
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

/* The words that start a header line with a date, and their first characters. */
static const Lit header_keys[] = {LIT("更新时间"), LIT("发布时间"), LIT("发布日期"), LIT("发表时间"),
                                  LIT("发稿时间"), LIT("出版时间"), LIT("时间"),     LIT("日期")};
static FirstSet header_firsts;

/* Is `p` (of `nchars` characters) a header line with a date, such as
 * "更新时间:2026-01-21 23:13 来源:某网", "2025-06-09 09:28来源: 某报" or
 * "发布时间：2024年3月5日"? Sets the date. `may_have_source` is FALSE when `p` is known to
 * have no 来 (saves a search for "来源"). */
gboolean jb_article_header_ymd(const char *p, glong nchars, gboolean may_have_source, int *y,
                               int *m, int *d)
{
    const Lit *keys = header_keys;
    if (nchars > HEADER_MAX_CHARS)
        return FALSE;
    const char *e;
    for (gsize i = 0; first_set_has(&header_firsts, p) && i < G_N_ELEMENTS(header_keys); i++) {
        if (!starts_with_lit(p, keys[i]))
            continue;
        const char *q = p + keys[i].n;
        while (*q == ' ')
            q++;
        if (*q == ':')
            q++;
        else if (starts_with(q, "："))
            q += strlen("：");
        while (*q == ' ')
            q++;
        return jb_article_scan_ymd(q, &e, y, m, d) == 3;
    }
    /* a speech's or report's date line: ——2025年1月14日在市人民代表大会上, （2024年3月5日在…） */
    static const Lit dashes[] = {LIT("——"), LIT("—"), LIT("--"), LIT("－－"), LIT("（"), LIT("(")};
    const char *after_dash = after_any(p, dashes, G_N_ELEMENTS(dashes));
    if (after_dash) {
        while (*after_dash == ' ')
            after_dash++;
        if (g_ascii_isdigit(*after_dash) && jb_article_scan_ymd(after_dash, &e, y, m, d) == 3 &&
            starts_with(e, "在"))
            return TRUE;
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
    if (nchars <= BYLINE_MAX_CHARS && byline_date(p, y, m, d))
        return TRUE;
    if (nchars <= 60 && may_have_source && strstr(p, "来源")) {
        for (const char *q = p; *q; q++)
            if (g_ascii_isdigit(*q) && (q == p || !g_ascii_isdigit(q[-1])) &&
                jb_article_scan_ymd(q, &e, y, m, d) == 3)
                return TRUE;
    }
    return FALSE;
}

/* ---- junk --------------------------------------------------------------------------- */

/* The tables the junk rules share with cleaning (see jb_article_priv.h). */
guint8 jb_junk_key_bit[4096];
guint8 jb_junk_char_bit[65536];
guint32 jb_ascii_facts[128];

static void junk_register_key(guint k)
{
    static guint used;
    if (!jb_junk_key_bit[k]) {
        jb_junk_key_bit[k] = (guint8)(1 + used++ % 63);
        jb_junk_char_bit[(0x80 | (k >> 6)) | (0x80 | (k & 0x3F)) << 8] = jb_junk_key_bit[k];
    }
}

/* "5.67W", "1234", "1.2万+", "10万次": a count, or NULL. */
static const char *scan_count(const char *p)
{
    if (!g_ascii_isdigit(*p))
        return NULL;
    while (g_ascii_isdigit(*p) || *p == '.' || *p == ',')
        p++;
    static const Lit units[] = {LIT("万"), LIT("千"), LIT("亿"), LIT("W"),
                                LIT("w"),  LIT("k"),  LIT("K")};
    const char *q = after_any(p, units, G_N_ELEMENTS(units));
    if (q)
        p = q;
    if (*p == '+')
        p++;
    if (starts_with(p, "次"))
        p += strlen("次");
    return p;
}

static gboolean junk_view_count(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    static const Lit words[] = {LIT("阅读量"), LIT("阅读数"), LIT("阅读"),     LIT("浏览量"),
                                LIT("浏览次数"), LIT("浏览"), LIT("点击量"), LIT("点击数"),
                                LIT("播放量"), LIT("热度"),   LIT("点赞"),   LIT("评论"),
                                LIT("收藏"),   LIT("转发"),   LIT("阅")};
    if (n > 20)
        return FALSE;
    const char *q = after_any(p, words, G_N_ELEMENTS(words));
    if (q) {
        while (*q == ' ' || *q == ':')
            q++;
        if (starts_with(q, "："))
            q += strlen("：");
        while (*q == ' ')
            q++;
        q = scan_count(q);
        return q && *q == '\0';
    }
    q = scan_count(p);
    if (!q)
        return FALSE;
    while (*q == ' ')
        q++;
    q = after_any(q, words, G_N_ELEMENTS(words));
    return q && *q == '\0';
}

/* A headline of a list of links with its date: "标题（2024-10-18）", "标题 [10-18]",
 * "标题 2024-10-18": short, no sentence in it, a date at its end. */
static gboolean junk_dated_headline(const JunkPara *j)
{
    if (j->n > 60 || !j->digit || strstr(j->p, "。"))
        return FALSE;
    const char *e = j->p + j->len;
    static const char *const CLOSE[] = {"）", ")", "]", "】", NULL};
    for (const char *const *w = CLOSE; *w; w++) {
        gsize k = strlen(*w);
        if ((gsize)(e - j->p) > k && memcmp(e - k, *w, k) == 0) {
            e -= k;
            break;
        }
    }
    /* the date: [YYYY-]MM-DD or YYYY/MM/DD or YYYY年M月D日 at e */
    const char *d = e;
    int digits = 0, seps = 0;
    while (d > j->p && (g_ascii_isdigit(d[-1]) || d[-1] == '-' || d[-1] == '/' || d[-1] == '.')) {
        if (g_ascii_isdigit(d[-1]))
            digits++;
        else
            seps++;
        d--;
    }
    return d > j->p && digits >= 4 && seps >= 1 && seps <= 2 && e - d >= 5 &&
           (d[-1] == ' ' || (d - j->p >= 3 && (memcmp(d - 3, "（", 3) == 0 || memcmp(d - 3, "【", 3) == 0)) ||
            d[-1] == '(' || d[-1] == '[');
}

static gboolean junk_only_number(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    gboolean digit = FALSE;
    if (n > 24)
        return FALSE;
    for (; *p; p++) {
        if (g_ascii_isdigit(*p))
            digit = TRUE;
        else if (!strchr(" .,:/%+-()#", *p))
            return FALSE;
    }
    return digit;
}

static const char *const phone_words[] = {"电话", "热线", "传真", "手机", "Tel", "TEL", "tel"};

/* What a paragraph must have to contain a phone word: the key bits of its two characters,
 * or its letters (junk_init; junk_phone is asked of every short paragraph with digits). */
static struct {
    guint64 keys;
    guint32 letters;
} phone_need[G_N_ELEMENTS(phone_words)], phone_gate;
/* (phone_gate: one character or letter of each word; a paragraph with none of them has no
 * phone word, and the words are not tried one by one) */

/* The editor words' first characters (junk_init): most paragraphs start with none, and
 * then no word needs trying. */
static FirstSet editor_firsts;

/* Does the phone number at q end its line or item (咨询电话：0431-88600010, 热线 400-820-6688，
 * 转3)? One that a sentence goes on from (市民热线12345共受理诉求186件) names a service in
 * a story. */
static gboolean number_ends_line(const char *q)
{
    while (g_ascii_isdigit(*q) || *q == '-' || *q == ' ')
        q++;
    if (!*q || !((guchar)*q >= 0xE4 && (guchar)*q <= 0xE9))
        return TRUE; /* the end, punctuation, a letter */
    return starts_with(q, "转") || starts_with(q, "轉") || starts_with(q, "或") ||
           starts_with(q, "传真") || starts_with(q, "邮箱") || starts_with(q, "地址");
}

static gboolean junk_phone(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    const char *const *words = phone_words;
    if (n > 80)
        return FALSE;
    gboolean some = (j->keys & phone_gate.keys) || (j->letters & phone_gate.letters);
    for (gsize i = 0; some && i < G_N_ELEMENTS(phone_words); i++) {
        gboolean may = (j->keys & phone_need[i].keys) == phone_need[i].keys &&
                       (j->letters & phone_need[i].letters) == phone_need[i].letters;
        const char *w = may ? strstr(p, words[i]) : NULL;
        if (!w)
            continue;
        /* "电话：010-…", "热线 400…"; not "5G移动电话用户达6.76亿户" */
        const char *q = w + strlen(words[i]);
        while (*q == ' ' || *q == ':')
            q++;
        if (starts_with(q, "："))
            q += strlen("：");
        while (*q == ' ')
            q++;
        if (g_ascii_isdigit(*q) && number_ends_line(q))
            return TRUE;
    }
    if (j->ndigit < 6 || (!j->hyphen && j->ndigit < 11))
        return FALSE; /* what follows needs six digits and a '-', or an 11-digit number */
    for (const char *q = p; *q;) {
        if (!g_ascii_isdigit(*q)) {
            /* a Chinese character (valid UTF-8: two more bytes) at once */
            q += ((guchar)*q & 0xF0) == 0xE0 ? 3 : 1;
            continue;
        }
        /* `q` starts a run of digits (each run is stepped over whole below) */
        int v, n1, n2 = 0;
        const char *r = scan_digits(q, 12, &v, &n1);
        if (*r == '-') {
            const char *r2 = scan_digits(r + 1, 9, &v, &n2);
            if (*q == '0' && (n1 == 3 || n1 == 4) && (n2 == 7 || n2 == 8) && !g_ascii_isdigit(*r2))
                return TRUE; /* 0431-88600010 */
            if ((starts_with(q, "400-") || starts_with(q, "800-")) && n2 == 3)
                return TRUE; /* 400-123-4567 */
        }
        if (n1 == 11 && q[0] == '1' && q[1] >= '3' && q[1] <= '9' &&
            (*r == '\0' || ((guchar)*r < 0x80 && !g_ascii_isalnum(*r) && *r != '.' && *r != '%')))
            return TRUE; /* a mobile number */
        while (g_ascii_isdigit(*r))
            r++;
        q = r;
    }
    return FALSE;
}

/* Leaked CSS or script: mostly ASCII, with rule braces or script words. */
static gboolean junk_code(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    gsize ascii = 0;
    for (const char *q = p; *q; q++)
        if ((guchar)*q < 0x80)
            ascii++;
    if (ascii * 10 < (gsize)n * 8)
        return FALSE;
    if (strchr(p, '{') && strchr(p, '}'))
        return TRUE;
    if (strstr(p, "function(") || strstr(p, "function (") || strstr(p, "document.") ||
        strstr(p, "window.") || (strstr(p, "var ") && strchr(p, ';')))
        return TRUE;
    guint colons = 0, semis = 0;
    for (const char *q = p; *q; q++) {
        colons += *q == ':';
        semis += *q == ';';
    }
    return colons >= 2 && semis >= 2 && (strstr(p, "px") || strstr(p, "color"));
}

static const Lit editor_words[] = {
    LIT("责任编辑"), LIT("值班编辑"), LIT("文字编辑"), LIT("实习编辑"), LIT("编辑"),
    LIT("审核"),     LIT("校对"),     LIT("审校"),     LIT("终审"),     LIT("主编"),
    LIT("监制"),     LIT("统筹"),     LIT("策划"),     LIT("作者"),     LIT("编审"),
    LIT("責任編輯"), LIT("編輯"),     LIT("審核"),     LIT("校對"),
};

/* "责任编辑：王某", "[责任编辑: 某某 ]", "编辑 某某", or a short line ending "审核 某某". */
static gboolean junk_editor(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    static const Lit opens[] = {LIT("["), LIT("【"), LIT("("), LIT("（")};
    if (n > 40)
        return FALSE;
    const char *q = after_any(p, opens, G_N_ELEMENTS(opens));
    q = q ? q : p;
    while (*q == ' ')
        q++;
    for (gsize i = 0; first_set_has(&editor_firsts, q) && i < G_N_ELEMENTS(editor_words); i++) {
        if (!starts_with_lit(q, editor_words[i]))
            continue;
        const char *r = q + editor_words[i].n;
        if (i == 0 || *r == '\0' || *r == ' ' || *r == ':' || starts_with(r, "：") ||
            starts_with(r, "丨") || starts_with(r, "|"))
            return TRUE;
    }
    const char *sp = memrchr(p, ' ', j->len);
    if (!sp || sp == p)
        return FALSE;
    const char *w = sp;
    while (w > p && w[-1] != ' ')
        w--;
    for (gsize i = 0; i < G_N_ELEMENTS(editor_words); i++)
        if ((gsize)(sp - w) == editor_words[i].n && starts_with_lit(w, editor_words[i])) {
            glong name = g_utf8_strlen(sp + 1, -1);
            return name >= 2 && name <= 4;
        }
    return FALSE;
}

/* "本报记者 某某 北京报道", "(记者 某某)": a byline without a sentence. */
static gboolean junk_byline(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    /* (a search only where the paragraph has 记 or 通) */
    return n <= 24 &&
           ((junk_has_key(j, (int)junk_key("记")) && strstr(p, "记者")) ||
            (junk_has_key(j, (int)junk_key("通")) && strstr(p, "通讯员"))) &&
           !strstr(p, "，") && !strstr(p, "。") && !strchr(p, ',');
}

/* A photo caption ending in "新华社记者 某某 摄" or "(某某 供图)". */
static gboolean junk_caption(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    static const char *const closers[] = {")", "）", "]", "】", "。", " "};
    if (n > 400)
        return FALSE;
    const char *e = p + strlen(p);
    for (gboolean more = TRUE; more;) {
        more = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(closers); i++) {
            gsize k = strlen(closers[i]);
            if ((gsize)(e - p) >= k && memcmp(e - k, closers[i], k) == 0) {
                e -= k;
                more = TRUE;
            }
        }
    }
    gsize len = (gsize)(e - p);
    gboolean shot = (len >= 3 && (memcmp(e - 3, "摄", 3) == 0 || memcmp(e - 3, "攝", 3) == 0) &&
                     !(len >= 6 && (memcmp(e - 6, "拍摄", 6) == 0 || memcmp(e - 6, "拍攝", 6) == 0))) ||
                    (len >= 6 && memcmp(e - 6, "摄影", 6) == 0) ||
                    (len >= 6 && memcmp(e - 6, "供图", 6) == 0);
    if (!shot)
        return FALSE;
    const char *tail = len > 60 ? e - 60 : p;
    g_autofree char *t = g_strndup(tail, (gsize)(e - tail));
    return strstr(t, "记者") || strstr(t, "通讯员") || strstr(t, "新华社") || strstr(t, "摄影") ||
           strstr(t, "供图") || strstr(t, "图");
}

static gboolean junk_app_promo(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    return n <= 40 && (ascii_casestr(p, "APP", 3) || strstr(p, "客户端")) &&
           (strstr(p, "尽在") || strstr(p, "下载") || strstr(p, "打开") || strstr(p, "扫码") ||
            strstr(p, "关注"));
}

/* Is there a sentence's punctuation in the paragraph? (Widgets have none.) */
static gboolean has_sentence_mark(const char *p)
{
    return strstr(p, "，") || strstr(p, "。") || strstr(p, "；") || strstr(p, "！");
}

/* A market ticker in a page's header or sidebar (上证指数 3245.12 -0.42%深证成指 10412.77
 * +0.18%; an item 贵州茅台 1468.00 +0.52%): signed changes in percent, two or more, or one
 * ending a short item after a price; and no sentence. */
static gboolean junk_ticker(const JunkPara *j)
{
    if (j->n > 160 || has_sentence_mark(j->p) || strchr(j->p, '|') || strchr(j->p, JB_CELL_CHAR))
        return FALSE; /* (a table's row is data) */
    int changes = 0, numbers = 0;
    for (const char *p = j->p; *p; p++) {
        if (g_ascii_isdigit(*p) && (p == j->p || !g_ascii_isdigit(p[-1])) &&
            (p == j->p || p[-1] == ' '))
            numbers++;
        if ((*p != '+' && *p != '-') || !g_ascii_isdigit(p[1]))
            continue;
        const char *q = p + 1;
        while (g_ascii_isdigit(*q) || *q == '.')
            q++;
        changes += *q == '%';
    }
    return changes >= 2 || (changes == 1 && numbers >= 1 && j->n <= 30 &&
                            j->len > 0 && j->p[j->len - 1] == '%');
}

/* A weather widget (桥州 晴 12℃~21℃ 空气质量 良 63, in a top bar of links): a temperature
 * with the air's quality, and no sentence (a forecast table's row, 温湾 暴雨 东南风10～12级 26～29℃, is data). */
static gboolean junk_weather(const JunkPara *j)
{
    const char *p = j->p;
    if (j->n > 120 || has_sentence_mark(p) || !strstr(p, "℃"))
        return FALSE;
    return strstr(p, "空气质量") || strstr(p, "空氣質量") || strstr(p, "AQI");
}

static gboolean junk_header_line(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    int y, m, d;
    return j->header_line >= 0
               ? j->header_line
               : jb_article_header_ymd(p, n, junk_has_key(j, (int)junk_key("来")), &y, &m, &d);
}

typedef enum { J_START, J_ANYWHERE, J_WHOLE, J_TEST } JunkMatch;

typedef struct {
    JunkMatch match;
    const char *text;                     /* the needle (ASCII letters match any case) */
    glong max_chars;                      /* only paragraphs this short; 0: any length */
    gboolean (*test)(const JunkPara *); /* for J_TEST */
    gboolean cut;                         /* also drop every paragraph after this one */
} JunkRule;


/* Page junk: paragraphs that are not the article. A rule matches a paragraph (after
 * normalisation) that starts with, contains or equals `text`, or for which `test` is true;
 * `max_chars` keeps a rule off real paragraphs that happen to contain the words. A `cut`
 * rule marks where a page's recommendation list begins: it and the rest go (but only
 * after some article text was kept). To extend: add a row. */
static const JunkRule junk_rules[] = {
    /* navigation */
    {J_WHOLE, "首页", 0, NULL, FALSE},
    {J_WHOLE, "返回", 0, NULL, FALSE},
    {J_WHOLE, "返回顶部", 0, NULL, FALSE},
    {J_WHOLE, "返回首页", 0, NULL, FALSE},
    {J_WHOLE, "上一篇", 0, NULL, FALSE},
    {J_WHOLE, "下一篇", 0, NULL, FALSE},
    {J_WHOLE, "登录", 0, NULL, FALSE},
    {J_WHOLE, "注册", 0, NULL, FALSE},
    {J_WHOLE, "收藏", 0, NULL, FALSE},
    {J_WHOLE, "评论", 0, NULL, FALSE},
    {J_WHOLE, "打印", 0, NULL, FALSE},
    {J_WHOLE, "关闭", 0, NULL, FALSE},
    {J_WHOLE, "更多", 0, NULL, FALSE},
    {J_WHOLE, "(完)", 0, NULL, FALSE},
    {J_WHOLE, "（完）", 0, NULL, FALSE},
    {J_START, "当前位置", 80, NULL, FALSE},
    {J_START, "您的位置", 80, NULL, FALSE},
    {J_START, "您当前的位置", 80, NULL, FALSE},
    {J_START, "首页 >", 80, NULL, FALSE},
    {J_START, "首页>", 80, NULL, FALSE},
    {J_START, "首页 ›", 80, NULL, FALSE},
    {J_START, "上一篇", 60, NULL, FALSE},
    {J_START, "下一篇", 60, NULL, FALSE},
    {J_ANYWHERE, "字号", 12, NULL, FALSE},
    {J_ANYWHERE, "【纠错】", 20, NULL, FALSE},
    /* share prompts */
    {J_ANYWHERE, "分享到", 60, NULL, FALSE},
    {J_ANYWHERE, "分享至", 60, NULL, FALSE},
    {J_WHOLE, "分享", 0, NULL, FALSE},
    {J_START, "点击右上角", 60, NULL, FALSE},
    {J_START, "点击浏览器下方", 80, NULL, FALSE},
    {J_ANYWHERE, "微信好友", 60, NULL, FALSE},
    {J_WHOLE, "朋友圈", 0, NULL, FALSE},
    {J_ANYWHERE, "扫一扫", 40, NULL, FALSE},
    {J_START, "扫码", 30, NULL, FALSE},
    {J_ANYWHERE, "扫码关注", 40, NULL, FALSE},
    {J_ANYWHERE, "扫码下载", 40, NULL, FALSE},
    {J_ANYWHERE, "扫描二维码", 40, NULL, FALSE},
    {J_ANYWHERE, "长按二维码", 40, NULL, FALSE},
    {J_ANYWHERE, "识别二维码", 40, NULL, FALSE},
    {J_TEST, "app promo", 0, junk_app_promo, FALSE},
    /* reading-time notes and WeChat badges (本文约2600字，阅读需要8分钟; 阅读量10万+) */
    {J_ANYWHERE, "阅读需要", 40, NULL, FALSE},
    {J_ANYWHERE, "阅读时间", 40, NULL, FALSE},
    {J_ANYWHERE, "预计阅读", 40, NULL, FALSE},
    {J_ANYWHERE, "閱讀需要", 40, NULL, FALSE},
    {J_ANYWHERE, "万+", 60, NULL, FALSE},
    {J_ANYWHERE, "萬+", 60, NULL, FALSE},
    {J_ANYWHERE, "欢迎转发", 60, NULL, FALSE},
    {J_ANYWHERE, "歡迎轉發", 60, NULL, FALSE},
    /* recommendation lists: the marker and all after it */
    {J_START, "为你推荐", 20, NULL, TRUE},
    {J_START, "为您推荐", 20, NULL, TRUE},
    {J_START, "相关阅读", 20, NULL, TRUE},
    {J_START, "相关新闻", 20, NULL, TRUE},
    {J_START, "相关推荐", 20, NULL, TRUE},
    {J_START, "相关视频", 20, NULL, TRUE},
    {J_START, "精彩推荐", 20, NULL, TRUE},
    {J_START, "编辑推荐", 20, NULL, TRUE},
    {J_START, "推荐新闻", 20, NULL, TRUE},
    {J_START, "热门文章", 20, NULL, TRUE},
    {J_START, "热门阅读", 20, NULL, TRUE},
    {J_START, "往期回顾", 20, NULL, TRUE},
    {J_START, "相关文章", 20, NULL, TRUE},
    {J_START, "推荐阅读", 20, NULL, TRUE},
    {J_START, "延伸阅读", 20, NULL, TRUE},
    {J_START, "热门推荐", 20, NULL, TRUE},
    {J_START, "热点推荐", 20, NULL, TRUE},
    {J_START, "猜你喜欢", 20, NULL, TRUE},
    {J_START, "更多精彩", 20, NULL, TRUE},
    {J_START, "载入更多", 20, NULL, TRUE},
    {J_START, "加载更多", 20, NULL, TRUE},
    {J_START, "点击加载更多", 20, NULL, TRUE},
    {J_START, "阅读剩余全文", 20, NULL, TRUE},
    {J_START, "更多阅读", 20, NULL, TRUE},
    {J_START, "更多新闻", 20, NULL, TRUE},
    {J_START, "更多閱讀", 20, NULL, TRUE},
    {J_START, "更多新聞", 20, NULL, TRUE},
    {J_START, "相關閱讀", 20, NULL, TRUE},
    {J_START, "相關新聞", 20, NULL, TRUE},
    {J_START, "相關推薦", 20, NULL, TRUE},
    {J_START, "相關文章", 20, NULL, TRUE},
    {J_START, "推薦閱讀", 20, NULL, TRUE},
    {J_START, "延伸閱讀", 20, NULL, TRUE},
    {J_START, "熱門文章", 20, NULL, TRUE},
    {J_START, "熱門推薦", 20, NULL, TRUE},
    {J_START, "為你推薦", 20, NULL, TRUE},
    {J_START, "為您推薦", 20, NULL, TRUE},
    {J_START, "猜你喜歡", 20, NULL, TRUE},
    {J_START, "精彩推薦", 20, NULL, TRUE},
    {J_START, "往期回顧", 20, NULL, TRUE},
    /* a list of headlines with their dates (标题（2024-10-18）): another page's links */
    {J_TEST, "dated headline", 0, junk_dated_headline, FALSE},
    /* ads */
    {J_WHOLE, "广告", 0, NULL, FALSE},
    {J_WHOLE, "廣告", 0, NULL, FALSE},
    {J_WHOLE, "推广", 0, NULL, FALSE},
    {J_WHOLE, "]]>", 0, NULL, FALSE},
    {J_START, "展开全文", 20, NULL, FALSE},
    {J_START, "我要评论", 20, NULL, FALSE},
    {J_START, "发表评论", 20, NULL, FALSE},
    {J_START, "网友评论", 20, NULL, FALSE},
    /* loading placeholders */
    {J_ANYWHERE, "加载中", 30, NULL, FALSE},
    {J_ANYWHERE, "请稍候", 30, NULL, FALSE},
    {J_ANYWHERE, "刷新本页", 40, NULL, FALSE},
    /* counters, bare numbers */
    {J_TEST, "view count", 0, junk_view_count, FALSE},
    {J_TEST, "only a number", 0, junk_only_number, FALSE},
    {J_TEST, "market ticker", 0, junk_ticker, FALSE},
    {J_TEST, "weather widget", 0, junk_weather, FALSE},
    /* copyright and licence footers */
    {J_ANYWHERE, "Copyright", 150, NULL, FALSE},
    {J_ANYWHERE, "版权所有", 150, NULL, FALSE},
    {J_ANYWHERE, "版權所有", 150, NULL, FALSE},
    {J_ANYWHERE, "轉載", 100, NULL, FALSE},
    {J_ANYWHERE, "©", 150, NULL, FALSE},
    {J_ANYWHERE, "All rights reserved", 150, NULL, FALSE},
    {J_ANYWHERE, "转载请注明", 100, NULL, FALSE},
    {J_ANYWHERE, "禁止转载", 100, NULL, FALSE},
    {J_ANYWHERE, "不得转载", 100, NULL, FALSE},
    {J_ANYWHERE, "谢绝转载", 100, NULL, FALSE},
    {J_START, "免责声明", 0, NULL, FALSE},
    {J_START, "版权声明", 0, NULL, FALSE},
    {J_ANYWHERE, "ICP备", 200, NULL, FALSE},
    {J_ANYWHERE, "ICP证", 200, NULL, FALSE},
    {J_ANYWHERE, "公网安备", 200, NULL, FALSE},
    {J_ANYWHERE, "许可证号", 200, NULL, FALSE},
    {J_ANYWHERE, "不良信息举报", 200, NULL, FALSE},
    {J_ANYWHERE, "举报电话", 100, NULL, FALSE},
    {J_ANYWHERE, "举报邮箱", 100, NULL, FALSE},
    /* contact details */
    {J_TEST, "phone number", 0, junk_phone, FALSE},
    {J_START, "地址:", 100, NULL, FALSE},
    {J_START, "地址：", 100, NULL, FALSE},
    {J_ANYWHERE, "通讯地址", 100, NULL, FALSE},
    {J_ANYWHERE, "邮箱:", 60, NULL, FALSE},
    {J_ANYWHERE, "邮箱：", 60, NULL, FALSE},
    /* metadata lines: editors, bylines, sources, dates */
    {J_TEST, "editor line", 0, junk_editor, FALSE},
    {J_TEST, "byline", 0, junk_byline, FALSE},
    {J_START, "来源:", 60, NULL, FALSE},
    {J_START, "來源:", 60, NULL, FALSE},
    {J_START, "來源：", 60, NULL, FALSE},
    /* an item's footer: its link, the site's mail (the link's date is read before) */
    {J_START, "原始網址", 200, NULL, FALSE},
    {J_START, "原始网址", 200, NULL, FALSE},
    {J_START, "原文連結", 200, NULL, FALSE},
    {J_START, "原文链接", 200, NULL, FALSE},
    {J_START, "原文地址", 200, NULL, FALSE},
    {J_START, "原文：http", 200, NULL, FALSE},
    {J_START, "原文:http", 200, NULL, FALSE},
    {J_START, "電子郵件", 60, NULL, FALSE},
    {J_START, "电子邮件", 60, NULL, FALSE},
    /* a crawler's notes about the page */
    {J_START, "抓取时间", 60, NULL, FALSE},
    {J_START, "抓取時間", 60, NULL, FALSE},
    {J_START, "新闻条数", 30, NULL, FALSE},
    {J_START, "数据源：", 60, NULL, FALSE},
    {J_START, "目录页：", 200, NULL, FALSE},
    {J_START, "来源：", 60, NULL, FALSE},
    {J_TEST, "date line", 0, junk_header_line, FALSE},
    /* photo captions */
    {J_START, "图为", 400, NULL, FALSE},
    {J_START, "(图", 60, NULL, FALSE},
    {J_START, "（图", 60, NULL, FALSE},
    {J_ANYWHERE, "图片来源", 60, NULL, FALSE},
    {J_ANYWHERE, "图据", 40, NULL, FALSE},
    {J_ANYWHERE, "资料图", 40, NULL, FALSE},
    {J_ANYWHERE, "資料圖", 40, NULL, FALSE},
    {J_ANYWHERE, "圖片來源", 60, NULL, FALSE},
    {J_ANYWHERE, "视觉中国", 40, NULL, FALSE},
    {J_TEST, "photo caption", 0, junk_caption, FALSE},
    /* leaked style sheets and scripts */
    {J_TEST, "CSS or script", 0, junk_code, FALSE},
};

/* A set of rules (indexes into junk_rules) as a bit set. */
#define JUNK_SET_WORDS 3
typedef struct {
    guint64 w[JUNK_SET_WORDS];
} JunkSet;
G_STATIC_ASSERT(G_N_ELEMENTS(junk_rules) <= 64 * JUNK_SET_WORDS);

static inline void junk_set_add(JunkSet *s, gsize i)
{
    s->w[i >> 6] |= G_GUINT64_CONSTANT(1) << (i & 63);
}

/* Per rule: the needle's length, whether it has Latin letters (and so is matched ignoring
 * case; strcasestr is several times slower than strstr), and the keys (junk_key) of its
 * first two characters when they are three-byte UTF-8 (-1 otherwise). */
static struct {
    gsize len;
    gboolean latin;
    guint32 letters; /* as JunkPara.letters */
    int key[2];
    guint64 keys; /* J_ANYWHERE: the bits of key[0] and key[1] (jb_junk_key_bit) */
    gboolean other; /* its first character has two or four bytes (as JunkPara.other) */
} junk_info[G_N_ELEMENTS(junk_rules)];

/* What a test rule needs in a paragraph to ever be true (a cheap filter on what junk_scan
 * finds once per paragraph; the test itself decides). See junk_test_needs. */
enum {
    JUNK_NEED_DIGIT = 1 << 0,   /* an ASCII digit */
    JUNK_NEED_ASCII = 1 << 1,   /* at least 80% ASCII characters */
    JUNK_NEED_APP = 1 << 2,     /* the letters of "APP" or 客 (客户端) */
    JUNK_NEED_CAPTION = 1 << 3, /* 摄 (摄, 摄影) or 图 (供图) */
    JUNK_NEEDS = 1 << 4,        /* (the number of combinations) */
};

static guint junk_test_needs(gboolean (*test)(const JunkPara *))
{
    if (test == junk_view_count || test == junk_only_number || test == junk_phone ||
        test == junk_header_line || test == junk_ticker ||
        test == junk_weather) /* each reads ASCII digits (scan_count, scan_ymd, ...) */
        return JUNK_NEED_DIGIT;
    if (test == junk_code)
        return JUNK_NEED_ASCII; /* its first test */
    if (test == junk_app_promo)
        return JUNK_NEED_APP;
    if (test == junk_caption)
        return JUNK_NEED_CAPTION; /* the words it looks for at the end */
    return 0;
}

/* Which rules may match a paragraph, as sets that a few facts of the paragraph select
 * (junk_candidates); junk_verdict then tries only those, in order.
 * By length: paragraphs of up to junk_bucket_max[b] characters (and more than the bucket
 * before) may match junk_bucket[b][latin], latin being whether they have Latin letters;
 * the last bucket (no limit) holds the rules with none. */
#define JUNK_MAX_BUCKETS 32
static glong junk_bucket_max[JUNK_MAX_BUCKETS];
static JunkSet junk_bucket[JUNK_MAX_BUCKETS][2];
/* The bucket of a paragraph of n characters, for n up to the largest finite limit (then the
 * last bucket): one load, not a walk through the limits for every paragraph. */
#define JUNK_LIMIT_MAX 400
static guint8 junk_bucket_of[JUNK_LIMIT_MAX + 2];
/* J_START and J_WHOLE rules by junk_first_key of their text (both cases of a letter). */
static JunkSet junk_by_first[4096];
/* J_ANYWHERE rules; by the key bit (jb_junk_key_bit) of their first character, and those
 * whose first character has no key. */
static JunkSet junk_anywhere;
static JunkSet junk_anywhere_by_key0[64];
static JunkSet junk_anywhere_keyless;
/* J_TEST rules whose needs (JUNK_NEED_*) are within the index. */
static JunkSet junk_tests[JUNK_NEEDS];

/* A rule's limit in characters: its max_chars, or for J_WHOLE the needle's own length. */
static glong junk_limit(gsize i)
{
    const JunkRule *r = &junk_rules[i];
    return r->match == J_WHOLE ? g_utf8_strlen(r->text, -1) : r->max_chars;
}

/* The first character of `p` (`len` bytes) as a 12-bit key: junk_key for three-byte
 * characters, else the first byte. Equal texts have equal keys (a filter only). */
static inline guint junk_first_key(const char *p, gsize len)
{
    return len >= 3 && is_lead3((guchar)p[0]) ? junk_key(p) : (guchar)p[0];
}

static void junk_init_buckets(void)
{
    guint nb = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++) { /* distinct limits, ascending */
        glong m = junk_limit(i);
        guint at = 0;
        while (m && at < nb && junk_bucket_max[at] < m)
            at++;
        if (!m || (at < nb && junk_bucket_max[at] == m))
            continue;
        g_assert(nb + 1 < JUNK_MAX_BUCKETS);
        memmove(junk_bucket_max + at + 1, junk_bucket_max + at, (nb - at) * sizeof *junk_bucket_max);
        junk_bucket_max[at] = m;
        nb++;
    }
    junk_bucket_max[nb++] = G_MAXLONG;
    g_assert(junk_bucket_max[nb - 2] <= JUNK_LIMIT_MAX);
    for (glong n = 0, b = 0; n <= JUNK_LIMIT_MAX + 1; n++) {
        while (n > junk_bucket_max[b])
            b++;
        junk_bucket_of[n] = (guint8)b;
    }
    for (guint b = 0; b < nb; b++)
        for (guint latin = 0; latin < 2; latin++)
            for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++) {
                const JunkRule *r = &junk_rules[i];
                if (junk_limit(i) && junk_limit(i) < junk_bucket_max[b])
                    continue;
                if (junk_info[i].latin && !latin && r->match != J_TEST)
                    continue;
                junk_set_add(&junk_bucket[b][latin], i);
            }
}

void jb_article_junk_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++) {
            const JunkRule *r = &junk_rules[i];
            const char *t = r->text;
            junk_info[i].len = strlen(t);
            junk_info[i].key[0] = junk_info[i].key[1] = -1;
            junk_info[i].other = (guchar)t[0] >= 0x80 && !is_lead3((guchar)t[0]);
            if (is_lead3((guchar)t[0]) && t[1] && t[2]) {
                junk_info[i].key[0] = (int)junk_key(t);
                if (is_lead3((guchar)t[3]) && t[4] && t[5])
                    junk_info[i].key[1] = (int)junk_key(t + 3);
            }
            for (int k = 0; k < 2 && r->match == J_ANYWHERE; k++) /* junk_may_contain */
                if (junk_info[i].key[k] >= 0) {
                    junk_register_key((guint)junk_info[i].key[k]);
                    junk_info[i].keys |= G_GUINT64_CONSTANT(1)
                                         << jb_junk_key_bit[junk_info[i].key[k]];
                }
            for (; *t; t++)
                if (g_ascii_isalpha(*t)) {
                    junk_info[i].latin = TRUE;
                    junk_info[i].letters |= letter_bit(*t);
                }
            t = r->text;
            if (r->match == J_START || r->match == J_WHOLE) {
                junk_set_add(&junk_by_first[junk_first_key(t, junk_info[i].len)], i);
                if (g_ascii_isalpha(t[0])) {
                    junk_set_add(&junk_by_first[(guchar)g_ascii_tolower(t[0])], i);
                    junk_set_add(&junk_by_first[(guchar)g_ascii_toupper(t[0])], i);
                }
            } else if (r->match == J_ANYWHERE) {
                junk_set_add(&junk_anywhere, i);
                if (junk_info[i].key[0] >= 0)
                    junk_set_add(&junk_anywhere_by_key0[jb_junk_key_bit[junk_info[i].key[0]]], i);
                else
                    junk_set_add(&junk_anywhere_keyless, i);
            } else {
                guint need = junk_test_needs(r->test);
                for (guint met = 0; met < JUNK_NEEDS; met++)
                    if ((need & met) == need)
                        junk_set_add(&junk_tests[met], i);
            }
        }
        for (int b = 0; b < 128; b++)
            if (g_ascii_isalpha(b))
                jb_ascii_facts[b] = letter_bit((char)b);
        for (int b = '0'; b <= '9'; b++)
            jb_ascii_facts[b] = ASCII_DIGIT;
        jb_ascii_facts['-'] = ASCII_HYPHEN;
        /* the characters junk_needs_met and junk_phone ask about */
        static const char *const asked[] = {"客", "摄", "图", "来", "记", "通"};
        for (gsize i = 0; i < G_N_ELEMENTS(asked); i++)
            junk_register_key(junk_key(asked[i]));
        for (gsize i = 0; i < G_N_ELEMENTS(phone_words); i++) {
            const char *w = phone_words[i];
            if (is_lead3((guchar)w[0])) { /* (the Chinese ones are two characters) */
                junk_register_key(junk_key(w));
                junk_register_key(junk_key(w + 3));
                phone_need[i].keys = (G_GUINT64_CONSTANT(1) << jb_junk_key_bit[junk_key(w)]) |
                                     (G_GUINT64_CONSTANT(1) << jb_junk_key_bit[junk_key(w + 3)]);
                phone_gate.keys |= G_GUINT64_CONSTANT(1) << jb_junk_key_bit[junk_key(w + 3)];
            } else {
                phone_gate.letters |= letter_bit(*w);
                for (; *w; w++)
                    phone_need[i].letters |= letter_bit(*w);
            }
        }
        for (gsize i = 0; i < G_N_ELEMENTS(editor_words); i++)
            first_set_add(&editor_firsts, editor_words[i].s);
        for (gsize i = 0; i < G_N_ELEMENTS(header_keys); i++)
            first_set_add(&header_firsts, header_keys[i].s);
        junk_init_buckets();
        g_once_init_leave(&done, 1);
    }
}

/* Can rule i's needle occur in the paragraph at all (a filter; strstr decides)? */
static inline gboolean junk_may_contain(const JunkPara *j, gsize i)
{
    return (j->letters & junk_info[i].letters) == junk_info[i].letters &&
           (j->keys & junk_info[i].keys) == junk_info[i].keys &&
           (j->other || !junk_info[i].other); /* "©" is searched only where such a character is */
}

/* Which JUNK_NEED_* the paragraph meets. */
static guint junk_needs_met(const JunkPara *j)
{
    guint met = 0;
    if (j->digit)
        met |= JUNK_NEED_DIGIT;
    if (j->ascii * 10 >= j->n * 8)
        met |= JUNK_NEED_ASCII;
    if ((j->letters & (letter_bit('a') | letter_bit('p'))) == (letter_bit('a') | letter_bit('p')) ||
        junk_has_key(j, (int)junk_key("客")))
        met |= JUNK_NEED_APP;
    if (junk_has_key(j, (int)junk_key("摄")) || junk_has_key(j, (int)junk_key("图")))
        met |= JUNK_NEED_CAPTION;
    return met;
}

/* The rules that may match the paragraph: a superset of those that do, from cheap tests. */
static JunkSet junk_candidates(const JunkPara *j)
{
    guint b = junk_bucket_of[MIN(j->n, JUNK_LIMIT_MAX + 1)];
    const JunkSet *bucket = &junk_bucket[b][j->latin ? 1 : 0];
    const JunkSet *first = &junk_by_first[junk_first_key(j->p, j->len)];
    const JunkSet *tests = &junk_tests[junk_needs_met(j)];
    /* a J_ANYWHERE rule needs its first two characters somewhere in the paragraph: those
     * with the first are found from the paragraph's few key bits, then checked one by one */
    JunkSet any = junk_anywhere_keyless;
    for (guint64 k = j->keys & ~G_GUINT64_CONSTANT(1); k; k &= k - 1) {
        const JunkSet *by = &junk_anywhere_by_key0[lowest_bit(k)];
        for (int w = 0; w < JUNK_SET_WORDS; w++)
            any.w[w] |= by->w[w];
    }
    JunkSet s;
    for (int w = 0; w < JUNK_SET_WORDS; w++) {
        s.w[w] = bucket->w[w] & (first->w[w] | tests->w[w]);
        for (guint64 any_w = bucket->w[w] & any.w[w]; any_w; any_w &= any_w - 1) {
            gsize i = (gsize)w * 64 + lowest_bit(any_w);
            if (junk_may_contain(j, i))
                junk_set_add(&s, i);
        }
    }
    return s;
}

/* The first rule that matches decides. */
JunkVerdict jb_article_junk_verdict(const JunkPara *j)
{
    const char *p = j->p;
    gsize len = j->len;
    JunkSet cand = junk_candidates(j);
    for (int w = 0; w < JUNK_SET_WORDS; w++)
        for (guint64 bits = cand.w[w]; bits; bits &= bits - 1) { /* in rule order */
            gsize i = (gsize)w * 64 + lowest_bit(bits);
            const JunkRule *r = &junk_rules[i];
            gsize k = junk_info[i].len;
            gboolean latin = junk_info[i].latin, hit;
            switch (r->match) {
            case J_START:
                hit = len >= k && (latin ? g_ascii_strncasecmp(p, r->text, k) == 0
                                         : memcmp(p, r->text, k) == 0);
                break;
            case J_ANYWHERE:
                hit = len >= k &&
                      (latin ? ascii_casestr(p, r->text, k) : strstr(p, r->text)) != NULL;
                break;
            case J_WHOLE:
                hit = len == k && (latin ? g_ascii_strcasecmp(p, r->text) == 0
                                         : memcmp(p, r->text, k) == 0);
                break;
            default:
                hit = r->test(j);
                break;
            }
            if (hit)
                return r->cut ? CUT : DROP;
        }
    return KEEP;
}
