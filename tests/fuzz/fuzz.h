/* fuzz.h — shared by the fuzz targets: the libFuzzer entry point's prototype and a
 * helper for inputs that must be NUL-terminated text. */
#ifndef JB_FUZZ_H
#define JB_FUZZ_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input, or NULL when it is not valid UTF-8 (the callers'
 * contract: jianbao validates text before these parsers see it). Caller g_free()s. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
    if (!g_utf8_validate_len((const char *)data, size, NULL))
        return NULL;
    return g_strndup((const char *)data, size);
}

#endif
