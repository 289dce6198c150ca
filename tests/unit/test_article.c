/* test_article.c — jb_article: shapes, encodings, junk, dates, lines, hostile markup.
 * Runs from the repository root (fixtures in tests/data/articles/). */
#include "jb_article.h"

#include "tap.h"

#include <fcntl.h>
#include <unistd.h>

#define DIR "tests/data/articles/"

static JbArticle *load(const char *name, const char *encoding)
{
    g_autofree char *path = g_strconcat(DIR, name, NULL);
    GError *error = NULL;
    JbArticle *a = jb_article_load(path, encoding, NULL, &error);
    if (!a) {
        printf("# %s: %s\n", path, error->message);
        g_error_free(error);
    }
    return a;
}

static JbArticle *parse(const char *data, gssize len)
{
    GError *error = NULL;
    JbArticle *a = jb_article_parse("mem.html", data, len < 0 ? strlen(data) : (gsize)len, NULL,
                                    NULL, &error);
    if (!a) {
        printf("# mem.html: %s\n", error->message);
        g_error_free(error);
    }
    return a;
}

static const char *para(const JbArticle *a, guint i)
{
    return a && i < a->paragraphs->len ? a->paragraphs->pdata[i] : NULL;
}

static guint line(const JbArticle *a, guint i)
{
    return a && i < a->lines->len ? g_array_index(a->lines, guint, i) : 0;
}

static const char *warning(const JbArticle *a, guint i)
{
    return a && i < a->warnings->len ? a->warnings->pdata[i] : NULL;
}

/* Does any paragraph contain `needle`? */
static gboolean any_para_has(const JbArticle *a, const char *needle)
{
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        if (strstr(a->paragraphs->pdata[i], needle))
            return TRUE;
    return FALSE;
}

/* Is any paragraph exactly `text`? */
static gboolean any_para_is(const JbArticle *a, const char *text)
{
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        if (strcmp(a->paragraphs->pdata[i], text) == 0)
            return TRUE;
    return FALSE;
}

static void check_paras(const JbArticle *a, const char *const *want, const guint *lines, guint n,
                        const char *what)
{
    ok(a && a->paragraphs->len == n && a->lines->len == n, "%s: %u paragraphs (got %u)", what, n,
       a ? a->paragraphs->len : 0);
    for (guint i = 0; i < n; i++) {
        is_str(para(a, i), want[i], "%s: paragraph %u", what, i);
        if (lines)
            ok(line(a, i) == lines[i], "%s: paragraph %u starts on line %u (got %u)", what, i,
               lines[i], line(a, i));
    }
}

static void test_html_page(void)
{
    g_autoptr(JbArticle) a = load("page.html", NULL);
    ok(a != NULL, "page.html loads");
    if (!a)
        return;
    static const char *const want[] = {
        "光伏组件出口前五月增长三成",
        "据行业协会统计，今年1至5月我国光伏组件出口量达到 105 吉瓦，同比增长约31%。",
        "其中，对欧洲市场的出口占比回落近5个百分点，对中东和非洲的出口则明显提速。",
        "协会人士表示，“价格下行”带动了新兴市场的装机需求……",
        "组件均价已降至每瓦0.9元左右，较年初下降约12%。",
        "企业扩产放缓",
        "多家头部企业表示，下半年将把重心放在提升电池转换效率上。",
        "2023年" JB_CELL_SEP "210吉瓦", /* a table row: its cells */
        "中国光伏行业协会供稿",
    };
    static const guint lines[] = {20, 23, 24, 25, 26, 27, 28, 32, 40};
    check_paras(a, want, lines, G_N_ELEMENTS(want), "page.html");
    is_str(jb_shape_name(a->shape), "html", "page.html: shape");
    ok(g_array_index(a->kinds, guint8, 0) == JB_PARA_HEADING, "page.html: the <h1> is a heading");
    ok(g_array_index(a->kinds, guint8, 7) == JB_PARA_TABLE, "page.html: the <tr> is a table row");
    ok(g_array_index(a->kinds, guint8, 1) == JB_PARA_BODY, "page.html: a <p> is body text");
    is_str(a->title, "光伏组件出口前五月增长三成", "page.html: title (site suffix cut)");
    is_str(a->published, "2024-06-18", "page.html: date from <meta name=pubdate>");
    is_str(a->url, "https://news.example.cn/2024/06/18/solar.html", "page.html: canonical url");
    ok(a->warnings->len == 0, "page.html: no warnings (%u)", a->warnings->len);
    static const char *const junk[] = {
        "脚本",     "font-size", "首页", "滚动新闻",  "注释",     "来源", "图为",
        "新华社",   "float",     "分享", "阅读",      "责任编辑", "电话", "地址",
        "相关阅读", "储能电池",  "风电", "Copyright", "ICP",      "版权", "能源频道",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(junk); i++)
        ok(!any_para_has(a, junk[i]), "page.html: no paragraph contains '%s'", junk[i]);
    ok(!any_para_is(a, "12"), "page.html: the line that is only a number is gone");
}

static void test_markdown(void)
{
    g_autoptr(JbArticle) a = load("frontmatter.md", NULL);
    ok(a != NULL, "frontmatter.md loads");
    if (!a)
        return;
    static const char *const want[] = {
        "储能电池出货量再创新高",
        "2023年全国储能电池出货量约为206吉瓦时，同比增长超过五成。",
        "电力储能占比约八成；",
        "户用储能受海外去库存影响有所下滑。",
        "更多数据见行业年报，示意图如下：",
        "年份" JB_CELL_SEP "出货量", /* a Markdown table's rows */
        "2023" JB_CELL_SEP "206吉瓦时",
        "业内人士预计，2024年出货量仍将保持20%以上的增速。",
    };
    static const guint lines[] = {11, 13, 16, 17, 19, 27, 29, 31};
    check_paras(a, want, lines, G_N_ELEMENTS(want), "frontmatter.md");
    is_str(jb_shape_name(a->shape), "markdown", "frontmatter.md: shape");
    ok(g_array_index(a->kinds, guint8, 5) == JB_PARA_TABLE &&
           g_array_index(a->kinds, guint8, 6) == JB_PARA_TABLE,
       "frontmatter.md: a pipe table's rows are table rows");
    is_str(a->title, "储能电池出货量再创新高", "frontmatter.md: title, quotes stripped");
    is_str(a->published, "2024-01-03", "frontmatter.md: RFC 2822 date");
    is_str(a->url, "https://example.org/news/storage-2023", "frontmatter.md: url");
    ok(!any_para_has(a, "代码块") && !any_para_has(a, "出货量走势") && !any_para_has(a, "http") &&
           !any_para_has(a, "**") && !any_para_has(a, "categories"),
       "frontmatter.md: no code, image, link target, emphasis marks or front matter");
}

static const char *const plain_want[] = {
    "新能源汽车产销继续两位数增长",
    "据汽车行业协会发布的数据，今年前两个月新能源汽车累计销量达到120.7万辆，同比增长29.4%。",
    "其中，新能源乘用车出口势头较好，2月单月出口量约为6.5万辆。",
    "行业分析人士认为，春节因素使2月份数据有所波动，全年仍有望保持较快增长。",
};
static const guint plain_lines[] = {1, 7, 9, 11};

static void check_plain(const JbArticle *a, const char *what)
{
    check_paras(a, plain_want, plain_lines, G_N_ELEMENTS(plain_want), what);
    if (!a)
        return;
    is_str(jb_shape_name(a->shape), "text", "%s: shape", what);
    is_str(a->title, "新能源汽车产销继续两位数增长", "%s: title is the first short line", what);
    is_str(a->published, "2024-03-12", "%s: date from the 更新时间 line", what);
    is_str(a->url, "", "%s: no url", what);
    ok(a->warnings->len == 0, "%s: no warnings (%u)", what, a->warnings->len);
    static const char *const junk[] = {"更新时间", "加载中", "5.67W",  "责任编辑",    "为你推荐",
                                       "装车量",   "右上角", "朋友圈", "\xE3\x80\x80"};
    for (gsize i = 0; i < G_N_ELEMENTS(junk); i++)
        ok(!any_para_has(a, junk[i]), "%s: no paragraph contains '%s'", what, junk[i]);
    ok(!any_para_is(a, "18"), "%s: the lone '18' after the marker is gone", what);
}

static void test_plain_text(void)
{
    g_autoptr(JbArticle) a = load("plain.txt", NULL);
    check_plain(a, "plain.txt");
}

static void test_gb18030(void)
{
    g_autoptr(JbArticle) a = load("plain-gb18030.txt", NULL);
    check_plain(a, "plain-gb18030.txt (detected)");
    g_autoptr(JbArticle) b = load("plain-gb18030.txt", "GB18030");
    check_plain(b, "plain-gb18030.txt (encoding given)");
}

static void test_invalid_utf8(void)
{
    g_autoptr(JbArticle) a = load("invalid-utf8.txt", NULL);
    static const char *const want[] = {"钢铁产量下降2%。", "粗钢出口增加。"};
    static const guint lines[] = {1, 2};
    check_paras(a, want, lines, 2, "invalid-utf8.txt");
    /* (and a fourth: the file states no date) */
    ok(a && a->warnings->len == 4,
       "invalid-utf8.txt: three warnings of bytes and one of no date (%u)",
       a ? a->warnings->len : 0);
    ok(a && a->warnings->len == 4 && strstr(warning(a, 3), "no date found"),
       "invalid-utf8.txt: the last says no date was found");
    is_str(warning(a, 0), DIR "invalid-utf8.txt: byte 12: invalid UTF-8 skipped",
           "invalid-utf8.txt: warning names file and offset of 0xFF");
    is_str(warning(a, 1), DIR "invalid-utf8.txt: byte 31: invalid UTF-8 skipped",
           "invalid-utf8.txt: truncated sequence, first byte");
    is_str(warning(a, 2), DIR "invalid-utf8.txt: byte 32: invalid UTF-8 skipped",
           "invalid-utf8.txt: truncated sequence, second byte");
}

static void expect_error(const char *name, int code, const char *message)
{
    g_autofree char *path = g_strconcat(DIR, name, NULL);
    GError *error = NULL;
    JbArticle *a = jb_article_load(path, NULL, NULL, &error);
    ok(a == NULL && error && error->domain == JB_ERROR && error->code == code,
       "%s: fails with code %d", name, code);
    is_str(error ? error->message : NULL, message, "%s: error message", name);
    g_clear_error(&error);
    jb_article_free(a);
}

