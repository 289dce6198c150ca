/* jb_build_read_regular, which reads every article and cache file a build reads: the bytes
 * of the file, and a buffer of the file's size — a build from scratch holds thousands of
 * articles between hashing and extracting them, and each was held in a 128 KB buffer (559 MB
 * of peak RSS for 100000 articles of 5 KB). A file that says it is empty but is not (the
 * kernel's /proc files) is read whole; a FIFO is refused without waiting. */
#include "jb_build_priv.h"
#include "tap.h"

#include <errno.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

static void one_size(const char *dir, gsize size)
{
    g_autofree char *path = g_strdup_printf("%s/f%zu", dir, size);
    g_autofree char *want = g_malloc(size + 1);
    for (gsize i = 0; i < size; i++)
        want[i] = (char)('a' + i % 26);
    g_file_set_contents(path, want, (gssize)size, NULL);
    char *data = NULL;
    gsize len = 99;
    ok(jb_build_read_regular(path, FALSE, &data, &len), "%zu bytes: read", size);
    ok(len == size && data && memcmp(data, want, size) == 0 && data[size] == 0,
       "%zu bytes: every byte, NUL-terminated", size);
    /* room for the bytes and the NUL; malloc rounds up a little (a mapped block to a page),
     * never to 64 KB more or to a power of two */
    ok(data && malloc_usable_size(data) < size + 1 + 4096 + 64,
       "%zu bytes: held in %zu bytes of memory", size, data ? malloc_usable_size(data) : 0);
    g_free(data);
}

int main(void)
{
    g_autofree char *dir = g_dir_make_tmp("jb-read-XXXXXX", NULL);
    const gsize sizes[] = {0, 1, 4095, 4096, 5000, 70000, 300000};
    for (guint i = 0; i < G_N_ELEMENTS(sizes); i++)
        one_size(dir, sizes[i]);

    /* st_size 0, content there: what a file that grew after fstat looks like to the reader */
    char *data = NULL;
    gsize len = 0;
    gboolean read = jb_build_read_regular("/proc/self/status", FALSE, &data, &len);
    ok(read && len > 100 && strstr(data, "VmRSS:") && strlen(data) == len,
       "a file whose size says 0 is read whole (%zu bytes)", read ? len : 0);
    g_free(data);

    g_autofree char *fifo = g_build_filename(dir, "fifo", NULL);
    ok(mkfifo(fifo, 0600) == 0, "a FIFO");
    data = NULL;
    ok(!jb_build_read_regular(fifo, FALSE, &data, &len) && errno == EINVAL && !data,
       "a FIFO is refused (EINVAL), not waited on");
    unlink(fifo);

    g_autofree char *link = g_build_filename(dir, "link", NULL);
    g_autofree char *target = g_build_filename(dir, "f5000", NULL);
    ok(symlink(target, link) == 0, "a symlink");
    ok(!jb_build_read_regular(link, FALSE, &data, &len), "not followed unless asked");
    ok(jb_build_read_regular(link, TRUE, &data, &len) && len == 5000, "followed when asked");
    g_free(data);

    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    for (const char *n; d && (n = g_dir_read_name(d));) {
        g_autofree char *p = g_build_filename(dir, n, NULL);
        unlink(p);
    }
    rmdir(dir);
    return tap_done();
}
