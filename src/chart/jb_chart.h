/* jb_chart.h — stage 3: charts of series, drawn with cairo and pango.
 *
 * A chart is built from a spec (key = value settings, the same in a .chart file, on the
 * command line and in report templates; see README "Chart specs"), each set through
 * jb_chart_set, plus the rows of series.csv for its metrics. It draws onto any cairo context
 * at its logical size in points, so the report stage embeds it as vector graphics, and
 * jb_chart_render writes PNG, PDF or SVG.
 *
 * Text follows Chinese news-chart practice: values read 4000亿 / 1.2万亿 / 超6000家 as the
 * sources stated them (jb_units), the axis uses one display unit (万, 亿, 万亿) with
 * extended-Wilkinson ticks, forecasts are lighter and marked 预计, and a source line names
 * the articles. No label touches another text or a mark: every piece of text is placed
 * against a collision set, and a label that cannot be placed is left out.
 *
 * Not for: computing series (jb_reshape) or page layout (jb_report).
 * Ownership: a JbChart owns everything in it; getters return borrowed pointers valid until
 * the next jb_chart_set, jb_chart_load_series or jb_chart_draw, or jb_chart_free.
 */
#ifndef JB_CHART_H
#define JB_CHART_H

#include "jb_dict.h"
#include "jb_number.h"
#include "jb_series.h"
#include "jb_sources.h"
#include "jb_table.h"

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

typedef struct JbChart JbChart;

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

/* A laid-out piece of text, in points: what jb_chart_draw placed (for overlap tests). */
typedef struct {
    double x, y, w, h;
    char *text;
    guint in_bar; /* 1 + the index in jb_chart_marks of the bar it is written in; 0: none */
} JbChartBox;

/* A mark drawn: a bar or marker (a rectangle from (x0, y0) to (x1, y1)) or a line segment
 * from (x0, y0) to (x1, y1) stroked `width` wide. No label touches one, except that a label
 * may sit wholly inside a bar (its own). Points, like JbChartBox. */
typedef struct {
    double x0, y0, x1, y1, width;
    gboolean segment;
} JbChartMark;

/* Resource limits, checked before anything is drawn or allocated for them: a spec that
 * names more series, or a series with more points, is refused with JB_ERROR_LIMIT. */
#define JB_CHART_MAX_SERIES 64
#define JB_CHART_MAX_POINTS 5000

/* The supported types, for messages: "bar, hbar, …". */
#define JB_CHART_TYPES "bar, hbar, grouped, stacked, line, area, combo, donut, kpi"

/* A bar chart of nothing yet, 800×450 pt, default theme. */
JbChart *jb_chart_new(void);
void jb_chart_free(JbChart *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbChart, jb_chart_free)

/* Set one key of a spec (README "Chart specs"): metric (or metrics, ids separated by ';'),
 * type, title, subtitle, source, labels, growth, number_style, theme, size, width, height,
 * transparent, svg_text, allow_missing_glyphs, dpi, period_labels, gaps. The spec parser and the command line both set
 * through here, so a value means the same and is refused with the same words in both:
 * JB_ERROR_USAGE ("chart type 'pie' is not supported (supported: …)"), without a place; the
 * caller adds one. A theme is a shipped name (print) or a path resolved against the origin. */
gboolean jb_chart_set(JbChart *c, const char *key, const char *value, GError **error);
/* Where later jb_chart_set values come from: a spec's file ("a/b.chart", "PROJECT [chart N]",
 * a template) — a theme path must then stay below that file's directory — or NULL for the
 * command line, where any path is the user's own. jb_chart_spec_parse sets it. */
void jb_chart_set_origin(JbChart *c, const char *origin);

/* The metric dictionary (borrowed; it must outlive the chart's loads and draws): what says
 * which metrics are parts of one whole, the only ones a donut or stacked bars may sum
 * (part_of). Without one, donuts and stacked bars are refused. */
void jb_chart_set_dict(JbChart *c, const JbDict *dict);
/* Name the sources of the default source line by their publisher or title (jb_source_names:
 * path → name; borrowed, must outlive the chart's load); without it, by file name. */
void jb_chart_set_source_names(JbChart *c, const JbSourceNames *names);

/* The keys a spec may have (NULL-terminated), for hints. */
const char *const *jb_chart_keys(void);
/* "; did you mean 'metric='?" for a misspelt key, "; did you mean 'type=bar'?" for a
 * misspelt value of a key with a few values, else "" (newly allocated). */
char *jb_chart_hint(const char *key, const char *value);
/* Read a spec: "key = value" lines, with or without a "[chart]" group line, '#' comments.
 * `source` and `first_line` place errors ("briefing.md:14: unknown chart key 'colour'"). */
JbChart *jb_chart_spec_parse(const char *source, guint first_line, const char *text,
                             GError **error);
/* Take the rows of `series` for each of the chart's metrics, in file order. JB_ERROR_INPUT
 * when a metric has none. */
gboolean jb_chart_load_series(JbChart *c, const JbSeries *series, GError **error);

/* Draw into the rectangle (0, 0, width, height) of `cr`. Fails (JB_ERROR_INPUT) when a
 * character has no glyph in any font, naming the characters, unless allow_missing_glyphs. */
gboolean jb_chart_draw(JbChart *c, cairo_t *cr, PangoContext *pango, GError **error);

/* Draw to `path` (.png, .pdf or .svg), replaced atomically. `scale`: px per pt for PNG; 0
 * for the chart's own, its dpi ÷ 72 (2 by default, 300 dpi with the print theme). A PNG's
 * pHYs says 72 × scale dpi, so it pastes at its size in points. */
gboolean jb_chart_render(JbChart *c, const char *path, double scale, GError **error);

/* ---- what a chart is (borrowed) ---- */
const char *jb_chart_metric_id(const JbChart *c);    /* the first metric */
const GPtrArray *jb_chart_metrics(const JbChart *c); /* char*: every metric id, in order */
JbChartKind jb_chart_kind(const JbChart *c);
const char *jb_chart_title(const JbChart *c);
const char *jb_chart_subtitle(const JbChart *c);
const char *jb_chart_source(const JbChart *c); /* the source line: "来源：a.md、b.md" */
void jb_chart_size(const JbChart *c, double *width, double *height);
/* The size in points, unchecked (the report draws a slide copy at 16:9). */
void jb_chart_set_size(JbChart *c, double width, double height);
/* Where the chart's warnings go (a missing glyph, when allowed: once per chart, whatever
 * the number of draws): borrowed, must outlive the draws; NULL (the default) drops them. */
void jb_chart_set_diag(JbChart *c, JbDiag *diag);
/* Every text box the last jb_chart_draw placed: JbChartBox. */
const GArray *jb_chart_boxes(const JbChart *c);
/* Every bar, marker and line segment the last jb_chart_draw placed: JbChartMark. */
const GArray *jb_chart_marks(const JbChart *c);

#endif
