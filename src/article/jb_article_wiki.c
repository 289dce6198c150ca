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

/* ---- an infobox ({{Infobox settlement | key = value … }}) ------------------------------- */

static gboolean infobox_open(const char *q, const char *e)
{
    if (!line_opens(q, e, "{{"))
        return FALSE;
    const char *n = skip_blanks(q + 2, e);
    return (e - n >= 7 && g_ascii_strncasecmp(n, "infobox", 7) == 0) || line_opens(n, e, "信息框");
}

/* The line of the }} that closes the infobox opened at line p (within 300 lines), or NULL. */
static const char *infobox_close(const char *p, const char *end)
{
    guint n = 0;
    for (const char *l = p; l < end && n < 300; n++) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (!e)
            e = end;
        const char *q = skip_blanks(l, e), *qe = e;
        while (qe > q && (qe[-1] == ' ' || qe[-1] == '\t' || qe[-1] == '\r'))
            qe--;
        if (l > p && qe - q == 2 && q[0] == '}' && q[1] == '}')
            return l;
        l = e < end ? e + 1 : end;
    }
    return NULL;
}

gboolean jb_article_wiki_infobox_at(const char *q, const char *e, const char *end)
{
    return infobox_open(q, e) && infobox_close(q, end);
}

/* Is an infobox's key one of a code or of the page's furniture (postal_code, area_code,
 * license_plate, coordinates, image_size), whose digits are no quantity? */
static gboolean code_key(const char *k, gsize n)
{
    static const char *const CODE[] = {"code",     "zip",   "postal",    "plate", "coor",    "latd",
                                       "latitude", "longd", "longitude", "image", "caption", "map",
                                       "size",     "width", "website",   "url",   "邮",      "区号",
                                       "代码",     "编码",  "電話",      "电话",  NULL};
    g_autofree char *key = g_ascii_strdown(k, (gssize)n);
    for (const char *const *w = CODE; *w; w++)
        if (strstr(key, *w))
            return TRUE;
    return FALSE;
}

/* Its text with no {{template}} in it ({{CHN}}, {{URL|…}}), in place. */
static void drop_templates(GString *s)
{
    for (char *o; (o = strstr(s->str, "{{"));) {
        char *c = strstr(o, "}}");
        if (!c)
            break;
        g_string_erase(s, o - s->str, c + 2 - o);
    }
}

/* A parameter's line (| key = value) as a row, key and value, when its value is a figure:
 * it opens with a digit and is no date (2025年末, 2024-05-01) nor a code (0917); a time in
 * brackets after it (286.4亿元（2025年）) goes with the key, as a row label's time. */
static void infobox_row(Ctx *c, const char *q, const char *e, guint line, char *const *as_of)
{
    const char *eq = q < e && *q == '|' ? memchr(q, '=', (size_t)(e - q)) : NULL;
    if (!eq)
        return;
    const char *k = skip_blanks(q + 1, eq), *ke = eq;
    while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t'))
        ke--;
    if (ke == k || code_key(k, (gsize)(ke - k)))
        return;
    const char *when = NULL; /* pop_as_of = 2025年末: pop_total's time */
    for (guint i = 0; as_of[i]; i += 2)
        if ((gsize)(ke - k) > strlen(as_of[i]) && strncmp(k, as_of[i], strlen(as_of[i])) == 0)
            when = as_of[i + 1];
    GString *v = g_string_new(NULL);
    cell_text(eq + 1, e, v);
    drop_templates(v);
    const char *d = v->str;
    while (g_ascii_isdigit(*d) || *d == ',')
        d++;
    gboolean figure = g_ascii_isdigit(v->str[0]) &&
                      !(v->str[0] == '0' && g_ascii_isdigit(v->str[1])) &&
                      !g_str_has_prefix(d, "年") && *d != '-' && *d != '/';
    if (figure) {
        GString *row = g_string_new(NULL);
        g_string_append_len(row, k, ke - k);
        if (when)
            g_string_append_printf(row, "（%s）", when);
        const char *o = when ? NULL : strstr(v->str, "（");
        const char *cl = o ? strstr(o, "）") : NULL;
        if (cl && strstr(o, "年") && strstr(o, "年") < cl) { /* （2025年） */
            g_string_append_len(row, o, cl + strlen("）") - o);
            g_string_erase(v, o - v->str, cl + strlen("）") - o);
        }
        g_string_append(row, JB_CELL_SEP);
        g_string_append(row, v->str);
        c->next_kind = JB_PARA_TABLE;
        jb_article_emit(c, row->str, row->len, line);
        g_string_free(row, TRUE);
    }
    g_string_free(v, TRUE);
}

