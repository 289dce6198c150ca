/* jb_article.c — see jb_article.h.
 *
 * The pipeline: bytes → (BOM, NUL and size checks) → valid UTF-8 with LF line ends →
 * optional YAML front matter → body read as HTML, Markdown or text into raw blocks, each
 * with its start line → each block cleaned (whitespace collapsed, jb_normalize) → header
 * dates noticed → junk rules applied → paragraphs.
 *
 * The passes live in files of their own (see jb_article_priv.h), as do the choice of a pass
 * (jb_article_shape.c), the sections (jb_article_section.c) and the published date picked
 * from what they found (jb_article_pick_date.c); this file puts them together and picks the
 * title and publisher.
 */
#include "jb_article_priv.h"
#include "jb_word_lists.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#define TITLE_MAX_CHARS 64    /* a text file's first line is its title if this short */
#define ARTICLE_PARAGRAPHS 16 /* room made at first for this many paragraphs */

/* ---- small helpers ------------------------------------------------------------------ */

void jb_article_add_warning(GPtrArray *warnings, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(warnings, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

char *jb_article_strip_dup(const char *s)
{
    return g_strstrip(g_strdup(s));
}

static gboolean only_space(const char *s)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!is_space_char(c) && !is_invisible_char(c))
            return FALSE;
    }
    return TRUE;
}

/* ---- title -------------------------------------------------------------------------- */

/* "标题_新浪财经_新浪网" → "标题": cut short site names after _ | ｜, a spaced dash or a double
 * hyphen (标题--某某中心). */
static void cut_site_suffix(char *t)
{
    static const char *const seps[] = {"_", "|", "｜", " - ", " — ", " – ", " -- ", "--"};
    for (;;) {
        /* the separator that starts last: one backward scan (a g_strrstr per separator
         * cost more than the rest of a short article's title handling) */
        char *best = NULL;
        gsize bestlen = 0, n = strlen(t);
        for (gsize at = n; at-- > 0 && !best;) {
            if (t[at] != '_' && t[at] != '|' && t[at] != ' ' && t[at] != '\xEF' && t[at] != '-')
                continue; /* no separator starts with another byte */
            for (gsize i = 0; i < G_N_ELEMENTS(seps); i++) {
                gsize k = strlen(seps[i]);
                if (k <= n - at && memcmp(t + at, seps[i], k) == 0) {
                    best = t + at;
                    bestlen = k;
                    break;
                }
            }
        }
        if (!best || g_utf8_strlen(best + bestlen, -1) > 16 || g_utf8_strlen(t, best - t) < 6)
            return;
        *best = '\0';
        g_strchomp(t);
    }
}

static char *clean_title(const char *raw)
{
    if (!raw)
        return NULL;
    return jb_article_clean_text(raw, strlen(raw));
}

/* ---- publisher ----------------------------------------------------------------------- */

/* Does the name [a, b) end as a publisher's does (某某日报, 某某新聞網, 某某社, 某某财经,
 * 某某研究院)? */
static gboolean publisher_suffix(const char *a, const char *b)
{
    static const Lit ENDS[] = {LIT("报"),   LIT("報"),     LIT("网"),     LIT("網"),   LIT("社"),
                               LIT("台"),   LIT("刊"),     LIT("财经"),   LIT("財經"), LIT("新闻"),
                               LIT("新聞"), LIT("研究院"), LIT("研究所"), LIT("传媒"), LIT("傳媒"),
                               LIT("资讯"), LIT("資訊"),   LIT("频道"),   LIT("頻道"), LIT("杂志"),
                               LIT("雜誌")};
    /* (the last byte first: asked of every token of the first blocks) */
    for (gsize i = 0; i < G_N_ELEMENTS(ENDS); i++) {
        gsize k = ENDS[i].n;
        if ((gsize)(b - a) > k && b[-1] == ENDS[i].s[k - 1] && memcmp(b - k, ENDS[i].s, k) == 0)
            return TRUE;
    }
    return FALSE;
}

/* [a, *b) without a trailing word that says who in the publisher wrote or carried it
 * (某某网记者, 某某日报全媒体, 某某日报数字报): *b moved before it. */
