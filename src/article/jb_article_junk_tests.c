/* jb_article_junk_tests.c — the junk rules that are tests of a paragraph rather than a
 * needle to find: view counts, phone numbers, editors and bylines, captions, leaked style
 * sheets, app promotions, date lines (see the rule table in jb_article_junk.c, which tries
 * them in order behind its filters).
 *
 * Not for: the rule table, its filters and the verdict (jb_article_junk.c), the page's
 * furniture — nav bars, breadcrumbs, bracketed links, widgets (jb_article_junk_page.c).
 */
#include "jb_article_priv.h"

/* Past the colon after a label and the spaces around it (阅读：, 电话: 010…). */
static const char *past_label_colon(const char *q)
{
    while (*q == ' ' || *q == ':')
        q++;
    if (starts_with(q, "："))
        q += strlen("：");
    while (*q == ' ')
        q++;
    return q;
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
    if (starts_with(p, "次") || starts_with(p, "条") || starts_with(p, "條"))
        p += strlen("次"); /* (10万次, 留言 126条) */
    return p;
}

/* A page's counters' words (阅读 1234, 点赞 256; a 公众号's 赞 386 在看 97 留言 24; a Hong Kong
 * page's 讚好 312), longest first where one begins another. */
static const Lit COUNTER_WORDS[] = {
    LIT("阅读量"), LIT("阅读数"),   LIT("阅读"),     LIT("浏览量"), LIT("浏览次数"), LIT("浏览"),
    LIT("点击量"), LIT("点击数"),   LIT("播放量"),   LIT("热度"),   LIT("点赞"),     LIT("评论"),
    LIT("收藏"),   LIT("转发"),     LIT("分享"),     LIT("阅"),     LIT("获赞"),     LIT("赞"),
    LIT("在看"),   LIT("网友留言"), LIT("網友留言"), LIT("留言"),   LIT("喜欢"),     LIT("粉丝"),
    LIT("粉絲"),   LIT("关注"),     LIT("關注"),     LIT("微博"),   LIT("閱讀量"),   LIT("閱讀"),
    LIT("瀏覽量"), LIT("瀏覽次數"), LIT("瀏覽"),     LIT("點擊量"), LIT("點讚"),     LIT("評論"),
    LIT("轉發"),   LIT("讚好"),     LIT("讚")};

/* The counter words' first characters (jb_junk_tests_init): where none starts, no word is
 * tried (a counter is looked for at every token of each short line with a digit). */
static FirstSet counter_firsts;

/* Past the counter's word at p, or NULL. */
static const char *after_counter_word(const char *p)
{
    return first_set_has(&counter_firsts, p)
               ? after_any(p, COUNTER_WORDS, G_N_ELEMENTS(COUNTER_WORDS))
               : NULL;
}

/* Past the marks between a page's counters (阅读 1.8万 · 点赞 256 | 转发 41). */
static const char *past_counter_marks(const char *q)
{
    for (;;) {
        if (*q == ' ' || *q == '|' || *q == '*' || *q == '/')
            q++;
        else if (starts_with(q, "·") || starts_with(q, "｜"))
            q += starts_with(q, "·") ? strlen("·") : strlen("｜");
        else if (starts_with(q, "　") || starts_with(q, "•"))
            q += strlen("　");
        else
            return q;
    }
}

static const char *bracketed_tool(const char *p);

/* How many counters run from p to the end (阅读 1.8万 · 点赞 256 · 转发 41, 1.2万阅读), each a
 * counter's word with its count in either order, the page's tools among them (讚好 312 分享
 * 字體 大｜中｜小) counted in *tools; -1 when anything else is there. */
int jb_junk_counters_to_end(const char *p, int *tools)
{
    int counters = 0;
    for (p = past_counter_marks(p); *p; p = past_counter_marks(p)) {
        const char *q = jb_junk_bracketed_counter(p); /* (【网友留言 126条】) */
        if (q) {
            p = q;
            counters++;
            continue;
        }
        if ((q = after_counter_word(p)) != NULL) {
            q = scan_count(past_label_colon(q));
        } else if ((q = scan_count(p))) {
            while (*q == ' ')
                q++;
            q = after_counter_word(q);
        }
        if (!q && ((q = bracketed_tool(p)) || (q = jb_article_past_tool_word(p)))) {
            (*tools)++;
            p = q;
            continue;
        }
        if (!q)
            return -1;
        p = q;
        counters++;
    }
    return counters;
}

