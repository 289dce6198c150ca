/* test_period.c — the period grammar, data-driven from tests/data/periods.tsv. */
#include "jb_period.h"
#include "tap.h"

#include <stdlib.h>

static char *iso_day(gint64 days)
{
    GDate *d = g_date_new_dmy(1, 1, 1970);
    g_date_add_days(d, (guint)days);
    char *s = g_strdup_printf("%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d),
                              g_date_get_day(d));
    g_date_free(d);
    return s;
}

static void case_line(char **f, guint n, guint line)
{
    JbPeriod p;
    g_autoptr(GError) err = NULL;
    gboolean parsed = jb_period_parse(f[0], &p, &err);
    if (n >= 2 && strcmp(f[1], "ERROR") == 0) {
        ok(!parsed && err && strstr(err->message, "is not a period"), "line %u: “%s” refused (%s)",
           line, f[0], err ? err->message : "accepted");
        return;
    }
    if (!ok(parsed, "line %u: “%s” parses", line, f[0]))
        return;
    char buf[JB_PERIOD_STR_MAX];
    is_str(jb_period_format(&p, buf), f[1], "line %u: spelling", line);
    is_str(jb_freq_name(jb_period_freq(&p)), f[2], "line %u: frequency", line);
    g_autofree char *a = iso_day(jb_period_first_day(&p)), *b = iso_day(jb_period_end_day(&p));
    is_str(a, f[3], "line %u: first day", line);
    is_str(b, f[4], "line %u: end day", line);
    g_autofree char *label = jb_period_label_cn(&p);
    is_str(label, f[5], "line %u: label", line);
    /* the spelling parses back to the same period */
    JbPeriod again;
    ok(jb_period_parse(buf, &again, NULL) && jb_period_equal(&p, &again), "line %u: round trip",
       line);
}

static void order(void)
{
    const char *sorted[] = {"2021",    "2021-01/2021-12", "2021-H1",    "2021-01/2021-06",
                            "2021-Q1", "2021-01",         "2021-01-01", "2021-02",
                            "2021-Q2", "2021-H2",         "2022"};
    gboolean all = TRUE;
    for (gsize i = 0; i + 1 < G_N_ELEMENTS(sorted); i++) {
        JbPeriod a, b;
        jb_period_parse(sorted[i], &a, NULL);
        jb_period_parse(sorted[i + 1], &b, NULL);
        if (!(jb_period_cmp(&a, &b) < 0 && jb_period_cmp(&b, &a) > 0)) {
            all = FALSE;
            printf("# %s !< %s\n", sorted[i], sorted[i + 1]);
        }
    }
    ok(all, "periods sort by first day, then length, then the wider kind first");
    JbPeriod x, y;
    jb_period_parse("2021-01/2021-12", &x, NULL);
    jb_period_parse("2021", &y, NULL);
    ok(jb_period_is_year(&x) && jb_period_is_year(&y) && !jb_period_equal(&x, &y),
       "a cumulative January–December is a year but keeps its spelling");
    jb_period_parse("2021-01/2021-10", &x, NULL);
    ok(!jb_period_is_year(&x) && jb_period_year(&x) == 2021, "1—10月 is not the year");
}

static void arithmetic(void)
{
    JbPoint d = jb_point_of_days(19966); /* 2024-08-31 */
    ok(d.kind == JB_POINT_DAY && d.year == 2024 && d.n == 8 && d.day == 31,
       "day 19966 is 2024-08-31");
    ok(jb_weekday(19966) == 5, "2024-08-31 was a Saturday");
    ok(jb_point_first_day(&d) == 19966, "and back to its days");
    JbPoint q = {JB_POINT_QUARTER, 2020, 1, 0};
    JbPoint prev = jb_point_add(q, -1);
    ok(prev.year == 2019 && prev.n == 4, "the quarter before 2020-Q1 is 2019-Q4");
    JbPoint m = {JB_POINT_MONTH, 2024, 12, 0};
    JbPoint next = jb_point_add(m, 1);
    ok(next.year == 2025 && next.n == 1, "the month after 2024-12 is 2025-01");
    JbPoint leap = {JB_POINT_DAY, 2024, 2, 29};
    JbPoint y = jb_point_add_years(leap, -1);
    ok(y.year == 2023 && y.n == 2 && y.day == 28, "29 February a year back is 28 February");
    JbPoint dd = jb_point_add(leap, 1);
    ok(dd.year == 2024 && dd.n == 3 && dd.day == 1, "the day after 2024-02-29 is 2024-03-01");
}

int main(void)
{
    arithmetic();
    g_autofree char *text = NULL;
    g_autoptr(GError) err = NULL;
    const char *path = "tests/data/periods.tsv";
    if (!g_file_get_contents(path, &text, NULL, &err)) {
        ok(0, "read %s: %s", path, err->message);
        return tap_done();
    }
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        if (lines[i][0] == '#' || (!lines[i][0] && !lines[i + 1]))
            continue;
        g_auto(GStrv) f = g_strsplit(lines[i], "\t", -1);
        guint n = g_strv_length(f);
        if (n < 2) {
            ok(0, "line %u: malformed", i + 1);
            continue;
        }
        case_line(f, n, i + 1);
    }
    order();
    return tap_done();
}
