/* jb_article.h — one article file, of any shape and encoding, as clean paragraphs.
 *
 * News pages reach jianbao as whatever a crawler saved: plain text with a date line and
 * site junk around it, HTML pages or fragments, Markdown with YAML front matter (whose
 * body is often HTML), in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
 * This module turns one such file into what the extractor wants to read:
 *  - paragraphs of normalised UTF-8 (jb_normalize() applied), markup removed, one per
 *    block, whitespace runs collapsed to one space, indentation trimmed, page junk
 *    (navigation, share prompts, recommendation lists, view counts, copyright and ICP
 *    footers, phone numbers, addresses, editor lines, photo captions, leaked CSS) dropped;
 *  - for each paragraph, the 1-based line of the source file where it starts;
 *  - the article's title, publication date (ISO) and URL when the file says them;
 *  - warnings about what was repaired (invalid bytes skipped, unterminated markup).
 *
 * Not for: finding numbers or statements (jb_extract), character-level canonical forms
 * (jb_normalize), or fetching pages. It does no printing; problems come back as GError
 * (JB_ERROR domain) or as warning strings that name the file.
 *
 * Shape detection looks at the content (front matter, tag density, Markdown syntax) and
 * uses the file extension only to break ties. Reading is single-pass and linear: no
 * regex engine, no recursion, bounded work for unterminated or deeply nested markup.
 */
#ifndef JB_ARTICLE_H
#define JB_ARTICLE_H

#include <glib.h>

#include "jb_common.h"

/* Files larger than this are refused with JB_ERROR_LIMIT (before they are read). */
#define JB_ARTICLE_MAX_BYTES (64u * 1024 * 1024)

/* How the body was read. A YAML front matter block is recognised in front of any of them;
 * a front-matter file whose body is HTML (as crawlers often save) is JB_SHAPE_HTML. */
typedef enum {
    JB_SHAPE_TEXT,
    JB_SHAPE_HTML,
    JB_SHAPE_MARKDOWN,
    JB_SHAPE_FEED,
    JB_SHAPE_JSON
} JbShape;

/* What a paragraph is besides its text (JbArticle.kinds). */
typedef enum {
    JB_PARA_BODY = 0,
    JB_PARA_HEADING, /* a heading: a Markdown #, an HTML <h1>–<h3>, a feed item's title */
    JB_PARA_TABLE,   /* a row of a table: its cells joined by JB_CELL_SEP */
    JB_PARA_CAPTION, /* a picture's caption: the alt text of an image alone in its block */
    JB_PARA_LEAD,    /* a blog post's excerpt quoted above its read-more mark (> …, then
                        <!-- more -->): the body's figures said again, as a summary */
} JbParaKind;

/* Between the cells of a JB_PARA_TABLE paragraph: the ASCII record separator, which
 * cleaning drops from any other text (a control character), so it never occurs in a cell.
 * An empty cell is an empty string between two. */
#define JB_CELL_SEP "\x1E"
#define JB_CELL_CHAR '\x1E'

/* A part of an article that has a heading of its own: one item of a digest or feed, one
 * story of a 新闻联播 transcript, or a subheading's part of one story. Items of a digest
 * often carry their own date and link (a feed item's pubDate, a "原文：…/2024/10/18/…" line). */
typedef struct {
    guint first;     /* index of its first paragraph (its heading's, when it has one) */
    char *title;     /* its heading, "" for what precedes the first heading */
    char *published; /* its own ISO date when it states one, else "" (the article's holds) */
    char *url;       /* its own link, else "" */
    gboolean item;   /* an item of a run-on bulletin, its bold headline glued to its story
                        (**标题**正文…。**标题2**…): a story of its own */
} JbSection;

