/* jb_pdf_meta.h — a PDF's language and XMP metadata, added to a finished file (cairo 1.16
 * writes neither). See jb_pdf_meta.c.
 *
 * Not for: drawing (jb_draw), or any PDF but cairo's own (a classic xref table and trailer).
 */
#ifndef JB_PDF_META_H
#define JB_PDF_META_H

#include <glib.h>

typedef struct {
    const char *lang; /* "zh-CN": the catalog's /Lang and dc:language */
    const char *title, *author, *subject, *keywords; /* as in the Info dictionary; may be NULL */
    const char *date;                                /* "2026-01-01T00:00:00" UTC, or NULL */
} JbPdfMeta;

/* Append an incremental update to `pdf` (cairo's complete file): the catalog again with
 * /Lang and /Metadata, and an XMP metadata stream. JB_ERROR_OUTPUT when the file has no
 * trailer and catalog it can extend (nothing appended then). */
gboolean jb_pdf_add_meta(GByteArray *pdf, const JbPdfMeta *meta, GError **error);

/* cairo 1.16 can finish a PDF without error while an object its cross-reference table lists
 * was never written (when pango could not load a font in the memory left: the font subset
 * is missing, and a reader shows a damaged file). The number of the first object the table
 * lists whose offset does not hold "N 0 obj", or -1 when every one does (0: no classic
 * table to check). */
long jb_pdf_missing_object(const guint8 *pdf, gsize len);

#endif
