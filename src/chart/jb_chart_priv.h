/* jb_chart_priv.h — what the chart's source files share (not installed, not public).
 *
 * A chart is drawn in one frame and one family of marks:
 *   jb_chart_spec.c   the JbChart object: jb_chart_set (every key of a spec and the CLI), themes
 *   jb_chart_data.c   series.csv rows → series and points; default title, subtitle, source
 *   jb_chart_frame.c  the frame: text and the collision set (every text box and mark drawn,
 *                     which droppable labels must not touch), header, legend, footer, glyph
 *                     check, and jb_chart_draw / jb_chart_render
 *   jb_chart_plot.c   cartesian charts: categories, value axes, gridlines, category labels,
 *                     then the bars' and lines' marks and labels
 *   jb_chart_bars.c   bars (bar, grouped, stacked, the combo's bars), hbar, growth bracket
 *   jb_chart_lines.c  lines and areas (line, area, the combo's line), end labels
 *   jb_chart_donut.c  donut
 *   jb_chart_kpi.c    KPI figure
 * Sizes are in points; Ctx.k scales the theme's font sizes with the canvas.
 */
#ifndef JB_CHART_PRIV_H
#define JB_CHART_PRIV_H

#include "jb_chart.h"
#include "jb_draw.h"
#include "jb_period.h"
#include "jb_ticks.h"
#include "jb_units.h"

#include <math.h>

#define JB_CHART_MIN_TEXT 7.0 /* points: the smallest text a chart draws */
#define SOURCES_NAMED 3       /* a source line names 3 sources and counts the rest (等N篇) */

typedef struct {
    char *label;  /* the category: the period as stated ("2025") or a name ("广东") */
    JbFigure fig; /* the value as stated: base units, bound, range, decimals */
    gboolean forecast;
    gboolean timed;  /* label is a period of the grammar: */
    JbPeriod period; /* …this one */
} JbChartPoint;

/* One metric's points. */
typedef struct {
    char *metric_id;
    char *label;       /* the series' label column, or the spec's `labels` */
    char *unit;        /* base unit */
    GPtrArray *points; /* JbChartPoint*, owned, file order */
} JbChartSeries;

/* Colours and sizes; a .theme file in templates/ overrides the default (see README). */
typedef struct {
    char palette[8][10]; /* "#RRGGBB"; series i takes palette[i % n_palette] */
    int n_palette;
    char ink[10], muted[10], grid[10], axis[10], background[10];
    double title_size, subtitle_size, tick_size, category_size, value_size, source_size;
    gboolean gridlines;
    gboolean title_bold; /* a bold title (default): the hierarchy a ministry slide expects */
    gboolean bold;       /* bold value labels too */
    gboolean hatch; /* forecast bars hatched (for print); default: lighter fill, dashed outline */
    double dpi; /* a PNG's resolution when its scale is left to the chart: 144 (2×), print 300 */
} JbChartTheme;

/* The categories of a chart: names, or periods on a time axis. On a time axis every
 * category is one period of the axis's unit (a year, half, quarter, month or day) from the
 * first to the last, with or without data, so positions are proportional to time and a
 * missing year leaves its slot (jb_chart_time.c). */
typedef struct {
    GPtrArray *cats;          /* char* labels, owned: 2021年, 上半年, 5月, 广东 (no year
                               * where a neighbour states it) */
    GArray *forecast;         /* gboolean per category: any series forecasts it */
    GArray *empty;            /* gboolean per category: no series has a value (a gap) */
    const JbChartPoint ***at; /* at[s][i]: series s at category i, or NULL */
    guint ns, n;
    gboolean time;        /* a time axis: categories are consecutive periods */
    int unit;             /* JbPointKind of a time axis's categories */
    GPtrArray *cats_year; /* char*: the labels with their year (2023年\n1月); = cats off one */
    int *year;            /* per category of a time axis: its year */
    gint64 *phase;        /* …and its place in the calendar (month 0–11, the year…) */
    char *span;           /* what is drawn, for the subtitle: 2021—2025年, 2024年1—9月 */
    char *notes;          /* for the subtitle: "，2023年无数据" "，2025年为预计值" */
} Grid;

