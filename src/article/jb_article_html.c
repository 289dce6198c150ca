/* jb_article_html.c — the HTML pass: a page read into raw blocks with their source lines
 * (tags, entities, attributes), and what the page says about itself noted (<title>, <meta>,
 * <h1>, the canonical link).
 *
 * HTML is read by a hand-written single-pass tokenizer rather than libxml2's HTML parser:
 * what we need is not a tree but text blocks with exact source lines, tolerance of
 * fragments (text files with a few <p> tags, front matter in front of a <div>), inline tags
 * that vanish without leaving a space, and guaranteed linear time with no depth limit or
 * recursion (libxml2 stops at 256 levels of nesting and reports line numbers per node, not
 * per text run). The tokenizer keeps counters, not a stack: 100000 nested <div> cost
 * nothing, and every search for a closing delimiter starts where the previous one ended or
 * is done at most once per quote kind, so no input makes it quadratic.
 *
 * Not for: the tags it knows and the character references (jb_article_tags.c), cleaning a
 * block's text (jb_article_clean.c) nor Markdown (jb_article_text.c).
 */
#include "jb_article_priv.h"

/* g_ascii_tolower without the call (tag and attribute names, every byte). */
static inline char ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
}

static guint count_newlines(const char *p, const char *end)
{
    guint n = 0;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

/* ---- HTML --------------------------------------------------------------------------- */

static char *decode_entities(const char *s, gsize n)
{
    GString *out = g_string_sized_new(n);
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        if (!amp) {
            g_string_append_len(out, p, end - p);
            break;
        }
        g_string_append_len(out, p, amp - p);
        p = jb_article_decode_entity(amp, end, out);
    }
    return g_string_free(out, FALSE);
}

#define MAX_ATTRS 16
typedef struct {
    char name[24];
    const char *v;
    gsize vlen;
} Attr;

typedef struct {
    Ctx *c;
    const char *end;
    guint line; /* line of the current position */
    GString *para;
    guint para_line; /* 0 while the paragraph holds no visible text */
    int skip_depth;  /* > 0 inside dropped containers */
    int block_depth; /* open block containers; at 0, a line break ends a paragraph */
    int article_depth;
    gboolean p_open;
    gboolean keep_containers;
    gboolean squote_dead, dquote_dead; /* no closing quote of this kind remains */
    const char *drop_name;
    gboolean drop_by_name; /* an advertisement's block: its nested tags of that name count */
    guint drop_line;
    GString *h1;
    gboolean in_h1, h1_done;
    GString *scratch;
    int row_cells;                /* -1 outside a table row, else the cells begun in it */
    JbGrid grid;                  /* the table's cells spanning rows and columns */
    guint tables, layout;         /* open <table>s; bit k: the one at depth k+1 lays out */
    int in_link;                  /* open <a> elements */
    gsize text_bytes, link_bytes; /* the paragraph's visible bytes, and those inside links */
} Html;

/* Is the paragraph mostly link text (a menu, a hot-search line, a list of related stories:
 * 首页 | 资讯 | 降价3268款 | 车型库)? The readability rule of link density: a block whose
 * visible text is at least 70% inside <a> is navigation, not the story. */
static gboolean link_heavy(const Html *h)
{
    return h->link_bytes > 0 && h->link_bytes * 10 >= h->text_bytes * 7;
}

/* Inside a table that lays out the page (jb_article_html_layout.c): its rows and cells are
 * blocks. (Only the four outermost tables are judged: no nesting makes that quadratic.) */
static gboolean in_layout(const Html *h)
{
    return h->tables >= 1 && h->tables <= 4 && (h->layout >> (h->tables - 1) & 1u);
}

static void html_flush(Html *h)
{
    if (h->para->len && h->para_line && !link_heavy(h))
        jb_article_emit(h->c, h->para->str, h->para->len, h->para_line);
    string_clear(h->para);
    h->para_line = 0;
    h->text_bytes = h->link_bytes = 0;
}

static void html_text(Html *h, const char *s, gsize n)
{
    if (h->skip_depth > 0 || n == 0)
        return;
    if (!h->para_line)
        for (gsize i = 0; i < n; i++)
            if ((guchar)s[i] > ' ') {
                h->para_line = h->line;
                break;
            }
    append_len(h->para, s, n);
    gsize visible = jb_article_count_visible(s, n);
    h->text_bytes += visible;
    if (h->in_link > 0)
        h->link_bytes += visible;
    if (h->in_h1)
        g_string_append_len(h->h1, s, n);
}