static void cut_role(const char *a, const char **b)
{
    static const Lit ROLES[] = {LIT("记者"),   LIT("記者"),   LIT("全媒体"), LIT("全媒體"),
                                LIT("融媒体"), LIT("融媒體"), LIT("客户端"), LIT("客戶端"),
                                LIT("数字报"), LIT("數字報"), LIT("数字版"), LIT("數字版"),
                                LIT("电子版"), LIT("電子版"), LIT("电子报"), LIT("電子報")};
    for (gsize i = 0; i < G_N_ELEMENTS(ROLES); i++) {
        gsize k = ROLES[i].n;
        if ((gsize)(*b - a) > k && (*b)[-1] == ROLES[i].s[k - 1] &&
            memcmp(*b - k, ROLES[i].s, k) == 0) {
            *b -= k;
            return;
        }
    }
}

/* A publisher's name as a token alone [a, b) (of a date line, or a masthead): 2 to 12
 * characters, no digit, space or punctuation, not 本报 (the paper speaking of itself), ending
 * as a publisher's name does; a copy of it without its role word (g_free), or NULL. */
static char *publisher_token(const char *a, const char *b)
{
    cut_role(a, &b);
    glong n = 0;
    for (const char *p = a; p < b; p = g_utf8_next_char(p), n++) {
        gunichar ch = g_utf8_get_char(p);
        if (!g_unichar_isalpha(ch) || n >= 12)
            return NULL;
    }
    if (n < 2 || starts_with(a, "本") || !publisher_suffix(a, b))
        return NULL;
    return g_strndup(a, (gsize)(b - a));
}

/* The outlet before a reporter's 记者 in a byline (港聞通記者 某某) when it is `lead`, the
 * name the page opens with (港聞通 ｜ 首頁 › …): a name that ends as no publisher's does,
 * confirmed by the page itself. NULL when [a, b) is no such token (g_free). */
static char *reporter_outlet(const char *a, const char *b, const char *lead)
{
    static const char *const ROLES[] = {"记者", "記者"};
    for (gsize i = 0; lead && i < G_N_ELEMENTS(ROLES); i++) {
        gsize k = strlen(ROLES[i]), n = strlen(lead);
        if ((gsize)(b - a) == n + k && memcmp(b - k, ROLES[i], k) == 0 && memcmp(a, lead, n) == 0)
            return g_strdup(lead);
    }
    return NULL;
}

/* The publisher a date line names as one of its tokens (桐江晚报　2026年11月18日 星期三,
 * 2026年11月07日 16:20　某某财经　作者：某某; 某某記者 when the page opens with 某某), or
 * NULL (g_free). */
static char *byline_name(const char *p, const char *lead)
{
    for (const char *a = p; *a;) {
        while (*a == ' ')
            a++;
        const char *b = a;
        while (*b && *b != ' ')
            b++;
        char *name = b > a ? publisher_token(a, b) : NULL;
        if (!name && b > a)
            name = reporter_outlet(a, b, lead);
        if (name)
            return name;
        a = b;
    }
    return NULL;
}

/* ---- putting it together ------------------------------------------------------------ */

/* Forget what a body pass found (but its warnings). */
static void ctx_forget(Ctx *c)
{
    c->nblocks = 0;
    c->cutting = FALSE;
    c->nparas = 0;
    g_clear_pointer(&c->html_title, g_free);
    g_clear_pointer(&c->og_title, g_free);
    g_clear_pointer(&c->h1, g_free);
    g_clear_pointer(&c->meta_date, g_free);
    g_clear_pointer(&c->canonical, g_free);
    g_clear_pointer(&c->og_url, g_free);
    g_clear_pointer(&c->md_heading, g_free);
    g_clear_pointer(&c->site_name, g_free);
    g_clear_pointer(&c->source_line, g_free);
    g_clear_pointer(&c->byline_name, g_free);
    g_clear_pointer(&c->masthead, g_free);
    g_clear_pointer(&c->masthead_text, g_free);
    g_clear_pointer(&c->lead_token, g_free);
    c->lead_home = FALSE;
    c->masthead_block = c->title_from = c->retitle_at = 0;
    c->next_kind = JB_PARA_BODY;
    c->stamp[0] = '\0';
    c->section_blocks = 0;
    c->dropped_container = FALSE;
    c->unclosed_name = NULL;
    c->unclosed_line = 0;
    g_clear_pointer(&c->header_date, g_free);
    g_clear_pointer(&c->closing_date, g_free);
}

