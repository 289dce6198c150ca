/* jb_report_inline.c — inline Markdown (cmark's inline nodes: text, code, emphasis, links)
 * to Pango markup for a block's layout, the template's reference marks turned into footnotes
 * and links into clickable spans on the way.
 *
 * Not for: the blocks themselves (jb_report_blocks.c), footnote numbers (jb_report_sources.c).
 */
#include "jb_report_priv.h"

#include <cmark.h>
#include <string.h>

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
            const GArray *rows = jb_series_rows_of(b->in->series, ref->metric_id);
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
            jb_report_footnote(out, pending, numbers, b->text_size);
        }
        p = end + 1;
    }
}

void jb_report_inline_markup(Builder *b, cmark_node *node, GString *out, GPtrArray *pending)
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
            jb_report_inline_markup(b, n, out, pending);
            g_string_append(out, "</b>");
            break;
        case CMARK_NODE_EMPH:
            g_string_append(out, "<i>");
            jb_report_inline_markup(b, n, out, pending);
            g_string_append(out, "</i>");
            break;
        case CMARK_NODE_LINK: {
            g_string_append(out, "<span foreground=\"" ACCENT "\">");
            gsize start = out->len;
            jb_report_inline_markup(b, n, out, NULL);
            /* the link text becomes clickable when it is found again in the layout */
            const char *url = cmark_node_get_url(n);
            if (pending && url && *url && jb_report_link_allowed(url) && out->len > start) {
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
            jb_report_inline_markup(b, n, out, pending);
        }
    }
}
