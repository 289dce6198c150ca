/* Markdown (cmark) and the template's fenced blocks (chart, kpi, table) to report blocks. */
#include "jb_report_priv.h"

#include "jb_common.h"
#include "jb_period.h"
#include "jb_number.h"
#include "jb_units.h"

#include <cmark.h>
#include <math.h>
#include <string.h>


static const double COL_W[TABLE_COLS] = {136, 88, 92, TEXT_W - 136 - 88 - 92};

/* ---- blocks ----------------------------------------------------------------------------- */

void jb_report_blk_free(Blk *b)
{
    g_clear_object(&b->layout);
    g_clear_object(&b->gutter);
    if (b->links) {
        for (guint i = 0; i < b->links->len; i++)
            g_free(g_array_index(b->links, Link, i).attr);
        g_array_unref(b->links);
    }
    g_clear_pointer(&b->top, g_array_unref);
    g_clear_pointer(&b->chart, jb_chart_free);
    g_clear_pointer(&b->cards, g_ptr_array_unref);
    g_clear_pointer(&b->rows, g_ptr_array_unref);
    g_free(b->dest);
    g_free(b->outline);
    g_free(b->name);
    g_free(b);
}

static void card_free(Card *c)
{
    g_clear_object(&c->value);
    g_clear_object(&c->caption);
    g_free(c->dest);
    g_free(c);
}

static void row_free(Row *r)
{
    for (int i = 0; i < TABLE_COLS; i++)
        g_clear_object(&r->cell[i]);
    g_free(r->dest);
    g_free(r);
}

static double layout_h(PangoLayout *l)
{
    double h = 0;
    if (l)
        jb_layout_size(l, NULL, &h);
    return h;
}

double jb_report_card_h(const Card *c)
{
    return 2 * KPI_PAD + fmax(layout_h(c->value), layout_h(c->caption));
}

static double row_h(const Row *r)
{
    double h = 0;
    for (int i = 0; i < TABLE_COLS; i++)
        h = fmax(h, layout_h(r->cell[i]));
    return h + 2 * CELL_PAD;
}

void jb_report_blk_measure(Blk *blk)
{
    GArray *top = g_array_new(FALSE, FALSE, sizeof(double));
    double y = 0;
    switch (blk->kind) {
    case BLK_TEXT: {
        PangoLayoutIter *it = pango_layout_get_iter(blk->layout);
        do {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            y = (double)y0 / PANGO_SCALE;
            g_array_append_val(top, y);
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
        y = layout_h(blk->layout);
        g_array_append_val(top, y);
        break;
    }
    case BLK_KPI:
        /* piece i is row i and the gap above it */
        g_array_append_val(top, y);
        for (guint i = 0; i < blk->cards->len; i++) {
            y += jb_report_card_h(g_ptr_array_index(blk->cards, i)) + (i ? KPI_GAP : 0);
            g_array_append_val(top, y);
        }
        break;
    case BLK_TABLE:
        blk->head_h = y = row_h(g_ptr_array_index(blk->rows, 0));
        g_array_append_val(top, y);
        for (guint i = 1; i < blk->rows->len; i++) {
            y += row_h(g_ptr_array_index(blk->rows, i));
            g_array_append_val(top, y);
        }
        break;
    case BLK_CHART:
        g_array_append_val(top, y);
    {
        double cw, ch;
        jb_chart_size(blk->chart, &cw, &ch);
        y = ch * (TEXT_W - blk->indent) / cw;
    }
        g_array_append_val(top, y);
        break;
    case BLK_RULE:
        g_array_append_val(top, y);
        y = 10;
        g_array_append_val(top, y);
        break;
    }
    g_clear_pointer(&blk->top, g_array_unref);
    blk->top = top;
}

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
static void keep_numbers_whole(PangoLayout *layout)
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
    pango_layout_set_line_spacing(blk->layout, (float)LINE_SPACING);
    keep_numbers_whole(blk->layout);
    blk->links = find_links(blk->layout, pending);
    if (justify)
        justify_lines(blk->layout, size, blk->links);
    jb_report_blk_measure(blk);
    return blk;
}

static void add_blk(Builder *b, Blk *blk)
{
    jb_report_blk_measure(blk);
    g_ptr_array_add(b->blocks, blk);
}

