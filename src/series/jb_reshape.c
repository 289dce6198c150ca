#include "jb_reshape.h"

#include "jb_common.h"
#include "jb_number.h"
#include "jb_recs.h"
#include "jb_reshape_priv.h"
#include "jb_units.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const JB_CONFLICTS_HEADER[] = {
    "metric_id",  "period",       "kind",         "rule",       "kept_value",
    "kept_unit",  "kept_period",  "kept_source",  "kept_line",  "other_value",
    "other_unit", "other_period", "other_source", "other_line", NULL};

typedef struct {
    char *unit, *source, *period;
    guint line;
} BaseUnit;

static void base_unit_free(BaseUnit *b)
{
    g_free(b->unit);
    g_free(b->source);
    g_free(b->period);
    g_free(b);
}

static void add_conflict(JbTable *conflicts, const char *kind, const char *rule, const Obs *kept,
                         const char *kept_value, const char *kept_unit, const char *kept_period,
                         const char *kept_source, guint kept_line, const Obs *other)
{
    if (!conflicts)
        return;
    g_autofree char *kl = kept_line ? g_strdup_printf("%u", kept_line) : g_strdup("");
    g_autofree char *ol = g_strdup_printf("%u", other->line);
    const char *cells[] = {other->key,
                           kept ? kept->period : other->period,
                           kind,
                           rule,
                           kept_value,
                           kept_unit,
                           kept_period,
                           kept_source,
                           kl,
                           other->value_text,
                           other->unit,
                           other->stated,
                           other->source,
                           ol};
    jb_table_append(conflicts, cells);
}

/* The sorted rows of `a` and `b` (both JB_SERIES_HEADER) in one table sorted by metric_id
 * and period. */
typedef struct {
    const JbTable *t;
    guint row;
} RowRef;

static int by_ref(gconstpointer pa, gconstpointer pb)
{
    const RowRef *a = pa, *b = pb;
    int c = strcmp(jb_table_get(a->t, a->row, JB_SERIES_METRIC_ID),
                   jb_table_get(b->t, b->row, JB_SERIES_METRIC_ID));
    return c ? c
             : strcmp(jb_table_get(a->t, a->row, JB_SERIES_PERIOD),
                      jb_table_get(b->t, b->row, JB_SERIES_PERIOD));
}

static JbTable *merge_sorted(const JbTable *a, const JbTable *b)
{
    g_autoptr(GArray) refs = g_array_new(FALSE, FALSE, sizeof(RowRef));
    const JbTable *both[] = {a, b};
    for (guint k = 0; k < 2; k++)
        for (guint r = 0; r < jb_table_n_rows(both[k]); r++) {
            RowRef ref = {both[k], r};
            g_array_append_val(refs, ref);
        }
    g_array_sort(refs, by_ref); /* g_qsort_with_data: stable */
    JbTable *out = jb_table_new(JB_SERIES_HEADER);
    guint n = jb_table_n_cols(a);
    g_autofree const char **cells = g_new0(const char *, n + 1);
    for (guint i = 0; i < refs->len; i++) {
        RowRef *ref = &g_array_index(refs, RowRef, i);
        for (guint c = 0; c < n; c++)
            cells[c] = jb_table_get(ref->t, ref->row, (int)c);
        jb_table_append(out, cells);
    }
    return out;
}

/* ---- merging, a row at a time ------------------------------------------------------------
 *
 * Memory is bounded by the series, not by the statements: a group (metric and period) keeps
 * its first observation, its best so far, the distinct statements made of it (classes: value,
 * bound, unit and stated period, which decide agreement and are what a conflict reports) and,
 * per row, a class, where it came from (its source, file and published date: an index into
 * JbReshaper.wheres, shared by the rows of an article), its line and forecast flag (with the
 * class, what the rule that kept another value reads): a member, 3 or 4 bytes (below). A
 * press repeating one figure in ten thousand articles costs a group ten thousand small
 * members and one class. */

