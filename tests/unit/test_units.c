/* test_units.c — jb_units: labels as stated (tests/data/units.tsv), changes between two
 * figures (tests/data/changes.tsv), display units and exact arithmetic.
 * Run from the repository root; JB_TESTDATA=dir reads the .tsv files from elsewhere. */
#include "jb_units.h"
#include "tap.h"

#include <string.h>

/* The lines of a .tsv file split into fields; '#' lines and blank lines skipped. */
static GPtrArray *read_tsv(const char *file)
{
    const char *dir = g_getenv("JB_TESTDATA") ? g_getenv("JB_TESTDATA") : "tests/data";
    g_autofree char *path = g_build_filename(dir, file, NULL);
    g_autofree char *text = NULL;
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    if (!g_file_get_contents(path, &text, NULL, NULL)) {
        ok(0, "read %s", path);
        return rows;
    }
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++)
        if (**l && **l != '#')
            g_ptr_array_add(rows, g_strsplit(*l, "\t", -1));
    return rows;
}

static JbDecimal dec(const char *s)
{
    JbDecimal d = {0, 0};
    g_assert(jb_decimal_parse(s, &d));
    return d;
}

static char *dec_text(gboolean good, JbDecimal d)
{
    return good ? jb_decimal_to_string(d) : g_strdup("FALSE");
}

