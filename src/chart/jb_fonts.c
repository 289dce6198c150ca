#include "jb_fonts.h"

#include "jb_common.h"

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <glib/gstdio.h>
#include <string.h>

#define JB_FONTS_CONF "fonts/fonts.conf"
#define JB_SUBSET_FAMILY "Jianbao Sans SC"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(FcConfig, FcConfigDestroy)

/* What every thread's map is built over: the configuration (read-only once built, shared by
 * all maps, lives as long as the process), or the error every caller gets. */
static FcConfig *fonts_config;
static GError *fonts_error;
/* The character sets of the fonts pango can draw with (those of fonts_config in a format it
 * shapes), owned by fonts_config's font sets; built with it. */
static GPtrArray *fonts_charsets;

/* ---- pango 1.50's font-pattern threads ----------------------------------------------------
 * pango 1.50 (Debian 12 has 1.50.12) starts two threads for every new font pattern, one to
 * match it and one to sort the fonts for it (pangofc-fontmap.c, pango_fc_patterns_new), and
 * then waits for them: a chart's 14 sizes and weights started 28 threads, the most costly
 * system calls of a cold chart, and each hand-over waits for a core on a loaded machine.
 * pango 1.51.2 replaced them by one fontconfig thread per process. Until then jianbao
 * defines g_thread_new itself (the executable's definition comes first in the dynamic
 * linker's lookup) and runs exactly those two functions in the calling thread, which is what
 * waits for them anyway. Output is the same: the same calls, in another thread.
 *
 * The third, "[pango] FcInit", is started once per process as the first font map is made,
 * with a lock held that it takes, and the first layout waits for it: it calls FcInit(), which
 * has nothing to do once fonts_init has made jianbao's configuration the current one, and
 * then says it is done. A thread start and a hand-over for nothing (on a loaded machine the
 * wait for a core is the cost): while map_new makes a map, that function is kept instead,
 * and map_new runs it once pango has let go of its lock. Every other thread is GLib's. */
typedef GThread *(*ThreadNew)(const gchar *, GThreadFunc, gpointer);

/* Set by map_new on its thread while pango makes a map; the FcInit function kept then. */
static _Thread_local gboolean making_map;
static _Thread_local GThreadFunc fc_init_func;
static _Thread_local gpointer fc_init_data;

GThread *g_thread_new(const gchar *name, GThreadFunc func, gpointer data)
{
    static gsize real = 0;
    static gboolean inline_pango; /* set before `real`, read after it */
    if (g_once_init_enter(&real)) {
        ThreadNew f = (ThreadNew)dlsym(RTLD_NEXT, "g_thread_new");
        if (!f)
            g_error("g_thread_new: %s", dlerror()); /* cannot happen: GLib is linked */
        inline_pango = pango_version() < PANGO_VERSION_ENCODE(1, 51, 2);
        g_once_init_leave(&real, (gsize)f);
    }
    if (inline_pango && name &&
        (strcmp(name, "[pango] FcFontSetMatch") == 0 ||
         strcmp(name, "[pango] FcFontSetSort") == 0)) {
        func(data);                           /* signals the result and frees `data` */
        return g_thread_ref(g_thread_self()); /* for pango's g_thread_unref */
    }
    if (inline_pango && making_map && !fc_init_func && name &&
        strcmp(name, "[pango] FcInit") == 0) {
        fc_init_func = func; /* run by map_new, after pango has unlocked */
        fc_init_data = data;
        return g_thread_ref(g_thread_self());
    }
    return ((ThreadNew)real)(name, func, data);
}

/* The calling thread's font map (a PangoFontMap*), unreferenced when the thread exits. */
static GPrivate thread_map = G_PRIVATE_INIT(g_object_unref);

/* What makes the calling thread's cairo fonts its own (see jb_fonts_context_new): the
 * subpixel order its contexts' font options carry, by the number of its map (the first map's:
 * the default). Written when the thread's map is made. */
static _Thread_local cairo_subpixel_order_t thread_subpixel = CAIRO_SUBPIXEL_ORDER_DEFAULT;

