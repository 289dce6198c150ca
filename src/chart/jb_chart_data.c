/* The data behind a chart: series.csv rows → series and points, and the defaults that come
 * from them (title, subtitle, source line). */
#include "jb_chart_priv.h"

#include "jb_common.h"
#include "jb_series.h"
#include "jb_sources.h"

#include <string.h>

void jb_chart_point_free(JbChartPoint *p)
{
    g_free(p->label);
    g_free(p);
}

void jb_chart_series_free(JbChartSeries *s)
{
    g_free(s->metric_id);
    g_free(s->label);
    g_free(s->unit);
    g_ptr_array_unref(s->points);
    g_free(s);
}

void jb_chart_set_source_names(JbChart *c, const JbSourceNames *names)
{
    c->source_names = names;
}

/* Each source of `list` (";"-separated) counted once, by name (publisher, title) when
 * known, else by file name: an archive of a title an article names thousands, counted by
 * hash (a search of the list for each was 25000² comparisons at 25000 articles), and the
 * list read in place (split, a copy of each path as well). */
static void add_sources(JbNameSet *set, const JbSourceNames *known, const char *list, GString *one)
{
    for (const char *p = list, *end; *p; p = *end ? end + 1 : end) {
        end = p + strcspn(p, ";");
        const char *a = p, *b = end;
        while (a < b && g_ascii_isspace(*a))
            a++;
        while (b > a && g_ascii_isspace(b[-1]))
            b--;
        if (a == b)
            continue;
        g_string_truncate(one, 0);
        g_string_append_len(one, a, b - a);
        jb_name_set_add(set, jb_source_names_get(known, one->str));
    }
}

/* How often a point recurs, for keeping frequencies apart: coarsest first. */
static int freq_rank(const JbChartPoint *p)
{
    if (!p->timed)
        return 0;
    static const int rank[] = {
        [JB_FREQ_YEAR] = 1,  [JB_FREQ_YTD] = 2, [JB_FREQ_HALF] = 3, [JB_FREQ_QUARTER] = 4,
        [JB_FREQ_MONTH] = 5, [JB_FREQ_DAY] = 6, [JB_FREQ_SPAN] = 7};
    return rank[jb_period_freq(&p->period)];
}

/* What sets a sub-series of one frequency apart in its name: （全年）, （上半年）, （1—10月）. */
static char *freq_suffix(const GPtrArray *points)
{
    const JbChartPoint *p0 = g_ptr_array_index(points, 0);
    gboolean same = TRUE;
    for (guint i = 1; i < points->len; i++) {
        const JbChartPoint *p = g_ptr_array_index(points, i);
        same = same && p->period.start.n == p0->period.start.n &&
               p->period.end.n == p0->period.end.n;
    }
    switch (p0->timed ? jb_period_freq(&p0->period) : JB_FREQ_SPAN) {
    case JB_FREQ_YEAR:
        return g_strdup("（全年）");
    case JB_FREQ_HALF:
        return g_strdup(!same ? "（半年）" : p0->period.start.n == 1 ? "（上半年）" : "（下半年）");
    case JB_FREQ_QUARTER:
        return g_strdup("（季度）");
    case JB_FREQ_MONTH:
        return g_strdup("（月度）");
    case JB_FREQ_DAY:
        return g_strdup("（日）");
    case JB_FREQ_YTD:
        return same ? g_strdup_printf("（%d—%d月）", p0->period.start.n, p0->period.end.n)
                    : g_strdup("（累计）");
    case JB_FREQ_SPAN:
        break;
    }
    return g_strdup("（时段）");
}

/* A metric's points as one series per frequency (an annual figure and a first-half one are
 * different quantities, never one line), coarsest first; `s` is used up. */
