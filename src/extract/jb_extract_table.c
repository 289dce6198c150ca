/* jb_extract_table.c — the figures of a table (a statistics release's <table>, a Markdown
 * pipe table): each number in a cell is a statement whose subject is its row's label, whose
 * metric is its column's header, and whose period is the time the header names (上季, 今季,
 * 1—9月, 2023年), else the time the row label names (a column of years), else the time of the
 * table's caption or the paragraph before it. A unit written once in a header or label, as
 * statistics tables do (“社会消费品零售总额（亿元）”), applies to the bare numbers under it.
 *
 * Not for: reading the table's markup (jb_article gives its rows as JB_PARA_TABLE paragraphs
 * with their cells), statements of prose (jb_extract_statement.c).
 */
#include "jb_extract_ends_priv.h"
#include "jb_extract_priv.h"
#include "jb_extract_table_priv.h"
#include "jb_word_lists.h"

#include <string.h>

/* `s` without bracketed units and the spans [a, b) of its times. */
static char *strip_text(const char *s, const TimeRef *t)
{
    GString *out = g_string_new(NULL);
    for (const char *p = s; *p;) {
        if (t && p == t->at) {
            p = t->end;
            continue;
        }
        if (starts(p, p + 3, "（") || *p == '(') {
            const char *c = strstr(p, *p == '(' ? ")" : "）");
            if (c) {
                p = c + (*c == ')' ? 1 : 3);
                continue;
            }
        }
        const char *n = g_utf8_next_char(p);
        g_string_append_len(out, p, n - p);
        p = n;
    }
    g_strstrip(out->str);
    return g_string_free(out, FALSE);
}

/* Is `s` a year heading a column: 2023, or an analyst's 2024A (actual) and 2025E, 2026F
 * (estimated, forecast: *estimate)? */
static gboolean year_cell(const char *s, int *year, gboolean *estimate)
{
    while (*s == ' ')
        s++;
    int y = 0;
    for (int k = 0; k < 4; k++) {
        if (!g_ascii_isdigit(s[k]))
            return FALSE;
        y = y * 10 + (s[k] - '0');
    }
    const char *e = s + 4;
    *estimate = *e == 'E' || *e == 'F' || *e == 'e' || *e == 'f';
    if (*estimate || *e == 'A' || *e == 'a')
        e++;
    while (*e == ' ')
        e++;
    *year = y;
    return *e == '\0' && y >= 1900 && y <= 2100;
}

/* The first time named in `s` (resolved against `ctx`): into *t; FALSE when none. The text
 * is kept alive by the caller (t points into it). */
static gboolean text_time(Ctx *c, const char *s, const JbPeriod *ctx, TimeRef *t)
{
    GArray *refs = c->times;
    g_array_set_size(refs, 0);
    jb_extract_time_refs(s, s + strlen(s), &c->anchor, refs);
    for (guint i = 0; i < refs->len; i++) {
        TimeRef *r = &g_array_index(refs, TimeRef, i);
        if (r->role == TIME_RESTATE || r->role == TIME_BASE)
            continue; /* (环比（上月=100）: a base, not the column's time) */
        if (jb_extract_resolve_time(r, ctx, &c->anchor, refs, i, &r->val)) {
            r->has_val =
                TRUE; /* (a column 年初至今 beside 11月回報, out in December: to November) */
            if (ctx && c->anchor.day.kind == JB_POINT_DAY &&
                jb_period_end_day(ctx) <= jb_point_first_day(&c->anchor.day))
                jb_extract_ytd_to(r, ctx);
            *t = *r;
            t->val = r->val;
            return TRUE;
        }
    }
    /* a bare year heads a row or column of years: 2023, 2025E (future_word: an estimate) */
    int y;
    gboolean estimate;
    if (year_cell(s, &y, &estimate)) {
        *t = (TimeRef){.at = s,
                       .end = s + strlen(s),
                       .role = TIME_PERIOD,
                       .known = TRUE,
                       .future_word = estimate};
        t->val = jb_period_of((JbPoint){JB_POINT_YEAR, y, 0, 0});
        return TRUE;
    }
    return FALSE;
}

