/* jb_article_priv.h — what jb_article's source files share (not installed, not public).
 *
 * An article is read in passes: jb_article_decode.c makes valid UTF-8 of its bytes;
 * jb_article_shape.c decides which pass it gets; jb_article_text.c finds front matter and
 * reads Markdown, jb_article_plain.c plain text and jb_article_html.c HTML (with
 * jb_article_tags.c) into raw blocks; jb_article_clean.c cleans each block into a
 * paragraph, counting on the way the facts the junk rules ask about; jb_article_junk.c
 * holds the rules (those that are tests of a paragraph in jb_article_junk_tests.c, of the
 * page's furniture in jb_article_junk_page.c);
 * jb_article_header.c knows the header lines with a date; jb_article_date.c reads and
 * writes dates; jb_article_section.c keeps the sections; jb_article_pick_date.c picks the
 * published date among the signs found; jb_article.c puts it together (the public entry
 * points, the title, the publisher).
 *
 * The helpers here are static inline because they run on every byte or block of an
 * article: a call across files would cost more than they do.
 *
 * Not for: anything outside jb_article (its interface is jb_article.h).
 */
#ifndef JB_ARTICLE_PRIV_H
#define JB_ARTICLE_PRIV_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, strcasestr */
#endif
#include "jb_article.h"
#include "jb_text.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define BLOCK_BUF_SIZE                                                                             \
    500 /* a raw block's first buffer: most paragraphs fit, and it is
                                   small enough for malloc's cheap bins */
/* jb_text.h's literals and white space, under the short names this folder's files use. */
static inline gboolean starts_with(const char *s, const char *prefix)
{
    return jb_has_prefix(s, prefix);
}

/* A word with its length, for the lists of prefixes tried on every short paragraph. */
typedef JbLit Lit;
#define LIT(x) JB_LIT(x)

static inline gboolean starts_with_lit(const char *s, Lit w)
{
    return jb_has_lit(s, w);
}

/* g_string_append_len(g, s, n), with a memcpy when `g` has room: the blocks are built
 * from many short pieces, and the call costs more than the copy. */
static inline void append_len(GString *g, const char *s, gsize n)
{
    if (g->len + n < g->allocated_len) {
        memcpy(g->str + g->len, s, n);
        g->len += n;
        g->str[g->len] = '\0';
    } else {
        g_string_append_len(g, s, (gssize)n);
    }
}

/* The index of the lowest bit set in `x` (not 0). */
static inline guint lowest_bit(guint64 x)
{
#if defined(__GNUC__) || defined(__clang__)
    return (guint)__builtin_ctzll(x);
#else
    guint i = 0;
    while (!(x & 1)) {
        x >>= 1;
        i++;
    }
    return i;
#endif
}

/* g_string_truncate(g, 0) without the call: done after every block. */
static inline void string_clear(GString *g)
{
    g->len = 0;
    g->str[0] = '\0';
}

/* The bytes of the eight-byte word `w` equal to `b`, as their bit 7 (the lowest marked
 * byte is exact: a false mark comes only from a borrow, above a true one). */
static inline guint64 word_bytes_equal(guint64 w, guchar b)
{
    const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
    guint64 x = w ^ (ones * b);
    return (x - ones) & ~x & (ones << 7);
}

/* Does the eight-byte word `w` hold a byte below `n` (at most 0x80)? */
static inline gboolean word_has_less(guint64 w, guchar n)
{
    const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
    return ((w - ones * n) & ~w & (ones << 7)) != 0;
}

/* The first of the ASCII bytes `a`, `b`, `c` at or after `p`, or `end`: eight bytes at a
 * time, for the scans that pass over every byte of an article looking for a few rare ones.
 * (A word with no byte up to the largest of them, as most of Chinese text, is passed after
 * one test instead of three.) */
static inline const char *skip_to_any(const char *p, const char *end, char a, char b, char c)
{
#if defined(__SSE2__)
    /* (sixteen at a time where the processor has SSE2: every x86-64) */
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    for (; end - p >= 16; p += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        guint m = (guint)_mm_movemask_epi8(_mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)), _mm_cmpeq_epi8(x, vc)));
        if (m)
            return p + __builtin_ctz(m);
    }