/* A where is written to a temporary file as it is made and read back a block at a time when
 * the groups' rows are made (JbRecs): 16 bytes an article held until 2026-12-07, 2.1 MB of
 * jianbao build's peak at 100000 articles. Its pointers stay good: they are the caller's
 * article path (jb_reshaper_article, kept by it) or interned. */
typedef struct {
    const char *source, *published; /* interned (JbReshaper.strings), or the caller's path */
} Where;

/* The file of the wheres from `from` on (until the next FileRun's): a build feeds one file,
 * `jianbao reshape` one per input, so a where keeps no file of its own (8 bytes an article,
 * 0.8 MB at 100000). */
typedef struct {
    guint from;
    const char *file; /* interned */
} FileRun;

typedef struct {
    guint cls; /* index into Group.classes */
    gboolean forecast;
    guint where; /* index into JbReshaper.wheres */
    guint line;
} Member;

typedef struct {
    Obs *first, *best;    /* owned; best may be first's copy */
    GPtrArray *classes;   /* Obs*, owned */
    GHashTable *class_of; /* class_key → index + 1, once there are CLASS_INDEX_FROM classes */
    GByteArray *members;  /* Member after Member, each as member_put writes it */
    Member last;          /* the last one put */
} Group;

/* A member as three numbers of 7 bits a byte (LEB128): its class and forecast flag, its where
 * less the last member's (they only grow), its line less the last one's (zigzag: rows fed by
 * their source go back in their table). An article's row of one group after another's is
 * a byte or two each: 12 bytes a member were 3.6 MB of jianbao build's peak at 100000
 * articles. */
static void put_number(GByteArray *b, guint64 v)
{
    do {
        guint8 byte = (guint8)(v & 0x7f);
        v >>= 7;
        if (v)
            byte |= 0x80;
        g_byte_array_append(b, &byte, 1);
    } while (v);
}

static guint64 get_number(const guint8 **p)
{
    guint64 v = 0;
    guint8 byte;
    int shift = 0;
    do {
        byte = *(*p)++;
        v |= (guint64)(byte & 0x7f) << shift;
        shift += 7;
    } while (byte & 0x80);
    return v;
}

static void member_put(Group *g, const Member *m)
{
    gint64 dline = (gint64)m->line - (gint64)g->last.line;
    put_number(g->members, (guint64)m->cls << 1 | (m->forecast != 0));
    put_number(g->members, m->where - g->last.where);
    put_number(g->members, (guint64)dline << 1 ^ (guint64)(dline >> 63));
    g->last = *m;
}

/* The member at *p, after `last`; *p moves past it. */
static Member member_get(const guint8 **p, const Member *last)
{
    Member m;
    guint64 cf = get_number(p);
    m.cls = (guint)(cf >> 1);
    m.forecast = (gboolean)(cf & 1);
    m.where = last->where + (guint)get_number(p);
    guint64 z = get_number(p);
    m.line = (guint)((gint64)last->line + (gint64)(z >> 1 ^ (~(z & 1) + 1)));
    return m;
}

struct JbReshaper {
    const JbDict *dict;
    JbReshapeOptions opt;
    JbDiag *warnings; /* borrowed; NULL: nobody listens */
    MetricCols cols;
    const JbTable *cols_of; /* the table `cols` was found in */
    GHashTable *units;      /* key → BaseUnit */
    GHashTable *groups;     /* "KEY\nPERIOD" → Group */
    GStringChunk *strings;
    GHashTable *interned; /* text → its copy in strings (or `article`) */
    const char *article;  /* the caller's path of the rows added next (jb_reshaper_article) */
    JbRecs *wheres;       /* Where, on disk: consecutive rows of one article share the last */
    Where last_where;     /* the last of them */
    GArray *files;        /* FileRun, by `from` */
    char *src;            /* the table's name, for messages */
    guint fed;            /* rows fed so far: the next one's Obs.seq - 1 */
    GError *error;        /* the first error, under opt.strict */
};

