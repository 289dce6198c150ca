/* jb_number_tables.c — the tables the number scanner reads: units (and the words that begin
 * like one), hedge words, the characters a number can begin with, and their indexes, built
 * once for the process by jb_number_tables_init().
 *
 * Adding a unit or a hedge word is an edit here; what a table means is in jb_number_priv.h.
 *
 * Not for: the reading itself (jb_number.c, jb_number_member.c).
 */
#include "jb_number_priv.h"

#include <string.h>

#define UD(s, k, canon) {s, sizeof(s) - 1, k, canon}
#define UP(s) UD(s, U_PLAIN, NULL)

/* The longest match wins, so 个百分点 beats 个, 千瓦时 beats 千瓦, 人次 beats 人, 成为 (a word)
 * beats 成. Units starting with 百/千 (百分点, 千瓦, 千米 …) are tried before 百/千 is taken
 * as a magnitude: 5千瓦 is 5 kW, 1千万 is 10^7. */
const UnitDef JB_UNITS[] = {
    /* money */
    UP("元"), UP("美元"), UP("欧元"), UP("港元"), UP("日元"), UP("英镑"), UP("韩元"),
    UP("澳元"), UP("加元"), UP("卢布"), UP("港币"), UD("人民币", U_PLAIN, "元"),
    UD("元人民币", U_PLAIN, "元"),
    /* counts */
    UP("家"), UP("个"), UP("项"), UP("款"), UP("台"), UP("套"), UP("台（套）"),
    UD("台(套)", U_PLAIN, "台（套）"), UP("台套"), UP("辆"), UP("辆次"), UP("人"), UP("人次"),
    UP("名"), UP("位"), UP("张"), UP("座"), UP("条"), UP("户"), UP("件"), UP("部"),
    UP("部委"), UP("部门"), UP("所"), UP("种"), UP("篇"), UP("头"), UP("只"), UP("份"),
    UP("次"), UP("艘"), UP("架"), UP("架次"), UP("颗"), UP("块"), UP("片"), UP("枚"),
    UP("支"), UP("根"), UP("株"), UP("棵"), UP("批次"), UP("例"), UP("宗"), UP("笔"),
    UP("栋"), UP("幢"), UP("处"), UP("标准箱"), UP("标准机架"), UP("机架"), UP("起"),
    /* area, length, volume, mass, energy, power */
    UP("亩"), UP("公顷"), UP("平方米"), UP("平米"), UP("平方公里"), UP("立方米"),
    UP("公里"), UP("千米"), UP("米"), UP("厘米"), UP("毫米"), UP("微米"), UP("纳米"),
    UP("吨"), UP("千克"), UP("公斤"), UP("克"), UP("斤"), UP("桶"), UP("千瓦"),
    UP("千瓦时"), UP("兆瓦"), UP("兆瓦时"), UP("吉瓦"), UP("瓦"), UP("千伏"), UP("伏"),
    UP("千伏安"),
    /* ratios */
    UP("%"), UD("‰", U_PERMILLE, "%"), UP("个百分点"), UD("百分点", U_PLAIN, "个百分点"),
    UP("倍"), UD("成", U_TENTH, "%"),
    /* dates, times, labels */
    UD("年", U_DATE, NULL), UD("月", U_DATE, NULL), UD("日", U_DATE, NULL),
    UD("号", U_DATE, NULL), UD("号线", U_DATE, NULL), UD("世纪", U_DATE, NULL),
    UD("季度", U_DATE, NULL), UD("个季度", U_DATE, NULL), UD("楼", U_DATE, NULL),
    UD("路", U_DATE, NULL), UD("后", U_DATE, NULL), UD("时", U_TIME, NULL),
    UD("点", U_TIME, NULL), UD("分", U_TIME, NULL), UD("秒", U_TIME, NULL),
    /* durations */
    UD("天", U_DURATION, NULL), UD("周", U_DURATION, NULL), UD("小时", U_DURATION, NULL),
    UD("分钟", U_DURATION, NULL), UD("个月", U_DURATION, NULL), UD("岁", U_DURATION, NULL),
    UD("周岁", U_DURATION, NULL), UD("个小时", U_DURATION, NULL),
    UD("个工作日", U_DURATION, NULL),
    /* classes and editions */
    UD("级", U_CLASS, NULL), UD("代", U_CLASS, NULL), UD("届", U_CLASS, NULL),
    UD("期", U_CLASS, NULL), UD("版", U_CLASS, NULL), UD("维", U_CLASS, NULL),
    UD("星", U_CLASS, NULL), UD("环", U_CLASS, NULL), UD("强", U_CLASS, NULL),
    /* words that begin with a unit character: a number before them is not a quantity */
    UD("元素", U_WORD, NULL), UD("元件", U_WORD, NULL), UD("元旦", U_WORD, NULL),
    UD("元锂", U_WORD, NULL), UD("元材料", U_WORD, NULL), UD("元前驱", U_WORD, NULL),
    UD("元电池", U_WORD, NULL), UD("元正极", U_WORD, NULL), UD("元化", U_WORD, NULL),
    UD("元宇宙", U_WORD, NULL), UD("元结构", U_WORD, NULL), UD("元一次", U_WORD, NULL),
    UD("成为", U_WORD, NULL), UD("成本", U_WORD, NULL), UD("成员", U_WORD, NULL),
    UD("成果", U_WORD, NULL), UD("成交", U_WORD, NULL), UD("成效", U_WORD, NULL),
    UD("成立", U_WORD, NULL), UD("成都", U_WORD, NULL), UD("成熟", U_WORD, NULL),
    UD("成长", U_WORD, NULL), UD("成功", U_WORD, NULL), UD("成品", U_WORD, NULL),
    UD("成不变", U_WORD, NULL), UD("成群", U_WORD, NULL), UD("部分", U_WORD, NULL),
    UD("部署", U_WORD, NULL), UD("部长", U_WORD, NULL), UD("所有", U_WORD, NULL),
    UD("所以", U_WORD, NULL), UD("头部", U_WORD, NULL), UD("次日", U_WORD, NULL),
    UD("次方", U_WORD, NULL), UD("位一体", U_WORD, NULL), UD("位于", U_WORD, NULL),
    UD("位列", U_WORD, NULL), UD("位居", U_WORD, NULL), UD("位数", U_WORD, NULL),
    UD("位置", U_WORD, NULL), UD("支持", U_WORD, NULL), UD("支撑", U_WORD, NULL),
    UD("支付", U_WORD, NULL), UD("支出", U_WORD, NULL), UD("支柱", U_WORD, NULL),
    UD("条例", U_WORD, NULL), UD("条件", U_WORD, NULL), UD("户外", U_WORD, NULL),
    UD("只有", U_WORD, NULL), UD("只要", U_WORD, NULL), UD("片区", U_WORD, NULL),
    UD("克服", U_WORD, NULL), UD("米兰", U_WORD, NULL), UD("个性", U_WORD, NULL),
    UD("个别", U_WORD, NULL), UD("个体", U_WORD, NULL), UD("种植", U_WORD, NULL),
    UD("家庭", U_WORD, NULL), UD("台阶", U_WORD, NULL), UD("处于", U_WORD, NULL),
    UD("起来", U_WORD, NULL), UD("起步", U_WORD, NULL), UD("起点", U_WORD, NULL),
    UD("起草", U_WORD, NULL), UD("起飞", U_WORD, NULL),
    /* slogans: 三个代表, 两个确立, 四个全面 count nothing */
    UD("个代表", U_WORD, NULL), UD("个确立", U_WORD, NULL), UD("个维护", U_WORD, NULL),
    UD("个全面", U_WORD, NULL), UD("个自信", U_WORD, NULL), UD("个务必", U_WORD, NULL),
    UD("个意识", U_WORD, NULL), UD("个一百年", U_WORD, NULL),
    UD("处理", U_WORD, NULL), UD("名单", U_WORD, NULL), UD("件事", U_WORD, NULL),
};

