/* jb_recs.h — records of one size, appended and read back by number, on disk.
 *
 * What a stream makes a record of per item (an article of an archive) and reads again later,
 * in order or nearly: the records go to a temporary file of no name a block at a time, and one
 * block of them is read back at a time, so a process holds two blocks, not a record per item.
 * Where no temporary file can be made, the records are held in memory.
 *
 * Not for: records read in no order (each read is a block's), or shared between processes.
 */
#ifndef JB_RECS_H
#define JB_RECS_H

#include <glib.h>
#include <sys/types.h>

typedef struct JbRecs JbRecs;

/* Records of `size` bytes, none yet. */
JbRecs *jb_recs_new(gsize size);
void jb_recs_free(JbRecs *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(JbRecs, jb_recs_free)
guint jb_recs_len(const JbRecs *r);
/* Record number jb_recs_len (its `size` bytes copied). */
void jb_recs_append(JbRecs *r, gconstpointer rec);
/* Record `i` (< len): good until the next call on `r`. A record that could not be written or
 * read back is zeros, and jb_recs_lost says so. */
gconstpointer jb_recs_get(JbRecs *r, guint i);
gboolean jb_recs_lost(const JbRecs *r);

/* All `bytes` at offset `at` of `fd`, written from buf (write) or read into it, over short
 * transfers and EINTR: FALSE on an error or an end of file first. */
gboolean jb_pio_all(int fd, void *buf, gsize bytes, off_t at, gboolean write);

#endif
