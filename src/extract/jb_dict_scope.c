/* jb_dict_scope.c — whose figure a statement is: the [scope] of the dictionary
 * (jb_dict_in_scope in jb_dict.h; the format in templates/metrics.ini's header). */
#include "jb_dict_priv.h"

#include <string.h>

/* The longest word of `set` at `p`, or NULL. */
static const JbWord *longest_at(const JbWordSet *set, const char *p, const char *end)
{
    guint n;
    const JbWord *w = jb_word_set_candidates(set, p, end, &n), *best = NULL;
    for (guint i = 0; i < n; i++)
        if (jb_word_at(&w[i], p, end) && (!best || w[i].len > best->len))
            best = &w[i];
    return best;
}

/* The bytes of the clause mark (，；： and their ASCII kin) that ends just before `p`, or 0.
 * By its last byte: clause_from asks this at every byte it walks back over. */
static inline gsize mark_before(const char *sent, const char *p)
{
    if (p <= sent)
        return 0;
    guchar b = (guchar)p[-1];
    if (b == ',' || b == ';' || b == ':')
        return 1;
    /* ， U+FF0C, ； U+FF1B, ： U+FF1A: EF BC 8C, EF BC 9B, EF BC 9A */
    if ((b == 0x8C || b == 0x9B || b == 0x9A) && p - sent >= 3 && (guchar)p[-2] == 0xBC &&
        (guchar)p[-3] == 0xEF)
        return 3;
    return 0;
}

/* Where the clause holding `p` starts: after the last clause mark before it. (Each byte is
 * first tested for being a mark's last, by a table: asked of a clause's every byte, most
 * bytes are none.) */
static const char *clause_from(const char *sent, const char *p)
{
    static const guint8 LAST[256] = {
        [','] = 1, [';'] = 1, [':'] = 1, [0x8C] = 1, [0x9B] = 1, [0x9A] = 1};
    while (p > sent && !(LAST[(guchar)p[-1]] && mark_before(sent, p)))
        p--;
    return p;
}

/* What only_time_and_openers passes over besides digits: the time characters below, and
 * the words of JB_DICT_SCOPE_WORDS then OPENERS (the first of them that is at a place). */
static const char TIME_CHARS[] =
    "〇零一二三四五六七八九十两兩第上下前后後首半年月日号號季度底末初今去"
    "明本同期以来來至到截个個份旬周週—－～、";
static const char *const OPENERS[] = {"据", "據",   "根据", "根據", "另据", "另據", "而",
                                      "但", "此外", "另外", "分别", "分別", NULL};

void jb_dict_scope_prepare(JbDict *d)
{
    d->lead_words = jb_word_set_new();
    int tag = 0;
    for (const char *const *w = JB_DICT_SCOPE_WORDS; *w; w++)
        jb_word_set_add(d->lead_words, *w, tag++);
    for (const char *const *w = OPENERS; *w; w++)
        jb_word_set_add(d->lead_words, *w, tag++);
    d->time_chars = g_new0(guint8, 0x10000 / 8);
    for (const char *p = TIME_CHARS; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        d->time_chars[c >> 3] |= (guint8)(1u << (c & 7));
    }
    for (gunichar c = 0xFF10; c <= 0xFF19; c++) /* ０…９ */
        d->time_chars[c >> 3] |= (guint8)(1u << (c & 7));
}

/* Does [a, z) hold only what may come before a clause's own words: time (二季度, 1—9月,
 * 今年以来, 截至6月底), a scope or link word of SCOPE_WORDS that names no owner (其中 同期
 * 累计), an opener (据, 而)? Then the clause's owner is carried from the clause before. */
