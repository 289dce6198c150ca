#include "jb_normalize.h"

#include <string.h>

/* Only characters with these lead bytes are ever rewritten: U+00A0 (C2), U+20xx and
 * U+2236 (E2), U+3000 and U+301C (E3), U+FFxx (EF). Every other byte is copied in runs. */
static inline gboolean special_lead(guchar b)
{
    return b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF;
}

char *jb_normalize(const char *s, gssize len)
{
    const char *end = s + (len < 0 ? (gssize)strlen(s) : len);
    /* every rewrite is shorter than what it replaces: the input's size is enough */
    char *out = g_malloc((gsize)(end - s) + 1), *o = out;
    for (const char *p = s; p < end;) {
        if (!special_lead((guchar)*p)) {
            const char *q = p + 1;
            while (q < end && !special_lead((guchar)*q))
                q++;
            memcpy(o, p, (gsize)(q - p));
            o += q - p;
            p = q;
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if (next > end) /* (a cut character: never in valid UTF-8) */
            next = end;
        char ascii = jb_normalize_ascii(c);
        if (ascii) {
            *o++ = ascii;
        } else if (jb_normalize_is_dash(c)) {
            if (next < end && jb_normalize_is_dash(g_utf8_get_char(next))) {
                /* —— is punctuation, not a range: keep both as written */
                const char *after = MIN(g_utf8_next_char(next), end);
                memcpy(o, p, (gsize)(after - p));
                o += after - p;
                next = after;
            } else {
                *o++ = '-';
            }
        } else {
            memcpy(o, p, (gsize)(next - p));
            o += next - p;
        }
        p = next;
    }
    *o = '\0';
    return out;
}
