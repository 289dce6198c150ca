/* jb_article_text.c — the Markdown pass (inline markup dropped, headings, lists, fences, pipe
 * tables), into raw blocks with their source lines.
 *
 * Not for: front matter (jb_article_front.c), plain text (jb_article_plain.c), HTML
 * (jb_article_html.c) nor deciding which pass a file gets (jb_article.c).
 */
#include "jb_article_priv.h"

/* ---- Markdown ----------------------------------------------------------------------- */

/* Position of the next `ch` at or after `p`, cached in *cache so that a run of openers
 * searching for the same closer scans the text once. */
static const char *next_char(const char *p, const char *end, char ch, const char **cache)
{
    if (*cache == end || (*cache && *cache >= p))
        return *cache == end ? NULL : *cache;
    const char *q = memchr(p, ch, (size_t)(end - p));
    *cache = q ? q : end;
    return q;
}

/* Bytes that may start inline markup (and NUL, as strchr found it too). */
static const guint8 md_special[256] = {
    ['\\'] = 1, ['`'] = 1, ['['] = 1, ['!'] = 1, ['*'] = 1,
    ['_'] = 1,  ['~'] = 1, ['<'] = 1, ['&'] = 1, ['\0'] = 1,
};

/* Markdown inline markup → links keep their text, images and footnote marks go,
 * emphasis and code marks go, HTML tags vanish, entities are decoded. `*links` (NULL: not
 * asked) is the number of bytes of `out` that are links' text. */
static void md_inline(const char *s, gsize n, GString *out, gsize *links)
{
    const char *p = s, *end = s + n;
    const char *c_rb = NULL, *c_rb2 = NULL, *c_rp = NULL, *c_gt = NULL;
    const char *link_close = NULL, *link_end = NULL;
    gsize link_from = 0;
    while (p < end) {
        char ch = *p;
        if (link_close && p > link_close)
            link_close = NULL; /* jumped over by a tag */
        if (p == link_close) {
            if (links)
                *links += out->len - link_from;
            p = link_end;
            link_close = NULL;
            continue;
        }
        if (ch == '\\' && p + 1 < end && g_ascii_ispunct(p[1])) {
            g_string_append_c(out, p[1]);
            p += 2;
        } else if (ch == '`') {
            p++;
        } else if (ch == '[' || (ch == '!' && p + 1 < end && p[1] == '[')) {
            gboolean image = ch == '!';
            const char *open = image ? p + 1 : p;
            const char *rb = next_char(open + 1, end, ']', &c_rb);
            const char *tail = NULL;
            if (rb && rb + 1 < end && rb[1] == '(') {
                const char *rp = next_char(rb + 2, end, ')', &c_rp);
                if (rp)
                    tail = rp + 1;
            } else if (rb && rb + 1 < end && rb[1] == '[') {
                const char *rb2 = next_char(rb + 2, end, ']', &c_rb2);
                if (rb2 && rb2 - rb < 64)
                    tail = rb2 + 1;
            }
            if (rb && open[1] == '^') { /* footnote mark [^1] */
                p = rb + 1;
            } else if (rb && tail && image) {
                p = tail;
            } else if (rb && tail && !link_close) {
                link_close = rb;
                link_end = tail;
                link_from = out->len;
                p = open + 1;
            } else {
                g_string_append_c(out, ch);
                p++;
            }
        } else if (ch == '*' || ch == '_' || ch == '~') {
            const char *q = p;
            while (q < end && *q == ch)
                q++;
            gsize run = (gsize)(q - p);
            gboolean before_space = p == s || g_ascii_isspace(p[-1]) || g_ascii_isdigit(p[-1]);
            gboolean after_space = q == end || g_ascii_isspace(*q) || g_ascii_isdigit(*q);
            if (run >= 2 || (ch == '*' && !(before_space && after_space)))
                ; /* emphasis marks */
            else
                g_string_append_len(out, p, (gssize)run);
            p = q;
        } else if (ch == '<' && p + 1 < end &&
                   (g_ascii_isalpha(p[1]) || p[1] == '/' || p[1] == '!')) {
            const char *gt = next_char(p + 1, end, '>', &c_gt);
            if (gt && ((end - p > 5 && memcmp(p + 1, "http", 4) == 0) ||
                       (end - p > 8 && memcmp(p + 1, "mailto:", 7) == 0))) {
                append_len(out, p + 1, (gsize)(gt - p - 1)); /* an autolink: its address */
                p = gt + 1;
            } else if (gt) {
                p = gt + 1;
            } else {
                g_string_append_c(out, ch);
                p++;
            }
        } else if (ch == '&') {
            p = jb_article_decode_entity(p, end, out);
        } else {
            const char *q = p + 1;
            while (q < end && !md_special[(guchar)*q])
                q += ((guchar)*q & 0xF0) == 0xE0 ? 3 : 1; /* a Chinese character at once */
            if (q > end)
                q = end; /* (a cut character: never in valid UTF-8) */
            if (link_close && link_close > p && link_close < q)
                q = link_close;
            append_len(out, p, (gsize)(q - p));
            p = q;
        }
    }
}

