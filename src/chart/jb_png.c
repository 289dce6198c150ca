/* jb_png.c — PNG encoding of cairo image surfaces for charts (jb_png_encode in jb_draw.h).
 *
 * Written by hand, not through libpng + zlib, for speed (issue 19): zlib compresses an image
 * as a generic byte stream, at 12–25 instructions a byte over the 4.3 MB of a 1600×900 RGB
 * chart however redundant it is (hashing every position, sliding its tables every 32 KB, a
 * byte-wise Adler-32): ~8 ms, two thirds of a chart's time and four times its drawing. A
 * chart is mostly rows equal to the one above: more than half of its rows repeat the previous
 * one exactly, and in the others 95% of the pixels do. So rows are Up-filtered (a pixel equal
 * to the one above is zero bytes) and only the spans of pixels that differ from the row above
 * are looked at (~3% of a chart's pixels, found 16 at a time); the zeros between them become
 * DEFLATE matches at distance 1, a pixel repeating the previous one a match at distance 3 or
 * 4, the rest literals, all in one dynamic-Huffman block; the Adler-32 of the runs is summed
 * in closed form. ~1.2 ms. fpng and fpnge do the like for the same reason; neither is in
 * Debian. The result is a standard PNG (tests/unit/test_chart_png.c inflates it with zlib and
 * decodes it with libpng through cairo) with the same pixels, but larger than zlib's: it finds
 * no repeats farther back than the row above (~1.3× jianbao's level-3 zlib, ~1.4× cairo's).
 *
 * Colour types: indexed (3) when the image has at most 256 colours (palette in order of first
 * appearance, so deterministic), else RGB (2), RGBA (6) when any pixel is not opaque
 * (cairo's premultiplied ARGB un-premultiplied as cairo's own writer does).
 *
 * The Huffman block itself is written in jb_png_deflate.c (jb_png_priv.h). */
#include "jb_png_priv.h"
#include "jb_draw.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <zlib.h> /* crc32 of the chunks only */

/* ---- the palette ------------------------------------------------------------------------ */

enum { PALETTE_SLOTS = 4096 }; /* open addressing; ≤256 used, so short probes */

/* The colours of an image in order of first appearance, and a hash from colour to index. */
typedef struct {
    guint32 keys[PALETTE_SLOTS];
    gint16 vals[PALETTE_SLOTS]; /* -1: empty */
    guint32 colours[256];
    int n;
} Palette;

/* The index of `px`, added if new; -1 when it would be the 257th colour. */
static inline int palette_index(Palette *pal, guint32 px)
{
    guint32 slot = (px * 2654435761u) >> 20; /* 12 bits */
    while (pal->vals[slot] >= 0 && pal->keys[slot] != px)
        slot = (slot + 1) & (PALETTE_SLOTS - 1);
    if (pal->vals[slot] < 0) {
        if (pal->n == 256)
            return -1;
        pal->keys[slot] = px;
        pal->vals[slot] = (gint16)pal->n;
        pal->colours[pal->n++] = px;
    }
    return pal->vals[slot];
}

/* Where an image differs from itself one row up: for each row, the spans of pixels not
 * equal to the pixel above (row 0: all of it). Every other pixel repeats the one above, so
 * the palette, the alpha and the encoding need only look at these (about 3% of a chart's
 * pixels). Caller frees with spans_free. */
typedef struct {
    guint32 *x;     /* span k of the image is [x[2k], x[2k+1]) */
    guint32 *first; /* row y's spans are first[y] .. first[y+1]-1 */
    gsize n, cap;
} Spans;

static void spans_push(Spans *s, guint32 x0, guint32 x1)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 4096;
        s->x = g_renew(guint32, s->x, 2 * s->cap);
    }
    s->x[2 * s->n] = x0;
    s->x[2 * s->n + 1] = x1;
    s->n++;
}

/* Pixels p[0..16) are q[0..16). SSE2 (every x86-64) compares 16 at a time: finding spans
 * is the one pass over all pixels of the rows that differ. */