typedef struct {
    GPtrArray *head; /* char*: the column headers (the last header row) */
    char *unit;      /* the unit its caption states for every cell (单位：亿元), or NULL */
    gboolean pct;    /* the caption names % too (单位：亿元，%): for its columns of rates */
    JbPeriod ctx;    /* the table's period: its caption's, else the paragraph's */
    gboolean have_ctx;
    guint64 bands; /* jb_table_band_columns: columns of bands, no figures */
} Table;

/* Is `a` the period a year before `b` (H1 FY25 and H1 FY26, 2024 and 2025)? */
static gboolean year_before(const JbPeriod *a, const JbPeriod *b)
{
    return a->start.kind == b->start.kind && a->end.kind == b->end.kind &&
           a->start.n == b->start.n && a->end.n == b->end.n && a->start.day == b->start.day &&
           a->end.day == b->end.day && a->start.year + 1 == b->start.year &&
           a->end.year + 1 == b->end.year;
}

/* Is `head` the header of a column of changes with no time of its own (同比, YoY, 增速)? */
static gboolean change_header(const char *head)
{
    for (const char *const *w = jb_words_change_header; *w; w++)
        if (strstr(head, *w))
            return TRUE;
    return FALSE;
}

/* Does a header name the end of its time (2026年9月底, 上年末, 截至6月30日): a column of
 * levels? */
static gboolean end_header(const char *head)
{
    static const char *const END[] = {"底", "末", "截至", "截止", NULL};
    for (const char *const *w = END; *w; w++)
        if (strstr(head, *w))
            return TRUE;
    return FALSE;
}

/* The period of a change column (同比, 按季變化) after the columns of `first` and of `left`
 * (the last column with a time): of a period beside the same one a year before or just before
 * it (H1 FY26 | H1 FY25 | YoY, 10月 | 9月 | 环比), the first period's, as the change is its;
 * of two levels at the ends of months not a year apart (2025年12月底 | 2025年9月底 | 按季变化),
 * the span from the one to the other, a quarter or a year when it is one (2025-Q4). Each
 * column its own time (10月 | 同比 | 1—10月 | 同比) or the first period older: `left` kept. */
static void change_period(const char *first_head, const JbPeriod *first, const char *left_head,
                          JbPeriod *left)
{
    if (year_before(left, first)) {
        *left = *first;
        return;
    }
    const JbPoint *a = &left->end, *b = &first->start;
    if (a->kind == JB_POINT_DAY && b->kind == JB_POINT_DAY && first->end.kind == JB_POINT_DAY &&
        jb_period_first_day(left) == jb_point_first_day(a) &&
        jb_period_first_day(first) == jb_point_first_day(&first->end) &&
        jb_point_first_day(a) < jb_point_first_day(b) &&
        jb_point_first_day(b) - jb_point_first_day(a) <= 7) {
        *left = *first; /* 今日均价 | 昨日均价 | 较昨日涨跌: today's, over the last trading day */
        return;
    }
    if (left->start.kind != a->kind || first->end.kind != b->kind || a->kind != b->kind ||
        a->kind == JB_POINT_DAY || jb_point_first_day(&left->start) != jb_point_first_day(a) ||
        jb_point_first_day(&first->end) != jb_point_first_day(b) ||
        jb_point_first_day(a) >= jb_point_first_day(b))
        return; /* (not two single months, quarters…, the first the later) */
    JbPoint next = jb_point_add(*a, 1);
    gboolean ends = first_head && left_head && end_header(first_head) && end_header(left_head);
    if (!ends) {
        if (jb_point_first_day(&next) == jb_point_first_day(b))
            *left = *first; /* (10月 | 9月 | 环比: October's) */
        return;
    }
    if (a->kind != JB_POINT_MONTH)
        return;
    JbPeriod span = {next, *b};
    if (next.year == b->year && next.n % 3 == 1 && b->n == next.n + 2)
        span = jb_period_of((JbPoint){JB_POINT_QUARTER, b->year, b->n / 3, 0});
    else if (next.year == b->year && next.n == 1 && b->n == 12)
        span = jb_period_of((JbPoint){JB_POINT_YEAR, b->year, 0, 0});
    *left = span;
}

