/* jb_number_unit_sense.c — what the unit after a number says the number is, where the unit
 * alone cannot tell: an hour or index points (点), a score or minutes (分), a year of the
 * Republic of China or a span of years (年), a reading on a natural scale or a grade (级),
 * how many tenths 成 says (四成四), and amounts that name a milestone (迈上5万亿元台阶). Asked by
 * read_unit (jb_number_member.c).
 *
 * Not for: reading the unit (jb_number_member.c), the tables of units (jb_number_tables.c).
 */
#include "jb_number_priv.h"

#include <string.h>

/* Is the 点 after the number at p (read into m; 点 ends at `after`) an hour (下午3点, 8点半,
 * 9点30分) rather than index points (报3282点, 升6点)? */
gboolean jb_number_time_of_day(const Ctx *c, gsize p, const Member *m, gsize after)
{
    /* a whole hour: 3, or a numeral's 十 (十点半, 二十点: 十 is its magnitude) */
    gint64 hour = m->value.exp10 == 0   ? m->value.mant
                  : m->value.exp10 == 1 ? m->value.mant * 10
                                        : -1;
    if (m->arabic ? !m->is_int || m->has_mag : m->value.exp10 < 0)
        return FALSE;
    if (hour < 0 || hour > 24)
        return FALSE;
    static const char *const AFTER[] = {"半", "钟", "鐘", "整", "许", "許", "前后", "前後", NULL};
    for (const char *const *w = AFTER; *w; w++)
        if (at_lit(c, after, *w, strlen(*w)))
            return TRUE;
    gsize d = after;
    while (d < c->len && g_ascii_isdigit(c->t[d]))
        d++;
    if (d > after && (AT(c, d, "分") || AT(c, d, "分钟")))
        return TRUE;
    static const char *const BEFORE[] = {"上午", "下午", "晚上", "凌晨", "早上",
                                         "中午", "傍晚", "晚间", "晚間", "夜间",
                                         "夜間", "早",   "晚",   "夜",   NULL};
    for (const char *const *w = BEFORE; *w; w++) {
        gsize n = strlen(*w);
        if (p >= n && same_bytes(c->t + p - n, *w, n))
            return TRUE;
    }
    return FALSE;
}

/* Is 分 after the number at p (read into m) a quantity (评分8.1分, 得分为92分, 以68分夺冠,
 * 等了30分) rather than a clock's minutes (9点30分)? A decimal is a score (a fraction of a
 * minute is never written); a whole number not after a clock's hour is points or minutes,
 * a quantity either way. (The words of scoring before it are still read: 评分 为 8分.) */
gboolean jb_number_score_before(const Ctx *c, gsize p, const Member *m)
{
    if (!m->arabic || m->has_mag)
        return FALSE;
    if (m->value.exp10 < 0)
        return TRUE;
    /* a whole number not after a clock's hour (9时30分, 10點15分): points (68分, 拿到24分) */
    gsize h = p;
    while (h > c->lo && c->t[h - 1] == ' ')
        h--;
    gboolean after_hour = FALSE;
    for (const char *const *w = (const char *const[]){"时", "時", "点", "點", NULL}; *w; w++)
        after_hour = after_hour || (h >= c->lo + 4 && same_bytes(c->t + h - 3, *w, 3) &&
                                    g_ascii_isdigit(c->t[h - 4]));
    if (!after_hour && !(h > c->lo && (c->t[h - 1] == ':' || c->t[h - 1] == '.')))
        return TRUE;
    static const char *const WORDS[] = {"评分", "評分", "得分", "打分", "总分", "總分",
                                        "满分", "滿分", "评价", "評價", NULL};
    gsize k = p;
    for (int round = 0; round < 2; round++) {
        for (const char *const *w = WORDS; *w; w++) {
            gsize n = strlen(*w);
            if (k >= n && same_bytes(c->t + k - n, *w, n))
                return TRUE;
        }
        if (!(k >= 3 && (same_bytes(c->t + k - 3, "为", 3) || same_bytes(c->t + k - 3, "為", 3) ||
                         same_bytes(c->t + k - 3, "达", 3) || same_bytes(c->t + k - 3, "達", 3) ||
                         same_bytes(c->t + k - 3, "是", 3))))
            break;
        k -= 3;
    }
    return FALSE;
}

/* A year of the Republic of China as Taiwan writes dates (民國114年, 114年11月, 114年第3季,
 * 114年度, 115年全年): 100 to 199 after 民國, or before a month, quarter, half, 度 or 全年. A span of years
 * is never followed by a month (判刑114年 is not said either). */
