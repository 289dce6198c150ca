#include "jb_nearest.h"

#include <string.h>

/* Written by hand: GLib has no edit distance, and the words are a few bytes. */
guint jb_edit_distance(const char *a, const char *b)
{
    gsize la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    guint d[41][41];
    for (gsize i = 0; i <= la; i++)
        d[i][0] = (guint)i;
    for (gsize j = 0; j <= lb; j++)
        d[0][j] = (guint)j;
    for (gsize i = 1; i <= la; i++)
        for (gsize j = 1; j <= lb; j++) {
            guint best = MIN(d[i - 1][j] + 1, d[i][j - 1] + 1);
            best = MIN(best, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = MIN(best, d[i - 2][j - 2] + 1);
            d[i][j] = best;
        }
    return d[la][lb];
}

const char *jb_nearest(const char *word, const char *const *words, guint n)
{
    const char *best = NULL;
    guint bd = strlen(word) <= 4 ? 2 : 3;
    for (guint i = 0; i < n && words[i]; i++) {
        guint d = jb_edit_distance(word, words[i]);
        if (d < bd) {
            bd = d;
            best = words[i];
        }
    }
    return best;
}

char *jb_nearest_hint(const char *word, const char *const *words, const char *fmt)
{
    const char *best = jb_nearest(word, words, G_MAXUINT);
    return best ? g_strdup_printf(fmt, best) : g_strdup("");
}
