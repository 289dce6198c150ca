/* tap.h — a tiny TAP producer for the C unit tests; prove reads its output.
 * Usage: ok(cond, "name %d", x); is_str(got, want, "name"); ... return tap_done(); */
#ifndef JB_TAP_H
#define JB_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 2, 3), unused)) static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_n);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout); /* a sanitizer that aborts at exit must not swallow the TAP lines */
    if (!cond)
        tap_failed++;
    return cond;
}

__attribute__((format(printf, 3, 4), unused)) static int is_str(const char *got, const char *want,
                                                                const char *fmt, ...)
{
    int same = (got == NULL && want == NULL) || (got && want && strcmp(got, want) == 0);
    va_list ap;
    va_start(ap, fmt);
    printf("%s %d - ", same ? "ok" : "not ok", ++tap_n);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (!same) {
        printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
        tap_failed++;
    }
    return same;
}

static int tap_done(void)
{
    printf("1..%d\n", tap_n);
    return tap_failed ? 1 : 0;
}

#endif
