/* jb_glyphs.c — text on PNG canvases from glyph images of the calling thread's own (why:
 * jb_glyphs.h).
 *
 * What cairo 1.16 does with a run of glyphs on an ARGB32 image surface (cairo_show_glyphs
 * from pango_cairo_show_layout, through its image compositor's composite_glyphs), and what
 * this file does instead, step for step:
 *   - the positions: pango's (pangocairo-render.c: the current point, plus the line's and
 *     the glyph's offsets in pango units) through the context's matrix (cairo's aggregate of
 *     the font matrix's translation, the CTM and the surface's device transform is the CTM
 *     itself here), each rounded to a pixel as floor(v + 0.5) (_cairo_lround);
 *   - the glyph images: cairo's own, the scaled font's glyph surfaces. Here each glyph is
 *     drawn once per thread by cairo alone on a blank A8 surface at a whole pixel (OVER an
 *     opaque source on zero: the glyph's coverage itself), cropped to its ink and kept in a
 *     pixman glyph cache of the thread's (cairo keeps one for the process, behind a lock);
 *   - the source: the solid colour as cairo turns it into pixman's (each channel times alpha,
 *     d × 65535 + 0.5 to 16 bits);
 *   - the drawing: pixman_composite_glyphs_no_mask, or pixman_composite_glyphs (the glyphs
 *     added into one mask first) when a glyph's box meets the boxes of those before it in
 *     the run, as cairo decides (_cairo_scaled_font_glyph_device_extents: each glyph's box
 *     from its metrics through the font matrix and the CTM, in 1/256 pixel, at its rounded
 *     position). The two differ where two glyphs cover one pixel, so the choice is cairo's:
 *     the boxes come from the glyph's extents as cairo reports them, times the CTM; one that
 *     falls within a millionth of a rounding step of cairo's is not used.
 * What this cannot be sure of (a clip, another operator or source, a layout with attributes,
 * an unknown glyph's box, a colour or subpixel font, a glyph whose ink reaches the edge of the
 * surface it was drawn on) leaves the whole layout to pango_cairo_show_layout. */
#include "jb_glyphs.h"

#include <cairo-ft.h>
#include <math.h>
#include <pixman.h>
#include <string.h>

/* What a thread knows of a glyph of one scaled font, beyond pixman's cache of its image. */
enum { GLYPH_DRAWN = 1, GLYPH_EMPTY, GLYPH_BAD };

typedef struct {
    int state;     /* GLYPH_* */
    gint32 box[4]; /* cairo's box of it (x1, y1, x2, y2) in 1/256 px from its position */
} Glyph;

typedef struct {
    cairo_scaled_font_t *font; /* referenced: its address keys the glyphs */
    GHashTable *glyphs;        /* glyph index → Glyph */
    gboolean usable;           /* FreeType, grey antialiasing, no colour, a sane size */
} Font;

typedef struct {
    GHashTable *fonts;           /* cairo_scaled_font_t * → Font */
    pixman_glyph_cache_t *cache; /* the glyphs' images, keyed by Font and index */
} Cache;

static void font_free(gpointer p)
{
    Font *f = p;
    g_hash_table_destroy(f->glyphs);
    cairo_scaled_font_destroy(f->font);
    g_free(f);
}

static void cache_free(gpointer p)
{
    Cache *c = p;
    if (!c)
        return;
    pixman_glyph_cache_destroy(c->cache);
    g_hash_table_destroy(c->fonts);
    g_free(c);
}

/* The calling thread's glyphs, freed when it exits. */
static GPrivate thread_cache = G_PRIVATE_INIT(cache_free);

static Cache *cache_get(void)
{
    Cache *c = g_private_get(&thread_cache);
    if (!c) {
        c = g_new0(Cache, 1);
        c->fonts = g_hash_table_new_full(NULL, NULL, NULL, font_free);
        c->cache = pixman_glyph_cache_create();
        g_private_set(&thread_cache, c);
    }
    return c->cache ? c : NULL;
}

