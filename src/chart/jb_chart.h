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

typedef enum {
    JB_CHART_BAR,     /* vertical bars, one series */
    JB_CHART_HBAR,    /* horizontal bars, one series, labelled at the bar ends */
    JB_CHART_GROUPED, /* bars side by side, several series */
    JB_CHART_STACKED, /* bars stacked, several series, totals on top */
    JB_CHART_LINE,    /* lines with markers, several series, forecast segments dashed */
    JB_CHART_AREA,    /* lines over filled areas */
    JB_CHART_COMBO,   /* first series as bars (left axis), second as a line (right axis) */
    JB_CHART_DONUT,   /* shares: one slice per metric (latest value), or per point of one */
    JB_CHART_KPI,     /* the latest value big, its label, and the change since the first */
} JbChartKind;

/* One metric's points. */
typedef struct {
    char *metric_id;
    char *label;       /* the series' label column, or the spec's `labels` */
    char *unit;        /* base unit */
    GPtrArray *points; /* JbChartPoint*, owned, file order */
} JbChartSeries;

/* A laid-out piece of text, in points: what jb_chart_draw placed (for overlap tests). */
typedef struct {
    double x, y, w, h;
    char *text;
} JbChartBox;

/* Colours and sizes; a .theme file in templates/ overrides the default (see README). */
typedef struct {
    char palette[8][10]; /* "#RRGGBB"; series i takes palette[i % n_palette] */
    int n_palette;
    char ink[10], muted[10], grid[10], axis[10], background[10];
    double title_size, subtitle_size, tick_size, category_size, value_size, source_size;
    gboolean gridlines;
    gboolean bold; /* bold title and value labels: a second font in every PDF (~+2 KB) */
    gboolean hatch; /* forecast bars hatched (for print); default: lighter fill, dashed outline */
} JbChartTheme;

typedef struct {
    char *metric_id;  /* the first of the metrics */
    char *type;       /* bar, hbar, grouped, stacked, line, area, combo, donut, kpi */
    JbChartKind kind;
    GPtrArray *metrics; /* char*: every metric id of the spec, in order */
    GPtrArray *series;  /* JbChartSeries*, one per metric, filled by jb_chart_load_series */
    char *labels;       /* `labels = a; b`: series labels overriding series.csv's */
    gboolean western;   /* number style: 400B instead of 4000亿 */
    char *growth;       /* annotation between the first and last bar: NULL/"none", "auto", or text */
    JbChartTheme theme;
    GArray *boxes;      /* JbChartBox: every text drawn by the last jb_chart_draw */
    char *title;    /* default: the metric's label */
    char *subtitle; /* default: the period range, and which values are forecasts */
    char *source;   /* default: "来源：" and the series' sources */
    char *unit;     /* base unit of the values, from the series */
    double width, height; /* points; default 800×450 */
    gboolean allow_missing_glyphs;
    gboolean transparent;
    gboolean svg_text;  /* SVG output writes text as <text>, not glyph outlines (svg_text = text) */
    GPtrArray *points;   /* the first series' points (a reference to series[0]->points) */
    GPtrArray *warnings; /* char*, owned: e.g. missing glyphs when allowed */
} JbChart;

/* Resource limits, checked before anything is drawn or allocated for them: a spec that
 * names more series, or a series with more points, is refused with JB_ERROR_LIMIT. */
#define JB_CHART_MAX_SERIES 64
#define JB_CHART_MAX_POINTS 5000

JbChart *jb_chart_new(void);
void jb_chart_free(JbChart *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbChart, jb_chart_free)

/* Read a spec: "key = value" lines, with or without a "[chart]" group line. Keys: metric
 * (or metrics; several ids separated by ';'), type, title, subtitle, source, width, height,
 * size (slide, a4, square), labels, number_style (chinese, western), growth (auto, none or
 * the text), theme (a .theme file). `source` and `first_line` place errors
 * ("briefing.md:14: unknown chart key 'colour'"). */
JbChart *jb_chart_spec_parse(const char *source, guint first_line, const char *text,
                             GError **error);
/* Take the rows of `series` for each of the chart's metrics, in file order. JB_ERROR_INPUT
 * when a metric has none. */
gboolean jb_chart_load_series(JbChart *c, const JbTable *series, GError **error);

/* Draw into the rectangle (0, 0, width, height) of `cr`. Fails (JB_ERROR_INPUT) when a
 * character has no glyph in any font, naming the characters, unless allow_missing_glyphs. */
gboolean jb_chart_draw(JbChart *c, cairo_t *cr, PangoContext *pango, GError **error);

/* Draw to `path` (.png, .pdf or .svg), replaced atomically. `scale`: px per pt for PNG. */
gboolean jb_chart_render(JbChart *c, const char *path, double scale, GError **error);

/* A value as a chart label, the Chinese way: "4000亿", "1.2万亿", "超6000家", "5.9%". */
char *jb_chart_value_label(JbDecimal v, const char *unit, JbBound bound);
/* The same, western style: "400B", "1.2T", "1.7M", ">6,000家", "5.9%". */
char *jb_chart_value_label_western(JbDecimal v, const char *unit, JbBound bound);

/* Set the chart's kind from a type name; FALSE when unknown. */
gboolean jb_chart_set_type(JbChart *c, const char *type);
/* Load a theme file (GKeyFile, group [theme]) over the chart's theme. */
gboolean jb_chart_load_theme(JbChart *c, const char *path, GError **error);
/* The supported types, for messages: "bar, hbar, …". */
#define JB_CHART_TYPES "bar, hbar, grouped, stacked, line, area, combo, donut, kpi"

#endif
