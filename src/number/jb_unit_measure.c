/* jb_unit_measure.c — one amount in two units of a measure (3938.8万吨 and 787.8亿斤,
 * 42500万千瓦 and 425GW, 52.6万公顷 and 789万亩): a writer restating a figure in brackets in
 * another unit says nothing new (jb_extract.c drops the restatement). Written here because
 * no Debian library converts these units: Chinese market units (斤, 亩) beside SI ones.
 * Money is not here: a rate of exchange is no constant (约合 says a restatement instead). */
#include "jb_units.h"

#include <math.h>
#include <string.h>

typedef struct {
    const char *unit;
    char measure; /* m mass, a area, p power, e energy, l length, v volume */
    double per;   /* the measure's smallest unit here in one of this unit */
} Scale;

static const Scale SCALES[] = {
    {"克", 'm', 1},     {"公斤", 'm', 1e3}, {"千克", 'm', 1e3}, {"kg", 'm', 1e3},
    {"斤", 'm', 500},   {"吨", 'm', 1e6},   {"噸", 'm', 1e6},   {"亩", 'a', 1},
    {"畝", 'a', 1},     {"公顷", 'a', 15},  {"公頃", 'a', 15},  {"平方公里", 'a', 1500},
    {"瓦", 'p', 1},     {"W", 'p', 1},      {"千瓦", 'p', 1e3}, {"kW", 'p', 1e3},
    {"MW", 'p', 1e6},   {"GW", 'p', 1e9},   {"TW", 'p', 1e12},  {"千瓦时", 'e', 1},
    {"千瓦時", 'e', 1}, {"度", 'e', 1},     {"kWh", 'e', 1},    {"MWh", 'e', 1e3},
    {"GWh", 'e', 1e6},  {"TWh", 'e', 1e9},  {"米", 'l', 1},     {"公里", 'l', 1e3},
    {"千米", 'l', 1e3}, {"km", 'l', 1e3},   {"里", 'l', 500},   {"立方米", 'v', 1},
    {"升", 'v', 1e-3},  {"L", 'v', 1e-3},
};

static const Scale *scale_of(const char *unit)
{
    for (gsize i = 0; i < G_N_ELEMENTS(SCALES); i++)
        if (strcmp(SCALES[i].unit, unit) == 0)
            return &SCALES[i];
    return NULL;
}

gboolean jb_unit_same_amount(JbDecimal a, const char *ua, JbDecimal b, const char *ub)
{
    if (jb_unit_same(ua, ub))
        return jb_decimal_equal(a, b);
    const Scale *sa = scale_of(ua), *sb = scale_of(ub);
    if (!sa || !sb || sa->measure != sb->measure)
        return FALSE;
    double x = jb_decimal_to_double(a) * sa->per, y = jb_decimal_to_double(b) * sb->per;
    /* (a restatement is rounded: 3938.8万吨 is 787.76亿斤, written 787.8) */
    return x > 0 && y > 0 && fabs(x - y) <= 0.01 * fmax(x, y);
}
