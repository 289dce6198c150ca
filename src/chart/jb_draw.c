#include "jb_draw.h"

#include "jb_atomic.h"
#include "jb_common.h"
#include "jb_fonts.h"
#include "jb_glyphs.h"
#include "jb_pdf_meta.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

double jb_layout_height(PangoLayout *layout)
{
    double h = 0;
    if (layout)
        jb_layout_size(layout, NULL, &h);
    return h;
}

/* SVG text as text: jb_layout_draw finds this key's GString on the cairo context and
 * appends <text> elements to it instead of drawing glyphs; jb_canvas_finish puts them into
 * the SVG document. */
static cairo_user_data_key_t svg_text_key;

static void svg_num(GString *out, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.2f", v)); /* locale-proof */
}

/* One <text> per run of a layout line, placed by the layout's own metrics under the
 * context's current transformation. */
static void svg_text(GString *out, cairo_t *cr, PangoLayout *layout, double x, double y,
                     JbColor color)
{
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    const char *text = pango_layout_get_text(layout);
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(it, NULL, &logical);
        double bx = x + (double)logical.x / PANGO_SCALE;
        double by = y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
        PangoFontDescription *fd = pango_font_describe_with_absolute_size(run->item->analysis.font);
        double size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
        gboolean bold = pango_font_description_get_weight(fd) >= PANGO_WEIGHT_SEMIBOLD;
        pango_font_description_free(fd);
        g_autofree char *esc = g_markup_escape_text(text + run->item->offset, run->item->length);
        g_string_append(out, "<text");
        if (m.xx != 1 || m.yx != 0 || m.xy != 0 || m.yy != 1 || m.x0 != 0 || m.y0 != 0) {
            g_string_append(out, " transform=\"matrix(");
            double v[] = {m.xx, m.yx, m.xy, m.yy, m.x0, m.y0};
            for (guint i = 0; i < G_N_ELEMENTS(v); i++) {
                if (i)
                    g_string_append_c(out, ' ');
                svg_num(out, v[i]);
            }
            g_string_append(out, ")\"");
        }
        g_string_append(out, " x=\"");
        svg_num(out, bx);
        g_string_append(out, "\" y=\"");
        svg_num(out, by);
        g_string_append(
            out, "\" font-family=\"Jianbao Sans SC, Noto Sans CJK SC, sans-serif\" font-size=\"");
        svg_num(out, size);
        g_string_append_printf(out, "\"%s fill=\"#%02X%02X%02X\"",
                               bold ? " font-weight=\"bold\"" : "", (unsigned)(color.r * 255 + 0.5),
                               (unsigned)(color.g * 255 + 0.5), (unsigned)(color.b * 255 + 0.5));
        if (color.a < 1) {
            g_string_append(out, " fill-opacity=\"");
            svg_num(out, color.a);
            g_string_append_c(out, '"');
        }
        g_string_append_printf(out, " xml:space=\"preserve\">%s</text>\n", esc);
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}

