/* jb_series: series.csv's rows typed once — values as stated, ranges, periods, odd cells. */
#include "jb_common.h"
#include "jb_series.h"
#include "tap.h"

#include <string.h>

static JbSeries *parse(const char *csv)
{
    GError *e = NULL;
    JbTable *t = jb_table_parse("s.csv", csv, strlen(csv), &e);
    g_assert_no_error(e);
    return jb_series_new_take(t);
}

static char *figure_text(const JbSeriesRow *r)
{
    char buf[64];
    jb_decimal_format_stated(jb_decimal_with_places(r->fig.value, r->fig.decimals), buf,
                             sizeof buf);
    return g_strdup(buf);
}

int main(void)
{
    /* columns in another order, one extra, frequency and display_unit missing */
    g_autoptr(JbSeries)
        s = parse("extra,period,metric_id,value,bound,value_high,unit,label,forecast,sources\n"
                  "x,2025,gdp.growth,7.0,exact,,%,增速,1,a.md; b.md\n"
                  "x,2024-H1,gdp.growth,5,range,5.5,%,增速,0,c.md\n"
                  "x,2024-01/2024-09,robots,1200000000000,at_least,,台,机器人,0,\n"
                  "x,2023,robots,12,sideways,,台,机器人,0,\n"
                  "x,later,,abc,exact,,台,,0,\n");
    ok(jb_series_check(s, NULL) && jb_series_n_rows(s) == 5, "a series of 5 rows");
    const JbSeriesRow *r = jb_series_row(s, 0);
    g_autofree char *v0 = figure_text(r);
    ok(r->stated && r->has_value && strcmp(v0, "7.0") == 0 && r->fig.decimals == 1,
       "7.0 stays 7.0 (%s, %d decimals)", v0, r->fig.decimals);
    ok(r->forecast && r->timed && jb_period_freq(&r->period) == JB_FREQ_YEAR &&
           strcmp(r->unit, "%") == 0 && strcmp(r->sources, "a.md; b.md") == 0 &&
           strcmp(r->label, "增速") == 0 && r->line == 2,
       "forecast, period, unit, sources, label and line read by name");
    ok(strcmp(r->frequency, "") == 0 && strcmp(r->display_unit, "") == 0 &&
           strcmp(r->cell[JB_SERIES_DISPLAY_UNIT], "") == 0,
       "a missing column reads as an empty cell");
    r = jb_series_row(s, 1);
    ok(r->stated && r->fig.range && r->fig.high_decimals == 1 &&
           jb_decimal_to_double(r->fig.high) == 5.5 && !r->forecast &&
           jb_period_freq(&r->period) == JB_FREQ_HALF,
       "a range has its upper end, a half its frequency");
    r = jb_series_row(s, 2);
    ok(r->stated && r->fig.bound == JB_BOUND_AT_LEAST && jb_period_freq(&r->period) == JB_FREQ_YTD,
       "at_least, and a cumulative period from January");
    r = jb_series_row(s, 3);
    ok(!r->stated && r->has_value && r->fig.bound == JB_BOUND_EXACT &&
           strcmp(r->cell[JB_SERIES_BOUND], "sideways") == 0,
       "an odd bound: not stated, the value read as exact, the cell kept as written");
    r = jb_series_row(s, 4);
    ok(!r->stated && !r->has_value && !r->timed && strcmp(r->cell[JB_SERIES_VALUE], "abc") == 0 &&
           strcmp(r->period_text, "later") == 0,
       "a value and a period that cannot be read keep their text");

    const GArray *robots = jb_series_rows_of(s, "robots");
    ok(robots->len == 2 && g_array_index(robots, guint, 0) == 2 &&
           g_array_index(robots, guint, 1) == 3,
       "the rows of a metric, in file order");
    ok(jb_series_rows_of(s, "none")->len == 0, "no rows for an unknown id");
    const GPtrArray *ids = jb_series_ids(s);
    ok(ids->len == 2 && strcmp(ids->pdata[0], "gdp.growth") == 0 &&
           strcmp(ids->pdata[1], "robots") == 0,
       "ids in order of first appearance, the empty one left out");

    int cols[JB_SERIES_N_COLS];
    jb_series_columns(jb_series_table(s), cols);
    ok(cols[JB_SERIES_PERIOD] == 1 && cols[JB_SERIES_METRIC_ID] == 2 &&
           cols[JB_SERIES_FREQUENCY] == -1,
       "columns found by name, -1 for a missing one");
    ok(g_strv_length((char **)JB_SERIES_HEADER) == JB_SERIES_N_COLS &&
           strcmp(JB_SERIES_HEADER[JB_SERIES_VALUE_HIGH], "value_high") == 0,
       "the header names every column of the schema");

    GError *e = NULL;
    g_autoptr(JbSeries) bad = parse("metric_id,value\nx,1\n");
    ok(!jb_series_check(bad, &e) && e &&
           strcmp(e->message, "s.csv:1: not a series table (needs metric_id, period, value)") == 0,
       "a table without a period column is no series, said as the chart said it");
    g_clear_error(&e);
    ok(!jb_series_read("/nonexistent/series.csv", &e) && e, "an unreadable file is an error");
    g_clear_error(&e);
    return tap_done();
}
