/* jb_extract_period.c — the periods of jb_extract: the time expressions of a sentence
 * (2025年, 6月底, 今年前7个月, 上半年…) and the ISO partial date a statement refers to.
 *
 * Not for: which number a time belongs to (jb_extract.c decides that), article dates
 * (jb_article_date.c).
 */
#include "jb_extract_priv.h"

static int read_int(const char **pp, const char *end, int max_digits)
{
    const char *p = *pp;
    int v = 0, n = 0;
    while (p < end && n < max_digits && g_ascii_isdigit(*p)) {
        v = v * 10 + (*p - '0');
        p++;
        n++;
    }
    if (n == 0 || (p < end && g_ascii_isdigit(*p)))
        return -1;
    *pp = p;
    return v;
}

/* A period word with no year: 上半年 → month 6 of the year before it (or the published
 * year), 前三季度 → 9, 年底 → 12. Returns the bytes it spans (0 if none) and sets *month. */
static gsize period_word(const char *p, const char *limit, int *month)
{
    static const struct {
        Lit w;
        int month;
    } WORDS[] = {{LIT("上半年"), 6},    {LIT("下半年"), 12},   {LIT("前三季度"), 9},
                 {LIT("前两季度"), 6},  {LIT("第一季度"), 3},  {LIT("第二季度"), 6},
                 {LIT("第三季度"), 9},  {LIT("第四季度"), 12}, {LIT("一季度"), 3},
                 {LIT("二季度"), 6},    {LIT("三季度"), 9},    {LIT("四季度"), 12},
                 {LIT("年底"), 12},     {LIT("年末"), 12},     {LIT("前1个月"), 1},
                 {LIT("前2个月"), 2},   {LIT("前3个月"), 3},   {LIT("前4个月"), 4},
                 {LIT("前5个月"), 5},   {LIT("前6个月"), 6},   {LIT("前7个月"), 7},
                 {LIT("前8个月"), 8},   {LIT("前9个月"), 9},   {LIT("前10个月"), 10},
                 {LIT("前11个月"), 11}, {LIT("前12个月"), 12}};
    static JbWordSet *firsts;
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        Lit lits[G_N_ELEMENTS(WORDS)];
        for (gsize i = 0; i < G_N_ELEMENTS(WORDS); i++)
            lits[i] = WORDS[i].w;
        firsts = jb_extract_lit_set(lits, G_N_ELEMENTS(lits));
        g_once_init_leave(&done, 1);
    }
    if (!may_start(firsts, p, limit))
        return 0;
    for (gsize i = 0; i < G_N_ELEMENTS(WORDS); i++)
        if (lit_starts(p, limit, &WORDS[i].w)) {
            *month = WORDS[i].month;
            return WORDS[i].w.n;
        }
    return 0;
}

/* A time right after these words is a base of comparison (比去年, 较2020年), not a period. */
static gboolean after_comparison(const char *s, const char *p)
{
    return ends(s, p, "比") || ends(s, p, "较") || ends(s, p, "相比") || ends(s, p, "同比") ||
           ends(s, p, "相较") || ends(s, p, "比上");
}

static gboolean after_as_of(const char *s, const char *p)
{
    return ends(s, p, "截至") || ends(s, p, "截止") || ends(s, p, "截止到") || ends(s, p, "到") ||
           ends(s, p, "至");
}

/* The 64-character blocks (code point >> 6) of the three-byte characters time_refs stops
 * at: 《 》 and JB_TIME_LEADS (time_lead's). Most characters of a sentence are in none of
 * them, and are passed over with one bit test instead of the tests below. */
static guint8 time_blocks[(0x10000 >> 6) / 8];

static void time_blocks_init(void)
{
#define JB_TIME_ELEM(c) c,
    static const gunichar STOPS[] = {0x300A /* 《 */, 0x300B /* 》 */, JB_TIME_LEADS(JB_TIME_ELEM)};
#undef JB_TIME_ELEM
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (gsize i = 0; i < G_N_ELEMENTS(STOPS); i++) {
            guint k = STOPS[i] >> 6;
            time_blocks[k >> 3] |= (guint8)(1u << (k & 7));
        }
        g_once_init_leave(&done, 1);
    }
}

