/* Text blocks: a paragraph's layout at the report's leading, numbers never parted from their
 * units nor footnote marks from what they mark, footnotes made links, and lines justified
 * where that leaves pdftotext's reading of them intact. */
#include "jb_report_priv.h"

#include "jb_common.h"
#include "jb_fonts.h"
#include "jb_number.h"

#include <string.h>

/* Where the number of a quantity span starts: after its hedge words (约为3倍, 超4000亿元,
 * 近千亿), at the first digit, sign or Chinese numeral. */
static gsize number_start(const char *text, gsize start, gsize end)
{
    static const char numerals[] = "〇零一二三四五六七八九十百千万亿两";
    for (const char *p = text + start; p < text + end; p = g_utf8_next_char(p)) {
        if (g_ascii_isdigit(*p) || *p == '-' || *p == '+' || *p == '.')
            return (gsize)(p - text);
        gunichar c = g_utf8_get_char(p);
        if (c >= 0x80 && g_utf8_strchr(numerals, -1, c))
            return (gsize)(p - text);
    }
    return start;
}

/* A number never parts from its unit: 1.2万亿元 stays on one line (pango 1.50 would break
 * it after 1.2). A hedge word before it may: "约为" can end a line and "3倍" start the next,
 * which keeps the unbreakable run short and the line before it full. Quantity spans come
 * from the same scanner the extract stage uses. */
static int attr_by_start(gconstpointer a, gconstpointer b)
{
    guint x = (*(PangoAttribute *const *)a)->start_index;
    guint y = (*(PangoAttribute *const *)b)->start_index;
    return x < y ? -1 : x > y;
}

/* A new list holding copies of `old`'s attributes and `extra`'s (taken; `extra` is emptied),
 * in order of their start, `old`'s first at a tie as pango_attr_list_insert would put them.
 * pango_attr_list_insert is O(1) only when it appends: inserting each mark of a paragraph in
 * the middle of its list, or copying the list once per mark, made a paragraph of 4000
 * footnotes take a minute. This is one stable sort and one merge. */
static PangoAttrList *attrs_merged(PangoAttrList *old, GPtrArray *extra)
{
    g_ptr_array_sort(extra, attr_by_start); /* GLib's sort is a stable merge sort */
    GSList *have = old ? pango_attr_list_get_attributes(old) : NULL;
    PangoAttrList *list = pango_attr_list_new();
    GSList *h = have;
    guint k = 0;
    while (h || k < extra->len) {
        PangoAttribute *next;
        if (h && (k == extra->len || ((PangoAttribute *)h->data)->start_index <=
                                         ((PangoAttribute *)extra->pdata[k])->start_index)) {
            next = h->data;
            h = h->next;
        } else {
            next = extra->pdata[k++];
        }
        pango_attr_list_insert(list, next);
    }
    g_slist_free(have); /* the attributes are the list's now */
    g_free(g_ptr_array_steal(extra, NULL));
    return list;
}

