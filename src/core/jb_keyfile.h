/* jb_keyfile.h — loading GLib key files (metric dictionaries, projects, themes) with errors
 * that name the file and line, say how to fix a typo, but never quote a file that is not a
 * key file.
 *
 * GLib's parse errors quote the offending line: `--dict /etc/shadow` printed the file's
 * first line on stderr and into build logs. Errors here say which line and what a line must
 * be; they quote a section name or key only of a file that has a [section] line of its own
 * (a key file with a typo, not /etc/shadow), and never a value.
 */
#ifndef JB_KEYFILE_H
#define JB_KEYFILE_H

#include <glib.h>

/* What a kind of key file holds, for the hints of its errors (every field may be NULL). */
typedef struct {
    const char *home;            /* the section keys before any section belong in: "project" */
    const char *const *sections; /* its section names ("project", "chart"): [projetc → [project] */
    const char *const *keys;     /* its keys: `period year` → period=… */
} JbKeyfileHints;

/* g_key_file_load_from_data on `data`; on failure an error naming the line. JB_ERROR_USAGE
 * for a typo it can say how to fix: a section header without its ']' or '[' (`SOURCE:5:
 * [project has no closing ']'; did you mean [project]?`), a key before any section
 * (`SOURCE:1: inputs= is outside any section: it belongs under [project], which begins at
 * line 5`), a key without '=' (`did you mean period=…?`). Else JB_ERROR_INPUT
 * "SOURCE:LINE: not a key file line ([group], key = value or # comment)" (or, when no line
 * is to blame, "SOURCE: not a key file (…)"). `hints` may be NULL. */
gboolean jb_keyfile_load_hinted(GKeyFile *kf, const char *source, const char *data, gsize len,
                                GKeyFileFlags flags, const JbKeyfileHints *hints, GError **error);
/* The same without hints of a kind. */
gboolean jb_keyfile_load(GKeyFile *kf, const char *source, const char *data, gsize len,
                         GKeyFileFlags flags, GError **error);

#endif
