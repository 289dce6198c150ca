/* jb_atomic.c — temporary file, write, fsync, rename, fsync the directory (jb_atomic.h).
 *
 * By hand rather than GLib's g_file_set_contents_full: it cannot stream (metrics.csv is
 * written an article at a time), gives its file a fixed mode whatever the umask, names it
 * NAME.XXXXXX (which a sweep cannot tell from a user's briefing.pdf.backup) and never fsyncs
 * the directory.
 */
#include "jb_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes of the target's name kept in the temporary file's: `.` + this + `.XXXXXX.jbtmp`
 * stays under NAME_MAX (255) however long the target's name is. */
#define TEMP_NAME_KEEP 200

struct JbAtomicFile {
    char *path; /* the target */
    char *tmp;  /* the temporary file beside it; NULL when written in place */
    int fd;
    JbAtomicFlags flags;
    int slot; /* its entry in `live`, or -1 */
};

/* The temporary files this process has open, for jb_atomic_remove_temps: a fixed table a
 * signal handler can read without locks or allocation. A slot is claimed by an atomic
 * compare-and-swap (threads of a build write at once), filled, then published; the handler
 * unlinks the published ones. Absolute paths: a relative one would be wrong after a chdir.
 * More files at once than slots (a build keeps a few per thread) are simply not listed: the
 * build's sweep still finds them. */
#define LIVE_SLOTS 64
enum { SLOT_FREE, SLOT_FILLING, SLOT_LIVE };
static struct {
    volatile gint state;
    char path[4096];
} live[LIVE_SLOTS];

static int live_add(const char *tmp)
{
    g_autofree char *abs = g_path_is_absolute(tmp) ? g_strdup(tmp)
                                                   : g_canonicalize_filename(tmp, NULL);
    if (strlen(abs) >= sizeof live[0].path)
        return -1;
    for (int i = 0; i < LIVE_SLOTS; i++) {
        if (!g_atomic_int_compare_and_exchange(&live[i].state, SLOT_FREE, SLOT_FILLING))
            continue;
        strcpy(live[i].path, abs);
        g_atomic_int_set(&live[i].state, SLOT_LIVE);
        return i;
    }
    return -1;
}

static void live_drop(JbAtomicFile *f)
{
    if (f->slot >= 0)
        g_atomic_int_set(&live[f->slot].state, SLOT_FREE);
    f->slot = -1;
}

void jb_atomic_remove_temps(void)
{
    for (int i = 0; i < LIVE_SLOTS; i++)
        if (g_atomic_int_compare_and_exchange(&live[i].state, SLOT_LIVE, SLOT_FILLING))
            unlink(live[i].path); /* async-signal-safe; the slot stays taken: we are ending */
}

static gboolean fail(GError **error, const char *path, const char *what, int err)
{
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s%s", path, what, g_strerror(err));
    return FALSE;
}

static JbAtomicFile *atomic_new(const char *path, char *tmp_take, int fd, JbAtomicFlags flags)
{
    JbAtomicFile *f = g_new0(JbAtomicFile, 1);
    f->path = g_strdup(path);
    f->tmp = tmp_take;
    f->fd = fd;
    f->flags = flags;
    f->slot = tmp_take ? live_add(tmp_take) : -1;
    return f;
}

static void atomic_free(JbAtomicFile *f)
{
    live_drop(f);
    g_free(f->path);
    g_free(f->tmp);
    g_free(f);
}

/* Create `.NAME.XXXXXX.jbtmp` (hidden: one dot before a NAME without one) beside `path` (XXXXXX random letters and digits) with O_EXCL
 * and O_NOFOLLOW: whatever is at a name already, a symlink included, is never opened, and
 * another name is tried. Sets *tmp (caller owns) and returns the descriptor, or -1 (errno). */
static int create_temp(const char *path, char **tmp)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *base = g_path_get_basename(path);
    if (strlen(base) > TEMP_NAME_KEEP)
        base[TEMP_NAME_KEEP] = '\0';
    for (int attempt = 0; attempt < 100; attempt++) {
        char rnd[7];
        for (int i = 0; i < 6; i++) /* (GLib's generator: seeded from /dev/urandom) */
            rnd[i] = chars[g_random_int_range(0, (gint32)sizeof chars - 1)];
        rnd[6] = '\0';
        g_autofree char *name = g_strconcat(base[0] == '.' ? "" : ".", base, ".", rnd, ".jbtmp",
                                            NULL);
        char *p = g_build_filename(dir, name, NULL);
        int fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) {
            *tmp = p;
            return fd;
        }
        int e = errno;
        g_free(p);
        if (e != EEXIST) {
            errno = e;
            return -1;
        }
    }
    errno = EEXIST;
    return -1;
}

