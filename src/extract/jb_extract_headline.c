/* jb_extract_headline.c — the headlines of an article, which are read after its body (a
 * figure a headline repeats is the body's): headings, the title, 原标题 lines, tables of
 * contents; and a headline glued to the start of its story's first paragraph.
 *
 * Transcripts and digests lose the line break between an item's headline and its story
 * ("…口岸客流 同比上升12.4%记者今天（3月2日）从…"): the headline is then read as part of the
 * story's first sentence, and its figures as new ones. Such a paragraph begins with the text
 * of a headline the article states elsewhere — a heading, the title, a line of its table of
 * contents ("（3）…；") — and goes on with a new sentence; that beginning is split off and
 * read as a headline.
 *
 * Not for: the walk over paragraphs (jb_extract.c).
 */
#include "jb_extract_priv.h"
#include "jb_extract_read_priv.h"
#include "jb_word_lists.h"

/* A table of contents: numbered headlines in a row (本期节目主要内容：1.…；2.…；3.…), which
 * repeat what the stories say. */
static gboolean is_contents(const char *para)
{
    guint items = 0, stops = 0;
    const char *end = para + strlen(para); /* (jb_find: every paragraph is asked) */
    for (const char *p = jb_find(para, end, "；", 3); p; p = jb_find(p + 1, end, "；", 3)) {
        const char *q = p + strlen("；");
        if (starts(q, q + 3, "（"))
            q += 3;
        if (g_ascii_isdigit(*q)) {
            while (g_ascii_isdigit(*q))
                q++;
            if (*q == '.' || starts(q, q + 3, "）") || starts(q, q + 3, "、"))
                items++;
        }
    }
    if (items < 3) /* (every paragraph is asked, most have no list: no need to count its 。) */
        return FALSE;
    for (const char *p = strstr(para, "。"); p; p = strstr(p + 1, "。"))
        stops++;
    return items >= 3 && stops * 3 <= items; /* (a sentence or two may close it) */
}

static gboolean is_title(const JbArticle *article, guint i)
{
    return i < article->paragraphs->len && article->title && article->title[0] &&
           strcmp(g_ptr_array_index(article->paragraphs, i), article->title) == 0;
}

/* Is paragraph i a deck under the title or a kicker over it (出口增长6.8%  进口下降3.5%)? A
 * short line of prose beside the title (or first, under a title the page's metadata gives)
 * that ends no sentence: the headline's own words, its figures said again in the story. */
static gboolean is_deck(const JbArticle *article, guint i)
{
    const char *para = g_ptr_array_index(article->paragraphs, i);
    if (g_array_index(article->kinds, guint8, i) != JB_PARA_BODY ||
        !((i > 0 && is_title(article, i - 1)) || is_title(article, i + 1) ||
          (i == 0 && article->title && article->title[0])) ||
        i + 2 > article->paragraphs->len || g_utf8_strlen(para, -1) > 40 ||
        jb_extract_heading_level(para) > 0)
        return FALSE; /* (一、2025年工作回顾 under the title is a section's heading) */
    static const char *const ENDS[] = {"。", "！", "？", "：", "；", NULL};
    for (const char *const *w = ENDS; *w; w++)
        if (strstr(para, *w))
            return FALSE;
    for (const char *p = strchr(para, ':'); p; p = strchr(p + 1, ':'))
        if (p == para || !g_ascii_isdigit(p[-1]) || !g_ascii_isdigit(p[1]) ||
            (g_ascii_isdigit(p[2]) && !g_ascii_isdigit(p[3])))
            return FALSE; /* (a ratio's colon ends nothing: 之比约36:1  最热职位2371人争1个名额;
                           * a byline's time, 11月6日 21:15, is no deck's) */
    return TRUE;
}

/* Is the paragraph a summary opening the story (【摘要】…, 核心提示：…)? */
/* May a summary label (jb_words_summary_label) open the paragraph? The list's filter: every
 * paragraph is asked, by is_summary and is_summary_head. (Every label has three bytes or
 * more, and so has each without its colon: the filter tests the first three.) */
