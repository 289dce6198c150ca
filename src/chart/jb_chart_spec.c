/* The JbChart object: creating it, setting it key by key (spec lines and command-line
 * options alike), themes, and what callers may read of it. */
#include "jb_chart_priv.h"
#include "jb_keyfile.h"

#include "jb_common.h"
#include "jb_nearest.h"

#include <stdlib.h>
#include <string.h>

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
    .title_bold = TRUE, /* the bold face adds ~2 KB to a one-chart PDF, still under 10 KB */
    .bold = FALSE,
    .hatch = FALSE, /* diagonal hatching adds ~80 antialiased colours: no indexed PNG */
    .dpi = 144,     /* 2 px a point: a 800×450 pt chart is 1600×900 px */
};

JbChart *jb_chart_new(void)
{
    JbChart *c = g_new0(JbChart, 1);
    c->type = g_strdup("bar");
    c->kind = JB_CHART_BAR;
    c->whole = -1;
    c->width = 800;
    c->height = 450;
    c->theme = DEFAULT_THEME;
    c->metrics = g_ptr_array_new_with_free_func(g_free);
    c->series = g_ptr_array_new_with_free_func((GDestroyNotify)jb_chart_series_free);
    c->points = g_ptr_array_new_with_free_func((GDestroyNotify)jb_chart_point_free);
    jb_name_set_init(&c->sources, SOURCES_NAMED + 1);
    c->boxes = g_array_new(FALSE, TRUE, sizeof(JbChartBox));
    c->marks = g_array_new(FALSE, FALSE, sizeof(JbChartMark));
    g_array_set_clear_func(c->boxes, (GDestroyNotify)box_clear);
    return c;
}

void jb_chart_free(JbChart *c)
{
    if (!c)
        return;
    g_free(c->origin);
    g_free(c->metric_id);
    g_free(c->type);
    g_free(c->title);
    g_free(c->subtitle);
    g_free(c->source);
    g_free(c->unit);
    g_free(c->labels);
    g_free(c->growth);
    g_free(c->parts_at);
    g_ptr_array_unref(c->metrics);
    g_ptr_array_unref(c->series);
    jb_chart_grid_free(c->grid);
    g_ptr_array_unref(c->points);
    jb_name_set_clear(&c->sources);
    g_array_unref(c->boxes);
    g_array_unref(c->marks);
    g_free(c);
}

static gboolean set_type(JbChart *c, const char *type)
{
    static const char *const names[] = {
        [JB_CHART_BAR] = "bar",         [JB_CHART_HBAR] = "hbar",   [JB_CHART_GROUPED] = "grouped",
        [JB_CHART_STACKED] = "stacked", [JB_CHART_LINE] = "line",   [JB_CHART_AREA] = "area",
        [JB_CHART_COMBO] = "combo",     [JB_CHART_DONUT] = "donut", [JB_CHART_KPI] = "kpi"};
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

/* A theme's keys, for hints (load_theme decides). */
static const char *const THEME_KEYS[] = {
    "ink",           "muted",     "grid",          "axis",       "background",  "title_size",
    "subtitle_size", "tick_size", "category_size", "value_size", "source_size", "dpi",
    "gridlines",     "bold",      "hatch",         "title_bold", "palette",     NULL};

/* The 1-based line of `key =` in the theme's text (its only group is [theme]), 0 if none. */
static guint theme_line(const char *text, const char *key)
{
    guint line = 1;
    gsize n = strlen(key);
    for (const char *p = text; *p; line++) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *q = p + n;
        while (*q == ' ' || *q == '\t')
            q++;
        if (strncmp(p, key, n) == 0 && *q == '=')
            return line;
        p = strchr(p, '\n');
        if (!p)
            break;
        p++;
    }
    return 0;
}

