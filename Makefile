# jianbao — see README.md. The two commands: `make run` and `make test`.
# Both install missing Debian packages first (tools/deps.sh), then build.

BUILD    ?= build
CC       ?= cc
CFLAGS   ?= -O3 -g
PKGS      = pangocairo pangofc cairo-pdf cairo-svg cairo-png pixman-1 glib-2.0 fontconfig zlib libcmark json-glib-1.0
WARN      = -std=c17 -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
            -Wformat=2 -Wno-format-nonliteral -Wvla $(if $(WERROR),-Werror)
# WERROR=1 (CI: .ci/run) makes every warning an error, the sanitizer build's too.
# Recursive (=) so pkg-config runs only when a recipe needs it: after tools/deps.sh.
JB_CFLAGS = $(WARN) -D_GNU_SOURCE $(LAYERS:%=-Isrc/%) $(shell pkg-config --cflags $(PKGS)) \
            -DJB_DATADIR='"$(CURDIR)"' -DJB_VERSION='"$(VERSION)"'
# libc, GLib and GObject first: ld.so looks each of the ~5100 symbols the 42 loaded libraries
# bind at start-up up in the order of the binary's NEEDED list, and most are theirs (they came
# 15th, 12th and 11th: 8.2M → 6.9M instructions a start). libm stays before libc (both define
# ldexp, frexp, modf…); every symbol two libraries define keeps the definer it had.
JB_LIBS   = -lm -lc -lglib-2.0 -lgobject-2.0 $(shell pkg-config --libs $(PKGS)) -lcsv -lm
VERSION   = 0.1.0
PYTHON    = /usr/bin/python3

