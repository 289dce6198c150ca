/* jb_build_inputs.c — the articles the project's globs match, as a sorted list on disk.
 *
 * The names are sorted bytewise and unique (the order is a function of the set of names,
 * not of the locale, as glob's strcoll is, nor of the order of the globs) and relative to the
 * project's directory when the glob is (so neither the spelling of the project's path nor
 * the working directory changes a name, a cache key or the source column). They are written,
 * NUL after each, to a temporary file, their offsets to another, and both mapped read-only:
 * a name's pointer is good for the whole build, and its page is the kernel's, dropped from the
 * process (jb_build_inputs_drop) and read again from the page cache when it is wanted. A
 * directory's entries are matched as they are read (readdir and fnmatch, as glob does) and
 * sorted in runs of JB_BUILD_INPUTS_RUN bytes written out and merged (jb_strsort.h, as the
 * sweep's lists of cache names are): a build holds neither glob's list of 100000 names nor a
 * copy of it (48 bytes an article, the whole build, and glob's own list, as many again, at a
 * no-op build's peak until 2026-12-07). A pattern with
 * wildcards before its last component, or a backslash, goes to glob(3) as before (held while
 * it is sorted). Where no temporary file can be made or mapped, the names are held.
 *
 * Not for: reading the articles (jb_build_steps.c).
 */
#include "jb_build_priv.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Bytes of names sorted in memory at a time before a run is written out. */
#define JB_BUILD_INPUTS_RUN ((gsize)1 << 20)
/* Bytes of the list written at a time. */
#define WRITE_BUF ((gsize)1 << 16)

struct JbInputs {
    const char *names;         /* every name, NUL after each: mapped, or `held` */
    const guint64 *offs;       /* where each begins in `names`: mapped, or `held_offs` */
    gsize names_len, offs_len; /* the mappings' lengths (0: not mapped) */
    guint from, n;             /* the window of them this build sees (a unit's) */
    GString *held;             /* (no file) */
    GArray *held_offs;         /* guint64 (no file) */
    gint ticks;
    gboolean lost; /* a temporary file failed: names are missing */
};

/* ---- the list: written once, mapped ------------------------------------------------------ */

typedef struct {
    FILE *names, *offs; /* NULL: held */
    guint64 at;
    JbInputs *in;
} Writer;

static void writer_put(Writer *w, const char *name)
{
    gsize len = strlen(name) + 1;
    if (w->names) {
        gboolean ok = fwrite(name, 1, len, w->names) == len &&
                      fwrite(&w->at, sizeof w->at, 1, w->offs) == 1;
        w->in->lost |= !ok; /* (what the file lost is not in memory either) */
    } else {
        if (!w->in->held) {
            w->in->held = g_string_new(NULL);
            w->in->held_offs = g_array_new(FALSE, FALSE, sizeof(guint64));
        }
        g_string_append_len(w->in->held, name, (gssize)len);
        g_array_append_val(w->in->held_offs, w->at);
    }
    w->at += len;
    w->in->n++;
}

static gboolean map_file(FILE *f, gsize len, const void **out)
{
    if (!len) {
        *out = NULL;
        return TRUE;
    }
    void *p = fflush(f) == 0 ? mmap(NULL, len, PROT_READ, MAP_SHARED, fileno(f), 0) : MAP_FAILED;
    if (p == MAP_FAILED)
        return FALSE;
    *out = p;
    return TRUE;
}

/* The sorted names into `in`. */
static void merge_runs(JbStrSort *s, JbInputs *in)
{
    Writer w = {.names = tmpfile(), .offs = tmpfile(), .in = in};
    /* (4 KB a write by default: 2000 of them at 100000 articles, every build) */
    g_autofree char *bufs = NULL;
    if (!w.names || !w.offs) {
        g_clear_pointer(&w.names, fclose);
        g_clear_pointer(&w.offs, fclose);
    } else {
        bufs = g_malloc(2 * WRITE_BUF);
        setvbuf(w.names, bufs, _IOFBF, WRITE_BUF);
        setvbuf(w.offs, bufs + WRITE_BUF, _IOFBF, WRITE_BUF);
    }
    for (const char *name; (name = jb_strsort_next(s)) != NULL;)
        writer_put(&w, name);
    in->lost |= jb_strsort_lost(s);
    if (w.names && !in->lost) {
        const void *names = NULL, *offs = NULL;
        gsize nl = (gsize)w.at, ol = (gsize)in->n * sizeof(guint64);
        if (map_file(w.names, nl, &names) && map_file(w.offs, ol, &offs)) {
            in->names = names;
            in->offs = offs;
            in->names_len = nl;
            in->offs_len = ol;
        } else { /* (read back and held) */
            if (names)
                munmap((void *)names, nl);
            in->held = g_string_sized_new(nl);
            in->held_offs = g_array_sized_new(FALSE, FALSE, sizeof(guint64), in->n);
            g_array_set_size(in->held_offs, in->n);
            gboolean ok = fseeko(w.names, 0, SEEK_SET) == 0 && fseeko(w.offs, 0, SEEK_SET) == 0;
            g_string_set_size(in->held, nl);
            ok = ok && fread(in->held->str, 1, nl, w.names) == nl &&
                 fread(in->held_offs->data, sizeof(guint64), in->n, w.offs) == in->n;
            in->lost |= !ok;
        }
    }
    if (w.names) {
        fclose(w.names); /* (the mappings keep the files) */
        fclose(w.offs);
    }
    if (in->lost) /* (none is read: the build fails) */
        in->n = 0;
    if (in->held) {
        in->names = in->held->str;
        in->offs = (const guint64 *)(gpointer)in->held_offs->data;
    }
}

