/* The ```kpi block: one full-width row per metric, the latest value big in a column as wide
 * as the widest, and beside it the label over the period and the change since the first
 * period (jb_units: 为2022年的约3倍, 比2022年高0.2个百分点). */
#include "jb_report_priv.h"

#include "jb_common.h"
#include "jb_period.h"
#include "jb_units.h"

#include <math.h>
#include <string.h>

static void card_free(Card *c)
{
    g_clear_object(&c->value);
    g_clear_object(&c->caption);
    g_free(c->dest);
    g_free(c);
}

double jb_report_card_h(const Card *c)
{
    return 2 * KPI_PAD + fmax(jb_layout_height(c->value), jb_layout_height(c->caption));
}

static char *ratio_text(Builder *b, guint first, guint last)
{
    const JbSeriesRow *a = jb_report_row(b, first), *z = jb_report_row(b, last);
    if (!a->stated || !z->stated)
        return NULL;
    JbChange ch = jb_units_change(&a->fig, &z->fig, z->unit);
    g_autofree char *since = jb_period_text_cn(a->period_text);
    return jb_units_change_text(&ch, since);
}

/* A KPI's value: the number big, a bound word ("超") as big as the number and the unit
 * half as big. The bound word is not smaller like the unit: pdftotext (poppler) starts a
 * text block at the leftmost word of a line, and a word much smaller than the number
 * would be a block of its own, read after the whole KPI list. */
static char *kpi_value_markup(const char *prefix, const char *num, const char *unit, double size)
{
    g_autofree char *p = g_markup_escape_text(prefix, -1);
    g_autofree char *n = g_markup_escape_text(num, -1);
    g_autofree char *u = g_markup_escape_text(unit, -1);
    return g_strdup_printf("%s%s<span size=\"%d\">%s</span>", p, n,
                           (int)(size * KPI_UNIT_SCALE * PANGO_SCALE), u);
}

/* The label, and under it the period, footnotes and change since the first period: one
 * layout in one font size, so that pdftotext keeps the two lines together. */
static char *kpi_caption_markup(Builder *b, guint first, guint last, guint n_rows, GArray *numbers,
                                GPtrArray *pending)
{
    const JbSeriesRow *z = jb_report_row(b, last);
    g_autofree char *label = g_markup_escape_text(z->label, -1);
    GString *m = g_string_new(NULL);
    g_autofree char *when = jb_period_text_cn(z->period_text);
    g_string_append_printf(m, "<span foreground=\"#1A1A1A\">%s</span>\n%s", label, when);
    if (z->forecast)
        g_string_append(m, "（预计）");
    jb_report_footnote(m, pending, numbers, KPI_CAPTION_SIZE);
    g_autofree char *change = n_rows > 1 ? ratio_text(b, first, last) : NULL;
    if (change)
        g_string_append_printf(m, "　<span foreground=\"#0B7A3E\">%s</span>", change);
    return g_string_free(m, FALSE);
}

/* A KPI block is a list: one full-width row per KPI, the value in a column as wide as the
 * block's widest value, the caption right of it with the same top. Cards side by side
 * looked the same on paper but pdftotext read them as all values, then all labels: it
 * orders text blocks top before bottom, and left before right only when they overlap
 * vertically, so a row whose value and caption start level reads value, label, meta. */