#endif
    const guchar above = (guchar)MAX(a, MAX(b, c)) + 1;
    for (; end - p >= 8; p += 8) {
        guint64 w;
        memcpy(&w, p, 8);
        w = GUINT64_FROM_LE(w);
        if (!word_has_less(w, above))
            continue;
        guint64 m = word_bytes_equal(w, (guchar)a) | word_bytes_equal(w, (guchar)b) |
                    word_bytes_equal(w, (guchar)c);
        if (m)
            return p + (lowest_bit(m) >> 3); /* the first of them */
    }
    while (p < end && *p != a && *p != b && *p != c)
        p++;
    return p;
}

/* The first ASCII digit or byte of `set` (up to five bytes) at or after `p`, or `end`:
 * sixteen bytes at a time where the processor has SSE2, for the tests that read only a
 * line's figures, signs and labels. */
static inline const char *skip_to_digit_or(const char *p, const char *end, const char *set)
{
    char s[5];
    gsize n = strlen(set);
    for (gsize i = 0; i < 5; i++) /* (the set's bytes, its first repeated past its end) */
        s[i] = set[i < n ? i : 0];
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
    const __m128i v0 = _mm_set1_epi8(s[0]), v1 = _mm_set1_epi8(s[1]), v2 = _mm_set1_epi8(s[2]),
                  v3 = _mm_set1_epi8(s[3]), v4 = _mm_set1_epi8(s[4]);
    for (; end - p >= 16; p += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        __m128i hit = _mm_and_si128(_mm_cmpgt_epi8(x, below), _mm_cmplt_epi8(x, above));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, v0), _mm_cmpeq_epi8(x, v1)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, v2), _mm_cmpeq_epi8(x, v3)));
        guint m = (guint)_mm_movemask_epi8(_mm_or_si128(hit, _mm_cmpeq_epi8(x, v4)));
        if (m)
            return p + __builtin_ctz(m);
    }
#endif
    while (p < end && !g_ascii_isdigit(*p) && *p != s[0] && *p != s[1] && *p != s[2] &&
           *p != s[3] && *p != s[4])
        p++;
    return p;
}

/* White space: the one set of jb_text.h (ASCII, ideographic, no-break, thin, …). */
static inline gboolean is_space_char(gunichar c)
{
    return jb_is_space(c);
}

/* Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen. */
static inline gboolean is_invisible_char(gunichar c)
{
    return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
           (c < 0x20 && !is_space_char(c)) || c == 0x7F;
}

static inline const char *scan_digits(const char *p, int max, int *value, int *ndigits)
{
    int v = 0, n = 0;
    while (n < max && g_ascii_isdigit(*p)) {
        if (n < 9) /* more digits are counted but cannot overflow the value */
            v = v * 10 + (*p - '0');
        p++;
        n++;
    }
    *value = v;
    *ndigits = n;
    return p;
}

/* The decoded file: `len` bytes of UTF-8 at `str`, NUL-terminated; `mem` is what to g_free
 * (NULL when `str` lies in the caller's buffer). */
typedef struct {
    char *str;
    gsize len;
    char *mem;
} Text;

/* A paragraph as the junk rules see it (the facts gathered by clean_into as it writes the
 * paragraph; the rules are in jb_article_junk.c). */
typedef struct {
    const char *p;
    gsize len;
    glong n;         /* characters */
    glong ascii;     /* ASCII characters */
    gboolean digit;  /* has an ASCII digit */
    glong ndigit;    /* ASCII digits */
    gboolean hyphen; /* has a '-' */
    gboolean latin;  /* has an ASCII letter */
    guint32 letters; /* the ASCII letters it has, case folded: bit 0 'a' ... bit 25 'z' */
    guint64 keys;    /* the three-byte characters it has that rules ask about (jb_junk_key_bit) */
    gboolean other;  /* has a character of two or four bytes (such as ©) */
    guint64 marks;   /* the ASCII marks it has that a rule asks about (ASCII_MARKS) */
    guint punct;     /* the PUNCT_* marks it has, exactly */
    int header_line; /* header_ymd's answer when already asked (add_paragraph), else -1 */
} JunkPara;

/* Full-width punctuation a paragraph holds, as JunkPara.punct: noted exactly by clean_into as
 * it copies them (they are no plain characters: it reads each anyway), so that the rules ask
 * a bit instead of searching the paragraph for each (a search costs more than most rules). */
#define PUNCT_COMMA 0x01u  /* ， */
#define PUNCT_PERIOD 0x02u /* 。 */
#define PUNCT_SEMI 0x04u   /* ； */
#define PUNCT_EXCL 0x08u   /* ！ */
#define PUNCT_QUES 0x10u   /* ？ */
#define PUNCT_COLON 0x20u  /* ： */
#define PUNCT_SENTENCE (PUNCT_COMMA | PUNCT_PERIOD | PUNCT_SEMI | PUNCT_EXCL)

