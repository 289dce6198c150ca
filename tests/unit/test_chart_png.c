/* chart PNG writer: lossless, deterministic, palette when it can, and small. */
#include "jb_chart.h"
#include "jb_common.h"
#include "jb_draw.h"
#include "jb_fonts.h"
#include "tap.h"

#include <cairo.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define is_int(got, want, name)                                                                    \
    do {                                                                                           \
        int g_ = (got), w_ = (want);                                                               \
        if (!ok(g_ == w_, "%s", name))                                                             \
            printf("#   got %d, want %d\n", g_, w_);                                               \
    } while (0)

static cairo_status_t read_bytes(void *closure, unsigned char *data, unsigned int len)
{
    GByteArray *b = closure;
    if (b->len < len)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, b->data, len);
    g_byte_array_remove_range(b, 0, len);
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t write_bytes(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* Largest channel difference between two ARGB32 surfaces after decoding; -1 on size mismatch. */
static int max_diff(cairo_surface_t *a, cairo_surface_t *b)
{
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b))
        return -1;
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    int worst = 0;
    for (int y = 0; y < h; y++) {
        const guint32 *ra = (const guint32 *)(cairo_image_surface_get_data(a) +
                                              y * cairo_image_surface_get_stride(a));
        const guint32 *rb = (const guint32 *)(cairo_image_surface_get_data(b) +
                                              y * cairo_image_surface_get_stride(b));
        for (int x = 0; x < w; x++)
            for (int sh = 0; sh < 32; sh += 8)
                worst = MAX(worst, abs((int)((ra[x] >> sh) & 255) - (int)((rb[x] >> sh) & 255)));
    }
    return worst;
}

/* Encode with jb_png_encode, decode with cairo: returns the decoded surface, the bytes in *png. */
static cairo_surface_t *roundtrip(cairo_surface_t *s, GByteArray **png)
{
    GError *e = NULL;
    *png = g_byte_array_new();
    if (!jb_png_encode(s, *png, &e)) {
        printf("# encode failed: %s\n", e->message);
        g_clear_error(&e);
        return NULL;
    }
    g_autoptr(GByteArray) copy = g_byte_array_new();
    g_byte_array_append(copy, (*png)->data, (*png)->len);
    return cairo_image_surface_create_from_png_stream(read_bytes, copy);
}

/* The PNG's chunks are well formed (lengths, CRCs) and its IDAT inflates with zlib, Adler-32
 * checked, to exactly the filtered rows of a w×h image of `channels` bytes a pixel. */
static gboolean png_valid(const GByteArray *png, int w, int h, int channels)
{
    static const guint8 sig[8] = {137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
    if (png->len < 8 || memcmp(png->data, sig, 8) != 0)
        return FALSE;
    g_autoptr(GByteArray) idat = g_byte_array_new();
    gsize at = 8;
    gboolean end = FALSE;
    while (!end && at + 12 <= png->len) {
        const guint8 *c = png->data + at;
        guint32 n = (guint32)c[0] << 24 | (guint32)c[1] << 16 | (guint32)c[2] << 8 | c[3];
        if (at + 12 + n > png->len)
            return FALSE;
        const guint8 *k = c + 8 + n;
        guint32 crc = (guint32)k[0] << 24 | (guint32)k[1] << 16 | (guint32)k[2] << 8 | k[3];
        if (crc != (guint32)crc32(0, c + 4, n + 4))
            return FALSE;
        if (memcmp(c + 4, "IDAT", 4) == 0)
            g_byte_array_append(idat, c + 8, n);
        end = memcmp(c + 4, "IEND", 4) == 0;
        at += 12 + n;
    }
    uLongf want = (uLongf)h * (1 + (uLongf)w * channels), got = want + 1;
    g_autofree guint8 *raw = g_malloc(want + 1);
    return end && at == png->len && uncompress(raw, &got, idat->data, idat->len) == Z_OK &&
           got == want;
}

static int png_color_type(const GByteArray *png)
{
    return png->len > 25 ? png->data[25] : -1; /* IHDR colour type byte */
}

/* Rows whose Up-filtered bytes take 17 values, value i 2^i times, no byte next to its like
 * (each row is the one above plus those bytes); the first 300 pixels 300 colours of 7 byte
 * values, so the image is not indexed. */
static void fill_powers(guint8 *d, int w, int h, int st)
{
    gsize n = 0, want = (gsize)w * h * 3, half;
    guint8 *bytes = g_malloc(want), *sorted = g_malloc(want);
    for (gsize i = 0; i < want - 131071; i++) /* filler, about a third */
        sorted[n++] = 99;
    for (int v = 16; v >= 0; v--) /* most frequent first */
        for (guint32 i = 0; i < 1u << v; i++)
            sorted[n++] = (guint8)(120 + v);
    half = (n + 1) / 2;
    for (gsize i = 0; i < n; i++) /* even places from the front, odd from the middle */
        bytes[i] = sorted[i % 2 ? half + i / 2 : i / 2];
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const guint8 *f = bytes + 3 * ((gsize)y * w + x);
            guint32 up = y ? ((guint32 *)(d + (y - 1) * st))[x] : 0;
            ((guint32 *)(d + y * st))[x] = y == 0 && x < 300
                                               ? 0xff000000u | (guint32)(200 + x % 7) << 16 |
                                                     (guint32)(200 + x / 7 % 7) << 8 |
                                                     (guint32)(200 + x / 49)
                                               : 0xff000000u |
                                                     (guint32)(guint8)((up >> 16) + f[0]) << 16 |
                                                     (guint32)(guint8)((up >> 8) + f[1]) << 8 |
                                                     (guint8)(up + f[2]);
        }
    g_free(bytes);
    g_free(sorted);
}

