/* jb_article.c — see jb_article.h.
 *
 * The pipeline: bytes → (BOM, NUL and size checks) → valid UTF-8 with LF line ends →
 * optional YAML front matter → body read as HTML, Markdown or text into raw blocks, each
 * with its start line → each block cleaned (whitespace collapsed, jb_normalize) → header
 * dates noticed → junk rules applied → paragraphs.
 *
 * The passes live in files of their own (see jb_article_priv.h); this file puts them
 * together, decides which pass a file gets (its shape) and picks the title and date.
 */
#include "jb_article_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER_DATE_BLOCKS 30   /* look for a date line in this many first blocks */
#define TITLE_MAX_CHARS 40      /* a text file's first line is its title if this short */
#define ARTICLE_PARAGRAPHS 16  /* room made at first for this many paragraphs */

/* ---- small helpers ------------------------------------------------------------------ */

void jb_article_add_warning(GPtrArray *warnings, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(warnings, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

char *jb_article_strip_dup(const char *s)
{
    return g_strstrip(g_strdup(s));
}

static gboolean only_space(const char *s)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!is_space_char(c) && !is_invisible_char(c))
            return FALSE;
    }
    return TRUE;
}

/* ---- shape ------------------------------------------------------------------------- */

static gboolean has_ext(const char *path, const char *const *exts)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return FALSE;
    for (; *exts; exts++)
        if (g_ascii_strcasecmp(dot + 1, *exts) == 0)
            return TRUE;
    return FALSE;
}

static JbShape detect_shape(const char *path, const char *s, const char *end, gboolean fm)
{
    static const char *const html_exts[] = {"html", "htm", "xhtml", "shtml", NULL};
    static const char *const md_exts[] = {"md", "markdown", "mdown", "mkd", NULL};
    const char *lim = end - s > 65536 ? s + 65536 : end;
    guint tags = 0;
    /* Without front matter or a Markdown name, three tags make it HTML whatever follows
     * (later tags could only make it HTML too): the search stops there. */
    gboolean md = fm || has_ext(path, md_exts);
    for (const char *p = s; p < lim && (p = memchr(p, '<', (size_t)(lim - p))) != NULL; p++) {
        if (tags >= 3 && !md)
            return JB_SHAPE_HTML;
        if (lim - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            tags++;
            continue;
        }
        if (p + 1 < lim && p[1] == '!' && lim - p >= 9 && g_ascii_strncasecmp(p, "<!doctype", 9) == 0)
            return JB_SHAPE_HTML;
        const char *q = p + 1 + (p + 1 < lim && p[1] == '/');
        char name[16];
        jb_article_tag_name(q, lim, name, sizeof name);
        if (strcmp(name, "html") == 0 || strcmp(name, "body") == 0 || strcmp(name, "head") == 0)
            return JB_SHAPE_HTML;
        if (jb_article_tag_info(name) || strcmp(name, "a") == 0 || strcmp(name, "span") == 0 ||
            strcmp(name, "img") == 0 || strcmp(name, "strong") == 0 || strcmp(name, "b") == 0 ||
            strcmp(name, "em") == 0 || strcmp(name, "i") == 0 || strcmp(name, "font") == 0)
            tags++;
    }
    if (md) {
        /* Markdown may hold inline HTML; only a body that opens with a tag is HTML. */
        const char *q = s;
        while (q < end && g_ascii_isspace(*q))
            q++;
        return q < end && *q == '<' && tags >= 2 ? JB_SHAPE_HTML : JB_SHAPE_MARKDOWN;
    }
    if (tags >= 3 || (tags >= 1 && has_ext(path, html_exts)))
        return JB_SHAPE_HTML;
    /* Markdown signs: a heading or a fence at a line start, "](" or "**" anywhere. */
    guint score = 0;
    for (const char *p = s; p < lim && score < 4;) { /* p: a line start */
        const char *h = p;
        while (h < lim && *h == '#')
            h++;
        if (h > p && h - p <= 6 && h < lim && *h == ' ')
            score += 2;
        if (lim - p >= 3 && memcmp(p, "```", 3) == 0)
            score += 2;
        const char *q = p;
        for (;;) {
            q = skip_to_any(q, lim, ']', '*', '\n');
            if (q == lim || *q == '\n')
                break;
            if (q + 1 < lim && ((q[0] == ']' && q[1] == '(') || (q[0] == '*' && q[1] == '*')))
                score++;
            q++;
        }
        p = q + 1;
    }
    return score >= 4 ? JB_SHAPE_MARKDOWN : JB_SHAPE_TEXT;
}

