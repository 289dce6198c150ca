/* jb_text.c — the out-of-line part of jb_text.h. */
#include "jb_text.h"

gunichar jb_utf8_get_checked_rare(const guchar *s, gsize left, gsize *n)
{
    if ((s[0] & 0xE0) == 0xC0 && left >= 2 && (s[1] & 0xC0) == 0x80) {
        *n = 2;
        return ((gunichar)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && left >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *n = 4;
        return ((gunichar)(s[0] & 0x07) << 18) | ((gunichar)(s[1] & 0x3F) << 12) |
               ((gunichar)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *n = 1;
    return 0xFFFD;
}