static gboolean only_time_and_openers(const JbDict *d, const char *a, const char *z)
{
    for (const char *p = a; p < z;) {
        if (g_ascii_isdigit(*p) || *p == ' ' || *p == '-' || *p == '.') {
            p++;
            continue;
        }
        const char *next;
        gunichar c = jb_utf8_get(p, z, &next);
        guint n;
        const JbWord *w = jb_word_set_lookup(d->lead_words, c, &n);
        gsize skip = 0;
        for (guint i = 0; i < n && !skip; i++) /* (in the order of the lists: first wins) */
            if (jb_word_at(&w[i], p, z))
                skip = w[i].len;
        if (!skip && c < 0x10000 && ((d->time_chars[c >> 3] >> (c & 7)) & 1))
            skip = jb_utf8_len((guchar)*p);
        if (!skip)
            return FALSE;
        p += skip;
    }
    return TRUE;
}

/* Words after which a place is the object, not the owner: 我国对美国出口, 受美国关税影响. */
static gboolean object_of_preposition(const char *a, const char *p)
{
    static const char *const PREP[] = {"对", "對", "向",   "自",   "从", "從", "受",
                                       "赴", "往", "与",   "與",   "同", "跟", "比",
                                       "较", "較", "针对", "針對", NULL};
    static JbLitFilter tails; /* (asked at every owner word: most end no word of the list) */
    JB_LIT_FILTER_ONCE(&tails, PREP);
    if (!jb_lit_filter_may_end(&tails, a, p))
        return FALSE;
    for (const char *const *w = PREP; *w; w++) {
        gsize n = strlen(*w);
        if ((gsize)(p - a) >= n && memcmp(p - n, *w, n) == 0)
            return TRUE;
    }
    return FALSE;
}

/* The last owner word (a place or a home word) in [a, z) that is no preposition's object,
 * or NULL; with `opening`, only one that opens [a, z) after time and openers. */
static const JbWord *owner_in(const JbDict *d, const char *a, const char *z, gboolean opening)
{
    const JbWord *last = NULL;
    for (const char *p = a, *next; p < z;) {
        /* (longest_at inline: most characters begin no owner word, told by one bit) */
        guint n;
        const JbWord *cand = jb_word_set_lookup(d->owners, jb_utf8_step(p, z, &next), &n);
        const JbWord *w = NULL;
        for (guint i = 0; i < n; i++)
            if (jb_word_at(&cand[i], p, z) && (!w || cand[i].len > w->len))
                w = &cand[i];
        if (!w) {
            p = next;
            continue;
        }
        if (opening)
            return only_time_and_openers(d, a, p) ? w : NULL;
        if (!object_of_preposition(a, p))
            last = w;
        p += w->len;
    }
    return last;
}

/* Is owner `w` one `m` is the figure of: a home word for a metric of the home economy, a
 * place its scope lists? A region of the home economy (全省, 广东省) owns a figure of a home
 * metric too, as that region's: *region is set to its name. */
static gboolean owner_fits(const JbDict *d, const JbMetric *m, const JbWord *w, const char **region)
{
    if (w->tag <= -2) {
        if (region)
            *region = d->regions[-2 - w->tag];
        return !m->scope[0];
    }
    if (w->tag < 0)
        return !m->scope[0];
    return g_strv_contains((const char *const *)m->scope, d->places[w->tag]);
}

/* The start of the last measure of [a, z) (the longest at each place), or NULL. */
static const char *last_measure(const JbDict *d, const char *a, const char *z)
{
    const char *last = NULL;
    for (const char *p = a; p < z;) {
        const JbWord *w = longest_at(d->measures, p, z);
        if (w) {
            last = p;
            p += w->len;
        } else {
            p = g_utf8_next_char(p);
        }
    }
    return last;
}

/* Does the measure at `p` of the clause [a, z) belong to an owner the dictionary knows: after a
 * scope, link word or subject (alias_starts_metric: 全国出口额, 其中出口), or inside a subject
 * word (货物贸易进出口)? Else a thing of its own names it (集成电路出口额, 汽车出口量). */
static gboolean measure_owner_known(const JbDict *d, const char *a, const char *p, const char *z)
{
    if (jb_dict_alias_starts_metric(a, p, d->subject_set))
        return TRUE;
    for (const char *q = a; q < p; q = g_utf8_next_char(q)) {
        guint n;
        const JbWord *w = jb_word_set_candidates(d->subject_set, q, z, &n);
        for (guint i = 0; i < n; i++)
            if (jb_word_at(&w[i], q, z) && q + w[i].len > p)
                return TRUE;
    }
    return FALSE;
}

