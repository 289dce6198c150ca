/* test_fonts.c — jianbao's fonts are its own: the subset first, full Noto for rare
 * characters, tofu reported, the host's fontconfig never consulted, and one layout measuring
 * the same on PNG, PDF and SVG surfaces. Run from the repository root after `make fonts`. */
#include "jb_common.h"
#include "jb_fonts.h"
#include "tap.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <dlfcn.h>
#include <pthread.h>
#include <glib/gstdio.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Under `make sanitize` the libraries' own leaks are suppressed by tests/lsan.supp. */
static const char *const MIXED = "2025年我国人工智能核心产业规模预计突破1.2万亿元（同比增长"
                                 "5.9%），「小巨人」企业1.76万家，专精特新、领航工厂。";

/* Threads started in this process: every one, GLib's g_thread_new included, is made by
 * pthread_create, and this definition comes before libc's in the dynamic linker's lookup. */
static gint threads_started;

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
    typedef int (*Create)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
    static Create real;
    if (!real)
        real = (Create)dlsym(RTLD_NEXT, "pthread_create");
    g_atomic_int_inc(&threads_started);
    return real(thread, attr, start, arg);
}

static char *write_file(const char *dir, const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    if (!g_file_set_contents(path, text, -1, NULL)) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    return path;
}

/* Child process: with JIANBAO_DATA holding fonts/fonts.conf but no subset fonts,
 * jb_fonts_map must fail with "...missing: run make", and fail the same way again. */
static int missing_fonts_child(const char *data_dir)
{
    g_setenv("JIANBAO_DATA", data_dir, TRUE);
    GError *e1 = NULL, *e2 = NULL;
    PangoFontMap *m1 = jb_fonts_map(&e1);
    PangoFontMap *m2 = jb_fonts_map(&e2);
    int bad = m1 != NULL || m2 != NULL || !e1 || !e2 || e1->domain != JB_ERROR ||
              !g_str_has_suffix(e1->message, "fonts/jianbao-sans-regular.otf missing: run make") ||
              strcmp(e1->message, e2->message) != 0;
    if (e1)
        printf("# child error: %s\n", e1->message);
    return bad;
}

/* Family name of the font pango uses for the first run of `text` (and, if `file` is given,
 * that font's file). */
static char *first_run_family(PangoLayout *layout, char **file)
{
    PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
    if (!line || !line->runs)
        return g_strdup("(no run)");
    PangoLayoutRun *run = line->runs->data;
    PangoFont *font = run->item->analysis.font;
    PangoFontDescription *d = pango_font_describe(font);
    char *family = g_strdup(pango_font_description_get_family(d));
    pango_font_description_free(d);
    if (file) {
        FcChar8 *f = NULL;
        FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
        *file = g_strdup(pat && FcPatternGetString(pat, FC_FILE, 0, &f) == FcResultMatch
                             ? (const char *)f
                             : "(no file)");
    }
    return family;
}

/* Families of every run of the layout, joined with '|' (to see every font pango picked). */
static char *run_families(PangoLayout *layout)
{
    GString *s = g_string_new(NULL);
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        PangoFontDescription *d = pango_font_describe(run->item->analysis.font);
        if (s->len)
            g_string_append_c(s, '|');
        g_string_append(s, pango_font_description_get_family(d));
        pango_font_description_free(d);
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    return g_string_free(s, FALSE);
}

