/* jb_article_plain.c — the plain text pass: lines joined into paragraphs (a wrapped line
 * goes on, a blank line, an indent or a line that ends a sentence ends one), and a table
 * written with aligned columns read as rows.
 *
 * Not for: front matter and Markdown (jb_article_text.c), HTML (jb_article_html.c).
 */
#include "jb_article_priv.h"

/* Display width estimate: three- and four-byte UTF-8 characters (CJK) count two. */
/* How many bytes of `m` have bit 7 set (no other bits set): a sum of bytes by multiplying. */
static inline guint bytes_marked(guint64 m)
{
    return (guint)(((m >> 7) * G_GUINT64_CONSTANT(0x0101010101010101)) >> 56);
}

static guint line_width(const char *p, const char *e)
{
    /* by lead byte: 0 for a continuation byte, 2 from E0 */
    static const guint8 width[16] = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 2, 2};
    const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080);
    guint w = 0;
    /* eight bytes at a time (this reads every byte of a text file twice): bit 7 alone marks
     * a continuation byte, bits 7, 6 and 5 a lead byte from E0 */
    for (; e - p >= 8; p += 8) {
        guint64 x;
        memcpy(&x, p, 8);
        guint64 b7 = x & high, b6 = (x << 1) & high, b5 = (x << 2) & high;
        w += 8 - bytes_marked(b7 & ~b6) + bytes_marked(b7 & b6 & b5);
    }
    for (; p < e; p++)
        w += width[(guchar)*p >> 4];
    return w;
}

/* The width of the line [p, e) up to its last visible character: the spaces a copied PDF
 * pads a running head or a blank line with (to 70 columns and more) are no width its text
 * was wrapped at. */
static guint text_width(const char *p, const char *e)
{
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    return line_width(p, e);
}

gboolean jb_article_ends_sentence(const char *p, const char *e)
{
    static const Lit stops[] = {LIT("。"), LIT("！"), LIT("？"), LIT("；"), LIT("："),
                                LIT("…"),  LIT("”"),  LIT("」"), LIT("』"), LIT("!"),
                                LIT("?"),  LIT(";"),  LIT(":")};
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    for (gsize i = 0; i < G_N_ELEMENTS(stops); i++) {
        gsize n = stops[i].n;
        /* (the last byte first, inline: most lines end in none of these) */
        if ((gsize)(e - p) >= n && e[-1] == stops[i].s[n - 1] && starts_with_lit(e - n, stops[i]))
            return TRUE;
    }
    return FALSE;
}

static gboolean indented(const char *p, const char *e)
{
    return p < e && (*p == ' ' || *p == '\t' || (e - p >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0));
}

/* Does the line [p, e) end inside a date that the next line, starting at q (before qe), ends
 * (自12月11 / 日夜盘起, 2026年12 / 月: a dumped PDF's line break)? No paragraph breaks there. */
static gboolean date_cut(const char *p, const char *e, const char *q, const char *qe)
{
    while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    const char *d = e;
    while (d > p && g_ascii_isdigit(d[-1]))
        d--;
    if (d == e || e - d > 2 || d - p < 4)
        return FALSE;
    gboolean month = d - p >= 3 && memcmp(d - 3, "月", 3) == 0 && d - 3 > p &&
                     g_ascii_isdigit(d[-4]);
    gboolean year = d - p >= 7 && memcmp(d - 3, "年", 3) == 0 && g_ascii_isdigit(d[-4]) &&
                    g_ascii_isdigit(d[-7]);
    return (month && qe - q >= 3 && (memcmp(q, "日", 3) == 0 || memcmp(q, "号", 3) == 0)) ||
           (year && qe - q >= 3 && memcmp(q, "月", 3) == 0);
}

/* Does the line [p, e) end inside a figure that the next line, starting unindented at q,
 * ends (1,295.64 亿 / 元，较年初…; 下降 21.47 个百分 / 点；: a dumped PDF's line break between
 * a number's magnitude and its unit)? No paragraph breaks there. */
