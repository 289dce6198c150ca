/* jb_article_decode.c — an article's bytes made valid UTF-8 with LF line ends and no NULs:
 * UTF-8 used where it lies, another encoding (named, or GB18030 guessed) converted, and
 * invalid bytes skipped and reported.
 *
 * Not for: markup or white space (the passes after it read only valid UTF-8).
 */
#include "jb_article_priv.h"

#define BINARY_SNIFF_BYTES 8192 /* a NUL in this many first bytes means "binary" */
#define MAX_BYTE_WARNINGS 5     /* invalid bytes reported one by one, then a count */

/* ---- decoding ----------------------------------------------------------------------- */

/* Copy valid UTF-8 from `data`, skipping (and reporting) invalid bytes and NULs.
 * `base` is the offset of `data` in the file, for the messages. */
static GString *decode_utf8(const char *source, const char *data, gsize len, gsize base,
                            GPtrArray *warnings, gsize *nbad)
{
    GString *out = g_string_sized_new(len + 1);
    const char *p = data, *end = data + len;
    *nbad = 0;
    while (p < end) {
        const char *valid_end;
        g_utf8_validate_len(p, (gsize)(end - p), &valid_end);
        g_string_append_len(out, p, valid_end - p);
        p = valid_end;
        if (p < end) {
            if (*nbad < MAX_BYTE_WARNINGS)
                jb_article_add_warning(warnings, "%s: byte %zu: %s skipped", source,
                                       base + (gsize)(p - data), *p ? "invalid UTF-8" : "NUL byte");
            (*nbad)++;
            p++;
        }
    }
    if (*nbad > MAX_BYTE_WARNINGS)
        jb_article_add_warning(warnings, "%s: %zu more invalid bytes skipped", source,
                               *nbad - MAX_BYTE_WARNINGS);
    return out;
}

/* Convert from `encoding` with g_iconv, skipping (and reporting) bytes it rejects. */
static GString *decode_iconv(const char *source, const char *encoding, const char *data, gsize len,
                             gsize base, GPtrArray *warnings, gsize *nbad, GError **error)
{
    GIConv cd = g_iconv_open("UTF-8", encoding);
    if (cd == (GIConv)-1) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: unknown encoding '%s'", source, encoding);
        return NULL;
    }
    gsize cap = len * 2 + 16;
    char *out = g_malloc(cap);
    char *in = (char *)data, *op = out;
    gsize inleft = len, outleft = cap - 1;
    *nbad = 0;
    while (inleft > 0) {
        if (g_iconv(cd, &in, &inleft, &op, &outleft) != (gsize)-1)
            break;
        if (errno == E2BIG) {
            gsize used = (gsize)(op - out);
            cap *= 2;
            out = g_realloc(out, cap);
            op = out + used;
            outleft = cap - used - 1;
            continue;
        }
        /* EILSEQ (invalid) or EINVAL (incomplete at the end): skip one byte. */
        if (*nbad < MAX_BYTE_WARNINGS)
            jb_article_add_warning(warnings, "%s: byte %zu: invalid %s skipped", source,
                                   base + (gsize)(in - data), encoding);
        (*nbad)++;
        in++;
        inleft--;
    }
    if (*nbad > MAX_BYTE_WARNINGS)
        jb_article_add_warning(warnings, "%s: %zu more invalid bytes skipped", source,
                               *nbad - MAX_BYTE_WARNINGS);
    if (outleft < 16) {
        gsize used = (gsize)(op - out);
        out = g_realloc(out, cap + 16);
        op = out + used;
        outleft += 16;
    }
    g_iconv(cd, NULL, NULL, &op, &outleft); /* end a stateful encoding's shift state */
    g_iconv_close(cd);
    *op = '\0';
    GString *s = g_string_new_len(out, op - out);
    g_free(out);
    return s;
}

/* By a three-byte lead's low nibble: is it E1-EC or EE-EF, whose characters need no test
 * beyond their continuation bytes (0: E0, D: ED)? */
static const guint8 CJK_LEAD_OK[16] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1};

/* Is the first character of `w` (eight bytes as loaded, little-endian) such a character? */
static inline gboolean plain_cjk(guint64 w)
{
    return (w & 0xC0C0F0) == 0x8080E0 && CJK_LEAD_OK[w & 0x0F];
}