static void add_by_frequency(JbChart *c, JbChartSeries *s)
{
    int ranks[8] = {0};
    for (guint i = 0; i < s->points->len; i++)
        ranks[freq_rank(g_ptr_array_index(s->points, i))] = 1;
    int distinct = 0;
    for (int r = 0; r < 8; r++)
        distinct += ranks[r];
    if (distinct <= 1) {
        g_ptr_array_add(c->series, s);
        return;
    }
    g_ptr_array_set_free_func(s->points, NULL); /* the points move to the sub-series */
    for (int r = 0; r < 8; r++) {
        if (!ranks[r])
            continue;
        JbChartSeries *sub = g_new0(JbChartSeries, 1);
        sub->metric_id = g_strdup(s->metric_id);
        sub->unit = g_strdup(s->unit);
        sub->points = g_ptr_array_new_with_free_func((GDestroyNotify)jb_chart_point_free);
        for (guint i = 0; i < s->points->len; i++)
            if (freq_rank(g_ptr_array_index(s->points, i)) == r)
                g_ptr_array_add(sub->points, g_ptr_array_index(s->points, i));
        g_autofree char *suffix = freq_suffix(sub->points);
        sub->label = g_strconcat(s->label, suffix, NULL);
        g_ptr_array_add(c->series, sub);
    }
    jb_chart_series_free(s);
}

/* One row of series.csv as a point; FALSE (and an error naming the line) when its value is
 * not a number. An odd bound reads as exact. */
static JbChartPoint *point_new(const JbSeries *series, const JbSeriesRow *row, GError **error)
{
    if (!row->has_value) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: value '%s' is not a number",
                    jb_series_source(series), row->line, row->cell[JB_SERIES_VALUE]);
        return NULL;
    }
    JbChartPoint *p = g_new0(JbChartPoint, 1);
    p->label = g_strdup(row->period_text);
    p->timed = row->timed;
    p->period = row->period;
    p->fig = row->fig;
    p->forecast = row->forecast;
    return p;
}

/* The source line: the first few articles named, the rest counted, so it stays one line. */
static char *source_line(const JbNameSet *sources)
{
    enum { NAMED = SOURCES_NAMED };
    guint total = sources->total;
    if (total == 0)
        return g_strdup("");
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    for (guint i = 0; i < total && i < (total > NAMED + 1 ? NAMED : total); i++)
        g_ptr_array_add(names, g_ptr_array_index(sources->kept, i));
    g_ptr_array_add(names, NULL);
    g_autofree char *list = g_strjoinv("、", (char **)names->pdata);
    return total > NAMED + 1 ? g_strdup_printf("来源：%s等%u篇", list, total)
                             : g_strconcat("来源：", list, NULL);
}

/* The title when the spec gives none, from the metrics' labels (`names`, in order): one
 * metric's (a combo's bars', a KPI's, an hbar's: it draws one) label; the whole's for parts
 * of one (机器人产量, a donut 软件业务收入构成); else both (出口增速与进口增速) or the first and
 * a count (第0项等64项), never the first alone as if it were all that is drawn. */
static char *default_title(const JbChart *c, const GPtrArray *names)
{
    const char *first = g_ptr_array_index(names, 0);
    guint n = c->metrics->len;
    if (n < 2 || c->kind == JB_CHART_COMBO || c->kind == JB_CHART_KPI || c->kind == JB_CHART_HBAR)
        return g_strdup(first);
    const char *suffix = c->kind == JB_CHART_DONUT ? "构成" : "";
    if (c->whole >= 0)
        return g_strconcat(g_ptr_array_index(names, c->whole), suffix, NULL);
    const JbMetric *m0 = c->dict ? jb_dict_get(c->dict, g_ptr_array_index(c->metrics, 0)) : NULL;
    const JbMetric *w = m0 && *m0->part_of ? jb_dict_get(c->dict, m0->part_of) : NULL;
    if ((c->kind == JB_CHART_DONUT || c->kind == JB_CHART_STACKED) && w && w->label && *w->label)
        return g_strconcat(w->label, suffix, NULL);
    if (n == 2)
        return g_strdup_printf("%s与%s", first, (const char *)g_ptr_array_index(names, 1));
    return g_strdup_printf("%s等%u项", first, n);
}