/* Is [p, e) a time stamp's token (12-05, 06:45, 2026/12/05): digits and - / . : only? */
static gboolean stamp_token(const char *p, const char *e)
{
    gboolean digit = FALSE;
    for (; p < e; p++) {
        if (g_ascii_isdigit(*p))
            digit = TRUE;
        else if (!strchr("-/.:", *p))
            return FALSE;
    }
    return digit;
}

/* A page's counters alone: 阅读 1234, 1.2万阅读, 阅读 1.8万 · 点赞 256 · 转发 41 — each a
 * counter's word with its count, in either order; or after a byline's time stamp and names
 * (12-05 06:45 某某研究所 阅读 3.2万 · 点赞 418: a day with no year, which no date test reads). */
gboolean jb_junk_view_count(const JunkPara *j)
{
    if (j->n > 48)
        return FALSE;
    int tools = 0, counters = jb_junk_counters_to_end(j->p, &tools);
    if (counters >= 0)
        return counters > 0 && (counters > 1 || tools > 0 || j->n <= 20);
    if (jb_junk_has_sentence_mark(j))
        return FALSE;
    gboolean stamp = FALSE;
    const char *p = j->p;
    for (int tokens = 0; tokens < 4; tokens++) {
        while (*p == ' ')
            p++;
        const char *e = strchr(p, ' ');
        if (!e || e == p)
            return FALSE;
        stamp = stamp || stamp_token(p, e);
        if (!stamp && tokens >= 1)
            return FALSE; /* (a stamp among its first two tokens: 12-05 06:45, 某报 06:45) */
        p = e;
        if (stamp && jb_junk_counters_to_end(p, &tools) > 0)
            return TRUE;
    }
    return FALSE;
}

/* Past a counter at `p` (阅读 1234, 阅读：1.2万, 评论(36), 1.2万阅读), or NULL. */
static const char *past_counter(const char *p)
{
    static const Lit OPEN[] = {LIT("("), LIT("（")}, CLOSE[] = {LIT(")"), LIT("）")};
    const char *q = after_counter_word(p);
    if (q) {
        q = past_label_colon(q);
        const char *o = after_any(q, OPEN, G_N_ELEMENTS(OPEN));
        q = scan_count(o ? o : q);
        if (q && o) {
            const char *c = after_any(q, CLOSE, G_N_ELEMENTS(CLOSE));
            q = c;
        }
        return q;
    }
    if ((q = scan_count(p)) != NULL) {
        while (*q == ' ')
            q++;
        return after_counter_word(q);
    }
    return NULL;
}

/* Past a page's tool in brackets at p (【字体：大 中 小】, [打印]: its first word a tool's, its
 * inside 8 characters at most), or NULL. */
static const char *bracketed_tool(const char *p)
{
    gsize o = starts_with(p, "【") ? strlen("【") : *p == '[' ? 1 : 0;
    if (!o)
        return NULL;
    const char *in = p + o, *close = strstr(in, o == 1 ? "]" : "】");
    if (!close || close == in || g_utf8_strlen(in, close - in) > 8)
        return NULL;
    const char *w = in;
    while (w < close && *w != ' ' && *w != ':' && !starts_with(w, "："))
        w++;
    return jb_article_page_tool(in, w) ? close + (o == 1 ? 1 : strlen("】")) : NULL;
}

/* A page's line of facts about itself ending in its counters (公告日期：2025-10-28　编号：
 * 2025-068　阅读：1.2万　评论(36)): labelled fields (a label of up to 6 characters and its
 * colon) or the page's tools (打印, 关闭, 【字体：大 中 小】), and counters, at least one of
 * each, nothing else, no sentence. A line of labelled
 * figures without a counter (营业收入：12.3亿元　净利润：1.2亿元) is a fact box, kept. */