/* ---- title -------------------------------------------------------------------------- */

/* "标题_新浪财经_新浪网" → "标题": cut short site names after _ | ｜ or a spaced dash. */
static void cut_site_suffix(char *t)
{
    static const char *const seps[] = {"_", "|", "｜", " - ", " — ", " – ", " -- "};
    for (;;) {
        /* the separator that starts last: one backward scan (a g_strrstr per separator
         * cost more than the rest of a short article's title handling) */
        char *best = NULL;
        gsize bestlen = 0, n = strlen(t);
        for (gsize at = n; at-- > 0 && !best;) {
            if (t[at] != '_' && t[at] != '|' && t[at] != ' ' && t[at] != '\xEF')
                continue; /* no separator starts with another byte */
            for (gsize i = 0; i < G_N_ELEMENTS(seps); i++) {
                gsize k = strlen(seps[i]);
                if (k <= n - at && memcmp(t + at, seps[i], k) == 0) {
                    best = t + at;
                    bestlen = k;
                    break;
                }
            }
        }
        if (!best || g_utf8_strlen(best + bestlen, -1) > 16 || g_utf8_strlen(t, best - t) < 6)
            return;
        *best = '\0';
        g_strchomp(t);
    }
}

static char *clean_title(const char *raw)
{
    if (!raw)
        return NULL;
    return jb_article_clean_text(raw, strlen(raw));
}

/* ---- putting it together ------------------------------------------------------------ */

/* Forget what a body pass found (but its warnings). */
static void ctx_forget(Ctx *c)
{
    c->nblocks = 0;
    c->cutting = FALSE;
    c->nlines = 0;
    if (c->line_more)
        g_array_set_size(c->line_more, 0);
    g_clear_pointer(&c->html_title, g_free);
    g_clear_pointer(&c->og_title, g_free);
    g_clear_pointer(&c->h1, g_free);
    g_clear_pointer(&c->meta_date, g_free);
    g_clear_pointer(&c->canonical, g_free);
    g_clear_pointer(&c->og_url, g_free);
    g_clear_pointer(&c->md_heading, g_free);
    c->dropped_container = FALSE;
    c->unclosed_name = NULL;
    c->unclosed_line = 0;
    g_clear_pointer(&c->header_date, g_free);
}

/* Forget what a body pass found, its warnings too, to do it again. */
static void ctx_reset(Ctx *c)
{
    ctx_forget(c);
    g_ptr_array_set_size(c->warnings, c->warnings_mark);
}

static void ctx_clear(Ctx *c)
{
    ctx_forget(c);
    g_free(c->clean);
    if (c->line_more)
        g_array_unref(c->line_more);
    g_free(c->fm_title);
    g_free(c->fm_date);
    g_free(c->fm_url);
}

/* A cleaned block `p` (`len` bytes, not kept by the caller): noticed if it is a date line
 * such as "更新时间:2026-01-21 23:13" among the first blocks (such lines are junk and do not
 * survive as paragraphs), then the junk rules applied and, if it is no junk, added to
 * a->paragraphs (and for a text file maybe taken as the title). */
static void add_paragraph(Ctx *c, JunkPara *j, guint line)
{
    JbArticle *a = c->a;
    const char *p = j->p;
    gsize len = j->len;
    if (c->nblocks++ < HEADER_DATE_BLOCKS && !c->header_date) {
        int y, m, d;
        /* (every form of a header date has ASCII digits) */
        j->header_line = j->digit && jb_article_header_ymd(p, j->n,
                                                           junk_has_key(j, (int)junk_key("来")),
                                                           &y, &m, &d);
        if (j->header_line)
            c->header_date = jb_article_format_date(3, y, m, d);
    }
    if (c->cutting)
        return;
    JunkVerdict v = jb_article_junk_verdict(j);
    if (v == CUT && a->paragraphs->len > 0)
        c->cutting = TRUE;
    if (v != KEEP)
        return;
    if (a->shape == JB_SHAPE_TEXT && a->paragraphs->len == 0 && !a->title &&
        j->n <= TITLE_MAX_CHARS && !jb_article_ends_sentence(p, p + len)) {
        g_free(a->title);
        a->title = g_strdup(p);
    }
    g_ptr_array_add(a->paragraphs, g_memdup2(p, len + 1));
    if (c->nlines < G_N_ELEMENTS(c->line_buf)) {
        c->line_buf[c->nlines] = line;
    } else {
        if (!c->line_more)
            c->line_more = g_array_new(FALSE, FALSE, sizeof(guint));
        g_array_append_val(c->line_more, line);
    }
    c->nlines++;
}

