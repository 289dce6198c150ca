/* jb_build_index.c — knowing a file is unchanged without reading it, as git's index does:
 * a file whose size, mtime, ctime and inode are those recorded beside its hash has that
 * hash. Articles are recorded in OUT/.index (written by full builds), the executable and the
 * fonts in the manifest and in small memo files in the cache (KEY.stat, which unit processes
 * on other nodes share, so no unit hashes the binary and the fonts again).
 *
 * Racy files: a file changed again within the clock tick of the stat that recorded it would
 * keep its signature. So, as git does, a record is only made for a file whose mtime and
 * ctime are more than RACY_SECONDS older than the build's start; a younger file is hashed
 * again next time. ctime cannot be set back by hand (touch -d sets mtime only), so an edit
 * always changes the signature.
 *
 * The file: a header line "jianbao-index-3 CRC32 DIGEST", then one line per article,
 * "HASH STMT SIG NAME", in the bytewise order of the names (the order of Ctx.files), then one
 * line per published output, "out HASH SIG NAME". STMT is the SHA-256 of the article's
 * statements file in the cache (its statements and warnings), 64 zeros when not known: what
 * the assembly key is made of (jb_build.c), so that an edit that leaves an article's
 * statements as they were assembles nothing. DIGEST is the inputs digest
 * (jb_build_inputs_digest) of exactly the articles recorded, or "-" when some article of
 * that build was not recorded (too young). It is what makes a no-op build cheap at archive
 * scale: when the inputs are the index's articles, in order, each with its recorded
 * signature, the digest that keys the whole build is the recorded one, and nothing per
 * article is hashed, allocated or looked up (jb_build_index_unchanged: one read of the
 * index and one stat per article). With 100000 articles a hash table of the records, a
 * SHA-256 of each article's key and of the 16 MB index took most of a no-op build's 1.5 s
 * of CPU. NAME is escaped (\\ and bytes below 0x20 as \ooo) so any byte may be in it.
 *
 * Published outputs are recorded there too, once a no-op build has hashed them old enough,
 * so that the next no-op build knows them intact without reading them (metrics.csv grows
 * with the archive).
 *
 * The index is an optimisation only: a missing, stale or damaged index (the CRC-32 of the
 * body is in the header: it is for torn or hand-edited files, not for attacks, which
 * whoever can write OUT has no need of) costs a full read of the articles, never a wrong
 * output.
 *
 * Not for: content hashes of the cache keys (jb_build_store.c).
 */
#include "jb_build_priv.h"

#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define RACY_SECONDS 2
#define INDEX_MAGIC "jianbao-index-3"
#define SIG_MAX 96 /* 5 numbers of at most 20 digits and their separators */
#define NO_STMT "0000000000000000000000000000000000000000000000000000000000000000"

static gboolean sig_format(const struct stat *st, char buf[SIG_MAX])
{
    if (!S_ISREG(st->st_mode))
        return FALSE;
    snprintf(buf, SIG_MAX, "%lld:%lld.%09ld:%lld.%09ld:%llu", (long long)st->st_size,
             (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec,
             st->st_ctim.tv_nsec, (unsigned long long)st->st_ino);
    return TRUE;
}

static gboolean is_racy(const struct stat *st, gint64 started)
{
    return MAX(st->st_mtim.tv_sec, st->st_ctim.tv_sec) >= started / G_USEC_PER_SEC - RACY_SECONDS;
}

char *jb_build_stat_sig(const char *path, gboolean *racy, gint64 started)
{
    struct stat st;
    char buf[SIG_MAX];
    if (stat(path, &st) != 0 || !sig_format(&st, buf))
        return NULL;
    if (racy)
        *racy = is_racy(&st, started);
    return g_strdup(buf);
}

/* ---- big files we do not own: the executable, the fonts -------------------------------- */

char *jb_build_hash_big_file(Ctx *c, const char *path)
{
    gboolean racy = TRUE;
    g_autofree char *sig = jb_build_stat_sig(path, &racy, c->started);
    if (!sig)
        return g_strdup("missing");
    g_autofree char *memo_key = jb_build_key_of("stat", path, sig, NULL);
    g_autofree char *memo = jb_build_cache_path(c, memo_key, "stat");
    g_autofree char *old = g_key_file_get_string(c->old_man, "stat", path, NULL);
    char *hash = NULL;
    gsize len = 0;
    if (old && g_str_has_prefix(old, sig) && old[strlen(sig)] == ' ') {
        hash = g_strdup(old + strlen(sig) + 1);
    } else if (jb_build_read_regular(memo, FALSE, &hash, &len) && len == 64) {
        /* another process (a unit on another node) hashed it */
    } else {
        g_clear_pointer(&hash, g_free);
        hash = jb_build_hash_file(path);
        if (!hash)
            return g_strdup("unreadable");
        if (!racy) {
            /* a memo that cannot be written costs a hash */
            if (jb_build_cache_claim(c, memo, NULL))
                jb_atomic_write_file(memo, hash, strlen(hash), JB_ATOMIC_NO_SYNC, NULL);
        }
    }
    if (!racy) {
        g_autofree char *rec = g_strdup_printf("%s %s", sig, hash);
        g_key_file_set_string(c->new_man, "stat", path, rec);
        g_ptr_array_add(c->live_memos, g_strdup_printf("%s.stat", memo_key));
    }
    return hash;
}

/* ---- names in the index --------------------------------------------------------------------- */

static void name_escape(GString *out, const char *name)
{
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (*p == '\\')
            g_string_append(out, "\\\\");
        else if (*p < 0x20)
            g_string_append_printf(out, "\\%03o", *p);
        else
            g_string_append_c(out, (char)*p);
    }
}