static PangoLayout *layout_new(PangoContext *ctx, const char *font, const char *text)
{
    PangoLayout *layout = pango_layout_new(ctx);
    PangoFontDescription *d = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, d);
    pango_font_description_free(d);
    pango_layout_set_text(layout, text, -1);
    return layout;
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure, (void)data, (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* Width and height (pango units) and line count of `text` wrapped at `wrap` units, laid out
 * for a context made on `surface`. */
static void measure(cairo_surface_t *surface, const char *font, const char *text, int wrap, int *w,
                    int *h, int *lines)
{
    cairo_t *cr = cairo_create(surface);
    GError *error = NULL;
    PangoContext *ctx = jb_fonts_context_new(cr, &error);
    if (!ctx) {
        printf("Bail out! %s\n", error->message);
        exit(1);
    }
    PangoLayout *layout = layout_new(ctx, font, text);
    if (wrap > 0) {
        pango_layout_set_width(layout, wrap * PANGO_SCALE);
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_get_size(layout, w, h);
    *lines = pango_layout_get_line_count(layout);
    pango_cairo_show_layout(cr, layout); /* drawing must work too, and not change anything */
    g_object_unref(layout);
    g_object_unref(ctx);
    cairo_destroy(cr);
}

/* (6) Threads draw at the same time, each through its own map (see draw_in_thread). */
enum { N_THREADS = 4, N_DRAWS = 8 };
typedef struct {
    PangoFontMap *map;  /* the thread's map, while the thread lives */
    gboolean map_freed; /* set by a weak pointer when the thread's map is finalised */
    FcConfig *config;
    cairo_scaled_font_t *scaled; /* the cairo font its "jianbao-sans 24" is drawn with (a ref) */
    char *pixels[N_DRAWS];       /* SHA-1 of each drawing */
} ThreadDraw;
static gint threads_with_map;

/* Draws MIXED in bold and regular on a fresh 800×120 image; the SHA-1 of its pixels. */
static char *draw_hash(void)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 120);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    PangoContext *ctx = jb_fonts_context_new(cr, NULL);
    char *sum = NULL;
    if (ctx) {
        const char *fonts[] = {JB_FONT_FAMILY " 24", JB_FONT_FAMILY " Bold 17.5"};
        cairo_set_source_rgb(cr, 0, 0, 0);
        for (gsize i = 0; i < G_N_ELEMENTS(fonts); i++) {
            PangoLayout *l = layout_new(ctx, fonts[i], MIXED);
            cairo_move_to(cr, 4, 4 + 56.0 * (double)i);
            pango_cairo_show_layout(cr, l);
            g_object_unref(l);
        }
        g_object_unref(ctx);
        cairo_surface_flush(img);
        sum = g_compute_checksum_for_data(G_CHECKSUM_SHA1, cairo_image_surface_get_data(img),
                                          (gsize)cairo_image_surface_get_stride(img) * 120);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(img);
    return sum;
}

/* The cairo scaled font the calling thread draws "jianbao-sans 24" with on an image (a new
 * reference), or NULL. */
static cairo_scaled_font_t *thread_scaled_font(void)
{
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
    cairo_t *cr = cairo_create(img);
    PangoContext *ctx = jb_fonts_context_new(cr, NULL);
    cairo_scaled_font_t *scaled = NULL;
    if (ctx) {
        PangoFontDescription *desc = pango_font_description_from_string(JB_FONT_FAMILY " 24");
        PangoFont *font = pango_context_load_font(ctx, desc);
        if (font && PANGO_IS_CAIRO_FONT(font))
            scaled = cairo_scaled_font_reference(
                pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)));
        g_clear_object(&font);
        pango_font_description_free(desc);
        g_object_unref(ctx);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(img);
    return scaled;
}

