/* jb_article_junk.c — the junk rules: what in a page's text is not a paragraph of the
 * article (bylines, captions, view counts, phone numbers, app promotions, the list of
 * recommendations that ends it), tried in order behind filters that pass most paragraphs
 * after a few tests.
 *
 * Not for: the rules that are tests of a paragraph (jb_article_junk_tests.c), the header
 * lines that carry the article's date (jb_article_header.c), cleaning (jb_article_clean.c,
 * which counts the facts the filters read) nor reading the dates found (jb_article_date.c).
 */
#include "jb_article_priv.h"


/* ---- junk --------------------------------------------------------------------------- */

/* The tables the junk rules share with cleaning (see jb_article_priv.h). */
guint8 jb_junk_key_bit[4096];
guint8 jb_junk_char_bit[65536];
guint64 jb_ascii_facts[128];

void jb_junk_register_key(guint k)
{
    static guint used;
    if (!jb_junk_key_bit[k]) {
        jb_junk_key_bit[k] = (guint8)(1 + used++ % 63);
        jb_junk_char_bit[(0x80 | (k >> 6)) | (0x80 | (k & 0x3F)) << 8] = jb_junk_key_bit[k];
    }
}

typedef enum { J_START, J_ANYWHERE, J_WHOLE, J_TEST } JunkMatch;

typedef struct {
    JunkMatch match;
    const char *text;                   /* the needle (ASCII letters match any case) */
    glong max_chars;                    /* only paragraphs this short; 0: any length */
    gboolean (*test)(const JunkPara *); /* for J_TEST */
    gboolean cut;                       /* also drop every paragraph after this one */
} JunkRule;


/* Page junk: paragraphs that are not the article. A rule matches a paragraph (after
 * normalisation) that starts with, contains or equals `text`, or for which `test` is true;
 * `max_chars` keeps a rule off real paragraphs that happen to contain the words. A `cut`
 * rule marks where a page's recommendation list begins: it and the rest go (but only
 * after some article text was kept). To extend: add a row. */
