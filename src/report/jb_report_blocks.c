/* Markdown (cmark) and the template's fenced blocks (chart, kpi, table) to report blocks; the
 * inline Markdown of a block (emphasis, code, links, reference marks) is jb_report_inline.c. */
#include "jb_report_priv.h"

#include "jb_common.h"
#include "jb_nearest.h"
#include "jb_period.h"
#include "jb_number.h"
#include "jb_units.h"

#include <cmark.h>
#include <math.h>
#include <string.h>


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
    g_free(b->title);
    if (b->more) {
        g_ptr_array_foreach(b->more, (GFunc)(void (*)(void))jb_report_blk_free, NULL);
        g_ptr_array_free(b->more, TRUE);
    }
    g_free(b);
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
        y = jb_layout_height(blk->layout);
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
        blk->head_h = y = jb_report_row_h(g_ptr_array_index(blk->rows, 0));
        g_array_append_val(top, y);
        for (guint i = 1; i < blk->rows->len; i++) {
            y += jb_report_row_h(g_ptr_array_index(blk->rows, i));
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

static void add_blk(Builder *b, Blk *blk)
{
    jb_report_blk_measure(blk);
    g_ptr_array_add(b->blocks, blk);
}

/* A fence whose info string is a misspelt block name (```chrat, ```kpis, ```revew) would be
 * shown as code: an error with the name meant. Other info strings (```text, ```python) are
 * code. */
static gboolean near_block(Builder *b, const char *info, guint line, GError **error)
{
    static const char *const BLOCKS[] = {"chart",  "charts",  "kpi", "table",
                                         "review", "changes", NULL};
    const char *sp = strchr(info, ' ');
    g_autofree char *head = g_ascii_strdown(info, sp ? (gssize)(sp - info) : -1);
    const char *near = jb_nearest(head, BLOCKS, G_MAXUINT);
    if (!near || near[0] != head[0]) /* a misspelling keeps its first letter: ```api is code */
        return TRUE;
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: unknown block ```%s; did you mean ```%s?",
                b->source, line, head, near);
    return FALSE;
}

/* ---- fenced blocks ---------------------------------------------------------------------- */

/* Add a copy of `id` to `ids` unless `listed` has it. */
static void add_listed(GPtrArray *ids, GHashTable *listed, const char *id)
{
    if (g_hash_table_contains(listed, id))
        return;
    char *own = g_strdup(id);
    g_ptr_array_add(ids, own);
    g_hash_table_add(listed, own);
}

/* The metric ids of a kpi or table block, one per line ("#" comments), each checked
 * against the series; "*" stands for every metric in the series. */
