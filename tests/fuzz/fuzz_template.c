#include "fuzz.h"
#include "jb_report.h"
#include "jb_template.h"

#include <unistd.h>

static const char SERIES[] = "metric_id,label,period,value,unit,bound,forecast,sources\n"
                             "a.b,标签,2022,400000000000,元,at_least,0,x.md\n"
                             "a.b,标签,2025,1200000000000,元,at_least,1,y.md\n"
                             "z.zero,零,2025,0,家,exact,0,y.md\n";
static const char METRICS[] =
    "source,published,period,metric_id,value,unit,bound,forecast,quote,url\n"
    "x.md,2022-07-01,2022,a.b,400000000000,元,at_least,0,超过4000亿元,https://example.org/x\n"
    "y.md,2025-01-01,2025,a.b,1200000000000,元,at_least,1,超1.2万亿元,javascript:x\n";

/* The template parsed, then typeset whole (blocks, charts, KPIs, tables, footnotes, pages)
 * into a PDF written to /dev/null: the parser alone never reached the block building that
 * crashed on deep nesting. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static JbSeries *series;
    static JbTable *metrics;
    static char *path, *pdf;
    if (!series) {
        series = jb_series_new_take(jb_table_parse("series.csv", SERIES, sizeof SERIES - 1, NULL));
        metrics = jb_table_parse("metrics.csv", METRICS, sizeof METRICS - 1, NULL);
        char *dir = g_dir_make_tmp("jb-fuzz-template-XXXXXX", NULL);
        path = g_build_filename(dir, "fuzz.md", NULL); /* left for the process's life */
        pdf = g_build_filename(dir, "out.pdf", NULL);
        g_assert(symlink("/dev/null", pdf) == 0); /* a device: written in place, no disk */
        g_free(dir);
    }
    g_autofree char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    g_autoptr(JbTemplate) t = jb_template_parse("fuzz.md", text, series, NULL);
    if (!t)
        return 0;
    g_assert(g_utf8_validate(t->body, -1, NULL));
    if (!g_file_set_contents(path, text, (gssize)size, NULL))
        return 0;
    JbReportInputs in = {.series = series, .metrics = metrics};
    jb_report_render(path, &in, pdf, NULL);
    return 0;
}
