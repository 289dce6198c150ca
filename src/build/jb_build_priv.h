/* jb_build_priv.h — what jb_build's source files share (not installed, not public).
 *
 * A build reads its project into a context (jb_build_ctx.c), extracts the articles and renders
 * the charts and the report (jb_build_steps.c), keeping products in a cache keyed by hashes
 * and publishing them into OUT with a manifest (jb_build_store.c); what happens is recorded
 * as events and written as JSON Lines (jb_build_log.c); files known unchanged by their stat
 * records (jb_build_index.c), and articles' statements by their digests
 * (jb_build_digests.c). jb_build.c runs the steps in order, under a lock, and runs single
 * units.
 *
 * Not for: anything outside jb_build (its interface is jb_build.h).
 */
#ifndef JB_BUILD_PRIV_H
#define JB_BUILD_PRIV_H

#include "jb_build.h"

#include "jb_article.h"
#include "jb_atomic.h"
#include "jb_chart.h"
#include "jb_common.h"
#include "jb_dict.h"
#include "jb_dict_extend.h"
#include "jb_publishers.h"
#include "jb_extract.h"
#include "jb_keyfile.h"
#include "jb_report.h"
#include "jb_reshape.h"
#include "jb_sources.h"
#include "jb_strsort.h"
#include "jb_table.h"

#include <stdio.h>

/* An index record's statements digest when none is known (jb_build_index.c). */
#define JB_BUILD_NO_STMT "0000000000000000000000000000000000000000000000000000000000000000"

/* The first word of an article's statements file in the cache (jb_build_steps.c). */
#define STATEMENTS_MAGIC "jianbao-statements-2"

/* Bytes of articles a build keeps between hashing and extracting them (then they are read
 * again): 494 MB of 100000 articles were all held by a build from scratch. 64 MB until
 * 2026-12-06, the most of that build's peak: with 16 MB its peak RSS went from 117 to 86 MB
 * (and with 4 MB no lower), its CPU time the same within the noise of a shared machine; a
 * second read of a file just read comes from the page cache. */
#define JB_BUILD_HOLD_MAX ((gsize)16 << 20)

/* The project's fail_on=: which warnings fail a build (exit 1). */
typedef enum { JB_FAIL_ON_ERRORS, JB_FAIL_ON_NEW, JB_FAIL_ON_WARNINGS } JbFailOn;

struct Article;

/* OUT/.index as this build reads and writes it (jb_build_index.c). */
typedef struct {
    gboolean on;    /* a build (not a unit): articles are looked up and recorded */
    FILE *file;     /* the file, checked, read as a stream; NULL when there is none, it is
                  * damaged, or it is done with */
    char *file_buf; /* its stdio buffer (owned) */
    guint64 articles_at, articles_len; /* where its article lines are in it */
    gulong articles_crc;               /* their CRC-32: what a kept index's header says */
    char *line;                        /* the article line under the cursor (getline's) */
    size_t line_cap;
    gsize line_len;
    guint64 consumed;       /* bytes of article lines the cursor has read */
    gboolean line_ok;       /* `line` holds one */
    gboolean started;       /* the cursor has read its first line */
    char stored_digest[65]; /* the inputs digest it records, "" when none */
    FILE *fresh;            /* this build's article records, in the order of Ctx.inputs, as
                             * made (a file of no name); NULL until the first. Whose each is
                             * is not held: the articles recorded say so (Article.recorded,
                             * in Ctx.arts), and their statements digests are put in when the
                             * index is sealed or written */
    guint fresh_n;          /* the records */
    gboolean all_sealed;    /* every record has its digest (jb_build_index_seal): no more
                             * are made */
    guint seal_art;         /* the number of the article whose record is sealed next, or
                             * after (the recorded ones are sealed in order) */
    guint fill_art;         /* the same, for jb_build_index_fresh_fill */
    FILE *sealing;          /* the records sealed so far, with their digests (a file of no
                             * name: `fresh` once all are; jb_build_index_seal_upto) */
    guint sealed;           /* how many */
    gboolean seal_failed;   /* a record could not be read back or written: none is kept */
    char *seal_line;        /* getline's, for sealing */
    size_t seal_cap;
    gboolean fresh_lost; /* a record could not be written: none is kept */
    const char *last;    /* the name recorded last (borrowed from Ctx.inputs) */
    gboolean grew;       /* it records what the old one did not (a file now old enough) */
    gboolean unchanged;  /* every input is its article line, with its signature, in order
                          * (compared as the index was loaded) */
} JbIndex;