/* The scaled font's size in device pixels (its largest row sum of font matrix × CTM). */
static double font_pixels(cairo_scaled_font_t *sf)
{
    cairo_matrix_t fm, ctm, m;
    cairo_scaled_font_get_font_matrix(sf, &fm);
    cairo_scaled_font_get_ctm(sf, &ctm);
    cairo_matrix_multiply(&m, &fm, &ctm);
    return MAX(fabs(m.xx) + fabs(m.xy), fabs(m.yx) + fabs(m.yy));
}

static gboolean font_usable(cairo_scaled_font_t *sf)
{
    cairo_matrix_t fm, ctm;
    cairo_scaled_font_get_font_matrix(sf, &fm);
    cairo_scaled_font_get_ctm(sf, &ctm);
    double px = font_pixels(sf);
    /* upright (a box through the CTM is cairo's box), untranslated, of a sane size */
    if (cairo_scaled_font_get_type(sf) != CAIRO_FONT_TYPE_FT || fm.x0 != 0 || fm.y0 != 0 ||
        fm.xy != 0 || fm.yx != 0 || ctm.xy != 0 || ctm.yx != 0 || !(px > 0 && px < 1000))
        return FALSE;
    cairo_font_options_t *o = cairo_font_options_create();
    cairo_scaled_font_get_font_options(sf, o);
    cairo_antialias_t aa = cairo_font_options_get_antialias(o);
    cairo_font_options_destroy(o);
    if (aa != CAIRO_ANTIALIAS_GRAY && aa != CAIRO_ANTIALIAS_DEFAULT)
        return FALSE;
    FT_Face face = cairo_ft_scaled_font_lock_face(sf); /* colour glyphs are ARGB, not A8 */
    if (!face)
        return FALSE;
    gboolean colour = FT_HAS_COLOR(face);
    cairo_ft_scaled_font_unlock_face(sf);
    return !colour;
}

static Font *font_get(Cache *c, cairo_scaled_font_t *sf)
{
    Font *f = g_hash_table_lookup(c->fonts, sf);
    if (!f) {
        f = g_new0(Font, 1);
        f->font = cairo_scaled_font_reference(sf);
        f->glyphs = g_hash_table_new_full(NULL, NULL, NULL, g_free);
        f->usable = font_usable(sf);
        g_hash_table_insert(c->fonts, sf, f);
    }
    return f;
}

/* Glyph `index` of `f` drawn by cairo alone on a blank A8 surface at a whole pixel, its ink
 * cropped and put in the thread's pixman cache with the origin that places it as cairo would:
 * GLYPH_DRAWN (and *image), GLYPH_EMPTY (no ink) or GLYPH_BAD (not as cairo would draw it). */
