/* jb_number_hedge.c — hedge words around a number: before it (超过, 近, 约, 最高不超过, 上百,
 * a sign, 零下, a currency; 第 and weekdays say it is no quantity) and after it (以上, 左右),
 * each with the bound it gives, and the single characters that only end a longer word (最近,
 * 签约, 通过).
 *
 * Not for: reading the number itself (jb_number_member.c), ranges and lists (jb_number.c).
 */
#include "jb_number_priv.h"

#include <string.h>

/* A single-character hedge that is really the end of a longer word: 最近 附近 (recently,
 * nearby), 节约 签约 (save, sign), 赶超 (catch up), 買超 賣超 (net buying, selling), 通过 经过
 * (through), 跌破 打破 (below, break). `at` is where the hedge word starts, `num` where the numeral starts. */
static gboolean qual_blocked(const Ctx *c, const QualDef *q, gsize at, gsize num)
{
    if (q->len != 3)
        return FALSE;
    if (AT(c, at, "近"))
        return prev_char_in(c, at, "最附邻靠贴亲就鄰靠貼親");
    if (AT(c, at, "约") || AT(c, at, "約"))
        return prev_char_in(c, at, "节制签预公契条相合违婚特邀履隐節簽預條違隱") &&
               !(at >= 6 && prev_char_in(c, at, "合") && prev_char_in(c, at - 3, "折"));
    /* (折合约38.6亿美元: converted, about; 合约 is a contract) */
    if (AT(c, at, "破")) /* 跌破 (below), 击破 打破 冲破 识破 看破 说破 道破 攻破 爆破 */
        return prev_char_in(c, at, "跌击擊打冲衝识識看说說道攻爆突残殘");
    if (AT(c, at, "超")) {
        if (prev_char_in(c, at, "赶趕買賣买"))
            return TRUE; /* (買超, 賣超: a market's net buying and selling) */
        /* 出超, 入超: a trade surplus, a deficit — not 收入超, 支出超, 投入超, 输出超 */
        if (at >= 6 && prev_char_in(c, at, "入"))
            return !prev_char_in(c, at - 3, "收投输輸流注融纳納进進加深汇匯介录錄");
        if (at >= 6 && prev_char_in(c, at, "出"))
            return !prev_char_in(c, at - 3, "支输輸产產付流演推售卖賣提派杰傑突日外");
        return prev_char_in(c, at, "出入");
    }
    if (AT(c, at, "过") || AT(c, at, "過")) {
        /* only 过百 过千 过万 过亿 过半 and tenths (进度过八成): "过1000家" is rare, "通过30项"
         * is common */
        gsize n;
        if (num >= c->len)
            return TRUE;
        gunichar cp = cp_at(c, num, &n);
        gboolean tenths = cn_digit(cp) > 0 && AT(c, num + n, "成");
        if (!(cp == CP_BAN || tenths || (bare_magnitude_at(c, num) && cp != CP_SHI)))
            return TRUE;
        if (tenths) /* (度过 spends a time, never tenths: 进度过八成 is past them) */
            return prev_char_in(c, at, "通经不越跨错路滤难胜闯穿放超經難勝闖錯濾");
        return prev_char_in(c, at, "通经不越跨度错路滤难胜闯穿放超經難勝闖錯濾");
    }
    return FALSE;
}

/* The first prefix hedge (in table order) that ends exactly at k, not before c->lo and not
 * blocked as part of a longer word; NULL when none. `num` is where the numeral starts. */
const QualDef *jb_number_prefix_qual_before(const Ctx *c, gsize k, gsize num)
{
    if (k == 0)
        return NULL;
    for (guint64 bits = jb_prefix_by_last[(guchar)c->t[k - 1]]; bits; bits &= bits - 1) {
        const QualDef *q = &JB_PREFIX_QUALS[__builtin_ctzll(bits)];
        if (before_lit(c, k, c->lo, q->text, q->len) && !qual_blocked(c, q, k - q->len, num))
            return q;
    }
    return NULL;
}

