/* jb_article_tags.c — what the HTML pass knows of HTML's vocabulary: each tag that is not
 * inline (a block, a heading, a row, a container to drop, raw text) found by a hash of its
 * name, and the character references (&amp;, &#x4E2D;, cp1252's C1 range) decoded.
 *
 * Not for: reading a page (jb_article_html.c).
 */
#include "jb_article_priv.h"

#define BC (T_BLOCK | T_COUNTED)
/* Sorted by name (bsearch). Tags not listed are inline and vanish without a space. */
static const TagInfo tag_table[] = {
    {"address", BC},
    {"article", BC | T_ARTICLE},
    {"aside", BC | T_DROP},
    {"audio", T_DROP},
    {"blockquote", BC},
    {"body", T_BLOCK},
    {"br", T_BLOCK},
    {"button", T_DROP},
    {"canvas", T_DROP},
    {"caption", BC},
    {"center", BC},
    {"dd", BC},
    {"details", BC},
    {"dialog", T_DROP},
    {"div", BC},
    {"dl", BC},
    {"dt", BC},
    {"fieldset", BC},
    {"figcaption", BC},
    {"figure", BC},
    {"footer", BC | T_DROP},
    {"form", BC | T_DROP},
    {"h1", BC | T_H1 | T_HEAD},
    {"h2", BC | T_HEAD},
    {"h3", BC | T_HEAD},
    {"h4", BC},
    {"h5", BC},
    {"h6", BC},
    {"head", T_BLOCK},
    {"header", BC | T_DROP | T_HEADER},
    {"hgroup", BC},
    {"hr", T_BLOCK},
    {"html", T_BLOCK},
    {"iframe", T_RAW},
    {"legend", T_BLOCK},
    {"li", BC},
    {"link", T_LINK},
    {"main", BC | T_ARTICLE},
    {"meta", T_META},
    {"nav", BC | T_DROP},
    {"noembed", T_RAW},
    {"noframes", T_RAW},
    {"noscript", T_RAW},
    {"object", T_DROP},
    {"ol", BC},
    {"option", T_BLOCK},
    {"p", BC | T_P},
    {"pre", BC},
    {"script", T_RAW},
    {"section", BC},
    {"select", T_DROP},
    {"style", T_RAW},
    {"summary", BC},
    {"svg", T_DROP},
    {"table", BC},
    {"tbody", T_BLOCK},
    {"td", T_CELL},
    {"template", T_DROP},
    {"textarea", T_RAW},
    {"tfoot", T_BLOCK},
    {"th", T_CELL},
    {"thead", T_BLOCK},
    {"title", T_RAW},
    {"tr", BC | T_ROW},
    {"ul", BC},
    {"video", T_DROP},
    {"xmp", T_RAW},
};
#undef BC

/* tag_table by a hash of the name, open addressing: a lookup costs a hash and about one
 * comparison (a binary search cost seven, and every tag of a page is looked up). */
#define TAG_SLOTS 256
static guint8 tag_slot[TAG_SLOTS]; /* 1 + index into tag_table; 0: empty */

static inline guint tag_hash(const char *name)
{
    guint h = 0;
    for (; *name; name++)
        h = h * 31 + (guchar)*name;
    return h & (TAG_SLOTS - 1);
}

static void tag_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        G_STATIC_ASSERT(G_N_ELEMENTS(tag_table) < TAG_SLOTS / 2);
        for (gsize i = 0; i < G_N_ELEMENTS(tag_table); i++) {
            guint h = tag_hash(tag_table[i].name);
            while (tag_slot[h])
                h = (h + 1) & (TAG_SLOTS - 1);
            tag_slot[h] = (guint8)(i + 1);
        }
        g_once_init_leave(&done, 1);
    }
}

const TagInfo *jb_article_tag_info(const char *name)
{
    tag_init();
    for (guint h = tag_hash(name); tag_slot[h]; h = (h + 1) & (TAG_SLOTS - 1)) {
        const TagInfo *t = &tag_table[tag_slot[h] - 1];
        /* compared inline: the names are a few bytes, shorter than a call to strcmp */
        gsize i = 0;
        while (t->name[i] == name[i] && name[i])
            i++;
        if (t->name[i] == name[i])
            return t;
    }
    return NULL;
}