/* Edge case k of the encoder (see main). */
static cairo_surface_t *edge_image(int k)
{
    int w = k == 0 ? 1 : k == 1 ? 5000 : k == 2 ? 16384 : 700, h = k == 2 ? 4 : k == 3 ? 40 : 1;
    cairo_surface_t *im = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_surface_flush(im);
    guint8 *d = cairo_image_surface_get_data(im);
    int st = cairo_image_surface_get_stride(im);
    for (int y = 0; y < h; y++) {
        guint32 *row = (guint32 *)(d + y * st);
        for (int x = 0; x < w; x++) {
            guint32 a = 4 + (guint32)(x * 7 + y) % 251; /* premultiplied: colour ≤ alpha */
            row[x] = k == 0   ? 0xff123456u
                     : k == 1 ? (x < 2000   ? 0xffffffffu
                                 : x < 4000 ? 0xff0072b2u
                                            : 0xff000000u | (guint32)(x * 2654435761u >> 8))
                     : x > 100 && x < 600 && y % 3 != 2
                         ? (y % 3 ? 0x80402010u : 0x60302010u) /* constant against constant */
                         : a << 24 | (guint32)(x + y) % a << 16 | (a / 2) << 8;
        }
    }
    if (k == 2)
        fill_powers(d, w, h, st);
    cairo_surface_mark_dirty(im);
    return im;
}