gboolean jb_junk_meta_line(const JunkPara *j)
{
    if (j->n > 120 || jb_junk_has_sentence_mark(j))
        return FALSE;
    int counters = 0, fields = 0, tools = 0;
    for (const char *p = j->p; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = strchr(p, ' '), *q = past_counter(p);
        if (!e)
            e = p + strlen(p);
        const char *tool = bracketed_tool(p);
        if (tool) { /* 【字体：大 中 小】 */
            p = tool;
            tools++;
            continue;
        }
        if (q == e) {
            counters++;
            p = e;
            continue;
        }
        if (jb_article_page_tool(p, e)) { /* 字号：大 中 小　打印　关闭　浏览次数：20,614 */
            p = e;
            tools++;
            continue;
        }
        gboolean label = FALSE;
        int k = 0;
        for (const char *r = p; r < e && k <= 6; r = g_utf8_next_char(r), k++)
            if (k > 0 && (*r == ':' || starts_with(r, "："))) {
                label = r + (*r == ':' ? 1 : strlen("：")) < e;
                break;
            }
        if (!label)
            return FALSE;
        fields++;
        p = e;
    }
    return counters > 0 && (fields > 0 || tools > 0); /* (浏览：4,126　打印本页　关闭窗口) */
}

/* A headline of a list of links with its date: "标题（2024-10-18）", "标题 [10-18]",
 * "标题 2024-10-18": short, no sentence in it, a date at its end. */
gboolean jb_junk_dated_end(const JunkPara *j)
{
    if (!j->len)
        return FALSE;
    guchar last = (guchar)
                      j->p[j->len - 1]; /* a digit, a separator, or a bracket's last byte: ） 】 */
    return g_ascii_isdigit(last) || last == '-' || last == '/' || last == '.' || last == ')' ||
           last == ']' || last == 0x89 || last == 0x91;
}

gboolean jb_junk_dated_headline(const JunkPara *j)
{
    if (j->n > 60 || !j->digit || !jb_junk_dated_end(j))
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
           (d[-1] == ' ' ||
            (d - j->p >= 3 && (memcmp(d - 3, "（", 3) == 0 || memcmp(d - 3, "【", 3) == 0)) ||
            d[-1] == '(' || d[-1] == '[') &&
           !(j->punct & PUNCT_PERIOD);
}

gboolean jb_junk_only_number(const JunkPara *j)
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
 * or its letters (junk_init; jb_junk_phone is asked of every short paragraph with digits). */
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

gboolean jb_junk_phone(const JunkPara *j)
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
        q = past_label_colon(q);
        if (g_ascii_isdigit(*q) && number_ends_line(q))
            return TRUE;
    }
    if (j->ndigit < 6 || (!j->hyphen && j->ndigit < 11))
        return FALSE; /* what follows needs six digits and a '-', or an 11-digit number */
    const char *end = p + j->len;
    for (const char *q = p; (q = skip_to_digit_or(q, end, "0")) < end;) {
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
gboolean jb_junk_code(const JunkPara *j)
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
    LIT("责任编辑"), LIT("值班编辑"), LIT("文字编辑"), LIT("实习编辑"), LIT("编辑"), LIT("审核"),
    LIT("校对"),     LIT("审校"),     LIT("终审"),     LIT("主编"),     LIT("监制"), LIT("统筹"),
    LIT("策划"),     LIT("作者"),     LIT("编审"),     LIT("責任編輯"), LIT("編輯"), LIT("審核"),
    LIT("校對"),     LIT("本版责编"), LIT("责编"),     LIT("責編"),     LIT("美编"), LIT("美編"),
    LIT("本版编辑"), LIT("本版編輯"), LIT("本版責編"),
};

/* "责任编辑：王某", "[责任编辑: 某某 ]", "编辑 某某", a paper's page credits (本版责编：某某
 * 美编：某某), or a short line ending "审核 某某". */
gboolean jb_junk_editor(const JunkPara *j)
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
    for (gsize i = 0; first_set_has(&editor_firsts, w) && i < G_N_ELEMENTS(editor_words); i++)
        if ((gsize)(sp - w) == editor_words[i].n && starts_with_lit(w, editor_words[i])) {
            glong name = g_utf8_strlen(sp + 1, -1);
            return name >= 2 && name <= 4;
        }
    return FALSE;
}

/* "本报记者 某某 北京报道", "(记者 某某)": a byline without a sentence. */
gboolean jb_junk_byline(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    /* (a search only where the paragraph has 记 or 通) */
    return n <= 24 &&
           ((junk_has_key(j, (int)junk_key("记")) && strstr(p, "记者")) ||
            (junk_has_key(j, (int)junk_key("通")) && strstr(p, "通讯员"))) &&
           !(j->punct & (PUNCT_COMMA | PUNCT_PERIOD)) && !strchr(p, ',');
}

