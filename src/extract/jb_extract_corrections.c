/* jb_extract_corrections.c — an editor's correction of a figure the same page or feed stated
 * before (12月3日发布的《…公报》中，“平均降水量为48.2毫米”有误，应为“平均降水量为46.8毫米”): the
 * withdrawn figure, where an earlier item states it, is no statement; the corrected one takes
 * that statement's period (the bulletin's month, the report's week), not the notice's day, and
 * its tense (a plan's figure put right is the plan's).
 *
 * Also the withdrawn figure inside a correction itself (jb_extract_withdrawn, asked by
 * in_short_quote), a first estimate a revision supersedes and a figure in a cited article's title.
 *
 * Not for: the earlier value
 * of a revision (由早前公布的2.6%修訂為2.2%: revised_away), a repeat of a corrected value
 * (correction_repeats).
 */
#include "jb_extract_read_priv.h"

#include <string.h>

/* One correction: what it withdraws (the quoted text before 有误/应为) and what it puts in its
 * place (the quoted text after 应为, "" when it names none). */
typedef struct {
    char *wrong, *right;
} Correction;

static const char *const OPEN[] = {"“", "「"}, *const CLOSE[] = {"”", "」"};

/* The quotation opening at p ([*a, *b) its text, past its closing mark returned), or NULL. */
static const char *quotation_at(const char *p, const char *end, const char **a, const char **b)
{
    for (gsize k = 0; k < G_N_ELEMENTS(OPEN); k++) {
        if (!starts(p, end, OPEN[k]))
            continue;
        *a = p + strlen(OPEN[k]);
        const char *close = g_strstr_len(*a, end - *a, CLOSE[k]);
        if (!close || close == *a)
            return NULL;
        *b = close;
        return close + strlen(CLOSE[k]);
    }
    return NULL;
}

/* Past one of `words` at p, or NULL. */
static const char *past_any(const char *p, const char *end, const char *const *words)
{
    for (const char *const *w = words; *w; w++)
        if (starts(p, end, *w))
            return p + strlen(*w);
    return NULL;
}

/* The corrections of paragraph [p, end): “X”有误，应为“Y”, “X”应为“Y”, “X”有误, and with the
 * noun of what is wrong between (“X”数字有误，准确数字为…). */
static void find_corrections(const char *p, const char *end, GArray *found)
{
    static const char *const WRONG[] = {"有误", "有誤", NULL};
    static const char *const NOUN[] = {"数字", "數字", "数据", "數據", NULL};
    static const char *const RIGHT[] = {"应为", "應為", "更正为", "更正為", NULL};
    static const char *const SEP[] = {"，", ",", "；", NULL};
    while (p < end) {
        const char *a, *b, *after = quotation_at(p, end, &a, &b);
        if (!after) {
            p = g_utf8_next_char(p);
            continue;
        }
        const char *noun = past_any(after, end, NOUN);
        const char *q = past_any(noun ? noun : after, end, WRONG);
        if (q) {
            const char *s = past_any(q, end, SEP);
            q = s ? s : q;
        }
        const char *r = past_any(q ? q : after, end, RIGHT), *ra = NULL, *rb = NULL;
        const char *next = r ? quotation_at(r, end, &ra, &rb) : NULL;
        if (q || r) {
            Correction c = {g_strndup(a, (gsize)(b - a)),
                            next ? g_strndup(ra, (gsize)(rb - ra)) : g_strdup("")};
            g_array_append_val(found, c);
        }
        p = next ? next : after;
    }
}

/* Does statement s state its figure in `text` (a correction's quotation): its quote and the
 * text one inside the other, its value's digits in the text? */
static gboolean states_in(const JbStatement *s, const char *text)
{
    if (!text[0])
        return FALSE;
    JbDecimal v = jb_decimal_normalize(s->q.value);
    v.mant = v.mant < 0 ? -v.mant : v.mant;
    char digits[JB_DECIMAL_STR_MAX];
    if (jb_decimal_format(v, digits, sizeof digits) >= sizeof digits || !strstr(text, digits))
        return FALSE;
    return strstr(s->quote, text) || strstr(text, s->quote);
}

static void correction_clear(gpointer p)
{
    Correction *c = p;
    g_free(c->wrong);
    g_free(c->right);
}

/* Does [a, z) hold one of `words` (n of them), each with the same byte at `k`? A memchr for
 * that byte, then the words around it. */
static gboolean holds_by_byte(const char *a, const char *z, gsize k, const JbLit *words, gsize n)
{
    for (const char *q = a + k; q < z && (q = memchr(q, words[0].s[k], (size_t)(z - q))) != NULL;
         q++)
        for (gsize i = 0; i < n; i++)
            if ((gsize)(z - (q - k)) >= words[i].n && jb_has_lit(q - k, words[i]))
                return TRUE;
    return FALSE;
}

/* Does the paragraph [p, end) hold 有误, 应为 or 更正为 (or their traditional forms)? A memchr
 * for a rare byte of each (the last of 误 誤 应 應 正), not a strstr per word: asked of every
 * paragraph, and most hold none (为 and 有 are too common to look for). */
