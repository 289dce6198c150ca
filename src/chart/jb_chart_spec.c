/* Chart specs and the data behind them: parsing "key = value" specs, themes, loading series. */
#include "jb_chart.h"

#include "jb_common.h"

#include <stdlib.h>
#include <string.h>

static void point_free(JbChartPoint *p)
{
    g_free(p->label);
    g_free(p);
}

static void series_free(JbChartSeries *s)
{
    g_free(s->metric_id);
    g_free(s->label);
    g_free(s->unit);
    g_ptr_array_unref(s->points);
    g_free(s);
}

static void box_clear(JbChartBox *b)
{
    g_free(b->text);
}

/* The default theme: Okabe–Ito colours (colourblind-safe), blue first; light gridlines. */
static const JbChartTheme DEFAULT_THEME = {
    .palette = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                "#000000"},
    .n_palette = 8,
    .ink = "#222222",
    .muted = "#666666",
    .grid = "#E3E3E3",
    .axis = "#8A8A8A",
    .background = "#FFFFFF",
    .title_size = 22,
    .subtitle_size = 14,
    .tick_size = 12,
    .category_size = 14,
    .value_size = 16,
    .source_size = 10.5,
    .gridlines = TRUE,
    .bold = FALSE, /* one weight keeps a one-chart PDF under 10 KB; hierarchy from size */
    .hatch = FALSE, /* diagonal hatching adds ~80 antialiased colours: no indexed PNG */
};

JbChart *jb_chart_new(void)
{
    JbChart *c = g_new0(JbChart, 1);
    c->type = g_strdup("bar");
    c->kind = JB_CHART_BAR;
    c->width = 800;
    c->height = 450;
    c->theme = DEFAULT_THEME;
    c->metrics = g_ptr_array_new_with_free_func(g_free);
    c->series = g_ptr_array_new_with_free_func((GDestroyNotify)series_free);
    c->points = g_ptr_array_new_with_free_func((GDestroyNotify)point_free);
    c->warnings = g_ptr_array_new_with_free_func(g_free);
    c->boxes = g_array_new(FALSE, TRUE, sizeof(JbChartBox));
    g_array_set_clear_func(c->boxes, (GDestroyNotify)box_clear);
    return c;
}

void jb_chart_free(JbChart *c)
{
    if (!c)
        return;
    g_free(c->metric_id);
    g_free(c->type);
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->source);
    g_free(c->unit);
    g_free(c->labels);
    g_free(c->growth);
    g_ptr_array_unref(c->metrics);
    g_ptr_array_unref(c->series);
    g_ptr_array_unref(c->points);
    g_ptr_array_unref(c->warnings);
    g_array_unref(c->boxes);
    g_free(c);
}

