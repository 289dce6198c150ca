/* jb_extract.h — stage 1: from article paragraphs to quantitative statements.
 *
 * For every quantity jb_number finds, extract decides what it is about: the subject
 * (carried across commas within a sentence), the metric phrase and its dictionary id,
 * the period it refers to, whether it is a forecast, and the clause to quote. The result
 * is one row of metrics.csv per statement (header: JB_METRICS_HEADER).
 *
 * Not for: reading files or markup (jb_article), parsing number syntax (jb_number),
 * merging statements across articles (jb_reshape).
 */
#ifndef JB_EXTRACT_H
#define JB_EXTRACT_H

#include "jb_article.h"
#include "jb_dict.h"
#include "jb_number.h"
#include "jb_table.h"

#include <glib.h>

/* Room for a period, its NUL included (a statement's period can be replaced in place). */
#define JB_PERIOD_MAX 40

/* Ownership: made by jb_extract; source, published, publisher, title and url are shared by
 * the statements of an article or of one of its sections (GRefString), the other strings
 * live in the statement's own allocation. Free with jb_statement_free(); do not free or
 * reassign the fields one by one. */
typedef struct {
    char *source;    /* article path */
    char *published; /* ISO date of the article (of its section: a digest's item), "" when
                        unknown */
    char *publisher; /* who published it (jb_article's), "" when unknown */
    char *title;     /* the story's title: its section's heading, else the article's */
    char *url;       /* the story's link: its section's, else the article's */
    char *period;    /* the period the value measures, in the grammar of jb_period.h:
                        "2025", "2022-06", "2024-H1", "2024-01/2024-09" */
    char *subject;   /* "人工智能", "" when none */
    char *metric;    /* the metric phrase as written, "核心产业规模" */
    char *metric_id; /* dictionary id, "" when unknown */
    JbQuantity q;    /* value, unit, qualifier, bound */
    gboolean forecast;
    char *quote;            /* the clause the number came from, as in the text */
    gboolean period_stated; /* the text names the period (else it is the published date) */
    guint line;             /* line in the article where the paragraph starts */
    guint sentence;         /* which sentence of the article (from 1; headlines come last) */
} JbStatement;

void jb_statement_free(JbStatement *s);

/* All statements of one article, in text order, each figure once. Returns a new array of
 * JbStatement* owning its elements. `dict` may be NULL (no metric ids). */
GPtrArray *jb_extract_article(const JbArticle *article, const JbDict *dict);

/* jb_extract_article, also adding to `warnings` (the channel, may be NULL) what was
 * read but could not be used, naming file and line: "a.html:12: a number of 10000 digits
 * is too long (more than 18); skipped". */
GPtrArray *jb_extract_article_warn(const JbArticle *article, const JbDict *dict, JbDiag *warnings);

/* Extraction of many articles in a row: an extractor keeps its scratch memory from one
 * article to the next (jb_extract_article_warn makes one per call). `dict` (may be NULL) is
 * borrowed and must outlive the extractor; one extractor per thread. */
typedef struct JbExtractor JbExtractor;
JbExtractor *jb_extractor_new(const JbDict *dict);
void jb_extractor_free(JbExtractor *x);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbExtractor, jb_extractor_free)
/* jb_extract_article_warn() with the extractor's dictionary and scratch. */
GPtrArray *jb_extractor_run(JbExtractor *x, const JbArticle *article, JbDiag *warnings);

/* The metrics.csv header, NULL-terminated:
 * source,published,period,subject,metric,metric_id,value,unit,qualifier,bound,forecast,quote,
 * publisher,title,url,value_high
 * (bound is "range" and value_high the upper end when the statement is a range). */
extern const char *const JB_METRICS_HEADER[];

/* Append statements as metrics.csv rows to `t` (created with JB_METRICS_HEADER). Free-text
 * cells are neutralised against spreadsheet formulas (jb_csv_safe_text). */
void jb_extract_append_rows(JbTable *t, GPtrArray *statements);

/* Writing metrics.csv one article at a time, so memory is bounded by the largest article,
 * not by the corpus. The file appears only when complete: rows go to a temporary file in
 * the same directory, renamed over `path` by jb_metrics_writer_close(). `path` NULL or "-"
 * writes to stdout (as it goes). Errors are JB_ERROR_OUTPUT. */
typedef struct JbMetricsWriter JbMetricsWriter;
JbMetricsWriter *jb_metrics_writer_open(const char *path, GError **error);
/* The same, appending to `path` instead of replacing it, safe with other processes appending
 * at the same time (jb_append.h): rows are staged in an unlinked temporary file and appended
 * at jb_metrics_writer_close, whole, under a lock, after the header when `path` is empty.
 * `path` must be a regular file or missing. `warnings` (char*, borrowed until close) gets
 * jb_append's (an earlier append undone). */
JbMetricsWriter *jb_metrics_writer_open_append(const char *path, GPtrArray *warnings,
                                               GError **error);
/* Append the statements' rows (jb_extract_append_rows' cells). */
gboolean jb_metrics_writer_add(JbMetricsWriter *w, GPtrArray *statements, GError **error);
/* Flush and move the file into place; frees `w` (also on failure). */
gboolean jb_metrics_writer_close(JbMetricsWriter *w, GError **error);
/* Drop what was written (the previous file at `path` stays) and free `w`; NULL is allowed. */
void jb_metrics_writer_abort(JbMetricsWriter *w);

#endif