GPtrArray *jb_report_block_ids(Builder *b, const char *kind, const char *literal, guint first_line,
                               GError **error)
{
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
    /* the ids `latest` and `*` added (borrowed from `ids`): each is added once, in linear
     * time however many metrics the series has */
    g_autoptr(GHashTable) listed = g_hash_table_new(g_str_hash, g_str_equal);
    g_auto(GStrv) lines = g_strsplit(literal, "\n", -1);
    gboolean selects = FALSE;
    for (guint i = 0; lines[i]; i++) {
        char *hash = strchr(lines[i], '#');
        if (hash)
            *hash = 0;
        g_autofree char *id = jb_template_strip_marks(g_strstrip(lines[i]));
        if (!*id)
            continue;
        if (strcmp(id, "latest fill") == 0 && strcmp(kind, "kpi") == 0) {
            /* as many as fill the page (jb_report_render measures it): fill_n of them */
            selects = TRUE;
            b->fill_next = TRUE;
            b->fill_avail = MIN(jb_series_ids(b->in->series)->len, KPI_FILL_MAX);
            guint n = b->fill_n ? b->fill_n : KPI_FILL_MIN;
            g_autoptr(GPtrArray) latest = jb_report_latest_ids(b->in->series, n);
            for (guint k = 0; k < latest->len; k++)
                add_listed(ids, listed, latest->pdata[k]);
            continue;
        }
        if (g_str_has_prefix(id, "latest ")) {
            selects = TRUE;
            guint64 n = 0;
            if (!g_ascii_string_to_unsigned(id + 7, 10, 1, 64, &n, NULL)) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: 'latest N' takes a number from 1 to 64%s (got '%s')", b->source,
                            first_line + i, strcmp(kind, "kpi") == 0 ? ", or fill" : "", id + 7);
                return NULL;
            }
            g_autoptr(GPtrArray) latest = jb_report_latest_ids(b->in->series, (guint)n);
            for (guint k = 0; k < latest->len; k++)
                add_listed(ids, listed, latest->pdata[k]);
            continue;
        }
        if (strcmp(id, "*") == 0) {
            selects = TRUE;
            const GPtrArray *all = jb_series_ids(b->in->series);
            for (guint k = 0; k < all->len; k++)
                add_listed(ids, listed, all->pdata[k]);
            continue;
        }
        if (strchr(id, ' ') || strchr(id, '=')) {
            /* `latset 3`, `lates fill`: the selector misspelt */
            char *sp = strchr(id, ' ');
            g_autofree char *head = g_strndup(id, sp ? (gsize)(sp - id) : strlen(id));
            static const char *const LATEST[] = {"latest", NULL};
            g_autofree char *hint = sp ? jb_nearest_hint(head, LATEST, "%s") : g_strdup("");
            g_autofree char *mean = *hint ? g_strdup_printf("; did you mean '%s%s'?", hint, sp)
                                          : g_strdup("");
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: a ```%s block lists metric ids, one per line, or latest N (got "
                        "'%s')%s",
                        b->source, first_line + i, kind, id, mean);
            return NULL;
        }
        if (jb_series_rows_of(b->in->series, id)->len == 0) {
            g_autofree char *hint = jb_report_metric_hint(b->in->series, id);
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: unknown metric '%s' (not in %s)%s",
                        b->source, first_line + i, id, jb_series_source(b->in->series), hint);
            return NULL;
        }
        g_hash_table_add(listed, id);
        g_ptr_array_add(ids, g_steal_pointer(&id));
    }
    /* A block that picks by the data (`*`, `latest N`) may find nothing: no error, and the
     * caller draws nothing (a briefing of articles with no known metric yet). */
    if (ids->len == 0 && !selects) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: empty ```%s block", b->source,
                    first_line - 1, kind);
        return NULL;
    }
    return g_steal_pointer(&ids);
}

const JbSeriesRow *jb_report_row(const Builder *b, guint row)
{
    return jb_series_row(b->in->series, row);
}

/* The change since the first period, as the KPI chart says it (jb_units). */
char *jb_report_dest_of(GArray *numbers)
{
    return numbers->len ? g_strdup_printf("dest='src-%d'", g_array_index(numbers, int, 0)) : NULL;
}