static gboolean only_space_n(const char *s, gsize n)
{
    for (gsize i = 0; i < n; i++)
        if (!g_ascii_isspace(s[i]))
            return FALSE;
    return TRUE;
}

typedef struct {
    Ctx *c;
    GString *blk;
    guint blk_line;
    GString *text;       /* the block with inline markup removed (reused from block to block) */
    gboolean blk_quoted; /* the block began as a blockquote (> …) */
    guint quote_from;    /* the first paragraph of the run of quoted blocks last emitted, or
                            G_MAXUINT when the last block emitted was not quoted */
} Md;

/* The alt text of an image alone in its block (![習近平抵達…。（新華社）](…)) when it reads
 * as a caption: a sentence with Chinese in it, not a file name or "图片". Its length, or 0. */
static gsize md_caption(const char *blk, gsize n, const char **alt)
{
    const char *p = blk, *end = blk + n;
    while (p < end && g_ascii_isspace(*p))
        p++;
    if (end - p < 4 || p[0] != '!' || p[1] != '[')
        return 0;
    const char *close = g_strstr_len(p + 2, end - p - 2, "](");
    if (!close || end[-1] != ')')
        return 0;
    gsize len = (gsize)(close - (p + 2));
    glong chars = g_utf8_strlen(p + 2, (gssize)len);
    gboolean han = FALSE;
    for (const char *q = p + 2; q < close && !han; q = g_utf8_next_char(q)) {
        gunichar ch = g_utf8_get_char(q);
        han = ch >= 0x4E00 && ch <= 0x9FFF;
    }
    *alt = p + 2;
    return han && chars >= 8 ? len : 0;
}

/* The bytes of s[0, n) above ' '. */
static gsize visible_bytes(const char *s, gsize n)
{
    gsize v = 0;
    for (gsize i = 0; i < n; i++)
        v += (guchar)s[i] > ' ';
    return v;
}

