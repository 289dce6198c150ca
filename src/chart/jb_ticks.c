#include "jb_ticks.h"

#include <float.h>
#include <math.h>

/* Talbot et al.'s Q without 3, 2.5 last: Chinese statistical charts step by 1, 5, 2 or 4 (an axis to
 * 1.2万亿 reads 0.4 0.8 1.2, not 0.3 0.6 0.9). */
static const double Q[] = {1, 5, 2, 4, 2.5};
enum { NQ = G_N_ELEMENTS(Q) };
static const double W[] = {0.25, 0.2, 0.5, 0.05}; /* simplicity, coverage, density, legibility */

static double simplicity(int i, int j, double lmin, double lmax, double lstep)
{
    double eps = DBL_EPSILON * 100;
    double rem = fmod(lmin, lstep);
    if (rem < 0)
        rem += lstep;
    int v = (rem < eps || lstep - rem < eps) && lmin <= 0 && lmax >= 0;
    return 1.0 - (double)i / (NQ - 1) - j + v;
}

static double simplicity_max(int i, int j)
{
    return 1.0 - (double)i / (NQ - 1) - j + 1;
}

static double coverage(double dmin, double dmax, double lmin, double lmax)
{
    double range = dmax - dmin;
    return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2);
}

static double coverage_max(double dmin, double dmax, double span)
{
    double range = dmax - dmin;
    if (span > range) {
        double half = (span - range) / 2;
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2);
    }
    return 1;
}

static double density(int k, int m, double dmin, double dmax, double lmin, double lmax)
{
    double r = (k - 1) / (lmax - lmin);
    double rt = (m - 1) / (fmax(lmax, dmax) - fmin(dmin, lmin));
    return 2 - fmax(r / rt, rt / r);
}

static double density_max(int k, int m)
{
    return k >= m ? 2 - (double)(k - 1) / (m - 1) : 1;
}

JbTicks jb_ticks_extended(double dmin, double dmax, int m, gboolean loose)
{
    if (m < 2)
        m = 2;
    if (!(dmax > dmin)) { /* zero-width or inverted range: widen around the value */
        double c = dmin;
        double pad = c == 0 ? 1 : fabs(c) * 0.5;
        dmin = c >= 0 && c - pad < 0 ? 0 : c - pad;
        dmax = c + pad;
    }
    JbTicks best = {dmin, dmax, dmax - dmin, 2};
    double best_score = -2;
    /* The paper's loops are unbounded in j, k and z; the pruning bounds end them, and these
     * caps guarantee it even for NaN-free but extreme input. */
    for (int j = 1; j <= 12; j++) {
        for (int qi = 0; qi < NQ; qi++) {
            double q = Q[qi];
            double sm = simplicity_max(qi, j);
            if (W[0] * sm + W[1] + W[2] + W[3] < best_score) {
                j = 13;
                break;
            }
            for (int k = 2; k <= 40; k++) {
                double dm = density_max(k, m);
                if (W[0] * sm + W[1] + W[2] * dm + W[3] < best_score)
                    break;
                double delta = (dmax - dmin) / (k + 1) / j / q;
                for (int z = (int)ceil(log10(delta)), zn = 0; zn < 8; z++, zn++) {
                    double step = j * q * pow(10, z);
                    double cm = coverage_max(dmin, dmax, step * (k - 1));
                    if (W[0] * sm + W[1] * cm + W[2] * dm + W[3] < best_score)
                        break;
                    double min_start = floor(dmax / step) * j - (k - 1) * j;
                    double max_start = ceil(dmin / step) * j;
                    if (min_start > max_start)
                        continue;
                    /* ticks on multiples of the step, so an axis across zero has 0 and
                     * never reads -2 2 6 10 (the paper starts anywhere on q × 10^z) */
                    for (double start = ceil(min_start / j) * j; start <= max_start; start += j) {
                        double lmin = start * (step / j), lmax = lmin + step * (k - 1);
                        double s = simplicity(qi, j, lmin, lmax, step);
                        double c = coverage(dmin, dmax, lmin, lmax);
                        double g = density(k, m, dmin, dmax, lmin, lmax);
                        double score = W[0] * s + W[1] * c + W[2] * g + W[3] * 1.0;
                        if (score > best_score && (!loose || (lmin <= dmin + 1e-9 * step &&
                                                              lmax >= dmax - 1e-9 * step))) {
                            best_score = score;
                            best = (JbTicks){lmin, lmax, step, k};
                        }
                    }
                }
            }
        }
    }
    return best;
}

int jb_ticks_decimals(const JbTicks *t)
{
    for (int d = 0; d < 6; d++) {
        double scale = pow(10, d);
        double s = t->step * scale, mn = t->min * scale;
        if (fabs(s - round(s)) < 1e-6 && fabs(mn - round(mn)) < 1e-6)
            return d;
    }
    return 6;
}