static Obs *obs_copy(const Obs *o)
{
    Obs *n = g_new(Obs, 1);
    *n = *o;
    n->key = g_strdup(o->key);
    n->label = g_strdup(o->label);
    n->period = g_strdup(o->period);
    n->stated = g_strdup(o->stated);
    n->unit = g_strdup(o->unit);
    n->published = g_strdup(o->published);
    n->source = g_strdup(o->source);
    n->value_text = g_strdup(o->value_text);
    n->high_text = g_strdup(o->high_text);
    return n;
}

static void group_free(Group *g)
{
    jb_obs_free(g->first);
    if (g->best != g->first)
        jb_obs_free(g->best);
    g_ptr_array_unref(g->classes);
    if (g->class_of)
        g_hash_table_unref(g->class_of);
    g_byte_array_unref(g->members);
    g_free(g);
}

/* `s` as one pointer for every row that says it (a group's sources are told apart by it).
 * The path of the article whose rows these are (jb_reshaper_article) is itself, and not
 * remembered: its rows come together (100000 articles' paths in this table were 2.6 MB of
 * jianbao build's peak). */
static const char *intern(JbReshaper *r, const char *s)
{
    if (r->article && (s == r->article || strcmp(r->article, s) == 0))
        return r->article;
    const char *have = g_hash_table_lookup(r->interned, s);
    if (!have) {
        have = g_string_chunk_insert(r->strings, s);
        g_hash_table_insert(r->interned, (gpointer)have, (gpointer)have);
    }
    return have;
}

void jb_reshaper_article(JbReshaper *r, const char *path)
{
    r->article = path;
}

JbReshaper *jb_reshaper_new(const JbDict *dict, const JbReshapeOptions *opt, JbDiag *warnings)
{
    JbReshaper *r = g_new0(JbReshaper, 1);
    r->dict = dict;
    if (opt)
        r->opt = *opt;
    r->warnings = warnings;
    r->units = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)base_unit_free);
    r->groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)group_free);
    r->strings = g_string_chunk_new(1 << 16);
    r->interned = g_hash_table_new(g_str_hash, g_str_equal);
    r->wheres = jb_recs_new(sizeof(Where));
    r->files = g_array_new(FALSE, FALSE, sizeof(FileRun));
    r->src = g_strdup("");
    return r;
}

void jb_reshaper_free(JbReshaper *r)
{
    if (!r)
        return;
    g_hash_table_unref(r->units);
    g_hash_table_unref(r->groups);
    g_hash_table_unref(r->interned);
    jb_recs_free(r->wheres);
    g_array_unref(r->files);
    g_string_chunk_free(r->strings);
    g_free(r->src);
    g_clear_error(&r->error);
    g_free(r);
}

static gboolean find_cols(JbReshaper *r, const JbTable *metrics)
{
    if (r->cols_of) /* every table fed to one reshaper has the first one's columns */
        return TRUE;
    MetricCols c = {jb_table_column(metrics, "metric_id"), jb_table_column(metrics, "period"),
                    jb_table_column(metrics, "value"),     jb_table_column(metrics, "unit"),
                    jb_table_column(metrics, "bound"),     jb_table_column(metrics, "forecast"),
                    jb_table_column(metrics, "source"),    jb_table_column(metrics, "published"),
                    jb_table_column(metrics, "subject"),   jb_table_column(metrics, "metric"),
                    jb_table_column(metrics, "value_high")};
    const char *need[] = {"metric_id", "period", "value", "unit"};
    int have[] = {c.id, c.period, c.value, c.unit};
    for (guint i = 0; i < G_N_ELEMENTS(need); i++)
        if (have[i] < 0) {
            if (!r->error)
                g_set_error(&r->error, JB_ERROR, JB_ERROR_INPUT, "%s:1: missing column '%s'",
                            jb_table_source(metrics), need[i]);
            return FALSE;
        }
    r->cols = c;
    r->cols_of = metrics;
    g_free(r->src);
    r->src = g_strdup(jb_table_source(metrics));
    return TRUE;
}

/* Two observations that are one class: what agree() and a conflict row read. */
static gboolean same_class(const Obs *a, const Obs *b)
{
    return a->bound == b->bound && a->range == b->range &&
           strcmp(a->value_text, b->value_text) == 0 && strcmp(a->high_text, b->high_text) == 0 &&
           strcmp(a->unit, b->unit) == 0 && strcmp(a->stated, b->stated) == 0;
}