/* Are the first two characters of `w` such characters (one mask for both shapes)? */
static inline gboolean plain_cjk_pair(guint64 w)
{
    return (w & G_GUINT64_CONSTANT(0xC0C0F0C0C0F0)) == G_GUINT64_CONSTANT(0x8080E08080E0) &&
           (CJK_LEAD_OK[w & 0x0F] & CJK_LEAD_OK[(w >> 24) & 0x0F]);
}

/* The length of the valid UTF-8 character at `p` (before `end`), 0 if it is not one (or is
 * a NUL): the test of any character, for those utf8_valid does not take in its runs. */
static gsize utf8_char_ok(const guchar *p, const guchar *end)
{
    guchar b = *p;
    if (b < 0x80)
        return b != 0;
    if (b < 0xC2)
        return 0;
    if (b < 0xE0)
        return end - p >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (b < 0xF0) {
        if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        if ((b == 0xE0 && p[1] < 0xA0) || (b == 0xED && p[1] >= 0xA0))
            return 0; /* overlong, surrogate */
        return 3;
    }
    if (b < 0xF5) {
        if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if ((b == 0xF0 && p[1] < 0x90) || (b == 0xF4 && p[1] >= 0x90))
            return 0; /* overlong, over U+10FFFF */
        return 4;
    }
    return 0;
}

/* g_utf8_validate_len(s, len, NULL) (no NUL, overlong form, surrogate or code point past
 * U+10FFFF), several times faster on Chinese text: every file goes through it once. Such
 * text switches between Chinese and ASCII every few characters, so each step takes what
 * one eight-byte load shows: up to two plain Chinese characters, or the whole ASCII run
 * in it (found from its first non-ASCII or NUL byte), else one character tested fully. */
static gboolean utf8_valid(const char *s, gsize len)
{
    const guchar *p = (const guchar *)s, *end = p + len;
    const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
    const guint64 high = ones << 7;
    while (end - p >= 8) {
        guint64 w;
        memcpy(&w, p, 8);
        w = GUINT64_FROM_LE(w);
        if (plain_cjk_pair(w)) {
            p += 6;
            continue;
        }
        if (plain_cjk(w)) {
            p += 3;
            continue;
        }
        /* the bytes that are not ASCII or are NUL: the lowest one marked is exact (a false
         * mark comes only from a borrow, above a NUL) */
        guint64 m = (w & high) | ((w - ones) & ~w & high);
        if (!m) {
            p += 8;
            continue;
        }
        gsize k = lowest_bit(m) >> 3;
        if (k == 0 && (k = utf8_char_ok(p, end)) == 0)
            return FALSE;
        p += k;
    }
    while (p < end) {
        gsize k = utf8_char_ok(p, end);
        if (k == 0)
            return FALSE;
        p += k;
    }
    return TRUE;
}

/* Count bytes of valid multi-byte UTF-8 characters, and invalid bytes. */
static void utf8_stats(const char *data, gsize len, gsize *multibyte, gsize *invalid)
{
    const char *p = data, *end = data + len;
    *multibyte = *invalid = 0;
    if (utf8_valid(data, len))
        return; /* all valid: *multibyte is only read when some bytes are not */
    while (p < end) {
        const char *valid_end;
        g_utf8_validate_len(p, (gsize)(end - p), &valid_end);
        for (const char *q = p; q < valid_end; q++)
            if ((guchar)*q >= 0x80)
                (*multibyte)++;
        p = valid_end;
        if (p < end) {
            (*invalid)++;
            p++;
        }
    }
}

static gboolean is_utf8_name(const char *enc)
{
    return g_ascii_strcasecmp(enc, "UTF-8") == 0 || g_ascii_strcasecmp(enc, "UTF8") == 0;
}

static gboolean is_wide_encoding(const char *enc)
{
    return strstr(enc, "16") || strstr(enc, "32") || g_ascii_strncasecmp(enc, "UCS", 3) == 0;
}

/* Bytes FF FE (or FE FF) ahead of text that is UTF-8 all the same (no NUL, as UTF-16 of
 * ASCII or of line ends would have, and no invalid byte): two stray bytes, not a UTF-16
 * byte order mark. */
