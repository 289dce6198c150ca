/* jb_number_member.c — reading one member of a number expression: an Arabic or Chinese
 * numeral, 多/余/几, its magnitude (千 万 亿) and its unit, or why it is not a quantity
 * (a date, a duration, a model name …). See jb_number_priv.h.
 *
 * Not for: what a unit says of the number before it (jb_number_unit_sense.c), hedge words
 * (jb_number_hedge.c), ranges, fractions and lists (jb_number.c), the numerals themselves
 * (jb_number_numeral.c), nor the tables of units (jb_number_tables.c).
 */
#include "jb_number_priv.h"

#include <stddef.h>
#include <string.h>

/* ===== Reading one member: numeral, 多/余, magnitude, unit ===== */

/* A Member as if zeroed. The unit is a string and read only up to its NUL, so its other 47
 * bytes are not cleared: this runs two or three times at every number. */
static inline void member_clear(Member *m)
{
    memset(m, 0, offsetof(Member, unit));
    m->unit[0] = '\0';
}

/* 千 百 万 亿 after digits, in that order at most once each (3千, 1千万, 1.2万亿, 600亿). */
static gsize read_tail(const Ctx *c, gsize q, Member *m)
{
    int stage = m->tail_stage; /* 0: 百/千 allowed, 1: 万, 2: 亿, 3: done */
    while (q < c->len) {
        gsize n;
        gunichar cp = cp_at(c, q, &n);
        int pw, st;
        if (cp == CP_BAI) {
            pw = 2;
            st = 0;
        } else if (cp == CP_QIAN) {
            pw = 3;
            st = 0;
        } else if (cn_big(cp)) {
            pw = cn_big(cp);
            st = pw == 4 ? 1 : 2;
        } else {
            break;
        }
        if (st < stage || unit_starts_at(c, q) || AT(c, q + n, "分之"))
            break;
        m->value.exp10 += pw;
        m->tail_pow += pw;
        m->has_mag = TRUE;
        m->mag_chars++;
        if (pw >= 4)
            m->big_mag = TRUE;
        stage = st + 1;
        q += n;
    }
    m->tail_stage = stage;
    return q;
}

/* 翻倍 翻番 翻一番 翻了两番 → 2 or 4 … 倍 */
static Reason read_fan(const Ctx *c, gsize p, Member *m)
{
    gsize q = p + 3;
    gint64 v = 0;
    if (AT(c, q, "了"))
        q += 3;
    if (AT(c, q, "倍") || AT(c, q, "番")) {
        v = 2;
        q += 3;
    } else if (AT(c, q, "一倍")) { /* 翻了一倍: doubled */
        v = 2;
        q += 6;
    } else if (q < c->len) {
        gsize n;
        int d = cn_digit(cp_at(c, q, &n));
        if (d >= 1 && d <= 4 && AT(c, q + n, "番")) {
            v = (gint64)1 << d;
            q += n + 3;
        }
    }
    m->tok_end = q;
    if (v == 0)
        return WHY_NONE;
    m->value = (JbDecimal){v, 0};
    m->chinese = m->digit_char = m->fixed_unit = TRUE;
    set_unit(m, U_PLAIN, "倍", strlen("倍"));
    m->end = q;
    return WHY_OK;
}

/* 半 that is no half: 半年 半导体 半岛 半径; after a time and its hedge (航季过半): time gone */
static gboolean ban_is_word(const Ctx *c, gsize after, gsize hedge)
{
    static const char *const words[] = {"年",   "导",   "岛",   "径",   "天",   "月",
                                        "日",   "小时", "个",   "场",   "价",   "决",
                                        "航季", "赛季", "賽季", "时间", "時間", "年度"};
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
        if (i < 12 ? at_lit(c, after, words[i], strlen(words[i]))
                   : before_lit(c, hedge, c->lo, words[i], strlen(words[i])))
            return TRUE;
    return FALSE;
}

/* A unit in Latin letters at i (kWh, GB, Gbps), ending at a character that is no letter
 * or digit; NULL when there is none. */
