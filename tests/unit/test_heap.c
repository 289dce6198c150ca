/* jb_heap: after jb_heap_reserve_huge, what malloc takes from the top of its heap next lies
 * in memory advised for huge pages (the kernel's VmFlags "hg" in /proc/self/smaps) from its
 * second page on, not from the next 2 MB boundary on; the memory is usable and stays with
 * malloc. */
#include "jb_heap.h"
#include "tap.h"

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if !defined(__SANITIZE_ADDRESS__)
/* The VmFlags of the mapping holding `p`, from /proc/self/smaps ("" when not found). */
static char *vm_flags_of(const void *p)
{
    g_autofree char *smaps = NULL;
    if (!g_file_get_contents("/proc/self/smaps", &smaps, NULL, NULL))
        return g_strdup("");
    gboolean inside = FALSE;
    g_auto(GStrv) lines = g_strsplit(smaps, "\n", -1);
    for (char **l = lines; *l; l++) {
        unsigned long long lo, hi;
        if (sscanf(*l, "%llx-%llx ", &lo, &hi) == 2 && strchr(*l, ' ') &&
            (*l)[strcspn(*l, " ")] == ' ' && strchr(*l, '-') < strchr(*l, ' '))
            inside = (uintptr_t)p >= lo && (uintptr_t)p < hi;
        else if (inside && g_str_has_prefix(*l, "VmFlags:"))
            return g_strdup(*l + strlen("VmFlags:"));
    }
    return g_strdup("");
}
#endif

int main(void)
{
#if defined(__SANITIZE_ADDRESS__)
    ok(1, "# SKIP AddressSanitizer's allocator does not grow glibc's heap");
    return tap_done();
#else
    g_autofree char *thp = NULL;
    if (!g_file_get_contents("/sys/kernel/mm/transparent_hugepage/enabled", &thp, NULL, NULL) ||
        strstr(thp, "[never]")) {
        ok(1, "# SKIP no transparent huge pages on this kernel");
        return tap_done();
    }
    mallopt(M_MMAP_THRESHOLD, 16 << 20); /* as the drawing commands set it */
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    jb_heap_reserve_huge(14 << 20);

    enum { SIZE = 6 << 20 };
    char *first = malloc(1 << 20), *big = malloc(SIZE);
    ok(first && big, "allocations after the reserve");
    memset(first, 0x5a, 1 << 20);
    memset(big, 0x5a, SIZE);
    ok(first[0] == 0x5a && big[SIZE - 1] == 0x5a, "the reserve's memory is usable");
    g_autofree char *at_first = vm_flags_of(first + 8192);
    g_autofree char *at_big = vm_flags_of(big + SIZE / 2);
    g_autofree char *at_end = vm_flags_of(big + SIZE - 1);
    ok(strstr(at_first, " hg") != NULL,
       "the first block taken from the top is in huge-page memory from its second page (%s)",
       at_first);
    ok(strstr(at_big, " hg") && strstr(at_end, " hg"),
       "the next, 6 MB, is in huge-page memory throughout (%s)", at_big);
    free(big);
    char *again = malloc(SIZE);
    ok(again == big, "freed, the block stays in the heap for the next allocation");
    free(again);
    free(first);
    return tap_done();
#endif
}
