/* jb_template.h — the parts of a report template that are not Markdown: front matter and
 * {{placeholders}}. Kept apart from typesetting so both can be tested on their own.
 */
#ifndef JB_TEMPLATE_H
#define JB_TEMPLATE_H

#include "jb_series.h"
#include "jb_table.h"

#include <glib.h>

/* One filled placeholder whose value comes from the data (fields latest, first, growth):
 * the report turns it into a footnote pointing at the sentences the value came from. */
typedef struct {
    char *metric_id;
    char *field;
    guint line; /* line of the template */
} JbTemplateRef;

/* In `body`, a value placeholder is followed by JB_TEMPLATE_MARK, the decimal index of its
 * JbTemplateRef in `refs`, and JB_TEMPLATE_MARK again (an ASCII control character that
 * CommonMark passes through as text). Strip them with jb_template_strip_marks where the
 * text is not typeset (chart specs). */
#define JB_TEMPLATE_MARK '\x1d'

typedef struct {
    GHashTable *meta; /* front matter key → value (char* → char*, owned) */
    char *body;       /* Markdown after the front matter, placeholders filled */
    guint body_line;  /* line of the template where `body` starts */
    GPtrArray *used;  /* metric ids the placeholders referred to (char*, owned) */
    GPtrArray *refs;  /* JbTemplateRef*, owned: value placeholders, in order */
} JbTemplate;

/* Split front matter ("---" lines; `key: value`, quotes stripped) from the body and fill
 * the body's placeholders from `series`. Errors name `source` and the line. */
JbTemplate *jb_template_parse(const char *source, const char *text, const JbSeries *series,
                              GError **error);
void jb_template_free(JbTemplate *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbTemplate, jb_template_free)

/* `text` without reference marks. Caller owns it. */
char *jb_template_strip_marks(const char *text);

/* Front matter value or `fallback` (borrowed). */
const char *jb_template_meta(const JbTemplate *t, const char *key, const char *fallback);

#endif