static gboolean load_theme(JbChart *c, const char *path, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *local = NULL;
    if (!g_file_get_contents(path, &text, &len, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: cannot read theme: %s", path,
                    local->message);
        g_error_free(local);
        return FALSE;
    }
    static const char *const sections[] = {"theme", NULL};
    static const JbKeyfileHints hints = {"theme", sections, THEME_KEYS};
    if (!jb_keyfile_load_hinted(kf, path, text, len, G_KEY_FILE_NONE, &hints, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s (a theme)", local->message);
        g_error_free(local);
        return FALSE;
    }
    JbChartTheme *t = &c->theme;
    g_auto(GStrv) keys = g_key_file_get_keys(kf, "theme", NULL, NULL);
    if (!keys) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: a theme needs a [theme] group", path);
        return FALSE;
    }
    struct {
        const char *key;
        char *slot;
    } colors[] = {{"ink", t->ink},
                  {"muted", t->muted},
                  {"grid", t->grid},
                  {"axis", t->axis},
                  {"background", t->background}};
    struct {
        const char *key;
        double *slot;
    } sizes[] = {{"title_size", &t->title_size},
                 {"subtitle_size", &t->subtitle_size},
                 {"tick_size", &t->tick_size},
                 {"category_size", &t->category_size},
                 {"value_size", &t->value_size},
                 {"source_size", &t->source_size},
                 {"dpi", &t->dpi}};
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
                good = end != v && !*end && d >= 4 && d <= (strcmp(*k, "dpi") == 0 ? 1200 : 200);
                if (good)
                    *sizes[i].slot = d;
            }
        if (strcmp(*k, "gridlines") == 0 || strcmp(*k, "bold") == 0 || strcmp(*k, "hatch") == 0 ||
            strcmp(*k, "title_bold") == 0) {
            known = TRUE;
            good = strcmp(v, "true") == 0 || strcmp(v, "false") == 0;
            *(strcmp(*k, "bold") == 0         ? &t->bold
              : strcmp(*k, "hatch") == 0      ? &t->hatch
              : strcmp(*k, "title_bold") == 0 ? &t->title_bold
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
            g_autofree char *hint = known
                                        ? g_strdup("")
                                        : jb_nearest_hint(*k, THEME_KEYS, "; did you mean '%s='?");
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s theme key '%s'%s%s%s%s", path,
                        theme_line(text, *k), known ? "bad value for" : "unknown", *k,
                        known ? ": '" : "", known ? v : "", known ? "'" : "", hint);
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
                    "(no absolute paths, no '..')",
                    val);
        return NULL;
    }
    /* a project names its specs "PROJECT [chart NAME]": the file is what precedes " [" */
    const char *bracket = strstr(source, " [");
    g_autofree char *file = bracket ? g_strndup(source, (gsize)(bracket - source))
                                    : g_strdup(source);
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

/* The theme file a value names, from where the chart's settings come (see jb_chart_set_origin). */
static char *theme_path(const JbChart *c, const char *val, GError **error)
{
    if (c->origin || (!strchr(val, '/') && !strchr(val, '.')))
        return resolve_theme(c->origin ? c->origin : "", val, error);
    return g_strdup(val); /* the command line: the user's own path */
}

void jb_chart_set_origin(JbChart *c, const char *origin)
{
    g_free(c->origin);
    c->origin = g_strdup(origin);
}

static gboolean set_bool(gboolean *slot, const char *key, const char *val, GError **error)
{
    if (strcmp(val, "true") != 0 && strcmp(val, "false") != 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s must be true or false, got '%s'", key,
                    val);
        return FALSE;
    }
    *slot = strcmp(val, "true") == 0;
    return TRUE;
}

/* Keys whose value is kept as text. */
static char **text_slot(JbChart *c, const char *key)
{
    struct {
        const char *key;
        char **slot;
    } slots[] = {{"title", &c->title},
                 {"subtitle", &c->subtitle},
                 {"source", &c->source},
                 {"labels", &c->labels},
                 {"growth", &c->growth}};
    for (guint i = 0; i < G_N_ELEMENTS(slots); i++)
        if (strcmp(key, slots[i].key) == 0)
            return slots[i].slot;
    return NULL;
}