struct JbChart {
    char *origin;    /* where values given to jb_chart_set come from (NULL: the command line) */
    char *metric_id; /* the first of the metrics */
    char *type;      /* bar, hbar, grouped, stacked, line, area, combo, donut, kpi */
    JbChartKind kind;
    GPtrArray *metrics; /* char*: every metric id of the spec, in order */
    GPtrArray *series;  /* JbChartSeries*, one per metric and frequency (jb_chart_load_series) */
    Grid *grid;         /* the categories of the series loaded */
    const JbDict *dict; /* borrowed: which metrics are parts of which (jb_chart_parts.c) */
    const JbSourceNames *source_names; /* borrowed: article path → name (jb_sources), or NULL */
    int whole;      /* donut: the index in metrics of the whole drawn in its hole, or -1 */
    char *parts_at; /* donut: the period its slices show */
    gboolean compact_periods; /* period_labels = compact: 2021H1, 2021Q3 */
    gboolean bridge_gaps;     /* gaps = bridge: a dotted line across a missing period */
    char *labels;             /* `labels = a; b`: series labels overriding series.csv's */
    gboolean western;         /* number style: 400B instead of 4000亿 */
    char *growth; /* annotation between the first and last bar: NULL/"none", "auto", or text */
    JbChartTheme theme;
    GArray *boxes;        /* JbChartBox: every text drawn by the last jb_chart_draw */
    GArray *marks;        /* JbChartMark: every bar, marker and segment of the last draw */
    char *title;          /* default: the metric's label */
    char *subtitle;       /* default: the period range, and which values are forecasts */
    char *source;         /* default: "来源：" and the series' sources */
    char *unit;           /* base unit of the values, from the series */
    double width, height; /* points; default 800×450 */
    gboolean allow_missing_glyphs;
    gboolean transparent;
    gboolean svg_text;      /* SVG output writes text as <text>, not glyph outlines */
    GPtrArray *points;      /* the first series' points (a reference to series[0]->points) */
    JbNameSet sources;      /* the articles behind the points drawn, by name: the first
                             * few, in order, and the count (jb_sources.h) */
    JbDiag *diag;           /* borrowed (jb_chart_set_diag), NULL: warnings dropped */
    gboolean glyphs_warned; /* the missing glyphs were reported (once per chart, not per draw) */
};

/* ---- drawing context (jb_chart_frame.c) ---- */


typedef struct {
    JbChart *c;
    cairo_t *cr;
    PangoContext *pango;
    const JbChartTheme *t;
    double W, H, k; /* canvas in points; k scales the theme's font sizes */
    double pad;     /* the margin around everything: 28 pt at k = 1 */
    JbColor ink, muted;
    guint own;    /* 1 + the mark index of the bar a label being placed may lie inside; 0: none */
    gboolean dry; /* a trial: jb_chart_try_put records a free box but draws nothing */
} Ctx;

PangoLayout *jb_chart_text(Ctx *x, const char *s, double size, gboolean bold, double width);
/* The logical box of a layout drawn at (px, py), in points. */
void jb_chart_logical_box(PangoLayout *l, double px, double py, double *bx, double *by, double *bw,
                          double *bh);
/* Draw text that is never dropped, recording its box. */
void jb_chart_put(Ctx *x, PangoLayout *l, double px, double py, JbColor color);
/* Is the box on the canvas, clear of every text and every mark? A box wholly inside a bar
 * is clear of that bar (a label on its own bar). */
/* Is the box on the canvas, clear of every text and every mark? A box wholly inside the bar
 * x->own names is clear of it (a label on its own bar). */
gboolean jb_chart_box_free(Ctx *x, double px, double py, double w, double h);
/* Place a droppable label: FALSE (nothing drawn) when it would collide or leave the canvas. */
gboolean jb_chart_try_put(Ctx *x, PangoLayout *l, double px, double py, JbColor color);
/* Record a mark: a bar or marker rectangle (returns 1 + its index), or a stroked segment. */
guint jb_chart_mark_rect(Ctx *x, double x0, double y0, double w, double h);
void jb_chart_mark_segment(Ctx *x, double x0, double y0, double x1, double y1, double width);
double jb_chart_lw(PangoLayout *l);
double jb_chart_lh(PangoLayout *l);
JbColor jb_chart_series_color(const Ctx *x, guint i);
JbColor jb_chart_lighter(JbColor c, double amount); /* towards white, stays opaque */

/* Title and subtitle from the top; returns the y below them. */
double jb_chart_header(Ctx *x);
/* The source line at the bottom; returns the y above it. */
double jb_chart_footer(Ctx *x);
/* A legend row (swatch and label per series), wrapping; returns the y below it. `as_line[s]`
 * draws series s's swatch as a line (NULL: all boxes). */
double jb_chart_legend(Ctx *x, double y, const gboolean *as_line);

/* A point's value as drawn: a range's middle (5%–5.5% is drawn about 5.25%). */
static inline double jb_chart_val(const JbChartPoint *p)
{
    if (!p)
        return NAN;
    double v = jb_decimal_to_double(p->fig.value);
    return p->fig.range ? (v + jb_decimal_to_double(p->fig.high)) / 2 : v;
}

/* A point's lowest and highest value: a range's ends, else its value twice. */
static inline void jb_chart_val_range(const JbChartPoint *p, double *lo, double *hi)
{
    *lo = jb_decimal_to_double(p->fig.value);
    *hi = p->fig.range ? jb_decimal_to_double(p->fig.high) : *lo;
}