static void test_errors(void)
{
    expect_error("empty.txt", JB_ERROR_INPUT, DIR "empty.txt: empty");
    expect_error("binary.bin", JB_ERROR_INPUT,
                 DIR "binary.bin: binary file (NUL byte at offset 7)");
    expect_error("no-such-file.txt", JB_ERROR_INPUT,
                 DIR "no-such-file.txt: cannot open: No such file or directory");

    GError *error = NULL;
    JbArticle *a = jb_article_parse("blank.txt", "\xEF\xBB\xBF \n\t\xE3\x80\x80\n", 9, NULL, NULL,
                                    &error);
    ok(!a && error && error->code == JB_ERROR_INPUT, "a BOM and white space only: empty");
    is_str(error ? error->message : NULL, "blank.txt: empty", "blank.txt: message");
    g_clear_error(&error);

    a = jb_article_parse("x.txt", "正文。", strlen("正文。"), "NOPE-42", NULL, &error);
    ok(!a && error && error->code == JB_ERROR_USAGE, "unknown encoding: usage error");
    is_str(error ? error->message : NULL, "x.txt: unknown encoding 'NOPE-42'",
           "unknown encoding: message");
    g_clear_error(&error);

    a = jb_article_parse("x.txt", "正文。", strlen("正文。"), NULL, "next tuesday", &error);
    ok(!a && error && error->code == JB_ERROR_USAGE, "bad published override: usage error");
    g_clear_error(&error);

    /* Over the limit: refused from the size, before reading (a sparse file). */
    char *path = NULL;
    int fd = g_file_open_tmp("jb-article-XXXXXX.txt", &path, NULL);
    ok(fd >= 0 && ftruncate(fd, (off_t)JB_ARTICLE_MAX_BYTES + 1) == 0, "sparse big file made");
    close(fd);
    a = jb_article_load(path, NULL, NULL, &error);
    ok(!a && error && error->code == JB_ERROR_LIMIT, "over JB_ARTICLE_MAX_BYTES: limit error");
    ok(error && g_str_has_prefix(error->message, path), "limit error names the file: %s",
       error ? error->message : "(none)");
    g_clear_error(&error);
    unlink(path);
    g_free(path);
}

/* A block whose class or id names an advertisement goes with all it holds (its nested blocks
 * of the same tag too); a class that only contains the letters (header, loading) stays. */
static void test_ad_blocks(void)
{
    g_autoptr(JbArticle) a = parse(
        "<p>前三季度营收增长8%。</p>\n<div class=\"ad-banner\"><div>扫码领取报告，限时6.6元</div>"
        "<p>已有3万人领取</p></div>\n<div class=\"loading header\"><p>净利润增长5%。</p></div>\n"
        "<section id=\"ads_top\">广告位招租，每月800元</section>\n<p>毛利率为31%。</p>\n",
        -1);
    static const char *const want[] = {"前三季度营收增长8%。", "净利润增长5%。", "毛利率为31%。"};
    static const guint lines[] = {1, 3, 5};
    check_paras(a, want, lines, 3, "advertisement blocks");
}

static void test_unterminated(void)
{
    g_autoptr(JbArticle) a = load("unterminated-comment.html", NULL);
    static const char *const want[] = {"第一季度全省工业用电量同比增长8.2%。",
                                       "其中高技术制造业用电增长更快。"};
    static const guint lines[] = {1, 2};
    check_paras(a, want, lines, 2, "unterminated-comment.html");
    is_str(warning(a, 0),
           DIR "unterminated-comment.html:3: unterminated comment; rest of file ignored",
           "unterminated comment: warning with line");

    g_autoptr(JbArticle) b = load("unterminated-tag.html", NULL);
    static const char *const want_b[] = {"港口集装箱吞吐量前四月累计增长6%。"};
    static const guint lines_b[] = {2};
    check_paras(b, want_b, lines_b, 1, "unterminated-tag.html");
    is_str(warning(b, 0), DIR "unterminated-tag.html:3: unterminated tag <p; rest of file ignored",
           "unterminated tag: warning with line");

    g_autoptr(JbArticle) c = parse("<p>前言</p>\n<nav>\n<p>导航里的正文，增长2%。</p>\n", -1);
    static const char *const want_c[] = {"前言", "导航里的正文，增长2%。"};
    static const guint lines_c[] = {1, 3};
    check_paras(c, want_c, lines_c, 2, "unclosed <nav>");
    is_str(warning(c, 0), "mem.html:2: <nav> is never closed; its text is kept",
           "unclosed <nav>: warning");

    g_autoptr(JbArticle)
        d = parse("<html><body><form id=\"f\"><div><p>整页包在表单里，营收增长3%。</p></div></form>"
                  "</body></html>",
                  -1);
    static const char *const want_d[] = {"整页包在表单里，营收增长3%。"};
    check_paras(d, want_d, NULL, 1, "page wrapped in <form>");
}

static double seconds_since(gint64 t0)
{
    return (double)(g_get_monotonic_time() - t0) / 1e6;
}

static void test_hostile(void)
{
    /* 100000 nested <div> around one paragraph */
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 100000; i++)
        g_string_append(s, "<div>");
    g_string_append(s, "<p>深层嵌套里的一段，占比42%。</p>");
    for (int i = 0; i < 100000; i++)
        g_string_append(s, "</div>");
    gint64 t0 = g_get_monotonic_time();
    g_autoptr(JbArticle) a = parse(s->str, (gssize)s->len);
    static const char *const want[] = {"深层嵌套里的一段，占比42%。"};
    static const guint lines[] = {1};
    check_paras(a, want, lines, 1, "100000 nested <div>");
    ok(seconds_since(t0) < 2.0, "100000 nested <div>: fast (%.3f s)", seconds_since(t0));

    /* 100000 nested inline tags between a number and its unit */
    g_string_assign(s, "<p>近5个");
    for (int i = 0; i < 100000; i++)
        g_string_append(s, "<span><b>");
    g_string_append(s, "百分点");
    for (int i = 0; i < 100000; i++)
        g_string_append(s, "</b></span>");
    g_string_append(s, "</p>");
    g_autoptr(JbArticle) b = parse(s->str, (gssize)s->len);
    is_str(para(b, 0), "近5个百分点", "200000 nested inline tags vanish");

    /* Inputs that would be quadratic for a naive scanner: each must finish quickly. */
    static const char *const units[] = {"<a b='",      "<a b=\"x\" c='>",
                                        "<!--",        "<script>",
                                        "<p title=\"", "&#",
                                        "&amp",        "</",
                                        "<",           "[",
                                        "![a](",       "<![CDATA[",
                                        "[a](",        "[a][",
                                        "*_~",         "`",
                                        "<nav>",       "|"};
    for (gsize u = 0; u < G_N_ELEMENTS(units); u++) {
        g_string_assign(s, "<p>开头一段。</p>\n");
        for (int i = 0; i < 200000; i++)
            g_string_append(s, units[u]);
        t0 = g_get_monotonic_time();
        JbArticle *h = parse(s->str, (gssize)s->len);
        double dt = seconds_since(t0);
        ok(h && dt < 2.0 && h->shape == JB_SHAPE_HTML, "200000 x '%s' as HTML: done in %.3f s",
           units[u], dt);
        jb_article_free(h);
        /* the same as Markdown */
        g_string_assign(s, "# 标题\n\n开头一段。\n");
        for (int i = 0; i < 200000; i++)
            g_string_append(s, units[u]);
        GError *error = NULL;
        t0 = g_get_monotonic_time();
        h = jb_article_parse("mem.md", s->str, s->len, NULL, NULL, &error);
        dt = seconds_since(t0);
        ok(h && dt < 2.0 && h->shape == JB_SHAPE_MARKDOWN,
           "200000 x '%s' as Markdown: done in %.3f s", units[u], dt);
        g_clear_error(&error);
        jb_article_free(h);
    }
    g_string_free(s, TRUE);
}

static void test_html_details(void)
{
    g_autoptr(JbArticle)
        a = parse("<p>收入&lt;5亿&amp;利润&gt;1亿，&ldquo;好&rdquo;&mdash;&hellip; "
                  "&#x4e2d;&#22269; &yen;100 &foo; 完</p>",
                  -1);
    is_str(para(a, 0), "收入<5亿&利润>1亿，“好”-… 中国 ¥100 &foo; 完", "entities decoded");

    /* A fragment: text lines with a few <p> tags, as crawlers save them. */
    g_autoptr(JbArticle) b = parse(
        "更新时间:2025-01-02 08:00 来源:某网\n正文之前的一行\n<p>第一段。</p> <p>第二段。</p>\n"
        "Copyright 2025 某网\n",
        -1);
    static const char *const want_b[] = {"正文之前的一行", "第一段。", "第二段。"};
    static const guint lines_b[] = {2, 3, 3};
    check_paras(b, want_b, lines_b, 3, "html fragment");
    is_str(b ? b->published : NULL, "2025-01-02", "html fragment: date from the header line");

    /* A date line with the day of the week, before or after the time, bracketed or not. */
    static const char *const weekdays[] = {"2024年8月16日 星期五 17:32", "2024-08-16 17:32 周五",
                                           "2024年08月16日（星期五）", "2024年8月16日 禮拜五"};
    for (gsize i = 0; i < G_N_ELEMENTS(weekdays); i++) {
        g_autofree char *text = g_strconcat("某地发布统计数据\n\n", weekdays[i],
                                            "\n\n第二季度产值增长3.3%。\n", NULL);
        g_autoptr(JbArticle) w = parse(text, -1);
        is_str(w ? w->published : NULL, "2024-08-16", "a date line with its weekday: %s",
               weekdays[i]);
    }

    /* <header> inside <article> is the article's; outside, it is the site's. */
    g_autoptr(JbArticle)
        c = parse("<header>站点导航</header><article><header><h1>文章标题</h1></header>"
                  "<p>正文，增长1%。</p></article>",
                  -1);
    static const char *const want_c[] = {"文章标题", "正文，增长1%。"};
    check_paras(c, want_c, NULL, 2, "<header> in <article>");
    is_str(c ? c->title : NULL, "文章标题", "title from <h1>");

    /* CRLF and BOM; paragraphs from <br>; junk view count "阅读 1234" */
    g_autoptr(JbArticle)
        d = parse("\xEF\xBB\xBF<div>\r\n第一行<br>\r\n第二行<br/>阅读 1234\r\n</div>\r\n<div>"
                  "第三行</div>",
                  -1);
    static const char *const want_d[] = {"第一行", "第二行", "第三行"};
    static const guint lines_d[] = {2, 3, 5};
    check_paras(d, want_d, lines_d, 3, "CRLF, BOM and <br>");

    /* counters, and a recommendation list under 相关推荐 */
    g_autoptr(JbArticle) f = parse("<div><p>正文一段。</p><a class=\"like\">点赞 326</a></div>"
                                   "<div>评论 12</div><section><h3>相关推荐</h3>"
                                   "<ul><li>某地小麦收购超2000万吨</li></ul></section>",
                                   -1);
    static const char *const want_f[] = {"正文一段。"};
    check_paras(f, want_f, NULL, 1, "like/comment counts and 相关推荐 list dropped");

    /* a leaked CSS rule and a script line outside <style>/<script> */
    g_autoptr(JbArticle)
        e = parse("<p>.x&#123;float:right;&#125;</p><p>var a = 1; document.write(a);</p>"
                  "<p>正文。</p>",
                  -1);
    static const char *const want_e[] = {"正文。"};
    check_paras(e, want_e, NULL, 1, "leaked CSS and script dropped");
}

