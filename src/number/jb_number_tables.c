/* jb_number_tables.c — the tables the number scanner reads: hedge words, the characters a
 * number can begin with, and the indexes of these and of the units (templates/units.tsv,
 * compiled into build/gen/jb_units_gen.c), built once for the process by
 * jb_number_tables_init().
 *
 * Adding a hedge word is an edit here, a unit an edit of templates/units.tsv; what a table
 * means is in jb_number_priv.h.
 *
 * Not for: the reading itself (jb_number.c, jb_number_member.c).
 */
#include "jb_number_priv.h"

#include <string.h>

/* Time units that may follow a '/' in a rate: 万吨/年, 公里/小时 */
const char *const JB_PER_TIME[] = {"年", "月", "日",   "天", "小时",
                                   "秒", "周", "季度", "度" /* 元/度: a kilowatt-hour */};

guint8 jb_unit_canon_len[JB_UNITS_MAX];  /* strlen of canon, or of text without one */
UnitIndex jb_unit_short;                 /* one character, by unit_hash */
UnitIndex jb_unit_long;                  /* two characters or more, by unit_hash2 */
guint8 jb_unit_long_first[UNIT_BUCKETS]; /* some long unit begins with unit_hash h */
guint64 jb_currency_by_last[256];        /* bit k: JB_CURRENCIES[k] ends in byte b */
guint64 jb_currency_by_first[256];       /* bit k: JB_CURRENCIES[k] begins with byte b */

/* Each unit's bucket in the index of one-character units (short) or in that of longer ones
 * (long), -1 in the other: worked out once for both indexes, not in each of their passes. */
static void unit_buckets(int *short_b, int *long_b)
{
    for (gsize k = 0; k < JB_N_UNITS; k++) {
        const guchar *t = (const guchar *)JB_UNITS[k].text;
        gsize len = JB_UNITS[k].len, k1 = unit_char_len(t, len);
        guint h1 = unit_hash(t, len);
        short_b[k] = len > k1 ? -1 : (int)h1;
        long_b[k] = len > k1 ? (int)unit_hash2(h1, t, k1, len) : -1;
    }
}

static void build_one_unit_index(UnitIndex *ix, const int *bucket, guint nb)
{
    guint count[UNIT2_BUCKETS + 1] = {0};
    for (gsize k = 0; k < JB_N_UNITS; k++)
        if (bucket[k] >= 0)
            count[bucket[k]]++;
    guint at = 0;
    for (guint b = 0; b < nb; b++) {
        ix->start[b] = (guint16)at;
        at += count[b];
        count[b] = ix->start[b];
    }
    ix->start[nb] = (guint16)at;
    for (gsize k = 0; k < JB_N_UNITS; k++)
        if (bucket[k] >= 0)
            ix->items[count[bucket[k]]++] = (guint16)k;
    /* longest first in each bucket, so the first match is the longest (insertion sort, stable) */
    for (guint b = 0; b < nb; b++) {
        for (guint k = ix->start[b] + 1u; k < ix->start[b + 1]; k++) {
            guint16 item = ix->items[k];
            guint j = k;
            for (; j > ix->start[b] && JB_UNITS[ix->items[j - 1]].len < JB_UNITS[item].len; j--)
                ix->items[j] = ix->items[j - 1];
            ix->items[j] = item;
        }
    }
}

