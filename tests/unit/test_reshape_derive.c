/* derived series (change, multiple, CAGR, year-on-year) and display units, formulas as README. */
#include "jb_common.h"
#include "jb_derive.h"
#include "tap.h"

#include <string.h>

static JbTable *parse(const char *csv)
{
    GError *e = NULL;
    JbTable *t = jb_table_parse("s.csv", csv, strlen(csv), &e);
    g_assert_no_error(e);
    return t;
}

/* "id period value unit bound forecast" per row, "; "-separated */
static char *rows_of(const JbTable *s)
{
    GString *out = g_string_new(NULL);
    const char *cols[] = {"metric_id", "period", "value", "unit", "bound", "forecast"};
    for (guint r = 0; r < jb_table_n_rows(s); r++) {
        if (r)
            g_string_append(out, "; ");
        for (guint c = 0; c < G_N_ELEMENTS(cols); c++)
            g_string_append_printf(out, "%s%s", c ? " " : "",
                                   jb_table_get(s, r, jb_table_column(s, cols[c])));
    }
    return g_string_free(out, FALSE);
}

int main(void)
{
    GError *e = NULL;
    guint flags = 0;
    ok(jb_derive_parse("change, cagr", &flags, &e) && flags == (JB_DERIVE_CHANGE | JB_DERIVE_CAGR),
       "--derive change,cagr");
    ok(jb_derive_parse("all", &flags, &e) && flags == JB_DERIVE_ALL, "--derive all");
    ok(!jb_derive_parse("growth", &flags, &e) && e && e->code == JB_ERROR_USAGE &&
           strstr(e->message, "'growth'"),
       "an unknown name is a usage error naming it");
    g_clear_error(&e);

    is_str(jb_units_display("元", 1.2e12), "万亿", "1.2万亿元 → 万亿");
    is_str(jb_units_display("元", 9.99e11), "亿", "9990亿元 → 亿");
    is_str(jb_units_display("美元", 5e4), "万", "5万美元 → 万");
    is_str(jb_units_display("家", 9999), "", "9999家 → no scaling");
    is_str(jb_units_display("个", 1.7e6), "万", "170万个 → 万");
    is_str(jb_units_display("人", 1.4e9), "亿", "14亿人 → 亿 (counts never 万亿)");
    is_str(jb_units_display("台（套）", 5e12), "亿", "counts stop at 亿");
    is_str(jb_units_display("%", 5e6), "", "percentages never scale");
    is_str(jb_units_display("个百分点", 5e6), "", "nor percentage points");

    g_autoptr(JbTable)
        s = parse("metric_id,label,period,value,unit,bound,forecast,sources,display_unit\n"
                  "ai.size,规模,2022,400000000000,元,at_least,0,a.md,亿\n"
                  "ai.size,规模,2025,1200000000000,元,at_least,1,b.md,万亿\n"
                  "n,数量,2023-06,100,家,exact,0,a; b,\n"
                  "n,数量,2024-03,90,家,exact,0,b; c,\n"
                  "n,数量,2024-06,125,家,at_most,0,d,\n"
                  "g,增速,2024,5.2,%,exact,0,x,\n"
                  "g,增速,2025,5.9,%,exact,0,y,\n"
                  "z,零,2024,0,个,exact,0,,\n"
                  "z,零,2025,3,个,exact,0,,\n");
    g_autoptr(JbTable) d = jb_derive(s, JB_DERIVE_ALL);
    g_autofree char *got = rows_of(d);
    is_str(got,
           /* 4000亿+ → 1.2万亿+: the change and ratios of two lower bounds are only "about" */
           "ai.size.change 2025 800000000000 元 about 1; "
           "ai.size.multiple 2025 3 倍 about 1; "
           "ai.size.cagr 2025 44.22 % about 1; "
           /* months count as twelfths of a year; yoy pairs 2024-06 with 2023-06 */
           "n.change 2024-03 -10 家 exact 0; "
           "n.change 2024-06 35 家 at_most 0; "
           "n.multiple 2024-03 0.9 倍 exact 0; "
           "n.multiple 2024-06 1.39 倍 at_most 0; "
           "n.cagr 2024-03 -13.11 % exact 0; "
           "n.cagr 2024-06 272.11 % at_most 0; "
           "n.yoy 2024-06 25 % at_most 0; "
           /* a % metric changes by percentage points and has no ratios */
           "g.change 2025 0.7 百分点 exact 0; "
           /* from zero: a change, but no multiple, CAGR or yoy */
           "z.change 2025 3 个 exact 0",
           "every derived series, value, unit, bound and forecast");
    is_str(jb_table_get(d, 0, jb_table_column(d, "label")), "规模变化", "derived label");
    is_str(jb_table_get(d, 0, jb_table_column(d, "sources")), "a.md; b.md",
           "a derived value cites both ends");
    is_str(jb_table_get(d, 4, jb_table_column(d, "sources")), "b; c; d", "without repeating one");
    is_str(jb_table_get(d, 0, jb_table_column(d, "display_unit")), "亿", "8000亿 change → 亿");
    is_str(jb_table_get(d, 1, jb_table_column(d, "display_unit")), "", "倍 never scales");

    g_autoptr(JbTable) again = jb_derive(d, JB_DERIVE_ALL);
    ok(jb_table_n_rows(again) == 0, "derived series are not derived again (%u)",
       jb_table_n_rows(again));
    g_autoptr(JbTable) none = jb_derive(s, 0);
    ok(jb_table_n_rows(none) == 0, "no flags, no rows");
    return tap_done();
}