gboolean jb_chart_load_series(JbChart *c, const JbSeries *series, GError **error)
{
    if (!jb_series_check(series, error))
        return FALSE;
    if (c->metrics->len == 0 && c->metric_id) /* a chart built by hand */
        g_ptr_array_add(c->metrics, g_strdup(c->metric_id));
    /* a kind that draws fewer metrics than named would leave some out unsaid */
    guint most = c->kind == JB_CHART_HBAR || c->kind == JB_CHART_KPI ? 1
                 : c->kind == JB_CHART_COMBO                         ? 2
                                                                     : JB_CHART_MAX_SERIES;
    if (c->metrics->len > most) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart '%s': type %s draws %s, and %u are named (%s)", c->metric_id, c->type,
                    most == 1 ? "one metric" : "two metrics, bars and a line", c->metrics->len,
                    most == 1 ? "one chart each, or grouped bars or lines of several"
                              : "grouped bars or lines draw more");
        return FALSE;
    }
    g_ptr_array_set_size(c->series, 0);
    g_clear_pointer(&c->grid, jb_chart_grid_free);
    g_auto(GStrv) labels = c->labels ? g_strsplit(c->labels, ";", -1) : NULL;
    guint n_labels = labels ? g_strv_length(labels) : 0;
    jb_name_set_clear(&c->sources);
    jb_name_set_init(&c->sources, SOURCES_NAMED + 1);
    g_autoptr(GString) one = g_string_new(NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    for (guint m = 0; m < c->metrics->len; m++) {
        const char *id = g_ptr_array_index(c->metrics, m);
        JbChartSeries *s = g_new0(JbChartSeries, 1);
        s->metric_id = g_strdup(id);
        s->points = g_ptr_array_new_with_free_func((GDestroyNotify)jb_chart_point_free);
        const GArray *rows = jb_series_rows_of(series, id);
        for (guint i = 0; i < rows->len; i++) {
            const JbSeriesRow *row = jb_series_row(series, g_array_index(rows, guint, i));
            JbChartPoint *p = point_new(series, row, error);
            if (!p || s->points->len == JB_CHART_MAX_POINTS) {
                if (p) {
                    g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                                "%s: metric '%s' has more than %d points to chart",
                                jb_series_source(series), id, JB_CHART_MAX_POINTS);
                    jb_chart_point_free(p);
                }
                jb_chart_series_free(s);
                return FALSE;
            }
            g_ptr_array_add(s->points, p);
            if (!s->unit)
                s->unit = g_strdup(row->unit);
            else if (!jb_unit_same(s->unit, row->unit)) { /* one axis, one unit */
                g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                            "%s:%u: metric '%s' is in '%s' here and in '%s' above: a series "
                            "is drawn in one unit (reshape keeps units apart)",
                            jb_series_source(series), row->line, id, row->unit, s->unit);
                jb_chart_series_free(s);
                return FALSE;
            }
            if (!s->label && *row->label)
                s->label = g_strdup(row->label);
            g_autofree char *sources = jb_series_row_sources(series, row); /* (may be spilled) */
            add_sources(&c->sources, c->source_names, sources, one);
        }
        if (s->points->len == 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: no rows for metric '%s'",
                        jb_series_source(series), id);
            jb_chart_series_free(s);
            return FALSE;
        }
        /* the title is made of series.csv's labels, not of `labels` */
        g_ptr_array_add(names, g_strdup(s->label ? s->label : id));
        if (m < n_labels && *g_strstrip(labels[m])) {
            g_free(s->label);
            s->label = g_strdup(labels[m]);
        }
        if (!s->label)
            s->label = g_strdup(id);
        if (!s->unit)
            s->unit = g_strdup("");
        add_by_frequency(c, s);
    }
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    g_ptr_array_unref(c->points);
    c->points = g_ptr_array_ref(s0->points);
    g_free(c->unit);
    c->unit = g_strdup(s0->unit);
    if (!c->source)
        c->source = source_line(&c->sources);
    c->grid = jb_chart_grid_new(c);
    if (!jb_chart_parts(c, error))
        return FALSE;
    if (!c->title)
        c->title = default_title(c, names);
    for (guint i = 1; c->kind != JB_CHART_COMBO && c->kind != JB_CHART_KPI && i < c->series->len;
         i++) {
        const JbChartSeries *si = g_ptr_array_index(c->series, i);
        if (!jb_unit_same(si->unit, s0->unit)) { /* 7.0% beside 1234.5万户 on one axis */
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "metrics '%s' (%s) and '%s' (%s) are in different units: a %s chart "
                        "has one value axis (type = combo draws two metrics on two)",
                        s0->metric_id, s0->unit, si->metric_id, si->unit, c->type);
            return FALSE;
        }
    }
    if (!c->subtitle && c->parts_at) /* a donut: the one period its slices show */
        c->subtitle = jb_period_text_cn(c->parts_at);
    if (!c->subtitle) /* the span of what is drawn; categories that are names state none */
        c->subtitle = c->grid->span ? g_strconcat(c->grid->span, c->grid->notes, NULL)
                                    : g_strdup("");
    return TRUE;
}
