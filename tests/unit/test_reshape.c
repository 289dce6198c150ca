/* reshape: merge duplicates keeping every source, resolve conflicts by the documented rule and
 * report every one, one base unit per metric, filters, display units, the wide layout. */
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

static gboolean has_warning(GPtrArray *warn, const char *needle)
{
    for (guint i = 0; i < warn->len; i++)
        if (strstr(g_ptr_array_index(warn, i), needle))
            return TRUE;
    return FALSE;
}

/* "id period value" of every row, space-separated, for compact comparisons */
static char *rows_of(const JbTable *s)
{
    GString *out = g_string_new(NULL);
    int c_id = jb_table_column(s, "metric_id"), c_p = jb_table_column(s, "period"),
        c_v = jb_table_column(s, "value");
    for (guint r = 0; r < jb_table_n_rows(s); r++)
        g_string_append_printf(out, "%s%s %s %s", r ? "; " : "", jb_table_get(s, r, c_id),
                               jb_table_get(s, r, c_p), jb_table_get(s, r, c_v));
    return g_string_free(out, FALSE);
}

static const char *cell(const JbTable *t, guint row, const char *col)
{
    return jb_table_get(t, row, jb_table_column(t, col));
}

int main(void)
{
    GError *e = NULL;
    g_autoptr(GPtrArray) warn = g_ptr_array_new_with_free_func(g_free);
    /* columns in another order, an extra column, CRLF */
    g_autoptr(JbTable)
        m = parse("value,unit,metric_id,period,bound,forecast,source,published,extra\r\n"
                  "400000000000,元,ai.size,2022-07-26,at_least,0,a.md,2022-07-26,x\r\n"
                  "400000000000,元,ai.size,2022-06-24,at_least,0,b.html,2022-06-24,x\r\n"
                  "1200000000000,元,ai.size,2025,at_least,1,c.txt,2026-01-21,x\r\n"
                  "1100000000000,元,ai.size,2025,exact,0,d.txt,2026-02-01,x\r\n"
                  "12,家,,2025,exact,0,e.txt,2025-01-01,x\r\n"
                  "abc,家,ai.n,2025,exact,0,f.txt,2025-01-01,x\r\n");
    g_autoptr(JbTable) conflicts = jb_table_new(JB_CONFLICTS_HEADER);
    JbReshapeOptions year = {.year_periods = TRUE, .conflicts = conflicts};
    g_autoptr(JbTable) s = jb_reshape(m, NULL, &year, warn, &e);
    ok(s != NULL, "reshape succeeds");
    ok(jb_table_n_rows(s) == 2, "one row per metric and period (%u)", jb_table_n_rows(s));
    is_str(cell(s, 0, "period"), "2022", "--period year folds dates");
    is_str(cell(s, 0, "sources"), "a.md; b.html", "equal values merge and keep both sources");
    is_str(cell(s, 1, "value"), "1100000000000", "an actual value beats a forecast");
    is_str(cell(s, 1, "forecast"), "0", "and carries forecast=0");
    is_str(cell(s, 1, "sources"), "d.txt", "the losing article is not a source of the kept value");
    ok(has_warning(warn,
                   "m.csv:4: conflict for ai.size 2025: 1200000000000 元 (c.txt) vs "
                   "1100000000000 (d.txt, line 5); kept 1100000000000: actual beats forecast"),
       "the conflict is reported with file:line and the rule");
    ok(has_warning(warn, "m.csv:7: value 'abc' is not a plain decimal; row skipped"),
       "a malformed row is reported with file:line and skipped");
    ok(jb_table_n_rows(conflicts) == 1, "one row in conflicts.csv (%u)",
       jb_table_n_rows(conflicts));
    is_str(cell(conflicts, 0, "kind"), "value", "conflicts.csv: kind");
    is_str(cell(conflicts, 0, "rule"), "actual beats forecast", "conflicts.csv: rule");
    is_str(cell(conflicts, 0, "kept_value"), "1100000000000", "conflicts.csv: kept value");
    is_str(cell(conflicts, 0, "other_value"), "1200000000000", "conflicts.csv: the other value");
    is_str(cell(conflicts, 0, "other_line"), "4", "conflicts.csv: the other's line");
    is_str(cell(conflicts, 0, "kept_source"), "d.txt", "conflicts.csv: the kept source");
    is_str(cell(s, 0, "display_unit"), "万亿", "money from 1万亿 displays in 万亿");

    { /* a row at a time, each row's article given by a path the caller keeps: the same */
        g_autoptr(GPtrArray) w2 = g_ptr_array_new_with_free_func(g_free);
        JbReshapeOptions year2 = {.year_periods = TRUE};
        JbReshaper *r = jb_reshaper_new(NULL, &year2, w2);
        const char *const kept[] = {"a.md", "b.html", "c.txt", "x.txt", "e.txt", "f.txt"};
        for (guint i = 0; i < jb_table_n_rows(m); i++) {
            jb_reshaper_article(r, kept[i]); /* (x.txt: not its source, which is copied) */
            jb_reshaper_add(r, m, i);
        }
        g_autoptr(JbTable) s2 = jb_reshaper_finish(r, &e);
        jb_reshaper_free(r);
        g_autoptr(GString) a = jb_table_to_csv(s), b = s2 ? jb_table_to_csv(s2) : NULL;
        is_str(b ? b->str : "", a->str, "articles named by the caller's paths: the same series");
    }

    g_ptr_array_set_size(warn, 0);
    JbReshapeOptions keep = {0};
    g_autoptr(JbTable) k = jb_reshape(m, NULL, &keep, warn, &e);
    ok(jb_table_n_rows(k) == 3, "without --period year the dates stay apart (%u)",
       jb_table_n_rows(k));

    g_autoptr(JbTable) hedge = parse("metric_id,period,value,unit,bound,published\n"
                                     "x,2024,10,家,at_least,2025-03-01\n"
                                     "x,2024,11,家,exact,2024-03-01\n");
    g_autoptr(JbTable) h = jb_reshape(hedge, NULL, &keep, warn, &e);
    is_str(cell(h, 0, "value"), "11", "exact beats hedged");
    g_autoptr(JbTable) later = parse("metric_id,period,value,unit,published\n"
                                     "x,2024,10,家,2025-03-01\n"
                                     "x,2024,11,家,2024-03-01\n");
    g_autoptr(JbTable) l = jb_reshape(later, NULL, &keep, warn, &e);
    is_str(cell(l, 0, "value"), "10", "the later article wins");
    g_autoptr(JbTable) tie = parse("metric_id,period,value,unit\nx,2024,10,家\nx,2024,11,家\n");
    g_autoptr(JbTable) ti = jb_reshape(tie, NULL, &keep, warn, &e);
    is_str(cell(ti, 0, "value"), "11", "on a tie the later row wins");
    /* year folding: the latest level stated in the year is the year's value */
    g_autoptr(JbTable) fold = parse("metric_id,period,value,unit,published\n"
                                    "x,2022-12-31,231,个,2023-01-10\n"
                                    "x,2022-06-30,170,个,2023-02-01\n");
    g_autoptr(JbTable) fconf = jb_table_new(JB_CONFLICTS_HEADER);
    JbReshapeOptions yf = {.year_periods = TRUE, .conflicts = fconf};
    g_autoptr(JbTable) f = jb_reshape(fold, NULL, &yf, warn, &e);
    is_str(cell(f, 0, "value"), "231", "folded into a year, the later stated period wins");
    is_str(cell(fconf, 0, "rule"), "later period in the year", "and the rule says so");
    is_str(cell(fconf, 0, "other_period"), "2022-06-30", "conflicts.csv keeps the stated period");
    /* a daily metric's day is never its year (道指涨0.55%: no change of 2024) */
    {
        g_autoptr(GError) de = NULL;
        static const char ini[] = "[m.level]\nlabel=L\nunit=个\n"
                                  "[m.move]\nlabel=M\nunit=%\ndaily=true\n";
        g_autoptr(JbDict) dd = jb_dict_parse("t.ini", ini, strlen(ini), &de);
        ok(dd != NULL, "a dictionary with daily=true loads");
        g_autoptr(JbTable) dm = parse("metric_id,period,value,unit\n"
                                      "m.level,2024-08-30,231,个\n"
                                      "m.move,2024-08-30,0.55,%\n");
        g_autoptr(JbTable) ds = jb_reshape(dm, dd, &yf, warn, &e);
        g_autofree char *drows = rows_of(ds);
        is_str(drows, "m.level 2024 231; m.move 2024-08-30 0.55",
               "--period year: a level as of a day is its year's, a daily move keeps its day");
    }
    /* parts of a year never stand for it: a half, a month, the months to October */
    g_autoptr(JbTable) parts = parse("metric_id,period,value,unit\n"
                                     "g,2022,3.0,%\n"
                                     "g,2022-H1,2.5,%\n"
                                     "g,2022-01/2022-10,2.8,%\n"
                                     "g,2022-06,0.4,%\n"
                                     "g,2022-01/2022-12,3.0,%\n");
    g_ptr_array_set_size(warn, 0);
    g_autoptr(JbTable) pt = jb_reshape(parts, NULL, &yf, warn, &e);
    g_autofree char *ptrows = rows_of(pt);
    is_str(ptrows, "g 2022 3.0; g 2022-01/2022-10 2.8; g 2022-H1 2.5; g 2022-06 0.4",
           "--period year: the year's rows merge, parts of the year keep their periods, in time "
           "order (the longer first)");
    is_str(cell(pt, 2, "frequency"), "half", "and say their frequency");
    ok(has_warning(warn, "g mixes periods of several frequencies (year, ytd, half, month)"),
       "a series of several frequencies is named (%s)", warn->len ? (char *)warn->pdata[0] : "");
    /* like with like: a bound that holds is no conflict */
    g_autoptr(JbTable) bnd = parse("metric_id,period,value,unit,bound,source\n"
                                   "y,2024,500000000000,元,at_least,a\n"
                                   "y,2024,512345000000,元,exact,b\n"
                                   "z,2024,5,%,range,c\n"
                                   "z,2024,5.2,%,exact,d\n");
    g_autoptr(JbTable) bv = jb_table_new((const char *const[]){
        "metric_id", "period", "value", "unit", "bound", "source", "value_high", NULL});
    for (guint r = 0; r < jb_table_n_rows(bnd); r++) {
        const char *row[8];
        for (guint col = 0; col < 6; col++)
            row[col] = jb_table_get(bnd, r, (int)col);
        row[6] = r == 2 ? "5.5" : "";
        row[7] = NULL;
        jb_table_append(bv, row);
    }
    g_ptr_array_set_size(warn, 0);
    g_autoptr(JbTable) bo = jb_reshape(bv, NULL, &keep, warn, &e);
    is_str(cell(bo, 0, "value"), "512345000000",
           "超5000亿 and 5123.45亿 agree: the exact one is kept");
    is_str(cell(bo, 0, "sources"), "a; b", "with both sources");
    is_str(cell(bo, 1, "value"), "5.2", "5%%–5.5%% holds 5.2%%");
    ok(warn->len == 0, "no conflict is reported (%u)", warn->len);
    g_autoptr(JbTable)
        rg = parse("metric_id,period,value,unit,bound,value_high\nr,2025,5,%,range,5.5\n");
    g_autoptr(JbTable) ro = jb_reshape(rg, NULL, &keep, warn, &e);
    is_str(cell(ro, 0, "bound"), "range", "a range keeps its bound");
    is_str(cell(ro, 0, "value_high"), "5.5", "and its high end");

    g_autoptr(JbTable) nocol = parse("metric_id,period,unit\nx,2024,家\n");
    g_autoptr(JbTable) n = jb_reshape(nocol, NULL, &keep, warn, &e);
    ok(n == NULL && e && strstr(e->message, "missing column 'value'"),
       "a missing column is an error");
    g_clear_error(&e);

    /* malformed rows: each named, the run goes on; --strict stops at the first */
    g_autoptr(JbTable) bad = parse("metric_id,period,value,unit,bound,forecast\n"
                                   "x,2024,1,家,exact,0\n"
                                   "x,24,2,家,exact,0\n"
                                   "x,2024-13,2,家,exact,0\n"
                                   "x,2025,3,家,roughly,0\n"
                                   "x,2026,4,家,exact,yes\n"
                                   "x,2027,5\n"
                                   "x,2028,1.5e3,家,,\n");
    g_ptr_array_set_size(warn, 0);
    g_autoptr(JbTable) b = jb_reshape(bad, NULL, &keep, warn, &e);
    ok(b && jb_table_n_rows(b) == 1, "only the good row stays (%u)", b ? jb_table_n_rows(b) : 0);
    ok(has_warning(warn, "m.csv:3: “24” is not a period"), "a short period is named");
    ok(has_warning(warn, "m.csv:4: “2024-13” is not a period"), "month 13 is named");
    ok(has_warning(warn, "m.csv:5: unknown bound 'roughly'"), "an unknown bound is named");
    ok(has_warning(warn, "m.csv:6: forecast 'yes' is not 0 or 1"), "a bad forecast flag is named");
    ok(has_warning(warn, "m.csv:7: unit '' for x, whose base unit is '家'"),
       "a short row is caught by the unit check (%s)", warn->len > 4 ? (char *)warn->pdata[4] : "");
    ok(has_warning(warn, "m.csv:8: value '1.5e3'"), "an exponent is not a plain decimal");
    ok(warn->len == 6, "six warnings (%u)", warn->len);
    JbReshapeOptions strict = {.strict = TRUE};
    g_autoptr(JbTable) st = jb_reshape(bad, NULL, &strict, warn, &e);
    ok(st == NULL && e &&
           strcmp(e->message, "m.csv:3: “24” is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, "
                              "YYYY-Hn or START/END)") == 0,
       "--strict: the first malformed row is the error (%s)", e ? e->message : "");
    g_clear_error(&e);

    /* units: the dictionary's base unit rules; another unit is a reported conflict */
    const char *ini =
        "[subjects]\nterms=人工智能;5G\n"
        "[ai.size]\nlabel=人工智能核心产业规模\nunit=元\nsubject=人工智能\naliases=产业规模\n"
        "[infra.bs]\nlabel=5G基站\nunit=个\naliases=5G基站\n";
    g_autoptr(JbDict) dict = jb_dict_parse("d.ini", ini, strlen(ini), &e);
    g_assert_no_error(e);
    g_autoptr(JbTable) units = parse("metric_id,subject,metric,period,value,unit,source\n"
                                     "ai.size,人工智能,产业规模,2022,400000000000,元,a\n"
                                     "ai.size,人工智能,产业规模,2023,5000,亿元,b\n"
                                     "u.rate,,增速,2022,5.9,%,c\n"
                                     "u.rate,,增速,2023,0.06,,d\n"
                                     "infra.bs,5G,5G基站,2022-06,1700000,个,e\n"
                                     ",制造业,链主企业,2027,3,家,f\n"
                                     ",人工智能,企业,2025,6000,家,g\n");
    g_autoptr(JbTable) uconf = jb_table_new(JB_CONFLICTS_HEADER);
    g_ptr_array_set_size(warn, 0);
    JbReshapeOptions uo = {.conflicts = uconf};
    g_autoptr(JbTable) u = jb_reshape(units, dict, &uo, warn, &e);
    g_autofree char *urows = rows_of(u);
    is_str(urows, "ai.size 2022 400000000000; infra.bs 2022-06 1700000; u.rate 2022 5.9",
           "rows in another unit are left out; unknown metrics too by default");
    ok(has_warning(warn,
                   "m.csv:3: unit '亿元' for ai.size, whose base unit is '元' (the dictionary)"),
       "a unit other than the dictionary's is named");
    ok(has_warning(warn, "m.csv:5: unit '' for u.rate, whose base unit is '%' (its first row)"),
       "without a dictionary entry the first row's unit is the base");
    ok(jb_table_n_rows(uconf) == 2, "both are in conflicts.csv (%u)", jb_table_n_rows(uconf));
    is_str(cell(uconf, 0, "kind"), "unit", "with kind unit");
    is_str(cell(uconf, 1, "kept_line"), "4", "naming the line that set the base unit");
    is_str(cell(u, 0, "label"), "人工智能核心产业规模", "labels come from the dictionary");
    is_str(cell(u, 1, "display_unit"), "万", "counts from 1万 display in 万");
    is_str(cell(u, 2, "display_unit"), "", "percentages never scale");

    /* a unit kept as the source spelled it is the base unit it spells (元人民币 is 元), and the
     * series writes the base's spelling; ‰ is not % */
    g_autoptr(JbTable) spelt = parse("metric_id,subject,metric,period,value,unit,source\n"
                                     "ai.size,人工智能,产业规模,2022,400000000000,元,a\n"
                                     "ai.size,人工智能,产业规模,2023,500000000000,元人民币,b\n"
                                     "u.birth,,出生率,2022,6.9,‰,c\n"
                                     "u.birth,,出生率,2023,0.7,%,d\n");
    g_ptr_array_set_size(warn, 0);
    JbReshapeOptions spo = {.include_unknown = TRUE};
    g_autoptr(JbTable) su = jb_reshape(spelt, dict, &spo, warn, &e);
    g_autofree char *srows = rows_of(su);
    is_str(srows, "ai.size 2022 400000000000; ai.size 2023 500000000000; u.birth 2022 6.9",
           "元人民币 is 元; a %% row of a ‰ metric is left out");
    is_str(cell(su, 1, "unit"), "元", "the series spells the base unit (元, not 元人民币)");
    is_str(cell(su, 2, "unit"), "‰", "‰ is kept as stated");
    ok(warn->len == 1, "one warning, the %% row (%u)", warn->len);

    /* filters */
    JbReshapeOptions unk = {.include_unknown = TRUE};
    g_autoptr(JbTable) uk = jb_reshape(units, dict, &unk, warn, &e);
    g_autofree char *ukrows = rows_of(uk);
    is_str(ukrows,
           "ai.size 2022 400000000000; infra.bs 2022-06 1700000; u.rate 2022 5.9; "
           "unknown:人工智能:企业 2025 6000; unknown:制造业:链主企业 2027 3",
           "without --known-only, unknown metrics are keyed by subject and metric text");
    is_str(cell(uk, 3, "label"), "人工智能企业", "an unknown metric's label is subject + metric");
    const char *subj[] = {"人工智能", NULL};
    JbReshapeOptions so = {.include_unknown = TRUE, .subjects = subj};
    g_autoptr(JbTable) sj = jb_reshape(units, dict, &so, warn, &e);
    g_autofree char *sjrows = rows_of(sj);
    is_str(sjrows, "ai.size 2022 400000000000; unknown:人工智能:企业 2025 6000", "--subject");
    const char *met[] = {"infra", "unknown", NULL};
    JbReshapeOptions mo = {.include_unknown = TRUE, .metrics = met};
    g_autoptr(JbTable) mt = jb_reshape(units, dict, &mo, warn, &e);
    g_autofree char *mtrows = rows_of(mt);
    is_str(
        mtrows,
        "infra.bs 2022-06 1700000; unknown:人工智能:企业 2025 6000; unknown:制造业:链主企业 2027 3",
        "--metric keeps an id and the ids under it");
    const char *exact[] = {"ai.siz", NULL};
    JbReshapeOptions mx = {.metrics = exact};
    g_autoptr(JbTable) mxt = jb_reshape(units, dict, &mx, warn, &e);
    ok(jb_table_n_rows(mxt) == 0, "--metric ai.siz does not match ai.size");
    JbReshapeOptions since = {.include_unknown = TRUE, .since = "2022-07", .until = "2025"};
    g_autoptr(JbTable) sn = jb_reshape(units, dict, &since, warn, &e);
    g_autofree char *snrows = rows_of(sn);
    is_str(snrows, "ai.size 2022 400000000000; u.rate 2022 5.9; unknown:人工智能:企业 2025 6000",
           "--since 2022-07 --until 2025: the year 2022 overlaps, June 2022 and 2027 do not");

    /* periods */
    const char *good[] = {"2025",    "2022-06", "2022-06-24",      "1999-12-31",
                          "2021-H1", "2020-Q4", "2021-01/2021-11", "2021/2025"};
    const char *bad_p[] = {"",           "202",      "20255",   "2022-6",       "2022-00",
                           "2022-06-32", "２０２５", "2022/06", "2022-06-24T10"};
    gboolean all_good = TRUE, all_bad = TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(good); i++)
        all_good &= jb_period_valid(good[i]);
    for (guint i = 0; i < G_N_ELEMENTS(bad_p); i++)
        all_bad &= !jb_period_valid(bad_p[i]);
    ok(all_good && all_bad, "jb_period_valid: the period grammar only");

    /* derived series (see also test_derive) come out sorted with the rest */
    JbReshapeOptions dv = {.year_periods = TRUE, .derive = JB_DERIVE_CAGR | JB_DERIVE_CHANGE};
    g_autoptr(JbTable) d = jb_reshape(m, NULL, &dv, warn, &e);
    g_autofree char *drows = rows_of(d);
    is_str(drows,
           "ai.size 2022 400000000000; ai.size 2025 1100000000000; ai.size.cagr 2025 40.1; "
           "ai.size.change 2025 700000000000",
           "--derive cagr,change adds ai.size.cagr and ai.size.change");

    /* long → wide → long is lossless, awkward text included */
    g_autoptr(JbTable)
        tricky = parse("metric_id,period,value,unit,bound,forecast,source,subject,metric\n"
                       "a.x,2022,-25000,元,at_most,0,\"q,1.md\",,\n"
                       "a.x,2023-06,0.5,元,about,1,\"say \"\"hi\"\"\",,\n"
                       "b.y,2023-06,7,家,exact,0,\"two\nlines\",,\n"
                       "b.y,2023-06,7,家,exact,0,@SUM(1),,\n"
                       "c.z,2022,1,个,exact,0,=cmd|' /C calc'!A0,,\n"
                       ",2024,3,项,exact,0,s,人工智能,标准|label\n");
    JbReshapeOptions all = {.include_unknown = TRUE};
    g_autoptr(JbTable) lo = jb_reshape(tricky, NULL, &all, warn, &e);
    g_autoptr(JbTable) wide = jb_series_to_wide(lo);
    ok(jb_table_n_rows(wide) == 3, "wide: one row per period (%u)", jb_table_n_rows(wide));
    is_str(jb_table_header(wide, 1), "a.x", "wide: a column per metric");
    is_str(jb_table_get(wide, 1, 2), "7", "wide: the value of b.y in 2023-06");
    g_autoptr(GString) lo_csv = jb_table_to_csv(lo);
    g_autoptr(GString) wide_csv = jb_table_to_csv(wide);
    g_autoptr(JbTable) wide_read = jb_table_parse("w.csv", wide_csv->str, wide_csv->len, &e);
    g_autoptr(JbTable) back = jb_series_from_wide(wide_read, warn, &e);
    g_autoptr(GString) back_csv = jb_table_to_csv(back);
    is_str(back_csv->str, lo_csv->str, "long → wide → long is lossless");
    g_autoptr(GString) xl = jb_table_to_excel_csv(wide);
    ok(strstr(xl->str, "'=cmd|") != NULL, "the excel wide file neutralises a formula-like source");
    g_autoptr(JbTable) xl_read = jb_table_parse("x.csv", xl->str, xl->len, &e);
    g_autoptr(JbTable) xl_back = jb_series_from_wide(xl_read, warn, &e);
    g_autoptr(GString) xl_back_csv = jb_table_to_csv(xl_back);
    is_str(xl_back_csv->str, lo_csv->str, "long → wide --excel → long is lossless too");
    g_autoptr(JbTable) lo_ex = jb_reshape(m, NULL, &year, warn, &e);
    g_autoptr(JbTable) w_ex = jb_series_to_wide(lo_ex);
    g_autoptr(JbTable) b_ex = jb_series_from_wide(w_ex, warn, &e);
    g_autoptr(GString) c1 = jb_table_to_csv(lo_ex), c2 = jb_table_to_csv(b_ex);
    is_str(c2->str, c1->str, "and for the first sample");

    /* a hand-made wide file: attribute columns missing, a bad cell */
    g_autoptr(JbTable) hand = parse("\xEF\xBB\xBFperiod,ai.size,ai.n\r\n2022,4,x\r\n2023,,5\r\n");
    g_ptr_array_set_size(warn, 0);
    g_autoptr(JbTable) hl = jb_series_from_wide(hand, warn, &e);
    g_autoptr(GString) hl_csv = jb_table_to_csv(hl);
    is_str(hl_csv->str,
           "metric_id,label,period,value,unit,bound,forecast,sources,display_unit,frequency,"
           "value_high\n"
           "ai.n,ai.n,2023,5,,exact,0,,,year,\n"
           "ai.size,ai.size,2022,4,,exact,0,,,year,\n",
           "a hand-made wide file reads with defaults");
    ok(has_warning(warn, "m.csv:2: value 'x' for ai.n is not a plain decimal; cell skipped"),
       "and a bad cell is named");
    g_autoptr(JbTable) noperiod = parse("year,a\n2022,1\n");
    g_autoptr(JbTable) np = jb_series_from_wide(noperiod, warn, &e);
    ok(np == NULL && e && strstr(e->message, "m.csv:1: missing column 'period'"),
       "a wide file needs a period column");
    g_clear_error(&e);
    return tap_done();
}