/* Digits at p run into 万 or 亿 (人民币28.76亿) */
static gboolean magnitude_follows(const Ctx *c, gsize p)
{
    while (p < c->len && (g_ascii_isdigit(c->t[p]) || c->t[p] == '.' || c->t[p] == ','))
        p++;
    return AT(c, p, "万") || AT(c, p, "亿") || AT(c, p, "萬") || AT(c, p, "億");
}

/* 零下 before digits at p (零下3.5℃, 零下5至零下2℃): below zero. Its length when digits follow
 * it, else 0. The one place the word is read: before a number (jb_number_look_back), before a range's
 * upper end (read_range), and at the start of a whole expression (jb_number_parse). */
gsize jb_number_below_zero_at(const Ctx *c, gsize p)
{
    return AT(c, p, "零下") && is_digit_at(c, p + strlen("零下")) ? strlen("零下") : 0;
}

/* Is the numeral at p a later member of a list of ordinals sharing one 第 (分列第二、三位,
 * 第1、2名): 、 before it, and before that a numeral of up to 3 characters after 第? */
static gboolean ordinal_member(const Ctx *c, gsize p)
{
    if (!before_lit(c, p, 0, "、", strlen("、")))
        return FALSE;
    gsize k = p - strlen("、");
    for (int n = 0; n < 3 && k > c->lo; n++) {
        gsize b = k - 1;
        while (b > c->lo && (c->t[b] & 0xC0) == 0x80)
            b--; /* (back to the character's first byte) */
        gsize len;
        if (!g_ascii_isdigit(c->t[b]) && !cn_numeral(cp_at(c, b, &len)))
            break;
        k = b;
    }
    return k < p - strlen("、") && before_lit(c, k, 0, "第", strlen("第"));
}

/* Hedge words before the numeral at p: 第 (fails), a sign, 上/数/几 (上百), and up to three
 * prefix words (最高不超过). Sets e->start, the qualifier and e->hedged. */