static void test_text_details(void)
{
    /* UTF-16LE with BOM */
    const char *utf8 = "标题一行\n\n　　第一段，增长10%。\n";
    gsize n16 = 0;
    g_autofree char *u16 = g_convert(utf8, -1, "UTF-16LE", "UTF-8", NULL, &n16, NULL);
    GString *s = g_string_new_len("\xFF\xFE", 2);
    g_string_append_len(s, u16, (gssize)n16);
    GError *error = NULL;
    g_autoptr(JbArticle) a = jb_article_parse("u16.txt", s->str, s->len, NULL, NULL, &error);
    g_clear_error(&error);
    static const char *const want_a[] = {"标题一行", "第一段，增长10%。"};
    static const guint lines_a[] = {1, 3};
    check_paras(a, want_a, lines_a, 2, "UTF-16LE with BOM");
    g_string_free(s, TRUE);

    /* a hard-wrapped text file is joined back into paragraphs */
    const char *wrapped = "一二三四五六七八九十一二三四五六七八九十一二三四五\n"
                          "一二三四五六七八九十一二三四五六七八九十一二三四五\n"
                          "一二三四五六七八九十一二三四五六七八九十一二三四五\n"
                          "结束。\n"
                          "\n"
                          "一二三四五六七八九十一二三四五六七八九十一二三四五\n"
                          "第二段结束。\n";
    g_autoptr(JbArticle)
        b = jb_article_parse("w.txt", wrapped, strlen(wrapped), NULL, NULL, &error);
    g_clear_error(&error);
    ok(b && b->paragraphs->len == 2, "hard-wrapped text: two paragraphs (%u)",
       b ? b->paragraphs->len : 0);
    ok(b && g_str_has_suffix(para(b, 0),
                             "五一二三四五六七八九十一二三四五六七八九十一二三四五结束。"),
       "hard-wrapped text: lines joined without spaces");
    ok(line(b, 1) == 6, "hard-wrapped text: second paragraph on line 6");

    /* a date cut by a dumped line break (自11月20 / 日起, 2026年11 / 月) is one paragraph, even
     * in a text not hard-wrapped; a line after a whole date stays its own */
    const char *cut =
        "经研究决定，自11月20\n日起，甲合约保证金比例调整为9%。\n2026年11\n月，乙合约成交"
        "回升。\n12月1日\n日程另行通知。\n";
    g_autoptr(JbArticle) cd = jb_article_parse("cut.txt", cut, strlen(cut), NULL, NULL, &error);
    g_clear_error(&error);
    static const char *const want_cut[] = {"经研究决定，自11月20日起，甲合约保证金比例调整为9%。",
                                           "2026年11月，乙合约成交回升。", "12月1日",
                                           "日程另行通知。"};
    check_paras(cd, want_cut, NULL, 4, "a date cut by a line break");

    /* published_override wins and is normalised */
    g_autoptr(JbArticle) c = jb_article_parse("o.txt", "发布时间：2024年3月5日\n正文。\n",
                                              strlen("发布时间：2024年3月5日\n正文。\n"), NULL,
                                              "2023年5月1日", &error);
    g_clear_error(&error);
    is_str(c ? c->published : NULL, "2023-05-01", "published_override wins");
    g_autoptr(JbArticle)
        d = jb_article_parse("o.txt", "发布时间：2024年3月5日\n正文。\n",
                             strlen("发布时间：2024年3月5日\n正文。\n"), NULL, NULL, &error);
    g_clear_error(&error);
    is_str(d ? d->published : NULL, "2024-03-05", "发布时间 with a Chinese date");
    static const char *const want_d[] = {"正文。"};
    check_paras(d, want_d, NULL, 1, "date line is not a paragraph");

    /* a line of labelled fields whose date is not the first field; a note of the data's day
     * with a 来源 in a sentence is no date line */
    static const char fields[] =
        "周报\n\n发布单位：某研究部　　发布日期：2026年12月4日（周五）　　"
        "编辑：某某\n\n说明：数据截至2026年11月30日，来源于某平台。\n\n正文。\n";
    g_autoptr(JbArticle) f = jb_article_parse("f.txt", fields, strlen(fields), NULL, NULL, &error);
    g_clear_error(&error);
    is_str(f ? f->published : NULL, "2026-12-04", "a date line opening with 发布单位");
    ok(f && f->paragraphs->len == 3, "the note of the data's day stays a paragraph (%u)",
       f ? f->paragraphs->len : 0);
}

/* Paths the junk rules take through precomputed facts (characters, letters, digits seen
 * while a paragraph is cleaned), and more paragraphs than the first buffer of lines. */
