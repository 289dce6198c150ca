#include "jb_normalize.h"

#include <string.h>

static gboolean is_dash(gunichar c)
{
    return (c >= 0x2010 && c <= 0x2015) || c == 0xFF0D;
}

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
        if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
            (c >= 0xFF41 && c <= 0xFF5A)) {
            *o++ = (char)(c - 0xFEE0);
        } else if (c == 0xFF05 || c == 0xFF0B || c == 0xFF0E || c == 0xFF0F || c == 0xFF1D ||
                   c == 0xFF1C || c == 0xFF1E) {
            *o++ = (char)(c - 0xFEE0); /* ％ ＋ ． ／ ＝ ＜ ＞ */
        } else if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F) {
            *o++ = ' ';
        } else if (c == 0x2236) {
            *o++ = ':';
        } else if (c == 0xFF5E || c == 0x301C) {
            *o++ = '~';
        } else if (is_dash(c)) {
            if (next < end && is_dash(g_utf8_get_char(next))) {
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
