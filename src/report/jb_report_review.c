/* jb_report_review.c — the briefing's review section: what a human pinned, rejected or
 * accepted, and the conflicts still open, so they are seen in the PDF and not only on
 * stderr. The rows come from jianbao build (JbReportInputs.review).
 *
 * Not for: deciding what needs review (jb_build_review.c).
 */
#include "jb_report_priv.h"

#include "jb_period.h"

#include <string.h>

/* Open conflicts listed at most: they come from the data (an archive of thousands of
 * articles each stating a figure its own way had the section run past the briefing's 500
 * pages, and no briefing was made); the rest are counted, and all are in warnings.csv.
 * What the analyst pinned, rejected or accepted is listed whole. */
#define REVIEW_OPEN_MAX 200

void jb_report_add_review(Builder *b, double indent)
{
    static const struct {
        const char *kind, *tag;
    } kinds[] = {
        {"open", "待核对"}, {"pin", "已指定"}, {"reject", "已剔除"}, {"accepted", "已确认"}};
    const JbTable *t = b->in->review;
    guint shown = 0;
    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
        guint of_kind = 0;
        for (guint r = 0; t && r < jb_table_n_rows(t); r++) {
            if (strcmp(jb_table_get(t, r, jb_table_column(t, "kind")), kinds[k].kind) != 0)
                continue;
            if (k == 0 && ++of_kind > REVIEW_OPEN_MAX)
                continue;
            const char *label = jb_table_get(t, r, jb_table_column(t, "label"));
            const char *note = jb_table_get(t, r, jb_table_column(t, "note"));
            g_autofree char *period = jb_period_text_cn(
                jb_table_get(t, r, jb_table_column(t, "period")));
            g_autofree char *text = g_strdup_printf(
                "【%s】%s %s：%s%s%s", kinds[k].tag, label, period ? period : "",
                jb_table_get(t, r, jb_table_column(t, "detail")), *note ? "。备注：" : "", note);
            g_autofree char *esc = g_markup_escape_text(text, -1);
            g_ptr_array_add(b->blocks, jb_report_text_blk(b, esc, NULL, 10, FALSE, indent, 4,
                                                          "#222222", FALSE));
            shown++;
        }
        if (of_kind > REVIEW_OPEN_MAX) {
            g_autofree char *more = g_strdup_printf(
                "……另有 %u 处待核对的冲突未列出，均见 warnings.csv。", of_kind - REVIEW_OPEN_MAX);
            g_ptr_array_add(b->blocks, jb_report_text_blk(b, more, NULL, 10, FALSE, indent, 4,
                                                          "#555555", FALSE));
        }
    }
    if (!shown)
        g_ptr_array_add(
            b->blocks,
            jb_report_text_blk(b, "没有待核对的数字：各来源一致，也没有人工指定或剔除的语句。",
                               NULL, 10, FALSE, indent, 4, "#555555", FALSE));
}
