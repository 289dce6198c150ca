/* The categories of a chart: a time axis when every point is a period, names otherwise.
 *
 * A time axis is proportional to time: its unit is the coarsest frequency drawn (years for
 * annual and first-half figures together: the half-year figure is its own series, see
 * jb_chart_data.c), and it has one category per unit from the first to the last period, with
 * or without data. So 2020→2025 is five times as wide as 2021→2022, a missing year keeps its
 * slot (bars leave it empty, lines break there), and labels read as analysts write them:
 * 2021年, 2021年上半年 (or 2021H1), 2021年5月, 1—10月 — the year only where it changes, and
 * none at all when every label shares it (the subtitle's span states it).
 *
 * Periods that are not points in time (2021/2025, a week) and names (广东) keep the order
 * they come in, one category each. */
#include "jb_chart_priv.h"

#include <string.h>

/* The largest time axis: 60 years of months, 5 of days (more is drawn as categories). */
#define MAX_SLOTS 2000

/* ---- periods as labels ------------------------------------------------------------------ */

/* A point's label without its year: 2021H1 and Q3 when `compact`, else the period grammar's
 * Chinese (上半年, 第三季度, 5月, 5月8日: jb_point_rest_cn). */
static void rest_label(GString *s, const JbPoint *p, gboolean compact)
{
    if (compact && p->kind == JB_POINT_HALF)
        g_string_append(s, p->n == 1 ? "H1" : "H2");
    else if (compact && p->kind == JB_POINT_QUARTER)
        g_string_append_printf(s, "Q%d", p->n);
    else
        jb_point_rest_cn(s, p);
}

/* A label without its year (`year` FALSE) or with it; ytd periods as 1—10月. */
static char *label_of(const JbPeriod *p, gboolean year, gboolean compact)
{
    if (jb_period_freq(p) == JB_FREQ_YTD) {
        g_autofree char *full = jb_period_label_cn(p); /* 2021年1—10月 */
        const char *nian = strstr(full, "年");
        return g_strdup(year || !nian ? full : nian + strlen("年"));
    }
    if (!year && p->start.kind == JB_POINT_YEAR)
        return g_strdup_printf("%d年", p->start.year);
    if (compact && (p->start.kind == JB_POINT_HALF || p->start.kind == JB_POINT_QUARTER)) {
        GString *s = g_string_new(NULL);
        if (year)
            g_string_append_printf(s, "%d", p->start.year);
        rest_label(s, &p->start, TRUE);
        return g_string_free(s, FALSE);
    }
    if (year || p->start.kind == JB_POINT_YEAR)
        return jb_period_label_cn(p);
    GString *s = g_string_new(NULL);
    rest_label(s, &p->start, FALSE);
    return g_string_free(s, FALSE);
}

char *jb_chart_period_label(const JbPeriod *p, gboolean compact)
{
    return label_of(p, TRUE, compact);
}

/* ---- the unit of a time axis -------------------------------------------------------------- */

/* The slot a period falls in on an axis of unit `kind`: the unit that holds its last day. */
static JbPoint slot_of(const JbPeriod *p, JbPointKind kind)
{
    JbPoint d = jb_point_of_days(jb_period_end_day(p) - 1);
    JbPoint s = {kind, d.year, 0, 0};
    if (kind == JB_POINT_HALF)
        s.n = d.n <= 6 ? 1 : 2;
    else if (kind == JB_POINT_QUARTER)
        s.n = (d.n + 2) / 3;
    else if (kind >= JB_POINT_MONTH)
        s.n = d.n;
    if (kind == JB_POINT_DAY)
        s.day = d.day;
    return s;
}

/* A slot's place on the axis, counted in units. */
static gint64 ordinal(const JbPoint *p)
{
    switch (p->kind) {
    case JB_POINT_YEAR:
        return p->year;
    case JB_POINT_HALF:
        return (gint64)p->year * 2 + p->n - 1;
    case JB_POINT_QUARTER:
        return (gint64)p->year * 4 + p->n - 1;
    case JB_POINT_MONTH:
        return (gint64)p->year * 12 + p->n - 1;
    case JB_POINT_DAY:
        return jb_point_first_day(p);
    }
    return 0;
}

/* The unit a point asks for: its own kind; a cumulative period (1—10月) its end month
 * when the series stays in one year, else its year. */
static JbPointKind unit_of(const JbChartSeries *se, const JbChartPoint *p)
{
    if (jb_period_freq(&p->period) != JB_FREQ_YTD)
        return p->period.start.kind;
    const JbChartPoint *first = g_ptr_array_index(se->points, 0);
    const JbChartPoint *last = g_ptr_array_index(se->points, se->points->len - 1);
    return jb_period_year(&first->period) == jb_period_year(&last->period) ? JB_POINT_MONTH
                                                                           : JB_POINT_YEAR;
}