gboolean jb_chart_set(JbChart *c, const char *key, const char *val, GError **error)
{
    c->glyphs_warned = FALSE; /* (its text may change) */
    char **slot = text_slot(c, key);
    if (slot) {
        g_free(*slot);
        *slot = g_strdup(val);
        return TRUE;
    }
    if (strcmp(key, "metric") == 0 || strcmp(key, "metrics") == 0) {
        set_metrics(c, val);
        if (c->metrics->len > JB_CHART_MAX_SERIES) {
            g_set_error(error, JB_ERROR, JB_ERROR_LIMIT, "%u metrics in one chart; the limit is %d",
                        c->metrics->len, JB_CHART_MAX_SERIES);
            return FALSE;
        }
        return TRUE;
    }
    if (strcmp(key, "type") == 0) {
        if (set_type(c, val))
            return TRUE;
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "chart type '%s' is not supported (supported: %s)", val, JB_CHART_TYPES);
        return FALSE;
    }
    if (strcmp(key, "width") == 0 || strcmp(key, "height") == 0) {
        if (parse_size(val, key[0] == 'w' ? &c->width : &c->height))
            return TRUE;
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s must be a number of points from 50 to 10000, got '%s'", key, val);
        return FALSE;
    }
    if (strcmp(key, "size") == 0) {
        /* points; PNG pixels are twice these at the default --scale 2 */
        static const struct {
            const char *name;
            double w, h;
        } sizes[] = {
            {"default", 800, 450}, {"slide", 960, 540}, {"a4", 595, 335}, {"square", 540, 540}};
        for (guint k = 0; k < G_N_ELEMENTS(sizes); k++)
            if (strcmp(val, sizes[k].name) == 0) {
                c->width = sizes[k].w;
                c->height = sizes[k].h;
                return TRUE;
            }
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "size must be default, slide, a4 or square, got '%s'", val);
        return FALSE;
    }
    if (strcmp(key, "number_style") == 0) {
        if (strcmp(val, "western") != 0 && strcmp(val, "chinese") != 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "number_style must be chinese or western, got '%s'", val);
            return FALSE;
        }
        c->western = strcmp(val, "western") == 0;
        return TRUE;
    }
    if (strcmp(key, "dpi") == 0) {
        char *end = NULL;
        double d = g_ascii_strtod(val, &end);
        if (end == val || *end || !(d >= 36 && d <= 1200)) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "dpi must be a number from 36 to 1200, got '%s'", val);
            return FALSE;
        }
        c->theme.dpi = d;
        return TRUE;
    }
    if (strcmp(key, "period_labels") == 0 || strcmp(key, "gaps") == 0) {
        gboolean periods = key[0] == 'p';
        const char *a = periods ? "chinese" : "gap", *b = periods ? "compact" : "bridge";
        if (strcmp(val, a) != 0 && strcmp(val, b) != 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s must be %s or %s, got '%s'", key, a, b,
                        val);
            return FALSE;
        }
        *(periods ? &c->compact_periods : &c->bridge_gaps) = strcmp(val, b) == 0;
        return TRUE;
    }
    if (strcmp(key, "transparent") == 0)
        return set_bool(&c->transparent, key, val, error);
    if (strcmp(key, "allow_missing_glyphs") == 0)
        return set_bool(&c->allow_missing_glyphs, key, val, error);
    if (strcmp(key, "svg_text") == 0) {
        if (strcmp(val, "text") != 0 && strcmp(val, "paths") != 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "svg_text must be text or paths, got '%s'",
                        val);
            return FALSE;
        }
        c->svg_text = strcmp(val, "text") == 0;
        return TRUE;
    }
    if (strcmp(key, "theme") == 0) {
        g_autofree char *path = theme_path(c, val, error);
        return path && load_theme(c, path, error);
    }
    g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "unknown chart key '%s'", key);
    return FALSE;
}

/* Only for suggestions: jb_chart_set decides what a chart key is and takes. */
static const char *const CHART_KEYS[] = {"metric",
                                         "metrics",
                                         "type",
                                         "title",
                                         "subtitle",
                                         "source",
                                         "labels",
                                         "growth",
                                         "number_style",
                                         "theme",
                                         "size",
                                         "transparent",
                                         "svg_text",
                                         "width",
                                         "height",
                                         "period_labels",
                                         "gaps",
                                         "dpi",
                                         "allow_missing_glyphs",
                                         NULL};
