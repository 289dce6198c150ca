#!/bin/sh
# Extraction on real text: the articles of ../shared/corpus (real pages nobody here wrote,
# kept out of this repository) scored against their hand-checked gold, with the floors of
# the extraction issue; and `jianbao number --scan` over every number in the gold quotes.
# Skipped with a reason when the corpus is not beside the checkout.
. "$(dirname "$0")/lib.sh"
SHARED=$ROOT/../shared
[ -d "$SHARED" ] || SHARED=$ROOT/../../shared # (a git worktree one level down)
CORPUS=${JB_CORPUS:-$SHARED/corpus}
EVAL=${JB_EVAL_EXTRACT:-$SHARED/tools/eval_extract.py}
if [ ! -d "$CORPUS/articles" ] || [ ! -f "$CORPUS/gold.csv" ] || [ ! -f "$EVAL" ]; then
    echo "1..0 # SKIP the real-text corpus is not at $CORPUS (with ../shared/tools/eval_extract.py)"
    exit 0
fi
"$JB" extract -o "$TMP/m.csv" "$CORPUS"/articles/* 2>"$TMP/err"
st=$?
ok $(( st > 1 )) "extract reads every corpus article (exit $st)"
python3 "$EVAL" "$CORPUS/gold.csv" "$TMP/m.csv" >"$TMP/score"
sed 's/^/# /' "$TMP/score"
score() { # score NAME: the number after NAME in the scorer's output
    tr ' ' '\n' <"$TMP/score" | awk -v k="$1" 'found { print; exit } $0 == k { found = 1 }'
}
floor() { # floor NAME MIN
    v=$(score "$1")
    awk -v v="${v:-0}" -v m="$2" 'BEGIN { exit !(v + 0 >= m) }'
    ok $? "$1 $v ≥ $2"
}
floor precision 0.96
floor recall 0.98
floor period-year 0.98
floor period-exact 0.95
floor bound 0.98
floor forecast 0.96
written() { # written DIR: score the articles a second engineer wrote and annotated blind
    "$JB" extract -o "$TMP/w.csv" "$ROOT"/tests/gold/$1/articles/* 2>/dev/null
    python3 "$EVAL" "$ROOT/tests/gold/$1/gold.csv" "$TMP/w.csv" >"$TMP/score"
    sed "s/^/# $1: /" "$TMP/score"
}
# the written articles (tests/gold/written*), scored by the same conventions
written written
floor precision 0.97
floor recall 0.97
floor period-year 0.97
floor period-exact 0.85
floor bound 0.97
floor forecast 0.95
written written2
floor precision 0.92
floor recall 0.97
floor period-year 0.95
floor period-exact 0.87
floor bound 0.98
floor forecast 0.95
written written3
floor precision 0.94
floor recall 0.94
floor period-year 0.96
floor period-exact 0.87
floor bound 0.97
floor forecast 0.94
written written4
floor precision 0.96
floor recall 0.98
floor period-year 0.99
floor period-exact 0.94
floor bound 0.98
floor forecast 0.98
written written5
floor precision 0.91
floor recall 0.97
floor period-year 0.96
floor period-exact 0.84
floor bound 0.98
floor forecast 0.93
written written6
floor precision 0.97
floor recall 0.97
floor period-year 0.96
floor period-exact 0.93
floor bound 0.98
floor forecast 0.95
written written7
floor precision 0.97
floor recall 0.98
floor period-year 0.98
floor period-exact 0.93
floor bound 0.98
floor forecast 0.98
written written8
floor precision 0.97
floor recall 0.99
floor period-year 0.98
floor period-exact 0.95
floor bound 0.98
floor forecast 0.98
written written9
floor precision 0.96
floor recall 0.98
floor period-year 0.98
floor period-exact 0.91
floor bound 0.98
floor forecast 0.98
written written10
floor precision 0.94
floor recall 0.97
floor period-year 0.97
floor period-exact 0.83
floor bound 0.98
floor forecast 0.97
written written11
floor precision 0.94
floor recall 0.97
floor period-year 0.97
floor period-exact 0.86
floor bound 0.98
floor forecast 0.94
written written12
floor precision 0.95
floor recall 0.98
floor period-year 0.96
floor period-exact 0.85
floor bound 0.98
floor forecast 0.96
written written13
floor precision 0.95
floor recall 0.97
floor period-year 0.96
floor period-exact 0.85
floor bound 0.98
floor forecast 0.96
written written14
floor precision 0.93
floor recall 0.97
floor period-year 0.95
floor period-exact 0.64
floor bound 0.98
floor forecast 0.96
written written15
floor precision 0.95
floor recall 0.98
floor period-year 0.97
floor period-exact 0.83
floor bound 0.98
floor forecast 0.97
written written16
floor precision 0.90
floor recall 0.95
floor period-year 0.96
floor period-exact 0.81
floor bound 0.98
floor forecast 0.94
written written17
floor precision 0.93
floor recall 0.97
floor period-year 0.90
floor period-exact 0.94
floor bound 0.98
floor forecast 0.96
written written18
floor precision 0.92
floor recall 0.97
floor period-year 0.94
floor period-exact 0.80
floor bound 0.98
floor forecast 0.96
written written19
floor precision 0.94
floor recall 0.98
floor period-year 0.97
floor period-exact 0.80
floor bound 0.98
floor forecast 0.96
written written20
floor precision 0.95
floor recall 0.97
floor period-year 0.98
floor period-exact 0.93
floor bound 0.98
floor forecast 0.97
written written21
floor precision 0.98
floor recall 0.99
floor period-year 0.98
floor period-exact 0.94
floor bound 0.98
floor forecast 0.98
written written22
floor precision 0.98
floor recall 0.99
floor period-year 0.99
floor period-exact 0.95
floor bound 0.98
floor forecast 0.98
written written23
floor precision 0.98
floor recall 0.98
floor period-year 0.99
floor period-exact 0.95
floor bound 0.98
floor forecast 0.98
written written24
floor precision 0.97
floor recall 0.98
floor period-year 0.98
floor period-exact 0.92
floor bound 0.98
floor forecast 0.98
written written25
floor precision 0.98
floor recall 0.98
floor period-year 0.99
floor period-exact 0.94
floor bound 0.99
floor forecast 0.99
written written26
floor precision 0.97
floor recall 0.98
floor period-year 0.98
floor period-exact 0.92
floor bound 0.98
floor forecast 0.98
written written27
floor precision 0.97
floor recall 0.98
floor period-year 0.97
floor period-exact 0.93
floor bound 0.98
floor forecast 0.97
written written28
floor precision 0.96
floor recall 0.98
floor period-year 0.97
floor period-exact 0.92
floor bound 0.98
floor forecast 0.98
python3 "$ROOT/tests/gold/numbers_eval.py" "$JB" "$CORPUS/gold.csv" --min 0.98 >"$TMP/numbers"
st=$?
sed 's/^/# /' "$TMP/numbers"
ok $st "jianbao number --scan reads ≥ 98% of the gold quotes' numbers"
done_testing