/* Where in [sent, at) the last alias of `m` (or of the metric it is the growth of) begins, or
 * NULL. */
static const char *alias_before(const JbDict *d, const JbMetric *m, const char *sent,
                                const char *at)
{
    const char *best = NULL;
    const char *best_end = NULL;
    for (int round = 0; round < 2 && !best; round++) {
        const JbMetric *x = round == 0 ? m : *m->growth_of ? jb_dict_get(d, m->growth_of) : NULL;
        for (char **a = x ? x->aliases : NULL; a && *a; a++) {
            gsize n = strlen(*a);
            /* (bounded: a sentence is no string of its own, the article goes on after it) */
            for (const char *p = n ? jb_find(sent, at, *a, n) : NULL; p;
                 p = jb_find(p + 1, at, *a, n))
                if (!best || p + n > best_end || (p + n == best_end && p < best)) {
                    best = p;
                    best_end = p + n;
                }
        }
    }
    return best;
}

/* A figure no owner word of its clause claims is the home economy's, or a region's when the
 * last owner word of the sentence before `a` is one: 全省将新建智能工厂50家以上，力争人工智能
 * 核心产业规模达到800亿元 is the province's plan. (Only regions are carried this far: a place
 * must own the clause, as before.) */
static gboolean home_or_region(const JbDict *d, const JbMetric *m, const char *sentence,
                               const char *a, const char **region)
{
    const JbWord *o = owner_in(d, sentence, a, FALSE);
    if (o && o->tag <= -2)
        return owner_fits(d, m, o, region);
    return TRUE;
}

/* How far back from a figure its owner is looked for: a sentence of thousands of figures
 * without a full stop had each of them search all of it before it, and walk it back a byte
 * at a time (5000 figures of 社会消费品零售总额 in one sentence: 35 s). A sentence of
 * prose says whose figure it is well within this. */
#define SCOPE_LOOKBACK 1536

gboolean jb_dict_in_scope(const JbDict *d, const JbMetric *m, const char *sentence, const char *at,
                          const char **region)
{
    if (region)
        *region = NULL;
    if (m->anyone)
        return TRUE;
    if (at - sentence > SCOPE_LOOKBACK) {
        sentence = at - SCOPE_LOOKBACK;
        while (((guchar)*sentence & 0xC0) == 0x80)
            sentence++;
    }
    const char *a = alias_before(d, m, sentence, at);
    if (!a) {
        a = clause_from(sentence, at);
        /* no alias (a 分别 member, a growth figure named by its subject): a region before the
         * number in its own clause still owns it (本省新能源汽车产量与销量分别为86万辆和81万辆) */
        const JbWord *r = owner_in(d, a, at, FALSE);
        if (r && r->tag <= -2)
            return owner_fits(d, m, r, region);
    }
    const char *cs = clause_from(sentence, a);
    const JbWord *o = owner_in(d, cs, a, FALSE);
    if (o)
        return owner_fits(d, m, o, region); /* 美国第二季度GDP增长3% */
    if (!only_time_and_openers(d, cs, a))
        return home_or_region(d, m, sentence, a, region); /* the clause's own words name it
                                                            * (alias_starts_metric vetted them) */
    gboolean measure = longest_at(d->measures, a, at) != NULL;
    /* the clause opens with the alias: its owner is the clause before's */
    for (const char *z = cs; z > sentence;) {
        z -= mark_before(sentence, z);
        const char *pa = clause_from(sentence, z);
        const char *mp = measure ? last_measure(d, pa, z) : NULL;
        if (mp && !only_time_and_openers(d, pa, mp))
            return measure_owner_known(d, pa, mp, z); /* 集成电路出口额…，进口额… */
        o = owner_in(d, pa, z, TRUE);
        if (o)
            return owner_fits(d, m, o, region); /* 美国商务部公布，二季度GDP增长2.8% */
        z = pa;
    }
    return home_or_region(d, m, sentence, a, region);
}
