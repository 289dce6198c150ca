/* test_number.c — jb_number: data-driven cases from tests/data/numbers.tsv (parse) and
 * tests/data/number_scan.tsv (scan), then the exact-decimal helpers, the chart formatter and
 * the limits (10,000-digit numbers, random input) that the sanitizers watch.
 * Run from the repository root; JB_TESTDATA=dir reads the .tsv files from elsewhere. */
#include <stdio.h>
#include <string.h>

#include "jb_normalize.h"
#include "jb_number.h"
#include "tap.h"

static char *data_path(const char *file)
{
    const char *dir = g_getenv("JB_TESTDATA");
    return g_build_filename(dir && *dir ? dir : "tests/data", file, NULL);
}

/* The lines of a .tsv file split into fields: no header, no comments, no blank lines. */
static GPtrArray *read_tsv(const char *file)
{
    g_autofree char *path = data_path(file);
    g_autofree char *text = NULL;
    g_autoptr(GError) err = NULL;
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    if (!g_file_get_contents(path, &text, NULL, &err)) {
        ok(0, "read %s: %s", path, err->message);
        return rows;
    }
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    gboolean header = TRUE;
    for (char **l = lines; *l; l++) {
        gsize n = strlen(*l); /* CRLF files: drop the \r, keep trailing empty fields */
        if (n > 0 && (*l)[n - 1] == '\r')
            (*l)[n - 1] = '\0';
        if (**l == '\0' || **l == '#')
            continue;
        if (header) {
            header = FALSE;
            continue;
        }
        g_ptr_array_add(rows, g_strsplit(*l, "\t", -1));
    }
    return rows;
}

static char *value_text(const JbQuantity *q)
{
    g_autofree char *v = jb_decimal_to_string_stated(q->value);
    if (!q->is_range)
        return g_steal_pointer(&v);
    g_autofree char *h = jb_decimal_to_string_stated(q->high);
    return g_strdup_printf("%s..%s", v, h);
}

/* ---- tests/data/numbers.tsv ------------------------------------------------------------ */

static void test_parse_cases(void)
{
    g_autoptr(GPtrArray) rows = read_tsv("numbers.tsv");
    ok(rows->len >= 300, "numbers.tsv has at least 300 cases (%u)", rows->len);
    for (guint i = 0; i < rows->len; i++) {
        char **f = rows->pdata[i];
        guint nf = g_strv_length(f);
        if (nf < 5 || nf > 6) {
            ok(0, "numbers.tsv case %u has %u fields, wants 5 or 6", i + 1, nf);
            continue;
        }
        const char *name = f[0], *want_value = f[2], *want_unit = f[3], *want_bound = f[4];
        const char *want_qual = nf > 5 ? f[5] : NULL;
        g_autofree char *expr = jb_normalize(f[1], -1);
        JbQuantity q;
        g_autoptr(GError) err = NULL;
        gboolean parsed = jb_number_parse(expr, &q, &err);
        if (*want_value == '\0') {
            g_autofree char *got = NULL;
            if (parsed) {
                g_autofree char *v = value_text(&q);
                got = g_strdup_printf("parsed as %s %s %s", v, q.unit, jb_bound_name(q.bound));
            } else if (!g_error_matches(err, JB_ERROR, JB_ERROR_INPUT) || !*err->message) {
                got = g_strdup("failed without a JB_ERROR_INPUT message");
            } else {
                got = g_strdup("not a quantity");
            }
            is_str(got, "not a quantity", "parse %s: %s", name, f[1]);
            continue;
        }
        /* the span is the whole expression without the spaces around it */
        gsize a = 0, b = strlen(expr);
        while (a < b && expr[a] == ' ')
            a++;
        while (b > a && expr[b - 1] == ' ')
            b--;
        g_autofree char *want = g_strdup_printf("%s|%s|%s|%s|%zu-%zu", want_value, want_unit,
                                                want_bound, want_qual ? want_qual : "*", a, b);
        g_autofree char *got = NULL;
        if (!parsed) {
            got = g_strdup_printf("error: %s", err->message);
        } else {
            g_autofree char *v = value_text(&q);
            got = g_strdup_printf("%s|%s|%s|%s|%zu-%zu", v, q.unit, jb_bound_name(q.bound),
                                  want_qual ? q.qualifier : "*", q.start, q.end);
        }
        is_str(got, want, "parse %s: %s", name, f[1]);
    }
}