/* ---- inline Markdown to Pango markup ---------------------------------------------------- */

/* Text with the template's reference marks: the marks become footnotes (or vanish when
 * `pending` is NULL, as in headings). */
static void append_text(Builder *b, const char *lit, GString *out, GPtrArray *pending)
{
    const char *p = lit;
    for (;;) {
        const char *mark = strchr(p, JB_TEMPLATE_MARK);
        const char *end = mark ? strchr(mark + 1, JB_TEMPLATE_MARK) : NULL;
        if (!end) {
            g_autofree char *esc = g_markup_escape_text(p, -1);
            g_string_append(out, esc);
            return;
        }
        g_autofree char *esc = g_markup_escape_text(p, mark - p);
        g_string_append(out, esc);
        guint idx = (guint)g_ascii_strtoull(mark + 1, NULL, 10);
        if (pending && idx < b->t->refs->len) {
            const JbTemplateRef *ref = g_ptr_array_index(b->t->refs, idx);
            g_autoptr(GArray) rows = jb_report_series_rows(b->in->series, ref->metric_id);
            g_autoptr(GArray) numbers = g_array_new(FALSE, FALSE, sizeof(int));
            for (guint i = 0; i < rows->len; i++) {
                gboolean first = i == 0, last = i + 1 == rows->len;
                gboolean want = (ref->field[0] == 'l' && last) || (ref->field[0] == 'f' && first) ||
                                (ref->field[0] == 'g' && (first || last));
                if (!want)
                    continue;
                g_autoptr(GArray) n = jb_report_cite(b, g_array_index(rows, guint, i));
                g_array_append_vals(numbers, n->data, n->len);
            }
            jb_report_footnote(out, pending, numbers);
        }
        p = end + 1;
    }
}

static void inline_markup(Builder *b, cmark_node *node, GString *out, GPtrArray *pending)
{
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        const char *lit = cmark_node_get_literal(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
            append_text(b, lit ? lit : "", out, pending);
            break;
        case CMARK_NODE_CODE: {
            g_autofree char *plain = jb_template_strip_marks(lit ? lit : "");
            g_autofree char *esc = g_markup_escape_text(plain, -1);
            g_string_append_printf(out, "<tt>%s</tt>", esc);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
            break; /* Chinese text joins lines without a space */
        case CMARK_NODE_LINEBREAK:
            g_string_append_c(out, '\n');
            break;
        case CMARK_NODE_STRONG:
            g_string_append(out, "<b>");
            inline_markup(b, n, out, pending);
            g_string_append(out, "</b>");
            break;
        case CMARK_NODE_EMPH:
            g_string_append(out, "<i>");
            inline_markup(b, n, out, pending);
            g_string_append(out, "</i>");
            break;
        case CMARK_NODE_LINK: {
            g_string_append(out, "<span foreground=\"" ACCENT "\">");
            gsize start = out->len;
            inline_markup(b, n, out, NULL);
            /* the link text becomes clickable when it is found again in the layout */
            const char *url = cmark_node_get_url(n);
            if (pending && url && *url && out->len > start) {
                Pending *p = g_new0(Pending, 1);
                g_autofree char *marked = g_strndup(out->str + start, out->len - start);
                char *plain = NULL;
                if (pango_parse_markup(marked, -1, 0, NULL, &plain, NULL, NULL) && *plain) {
                    p->needle = plain;
                    GString *a = g_string_new("uri='");
                    for (const char *c = url; *c; c++)
                        if (*c == '\'' || *c == '\\' || (unsigned char)*c <= ' ')
                            g_string_append_printf(a, "%%%02X", (unsigned char)*c);
                        else
                            g_string_append_c(a, *c);
                    g_string_append_c(a, '\'');
                    p->attr = g_string_free(a, FALSE);
                    g_ptr_array_add(pending, p);
                } else {
                    g_free(plain);
                    g_free(p);
                }
            }
            g_string_append(out, "</span>");
            break;
        }
        default:
            inline_markup(b, n, out, pending);
        }
    }
}

/* ---- fenced blocks ---------------------------------------------------------------------- */

/* The metric ids of a kpi or table block, one per line ("#" comments), each checked
 * against the series; "*" stands for every metric in the series. */