static gboolean unit_cut(const char *p, const char *e, const char *q, const char *qe)
{
    static const Lit MAGS[] = {LIT("亿"), LIT("万"), LIT("億"), LIT("萬")},
                     POINTS[] = {LIT("个百分"), LIT("個百分")};
    while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    /* (the next line opens with a unit's one Chinese character and its clause's mark:
     * 元，较年初…, 点；…; not a headline's next line, 普惠性幼儿园覆盖率…) */
    static const Lit MARKS[] = {LIT("，"), LIT("。"), LIT("；"), LIT("、"), LIT("）")};
    if (qe - q < 6 || (guchar)*q < 0xE0 || !after_any(q + 3, MARKS, G_N_ELEMENTS(MARKS)))
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(POINTS); i++)
        if ((gsize)(e - p) >= POINTS[i].n && memcmp(e - POINTS[i].n, POINTS[i].s, POINTS[i].n) == 0)
            return memcmp(q, "点", 3) == 0 || memcmp(q, "點", 3) == 0;
    for (gsize i = 0; i < G_N_ELEMENTS(MAGS); i++) {
        if ((gsize)(e - p) < MAGS[i].n + 1 || memcmp(e - MAGS[i].n, MAGS[i].s, MAGS[i].n) != 0)
            continue;
        const char *d = e - MAGS[i].n;
        if (d - 1 > p && d[-1] == ' ')
            d--;
        return g_ascii_isdigit(d[-1]);
    }
    return FALSE;
}

/* Is [a, b) a number as a table's cell writes it (34,612, -1.6, 6.8%, +0.5)? */
static gboolean numeric_cell(const char *a, const char *b)
{
    gboolean digit = FALSE;
    for (const char *p = a; p < b; p++) {
        if (g_ascii_isdigit(*p))
            digit = TRUE;
        else if (!strchr(",.%-+", *p))
            return FALSE;
    }
    return digit;
}

/* The cells of a line laid out in columns (所有零售商店　　　　34,612　　　6.8): split at a
 * tab, an ideographic space or two spaces and more (or, `single`, at every space: a table
 * copied flat, see flat_row), into `row` (JB_CELL_SEP between, when `row` is given). Returns
 * the number of cells; *numeric counts those after the first that are numbers. */
static guint aligned_cells(const char *p, const char *e, GString *row, guint *numeric,
                           gboolean single)
{
    guint n = 0;
    *numeric = 0;
    if (row)
        g_string_truncate(row, 0);
    const char *a = NULL;    /* the cell being read */
    const char *last = NULL; /* its last visible byte's end */
    for (const char *q = p;;) {
        gsize gap = 0; /* the bytes of a column gap at q */
        if (q < e) {
            if (*q == '\t')
                gap = 1;
            else if (*q == ' ' && (single || (q + 1 < e && q[1] == ' ')))
                gap = single ? 1 : 2;
            else if (e - q >= 3 && memcmp(q, "\xE3\x80\x80", 3) == 0)
                gap = 3;
        }
        /* a label that overflowed its column into the first number: 归母净利润（百万元）518 */
        gboolean split = n == 0 && a && q < e && g_ascii_isdigit(*q) && q - a >= 3 &&
                         (memcmp(q - 3, "\xEF\xBC\x89", 3) == 0 /* ） */ || q[-1] == ')');
        if (split) {
            if (row)
                g_string_append_len(row, a, q - a);
            n++;
            a = NULL;
        }
        if (q >= e || gap) {
            if (a && last > a) {
                if (row) {
                    if (n)
                        g_string_append(row, JB_CELL_SEP);
                    g_string_append_len(row, a, last - a);
                }
                *numeric += n > 0 && numeric_cell(a, last);
                n++;
            }
            a = NULL;
            if (q >= e)
                break;
            q += gap;
            continue;
        }
        if (!a && *q != ' ')
            a = q;
        if (*q != ' ')
            last = q + (((guchar)*q < 0x80) ? 1 : g_utf8_skip[(guchar)*q]);
        q = g_utf8_next_char(q);
        if (q > e)
            q = e;
    }
    return n;
}

/* The table being read in columns: the last line's cells (0 when it was no row). */
typedef struct {
    GString *row; /* the current line's cells */
    guint cells, numeric;
    guint held; /* the cells of the row before a label's first half (see broken_label) */
} AlignedTable;

/* Does the line [p, e) hold a tab, two spaces or an ideographic space (what sets columns
 * apart)? Asked of every line of a plain-text article: memchr finds the few candidates. (The
 * spaces are looked for up to a NUL, as g_strstr_len did.) */