static gboolean utf8_after_bom(const char *data, gsize len)
{
    gsize n = MIN(len - 2, (gsize)BINARY_SNIFF_BYTES);
    if (memchr(data + 2, '\0', n))
        return FALSE;
    gsize multi, invalid;
    utf8_stats(data + 2, len - 2, &multi, &invalid);
    return invalid == 0;
}

/* Decode `data` to UTF-8 in *t, with LF line ends and no NULs. `owned`, if not NULL, is
 * `data` itself, writable and one byte longer than `len`: valid UTF-8 is then used where it
 * lies rather than copied (the common case: one copy and one large allocation less). */
gboolean jb_article_decode(JbArticle *a, const char *data, gsize len, char *owned,
                           const char *encoding, Text *t, GError **error)
{
    const char *src = a->source;
    gsize base = 0;
    const char *enc = encoding;
    if (!enc) {
        if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
            enc = "UTF-8";
            base = 3;
        } else if (len >= 2 &&
                   (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0) &&
                   !utf8_after_bom(data, len)) {
            enc = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
            base = 2;
        }
    } else if (is_utf8_name(enc) && len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        base = 3;
    }
    if (!enc || !is_wide_encoding(enc)) {
        const char *nul = memchr(data, '\0', MIN(len, BINARY_SNIFF_BYTES));
        if (nul) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: binary file (NUL byte at offset %zu)",
                        src, (gsize)(nul - data));
            return FALSE;
        }
    }
    const char *body = data + base;
    gsize blen = len - base, nbad = 0;
    GString *out = NULL;
    *t = (Text){NULL, 0, NULL};
    if (enc && is_utf8_name(enc)) {
        out = decode_utf8(src, body, blen, base, a->warnings, &nbad);
    } else if (enc) {
        out = decode_iconv(src, enc, body, blen, base, a->warnings, &nbad, error);
        if (!out)
            return FALSE;
    } else {
        gsize multi, invalid;
        utf8_stats(body, blen, &multi, &invalid);
        /* Chinese UTF-8 with a few damaged bytes has far more bytes in good multi-byte
         * characters than bad bytes; GB18030 text read as UTF-8 has the opposite ratio
         * (its byte pairs form valid UTF-8 only by chance, well under half the time).
         * Only then is GB18030 tried, and kept if it explains the bytes better. */
        if (invalid == 0 && owned) {
            t->str = owned + base;
            t->str[blen] = '\0'; /* (the byte after the data) */
        } else if (invalid == 0) {
            t->str = t->mem = g_malloc(blen + 1); /* decode_utf8 would copy it whole */
            memcpy(t->str, body, blen);
            t->str[blen] = '\0';
        } else if (multi >= 4 * invalid) {
            out = decode_utf8(src, body, blen, base, a->warnings, &nbad);
        } else {
            g_autoptr(GPtrArray) gbw = g_ptr_array_new_with_free_func(g_free);
            gsize gbad = 0;
            GString *gb = decode_iconv(src, "GB18030", body, blen, base, gbw, &gbad, NULL);
            if (gb && gbad < invalid) {
                out = gb;
                for (guint i = 0; i < gbw->len; i++)
                    g_ptr_array_add(a->warnings, g_strdup(gbw->pdata[i]));
            } else {
                if (gb)
                    g_string_free(gb, TRUE);
                out = decode_utf8(src, body, blen, base, a->warnings, &nbad);
            }
        }
    }
    if (out) {
        t->len = out->len;
        t->str = t->mem = g_string_free(out, FALSE);
    } else {
        t->len = blen;
    }
    /* CRLF and lone CR become LF, NULs (possible after a converter) go, a BOM goes. */
    gsize w = 0, nuls = 0;
    char *s = t->str;
    gsize r = (t->len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    if (!memchr(s + r, '\r', t->len - r) && !memchr(s + r, '\0', t->len - r)) {
        t->str += r; /* nothing to rewrite but the BOM */
        t->len -= r;
        r = w = t->len;
        s = t->str;
    }
    for (; r < t->len; r++) {
        char c = s[r];
        if (c == '\r') {
            s[w++] = '\n';
            if (r + 1 < t->len && s[r + 1] == '\n')
                r++;
        } else if (c == '\0') {
            nuls++;
        } else {
            s[w++] = c;
        }
    }
    t->len = w;
    s[w] = '\0';
    if (nuls)
        jb_article_add_warning(a->warnings, "%s: %zu NUL characters skipped", src, nuls);
    return TRUE;
}