static const JunkRule junk_rules[] = {
    /* navigation */
    {J_WHOLE, "首页", 0, NULL, FALSE},
    {J_WHOLE, "返回", 0, NULL, FALSE},
    {J_WHOLE, "返回顶部", 0, NULL, FALSE},
    {J_WHOLE, "返回首页", 0, NULL, FALSE},
    {J_WHOLE, "上一篇", 0, NULL, FALSE},
    {J_WHOLE, "下一篇", 0, NULL, FALSE},
    {J_WHOLE, "登录", 0, NULL, FALSE},
    {J_WHOLE, "注册", 0, NULL, FALSE},
    {J_WHOLE, "收藏", 0, NULL, FALSE},
    {J_WHOLE, "评论", 0, NULL, FALSE},
    {J_WHOLE, "打印", 0, NULL, FALSE},
    {J_WHOLE, "关闭", 0, NULL, FALSE},
    {J_WHOLE, "更多", 0, NULL, FALSE},
    {J_WHOLE, "(完)", 0, NULL, FALSE},
    {J_WHOLE, "（完）", 0, NULL, FALSE},
    {J_START, "当前位置", 80, NULL, FALSE},
    {J_START, "您的位置", 80, NULL, FALSE},
    {J_START, "您当前的位置", 80, NULL, FALSE},
    {J_START, "首页 >", 80, NULL, FALSE},
    {J_START, "首页>", 80, NULL, FALSE},
    {J_START, "首页 ›", 80, NULL, FALSE},
    {J_START, "上一篇", 60, NULL, FALSE},
    {J_START, "签名：", 80, NULL, FALSE}, /* a forum poster's signature under each post */
    {J_START, "簽名：", 80, NULL, FALSE},
    {J_START, "个性签名", 80, NULL, FALSE},
    {J_START, "個性簽名", 80, NULL, FALSE},
    {J_START, "下一篇", 60, NULL, FALSE},
    {J_TEST, "nav bar", 120, jb_junk_nav_bar, FALSE},
    {J_TEST, "bracketed links", 60, jb_junk_bracket_links, FALSE},
    {J_ANYWHERE, "字号", 12, NULL, FALSE},
    {J_ANYWHERE, "【纠错】", 20, NULL, FALSE},
    /* share prompts */
    {J_ANYWHERE, "分享到", 60, NULL, FALSE},
    {J_ANYWHERE, "分享至", 60, NULL, FALSE},
    {J_WHOLE, "分享", 0, NULL, FALSE},
    {J_START, "点击右上角", 60, NULL, FALSE},
    {J_START, "点击浏览器下方", 80, NULL, FALSE},
    {J_START, "点击上方", 60, NULL, FALSE}, /* 点击上方蓝字关注我们 */
    {J_START, "點擊上方", 60, NULL, FALSE},
    /* a WeChat article's badge: 原创 and the account's names */
    {J_WHOLE, "原创", 0, NULL, FALSE},
    {J_START, "原创 ", 40, NULL, FALSE},
    {J_START, "原創 ", 40, NULL, FALSE},
    {J_ANYWHERE, "微信好友", 60, NULL, FALSE},
    {J_WHOLE, "朋友圈", 0, NULL, FALSE},
    {J_ANYWHERE, "扫一扫", 40, NULL, FALSE},
    {J_START, "扫码", 30, NULL, FALSE},
    {J_ANYWHERE, "扫码关注", 40, NULL, FALSE},
    {J_ANYWHERE, "扫码下载", 40, NULL, FALSE},
    {J_ANYWHERE, "扫描二维码", 40, NULL, FALSE},
    {J_ANYWHERE, "长按二维码", 40, NULL, FALSE},
    {J_ANYWHERE, "识别二维码", 40, NULL, FALSE},
    {J_TEST, "app promo", 40, jb_junk_app_promo, FALSE},
    /* reading-time notes and WeChat badges (本文约2600字，阅读需要8分钟; 阅读量10万+) */
    {J_ANYWHERE, "阅读需要", 40, NULL, FALSE},
    {J_ANYWHERE, "阅读时间", 40, NULL, FALSE},
    {J_ANYWHERE, "预计阅读", 40, NULL, FALSE},
    {J_ANYWHERE, "閱讀需要", 40, NULL, FALSE},
    /* a programme's credits and a wiki page's footer (本期编导：某某 节目时长：28分钟; 此页面已被浏览过
     * 18,406次) */
    {J_ANYWHERE, "节目时长", 60, NULL, FALSE},
    {J_ANYWHERE, "節目時長", 60, NULL, FALSE},
    {J_START, "下期预告", 60, NULL, FALSE},
    {J_START, "下期預告", 60, NULL, FALSE},
    /* a notice's rules for its readers (温馨提示：中奖者须在…60天内兑奖…) */
    {J_START, "温馨提示", 160, NULL, FALSE},
    {J_START, "溫馨提示", 160, NULL, FALSE},
    /* a post's preview above its whole text (…外地观众占比超过七成……展开c) */
    {J_ANYWHERE, "……展开", 400, NULL, FALSE},
    {J_ANYWHERE, "...展开全文", 400, NULL, FALSE},
    {J_START, "此页面已被浏览", 40, NULL, FALSE},
    {J_START, "此頁面已被瀏覽", 40, NULL, FALSE},
    {J_START, "本页面最后修订于", 200, NULL, FALSE},
    {J_START, "本頁面最後修訂於", 200, NULL, FALSE},
    {J_ANYWHERE, "万+", 60, NULL, FALSE},
    {J_ANYWHERE, "萬+", 60, NULL, FALSE},
    {J_ANYWHERE, "欢迎转发", 60, NULL, FALSE},
    {J_ANYWHERE, "歡迎轉發", 60, NULL, FALSE},
    /* recommendation lists: the marker and all after it */
    {J_START, "为你推荐", 20, NULL, TRUE},
    {J_START, "为您推荐", 20, NULL, TRUE},
    {J_START, "相关阅读", 20, NULL, TRUE},
    {J_START, "相关解读", 20, NULL, TRUE},
    {J_START, "相關解讀", 20, NULL, TRUE},
    {J_START, "相关问题", 20, NULL, TRUE}, /* (a forum's questions beside this one) */
    {J_START, "相关新闻", 20, NULL, TRUE},
    {J_START, "相关推荐", 20, NULL, TRUE},
    {J_START, "相关视频", 20, NULL, TRUE},
    {J_START, "精彩推荐", 20, NULL, TRUE},
    {J_START, "编辑推荐", 20, NULL, TRUE},
    {J_START, "推荐新闻", 20, NULL, TRUE},
    {J_START, "热门文章", 20, NULL, TRUE},
    {J_START, "热门阅读", 20, NULL, TRUE},
    {J_START, "往期回顾", 20, NULL, TRUE},
    {J_START, "相关文章", 20, NULL, TRUE},
    {J_START, "推荐阅读", 20, NULL, TRUE},
    {J_START, "延伸阅读", 20, NULL, TRUE},
    {J_START, "热门推荐", 20, NULL, TRUE},
    {J_START, "热点推荐", 20, NULL, TRUE},
    {J_START, "猜你喜欢", 20, NULL, TRUE},
    {J_START, "更多精彩", 20, NULL, TRUE},
    {J_START, "载入更多", 20, NULL, TRUE},
    {J_START, "加载更多", 20, NULL, TRUE},
    {J_START, "点击加载更多", 20, NULL, TRUE},
    {J_START, "阅读剩余全文", 20, NULL, TRUE},
    {J_START, "更多阅读", 20, NULL, TRUE},
    {J_START, "更多新闻", 20, NULL, TRUE},
    {J_START, "更多閱讀", 20, NULL, TRUE},
    {J_START, "更多新聞", 20, NULL, TRUE},
    {J_START, "相關閱讀", 20, NULL, TRUE},
    {J_START, "相關問題", 20, NULL, TRUE},
    {J_START, "相關新聞", 20, NULL, TRUE},
    {J_START, "相關推薦", 20, NULL, TRUE},
    {J_START, "相關文章", 20, NULL, TRUE},
    {J_START, "推薦閱讀", 20, NULL, TRUE},
    {J_START, "延伸閱讀", 20, NULL, TRUE},
    {J_START, "熱門文章", 20, NULL, TRUE},
    {J_START, "熱門推薦", 20, NULL, TRUE},
    {J_START, "為你推薦", 20, NULL, TRUE},
    {J_START, "為您推薦", 20, NULL, TRUE},
    {J_START, "猜你喜歡", 20, NULL, TRUE},
    {J_START, "精彩推薦", 20, NULL, TRUE},
    {J_START, "往期回顧", 20, NULL, TRUE},
    {J_START, "相關視頻", 20, NULL, TRUE},
    {J_START, "編輯推薦", 20, NULL, TRUE},
    {J_START, "推薦新聞", 20, NULL, TRUE},
    {J_START, "熱門閱讀", 20, NULL, TRUE},
    {J_START, "熱點推薦", 20, NULL, TRUE},
    {J_START, "載入更多", 20, NULL, TRUE},
    {J_START, "加載更多", 20, NULL, TRUE},
    {J_START, "點擊加載更多", 20, NULL, TRUE},
    {J_START, "閱讀剩餘全文", 20, NULL, TRUE},
    {J_TEST, "list heading", 200, jb_junk_list_heading, TRUE},
    /* a list of headlines with their dates (标题（2024-10-18）): another page's links */
    {J_TEST, "dated headline", 60, jb_junk_dated_headline, FALSE},
    /* ads: a marked block (【广告】数观VIP会员限时7折…; the marks of jb_article_ad_title) */
    {J_START, "【广告】", 300, NULL, FALSE},
    {J_START, "【廣告】", 300, NULL, FALSE},
    {J_START, "【推广】", 300, NULL, FALSE},
    {J_START, "【推廣】", 300, NULL, FALSE},
    {J_START, "【赞助】", 300, NULL, FALSE},
    {J_START, "【贊助】", 300, NULL, FALSE},
    {J_START, "[广告]", 300, NULL, FALSE},
    {J_START, "[廣告]", 300, NULL, FALSE},
    {J_START, "[推广]", 300, NULL, FALSE},
    {J_START, "[推廣]", 300, NULL, FALSE},
    {J_WHOLE, "广告", 0, NULL, FALSE},
    {J_WHOLE, "廣告", 0, NULL, FALSE},
    {J_WHOLE, "推广", 0, NULL, FALSE},
    {J_WHOLE, "]]>", 0, NULL, FALSE},
    /* an ad's call to action (开户即送…，点击领取; 立即下载) */
    {J_ANYWHERE, "点击领取", 40, NULL, FALSE},
    {J_ANYWHERE, "立即领取", 40, NULL, FALSE},
    {J_ANYWHERE, "免费领取", 40, NULL, FALSE},
    {J_ANYWHERE, "立即开户", 40, NULL, FALSE},
    {J_ANYWHERE, "點擊領取", 40, NULL, FALSE},
    {J_START, "展开全文", 20, NULL, FALSE},
    {J_START, "我要评论", 20, NULL, FALSE},
    {J_START, "发表评论", 20, NULL, FALSE},
    {J_START, "网友评论", 20, NULL, FALSE},
    /* loading placeholders */
    {J_ANYWHERE, "加载中", 30, NULL, FALSE},
    {J_ANYWHERE, "请稍候", 30, NULL, FALSE},
    {J_ANYWHERE, "刷新本页", 40, NULL, FALSE},
    /* counters, bare numbers */
    {J_TEST, "view count", 48, jb_junk_view_count, FALSE},
    {J_TEST, "a page's facts and counters", 120, jb_junk_meta_line, FALSE},
    {J_TEST, "only a number", 24, jb_junk_only_number, FALSE},
    {J_TEST, "market ticker", 160, jb_junk_ticker, FALSE},
    {J_TEST, "filing codes", 100, jb_junk_filing_codes, FALSE},
    {J_TEST, "weather widget", 120, jb_junk_weather, FALSE},
    {J_TEST, "tool or live-data widget", 160, jb_junk_widget, FALSE},
    /* copyright and licence footers */
    {J_ANYWHERE, "Copyright", 150, NULL, FALSE},
    {J_ANYWHERE, "版权所有", 150, NULL, FALSE},
    {J_ANYWHERE, "版權所有", 150, NULL, FALSE},
    {J_ANYWHERE, "轉載", 100, NULL, FALSE},
    {J_ANYWHERE, "©", 150, NULL, FALSE},
    {J_ANYWHERE, "All rights reserved", 150, NULL, FALSE},
    {J_ANYWHERE, "转载请注明", 100, NULL, FALSE},
    {J_ANYWHERE, "禁止转载", 100, NULL, FALSE},
    {J_ANYWHERE, "不得转载", 100, NULL, FALSE},
    {J_ANYWHERE, "谢绝转载", 100, NULL, FALSE},
    {J_START, "免责声明", 0, NULL, FALSE},
    {J_ANYWHERE, "请务必阅读", 100, NULL, FALSE}, /* a research report's running header */
    {J_ANYWHERE, "請務必閱讀", 100, NULL, FALSE},
    {J_START, "版权声明", 0, NULL, FALSE},
    {J_ANYWHERE, "ICP备", 200, NULL, FALSE},
    {J_ANYWHERE, "ICP证", 200, NULL, FALSE},
    {J_ANYWHERE, "公网安备", 200, NULL, FALSE},
    {J_ANYWHERE, "许可证号", 200, NULL, FALSE},
    {J_ANYWHERE, "不良信息举报", 200, NULL, FALSE},
    {J_ANYWHERE, "举报电话", 100, NULL, FALSE},
    {J_ANYWHERE, "举报邮箱", 100, NULL, FALSE},
    /* contact details */
    {J_TEST, "phone number", 80, jb_junk_phone, FALSE},
    {J_START, "地址:", 100, NULL, FALSE},
    {J_START, "地址：", 100, NULL, FALSE},
    {J_ANYWHERE, "通讯地址", 100, NULL, FALSE},
    {J_ANYWHERE, "邮箱:", 60, NULL, FALSE},
    {J_ANYWHERE, "邮箱：", 60, NULL, FALSE},
    /* metadata lines: editors, bylines, sources, dates */
    {J_TEST, "editor line", 40, jb_junk_editor, FALSE},
    {J_TEST, "byline", 24, jb_junk_byline, FALSE},
    {J_START, "来源:", 60, NULL, FALSE},
    {J_START, "來源:", 60, NULL, FALSE},
    {J_START, "來源：", 60, NULL, FALSE},
    /* an item's footer: its link, the site's mail (the link's date is read before) */
    {J_START, "原始網址", 200, NULL, FALSE},
    {J_START, "原始网址", 200, NULL, FALSE},
    {J_START, "原文連結", 200, NULL, FALSE},
    {J_START, "原文链接", 200, NULL, FALSE},
    {J_START, "原文地址", 200, NULL, FALSE},
    {J_START, "原文：http", 200, NULL, FALSE},
    {J_START, "原文:http", 200, NULL, FALSE},
    {J_START, "電子郵件", 60, NULL, FALSE},
    {J_START, "电子邮件", 60, NULL, FALSE},
    /* a crawler's notes about the page */
    {J_START, "抓取时间", 60, NULL, FALSE},
    {J_START, "抓取時間", 60, NULL, FALSE},
    {J_START, "新闻条数", 30, NULL, FALSE},
    {J_START, "数据源：", 60, NULL, FALSE},
    {J_START, "目录页：", 200, NULL, FALSE},
    {J_START, "来源：", 60, NULL, FALSE},
    {J_TEST, "date line", 80, jb_junk_header_line, FALSE},
    /* photo captions */
    {J_START, "图为", 400, NULL, FALSE},
    {J_START, "(图", 60, NULL, FALSE},
    {J_START, "（图", 60, NULL, FALSE},
    {J_ANYWHERE, "图片来源", 60, NULL, FALSE},
    {J_ANYWHERE, "图据", 40, NULL, FALSE},
    {J_ANYWHERE, "资料图", 40, NULL, FALSE},
    {J_ANYWHERE, "資料圖", 40, NULL, FALSE},
    {J_ANYWHERE, "圖片來源", 60, NULL, FALSE},
    {J_ANYWHERE, "视觉中国", 40, NULL, FALSE},
    {J_TEST, "photo caption", 400, jb_junk_caption, FALSE},
    /* leaked style sheets and scripts */
    {J_TEST, "CSS or script", 0, jb_junk_code, FALSE},
};