gboolean jb_report_add_kpi(Builder *b, const char *literal, guint line, GError **error)
{
    g_autoptr(GPtrArray) ids = jb_report_block_ids(b, "kpi", literal, line + 1, error);
    if (!ids)
        return FALSE;
    gboolean fill = b->fill_next;
    b->fill_next = FALSE;
    if (ids->len == 0) { /* picked by the data, which has none */
        g_ptr_array_add(b->blocks, jb_report_text_blk(b, "暂无：文章中还没有词典里的指标。", NULL,
                                                      10, FALSE, 0, 4, "#555555", FALSE));
        return TRUE;
    }
    Blk *blk = g_new0(Blk, 1);
    if (fill && !b->fill_blk)
        b->fill_blk = blk;
    blk->kind = BLK_KPI;
    blk->before = 12;
    blk->cards = g_ptr_array_new_with_free_func((GDestroyNotify)card_free);
    g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    double widest = 0;
    for (guint i = 0; i < ids->len; i++) {
        const char *id = g_ptr_array_index(ids, i);
        const GArray *rows = jb_series_rows_of(b->in->series, id);
        guint last = g_array_index(rows, guint, rows->len - 1), first = last;
        const JbSeriesRow *z = jb_report_row(b, last);
        /* the change since the first period of the latest one's frequency: a year beside a
         * year, never beside a week or a month (1796亿元 in 2025 was 较2024年8月26—30日下降) */
        for (guint k = 0; k + 1 < rows->len && first == last; k++)
            if (g_strcmp0(jb_report_row(b, g_array_index(rows, guint, k))->frequency,
                          z->frequency) == 0)
                first = g_array_index(rows, guint, k);
        Card *c = g_new0(Card, 1);
        g_autofree char *num = NULL;
        const char *pre = "";
        if (z->stated) {
            /* the label without its unit, which is drawn smaller: 超1.2万亿 + 元 */
            pre = z->fig.range ? "" : jb_units_bound_prefix(z->fig.bound, FALSE);
            num = jb_units_label(&z->fig, z->unit, JB_LABEL_NO_UNIT | JB_LABEL_NO_BOUND);
        } else {
            num = g_strdup(z->cell[JB_SERIES_VALUE]);
        }
        char *parts[] = {g_strdup(pre), g_strdup(num), g_strdup(z->unit), NULL};
        g_ptr_array_add(values, g_memdup2(parts, sizeof parts));
        g_autofree char *vm = kpi_value_markup(parts[0], parts[1], parts[2], KPI_VALUE_SIZE);
        c->value = jb_layout_new(b->pango, vm, TRUE, KPI_VALUE_SIZE, TRUE, -1);
        double vw;
        jb_layout_size(c->value, &vw, NULL);
        widest = fmax(widest, vw);
        g_autoptr(GArray) numbers = jb_report_cite(b, last);
        g_autoptr(GPtrArray)
            pending = g_ptr_array_new_with_free_func((GDestroyNotify)jb_report_pending_free);
        g_autofree char *caption = kpi_caption_markup(b, first, last, first == last ? 1 : 2,
                                                      numbers, pending);
        c->caption = jb_layout_new(b->pango, caption, TRUE, KPI_CAPTION_SIZE, FALSE, -1);
        jb_report_keep_marks_whole(c->caption);
        c->dest = jb_report_dest_of(numbers);
        g_ptr_array_add(blk->cards, c);
    }
    /* a value does not wrap: the whole block's values shrink together when one is too wide
     * (down to a floor; past it, as from a freak unit in a hand-made series, they wrap) */
    if (widest > KPI_VALUE_COL_MAX) {
        double size = fmax(KPI_VALUE_SIZE_MIN,
                           floor(KPI_VALUE_SIZE * KPI_VALUE_COL_MAX / widest * 2) / 2);
        widest = 0;
        for (guint i = 0; i < blk->cards->len; i++) {
            Card *c = g_ptr_array_index(blk->cards, i);
            char **parts = g_ptr_array_index(values, i);
            g_autofree char *vm = kpi_value_markup(parts[0], parts[1], parts[2], size);
            g_object_unref(c->value);
            c->value = jb_layout_new(b->pango, vm, TRUE, size, TRUE, KPI_VALUE_COL_MAX);
            pango_layout_set_wrap(c->value, PANGO_WRAP_CHAR);
            double vw;
            jb_layout_size(c->value, &vw, NULL);
            widest = fmax(widest, vw);
        }
    }
    blk->value_w = widest;
    double caption_w = TEXT_W - KPI_VALUE_X - widest - KPI_COL_GAP - KPI_PAD;
    for (guint i = 0; i < blk->cards->len; i++) {
        Card *c = g_ptr_array_index(blk->cards, i);
        pango_layout_set_width(c->caption, (int)(caption_w * PANGO_SCALE));
        pango_layout_set_wrap(c->caption, PANGO_WRAP_WORD_CHAR);
    }
    jb_report_blk_measure(blk);
    g_ptr_array_add(b->blocks, blk);
    return TRUE;
}
