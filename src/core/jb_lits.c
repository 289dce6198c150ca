/* jb_lits.c — building a JbLitFilter (jb_lits.h). */
#include "jb_lits.h"

#include <string.h>

void jb_lit_filter_build(JbLitFilter *f, const char *const *words)
{
    f->first = words[0];
    memset(f->heads, 0, sizeof f->heads);
    memset(f->tails, 0, sizeof f->tails);
    f->has_short = FALSE;
    memset(f->short_first, 0, sizeof f->short_first);
    memset(f->short_last, 0, sizeof f->short_last);
    for (const char *const *w = words; *w; w++) {
        gsize n = strlen(*w);
        if (n < 3)
            f->has_short = TRUE;
        if (n == 0) { /* (an empty word is at every place: nothing can be ruled out) */
            memset(f->short_first, 0xFF, sizeof f->short_first);
            memset(f->short_last, 0xFF, sizeof f->short_last);
        } else if (n < 3) {
            guchar a = (guchar)(*w)[0], z = (guchar)(*w)[n - 1];
            f->short_first[a >> 6] |= G_GUINT64_CONSTANT(1) << (a & 63);
            f->short_last[z >> 6] |= G_GUINT64_CONSTANT(1) << (z & 63);
        } else {
            guint h = jb_lits_hash3(*w), t = jb_lits_hash3(*w + n - 3);
            f->heads[h >> 6] |= G_GUINT64_CONSTANT(1) << (h & 63);
            f->tails[t >> 6] |= G_GUINT64_CONSTANT(1) << (t & 63);
        }
    }
}
