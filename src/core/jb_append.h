/* jb_append.h — adding rows to the end of a file that other processes append to at the same
 * time (`ls | xargs jianbao extract --append -o all.csv`): never interleaved, never lost, the
 * header written once, and a batch appended whole or not at all.
 *
 * How: the caller stages its batch (any file descriptor it can read from the start, such as an
 * unlinked temporary file), then jb_append_file opens the target O_APPEND, takes an exclusive
 * flock on it (waiting for the appender before it: the kernel releases the lock of a process
 * that dies however it dies), writes the header when the file is empty, copies the batch and
 * fsyncs. An undo journal `.NAME.append` beside the target holds the size before the batch
 * (written durably before the first byte, removed after the fsync): an appender killed in the
 * middle leaves it, and the next appender cuts the file back to that size before its own
 * batch, so a killed batch leaves no partial or duplicate rows behind (it says so in
 * `warnings`: rerun that batch). A write that fails (a full disk) cuts the file back at once.
 *
 * Not for: replacing a file (jb_atomic.h). Readers take no lock: read the file once the
 * appenders are done. On NFS, flock needs a Linux client ≥ 2.6.12 (it is sent as a POSIX lock).
 * Errors are JB_ERROR_OUTPUT naming the target, or JB_ERROR_USAGE when the target is not a
 * regular file or its first line is not `header`.
 */
#ifndef JB_APPEND_H
#define JB_APPEND_H

#include "jb_common.h"

/* Append what `src` holds from offset 0 to `path` (created 0666 less the umask), with
 * `header` (one line, its '\n' included) first when `path` is empty; a non-empty `path`
 * must begin with `header`. Warnings (char*) go to `warnings` (may be NULL). */
gboolean jb_append_file(const char *path, const char *header, int src, GPtrArray *warnings,
                        GError **error);

#endif
