/* The sentences behind a briefing's figures: numbered in order of first citation, linked
 * from footnote marks, listed with their article's title, date and URL at the end. */
#include "jb_report_priv.h"

#include "jb_common.h"
#include "jb_number.h"
#include "jb_units.h"

#include <string.h>

void jb_report_pending_free(Pending *p)
{
    g_free(p->needle);
    g_free(p->attr);
    g_free(p);
}

char *jb_report_value_text(const JbSeriesRow *row)
{
    if (!row->stated)
        return g_strdup(row->cell[JB_SERIES_VALUE]);
    return jb_units_label(&row->fig, row->unit, JB_LABEL_FULL_UNIT);
}

static void entry_free(SourceEntry *e)
{
    g_free(e->source);
    g_free(e->published);
    g_free(e->quote);
    g_free(e->title);
    g_free(e->url);
    g_free(e->publisher);
    g_free(e);
}

static const JbCitations *citations(Builder *b)
{
    if (b->in->citations)
        return b->in->citations;
    if (!b->own_citations && b->in->metrics) {
        b->own_citations = jb_citations_new();
        for (guint r = 0; r < jb_table_n_rows(b->in->metrics); r++)
            jb_citations_add(b->own_citations, b->in->metrics, r);
        jb_citations_finish(b->own_citations, b->in->series);
    }
    return b->own_citations;
}

GArray *jb_report_cite(Builder *b, guint row)
{
    GArray *numbers = g_array_new(FALSE, FALSE, sizeof(int));
    const JbCitations *cit = citations(b);
    if (!cit)
        return numbers;
    if (!b->entries) {
        b->entries = g_ptr_array_new_with_free_func((GDestroyNotify)entry_free);
        b->entry_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    }
    guint more = 0;
    const GPtrArray *rows = jb_citations_rows(cit, row, &more);
    SourceEntry *last = NULL;
    for (guint i = 0; i < rows->len; i++) {
        const JbCitedRow *r = g_ptr_array_index(rows, i);
        g_autofree char *key = g_strconcat(r->source, "\n", r->quote, NULL);
        SourceEntry *e = g_hash_table_lookup(b->entry_of, key);
        if (!e) {
            e = g_new0(SourceEntry, 1);
            e->n = (int)b->entries->len + 1;
            e->source = g_strdup(r->source);
            e->published = g_strdup(r->published);
            e->quote = g_strdup(r->quote);
            e->title = g_strdup(r->title);
            e->url = g_strdup(r->url);
            e->publisher = g_strdup(r->publisher);
            g_ptr_array_add(b->entries, e);
            g_hash_table_insert(b->entry_of, g_steal_pointer(&key), e);
        }
        gboolean seen = FALSE;
        for (guint k = 0; k < numbers->len; k++)
            seen |= g_array_index(numbers, int, k) == e->n;
        if (!seen)
            g_array_append_val(numbers, e->n);
        last = e;
    }
    if (last && more)
        last->more = MAX(last->more, (int)more);
    return numbers;
}

static int int_cmp(gconstpointer a, gconstpointer b)
{
    return *(const int *)a - *(const int *)b;
}

void jb_report_footnote(GString *markup, GPtrArray *pending, GArray *numbers, double size)
{
    g_array_sort(numbers, int_cmp);
    /* not <sup>, whose rise follows whatever font surrounds it: one size and one raised
     * baseline for every mark of a text, in absolute units */
    int mark_size = (int)(size * FOOTNOTE_SIZE * PANGO_SCALE),
        rise = (int)(size * FOOTNOTE_RISE * PANGO_SCALE);
    for (guint i = 0; i < numbers->len; i++) {
        int n = g_array_index(numbers, int, i);
        Pending *p = g_new0(Pending, 1);
        p->needle = g_strdup_printf("[%d]", n);
        p->attr = g_strdup_printf("dest='src-%d'", n);
        g_string_append_printf(markup,
                               "<span size=\"%d\" rise=\"%d\" foreground=\"" ACCENT "\">%s</span>",
                               mark_size, rise, p->needle);
        g_ptr_array_add(pending, p);
    }
}

gboolean jb_report_link_allowed(const char *url)
{
    return g_ascii_strncasecmp(url, "http://", 7) == 0 ||
           g_ascii_strncasecmp(url, "https://", 8) == 0 ||
           g_ascii_strncasecmp(url, "mailto:", 7) == 0;
}

/* cairo reads link attributes as single-quoted strings: a quote or backslash in a URL
 * would put the context into an error state, so they (and spaces) are percent-encoded. */
