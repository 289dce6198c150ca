/* jb_atomic.h — replacing a file so that a reader sees the old one or the new one, never
 * part of one: the one way jianbao writes an output.
 *
 * How: a temporary file `.NAME.XXXXXX.jbtmp` is created beside the target (same directory,
 * so the rename is atomic) with O_CREAT|O_EXCL|O_NOFOLLOW: never through a symlink or a file
 * someone planted at that name. It is written, flushed and renamed over the target. Its mode
 * is 0666 less the umask, as for a file made by a shell redirection. On every failure the
 * temporary file is removed and the file that was at the target stays as it was. Missing
 * parent directories are created (0777 less the umask). A kill -9 between creating and
 * renaming leaves the temporary file: `jianbao build` sweeps `*.jbtmp` beside its outputs.
 * A signal the process can catch (SIGTERM, SIGINT, SIGHUP, a crash) removes them first:
 * jb_atomic_remove_temps, which the command line's handlers call.
 *
 * A target that is a symlink is replaced by the new file (the link is not followed). A target
 * that exists and is neither a regular file nor a directory, through any symlinks
 * (/dev/null, /dev/stdout, a FIFO), is written in place, truncated: renaming over a device
 * would replace it (as root, /dev/null itself). JB_ATOMIC_REGULAR_ONLY refuses it instead.
 *
 * The fsync policy, decided here and nowhere else:
 *  - Durable (the default): the temporary file is fsynced before the rename and its directory
 *    after it, so that after a crash or a power loss the target holds the old file or the new
 *    one, complete. For what a person or a later run takes as the result: every CSV
 *    (metrics.csv, series.csv, conflicts.csv), what a build publishes into OUT, its manifest,
 *    the files `jianbao init` makes.
 *  - JB_ATOMIC_NO_SYNC: renamed without fsync. Still atomic for readers and against kill -9
 *    (the page cache outlives the process), but after a power loss the target may be there and
 *    empty or partial. Only for files remade from their inputs that are checked before use or
 *    cheap to remake: the build's cache (each file carries its hash) and its index, and
 *    rendered canvases (charts, briefings: an fsync cost ~20 ms a chart, more than drawing it;
 *    a build publishes them from its cache durably).
 *
 * Ownership: jb_atomic_open returns a JbAtomicFile the caller ends with exactly one of
 * jb_atomic_commit or jb_atomic_abort (both free it; g_autoptr aborts).
 * Errors are JB_ERROR_OUTPUT naming the target.
 */
#ifndef JB_ATOMIC_H
#define JB_ATOMIC_H

#include "jb_common.h"

typedef enum {
    JB_ATOMIC_DURABLE = 0,           /* fsync the file, rename, fsync the directory */
    JB_ATOMIC_NO_SYNC = 1 << 0,      /* rename only (see the policy above) */
    JB_ATOMIC_REGULAR_ONLY = 1 << 1, /* a device, FIFO or socket at the target is an error */
} JbAtomicFlags;

typedef struct JbAtomicFile JbAtomicFile;

/* Start replacing `path`: creates its temporary file (or opens a device in place). */
JbAtomicFile *jb_atomic_open(const char *path, JbAtomicFlags flags, GError **error);

/* Append `len` bytes (unbuffered: one write(2) loop; batch small pieces yourself). On failure
 * the file stays open: end it with jb_atomic_abort. */
gboolean jb_atomic_write(JbAtomicFile *f, const void *data, gsize len, GError **error);

/* Flush, rename over the target (fsyncs as the flags say) and free `f`. On failure the
 * temporary file is removed, the target is as it was, and `f` is freed too. */
gboolean jb_atomic_commit(JbAtomicFile *f, GError **error);

/* Drop what was written: remove the temporary file and free `f`. NULL is allowed. */
void jb_atomic_abort(JbAtomicFile *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbAtomicFile, jb_atomic_abort)

/* Remove every temporary file of this process not yet committed or aborted: for a handler of
 * SIGTERM, SIGINT or a crash, and before _exit. Async-signal-safe (unlink only; no locks,
 * no allocation); the process must end after it (the files' writers are not told). */
void jb_atomic_remove_temps(void);

/* The temporary file's path, or NULL when the target is written in place (borrowed). */
const char *jb_atomic_temp_path(const JbAtomicFile *f);

/* The whole of it at once: open, write `len` bytes of `data`, commit. */
gboolean jb_atomic_write_file(const char *path, const void *data, gsize len, JbAtomicFlags flags,
                              GError **error);

#endif
