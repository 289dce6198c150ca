/* jb_atomic.c — temporary file, write, fsync, rename, fsync the directory (jb_atomic.h).
 *
 * By hand rather than GLib's g_file_set_contents_full: it cannot stream (metrics.csv is
 * written an article at a time), gives its file a fixed mode whatever the umask, names it
 * NAME.XXXXXX (which a sweep cannot tell from a user's briefing.pdf.backup), never fsyncs
 * the directory and looks the directory up by its path for each step.
 */
#include "jb_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bytes of the target's name kept in the temporary file's: `.` + this + `.XXXXXX.jbtmp`
 * stays under NAME_MAX (255) however long the target's name is. */
#define TEMP_NAME_KEEP 200

struct JbAtomicFile {
    char *path;     /* the target, as messages name it */
    char *name;     /* its name in `dfd` */
    char *tmp;      /* the temporary file's name in `dfd`; NULL when written in place */
    char *tmp_path; /* the temporary file's path (jb_atomic_temp_path) */
    int dfd;        /* the directory both are in, held from open to commit (owned); -1 in place */
    int fd;
    JbAtomicFlags flags;
    int slot; /* its entry in `live`, or -1 */
};

/* The temporary files this process has open, for jb_atomic_remove_temps: a fixed table a
 * signal handler can read without locks or allocation. A slot is claimed by an atomic
 * compare-and-swap (threads of a build write at once), filled, then published; the handler
 * unlinks the published ones through their directory's descriptor (unlinkat: right after a
 * chdir or a rename of a directory on the path too). More files at once than slots (a build
 * keeps a few per thread) are simply not listed: the build's sweep still finds them. */
#define LIVE_SLOTS 64
enum { SLOT_FREE, SLOT_FILLING, SLOT_LIVE };
static struct {
    volatile gint state;
    int dfd;
    char name[NAME_MAX + 1];
} live[LIVE_SLOTS];