static gboolean summary_label_may_open(const char *para)
{
    static JbLitFilter labels;
    JB_LIT_FILTER_ONCE(&labels, jb_words_summary_label);
    return jb_lit_filter_may_start(&labels, para, para + strnlen(para, 3));
}

static gboolean is_summary(const char *para)
{
    if (!summary_label_may_open(para))
        return FALSE;
    for (const char *const *w = jb_words_summary_label; *w; w++)
        if (jb_has_prefix(para, *w))
            return TRUE;
    return FALSE;
}

/* Is the paragraph a summary's label alone (本期要点, 本期提要：) over the list of its points? */
static gboolean is_summary_head(const char *para)
{
    /* (every paragraph is asked: the labels' filter, then a label's first byte before its
     * length, no strlen of the paragraph) */
    if (!summary_label_may_open(para))
        return FALSE;
    for (const char *const *w = jb_words_summary_label; *w; w++) {
        if ((*w)[0] != para[0])
            continue;
        gsize n = strlen(*w);
        if (n < strlen("：") || strcmp(*w + n - strlen("："), "：") != 0)
            continue;
        n -= strlen("："); /* (the label without its colon: the paragraph, with it or not) */
        if (strncmp(*w, para, n) == 0 && (!para[n] || strcmp(para + n, "：") == 0))
            return TRUE;
    }
    return FALSE;
}

/* Is the paragraph one of the points of such a list: short, no sentence of its own? */
static gboolean is_summary_point(const char *para)
{
    return g_utf8_strlen(para, -1) <= 80 && !strstr(para, "。");
}

/* Is paragraph i a subhead set off by a bullet mark (■ 薪资：平均月薪9,870元, ◆ 出口): a short
 * line that ends no sentence, prose after it, its figures said again below? */
static gboolean is_bullet_subhead(const JbArticle *article, guint i)
{
    static const char *const MARK[] = {"■", "□", "◆", "◇", "●", "▌", "▍", "◼", NULL};
    const char *para = g_ptr_array_index(article->paragraphs, i);
    if ((guchar)para[0] != 0xE2) /* (every mark's first byte: most paragraphs end here) */
        return FALSE;
    gboolean marked = FALSE;
    for (const char *const *w = MARK; *w && !marked; w++)
        marked = g_str_has_prefix(para, *w);
    if (!marked || i + 1 >= article->paragraphs->len ||
        g_array_index(article->kinds, guint8, i) != JB_PARA_BODY || g_utf8_strlen(para, -1) > 30)
        return FALSE;
    /* (not ，: 茶园：60.8万亩，投产茶园占比超85% is two figures of one line) */
    static const char *const ENDS[] = {"。", "！", "？", "；", NULL};
    for (const char *const *w = ENDS; *w; w++)
        if (strstr(para, *w))
            return FALSE;
    return TRUE;
}

guint8 *jb_extract_headline_flags(const JbArticle *article)
{
    guint n = article->paragraphs->len;
    guint8 *heads = g_new0(guint8, n ? n : 1);
    gboolean points = FALSE; /* under a summary's label alone (本期要点): its points */
    for (guint i = 0; i < n; i++) {
        const char *para = g_ptr_array_index(article->paragraphs, i);
        guint8 kind = g_array_index(article->kinds, guint8, i);
        gboolean contents = is_contents(para);
        points = points && kind == JB_PARA_BODY && is_summary_point(para);
        gboolean line = kind == JB_PARA_HEADING || kind == JB_PARA_CAPTION ||
                        kind == JB_PARA_LEAD || is_title(article, i) ||
                        jb_has_prefix(para, "原标题") || contents || is_deck(article, i) ||
                        is_summary(para) || is_bullet_subhead(article, i) || points;
        points = points || (kind != JB_PARA_TABLE && is_summary_head(para));
        heads[i] = (guint8)((contents ? JB_HEAD_CONTENTS : 0) | (line ? JB_HEAD_LINE : 0));
    }
    return heads;
}

