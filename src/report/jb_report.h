/* jb_report.h — stage 4: a Markdown template becomes a multi-page A4 PDF briefing.
 *
 * The template is CommonMark (parsed with cmark) with YAML-style front matter (title,
 * subtitle, organisation, date), {{metric.field}} placeholders filled from series.csv, and
 * fenced ```chart blocks holding chart specs (jb_chart). The briefing gets a title block,
 * numbered headings, justified CJK paragraphs in which a number never parts from its unit,
 * charts as vector graphics, a sources section quoting the sentences each figure came from,
 * bookmarks, and 第 N 页 / 共 M 页 footers.
 *
 * Placeholders: {{ID.latest}} (the last period's value, "超1.2万亿元"), {{ID.first}},
 * {{ID.period}} (last period), {{ID.first_period}}, {{ID.growth}} (last ÷ first, "3倍"),
 * {{ID.label}}.
 *
 * Not for: drawing charts (jb_chart) or computing series (jb_reshape).
 */
#ifndef JB_REPORT_H
#define JB_REPORT_H

#include "jb_dict.h"
#include "jb_series.h"
#include "jb_sources.h"
#include "jb_table.h"

#include <glib.h>

/* The statements the briefing cites for each row of a series table: the first few (3)
 * distinct ones (article and sentence) stating its value in its period, in metrics.csv's
 * order, and how many other articles state it (另有 N 篇). Made from metrics.csv a row at a
 * time (jb_citations_add every row, in order), before the series is known, so a caller can
 * stream the statements once, to the reshaper and here; then jb_citations_finish with the
 * series (not kept), and the rows may be asked for. */
typedef struct JbCitations JbCitations;
typedef struct {
    char *source, *published, *quote, *title, *url, *publisher; /* as metrics.csv has them */
} JbCitedRow;
JbCitations *jb_citations_new(void);
void jb_citations_add(JbCitations *c, const JbTable *metrics, guint row);
/* The rows added next are of the article at `path`, which the caller keeps until
 * jb_citations_free: a row whose source is `path` is counted by it, no copy, and the path
 * is not remembered, so the article's rows must come together and no other rows (before
 * or after) may name it as their source (100000 articles' paths, copied or looked up, were
 * 4 MB and then 2 MB of jianbao build's peak). Optional. */
void jb_citations_article(JbCitations *c, const char *path);
void jb_citations_finish(JbCitations *c, const JbSeries *series);
/* The cited rows of series row `series_row` (JbCitedRow*, borrowed); *more the others. */
const GPtrArray *jb_citations_rows(const JbCitations *c, guint series_row, guint *more);
/* Everything the briefing shows of series row `series_row`'s citations, into `h` (cache keys). */
void jb_citations_feed(const JbCitations *c, guint series_row, GChecksum *h);
void jb_citations_free(JbCitations *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbCitations, jb_citations_free)

typedef struct {
    const JbSeries *series; /* required: series.csv (borrowed) */
    const JbTable *metrics; /* optional: metrics.csv, for the quotes in the sources section */
    /* optional, instead of `metrics` (jianbao build streams them): the citations made from
     * metrics.csv for `series`, and the articles' names (jb_source_names). Borrowed. */
    const JbCitations *citations;
    const JbSourceNames *source_names;
    const JbDict *dict; /* optional: which metrics are parts of a whole (donuts, stacks) */
    gboolean allow_missing_glyphs;
    /* Also write each page as PNG (BASE-N.png beside the PDF, 144 dpi) and each chart as
     * a slide-size PNG and SVG named after its block (BASE-NAME.png, BASE-NAME.svg). */
    gboolean png_pages;
    /* optional: the warning channel (borrowed; NULL: warnings dropped): what the report left
     * out (a chart of a ```charts block that could not be drawn), characters no font has in
     * its text (drawn as boxes), a chart's own warnings (allow_missing_glyphs). */
    JbDiag *diag;
    /* optional: the review section's rows (kind: pin, reject, open, accepted; metric_id,
     * label, period, detail, note), as jianbao build makes them from review.csv and the
     * conflicts. Borrowed. */
    const JbTable *review;
    /* optional: what is new or changed since the previous build (jb_series_changes: kind,
     * metric_id, label, period, old and new figure), for a ```changes block. Borrowed;
     * NULL: there was no previous build to compare with. */
    const JbTable *changes;
} JbReportInputs;

/* TRUE when the template picks metrics by the data (`*` or `latest N` in a block, a
 * ```charts block), so it depends on every metric of the series, not only those it names. */
gboolean jb_report_template_selects(const char *text);

/* Resource limits: a larger template is refused before it is read, and a briefing that
 * would run longer is refused before any page is drawn (JB_ERROR_LIMIT). */
#define JB_REPORT_MAX_TEMPLATE_BYTES (4u * 1024 * 1024)
#define JB_REPORT_MAX_PAGES 500

/* Render `template_path` to `pdf_path` (replaced atomically). Errors name the template
 * file and line: unknown metric or field, unclosed placeholder, bad chart spec. */
gboolean jb_report_render(const char *template_path, const JbReportInputs *in, const char *pdf_path,
                          GError **error);

/* The text a placeholder expands to, e.g. ("ai.core_industry_size", "latest") → "超1.2万亿元";
 * NULL + JB_ERROR_USAGE for an unknown metric or field. Caller owns it. */
char *jb_report_placeholder(const JbSeries *series, const char *metric_id, const char *field,
                            GError **error);

#endif
