#include "jb_dict.h"
#include "jb_dict_priv.h"

#include "jb_common.h"
#include "jb_keyfile.h"
#include "jb_units.h"

#include <string.h>


static void bucket_clear(UnitBucket *b)
{
    g_ptr_array_unref(b->metrics);
    g_array_unref(b->alias_start);
    g_array_unref(b->aliases);
    jb_word_set_free(b->alias_set);
    g_array_unref(b->alias_metric);
    g_ptr_array_unref(b->growth_base);
    if (b->growth_by_name)
        g_hash_table_unref(b->growth_by_name);
}

/* b->growth_by_name, from b->growth_base. */
static void index_growth_names(UnitBucket *b)
{
    for (guint i = 0; i < b->metrics->len; i++) {
        const JbMetric *m = g_ptr_array_index(b->metrics, i);
        const JbMetric *base = g_ptr_array_index(b->growth_base, i);
        if (!*m->growth_of || !base)
            continue;
        if (!b->growth_by_name)
            b->growth_by_name = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify)g_array_unref);
        for (gint k = -1; k < 0 || base->aliases[k]; k++) {
            const char *name = k < 0 ? base->label : base->aliases[k];
            if (!*name)
                continue;
            GArray *at = g_hash_table_lookup(b->growth_by_name, name);
            if (!at) {
                at = g_array_new(FALSE, FALSE, sizeof(guint));
                g_hash_table_insert(b->growth_by_name, (gpointer)name, at);
            }
            if (!at->len || g_array_index(at, guint, at->len - 1) != i)
                g_array_append_val(at, i); /* (once per metric: an alias may repeat its label) */
        }
    }
}

static void metric_free(JbMetric *m)
{
    g_free(m->id);
    g_free(m->label);
    g_free(m->unit);
    g_free(m->subject);
    g_free(m->part_of);
    g_free(m->growth_of);
    g_strfreev(m->aliases);
    g_strfreev(m->scope);
    g_free(m);
}

void jb_dict_free(JbDict *d)
{
    if (!d)
        return;
    g_ptr_array_unref(d->metrics);
    g_strfreev(d->subjects);
    g_strfreev(d->growth_words);
    g_strfreev(d->other_bases);
    jb_word_set_free(d->subject_set);
    g_strfreev(d->places);
    g_strfreev(d->regions);
    jb_word_set_free(d->owners);
    jb_word_set_free(d->measures);
    jb_word_set_free(d->lead_words);
    g_free(d->time_chars);
    if (d->units)
        g_array_unref(d->units);
    if (d->by_id)
        g_hash_table_unref(d->by_id);
    g_free(d);
}

/* A key is asked for only when its group has it: GKeyFile builds a translated, formatted
 * error for each key it lacks, thrown away here (most metrics have no subject, part_of,
 * daily, scope or growth_of). `keys`: the group's (g_key_file_get_keys, read once for a
 * metric's eight), or NULL to ask GKeyFile. */
static gboolean has(GKeyFile *kf, const char *group, char **keys, const char *key)
{
    return keys ? g_strv_contains((const char *const *)keys, key)
                : g_key_file_has_key(kf, group, key, NULL);
}

static char *string_or_null(GKeyFile *kf, const char *group, char **keys, const char *key)
{
    return has(kf, group, keys, key) ? g_key_file_get_string(kf, group, key, NULL) : NULL;
}

static char **list_or_empty(GKeyFile *kf, const char *group, char **keys, const char *key)
{
    char **v = has(kf, group, keys, key) ? g_key_file_get_string_list(kf, group, key, NULL, NULL)
                                         : NULL;
    return v ? v : g_new0(char *, 1);
}

static UnitBucket *bucket_for(GArray *units, const char *unit)
{
    for (guint i = 0; i < units->len; i++) {
        UnitBucket *b = &g_array_index(units, UnitBucket, i);
        gsize k = 0; /* strcmp by hand: a unit is a few bytes, and most differ early */
        while (k <= b->unit_len && b->unit[k] == unit[k])
            k++;
        if (k > b->unit_len)
            return b;
    }
    return NULL;
}