/* Is there a sentence's punctuation (，。；！) in the paragraph? (Widgets have none.) */
static inline gboolean jb_junk_has_sentence_mark(const JunkPara *j)
{
    return (j->punct & PUNCT_SENTENCE) != 0;
}

/* An ASCII letter as a bit of JunkPara.letters. */
static inline guint32 letter_bit(char c)
{
    return 1u << (((guchar)c | 0x20) - 'a');
}

/* A three-byte UTF-8 character (all of CJK) as 12 bits: its last two bytes' payload. */
static inline guint junk_key(const char *c)
{
    return ((guint)((guchar)c[1] & 0x3F) << 6) | ((guchar)c[2] & 0x3F);
}

static inline gboolean is_lead3(guchar b)
{
    return b >= 0xE0 && b < 0xF0;
}

/* The bit of JunkPara.keys that stands for a junk_key: the keys some rule asks about get
 * bits 1..63 (shared when there are more: the bits are a filter only), any other key 0.
 * A 64-bit set filled per character costs less than a 4096-bit one cleared per paragraph.
 * Filled by junk_init (junk_register_key). */
extern guint8 jb_junk_key_bit[4096];

/* jb_junk_key_bit by the last two bytes of a three-byte character as they lie in
 * memory (second | third << 8): clean_into looks up every Chinese character with one load. */
extern guint8 jb_junk_char_bit[65536];

/* What an ASCII byte tells the junk rules, in one word: letter_bit for a letter, and the
 * bits below for a digit, '-' and the marks some test or needle needs (clean_into reads it
 * for every ASCII byte of a paragraph: one load instead of a test each). Filled by
 * junk_init. */
#define ASCII_LETTERS 0x03FFFFFFu
#define ASCII_BAR (1u << 26)                     /* '|' */
#define ASCII_GT (1u << 27)                      /* '>' */
#define ASCII_PERCENT (1u << 28)                 /* '%' */
#define ASCII_COLON (1u << 29)                   /* ':' */
#define ASCII_PLUS (G_GUINT64_CONSTANT(1) << 32) /* '+' (万+) */
#define ASCII_DOT (G_GUINT64_CONSTANT(1) << 33)  /* '.' (...展开全文) */
#define ASCII_MARKS (ASCII_BAR | ASCII_GT | ASCII_PERCENT | ASCII_COLON | ASCII_PLUS | ASCII_DOT)
#define ASCII_HYPHEN (1u << 30)
#define ASCII_DIGIT (G_GUINT64_CONSTANT(1) << 63)
extern guint64 jb_ascii_facts[128];

/* Marks a space that a line break next to it must not remove (between table cells). */
#define HARD_SPACE '\x1F'

#define HEADER_DATE_BLOCKS 30 /* look for a date line in this many first blocks */

