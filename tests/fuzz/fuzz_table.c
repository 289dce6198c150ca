#include "fuzz.h"
#include "jb_reshape.h"
#include "jb_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(JbTable) t = jb_table_parse("fuzz.csv", (const char *)data, size, NULL);
    if (!t)
        return 0;
    g_autoptr(GString) csv = jb_table_to_csv(t);
    g_autoptr(JbTable) back = jb_table_parse("back.csv", csv->str, csv->len, NULL);
    g_assert(back && jb_table_n_rows(back) == jb_table_n_rows(t));
    g_autoptr(JbDiag) warnings = jb_diag_new();
    JbReshapeOptions opt = {.year_periods = size % 2};
    g_autoptr(JbTable) series = jb_reshape(t, NULL, &opt, warnings, NULL);
    (void)series;
    return 0;
}