static gboolean holds_correction(const char *p, const char *end)
{
    static const JbLit WU[] = {JB_LIT("有误")}, WU_T[] = {JB_LIT("有誤")},
                       YING[] = {JB_LIT("应为")}, YING_T[] = {JB_LIT("應為")},
                       GENG[] = {JB_LIT("更正为"), JB_LIT("更正為")};
    return holds_by_byte(p, end, 5, WU, 1) || holds_by_byte(p, end, 5, WU_T, 1) ||
           holds_by_byte(p, end, 2, YING, 1) || holds_by_byte(p, end, 2, YING_T, 1) ||
           holds_by_byte(p, end, 5, GENG, 2);
}

void jb_extract_apply_corrections(const JbArticle *article, GPtrArray *out)
{
    g_autoptr(GArray) found = g_array_new(FALSE, FALSE, sizeof(Correction));
    g_array_set_clear_func(found, correction_clear);
    for (guint i = 0; i < article->paragraphs->len; i++) {
        const char *para = g_ptr_array_index(article->paragraphs, i);
        const char *end = para + strlen(para);
        if (holds_correction(para, end))
            find_corrections(para, end, found);
    }
    for (guint k = 0; k < found->len; k++) {
        const Correction *c = &g_array_index(found, Correction, k);
        gboolean gone = FALSE, forecast = FALSE;
        char period[JB_PERIOD_MAX] = "";
        guint kept = 0;
        for (guint i = 0; i < out->len; i++) {
            JbStatement *s = g_ptr_array_index(out, i);
            if (!gone && states_in(s, c->wrong) && !states_in(s, c->right)) {
                g_strlcpy(period, s->period, sizeof period);
                forecast = s->forecast;
                gone = TRUE;
                jb_statement_free(s);
                continue;
            }
            g_ptr_array_index(out, kept++) = s;
        }
        for (guint i = kept; i < out->len; i++)
            g_ptr_array_index(out, i) = NULL; /* (moved down or freed: set_size frees NULLs) */
        g_ptr_array_set_size(out, kept);
        for (guint i = 0; gone && i < out->len; i++) {
            JbStatement *s = g_ptr_array_index(out, i);
            if (states_in(s, c->right)) {
                g_strlcpy(s->period, period, JB_PERIOD_MAX);
                s->period_stated = TRUE;
                s->forecast = forecast; /* (将于12月1日起…平均降价56%: a plan's, put right) */
            }
        }
    }
}

/* ---- the withdrawn figure inside a correction, a superseded first estimate, a cited title ---- */

/* Is the number at qs a first estimate a revision before it in the sentence supersedes
 * (…修正值为年化下降1.2%，此前公布的初值为下降0.4%; 上修至…，初值为…): the revised one is the figure?
 * Its clause names the first estimate (初值, 初步值, 此前公布, 早前公布); 前值 alone is the period
 * before's. */
static gboolean superseded(const char *s, const char *qs)
{
    static const char *const FIRST[] = {"初值", "初步值", "此前公布", "早前公布", "原公布", NULL};
    static const char *const REVISED[] = {"修正", "修订", "修訂", "上修", "下修", NULL};
    /* Back to the clause's start over 60 characters at most, and the revision looked for in the
     * 120 before it: a clause of thousands of figures is not walked again at each of them */
    /* (most figures: neither 初 (初值, 初步值) nor 公布 (此前公布…) in the 60 characters before
     * them, where the clause's start is at the farthest: within 240 bytes, not counted) */
    const char *far = qs - s > 4 * 60 ? qs - 4 * 60 : s;
    if (!jb_find(far, qs, "初", strlen("初")) && !jb_find(far, qs, "公布", strlen("公布")))
        return FALSE;
    const char *cs = qs;
    for (int n = 0;
         cs > s && n < 60 && !ends(s, cs, "，") && !ends(s, cs, "；") && !ends(s, cs, ","); n++)
        cs = g_utf8_prev_char(cs);
    if (cs == s)
        return FALSE; /* (the sentence's first clause: nothing revised before it) */
    const char *before = jb_utf8_back(s, cs, 120);
    gboolean first = FALSE, revised = FALSE;
    for (const char *const *w = FIRST; *w && !first; w++) {
        const char *f = jb_find(cs, qs, *w, strlen(*w));
        /* (not 较初值下修0.5个百分点, the revision's size; nor 由早前公布的2.6%修訂為2.2%, the
         * revised value after it) */
        first = f && !ends(cs, f, "较") && !ends(cs, f, "較") && !ends(cs, f, "比") &&
                !jb_find(f, qs, "修", strlen("修"));
    }
    for (const char *const *w = REVISED; *w && first && !revised; w++)
        revised = jb_find(before, cs, *w, strlen(*w)) != NULL;
    return revised;
}

/* Is the number at qs one a spoken correction withdraws (此前有媒体报道…为96个，准确数字是69个): the
 * next clause opens with the right figure's words (准确数字是, 实际是, 应该是), and the figure's own
 * clause says it was reported (报道, 此前, 网传): 计划投资100亿元，实际是120亿元 keeps the plan's. */