static int glyph_render(Cache *c, Font *f, unsigned long index, const void **image)
{
    int side = (int)ceil(4 * font_pixels(f->font)) + 8, o = side / 2;
    cairo_surface_t *a8 = cairo_image_surface_create(CAIRO_FORMAT_A8, side, side);
    cairo_t *cr = cairo_create(a8);
    cairo_matrix_t ctm;
    cairo_scaled_font_get_ctm(f->font, &ctm);
    cairo_set_matrix(cr, &ctm);
    cairo_set_scaled_font(cr, f->font);
    double ux = o, uy = o, dx, dy;
    cairo_device_to_user(cr, &ux, &uy);
    dx = ux;
    dy = uy;
    cairo_user_to_device(cr, &dx, &dy); /* what cairo_show_glyphs makes of it */
    int state = GLYPH_BAD;
    /* the same scaled font (not one cairo made for other options), at pixel (o, o) once
     * rounded as cairo rounds it */
    if (cairo_get_scaled_font(cr) == f->font && floor(dx + 0.5) == o && floor(dy + 0.5) == o) {
        cairo_glyph_t g = {index, ux, uy};
        cairo_show_glyphs(cr, &g, 1);
        cairo_surface_flush(a8);
        if (cairo_status(cr) == CAIRO_STATUS_SUCCESS)
            state = GLYPH_EMPTY;
    }
    const guint8 *data = cairo_image_surface_get_data(a8);
    int stride = cairo_image_surface_get_stride(a8), x0 = side, y0 = side, x1 = -1, y1 = -1;
    for (int y = 0; state == GLYPH_EMPTY && y < side; y++)
        for (int x = 0; x < side; x++)
            if (data[(gsize)y * stride + x]) {
                x0 = MIN(x0, x);
                x1 = MAX(x1, x);
                y0 = MIN(y0, y);
                y1 = MAX(y1, y);
            }
    if (x1 >= 0 && (x0 == 0 || y0 == 0 || x1 == side - 1 || y1 == side - 1))
        state = GLYPH_BAD; /* the ink may go on past the edge */
    else if (x1 >= 0) {
        int w = x1 - x0 + 1, h = y1 - y0 + 1;
        pixman_image_t *crop = pixman_image_create_bits(PIXMAN_a8, w, h, NULL, 0);
        *image = NULL;
        if (crop) {
            guint8 *to = (guint8 *)pixman_image_get_data(crop);
            int to_stride = pixman_image_get_stride(crop);
            for (int y = 0; y < h; y++)
                memcpy(to + (gsize)y * to_stride, data + (gsize)(y0 + y) * stride + x0, (gsize)w);
            *image = pixman_glyph_cache_insert(c->cache, f, (void *)index, o - x0, o - y0, crop);
            pixman_image_unref(crop);
        }
        state = *image ? GLYPH_DRAWN : GLYPH_BAD;
    }
    cairo_destroy(cr);
    cairo_surface_destroy(a8);
    return state;
}

/* cairo's box of glyph `index` (_cairo_scaled_glyph_set_metrics: its metrics through the
 * font matrix and the CTM, in 1/256 px from its position): its extents as cairo reports them
 * times the CTM. FALSE when a value lies within a millionth of a step of cairo's rounding,
 * where the two sums could round apart. A glyph without ink has all four 0 (cairo reports
 * none for it; FreeType's metrics of an empty outline are zero). */
static gboolean glyph_box(cairo_scaled_font_t *sf, unsigned long index, gint32 box[4])
{
    cairo_glyph_t g = {index, 0, 0};
    cairo_text_extents_t e;
    cairo_matrix_t ctm;
    cairo_scaled_font_glyph_extents(sf, &g, 1, &e);
    cairo_scaled_font_get_ctm(sf, &ctm);
    double v[4] = {e.x_bearing * ctm.xx, e.y_bearing * ctm.yy, (e.x_bearing + e.width) * ctm.xx,
                   (e.y_bearing + e.height) * ctm.yy};
    for (int k = 0; k < 2; k++)
        if (v[k] > v[k + 2]) {
            double t = v[k];
            v[k] = v[k + 2];
            v[k + 2] = t;
        }
    for (int k = 0; k < 4; k++) {
        double f = v[k] * 256;
        if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS || !(fabs(f) < 1e8) ||
            fabs(f - floor(f) - 0.5) < 1e-6)
            return FALSE;
        box[k] = (gint32)floor(f + 0.5);
    }
    return TRUE;
}

/* What the thread knows of glyph `index` of `f`, drawn on first use, and its image in the
 * thread's pixman cache (NULL without ink or when it cannot be drawn as cairo would). */
static const Glyph *glyph_get(Cache *c, Font *f, unsigned long index, const void **image)
{
    Glyph *g = g_hash_table_lookup(f->glyphs, (gpointer)index);
    *image = NULL;
    if (g && g->state != GLYPH_DRAWN)
        return g;
    if (g && (*image = pixman_glyph_cache_lookup(c->cache, f, (void *)index)))
        return g; /* else pixman let it go (over 16384 glyphs): drawn again */
    if (!g) {
        g = g_new0(Glyph, 1);
        g_hash_table_insert(f->glyphs, (gpointer)index, g);
        if (!glyph_box(f->font, index, g->box)) {
            g->state = GLYPH_BAD;
            return g;
        }
    }
    g->state = glyph_render(c, f, index, image);
    if (g->state == GLYPH_DRAWN && (g->box[0] == g->box[2] || g->box[1] == g->box[3]))
        g->state = GLYPH_BAD; /* ink cairo reports no extents for: not as assumed */
    return g;
}

