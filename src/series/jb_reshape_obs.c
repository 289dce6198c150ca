/* jb_reshape_obs.c — a row of metrics.csv as the reshaper reads it (an observation), and
 * the rules that compare two of them: which one to keep, whether they agree. Moved out of
 * jb_reshape.c (773 lines) unchanged.
 */
#include "jb_reshape_priv.h"

#include "jb_units.h"

#include <math.h>
#include <string.h>

void jb_obs_free(Obs *o)
{
    g_free(o->key);
    g_free(o->label);
    g_free(o->period);
    g_free(o->stated);
    g_free(o->unit);
    g_free(o->published);
    g_free(o->source);
    g_free(o->value_text);
    g_free(o->high_text);
    g_free(o);
}

int jb_obs_preference(const Obs *a, const Obs *b, const char **rule)
{
    int c;
    if (a->forecast != b->forecast) {
        *rule = "actual beats forecast";
        return a->forecast ? -1 : 1;
    }
    if ((c = jb_period_cmp(&a->stated_when, &b->stated_when)) != 0) {
        *rule = "later period in the year";
        return c;
    }
    gboolean ax = a->bound == JB_BOUND_EXACT, bx = b->bound == JB_BOUND_EXACT;
    if (ax != bx) {
        *rule = "exact beats hedged";
        return ax ? 1 : -1;
    }
    if ((c = strcmp(a->published, b->published)) != 0) {
        *rule = "later article";
        return c;
    }
    *rule = "later row";
    return a->seq > b->seq ? 1 : -1;
}

gboolean jb_obs_agree(const Obs *a, const Obs *b)
{
    if (a->range || b->range) {
        const Obs *r = a->range ? a : b, *x = a->range ? b : a;
        if (x->range)
            return jb_decimal_equal(a->value, b->value) && jb_decimal_equal(a->high, b->high);
        return x->bound == JB_BOUND_EXACT && jb_decimal_cmp(r->value, x->value) <= 0 &&
               jb_decimal_cmp(x->value, r->high) <= 0;
    }
    if (a->bound == b->bound &&
        (a->bound != JB_BOUND_EXACT || jb_decimal_equal(a->value, b->value)))
        return a->bound != JB_BOUND_ABOUT || jb_decimal_equal(a->value, b->value) ||
               fabs(jb_decimal_to_double(a->value) - jb_decimal_to_double(b->value)) <=
                   0.05 * fabs(jb_decimal_to_double(a->value));
    if (a->bound != JB_BOUND_EXACT && b->bound != JB_BOUND_EXACT) /* 超5000亿 and 近6000亿 */
        return (a->bound == JB_BOUND_AT_LEAST) != (b->bound == JB_BOUND_AT_LEAST)
                   ? jb_decimal_cmp(a->bound == JB_BOUND_AT_LEAST ? a->value : b->value,
                                    a->bound == JB_BOUND_AT_LEAST ? b->value : a->value) <= 0
                   : FALSE;
    const Obs *h = a->bound == JB_BOUND_EXACT ? b : a, *x = a->bound == JB_BOUND_EXACT ? a : b;
    int c = jb_decimal_cmp(x->value, h->value);
    switch (h->bound) {
    case JB_BOUND_AT_LEAST:
        return c >= 0;
    case JB_BOUND_AT_MOST:
        return c <= 0;
    case JB_BOUND_ABOUT: {
        double v = jb_decimal_to_double(h->value);
        return fabs(jb_decimal_to_double(x->value) - v) <= 0.05 * fabs(v);
    }
    default:
        return c == 0;
    }
}

/* id equals one of `want` or lies under it ("ai" → "ai.enterprises", "unknown" → "unknown:…"). */
static gboolean metric_wanted(const char *const *want, const char *id)
{
    if (!want)
        return TRUE;
    for (; *want; want++) {
        size_t n = strlen(*want);
        if (strncmp(id, *want, n) == 0 && (id[n] == '\0' || id[n] == '.' || id[n] == ':'))
            return TRUE;
    }
    return FALSE;
}

/* A period overlapping [since, until] (each a period of the grammar, NULL for none). */
static gboolean period_wanted(const JbPeriod *p, const char *since, const char *until)
{
    JbPeriod b;
    if (since && jb_period_parse(since, &b, NULL) &&
        jb_period_end_day(p) <= jb_period_first_day(&b))
        return FALSE;
    if (until && jb_period_parse(until, &b, NULL) &&
        jb_period_first_day(p) >= jb_period_end_day(&b))
        return FALSE;
    return TRUE;
}