/* Forget what a body pass found, its warnings too, to do it again. */
static void ctx_reset(Ctx *c)
{
    ctx_forget(c);
    g_ptr_array_set_size(c->warnings, c->warnings_mark);
    g_array_set_size(c->a->sections, 0);
    jb_article_begin_first_section(c->a);
}

static void ctx_clear(Ctx *c)
{
    ctx_forget(c);
    g_free(c->clean);
    g_free(c->unspaced);
    g_free(c->para_lines);
    g_free(c->para_kinds);
    g_free(c->fm_title);
    g_free(c->fm_date);
    g_free(c->fm_url);
    g_free(c->fm_publisher);
    g_free(c->fm_author);
    g_free(c->fm_summary);
}

/* A cleaned block `p` (`len` bytes, not kept by the caller): noticed if it is a date line
 * such as "更新时间:2026-01-21 21:40" among the first blocks (such lines are junk and do not
 * survive as paragraphs), then the junk rules applied and, if it is no junk, added to
 * a->paragraphs (and for a text file maybe taken as the title). */
static void add_paragraph(Ctx *c, JunkPara *j, guint line, guint8 kind)
{
    JbArticle *a = c->a;
    const char *p = j->p;
    gsize len = j->len;
    c->section_blocks++;
    jb_article_notice_section_facts(c, j);
    if (c->nblocks == 0 && j->n <= 120) /* (the name a page opens with, before its junk goes) */
        c->lead_token = jb_article_lead_token(p, &c->lead_home);
    if (c->nblocks++ < HEADER_DATE_BLOCKS && !c->header_date) {
        int y, m, d;
        /* (every form of a header date has six ASCII digits or more: year, month, day) */
        /* (or a form's date field, its label alone on the line above: 时间 ¶ 2026年11月18日
         * 14:00—16:00, when a meeting's record was held, not the 日期 it was filed on) */
        j->header_line = j->ndigit >= 6 && (jb_article_header_ymd(p, j->n, j, &y, &m, &d) ||
                                            (c->field_key_before && j->n <= 40 &&
                                             jb_article_field_date(p, &y, &m, &d)));
        if (j->header_line) {
            c->header_date = jb_article_format_date(3, y, m, d);
            if (j->n <= 60)
                c->byline_name = byline_name(p, c->lead_token);
            if (c->masthead && c->masthead_block + 1 == c->nblocks && a->title &&
                strcmp(a->title, c->masthead_text) == 0) {
                /* a paper's masthead right above its date line: the title is below */
                g_clear_pointer(&a->title, g_free);
                c->title_from = a->paragraphs->len;
            } else {
                g_clear_pointer(&c->masthead, g_free);
            }
        }
    }
    c->field_key_before = j->n <= 6 && jb_article_header_key_alone(p);
    /* (a post's header line has a time of day: a digit and a colon, before its 12 words; a
     * chat log's day, a rule: —— 2026-12-03 ——) */
    g_autofree char *post = j->header_line <= 0 && j->digit &&
                                    ((j->marks & ASCII_COLON) || starts_with(p, "—"))
                                ? jb_article_post_date(j)
                                : NULL;
    if (post) /* a post on a page of posts (a forum's answers): a section of its own day */
        jb_article_begin_section(c, NULL, 0, post, NULL);
    /* a closing date line (香港，二零二六年七月三日): the last one counts (a date has six
     * digits or a 月) */
    if (j->n <= 24 && (j->ndigit >= 6 || junk_has_key(j, (int)junk_key("月")))) {
        int y, m, d;
        if (jb_article_closing_date(p, j->n, &y, &m, &d)) {
            g_free(c->closing_date);
            c->closing_date = jb_article_format_date(3, y, m, d);
        }
    }
    /* (a date line may be longer: 发布时间：… 来源：某研究所 分析师：某某（执业证书编号：…）) */
    if (c->nblocks <= HEADER_DATE_BLOCKS && !c->source_line && (j->n <= 60 || j->header_line > 0))
        c->source_line = jb_article_source_line_name(p);
    if (c->cutting || c->link_heavy) /* (its facts noticed above: a footer's link and date) */
        return;
    JunkVerdict v = jb_article_junk_verdict(j);
    if (v == CUT && a->paragraphs->len > 0)
        c->cutting = TRUE;
    if (v == DROP && a->shape == JB_SHAPE_TEXT && a->title && a->paragraphs->len == 1 &&
        c->title_from == 0 && !c->retitle_at && j->n <= 120 && jb_article_navigation(j) &&
        g_utf8_strlen(a->title, -1) <= 16 && !strpbrk(a->title, "0123456789"))
        c->retitle_at = 1; /* a site's name above its navigation (某某省统计局 / 当前位置：首页
                              > …): the headline is below */
    if (v != KEEP) {
        jb_article_hold_stamp(c, j);
        return;
    }
    if (a->shape == JB_SHAPE_TEXT && c->retitle_at && a->paragraphs->len == c->retitle_at &&
        j->n <= TITLE_MAX_CHARS && !jb_article_ends_sentence(p, p + len)) {
        /* an announcement's own title under its issuer's name (某某股份有限公司 / 2026年年度
         * 业绩预增公告): the title names what it is and its period, the issuer neither; a
         * headline under a site's name and its navigation */
        g_free(a->title);
        a->title = g_strdup(p);
    }
    if (a->shape == JB_SHAPE_TEXT && a->paragraphs->len == c->title_from && !a->title &&
        kind != JB_PARA_TABLE && j->n <= TITLE_MAX_CHARS && !jb_article_ends_sentence(p, p + len)) {
        g_free(a->title);
        a->title = g_strdup(p);
        if (jb_article_issuer_line(p, len, j->n))
            c->retitle_at = a->paragraphs->len + 1;
        /* (a masthead, 某某日报数字报, or its first token, 某某证券研究所　公司点评报告, if the
         * date line comes right after it) */
        const char *sp = j->n <= 30 ? memchr(p, ' ', len) : NULL;
        if (c->title_from == 0 && !j->digit && j->n <= 30 && !c->masthead &&
            (c->masthead = publisher_token(p, sp && sp > p ? sp : p + len)) != NULL) {
            c->masthead_block = c->nblocks;
            c->masthead_text = g_strdup(p);
        }
    }
    JbSection *x = current_section(c);
    if (kind == JB_PARA_HEADING && !x->title[0] && x->first == a->paragraphs->len) {
        g_free(x->title); /* a section begun at a heading is titled by it */
        x->title = g_strdup(p);
    }
    g_ptr_array_add(a->paragraphs, jb_article_keep_text(c, p, len, kind));
    if (c->nparas == c->paras_cap) {
        c->paras_cap = MAX(2 * c->paras_cap, 64);
        c->para_lines = g_renew(guint, c->para_lines, c->paras_cap);
        c->para_kinds = g_renew(guint8, c->para_kinds, c->paras_cap);
    }
    c->para_lines[c->nparas] = line;
    c->para_kinds[c->nparas++] = kind;
}