/* ---- tests/data/number_scan.tsv -------------------------------------------------------- */

/* Every quantity in `text` as "value unit bound | …", checking that spans move forward,
 * stay inside the text and cut it on character boundaries. */
static char *scan_all(const char *text)
{
    gsize len = strlen(text), from = 0;
    GString *out = g_string_new(NULL);
    JbQuantity q;
    int guard = 0;
    while (jb_number_scan(text, len, from, &q)) {
        if (q.start < from || q.end <= q.start || q.end > len ||
            !g_utf8_validate(text + q.start, (gssize)(q.end - q.start), NULL)) {
            g_string_append_printf(out, "%sBAD SPAN %zu-%zu", out->len ? " | " : "", q.start,
                                   q.end);
            break;
        }
        if (++guard > 10000) {
            g_string_append(out, " | NO PROGRESS");
            break;
        }
        g_autofree char *v = value_text(&q);
        g_string_append_printf(out, "%s%s %s %s", out->len ? " | " : "", v, *q.unit ? q.unit : "-",
                               jb_bound_name(q.bound));
        from = q.end;
    }
    return g_string_free(out, FALSE);
}

static void test_scan_cases(void)
{
    g_autoptr(GPtrArray) rows = read_tsv("number_scan.tsv");
    ok(rows->len >= 60, "number_scan.tsv has at least 60 cases (%u)", rows->len);
    for (guint i = 0; i < rows->len; i++) {
        char **f = rows->pdata[i];
        guint nf = g_strv_length(f);
        if (nf < 2 || nf > 3) {
            ok(0, "number_scan.tsv case %u has %u fields, wants 3", i + 1, nf);
            continue;
        }
        g_autofree char *text = jb_normalize(f[1], -1);
        g_autofree char *got = scan_all(text);
        is_str(got, nf > 2 ? f[2] : "", "scan %s", f[0]);
    }
}

/* ---- jb_decimal_format ------------------------------------------------------------------ */

/* format(parse(text)) gives text back, with the length returned and the same bytes as
 * jb_decimal_to_string */
static gboolean format_round_trips(const char *text)
{
    JbDecimal d;
    char buf[JB_DECIMAL_STR_MAX];
    if (!jb_decimal_parse(text, &d))
        return FALSE;
    /* parsed, the value is normalised (5.0 is 5); with the places the text gave, as stated */
    d = jb_decimal_with_places(d, jb_decimal_places(text));
    gsize n = jb_decimal_format_stated(d, buf, sizeof buf);
    g_autofree char *s = jb_decimal_to_string_stated(d);
    char plain[JB_DECIMAL_STR_MAX];
    jb_decimal_format(d, plain, sizeof plain); /* and without the zeros, as a computed value */
    return n == strlen(text) && strcmp(buf, text) == 0 && strcmp(s, text) == 0 &&
           (strchr(text, '.') ? strlen(plain) <= strlen(text) : strcmp(plain, text) == 0);
}

