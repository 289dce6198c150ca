/* jb_build_changes.c — the series a briefing's 新增与变化 compares with.
 *
 * The previous build's series is OUT/series.csv as published. A build whose series differs
 * from it compares with it, and keeps it as OUT/.previous-series.csv; a build whose series is
 * the same (a new template, a chart added, a rebuild after the cache was cleared) compares
 * with the kept one, so the section still shows what the last change of data brought rather
 * than nothing. With neither, there is nothing to compare with (the first build, and every
 * build until the data first changes).
 *
 * Not for: what counts as a change (jb_changes.c) or drawing it (jb_report_changes.c).
 */
#include "jb_build_priv.h"

#include "jb_changes.h"

#include <string.h>

void jb_build_changes(Ctx *c, const JbTable *series)
{
    g_autofree char *pub_path = g_build_filename(c->out_dir, "series.csv", NULL);
    g_autofree char *kept_path = g_build_filename(c->out_dir, ".previous-series.csv", NULL);
    g_autofree char *pub = NULL, *kept = NULL;
    gsize pub_len = 0, kept_len = 0;
    /* an unreadable or damaged file only costs the comparison */
    if (!g_file_get_contents(pub_path, &pub, &pub_len, NULL))
        return;
    g_autoptr(GString) now = jb_table_to_csv(series);
    const char *base = pub;
    gsize base_len = pub_len;
    if (now->len == pub_len && memcmp(now->str, pub, pub_len) == 0) {
        if (!g_file_get_contents(kept_path, &kept, &kept_len, NULL))
            return; /* the data never changed since the first build: nothing to compare */
        base = kept;
        base_len = kept_len;
        g_clear_pointer(&pub, g_free);
    }
    g_string_free(g_steal_pointer(&now), TRUE); /* compared: not needed any more */
    JbTable *before = jb_table_parse(kept_path, base, base_len, NULL);
    if (!before)
        return;
    c->changes = jb_series_changes(before, series);
    jb_table_free(before); /* before the copy: a series text and a table of it at once is enough */
    c->previous_series = g_string_new_len(base, (gssize)base_len);
}
