#!/bin/sh
# make eval: run `jianbao extract` over the gold articles and score it (tests/gold/README.md).
# Exits non-zero when precision or recall on the project's gold is below 0.95.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JB=${JIANBAO:-$ROOT/jianbao}
SEEDS=${JB_SEEDS:-$ROOT/../shared/seeds}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$ROOT" || exit 2
"$JB" extract -o "$TMP/gold.csv" examples/[0-9]* tests/gold/articles/* || exit 2
echo "== gold: examples/ and tests/gold/articles/ ($(ls examples/[0-9]* tests/gold/articles/* | wc -l) articles)"
$PY tests/gold/eval.py --show tests/gold/gold.csv "$TMP/gold.csv"
status=$?
if [ -d "$SEEDS" ] && ls "$SEEDS"/*.txt >/dev/null 2>&1; then
    "$JB" extract -o "$TMP/seeds.csv" "$SEEDS"/*.txt
    echo "== seeds: $SEEDS (reported, not gated)"
    $PY tests/gold/eval.py --show tests/gold/seeds.csv "$TMP/seeds.csv"
fi
exit $status
