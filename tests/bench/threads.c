/* tests/bench/threads.c — issue 19's two-core floor: PNG charts in ONE process, one thread
 * against two (what `jianbao build` does with many charts, -j1 against -j2), measured so that a
 * shared, loaded machine does not decide the answer.
 *
 *   threads SERIES.CSV METRIC OUT.png N ROUNDS [line]
 *
 * Each round runs two phases in turn: one worker thread drawing N charts, then two drawing N
 * each at once. Every worker first draws one chart unmeasured (its font map, pango's and
 * cairo's caches for it), waits for the others at a barrier, then draws its N. For each
 * worker it reads, around those N charts, from /proc/thread-self/schedstat its time on a CPU
 * and its time runnable but waiting for one (run delay), and the clock:
 *   blocked = clock − on a CPU − run delay   (asleep: a lock held by the other thread, I/O)
 *   free    = clock − run delay               (the clock it would have taken had a core been
 *                                              free whenever it could run)
 * A core taken by someone else's work is run delay, and left out; a lock, a cache line or the
 * memory bus the two workers share is not (it costs CPU time or blocked time). So
 *   by free time:  2 × one's free / the mean of the two's free   (2.00: the second thread
 *                  costs the first nothing; the floor is 1.8)
 *   by CPU time:   2 × one's CPU / the mean of the two's CPU      (blocked time left out)
 *   by the clock:  2 × one's clock / the slower of the two's clock (what this machine gave
 *                  just now: meaningful only when two cores were free)
 * With THREADS_PROCS=1 the workers are processes instead (fork: one child, then two, each
 * warmed up before the start), which share nothing in user space: their gains are what this
 * machine gives two cores whatever a program does (its caches, its memory, its host), the
 * ceiling to read the threads' against. A run of its own, so that no child's copy-on-write
 * pages are left for the threads to fault in.
 * Prints a line per round ("# ...") and then the medians of the rounds: "median", the gains by
 * free time, CPU time and the clock, the two workers' blocked share of their free time, one
 * worker's charts per CPU-second (start-up left out), the two's waits per 100 charts and the
 * ms blocked per wait (a lock's hand-over takes microseconds; a wait of milliseconds is for a
 * holder that was itself waiting for a core, or for the disk). tests/bench/chart.sh reads it.
 *
 * The process is set up as `jianbao build` runs its workers: glibc's malloc thresholds as the
 * build sets them, one font map per thread (jb_fonts), one chart object per worker.
 */
#include "jb_chart.h"
#include "jb_series.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    double clock, cpu, delay; /* seconds */
    long voluntary;           /* context switches it asked for (waits) */
    long faults;              /* page faults (minor) */
} Times;

typedef struct {
    JbChart *chart;
    const char *out;
    int n;
    pthread_barrier_t *start;
    Times t;
    GError *error;
} Worker;

static Times now(void)
{
    Times t = {0};
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    t.clock = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
    unsigned long long cpu = 0, delay = 0;
    FILE *f = fopen("/proc/thread-self/schedstat", "r");
    if (!f || fscanf(f, "%llu %llu", &cpu, &delay) != 2) {
        fprintf(stderr, "threads: /proc/thread-self/schedstat unreadable\n");
        exit(2);
    }
    fclose(f);
    t.cpu = (double)cpu / 1e9;
    t.delay = (double)delay / 1e9;
    struct rusage ru;
    getrusage(RUSAGE_THREAD, &ru);
    t.voluntary = ru.ru_nvcsw;
    t.faults = ru.ru_minflt;
    return t;
}

static void *work(void *data)
{
    Worker *w = data;
    gboolean ok = jb_chart_render(w->chart, w->out, 0, &w->error); /* warm-up, unmeasured */
    pthread_barrier_wait(w->start);
    Times a = now();
    for (int i = 0; ok && i < w->n; i++)
        ok = jb_chart_render(w->chart, w->out, 0, &w->error);
    Times b = now();
    w->t = (Times){b.clock - a.clock, b.cpu - a.cpu, b.delay - a.delay, b.voluntary - a.voluntary,
                   b.faults - a.faults};
    return NULL;
}

/* `k` workers at once, each drawing `n` charts after its warm-up; their times in t[]. */
static void phase(JbChart **charts, const char *out, int n, int k, Times *t)
{
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, (unsigned)k);
    Worker w[2];
    pthread_t id[2];
    for (int i = 0; i < k; i++) {
        w[i] = (Worker){.chart = charts[i], .out = out, .n = n, .start = &start};
        if (pthread_create(&id[i], NULL, work, &w[i]) != 0) {
            fprintf(stderr, "threads: cannot start a thread\n");
            exit(2);
        }
    }
    for (int i = 0; i < k; i++) {
        pthread_join(id[i], NULL);
        if (w[i].error) {
            fprintf(stderr, "threads: %s\n", w[i].error->message);
            exit(1);
        }
        t[i] = w[i].t;
    }
    pthread_barrier_destroy(&start);
}

/* The same as phase with `k` processes (children of this one, which has no other thread
 * then): each warms up, says so, waits for the word to start, draws `n` charts and writes its
 * times back through a pipe. */