/* A raw block found at `line`: cleaned, then kept as a paragraph unless it is junk. */
void jb_article_emit(Ctx *c, const char *raw, gsize n, guint line)
{
    /* cleaned in a buffer kept for the article: only paragraphs that are kept get their own */
    if (c->clean_cap < n + 1) {
        g_free(c->clean);
        /* (at first room for a long paragraph: growing by the blocks met costs more) */
        c->clean_cap = MAX(MAX(n + 1, 2 * c->clean_cap), 2 * BLOCK_BUF_SIZE);
        c->clean = g_malloc(c->clean_cap);
    }
    JunkPara j;
    if (jb_article_clean_into(raw, n, c->clean, &j))
        add_paragraph(c, &j, line);
}
static void set_str(char **field, char *value)
{
    if (value && *value) {
        g_free(*field);
        *field = value;
    } else {
        g_free(value);
    }
}

static void body_pass(Ctx *c, const char *s, const char *end, guint line, gboolean keep)
{
    switch (c->a->shape) {
    case JB_SHAPE_HTML:
        jb_article_html_pass(c, s, end, line, keep);
        break;
    case JB_SHAPE_MARKDOWN:
        jb_article_markdown_pass(c, s, end, line);
        break;
    default:
        jb_article_text_pass(c, s, end, line);
        break;
    }
}

/* jb_article_parse; `owned` as for jb_article_decode(). */
static JbArticle *parse(const char *source, const char *data, gsize len, char *owned,
                        const char *encoding, const char *published_override, GError **error)
{
    g_autofree char *override = NULL;
    if (published_override && *published_override) {
        override = jb_article_parse_date(published_override);
        if (!override) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s: published date '%s' is not a date (want YYYY-MM-DD)", source,
                        published_override);
            return NULL;
        }
    }
    if (len > JB_ARTICLE_MAX_BYTES) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: too large (%zu bytes; the limit is %u)",
                    source, len, JB_ARTICLE_MAX_BYTES);
        return NULL;
    }
    if (len == 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: empty", source);
        return NULL;
    }
    g_autoptr(JbArticle) a = g_new0(JbArticle, 1);
    a->source = g_strdup(source);
    /* title, published and url stay NULL until found (set_str), "" only if never found:
     * each would otherwise be allocated twice */
    /* room for a typical article's paragraphs: growing from nothing reallocates thrice */
    a->paragraphs = g_ptr_array_new_full(ARTICLE_PARAGRAPHS, g_free);
    a->lines = g_array_sized_new(FALSE, FALSE, sizeof(guint), ARTICLE_PARAGRAPHS);
    a->warnings = g_ptr_array_new_with_free_func(g_free);

    Text text;
    if (!jb_article_decode(a, data, len, owned, encoding, &text, error))
        return NULL;
    if (only_space(text.str)) {
        g_free(text.mem);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: empty", source);
        return NULL;
    }

    Ctx c = {
        .a = a,
        .warnings = a->warnings, /* (body pass warnings are added where they belong) */
    };
    jb_article_junk_init(); /* add_paragraph reads its tables */
    guint body_line = 1;
    gsize body = jb_article_front_matter(&c, text.str, text.len, &body_line);
    const char *s = text.str + body, *end = text.str + text.len;
    a->shape = detect_shape(source, s, end, body > 0);

    c.warnings_mark = a->warnings->len;
    body_pass(&c, s, end, body_line, FALSE);
    if (a->shape == JB_SHAPE_HTML &&
        (c.unclosed_name || (c.dropped_container && a->paragraphs->len == 0))) {
        /* A <nav> never closed, or a <form> around the whole page: read again keeping the
         * text of such containers (their junk still meets the junk rules). */
        g_autofree char *why =
            c.unclosed_name ? g_strdup_printf("%s:%u: <%s> is never closed; its text is kept",
                                              source, c.unclosed_line, c.unclosed_name)
                            : NULL;
        ctx_reset(&c);
        g_ptr_array_set_size(a->paragraphs, 0);
        if (why)
            g_ptr_array_add(c.warnings, g_steal_pointer(&why));
        body_pass(&c, s, end, body_line, TRUE);
    }

    g_array_append_vals(a->lines, c.line_buf, MIN(c.nlines, G_N_ELEMENTS(c.line_buf)));
    if (c.line_more)
        g_array_append_vals(a->lines, c.line_more->data, c.line_more->len);

    /* title */
    g_autofree char *html_title = clean_title(c.html_title);
    if (html_title)
        cut_site_suffix(html_title);
    if (c.fm_title)
        set_str(&a->title, clean_title(c.fm_title));
    else if (c.og_title)
        set_str(&a->title, clean_title(c.og_title));
    else if (html_title && *html_title && !(c.h1 && strstr(html_title, c.h1)))
        set_str(&a->title, g_steal_pointer(&html_title));
    else if (c.h1)
        set_str(&a->title, g_strdup(c.h1));
    else if (c.md_heading)
        set_str(&a->title, g_strdup(c.md_heading));

    /* url */
    if (c.fm_url)
        set_str(&a->url, jb_article_strip_dup(c.fm_url));
    else if (c.canonical)
        set_str(&a->url, g_strdup(c.canonical));
    else if (c.og_url)
        set_str(&a->url, g_strdup(c.og_url));

    /* date: override, front matter, <meta>, a header line, the URL */
    char *date = NULL;
    if (override) {
        date = g_steal_pointer(&override);
    } else if (c.fm_date && (date = jb_article_parse_date(c.fm_date)) == NULL) {
        jb_article_add_warning(a->warnings, "%s:%u: front matter date '%s' not understood", source,
                               c.fm_date_line, c.fm_date);
    }
    if (!date && c.meta_date)
        date = jb_article_parse_date(c.meta_date);
    if (!date)
        date = g_steal_pointer(&c.header_date);
    if (!date && a->url)
        date = jb_article_url_date(a->url);
    set_str(&a->published, date);
    if (!a->title)
        a->title = g_strdup("");
    if (!a->published)
        a->published = g_strdup("");
    if (!a->url)
        a->url = g_strdup("");
    ctx_clear(&c);
    g_free(text.mem);
    return g_steal_pointer(&a);
}

