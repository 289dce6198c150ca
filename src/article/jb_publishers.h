/* jb_publishers.h — who published an article, when the page does not say: by the site of
 * its URL or, for a file saved without one, by its file name.
 *
 * Read from templates/publishers.tsv: lines of `site<TAB>HOST<TAB>NAME` (HOST names the host
 * and every host under it: people.com.cn holds finance.people.com.cn) and
 * `file<TAB>PREFIX<TAB>NAME` (a file whose base name begins with PREFIX as a word: xwlb holds
 * xwlb_20230305.txt and 017_xwlb_20230305.txt — a crawler's serial number before it is
 * skipped — but not xwlbx.txt). The longest match wins; `#` starts a comment line.
 *
 * Not for: what a page states about itself (jb_article reads front matter, og:site_name, a
 * feed's channel, a 来源 line: those always win over the map).
 * Ownership: a JbPublishers owns its entries; jb_publishers_name returns a new string.
 */
#ifndef JB_PUBLISHERS_H
#define JB_PUBLISHERS_H

#include "jb_article.h"

#include <glib.h>

typedef struct JbPublishers JbPublishers;

/* NULL with a JB_ERROR_INPUT error naming `source` and the line of a malformed entry. */
JbPublishers *jb_publishers_parse(const char *source, const char *data, gsize len, GError **error);
JbPublishers *jb_publishers_load(const char *path, GError **error);
void jb_publishers_free(JbPublishers *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbPublishers, jb_publishers_free)

/* The publisher of a page at `url` (a site of the map, else its host; an archived copy,
 * web.archive.org/web/TIME/URL, is the archived URL's), else of a file at `path` by its
 * name's prefix; NULL when neither tells. `p` may be NULL (hosts only). Caller g_free()s. */
char *jb_publishers_name(const JbPublishers *p, const char *url, const char *path);

/* Give `a` a publisher when its page named none: by its URL, else its file name, else the
 * site of its first section's link (a digest's items). Leaves a stated publisher alone. */
void jb_publishers_fill(const JbPublishers *p, JbArticle *a);

#endif
