/* PDF document language and XMP metadata, which cairo 1.16 cannot write.
 *
 * WPS, Word, PowerPoint and Acrobat read a PDF's language from the catalog's /Lang (screen
 * readers and "read aloud" need it; Acrobat's accessibility check flags its absence) and its
 * title, author and dates from the XMP packet before the Info dictionary. cairo writes
 * neither, so the finished file gets an incremental update (PDF 1.7, 7.5.6): the catalog
 * again with /Lang and /Metadata, a metadata stream, and an xref section pointing back to
 * cairo's. Readers take the newest objects; the bytes before stay cairo's own. No library in
 * Debian edits a PDF in memory from C short of qpdf's C++ API, hence this file.
 */
#include "jb_pdf_meta.h"

#include "jb_common.h"

#include <stdlib.h>
#include <string.h>

/* The last occurrence of `needle` in the first `len` bytes of `hay`, or NULL. */
static const char *last_of(const char *hay, gsize len, const char *needle)
{
    gsize n = strlen(needle);
    for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (memcmp(hay + i, needle, n) == 0)
            return hay + i;
    return NULL;
}

/* The integer after `key` in the trailer dictionary ("/Size 22" → 22), or -1. */
static long trailer_int(const char *trailer, const char *end, const char *key)
{
    const char *k = g_strstr_len(trailer, end - trailer, key);
    return k ? strtol(k + strlen(key), NULL, 10) : -1;
}

/* The first subsection of the classic xref table at byte `xref` (just after "xref"), or NULL
 * when there is none there (cairo writes one; a cross-reference stream is not read). */
static const char *xref_table(const char *pdf, gsize len, long xref)
{
    if (xref < 0 || (gsize)xref + 4 >= len || strncmp(pdf + xref, "xref", 4) != 0)
        return NULL;
    return pdf + xref + 4;
}

/* The header "FIRST COUNT" of the subsection at *p: FALSE at "trailer" (the table's end),
 * else TRUE with *p at the subsection's first 20-byte entry. */
static gboolean xref_subsection(const char **p, const char *end, long *first, long *count)
{
    const char *q = *p;
    char *next;
    while (q < end && g_ascii_isspace(*q))
        q++;
    *first = strtol(q, &next, 10);
    if (next == q)
        return FALSE;
    *count = strtol(next, &next, 10);
    while (next < end && *next != '\n')
        next++;
    *p = next + 1;
    return TRUE;
}

/* The byte offset of object `num` from the classic xref table at `xref`, or -1. */
static long object_offset(const char *pdf, gsize len, long xref, long num)
{
    const char *p = xref_table(pdf, len, xref), *end = pdf + len;
    long first, count;
    if (!p)
        return -1;
    while (p < end) {
        if (!xref_subsection(&p, end, &first, &count))
            return -1; /* "trailer": not in this table */
        if (num >= first && num < first + count) {
            const char *entry = p + (num - first) * 20;
            return entry + 20 <= end ? strtol(entry, NULL, 10) : -1;
        }
        p += count * 20;
    }
    return -1;
}

long jb_pdf_missing_object(const guint8 *data, gsize len)
{
    const char *pdf = (const char *)data;
    const char *sx = last_of(pdf, len, "startxref");
    long xref = sx ? strtol(sx + 9, NULL, 10) : -1;
    const char *p = xref_table(pdf, len, xref), *end = pdf + len;
    long first, count;
    if (!p)
        return 0; /* not cairo's classic table: jb_pdf_add_meta says so */
    while (p < end) {
        if (!xref_subsection(&p, end, &first, &count))
            return -1; /* "trailer": every entry checked */
        for (long i = 0; i < count; i++, p += 20) {
            if (p + 20 > end)
                return first + i;
            if (p[17] != 'n')
                continue; /* a free entry */
            long at = strtol(p, NULL, 10);
            char head[32];
            int hn = g_snprintf(head, sizeof head, "%ld 0 obj", first + i);
            if (at < 0 || (gsize)at + (gsize)hn > len || memcmp(pdf + at, head, (gsize)hn) != 0)
                return first + i;
        }
    }
    return -1;
}

static void xml_text(GString *out, const char *s)
{
    g_autofree char *esc = g_markup_escape_text(s ? s : "", -1);
    g_string_append(out, esc);
}