static void test_decimal_format(void)
{
    g_autoptr(GPtrArray) rows = read_tsv("numbers.tsv");
    guint values = 0, bad = 0;
    for (guint i = 0; i < rows->len; i++) {
        char **f = rows->pdata[i];
        if (g_strv_length(f) < 3 || !*f[2])
            continue;
        g_auto(GStrv) ends = g_strsplit(f[2], "..", 2); /* a range: lo..hi */
        for (char **v = ends; *v; v++, values++)
            if (!format_round_trips(*v) && bad++ < 5)
                printf("# decimal_format does not round-trip \"%s\"\n", *v);
    }
    ok(values >= 300 && bad == 0, "decimal_format round-trips the %u values of numbers.tsv",
       values);

    static const char *const edges[] = {
        "0",
        "-1",
        "0.5",
        "-0.25",
        "0.000000000000000000000000000000000000001",
        "999999999999999999",
        "-999999999999999999",
        "1000000000000000000000000000000000000000",
        "123456789012345678000000000000000000000",
        "12345678.9012345678",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(edges); i++)
        ok(format_round_trips(edges[i]), "decimal_format round-trips %s", edges[i]);

    char buf[JB_DECIMAL_STR_MAX];
    ok(jb_decimal_format((JbDecimal){G_MININT64, 0}, buf, sizeof buf) == 20 &&
           strcmp(buf, "-9223372036854775808") == 0,
       "decimal_format of the smallest mantissa");
    ok(jb_decimal_format((JbDecimal){0, -7}, buf, sizeof buf) == 1 && strcmp(buf, "0") == 0,
       "decimal_format 0e-7 is 0");
    ok(jb_decimal_format((JbDecimal){4000, 8}, buf, sizeof buf) == 12 &&
           strcmp(buf, "400000000000") == 0,
       "decimal_format 4000e8 → 400000000000");

    /* too small a buffer: nothing written but the NUL, the full length returned */
    char tiny[4] = "xyz";
    ok(jb_decimal_format((JbDecimal){1234, 0}, tiny, 4) == 4 && tiny[0] == '\0',
       "decimal_format refuses a buffer one byte short and says how long it is");
    ok(jb_decimal_format((JbDecimal){123, 0}, tiny, 4) == 3 && strcmp(tiny, "123") == 0,
       "decimal_format fills a buffer of exactly length + 1");
    ok(jb_decimal_format((JbDecimal){5, 0}, NULL, 0) == 1,
       "decimal_format with size 0 only measures");

    /* far exponents: longer than JB_DECIMAL_STR_MAX, still exact through jb_decimal_to_string */
    static const JbDecimal far[] = {
        {7, 1000}, {-7, 1000}, {7, -1000}, {-123456789, -1000}, {999999999999999999, 1000}};
    for (gsize i = 0; i < G_N_ELEMENTS(far); i++) {
        gsize want = jb_decimal_format(far[i], NULL, 0);
        g_autofree char *big = g_malloc(want + 1);
        gsize n = jb_decimal_format(far[i], big, want + 1);
        g_autofree char *s = jb_decimal_to_string(far[i]);
        JbDecimal back;
        ok(want > JB_DECIMAL_STR_MAX && n == want && strlen(big) == want && strcmp(s, big) == 0 &&
               (want > 41 || (jb_decimal_parse(s, &back) && jb_decimal_equal(back, far[i]))),
           "decimal_format %" G_GINT64_FORMAT "e%d: %" G_GSIZE_FORMAT " bytes, as to_string",
           far[i].mant, far[i].exp10, want);
    }
    g_autofree char *thousand = jb_decimal_to_string((JbDecimal){-7, -1000});
    ok(g_str_has_prefix(thousand, "-0.000") && g_str_has_suffix(thousand, "0007") &&
           strlen(thousand) == 1003,
       "decimal_to_string -7e-1000 has 999 zeros after the point");
}

/* ---- exact decimals --------------------------------------------------------------------- */