static gboolean spaced_out(const char *p, const char *e)
{
    if (memchr(p, '\t', (size_t)(e - p)))
        return TRUE;
    const char *z = memchr(p, '\0', (size_t)(e - p));
    if (z)
        e = z;
    for (const char *q = p; (q = memchr(q, ' ', (size_t)(e - q))) != NULL && e - q >= 2; q++)
        if (q[1] == ' ')
            return TRUE;
    for (const char *q = p; (q = memchr(q, 0xE3, (size_t)(e - q))) != NULL && e - q >= 3; q++)
        if ((guchar)q[1] == 0x80 && (guchar)q[2] == 0x80)
            return TRUE;
    return FALSE;
}

static void trim_spaces(const char **p, const char **e);

/* Is the line [p, e), between two rows of a table, the first half of a label too long for its
 * column (经营活动产生的现金流量净 / 额　　6,218,440　　-3,407,912　　不适用): a few words, no
 * figure? */
static gboolean broken_label(const char *p, const char *e)
{
    trim_spaces(&p, &e);
    if (p == e || g_utf8_strlen(p, e - p) > 16 || jb_article_ends_sentence(p, e))
        return FALSE;
    for (const char *q = p; q < e; q++)
        if (g_ascii_isdigit(*q))
            return FALSE;
    return TRUE;
}

/* Is [a, b), a cell after a flat row's label, a value: a number, a cell a filing leaves
 * empty (不适用, a dash) or a change in points (增加0.61个百分点)? */
static gboolean flat_value(const char *a, const char *b)
{
    if (numeric_cell(a, b))
        return TRUE;
    static const char *const empty[] = {"不适用", "-", "--", "—", "——", "－", "/", "／"};
    gsize n = (gsize)(b - a);
    for (gsize i = 0; i < G_N_ELEMENTS(empty); i++)
        if (strlen(empty[i]) == n && memcmp(a, empty[i], n) == 0)
            return TRUE;
    static const char *const moves[] = {"增加", "减少", "上升", "下降"};
    const gsize pts = strlen("个百分点"), mv = strlen("增加");
    if (n <= mv + pts || memcmp(b - pts, "个百分点", pts) != 0)
        return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(moves); i++)
        if (memcmp(a, moves[i], mv) == 0)
            return numeric_cell(a + mv, b - pts);
    return FALSE;
}

/* A line split at every single space, as a table copied flat writes its row. */
typedef struct {
    guint n, numeric;
    gboolean values; /* every cell after the first a value (flat_value) */
    gboolean plain;  /* no cell a sentence's piece: short, none of ，。；： */
} FlatLine;

static FlatLine flat_line(const char *p, const char *e)
{
    FlatLine l = {0, 0, TRUE, TRUE};
    while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    while (p < e && *p == ' ')
        p++;
    for (const char *a = p; a < e && l.plain;) {
        const char *b = memchr(a, ' ', (size_t)(e - a));
        b = b ? b : e;
        l.plain = b - a <= 120 && !g_strstr_len(a, b - a, "，") && !g_strstr_len(a, b - a, "。") &&
                  !g_strstr_len(a, b - a, "；") && !g_strstr_len(a, b - a, "：");
        if (l.n > 0) {
            gboolean num = numeric_cell(a, b);
            l.numeric += num;
            l.values = l.values && (num || flat_value(a, b));
        } else {
            l.values = !numeric_cell(a, b); /* (a row's label is words) */
        }
        l.n++;
        a = b + 1;
    }
    return l;
}

/* Is the line [p, e), with no column gap, a row of a table copied flat, its columns set apart
 * by single spaces as a filing's table pasted as text writes them (营业收入 38,652,418.52 24.63
 * 98,417,225.18 19.87 under 项目 本报告期 增减(%) 年初至报告期末 增减(%))? A head of three
 * cells or more with no figure over a row of values alone (as many cells, or one more: the
 * labels' column has no head), then rows of values alone as many as the cells above. A line
 * of prose with spaces (English, a byline) has words among its figures: none. Fills t->row. */