static const UnitDef *latin_unit_at(const Ctx *c, gsize i)
{
    if (i >= c->len || !g_ascii_isalpha(c->t[i]))
        return NULL;
    gsize e = i;
    while (e < c->len && g_ascii_isalpha(c->t[e]))
        e++;
    if (e < c->len && g_ascii_isdigit(c->t[e]))
        return NULL; /* 4T4R */
    /* a rate in Latin letters (TB/s, GB/s): the longer unit first */
    gsize r = e;
    if (r + 1 < c->len && c->t[r] == '/' && g_ascii_isalpha(c->t[r + 1])) {
        for (r++; r < c->len && g_ascii_isalpha(c->t[r]); r++)
            ;
        if (r < c->len && g_ascii_isdigit(c->t[r]))
            r = e;
    }
    for (gsize end = r;; end = e) {
        for (gsize k = 0; k < JB_N_LATIN_UNITS; k++)
            if (JB_LATIN_UNITS[k].len == end - i &&
                same_bytes(c->t + i, JB_LATIN_UNITS[k].text, end - i))
                return &JB_LATIN_UNITS[k];
        if (end == e)
            return NULL;
    }
}

/* A single-letter magnitude glued to digits before a unit in Latin letters (32K tokens, 1M
 * tokens, 7B tokens): K, M and B mean 10^3, 10^6 and 10^9 only there, as elsewhere they are
 * names (4K屏, 5M带宽) or money (after a currency, jb_number_english_scale_at). The length
 * read (the letter), or 0. */
static gsize letter_scale_at(const Ctx *c, gsize q, int *pow)
{
    if (q + 1 >= c->len)
        return 0;
    switch (c->t[q]) {
    case 'K':
    case 'k':
        *pow = 3;
        break;
    case 'M':
        *pow = 6;
        break;
    case 'B':
        *pow = 9;
        break;
    default:
        return 0;
    }
    const UnitDef *own = latin_unit_at(c, q);
    if (own && own->len > 1)
        return 0; /* (kW, kWh, KB, Mbps: the letter is the unit's own prefix) */
    gsize u = q + 1 + (c->t[q + 1] == ' ');
    return latin_unit_at(c, u) != NULL ? 1 : 0;
}

gsize jb_number_per_unit_before(const Ctx *c, gsize k, gsize *unit_at_out)
{
    for (gsize ul = 3; ul <= 12; ul += 3) {
        if (k < c->lo + ul + 3)
            break;
        if (!same_bytes(c->t + k - ul - 3, "每", 3))
            continue;
        const UnitDef *u;
        if (unit_at(c, k - ul, &u) != ul)
            return 0;
        /* (of time only the hour, minute and second: 每小时20公里; 每年5亿元 is a yearly sum) */
        /* (秒 is listed as a time of day's: 每秒21米 is a speed all the same) */
        gboolean per_time = (u->kind == U_DURATION && (same_bytes(c->t + k - ul, "小时", ul) ||
                                                       same_bytes(c->t + k - ul, "小時", ul) ||
                                                       same_bytes(c->t + k - ul, "分钟", ul) ||
                                                       same_bytes(c->t + k - ul, "分鐘", ul) ||
                                                       same_bytes(c->t + k - ul, "秒钟", ul))) ||
                            (ul == 3 && same_bytes(c->t + k - ul, "秒", ul));
        if (u->kind != U_PLAIN && !per_time)
            return 0;
        *unit_at_out = k - ul;
        return ul + 3;
    }
    return 0;
}

/* Is there a currency right before the number at p? */
static gboolean money_before(const Ctx *c, gsize p)
{
    gsize at;
    return currency_may_end_at(c, p) && jb_number_currency_before(c, p, &at) != NULL;
}

/* "W" for 万 as web pages write it (12.5W人, 阅读10W+): a W right after digits, then a unit
 * of ours or a '+'. 65W快充 (watts) is none: 快 is no unit. */