static void test_decimal(void)
{
    static const struct {
        gint64 mant;
        gint exp10;
        const char *want;
    } to_s[] = {
        {4000, 8, "400000000000"},
        {59, -1, "5.9"},
        {164, 7, "1640000000"},
        {-3, 0, "-3"},
        {25, -2, "0.25"},
        {0, 5, "0"},
        {1500, -3, "1.5"},
        {-25, 3, "-25000"},
        {1, -6, "0.000001"},
        {G_MININT64, 0, "-9223372036854775808"},
        {G_MAXINT64, -19, "0.9223372036854775807"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(to_s); i++) {
        g_autofree char *s = jb_decimal_to_string((JbDecimal){to_s[i].mant, to_s[i].exp10});
        is_str(s, to_s[i].want, "decimal_to_string %" G_GINT64_FORMAT "e%d", to_s[i].mant,
               to_s[i].exp10);
    }

    static const struct {
        const char *s;
        gboolean ok;
        const char *back; /* jb_decimal_to_string of the result */
    } parse[] = {
        {"1.2", TRUE, "1.2"},
        {"-40", TRUE, "-40"},
        {"400000000000", TRUE, "400000000000"},
        {"+7", TRUE, "7"},
        {"0.250", TRUE, "0.25"},
        {"007", TRUE, "7"},
        {"123456789012345678", TRUE, "123456789012345678"},
        {"1234567890123456789", FALSE, NULL},
        {"400000000000000000000000", TRUE, "400000000000000000000000"},
        {"", FALSE, NULL},
        {"-", FALSE, NULL},
        {".5", FALSE, NULL},
        {"5.", FALSE, NULL},
        {"1e5", FALSE, NULL},
        {"1,000", FALSE, NULL},
        {" 1", FALSE, NULL},
        {"1.2.3", FALSE, NULL},
        {"１", FALSE, NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(parse); i++) {
        JbDecimal d = {99, 99};
        gboolean got = jb_decimal_parse(parse[i].s, &d);
        g_autofree char *back = got ? jb_decimal_to_string(d) : NULL;
        ok(got == parse[i].ok && (!got || strcmp(back, parse[i].back) == 0),
           "decimal_parse \"%s\" → %s", parse[i].s, parse[i].ok ? parse[i].back : "fails");
    }
    g_autofree char *ten_thousand = g_strnfill(10000, '9');
    JbDecimal d;
    ok(!jb_decimal_parse(ten_thousand, &d), "decimal_parse refuses 10,000 digits");

    /* every to_string result parses back to an equal value */
    gboolean round_trip = TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(to_s); i++) {
        JbDecimal in = {to_s[i].mant, to_s[i].exp10}, out;
        g_autofree char *s = jb_decimal_to_string(in);
        if (to_s[i].mant == G_MININT64 || to_s[i].mant == G_MAXINT64)
            continue; /* 19 significant digits: more than jb_decimal_parse accepts */
        round_trip &= jb_decimal_parse(s, &out) && jb_decimal_equal(in, out);
    }
    ok(round_trip, "decimal_parse(decimal_to_string(x)) == x");

    static const struct {
        JbDecimal a, b;
        int want;
    } cmp[] = {
        {{40, 0}, {4, 1}, 0},
        {{1639999999, 0}, {164, 7}, -1},
        {{164, 7}, {1639999999, 0}, 1},
        {{-5, 0}, {3, 0}, -1},
        {{-5, 0}, {-3, 0}, -1},
        {{-3, 0}, {-30, -1}, 0},
        {{0, 0}, {0, 9}, 0},
        {{0, 0}, {-1, -9}, 1},
        {{1, 18}, {999999999999999999, 0}, 1},
        {{G_MAXINT64, 0}, {G_MAXINT64, 1}, -1},
        {{G_MININT64, 0}, {G_MAXINT64, 0}, -1},
        {{G_MININT64, 0}, {G_MININT64, 0}, 0},
        {{15, -1}, {150, -2}, 0},
        {{1, -1000}, {0, 0}, 1},
        {{1, 1000}, {G_MAXINT64, 0}, 1},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cmp); i++) {
        int got = jb_decimal_cmp(cmp[i].a, cmp[i].b);
        int sgn = (got > 0) - (got < 0);
        ok(sgn == cmp[i].want && jb_decimal_equal(cmp[i].a, cmp[i].b) == (cmp[i].want == 0),
           "decimal_cmp %" G_GINT64_FORMAT "e%d vs %" G_GINT64_FORMAT "e%d = %d", cmp[i].a.mant,
           cmp[i].a.exp10, cmp[i].b.mant, cmp[i].b.exp10, cmp[i].want);
    }

    JbDecimal n = jb_decimal_normalize((JbDecimal){4000, 8});
    ok(n.mant == 4 && n.exp10 == 11, "decimal_normalize 4000e8 → 4e11");
    n = jb_decimal_normalize((JbDecimal){0, -7});
    ok(n.mant == 0 && n.exp10 == 0, "decimal_normalize 0e-7 → 0e0");
    n = jb_decimal_normalize((JbDecimal){-120, -3});
    ok(n.mant == -12 && n.exp10 == -2, "decimal_normalize -120e-3 → -12e-2");

    ok(jb_decimal_to_double((JbDecimal){164, 7}) == 1640000000.0,
       "decimal_to_double 16.4亿 is exactly 1640000000");
    ok(jb_decimal_to_double((JbDecimal){1, -1}) == 0.1, "decimal_to_double 0.1 rounds correctly");
    ok(jb_decimal_to_double((JbDecimal){-25, 3}) == -25000.0, "decimal_to_double -25000");

    /* the example: 16.4亿 through the parser is 1640000000 exactly */
    JbQuantity q;
    ok(jb_number_parse("16.4亿元", &q, NULL) &&
           jb_decimal_equal(q.value, (JbDecimal){1640000000, 0}),
       "16.4亿元 equals 1640000000 exactly (not 1639999999)");
}

