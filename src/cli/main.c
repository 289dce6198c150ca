/* main.c — the jianbao command line: the dispatch to the commands (jb_cli_*.c, one family
 * a file, sharing jb_cli.h), and what ends the process: signals, running out of memory.
 * Every stage lives in the library (src/STAGE/); the command line maps its results to
 * messages and exit codes (see README "Exit codes") and is the only part that prints.
 */
#include "jb_cli.h"

#include "jb_atomic.h"
#include "jb_heap.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- dispatch -------------------------------------------------------------------------- */

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *what;
} COMMANDS[] = {
    {"extract", cmd_extract, "articles → metrics.csv (one row per quantitative statement)"},
    {"reshape", cmd_reshape, "metrics.csv → series.csv (one value per metric and period)"},
    {"chart", cmd_chart, "series.csv → a chart as PNG, PDF or SVG"},
    {"report", cmd_report, "template + series.csv → a PDF briefing"},
    {"build", cmd_build, "the whole pipeline from a project file, for cron"},
    {"init", cmd_init, "start a project: DIR/jianbao.project, metrics.ini, articles/"},
    {"suggest", cmd_suggest,
     "metrics.csv → the phrases the dictionary does not know, a metrics.ini stub"},
    {"number", cmd_number, "parse number expressions from stdin (for scripts and checking)"},
};

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: jianbao COMMAND [OPTION...]\n\n"
            "Turns Chinese industry news into metrics, charts and PDF briefings.\n\nCommands:\n");
    for (guint i = 0; i < G_N_ELEMENTS(COMMANDS); i++)
        fprintf(f, "  %-8s  %s\n", COMMANDS[i].name, COMMANDS[i].what);
    fprintf(f, "\n'jianbao COMMAND --help' describes each command's options.\n"
               "  --version   print the version\n");
}

/* For the commands that draw: a PDF embeds each font as cairo subsets it, and cairo reads the
 * font's whole CFF table (2.9 MB for each of the two subsets) into a new buffer to do so.
 * glibc maps buffers that large afresh and unmaps them on free, so each costs ~715 page
 * faults, a third of a cold PDF chart's, and the next font's buffer costs them again. Here
 * they come from the heap and stay in it when freed (up to 32 MB), for the next font and the
 * next chart; and the heap is grown once by 14 MB in huge pages, so what a chart allocates
 * costs a page fault per 2 MB, not per 4 KB (jb_heap.h: ~350 faults of a cold PNG chart's
 * 940, ~1060 of a PDF's 1700) — for chart and report, whose single runs are what a page
 * fault weighs on; a build's heap is left in ordinary pages, where its peak memory is
 * measured to the page. The other commands keep glibc's defaults. */