/* What same_class compares, as one string (a key of Group.class_of). */
static char *class_key(const Obs *o)
{
    return g_strdup_printf("%d\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s", (int)o->bound, (int)o->range,
                           o->value_text, o->high_text, o->unit, o->stated);
}

/* The class of `o` in `g`, or G_MAXUINT. A group of a few classes is searched from its last
 * (copies of one figure come in a row); past CLASS_INDEX_FROM, by a hash of them — 100000
 * articles stating one metric and period with as many values compared each with all before
 * it: 84 s. */
#define CLASS_INDEX_FROM 16
static guint find_class(Group *g, const Obs *o)
{
    if (!g->class_of) {
        for (guint k = g->classes->len; k-- > 0;)
            if (same_class(g_ptr_array_index(g->classes, k), o))
                return k;
        if (g->classes->len < CLASS_INDEX_FROM)
            return G_MAXUINT;
        g->class_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint k = 0; k < g->classes->len; k++)
            g_hash_table_insert(g->class_of, class_key(g_ptr_array_index(g->classes, k)),
                                GUINT_TO_POINTER(k + 1));
        return G_MAXUINT;
    }
    g_autofree char *key = class_key(o);
    return GPOINTER_TO_UINT(g_hash_table_lookup(g->class_of, key)) - 1; /* (0 - 1: none) */
}

static void group_add(JbReshaper *r, Obs *o)
{
    g_autofree char *gk = g_strconcat(o->key, "\n", o->period, NULL);
    Group *g = g_hash_table_lookup(r->groups, gk);
    if (!g) {
        g = g_new0(Group, 1);
        g->classes = g_ptr_array_new_with_free_func((GDestroyNotify)jb_obs_free);
        g->members = g_byte_array_new();
        g_hash_table_insert(r->groups, g_steal_pointer(&gk), g);
    }
    Where w = {intern(r, o->source), intern(r, o->published)};
    const char *file = intern(r, o->file ? o->file : "");
    guint n = jb_recs_len(r->wheres);
    FileRun *run = r->files->len ? &g_array_index(r->files, FileRun, r->files->len - 1) : NULL;
    if (!n || r->last_where.source != w.source || !run || run->file != file ||
        r->last_where.published != w.published) {
        jb_recs_append(r->wheres, &w);
        r->last_where = w;
    }
    if (!run || run->file != file) {
        FileRun f = {jb_recs_len(r->wheres) - 1, file};
        g_array_append_val(r->files, f);
    }
    guint cls = find_class(g, o);
    if (cls == G_MAXUINT) {
        cls = g->classes->len;
        g_ptr_array_add(g->classes, obs_copy(o));
        if (g->class_of)
            g_hash_table_insert(g->class_of, class_key(o), GUINT_TO_POINTER(cls + 1));
    }
    Member m = {.cls = cls,
                .forecast = o->forecast != 0,
                .where = jb_recs_len(r->wheres) - 1,
                .line = o->line};
    member_put(g, &m);
    const char *rule;
    if (!g->first) {
        g->first = o;
        g->best = o;
    } else if (jb_obs_preference(o, g->best, &rule) > 0) {
        if (g->best != g->first)
            jb_obs_free(g->best);
        g->best = o;
    } else {
        jb_obs_free(o);
    }
}

gboolean jb_reshaper_add(JbReshaper *r, const JbTable *metrics, guint row)
{
    /* the row's file: the table's, or its own when merged */
    return jb_reshaper_add_as(r, metrics, row, jb_table_row_source(metrics, row),
                              jb_table_line(metrics, row));
}

