/* jb_report_priv.h — what the report's source files share (not installed, not public).
 *
 * The report is built in three steps: jb_report_blocks.c turns the template's Markdown and
 * fenced blocks into Blk items (text, chart, KPI row, table, rule), each cut into pieces
 * (text lines, table rows, KPI rows) at which a page may break — with jb_report_text.c
 * (paragraph layouts: leading, unbreakable numbers and marks, justification),
 * jb_report_kpi.c and jb_report_table.c; jb_report.c paginates the pieces (charts float,
 * no lone entries) and draws the pages; jb_report_sources.c numbers the sentences each
 * figure came from and turns them into footnote links and the closing sources section.
 */
#ifndef JB_REPORT_PRIV_H
#define JB_REPORT_PRIV_H

#include "jb_chart.h"
#include "jb_draw.h"
#include "jb_report.h"
#include "jb_sources.h"
#include "jb_template.h"

#include <glib.h>
#include <pango/pangocairo.h>

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN_X 62.0
#define MARGIN_TOP 72.0
#define MARGIN_BOTTOM 72.0
#define TEXT_W (PAGE_W - 2 * MARGIN_X)
#define BODY_SIZE 11.0
#define LEADING 1.6 /* baseline to baseline, in ems of the text: Chinese reports read 1.5–1.7 */
#define ACCENT "#0072B2"
#define KPI_GAP 6.0         /* between the rows of a KPI list */
#define KPI_PAD 8.0         /* inside a row, above and below */
#define KPI_VALUE_X 14.0    /* a value's left edge, from the row's (right of the bar) */
#define KPI_VALUE_SIZE 20.0 /* the values' font size, unless one would be too wide */
#define KPI_VALUE_SIZE_MIN 12.0
#define KPI_VALUE_COL_MAX 170.0
#define KPI_UNIT_SCALE 0.5 /* a value's unit, relative to its number */
#define KPI_COL_GAP 20.0   /* between the value column and the caption */
#define KPI_CAPTION_SIZE 9.5
#define CELL_PAD 5.0
#define FOOTNOTE_SIZE 0.62 /* a footnote mark's size, of its text's */
#define FOOTNOTE_RISE 0.38 /* its baseline above the text's, of the text's size */

typedef enum { BLK_TEXT, BLK_CHART, BLK_RULE, BLK_KPI, BLK_TABLE } BlkKind;

/* A clickable span of a text layout: bytes [start, end) of its text, and the cairo link
 * attributes ("dest='src-3'" or "uri='https://…'"). */
typedef struct {
    int start, end;
    char *attr;
} Link;

/* One KPI: a row of the KPI list. */
typedef struct {
    PangoLayout *value;   /* "超1.2万亿元" */
    PangoLayout *caption; /* the label; under it the period, footnotes and change */
    char *dest;           /* link attributes for the whole row, or NULL */
} Card;

#define TABLE_COLS 4
typedef struct {
    PangoLayout *cell[TABLE_COLS]; /* 指标, 时期, the value's number ("超1.2"), 来源 */
    PangoLayout *unit;             /* the value's unit ("万亿元"), aligned after the numbers */
    double int_w;                  /* the number's width up to its decimal point */
    gboolean first;                /* the first row of its metric: its label is drawn */
    char *dest;                    /* link attributes for the source cell, or NULL */
} Row;

typedef struct {
    BlkKind kind;
    double indent, before;
    /* Page-break points: piece i spans [top[i], top[i+1]) in block coordinates; top[0] is
     * the height of what precedes the first piece (a table's header row). */
    GArray *top;   /* double */
    double head_h; /* repeated on continuation parts (table header) */
    gboolean keep_with_next;
    gboolean floats;       /* a chart that moves to the next page while text continues */
    gboolean flush_floats; /* charts still floating are placed before this block */
    gboolean break_before; /* starts a page (set to keep a page from holding a lone entry) */
    /* BLK_TEXT */
    PangoLayout *layout;
    PangoLayout *gutter; /* bullet, list number or source number left of the text */
    GArray *links;       /* Link */
    JbColor color;
    gboolean bar;    /* block quote: a rule left of the text */
    char *dest;      /* a named destination at the block's top (sources entries) */
    char *outline;   /* heading text for a bookmark */
    GPtrArray *more; /* Blk*, owned: the rest of a long text, laid out in pieces (see
                      * jb_report_text_blk); moved into the block list after this block */
    int level;       /* 1, 2 for headings */
    /* BLK_CHART */
    JbChart *chart;          /* sized to the page, without its title (the caption has it) */
    char *name;              /* the block's name, for slide files */
    char *title;             /* the chart's title, given back to its slide */
    double slide_w, slide_h; /* the spec's size, for the slide */
    /* BLK_KPI */
    GPtrArray *cards; /* Card*, one per row */
    double value_w;   /* width of the value column */
    /* BLK_TABLE */
    GPtrArray *rows;              /* Row*; rows->pdata[0] is the header */
    double col_w[TABLE_COLS];     /* fitted to the content */
    double num_int_w, num_frac_w; /* the value column: integer parts, decimal parts */
} Blk;

