/* jb_atomic: a new file, a replaced one, a symlink at the target and at the temporary name,
 * the umask, failures that leave the old file and no temporary file, devices in place; a
 * directory's descriptor (openat, anchors) that a symlink put at its path cannot redirect,
 * and the names told before they are made. */
#include "jb_atomic.h"
#include "tap.h"

#include <glib/gstdio.h>

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static char *slurp(const char *path)
{
    char *s = NULL;
    return g_file_get_contents(path, &s, NULL, NULL) ? s : NULL;
}

/* How many entries `dir` holds (a temporary file left behind shows here). */
static int entries(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    int n = 0;
    while (d && g_dir_read_name(d))
        n++;
    return n;
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_mode & 07777 : 0;
}

/* A JbAtomicRecord that keeps what it is told; its first name it takes itself, as someone
 * planting a file there would (so the writer must find it taken and use another). */
typedef struct {
    int dfd;
    GPtrArray *told;  /* names, "!" before one found taken */
    gboolean fail;    /* refuse (nothing may be created then) */
    gboolean planted; /* the first name was planted */
} Told;

static gboolean told(const char *tmp_name, gboolean taken, gpointer data, GError **error)
{
    Told *t = data;
    g_ptr_array_add(t->told, g_strconcat(taken ? "!" : "", tmp_name, NULL));
    if (t->fail) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "ledger full");
        return FALSE;
    }
    if (!taken && !t->planted) {
        t->planted = TRUE;
        int fd = openat(t->dfd, tmp_name, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd >= 0 && write(fd, "user\n", 5) == 5)
            close(fd);
    }
    return TRUE;
}

/* Through a directory's descriptor: a symlink or FIFO at the name, a directory moved away
 * and a symlink put at its path, the names told before they are made. */
static void test_at(const char *dir)
{
    GError *e = NULL;
    g_autofree char *d = g_build_filename(dir, "d", NULL);
    g_autofree char *moved = g_build_filename(dir, "d-moved", NULL);
    g_autofree char *elsewhere = g_build_filename(dir, "elsewhere", NULL);
    g_autofree char *victim = g_build_filename(elsewhere, "x.csv", NULL);
    g_mkdir(d, 0755);
    g_mkdir(elsewhere, 0755);
    g_file_set_contents(victim, "victim\n", -1, NULL);
    int dfd = open(d, O_RDONLY | O_DIRECTORY);
    g_autofree char *link = g_build_filename(d, "x.csv", NULL);
    symlink(victim, link);
    g_autofree char *pipe = g_build_filename(elsewhere, "pipe", NULL);
    mkfifo(pipe, 0600);
    g_autofree char *fifo_link = g_build_filename(d, "f.csv", NULL);
    symlink(pipe, fifo_link);
    g_autofree char *fifo = g_build_filename(d, "g.csv", NULL);
    mkfifo(fifo, 0600);

    Told t = {dfd, g_ptr_array_new_with_free_func(g_free), FALSE, FALSE};
    JbAtomicFile *f = jb_atomic_openat(dfd, "x.csv", link, JB_ATOMIC_DURABLE, told, &t, &e);
    ok(f && jb_atomic_write(f, "mine\n", 5, &e) && jb_atomic_commit(f, &e),
       "openat writes over a symlink at the name %s", e ? e->message : "");
    struct stat st;
    ok(lstat(link, &st) == 0 && S_ISREG(st.st_mode), "which is a file of its own now");
    g_autofree char *got = slurp(victim);
    is_str(got, "victim\n", "the file the link named is untouched");
    ok(t.told->len == 3 && g_str_has_prefix(g_ptr_array_index(t.told, 1), "!") &&
           strcmp((char *)g_ptr_array_index(t.told, 1) + 1, g_ptr_array_index(t.told, 0)) == 0,
       "each temporary name is told before it is made, and a name found taken is told so "
       "(%u told)",
       t.told->len);
    g_autofree char *planted = g_build_filename(d, g_ptr_array_index(t.told, 0), NULL);
    g_clear_pointer(&got, g_free);
    got = slurp(planted);
    is_str(got, "user\n", "the file found at a temporary name is left as it was");
    g_unlink(planted);

    f = jb_atomic_openat(dfd, "f.csv", fifo_link, JB_ATOMIC_REGULAR_ONLY, NULL, NULL, &e);
    ok(f && jb_atomic_write(f, "x", 1, &e) && jb_atomic_commit(f, &e),
       "a symlink to a FIFO is replaced, not opened (no wait for a reader)");
    ok(lstat(pipe, &st) == 0 && S_ISFIFO(st.st_mode), "and the FIFO is untouched");
    f = jb_atomic_openat(dfd, "g.csv", fifo, JB_ATOMIC_REGULAR_ONLY, NULL, NULL, &e);
    ok(!f && e && strstr(e->message, "g.csv: not a regular file"),
       "a FIFO at the name is refused with JB_ATOMIC_REGULAR_ONLY: %s", e ? e->message : "");
    g_clear_error(&e);
    f = jb_atomic_openat(dfd, "g.csv", fifo, 0, NULL, NULL, &e);
    ok(f && jb_atomic_commit(f, &e) && lstat(fifo, &st) == 0 && S_ISREG(st.st_mode),
       "else replaced");

    t.fail = TRUE;
    g_ptr_array_set_size(t.told, 0);
    f = jb_atomic_openat(dfd, "y.csv", "d/y.csv", 0, told, &t, &e);
    ok(!f && e && strcmp(e->message, "ledger full") == 0 && entries(d) == 3,
       "a name that cannot be told is not made: %s", e ? e->message : "");
    g_clear_error(&e);

    /* the directory moves away and a symlink to elsewhere takes its path: a file written
     * by path into the anchored directory still goes into it */
    ok(jb_atomic_anchor(d, dfd), "anchors the directory");
    g_autofree char *by_path = g_build_filename(d, "z.csv", NULL);
    f = jb_atomic_open(by_path, JB_ATOMIC_DURABLE, &e);
    rename(d, moved);
    symlink(elsewhere, d);
    ok(f && jb_atomic_write(f, "z\n", 2, &e) && jb_atomic_commit(f, &e),
       "a file opened, then its directory replaced by a symlink: committed %s",
       e ? e->message : "");
    ok(jb_atomic_write_file(by_path, "w\n", 2, JB_ATOMIC_DURABLE, &e),
       "a file opened after it: written");
    g_autofree char *in_moved = g_build_filename(moved, "z.csv", NULL);
    g_clear_pointer(&got, g_free);
    got = slurp(in_moved);
    is_str(got, "w\n", "both went into the directory anchored");
    ok(entries(elsewhere) == 2, "nothing was written where the symlink points");
    jb_atomic_unanchor(dfd);
    ok(jb_atomic_write_file(by_path, "v\n", 2, JB_ATOMIC_DURABLE, &e) && entries(elsewhere) == 3,
       "unanchored, the path is looked up again");
    close(dfd);

    g_autofree char *cmd = g_strdup_printf("rm -r '%s' '%s' '%s'", d, moved, elsewhere);
    ok(system(cmd) == 0, "(cleaned up)");
    g_ptr_array_unref(t.told);
}

