#include "jb_keyfile.h"

#include "jb_common.h"

#include <string.h>

/* The first line GKeyFile would refuse: not blank, a comment, a [group] or key=value, or
 * a key=value before any group. 0 when every line is of those forms. */
static guint bad_line(const char *data, gsize len)
{
    gboolean in_group = FALSE;
    guint line = 1;
    for (gsize i = 0; i < len; line++) {
        const char *nl = memchr(data + i, '\n', len - i);
        gsize end = nl ? (gsize)(nl - data) : len;
        gsize p = i;
        while (p < end && g_ascii_isspace(data[p]))
            p++;
        if (p < end && data[p] != '#') {
            if (data[p] == '[') {
                if (!memchr(data + p, ']', end - p))
                    return line;
                in_group = TRUE;
            } else if (!in_group || !memchr(data + p, '=', end - p)) {
                return line;
            }
        }
        i = end + 1;
    }
    return 0;
}

gboolean jb_keyfile_load(GKeyFile *kf, const char *source, const char *data, gsize len,
                         GKeyFileFlags flags, GError **error)
{
    GError *local = NULL;
    if (g_key_file_load_from_data(kf, data, len, flags, &local))
        return TRUE;
    g_error_free(local); /* its message quotes the file: never shown */
    guint line = bad_line(data, len);
    if (line)
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "%s:%u: not a key file line ([group], key = value or # comment)", source, line);
    else
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "%s: not a key file (UTF-8 lines: [group], key = value or # comment)", source);
    return FALSE;
}
