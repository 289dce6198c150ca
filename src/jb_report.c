#include "jb_report.h"

#include "jb_chart.h"
#include "jb_common.h"
#include "jb_draw.h"
#include "jb_fonts.h"
#include "jb_number.h"
#include "jb_template.h"

#include <cmark.h>
#include <math.h>
#include <string.h>

/* ---- placeholders --------------------------------------------------------------------- */

static char *value_text(const char *value, const char *unit, const char *bound)
{
    JbDecimal d;
    JbBound b = JB_BOUND_EXACT;
    if (!jb_decimal_parse(value, &d))
        return g_strdup(value);
    jb_bound_parse(bound, &b);
    static const char *const prefix[] = {[JB_BOUND_EXACT] = "", [JB_BOUND_AT_LEAST] = "超",
                                         [JB_BOUND_AT_MOST] = "近", [JB_BOUND_ABOUT] = "约"};
    g_autofree char *num = jb_number_format_cn(d, 4);
    return g_strconcat(prefix[b], num, unit, NULL);
}

char *jb_report_placeholder(const JbTable *series, const char *metric_id, const char *field,
                            GError **error)
{
    int c_id = jb_table_column(series, "metric_id"), c_period = jb_table_column(series, "period"),
        c_value = jb_table_column(series, "value"), c_unit = jb_table_column(series, "unit"),
        c_bound = jb_table_column(series, "bound"), c_label = jb_table_column(series, "label");
    int first = -1, last = -1;
    for (guint r = 0; r < jb_table_n_rows(series); r++)
        if (strcmp(jb_table_get(series, r, c_id), metric_id) == 0) {
            if (first < 0)
                first = (int)r;
            last = (int)r;
        }
    if (first < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "unknown metric '%s' (not in %s)",
                    metric_id, jb_table_source(series));
        return NULL;
    }
    guint f = (guint)first, l = (guint)last;
    if (strcmp(field, "latest") == 0 || strcmp(field, "first") == 0) {
        guint r = field[0] == 'l' ? l : f;
        return value_text(jb_table_get(series, r, c_value), jb_table_get(series, r, c_unit),
                          jb_table_get(series, r, c_bound));
    }
    if (strcmp(field, "period") == 0)
        return g_strdup(jb_table_get(series, l, c_period));
    if (strcmp(field, "first_period") == 0)
        return g_strdup(jb_table_get(series, f, c_period));
    if (strcmp(field, "label") == 0)
        return g_strdup(jb_table_get(series, f, c_label));
    if (strcmp(field, "growth") == 0) {
        JbDecimal a, b;
        if (!jb_decimal_parse(jb_table_get(series, f, c_value), &a) ||
            !jb_decimal_parse(jb_table_get(series, l, c_value), &b) || jb_decimal_to_double(a) == 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s.growth: needs a non-zero first value",
                        metric_id);
            return NULL;
        }
        char buf[32];
        g_snprintf(buf, sizeof buf, "%.1f", jb_decimal_to_double(b) / jb_decimal_to_double(a));
        if (g_str_has_suffix(buf, ".0"))
            buf[strlen(buf) - 2] = 0;
        return g_strconcat(buf, "倍", NULL);
    }
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                "unknown field '%s' (use latest, first, period, first_period, growth, label)",
                field);
    return NULL;
}

/* ---- page geometry and type ------------------------------------------------------------ */

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN_X 62.0
#define MARGIN_TOP 72.0
#define MARGIN_BOTTOM 72.0
#define TEXT_W (PAGE_W - 2 * MARGIN_X)
#define BODY_SIZE 11.5
#define LINE_SPACING 1.55

typedef enum { BLK_TEXT, BLK_CHART, BLK_RULE } BlkKind;

typedef struct {
    BlkKind kind;
    PangoLayout *layout; /* BLK_TEXT */
    JbChart *chart;      /* BLK_CHART */
    double indent, before, height;
    JbColor color;
    char *outline; /* heading text for a bookmark */
    int level;     /* 1, 2 for headings */
    gboolean keep_with_next;
    int page;      /* assigned by paginate() */
    double y;
} Blk;

