#include "fuzz.h"
#include "jb_normalize.h"
#include "jb_number.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    g_autofree char *norm = jb_normalize(text, -1);
    JbQuantity q;
    if (jb_number_parse(norm, &q, NULL)) {
        g_autofree char *v = jb_decimal_to_string(q.value);
        g_autofree char *f = jb_number_format_cn(q.value, 4);
        g_assert(f && *f);
        JbDecimal back;
        g_assert(jb_decimal_parse(v, &back) && jb_decimal_equal(back, q.value));
    }
    gsize len = strlen(norm);
    for (gsize from = 0; from < len && jb_number_scan(norm, len, from, &q); from = q.end)
        g_assert(q.start >= from && q.end > q.start && q.end <= len);
    return 0;
}