gboolean jb_chart_set_type(JbChart *c, const char *type)
{
    static const char *const names[] = {[JB_CHART_BAR] = "bar",         [JB_CHART_HBAR] = "hbar",
                                        [JB_CHART_GROUPED] = "grouped", [JB_CHART_STACKED] = "stacked",
                                        [JB_CHART_LINE] = "line",       [JB_CHART_AREA] = "area",
                                        [JB_CHART_COMBO] = "combo",     [JB_CHART_DONUT] = "donut",
                                        [JB_CHART_KPI] = "kpi"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        if (strcmp(type, names[i]) == 0) {
            c->kind = (JbChartKind)i;
            g_free(c->type);
            c->type = g_strdup(type);
            return TRUE;
        }
    return FALSE;
}

static gboolean parse_size(const char *v, double *out)
{
    char *end = NULL;
    double d = g_ascii_strtod(v, &end);
    if (end == v || *end || !(d >= 50 && d <= 10000))
        return FALSE;
    *out = d;
    return TRUE;
}

static gboolean parse_color(const char *v, char out[10])
{
    size_t n = strlen(v);
    if ((n != 7 && n != 9) || v[0] != '#')
        return FALSE;
    for (size_t i = 1; i < n; i++)
        if (!g_ascii_isxdigit(v[i]))
            return FALSE;
    g_strlcpy(out, v, 10);
    return TRUE;
}

gboolean jb_chart_load_theme(JbChart *c, const char *path, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    GError *local = NULL;
    if (!g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: cannot read theme: %s", path,
                    local->message);
        g_error_free(local);
        return FALSE;
    }
    JbChartTheme *t = &c->theme;
    g_auto(GStrv) keys = g_key_file_get_keys(kf, "theme", NULL, NULL);
    if (!keys) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: a theme needs a [theme] group", path);
        return FALSE;
    }
    struct { const char *key; char *slot; } colors[] = {
        {"ink", t->ink}, {"muted", t->muted}, {"grid", t->grid}, {"axis", t->axis},
        {"background", t->background}};
    struct { const char *key; double *slot; } sizes[] = {
        {"title_size", &t->title_size}, {"subtitle_size", &t->subtitle_size},
        {"tick_size", &t->tick_size}, {"category_size", &t->category_size},
        {"value_size", &t->value_size}, {"source_size", &t->source_size}};
    for (char **k = keys; *k; k++) {
        g_autofree char *v = g_key_file_get_string(kf, "theme", *k, NULL);
        g_strstrip(v);
        gboolean known = FALSE, good = TRUE;
        for (guint i = 0; i < G_N_ELEMENTS(colors); i++)
            if (strcmp(*k, colors[i].key) == 0) {
                known = TRUE;
                good = parse_color(v, colors[i].slot);
            }
        for (guint i = 0; i < G_N_ELEMENTS(sizes); i++)
            if (strcmp(*k, sizes[i].key) == 0) {
                char *end = NULL;
                double d = g_ascii_strtod(v, &end);
                known = TRUE;
                good = end != v && !*end && d >= 4 && d <= 200;
                if (good)
                    *sizes[i].slot = d;
            }
        if (strcmp(*k, "gridlines") == 0 || strcmp(*k, "bold") == 0 || strcmp(*k, "hatch") == 0) {
            known = TRUE;
            good = strcmp(v, "true") == 0 || strcmp(v, "false") == 0;
            *(strcmp(*k, "bold") == 0    ? &t->bold
              : strcmp(*k, "hatch") == 0 ? &t->hatch
                                         : &t->gridlines) = strcmp(v, "true") == 0;
        } else if (strcmp(*k, "palette") == 0) {
            known = TRUE;
            g_auto(GStrv) cols = g_strsplit(v, ";", 9);
            int n = 0;
            for (char **p = cols; *p && good; p++) {
                char *col = g_strstrip(*p);
                if (!*col)
                    continue;
                good = n < 8 && parse_color(col, t->palette[n]);
                n++;
            }
            good = good && n > 0;
            if (good)
                t->n_palette = n;
        }
        if (!known || !good) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: %s theme key '%s'%s%s%s", path,
                        known ? "bad value for" : "unknown", *k, known ? ": '" : "",
                        known ? v : "", known ? "'" : "");
            return FALSE;
        }
    }
    return TRUE;
}

static void set_metrics(JbChart *c, const char *list)
{
    g_ptr_array_set_size(c->metrics, 0);
    g_auto(GStrv) parts = g_strsplit(list, ";", -1);
    for (char **p = parts; *p; p++) {
        char *id = g_strstrip(*p);
        if (*id)
            g_ptr_array_add(c->metrics, g_strdup(id));
    }
    g_free(c->metric_id);
    c->metric_id = c->metrics->len ? g_strdup(g_ptr_array_index(c->metrics, 0)) : NULL;
}

/* A spec is a handful of "key = value" lines. Parsed here rather than with GKeyFile so
 * that every error can name its line, also when the spec sits inside a report template. */
/* The file a spec's `theme =` names. Specs come from templates and projects written by many
 * hands, so a theme is a shipped name ("print" → templates/print.theme) or a path relative to
 * the directory of the file the spec sits in (its template, project or .chart file; the
 * working directory for specs given on the command line), and never outside it: no absolute
 * paths, no "..". */