/* Does `head` head a column of estimates (估價（萬港元）, 预测值, 预计完成)? Its cells are
 * forecasts. */
static gboolean estimate_header(const char *head)
{
    static const char *const EST[] = {"估價", "估价", "预测", "預測", "预计", "預計", NULL};
    for (const char *const *w = EST; head && *w; w++)
        if (strstr(head, *w))
            return TRUE;
    return FALSE;
}

/* Is `head` the header of a column of the year's budget (年初预算, 预算数; not 完成年初预算, the
 * share of it done)? Its cells are the plan for the year of the table. */
static gboolean budget_header(const char *head)
{
    static const char *const BUDGET[] = {"年初预算", "年初預算", "年度预算", "年度預算",
                                         "全年预算", "全年預算", "预算数",   "預算數",
                                         "预算安排", "預算安排", NULL};
    if (!head || strstr(head, "完成") || strstr(head, "执行") || strstr(head, "執行"))
        return FALSE;
    for (const char *const *w = BUDGET; *w; w++)
        if (strstr(head, *w))
            return TRUE;
    return FALSE;
}

/* Is `head` the header of a column of units (单位, 计量单位)? */
static gboolean unit_header(const char *head)
{
    g_autofree char *h = g_strstrip(g_strdup(head ? head : ""));
    return strcmp(h, "单位") == 0 || strcmp(h, "單位") == 0 || strcmp(h, "计量单位") == 0 ||
           strcmp(h, "計量單位") == 0;
}

/* Is `head` the header of a column of identifiers (股票代码, 序号, 排名)? Its cells are none of
 * the table's figures. */
static gboolean id_header(const char *head)
{
    for (const char *const *w = jb_words_id_header; *w; w++)
        if (strstr(head, *w))
            return TRUE;
    return FALSE;
}


/* Is `head` the header of a column of rates (同比增长, 占比, 完成年初预算: a share of the plan),
 * which a caption's % is for? (1—10月完成 is an amount.) */
static gboolean rate_header(const char *head)
{
    static const char *const RATE[] = {"增长", "增長", "增速", "增幅", "同比", "环比",
                                       "環比", "比重", "占比", "佔比", "比例", "率",
                                       "进度", "進度", "变动", "變動", NULL};
    for (const char *const *w = RATE; *w; w++)
        if (strstr(head, *w))
            return TRUE;
    const char *done = strstr(head, "完成");
    return done && (strstr(done, "预算") || strstr(done, "預算") || strstr(done, "计划") ||
                    strstr(done, "計劃") || strstr(done, "目标") || strstr(done, "目標"));
}


/* The quantity of a cell, with the unit of its header, its row's unit column, its label or
 * its table (in that order) when it has none. */
/* Is a cell an amount not disclosed (数亿元, 几千万元, 若干)? No figure, as in prose; the row
 * stays a row of data. */
static gboolean vague_cell(const char *cell)
{
    return g_str_has_prefix(cell, "数") || g_str_has_prefix(cell, "數") ||
           g_str_has_prefix(cell, "几") || g_str_has_prefix(cell, "幾") ||
           g_str_has_prefix(cell, "若干");
}

/* The unit stated for a cell: its header's brackets, its row's unit column, its label's
 * brackets, its table's (owned; NULL). */
static char *stated_unit(const char *head, const char *row_unit, const char *label,
                         const char *table_unit)
{
    char *u = head ? jb_table_bracket_unit(head) : NULL;
    if (!u && row_unit && row_unit[0])
        u = g_strdup(row_unit);
    if (!u)
        u = jb_table_bracket_unit(label);
    if (!u && table_unit)
        u = g_strdup(table_unit);
    return u;
}

/* A cell of a number and its magnitude only (3.2万 in a row 上线新剧数量（部）) takes the stated
 * unit when that unit has no magnitude of its own (部, 元, 人: not 万元, %): q put right. */
