#!/bin/sh
# make bench: article text through `jianbao extract` on one core, in MB/s, beside `wc -m`
# over the same bytes (the floor: reading and decoding UTF-8 once); then peak memory on a
# corpus of many files against the largest single file (it must not grow with the corpus).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JB=${JIANBAO:-$ROOT/jianbao}
COPIES=${COPIES:-400}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$ROOT" || exit 1
export LC_ALL=C.UTF-8

# The corpus: the UTF-8 sample and gold articles (plain, HTML, Markdown), COPIES times each,
# as separate files like a crawl directory.
mkdir -p "$TMP/corpus"
i=0
while [ $i -lt "$COPIES" ]; do
    for f in examples/2022-07-ai-industry.md examples/2022-06-infrastructure.html \
             examples/2026-01-press-conference.txt tests/gold/articles/0[1-46-9]* tests/gold/articles/1*; do
        cp "$f" "$TMP/corpus/$i-$(basename "$f")"
    done
    i=$((i + 1))
done
# One big article (the same text 600 times over) for the memory bound.
for j in $(seq 1 600); do cat tests/gold/articles/09-ai-province.txt; done >"$TMP/big.txt"

bytes=$(cat "$TMP"/corpus/* | wc -c)
files=$(ls "$TMP/corpus" | wc -l)
mb=$(echo "$bytes" | awk '{ printf "%.1f", $1 / 1e6 }')

cpu() { # cpu CMD...: the best of five runs' CPU seconds (user + sys): one core's work,
         # steadier than wall time on a shared machine
    best=999
    for _ in 1 2 3 4 5; do
        /usr/bin/time -o "$TMP/time" -f "%U %S" "$@" >/dev/null 2>&1
        t=$(awk '{ print $1 + $2 }' "$TMP/time")
        best=$(echo "$t $best" | awk '{ print ($1 < $2 ? $1 : $2) }')
    done
    echo "$best"
}
cd "$TMP/corpus" || exit 1
t_jb=$(cpu "$JB" extract -o /dev/null ./*)
t_wc=$(cpu wc -m ./*)
rows=$("$JB" extract ./* 2>/dev/null | wc -l)
cd "$ROOT" || exit 1

echo "extract: $files files, $mb MB of article text, $((rows - 1)) rows"
printf '%-28s %12s %10s %8s\n' "" "CPU seconds" "MB/s" "ratio"
echo "$t_jb $t_wc $bytes" | awk '{
    jb = ($1 > 0 ? $1 : 0.001); wc = ($2 > 0 ? $2 : 0.001)
    printf "%-28s %12.2f %10.1f %8s\n", "jianbao extract", jb, $3 / 1e6 / jb, sprintf("%.1fx", jb / wc)
    printf "%-28s %12.2f %10.1f %8s\n", "wc -m (floor)", wc, $3 / 1e6 / wc, "1.0x"
    printf "target >= 50 MB/s: %s\n", ($3 / 1e6 / jb >= 50 ? "met" : "NOT met")
}'

if [ -x /usr/bin/time ]; then  # (also used above; make bench installs it: package time)
    rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ { print $2 }'; }
    big=$(wc -c <"$TMP/big.txt")
    r_corpus=$(rss "$JB" extract -o "$TMP/m.csv" "$TMP"/corpus/*)
    r_one=$(rss "$JB" extract -o "$TMP/m1.csv" "$TMP/corpus/0-2022-07-ai-industry.md")
    r_big=$(rss "$JB" extract -o "$TMP/m2.csv" "$TMP/big.txt")
    r_both=$(rss "$JB" extract -o "$TMP/m3.csv" "$TMP/big.txt" "$TMP"/corpus/*)
    printf '%-44s %10s\n' "max RSS" "KB"
    printf '%-44s %10s\n' "one small article" "$r_one"
    printf '%-44s %10s\n' "the corpus ($files files, $mb MB)" "$r_corpus"
    printf '%-44s %10s\n' "one big article ($(echo "$big" | awk '{ printf "%.1f", $1 / 1e6 }') MB)" "$r_big"
    printf '%-44s %10s\n' "the big article and the corpus" "$r_both"
else
    echo "max RSS: /usr/bin/time not installed (apt-get install time)"
fi