gboolean jb_reshaper_add_as(JbReshaper *r, const JbTable *metrics, guint row, const char *file,
                            guint line)
{
    if (r->error || !find_cols(r, metrics))
        return FALSE;
    const JbReshapeOptions *opt = &r->opt;
    g_autofree char *why = NULL;
    Obs *o = jb_obs_read(metrics, row, &r->cols, r->dict, opt, &why);
    if (!o && why && opt->strict) {
        g_set_error(&r->error, JB_ERROR, JB_ERROR_INPUT, "%s:%u: %s", file, line, why);
        return FALSE;
    }
    if (!o) {
        if (why)
            jb_diag_warn(r->warnings, "%s:%u: %s; row skipped", file, line, why);
        return TRUE;
    }
    o->file = intern(r, file ? file : "");
    o->line = line;
    o->seq = ++r->fed;
    /* one base unit per metric: the dictionary's, else the first row's */
    BaseUnit *base = g_hash_table_lookup(r->units, o->key);
    if (!base) {
        const JbMetric *m = r->dict ? jb_dict_get(r->dict, o->key) : NULL;
        base = g_new0(BaseUnit, 1);
        if (m && m->unit[0]) {
            base->unit = g_strdup(m->unit);
            base->source = g_strdup("dictionary");
            base->period = g_strdup("");
        } else {
            base->unit = g_strdup(jb_unit_base(o->unit));
            base->source = g_strdup(o->source);
            base->period = g_strdup(o->stated);
            base->line = o->line;
        }
        g_hash_table_insert(r->units, g_strdup(o->key), base);
    }
    if (!jb_unit_same(base->unit, o->unit)) { /* 元人民币 is 元 */
        if (opt->strict) {
            g_set_error(&r->error, JB_ERROR, JB_ERROR_INPUT,
                        "%s:%u: unit '%s' for %s, whose base unit is '%s'", file, line, o->unit,
                        o->key, base->unit);
            jb_obs_free(o);
            return FALSE;
        }
        jb_diag_warn(r->warnings,
                     "%s:%u: unit '%s' for %s, whose base unit is '%s' "
                     "(%s); row skipped",
                     file, line, o->unit, o->key, base->unit,
                     base->line ? "its first row" : "the dictionary");
        add_conflict(opt->conflicts, "unit", "one unit per metric", NULL, "", base->unit,
                     base->period, base->source, base->line, o);
        jb_obs_free(o);
        return TRUE;
    }
    if (strcmp(base->unit, o->unit) != 0) { /* one spelling in a series: 元, not 元人民币 */
        g_free(o->unit);
        o->unit = g_strdup(base->unit);
    }
    group_add(r, o);
    return TRUE;
}

static int by_group(gconstpointer pa, gconstpointer pb)
{
    const Group *a = *(Group *const *)pa, *b = *(Group *const *)pb;
    int c = strcmp(a->first->key, b->first->key);
    return c ? c : jb_period_cmp(&a->first->when, &b->first->when);
}

/* The file of where `i`: that of the last run from it or before. */
static const char *where_file(const JbReshaper *r, guint i)
{
    guint lo = 0, hi = r->files->len; /* the first run from after i */
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(r->files, FileRun, mid).from <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? g_array_index(r->files, FileRun, lo - 1).file : "";
}

/* A group's series row: its sources, and a conflict for every member that disagrees with
 * the kept statement, in row order. */
