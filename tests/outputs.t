#!/bin/sh
# Run last by make check: every PDF, PNG and SVG the unit tests wrote under $BUILD is valid
# for real readers (the CLI tests check their own through lib.sh's done_testing).
JB_TEST_ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$JB_TEST_ROOT/tests/cli/lib.sh"
mkdir -p "$TMP/unit"
find "$ROOT/${BUILD:-build}" -maxdepth 2 -type f \( -name '*.pdf' -o -name '*.png' -o -name '*.svg' \) \
    ! -name '*.diff.png' -exec cp {} "$TMP/unit/" \;
n_files=$(ls "$TMP/unit" | wc -l)
if [ "$n_files" -gt 0 ]; then ok 0 "found $n_files files the unit tests wrote"; else ok 1 "the unit tests wrote files to check"; fi
done_testing