JbAtomicFile *jb_atomic_open(const char *path, JbAtomicFlags flags, GError **error)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if (flags & JB_ATOMIC_REGULAR_ONLY) {
            g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT,
                        "%s: not a regular file (a device, FIFO or socket)", path);
            return NULL;
        }
        int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) {
            fail(error, path, "", errno);
            return NULL;
        }
        return atomic_new(path, NULL, fd, flags);
    }
    g_autofree char *dir = g_path_get_dirname(path);
    if (g_mkdir_with_parents(dir, 0777) != 0) {
        fail(error, dir, "cannot create directory: ", errno);
        return NULL;
    }
    char *tmp = NULL;
    int fd = create_temp(path, &tmp);
    if (fd < 0) {
        fail(error, path, "cannot create a temporary file: ", errno);
        return NULL;
    }
    JbAtomicFile *f = atomic_new(path, tmp, fd, flags);
    if (g_getenv("JIANBAO_TEST_WAIT_IN_TEMP"))
        pause(); /* a test hook (tests/cli/kill.t): a signal finds the temporary file there */
    return f;
}

const char *jb_atomic_temp_path(const JbAtomicFile *f)
{
    return f->tmp;
}

gboolean jb_atomic_write(JbAtomicFile *f, const void *data, gsize len, GError **error)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(f->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(error, f->path, "", n < 0 ? errno : ENOSPC);
        p += n;
        len -= (gsize)n;
    }
    return TRUE;
}

void jb_atomic_abort(JbAtomicFile *f)
{
    if (!f)
        return;
    if (f->fd >= 0)
        close(f->fd);
    if (f->tmp)
        g_unlink(f->tmp);
    atomic_free(f);
}

/* After the rename: the directory entry itself reaches the disk. Some file systems cannot
 * fsync a directory (EINVAL): their rename is as durable as it gets. */
static gboolean sync_dir(const char *path, GError **error)
{
    g_autofree char *dir = g_path_get_dirname(path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(error, dir, "cannot sync directory: ", errno);
    int r = fsync(fd), e = errno;
    close(fd);
    if (r != 0 && e != EINVAL)
        return fail(error, dir, "cannot sync directory: ", e);
    return TRUE;
}

gboolean jb_atomic_commit(JbAtomicFile *f, GError **error)
{
    gboolean durable = !(f->flags & JB_ATOMIC_NO_SYNC);
    if (!f->tmp) { /* in place: a device or FIFO has nothing to fsync */
        int r = close(f->fd), e = errno;
        f->fd = -1;
        gboolean ok = r == 0 || fail(error, f->path, "", e);
        atomic_free(f);
        return ok;
    }
    int err = 0;
    if (durable && fsync(f->fd) != 0)
        err = errno;
    if (close(f->fd) != 0 && !err)
        err = errno;
    f->fd = -1;
    live_drop(f); /* from here the name is the target's (or removed just below) */
    /* The file replaced is held (O_PATH: no access needed, nothing opened for I/O) across the
     * rename and let go after it, so that its last reference, and with it the freeing of its
     * blocks, is dropped here and not inside rename, which holds its directory's lock
     * meanwhile. Freeing blocks can wait for the disk: on an ext4 mounted with `discard` it
     * waits for the device to discard them (0.25 ms a chart on the bench machine), and every
     * other thread creating or renaming a file in that directory (a build's charts, all in
     * one) waited behind it: two render threads spent as long blocked as drawing (issue 19). */
    int replaced = err ? -1 : open(f->path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (!err && rename(f->tmp, f->path) != 0)
        err = errno;
    if (replaced >= 0)
        close(replaced);
    if (err) {
        fail(error, f->path, "", err);
        jb_atomic_abort(f);
        return FALSE;
    }
    gboolean ok = !durable || sync_dir(f->path, error);
    atomic_free(f);
    return ok;
}

gboolean jb_atomic_write_file(const char *path, const void *data, gsize len, JbAtomicFlags flags,
                              GError **error)
{
    JbAtomicFile *f = jb_atomic_open(path, flags, error);
    if (!f)
        return FALSE;
    if (!jb_atomic_write(f, data, len, error)) {
        jb_atomic_abort(f);
        return FALSE;
    }
    return jb_atomic_commit(f, error);
}

gboolean jb_write_file_atomic(const char *path, const void *data, gsize len, GError **error)
{
    return jb_atomic_write_file(path, data, len, JB_ATOMIC_DURABLE, error);
}
