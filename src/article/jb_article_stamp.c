/* jb_article_stamp.c — a live page's entry time stamps kept with their entries.
 *
 * A live blog (滚动直播, 7×24) puts each entry's time of day in markup of its own, before the
 * entry (<span class="t">15:45</span><p>【本周回顾】…), or on a short line of its own in text.
 * Alone, such a line is junk (only a number) and is dropped; but it is what tells the
 * extractor that an entry is an item of its own, whose opening period (本周回顾's week) dates
 * no later entry. So a dropped stamp is held and glued to the front of the next paragraph
 * kept, as a page that writes the stamp inline has it (15:45【收评】…).
 */
#include "jb_article_priv.h"

/* Is the block only a time of day, H:MM, HH:MM or HH:MM:SS (a colon full width too)? */
static gboolean time_alone(const char *p, gsize len)
{
    int parts[3], n = 0;
    const char *e = p + len;
    while (p < e && n < 3) {
        int v, nd;
        p = scan_digits(p, 2, &v, &nd);
        if (!nd || (n > 0 && nd != 2))
            return FALSE;
        parts[n++] = v;
        if (p == e)
            break;
        if (*p == ':')
            p++;
        else if (starts_with(p, "："))
            p += strlen("：");
        else
            return FALSE;
    }
    return p == e && n >= 2 && parts[0] < 24 && parts[1] < 60 && (n < 3 || parts[2] < 60);
}

void jb_article_hold_stamp(Ctx *c, const JunkPara *j)
{
    /* (the first test a byte: most dropped blocks hold no digit) */
    if (!j->digit || j->n > 8 || !time_alone(j->p, j->len))
        return;
    memcpy(c->stamp, j->p, j->len);
    c->stamp[j->len] = '\0';
}

char *jb_article_keep_text(Ctx *c, const char *p, gsize len, guint8 kind)
{
    GStringChunk *chunk = c->a->para_text;
    if (!c->stamp[0])
        return g_string_chunk_insert_len(chunk, p, (gssize)len);
    /* (a heading or a table row is no entry: the stamp is forgotten) */
    gboolean glue = kind == JB_PARA_BODY;
    /* (a space only where the entry opens with a digit or letter, which would run on) */
    g_autofree char *s = glue ? g_strdup_printf("%s%s%.*s", c->stamp,
                                                g_ascii_isalnum(*p) ? " " : "", (int)len, p)
                              : NULL;
    c->stamp[0] = '\0';
    return s ? g_string_chunk_insert(chunk, s) : g_string_chunk_insert_len(chunk, p, (gssize)len);
}