/* Past a list number at p: （3） (3) 3. 3、 3．, or p when there is none. */
static const char *past_number(const char *p, const char *end)
{
    const char *q = p;
    gboolean paren = FALSE;
    if (starts(q, end, "（")) {
        q += strlen("（");
        paren = TRUE;
    } else if (q < end && *q == '(') {
        q++;
        paren = TRUE;
    }
    const char *d = q;
    while (q < end && g_ascii_isdigit(*q))
        q++;
    if (q == d || q - d > 3)
        return p;
    if (paren)
        return starts(q, end, "）") ? q + strlen("）") : q < end && *q == ')' ? q + 1 : p;
    if (q < end && *q == '.' && !(q + 1 < end && g_ascii_isdigit(q[1]))) /* (3.5%: a number) */
        return q + 1;
    if (starts(q, end, "、") || starts(q, end, "．"))
        return q + 3;
    return p;
}

/* The length of the live page's time stamp the paragraph opens with (15:45【收评】…, 09:31沪指…),
 * 0 if none. Such an entry is an item of its own, as a numbered one is: the period its opening
 * names is not the next entries' (a newest-first page's 本周回顾 on top dates no later entry).
 * (A stamp in markup of its own, <span>15:45</span><p>…, is not in the paragraph's text.) */
gsize jb_extract_time_stamp(const char *p, const char *end)
{
    const char *q = p;
    while (q < end && q - p < 2 && g_ascii_isdigit(*q))
        q++;
    if (starts(q, end, "："))
        q += strlen("：") - 1; /* (15：45, the colon full width) */
    if (q == p || !(q < end && (*q == ':' || (guchar)*q == 0x9A)) || end - q < 3)
        return 0;
    if (!g_ascii_isdigit(q[1]) || !g_ascii_isdigit(q[2]) || (q + 3 < end && g_ascii_isdigit(q[3])))
        return 0;
    return (gsize)(q + 3 - p);
}

gboolean jb_extract_numbered_item(const char *para)
{
    const char *end = para + strlen(para);
    return past_number(para, end) != para || jb_extract_time_stamp(para, end);
}

/* Past a Chinese list number at p: 一、 二、 十一、, （一） (一), or p when there is none;
 * `paren` tells which. */
static const char *past_cn_number(const char *p, const char *end, gboolean *paren)
{
    static const char DIGITS[] = "一二三四五六七八九十";
    const char *q = p;
    *paren = FALSE;
    if (starts(q, end, "（")) {
        q += strlen("（");
        *paren = TRUE;
    } else if (q < end && *q == '(') {
        q++;
        *paren = TRUE;
    }
    const char *d = q;
    while (end - q >= 3 && (guchar)*q >= 0xE4) {
        char one[4] = {q[0], q[1], q[2], '\0'};
        if (!strstr(DIGITS, one))
            break;
        q += 3;
    }
    if (q == d || q - d > 9)
        return p;
    if (*paren)
        return starts(q, end, "）") ? q + strlen("）") : q < end && *q == ')' ? q + 1 : p;
    return starts(q, end, "、") ? q + strlen("、") : p;
}

#define HEADING_LINE_MAX_CHARS 30 /* a longer numbered line is an item of a list */

guint jb_extract_heading_level(const char *para)
{
    const char *end = para + strlen(para);
    gboolean paren;
    const char *rest = past_cn_number(para, end, &paren);
    guint level = rest == para ? 0 : paren ? 2 : 1;
    if (!level && starts(para, end, "【") && ends(para, end, "】") && end - para > 6)
        level = 1, rest = para + strlen("【"); /* a section named in brackets: 【未来三天】 */
    if (!level) {
        rest = past_number(para, end);
        level = rest == para ? 0 : *para == '(' || starts(para, end, "（") ? 4 : 3;
    }
    if (!level || rest == end || g_utf8_strlen(rest, end - rest) > HEADING_LINE_MAX_CHARS)
        return 0;
    static const char *const STOPS[] = {"。", "；", "！", "？", "，", ";", "!", "?"};
    for (gsize i = 0; i < G_N_ELEMENTS(STOPS); i++)
        if (strstr(rest, STOPS[i]))
            return 0; /* a sentence: 一、扩大投资。今年… */
    return level;
}