/* A set of rules (indexes into junk_rules) as a bit set. */
#define JUNK_SET_WORDS 4
typedef struct {
    guint64 w[JUNK_SET_WORDS];
} JunkSet;
G_STATIC_ASSERT(G_N_ELEMENTS(junk_rules) <= 64 * JUNK_SET_WORDS);

static inline void junk_set_add(JunkSet *s, gsize i)
{
    s->w[i >> 6] |= G_GUINT64_CONSTANT(1) << (i & 63);
}

/* Per rule: the needle's length, whether it has Latin letters (and so is matched ignoring
 * case; strcasestr is several times slower than strstr), and the keys (junk_key) of its
 * first two characters when they are three-byte UTF-8 (-1 otherwise). */
static struct {
    gsize len;
    gboolean latin;
    guint32 letters; /* as JunkPara.letters */
    int key[2];
    guint64 keys;   /* J_ANYWHERE: the bits of key[0] and key[1] (jb_junk_key_bit) */
    guint64 marks;  /* the ASCII marks it holds (as JunkPara.marks) */
    gboolean other; /* its first character has two or four bytes (as JunkPara.other) */
} junk_info[G_N_ELEMENTS(junk_rules)];

/* What a test rule needs in a paragraph to ever be true: characters it must find, from the
 * facts clean_into counted as it wrote the paragraph (JunkPara: its ASCII letters and marks,
 * the key bits of its Chinese characters), so that a paragraph is tried only by the tests it
 * can match, with no pass over it (the test itself decides). See junk_test_needs. */