# The library's stages, lowest first: a folder may include headers of its own and of the
# folders before it, never after (tools/layers.sh, run by `make check`).
LAYERS    = core number article extract series chart report build cli
LIB_SRC   = $(filter-out src/cli/%,$(wildcard $(LAYERS:%=src/%/*.c)))
LIB_OBJ   = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/jb_units_gen.o \
            $(BUILD)/obj/gen/jb_words_gen.o
# The command line (main.c and a file per family of commands) is the binary's, not the library's.
CLI_OBJ   = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(wildcard src/cli/*.c))
SRC_H     = $(wildcard $(LAYERS:%=src/%/*.h))
LIB       = $(BUILD)/libjianbao.a
BIN       = $(if $(filter build,$(BUILD)),jianbao,$(BUILD)/jianbao)
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FONTS     = fonts/jianbao-sans-regular.otf fonts/jianbao-sans-bold.otf
FONTCACHE = fontcache/CACHEDIR.TAG
NOTO      = /usr/share/fonts/opentype/noto

.PHONY: all run test check sanitize-check deps deps-test fonts sanitize valgrind bench eval clean distclean install man \
        format format-check
.DELETE_ON_ERROR:

all: $(BIN) $(FONTS) $(FONTCACHE)

# ---- the two commands -------------------------------------------------------------
run:
	@sh tools/deps.sh run
	@$(MAKE) --no-print-directory all
	./$(BIN) build

# The suite twice: as built, then under ASan + UBSan (the last summary line is CI's).
test:
	@sh tools/deps.sh test
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory sanitize-check

# ---- building ---------------------------------------------------------------------
$(BUILD)/obj/%.o: src/%.c $(SRC_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(JB_CFLAGS) -c -o $@ $<

# The number scanner's units, from data (templates/units.tsv).
$(BUILD)/gen/jb_units_gen.c: templates/units.tsv tools/gen-units.awk
	@mkdir -p $(dir $@)
	awk -f tools/gen-units.awk templates/units.tsv >$@

# The extractor's word lists, from data (templates/words.tsv).
$(BUILD)/gen/jb_words_gen.c: templates/words.tsv tools/gen-words.awk
	@mkdir -p $(dir $@)
	awk -f tools/gen-words.awk templates/words.tsv >$@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(SRC_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(JB_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(JB_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/tap.h tests/unit/golden.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(JB_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIB) $(JB_LIBS)

# Benchmark programs over the library (tests/bench/*.c, run by make bench); built by make check
# too, so both builds keep them compiling.
BENCH_BIN = $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(wildcard tests/bench/*.c))
$(BUILD)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(JB_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(JB_LIBS)

# A desubroutinised GB 2312 subset of Noto Sans CJK SC, renamed so fontconfig can rank
# it ahead of the full system font (see fonts/fonts.conf). Built, never committed.
fonts/jianbao-sans-regular.otf: fonts/build-fonts.py
	$(PYTHON) fonts/build-fonts.py $(NOTO)/NotoSansCJK-Regular.ttc Regular $@

fonts/jianbao-sans-bold.otf: fonts/build-fonts.py
	$(PYTHON) fonts/build-fonts.py $(NOTO)/NotoSansCJK-Bold.ttc Bold $@

fonts: $(FONTS) $(FONTCACHE)

# fontconfig's cache of fonts/ (the subsets), so a process reads their character sets instead
# of scanning both fonts (src/chart/jb_fonts.c). Valid while fonts/ keeps its mtime: it depends
# on the directory too. Built, never committed; without it (or stale) jianbao scans them.
$(FONTCACHE): $(FONTS) fonts/.
	rm -rf fontcache && mkdir fontcache
	printf '<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
	  "$(CURDIR)/fonts" "$(CURDIR)/fontcache" >fontcache/fonts.conf
	FONTCONFIG_FILE=$(CURDIR)/fontcache/fonts.conf fc-cache -f
	test -f $@

# ---- installing -------------------------------------------------------------------
# The binary in PREFIX/bin, its data in PREFIX/share/jianbao (found there from the binary's
# own place: jb_data_path), the man page jianbao(1), made by help2man from `jianbao --help`
# and docs/jianbao.h2m (one source: the CLI's own help).
PREFIX   ?= /usr/local
DESTDIR  ?=
MAN       = $(BUILD)/jianbao.1
DATA      = templates/metrics.ini templates/briefing.md templates/units.tsv templates/publishers.tsv $(wildcard templates/*.theme)

man: $(MAN)

$(MAN): $(BIN) docs/jianbao.h2m
	@sh tools/deps.sh man
	@mkdir -p $(dir $@)
	help2man -L C.UTF-8 --no-info --no-discard-stderr -i docs/jianbao.h2m \
	  -n 'turn Chinese industry news into metrics, charts and PDF briefings' -o $@ ./$(BIN)

install: $(BIN) $(FONTS) $(MAN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/jianbao/fonts \
	  $(DESTDIR)$(PREFIX)/share/jianbao/templates $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/jianbao
	install -m 644 fonts/fonts.conf $(FONTS) $(DESTDIR)$(PREFIX)/share/jianbao/fonts/
	install -m 644 $(DATA) $(DESTDIR)$(PREFIX)/share/jianbao/templates/
	install -m 644 $(MAN) $(DESTDIR)$(PREFIX)/share/man/man1/jianbao.1

# ---- tests ------------------------------------------------------------------------
include tests/fuzz/fuzz.mk

# Unit tests are C programs printing TAP; tests/cli/*.t are shell scripts printing TAP;
# tests/scale/*.t run the README's Slurm recipe on a private one-node cluster (skipped,
# saying why, without root or Debian's Slurm packages).
# prove runs both and prints the summary line CI reads.
check: $(BIN) $(FONTS) $(FONTCACHE) $(UNIT_BIN) $(BENCH_BIN) $(FUZZ_REPLAY)
	JIANBAO=$(CURDIR)/$(BIN) BUILD=$(BUILD) prove --exec '' $(UNIT_BIN) tests/cli/*.t tests/pathological/*.t tests/scale/*.t tests/outputs.t tools/layers.sh tools/size-limits.sh

# cairo is built without frame pointers: unwind slowly so the suppressions can see it.
sanitize:
	@sh tools/deps.sh test
	@$(MAKE) --no-print-directory sanitize-check

sanitize-check:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 ASAN_OPTIONS=fast_unwind_on_malloc=0 \
	$(MAKE) --no-print-directory BUILD=build-san \
	  CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	  LDFLAGS='-fsanitize=address,undefined' check

# Extraction quality against tests/gold/ (see tests/gold/README.md): precision, recall and
# the accuracy of period, bound, forecast and metric_id; fails below 0.95.
eval: $(BIN)
	@JIANBAO=$(CURDIR)/$(BIN) sh tests/gold/eval.sh

# Benchmarks: every tests/bench/*.sh, each printing its own table of ratios; chart.sh also
# rewrites the README's table between its bench:chart markers.
bench:
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	@for b in tests/bench/*.sh; do JIANBAO=$(CURDIR)/$(BIN) JB_LIBS='$(JB_LIBS)' BENCH_BIN=$(CURDIR)/$(BUILD)/bench \
	  BENCH_README=$(CURDIR)/README.md sh $$b || exit 1; done

# The C sources through clang-format (.clang-format), but for the files tools/format-pending
# lists (not formatted yet); format-check fails naming any other file that is not clean.
format:
	@sh tools/deps.sh format
	@sh tools/format.sh fix

format-check:
	@sh tools/deps.sh format
	@sh tools/format.sh check

clean:
	rm -rf build build-san jianbao out fontcache

distclean: clean
	rm -f $(FONTS)
