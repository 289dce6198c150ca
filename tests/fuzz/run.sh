#!/bin/sh
# run.sh NAME SECONDS — fuzz one target (built by `make fuzz`) from its seeds; a crash or
# hang is saved under tests/fuzz/regressions/NAME/ for `make check` to replay. Inputs grow
# up to FUZZ_MAX_LEN bytes (default 1 MB: the quadratic paths need long inputs) from the
# first run on (-len_control=0), mutated with the tokens of jianbao.dict, and start from
# long seeds too (long-seeds.sh: libFuzzer alone grows them a few bytes at a time).
set -eu
. tests/fuzz/seeds.sh
name=$1
seconds=$2
mkdir -p "build-fuzz/corpus/$name" "tests/fuzz/regressions/$name"
[ -d build-fuzz/seeds ] || sh tests/fuzz/long-seeds.sh "$PWD/build-fuzz/seeds"
before=$(ls "tests/fuzz/regressions/$name" | wc -l)
echo "== fuzz $name for $seconds s"
# The template target typesets through cairo, whose leak the suppressions name by a frame
# only a slow unwind sees (as in make sanitize).
# A template that falls back to the full Noto Sans CJK for a rare glyph (₹) spends ~0.5 s
# subsetting it into the PDF, ~11 s under ASan at -O1: a fixed cost, not a hang, so that
# target's timeout is longer (libFuzzer stops at the first timeout).
asan=""
timeout=10
[ "$name" = template ] && asan=fast_unwind_on_malloc=0 && timeout=60
# shellcheck disable=SC2046
ASAN_OPTIONS=$asan LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
    "build-fuzz/fuzz_$name" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
    -max_len="${FUZZ_MAX_LEN:-1048576}" -len_control=0 -dict=tests/fuzz/jianbao.dict \
    -artifact_prefix="tests/fuzz/regressions/$name/" -print_final_stats=1 \
    "build-fuzz/corpus/$name" $(fuzz_seeds "$name") "build-fuzz/seeds/$name" >"build-fuzz/$name.log" 2>&1 || true
grep -E '^#[0-9]+ +(DONE|INITED)|stat::(number_of_executed_units|peak_rss_mb)|ERROR|SUMMARY|Test unit written' \
    "build-fuzz/$name.log" | tail -n 8
if [ "$(ls "tests/fuzz/regressions/$name" | wc -l)" -gt "$before" ]; then
    echo "!! $name: new findings saved in tests/fuzz/regressions/$name/ (commit them after fixing)"
fi
