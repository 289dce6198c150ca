#include "jb_dict.h"

#include "jb_common.h"

#include <string.h>

struct JbDict {
    GPtrArray *metrics; /* JbMetric*, in file order */
    char **subjects;
    JbWordSet *subject_set; /* the subjects, for scanning text */
    GHashTable *by_unit;    /* unit → GPtrArray of the metrics in it (borrowed), file order */
};

static void metric_free(JbMetric *m)
{
    g_free(m->id);
    g_free(m->label);
    g_free(m->unit);
    g_free(m->subject);
    g_strfreev(m->aliases);
    g_free(m);
}

void jb_dict_free(JbDict *d)
{
    if (!d)
        return;
    g_ptr_array_unref(d->metrics);
    g_strfreev(d->subjects);
    jb_word_set_free(d->subject_set);
    if (d->by_unit)
        g_hash_table_unref(d->by_unit);
    g_free(d);
}

static char **list_or_empty(GKeyFile *kf, const char *group, const char *key)
{
    char **v = g_key_file_get_string_list(kf, group, key, NULL, NULL);
    return v ? v : g_new0(char *, 1);
}

JbDict *jb_dict_parse(const char *source, const char *data, gsize len, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    GError *local = NULL;
    if (!g_key_file_load_from_data(kf, data, len, G_KEY_FILE_NONE, &local)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: %s", source, local->message);
        g_error_free(local);
        return NULL;
    }
    JbDict *d = g_new0(JbDict, 1);
    d->metrics = g_ptr_array_new_with_free_func((GDestroyNotify)metric_free);
    d->subjects = list_or_empty(kf, "subjects", "terms");
    d->subject_set = jb_word_set_new();
    for (char **w = d->subjects; *w; w++)
        if (**w && g_utf8_validate(*w, -1, NULL))
            jb_word_set_add(d->subject_set, *w, (int)(w - d->subjects));
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        if (strcmp(*g, "subjects") == 0)
            continue;
        JbMetric *m = g_new0(JbMetric, 1);
        m->id = g_strdup(*g);
        m->label = g_key_file_get_string(kf, *g, "label", NULL);
        m->unit = g_key_file_get_string(kf, *g, "unit", NULL);
        m->subject = g_key_file_get_string(kf, *g, "subject", NULL);
        m->aliases = list_or_empty(kf, *g, "aliases");
        if (!m->label || !m->unit) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: [%s]: needs label= and unit=",
                        source, *g);
            metric_free(m);
            jb_dict_free(d);
            return NULL;
        }
        if (!m->subject)
            m->subject = g_strdup("");
        g_ptr_array_add(d->metrics, m);
    }
    /* jb_dict_match runs for every number: it looks only at the metrics in its unit */
    d->by_unit = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)g_ptr_array_unref);
    for (guint i = 0; i < d->metrics->len; i++) {
        JbMetric *m = g_ptr_array_index(d->metrics, i);
        GPtrArray *same = g_hash_table_lookup(d->by_unit, m->unit);
        if (!same) {
            same = g_ptr_array_new();
            g_hash_table_insert(d->by_unit, m->unit, same);
        }
        g_ptr_array_add(same, m);
    }
    return d;
}

JbDict *jb_dict_load(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!jb_read_file(path, &data, &len, error))
        return NULL;
    return jb_dict_parse(path, data, len, error);
}

const JbMetric *jb_dict_get(const JbDict *d, const char *id)
{
    for (guint i = 0; i < d->metrics->len; i++) {
        const JbMetric *m = g_ptr_array_index(d->metrics, i);
        if (strcmp(m->id, id) == 0)
            return m;
    }
    return NULL;
}

const char *const *jb_dict_subjects(const JbDict *d)
{
    return (const char *const *)d->subjects;
}

const JbWordSet *jb_dict_subject_set(const JbDict *d)
{
    return d->subject_set;
}

/* End offset of the last occurrence of `needle` in `hay`, or -1. */
static gssize last_end(const char *hay, const char *needle)
{
    gssize best = -1;
    size_t n = strlen(needle);
    if (n == 0)
        return -1;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        best = (p - hay) + (gssize)n;
    return best;
}

const JbMetric *jb_dict_match(const JbDict *d, const char *context, const char *subject,
                              const char *unit)
{
    const JbMetric *best = NULL;
    gssize best_end = -1;
    size_t best_len = 0;
    const GPtrArray *same_unit = g_hash_table_lookup(d->by_unit, unit);
    for (guint i = 0; same_unit && i < same_unit->len; i++) {
        const JbMetric *m = g_ptr_array_index(same_unit, i);
        if (m->subject[0] && !(subject && strstr(subject, m->subject)) &&
            !strstr(context, m->subject))
            continue;
        for (char **a = m->aliases; *a; a++) {
            gssize end = last_end(context, *a);
            size_t len = strlen(*a);
            if (end > best_end || (end == best_end && end >= 0 && len > best_len)) {
                best = m;
                best_end = end;
                best_len = len;
            }
        }
    }
    return best;
}