#define GLUED_MIN_CHARS 6   /* a shorter headline could be any sentence's opening words */
#define GLUED_MAX_BYTES 300 /* a longer one is no headline */

/* Add the headline [p, end), numbering and closing punctuation taken off, to `keys`. */
static void add_key(GHashTable *keys, const char *p, const char *end)
{
    p = past_number(p, end);
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    for (gboolean cut = TRUE; cut && end > p;) {
        cut = FALSE;
        static const char *const CLOSE[] = {"；", "。", "：", ";", ".", ":", " ", NULL};
        for (const char *const *w = CLOSE; *w; w++) {
            gsize n = strlen(*w);
            if ((gsize)(end - p) >= n && memcmp(end - n, *w, n) == 0) {
                end -= n;
                cut = TRUE;
            }
        }
    }
    if (end - p > GLUED_MAX_BYTES || g_utf8_strlen(p, end - p) < GLUED_MIN_CHARS)
        return;
    gpointer first = GUINT_TO_POINTER(g_utf8_get_char(p));
    GPtrArray *bucket = g_hash_table_lookup(keys, first);
    if (!bucket) {
        bucket = g_ptr_array_new_with_free_func(g_free);
        g_hash_table_insert(keys, first, bucket);
    }
    g_ptr_array_add(bucket, g_strndup(p, (gsize)(end - p)));
}

GHashTable *jb_extract_headline_keys(const JbArticle *article, const guint8 *heads)
{
    GHashTable *keys = g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
    if (article->title && article->title[0])
        add_key(keys, article->title, article->title + strlen(article->title));
    for (guint i = 0; i < article->paragraphs->len; i++) {
        const char *para = g_ptr_array_index(article->paragraphs, i);
        const char *end = para + strlen(para);
        if (heads[i] & JB_HEAD_CONTENTS) { /* each of its items */
            /* items end at ； or 。, and at ： before the items of a group (4.国内快讯：（1）…) */
            for (const char *p = para; p < end;) {
                const char *e = p;
                while (e < end && !starts(e, end, "；") && !starts(e, end, "。") &&
                       !starts(e, end, "："))
                    e = g_utf8_next_char(e);
                add_key(keys, p, e);
                p = e < end ? e + strlen("；") : end;
            }
        } else if ((heads[i] & JB_HEAD_LINE) || past_number(para, end) != para) {
            add_key(keys, para, end); /* a heading, or a numbered line: （3）… */
        }
    }
    return keys;
}

gsize jb_extract_glued_headline(GHashTable *keys, const char *s, const char *end)
{
    if (s >= end || g_hash_table_size(keys) == 0) /* (asked of every sentence) */
        return 0;
    const char *next;
    GPtrArray *bucket = g_hash_table_lookup(keys, GUINT_TO_POINTER(jb_utf8_get(s, end, &next)));
    gsize best = 0;
    for (guint k = 0; bucket && k < bucket->len; k++) {
        const char *key = g_ptr_array_index(bucket, k);
        gsize n = strlen(key);
        if (n <= best || n >= (gsize)(end - s) || memcmp(s, key, n) != 0)
            continue;
        /* the rest begins a sentence: a Chinese character (not punctuation, not a figure
         * that the headline's words would be the subject of) and goes on for a while */
        const char *rest = s + n;
        gunichar ch = g_utf8_get_char(rest);
        if (ch < 0x4E00 || ch > 0x9FFF || g_utf8_strlen(rest, end - rest) < 10)
            continue;
        best = n;
    }
    return best;
}