void jb_layout_draw(cairo_t *cr, PangoLayout *layout, double x, double y, JbColor color)
{
    GString *sink = cairo_get_user_data(cr, &svg_text_key);
    if (sink) {
        svg_text(sink, cr, layout, x, y, color);
        return;
    }
    cairo_save(cr);
    jb_set_color(cr, color);
    cairo_move_to(cr, x, y);
    if (!jb_glyphs_show_layout(cr, layout)) /* PNG: the thread's own glyphs (jb_glyphs.h) */
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

/* ---- pixel memory ----------------------------------------------------------------------
 * A 1600×900 PNG canvas is 5.8 MB of pixels. Memory fresh from the kernel costs a page fault
 * per 4 KB page when first written (1406 of them: 14 ms on a virtual machine, more than
 * drawing the chart), and glibc gives blocks this large back to the kernel when they are
 * freed, so every chart paid it again. So each thread keeps its last canvas's pixels for its
 * next canvas, and asks for 2 MB pages where the kernel has transparent huge pages (three
 * faults instead of 1406; the fallback is ordinary pages). */

enum { HUGE_PAGE = 2 << 20, PIXELS_KEPT_MAX = 64 << 20 };

typedef struct {
    guint8 *data;
    gsize len; /* a multiple of HUGE_PAGE */
} Pixels;

static void pixels_unmap(gpointer p)
{
    Pixels *px = p;
    if (px) {
        munmap(px->data, px->len);
        g_free(px);
    }
}

/* The calling thread's spare pixels, unmapped when the thread exits. The main thread's spare
 * (at most PIXELS_KEPT_MAX) stays mapped until the process exits: GPrivate destructors run only
 * for threads that end, so valgrind lists its 16-byte record as still reachable. */
static GPrivate thread_pixels = G_PRIVATE_INIT(pixels_unmap);

/* At least `need` bytes, from the thread's spare or fresh (NULL if the kernel refuses). Their
 * content is undefined. The caller owns them: pixels_give or pixels_unmap. */
static Pixels *pixels_take(gsize need)
{
    Pixels *px = g_private_get(&thread_pixels);
    if (px && px->len >= need) {
        g_private_set(&thread_pixels, NULL);
        return px;
    }
    gsize len = (need + HUGE_PAGE - 1) & ~(gsize)(HUGE_PAGE - 1), span = len + HUGE_PAGE;
    guint8 *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    /* keep the 2 MB-aligned part, so the kernel can back it with huge pages */
    guint8 *a = (guint8 *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (a > p)
        munmap(p, (gsize)(a - p));
    if (a + len < p + span)
        munmap(a + len, (gsize)(p + span - (a + len)));
#ifdef MADV_HUGEPAGE
    madvise(a, len, MADV_HUGEPAGE); /* advice only: ordinary pages when refused */
#endif
    px = g_new(Pixels, 1);
    *px = (Pixels){a, len};
    return px;
}

/* Back to the thread's spare, keeping the larger of two; huge ones go back to the kernel.
 * Called by cairo when the surface drawn on them is destroyed (its last reference, not
 * jb_canvas_free's, so nothing can still draw on them). */
static void pixels_give(void *p)
{
    Pixels *px = p;
    Pixels *spare = g_private_get(&thread_pixels);
    if (!px || px->len > PIXELS_KEPT_MAX || (spare && spare->len >= px->len)) {
        pixels_unmap(px);
        return;
    }
    g_private_replace(&thread_pixels, px); /* unmaps the smaller spare */
}

static const cairo_user_data_key_t pixels_key;

int jb_cairo_error_code(cairo_status_t st)
{
    return st == CAIRO_STATUS_NO_MEMORY ? JB_ERROR_LIMIT : JB_ERROR_OUTPUT;
}

struct JbCanvas {
    char *path;
    JbFormat format;
    double scale;      /* px per pt (PNG): its pHYs says 72 × scale dpi */
    char *meta[5];     /* PDF: title, author, subject, keywords, date (for /Lang and XMP) */
    GString *svg_text; /* <text> elements when SVG text is written as text, else NULL */
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
    c->scale = scale;
    c->bytes = g_byte_array_new();
    switch (format) {
    case JB_FORMAT_PNG: {
        int w = (int)(width * scale + 0.5), h = (int)(height * scale + 0.5);
        int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w);
        Pixels *px = pixels_take((gsize)stride * (gsize)h);
        if (!px) {
            g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: %s", path,
                        cairo_status_to_string(CAIRO_STATUS_NO_MEMORY));
            return NULL;
        }
        if (transparent) /* as cairo's own surfaces start; opaque ones are painted white */
            memset(px->data, 0, (gsize)stride * (gsize)h);
        c->surface = cairo_image_surface_create_for_data(px->data, CAIRO_FORMAT_ARGB32, w, h,
                                                         stride);
        /* the surface owns them from here (pixels_give when it is destroyed) */
        cairo_status_t st = cairo_surface_set_user_data(c->surface, &pixels_key, px, pixels_give);
        if (st != CAIRO_STATUS_SUCCESS) {
            g_clear_pointer(&c->surface, cairo_surface_destroy);
            pixels_give(px);
            g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path,
                        cairo_status_to_string(st));
            return NULL;
        }
        break;
    }
    case JB_FORMAT_PDF:
        c->surface = cairo_pdf_surface_create_for_stream(to_bytes, c->bytes, width, height);
        break;
    case JB_FORMAT_SVG:
        c->surface = cairo_svg_surface_create_for_stream(to_bytes, c->bytes, width, height);
        cairo_svg_surface_set_document_unit(c->surface, CAIRO_SVG_UNIT_PT);
        break;
    }
    if (cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, JB_ERROR, jb_cairo_error_code(cairo_surface_status(c->surface)),
                    "%s: %s", path, cairo_status_to_string(cairo_surface_status(c->surface)));
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