static char *uri_attr(const char *url)
{
    GString *s = g_string_new("uri='");
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p == '\'' || *p == '\\' || *p <= ' ' || *p == 0x7f)
            g_string_append_printf(s, "%%%02X", *p);
        else
            g_string_append_c(s, (char)*p);
    }
    g_string_append_c(s, '\'');
    return g_string_free(s, FALSE);
}

/* A URL as a reader reads it: the percent-escapes of non-ASCII bytes decoded, as browsers
 * show them (a Chinese path was five lines of %E5%A4%B1… in the sources); escapes of ASCII
 * characters (%2F, %20) stay, and a URL whose decoded bytes are not UTF-8 is shown as it is.
 * The link keeps the URL as written. GLib's g_uri_unescape_string decodes every escape. */
char *jb_report_url_shown(const char *url)
{
    GString *s = g_string_new(NULL);
    for (const char *p = url; *p; p++) {
        int hi, lo;
        if (p[0] == '%' && (hi = g_ascii_xdigit_value(p[1])) >= 0 &&
            (lo = g_ascii_xdigit_value(p[2])) >= 0 && hi >= 8) {
            g_string_append_c(s, (char)(hi << 4 | lo));
            p += 2;
        } else {
            g_string_append_c(s, *p);
        }
    }
    if (!g_utf8_validate(s->str, (gssize)s->len, NULL)) {
        g_string_free(s, TRUE);
        return g_strdup(url);
    }
    return g_string_free(s, FALSE);
}

void jb_report_add_sources(Builder *b)
{
    g_autoptr(GString) m = g_string_new(NULL);
    b->h1++;
    b->h2 = 0;
    g_string_printf(m, "%d  数据来源", b->h1);
    Blk *h = jb_report_text_blk(b, m->str, NULL, 16, TRUE, 0, 22, "#1A1A1A", FALSE);
    h->keep_with_next = TRUE;
    h->flush_floats = TRUE; /* every figure before the sources */
    h->level = 1;
    h->outline = g_strdup(pango_layout_get_text(h->layout));
    g_ptr_array_add(b->blocks, h);
    if (!b->in->metrics && !b->in->citations) {
        g_ptr_array_add(b->blocks, jb_report_text_blk(b, "（未提供 metrics.csv，无法列出原文。）",
                                                      NULL, 10, FALSE, 0, 6, "#555555", FALSE));
        return;
    }
    Blk *intro = jb_report_text_blk(
        b, "下列语句按在正文中首次引用的顺序编号，正文数字右上角的编号即指向这里。", NULL, 9.5,
        FALSE, 0, 4, "#666666", FALSE);
    intro->keep_with_next = TRUE;
    g_ptr_array_add(b->blocks, intro);
    for (guint i = 0; b->entries && i < b->entries->len; i++) {
        const SourceEntry *e = g_ptr_array_index(b->entries, i);
        g_autoptr(GPtrArray)
            pending = g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
        g_autofree char *q = g_markup_escape_text(e->quote, -1);
        g_autofree char *title = g_markup_escape_text(e->title, -1);
        g_autofree char *who = g_markup_escape_text(e->publisher, -1);
        g_autofree char *src = g_markup_escape_text(e->source, -1);
        const char *date = *e->published ? e->published : "日期不详";
        /* by title and publisher; the file's path only when the page stated neither */
        g_string_printf(m, "“%s”\n<span size=\"8704\" foreground=\"#666666\">", q);
        if (*e->title)
            g_string_append_printf(m, "《%s》　", title);
        if (*e->publisher)
            g_string_append_printf(m, "%s　", who);
        if (!*e->title && !*e->publisher)
            g_string_append_printf(m, "%s　", src);
        g_string_append(m, date);
        if (*e->url) {
            g_autofree char *shown = jb_report_url_shown(e->url);
            g_autofree char *url = g_markup_escape_text(shown, -1);
            g_string_append_printf(m, "　<span foreground=\"" ACCENT "\">%s</span>", url);
            if (jb_report_link_allowed(e->url)) { /* else shown, but no link */
                Pending *p = g_new0(Pending, 1);
                p->needle = g_strdup(shown);
                p->attr = uri_attr(e->url);
                g_ptr_array_add(pending, p);
            }
        }
        if (e->more)
            g_string_append_printf(m, "　另有 %d 篇报道陈述同一数字", e->more);
        g_string_append(m, "</span>");
        Blk *blk = jb_report_text_blk(b, m->str, pending, 10, FALSE, 28, 7, "#222222", FALSE);
        g_autofree char *num = g_strdup_printf("[%d]", e->n);
        blk->gutter = jb_layout_new(b->pango, num, FALSE, 10, TRUE, -1);
        blk->dest = g_strdup_printf("name='src-%d'", e->n);
        g_ptr_array_add(b->blocks, blk);
    }
}