/* One article as it is parsed: what the passes share. */
typedef struct {
    JbArticle *a;
    char *clean; /* the block being cleaned (jb_article_emit), clean_cap bytes */
    gsize clean_cap;
    gboolean unspace; /* the text is spaced between Chinese and digits (jb_article_spacing.c) */
    char *unspaced;   /* a block of it with those spaces out, unspaced_cap bytes */
    gsize unspaced_cap;
    guint nblocks;       /* cleaned blocks so far, junk or not */
    gboolean cutting;    /* a recommendation list began: the rest is junk */
    gboolean link_heavy; /* the block being emitted is mostly link text (Markdown's) */
    GPtrArray *warnings; /* the article's (a->warnings) */
    guint warnings_mark; /* how many it had before the body pass (which may be redone) */
    /* what the file says about itself */
    char *fm_title, *fm_date, *fm_url, *fm_publisher;
    char *fm_author;  /* (the publisher when it names an outlet: author: 某某财经) */
    char *fm_summary; /* summary: or excerpt: (the story in a sentence) */
    guint fm_date_line;
    char *html_title, *og_title, *h1, *meta_date, *canonical, *og_url, *md_heading;
    char *site_name;   /* og:site_name, a feed's channel title */
    char *source_line; /* the publisher a "来源：…" header line names */
    char *
        byline_name; /* … the date line names (东陵晚报　2026年11月24日, 2026-12-01 17:45　某某网记者) */
    char *masthead; /* … a paper's masthead above its date line names (某某日报数字报) */
    char *masthead_text;  /* that masthead as written */
    guint masthead_block; /* the block of the masthead candidate (nblocks when it was met) */
    guint title_from;     /* the paragraph a text file's title may be: after a masthead, 1 */
    guint retitle_at;     /* the paragraph that may replace the title (add_paragraph), or 0 */
    char *lead_token; /* the name the page's first block opens with (港聞通 ｜ 首頁 › …) */
    gboolean lead_home; /* … right before the site's home link: the site's name */
    /* the parts of the article with headings of their own (a->sections), and the kind of
     * the next paragraph a pass emits (JbParaKind; emit resets it to body) */
    guint8 next_kind;
    guint section_blocks;       /* blocks seen since the current section began */
    gboolean dropped_container; /* the HTML pass dropped a <nav>/<form>/… */
    const char *unclosed_name;  /* … and this one was never closed (static string) */
    guint unclosed_line;
    char *header_date;  /* from a date line among the first blocks */
    char *closing_date; /* from the last closing date line (香港，二零二六年七月三日) */
    gboolean field_key_before; /* the last block was a date field's label alone (时间, 日期：) */
    char stamp[16]; /* a live entry's time stamp dropped alone, for the next paragraph, or "" */
    /* the lines and kinds (JbParaKind) of the paragraphs kept, for a->lines and a->kinds at
     * the end (a GArray append per paragraph costs more than the rest of keeping it) */
    guint nparas, paras_cap;
    guint *para_lines;
    guint8 *para_kinds;
} Ctx;

enum {
    T_BLOCK = 1 << 0,   /* starts and ends a paragraph */
    T_COUNTED = 1 << 1, /* a container normally closed: counts toward block depth */
    T_DROP = 1 << 2,    /* page furniture: everything inside is dropped */
    T_RAW = 1 << 3,     /* raw text up to </name>: dropped (or kept as the title) */
    T_CELL = 1 << 4,    /* table cell: a space */
    T_META = 1 << 5,
    T_LINK = 1 << 6,
    T_ARTICLE = 1 << 7, /* <article>, <main>: a <header> inside is kept */
    T_H1 = 1 << 8,
    T_P = 1 << 9,
    T_HEADER = 1 << 10,
    T_HEAD = 1 << 11, /* <h1>–<h3>: a heading, which begins a section */
    T_ROW = 1 << 12,  /* <tr>: a table row, one paragraph of cells */
};

typedef struct {
    const char *name;
    guint flags;
} TagInfo;

/* Can the paragraph have a character of key `k` (-1: no key, always)? A filter. */
static inline gboolean junk_has_key(const JunkPara *j, int k)
{
    return k < 0 || !jb_junk_key_bit[k] || ((j->keys >> jb_junk_key_bit[k]) & 1);
}

typedef enum { KEEP, DROP, CUT } JunkVerdict;

/* The junk_key (a Chinese character's last two bytes, see below) of the first characters of
 * a list of words, as a set: a paragraph that starts with none of them needs no word of
 * the list tried. Filled by jb_article_junk_init. */
typedef struct {
    guint64 bits[4096 / 64];
} FirstSet;

static inline void first_set_add(FirstSet *f, const char *word)
{
    guint k = junk_key(word);
    f->bits[k >> 6] |= G_GUINT64_CONSTANT(1) << (k & 63);
}

/* May `q` start with one of the words (all starting with a Chinese character)? */
static inline gboolean first_set_has(const FirstSet *f, const char *q)
{
    if (!is_lead3((guchar)q[0]) || !q[1] || !q[2])
        return FALSE;
    guint k = junk_key(q);
    return (f->bits[k >> 6] >> (k & 63)) & 1;
}

/* Past the first of `words` that `p` starts with, or NULL. */
static inline const char *after_any(const char *p, const Lit *words, gsize n)
{
    for (gsize i = 0; i < n; i++)
        if (starts_with_lit(p, words[i]))
            return p + words[i].n;
    return NULL;
}

/* `needle` (of length k, starting with a letter) in `h`, ignoring ASCII case. */
static inline const char *ascii_casestr(const char *h, const char *needle, gsize k)
{
    char lo = g_ascii_tolower(needle[0]), up = g_ascii_toupper(needle[0]);
    for (const char *p = h; *p; p++)
        if ((*p == lo || *p == up) && g_ascii_strncasecmp(p, needle, k) == 0)
            return p;
    return NULL;
}