/* TRUE if the application font set holds `file` under jianbao's family name. */
static gboolean subset_loaded(FcConfig *config, const char *file)
{
    FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *f = NULL, *family = NULL;
        if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &f) == FcResultMatch &&
            FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch &&
            strcmp((const char *)f, file) == 0 &&
            strcmp((const char *)family, JB_SUBSET_FAMILY) == 0)
            return TRUE;
    }
    return FALSE;
}

/* The subsets are application fonts, not a <dir> of fonts.conf: a <dir> whose cache is stale
 * or missing is scanned and its cache written to the first writable cache directory, and
 * without one (cron without HOME) fontconfig prints "No writable cache directories" on every
 * run. So they come from the cache `make` builds with fc-cache (fontcache/ beside fonts/:
 * ~0.1 ms) only when fontconfig finds it valid for the directory as it is now (its mtime;
 * under SOURCE_DATE_EPOCH fontconfig clamps that, so the cache does not match), and are
 * otherwise scanned file by file (FreeType reads both fonts' character maps: ~2 ms), never
 * written anywhere. The same patterns either way. */
static gboolean newer_than(const char *a, const char *b)
{
    GStatBuf sa, sb;
    return g_stat(a, &sa) == 0 && g_stat(b, &sb) == 0 &&
           (sa.st_mtim.tv_sec > sb.st_mtim.tv_sec ||
            (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec && sa.st_mtim.tv_nsec >= sb.st_mtim.tv_nsec));
}

static gboolean add_subsets(FcConfig *config, const char *dir, const char *const subsets[2])
{
    g_autofree char *parent = g_path_get_dirname(dir);
    g_autofree char *cachedir = g_build_filename(parent, "fontcache", NULL);
    if (g_file_test(cachedir, G_FILE_TEST_IS_DIR)) {
        g_autofree char *xml = g_markup_printf_escaped(
            "<fontconfig><cachedir>%s</cachedir></fontconfig>", cachedir);
        FcCache *cache = NULL;
        FcChar8 *file = NULL;
        if (FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml, FcFalse) &&
            (cache = FcDirCacheLoad((const FcChar8 *)dir, config, &file))) {
            FcDirCacheUnload(cache);
            /* fontconfig looks at the directory only: a font copied over in place is newer */
            gboolean fresh = newer_than((const char *)file, subsets[0]) &&
                             newer_than((const char *)file, subsets[1]);
            FcStrFree(file);
            if (fresh && FcConfigAppFontAddDir(config, (const FcChar8 *)dir) &&
                subset_loaded(config, subsets[0]) && subset_loaded(config, subsets[1]))
                return TRUE;
            FcConfigAppFontClear(config);
        }
    }
    for (gsize i = 0; i < 2; i++)
        if (!FcConfigAppFontAddFile(config, (const FcChar8 *)subsets[i]) ||
            !subset_loaded(config, subsets[i]))
            return FALSE;
    return TRUE;
}

static FcConfig *load_config(GError **error)
{
    g_autofree char *conf = jb_data_path(JB_FONTS_CONF);
    if (!conf) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "%s not found (looked in $JIANBAO_DATA, beside the executable and in the "
                    "source tree)",
                    JB_FONTS_CONF);
        return NULL;
    }
    g_autofree char *dir = g_path_get_dirname(conf);
    g_autofree char *regular = g_build_filename(dir, "jianbao-sans-regular.otf", NULL);
    g_autofree char *bold = g_build_filename(dir, "jianbao-sans-bold.otf", NULL);
    const char *subsets[] = {regular, bold};
    for (gsize i = 0; i < G_N_ELEMENTS(subsets); i++) {
        if (!g_file_test(subsets[i], G_FILE_TEST_IS_REGULAR)) {
            g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s missing: run make", subsets[i]);
            return NULL;
        }
    }

    g_autoptr(FcConfig) config = FcConfigCreate();
    /* Parse errors are also printed by fontconfig itself; we cannot silence that. */
    if (!FcConfigParseAndLoad(config, (const FcChar8 *)conf, FcTrue)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: not a valid fontconfig configuration",
                    conf);
        return NULL;
    }
    /* Reads the Noto directory from the system cache (kept by fc-cache) in ~0.1 ms. */
    if (!FcConfigBuildFonts(config)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s: cannot build the font list", conf);
        return NULL;
    }
    if (!add_subsets(config, dir, subsets)) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT, "%s, %s: not usable %s fonts: run make again",
                    regular, bold, JB_SUBSET_FAMILY);
        return NULL;
    }
    return g_steal_pointer(&config);
}

