/* jb_text: the UTF-8 step and decoders against GLib's over every code point, cut and invalid
 * bytes, literals, the one white-space set and jb_normalize's use of it. */
#include "jb_normalize.h"
#include "jb_text.h"
#include "tap.h"

#include <string.h>

int main(void)
{
    /* every scalar value, as GLib encodes and decodes it */
    int bad_get = 0, bad_len = 0, bad_checked = 0, bad_get3 = 0;
    for (gunichar c = 0; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        char buf[8];
        int n = g_unichar_to_utf8(c, buf);
        const char *next;
        if (jb_utf8_get(buf, buf + n, &next) != c || next != buf + n)
            bad_get++;
        if ((int)jb_utf8_len((guchar)buf[0]) != n)
            bad_len++;
        gsize k;
        if (jb_utf8_get_checked((const guchar *)buf, (gsize)n, &k) != c || (int)k != n)
            bad_checked++;
        if (n == 3 && jb_utf8_get3(buf) != c)
            bad_get3++;
    }
    ok(bad_get == 0, "jb_utf8_get decodes every code point as GLib does (%d wrong)", bad_get);
    ok(bad_len == 0, "jb_utf8_len steps over each (%d wrong)", bad_len);
    ok(bad_checked == 0, "jb_utf8_get_checked too (%d wrong)", bad_checked);
    ok(bad_get3 == 0, "jb_utf8_get3 every three-byte one (%d wrong)", bad_get3);

    const char *zhong = "中文";
    const char *next;
    ok(jb_utf8_get(zhong, zhong + 2, &next) == 0 && next == zhong + 2,
       "a character cut short by the end reads as 0 and steps to the end");
    gsize n;
    ok(jb_utf8_get_checked((const guchar *)"\xE4\xB8", 2, &n) == 0xFFFD && n == 1,
       "checked: a cut character is U+FFFD of one byte");
    ok(jb_utf8_get_checked((const guchar *)"\x80x", 2, &n) == 0xFFFD && n == 1,
       "checked: a stray continuation byte too");
    ok(jb_utf8_get_checked((const guchar *)"\xE4x\xAD", 3, &n) == 0xFFFD && n == 1,
       "checked: a lead byte without its continuation too");
    ok(jb_utf8_get_checked((const guchar *)"\xF0\x9F\x98\x80", 4, &n) == 0x1F600 && n == 4,
       "checked: a four-byte character");

    /* jb_utf8_back: where the byte loop it replaces stops, on random bytes (lead, continuation
     * and ASCII bytes mixed, valid or not) at every start, end and count */
    {
        GRand *r = g_rand_new_with_seed(19);
        int bad_back = 0, tried = 0;
        for (int round = 0; round < 2000; round++) {
            char t[64];
            static const guchar BYTES[] = {'a', ' ', 0x80, 0x9C, 0xBC, 0xC3, 0xE4, 0xE2, 0xF0};
            for (gsize i = 0; i < sizeof t; i++)
                t[i] = (char)BYTES[g_rand_int_range(r, 0, G_N_ELEMENTS(BYTES))];
            int a = g_rand_int_range(r, 0, 64), p = g_rand_int_range(r, 0, 65);
            for (gsize k = 0; k <= 40; k++, tried++) {
                const char *q = t + p;
                for (gsize m = 0; q > t + a && m < k; m++) {
                    q--;
                    while (q > t + a && ((guchar)*q & 0xC0) == 0x80)
                        q--;
                }
                if (jb_utf8_back(t + a, t + p, k) != q)
                    bad_back++;
            }
        }
        g_rand_free(r);
        ok(bad_back == 0, "jb_utf8_back stops where the byte loop does (%d of %d wrong)", bad_back,
           tried);
    }

    /* jb_utf8_step: jb_utf8_get's code point and g_utf8_next_char's step, on random bytes
     * (ASCII, lead and continuation bytes, cut characters at the end) */
    {
        GRand *r = g_rand_new_with_seed(5);
        int bad_step = 0, tried = 0;
        static const guchar BYTES[] = {'a', '7', 0x80, 0xAD, 0xBF, 0xC3, 0xE4, 0xEF, 0xF0, 0xFF};
        for (int round = 0; round < 20000; round++, tried++) {
            char t[8];
            for (gsize i = 0; i < sizeof t; i++)
                t[i] = (char)BYTES[g_rand_int_range(r, 0, G_N_ELEMENTS(BYTES))];
            const char *end = t + g_rand_int_range(r, 1, 9), *step, *unused;
            gunichar c = jb_utf8_step(t, end, &step);
            if (c != jb_utf8_get(t, end, &unused) || step != g_utf8_next_char(t))
                bad_step++;
        }
        g_rand_free(r);
        ok(bad_step == 0,
           "jb_utf8_step reads and steps as jb_utf8_get and g_utf8_next_char (%d "
           "of %d wrong)",
           bad_step, tried);
    }

    /* jb_find: memmem's first match, on random haystacks and needles of a few bytes from a
     * small alphabet (so that partial matches abound) */
    {
        GRand *r = g_rand_new_with_seed(12);
        int bad_find = 0, tried = 0;
        static const char AB[] = {'a', 'b', (char)0xE4, (char)0x80};
        for (int round = 0; round < 20000; round++, tried++) {
            char t[40], w[6];
            for (gsize i = 0; i < sizeof t; i++)
                t[i] = AB[g_rand_int_range(r, 0, 4)];
            gsize wn = (gsize)g_rand_int_range(r, 1, 7);
            for (gsize i = 0; i < wn; i++)
                w[i] = AB[g_rand_int_range(r, 0, 4)];
            int a = g_rand_int_range(r, 0, 41), z = g_rand_int_range(r, a, 41);
            if (jb_find(t + a, t + z, w, wn) != memmem(t + a, (gsize)(z - a), w, wn))
                bad_find++;
        }
        g_rand_free(r);
        ok(bad_find == 0, "jb_find finds what memmem does (%d of %d wrong)", bad_find, tried);
    }

    /* literals */
    const char *s = "截至9月底";
    const char *end = s + strlen(s);
    ok(jb_lit(s, end, "截至") == s + 6, "jb_lit: a literal at p ends after it");
    ok(jb_lit(s, end, "截止") == NULL, "jb_lit: another is not there");
    ok(jb_lit(s, s + 4, "截至") == NULL, "jb_lit: nor one cut by the limit");
    ok(jb_lit(end, end, "截") == NULL, "jb_lit: nothing at the limit");
    ok(jb_has_prefix(s, "截至9") && !jb_has_prefix(s, "截至8") && jb_has_prefix(s, ""),
       "jb_has_prefix");
    JbLit w = JB_LIT("截至9月底了");
    ok(!jb_has_lit(s, w) && jb_has_lit(s, (JbLit)JB_LIT("截至9")),
       "jb_has_lit, without reading past the NUL");

    /* the one white-space set: exactly the documented characters */
    static const gunichar documented[] = {' ',    '\t',   '\n',   '\v',   '\f',   '\r',   0x0085,
                                          0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
                                          0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028,
                                          0x2029, 0x202F, 0x205F, 0x3000};
    int members = 0, undocumented = 0, missing_zs = 0;
    for (gunichar c = 0; c <= 0x10FFFF; c++) {
        if (!jb_is_space(c)) {
            if (g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR)
                missing_zs++;
            continue;
        }
        members++;
        gboolean listed = FALSE;
        for (guint i = 0; i < G_N_ELEMENTS(documented); i++)
            listed |= documented[i] == c;
        undocumented += !listed;
    }
    ok(members == (int)G_N_ELEMENTS(documented) && undocumented == 0,
       "jb_is_space holds the %u documented characters and no other (%d, %d undocumented)",
       (unsigned)G_N_ELEMENTS(documented), members, undocumented);
    ok(missing_zs == 0, "every Unicode space separator (Zs) is one of them (%d missing)",
       missing_zs);
    ok(!jb_is_space(0x200B) && !jb_is_space(0xFEFF), "zero-width characters are not white space");

    /* jb_normalize writes every non-ASCII one as a space, and keeps ASCII's */
    int not_space = 0;
    for (guint i = 0; i < G_N_ELEMENTS(documented); i++) {
        char buf[16] = "a";
        int k = g_unichar_to_utf8(documented[i], buf + 1);
        buf[1 + k] = 'b';
        g_autofree char *norm = jb_normalize(buf, 2 + k);
        char want[4] = {'a', documented[i] < 0x80 ? (char)documented[i] : ' ', 'b', 0};
        not_space += strcmp(norm, want) != 0;
    }
    ok(not_space == 0, "jb_normalize: each non-ASCII white space becomes ' ' (%d not)", not_space);

    /* Chinese numerals of dates: every count 1..99 as formal text writes it */
    static const char *const D[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int bad_count = 0;
    for (int v = 1; v <= 99; v++) {
        char word[32];
        g_snprintf(word, sizeof word, "%s%s%s日", v >= 20 ? D[v / 10] : "", v >= 10 ? "十" : "",
                   D[v % 10]);
        const char *p = word;
        bad_count += jb_cn_count(&p, word + strlen(word)) != v || strcmp(p, "日") != 0;
    }
    ok(bad_count == 0, "jb_cn_count reads 一 … 九十九 (%d wrong)", bad_count);
    const char *z = "〇十日", *zz = z;
    ok(jb_cn_count(&zz, z + strlen(z)) == -1 && zz == z, "〇十 is no count, and nothing is read");
    static const struct {
        const char *text;
        int year;
    } Y[] = {{"二零二六年", 2026}, {"二〇二五年", 2025}, {"二○二六年", 2026}, {"一九九八年", 1998},
             {"二零二六", -1},     {"三零二六年", -1},   {"二零二年", -1}};
    int bad_year = 0;
    for (guint i = 0; i < G_N_ELEMENTS(Y); i++) {
        const char *p = Y[i].text;
        int y = jb_cn_year(&p, Y[i].text + strlen(Y[i].text));
        bad_year += y != Y[i].year || (y > 0 && strcmp(p, "年") != 0);
    }
    ok(bad_year == 0, "jb_cn_year: four digits either way, 1900..2100, then 年 (%d wrong)",
       bad_year);
    return tap_done();
}
