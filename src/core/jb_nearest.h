/* jb_nearest.h — the near spelling of a misspelt word (a key, a section, a value, a metric
 * id, a template block) among the words it could have been, for "did you mean" hints.
 */
#ifndef JB_NEAREST_H
#define JB_NEAREST_H

#include <glib.h>

/* Edit distance of two short words (bytes), a swap of two neighbours counting one (yaer →
 * year, tpye → type): optimal string alignment. Words over 40 bytes are 99 apart. */
guint jb_edit_distance(const char *a, const char *b);

/* The nearest of `words` (NULL-terminated) formatted by `fmt` ("; did you mean '%s'?"), else
 * "": within one edit for words of up to four bytes, two for longer (pie is not a misspelt
 * line). Newly allocated. */
char *jb_nearest_hint(const char *word, const char *const *words, const char *fmt);

/* The nearest of `words` (any count) within jb_nearest_hint's reach, or NULL (borrowed). */
const char *jb_nearest(const char *word, const char *const *words, guint n);

#endif
