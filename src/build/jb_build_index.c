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
 * "HASH STMT SIG NAME", in the bytewise order of the names (the order of Ctx.inputs), then one
 * line per published output, "out HASH SIG NAME". STMT is the SHA-256 of the article's
 * statements file in the cache (its statements and warnings), 64 zeros when not known: what
 * the assembly key is made of (jb_build.c), so that an edit that leaves an article's
 * statements as they were assembles nothing. DIGEST is the inputs digest
 * (jb_build_inputs_digest) of exactly the articles recorded, or "-" when some article of
 * that build was not recorded (too young). It is what makes a no-op build cheap at archive
 * scale: when the inputs are the index's articles, in order, each with its recorded
 * signature, the digest that keys the whole build is the recorded one, and nothing per
 * article is hashed, allocated or looked up (jb_build_index_load: one read of the index, a
 * stream, and one stat per article). With 100000 articles a hash table of the
 * records, a SHA-256 of each article's key and of the 16 MB index took most of a no-op
 * build's 1.5 s of CPU. NAME is escaped (\\ and bytes below 0x20 as \ooo) so any byte may be in it.
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
#define INDEX_BUF ((gsize)1 << 16) /* bytes read at a time */
#define SIG_MAX 128                /* 7 numbers of at most 20 characters and their separators */

