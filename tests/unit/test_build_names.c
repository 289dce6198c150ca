/* jb_build_names: the sets the sweep looks the cache's files up in (the names in use, the
 * names the cache's ledger records), 20 bytes a name instead of a line of text and a copy in
 * a hash table. A name is found exactly as it was added: a key of capital hex digits, or any
 * other shape, is a name of its own, never taken for the lower-case one. */
#include "jb_build_priv.h"
#include "tap.h"

#include <string.h>

int main(void)
{
    const char *k1 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const char *k2 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    g_autofree char *n1 = g_strconcat(k1, ".csv", NULL), *n1w = g_strconcat(k1, ".warn", NULL);
    g_autofree char *n2 = g_strconcat(k2, ".metrics.csv", NULL);
    g_autofree char *upper = g_ascii_strup(n1, -1);
    g_autofree char *longext = g_strconcat(k2, ".", NULL);
    for (int i = 0; i < 80; i++) {
        char *t = g_strconcat(longext, "x", NULL);
        g_free(longext);
        longext = t;
    }
    JbNames *s = jb_build_names_new(2);
    ok(!jb_build_names_contains(s, n1), "an empty set has nothing");
    jb_build_names_add(s, n1);
    jb_build_names_add_key(s, k2, "metrics.csv");
    jb_build_names_add(s, n1); /* twice: once in the set */
    jb_build_names_add(s, "notes.txt");
    jb_build_names_add(s, longext);
    ok(jb_build_names_contains(s, n1), "a name added");
    ok(jb_build_names_contains(s, n2), "a name added as a key and an extension");
    ok(!jb_build_names_contains(s, n1w), "not its key with another extension");
    ok(!jb_build_names_contains(s, upper), "not its key in capitals");
    ok(jb_build_names_contains(s, "notes.txt"), "a name of another shape");
    ok(jb_build_names_contains(s, longext), "a name with a long extension");
    jb_build_names_add(s, upper);
    ok(jb_build_names_contains(s, upper) && jb_build_names_contains(s, n1),
       "a capital key added is found, and the lower-case one still is");
    for (guint i = 0; i < 1000; i++) { /* added after a look: sorted again */
        char key[65];
        g_autofree char *h = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)&i, sizeof i);
        memcpy(key, h, 65);
        jb_build_names_add_key(s, key, i % 2 ? "csv" : "stat");
    }
    guint found = 0;
    for (guint i = 0; i < 1000; i++) {
        g_autofree char *h = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)&i, sizeof i);
        g_autofree char *a = g_strconcat(h, i % 2 ? ".csv" : ".stat", NULL);
        g_autofree char *b = g_strconcat(h, i % 2 ? ".stat" : ".csv", NULL);
        found += jb_build_names_contains(s, a) && !jb_build_names_contains(s, b);
    }
    ok(found == 1000, "1000 names added after a look are each found as added (%u)", found);
    ok(jb_build_names_contains(s, n1), "and the first still is");
    jb_build_names_free(s);
    return tap_done();
}