G_STATIC_ASSERT(G_N_ELEMENTS(JB_UNITS) <= JB_UNITS_MAX);

/* Time units that may follow a '/' in a rate: 万吨/年, 公里/小时 */
const char *const JB_PER_TIME[] = {"年", "月", "日", "天", "小时", "秒", "周", "季度"};

guint8 jb_unit_canon_len[JB_UNITS_MAX]; /* strlen of canon, or of text without one */
UnitIndex jb_unit_short;          /* one character, by unit_hash */
UnitIndex jb_unit_long;           /* two characters or more, by unit_hash2 */
guint8 jb_unit_long_first[UNIT_BUCKETS]; /* some long unit begins with unit_hash h */

/* The bucket of JB_UNITS[k] in `ix`, or -1 when it belongs to the other index. */
static int unit_bucket_of(gsize k, gboolean long_units)
{
    const guchar *t = (const guchar *)JB_UNITS[k].text;
    gsize len = JB_UNITS[k].len, k1 = unit_char_len(t, len);
    guint h1 = unit_hash(t, len);
    if ((len > k1) != long_units)
        return -1;
    return (int)(long_units ? unit_hash2(h1, t, k1, len) : h1);
}

static void build_one_unit_index(UnitIndex *ix, gboolean long_units, guint nb)
{
    guint count[UNIT2_BUCKETS + 1] = {0};
    for (gsize k = 0; k < G_N_ELEMENTS(JB_UNITS); k++) {
        int b = unit_bucket_of(k, long_units);
        if (b >= 0)
            count[b]++;
    }
    guint at = 0;
    for (guint b = 0; b < nb; b++) {
        ix->start[b] = (guint16)at;
        at += count[b];
        count[b] = ix->start[b];
    }
    ix->start[nb] = (guint16)at;
    for (gsize k = 0; k < G_N_ELEMENTS(JB_UNITS); k++) {
        int b = unit_bucket_of(k, long_units);
        if (b >= 0)
            ix->items[count[b]++] = (guint16)k;
    }
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
    for (gsize k = 0; k < G_N_ELEMENTS(JB_UNITS); k++)
        jb_unit_canon_len[k] = (guint8)(JB_UNITS[k].canon ? strlen(JB_UNITS[k].canon) : JB_UNITS[k].len);
    build_one_unit_index(&jb_unit_short, FALSE, UNIT_BUCKETS);
    build_one_unit_index(&jb_unit_long, TRUE, UNIT2_BUCKETS);
    /* skip_date_digits() knows these by heart: 年 月 日 are dates, and 日元 the one unit
     * that begins like them */
    for (gsize k = 0; k < G_N_ELEMENTS(JB_UNITS); k++)
        if (strncmp(JB_UNITS[k].text, "年", 3) == 0 || strncmp(JB_UNITS[k].text, "月", 3) == 0 ||
            strncmp(JB_UNITS[k].text, "日", 3) == 0)
            g_assert(strcmp(JB_UNITS[k].text, "日元") == 0 ||
                     (JB_UNITS[k].len == 3 && JB_UNITS[k].kind == U_DATE));
    for (gsize k = 0; k < G_N_ELEMENTS(JB_UNITS); k++)
        if (unit_bucket_of(k, TRUE) >= 0)
            jb_unit_long_first[unit_hash((const guchar *)JB_UNITS[k].text, JB_UNITS[k].len)] = 1;
}