static gboolean flat_row(const char *p, const char *e, const char *end, guint before,
                         AlignedTable *t)
{
    if (!memchr(p, ' ', (size_t)(e - p)))
        return FALSE; /* (most lines: no space at all) */
    FlatLine l = flat_line(p, e);
    if (l.n < 3 || !l.plain)
        return FALSE;
    gboolean row = l.values && l.numeric >= 1 && before == l.n;
    FlatLine m = {0, 0, FALSE, FALSE};
    if (!row && l.numeric == 0 && e < end) {
        const char *p2 = e + 1, *e2 = memchr(p2, '\n', (size_t)(end - p2));
        m = flat_line(p2, e2 ? e2 : end);
    }
    gboolean head = m.plain && m.values && m.numeric >= 2 && (m.n == l.n || m.n == l.n + 1);
    if (!row && !head)
        return FALSE;
    guint num;
    aligned_cells(p, e, t->row, &num, TRUE);
    if (head && m.n == l.n + 1)
        g_string_prepend(t->row, JB_CELL_SEP);
    t->cells = row ? l.n : m.n;
    return TRUE;
}

/* Is the line [p, e) a row of a table laid out in columns: three cells or more, with
 * numbers after its label, beside a row of as many cells (the line before or after it), or
 * the head of such a row (the line before one, with as many cells or one fewer)? Fills
 * t->row with its cells. A single line spaced out (a byline) is none. */
static gboolean aligned_row(const char *p, const char *e, const char *end, AlignedTable *t)
{
    guint before = t->cells ? t->cells : t->held, num;
    t->held = 0;
    t->cells = 0;
    if (!spaced_out(p, e)) {
        if (flat_row(p, e, end, before, t))
            return TRUE;
        if (before && broken_label(p, e))
            t->held = before; /* (the row under it is still beside the row above) */
        return FALSE;
    }
    guint n = aligned_cells(p, e, NULL, &num, FALSE);
    if (n < 2)
        return FALSE;
    const char *p2 = e < end ? e + 1 : end;
    const char *e2 = memchr(p2, '\n', (size_t)(end - p2));
    if (!e2)
        e2 = end;
    guint num2, n2 = p2 < end ? aligned_cells(p2, e2, NULL, &num2, FALSE) : 0;
    if (n2 == 1 && num2 == 0 && e2 < end) {
        /* (a section row under the head, 一、移动业务: the row after it is the one beside) */
        const char *p3 = e2 + 1, *e3 = memchr(p3, '\n', (size_t)(end - p3));
        n2 = aligned_cells(p3, e3 ? e3 : end, NULL, &num2, FALSE);
    }
    if (!n2)
        num2 = 0;
    /* (or a box of labels and their values, two cells a line: 收盘价（元）　　　48.60) */
    gboolean pair = n == 2 && num == 1 && (before == 2 || (n2 == 2 && num2 == 1));
    gboolean row = (n >= 3 || pair) && num >= 1 && (before == n || (n2 == n && num2 >= 1));
    gboolean head = num == 0 && n2 >= 3 && num2 >= 1 && (n == n2 || n + 1 == n2);
    if (!row && !head)
        return FALSE;
    aligned_cells(p, e, t->row, &num, FALSE);
    if (head && n + 1 == n2) /* (the labels' column has no head) */
        g_string_prepend(t->row, JB_CELL_SEP);
    t->cells = row ? n : n2;
    return TRUE;
}