static void build_unit_index(void)
{
    for (gsize k = 0; k < JB_N_UNITS; k++)
        jb_unit_canon_len[k] = (guint8)(JB_UNITS[k].canon ? strlen(JB_UNITS[k].canon)
                                                          : JB_UNITS[k].len);
    /* zeroed, though unit_buckets() writes every entry read: gcc -O1 (the sanitizer build)
     * cannot see that and warns */
    int short_b[JB_UNITS_MAX] = {0}, long_b[JB_UNITS_MAX] = {0};
    unit_buckets(short_b, long_b);
    build_one_unit_index(&jb_unit_short, short_b, UNIT_BUCKETS);
    build_one_unit_index(&jb_unit_long, long_b, UNIT2_BUCKETS);
    /* skip_date_digits() knows these by heart: 年 after four digits and 月 are dates, 日
     * after digits too, and 日元 日圓 日圆 the units that begin like them */
    for (gsize k = 0; k < JB_N_UNITS; k++)
        if (strncmp(JB_UNITS[k].text, "年", 3) == 0 || strncmp(JB_UNITS[k].text, "月", 3) == 0 ||
            strncmp(JB_UNITS[k].text, "日", 3) == 0)
            g_assert(g_str_has_prefix(JB_UNITS[k].text, "日元") ||
                     g_str_has_prefix(JB_UNITS[k].text, "日圓") ||
                     g_str_has_prefix(JB_UNITS[k].text, "日圆") ||
                     g_str_has_prefix(JB_UNITS[k].text, "日历") ||
                     g_str_has_prefix(JB_UNITS[k].text, "日曆") || JB_UNITS[k].len == 3);
    for (gsize k = 0; k < JB_N_UNITS; k++)
        if (long_b[k] >= 0)
            jb_unit_long_first[unit_hash((const guchar *)JB_UNITS[k].text, JB_UNITS[k].len)] = 1;
    for (gsize k = 0; k < JB_N_CURRENCIES; k++) {
        jb_currency_by_last[(guchar)JB_CURRENCIES[k].text[JB_CURRENCIES[k].len - 1]] |=
            G_GUINT64_CONSTANT(1) << k;
        jb_currency_by_first[(guchar)JB_CURRENCIES[k].text[0]] |= G_GUINT64_CONSTANT(1) << k;
    }
}

#define QD(s, b)                                                                                   \
    {                                                                                              \
        s, sizeof(s) - 1, b                                                                        \
    }

/* Longest first, so 不超过 is found before 超过 and 超. */
const QualDef JB_PREFIX_QUALS[] = {
    QD("最高可达", JB_BOUND_AT_MOST),
    QD("最高可達", JB_BOUND_AT_MOST),
    QD("最高达", JB_BOUND_AT_MOST),
    QD("最高達", JB_BOUND_AT_MOST),
    QD("不超过", JB_BOUND_AT_MOST),
    QD("不少于", JB_BOUND_AT_LEAST),
    QD("不低于", JB_BOUND_AT_LEAST),
    QD("不高于", JB_BOUND_AT_MOST),
    QD("不多于", JB_BOUND_AT_MOST),
    QD("不大于", JB_BOUND_AT_MOST),
    QD("不小于", JB_BOUND_AT_LEAST),
    QD("将近", JB_BOUND_AT_MOST),
    QD("接近", JB_BOUND_AT_MOST),
    QD("超过了", JB_BOUND_AT_LEAST), /* 已经超过了五百二十万张: said aloud */
    QD("超过", JB_BOUND_AT_LEAST),
    QD("突破", JB_BOUND_AT_LEAST),
    QD("首破", JB_BOUND_AT_LEAST), /* 在校生首破150万: past it for the first time */
    QD("高于", JB_BOUND_AT_LEAST),
    QD("大于", JB_BOUND_AT_LEAST),
    QD("多于", JB_BOUND_AT_LEAST),
    QD("至少", JB_BOUND_AT_LEAST),
    QD("最少", JB_BOUND_AT_LEAST),
    QD("最低", JB_BOUND_AT_LEAST),
    QD("不足", JB_BOUND_AT_MOST),
    QD("不到", JB_BOUND_AT_MOST),
    QD("最高", JB_BOUND_AT_MOST),
    QD("最多", JB_BOUND_AT_MOST),
    QD("至多", JB_BOUND_AT_MOST),
    QD("小于", JB_BOUND_AT_MOST),
    QD("低于", JB_BOUND_AT_MOST),
    QD("少于", JB_BOUND_AT_MOST),
    QD("大概是", JB_BOUND_ABOUT),
    QD("差不多", JB_BOUND_ABOUT),
    QD("大约", JB_BOUND_ABOUT),
    QD("大概", JB_BOUND_ABOUT),
    QD("约为", JB_BOUND_ABOUT),
    QD("约合", JB_BOUND_ABOUT),
    QD("约有", JB_BOUND_ABOUT),
    QD("超", JB_BOUND_AT_LEAST),
    QD("逾", JB_BOUND_AT_LEAST),
    QD("近", JB_BOUND_AT_MOST),
    QD("约", JB_BOUND_ABOUT),
    QD("过", JB_BOUND_AT_LEAST),
    QD("破", JB_BOUND_AT_LEAST), /* 零售破2200万辆: 突破 in a headline (not 跌破, 击破) */
    /* as many as, as high as: said with emphasis, still the figure itself */
    QD("多达", JB_BOUND_EXACT),
    QD("高达", JB_BOUND_EXACT),
    /* traditional script */
    QD("不超過", JB_BOUND_AT_MOST),
    QD("不少於", JB_BOUND_AT_LEAST),
    QD("不低於", JB_BOUND_AT_LEAST),
    QD("不高於", JB_BOUND_AT_MOST),
    QD("將近", JB_BOUND_AT_MOST),
    QD("超過", JB_BOUND_AT_LEAST),
    QD("高於", JB_BOUND_AT_LEAST),
    QD("多於", JB_BOUND_AT_LEAST),
    QD("低於", JB_BOUND_AT_MOST),
    QD("少於", JB_BOUND_AT_MOST),
    QD("大約", JB_BOUND_ABOUT),
    QD("約為", JB_BOUND_ABOUT),
    QD("約有", JB_BOUND_ABOUT),
    QD("約", JB_BOUND_ABOUT),
    QD("過", JB_BOUND_AT_LEAST),
    QD("多達", JB_BOUND_EXACT),
    QD("高達", JB_BOUND_EXACT),
};