static gboolean w_for_wan_at(const Ctx *c, gsize q)
{
    if (q >= c->len || (c->t[q] != 'W' && c->t[q] != 'w'))
        return FALSE;
    if (q + 1 < c->len && c->t[q + 1] == '+')
        return TRUE;
    const UnitDef *u;
    return q + 1 < c->len && !g_ascii_isalnum(c->t[q + 1]) && unit_at(c, q + 1, &u) &&
           u->kind == U_PLAIN;
}

/* Letters of a Latin unit after a rate's slash (Wh, kg, MMBtu, m2): 1 to 6 letters, a digit
 * at most at the end, then no letter or digit. 0 when there is none. */
static gsize latin_unit_len(const Ctx *c, gsize q)
{
    gsize n = 0;
    while (q + n < c->len && n < 7 && g_ascii_isalpha(c->t[q + n]))
        n++;
    if (n == 0 || n > 6)
        return 0;
    if (q + n < c->len && (c->t[q + n] == '2' || c->t[q + n] == '3'))
        n++; /* m2, m3 */
    if (q + n < c->len && g_ascii_isalnum(c->t[q + n]))
        return 0;
    return n;
}

/* 兆 after the digits read into m, as Taiwan and Japan write 10^12: before 億 and its digits
 * (1兆9,482億元) or before money (2.3兆日圓, 1.2兆元). Elsewhere 兆 is mega (100兆瓦, 5兆帕)
 * and no magnitude. At `after` (past 兆): sets m and *end when it is one. */
static gboolean trillion_after(const Ctx *c, gsize after, Member *m, gsize *end)
{
    static const char *const MONEY[] = {"元",     "美元", "日圓", "日元", "円",   "新台幣", "台幣",
                                        "新臺幣", "臺幣", "韓元", "韩元", "港元", "歐元",   NULL};
    if (is_digit_at(c, after)) {
        JbDecimal rest;
        gsize re;
        if (!m->is_int || m->value.mant >= 1000000 || jb_number_read_arabic(c, after, &rest, &re) ||
            rest.exp10 != 0 || rest.mant >= 10000 || !(AT(c, re, "億") || AT(c, re, "亿")))
            return FALSE;
        m->value = (JbDecimal){m->value.mant * 10000 + rest.mant, 8};
        *end = re + strlen("億");
    } else {
        gboolean money = FALSE;
        for (const char *const *w = MONEY; *w && !money; w++)
            money = at_lit(c, after, *w, strlen(*w));
        if (!money)
            return FALSE;
        m->value.exp10 += 12;
        *end = after;
    }
    m->tail_pow = 12;
    m->has_mag = m->big_mag = TRUE;
    m->tail_stage = 3;
    return TRUE;
}

/* A magnitude written after Arabic digits (ending at *q) in a way 万 and 亿 cannot follow:
 * an English scale (US$479.6 million, $12bn), 兆 (Taiwan's and Japan's 10^12) or W for 万
 * (12.5W人). TRUE with m and *q past it; FALSE, nothing read, when there is none. */
static gboolean arabic_magnitude(const Ctx *c, gsize p, Member *m, gsize *q)
{
    int epw;
    gsize el = *q < c->len && (c->t[*q] == ' ' || g_ascii_isalpha(c->t[*q]))
                   ? jb_number_english_scale_at(c, *q, money_before(c, p), &epw)
                   : 0;
    if (el) { /* US$479.6 million, $12bn: no 万/亿 after it */
        m->value.exp10 += epw;
        m->tail_pow = epw;
        m->has_mag = TRUE;
        m->big_mag = epw >= 4;
        m->tail_stage = 3;
        *q += el;
        return TRUE;
    }
    if (!el && *q < c->len && g_ascii_isalpha(c->t[*q]) && letter_scale_at(c, *q, &epw)) {
        m->value.exp10 += epw; /* 32K tokens */
        m->tail_pow = epw;
        m->has_mag = m->big_mag = TRUE;
        m->tail_stage = 3;
        (*q)++;
        return TRUE;
    }
    if (AT(c, *q, "兆") && trillion_after(c, *q + strlen("兆"), m, q))
        return TRUE;           /* 1兆9,482億元, 2.3兆日圓: Taiwan's and Japan's 10^12 */
    if (w_for_wan_at(c, *q)) { /* 12.5W人 = 12.5万人 */
        m->value.exp10 += 4;
        m->tail_pow = 4;
        m->has_mag = m->big_mag = TRUE;
        m->tail_stage = 2;
        (*q)++;
        if (*q < c->len && c->t[*q] == '+' && !m->infix_len) { /* 10W+: at least */
            m->infix_at = *q;
            m->infix_len = 1;
            (*q)++;
        }
        return TRUE;
    }
    return FALSE;
}