/* (a theme may also be a path) */
static const struct {
    const char *key;
    const char *const values[10];
} CHART_VALUES[] = {
    {"type", {"bar", "hbar", "grouped", "stacked", "line", "area", "combo", "donut", "kpi", NULL}},
    {"size", {"default", "slide", "a4", "square", NULL}},
    {"number_style", {"chinese", "western", NULL}},
    {"svg_text", {"paths", "text", NULL}},
    {"period_labels", {"chinese", "compact", NULL}},
    {"gaps", {"gap", "bridge", NULL}},
    {"theme", {"default", "bold", "print", NULL}},
    {"transparent", {"true", "false", NULL}},
    {"allow_missing_glyphs", {"true", "false", NULL}},
};

const char *const *jb_chart_keys(void)
{
    return CHART_KEYS;
}

char *jb_chart_hint(const char *key, const char *value)
{
    if (!g_strv_contains(CHART_KEYS, key))
        return jb_nearest_hint(key, CHART_KEYS, "; did you mean '%s='?");
    for (guint i = 0; i < G_N_ELEMENTS(CHART_VALUES); i++)
        if (strcmp(key, CHART_VALUES[i].key) == 0) {
            g_autofree char *fmt = g_strdup_printf("; did you mean '%s=%%s'?", key);
            return jb_nearest_hint(value, CHART_VALUES[i].values, fmt);
        }
    return g_strdup("");
}

/* A spec is a handful of "key = value" lines. Parsed here rather than with GKeyFile so
 * that every error can name its line, also when the spec sits inside a report template. */
JbChart *jb_chart_spec_parse(const char *source, guint first_line, const char *text, GError **error)
{
    g_autoptr(JbChart) c = jb_chart_new();
    jb_chart_set_origin(c, source);
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
        GError *local = NULL;
        if (!jb_chart_set(c, key, val, &local)) {
            g_autofree char *hint = jb_chart_hint(key, val);
            g_set_error(error, local->domain, local->code, "%s:%u: %s%s", source, line,
                        local->message, hint);
            g_error_free(local);
            return NULL;
        }
        if (strcmp(key, "type") == 0)
            type_line = line;
    }
    if (!c->metric_id || !*c->metric_id) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: chart spec needs 'metric = ID'",
                    source, first_line);
        return NULL;
    }
    guint need = c->kind == JB_CHART_COMBO ? 2 : 1;
    if (c->metrics->len < need) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: chart type '%s' needs %u metrics ('metrics = A; B')", source, type_line,
                    c->type, need);
        return NULL;
    }
    return g_steal_pointer(&c);
}

/* ---- what a chart is ------------------------------------------------------------------- */

const char *jb_chart_metric_id(const JbChart *c)
{
    return c->metric_id;
}
const GPtrArray *jb_chart_metrics(const JbChart *c)
{
    return c->metrics;
}
JbChartKind jb_chart_kind(const JbChart *c)
{
    return c->kind;
}
const char *jb_chart_title(const JbChart *c)
{
    return c->title ? c->title : c->metric_id;
}
const char *jb_chart_subtitle(const JbChart *c)
{
    return c->subtitle ? c->subtitle : "";
}
const char *jb_chart_source(const JbChart *c)
{
    return c->source ? c->source : "";
}
void jb_chart_set_diag(JbChart *c, JbDiag *diag)
{
    c->diag = diag;
}
const GArray *jb_chart_boxes(const JbChart *c)
{
    return c->boxes;
}
const GArray *jb_chart_marks(const JbChart *c)
{
    return c->marks;
}

void jb_chart_size(const JbChart *c, double *width, double *height)
{
    if (width)
        *width = c->width;
    if (height)
        *height = c->height;
}

void jb_chart_set_size(JbChart *c, double width, double height)
{
    c->width = width;
    c->height = height;
}
