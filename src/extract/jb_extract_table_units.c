/* jb_extract_table_units.c — the unit a table states once for many cells: in a caption above
 * it (单位：亿元), a note under it (单位：千港元；数据来源：…), or brackets in a header or label
 * (社会消费品零售总额（亿元）).
 *
 * Not for: the figures of the table's cells (jb_extract_table.c), units written after a number
 * (src/number).
 */
#include "jb_extract_priv.h"
#include "jb_extract_table_priv.h"
#include "jb_word_lists.h"

#include <string.h>

/* `u` (owned, stripped) if the number parser knows it as a unit after a number, else NULL
 * (freed). A header's currency before its unit is the 元's own (人民币亿元 → 亿元). */
static char *unit_word(char *u)
{
    for (const char *const *w = jb_words_unit_currency; *w; w++)
        if (g_str_has_prefix(u, *w) && strstr(u + strlen(*w), "元")) {
            memmove(u, u + strlen(*w), strlen(u + strlen(*w)) + 1);
            break;
        }
    g_autofree char *probe = g_strconcat("1", u, NULL);
    JbQuantity q;
    /* (a term or a count in brackets is no unit: 买断式逆回购（3个月）, 国债（10年期）) */
    if (u[0] && !g_ascii_isdigit(u[0]) && g_utf8_strlen(u, -1) <= 6 &&
        jb_number_parse(probe, &q, NULL))
        return u;
    g_free(u);
    return NULL;
}

/* The unit a header or label gives in brackets: “（亿元）” → "亿元", "(%)" → "%", or by a
 * percent sign that ends it (同比±%); NULL. */
char *jb_table_bracket_unit(const char *s)
{
    static const char *const OPEN[] = {"（", "(", NULL}, *const CLOSE[] = {"）", ")", NULL};
    for (int k = 0; OPEN[k]; k++) {
        const char *o = g_strrstr(s, OPEN[k]);
        const char *c = o ? strstr(o, CLOSE[k]) : NULL;
        if (!o || !c)
            continue;
        char *u = unit_word(
            g_strstrip(g_strndup(o + strlen(OPEN[k]), (gsize)(c - o - strlen(OPEN[k])))));
        if (u)
            return u;
    }
    return jb_table_trailing_pct(s) ? g_strdup("%") : NULL;
}

/* The length of a percent sign that ends a header with no brackets, with the sign of a
 * change before it (同比±%, 比重%, 增减％), or 0. */
gsize jb_table_trailing_pct(const char *s)
{
    static const char *const PCT[] = {"%", "％", NULL};
    static const char *const SIGN[] = {"±", "+", "-", "＋", "－", "+/-", NULL};
    gsize len = strlen(s);
    while (len && s[len - 1] == ' ')
        len--;
    for (const char *const *p = PCT; *p; p++) {
        gsize n = strlen(*p);
        if (len <= n || memcmp(s + len - n, *p, n) != 0)
            continue;
        gsize k = len - n, best = 0;
        for (const char *const *g = SIGN; *g; g++) {
            gsize m = strlen(*g);
            if (k >= m && m > best && memcmp(s + k - m, *g, m) == 0)
                best = m;
        }
        /* (a header of a percent alone, or of a number: none) */
        return k - best > 0 && !g_ascii_isdigit(s[k - best - 1]) ? len - (k - best) : 0;
    }
    return 0;
}

/* Does a caption's declaration at `from` name % among its units (单位：亿元，%）)? */
static gboolean caption_names_pct(const char *from)
{
    for (const char *p = from; *p && !g_str_has_prefix(p, "）") && *p != ')' && *p != '\n';
         p = g_utf8_next_char(p))
        if (*p == '%' || g_str_has_prefix(p, "％"))
            return TRUE;
    return FALSE;
}

/* The unit a table states for all its cells (a caption 单位：亿元), or NULL; *pct when it
 * names % too. */
char *jb_table_caption_unit(const char *text, gboolean *pct)
{
    for (const char *const *w = jb_words_unit_declaration; *w; w++) {
        const char *at = strstr(text, *w);
        if (!at)
            continue;
        /* (to the end of the declaration: 单位：百万港元，另有注明者除外） */
        const char *from = at + strlen(*w), *to = from;
        static const char *const END[] = {"）", ")", "，", ",", "；", ";", "、", "　", " ", NULL};
        for (gboolean end = FALSE; *to && !end; to = end ? to : g_utf8_next_char(to))
            for (const char *const *e = END; *e && !end; e++)
                end = g_str_has_prefix(to, *e);
        char *u = unit_word(g_strstrip(g_strndup(from, (gsize)(to - from))));
        if (u) {
            *pct = strcmp(u, "%") != 0 && caption_names_pct(to);
            return u;
        }
    }
    /* (a caption that ends in its unit's brackets: 表1　分季度增速（%）, 主要指标（亿元）) */
    g_autofree char *caption = g_strstrip(g_strdup(text));
    if (g_str_has_suffix(caption, "）") || g_str_has_suffix(caption, ")")) {
        *pct = FALSE;
        return jb_table_bracket_unit(caption);
    }
    return NULL;
}

/* The unit a note under the table states for all its cells (单位：千港元；数据来源：…, the
 * line after its last row, or its last row when that is a note of one cell), as a caption
 * above it does; NULL. */
char *jb_table_note_unit(const JbArticle *a, guint first, guint last, gboolean *pct)
{
    if (last > first + 1) { /* | 单位：亿元 | | |, a footer row */
        g_auto(GStrv)
            cells = g_strsplit(g_ptr_array_index(a->paragraphs, last - 1), JB_CELL_SEP, -1);
        const char *text = NULL;
        guint filled = 0;
        for (guint j = 0; cells[j]; j++)
            if (cells[j][0]) {
                filled++;
                text = cells[j];
            }
        if (filled == 1 && g_utf8_strlen(text, -1) <= 40) {
            char *u = jb_table_caption_unit(text, pct);
            if (u)
                return u;
        }
    }
    if (last >= a->paragraphs->len || (last + 1 < a->paragraphs->len &&
                                       g_array_index(a->kinds, guint8, last + 1) == JB_PARA_TABLE))
        return NULL; /* (a note between two tables: the caption of the one after it) */
    const char *below = g_ptr_array_index(a->paragraphs, last);
    return g_utf8_strlen(below, -1) <= 40 ? jb_table_caption_unit(below, pct) : NULL;
}