/* A point's label: "超4000亿"; `full` adds the unit after 万/亿 ("超4000亿元"). */
char *jb_chart_value_text(const JbChart *c, const JbChartPoint *p, const char *unit, gboolean full);
/* A sum of values as a decimal again (for labels only): 15 significant digits. */
JbDecimal jb_chart_decimal_from_double(double v);

/* ---- cartesian charts (jb_chart_plot.c) ---- */


typedef struct {
    JbTicks ticks;
    double unit; /* display unit divisor */
    const char *prefix;
    char *unit_text;   /* "亿元" */
    GPtrArray *labels; /* PangoLayout* per tick */
    double label_w;
    double lo_frac, hi_frac; /* the band of the plot's height the ticks span (0–1 from below) */
} Axis;

/* A bar as drawn: series s at category i. */
typedef struct {
    guint s, i;
    double x, y, w, h;
    JbColor fill;
    guint mark; /* 1 + its index in the chart's marks */
} PlotBar;

/* Everything a cartesian chart's marks and labels are placed by. */
typedef struct {
    const Grid *g; /* the chart's categories */
    Axis ax, rax;  /* the left axis; the combo's right axis */
    gboolean combo, stacked, lines;
    guint nbars; /* bar series side by side: 1, the number of series (grouped), or 0 */
    guint n;     /* categories */
    double left, right, top, bottom; /* the plot area */
    double band;                     /* width of a category */
    guint k_cat;                     /* every k-th category is labelled */
    double neg_room;                 /* below the plot for labels of negative bars */
    double vsz;                      /* the value labels' size in points */
    double group_w, bw, y0; /* bars: a category's group width, one bar's width, the zero line */
    double *bar_top;        /* per category: the top of its highest bar */
    GArray *bars;           /* PlotBar: every bar drawn, for its label */
    GPtrArray *cats;        /* PangoLayout* per category */
    GPtrArray *end_ls;      /* PangoLayout* per series: names at the right end of lines */
    PangoLayout *yuji;      /* "预计" under forecast categories */
    char *growth;           /* the growth bracket's text, or NULL */
} Plot;

/* The y of value v (base units) on axis a. */
double jb_chart_ypos(const Plot *p, const Axis *a, double v);
/* The x of category i's centre. */
static inline double jb_chart_cx(const Plot *p, guint i)
{
    return p->left + p->band * (i + 0.5);
}
gboolean jb_chart_draw_cartesian(Ctx *x, GError **error);

/* ---- marks (jb_chart_bars.c, jb_chart_lines.c) ---- */

/* Draw a bar; returns its mark (1 + index). */
guint jb_chart_draw_bar(Ctx *x, double bx, double top, double bw, double h, JbColor color,
                        gboolean forecast);
void jb_chart_bars_marks(Ctx *x, Plot *p);
void jb_chart_bars_labels(Ctx *x, Plot *p);
void jb_chart_bars_growth(Ctx *x, Plot *p);
char *jb_chart_growth_text(const JbChart *c, const Grid *g);
void jb_chart_lines_marks(Ctx *x, Plot *p);
void jb_chart_lines_end_labels(Ctx *x, Plot *p);
void jb_chart_lines_labels(Ctx *x, Plot *p);

gboolean jb_chart_draw_hbar(Ctx *x, GError **error);
gboolean jb_chart_draw_donut(Ctx *x, GError **error);
gboolean jb_chart_draw_kpi(Ctx *x, GError **error);

/* ---- data (jb_chart_data.c) ---- */

void jb_chart_point_free(JbChartPoint *p);
void jb_chart_series_free(JbChartSeries *s);

/* ---- parts of a whole (jb_chart_parts.c) ---- */

/* For a donut or stacked bars: every metric a part of one whole the dictionary declares (a
 * donut may also name the whole: c->whole), and for a donut the latest period they share
 * (c->parts_at). FALSE with a message saying what to declare otherwise. Other kinds: TRUE. */
gboolean jb_chart_parts(JbChart *c, GError **error);
/* Metric `metric_id`'s point in period `period` (any of its frequencies), or NULL. */
const JbChartPoint *jb_chart_point_of(const JbChart *c, const char *metric_id, const char *period);

/* ---- categories (jb_chart_time.c) ---- */

/* The categories of c's series (a time axis when every point is a period of a year or
 * shorter). Caller frees with jb_chart_grid_free. */
Grid *jb_chart_grid_new(const JbChart *c);
void jb_chart_grid_free(Grid *g);
/* A period as an axis label: 2021年, 2021年上半年 (2021H1 compact), 2021年5月, 2021年1—10月. */
char *jb_chart_period_label(const JbPeriod *p, gboolean compact);

#endif
