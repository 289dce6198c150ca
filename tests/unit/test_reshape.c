/* reshape: merge duplicates keeping every source, resolve conflicts by the documented rule. */
#include "jb_common.h"
#include "jb_reshape.h"
#include "tap.h"

#include <string.h>

static JbTable *parse(const char *csv)
{
    GError *e = NULL;
    JbTable *t = jb_table_parse("m.csv", csv, strlen(csv), &e);
    g_assert_no_error(e);
    return t;
}

int main(void)
{
    GError *e = NULL;
    g_autoptr(GPtrArray) warn = g_ptr_array_new_with_free_func(g_free);
    /* columns in another order, an extra column, CRLF */
    g_autoptr(JbTable) m = parse(
        "value,unit,metric_id,period,bound,forecast,source,published,extra\r\n"
        "400000000000,元,ai.size,2022-07-26,at_least,0,a.md,2022-07-26,x\r\n"
        "400000000000,元,ai.size,2022-06-24,at_least,0,b.html,2022-06-24,x\r\n"
        "1200000000000,元,ai.size,2025,at_least,1,c.txt,2026-01-21,x\r\n"
        "1100000000000,元,ai.size,2025,exact,0,d.txt,2026-02-01,x\r\n"
        "12,家,,2025,exact,0,e.txt,2025-01-01,x\r\n"
        "abc,家,ai.n,2025,exact,0,f.txt,2025-01-01,x\r\n");
    JbReshapeOptions year = {.year_periods = TRUE};
    g_autoptr(JbTable) s = jb_reshape(m, NULL, &year, warn, &e);
    ok(s != NULL, "reshape succeeds");
    ok(jb_table_n_rows(s) == 2, "one row per metric and period (%u)", jb_table_n_rows(s));
    is_str(jb_table_get(s, 0, jb_table_column(s, "period")), "2022", "--period year folds dates");
    is_str(jb_table_get(s, 0, jb_table_column(s, "sources")), "a.md; b.html",
           "equal values merge and keep both sources");
    is_str(jb_table_get(s, 1, jb_table_column(s, "value")), "1100000000000",
           "an actual value beats a forecast");
    is_str(jb_table_get(s, 1, jb_table_column(s, "forecast")), "0", "and carries forecast=0");
    gboolean saw_conflict = FALSE, saw_bad = FALSE;
    for (guint i = 0; i < warn->len; i++) {
        const char *w = g_ptr_array_index(warn, i);
        saw_conflict |= strstr(w, "m.csv:5: conflict for ai.size 2025") != NULL;
        saw_bad |= strstr(w, "m.csv:7: value 'abc'") != NULL;
    }
    ok(saw_conflict, "the conflict is reported with file:line");
    ok(saw_bad, "a malformed row is reported with file:line and skipped");

    g_ptr_array_set_size(warn, 0);
    JbReshapeOptions keep = {0};
    g_autoptr(JbTable) k = jb_reshape(m, NULL, &keep, warn, &e);
    ok(jb_table_n_rows(k) == 3, "without --period year the dates stay apart (%u)",
       jb_table_n_rows(k));

    g_autoptr(JbTable) hedge = parse("metric_id,period,value,unit,bound,published\n"
                                     "x,2024,10,家,at_least,2025-03-01\n"
                                     "x,2024,11,家,exact,2024-03-01\n");
    g_autoptr(JbTable) h = jb_reshape(hedge, NULL, &keep, warn, &e);
    is_str(jb_table_get(h, 0, jb_table_column(h, "value")), "11", "exact beats hedged");
    g_autoptr(JbTable) later = parse("metric_id,period,value,unit,published\n"
                                     "x,2024,10,家,2025-03-01\n"
                                     "x,2024,11,家,2024-03-01\n");
    g_autoptr(JbTable) l = jb_reshape(later, NULL, &keep, warn, &e);
    is_str(jb_table_get(l, 0, jb_table_column(l, "value")), "10", "the later article wins");

    g_autoptr(JbTable) nocol = parse("metric_id,period,unit\nx,2024,家\n");
    g_autoptr(JbTable) n = jb_reshape(nocol, NULL, &keep, warn, &e);
    ok(n == NULL && e && strstr(e->message, "missing column 'value'"), "a missing column is an error");
    g_clear_error(&e);
    return tap_done();
}