/* As pango 1.50 filters the fonts it sorts (pangofc-fontmap.c, filter_by_format): it shapes
 * TrueType and CFF, never WOFF. */
static gboolean pango_shapes(FcPattern *font)
{
    FcChar8 *file = NULL, *format = NULL;
    if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch &&
        (g_str_has_suffix((const char *)file, ".woff") ||
         g_str_has_suffix((const char *)file, ".woff2")))
        return FALSE;
    return FcPatternGetString(font, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
           (g_ascii_strcasecmp((const char *)format, "TrueType") == 0 ||
            g_ascii_strcasecmp((const char *)format, "CFF") == 0);
}

static GPtrArray *charsets_of(FcConfig *config)
{
    GPtrArray *sets = g_ptr_array_new();
    FcSetName names[] = {FcSetApplication, FcSetSystem}; /* the subsets first: most text */
    for (gsize n = 0; n < G_N_ELEMENTS(names); n++) {
        FcFontSet *fs = FcConfigGetFonts(config, names[n]);
        for (int i = 0; fs && i < fs->nfont; i++) {
            FcCharSet *cs = NULL;
            if (pango_shapes(fs->fonts[i]) &&
                FcPatternGetCharSet(fs->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
                g_ptr_array_add(sets, cs);
        }
    }
    return sets;
}

static void fonts_init(void)
{
    FcConfig *config = load_config(&fonts_error);
    if (!config)
        return;
    fonts_charsets = charsets_of(config);
    /* Before the first pango font map exists: pango's fontconfig thread calls FcInit(), which
     * would otherwise parse the host's /etc/fonts and make our first layout wait for it. */
    FcConfigSetCurrent(config);
    fonts_config = config;
}

/* A new map over the shared configuration. Its fonts are opened, and their glyphs cached,
 * per map on first use: a thread's first layout costs ~1 ms more than the next ones (the
 * process's first, which also builds the configuration, ~2 ms). */
static PangoFontMap *map_new(GError **error)
{
    making_map = TRUE;
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    making_map = FALSE;
    if (fc_init_func) { /* pango's FcInit thread's work (see g_thread_new above) */
        GThreadFunc f = fc_init_func;
        fc_init_func = NULL;
        f(fc_init_data);
    }
    if (!map) {
        g_set_error(error, JB_ERROR, JB_ERROR_INPUT,
                    "pango was built without cairo FreeType fonts");
        return NULL;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), fonts_config); /* takes a reference */
    static gint maps_made;
    thread_subpixel = (cairo_subpixel_order_t)(CAIRO_SUBPIXEL_ORDER_DEFAULT +
                                               g_atomic_int_add(&maps_made, 1) % 5);
    return map;
}

PangoFontMap *jb_fonts_map(GError **error)
{
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        fonts_init();
        g_once_init_leave(&once, 1);
    }
    if (!fonts_config) {
        g_propagate_error(error, g_error_copy(fonts_error));
        return NULL;
    }
    PangoFontMap *map = g_private_get(&thread_map);
    if (!map) {
        map = map_new(error);
        if (map)
            g_private_set(&thread_map, map);
    }
    return map;
}

