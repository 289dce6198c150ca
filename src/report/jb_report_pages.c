/* Pagination: the blocks' pieces onto pages (no widows or orphans, a KPI list and a table
 * row whole, a heading never alone at a page's foot, charts floating to the next page or
 * drawn a little shorter, no lone entry on the last page), and how many rows a `latest fill`
 * KPI list needs to fill its page. Drawing is jb_report.c's. */
#include "jb_report_priv.h"

#include <math.h>

static guint n_pieces(const Blk *b)
{
    return b->top->len - 1;
}

static double part_h(const Blk *b, guint from, guint to)
{
    const double *top = (const double *)b->top->data;
    return top[to] - top[from] + (from == 0 ? top[0] : b->head_h);
}

/* The least of a block that may start a page: two lines of text, a chart, a table's header
 * and first row. */
static double min_start(const Blk *b)
{
    guint n = n_pieces(b);
    /* a text block of fewer than four lines is never split (two on each side), a table
     * starts with two rows (see fitting) */
    guint k = b->kind == BLK_TEXT ? (n < 4 ? n : 2) : b->kind == BLK_TABLE ? (n < 3 ? n : 2) : 1;
    return b->before + part_h(b, 0, k);
}

/* What must follow block i on its page: the least of the next block that may start a page;
 * when that block keeps with its own next (a heading over a one-line intro), all of it and
 * what must follow it in turn, or the first block would be left alone at the page's foot. */
static double min_follow(GPtrArray *blocks, guint i)
{
    double h = 0;
    /* (no further than a page: more never fits, and a run of 20000 headings, each keeping
     * with the next, was walked to its end from each of them) */
    for (guint j = i + 1; j < blocks->len && h <= PAGE_H; j++) {
        const Blk *next = g_ptr_array_index(blocks, j);
        if (!next->keep_with_next || j + 1 == blocks->len)
            return h + min_start(next);
        h += next->before + part_h(next, 0, n_pieces(next));
    }
    return h;
}

/* Pagination state. A chart that does not fit where it comes floats: the text after it
 * continues on the page, and the chart (with its caption) opens the next one — so no page is
 * left a third empty. Floats keep their order and never pass the next section's heading
 * (flush_floats: a level-1 heading, the sources). */
typedef struct {
    GPtrArray *blocks;
    GArray *places; /* Place */
    GArray *floats; /* guint: chart blocks waiting for a page, each followed by its caption */
    int page;
    double y;
    gboolean empty; /* nothing on this page yet */
} Pager;

static void put_part(Pager *pg, Blk *b, guint from, guint to)
{
    Place p = {b, pg->page, pg->y + (pg->empty ? 0 : b->before), from, to};
    g_array_append_val(pg->places, p);
    pg->y = p.y + part_h(b, from, to);
    pg->empty = FALSE;
}

/* The height a chart and its caption take where the page stands. */
static double float_h(const Pager *pg, guint i)
{
    const Blk *c = g_ptr_array_index(pg->blocks, i), *cap = g_ptr_array_index(pg->blocks, i + 1);
    return (pg->empty ? 0 : c->before) + part_h(c, 0, n_pieces(c)) + cap->before +
           part_h(cap, 0, n_pieces(cap));
}

static gboolean put_float(Pager *pg, guint i, gboolean force)
{
    if (!force && pg->y + float_h(pg, i) > PAGE_H - MARGIN_BOTTOM + 0.01)
        return FALSE;
    for (guint k = i; k <= i + 1; k++) {
        Blk *b = g_ptr_array_index(pg->blocks, k);
        put_part(pg, b, 0, n_pieces(b));
    }
    return TRUE;
}

/* A chart that does not fit at the foot of a page floats, and the text after it fills the
 * page. When that text would not fill it (the next section follows, or another chart: a
 * briefing of two metrics left a third of page 1 empty under the 趋势 intro), a chart that
 * fits at CHART_SHRINK_MIN of its height or more is drawn shorter instead (at the page's
 * width: its text keeps its size, its plot is less tall). */
#define CHART_SHRINK_MIN 0.7

static gboolean shrink_float(Pager *pg, guint i)
{
    Blk *c = g_ptr_array_index(pg->blocks, i);
    const Blk *cap = g_ptr_array_index(pg->blocks, i + 1);
    double h = part_h(c, 0, n_pieces(c));
    double room = PAGE_H - MARGIN_BOTTOM - pg->y - (pg->empty ? 0 : c->before) - cap->before -
                  part_h(cap, 0, n_pieces(cap));
    if (pg->empty || h <= 0 || room < CHART_SHRINK_MIN * h || room >= h)
        return FALSE;
    /* the text that would fill the page while the chart floats: enough when it leaves less
     * than a fifth of the page empty */
    double left = PAGE_H - MARGIN_BOTTOM - pg->y - (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) / 5;
    double after = 0;
    for (guint j = i + 2; j < pg->blocks->len && after < left; j++) {
        const Blk *t = g_ptr_array_index(pg->blocks, j);
        if (t->floats || t->flush_floats || t->break_before)
            break;
        after += t->before + part_h(t, 0, n_pieces(t));
    }
    if (after >= left)
        return FALSE;
    double cw, ch;
    jb_chart_size(c->chart, &cw, &ch);
    jb_chart_set_size(c->chart, cw, floor(ch * room / h));
    jb_report_blk_measure(c);
    return TRUE;
}

/* A new page, opened by the charts waiting for one (as many as fit, in order). */
static void new_page(Pager *pg)
{
    pg->page++;
    pg->y = MARGIN_TOP;
    pg->empty = TRUE;
    while (pg->floats->len) {
        guint i = g_array_index(pg->floats, guint, 0);
        if (!put_float(pg, i, pg->empty)) /* taller than a page: it overflows alone */
            break;
        g_array_remove_index(pg->floats, 0);
    }
}