static void phase_procs(JbChart **charts, const char *out, int n, int k, Times *t)
{
    int ready[2], go[2], back[2][2];
    pid_t pid[2];
    if (pipe(ready) || pipe(go)) {
        fprintf(stderr, "threads: pipe: %s\n", g_strerror(errno));
        exit(2);
    }
    for (int i = 0; i < k; i++) {
        if (pipe(back[i]) || (pid[i] = fork()) < 0) {
            fprintf(stderr, "threads: cannot start a process: %s\n", g_strerror(errno));
            exit(2);
        }
        if (pid[i] == 0) {
            Worker w = {.chart = charts[i], .out = out, .n = n};
            gboolean ok = jb_chart_render(w.chart, out, 0, &w.error); /* warm-up, unmeasured */
            char c = 1;
            close(go[1]);
            if (!ok || write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) < 0)
                _exit(1);
            Times a = now();
            for (int j = 0; ok && j < n; j++)
                ok = jb_chart_render(w.chart, out, 0, &w.error);
            Times b = now();
            Times r = {b.clock - a.clock, b.cpu - a.cpu, b.delay - a.delay,
                       b.voluntary - a.voluntary, b.faults - a.faults};
            _exit(ok && write(back[i][1], &r, sizeof r) == (ssize_t)sizeof r ? 0 : 1);
        }
        close(back[i][1]);
    }
    close(ready[1]);
    close(go[0]);
    char c;
    for (int i = 0; i < k; i++)
        if (read(ready[0], &c, 1) != 1) {
            fprintf(stderr, "threads: a drawing process failed\n");
            exit(1);
        }
    close(go[1]); /* all warm: start */
    for (int i = 0; i < k; i++) {
        int status = 0;
        ssize_t got = read(back[i][0], &t[i], sizeof t[i]);
        waitpid(pid[i], &status, 0);
        close(back[i][0]);
        if (got != (ssize_t)sizeof t[i] || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "threads: a drawing process failed\n");
            exit(1);
        }
    }
    close(ready[0]);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    if (argc < 6 || argc > 7) {
        fprintf(stderr, "usage: threads SERIES.CSV METRIC OUT.png N ROUNDS [line]\n");
        return 2;
    }
    int n = atoi(argv[4]), rounds = atoi(argv[5]);
    if (n < 1 || rounds < 1 || rounds > 99) {
        fprintf(stderr, "threads: N and ROUNDS must be at least 1 (ROUNDS at most 99)\n");
        return 2;
    }
    mallopt(M_MMAP_THRESHOLD, 8 << 20); /* as jianbao build sets them (src/cli/main.c) */
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    GError *e = NULL;
    JbSeries *series = jb_series_read(argv[1], &e);
    JbChart *charts[2] = {NULL, NULL};
    g_autofree char *spec = g_strdup_printf("metric = %s\ntype = %s\n", argv[2],
                                            argc == 7 ? argv[6] : "bar");
    for (int i = 0; series && i < 2; i++) {
        charts[i] = jb_chart_spec_parse("threads", 1, spec, &e);
        if (!charts[i] || !jb_chart_load_series(charts[i], series, &e))
            break;
    }
    if (e) {
        fprintf(stderr, "threads: %s\n", e->message);
        return 1;
    }
    /* per round: the gains by free time, CPU time and the clock; the two's blocked share of
     * their free time; one thread's charts per CPU-second; the two's waits (voluntary context
     * switches) per 100 charts, and the ms blocked per wait */
    double free_gain[99], cpu_gain[99], clock_gain[99], blocked[99], per_cpu[99], waits[99],
        wait_ms[99];
    printf("# round: one thread, then each of two: clock cpu run-delay blocked s (waits, faults);"
           " gains by free time, CPU, clock\n");
    gboolean procs = g_strcmp0(g_getenv("THREADS_PROCS"), "1") == 0;
    for (int r = 0; r < rounds; r++) {
        Times one, two[2];
        if (procs) {
            phase_procs(charts, argv[3], n, 1, &one);
            phase_procs(charts, argv[3], n, 2, two);
        } else {
            phase(charts, argv[3], n, 1, &one);
            phase(charts, argv[3], n, 2, two);
        }
        double f1 = one.clock - one.delay, c2 = (two[0].cpu + two[1].cpu) / 2;
        double f2 = (two[0].clock - two[0].delay + two[1].clock - two[1].delay) / 2;
        free_gain[r] = 2 * f1 / f2;
        cpu_gain[r] = 2 * one.cpu / c2;
        clock_gain[r] = 2 * one.clock / MAX(two[0].clock, two[1].clock);
        blocked[r] = (f2 - c2) / f2;
        per_cpu[r] = n / one.cpu;
        long w = two[0].voluntary + two[1].voluntary;
        waits[r] = 100.0 * (double)w / (2.0 * n);
        wait_ms[r] = w ? 1000 * 2 * (f2 - c2) / (double)w : 0;
        printf("# %d:", r + 1);
        for (int i = 0; i < 3; i++) {
            const Times *t = i ? &two[i - 1] : &one;
            printf(" %s %.3f %.3f %.3f %.3f (%ld, %ld)", i == 1 ? " |" : "", t->clock, t->cpu,
                   t->delay, t->clock - t->delay - t->cpu, t->voluntary, t->faults);
        }
        printf("  %.2f %.2f %.2f\n", free_gain[r], cpu_gain[r], clock_gain[r]);
    }
    printf("median %.2f %.2f %.2f %.3f %.0f %.1f %.1f\n", median(free_gain, rounds),
           median(cpu_gain, rounds), median(clock_gain, rounds), median(blocked, rounds),
           median(per_cpu, rounds), median(waits, rounds), median(wait_ms, rounds));
    for (int i = 0; i < 2; i++)
        jb_chart_free(charts[i]);
    jb_series_free(series);
    return 0;
}