int main(void)
{
    GError *e = NULL;
    /* the two-bar chart, drawn into an image surface as jb_chart_render does */
    const char *csv = "metric_id,label,period,value,unit,bound,forecast,sources\n"
                      "ai,人工智能核心产业规模,2022,400000000000,元,at_least,0,a.md\n"
                      "ai,人工智能核心产业规模,2025,1200000000000,元,at_least,1,b.md\n";
    g_autoptr(JbTable) t = jb_table_parse("series.csv", csv, strlen(csv), &e);
    g_autoptr(JbSeries) series = jb_series_new(t);
    g_autoptr(JbChart) c = jb_chart_spec_parse("t", 1, "metric = ai\n", &e);
    ok(c && jb_chart_load_series(c, series, &e), "chart loads");
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1600, 900);
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, 2, 2);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    PangoContext *pc = jb_fonts_context_new(cr, &e);
    ok(pc && jb_chart_draw(c, cr, pc, &e), "chart draws %s", e ? e->message : "");
    g_clear_error(&e);

    GByteArray *png = NULL, *png2 = NULL;
    cairo_surface_t *back = roundtrip(s, &png);
    ok(back && max_diff(s, back) == 0, "two-bar chart: decoded PNG is pixel-identical");
    g_autoptr(GByteArray) theirs = g_byte_array_new();
    cairo_surface_write_to_png_stream(s, write_bytes, theirs);
    ok(png_valid(png, 1600, 900, 3), "two-bar chart: chunks, CRCs and the zlib stream are valid");
    /* jianbao's encoder trades bytes for time (jb_png.c): ~10× faster, ~1.35× cairo's size */
    ok(png->len <= theirs->len * 1.5, "size %u ≤ 1.5 × cairo's %u", png->len, theirs->len);
    cairo_surface_t *back2 = roundtrip(s, &png2);
    ok(png2->len == png->len && memcmp(png->data, png2->data, png->len) == 0,
       "same pixels give the same bytes");
    cairo_surface_destroy(back2);
    g_byte_array_unref(png2);
    g_byte_array_unref(png);
    cairo_surface_destroy(back);

    /* few colours: indexed (colour type 3) */
    cairo_surface_t *flat = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 300, 200);
    cairo_t *fc = cairo_create(flat);
    cairo_set_source_rgb(fc, 1, 1, 1);
    cairo_paint(fc);
    cairo_set_source_rgb(fc, 0, 0.447, 0.698);
    cairo_arc(fc, 150, 100, 60, 0, 6.3);
    cairo_fill(fc);
    back = roundtrip(flat, &png);
    is_int(png_color_type(png), 3, "a flat image is written as an indexed PNG");
    is_int(max_diff(flat, back), 0, "indexed PNG decodes to the same pixels");
    ok(png_valid(png, 300, 200, 1), "indexed PNG: valid chunks and zlib stream");
    g_byte_array_unref(png);
    cairo_surface_destroy(back);

    /* transparent and few colours: indexed with tRNS, same pixels up to premultiplication */
    cairo_surface_t *clear = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 300, 200);
    cairo_t *cc = cairo_create(clear);
    cairo_set_source_rgba(cc, 0.8, 0.2, 0.1, 0.5);
    cairo_arc(cc, 150, 100, 60, 0, 6.3);
    cairo_fill(cc);
    back = roundtrip(clear, &png);
    is_int(png_color_type(png), 3, "a transparent flat image is indexed too");
    ok(max_diff(clear, back) <= 1, "transparent pixels survive (±1 for premultiplication)");
    g_byte_array_unref(png);
    cairo_surface_destroy(back);

    /* many colours: RGB (2), and RGBA (6) when transparent */
    cairo_surface_t *grad = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 256, 64);
    cairo_t *gc = cairo_create(grad);
    cairo_pattern_t *lin = cairo_pattern_create_linear(0, 0, 256, 0);
    cairo_pattern_add_color_stop_rgba(lin, 0, 1, 0, 0, 1);
    cairo_pattern_add_color_stop_rgba(lin, 1, 0, 0, 1, 1);
    cairo_set_source(gc, lin);
    cairo_paint(gc);
    cairo_pattern_t *lin2 = cairo_pattern_create_linear(0, 0, 0, 64);
    cairo_pattern_add_color_stop_rgba(lin2, 0, 0, 1, 0, 0);
    cairo_pattern_add_color_stop_rgba(lin2, 1, 0, 1, 0, 1);
    cairo_set_source(gc, lin2);
    cairo_paint(gc);
    back = roundtrip(grad, &png);
    is_int(png_color_type(png), 2, "a gradient with thousands of colours is RGB");
    is_int(max_diff(grad, back), 0, "RGB PNG decodes to the same pixels");
    ok(png_valid(png, 256, 64, 3), "RGB PNG: valid chunks and zlib stream");
    g_byte_array_unref(png);
    cairo_surface_destroy(back);
    cairo_set_operator(gc, CAIRO_OPERATOR_DEST_IN); /* fade the gradient out from top to bottom */
    cairo_set_source(gc, lin2);
    cairo_paint(gc);
    back = roundtrip(grad, &png);
    is_int(png_color_type(png), 6, "a transparent gradient is RGBA");
    ok(max_diff(grad, back) <= 1, "RGBA PNG decodes to the same pixels (±1)");
    ok(png_valid(png, 256, 64, 4), "RGBA PNG: valid chunks and zlib stream");
    g_byte_array_unref(png);
    cairo_surface_destroy(back);

    /* the encoder's edges: a single pixel; a row of 5000 (runs over 258 bytes); bytes whose
     * frequencies are powers of 2 (a Huffman tree deeper than DEFLATE's 15 bits);
     * transparent pixels repeating (matches at distance 4) */
    for (int k = 0; k < 4; k++) {
        cairo_surface_t *im = edge_image(k);
        int w = cairo_image_surface_get_width(im), hh = cairo_image_surface_get_height(im);
        back = roundtrip(im, &png);
        int type = png_color_type(png), ch = type == 3 ? 1 : type == 2 ? 3 : 4;
        ok(back && max_diff(im, back) <= (k == 3 ? 1 : 0) && png_valid(png, w, hh, ch) &&
               type == (k == 0   ? 3
                        : k == 3 ? 6
                                 : 2),
           "%d×%d image %d: colour type %d, valid, the same pixels", w, hh, k, type);
        g_byte_array_unref(png);
        if (back)
            cairo_surface_destroy(back);
        cairo_surface_destroy(im);
    }

    /* not an image surface: an error, not a crash */
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    g_autoptr(GByteArray) none = g_byte_array_new();
    ok(!jb_png_encode(rec, none, &e) && e && e->code == JB_ERROR_OUTPUT,
       "a non-image surface is refused");
    g_clear_error(&e);

    cairo_surface_destroy(rec);
    cairo_pattern_destroy(lin);
    cairo_pattern_destroy(lin2);
    cairo_destroy(gc);
    cairo_surface_destroy(grad);
    cairo_destroy(cc);
    cairo_surface_destroy(clear);
    cairo_destroy(fc);
    cairo_surface_destroy(flat);
    g_object_unref(pc);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return tap_done();
}