/* A glyph as cairo_show_glyphs would place it on the device. */
typedef struct {
    int x, y;          /* its position, rounded */
    const void *image; /* in the thread's pixman cache; NULL: no ink */
    const Glyph *glyph;
} Placed;

/* A layout's glyphs, run after run. */
typedef struct {
    cairo_t *cr;
    Cache *cache;
    cairo_matrix_t ctm;
    double x0, y0;     /* the current point: pango's x_offset and y_offset */
    int width, height; /* the surface's */
    GArray *placed;    /* Placed */
    GArray *ends;      /* guint: where each run's glyphs end in `placed` */
} Walk;

/* One run at (x, y) pango units from the current point, as pango_cairo_renderer_show_text_glyphs
 * places its glyphs and cairo_show_glyphs rounds them; FALSE when pango's renderer would draw
 * something else than plain glyphs (attributes, an unknown glyph's box) or a glyph cannot be
 * drawn as cairo would. */
static gboolean walk_run(Walk *w, PangoGlyphItem *run, int x, int y)
{
    PangoFont *pf = run->item->analysis.font;
    if (run->item->analysis.extra_attrs ||
        (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE) ||
        !PANGO_IS_CAIRO_FONT(pf))
        return FALSE;
    cairo_scaled_font_t *psf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(pf));
    if (!psf || cairo_scaled_font_status(psf) != CAIRO_STATUS_SUCCESS)
        return FALSE;
    cairo_set_scaled_font(w->cr, psf); /* as pango does; cairo may make another for its CTM */
    cairo_scaled_font_t *sf = cairo_get_scaled_font(w->cr);
    if (cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS)
        return FALSE;
    Font *f = font_get(w->cache, sf);
    if (!f->usable)
        return FALSE;
    double px = font_pixels(sf); /* cairo drops glyphs 10 × this off the surface: none here */
    double base_x = w->x0 + (double)x / PANGO_SCALE, base_y = w->y0 + (double)y / PANGO_SCALE;
    int x_position = 0;
    for (int i = 0; i < run->glyphs->num_glyphs; i++) {
        const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];
        if (gi->glyph != PANGO_GLYPH_EMPTY && (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
            if (gi->glyph != (0x20 | PANGO_GLYPH_UNKNOWN_FLAG)) /* a box with its code */
                return FALSE;
        } else if (gi->glyph != PANGO_GLYPH_EMPTY) {
            double cx = base_x + (double)(x_position + gi->geometry.x_offset) / PANGO_SCALE;
            double cy = gi->geometry.y_offset == 0
                            ? base_y
                            : base_y + (double)gi->geometry.y_offset / PANGO_SCALE;
            cairo_matrix_transform_point(&w->ctm, &cx, &cy);
            if (!(cx > -px && cy > -px && cx < w->width + px && cy < w->height + px))
                return FALSE;
            Placed p = {(int)floor(cx + 0.5), (int)floor(cy + 0.5), NULL, NULL};
            p.glyph = glyph_get(w->cache, f, gi->glyph, &p.image);
            if (p.glyph->state == GLYPH_BAD)
                return FALSE;
            g_array_append_val(w->placed, p);
        }
        x_position += gi->geometry.width;
    }
    guint end = w->placed->len;
    g_array_append_val(w->ends, end);
    return TRUE;
}