/* A photo caption ending in "新华社记者 某某 摄" or "(某某 供图)". */
gboolean jb_junk_caption(const JunkPara *j)
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
                     !(len >= 6 &&
                       (memcmp(e - 6, "拍摄", 6) == 0 || memcmp(e - 6, "拍攝", 6) == 0))) ||
                    (len >= 6 && memcmp(e - 6, "摄影", 6) == 0) ||
                    (len >= 6 && memcmp(e - 6, "供图", 6) == 0);
    if (!shot)
        return FALSE;
    const char *tail = len > 60 ? e - 60 : p;
    g_autofree char *t = g_strndup(tail, (gsize)(e - tail));
    return strstr(t, "记者") || strstr(t, "通讯员") || strstr(t, "新华社") || strstr(t, "摄影") ||
           strstr(t, "供图") || strstr(t, "图");
}

gboolean jb_junk_app_promo(const JunkPara *j)
{
    const char *p = j->p;
    glong n = j->n;
    return n <= 40 && (ascii_casestr(p, "APP", 3) || strstr(p, "客户端")) &&
           (strstr(p, "尽在") || strstr(p, "下载") || strstr(p, "打开") || strstr(p, "扫码") ||
            strstr(p, "关注"));
}

/* A change in percent at `p` marked by a sign or an arrow (+2.15%, -0.8%, ▲0.42%, ↓0.4%):
 * past its mark, or NULL. */
static const Lit ARROWS[] = {LIT("▲"), LIT("▼"), LIT("↑"), LIT("↓"), LIT("△"), LIT("▽")};

static const char *change_mark(const char *p)
{
    if (*p == '+' || *p == '-')
        return p + 1;
    return (guchar)*p == 0xE2 ? after_any(p, ARROWS, G_N_ELEMENTS(ARROWS)) : NULL;
}

/* The labels of a quote box or bar (jb_junk_ticker). */
static const char *const QUOTE[] = {"最新", "涨跌",   "成交额", "成交量", "换手",
                                    "市盈", "市值",   "今开",   "昨收",   "振幅",
                                    "漲跌", "成交額", "換手",   "行情",   NULL};

/* A market ticker in a page's header or sidebar (上证指数 3245.12 -0.42%深证成指 10412.77
 * +0.18%; an item 贵州茅台 1468.00 +0.52%; a price widget 新房均价 18,650元/㎡ ↑0.3%): changes
 * in percent marked by a sign or an arrow, two or more, or one ending a short item after a
 * price, or one beside a quote's labels (最新 42.18 -0.66% 市值 356亿, 即時行情：…▼0.31%);
 * or two numbers after arrows, in points or percent, or labelled quotes with an arrow's
 * change; and no sentence. */