static void build_units(JbDict *d)
{
    d->units = g_array_new(FALSE, TRUE, sizeof(UnitBucket));
    g_array_set_clear_func(d->units, (GDestroyNotify)bucket_clear);
    for (guint i = 0; i < d->metrics->len; i++) {
        JbMetric *m = g_ptr_array_index(d->metrics, i);
        const char *unit = jb_unit_base(m->unit); /* (a project's metric in 輛 is in 辆's) */
        UnitBucket *b = bucket_for(d->units, unit);
        if (!b) {
            UnitBucket nb = {.unit = unit,
                             .unit_len = strlen(unit),
                             .metrics = g_ptr_array_new(),
                             .alias_start = g_array_new(FALSE, FALSE, sizeof(guint)),
                             .aliases = g_array_new(FALSE, TRUE, sizeof(AliasRef)),
                             .alias_set = jb_word_set_new(),
                             .alias_metric = g_array_new(FALSE, FALSE, sizeof(guint)),
                             .growth_base = g_ptr_array_new()};
            g_array_append_val(d->units, nb);
            b = &g_array_index(d->units, UnitBucket, d->units->len - 1);
        }
        g_ptr_array_add(b->metrics, m);
        g_ptr_array_add(b->growth_base,
                        *m->growth_of ? (gpointer)jb_dict_get(d, m->growth_of) : NULL);
        g_array_append_val(b->alias_start, b->aliases->len);
        guint at = b->metrics->len - 1;
        for (char **a = m->aliases; *a; a++) {
            AliasRef r = {.text = *a, .len = strlen(*a)};
            if (r.len)
                jb_word_set_add(b->alias_set, *a, (int)b->aliases->len);
            g_array_append_val(b->aliases, r);
            g_array_append_val(b->alias_metric, at);
        }
    }
    for (guint i = 0; i < d->units->len; i++) {
        UnitBucket *b = &g_array_index(d->units, UnitBucket, i);
        g_array_append_val(b->alias_start, b->aliases->len);
        index_growth_names(b);
    }
}

/* growth_of names a metric. */
static gboolean check_names(const JbDict *d, const char *source, GError **error)
{
    for (guint i = 0; i < d->metrics->len; i++) {
        const JbMetric *m = g_ptr_array_index(d->metrics, i);
        if (*m->growth_of && !jb_dict_get(d, m->growth_of)) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                        "%s: [%s]: growth_of '%s' is not a metric of the dictionary", source, m->id,
                        m->growth_of);
            return FALSE;
        }
    }
    return TRUE;
}

/* A scope names places of [scope] places, or is "any" alone. */
static gboolean check_scopes(const JbDict *d, const char *source, GError **error)
{
    for (guint i = 0; i < d->metrics->len; i++) {
        const JbMetric *m = g_ptr_array_index(d->metrics, i);
        for (char **w = m->scope; *w; w++)
            if (m->anyone ? g_strv_length(m->scope) != 1
                          : !g_strv_contains((const char *const *)d->places, *w)) {
                g_set_error(
                    error, JB_ERROR, JB_ERROR_INPUT,
                    "%s: [%s]: scope '%s' is neither any (alone) nor a place of [scope] places",
                    source, m->id, *w);
                return FALSE;
            }
    }
    return TRUE;
}

/* part_of names another metric of the dictionary, in the same unit, and never leads back. */
static gboolean check_parts(const JbDict *d, const char *source, GError **error)
{
    for (guint i = 0; i < d->metrics->len; i++) {
        const JbMetric *m = g_ptr_array_index(d->metrics, i);
        const JbMetric *w = m;
        for (guint depth = 0; *w->part_of; depth++) {
            const JbMetric *whole = jb_dict_get(d, w->part_of);
            const char *why = !whole                         ? "is not a metric of the dictionary"
                              : strcmp(whole->unit, w->unit) ? "has another unit"
                              : depth >= d->metrics->len     ? "leads back to it"
                                                             : NULL;
            if (why) {
                g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: [%s]: part_of '%s' %s", source,
                            w->id, w->part_of, why);
                return FALSE;
            }
            w = whole;
        }
    }
    return TRUE;
}