static void counted_cell(const char *cell, const char *u, JbQuantity *q)
{
    static const char *const MAG[] = {"万", "萬", "亿", "億", NULL};
    gsize n = strlen(cell);
    gboolean mag = FALSE;
    for (const char *const *m = MAG; *m && !mag; m++)
        mag = n > strlen(*m) && g_str_has_suffix(cell, *m);
    if (!mag || !u || strchr(u, '%'))
        return;
    for (const char *const *m = MAG; *m; m++)
        if (strstr(u, *m) || strstr(u, "千") || strstr(u, "百"))
            return;
    g_autofree char *digits = g_strndup(cell, n - strlen("万"));
    g_autofree char *with = g_strconcat(cell, u, NULL);
    JbQuantity counted;
    if (jb_table_plain_number(digits) && jb_number_parse(with, &counted, NULL) && counted.unit[0])
        *q = counted;
}

static gboolean cell_quantity(const char *cell, const char *head, const char *row_unit,
                              const char *label, const char *table_unit, JbQuantity *q)
{
    if (!cell[0] || strcmp(cell, "-") == 0 || strcmp(cell, "--") == 0)
        return FALSE;
    /* a change written out (增加0.41个百分点, 减少1.2%): signed, as a change in prose is */
    static const struct {
        const char *w;
        int sign;
    } CHANGE[] = {{"增加", 1},  {"提高", 1},  {"上升", 1},  {"增长", 1}, {"减少", -1},
                  {"減少", -1}, {"降低", -1}, {"下降", -1}, {"下滑", -1}};
    for (gsize i = 0; i < G_N_ELEMENTS(CHANGE); i++) {
        if (!g_str_has_prefix(cell, CHANGE[i].w))
            continue;
        const char *rest = cell + strlen(CHANGE[i].w);
        if (!g_ascii_isdigit(*rest) || !jb_number_parse(rest, q, NULL) || !q->unit[0])
            return FALSE;
        if (CHANGE[i].sign < 0) {
            q->value.mant = -q->value.mant;
            q->high.mant = -q->high.mant;
        }
        return TRUE;
    }
    gboolean plain = jb_table_plain_number(cell) ||
                     jb_table_plain_range(cell); /* (a range: the unit after it) */
    if (jb_number_parse(cell, q, NULL) && (q->unit[0] || !plain)) {
        if (!q->unit[0]) {
            g_autofree char *u = stated_unit(head, row_unit, label, table_unit);
            counted_cell(cell, u, q);
        }
        return TRUE;
    }
    if (!plain)
        return FALSE;
    g_autofree char *u = stated_unit(head, row_unit, label, table_unit);
    g_autofree char *with = g_strconcat(cell, u ? u : "", NULL);
    if (u && jb_number_parse(with, q, NULL))
        return TRUE;
    /* a number with no unit anywhere (an index, a PMI): as written */
    memset(q, 0, sizeof *q);
    g_autofree char *digits = g_strdup(cell);
    char *pct = strchr(digits, '%');
    if (pct)
        *pct = '\0';
    GString *d = g_string_new(NULL);
    for (const char *p = digits; *p; p++)
        if (*p != ',')
            g_string_append_c(d, *p);
    gboolean ok = jb_decimal_parse(d->str, &q->value);
    g_string_free(d, TRUE);
    q->high = q->value;
    if (pct)
        g_strlcpy(q->unit, "%", sizeof q->unit);
    return ok;
}

/* The quote of cell j: its row's label | the cells before it | the cell, as the row reads.
 * Bounded like a sentence's quote: the label to TABLE_LABEL_MAX characters, the cells
 * before j to TABLE_BEFORE_MAX characters back from it, "…" where cut; the cell itself
 * whole (each cell is quoted whole once). A row of 10000 cells gave each the whole row
 * before it: 33 s and 400 MB. */
#define TABLE_LABEL_MAX 60
#define TABLE_BEFORE_MAX 200
static void table_quote(GString *quote, char *const *cells, guint j)
{
    const char *label = cells[0];
    glong label_len = g_utf8_strlen(label, -1);
    if (label_len > TABLE_LABEL_MAX) {
        g_string_append_len(quote, label, g_utf8_offset_to_pointer(label, TABLE_LABEL_MAX) - label);
        g_string_append(quote, "…");
    } else {
        g_string_append(quote, label);
    }
    guint from = j;
    for (glong left = TABLE_BEFORE_MAX; from > 1; from--) {
        glong n = g_utf8_strlen(cells[from - 1], -1) + 3; /* with its " | " */
        if (n > left)
            break;
        left -= n;
    }
    if (from > 1)
        g_string_append(quote, " | …");
    for (guint k = from; k <= j; k++) {
        g_string_append(quote, " | ");
        g_string_append(quote, cells[k]);
    }
}

