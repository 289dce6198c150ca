/* jb_article_wiki.c — a MediaWiki table in a text file ({| … |}, as a wiki page's source
 * writes it) read as a table: its caption (|+) a row of one cell, its header cells (! a !! b)
 * and data cells (| a || b) a row each between the |- breaks, as a Markdown pipe table's
 * rows are (JB_PARA_TABLE, cells between JB_CELL_SEP). A cell's attributes
 * (style="…" | 12.5) are dropped, its links ([[页面|文字]]) read as their text.
 *
 * Not for: the rest of a wiki page (read as plain text, jb_article_plain.c).
 */
#include "jb_article_priv.h"

static const char *skip_blanks(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static gboolean line_opens(const char *p, const char *e, const char *mark)
{
    gsize n = strlen(mark);
    return (gsize)(e - p) >= n && memcmp(p, mark, n) == 0;
}

/* The text of a cell [a, b) into `out`: its links as their text ([[a|b]] → b, [[a]] → a),
 * bold and italic quotes ('' ''') out, a <ref>…</ref> out, trimmed. */
static void cell_text(const char *a, const char *b, GString *out)
{
    gsize from = out->len;
    for (const char *p = a; p < b;) {
        if (b - p >= 2 && p[0] == '[' && p[1] == '[') {
            const char *close = g_strstr_len(p, b - p, "]]");
            if (close) {
                const char *bar = memchr(p + 2, '|', (size_t)(close - p - 2));
                const char *t = bar ? bar + 1 : p + 2;
                g_string_append_len(out, t, close - t);
                p = close + 2;
                continue;
            }
        }
        if (b - p >= 2 && p[0] == '\'' && p[1] == '\'') {
            while (p < b && *p == '\'')
                p++;
            continue;
        }
        if (b - p >= 4 && memcmp(p, "<ref", 4) == 0) {
            const char *gt = memchr(p, '>', (size_t)(b - p));
            const char *close = gt && gt[-1] != '/' ? g_strstr_len(gt, b - gt, "</ref>") : NULL;
            if (gt) {
                p = close ? close + strlen("</ref>") : gt + 1;
                continue;
            }
        }
        g_string_append_c(out, *p++);
    }
    /* trimmed */
    gsize n = out->len;
    while (n > from && (out->str[n - 1] == ' ' || out->str[n - 1] == '\t'))
        n--;
    g_string_truncate(out, n);
    gsize lead = from;
    while (lead < out->len && (out->str[lead] == ' ' || out->str[lead] == '\t'))
        lead++;
    g_string_erase(out, (gssize)from, (gssize)(lead - from));
}

/* Where a single '|' in [a, b) ends a cell's attributes (style="…" | 12.5), outside links
 * ([[a|b]]); else a. */
static const char *after_attributes(const char *a, const char *b)
{
    int depth = 0;
    for (const char *p = a; p < b; p++) {
        if (b - p >= 2 && p[0] == '[' && p[1] == '[')
            depth++, p++;
        else if (b - p >= 2 && p[0] == ']' && p[1] == ']' && depth > 0)
            depth--, p++;
        else if (*p == '|' && depth == 0)
            return p + 1;
    }
    return a;
}

/* The cells of a line's rest [a, b) split at `sep` (!! or ||, outside links), each appended to
 * `row` with JB_CELL_SEP between cells. */
static void add_cells(GString *row, const char *a, const char *b, const char *sep)
{
    while (a <= b) {
        const char *ce = b;
        int depth = 0;
        for (const char *p = a; p + 1 < b; p++) {
            if (p[0] == '[' && p[1] == '[')
                depth++, p++;
            else if (p[0] == ']' && p[1] == ']' && depth > 0)
                depth--, p++;
            else if (depth == 0 && (memcmp(p, sep, 2) == 0 || memcmp(p, "||", 2) == 0)) {
                ce = p;
                break;
            }
        }
        if (row->len)
            g_string_append(row, JB_CELL_SEP);
        cell_text(after_attributes(a, ce), ce, row);
        if (ce == b)
            break;
        a = ce + 2;
    }
}

static void emit_row(Ctx *c, GString *row, guint line)
{
    if (row->len) {
        c->next_kind = JB_PARA_TABLE;
        jb_article_emit(c, row->str, row->len, line);
    }
    g_string_truncate(row, 0);
}

/* The line of the |} that closes the table opened at line p, or NULL. */
static const char *closing_line(const char *p, const char *end)
{
    for (const char *l = p; l < end;) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (!e)
            e = end;
        if (l > p && line_opens(skip_blanks(l, e), e, "|}"))
            return l;
        if (l > p && line_opens(skip_blanks(l, e), e, "{|"))
            return NULL; /* (another opens first: no table nested in a cell is read) */
        l = e < end ? e + 1 : end;
    }
    return NULL;
}

gboolean jb_article_wiki_table_at(const char *q, const char *e, const char *end)
{
    return line_opens(q, e, "{|") && closing_line(q, end);
}

const char *jb_article_wiki_table(Ctx *c, const char *p, const char *end, guint *line)
{
    const char *close = closing_line(p, end);
    if (!close)
        return NULL;
    GString *row = g_string_new(NULL);
    guint row_line = *line;
    for (const char *l = p; l < end;) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (!e)
            e = end;
        const char *q = skip_blanks(l, e);
        if (l == p) {
            /* {| class="wikitable": its attributes */
        } else if (line_opens(q, e, "|}") || line_opens(q, e, "|-")) {
            emit_row(c, row, row_line);
        } else if (line_opens(q, e, "|+")) {
            emit_row(c, row, row_line);
            row_line = *line;
            add_cells(row, q + 2, e, "||");
            emit_row(c, row, row_line);
        } else if (*q == '!' || *q == '|') {
            if (!row->len)
                row_line = *line;
            add_cells(row, q + 1, e, *q == '!' ? "!!" : "||");
        } else if (q < e && row->len) {
            g_string_append_c(row, ' '); /* a cell's text goes on over the line */
            cell_text(q, e, row);
        }
        if (l == close) {
            emit_row(c, row, row_line);
            g_string_free(row, TRUE);
            return e < end ? e + 1 : end;
        }
        l = e < end ? e + 1 : end;
        (*line)++;
    }
    g_string_free(row, TRUE);
    return end;
}