enum {
    JUNK_NEED_DIGIT,      /* an ASCII digit */
    JUNK_NEED_ASCII,      /* at least 80% ASCII characters */
    JUNK_NEED_APP,        /* the letters of "APP" or 客 (客户端) */
    JUNK_NEED_CAPTION,    /* 摄 (摄, 摄影) or 图 (供图) */
    JUNK_NEED_ONLY_ASCII, /* no other character */
    JUNK_NEED_NO_DIGIT,   /* no ASCII digit */
    JUNK_NEED_COUNTER,    /* a counter's word's first character (阅读, 点赞) */
    JUNK_NEED_COLON,      /* ':' or '：' (a label's) */
    JUNK_NEED_QUOTE,      /* '%', an arrow or a quote's label's first character (▲, 最新) */
    JUNK_NEED_WIDGET,     /* ':', '：' or '>' (a widget's label, its link onward >>) */
    JUNK_NEED_NAV,     /* a separator of a nav bar or crumbs: | > ｜ 丨 ›, or » (as other) */
    JUNK_NEED_EDITOR,  /* an editor word's first character (责任编辑, 审核) */
    JUNK_NEED_BYLINE,  /* 记 (记者) or 通 (通讯员) */
    JUNK_NEED_WEATHER, /* ℃ */
    JUNK_NEED_DATE,    /* six ASCII digits or more (a full date: 2025-6-1, 2025年6月1日) */
    JUNK_NEED_LIST,    /* a list heading's first character (jb_junk_may_list_heading) */
    JUNK_NEED_FILING,  /* a filing label's first character (jb_junk_may_be_filing) */
    JUNK_NEED_DATED,   /* a dated headline's last byte (jb_junk_dated_end) */
    JUNK_NEED_BITS,    /* (how many) */
};
#define NEED(x) (1u << JUNK_NEED_##x)

