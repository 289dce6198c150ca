/* jb_build_init.c — `jianbao init DIR`: a project of one's own that builds as it is.
 *
 * Writes DIR/jianbao.project (articles/, the shipped data-driven template, a local
 * dictionary, out/), DIR/metrics.ini (extends the shipped dictionary: the analyst's own
 * metrics go there), DIR/README (three lines) and an empty DIR/articles/. Nothing that
 * exists is overwritten.
 *
 * Not for: building (jb_build.c).
 */
#include "jb_build_priv.h"

#include <errno.h>
#include <string.h>

static const char PROJECT[] =
    "# A jianbao project: `jianbao build DIR` turns the articles into DIR/out/briefing.pdf.\n"
    "# Paths are relative to this file; a shipped file (templates/…) not found here is\n"
    "# jianbao's own. Every key: `jianbao build --help`.\n"
    "\n"
    "[project]\n"
    "inputs=articles/*\n"
    "dictionary=metrics.ini\n"
    "template=templates/briefing.md\n"
    "output=out\n"
    "period=year\n"
    "# fail_on=new-warnings  # exit 1 when the news gives a new conflict (default: errors)\n";

static const char DICTIONARY[] =
    "# Your own metrics, beside jianbao's (templates/metrics.ini, which this file extends).\n"
    "# A group per metric id; the same id as a shipped one replaces its keys. Example:\n"
    "#\n"
    "# [mine.robot_density]\n"
    "# label=工业机器人密度\n"
    "# unit=台\n"
    "# aliases=机器人密度;工业机器人密度\n"
    "\n"
    "[dictionary]\n"
    "extends=templates/metrics.ini\n";

static const char README[] =
    "Put articles (HTML, Markdown, text, RSS, JSON) in articles/ and run: jianbao build .\n"
    "The briefing is out/briefing.pdf; out/warnings.csv lists what needs a look.\n"
    "Add metrics to metrics.ini; the project's keys are in jianbao.project.\n";

gboolean jb_build_init_project(const char *dir, GPtrArray *written, GError **error)
{
    g_autofree char *project = g_build_filename(dir, "jianbao.project", NULL);
    if (g_file_test(project, G_FILE_TEST_EXISTS)) {
        g_set_error(error, JB_ERROR, JB_ERROR_USAGE, "%s: a project is there already", project);
        return FALSE;
    }
    g_autofree char *articles = g_build_filename(dir, "articles", NULL);
    if (g_mkdir_with_parents(articles, 0755) != 0) {
        int e = errno;
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", articles, g_strerror(e));
        return FALSE;
    }
    static const struct {
        const char *name, *text;
    } files[] = {{"metrics.ini", DICTIONARY}, {"README", README}, {"jianbao.project", PROJECT}};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(dir, files[i].name, NULL);
        if (g_file_test(path, G_FILE_TEST_EXISTS))
            continue; /* the analyst's own: kept */
        if (!jb_write_file_atomic(path, files[i].text, strlen(files[i].text), error))
            return FALSE;
        if (written)
            g_ptr_array_add(written, g_steal_pointer(&path));
    }
    if (written)
        g_ptr_array_add(written, g_strconcat(articles, "/", NULL));
    return TRUE;
}
