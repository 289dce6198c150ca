/* jb_lits: a list's filter never rules out a place where one of its words starts or ends, and
 * rules out most other places. */
#include "jb_lits.h"
#include "tap.h"

#include <string.h>

/* Does a word of `words` start at p (within limit)? End just before p (after s)? */
static gboolean starts_one(const char *const *words, const char *p, const char *limit)
{
    for (const char *const *w = words; *w; w++)
        if ((gsize)(limit - p) >= strlen(*w) && strncmp(p, *w, strlen(*w)) == 0)
            return TRUE;
    return FALSE;
}

static gboolean ends_one(const char *const *words, const char *s, const char *p)
{
    for (const char *const *w = words; *w; w++)
        if ((gsize)(p - s) >= strlen(*w) && strncmp(p - strlen(*w), *w, strlen(*w)) == 0)
            return TRUE;
    return FALSE;
}

/* At every byte of `text`: the filter says "may" wherever a word starts (ends) there; the
 * number of places it rules out in *out. */
static gboolean never_misses(const JbLitFilter *f, const char *const *words, const char *text,
                             guint *out)
{
    const char *s = text, *z = text + strlen(text);
    *out = 0;
    for (const char *p = s; p <= z; p++) {
        gboolean ms = jb_lit_filter_may_start(f, p, z), me = jb_lit_filter_may_end(f, s, p);
        if ((starts_one(words, p, z) && !ms) || (ends_one(words, s, p) && !me))
            return FALSE;
        *out += !ms + !me;
    }
    return TRUE;
}

int main(void)
{
    static const char TEXT[] = "截至目前，今年前三季度全国规模以上工业增加值同比增长5.4%，"
                               "上年末为3.2%；本月1-9月、下周至周五~10%，Q3当前当季";
    const char *const cjk[] = {"截至目前", "截止目前", "目前", "当前", "当季", NULL};
    const char *const mixed[] = {"-", "~", "至周", "Q3", "—", "月", NULL};
    const char *const none[] = {NULL};

    static JbLitFilter fc, fm, fn;
    ok(jb_lit_filter_for(&fc, cjk) == &fc, "a filter is built for its list on first use");
    ok(jb_lit_filter_for(&fc, cjk) == &fc, "and is the same on the next use");
    ok(jb_lit_filter_for(&fc, mixed) == NULL, "a filter built for another list is not used");
    guint out;
    ok(never_misses(&fc, cjk, TEXT, &out),
       "Chinese words: never ruled out where one starts or ends");
    ok(out > strlen(TEXT), "and most places are ruled out (%u of %zu starts and ends)", out,
       2 * (strlen(TEXT) + 1));
    ok(jb_lit_filter_for(&fm, mixed) == &fm && never_misses(&fm, mixed, TEXT, &out),
       "ASCII words of one or two bytes and a symbol: never ruled out where one is (%u ruled out)",
       out);
    ok(jb_lit_filter_for(&fn, none) == &fn && never_misses(&fn, none, TEXT, &out) &&
           out == 2 * (strlen(TEXT) + 1),
       "an empty list rules out every place");

    const char *t = "目前";
    ok(!jb_lit_filter_may_start(&fc, t, t + 2), "no word of three bytes or more fits in two");
    ok(!jb_lit_filter_may_end(&fc, t + 4, t + 6), "nor ends two bytes after the start given");
    ok(jb_lit_filter_may_start(&fc, t, t + 3) && jb_lit_filter_may_end(&fc, t + 3, t + 6),
       "the filter looks at three bytes only: the caller compares the words");
    ok(!jb_lit_filter_may_start(&fc, t + 6, t + 6) && !jb_lit_filter_may_end(&fc, t, t),
       "nothing starts at the limit or ends at the start");
    return tap_done();
}