/* Is `head` (its time taken out) a header saying only that its cells are values (绝对量)? */
static gboolean value_header(const char *head)
{
    for (const char *const *w = jb_words_value_header; *w; w++)
        if (strcmp(head, *w) == 0)
            return TRUE;
    return FALSE;
}

/* A short cell of words, no figure (公路, 民航, 合计). */
static gboolean text_cell(const char *cell)
{
    glong n = g_utf8_strlen(cell, -1);
    if (n < 1 || n > 12 || jb_table_placeholder(cell))
        return FALSE;
    for (const char *p = cell; *p; p++)
        if (g_ascii_isdigit(*p))
            return FALSE;
    return TRUE;
}

/* A report's own words for its years in a header (本年, 上年, 本年末, 上年度末 beside 2025年 |
 * 2024年 or 本报告期末) count from the year of the table's first column, not from the year it
 * was published (an annual report for 2025 out in March 2026): `v` moved back to it. (今年,
 * 去年 are a reader's words, counted from the day published.) */
static void report_year(const Ctx *c, const char *head, const JbPeriod *first, JbPeriod *v)
{
    static const char *const OWN[] = {"本年", "上年", "本期", "上期", NULL};
    gboolean own = FALSE;
    for (const char *const *w = OWN; *w && !own; w++)
        own = strstr(head, *w) != NULL;
    /* (年末 with no year: a head broken over two lines, 本年末比上 / 年末增减(%)) */
    own = own || (strstr(head, "年末") && !strpbrk(head, "0123456789"));
    int back = c->anchor.day.kind ? c->anchor.day.year - first->end.year : 0;
    if (!own || back <= 0 || back > 1 || strstr(head, "今年") || strstr(head, "去年"))
        return;
    *v = (JbPeriod){jb_point_add_years(v->start, -back), jb_point_add_years(v->end, -back)};
}