gboolean jb_junk_ticker(const JunkPara *j)
{
    if (j->n > 160 || jb_junk_has_sentence_mark(j) || strchr(j->p, JB_CELL_CHAR))
        return FALSE; /* (a table's row is data) */
    int changes = 0, numbers = 0, arrows = 0, labelled = 0;
    const char *end = j->p + j->len;
    /* (only digits, signs, colons and the lead bytes of arrows (E2) and of ： (EF) count: the
     * rest is passed over) */
    for (const char *p = j->p; (p = skip_to_digit_or(p, end, "+-:\xE2\xEF")) < end; p++) {
        if (g_ascii_isdigit(*p) && (p == j->p || !g_ascii_isdigit(p[-1])) &&
            (p == j->p || p[-1] == ' '))
            numbers++;
        if (*p == ':' || starts_with(p, "：")) { /* a quote's label and its value (均价：352) */
            const char *v = *p == ':' ? p + 1 : p + strlen("：");
            labelled += g_ascii_isdigit(*(*v == ' ' ? v + 1 : v));
        }
        const char *q = change_mark(p);
        if (!q || !g_ascii_isdigit(*q))
            continue;
        arrows += *p != '+' && *p != '-';
        while (g_ascii_isdigit(*q) || *q == '.')
            q++;
        changes += *q == '%';
    }
    /* an index bar moves in points as often as in percent (恒指 25,418 ▲132　國指 9,036 ▼41):
     * two numbers after an arrow are quotes, a sentence never writes them so (bars between
     * them or not); without arrows, figures between bars are a table's row (增长8.1% | …) */
    if (arrows >= 2)
        return TRUE;
    /* a price bar (今日均价：352 元/吨 ↑2　熟料均价：281 元/吨 —): labelled quotes, one moving
     * by an arrow */
    if (arrows == 1 && labelled >= 2 && j->n <= 80)
        return TRUE;
    if (strchr(j->p, '|'))
        return FALSE;
    /* (a flash item's related stocks, 相关：某某股份(600000) +1.20%, need no price) */
    gboolean related = starts_with(j->p, "相关") || starts_with(j->p, "相關");
    if (changes >= 2 || (changes == 1 && (numbers >= 1 || related) && j->n <= 30 && j->len > 0 &&
                         j->p[j->len - 1] == '%'))
        return TRUE;
    /* a stock's quote box (锦拓科技 300817 最新价 28.46 涨跌幅 -1.32% 成交额 3.87亿 换手率 2.15%),
     * a quote bar (即時行情：恒生指數 24,980 ▼0.31%　金價 每兩 35,900): labels of quotes */
    if (numbers < 2)
        return FALSE; /* (both need two numbers: the labels are not looked for) */
    int labels = 0;
    for (const char *const *w = QUOTE; *w; w++)
        labels += strstr(j->p, *w) != NULL;
    return labels >= 2 || (changes == 1 && labels >= 1);
}

/* A weather widget (桥州 晴 12℃~21℃ 空气质量 良 63, in a top bar of links): a temperature
 * with the air's quality, and no sentence (a forecast table's row, 温湾 暴雨 东南风10～12级 26～29℃, is data). */
gboolean jb_junk_weather(const JunkPara *j)
{
    const char *p = j->p;
    if (j->n > 120 || jb_junk_has_sentence_mark(j) || !strstr(p, "℃"))
        return FALSE;
    return strstr(p, "空气质量") || strstr(p, "空氣質量") || strstr(p, "AQI");
}

/* ---- list headings and header lines ------------------------------------------------ */

/* The first characters of list headings, with their brackets (jb_junk_tests_init). */
static FirstSet list_firsts;
static const char *const LIST_FIRSTS[] = {"往", "热", "熱", "相", "延", "推",
                                          "更", "【", "〖", "■",  "▌",  "▍"};

/* The heading of a list of other pages closing a story (相关报道, 往期推荐, 【相关新闻】), alone,
 * with a colon and its first link (相关阅读：[…]) or its list glued on (往期推荐▶ …): the list
 * and the rest of the page are junk. 往期, 热门 head such lists in a short line with no digit,
 * but 热门评论 (comments); 相关 only before a word of reading. */
gboolean jb_junk_may_list_heading(const char *p)
{
    return *p == '[' || first_set_has(&list_firsts, p);
}