cairo_t *jb_canvas_cr(JbCanvas *canvas)
{
    return canvas->cr;
}
PangoContext *jb_canvas_pango(JbCanvas *canvas)
{
    return canvas->pango;
}
JbFormat jb_canvas_format(const JbCanvas *canvas)
{
    return canvas->format;
}

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
    const char *const values[] = {title, author, subject, keywords};
    for (guint i = 0; i < G_N_ELEMENTS(values); i++) {
        g_free(canvas->meta[i]);
        canvas->meta[i] = g_strdup(values[i]);
    }
    /* cairo 1.16 ignores SOURCE_DATE_EPOCH and stamps the current time: set it ourselves. */
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    g_autoptr(GDateTime) t = epoch && *epoch
                                 ? g_date_time_new_from_unix_utc(g_ascii_strtoll(epoch, NULL, 10))
                                 : g_date_time_new_now_utc();
    if (t) {
        g_free(canvas->meta[4]);
        canvas->meta[4] = g_date_time_format(t, "%Y-%m-%dT%H:%M:%S");
        if (epoch && *epoch) {
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, canvas->meta[4]);
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, canvas->meta[4]);
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
    if (canvas->format != JB_FORMAT_PNG)
        cairo_surface_finish(canvas->surface);
    cairo_status_t st = cairo_surface_status(canvas->surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_status(canvas->cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, JB_ERROR, jb_cairo_error_code(st), "%s: %s", canvas->path,
                    cairo_status_to_string(st));
        return FALSE;
    }
    if (canvas->svg_text && canvas->svg_text->len) {
        /* cairo has written the drawing; the text goes last, on top, before </svg> */
        GByteArray *b = canvas->bytes;
        const char *end = g_strrstr_len((const char *)b->data, (gssize)b->len, "</svg>");
        if (end) {
            guint at = (guint)(end - (const char *)b->data);
            g_autoptr(GByteArray) tail = g_byte_array_new();
            g_byte_array_append(tail, b->data + at, b->len - at);
            g_byte_array_set_size(b, at);
            g_byte_array_append(b, (const guint8 *)canvas->svg_text->str, canvas->svg_text->len);
            g_byte_array_append(b, tail->data, tail->len);
        }
    }
    if (canvas->format == JB_FORMAT_PDF) {
        long missing = jb_pdf_missing_object(canvas->bytes->data, canvas->bytes->len);
        if (missing >= 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                        "%s: out of memory (cairo left object %ld out of the PDF, as when a "
                        "font cannot be loaded in the memory left); nothing was written",
                        canvas->path, missing);
            return FALSE;
        }
        JbPdfMeta m = {"zh-CN",         canvas->meta[0], canvas->meta[1],
                       canvas->meta[2], canvas->meta[3], canvas->meta[4]};
        if (!jb_pdf_add_meta(canvas->bytes, &m, error)) {
            g_prefix_error(error, "%s: ", canvas->path);
            return FALSE;
        }
    }
    if (canvas->format == JB_FORMAT_PNG) {
        g_byte_array_set_size(canvas->bytes, 0);
        if (!jb_png_encode_dpi(canvas->surface, canvas->bytes, 72 * canvas->scale, error)) {
            g_prefix_error(error, "%s: ", canvas->path);
            return FALSE;
        }
    }
    /* Not fsynced (jb_atomic.h's policy): a chart is remade from its inputs, and the fsync
     * cost ~20 ms a chart, more than drawing and encoding it. */
    return jb_atomic_write_file(canvas->path, canvas->bytes->data, canvas->bytes->len,
                                JB_ATOMIC_NO_SYNC, error);
}

void jb_canvas_set_svg_text(JbCanvas *canvas, gboolean as_text)
{
    if (canvas->format != JB_FORMAT_SVG || !as_text || canvas->svg_text)
        return;
    canvas->svg_text = g_string_new(NULL);
    cairo_set_user_data(canvas->cr, &svg_text_key, canvas->svg_text, NULL);
}

void jb_canvas_free(JbCanvas *canvas)
{
    if (!canvas)
        return;
    if (canvas->svg_text)
        g_string_free(canvas->svg_text, TRUE);
    g_clear_object(&canvas->pango);
    g_clear_pointer(&canvas->cr, cairo_destroy);
    g_clear_pointer(&canvas->surface, cairo_surface_destroy); /* and its pixels: pixels_give */
    g_byte_array_unref(canvas->bytes);
    for (guint i = 0; i < G_N_ELEMENTS(canvas->meta); i++)
        g_free(canvas->meta[i]);
    g_free(canvas->path);
    g_free(canvas);
}