/* The decimal digits of `v` at p (`width` of them at least, zero-padded), then `sep`. */
static char *put_num(char *p, unsigned long long v, int width, char sep)
{
    char tmp[20];
    int n = 0;
    do
        tmp[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    while (n < width)
        tmp[n++] = '0';
    while (n)
        *p++ = tmp[--n];
    *p++ = sep;
    return p;
}

static char *put_signed(char *p, long long v, char sep)
{
    if (v < 0)
        *p++ = '-';
    return put_num(p, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, 1, sep);
}

/* "SIZE:MTIME.NS:CTIME.NS:INODE", as snprintf's "%lld:%lld.%09ld:%lld.%09ld:%llu" spells it:
 * made by hand, because a no-op build makes one per article (printf's was 6% of its CPU time
 * at 100000 articles). */
static gboolean sig_format(const struct stat *st, char buf[SIG_MAX])
{
    if (!S_ISREG(st->st_mode))
        return FALSE;
    char *p = put_signed(buf, (long long)st->st_size, ':');
    p = put_signed(p, (long long)st->st_mtim.tv_sec, '.');
    p = put_num(p, (unsigned long long)st->st_mtim.tv_nsec, 9, ':');
    p = put_signed(p, (long long)st->st_ctim.tv_sec, '.');
    p = put_num(p, (unsigned long long)st->st_ctim.tv_nsec, 9, ':');
    p = put_num(p, (unsigned long long)st->st_ino, 1, 0);
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

/* The index is read as a stream, never held: a pass at load checks its CRC (and keeps the
 * CRC of its article lines and the outputs' records, a few lines), then the article lines
 * are read again in order by a cursor, as the inputs are looked up in the same bytewise
 * order: a merge-join of two sorted streams. At 100000 articles the whole text (23 MB) and
 * an array of its lines were held by every no-op build, and by a changed one until it had
 * looked every article up. */

/* The next article line under the cursor into x->line (FALSE at the articles' end or a read
 * error); its bytes are counted in x->consumed. */
static gboolean cursor_next(JbIndex *x)
{
    x->line_ok = FALSE;
    if (!x->file || x->consumed >= x->articles_len)
        return FALSE;
    ssize_t n = getline(&x->line, &x->line_cap, x->file);
    if (n <= 0 || x->line[n - 1] != '\n')
        return FALSE;
    x->consumed += (guint64)n;
    x->line_len = (gsize)n;
    x->line_ok = x->consumed <= x->articles_len;
    return x->line_ok;
}

/* The cursor back at the first article line. */
static void cursor_reset(JbIndex *x)
{
    x->consumed = 0;
    x->line_ok = FALSE;
    x->started = FALSE;
    if (x->file && fseeko(x->file, (off_t)x->articles_at, SEEK_SET) != 0)
        x->articles_len = 0; /* (nothing vouches) */
}

/* The current line as a record. */
static gboolean cursor_rec(const JbIndex *x, Rec *r)
{
    return x->line_ok && rec_parse(x->line, x->line + x->line_len - 1, r);
}

/* An output's record line ("out HASH SIG NAME") into c->old_outputs. */
static void output_rec(Ctx *c, const char *p, const char *e)
{
    Rec r;
    if (!(e - p >= 4 && memcmp(p, "out ", 4) == 0 && rec_parse_as(p + 4, e, &r, FALSE)))
        return;
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

/* OUT/.index opened for reading if it is a regular file (not through a symlink, never
 * waiting on a FIFO), else NULL. */
static FILE *open_index(const char *path)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
    }
    FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
    if (fd >= 0 && !f)
        close(fd);
    return f;
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

/* A no-op build's question, asked as the index is read (jb_build_index_load): is every
 * input, in order, the next article line's name with its signature (one stat each)? */
typedef struct {
    Ctx *c;
    Statter st;
    guint next;    /* the input the next article line is compared with */
    gboolean same; /* so far every line was its input's */
} Compare;

static void compare_line(Compare *k, const char *line, gsize n)
{
    Rec r;
    struct stat st;
    char sig[SIG_MAX];
    if (k->same && k->next == jb_build_inputs_count(k->c->inputs))
        k->same = FALSE; /* (a line past the inputs) */
    if (!k->same)
        return;
    const char *name = jb_build_inputs_name(k->c->inputs, k->next++);
    jb_build_inputs_tick(k->c->inputs);
    k->same = rec_parse(line, line + n - 1, &r) && name_cmp(r.name, r.end, name) == 0 &&
              statter_stat(&k->st, name, &st) == 0 && sig_format(&st, sig) && sig_eq(&r, sig);
}

/* Check it (the CRC of its body, every line ended), find where its articles end, and read
 * its outputs' records; the article lines are read again when looked up. With `compare`
 * (a build that may be a no-op), each article line is compared with its input as it goes
 * by (jb_build_index_unchanged's answer): one read of the index, not two (at 100000
 * articles 23 MB read twice, and a line's CRC apart from its comparison, were a fifth of a
 * no-op build's CPU time). */
void jb_build_index_load(Ctx *c, gboolean compare)
{
    JbIndex *x = &c->index;
    x->on = TRUE;
    x->unchanged = FALSE;
    outputs_new(c);
    g_autofree char *path = g_build_filename(c->out_dir, ".index", NULL);
    FILE *f = open_index(path);
    if (!f)
        return;
    /* (a no-op build reads it whole: 23 MB at 100000 articles, 4 KB a read by default;
     * glibc sizes a buffer it allocates itself by the file's block size, whatever it is asked) */
    x->file_buf = g_malloc(INDEX_BUF);
    setvbuf(f, x->file_buf, _IOFBF, INDEX_BUF);
    unsigned long crc = 0;
    char digest[65] = "";
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f);
    gboolean ok = n > 0 && line[n - 1] == '\n' && n < 128 &&
                  sscanf(line, INDEX_MAGIC " %8lx %64s", &crc, digest) == 2;
    guint64 at = ok ? (guint64)n : 0, articles_len = 0, rest_len = 0;
    /* the body's CRC is that of the article lines' combined with the rest's: each byte is
     * run through crc32 once (twice was 7% of a no-op build's CPU time) */
    uLong articles = crc32_z(0, NULL, 0), rest = articles;
    gboolean in_articles = TRUE;
    Compare k = {c,
                 {c->base, g_string_new(NULL), -1, g_string_new(NULL)},
                 0,
                 compare && strlen(digest) == 64};
    while (ok && (n = getline(&line, &cap, f)) > 0) {
        ok = line[n - 1] == '\n';
        if (in_articles && n >= 4 && memcmp(line, "out ", 4) == 0)
            in_articles = FALSE;
        if (in_articles) {
            articles = crc32_z(articles, (const Bytef *)line, (gsize)n);
            articles_len += (guint64)n;
            if (ok)
                compare_line(&k, line, (gsize)n);
        } else {
            rest = crc32_z(rest, (const Bytef *)line, (gsize)n);
            rest_len += (guint64)n;
            output_rec(c, line, line + n - 1);
        }
    }
    uLong body = crc32_combine64(articles, rest, (z_off64_t)rest_len);
    free(line);
    if (k.st.fd >= 0)
        close(k.st.fd);
    g_string_free(k.st.dir, TRUE);
    g_string_free(k.st.path, TRUE);
    if (!ok || ferror(f) || body != crc) {
        fclose(f);
        g_clear_pointer(&x->file_buf, g_free);
        g_hash_table_remove_all(c->old_outputs);
        return;
    }
    x->file = f;
    x->articles_at = at;
    x->articles_len = articles_len;
    x->articles_crc = articles;
    if (strlen(digest) == 64)
        memcpy(x->stored_digest, digest, 65);
    x->unchanged = k.same && k.next == jb_build_inputs_count(c->inputs);
    cursor_reset(x);
}

/* Lookups come in the bytewise order of the names (Ctx.inputs'): the cursor moves on to the
 * first record not before `name`. One out of order (none is) finds nothing: a read. */
char *jb_build_index_lookup(Ctx *c, const char *name, const char *sig, char stmt[65])
{
    if (stmt)
        stmt[0] = 0;
    JbIndex *x = &c->index;
    if (!sig || !x->file)
        return NULL;
    if (!x->started) {
        x->started = TRUE;
        cursor_next(x);
    }
    Rec r;
    int d = -1;
    while (cursor_rec(x, &r) && (d = name_cmp(r.name, r.end, name)) < 0)
        cursor_next(x);
    if (!x->line_ok || !cursor_rec(x, &r) || d != 0 || !sig_eq(&r, sig))
        return NULL; /* (a damaged line ends what the index vouches for) */
    if (stmt && strspn(r.stmt, "0") < 64) {
        memcpy(stmt, r.stmt, 64);
        stmt[64] = 0;
    }
    return g_strndup(r.hash, 64);
}

gboolean jb_build_index_unchanged(Ctx *c, char digest[65])
{
    JbIndex *x = &c->index;
    if (!x->file || !x->stored_digest[0] || !x->unchanged)
        return FALSE;
    memcpy(digest, x->stored_digest, 65);
    return TRUE;
}

/* ---- recording ------------------------------------------------------------------------------ */

/* This build's records are written out as they are made (JbIndex.fresh, a file of no name
 * in OUT, or one in the temporary directory), not held: an article recorded says so
 * (Article.recorded, in its record in Ctx.arts, also on disk), because an article extracted
 * in this run learns its statements digest later; the lines are written with what is known,
 * and the digests are put in when the index is written, or before, when the build is done
 * with its articles (jb_build_index_seal: the lines are copied to a second file with them).
 * At 100000 articles the records held (their signatures and 24 bytes each) were 10 MB of a
 * changed build's peak, and a pointer to each record's Article 0.8 MB until 2026-12-07. */
FILE *jb_build_index_fresh_file(const Ctx *c)
{
    int fd = open(c->out_dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w+") : NULL;
    if (fd >= 0 && !f)
        close(fd);
    return f ? f : tmpfile();
}

/* The line of a record. */
static void rec_format(GString *out, const Article *a, const char *sig)
{
    char hash[65], stmt[65];
    jb_build_digest_hex(a->hash, hash);
    if (a->has_stmt)
        jb_build_digest_hex(a->stmt, stmt);
    /* pieces, not a printf: GLib's printf cost ~7000 instructions a line */
    g_string_append_len(out, hash, 64);
    g_string_append_c(out, ' ');
    g_string_append_len(out, a->has_stmt ? stmt : JB_BUILD_NO_STMT, 64);
    g_string_append_c(out, ' ');
    g_string_append(out, sig);
    g_string_append_c(out, ' ');
    name_escape(out, a->name);
    g_string_append_c(out, '\n');
}

void jb_build_index_record(Ctx *c, Article *a, const char *sig, gboolean racy)
{
    JbIndex *x = &c->index;
    if (!x->on || !sig || racy || x->fresh_lost || x->all_sealed)
        return;
    const char *name = a->name;
    char hash[65], stmt[65] = "";
    jb_build_digest_hex(a->hash, hash);
    if (a->has_stmt)
        jb_build_digest_hex(a->stmt, stmt);
    /* Records are made in the order of Ctx.inputs, bytewise: the file stays sorted. One out
     * of order (none is) is left out: it costs a read next time, never a wrong answer. */
    if (x->last && strcmp(x->last, name) >= 0)
        return;
    x->last = name;
    char was_stmt[65];
    g_autofree char *was = jb_build_index_lookup(c, name, sig, was_stmt);
    if (!was || strcmp(was, hash) != 0 || !*stmt || strcmp(was_stmt, stmt) != 0)
        x->grew = TRUE;
    if (!x->fresh)
        x->fresh = jb_build_index_fresh_file(c);
    g_autoptr(GString) line = g_string_sized_new(256);
    rec_format(line, a, sig);
    if (!x->fresh || fwrite(line->str, 1, line->len, x->fresh) != line->len) {
        x->fresh_lost = TRUE; /* none is recorded: the next build reads every article */
        return;
    }
    a->recorded = TRUE;
    x->fresh_n++;
}

/* Read this build's records back, each with its article's statements digest as it is now,
 * and write them to `f` (NULL: only their CRC-32, from `crc`, which is returned). */
static uLong fresh_write(Ctx *c, JbAtomicFile *f, uLong crc, GError **error, gboolean *ok)
{
    JbIndex *x = &c->index;
    guint total = x->fresh_n;
    x->fill_art = 0;
    if (!x->fresh || fflush(x->fresh) != 0 || fseeko(x->fresh, 0, SEEK_SET) != 0) {
        *ok = *ok && total == 0;
        return crc;
    }
    g_autoptr(GString) buf = g_string_sized_new(1 << 16);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    guint i = 0;
    for (; *ok && i < total && (n = getline(&line, &cap, x->fresh)) > 65 + 64; i++) {
        if (!jb_build_index_fresh_fill(c, line))
            break;
        g_string_append_len(buf, line, n);
        if (buf->len < (1u << 16) && i + 1 < total)
            continue;
        if (f)
            *ok = jb_atomic_write(f, buf->str, buf->len, error);
        else
            crc = crc32_z(crc, (const Bytef *)buf->str, buf->len);
        g_string_truncate(buf, 0);
    }
    free(line);
    if (*ok && i < total) {
        *ok = FALSE;
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, ".index: its records cannot be read back");
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

/* The old index's article lines, as they were, into `f`, 64 KB at a time. */
static gboolean copy_articles(JbIndex *x, JbAtomicFile *f, GError **error)
{
    g_autofree char *buf = g_malloc(1 << 16);
    gboolean ok = fseeko(x->file, (off_t)x->articles_at, SEEK_SET) == 0;
    for (guint64 left = x->articles_len; ok && left;) {
        size_t n = fread(buf, 1, (size_t)MIN(left, (guint64)1 << 16), x->file);
        ok = n > 0 && jb_atomic_write(f, buf, n, error);
        left -= n;
    }
    if (!ok && error && !*error)
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, ".index: the old index cannot be read again");
    cursor_reset(x);
    return ok;
}

gboolean jb_build_index_save(Ctx *c, gboolean kept, const char *digest, guint n_inputs,
                             GError **error)
{
    JbIndex *x = &c->index;
    /* The article records are written from where they are (the old text or this build's
     * records), never copied into one more buffer: two copies of 16 MB at 100000 articles
     * were most of a changed build's peak memory. The CRC of the header is of the body, so
     * it is computed over the pieces first. */
    gboolean recs = kept && x->file; /* the articles are the old index's, as they were */
    if (!recs && (x->fresh_lost || x->fresh_n != n_inputs)) {
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
    uLong crc = recs ? x->articles_crc : fresh_write(c, NULL, crc32_z(0, NULL, 0), error, &ok);
    if (!ok)
        return FALSE;
    crc = crc32_z(crc, (const Bytef *)outs->str, outs->len);
    g_autofree char *head = g_strdup_printf(INDEX_MAGIC " %08lx %s\n", (unsigned long)crc,
                                            digest && strlen(digest) == 64 ? digest : "-");
    g_autofree char *path = g_build_filename(c->out_dir, ".index", NULL);
    JbAtomicFile *f = jb_build_out_open(c, path, JB_ATOMIC_NO_SYNC | JB_ATOMIC_REGULAR_ONLY, error);
    if (!f)
        return FALSE;
    if (!jb_atomic_write(f, head, strlen(head), error) ||
        !(recs ? copy_articles(x, f, error) : (fresh_write(c, f, 0, error, &ok), ok)) ||
        !jb_atomic_write(f, outs->str, outs->len, error)) {
        jb_atomic_abort(f);
        return FALSE;
    }
    return jb_atomic_commit(f, error);
}

void jb_build_index_forget_old(Ctx *c)
{
    JbIndex *x = &c->index;
    if (x->file)
        fclose(x->file);
    x->file = NULL;
    g_clear_pointer(&x->file_buf, g_free);
    g_clear_pointer(&x->line, free);
    x->line_cap = 0;
    x->line_ok = FALSE;
}

void jb_build_index_clear(Ctx *c)
{
    JbIndex *x = &c->index;
    jb_build_index_forget_old(c);
    if (x->fresh)
        fclose(x->fresh);
    if (x->sealing)
        fclose(x->sealing);
    free(x->seal_line);
    g_clear_pointer(&c->old_outputs, g_hash_table_unref);
    g_clear_pointer(&c->new_outputs, g_hash_table_unref);
    memset(x, 0, sizeof *x);
}
