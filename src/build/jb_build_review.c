/* jb_build_review.c — the analyst's review file: statements and conflicts a human looked at.
 *
 * PROJECT_DIR/review.csv (or the project's review=), edited by hand, columns by name:
 *   action   pin | reject | accept
 *   metric_id, period   pin: the series value to set (its conflict, if any, settled);
 *                       accept: the conflict acknowledged
 *   value    pin: the value, in the metric's base unit (a plain decimal)
 *   source, quote       reject: the statements of that article whose quote holds `quote`
 *   note     free text, shown in the briefing's review section
 * Rejected statements are left out before reshape; pinned values replace the series row
 * (exact, not a forecast, the source "review.csv"); an accepted conflict is no warning. The
 * briefing's ```review block lists pins, rejections and the conflicts still open, with
 * both values and sources (jb_report reads the table jb_build_review_table makes).
 *
 * Not for: reshape's rules (jb_reshape), printing.
 */
#include "jb_build_priv.h"

#include "jb_nearest.h"
#include "jb_number.h"

#include <string.h>

const char *const JB_REVIEW_HEADER[] = {"kind",   "metric_id", "label", "period",
                                        "detail", "note",      NULL};

static const char *col(const JbTable *t, guint r, const char *name)
{
    return jb_table_get(t, r, jb_table_column(t, name));
}

static const char *const COLUMNS[] = {"action", "quote",  "metric_id", "period",
                                      "value",  "source", "note",      NULL};

/* The columns, each by name: a missing one, or one misspelt (acton, notes: the note was
 * silently not read), is an error naming the one meant. */
static gboolean check_header(const JbTable *t, const char *path, GError **error)
{
    for (guint i = 0; i < jb_table_n_cols(t); i++) {
        const char *h = jb_table_header(t, i);
        const char *near = g_strv_contains(COLUMNS, h) ? NULL : jb_nearest(h, COLUMNS, G_MAXUINT);
        if (near && jb_table_column(t, near) < 0) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:1: column '%s': did you mean '%s'? (a review file's columns are "
                        "action,metric_id,period,value,source,quote,note)",
                        path, h, near);
            return FALSE;
        }
    }
    if (jb_table_column(t, "action") < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:1: a review file needs the columns action,metric_id,period,value,source,"
                    "quote,note",
                    path);
        return FALSE;
    }
    return TRUE;
}

/* One row: its action and what the action needs, each wrong cell named with the fix. */
static gboolean check_row(const JbTable *t, guint r, const char *path, GError **error)
{
    static const char *const ACTIONS[] = {"pin", "reject", "accept", NULL};
    const char *a = col(t, r, "action"), *id = col(t, r, "metric_id");
    const char *period = col(t, r, "period"), *value = col(t, r, "value");
    guint line = jb_table_line(t, r);
    if (!g_strv_contains(ACTIONS, a)) {
        g_autofree char *hint = jb_nearest_hint(a, ACTIONS, "; did you mean '%s'?");
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: action '%s': expected pin, reject or accept%s", path, line, a, hint);
        return FALSE;
    }
    if (strcmp(a, "reject") == 0) {
        if (!*col(t, r, "source") || !*col(t, r, "quote")) {
            g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                        "%s:%u: reject needs the article (source) and words of its quote", path,
                        line);
            return FALSE;
        }
        return TRUE;
    }
    if (!*id) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: %s needs the metric_id", path, line,
                    a);
        return FALSE;
    }
    if (!jb_period_valid(period)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: %s: period '%s' is not a period (2025, 2025-07, 2025-07-31, 2025-Q3, "
                    "2025-H1, 2025-01/2025-09)",
                    path, line, a, period);
        return FALSE;
    }
    JbDecimal d;
    if (strcmp(a, "pin") == 0 && !jb_decimal_parse(value, &d)) {
        /* 455万 is 4550000: say so */
        JbQuantity q;
        g_autofree char *plain = jb_number_parse(value, &q, NULL) && !q.is_range
                                     ? jb_decimal_to_string(q.value)
                                     : NULL;
        g_autofree char *hint = plain ? g_strdup_printf("; did you mean %s?", plain) : g_strdup("");
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: pin: value '%s' is not a plain decimal in the metric's base unit%s",
                    path, line, value, hint);
        return FALSE;
    }
    return TRUE;
}