static void test_junk_facts(void)
{
    static const struct {
        const char *text;
        gboolean junk;
    } cases[] = {
        {"© 2024 示例网", TRUE}, /* a two-byte character */
        {"全文完。版权所有©示例日报社", TRUE},
        {"扫码下载ＡＰＰ", TRUE}, /* letters made ASCII while cleaning */
        {"打开示例新闻客户端，精彩尽在掌握", TRUE},
        {"责任编辑：王某", TRUE},
        {"本版编辑：周某 美编：李某", TRUE}, /* a paper's page credits under its edition line */
        {"字号：大 中 小　　打印　　关闭　　浏览次数：12,406", TRUE}, /* a portal's tools */
        {"[ 编辑 张三 ]", TRUE},
        {"本报记者 张三", TRUE},
        {"热线 400-123-4567", TRUE},
        {"联系人手机13912345678", TRUE},
        {"地址：某市某路1号 0431-88600010", TRUE},
        {"全年营收1234567890元，同比增长3-5个百分点。", FALSE},
        {"5G移动电话用户达6.76亿户，同比增长12%。", FALSE},
        {"记者从会上获悉，全年新增装机2亿千瓦左右。", FALSE},
        {"咨询电话：0431-88600010", TRUE},
        {"服务热线 400-820-6688，转3", TRUE},
        {"市民热线12345共受理诉求186件，办结率100%。", FALSE}, /* a service in a story */
        /* a page's counters in a row, and a stock's quote box */
        {"阅读 2.4万 · 点赞 318 · 转发 57", TRUE},
        {"收藏 88　评论 12　分享 9", TRUE},
        {"阅读 3.6万　赞 412　在看 85　留言 19", TRUE}, /* a 公众号 post's foot */
        {"获赞 2,096　喜欢 57", TRUE},
        {"【字体：大 中 小】　　浏览：2,318　　打印本页　　关闭窗口",
         TRUE}, /* tools and a counter */
        {"浏览：2,318　打印此页", TRUE},
        {"营业收入：12.3亿元　净利润：1.2亿元", FALSE},
        {"关注 86　粉丝 12.4万　微博 2,730", TRUE}, /* a Weibo profile's counts */
        {"新区两天接待游客12.6万人次，外地游客占比超过六成……展开c", TRUE}, /* a post's preview */
        {"温馨提示：中奖者须在开奖之日起60天内兑奖，单注奖金超过1万元须缴纳20%个人所得税。", TRUE},
        {"相关解读：", TRUE},
        {"12.4万粉丝", TRUE},
        {"微博月活跃用户达5.9亿。", FALSE},
        {"此页面已被浏览过9,215次。", TRUE}, /* a wiki page's footer */
        {"本页面最后修订于2026年10月3日 (星期六) 18:20。本站的全部文字在知识共享 署名-相同方式共享 "
         "4.0协议之条款下提供。此页面已被浏览过9,215次。",
         TRUE},
        {"下期预告：《岁末看消费》 本期编导：某某 节目时长：26分钟",
         TRUE}, /* a programme's credits */
        {"留言板共收到群众建议326条。", FALSE},
        {"赞助商投入资金1.2亿元。", FALSE},
        {"海川股份 600321 最新价 12.05 涨跌幅 -0.82% 成交额 1.26亿 换手率 1.37%", TRUE},
        {"截至收盘，该股成交额1.26亿元，换手率1.37%。", FALSE},
        {"全年阅读推广活动参与人数达12万人次。", FALSE},
        /* a site's navigation written out: a bar of links, a breadcrumb, bracketed links */
        {"桐江新闻网 | 首页 | 要闻 | 财经 | 汽车 | 房产 | 视频", TRUE},
        {"桐江晚报 首页 > 财经 > 正文", TRUE},
        {"要闻 > 区县动态", TRUE},
        {"出口增长8.1% | 进口下降2.4%", FALSE},
        {"【返回目录】【上一篇】【下一篇】", TRUE},
        {"[打印] [关闭]", TRUE},
        {"【权威发布】全省前三季度地区生产总值增长5.3%", FALSE},
        /* widgets: a calculator, live quotes and prices marked by arrows, a quote box */
        {"房贷计算器：贷款80万元、25年、利率3.1%，月供约3835元", TRUE},
        {"实时行情：上证指数 3310.25 ▲0.36% 深证成指 10655.40", TRUE},
        {"今日汇率：美元/人民币 7.1120 日元/人民币 0.0472", TRUE},
        {"城区新房均价 18,650元/㎡ ↑0.3% 二手房均价 14,020元/㎡ ↓0.7%", TRUE},
        {"禾丰电子 300999 最新 42.18 -0.66% 市值 356亿", TRUE},
        {"今日参考：首套利率 3.1% ｜ 二套 3.5% ｜ 公积金 2.6% 去计算>>", TRUE},
        {"出口增长8.1% ｜ 进口下降2.4% ｜ 顺差扩大", FALSE},
        {"汇率方面：人民币对美元中间价报7.1032，较前一日调升28个基点。", FALSE},
        {"▲前三季度，全市规模以上工业增加值同比增长6.1%。", FALSE},
        /* an index bar that moves in points: two numbers after arrows, bars or not */
        {"沪指 3,412 ▲18 | 深成指 11,020 ▼35 | 行情延迟", TRUE},
        {"道指 44,120 ▼206　纳指 19,480 ▲51", TRUE},
        {"相关公告显示，公司前三季度净利润增长12%。", FALSE},
        {"▲出口增长12.3%，▼进口下降8.1%。", FALSE},
        /* a WeChat article's badge and follow prompt */
        {"原创 青禾研究院 青禾数据", TRUE},
        {"点击上方蓝字关注我们 | 设为星标，第一时间收到推送", TRUE},
        {"相关政策：对新购车辆给予最高5000元补贴。", FALSE},
        /* a top bar with the day's weather in one of its items; an ad's call to action; a
         * research report's running header */
        {"无障碍 | 长者模式 | English | 今天是： | 桐江天气 3℃~11℃", TRUE},
        {"注册即送会员15天，点击领取", TRUE},
        /* a page's facts about itself ending in counters; a fact box of figures is kept */
        {"公告日期：2026-03-28 证券代码：600999 公告编号：2026-021 阅读：3.4万 评论(52)", TRUE},
        {"营业收入：12.3亿元 净利润：1.2亿元 毛利率：23.5%", FALSE},
        {"证券研究报告 · 请务必阅读正文之后的声明 本报告共36页，图表52张", TRUE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *html = g_strdup_printf("<p>正文第一段，增长10%%。</p><p>%s</p>",
                                                cases[i].text);
        g_autoptr(JbArticle) a = parse(html, -1);
        ok(a && (a->paragraphs->len == 1) == cases[i].junk, "'%s' is %s", cases[i].text,
           cases[i].junk ? "junk" : "kept");
    }

    GString *many = g_string_new(NULL);
    for (int i = 0; i < 100; i++)
        g_string_append_printf(many, "第%d段，增长%d%%。\n\n", i + 1, i);
    GError *error = NULL;
    g_autoptr(JbArticle) b = jb_article_parse("many.txt", many->str, many->len, NULL, NULL, &error);
    g_clear_error(&error);
    ok(b && b->paragraphs->len == 100 && b->lines->len == 100, "100 paragraphs, 100 lines");
    gboolean lines_ok = b != NULL;
    for (guint i = 0; b && i < b->lines->len; i++)
        lines_ok = lines_ok && line(b, i) == 2 * i + 1;
    ok(lines_ok, "paragraph i starts on line 2i+1");
    is_str(para(b, 99), "第100段，增长99%。", "the last paragraph");
    g_string_free(many, TRUE);
}

/* What closes a story (a list of other pages under its heading) and what opens a plain
 * text page (a nav bar, a masthead, a byline with counters): written for this test. */
static void test_page_furniture(void)
{
    static const struct {
        const char *name, *text;
    } lists[] = {
        {"a.txt",
         "全市新增就业8.2万人。\n\n往期推荐\n◎ 三季度外贸进出口增长5.6%\n◎ 上半年快递量增长19%\n"},
        {"b.txt", "全市新增就业8.2万人。\n\n相关报道\n・山前县：36小时抢通省道\n・室温不低于20℃\n"},
        {"c.md", "全市新增就业8.2万人。\n\n相关阅读：[去年公报：总费用超8万亿元](/a.html)\n"},
        {"d.md",
         "全市新增就业8.2万人。\n\n**往期榜单**\n\n- [第40周：前十合计11.2万辆](/w40.html)\n"},
        {"e.html",
         "<p>全市新增就业8.2万人。</p><h3>热门楼盘</h3><ul><li>湖畔里 均价2.6万元/㎡</li></ul>"},
        {"f.txt",
         "全市新增就业8.2万人。\n\n【相关新闻】\n6月3日：沪指收复3300点 成交额重回1.2万亿元\n"},
        {"g.txt", "全市新增就业8.2万人。\n\n■往期推荐\n三季度外贸进出口增长5.6%\n"},
        /* a filer's or a research house's other documents, with their figures */
        {"h.txt", "全市新增就业8.2万人。\n\n相关报告：\n《三季度策略：盈利增速回升至4.2%》\n"},
        {"i.txt", "全市新增就业8.2万人。\n\n【相关公告】\n某公司：半年报（净利润1.2亿元）\n"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++) {
        GError *error = NULL;
        g_autoptr(JbArticle) a = jb_article_parse(lists[i].name, lists[i].text,
                                                  strlen(lists[i].text), NULL, NULL, &error);
        g_clear_error(&error);
        ok(a && a->paragraphs->len == 1, "%s: the list after its heading is junk (%u paragraphs)",
           lists[i].name, a ? a->paragraphs->len : 0);
    }

    /* Markdown's links: a list of them is another page's (the HTML pass's link density
     * rule); a link inside a sentence, or a heading that is a link, is the story's */
    const char *md = "---\ntitle: 出口\ndate: 2026-11-18\nauthor: 桐江财经\n---\n\n"
                     "全市出口增长6.1%。\n\n"
                     "- [三季度外贸进出口增长5.6%](/a.html)\n- [上半年快递量增长19%](/b.html)\n\n"
                     "据[海关](/c.html)统计，进口增长3.2%。\n\n"
                     "## [专题：前三季度地区生产总值增长5.2%](/d.html)\n";
    GError *error = NULL;
    g_autoptr(JbArticle) m = jb_article_parse("m.md", md, strlen(md), NULL, NULL, &error);
    g_clear_error(&error);
    ok(m && m->paragraphs->len == 3 && !any_para_has(m, "快递量"),
       "Markdown: a list of links is junk, a link in a sentence and a heading's are kept (%u)",
       m ? m->paragraphs->len : 0);
    is_str(m ? m->publisher : NULL, "桐江财经", "an author that names an outlet is the publisher");
    const char *md2 =
        "---\ntitle: 出口\ndate: 2026-11-18\nauthor: 张某\n---\n\n全市出口增长6.1%。\n";
    g_autoptr(JbArticle) m2 = jb_article_parse("m2.md", md2, strlen(md2), NULL, NULL, &error);
    g_clear_error(&error);
    is_str(m2 ? m2->publisher : NULL, "", "an author who is a person is no publisher");
    /* a page's meta spans run together (来源：某网 then 阅读 18650): the name ends at the next
     * field's label */
    const char *spans =
        "<html><head><title>出口增长_桐江新闻网</title></head><body><h1>出口增长</h1>"
        "<div class=\"meta\"><span>2026-11-18 10:05</span><span>来源：桐江新闻网"
        "</span><span>阅读 18650</span></div><p>全市出口增长6.1%。</p></body></html>";
    g_autoptr(JbArticle) sp = jb_article_parse("s.html", spans, strlen(spans), NULL, NULL, &error);
    g_clear_error(&error);
    is_str(sp ? sp->publisher : NULL, "桐江新闻网",
           "a source's name ends where a counter's label touches it");

    /* a page turned into Markdown writes a paragraph a line: a bulletin's run-on items, each
     * its headline glued to its text, are paragraphs of their own (a time one names is not
     * the next one's); a contents list's lines ending in ；or ： stay one block, and a
     * hard-wrapped file's lines that happen to end a sentence are still joined */
    const char *items = "# 晚间快讯\n\n## 本期要目\n\n本期要目：\n1.全省粮食产量创新高；\n"
                        "2.国内快讯：\n（1）新能源汽车保有量超60万辆。\n\n## 国内快讯\n\n"
                        "新能源汽车保有量超60万辆记者获悉，截至10月底，保有量达62.4万辆。\n"
                        "茶博会开幕茶博会今天开幕，展览面积3万平方米。\n";
    g_autoptr(JbArticle) it = jb_article_parse("it.md", items, strlen(items), NULL, NULL, &error);
    g_clear_error(&error);
    ok(it && any_para_is(it, "茶博会开幕茶博会今天开幕，展览面积3万平方米。") &&
           any_para_has(it, "全省粮食产量创新高；2.国内快讯："),
       "Markdown: a line ending a sentence ends its paragraph, a list's lines stay one block");
    GString *wrap = g_string_new("# 标题\n\n");
    for (int i = 0; i < 6; i++)
        g_string_append(wrap, i % 3 == 2
                                  ? "全市出口增长六个百分点，进口增长三个百分点，贸易顺差扩大。\n"
                                  : "全市出口增长六个百分点，进口增长三个百分点，贸易顺差扩大\n");
    g_autoptr(JbArticle) w = jb_article_parse("w.md", wrap->str, wrap->len, NULL, NULL, &error);
    g_clear_error(&error);
    ok(w && w->paragraphs->len == 2, "Markdown hard-wrapped: its lines joined (%u paragraphs)",
       w ? w->paragraphs->len : 0);
    g_string_free(wrap, TRUE);

    /* a date line after a two-line headline, with the reporter and a counter's thousands */
    const char *byline = "桐江新聞網　首頁 ＞ 本地 ＞ 經濟\n"
                         "即時行情：恒生指數 24,980 ▼0.31%　金價 每兩 35,900\n\n"
                         "十月出口按年升6.1%\n首十個月累計逾3,200億\n\n"
                         "2026-11-18 16:20　桐江新聞網記者 陳某　讚好 2,048　分享 96\n\n"
                         "統計處今日公佈，十月出口按年上升6.1%。\n";
    g_autoptr(JbArticle) b = jb_article_parse("b.txt", byline, strlen(byline), NULL, NULL, &error);
    g_clear_error(&error);
    is_str(b ? b->published : NULL, "2026-11-18", "a byline's date beside counters with thousands");
    is_str(b ? b->title : NULL, "十月出口按年升6.1%", "the headline is the title, not the nav bar");
    is_str(b ? b->publisher : NULL, "桐江新聞網", "the publisher the byline names before 記者");
    ok(b && !any_para_has(b, "恒生指數"), "the quote bar is junk");

    /* a paper's masthead above its edition line: its publisher, not the title */
    const char *paper = "桐江日报数字报\n2026年11月18日 星期三　第03版：要闻\n\n"
                        "全市出口增长6.1%\n\n本报讯 今年以来，全市出口增长6.1%。\n";
    g_autoptr(JbArticle) c = jb_article_parse("c.txt", paper, strlen(paper), NULL, NULL, &error);
    g_clear_error(&error);
    is_str(c ? c->title : NULL, "全市出口增长6.1%", "a masthead is not the title");
    is_str(c ? c->publisher : NULL, "桐江日报", "a masthead names the publisher");

    /* a name opening the date line (晚报, 研究院, 财经) is the publisher; 本报记者 is none */
    static const struct {
        const char *line, *want;
    } names[] = {
        {"桐江晚报　2026年11月18日 星期三　A05版　民生", "桐江晚报"},
        {"青禾研究院　2026-11-18 09:08　发表于浙江", "青禾研究院"},
        {"2026年11月18日 16:20　汇通财经　作者：某某　评论（21）", "汇通财经"},
        {"2026-11-18 16:20　本报记者 张某", ""},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *text = g_strdup_printf(
            "全市出口增长6.1%%\n%s\n\n今年以来，全市出口增长6.1%%。\n", names[i].line);
        g_autoptr(JbArticle) d = jb_article_parse("d.txt", text, strlen(text), NULL, NULL, &error);
        g_clear_error(&error);
        is_str(d ? d->publisher : NULL, names[i].want, "publisher of '%s'", names[i].line);
        is_str(d ? d->published : NULL, "2026-11-18", "date of '%s'", names[i].line);
    }
}

static void test_dates(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Tue, 26 Jul 2022 10:12:40 GMT", "2022-07-26"},
        {"26 Jul 2022", "2022-07-26"},
        {"2022-07-26T23:30:00+08:00", "2022-07-26"},
        {"2022-07-26T23:30:00Z", "2022-07-26"},
        {"2022-07-26 08:39", "2022-07-26"},
        {"2022/7/6", "2022-07-06"},
        {"2022.07.26", "2022-07-26"},
        {"２０２２年７月２６日", "2022-07-26"},
        {"2022年7月", "2022-07"},
        {"2022-07", "2022-07"},
        {"2022", "2022"},
        {"2022-02-30", NULL},
        {"Fri, 31 Jun 2022", NULL},
        {"yesterday", NULL},
        {"", NULL},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = jb_article_parse_date(cases[i].in);
        is_str(got, cases[i].want, "parse_date('%s')", cases[i].in);
    }
}

static JbArticle *parse_as(const char *name, const char *data, GError **error)
{
    return jb_article_parse(name, data, strlen(data), NULL, NULL, error);
}

static const JbSection *section(const JbArticle *a, guint i)
{
    return a && i < a->sections->len ? &g_array_index(a->sections, JbSection, i) : NULL;
}

/* The kind of the paragraph that is `text`, or -1 when none is. */
static int kind_of(const JbArticle *a, const char *text)
{
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        if (strcmp(g_ptr_array_index(a->paragraphs, i), text) == 0)
            return g_array_index(a->kinds, guint8, i);
    return -1;
}

/* A feed's item marked as an ad (【广告】 in its title, [推广] in a CDATA title) is no news:
 * neither its title nor its text is a paragraph; the items around it are read. An ad block
 * so marked in a page's text goes too. */
static void test_feed_ads(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle) a = parse_as(
        "feed.xml",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        "<title>某研究院</title>\n<entry><title>三季度网购规模增长7%</title>"
        "<published>2026-11-20T09:00:00+08:00</published>"
        "<summary type=\"html\">&lt;p&gt;三季度网购规模同比增长7%。&lt;/p&gt;</summary></entry>\n"
        "<entry><title>【广告】会员限时5折 年卡仅需¥199</title>"
        "<published>2026-11-19T09:00:00+08:00</published>"
        "<summary type=\"html\">&lt;p&gt;开通即可下载2,000余份报告。&lt;/p&gt;</summary></entry>\n"
        "<entry><title><![CDATA[[推广] 新课上线首月8元]]></title>"
        "<summary>报名即送3份资料。</summary></entry>\n"
        "<entry><title>快递业务量突破百亿件</title>"
        "<summary>10月快递业务量为112亿件。</summary></entry>\n</feed>\n",
        &error);
    g_clear_error(&error);
    ok(a && !any_para_has(a, "会员") && !any_para_has(a, "2,000") && !any_para_has(a, "新课") &&
           !any_para_has(a, "3份"),
       "feed ads: an item marked 【广告】 or [推广] gives no paragraph");
    ok(any_para_is(a, "三季度网购规模同比增长7%。") && any_para_is(a, "10月快递业务量为112亿件。"),
       "feed ads: the items around them are read");
    g_autoptr(JbArticle)
        b = parse("<p>全市网购规模增长7%。</p>\n<p>【廣告】年卡限時5折，僅需199元</p>\n"
                  "<p>快递业务量为112亿件。</p>\n",
                  -1);
    ok(b && b->paragraphs->len == 2 && !any_para_has(b, "199"),
       "ad blocks: a paragraph opening with 【廣告】 goes");
}

