/* jb_png_priv.h — what jb_png.c and jb_png_deflate.c share (not installed, not public).
 *
 * jb_png.c turns an image into DEFLATE symbols (Tokens: runs where pixels repeat the row
 * above or the pixel before, literals elsewhere) and writes the PNG's chunks;
 * jb_png_deflate.c writes the symbols as one dynamic-Huffman block (code lengths, codes, the
 * bit writer) with the stream's Adler-32. Why by hand and not through zlib: jb_png.c.
 *
 * Not for: anything outside jb_png (its interface is jb_png_encode in jb_draw.h).
 */
#ifndef JB_PNG_PRIV_H
#define JB_PNG_PRIV_H

#include "jb_common.h"

/* ---- DEFLATE: runs and literals, one dynamic-Huffman block (RFC 1951) -------------------- */

enum { N_LITLEN = 286, MAX_BITS = 15, BASE = 65521 /* Adler-32 */ };

/* The image as DEFLATE symbols: 0–255 a literal byte; 256 + n a match of length n + 3 at
 * distance 1 (the previous byte repeated: runs of zeros where pixels repeat the row above);
 * 512 + n at distance `channels` (the previous pixel repeated: the top edge of a bar, whose
 * every pixel differs from the one above by the same amount). */
typedef struct {
    guint16 *sym;
    gsize n, cap;
    guint32 freq[N_LITLEN];
    guint64 a, b;            /* Adler-32 sums, reduced once per row */
    guint32 last;            /* the last 4 bytes of the stream, the latest in the low byte */
    guint64 bytes;           /* the length of the stream so far */
    int channels;            /* bytes a pixel */
    gboolean far;            /* a match at distance `channels` was made */
    guint8 code_of_len[256]; /* length − 3 → its length code − 257 */
} Tokens;

static const guint16 len_base[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                     15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                     67, 83, 99, 115, 131, 163, 195, 227, 258};
static const guint8 len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                     2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};

/* jb_png_deflate.c */
void deflate_tokens(Tokens *t, GByteArray *out);


#endif