static guint junk_test_needs(gboolean (*test)(const JunkPara *))
{
    static const struct {
        gboolean (*test)(const JunkPara *);
        guint needs;
    } NEEDS[] = {
        /* (each reads ASCII digits) */
        {jb_junk_view_count, NEED(DIGIT) | NEED(COUNTER)},
        {jb_junk_meta_line, NEED(DIGIT) | NEED(COUNTER) | NEED(COLON)}, /* counters, fields */
        {jb_junk_only_number, NEED(DIGIT) | NEED(ONLY_ASCII)},
        {jb_junk_phone, NEED(DIGIT)},
        {jb_junk_header_line, NEED(DATE)}, /* (jb_article_scan_ymd's) */
        {jb_junk_ticker, NEED(DIGIT) | NEED(QUOTE)},
        {jb_junk_weather, NEED(DIGIT) | NEED(WEATHER)},
        {jb_junk_filing_codes, NEED(DIGIT) | NEED(FILING)},
        {jb_junk_dated_headline, NEED(DIGIT) | NEED(DATED)},
        {jb_junk_list_heading, NEED(LIST)},
        {jb_junk_bracket_links, NEED(NO_DIGIT)},
        {jb_junk_code, NEED(ASCII)}, /* its first test */
        {jb_junk_app_promo, NEED(APP)},
        {jb_junk_caption, NEED(CAPTION)}, /* the words it looks for at the end */
        {jb_junk_widget, NEED(WIDGET)},
        {jb_junk_nav_bar, NEED(NAV)},
        {jb_junk_editor, NEED(EDITOR)},
        {jb_junk_byline, NEED(BYLINE)},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(NEEDS); i++)
        if (NEEDS[i].test == test)
            return NEEDS[i].needs;
    return 0;
}

/* Which rules may match a paragraph, as sets that a few facts of the paragraph select
 * (junk_candidates); junk_verdict then tries only those, in order.
 * By length: paragraphs of up to junk_bucket_max[b] characters (and more than the bucket
 * before) may match junk_bucket[b][latin], latin being whether they have Latin letters;
 * the last bucket (no limit) holds the rules with none. */
#define JUNK_MAX_BUCKETS 32
static glong junk_bucket_max[JUNK_MAX_BUCKETS];
static JunkSet junk_bucket[JUNK_MAX_BUCKETS][2];
/* The bucket of a paragraph of n characters, for n up to the largest finite limit (then the
 * last bucket): one load, not a walk through the limits for every paragraph. */
#define JUNK_LIMIT_MAX 400
static guint8 junk_bucket_of[JUNK_LIMIT_MAX + 2];
/* J_START and J_WHOLE rules by junk_first_key of their text (both cases of a letter). */
static JunkSet junk_by_first[4096];
/* J_ANYWHERE rules; by the key bit (jb_junk_key_bit) of their first character, and those
 * whose first character has no key. */