/* The next byte of an escaped name at *p (before `end`), or -1 at its end or when the
 * escape is malformed (then *bad). */
static int name_next(const char **p, const char *end, gboolean *bad)
{
    if (*p >= end)
        return -1;
    unsigned char b = (unsigned char)*(*p)++;
    if (b != '\\')
        return b;
    if (*p < end && **p == '\\')
        return (unsigned char)*(*p)++;
    if (end - *p < 3 || (*p)[0] < '0' || (*p)[0] > '3' || (*p)[1] < '0' || (*p)[1] > '7' ||
        (*p)[2] < '0' || (*p)[2] > '7') {
        *bad = TRUE;
        return -1;
    }
    int v = ((*p)[0] - '0') * 64 + ((*p)[1] - '0') * 8 + ((*p)[2] - '0');
    *p += 3;
    return v;
}

/* strcmp of the escaped name [esc, end) with `raw`, unescaped as it goes (bytewise); a
 * malformed escape sorts after everything (and so matches nothing). */
static int name_cmp(const char *esc, const char *end, const char *raw)
{
    if (!memchr(esc, '\\', (gsize)(end - esc))) { /* the usual case */
        gsize n = (gsize)(end - esc), m = strlen(raw);
        int d = memcmp(esc, raw, MIN(n, m));
        return d ? d : (n > m) - (n < m);
    }
    gboolean bad = FALSE;
    for (const unsigned char *r = (const unsigned char *)raw;; r++) {
        int b = name_next(&esc, end, &bad);
        if (bad)
            return 1;
        if (b < 0)
            return *r ? -1 : 0;
        if (!*r)
            return 1;
        if (b != *r)
            return b - *r;
    }
}

/* ---- reading OUT/.index ------------------------------------------------------------------------ */

/* One record of the index: [line, nl) split into its fields. */
typedef struct {
    const char *hash, *stmt, *sig, *sig_end, *name, *end; /* stmt NULL in an output's record */
} Rec;

static gboolean rec_parse_as(const char *line, const char *nl, Rec *r, gboolean with_stmt)
{
    gsize skip = with_stmt ? 65 : 0;
    if (nl - line < (ptrdiff_t)skip + 64 + 1 + 1 + 1 + 1 || line[64] != ' ' ||
        line[skip + 64] != ' ')
        return FALSE;
    r->hash = line;
    r->stmt = with_stmt ? line + 65 : NULL;
    line += skip;
    r->sig = line + 65;
    r->sig_end = memchr(r->sig, ' ', (gsize)(nl - r->sig));
    if (!r->sig_end || r->sig_end == r->sig || r->sig_end + 1 >= nl)
        return FALSE;
    r->name = r->sig_end + 1;
    r->end = nl;
    return TRUE;
}

/* An article's record. */
static gboolean rec_parse(const char *line, const char *nl, Rec *r)
{
    return rec_parse_as(line, nl, r, TRUE);
}

static gboolean sig_eq(const Rec *r, const char *sig)
{
    gsize n = (gsize)(r->sig_end - r->sig);
    return strlen(sig) == n && memcmp(r->sig, sig, n) == 0;
}

