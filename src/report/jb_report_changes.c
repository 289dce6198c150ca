/* jb_report_changes.c — the briefing's 新增与变化: figures new or changed since the previous
 * build (JbReportInputs.changes, from jb_series_changes): revised values with the old one
 * beside the new, new periods of known metrics, new metrics, figures no longer stated.
 *
 * Not for: deciding what changed (jb_changes.c) or which series was the previous one
 * (jianbao build).
 */
#include "jb_report_priv.h"

#include "jb_period.h"
#include "jb_units.h"

#include <string.h>

/* The list is bounded as the sources are: a large import is summed up, not listed. */
#define MAX_ITEMS 40

static const char *cell(const JbTable *t, guint r, const char *col)
{
    return jb_table_get(t, r, jb_table_column(t, col));
}

/* A figure of the changes table ("超4000亿元", "5.9%", "（预计）" after a forecast), or NULL
 * when its value is empty. `prefix` "" for the new figure, "old_" for the old. */
static char *figure_text(const JbTable *t, guint r, const char *prefix)
{
    g_autofree char *v = g_strconcat(prefix, "value", NULL),
                    *bd = g_strconcat(prefix, "bound", NULL),
                    *hi = g_strconcat(prefix, "value_high", NULL),
                    *fc = g_strconcat(prefix, "forecast", NULL);
    const char *value = cell(t, r, v);
    if (!*value)
        return NULL;
    JbFigure f;
    g_autofree char *label = jb_figure_parse(value, cell(t, r, bd), cell(t, r, hi), &f)
                                 ? jb_units_label(&f, cell(t, r, "unit"), JB_LABEL_FULL_UNIT)
                                 : g_strconcat(value, cell(t, r, "unit"), NULL);
    return g_strconcat(label, strcmp(cell(t, r, fc), "1") == 0 ? "（预计）" : "", NULL);
}

static void item(Builder *b, const char *text, double indent)
{
    g_autofree char *esc = g_markup_escape_text(text, -1);
    g_ptr_array_add(b->blocks,
                    jb_report_text_blk(b, esc, NULL, 10, FALSE, indent, 4, "#222222", FALSE));
}

void jb_report_add_changes(Builder *b, double indent)
{
    static const struct {
        const char *kind, *tag;
    } kinds[] = {{"revised", "修订"},
                 {"new_period", "新时期"},
                 {"new_metric", "新指标"},
                 {"removed", "不再出现"}};
    const JbTable *t = b->in->changes;
    if (!t) {
        g_ptr_array_add(b->blocks,
                        jb_report_text_blk(
                            b, "没有上一次生成的数据可比：下一次生成起，这里列出新增和变化的数字。",
                            NULL, 10, FALSE, indent, 4, "#555555", FALSE));
        return;
    }
    guint n = jb_table_n_rows(t), shown = 0;
    if (!n) {
        g_ptr_array_add(b->blocks,
                        jb_report_text_blk(b, "与上一次生成相比，没有新增或变化的数字。", NULL, 10,
                                           FALSE, indent, 4, "#555555", FALSE));
        return;
    }
    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++)
        for (guint r = 0; r < n; r++) {
            if (strcmp(cell(t, r, "kind"), kinds[k].kind) != 0 || shown >= MAX_ITEMS)
                continue;
            g_autofree char *period = jb_period_text_cn(cell(t, r, "period"));
            g_autofree char *now = figure_text(t, r, "");
            g_autofree char *old = figure_text(t, r, "old_");
            g_autofree char *what = strcmp(kinds[k].kind, "revised") == 0
                                        ? g_strdup_printf("%s → %s", old ? old : "", now ? now : "")
                                        : g_strdup(now   ? now
                                                   : old ? old
                                                         : "");
            g_autofree char *text = g_strdup_printf(
                "【%s】%s %s：%s", kinds[k].tag, cell(t, r, "label"), period ? period : "", what);
            item(b, text, indent);
            shown++;
        }
    if (shown < n) {
        g_autofree char *rest = g_strdup_printf("另有%u项新增或变化未列出，见 series.csv。",
                                                n - shown);
        item(b, rest, indent);
    }
}