JbDict *jb_dict_parse(const char *source, const char *data, gsize len, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    if (!jb_keyfile_load(kf, source, data, len, G_KEY_FILE_NONE, error))
        return NULL;
    JbDict *d = g_new0(JbDict, 1);
    d->metrics = g_ptr_array_new_with_free_func((GDestroyNotify)metric_free);
    d->subjects = list_or_empty(kf, "subjects", NULL, "terms");
    d->growth_words = list_or_empty(kf, "growth", NULL, "words");
    d->other_bases = list_or_empty(kf, "growth", NULL, "other_bases");
    jb_lit_filter_build(&d->growth_filter, (const char *const *)d->growth_words);
    jb_lit_filter_build(&d->other_filter, (const char *const *)d->other_bases);
    d->subject_set = jb_word_set_new();
    for (char **w = d->subjects; *w; w++)
        if (**w && g_utf8_validate(*w, -1, NULL))
            jb_word_set_add(d->subject_set, *w, (int)(w - d->subjects));
    d->places = list_or_empty(kf, "scope", NULL, "places");
    g_auto(GStrv) home = list_or_empty(kf, "scope", NULL, "home");
    g_auto(GStrv) measures = list_or_empty(kf, "scope", NULL, "measures");
    d->owners = jb_word_set_new();
    d->measures = jb_word_set_new();
    for (char **w = d->places; *w; w++)
        if (**w && g_utf8_validate(*w, -1, NULL))
            jb_word_set_add(d->owners, *w, (int)(w - d->places));
    for (char **w = home; *w; w++)
        if (**w && g_utf8_validate(*w, -1, NULL))
            jb_word_set_add(d->owners, *w, -1);
    for (char **w = measures; *w; w++)
        if (**w && g_utf8_validate(*w, -1, NULL))
            jb_word_set_add(d->measures, *w, 0);
    /* regions: 广东省|广东|廣東省|廣東 — the names of one region, the first its name in ids */
    g_auto(GStrv) regions = list_or_empty(kf, "scope", NULL, "regions");
    d->regions = g_new0(char *, g_strv_length(regions) + 1);
    for (guint i = 0; regions[i]; i++) {
        g_auto(GStrv) names = g_strsplit(regions[i], "|", -1);
        d->regions[i] = g_strdup(g_strstrip(names[0]));
        for (char **w = names; *w; w++)
            if (*g_strstrip(*w) && g_utf8_validate(*w, -1, NULL))
                jb_word_set_add(d->owners, *w, -2 - (int)i);
    }
    jb_dict_scope_prepare(d);
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        if (strcmp(*g, "subjects") == 0 || strcmp(*g, "growth") == 0 || strcmp(*g, "scope") == 0)
            continue;
        if (**g && strchr("=+-@", **g)) { /* metrics.csv and series.csv would write it '=x */
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                        "%s: [%s]: a metric id cannot start with = + - or @ (a spreadsheet "
                        "would run it as a formula)",
                        source, *g);
            jb_dict_free(d);
            return NULL;
        }
        g_auto(GStrv) keys = g_key_file_get_keys(kf, *g, NULL, NULL);
        JbMetric *m = g_new0(JbMetric, 1);
        m->id = g_strdup(*g);
        m->label = string_or_null(kf, *g, keys, "label");
        m->unit = string_or_null(kf, *g, keys, "unit");
        m->subject = string_or_null(kf, *g, keys, "subject");
        m->aliases = list_or_empty(kf, *g, keys, "aliases");
        m->part_of = string_or_null(kf, *g, keys, "part_of");
        if (m->part_of)
            g_strstrip(m->part_of);
        else
            m->part_of = g_strdup("");
        m->daily = has(kf, *g, keys, "daily") && g_key_file_get_boolean(kf, *g, "daily", NULL);
        m->scope = list_or_empty(kf, *g, keys, "scope");
        for (char **w = m->scope; *w; w++)
            g_strstrip(*w);
        m->anyone = m->scope[0] && strcmp(m->scope[0], "any") == 0;
        m->growth_of = string_or_null(kf, *g, keys, "growth_of");
        if (m->growth_of)
            g_strstrip(m->growth_of);
        else
            m->growth_of = g_strdup("");
        if (!m->label || !m->unit) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: [%s]: needs label= and unit=", source,
                        *g);
            metric_free(m);
            jb_dict_free(d);
            return NULL;
        }
        if (!m->subject)
            m->subject = g_strdup("");
        g_ptr_array_add(d->metrics, m);
    }
    d->by_id = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < d->metrics->len; i++) {
        JbMetric *m = g_ptr_array_index(d->metrics, i);
        g_hash_table_insert(d->by_id, m->id, m);
    }
    if (!check_parts(d, source, error) || !check_names(d, source, error) ||
        !check_scopes(d, source, error)) {
        jb_dict_free(d);
        return NULL;
    }
    build_units(d);
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

