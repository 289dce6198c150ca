/* replay.c — runs a fuzz target over files without libFuzzer, printing TAP: one test per
 * file (corpus seeds and saved regressions). Built with gcc by `make check`. */
#include "fuzz.h"

#include <stdio.h>

static int n, failed;

static int by_name(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(char *const *)a, *(char *const *)b);
}

static void replay_file(const char *path)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
        printf("not ok %d - cannot read %s\n", ++n, path);
        failed++;
        return;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len); /* a crash fails the whole run */
    printf("ok %d - %s\n", ++n, path);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            g_autoptr(GDir) dir = g_dir_open(argv[i], 0, NULL);
            g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
            for (const char *name; dir && (name = g_dir_read_name(dir));)
                if (name[0] != '.')
                    g_ptr_array_add(names, g_build_filename(argv[i], name, NULL));
            g_ptr_array_sort(names, by_name);
            for (guint k = 0; k < names->len; k++)
                replay_file(g_ptr_array_index(names, k));
        } else if (g_file_test(argv[i], G_FILE_TEST_EXISTS)) {
            replay_file(argv[i]);
        }
    }
    printf("1..%d\n", n);
    return failed ? 1 : 0;
}