/* ---- across files ------------------------------------------------------------------- */

/* jb_article.c */
/* Add a formatted message to `warnings`. */
G_GNUC_PRINTF(2, 3) void jb_article_add_warning(GPtrArray *warnings, const char *fmt, ...);
/* A copy of `s` without leading and trailing white space (g_free). */
char *jb_article_strip_dup(const char *s);
/* A raw block found at `line`: cleaned, then kept as a paragraph unless it is junk. */
void jb_article_emit(Ctx *c, const char *raw, gsize n, guint line);
/* A heading begins a new section: `title` (raw text, may be NULL), with the date and link
 * its item states (NULL when none: found later in its footer, or the article's). */
/* A post's header line on a page of posts: its date, a new section (jb_article_section.c). */
char *jb_article_post_date(const JunkPara *j);
/* jb_article_stamp.c: a dropped block that is a time of day alone (15:45) is held; the next
 * paragraph kept is inserted into the article's text with it glued in front when it is body. */
void jb_article_hold_stamp(Ctx *c, const JunkPara *j);
char *jb_article_keep_text(Ctx *c, const char *p, gsize len, guint8 kind);
void jb_article_begin_section(Ctx *c, const char *title, gsize n, const char *date,
                              const char *url);

/* jb_article_date.c */
/* A date at `s` as y-m-d or a prefix of one: the precision found (3..0), *endp after it. */
int jb_article_scan_ymd(const char *s, const char **endp, int *y, int *m, int *d);
/* The same in Chinese numerals (二零二六年七月三日, 二〇二五年十二月三十一日): 3 for a whole
 * date (y, m, d and *endp set), else less. */
int jb_article_scan_cn_ymd(const char *s, const char **endp, int *y, int *m, int *d);
/* "2022-07-26", "2022-07" or "2022" by `precision` (3, 2, 1) (g_free). */
char *jb_article_format_date(int precision, int y, int m, int d);
/* A date in a URL path, or NULL (g_free). */
char *jb_article_url_date(const char *url);

/* jb_article_pick_date.c */
/* The published date (g_free; NULL when none is found): `*override` (taken), else the
 * article's own, else weaker signs, each with a warning saying what was taken. */
char *jb_article_pick_date(JbArticle *a, Ctx *c, const char *source, char **override);

/* jb_article_section.c */
/* The GArray clear function of JbArticle.sections. */
void jb_article_section_clear(gpointer p);
/* The lead: what precedes the first heading. */
void jb_article_begin_first_section(JbArticle *a);
/* What a block tells its section about itself: a date line among its first blocks, or a
 * footer line with its link (looked at before the junk rules, which drop such lines). */
void jb_article_notice_section_facts(Ctx *c, const JunkPara *j);
/* The section being read (the last). */
static inline JbSection *current_section(const Ctx *c)
{
    return &g_array_index(c->a->sections, JbSection, c->a->sections->len - 1);
}

/* jb_article_shape.c */
/* The pass the body s[0..end) of the file `path` gets; `fm`: it had front matter. */
JbShape jb_article_detect_shape(const char *path, const char *s, const char *end, gboolean fm);

/* jb_article_decode.c */
/* Decode `data` to UTF-8 in *t, with LF line ends and no NULs (see there for `owned`). */
gboolean jb_article_decode(JbArticle *a, const char *data, gsize len, char *owned,
                           const char *encoding, Text *t, GError **error);

/* jb_article_clean.c */
/* `s` (`n` bytes of valid UTF-8) cleaned as a paragraph is (g_free). */
char *jb_article_clean_text(const char *s, gsize n);
/* `n` bytes of valid UTF-8 at `s` cleaned into `out` (room for n + 1) with the facts *j
 * of the result: its length, 0 if nothing is left. */
gsize jb_article_clean_into(const char *s, gsize n, char *out, JunkPara *j);

/* jb_article_tags.c */
/* What the HTML pass knows about the tag `name` (lower case), or NULL for an inline tag. */
const TagInfo *jb_article_tag_info(const char *name);
/* Decode the entity at `p` ('&') into `out`; returns where it ends. */
const char *jb_article_decode_entity(const char *p, const char *end, GString *out);

/* jb_article_html.c */
/* Read a tag name at `p` into `buf` (lower case, cut to `size`); returns where it ends. */
const char *jb_article_tag_name(const char *p, const char *end, char *buf, gsize size);
/* The HTML pass over s[0..end), which starts at line `line0`. */
void jb_article_html_pass(Ctx *c, const char *s, const char *end, guint line0, gboolean keep);