/* A paragraph's first characters (up to 8) as a hash key of its bytes. */
static guint prefix_hash(const char *p, gsize *len)
{
    const char *e = p;
    for (int n = 0; *e && n < 8; n++)
        e = g_utf8_next_char(e);
    *len = (gsize)(e - p);
    guint h = 5381;
    for (const char *q = p; q < e; q++)
        h = h * 33 + (guchar)*q;
    return h;
}

/* contents_lines' paragraphs by their first eight characters (prefix_hash): a table of
 * hashes (open addressing) to the first paragraph with each, and each paragraph to the next
 * with the same hash, in text order, with its rank in that chain (0 for the first). Two
 * allocations, not a hash table of arrays: a small article's lookups cost less than making
 * the table did. */
typedef struct {
    guint cap;   /* slots: a power of two, over twice the paragraphs */
    guint *key;  /* a slot's hash */
    guint *head; /* a slot's first paragraph, or G_MAXUINT (an empty slot) */
    guint *next; /* a paragraph's next with its hash, or G_MAXUINT */
    guint *rank; /* a paragraph's place in its hash's chain */
} PrefixIndex;

static guint prefix_slot(const PrefixIndex *x, guint h)
{
    guint s = (h * 0x9E3779B1u) & (x->cap - 1);
    while (x->head[s] != G_MAXUINT && x->key[s] != h)
        s = (s + 1) & (x->cap - 1);
    return s;
}

static void prefix_index_init(PrefixIndex *x, const JbArticle *article)
{
    guint n = article->paragraphs->len;
    x->cap = 16;
    while (x->cap < 2 * n)
        x->cap *= 2;
    x->key = g_new(guint, 2 * x->cap + 2 * n);
    x->head = x->key + x->cap;
    x->next = x->head + x->cap;
    x->rank = x->next + n;
    memset(x->head, 0xFF, x->cap * sizeof *x->head);
    for (guint i = n; i-- > 0;) { /* (from the last: each list in text order) */
        gsize len;
        guint h = prefix_hash(g_ptr_array_index(article->paragraphs, i), &len);
        guint s = prefix_slot(x, h);
        x->key[s] = h;
        x->next[i] = x->head[s];
        x->head[s] = i;
    }
    for (guint i = 0; i < n; i++) /* (a chain's first has no predecessor: rank 0) */
        x->rank[i] = 0;
    for (guint i = 0; i < n; i++)
        if (x->next[i] != G_MAXUINT)
            x->rank[x->next[i]] = x->rank[i] + 1;
}

/* The first paragraph whose first eight characters hash to h, or G_MAXUINT; x->next[] the
 * others, and only the first PREFIX_AT_MAX of them are looked at (a bucket stays small on any
 * input). */
#define PREFIX_AT_MAX 64
static guint prefix_first(const PrefixIndex *x, guint h)
{
    return x->head[prefix_slot(x, h)];
}

/* Has [p, e) more than `max` characters (valid UTF-8, no NUL)? Its bytes say so without a
 * count when there are at most `max` (one a character at least) or over 4 * max (four at
 * most); else counts no further than max + 1. */
static gboolean more_chars_than(const char *p, const char *e, glong max)
{
    if (e - p <= max)
        return FALSE;
    if (e - p > 4 * max)
        return TRUE;
    glong k = 0;
    for (; p < e && *p && k <= max; k++)
        p = g_utf8_next_char(p);
    return k > max;
}

