#!/bin/sh
# make eval: run `jianbao extract` over the gold articles and score it (tests/gold/README.md);
# then the seeds and the real-text corpus beside the checkout (../shared), when present.
# Exits non-zero when precision or recall on the project's gold is below 0.95.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JB=${JIANBAO:-$ROOT/jianbao}
SHARED=$ROOT/../shared
[ -d "$SHARED" ] || SHARED=$ROOT/../../shared # (a git worktree one level down)
SEEDS=${JB_SEEDS:-$SHARED/seeds}
CORPUS=${JB_CORPUS:-$SHARED/corpus}
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
if [ -d "$CORPUS/articles" ] && [ -f "$SHARED/tools/eval_extract.py" ]; then
    "$JB" extract -o "$TMP/corpus.csv" "$CORPUS"/articles/* 2>/dev/null
    echo "== real text: $CORPUS ($(ls "$CORPUS"/articles | wc -l) articles; floors gated by make check, tests/cli/corpus.t)"
    $PY "$SHARED/tools/eval_extract.py" "$CORPUS/gold.csv" "$TMP/corpus.csv" --show 10
    $PY tests/gold/numbers_eval.py "$JB" "$CORPUS/gold.csv" --show 5
else
    echo "== real text: skipped (no corpus at $CORPUS)"
fi
if [ -f "$SHARED/tools/eval_extract.py" ]; then
    for w in written written2 written3 written4 written5 written6 written7 written8 written9 written10 written11 written12 written13 written14 written15 written16 written17 written18 written19 written20 written21 written22 written23 written24 written25 written26 written27 written28; do
        "$JB" extract -o "$TMP/$w.csv" tests/gold/$w/articles/* 2>/dev/null
        echo "== written by a second engineer: tests/gold/$w ($(ls tests/gold/$w/articles | wc -l) articles, corpus conventions; floors in tests/cli/corpus.t)"
        $PY "$SHARED/tools/eval_extract.py" tests/gold/$w/gold.csv "$TMP/$w.csv" --show 5
    done
fi
exit $status