/* jb_article_json.c */
/* Does s[0..end) hold a JSON object or list (not a bracketed word of plain text)? */
gboolean jb_article_is_json(const char *s, const char *end);
/* The stories of a JSON file s[0..end), which starts at `line`: FALSE with *error when it is
 * not JSON or nested too deep. */
void jb_article_json_pass(Ctx *c, const char *s, const char *end, guint line, GError **error);
/* The date, headline, publisher and link of a page's JSON-LD block s[0..end), where `c`
 * has none yet. */
void jb_article_json_ld(Ctx *c, const char *s, const char *end);

/* A line of nothing but spaces, tabs and U+3000 (Markdown's and plain text's blank line). */
static inline gboolean blank_text_line(const char *p, const char *e)
{
    while (p < e) {
        if (*p == ' ' || *p == '\t')
            p++;
        else if (e - p >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0)
            p += 3;
        else
            return FALSE;
    }
    return TRUE;
}

/* jb_article_text.c */
/* The length of the YAML front matter at `s` (0: none); its fields go to `c`. */
gsize jb_article_front_matter(Ctx *c, const char *s, gsize len, guint *body_line);
/* (jb_article_front.c) A front matter's summary, cleaned (g_free); one cut short (…增长12…, an
 * excerpt of so many characters) loses the clause it was cut in, whose figure may be cut too. */
char *jb_article_front_summary(const char *raw);
/* The Markdown pass over s[0..end), which starts at `line`. */
void jb_article_markdown_pass(Ctx *c, const char *s, const char *end, guint line);
/* A pipe table's line [q, e) (starting with '|') as a row: its cells, trimmed, between
 * JB_CELL_SEP (a new string); NULL for the line under the header (| --- | :-: |). */
GString *jb_article_pipe_table_row(const char *q, const char *e);

/* jb_article_wiki.c */
/* Does the line [q, e) (blanks before it skipped) open a MediaWiki table ({|) that a later
 * line of the text before `end` closes (|})? */
gboolean jb_article_wiki_table_at(const char *q, const char *e, const char *end);
/* Emit the rows of the MediaWiki table whose {| line starts at `p`, as a pipe table's
 * (JB_PARA_TABLE); *line, p's line number, advanced to its |} line. Returns where the text
 * after the table starts, or NULL when no line closes it (nothing emitted). */
const char *jb_article_wiki_table(Ctx *c, const char *p, const char *end, guint *line);
/* Does the line [q, e) open a wiki page's infobox ({{Infobox …, {{信息框…) that a later line
 * closes (}} alone)? */
gboolean jb_article_wiki_infobox_at(const char *q, const char *e, const char *end);
/* Emit the infobox whose {{ line starts at `p` as a table's rows (key | value), its
 * parameters that state a figure only; as jb_article_wiki_table otherwise. */
const char *jb_article_wiki_infobox(Ctx *c, const char *p, const char *end, guint *line);
/* Append the line [p, e) of a text to `out`, its wiki markup as the text it shows: a link
 * ([[页面|文字]]) its text, bold quotes (''' '''), a reference (<ref>…</ref>) and a template
 * ({{…}}) out; a line with none of them as it is. */
void jb_article_wiki_inline(GString *out, const char *p, const char *e);
/* Is the line [q, e) (blanks before it skipped) a wiki page's heading (== 历史 ==, === 交通
 * ===)? Its text is [*h, *t). */
gboolean jb_article_wiki_heading_at(const char *q, const char *e, const char **h, const char **t);

/* jb_article_plain.c */
/* The plain text pass over s[0..end), which starts at `line`. */
void jb_article_text_pass(Ctx *c, const char *s, const char *end, guint line);
/* Does the line p[0..e) end with a sentence's closing punctuation? */
gboolean jb_article_ends_sentence(const char *p, const char *e);
/* Is the text s[0..end) hard-wrapped (most lines end near one width, under 100 columns)? */
gboolean jb_article_hard_wrapped(const char *s, const char *end);

/* jb_article_feed.c */
/* Is the body at s[0..end) an RSS or Atom feed? */
gboolean jb_article_is_feed(const char *s, const char *end);
/* The feed pass: each item a section (its title a heading, its date and link), its
 * description or content read as HTML. */
void jb_article_feed_pass(Ctx *c, const char *s, const char *end, guint line);

