/* jb_build_inputs: the articles the project's globs match, sorted bytewise and unique, on
 * disk: the same names glob(3) gives (a last component's wildcards matched a directory entry
 * at a time, hidden files only by a pattern that names the dot, a pattern with wildcards in a
 * directory through glob itself), whichever the order of the globs, in runs of a few names
 * merged (JIANBAO_TEST_INPUTS_RUN) as in one; numbered, found by name, narrowed to a unit's
 * range, and still good after their pages are dropped. */
#include "jb_build_priv.h"
#include "tap.h"

#include <glib/gstdio.h>
#include <glob.h>
#include <string.h>

static void touch(const char *dir, const char *name)
{
    g_autofree char *p = g_build_filename(dir, name, NULL);
    g_file_set_contents(p, "x", 1, NULL);
}

/* What glob(3) gives for `globs`, sorted bytewise, unique, relative to `dir`, one a line. */
static char *by_glob(const char *dir, const char *const *globs)
{
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func(g_free);
    for (const char *const *g = globs; *g; g++) {
        g_autofree char *pattern = g_build_filename(dir, *g, NULL);
        glob_t gl;
        if (glob(pattern, GLOB_NOSORT, NULL, &gl) != 0)
            continue;
        for (size_t i = 0; i < gl.gl_pathc; i++)
            g_ptr_array_add(all, g_strdup(gl.gl_pathv[i] + strlen(dir) + 1));
        globfree(&gl);
    }
    g_ptr_array_sort(all, jb_build_by_bytes);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < all->len; i++)
        if (!i || strcmp(g_ptr_array_index(all, i), g_ptr_array_index(all, i - 1)) != 0)
            g_string_append_printf(s, "%s\n", (char *)g_ptr_array_index(all, i));
    return g_string_free(s, FALSE);
}

static char *listed(const JbInputs *in)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < jb_build_inputs_count(in); i++)
        g_string_append_printf(s, "%s\n", jb_build_inputs_name(in, i));
    return g_string_free(s, FALSE);
}

static JbInputs *inputs(const char *dir, const char *const *globs)
{
    g_auto(GStrv) copy = g_strdupv((char **)globs);
    return jb_build_inputs_new(dir, copy);
}

int main(void)
{
    g_autofree char *dir = g_dir_make_tmp("jb-inputs-XXXXXX", NULL);
    g_autofree char *art = g_build_filename(dir, "articles", NULL), *sub = NULL;
    g_mkdir(art, 0755);
    sub = g_build_filename(art, "sub", NULL);
    g_mkdir(sub, 0755);
    for (guint i = 0; i < 300; i++) {
        g_autofree char *n = g_strdup_printf("%c%03u-%s.%s", "zaBm"[i % 4], (i * 37) % 1000,
                                             i % 3 ? "news" : "报道", i % 2 ? "md" : "txt");
        touch(art, n);
    }
    touch(art, ".hidden.md");
    touch(art, "a[1].md");
    touch(sub, "deep.md");
    const char *const sets[][4] = {
        {"articles/*", NULL},
        {"articles/*.md", "articles/*", NULL}, /* one set twice: once each */
        {"articles/[ab]*.txt", "articles/?0*", NULL},
        {"articles/.*", NULL},
        {"articles/sub/deep.md", "articles/*/*.md", NULL}, /* glob's own */
        {"articles/none-*", NULL},
    };
    for (guint k = 0; k < G_N_ELEMENTS(sets); k++) {
        g_autofree char *want = by_glob(dir, sets[k]);
        g_setenv("JIANBAO_TEST_INPUTS_RUN", "", TRUE);
        JbInputs *in = inputs(dir, sets[k]);
        g_autofree char *got = listed(in);
        is_str(got, want, "%s: glob's names, sorted bytewise", sets[k][0]);
        jb_build_inputs_free(in);
        g_setenv("JIANBAO_TEST_INPUTS_RUN", "200", TRUE); /* a few names a run */
        in = inputs(dir, sets[k]);
        g_free(got);
        got = listed(in);
        is_str(got, want, "%s: the same from runs of a few names merged", sets[k][0]);
        jb_build_inputs_free(in);
    }
    const char *const all[] = {"articles/*", NULL};
    JbInputs *in = inputs(dir, all);
    guint n = jb_build_inputs_count(in);
    ok(n == 302, "every entry of the directory but the hidden one (%u)", n);
    const char *first = jb_build_inputs_name(in, 0), *last = jb_build_inputs_name(in, n - 1);
    g_autofree char *before = listed(in);
    jb_build_inputs_drop(in);
    g_autofree char *after = listed(in);
    is_str(after, before, "the names read again after their pages are dropped");
    ok(g_str_has_prefix(after, first) && strcmp(last, jb_build_inputs_name(in, n - 1)) == 0,
       "and a name's pointer is still good (%s, %s)", first, last);
    guint found = 0;
    for (guint i = 0; i < n; i++)
        found += jb_build_inputs_find(in, jb_build_inputs_name(in, i)) == i;
    ok(found == n, "each found by its name (%u)", found);
    ok(jb_build_inputs_find(in, "articles/nothing") == G_MAXUINT, "a name of none is not");
    g_autofree char *tenth = g_strdup(jb_build_inputs_name(in, 10));
    jb_build_inputs_narrow(in, 10, 20);
    ok(jb_build_inputs_count(in) == 10 && strcmp(jb_build_inputs_name(in, 0), tenth) == 0,
       "narrowed to a unit's range, numbered from its first");
    jb_build_inputs_free(in);
    g_autofree char *rm = g_strdup_printf("rm -rf '%s'", dir);
    ok(system(rm) == 0, "cleaned up");
    return tap_done();
}