/* A Chinese numeral at p as the member's number, *q past it; *allow_tail when 万 or 亿 may
 * still follow (三点五万). WHY_OK, or why it is no quantity. */
static Reason read_cn_member(const Ctx *c, gsize p, Member *m, gsize *q, gboolean *allow_tail)
{
    CnNum cn;
    jb_number_read_cn(c, p, &cn);
    m->tok_end = *q = cn.end;
    if (cn.overflow)
        return WHY_DIGITS;
    if (cn.nchars == 0)
        return WHY_NONE;
    if (cn.positional) {
        /* 二〇二五年 is a date; 十五五 or 三五成群 a word */
        const UnitDef *u;
        unit_at(c, *q, &u);
        return u && u->kind == U_DATE ? WHY_DATE : WHY_WORD;
    }
    m->chinese = TRUE;
    m->value = cn.value;
    m->bare_start = cn.bare_start;
    m->digit_char = cn.digit_char;
    m->has_mag = cn.has_unit_char;
    m->big_mag = cn.big;
    m->mag_chars = cn.mag_chars;
    m->tail_pow = cn.tail_pow;
    m->lone = cn.nchars == 1 && !cn.decimal && cn.digit_char;
    /* after 两万 only 亿 may follow (两万多亿); after 三亿 nothing */
    m->tail_stage = cn.tail_pow >= 8 ? 3 : cn.tail_pow >= 4 ? 2 : 0;
    *allow_tail = cn.decimal; /* 三点五万 */
    return WHY_OK;
}

/* The denominator of a rate after the unit, at the '/' at q (元/吨, 万吨/年, 元/Wh,
 * 吨标准煤/万吨), appended to m's unit: the position after it, or q when there is none. */
static gsize read_rate(const Ctx *c, gsize q, Member *m)
{
    const UnitDef *d2;
    gsize mag = 0; /* 吨标准煤/万吨: a magnitude before the denominator's unit */
    if (AT(c, q + 1, "万") || AT(c, q + 1, "萬") || AT(c, q + 1, "千") || AT(c, q + 1, "百"))
        mag = 3;
    gsize l2 = unit_at(c, q + 1 + mag, &d2);
    const char *den = NULL;
    if (d2 && d2->kind == U_PLAIN && d2->text[0] != '%') {
        den = d2->text;
        l2 += mag;
    } else if (!mag && latin_unit_len(c, q + 1) > 0) { /* 元/Wh, 元/kg, 美元/MMBtu */
        l2 = latin_unit_len(c, q + 1);
        den = c->t + q + 1;
    } else {
        l2 = 0;
        for (gsize i = 0; i < G_N_ELEMENTS(JB_PER_TIME); i++) {
            gsize tl = strlen(JB_PER_TIME[i]);
            if (tl > l2 && at_lit(c, q + 1, JB_PER_TIME[i], tl)) {
                den = JB_PER_TIME[i];
                l2 = tl;
            }
        }
    }
    /* 元/人·月, GB/户·月: a second denominator of time after a middle dot */
    if (den && at_lit(c, q + 1 + l2, "·", strlen("·"))) {
        static const char *const PER[] = {"月", "年", "天", "日", NULL};
        for (const char *const *w = PER; *w; w++)
            if (at_lit(c, q + 1 + l2 + strlen("·"), *w, strlen(*w))) {
                l2 += strlen("·") + strlen(*w);
                break;
            }
    }
    if (den && m->unit_len + 1 + l2 < sizeof m->unit) {
        m->unit[m->unit_len] = '/';
        memcpy(m->unit + m->unit_len + 1, c->t + q + 1, l2);
        m->unit_len += 1 + l2;
        m->unit[m->unit_len] = '\0';
        q += 1 + l2;
    }
    return q;
}