/* How many pieces of block b (from `from`) go on this page: as many as fit, but no widows or
 * orphans (two lines or table rows on each side of a break), a KPI list whole. */
static guint fitting(const Pager *pg, guint i, guint from)
{
    const Blk *b = g_ptr_array_index(pg->blocks, i);
    guint n = n_pieces(b), k = from;
    double avail = PAGE_H - MARGIN_BOTTOM - pg->y - (pg->empty ? 0 : b->before);
    while (k < n && part_h(b, from, k + 1) <= avail + 0.01)
        k++;
    if ((b->kind == BLK_TEXT || b->kind == BLK_TABLE) && k < n) {
        if (n - k < 2)
            k = n >= 2 ? n - 2 : 0;
        if (k < from + 2 || n < (b->kind == BLK_TEXT ? 4u : 3u))
            k = from;
    }
    if (b->kind == BLK_KPI && k < n && from == 0 && !pg->empty)
        k = from; /* a KPI list moves whole to the next page unless it is taller than one */
    if (k == n && b->keep_with_next && i + 1 < pg->blocks->len && from == 0 &&
        part_h(b, from, n) + min_follow(pg->blocks, i) > avail + 0.01)
        k = from; /* a heading never ends a page alone */
    return k;
}

static GArray *paginate_once(GPtrArray *blocks, double first_top, int *pages)
{
    g_autoptr(GArray) floats = g_array_new(FALSE, FALSE, sizeof(guint));
    Pager pg = {blocks, g_array_new(FALSE, FALSE, sizeof(Place)), floats, 1, first_top, TRUE};
    for (guint i = 0; i < blocks->len; i++) {
        Blk *b = g_ptr_array_index(blocks, i);
        if (b->floats && i + 1 < blocks->len) {
            if (pg.floats->len || !(put_float(&pg, i, pg.empty) ||
                                    (shrink_float(&pg, i) && put_float(&pg, i, FALSE))))
                g_array_append_val(pg.floats, i); /* behind the charts before it, in order */
            i++;                                  /* its caption goes with it */
            continue;
        }
        while (b->flush_floats && pg.floats->len)
            new_page(&pg);
        if (b->break_before && !pg.empty)
            new_page(&pg);
        guint n = n_pieces(b), from = 0;
        while (from < n) {
            guint k = fitting(&pg, i, from);
            if (k == from && !pg.empty) {
                new_page(&pg);
                continue;
            }
            if (k == from)
                k = from + 1; /* taller than a page: let it overflow rather than loop */
            put_part(&pg, b, from, k);
            from = k;
            if (from < n)
                new_page(&pg);
        }
    }
    while (pg.floats->len)
        new_page(&pg);
    *pages = pg.page;
    return pg.places;
}

/* No page holds a lone entry: when the last page would hold a single block (a source entry,
 * a list item), the block before it goes over too. Repeated while that helps, at most a few
 * times (each takes one more block from the page before). */
GArray *jb_report_paginate(GPtrArray *blocks, double first_top, int *pages)
{
    GArray *places = paginate_once(blocks, first_top, pages);
    for (int round = 0; round < 3 && *pages > 1; round++) {
        guint n = places->len, on_last = 0;
        while (on_last < n && g_array_index(places, Place, n - 1 - on_last).page == *pages)
            on_last++;
        if (on_last != 1 || n < 3)
            break;
        const Place *lone = &g_array_index(places, Place, n - 1);
        Place *prev = &g_array_index(places, Place, n - 2);
        if (lone->from != 0 || prev->from != 0 || prev->to != n_pieces(prev->blk) ||
            prev->blk->kind != BLK_TEXT || prev->blk->keep_with_next ||
            g_array_index(places, Place, n - 3).page != prev->page)
            break; /* only whole text blocks move, and one must stay behind */
        prev->blk->break_before = TRUE;
        g_array_unref(places);
        places = paginate_once(blocks, first_top, pages);
    }
    return places;
}

double jb_report_part_h(const Blk *b, guint from, guint to)
{
    return part_h(b, from, to);
}

/* The rows a `latest fill` KPI list of `n` rows should have: more while the foot of its page
 * has room for them, as measured — the room left below the last thing on the page, when the
 * briefing goes on to another page (a chart that did not fit, a heading kept with what
 * follows), divided by the list's mean row. Fewer when the last estimate broke the list over
 * two pages (then `ceiling` keeps it from growing back). */
guint jb_report_fill_rows(const Builder *b, GArray *places, int pages, guint n, guint *ceiling)
{
    const Blk *k = b->fill_blk;
    int page = 0, parts = 0;
    for (guint i = 0; i < places->len; i++) {
        const Place *p = &g_array_index(places, Place, i);
        if (p->blk == k) {
            page = p->page;
            parts++;
        }
    }
    if (parts != 1) { /* broken over two pages: one row fewer, for good */
        *ceiling = n;
        return n > KPI_FILL_MIN ? n - 1 : n;
    }
    if (page == pages)
        return n; /* nothing after it waits for room */
    double bottom = 0;
    for (guint i = 0; i < places->len; i++) {
        const Place *p = &g_array_index(places, Place, i);
        if (p->page == page)
            bottom = fmax(bottom, p->y + part_h(p->blk, p->from, p->to));
    }
    guint rows = k->cards->len;
    double row = (part_h(k, 0, n_pieces(k)) + KPI_GAP) / rows;
    guint more = (guint)floor((PAGE_H - MARGIN_BOTTOM - bottom) / row);
    guint next = MIN(MIN(rows + more, b->fill_avail), *ceiling - 1);
    return MAX(next, n);
}