gboolean jb_junk_list_heading(const JunkPara *j)
{
    static const Lit ANY[] = {LIT("往期"), LIT("热门"), LIT("熱門")};
    static const Lit RELATED[] = {LIT("相关"), LIT("相關"), LIT("延伸"),
                                  LIT("推荐"), LIT("推薦"), LIT("更多")};
    static const Lit READING[] = {LIT("阅读"), LIT("閱讀"), LIT("报道"), LIT("報道"), LIT("新闻"),
                                  LIT("新聞"), LIT("推荐"), LIT("推薦"), LIT("文章"), LIT("链接"),
                                  LIT("鏈接"), LIT("专题"), LIT("專題"), LIT("视频"), LIT("視頻"),
                                  LIT("资讯"), LIT("資訊"), LIT("报导"), LIT("報導"), LIT("榜单"),
                                  LIT("榜單"), LIT("精选"), LIT("精選"), LIT("回顾"), LIT("回顧"),
                                  /* other documents of a filer or a research house */
                                  LIT("报告"), LIT("報告"), LIT("公告"), LIT("研报"), LIT("研報"),
                                  /* a government site's other releases (相关稿件：) */
                                  LIT("稿件")};
    static const Lit OPEN[] = {LIT("【"), LIT("["), LIT("〖"), LIT("■"), LIT("▌"),
                               LIT("▍"),  LIT("▶"), LIT("►"),  LIT("●"), LIT("•")};
    static const Lit CLOSE[] = {LIT("】"), LIT("]"), LIT("〗")};
    static const Lit COMMENTS[] = {LIT("评论"), LIT("評論"), LIT("回复"), LIT("回覆"), LIT("留言")};
    if (j->n > 200 || !jb_junk_may_list_heading(j->p))
        return FALSE;
    const char *p = after_any(j->p, OPEN, G_N_ELEMENTS(OPEN)); /* (【相关新闻】, ■往期推荐) */
    glong marks = p != NULL;
    if (!p)
        p = j->p;
    while (*p == ' ')
        p++;
    const char *q = after_any(p, ANY, G_N_ELEMENTS(ANY));
    if (q && !after_any(q, COMMENTS, G_N_ELEMENTS(COMMENTS))) { /* (热门评论: statements) */
        if (j->n <= 6 + 2 * marks && !j->digit && !jb_junk_has_sentence_mark(j))
            return TRUE;
        /* 往期推荐：…, 热门文章: … */
        for (int i = 0; i < 2 && *q; i++)
            q = g_utf8_next_char(q);
    } else if ((q = after_any(p, RELATED, G_N_ELEMENTS(RELATED))) != NULL) {
        q = after_any(q, READING, G_N_ELEMENTS(READING));
        if (!q)
            return FALSE;
        const char *c = after_any(q, CLOSE, G_N_ELEMENTS(CLOSE));
        if (c)
            q = c;
        while (*q == ' ')
            q++;
        if (!*q)
            return TRUE;
    } else {
        return FALSE;
    }
    return *q == ':' || starts_with(q, "：") || after_any(q, OPEN, G_N_ELEMENTS(OPEN)); /* ▶ */
}

gboolean jb_junk_header_line(const JunkPara *j)
{
    int y, m, d;
    return j->header_line >= 0 ? j->header_line : jb_article_header_ymd(j->p, j->n, j, &y, &m, &d);
}

guint64 jb_junk_counter_keys, jb_junk_quote_keys, jb_junk_editor_keys;

/* The key bit of the word w's first character (registered) into *bits; all bits when it is
 * no three-byte character (a filter must then pass every paragraph). */
static void add_first_key(guint64 *bits, const char *w)
{
    if (!is_lead3((guchar)w[0]) || !w[1] || !w[2]) {
        *bits = ~G_GUINT64_CONSTANT(0);
        return;
    }
    jb_junk_register_key(junk_key(w));
    *bits |= G_GUINT64_CONSTANT(1) << jb_junk_key_bit[junk_key(w)];
}

void jb_junk_tests_init(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(phone_words); i++) {
        const char *w = phone_words[i];
        if (is_lead3((guchar)w[0])) { /* (the Chinese ones are two characters) */
            jb_junk_register_key(junk_key(w));
            jb_junk_register_key(junk_key(w + 3));
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
    for (gsize i = 0; i < G_N_ELEMENTS(LIST_FIRSTS); i++)
        first_set_add(&list_firsts, LIST_FIRSTS[i]);
    for (gsize i = 0; i < G_N_ELEMENTS(COUNTER_WORDS); i++) {
        add_first_key(&jb_junk_counter_keys, COUNTER_WORDS[i].s);
        first_set_add(&counter_firsts, COUNTER_WORDS[i].s);
    }
    /* (a ticker needs an arrow, a quote's label or '%': the last is JunkPara.marks') */
    for (gsize i = 0; i < G_N_ELEMENTS(ARROWS); i++)
        add_first_key(&jb_junk_quote_keys, ARROWS[i].s);
    for (const char *const *w = QUOTE; *w; w++)
        add_first_key(&jb_junk_quote_keys, *w);
    for (gsize i = 0; i < G_N_ELEMENTS(editor_words); i++)
        add_first_key(&jb_junk_editor_keys, editor_words[i].s);
    static const char *const NAV_MARKS[] = {"｜", "丨", "›"}; /* (jb_junk_nav_bar's filter) */
    for (gsize i = 0; i < G_N_ELEMENTS(NAV_MARKS); i++)
        jb_junk_register_key(junk_key(NAV_MARKS[i]));
    jb_article_furniture_init();
}