/* The member's unit, perhaps after a space (1.4万 台), read from q (the end of its number;
 * p its start): a unit that makes it no quantity (a date, a time, a grade) is said why. */
/* Arabic digits before 日 that count days, not a day of the month: more than 31, or after
 * 为期 or 历时 (展期共87日, 为期14日). */
static gboolean day_count(const Ctx *c, gsize p, const Member *m)
{
    static const char *const SPAN[] = {"为期", "為期", "历时", "歷時"};
    if (m->value.exp10 < 0 || m->value.exp10 > 1 || m->value.mant > 31 / (m->value.exp10 ? 10 : 1))
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(SPAN); i++)
        if (before_lit(c, p, c->lo, SPAN[i], strlen(SPAN[i])))
            return TRUE;
    return FALSE;
}

static Reason read_unit(const Ctx *c, gsize p, gsize q, Member *m)
{
    gsize u = skip_spaces(c, q);
    const UnitDef *ud;
    gsize ulen = unit_at(c, u, &ud);
    if (ud && (AT(c, u, "个多") || AT(c, u, "個多")) && !m->infix_len) {
        /* 1个多小时, 3个多月: 个 and the unit round 多 (a span said aloud) */
        const UnitDef *ud2;
        gsize at = u + strlen("个多"), l2 = unit_at(c, at, &ud2);
        if (ud2 && (UnitKind)ud2->kind == U_DURATION) {
            m->infix_at = u + strlen("个");
            m->infix_len = strlen("多");
            u = at, ud = ud2, ulen = l2;
        }
    }
    if (!ud) {
        /* 1423亿GB, and after one space as texts with spaced Latin words write them
         * (从 20 TPS 提升至 60 TPS, 3.5 billion yuan) */
        const UnitDef *lu = latin_unit_at(c, q);
        gsize at = q;
        if (!lu && u == q + 1) {
            at = u;
            lu = latin_unit_at(c, u);
        }
        if (lu && lu->len == 1 && lu->text[0] == 'W' && !m->is_int)
            lu = NULL; /* 阅 5.67W: web pages' 万 (a count of views); watts are whole (1400W) */
        if (lu) {
            const char *spelt = lu->canon ? lu->canon : lu->text;
            set_unit(m, U_PLAIN, spelt, strlen(spelt));
            m->end = at + lu->len;
            /* 25 tokens/秒, 190Wh/kg (not a model's KFR-35GW/Y3) */
            if (m->end + 1 < c->len && c->t[m->end] == '/' && !g_ascii_isupper(c->t[m->end + 1]) &&
                !memchr(spelt, '/', strlen(spelt)))
                m->end = read_rate(c, m->end, m);
        }
        return WHY_OK;
    }
    if ((UnitKind)ud->kind == U_WORD && (AT(c, u, "成为") || AT(c, u, "成為")) && p >= 3 &&
        !AT(c, p - 3, "前") && !AT(c, p - 3, "第")) {
        /* 约四成为服务业岗位: a share in tenths, then 为 (not 成为, to become: 前三成为…) */
        JbDecimal v = jb_decimal_normalize(m->value);
        const UnitDef *one = unit_in_bucket(
            &jb_unit_short, unit_hash((const guchar *)c->t + u, c->len - u), c->t + u, c->len - u);
        if (v.exp10 == 0 && v.mant >= 1 && v.mant <= 9 && one && (UnitKind)one->kind == U_TENTH)
            ud = one, ulen = one->len;
    }
    UnitKind kind = (UnitKind)ud->kind;
    switch (kind) {
    case U_DATE:
        return WHY_DATE;
    case U_TIME:
        if (ulen == strlen("分") && AT(c, u, "分") && jb_number_score_before(c, p, m)) {
            kind = U_PLAIN; /* 评分8.1分: a score */
            break;
        }
        if (ulen == strlen("秒") && AT(c, u, "秒") &&
            !(p >= c->lo + strlen("分") &&
              same_bytes(c->t + p - strlen("分"), "分", strlen("分")))) {
            kind = U_DURATION; /* 快了41秒, 用时12秒: seconds, not a clock's (8时30分15秒) */
            break;
        }
        return WHY_TIME;
    case U_CLASS:
        if (m->arabic && jb_number_scale_level(c, p, u + ulen)) {
            kind = U_PLAIN; /* 风力15级, 9～11级大风, 5.2级地震: a reading on a scale */
            break;
        }
        if (AT(c, u, "星") && before_lit(c, p, c->lo, "一箭", strlen("一箭"))) {
            kind = U_PLAIN; /* 一箭18星: satellites of one launch (not 五星级) */
            break;
        }
        return WHY_CLASS;
    case U_WORD:
        return WHY_WORD;
    case U_YEAR: /* 2025年 is a year, 13年 a span of years */
        if (m->arabic && m->is_int && m->value.mant >= 1000 && m->value.mant <= 2100)
            return WHY_DATE;
        if (m->arabic && m->is_int && jb_number_roc_year(c, p, m->value.mant, u + ulen))
            return WHY_DATE; /* 114年11月: a year of the Republic of China (Taiwan) */
        kind = U_DURATION;
        break;
    case U_DAY: /* 18日 is a day of the month, 三日 three days, 8.6日 days, 87日 and 为期14日 too */
        if (m->arabic && m->is_int && !day_count(c, p, m))
            return WHY_DATE;
        kind = U_DURATION;
        break;
    case U_POINT:
        if (jb_number_time_of_day(c, p, m, u + ulen))
            return WHY_TIME;
        kind = U_PLAIN;
        break;
    default:
        break;
    }
    const char *canon = ud->canon ? ud->canon : ud->text;
    set_unit(m, kind, canon, jb_unit_canon_len[ud - JB_UNITS]);
    q = u + ulen;
    /* a rate: 元/吨, 万吨/年, 公里/小时 */
    if (q < c->len && c->t[q] == '/' && ud->kind == U_PLAIN)
        q = read_rate(c, q, m);
    /* 九成半: nine and a half tenths (95 %) */
    if (ud->kind == U_TENTH && AT(c, q, "半") && m->value.exp10 == 0 && m->value.mant >= 0 &&
        m->value.mant < 10) {
        m->value.mant = m->value.mant * 10 + 5;
        m->value.exp10 = -1;
        q += strlen("半");
    }
    if (ud->kind == U_TENTH)
        q = jb_number_tenth_after(c, q, m); /* 四成四 */
    if (jb_number_milestone_at(c, q))
        return WHY_CLASS;
    /* 两倍多, 三成多, 3年多 */
    if (!m->infix_len && (UNIT_IS(m, "倍") || ud->kind == U_TENTH || kind == U_DURATION) &&
        AT(c, q, "多")) {
        m->infix_at = q;
        m->infix_len = 3;
        q += 3;
    }
    m->end = q;
    return WHY_OK;
}

