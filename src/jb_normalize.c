#include "jb_normalize.h"

#include <string.h>

static gboolean is_dash(gunichar c)
{
    return (c >= 0x2010 && c <= 0x2015) || c == 0xFF0D;
}

char *jb_normalize(const char *s, gssize len)
{
    const char *end = s + (len < 0 ? (gssize)strlen(s) : len);
    GString *out = g_string_sized_new((gsize)(end - s));
    for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
            (c >= 0xFF41 && c <= 0xFF5A)) {
            g_string_append_c(out, (char)(c - 0xFEE0));
        } else if (c == 0xFF05 || c == 0xFF0B || c == 0xFF0E || c == 0xFF0F || c == 0xFF1D ||
                   c == 0xFF1C || c == 0xFF1E) {
            g_string_append_c(out, (char)(c - 0xFEE0)); /* ％ ＋ ． ／ ＝ ＜ ＞ */
        } else if (c == 0x3000 || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F) {
            g_string_append_c(out, ' ');
        } else if (c == 0x2236) {
            g_string_append_c(out, ':');
        } else if (c == 0xFF5E || c == 0x301C) {
            g_string_append_c(out, '~');
        } else if (is_dash(c)) {
            const char *next = g_utf8_next_char(p);
            if (next < end && is_dash(g_utf8_get_char(next))) {
                /* —— is punctuation, not a range: keep both as written */
                g_string_append_len(out, p, g_utf8_next_char(next) - p);
                p = next;
            } else {
                g_string_append_c(out, '-');
            }
        } else {
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
        }
    }
    return g_string_free(out, FALSE);
}