JbArticle *jb_article_parse(const char *source, const char *data, gsize len, const char *encoding,
                            const char *published_override, GError **error)
{
    g_return_val_if_fail(source != NULL, NULL);
    g_return_val_if_fail(data != NULL || len == 0, NULL);
    return parse(source, data, len, NULL, encoding, published_override, error);
}

JbArticle *jb_article_load(const char *path, const char *encoding, const char *published_override,
                           GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: cannot open: %s", path, g_strerror(e));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: cannot read: %s", path, g_strerror(e));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: is a directory", path);
        return NULL;
    }
    if (S_ISREG(st.st_mode) && (guint64)st.st_size > JB_ARTICLE_MAX_BYTES) {
        close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: too large (%lld bytes; the limit is %u)",
                    path, (long long)st.st_size, JB_ARTICLE_MAX_BYTES);
        return NULL;
    }
    /* Most articles fit in `small`: a heap block the size of the file would cost, freed
     * again for every file, as much as reading a short article. */
    char small[16384];
    gsize cap = S_ISREG(st.st_mode) ? (gsize)st.st_size + 1 : 65536, len = 0;
    g_autofree char *heap = NULL;
    char *buf = small;
    if (cap > sizeof small)
        buf = heap = g_malloc(cap);
    else
        cap = sizeof small;
    for (;;) {
        if (len == cap) {
            if (cap > JB_ARTICLE_MAX_BYTES)
                break;
            cap = MIN(cap * 2, (gsize)JB_ARTICLE_MAX_BYTES + 1);
            if (!heap)
                heap = g_memdup2(small, len); /* (g_realloc below makes it cap bytes) */
            buf = heap = g_realloc(heap, cap);
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: cannot read: %s", path,
                        g_strerror(e));
            return NULL;
        }
        if (r == 0)
            break;
        len += (gsize)r;
        if (S_ISREG(st.st_mode) && len == (gsize)st.st_size)
            break; /* all fstat said there is: no read just to see the end (one call a file) */
    }
    close(fd);
    if (len > JB_ARTICLE_MAX_BYTES) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%s: too large (over %u bytes)", path,
                    JB_ARTICLE_MAX_BYTES);
        return NULL;
    }
    /* the read loop leaves len < cap: parse() may use buf[len] */
    return parse(path, buf, len, buf, encoding, published_override, error);
}

void jb_article_free(JbArticle *a)
{
    if (!a)
        return;
    g_free(a->source);
    g_free(a->title);
    g_free(a->published);
    g_free(a->url);
    if (a->paragraphs)
        g_ptr_array_unref(a->paragraphs);
    if (a->lines)
        g_array_unref(a->lines);
    if (a->warnings)
        g_ptr_array_unref(a->warnings);
    g_free(a);
}

const char *jb_shape_name(JbShape s)
{
    switch (s) {
    case JB_SHAPE_HTML:
        return "html";
    case JB_SHAPE_MARKDOWN:
        return "markdown";
    default:
        return "text";
    }
}