static char *xmp_packet(const JbPdfMeta *m)
{
    GString *x = g_string_new(
        "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\"\n"
        "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
    g_string_append(
        x,
        "<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
    xml_text(x, m->title);
    g_string_append(x, "</rdf:li></rdf:Alt></dc:title>\n<dc:creator><rdf:Seq><rdf:li>");
    xml_text(x, m->author);
    g_string_append(x, "</rdf:li></rdf:Seq></dc:creator>\n");
    if (m->subject && *m->subject) {
        g_string_append(x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        xml_text(x, m->subject);
        g_string_append(x, "</rdf:li></rdf:Alt></dc:description>\n");
    }
    g_string_append(x, "<dc:language><rdf:Bag><rdf:li>");
    xml_text(x, m->lang);
    g_string_append(x, "</rdf:li></rdf:Bag></dc:language>\n");
    if (m->keywords && *m->keywords) {
        g_string_append(x, "<pdf:Keywords>");
        xml_text(x, m->keywords);
        g_string_append(x, "</pdf:Keywords>\n");
    }
    g_string_append(x, "<xmp:CreatorTool>jianbao " JB_VERSION "</xmp:CreatorTool>\n");
    if (m->date && *m->date) {
        g_string_append_printf(x, "<xmp:CreateDate>%sZ</xmp:CreateDate>\n", m->date);
        g_string_append_printf(x, "<xmp:ModifyDate>%sZ</xmp:ModifyDate>\n", m->date);
        g_string_append_printf(x, "<xmp:MetadataDate>%sZ</xmp:MetadataDate>\n", m->date);
    }
    g_string_append(x, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
    return g_string_free(x, FALSE);
}

gboolean jb_pdf_add_meta(GByteArray *pdf, const JbPdfMeta *m, GError **error)
{
    const char *b = (const char *)pdf->data;
    gsize len = pdf->len;
    const char *sx = last_of(b, len, "startxref");
    const char *tr = sx ? last_of(b, (gsize)(sx - b), "trailer") : NULL;
    long xref = sx ? strtol(sx + 9, NULL, 10) : -1;
    long size = tr ? trailer_int(tr, sx, "/Size") : -1,
         root = tr ? trailer_int(tr, sx, "/Root") : -1,
         info = tr ? trailer_int(tr, sx, "/Info") : -1;
    long at = object_offset(b, len, xref, root);
    const char *obj = at >= 0 && (gsize)at < len ? b + at : NULL;
    const char *open = obj ? g_strstr_len(obj, (gssize)(len - (gsize)at), "<<") : NULL;
    const char *close = open ? g_strstr_len(open, (gssize)(len - (gsize)(open - b)), "endobj")
                             : NULL;
    if (size < 1 || root < 1 || !close) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT,
                    "PDF metadata: cairo's file has no classic trailer and catalog to extend");
        return FALSE;
    }
    g_autofree char *rest = g_strndup(open + 2, (gsize)(close - open - 2)); /* after "<<" */
    g_autofree char *xmp = xmp_packet(m);
    long meta = size;
    g_autoptr(GString) u = g_string_new(NULL);
    if (b[len - 1] != '\n')
        g_string_append_c(u, '\n');
    gsize base = len + u->len;
    gsize cat_at = base;
    g_string_append_printf(u, "%ld 0 obj\n<< /Lang (%s) /Metadata %ld 0 R%s", root, m->lang, meta,
                           rest);
    g_string_append(u, "endobj\n");
    gsize meta_at = base + u->len;
    g_string_append_printf(
        u,
        "%ld 0 obj\n<< /Type /Metadata /Subtype /XML /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
        meta, strlen(xmp) + 0, xmp);
    gsize xref_at = base + u->len;
    g_string_append_printf(u, "xref\n%ld 1\n%010zu 00000 n \n%ld 1\n%010zu 00000 n \n", root,
                           cat_at, meta, meta_at);
    g_string_append_printf(u, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", meta + 1, root);
    if (info > 0)
        g_string_append_printf(u, "   /Info %ld 0 R\n", info);
    g_string_append_printf(u, "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", xref, xref_at);
    g_byte_array_append(pdf, (const guint8 *)u->str, (guint)u->len);
    return TRUE;
}
