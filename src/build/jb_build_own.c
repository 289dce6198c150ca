/* jb_build_own.c — a build removes only what a build recorded writing.
 *
 * Two ledgers, append-only lists of names, one a line:
 *  - OUT/.cache/.jianbao-written: every cache file a jianbao process of this output (a build,
 *    a unit on another node) writes, recorded before it is written (jb_build_cache_claim).
 *    After a complete build the sweep removes an unused, old product only if it is named
 *    there, a temporary file `.KEY.EXT.XXXXXX.jbtmp` only if KEY.EXT is, and rewrites the
 *    ledger as what is still there (so it grows with the cache, not with the builds).
 *  - OUT/.jianbao-temps: the temporary files a build made beside its outputs (OUT,
 *    OUT/charts) and its cache's ledger (OUT/.cache), each recorded before it is created
 *    (jb_build_out_open: a kill -9 at any moment leaves none unrecorded), and marked `!NAME`
 *    when that name was found taken (someone else's file). The next build removes those a
 *    killed run left, then the ledger.
 * Matching jianbao's names is not enough: with output=. the cache is ./.cache, which other
 * programs may use (a file named by its SHA-256 is common), and a user's `.x.abc123.jbtmp`
 * is the user's. Both were removed by their names alone.
 *
 * The price is leaks, never a wrong removal: a file whose record was lost is never swept (a
 * line a unit on another node appends in the instant the sweep replaces the ledger; a cache
 * from before the ledgers existed: delete OUT/.cache by hand, it costs one full rebuild).
 *
 * Every write into OUT goes through descriptors of its directories opened here without
 * following symlinks (OUT itself as the project names it, OUT/.cache, OUT/charts): the
 * build's own writes by jb_atomic_openat, the chart's and briefing's (which take a path)
 * through anchors (jb_atomic_anchor). A symlink put at OUT/.cache while a build runs, or
 * at OUT/charts, cannot send a file outside OUT.
 *
 * Not for: what is in use (jb_build.c's `live`), claiming a cache name (jb_build_store.c).
 */
#include "jb_build_priv.h"

#include "jb_atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_LEDGER ".jianbao-written"
#define TEMPS_LEDGER ".jianbao-temps"

/* Cache files younger than this are never swept: a unit on another machine may be
 * writing them right now. */
#define SWEEP_AGE_SECONDS (15 * 60)

struct JbBuildOwn {
    GMutex lock;            /* the writers of the cache are the extraction and render threads */
    int cache_fd, temps_fd; /* the ledgers, opened for appending on first use; -1 */
    int out_dfd, cache_dfd; /* OUT and OUT/.cache (anchored), from jb_build_own_open; -1 */
};

JbBuildOwn *jb_build_own_new(void)
{
    JbBuildOwn *o = g_new0(JbBuildOwn, 1);
    g_mutex_init(&o->lock);
    o->cache_fd = o->temps_fd = o->out_dfd = o->cache_dfd = -1;
    return o;
}

void jb_build_own_free(JbBuildOwn *o)
{
    if (!o)
        return;
    if (o->cache_fd >= 0)
        close(o->cache_fd);
    if (o->temps_fd >= 0)
        close(o->temps_fd);
    if (o->cache_dfd >= 0) {
        jb_atomic_unanchor(o->cache_dfd);
        close(o->cache_dfd);
    }
    if (o->out_dfd >= 0) {
        jb_atomic_unanchor(o->out_dfd);
        close(o->out_dfd);
    }
    g_mutex_clear(&o->lock);
    g_free(o);
}

/* ---- names ---------------------------------------------------------------------------- */

/* jb_atomic's temporary files: `.NAME.XXXXXX.jbtmp`. */
static gboolean is_temp_name(const char *name)
{
    gsize n = strlen(name);
    if (n < 1 + 1 + 7 + 6 || name[0] != '.' || !g_str_has_suffix(name, ".jbtmp"))
        return FALSE;
    const char *r = name + n - 6 - 7; /* the dot before XXXXXX */
    if (*r != '.' || r == name)
        return FALSE;
    for (int i = 1; i <= 6; i++)
        if (!g_ascii_isalnum(r[i]))
            return FALSE;
    return strchr(name, '/') == NULL;
}

