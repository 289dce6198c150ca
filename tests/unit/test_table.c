/* CSV tables: what people hand-edit must read, what we write must read back the same. */
#include "jb_common.h"
#include "jb_table.h"
#include "tap.h"

#include <string.h>

static gboolean sink_append(const char *bytes, gsize len, gpointer data, GError **error)
{
    (void)error;
    g_string_append_len(data, bytes, (gssize)len);
    return TRUE;
}

static gboolean sink_count(const char *bytes, gsize len, gpointer data, GError **error)
{
    (void)bytes, (void)len, (void)error;
    ++*(guint *)data;
    return TRUE;
}

static gboolean sink_fail(const char *bytes, gsize len, gpointer data, GError **error)
{
    (void)bytes, (void)len, (void)data;
    g_set_error_literal(error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "full");
    return FALSE;
}

static gboolean keep_even(const JbTable *t, guint row, gpointer data)
{
    (void)t, (void)data;
    return row % 2 == 0;
}

int main(void)
{
    GError *e = NULL;
    const char *csv = "\xEF\xBB\xBF"
                      "a,b,c\r\n"
                      "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                      "\r\n"
                      "2,\"two\nlines\",z\r\n"
                      "3,short\n";
    g_autoptr(JbTable) t = jb_table_parse("t.csv", csv, strlen(csv), &e);
    ok(t != NULL, "parses a BOM + CRLF file");
    ok(jb_table_n_rows(t) == 3, "blank lines are not rows (got %u)", jb_table_n_rows(t));
    is_str(jb_table_header(t, 0), "a", "BOM is not part of the first header");
    ok(jb_table_column(t, "c") == 2 && jb_table_column(t, "zz") == -1, "columns by name");
    is_str(jb_table_get(t, 0, 1), "x, y", "quoted comma");
    is_str(jb_table_get(t, 0, 2), "say \"hi\"", "doubled quotes");
    is_str(jb_table_get(t, 1, 1), "two\nlines", "embedded newline");
    is_str(jb_table_get(t, 2, 2), "", "missing cell reads as empty");
    ok(jb_table_line(t, 0) == 2 && jb_table_line(t, 1) == 4 && jb_table_line(t, 2) == 6,
       "rows know their lines (%u %u %u)", jb_table_line(t, 0), jb_table_line(t, 1),
       jb_table_line(t, 2));

    { /* the same file read a line at a time, column b kept as "" */
        FILE *f = fmemopen((void *)csv, strlen(csv), "r");
        static const char *const blank[] = {"b", NULL};
        g_autoptr(JbTable) s = jb_table_read_stream("s.csv", f, blank, &e);
        fclose(f);
        ok(s != NULL && jb_table_n_rows(s) == 3, "a stream reads as the text does");
        ok(s && jb_table_line(s, 1) == 4 && jb_table_line(s, 2) == 6, "its rows know their lines");
        is_str(s ? jb_table_header(s, 1) : "", "b", "the header is whole");
        is_str(s ? jb_table_get(s, 1, 1) : "x", "", "the blank column's cells are empty");
        is_str(s ? jb_table_get(s, 0, 2) : "", "say \"hi\"", "the others are read");
        is_str(s ? jb_table_get(s, 1, 2) : "", "z", "after a cell over two lines too");
        const char *bad = "a,b\n1,\"open\n2,x\n";
        f = fmemopen((void *)bad, strlen(bad), "r");
        JbTable *n = jb_table_read_stream("bad.csv", f, NULL, &e);
        fclose(f);
        ok(n == NULL && e && strstr(e->message, "bad.csv:2: a quoted field"),
           "a quote never closed is an error at its line (%s)", e ? e->message : "none");
        g_clear_error(&e);
        const char *latin = "a,b\n1,\xE9t\xE9\n";
        f = fmemopen((void *)latin, strlen(latin), "r");
        n = jb_table_read_stream("latin.csv", f, NULL, &e);
        fclose(f);
        ok(n == NULL && e && strstr(e->message, "latin.csv:2: not UTF-8"), "not UTF-8: an error");
        g_clear_error(&e);
    }

    g_autoptr(GString) out = jb_table_to_csv(t);
    is_str(out->str, "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,short,\n",
           "writes RFC 4180, quoting only when needed");
    g_autoptr(JbTable) back = jb_table_parse("back.csv", out->str, out->len, &e);
    g_autoptr(GString) again = jb_table_to_csv(back);
    is_str(again->str, out->str, "round trip is lossless");

    g_autoptr(JbTable) bad = jb_table_parse("bad.csv", "a,b\n\xff\xfe,1\n", 10, &e);
    ok(bad == NULL && e && strstr(e->message, "bad.csv:2:"), "invalid UTF-8 names file:line (%s)",
       e ? e->message : "");
    g_clear_error(&e);
    g_autoptr(JbTable) empty = jb_table_parse("empty.csv", "", 0, &e);
    ok(empty == NULL && e && e->code == JB_ERROR_INPUT, "an empty file is an input error");
    g_clear_error(&e);

    const char *cases[][2] = {{"=1+1", "'=1+1"},         {"+86", "'+86"},          {"-x", "'-x"},
                              {"@SUM(A1)", "'@SUM(A1)"}, {"人工智能", "人工智能"}, {"", ""}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *s = jb_csv_safe_text(cases[i][0]);
        is_str(s, cases[i][1], "formula neutralised: '%s'", cases[i][0]);
    }
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *back_text = jb_csv_plain_text(cases[i][1]);
        is_str(back_text, cases[i][0], "jb_csv_plain_text undoes it: '%s'", cases[i][1]);
    }
    /* every writer guards any cell that starts like a formula and is not a plain number */
    const char *row[] = {"=1+1", "-2.5", "-2",  "-x",   "+86",  "@a",
                         "\tb",  "\t=b", "'=c", "a,=b", "-1e5", "=\"x\""};
    g_autoptr(GString) line = g_string_new(NULL);
    jb_csv_append_row(line, row, G_N_ELEMENTS(row));
    is_str(line->str,
           "'=1+1,-2.5,-2,'-x,'+86,'@a,\"\tb\",'\t=b,'=c,\"a,=b\",'-1e5,\"'=\"\"x\"\"\"\n",
           "a row: formulas guarded (once), numbers and text within kept, quoting as needed");
    g_autofree char *quote = jb_csv_plain_text("'quoted'");
    is_str(quote, "'quoted'", "an apostrophe before ordinary text stays");

    /* a fuzz find: a one-column row with an empty cell must not become a blank line */
    const char *one = "a\nx\n\"\"\ny\n";
    g_autoptr(JbTable) t1 = jb_table_parse("one.csv", one, strlen(one), &e);
    g_autoptr(GString) o1 = jb_table_to_csv(t1);
    g_autoptr(JbTable) b1 = jb_table_parse("one-back.csv", o1->str, o1->len, &e);
    ok(jb_table_n_rows(t1) == 3 && jb_table_n_rows(b1) == 3,
       "an empty one-column row survives a round trip (%u, %u)", jb_table_n_rows(t1),
       jb_table_n_rows(b1));

    /* --excel: BOM, formulas neutralised in text cells and the header, numbers untouched */
    const char *hdr[] = {"=id", "value", "label", NULL};
    g_autoptr(JbTable) x = jb_table_new(hdr);
    const char *r1[] = {"a", "-25000", "=HYPERLINK(\"http://x\")"};
    const char *r2[] = {"b", "5.9", "人工智能核心产业规模"};
    const char *r3[] = {"c", "-1+2", "+86 431"};
    jb_table_append(x, r1);
    jb_table_append(x, r2);
    jb_table_append(x, r3);
    g_autoptr(GString) xl = jb_table_to_excel_csv(x);
    is_str(xl->str,
           "\xEF\xBB\xBF'=id,value,label\n"
           "a,-25000,\"'=HYPERLINK(\"\"http://x\"\")\"\n"
           "b,5.9,人工智能核心产业规模\n"
           "c,'-1+2,'+86 431\n",
           "excel CSV: BOM, neutralised text, negative numbers kept as numbers");
    g_autoptr(JbTable) xb = jb_table_parse("x.csv", xl->str, xl->len, &e);
    is_str(jb_table_header(xb, 0), "'=id", "the BOM is read back as a BOM, not as text");
    {
        /* a header cell that is itself a BOM must survive a round trip (fuzz regression) */
        const char bom[] = "\xEF\xBB\xBF\n\xEF\xBB\xBF\nrow\n";
        g_autoptr(JbTable) bt1 = jb_table_parse("bom.csv", bom, sizeof bom - 1, &e);
        g_autoptr(GString) text = jb_table_to_csv(bt1);
        g_autoptr(JbTable) bt2 = jb_table_parse("bom2.csv", text->str, text->len, &e);
        ok(bt1 && bt2 && jb_table_n_rows(bt1) == jb_table_n_rows(bt2) &&
               strcmp(jb_table_header(bt1, 0), jb_table_header(bt2, 0)) == 0,
           "a cell that is a BOM round-trips");
    }
    {
        /* cells with leading or trailing blanks keep them (fuzz regression) */
        const char *const ab[] = {"a", "b", NULL};
        g_autoptr(JbTable) sp = jb_table_new(ab);
        const char *const cells[] = {"\t\t", " x "};
        jb_table_append(sp, cells);
        g_autoptr(GString) text = jb_table_to_csv(sp);
        g_autoptr(JbTable) back2 = jb_table_parse("sp.csv", text->str, text->len, &e);
        ok(back2 && strcmp(jb_table_get(back2, 0, 0), "\t\t") == 0 &&
               strcmp(jb_table_get(back2, 0, 1), " x ") == 0,
           "cells with leading or trailing blanks round-trip");
    }
    {
        /* jb_csv_append_row and jb_csv_append_row_n write what jb_table_to_csv writes, with
         * the quote, CR, LF or comma anywhere in a long or short cell (the row is looked at
         * 16 bytes at a time, so before, across and after those blocks) */
        const char *pieces[] = {"",
                                "a",
                                "0",
                                "5.9",
                                "at_least",
                                "./0-01-robots.md",
                                "我国工业机器人产量超过44万套，同比增长约20%",
                                "x,y",
                                "say \"hi\"",
                                "two\nlines",
                                "cr\rhere",
                                " lead",
                                "trail\t",
                                "\xEF\xBB\xBF"
                                "bom",
                                "人工智能核心产业规模达到5000亿元,",
                                "\"",
                                ",",
                                "abcdefghijklmno,",
                                "abcdefghijklmnop\"",
                                "123456789012345678901234567890\n1"};
        const guint np = G_N_ELEMENTS(pieces);
        guint mismatches = 0, rows = 0;
        for (guint n = 1; n <= 13; n++) {
            for (guint seed = 0; seed < 60; seed++) {
                const char *cells[13];
                gsize lens[13];
                const char *hdr_cells[14];
                for (guint i = 0; i < n; i++) {
                    cells[i] = pieces[(seed * 7 + i * (seed % 5 + 1) + n) % np];
                    if (seed % 3 == 0 && i != seed % n)
                        cells[i] = pieces[1 + (seed + i) % 6]; /* mostly plain rows too */
                    lens[i] = strlen(cells[i]);
                    hdr_cells[i] = cells[i];
                }
                hdr_cells[n] = NULL;
                g_autoptr(JbTable) one_row = jb_table_new(hdr_cells);
                g_autoptr(GString) want = jb_table_to_csv(one_row);
                g_autoptr(GString) got = g_string_new("prefix\n");
                g_autoptr(GString) got_n = g_string_new("prefix\n");
                jb_csv_append_row(got, cells, n);
                jb_csv_append_row_n(got_n, cells, lens, n);
                rows++;
                if (strcmp(got->str + 7, want->str) != 0 || strcmp(got_n->str, got->str) != 0 ||
                    got_n->len != got->len)
                    mismatches++;
            }
        }
        ok(mismatches == 0, "streamed rows equal jb_table_to_csv's (%u of %u differ)", mismatches,
           rows);
        const char *plain[] = {"a", "b"};
        const gsize plain_lens[] = {1, 1};
        g_autoptr(GString) s = g_string_new(NULL);
        jb_csv_append_row_n(s, plain, plain_lens, 2);
        jb_csv_append_row_n(s, (const char *[]){""}, (const gsize[]){0}, 1);
        jb_csv_append_row_n(s, (const char *[]){"x,y", "z"}, (const gsize[]){3, 1}, 2);
        is_str(s->str, "a,b\n\"\"\n\"x,y\",z\n", "jb_csv_append_row_n: plain, one empty, quoted");
    }
    {
        /* jb_table_csv_stream: jb_table_to_csv's bytes in pieces, a filter, a failing sink */
        static const char *const stream_hdr[] = {"id", "text", NULL};
        g_autoptr(JbTable) big = jb_table_new(stream_hdr);
        for (guint r = 0; r < 3000; r++) {
            g_autofree char *id = g_strdup_printf("m%u", r);
            g_autofree char *text = g_strdup_printf("line \"%u\", with a comma, 数据", r);
            jb_table_append(big, (const char *const[]){id, text});
        }
        g_autoptr(GString) whole = jb_table_to_csv(big);
        g_autoptr(GString) got = g_string_new(NULL);
        guint pieces = 0;
        gboolean sunk = jb_table_csv_stream(big, NULL, NULL, sink_append, got, NULL);
        ok(sunk && strcmp(got->str, whole->str) == 0, "csv_stream: jb_table_to_csv's bytes");
        g_string_truncate(got, 0);
        jb_table_csv_stream(big, NULL, NULL, sink_count, &pieces, NULL);
        ok(pieces > 1 && pieces >= whole->len / 65536 + 1, "csv_stream: %zu bytes in %u pieces",
           whole->len, pieces);
        jb_table_csv_stream(big, keep_even, NULL, sink_append, got, NULL);
        ok(g_str_has_prefix(got->str, "id,text\nm0,") && strstr(got->str, "\nm2998,") &&
               !strstr(got->str, "\nm1,") && !strstr(got->str, "\nm2999,"),
           "csv_stream: only the rows kept");
        g_autoptr(GChecksum) h = g_checksum_new(G_CHECKSUM_SHA256);
        jb_table_csv_stream(big, NULL, NULL, jb_csv_sink_checksum, h, NULL);
        g_autofree char *want = g_compute_checksum_for_string(G_CHECKSUM_SHA256, whole->str, -1);
        is_str(g_checksum_get_string(h), want, "csv_stream: jb_csv_sink_checksum hashes the text");
        GError *err = NULL;
        ok(!jb_table_csv_stream(big, NULL, NULL, sink_fail, NULL, &err) && err &&
               strcmp(err->message, "full") == 0,
           "csv_stream: a sink's error stops it");
        g_clear_error(&err);
    }
    return tap_done();
}
