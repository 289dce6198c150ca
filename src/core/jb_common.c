#include "jb_common.h"


/* the quark's name is the macro's first argument, stringified: not to be spaced out */
/* clang-format off */
G_DEFINE_QUARK(jb-error-quark, jb_error)
/* clang-format on */

int jb_exit_code(const GError *e)
{
    if (!e)
        return JB_EXIT_OK;
    if (e->domain != JB_ERROR)
        return JB_EXIT_INPUT;
    switch ((JbErrorCode)e->code) {
    case JB_ERROR_USAGE:
        return JB_EXIT_USAGE;
    case JB_ERROR_INPUT:
        return JB_EXIT_INPUT;
    case JB_ERROR_LIMIT:
        return JB_EXIT_INPUT;
    case JB_ERROR_OUTPUT:
        return JB_EXIT_OUTPUT;
    case JB_ERROR_LOCKED:
        return JB_EXIT_LOCKED;
    }
    return JB_EXIT_INPUT;
}

JbDiag *jb_diag_new(void)
{
    return g_ptr_array_new_with_free_func(g_free);
}

void jb_diag_free(JbDiag *d)
{
    if (d)
        g_ptr_array_unref(d);
}

void jb_diag_warn(JbDiag *d, const char *fmt, ...)
{
    if (!d)
        return;
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(d, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

guint jb_diag_count(const JbDiag *d)
{
    return d ? d->len : 0;
}

const char *jb_diag_message(const JbDiag *d, guint i)
{
    return g_ptr_array_index(d, i);
}

void jb_diag_append(JbDiag *to, const JbDiag *from)
{
    for (guint i = 0; to && i < jb_diag_count(from); i++)
        g_ptr_array_add(to, g_strdup(jb_diag_message(from, i)));
}

gboolean jb_read_file(const char *path, char **data, gsize *len, GError **error)
{
    GError *local = NULL;
    if (!g_file_get_contents(path, data, len, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    return TRUE;
}

guint jb_line_of_offset(const char *text, gsize off)
{
    guint line = 1;
    for (gsize i = 0; i < off && text[i]; i++)
        if (text[i] == '\n')
            line++;
    return line;
}

static char *existing(const char *dir, const char *relative)
{
    char *p = g_build_filename(dir, relative, NULL);
    if (g_file_test(p, G_FILE_TEST_EXISTS))
        return p;
    g_free(p);
    return NULL;
}

char *jb_data_path(const char *relative)
{
    char *found = NULL;
    const char *env = g_getenv("JIANBAO_DATA");
    if (env && *env && (found = existing(env, relative)))
        return found;
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        g_autofree char *dir = g_path_get_dirname(exe);
        g_autofree char *parent = g_path_get_dirname(dir);
        g_autofree char *share = g_build_filename(parent, "share", "jianbao", NULL);
        /* beside it (a checkout's ./jianbao), its parent, then PREFIX/share/jianbao for
         * PREFIX/bin/jianbao (make install), wherever the tree was copied */
        if ((found = existing(dir, relative)) || (found = existing(parent, relative)) ||
            (found = existing(share, relative)))
            return found;
    }
#ifdef JB_DATADIR
    found = existing(JB_DATADIR, relative);
#endif
    return found;
}