/* A byte of a tag name lower-cased, 0 for a byte that ends the name (letters, digits and
 * "-:_" continue it): one load per byte of every tag. */
static const char TAG_NAME_CHAR[256] = {
    ['-'] = '-', [':'] = ':', ['_'] = '_', ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3',
    ['4'] = '4', ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9', ['a'] = 'a',
    ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h',
    ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o',
    ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v',
    ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c',
    ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
    ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q',
    ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
    ['Y'] = 'y', ['Z'] = 'z',
};

/* Read a tag name at `p` (lower-cased into buf, "" when too long); returns its end. */
const char *jb_article_tag_name(const char *p, const char *end, char *buf, gsize size)
{
    gsize n = 0;
    gboolean too_long = FALSE;
    char ch;
    while (p < end && (ch = TAG_NAME_CHAR[(guchar)*p]) != 0) {
        if (n + 1 < size)
            buf[n++] = ch;
        else
            too_long = TRUE;
        p++;
    }
    buf[too_long ? 0 : n] = '\0';
    return p;
}

/* Scan the attributes of a start tag from `p` to its '>'; returns the position after '>'
 * or NULL if the file ends first. A quote without a partner makes the value unquoted and
 * is remembered, so that no later tag searches for that quote again. */
static const char *scan_attrs(Html *h, const char *p, Attr *attrs, int *nattrs,
                              gboolean *self_closing)
{
    const char *end = h->end;
    *nattrs = 0;
    *self_closing = FALSE;
    for (;;) {
        while (p < end && (g_ascii_isspace(*p) || *p == '/')) {
            if (*p == '\n')
                h->line++;
            if (*p == '/' && p + 1 < end && p[1] == '>')
                *self_closing = TRUE;
            p++;
        }
        if (p >= end)
            return NULL;
        if (*p == '>')
            return p + 1;
        Attr tmp, *at = *nattrs < MAX_ATTRS ? &attrs[*nattrs] : &tmp;
        gsize n = 0;
        do {
            if (n + 1 < sizeof at->name)
                at->name[n++] = ascii_lower(*p);
            p++;
        } while (p < end && !g_ascii_isspace(*p) && *p != '=' && *p != '>' && *p != '/');
        at->name[n] = '\0';
        at->v = NULL;
        at->vlen = 0;
        const char *q = p;
        while (q < end && g_ascii_isspace(*q))
            q++;
        if (q < end && *q == '=') {
            q++;
            while (q < end && g_ascii_isspace(*q))
                q++;
            h->line += count_newlines(p, q);
            p = q;
            const char *close = NULL;
            if (p < end && (*p == '"' || *p == '\'')) {
                gboolean *dead = *p == '"' ? &h->dquote_dead : &h->squote_dead;
                if (!*dead) {
                    close = memchr(p + 1, *p, (size_t)(end - p - 1));
                    if (!close)
                        *dead = TRUE;
                }
            }
            if (close) {
                at->v = p + 1;
                at->vlen = (gsize)(close - p - 1);
                h->line += count_newlines(p, close);
                p = close + 1;
            } else {
                at->v = p;
                while (p < end && !g_ascii_isspace(*p) && *p != '>')
                    p++;
                at->vlen = (gsize)(p - at->v);
            }
        }
        if (at != &tmp)
            (*nattrs)++;
    }
}

static const Attr *attr(const Attr *attrs, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(attrs[i].name, name) == 0 && attrs[i].v)
            return &attrs[i];
    return NULL;
}

/* The value of attribute `name` copied into buf (a number's few bytes: colspan, rowspan),
 * NUL-terminated; NULL when absent. */
static const char *attr_copy(const Attr *attrs, int n, const char *name, char buf[8])
{
    const Attr *a = attr(attrs, n, name);
    if (!a)
        return NULL;
    gsize len = MIN(a->vlen, 7);
    memcpy(buf, a->v, len);
    buf[len] = '\0';
    return buf;
}

static char *attr_text(const Attr *a)
{
    g_autofree char *d = decode_entities(a->v, a->vlen);
    return jb_article_strip_dup(d);
}