static JunkSet junk_anywhere;
static JunkSet junk_anywhere_by_key0[64];
static JunkSet junk_anywhere_keyless;
/* J_TEST rules by the needs (JUNK_NEED_*) a paragraph meets, in three parts of the bits: the
 * rules whose needs among each part's bits are met; a rule may match where all three hold
 * (three loads, not a loop over the needs). */
#define JUNK_NEED_PART 6
#define JUNK_NEED_PARTS 3
G_STATIC_ASSERT(JUNK_NEED_BITS <= JUNK_NEED_PARTS * JUNK_NEED_PART);
static JunkSet junk_tests_by[JUNK_NEED_PARTS][1u << JUNK_NEED_PART];
/* The key bits (JunkPara.keys) of the characters junk_needs_met asks about. */
static guint64 need_keys_nav, need_keys_byline, need_keys_weather;

/* A rule's limit in characters: its max_chars, or for J_WHOLE the needle's own length. */
static glong junk_limit(gsize i)
{
    const JunkRule *r = &junk_rules[i];
    return r->match == J_WHOLE ? g_utf8_strlen(r->text, -1) : r->max_chars;
}

/* The first character of `p` (`len` bytes) as a 12-bit key: junk_key for three-byte
 * characters, else the first byte. Equal texts have equal keys (a filter only). */
static inline guint junk_first_key(const char *p, gsize len)
{
    return len >= 3 && is_lead3((guchar)p[0]) ? junk_key(p) : (guchar)p[0];
}

static void junk_init_buckets(void)
{
    glong limit[G_N_ELEMENTS(junk_rules)];
    for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++)
        limit[i] = junk_limit(i);
    guint nb = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++) { /* distinct limits, ascending */
        glong m = limit[i];
        guint at = 0;
        while (m && at < nb && junk_bucket_max[at] < m)
            at++;
        if (!m || (at < nb && junk_bucket_max[at] == m))
            continue;
        g_assert(nb + 1 < JUNK_MAX_BUCKETS);
        memmove(junk_bucket_max + at + 1, junk_bucket_max + at,
                (nb - at) * sizeof *junk_bucket_max);
        junk_bucket_max[at] = m;
        nb++;
    }
    junk_bucket_max[nb++] = G_MAXLONG;
    g_assert(junk_bucket_max[nb - 2] <= JUNK_LIMIT_MAX);
    for (glong n = 0, b = 0; n <= JUNK_LIMIT_MAX + 1; n++) {
        while (n > junk_bucket_max[b])
            b++;
        junk_bucket_of[n] = (guint8)b;
    }
    /* a rule is in the bucket of its limit and every one below it (each bucket's limit is
     * some rule's): added to its own, then each bucket takes in those of the one above */
    for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++) {
        guint b = limit[i] ? junk_bucket_of[limit[i]] : nb - 1;
        junk_set_add(&junk_bucket[b][1], i);
        if (!junk_info[i].latin || junk_rules[i].match == J_TEST)
            junk_set_add(&junk_bucket[b][0], i);
    }
    for (guint b = nb - 1; b-- > 0;)
        for (guint latin = 0; latin < 2; latin++)
            for (int w = 0; w < JUNK_SET_WORDS; w++)
                junk_bucket[b][latin].w[w] |= junk_bucket[b + 1][latin].w[w];
}

/* The key bits of three-byte characters (registered). */
static guint64 key_bits(const char *const *chars)
{
    guint64 bits = 0;
    for (; *chars; chars++) {
        g_assert(is_lead3((guchar)(*chars)[0]) && strlen(*chars) == 3);
        jb_junk_register_key(junk_key(*chars));
        bits |= G_GUINT64_CONSTANT(1) << jb_junk_key_bit[junk_key(*chars)];
    }
    return bits;
}

/* Key J_ANYWHERE rule i by the Chinese characters at c in its needle (junk_may_contain): the
 * first and the one after it, which a paragraph holding the needle holds; keyless when c is
 * none. */
static void key_anywhere(gsize i, const char *c)
{
    if (c && is_lead3((guchar)c[0]) && c[1] && c[2]) {
        junk_info[i].key[0] = (int)junk_key(c);
        if (is_lead3((guchar)c[3]) && c[4] && c[5])
            junk_info[i].key[1] = (int)junk_key(c + 3);
    }
    for (int k = 0; k < 2; k++)
        if (junk_info[i].key[k] >= 0) {
            jb_junk_register_key((guint)junk_info[i].key[k]);
            junk_info[i].keys |= G_GUINT64_CONSTANT(1) << jb_junk_key_bit[junk_info[i].key[k]];
        }
    if (junk_info[i].key[0] >= 0)
        junk_set_add(&junk_anywhere_by_key0[jb_junk_key_bit[junk_info[i].key[0]]], i);
    else
        junk_set_add(&junk_anywhere_keyless, i);
}

/* Add rule i to sets[met] for every `met` (of JUNK_NEED_PART bits) holding `need`. */
static void add_to_supersets(JunkSet *sets, guint need, gsize i)
{
    const guint all = (1u << JUNK_NEED_PART) - 1;
    for (guint met = need;; met = (met + 1) | need) { /* (the supersets of need, ascending) */
        junk_set_add(&sets[met], i);
        if (met == all)
            break;
    }
}