static Reason read_member(Ctx *c, gsize p, gboolean hedged, Member *m)
{
    member_clear(m);
    m->start = p;
    m->tok_end = p + 1;
    if (p >= c->len)
        return WHY_NONE;
    gsize n, q;
    gunichar cp = cp_at(c, p, &n);
    gboolean allow_tail = FALSE;
    m->tok_end = p + n;

    if (cp < 0x80 && g_ascii_isdigit((char)cp)) {
        Reason r = jb_number_read_arabic(c, p, &m->value, &q);
        m->tok_end = q;
        if (r)
            return r;
        m->arabic = TRUE;
        m->is_int = m->value.exp10 == 0;
        allow_tail = !arabic_magnitude(c, p, m, &q);
    } else if ((cp == CP_BAI || cp == CP_QIAN || cp == CP_WAN) && AT(c, p + n, "分之")) {
        /* 百分之五点九, 千分之三, 万分之五 */
        JbDecimal den = {1, cp == CP_BAI ? 2 : cp == CP_QIAN ? 3 : 4};
        m->chinese = m->digit_char = TRUE;
        return jb_number_read_fraction_tail(c, den, p + n + strlen("分之"), m);
    } else if (cp == CP_FAN) {
        return read_fan(c, p, m);
    } else if (cp == CP_BAN &&
               (AT(c, p + n, "年") || AT(c, p + n, "个月") || AT(c, p + n, "個月")) &&
               !(p >= 3 && (AT(c, p - 3, "上") || AT(c, p - 3, "下") || AT(c, p - 3, "前") ||
                            AT(c, p - 3, "后") || AT(c, p - 3, "後") || AT(c, p - 3, "多")))) {
        /* 半年, 半个月: half a year (上半年 is a period, 一年半 a year and a half) */
        gsize ul = strlen(AT(c, p + n, "年") ? "年" : "个月"); /* 个月 and 個月: 6 bytes */
        m->value = (JbDecimal){5, -1};
        m->chinese = m->digit_char = m->fixed_unit = TRUE;
        set_unit(m, U_DURATION, c->t + p + n, ul);
        m->end = m->tok_end = p + n + ul;
        return WHY_OK;
    } else if (cp == CP_BAN || (cp == CP_YI && AT(c, p + n, "半"))) {
        /* 一半 is 50 %; 半 alone only after a hedge (过半, 近半); 半成 5 % (半成品: a word) */
        gboolean tenth = cp == CP_BAN && AT(c, p + n, "成") && !AT(c, p + n, "成品");
        gsize after = cp == CP_BAN ? p + n + (tenth ? strlen("成") : 0) : p + n + 3;
        if (!tenth && ((cp == CP_BAN && !hedged) || ban_is_word(c, after, p >= 3 ? p - 3 : p)))
            return WHY_NONE;
        m->value = (JbDecimal){tenth ? 5 : 50, 0};
        m->chinese = m->digit_char = m->fixed_unit = TRUE;
        set_unit(m, U_PLAIN, "%", 1);
        m->end = m->tok_end = after;
        return WHY_OK;
    } else if (cn_numeral(cp)) {
        Reason r = read_cn_member(c, p, m, &q, &allow_tail);
        if (r)
            return r;
    } else {
        return WHY_NONE;
    }

    /* X分之Y: 三分之一, 3分之2 */
    if (AT(c, q, "分之") && !m->infix_len) {
        JbDecimal den = m->value;
        gboolean was_chinese = m->chinese;
        member_clear(m);
        m->start = p;
        m->chinese = was_chinese;
        m->arabic = !was_chinese;
        m->digit_char = TRUE;
        m->tok_end = q;
        return jb_number_read_fraction_tail(c, den, q + strlen("分之"), m);
    }

    q = jb_number_infix(c, q, m);
    if (m->infix_len)
        allow_tail = TRUE; /* 二百余万, 十几万 */
    if (allow_tail) {
        gsize sp = skip_spaces(c, q), n2; /* 3 万家 */
        if (sp > q && sp < c->len && cp_at(c, sp, &n2) != CP_SHI && bare_magnitude_at(c, sp) &&
            !unit_starts_at(c, sp))
            q = sp;
        q = read_tail(c, q, m);
        q = jb_number_lower_after(c, q, m); /* 10亿7400万, 8万3千 */
    }
    if (m->tail_pow > 0 || m->mag_chars > 0)
        m->is_int = FALSE;
    if (!m->infix_len) {
        gsize before = q;
        q = jb_number_infix(c, q, m); /* 1万多家 */
        if (q > before && (allow_tail || m->tail_pow > 0))
            q = read_tail(c, q, m); /* 2万多亿元 */
    }
    m->tok_end = MAX(m->tok_end, q);
    m->end = q;

    return read_unit(c, p, q, m);
}