static void html_meta(Html *h, const Attr *attrs, int n)
{
    static const char *const date_keys[] = {
        "pubdate",
        "publishdate",
        "publish_date",
        "publish-date",
        "publishtime",
        "firstpublishedtime",
        "datepublished",
        "article:published_time",
        "og:published_time",
        "og:release_date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "dcterms.date",
        "sailthru.date",
        "parsely-pub-date",
        "weibo:article:create_at",
        "date",
    };
    const Attr *key = attr(attrs, n, "name");
    if (!key)
        key = attr(attrs, n, "property");
    if (!key)
        key = attr(attrs, n, "itemprop");
    const Attr *content = attr(attrs, n, "content");
    if (!key || !content)
        return;
    g_autofree char *k = g_ascii_strdown(key->v, (gssize)key->vlen);
    Ctx *c = h->c;
    if (!c->meta_date)
        for (gsize i = 0; i < G_N_ELEMENTS(date_keys); i++)
            if (strcmp(k, date_keys[i]) == 0) {
                c->meta_date = attr_text(content);
                return;
            }
    if (!c->site_name && strcmp(k, "og:site_name") == 0)
        c->site_name = attr_text(content);
    else if (!c->og_title && strcmp(k, "og:title") == 0)
        c->og_title = attr_text(content);
    else if (!c->og_url && strcmp(k, "og:url") == 0)
        c->og_url = attr_text(content);
    else if (!c->fm_summary && (strcmp(k, "description") == 0 || strcmp(k, "og:description") == 0))
        c->fm_summary = attr_text(content); /* the page's summary, as a front matter's */
}

/* The '<' of "</name" (name case-insensitive) at or after `p`, or NULL. */
static const char *find_end_tag(const char *p, const char *end, const char *name)
{
    gsize n = strlen(name);
    while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if ((gsize)(end - p) >= n + 2 && p[1] == '/' && g_ascii_strncasecmp(p + 2, name, n) == 0 &&
            (p + 2 + n == end || g_ascii_isspace(p[2 + n]) || p[2 + n] == '>' || p[2 + n] == '/'))
            return p;
        p++;
    }
    return NULL;
}

static void dec(int *n)
{
    if (*n > 0)
        (*n)--;
}

/* An element its page marks as the published time (<em id="publish_time">2026年12月5日
 * 18:30</em>, <span class="pubtime">…): its date, as a <meta> date's, when the text holds a
 * whole one. Names are matched in lower case, as pages write them. */
static void html_publish_time(Html *h, const char *name, const Attr *attrs, int nattrs,
                              const char *p)
{
    static const char *const KEYS[] = {
        "publish_time", "publish-time", "publishtime", "pubtime",  "pub_time",
        "pub-time",     "pubdate",      "pub_date",    "pub-date", "publish_date",
        "publish-date", "post-time",    "post_time",   "posttime", NULL};
    if (h->c->meta_date)
        return;
    gboolean marked = FALSE;
    for (int i = 0; i < nattrs && !marked; i++) {
        const Attr *a = &attrs[i];
        if (!a->v || a->vlen > 200 || (strcmp(a->name, "id") != 0 && strcmp(a->name, "class") != 0))
            continue;
        if (!g_strstr_len(a->v, (gssize)a->vlen, "pub") &&
            !g_strstr_len(a->v, (gssize)a->vlen, "post"))
            continue;
        for (const char *const *k = KEYS; *k && !marked; k++)
            marked = g_strstr_len(a->v, (gssize)a->vlen, *k) != NULL;
    }
    const char *q = marked ? find_end_tag(p, h->end, name) : NULL;
    if (!q || q - p > 200)
        return;
    g_autofree char *text = decode_entities(p, (gsize)(q - p));
    for (const char *s = text; *s; s++) {
        const char *e;
        int y, m, d;
        if (g_ascii_isdigit(*s) && (s == text || !g_ascii_isdigit(s[-1]))) {
            if (jb_article_scan_ymd(s, &e, &y, &m, &d) == 3)
                h->c->meta_date = jb_article_format_date(3, y, m, d);
            return; /* (the first number is the date or none is) */
        }
    }
}

/* Does a block's class or id name an advertisement (class="ad-banner", id="ads_top",
 * class="adsbygoogle", "sponsored")? A whole word of it, between - _ or spaces. */
