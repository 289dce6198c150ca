#include "fuzz.h"
#include "jb_article.h"
#include "jb_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static JbDict *dict;
    if (!dict)
        dict = jb_dict_load("templates/metrics.ini", NULL); /* NULL is fine: no metric ids */
    g_autoptr(JbArticle)
        a = jb_article_parse("fuzz.html", (const char *)data, size, NULL, NULL, NULL);
    if (!a)
        return 0;
    g_assert(a->paragraphs->len == a->lines->len);
    g_autoptr(GPtrArray) st = jb_extract_article(a, dict);
    g_autoptr(JbTable) t = jb_table_new(JB_METRICS_HEADER);
    jb_extract_append_rows(t, st);
    g_autoptr(GString) csv = jb_table_to_csv(t);
    g_assert(g_utf8_validate(csv->str, (gssize)csv->len, NULL));
    return 0;
}
