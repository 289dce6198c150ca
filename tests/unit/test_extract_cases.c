/* test_extract_cases.c — extraction class by class, from tests/data/extract_cases.tsv: each
 * case an article written for the test, each expected statement its value, unit, period,
 * bound, forecast and (when given) upper end and metric id, in order. */
#include "jb_extract.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static JbDict *dict;

/* The case's TEXT as a Markdown article: " ¶ " between paragraphs, "## " a heading, a
 * paragraph with " | " a table row; a front matter title when one is given. */
static char *article_text(const char *text, const char *title)
{
    GString *md = g_string_new(NULL);
    if (title && title[0])
        g_string_append_printf(md, "---\ntitle: %s\n---\n\n", title);
    g_auto(GStrv) paras = g_strsplit(text, " ¶ ", -1);
    gboolean in_table = FALSE;
    for (guint i = 0; paras[i]; i++) {
        const char *p = paras[i];
        if (strstr(p, " | ")) {
            g_string_append_printf(md, "| %s |\n", p);
            if (!in_table) { /* the header's rule */
                guint cols = 1;
                for (const char *q = strstr(p, " | "); q; q = strstr(q + 1, " | "))
                    cols++;
                g_string_append(md, "|");
                for (guint k = 0; k < cols; k++)
                    g_string_append(md, " --- |");
                g_string_append(md, "\n");
            }
            in_table = TRUE;
            continue;
        }
        if (in_table)
            g_string_append(md, "\n");
        in_table = FALSE;
        g_string_append_printf(md, "%s\n\n", p);
    }
    return g_string_free(md, FALSE);
}

typedef struct {
    char *text, *published, *title, *klass;
    guint line;
    GPtrArray *want; /* char**: the expected fields */
} Case;

static void run_case(const Case *k)
{
    g_autofree char *md = article_text(k->text, k->title);
    GError *e = NULL;
    const char *pub = strcmp(k->published, "-") == 0 ? NULL : k->published;
    g_autoptr(JbArticle) a = jb_article_parse("case.md", md, strlen(md), NULL, pub, &e);
    if (!ok(a != NULL, "line %u (%s): the article reads", k->line, k->klass)) {
        g_clear_error(&e);
        return;
    }
    g_autoptr(GPtrArray) st = jb_extract_article(a, dict);
    GString *got = g_string_new(NULL), *want = g_string_new(NULL);
    for (guint i = 0; i < st->len; i++) {
        const JbStatement *s = g_ptr_array_index(st, i);
        g_autofree char *v = jb_decimal_to_string_stated(s->q.value);
        g_autofree char *h = s->q.is_range ? jb_decimal_to_string_stated(s->q.high) : g_strdup("");
        g_string_append_printf(got, "%s%s %s %s %s %d%s%s", i ? " | " : "", v, s->q.unit, s->period,
                               s->q.is_range ? "range" : jb_bound_name(s->q.bound), s->forecast,
                               h[0] ? " " : "", h);
        if (i < k->want->len) {
            char **w = g_ptr_array_index(k->want, i);
            if (g_strv_length(w) >= 7 && strcmp(w[6], "-") != 0)
                g_string_append_printf(got, " [%s]", s->metric_id);
        }
    }
    for (guint i = 0; i < k->want->len; i++) {
        char **w = g_ptr_array_index(k->want, i);
        guint n = g_strv_length(w);
        g_string_append_printf(want, "%s%s %s %s %s %s%s%s", i ? " | " : "", w[0], w[1], w[2], w[3],
                               w[4], n >= 6 && w[5][0] ? " " : "", n >= 6 ? w[5] : "");
        if (n >= 7 && strcmp(w[6], "-") != 0)
            g_string_append_printf(want, " [%s]", w[6]);
    }
    is_str(got->str, want->str, "line %u (%s)", k->line, k->klass);
    g_string_free(got, TRUE);
    g_string_free(want, TRUE);
}

int main(void)
{
    GError *e = NULL;
    dict = jb_dict_load("templates/metrics.ini", &e);
    g_assert_no_error(e);
    g_autofree char *text = NULL;
    if (!g_file_get_contents("tests/data/extract_cases.tsv", &text, NULL, &e)) {
        ok(0, "read tests/data/extract_cases.tsv: %s", e->message);
        return tap_done();
    }
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    Case k = {0};
    g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func(g_free);
    char *klass = "";
    guint cases = 0;
    for (guint i = 0;; i++) {
        const char *l = lines[i];
        if (!l || g_str_has_prefix(l, "> ")) {
            if (k.text) {
                run_case(&k);
                cases++;
                g_ptr_array_unref(k.want);
                g_free(k.text);
                g_free(k.published);
                g_free(k.title);
                k.text = NULL;
            }
            if (!l)
                break;
            g_auto(GStrv) f = g_strsplit(l + 2, "\t", -1);
            guint n = g_strv_length(f);
            k.text = g_strdup(f[0]);
            k.published = g_strdup(n > 1 ? f[1] : "-");
            k.title = g_strdup(n > 2 ? f[2] : "");
            k.klass = klass;
            k.line = i + 1;
            k.want = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
            continue;
        }
        if (g_str_has_prefix(l, "## ")) {
            klass = g_strdup(l + 3);
            g_ptr_array_add(classes, klass);
            continue;
        }
        if (l[0] == '#' || l[0] == '\0' || !k.text)
            continue;
        g_ptr_array_add(k.want, g_strsplit(l, "\t", -1));
    }
    ok(cases >= 40, "tests/data/extract_cases.tsv has at least 40 cases (%u)", cases);
    jb_dict_free(dict);
    return tap_done();
}