static inline gboolean same_16(const guint32 *p, const guint32 *q)
{
#ifdef __SSE2__
    __m128i e = _mm_and_si128(
        _mm_and_si128(_mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)p),
                                      _mm_loadu_si128((const __m128i *)q)),
                      _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)p + 1),
                                      _mm_loadu_si128((const __m128i *)q + 1))),
        _mm_and_si128(_mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)p + 2),
                                      _mm_loadu_si128((const __m128i *)q + 2)),
                      _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)p + 3),
                                      _mm_loadu_si128((const __m128i *)q + 3))));
    return _mm_movemask_epi8(e) == 0xffff;
#else
    return memcmp(p, q, 64) == 0;
#endif
}

static void spans_find(const guint8 *data, int w, int h, int stride, Spans *s)
{
    s->first = g_new(guint32, (gsize)h + 1);
    for (int y = 0; y < h; y++) {
        s->first[y] = (guint32)s->n;
        const guint32 *row = (const guint32 *)(data + (gsize)y * stride);
        const guint32 *above = (const guint32 *)((const guint8 *)row - stride);
        if (y == 0) {
            spans_push(s, 0, (guint32)w);
            continue;
        }
        if (memcmp(row, above, (gsize)w * 4) == 0) /* most rows: memcmp is the fastest test */
            continue;
        int x = 0;
        while (x < w) {
            while (x + 16 <= w && same_16(row + x, above + x)) /* the long equal stretches */
                x += 16;
            while (x < w && row[x] == above[x])
                x++;
            if (x == w)
                break;
            int x0 = x;
            while (x < w && row[x] != above[x])
                x++;
            spans_push(s, (guint32)x0, (guint32)x);
        }
    }
    s->first[h] = (guint32)s->n;
}

static void spans_free(Spans *s)
{
    g_free(s->x);
    g_free(s->first);
}

/* The colours of the image (FALSE on the 257th: `pal` is then partial) and whether every
 * pixel is opaque. */
static gboolean scan_pixels(const guint8 *data, int h, int stride, const Spans *s, Palette *pal,
                            gboolean *opaque)
{
    memset(pal->vals, 0xff, sizeof pal->vals);
    pal->n = 0;
    guint32 alpha_and = 0xff000000u;
    gboolean fits = TRUE;
    for (int y = 0; y < h; y++) {
        const guint32 *row = (const guint32 *)(data + (gsize)y * stride);
        for (guint32 k = s->first[y]; k < s->first[y + 1]; k++) {
            guint32 last = ~row[s->x[2 * k]];
            for (guint32 x = s->x[2 * k]; x < s->x[2 * k + 1]; x++) {
                guint32 px = row[x];
                alpha_and &= px;
                if (fits && px != last) {
                    last = px;
                    fits = palette_index(pal, px) >= 0;
                }
            }
        }
    }
    *opaque = (alpha_and & 0xff000000u) == 0xff000000u;
    return fits;
}

/* cairo's premultiplied ARGB → straight alpha, rounding as cairo does. */
static inline guint8 unpremultiply(guint32 c, guint32 a)
{
    return a ? (guint8)((c * 255 + a / 2) / a) : 0;
}

/* Pixel `px` as PNG samples: a palette index, RGB or RGBA. */
static inline void convert_pixel(guint32 px, int channels, Palette *pal, guint8 *out)
{
    if (channels == 1) {
        out[0] = (guint8)palette_index(pal, px); /* present: scan_pixels saw it */
    } else if (channels == 3) {
        out[0] = (guint8)(px >> 16);
        out[1] = (guint8)(px >> 8);
        out[2] = (guint8)px;
    } else {
        guint32 a = px >> 24;
        out[0] = unpremultiply((px >> 16) & 255, a);
        out[1] = unpremultiply((px >> 8) & 255, a);
        out[2] = unpremultiply(px & 255, a);
        out[3] = (guint8)a;
    }
}

/* Pixels [x0, x1) of `row` Up-filtered against `above` (NULL: zeros), packed one pixel a
 * guint32 with its first sample in the high byte: out[i] for pixel x0 + i. */
