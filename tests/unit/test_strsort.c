/* jb_strsort: strings added in any order read back sorted bytewise (strcmp, not the locale),
 * each once, the same whether they were sorted in one run in memory or in many runs written
 * out and merged (runs of a few strings, a run's last string cut by a block); a string given
 * with its length is that many bytes; an empty sorter gives nothing. */
#include "jb_strsort.h"
#include "tap.h"

static gint by_bytes(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every string `s` gives, one a line. */
static char *all(JbStrSort *s)
{
    GString *out = g_string_new(NULL);
    for (const char *x; (x = jb_strsort_next(s)) != NULL;)
        g_string_append_printf(out, "%s\n", x);
    ok(!jb_strsort_lost(s), "nothing lost");
    return g_string_free(out, FALSE);
}

int main(void)
{
    JbStrSort *s = jb_strsort_new(0);
    ok(jb_strsort_next(s) == NULL && jb_strsort_next(s) == NULL, "an empty sorter gives nothing");
    jb_strsort_free(s);

    /* names of cache files and a temporary file's entry (LF after its product's name), with
     * repeats; long ones (a block is 8 KB) */
    g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < 3000; i++) {
        g_autofree char *h = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)&i, sizeof i);
        g_ptr_array_add(in, g_strdup_printf("%s.%s", h, i % 3 ? "csv" : "metrics.csv"));
        if (i % 7 == 0)
            g_ptr_array_add(in, g_strdup_printf("%s.csv\n.%s.csv.ab12CD.jbtmp", h, h));
        if (i % 5 == 0) /* twice */
            g_ptr_array_add(in, g_strdup_printf("%s.%s", h, i % 3 ? "csv" : "metrics.csv"));
    }
    g_ptr_array_add(in, g_strdup("Zebra"));
    g_ptr_array_add(in, g_strdup("zebra"));
    g_ptr_array_add(in, g_strdup("稿件.md"));
    g_ptr_array_add(in, g_strdup(""));
    GString *longest = g_string_new(NULL);
    for (guint i = 0; i < 20000; i++)
        g_string_append_c(longest, (char)('a' + i % 26));
    g_ptr_array_add(in, g_string_free(longest, FALSE));
    g_autoptr(GPtrArray) want = g_ptr_array_new();
    for (guint i = 0; i < in->len; i++)
        g_ptr_array_add(want, g_ptr_array_index(in, i));
    g_ptr_array_sort(want, by_bytes);
    GString *w = g_string_new(NULL);
    for (guint i = 0; i < want->len; i++)
        if (!i || strcmp(g_ptr_array_index(want, i), g_ptr_array_index(want, i - 1)) != 0)
            g_string_append_printf(w, "%s\n", (char *)g_ptr_array_index(want, i));
    g_autofree char *expect = g_string_free(w, FALSE);

    gsize runs[] = {0, 4096, 100, 1};
    for (guint r = 0; r < G_N_ELEMENTS(runs); r++) {
        s = jb_strsort_new(runs[r]);
        for (guint i = in->len; i-- > 0;) /* (backwards: not in order) */
            jb_strsort_add(s, g_ptr_array_index(in, i), -1);
        g_autofree char *got = all(s);
        ok(strcmp(got, expect) == 0, "%u strings sorted and unique in runs of %zu bytes", in->len,
           runs[r]);
        jb_strsort_free(s);
    }

    s = jb_strsort_new(64);
    jb_strsort_add(s, "bcdef", 2);
    jb_strsort_add(s, "abc", -1);
    jb_strsort_add(s, "bc", -1);
    jb_strsort_add(s, "b", 1);
    g_autofree char *cut = all(s);
    is_str(cut, "abc\nb\nbc\n", "a string given with its length is that many bytes");
    jb_strsort_free(s);
    return tap_done();
}