/* A cache product's name: KEY.EXT (KEY 64 hex digits, EXT letters, digits and dots). */
static gboolean is_product_name(const char *name)
{
    for (int i = 0; i < 64; i++)
        if (!g_ascii_isxdigit(name[i]))
            return FALSE;
    if (name[64] != '.' || !name[65])
        return FALSE;
    for (const char *e = name + 65; *e; e++)
        if (!g_ascii_isalnum(*e) && *e != '.')
            return FALSE;
    return TRUE;
}

/* ---- the directories ------------------------------------------------------------------ */

static gboolean dir_error(GError **error, const char *dir, const char *what)
{
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", dir, what);
    return FALSE;
}

/* OUT/.cache is a directory or absent: a symlink there (out/.cache → elsewhere) had the
 * cache written outside OUT, and is refused, its target untouched; with output=. the link
 * may be the user's own (~/.cache), so it is not removed either. */
static gboolean cache_dir_error(const Ctx *c, gboolean link, GError **error)
{
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT,
                "%s: %s; the build keeps its cache only inside the output directory: remove it",
                c->cache_dir, link ? "a symlink" : "not a directory");
    return FALSE;
}

/* Directory `name` in `dfd`, made (0777 less the umask) when absent, never through a
 * symlink: one there is removed and a directory made in its place when `replace_link`
 * (out/charts: the build's own name), else ELOOP. A descriptor, or -1 with errno. */
static int subdir(int dfd, const char *name, gboolean replace_link)
{
    for (int attempt = 0; attempt < 3; attempt++) {
        int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd >= 0)
            return fd;
        struct stat st;
        if (errno == ENOENT) {
            if (mkdirat(dfd, name, 0777) != 0 && errno != EEXIST)
                return -1;
        } else if ((errno == ELOOP || errno == ENOTDIR) &&
                   fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
            if (!replace_link) {
                errno = ELOOP;
                return -1;
            }
            if (unlinkat(dfd, name, 0) != 0 && errno != ENOENT)
                return -1;
        } else {
            return -1;
        }
    }
    errno = ELOOP; /* (someone keeps putting links there) */
    return -1;
}

gboolean jb_build_own_open(Ctx *c, GError **error)
{
    JbBuildOwn *o = c->own;
    if (o->out_dfd >= 0)
        return TRUE;
    struct stat st;
    if (lstat(c->cache_dir, &st) == 0 && !S_ISDIR(st.st_mode))
        return cache_dir_error(c, S_ISLNK(st.st_mode), error);
    if (g_mkdir_with_parents(c->out_dir, 0777) != 0)
        return dir_error(error, c->out_dir, g_strerror(errno));
    /* OUT as the project names it (a symlink the user made is theirs), then only it */
    o->out_dfd = open(c->out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (o->out_dfd < 0)
        return dir_error(error, c->out_dir, g_strerror(errno));
    o->cache_dfd = subdir(o->out_dfd, ".cache", FALSE);
    if (o->cache_dfd < 0)
        return errno == ELOOP || errno == ENOTDIR
                   ? cache_dir_error(c, errno == ELOOP, error)
                   : dir_error(error, c->cache_dir, g_strerror(errno));
    jb_atomic_anchor(c->out_dir, o->out_dfd);
    jb_atomic_anchor(c->cache_dir, o->cache_dfd);
    return TRUE;
}

/* ---- recording ------------------------------------------------------------------------ */

/* Open ledger `name` in directory `dfd` for appending (made 0666 less the umask). Its name
 * is the build's own: a FIFO, socket, device or symlink planted there is removed first (a
 * symlink's target is never opened). -1 with errno. */
static int ledger_open(int dfd, const char *name)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        int fd = openat(dfd, name,
                        O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
        struct stat st;
        if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
            return fd;
        int e = errno;
        if (fd >= 0)
            close(fd);
        else if (e != ELOOP && e != ENXIO)
            return -1;
        unlinkat(dfd, name, 0);
    }
    errno = EINVAL;
    return -1;
}

