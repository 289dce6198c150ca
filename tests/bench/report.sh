#!/bin/sh
# The default briefing end to end (extract → reshape → report) against the 250 ms floor of
# issue 6, on one core (taskset when available). Prints the median of 7 runs of each stage
# and of the whole, plus the ratio to the floor; the report alone is shown with and
# without --png-pages (which also writes page PNGs and chart slides).
set -u
# one core: the whole script re-runs itself pinned to CPU 0
if [ -z "${JB_PINNED:-}" ] && command -v taskset >/dev/null; then
    JB_PINNED=1 exec taskset -c 0 sh "$0" "$@"
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JB=${JIANBAO:-$ROOT/jianbao}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1767225600
cd "$ROOT" || exit 1

now_ms() { date +%s%N | awk '{ printf "%.0f", $1 / 1000000 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
run() { # run NAME CMD...: prints the median wall time in ms of 7 runs
    name=$1
    shift
    i=0
    while [ $i -lt 7 ]; do
        t0=$(now_ms)
        "$@" >/dev/null 2>&1 || { echo "bench: $name failed" >&2; exit 1; }
        t1=$(now_ms)
        echo $((t1 - t0))
        i=$((i + 1))
    done | median
}
extract() { "$JB" extract -o "$TMP/metrics.csv" examples/[0-9]*; }
reshape() { "$JB" reshape --period year -o "$TMP/series.csv" "$TMP/metrics.csv"; }
report() { "$JB" report --data "$TMP/series.csv" --metrics "$TMP/metrics.csv" -o "$TMP/b.pdf" "$@" examples/briefing.md; }
all() { extract && reshape && report; }
e=$(run extract extract)
s=$(run reshape reshape)
r=$(run report report)
p=$(run report-png report --png-pages)
a=$(run all all)
pages=$(pdfinfo "$TMP/b.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "report bench: default briefing ($pages pages), median of 7, one core"
printf '  %-34s %5s ms\n' "extract (4 articles)" "$e" "reshape" "$s" "report (PDF)" "$r" \
    "report --png-pages (+PNGs, slides)" "$p"
printf '  %-34s %5s ms   %s of the 250 ms floor\n' "end to end (extract → report)" "$a" \
    "$(awk -v a="$a" 'BEGIN { printf "%.2f×", a / 250 }')"