static char *resolve_theme(const char *source, const char *val, GError **error)
{
    if (*val && !strchr(val, '/') && !strchr(val, '.')) {
        g_autofree char *rel = g_strconcat("templates/", val, ".theme", NULL);
        char *shipped = jb_data_path(rel);
        if (!shipped)
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "no theme named '%s' (templates/%s.theme)",
                        val, val);
        return shipped;
    }
    g_auto(GStrv) parts = g_strsplit(val, "/", -1);
    gboolean up = FALSE;
    for (char **p = parts; *p; p++)
        up |= strcmp(*p, "..") == 0;
    if (g_path_is_absolute(val) || up) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "theme '%s' must be a name or a path below the spec's directory "
                    "(no absolute paths, no '..')", val);
        return NULL;
    }
    /* a project names its specs "PROJECT [chart NAME]": the file is what precedes " [" */
    const char *bracket = strstr(source, " [");
    g_autofree char *file = bracket ? g_strndup(source, (gsize)(bracket - source)) : g_strdup(source);
    g_autofree char *dir = g_file_test(file, G_FILE_TEST_IS_REGULAR) ? g_path_get_dirname(file)
                                                                      : g_strdup(".");
    char *path = strcmp(dir, ".") == 0 ? g_strdup(val) : g_build_filename(dir, val, NULL);
    /* nor through a symbolic link that leads out of the directory */
    g_autofree char *real_dir = realpath(dir, NULL);
    g_autofree char *real = realpath(path, NULL);
    if (real && real_dir && !(g_str_has_prefix(real, real_dir) && real[strlen(real_dir)] == '/')) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "theme '%s' leads outside %s", val, dir);
        g_free(path);
        return NULL;
    }
    return path;
}

JbChart *jb_chart_spec_parse(const char *source, guint first_line, const char *text,
                             GError **error)
{
    g_autoptr(JbChart) c = jb_chart_new();
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    guint type_line = first_line;
    for (guint i = 0; lines[i]; i++) {
        guint line = first_line + i;
        char *l = g_strstrip(lines[i]);
        if (!*l || *l == '#' || strcmp(l, "[chart]") == 0)
            continue;
        char *eq = strchr(l, '=');
        if (!eq) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: expected 'key = value' in chart spec, got '%s'", source, line, l);
            return NULL;
        }
        *eq = 0;
        char *key = g_strstrip(l), *val = g_strstrip(eq + 1);
        char **slot = NULL;
        if (strcmp(key, "title") == 0)
            slot = &c->title;
        else if (strcmp(key, "subtitle") == 0)
            slot = &c->subtitle;
        else if (strcmp(key, "source") == 0)
            slot = &c->source;
        else if (strcmp(key, "labels") == 0)
            slot = &c->labels;
        else if (strcmp(key, "growth") == 0)
            slot = &c->growth;
        if (slot) {
            g_free(*slot);
            *slot = g_strdup(val);
        } else if (strcmp(key, "metric") == 0 || strcmp(key, "metrics") == 0) {
            set_metrics(c, val);
        } else if (strcmp(key, "type") == 0) {
            if (!jb_chart_set_type(c, val)) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: chart type '%s' is not supported (supported: %s)", source,
                            line, val, JB_CHART_TYPES);
                return NULL;
            }
            type_line = line;
        } else if (strcmp(key, "width") == 0 || strcmp(key, "height") == 0) {
            if (!parse_size(val, key[0] == 'w' ? &c->width : &c->height)) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: %s must be a number of points from 50 to 10000, got '%s'",
                            source, line, key, val);
                return NULL;
            }
        } else if (strcmp(key, "size") == 0) {
            /* points; PNG pixels are twice these at the default --scale 2 */
            static const struct { const char *name; double w, h; } sizes[] = {
                {"default", 800, 450}, {"slide", 960, 540}, {"a4", 595, 335}, {"square", 540, 540}};
            guint k = 0;
            while (k < G_N_ELEMENTS(sizes) && strcmp(val, sizes[k].name) != 0)
                k++;
            if (k == G_N_ELEMENTS(sizes)) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: size must be default, slide, a4 or square, got '%s'", source,
                            line, val);
                return NULL;
            }
            c->width = sizes[k].w;
            c->height = sizes[k].h;
        } else if (strcmp(key, "number_style") == 0) {
            if (strcmp(val, "western") != 0 && strcmp(val, "chinese") != 0) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: number_style must be chinese or western, got '%s'", source,
                            line, val);
                return NULL;
            }
            c->western = strcmp(val, "western") == 0;
        } else if (strcmp(key, "transparent") == 0) {
            if (strcmp(val, "true") != 0 && strcmp(val, "false") != 0) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: transparent must be true or false, got '%s'", source, line, val);
                return NULL;
            }
            c->transparent = strcmp(val, "true") == 0;
        } else if (strcmp(key, "svg_text") == 0) {
            if (strcmp(val, "text") != 0 && strcmp(val, "paths") != 0) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: svg_text must be text or paths, got '%s'", source, line, val);
                return NULL;
            }
            c->svg_text = strcmp(val, "text") == 0;
        } else if (strcmp(key, "theme") == 0) {
            GError *local = NULL;
            g_autofree char *path = resolve_theme(source, val, &local);
            if (!path || !jb_chart_load_theme(c, path, &local)) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s", source, line,
                            local->message);
                g_error_free(local);
                return NULL;
            }
        } else {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: unknown chart key '%s'", source,
                        line, key);
            return NULL;
        }
    }
    if (!c->metric_id || !*c->metric_id) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: chart spec needs 'metric = ID'",
                    source, first_line);
        return NULL;
    }
    if (c->metrics->len > JB_CHART_MAX_SERIES) {
        g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                    "%s:%u: %u metrics in one chart; the limit is %d", source, first_line,
                    c->metrics->len, JB_CHART_MAX_SERIES);
        return NULL;
    }
    guint need = c->kind == JB_CHART_COMBO ? 2 : 1;
    if (c->metrics->len < need) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: chart type '%s' needs %u metrics ('metrics = A; B')", source,
                    type_line, c->type, need);
        return NULL;
    }
    return g_steal_pointer(&c);
}