static GPtrArray *block_ids(Builder *b, const char *kind, const char *literal, guint first_line,
                            GError **error)
{
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) lines = g_strsplit(literal, "\n", -1);
    int c_id = jb_table_column(b->in->series, "metric_id");
    for (guint i = 0; lines[i]; i++) {
        char *hash = strchr(lines[i], '#');
        if (hash)
            *hash = 0;
        g_autofree char *id = jb_template_strip_marks(g_strstrip(lines[i]));
        if (!*id)
            continue;
        if (strcmp(id, "*") == 0) {
            for (guint r = 0; r < jb_table_n_rows(b->in->series); r++) {
                const char *s = jb_table_get(b->in->series, r, c_id);
                if (*s && !g_ptr_array_find_with_equal_func(ids, s, g_str_equal, NULL))
                    g_ptr_array_add(ids, g_strdup(s));
            }
            continue;
        }
        if (strchr(id, ' ') || strchr(id, '=')) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: a ```%s block lists metric ids, one per line (got '%s')",
                        b->source, first_line + i, kind, id);
            return NULL;
        }
        g_autoptr(GArray) rows = jb_report_series_rows(b->in->series, id);
        if (rows->len == 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: unknown metric '%s' (not in %s)",
                        b->source, first_line + i, id, jb_table_source(b->in->series));
            return NULL;
        }
        g_ptr_array_add(ids, g_steal_pointer(&id));
    }
    if (ids->len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: empty ```%s block", b->source,
                    first_line - 1, kind);
        return NULL;
    }
    return g_steal_pointer(&ids);
}

static const char *cell(Builder *b, guint row, const char *col)
{
    return jb_table_get(b->in->series, row, jb_table_column(b->in->series, col));
}

/* The change since the first period, as the KPI chart says it (jb_units). */
static char *ratio_text(Builder *b, guint first, guint last)
{
    JbFigure a, z;
    if (!jb_figure_parse(cell(b, first, "value"), cell(b, first, "bound"),
                         cell(b, first, "value_high"), &a) ||
        !jb_figure_parse(cell(b, last, "value"), cell(b, last, "bound"),
                         cell(b, last, "value_high"), &z))
        return NULL;
    JbChange ch = jb_units_change(&a, &z, cell(b, last, "unit"));
    g_autofree char *since = jb_period_text_cn(cell(b, first, "period"));
    return jb_units_change_text(&ch, since);
}

static char *dest_of(GArray *numbers)
{
    return numbers->len ? g_strdup_printf("dest='src-%d'", g_array_index(numbers, int, 0)) : NULL;
}

/* A KPI's value: the number big, a bound word ("超") as big as the number and the unit
 * half as big. The bound word is not smaller like the unit: pdftotext (poppler) starts a
 * text block at the leftmost word of a line, and a word much smaller than the number
 * would be a block of its own, read after the whole KPI list. */
static char *kpi_value_markup(const char *prefix, const char *num, const char *unit, double size)
{
    g_autofree char *p = g_markup_escape_text(prefix, -1);
    g_autofree char *n = g_markup_escape_text(num, -1);
    g_autofree char *u = g_markup_escape_text(unit, -1);
    return g_strdup_printf("%s%s<span size=\"%d\">%s</span>", p, n,
                           (int)(size * KPI_UNIT_SCALE * PANGO_SCALE), u);
}

/* The label, and under it the period, footnotes and change since the first period: one
 * layout in one font size, so that pdftotext keeps the two lines together. */
static char *kpi_caption_markup(Builder *b, guint first, guint last, guint n_rows,
                                GArray *numbers, GPtrArray *pending)
{
    g_autofree char *label = g_markup_escape_text(cell(b, last, "label"), -1);
    GString *m = g_string_new(NULL);
    g_autofree char *when = jb_period_text_cn(cell(b, last, "period"));
    g_string_append_printf(m, "<span foreground=\"#1A1A1A\">%s</span>\n%s", label, when);
    if (strcmp(cell(b, last, "forecast"), "1") == 0)
        g_string_append(m, "（预计）");
    jb_report_footnote(m, pending, numbers);
    g_autofree char *change = n_rows > 1 ? ratio_text(b, first, last) : NULL;
    if (change)
        g_string_append_printf(m, "　<span foreground=\"#0B7A3E\">%s</span>", change);
    return g_string_free(m, FALSE);
}

