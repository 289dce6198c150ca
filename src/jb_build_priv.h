/* jb_build_priv.h — what jb_build's source files share (not installed, not public).
 *
 * jb_build.c reads the project and runs the steps; what happens is recorded as events and
 * written as JSON Lines (jb_build_log.c).
 *
 * Not for: anything outside jb_build (its interface is jb_build.h).
 */
#ifndef JB_BUILD_PRIV_H
#define JB_BUILD_PRIV_H

#include "jb_build.h"

#include "jb_article.h"
#include "jb_chart.h"
#include "jb_common.h"
#include "jb_dict.h"
#include "jb_extract.h"
#include "jb_report.h"
#include "jb_reshape.h"
#include "jb_table.h"

/* ---- jb_build_log.c ------------------------------------------------------------------------ */

void jb_build_result_init(JbBuildResult *r);
void jb_build_add_event(JbBuildResult *r, JbLogLevel level, const char *stage, const char *msg);
G_GNUC_PRINTF(4, 5)
void jb_build_add_eventf(JbBuildResult *r, JbLogLevel level, const char *stage, const char *fmt,
                         ...);
/* The scripted crash points of the tests (see jb_build.h). */
void jb_build_maybe_die(const char *point);

#endif