/* ASCII word characters of run_has_letter, by byte: RUN_CHAR for all of them (letters,
 * digits and . _ / : @ # & = ? + -), RUN_LETTER as well for a Latin letter. A table, not a
 * chain of compares: this runs for every byte of a run of digits. */
enum { RUN_CHAR = 1, RUN_LETTER = 2 };
#define RUN_LETTERS(from)                                                                          \
    [from] = 3, [from + 1] = 3, [from + 2] = 3, [from + 3] = 3, [from + 4] = 3, [from + 5] = 3,    \
    [from + 6] = 3, [from + 7] = 3, [from + 8] = 3, [from + 9] = 3, [from + 10] = 3,               \
    [from + 11] = 3, [from + 12] = 3
static const guint8 RUN_CLASS[256] = {
    RUN_LETTERS('A'), RUN_LETTERS('N'), RUN_LETTERS('a'), RUN_LETTERS('n'), ['0'] = 1,
    ['1'] = 1,        ['2'] = 1,        ['3'] = 1,        ['4'] = 1,        ['5'] = 1,
    ['6'] = 1,        ['7'] = 1,        ['8'] = 1,        ['9'] = 1,        ['.'] = 1,
    ['_'] = 1,        ['/'] = 1,        [':'] = 1,        ['@'] = 1,        ['#'] = 1,
    ['&'] = 1,        ['='] = 1,        ['?'] = 1,        ['+'] = 1,        ['-'] = 1,
};
#undef RUN_LETTERS

