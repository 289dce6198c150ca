/* jb_citations: what the briefing cites for a series value, with the articles given by the
 * caller (jb_citations_article, as jianbao build streams them) or found by their source
 * column: the same rows cited, the same others counted (另有 N 篇). */
#include "jb_report.h"
#include "jb_reshape.h"
#include "tap.h"

#include <string.h>

/* Five articles state one value (one of them twice, in two sentences), a sixth another. */
static const char CSV[] = "metric_id,period,value,unit,source,quote,published\n"
                          "x,2024,10,家,a.md,甲说10家,2025-01-01\n"
                          "x,2024,10,家,a.md,甲又说10家,2025-01-01\n"
                          "x,2024,10,家,b.md,乙说10家,2025-01-02\n"
                          "x,2024,10,家,c.md,丙说10家,2025-01-03\n"
                          "x,2024,10,家,d.md,丁说10家,2025-01-04\n"
                          "x,2024,10,家,e.md,戊说10家,2025-01-05\n"
                          "y,2024,7,个,f.md,己说7个,2025-01-06\n";

/* "source|quote;…;more N" of each series row. */
static char *cited(const JbCitations *c, guint rows)
{
    GString *s = g_string_new(NULL);
    for (guint r = 0; r < rows; r++) {
        guint more = 0;
        const GPtrArray *cit = jb_citations_rows(c, r, &more);
        for (guint i = 0; i < cit->len; i++) {
            const JbCitedRow *row = g_ptr_array_index(cit, i);
            g_string_append_printf(s, "%s|%s;", row->source, row->quote);
        }
        g_string_append_printf(s, "more %u\n", more);
    }
    return g_string_free(s, FALSE);
}

int main(void)
{
    g_autoptr(JbTable) m = jb_table_parse("m.csv", CSV, sizeof CSV - 1, NULL);
    GError *e = NULL;
    g_autoptr(JbTable) t = jb_reshape(m, NULL, NULL, NULL, &e);
    ok(t && jb_table_n_rows(t) == 2, "two series rows");
    g_autoptr(JbSeries) s = jb_series_new(t);
    guint n = jb_series_n_rows(s);

    g_autoptr(JbCitations) by_column = jb_citations_new();
    for (guint r = 0; r < jb_table_n_rows(m); r++)
        jb_citations_add(by_column, m, r);
    jb_citations_finish(by_column, s);
    g_autofree char *want = cited(by_column, n);
    is_str(want,
           "a.md|甲说10家;a.md|甲又说10家;b.md|乙说10家;more 3\n"
           "f.md|己说7个;more 0\n",
           "the first three statements cited, the other articles counted once each");

    /* the articles' paths as the caller keeps them (copies: not the table's cells) */
    const char *const names[] = {"a.md", "b.md", "c.md", "d.md", "e.md", "f.md"};
    char *kept[G_N_ELEMENTS(names)];
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        kept[i] = g_strdup(names[i]);
    g_autoptr(JbCitations) given = jb_citations_new();
    for (guint r = 0; r < jb_table_n_rows(m); r++) {
        const char *src = jb_table_get(m, r, jb_table_column(m, "source"));
        for (guint i = 0; i < G_N_ELEMENTS(names); i++)
            if (strcmp(src, names[i]) == 0)
                jb_citations_article(given, kept[i]);
        jb_citations_add(given, m, r);
    }
    jb_citations_finish(given, s);
    g_autofree char *got = cited(given, n);
    is_str(got, want, "articles given by the caller: the same citations and counts");
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        g_free(kept[i]);

    /* a month's statements fold into the year's value: their rows and the year's, after
     * each period's third distinct statement, are counted whatever their places */
    static const char FOLD[] = "metric_id,period,value,unit,source,quote\n"
                               "x,2024-06,10,家,a.md,q1\n"
                               "x,2024,10,家,b.md,q2\n"
                               ",2024,10,家,z.md,of no metric\n"
                               "x,2024-06,10,家,c.md,q3\n"
                               "x,2024-06,10,家,d.md,q4\n"
                               "x,2024-06,10,家,e.md,q5\n"
                               "x,2024,10,家,e.md,q6\n"
                               "x,2024,10,家,f.md,q7\n"
                               "x,2024,10,家,g.md,q8\n"
                               "x,2024,10,家,a.md,q9\n";
    g_autoptr(JbTable) fm = jb_table_parse("f.csv", FOLD, sizeof FOLD - 1, NULL);
    JbReshapeOptions year = {.year_periods = TRUE};
    g_autoptr(JbTable) ft = jb_reshape(fm, NULL, &year, NULL, &e);
    g_autoptr(JbSeries) fs = jb_series_new(ft);
    g_autoptr(JbCitations) fc = jb_citations_new();
    for (guint r = 0; r < jb_table_n_rows(fm); r++)
        jb_citations_add(fc, fm, r);
    jb_citations_finish(fc, fs);
    g_autofree char *fold = cited(fc, jb_series_n_rows(fs));
    is_str(fold,
           "a.md|q1;b.md|q2;c.md|q3;more 4\n"  /* 2024: d, e, f and g; a is cited */
           "a.md|q1;c.md|q3;d.md|q4;more 1\n", /* 2024-06: e */
           "a month's rows cited and counted with the year's, after their third as before it");
    return tap_done();
}