/* jb_number_look_back runs at every number, and trying each prefix hedge there in turn was a
 * third of the scanner's time. Bit i of jb_prefix_by_last[b] says JB_PREFIX_QUALS[i] ends in byte b, so a
 * number with no hedge before it costs one table look-up; the bits keep the table's order. */
G_STATIC_ASSERT(G_N_ELEMENTS(JB_PREFIX_QUALS) <= 64);
guint64 jb_prefix_by_last[256];
/* and bit i of jb_prefix_by_first[h]: JB_PREFIX_QUALS[i] begins with a character of unit_hash h */
guint64 jb_prefix_by_first[UNIT_BUCKETS];

const QualDef JB_SUFFIX_QUALS[] = {
    QD("以上", JB_BOUND_AT_LEAST), QD("以下", JB_BOUND_AT_MOST), QD("以内", JB_BOUND_AT_MOST),
    QD("左右", JB_BOUND_ABOUT),    QD("上下", JB_BOUND_ABOUT),   QD("前后", JB_BOUND_ABOUT),
    QD("有余", JB_BOUND_AT_LEAST), QD("附近", JB_BOUND_ABOUT), /* 在每桶71美元附近徘徊 */
};

/* Likewise after the number: bit i of jb_suffix_by_hash[h] says JB_SUFFIX_QUALS[i] begins with a
 * character of unit_hash h. */
G_STATIC_ASSERT(G_N_ELEMENTS(JB_SUFFIX_QUALS) <= 8);
guint8 jb_suffix_by_hash[UNIT_BUCKETS];

static void build_qual_index(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(JB_PREFIX_QUALS); i++) {
        const QualDef *q = &JB_PREFIX_QUALS[i];
        jb_prefix_by_last[(guchar)q->text[q->len - 1]] |= G_GUINT64_CONSTANT(1) << i;
        jb_prefix_by_first[unit_hash((const guchar *)q->text, q->len)] |= G_GUINT64_CONSTANT(1)
                                                                          << i;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(JB_SUFFIX_QUALS); i++) {
        const QualDef *q = &JB_SUFFIX_QUALS[i];
        jb_suffix_by_hash[unit_hash((const guchar *)q->text, q->len)] |= (guint8)(1u << i);
    }
}

/* Characters a number can begin with, by their UTF-8 lead byte (E3 〇, E4–E9 the rest). */
static gboolean trigger_cp(gunichar cp)
{
    return cn_numeral(cp) || cp == CP_BAN || cp == CP_FAN;
}

/* trigger_cp of U+3000..U+9FFF (lead bytes E3..E9, where every trigger lies) as a bit set,
 * so the scanner passes over the other CJK characters without decoding them twice. */