void jb_extract_time_refs(const char *s, const char *limit, int pub_year, int pub_month,
                          GArray *out)
{
    time_blocks_init();
    int in_title = 0;
    for (const char *p = s; p < limit;) {
        guchar b = (guchar)*p;
        if (b < 0x80 && !g_ascii_isdigit(b)) {
            p++; /* nothing in ASCII but digits starts a time */
            continue;
        }
        if ((b & 0xF0) == 0xE0 && limit - p >= 3) {
            guint k = ((guint)(b & 0x0F) << 6) | ((guchar)p[1] & 0x3F);
            if (!((time_blocks[k >> 3] >> (k & 7)) & 1)) {
                p += 3;
                continue;
            }
        }
        if (starts(p, limit, "《")) {
            in_title++;
            p += strlen("《");
            continue;
        }
        if (starts(p, limit, "》")) {
            in_title = in_title > 0 ? in_title - 1 : 0;
            p += strlen("》");
            continue;
        }
        if ((guchar)*p >= 0x80 && !time_lead(p, limit)) {
            p = g_utf8_next_char(p); /* nor any other character but these */
            continue;
        }
        TimeRef t = {0};
        const char *q = p;
        gboolean year_stated = FALSE;
        gboolean digit_start = g_ascii_isdigit(*p) && (p == s || !g_ascii_isdigit(p[-1]));
        if (digit_start) {
            const char *r = q;
            int y = read_int(&r, limit, 4);
            if (y >= 1900 && y <= 2100 && r - q == 4 && starts(r, limit, "年")) {
                t.year = y;
                year_stated = TRUE;
                q = r + strlen("年");
                t.future_word = ends(s, p, "到") || (ends(s, p, "至") && !ends(s, p, "截至"));
            }
        } else if (starts(p, limit, "今年")) {
            t.year = pub_year;
            year_stated = TRUE;
            q = p + strlen("今年");
        } else if (starts(p, limit, "去年")) {
            t.year = pub_year ? pub_year - 1 : 0;
            year_stated = TRUE;
            q = p + strlen("去年");
        } else if (starts(p, limit, "明年")) {
            t.year = pub_year ? pub_year + 1 : 0;
            year_stated = TRUE;
            q = p + strlen("明年");
        }
        /* an optional month (and day) after the year, or a bare "6月底"; or a period word */
        const char *r = q;
        int pm = 0;
        gsize pw = 0;
        if (r < limit && g_ascii_isdigit(*r) && (r == s || !g_ascii_isdigit(r[-1]))) {
            int m = read_int(&r, limit, 2);
            if (m >= 1 && m <= 12 && starts(r, limit, "月")) {
                t.month = m;
                r += strlen("月");
                const char *d = r;
                int day = read_int(&d, limit, 2);
                if (day >= 1 && day <= 31 && (starts(d, limit, "日") || starts(d, limit, "号"))) {
                    t.day = day;
                    r = d + strlen("日");
                }
                q = r;
            }
        } else if (year_stated && (starts(r, limit, "底") || starts(r, limit, "末"))) {
            t.month = 12; /* 2023年底 */
            q = r + strlen("底");
        } else if ((pw = period_word(r, limit, &pm)) > 0 &&
                   (year_stated || !(r > s && ends(s, r, "年")))) {
            t.month = pm;
            if (!t.year)
                t.year = pub_year;
            if (!year_stated && starts(r, limit, "年"))
                t.future_word = ends(s, r, "到");
            q = r + pw;
        }
        if ((t.year || t.month) && !in_title && !after_comparison(s, p) &&
            !(t.day && !year_stated && !after_as_of(s, p))) {
            if (!year_stated && !pw && t.month && pub_month && t.month > pub_month && pub_year)
                t.year = pub_year - 1;
            t.end = q;
            g_array_append_val(out, t);
        }
        if (t.year || t.month)
            p = q > p ? q : g_utf8_next_char(p);
        else
            p = g_utf8_next_char(p);
    }
}

gboolean jb_extract_last_time_ref(const char *s, const char *limit, int pub_year, int pub_month,
                                  GArray *refs, TimeRef *out)
{
    g_array_set_size(refs, 0);
    jb_extract_time_refs(s, limit, pub_year, pub_month, refs);
    if (!refs->len)
        return FALSE;
    *out = g_array_index(refs, TimeRef, refs->len - 1);
    return TRUE;
}

static void put_digits(char *o, int v, int n)
{
    for (int i = n - 1; i >= 0; i--, v /= 10)
        o[i] = (char)('0' + v % 10);
}

void jb_extract_format_period(const TimeRef *t, int pub_year, char out[JB_PERIOD_MAX])
{
    int y = t->year ? t->year : pub_year;
    if (!y) {
        out[0] = '\0';
        return;
    }
    if (y < 0 || y > 9999 || t->month < 0 || t->month > 99 || t->day < 0 || t->day > 99) {
        if (t->month && t->day) /* (never: years are 1900–2100, months and days checked) */
            g_snprintf(out, JB_PERIOD_MAX, "%04d-%02d-%02d", y, t->month, t->day);
        else if (t->month)
            g_snprintf(out, JB_PERIOD_MAX, "%04d-%02d", y, t->month);
        else
            g_snprintf(out, JB_PERIOD_MAX, "%04d", y);
        return;
    }
    put_digits(out, y, 4);
    gsize n = 4;
    if (t->month) {
        out[n++] = '-';
        put_digits(out + n, t->month, 2);
        n += 2;
        if (t->day) {
            out[n++] = '-';
            put_digits(out + n, t->day, 2);
            n += 2;
        }
    }
    out[n] = '\0';
}