/* A KPI block is a list: one full-width row per KPI, the value in a column as wide as the
 * block's widest value, the caption right of it with the same top. Cards side by side
 * looked the same on paper but pdftotext read them as all values, then all labels: it
 * orders text blocks top before bottom, and left before right only when they overlap
 * vertically, so a row whose value and caption start level reads value, label, meta. */
static gboolean add_kpi(Builder *b, const char *literal, guint line, GError **error)
{
    g_autoptr(GPtrArray) ids = block_ids(b, "kpi", literal, line + 1, error);
    if (!ids)
        return FALSE;
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_KPI;
    blk->before = 12;
    blk->cards = g_ptr_array_new_with_free_func((GDestroyNotify)card_free);
    g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    double widest = 0;
    for (guint i = 0; i < ids->len; i++) {
        const char *id = g_ptr_array_index(ids, i);
        g_autoptr(GArray) rows = jb_report_series_rows(b->in->series, id);
        guint first = g_array_index(rows, guint, 0), last = g_array_index(rows, guint, rows->len - 1);
        Card *c = g_new0(Card, 1);
        JbFigure f;
        g_autofree char *num = NULL;
        const char *pre = "";
        if (jb_figure_parse(cell(b, last, "value"), cell(b, last, "bound"),
                            cell(b, last, "value_high"), &f)) {
            /* the label without its unit, which is drawn smaller: 超1.2万亿 + 元 */
            pre = f.range ? "" : jb_units_bound_prefix(f.bound, FALSE);
            num = jb_units_label(&f, cell(b, last, "unit"), JB_LABEL_NO_UNIT | JB_LABEL_NO_BOUND);
        } else {
            num = g_strdup(cell(b, last, "value"));
        }
        char *parts[] = {g_strdup(pre), g_strdup(num), g_strdup(cell(b, last, "unit")), NULL};
        g_ptr_array_add(values, g_memdup2(parts, sizeof parts));
        g_autofree char *vm = kpi_value_markup(parts[0], parts[1], parts[2], KPI_VALUE_SIZE);
        c->value = jb_layout_new(b->pango, vm, TRUE, KPI_VALUE_SIZE, TRUE, -1);
        double vw;
        jb_layout_size(c->value, &vw, NULL);
        widest = fmax(widest, vw);
        g_autoptr(GArray) numbers = jb_report_cite(b, last);
        g_autoptr(GPtrArray) pending =
            g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
        g_autofree char *caption = kpi_caption_markup(b, first, last, rows->len, numbers, pending);
        c->caption = jb_layout_new(b->pango, caption, TRUE, KPI_CAPTION_SIZE, FALSE, -1);
        c->dest = dest_of(numbers);
        g_ptr_array_add(blk->cards, c);
    }
    /* a value does not wrap: the whole block's values shrink together when one is too wide
     * (down to a floor; past it, as from a freak unit in a hand-made series, they wrap) */
    if (widest > KPI_VALUE_COL_MAX) {
        double size = fmax(KPI_VALUE_SIZE_MIN,
                           floor(KPI_VALUE_SIZE * KPI_VALUE_COL_MAX / widest * 2) / 2);
        widest = 0;
        for (guint i = 0; i < blk->cards->len; i++) {
            Card *c = g_ptr_array_index(blk->cards, i);
            char **parts = g_ptr_array_index(values, i);
            g_autofree char *vm = kpi_value_markup(parts[0], parts[1], parts[2], size);
            g_object_unref(c->value);
            c->value = jb_layout_new(b->pango, vm, TRUE, size, TRUE, KPI_VALUE_COL_MAX);
            pango_layout_set_wrap(c->value, PANGO_WRAP_CHAR);
            double vw;
            jb_layout_size(c->value, &vw, NULL);
            widest = fmax(widest, vw);
        }
    }
    blk->value_w = widest;
    double caption_w = TEXT_W - KPI_VALUE_X - widest - KPI_COL_GAP - KPI_PAD;
    for (guint i = 0; i < blk->cards->len; i++) {
        Card *c = g_ptr_array_index(blk->cards, i);
        pango_layout_set_width(c->caption, (int)(caption_w * PANGO_SCALE));
        pango_layout_set_wrap(c->caption, PANGO_WRAP_WORD_CHAR);
    }
    add_blk(b, blk);
    return TRUE;
}

