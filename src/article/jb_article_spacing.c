/* jb_article_spacing.c — text spaced between Chinese and digits (“pangu” style: 2025 年 3 月，
 * 营收 12.5 亿元，同比增长 3.5%), which some sites write throughout. Every rule of the number
 * and time readers looks at what touches a number (年 after 2025, 亿元 after 12.5, 前 before
 * 10 个月); a space between them hides it. In an article written so, those spaces are taken
 * out of its prose, its title and its section titles before anything reads them, and its
 * quotes are written without them.
 *
 * The text as a whole is judged once (jb_article_spaced_text), then each block of prose is
 * taken in before the junk rules and date lines see it (jb_article_emit).
 *
 * An article is written so when its prose puts a space at most junctions of a Chinese
 * character and a digit: three or more spaced, and at most one unspaced for every four
 * spaced. Ordinary text writes 2025年 unspaced nearly everywhere, so a list of ranks (1 恒锐
 * 光电) or a product's name (iPhone 16 发布) in it changes nothing. Rows of a table keep their
 * spaces: they separate cells.
 *
 * Written by hand: no library of Debian's knows this spacing (it is a typographic habit, not
 * a Unicode rule).
 */
#include "jb_article_priv.h"

#include <string.h>

static gboolean is_han(gunichar u)
{
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

/* Counts of junctions of a Han character and an ASCII digit in [s, end): spaced by one ASCII
 * space, and touching. */
static void count_junctions(const char *s, const char *end, guint *spaced, guint *touching)
{
    gunichar prev = 0, before_space = 0;
    gboolean space = FALSE;
    for (const char *p = s; p < end && *p; p = g_utf8_next_char(p)) {
        gunichar u = g_utf8_get_char(p);
        if (u == ' ') {
            before_space = space ? 0 : prev; /* (two spaces: an alignment, not a junction) */
            space = TRUE;
            prev = u;
            continue;
        }
        gboolean digit = u < 0x80 && g_ascii_isdigit((char)u);
        if (space && before_space &&
            ((is_han(before_space) && digit) ||
             (before_space < 0x80 && g_ascii_isdigit((char)before_space) && is_han(u))))
            (*spaced)++;
        if (!space && prev &&
            ((is_han(prev) && digit) || (prev < 0x80 && g_ascii_isdigit((char)prev) && is_han(u))))
            (*touching)++;
        space = FALSE;
        prev = u;
    }
}

/* Is the ASCII character c on the number's side of a junction (2025 年, 3.5% 的)? (Latin
 * words keep their spaces: 278.8 万 GPU 小时, where a unit of letters begins.) */
static gboolean latin_side(gunichar c)
{
    return c < 0x80 && (g_ascii_isdigit((char)c) || c == '%');
}

/* `s` without the single spaces between a Han character and a digit (either order), in place
 * (it only shrinks). */
static void unspace(char *s)
{
    char *o = s;
    gunichar prev = 0;
    for (const char *p = s; *p;) {
        const char *next = g_utf8_next_char(p);
        if (*p == ' ' && prev && *next && next[0] != ' ') {
            gunichar u = g_utf8_get_char(next);
            if ((is_han(prev) && latin_side(u)) || (latin_side(prev) && is_han(u))) {
                p = next; /* (the space dropped; prev stays) */
                continue;
            }
        }
        prev = g_utf8_get_char(p);
        memmove(o, p, (gsize)(next - p));
        o += next - p;
        p = next;
    }
    *o = '\0';
}

gboolean jb_article_spaced_text(const char *s, gsize n)
{
    guint spaced = 0, touching = 0; /* (read in place: no copy of a text of up to 64 MB) */
    count_junctions(s, s + n, &spaced, &touching);
    return spaced >= 3 && touching * 4 <= spaced;
}

gsize jb_article_unspace(char *s)
{
    unspace(s);
    return strlen(s);
}
