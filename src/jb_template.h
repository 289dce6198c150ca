/* jb_template.h — the parts of a report template that are not Markdown: front matter and
 * {{placeholders}}. Kept apart from typesetting so both can be tested on their own.
 */
#ifndef JB_TEMPLATE_H
#define JB_TEMPLATE_H

#include "jb_table.h"

#include <glib.h>

typedef struct {
    GHashTable *meta; /* front matter key → value (char* → char*, owned) */
    char *body;       /* Markdown after the front matter, placeholders filled */
    guint body_line;  /* line of the template where `body` starts */
    GPtrArray *used;  /* metric ids the placeholders referred to (char*, owned) */
} JbTemplate;

/* Split front matter ("---" lines; `key: value`, quotes stripped) from the body and fill
 * the body's placeholders from `series`. Errors name `source` and the line. */
JbTemplate *jb_template_parse(const char *source, const char *text, const JbTable *series,
                              GError **error);
void jb_template_free(JbTemplate *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbTemplate, jb_template_free)

/* Front matter value or `fallback` (borrowed). */
const char *jb_template_meta(const JbTemplate *t, const char *key, const char *fallback);

#endif