static void table_row(Ctx *c, Table *t, char **cells, guint n, guint line)
{
    const char *label = cells[0];
    /* the time of the row label (a column of years), else the table's */
    TimeRef lt;
    JbPeriod row_ctx = t->ctx;
    gboolean row_time = text_time(c, label, t->have_ctx ? &t->ctx : NULL, &lt);
    if (row_time)
        row_ctx = lt.val;
    g_autofree char *subject = row_time ? strip_text(label, &lt) : strip_text(label, NULL);
    c->sentence++;
    c->n_row_said = 0;
    JbPeriod left = row_ctx;
    gboolean have_left = row_time || t->have_ctx;
    gboolean left_estimate = row_time && lt.future_word && lt.end == label + strlen(label);
    /* the first time a column names: a change column with none of its own (同比, YoY) after
     * a year-ago column (H1 FY26 | H1 FY25 | YoY) is the first's change */
    JbPeriod first = left;
    gboolean have_first = FALSE;
    const char *first_head = NULL, *left_head = NULL; /* (the headers naming them) */
    const char *row_unit = NULL;     /* a column of units: 钢材 | 万吨 | 86.4 */
    g_autofree char *measure = NULL; /* the metric of the last column that is no change */
    for (guint j = 1; j < n && t->head; j++)
        if (j < t->head->len && unit_header(g_ptr_array_index(t->head, j)))
            row_unit = cells[j];
    /* a kind beside the label, under a header of its own (客运量 | 公路 | 万人次 | 2865) */
    const char *kind = n > 2 && t->head && t->head->len > 2 && text_cell(label) &&
                               text_cell(cells[1]) && !id_header(g_ptr_array_index(t->head, 0)) &&
                               !unit_header(g_ptr_array_index(t->head, 1)) &&
                               !id_header(g_ptr_array_index(t->head, 1))
                           ? cells[1]
                           : NULL;
    for (guint j = 1; j < n; j++) {
        const char *head = t->head && j < t->head->len ? g_ptr_array_index(t->head, j) : NULL;
        if ((head && (unit_header(head) || id_header(head))) || (j < 64 && (t->bands >> j) & 1))
            continue;
        TimeRef ht; /* (上季, 今季: relative to the row's period, not to the column before) */
        gboolean head_time = head &&
                             text_time(c, head, row_time || t->have_ctx ? &row_ctx : NULL, &ht);
        if (head_time) /* (10月末/1—10月: the row's kind picks) */
            jb_table_stock_or_flow(c, row_time || t->have_ctx ? &row_ctx : NULL, label, row_unit,
                                   &ht);
        if (head_time && have_first && !row_time)
            report_year(c, head, &first, &ht.val);
        if (head_time && have_first && change_header(head) && !strpbrk(head, "0123456789") &&
            ht.val.start.kind == JB_POINT_YEAR && ht.val.end.kind == JB_POINT_YEAR &&
            first.end.kind != JB_POINT_YEAR && ht.val.end.year == first.end.year)
            ht.val = first; /* (年末增减(%) beside 2025年末: the change to the first column's) */
        if (head_time && have_first && ht.val.start.kind == JB_POINT_YEAR &&
            ht.val.end.year == ht.val.start.year && first.end.kind == JB_POINT_MONTH &&
            first.end.year == ht.val.start.year && (strstr(head, "累计") || strstr(head, "累計")))
            /* 2026年10月 | 2026年9月 | 本年累计: the year to the first column's month */
            ht.val = (JbPeriod){{JB_POINT_MONTH, first.end.year, 1, 0}, first.end};
        if (head_time) {
            left = ht.val; /* a column with no time of its own has the one to its left */
            left_head = head;
            have_left = TRUE;
            left_estimate = ht.future_word && ht.end == head + strlen(head);
            if (!have_first) {
                first = ht.val;
                first_head = head;
                have_first = TRUE;
            }
        } else if (have_first && head && change_header(head)) {
            change_period(first_head, &first, left_head, &left);
        }
        JbQuantity q;
        const char *table_unit = t->pct && head && rate_header(head) ? "%" : t->unit;
        if (vague_cell(cells[j]) || !cell_quantity(cells[j], head, row_unit, label, table_unit, &q))
            continue;
        /* (| 毛收入（億元） | under 億澳門元（下同）: the story's currency) */
        if (!jb_extract_names_renminbi(cells[j], -1) && !jb_extract_names_renminbi(label, -1) &&
            !(head && jb_extract_names_renminbi(head, -1)))
            jb_extract_in_declared_currency(c, &q);
        g_autofree char *metric = head ? strip_text(head, head_time ? &ht : NULL) : g_strdup("");
        metric[strlen(metric) - jb_table_trailing_pct(metric)] = '\0'; /* (同比±%: 同比) */
        const char *subj = subject;
        if (!metric[0] || value_header(metric)) {
            /* headers that are times only, or values only (10月份绝对量): the label names the
             * metric, a kind beside it (客运量 | 公路) the subject */
            g_free(metric);
            metric = g_strdup(subject);
            subj = kind ? kind : "";
        } else if (kind) { /* 客运量 | 公路 | … 同比增长: 公路's 客运量同比增长 */
            char *m = g_strconcat(subject, metric, NULL);
            g_free(metric);
            metric = m;
            subj = kind;
        }
        GString *quote = g_string_new(NULL);
        table_quote(quote, cells, j);
        char period[JB_PERIOD_MAX] = "";
        JbPeriod p;
        gboolean budget = !head_time && have_left && budget_header(head);
        if (budget) /* (年初预算 | 1—10月完成: the year's plan, not the months done) */
            jb_period_format(&(JbPeriod){{JB_POINT_YEAR, left.end.year, 0, 0},
                                         {JB_POINT_YEAR, left.end.year, 0, 0}},
                             period);
        else if (have_left)
            jb_period_format(&left, period);
        else if (jb_extract_default_day(&c->anchor, FALSE, &p))
            jb_period_format(&p, period);
        if (!head_time && head && jb_extract_holding_words(head, head + strlen(head)))
            jb_extract_at_period_end(period); /* (持股数量 under a quarter: at its end) */
        if (!head_time && !row_time && head && !strstr(label, "档") && !strstr(label, "檔"))
            jb_extract_total_to_date(head, head + strlen(head), period);
        /* a change with no name of its own (增速 beside 地区生产总值（亿元）) is the change of
         * the measure before it: the prose names that */
        gboolean bare = head && change_header(head) && g_utf8_strlen(metric, -1) <= 4;
        c->change_of = bare && measure && g_utf8_strlen(measure, -1) >= 3 ? measure : NULL;
        jb_extract_add_table_statement(c, subj, metric, &q, quote->str, period, line, have_left,
                                       left_estimate || estimate_header(head) || budget);
        c->change_of = NULL;
        g_string_free(quote, TRUE);
        if (!bare) {
            g_free(measure);
            measure = g_strdup(metric);
        }
    }
}

