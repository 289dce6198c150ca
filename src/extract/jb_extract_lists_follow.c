/* jb_extract_lists_follow.c — a list of values that follows a 分别 list of years in the same
 * sentence with no 分别 of its own (…分别为A、B、C，同比增长x%、y%、z%): read by the sentence's
 * pass over its lists (jb_extract.c) as a list of those years too.
 *
 * Not for: reading a 分别 list itself (jb_extract_lists.c).
 */
#include "jb_extract_read_priv.h"

#include <string.h>

/* Is quantity i a member of one of the `n` lists? */
static gboolean in_lists(const FenbieList *lists, guint n, guint i)
{
    for (guint k = 0; k < n; k++)
        if (i >= lists[k].from && i < lists[k].from + lists[k].n)
            return TRUE;
    return FALSE;
}

/* A list of values right after a 分别 list of years, past a comma and a few words with no digit
 * and no 分别 of its own (营业收入分别为291.5亿元、314.2亿元、338.6亿元，同比增长6.5%、7.8%、7.8%):
 * of the same count, it has the same years, in order. Added to `lists` (holding `n`); the new
 * count returned. */
guint follow_year_lists(const Ctx *c, const char *sent, FenbieList *lists, guint n)
{
    const GArray *qs = c->quantities;
    guint added = n;
    for (guint k = 0; k < n && added < FENBIE_MAX; k++) {
        const FenbieList *l = &lists[k];
        guint next = l->from + l->n, m = 1;
        if (!l->by_year || l->n < 2 || next + l->n > qs->len || in_lists(lists, added, next))
            continue;
        const char *a = sent + g_array_index(qs, JbQuantity, next - 1).end,
                   *b = sent + g_array_index(qs, JbQuantity, next).start;
        gboolean words = starts(a, b, "，") && b - a <= 3 * 9;
        for (const char *q = a; q < b && words; q++)
            words = !g_ascii_isdigit(*q);
        while (words && next + m < qs->len &&
               list_gap(sent + g_array_index(qs, JbQuantity, next + m - 1).end,
                        sent + g_array_index(qs, JbQuantity, next + m).start))
            m++;
        if (!words || m != l->n)
            continue;
        FenbieList *f = &lists[added++];
        memset(f, 0, sizeof *f);
        f->from = next;
        f->n = m;
        f->years = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < m; i++)
            g_ptr_array_add(f->years, g_strdup(g_ptr_array_index(l->years, i)));
        f->by_year = TRUE;
    }
    return added;
}
