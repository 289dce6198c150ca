/* jb_build_changes.c — the series a briefing's 新增与变化 compares with.
 *
 * The previous build's series is OUT/series.csv as published. A build whose series differs
 * from it compares with it, and keeps it as OUT/.previous-series.csv; a build whose series is
 * the same (a new template, a chart added, a rebuild after the cache was cleared) compares
 * with the kept one, so the section still shows what the last change of data brought rather
 * than nothing. With neither, there is nothing to compare with (the first build, and every
 * build until the data first changes). The series now is compared by its hash (its text is
 * never made), the file compared with is hashed and read a line at a time without its sources
 * column, and it is published from its file, never copied into memory: at 100000 articles
 * three texts of the series (13 MB each) were held at once, and until 2026-12-06 its text and
 * its table (26 MB, the peak of a build with one figure changed).
 *
 * Not for: what counts as a change (jb_changes.c) or drawing it (jb_report_changes.c).
 */
#include "jb_build_priv.h"

#include "jb_changes.h"

#include <string.h>

/* The SHA-256 of what is left of `f`, 64 KB at a time; NULL on a read error. */
static char *hash_rest(FILE *f)
{
    g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
    g_autofree guchar *buf = g_malloc(1 << 16);
    size_t n;
    while ((n = fread(buf, 1, 1 << 16, f)) > 0)
        g_checksum_update(h, buf, (gssize)n);
    return ferror(f) ? NULL : g_strdup(g_checksum_get_string(h));
}

void jb_build_changes(Ctx *c, const JbSeries *series)
{
    g_autofree char *pub_path = g_build_filename(c->out_dir, "series.csv", NULL);
    g_autofree char *kept_path = g_build_filename(c->out_dir, ".previous-series.csv", NULL);
    /* an unreadable or damaged file only costs the comparison (and a FIFO or a symlink put
     * there is not read: it waited for a writer for ever, the lock held) */
    FILE *f = jb_build_open_regular(pub_path, FALSE);
    g_autofree char *was = f ? hash_rest(f) : NULL;
    if (!was) {
        if (f)
            fclose(f);
        return;
    }
    const char *base = pub_path;
    g_autofree char *now = jb_build_series_sha256(series);
    if (now && strcmp(now, was) == 0) {
        fclose(f);
        if (!(f = jb_build_open_regular(kept_path, FALSE)))
            return; /* the data never changed since the first build: nothing to compare */
        base = kept_path;
    } else {
        rewind(f);
    }
    /* read a line at a time, without the sources (every article stating a kept value: 13 MB
     * of a series of 60 rows at 100000 articles), which a comparison of figures never reads */
    static const char *const unread[] = {"sources", NULL};
    JbTable *before = jb_table_read_stream(kept_path, f, unread, NULL);
    fclose(f);
    if (!before)
        return;
    c->changes = jb_series_changes(before, jb_series_table(series));
    jb_table_free(before);
    c->previous_series = g_strdup(base);
}