/* The time axis's unit, or 0 when the categories cannot be periods on one: a point that is
 * no period, a span (2021/2025), or a series with two points in one slot. */
static JbPointKind time_unit(const JbChart *c, gint64 *lo, gint64 *hi)
{
    JbPointKind unit = JB_POINT_DAY;
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            if (!p->timed || jb_period_freq(&p->period) == JB_FREQ_SPAN)
                return 0;
            unit = MIN(unit, unit_of(se, p));
        }
    }
    *lo = G_MAXINT64;
    *hi = G_MININT64;
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        g_autoptr(GHashTable) seen = g_hash_table_new(g_int64_hash, g_int64_equal);
        g_autofree gint64 *ords = g_new(gint64, se->points->len);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            JbPoint slot = slot_of(&p->period, unit);
            ords[i] = ordinal(&slot);
            if (!g_hash_table_add(seen, &ords[i]))
                return 0; /* monthly figures beside annual ones: no common slots */
            *lo = MIN(*lo, ords[i]);
            *hi = MAX(*hi, ords[i]);
        }
    }
    return *hi - *lo < MAX_SLOTS ? unit : 0;
}

/* ---- the grid ------------------------------------------------------------------------------- */

static void grid_alloc(Grid *g, const JbChart *c, guint n)
{
    g->ns = c->series->len;
    g->n = n;
    g->at = g_new0(const JbChartPoint **, MAX(g->ns, 1));
    for (guint s = 0; s < g->ns; s++)
        g->at[s] = g_new0(const JbChartPoint *, MAX(g->n, 1));
    g->forecast = g_array_sized_new(FALSE, TRUE, sizeof(gboolean), g->n);
    g_array_set_size(g->forecast, g->n);
    g->empty = g_array_sized_new(FALSE, TRUE, sizeof(gboolean), g->n);
    g_array_set_size(g->empty, g->n);
}

static void place(Grid *g, guint s, guint idx, const JbChartPoint *p)
{
    g->at[s][idx] = p;
    if (p->forecast)
        g_array_index(g->forecast, gboolean, idx) = TRUE;
}

static int cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names (or periods off a time axis), in order of first appearance; several series of
 * periods interleave in time order. */
static void categories(Grid *g, const JbChart *c)
{
    gboolean all_periods = TRUE;
    g_autoptr(GPtrArray) keys = g_ptr_array_new();
    /* label → its index in keys, 1-based: a search of keys per point was quadratic (64 series
     * of 5000 months took 20 s) */
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            if (!g_hash_table_contains(index, p->label)) {
                g_ptr_array_add(keys, p->label);
                g_hash_table_insert(index, p->label, GUINT_TO_POINTER(keys->len));
                all_periods = all_periods && g_ascii_isdigit(p->label[0]);
            }
        }
    }
    if (all_periods && c->series->len > 1) {
        g_ptr_array_sort(keys, cmp_str);
        for (guint i = 0; i < keys->len; i++)
            g_hash_table_insert(index, keys->pdata[i], GUINT_TO_POINTER(i + 1));
    }
    for (guint i = 0; i < keys->len; i++) {
        const char *k = g_ptr_array_index(keys, i);
        g_ptr_array_add(g->cats, all_periods ? jb_period_text_cn(k) : g_strdup(k));
    }
    grid_alloc(g, c, keys->len);
    for (guint s = 0; s < g->ns; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            guint idx = GPOINTER_TO_UINT(g_hash_table_lookup(index, p->label)) - 1;
            place(g, s, idx, p);
        }
    }
    if (all_periods && keys->len) {
        const char *a = g_ptr_array_index(keys, 0), *b = g_ptr_array_index(keys, keys->len - 1);
        JbPeriod pa, pb;
        if (jb_period_parse(a, &pa, NULL) && jb_period_parse(b, &pb, NULL)) {
            JbPeriod span = {pa.start, pb.end};
            g->span = jb_period_label_cn(jb_period_cmp(&pa, &pb) ? &span : &pa);
        }
    }
}

/* The slot after `p` (days step over month ends). */
static JbPoint next_slot(JbPoint p)
{
    if (p.kind == JB_POINT_DAY)
        return jb_point_of_days(jb_point_first_day(&p) + 1);
    return jb_point_add(p, 1);
}

/* The labels of a time axis: the year only on the first label and where it changes, or on
 * none when all share it; cumulative periods shared by every year (1—10月) said once. */
/* "2023年1月" as two short lines, "2023年" over "1月". */
static char *two_lines(char *l)
{
    char *nian = strstr(l, "年");
    if (!nian || !nian[strlen("年")])
        return l;
    nian += strlen("年");
    char *two = g_strdup_printf("%.*s\n%s", (int)(nian - l), l, nian);
    g_free(l);
    return two;
}