typedef struct JbBuildOwn JbBuildOwn;
typedef struct JbArts JbArts;                 /* jb_build_arts.c */
typedef struct JbInputs JbInputs;             /* jb_build_inputs.c */
typedef struct JbBuildSources JbBuildSources; /* jb_build_sources.c */

typedef struct {
    const char *project_path;
    const JbBuildOptions *opt;
    JbBuildResult *r;
    GError *first_error;
    gboolean out_of_space; /* an error said ENOSPC or EDQUOT: the sweep frees what it can */
    GKeyFile *kf;
    char *base, *out_dir, *cache_dir, *dict_path, *tmpl_path; /* tmpl_path NULL: no report */
    char *pub_path;           /* the publishers map (jb_publishers.h) */
    JbPublishers *publishers; /* owned */
    char *tmpl_name;          /* the template as the project names it: what keys use */
    gboolean year_periods;
    JbFailOn fail_on;
    gint64 started;   /* wall-clock µs: files younger than this are racy (index) */
    gsize held_bytes; /* bytes of articles read and kept to be extracted: beyond
                           * hold_max they are read again by the extraction, so a build
                           * from scratch holds no more than that of an archive */
    gsize hold_max;   /* JB_BUILD_HOLD_MAX, or JIANBAO_TEST_HOLD_MAX's bytes in tests */
    gboolean stream;  /* articles' statements are read from the cache as they are
                           * assembled, never all held (jb_build_article_rows) */
    JbInputs *inputs; /* the articles' names (relative to the project's directory when its
                       * glob is), sorted bytewise, unique, on disk (jb_build_inputs.c) */
    JbIndex index;    /* the articles' stat records; off in units */
    GHashTable *old_outputs, *new_outputs; /* name in OUT → "HASH SIG" of the published
                                            * files (jb_build_outputs_intact) */
    GPtrArray *live_memos;                 /* char*: the cache's KEY.stat files this run used */
    GKeyFile *old_man; /* the previous manifest (empty when none or unreadable) */
    GKeyFile *new_man;
    char *engine, *fonts, *project_hash, *dict_hash, *tmpl_hash, *date;
    char *project_text, *tmpl_text;
    char *metrics_sha; /* SHA-256 of the metrics.csv product, hashed as it was written */
    JbDict *dict;
    JbBuildSources *sources; /* article → publisher or title, from the assembly until the
                              * outputs are published (jb_build_sources.c); owned */
    JbTable *review;         /* the project's review.csv, or NULL (jb_build_review.c) */
    gboolean *review_used;   /* a row's action did something this build (owned; NULL) */
    char *review_hash;       /* its SHA-256, "" when there is none */
    JbTable *review_out;     /* JB_REVIEW_HEADER rows for the briefing's review section */
    JbTable *changes;        /* what is new since the previous series (jb_build_changes),
                                * NULL when there is none to compare with; owned */
    char *previous_series;   /* the file of that series (OUT/series.csv as it was, or the
                                * kept one), published as OUT/.previous-series.csv before
                                * series.csv; owned */
    JbBuildOwn *own;         /* the ledgers of what this run writes (jb_build_own.c); owned */
    gboolean locked;         /* it holds OUT/.lock (a build; a unit does not) */

    /* The names of `sources` (and, for a source no article is named, its path). */
    GStringChunk *source_strings;
    /* What each article of `inputs` is known to be (jb_build_read_articles), by number, on
     * disk (jb_build_arts.c); owned. */
    JbArts *arts;
    char *inputs_digest; /* of the articles read (jb_build_read_articles); owned */
} Ctx;

/* Records of JbArts read and written at a time (68 bytes each). */
#define JB_BUILD_ARTS_BLOCK 1024

/* A SHA-256 as its 64 hex digits (`hex` has room for 65 bytes), and back (FALSE when `hex`
 * is not 64 hex digits). An Article keeps three as bytes: 100 bytes less each. */