gboolean jb_build_review_load(Ctx *c, GError **error)
{
    g_autofree char *rel = NULL;
    rel = g_key_file_get_string(c->kf, "project", "review", NULL);
    gboolean named = rel != NULL;
    if (!rel)
        rel = g_strdup("review.csv");
    g_autofree char *path = jb_build_resolve(c->base, g_strstrip(rel));
    if (!g_file_test(path, G_FILE_TEST_EXISTS) && !named) {
        c->review_hash = g_strdup("");
        return TRUE;
    }
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s:%u: review=%s: no such file",
                    c->project_path, jb_build_project_line(c->project_text, "project", "review"),
                    rel);
        return FALSE;
    }
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!jb_read_file(path, &text, &len, error))
        return FALSE;
    c->review_hash = jb_build_sha256_hex(text, len);
    c->review = jb_table_parse(path, text, len, error);
    if (!c->review)
        return FALSE;
    if (!check_header(c->review, path, error))
        return FALSE;
    for (guint r = 0; r < jb_table_n_rows(c->review); r++)
        if (!check_row(c->review, r, path, error))
            return FALSE;
    c->review_used = g_new0(gboolean, jb_table_n_rows(c->review));
    return TRUE;
}

static void add(JbTable *out, const char *kind, const char *id, const char *label,
                const char *period, const char *detail, const char *note)
{
    const char *cells[] = {kind, id, label, period, detail, note};
    jb_table_append(out, cells);
}

gboolean jb_build_review_rejects(Ctx *c, const JbTable *metrics, guint r)
{
    if (!c->review)
        return FALSE;
    const char *src = col(metrics, r, "source"), *q = col(metrics, r, "quote");
    gboolean reject = FALSE;
    for (guint k = 0; k < jb_table_n_rows(c->review) && !reject; k++) {
        reject = strcmp(col(c->review, k, "action"), "reject") == 0 &&
                 strcmp(col(c->review, k, "source"), src) == 0 &&
                 strstr(q, col(c->review, k, "quote")) != NULL;
        if (reject)
            c->review_used[k] = TRUE;
    }
    if (reject) {
        /* the article by name, as the briefing's sources are: its publisher, else its
         * title, else (nothing else known) its file's name */
        const char *pub = col(metrics, r, "publisher"), *title = col(metrics, r, "title");
        g_autofree char *file = g_path_get_basename(src);
        g_autofree char *detail = g_strdup_printf("“%s”（%s）", q,
                                                  *pub     ? pub
                                                  : *title ? title
                                                           : file);
        add(c->review_out, "reject", col(metrics, r, "metric_id"), col(metrics, r, "metric"),
            col(metrics, r, "period"), detail, "");
    }
    return reject;
}

JbTable *jb_build_review_reject(Ctx *c, const JbTable *metrics)
{
    guint n = jb_table_n_cols(metrics);
    g_autoptr(GPtrArray) header = g_ptr_array_new();
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(header, (gpointer)jb_table_header(metrics, i));
    g_ptr_array_add(header, NULL);
    JbTable *kept = jb_table_new((const char *const *)header->pdata);
    jb_table_set_source(kept, jb_table_source(metrics));
    g_autofree const char **cells = g_new0(const char *, n + 1);
    for (guint r = 0; r < jb_table_n_rows(metrics); r++) {
        if (jb_build_review_rejects(c, metrics, r))
            continue;
        for (guint i = 0; i < n; i++)
            cells[i] = jb_table_get(metrics, r, (int)i);
        jb_table_append(kept, cells);
    }
    return kept;
}