static gboolean ad_block(const Attr *attrs, int nattrs)
{
    static const Lit AD[] = {LIT("ad"),      LIT("ads"),           LIT("adv"),
                             LIT("advert"),  LIT("advertisement"), LIT("adsbygoogle"),
                             LIT("sponsor"), LIT("sponsored"),     LIT("guanggao")};
    for (int i = 0; i < nattrs; i++) {
        const Attr *a = &attrs[i];
        if (!a->v || a->vlen > 200 || (strcmp(a->name, "id") != 0 && strcmp(a->name, "class") != 0))
            continue;
        /* the value's words between " -_\t", each compared without case where it lies: what
         * splitting a lower-cased copy found, without the copies (asked at every block) */
        const char *w = a->v, *end = a->v + a->vlen;
        for (;;) {
            const char *x = w;
            while (x < end && *x != ' ' && *x != '-' && *x != '_' && *x != '\t')
                x++;
            gsize n = (gsize)(x - w);
            char first = n ? g_ascii_tolower(*w) : 0;
            if (first == 'a' || first == 's' || first == 'g')
                for (gsize k = 0; k < G_N_ELEMENTS(AD); k++)
                    if (AD[k].n == n && g_ascii_strncasecmp(w, AD[k].s, n) == 0)
                        return TRUE;
            if (x == end)
                break;
            w = x + 1;
        }
    }
    return FALSE;
}

/* A start tag has been read up to `p` (after its '>'); returns where to continue. */
static const char *html_start(Html *h, const char *name, const Attr *attrs, int nattrs,
                              gboolean self_closing, const char *p, guint tag_line)
{
    if (name[0] == 'a' && !name[1] && !self_closing) {
        h->in_link++;
        return p;
    }
    if (nattrs > 0 && !self_closing)
        html_publish_time(h, name, attrs, nattrs, p);
    const TagInfo *t = jb_article_tag_info(name);
    if (!t)
        return p;
    if (t->flags & T_RAW) {
        const char *q = find_end_tag(p, h->end, name);
        if (!q) {
            jb_article_add_warning(h->c->warnings, "%s:%u: unterminated <%s>; rest of file ignored",
                                   h->c->a->source, tag_line, name);
            return h->end;
        }
        if (strcmp(name, "title") == 0 && !h->c->html_title)
            h->c->html_title = decode_entities(p, (gsize)(q - p));
        if (strcmp(name, "script") == 0) {
            const Attr *type = attr(attrs, nattrs, "type");
            if (type && g_strstr_len(type->v, (gssize)type->vlen, "ld+json"))
                jb_article_json_ld(h->c, p, q); /* schema.org: datePublished, publisher … */
        }
        const char *gt = memchr(q, '>', (size_t)(h->end - q));
        const char *after = gt ? gt + 1 : h->end;
        h->line += count_newlines(p, after);
        return after;
    }
    if (h->skip_depth > 0) {
        if (((t->flags & T_DROP) || (h->drop_by_name && strcmp(t->name, h->drop_name) == 0)) &&
            !self_closing)
            h->skip_depth++;
        return p;
    }
    gboolean ad = (t->flags & T_BLOCK) && !(t->flags & T_DROP) && !self_closing &&
                  !h->keep_containers && ad_block(attrs, nattrs);
    if (ad || ((t->flags & T_DROP) && !self_closing && !h->keep_containers &&
               !((t->flags & T_HEADER) && h->article_depth > 0))) {
        html_flush(h);
        h->skip_depth = 1;
        h->drop_by_name = ad;
        h->drop_name = t->name;
        h->drop_line = tag_line;
        h->c->dropped_container = TRUE;
        return p;
    }
    if ((t->flags & (T_CELL | T_ROW)) && in_layout(h)) {
        html_flush(h);
        return p;
    }
    if (strcmp(name, "table") == 0 && !self_closing) {
        if (h->tables < 4 && h->row_cells < 0 && jb_article_layout_table(p, h->end))
            h->layout |= 1u << h->tables;
        h->tables++;
    }
    if (t->flags & T_META) {
        html_meta(h, attrs, nattrs);
    } else if (t->flags & T_LINK) {
        const Attr *rel = attr(attrs, nattrs, "rel"), *href = attr(attrs, nattrs, "href");
        if (rel && href && !h->c->canonical) {
            g_autofree char *r = g_ascii_strdown(rel->v, (gssize)rel->vlen);
            if (strstr(r, "canonical"))
                h->c->canonical = attr_text(href);
        }
    } else if (t->flags & T_CELL) {
        if (h->row_cells < 0) {
            html_text(h, (char[]){HARD_SPACE}, 1);
        } else {
            char cols[8], rows[8];
            jb_grid_cell_start(&h->grid, h->para, attr_copy(attrs, nattrs, "colspan", cols),
                               attr_copy(attrs, nattrs, "rowspan", rows), strcmp(name, "th") == 0);
            h->row_cells = h->grid.cells;
        }
    } else if (t->flags & T_BLOCK) {
        if (h->row_cells >= 0 && !(t->flags & T_ROW))
            html_text(h, (char[]){HARD_SPACE}, 1); /* a block inside a cell: a space */
        else
            html_flush(h);
        if (t->flags & T_ROW) {
            h->row_cells = 0;
            jb_grid_row_start(&h->grid);
        }
        if (t->flags & T_HEAD) {
            jb_article_begin_section(h->c, NULL, 0, NULL, NULL); /* titled by its heading */
            h->c->next_kind = JB_PARA_HEADING;
        }
        if (t->flags & T_COUNTED) {
            if (h->p_open) { /* a block start closes an open <p> */
                h->p_open = FALSE;
                dec(&h->block_depth);
            }
            h->block_depth++;
            if (t->flags & T_P)
                h->p_open = TRUE;
        }
        if (t->flags & T_ARTICLE)
            h->article_depth++;
        if ((t->flags & T_H1) && !h->h1_done) {
            h->in_h1 = TRUE;
            if (h->h1)
                string_clear(h->h1);
            else
                h->h1 = g_string_new(NULL); /* (made at the first <h1>: fragments have none) */
        }
    }
    return p;
}