static void up_span(const guint32 *row, const guint32 *above, guint32 x0, guint32 x1, int channels,
                    Palette *pal, guint32 *out)
{
    if (channels == 3) { /* opaque: the samples are the pixel's low 3 bytes */
        for (guint32 x = x0; x < x1; x++) {
            guint32 a = row[x], b = above ? above[x] : 0;
            /* bytewise a - b, no borrow between bytes */
            out[x - x0] = (((a | 0x80808080u) - (b & 0x7f7f7f7fu)) ^ ((a ^ ~b) & 0x80808080u)) &
                          0xffffffu;
        }
        return;
    }
    for (guint32 x = x0; x < x1; x++) {
        guint8 d[4] = {0}, u[4] = {0};
        convert_pixel(row[x], channels, pal, d);
        if (above)
            convert_pixel(above[x], channels, pal, u);
        guint32 v = 0;
        for (int c = 0; c < channels; c++)
            v = v << 8 | (guint8)(d[c] - u[c]);
        out[x - x0] = v;
    }
}

/* Room for `more` symbols. tokenize_rows makes it for a row at a time (a symbol codes at
 * least one byte of the stream), so a push need not check. */
static void tok_reserve(Tokens *t, gsize more)
{
    if (t->n + more <= t->cap)
        return;
    gsize cap = t->cap ? t->cap : 65536;
    while (cap < t->n + more)
        cap *= 2;
    t->cap = cap;
    t->sym = g_renew(guint16, t->sym, t->cap);
}

static inline void tok_push(Tokens *t, guint16 s)
{
    t->sym[t->n++] = s;
    t->freq[s < 256 ? s : 257 + t->code_of_len[(s - 256) & 255]]++;
}

/* Three literal bytes (an RGB pixel), the stream's state in registers meanwhile: the most
 * frequent step of a chart's encoding (tok_literal three times kept it in memory). */
static inline void tok_literal3(Tokens *t, guint8 x, guint8 y, guint8 z)
{
    guint64 a = t->a, b = t->b;
    a += x;
    b += a;
    a += y;
    b += a;
    a += z;
    b += a;
    t->a = a;
    t->b = b;
    t->last = t->last << 24 | (guint32)x << 16 | (guint32)y << 8 | z;
    t->bytes += 3;
    guint16 *sym = t->sym + t->n;
    sym[0] = x;
    sym[1] = y;
    sym[2] = z;
    t->n += 3;
    t->freq[x]++;
    t->freq[y]++;
    t->freq[z]++;
}

static inline void tok_literal(Tokens *t, guint8 v)
{
    tok_push(t, v);
    t->a += v;
    t->b += t->a;
    t->last = t->last << 8 | v;
    t->bytes++;
}

static void tok_init(Tokens *t, int channels)
{
    memset(t, 0, sizeof *t);
    for (int c = 0; c < 29; c++)
        for (int l = len_base[c]; l < (c == 28 ? 259 : len_base[c + 1]); l++)
            t->code_of_len[l - 3] = (guint8)c;
    t->a = 1;
    t->channels = channels;
}

/* `n` more copies of the previous byte. */
static void tok_run(Tokens *t, gsize n)
{
    guint64 v = t->last & 255;
    t->b += n * t->a + v * n * (n + 1) / 2; /* the Adler-32 of n bytes v, in closed form */
    t->a += n * v;
    t->last = n >= 4 ? (guint32)(v * 0x01010101u)
                     : (guint32)(((guint64)t->last << (8 * n)) |
                                 (v * 0x01010101u & ((1ull << (8 * n)) - 1)));
    t->bytes += n;
    if (n > 260) { /* the matches of 258 the loop below would make (a row of zeros), at once */
        gsize k = (n - 261) / 258 + 1;
        for (gsize i = 0; i < k; i++)
            t->sym[t->n + i] = 256 + 258 - 3;
        t->n += k;
        t->freq[257 + t->code_of_len[258 - 3]] += (guint32)k;
        n -= 258 * k;
    }
    while (n >= 3) {
        gsize m = n < 258 ? n : 258;
        if (n > 258 && n - 258 < 3)
            m = n - 3; /* leave a match, not one or two literals */
        tok_push(t, (guint16)(256 + m - 3));
        n -= m;
    }
    while (n--)
        tok_push(t, (guint16)v);
}

/* `n` zero bytes. */
static void tok_zeros(Tokens *t, gsize n)
{
    if (n && (t->last & 255)) {
        tok_literal(t, 0);
        n--;
    }
    tok_run(t, n);
}

/* `k` more copies of the last pixel (its `channels` bytes; 3 or 4), by matches at distance
 * `channels` of whole pixels, so the last pixel stays the same. */
