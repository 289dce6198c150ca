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

# A few large files: the plain-text articles back to back, 250 times (1.7 MB) in each of three
# files, without the lines that start a recommendation list (the junk rules cut the rest of
# an article there, so the text after one would not be read): per-byte work without
# per-file overhead. (Repeated figures are written once per article: few rows.)
mkdir -p "$TMP/large"
cat examples/2026-01-press-conference.txt tests/gold/articles/0[34]*.txt tests/gold/articles/0[89]*.txt \
    tests/gold/articles/1[03]*.txt |
    grep -v -E '^(为你|为您|相关|精彩推荐|编辑推荐|推荐|热门|热点推荐|往期|延伸|猜你|更多精彩|载入|加载|点击加载|阅读剩余)' \
    >"$TMP/body.txt"
for j in $(seq 1 250); do cat "$TMP/body.txt"; done >"$TMP/large/a.txt"
cp "$TMP/large/a.txt" "$TMP/large/b.txt"
cp "$TMP/large/a.txt" "$TMP/large/c.txt"

cpu() { # cpu CMD...: CPU seconds (user + sys) of one run: one core's work, steadier than
         # wall time on a shared machine. /usr/bin/time counts in 10 ms steps, so each sample
         # times REPEAT runs in a row; the best of five samples, divided by REPEAT.
    best=999
    for _ in 1 2 3 4 5; do
        /usr/bin/time -o "$TMP/time" -f "%U %S" sh -c \
            'i=0; while [ $i -lt "$0" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done' \
            "$REPEAT" "$@"
        t=$(awk -v r="$REPEAT" '{ print ($1 + $2) / r }' "$TMP/time")
        best=$(echo "$t $best" | awk '{ print ($1 < $2 ? $1 : $2) }')
    done
    echo "$best"
}
REPEAT=${REPEAT:-4}

# Start-up (loading the dictionary, the dynamic linker): the CPU time of one run on one small
# article, measured over 50 runs. Subtracted from the corpus times below ("net"), so the
# MB/s are extraction's; the gross figure is beside it, and the share shows start-up is not
# what the corpus run measures.
cp examples/2022-07-ai-industry.md "$TMP/one.md"
cat >"$TMP/startup.sh" <<EOS
i=0; while [ \$i -lt 50 ]; do "$JB" extract -o /dev/null "$TMP/one.md"; i=\$((i + 1)); done
EOS
t_start=$(REPEAT=1 cpu sh "$TMP/startup.sh" | awk '{ printf "%.5f", $1 / 50 }')

report() { # report LABEL FILES...: extract and wc -m over the same files, one core
    label=$1; shift
    bytes=$(cat "$@" | wc -c)
    t_jb=$(cpu "$JB" extract -o /dev/null "$@")
    t_wc=$(cpu wc -m "$@")
    rows=$("$JB" extract "$@" 2>/dev/null | wc -l)
    echo "$label: $# files, $(echo "$bytes" | awk '{ printf "%.1f", $1 / 1e6 }') MB of article text, $((rows - 1)) rows"
    printf '  %-30s %12s %10s %8s\n' "" "CPU seconds" "MB/s" "ratio"
    echo "$t_jb $t_wc $bytes $t_start" | awk '{
        jb = ($1 > 0 ? $1 : 0.001); wc = ($2 > 0 ? $2 : 0.001); net = jb - $4; if (net <= 0) net = 0.001
        printf "  %-30s %12.3f %10.1f %8s\n", "jianbao extract (net)", net, $3 / 1e6 / net, sprintf("%.1fx", net / wc)
        printf "  %-30s %12.3f %10.1f %8s\n", "jianbao extract (gross)", jb, $3 / 1e6 / jb, sprintf("%.1fx", jb / wc)
        printf "  %-30s %12.3f %10.1f %8s\n", "wc -m (floor)", wc, $3 / 1e6 / wc, "1.0x"
        printf "  start-up %.1f ms per process: %.1f%% of this run\n", $4 * 1000, 100 * $4 / jb
        printf "  target >= 50 MB/s (net): %s\n", ($3 / 1e6 / net >= 50 ? "met" : "NOT met")
    }'
}

files=$(ls "$TMP/corpus" | wc -l)
mb=$(cat "$TMP"/corpus/* | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
cd "$TMP/corpus" || exit 1
report "extract, many small files" ./*
cd "$TMP/large" || exit 1
report "extract, a few large files" ./*
cd "$ROOT" || exit 1

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