static void test_bound(void)
{
    static const JbBound all[] = {JB_BOUND_EXACT, JB_BOUND_AT_LEAST, JB_BOUND_AT_MOST,
                                  JB_BOUND_ABOUT};
    static const char *names[] = {"exact", "at_least", "at_most", "about"};
    for (gsize i = 0; i < G_N_ELEMENTS(all); i++) {
        JbBound b = JB_BOUND_EXACT;
        ok(strcmp(jb_bound_name(all[i]), names[i]) == 0 && jb_bound_parse(names[i], &b) &&
               b == all[i],
           "bound %s names and parses", names[i]);
    }
    JbBound b = JB_BOUND_ABOUT;
    ok(!jb_bound_parse("At_least", &b) && !jb_bound_parse("", &b) && !jb_bound_parse(NULL, &b) &&
           b == JB_BOUND_ABOUT,
       "bound_parse refuses other strings and leaves *out alone");
}

/* ---- chart labels ----------------------------------------------------------------------- */

static void test_format_cn(void)
{
    static const struct {
        gint64 mant;
        gint exp10;
        int sig;
        const char *want;
    } cases[] = {
        {400000000000, 0, 3, "4000亿"},
        {1200000000000, 0, 3, "1.2万亿"},
        {1700000, 0, 3, "170万"},
        {17600, 0, 3, "1.76万"},
        {6000, 0, 3, "6000"},
        {59, -1, 3, "5.9"},
        {-25000, 0, 3, "-2.5万"},
        {0, 0, 3, "0"},
        {9999, 0, 4, "9999"},
        {10000, 0, 4, "1万"},
        {99999999, 0, 3, "1亿"}, /* rounds up across the 亿 threshold */
        {99950000, 0, 3, "1亿"}, /* 9995万 at 3 digits is 1.00亿 */
        {99940000, 0, 3, "9990万"},
        {123456789, 0, 3, "1.23亿"},
        {125, 6, 2, "1.3亿"},   /* half-up: 1.25 → 1.3 */
        {-125, 6, 2, "-1.3亿"}, /* half away from zero for negatives */
        {164, 7, 3, "16.4亿"},
        {1640000000, 0, 2, "16亿"},
        {15, 11, 3, "1.5万亿"},
        {2, 13, 3, "20万亿"},
        {1, 16, 3, "10000万亿"},
        {143500000000, 0, 4, "1435亿"},
        {143500000000, 0, 2, "1400亿"},
        {123456, 0, 0, "12.3456万"}, /* max_sig < 1: no rounding */
        {3333, -2, 3, "33.3"},
        {25, -2, 3, "0.25"},
        {999999999999999999, 0, 18, "999999.999999999999万亿"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *s = jb_number_format_cn((JbDecimal){cases[i].mant, cases[i].exp10},
                                                 cases[i].sig);
        is_str(s, cases[i].want, "format_cn %" G_GINT64_FORMAT "e%d sig %d", cases[i].mant,
               cases[i].exp10, cases[i].sig);
    }
}

/* ---- spans, errors, limits -------------------------------------------------------------- */

static void test_spans_and_errors(void)
{
    const char *text = "据悉，规模超过4000亿元，企业1700多项。";
    JbQuantity q;
    gboolean found = jb_number_scan(text, strlen(text), 0, &q);
    g_autofree char *span = found ? g_strndup(text + q.start, q.end - q.start) : NULL;
    is_str(span, "超过4000亿元", "scan span includes the hedge and the unit");
    found = found && jb_number_scan(text, strlen(text), q.end, &q);
    g_autofree char *span2 = found ? g_strndup(text + q.start, q.end - q.start) : NULL;
    is_str(span2, "1700多项", "scan span of an infix hedge");

    /* a list member's span is its own, without the unit it shares */
    const char *list = "分别为110万亿、120万亿、130万亿元";
    found = jb_number_scan(list, strlen(list), 0, &q);
    g_autofree char *span3 = found ? g_strndup(list + q.start, q.end - q.start) : NULL;
    is_str(span3, "110万亿", "list member span excludes the shared unit");

    /* `from` is respected: a hedge before it is not taken */
    const char *t2 = "超过4000亿元";
    found = jb_number_scan(t2, strlen(t2), strlen("超过"), &q);
    ok(found && q.start == strlen("超过") && q.qualifier[0] == '\0',
       "scan from the middle does not reach back before from");
    ok(!jb_number_scan(t2, strlen(t2), strlen(t2), &q) &&
           !jb_number_scan(t2, strlen(t2), strlen(t2) + 5, &q),
       "scan from the end finds nothing");
    ok(!jb_number_scan("", 0, 0, &q), "scan of empty text finds nothing");

    /* len is honoured: no reading past it */
    const char *t3 = "共30家企业";
    ok(!jb_number_scan(t3, strlen("共30"), 0, &q), "scan stops at len (30 without its unit)");

    g_autoptr(GError) err = NULL;
    ok(!jb_number_parse("2025年", &q, &err) && g_error_matches(err, JB_ERROR, JB_ERROR_INPUT) &&
           strstr(err->message, "2025年") && strstr(err->message, "date"),
       "parse error names the expression and says why: %s", err ? err->message : "(none)");
    ok(!jb_number_parse("5G", &q, NULL), "parse with a NULL GError ** works");
    /* the white space around an expression is jb_text.h's one set: an ideographic space
     * (U+3000), an em space (U+2003) and \v too */
    ok(jb_number_parse("\xe3\x80\x80\v约5%\xe2\x80\x83", &q, NULL) && q.value.mant == 5 &&
           q.value.exp10 == 0 && strcmp(q.unit, "%") == 0 && q.bound == JB_BOUND_ABOUT,
       "parse trims Unicode white space around the expression");
    ok(!jb_number_parse("\xe3\x80\x80 \xe3\x80\x80", &q, NULL), "only white space is no number");
}

static void test_limits(void)
{
    JbQuantity q;
    g_autoptr(GError) err = NULL;
    g_autofree char *digits = g_strnfill(10000, '7');
    ok(!jb_number_parse(digits, &q, &err) && strstr(err->message, "digits"),
       "a 10,000-digit number is an error, not an overflow");

    g_autofree char *text = g_strconcat("规模", digits, "亿元，另有3家", NULL);
    g_autofree char *got = scan_all(text);
    is_str(got, "3 家 exact", "scan skips a 10,000-digit number and goes on");

    GString *yi = g_string_new(NULL);
    for (int i = 0; i < 5000; i++)
        g_string_append(yi, "亿");
    g_string_append(yi, "元");
    g_autofree char *yi_text = g_string_free(yi, FALSE);
    g_clear_error(&err);
    ok(!jb_number_parse(yi_text, &q, &err), "5000 × 亿 is too large, not an overflow");
    g_autofree char *yi_scan = scan_all(yi_text);
    is_str(yi_scan, "", "scan of 5000 × 亿 finds nothing");

    GString *one = g_string_new(NULL);
    for (int i = 0; i < 5000; i++)
        g_string_append(one, "一");
    g_string_append(one, "家");
    g_autofree char *one_text = g_string_free(one, FALSE);
    g_autofree char *one_scan = scan_all(one_text);
    is_str(one_scan, "", "scan of 5000 × 一 finds nothing");

    g_autofree char *zeros = g_strnfill(30, '0');
    g_autofree char *big = g_strconcat("1", zeros, "元", NULL);
    ok(!jb_number_parse(big, &q, NULL), "31 digits are refused even when mostly zeros");

    g_autofree char *cn_big = g_strdup(
        "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九元");
    ok(jb_number_parse(cn_big, &q, NULL) &&
           jb_decimal_equal(q.value, (JbDecimal){9999999999999999, 0}),
       "the largest ordinary Chinese numeral (万亿 range) is exact");
}

/* Random text built from the pieces numbers are made of: the scanner must terminate, report
 * sane spans and never trip ASan/UBSan; parse must not crash on any piece. */
static void test_random(void)
{
    static const char *pieces[] = {
        "1",  "0",        "9",  "5",    ".",    ",",    "-",      "~",  "/",  ":",  "%",
        " ",  "G",        "W",  "a",    "亿",   "万",   "千",     "百", "十", "一", "二",
        "两", "三",       "〇", "零",   "点",   "分之", "百分之", "成", "倍", "个", "百分点",
        "元", "台（套）", "至", "到",   "、",   "，",   "多",     "余", "几", "上", "数",
        "近", "超过",     "约", "以上", "左右", "第",   "年",     "月", "半", "翻", "番",
        "±",  "千瓦",     "级", "\xe4", "\xb8", "\xff", "号",
    };
    GRand *rng = g_rand_new_with_seed(20240611);
    gboolean sane = TRUE;
    int found = 0;
    for (int round = 0; round < 3000 && sane; round++) {
        GString *s = g_string_new(NULL);
        int n = g_rand_int_range(rng, 1, 40);
        for (int i = 0; i < n; i++)
            g_string_append(s, pieces[g_rand_int_range(rng, 0, G_N_ELEMENTS(pieces))]);
        gsize from = 0;
        JbQuantity q;
        int guard = 0;
        while (jb_number_scan(s->str, s->len, from, &q)) {
            if (q.start < from || q.end <= q.start || q.end > s->len || ++guard > 1000) {
                sane = FALSE;
                ok(0, "random scan span %zu-%zu from %zu in \"%s\"", q.start, q.end, from, s->str);
                break;
            }
            found++;
            from = q.end;
        }
        jb_number_parse(s->str, &q, NULL);
        g_string_free(s, TRUE);
    }
    g_rand_free(rng);
    ok(sane && found > 0, "3000 random strings scan with sane spans (%d quantities)", found);
}

/* Not an assertion (sanitizers and -O0 change it), a number to watch: the extractor needs
 * ≥ 50 MB/s. */
static void report_speed(void)
{
    const char *para = "据估算，全国人工智能核心产业规模已超过4000亿元，企业数量也超过3000家；"
                       "截至6月底，已建成5G基站170万个，连接工业设备超过7800万台（套）。"
                       "2025年全国规模以上工业增加值同比增长5.9%，制造业体量已连续16年居全球首位。"
                       "党的十八大以来，一批项目落地，千行百业加速转型。\n";
    GString *s = g_string_new(NULL);
    while (s->len < (8u << 20))
        g_string_append(s, para);
    gint64 t0 = g_get_monotonic_time();
    gsize from = 0, count = 0;
    JbQuantity q;
    while (jb_number_scan(s->str, s->len, from, &q)) {
        count++;
        from = q.end;
    }
    double secs = (double)(g_get_monotonic_time() - t0) / 1e6;
    printf("# scan speed: %.0f MB/s (%zu quantities in %zu bytes)\n",
           (double)s->len / 1048576.0 / (secs > 0 ? secs : 1e-9), count, s->len);
    ok(count > 0 && count % 5 == 0, "speed text yields 5 quantities per paragraph");
    g_string_free(s, TRUE);
}

int main(void)
{
    test_parse_cases();
    test_scan_cases();
    test_decimal();
    test_decimal_format();
    test_bound();
    test_format_cn();
    test_spans_and_errors();
    test_limits();
    test_random();
    report_speed();
    return tap_done();
}
