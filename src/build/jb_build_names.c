/* jb_build_names.c — sets of cache file names (KEY.EXT), 20 bytes a name.
 *
 * The sweep that ends a build that assembled looks every file of the cache up in two sets:
 * the names this build uses and the names the cache's ledger records (jb_build_own.c). At
 * 100000 articles each holds a name per article: as text (a line of the ledger and its
 * pointer, a copy in a hash table) they were 19 MB and 8.5 MB of the build's peak. A name
 * of the cache is a SHA-256 and a few kinds of extension, so each is kept as the first 16
 * bytes of the digest (until 2026-12-07 all 32: 36 bytes a name, and the sweep's peak) and
 * the number of its extension, in one array sorted once, in place, and searched by halves.
 * Two keys alike in their first 128 bits are taken for one: for digests of SHA-256, a
 * chance of 2^-128 a pair, as for a random UUID (a product kept one build too long, or
 * one the ledger did not record taken for one it did). A name of another shape (capital hex
 * digits: not the build's own, but a name all the same) is kept as text beside them.
 *
 * Not for: what is in use or recorded (jb_build.c, jb_build_own.c).
 */
#include "jb_build_priv.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    guint8 key[16]; /* the first half of the digest */
    guint32 ext;    /* index into JbNames.exts */
} Name;

struct JbNames {
    GArray *names;     /* Name, sorted and unique once `sorted` */
    GHashTable *exts;  /* extension → its index + 1 */
    GHashTable *other; /* names of another shape, as text */
    gboolean sorted;
};

JbNames *jb_build_names_new(guint expected)
{
    JbNames *s = g_new0(JbNames, 1);
    s->names = g_array_sized_new(FALSE, FALSE, sizeof(Name), expected);
    s->exts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s->other = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s->sorted = TRUE;
    return s;
}

void jb_build_names_free(JbNames *s)
{
    if (!s)
        return;
    g_array_unref(s->names);
    g_hash_table_unref(s->exts);
    g_hash_table_unref(s->other);
    g_free(s);
}

/* `name` (`len` bytes) as a Name when it is 64 lower-case hex digits, a dot and an extension
 * the set has (`add`: or is given now). FALSE else. */
static gboolean as_name(JbNames *s, const char *name, gsize len, gboolean add, Name *out)
{
    if (len < 66 || name[64] != '.')
        return FALSE;
    for (guint i = 0; i < 64; i++)
        if (!g_ascii_isxdigit(name[i]) || g_ascii_isupper(name[i]))
            return FALSE;
    for (guint i = 0; i < 16; i++)
        out->key[i] = (guint8)(g_ascii_xdigit_value(name[2 * i]) << 4 |
                               g_ascii_xdigit_value(name[2 * i + 1]));
    char ext[64];
    gsize n = len - 65;
    if (n >= sizeof ext)
        return FALSE;
    memcpy(ext, name + 65, n);
    ext[n] = 0;
    guint idx = GPOINTER_TO_UINT(g_hash_table_lookup(s->exts, ext));
    if (!idx && add) {
        idx = g_hash_table_size(s->exts) + 1;
        g_hash_table_insert(s->exts, g_strdup(ext), GUINT_TO_POINTER(idx));
    }
    out->ext = idx;
    return idx != 0;
}

static void names_add_len(JbNames *s, const char *name, gsize len)
{
    Name n;
    if (as_name(s, name, len, TRUE, &n)) {
        g_array_append_val(s->names, n);
        s->sorted = FALSE;
    } else {
        g_hash_table_add(s->other, g_strndup(name, len));
    }
}

void jb_build_names_add(JbNames *s, const char *name)
{
    names_add_len(s, name, strlen(name));
}

void jb_build_names_add_key(JbNames *s, const char key[65], const char *ext)
{
    char name[64 + 1 + 64];
    g_snprintf(name, sizeof name, "%s.%s", key, ext);
    jb_build_names_add(s, name);
}

static int cmp_name(const void *a, const void *b)
{
    return memcmp(a, b, sizeof(Name));
}

/* Sorted in place, a heap sort: g_array_sort's merge sort made a copy of the array (3.6 MB
 * of the sweep's peak at 100000 articles). */
static void sift(Name *v, gsize root, gsize n)
{
    for (gsize child; (child = 2 * root + 1) < n; root = child) {
        if (child + 1 < n && cmp_name(&v[child], &v[child + 1]) < 0)
            child++;
        if (cmp_name(&v[root], &v[child]) >= 0)
            return;
        Name t = v[root];
        v[root] = v[child];
        v[child] = t;
    }
}

static void sort_names(Name *v, gsize n)
{
    for (gsize i = n / 2; i-- > 0;)
        sift(v, i, n);
    for (gsize end = n; end-- > 1;) {
        Name t = v[0];
        v[0] = v[end];
        v[end] = t;
        sift(v, 0, end);
    }
}

gboolean jb_build_names_contains(JbNames *s, const char *name)
{
    Name n;
    memset(&n, 0, sizeof n); /* (no padding in Name; compared whole) */
    gsize len = strlen(name);
    if (!as_name(s, name, len, FALSE, &n))
        return g_hash_table_contains(s->other, name);
    if (!s->sorted) {
        sort_names((Name *)(void *)s->names->data, s->names->len);
        guint k = 0;
        for (guint i = 0; i < s->names->len; i++)
            if (k == 0 || cmp_name(&g_array_index(s->names, Name, k - 1),
                                   &g_array_index(s->names, Name, i)) != 0)
                g_array_index(s->names, Name, k++) = g_array_index(s->names, Name, i);
        g_array_set_size(s->names, k);
        s->sorted = TRUE;
    }
    return s->names->len &&
           bsearch(&n, s->names->data, s->names->len, sizeof(Name), cmp_name) != NULL;
}