static void blk_free(Blk *b)
{
    g_clear_object(&b->layout);
    g_clear_pointer(&b->chart, jb_chart_free);
    g_free(b->outline);
    g_free(b);
}

/* A number never parts from its unit: 1.2万亿元 stays on one line (pango 1.50 would break
 * it after 1.2). Quantity spans come from the same scanner the extract stage uses. */
static void keep_numbers_whole(PangoLayout *layout)
{
    const char *text = pango_layout_get_text(layout);
    gsize len = strlen(text);
    PangoAttrList *attrs = pango_layout_get_attributes(layout);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    JbQuantity q;
    for (gsize from = 0; from < len && jb_number_scan(text, len, from, &q); from = q.end) {
        PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = (guint)q.start;
        a->end_index = (guint)q.end;
        pango_attr_list_insert(attrs, a);
    }
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
}

static Blk *text_blk(PangoContext *pango, const char *markup, double size, gboolean bold,
                     double indent, double before, const char *color, gboolean justify)
{
    Blk *b = g_new0(Blk, 1);
    b->kind = BLK_TEXT;
    b->indent = indent;
    b->before = before;
    b->color = jb_color_hex(color);
    b->layout = jb_layout_new(pango, markup, TRUE, size, bold, TEXT_W - indent);
    pango_layout_set_line_spacing(b->layout, (float)LINE_SPACING);
    pango_layout_set_justify(b->layout, justify);
    keep_numbers_whole(b->layout);
    jb_layout_size(b->layout, NULL, &b->height);
    return b;
}

/* ---- Markdown to blocks ----------------------------------------------------------------- */

static void inline_markup(cmark_node *node, GString *out)
{
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        const char *lit = cmark_node_get_literal(n);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE: {
            g_autofree char *esc = g_markup_escape_text(lit ? lit : "", -1);
            g_string_append(out, esc);
            break;
        }
        case CMARK_NODE_CODE: {
            g_autofree char *esc = g_markup_escape_text(lit ? lit : "", -1);
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
            inline_markup(n, out);
            g_string_append(out, "</b>");
            break;
        case CMARK_NODE_EMPH:
            g_string_append(out, "<i>");
            inline_markup(n, out);
            g_string_append(out, "</i>");
            break;
        case CMARK_NODE_LINK:
            g_string_append(out, "<span foreground=\"#0072B2\">");
            inline_markup(n, out);
            g_string_append(out, "</span>");
            break;
        default:
            inline_markup(n, out);
        }
    }
}

typedef struct {
    const char *source;
    const JbReportInputs *in;
    PangoContext *pango;
    GPtrArray *blocks;   /* Blk* */
    GPtrArray *charted;  /* metric ids drawn (char*, owned) */
    int h1, h2;
} Builder;

static gboolean add_chart(Builder *b, cmark_node *n, guint body_line, GError **error)
{
    guint line = body_line + (guint)cmark_node_get_start_line(n);
    g_autoptr(JbChart) c = jb_chart_spec_parse(b->source, line, cmark_node_get_literal(n), error);
    if (!c)
        return FALSE;
    c->allow_missing_glyphs = b->in->allow_missing_glyphs;
    GError *local = NULL;
    if (!jb_chart_load_series(c, b->in->series, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s", b->source, line,
                    local->message);
        g_error_free(local);
        return FALSE;
    }
    g_ptr_array_add(b->charted, g_strdup(c->metric_id));
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_CHART;
    blk->before = 10;
    blk->height = c->height * (TEXT_W / c->width);
    blk->chart = g_steal_pointer(&c);
    g_ptr_array_add(b->blocks, blk);
    return TRUE;
}

