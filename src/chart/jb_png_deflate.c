/* jb_png_deflate.c — the DEFLATE block of jb_png: Huffman code lengths no longer than 15 bits
 * for the symbols' frequencies, the canonical codes, and the symbols written as one
 * dynamic-Huffman block (RFC 1951) followed by the zlib stream's Adler-32.
 *
 * Not for: finding the symbols (jb_png.c, which says why this is written by hand).
 */
#include "jb_png_priv.h"

#include <string.h>

/* Huffman code lengths ≤ MAX_BITS for the literal/length symbols' `freq_in` (0 for unused
 * symbols). Frequencies are halved until the tree is shallow enough: slightly off optimal in
 * the rare case it bites. */
static void huffman_lengths(const guint32 *freq_in, guint8 *len)
{
    enum { n = N_LITLEN };
    guint32 freq[N_LITLEN];
    memcpy(freq, freq_in, sizeof freq);
    for (;;) {
        int leaf[N_LITLEN], m = 0;
        for (int i = 0; i < n; i++)
            if (freq[i])
                leaf[m++] = i;
        memset(len, 0, n);
        if (m == 0)
            return;
        if (m == 1) {
            len[leaf[0]] = 1;
            return;
        }
        for (int i = 1; i < m; i++) { /* insertion sort by frequency, then symbol: ≤286 */
            int s = leaf[i], j = i;
            for (; j > 0 && freq[leaf[j - 1]] > freq[s]; j--)
                leaf[j] = leaf[j - 1];
            leaf[j] = s;
        }
        /* two queues: leaves in order, inner nodes in the order made (also ascending) */
        guint64 weight[2 * N_LITLEN];
        int parent[2 * N_LITLEN], depth[2 * N_LITLEN];
        for (int i = 0; i < m; i++)
            weight[i] = freq[leaf[i]];
        int qi = 0, qn = m;
        for (int k = m; k < 2 * m - 1; k++) {
            int pick[2];
            for (int c = 0; c < 2; c++)
                pick[c] = (qi < m && (qn >= k || weight[qi] <= weight[qn])) ? qi++ : qn++;
            weight[k] = weight[pick[0]] + weight[pick[1]];
            parent[pick[0]] = parent[pick[1]] = k;
        }
        depth[2 * m - 2] = 0;
        int deepest = 0;
        for (int k = 2 * m - 3; k >= 0; k--) {
            depth[k] = depth[parent[k]] + 1;
            deepest = MAX(deepest, depth[k]);
        }
        if (deepest <= MAX_BITS) {
            for (int i = 0; i < m; i++)
                len[leaf[i]] = (guint8)depth[i];
            return;
        }
        for (int i = 0; i < n; i++)
            if (freq[i])
                freq[i] = (freq[i] >> 1) | 1;
    }
}

/* Canonical codes for `len`, bit-reversed: DEFLATE sends Huffman codes first bit first. */
static void huffman_codes(const guint8 *len, int n, guint16 *code)
{
    int count[MAX_BITS + 1] = {0};
    guint16 next[MAX_BITS + 1];
    for (int i = 0; i < n; i++)
        count[len[i]]++;
    count[0] = 0;
    guint32 c = 0;
    for (int b = 1; b <= MAX_BITS; b++) {
        c = (c + (guint32)count[b - 1]) << 1;
        next[b] = (guint16)c;
    }
    for (int i = 0; i < n; i++) {
        if (!len[i])
            continue;
        guint32 v = next[len[i]]++, r = 0;
        for (int b = 0; b < len[i]; b++)
            r |= ((v >> b) & 1u) << (len[i] - 1 - b);
        code[i] = (guint16)r;
    }
}

typedef struct {
    guint8 *p;
    guint64 acc;
    int nbits;
} Bits;

static inline void put_bits(Bits *w, guint32 v, int n)
{
    w->acc |= (guint64)v << w->nbits;
    w->nbits += n;
    if (w->nbits >= 32) {
        guint32 lo = GUINT32_TO_LE((guint32)w->acc);
        memcpy(w->p, &lo, 4);
        w->p += 4;
        w->acc >>= 32;
        w->nbits -= 32;
    }
}

