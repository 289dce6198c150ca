#include "fuzz.h"
#include "jb_chart.h"

#include <string.h>
#include <unistd.h>

static const char SERIES[] = "metric_id,label,period,value,unit,bound,forecast,sources\n"
                             "a.b,标签,2022,400000000000,元,at_least,0,x.md\n"
                             "a.b,标签,2025,1200000000000,元,at_least,1,y.md\n";

/* A spec, then optionally a line `%%series` and a series.csv of its own (the long-input
 * seeds: charts of 20 series of 120 months), drawn into a PNG written to /dev/null. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static JbSeries *fixed;
    static char *png;
    if (!fixed) {
        fixed = jb_series_new_take(jb_table_parse("series.csv", SERIES, sizeof SERIES - 1, NULL));
        char *dir = g_dir_make_tmp("jb-fuzz-chart-XXXXXX", NULL);
        png = g_build_filename(dir, "out.png", NULL); /* left for the process's life */
        g_assert(symlink("/dev/null", png) == 0);     /* a device: written in place */
        g_free(dir);
    }
    g_autofree char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    g_autoptr(JbSeries) own = NULL;
    char *sep = strstr(text, "\n%%series\n");
    if (sep) {
        *sep = 0;
        const char *csv = sep + strlen("\n%%series\n");
        JbTable *t = jb_table_parse("fuzz-series.csv", csv, strlen(csv), NULL);
        if (!t)
            return 0;
        own = jb_series_new_take(t);
    }
    g_autoptr(JbChart) c = jb_chart_spec_parse("fuzz.chart", 1, text, NULL);
    if (c && jb_chart_load_series(c, own ? own : fixed, NULL))
        jb_chart_render(c, png, 1.0, NULL);
    return 0;
}
