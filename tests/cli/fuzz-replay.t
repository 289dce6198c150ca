#!/bin/sh
# Every fuzz seed and saved regression, replayed through its fuzz target (no fuzzer needed).
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
. tests/fuzz/seeds.sh
for bin in "$ROOT/${BUILD:-build}"/fuzz/replay_*; do
    name=${bin##*/replay_}
    # shellcheck disable=SC2046
    "$bin" $(fuzz_seeds "$name") >"$TMP/replay" 2>"$TMP/replay.err"
    status=$?
    count=$(grep -c '^ok' "$TMP/replay")
    is "$status" 0 "fuzz target $name replays its $count seeds and regressions"
    [ "$status" = 0 ] && [ "$count" -gt 0 ] || tail -n 5 "$TMP/replay.err" | sed 's/^/# /'
done
done_testing