/* jb_article_header.c */
/* The name a header line gives after 来源：(来源：新华网 2024-10-18, 來源: 香港電台): NULL when
 * the line names none (the caller g_free()s it). */
char *jb_article_source_line_name(const char *p);

/* Is `p` (of `nchars` characters) a header line with a date? Sets the date. `j`: the
 * paragraph `p` is (its facts spare searches), or NULL for a line of no paragraph. */
gboolean jb_article_header_ymd(const char *p, glong nchars, const JunkPara *j, int *y, int *m,
                               int *d);
/* Is `p` (of `nchars` characters) a closing date line — a place and a date, or a date and its
 * weekday, alone on a short line (香港，二零二六年七月三日; 2026年3月3日（星期二））? Sets the date. */
gboolean jb_article_closing_date(const char *p, glong nchars, int *y, int *m, int *d);
/* Is `p` a header key alone on its line, a form's field label whose value is the next line
 * (时间, 日期：)? */
gboolean jb_article_header_key_alone(const char *p);
/* Is `p` the value line under such a label: a date, maybe with its weekday and hours or a span
 * of hours (2026年11月18日 14:00—16:00), nothing else? Sets the date. */
gboolean jb_article_field_date(const char *p, int *y, int *m, int *d);
/* Fill the header words' first characters (from jb_article_junk_init). */
void jb_article_header_init(void);
/* Fill jb_article_post_date's set of first characters (from jb_article_junk_init). */
void jb_article_section_init(void);

/* jb_article_furniture.c */
/* Where the page's tools that end the line [p, e) begin (放大 缩小 默认, [打印] [关闭窗口],
 * 繁 | 简: tokens between spaces, each a word of page_tool, a bar or bracketed links), e when
 * it ends in none (`whole`: p when the line is tools alone, else e); *links counts the
 * bracketed links of that tail, *tokens its tokens. */
const char *jb_article_tools_tail(const char *p, const char *e, gboolean whole, guint *links,
                                  guint *tokens);
/* May the line `p` start with the page's tools (a filter for jb_article_tools_tail)? */
gboolean jb_article_may_be_tools(const char *p);
/* Is [a, b) a word of a page's tools (打印, 关闭, 大 中 小; templates/words.tsv page_tool)? */
gboolean jb_article_page_tool(const char *a, const char *b);
/* Past a page's tool word at p (分享, 字體, 大 of 大｜中｜小, 打印) and a label's colon after it,
 * or NULL. */
const char *jb_article_past_tool_word(const char *p);
/* Is the line `p` (`len` bytes, `nchars` characters) an issuer's name alone (某某股份有限公司)? */
gboolean jb_article_issuer_line(const char *p, gsize len, glong nchars);
/* The token a page's first line opens with, 2 to 12 letters (g_free; NULL if none), and in
 * *home whether the site's home link follows it (某某网 ｜ 首頁 › 財經: the site's name). */
char *jb_article_lead_token(const char *p, gboolean *home);
/* Is the dropped block `j` a page's navigation (a nav bar, a breadcrumb, bracketed links,
 * 当前位置：…)? */
gboolean jb_article_navigation(const JunkPara *j);
/* An announcement's code line (证券代码：600000　证券简称：某某　公告编号：2026-001). */
gboolean jb_junk_filing_codes(const JunkPara *j);
/* Fill the filing labels' first characters (from jb_junk_tests_init). */
void jb_article_furniture_init(void);

/* jb_article_junk_tests.c: the rules that are tests of a paragraph (jb_article_junk.c) */
gboolean jb_junk_view_count(const JunkPara *j);
/* How many counters run from p to the end (阅读 1.8万 · 点赞 256), the page's tools among them
 * counted in *tools; -1 when anything else is there. */
int jb_junk_counters_to_end(const char *p, int *tools);
/* jb_article_junk_page.c: where a page's counters glued after a paragraph's last sentence
 * begin (…不构成投资建议。阅读 2.1万 · 点赞 356), or `len` when none are. */