static void keep_freed_memory(gboolean huge_pages)
{
    mallopt(M_MMAP_THRESHOLD, huge_pages ? 16 << 20 : 8 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    if (huge_pages)
        jb_heap_reserve_huge(14 << 20); /* under M_MMAP_THRESHOLD: from the heap (jb_heap.h) */
}

/* ---- running out of memory ---------------------------------------------------------- */

/* GLib ends the process when an allocation fails (g_error: "failed to allocate N bytes"),
 * and so when it cannot start a thread; cairo and pango may crash instead. Either way the
 * user gets one line saying what happened, not a bare abort. Outputs are written under
 * temporary names and renamed when complete, so nothing good is lost (jianbao build sweeps
 * the temporary files). */
/* One thread ends the process: when several run out of memory at once (a build's workers),
 * the first says so and exits; the others wait for it (pause(2) is async-signal-safe), so the
 * user gets one line, not two written into each other. */
static gint ending;
static void end_claim(void)
{
    if (!g_atomic_int_compare_and_exchange(&ending, 0, 1))
        for (;;)
            pause();
}

static const char *field_of(const GLogField *fields, gsize n, const char *key)
{
    for (gsize i = 0; i < n; i++)
        if (strcmp(fields[i].key, key) == 0 && fields[i].length < 0)
            return fields[i].value;
    return "";
}

/* When pango cannot make a font for cairo (cairo runs out of memory loading it), pango
 * warns "failed to create cairo scaled font, expect ugly output" and draws boxes or nothing:
 * the chart or briefing would be written, exit 0, its text gone. That is an error: one line
 * saying so, and the process ends before any output replaces a good one. */
static gboolean font_failed(const GLogField *fields, gsize n)
{
    const char *msg = field_of(fields, n, "MESSAGE");
    if (strcmp(field_of(fields, n, "GLIB_DOMAIN"), "Pango") != 0 ||
        !strstr(msg, "failed to create cairo") || !strstr(msg, "expect ugly output"))
        return FALSE;
    const char *font = strstr(msg, "the offending font is ");
    fprintf(stderr,
            "jianbao: %s: out of memory (pango could not load the font %s, or its file "
            "is damaged); nothing was written\n",
            cli_stage ? cli_stage : "main", font ? font + strlen("the offending font is ") : "");
    fflush(stderr);
    return TRUE;
}

static GLogWriterOutput fatal_writer(GLogLevelFlags level, const GLogField *fields, gsize n,
                                     gpointer data)
{
    (void)data;
    if (level & G_LOG_LEVEL_ERROR) {
        end_claim();
        const char *msg = "";
        for (gsize i = 0; i < n; i++)
            if (strcmp(fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
                msg = fields[i].value;
        if (strstr(msg, "failed to allocate") || strstr(msg, "Resource temporarily unavailable"))
            fprintf(stderr,
                    "jianbao: %s: out of memory (%s); the input is too large for the "
                    "memory this process may use\n",
                    cli_stage ? cli_stage : "main", msg);
        else
            fprintf(stderr, "jianbao: %s: fatal error: %s\n", cli_stage ? cli_stage : "main", msg);
        fflush(stderr);
        jb_atomic_remove_temps();
        _exit(EXIT_INPUT);
    }
    if (font_failed(fields, n)) {
        jb_atomic_remove_temps();
        _exit(EXIT_INPUT);
    }
    return g_log_writer_default(level, fields, n, data);
}

static void say_raw(const char *s)
{
    ssize_t w = write(STDERR_FILENO, s, strlen(s));
    (void)w;
}

/* The line "jianbao: STAGE: WHAT" in one write(2) (async-signal-safe: no stdio): two threads
 * that fail together (one asserting in fontconfig, one crashing on its NULL) interleaved the
 * pieces of four writes, and the line no longer began with "jianbao: ". */
static void say_line(const char *stage, const char *what, const char *tail)
{
    char buf[512];
    size_t n = 0;
    const char *parts[] = {"jianbao: ", stage, what, tail};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        for (const char *c = parts[i]; *c && n < sizeof buf - 1; c++)
            buf[n++] = *c;
    ssize_t w = write(STDERR_FILENO, buf, n);
    (void)w;
}

/* When an allocation fails, GLib (2.74) formats its message "failed to allocate N bytes"
 * with vasprintf before anything else; when that allocation fails too, it reports that the
 * same way, and so on until the stack overflows: a worker of `jianbao build` under
 * `ulimit -v` died of SIGSEGV in its signal handler's stead, without a word. GLib calls
 * vasprintf through its fortified name, which the executable's definition comes before (as
 * g_thread_new in jb_fonts.c). Here it is vasprintf as glibc's, but an allocation that fails
 * first frees a reserve set aside at start and tries again, so the message that memory ran
 * out can be formatted and said; when even that fails, it is said here and the process
 * ends, the recursion never begun. */
static gpointer last_memory; /* the reserve: malloc'd in main, freed once */

int __vasprintf_chk(char **out, int flag, const char *fmt, va_list ap);
int __vasprintf_chk(char **out, int flag, const char *fmt, va_list ap)
{
    (void)flag; /* (fortify's %n check: jianbao's and GLib's formats are constants) */
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (n >= 0 && !s) {
        gpointer r = g_atomic_pointer_exchange(&last_memory, NULL);
        if (r) {
            free(r);
            s = malloc((size_t)n + 1);
        }
        if (!s) {
            end_claim();
            say_line(cli_stage ? cli_stage : "main",
                     ": out of memory; the input is too large for the memory this process may "
                     "use\n",
                     "");
            jb_atomic_remove_temps();
            _exit(EXIT_INPUT);
        }
    }
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, again);
    va_end(again);
    *out = s;
    return s ? n : -1;
}

int vasprintf(char **out, const char *fmt, va_list ap)
{
    return __vasprintf_chk(out, 0, fmt, ap);
}

static void on_crash(int sig)
{
    /* only async-signal-safe calls: write(2), unlink(2), _exit(2), then the default action
     * (a core, the status). A library that aborts because an allocation failed (GLib when it
     * cannot make a mutex or a thread key, fontconfig's assertions) or crashes on the NULL it
     * got (fontconfig's FcFontSetMatch and FcFontSetSort) leaves errno ENOMEM in the thread
     * that stops, the one this handler runs in: that is running out of memory, said and
     * ended as g_error's "failed to allocate" is (exit 3), not a crash. */
    if (errno == ENOMEM) {
        end_claim();
        say_line(cli_stage ? cli_stage : "main",
                 sig == SIGABRT ? ": out of memory (a library aborted: Cannot allocate memory)"
                                : ": out of memory (a library crashed on an allocation that "
                                  "failed)",
                 "; the input is too large for the memory this process may use\n");
        jb_atomic_remove_temps();
        _exit(EXIT_INPUT);
    }
    say_raw("jianbao: crashed (out of memory in cairo or pango, or a bug); previous outputs are "
            "intact\n");
    jb_atomic_remove_temps();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Killed (SIGTERM from cron's timeout or kill, ^C, a closed terminal): the temporary files of
 * outputs not yet complete are removed, then the signal does what it would have (the exit
 * status says which). kill -9 cannot be caught: `jianbao build` sweeps what it leaves. */
static void on_kill(int sig)
{
    jb_atomic_remove_temps();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* GLib 2.74's slice allocator (GHashTable, GList, GObject instances…) gets its memory by
 * posix_memalign and, when that fails, prints "***MEMORY-ERROR***" and aborts (exit 134,
 * "crashed … or a bug") where every other allocation ends in g_error's "failed to allocate"
 * (exit 3, one line saying memory ran out). Sent to g_malloc, as GLib 2.76 always does, it
 * fails like the rest. The setting is read once, at the first slice, which GLib's own
 * constructor allocates: too early for main or a constructor of ours, and setenv(G_SLICE)
 * that early is lost (libc sets environ up after). A .preinit_array entry of the executable
 * runs before any library's constructor, and g_slice_set_config needs nothing initialised.
 * G_SLICE in the environment (debug-blocks) still applies on top. */
static void slices_from_malloc(int argc, char **argv, char **envp)
{
    (void)argc, (void)argv, (void)envp;
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    g_slice_set_config(G_SLICE_CONFIG_ALWAYS_MALLOC, TRUE);
    G_GNUC_END_IGNORE_DEPRECATIONS
}
__attribute__((section(".preinit_array"),
               used)) static void (*const slices_early)(int, char **, char **) = slices_from_malloc;

/* A signal ignored when the process starts (nohup, a background job's ^C) stays ignored. */
static void catch_unless_ignored(int sig)
{
    if (signal(sig, on_kill) == SIG_IGN)
        signal(sig, SIG_IGN);
}

int main(int argc, char **argv)
{
    g_log_set_writer_func(fatal_writer, NULL, NULL);
    /* GLib makes the thread keys of its logging at the first message; when that message is
     * g_malloc's "failed to allocate", making them fails too and GLib aborts instead
     * ("Unexpected error from C library during 'malloc'"). One message now makes them while
     * memory is there (a debug one: shown only under G_MESSAGES_DEBUG). */
    g_log("jianbao", G_LOG_LEVEL_DEBUG, "jianbao %s", JB_VERSION);
    last_memory = malloc(64 << 10);
    signal(SIGSEGV, on_crash);
    signal(SIGBUS, on_crash);
    signal(SIGABRT, on_crash);
    catch_unless_ignored(SIGTERM);
    catch_unless_ignored(SIGINT);
    catch_unless_ignored(SIGHUP);
    /* The user's locale for reading their file names and terminal (LC_CTYPE), never for
     * numbers or order: printf's %f in a decimal-comma locale (de_DE) broke pango markup
     * (a briefing failed) and the JSON log; collation would reorder inputs. Every output is
     * the same under any locale (tests/cli/locale.t). */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    setlocale(LC_COLLATE, "C");
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("jianbao %s\n", JB_VERSION);
        return EXIT_OK;
    }
    for (guint i = 0; i < G_N_ELEMENTS(COMMANDS); i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0) {
            cli_stage = COMMANDS[i].name;
            if (COMMANDS[i].run == cmd_chart || COMMANDS[i].run == cmd_report ||
                COMMANDS[i].run == cmd_build)
                keep_freed_memory(COMMANDS[i].run != cmd_build);
            /* the command sees itself as argv[0], so its --help reads "jianbao extract" */
            g_autofree char *self = g_strconcat("jianbao ", COMMANDS[i].name, NULL);
            g_set_prgname(self);
            argv[1] = self;
            return COMMANDS[i].run(argc - 1, argv + 1);
        }
    cli_say("unknown command '%s' (try --help)", argv[1]);
    return EXIT_USAGE;
}
