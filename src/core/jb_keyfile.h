/* jb_keyfile.h — loading GLib key files (metric dictionaries, projects, themes) with errors
 * that name the file and line but never quote the file's content.
 *
 * GLib's parse errors quote the offending line: `--dict /etc/shadow` printed the file's
 * first line on stderr and into build logs. Errors here say which line and what a line must
 * be, nothing of what it holds.
 */
#ifndef JB_KEYFILE_H
#define JB_KEYFILE_H

#include <glib.h>

/* g_key_file_load_from_data on `data`; on failure a JB_ERROR_INPUT error
 * "SOURCE:LINE: not a key file line ([group], key = value or # comment)" (or, when no line
 * is to blame, "SOURCE: not a key file (…)"). */
gboolean jb_keyfile_load(GKeyFile *kf, const char *source, const char *data, gsize len,
                         GKeyFileFlags flags, GError **error);

#endif