#define QD(s, b) {s, sizeof(s) - 1, b}

/* Longest first, so 不超过 is found before 超过 and 超. */
const QualDef JB_PREFIX_QUALS[] = {
    QD("不超过", JB_BOUND_AT_MOST),  QD("不少于", JB_BOUND_AT_LEAST),
    QD("不低于", JB_BOUND_AT_LEAST), QD("不高于", JB_BOUND_AT_MOST),
    QD("不多于", JB_BOUND_AT_MOST),  QD("不大于", JB_BOUND_AT_MOST),
    QD("不小于", JB_BOUND_AT_LEAST), QD("将近", JB_BOUND_AT_MOST),
    QD("接近", JB_BOUND_AT_MOST),    QD("超过", JB_BOUND_AT_LEAST),
    QD("突破", JB_BOUND_AT_LEAST),   QD("高于", JB_BOUND_AT_LEAST),
    QD("大于", JB_BOUND_AT_LEAST),   QD("多于", JB_BOUND_AT_LEAST),
    QD("至少", JB_BOUND_AT_LEAST),   QD("最少", JB_BOUND_AT_LEAST),
    QD("最低", JB_BOUND_AT_LEAST),   QD("不足", JB_BOUND_AT_MOST),
    QD("不到", JB_BOUND_AT_MOST),    QD("最高", JB_BOUND_AT_MOST),
    QD("最多", JB_BOUND_AT_MOST),    QD("至多", JB_BOUND_AT_MOST),
    QD("小于", JB_BOUND_AT_MOST),    QD("低于", JB_BOUND_AT_MOST),
    QD("少于", JB_BOUND_AT_MOST),    QD("大约", JB_BOUND_ABOUT),
    QD("大概", JB_BOUND_ABOUT),      QD("约为", JB_BOUND_ABOUT),
    QD("约合", JB_BOUND_ABOUT),      QD("超", JB_BOUND_AT_LEAST),
    QD("逾", JB_BOUND_AT_LEAST),     QD("近", JB_BOUND_AT_MOST),
    QD("约", JB_BOUND_ABOUT),        QD("过", JB_BOUND_AT_LEAST),
};

/* look_back runs at every number, and trying each prefix hedge there in turn was a third of
 * the scanner's time. Bit i of jb_prefix_by_last[b] says JB_PREFIX_QUALS[i] ends in byte b, so a
 * number with no hedge before it costs one table look-up; the bits keep the table's order. */
G_STATIC_ASSERT(G_N_ELEMENTS(JB_PREFIX_QUALS) <= 64);
guint64 jb_prefix_by_last[256];
/* and bit i of jb_prefix_by_first[h]: JB_PREFIX_QUALS[i] begins with a character of unit_hash h */
guint64 jb_prefix_by_first[UNIT_BUCKETS];

const QualDef JB_SUFFIX_QUALS[] = {
    QD("以上", JB_BOUND_AT_LEAST), QD("以下", JB_BOUND_AT_MOST), QD("以内", JB_BOUND_AT_MOST),
    QD("左右", JB_BOUND_ABOUT),    QD("上下", JB_BOUND_ABOUT),   QD("前后", JB_BOUND_ABOUT),
    QD("有余", JB_BOUND_AT_LEAST),
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
        jb_prefix_by_first[unit_hash((const guchar *)q->text, q->len)] |= G_GUINT64_CONSTANT(1) << i;
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
        CP_LING2, CP_LING, CP_YI, 0x4E8C /* 二 */, 0x4E24 /* 两 */, 0x5169 /* 兩 */,
        0x4E09 /* 三 */, 0x56DB /* 四 */, 0x4E94 /* 五 */, 0x516D /* 六 */, 0x4E03 /* 七 */,
        0x516B /* 八 */, 0x4E5D /* 九 */, CP_SHI, CP_BAI, CP_QIAN, CP_WAN, CP_WAN2, CP_YIS,
        CP_YIS2, CP_BAN, CP_FAN,
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
