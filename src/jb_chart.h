/* jb_chart.h — stage 3: charts of series, drawn with cairo and pango.
 *
 * A chart is built from a spec (GKeyFile text, the same in a .chart file, on the command
 * line and in report templates; see README "Chart specs") plus the rows of series.csv for
 * one metric. It draws onto any cairo context at its logical size in points, so the report
 * stage embeds it as vector graphics, and jb_chart_render writes PNG, PDF or SVG.
 *
 * Text follows Chinese news-chart practice: values read 4000亿 / 1.2万亿 / 超6000家, the axis
 * uses one display unit (万, 亿, 万亿) with extended-Wilkinson ticks, forecasts are hatched
 * and marked 预计, and a source line names the articles.
 *
 * Not for: computing series (jb_reshape) or page layout (jb_report).
 */
#ifndef JB_CHART_H
#define JB_CHART_H

#include "jb_number.h"
#include "jb_table.h"

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

typedef struct {
    char *label;     /* category, e.g. the period "2025" */
    JbDecimal value; /* base units */
    JbBound bound;
    gboolean forecast;
} JbChartPoint;

typedef struct {
    char *metric_id;
    char *type;     /* "bar" */
    char *title;    /* default: the metric's label */
    char *subtitle; /* default: the period range, and which values are forecasts */
    char *source;   /* default: "来源：" and the series' sources */
    char *unit;     /* base unit of the values, from the series */
    double width, height; /* points; default 800×450 */
    gboolean allow_missing_glyphs;
    gboolean transparent;
    GPtrArray *points;   /* JbChartPoint*, owned */
    GPtrArray *warnings; /* char*, owned: e.g. missing glyphs when allowed */
} JbChart;

JbChart *jb_chart_new(void);
void jb_chart_free(JbChart *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbChart, jb_chart_free)

/* Read a spec: "key = value" lines, with or without a "[chart]" group line. Keys: metric,
 * type, title, subtitle, source, width, height. `source` and `first_line` place errors
 * ("briefing.md:14: unknown chart key 'colour'"). */
JbChart *jb_chart_spec_parse(const char *source, guint first_line, const char *text,
                             GError **error);
/* Take the rows of `series` whose metric_id is the chart's, in file order. JB_ERROR_INPUT
 * when there are none. */
gboolean jb_chart_load_series(JbChart *c, const JbTable *series, GError **error);

/* Draw into the rectangle (0, 0, width, height) of `cr`. Fails (JB_ERROR_INPUT) when a
 * character has no glyph in any font, naming the characters, unless allow_missing_glyphs. */
gboolean jb_chart_draw(JbChart *c, cairo_t *cr, PangoContext *pango, GError **error);

/* Draw to `path` (.png, .pdf or .svg), replaced atomically. `scale`: px per pt for PNG. */
gboolean jb_chart_render(JbChart *c, const char *path, double scale, GError **error);

/* A value as a chart label, the Chinese way: "4000亿", "1.2万亿", "超6000家", "5.9%". */
char *jb_chart_value_label(JbDecimal v, const char *unit, JbBound bound);

#endif