const char *jb_article_wiki_infobox(Ctx *c, const char *p, const char *end, guint *line)
{
    const char *close = infobox_close(p, end);
    if (!close)
        return NULL;
    /* the times its parameters are as of (population_as_of = 2025年末): prefix, time, … */
    GPtrArray *as_of = g_ptr_array_new_with_free_func(g_free);
    for (const char *l = p; l < close;) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        const char *q = skip_blanks(l, e);
        const char *at = q < e && *q == '|' ? g_strstr_len(q, e - q, "_as_of") : NULL;
        const char *eq = at ? memchr(at, '=', (size_t)(e - at)) : NULL;
        if (eq && as_of->len < 16 && skip_blanks(at + strlen("_as_of"), e) == eq) {
            GString *v = g_string_new(NULL);
            cell_text(eq + 1, e, v);
            if (v->len && g_ascii_isdigit(v->str[0])) {
                g_ptr_array_add(as_of, g_strndup(skip_blanks(q + 1, at),
                                                 (gsize)(at - skip_blanks(q + 1, at)) + 1));
                g_ptr_array_add(as_of, g_string_free(v, FALSE));
            } else {
                g_string_free(v, TRUE);
            }
        }
        l = e + 1;
    }
    g_ptr_array_add(as_of, NULL);
    const char *after = end;
    for (const char *l = p; l < end;) {
        const char *e = memchr(l, '\n', (size_t)(end - l));
        if (!e)
            e = end;
        if (l == close) {
            after = e < end ? e + 1 : end;
            break;
        }
        if (l > p)
            infobox_row(c, skip_blanks(l, e), e, *line, (char *const *)as_of->pdata);
        l = e < end ? e + 1 : end;
        (*line)++;
    }
    g_ptr_array_unref(as_of);
    return after;
}

/* ---- a wiki page's text ------------------------------------------------------------------ */

void jb_article_wiki_inline(GString *out, const char *p, const char *e)
{
    /* (jb_find, not memmem: memmem's setup costs more than the scan for these rare marks,
     * and this runs on every line of a text file) */
    if (!jb_find(p, e, "[[", 2) && !jb_find(p, e, "<ref", 4) && !jb_find(p, e, "'''", 3)) {
        g_string_append_len(out, p, e - p);
        return;
    }
    GString *t = g_string_new(NULL);
    cell_text(p, e, t);
    drop_templates(t);
    g_string_append_len(out, t->str, (gssize)t->len);
    g_string_free(t, TRUE);
}

gboolean jb_article_wiki_heading_at(const char *q, const char *e, const char **h, const char **t)
{
    const char *he = e;
    while (he > q && (he[-1] == ' ' || he[-1] == '\t' || he[-1] == '\r'))
        he--;
    if (he - q < 5 || q[0] != '=' || q[1] != '=' || he[-1] != '=' || he[-2] != '=')
        return FALSE;
    const char *a = q, *b = he;
    while (a < b && *a == '=')
        a++;
    while (b > a && b[-1] == '=')
        b--;
    if (a - q != he - b || a - q > 6)
        return FALSE; /* (as many marks each side) */
    a = skip_blanks(a, b);
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
        b--;
    *h = a;
    *t = b;
    return b > a;
}