static void html_end(Html *h, const char *name)
{
    if (name[0] == 'a' && !name[1]) {
        dec(&h->in_link);
        return;
    }
    const TagInfo *t = jb_article_tag_info(name);
    if (!t)
        return;
    if (h->skip_depth > 0) {
        if (((t->flags & T_DROP) || (h->drop_by_name && strcmp(t->name, h->drop_name) == 0)) &&
            --h->skip_depth == 0) {
            h->drop_name = NULL;
            h->drop_by_name = FALSE;
        }
        return;
    }
    if ((t->flags & (T_CELL | T_ROW)) && in_layout(h)) {
        html_flush(h);
        return;
    }
    if (t->flags & T_CELL) {
        if (h->row_cells < 0)
            html_text(h, (char[]){HARD_SPACE}, 1);
        else
            jb_grid_cell_end(&h->grid, h->para);
        return;
    }
    if (!(t->flags & T_BLOCK))
        return;
    if ((t->flags & T_ROW) && h->row_cells >= 0) {
        jb_grid_row_end(&h->grid, h->para);
        h->row_cells = h->grid.cells;
    }
    if (strcmp(name, "table") == 0) {
        jb_grid_clear(&h->grid); /* (what spans down ends with its table) */
        if (h->tables > 0 && --h->tables < 4)
            h->layout &= ~(1u << h->tables);
    }
    if (t->flags & T_ROW) {
        if (h->row_cells > 0)
            h->c->next_kind = JB_PARA_TABLE;
        h->row_cells = -1;
    }
    if (h->row_cells >= 0)
        html_text(h, (char[]){HARD_SPACE}, 1); /* a block inside a cell ends: a space */
    else
        html_flush(h);
    if (t->flags & T_COUNTED) {
        if (h->p_open) {
            h->p_open = FALSE;
            dec(&h->block_depth);
            if (!(t->flags & T_P))
                dec(&h->block_depth);
        } else if (!(t->flags & T_P)) { /* a stray </p> closes nothing */
            dec(&h->block_depth);
        }
    }
    if (t->flags & T_ARTICLE)
        dec(&h->article_depth);
    if ((t->flags & T_H1) && h->in_h1) {
        h->in_h1 = FALSE;
        g_autofree char *t1 = jb_article_clean_text(h->h1->str, h->h1->len);
        if (t1 && !h->c->h1) {
            h->c->h1 = g_steal_pointer(&t1);
            h->h1_done = TRUE;
        }
    }
}