static void outputs_new(Ctx *c)
{
    c->old_outputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    c->new_outputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

/* Read it whole, in one read, check its CRC, and find where its articles end; the records
 * are split only when looked up. */
void jb_build_index_load(Ctx *c)
{
    JbIndex *x = &c->index;
    x->on = TRUE;
    x->fresh = g_array_new(FALSE, FALSE, sizeof(JbIndexRec));
    x->sigs = g_string_chunk_new(1 << 16);
    outputs_new(c);
    g_autofree char *path = g_build_filename(c->out_dir, ".index", NULL);
    char *text = NULL;
    gsize len = 0;
    if (!jb_build_read_regular(path, FALSE, &text, &len))
        return;
    unsigned long crc = 0;
    char digest[65] = "", head[128] = "";
    const char *nl = memchr(text, '\n', len);
    if (nl && nl - text < (ptrdiff_t)sizeof head) /* sscanf would strlen the whole text */
        memcpy(head, text, (gsize)(nl - text));
    if (!nl || sscanf(head, INDEX_MAGIC " %8lx %64s", &crc, digest) != 2 ||
        crc32_z(0, (const Bytef *)nl + 1, len - (gsize)(nl + 1 - text)) != crc ||
        (len && text[len - 1] != '\n')) {
        g_free(text);
        return;
    }
    x->text = text;
    x->len = len;
    x->articles = nl + 1;
    if (strlen(digest) == 64)
        memcpy(x->stored_digest, digest, 65);
    const char *end = text + len;
    const char *p = x->articles;
    while (p < end && !(end - p >= 4 && memcmp(p, "out ", 4) == 0))
        p = (const char *)memchr(p, '\n', (gsize)(end - p)) + 1;
    x->articles_end = p;
    /* the outputs: a few lines */
    for (; p < end;) {
        const char *e = memchr(p, '\n', (gsize)(end - p));
        Rec r;
        if (e - p >= 4 && memcmp(p, "out ", 4) == 0 && rec_parse_as(p + 4, e, &r, FALSE)) {
            g_autoptr(GString) name = g_string_new(NULL);
            gboolean bad = FALSE;
            for (const char *q = r.name; (q < r.end);) {
                int b = name_next(&q, r.end, &bad);
                if (b < 0)
                    break;
                g_string_append_c(name, (char)b);
            }
            if (!bad)
                g_hash_table_replace(c->old_outputs, g_strdup(name->str),
                                     g_strndup(r.hash, (gsize)(r.sig_end - r.hash)));
        }
        p = e + 1;
    }
}

/* The article records as an array, for lookups by name (built on the first one). */
static void split_articles(JbIndex *x)
{
    if (x->recs || !x->text)
        return;
    x->recs = g_ptr_array_new();
    for (const char *p = x->articles; p < x->articles_end;) {
        const char *nl = memchr(p, '\n', (gsize)(x->articles_end - p));
        g_ptr_array_add(x->recs, (gpointer)p);
        p = nl + 1;
    }
}

static gboolean rec_at(const JbIndex *x, guint i, Rec *r)
{
    const char *line = g_ptr_array_index(x->recs, i);
    return rec_parse(line, memchr(line, '\n', (gsize)(x->articles_end - line)), r);
}

char *jb_build_index_lookup(Ctx *c, const char *name, const char *sig, char stmt[65])
{
    if (stmt)
        stmt[0] = 0;
    JbIndex *x = &c->index;
    if (!sig || !x->text)
        return NULL;
    split_articles(x);
    guint lo = 0, hi = x->recs->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        Rec r;
        if (!rec_at(x, mid, &r))
            return NULL; /* damaged: no record vouches */
        int d = name_cmp(r.name, r.end, name);
        if (d == 0 && !sig_eq(&r, sig))
            return NULL;
        if (d == 0) {
            if (stmt && strspn(r.stmt, "0") < 64) {
                memcpy(stmt, r.stmt, 64);
                stmt[64] = 0;
            }
            return g_strndup(r.hash, 64);
        }
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* stat() of project-relative `name`, through a descriptor of its directory kept open
 * across calls (the inputs come directory by directory): the kernel walks one component,
 * not the whole path, 100000 times. */
typedef struct {
    const char *base;
    GString *dir; /* the directory `fd` is, as named (relative to base) */
    int fd;
    GString *path;
} Statter;

static int statter_stat(Statter *s, const char *name, struct stat *st)
{
    const char *slash = strrchr(name, '/');
    gsize dlen = slash ? (gsize)(slash - name) : 0;
    if (s->fd < 0 || s->dir->len != dlen || memcmp(s->dir->str, name, dlen) != 0) {
        if (s->fd >= 0)
            close(s->fd);
        g_string_truncate(s->path, 0);
        if (name[0] != '/' && strcmp(s->base, ".") != 0)
            g_string_append_printf(s->path, "%s/", s->base);
        g_string_append_len(s->path, name, slash ? (gssize)dlen + (dlen == 0) : 0);
        s->fd = open(s->path->len ? s->path->str : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
        g_string_assign(s->dir, "");
        g_string_append_len(s->dir, name, (gssize)dlen);
        if (s->fd < 0)
            return -1;
    }
    return fstatat(s->fd, slash ? slash + 1 : name, st, 0);
}

gboolean jb_build_index_unchanged(Ctx *c, char digest[65])
{
    const JbIndex *x = &c->index;
    if (!x->text || !x->stored_digest[0])
        return FALSE;
    Statter s = {c->base, g_string_new(NULL), -1, g_string_new(NULL)};
    const char *p = x->articles;
    gboolean same = TRUE;
    for (guint i = 0; same && i < c->files->len; i++) {
        const char *name = g_ptr_array_index(c->files, i);
        const char *nl = p < x->articles_end ? memchr(p, '\n', (gsize)(x->articles_end - p)) : NULL;
        Rec r;
        struct stat st;
        char sig[SIG_MAX];
        same = nl && rec_parse(p, nl, &r) && name_cmp(r.name, r.end, name) == 0 &&
               statter_stat(&s, name, &st) == 0 && sig_format(&st, sig) && sig_eq(&r, sig);
        p = nl ? nl + 1 : p;
    }
    same = same && p == x->articles_end;
    if (s.fd >= 0)
        close(s.fd);
    g_string_free(s.dir, TRUE);
    g_string_free(s.path, TRUE);
    if (same)
        memcpy(digest, x->stored_digest, 65);
    return same;
}

/* ---- recording ------------------------------------------------------------------------------ */

void jb_build_index_record(Ctx *c, const Article *a, const char *sig, gboolean racy)
{
    JbIndex *x = &c->index;
    if (!x->on || !sig || racy)
        return;
    const char *name = a->name;
    char hash[65], stmt[65] = "";
    jb_build_digest_hex(a->hash, hash);
    if (a->has_stmt)
        jb_build_digest_hex(a->stmt, stmt);
    /* Records are made in the order of Ctx.files, bytewise: the file stays sorted. One out
     * of order (none is) is left out: it costs a read next time, never a wrong answer. */
    if (x->last && strcmp(x->last, name) >= 0)
        return;
    x->last = name;
    char was_stmt[65];
    g_autofree char *was = jb_build_index_lookup(c, name, sig, was_stmt);
    if (!was || strcmp(was, hash) != 0 || !*stmt || strcmp(was_stmt, stmt) != 0)
        x->grew = TRUE;
    JbIndexRec r = {name, a, g_string_chunk_insert(x->sigs, sig)};
    g_array_append_val(x->fresh, r);
}

/* The line of a record made by this build. */
static void rec_format(GString *out, const JbIndexRec *r)
{
    char hash[65], stmt[65];
    jb_build_digest_hex(r->a->hash, hash);
    if (r->a->has_stmt)
        jb_build_digest_hex(r->a->stmt, stmt);
    /* pieces, not a printf: it is made twice per article (CRC, then the file), and GLib's
     * printf cost ~7000 instructions a line */
    g_string_append_len(out, hash, 64);
    g_string_append_c(out, ' ');
    g_string_append_len(out, r->a->has_stmt ? stmt : NO_STMT, 64);
    g_string_append_c(out, ' ');
    g_string_append(out, r->sig);
    g_string_append_c(out, ' ');
    name_escape(out, r->name);
    g_string_append_c(out, '\n');
}

/* Write this build's records to `f` a piece at a time (to_write FALSE: only their CRC-32,
 * from `crc`, which is returned). */
static uLong fresh_write(const JbIndex *x, JbAtomicFile *f, uLong crc, GError **error, gboolean *ok)
{
    g_autoptr(GString) buf = g_string_sized_new(1 << 16);
    for (guint i = 0; i <= x->fresh->len; i++) {
        if (i < x->fresh->len)
            rec_format(buf, &g_array_index(x->fresh, JbIndexRec, i));
        if (buf->len < (1u << 16) - 1024 && i < x->fresh->len)
            continue;
        if (f && *ok)
            *ok = jb_atomic_write(f, buf->str, buf->len, error);
        else if (!f)
            crc = crc32_z(crc, (const Bytef *)buf->str, buf->len);
        g_string_truncate(buf, 0);
    }
    return crc;
}

char *jb_build_index_lookup_output(const Ctx *c, const char *rel, const char *sig)
{
    const char *rec = c->old_outputs ? g_hash_table_lookup(c->old_outputs, rel) : NULL;
    if (!rec || !sig || strcmp(rec + 65, sig) != 0)
        return NULL;
    return g_strndup(rec, 64);
}

void jb_build_index_record_output(Ctx *c, const char *rel, const char *sig, gboolean racy,
                                  const char *hash)
{
    if (!c->new_outputs || !sig || racy)
        return;
    char *rec = g_strdup_printf("%s %s", hash, sig);
    const char *was = g_hash_table_lookup(c->old_outputs, rel);
    if (!was || strcmp(was, rec) != 0)
        c->index.grew = TRUE;
    g_hash_table_replace(c->new_outputs, g_strdup(rel), rec);
}

gboolean jb_build_index_save(Ctx *c, gboolean kept, const char *digest, guint n_inputs,
                             GError **error)
{
    JbIndex *x = &c->index;
    /* The article records are written from where they are (the old text or this build's
     * records), never copied into one more buffer: two copies of 16 MB at 100000 articles
     * were most of a changed build's peak memory. The CRC of the header is of the body, so
     * it is computed over the pieces first. */
    const char *recs = NULL; /* NULL: this build's records */
    gsize recs_len = 0;
    if (kept && x->text) { /* the articles are the old index's, as they were */
        recs = x->articles;
        recs_len = (gsize)(x->articles_end - x->articles);
    } else if (x->fresh->len != n_inputs) {
        /* the digest vouches for the records only when they are every input */
        digest = NULL;
    }
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, c->new_outputs);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_ptr_array_add(names, k);
    g_ptr_array_sort(names, jb_build_by_bytes);
    g_autoptr(GString) outs = g_string_new(NULL);
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        g_string_append_printf(outs, "out %s ", (char *)g_hash_table_lookup(c->new_outputs, name));
        name_escape(outs, name);
        g_string_append_c(outs, '\n');
    }
    gboolean ok = TRUE;
    uLong crc = recs ? crc32_z(0, (const Bytef *)recs, recs_len)
                     : fresh_write(x, NULL, crc32_z(0, NULL, 0), NULL, &ok);
    crc = crc32_z(crc, (const Bytef *)outs->str, outs->len);
    g_autofree char *head = g_strdup_printf(INDEX_MAGIC " %08lx %s\n", (unsigned long)crc,
                                            digest && strlen(digest) == 64 ? digest : "-");
    g_autofree char *path = g_build_filename(c->out_dir, ".index", NULL);
    JbAtomicFile *f = jb_build_out_open(c, path, JB_ATOMIC_NO_SYNC | JB_ATOMIC_REGULAR_ONLY, error);
    if (!f)
        return FALSE;
    if (!jb_atomic_write(f, head, strlen(head), error) ||
        !(recs ? jb_atomic_write(f, recs, recs_len, error)
               : (fresh_write(x, f, 0, error, &ok), ok)) ||
        !jb_atomic_write(f, outs->str, outs->len, error)) {
        jb_atomic_abort(f);
        return FALSE;
    }
    return jb_atomic_commit(f, error);
}

void jb_build_index_forget_old(Ctx *c)
{
    JbIndex *x = &c->index;
    g_clear_pointer(&x->recs, g_ptr_array_unref);
    g_clear_pointer(&x->text, g_free);
    x->len = 0;
    x->articles = x->articles_end = NULL;
}

void jb_build_index_clear(Ctx *c)
{
    JbIndex *x = &c->index;
    g_free(x->text);
    g_clear_pointer(&x->recs, g_ptr_array_unref);
    if (x->fresh)
        g_array_unref(x->fresh);
    if (x->sigs)
        g_string_chunk_free(x->sigs);
    g_clear_pointer(&c->old_outputs, g_hash_table_unref);
    g_clear_pointer(&c->new_outputs, g_hash_table_unref);
    memset(x, 0, sizeof *x);
}
