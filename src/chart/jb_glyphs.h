/* jb_glyphs.h — text on PNG canvases drawn from glyph images each thread keeps for itself.
 *
 * cairo 1.16 draws every run of glyphs on an image surface through one process-wide glyph
 * cache (pixman's) under one process-wide lock (_cairo_glyph_cache_mutex), held while the run
 * is composited: two threads drawing charts waited for each other there, for a whole time
 * slice when the holder lost its core. jb_glyphs_show_layout draws a layout as
 * pango_cairo_show_layout would, with the same pixman calls cairo makes, but from a glyph
 * cache of the calling thread's own (each glyph rendered once per thread by cairo itself), so
 * nothing is shared between threads and the bytes are the same.
 *
 * Not for: PDF and SVG (cairo writes their glyphs as outlines or text: no lock), layouts with
 * attributes (colours, underlines: pango's renderer draws those), clipped drawing.
 */
#ifndef JB_GLYPHS_H
#define JB_GLYPHS_H

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

/* Draws `layout` at `cr`'s current point with its source, as pango_cairo_show_layout would,
 * and returns TRUE; or draws nothing and returns FALSE when it cannot be sure of the same
 * pixels (not an unclipped ARGB32 image surface, not OVER a solid colour, attributes, unknown
 * glyphs, a font it cannot cache), for the caller to use pango_cairo_show_layout. */
gboolean jb_glyphs_show_layout(cairo_t *cr, PangoLayout *layout);

#endif