/* Markup at `p` ('<'); returns where to continue. */
static const char *html_markup(Html *h, const char *p)
{
    const char *end = h->end, *src = h->c->a->source;
    guint line0 = h->line;
    char n = p + 1 < end ? p[1] : '\0';
    if (n == '!' || n == '?') {
        const char *close;
        gsize skip;
        if (n == '!' && end - p >= 4 && p[2] == '-' && p[3] == '-') {
            close = (end - p >= 5 && p[4] == '>') ? p + 2
                                                  : memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
            skip = 3;
            if (!close) {
                jb_article_add_warning(h->c->warnings,
                                       "%s:%u: unterminated comment; rest of file ignored", src,
                                       line0);
                return end;
            }
        } else {
            close = memchr(p, '>', (size_t)(end - p));
            skip = 1;
            if (!close) {
                jb_article_add_warning(h->c->warnings,
                                       "%s:%u: unterminated <%c…>; rest of file ignored", src,
                                       line0, n);
                return end;
            }
        }
        h->line += count_newlines(p, close + skip);
        return close + skip;
    }
    char name[16];
    if (n == '/' && p + 2 < end && g_ascii_isalpha(p[2])) {
        jb_article_tag_name(p + 2, end, name, sizeof name);
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) {
            jb_article_add_warning(h->c->warnings,
                                   "%s:%u: unterminated tag </%s; rest of file ignored", src, line0,
                                   name);
            return end;
        }
        h->line += count_newlines(p, gt);
        html_end(h, name);
        return gt + 1;
    }
    if (g_ascii_isalpha(n)) {
        const char *q = jb_article_tag_name(p + 1, end, name, sizeof name);
        Attr attrs[MAX_ATTRS];
        int nattrs;
        gboolean self_closing;
        const char *after = scan_attrs(h, q, attrs, &nattrs, &self_closing);
        if (!after) {
            jb_article_add_warning(h->c->warnings,
                                   "%s:%u: unterminated tag <%s; rest of file ignored", src, line0,
                                   name);
            return end;
        }
        return html_start(h, name, attrs, nattrs, self_closing, after, line0);
    }
    html_text(h, "<", 1); /* "<5%", "a < b": text */
    return p + 1;
}

void jb_article_html_pass(Ctx *c, const char *s, const char *end, guint line0, gboolean keep)
{
    Html h = {
        .c = c,
        .end = end,
        .line = line0,
        .para = g_string_sized_new(BLOCK_BUF_SIZE),
        .keep_containers = keep,
        .row_cells = -1,
    };
    const char *p = s;
    while (p < end) {
        if (h.skip_depth > 0) {
            const char *lt = memchr(p, '<', (size_t)(end - p));
            if (!lt) {
                p = end;
                break;
            }
            h.line += count_newlines(p, lt);
            p = lt;
        }
        char ch = *p;
        if (ch == '<') {
            p = html_markup(&h, p);
        } else if (ch == '&') {
            if (h.scratch)
                string_clear(h.scratch);
            else
                h.scratch = g_string_new(
                    NULL); /* (made at the first entity: many pages have none) */
            p = jb_article_decode_entity(p, end, h.scratch);
            html_text(&h, h.scratch->str, h.scratch->len);
        } else if (ch == '\n') {
            /* Outside any block container (a fragment: text with a few tags), lines are
             * paragraphs as in a text file; inside one, a line break is white space. */
            if (h.block_depth == 0)
                html_flush(&h);
            else
                html_text(&h, "\n", 1);
            h.line++;
            p++;
        } else {
            const char *q = skip_to_any(p, end, '<', '&', '\n');
            html_text(&h, p, (gsize)(q - p));
            p = q;
        }
    }
    html_flush(&h);
    if (h.skip_depth > 0) {
        c->unclosed_name = h.drop_name;
        c->unclosed_line = h.drop_line;
    }
    if (h.scratch)
        g_string_free(h.scratch, TRUE);
    g_string_free(h.para, TRUE);
    if (h.h1)
        g_string_free(h.h1, TRUE);
    jb_grid_clear(&h.grid);
}