static char **group_row(JbReshaper *r, const Group *g)
{
    const Obs *first = g->first, *best = g->best;
    const char *rule;
    g_autoptr(GString) sources = g_string_new(NULL);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    const guint8 *p = g->members->data, *end = p + g->members->len;
    for (Member m = {0}; p < end;) {
        m = member_get(&p, &m);
        const Where *w = jb_recs_get(r->wheres, m.where);
        Obs o = *(const Obs *)g_ptr_array_index(g->classes, m.cls); /* borrowed fields */
        o.source = (char *)w->source;
        o.file = where_file(r, m.where);
        o.published = (char *)w->published;
        o.forecast = m.forecast;
        o.line = m.line;
        o.key = first->key;
        o.period = first->period;
        if (!jb_obs_agree(&o, best)) {
            jb_obs_preference(best, &o, &rule);
            jb_diag_warn(r->warnings,
                         "%s:%u: conflict for %s %s: %s %s (%s) vs %s "
                         "(%s, line %u); kept %s: %s",
                         o.file, o.line, o.key, o.period, o.value_text, o.unit,
                         o.source[0] ? o.source : "no source", best->value_text,
                         best->source[0] ? best->source : "no source", best->line, best->value_text,
                         rule);
            add_conflict(r->opt.conflicts, "value", rule, best, best->value_text, best->unit,
                         best->stated, best->source, best->line, &o);
            continue;
        }
        if (o.source[0] && g_hash_table_add(seen, (gpointer)w->source)) {
            if (sources->len)
                g_string_append(sources, "; ");
            g_string_append(sources, o.source);
        }
    }
    /* free text a spreadsheet could run as a formula (a label from an article's words, a
     * file named =x.md in a hand-made metrics.csv) is guarded as in metrics.csv; readers
     * drop the guard (jb_series) */
    g_autofree char *label = jb_csv_safe_text(first->label);
    g_autofree char *sources_text = jb_csv_safe_text(sources->str);
    if (r->opt.spill && !r->opt.derive) { /* (merged by jb_derive, a reference is no text) */
        char *ref = jb_spill_put(r->opt.spill, sources_text);
        if (ref) {
            g_free(sources_text);
            sources_text = ref;
        }
    }
    const char *cells[JB_SERIES_N_COLS + 1] = {
        [JB_SERIES_METRIC_ID] = first->key,
        [JB_SERIES_LABEL] = label,
        [JB_SERIES_PERIOD] = first->period,
        [JB_SERIES_VALUE] = best->value_text,
        [JB_SERIES_UNIT] = best->unit,
        [JB_SERIES_BOUND] = best->range ? RANGE_BOUND : jb_bound_name(best->bound),
        [JB_SERIES_FORECAST] = best->forecast ? "1" : "0",
        [JB_SERIES_SOURCES] = sources_text,
        [JB_SERIES_DISPLAY_UNIT] = "", /* per metric, in finish_series */
        [JB_SERIES_FREQUENCY] = jb_freq_name(jb_period_freq(&first->when)),
        [JB_SERIES_VALUE_HIGH] = best->high_text,
    };
    return g_strdupv((char **)cells);
}

static void append_metric(JbReshaper *r, JbTable *series, GPtrArray *rows, JbDiag *later);
static JbTable *finish_series(JbReshaper *r, JbTable *series);

/* The groups are made into rows a metric at a time, each freed once its row is made, and
 * the rows appended to the series as each metric is done: the members of the groups (a few
 * bytes per row merged) and the series are never held twice over (at 100000 articles the
 * groups, their rows and the series table together were most of a build's peak memory).
 * The warnings come in the order they always did: every group's conflicts, then the
 * metrics' mixed frequencies. */
JbTable *jb_reshaper_finish(JbReshaper *r, GError **error)
{
    if (r->error) {
        g_propagate_error(error, g_steal_pointer(&r->error));
        return NULL;
    }
    g_autoptr(GPtrArray) groups = g_ptr_array_new(); /* Group*, each freed as it is done */
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, r->groups);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        g_hash_table_iter_steal(&it);
        g_free(k);
        g_ptr_array_add(groups, v);
    }
    g_ptr_array_sort(groups, by_group);
    g_autoptr(JbTable) series = jb_table_new(JB_SERIES_HEADER);
    g_autoptr(JbDiag) later = jb_diag_new();
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    for (guint i = 0; i < groups->len; i++) {
        Group *g = g_ptr_array_index(groups, i);
        if (rows->len &&
            strcmp(((char **)g_ptr_array_index(rows, 0))[JB_SERIES_METRIC_ID], g->first->key) != 0)
            append_metric(r, series, rows, later);
        g_ptr_array_add(rows, group_row(r, g));
        group_free(g);
    }
    if (rows->len)
        append_metric(r, series, rows, later);
    for (guint i = 0; i < later->len; i++)
        jb_diag_warn(r->warnings, "%s", (const char *)g_ptr_array_index(later, i));
    if (jb_recs_lost(r->wheres)) {
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT,
                    "reshape: where the rows came from could not be kept in a temporary file");
        return NULL;
    }
    return finish_series(r, g_steal_pointer(&series));
}