static gboolean add_blocks(Builder *b, cmark_node *parent, guint body_line, double indent,
                           GError **error)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        g_autoptr(GString) m = g_string_new(NULL);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING: {
            int level = cmark_node_get_heading_level(n);
            g_autoptr(GString) plain = g_string_new(NULL);
            inline_markup(n, plain);
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
            Blk *blk = text_blk(b->pango, m->str, level <= 1 ? 16.5 : 13.5, TRUE, 0,
                                level <= 1 ? 22 : 14, "#1A1A1A", FALSE);
            blk->keep_with_next = TRUE;
            blk->level = level <= 1 ? 1 : 2;
            blk->outline = g_strdup(pango_layout_get_text(blk->layout));
            g_ptr_array_add(b->blocks, blk);
            break;
        }
        case CMARK_NODE_PARAGRAPH:
            inline_markup(n, m);
            g_ptr_array_add(b->blocks, text_blk(b->pango, m->str, BODY_SIZE, FALSE, indent, 8,
                                                "#222222", TRUE));
            break;
        case CMARK_NODE_LIST:
            for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                g_string_truncate(m, 0);
                for (cmark_node *p = cmark_node_first_child(item); p; p = cmark_node_next(p))
                    inline_markup(p, m);
                g_string_prepend(m, "•  ");
                g_ptr_array_add(b->blocks, text_blk(b->pango, m->str, BODY_SIZE, FALSE,
                                                    indent + 12, 4, "#222222", FALSE));
            }
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            if (!add_blocks(b, n, body_line, indent + 18, error))
                return FALSE;
            break;
        case CMARK_NODE_CODE_BLOCK: {
            const char *info = cmark_node_get_fence_info(n);
            if (info && strncmp(info, "chart", 5) == 0) {
                if (!add_chart(b, n, body_line, error))
                    return FALSE;
            } else {
                g_autofree char *esc = g_markup_escape_text(cmark_node_get_literal(n), -1);
                g_string_printf(m, "<tt>%s</tt>", esc);
                g_ptr_array_add(b->blocks, text_blk(b->pango, m->str, 10, FALSE, indent, 8,
                                                    "#333333", FALSE));
            }
            break;
        }
        case CMARK_NODE_THEMATIC_BREAK: {
            Blk *blk = g_new0(Blk, 1);
            blk->kind = BLK_RULE;
            blk->before = 10;
            blk->height = 10;
            g_ptr_array_add(b->blocks, blk);
            break;
        }
        default:
            break;
        }
    }
    return TRUE;
}

/* The closing section: every sentence a figure in this briefing came from. */
static void add_sources(Builder *b, const JbTemplate *t)
{
    const JbTable *mt = b->in->metrics;
    g_autoptr(GString) m = g_string_new(NULL);
    b->h1++;
    g_string_printf(m, "%d  数据来源", b->h1);
    Blk *h = text_blk(b->pango, m->str, 16.5, TRUE, 0, 22, "#1A1A1A", FALSE);
    h->keep_with_next = TRUE;
    h->level = 1;
    h->outline = g_strdup(pango_layout_get_text(h->layout));
    g_ptr_array_add(b->blocks, h);
    if (!mt) {
        g_ptr_array_add(b->blocks, text_blk(b->pango, "（未提供 metrics.csv，无法列出原文。）",
                                            10, FALSE, 0, 6, "#555555", FALSE));
        return;
    }
    int c_id = jb_table_column(mt, "metric_id"), c_src = jb_table_column(mt, "source"),
        c_pub = jb_table_column(mt, "published"), c_quote = jb_table_column(mt, "quote");
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int n = 0;
    for (guint r = 0; r < jb_table_n_rows(mt); r++) {
        const char *id = jb_table_get(mt, r, c_id);
        if (!*id || !(g_ptr_array_find_with_equal_func(b->charted, id, g_str_equal, NULL) ||
                      g_ptr_array_find_with_equal_func(t->used, id, g_str_equal, NULL)))
            continue;
        const char *quote = jb_table_get(mt, r, c_quote);
        char *key = g_strconcat(jb_table_get(mt, r, c_src), "\n", quote, NULL);
        if (!g_hash_table_add(seen, key))
            continue;
        g_autofree char *src = g_markup_escape_text(jb_table_get(mt, r, c_src), -1);
        g_autofree char *pub = g_markup_escape_text(jb_table_get(mt, r, c_pub), -1);
        g_autofree char *q = g_markup_escape_text(quote[0] == '\'' ? quote + 1 : quote, -1);
        g_string_printf(m, "[%d]  %s（%s）：“%s”", ++n, src, pub, q);
        g_ptr_array_add(b->blocks, text_blk(b->pango, m->str, 10, FALSE, 0, 5, "#444444", FALSE));
    }
}

