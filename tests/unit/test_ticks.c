/* Extended Wilkinson ticks: nice, covering, about as many as asked. */
#include "jb_ticks.h"
#include "tap.h"

#include <math.h>

static int near(double a, double b)
{
    return fabs(a - b) < 1e-9 * fmax(1, fabs(b));
}

int main(void)
{
    struct {
        double lo, hi, min, max, step;
    } cases[] = {
        {0, 1.2, 0, 1.2, 0.4},      /* 1.2万亿 in 万亿: 0.4 0.8 1.2, not 0.3 0.6 0.9 */
        {0, 12000, 0, 12000, 4000}, /* the same in 亿 */
        {0, 170, 0, 200, 50},       {0, 5.9, 0, 6, 1},       {0, 100, 0, 100, 20},
        {-3, 7, -4, 8, 4},          {-1.2, 12.7, -2, 14, 2}, /* a growth rate's trough: 0 is a tick, never -2 2 6 10 14 */
        {-2, 14, -5, 15, 5},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        JbTicks t = jb_ticks_extended(cases[i].lo, cases[i].hi, 5, TRUE);
        ok(near(t.min, cases[i].min) && near(t.max, cases[i].max) && near(t.step, cases[i].step),
           "[%g, %g] → %g..%g step %g (got %g..%g step %g)", cases[i].lo, cases[i].hi, cases[i].min,
           cases[i].max, cases[i].step, t.min, t.max, t.step);
    }
    for (double hi = 0.7; hi < 1e13; hi *= 3.7) {
        JbTicks t = jb_ticks_extended(0, hi, 5, TRUE);
        ok(t.min <= 0 && t.max >= hi && t.count >= 3 && t.count <= 10,
           "covers [0, %g] with %d ticks", hi, t.count);
    }
    for (double lo = -7.3; lo < 0; lo += 0.9)
        for (double hi = 0.4; hi < 400; hi *= 2.3) {
            JbTicks a = jb_ticks_extended(lo, hi, 5, TRUE);
            double r = fmod(a.min / a.step, 1.0);
            ok(fabs(r) < 1e-6 || fabs(fabs(r) - 1) < 1e-6,
               "[%g, %g]: ticks on multiples of the step, 0 among them (%g..%g step %g)", lo, hi,
               a.min, a.max, a.step);
        }
    JbTicks z = jb_ticks_extended(0, 0, 5, TRUE);
    ok(z.max > z.min && z.min == 0, "all zeros still get an axis from 0 (%g..%g)", z.min, z.max);
    JbTicks one = jb_ticks_extended(42, 42, 5, TRUE);
    ok(one.min <= 42 && one.max >= 42 && one.max > one.min, "a single value gets an axis");
    JbTicks t = {0, 1.2, 0.3, 5};
    ok(jb_ticks_decimals(&t) == 1, "0.3 steps print with one decimal");
    JbTicks u = {0, 12000, 3000, 5};
    ok(jb_ticks_decimals(&u) == 0, "3000 steps print with none");
    return tap_done();
}