static void add_sources(GPtrArray *names, const char *list)
{
    g_auto(GStrv) parts = g_strsplit(list, ";", -1);
    for (char **p = parts; *p; p++) {
        char *s = g_strstrip(*p);
        if (!*s)
            continue;
        char *base = g_path_get_basename(s);
        if (g_ptr_array_find_with_equal_func(names, base, g_str_equal, NULL))
            g_free(base);
        else
            g_ptr_array_add(names, base);
    }
}

static const char *cell(const JbTable *t, guint r, int col)
{
    return col < 0 ? "" : jb_table_get(t, r, col);
}

gboolean jb_chart_load_series(JbChart *c, const JbTable *series, GError **error)
{
    int c_id = jb_table_column(series, "metric_id"), c_label = jb_table_column(series, "label"),
        c_period = jb_table_column(series, "period"), c_value = jb_table_column(series, "value"),
        c_unit = jb_table_column(series, "unit"), c_bound = jb_table_column(series, "bound"),
        c_fc = jb_table_column(series, "forecast"), c_src = jb_table_column(series, "sources");
    if (c_id < 0 || c_period < 0 || c_value < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "%s:1: not a series table (needs metric_id, period, value)",
                    jb_table_source(series));
        return FALSE;
    }
    if (c->metrics->len == 0 && c->metric_id) /* a chart built by hand */
        g_ptr_array_add(c->metrics, g_strdup(c->metric_id));
    g_ptr_array_set_size(c->series, 0);
    g_auto(GStrv) labels = c->labels ? g_strsplit(c->labels, ";", -1) : NULL;
    guint n_labels = labels ? g_strv_length(labels) : 0;
    g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func(g_free);
    for (guint m = 0; m < c->metrics->len; m++) {
        const char *id = g_ptr_array_index(c->metrics, m);
        JbChartSeries *s = g_new0(JbChartSeries, 1);
        s->metric_id = g_strdup(id);
        s->points = g_ptr_array_new_with_free_func((GDestroyNotify)point_free);
        g_ptr_array_add(c->series, s);
        for (guint r = 0; r < jb_table_n_rows(series); r++) {
            if (strcmp(jb_table_get(series, r, c_id), id) != 0)
                continue;
            JbChartPoint *p = g_new0(JbChartPoint, 1);
            p->label = g_strdup(jb_table_get(series, r, c_period));
            if (!jb_decimal_parse(jb_table_get(series, r, c_value), &p->value)) {
                g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: value '%s' is not a number",
                            jb_table_source(series), jb_table_line(series, r),
                            jb_table_get(series, r, c_value));
                point_free(p);
                return FALSE;
            }
            if (!jb_bound_parse(cell(series, r, c_bound), &p->bound))
                p->bound = JB_BOUND_EXACT;
            p->forecast = strcmp(cell(series, r, c_fc), "1") == 0;
            g_ptr_array_add(s->points, p);
            if (s->points->len > JB_CHART_MAX_POINTS) {
                g_set_error(error, JB_ERROR, JB_ERROR_LIMIT,
                            "%s: metric '%s' has more than %d points to chart",
                            jb_table_source(series), id, JB_CHART_MAX_POINTS);
                return FALSE;
            }
            if (!s->unit)
                s->unit = g_strdup(cell(series, r, c_unit));
            if (!s->label && *cell(series, r, c_label))
                s->label = g_strdup(cell(series, r, c_label));
            add_sources(sources, cell(series, r, c_src));
        }
        if (s->points->len == 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: no rows for metric '%s'",
                        jb_table_source(series), id);
            return FALSE;
        }
        if (m == 0 && !c->title && s->label) /* the title: series.csv's label, not `labels` */
            c->title = g_strdup(s->label);
        if (m < n_labels && *g_strstrip(labels[m])) {
            g_free(s->label);
            s->label = g_strdup(labels[m]);
        }
        if (!s->label)
            s->label = g_strdup(id);
        if (!s->unit)
            s->unit = g_strdup("");
    }
    const JbChartSeries *s0 = g_ptr_array_index(c->series, 0);
    g_ptr_array_unref(c->points);
    c->points = g_ptr_array_ref(s0->points);
    if (!c->title)
        c->title = g_strdup(s0->label);
    g_free(c->unit);
    c->unit = g_strdup(s0->unit);
    if (!c->source && sources->len == 0) {
        c->source = g_strdup("");
    } else if (!c->source) {
        /* a series merged from many articles names the first few and counts the rest, so
         * the source line stays one line and never crowds out the plot */
        enum { NAMED = 3 };
        guint total = sources->len;
        if (total > NAMED + 1)
            g_ptr_array_set_size(sources, NAMED);
        g_ptr_array_add(sources, NULL);
        g_autofree char *list = g_strjoinv("、", (char **)sources->pdata);
        c->source = total > NAMED + 1 ? g_strdup_printf("来源：%s等%u篇", list, total)
                                      : g_strconcat("来源：", list, NULL);
    }
    if (!c->subtitle && !g_ascii_isdigit(((JbChartPoint *)g_ptr_array_index(c->points, 0))->label[0])) {
        c->subtitle = g_strdup(""); /* categories, not periods: no range to state */
    } else if (!c->subtitle) {
        const JbChartPoint *first = g_ptr_array_index(c->points, 0);
        const JbChartPoint *last = g_ptr_array_index(c->points, c->points->len - 1);
        /* periods that are years read as years: 2022—2025年，2025年为预计值 */
        const char *nian = strlen(last->label) == 4 && g_ascii_isdigit(last->label[0]) ? "年" : "";
        GString *s = g_string_new(NULL);
        if (c->points->len > 1)
            g_string_append_printf(s, "%s—%s%s", first->label, last->label, nian);
        else
            g_string_append_printf(s, "%s%s", first->label, nian);
        for (guint i = 0; i < c->points->len; i++) {
            const JbChartPoint *p = g_ptr_array_index(c->points, i);
            if (p->forecast) {
                g_string_append_printf(s, "，%s%s为预计值", p->label, nian);
                break;
            }
        }
        c->subtitle = g_string_free(s, FALSE);
    }
    return TRUE;
}