/* Lay `extra` (taken) over the layout's attributes. */
static void add_attrs(PangoLayout *layout, GPtrArray *extra)
{
    if (extra->len == 0)
        return;
    PangoAttrList *attrs = attrs_merged(pango_layout_get_attributes(layout), extra);
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

void jb_report_keep_numbers_whole(PangoLayout *layout)
{
    const char *text = pango_layout_get_text(layout);
    gsize len = strlen(text);
    g_autoptr(GPtrArray)
        extra = g_ptr_array_new_with_free_func((GDestroyNotify)pango_attribute_destroy);
    JbQuantity q;
    for (gsize from = 0; from < len && jb_number_scan(text, len, from, &q); from = q.end) {
        PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = (guint)number_start(text, q.start, q.end);
        a->end_index = (guint)q.end;
        g_ptr_array_add(extra, a);
    }
    add_attrs(layout, extra);
}

void jb_report_keep_marks_whole(PangoLayout *layout)
{
    const char *text = pango_layout_get_text(layout);
    g_autoptr(GPtrArray)
        extra = g_ptr_array_new_with_free_func((GDestroyNotify)pango_attribute_destroy);
    for (const char *p = text; (p = strchr(p, '[')) != NULL;) {
        const char *e = p;
        while (*e == '[' && g_ascii_isdigit(e[1])) { /* a run of marks: [1][5] */
            const char *d = e + 1;
            while (g_ascii_isdigit(*d))
                d++;
            if (*d != ']')
                break;
            e = d + 1;
        }
        if (e == p) {
            p++;
            continue;
        }
        PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = (guint)(p > text ? g_utf8_prev_char(p) - text : 0);
        a->end_index = (guint)(e - text);
        g_ptr_array_add(extra, a);
        p = e;
    }
    add_attrs(layout, extra);
}

/* Find each pending footnote's text in the layout, in order, from pending[*next], and make
 * it a link. A text laid out in pieces hands what one piece lacks to the next; the last
 * piece skips what it lacks. */
static GArray *find_links(PangoLayout *layout, GPtrArray *pending, guint *next, gboolean last)
{
    GArray *links = g_array_new(FALSE, FALSE, sizeof(Link));
    const char *text = pango_layout_get_text(layout);
    const char *from = text;
    g_autoptr(GPtrArray)
        extra = g_ptr_array_new_with_free_func((GDestroyNotify)pango_attribute_destroy);
    for (; pending && *next < pending->len; (*next)++) {
        const Pending *p = g_ptr_array_index(pending, *next);
        const char *at = strstr(from, p->needle);
        if (!at && !last)
            break;
        if (!at)
            continue;
        Link l = {(int)(at - text), (int)(at - text + strlen(p->needle)), g_strdup(p->attr)};
        g_array_append_val(links, l);
        if (p->needle[0] == '[' && at > text) {
            /* a footnote mark stays with the character before it */
            const char *prev = g_utf8_prev_char(at);
            PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = (guint)(prev - text);
            a->end_index = (guint)l.end;
            g_ptr_array_add(extra, a);
        }
        from = at + strlen(p->needle);
    }
    add_attrs(layout, extra);
    return links;
}

/* Each line of a justified paragraph that ends at a wrap is stretched to the full width by
 * letter spacing of its own, and only when that spacing stays below JUSTIFY_MAX_GAP em.
 * pango's own justification spreads any slack over every gap between characters: when a
 * long unbreakable run (超1.2万亿元[1]) moves to the next line, the line before gets gaps
 * that pdftotext reads as spaces inside numbers ("4 00 0亿 元"). poppler starts a new
 * word at a gap over 0.1 em, and prints a space between two words (a footnote mark is a
 * word of its own: a smaller font) apart by 0.03 em of the line's font size. So: a line
 * whose gaps would exceed 0.06 em stays ragged, and footnote marks get no spacing, which
 * leaves half a gap (under 0.03 em) on each side of them.
 * pango 1.50 has no per-line justification: the spacing is an attribute per line,
 * computed on the unjustified layout; its total is at most the line's slack, so no line
 * breaks elsewhere (checked; if one did, the paragraph stays ragged). pango trims the
 * spacing at a line's ends, so a stretched line falls short of the margin by one gap,
 * a fraction of a point. */
#define JUSTIFY_MAX_GAP 0.06

/* Where each line starts (bytes), walking pango's list of lines once:
 * pango_layout_get_line_readonly(i) walks it from the first line every time. */
static int *line_starts(PangoLayout *layout, int *n)
{
    GSList *lines = pango_layout_get_lines_readonly(layout);
    *n = (int)g_slist_length(lines);
    int *starts = g_new(int, *n);
    int i = 0;
    for (GSList *l = lines; l; l = l->next)
        starts[i++] = ((PangoLayoutLine *)l->data)->start_index;
    return starts;
}

/* Letter spacing `gap` over bytes [s, e) but for the footnote marks in it (links[*k…], in
 * order; *k advances past those that end before e), which get none. */
static void space_line(GPtrArray *extra, int gap, int s, int e, GArray *links, guint *k)
{
    while (*k < links->len && g_array_index(links, Link, *k).end <= s)
        (*k)++;
    for (guint j = *k; j < links->len && s < e; j++) {
        const Link *l = &g_array_index(links, Link, j);
        if (l->start >= e)
            break;
        if (!g_str_has_prefix(l->attr, "dest=")) /* a URL, not a footnote mark */
            continue;
        if (l->start > s) {
            PangoAttribute *a = pango_attr_letter_spacing_new(gap);
            a->start_index = (guint)s;
            a->end_index = (guint)l->start;
            g_ptr_array_add(extra, a);
        }
        s = MAX(s, l->end);
    }
    if (s < e) {
        PangoAttribute *a = pango_attr_letter_spacing_new(gap);
        a->start_index = (guint)s;
        a->end_index = (guint)e;
        g_ptr_array_add(extra, a);
    }
}

static void justify_lines(PangoLayout *layout, double size, GArray *links)
{
    int n_lines;
    g_autofree int *before = line_starts(layout, &n_lines);
    if (n_lines < 2)
        return;
    const char *text = pango_layout_get_text(layout);
    int n_attrs;
    const PangoLogAttr *log = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
    PangoAttrList *orig = pango_layout_get_attributes(layout);
    orig = orig ? pango_attr_list_ref(orig) : pango_attr_list_new();
    g_autoptr(GPtrArray)
        extra = g_ptr_array_new_with_free_func((GDestroyNotify)pango_attribute_destroy);
    int width = pango_layout_get_width(layout);
    int max_gap = (int)(JUSTIFY_MAX_GAP * size * PANGO_SCALE);
    /* characters counted as the lines go, not from the text's start for each line */
    const char *at = text;
    long c = 0;
    guint k = 0;
    for (GSList *l = pango_layout_get_lines_readonly(layout); l && l->next; l = l->next) {
        PangoLayoutLine *line = l->data;
        if (((PangoLayoutLine *)l->next->data)->is_paragraph_start)
            continue; /* ends at a line break, not a wrap: ragged like a paragraph's last */
        PangoRectangle ext;
        pango_layout_line_get_extents(line, NULL, &ext);
        const char *s = text + line->start_index, *e = s + line->length;
        c += g_utf8_pointer_to_offset(at, s);
        long c1 = c + g_utf8_pointer_to_offset(s, e);
        int graphemes = 0;
        for (long i = c; i < c1 && i < n_attrs; i++)
            graphemes += log[i].is_cursor_position;
        c = c1;
        at = e;
        int slack = width - ext.width;
        if (graphemes < 2 || slack <= 0)
            continue;
        int gap = slack / graphemes;
        if (gap > max_gap)
            continue;
        space_line(extra, gap, line->start_index, line->start_index + line->length, links, &k);
    }
    PangoAttrList *attrs = attrs_merged(orig, extra);
    pango_layout_set_attributes(layout, attrs);
    int n_after;
    g_autofree int *after = line_starts(layout, &n_after);
    if (n_after != n_lines || memcmp(before, after, sizeof(int) * (gsize)n_lines) != 0)
        pango_layout_set_attributes(layout, orig);
    pango_attr_list_unref(attrs);
    pango_attr_list_unref(orig);
}

/* A text is laid out in pieces of at most PIECE_CHARS characters, each a block of its own:
 * pango 1.50 takes time and memory quadratic in the length of a paragraph (it breaks and
 * copies the rest of the paragraph at every line: 44,000 characters took 4 s and 260 MB),
 * and past ~200,000 characters its widths overflow and text is lost. A piece ends where its
 * last line begins (laid out once to find it), so every line but the text's last is a full
 * line as in one layout, and the cut does not show; a piece of one line (a run that cannot
 * break) ends at the limit. */
#define PIECE_CHARS 800

/* The attributes of a text, handed out piece by piece (pieces in order). */
typedef struct {
    GPtrArray *all;   /* PangoAttribute*, owned, by start */
    guint next;       /* the first that starts at or after the current piece */
    GPtrArray *carry; /* borrowed from `all`: started before the piece, end inside or after */
} AttrCursor;

/* Move the cursor to a piece starting at `s` (never back). */
static void cursor_seek(AttrCursor *c, gsize s)
{
    for (guint k = 0; k < c->carry->len;)
        if (((PangoAttribute *)c->carry->pdata[k])->end_index <= s)
            g_ptr_array_remove_index(c->carry, k);
        else
            k++;
    for (; c->next < c->all->len; c->next++) {
        PangoAttribute *a = c->all->pdata[c->next];
        if (a->start_index >= s)
            break;
        if (a->end_index > s)
            g_ptr_array_add(c->carry, a);
    }
}

/* Copies of the attributes over [s, e), relative to s (the cursor at s). */
static PangoAttrList *cursor_take(const AttrCursor *c, gsize s, gsize e)
{
    PangoAttrList *list = pango_attr_list_new();
    for (guint k = 0; k < c->carry->len; k++) {
        PangoAttribute *a = pango_attribute_copy(c->carry->pdata[k]);
        a->start_index = 0;
        a->end_index = (guint)(MIN(a->end_index, e) - s);
        pango_attr_list_insert(list, a);
    }
    for (guint k = c->next; k < c->all->len; k++) {
        const PangoAttribute *o = c->all->pdata[k];
        if (o->start_index >= e)
            break;
        PangoAttribute *a = pango_attribute_copy(o);
        a->start_index = (guint)(o->start_index - s);
        a->end_index = (guint)(MIN(o->end_index, e) - s);
        pango_attr_list_insert(list, a);
    }
    return list;
}

static Blk *text_piece(Builder *b, const char *text, gsize len, PangoAttrList *attrs,
                       GPtrArray *pending, guint *next, gboolean last, double size, gboolean bold,
                       double indent, double before, JbColor color, gboolean justify)
{
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_TEXT;
    blk->indent = indent;
    blk->before = before;
    blk->color = color;
    blk->layout = jb_layout_new(b->pango, "", FALSE, size, bold, TEXT_W - indent);
    pango_layout_set_text(blk->layout, text, (int)len);
    pango_layout_set_attributes(blk->layout, attrs);
    /* pango spaces lines by a factor of the font's line height (1.448 em for Noto Sans CJK):
     * the factor that puts baselines LEADING ems apart */
    PangoLayoutIter *it = pango_layout_get_iter(blk->layout);
    int y0, y1;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    pango_layout_iter_free(it);
    if (y1 > y0)
        pango_layout_set_line_spacing(blk->layout,
                                      (float)(LEADING * size * PANGO_SCALE / (y1 - y0)));
    jb_report_keep_numbers_whole(blk->layout);
    jb_report_keep_marks_whole(blk->layout);
    blk->links = find_links(blk->layout, pending, next, last);
    if (justify)
        justify_lines(blk->layout, size, blk->links);
    jb_report_blk_measure(blk);
    return blk;
}

Blk *jb_report_text_blk(Builder *b, const char *markup, GPtrArray *pending, double size,
                        gboolean bold, double indent, double before, const char *color,
                        gboolean justify)
{
    PangoAttrList *attrs = NULL;
    g_autofree char *text = NULL;
    if (!pango_parse_markup(markup, -1, 0, &attrs, &text, NULL, NULL)) {
        attrs = NULL; /* as pango_layout_set_markup: bad markup gives no text */
        text = g_strdup("");
    }
    gsize len = strlen(text);
    GSList *list = attrs ? pango_attr_list_get_attributes(attrs) : NULL;
    AttrCursor cur = {g_ptr_array_new_with_free_func((GDestroyNotify)pango_attribute_destroy), 0,
                      g_ptr_array_new()};
    for (GSList *l = list; l; l = l->next)
        g_ptr_array_add(cur.all, l->data);
    g_slist_free(list);
    if (attrs)
        pango_attr_list_unref(attrs);
    Blk *blk = NULL;
    guint next = 0;
    gsize s = 0;
    do {
        cursor_seek(&cur, s);
        const char *e = text + s;
        for (guint n = 0; *e && n < PIECE_CHARS; n++)
            e = g_utf8_next_char(e);
        gsize end = (gsize)(e - text);
        if (end < len) {
            /* where the piece's last line starts: the rest goes to the next piece */
            PangoLayout *probe = jb_layout_new(b->pango, "", FALSE, size, bold, TEXT_W - indent);
            pango_layout_set_text(probe, text + s, (int)(end - s));
            PangoAttrList *pa = cursor_take(&cur, s, end);
            pango_layout_set_attributes(probe, pa);
            pango_attr_list_unref(pa);
            jb_report_keep_numbers_whole(probe); /* breaking where the piece will */
            jb_report_keep_marks_whole(probe);
            GSList *lines = pango_layout_get_lines_readonly(probe);
            int last = ((PangoLayoutLine *)g_slist_last(lines)->data)->start_index;
            if (last > 0)
                end = s + (gsize)last;
            g_object_unref(probe);
        }
        PangoAttrList *piece_attrs = cursor_take(&cur, s, end);
        Blk *piece = text_piece(b, text + s, end - s, piece_attrs, pending, &next, end >= len, size,
                                bold, indent, blk ? 0 : before, jb_color_hex(color), justify);
        pango_attr_list_unref(piece_attrs);
        if (!blk)
            blk = piece;
        else {
            if (!blk->more)
                blk->more = g_ptr_array_new();
            g_ptr_array_add(blk->more, piece);
        }
        s = end;
    } while (s < len);
    g_ptr_array_unref(cur.carry);
    g_ptr_array_unref(cur.all);
    return blk;
}

/* ---- characters no font has ------------------------------------------------------------ */

void jb_report_warn_missing_glyphs(const Builder *b)
{
    g_autoptr(GString) missing = g_string_new(NULL);
    /* the title page and running heads: made from the front matter at draw time */
    g_autoptr(GString) meta = g_string_new(NULL);
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, b->t->meta);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_string_append(meta, value);
    g_autofree char *in_meta = jb_fonts_missing_chars(b->pango, meta->str, NULL);
    g_string_append(missing, in_meta);
    /* every layout of the blocks, as laid out already: no second typesetting */
    for (guint i = 0; i < b->blocks->len; i++) {
        const Blk *blk = g_ptr_array_index(b->blocks, i);
        jb_fonts_layout_missing(blk->layout, missing);
        jb_fonts_layout_missing(blk->gutter, missing);
        for (guint k = 0; blk->cards && k < blk->cards->len; k++) {
            const Card *c = g_ptr_array_index(blk->cards, k);
            jb_fonts_layout_missing(c->value, missing);
            jb_fonts_layout_missing(c->caption, missing);
        }
        for (guint k = 0; blk->rows && k < blk->rows->len; k++) {
            const Row *r = g_ptr_array_index(blk->rows, k);
            for (int col = 0; col < TABLE_COLS; col++)
                jb_fonts_layout_missing(r->cell[col], missing);
            jb_fonts_layout_missing(r->unit, missing);
        }
    }
    if (missing->len)
        jb_diag_warn(b->in->diag, "%s: no font has a glyph for '%s': drawn as a box", b->source,
                     missing->str);
}