/* The first three-byte character of t, or NULL. */
static const char *first_lead3(const char *t)
{
    for (; *t; t++)
        if (is_lead3((guchar)*t))
            return t;
    return NULL;
}

void jb_article_junk_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++) {
            const JunkRule *r = &junk_rules[i];
            const char *t = r->text;
            junk_info[i].len = strlen(t);
            junk_info[i].key[0] = junk_info[i].key[1] = -1;
            junk_info[i].other = (guchar)t[0] >= 0x80 && !is_lead3((guchar)t[0]);
            for (; *t; t++)
                if (g_ascii_isalpha(*t)) {
                    junk_info[i].latin = TRUE;
                    junk_info[i].letters |= letter_bit(*t);
                }
            t = r->text;
            if (r->match == J_START || r->match == J_WHOLE) {
                junk_set_add(&junk_by_first[junk_first_key(t, junk_info[i].len)], i);
                if (g_ascii_isalpha(t[0])) {
                    junk_set_add(&junk_by_first[(guchar)g_ascii_tolower(t[0])], i);
                    junk_set_add(&junk_by_first[(guchar)g_ascii_toupper(t[0])], i);
                }
            } else if (r->match == J_ANYWHERE) {
                junk_set_add(&junk_anywhere, i);
                if (is_lead3((guchar)t[0]))
                    key_anywhere(i, t);
            } else {
                guint need = junk_test_needs(r->test), part = (1u << JUNK_NEED_PART) - 1;
                for (guint k = 0; k < JUNK_NEED_PARTS; k++)
                    add_to_supersets(junk_tests_by[k], (need >> (k * JUNK_NEED_PART)) & part, i);
            }
        }
        for (int b = 0; b < 128; b++)
            if (g_ascii_isalpha(b))
                jb_ascii_facts[b] = letter_bit((char)b);
        for (int b = '0'; b <= '9'; b++)
            jb_ascii_facts[b] = ASCII_DIGIT;
        jb_ascii_facts['-'] = ASCII_HYPHEN;
        jb_ascii_facts['|'] = ASCII_BAR;
        jb_ascii_facts['>'] = ASCII_GT;
        jb_ascii_facts['%'] = ASCII_PERCENT;
        jb_ascii_facts[':'] = ASCII_COLON;
        jb_ascii_facts['+'] = ASCII_PLUS;
        jb_ascii_facts['.'] = ASCII_DOT;
        for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++) /* (a needle's marks: as letters) */
            for (const char *t = junk_rules[i].text; *t; t++)
                if ((guchar)*t < 0x80)
                    junk_info[i].marks |= jb_ascii_facts[(guchar)*t] & ASCII_MARKS;
        /* the characters junk_needs_met, jb_junk_phone and add_paragraph (月, of a closing
         * date) ask about */
        static const char *const asked[] = {"客", "摄", "图", "来", "记", "通", "月"};
        for (gsize i = 0; i < G_N_ELEMENTS(asked); i++)
            jb_junk_register_key(junk_key(asked[i]));
        jb_junk_tests_init();
        need_keys_nav = key_bits((const char *const[]){"｜", "丨", "›", NULL});
        need_keys_byline = key_bits((const char *const[]){"记", "通", NULL});
        need_keys_weather = key_bits((const char *const[]){"℃", NULL});
        jb_article_header_init();
        jb_article_section_init();
        /* a needle that opens with no Chinese character (...展开全文, ICP备) is keyed by its
         * first ones; their keys registered last, so that no earlier key's bit moves */
        for (gsize i = 0; i < G_N_ELEMENTS(junk_rules); i++)
            if (junk_rules[i].match == J_ANYWHERE && !is_lead3((guchar)junk_rules[i].text[0]))
                key_anywhere(i, first_lead3(junk_rules[i].text));
        junk_init_buckets();
        g_once_init_leave(&done, 1);
    }
}

/* Can rule i's needle occur in the paragraph at all (a filter; strstr decides)? */
static inline gboolean junk_may_contain(const JunkPara *j, gsize i)
{
    return (j->letters & junk_info[i].letters) == junk_info[i].letters &&
           (j->keys & junk_info[i].keys) == junk_info[i].keys &&
           (j->marks & junk_info[i].marks) == junk_info[i].marks &&
           (j->other || !junk_info[i].other); /* "©" is searched only where such a character is */
}

/* Has the paragraph a key of `need` (jb_junk_counter_keys …; all of them when it is ~0)? */
static inline gboolean has_any_key(const JunkPara *j, guint64 need)
{
    return (j->keys & need) || need == ~G_GUINT64_CONSTANT(0);
}