guint8 *jb_extract_contents_lines(const JbArticle *article)
{
    guint n = article->paragraphs->len;
    guint8 *marks = g_new0(guint8, n ? n : 1);
    /* the paragraphs by their first eight characters: each numbered line is looked up once */
    PrefixIndex by_start;
    prefix_index_init(&by_start, article);
    /* a list whose numbers the page's markup took (a Markdown 1. 2. list) names its stories
     * with the headings they stand under: lines a later heading repeats, two at least */
    guint listed = 0;
    guint8 *repeated = g_new0(guint8, n ? n : 1);
    for (guint i = 0; i < n; i++) {
        const char *para = g_ptr_array_index(article->paragraphs, i);
        /* the lines after it in its chain's first PREFIX_AT_MAX: those ranked after it (the
         * chain is in text order), so the walk starts at the line itself */
        if (g_array_index(article->kinds, guint8, i) != JB_PARA_BODY ||
            by_start.rank[i] + 1 >= PREFIX_AT_MAX || by_start.next[i] == G_MAXUINT)
            continue;
        int too_long = -1; /* (counted at the first heading of the chain: most have none) */
        for (guint j = by_start.next[i];
             j != G_MAXUINT && by_start.rank[j] < PREFIX_AT_MAX && !repeated[i];
             j = by_start.next[j]) {
            if (g_array_index(article->kinds, guint8, j) != JB_PARA_HEADING)
                continue;
            if (too_long < 0)
                too_long = more_chars_than(para, para + strlen(para), 60);
            if (too_long)
                break;
            repeated[i] = strcmp(g_ptr_array_index(article->paragraphs, j), para) == 0;
        }
        listed += repeated[i];
    }
    for (guint i = 0; i < n && listed >= 2; i++)
        marks[i] = repeated[i];
    g_free(repeated);
    for (guint i = 0; i < n; i++) {
        const char *para = g_ptr_array_index(article->paragraphs, i);
        const char *end = para + strlen(para);
        const char *p = past_number(para, end);
        if (p == para)
            continue;
        while (p < end && *p == ' ')
            p++;
        const char *e = end; /* without its closing punctuation */
        while (e > p && (starts(e - 3, e, "；") || starts(e - 3, e, "。")))
            e -= 3;
        if (!more_chars_than(p, e, GLUED_MIN_CHARS - 1))
            continue;
        gsize len;
        guint j = prefix_first(&by_start, prefix_hash(p, &len));
        for (guint k = 0; j != G_MAXUINT && k < PREFIX_AT_MAX && !marks[i];
             k++, j = by_start.next[j]) {
            const char *later = g_ptr_array_index(article->paragraphs, j);
            marks[i] = j > i && strncmp(later, p, (gsize)(e - p)) == 0;
        }
    }
    g_free(by_start.key);
    return marks;
}

static void glued_clear(gpointer p)
{
    g_free(((Glued *)p)->text);
}

/* The first ： at s or among the `max` characters after it (before end), or NULL; its place
 * in characters in *chars: jb_find3 over the bytes they may span, then the count (a walk a
 * character at a time, asked of every sentence, found none in most). */
static const char *colon_within(const char *s, const char *end, int max, int *chars)
{
    const char *lim = end - s > 4 * max + 3 ? s + 4 * max + 3 : end;
    const char *q = jb_find3(s, lim, "：");
    if (!q)
        return NULL;
    int k = 0;
    for (const char *p = s; p < q; p++)
        k += ((guchar)*p & 0xC0) != 0x80;
    *chars = k;
    return k <= max ? q : NULL;
}

/* Where the sentence [s, end) goes on after a headline glued to its start, possibly after a
 * dateline (央视网消息（新闻联播）：…); the headline goes to c->glued. `s` when there is none. */
/* A 快讯 item's headline glued to its story, both opening with who speaks (世界气象组织：今年…高出
 * 约1.45摄氏度世界气象组织30日发布报告说，…): the headline runs to where its source is named
 * again, within a headline's length and no sentence's end. Its length, or 0. */
static gsize source_named_again(const char *s, const char *end, const char *colon, int chars)
{
    /* (the sentence's first ： (colon_within), among its first 14 characters, after no ， 。
     * or space) */
    if (!colon || chars > 13)
        return 0;
    for (const char *p = s; p < colon; p++)
        if (*p == ' ' || starts(p, colon, "，") || starts(p, colon, "。"))
            return 0;
    gsize n = (gsize)(colon - s);
    if (n < 3 * 3)
        return 0; /* (成本：度电成本… is a label, not a source) */
    const char *at = colon + strlen("：");
    for (int k = 0; k < 60 && at < end && !starts(at, end, "。"); k++) {
        if (k >= 6 && (gsize)(end - at) > n && memcmp(at, s, n) == 0)
            return (gsize)(at - s);
        at = g_utf8_next_char(at);
    }
    return 0;
}