/* Append `name` (after `prefix`) as a line: one write(2), so lines of processes appending at
 * once (O_APPEND) do not mix. */
static gboolean ledger_add(JbBuildOwn *o, int *fd, int dfd, const char *dir, const char *ledger,
                           const char *prefix, const char *name, GError **error)
{
    g_autofree char *line = g_strconcat(prefix, name, "\n", NULL);
    gsize n = strlen(line);
    g_mutex_lock(&o->lock);
    errno = EBADF; /* (dfd -1: jb_build_own_open was not called) */
    if (*fd < 0 && dfd >= 0)
        *fd = ledger_open(dfd, ledger);
    ssize_t w = *fd < 0 ? -1 : write(*fd, line, n);
    int e = w < 0 ? errno : ENOSPC; /* (a short write: the disk filled) */
    g_mutex_unlock(&o->lock);
    if (w == (ssize_t)n)
        return TRUE;
    g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s/%s: %s", dir, ledger, g_strerror(e));
    return FALSE;
}

gboolean jb_build_cache_claim(const Ctx *c, const char *path, GError **error)
{
    JbBuildOwn *o = c->own;
    g_autofree char *name = g_path_get_basename(path);
    if (!ledger_add(o, &o->cache_fd, o->cache_dfd, c->cache_dir, CACHE_LEDGER, "", name, error))
        return FALSE;
    struct stat st;
    if (fstatat(o->cache_dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode) &&
        !S_ISDIR(st.st_mode))
        unlinkat(o->cache_dfd, name, 0);
    return TRUE;
}

typedef struct {
    const Ctx *c;
    const char *dir; /* the temporary file's directory relative to OUT: "", "charts", ".cache" */
} TempRecord;

/* JbAtomicRecord: the temporary file goes in OUT's ledger before it is made. */
static gboolean record_temp(const char *tmp_name, gboolean taken, gpointer data, GError **error)
{
    TempRecord *t = data;
    JbBuildOwn *o = t->c->own;
    g_autofree char *rel = *t->dir ? g_strconcat(t->dir, "/", tmp_name, NULL) : g_strdup(tmp_name);
    return ledger_add(o, &o->temps_fd, o->out_dfd, t->c->out_dir, TEMPS_LEDGER, taken ? "!" : "",
                      rel, error);
}

/* jb_atomic_openat for `rel_dir`/`name` under OUT (rel_dir "" or one directory), its
 * temporary file recorded. */
static JbAtomicFile *open_in_out(const Ctx *c, const char *rel_dir, const char *name,
                                 const char *path, JbAtomicFlags flags, GError **error)
{
    JbBuildOwn *o = c->own;
    int dfd = !*rel_dir                        ? o->out_dfd
              : strcmp(rel_dir, ".cache") == 0 ? o->cache_dfd
                                               : subdir(o->out_dfd, rel_dir, TRUE);
    if (dfd < 0) {
        g_autofree char *dir = g_build_filename(c->out_dir, rel_dir, NULL);
        g_set_error(error, JB_ERROR, JB_ERROR_OUTPUT, "%s: %s", dir,
                    errno == ENOTDIR ? "not a directory: remove it" : g_strerror(errno));
        return NULL;
    }
    TempRecord t = {c, rel_dir};
    JbAtomicFile *f = jb_atomic_openat(dfd, name, path, flags, record_temp, &t, error);
    if (dfd != o->out_dfd && dfd != o->cache_dfd)
        close(dfd);
    return f;
}