static PangoLayout *cell_layout(Builder *b, const char *markup, int col, gboolean bold)
{
    PangoLayout *l = jb_layout_new(b->pango, markup, TRUE, col == 3 ? 8.5 : 9.5, bold,
                                   COL_W[col] - 2 * CELL_PAD);
    if (col == 2)
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    keep_numbers_whole(l);
    return l;
}

static gboolean add_table(Builder *b, const char *literal, guint line, GError **error)
{
    g_autoptr(GPtrArray) ids = block_ids(b, "table", literal, line + 1, error);
    if (!ids)
        return FALSE;
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_TABLE;
    blk->before = 10;
    blk->rows = g_ptr_array_new_with_free_func((GDestroyNotify)row_free);
    Row *head = g_new0(Row, 1);
    static const char *const heads[TABLE_COLS] = {"指标", "时期", "数值", "来源"};
    for (int c = 0; c < TABLE_COLS; c++)
        head->cell[c] = cell_layout(b, heads[c], c, TRUE);
    g_ptr_array_add(blk->rows, head);
    for (guint i = 0; i < ids->len; i++) {
        g_autoptr(GArray) rows = jb_report_series_rows(b->in->series, g_ptr_array_index(ids, i));
        for (guint k = 0; k < rows->len; k++) {
            guint r = g_array_index(rows, guint, k);
            Row *row = g_new0(Row, 1);
            g_autofree char *label = g_markup_escape_text(cell(b, r, "label"), -1);
            row->cell[0] = cell_layout(b, k == 0 ? label : "", 0, FALSE);
            g_autofree char *when = jb_period_text_cn(cell(b, r, "period"));
            g_autofree char *period = g_strdup_printf(
                "%s%s", when, strcmp(cell(b, r, "forecast"), "1") == 0 ? "（预计）" : "");
            row->cell[1] = cell_layout(b, period, 1, FALSE);
            g_autofree char *v = jb_report_value_text(cell(b, r, "value"), cell(b, r, "unit"),
                                                      cell(b, r, "bound"), cell(b, r, "value_high"));
            g_autofree char *ve = g_markup_escape_text(v, -1);
            row->cell[2] = cell_layout(b, ve, 2, FALSE);
            g_autoptr(GArray) numbers = jb_report_cite(b, r);
            g_autoptr(GString) src = g_string_new(NULL);
            g_auto(GStrv) files = g_strsplit(cell(b, r, "sources"), "; ", -1);
            for (guint f = 0; files[f]; f++) {
                g_autofree char *base = g_path_get_basename(files[f]);
                g_autofree char *esc = g_markup_escape_text(base, -1);
                g_string_append_printf(src, "%s%s", f ? "；" : "", esc);
            }
            g_autoptr(GPtrArray) pending =
                g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
            jb_report_footnote(src, pending, numbers);
            row->cell[3] = cell_layout(b, src->str, 3, FALSE);
            row->dest = dest_of(numbers);
            g_ptr_array_add(blk->rows, row);
        }
    }
    add_blk(b, blk);
    return TRUE;
}

