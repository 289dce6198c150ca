/* jb_recs: records of one size appended and read back by number through a file of no name,
 * two blocks in memory: every record reads back as appended, in order, backwards and at
 * random, across blocks and in the block not yet written out. */
#include "jb_recs.h"
#include "tap.h"

typedef struct {
    guint num;
    char text[12];
} Rec;

static gboolean rec_is(JbRecs *r, guint i)
{
    const Rec *x = jb_recs_get(r, i);
    char want[12];
    g_snprintf(want, sizeof want, "r%u", i * 7);
    return x->num == i && strcmp(x->text, want) == 0;
}

int main(void)
{
    JbRecs *r = jb_recs_new(sizeof(Rec));
    ok(jb_recs_len(r) == 0, "none at first");
    guint n = 5000; /* (blocks of 1024: four written out, one in memory) */
    for (guint i = 0; i < n; i++) {
        Rec x = {i, ""};
        g_snprintf(x.text, sizeof x.text, "r%u", i * 7);
        jb_recs_append(r, &x);
        if (i == 10)
            ok(rec_is(r, 3), "a record read while records are appended");
    }
    ok(jb_recs_len(r) == n, "%u records", jb_recs_len(r));
    guint good = 0;
    for (guint i = 0; i < n; i++)
        good += rec_is(r, i);
    ok(good == n, "each read back in order (%u)", good);
    good = 0;
    for (guint i = n; i-- > 0;)
        good += rec_is(r, i);
    ok(good == n, "and backwards (%u)", good);
    good = 0;
    GRand *rnd = g_rand_new_with_seed(7);
    for (guint k = 0; k < 2000; k++)
        good += rec_is(r, (guint)g_rand_int_range(rnd, 0, (gint32)n));
    g_rand_free(rnd);
    ok(good == 2000, "and at random (%u)", good);
    Rec x = {n, ""};
    g_snprintf(x.text, sizeof x.text, "r%u", n * 7);
    jb_recs_append(r, &x);
    ok(rec_is(r, n) && rec_is(r, 0), "one appended after reading, and the first still");
    ok(!jb_recs_lost(r), "nothing lost");
    jb_recs_free(r);
    return tap_done();
}