static void tok_repeat(Tokens *t, gsize k)
{
    gsize c = (gsize)t->channels, n = k * c;
    guint64 sum = 0, weighted = 0; /* the Adler-32 of the n bytes, in closed form */
    for (gsize m = 0; m < c; m++) {
        guint64 d = (t->last >> (8 * (c - 1 - m))) & 255;
        sum += d;
        weighted += d * (k * (n - m) - c * k * (k - 1) / 2);
    }
    t->b += n * t->a + weighted;
    t->a += k * sum;
    t->bytes += n;
    if (c == 3) /* period 3: the byte before the last pixel is its last byte */
        t->last = (t->last & 0xffffffu) | (t->last & 255) << 24;
    gsize most = 258 / c * c;
    while (n) {
        gsize m = n < most ? n : most;
        tok_push(t, (guint16)(512 + m - 3));
        n -= m;
    }
    t->far = TRUE;
}

/* Bytes `p[0..n)` as literals and runs of the previous byte. */
static void tok_bytes(Tokens *t, const guint8 *p, gsize n)
{
    gsize i = 0;
    while (i < n) {
        guint8 v = t->last & 255;
        gsize j = i;
        while (j < n && p[j] == v)
            j++;
        if (j - i >= 3) {
            tok_run(t, j - i);
            i = j;
        } else {
            tok_literal(t, p[i++]);
        }
    }
}

/* Pixels `px[0..k)` (packed as up_span packs them): a pixel equal to the last is repeated by
 * a match; others are literals, or a run when their bytes repeat the previous byte. */
static void tok_pixels(Tokens *t, const guint32 *px, gsize k)
{
    int c = t->channels;
    guint32 mask = c == 4 ? 0xffffffffu : (1u << (8 * c)) - 1;
    gsize i = 0;
    while (i < k) {
        gsize r = 0;
        while (t->bytes >= 4 && i + r < k && px[i + r] == (t->last & mask))
            r++;
        if (r && (c > 1 || r >= 3)) {
            if (c == 1)
                tok_run(t, r);
            else
                tok_repeat(t, r);
            i += r;
            continue;
        }
        if (c == 3) { /* tok_bytes of 3 bytes: a run if all repeat the last byte, else literals */
            guint8 x = (guint8)(px[i] >> 16), y = (guint8)(px[i] >> 8), z = (guint8)px[i],
                   v = (guint8)t->last;
            if (x == v && y == v && z == v)
                tok_run(t, 3);
            else
                tok_literal3(t, x, y, z);
            i++;
            continue;
        }
        guint8 b[4];
        for (int m = 0; m < c; m++)
            b[m] = (guint8)(px[i] >> (8 * (c - 1 - m)));
        tok_bytes(t, b, (gsize)c);
        i++;
    }
}

static void tok_reduce(Tokens *t)
{
    t->a %= BASE;
    t->b %= BASE;
}

/* ---- the PNG file ------------------------------------------------------------------------ */

static void put_be32(guint8 *p, guint32 v)
{
    p[0] = (guint8)(v >> 24);
    p[1] = (guint8)(v >> 16);
    p[2] = (guint8)(v >> 8);
    p[3] = (guint8)v;
}

/* A chunk of `type` whose `n` data bytes are already at the end of `out` (after 8 bytes
 * reserved for length and type at `at`): fills those in and appends the CRC. */
static void chunk_close(GByteArray *out, guint at, const char *type)
{
    guint32 n = out->len - at - 8;
    put_be32(out->data + at, n);
    memcpy(out->data + at + 4, type, 4);
    guint8 crc[4];
    put_be32(crc, (guint32)crc32(0, out->data + at + 4, n + 4));
    g_byte_array_append(out, crc, 4);
}

static void chunk(GByteArray *out, const char *type, const guint8 *data, guint32 n)
{
    guint at = out->len;
    g_byte_array_set_size(out, at + 8);
    g_byte_array_append(out, data, n);
    chunk_close(out, at, type);
}