gsize jb_junk_counters_tail(const char *p, gsize len);
/* Past a page's counter in brackets at p (【网友留言 126条】), or NULL. */
const char *jb_junk_bracketed_counter(const char *p);
gboolean jb_junk_meta_line(const JunkPara *j);
gboolean jb_junk_dated_headline(const JunkPara *j);
gboolean jb_junk_only_number(const JunkPara *j);
gboolean jb_junk_phone(const JunkPara *j);
gboolean jb_junk_code(const JunkPara *j);
gboolean jb_junk_editor(const JunkPara *j);
gboolean jb_junk_byline(const JunkPara *j);
gboolean jb_junk_caption(const JunkPara *j);
gboolean jb_junk_app_promo(const JunkPara *j);
gboolean jb_junk_ticker(const JunkPara *j);
gboolean jb_junk_weather(const JunkPara *j);
gboolean jb_junk_header_line(const JunkPara *j);
gboolean jb_junk_list_heading(const JunkPara *j);
/* The first tests of those rules, for the filters of jb_article_junk.c: may `p` open a list
 * heading (its first character), a line of filing codes; may the paragraph end a dated
 * headline (its last byte)? */
gboolean jb_junk_may_list_heading(const char *p);
gboolean jb_junk_may_be_filing(const char *p);
gboolean jb_junk_dated_end(const JunkPara *j);
/* jb_article_junk_page.c: the page's furniture */
gboolean jb_junk_nav_bar(const JunkPara *j);
gboolean jb_junk_bracket_links(const JunkPara *j);
gboolean jb_junk_widget(const JunkPara *j);
/* Fill the tests' word sets (from jb_article_junk_init, after the rules' keys). */
void jb_junk_tests_init(void);
/* The key bits (JunkPara.keys) of the first characters of the words a test must find, filled
 * by jb_junk_tests_init from the tests' own lists: a paragraph with none of them is not
 * tried (jb_article_junk.c). All bits (~0) when a word begins with no three-byte character:
 * then every paragraph is. */
extern guint64 jb_junk_counter_keys; /* a counter's words (阅读, 点赞: view counts, meta lines) */
extern guint64 jb_junk_quote_keys;   /* a ticker's arrows and quote labels (▲, 最新, 涨跌) */
extern guint64 jb_junk_editor_keys; /* the editor words (责任编辑, 审核) */

/* jb_article_junk.c */
/* Give the three-byte character of junk_key `k` a bit of JunkPara.keys (once). */
void jb_junk_register_key(guint k);
/* Fill the junk rules' tables (once; every later call returns at once). */
void jb_article_junk_init(void);
/* What the junk rules say of the paragraph `j`: keep it, drop it, or cut the rest. */
JunkVerdict jb_article_junk_verdict(const JunkPara *j);
/* (jb_article_junk_page.c) Is a feed item's title marked as an ad (【广告】…)? */
gboolean jb_article_ad_title(const char *t);

/* jb_article_spacing.c: is the text [s, s+n) spaced between Chinese and digits throughout
 * (2025 年 3 月, 营收 12.5 亿元)? Then jb_article_unspace takes those spaces out of `s` (a
 * NUL-terminated block, in place) and returns its new length. */
gboolean jb_article_spaced_text(const char *s, gsize n);
gsize jb_article_unspace(char *s);

/* ---- a table's grid (jb_article_html_grid.c) ------------------------------------------- */

/* The cells of a <table> as the grid they draw: colspan and rowspan written out. Owned by
 * the HTML pass; jb_grid_clear frees what it carries. */
typedef struct {
    GPtrArray *carry;  /* per column: the text of a cell spanning down into it (g_free) */
    GArray *rows_left; /* per column: int, the rows it still spans */
    gsize from;        /* where the open cell's text begins in the paragraph */
    int col;           /* the grid column of the next cell */
    int cells;         /* the cells written in this row */
    int colspan, rowspan;
    gboolean open, header; /* a cell is open; it is a header (<th>) */
} JbGrid;

void jb_grid_clear(JbGrid *g);
void jb_grid_row_start(JbGrid *g);
/* A cell begins (its colspan and rowspan attributes, NULL when absent; a header, <th>): the
 * cells carried down into the columns before it and a separator written to `para`. */
void jb_grid_cell_start(JbGrid *g, GString *para, const char *colspan, const char *rowspan,
                        gboolean header);
void jb_grid_cell_end(JbGrid *g, GString *para);
/* The row ends: its open cell closed, the cells carried down into its last columns written. */
void jb_grid_row_end(JbGrid *g, GString *para);
/* jb_article_clean.c: the bytes of s[0, n) above ' ' (the HTML pass's visible text). */
gsize jb_article_count_visible(const char *s, gsize n);
/* jb_article_html_layout.c: does the <table> whose content starts at `p` lay out the page
 * (its rows and cells read as blocks) rather than hold data? */
gboolean jb_article_layout_table(const char *p, const char *end);

#endif /* JB_ARTICLE_PRIV_H */