/* The lines and runs as pango_renderer_draw_layout and _draw_layout_line walk them. */
static gboolean walk_layout(Walk *w, PangoLayout *layout)
{
    gboolean ok = TRUE;
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        int x = logical.x, y = pango_layout_iter_get_baseline(it), x_off = 0;
        for (GSList *l = line->runs; ok && l; l = l->next) {
            PangoGlyphItem *run = l->data;
            int width = pango_glyph_string_get_width(run->glyphs);
            x_off += run->start_x_offset;
            ok = walk_run(w, run, x + x_off, y - run->y_offset);
            x_off += width + run->end_x_offset;
        }
    } while (ok && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return ok;
}

/* cairo's extents of a run (_cairo_scaled_font_glyph_device_extents: the union of the glyphs'
 * boxes, rounded out to pixels, within the surface) in `r` (x, y, width, height), and whether
 * a glyph's box met the boxes of those before it (then cairo adds the glyphs into a mask). */
static gboolean run_extents(const Placed *p, int n, int width, int height, int r[4])
{
    gint32 b[4] = {G_MAXINT32, G_MAXINT32, G_MININT32, G_MININT32};
    gboolean overlap = FALSE;
    for (int i = 0; i < n; i++) {
        const gint32 *g = p[i].glyph->box;
        gint32 x1 = p[i].x * 256 + g[0], y1 = p[i].y * 256 + g[1];
        gint32 x2 = p[i].x * 256 + g[2], y2 = p[i].y * 256 + g[3];
        if (n > 1 && x1 != x2 && y1 != y2 && x2 > b[0] && x1 < b[2] && y2 > b[1] && y1 < b[3])
            overlap = TRUE;
        b[0] = MIN(b[0], x1);
        b[1] = MIN(b[1], y1);
        b[2] = MAX(b[2], x2);
        b[3] = MAX(b[3], y2);
    }
    r[0] = r[1] = r[2] = r[3] = 0;
    if (n && b[0] < b[2]) {
        int x1 = MAX(b[0] >> 8, 0), y1 = MAX(b[1] >> 8, 0);                          /* floor */
        int x2 = MIN((b[2] + 255) >> 8, width), y2 = MIN((b[3] + 255) >> 8, height); /* ceil */
        if (x2 > x1 && y2 > y1) {
            r[0] = x1;
            r[1] = y1;
            r[2] = x2 - x1;
            r[3] = y2 - y1;
        }
    }
    return overlap;
}

/* One run OVER the destination, as cairo's composite_glyphs calls pixman: clipped to the
 * run's extents, through a mask when its glyphs overlap. */
static void composite_run(Cache *c, pixman_image_t *src, pixman_image_t *dst, const Placed *p,
                          int n)
{
    int r[4];
    gboolean mask = run_extents(p, n, pixman_image_get_width(dst), pixman_image_get_height(dst), r);
    if (r[2] == 0)
        return;
    pixman_glyph_t g[64], *gs = n > 64 ? g_new(pixman_glyph_t, n) : g;
    int k = 0;
    for (int i = 0; i < n; i++)
        if (p[i].image)
            gs[k++] = (pixman_glyph_t){p[i].x, p[i].y, p[i].image};
    pixman_region32_t clip;
    pixman_region32_init_rect(&clip, r[0], r[1], (unsigned)r[2], (unsigned)r[3]);
    pixman_image_set_clip_region32(dst, &clip);
    if (k && mask)
        pixman_composite_glyphs(PIXMAN_OP_OVER, src, dst,
                                pixman_glyph_get_mask_format(c->cache, k, gs), r[0], r[1], r[0],
                                r[1], r[0], r[1], r[2], r[3], c->cache, k, gs);
    else if (k)
        pixman_composite_glyphs_no_mask(PIXMAN_OP_OVER, src, dst, 0, 0, 0, 0, c->cache, k, gs);
    pixman_image_set_clip_region32(dst, NULL);
    pixman_region32_fini(&clip);
    if (gs != g)
        g_free(gs);
}

