/* jb_fonts.h — the fonts every jianbao chart and briefing is drawn with.
 *
 * jianbao draws with its own fonts and its own fontconfig rules, never the host's: a GB 2312
 * subset of Noto Sans CJK SC renamed "Jianbao Sans SC" (fonts/jianbao-sans-{regular,bold}.otf,
 * built by `make` from fonts-noto-cjk), then the full Noto Sans CJK SC for rare characters.
 * fonts/fonts.conf holds the rules (aliases, fallback directory, caches, no hinting); this
 * module loads it into a private FcConfig, adds the two subset fonts to it, and wraps it in
 * pango font maps. The same text therefore measures and looks the same on every machine, under
 * cron without HOME, and on PNG, PDF and SVG surfaces alike.
 *
 * Threads: one FcConfig for the process (built once, read-only afterwards), one pango font map
 * per thread over it. A pango font map, and every context, layout and font made from it, must
 * never be used by two threads at once; so each thread draws through its own map, and a
 * context made by jb_fonts_context_new is used only on the thread that made it. Threads may
 * draw at the same time, each on its own cairo surface: the same text gives the same bytes
 * whichever thread draws it.
 *
 * Not for: choosing sizes, colours or layout (the chart and report modules do that).
 */
#ifndef JB_FONTS_H
#define JB_FONTS_H

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

/* The family to put in font descriptions ("jianbao-sans 16", "jianbao-sans Bold 24"). */
#define JB_FONT_FAMILY "jianbao-sans"

/* The calling thread's pango font map over jianbao's own fontconfig configuration
 * (fonts/fonts.conf found with jb_data_path), never the host's. The configuration is loaded once
 * for the process (thread-safe, g_once); each thread's map is made on its first call and
 * unreferenced when the thread exits. Borrowed: valid on this thread, until it exits; never hand
 * it (or anything made from it) to another thread. NULL + GError if the configuration or the
 * subset fonts are missing ("fonts/jianbao-sans-regular.otf missing: run make"). A failure is
 * remembered: later calls, from any thread, return the same error.
 *
 * The configuration is also made fontconfig's current one, so the host's is never even parsed
 * (pango would otherwise load it in a background thread and wait for it). */
PangoFontMap *jb_fonts_map(GError **error);

/* A new pango context, over the calling thread's map (jb_fonts_map), for drawing on `cr` with
 * jianbao's fonts and deterministic metrics:
 * hint metrics OFF, hint style NONE, round_glyph_positions FALSE, so one layout measures the same on
 * PNG, PDF and SVG surfaces. Caller owns it (g_object_unref).
 * Also: greyscale antialiasing; language zh-cn whatever the locale (it picks Simplified glyph
 * forms); resolution 72 dpi, so a font size is in cairo user units ("jianbao-sans 16" has a
 * 16-unit em on a 1600x900 PNG and on a 1600x900-point PDF page alike, as absolute sizes do).
 * Built for `cr`'s current transformation: after changing it, call
 * pango_cairo_update_context(cr, ctx). */
PangoContext *jb_fonts_context_new(cairo_t *cr, GError **error);

/* Characters of `text` that no available font covers (as a new string, "" when all covered);
 * uses pango_layout_get_unknown_glyphs_count / the font coverage. Caller g_free.
 * Each character is listed once, in order of first appearance. `font_desc` is a pango font
 * description string ("jianbao-sans Bold 12"); NULL means JB_FONT_FAMILY. */
char *jb_fonts_missing_chars(PangoContext *ctx, const char *text, const char *font_desc);

/* The same for a layout already made (laid out if it was not): the characters it shows as
 * boxes are appended to `missing`, each once (also once across calls on one string). */
void jb_fonts_layout_missing(PangoLayout *layout, GString *missing);

#endif
