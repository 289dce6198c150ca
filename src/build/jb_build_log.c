/* jb_build_log.c — what a build tells: its events (warnings and errors with their file and
 * line, the scripted crash points of the tests) and their JSON Lines log.
 *
 * Not for: deciding what fails (the steps do), printing to the terminal (src/cli).
 */
#include "jb_build_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* ---- events --------------------------------------------------------------------------- */

const char *jb_log_level_name(JbLogLevel level)
{
    static const char *const names[] = {"debug", "info", "warning", "error"};
    return names[level];
}

static void event_free(gpointer p)
{
    JbBuildEvent *e = p;
    g_free(e->stage);
    g_free(e->file);
    g_free(e->message);
    g_free(e);
}

void jb_build_result_clear(JbBuildResult *r)
{
    g_clear_pointer(&r->events, g_ptr_array_unref);
    g_clear_pointer(&r->outputs, g_ptr_array_unref);
}

void jb_build_result_init(JbBuildResult *r)
{
    memset(r, 0, sizeof *r);
    r->events = g_ptr_array_new_with_free_func(event_free);
    r->outputs = g_ptr_array_new_with_free_func(g_free);
}

/* Messages name their place as "file:line: what" or "file: what"; split that out for the
 * log. A prefix without a path separator or dot is not taken for a file. */
static void split_place(const char *msg, char **file, guint *line)
{
    *file = g_strdup("");
    *line = 0;
    const char *colon = strstr(msg, ": ");
    if (!colon || colon == msg)
        return;
    g_autofree char *prefix = g_strndup(msg, (gsize)(colon - msg));
    char *last = strrchr(prefix, ':');
    if (last && last[1] && strspn(last + 1, "0123456789") == strlen(last + 1)) {
        *line = (guint)g_ascii_strtoull(last + 1, NULL, 10);
        *last = 0;
    }
    if (strchr(prefix, '/') || strchr(prefix, '.') || *line) {
        g_free(*file);
        *file = g_steal_pointer(&prefix);
    } else {
        *line = 0;
    }
}

void jb_build_add_event(JbBuildResult *r, JbLogLevel level, const char *stage, const char *msg)
{
    if ((level == JB_LOG_DEBUG && !r->keep_debug) || (level == JB_LOG_INFO && r->drop_info))
        return;
    JbBuildEvent *e = g_new0(JbBuildEvent, 1);
    e->time = g_get_real_time();
    e->level = level;
    e->stage = g_strdup(stage);
    e->message = g_strdup(msg);
    split_place(msg, &e->file, &e->line);
    g_ptr_array_add(r->events, e);
    if (level == JB_LOG_WARNING)
        r->warnings++;
    else if (level == JB_LOG_ERROR)
        r->errors++;
}

void jb_build_add_eventf(JbBuildResult *r, JbLogLevel level, const char *stage, const char *fmt,
                         ...)
{
    if ((level == JB_LOG_DEBUG && !r->keep_debug) || (level == JB_LOG_INFO && r->drop_info))
        return; /* not even formatted: one per article at archive scale */
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    jb_build_add_event(r, level, stage, msg);
}

void jb_build_maybe_die(const char *point)
{
    const char *at = g_getenv("JIANBAO_TEST_KILL_AT");
    if (at && strcmp(at, point) == 0)
        raise(SIGKILL);
    /* stopped the first time only (the test sends SIGCONT) */
    static gint stopped;
    const char *stop = g_getenv("JIANBAO_TEST_STOP_AT");
    if (stop && strcmp(stop, point) == 0 && g_atomic_int_compare_and_exchange(&stopped, 0, 1))
        raise(SIGSTOP);
}

/* ---- JSON Lines ----------------------------------------------------------------------- */

/* JSON by hand rather than json-glib: the log holds flat objects of strings and integers,
 * and escaping a UTF-8 string is a dozen lines, not worth a new dependency for every user.
 * Control characters and the two JSON specials are escaped, anything else is copied. */
static void json_string(GString *out, const char *raw)
{
    /* File names need not be UTF-8: invalid bytes become U+FFFD. */
    g_autofree char *s = g_utf8_make_valid(raw, -1);
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            g_string_append(out, "\\\"");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\r':
            g_string_append(out, "\\r");
            break;
        case '\t':
            g_string_append(out, "\\t");
            break;
        default:
            if (*p < 0x20)
                g_string_append_printf(out, "\\u%04x", *p);
            else
                g_string_append_c(out, (char)*p);
        }
    }
    g_string_append_c(out, '"');
}

static void json_time(GString *out, gint64 us)
{
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc(us / G_USEC_PER_SEC);
    g_autofree char *iso = t ? g_date_time_format(t, "%Y-%m-%dT%H:%M:%S") : g_strdup("");
    g_string_append_printf(out, "{\"time\":\"%s.%03dZ\"", iso, (int)(us % G_USEC_PER_SEC / 1000));
}

gboolean jb_build_log_append(const char *path, const JbBuildResult *r, int status, GError **error)
{
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint i = 0; r->events && i < r->events->len; i++) {
        const JbBuildEvent *e = g_ptr_array_index(r->events, i);
        if (e->level == JB_LOG_DEBUG || (e->level == JB_LOG_WARNING && !e->is_new))
            continue;
        json_time(s, e->time);
        g_string_append_printf(s, ",\"level\":\"%s\",\"stage\":", jb_log_level_name(e->level));
        json_string(s, e->stage);
        g_string_append(s, ",\"file\":");
        json_string(s, e->file);
        g_string_append_printf(s, ",\"line\":%u,\"message\":", e->line);
        json_string(s, e->message);
        g_string_append(s, "}\n");
    }
    json_time(s, g_get_real_time());
    g_string_append_printf(s,
                           ",\"level\":\"%s\",\"stage\":\"summary\",\"status\":%d,"
                           "\"up_to_date\":%s,\"articles\":%u,\"statements\":%u,"
                           "\"series_rows\":%u,\"ran\":%u,\"reused\":%u,\"written\":%u,"
                           "\"warnings\":%u,\"new_warnings\":%u,\"errors\":%u,"
                           "\"duration_ms\":%.3f}\n",
                           r->errors     ? "error"
                           : r->warnings ? "warning"
                                         : "info",
                           status, r->up_to_date ? "true" : "false", r->articles, r->statements,
                           r->series_rows, r->ran, r->reused, r->outputs ? r->outputs->len : 0,
                           r->warnings, r->new_warnings, r->errors, (double)r->duration / 1000.0);
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, s->str, s->len) != (ssize_t)s->len) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", path, g_strerror(e));
        return FALSE;
    }
    close(fd);
    return TRUE;
}
