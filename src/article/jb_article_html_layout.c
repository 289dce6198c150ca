/* jb_article_html_layout.c — a <table> used to lay out a page rather than to hold data.
 * Older sites (government and association CMSs above all) draw the whole page in tables:
 * the logo and the menu in one row, then one cell holding the headline, the date line and
 * every paragraph of the story, then the footer. Read as a data table, that cell is one
 * row of one cell and the story is lost; read as a layout, each cell is a block and its
 * paragraphs are paragraphs.
 *
 * A table is judged once, at its start, from its markup up to its end: it lays out the
 * page when it holds another table, or when one of its own cells holds prose — three
 * sentence ends (。！？) or more, with paragraphs or line breaks (<p>, <br>, <div>) between
 * them, that cell's text at least half the table's, and fewer than four cells of a figure
 * alone. The cells of a data table hold figures, labels or a short note, never three
 * sentences in paragraphs; a long note under a small table (注：1.…。2.…。) is no layout
 * for its figures. What lies past SCAN_MAX bytes is not looked at.
 *
 * Not for: reading the markup (jb_article_html.c), a data table's grid
 * (jb_article_html_grid.c).
 */
#include "jb_article_priv.h"

#include <string.h>

#define SCAN_MAX (1 << 20)

typedef struct {
    int marks, breaks; /* in the open cell: sentence ends, paragraph and line breaks */
    gsize bytes;       /* the open cell's visible bytes */
    gsize prose;       /* the most visible bytes of a cell holding prose */
    gsize total;       /* the table's visible bytes */
    gboolean digit;    /* the open cell holds a digit */
    int figures;       /* cells of a figure alone or nearly (2150, -2.4, 3.8%) */
} Scan;

static void cell_done(Scan *s)
{
    if (s->marks >= 3 && s->breaks >= 2 && s->bytes > s->prose)
        s->prose = s->bytes;
    if (s->digit && s->bytes <= 16)
        s->figures++;
    s->marks = s->breaks = 0;
    s->bytes = 0;
    s->digit = FALSE;
}

/* Sentence ends in the text [p, e): 。！？ (E3 80 82, EF BC 81, EF BC 9F). */
static int sentence_marks(const char *p, const char *e)
{
    int n = 0;
    for (; p + 2 < e; p++)
        if (((guchar)p[0] == 0xE3 && (guchar)p[1] == 0x80 && (guchar)p[2] == 0x82) ||
            ((guchar)p[0] == 0xEF && (guchar)p[1] == 0xBC &&
             ((guchar)p[2] == 0x81 || (guchar)p[2] == 0x9F)))
            n++;
    return n;
}

gboolean jb_article_layout_table(const char *p, const char *end)
{
    if (end - p > SCAN_MAX)
        end = p + SCAN_MAX;
    Scan s = {0};
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        const char *text_end = lt ? lt : end;
        gsize visible = jb_article_count_visible(p, (gsize)(text_end - p));
        s.bytes += visible;
        s.total += visible;
        s.marks += sentence_marks(p, text_end);
        for (const char *q = p; q < text_end && !s.digit; q++)
            s.digit = g_ascii_isdigit(*q);
        if (!lt)
            break;
        if (end - lt >= 4 && memcmp(lt, "<!--", 4) == 0) {
            const char *close = memmem(lt + 4, (size_t)(end - lt - 4), "-->", 3);
            p = close ? close + 3 : end;
            continue;
        }
        gboolean closing = lt + 1 < end && lt[1] == '/';
        char name[8];
        jb_article_tag_name(lt + 1 + closing, end, name, sizeof name);
        const char *gt = memchr(lt, '>', (size_t)(end - lt));
        p = gt ? gt + 1 : end;
        if (strcmp(name, "table") == 0) {
            if (!closing)
                return TRUE; /* a table inside a table: the outer one lays out */
            break;
        } else if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0 || strcmp(name, "tr") == 0) {
            cell_done(&s);
        } else if (strcmp(name, "p") == 0 || strcmp(name, "br") == 0 || strcmp(name, "div") == 0) {
            s.breaks += !closing;
        }
    }
    cell_done(&s);
    return s.prose > 0 && s.prose * 2 >= s.total && s.figures < 4;
}
