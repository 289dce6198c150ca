#include "fuzz.h"
#include "jb_chart.h"

static const char SERIES[] = "metric_id,label,period,value,unit,bound,forecast,sources\n"
                             "a.b,标签,2022,400000000000,元,at_least,0,x.md\n"
                             "a.b,标签,2025,1200000000000,元,at_least,1,y.md\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static JbSeries *series;
    if (!series)
        series = jb_series_new_take(jb_table_parse("series.csv", SERIES, sizeof SERIES - 1, NULL));
    g_autofree char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    g_autoptr(JbChart) c = jb_chart_spec_parse("fuzz.chart", 1, text, NULL);
    if (c)
        jb_chart_load_series(c, series, NULL);
    return 0;
}
