/* jb_build_changes.c — the series a briefing's 新增与变化 compares with.
 *
 * The previous build's series is OUT/series.csv as published. A build whose series differs
 * from it compares with it, and keeps it as OUT/.previous-series.csv; a build whose series is
 * the same (a new template, a chart added, a rebuild after the cache was cleared) compares
 * with the kept one, so the section still shows what the last change of data brought rather
 * than nothing. With neither, there is nothing to compare with (the first build, and every
 * build until the data first changes). The series now is compared by its hash (its text is
 * never made), and the one compared with is published from its file, never copied into
 * memory: at 100000 articles three texts of the series (13 MB each) were held at once.
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
    g_autofree char *text = NULL;
    gsize len = 0;
    /* an unreadable or damaged file only costs the comparison (and a FIFO or a symlink put
     * there is not read: it waited for a writer for ever, the lock held) */
    if (!jb_build_read_regular(pub_path, FALSE, &text, &len))
        return;
    const char *base = pub_path;
    g_autofree char *now = jb_build_table_sha256(series);
    g_autofree char *was = jb_build_sha256_hex(text, len);
    if (strcmp(now, was) == 0) {
        g_clear_pointer(&text, g_free);
        if (!jb_build_read_regular(kept_path, FALSE, &text, &len))
            return; /* the data never changed since the first build: nothing to compare */
        base = kept_path;
    }
    JbTable *before = jb_table_parse(kept_path, text, len, NULL);
    g_clear_pointer(&text, g_free);
    if (!before)
        return;
    c->changes = jb_series_changes(before, series);
    jb_table_free(before);
    c->previous_series = g_strdup(base);
}
