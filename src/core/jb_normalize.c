#include "jb_normalize.h"

#include <string.h>

/* Only characters with these lead bytes are ever rewritten: U+0085 and U+00A0 (C2),
 * U+1680 (E1), U+20xx and U+2236 (E2), U+3000 and U+301C (E3), U+FFxx (EF). Every other
 * byte is copied in runs. */
static inline gboolean special_lead(guchar b)
{
    return b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF;
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
        const char *next;
        gunichar c = jb_utf8_get(p, end, &next);
        char ascii = jb_normalize_ascii(c);
        if (ascii) {
            *o++ = ascii;
        } else if (jb_normalize_is_dash(c)) {
            const char *after;
            if (next < end && jb_normalize_is_dash(jb_utf8_get(next, end, &after))) {
                /* —— is punctuation, not a range: keep both as written */
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