static inline guint run_class(char ch)
{
    return RUN_CLASS[(guchar)ch];
}

/* The run of ASCII word characters around i contains a Latin letter: 5G, A320, 4T4R, U23,
 * 5.67W, sz300024, a URL or a file name. Cached, so a long run is walked once per scan. */
static gboolean run_has_letter(Ctx *c, gsize i, gsize *run_end)
{
    if (!(i >= c->run_lo && i < c->run_hi)) {
        gsize a = i, b = i;
        int back = 0;
        gboolean letter = FALSE;
        guint classes = 0;
        while (a > 0 && back < 128 && run_class(c->t[a - 1])) {
            a--;
            back++;
            classes |= run_class(c->t[a]);
        }
        while (b < c->len && run_class(c->t[b])) {
            classes |= run_class(c->t[b]);
            b++;
        }
        letter = (classes & RUN_LETTER) != 0;
        c->run_lo = i;
        c->run_hi = b;
        c->run_letter = letter;
    }
    *run_end = c->run_hi;
    return c->run_letter;
}

/* Digits at p directly followed by a Latin unit that ends the run (5GB, 300kWh), with no
 * letter before them: a quantity, not a model name. */
static gboolean latin_quantity_at(const Ctx *c, gsize p)
{
    /* after a currency (RMB2.3bn, USD5m), letters before or after the digits are money */
    gboolean money = money_before(c, p);
    if (!money && p > 0 && (g_ascii_isalnum(c->t[p - 1]) || c->t[p - 1] == '.'))
        return FALSE;
    gsize q = p;
    while (q < c->len && (g_ascii_isdigit(c->t[q]) || c->t[q] == '.' || c->t[q] == ','))
        q++;
    int pw;
    if (q > p && q + 1 < c->len && (c->t[q] == '-' || c->t[q] == '~') && is_digit_at(c, q + 1)) {
        gsize h = q + 1; /* a range's low end: 110-120GW */
        while (h < c->len && (g_ascii_isdigit(c->t[h]) || c->t[h] == '.' || c->t[h] == ','))
            h++;
        if (latin_unit_at(c, h) != NULL)
            return TRUE;
    }
    return latin_unit_at(c, q) != NULL || w_for_wan_at(c, q) || letter_scale_at(c, q, &pw) ||
           jb_number_english_scale_at(c, q, money, &pw) > 0 ||
           (money && (q >= c->len || !g_ascii_isalnum(c->t[q])));
}

Reason jb_number_read_member(Ctx *c, gsize p, gboolean hedged, Member *m)
{
    gsize run_end;
    if (is_digit_at(c, p) && run_has_letter(c, p, &run_end) && !latin_quantity_at(c, p)) {
        member_clear(m);
        m->start = p;
        m->tok_end = MAX(run_end, p + 1);
        return WHY_MODEL;
    }
    return read_member(c, p, hedged, m);
}