guint jb_dict_n_metrics(const JbDict *d)
{
    return d->metrics->len;
}

const JbMetric *jb_dict_nth(const JbDict *d, guint i)
{
    return i < d->metrics->len ? g_ptr_array_index(d->metrics, i) : NULL;
}

const JbMetric *jb_dict_get(const JbDict *d, const char *id)
{
    if (!d->by_id)
        return NULL;
    const JbMetric *m = g_hash_table_lookup(d->by_id, id);
    const char *at = m ? NULL : strchr(id, '@');
    if (at && at > id && at[1]) { /* a region's figure: ID@REGION is ID's metric */
        g_autofree char *base = g_strndup(id, (gsize)(at - id));
        m = g_hash_table_lookup(d->by_id, base);
    }
    return m;
}

const char *const *jb_dict_subjects(const JbDict *d)
{
    return (const char *const *)d->subjects;
}

const JbWordSet *jb_dict_subject_set(const JbDict *d)
{
    return d->subject_set;
}

/* Words after which an alias still names the whole metric: a scope (全国 我国 内地 本港),
 * a link word, a time's end (年 月 度), a qualifier (最新 累计), punctuation. */
const char *const JB_DICT_SCOPE_WORDS[] = {
    "全国", "全國", "我国",   "我國",   "中国", "中國", "全省", "全市", "全区", "全區",
    "全县", "全縣", "本省",   "本市",   "该省", "該省", "该市", "該市", "我省", "我市",
    "省",   "市",   "自治区", "自治區", "本港", "香港", "内地", "內地", "国内", "國內",
    "境内", "境內", "其中",   "同期",   "同时", "今年", "去年", "全年", "相关", "相關",
    "有关", "有關", "各类",   "各類",   "最新", "累计", "累計", "的",   "和",   "与",
    "與",   "及",   "、",     "，",     "：",   "；",   "（",   "“",    "《",   "年",
    "月",   "度",   "季",     "底",     "末",   " ",    NULL};

/* Could a word of JB_DICT_SCOPE_WORDS end at `at` (at[-1] is no ASCII)? Its last character,
 * a three-byte one, must be the last character of one of them: one bit test for most places
 * instead of comparing the ~60 words. */
/* JB_DICT_SCOPE_WORDS with their lengths (scope_word_may_end builds it with its bits): the
 * words are compared where a bit lets a place through, a strlen each cost more than the
 * comparisons. */
static JbLit scope_lits[128];
static gsize n_scope_lits;

static gboolean scope_word_may_end(const char *hay, const char *at)
{
    static guint8 lasts[0x10000 / 8];
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (const char *const *w = JB_DICT_SCOPE_WORDS; *w; w++) {
            const char *e = *w + strlen(*w), *l = g_utf8_prev_char(e);
            if (e - l == 3) {
                gunichar c = jb_utf8_get3(l);
                lasts[c >> 3] |= (guint8)(1u << (c & 7));
            }
            g_assert(n_scope_lits < G_N_ELEMENTS(scope_lits));
            scope_lits[n_scope_lits++] = (JbLit){*w, strlen(*w)};
        }
        g_once_init_leave(&done, 1);
    }
    if (at - hay < 3 || ((guchar)at[-3] & 0xF0) != 0xE0)
        return TRUE; /* (not a three-byte character: the words are compared) */
    gunichar c = jb_utf8_get3(at - 3);
    return (lasts[c >> 3] >> (c & 7)) & 1;
}

/* Does an alias that starts at `at` in `hay` begin a metric there, not the tail of a
 * narrower one (制造业增加值 inside 高技术制造业增加值, 汽车产量 inside 新能源汽车产量)? */
