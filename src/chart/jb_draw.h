/* jb_draw.h — what the chart and report stages share for drawing: colours, text layouts
 * in jianbao's fonts, and canvases that write PNG, PDF or SVG files atomically.
 *
 * All sizes are in points (1/72 in). A PNG canvas maps points to pixels through `scale`
 * (scale 2 turns an 800×450 pt chart into 1600×900 px). Text is laid out once and measures
 * the same on every surface (jb_fonts turns hinting and glyph-position rounding off).
 *
 * Not for: what to draw (jb_chart, jb_report).
 */
#ifndef JB_DRAW_H
#define JB_DRAW_H

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

typedef struct {
    double r, g, b, a;
} JbColor;

/* "#RRGGBB" or "#RRGGBBAA"; black on a malformed string. */
JbColor jb_color_hex(const char *hex);
void jb_set_color(cairo_t *cr, JbColor c);

/* A layout of `text` (plain text, or Pango markup when `markup`) in jianbao's family at
 * `size` points, wrapped at `width` points (≤ 0: one line). Caller owns it (g_object_unref). */
PangoLayout *jb_layout_new(PangoContext *ctx, const char *text, gboolean markup, double size,
                           gboolean bold, double width);
/* Logical size of a layout in points. */
void jb_layout_size(PangoLayout *layout, double *w, double *h);
/* Its logical height in points; 0 without a layout (NULL). */
double jb_layout_height(PangoLayout *layout);
/* Draw with the top-left corner at (x, y). */
void jb_layout_draw(cairo_t *cr, PangoLayout *layout, double x, double y, JbColor color);

typedef enum { JB_FORMAT_PNG, JB_FORMAT_PDF, JB_FORMAT_SVG } JbFormat;

/* The format a path's extension asks for; JB_ERROR_USAGE naming the path otherwise. */
gboolean jb_format_from_path(const char *path, JbFormat *format, GError **error);

/* A surface being drawn that becomes the file `path` on jb_canvas_finish, atomically.
 * Nothing is written before that, so a failed run leaves the previous file in place. */
typedef struct JbCanvas JbCanvas;

#define JB_CANVAS_MAX_PIXELS (16384.0 * 16384.0)

/* `width`×`height` points; `scale` px per pt for PNG (ignored for PDF/SVG). Refuses sizes
 * over JB_CANVAS_MAX_PIXELS before allocating. `transparent`: no white background. */
JbCanvas *jb_canvas_new(const char *path, double width, double height, double scale,
                        gboolean transparent, GError **error);
/* Borrowed; valid until jb_canvas_free. */
cairo_t *jb_canvas_cr(JbCanvas *canvas);
/* A pango context for this canvas in jianbao's fonts. Borrowed. */
PangoContext *jb_canvas_pango(JbCanvas *canvas);
JbFormat jb_canvas_format(const JbCanvas *canvas);
/* PDF document metadata (ignored for PNG/SVG): the Info dictionary, and at finish /Lang
 * (zh-CN) and an XMP packet with the same (jb_pdf_meta). Dates come from SOURCE_DATE_EPOCH
 * when it is set, so rebuilds are byte-identical. */
void jb_canvas_set_metadata(JbCanvas *canvas, const char *title, const char *author,
                            const char *subject, const char *keywords);
/* A PDF bookmark to `page` (1-based) at height `y` points from the top, under `parent`
 * (0 for the top level). Returns its id for children; 0 on non-PDF canvases. */
int jb_canvas_add_outline(JbCanvas *canvas, int parent, const char *name, int page, double y);
/* How an SVG canvas writes text: as cairo's glyph outlines (the default: looks the same in
 * every viewer) or, with `as_text`, as <text> elements (selectable, searchable, editable in
 * a slide tool; the viewer's copy of the font draws them, so metrics may differ slightly).
 * Ignored for PNG and PDF. Call before drawing. */
void jb_canvas_set_svg_text(JbCanvas *canvas, gboolean as_text);
/* Start a new page (PDF). */
void jb_canvas_show_page(JbCanvas *canvas);
/* Finish drawing and replace `path` with the result. */
gboolean jb_canvas_finish(JbCanvas *canvas, GError **error);
/* The JB_ERROR code of a cairo failure: JB_ERROR_LIMIT when memory ran out (exit 3, as for
 * any allocation), else JB_ERROR_OUTPUT. */
int jb_cairo_error_code(cairo_status_t st);
void jb_canvas_free(JbCanvas *canvas);

/* Append `image` (a cairo ARGB32 or RGB24 image surface) to `out` as a PNG: an indexed PNG
 * when it has at most 256 colours, else RGB (RGBA when not opaque). Deterministic: the same
 * pixels give the same bytes. ~30× faster than cairo_surface_write_to_png, ~1.4× its size
 * (jb_png.c says why). */
gboolean jb_png_encode(cairo_surface_t *image, GByteArray *out, GError **error);
/* The same with a pHYs chunk saying `dpi` (canvases write 72 × their scale: 144 dpi for the
 * 2× PNGs of slides, so a chart pastes at its size in points; 300 for print). */
gboolean jb_png_encode_dpi(cairo_surface_t *image, GByteArray *out, double dpi, GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbCanvas, jb_canvas_free)

#endif
