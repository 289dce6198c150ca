/* jb_strsort.h — strings sorted bytewise on disk: added in any order, read back in order.
 *
 * What a build gathers a string per article of and needs only in order (the names of the
 * articles its globs match, the cache files in use and recorded, the cache's files): the
 * strings are sorted a run of a megabyte at a time, each run written to a temporary file of
 * no name, and the runs merged as they are read back, a block of each at a time, so a
 * process holds a run and a block per run, not a string per article. Where no temporary file
 * can be made, or a run cannot be written, the strings are held in memory.
 *
 * Not for: looking a string up (read them in order beside another sorted list), strings
 * holding a NUL.
 * Ownership: the sorter owns copies of what it is given; jb_strsort_next's string is the
 * sorter's, good until the next call.
 */
#ifndef JB_STRSORT_H
#define JB_STRSORT_H

#include <glib.h>

typedef struct JbStrSort JbStrSort;

/* A sorter that sorts `run_bytes` of strings (text and a pointer each) in memory at a time
 * (0: a megabyte). */
JbStrSort *jb_strsort_new(gsize run_bytes);
void jb_strsort_free(JbStrSort *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbStrSort, jb_strsort_free)
/* Adds `len` bytes of `str` (-1: up to its NUL). Not after the first jb_strsort_next. */
void jb_strsort_add(JbStrSort *s, const char *str, gssize len);
/* The next string in bytewise order (strcmp), each once however often it was added; NULL
 * after the last. The first call ends the adding: the runs in memory are written out. */
const char *jb_strsort_next(JbStrSort *s);
/* Strings were lost: a run could not be read back whole (jb_strsort_next ended early or
 * skipped some). */
gboolean jb_strsort_lost(const JbStrSort *s);

#endif