gboolean jb_dict_alias_starts_metric(const char *hay, const char *at, const JbWordSet *subjects)
{
    static const char CATEGORY[] = "类"; /* 体育娱乐用品类商品零售额: a category's, not the whole */
    if ((gsize)(at - hay) >= sizeof CATEGORY - 1 &&
        memcmp(at - (sizeof CATEGORY - 1), CATEGORY, sizeof CATEGORY - 1) == 0)
        return FALSE;
    if (!subjects || at == hay || (guchar)at[-1] < 0x80)
        return TRUE;                     /* (no subjects: any occurrence) */
    static const char CITIES[] = "城市"; /* 一线城市, 大城市: a group of cities, no region */
    if (scope_word_may_end(hay, at))
        for (gsize i = 0; i < n_scope_lits; i++) {
            const char *w = scope_lits[i].s;
            gsize n = scope_lits[i].n;
            if ((gsize)(at - hay) >= n && at[-1] == w[n - 1] && memcmp(at - n, w, n) == 0 &&
                !(strcmp(w, "市") == 0 && (gsize)(at - hay) >= sizeof CITIES - 1 &&
                  memcmp(at - (sizeof CITIES - 1), CITIES, sizeof CITIES - 1) == 0))
                return TRUE;
        }
    /* a subject word just before it: 人工智能核心产业规模 */
    for (const char *p = hay, *next; p < at; p = next) {
        guint nw;
        const JbWord *w = jb_word_set_lookup(subjects, jb_utf8_step(p, at, &next), &nw);
        for (guint i = 0; i < nw; i++)
            if (jb_word_at(&w[i], p, at) && p + w[i].len == at)
                return TRUE;
    }
    return FALSE;
}

const JbMetric *jb_dict_match(const JbDict *d, const char *context, const char *subject,
                              const char *unit)
{
    return jb_dict_match_in(d, context, subject, unit, TRUE);
}

static const JbMetric *alias_match(const JbDict *d, const UnitBucket *b, const char *context,
                                   const char *subject, gboolean whole);
static gboolean names_change(const char *text);
static gboolean followed_by_measure(const char *text);
static gboolean joined_to_name_before(const char *context, const char *at);

/* Does `text` hold a word of `words` (`f` their filter)? One walk over it, the words compared
 * only where the filter lets a place through, not a strstr per word (asked for every figure
 * whose metric is looked up: the growth words, then the other bases). A word (valid UTF-8)
 * never starts on a continuation byte. */
static gboolean holds_any(const char *text, const char *const *words, const JbLitFilter *f)
{
    const char *end = text + strlen(text);
    for (const char *p = text; p < end; p++)
        if (((guchar)*p & 0xC0) != 0x80 && jb_lit_filter_may_start(f, p, end))
            for (const char *const *w = words; *w; w++)
                if (**w && jb_has_prefix(p, *w))
                    return TRUE;
    return FALSE;
}

/* Does `context` name a narrower measure than `m`'s (充换电服务业用电量 beside the subject
 * 全社会用电量): an alias of `m` at the end of a longer name, and not inside another of its
 * aliases that begins a metric there (用电量 inside 全社会用电量 is the metric itself). */
static gboolean names_narrower(const JbDict *d, const JbMetric *m, const char *context)
{
    for (char **a = m->aliases; *a; a++) {
        gsize la = strlen(*a);
        for (const char *p = la ? strstr(context, *a) : NULL; p; p = strstr(p + 1, *a)) {
            if (jb_dict_alias_starts_metric(context, p, d->subject_set))
                continue;
            gboolean covered = FALSE;
            for (char **o = m->aliases; *o && !covered; o++) {
                gsize lo = strlen(*o);
                for (const char *q = lo > la ? strstr(context, *o) : NULL; q && q <= p && !covered;
                     q = strstr(q + 1, *o))
                    covered = q + lo >= p + la &&
                              jb_dict_alias_starts_metric(context, q, d->subject_set);
            }
            if (!covered)
                return TRUE;
        }
    }
    return FALSE;
}

/* The growth_of metric of `b` whose base metric `subject` names, when `context` says growth
 * (and on no other base). */
static const JbMetric *growth_match(const JbDict *d, const UnitBucket *b, const char *context,
                                    const char *subject)
{
    if (!subject || !*subject)
        return NULL;
    /* the growth metrics whose base `subject` names (its label or an alias, exactly), in
     * file order (looked up before the context is read: most subjects name none) */
    const GArray *named = b->growth_by_name ? g_hash_table_lookup(b->growth_by_name, subject)
                                            : NULL;
    if (!named || !holds_any(context, (const char *const *)d->growth_words, &d->growth_filter) ||
        holds_any(context, (const char *const *)d->other_bases, &d->other_filter))
        return NULL;
    for (guint k = 0; named && k < named->len; k++) {
        guint i = g_array_index(named, guint, k);
        const JbMetric *base = g_ptr_array_index(b->growth_base, i); /* (m's growth_of) */
        if (!names_narrower(d, base, context))
            return g_ptr_array_index(b->metrics, i);
    }
    return NULL;
}