/* A caption right above the table that dates it by a day, written last (重点区域价格（11月
 * 14日）, 表2：各地库存（截至10月29日）): a short line that is no sentence, whose time is one
 * day at its end. Its day is the table's period, not the data month the story is about (a price
 * table under a story of last month's output); a caption naming a month or a span carries it
 * already, and a day heading a line (10月17日：统计局发布…) is an event's. */
static void caption_day(Ctx *c, const char *above, Table *t)
{
    if (g_utf8_strlen(above, -1) > 40 || strstr(above, "。") || strstr(above, "，"))
        return;
    TimeRef ct;
    if (!text_time(c, above, t->have_ctx ? &t->ctx : NULL, &ct) || ct.role == TIME_BASE ||
        jb_period_freq(&ct.val) != JB_FREQ_DAY)
        return;
    const char *e = ct.end;
    while (*e == ' ' || *e == ')' || starts(e, e + 3, "）") || starts(e, e + 3, "止"))
        e += *e == ' ' || *e == ')' ? 1 : 3;
    if (*e)
        return;
    t->ctx = ct.val;
    t->have_ctx = TRUE;
}

/* A cell over TABLE_CELL_MAX bytes is cut there (at a character) with "…": no number is so
 * long, and a row's label and a column's header are read for each of its cells (a label of
 * 2 MB over 2000 cells was minutes and gigabytes; a layout table's cell of prose reads no
 * figure either way). */
#define TABLE_CELL_MAX 768
static void cut_cell(char **cell)
{
    if (strlen(*cell) <= TABLE_CELL_MAX)
        return;
    const char *end = *cell + TABLE_CELL_MAX;
    while (end > *cell && ((guchar)*end & 0xC0) == 0x80)
        end--;
    char *cut = g_strdup_printf("%.*s…", (int)(end - *cell), *cell);
    g_free(*cell);
    *cell = cut;
}


/* A header cell without the space a PDF's text or pangu-style spacing puts between a figure
 * and the Chinese after it (2025 年末: a year's end again), in place. */
static char *head_unspaced(char *h)
{
    char *o = h;
    for (const char *p = h; *p; p++) {
        if (*p == ' ' && p > h && g_ascii_isdigit(p[-1]) && (guchar)p[1] >= 0xE0)
            continue;
        *o++ = *p;
    }
    *o = '\0';
    return h;
}

/* The unit stated two lines above a table whose head is broken over two lines (单位：千元 /
 * 本年比上年 / 主要会计数据 | 2025年 | … | 增减(%)): the line between is the head's upper
 * half, short words with no figure. NULL if none. */
static char *unit_over_head(const JbArticle *a, guint first, gboolean *pct)
{
    const char *mid = g_ptr_array_index(a->paragraphs, first - 1);
    const char *above = g_ptr_array_index(a->paragraphs, first - 2);
    if (g_utf8_strlen(mid, -1) > 12 || strpbrk(mid, "0123456789") || strstr(mid, "。") ||
        g_utf8_strlen(above, -1) > 40)
        return NULL;
    return jb_table_caption_unit(above, pct);
}