void jb_build_review_pin(Ctx *c, JbTable *series)
{
    int cols[JB_SERIES_N_COLS];
    jb_series_columns(series, cols);
    for (guint k = 0; c->review && k < jb_table_n_rows(c->review); k++) {
        if (strcmp(col(c->review, k, "action"), "pin") != 0)
            continue;
        const char *id = col(c->review, k, "metric_id"), *p = col(c->review, k, "period");
        gboolean found = FALSE;
        for (guint r = 0; r < jb_table_n_rows(series); r++) {
            if (strcmp(jb_table_get(series, r, cols[JB_SERIES_METRIC_ID]), id) != 0 ||
                strcmp(jb_table_get(series, r, cols[JB_SERIES_PERIOD]), p) != 0)
                continue;
            found = TRUE;
            g_autofree char *was = g_strdup(jb_table_get(series, r, cols[JB_SERIES_VALUE]));
            static const JbSeriesCol keys[] = {JB_SERIES_VALUE, JB_SERIES_BOUND, JB_SERIES_FORECAST,
                                               JB_SERIES_VALUE_HIGH, JB_SERIES_SOURCES};
            const char *vals[] = {col(c->review, k, "value"), "exact", "0", "", "review.csv"};
            for (guint i = 0; i < G_N_ELEMENTS(keys); i++)
                jb_table_set(series, r, cols[keys[i]], vals[i]);
            g_autofree char *detail = g_strdup_printf(
                "%s %s（原为 %s）", vals[0], jb_table_get(series, r, cols[JB_SERIES_UNIT]), was);
            add(c->review_out, "pin", id, jb_table_get(series, r, cols[JB_SERIES_LABEL]), p, detail,
                col(c->review, k, "note"));
        }
        c->review_used[k] = TRUE; /* (said here when it matched nothing) */
        if (!found)
            jb_build_add_eventf(c->r, JB_LOG_WARNING, "review",
                                "%s:%u: pin for %s %s matches no series row",
                                jb_table_source(c->review), jb_table_line(c->review, k), id, p);
    }
}

/* Is the conflict of `id` and `period` settled: accepted, or pinned (the analyst chose the
 * value; it was still listed 待核对 beside its 已指定 row)? */
static gboolean accepted(const Ctx *c, const char *id, const char *period, const char **note)
{
    for (guint k = 0; c->review && k < jb_table_n_rows(c->review); k++)
        if ((strcmp(col(c->review, k, "action"), "accept") == 0 ||
             strcmp(col(c->review, k, "action"), "pin") == 0) &&
            strcmp(col(c->review, k, "metric_id"), id) == 0 &&
            strcmp(col(c->review, k, "period"), period) == 0) {
            *note = col(c->review, k, "note");
            if (c->review_used)
                c->review_used[k] = TRUE; /* (only this row's writer, the build's thread) */
            return TRUE;
        }
    return FALSE;
}

gboolean jb_build_review_is_accepted(const Ctx *c, const char *warning)
{
    const char *p = strstr(warning, ": conflict for ");
    if (!p)
        return FALSE;
    p += strlen(": conflict for ");
    const char *sp = strchr(p, ' '), *colon = sp ? strchr(sp + 1, ':') : NULL;
    if (!sp || !colon)
        return FALSE;
    g_autofree char *id = g_strndup(p, (gsize)(sp - p));
    g_autofree char *period = g_strndup(sp + 1, (gsize)(colon - sp - 1));
    const char *note;
    return accepted(c, id, period, &note);
}

/* A rule of reshape's (jb_obs_preference) as the briefing says it: the briefing is read in
 * Chinese ("later article" stood in the middle of a Chinese sentence). */
static const char *rule_cn(const char *rule)
{
    static const char *const rules[][2] = {{"actual beats forecast", "实际值优先于预计值"},
                                           {"later period in the year", "截至时间较晚者优先"},
                                           {"exact beats hedged", "确数优先于约数"},
                                           {"later article", "发布较晚的文章优先"},
                                           {"later row", "同一文章中靠后者优先"}};
    for (guint i = 0; i < G_N_ELEMENTS(rules); i++)
        if (strcmp(rule, rules[i][0]) == 0)
            return rules[i][1];
    return rule;
}

