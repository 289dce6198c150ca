/* golden.h — pixel comparison of a rendered PNG against a golden image, shared by the
 * tests that draw. A channel may differ by `tol`; at most `max_bad` of the pixels (a
 * fraction) may exceed it, so anti-aliasing noise passes and a moved label does not.
 * On failure the difference (red where it differs) is written to `diff_path` and `*why`
 * says what happened (caller g_free()s it). JB_UPDATE_GOLDEN=1 in a test rewrites goldens. */
#ifndef JB_GOLDEN_H
#define JB_GOLDEN_H

#include <cairo.h>
#include <glib.h>
#include <stdlib.h>

static G_GNUC_UNUSED gboolean same_image(const char *got_path, const char *want_path, int tol,
                                         double max_bad, const char *diff_path, char **why)
{
    cairo_surface_t *got = cairo_image_surface_create_from_png(got_path);
    cairo_surface_t *want = cairo_image_surface_create_from_png(want_path);
    gboolean same = FALSE;
    if (cairo_surface_status(want) != CAIRO_STATUS_SUCCESS) {
        *why = g_strdup_printf("cannot read golden %s (JB_UPDATE_GOLDEN=1 writes it)", want_path);
    } else if (cairo_surface_status(got) != CAIRO_STATUS_SUCCESS ||
               cairo_image_surface_get_width(got) != cairo_image_surface_get_width(want) ||
               cairo_image_surface_get_height(got) != cairo_image_surface_get_height(want)) {
        *why = g_strdup("sizes differ");
    } else {
        int w = cairo_image_surface_get_width(got), h = cairo_image_surface_get_height(got);
        cairo_surface_t *diff = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_surface_flush(got);
        cairo_surface_flush(want);
        cairo_surface_flush(diff);
        long bad = 0;
        for (int y = 0; y < h; y++) {
            const guint32 *a = (const guint32 *)(cairo_image_surface_get_data(got) +
                                                 y * cairo_image_surface_get_stride(got));
            const guint32 *b = (const guint32 *)(cairo_image_surface_get_data(want) +
                                                 y * cairo_image_surface_get_stride(want));
            guint32 *d = (guint32 *)(cairo_image_surface_get_data(diff) +
                                     y * cairo_image_surface_get_stride(diff));
            for (int x = 0; x < w; x++) {
                int worst = 0;
                for (int sh = 0; sh < 32; sh += 8)
                    worst = MAX(worst, abs((int)((a[x] >> sh) & 255) - (int)((b[x] >> sh) & 255)));
                if (worst > tol)
                    bad++;
                d[x] = worst > tol ? 0xFF0000 : (a[x] & 0xFFFFFF) | 0xE0E0E0;
            }
        }
        cairo_surface_mark_dirty(diff);
        same = bad <= max_bad * w * h;
        if (!same) {
            cairo_surface_write_to_png(diff, diff_path);
            *why = g_strdup_printf("%ld pixels differ; diff image: %s", bad, diff_path);
        }
        cairo_surface_destroy(diff);
    }
    cairo_surface_destroy(got);
    cairo_surface_destroy(want);
    return same;
}

#endif
