#!/bin/sh
# A build split into units (one per article, chart and report) run by another engine, here
# `make -j`, on one shared output directory; a plain build then only assembles.
. "$(dirname "$0")/lib.sh"
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao # the tree's binary may be rebuilt meanwhile

sample_project "$TMP/plain"
sample_project "$TMP/split"
(cd "$TMP/plain" && "$JB" build -q test.project) 2>/dev/null
cd "$TMP/split" || exit 1

is "$("$JB" build --list-units test.project | tr '\n' ' ')" \
    "extract:0 extract:1 extract:2 extract:3 chart:ai-core-industry report " "--list-units"
units=$("$JB" build --list-units --shards 2 test.project | wc -l)

# The units hold no lock: they run while a build holds it, all at once.
cat >Makefile <<EOM
UNITS := \$(shell seq 0 $((units - 1)))
all: \$(addprefix unit-,\$(UNITS))
unit-%:
	@"$JB" build --quiet --shards 2 --unit \$* test.project
EOM
mkdir -p out
hold_lock out/.lock
make -j "$units" >"$TMP/make.out" 2>&1
ok $? "make -j$units runs the $units units (by index, two shards of articles) while the lock is held"
release_lock
check "no output is published by units" test ! -e out/metrics.csv
rm -f "$TMP/log"
is "$(status_of "$JB" build --log "$TMP/log" test.project)" 0 "then a plain build"
contains "$(tail -n 1 "$TMP/log")" '"ran":0,"reused":6' "runs nothing: it assembles the units' products"
for f in metrics.csv series.csv charts/ai-core-industry.png charts/ai-core-industry.pdf briefing.pdf; do
    check "out/$f is what a single build writes" cmp "out/$f" "$TMP/plain/out/$f"
done

# Any order: a report unit on a fresh output extracts what it needs itself.
rm -rf out
is "$(status_of "$JB" build --unit report test.project)" 0 "the report unit first"
is "$(status_of "$JB" build --unit extract:2 --log "$TMP/log2" test.project)" 0 "then an article unit"
contains "$(tail -n 1 "$TMP/log2")" '"ran":0,"reused":1' "finds its article already extracted"
is "$(status_of "$JB" build --unit chart:ai-core-industry test.project)" 0 "a chart unit by name"

is "$(status_of "$JB" build --unit 6 test.project)" 2 "an index past the last unit is a usage error"
contains "$(cat "$TMP/err")" "there are 6 units" "saying how many there are"
is "$(status_of "$JB" build --unit chart:nope test.project)" 2 "so is an unknown chart"
is "$(status_of "$JB" build --unit extract:x test.project)" 2 "and a bad article number"

done_testing