/* A Markdown post whose body opens with an HTML <figure> (a photo and its caption) is still
 * Markdown when its text has Markdown's blocks: its ## headings, **bold** lines and pipe
 * tables read as such. A body of tags with no such signs is HTML. */
static void test_markdown_opening_tag(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle)
        a = parse_as("post.md",
                     "---\ntitle: 桐港吞吐量\n---\n\n<figure><img src=\"/a.jpg\" alt=\"桐港\">"
                     "<figcaption>桐港夜景。</figcaption></figure>\n\n桐港10月吞吐量增长5%。\n\n"
                     "## 走勢\n\n| 月份 | 吞吐量（萬噸） |\n| --- | --- |\n| 9月 | 4,924 |\n\n"
                     "**延伸閱讀**\n\n- 鄰港吞吐量逾4億噸\n",
                     &error);
    g_clear_error(&error);
    ok(a && a->shape == JB_SHAPE_MARKDOWN, "a post opening with <figure>: Markdown");
    ok(kind_of(a, "走勢") == JB_PARA_HEADING, "a post opening with <figure>: its ## heading");
    ok(kind_of(a, "9月" JB_CELL_SEP "4,924") == JB_PARA_TABLE,
       "a post opening with <figure>: its table row");
    ok(a && !any_para_has(a, "4億"), "a post opening with <figure>: its 延伸閱讀 list is junk");
    g_autoptr(JbArticle)
        t = parse_as("table.md",
                     "---\ntitle: 表\n---\n<figure><img src=\"/b.jpg\"></figure>\n\n"
                     "桐港吞吐量增长。\n\n| 月份 | 吞吐量 |\n| --- | --- |\n| 9月 | 4,924 |\n",
                     &error);
    g_clear_error(&error);
    ok(t && t->shape == JB_SHAPE_MARKDOWN && kind_of(t, "9月" JB_CELL_SEP "4,924") == JB_PARA_TABLE,
       "a post opening with <figure>, with a pipe table only: Markdown");
    /* a Markdown picture with its caption on the line under it: the alt text a caption of its
     * own (a headline's figure the body rounds), the line under it as before */
    g_autoptr(JbArticle) p = parse_as(
        "pic.md",
        "---\ntitle: 柳港11月客流\n---\n\n![柳港11月客流逾八成来自内地](/c.jpg \"码头\")\n"
        "*柳港码头一景，游客排队入关。*\n\n11月柳港访客中内地旅客占83.4%。\n",
        &error);
    g_clear_error(&error);
    ok(kind_of(p, "柳港11月客流逾八成来自内地") == JB_PARA_CAPTION,
       "a picture's alt text above a caption line: a caption of its own");
    ok(p && any_para_has(p, "柳港码头一景"),
       "a picture's alt text above a caption line: the line kept");
    /* a page title's site after a double hyphen (…累计突破700亿元--某某中心): cut */
    g_autoptr(JbArticle) h = parse_as(
        "t.html",
        "<html><head><title>柳港11月访客人次增长一成--柳港旅游发展局</title></head><body><p>正文。</p>"
        "</body></html>",
        &error);
    g_clear_error(&error);
    ok(h && h->title && strcmp(h->title, "柳港11月访客人次增长一成") == 0,
       "a title's site after -- is cut (%s)", h && h->title ? h->title : "(none)");
    g_autoptr(JbArticle) b = parse_as(
        "page.md", "---\ntitle: 页\n---\n<div><p>全市出口增长6%。</p><p>进口增长2%。</p></div>\n",
        &error);
    g_clear_error(&error);
    ok(b && b->shape == JB_SHAPE_HTML, "a body of tags with no Markdown signs: HTML");
}

/* A bulletin's run-on items in Markdown, each its bold headline then its story, in one
 * paragraph or one a paragraph: each headline is a heading (its item a story of its own),
 * its story a paragraph. A bold name that is the sentence's subject, a bold label ending in
 * a colon, a bold dateline in brackets and a bold phrase inside a sentence stay text. */
static void test_bold_headlines(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle)
        a = parse_as("bulletin.md",
                     "# 晚间简报\n\n## 省内快讯\n\n"
                     "**全省秋播基本完成**　据省农业厅统计，截至11月30日，全省秋播面积约820万亩。"
                     "**首届江城茶博会开幕**今天，江城茶叶博览会开幕，共有300多家茶企参展。\n\n"
                     "**桐江大桥主体工程完工**今天，大桥合龙，全长约4.2公里。\n\n"
                     "**江城电子**完成3亿元融资，本轮由某基金领投。\n\n"
                     "**提示：**本栏数据均为初步统计。\n\n"
                     "**【本台消息】** 全市新增就业2.1万人。\n\n"
                     "全市出口增长6%。**其中机电产品**占比过半。\n",
                     &error);
    g_clear_error(&error);
    ok(kind_of(a, "全省秋播基本完成") == JB_PARA_HEADING &&
           kind_of(a, "首届江城茶博会开幕") == JB_PARA_HEADING &&
           kind_of(a, "桐江大桥主体工程完工") == JB_PARA_HEADING,
       "bulletin.md: each item's bold headline is a heading");
    ok(kind_of(a, "据省农业厅统计，截至11月30日，全省秋播面积约820万亩。") == JB_PARA_BODY &&
           kind_of(a, "今天，江城茶叶博览会开幕，共有300多家茶企参展。") == JB_PARA_BODY &&
           kind_of(a, "今天，大桥合龙，全长约4.2公里。") == JB_PARA_BODY,
       "bulletin.md: each item's story is a paragraph of its own");
    ok(a && a->sections->len >= 5, "bulletin.md: each item is a section (%u)",
       a ? a->sections->len : 0);
    ok(any_para_is(a, "江城电子完成3亿元融资，本轮由某基金领投。") &&
           any_para_is(a, "提示：本栏数据均为初步统计。") && kind_of(a, "其中机电产品") < 0 &&
           kind_of(a, "全市新增就业2.1万人。") < 0,
       "bulletin.md: a bold subject, label, dateline or phrase in a sentence stays text");
}