const JbDictUnit *jb_dict_unit(const JbDict *d, const char *unit)
{
    return bucket_for(d->units, jb_unit_base(unit)); /* 元人民币: 元 */
}

const JbMetric *jb_dict_match_in(const JbDict *d, const char *context, const char *subject,
                                 const char *unit, gboolean whole)
{
    const JbDictUnit *u = jb_dict_unit(d, unit);
    return u ? jb_dict_match_unit(d, u, context, subject, whole) : NULL;
}

const JbMetric *jb_dict_match_unit(const JbDict *d, const JbDictUnit *u, const char *context,
                                   const char *subject, gboolean whole)
{
    const UnitBucket *b = u;
    /* a member of a 分别 list is named by itself before the list's shared words:
     * 服务业生产指数、规模以上工业增加值、社会消费品零售总额分别同比增长5.0%、5.9%、4.4% */
    const JbMetric *m = !whole && subject && *subject ? alias_match(d, b, subject, subject, TRUE)
                                                      : NULL;
    if (!m)
        m = alias_match(d, b, context, subject, whole);
    return m ? m : growth_match(d, b, context, subject);
}

/* The metric of an alias in `context` (jb_dict_match_in), or NULL: the alias that ends
 * last in it (beginning a metric there), the longer at the same end, the later metric's at
 * the same end and length (a project's own over the shipped one it extends). */
static const JbMetric *alias_match(const JbDict *d, const UnitBucket *b, const char *context,
                                   const char *subject, gboolean whole)
{
    const AliasRef *aliases = (const AliasRef *)(const void *)b->aliases->data;
    const guint *alias_metric = (const guint *)(const void *)b->alias_metric->data;
    const JbWordSet *subjects = whole ? d->subject_set : NULL;
    /* whether a metric with a subject of its own may match: asked once, when needed */
    gint8 *allowed = g_newa(gint8, b->metrics->len);
    memset(allowed, -1, b->metrics->len);
    const JbMetric *best = NULL;
    gssize best_end = -1;
    gsize best_len = 0;
    guint best_k = 0;
    const char *end = context + strlen(context);
    for (const char *p = context, *next; p < end; p = next) {
        guint n;
        const JbWord *w = jb_word_set_lookup(b->alias_set, jb_utf8_step(p, end, &next), &n);
        for (guint c = 0; c < n; c++) {
            if (!jb_word_at(&w[c], p, end))
                continue;
            guint k = (guint)w[c].tag, i = alias_metric[k];
            gsize len = aliases[k].len;
            gssize e = (p - context) + (gssize)len;
            if (e < best_end ||
                (e == best_end && (len < best_len || (len == best_len && k < best_k))))
                continue;
            const JbMetric *m = g_ptr_array_index(b->metrics, i);
            if (allowed[i] < 0)
                allowed[i] = !m->subject[0] || (subject && strstr(subject, m->subject)) ||
                             strstr(context, m->subject);
            if (!allowed[i] || !jb_dict_alias_starts_metric(context, p, subjects))
                continue;
            best = m;
            best_end = e;
            best_len = len;
            best_k = k;
        }
    }
    /* 科技和创新型中小企业超60万家: the alias is the last of two names joined by 和, and the
     * figure counts both together, not the alias's metric alone */
    if (best && joined_to_name_before(context, context + best_end - best_len))
        return NULL;
    /* 居民消费价格环比上涨0.2%: a change on another base than the metric's */
    if (best &&
        holds_any(context + best_end, (const char *const *)d->other_bases, &d->other_filter))
        return NULL;
    /* 电子信息制造业营业收入增长5.5%: a name's alias followed at once by a measure names
     * that measure's figure, not the one the name stands for (its value added) */
    if (best && followed_by_measure(context + best_end))
        return NULL;
    /* 恒指午市升逾300點, 产量比上年增加100万辆: a change, not the level the metric is */
    if (best && !jb_unit_is_ratio(best->unit) && strcmp(best->unit, "基点") != 0 &&
        names_change(context + best_end))
        return NULL;
    return best;
}