/* The image as Up-filtered rows, tokenised: what lies between spans is zeros. */
static void tokenize_rows(const guint8 *data, int w, int h, int stride, const Spans *s,
                          int channels, Palette *pal, Tokens *t)
{
    g_autofree guint32 *px = g_new(guint32, (gsize)w);
    for (int y = 0; y < h; y++) {
        const guint32 *row = (const guint32 *)(data + (gsize)y * stride);
        const guint32 *above = y ? (const guint32 *)((const guint8 *)row - stride) : NULL;
        tok_reserve(t, 1 + (gsize)w * channels);
        tok_literal(t, 2); /* filter: Up */
        guint32 x = 0;
        for (guint32 k = s->first[y]; k < s->first[y + 1]; k++) {
            guint32 x0 = s->x[2 * k], x1 = s->x[2 * k + 1];
            tok_zeros(t, (gsize)(x0 - x) * channels);
            up_span(row, above, x0, x1, channels, pal, px);
            tok_pixels(t, px, x1 - x0);
            x = x1;
        }
        tok_zeros(t, (gsize)(w - x) * channels);
        tok_reduce(t);
    }
}

gboolean jb_png_encode(cairo_surface_t *image, GByteArray *out, GError **error)
{
    return jb_png_encode_dpi(image, out, 0, error);
}

gboolean jb_png_encode_dpi(cairo_surface_t *image, GByteArray *out, double dpi, GError **error)
{
    cairo_surface_flush(image);
    if (cairo_surface_get_type(image) != CAIRO_SURFACE_TYPE_IMAGE ||
        (cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32 &&
         cairo_image_surface_get_format(image) != CAIRO_FORMAT_RGB24)) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "PNG: not an ARGB32 or RGB24 image");
        return FALSE;
    }
    const guint8 *data = cairo_image_surface_get_data(image);
    int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image),
        stride = cairo_image_surface_get_stride(image);
    if (w <= 0 || h <= 0 || !data) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "PNG: empty image");
        return FALSE;
    }
    Spans spans = {0};
    spans_find(data, w, h, stride, &spans);
    gboolean rgb24 = cairo_image_surface_get_format(image) == CAIRO_FORMAT_RGB24;
    gboolean opaque = TRUE;
    g_autofree Palette *pal = g_new(Palette, 1);
    if (rgb24) { /* the fourth byte is undefined: opaque RGB, no palette */
        g_clear_pointer(&pal, g_free);
    } else if (!scan_pixels(data, h, stride, &spans, pal, &opaque)) {
        g_clear_pointer(&pal, g_free);
    }
    int channels = pal ? 1 : opaque ? 3 : 4;

    static const guint8 signature[8] = {137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
    g_byte_array_append(out, signature, 8);
    guint8 ihdr[13] = {0};
    put_be32(ihdr, (guint32)w);
    put_be32(ihdr + 4, (guint32)h);
    ihdr[8] = 8; /* bits a sample */
    ihdr[9] = pal ? 3 : opaque ? 2 : 6;
    chunk(out, "IHDR", ihdr, 13);
    if (dpi > 0) { /* so WPS, Word and PowerPoint paste it at its size in points */
        guint8 phys[9];
        put_be32(phys, (guint32)(dpi / 0.0254 + 0.5));
        put_be32(phys + 4, (guint32)(dpi / 0.0254 + 0.5));
        phys[8] = 1; /* per metre */
        chunk(out, "pHYs", phys, 9);
    }
    if (pal) {
        guint8 rgb[3 * 256], alpha[256];
        for (int i = 0; i < pal->n; i++) {
            guint32 px = pal->colours[i], a = px >> 24;
            rgb[3 * i] = unpremultiply((px >> 16) & 255, a);
            rgb[3 * i + 1] = unpremultiply((px >> 8) & 255, a);
            rgb[3 * i + 2] = unpremultiply(px & 255, a);
            alpha[i] = (guint8)a;
        }
        chunk(out, "PLTE", rgb, (guint32)(3 * pal->n));
        if (!opaque)
            chunk(out, "tRNS", alpha, (guint32)pal->n);
    }
    g_autofree Tokens *t = g_new(Tokens, 1);
    tok_init(t, channels);
    tokenize_rows(data, w, h, stride, &spans, channels, pal, t);
    spans_free(&spans);
    guint at = out->len;
    g_byte_array_set_size(out, at + 8);
    deflate_tokens(t, out);
    g_free(t->sym);
    if ((guint64)out->len - at - 8 > G_MAXINT32) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "PNG: image too large");
        return FALSE;
    }
    chunk_close(out, at, "IDAT");
    chunk(out, "IEND", NULL, 0);
    return TRUE;
}