typedef struct {
    int n; /* 1-based number in the sources section */
    char *source, *published, *quote, *title, *url, *publisher; /* as metrics.csv has them */
    int more; /* other articles stating the figure this entry was cited last for, uncited */
} SourceEntry;

/* At most this many statements are cited for one figure: an archive's press repeats an
 * agency's figures in hundreds of copies, and the sources section must not grow with it
 * (the rest are counted on the last entry: 另有 N 篇). */
#define CITE_MAX 3

typedef struct {
    const char *source; /* template path, for messages */
    const JbReportInputs *in;
    const JbTemplate *t;
    PangoContext *pango;
    GPtrArray *blocks;                 /* Blk* */
    GPtrArray *entries;                /* SourceEntry*, numbered in order of first citation */
    GHashTable *entry_of;              /* "source\nquote" → SourceEntry* (borrowed) */
    const JbSourceNames *source_names; /* article path → publisher or title (the input's, or
                                        * own_names) */
    JbSourceNames own_names;           /* its table made of the input's metrics (owned) */
    JbCitations *own_citations;        /* made from in->metrics when in->citations is not given */
    int h1, h2, figures;
    double text_size; /* of the text being built: its footnote marks follow it */
    /* A ```kpi block's `latest fill`: its rows are as many as fill the page it is on, which
     * only pagination tells. jb_report_render lays the briefing out with fill_n rows, measures
     * the room left at the foot of that page and lays it out again (jb_report.c). */
    guint fill_n;        /* rows to lay out (KPI_FILL_MIN at first) */
    guint fill_avail;    /* metrics the list may show (at most KPI_FILL_MAX) */
    gboolean fill_next;  /* the ids just listed were `latest fill`: the next KPI block is it */
    const Blk *fill_blk; /* the first such block laid out (borrowed from blocks), or NULL */
    guint diag_mark;     /* in->diag's length before the blocks were built */
} Builder;

/* `latest fill`: at least this many rows (all the metrics when fewer), at most the other. */
#define KPI_FILL_MIN 6
#define KPI_FILL_MAX 24

/* Where a part of a block goes: pieces [from, to) of blk on a page, its top at y (after the
 * block's space before). */
typedef struct {
    Blk *blk;
    int page;
    double y; /* top of the part, after the block's space before */
    guint from, to;
} Place;

/* jb_report_pages.c */
/* The pages of the blocks: Place in order; the number of pages in *pages. */
GArray *jb_report_paginate(GPtrArray *blocks, double first_top, int *pages);
/* The height of pieces [from, to) of a block on a page (a table's header included). */
double jb_report_part_h(const Blk *b, guint from, guint to);
/* The rows a `latest fill` KPI list (b->fill_blk, laid out with `n` rows onto `places` of
 * `pages` pages) should have: more while the foot of its page has room, fewer when it broke
 * over two pages (then *ceiling keeps it from growing back). `n` when it is right. */
guint jb_report_fill_rows(const Builder *b, GArray *places, int pages, guint n, guint *ceiling);

/* "; did you mean ID?" for a metric id near one of the series' (macro.gdpp), else "". */
char *jb_report_metric_hint(const JbSeries *series, const char *metric_id);

/* jb_report_text.c */
/* Warn (b->in->diag) of the characters of the briefing's text no font has: the front matter
 * and every layout of the blocks (charts check their own). */
void jb_report_warn_missing_glyphs(const Builder *b);

/* jb_report_blocks.c */
gboolean jb_report_build_blocks(Builder *b, GError **error);
void jb_report_blk_free(Blk *b);
/* A text block of Pango markup. A long text is laid out in pieces: the block returned is the
 * first, and holds the others in `more` until jb_report_build_blocks puts them after it. */
Blk *jb_report_text_blk(Builder *b, const char *markup, GPtrArray *pending, double size,
                        gboolean bold, double indent, double before, const char *color,
                        gboolean justify);
