/* jb_ticks.h — axis ticks by the extended Wilkinson algorithm.
 *
 * Talbot, Lin and Hanrahan, "An Extension of Wilkinson's Algorithm for Positioning Tick
 * Labels on Axes" (InfoVis 2010): a search over nice steps (1, 5, 2, 2.5, 4, 3 × 10^z)
 * scored by simplicity, coverage, density and legibility, with the paper's pruning bounds.
 * No library in Debian offers it for C, hence this file. The chart stage calls it on values
 * already divided by the display unit (亿, 万亿…), so ticks are nice in the unit people read.
 */
#ifndef JB_TICKS_H
#define JB_TICKS_H

#include <glib.h>

typedef struct {
    double min, max, step; /* ticks are min, min+step, … max */
    int count;
} JbTicks;

/* Ticks for data in [dmin, dmax] aiming at about `m` ticks (m ≥ 2). With `loose` the
 * ticks cover the data (min ≤ dmin, max ≥ dmax), as bar axes need. A zero-width range
 * gets a unit-wide axis around it. Always terminates (the search is bounded). */
JbTicks jb_ticks_extended(double dmin, double dmax, int m, gboolean loose);

/* Number of decimals needed to print every tick of `t` exactly (0–6). */
int jb_ticks_decimals(const JbTicks *t);

#endif
