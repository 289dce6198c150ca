#define _DEFAULT_SOURCE /* sbrk */
#include "jb_heap.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

enum { HUGE_PAGE = 2 << 20, PAGE = 4096 };

void jb_heap_reserve_huge(gsize bytes)
{
#ifdef MADV_HUGEPAGE
    /* The kernel backs a 2 MB range with a huge page only if nothing in it was touched
     * before the advice, and malloc writes a header where it grows the heap. So the program
     * break first goes to a page below a 2 MB boundary: malloc takes what lies between its old
     * end and the break for another user's and starts its new top at the break, whose header
     * page is the one ordinary page; from the boundary on, the advice comes before any touch.
     * Only an optimisation: on any failure, or with an allocator that does not grow the break
     * (AddressSanitizer, valgrind), the pages are ordinary. */
    uintptr_t brk = (uintptr_t)sbrk(0);
    if (brk == (uintptr_t)-1)
        return;
    uintptr_t boundary = (brk + PAGE + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (sbrk((intptr_t)(boundary - PAGE - brk)) == (void *)-1)
        return;
    /* malloc, not g_malloc: the block must come from glibc's main heap */
    char *p = malloc(bytes);
    if (!p)
        return;
    uintptr_t a = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t e = ((uintptr_t)p + bytes) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (e > a)
        madvise((void *)a, e - a, MADV_HUGEPAGE);
    free(p); /* back to the top of the heap, untouched (kept: M_TRIM_THRESHOLD) */
#else
    (void)bytes;
#endif
}
