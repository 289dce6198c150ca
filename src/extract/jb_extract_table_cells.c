/* jb_extract_table_cells.c — the shapes a table's cell comes in: a plain number, a plain
 * range, a placeholder for no value (—, -, /), a band that defines its row's class (少于40平方米,
 * 40至69.9平方米, 160平方米或以上) — and which columns of a table are bands.
 *
 * Not for: reading a cell's quantity or the statements of a row (jb_extract_table.c).
 */
#include "jb_extract_table_priv.h"

#include <string.h>

/* A cell that is a plain signed decimal, perhaps with %: "353564", "-12.5%", "3.2". */
gboolean jb_table_plain_number(const char *s)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    gboolean digit = FALSE, point = FALSE;
    for (; *p; p++) {
        if (g_ascii_isdigit(*p))
            digit = TRUE;
        else if (*p == '.' && !point && digit)
            point = TRUE;
        else if (*p == ',' && digit)
            continue;
        else
            break;
    }
    if (*p == '%')
        p++;
    return digit && *p == '\0';
}

/* A cell that is a range of two plain numbers: "3,000-5,000", "1.5～2.0", "8至12". */
gboolean jb_table_plain_range(const char *s)
{
    static const char *const SEP[] = {"-", "—", "–", "～", "~", "至", NULL};
    const char *p = s + (*s == '-' || *s == '+');
    while (g_ascii_isdigit(*p) || *p == ',' || *p == '.')
        p++;
    if (p == s)
        return FALSE;
    for (const char *const *w = SEP; *w; w++)
        if (g_str_has_prefix(p, *w) && g_ascii_isdigit(p[strlen(*w)])) {
            g_autofree char *low = g_strndup(s, (gsize)(p - s));
            return jb_table_plain_number(low) && jb_table_plain_number(p + strlen(*w));
        }
    return FALSE;
}

/* A cell standing for no value: dashes, a slash, dots (—, --, －, /, …), blank. */
gboolean jb_table_placeholder(const char *cell)
{
    static const char *const MARK[] = {"—", "–", "－", "-", "/", "…", "·", " ", NULL};
    const char *p = cell;
    while (*p) {
        const char *const *w = MARK;
        while (*w && !g_str_has_prefix(p, *w))
            w++;
        if (!*w)
            return FALSE;
        p += strlen(*w);
    }
    return TRUE;
}

/* Does the cell bound a class with a word of comparison (少于40平方米, 160平方米或以上,
 * 不足1万元, 65岁及以上)? A figure of data is written bare in a table; a band says who is in
 * the row. */
static gboolean bound_band(const char *cell)
{
    static const char *const W[] = {"少于", "少於",   "不足",   "低于", "低於", "以下",
                                    "以上", "或以上", "及以上", "未满", "未滿", NULL};
    if (!g_ascii_isdigit(*cell) && !g_str_has_prefix(cell, "少") && !g_str_has_prefix(cell, "不") &&
        !g_str_has_prefix(cell, "低") && !g_str_has_prefix(cell, "未"))
        return FALSE;
    for (const char *const *w = W; *w; w++)
        if (strstr(cell, *w))
            return TRUE;
    return FALSE;
}

/* Is the cell a band's range with a unit inside (40至69.9平方米, 25-34岁)? Digits, a
 * separator, digits, then a word. */
static gboolean range_band(const char *cell)
{
    JbQuantity q;
    return g_ascii_isdigit(*cell) && !jb_table_plain_range(cell) &&
           jb_number_parse(cell, &q, NULL) && q.is_range && q.unit[0] && strcmp(q.unit, "%") != 0;
}

guint64 jb_table_band_columns(const JbArticle *a, guint first, guint last)
{
    guint64 bounded = 0, other = 0;
    for (guint i = first; i < last; i++) {
        const char *row = g_ptr_array_index(a->paragraphs, i);
        g_auto(GStrv) cells = g_strsplit(row, JB_CELL_SEP, 65);
        guint n = g_strv_length(cells);
        for (guint j = 1; j + 1 < n && j < 64; j++) {
            guint64 bit = (guint64)1 << j;
            if (bound_band(cells[j]))
                bounded |= bit;
            else if (!range_band(cells[j]) && !jb_table_placeholder(cells[j]) &&
                     (jb_table_plain_number(cells[j]) || jb_table_plain_range(cells[j])))
                other |= bit; /* (a plain figure: a column of data) */
        }
    }
    return bounded & ~other;
}
