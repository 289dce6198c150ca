/* jb_cli.c — what the commands share: saying things, checking the files they are given,
 * expanding @LIST arguments, loading the dictionary, writing a table.
 */
#include "jb_cli.h"

#include "jb_dict_extend.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

const char *cli_stage = NULL;

void cli_say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (cli_stage)
        fprintf(stderr, "jianbao: %s: %s\n", cli_stage, msg);
    else
        fprintf(stderr, "jianbao: %s\n", msg);
}

/* The end of the warning channel for a single stage: each warning on stderr; the exit code
 * is 1 when there was any (README "Exit codes"). */
int cli_say_diag(const JbDiag *d)
{
    for (guint i = 0; i < jb_diag_count(d); i++)
        cli_say("%s", jb_diag_message(d, i));
    return jb_diag_count(d) ? EXIT_WARNINGS : EXIT_OK;
}

int cli_fail(GError *e)
{
    cli_say("%s", e->message);
    int code = jb_exit_code(e);
    g_error_free(e);
    return code;
}

/* Parse options; on error print one line and return FALSE. */
static gboolean parse(GOptionContext *ctx, int *argc, char ***argv)
{
    GError *e = NULL;
    if (!g_option_context_parse(ctx, argc, argv, &e)) {
        cli_say("%s (try --help)", e->message);
        g_error_free(e);
        return FALSE;
    }
    return TRUE;
}

gboolean cli_options(int *argc, char ***argv, const char *params, const GOptionEntry *entries,
                     const char *summary)
{
    g_autoptr(GOptionContext) ctx = g_option_context_new(params);
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (summary)
        g_option_context_set_summary(ctx, summary);
    return parse(ctx, argc, argv);
}

gboolean cli_need_file(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    cli_say("%s: %s", path,
            g_file_test(path, G_FILE_TEST_EXISTS) ? "not a regular file" : "no such file");
    return FALSE;
}

int cli_same_file(const char *out, const char *const *ins, guint n)
{
    GStatBuf os;
    if (!out || strcmp(out, "-") == 0 || g_stat(out, &os) != 0 || !S_ISREG(os.st_mode))
        return -1;
    for (guint i = 0; i < n; i++) {
        GStatBuf is;
        if (ins[i] && g_stat(ins[i], &is) == 0 && is.st_dev == os.st_dev && is.st_ino == os.st_ino)
            return (int)i;
    }
    return -1;
}

/* An output that is one of the inputs would be replaced by what was made from it: refused
 * before anything is written. */
gboolean cli_overwrites_input(const char *opt, const char *out, const char *const *ins, guint n)
{
    int i = cli_same_file(out, ins, n);
    if (i >= 0)
        cli_say("%s %s is also an input (%s): it would be overwritten", opt, out, ins[i]);
    return i >= 0;
}

/* The file arguments with every `@LIST` replaced by the paths LIST holds, one a line (empty
 * lines skipped, a CR before the LF dropped); `@-` reads the list from stdin. For archives
 * whose file names outgrow a command line (xargs would split them into several runs). NULL
 * after saying why when a list cannot be read. */
static GPtrArray *expand_lists(int argc, char **argv)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '@') {
            g_ptr_array_add(files, g_strdup(argv[i]));
            continue;
        }
        const char *list = argv[i] + 1;
        g_autofree char *text = NULL;
        gsize len = 0;
        GError *e = NULL;
        if (strcmp(list, "-") == 0) {
            g_autoptr(GString) in = g_string_new(NULL);
            char buf[65536];
            size_t got;
            while ((got = fread(buf, 1, sizeof buf, stdin)) > 0)
                g_string_append_len(in, buf, (gssize)got);
            len = in->len;
            text = g_string_free(g_steal_pointer(&in), FALSE);
        } else if (!g_file_get_contents(list, &text, &len, &e)) {
            cli_say("%s: cannot read the file list: %s", list, e->message);
            g_error_free(e);
            g_ptr_array_unref(files);
            return NULL;
        }
        if (memchr(text, '\0', len)) {
            cli_say("%s: a file list holds paths, one a line, not a NUL byte", list);
            g_ptr_array_unref(files);
            return NULL;
        }
        g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
        for (char **l = lines; *l; l++) {
            gsize n = strlen(*l);
            if (n && (*l)[n - 1] == '\r')
                (*l)[--n] = '\0';
            if (n)
                g_ptr_array_add(files, g_strdup(*l));
        }
    }
    return files;
}

/* The inputs of a command (expand_lists), or NULL after saying `none` when there are none:
 * a usage error either way. */
GPtrArray *cli_inputs_given(int argc, char **argv, const char *none)
{
    GPtrArray *inputs = expand_lists(argc, argv);
    if (inputs && inputs->len == 0) {
        cli_say("%s", none);
        g_clear_pointer(&inputs, g_ptr_array_unref);
    }
    return inputs;
}

char *cli_default_dict(void)
{
    return jb_data_path("templates/metrics.ini");
}

/* A dictionary file with what it extends ([dictionary] extends=, jb_dict_extend.h). */
JbDict *cli_dict_load(const char *path, GError **error)
{
    gsize len = 0;
    g_autofree char *text = jb_dict_read_extended(path, &len, error);
    return text ? jb_dict_parse(path, text, len, error) : NULL;
}

/* The dictionary a chart or report sums parts by: `path`, else the shipped one when found
 * (none is no error: donuts and stacked bars are then refused with a message). */
gboolean cli_load_dict(const char *path, JbDict **out, GError **error)
{
    g_autofree char *found = path ? g_strdup(path) : cli_default_dict();
    if (path && !cli_need_file(path)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: no such dictionary", path);
        return FALSE;
    }
    *out = found ? cli_dict_load(found, error) : NULL;
    return !found || *out;
}

/* `path` read as a table with columns `need` (NULL-terminated): a file of another kind (a
 * --data that is no series.csv) is an error naming it, not a briefing without data. */
JbTable *cli_read_with_columns(const char *path, const char *const *need, GError **error)
{
    JbTable *t = jb_table_read(path, error);
    for (guint k = 0; t && need[k]; k++)
        if (jb_table_column(t, need[k]) < 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:1: missing column '%s'", path,
                        need[k]);
            g_clear_pointer(&t, jb_table_free);
        }
    return t;
}