/* Dates where copied pages keep them, and text copied from a PDF: a page's element marked as
 * its publish time, a date line keyed in traditional script, a document's date alone in
 * brackets under its title; lines wrapped at a count of characters (digits narrower), a
 * page's number and running head between pages. */
static void test_copied_pages(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle)
        wx = parse_as("wx.html",
                      "<html><head><title>前10个月外贸稳中有进</title></head><body>"
                      "<h1>前10个月外贸稳中有进</h1><div><span class=\"nick\">某市发布</span>"
                      "<em id=\"publish_time\" class=\"meta_text\">2026年11月8日 20:15</em></div>"
                      "<p>前10个月全市进出口1203.4亿元，增长5.1%。</p></body></html>",
                      &error);
    g_clear_error(&error);
    is_str(wx ? wx->published : NULL, "2026-11-08",
           "an element marked publish_time dates the page");
    g_autoptr(JbArticle) tw = parse_as("tw.txt",
                                       "某縣氣象站 天氣公報\n發佈時間：2026年3月2日 16:00\n\n"
                                       "2月全縣平均氣溫為14.2℃。\n",
                                       &error);
    g_clear_error(&error);
    is_str(tw ? tw->published : NULL, "2026-03-02", "a date line keyed 發佈時間");
    g_autoptr(JbArticle) br = parse_as("br.txt",
                                       "某省港口生产情况分析\n（2026年4月9日）\n\n"
                                       "一季度全省港口货物吞吐量3.2亿吨。\n",
                                       &error);
    g_clear_error(&error);
    is_str(br ? br->published : NULL, "2026-04-09", "a date alone in brackets under the title");
    g_autoptr(JbArticle) rep = parse_as("rep.txt",
                                        "某川证券研究所　　公司点评报告　　电子\n"
                                        "证券研究报告　　2026年12月04日\n\n"
                                        "某某电子（688000.SH）\n\n前三季度实现营收38.6亿元。\n",
                                        &error);
    g_clear_error(&error);
    is_str(rep ? rep->publisher : NULL, "某川证券研究所",
           "a masthead's first token above the date line is the publisher");
    is_str(rep ? rep->published : NULL, "2026-12-04", "the date line under the masthead");
    g_autoptr(JbArticle)
        form = parse_as("form.txt",
                        "某某股份有限公司\n座谈会纪要\n\n时间\n"
                        "　2026年5月12日 9:30—11:00\n地点\n　公司二楼会议室\n\n"
                        "会上介绍，目前公司在建产线4条。\n\n日期\n　2026年5月14日\n",
                        &error);
    g_clear_error(&error);
    is_str(form ? form->published : NULL, "2026-05-12",
           "a form's 时间 field, its value on the line under it, before its closing 日期");

    const char *pdf = "某省交通研究所                         交通运行季度简报\n"
                      "2026年第一季度某省港口运行\n"
                      "\n"
                      "    一季度，全省港口运行平稳，生产指标稳中有升。全省沿海港\n"
                      "口共完成货物吞吐量3.26亿吨，同比增长4.2%，其中外贸货物\n"
                      "吞吐量1.18亿吨，同比增长6.5%；集装箱吞吐量612.3万标箱，\n"
                      "同比增长7.9%，增速比上年同期加快1.4个百分点。\n"
                      "    内河港口方面，受枯水期延长影响，货物吞吐量为0.87亿\n"
                      "\n"
                      "                               — 2 —\n"
                      "\n"
                      "某省交通研究所                         交通运行季度简报\n"
                      "吨，同比下降1.3%，降幅比去年全年收窄0.6个百分点，港口\n"
                      "泊位平均利用率为71.2%。\n";
    g_autoptr(JbArticle) w = parse_as("pdf.txt", pdf, &error);
    g_clear_error(&error);
    static const char *const want[] = {
        "2026年第一季度某省港口运行",
        "一季度，全省港口运行平稳，生产指标稳中有升。全省沿海港口共完成货物吞吐量3.26亿吨，"
        "同比增长4.2%，其中外贸货物吞吐量1.18亿吨，同比增长6.5%；集装箱吞吐量612.3万标箱，"
        "同比增长7.9%，增速比上年同期加快1.4个百分点。",
        "内河港口方面，受枯水期延长影响，货物吞吐量为0.87亿吨，同比下降1.3%，"
        "降幅比去年全年收窄0.6个百分点，港口泊位平均利用率为71.2%。"};
    check_paras(w, want, NULL, G_N_ELEMENTS(want),
                "a PDF's text: lines joined over a page's number and running head");
    const char *annual = "某某银行股份有限公司                        2031 年年度报告摘要\n\n"
                         "公司代码：600000                            公司简称：某某银行\n\n"
                         "    本行全年实现营业收入12.5亿元，同比增长3.1%，资产质量保持稳定，\n"
                         "拨备覆盖率保持在较高水平，经营发展稳中有进。\n\n"
                         "                               — 1 —\n"
                         "某某银行股份有限公司                        2031 年年度报告摘要\n\n"
                         "    本行各项存款余额860.2亿元，较年初增长6.3%，各项贷款保持增长。\n";
    g_autoptr(JbArticle) r = parse_as("annual.txt", annual, &error);
    g_clear_error(&error);
    ok(r && r->title && strstr(r->title, "2031") && !strstr(r->title, "公司代码"),
       "a PDF's running head naming a year, first shown, is the document's title");
    g_autoptr(JbArticle)
        cut = parse_as("cut.txt",
                       "    本行各项贷款余额 1,102.35 亿\n"
                       "元，较年初增加 86.40 亿元，拨备覆盖率较年初下降 12.30 个百分\n"
                       "点，资本充足率 13.20%。\n",
                       &error);
    g_clear_error(&error);
    ok(cut && cut->paragraphs->len == 1 && any_para_has(cut, "1,102.35亿元") &&
           any_para_has(cut, "12.30个百分点"),
       "a line broken between a figure's magnitude and its unit goes on");
}

/* Text copied from a PDF whose paragraphs open indented (pdftotext): a line padded with
 * spaces is no width the text was wrapped at, a line short of the widest by its narrow
 * digits goes on, and so does a full line ending a sentence when the next is not indented
 * (the indent, not the full stop, ends a paragraph there). */
static void test_pdf_indented_paragraphs(void)
{
    GError *error = NULL;
    const char *pdf = "某市统计局文件\n\n"
                      "                                                                      \n"
                      "\n    一、工业生产\n"
                      "    1—10月，全市规模以上工业增加值同比增长6.1%，增速较1—9月\n"
                      "回落0.2个百分点。10月当月，全市规模以上工业增加值增长5.3\n"
                      "%，环比增长0.4%。\n"
                      "    二、固定资产投资\n"
                      "    截至10月末，全市在建项目共计1.26万个，比上年末增加860个。\n"
                      "全市新开工项目总数为3120个，其中亿元以上项目占比为18.4%，农\n"
                      "村地区项目占比不足两成。\n\n"
                      "    三、消费市场\n"
                      "    1—10月，全市社会消费品零售总额为1.86万亿元，同比增长4.9%。\n"
                      "    10月当月，全市社会消费品零售总额1920亿元，同比增长3.8%。\n"
                      "    其中，全市限额以上单位商品零售额812亿元，同比增长4.1%。\n";
    g_autoptr(JbArticle) a = parse_as("pdf.txt", pdf, &error);
    g_clear_error(&error);
    static const char *const want[] = {
        "某市统计局文件",
        "一、工业生产",
        "1-10月，全市规模以上工业增加值同比增长6.1%，增速较1-9月回落0.2个百分点。10月当月，"
        "全市规模以上工业增加值增长5.3 %，环比增长0.4%。",
        "二、固定资产投资",
        "截至10月末，全市在建项目共计1.26万个，比上年末增加860个。全市新开工项目总数为3120个，"
        "其中亿元以上项目占比为18.4%，农村地区项目占比不足两成。",
        "三、消费市场",
        "1-10月，全市社会消费品零售总额为1.86万亿元，同比增长4.9%。",
        "10月当月，全市社会消费品零售总额1920亿元，同比增长3.8%。",
        "其中，全市限额以上单位商品零售额812亿元，同比增长4.1%。"};
    check_paras(a, want, NULL, G_N_ELEMENTS(want),
                "a PDF's text, paragraphs opening indented: a full line ending a sentence goes on");
}

/* A page of posts (a forum's question and answers): each post a section of its own day,
 * the posters' signatures and the list of related questions no text. */
static void test_forum_posts(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle)
        a = parse_as("forum.txt",
                     "车友社区 > 用车\n浏览 1,204 · 页面抓取于 2026-12-06\n\n"
                     "【提问】冬天充电慢正常吗？\n提问者：某车主　　发布于 2026-12-02 08:15\n\n"
                     "我的车续航标称500公里，现在只能跑350公里。\n\n"
                     "【回答1】热心网友（LV3）　　2026-12-04 19:40　　获赞 88\n\n"
                     "正常。低温下电池可用容量会下降一到两成。\n\n"
                     "签名：开电车两年，累计里程52000公里\n\n"
                     "相关问题：\n· 零下15℃还能快充吗？（42个回答）\n",
                     &error);
    g_clear_error(&error);
    guint n = a ? a->sections->len : 0;
    ok(n == 3, "a forum page: the page and two posts (%u sections)", n);
    is_str(n > 1 ? g_array_index(a->sections, JbSection, 1).published : NULL, "2026-12-02",
           "the question's own day");
    is_str(n > 2 ? g_array_index(a->sections, JbSection, 2).published : NULL, "2026-12-04",
           "the answer's own day");
    ok(a && !any_para_has(a, "签名") && !any_para_has(a, "42个回答"),
       "signatures and related questions are no text");
}

/* A box of labels and their values in a text file, two cells a line aligned with spaces
 * (收盘价（元）　　　48.60), is a table's rows; a single such line is not. */
