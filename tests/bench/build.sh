#!/bin/sh
# make bench: jianbao build — a full build against an up-to-date (no-op) rebuild and a
# one-article change, on the examples and on N copies of them, side by side in one run.
set -u
JB=${JIANBAO:-$(dirname "$0")/../../jianbao}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1767225600
N=${N:-400}

ms() { # ms CMD...: wall-clock milliseconds of one run
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s%N)
    echo $(((e - s) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

project() { # project DIR COPIES
    mkdir -p "$1/articles"
    i=0
    while [ "$i" -lt "$2" ]; do
        # Each copy gets its own values (two digits spliced in before every unit), so the
        # series merge into one winner per period instead of hundreds of sources.
        d=$((i % 90 + 10))
        for f in "$ROOT"/examples/[0-9]*; do
            b=$(basename "$f")
            if iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then cat "$f"; else iconv -f GB18030 -t UTF-8 "$f"; fi | sed "s/\([0-9]\)\(万亿\|亿\|万\|家\|个\)/\1$d\2/g" \
                >"$1/articles/$i-$b"
            [ "$i" -gt 0 ] || cp "$f" "$1/articles/$i-$b"
        done
        i=$((i + 1))
    done
    cat >"$1/test.project" <<EOP
[project]
inputs=articles/*
dictionary=$ROOT/templates/metrics.ini
template=$ROOT/examples/briefing.md
output=out

[chart ai-core-industry]
metric=ai.core_industry_size
EOP
}

row() { # row NAME COPIES JOBS
    P=$TMP/$1
    project "$P" "$2"
    full=$(for r in 1 2 3; do rm -rf "$P/out"; ms "$JB" build -j "$3" "$P/test.project"; done | median)
    noop=$(for r in 1 2 3 4 5; do ms "$JB" build -j "$3" "$P/test.project"; done | median)
    one=$(for r in 1 2 3; do
        printf '\n补充%s。\n' "$r" >>"$(ls "$P"/articles/* | head -n 1)"
        ms "$JB" build -j "$3" "$P/test.project"
    done | median)
    printf '%-22s %7s %9s %9s %12s %10s\n' "$1" "$full" "$noop" "$one" \
        "$(awk "BEGIN {printf \"%.0f\", $full / ($noop ? $noop : 1)}")" \
        "$(awk "BEGIN {printf \"%.1f\", $full / ($one ? $one : 1)}")"
}

printf '%-22s %7s %9s %9s %12s %10s\n' "jianbao build" "full ms" "no-op ms" "1 changed" "full/no-op" "full/1chg"
row "examples (4), -j1" 1 1
row "$((N * 4)) articles, -j1" "$N" 1
row "$((N * 4)) articles, -j$(nproc)" "$N" "$(nproc)"

# Rendering in parallel: the examples with 8 charts and the briefing, -j1 against -j2,
# interleaved. "render" runs each build with a new SOURCE_DATE_EPOCH (part of every chart's
# and the briefing's key, not the articles'): all 9 render units run, extraction is cached.
R=$TMP/render
project "$R" 1
for m in ai.enterprises infra.5g_base_stations infra.industrial_internet_platforms \
    sme.little_giants industry.value_added_growth ai.pilot_zones sme.specialized; do
    printf '\n[chart %s]\nmetric=%s\n' "$m" "$m" >>"$R/test.project"
done
: >"$TMP/f1"; : >"$TMP/f2"; : >"$TMP/r1"; : >"$TMP/r2"
for r in 1 2 3 4 5 6 7; do
    for j in 1 2; do
        rm -rf "$R/out"
        SOURCE_DATE_EPOCH=$((1767225600 + r)) ms "$JB" build -j "$j" "$R/test.project" >>"$TMP/f$j"
        SOURCE_DATE_EPOCH=$((1767225700 + r)) ms "$JB" build -j "$j" "$R/test.project" >>"$TMP/r$j"
    done
done
# What two threads can gain on this machine now (its 2 cores are shared): one CPU-bound shell
# loop against two at once. The ratio is 2 × one / two: 2.00 when two cores were free, 1.00
# when only one was (then -j2 can gain nothing, and its ratio shows what threads cost).
loop='i=0; while [ $i -lt 200000 ]; do i=$((i + 1)); done'
one=$(ms sh -c "$loop")
two=$(ms sh -c "sh -c '$loop' & sh -c '$loop'; wait")
printf '\n%-34s %7s %7s %12s\n' "8 charts + briefing" "-j1 ms" "-j2 ms" "-j1 / -j2"
for k in f r; do
    a=$(median <"$TMP/${k}1")
    b=$(median <"$TMP/${k}2")
    printf '%-34s %7s %7s %12s\n' "$([ $k = f ] && echo "from scratch" || echo "render only (extraction cached)")" \
        "$a" "$b" "$(awk "BEGIN {printf \"%.2f\", $a / ($b ? $b : 1)}")"
done
printf '%-34s %7s %7s %12s\n' "calibration: 1 loop, 2 at once" "$one" "$two" \
    "$(awk "BEGIN {printf \"%.2f\", 2 * $one / ($two ? $two : 1)}")"