/* No clip but the surface's own edges (one rectangle covering it). */
static gboolean unclipped(cairo_t *cr, int width, int height)
{
    cairo_rectangle_list_t *l = cairo_copy_clip_rectangle_list(cr);
    gboolean all = l->status == CAIRO_STATUS_SUCCESS && l->num_rectangles == 1;
    if (all) {
        double x0 = l->rectangles[0].x, y0 = l->rectangles[0].y;
        double x1 = x0 + l->rectangles[0].width, y1 = y0 + l->rectangles[0].height;
        cairo_user_to_device(cr, &x0, &y0);
        cairo_user_to_device(cr, &x1, &y1);
        all = MIN(x0, x1) <= 0 && MIN(y0, y1) <= 0 && MAX(x0, x1) >= width && MAX(y0, y1) >= height;
    }
    cairo_rectangle_list_destroy(l);
    return all;
}

/* cairo's colour to 16 bits (_cairo_color_double_to_short). */
static guint16 to_short(double d)
{
    return (guint16)(d * 65535.0 + 0.5);
}

/* The surface and source cairo would draw on and with, if this file can do it. */
static gboolean drawable(cairo_t *cr, pixman_color_t *colour)
{
    cairo_surface_t *t = cairo_get_target(cr);
    double r, g, b, a, ox = 1, oy = 1, sx = 0, sy = 0;
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS ||
        cairo_surface_get_type(t) != CAIRO_SURFACE_TYPE_IMAGE ||
        cairo_image_surface_get_format(t) != CAIRO_FORMAT_ARGB32 ||
        cairo_get_operator(cr) != CAIRO_OPERATOR_OVER ||
        cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
        return FALSE;
    cairo_surface_get_device_offset(t, &ox, &oy);
    cairo_surface_get_device_scale(t, &sx, &sy);
    if (ox != 0 || oy != 0 || sx != 1 || sy != 1 ||
        !unclipped(cr, cairo_image_surface_get_width(t), cairo_image_surface_get_height(t)))
        return FALSE;
    *colour = (pixman_color_t){to_short(r * a), to_short(g * a), to_short(b * a), to_short(a)};
    return TRUE;
}

gboolean jb_glyphs_show_layout(cairo_t *cr, PangoLayout *layout)
{
    pixman_color_t colour;
    Cache *c;
    if (pango_layout_get_attributes(layout) || !drawable(cr, &colour) || !(c = cache_get()))
        return FALSE;
    cairo_surface_t *t = cairo_get_target(cr);
    Walk w = {.cr = cr,
              .cache = c,
              .width = cairo_image_surface_get_width(t),
              .height = cairo_image_surface_get_height(t)};
    cairo_get_matrix(cr, &w.ctm);
    cairo_get_current_point(cr, &w.x0, &w.y0);
    w.placed = g_array_new(FALSE, FALSE, sizeof(Placed));
    w.ends = g_array_new(FALSE, FALSE, sizeof(guint));
    pixman_glyph_cache_freeze(c->cache); /* nothing leaves the cache until the runs are drawn */
    cairo_save(cr);
    gboolean ok = walk_layout(&w, layout);
    cairo_restore(cr);
    if (ok && w.placed->len) {
        cairo_surface_flush(t);
        pixman_image_t *dst = pixman_image_create_bits(
            PIXMAN_a8r8g8b8, w.width, w.height, (uint32_t *)(void *)cairo_image_surface_get_data(t),
            cairo_image_surface_get_stride(t));
        pixman_image_t *src = pixman_image_create_solid_fill(&colour);
        ok = dst && src;
        for (guint k = 0, start = 0; ok && k < w.ends->len; k++) {
            guint end = g_array_index(w.ends, guint, k);
            composite_run(c, src, dst, &g_array_index(w.placed, Placed, start), (int)(end - start));
            start = end;
        }
        if (src)
            pixman_image_unref(src);
        if (dst)
            pixman_image_unref(dst);
        cairo_surface_mark_dirty(t);
    }
    pixman_glyph_cache_thaw(c->cache);
    g_array_free(w.placed, TRUE);
    g_array_free(w.ends, TRUE);
    if (ok) /* where pango's renderer leaves the current point */
        cairo_move_to(cr, w.x0, w.y0);
    return ok;
}
