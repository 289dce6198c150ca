/* test_glyphs.c — text drawn from each thread's own glyph cache (jb_glyphs) is byte for byte
 * what pango_cairo_show_layout draws through cairo's process-wide one: texts whose glyphs
 * overlap and whose ink passes their boxes, spaces, wrapped lines, sizes, scales, colours and
 * fractional positions, on white and on transparent canvases, from two threads at once; and
 * it declines (draws nothing) where it cannot be sure. Run from the repository root after
 * `make fonts`. */
#include "jb_common.h"
#include "jb_draw.h"
#include "jb_fonts.h"
#include "jb_glyphs.h"
#include "tap.h"

#include <cairo-pdf.h>
#include <pthread.h>
#include <string.h>

static const char *const TEXTS[] = {
    "2025年我国人工智能核心产业规模预计突破1.2万亿元（同比增长5.9%）",
    "Tj_fi ffi AVA WAVE 7/11 ×3 —「小巨人」",
    "工业机器人产量 65万台（套） 2018 2019 2020 2021 2022 2023 2024 2025",
    "来源：2022-07-ai-industry.md、2026-01-press-conference.txt",
};
static const double SIZES[] = {7, 12.5, 24, 33.3};
static const double SCALES[] = {1, 2, 3, 1.37};

typedef struct {
    int failures, declined, cases;
} Result;

/* One text both ways at `scale`: the bytes of the two canvases equal, or jb_glyphs declined? */
static gboolean same_both_ways(PangoFontMap *map, const char *text, double size, gboolean bold,
                               double scale, gboolean transparent, JbColor colour, double x,
                               double y, double wrap, Result *res)
{
    int w = (int)(1000 * scale), h = (int)(640 * scale);
    cairo_surface_t *s[2];
    gboolean used = TRUE;
    for (int k = 0; k < 2; k++) {
        s[k] = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        cairo_t *cr = cairo_create(s[k]);
        cairo_scale(cr, scale, scale);
        if (!transparent) {
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_paint(cr);
        }
        PangoContext *ctx = jb_fonts_context_new(cr, NULL);
        PangoLayout *l = jb_layout_new(ctx, text, FALSE, size, bold, wrap);
        jb_set_color(cr, colour);
        cairo_move_to(cr, x, y);
        if (k == 0)
            used = jb_glyphs_show_layout(cr, l);
        else
            pango_cairo_show_layout(cr, l);
        g_object_unref(l);
        g_object_unref(ctx);
        cairo_destroy(cr);
        cairo_surface_flush(s[k]);
    }
    gboolean same = memcmp(cairo_image_surface_get_data(s[0]), cairo_image_surface_get_data(s[1]),
                           (size_t)cairo_image_surface_get_stride(s[0]) * (size_t)h) == 0;
    cairo_surface_destroy(s[0]);
    cairo_surface_destroy(s[1]);
    (void)map;
    res->cases++;
    if (!used) {
        res->declined++;
        if (g_getenv("JB_TEST_VERBOSE"))
            printf("# declined: %s size %g scale %g wrap %g bold %d transparent %d\n", text, size,
                   scale, wrap, bold, transparent);
    }
    if (used && !same)
        res->failures++;
    return same || !used;
}

static void *all_cases(void *data)
{
    Result *res = data;
    PangoFontMap *map = jb_fonts_map(NULL);
    const JbColor colours[] = {{0.2, 0.2, 0.2, 1}, {0, 0.447, 0.698, 1}, {0.9, 0.3, 0.1, 0.55}};
    for (gsize t = 0; t < G_N_ELEMENTS(TEXTS); t++)
        for (gsize z = 0; z < G_N_ELEMENTS(SIZES); z++)
            for (gsize c = 0; c < G_N_ELEMENTS(SCALES); c++) {
                gboolean transparent = (t + z + c) % 2, bold = (t + c) % 2;
                double x = 3.3 + 0.37 * (double)z, y = 2.71 + 0.5 * (double)c;
                same_both_ways(map, TEXTS[t], SIZES[z], bold, SCALES[c], transparent,
                               colours[(t + z + c) % 3], x, y, z % 2 ? 150 : -1, res);
            }
    return NULL;
}

/* FALSE, and nothing drawn, where jb_glyphs cannot be sure of cairo's pixels. */
static void declines(void)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 100);
    cairo_t *cr = cairo_create(img);
    PangoContext *ctx = jb_fonts_context_new(cr, NULL);
    PangoLayout *plain = jb_layout_new(ctx, "规模1.2万亿", FALSE, 12, FALSE, -1);
    PangoLayout *marked = jb_layout_new(ctx, "规模<span foreground=\"#ff0000\">1.2万亿</span>",
                                        TRUE, 12, FALSE, -1);
    cairo_move_to(cr, 10, 10);
    ok(!jb_glyphs_show_layout(cr, marked), "a layout with attributes is left to pango");
    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, 50, 50);
    cairo_clip(cr);
    cairo_move_to(cr, 10, 10);
    ok(!jb_glyphs_show_layout(cr, plain), "clipped drawing is left to cairo");
    cairo_restore(cr);
    cairo_save(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_move_to(cr, 10, 10);
    ok(!jb_glyphs_show_layout(cr, plain), "another operator than OVER is left to cairo");
    cairo_restore(cr);
    cairo_save(cr);
    cairo_set_source(cr, cairo_pattern_create_linear(0, 0, 10, 10));
    cairo_move_to(cr, 10, 10);
    ok(!jb_glyphs_show_layout(cr, plain), "a gradient source is left to cairo");
    cairo_pattern_destroy(cairo_get_source(cr));
    cairo_restore(cr);
    cairo_surface_flush(img);
    const guint8 *d = cairo_image_surface_get_data(img);
    gboolean blank = TRUE;
    for (int i = 0; i < cairo_image_surface_get_stride(img) * 100; i++)
        blank = blank && d[i] == 0;
    ok(blank, "declining draws nothing");
    g_object_unref(plain);
    g_object_unref(marked);
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_destroy(img);

    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(NULL, NULL, 200, 100);
    cr = cairo_create(pdf);
    ctx = jb_fonts_context_new(cr, NULL);
    plain = jb_layout_new(ctx, "规模1.2万亿", FALSE, 12, FALSE, -1);
    cairo_move_to(cr, 10, 10);
    ok(!jb_glyphs_show_layout(cr, plain), "a PDF surface is left to cairo");
    g_object_unref(plain);
    g_object_unref(ctx);
    cairo_destroy(cr);
    cairo_surface_destroy(pdf);
}

int main(void)
{
    GError *e = NULL;
    if (!jb_fonts_map(&e)) {
        printf("Bail out! %s\n", e->message);
        return 1;
    }
    Result one = {0};
    all_cases(&one);
    ok(one.failures == 0, "one thread: %d of %d texts drawn, all the same bytes as pango's",
       one.cases - one.declined, one.cases);
    /* declined: a glyph whose box cairo rounds at a tie (7 pt bold at scale 1.37) */
    ok(one.declined <= 2, "one thread: %d declined", one.declined);
    Result two[2] = {{0}, {0}};
    pthread_t id[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&id[i], NULL, all_cases, &two[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(id[i], NULL);
    ok(two[0].failures == 0 && two[1].failures == 0 && two[0].declined == one.declined &&
           two[1].declined == one.declined,
       "two threads at once: %d and %d of %d drawn, all the same bytes",
       two[0].cases - two[0].declined, two[1].cases - two[1].declined, two[0].cases);
    declines();
    return tap_done();
}
