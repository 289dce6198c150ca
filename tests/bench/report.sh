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

# Citations at scale (issue 15): 2000 footnotes of a figure stated in N months, over a
# series of 3N rows, at N and 2N. Linear: about 2× the time for twice the input; the
# placeholder and citation look-ups were once placeholders × rows and statements × rows
# (4× and worse: 58 s at N = 40000 with 4000 footnotes).
. "$ROOT/tests/pathological/inputs.sh"
cite_ms() { # N: median of 3 runs
    cited_series_csv "$1" "$TMP/cs.csv"
    cited_metrics_csv "$1" "$TMP/cm.csv"
    footnotes 2000 "$TMP/cfn.md" x.y
    i=0
    while [ $i -lt 3 ]; do
        t0=$(now_ms)
        "$JB" report --data "$TMP/cs.csv" --metrics "$TMP/cm.csv" -o "$TMP/c.pdf" "$TMP/cfn.md" \
            >/dev/null 2>&1 || { echo "bench: citations failed" >&2; exit 1; }
        t1=$(now_ms)
        echo $((t1 - t0))
        i=$((i + 1))
    done | median
}
c1=$(cite_ms 10000)
c2=$(cite_ms 20000)
echo "report bench: 2000 footnotes of a figure stated in N months (series of 3N rows), median of 3"
printf '  %-34s %5s ms\n' "N = 10000" "$c1" "N = 20000" "$c2"
printf '  %-34s %5s   (linear: ~2×; quadratic: ~4×)\n' "ratio" \
    "$(awk -v a="$c1" -v b="$c2" 'BEGIN { printf "%.2f×", b / a }')"