/* ---- pagination and drawing ----------------------------------------------------------- */

static int paginate(GPtrArray *blocks, double first_top)
{
    int page = 1;
    double y = first_top, bottom = PAGE_H - MARGIN_BOTTOM;
    for (guint i = 0; i < blocks->len; i++) {
        Blk *b = g_ptr_array_index(blocks, i);
        double need = b->before + b->height;
        /* a heading never ends a page: it needs room for the next block too */
        if (b->keep_with_next && i + 1 < blocks->len) {
            const Blk *next = g_ptr_array_index(blocks, i + 1);
            need += next->before + fmin(next->height, 3 * BODY_SIZE * LINE_SPACING);
        }
        if (y + need > bottom && y > MARGIN_TOP) {
            page++;
            y = MARGIN_TOP;
        }
        b->page = page;
        b->y = y + b->before;
        y = b->y + b->height;
    }
    return page;
}

static void draw_page_frame(JbCanvas *canvas, const char *title, int page, int pages)
{
    cairo_t *cr = jb_canvas_cr(canvas);
    PangoContext *pango = jb_canvas_pango(canvas);
    JbColor grey = jb_color_hex("#777777");
    if (page > 1) {
        g_autoptr(PangoLayout) h = jb_layout_new(pango, title, FALSE, 9, FALSE, TEXT_W);
        jb_layout_draw(cr, h, MARGIN_X, 34, grey);
        jb_set_color(cr, jb_color_hex("#CCCCCC"));
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, MARGIN_X, 50);
        cairo_line_to(cr, PAGE_W - MARGIN_X, 50);
        cairo_stroke(cr);
    }
    g_autofree char *f = g_strdup_printf("第 %d 页 / 共 %d 页", page, pages);
    g_autoptr(PangoLayout) foot = jb_layout_new(pango, f, FALSE, 9, FALSE, -1);
    double w;
    jb_layout_size(foot, &w, NULL);
    jb_layout_draw(cr, foot, (PAGE_W - w) / 2, PAGE_H - 44, grey);
}

static double draw_title_block(JbCanvas *canvas, const JbTemplate *t)
{
    cairo_t *cr = jb_canvas_cr(canvas);
    PangoContext *pango = jb_canvas_pango(canvas);
    double y = MARGIN_TOP - 10, h;
    JbColor accent = jb_color_hex("#0072B2");
    jb_set_color(cr, accent);
    cairo_rectangle(cr, MARGIN_X, y, 36, 4);
    cairo_fill(cr);
    y += 14;
    g_autoptr(PangoLayout) title =
        jb_layout_new(pango, jb_template_meta(t, "title", "简报"), FALSE, 25, TRUE, TEXT_W);
    jb_layout_size(title, NULL, &h);
    jb_layout_draw(cr, title, MARGIN_X, y, jb_color_hex("#111111"));
    y += h + 6;
    const char *subtitle = jb_template_meta(t, "subtitle", NULL);
    if (subtitle) {
        g_autoptr(PangoLayout) s = jb_layout_new(pango, subtitle, FALSE, 14, FALSE, TEXT_W);
        jb_layout_size(s, NULL, &h);
        jb_layout_draw(cr, s, MARGIN_X, y, jb_color_hex("#444444"));
        y += h + 6;
    }
    g_autofree char *byline = g_strdup_printf("%s　%s", jb_template_meta(t, "organisation", ""),
                                              jb_template_meta(t, "date", ""));
    g_autoptr(PangoLayout) by = jb_layout_new(pango, g_strstrip(byline), FALSE, 10.5, FALSE, TEXT_W);
    jb_layout_size(by, NULL, &h);
    jb_layout_draw(cr, by, MARGIN_X, y, jb_color_hex("#777777"));
    y += h + 12;
    jb_set_color(cr, jb_color_hex("#CCCCCC"));
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, MARGIN_X, y);
    cairo_line_to(cr, PAGE_W - MARGIN_X, y);
    cairo_stroke(cr);
    return y + 6;
}