JbAtomicFile *jb_build_out_open(const Ctx *c, const char *path, JbAtomicFlags flags, GError **error)
{
    gsize n = strlen(c->out_dir);
    while (n > 1 && c->out_dir[n - 1] == G_DIR_SEPARATOR)
        n--;
    if (c->own->out_dfd < 0 || strncmp(path, c->out_dir, n) != 0 || path[n] != G_DIR_SEPARATOR)
        return jb_atomic_open(path, flags, error); /* (not one of OUT's own: not recorded) */
    const char *rel = path + n + 1;
    const char *slash = strrchr(rel, G_DIR_SEPARATOR);
    if (slash && strchr(rel, G_DIR_SEPARATOR) != slash)
        return jb_atomic_open(path, flags, error); /* (deeper than OUT's own directories) */
    g_autofree char *dir = slash ? g_strndup(rel, (gsize)(slash - rel)) : g_strdup("");
    return open_in_out(c, dir, slash ? slash + 1 : rel, path, flags, error);
}

gboolean jb_build_out_write(const Ctx *c, const char *path, const void *data, gsize len,
                            JbAtomicFlags flags, GError **error)
{
    JbAtomicFile *f = jb_build_out_open(c, path, flags, error);
    if (!f || !jb_atomic_write(f, data, len, error)) {
        jb_atomic_abort(f);
        return FALSE;
    }
    return jb_atomic_commit(f, error);
}

/* ---- sweeping ------------------------------------------------------------------------- */