/* [p, e) without the spaces (ASCII and ideographic) around it. */
static void trim_spaces(const char **p, const char **e)
{
    for (;;) {
        if (*p < *e && (**p == ' ' || **p == '\t'))
            (*p)++;
        else if (*e - *p >= 3 && memcmp(*p, "\xE3\x80\x80", 3) == 0)
            *p += 3;
        else
            break;
    }
    for (;;) {
        if (*e > *p && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
            (*e)--;
        else if (*e - *p >= 3 && memcmp(*e - 3, "\xE3\x80\x80", 3) == 0)
            *e -= 3;
        else
            break;
    }
}

/* A page's number alone on its line (— 3 —, - 12 -, 第3页, 3/12), as text copied from a PDF
 * keeps it between the pages. */
static gboolean page_number_line(const char *p, const char *e)
{
    trim_spaces(&p, &e);
    static const Lit dashes[] = {LIT("—"), LIT("－"), LIT("-"), LIT("–")};
    const char *q = after_any(p, dashes, G_N_ELEMENTS(dashes));
    gboolean dashed = q != NULL, paged = !q && starts_with(p, "第");
    q = q ? q : paged ? p + strlen("第") : p;
    while (q < e && *q == ' ')
        q++;
    const char *d = q;
    while (q < e && g_ascii_isdigit(*q))
        q++;
    if (q == d || q - d > 4)
        return FALSE;
    while (q < e && *q == ' ')
        q++;
    if (dashed)
        return after_any(q, dashes, G_N_ELEMENTS(dashes)) == e;
    if (paged)
        return starts_with(q, "页") && q + strlen("页") == e;
    return FALSE;
}

/* Does the line [p, e) say nothing of the text: a page's number, or the running head of a
 * copied PDF (`head`, the file's first line, met again further on)? */
/* Is the trimmed line [a, b) the running head `head`? */
static gboolean running_head(const char *a, const char *b, const char *head, gsize head_len)
{
    return head_len && (gsize)(b - a) == head_len && memcmp(a, head, head_len) == 0;
}

static gboolean page_furniture(const char *p, const char *e, const char *head, gsize head_len)
{
    if (page_number_line(p, e))
        return TRUE;
    trim_spaces(&p, &e);
    return running_head(p, e, head, head_len);
}

#define PAGE_BREAK_LINES 8

/* Is the blank line [p, e) one of those around a page break: blank lines and a page's
 * furniture, then text? */
static gboolean page_break_after(const char *p, const char *e, const char *end, const char *head,
                                 gsize head_len)
{
    gboolean furniture = FALSE;
    /* (over the next PAGE_BREAK_LINES lines at most: a break is a few, and a file of a
     * million blank lines must not be read again from each) */
    int lines = 0;
    for (p = e < end ? e + 1 : end; p < end && lines++ < PAGE_BREAK_LINES;
         p = e < end ? e + 1 : end) {
        e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        if (page_furniture(p, e, head, head_len))
            furniture = TRUE;
        else if (!blank_text_line(p, e))
            return furniture;
    }
    return FALSE;
}

/* The paragraph gathered in `blk` out (emitted when it has text), `blk` emptied. */
static void flush_block(Ctx *c, GString *blk, guint blk_line)
{
    if (blk->len)
        jb_article_emit(c, blk->str, blk->len, blk_line);
    string_clear(blk);
}

/* A subtitle cue's timing line (00:00:03,600 --> 00:00:07,200; WebVTT's 00:03.600 --> …). */
static gboolean cue_timing(const char *p, const char *e)
{
    /* (only an arrow in the first 16 bytes counts: no further is searched) */
    const char *arrow = g_strstr_len(p, MIN(e - p, 16 + 3), "-->");
    if (!arrow || arrow - p < 5 || arrow - p > 16)
        return FALSE;
    for (const char *q = p; q < arrow; q++)
        if (!g_ascii_isdigit(*q) && *q != ':' && *q != ',' && *q != '.' && *q != ' ')
            return FALSE;
    return TRUE;
}

/* A cue's number alone on its line (SRT: 1, 2, …). */
static gboolean cue_number(const char *p, const char *e)
{
    const char *q = p;
    while (q < e && g_ascii_isdigit(*q))
        q++;
    while (q < e && (*q == ' ' || *q == '\r'))
        q++;
    return q > p && q == e;
}

/* Is the text subtitles (SRT or WebVTT): a timing line among its first four lines? */
static gboolean subtitles(const char *s, const char *end)
{
    const char *p = s;
    for (int k = 0; k < 4 && p < end; k++) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        e = e ? e : end;
        if (cue_timing(p, e))
            return TRUE;
        p = e + 1;
    }
    return FALSE;
}

/* How a text file is laid out: hard-wrapped (and how wide a line that goes on is), and the
 * running head a copied PDF repeats on its pages (its first line; head_len 0 when none). */
typedef struct {
    gboolean wrapped;
    gboolean indent_opens; /* its paragraphs open indented: a line after a sentence's end is */
    guint full;
    const char *head;
    gsize head_len;
} Layout;