static void test_value_box(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle) a = parse_as("box.txt",
                                      "某公司点评\n\n基础数据（截至2026年12月3日）\n"
                                      "收盘价（元）　　　　36.20\n总市值（亿元）　　　181.4\n\n"
                                      "正文一段。\n分析师　　　　　　　3\n",
                                      &error);
    g_clear_error(&error);
    guint n = a ? a->paragraphs->len : 0, rows = 0;
    for (guint i = 0; i < n; i++)
        rows += g_array_index(a->kinds, guint8, i) == JB_PARA_TABLE;
    ok(rows == 2, "a box of labels and values: two rows of a table (%u)", rows);
    g_autoptr(JbArticle)
        b = parse_as("broken.txt",
                     "项目名称                2031 年      2030 年      2029 年\n"
                     "营业收入                 1,204.5      1,150.2      1,098.7\n"
                     "投资活动产生的现金流量净\n"
                     "额                        -312.6        208.4        -95.1\n",
                     &error);
    g_clear_error(&error);
    guint bn = b ? b->paragraphs->len : 0, brows = 0;
    for (guint i = 0; i < bn; i++)
        brows += g_array_index(b->kinds, guint8, i) == JB_PARA_TABLE;
    ok(brows == 3, "a row under a label broken over two lines is still a table's row (%u)", brows);
    ok(a && any_para_has(a, "收盘价（元）\x1E"
                            "36.20"),
       "its cells: the label and the value");
}

/* A MediaWiki table in a text file ({| … |}, a wiki page's source) is a table: its caption a
 * row of one cell, its header cells (! a !! b) and data cells (| a || b) a row each between
 * the |- breaks, a cell's attributes and a link's target out. */
static guint table_rows(const JbArticle *a)
{
    guint rows = 0;
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        rows += g_array_index(a->kinds, guint8, i) == JB_PARA_TABLE;
    return rows;
}

static void test_wiki_table(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle) a = parse_as("wiki.txt",
                                      "'''某县'''是一个县。\n\n"
                                      "{| class=\"wikitable\"\n"
                                      "|+ 某县粮食产量（2023—2024年）\n"
                                      "! 年份 !! 产量（万吨） !! style=\"width:5em\" | 增速（%）\n"
                                      "|-\n"
                                      "| [[2023年|2023]] || 41.2 || 2.4\n"
                                      "|-\n"
                                      "| 2024\n| align=right | 43.0\n| 4.4\n"
                                      "|}\n\n"
                                      "其余一段。\n",
                                      &error);
    g_clear_error(&error);
    guint rows = table_rows(a);
    ok(rows == 4, "a wiki table: its caption, header and two rows are a table's rows (%u)", rows);
    ok(a && any_para_has(a, "年份\x1E产量（万吨）\x1E增速（%）"),
       "its header cells, an attribute out");
    ok(a &&
           any_para_has(a, "2023\x1E"
                           "41.2\x1E"
                           "2.4") &&
           any_para_has(a, "2024\x1E"
                           "43.0\x1E"
                           "4.4"),
       "its rows: cells of a line (||) and of a line each, a link as its text");
    ok(a && any_para_has(a, "其余一段。") && !any_para_has(a, "{|") && !any_para_has(a, "|}"),
       "the text after it is read, the table's marks are not");
    g_autoptr(JbArticle) open = parse_as("open.txt", "{| 未闭合的一行\n\n一段。\n", &error);
    g_clear_error(&error);
    ok(open && table_rows(open) == 0 && any_para_has(open, "未闭合的一行"),
       "a {| no line closes is text, no table");
}

/* A wiki page's infobox ({{Infobox … | key = value … }}) is a table of its parameters that
 * state a figure: a code (postal_code), a date (founded = 1983年) and words are none; a time
 * in brackets after the value, or the one of an _as_of parameter, goes with the key. */
static void test_wiki_infobox(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle) a = parse_as("box.txt",
                                      "{{Infobox settlement\n"
                                      "| name            = 某县\n"
                                      "| image_caption   = 县城远眺（2023年）\n"
                                      "| founded         = 1983年\n"
                                      "| area_total_km2  = 3,412\n"
                                      "| pop_total       = 612,400\n"
                                      "| pop_as_of       = 2025年末\n"
                                      "| GDP             = 286.4亿元（2025年）<ref>县统计局</ref>\n"
                                      "| postal_code     = 716000\n"
                                      "}}\n"
                                      "'''某县'''位于[[某省 (行政区)|某省]]北部<ref>{{cite web "
                                      "|title=某县志}}</ref>。\n\n"
                                      "== 经济 ==\n"
                                      "全县有[[工业园区]]3个<ref name=\"a\" />。\n",
                                      &error);
    g_clear_error(&error);
    guint rows = table_rows(a);
    ok(rows == 3, "an infobox: its three figures are a table's rows (%u)", rows);
    ok(a &&
           any_para_has(a, "area_total_km2\x1E"
                           "3,412") &&
           any_para_has(a, "pop_total（2025年末）\x1E"
                           "612,400") &&
           any_para_has(a, "GDP（2025年）\x1E"
                           "286.4亿元"),
       "its rows: key and value, the value's bracketed time and the _as_of time with the key");
    ok(a && !any_para_has(a, "716000") && !any_para_has(a, "1983") && !any_para_has(a, "远眺") &&
           !any_para_has(a, "Infobox"),
       "a code, a date, a caption and the box's name are no row nor text");
    ok(a && any_para_has(a, "某县位于某省北部。") && any_para_has(a, "全县有工业园区3个。"),
       "the page's text: a link its text, bold quotes and references out");
    guint heading = G_MAXUINT;
    for (guint i = 0; a && i < a->paragraphs->len; i++)
        if (strcmp(g_ptr_array_index(a->paragraphs, i), "经济") == 0)
            heading = i;
    ok(heading != G_MAXUINT && g_array_index(a->kinds, guint8, heading) == JB_PARA_HEADING,
       "== 经济 == is a heading");
}

/* A table's cells spanning rows and columns are laid out as the grid they draw: a header
 * over two columns written over each, a label over two rows written in each. */
static void test_table_grid(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle) a = parse_as(
        "grid.html",
        "<html><body><h1>某省交通运输主要指标</h1><table>"
        "<tr><th rowspan=\"2\">指标</th><th rowspan=\"2\">分类</th><th colspan=\"2\">10月</th></tr>"
        "<tr><th>绝对量</th><th>同比增长（%）</th></tr>"
        "<tr><td rowspan=\"2\">货运量</td><td>铁路</td><td>820</td><td>3.1</td></tr>"
        "<tr><td>公路</td><td>9650</td><td>-1.2</td></tr>"
        "<tr><td colspan=\"4\">注：按可比口径计算。</td></tr>"
        "<tr><th colspan=\"100000\">附表</th></tr>"
        "</table></body></html>",
        &error);
    g_clear_error(&error);
    static const char *const want[] = {"指标\x1E分类\x1E"
                                       "10月\x1E"
                                       "10月",
                                       "指标\x1E分类\x1E绝对量\x1E同比增长（%）",
                                       "货运量\x1E铁路\x1E"
                                       "820\x1E"
                                       "3.1",
                                       "货运量\x1E公路\x1E"
                                       "9650\x1E-1.2"};
    guint n = a ? a->paragraphs->len : 0;
    for (guint i = 0; i < G_N_ELEMENTS(want); i++)
        is_str(i + 1 < n ? para(a, i + 1) : NULL, want[i], "a table's grid: row %u", i);
    is_str(n > 5 ? para(a, 5) : NULL, "注：按可比口径计算。\x1E\x1E\x1E",
           "a data cell across the table: once, then empty cells (a note, no headers)");
    guint cells = 1; /* (paragraph 0 is the heading) */
    for (const char *p = n > 6 ? para(a, 6) : ""; *p; p++)
        cells += *p == '\x1E';
    ok(cells == 64, "a colspan past 64 is cut to 64 cells (%u)", cells);
    /* a container dropped inside a spanning cell (its paragraph flushed there) */
    g_autoptr(JbArticle) d = parse_as("drop.html",
                                      "<html><body><table><tr><td>甲</td><td colspan=\"2\">12"
                                      "<aside>x</aside>34</td></tr><tr><td>乙</td><td>5</td>"
                                      "<td>6</td></tr></table></body></html>",
                                      &error);
    g_clear_error(&error);
    ok(d && any_para_has(d, "乙\x1E"
                            "5\x1E"
                            "6"),
       "a container dropped in a spanning cell");
}

