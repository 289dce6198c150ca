/* jb_suggest.c — unknown metric phrases, counted (see jb_suggest.h). */
#include "jb_suggest.h"

#include "jb_common.h"
#include "jb_units.h"

#include <string.h>

/* Words that end a phrase without naming anything: change, linking and hedging, in both
 * scripts. Cut repeatedly from the end (股价同比下降 → 股价). A short list written here: it
 * only tidies suggestions, and the dictionary's own words would be the wrong ones (an alias
 * may end in 增长). */
static const char *const TAIL[] = {
    "同比增长", "同比增長", "按年增长", "按年增長", "同比上涨", "同比上漲", "同比上升", "按年上升",
    "同比",     "按年",     "按季",     "环比",     "環比",     "分别",     "分別",     "升幅",
    "跌幅",     "涨幅",     "漲幅",     "降幅",     "增幅",     "变化",     "變化",     "加快",
    "放缓",     "放緩",     "回升",     "收窄",     "扩大",     "擴大",     "中午收市", "收市",
    "收报",     "收報",     "较早时",   "較早時",   "半日",     "增长",     "增長",     "增加",
    "上涨",     "上漲",     "上升",     "下降",     "下跌",     "减少",     "減少",     "大涨",
    "大漲",     "大增",     "回落",     "达到",     "達到",     "超过",     "超過",     "约为",
    "約為",     "维持",     "維持",     "继续",     "繼續",     "报",       "報",       "为",
    "為",       "达",       "達",       "至",       "约",       "約",       "逾",       "近",
    "是",       "有",       "共",       "涨",       "漲",       "跌",       "升",       "降",
    "增",       "则",       "則",       "亦",       "也",       "的",       "了",       "已",
    "将",       "將",       "在",       "于",       "於",       NULL};
/* Words that open a phrase without naming anything: scope and time. */
static const char *const HEAD[] = {"全国", "全國", "我国", "我國", "今年", "去年", "本港", "其中",
                                   "同期", "内地", "內地", "本周", "本週", "当日", "當日", "目前",
                                   "最新", "期内", "期內", "累计", "累計", "（",   "(",    "，",
                                   "、",   "：",   "“",    "「",   "的",   " ",    NULL};
/* A phrase that opens with these names a comparison's base, not a metric (较上季, 比8月份). */
static const char *const BASE[] = {"较", "較", "比", "与", "與", NULL};