/* A raw block found at `line`: cleaned, then kept as a paragraph unless it is junk. */
void jb_article_emit(Ctx *c, const char *raw, gsize n, guint line)
{
    /* cleaned in a buffer kept for the article: only paragraphs that are kept get their own */
    if (c->clean_cap < n + 1) {
        g_free(c->clean);
        /* (at first room for a long paragraph: growing by the blocks met costs more) */
        c->clean_cap = MAX(MAX(n + 1, 2 * c->clean_cap), 2 * BLOCK_BUF_SIZE);
        c->clean = g_malloc(c->clean_cap);
    }
    JunkPara j;
    guint8 kind = c->next_kind;
    c->next_kind = JB_PARA_BODY;
    if (c->unspace && kind != JB_PARA_TABLE) { /* (2025 年 3 月: its spaces out first) */
        if (c->unspaced_cap < n + 1) {
            g_free(c->unspaced);
            c->unspaced_cap = MAX(n + 1, 2 * c->unspaced_cap);
            c->unspaced = g_malloc(c->unspaced_cap);
        }
        memcpy(c->unspaced, raw, n);
        c->unspaced[n] = '\0';
        raw = c->unspaced;
        n = jb_article_unspace(c->unspaced);
    }
    gsize len = jb_article_clean_into(raw, n, c->clean, &j);
    /* (the counters follow a sentence's 。: cleaning noted whether there is one) */
    gsize cut = len && (j.punct & PUNCT_PERIOD) ? jb_junk_counters_tail(c->clean, len) : len;
    if (cut < len) { /* (the page's counters glued after its last sentence: cut off) */
        g_autofree char *kept = g_strndup(c->clean, cut);
        len = jb_article_clean_into(kept, cut, c->clean, &j);
    }
    if (len)
        add_paragraph(c, &j, line, kind);
}
static void set_str(char **field, char *value)
{
    if (value && *value) {
        g_free(*field);
        *field = value;
    } else {
        g_free(value);
    }
}