static int live_add(int dfd, const char *tmp)
{
    if (strlen(tmp) > NAME_MAX)
        return -1;
    for (int i = 0; i < LIVE_SLOTS; i++) {
        if (!g_atomic_int_compare_and_exchange(&live[i].state, SLOT_FREE, SLOT_FILLING))
            continue;
        live[i].dfd = dfd;
        strcpy(live[i].name, tmp);
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
            unlinkat(live[i].dfd, live[i].name, 0); /* async-signal-safe; the slot stays taken */
}

/* ---- anchors -------------------------------------------------------------------------- */

/* Directories a caller opened itself (without following symlinks) for the files written into
 * them by path, through libraries that take a path (a chart, a briefing). Few, and looked up
 * once a file: an array under a lock. */
#define ANCHOR_SLOTS 16
static GMutex anchor_lock;
static struct {
    char *dir; /* NULL: free */
    int dfd;
} anchors[ANCHOR_SLOTS];

/* `dir` without its trailing separators, as g_path_get_dirname gives a file's directory. */
static char *dir_key(const char *dir)
{
    gsize n = strlen(dir);
    while (n > 1 && dir[n - 1] == G_DIR_SEPARATOR)
        n--;
    return g_strndup(dir, n);
}

gboolean jb_atomic_anchor(const char *dir, int dfd)
{
    g_mutex_lock(&anchor_lock);
    for (int i = 0; i < ANCHOR_SLOTS; i++)
        if (!anchors[i].dir) {
            anchors[i].dir = dir_key(dir);
            anchors[i].dfd = dfd;
            g_mutex_unlock(&anchor_lock);
            return TRUE;
        }
    g_mutex_unlock(&anchor_lock);
    return FALSE;
}

void jb_atomic_unanchor(int dfd)
{
    g_mutex_lock(&anchor_lock);
    for (int i = 0; i < ANCHOR_SLOTS; i++)
        if (anchors[i].dir && anchors[i].dfd == dfd)
            g_clear_pointer(&anchors[i].dir, g_free);
    g_mutex_unlock(&anchor_lock);
}

/* A descriptor of its own (caller closes it) for directory `dir` when it is anchored; -1. */
static int anchored(const char *dir)
{
    g_autofree char *key = dir_key(dir);
    int fd = -1;
    g_mutex_lock(&anchor_lock);
    for (int i = 0; i < ANCHOR_SLOTS && fd < 0; i++)
        if (anchors[i].dir && strcmp(anchors[i].dir, key) == 0)
            fd = fcntl(anchors[i].dfd, F_DUPFD_CLOEXEC, 0);
    g_mutex_unlock(&anchor_lock);
    return fd;
}

/* ---- writing -------------------------------------------------------------------------- */

static gboolean fail(GError **error, const char *path, const char *what, int err)
{
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s%s", path, what, g_strerror(err));
    return FALSE;
}

static void atomic_free(JbAtomicFile *f)
{
    live_drop(f);
    if (f->dfd >= 0)
        close(f->dfd);
    g_free(f->path);
    g_free(f->name);
    g_free(f->tmp);
    g_free(f->tmp_path);
    g_free(f);
}

/* Create `.NAME.XXXXXX.jbtmp` (hidden: one dot before a NAME without one) in `dfd` (XXXXXX
 * random letters and digits) with O_EXCL and O_NOFOLLOW: whatever is at a name already, a
 * symlink included, is never opened, and another name is tried. `record`, when given, is
 * told each name before it is created (so a kill -9 can never leave a file it was not told
 * of) and when the name was found taken. Sets *tmp (caller owns) and returns the
 * descriptor, or -1 (errno, or *error from `record`). */
static int create_temp(int dfd, const char *base_in, JbAtomicRecord record, gpointer data,
                       char **tmp, GError **error)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    g_autofree char *base = g_strdup(base_in);
    if (strlen(base) > TEMP_NAME_KEEP)
        base[TEMP_NAME_KEEP] = '\0';
    for (int attempt = 0; attempt < 100; attempt++) {
        char rnd[7];
        for (int i = 0; i < 6; i++) /* (GLib's generator: seeded from /dev/urandom) */
            rnd[i] = chars[g_random_int_range(0, (gint32)sizeof chars - 1)];
        rnd[6] = '\0';
        char *name = g_strconcat(base[0] == '.' ? "" : ".", base, ".", rnd, ".jbtmp", NULL);
        if (record && !record(name, FALSE, data, error)) {
            g_free(name);
            errno = 0;
            return -1;
        }
        int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) {
            *tmp = name;
            return fd;
        }
        int e = errno;
        if (e == EEXIST && record)
            record(name, TRUE, data, NULL); /* not ours: never to be removed */
        g_free(name);
        if (e != EEXIST) {
            errno = e;
            return -1;
        }
    }
    errno = EEXIST;
    return -1;
}

/* The common part: the temporary file for `name` in `dfd` (taken: closed on failure). */
static JbAtomicFile *open_in(int dfd, const char *name, const char *path, JbAtomicFlags flags,
                             JbAtomicRecord record, gpointer data, GError **error)
{
    char *tmp = NULL;
    GError *local = NULL;
    int fd = create_temp(dfd, name, record, data, &tmp, &local);
    if (fd < 0) {
        if (local)
            g_propagate_error(error, local);
        else
            fail(error, path, "cannot create a temporary file: ", errno);
        close(dfd);
        return NULL;
    }
    /* listed before anything is allocated: running out of memory in the allocations below
     * ends the process, whose handler then removes the file (oom.t's build left it) */
    int slot = live_add(dfd, tmp);
    JbAtomicFile *f = g_new0(JbAtomicFile, 1);
    f->path = g_strdup(path);
    f->name = g_strdup(name);
    f->tmp = tmp;
    g_autofree char *dir = g_path_get_dirname(path);
    f->tmp_path = g_build_filename(dir, tmp, NULL);
    f->dfd = dfd;
    f->fd = fd;
    f->flags = flags;
    f->slot = slot;
    if (g_getenv("JIANBAO_TEST_WAIT_IN_TEMP"))
        pause(); /* a test hook (tests/cli/kill.t): a signal finds the temporary file there */
    const char *kill_in = g_getenv("JIANBAO_TEST_KILL_IN_TEMP");
    if (kill_in && strcmp(kill_in, name) == 0)
        raise(SIGKILL); /* a test hook (tests/cli/build-sweep.t): a kill -9 leaves it there */
    return f;
}