/* Each slot's label without its year (5月, 上半年) and with it (2023年 over 5月); the plot
 * writes the year on the first label it shows and where the year changes — on none when
 * every label shares it (the subtitle's span says it). A cumulative series' own labels
 * (1—10月) unless every year shares them. */
static void time_labels(Grid *g, const JbChart *c, JbPointKind unit, const JbPoint *slots,
                        gboolean one_year, gboolean all_ytd, const char *ytd)
{
    g->unit = unit;
    g->cats_year = g_ptr_array_new_with_free_func(g_free);
    g->year = g_new(int, MAX(g->n, 1));
    g->phase = g_new(gint64, MAX(g->n, 1));
    for (guint i = 0; i < g->n; i++) {
        JbPeriod sp = jb_period_of(slots[i]);
        const JbChartPoint *p = NULL;
        for (guint s = 0; s < g->ns && !p; s++)
            p = g->at[s][i];
        g->year[i] = slots[i].year;
        /* counted from year 0, so that a step of more than a year (every second January,
         * every fifth year's first quarter) is one too: within the year, 2004年第一季度 and
         * 2005年第一季度 were both phase 0 for every step, and 17 years of quarters were
         * labelled every year, each label over the next */
        int per_year = unit == JB_POINT_MONTH ? 12 : unit == JB_POINT_QUARTER ? 4 : 2;
        g->phase[i] = unit == JB_POINT_YEAR  ? slots[i].year
                      : unit == JB_POINT_DAY ? jb_point_first_day(&slots[i])
                                             : (gint64)slots[i].year * per_year + slots[i].n - 1;
        if (!p && all_ytd) { /* cumulative figures (1—3月, 1—6月) leave no gaps between */
            g_ptr_array_add(g->cats, g_strdup(""));
            g_ptr_array_add(g->cats_year, g_strdup(""));
            continue;
        }
        const JbPeriod *lp = p && jb_period_freq(&p->period) == JB_FREQ_YTD && !ytd ? &p->period
                                                                                    : &sp;
        g_ptr_array_add(g->cats, label_of(lp, FALSE, c->compact_periods));
        char *full = label_of(lp, !one_year, c->compact_periods);
        g_ptr_array_add(g->cats_year, unit == JB_POINT_YEAR ? full : two_lines(full));
    }
}

/* ", 2023年无数据", "，2025年为预计值" */
static void time_notes(Grid *g, const JbPoint *slots, gboolean compact)
{
    GString *s = g_string_new(NULL);
    guint missing = 0, first_fc = G_MAXUINT, n_fc = 0;
    for (guint i = 0; i < g->n; i++) {
        missing += g_array_index(g->empty, gboolean, i);
        if (g_array_index(g->forecast, gboolean, i)) {
            first_fc = MIN(first_fc, i);
            n_fc++;
        }
    }
    /* runs of missing periods: 2023—2024年无数据; more than three runs are counted */
    guint runs = 0;
    for (guint i = 0; i < g->n; i++)
        runs += g_array_index(g->empty, gboolean, i) &&
                (i == 0 || !g_array_index(g->empty, gboolean, i - 1));
    if (missing) {
        g_string_append(s, "，");
        guint named = 0;
        for (guint i = 0; i < g->n && runs <= 3; i++) {
            if (!g_array_index(g->empty, gboolean, i))
                continue;
            guint j = i;
            while (j + 1 < g->n && g_array_index(g->empty, gboolean, j + 1))
                j++;
            JbPeriod p = {slots[i], slots[j]};
            g_autofree char *l = i == j || compact
                                     ? label_of(&(JbPeriod){slots[i], slots[i]}, TRUE, compact)
                                     : jb_period_label_cn(&p);
            g_string_append_printf(s, "%s%s", named++ ? "、" : "", l);
            if (compact && j > i) {
                g_autofree char *e = label_of(&(JbPeriod){slots[j], slots[j]}, TRUE, TRUE);
                g_string_append_printf(s, "—%s", e);
            }
            i = j;
        }
        if (runs > 3)
            g_string_append_printf(s, "%u期", missing);
        g_string_append(s, "无数据");
    }
    if (n_fc) {
        JbPeriod p = jb_period_of(slots[first_fc]);
        g_autofree char *l = label_of(&p, TRUE, compact);
        g_string_append_printf(s, "，%s%s为预计值", l, n_fc > 1 ? "起" : "");
    }
    g->notes = g_string_free(s, FALSE);
}

