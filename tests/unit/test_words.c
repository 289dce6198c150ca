/* jb_words: words found by their first character, in the order they were added; and the
 * lists of templates/words.tsv whose words carry values (jb_word_lists.h). */
#include "jb_number.h"
#include "jb_word_lists.h"
#include "jb_words.h"
#include "tap.h"

#include <string.h>

/* The words of `set` at the start of `text`, "|"-joined, as a caller would find them. */
static char *found(const JbWordSet *set, const char *text)
{
    GString *out = g_string_new("");
    const char *end = text + strlen(text);
    guint n;
    const JbWord *w = jb_word_set_candidates(set, text, end, &n);
    for (guint i = 0; i < n; i++)
        if (jb_word_at(&w[i], text, end))
            g_string_append_printf(out, "%s%s:%d", out->len ? "|" : "", w[i].text, w[i].tag);
    return g_string_free(out, FALSE);
}

static void is_found(const JbWordSet *set, const char *text, const char *want, const char *what)
{
    g_autofree char *got = found(set, text);
    ok(strcmp(got, want) == 0, "%s: '%s' → '%s' (got '%s')", what, text, want, got);
}

int main(void)
{
    g_autoptr(JbWordSet) set = jb_word_set_new();
    const char *words[] = {"人工智能", "5G", "人形机器人", "预计", "人工", "€uro", "𠀀x"};
    for (guint i = 0; i < G_N_ELEMENTS(words); i++)
        jb_word_set_add(set, words[i], (int)i);

    is_found(set, "人工智能核心产业", "人工智能:0|人工:4",
             "every word at the place, in the order added");
    is_found(set, "人形机器人企业", "人形机器人:2", "a word sharing the first character only");
    is_found(set, "5G基站", "5G:1", "an ASCII word");
    is_found(set, "预计突破", "预计:3", "another first character");
    is_found(set, "€uro区", "€uro:5", "a word starting with a three-byte symbol");
    is_found(set, "𠀀x", "𠀀x:6", "a word starting with a four-byte character");
    is_found(set, "企业数量", "", "no word starts with this character");
    is_found(set, "人", "", "the first character alone is not the word");
    is_found(set, "", "", "empty text");

    /* a character cut short by `end` is no first character at all */
    const char *t = "人工智能";
    guint n = 99;
    ok(jb_word_set_candidates(set, t, t + 2, &n) == NULL && n == 0,
       "a character cut short by the end matches nothing");
    const JbWord *w = jb_word_set_candidates(set, t, t + 6, &n);
    ok(w && n == 3 && strcmp(w[0].text, "人工智能") == 0 && strcmp(w[1].text, "人形机器人") == 0 &&
           strcmp(w[2].text, "人工") == 0,
       "the candidates for 人 are its three words, in the order added");
    ok(w && !jb_word_at(&w[0], t, t + 6) && jb_word_at(&w[2], t, t + 6),
       "jb_word_at checks the end: 人工智能 does not fit in 人工, 人工 does");

    ok(jb_word_char_at("A", "A" + 1) == 'A', "ASCII decodes to itself");
    ok(jb_word_char_at("é", "é" + 2) == 0xE9, "two-byte characters decode");
    ok(jb_word_char_at("人", "人" + 3) == 0x4EBA, "three-byte characters decode");
    ok(jb_word_char_at("𠀀", "𠀀" + 4) == 0x20000, "four-byte characters decode");

    /* characters with the same low 16 bits share a bit, not a bucket */
    g_autoptr(JbWordSet) low = jb_word_set_new();
    jb_word_set_add(low, "\xF0\xA4\xB8\x80", 1); /* U+24E00: the bit of U+4E00 一 */
    is_found(low, "一", "", "a shared bit is only a filter: 一 is not U+24E00");

    /* words.tsv's lists with values: one value a word, and a hedge's is a bound's name */
    guint nh = g_strv_length((char **)jb_words_hedge);
    ok(nh > 0 && nh == g_strv_length((char **)jb_words_hedge_value),
       "every hedge word has its bound (%u words)", nh);
    gboolean bounds_ok = TRUE;
    for (guint i = 0; i < nh; i++) {
        JbBound b;
        if (!jb_bound_parse(jb_words_hedge_value[i], &b) || b == JB_BOUND_EXACT) {
            printf("# hedge %s: '%s' is no bound of a hedge\n", jb_words_hedge[i],
                   jb_words_hedge_value[i]);
            bounds_ok = FALSE;
        }
    }
    ok(bounds_ok, "every hedge's value is about, at_most or at_least");
    guint nd = g_strv_length((char **)jb_words_decline);
    ok(nd > 0 && nd == g_strv_length((char **)jb_words_decline_value),
       "every decline verb has the rise it mirrors (%u verbs)", nd);
    return tap_done();
}
