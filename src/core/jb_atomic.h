/* jb_atomic.h — replacing a file so that a reader sees the old one or the new one, never
 * part of one: the one way jianbao writes an output.
 *
 * How: the target's directory is opened once, and everything after goes through that
 * descriptor (openat, renameat, unlinkat, fsync): a temporary file `.NAME.XXXXXX.jbtmp` is
 * created in it with O_CREAT|O_EXCL|O_NOFOLLOW (never through a symlink or a file someone
 * planted at that name), written, flushed and renamed over the target, so a directory
 * renamed or replaced by a symlink meanwhile cannot send the file, or its removal, elsewhere. Its mode
 * is 0666 less the umask, as for a file made by a shell redirection. On every failure the
 * temporary file is removed and the file that was at the target stays as it was. Missing
 * parent directories are created (0777 less the umask). A kill -9 between creating and
 * renaming leaves the temporary file: `jianbao build` sweeps those it recorded (JbAtomicRecord).
 * A signal the process can catch (SIGTERM, SIGINT, SIGHUP, a crash) removes them first:
 * jb_atomic_remove_temps, which the command line's handlers call.
 *
 * A caller that owns a directory (a build, OUT and OUT/.cache) opens it itself without
 * following symlinks and writes with jb_atomic_openat, or anchors it (jb_atomic_anchor) for
 * the libraries it hands a path to.
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

/* Told each temporary file's name (in the directory) before it is created (`taken` FALSE;
 * FALSE and *error to give up: nothing is created), and when that name was found taken by
 * a file of someone else's (`taken` TRUE; its error is ignored): for a caller that must
 * know of every temporary file even after a kill -9 (a build's ledger, jb_build_own.c). */
typedef gboolean (*JbAtomicRecord)(const char *tmp_name, gboolean taken, gpointer data,
                                   GError **error);

/* jb_atomic_open for `name` in the directory open at `dfd` (O_DIRECTORY; the caller keeps
 * it, the file holds a duplicate): neither it nor the temporary file is ever looked up
 * through a symlink. A symlink at `name` is replaced; a device, FIFO or socket there is an
 * error with JB_ATOMIC_REGULAR_ONLY, else replaced too (never opened). `path` names it in
 * messages; `record` may be NULL. */
JbAtomicFile *jb_atomic_openat(int dfd, const char *name, const char *path, JbAtomicFlags flags,
                               JbAtomicRecord record, gpointer data, GError **error);

/* Files written by path into directory `dir` (spelled as the paths will spell it) go through
 * `dfd` (the caller's, kept open until jb_atomic_unanchor) rather than a new lookup of `dir`:
 * for a caller that opened `dir` itself, without following symlinks, and hands paths in it to
 * a library that writes them (a build's charts and briefing into OUT/.cache). FALSE when
 * all 16 anchors are taken (then paths are looked up as usual). Thread-safe. */
gboolean jb_atomic_anchor(const char *dir, int dfd);
void jb_atomic_unanchor(int dfd);

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
/* Its name in its directory, or NULL likewise (borrowed). */
const char *jb_atomic_temp_name(const JbAtomicFile *f);

/* The whole of it at once: open, write `len` bytes of `data`, commit. */
gboolean jb_atomic_write_file(const char *path, const void *data, gsize len, JbAtomicFlags flags,
                              GError **error);

#endif
