/* jb_common: atomic writes (new, replaced, nested, devices and FIFOs in place), line numbers,
 * data paths. */
#include "jb_common.h"
#include "tap.h"

#include <glib/gstdio.h>

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    g_autofree char *dir = g_dir_make_tmp("jb-common-XXXXXX", NULL);
    g_autofree char *nested = g_build_filename(dir, "a", "b", "out.csv", NULL);
    GError *e = NULL;
    ok(jb_write_file_atomic(nested, "x,y\n", 4, &e), "writes a new file, creating its directories");
    g_autofree char *got = NULL;
    g_file_get_contents(nested, &got, NULL, NULL);
    is_str(got, "x,y\n", "with the bytes given");
    ok(jb_write_file_atomic(nested, "new\n", 4, &e), "replaces an existing file");
    g_clear_pointer(&got, g_free);
    g_file_get_contents(nested, &got, NULL, NULL);
    is_str(got, "new\n", "with the new bytes");
    g_autofree char *parent = g_path_get_dirname(nested);
    g_autoptr(GDir) d = g_dir_open(parent, 0, NULL);
    int entries = 0;
    while (d && g_dir_read_name(d))
        entries++;
    ok(entries == 1, "and leaves no temporary file behind (%d entries)", entries);

    /* A FIFO (like /dev/null or /dev/stdout) is written in place, not replaced by a file. */
    g_autofree char *fifo = g_build_filename(dir, "pipe", NULL);
    ok(mkfifo(fifo, 0600) == 0, "made a FIFO");
    int rd = open(fifo, O_RDWR | O_NONBLOCK); /* a reader, so the writer does not block */
    ok(jb_write_file_atomic(fifo, "through\n", 8, &e), "writes to a FIFO %s", e ? e->message : "");
    g_clear_error(&e);
    char buf[16] = {0};
    ok(read(rd, buf, sizeof buf - 1) == 8 && strcmp(buf, "through\n") == 0,
       "the bytes came through the pipe");
    struct stat st;
    ok(stat(fifo, &st) == 0 && S_ISFIFO(st.st_mode), "the FIFO is still a FIFO");
    close(rd);

    g_autofree char *blocked = g_build_filename(nested, "under-a-file.csv", NULL);
    ok(!jb_write_file_atomic(blocked, "x", 1, &e) && e && e->code == JB_ERROR_OUTPUT,
       "a path under a file is an output error");
    g_clear_error(&e);

    ok(jb_line_of_offset("a\nb\nc", 0) == 1 && jb_line_of_offset("a\nb\nc", 4) == 3,
       "line of offset");
    g_autofree char *dict = jb_data_path("templates/metrics.ini");
    ok(dict && g_file_test(dict, G_FILE_TEST_EXISTS), "finds shipped data files");
    g_autofree char *none = jb_data_path("no/such/file");
    ok(none == NULL, "and NULL for what is not shipped");

    g_unlink(nested);
    g_rmdir(parent);
    g_autofree char *a = g_path_get_dirname(parent);
    g_rmdir(a);
    g_unlink(fifo);
    g_rmdir(dir);
    return tap_done();
}