/* Every point's cumulative months when all are the same (1—10月), else NULL. */
static char *shared_ytd(const JbChart *c, JbPointKind unit)
{
    if (unit != JB_POINT_YEAR)
        return NULL;
    int a = -1, b = -1;
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++) {
            const JbPeriod *p = &((const JbChartPoint *)g_ptr_array_index(se->points, i))->period;
            if (jb_period_freq(p) != JB_FREQ_YTD)
                return NULL;
            if (a >= 0 && (p->start.n != a || p->end.n != b))
                return NULL;
            a = p->start.n;
            b = p->end.n;
        }
    }
    return a == b ? g_strdup_printf("%d月", a) : g_strdup_printf("%d—%d月", a, b);
}

static void time_axis(Grid *g, const JbChart *c, JbPointKind unit, gint64 lo, gint64 hi)
{
    guint n = (guint)(hi - lo + 1);
    g_autofree JbPoint *slots = g_new(JbPoint, n);
    const JbChartPoint *first = NULL, *last = NULL;
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            JbPoint slot = slot_of(&p->period, unit);
            if (ordinal(&slot) == lo)
                slots[0] = slot;
            if (!first || jb_period_first_day(&p->period) < jb_period_first_day(&first->period))
                first = p;
            if (!last || jb_period_end_day(&p->period) > jb_period_end_day(&last->period))
                last = p;
        }
    }
    for (guint i = 1; i < n; i++)
        slots[i] = next_slot(slots[i - 1]);
    grid_alloc(g, c, n); /* points placed before labelling: a slot's label may be its point's */
    for (guint s = 0; s < g->ns; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(se->points, i);
            JbPoint slot = slot_of(&p->period, unit);
            place(g, s, (guint)(ordinal(&slot) - lo), p);
        }
    }
    for (guint i = 0; i < n; i++) {
        gboolean empty = TRUE;
        for (guint s = 0; s < g->ns; s++)
            empty = empty && !g->at[s][i];
        g_array_index(g->empty, gboolean, i) = empty;
    }
    g_autofree char *ytd = shared_ytd(c, unit);
    gboolean one_year = slots[0].year == slots[n - 1].year;
    gboolean all_ytd = TRUE;
    for (guint s = 0; s < c->series->len; s++) {
        const JbChartSeries *se = g_ptr_array_index(c->series, s);
        for (guint i = 0; i < se->points->len; i++)
            all_ytd = all_ytd &&
                      jb_period_freq(
                          &((const JbChartPoint *)g_ptr_array_index(se->points, i))->period) ==
                          JB_FREQ_YTD;
    }
    if (all_ytd) /* a cumulative series has no missing months between its figures */
        for (guint i = 0; i < n; i++)
            g_array_index(g->empty, gboolean, i) = FALSE;
    time_labels(g, c, unit, slots, one_year, all_ytd, ytd);
    g->time = TRUE;
    /* the span drawn: from the first period's first unit (January for 1—10月) to the last */
    JbPeriod span = {slot_of(&(JbPeriod){first->period.start, first->period.start}, unit),
                     slots[n - 1]};
    if (span.start.kind == JB_POINT_YEAR && ytd)
        span.start = slots[0];
    if (!ytd && last->period.end.kind > unit) /* 2021年—2024年上半年 */
        span.end = last->period.end;
    g_autofree char *text = jb_period_label_cn(
        jb_period_cmp(&(JbPeriod){span.start, span.start}, &(JbPeriod){span.end, span.end})
            ? &span
            : &(JbPeriod){span.start, span.start});
    g->span = ytd ? g_strdup_printf("%s各年%s", text, ytd) : g_steal_pointer(&text);
    time_notes(g, slots, c->compact_periods);
}

Grid *jb_chart_grid_new(const JbChart *c)
{
    Grid *g = g_new0(Grid, 1);
    g->cats = g_ptr_array_new_with_free_func(g_free);
    gint64 lo = 0, hi = 0;
    JbPointKind unit = c->series->len ? time_unit(c, &lo, &hi) : 0;
    if (unit)
        time_axis(g, c, unit, lo, hi);
    else
        categories(g, c);
    if (!g->notes) {
        GString *s = g_string_new(NULL);
        for (guint i = 0; i < g->n && g->span; i++)
            if (g_array_index(g->forecast, gboolean, i)) {
                g_string_append_printf(s, "，%s为预计值", (char *)g_ptr_array_index(g->cats, i));
                break;
            }
        g->notes = g_string_free(s, FALSE);
    }
    return g;
}

void jb_chart_grid_free(Grid *g)
{
    if (!g)
        return;
    for (guint s = 0; s < g->ns; s++)
        g_free(g->at[s]);
    g_free(g->at);
    g_ptr_array_unref(g->cats);
    if (g->forecast)
        g_array_unref(g->forecast);
    if (g->empty)
        g_array_unref(g->empty);
    if (g->cats_year)
        g_ptr_array_unref(g->cats_year);
    g_free(g->year);
    g_free(g->phase);
    g_free(g->span);
    g_free(g->notes);
    g_free(g);
}
