/* chart PNG writer: lossless, deterministic, palette when it can, and small. */
#include "jb_chart.h"
#include "jb_common.h"
#include "jb_draw.h"
#include "jb_fonts.h"
#include "tap.h"

#include <cairo.h>
#include <stdlib.h>
#include <string.h>

#define is_int(got, want, name) \
    do { int g_ = (got), w_ = (want); if (!ok(g_ == w_, "%s", name)) printf("#   got %d, want %d\n", g_, w_); } while (0)

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
        const guint32 *ra = (const guint32 *)(cairo_image_surface_get_data(a) + y * cairo_image_surface_get_stride(a));
        const guint32 *rb = (const guint32 *)(cairo_image_surface_get_data(b) + y * cairo_image_surface_get_stride(b));
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

static int png_color_type(const GByteArray *png)
{
    return png->len > 25 ? png->data[25] : -1; /* IHDR colour type byte */
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
    ok(png->len <= theirs->len * 1.3, "size %u ≤ 1.3 × cairo's %u", png->len, theirs->len);
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
    g_byte_array_unref(png);
    cairo_surface_destroy(back);
    cairo_set_operator(gc, CAIRO_OPERATOR_DEST_IN); /* fade the gradient out from top to bottom */
    cairo_set_source(gc, lin2);
    cairo_paint(gc);
    back = roundtrip(grad, &png);
    is_int(png_color_type(png), 6, "a transparent gradient is RGBA");
    ok(max_diff(grad, back) <= 1, "RGBA PNG decodes to the same pixels (±1)");
    g_byte_array_unref(png);
    cairo_surface_destroy(back);

    /* not an image surface: an error, not a crash */
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    g_autoptr(GByteArray) none = g_byte_array_new();
    ok(!jb_png_encode(rec, none, &e) && e && e->code == JB_ERROR_OUTPUT, "a non-image surface is refused");
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