/* Measures a block's break points (after its content is final). */
void jb_report_blk_measure(Blk *blk);
/* Height of a KPI row. */
double jb_report_card_h(const Card *c);

/* Helpers of jb_report_blocks.c the other files use. */
void jb_report_keep_numbers_whole(PangoLayout *layout);
GPtrArray *jb_report_block_ids(Builder *b, const char *kind, const char *literal, guint first_line,
                               GError **error);
char *jb_report_dest_of(GArray *numbers);

/* jb_report_inline.c */
struct cmark_node; /* (cmark.h: only the files that walk Markdown include it) */
/* The inline children of `node` as Pango markup appended to `out`; reference marks become
 * footnotes in `pending` (or vanish when it is NULL, as in headings), links clickable. */
void jb_report_inline_markup(Builder *b, struct cmark_node *node, GString *out, GPtrArray *pending);

/* jb_report_kpi.c */
/* A ```chart block (info "chart NAME", the spec in `literal`). */
gboolean jb_report_add_chart(Builder *b, const char *info, const char *literal, guint line,
                             double indent, GError **error);

/* ---- jb_report_auto.c: metrics picked by the data ---- */
/* The `n` metrics whose latest period ends last (ties: series order). Owned char*. */
GPtrArray *jb_report_latest_ids(const JbSeries *series, guint n);
/* Metrics with two or more periods, in series order. Owned char*. */
GPtrArray *jb_report_chartable_ids(const JbSeries *series);
/* A ```charts block: a chart per metric listed, or with `*` (or nothing) per metric with
 * two or more periods; one of those that cannot be drawn is left out with a warning. */
gboolean jb_report_add_charts(Builder *b, const char *literal, guint line, double indent,
                              GError **error);

/* A ```review block: what the analyst's review pinned and rejected, and the conflicts still
 * open or accepted (JbReportInputs.review), one list item each; a line saying there is
 * nothing to review otherwise. */
void jb_report_add_review(Builder *b, double indent);
/* A ```changes block: the figures new or changed since the previous build
 * (JbReportInputs.changes), one list item each, revisions first, at most 40 and a count of
 * the rest; a line saying there is nothing new, or nothing to compare with. */
void jb_report_add_changes(Builder *b, double indent);

gboolean jb_report_add_kpi(Builder *b, const char *literal, guint line, GError **error);


/* jb_report_table.c */
gboolean jb_report_add_table(Builder *b, const char *literal, guint line, GError **error);
double jb_report_row_h(const Row *r);
/* Draw rows [from, to) of a table under its header, from y. */
void jb_report_draw_table(cairo_t *cr, const Blk *blk, double y, guint from, guint to);

/* jb_report_sources.c */
/* A pending footnote: the text "[n]" that will appear in a layout and its link target. */
typedef struct {
    char *needle;
    char *attr;
} Pending;
void jb_report_pending_free(Pending *p);
/* The numbers of the sentences behind row `row` of the series (an empty array when the
 * metrics table is missing). Registers new sources in citation order. */
GArray *jb_report_cite(Builder *b, guint row);
/* Append a mark "[n]" for each number to `markup` (in text of `size` points: smaller and raised
 * by a fixed share of it, so all marks of a text share one baseline) and the links to
 * `pending`. */
void jb_report_footnote(GString *markup, GPtrArray *pending, GArray *numbers, double size);
/* Footnote marks as one unbreakable run with the character before them ("…亿元[1][5]"). */
void jb_report_keep_marks_whole(PangoLayout *layout);
/* Only these links reach the PDF: http:, https: and mailto: (a PDF reader follows file:,
 * javascript: or a relative path too). A template's other links are refused naming their
 * line; a metrics.csv url of another scheme is shown as text, without a link. */
gboolean jb_report_link_allowed(const char *url);
/* The sources section: a heading and one entry per cited sentence. */
void jb_report_add_sources(Builder *b);
/* A URL as shown: percent-escapes of non-ASCII UTF-8 decoded (newly allocated). */
char *jb_report_url_shown(const char *url);
/* Row `row` of the briefing's series. */
const JbSeriesRow *jb_report_row(const Builder *b, guint row);
/* "超1.2万亿元", "5%–5.5%": a series value the Chinese way, as stated (jb_units_label); the
 * value cell as written when it cannot be read. Caller owns it. */
char *jb_report_value_text(const JbSeriesRow *row);

#endif