static gpointer draw_in_thread(gpointer data)
{
    ThreadDraw *t = data;
    t->map = jb_fonts_map(NULL);
    if (t->map) {
        t->config = pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(t->map));
        g_object_add_weak_pointer(G_OBJECT(t->map), (gpointer *)&t->map);
    }
    t->scaled = thread_scaled_font();
    /* Every thread holds its map before any draws: the maps are alive together. */
    g_atomic_int_inc(&threads_with_map);
    while (g_atomic_int_get(&threads_with_map) < N_THREADS)
        g_usleep(1000);
    for (int k = 0; k < N_DRAWS; k++)
        t->pixels[k] = draw_hash();
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0); /* keep TAP lines even if a sanitizer ends the process */
    /* Before anything touches fontconfig: the "host" configuration is an empty one, so
     * everything below works only if jb_fonts brings its own fonts. */
    g_autofree char *tmp = g_dir_make_tmp("jb-test-fonts-XXXXXX", NULL);
    if (!tmp) {
        printf("Bail out! cannot make a temporary directory\n");
        return 1;
    }
    g_autofree char *empty_conf = write_file(
        tmp, "empty.conf", "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n");
    setenv("FONTCONFIG_FILE", empty_conf, 1);

    /* Error path, in a child so that the once-only initialisation below stays fresh. */
    g_autofree char *data_fonts = g_build_filename(tmp, "data", "fonts", NULL);
    g_mkdir_with_parents(data_fonts, 0700);
    g_autofree char *real_conf = jb_data_path("fonts/fonts.conf");
    g_autofree char *conf_text = NULL;
    g_autofree char *copied_conf = NULL;
    if (real_conf && g_file_get_contents(real_conf, &conf_text, NULL, NULL))
        copied_conf = write_file(data_fonts, "fonts.conf", conf_text);
    g_autofree char *data_dir = g_build_filename(tmp, "data", NULL);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(missing_fonts_child(data_dir));
    int status = 0;
    waitpid(pid, &status, 0);
    ok(copied_conf && WIFEXITED(status) && WEXITSTATUS(status) == 0,
       "without the subset fonts: NULL and \"...missing: run make\", every time");

    /* The real thing. */
    GError *error = NULL;
    int threads_before = g_atomic_int_get(&threads_started);
    gint64 t0 = g_get_monotonic_time();
    PangoFontMap *map = jb_fonts_map(&error);
    gint64 t1 = g_get_monotonic_time();
    if (!ok(map != NULL, "jb_fonts_map (%.2f ms cold)", (t1 - t0) / 1000.0)) {
        printf("Bail out! %s\n", error ? error->message : "?");
        return 1;
    }
    ok(jb_fonts_map(NULL) == map, "the same map every time");
    FcConfig *ours = pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(map));
    ok(ours && FcConfigGetCurrent() == ours,
       "fontconfig's current configuration is jianbao's (the host's is never loaded)");

    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 200);
    cairo_t *cr = cairo_create(img);
    gint64 t2 = g_get_monotonic_time();
    PangoContext *ctx = jb_fonts_context_new(cr, &error);
    ok(ctx != NULL, "jb_fonts_context_new");
    ok(!pango_context_get_round_glyph_positions(ctx), "glyph positions are not rounded");
    const cairo_font_options_t *fo = pango_cairo_context_get_font_options(ctx);
    ok(fo && cairo_font_options_get_hint_metrics(fo) == CAIRO_HINT_METRICS_OFF &&
           cairo_font_options_get_hint_style(fo) == CAIRO_HINT_STYLE_NONE,
       "hint metrics off, hint style none");

    /* (1) CJK headline text, 万亿元, fullwidth punctuation and digits: no tofu. */
    PangoLayout *l = layout_new(ctx, JB_FONT_FAMILY " 16", MIXED);
    int unknown = pango_layout_get_unknown_glyphs_count(l);
    gint64 t3 = g_get_monotonic_time();
    ok(unknown == 0, "mixed headline: %d unknown glyphs (first layout %.2f ms)", unknown,
       (t3 - t2) / 1000.0);
    g_autofree char *miss = jb_fonts_missing_chars(ctx, MIXED, NULL);
    is_str(miss, "", "mixed headline: nothing missing");
    g_autofree char *fams = run_families(l);
    is_str(fams, "Jianbao Sans SC", "mixed headline: every run from the subset");
    g_object_unref(l);
    /* pango 1.50 started a thread to initialise fontconfig and two for every new font
     * pattern (jb_fonts.c runs their work in the calling thread); later pango has its own */
    if (pango_version() < PANGO_VERSION_ENCODE(1, 51, 2))
        ok(g_atomic_int_get(&threads_started) == threads_before,
           "the first map, context and layouts started %d threads (none)",
           g_atomic_int_get(&threads_started) - threads_before);
    else
        ok(1, "# SKIP pango %s runs fontconfig in threads of its own", pango_version_string());

    /* (2) Common hanzi come from the subset. */
    l = layout_new(ctx, JB_FONT_FAMILY " 16", "人工智能");
    g_autofree char *file = NULL;
    g_autofree char *fam = first_run_family(l, &file);
    is_str(fam, "Jianbao Sans SC", "人工智能 from the subset");
    ok(g_str_has_suffix(file, "fonts/jianbao-sans-regular.otf"), "... file %s", file);
    g_object_unref(l);

    /* sans-serif and an unknown family also end up on jianbao's fonts. */
    const char *aliases[] = {"sans-serif 16", "Sans 16", "NoSuchFamily 16"};
    for (gsize i = 0; i < G_N_ELEMENTS(aliases); i++) {
        l = layout_new(ctx, aliases[i], "人工智能");
        g_autofree char *f = first_run_family(l, NULL);
        is_str(f, "Jianbao Sans SC", "\"%s\" resolves to the subset", aliases[i]);
        g_object_unref(l);
    }

    /* (3) Rare characters outside GB 2312 fall back to the full Noto Sans CJK SC. */
    const char *rare[] = {"㐀", "䶮", "龘"};
    for (gsize i = 0; i < G_N_ELEMENTS(rare); i++) {
        g_autofree char *s = g_strdup_printf("规模%s", rare[i]);
        l = layout_new(ctx, JB_FONT_FAMILY " 16", s);
        g_autofree char *f = run_families(l);
        ok(pango_layout_get_unknown_glyphs_count(l) == 0, "%s: no unknown glyphs", rare[i]);
        is_str(f, "Jianbao Sans SC|Noto Sans CJK SC", "%s: subset, then Noto Sans CJK SC", rare[i]);
        g_autofree char *m = jb_fonts_missing_chars(ctx, s, NULL);
        is_str(m, "", "%s: nothing missing", rare[i]);
        g_object_unref(l);
    }
    /* ... while a private-use character renders as tofu and is reported, once. */
    const char *pua = "万亿元\xee\x80\x80（\xee\x80\x80）\xef\xbf\xbf";
    g_autofree char *m = jb_fonts_missing_chars(ctx, pua, JB_FONT_FAMILY " Bold 12");
    is_str(m, "\xee\x80\x80\xef\xbf\xbf", "U+E000 (twice) and U+FFFF reported, once each");
    l = layout_new(ctx, JB_FONT_FAMILY " 12", "\xee\x80\x80");
    ok(pango_layout_get_unknown_glyphs_count(l) == 1, "U+E000 alone: one unknown glyph");
    g_object_unref(l);
    g_autofree char *none = jb_fonts_missing_chars(ctx, "", NULL);
    is_str(none, "", "empty text: nothing missing");

    /* jb_fonts_missing_chars answers "nothing missing" from the fonts' character sets without
     * asking pango; pango must then agree: for every 5th code point of the BMP (and of the
     * CJK extension B plane's start), "" only where a layout of it has no unknown glyph. */
    int checked = 0, covered = 0, disagree = 0;
    gunichar first_bad = 0;
    for (gunichar c = 0x20; c < 0x20100; c += 5) {
        if ((c >= 0xD800 && c < 0xE000) || (c >= 0x10000 && c < 0x20000))
            continue;
        char s[8] = {0};
        g_unichar_to_utf8(c, s);
        g_autofree char *mc = jb_fonts_missing_chars(ctx, s, NULL);
        checked++;
        if (*mc)
            continue;
        covered++;
        l = layout_new(ctx, JB_FONT_FAMILY " 12", s);
        if (pango_layout_get_unknown_glyphs_count(l) != 0 && disagree++ == 0)
            first_bad = c;
        g_object_unref(l);
    }
    ok(disagree == 0 && covered > 1000,
       "nothing missing only where pango draws no unknown glyph: %d of %d code points covered, "
       "%d disagree (first U+%04X)",
       covered, checked, disagree, first_bad);

    /* (4) Bold resolves to the bold subset. */
    l = layout_new(ctx, JB_FONT_FAMILY " Bold 16", "人工智能 AI 4000亿元");
    g_autofree char *bfile = NULL;
    g_autofree char *bfam = first_run_family(l, &bfile);
    is_str(bfam, "Jianbao Sans SC", "bold: family");
    ok(g_str_has_suffix(bfile, "fonts/jianbao-sans-bold.otf"), "bold: file %s", bfile);
    PangoFontDescription *bd = pango_font_describe(
        ((PangoLayoutRun *)pango_layout_get_line_readonly(l, 0)->runs->data)->item->analysis.font);
    ok(pango_font_description_get_weight(bd) == PANGO_WEIGHT_BOLD, "bold: weight %d",
       pango_font_description_get_weight(bd));
    pango_font_description_free(bd);
    g_object_unref(l);

    /* Drawing puts ink on the surface. */
    l = layout_new(ctx, JB_FONT_FAMILY " 32", "人工智能核心产业");
    cairo_set_source_rgb(cr, 0, 0, 0);
    pango_cairo_show_layout(cr, l);
    cairo_surface_flush(img);
    int ink = 0;
    const unsigned char *px = cairo_image_surface_get_data(img);
    for (int i = 0; i < cairo_image_surface_get_stride(img) * 200; i += 4)
        ink += px[i + 3] != 0;
    ok(ink > 500, "drawing puts ink on the image (%d pixels)", ink);
    g_object_unref(l);
    g_object_unref(ctx);
    cairo_destroy(cr);

    /* (5) One layout, the same size on PNG, PDF and SVG surfaces, also when wrapping and at
     * fractional sizes. */
    cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(discard, NULL, 1600, 900);
    cairo_surface_t *svg = cairo_svg_surface_create_for_stream(discard, NULL, 1600, 900);
    cairo_surface_t *png = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1600, 900);
    struct {
        const char *font;
        int wrap;
    } cases[] = {{JB_FONT_FAMILY " 16", 0},
                 {JB_FONT_FAMILY " 13.7", 0},
                 {JB_FONT_FAMILY " Bold 21.3", 0},
                 {JB_FONT_FAMILY " 15", 301}};
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        int w[3], h[3], n[3];
        measure(png, cases[i].font, MIXED, cases[i].wrap, &w[0], &h[0], &n[0]);
        measure(pdf, cases[i].font, MIXED, cases[i].wrap, &w[1], &h[1], &n[1]);
        measure(svg, cases[i].font, MIXED, cases[i].wrap, &w[2], &h[2], &n[2]);
        ok(w[0] == w[1] && w[0] == w[2] && h[0] == h[1] && h[0] == h[2] && n[0] == n[1] &&
               n[0] == n[2],
           "\"%s\"%s: PNG %dx%d/%d, PDF %dx%d/%d, SVG %dx%d/%d (pango units/lines)", cases[i].font,
           cases[i].wrap ? " wrapped" : "", w[0], h[0], n[0], w[1], h[1], n[1], w[2], h[2], n[2]);
    }
    /* Font sizes are in user units: a 16-unit font gives lines about 16 * 1.45 high. */
    {
        int w, h, n;
        measure(png, JB_FONT_FAMILY " 16", "人工智能", 0, &w, &h, &n);
        ok(h > 16 * PANGO_SCALE && h < 32 * PANGO_SCALE, "16-unit font: line height %.2f units",
           (double)h / PANGO_SCALE);
    }
    cairo_surface_finish(pdf);
    cairo_surface_finish(svg);
    cairo_surface_destroy(pdf);
    cairo_surface_destroy(svg);
    cairo_surface_destroy(png);
    cairo_surface_destroy(img);

    /* (6) Threads: each draws through its own map over the one configuration, and four
     * drawing at once give the pixels of one drawing alone. */
    {
        g_autofree char *alone = draw_hash();
        ThreadDraw t[N_THREADS] = {0};
        GThread *th[N_THREADS];
        for (int i = 0; i < N_THREADS; i++)
            th[i] = g_thread_new("draw", draw_in_thread, &t[i]);
        int distinct = 0, same_config = 0, same_pixels = 0, freed = 0;
        /* The maps, compared while every thread still holds its own. */
        while (g_atomic_int_get(&threads_with_map) < N_THREADS)
            g_usleep(1000);
        cairo_scaled_font_t *main_scaled = thread_scaled_font();
        int own_fonts = 0;
        for (int i = 0; i < N_THREADS; i++) {
            gboolean unique = t[i].map && t[i].map != map;
            gboolean own = t[i].scaled && main_scaled && t[i].scaled != main_scaled;
            for (int k = 0; k < i; k++) {
                unique = unique && t[i].map != t[k].map;
                own = own && t[i].scaled != t[k].scaled;
            }
            distinct += unique;
            own_fonts += own;
        }
        for (int i = 0; i < N_THREADS; i++)
            g_thread_join(th[i]);
        for (int i = 0; i < N_THREADS; i++) {
            same_config += t[i].config == ours;
            freed += t[i].map == NULL;
            for (int k = 0; k < N_DRAWS; k++) {
                same_pixels += alone && t[i].pixels[k] && strcmp(t[i].pixels[k], alone) == 0;
                g_free(t[i].pixels[k]);
            }
        }
        ok(distinct == N_THREADS, "threads: %d of %d have a map of their own", distinct, N_THREADS);
        ok(same_config == N_THREADS, "threads: every map is over jianbao's one configuration");
        /* cairo locks a scaled font around every run of glyphs drawn or measured with it:
         * threads sharing one waited for each other (issue 19) */
        ok(own_fonts == N_THREADS,
           "threads: %d of %d draw with cairo scaled fonts of their own, not the main thread's "
           "or each other's",
           own_fonts, N_THREADS);
        for (int i = 0; i < N_THREADS; i++)
            if (t[i].scaled)
                cairo_scaled_font_destroy(t[i].scaled);
        if (main_scaled)
            cairo_scaled_font_destroy(main_scaled);
        ok(same_pixels == N_THREADS * N_DRAWS,
           "threads: %d of %d drawings made at the same time have the pixels of one made alone",
           same_pixels, N_THREADS * N_DRAWS);
        ok(freed == N_THREADS, "threads: a thread's map is freed when it exits (%d of %d)", freed,
           N_THREADS);
        ok(jb_fonts_map(NULL) == map, "the main thread keeps its map");
    }

    /* Clean up the temporary directory. */
    if (copied_conf)
        g_unlink(copied_conf);
    g_rmdir(data_fonts);
    g_rmdir(data_dir);
    g_unlink(empty_conf);
    g_rmdir(tmp);
    return tap_done();
}
