#!/bin/sh
# Shards merged as a set: `jianbao extract` of shards (inputs from @LIST files) and
# `jianbao reshape` of many metrics.csv (arguments, @LIST, @- on stdin) give the series.csv
# and conflicts.csv of one extraction of every article, in whatever order the shards come.
. "$(dirname "$0")/lib.sh"
D=$TMP/a
python3 "$ROOT/tests/scale/corpus.py" "$D" 60
cd "$TMP" || exit 1
# a conflict across shards: one copy of a sample states another figure
f=$(ls a/*2026-01-press-conference.txt | sed -n 3p)
sed -i 's/[0-9][0-9]*\(万\|亿\|家\)/7\1/' "$f"
ls a/* >all.list
"$JB" extract -o full.csv a/* 2>/dev/null
"$JB" extract -o list.csv @all.list 2>/dev/null
check "extract @LIST reads the articles the list names, as arguments do" cmp full.csv list.csv
is "$(status_of "$JB" extract @no-such.list)" 2 "an unreadable list is a usage error"
contains "$(cat "$TMP/err")" "no-such.list: cannot read the file list" "that names the list"

# three interleaved shards: every third article, so no shard is a range of the order
for i in 0 1 2; do
    awk -v i=$i 'NR % 3 == i' all.list >s$i.list
    "$JB" extract -o s$i.csv @s$i.list 2>/dev/null
done
mkdir -p full
"$JB" reshape --period year -o full/series.csv full.csv 2>full.err
full_status=$?
# conflicts.csv without kept_line and other_line: a line is of its own metrics.csv
lineless() { cut -d, -f1-8,10-13 "$1"; }
lineless full/conflicts.csv >full/conflicts.lineless
ok $((full_status > 1)) "reshape of the whole extraction (exit $full_status)"
# (two of its figures altered: the fund and the 小巨人 count, both of the title's year)
is "$(grep -c '' full/conflicts.csv)" 3 "the altered copy conflicts with the others"
is "$(tail -n +2 full/conflicts.csv | grep -vc "$(basename "$f")")" 0 "every conflict is the altered copy's"
contains "$(cat m1.err 2>/dev/null; cat full.err)" "conflict for" "and reshape says so"
k=0
for order in "s0.csv s1.csv s2.csv" "s2.csv s0.csv s1.csv" "s1.csv s2.csv s0.csv"; do
    k=$((k + 1))
    mkdir -p m$k
    # shellcheck disable=SC2086
    "$JB" reshape --period year -o m$k/series.csv $order 2>m$k.err
    is "$?" "$full_status" "reshape $order exits as the whole does"
    check "reshape $order: series.csv is the whole extraction's" cmp m$k/series.csv full/series.csv
    is "$(lineless m$k/conflicts.csv)" "$(cat full/conflicts.lineless)" \
        "reshape $order: conflicts.csv is the whole extraction's (lines apart)"
done
printf 's2.csv\r\n\ns1.csv\ns0.csv\n' >shards.list
mkdir -p l && "$JB" reshape --period year -o l/series.csv @shards.list 2>/dev/null
check "reshape @LIST (CRLF, blank lines) merges the same" cmp l/series.csv full/series.csv
printf 's1.csv\ns0.csv\ns2.csv\n' | "$JB" reshape --period year @- >stdin.csv 2>/dev/null
check "reshape @- reads the list from stdin" cmp stdin.csv full/series.csv
"$JB" reshape --period year s1.csv s0.csv s2.csv s1.csv >twice.csv 2>/dev/null
check "a shard given twice changes nothing (its rows merge with themselves)" cmp twice.csv full/series.csv

# messages name each row's own file and line
python3 - <<'PY'
import csv
rows = list(csv.reader(open("s1.csv", newline="", encoding="utf-8")))
p = rows[0].index("period")
rows[2][p] = "someday"
csv.writer(open("bad1.csv", "w", newline="", encoding="utf-8"), lineterminator="\n").writerows(rows)
PY
"$JB" reshape --period year s0.csv bad1.csv s2.csv >/dev/null 2>bad.err
contains "$(cat bad.err)" "bad1.csv:3: " "a bad row is named by its own file and line"
python3 - <<'PY'
import csv
rows = list(csv.reader(open("s2.csv", newline="", encoding="utf-8")))
u = rows[0].index("unit")
csv.writer(open("nounit.csv", "w", newline="", encoding="utf-8"), lineterminator="\n").writerows(
    [r[:u] + r[u + 1:] for r in rows])
PY
is "$(status_of "$JB" reshape s0.csv nounit.csv)" 3 "a shard without a required column is an input error"
contains "$(cat "$TMP/err")" "nounit.csv:1: missing column 'unit'" "naming that shard"
is "$(status_of "$JB" reshape --long s0.csv s1.csv)" 2 "--long reads one file"
done_testing