static void body_pass(Ctx *c, const char *s, const char *end, guint line, gboolean keep)
{
    switch (c->a->shape) {
    case JB_SHAPE_HTML:
        jb_article_html_pass(c, s, end, line, keep);
        break;
    case JB_SHAPE_FEED:
        jb_article_feed_pass(c, s, end, line);
        break;
    case JB_SHAPE_MARKDOWN:
        jb_article_markdown_pass(c, s, end, line);
        break;
    default:
        jb_article_text_pass(c, s, end, line);
        break;
    }
}

/* The article's title and URL, from the best of what the body pass found. */
static void pick_title_url(JbArticle *a, Ctx *c)
{
    /* title */
    g_autofree char *html_title = clean_title(c->html_title);
    if (html_title)
        cut_site_suffix(html_title);
    if (c->fm_title)
        set_str(&a->title, clean_title(c->fm_title));
    else if (c->og_title)
        set_str(&a->title, clean_title(c->og_title));
    else if (html_title && *html_title && !(c->h1 && strstr(html_title, c->h1)))
        set_str(&a->title, g_steal_pointer(&html_title));
    else if (c->h1)
        set_str(&a->title, g_strdup(c->h1));
    else if (c->md_heading)
        set_str(&a->title, g_strdup(c->md_heading));
    else if (c->site_name && (a->shape == JB_SHAPE_FEED || a->shape == JB_SHAPE_JSON))
        set_str(&a->title, clean_title(c->site_name));

    /* url */
    if (c->fm_url)
        set_str(&a->url, jb_article_strip_dup(c->fm_url));
    else if (c->canonical)
        set_str(&a->url, g_strdup(c->canonical));
    else if (c->og_url)
        set_str(&a->url, g_strdup(c->og_url));
}

/* The publisher: front matter, the site's name, a 来源 line, an author that names an outlet
 * (author: 某某财经), the date line's or the masthead's name; "" when none. */
static void pick_publisher(JbArticle *a, Ctx *c)
{
    g_autofree char *name = NULL;
    if (c->fm_publisher)
        set_str(&a->publisher, jb_article_strip_dup(c->fm_publisher));
    else if (c->site_name)
        set_str(&a->publisher, clean_title(c->site_name));
    else if (c->source_line)
        set_str(&a->publisher, g_strdup(c->source_line));
    else if (c->fm_author &&
             (name = publisher_token(c->fm_author, c->fm_author + strlen(c->fm_author))) != NULL)
        set_str(&a->publisher, g_steal_pointer(&name));
    else if (c->byline_name)
        set_str(&a->publisher, g_strdup(c->byline_name));
    else if (c->masthead && c->title_from > 0) /* (confirmed by the date line under it) */
        set_str(&a->publisher, g_strdup(c->masthead));
    else if (c->lead_token && c->lead_home) /* the site's name before its home link */
        set_str(&a->publisher, g_strdup(c->lead_token));
    if (!a->publisher)
        a->publisher = g_strdup("");
}