gboolean jb_number_roc_year(const Ctx *c, gsize p, gint64 n, gsize after)
{
    if (n < 100 || n > 199)
        return FALSE;
    if (p >= 6 && (same_bytes(c->t + p - 6, "民國", 6) || same_bytes(c->t + p - 6, "民国", 6)))
        return TRUE;
    gsize d = after;
    while (d < c->len && g_ascii_isdigit(c->t[d]) && d < after + 2)
        d++;
    if (d > after && (AT(c, d, "月") || AT(c, d, "至") || AT(c, d, "-")))
        return TRUE; /* 114年11月, 114年1至11月 */
    return AT(c, after, "度") || AT(c, after, "第") || AT(c, after, "上半年") ||
           AT(c, after, "下半年") || AT(c, after, "前") || AT(c, after, "全年");
}

/* Is the 级 after the digits at p (the unit ending at `after`) a reading on a natural scale —
 * wind force (风力15级, 东南风10～12级, 阵风16～17级, 9～11级大风) or an earthquake's magnitude
 * (5.2级地震) — rather than a grade (5A级, 三级响应)? */
gboolean jb_number_scale_level(const Ctx *c, gsize p, gsize after)
{
    static const char *const AFTER[] = {"大风", "阵风", "陣風", "地震", "风", "風", NULL};
    for (const char *const *w = AFTER; *w; w++)
        if (at_lit(c, after, *w, strlen(*w)))
            return TRUE;
    gsize k = p; /* back over a range's low end: 14～16级 */
    while (k > c->lo && (g_ascii_isdigit(c->t[k - 1]) || c->t[k - 1] == '.' || c->t[k - 1] == '~' ||
                         c->t[k - 1] == '-'))
        k--;
    for (int n = 0; n < 4 && k >= c->lo + 3; n++) {
        if (same_bytes(c->t + k - 3, "风", 3) || same_bytes(c->t + k - 3, "風", 3) ||
            same_bytes(c->t + k - 3, "震", 3))
            return TRUE;
        k -= 3; /* (风力有15级, 风力可达13级: a few characters between) */
        while (k > c->lo && ((guchar)c->t[k] & 0xC0) == 0x80)
            k--;
    }
    return FALSE;
}

/* 四成四: four and four tenths of ten (44 %) — the digit after 成 (at q) of a member read as
 * tenths; one digit only (四成四十万 is no share). Where the member ends now. */
gsize jb_number_tenth_after(const Ctx *c, gsize q, Member *m)
{
    if (m->value.exp10 != 0 || m->value.mant < 0 || m->value.mant >= 10 || q >= c->len)
        return q;
    static const char *const DIGITS[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int d = g_ascii_isdigit(c->t[q]) && c->t[q] != '0' ? c->t[q] - '0' : 0;
    gsize dl = d ? 1 : 0;
    for (int k = 0; k < 9 && !d; k++)
        if (at_lit(c, q, DIGITS[k], strlen(DIGITS[k])))
            d = k + 1, dl = strlen(DIGITS[k]);
    gsize r = q + dl;
    gboolean alone = r >= c->len ||
                     (!g_ascii_isdigit(c->t[r]) && c->t[r] != '.' && !AT(c, r, "十") &&
                      !AT(c, r, "百") && !AT(c, r, "千") && !AT(c, r, "万") && !AT(c, r, "萬") &&
                      !AT(c, r, "亿") && !AT(c, r, "億") && !AT(c, r, "成"));
    for (int k = 0; k < 9 && alone; k++)
        alone = !at_lit(c, r, DIGITS[k], strlen(DIGITS[k]));
    if (!d || !alone)
        return q;
    m->value.mant = m->value.mant * 10 + d;
    m->value.exp10 = -1;
    return r;
}

/* 迈上5万亿元、6万亿元台阶, 跨越两个千亿元台阶: amounts (and their count) naming milestones
 * passed, classes like 千亿级 (the figure itself, if any, is stated beside them): q is past a
 * member's unit, and what follows is amounts (digits, numerals, 元, 、) up to 台阶. */
gboolean jb_number_milestone_at(const Ctx *c, gsize q)
{
    for (int k = 0; k < 16 && q < c->len; k++) {
        if (AT(c, q, "台阶") || AT(c, q, "臺階"))
            return TRUE;
        gsize n;
        gunichar cp = cp_at(c, q, &n);
        /* (an amount's characters: digits, numerals, magnitudes, 元, and the marks of a list) */
        if (!(cp < 0x80 ? g_ascii_isdigit((int)cp) || cp == '.'
                        : cn_numeral(cp) || cp == 0x5143 /* 元 */ || cp == 0x3001 /* 、 */ ||
                              cp == 0x548C /* 和 */))
            return FALSE;
        q += n;
    }
    return FALSE;
}