int main(void)
{
    g_autoptr(GPtrArray) labels = read_tsv("units.tsv");
    ok(labels->len >= 30, "units.tsv has its cases (%u)", labels->len);
    for (guint i = 0; i < labels->len; i++) {
        char **f = g_ptr_array_index(labels, i);
        if (g_strv_length(f) != 7) {
            ok(0, "units.tsv: case %u has 7 fields", i);
            continue;
        }
        JbFigure fig;
        gboolean parsed = jb_figure_parse(f[1], f[2], f[3], &fig);
        guint style = strcmp(f[5], "western") == 0        ? JB_LABEL_WESTERN
                      : strcmp(f[5], "western_full") == 0 ? JB_LABEL_WESTERN | JB_LABEL_FULL_UNIT
                      : strcmp(f[5], "full") == 0         ? JB_LABEL_FULL_UNIT
                                                          : 0;
        g_autofree char *got = parsed ? jb_units_label(&fig, f[4], style) : NULL;
        is_str(got, f[6], "label %s: %s %s %s", f[0], f[1], f[2], f[4]);
    }

    /* units kept as stated compare as the unit they spell */
    is_str(jb_unit_base("元人民币"), "元", "元人民币 is compared as 元");
    is_str(jb_unit_base("元人民幣"), "元", "元人民幣 too");
    is_str(jb_unit_base("日历天"), "天", "日历天 as 天");
    is_str(jb_unit_base("‰"), "‰", "‰ stays ‰ (not a spelling of %%)");
    is_str(jb_unit_base("美元/桶"), "美元/桶", "any other unit is itself");
    ok(jb_unit_same("元", "元人民币") && !jb_unit_same("元", "美元") && !jb_unit_same("%", "‰"),
       "jb_unit_same: 元 = 元人民币, 元 ≠ 美元, %% ≠ ‰");
    /* a count in traditional script is the simplified count (輛 is 辆 in the dictionary,
     * in reshape and on a chart's axis) */
    is_str(jb_unit_base("輛"), "辆", "輛 is compared as 辆");
    is_str(jb_unit_base("點"), "点", "點 as 点");
    is_str(jb_unit_base("個"), "个", "個 as 个");
    is_str(jb_unit_base("臺（套）"), "台（套）", "臺（套） as 台（套）");
    is_str(jb_unit_base("萬噸"), "万吨", "萬噸 as 万吨");
    is_str(jb_unit_base("億立方米"), "亿立方米", "億立方米 as 亿立方米");
    is_str(jb_unit_base("日曆天"), "天", "日曆天 as 天");
    is_str(jb_unit_base("日圓"), "日元", "日圓 as 日元");
    is_str(jb_unit_base("新臺幣"), "新台币", "新臺幣 as 新台币");
    is_str(jb_unit_base("GWh"), "GWh", "Latin units are themselves");
    ok(jb_unit_same("輛次", "辆次") && jb_unit_same("千瓦時", "千瓦时") &&
           !jb_unit_same("輛", "台"),
       "jb_unit_same: 輛次 = 辆次, 千瓦時 = 千瓦时, 輛 ≠ 台");
    ok(jb_unit_base("點") == jb_unit_base("點"),
       "a simplified spelling is made once (the same string)");
    /* every unit of templates/units.tsv in traditional script has its simplified kin there,
     * and jb_unit_base maps it onto that kin */
    {
        g_autofree char *tsv = NULL;
        ok(g_file_get_contents("templates/units.tsv", &tsv, NULL, NULL),
           "templates/units.tsv read");
        g_auto(GStrv) lines = g_strsplit(tsv ? tsv : "", "\n", -1);
        g_autoptr(GHashTable) units = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (char **l = lines; *l; l++) {
            g_auto(GStrv) f = g_strsplit(*l, "\t", -1);
            if (**l != '#' && g_strv_length(f) >= 2 && strcmp(f[1], "unit") == 0)
                g_hash_table_add(units, g_strdup(f[0]));
        }
        guint mapped = 0, orphans = 0;
        GHashTableIter it;
        gpointer k;
        g_hash_table_iter_init(&it, units);
        while (g_hash_table_iter_next(&it, &k, NULL)) {
            const char *base = jb_unit_base(k);
            if (base != k && strcmp(base, k) != 0) {
                mapped++;
                if (!g_hash_table_contains(units, base) && strcmp(base, "元") != 0) {
                    printf("# %s → %s, which units.tsv lacks\n", (char *)k, base);
                    orphans++;
                }
            }
        }
        ok(mapped >= 40 && orphans == 0,
           "units.tsv: %u traditional spellings map onto a simplified unit it lists (%u do not)",
           mapped, orphans);
    }

    g_autoptr(GPtrArray) changes = read_tsv("changes.tsv");
    ok(changes->len >= 10, "changes.tsv has its cases (%u)", changes->len);
    for (guint i = 0; i < changes->len; i++) {
        char **f = g_ptr_array_index(changes, i);
        if (g_strv_length(f) != 8) {
            ok(0, "changes.tsv: case %u has 8 fields", i);
            continue;
        }
        JbFigure a, b;
        ok(jb_figure_parse(f[1], f[2], NULL, &a) && jb_figure_parse(f[3], f[4], NULL, &b),
           "change %s: figures parse", f[0]);
        JbChange ch = jb_units_change(&a, &b, f[5]);
        g_autofree char *text = jb_units_change_text(&ch, "2022年");
        g_autofree char *mark = jb_units_change_mark(&ch);
        is_str(text, *f[6] ? f[6] : NULL, "change %s: text", f[0]);
        is_str(mark, *f[7] ? f[7] : NULL, "change %s: mark", f[0]);
    }

    /* the display unit: one rule for the axis, the labels and series.csv */
    is_str(jb_units_display("美元", 3.4e12), "万亿", "3.4万亿美元: the axis is in 万亿美元");
    g_autofree char *axis = jb_units_axis_text(jb_units_display("美元", 3.4e12), "美元", FALSE);
    is_str(axis, "万亿美元", "its axis text");
    g_autofree char *west = jb_units_axis_text("T", "元", TRUE);
    is_str(west, "元 (trillions)", "western axis text, not 'T元'");
    ok(jb_units_display_exp("万亿") == 12 && jb_units_display_exp("亿") == 8 &&
           jb_units_display_exp("") == 0 && jb_units_display_exp("B") == 9,
       "display exponents");
    g_autofree char *n1 = jb_units_number(dec("7"), 1, "");
    is_str(n1, "7.0", "7 written 7.0 stays 7.0");
    g_autofree char *n2 = jb_units_number(dec("340000000000"), 0, "万亿");
    is_str(n2, "0.34", "in a larger display unit: exact");

    /* exact arithmetic */
    JbDecimal r;
    g_autofree char *s1 = dec_text(jb_units_add(dec("0.1"), dec("0.2"), &r), r);
    is_str(s1, "0.3", "0.1 + 0.2 = 0.3 exactly");
    g_autofree char *s2 = dec_text(jb_units_sub(dec("5.9"), dec("5.7"), &r), r);
    is_str(s2, "0.2", "5.9 − 5.7 = 0.2 exactly");
    g_autofree char *s3 = dec_text(jb_units_div(dec("2"), dec("3"), 2, &r), r);
    is_str(s3, "0.67", "2 ÷ 3 = 0.67");
    g_autofree char *s4 = dec_text(jb_units_div(dec("-1"), dec("8"), 2, &r), r);
    is_str(s4, "-0.13", "−1 ÷ 8 = −0.13 (half away from zero)");
    g_autofree char *s5 = dec_text(jb_units_div(dec("1200000000000"), dec("400000000000"), 2, &r),
                                   r);
    is_str(s5, "3", "1.2万亿 ÷ 4000亿 = 3");
    g_autofree char *s6 = dec_text(jb_units_div(dec("1"), dec("0"), 2, &r), r);
    is_str(s6, "FALSE", "÷ 0 is refused");
    g_autofree char *s7 = dec_text(jb_units_add(dec("999999999999999999"), dec("1"), &r), r);
    is_str(s7, "1000000000000000000", "a carry into the 19th digit moves to the exponent");
    g_autofree char *s8 = dec_text(jb_units_add(dec("999999999999999999"), dec("0.5"), &r), r);
    is_str(s8, "FALSE", "a sum over 18 digits is refused, not wrapped");
    ok(jb_units_bound_of(JB_BOUND_AT_LEAST, JB_BOUND_AT_LEAST) == JB_BOUND_ABOUT &&
           jb_units_bound_of(JB_BOUND_AT_LEAST, JB_BOUND_EXACT) == JB_BOUND_AT_LEAST &&
           jb_units_bound_of(JB_BOUND_EXACT, JB_BOUND_AT_LEAST) == JB_BOUND_AT_MOST,
       "bounds of a difference or quotient");
    JbFigure bad;
    ok(!jb_figure_parse("5", "range", "", &bad) && !jb_figure_parse("x", "exact", NULL, &bad) &&
           !jb_figure_parse("5", "roughly", NULL, &bad),
       "a range without its high end, a non-number and an unknown bound are refused");
    return tap_done();
}