/* jb_article_parse; `owned` as for jb_article_decode(). */
static JbArticle *parse(const char *source, const char *data, gsize len, char *owned,
                        const char *encoding, const char *published_override, GError **error)
{
    g_autofree char *override = NULL;
    if (published_override && *published_override) {
        override = jb_article_parse_date(published_override);
        if (!override) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s: published date '%s' is not a date (want YYYY-MM-DD)", source,
                        published_override);
            return NULL;
        }
    }
    if (len > JB_ARTICLE_MAX_BYTES) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: too large (%zu bytes; the limit is %u)",
                    source, len, JB_ARTICLE_MAX_BYTES);
        return NULL;
    }
    if (len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: empty", source);
        return NULL;
    }
    g_autoptr(JbArticle) a = g_new0(JbArticle, 1);
    a->source = g_strdup(source);
    /* title, published and url stay NULL until found (set_str), "" only if never found:
     * each would otherwise be allocated twice */
    /* room for a typical article's paragraphs: growing from nothing reallocates thrice */
    a->paragraphs = g_ptr_array_new_full(ARTICLE_PARAGRAPHS, NULL); /* (in para_text) */
    a->lines = g_array_new(FALSE, FALSE, sizeof(guint)); /* (filled at once at the end) */
    a->kinds = g_array_new(FALSE, FALSE, sizeof(guint8));
    a->sections = g_array_new(FALSE, FALSE, sizeof(JbSection));
    g_array_set_clear_func(a->sections, jb_article_section_clear);
    jb_article_begin_first_section(a);
    a->warnings = g_ptr_array_new_with_free_func(g_free);

    Text text;
    if (!jb_article_decode(a, data, len, owned, encoding, &text, error))
        return NULL;
    if (only_space(text.str)) {
        g_free(text.mem);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: empty", source);
        return NULL;
    }

    /* the paragraphs' bytes: as many as the text's at most, unless a pass is redone */
    a->para_text = g_string_chunk_new(MIN(text.len, (gsize)1 << 20) + 1);
    Ctx c = {
        .a = a, .warnings = a->warnings, /* (body pass warnings are added where they belong) */
    };
    jb_article_junk_init(); /* add_paragraph reads its tables */
    guint body_line = 1;
    gsize body = jb_article_front_matter(&c, text.str, text.len, &body_line);
    const char *s = text.str + body, *end = text.str + text.len;
    a->shape = jb_article_is_feed(s, end)   ? JB_SHAPE_FEED
               : jb_article_is_json(s, end) ? JB_SHAPE_JSON
                                            : jb_article_detect_shape(source, s, end, body > 0);

    c.unspace = jb_article_spaced_text(s, (gsize)(end - s));
    c.warnings_mark = a->warnings->len;
    if (a->shape == JB_SHAPE_JSON) {
        jb_article_json_pass(&c, s, end, body_line, error);
        if (error && *error) {
            ctx_clear(&c);
            g_free(text.mem);
            return NULL;
        }
    } else {
        body_pass(&c, s, end, body_line, FALSE);
    }
    if (a->shape == JB_SHAPE_HTML &&
        (c.unclosed_name || (c.dropped_container && a->paragraphs->len == 0))) {
        /* A <nav> never closed, or a <form> around the whole page: read again keeping the
         * text of such containers (their junk still meets the junk rules). */
        g_autofree char *why = c.unclosed_name
                                   ? g_strdup_printf(
                                         "%s:%u: <%s> is never closed; its text is kept", source,
                                         c.unclosed_line, c.unclosed_name)
                                   : NULL;
        ctx_reset(&c);
        g_ptr_array_set_size(a->paragraphs, 0);
        if (why)
            g_ptr_array_add(c.warnings, g_steal_pointer(&why));
        body_pass(&c, s, end, body_line, TRUE);
    }

    g_array_append_vals(a->lines, c.para_lines, c.nparas);
    g_array_append_vals(a->kinds, c.para_kinds, c.nparas);

    pick_title_url(a, &c);
    if (c.unspace && a->title)
        jb_article_unspace(a->title);
    set_str(&a->published, jb_article_pick_date(a, &c, source, &override));
    pick_publisher(a, &c);

    if (!a->title)
        a->title = g_strdup("");
    a->summary = c.fm_summary ? jb_article_front_summary(c.fm_summary) : g_strdup("");
    if (!a->published)
        a->published = g_strdup("");
    if (!a->url)
        a->url = g_strdup("");
    ctx_clear(&c);
    g_free(text.mem);
    return g_steal_pointer(&a);
}