static Layout text_layout(const char *s, const char *end)
{
    /* One pass for the widths: the non-blank lines counted by width (all are at most 100
     * wide when it matters), so that those near the final maximum can be counted after. */
    guint maxw = 0, near = 0, nonblank = 0, heads = 0, pages = 0;
    guint by_width[101] = {0}, open_by_width[101] = {0};
    guint after_end[2] = {0}; /* lines right after a sentence's end: unindented, indented */
    gboolean prev_ended = FALSE;
    /* (the first line, trimmed: a copied PDF's running head when it comes again) */
    const char *head = s, *head_end = memchr(s, '\n', (size_t)(end - s));
    head_end = head_end ? head_end : end;
    trim_spaces(&head, &head_end);
    gsize head_len = (gsize)(head_end - head);
    for (const char *p = s; p < end && maxw <= 100;) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        if (page_number_line(p, e)) {
            pages++; /* (a page's number, centred: no width of the text) */
            p = e + 1;
            continue;
        }
        const char *a = p, *b = e;
        trim_spaces(&a, &b);
        if (prev_ended && a < b)
            after_end[indented(p, e)]++;
        prev_ended = a < b && jb_article_ends_sentence(a, b);
        if (running_head(a, b, head, head_len)) {
            heads++;
            if (spaced_out(a, b)) { /* (a running head spaced across the page: nor its width) */
                p = e + 1;
                continue;
            }
        }
        guint w = text_width(p, e);
        maxw = MAX(maxw, w);
        if (w <= 100 && !blank_text_line(p, e)) {
            nonblank++;
            by_width[w]++;
            open_by_width[w] += !jb_article_ends_sentence(p, e);
        }
        p = e + 1;
    }
    guint wide = 0, open = 0;
    if (maxw <= 100) {
        for (guint w = maxw >= 6 ? maxw - 6 : 0; w <= maxw; w++)
            near += by_width[w]; /* w + 6 >= maxw */
        for (guint w = maxw * 4 / 5; w <= maxw; w++)
            wide += by_width[w], open += open_by_width[w];
    }
    gboolean wrapped = maxw >= 40 && maxw <= 100 && near >= 3 && near * 10 >= nonblank * 3;
    /* (or wrapped at a count of characters, as a PDF's text copied is, digits narrower than
     * the width counts them: most lines near the widest, most of those mid-sentence) */
    gboolean loose = !wrapped && maxw >= 40 && maxw <= 100 && wide >= 3 &&
                     wide * 10 >= nonblank * 4 && open * 2 >= wide;
    wrapped = wrapped || loose;
    /* (paragraphs opening indented, as a PDF's text copied: their indent ends them, a line
     * short of the widest by its narrow digits goes on) */
    gboolean indent_opens = after_end[1] >= 3 && after_end[1] >= 2 * after_end[0];
    guint full = loose || indent_opens ? maxw * 4 / 5 : maxw >= 6 ? maxw - 6 : 0; /* goes on */
    if (heads < 2 || !pages) /* (the first line once, or no page numbered: a title) */
        head_len = 0;
    return (Layout){wrapped, indent_opens, full, head, head_len};
}

/* Does the running head [p, e) hold a digit (a year: 2025 年年度报告摘要)? */
static gboolean head_digit(const char *p, const char *e)
{
    for (; p < e; p++)
        if (g_ascii_isdigit(*p))
            return TRUE;
    return FALSE;
}

gboolean jb_article_hard_wrapped(const char *s, const char *end)
{
    return text_layout(s, end).wrapped;
}

/* Each line is a paragraph, except that a hard-wrapped file (most lines end near one
 * width, under 100 columns) has its wrapped lines joined again; a MediaWiki
 * table ({| … |}) is read as a table (jb_article_wiki.c). */