static gboolean not_regular(GError **error, const char *path)
{
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT,
                "%s: not a regular file (a device, FIFO or socket)", path);
    return FALSE;
}

JbAtomicFile *jb_atomic_open(const char *path, JbAtomicFlags flags, GError **error)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if (flags & JB_ATOMIC_REGULAR_ONLY) {
            not_regular(error, path);
            return NULL;
        }
        int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) {
            fail(error, path, "", errno);
            return NULL;
        }
        JbAtomicFile *f = g_new0(JbAtomicFile, 1);
        f->path = g_strdup(path);
        f->dfd = -1;
        f->fd = fd;
        f->flags = flags;
        f->slot = -1;
        return f;
    }
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *base = g_path_get_basename(path);
    int dfd = anchored(dir);
    if (dfd < 0) {
        if (g_mkdir_with_parents(dir, 0777) != 0) {
            fail(error, dir, "cannot create directory: ", errno);
            return NULL;
        }
        /* the directory named (through symlinks: the caller's choice), then only it */
        dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0 && errno == EACCES)
            dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC); /* (then no directory fsync) */
        if (dfd < 0) {
            fail(error, dir, "", errno);
            return NULL;
        }
    }
    return open_in(dfd, base, path, flags, NULL, NULL, error);
}

JbAtomicFile *jb_atomic_openat(int dfd, const char *name, const char *path, JbAtomicFlags flags,
                               JbAtomicRecord record, gpointer data, GError **error)
{
    struct stat st;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode) &&
        !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode) && (flags & JB_ATOMIC_REGULAR_ONLY)) {
        not_regular(error, path);
        return NULL;
    }
    int own = fcntl(dfd, F_DUPFD_CLOEXEC, 0);
    if (own < 0) {
        fail(error, path, "", errno);
        return NULL;
    }
    return open_in(own, name, path, flags, record, data, error);
}

const char *jb_atomic_temp_path(const JbAtomicFile *f)
{
    return f->tmp_path;
}

const char *jb_atomic_temp_name(const JbAtomicFile *f)
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
        unlinkat(f->dfd, f->tmp, 0);
    atomic_free(f);
}

/* After the rename: the directory entry itself reaches the disk. Some file systems cannot
 * fsync a directory (EINVAL), nor can a directory opened O_PATH (EBADF: one we may not
 * read): their rename is as durable as it gets. */
static gboolean sync_dir(const JbAtomicFile *f, GError **error)
{
    if (fsync(f->dfd) == 0 || errno == EINVAL || errno == EBADF)
        return TRUE;
    g_autofree char *dir = g_path_get_dirname(f->path);
    return fail(error, dir, "cannot sync directory: ", errno);
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
     * one) waited behind it: two render threads spent as long blocked as drawing (issue 19).
     * The rename is within the one directory held since the temporary file was made: a
     * symlink at the target is replaced, never followed. */
    int replaced = err ? -1 : openat(f->dfd, f->name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (!err && renameat(f->dfd, f->tmp, f->dfd, f->name) != 0)
        err = errno;
    if (replaced >= 0)
        close(replaced);
    if (err) {
        fail(error, f->path, "", err);
        jb_atomic_abort(f);
        return FALSE;
    }
    gboolean ok = !durable || sync_dir(f, error);
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
