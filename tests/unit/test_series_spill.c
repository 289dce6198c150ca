/* jb_series_spill: a series' long sources cells kept in a file of no name — series.csv's bytes,
 * each row's sources and the formula guard are what they are without it; short cells stay. */
#include "jb_common.h"
#include "jb_reshape.h"
#include "tap.h"

#include <string.h>

static gboolean sink_string(const char *bytes, gsize len, gpointer data, GError **error)
{
    (void)error;
    g_string_append_len(data, bytes, (gssize)len);
    return TRUE;
}

static JbTable *reshape(const JbTable *m, JbSpill *spill)
{
    JbReshapeOptions o = {.spill = spill};
    GError *e = NULL;
    JbTable *s = jb_reshape(m, NULL, &o, NULL, &e);
    g_assert_no_error(e);
    return s;
}

int main(void)
{
    /* one figure stated by 40 articles (a long sources cell, a name like a formula first:
     * guarded), the same 40 stating a second one (the same text, written once), one short */
    g_autoptr(GString) csv = g_string_new("metric_id,period,value,unit,source\n");
    for (guint i = 0; i < 40; i++) {
        g_string_append_printf(csv, "gdp,2024,5,%%,articles/%05u-2024-06-economy.md\n", i);
        g_string_append_printf(csv, "cpi,2024,2,%%,articles/%05u-2024-06-economy.md\n", i);
    }
    g_string_append(csv, "gdp,2024,5,%,=x.md\nrobots,2023,12,台,one.md\n");
    GError *e = NULL;
    g_autoptr(JbTable) m = jb_table_parse("m.csv", csv->str, csv->len, &e);
    g_assert_no_error(e);

    g_autoptr(JbSeries) plain = jb_series_new_take(reshape(m, NULL));
    g_autoptr(JbSpill) spill = jb_spill_new(NULL);
    ok(spill != NULL, "a file of no name in the temporary directory");
    g_autoptr(JbSeries) s = jb_series_new_take(reshape(m, spill));
    jb_series_take_spill(s, g_steal_pointer(&spill));

    g_autoptr(GString) want = jb_table_to_csv(jb_series_table(plain));
    g_autoptr(GString) got = g_string_new(NULL);
    ok(jb_series_csv_stream(s, NULL, NULL, sink_string, got, NULL) &&
           strcmp(got->str, want->str) == 0,
       "series.csv's bytes are the same, each reference written as its text");
    g_autoptr(GString) direct = g_string_new(NULL);
    jb_table_csv_stream(jb_series_table(s), NULL, NULL, sink_string, direct, NULL);
    ok(direct->len < want->len / 4, "the table itself holds references: %zu bytes of %zu",
       direct->len, want->len);

    ok(jb_series_n_rows(s) == 3, "three rows");
    const JbSeriesRow *cpi = jb_series_row(s, 0), *gdp = jb_series_row(s, 1),
                      *robots = jb_series_row(s, 2);
    const char *ref = cpi->cell[JB_SERIES_SOURCES];
    ok(ref[0] == '\x01' && strlen(ref) == 65, "a long cell is a reference: 0x01 and 64 hex digits");
    ok(strcmp(robots->cell[JB_SERIES_SOURCES], "one.md") == 0, "a short cell stays itself");
    for (guint r = 0; r < 3; r++) {
        g_autofree char *text = jb_series_row_sources(s, jb_series_row(s, r));
        ok(strcmp(text, jb_series_row(plain, r)->sources) == 0,
           "row %u's sources as the series without references gives them", r);
    }
    g_autofree char *g = jb_series_row_sources(s, gdp);
    ok(g_str_has_prefix(g, "=x.md; articles/00000-"), "the guard against formulas is dropped");
    ok(strcmp(jb_series_row(plain, 1)->cell[JB_SERIES_SOURCES], g) != 0,
       "(the cell as written has it)");

    /* the same text twice is one reference */
    g_autoptr(JbSpill) two = jb_spill_new(NULL);
    g_autofree char *text = g_strnfill(300, 'a');
    g_autofree char *r1 = jb_spill_put(two, text), *r2 = jb_spill_put(two, text);
    g_autofree char *back = jb_spill_get(two, r1);
    ok(r1 && r2 && strcmp(r1, r2) == 0 && strcmp(back, text) == 0,
       "one text, one reference, read back whole");
    ok(jb_spill_put(two, "short") == NULL, "a text shorter than JB_SPILL_MIN is kept as it is");
    g_autofree char *copy = jb_spill_get(NULL, "a.md; b.md");
    ok(strcmp(copy, "a.md; b.md") == 0, "a cell that is no reference reads as itself");
    return tap_done();
}