/* Does `at` follow a name joined to it by 和, 与 or 及 (科技和|创新型中小企业): a word
 * character before the conjunction, not a clause's start or punctuation? */
static gboolean joined_to_name_before(const char *context, const char *at)
{
    static const char *const JOINS[] = {"和", "与", "與", "及", NULL};
    for (const char *const *j = JOINS; *j; j++) {
        gsize n = strlen(*j);
        if ((gsize)(at - context) <= n || strncmp(at - n, *j, n) != 0)
            continue;
        const char *before = g_utf8_find_prev_char(context, at - n);
        return before && g_unichar_isalnum(g_utf8_get_char(before)) &&
               !g_unichar_isdigit(g_utf8_get_char(before));
    }
    return FALSE;
}

/* Does `text` begin with the noun of a measure (营业收入, 利润, 出口…)? A longer alias that
 * holds the measure would have ended later and won. */
static gboolean followed_by_measure(const char *text)
{
    static const char *const MEASURES[] = {
        "营业收入", "營業收入", "营收",   "營收",   "收入",   "净利润", "淨利潤", "利润",   "利潤",
        "产量",     "產量",     "销量",   "銷量",   "销售额", "銷售額", "出口",   "进口",   "進口",
        "投资",     "投資",     "用电量", "用電量", "产值",   "產值",   "零售额", "零售額", NULL};
    static JbWordSet *measures; /* MEASURES by first character, kept for the process */
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        measures = jb_word_set_of(MEASURES);
        g_once_init_leave(&done, 1);
    }
    guint n; /* (only the words of its first character are compared) */
    const JbWord *w = jb_word_set_candidates(measures, text, text + strnlen(text, 4), &n);
    for (guint i = 0; i < n; i++)
        if (jb_has_prefix(text, w[i].text))
            return TRUE;
    return FALSE;
}

/* Does `text` (what follows a metric's alias, up to its figure) say the figure is a change:
 * a change verb (升, 跌, 增加, 下降…) not followed by 至, 到 or a threshold (升至, 跌破: the
 * level it reached), or a change noun (升幅, 跌幅, 增量)? Only its words since the last
 * figure or comma are the figure's (…年均增长15.6%，2025年有望突破1900亿件 is a level). */
static gboolean names_change(const char *text)
{
    for (const char *p = text; *p; p++) /* (，is EF BC 8C, ；EF BC 9B: a byte test first) */
        if (g_ascii_isdigit(*p) || *p == ',' || *p == ';' ||
            ((guchar)*p == 0xEF && (g_str_has_prefix(p, "，") || g_str_has_prefix(p, "；"))))
            text = p + 1; /* (a byte on: at worst inside a character, which no word matches) */
    static const char *const NOUNS[] = {"升幅", "跌幅", "涨幅", "漲幅", "增幅", "降幅",
                                        "减幅", "減幅", "增量", "净增", "淨增", NULL};
    static const char *const VERBS[] = {"上涨", "上漲", "下跌", "上升", "下降", "增加",
                                        "减少", "減少", "回落", "反弹", "反彈", "扩大",
                                        "擴大", "收窄", "升",   "跌",   "涨",   "漲",
                                        "降",   "增",   "减",   "減",   NULL};
    static const char *const TO[] = {"至", "到", "破", "穿", NULL};
    static JbLitFilter nouns;
    JB_LIT_FILTER_ONCE(&nouns, NOUNS);
    if (holds_any(text, NOUNS, &nouns))
        return TRUE;
    static JbWordSet *verbs; /* VERBS by first character, in their order: kept for the process */
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        verbs = jb_word_set_of(VERBS);
        g_once_init_leave(&done, 1);
    }
    /* at each character, the first verb of the list there (its first character's words, in
     * the list's order; `text` may start inside a character, where no word starts) */
    const char *end = text + strlen(text);
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        guint nw;
        const JbWord *w = jb_word_set_candidates(verbs, p, end, &nw);
        for (guint i = 0; i < nw; i++) {
            if (!jb_word_at(&w[i], p, end))
                continue;
            gboolean to = FALSE;
            for (const char *const *t = TO; *t && !to; t++)
                to = g_str_has_prefix(p + w[i].len, *t);
            if (!to)
                return TRUE;
            break;
        }
    }
    return FALSE;
}