static char *default_date(void)
{
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    g_autoptr(GDateTime) t = epoch && *epoch
                                 ? g_date_time_new_from_unix_utc(g_ascii_strtoll(epoch, NULL, 10))
                                 : g_date_time_new_now_local();
    return g_date_time_format(t, "%Y年%-m月%-d日");
}

gboolean jb_report_render(const char *template_path, const JbReportInputs *in,
                          const char *pdf_path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *local = NULL;
    if (!g_file_get_contents(template_path, &text, &len, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    if (!g_utf8_validate(text, (gssize)len, NULL) || strlen(text) != len) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: not UTF-8 text", template_path);
        return FALSE;
    }
    g_autoptr(JbTemplate) t = jb_template_parse(template_path, text, in->series, error);
    if (!t)
        return FALSE;
    if (!g_hash_table_contains(t->meta, "date"))
        g_hash_table_insert(t->meta, g_strdup("date"), default_date());

    g_autoptr(JbCanvas) canvas = jb_canvas_new(pdf_path, PAGE_W, PAGE_H, 1, FALSE, error);
    if (!canvas)
        return FALSE;
    const char *title = jb_template_meta(t, "title", "简报");
    jb_canvas_set_metadata(canvas, title, jb_template_meta(t, "organisation", "jianbao"),
                           jb_template_meta(t, "subtitle", ""), "jianbao");

    cmark_node *doc = cmark_parse_document(t->body, strlen(t->body), CMARK_OPT_DEFAULT);
    Builder b = {.source = template_path, .in = in, .pango = jb_canvas_pango(canvas)};
    b.blocks = g_ptr_array_new_with_free_func((GDestroyNotify)blk_free);
    b.charted = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = add_blocks(&b, doc, t->body_line - 1, 0, error);
    cmark_node_free(doc);
    if (ok) {
        add_sources(&b, t);
        cairo_t *cr = jb_canvas_cr(canvas);
        double first_top = draw_title_block(canvas, t);
        int pages = paginate(b.blocks, first_top);
        int page = 1, h1_outline = 0;
        draw_page_frame(canvas, title, page, pages);
        for (guint i = 0; i < b.blocks->len && ok; i++) {
            Blk *blk = g_ptr_array_index(b.blocks, i);
            while (blk->page > page) {
                jb_canvas_show_page(canvas);
                draw_page_frame(canvas, title, ++page, pages);
            }
            if (blk->outline) {
                int id = jb_canvas_add_outline(canvas, blk->level == 1 ? 0 : h1_outline,
                                               blk->outline, page, blk->y);
                if (blk->level == 1)
                    h1_outline = id;
            }
            switch (blk->kind) {
            case BLK_TEXT:
                jb_layout_draw(cr, blk->layout, MARGIN_X + blk->indent, blk->y, blk->color);
                break;
            case BLK_RULE:
                jb_set_color(cr, jb_color_hex("#CCCCCC"));
                cairo_set_line_width(cr, 0.6);
                cairo_move_to(cr, MARGIN_X, blk->y + 5);
                cairo_line_to(cr, PAGE_W - MARGIN_X, blk->y + 5);
                cairo_stroke(cr);
                break;
            case BLK_CHART: {
                double s = TEXT_W / blk->chart->width;
                cairo_save(cr);
                cairo_translate(cr, MARGIN_X, blk->y);
                cairo_scale(cr, s, s);
                ok = jb_chart_draw(blk->chart, cr, b.pango, error);
                cairo_restore(cr);
                break;
            }
            }
        }
    }
    g_ptr_array_unref(b.blocks);
    g_ptr_array_unref(b.charted);
    return ok && jb_canvas_finish(canvas, error);
}
