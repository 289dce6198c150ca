/* jb_sources: an article named by its publisher, else its one title, else its URL's site,
 * else its file name — from metrics.csv's columns alone. */
#include "jb_sources.h"
#include "tap.h"

#include <string.h>

static const char CSV[] =
    "source,publisher,title,url,quote\n"
    "news/a.html,工业和信息化部,工信部：前三季度…,https://www.miit.gov.cn/x,q1\n"
    "news/a.html,,,https://www.miit.gov.cn/x,q2\n"
    "news/b.md,,通信业运行情况,,q3\n"
    "news/digest.txt,,1. 某市召开工作会议,https://tv.example.cn/2025/03/02/V.shtml,q4\n"
    "news/digest.txt,,9. 一季度某地经济运行,https://tv.example.cn/2025/03/02/V.shtml,q5\n"
    "news/c.txt,,,,q6\n"
    "news/d.txt,'=示例,,,q7\n";

static void named(gpointer data, const char *path, const char *name)
{
    g_hash_table_insert(data, g_strdup(path), g_strdup(name)); /* (name: the call's only) */
}

static const char *lookup(gpointer data, const char *path)
{
    return g_hash_table_lookup(data, path);
}

int main(void)
{
    g_autoptr(JbTable) t = jb_table_parse("m.csv", CSV, sizeof CSV - 1, NULL);
    g_autoptr(GHashTable) names = jb_source_names(t);
    const struct {
        const char *path, *want, *why;
    } cases[] = {
        {"news/a.html", "工业和信息化部", "the publisher"},
        {"news/b.md", "通信业运行情况", "the title when there is no publisher"},
        {"news/digest.txt", "tv.example.cn", "a digest's items have their own titles: the site"},
        {"news/c.txt", "c.txt", "the file name only when nothing is known"},
        {"news/d.txt", "=示例", "without the CSV-injection guard"},
        {"news/never-seen.txt", "never-seen.txt", "an article metrics.csv does not have"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = jb_source_name(names, cases[i].path);
        is_str(got, cases[i].want, "%s: %s", cases[i].path, cases[i].why);
    }
    { /* a namer whose table owns nothing: the same names, no copies of the given paths */
        GStringChunk *strings = g_string_chunk_new(256);
        JbSourceNamer *n = jb_source_namer_new_in(strings);
        char *kept = g_strdup("news/a.html");
        for (guint r = 0; r < jb_table_n_rows(t); r++) {
            jb_source_namer_article(n, r < 2 ? kept : "news/other.md"); /* (wrong after 2) */
            jb_source_namer_add(n, t, r);
        }
        GHashTable *in = jb_source_namer_finish(n);
        gboolean same = g_hash_table_size(in) == g_hash_table_size(names);
        for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
            g_autofree char *a = jb_source_name(in, cases[i].path);
            g_autofree char *b = jb_source_name(names, cases[i].path);
            same = same && strcmp(a, b) == 0;
        }
        ok(same, "a namer in the caller's strings names every source as one of its own");
        gpointer key = NULL;
        ok(g_hash_table_lookup_extended(in, "news/a.html", &key, NULL) && key == kept,
           "a source given as the article's path is keyed by that path itself");
        g_hash_table_unref(in);
        g_string_chunk_free(strings);
        g_free(kept);
    }
    { /* articles named to the caller (jb_source_namer_on_named), looked up by its lookup */
        GStringChunk *strings = g_string_chunk_new(256);
        JbSourceNamer *n = jb_source_namer_new_in(strings);
        g_autoptr(GHashTable)
            given = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        jb_source_namer_on_named(n, named, given);
        const char *article = NULL; /* (one pointer for an article's rows, as a build gives) */
        for (guint r = 0; r < jb_table_n_rows(t); r++) {
            if (!article || strcmp(article, jb_table_get(t, r, 0)) != 0)
                article = jb_table_get(t, r, 0);
            jb_source_namer_article(n, article);
            jb_source_namer_add(n, t, r);
        }
        JbSourceNames all = {.table = jb_source_namer_finish(n), .lookup = lookup, .data = given};
        ok(g_hash_table_size(all.table) == 0 && g_hash_table_size(given) == 4,
           "each article named is given to the caller, none kept (%u given)",
           g_hash_table_size(given));
        gboolean same = TRUE;
        for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
            g_autofree char *a = jb_source_names_get(&all, cases[i].path);
            g_autofree char *b = jb_source_name(names, cases[i].path);
            same = same && strcmp(a, b) == 0;
        }
        ok(same, "and looked up by the caller's lookup, every source names as in a table");
        g_autofree char *none = jb_source_names_get(NULL, "news/x/y.md");
        is_str(none, "y.md", "no names at all: the file name");
        g_hash_table_unref(all.table);
        g_string_chunk_free(strings);
    }
    g_autoptr(GHashTable) none = jb_source_names(NULL);
    ok(g_hash_table_size(none) == 0, "no metrics.csv: no names");
    return tap_done();
}
