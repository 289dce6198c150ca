/* jb_heap.h — the main heap in huge pages, for the commands that draw.
 *
 * Every first touch of a fresh 4 KB page is a page fault, and where faults are dear (a
 * virtual machine whose guest kernel runs under a hypervisor: ~40 µs each on the bench
 * machine, against ~0.5 µs on bare metal) a cold chart spent more time faulting its heap in
 * than drawing: pixman's glyph cache (256 KB, zeroed), FreeType's faces, fontconfig's font
 * sort, the PNG encoder's output, cairo's copy of a font's CFF table for a PDF (2.9 MB). Huge
 * pages take one fault for 2 MB.
 *
 * Not for: the pixels of a PNG canvas (jb_draw.c maps them itself, also in huge pages), or
 * the heaps of threads other than the main one (glibc gives each its own arena).
 */
#ifndef JB_HEAP_H
#define JB_HEAP_H

#include <glib.h>

/* Grows the main heap by `bytes` at once and advises huge pages on the 2 MB-aligned part of
 * it (madvise MADV_HUGEPAGE: advice only, ordinary pages where the kernel refuses, e.g.
 * transparent huge pages disabled). The memory goes back to malloc's free top of the heap,
 * untouched: only the 2 MB pages later allocations touch become resident. It stays in the
 * heap only if the caller has set M_MMAP_THRESHOLD and M_TRIM_THRESHOLD (mallopt) above
 * `bytes`, as the drawing commands do; otherwise nothing happens but a malloc and a free.
 * Call once, early, before the allocations it is for. Under an allocator that is not
 * glibc's heap (AddressSanitizer, valgrind) it is harmless advice on memory given back. */
void jb_heap_reserve_huge(gsize bytes);

#endif