/* A row of the table jb_reshape reads, by the order it is fed in. */
typedef struct {
    const char *source;
    guint row;
} Fed;

static int by_source_row(gconstpointer pa, gconstpointer pb)
{
    const Fed *a = pa, *b = pb;
    int c = strcmp(a->source, b->source);
    return c ? c : (a->row > b->row) - (a->row < b->row);
}

/* The rows are fed by their source (bytewise), the rows of one source in table order: the
 * series is a function of the articles' statements, not of the order the articles come in
 * (a file appended to by shards that finished in any order, a glob sorted by a locale). An
 * extraction in bytewise order of its inputs (jianbao build's, a C-locale glob) is fed as it
 * is. */
JbTable *jb_reshape(const JbTable *metrics, const JbDict *dict, const JbReshapeOptions *opt,
                    JbDiag *warnings, GError **error)
{
    JbReshaper *r = jb_reshaper_new(dict, opt, warnings);
    if (find_cols(r, metrics)) {
        guint n = jb_table_n_rows(metrics);
        Fed *order = g_new(Fed, n ? n : 1);
        for (guint row = 0; row < n; row++)
            order[row] = (Fed){jb_table_get(metrics, row, r->cols.source), row};
        qsort(order, n, sizeof *order, by_source_row);
        for (guint k = 0; k < n && jb_reshaper_add(r, metrics, order[k].row); k++)
            ;
        g_free(order);
    }
    JbTable *series = jb_reshaper_finish(r, error);
    jb_reshaper_free(r);
    return series;
}

/* One metric's rows (all of them, in order): its display unit, one for the metric from its
 * largest value, and its frequencies; appended to `series`, `rows` emptied. A warning of
 * mixed frequencies goes to `later`. */
static void append_metric(JbReshaper *r, JbTable *series, GPtrArray *rows, JbDiag *later)
{
    char **first = g_ptr_array_index(rows, 0);
    double max_abs = 0;
    for (guint k = 0; k < rows->len; k++) {
        char **row = g_ptr_array_index(rows, k);
        JbDecimal d;
        if (jb_decimal_parse(row[JB_SERIES_VALUE], &d))
            max_abs = MAX(max_abs, fabs(jb_decimal_to_double(d)));
    }
    const char *disp = jb_units_display(first[JB_SERIES_UNIT], max_abs);
    g_autoptr(GString) freqs = g_string_new(NULL);
    for (guint k = 0; k < rows->len; k++) {
        const char *f = ((char **)g_ptr_array_index(rows, k))[JB_SERIES_FREQUENCY];
        if (k == 0 ||
            strcmp(f, ((char **)g_ptr_array_index(rows, k - 1))[JB_SERIES_FREQUENCY]) != 0)
            if (!strstr(freqs->str, f))
                g_string_append_printf(freqs, "%s%s", freqs->len ? ", " : "", f);
    }
    if (strchr(freqs->str, ','))
        jb_diag_warn(later,
                     "%s: %s mixes periods of several frequencies (%s): "
                     "the frequency column keeps them apart",
                     r->src, first[JB_SERIES_METRIC_ID], freqs->str);
    for (guint k = 0; k < rows->len; k++) {
        char **row = g_ptr_array_index(rows, k);
        g_free(row[JB_SERIES_DISPLAY_UNIT]);
        row[JB_SERIES_DISPLAY_UNIT] = g_strdup(disp);
        jb_table_append(series, (const char *const *)row);
    }
    g_ptr_array_set_size(rows, 0);
}

/* Derived series: the series table (`series` taken). */
static JbTable *finish_series(JbReshaper *r, JbTable *series_in)
{
    const JbReshapeOptions *opt = &r->opt;
    g_autoptr(JbTable) series = series_in;
    jb_table_set_source(series, r->src);
    if (!opt->derive)
        return g_steal_pointer(&series);
    g_autoptr(JbTable) derived = jb_derive(series, opt->derive);
    JbTable *all = merge_sorted(series, derived);
    jb_table_set_source(all, r->src);
    return all;
}
