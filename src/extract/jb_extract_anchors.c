/* jb_extract_anchors.c — what an article says once for all its figures, read from every
 * paragraph before its figures are: where its fiscal years end (jb_extract_fiscal_year_end),
 * whether it counts years as Taiwan does (jb_extract_roc_calendar), when the survey it
 * reports was done (jb_extract_fieldwork).
 *
 * Every paragraph is asked and almost none says any of these: one walk over a paragraph's
 * characters tells which of the three may (each needs a character its words all hold), and
 * only those are asked. The readers' answers and their order are as if each were asked of
 * every paragraph in turn.
 *
 * Not for: what the readers look for (their files).
 */
#include "jb_extract_priv.h"

#include <string.h>

enum { GATE_FISCAL = 1, GATE_ROC = 2, GATE_SURVEY = 4, GATE_SURVEYED = 8 };

/* A character each word of a reader holds, and the reader's bit: 财年 財年 财政年度 截至…止六个月
 * (jb_extract_fiscal_year_end asks nothing else: its words hold 财, 財 or 止); 民國 新台幣
 * 新臺幣; 调查 調查 调研 調研 问卷 問卷 (their first character and their second: both must be
 * there). */
static const struct {
    const char *c;
    guint8 bit;
} GATES[] = {
    {"财", GATE_FISCAL}, {"財", GATE_FISCAL},   {"止", GATE_FISCAL},   {"國", GATE_ROC},
    {"幣", GATE_ROC},    {"调", GATE_SURVEY},   {"調", GATE_SURVEY},   {"问", GATE_SURVEY},
    {"問", GATE_SURVEY}, {"查", GATE_SURVEYED}, {"研", GATE_SURVEYED}, {"卷", GATE_SURVEYED},
};

/* By a three-byte character's last two bytes as they lie in memory (second | third << 8),
 * the bit of the GATES character that ends so (no two share their last two bytes), and its
 * first byte: a Chinese character is looked up with one load, its first byte compared only
 * on a hit. */
static guint8 gate_bit[65536];
static guint8 gate_lead[65536];

static guint gate_key(const guchar *c)
{
    return (guint)c[1] | (guint)c[2] << 8;
}

static void gates_build(void)
{
    static gsize ready;
    if (!g_once_init_enter(&ready))
        return;
    for (gsize i = 0; i < G_N_ELEMENTS(GATES); i++) {
        const guchar *c = (const guchar *)GATES[i].c;
        g_assert(!gate_bit[gate_key(c)]);
        gate_bit[gate_key(c)] = GATES[i].bit;
        gate_lead[gate_key(c)] = c[0];
    }
    g_once_init_leave(&ready, 1);
}

/* The GATE_ bits of the characters `text` (valid UTF-8) holds. */
static guint gates_of(const char *text)
{
    guint bits = 0;
    for (const guchar *p = (const guchar *)text;;) {
        guchar u = *p;
        if (u < 0xE0 || u >= 0xF0) { /* (ASCII, two- and four-byte characters: a byte at a time) */
            if (!u)
                return bits;
            p++;
            continue;
        }
        guint k = gate_key(p);
        if (G_UNLIKELY(gate_bit[k]) && gate_lead[k] == u)
            bits |= gate_bit[k];
        p += 3;
    }
}

void jb_extract_anchors(const GPtrArray *paragraphs, int *fy_end, gboolean *roc,
                        gboolean *have_fieldwork, JbPeriod *fieldwork)
{
    gates_build();
    *fy_end = 0;
    *roc = FALSE;
    *have_fieldwork = FALSE;
    for (guint i = 0; i < paragraphs->len && !(*fy_end && *roc && *have_fieldwork); i++) {
        const char *text = g_ptr_array_index(paragraphs, i);
        guint gates = gates_of(text);
        if (!*fy_end && (gates & GATE_FISCAL))
            *fy_end = jb_extract_fiscal_year_end(text);
        if (!*roc && (gates & GATE_ROC))
            *roc = jb_extract_roc_calendar(text);
        if (!*have_fieldwork &&
            (gates & (GATE_SURVEY | GATE_SURVEYED)) == (GATE_SURVEY | GATE_SURVEYED))
            *have_fieldwork = jb_extract_fieldwork(text, fieldwork);
    }
}