static gboolean add_chart(Builder *b, const char *info, const char *literal, guint line,
                          double indent, GError **error)
{
    g_autofree char *spec = jb_template_strip_marks(literal);
    g_autoptr(JbChart) c = jb_chart_spec_parse(b->source, line + 1, spec, error);
    if (!c)
        return FALSE;
    if (b->in->allow_missing_glyphs)
        jb_chart_set(c, "allow_missing_glyphs", "true", NULL);
    jb_chart_set_dict(c, b->in->dict);
    GError *local = NULL;
    if (!jb_chart_load_series(c, b->in->series, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s", b->source, line,
                    local->message);
        g_error_free(local);
        return FALSE;
    }
    g_autofree char *name = g_strstrip(g_strdup(info + 5));
    if (!*name) {
        g_free(name);
        name = g_strdup(jb_chart_metric_id(c));
    }
    for (char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
            *p = '-';
    /* a caption under the chart carries its footnotes to the quoted sentences */
    g_autoptr(GArray) rows = jb_report_series_rows(b->in->series, jb_chart_metric_id(c));
    g_autoptr(GArray) numbers = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint i = 0; i < rows->len; i++) {
        g_autoptr(GArray) n = jb_report_cite(b, g_array_index(rows, guint, i));
        g_array_append_vals(numbers, n->data, n->len);
    }
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_CHART;
    blk->before = 12;
    blk->indent = indent;
    blk->keep_with_next = TRUE;
    blk->name = g_steal_pointer(&name);
    g_autofree char *title = g_markup_escape_text(jb_chart_title(c), -1);
    blk->chart = g_steal_pointer(&c);
    add_blk(b, blk);
    g_autoptr(GString) m = g_string_new(NULL);
    g_string_printf(m, "图 %d　%s", ++b->figures, title);
    g_autoptr(GPtrArray) pending =
        g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
    if (numbers->len) {
        g_string_append(m, "　原文见");
        jb_report_footnote(m, pending, numbers);
    }
    g_ptr_array_add(b->blocks,
                    jb_report_text_blk(b, m->str, pending, 9, FALSE, indent, 2, "#666666", FALSE));
    return TRUE;
}

/* ---- Markdown blocks -------------------------------------------------------------------- */

typedef struct {
    guint body_line; /* template line of the body's first line, minus one */
} Where;

static gboolean add_blocks(Builder *b, cmark_node *parent, const Where *w, double indent,
                           gboolean quote, GError **error);

static gboolean add_node(Builder *b, cmark_node *n, const Where *w, double indent,
                         gboolean quote, GError **error)
{
    {
        g_autoptr(GString) m = g_string_new(NULL);
        g_autoptr(GPtrArray) pending =
            g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
        guint line = w->body_line + (guint)cmark_node_get_start_line(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING: {
            int level = cmark_node_get_heading_level(n);
            g_autoptr(GString) plain = g_string_new(NULL);
            inline_markup(b, n, plain, NULL);
            char num[32];
            if (level <= 1) {
                b->h1++;
                b->h2 = 0;
                g_snprintf(num, sizeof num, "%d", b->h1);
            } else {
                b->h2++;
                g_snprintf(num, sizeof num, "%d.%d", b->h1, b->h2);
            }
            g_string_printf(m, "%s  %s", num, plain->str);
            Blk *blk = jb_report_text_blk(b, m->str, NULL, level <= 1 ? 16 : 13, TRUE, 0,
                                          level <= 1 ? 20 : 14, "#1A1A1A", FALSE);
            blk->keep_with_next = TRUE;
            blk->level = level <= 1 ? 1 : 2;
            blk->outline = g_strdup(pango_layout_get_text(blk->layout));
            g_ptr_array_add(b->blocks, blk);
            break;
        }
        case CMARK_NODE_PARAGRAPH: {
            inline_markup(b, n, m, pending);
            Blk *blk = jb_report_text_blk(b, m->str, pending, quote ? 10.5 : BODY_SIZE, FALSE,
                                          indent, quote ? 6 : 8, quote ? "#444444" : "#222222",
                                          TRUE);
            blk->bar = quote;
            g_ptr_array_add(b->blocks, blk);
            break;
        }
        case CMARK_NODE_LIST: {
            gboolean ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            int k = ordered ? cmark_node_get_list_start(n) : 0;
            for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                gboolean first = TRUE;
                for (cmark_node *p = cmark_node_first_child(item); p; p = cmark_node_next(p)) {
                    if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) {
                        /* nested lists, quotes and fences inside an item */
                        if (!add_node(b, p, w, indent + 18, quote, error))
                            return FALSE;
                        continue;
                    }
                    g_string_truncate(m, 0);
                    g_ptr_array_set_size(pending, 0);
                    inline_markup(b, p, m, pending);
                    Blk *blk = jb_report_text_blk(b, m->str, pending, BODY_SIZE, FALSE,
                                                  indent + 18, first ? 4 : 2, "#222222", TRUE);
                    if (first) {
                        g_autofree char *g = ordered ? g_strdup_printf("%d.", k++) : g_strdup("•");
                        blk->gutter = jb_layout_new(b->pango, g, FALSE, BODY_SIZE, FALSE, -1);
                    }
                    blk->bar = quote;
                    g_ptr_array_add(b->blocks, blk);
                    first = FALSE;
                }
            }
            break;
        }
        case CMARK_NODE_BLOCK_QUOTE:
            if (!add_blocks(b, n, w, indent + 14, TRUE, error))
                return FALSE;
            break;
        case CMARK_NODE_CODE_BLOCK: {
            const char *info = cmark_node_get_fence_info(n);
            const char *lit = cmark_node_get_literal(n);
            if (!info)
                info = "";
            if (strncmp(info, "chart", 5) == 0 && (!info[5] || info[5] == ' ')) {
                if (!add_chart(b, info, lit, line, indent, error))
                    return FALSE;
            } else if (strcmp(info, "kpi") == 0) {
                if (!add_kpi(b, lit, line, error))
                    return FALSE;
            } else if (strcmp(info, "table") == 0) {
                if (!add_table(b, lit, line, error))
                    return FALSE;
            } else {
                g_autofree char *plain = jb_template_strip_marks(lit);
                g_autofree char *esc = g_markup_escape_text(plain, -1);
                g_string_printf(m, "<tt>%s</tt>", esc);
                g_ptr_array_add(b->blocks, jb_report_text_blk(b, m->str, NULL, 9.5, FALSE, indent,
                                                              8, "#333333", FALSE));
            }
            break;
        }
        case CMARK_NODE_THEMATIC_BREAK: {
            Blk *blk = g_new0(Blk, 1);
            blk->kind = BLK_RULE;
            blk->before = 6;
            add_blk(b, blk);
            break;
        }
        case CMARK_NODE_HTML_BLOCK:
            break; /* comments and markup meant for other renderers */
        default:
            break;
        }
    }
    return TRUE;
}