static gboolean cut_tail(GString *s)
{
    for (const char *const *w = TAIL; *w; w++) {
        gsize n = strlen(*w);
        if (s->len > n && memcmp(s->str + s->len - n, *w, n) == 0) {
            g_string_truncate(s, s->len - n);
            return TRUE;
        }
        if (s->len == n && memcmp(s->str, *w, n) == 0) {
            g_string_truncate(s, 0);
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean cut_head(GString *s)
{
    for (const char *const *w = HEAD; *w; w++) {
        gsize n = strlen(*w);
        if (s->len >= n && memcmp(s->str, *w, n) == 0) {
            g_string_erase(s, 0, (gssize)n);
            return TRUE;
        }
    }
    return FALSE;
}

char *jb_suggest_phrase(const char *metric)
{
    g_autofree char *plain = jb_csv_plain_text(metric);
    GString *s = g_string_new(plain);
    for (guint guard = 0; guard < 64 && (cut_tail(s) || cut_head(s)); guard++)
        ;
    for (const char *const *w = BASE; *w; w++)
        if (g_str_has_prefix(s->str, *w))
            g_string_truncate(s, 0);
    if (!g_utf8_validate(s->str, (gssize)s->len, NULL) || g_utf8_strlen(s->str, -1) < 2)
        g_string_truncate(s, 0);
    return g_string_free(s, FALSE);
}

typedef struct {
    JbSuggestion s;
    GHashTable *sources; /* article paths (borrowed from the table) */
} Group;

static void group_free(gpointer p)
{
    Group *g = p;
    g_free(g->s.phrase);
    g_free(g->s.unit);
    g_free(g->s.quote);
    g_free(g->s.source);
    g_clear_pointer(&g->sources, g_hash_table_unref);
    g_free(g);
}

static gint by_count(gconstpointer a, gconstpointer b)
{
    const JbSuggestion *x = *(JbSuggestion *const *)a, *y = *(JbSuggestion *const *)b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    if (x->sources != y->sources)
        return x->sources > y->sources ? -1 : 1;
    int c = strcmp(x->phrase, y->phrase);
    return c ? c : strcmp(x->unit, y->unit);
}

GPtrArray *jb_suggest(const JbTable *metrics, const JbDict *dict, JbSuggestTotals *totals,
                      GError **error)
{
    int c_metric = jb_table_column(metrics, "metric"), c_unit = jb_table_column(metrics, "unit"),
        c_id = jb_table_column(metrics, "metric_id"),
        c_subject = jb_table_column(metrics, "subject"),
        c_quote = jb_table_column(metrics, "quote"), c_src = jb_table_column(metrics, "source");
    if (c_metric < 0 || c_unit < 0) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: needs the columns metric and unit",
                    jb_table_source(metrics));
        return NULL;
    }
    JbSuggestTotals t = {0};
    GPtrArray *out = g_ptr_array_new_with_free_func(group_free); /* Group*: a JbSuggestion first */
    g_autoptr(GHashTable) groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 0; r < jb_table_n_rows(metrics); r++) {
        t.rows++;
        const char *metric = jb_table_get(metrics, r, c_metric);
        const char *unit = jb_unit_base(jb_table_get(metrics, r, c_unit)); /* 輛 is 辆 */
        const JbMetric *m = dict ? jb_dict_match(dict, metric, jb_table_get(metrics, r, c_subject),
                                                 unit)
                                 : NULL;
        const char *quote = jb_table_get(metrics, r, c_quote);
        if (m && !jb_dict_in_scope(dict, m, quote, quote + strlen(quote), NULL))
            m = NULL; /* 美国二季度GDP增长2.4%: a phrase of the dictionary's, another's figure */
        if (*jb_table_get(metrics, r, c_id) || m) {
            t.known++;
            continue;
        }
        g_autofree char *phrase = jb_suggest_phrase(metric);
        if (!*phrase)
            continue;
        t.unnamed++;
        char *key = g_strconcat(phrase, "\t", unit, NULL);
        Group *g = g_hash_table_lookup(groups, key);
        if (!g) {
            g = g_new0(Group, 1);
            g->s.phrase = g_steal_pointer(&phrase);
            g->s.unit = g_strdup(unit);
            g->s.quote = jb_csv_plain_text(jb_table_get(metrics, r, c_quote));
            g->s.source = g_strdup(jb_table_get(metrics, r, c_src));
            g->sources = g_hash_table_new(g_str_hash, g_str_equal);
            g_hash_table_insert(groups, key, g);
            g_ptr_array_add(out, g);
        } else
            g_free(key);
        g->s.count++;
        g_hash_table_add(g->sources, (gpointer)jb_table_get(metrics, r, c_src));
    }
    for (guint i = 0; i < out->len; i++) {
        Group *g = out->pdata[i];
        g->s.sources = g_hash_table_size(g->sources);
    }
    g_ptr_array_sort(out, by_count);
    if (totals)
        *totals = t;
    return out;
}

/* `v` as a key file value: backslashes and a list's separator escaped, line breaks spaces. */
static char *value_text(const char *v, gboolean in_list)
{
    GString *s = g_string_new(NULL);
    for (const char *p = v; *p; p++) {
        if (*p == '\\' || (in_list && *p == ';'))
            g_string_append_c(s, '\\');
        g_string_append_c(s, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
    return g_string_free(s, FALSE);
}

GString *jb_suggest_stub(const GPtrArray *suggestions, guint n, const char *extends)
{
    GString *s = g_string_new(NULL);
    g_string_append(
        s, "# Metrics the dictionary does not know, found by jianbao suggest: the most\n"
           "# frequent phrases of statements without a metric id. Rename each id (area.name),\n"
           "# fix the label, add the other script's spelling to aliases, delete what is not a\n"
           "# metric; then use this file as the project's dictionary= or copy its groups into\n"
           "# the project's metrics.ini.\n\n");
    g_string_append_printf(s, "[dictionary]\nextends=%s\n", extends);
    for (guint i = 0; i < suggestions->len && i < n; i++) {
        const JbSuggestion *x = suggestions->pdata[i];
        g_autofree char *base = g_path_get_basename(x->source);
        /* a key file value ends at the line: the quote's line breaks become spaces */
        g_autofree char *quote = g_strdelimit(g_strdup(x->quote), "\r\n", ' ');
        g_string_append_printf(s, "\n# %u statement%s in %u article%s, e.g. %s: %s\n", x->count,
                               x->count == 1 ? "" : "s", x->sources, x->sources == 1 ? "" : "s",
                               base, quote);
        g_autofree char *label = value_text(x->phrase, FALSE);
        g_autofree char *alias = value_text(x->phrase, TRUE);
        g_autofree char *unit = value_text(x->unit, FALSE);
        g_string_append_printf(s, "[mine.m%02u]\nlabel=%s\nunit=%s\naliases=%s\n", i + 1, label,
                               unit, alias);
    }
    return s;
}