void jb_extract_table(Ctx *c, guint first, guint last)
{
    const JbArticle *a = c->article;
    Table t = {0};
    t.have_ctx = jb_extract_default_period(c, FALSE, &t.ctx);
    if (c->have_carry) {
        t.ctx = c->carry;
        t.have_ctx = TRUE;
    }
    if (t.have_ctx) /* (a survey's table of findings: of the months it was done in) */
        jb_extract_survey_period(c, FALSE, &t.ctx);
    if (first > 0)
        caption_day(c, g_ptr_array_index(a->paragraphs, first - 1), &t);
    if (first > 0) { /* a line above it that states its unit: 单位：亿元 */
        const char *above = g_ptr_array_index(a->paragraphs, first - 1);
        if (g_utf8_strlen(above, -1) <= 40)
            t.unit = jb_table_caption_unit(above, &t.pct);
    }
    if (!t.unit && first > 1) /* or above the head's upper line: 单位：千元 / 本年比上年 */
        t.unit = unit_over_head(a, first, &t.pct);
    if (!t.unit) /* or written under it: 单位：千港元；数据来源：年报 */
        t.unit = jb_table_note_unit(a, first, last, &t.pct);
    t.bands = jb_table_band_columns(a, first, last);
    gboolean last_head = FALSE;
    for (guint i = first; i < last; i++) {
        const char *row = g_ptr_array_index(a->paragraphs, i);
        guint line = g_array_index(a->lines, guint, i);
        g_auto(GStrv) cells = g_strsplit(row, JB_CELL_SEP, -1);
        guint n = g_strv_length(cells);
        for (guint j = 0; j < n; j++)
            cut_cell(&cells[j]);
        guint numbers = 0, filled = 0, years = 0;
        for (guint j = 0; j < n; j++) {
            JbQuantity q;
            int y;
            gboolean estimate;
            filled += cells[j][0] != '\0';
            if (j > 0 && year_cell(cells[j], &y, &estimate))
                years++;
            else if (j > 0 && cell_quantity(cells[j], NULL, NULL, "", NULL, &q))
                numbers++;
        }
        /* a first row of bare years heads its columns (地区 | 2023 | 2024, 年份 | 2024A | 2025E) */
        gboolean year_heads = !t.head && years > 0 && numbers == 0 &&
                              !jb_table_plain_number(cells[0]);
        numbers += years;
        gboolean heads_over = last_head; /* (the row before was headers too) */
        last_head = !(numbers > 0 && n > 1 && !year_heads) && filled > 1;
        if (numbers > 0 && n > 1 && !year_heads) {
            table_row(c, &t, cells, n, line);
        } else if (filled <= 1) { /* a caption: 今年第二季各行業失業率 */
            TimeRef ct;
            const char *text = cells[0][0] ? cells[0] : (n > 1 ? cells[1] : "");
            if (text_time(c, text, t.have_ctx ? &t.ctx : NULL, &ct)) {
                t.ctx = ct.val;
                t.have_ctx = TRUE;
            }
            gboolean pct = FALSE;
            char *u = jb_table_caption_unit(text, &pct);
            if (u) {
                g_free(t.unit);
                t.unit = u;
                t.pct = pct;
            }
        } else if (heads_over && t.head && t.head->len == n) {
            /* a second row of headers under the first (10月份 | 10月份 over 绝对量 | 同比增长):
             * each column's two read as one, 10月份绝对量 */
            for (guint j = 0; j < n; j++) {
                char **h = (char **)&g_ptr_array_index(t.head, j);
                if (strcmp(*h, cells[j]) != 0) {
                    char *both = g_strconcat(*h, cells[j], NULL);
                    g_free(*h);
                    *h = both;
                }
            }
        } else { /* the column headers */
            if (t.head)
                g_ptr_array_unref(t.head);
            t.head = g_ptr_array_new_with_free_func(g_free);
            for (guint j = 0; j < n; j++)
                g_ptr_array_add(t.head, head_unspaced(g_strdup(cells[j])));
            /* a unit over the labels' column ((百万美元) | H1 FY26 | H1 FY25) is every cell's */
            char *u = jb_table_bracket_unit(cells[0]);
            if (u && !t.unit)
                t.unit = u;
            else
                g_free(u);
        }
    }
    if (t.head)
        g_ptr_array_unref(t.head);
    g_free(t.unit);
}
