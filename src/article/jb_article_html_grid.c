/* jb_article_html_grid.c — a <table>'s cells laid out as the grid they draw: a cell spanning
 * columns (colspan) written once for each, a cell spanning rows (rowspan) written again at
 * its column in each row below (a header's over each column it spans), so that a statistics release's two header rows (10月份 over
 * 绝对量 | 同比增长) and its row labels (客运量 over 公路, 水路, 民航) stand over and beside
 * the cells they head, as the table reader counts them.
 *
 * Not for: reading the markup (jb_article_html.c), reading the table (jb_extract_table.c).
 */
#include "jb_article_priv.h"

#include <string.h>

/* Spans past these are cut to them: a hostile colspan="100000" would copy its text that
 * many times. */
#define GRID_SPAN_MAX 64
#define GRID_COLUMNS_MAX 256

void jb_grid_clear(JbGrid *g)
{
    if (g->carry)
        g_ptr_array_unref(g->carry);
    if (g->rows_left)
        g_array_unref(g->rows_left);
    memset(g, 0, sizeof *g);
}

void jb_grid_row_start(JbGrid *g)
{
    g->col = 0;
    g->cells = 0;
    g->open = FALSE;
}

/* Is column `col` filled by a cell from a row above? */
static gboolean carried(const JbGrid *g, int col)
{
    return g->carry && col < (int)g->carry->len && g_array_index(g->rows_left, int, col) > 0;
}

static void put_cell(JbGrid *g, GString *para, const char *text, gsize n)
{
    if (g->cells++ > 0)
        g_string_append(para, JB_CELL_SEP);
    g_string_append_len(para, text, (gssize)n);
}

/* The cells carried down into the columns from g->col on, up to the first one that is not. */
static void put_carried(JbGrid *g, GString *para)
{
    while (carried(g, g->col)) {
        const char *text = g_ptr_array_index(g->carry, g->col);
        put_cell(g, para, text, strlen(text));
        g_array_index(g->rows_left, int, g->col)--;
        g->col++;
    }
}

static int span_value(const char *v)
{
    long n = v ? strtol(v, NULL, 10) : 1;
    return n < 1 ? 1 : n > GRID_SPAN_MAX ? GRID_SPAN_MAX : (int)n;
}

void jb_grid_cell_start(JbGrid *g, GString *para, const char *colspan, const char *rowspan,
                        gboolean header)
{
    g->header = header;
    put_carried(g, para);
    if (g->cells++ > 0)
        g_string_append(para, JB_CELL_SEP);
    g->from = para->len;
    g->colspan = span_value(colspan);
    g->rowspan = span_value(rowspan);
    g->open = TRUE;
}

void jb_grid_cell_end(JbGrid *g, GString *para)
{
    if (!g->open)
        return;
    g->open = FALSE;
    if (g->from > para->len)
        return; /* (the paragraph was flushed inside the cell: a container dropped there) */
    if (g->colspan == 1 && g->rowspan == 1) {
        g->col = MIN(g->col + 1, GRID_COLUMNS_MAX); /* (most cells: nothing to copy) */
        return;
    }
    g_autofree char *text = g_strndup(para->str + g->from, para->len - g->from);
    gsize n = strlen(text);
    /* (a header's text over each column it spans; a data cell's once, the rest empty: a
     * row of one cell across the table is a section's name or a note, no row of headers) */
    for (int k = 1; k < g->colspan && g->col + k < GRID_COLUMNS_MAX; k++)
        put_cell(g, para, text, g->header ? n : 0);
    if (g->rowspan > 1) {
        if (!g->carry) {
            g->carry = g_ptr_array_new_with_free_func(g_free);
            g->rows_left = g_array_new(FALSE, TRUE, sizeof(int));
        }
        for (int k = 0; k < g->colspan && g->col + k < GRID_COLUMNS_MAX; k++) {
            guint col = (guint)(g->col + k);
            if (col >= g->carry->len) {
                g_ptr_array_set_size(g->carry, (gint)col + 1);
                g_array_set_size(g->rows_left, col + 1);
            }
            g_free(g_ptr_array_index(g->carry, col));
            g_ptr_array_index(g->carry, col) = g_strdup(text);
            g_array_index(g->rows_left, int, col) = g->rowspan - 1;
        }
    }
    g->col = MIN(g->col + g->colspan, GRID_COLUMNS_MAX);
}

void jb_grid_row_end(JbGrid *g, GString *para)
{
    jb_grid_cell_end(g, para);
    put_carried(g, para);
}