/* Articles saved as JSON (one story, a list of stories under a key) and a page's JSON-LD. */
static void test_json(void)
{
    GError *error = NULL;
    g_autoptr(JbArticle) one = parse_as(
        "one.json",
        "{\n  \"title\": \"前三季度软件收入\",\n  \"pubDate\": \"2024-10-28 10:00:00\",\n"
        "  \"source\": \"示例财经\",\n  \"url\": \"https://n.example.cn/a/1\",\n"
        "  \"content\": \"<p>前三季度软件业务收入9.8万亿元。</p><p>同比增长11.2%。</p>\"\n}\n",
        &error);
    ok(one && one->shape == JB_SHAPE_JSON, "a JSON object is a JSON article");
    is_str(one ? one->title : NULL, "前三季度软件收入", "JSON: title");
    is_str(one ? one->published : NULL, "2024-10-28", "JSON: pubDate");
    is_str(one ? one->publisher : NULL, "示例财经", "JSON: source names the publisher");
    is_str(one ? one->url : NULL, "https://n.example.cn/a/1", "JSON: url");
    static const char *const one_paras[] = {"前三季度软件业务收入9.8万亿元。", "同比增长11.2%。"};
    static const guint one_lines[] = {6, 6};
    check_paras(one, one_paras, one_lines, 2, "JSON: an HTML body, on the line of its key");

    /* a list under data.list; dates in epoch milliseconds are days in China (UTC+8):
     * 1713371400000 is 2024-04-17 16:30 UTC, 2024-04-18 00:30 in Beijing */
    g_autoptr(JbArticle) list = parse_as(
        "list.json",
        "{\"code\":0,\"data\":{\"list\":[\n"
        "{\"title\":\"一季度工业\",\"publishTime\":1713371400000,\"link\":\"https://a.example.cn/1\","
        "\"content\":\"一季度工业增加值增长6.1%。\\n3月份增长4.5%。\"},\n"
        "{\"title\":\"4月份消费\",\"publishTime\":1715817600,\"link\":\"https://a.example.cn/2\","
        "\"content\":\"4月份社会消费品零售总额3.57万亿元。\"},\n"
        "{\"title\":\"no body\"}\n]}}\n",
        &error);
    ok(list && list->sections->len == 2, "JSON list: a section per story with a body (got %u)",
       list ? list->sections->len : 0);
    is_str(section(list, 0) ? section(list, 0)->title : NULL, "一季度工业",
           "JSON list: story title");
    is_str(section(list, 0) ? section(list, 0)->published : NULL, "2024-04-18",
           "JSON list: epoch milliseconds, the day in Beijing");
    is_str(section(list, 1) ? section(list, 1)->published : NULL, "2024-05-16",
           "JSON list: epoch seconds");
    is_str(section(list, 1) ? section(list, 1)->url : NULL, "https://a.example.cn/2",
           "JSON list: link");
    static const char *const list_paras[] = {"一季度工业", "一季度工业增加值增长6.1%。",
                                             "3月份增长4.5%。", "4月份消费",
                                             "4月份社会消费品零售总额3.57万亿元。"};
    static const guint list_lines[] = {2, 2, 3, 3, 3};
    check_paras(list, list_paras, list_lines, 5, "JSON list: headings and bodies");

    /* a story wrapped in an object of any name, its date under pub_time (a news API's
     * {"status": …, "item": {…}}): found, not "JSON with no story in it" */
    g_autoptr(JbArticle) wrapped = parse_as(
        "wrapped.json",
        "{\"status\":\"ok\",\"api_version\":\"2.0\",\n\"item\":{\"title\":\"联赛收官\","
        "\"pub_time\":\"2026-11-09 07:30:00\",\"tags\":[\"足球\"],\n"
        "\"content\":\"本赛季现场观众累计达312万人次。\",\"related\":[{\"title\":\"第29轮\"}]}}\n",
        &error);
    ok(wrapped && wrapped->shape == JB_SHAPE_JSON, "a wrapped JSON story is a JSON article");
    is_str(wrapped ? wrapped->title : NULL, "联赛收官", "wrapped JSON: the story's title");
    is_str(wrapped ? wrapped->published : NULL, "2026-11-09", "wrapped JSON: pub_time");
    static const char *const wrapped_paras[] = {"本赛季现场观众累计达312万人次。"};
    static const guint wrapped_lines[] = {3};
    check_paras(wrapped, wrapped_paras, wrapped_lines, 1, "wrapped JSON: its body");

    /* text spaced between Chinese and digits throughout (pangu style): the spaces go from
     * its prose, so 2025 年 3 月 is a month again; a table's row keeps them; ordinary text
     * with a rank list (1 恒锐光电) keeps its own */
    g_autoptr(JbArticle) spaced = parse_as(
        "spaced.md",
        "# 营收简报\n\n2025 年 3 月，公司营收为 12.5 亿元，同比增长 3.5%。\n\n"
        "今年前 10 个月，出口增长 5.2%，iPhone 16 销量 300 万台。\n\n"
        "| 项目 | 2024 年 | 2025 年 |\n|---|---|---|\n| 营收 | 10 亿元 | 12 亿元 |\n",
        &error);
    is_str(spaced && spaced->paragraphs->len > 1 ? g_ptr_array_index(spaced->paragraphs, 1) : NULL,
           "2025年3月，公司营收为12.5亿元，同比增长3.5%。", "spaced text: the spaces out");
    is_str(spaced && spaced->paragraphs->len > 2 ? g_ptr_array_index(spaced->paragraphs, 2) : NULL,
           "今年前10个月，出口增长5.2%，iPhone 16销量300万台。",
           "spaced text: a Latin word keeps its own spaces");
    ok(spaced && spaced->paragraphs->len > 4 &&
           strstr(g_ptr_array_index(spaced->paragraphs, spaced->paragraphs->len - 1), "10 亿元"),
       "spaced text: a table's cells as written");
    g_autoptr(JbArticle) ranks = parse_as(
        "ranks.txt", "涨幅榜\n\n2026年6月12日，沪指上涨1.2%。\n\n1 恒锐光电 上涨46%\n", &error);
    is_str(ranks && ranks->paragraphs->len
               ? g_ptr_array_index(ranks->paragraphs, ranks->paragraphs->len - 1)
               : NULL,
           "1 恒锐光电 上涨46%", "ordinary text: a rank's space stays");

    /* bad JSON: an error naming the file, line and column; too deep: refused before parsing */
    JbArticle *bad = parse_as(
        "bad.json", "{\n \"title\": \"x\",\n \"content\": \"abc\"\n \"date\": 1\n}", &error);
    ok(!bad && error && g_str_has_prefix(error->message, "bad.json:3:"),
       "invalid JSON: file:line:col (%s)", error ? error->message : "no error");
    g_clear_error(&error);
    GString *deep = g_string_new("{\"content\": \"x\", \"a\":\n");
    for (int i = 0; i < 100000; i++)
        g_string_append_c(deep, '[');
    JbArticle *d = parse_as("deep.json", deep->str, &error);
    ok(!d && error && strstr(error->message, "deep.json:2: JSON nested deeper than 64"),
       "100000 levels of nesting: refused, no crash (%s)", error ? error->message : "no error");
    g_clear_error(&error);
    g_string_free(deep, TRUE);

    /* plain text that opens with a bracket is still text */
    g_autoptr(JbArticle) txt = parse_as("news.txt", "[快讯] 1—10月软件收入增长11%。\n", &error);
    ok(txt && txt->shape == JB_SHAPE_TEXT, "[快讯] … is plain text, not JSON");

    /* a page's JSON-LD: date, headline, publisher, url where no <meta> says them */
    g_autoptr(JbArticle) ld = parse_as(
        "ld.html",
        "<html><head><title>页面</title><script type=\"application/ld+json\">"
        "[{\"@type\":\"BreadcrumbList\"},{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        "\"headline\":\"5G基站超过400万个\",\"datePublished\":\"2024-11-20T09:30:00+08:00\","
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"示例通讯社\"},"
        "\"mainEntityOfPage\":{\"@id\":\"https://n.example.cn/a/1\"}}]</script>"
        "<script type=\"application/ld+json\">{broken</script></head>"
        "<body><p>截至10月末，5G基站总数达到414.1万个。</p></body></html>",
        &error);
    is_str(ld ? ld->published : NULL, "2024-11-20", "JSON-LD: datePublished");
    is_str(ld ? ld->publisher : NULL, "示例通讯社", "JSON-LD: publisher.name");
    is_str(ld ? ld->title : NULL, "5G基站超过400万个", "JSON-LD: headline");
    is_str(ld ? ld->url : NULL, "https://n.example.cn/a/1", "JSON-LD: mainEntityOfPage");
    ok(ld && !any_para_has(ld, "@type"), "JSON-LD is not text of the page");
}

/* Subtitles (SRT, WebVTT): a programme's transcript, its cues' numbers and timings no text, a
 * cue that ends no sentence going on in the next, a speaker's turn a paragraph of its own;
 * written for this test. */
static void test_subtitles(void)
{
    GError *e = NULL;
    g_autoptr(JbArticle) a = parse_as(
        "prog.srt",
        "1\n00:00:00,000 --> 00:00:03,000\n《财经夜话》2026年11月20日\n\n"
        "2\n00:00:03,000 --> 00:00:06,500\n今年前10个月，全市快递业务量达到3.6亿件，\n\n"
        "3\n00:00:06,500 --> 00:00:09,000\n同比增长14.2%。\n\n"
        "4\n00:00:09,000 --> 00:00:12,000\n（记者 某某）这里每天发出包裹约20万个。\n",
        &e);
    g_assert_no_error(e);
    static const char *const want[] = {"《财经夜话》2026年11月20日",
                                       "今年前10个月，全市快递业务量达到3.6亿件，同比增长14.2%。",
                                       "（记者 某某）这里每天发出包裹约20万个。"};
    static const guint lines[] = {3, 7, 15};
    check_paras(a, want, lines, G_N_ELEMENTS(want), "prog.srt");
    is_str(a ? a->published : NULL, "2026-11-20", "prog.srt: the programme's date");
    g_autoptr(JbArticle) v = parse_as("prog.vtt",
                                      "WEBVTT\n\n00:01.000 --> 00:04.000\n全年销量预计增长8%，\n\n"
                                      "00:04.000 --> 00:06.000\n达到120万辆。\n",
                                      &e);
    g_assert_no_error(e);
    static const char *const want_v[] = {"全年销量预计增长8%，达到120万辆。"};
    check_paras(v, want_v, NULL, 1, "prog.vtt");
}

/* A repost's chain (…//@某某: 原文) quotes others: the paragraph ends before it; written for this
 * test. */
static void test_repost_chain(void)
{
    g_autoptr(JbArticle) a = parse("某某发布：两天接待12.6万人次 //@某某日报: 同比增长80%！\n", -1);
    ok(a && a->paragraphs->len == 1, "a repost: one paragraph");
    is_str(a ? para(a, 0) : NULL, "某某发布：两天接待12.6万人次", "the chain after //@ is cut");
}

/* A chat log's days between rules (—————— 2026-12-03 ——————): the messages under each are
 * that day's section; written for this test. */
static void test_chat_log_days(void)
{
    g_autoptr(JbArticle) a = parse("群聊：某某销售群\n\n—————— 2026-11-30 ——————\n\n"
                                   "张某 20:05\n本月销售额1.2亿元。\n\n—————— 2026-12-01 ——————\n\n"
                                   "李某 09:10\n昨天全区销售额610万元。\n",
                                   -1);
    ok(a && a->sections->len >= 2, "a chat log: a section a day (%u)", a ? a->sections->len : 0);
    if (a && a->sections->len >= 2) {
        const JbSection *last = &g_array_index(a->sections, JbSection, a->sections->len - 1);
        is_str(last->published, "2026-12-01", "the last day's section");
    }
}

int main(void)
{
    test_subtitles();
    test_chat_log_days();
    test_repost_chain();
    test_json();
    test_copied_pages();
    test_pdf_indented_paragraphs();
    test_table_grid();
    test_value_box();
    test_wiki_table();
    test_wiki_infobox();
    test_forum_posts();
    test_html_page();
    test_markdown();
    test_bold_headlines();
    test_plain_text();
    test_gb18030();
    test_invalid_utf8();
    test_errors();
    test_unterminated();
    test_ad_blocks();
    test_feed_ads();
    test_markdown_opening_tag();
    test_hostile();
    test_html_details();
    test_text_details();
    test_junk_facts();
    test_page_furniture();
    test_dates();
    { /* a phone word inside a sentence is not a contact line (issue 3: 5G移动电话用户) */
        g_autoptr(JbArticle) a = parse(
            "<p>截至6月末，5G移动电话用户达6.76亿户。</p><p>客服电话：010-66660000</p>", -1);
        ok(any_para_has(a, "6.76亿户"), "a sentence about 移动电话用户 is kept");
        ok(!any_para_has(a, "010-66660000"), "a 电话：number line is still junk");
    }
    return tap_done();
}
