#include "jb_common.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK(jb-error-quark, jb_error)

int jb_exit_code(const GError *e)
{
    if (!e)
        return JB_EXIT_OK;
    if (e->domain != JB_ERROR)
        return JB_EXIT_INPUT;
    switch ((JbErrorCode)e->code) {
    case JB_ERROR_USAGE: return JB_EXIT_USAGE;
    case JB_ERROR_INPUT: return JB_EXIT_INPUT;
    case JB_ERROR_LIMIT: return JB_EXIT_INPUT;
    case JB_ERROR_OUTPUT: return JB_EXIT_OUTPUT;
    case JB_ERROR_LOCKED: return JB_EXIT_LOCKED;
    }
    return JB_EXIT_INPUT;
}

static gboolean write_in_place(const char *path, const void *data, gsize len, GError **error)
{
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    const char *p = data;
    while (fd >= 0 && len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        len -= (gsize)n;
    }
    int e = errno;
    if (fd < 0 || len > 0 || close(fd) != 0) {
        if (fd >= 0 && len > 0)
            close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path, g_strerror(e));
        return FALSE;
    }
    return TRUE;
}

gboolean jb_write_file_atomic(const char *path, const void *data, gsize len, GError **error)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return write_in_place(path, data, len, error);
    g_autofree char *dir = g_path_get_dirname(path);
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: cannot create directory: %s", dir,
                    g_strerror(e));
        return FALSE;
    }
    /* g_file_set_contents_full writes a temporary file beside the target, fsyncs it and
     * renames it into place: exactly the atomic replace we need. */
    GError *local = NULL;
    if (!g_file_set_contents_full(path, data, (gssize)len, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                  &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s", local->message);
        g_error_free(local);
        return FALSE;
    }
    return TRUE;
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