PangoContext *jb_fonts_context_new(cairo_t *cr, GError **error)
{
    PangoFontMap *map = jb_fonts_map(error);
    if (!map)
        return NULL;
    PangoContext *ctx = pango_font_map_create_context(map);

    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    /* cairo keeps one scaled font per face, size and options for the whole process, and
     * pango's fonts of every thread's map come from the same files, so with equal options the
     * threads drew through the same cairo scaled fonts: cairo locks a scaled font around
     * every run of glyphs measured or drawn with it, and two threads drawing charts waited
     * for each other there (half of their waits; the other half is cairo's process-wide glyph
     * cache lock in its image compositor, which no font setting avoids). Options that differ
     * give each thread scaled fonts of its own. The subpixel order is the one that changes
     * nothing drawn: cairo uses it only for subpixel (LCD) antialiasing, and ours is grey, so
     * the same text gives the same bytes on every thread. Five orders: a sixth thread shares
     * the first's fonts again. (Not a font variation on an axis no font has, which would do
     * as well for any number of threads: cairo 1.16 leaks a copy of the variation string each
     * time a drawing switches fonts.) */
    cairo_font_options_set_subpixel_order(fo, thread_subpixel);
    pango_cairo_context_set_font_options(ctx, fo); /* copies; wins over the surface's */
    cairo_font_options_destroy(fo);

    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_cairo_context_set_resolution(ctx, 72.0);
    pango_context_set_language(ctx, pango_language_from_string("zh-cn"));
    g_autoptr(PangoFontDescription) desc = pango_font_description_from_string(JB_FONT_FAMILY " 12");
    pango_context_set_font_description(ctx, desc);
    if (cr)
        pango_cairo_update_context(cr, ctx);
    return ctx;
}

/* TRUE when some font of the configuration has every character of `text`: pango, which
 * itemises by the same character sets, would then draw no unknown glyph, and laying the text
 * out to ask it (a second shaping of every chart's text, and a font pattern of its own) can
 * be skipped. FALSE (ask pango) on anything else: control characters, invalid UTF-8. */
static gboolean all_covered(const char *text)
{
    if (!fonts_charsets || !g_utf8_validate(text, -1, NULL))
        return FALSE;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        guint i = 0;
        while (i < fonts_charsets->len &&
               !FcCharSetHasChar(g_ptr_array_index(fonts_charsets, i), ch))
            i++;
        if (i == fonts_charsets->len)
            return FALSE;
    }
    return TRUE;
}

char *jb_fonts_missing_chars(PangoContext *ctx, const char *text, const char *font_desc)
{
    g_return_val_if_fail(PANGO_IS_CONTEXT(ctx), NULL);
    if (!text || !*text || all_covered(text))
        return g_strdup("");

    g_autoptr(PangoLayout) layout = pango_layout_new(ctx);
    g_autoptr(PangoFontDescription)
        desc = pango_font_description_from_string(font_desc ? font_desc : JB_FONT_FAMILY);
    pango_layout_set_font_description(layout, desc);
    pango_layout_set_text(layout, text, -1);
    g_autoptr(GString) missing = g_string_new(NULL);
    jb_fonts_layout_missing(layout, missing);
    return g_string_free(g_steal_pointer(&missing), FALSE);
}

void jb_fonts_layout_missing(PangoLayout *layout, GString *missing)
{
    if (!layout || pango_layout_get_unknown_glyphs_count(layout) == 0)
        return;
    /* pango marks a character no font covers with an "unknown" glyph that carries the
     * character itself: glyph = PANGO_GLYPH_UNKNOWN_FLAG | codepoint. */
    g_autoptr(GHashTable) seen = g_hash_table_new(NULL, NULL);
    for (const char *p = missing->str; *p; p = g_utf8_next_char(p))
        g_hash_table_add(seen, GUINT_TO_POINTER(g_utf8_get_char(p)));
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run)
            continue;
        for (int i = 0; i < run->glyphs->num_glyphs; i++) {
            PangoGlyph g = run->glyphs->glyphs[i].glyph;
            if (!(g & PANGO_GLYPH_UNKNOWN_FLAG) || g == PANGO_GLYPH_INVALID_INPUT)
                continue;
            gunichar c = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
            if (g_hash_table_add(seen, GUINT_TO_POINTER(c)))
                g_string_append_unichar(missing, c);
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
}