typedef struct {
    char *source;          /* the path as given */
    char *title;           /* from front matter, og:title, <title> (site suffix cut) or the
                              first <h1>, or for text the first short line; "" if none */
    char *summary;         /* a front matter's summary or excerpt: the story in a sentence,
                              read like a headline; "" if none */
    char *published;       /* the article's date as ISO "2022-07-26" (or "2022-07", "2022");
                              "" if unknown. A date with a time zone keeps the calendar date
                              written in that zone (no conversion). */
    char *url;             /* from front matter (url/link/source_url/permalink/canonical),
                              <link rel=canonical> or og:url; "" if none */
    char *publisher;       /* who published it: front matter source/publisher/site_name,
                              og:site_name, a feed's channel title, a "来源：新华网" line;
                              "" if none */
    gboolean date_guessed; /* `published` came from a weak sign (a date in the title or a
                              section), not from a date field of the page */
    JbShape shape;
    GPtrArray *paragraphs;   /* char*: normalised UTF-8, markup removed, one per block, junk
                              dropped; never empty strings. Their bytes lie in para_text */
    GArray *lines;           /* guint, 1-based line in the source file where paragraph i starts
                              (CRLF, LF and lone CR each end a line) */
    GArray *kinds;           /* guint8 JbParaKind of paragraph i */
    GArray *sections;        /* JbSection, in order, never empty: sections[0].first is 0; a
                              section's strings are owned by the article */
    JbDiag *warnings;        /* owned: "file: byte 1234: invalid UTF-8 skipped",
                              "file:12: unterminated comment; rest of file ignored", ... */
    GStringChunk *para_text; /* owned: the paragraphs' bytes, freed at once (one block for
                                many paragraphs, not an allocation each) */
} JbArticle;

/* Read and parse the file at `path` (see jb_article_parse). Errors: JB_ERROR_INPUT when it
 * cannot be opened or read, is a directory, empty or binary; JB_ERROR_LIMIT when it is
 * larger than JB_ARTICLE_MAX_BYTES; JB_ERROR_USAGE for an unknown `encoding` or a
 * `published_override` that is not a date. Caller owns the result (jb_article_free). */
JbArticle *jb_article_load(const char *path, const char *encoding, const char *published_override,
                           GError **error);

/* Parse `len` bytes of `data` (not necessarily NUL-terminated; borrowed) as the article
 * file `source` (used in messages and to break shape ties by extension).
 * `encoding`: NULL auto-detects (BOM, then UTF-8, then GB18030 when the bytes are invalid
 * as UTF-8 but mostly valid as GB18030); otherwise a g_iconv name such as "GB18030".
 * Invalid bytes are skipped, and the first few are reported in `warnings` with their byte
 * offset. `published_override` (NULL for none) wins over any date found in the file; it
 * may be "2022-07-26", "2022年7月26日", "2022-07", an ISO 8601 or an RFC 2822 date.
 * Errors: "file: empty" (no bytes, or only a BOM and white space) and "file: binary file
 * (NUL byte at offset N)" (a NUL in the first 8 KB) as JB_ERROR_INPUT; over-size as
 * JB_ERROR_LIMIT; bad encoding name or override as JB_ERROR_USAGE.
 * Caller owns the result (jb_article_free). */
JbArticle *jb_article_parse(const char *source, const char *data, gsize len, const char *encoding,
                            const char *published_override, GError **error);

/* Free `a` and everything in it; NULL is allowed. */
void jb_article_free(JbArticle *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbArticle, jb_article_free)

/* The section paragraph `i` belongs to (borrowed). */
const JbSection *jb_article_section_of(const JbArticle *a, guint i);

/* "text", "html", "markdown" or "feed" (static strings). */
const char *jb_shape_name(JbShape s);

/* Parse a date as written in articles and feeds: ISO 8601 ("2022-07-26T08:39:51+08:00"),
 * "2022-07-26 08:39", "2022/7/26", "2022.07.26", "2022年7月26日", RFC 2822
 * ("Tue, 26 Jul 2022 17:05:00 +0800"), or a bare "2022-07" / "2022年7月" / "2022".
 * Returns the ISO date ("2022-07-26", "2022-07" or "2022"), or NULL if `s` is not a valid
 * date. Caller owns the result. */
char *jb_article_parse_date(const char *s);

#endif