gboolean jb_report_add_chart(Builder *b, const char *info, const char *literal, guint line,
                             double indent, GError **error)
{
    g_autofree char *spec = jb_template_strip_marks(literal);
    g_autoptr(JbChart) c = jb_chart_spec_parse(b->source, line + 1, spec, error);
    if (!c)
        return FALSE;
    if (b->in->allow_missing_glyphs)
        jb_chart_set(c, "allow_missing_glyphs", "true", NULL);
    jb_chart_set_dict(c, b->in->dict);
    jb_chart_set_source_names(c, b->source_names);
    jb_chart_set_diag(c, b->in->diag);
    GError *local = NULL;
    if (!jb_chart_load_series(c, b->in->series, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s", b->source, line, local->message);
        g_error_free(local);
        return FALSE;
    }
    g_autofree char *name = g_strstrip(g_strdup(info + 5));
    if (!*name) {
        g_free(name);
        name = g_strdup(jb_chart_metric_id(c));
    }
    /* a slide's file name: ASCII punctuation becomes '-'; Chinese stays, or the charts of
     * macro.gdp@广东省 and macro.gdp@江苏省 would both be macro-gdp---------- */
    for (char *p = name; *p; p++)
        if ((guchar)*p < 0x80 && !g_ascii_isalnum(*p) && *p != '-' && *p != '_')
            *p = '-';
    if (!g_utf8_validate(name, -1, NULL))
        for (char *p = name; *p; p++)
            if ((guchar)*p >= 0x80)
                *p = '-';
    /* a caption under the chart carries its title (the chart on the page has none: it is
     * said once) and footnotes to the sentences behind every metric drawn */
    const GPtrArray *ids = jb_chart_metrics(c);
    g_autoptr(GArray) numbers = g_array_new(FALSE, FALSE, sizeof(int));
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal); /* numbers' */
    for (guint k = 0; k < ids->len; k++) {
        const GArray *rows = jb_series_rows_of(b->in->series, g_ptr_array_index(ids, k));
        for (guint i = 0; i < rows->len; i++) {
            g_autoptr(GArray) n = jb_report_cite(b, g_array_index(rows, guint, i));
            for (guint j = 0; j < n->len; j++) {
                int num = g_array_index(n, int, j);
                if (g_hash_table_add(seen, GINT_TO_POINTER(num)))
                    g_array_append_val(numbers, num);
            }
        }
    }
    Blk *blk = g_new0(Blk, 1);
    blk->kind = BLK_CHART;
    blk->before = 12;
    blk->indent = indent;
    blk->keep_with_next = TRUE;
    blk->floats = TRUE; /* with its caption, the next block */
    blk->name = g_steal_pointer(&name);
    blk->title = g_strdup(jb_chart_title(c));
    g_autofree char *title = g_markup_escape_text(blk->title, -1);
    /* drawn at the page's width in points, so no chart text is under 7 pt (jb_chart's floor);
     * its slide keeps the spec's size */
    jb_chart_size(c, &blk->slide_w, &blk->slide_h);
    jb_chart_set_size(c, TEXT_W - indent,
                      fmax(blk->slide_h / blk->slide_w, 0.6) * (TEXT_W - indent));
    jb_chart_set(c, "title", "", NULL);
    blk->chart = g_steal_pointer(&c);
    add_blk(b, blk);
    g_autoptr(GString) m = g_string_new(NULL);
    g_string_printf(m, "图 %d　%s", ++b->figures, title);
    g_autoptr(GPtrArray)
        pending = g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
    if (numbers->len) {
        g_string_append(m, "　原文见");
        jb_report_footnote(m, pending, numbers, 9);
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
static gboolean add_node(Builder *b, cmark_node *n, const Where *w, double indent, gboolean quote,
                         GError **error);

/* A heading, numbered (1, 1.1) and kept with what follows it, as text into `m`. */
static void add_heading(Builder *b, cmark_node *n, GString *m)
{
    int level = cmark_node_get_heading_level(n);
    g_autoptr(GString) plain = g_string_new(NULL);
    jb_report_inline_markup(b, n, plain, NULL);
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
    /* a section's charts are placed before the next section opens: the 趋势 charts
     * had floated into 指标一览, the table cut into pieces of two rows under each */
    blk->flush_floats = level <= 1;
    blk->outline = g_strdup(pango_layout_get_text(blk->layout));
    g_ptr_array_add(b->blocks, blk);
}

/* A list: each item's paragraphs as text blocks, the first with its gutter (1. or •); what
 * else an item holds (nested lists, quotes, fences) as blocks of its own, indented. */
static gboolean add_list(Builder *b, cmark_node *n, const Where *w, double indent, gboolean quote,
                         GString *m, GPtrArray *pending, GError **error)
{
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
            b->text_size = BODY_SIZE;
            jb_report_inline_markup(b, p, m, pending);
            Blk *blk = jb_report_text_blk(b, m->str, pending, BODY_SIZE, FALSE, indent + 18,
                                          first ? 4 : 2, "#222222", TRUE);
            if (first) {
                g_autofree char *g = ordered ? g_strdup_printf("%d.", k++) : g_strdup("•");
                blk->gutter = jb_layout_new(b->pango, g, FALSE, BODY_SIZE, FALSE, -1);
            }
            blk->bar = quote;
            g_ptr_array_add(b->blocks, blk);
            first = FALSE;
        }
    }
    return TRUE;
}

/* A fenced block at template line `line`: a chart, charts, kpi, review, changes or table
 * block, else code shown as it is written (a misspelt block name is an error). */
