/* jb_append.c — locked, all-or-nothing appends (jb_append.h).
 *
 * By hand: GLib has no locked append, and O_APPEND alone does not keep two writers' batches
 * apart (a write of more than a page may be split) nor undo a batch cut short.
 */
#include "jb_append.h"

#include "jb_atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean fail(GError **error, int code, const char *path, const char *what, int err)
{
    g_set_error(error, JB_ERROR, code, "%s: %s%s", path, what, err ? g_strerror(err) : "");
    return FALSE;
}

static gboolean write_all(int fd, const char *p, gsize n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return FALSE;
        p += w;
        n -= (gsize)w;
    }
    return TRUE;
}

/* `.NAME.append` beside `path`. */
static char *journal_path(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *base = g_path_get_basename(path);
    g_autofree char *name = g_strdup_printf(".%s.append", base);
    return g_build_filename(dir, name, NULL);
}

/* Undo a batch a killed appender left half-written: cut `fd` back to the journal's size. */
static gboolean roll_back(const char *path, const char *journal, int fd, GPtrArray *warnings,
                          GError **error)
{
    g_autofree char *text = NULL;
    if (!g_file_get_contents(journal, &text, NULL, NULL))
        return TRUE; /* none: the last batch completed */
    char *end = NULL;
    guint64 size = g_ascii_strtoull(text, &end, 10);
    struct stat st;
    if (end == text || *end != '\n' || fstat(fd, &st) != 0)
        return fail(error, JB_ERROR_OUTPUT, journal,
                    "damaged journal of an append; remove it "
                    "after checking the end of the file",
                    0);
    if ((guint64)st.st_size > size) {
        if (ftruncate(fd, (off_t)size) != 0 || fsync(fd) != 0)
            return fail(error, JB_ERROR_OUTPUT, path, "", errno);
        if (warnings)
            g_ptr_array_add(warnings,
                            g_strdup_printf("%s: an append that did not complete (killed?) "
                                            "was undone: %llu bytes after byte %llu removed; "
                                            "run its batch again",
                                            path, (unsigned long long)st.st_size - size,
                                            (unsigned long long)size));
    }
    unlink(journal);
    return TRUE;
}

/* A non-empty target must start with the header: appending metrics rows to another file
 * would mix tables. */
static gboolean header_matches(int fd, const char *path, const char *header, GError **error)
{
    gsize n = strlen(header);
    g_autofree char *have = g_malloc(n);
    ssize_t got = pread(fd, have, n, 0);
    if (got == (ssize_t)n && memcmp(have, header, n) == 0)
        return TRUE;
    return fail(error, JB_ERROR_USAGE, path,
                "does not begin with the header this command "
                "writes: not appending to it",
                0);
}

/* Under the lock: the header when empty, then the batch; cut back to `size0` on failure. */
static gboolean append_locked(int fd, const char *path, const char *header, int src, off_t size0,
                              GError **error)
{
    gboolean ok = size0 > 0 || write_all(fd, header, strlen(header));
    g_autofree char *buf = g_malloc(1 << 16);
    for (off_t off = 0; ok;) {
        ssize_t r = pread(src, buf, 1 << 16, off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            ok = r == 0;
            break;
        }
        ok = write_all(fd, buf, (gsize)r);
        off += r;
    }
    ok = ok && fsync(fd) == 0;
    if (!ok) {
        int e = errno;
        if (ftruncate(fd, size0) == 0)
            fsync(fd);
        return fail(error, JB_ERROR_OUTPUT, path, "", e);
    }
    return TRUE;
}

gboolean jb_append_file(const char *path, const char *header, int src, GPtrArray *warnings,
                        GError **error)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0)
        return fail(error, errno == ELOOP ? JB_ERROR_USAGE : JB_ERROR_OUTPUT, path,
                    errno == ELOOP ? "is a symbolic link: not appending through it" : "",
                    errno == ELOOP ? 0 : errno);
    int rfd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    gboolean ok = rfd >= 0 && fstat(fd, &st) == 0;
    if (!ok)
        fail(error, JB_ERROR_OUTPUT, path, "", errno);
    else if (!S_ISREG(st.st_mode))
        ok = fail(error, JB_ERROR_USAGE, path, "is not a regular file: cannot append to it", 0);
    while (ok && flock(fd, LOCK_EX) != 0)
        if (errno != EINTR)
            ok = fail(error, JB_ERROR_OUTPUT, path, "cannot lock: ", errno);
    g_autofree char *journal = journal_path(path);
    ok = ok && roll_back(path, journal, fd, warnings, error);
    ok = ok && fstat(fd, &st) == 0;
    ok = ok && (st.st_size == 0 || header_matches(rfd, path, header, error));
    if (ok) {
        /* the undo record first, durably: a batch cut short is then always undone */
        g_autofree char *rec = g_strdup_printf("%lld\n", (long long)st.st_size);
        ok = jb_atomic_write_file(journal, rec, strlen(rec), JB_ATOMIC_DURABLE, error) &&
             append_locked(fd, path, header, src, st.st_size, error);
        unlink(journal);
    }
    if (rfd >= 0)
        close(rfd);
    close(fd); /* and the lock with it */
    return ok;
}
