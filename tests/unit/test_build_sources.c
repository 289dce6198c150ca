/* jb_build_sources: each article's name (a publisher shared by many, or a title of its own)
 * kept on disk by the article's number, and found by its path after the assembly: for more
 * distinct names than the writer remembers (a publisher forgotten and written again), for
 * articles never named (none), and for a path that is none of the inputs. The name given is
 * the caller's only during the call: it is copied. */
#include "jb_build_priv.h"
#include "tap.h"

#include <glib/gstdio.h>
#include <string.h>

#define N 3000u

static char *name_of(guint i)
{
    return i % 7 == 0 ? g_strdup("示例新闻网") : g_strdup_printf("标题 %u：某市经济运行情况", i);
}

int main(void)
{
    g_autofree char *dir = g_dir_make_tmp("jb-sources-XXXXXX", NULL);
    g_autofree char *art = g_build_filename(dir, "articles", NULL);
    g_mkdir(art, 0755);
    for (guint i = 0; i < N; i++) {
        g_autofree char *p = g_strdup_printf("%s/%05u.md", art, i);
        g_file_set_contents(p, "x", 1, NULL);
    }
    char *globs[] = {g_strdup("articles/*"), NULL};
    JbInputs *in = jb_build_inputs_new(dir, globs);
    g_free(globs[0]);
    ok(jb_build_inputs_count(in) == N, "%u inputs", jb_build_inputs_count(in));

    JbBuildSources *s = jb_build_sources_new(in);
    for (guint i = 0; i < N; i++) {
        if (i % 11 == 5)
            continue; /* never named */
        g_autofree char *path = g_strdup_printf("articles/%05u.md", i);
        char *name = name_of(i);
        jb_build_sources_named(s, path, name);
        memset(name, 'x', strlen(name)); /* (the caller's: gone after the call) */
        g_free(name);
    }
    jb_build_sources_named(s, "elsewhere/a.md", "别处");
    ok(jb_build_sources_finish(s, g_hash_table_new(g_str_hash, g_str_equal)), "finished");
    const JbSourceNames *names = jb_build_sources_names(s);
    guint right = 0, none = 0;
    for (guint i = 0; i < N; i++) {
        g_autofree char *path = g_strdup_printf("articles/%05u.md", i);
        const char *got = names->lookup(names->data, path);
        g_autofree char *want = name_of(i);
        if (i % 11 == 5)
            none += got == NULL;
        else
            right += got && strcmp(got, want) == 0;
    }
    ok(right == N - none && none == (N + 5) / 11, "%u articles found by their names, %u unnamed",
       right, none);
    is_str(names->lookup(names->data, "elsewhere/a.md"), "别处", "a path none of the inputs");
    ok(names->lookup(names->data, "articles/missing.md") == NULL, "a path never named: none");
    jb_build_sources_free(s);
    jb_build_inputs_free(in);
    for (guint i = 0; i < N; i++) {
        g_autofree char *p = g_strdup_printf("%s/%05u.md", art, i);
        g_unlink(p);
    }
    g_rmdir(art);
    g_rmdir(dir);
    return tap_done();
}
