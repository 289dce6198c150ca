/* CSV tables: what people hand-edit must read, what we write must read back the same. */
#include "jb_common.h"
#include "jb_table.h"
#include "tap.h"

#include <string.h>

int main(void)
{
    GError *e = NULL;
    const char *csv = "\xEF\xBB\xBF" "a,b,c\r\n"
                      "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                      "\r\n"
                      "2,\"two\nlines\",z\r\n"
                      "3,short\n";
    g_autoptr(JbTable) t = jb_table_parse("t.csv", csv, strlen(csv), &e);
    ok(t != NULL, "parses a BOM + CRLF file");
    ok(jb_table_n_rows(t) == 3, "blank lines are not rows (got %u)", jb_table_n_rows(t));
    is_str(jb_table_header(t, 0), "a", "BOM is not part of the first header");
    ok(jb_table_column(t, "c") == 2 && jb_table_column(t, "zz") == -1, "columns by name");
    is_str(jb_table_get(t, 0, 1), "x, y", "quoted comma");
    is_str(jb_table_get(t, 0, 2), "say \"hi\"", "doubled quotes");
    is_str(jb_table_get(t, 1, 1), "two\nlines", "embedded newline");
    is_str(jb_table_get(t, 2, 2), "", "missing cell reads as empty");
    ok(jb_table_line(t, 0) == 2 && jb_table_line(t, 1) == 4 && jb_table_line(t, 2) == 6,
       "rows know their lines (%u %u %u)", jb_table_line(t, 0), jb_table_line(t, 1),
       jb_table_line(t, 2));

    g_autoptr(GString) out = jb_table_to_csv(t);
    is_str(out->str, "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,short,\n",
           "writes RFC 4180, quoting only when needed");
    g_autoptr(JbTable) back = jb_table_parse("back.csv", out->str, out->len, &e);
    g_autoptr(GString) again = jb_table_to_csv(back);
    is_str(again->str, out->str, "round trip is lossless");

    g_autoptr(JbTable) bad = jb_table_parse("bad.csv", "a,b\n\xff\xfe,1\n", 10, &e);
    ok(bad == NULL && e && strstr(e->message, "bad.csv:2:"), "invalid UTF-8 names file:line (%s)",
       e ? e->message : "");
    g_clear_error(&e);
    g_autoptr(JbTable) empty = jb_table_parse("empty.csv", "", 0, &e);
    ok(empty == NULL && e && e->code == JB_ERROR_INPUT, "an empty file is an input error");
    g_clear_error(&e);

    const char *cases[][2] = {{"=1+1", "'=1+1"}, {"+86", "'+86"}, {"-x", "'-x"},
                              {"@SUM(A1)", "'@SUM(A1)"}, {"人工智能", "人工智能"}, {"", ""}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *s = jb_csv_safe_text(cases[i][0]);
        is_str(s, cases[i][1], "formula neutralised: '%s'", cases[i][0]);
    }
    return tap_done();
}
