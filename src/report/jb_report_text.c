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
void jb_report_keep_numbers_whole(PangoLayout *layout)
{
    const char *text = pango_layout_get_text(layout);
    gsize len = strlen(text);
    PangoAttrList *attrs = pango_layout_get_attributes(layout);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    JbQuantity q;
    for (gsize from = 0; from < len && jb_number_scan(text, len, from, &q); from = q.end) {
        PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = (guint)number_start(text, q.start, q.end);
        a->end_index = (guint)q.end;
        pango_attr_list_insert(attrs, a);
    }
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

void jb_report_keep_marks_whole(PangoLayout *layout)
{
    const char *text = pango_layout_get_text(layout);
    PangoAttrList *attrs = pango_layout_get_attributes(layout);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
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
        pango_attr_list_insert(attrs, a);
        p = e;
    }
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

/* Find each pending footnote's text in the layout, in order, and make it a link. */
static GArray *find_links(PangoLayout *layout, GPtrArray *pending)
{
    GArray *links = g_array_new(FALSE, FALSE, sizeof(Link));
    const char *text = pango_layout_get_text(layout);
    const char *from = text;
    for (guint i = 0; pending && i < pending->len; i++) {
        const Pending *p = g_ptr_array_index(pending, i);
        const char *at = strstr(from, p->needle);
        if (!at)
            continue;
        Link l = {(int)(at - text), (int)(at - text + strlen(p->needle)), g_strdup(p->attr)};
        g_array_append_val(links, l);
        if (p->needle[0] == '[' && at > text) {
            /* a footnote mark stays with the character before it */
            const char *prev = g_utf8_prev_char(at);
            PangoAttrList *attrs = pango_layout_get_attributes(layout);
            attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
            PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = (guint)(prev - text);
            a->end_index = (guint)l.end;
            pango_attr_list_insert(attrs, a);
            pango_layout_set_attributes(layout, attrs);
            pango_attr_list_unref(attrs);
        }
        from = at + strlen(p->needle);
    }
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

static int *line_starts(PangoLayout *layout, int *n)
{
    *n = pango_layout_get_line_count(layout);
    int *starts = g_new(int, *n);
    for (int i = 0; i < *n; i++)
        starts[i] = pango_layout_get_line_readonly(layout, i)->start_index;
    return starts;
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
    PangoAttrList *attrs = pango_attr_list_copy(orig);
    int width = pango_layout_get_width(layout);
    int max_gap = (int)(JUSTIFY_MAX_GAP * size * PANGO_SCALE);
    for (int i = 0; i + 1 < n_lines; i++) {
        PangoLayoutLine *line = pango_layout_get_line_readonly(layout, i);
        if (pango_layout_get_line_readonly(layout, i + 1)->is_paragraph_start)
            continue; /* ends at a line break, not a wrap: ragged like a paragraph's last */
        PangoRectangle ext;
        pango_layout_line_get_extents(line, NULL, &ext);
        long c0 = g_utf8_pointer_to_offset(text, text + line->start_index);
        long c1 = g_utf8_pointer_to_offset(text, text + line->start_index + line->length);
        int graphemes = 0;
        for (long c = c0; c < c1 && c < n_attrs; c++)
            graphemes += log[c].is_cursor_position;
        int slack = width - ext.width;
        if (graphemes < 2 || slack <= 0)
            continue;
        int gap = slack / graphemes;
        if (gap > max_gap)
            continue;
        PangoAttribute *a = pango_attr_letter_spacing_new(gap);
        a->start_index = (guint)line->start_index;
        a->end_index = (guint)(line->start_index + line->length);
        pango_attr_list_change(attrs, a);
    }
    for (guint k = 0; k < links->len; k++) {
        const Link *l = &g_array_index(links, Link, k);
        if (!g_str_has_prefix(l->attr, "dest=")) /* a footnote mark, not a URL */
            continue;
        PangoAttribute *none = pango_attr_letter_spacing_new(0);
        none->start_index = (guint)l->start;
        none->end_index = (guint)l->end;
        pango_attr_list_change(attrs, none);
    }
    pango_layout_set_attributes(layout, attrs);
    int n_after;
    g_autofree int *after = line_starts(layout, &n_after);
    if (n_after != n_lines || memcmp(before, after, sizeof(int) * (gsize)n_lines) != 0)
        pango_layout_set_attributes(layout, orig);
    pango_attr_list_unref(attrs);
    pango_attr_list_unref(orig);
}

Blk *jb_report_text_blk(Builder *b, const char *markup, GPtrArray *pending, double size,
                        gboolean bold, double indent, double before, const char *color,
                        gboolean justify)
{
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_TEXT;
    blk->indent = indent;
    blk->before = before;
    blk->color = jb_color_hex(color);
    blk->layout = jb_layout_new(b->pango, markup, TRUE, size, bold, TEXT_W - indent);
    /* pango spaces lines by a factor of the font's line height (1.448 em for Noto Sans CJK):
     * the factor that puts baselines LEADING ems apart */
    PangoLayoutIter *it = pango_layout_get_iter(blk->layout);
    int y0, y1;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    pango_layout_iter_free(it);
    if (y1 > y0)
        pango_layout_set_line_spacing(blk->layout, (float)(LEADING * size * PANGO_SCALE / (y1 - y0)));
    jb_report_keep_numbers_whole(blk->layout);
    jb_report_keep_marks_whole(blk->layout);
    blk->links = find_links(blk->layout, pending);
    if (justify)
        justify_lines(blk->layout, size, blk->links);
    jb_report_blk_measure(blk);
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
