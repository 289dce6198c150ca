/* jb_dict_extend.h — a dictionary file that extends another: a project's own metrics.ini
 * beside jianbao's shipped one.
 *
 *   [dictionary]
 *   extends = templates/metrics.ini   # relative to this file, else a shipped file
 *
 * The extended file is read first (it may extend another, up to 8 deep); then this file's
 * groups are laid over it key by key (a metric of the same id replaces those keys), and
 * [subjects] terms are added to the extended file's. A relative `extends` is found beside
 * the file, else among jianbao's data (jb_data_path), so a project copied anywhere works.
 *
 * Not for: what the keys mean (jb_dict.h).
 */
#ifndef JB_DICT_EXTEND_H
#define JB_DICT_EXTEND_H

#include <glib.h>

/* The dictionary at `path` with what it extends merged in, as key-file text (for jb_dict_parse
 * and for hashing); a file that extends nothing is returned as read. Caller owns it. NULL and
 * a JB_ERROR_USAGE error naming the file and line for a missing or looping `extends`, a
 * JB_ERROR_INPUT one for a file that cannot be read or parsed. */
char *jb_dict_read_extended(const char *path, gsize *len, GError **error);

#endif
