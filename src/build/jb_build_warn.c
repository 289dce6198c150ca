/* jb_build_warn.c — which warnings a cron job must hear about: a build's warnings are
 * compared with the previous build's (in the manifest), so a warning is new once; all of
 * them are listed in OUT/warnings.csv, and the project's fail_on= says which, if any, fail
 * the build.
 *
 * Not for: printing (src/cli), the JSON log (jb_build_log.c).
 */
#include "jb_build_priv.h"

#include <string.h>

/* A warning's identity across builds: its stage and message without line numbers
 * ("out/metrics.csv:41: conflict … (a.txt, line 7)" and the same conflict at line 52 after
 * a new article are one warning). Written by hand: two patterns, `:DIGITS:` and
 * `line DIGITS`, that no regular-expression library would make shorter. */
static char *identity(const char *stage, const char *msg)
{
    GString *s = g_string_new(stage);
    g_string_append_c(s, '\t');
    for (const char *p = msg; *p;) {
        if (*p == ':' && g_ascii_isdigit(p[1])) {
            const char *q = p + 1;
            while (g_ascii_isdigit(*q))
                q++;
            if (*q == ':') {
                g_string_append_c(s, ':');
                p = q;
                continue;
            }
        }
        if (strncmp(p, "line ", 5) == 0 && g_ascii_isdigit(p[5])) {
            g_string_append(s, "line #");
            p += 5;
            while (g_ascii_isdigit(*p))
                p++;
            continue;
        }
        g_string_append_c(s, *p++);
    }
    return g_string_free(s, FALSE);
}

gboolean jb_build_parse_fail_on(const char *value, JbFailOn *out)
{
    static const char *const names[] = {"errors", "new-warnings", "warnings"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        if (strcmp(value, names[i]) == 0) {
            *out = (JbFailOn)i;
            return TRUE;
        }
    return FALSE;
}

void jb_build_judge_warnings(Ctx *c)
{
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_auto(GStrv) w = g_key_file_get_string_list(c->old_man, "build", "warnings", NULL, NULL);
    g_auto(GStrv)
        ws = g_key_file_get_string_list(c->old_man, "build", "warning_stages", NULL, NULL);
    guint nstages = ws ? g_strv_length(ws) : 0;
    for (guint i = 0; w && w[i]; i++)
        g_hash_table_add(seen, identity(i < nstages ? ws[i] : "build", w[i]));
    JbBuildResult *r = c->r;
    r->new_warnings = r->failing_warnings = 0;
    for (guint i = 0; i < r->events->len; i++) {
        JbBuildEvent *ev = g_ptr_array_index(r->events, i);
        if (ev->level != JB_LOG_WARNING)
            continue;
        g_autofree char *id = identity(ev->stage, ev->message);
        ev->is_new = !g_hash_table_contains(seen, id);
        r->new_warnings += ev->is_new;
        if (c->fail_on == JB_FAIL_ON_WARNINGS || (c->fail_on == JB_FAIL_ON_NEW && ev->is_new))
            r->failing_warnings++;
    }
}

void jb_build_record_warnings(Ctx *c)
{
    g_autoptr(GPtrArray) w = g_ptr_array_new();
    g_autoptr(GPtrArray) ws = g_ptr_array_new();
    for (guint i = 0; i < c->r->events->len; i++) {
        JbBuildEvent *ev = g_ptr_array_index(c->r->events, i);
        if (ev->level == JB_LOG_WARNING) {
            g_ptr_array_add(w, ev->message);
            g_ptr_array_add(ws, ev->stage);
        }
    }
    if (w->len) {
        g_key_file_set_string_list(c->new_man, "build", "warnings", (const char *const *)w->pdata,
                                   w->len);
        g_key_file_set_string_list(c->new_man, "build", "warning_stages",
                                   (const char *const *)ws->pdata, ws->len);
    }
}

GString *jb_build_warnings_csv(const Ctx *c)
{
    static const char *const header[] = {"stage", "file", "line", "message", NULL};
    g_autoptr(JbTable) t = jb_table_new(header);
    for (guint i = 0; i < c->r->events->len; i++) {
        const JbBuildEvent *ev = g_ptr_array_index(c->r->events, i);
        if (ev->level != JB_LOG_WARNING)
            continue;
        g_autofree char *line = ev->line ? g_strdup_printf("%u", ev->line) : g_strdup("");
        g_autofree char *msg = jb_csv_safe_text(ev->message);
        g_autofree char *file = jb_csv_safe_text(ev->file);
        const char *cells[] = {ev->stage, file, line, msg};
        jb_table_append(t, cells);
    }
    return jb_table_to_csv(t);
}