#define TRIGGER_LO 0x3000u
#define TRIGGER_HI 0xA000u
static guint8 trigger_bits[(TRIGGER_HI - TRIGGER_LO) / 8];

static gboolean trigger_bit(gunichar cp)
{
    return (trigger_bits[(cp - TRIGGER_LO) >> 3] >> ((cp - TRIGGER_LO) & 7)) & 1;
}

/* What a three-byte lead (E0..EF) and a second byte are: not a character's start (the
 * second byte is no continuation byte), the start of some trigger, or plain. jb_pair_class
 * is built from it. */
enum { PAIR_PLAIN, PAIR_TRIGGER, PAIR_INVALID };

guint8 jb_pair_class[1 << 16];
guint64 jb_pair_thirds[MAX_TRIGGER_PAIRS];

static void build_trigger_bits(void)
{
    /* every character trigger_cp() accepts (checked in debug builds): trying all 28672 code
     * points of the range instead cost a million instructions at start-up */
    static const gunichar triggers[] = {
        CP_LING2,        CP_LING,         CP_YI,           0x4E8C /* 二 */, 0x4E24 /* 两 */,
        0x5169 /* 兩 */, 0x4E09 /* 三 */, 0x56DB /* 四 */, 0x4E94 /* 五 */, 0x516D /* 六 */,
        0x4E03 /* 七 */, 0x516B /* 八 */, 0x4E5D /* 九 */, CP_SHI,          CP_BAI,
        CP_QIAN,         CP_WAN,          CP_WAN2,         CP_YIS,          CP_YIS2,
        CP_BAN,          CP_FAN,
    };
    for (gsize i = 0; i < G_N_ELEMENTS(triggers); i++) {
        gunichar cp = triggers[i];
        g_assert(trigger_cp(cp) && cp >= TRIGGER_LO && cp < TRIGGER_HI);
        trigger_bits[(cp - TRIGGER_LO) >> 3] |= (guint8)(1u << ((cp - TRIGGER_LO) & 7));
    }
    guint n_trigger_pairs = 0;
    for (guint lead = 0xE0; lead <= 0xEF; lead++) {
        for (guint second = 0; second < 256; second++) {
            guint8 kind = PAIR_INVALID;
            if ((second & 0xC0) == 0x80) {
                gunichar first = ((lead & 0x0F) << 12) | ((second & 0x3F) << 6);
                kind = PAIR_PLAIN;
                for (gunichar cp = first; cp < first + 64; cp += 8) /* a byte of bits each */
                    if (cp >= TRIGGER_LO && cp < TRIGGER_HI && trigger_bits[(cp - TRIGGER_LO) >> 3])
                        kind = PAIR_TRIGGER;
            }
            const guchar bytes[2] = {(guchar)lead, (guchar)second};
            guint cls = kind == PAIR_PLAIN ? PAIR_CLASS_PLAIN : PAIR_CLASS_OTHER;
            if (kind == PAIR_TRIGGER) {
                g_assert(n_trigger_pairs < MAX_TRIGGER_PAIRS);
                gunichar first = ((lead & 0x0F) << 12) | ((second & 0x3F) << 6);
                for (guint third = 0; third < 64; third++)
                    if (first + third >= TRIGGER_LO && first + third < TRIGGER_HI &&
                        trigger_bit(first + third))
                        jb_pair_thirds[n_trigger_pairs] |= G_GUINT64_CONSTANT(1) << third;
                cls = PAIR_CLASS_TRIGGER + n_trigger_pairs++;
            }
            jb_pair_class[pair_word(bytes)] = (guint8)cls;
        }
    }
}

/* The static look-up tables, built once for the process. */
void jb_number_tables_init(void)
{
    static gsize done = 0;
    /* an acquire load first: g_once_init_enter is a call, and this runs at every scan */
    if (G_LIKELY(__atomic_load_n(&done, __ATOMIC_ACQUIRE)))
        return;
    if (g_once_init_enter(&done)) {
        build_unit_index();
        build_qual_index();
        build_trigger_bits();
        g_once_init_leave(&done, 1);
    }
}