static gboolean add_blocks(Builder *b, cmark_node *parent, const Where *w, double indent,
                           gboolean quote, GError **error)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
        if (!add_node(b, n, w, indent, quote, error))
            return FALSE;
    return TRUE;
}

/* cmark runs an unclosed fence to the end of the document without complaint; a template
 * author wants to hear about it, at the line where the fence opened. */
static gboolean check_fences(Builder *b, const char *body, guint body_line, GError **error)
{
    g_auto(GStrv) lines = g_strsplit(body, "\n", -1);
    char fence_char = 0;
    gsize fence_len = 0;
    guint open_line = 0;
    g_autofree char *open_info = NULL;
    for (guint i = 0; lines[i]; i++) {
        const char *l = lines[i];
        gsize sp = 0;
        while (l[sp] == ' ' && sp < 4)
            sp++;
        if (sp > 3 || (l[sp] != '`' && l[sp] != '~'))
            continue;
        char ch = l[sp];
        gsize run = 0;
        while (l[sp + run] == ch)
            run++;
        if (run < 3)
            continue;
        const char *rest = l + sp + run;
        if (!fence_char) {
            if (ch == '`' && strchr(rest, '`'))
                continue; /* not a fence: an inline code span */
            fence_char = ch;
            fence_len = run;
            open_line = body_line + i;
            g_free(open_info);
            open_info = g_strstrip(g_strdup(rest));
        } else if (ch == fence_char && run >= fence_len) {
            g_autofree char *tail = g_strstrip(g_strdup(rest));
            if (!*tail)
                fence_char = 0;
        }
    }
    if (fence_char) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %c%c%c%s block is not closed",
                    b->source, open_line, fence_char, fence_char, fence_char,
                    open_info ? open_info : "");
        return FALSE;
    }
    return TRUE;
}

gboolean jb_report_build_blocks(Builder *b, GError **error)
{
    const char *body = b->t->body;
    if (!check_fences(b, body, b->t->body_line, error))
        return FALSE;
    cmark_node *doc = cmark_parse_document(body, strlen(body), CMARK_OPT_DEFAULT);
    Where w = {b->t->body_line - 1};
    gboolean ok = add_blocks(b, doc, &w, 0, FALSE, error);
    cmark_node_free(doc);
    if (ok)
        jb_report_add_sources(b);
    return ok;
}
