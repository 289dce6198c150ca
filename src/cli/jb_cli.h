/* jb_cli.h — what the command line's files share: the exit codes, the one place that prints
 * a message (cli_say), the checks every command makes of its files, and the commands.
 *
 * The command line is src/cli: main.c dispatches and handles signals and running out of
 * memory; each jb_cli_*.c holds a family of commands (one function each, its options and
 * its printing); jb_cli.c the helpers they share. Only these files print (the library
 * never does).
 */
#ifndef JB_CLI_H
#define JB_CLI_H

#include "jb_common.h"
#include "jb_dict.h"
#include "jb_table.h"

#include <glib.h>

/* The codes are jb_common.h's JbExit, the one table from errors to exit codes. */
enum {
    EXIT_OK = JB_EXIT_OK,
    EXIT_WARNINGS = JB_EXIT_WARNINGS,
    EXIT_USAGE = JB_EXIT_USAGE,
    EXIT_INPUT = JB_EXIT_INPUT,
    EXIT_OUTPUT = JB_EXIT_OUTPUT,
    EXIT_LOCKED = JB_EXIT_LOCKED,
};

/* The command running ("extract", …), the prefix of every message; NULL before dispatch. */
extern const char *cli_stage;

/* "jianbao: STAGE: MESSAGE" on stderr. */
G_GNUC_PRINTF(1, 2) void cli_say(const char *fmt, ...);
/* Each warning of `d` said; EXIT_WARNINGS when there was any, else EXIT_OK. */
int cli_say_diag(const JbDiag *d);
/* Say `e` and free it; its exit code (jb_exit_code). */
int cli_fail(GError *e);
/* Parse a command's options `entries` (argv[0] its name): its usage line says `params`, its
 * --help `summary` (NULL: none) below. FALSE after saying what is wrong: a usage error. */
gboolean cli_options(int *argc, char ***argv, const char *params, const GOptionEntry *entries,
                     const char *summary);
/* TRUE when `path` is a regular file, else FALSE after saying what it is. */
gboolean cli_need_file(const char *path);
/* The index of the first of `ins` (n of them, NULLs skipped: options not given) that is the
 * file `out`, by device and inode through any name or link; -1 when none is, or `out` is
 * NULL, "-" (stdout) or no regular file. */
int cli_same_file(const char *out, const char *const *ins, guint n);
/* TRUE, after saying so, when the output `out` of option `opt` is one of `ins`
 * (cli_same_file): it would be overwritten. */
gboolean cli_overwrites_input(const char *opt, const char *out, const char *const *ins, guint n);
/* The file arguments argv[1..] with @LIST expanded (caller unrefs), or NULL after saying
 * why, or saying `none` when there are none. */
GPtrArray *cli_inputs_given(int argc, char **argv, const char *none);
/* The shipped dictionary's path (caller frees), NULL when not found. */
char *cli_default_dict(void);
/* A dictionary file with what it extends; caller frees. */
JbDict *cli_dict_load(const char *path, GError **error);
/* The dictionary a chart or report sums parts by (see jb_cli.c); *out may be NULL. */
gboolean cli_load_dict(const char *path, JbDict **out, GError **error);
/* `path` read as a table with columns `need` (NULL-terminated); caller frees. */
JbTable *cli_read_with_columns(const char *path, const char *const *need, GError **error);

/* The commands: argv[0] is "jianbao COMMAND"; each returns the process's exit code. */
int cmd_extract(int argc, char **argv); /* jb_cli_extract.c */
int cmd_number(int argc, char **argv);
int cmd_reshape(int argc, char **argv); /* jb_cli_series.c */
int cmd_suggest(int argc, char **argv);
int cmd_chart(int argc, char **argv); /* jb_cli_render.c */
int cmd_report(int argc, char **argv);
int cmd_build(int argc, char **argv); /* jb_cli_build.c */
int cmd_init(int argc, char **argv);

#endif