static gint cmp_line(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(GPtrArray *lines)
{
    g_ptr_array_sort(lines, cmp_line);
    guint k = 0;
    for (guint i = 0; i < lines->len; i++)
        if (k == 0 || strcmp(g_ptr_array_index(lines, k - 1), g_ptr_array_index(lines, i)) != 0)
            lines->pdata[k++] = lines->pdata[i];
    g_ptr_array_set_size(lines, k);
}

/* The lines of ledger `name` in directory `dfd` (read without waiting, never through a
 * symlink) that `valid` accepts, sorted and unique: pointers into *text (caller frees both).
 * Lines `!NAME` (a name found taken) go to *taken likewise when it is given (else nowhere).
 * *fd is left open at its end when `fd` is given (for lines appended meanwhile). */
static GPtrArray *ledger_read(int dfd, const char *name, gboolean (*valid)(const char *),
                              GString **text, int *fd, GPtrArray **taken)
{
    GPtrArray *lines = g_ptr_array_new();
    if (taken)
        *taken = g_ptr_array_new();
    *text = g_string_new(NULL);
    int lfd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (lfd < 0 || fstat(lfd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (lfd >= 0)
            close(lfd);
        return lines;
    }
    char buf[1 << 16];
    ssize_t r;
    while ((r = read(lfd, buf, sizeof buf)) > 0)
        g_string_append_len(*text, buf, r);
    if (fd)
        *fd = lfd;
    else
        close(lfd);
    for (char *p = (*text)->str, *end = p + (*text)->len; p < end;) {
        char *nl = memchr(p, '\n', (gsize)(end - p));
        if (!nl)
            break; /* a line being written, or cut by a full disk */
        *nl = 0;
        if (valid(p))
            g_ptr_array_add(lines, p);
        else if (taken && *p == '!' && valid(p + 1))
            g_ptr_array_add(*taken, p + 1);
        p = nl + 1;
    }
    sort_unique(lines);
    if (taken)
        sort_unique(*taken);
    return lines;
}

static int cmp_name(const void *key, const void *elem)
{
    return strcmp(key, *(char *const *)elem);
}

static gboolean listed(const GPtrArray *lines, const char *name)
{
    return lines->len && bsearch(name, lines->pdata, lines->len, sizeof(char *), cmp_name);
}

/* The directories under OUT a build's temporary files are in (jb_build_out_open's, and the
 * cache's ledger's), besides OUT itself. */
static const char *const TEMP_DIRS[] = {"charts/", ".cache/"};

/* A path relative to OUT a build's temporary file can have: NAME, charts/NAME, .cache/NAME. */
static gboolean is_out_temp(const char *rel)
{
    for (guint i = 0; i < G_N_ELEMENTS(TEMP_DIRS); i++)
        if (g_str_has_prefix(rel, TEMP_DIRS[i]))
            return is_temp_name(rel + strlen(TEMP_DIRS[i]));
    return is_temp_name(rel);
}

/* Remove temporary file `rel` (is_out_temp) under OUT (`dfd`) if it is a regular file. */
static void remove_temp(int dfd, const char *rel)
{
    const char *slash = strchr(rel, '/');
    g_autofree char *dir = slash ? g_strndup(rel, (gsize)(slash - rel)) : NULL;
    /* (charts/ a symlink: its file is not ours; the publisher replaces the link) */
    int sub = dir ? openat(dfd, dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : dfd;
    const char *base = slash ? slash + 1 : rel;
    struct stat st;
    if (sub >= 0 && fstatat(sub, base, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
        unlinkat(sub, base, 0);
    if (sub >= 0 && sub != dfd)
        close(sub);
}

void jb_build_sweep_temps(Ctx *c)
{
    if (!c->locked || c->own->out_dfd < 0)
        return; /* (a unit: the build holding the lock may be publishing) */
    int dfd = c->own->out_dfd;
    GString *text = NULL;
    GPtrArray *taken = NULL;
    g_autoptr(GPtrArray) temps = ledger_read(dfd, TEMPS_LEDGER, is_out_temp, &text, NULL, &taken);
    for (guint i = 0; i < temps->len; i++)
        if (!listed(taken, g_ptr_array_index(temps, i))) /* (a name found someone else's) */
            remove_temp(dfd, g_ptr_array_index(temps, i));
    g_ptr_array_unref(taken);
    g_string_free(text, TRUE);
    /* every file it names is gone (or was renamed into place): this run's go in a new one */
    g_mutex_lock(&c->own->lock);
    if (c->own->temps_fd >= 0)
        close(c->own->temps_fd);
    c->own->temps_fd = -1;
    unlinkat(dfd, TEMPS_LEDGER, 0);
    g_mutex_unlock(&c->own->lock);
}

void jb_build_names_add_key(JbStrSort *s, const char key[65], const char *ext)
{
    char name[64 + 1 + 64];
    g_snprintf(name, sizeof name, "%s.%s", key, ext);
    jb_strsort_add(s, name, -1);
}

/* A list of names read in order beside the cache's (a cursor on a JbStrSort). */
typedef struct {
    JbStrSort *names; /* NULL: none */
    const char *at;   /* the name under the cursor (NULL: past the last) */
    gboolean started;
} Cursor;

/* Whether `name` is in `c`, whose cursor moves on to it (names are asked in order). */
static gboolean cursor_has(Cursor *c, const char *name, gsize len)
{
    if (!c->names)
        return FALSE;
    if (!c->started) {
        c->started = TRUE;
        c->at = jb_strsort_next(c->names);
    }
    for (; c->at; c->at = jb_strsort_next(c->names)) {
        int d = strncmp(c->at, name, len);
        d = d ? d : c->at[len] ? 1 : 0; /* (a longer name is after it) */
        if (d >= 0)
            return d == 0;
    }
    return FALSE;
}

typedef struct {
    Cursor live;  /* names in use (no names: keep every product) */
    Cursor owned; /* the ledger's names */
    gint64 now;
    gboolean any_age;  /* out of space: unused products whatever their age */
    GString *kept;     /* the new ledger's next lines: products still there */
    JbAtomicFile *out; /* the new ledger, written 64 KB at a time (not held: 100000 products'
                        * names were 17 MB of a changed build's peak); NULL: none is */
    gboolean lost;     /* a list lost names: nothing more is removed, nor the ledger rewritten */
} CacheSweep;

/* `name` into the new ledger. */
static void kept_add(CacheSweep *s, const char *name, gboolean flush)
{
    if (name) {
        g_string_append(s->kept, name);
        g_string_append_c(s->kept, '\n');
    }
    if (s->kept->len < (1u << 16) && !flush)
        return;
    if (s->out && !jb_atomic_write(s->out, s->kept->str, s->kept->len, NULL))
        g_clear_pointer(&s->out, jb_atomic_abort); /* the ledger stays as it was */
    g_string_truncate(s->kept, 0);
}

/* What the sweep does with cache entry `entry` (sweep_cache's list: a product's name, or a
 * temporary file's as BASE LF NAME), in the order of the lists. */
static void sweep_one(int dfd, const char *entry, CacheSweep *s)
{
    const char *lf = strchr(entry, '\n');
    gsize base = lf ? (gsize)(lf - entry) : strlen(entry);
    gboolean live = cursor_has(&s->live, entry, base), owned = cursor_has(&s->owned, entry, base);
    s->lost |= (s->live.names && jb_strsort_lost(s->live.names)) || jb_strsort_lost(s->owned.names);
    if (s->lost)
        return; /* (a name that is not found may be one that was lost) */
    struct stat st;
    if (!lf) {
        if (live) {
            kept_add(s, entry, FALSE); /* in use: no stat */
            return;
        }
        if (!owned)
            return; /* not ours: not recorded either */
        if (fstatat(dfd, entry, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
            (s->any_age || s->now - (gint64)st.st_mtime >= SWEEP_AGE_SECONDS) &&
            unlinkat(dfd, entry, 0) == 0)
            return;
        kept_add(s, entry, FALSE);
        return;
    }
    if (!owned && !live)
        return;
    if (fstatat(dfd, lf + 1, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
        s->now - (gint64)st.st_mtime >= SWEEP_AGE_SECONDS)
        unlinkat(dfd, lf + 1, 0);
}

/* A line of the cache's ledger into `s` when it names a product (up to a NUL in it, as C
 * reads it). */
static void ledger_line(JbStrSort *s, const char *p, gsize n)
{
    char small[256];
    char *line = n < sizeof small ? small : g_malloc(n + 1);
    memcpy(line, p, n);
    line[n] = 0;
    if (is_product_name(line))
        jb_strsort_add(s, line, -1);
    if (line != small)
        g_free(line);
}

/* The names the cache's ledger (`lfd`, read to its end) records, read 64 KB at a time and
 * sorted on disk: its text and an array of its lines were 19 MB of a build's peak at 100000
 * articles, a set of them 2 MB until 2026-12-07. A last line without its LF (being written,
 * or cut by a full disk) is none. */
static JbStrSort *ledger_names(int lfd)
{
    JbStrSort *s = jb_strsort_new(0);
    g_autoptr(GString) part = g_string_new(NULL); /* a line the last read cut */
    char buf[1 << 16];
    ssize_t r;
    while (lfd >= 0 && (r = read(lfd, buf, sizeof buf)) > 0) {
        const char *p = buf, *end = buf + r;
        for (const char *nl; (nl = memchr(p, '\n', (gsize)(end - p))) != NULL; p = nl + 1) {
            if (part->len) {
                g_string_append_len(part, p, nl - p);
                ledger_line(s, part->str, part->len);
                g_string_truncate(part, 0);
            } else {
                ledger_line(s, p, (gsize)(nl - p));
            }
        }
        g_string_append_len(part, p, end - p);
    }
    return s;
}

/* The cache's files the sweep looks at (products only when `products`), sorted on disk: a
 * product by its name, a temporary file `.KEY.EXT.XXXXXX.jbtmp` as KEY.EXT, LF, its name (so
 * right after its product: the list's order is the names' it is looked up by). */
static JbStrSort *cache_entries(int dfd, gboolean products)
{
    JbStrSort *s = jb_strsort_new(0);
    DIR *d = fdopendir(dup(dfd));
    g_autoptr(GString) t = g_string_new(NULL);
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        const char *name = e->d_name;
        if (is_product_name(name)) {
            if (products)
                jb_strsort_add(s, name, -1);
        } else if (is_temp_name(name) && is_product_name(name + 1)) {
            g_string_assign(t, name + 1);
            g_string_truncate(t, strlen(name) - 1 - 13); /* less .XXXXXX.jbtmp */
            g_string_append_c(t, '\n');
            g_string_append(t, name);
            jb_strsort_add(s, t->str, (gssize)t->len);
        }
    }
    if (d)
        closedir(d);
    return s;
}

/* The cache ledger's lines appended since it was read (a unit writing), kept as they came;
 * the new ledger in place, and this process's appends go to it. */
static void ledger_finish(Ctx *c, CacheSweep *s, int lfd)
{
    char buf[1 << 16];
    ssize_t r;
    while ((r = read(lfd, buf, sizeof buf)) > 0) {
        g_string_append_len(s->kept, buf, r);
        kept_add(s, NULL, FALSE);
    }
    kept_add(s, NULL, TRUE);
    if (s->out && !s->lost)
        jb_atomic_commit(g_steal_pointer(&s->out), NULL);
    g_clear_pointer(&s->out, jb_atomic_abort); /* (a list lost names: it stays as it was) */
    g_mutex_lock(&c->own->lock);
    if (c->own->cache_fd >= 0)
        close(c->own->cache_fd);
    c->own->cache_fd = -1;
    g_mutex_unlock(&c->own->lock);
}

/* The cache's ledger opened for reading (never through a symlink, without waiting), or -1. */
static int ledger_open_read(int dfd)
{
    int lfd = openat(dfd, CACHE_LEDGER, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (lfd >= 0 && (fstat(lfd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(lfd);
        lfd = -1;
    }
    return lfd;
}

/* The cache's files (sweep_one), then its ledger rewritten as what is left. The names in
 * use, the ledger's and the directory's are three lists sorted on disk, read side by side
 * in order (until 2026-12-07 two sets of 20 bytes a name, 4 MB at 100000 articles, after the
 * series was freed). */
static void sweep_cache(Ctx *c, JbStrSort *live)
{
    int dfd = c->own->cache_dfd >= 0
                  ? fcntl(c->own->cache_dfd, F_DUPFD_CLOEXEC, 0)
                  : open(c->cache_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0)
        return; /* (none, or a symlink: a cache linked elsewhere is not swept) */
    int lfd = ledger_open_read(dfd);
    CacheSweep s = {.live = {live, NULL, FALSE},
                    .owned = {ledger_names(lfd), NULL, FALSE},
                    .now = g_get_real_time() / G_USEC_PER_SEC,
                    .any_age = c->out_of_space,
                    .kept = g_string_new(NULL)};
    g_autofree char *path = g_build_filename(c->cache_dir, CACHE_LEDGER, NULL);
    /* Rewritten as what is still there (with `live`); a ledger that cannot be rewritten
     * stays as it was: it names more, never less. Its temporary file is recorded as an
     * output's is (and is no product: the sweep passes over it). */
    if (live && lfd >= 0)
        s.out = open_in_out(c, ".cache", CACHE_LEDGER, path,
                            JB_ATOMIC_NO_SYNC | JB_ATOMIC_REGULAR_ONLY, NULL);
    /* (without `live`, temporary files only: no stat of every product, 100000 of them after
     * an edit that changed no statement) */
    JbStrSort *entries = cache_entries(dfd, live != NULL);
    for (const char *e; (e = jb_strsort_next(entries)) != NULL;)
        sweep_one(dfd, e, &s);
    s.lost |= jb_strsort_lost(entries); /* (a file not listed is not in the new ledger) */
    jb_strsort_free(entries);
    if (live && lfd >= 0)
        ledger_finish(c, &s, lfd);
    if (lfd >= 0)
        close(lfd);
    g_string_free(s.kept, TRUE);
    jb_strsort_free(s.owned.names);
    close(dfd);
}

void jb_build_sweep(Ctx *c, JbStrSort *live)
{
    sweep_cache(c, live);
    jb_build_sweep_temps(c); /* last: the cache ledger's temporary file is recorded there */
}