/* The zlib stream of `t` (header, one final dynamic block, Adler-32) appended to `out`. */
void deflate_tokens(Tokens *t, GByteArray *out)
{
    const guint8 *lit_of_len = t->code_of_len;
    guint8 len[N_LITLEN];
    guint16 code[N_LITLEN] = {0};
    t->freq[256] = 1; /* end of block */
    huffman_lengths(t->freq, len);
    huffman_codes(len, N_LITLEN, code);
    int nlit = N_LITLEN;
    while (nlit > 257 && !len[nlit - 1])
        nlit--;
    /* exact size: header bits, then each symbol's code and extra bits */
    int ndist = t->far ? t->channels : 1; /* distance 1 is code "0", `channels` code "1" */
    guint64 bits = 3 + 5 + 5 + 4 + 19 * 3 + (guint64)(nlit + ndist) * 4 + 7;
    for (int s = 0; s < N_LITLEN; s++)
        bits += (guint64)t->freq[s] * (len[s] + (s > 256 ? len_extra[s - 257] + 1 : 0));
    guint at = out->len;
    g_byte_array_set_size(out, at + 2 + (guint)(bits / 8) + 8 + 4);
    guint8 *p = out->data + at;
    p[0] = 0x78; /* deflate, 32 KB window */
    p[1] = 0x01; /* fastest; 0x7801 is a multiple of 31 */
    Bits w = {p + 2, 0, 0};
    put_bits(&w, 1, 1); /* final block */
    put_bits(&w, 2, 2); /* dynamic Huffman */
    put_bits(&w, (guint32)(nlit - 257), 5);
    put_bits(&w, (guint32)(ndist - 1), 5);
    put_bits(&w, 19 - 4, 4);     /* all 19 code-length code lengths: */
    for (int i = 0; i < 19; i++) /* order 16,17,18,0,8,…: 0 for 16–18, 4 for 0–15 */
        put_bits(&w, i < 3 ? 0 : 4, 3);
    for (int s = 0; s < nlit; s++) { /* lengths 0–15 each as its own 4-bit code */
        guint32 l = len[s], r = ((l & 1) << 3) | ((l & 2) << 1) | ((l & 4) >> 1) | ((l & 8) >> 3);
        put_bits(&w, r, 4);
    }
    for (int d = 0; d < ndist; d++) /* distance codes 0 and ndist-1 of length 1 (0b0001 reversed) */
        put_bits(&w, d == 0 || d == ndist - 1 ? 8 : 0, 4);
    /* every symbol's bits (a match's: length code, extra bits, distance code) in one put */
    guint32 *sym_bits = g_new(guint32, 768);
    guint8 *sym_n = g_new(guint8, 768);
    for (int s = 0; s < 768; s++) {
        if (s < 256) {
            sym_bits[s] = code[s];
            sym_n[s] = len[s];
        } else {
            int l = (s - 256) & 255, c = lit_of_len[l], k = 257 + c;
            sym_bits[s] = code[k] | (guint32)(l + 3 - len_base[c]) << len[k] |
                          (guint32)(s >= 512) << (len[k] + len_extra[c]);
            sym_n[s] = (guint8)(len[k] + len_extra[c] + 1);
        }
    }
    for (gsize i = 0; i < t->n; i++)
        put_bits(&w, sym_bits[t->sym[i]], sym_n[t->sym[i]]);
    g_free(sym_bits);
    g_free(sym_n);
    put_bits(&w, code[256], len[256]);
    put_bits(&w, 0, (32 - w.nbits) & 7); /* to a byte boundary */
    while (w.nbits > 0) {
        *w.p++ = (guint8)w.acc;
        w.acc >>= 8;
        w.nbits -= 8;
    }
    guint32 adler = (guint32)((t->b % BASE) << 16 | (t->a % BASE));
    for (int i = 0; i < 4; i++)
        *w.p++ = (guint8)(adler >> (24 - 8 * i));
    g_byte_array_set_size(out, (guint)(w.p - out->data));
}
