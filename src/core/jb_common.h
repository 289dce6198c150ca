/* jb_common.h — what every jianbao module shares: the error domain and a few helpers.
 *
 * Conventions for the whole library (libjianbao):
 *  - Library functions never print and never exit. They return gboolean (or a pointer,
 *    NULL on failure) and fill a GError ** in the JB_ERROR domain. Only src/cli prints.
 *  - Error messages name the place: "examples/a.html:12: unterminated comment".
 *  - Ownership: a function returning a pointer gives the caller ownership unless its
 *    header comment says "borrowed". Free with the matching _free / g_free.
 *  - Allocation failure aborts inside GLib (g_malloc); no NULL checks after it.
 *  - Warnings: one channel, JbDiag (below). What a stage repaired, skipped or left out
 *    while it went on is a warning, one line naming the place like an error does
 *    ("examples/a.html: byte 1234: invalid UTF-8 skipped"). Every stage that can warn
 *    takes a JbDiag * (borrowed; NULL: nobody listens) and only adds to it. Only the CLI
 *    shows them (stderr, "jianbao: COMMAND: LINE"); jianbao build turns each into an event
 *    of its log, warnings.csv and fail_on=.
 */
#ifndef JB_COMMON_H
#define JB_COMMON_H

#include <glib.h>

#define JB_ERROR (jb_error_quark())
GQuark jb_error_quark(void);

/* The error codes map onto the CLI's exit codes (see README, "Exit codes"). */
typedef enum {
    JB_ERROR_USAGE = 1, /* bad option, bad spec or template */
    JB_ERROR_INPUT,     /* unreadable or malformed input file */
    JB_ERROR_OUTPUT,    /* cannot write an output */
    JB_ERROR_LIMIT,     /* input over a size or resource limit */
    JB_ERROR_LOCKED,    /* another build holds the lock */
} JbErrorCode;

/* The one table from errors to the CLI's exit codes (README "Exit codes"). A build whose
 * only problems are the data's (conflicts resolved by the documented rules, bytes skipped)
 * succeeded: warnings are reported, counted and recorded, never an exit code, unless a
 * project asks for it (jianbao build's fail_on=). */
typedef enum {
    JB_EXIT_OK = 0,
    JB_EXIT_WARNINGS = 1, /* done, but the project or command treats its warnings as failing */
    JB_EXIT_USAGE = 2,    /* bad option, missing file, bad spec, template or project */
    JB_EXIT_INPUT = 3,    /* an input could not be read, is malformed or over a limit */
    JB_EXIT_OUTPUT = 4,   /* an output could not be written */
    JB_EXIT_LOCKED = 5,   /* another build holds the lock */
} JbExit;

/* The exit code for `e`: JB_ERROR_USAGE → 2, _INPUT and _LIMIT → 3, _OUTPUT → 4,
 * _LOCKED → 5; an error of another domain (GLib's file and key-file errors) → 3. */
int jb_exit_code(const GError *e);

/* The warning channel: a list of warning lines, in the order they were given. It is a
 * GPtrArray of owned char* (g_free), so stages may also hand a JbDiag to code that takes
 * such an array; add to it with jb_diag_warn. Not thread-safe: a thread has its own JbDiag
 * (jianbao build gives each unit one and merges them in order). */
typedef GPtrArray JbDiag;
/* A new, empty channel (free with jb_diag_free or g_autoptr(JbDiag)). */
JbDiag *jb_diag_new(void);
void jb_diag_free(JbDiag *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbDiag, jb_diag_free)
/* Add one warning line (printf format); `d` NULL drops it. */
G_GNUC_PRINTF(2, 3) void jb_diag_warn(JbDiag *d, const char *fmt, ...);
/* How many warnings `d` holds (0 for NULL), and the i-th (borrowed). */
guint jb_diag_count(const JbDiag *d);
const char *jb_diag_message(const JbDiag *d, guint i);
/* Add a copy of every warning of `from` (may be NULL) to `to` (may be NULL). */
void jb_diag_append(JbDiag *to, const JbDiag *from);

/* Replace `path` with `len` bytes of `data`, durably: jb_atomic_write_file(...,
 * JB_ATOMIC_DURABLE, ...). How, and the fsync policy, in jb_atomic.h. */
gboolean jb_write_file_atomic(const char *path, const void *data, gsize len, GError **error);

/* Read the whole file at `path` into *data (NUL-terminated, caller g_free()s) and *len;
 * FALSE with a JB_ERROR_INPUT error naming the file when it cannot be read. */
gboolean jb_read_file(const char *path, char **data, gsize *len, GError **error);

/* 1-based line number of byte offset `off` in `text` (for error messages). */
guint jb_line_of_offset(const char *text, gsize off);

/* Absolute path of a file shipped with jianbao (fonts/fonts.conf, templates/…): looked up
 * under $JIANBAO_DATA, then beside the executable, its parent directory and
 * PREFIX/share/jianbao for an executable in PREFIX/bin (an installed tree, moved or not),
 * then in the source tree it was built from. Never the working directory. Returns the first
 * that exists, or NULL. Caller owns it. */
char *jb_data_path(const char *relative);

#endif