Reason jb_number_look_back(const Ctx *c, gsize p, Expr *e)
{
    gsize s = p;
    if (before_lit(c, p, 0, "第", strlen("第")) || ordinal_member(c, p))
        return WHY_ORDINAL;
    /* (literals, not a list: their lengths are known) */
    if (!is_digit_at(c, p) &&
        (before_lit(c, p, 0, "星期", strlen("星期")) ||
         before_lit(c, p, 0, "礼拜", strlen("礼拜")) ||
         before_lit(c, p, 0, "禮拜", strlen("禮拜")) || before_lit(c, p, 0, "周", strlen("周")) ||
         before_lit(c, p, 0, "週", strlen("週"))))
        return WHY_DATE; /* 星期五, 周三: a weekday */
    gsize n;
    gunichar cp = cp_at(c, p, &n);
    /* -3.5% (a sign, not a dash after a digit, letter or %), and ±1100千伏 (ignored) */
    if (g_ascii_isdigit((char)(cp < 0x80 ? cp : 0)) && s > c->lo &&
        (c->t[s - 1] == '-' || c->t[s - 1] == '+')) {
        gsize k = s - 1;
        gboolean after_value = FALSE;
        if (k > 0) {
            char pc = c->t[k - 1];
            after_value = g_ascii_isalnum(pc) || pc == '%' || pc == '.' || pc == ')';
            gsize pn;
            gsize ps = k - 1;
            while (ps > 0 && ((guchar)c->t[ps] & 0xC0) == 0x80)
                ps--;
            if ((guchar)c->t[ps] >= 0x80 && cn_numeral(cp_at(c, ps, &pn)))
                after_value = TRUE;
        }
        if (!after_value) {
            e->negative = c->t[s - 1] == '-';
            s = k;
        }
    } else if (before_lit(c, s, c->lo, "±", strlen("±"))) {
        s -= strlen("±"); /* ±1100千伏: a DC line's rating, the value is 1100 */
    } else if (s >= c->lo + strlen("零下") && jb_number_below_zero_at(c, s - strlen("零下"))) {
        s -= strlen("零下"); /* 零下3.5℃: below zero */
        e->negative = TRUE;
    }
    /* a currency before the digits (US$479.6, 约HK$612亿, RMB 2.3): part of the expression,
     * so a hedge before it is found; 人民币 only before 万 or 亿 (美元兑人民币7.1 is a rate) */
    if (s == p && g_ascii_isdigit((char)(cp < 0x80 ? cp : 0)) && currency_may_end_at(c, p)) {
        gsize at;
        const UnitDef *cur = jb_number_currency_before(c, p, &at);
        if (cur && (cur->kind == CUR_SIGN || magnitude_follows(c, p))) {
            e->currency = cur;
            s = at;
        }
    }
    /* 上百 数百 几十 上万: the round number, at least */
    if (bare_magnitude(cp) && s == p) {
        static const struct {
            const char *w;
            const char *not_after; /* 以上 线上 参数 指数 …: the word before owns the char */
        } approx[] = {
            {"上", "以线网马向之加在市于晚早北往身面手台世路场海天地会上千史跟赶登迈站升冲"},
            {"数", "参指总人次基倍户件个位分系函变常家台项款无多少半岁字算度礼天日年票"},
            {"几", "未庶"},
        };
        for (gsize i = 0; i < G_N_ELEMENTS(approx); i++) {
            gsize wl = strlen(approx[i].w);
            if (before_lit(c, p, c->lo, approx[i].w, wl) &&
                !prev_char_in(c, p - wl, approx[i].not_after)) {
                if (cp == CP_SHI && i == 0)
                    break; /* 上十 is not said */
                s = p - wl;
                e->qual_at = s;
                e->qual_len = wl;
                e->bound = JB_BOUND_AT_LEAST;
                e->hedged = TRUE;
                break;
            }
        }
    }
    /* prefix hedges; the one nearest the number is reported */
    for (int round = 0; round < 3; round++) {
        gsize k = s;
        while (k > c->lo && c->t[k - 1] == ' ')
            k--;
        const QualDef *found = jb_number_prefix_qual_before(c, k, p);
        if (!found && round == 0 && k >= c->lo + 3 &&
            (before_lit(c, k, c->lo, "了", 3) || before_lit(c, k, c->lo, "有", 3))) {
            /* said aloud: 今年已经突破了6000万件, 总面积大概有38万平方米 (a hedge of two
             * characters or more, then 了 or 有) */
            found = jb_number_prefix_qual_before(c, k - 3, p);
            if (found && (found->len < 6 || found->bound == JB_BOUND_EXACT))
                found = NULL;
            else if (found)
                k -= 3;
        }
        if (!found)
            break;
        s = k - found->len;
        if (e->qual_len == 0) {
            e->qual_at = s;
            e->qual_len = found->len;
            e->bound = (JbBound)found->bound;
        }
        e->hedged = TRUE;
    }
    e->start = s;
    return WHY_OK;
}

/* A hedge after the number: 以上 以下 左右 … (not 上下游). */
void jb_number_read_hedge_after(const Ctx *c, Expr *e)
{
    guint suffixes =
        e->end < c->len
            ? jb_suffix_by_hash[unit_hash((const guchar *)c->t + e->end, c->len - e->end)]
            : 0;
    for (; suffixes; suffixes &= suffixes - 1) {
        const QualDef *qd = &JB_SUFFIX_QUALS[__builtin_ctz(suffixes)];
        if (at_lit(c, e->end, qd->text, qd->len)) {
            if (qd->bound == JB_BOUND_ABOUT && AT(c, e->end, "上下") &&
                (AT(c, e->end + 6, "游") || AT(c, e->end + 6, "级") || AT(c, e->end + 6, "班") ||
                 AT(c, e->end + 6, "文") || AT(c, e->end + 6, "楼")))
                break; /* 上下游 */
            if (e->qual_len == 0) {
                e->qual_at = e->end;
                e->qual_len = qd->len;
                e->bound = (JbBound)qd->bound;
            }
            e->hedged = TRUE;
            e->end += qd->len;
            break;
        }
    }
}
