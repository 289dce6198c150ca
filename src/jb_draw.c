#include "jb_draw.h"

#include "jb_common.h"
#include "jb_fonts.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <stdlib.h>
#include <string.h>

JbColor jb_color_hex(const char *hex)
{
    JbColor c = {0, 0, 0, 1};
    unsigned v[4] = {0, 0, 0, 255};
    size_t n = hex ? strlen(hex) : 0;
    if (n != 7 && n != 9)
        return c;
    for (size_t i = 0; i < (n - 1) / 2; i++) {
        char part[3] = {hex[1 + 2 * i], hex[2 + 2 * i], 0};
        char *end = NULL;
        v[i] = (unsigned)strtoul(part, &end, 16);
        if (*end)
            return c;
    }
    return (JbColor){v[0] / 255.0, v[1] / 255.0, v[2] / 255.0, v[3] / 255.0};
}

void jb_set_color(cairo_t *cr, JbColor c)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

PangoLayout *jb_layout_new(PangoContext *ctx, const char *text, gboolean markup, double size,
                           gboolean bold, double width)
{
    PangoLayout *l = pango_layout_new(ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family_static(fd, JB_FONT_FAMILY);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if (markup)
        pango_layout_set_markup(l, text, -1);
    else
        pango_layout_set_text(l, text, -1);
    return l;
}

void jb_layout_size(PangoLayout *layout, double *w, double *h)
{
    int pw, ph;
    pango_layout_get_size(layout, &pw, &ph);
    if (w)
        *w = (double)pw / PANGO_SCALE;
    if (h)
        *h = (double)ph / PANGO_SCALE;
}

void jb_layout_draw(cairo_t *cr, PangoLayout *layout, double x, double y, JbColor color)
{
    cairo_save(cr);
    jb_set_color(cr, color);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
}

gboolean jb_format_from_path(const char *path, JbFormat *format, GError **error)
{
    const char *dot = strrchr(path, '.');
    if (dot && g_ascii_strcasecmp(dot, ".png") == 0)
        *format = JB_FORMAT_PNG;
    else if (dot && g_ascii_strcasecmp(dot, ".pdf") == 0)
        *format = JB_FORMAT_PDF;
    else if (dot && g_ascii_strcasecmp(dot, ".svg") == 0)
        *format = JB_FORMAT_SVG;
    else {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s: unknown output format (use .png, .pdf or .svg)", path);
        return FALSE;
    }
    return TRUE;
}

struct JbCanvas {
    char *path;
    JbFormat format;
    GByteArray *bytes; /* PDF and SVG stream here; PNG is encoded at finish */
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoContext *pango;
};

static cairo_status_t to_bytes(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

JbCanvas *jb_canvas_new(const char *path, double width, double height, double scale,
                        gboolean transparent, GError **error)
{
    JbFormat format;
    if (!jb_format_from_path(path, &format, error))
        return NULL;
    if (!(width >= 1 && height >= 1 && scale > 0 && scale <= 16) ||
        width * height * scale * scale > JB_CANVAS_MAX_PIXELS) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                    "%s: canvas %.0f×%.0f at scale %g is outside the allowed size", path, width,
                    height, scale);
        return NULL;
    }
    g_autoptr(JbCanvas) c = g_new0(JbCanvas, 1);
    c->path = g_strdup(path);
    c->format = format;
    c->bytes = g_byte_array_new();
    switch (format) {
    case JB_FORMAT_PNG:
        c->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(width * scale + 0.5),
                                                (int)(height * scale + 0.5));
        break;
    case JB_FORMAT_PDF:
        c->surface = cairo_pdf_surface_create_for_stream(to_bytes, c->bytes, width, height);
        break;
    case JB_FORMAT_SVG:
        c->surface = cairo_svg_surface_create_for_stream(to_bytes, c->bytes, width, height);
        cairo_svg_surface_set_document_unit(c->surface, CAIRO_SVG_UNIT_PT);
        break;
    }
    if (cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path,
                    cairo_status_to_string(cairo_surface_status(c->surface)));
        return NULL;
    }
    c->cr = cairo_create(c->surface);
    if (format == JB_FORMAT_PNG)
        cairo_scale(c->cr, scale, scale);
    if (!transparent) {
        cairo_save(c->cr);
        cairo_set_source_rgb(c->cr, 1, 1, 1);
        cairo_paint(c->cr);
        cairo_restore(c->cr);
    }
    c->pango = jb_fonts_context_new(c->cr, error);
    if (!c->pango)
        return NULL;
    return g_steal_pointer(&c);
}

cairo_t *jb_canvas_cr(JbCanvas *canvas) { return canvas->cr; }
PangoContext *jb_canvas_pango(JbCanvas *canvas) { return canvas->pango; }
JbFormat jb_canvas_format(const JbCanvas *canvas) { return canvas->format; }

void jb_canvas_set_metadata(JbCanvas *canvas, const char *title, const char *author,
                            const char *subject, const char *keywords)
{
    if (canvas->format != JB_FORMAT_PDF)
        return;
    cairo_surface_t *s = canvas->surface;
    if (title)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    if (author)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, author);
    if (subject)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, subject);
    if (keywords)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, keywords);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "jianbao " JB_VERSION);
    /* cairo 1.16 ignores SOURCE_DATE_EPOCH and stamps the current time: set it ourselves. */
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc(g_ascii_strtoll(epoch, NULL, 10));
        if (t) {
            g_autofree char *iso = g_date_time_format(t, "%Y-%m-%dT%H:%M:%S");
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, iso);
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, iso);
        }
    }
}

int jb_canvas_add_outline(JbCanvas *canvas, int parent, const char *name, int page, double y)
{
    if (canvas->format != JB_FORMAT_PDF)
        return 0;
    char attrs[96];
    char ybuf[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(ybuf, sizeof ybuf, "%.1f", y);
    g_snprintf(attrs, sizeof attrs, "page=%d pos=[0 %s]", page, ybuf);
    return cairo_pdf_surface_add_outline(canvas->surface, parent, name, attrs,
                                         CAIRO_PDF_OUTLINE_FLAG_OPEN);
}

void jb_canvas_show_page(JbCanvas *canvas)
{
    cairo_show_page(canvas->cr);
}

gboolean jb_canvas_finish(JbCanvas *canvas, GError **error)
{
    cairo_surface_flush(canvas->surface);
    if (canvas->format == JB_FORMAT_PNG)
        cairo_surface_write_to_png_stream(canvas->surface, to_bytes, canvas->bytes);
    else
        cairo_surface_finish(canvas->surface);
    cairo_status_t st = cairo_surface_status(canvas->surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_status(canvas->cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", canvas->path,
                    cairo_status_to_string(st));
        return FALSE;
    }
    return jb_write_file_atomic(canvas->path, canvas->bytes->data, canvas->bytes->len, error);
}

void jb_canvas_free(JbCanvas *canvas)
{
    if (!canvas)
        return;
    g_clear_object(&canvas->pango);
    g_clear_pointer(&canvas->cr, cairo_destroy);
    g_clear_pointer(&canvas->surface, cairo_surface_destroy);
    g_byte_array_unref(canvas->bytes);
    g_free(canvas->path);
    g_free(canvas);
}