/* Named entities: the common ones in Chinese news pages. */
static const struct {
    const char *name;
    gunichar cp;
} entity_table[] = {
    {"nbsp", 0xA0},     {"amp", '&'},      {"lt", '<'},        {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},    {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"sbquo", 0x201A},  {"bdquo", 0x201E},
    {"mdash", 0x2014},  {"ndash", 0x2013}, {"hellip", 0x2026}, {"middot", 0xB7},
    {"times", 0xD7},    {"divide", 0xF7},  {"yen", 0xA5},      {"copy", 0xA9},
    {"reg", 0xAE},      {"trade", 0x2122}, {"deg", 0xB0},      {"plusmn", 0xB1},
    {"permil", 0x2030}, {"laquo", 0xAB},   {"raquo", 0xBB},    {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"bull", 0x2022},  {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},  {"zwj", 0x200D},    {"shy", 0xAD},
    {"euro", 0x20AC},   {"pound", 0xA3},   {"cent", 0xA2},     {"sup1", 0xB9},
    {"sup2", 0xB2},     {"sup3", 0xB3},    {"frac12", 0xBD},   {"frac14", 0xBC},
    {"frac34", 0xBE},   {"le", 0x2264},    {"ge", 0x2265},     {"ne", 0x2260},
    {"minus", 0x2212},  {"larr", 0x2190},  {"rarr", 0x2192},   {"uarr", 0x2191},
    {"darr", 0x2193},   {"sect", 0xA7},    {"para", 0xB6},     {"micro", 0xB5},
    {"prime", 0x2032},  {"Prime", 0x2033}, {"dagger", 0x2020}, {"infin", 0x221E},
    {"asymp", 0x2248},  {"radic", 0x221A}, {"sum", 0x2211},    {"alpha", 0x3B1},
    {"beta", 0x3B2},    {"gamma", 0x3B3},  {"delta", 0x3B4},   {"mu", 0x3BC},
    {"pi", 0x3C0},      {"Omega", 0x3A9},  {"iexcl", 0xA1},    {"iquest", 0xBF},
};

/* Windows-1252 meanings of &#128;–&#159;, as browsers read them (0 = none). */
static const gunichar cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Decode the entity at `p` ('&') into `out`; returns the position after it. Not an
 * entity: appends '&' and returns p + 1. */
const char *jb_article_decode_entity(const char *p, const char *end, GString *out)
{
    const char *q = p + 1;
    if (q < end && *q == '#') {
        gboolean hex = q + 1 < end && (q[1] == 'x' || q[1] == 'X');
        const char *r = q + (hex ? 2 : 1);
        guint32 v = 0;
        int n = 0;
        while (r < end && (hex ? g_ascii_isxdigit(*r) : g_ascii_isdigit(*r))) {
            if (v <= 0x10FFFF)
                v = v * (hex ? 16 : 10) + (guint32)(hex ? g_ascii_xdigit_value(*r) : *r - '0');
            r++;
            n++;
        }
        if (n == 0) {
            g_string_append_c(out, '&');
            return p + 1;
        }
        if (r < end && *r == ';')
            r++;
        gunichar c = v;
        if (c >= 0x80 && c <= 0x9F)
            c = cp1252_c1[c - 0x80] ? cp1252_c1[c - 0x80] : 0xFFFD;
        else if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            c = 0xFFFD;
        g_string_append_unichar(out, c);
        return r;
    }
    const char *r = q;
    while (r < end && r - q < 10 && g_ascii_isalnum(*r))
        r++;
    if (r > q && r < end && *r == ';') {
        gsize n = (gsize)(r - q);
        for (gsize i = 0; i < G_N_ELEMENTS(entity_table); i++)
            if (strlen(entity_table[i].name) == n && memcmp(entity_table[i].name, q, n) == 0) {
                g_string_append_unichar(out, entity_table[i].cp);
                return r + 1;
            }
    }
    g_string_append_c(out, '&');
    return p + 1;
}