/* Does [s, p) end a sentence (。！？, then spaces or line breaks), or is p the block's start? */
static gboolean md_after_stop(const char *s, const char *p)
{
    while (p > s && (p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t'))
        p--;
    while (p - s >= 3 && memcmp(p - 3, "\u3000", 3) == 0)
        p -= 3;
    if (p == s)
        return TRUE;
    return p - s >= 3 && (memcmp(p - 3, "。", 3) == 0 || memcmp(p - 3, "！", 3) == 0 ||
                          memcmp(p - 3, "？", 3) == 0);
}

/* g_strstr_len(p, end - p, "**"), its '*' found by memchr rather than a byte loop (asked of
 * every Markdown block); as there, a NUL ends the search. */
static const char *find_stars(const char *p, const char *end)
{
    const char *z = memchr(p, '\0', (size_t)(end - p));
    if (z)
        end = z;
    for (; (p = memchr(p, '*', (size_t)(end - p))) != NULL && end - p >= 2; p++)
        if (p[1] == '*')
            return p;
    return NULL;
}

/* A bold headline opening an item of a run-on bulletin (**标题**　正文…。**标题2**正文…), at
 * or after `from` in the block [s, end): at the start or after a full stop, a phrase with
 * no stop nor line break, not ending in a colon, then its story — after a space, or at once when the phrase
 * is long enough to be a headline, not a name (**衡跃机器人**完成…: the sentence's subject).
 * Its bold marks at *at, its text [*h, *h + *hn), its story from *body. */
static gboolean md_bold_headline(const char *s, const char *from, const char *end, const char **at,
                                 const char **h, gsize *hn, const char **body)
{
    for (const char *p = from; (p = find_stars(p, end)) != NULL; p += 2) {
        if (!md_after_stop(s, p) || (p + 2 < end && p[2] == '*'))
            continue;
        const char *t = p + 2, *q = find_stars(t, t + MIN(end - t, 180));
        if (!q || q == t)
            continue;
        glong chars = g_utf8_strlen(t, q - t);
        gboolean plain = chars <= 60;
        for (const char *x = t; x < q && plain; x = g_utf8_next_char(x))
            plain = !strchr("\n*", *x) && !g_str_has_prefix(x, "。") &&
                    !g_str_has_prefix(x, "！") && !g_str_has_prefix(x, "？");
        if (plain && (q[-1] == ':' || (q - t >= 3 && memcmp(q - 3, "：", 3) == 0)))
            plain = FALSE; /* (a label: **注：**…) */
        if (g_str_has_prefix(t, "【"))
            continue; /* (a dateline: **【本网讯】** …) */
        const char *r = q + 2;
        while (r < end &&
               (*r == ' ' || *r == '\t' || (end - r >= 3 && memcmp(r, "\u3000", 3) == 0)))
            r += *r == ' ' || *r == '\t' ? 1 : 3;
        if (!plain || r == end || *r == '\n' || ((guchar)*r < 0x80 && g_ascii_ispunct(*r)) ||
            (r == q + 2 && chars < 9))
            continue;
        gunichar ch = g_utf8_get_char(r);
        if (g_unichar_ispunct(ch) && ch != 0x201C && ch != 0x300A) /* (“ 《 open a sentence) */
            continue;
        *at = p;
        *h = t;
        *hn = (gsize)(q - t);
        *body = r;
        return TRUE;
    }
    return FALSE;
}

static void md_emit(Md *m, const char *p, gsize n, guint line)
{
    string_clear(m->text);
    md_inline(p, n, m->text, NULL);
    if (!only_space_n(m->text->str, m->text->len))
        jb_article_emit(m->c, m->text->str, m->text->len, line);
}

/* A block of bulletin items, each its bold headline then its story: the headlines are
 * headings (each item a story of its own: no date of one carries into the next), the
 * stories paragraphs under them. FALSE (nothing emitted) when the block has none. */
static gboolean md_bold_items(Md *m)
{
    const char *s = m->blk->str, *end = s + m->blk->len, *at, *h, *body;
    gsize hn;
    if (m->c->next_kind != JB_PARA_BODY || !md_bold_headline(s, s, end, &at, &h, &hn, &body))
        return FALSE;
    const char *p = s;
    guint line = m->blk_line;
    do {
        for (const char *x = p; x < at; x++)
            line += *x == '\n';
        md_emit(m, p, (gsize)(at - p), line);
        jb_article_begin_section(m->c, NULL, 0, NULL, NULL); /* titled by its headline */
        /* (a news headline, long enough to stand glued; a label, **客源结构**, parts one story) */
        JbSection *x = &g_array_index(m->c->a->sections, JbSection, m->c->a->sections->len - 1);
        x->item = g_utf8_strlen(h, (gssize)hn) >= 9;
        m->c->next_kind = JB_PARA_HEADING;
        md_emit(m, h, hn, line);
        m->c->next_kind = JB_PARA_BODY;
        p = body;
    } while (md_bold_headline(s, body, end, &at, &h, &hn, &body));
    md_emit(m, p, (gsize)(end - p), line);
    return TRUE;
}

static void md_flush_block(Md *m);

/* The block read so far as paragraphs, and whether they continue a run of quoted blocks. */
static void md_flush(Md *m)
{
    guint before = m->c->a->paragraphs->len;
    gboolean quoted = m->blk_quoted;
    m->blk_quoted = FALSE;
    md_flush_block(m);
    if (m->c->a->paragraphs->len == before)
        return;
    if (!quoted)
        m->quote_from = G_MAXUINT;
    else if (m->quote_from == G_MAXUINT)
        m->quote_from = before;
}

/* Is the line [q, e) a blog's read-more mark (<!-- more -->, <!--more-->)? */
static gboolean md_more_mark(const char *q, const char *e)
{
    while (e > q && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (e - q < 11 || memcmp(q, "<!--", 4) != 0 || memcmp(e - 3, "-->", 3) != 0)
        return FALSE;
    const char *a = q + 4, *b = e - 3;
    while (a < b && *a == ' ')
        a++;
    while (b > a && b[-1] == ' ')
        b--;
    return b - a == 4 && g_ascii_strncasecmp(a, "more", 4) == 0;
}

/* At a read-more mark: the quoted blocks right above it are the post's excerpt, a lead that
 * says the body's figures again (JB_PARA_LEAD). */
static void md_mark_lead(Md *m)
{
    md_flush(m);
    Ctx *c = m->c;
    for (guint i = m->quote_from; i < c->nparas; i++)
        if (c->para_kinds[i] == JB_PARA_BODY)
            c->para_kinds[i] = JB_PARA_LEAD;
    m->quote_from = G_MAXUINT;
}

static void md_flush_block(Md *m)
{
    if (m->blk->len && md_bold_items(m)) {
        string_clear(m->blk);
        return;
    }
    if (m->blk->len) {
        /* a picture on the block's first line with its lines under it (![…逾九成](…) then
         * *路氹一带酒店。…*): its alt text a caption of its own first, as one alone */
        const char *nl = memchr(m->blk->str, '\n', m->blk->len), *alt0;
        gsize n0 = nl ? md_caption(m->blk->str, (gsize)(nl - m->blk->str), &alt0) : 0;
        if (n0 && m->c->next_kind == JB_PARA_BODY) {
            string_clear(m->text);
            md_inline(alt0, n0, m->text, NULL);
            m->c->next_kind = JB_PARA_CAPTION;
            jb_article_emit(m->c, m->text->str, m->text->len, m->blk_line);
            g_string_erase(m->blk, 0, (gssize)(nl + 1 - m->blk->str));
            m->blk_line++;
        }
        string_clear(m->text);
        gsize links = 0;
        md_inline(m->blk->str, m->blk->len, m->text, &links);
        const char *alt;
        gsize n;
        if (m->c->next_kind == JB_PARA_BODY && (g_str_has_prefix(m->blk->str, "<figure") ||
                                                g_str_has_prefix(m->blk->str, "<figcaption")))
            m->c->next_kind = JB_PARA_CAPTION; /* a picture's caption in HTML: as its alt text */
        if (only_space_n(m->text->str, m->text->len) &&
            (n = md_caption(m->blk->str, m->blk->len, &alt))) {
            string_clear(m->text); /* a picture's caption: its facts, read with the headlines */
            md_inline(alt, n, m->text, NULL);
            m->c->next_kind = JB_PARA_CAPTION;
            links = 0;
        }
        /* a paragraph or item that is mostly link text (a list of other pages): the HTML
         * pass's link density rule (jb_article_html.c), for links written in Markdown; a
         * heading or a table's row that is a link is still the story's */
        m->c->link_heavy = links > 0 && m->c->next_kind == JB_PARA_BODY &&
                           links * 10 >= visible_bytes(m->text->str, m->text->len) * 7;
        jb_article_emit(m->c, m->text->str, m->text->len, m->blk_line);
        m->c->link_heavy = FALSE;
    }
    string_clear(m->blk);
}

static void md_add(Md *m, const char *p, const char *e, guint line)
{
    if (m->blk->len == 0)
        m->blk_line = line;
    else
        g_string_append_c(m->blk, '\n');
    append_len(m->blk, p, (gsize)(e - p));
}

/* A pipe table's line [q, e) (starting with '|') as a row: its cells, trimmed, between
 * JB_CELL_SEP (a new string); NULL for the line under the header (| --- | :-: |). */
GString *jb_article_pipe_table_row(const char *q, const char *e)
{
    gboolean sep = TRUE;
    for (const char *r = q; r < e; r++)
        if (!strchr("|:- \t", *r))
            sep = FALSE;
    if (sep)
        return NULL;
    const char *r = q + 1, *re = e;
    while (re > r && (re[-1] == ' ' || re[-1] == '\t'))
        re--;
    if (re > r && re[-1] == '|')
        re--;
    GString *row = g_string_new(NULL);
    while (r <= re) {
        const char *ce = memchr(r, '|', (size_t)(re - r));
        if (!ce)
            ce = re;
        const char *a = r, *b = ce;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (r > q + 1)
            g_string_append(row, JB_CELL_SEP);
        g_string_append_len(row, a, b - a);
        r = ce + 1;
    }
    return row;
}

/* Is the line [p, e) a date line among the first blocks, with no date found yet? Such a
 * line starts a block of its own: a title line above it is no text it continues. */
static gboolean header_date_line(const Ctx *c, const char *p, const char *e)
{
    if (c->header_date || c->nblocks >= HEADER_DATE_BLOCKS || e - p > 240)
        return FALSE;
    char line[241];
    memcpy(line, p, (size_t)(e - p));
    line[e - p] = '\0';
    int y, m, d;
    return jb_article_header_ymd(line, g_utf8_strlen(line, -1), NULL, &y, &m, &d);
}

static gboolean md_rule(const char *p, const char *e)
{
    char ch = 0;
    int n = 0;
    for (; p < e; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if ((*p != '-' && *p != '*' && *p != '_' && *p != '=') || (ch && *p != ch))
            return FALSE;
        ch = *p;
        n++;
    }
    return n >= 3;
}

static gboolean md_html_block(const char *p, const char *e)
{
    if (p >= e || *p != '<')
        return FALSE;
    if (e - p >= 4 && memcmp(p, "<!--", 4) == 0)
        return TRUE;
    char name[16];
    jb_article_tag_name(p + 1 + (p + 1 < e && p[1] == '/'), e, name, sizeof name);
    const TagInfo *t = jb_article_tag_info(name);
    return t && (t->flags & (T_BLOCK | T_RAW | T_DROP));
}

/* Does the line p[0..e) end with a full stop (。！？)? (A list's lines ending in ； or ： — a
 * programme's contents, item by item — still make one block.) */
static gboolean ends_full_stop(const char *p, const char *e)
{
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    static const char *const stops[] = {"。", "！", "？"};
    for (gsize i = 0; i < G_N_ELEMENTS(stops); i++)
        if ((gsize)(e - p) >= strlen(stops[i]) &&
            memcmp(e - strlen(stops[i]), stops[i], strlen(stops[i])) == 0)
            return TRUE;
    return FALSE;
}

/* An ATX heading's line [q, e) (## 标题): a section of its own, titled by it. FALSE (nothing
 * done) when the #s open no heading (#话题#). */
static gboolean md_heading(Md *m, const char *q, const char *e, guint line)
{
    Ctx *c = m->c;
    const char *h = q;
    while (h < e && *h == '#')
        h++;
    if (h - q > 6 || (h < e && *h != ' ' && *h != '\t'))
        return FALSE;
    const char *he = e;
    while (he > h && (he[-1] == '#' || he[-1] == ' ' || he[-1] == '\t'))
        he--;
    md_flush(m);
    jb_article_begin_section(c, NULL, 0, NULL, NULL); /* titled by its heading */
    c->next_kind = JB_PARA_HEADING;
    md_add(m, h, he, line);
    if (!c->md_heading && he > h) {
        GString *t = g_string_new(NULL);
        md_inline(h, (gsize)(he - h), t, NULL);
        c->md_heading = jb_article_clean_text(t->str, t->len);
        g_string_free(t, TRUE);
    }
    md_flush(m);
    return TRUE;
}

void jb_article_markdown_pass(Ctx *c, const char *s, const char *end, guint line)
{
    Md m = {.c = c,
            .blk = g_string_sized_new(BLOCK_BUF_SIZE),
            .text = g_string_sized_new(BLOCK_BUF_SIZE),
            .quote_from = G_MAXUINT};
    char fence = 0;
    gboolean in_comment = FALSE;
    /* a line that ends a sentence ends its paragraph, unless the file is hard-wrapped: a
     * page turned into Markdown writes one paragraph a line (a bulletin's run-on items, each
     * its headline glued to its text), where Markdown would join them */
    gboolean wrapped = jb_article_hard_wrapped(s, end);
    const char *prev_p = NULL, *prev_e = NULL;
    for (const char *p = s; p < end; line++) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        const char *next = e < end ? e + 1 : end;
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t'))
            q++;
        if (in_comment) {
            if (memmem(q, (size_t)(e - q), "-->", 3))
                in_comment = FALSE;
        } else if (fence) {
            if (e - q >= 3 && q[0] == fence && q[1] == fence && q[2] == fence)
                fence = 0;
        } else if (blank_text_line(q, e)) {
            md_flush(&m);
        } else if (e - q >= 3 && (memcmp(q, "```", 3) == 0 || memcmp(q, "~~~", 3) == 0)) {
            md_flush(&m);
            fence = *q;
        } else if (md_more_mark(q, e)) {
            md_mark_lead(&m);
        } else if (e - q >= 4 && memcmp(q, "<!--", 4) == 0 &&
                   !memmem(q, (size_t)(e - q), "-->", 3)) {
            md_flush(&m);
            in_comment = TRUE;
        } else if (md_rule(q, e)) {
            md_flush(&m);
        } else if (*q == '#') {
            if (!md_heading(&m, q, e, line))
                md_add(&m, q, e, line);
        } else if (*q == '|') {
            md_flush(&m);
            GString *row = jb_article_pipe_table_row(q, e);
            if (row) {
                c->next_kind = JB_PARA_TABLE;
                md_add(&m, row->str, row->str + row->len, line);
                g_string_free(row, TRUE);
                md_flush(&m);
            }
        } else if (*q == '[' && memchr(q, ']', (size_t)(e - q)) &&
                   ((const char *)memchr(q, ']', (size_t)(e - q)))[1] == ':') {
            /* link reference definition */
        } else {
            gboolean quoted = q < e && *q == '>';
            while (q < e && *q == '>') { /* blockquote marks */
                q++;
                while (q < e && *q == ' ')
                    q++;
            }
            const char *r = q;
            gboolean item = FALSE;
            if (r + 1 < e && (*r == '-' || *r == '*' || *r == '+') && r[1] == ' ') {
                r += 2;
                item = TRUE;
            } else {
                int v, nd;
                const char *d = scan_digits(r, 9, &v, &nd);
                if (nd > 0 && d + 1 < e && (*d == '.' || *d == ')') && d[1] == ' ') {
                    r = d + 2;
                    item = TRUE;
                }
            }
            if (item) {
                while (r < e && *r == ' ')
                    r++;
                if (e - r >= 3 && r[0] == '[' && r[2] == ']' && strchr(" xX", r[1]))
                    r += 3;
                md_flush(&m);
                q = r;
            } else if (md_html_block(q, e)) {
                md_flush(&m);
            } else if (header_date_line(c, q, e)) {
                md_flush(&m); /* a block of its own, between the title and the text */
                md_add(&m, q, e, line);
                md_flush(&m);
                q = e;
            }
            if (q < e && !wrapped && !item && m.blk->len && prev_p &&
                ends_full_stop(prev_p, prev_e))
                md_flush(&m);
            if (q < e) {
                if (!m.blk->len)
                    m.blk_quoted = quoted;
                md_add(&m, q, e, line);
            } else {
                md_flush(&m);
            }
            prev_p = q;
            prev_e = e;
        }
        p = next;
    }
    md_flush(&m);
    g_string_free(m.blk, TRUE);
    g_string_free(m.text, TRUE);
}