Obs *jb_obs_read(const JbTable *m, guint r, const MetricCols *c, const JbDict *dict,
                 const JbReshapeOptions *opt, char **why)
{
    const char *id = jb_table_get(m, r, c->id);
    const char *subject = jb_table_get(m, r, c->subject);
    const char *metric = jb_table_get(m, r, c->metric);
    const JbMetric *known = dict && id[0] ? jb_dict_get(dict, id) : NULL;
    g_autofree char *key = NULL, *label = NULL;
    if (id[0]) {
        key = g_strdup(id);
        const char *region = known ? strchr(id, '@') : NULL; /* macro.gdp@广东省 */
        label = region && strcmp(known->id, id) != 0
                    ? g_strdup_printf("%s（%s）", known->label, region + 1)
                    : g_strdup(known ? known->label : id);
    } else {
        if (!opt->include_unknown)
            return NULL;
        if (!metric[0]) {
            *why = g_strdup("no metric_id and no metric text");
            return NULL;
        }
        key = g_strdup_printf("unknown:%s:%s", subject, metric);
        /* the text as stated, without the formula guards extract gave each cell (the
         * label gets its own when written) */
        g_autofree char *s = jb_csv_plain_text(subject), *t = jb_csv_plain_text(metric);
        label = s[0] && !strstr(t, s) ? g_strconcat(s, t, NULL) : g_strdup(t);
    }
    if (!metric_wanted(opt->metrics, key))
        return NULL;
    if (opt->subjects && !g_strv_contains(opt->subjects, subject) &&
        !(known && known->subject[0] && g_strv_contains(opt->subjects, known->subject)))
        return NULL;

    const char *period = jb_table_get(m, r, c->period);
    const char *v = jb_table_get(m, r, c->value);
    const char *bound = jb_table_get(m, r, c->bound);
    const char *fc = jb_table_get(m, r, c->forecast);
    const char *hi = c->high >= 0 ? jb_table_get(m, r, c->high) : "";
    Obs o = {
        .line = jb_table_line(m, r), .file = jb_table_row_source(m, r), .bound = JB_BOUND_EXACT};
    g_autoptr(GError) pe = NULL;
    if (!jb_period_parse(period, &o.stated_when, &pe)) {
        *why = g_strdup(pe->message);
        return NULL;
    }
    if (!period_wanted(&o.stated_when, opt->since, opt->until))
        return NULL;
    if (!jb_decimal_parse(v, &o.value)) {
        *why = g_strdup_printf("value '%s' is not a plain decimal", v);
        return NULL;
    }
    o.range = strcmp(bound, RANGE_BOUND) == 0;
    if (!o.range && bound[0] && !jb_bound_parse(bound, &o.bound)) {
        *why = g_strdup_printf("unknown bound '%s' (exact, at_least, at_most, about or range)",
                               bound);
        return NULL;
    }
    if (o.range != (hi[0] != '\0')) {
        *why = g_strdup(o.range ? "bound 'range' without a value_high"
                                : "a value_high with a bound other than 'range'");
        return NULL;
    }
    if (o.range && (!jb_decimal_parse(hi, &o.high) || jb_decimal_cmp(o.value, o.high) >= 0)) {
        *why = g_strdup_printf("value_high '%s' is not a plain decimal above the value", hi);
        return NULL;
    }
    if (fc[0] && strcmp(fc, "0") != 0 && strcmp(fc, "1") != 0) {
        *why = g_strdup_printf("forecast '%s' is not 0 or 1", fc);
        return NULL;
    }
    Obs *n = g_new(Obs, 1);
    *n = o;
    n->key = g_steal_pointer(&key);
    n->label = g_steal_pointer(&label);
    n->stated = g_strdup(period);
    n->when = o.stated_when;
    JbFreq f = jb_period_freq(&o.stated_when);
    if (opt->year_periods &&
        (f == JB_FREQ_YEAR || (f == JB_FREQ_DAY && !(known && known->daily)))) {
        /* a year's value, or a level as of a day: the year's (a part of a year, such as a
         * half or the months to October, never stands for the whole year; nor does a figure
         * of one day, a metric the dictionary says is daily: 道指涨0.55%, 当日逆回购到期) */
        JbPoint y = {JB_POINT_YEAR, jb_period_year(&o.stated_when), 0, 0};
        n->when = jb_period_of(y);
    }
    char buf[JB_PERIOD_STR_MAX];
    n->period = g_strdup(jb_period_format(&n->when, buf));
    n->unit = g_strdup(jb_table_get(m, r, c->unit));
    n->forecast = strcmp(fc, "1") == 0;
    n->source = g_strdup(jb_table_get(m, r, c->source));
    n->published = g_strdup(jb_table_get(m, r, c->published));
    /* as stated: 7.0 stays 7.0 (the digits a chart label shows) */
    n->value_text = jb_decimal_to_string_stated(
        jb_decimal_with_places(n->value, jb_decimal_places(v)));
    n->high_text = n->range ? jb_decimal_to_string_stated(
                                  jb_decimal_with_places(n->high, jb_decimal_places(hi)))
                            : g_strdup("");
    return n;
}