void jb_build_review_conflicts(Ctx *c, const JbTable *conflicts, const JbSeries *series)
{
    for (guint r = 0; r < jb_table_n_rows(conflicts); r++) {
        const char *id = col(conflicts, r, "metric_id"), *p = col(conflicts, r, "period");
        const GArray *rows = jb_series_rows_of(series, id);
        const char *label = rows->len ? jb_series_row(series, g_array_index(rows, guint, 0))->label
                                      : id;
        const JbSourceNames *names = jb_build_sources_names(c->sources);
        g_autofree char *kept = jb_source_names_get(names, col(conflicts, r, "kept_source"));
        g_autofree char *other = jb_source_names_get(names, col(conflicts, r, "other_source"));
        g_autofree char *detail = g_strdup_printf(
            "%s %s（%s）与 %s %s（%s）不一致，取前者：%s", col(conflicts, r, "kept_value"),
            col(conflicts, r, "kept_unit"), kept, col(conflicts, r, "other_value"),
            col(conflicts, r, "other_unit"), other, rule_cn(col(conflicts, r, "rule")));
        const char *note = "";
        gboolean ok = accepted(c, id, p, &note);
        add(c->review_out, ok ? "accepted" : "open", id, label, p, detail, note);
    }
}

static gboolean is_article(const Ctx *c, const char *name)
{
    return jb_build_inputs_find(c->inputs, name) != G_MAXUINT;
}

/* The article's name nearest `src` (jb_nearest), or NULL. */
static const char *nearest_article(const Ctx *c, const char *src)
{
    guint n = jb_build_inputs_count(c->inputs);
    g_autofree const char **names = g_new(const char *, n + 1); /* (a misspelt name only) */
    for (guint i = 0; i < n; i++)
        names[i] = jb_build_inputs_name(c->inputs, i);
    names[n] = NULL;
    const char *near = jb_nearest(src, names, n);
    jb_build_inputs_drop(c->inputs);
    return near;
}

gboolean jb_build_review_check(Ctx *c, GError **error)
{
    guint n = c->review ? jb_table_n_rows(c->review) : 0;
    g_autofree const char **ids = g_new0(const char *, jb_dict_n_metrics(c->dict) + 1);
    for (guint i = 0; i < jb_dict_n_metrics(c->dict); i++)
        ids[i] = jb_dict_nth(c->dict, i)->id;
    const char *path = n ? jb_table_source(c->review) : "";
    for (guint r = 0; r < n; r++) {
        const char *a = col(c->review, r, "action");
        guint line = jb_table_line(c->review, r);
        if (strcmp(a, "reject") == 0) {
            /* an article's name misspelt is an error; one no longer among them is said
             * after the build (jb_build_review_unused): articles come and go */
            const char *src = col(c->review, r, "source");
            const char *near = is_article(c, src) ? NULL : nearest_article(c, src);
            if (near) {
                g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                            "%s:%u: reject: source '%s' is none of the articles; did you mean "
                            "%s?",
                            path, line, src, near);
                return FALSE;
            }
            continue;
        }
        /* pin, accept: a metric of the dictionary (a region's, ID@REGION, by its ID) */
        const char *id = col(c->review, r, "metric_id");
        g_autofree char *base = g_strndup(id, strcspn(id, "@"));
        if (jb_dict_get(c->dict, base))
            continue;
        g_autofree char *hint = jb_nearest_hint(base, ids, "; did you mean %s?");
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE,
                    "%s:%u: %s: metric_id '%s' is not in the dictionary%s", path, line, a, id,
                    hint);
        return FALSE;
    }
    return TRUE;
}

void jb_build_review_unused(Ctx *c)
{
    for (guint r = 0; c->review && r < jb_table_n_rows(c->review); r++) {
        if (c->review_used[r])
            continue;
        const char *a = col(c->review, r, "action");
        const char *path = jb_table_source(c->review);
        guint line = jb_table_line(c->review, r);
        const char *src = col(c->review, r, "source");
        if (strcmp(a, "reject") == 0 && !is_article(c, src))
            jb_build_add_eventf(c->r, JB_LOG_WARNING, "review",
                                "%s:%u: reject: source '%s' is none of the articles", path, line,
                                src);
        else if (strcmp(a, "reject") == 0)
            jb_build_add_eventf(c->r, JB_LOG_WARNING, "review",
                                "%s:%u: reject matches no statement: no quote of %s holds '%s'",
                                path, line, src, col(c->review, r, "quote"));
        else if (strcmp(a, "accept") == 0)
            jb_build_add_eventf(c->r, JB_LOG_WARNING, "review",
                                "%s:%u: accept: no conflict for %s %s to accept", path, line,
                                col(c->review, r, "metric_id"), col(c->review, r, "period"));
    }
}
