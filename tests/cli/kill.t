#!/bin/sh
# Killed by a signal it can catch (SIGTERM from a timeout or cron, ^C, a hung-up terminal),
# every single-stage command removes the temporary file of the output it was writing: the
# previous output stays, and nothing like `.m.csv.Ab12Cd.jbtmp` is left beside it (only
# `jianbao build` sweeps those, and only in its own output directory). The kill comes while
# the temporary file exists: JIANBAO_TEST_WAIT_IN_TEMP makes the writer wait right after
# creating it, as a slow write would. Then the same without the hook, at a random moment.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
"$JB" extract -o m.csv "$ROOT"/examples/[0-9]* 2>/dev/null
"$JB" reshape --period year -o s.csv m.csv 2>/dev/null
mkdir out
for f in m.csv s.csv; do cp "$f" "out/$f"; done
"$JB" chart --data s.csv --metric ai.core_industry_size -o out/c.png
"$JB" report --data s.csv --metrics m.csv -o out/b.pdf "$ROOT"/examples/briefing.md 2>/dev/null

temps() { find . -name '*.jbtmp' | sort | tr '\n' ' '; }

# kill_case SIGNAL NAME OUT CMD...: run CMD waiting in its temporary file, send SIGNAL
kill_case() {
    sig=$1 what=$2 out=$3
    shift 3
    before=$(cksum <"$out")
    # a background job of a script starts with SIGINT ignored: give it the default back
    JIANBAO_TEST_WAIT_IN_TEMP=1 env --default-signal="$sig" "$@" 2>err &
    pid=$!
    i=0
    while [ -z "$(temps)" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    check "$what: its temporary file exists while it writes" test -n "$(temps)"
    kill -s "$sig" $pid
    wait $pid
    st=$?
    case $sig in HUP) num=1 ;; INT) num=2 ;; TERM) num=15 ;; esac
    is "$st" $((128 + num)) "$what: killed by SIG$sig (exit $st)"
    is "$(temps)" "" "$what: no temporary file left"
    is "$(cksum <"$out")" "$before" "$what: the previous $out is intact"
}
kill_case TERM "extract -o, SIGTERM" out/m.csv "$JB" extract -o out/m.csv "$ROOT"/examples/[0-9]*
kill_case INT "reshape -o, SIGINT" out/s.csv "$JB" reshape --period year -o out/s.csv m.csv
kill_case TERM "chart -o, SIGTERM" out/c.png "$JB" chart --data s.csv --metric ai.core_industry_size -o out/c.png
kill_case HUP "report -o, SIGHUP" out/b.pdf "$JB" report --data s.csv --metrics m.csv -o out/b.pdf "$ROOT"/examples/briefing.md

# Without the hook: a long extraction (one article of 200,000 paragraphs, 17 MB: seconds),
# killed while it runs — its metrics.csv is being written under a temporary name.
awk 'BEGIN { print "2024-03-01\n"; for (i = 0; i < 200000; i++) print "第" i "段：人工智能核心产业规模超过4000亿元，同比增长12%。\n" }' >big.txt
"$JB" extract -o out/m.csv big.txt 2>/dev/null &
pid=$!
i=0
while [ -z "$(temps)" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM $pid
wait $pid
st=$?
is "$st" 143 "extract of a 17 MB article, SIGTERM while it runs: killed"
is "$(temps)" "" "extract of a 17 MB article, SIGTERM while it runs: no temporary file left"
done_testing