/* ---- matching ---------------------------------------------------------------------------- */

static gboolean has_magic(const char *s, gsize len)
{
    for (gsize i = 0; i < len; i++)
        if (s[i] == '*' || s[i] == '?' || s[i] == '[')
            return TRUE;
    return FALSE;
}

/* The matches of `pattern` (already beside the project) to `add`, as glob(3) would give them:
 * a pattern whose wildcards are all in its last component is matched a directory entry at a
 * time; any other through glob. */
static void match(JbStrSort *s, const char *pattern, gsize prefix)
{
    const char *slash = strrchr(pattern, '/');
    const char *last = slash ? slash + 1 : pattern;
    gboolean by_dir = has_magic(last, strlen(last)) &&
                      !has_magic(pattern, (gsize)(last - pattern)) && !strchr(pattern, '\\') &&
                      !strstr(pattern, "//");
    g_autoptr(GString) m = g_string_new(NULL);
    if (!by_dir) {
        glob_t gl;
        if (glob(pattern, GLOB_NOSORT, NULL, &gl) != 0)
            return;
        for (size_t i = 0; i < gl.gl_pathc; i++) {
            const char *p = gl.gl_pathv[i];
            jb_strsort_add(s, prefix && strncmp(p, pattern, prefix) == 0 ? p + prefix : p, -1);
        }
        globfree(&gl);
        return;
    }
    g_autofree char *dir = slash ? g_strndup(pattern, (gsize)(slash - pattern)) : NULL;
    DIR *d = opendir(!slash ? "." : *dir ? dir : "/");
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (fnmatch(last, e->d_name, FNM_PERIOD) != 0)
            continue;
        g_string_assign(m, slash ? dir : "");
        if (slash)
            g_string_append_c(m, '/');
        g_string_append(m, e->d_name);
        jb_strsort_add(
            s, prefix && strncmp(m->str, pattern, prefix) == 0 ? m->str + prefix : m->str, -1);
    }
    closedir(d);
}

JbInputs *jb_build_inputs_new(const char *base_dir, char **globs)
{
    JbInputs *in = g_new0(JbInputs, 1);
    const char *run = g_getenv("JIANBAO_TEST_INPUTS_RUN"); /* test hook: bytes */
    JbStrSort *s = jb_strsort_new(run && *run ? (gsize)g_ascii_strtoull(run, NULL, 10)
                                              : JB_BUILD_INPUTS_RUN);
    for (char **g = globs; *g; g++) {
        const char *rel = g_strstrip(*g);
        g_autofree char *pattern = jb_build_resolve(base_dir, rel);
        gsize prefix = strlen(pattern) - MIN(strlen(rel), strlen(pattern));
        if (*pattern)
            match(s, pattern, prefix);
    }
    merge_runs(s, in);
    jb_strsort_free(s);
    jb_build_inputs_drop(in);
    return in;
}

void jb_build_inputs_free(JbInputs *in)
{
    if (!in)
        return;
    if (in->names_len)
        munmap((void *)in->names, in->names_len);
    if (in->offs_len)
        munmap((void *)in->offs, in->offs_len);
    if (in->held)
        g_string_free(in->held, TRUE);
    if (in->held_offs)
        g_array_unref(in->held_offs);
    g_free(in);
}

gboolean jb_build_inputs_lost(const JbInputs *in)
{
    return in->lost;
}

guint jb_build_inputs_count(const JbInputs *in)
{
    return in->n;
}

const char *jb_build_inputs_name(const JbInputs *in, guint i)
{
    g_return_val_if_fail(i < in->n, "");
    return in->names + in->offs[in->from + i];
}

void jb_build_inputs_narrow(JbInputs *in, guint from, guint to)
{
    in->from += MIN(from, in->n);
    in->n = to > from ? MIN(to, in->n) - MIN(from, in->n) : 0;
}

guint jb_build_inputs_find(const JbInputs *in, const char *name)
{
    guint lo = 0, hi = in->n;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        int c = strcmp(jb_build_inputs_name(in, mid), name);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return G_MAXUINT;
}

void jb_build_inputs_drop(JbInputs *in)
{
    if (in->names_len)
        madvise((void *)in->names, in->names_len, MADV_DONTNEED);
    if (in->offs_len)
        madvise((void *)in->offs, in->offs_len, MADV_DONTNEED);
}

void jb_build_inputs_tick(JbInputs *in)
{
    if (g_atomic_int_add(&in->ticks, 1) % JB_BUILD_INPUTS_TICK == JB_BUILD_INPUTS_TICK - 1)
        jb_build_inputs_drop(in);
}