static gboolean withdrawn_in_speech(const char *s, const char *qs, const char *qe, const char *end)
{
    static const char *const RIGHT[] = {
        "准确数字是", "准确数字为", "準確數字是",   "準確數字為",   "正确数字是", "正确数字为",
        "正確數字是", "正確數字為", "实际是",       "實際是",       "实际应为",   "實際應為",
        "应该是",     "應該是",     "准确的数字是", "準確的數字是", NULL};
    static const char *const SAID[] = {"报道", "報道", "此前", "網傳", "网传",
                                       "传言", "傳言", "报称", "報稱", NULL};
    const char *comma = NULL; /* (the clause's end: a comma within 8 characters of the figure) */
    for (const char *p = qe; p < end && p - qe < 3 * 8 && !comma; p = g_utf8_next_char(p))
        if (starts(p, end, "，") || starts(p, end, ","))
            comma = p + (*p == ',' ? 1 : strlen("，"));
        else if (starts(p, end, "。") || starts(p, end, "；"))
            return FALSE;
    const char *right = NULL; /* (the right figure's words, then a figure within 4 characters:
                               * not 据报道…为500万吨，实际是历史最高) */
    for (const char *const *w = RIGHT; comma && *w && !right; w++)
        right = starts(comma, end, *w) ? comma + strlen(*w) : NULL;
    gboolean figure = FALSE;
    for (int n = 0; right && right < end && n < 4 && !figure; n++) {
        gunichar ch = g_utf8_get_char(right);
        figure = g_ascii_isdigit(*right) ||
                 (ch < 0x10000 && g_utf8_strchr("零一二两兩三四五六七八九十百千万萬", -1, ch));
        right = g_utf8_next_char(right);
    }
    if (!figure)
        return FALSE;
    const char *cs = qs; /* (back to the figure's clause's start, 60 characters at most) */
    for (int n = 0; cs > s && n < 60 && !ends(s, cs, "，") && !ends(s, cs, "。"); n++)
        cs = g_utf8_prev_char(cs);
    for (const char *const *w = SAID; *w; w++)
        if (jb_find(cs, qs, *w, strlen(*w)))
            return TRUE;
    return FALSE;
}

/* Is the number at [qs, qe) one a correction withdraws: inside a quotation (“前10月…同比下降4.1%”
 * 应为“下降3.6%”, “出口增长21%”有误: its closing mark followed by 应为 or 有误, its opening one
 * before it in the sentence, however far), or after 误写为? */
gboolean jb_extract_withdrawn(const char *s, const char *qs, const char *qe, const char *end)
{
    /* (the value a correction says was written wrongly: 原稿误写为5.42亿元, 误写为“X”) */
    static const char *const MISWRITTEN[] = {"误写为",   "誤寫為", "错写为", "錯寫為", "误写为“",
                                             "誤寫為「", "误作",   "誤作",   NULL};
    if (ends_any(s, qs, MISWRITTEN) || superseded(s, qs) || withdrawn_in_speech(s, qs, qe, end))
        return TRUE;
    const char *close = NULL;
    if (!jb_find3(qe, qe + MIN(end - qe, 3 * 24), "”"))
        return FALSE; /* (most numbers: no closing mark near; jb_find3: memmem's setup cost
                       * more than the scan) */
    for (const char *p = qe; p < end && p - qe < 3 * 24 && !close; p = g_utf8_next_char(p))
        if (starts(p, end, "“") || starts(p, end, "。"))
            return FALSE;
        else if (starts(p, end, "”"))
            close = p + strlen("”");
    static const char *const WRONG[] = {"应为", "應為", "有误", "有誤", "更正为", "更正為", NULL};
    gboolean wrong = FALSE;
    for (const char *const *w = WRONG; close && *w && !wrong; w++)
        wrong = starts(close, end, *w);
    if (!wrong)
        return FALSE;
    for (const char *p = qs; p > s;) {
        p = g_utf8_prev_char(p);
        if (starts(p, qs, "”"))
            return FALSE;
        if (starts(p, qs, "“"))
            return TRUE;
    }
    return FALSE;
}

/* Is the figure in the title of an article the sentence cites (本报11月30日刊发的《…降至3.06%》一文,
 * 《…增长5%》的报道): that article's headline, not a figure stated here? */
gboolean jb_extract_in_cited_title(const char *qe, const char *end)
{
    /* (the marks by their first byte, E3, which begins punctuation and few ideographs: a
     * memchr, not a walk over the 40 characters after every figure) */
    const char *limit = end - qe > 3 * 40 ? qe + 3 * 40 : end;
    for (const char *p = qe; p < limit && (p = memchr(p, 0xE3, (size_t)(limit - p))) != NULL; p++) {
        if (starts(p, end, "《"))
            return FALSE;
        if (starts(p, end, "》")) {
            static const char *const PIECE[] = {"一文", "文中", "的报道", "的報道", "报道",
                                                "報道", "稿件", "一稿",   NULL};
            for (const char *const *w = PIECE; *w; w++)
                if (starts(p + strlen("》"), end, *w))
                    return TRUE;
            return FALSE;
        }
    }
    return FALSE;
}