int main(void)
{
    g_autofree char *dir = g_dir_make_tmp("jb-atomic-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(dir, "out.csv", NULL);
    GError *e = NULL;

    /* a new file, then a replaced one */
    ok(jb_atomic_write_file(out, "old\n", 4, JB_ATOMIC_DURABLE, &e), "writes a new file");
    g_autofree char *got = slurp(out);
    is_str(got, "old\n", "with the bytes given");
    ok(entries(dir) == 1, "and no temporary file beside it");

    /* streamed in pieces; nothing shows at the target until the commit */
    JbAtomicFile *f = jb_atomic_open(out, JB_ATOMIC_NO_SYNC, &e);
    ok(f && jb_atomic_write(f, "ne", 2, &e) && jb_atomic_write(f, "w\n", 2, &e), "streams pieces");
    const char *tmp = f ? jb_atomic_temp_path(f) : NULL;
    g_autofree char *tmp_base = tmp ? g_path_get_basename(tmp) : NULL;
    ok(tmp_base && g_str_has_prefix(tmp_base, ".out.csv.") && g_str_has_suffix(tmp_base, ".jbtmp"),
       "into a hidden temporary file beside it: %s", tmp_base ? tmp_base : "(none)");
    g_clear_pointer(&got, g_free);
    got = slurp(out);
    is_str(got, "old\n", "the target is the old file until the commit");
    ok(jb_atomic_commit(f, &e), "commits");
    g_clear_pointer(&got, g_free);
    got = slurp(out);
    is_str(got, "new\n", "then it is the new one");
    ok(entries(dir) == 1, "and the temporary file is gone");

    /* aborted: the old file stays, the temporary file goes */
    f = jb_atomic_open(out, JB_ATOMIC_DURABLE, &e);
    jb_atomic_write(f, "half", 4, NULL);
    jb_atomic_abort(f);
    g_clear_pointer(&got, g_free);
    got = slurp(out);
    is_str(got, "new\n", "an aborted write leaves the old file");
    ok(entries(dir) == 1, "and no temporary file");

    /* a write that fails halfway (the file size limit: EFBIG) */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit old_limit, small = {4096, 4096};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    small.rlim_max = old_limit.rlim_max;
    setrlimit(RLIMIT_FSIZE, &small);
    gsize big_len = 1 << 20;
    g_autofree char *big = g_malloc0(big_len);
    gboolean wrote = jb_atomic_write_file(out, big, big_len, JB_ATOMIC_DURABLE, &e);
    ok(!wrote && e && e->code == JB_ERROR_OUTPUT && strstr(e->message, "out.csv"),
       "a write that fails is an output error naming the file: %s", e ? e->message : "");
    g_clear_error(&e);
    setrlimit(RLIMIT_FSIZE, &old_limit);
    g_clear_pointer(&got, g_free);
    got = slurp(out);
    is_str(got, "new\n", "the old file is intact");
    ok(entries(dir) == 1, "and no temporary file is left");

    /* a rename that fails (a directory at the target) */
    g_autofree char *sub = g_build_filename(dir, "sub", NULL);
    g_autofree char *inner = g_build_filename(sub, "x", NULL);
    g_mkdir(sub, 0755);
    g_file_set_contents(inner, "x", 1, NULL);
    ok(!jb_atomic_write_file(sub, "y", 1, JB_ATOMIC_DURABLE, &e) && e,
       "a directory at the target is an error");
    g_clear_error(&e);
    ok(entries(dir) == 2 && g_file_test(inner, G_FILE_TEST_IS_REGULAR),
       "the directory is intact and no temporary file is left");
    g_unlink(inner);
    g_rmdir(sub);

    /* a symlink at the target is replaced, not followed */
    g_autofree char *victim = g_build_filename(dir, "victim", NULL);
    g_autofree char *link = g_build_filename(dir, "link.csv", NULL);
    g_file_set_contents(victim, "victim\n", -1, NULL);
    ok(symlink(victim, link) == 0, "made a symlink at the target");
    ok(jb_atomic_write_file(link, "mine\n", 5, JB_ATOMIC_DURABLE, &e), "writes over it");
    struct stat st;
    ok(lstat(link, &st) == 0 && S_ISREG(st.st_mode), "the target is now a regular file");
    g_clear_pointer(&got, g_free);
    got = slurp(victim);
    is_str(got, "victim\n", "the file the link named is untouched");
    g_unlink(link);

    /* a symlink planted at the temporary name is never opened: the same random name (the
     * generator seeded alike) is taken by a link to the victim, so another name is used */
    g_random_set_seed(42);
    f = jb_atomic_open(out, JB_ATOMIC_DURABLE, &e);
    g_autofree char *first = g_strdup(jb_atomic_temp_path(f));
    jb_atomic_abort(f);
    ok(symlink(victim, first) == 0, "planted a symlink at the temporary name");
    g_random_set_seed(42);
    f = jb_atomic_open(out, JB_ATOMIC_DURABLE, &e);
    ok(f && strcmp(jb_atomic_temp_path(f), first) != 0, "another temporary name is used");
    ok(f && jb_atomic_write(f, "safe\n", 5, &e) && jb_atomic_commit(f, &e),
       "and the write succeeds");
    g_clear_pointer(&got, g_free);
    got = slurp(victim);
    is_str(got, "victim\n", "the file the planted link names is untouched");
    ok(lstat(first, &st) == 0 && S_ISLNK(st.st_mode), "the planted link is left as it was");
    g_clear_pointer(&got, g_free);
    got = slurp(out);
    is_str(got, "safe\n", "the target has the new bytes");
    g_unlink(first);

    /* the mode is the umask's */
    mode_t saved = umask(027);
    g_autofree char *m1 = g_build_filename(dir, "m1", NULL);
    jb_atomic_write_file(m1, "x", 1, JB_ATOMIC_DURABLE, NULL);
    ok(mode_of(m1) == 0640, "under umask 027 the file is 0640 (%o)", (unsigned)mode_of(m1));
    umask(002);
    jb_atomic_write_file(m1, "y", 1, JB_ATOMIC_NO_SYNC, NULL);
    ok(mode_of(m1) == 0664, "under umask 002, 0664 (%o)", (unsigned)mode_of(m1));
    umask(saved);
    g_unlink(m1);

    /* a FIFO: in place, or refused */
    g_autofree char *fifo = g_build_filename(dir, "pipe", NULL);
    mkfifo(fifo, 0600);
    int rd = open(fifo, O_RDWR | O_NONBLOCK);
    ok(jb_atomic_write_file(fifo, "through\n", 8, JB_ATOMIC_DURABLE, &e),
       "writes into a FIFO in place");
    char buf[16] = {0};
    ok(read(rd, buf, sizeof buf - 1) == 8 && strcmp(buf, "through\n") == 0,
       "the bytes came through");
    wrote = jb_atomic_write_file(fifo, "x", 1, JB_ATOMIC_REGULAR_ONLY, &e);
    ok(!wrote && e && strstr(e->message, "not a regular file"),
       "JB_ATOMIC_REGULAR_ONLY refuses it: %s", e ? e->message : "");
    g_clear_error(&e);
    ok(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode), "the FIFO is still a FIFO");
    close(rd);
    g_unlink(fifo);

    /* a very long name still gets a temporary file (its name is cut to fit NAME_MAX) */
    g_autofree char *longname = g_strnfill(250, 'n');
    g_autofree char *longpath = g_build_filename(dir, longname, NULL);
    wrote = jb_atomic_write_file(longpath, "x", 1, JB_ATOMIC_DURABLE, &e);
    ok(wrote, "a 250-byte name %s", e ? e->message : "");
    g_clear_error(&e);
    g_unlink(longpath);

    test_at(dir);

    g_unlink(out);
    g_unlink(victim);
    ok(entries(dir) == 0, "nothing else was left in the directory");
    g_rmdir(dir);
    return tap_done();
}