/* Past a post's topics at s (#西岩一个周末涌入38万人# #演唱会经济#): each a headline of its
 * own (to c->glued when it holds a figure), none of the sentence. s when none is there. */
static const char *past_topics(Ctx *c, const char *s, const char *end)
{
    for (;;) {
        while (s < end && *s == ' ')
            s++;
        if (s >= end || *s != '#')
            return s;
        const char *e = s + 1;
        for (int k = 0; k < 40 && e < end && *e != '#' && !starts(e, end, "。"); k++)
            e = g_utf8_next_char(e);
        if (e >= end || *e != '#' || e == s + 1)
            return s;
        if (has_digit(s, e)) {
            Glued g = {g_strndup(s + 1, (gsize)(e - s - 1)), c->section, 0};
            g_array_append_val(c->glued, g);
        }
        s = e + 1;
    }
}

static const char *past_glued_headline(Ctx *c, const char *s, const char *end)
{
    s = past_topics(c, s, end);
    const char *h = s;
    /* a wire's item: (a time, 18:02) 【its headline】 then its story (财联社3月12日电，…) */
    const char *b = s;
    while (b < end && (g_ascii_isdigit(*b) || *b == ':' || *b == ' '))
        b++;
    if (starts(b, end, "【")) {
        const char *e = b + strlen("【");
        for (int k = 0; k < 80 && e < end && !starts(e, end, "】"); k++)
            e = g_utf8_next_char(e);
        if (e < end && starts(e, end, "】") && has_digit(b, e)) {
            Glued g = {g_strndup(b + strlen("【"), (gsize)(e - b - strlen("【"))), c->section, 0};
            g_array_append_val(c->glued, g);
            c->have_lead = c->have_opening_day = FALSE; /* a new item: its own opening */
            c->lead_open = TRUE;
            return e + strlen("】");
        }
    }
    gsize n = jb_extract_glued_headline(c->headline_keys, h, end);
    int k = 0; /* after a dateline: a colon among the first 24 characters */
    const char *q = n ? NULL : colon_within(s, end, 24, &k);
    if (q)
        n = jb_extract_glued_headline(c->headline_keys, h = q + strlen("："), end);
    if (!n)
        n = source_named_again(h = s, end, q, k);
    if (!n)
        return s;
    Glued g = {g_strndup(h, n), c->section, 0};
    g_array_append_val(c->glued, g);
    return h + n;
}

GArray *jb_extract_glued_new(void)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(Glued));
    g_array_set_clear_func(a, glued_clear);
    return a;
}

const char *jb_extract_past_glued_headline(Ctx *c, const char *para, const char *sent,
                                           const char *end, guint line)
{
    guint before = c->glued->len;
    const char *rest = past_glued_headline(c, sent, end);
    if (c->glued->len > before) {
        g_array_index(c->glued, Glued, before).line = line;
        /* (the paragraph begins with it: glued to its first sentence) */
        const char *text = g_array_index(c->glued, Glued, before).text;
        if (g_str_has_prefix(para, text)) {
            c->have_lead = c->have_opening_day = FALSE; /* a headline opens a new story: */
            c->lead_open = TRUE;                        /* the last one's period is not its */
        } else if (sent > para && g_str_has_prefix(sent, text)) {
            /* (a sentence of a 快讯 run begins with it, after the last item's 。: that item's
             * 截至11月15日 is not its time; its opening names no lead for its forecasts
             * either, 昨晚（10月17日）开幕。本届…将举办近千场: those are the broadcast day's) */
            c->have_carry = c->have_years_span = FALSE;
            c->have_lead = c->have_opening_day = FALSE;
        }
    }
    return rest;
}