JbArticle *jb_article_parse(const char *source, const char *data, gsize len, const char *encoding,
                            const char *published_override, GError **error)
{
    g_return_val_if_fail(source != NULL, NULL);
    g_return_val_if_fail(data != NULL || len == 0, NULL);
    return parse(source, data, len, NULL, encoding, published_override, error);
}

JbArticle *jb_article_load(const char *path, const char *encoding, const char *published_override,
                           GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: cannot open: %s", path, g_strerror(e));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: cannot read: %s", path, g_strerror(e));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: is a directory", path);
        return NULL;
    }
    if (S_ISREG(st.st_mode) && (guint64)st.st_size > JB_ARTICLE_MAX_BYTES) {
        close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: too large (%lld bytes; the limit is %u)",
                    path, (long long)st.st_size, JB_ARTICLE_MAX_BYTES);
        return NULL;
    }
    /* Most articles fit in `small`: a heap block the size of the file would cost, freed
     * again for every file, as much as reading a short article. */
    char small[16384];
    gsize cap = S_ISREG(st.st_mode) ? (gsize)st.st_size + 1 : 65536, len = 0;
    g_autofree char *heap = NULL;
    char *buf = small;
    if (cap > sizeof small)
        buf = heap = g_malloc(cap);
    else
        cap = sizeof small;
    for (;;) {
        if (len == cap) {
            if (cap > JB_ARTICLE_MAX_BYTES)
                break;
            cap = MIN(cap * 2, (gsize)JB_ARTICLE_MAX_BYTES + 1);
            if (!heap)
                heap = g_memdup2(small, len); /* (g_realloc below makes it cap bytes) */
            buf = heap = g_realloc(heap, cap);
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: cannot read: %s", path,
                        g_strerror(e));
            return NULL;
        }
        if (r == 0)
            break;
        len += (gsize)r;
        if (S_ISREG(st.st_mode) && len == (gsize)st.st_size)
            break; /* all fstat said there is: no read just to see the end (one call a file) */
    }
    close(fd);
    if (len > JB_ARTICLE_MAX_BYTES) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: too large (over %u bytes)", path,
                    JB_ARTICLE_MAX_BYTES);
        return NULL;
    }
    /* the read loop leaves len < cap: parse() may use buf[len] */
    return parse(path, buf, len, buf, encoding, published_override, error);
}

void jb_article_free(JbArticle *a)
{
    if (!a)
        return;
    g_free(a->source);
    g_free(a->title);
    g_free(a->summary);
    g_free(a->published);
    g_free(a->url);
    g_free(a->publisher);
    if (a->kinds)
        g_array_unref(a->kinds);
    if (a->sections)
        g_array_unref(a->sections);
    if (a->paragraphs)
        g_ptr_array_unref(a->paragraphs);
    if (a->lines)
        g_array_unref(a->lines);
    if (a->warnings)
        g_ptr_array_unref(a->warnings);
    if (a->para_text)
        g_string_chunk_free(a->para_text);
    g_free(a);
}

const char *jb_shape_name(JbShape s)
{
    switch (s) {
    case JB_SHAPE_HTML:
        return "html";
    case JB_SHAPE_MARKDOWN:
        return "markdown";
    case JB_SHAPE_FEED:
        return "feed";
    case JB_SHAPE_JSON:
        return "json";
    default:
        return "text";
    }
}