/* Which JUNK_NEED_* the paragraph meets (as bits: NEED). */
static guint junk_needs_met(const JunkPara *j)
{
    guint met = 0;
    if (j->digit)
        met |= NEED(DIGIT);
    else
        met |= NEED(NO_DIGIT);
    if (j->ascii * 10 >= j->n * 8)
        met |= NEED(ASCII);
    if (j->ascii == j->n)
        met |= NEED(ONLY_ASCII);
    if ((j->letters & (letter_bit('a') | letter_bit('p'))) == (letter_bit('a') | letter_bit('p')) ||
        junk_has_key(j, (int)junk_key("客")))
        met |= NEED(APP);
    if (junk_has_key(j, (int)junk_key("摄")) || junk_has_key(j, (int)junk_key("图")))
        met |= NEED(CAPTION);
    if (has_any_key(j, jb_junk_counter_keys))
        met |= NEED(COUNTER);
    gboolean colon = (j->marks & ASCII_COLON) || (j->punct & PUNCT_COLON);
    if (colon)
        met |= NEED(COLON);
    if ((j->marks & ASCII_PERCENT) || has_any_key(j, jb_junk_quote_keys))
        met |= NEED(QUOTE);
    if (colon || (j->marks & ASCII_GT))
        met |= NEED(WIDGET);
    if ((j->marks & (ASCII_BAR | ASCII_GT)) || (j->keys & need_keys_nav) || j->other)
        met |= NEED(NAV);
    if (has_any_key(j, jb_junk_editor_keys))
        met |= NEED(EDITOR);
    if (j->keys & need_keys_byline)
        met |= NEED(BYLINE);
    if (j->keys & need_keys_weather)
        met |= NEED(WEATHER);
    if (j->ndigit >= 6)
        met |= NEED(DATE);
    if (jb_junk_may_list_heading(j->p))
        met |= NEED(LIST);
    if (jb_junk_may_be_filing(j->p))
        met |= NEED(FILING);
    if (jb_junk_dated_end(j))
        met |= NEED(DATED);
    return met;
}

/* The rules that may match the paragraph: a superset of those that do, from cheap tests. */
static JunkSet junk_candidates(const JunkPara *j)
{
    guint b = junk_bucket_of[MIN(j->n, JUNK_LIMIT_MAX + 1)];
    const JunkSet *bucket = &junk_bucket[b][j->latin ? 1 : 0];
    const JunkSet *first = &junk_by_first[junk_first_key(j->p, j->len)];
    guint met = junk_needs_met(j);
    const guint part = (1u << JUNK_NEED_PART) - 1;
    const JunkSet *tests0 = &junk_tests_by[0][met & part];
    const JunkSet *tests1 = &junk_tests_by[1][(met >> JUNK_NEED_PART) & part];
    const JunkSet *tests2 = &junk_tests_by[2][met >> (2 * JUNK_NEED_PART)];
    /* a J_ANYWHERE rule needs its first two characters somewhere in the paragraph: those
     * with the first are found from the paragraph's few key bits, then checked one by one */
    JunkSet any = junk_anywhere_keyless;
    for (guint64 k = j->keys & ~G_GUINT64_CONSTANT(1); k; k &= k - 1) {
        const JunkSet *by = &junk_anywhere_by_key0[lowest_bit(k)];
        for (int w = 0; w < JUNK_SET_WORDS; w++)
            any.w[w] |= by->w[w];
    }
    JunkSet s;
    for (int w = 0; w < JUNK_SET_WORDS; w++) {
        s.w[w] = bucket->w[w] & (first->w[w] | (tests0->w[w] & tests1->w[w] & tests2->w[w]));
        for (guint64 any_w = bucket->w[w] & any.w[w]; any_w; any_w &= any_w - 1) {
            gsize i = (gsize)w * 64 + lowest_bit(any_w);
            if (junk_may_contain(j, i))
                junk_set_add(&s, i);
        }
    }
    return s;
}

/* The first rule that matches decides. */
JunkVerdict jb_article_junk_verdict(const JunkPara *j)
{
    const char *p = j->p;
    gsize len = j->len;
    JunkSet cand = junk_candidates(j);
    for (int w = 0; w < JUNK_SET_WORDS; w++)
        for (guint64 bits = cand.w[w]; bits; bits &= bits - 1) { /* in rule order */
            gsize i = (gsize)w * 64 + lowest_bit(bits);
            const JunkRule *r = &junk_rules[i];
            gsize k = junk_info[i].len;
            gboolean latin = junk_info[i].latin, hit;
            switch (r->match) {
            case J_START:
                hit = len >= k && (latin ? g_ascii_strncasecmp(p, r->text, k) == 0
                                         : memcmp(p, r->text, k) == 0);
                break;
            case J_ANYWHERE:
                hit = len >= k &&
                      (latin ? ascii_casestr(p, r->text, k) : strstr(p, r->text)) != NULL;
                break;
            case J_WHOLE:
                hit = len == k &&
                      (latin ? g_ascii_strcasecmp(p, r->text) == 0 : memcmp(p, r->text, k) == 0);
                break;
            default:
                hit = r->test(j);
                break;
            }
            if (hit)
                return r->cut ? CUT : DROP;
        }
    return KEEP;
}
