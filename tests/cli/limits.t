#!/bin/sh
# Resource limits: what asks for too much is refused with one clear line and exit 3,
# before it is drawn, and nothing is written.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
"$JB" extract -o "$TMP/m.csv" examples/[0-9]* 2>/dev/null
"$JB" reshape --period year -o "$TMP/s.csv" "$TMP/m.csv" 2>/dev/null

# a canvas of 10000×10000 pt at scale 16: 2.56e10 pixels
printf 'metric = ai.core_industry_size\nwidth = 10000\nheight = 10000\n' >"$TMP/huge.chart"
is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec "$TMP/huge.chart" --scale 16 -o "$TMP/huge.png")" 3 "a 100000×100000 px chart is refused"
contains "$(cat "$TMP/err")" "outside the allowed size" "saying so"
check "and nothing is written" test ! -e "$TMP/huge.png"

# a million series, in spirit: more metrics than a chart may hold
ids=$(seq 1 100 | sed 's/^/m/' | paste -sd ';')
printf 'metrics = %s\n' "$ids" >"$TMP/many.chart"
is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec "$TMP/many.chart" -o "$TMP/many.png")" 3 "100 series in one chart are refused"
contains "$(cat "$TMP/err")" "many.chart:1: 100 metrics in one chart; the limit is 64" "naming the spec, line and limit"

# a template that would run to hundreds of pages
{ printf -- '---\ntitle: t\n---\n\n'; i=0; while [ $i -lt 26000 ]; do printf '第%d段。\n\n' $i; i=$((i + 1)); done; } >"$TMP/long.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/long.pdf" "$TMP/long.md")" 3 "a briefing of ~900 pages is refused"
contains "$(cat "$TMP/err")" "the limit is 500" "naming the page limit"
check "and no PDF is written" test ! -e "$TMP/long.pdf"

# a template over the size limit is refused before it is read
head -c 5000000 /dev/zero | tr '\0' 'a' >"$TMP/big.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/big.pdf" "$TMP/big.md")" 3 "a 5 MB template is refused"
contains "$(cat "$TMP/err")" "a template may have at most" "saying why"

done_testing