static gboolean add_code_block(Builder *b, cmark_node *n, guint line, double indent, GString *m,
                               GError **error)
{
    const char *info = cmark_node_get_fence_info(n);
    const char *lit = cmark_node_get_literal(n);
    if (!info)
        info = "";
    if (strncmp(info, "chart", 5) == 0 && (!info[5] || info[5] == ' ')) {
        if (!jb_report_add_chart(b, info, lit, line, indent, error))
            return FALSE;
    } else if (strcmp(info, "charts") == 0) {
        if (!jb_report_add_charts(b, lit, line, indent, error))
            return FALSE;
    } else if (strcmp(info, "kpi") == 0) {
        if (!jb_report_add_kpi(b, lit, line, error))
            return FALSE;
    } else if (strcmp(info, "review") == 0 || strcmp(info, "changes") == 0) {
        g_autofree char *rest = g_strstrip(jb_template_strip_marks(lit));
        if (*rest) { /* what is written there was silently not shown */
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: a ```%s block is empty: the build fills it", b->source, line + 1,
                        info);
            return FALSE;
        }
        if (info[0] == 'r')
            jb_report_add_review(b, indent);
        else
            jb_report_add_changes(b, indent);
    } else if (strcmp(info, "table") == 0) {
        if (!jb_report_add_table(b, lit, line, error))
            return FALSE;
    } else if (!near_block(b, info, line, error)) {
        return FALSE;
    } else {
        g_autofree char *plain = jb_template_strip_marks(lit);
        g_autofree char *esc = g_markup_escape_text(plain, -1);
        g_string_printf(m, "<tt>%s</tt>", esc);
        g_ptr_array_add(b->blocks, jb_report_text_blk(b, m->str, NULL, 9.5, FALSE, indent, 8,
                                                      "#333333", FALSE));
    }
    return TRUE;
}

/* One block of the Markdown body (its children too) into b->blocks, by its kind. */
static gboolean add_node(Builder *b, cmark_node *n, const Where *w, double indent, gboolean quote,
                         GError **error)
{
    g_autoptr(GString) m = g_string_new(NULL);
    g_autoptr(GPtrArray)
        pending = g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
    guint line = w->body_line + (guint)cmark_node_get_start_line(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING:
        add_heading(b, n, m);
        break;
    case CMARK_NODE_PARAGRAPH: {
        b->text_size = quote ? 10.5 : BODY_SIZE;
        jb_report_inline_markup(b, n, m, pending);
        Blk *blk = jb_report_text_blk(b, m->str, pending, quote ? 10.5 : BODY_SIZE, FALSE, indent,
                                      quote ? 6 : 8, quote ? "#444444" : "#222222", TRUE);
        blk->bar = quote;
        g_ptr_array_add(b->blocks, blk);
        break;
    }
    case CMARK_NODE_LIST:
        if (!add_list(b, n, w, indent, quote, m, pending, error))
            return FALSE;
        break;
    case CMARK_NODE_BLOCK_QUOTE:
        if (!add_blocks(b, n, w, indent + 14, TRUE, error))
            return FALSE;
        break;
    case CMARK_NODE_CODE_BLOCK:
        if (!add_code_block(b, n, line, indent, m, error))
            return FALSE;
        break;
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

/* Block quotes and lists nested deeper than this, or emphasis and links, are refused: blocks
 * are built recursively (30000 nested `>` overflowed the stack), and every level indents
 * the text, so that past a few levels nothing is left of the line to write on. */
#define MAX_BLOCK_NESTING 16
#define MAX_INLINE_NESTING 32

/* One pass over the tree with cmark's iterator (no recursion), before anything recurses:
 * nesting within the limits, links of the schemes a PDF may carry. */
static gboolean check_nesting(Builder *b, cmark_node *doc, guint body_line, GError **error)
{
    cmark_iter *it = cmark_iter_new(doc);
    int blocks = 0, inlines = 0;
    gboolean ok = TRUE;
    for (cmark_event_type ev; ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        int *depth = type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST ? &blocks
                     : type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG ||
                             type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
                         ? &inlines
                         : NULL;
        if (type == CMARK_NODE_LINK && ev == CMARK_EVENT_ENTER) {
            const char *url = cmark_node_get_url(n);
            if (url && *url && !jb_report_link_allowed(url)) {
                g_autofree char *shown = g_utf8_make_valid(url, MIN(strlen(url), 80));
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: link '%s': only http, https and mailto links are kept",
                            b->source, body_line + (guint)cmark_node_get_start_line(n), shown);
                ok = FALSE;
                continue;
            }
        }
        if (!depth)
            continue;
        if (ev == CMARK_EVENT_EXIT) {
            (*depth)--;
            continue;
        }
        (*depth)++;
        int limit = depth == &blocks ? MAX_BLOCK_NESTING : MAX_INLINE_NESTING;
        if (*depth > limit) {
            g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                        "%s:%u: %s nested more than %d deep; the limit is %d", b->source,
                        body_line + (guint)cmark_node_get_start_line(n),
                        depth == &blocks ? "block quotes and lists" : "emphasis and links", limit,
                        limit);
            ok = FALSE;
        }
    }
    cmark_iter_free(it);
    return ok;
}

/* The pieces of long texts go after their first piece, in one pass; a heading's piece
 * kept with what follows is the last. */
static void place_pieces(Builder *b)
{
    gboolean any = FALSE;
    for (guint i = 0; i < b->blocks->len && !any; i++)
        any = ((Blk *)b->blocks->pdata[i])->more != NULL;
    if (!any)
        return;
    GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_blk_free);
    for (guint i = 0; i < b->blocks->len; i++) {
        Blk *blk = b->blocks->pdata[i];
        g_ptr_array_add(all, blk);
        if (!blk->more)
            continue;
        for (guint k = 0; k < blk->more->len; k++) {
            Blk *piece = blk->more->pdata[k];
            piece->bar = blk->bar;
            g_ptr_array_add(all, piece);
        }
        ((Blk *)all->pdata[all->len - 1])->keep_with_next = blk->keep_with_next;
        blk->keep_with_next = FALSE;
        g_ptr_array_free(blk->more, TRUE);
        blk->more = NULL;
    }
    g_free(g_ptr_array_steal(b->blocks, NULL));
    g_ptr_array_unref(b->blocks);
    b->blocks = all;
}

/* cmark's own allocator prints "[cmark] realloc returned null pointer" and aborts when
 * memory runs out; GLib's ends the process through g_error ("failed to allocate N bytes"),
 * which the command line turns into one line saying so. */
static void *cm_calloc(size_t n, size_t size)
{
    return g_malloc0_n(MAX(n, 1), MAX(size, 1));
}
static void *cm_realloc(void *p, size_t size)
{
    return g_realloc(p, MAX(size, 1));
} /* never frees */
static cmark_mem cm_glib = {cm_calloc, cm_realloc, g_free};

static cmark_node *parse_markdown(const char *body)
{
    cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &cm_glib);
    cmark_parser_feed(parser, body, strlen(body));
    cmark_node *doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

/* A short paragraph right before a table or KPI list introduces it and stays on its page: on
 * real articles the 指标一览 heading and its one-line intro ended a page and the table began
 * on the next. */
static void keep_intros(GPtrArray *blocks)
{
    for (guint i = 0; i + 1 < blocks->len; i++) {
        Blk *t = blocks->pdata[i];
        const Blk *next = blocks->pdata[i + 1];
        if (t->kind == BLK_TEXT && !t->level && !t->gutter && t->top->len <= 4 &&
            (next->kind == BLK_TABLE || next->kind == BLK_KPI))
            t->keep_with_next = TRUE;
    }
}

gboolean jb_report_build_blocks(Builder *b, GError **error)
{
    const char *body = b->t->body;
    if (!check_fences(b, body, b->t->body_line, error))
        return FALSE;
    cmark_node *doc = parse_markdown(body);
    Where w = {b->t->body_line - 1};
    gboolean ok = check_nesting(b, doc, w.body_line, error) &&
                  add_blocks(b, doc, &w, 0, FALSE, error);
    cmark_node_free(doc);
    if (ok)
        jb_report_add_sources(b);
    place_pieces(b);
    keep_intros(b->blocks);
    return ok;
}