static inline void jb_build_digest_hex(const guint8 d[32], char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    for (guint i = 0; i < 32; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = 0;
}

static inline gboolean jb_build_digest_parse(guint8 d[32], const char *hex)
{
    for (guint i = 0; i < 64; i++)
        if (!g_ascii_isxdigit(hex[i]) || g_ascii_isupper(hex[i]))
            return FALSE;
    if (hex[64])
        return FALSE;
    for (guint i = 0; i < 32; i++)
        d[i] = (guint8)(g_ascii_xdigit_value(hex[2 * i]) << 4 |
                        g_ascii_xdigit_value(hex[2 * i + 1]));
    return TRUE;
}

typedef struct Article {
    /* What a step knows of one article while it works on it: a build holds a few at a time
     * (jb_build_extract_all's window), each made from its record in Ctx.arts and written
     * back to it (jb_build_arts_load, jb_build_arts_save: the hash, the digest, the flags;
     * not the pointers, which are this Article's alone). */
    const char *name; /* borrowed from Ctx.inputs: the source column, messages and the cache
                       * key say it; read from jb_build_input_path(name) */
    guint num;        /* its place in Ctx.inputs */
    char *data;       /* the bytes that were hashed: parse exactly those; NULL when the index
                 * vouched for the hash and the file was not read (yet) */
    gsize len;
    guint8 hash[32];  /* SHA-256 of its content (from the index, or of `data`); its cache key
                      * is made of it when needed (jb_build_article_path), not kept: 32
                      * bytes an article */
    guint8 stmt[32];  /* SHA-256 of its statements file (from the index, or made or read in
                      * this run), when has_stmt: what the assembly key is made of */
    JbTable *table;   /* the statements, as metrics.csv rows */
    JbDiag *warnings; /* the article's and its extraction's */
    GError *error;
    guint has_stmt : 1;
    guint ran : 1;
    guint cached : 1;   /* its statements are in the cache (the table is read when assembled) */
    guint reread : 1;   /* hashed, its bytes dropped (Ctx.held_bytes): read again to extract */
    guint present : 1;  /* read: it is one of the build's articles (else it is left out) */
    guint recorded : 1; /* its record is among the index's (JbIndex.fresh) */
    guint failed : 1;   /* its extraction failed: error and warnings kept in Ctx.arts until
                         * they are reported (jb_build_arts_keep_failure) */
    guint held : 1;     /* its bytes are kept in Ctx.arts for the extraction (jb_build_arts_hold) */
} Article;

typedef struct {
    char *name; /* chart name, or "" for the report */
    char *key;
    char *spec;  /* the chart spec text */
    gboolean ok; /* products exist in the cache */
} Render;

typedef struct {
    char *rel;     /* relative to OUT */
    char *product; /* a cache file, or NULL when `data` or `table` holds the content */
    GString *data;
    const JbSeries *series; /* borrowed: its CSV text is the content, made 64 KB at a time */
    char *sha256;           /* of the content when known (NULL: hashed when published) */
} Output;

/* The files a chart is rendered to, and at what scale (a report is one pdf). */
typedef struct {
    const char *ext;
    double scale;
} ChartOut;
extern const ChartOut JB_BUILD_CHART_OUTS[2];

/* ---- jb_build_arts.c: the articles' records, by number, on disk ----------------------------- */

JbArts *jb_build_arts_new(const Ctx *c);
void jb_build_arts_free(JbArts *s);
/* How many records (the numbers below it have one). */
guint jb_build_arts_count(const JbArts *s);
/* `a` (zeroed first) made from record `num`: its name, hash, digest and flags; whether the
 * article is present (read). */
gboolean jb_build_arts_load(const Ctx *c, JbArts *s, guint num, Article *a);
/* Record a->num made of `a` (its hash, digest and flags; not its pointers). */
void jb_build_arts_save(JbArts *s, const Article *a);
/* Keep a->data (taken) for the extraction: held until jb_build_arts_take. In the order of
 * the numbers. */
void jb_build_arts_hold(JbArts *s, Article *a);
/* The bytes kept for `a`, into a->data, if any. Asked in the order of the numbers: the
 * bytes of those passed over are freed. */
void jb_build_arts_take(JbArts *s, Article *a);
/* Free the bytes no step took. */
void jb_build_arts_drop_held(JbArts *s);
/* An article whose extraction failed: its error and warnings (taken) kept until reported
 * (jb_build_arts_failure), and a->failed set. In the order of the numbers. */
void jb_build_arts_keep_failure(JbArts *s, Article *a);
/* The error and warnings kept for a failed `a`, back into it. */
void jb_build_arts_failure(JbArts *s, Article *a);
/* A record could not be written or read back (the records read since are empty). */
gboolean jb_build_arts_lost(const JbArts *s);
/* The records were all written and read back: else the build fails (an error, once),
 * publishing nothing. */
gboolean jb_build_arts_intact(Ctx *c);
/* The names of the articles' cache files (KEY.csv) into `live`, for the sweep. */
void jb_build_arts_live(Ctx *c, JbStrSort *live);

/* ---- jb_build_inputs.c: the articles' names, sorted, on disk -------------------------------- */

/* The names the globs (each stripped in place) match beside `base_dir`. Never NULL. */
JbInputs *jb_build_inputs_new(const char *base_dir, char **globs);
void jb_build_inputs_free(JbInputs *in);
guint jb_build_inputs_count(const JbInputs *in);
/* A temporary file failed while the names were sorted: some are missing (the build fails). */
gboolean jb_build_inputs_lost(const JbInputs *in);
/* Name `i` (< count): good until jb_build_inputs_free, whatever is dropped. */
const char *jb_build_inputs_name(const JbInputs *in, guint i);
/* Only the names [from, to) from here on (a unit's), numbered from 0. */
void jb_build_inputs_narrow(JbInputs *in, guint from, guint to);
/* The number of `name`, G_MAXUINT when it is none of them. */
guint jb_build_inputs_find(const JbInputs *in, const char *name);
/* The names' pages out of the process (read again from the page cache when wanted). */
void jb_build_inputs_drop(JbInputs *in);
/* One article walked past: every JB_BUILD_INPUTS_TICK, the pages are dropped. */
void jb_build_inputs_tick(JbInputs *in);

/* Articles between the drops of the names' pages (jb_build_inputs_tick, and the lookups of
 * jb_build_sources). */
#define JB_BUILD_INPUTS_TICK 4096

/* ---- jb_build_sources.c: the articles' sources' names, by number, on disk ------------------ */

JbBuildSources *jb_build_sources_new(JbInputs *inputs);
void jb_build_sources_free(JbBuildSources *s);
/* The namer's jb_source_namer_on_named: `path` is one of the inputs' names (`name` is
 * copied). */
void jb_build_sources_named(gpointer data, const char *path, const char *name);
/* The namer's table of the other sources (taken) beside them; FALSE when the names could not
 * be kept (a temporary file failed). */
gboolean jb_build_sources_finish(JbBuildSources *s, GHashTable *table);
/* What the charts and the briefing look names up in (NULL `s`: NULL). */
const JbSourceNames *jb_build_sources_names(const JbBuildSources *s);

/* ---- jb_build_log.c ------------------------------------------------------------------------ */

void jb_build_result_init(JbBuildResult *r);
void jb_build_add_event(JbBuildResult *r, JbLogLevel level, const char *stage, const char *msg);
G_GNUC_PRINTF(4, 5)
void jb_build_add_eventf(JbBuildResult *r, JbLogLevel level, const char *stage, const char *fmt,
                         ...);
/* The scripted crash points of the tests (see jb_build.h). */
void jb_build_maybe_die(const char *point);

/* ---- jb_build_ctx.c ------------------------------------------------------------------------ */

/* Read and check the project file into `c` (zeroed by the caller): its paths, its options,
 * the articles its globs match, its review file. `opt` may be NULL (listing units). */
gboolean jb_build_ctx_load(Ctx *c, const char *project_path, const JbBuildOptions *opt,
                           JbBuildResult *r, GError **error);
/* The previous manifest, the input hashes and the dictionary: what every decision needs. */
gboolean jb_build_ctx_prepare(Ctx *c, GError **error);
/* Free what `c` holds (not `c`). */
void jb_build_ctx_clear(Ctx *c);
int jb_build_by_bytes(gconstpointer a, gconstpointer b); /* for g_ptr_array_sort of char* */
/* Record an error as an event; the first becomes the build's GError. Takes `e`. */
void jb_build_fail_unit(Ctx *c, const char *stage, GError *e);
char *jb_build_resolve(const char *base_dir, const char *path);
char *jb_build_input_path(const Ctx *c, const char *name);
char *jb_build_cache_path(const Ctx *c, const char *key, const char *ext);
/* jb_build_cache_path of an article's key (made of the engine, the dictionary, its name and
 * its hash), and that key's hex (`key` may be NULL). */
void jb_build_article_key(const Ctx *c, const Article *a, char key[65]);
/* jb_build_cache_path of an article's key. */
char *jb_build_article_path(const Ctx *c, const Article *a, const char *ext);
/* The SHA-256 of series.csv's text (jb_series_csv_stream's bytes, its spilled sources read
 * back), made 64 KB at a time; NULL when a spilled text could not be read. */
char *jb_build_series_sha256(const JbSeries *s);
/* Warnings stored beside a product (KEY.warn, one per line), so a reused product reports
 * what the run that made it reported. Written before the product itself. */
gboolean jb_build_save_warnings(const Ctx *c, const char *key, const JbDiag *warnings,
                                GError **error);
void jb_build_replay_warnings(Ctx *c, const char *key, const char *stage);

/* ---- jb_build_steps.c ---------------------------------------------------------------------- */

/* Read and hash every article into Ctx.arts, and make Ctx.inputs_digest of them. Unreadable
 * ones are reported and left out (not `present`). The number of those read. */
guint jb_build_read_articles(Ctx *c);
/* What an article holds (not the article: a step's own). */
void jb_build_article_clear(gpointer article);
/* Statements of every article: from the cache, else extracted on `jobs` threads, a window
 * of JB_BUILD_EXTRACT_WINDOW articles at a time. With c->stream, a cached article is only
 * looked for and nothing is kept: its statements and warnings are read, and reported, when
 * jb_build_article_rows asks for them (an extraction's error and warnings are kept until
 * then: jb_build_arts_keep_failure). Without, each is reported, in order, as its window is
 * done. */
void jb_build_extract_all(Ctx *c);
/* How many threads a step runs on: --jobs, else the processors (1 to 256). */
guint jb_build_n_jobs(const JbBuildOptions *opt);
/* Run `one` on every item of `todo`: in order on this thread when `threads` is 1, else on a
 * pool of `threads` workers; progress for `stage` is reported as items finish. JB_ERROR's
 * quark is made here first, on this thread: G_DEFINE_QUARK makes it lazily with a plain
 * static, which workers failing at the same moment would otherwise race on
 * (ThreadSanitizer reported it). The workers are started first, all of them (an exclusive
 * pool): a thread that cannot be started (its stack over `ulimit -v`, too many processes)
 * leaves fewer, and none leaves the work on this thread. A pool that started its threads
 * only as items came queued them with no thread to take them, and the build waited for them
 * for ever, its lock held. */
void jb_build_run_all(const Ctx *c, const char *stage, GPtrArray *todo, guint threads,
                      void (*one)(const Ctx *c, gpointer item));
/* The same for a part of a step's items, `before` of its `total` done (the progress). */
void jb_build_run_some(const Ctx *c, const char *stage, GPtrArray *todo, guint threads,
                       void (*one)(const Ctx *c, gpointer item), guint before, guint total);
/* a->table and a->warnings, from the cache (extracted again, here, when the cache file is
 * damaged or gone), reported as extract_all reports them. FALSE when the article failed
 * (reported). The caller frees the table when done with it. */
gboolean jb_build_article_rows(Ctx *c, Article *a);
/* a->stmt of every article that has none yet, from its cache file (FALSE when one is
 * missing or damaged), and into the index being made. (jb_build_digests.c) */
gboolean jb_build_statements_digests(Ctx *c);
/* The same for one article: whether it has one (and no error). */
gboolean jb_build_statements_digest(Ctx *c, Article *a);
/* a->table and a->warnings from the cache file, not reported; FALSE when missing or damaged. */
gboolean jb_build_load_cached(const Ctx *c, Article *a);
void jb_build_render_free(gpointer p);
/* The chart groups of the project, with their spec text. */
GPtrArray *jb_build_chart_units(const Ctx *c, GError **error);
gboolean jb_build_products_exist(const Ctx *c, const Render *u);
/* Files a spec or template names (a chart's `theme = corporate.theme`): every token of
 * `text` that names a regular file, relative to `dir` or the project, is hashed into `h`.
 * A superset of the real dependencies, found without knowing each module's keys. */
void jb_build_feed_named_files(const Ctx *c, GChecksum *h, const char *text, const char *dir);
/* Key a chart by its spec, the files it names and the series rows of the metrics it names. */
void jb_build_chart_key(const Ctx *c, Render *u, const JbSeries *series);
/* Key the report by its template, the files it names, the date, and the series and quotes
 * of every metric whose id the template mentions. */
void jb_build_report_key(const Ctx *c, Render *u, const JbSeries *series, const JbCitations *cit);
/* Each render unit: reused from the cache or run, on up to -j threads at once (with one, on
 * this thread, in unit order). In parallel the report is queued first: it takes longest (it
 * draws every chart of the template again). Events are
 * recorded afterwards in unit order, whatever order the threads finished in, so the log of a
 * parallel build is the log of a serial one. */
void jb_build_render_all(Ctx *c, GPtrArray *units, const JbSeries *series, const JbCitations *cit);

/* ---- jb_build_project.c -------------------------------------------------------------------- */

/* Every section, key and value of the project file `path` (its `text`, parsed as `kf`):
 * FALSE and a JB_ERROR_USAGE error "PATH:LINE: …" with the near spelling for an unknown
 * section or key, a bad value, a chart key jb_chart_set refuses. */
gboolean jb_build_check_project(const char *path, const char *text, GKeyFile *kf, GError **error);
/* The project file's sections and keys, for the hints of jb_keyfile_load_hinted. */
const JbKeyfileHints *jb_build_project_hints(void);
/* 1-based line of `key` in [group] of the project text (of the group's header when `key` is
 * NULL), 0 when not found. */
guint jb_build_project_line(const char *text, const char *group, const char *key);
/* The nearest of `words` (NULL-terminated) formatted by `fmt` ("; did you mean '%s'?"), else
 * "": within one edit (a swap of neighbours is one) for words of up to four letters, two for
 * longer. Newly allocated. */
char *jb_build_suggest(const char *word, const char *const *words, const char *fmt);
/* The project's dictionary file (`path`, its own text, not what it extends) read as strictly
 * as the project: an unknown section or key, a bad daily= — an error naming the file, its
 * line and the near spelling ([scop] → [scope], aliasses= → aliases=). (jb_build_dict_check.c) */
gboolean jb_build_check_dictionary(const char *path, GError **error);
/* An error of jb_dict_parse on the project's dictionary `path` that names a group but no
 * line: given the line in that file, the nearest group of the `merged` text (what it
 * extends and itself) for a metric that is none, and JB_ERROR_USAGE. (jb_build_dict_check.c) */
void jb_build_dict_error_line(const char *path, const char *merged, gsize len, GError *error);
/* Every metric a [chart NAME] draws is in the dictionary: else an error at its line with
 * the nearest id. */
gboolean jb_build_check_chart_metrics(const char *path, const char *text, GKeyFile *kf,
                                      const JbDict *dict, GError **error);
/* Why inputs= matched nothing when a pattern's directory is missing (" (no directory …; did
 * you mean …?)"), else "". Newly allocated. */
char *jb_build_inputs_hint(const char *base, char **globs);

/* ---- jb_build_review.c --------------------------------------------------------------------- */

extern const char *const JB_REVIEW_HEADER[];
/* Read and check the project's review file (review= or review.csv beside it; none is fine). */
gboolean jb_build_review_load(Ctx *c, GError **error);
/* The review's metric ids are the dictionary's (a misspelt one is an error with the near
 * id, exit 2) and its rejects name articles of the project (a near miss is an error; one
 * no longer among them a warning). After the dictionary is read. */
gboolean jb_build_review_check(Ctx *c, GError **error);
/* A warning for each review row that did nothing this build (a reject whose quote no
 * statement of its article holds, an accept with no such conflict). After reshape. */
void jb_build_review_unused(Ctx *c);
/* Whether the review rejects row `r` of `metrics` (then recorded in c->review_out). */
gboolean jb_build_review_rejects(Ctx *c, const JbTable *metrics, guint r);
/* jb_build_changes.c: c->changes and c->previous_series for `series`, against the series
 * the previous build published (or, when that is the same, the one it compared with). */
void jb_build_changes(Ctx *c, const JbSeries *series);

/* `metrics` without the statements the review rejects (recorded in c->review_out). */
JbTable *jb_build_review_reject(Ctx *c, const JbTable *metrics);
/* Set the values the review pins in `series` (recorded in c->review_out). */
void jb_build_review_pin(Ctx *c, JbTable *series);
/* Each conflict reshape reported, open or accepted, into c->review_out. */
void jb_build_review_conflicts(Ctx *c, const JbTable *conflicts, const JbSeries *series);
/* TRUE when `warning` is a conflict the review accepts (then it is no warning). */
gboolean jb_build_review_is_accepted(const Ctx *c, const char *warning);

/* ---- jb_build_warn.c ----------------------------------------------------------------------- */

/* "errors", "new-warnings", "warnings" → *out; FALSE for anything else. */
gboolean jb_build_parse_fail_on(const char *value, JbFailOn *out);
/* Mark each warning event new or not against the previous manifest's warnings, and count
 * r->new_warnings and r->failing_warnings (by c->fail_on). */
void jb_build_judge_warnings(Ctx *c);
/* Every warning of this build into the new manifest (for replay and the next judgement). */
void jb_build_record_warnings(Ctx *c);
/* OUT/warnings.csv: stage,file,line,message, one row per warning. Caller owns it. */
GString *jb_build_warnings_csv(const Ctx *c);

/* ---- jb_build_index.c ---------------------------------------------------------------------- */

/* "SIZE:MTIME:CTIME:INODE" of a regular file, or NULL; *racy (may be NULL) says whether it
 * changed too recently for the signature to be trusted next time. */
char *jb_build_stat_sig(const char *path, gboolean *racy, gint64 started);
/* SHA-256 of the executable or a font: from a stat record when it is unchanged. */
char *jb_build_hash_big_file(Ctx *c, const char *path);
/* Read OUT/.index and turn the index on (a build; units leave it off); with `compare`, each
 * input is compared with its article line as the index is read (one stat per article). */
void jb_build_index_load(Ctx *c, gboolean compare);
/* TRUE when the inputs (Ctx.inputs) are the index's articles, in order, each with its recorded
 * signature (as jb_build_index_load(c, TRUE) found them): then `digest` is their inputs
 * digest, as recorded. One stat per article and nothing else per article: what a no-op build
 * does. */
gboolean jb_build_index_unchanged(Ctx *c, char digest[65]);
/* The recorded hash of article `name` when `sig` is the recorded signature, else NULL (asked
 * in the bytewise order of the names: the index is merge-joined with them as a stream); and
 * (stmt may be NULL) the recorded digest of its statements file, "" when none. */
char *jb_build_index_lookup(Ctx *c, const char *name, const char *sig, char stmt[65]);
/* Record article `a` (in the order of Ctx.inputs): not when it is racy or the index is off.
 * a->recorded says whether it was: its statements digest, when known, is read from its
 * record in Ctx.arts when the index is sealed or written. */
void jb_build_index_record(Ctx *c, struct Article *a, const char *sig, gboolean racy);
/* The same for an output of OUT, `rel` its name there. */
char *jb_build_index_lookup_output(const Ctx *c, const char *rel, const char *sig);
void jb_build_index_record_output(Ctx *c, const char *rel, const char *sig, gboolean racy,
                                  const char *hash);
/* Write OUT/.index: this build's article records, or with `kept` the old index's (a no-op
 * build that read none), and the outputs'; `digest` of `n_inputs` articles is recorded
 * when the records are all of them. */
gboolean jb_build_index_save(Ctx *c, gboolean kept, const char *digest, guint n_inputs,
                             GError **error);
/* Every article's statements digest into this build's records, now, so that the articles
 * can go before the index is written (jb_build.c frees each once its rows are in: the
 * records up to its own are sealed first, jb_build_index_seal_upto). (jb_build_digests.c) */
void jb_build_index_seal(Ctx *c);
/* Seal this build's records up to article `upto`'s (its own too, when it has one): each is
 * copied to a second file with its article's statements digest as it is now, and is not
 * read again. Asked in the order of Ctx.inputs, as the records were made. */
void jb_build_index_seal_upto(Ctx *c, guint upto);
/* A file of no name in OUT (else in the temporary directory), for the records (NULL: none). */
FILE *jb_build_index_fresh_file(const Ctx *c);
/* The next record's `line` (they are asked in order, from the first after
 * JbIndex.fill_art is set to 0) with its article's statements digest as it is now (unless
 * sealed: then it has it). FALSE when no article is recorded for it. */
gboolean jb_build_index_fresh_fill(Ctx *c, char *line);
/* Drop the old index's text once every article has been looked up (jb_build_read_articles):
 * the records this build makes replace it. Its outputs' records stay. */
void jb_build_index_forget_old(Ctx *c);
void jb_build_index_clear(Ctx *c);

/* ---- jb_build_own.c: what a build removes is what a build recorded writing ---------------- */

JbBuildOwn *jb_build_own_new(void);
void jb_build_own_free(JbBuildOwn *o);
/* Open OUT (made if missing; through a symlink the project names) and OUT/.cache (made if
 * missing; a symlink or a file there is an error naming it, its target untouched: with
 * output=. the link may be the user's own ~/.cache) for every write of this run, and anchor
 * both (jb_atomic_anchor) for the chart and the briefing, which write by path. */
gboolean jb_build_own_open(Ctx *c, GError **error);
/* Before writing the cache file `path`: its name is recorded in the cache's ledger (FALSE
 * and an error naming the ledger when it cannot be: the file must not be written then), and
 * a FIFO, socket, device or symlink planted at it (the cache's names are the build's own) is
 * removed, so the file replaces it — the writer opened a FIFO there in place and waited for
 * a reader for ever, the lock held. Thread-safe. */
gboolean jb_build_cache_claim(const Ctx *c, const char *path, GError **error);
/* jb_atomic_open / jb_atomic_write_file for a file in OUT or OUT/charts, through the
 * directory's descriptor (jb_atomic_openat: a symlink at the name is replaced; one at
 * OUT/charts is replaced by a directory): its temporary file is recorded in OUT's ledger
 * before it is made, for the next build to remove if this one is killed. */
JbAtomicFile *jb_build_out_open(const Ctx *c, const char *path, JbAtomicFlags flags,
                                GError **error);
gboolean jb_build_out_write(const Ctx *c, const char *path, const void *data, gsize len,
                            JbAtomicFlags flags, GError **error);
/* With the lock held (nothing on a unit), at the start and the end of every build: remove
 * the temporary files OUT's ledger names (a killed run's), then the ledger. Nothing else. */
void jb_build_sweep_temps(Ctx *c);
/* After a build: jb_build_sweep_temps, then in the cache the files the cache's ledger names
 * (or of a name in use) — temporary files older than 15 minutes and, when `live` is given
 * (the cache file names in use), products not in it and older than 15 minutes (whatever
 * their age after running out of space), then the ledger rewritten as what is left.
 * Symlinks are never followed, a file no ledger names is never removed. */
void jb_build_sweep(Ctx *c, JbStrSort *live);

/* KEY (64 hex digits) "." EXT into `s` (jb_build_own.c: the cache's names in use). */
void jb_build_names_add_key(JbStrSort *s, const char key[65], const char *ext);

/* ---- jb_build_store.c ---------------------------------------------------------------------- */

char *jb_build_sha256_hex(const void *data, gsize len);
/* Feed a string and a separator, so ("ab","c") and ("a","bc") hash differently. */
void jb_build_feed(GChecksum *h, const char *s);
char *jb_build_key_of(const char *first, ...) G_GNUC_NULL_TERMINATED;
/* SHA-256 of a file, or NULL when it cannot be read. */
char *jb_build_hash_file(const char *path);
void jb_build_output_free(gpointer p);
gboolean jb_build_publish_one(Ctx *c, Output *o, gboolean *published);
/* Outputs whose unit failed keep their previous file and manifest entry. */
void jb_build_keep_old_output(Ctx *c, const char *rel);
gboolean jb_build_write_manifest(Ctx *c, GError **error);
/* Read `path` whole (caller g_free()s *data) if it is a regular file, opened without waiting
 * (a FIFO never blocks) and, unless `follow`, not through a symlink. FALSE (errno) else. */
gboolean jb_build_read_regular(const char *path, gboolean follow, char **data, gsize *len);
/* `path` opened for reading if it is a regular file: without waiting (a FIFO never blocks
 * the build, the lock held) and, unless `follow`, not through a symlink. NULL else. */
FILE *jb_build_open_regular(const char *path, gboolean follow);
/* The inputs digest: the SHA-256 of the articles' names and content hashes, in order, fed
 * an article at a time (`h` a SHA-256). */
void jb_build_inputs_digest_add(GChecksum *h, const Article *a);
/* The key of the whole build: every input's hash (through the inputs digest). Equal keys
 * and intact outputs mean the outputs are what this run would produce. */
char *jb_build_top_key(const Ctx *c, const char *inputs_digest);
/* Every output the previous manifest lists is there with its recorded SHA-256: known from its
 * stat record in OUT/.index when it is unchanged since a build hashed it, else hashed (and
 * then recorded, when old enough: see jb_build_index.c). */
gboolean jb_build_outputs_intact(Ctx *c);

#endif
