# Fuzzing (included by the Makefile). `make fuzz` needs clang with libFuzzer; `make check`
# replays the corpora and saved regressions through the same targets, built with $(CC).

FUZZ_NAMES   = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY  = $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)
FUZZ_SECONDS ?= 60

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(JB_CFLAGS) -Itests/fuzz $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB) $(JB_LIBS)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h build-fuzz/libjianbao.a
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(JB_CFLAGS) -Itests/fuzz -o $@ $< build-fuzz/libjianbao.a $(JB_LIBS)

# The library instrumented for fuzzing: the ordinary rules, run again with BUILD=build-fuzz.
ifneq ($(BUILD),build-fuzz)
build-fuzz/libjianbao.a: $(LIB_SRC) $(SRC_H) templates/units.tsv
	$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
	  CFLAGS='-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all' \
	  build-fuzz/libjianbao.a
endif

# The number target's first corpus: the parser's own table of cases, one file per expression.
build-fuzz/corpus/number: tests/data/numbers.tsv
	mkdir -p $@
	awk -F'\t' 'NR > 1 && $$1 !~ /^#/ && $$2 != "" { f = sprintf("$@/case%04d", NR); printf "%s", $$2 > f; close(f) }' $<

.PHONY: fuzz
fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory build-fuzz/corpus/number $(FUZZ_NAMES:%=build-fuzz/fuzz_%)
	@for t in $(FUZZ_NAMES); do sh tests/fuzz/run.sh $$t $(FUZZ_SECONDS); done