void jb_article_text_pass(Ctx *c, const char *s, const char *end, guint line)
{
    /* Subtitles (a programme's transcript as SRT or WebVTT): the cues' numbers and timings are
     * no text, and a cue that ends no sentence goes on in the next (今年前11个月，… / 同比增长
     * 17.6%。), unless the next opens with who speaks (（记者 某某）…) or the first is the
     * programme's title card (《某某》2026年12月5日) */
    gboolean cues = subtitles(s, end);
    Layout lay = text_layout(s, end);
    gboolean wrapped = lay.wrapped;
    guint full = lay.full;
    const char *head = lay.head;
    gsize head_len = lay.head_len;
    gboolean head_dated = head_len && head_digit(head, head + head_len);
    GString *blk = g_string_sized_new(BLOCK_BUF_SIZE);
    AlignedTable tab = {g_string_new(NULL), 0, 0, 0};
    guint blk_line = 0, prev_w = 0;
    const char *prev_p = NULL, *prev_e = NULL;
    const char *head_at, *head_end; /* (a wiki page's heading) */
    for (const char *p = s; p < end; line++) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t'))
            q++;
        if (wrapped && !(p == s && head_dated) && page_furniture(p, e, head, head_len)) {
            /* a page's number or running head: the paragraph goes on over the page (but the
             * head's first showing, when it names a year, is the document's name and title:
             * 某行 2025 年年度报告摘要, the period its report covers) */
        } else if (cues && (cue_timing(p, e) || cue_number(p, e) ||
                            (e - p >= 6 && memcmp(p, "WEBVTT", 6) == 0) ||
                            (blank_text_line(p, e) && prev_p &&
                             !jb_article_ends_sentence(prev_p, prev_e)))) {
            /* a cue's number or timing, or the blank line between cues of one sentence */
        } else if (blank_text_line(p, e) &&
                   !(wrapped && page_break_after(p, e, end, head, head_len))) {
            flush_block(c, blk, blk_line);
            prev_p = NULL;
        } else if (blank_text_line(p, e)) {
            /* (blank around a page break: the paragraph goes on over the page) */
        } else if (*q == '=' && jb_article_wiki_heading_at(q, e, &head_at, &head_end)) {
            flush_block(c, blk, blk_line); /* a wiki page's heading: == 历史 == */
            prev_p = NULL;
            jb_article_begin_section(c, NULL, 0, NULL, NULL); /* titled by its heading */
            c->next_kind = JB_PARA_HEADING;
            jb_article_emit(c, head_at, (gsize)(head_end - head_at), line);
        } else if (*q == '{' &&
                   (jb_article_wiki_table_at(q, e, end) || jb_article_wiki_infobox_at(q, e, end))) {
            /* a MediaWiki table ({| … |}) or infobox: a row a paragraph, as a pipe table's */
            flush_block(c, blk, blk_line);
            prev_p = NULL;
            const char *after = q[1] == '|' ? jb_article_wiki_table(c, p, end, &line)
                                            : jb_article_wiki_infobox(c, p, end, &line);
            e = after && after < end ? after - 1 : end;
        } else if (*q == '|' && e - q >= 3 && memchr(q + 1, '|', (size_t)(e - q - 1))) {
            /* a pipe table in a text file, as in Markdown: a row a paragraph */
            flush_block(c, blk, blk_line);
            prev_p = NULL;
            GString *row = jb_article_pipe_table_row(q, e);
            if (row) {
                c->next_kind = JB_PARA_TABLE;
                jb_article_emit(c, row->str, row->len, line);
                g_string_free(row, TRUE);
            }
        } else if (aligned_row(p, e, end, &tab)) {
            /* a table laid out in columns with spaces: a row a paragraph, as a pipe
             * table's (its header: the line above its first row, a label cell added when
             * the labels' column has no head) */
            flush_block(c, blk, blk_line);
            prev_p = NULL;
            c->next_kind = JB_PARA_TABLE;
            jb_article_emit(c, tab.row->str, tab.row->len, line);
        } else {
            gboolean join = blk->len && wrapped && prev_p && prev_w >= full &&
                            !jb_article_ends_sentence(prev_p, prev_e) && !indented(p, e);
            join = join || (blk->len && prev_p && q == p &&
                            (date_cut(prev_p, prev_e, q, e) || unit_cut(prev_p, prev_e, q, e)));
            /* (a wrapped text whose paragraphs open indented, as a PDF's text copied: a full
             * line ending a sentence, the next not indented, is the paragraph going on) */
            join = join ||
                   (blk->len && wrapped && lay.indent_opens && prev_p && prev_w >= full && q == p);
            join = join || (cues && blk->len && prev_p &&
                            !jb_article_ends_sentence(prev_p, prev_e) && !starts_with(q, "（") &&
                            *q != '(' && !(c->a->paragraphs->len == 0 && strstr(blk->str, "《")));
            if (join) {
                g_string_append_c(blk, '\n');
            } else {
                flush_block(c, blk, blk_line);
                blk_line = line;
            }
            jb_article_wiki_inline(blk, p, e);
            prev_p = p;
            prev_e = e;
            prev_w = wrapped ? text_width(p, e) : 0;
        }
        p = e < end ? e + 1 : end;
    }
    if (blk->len)
        jb_article_emit(c, blk->str, blk->len, blk_line);
    g_string_free(blk, TRUE);
    g_string_free(tab.row, TRUE);
}
