#!/bin/sh
# make bench: archive scale — a build of ARTICLES generated articles (tests/scale/corpus.py,
# default 20000; ARTICLES=100000 for the issue's figure) from scratch against a no-op
# rebuild, and, where a private Slurm cluster can run (root, Debian's Slurm packages), the
# README's recipe over 2000 articles with 1 array task against 2, side by side in one run.
set -u
JB=${JIANBAO:-$(dirname "$0")/../../jianbao}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
. "$ROOT/tests/scale/cluster.sh"
. "$ROOT/tests/scale/archive.sh"
trap 'slurm_down; rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM PIPE # dash runs the EXIT trap only on exit: stop the daemons on a signal too
export SOURCE_DATE_EPOCH=1767225600
ARTICLES=${ARTICLES:-20000}

ms() { # ms DIR: wall-clock milliseconds of `jianbao build` in DIR; its peak RSS (KiB) in $TMP/kb
    s=$(date +%s%N)
    /usr/bin/time -f %M -o "$TMP/kb" sh -c 'cd "$1" && exec "$2" build -q' ms "$1" "$JB" >/dev/null 2>&1
    e=$(date +%s%N)
    echo $(((e - s) / 1000000))
}

archive_project "$TMP/big" "$ARTICLES"
full=$(ms "$TMP/big")
full_kb=$(cat "$TMP/kb")
kb=$(du -sk "$TMP/big/articles" | cut -f1)
mkb=$(($(wc -c <"$TMP/big/out/metrics.csv") / 1024))
sleep 3 # old enough for the index to vouch for them (jb_build_index.c)
noop1=$(ms "$TMP/big")
noop2=$(ms "$TMP/big")
noop_kb=$(cat "$TMP/kb")
noop=$((noop1 < noop2 ? noop1 : noop2))
printf '\n稿件 changed\n' >>"$(ls "$TMP/big/articles"/* | head -n 1)"
one=$(ms "$TMP/big")
one_kb=$(cat "$TMP/kb")
pages=$(pdfinfo "$TMP/big/out/briefing.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "scale: $ARTICLES articles ($kb KiB; metrics.csv $mkb KiB), briefing of $pages pages"
printf '  %-44s %8s ms %8s KiB peak RSS\n' "jianbao build from scratch" "$full" "$full_kb" \
    "no-op rebuild (best of 2)" "$noop" "$noop_kb" "one article changed" "$one" "$one_kb"
echo "  scratch / no-op: $(awk -v a="$full" -v b="$noop" 'BEGIN {printf "%.0f", a / (b ? b : 1)}')×;" \
    "peak RSS / metrics.csv when one article changed: $(awk -v a="$one_kb" -v b="$mkb" 'BEGIN {printf "%.2f", a / (b ? b : 1)}')×"

if why=$(slurm_missing); then
    echo "  Slurm: skipped ($why)"
    exit 0
fi
slurm_up "$TMP/cluster" || { echo "  Slurm: the cluster did not start"; slurm_logs; exit 1; }
recipe() { # recipe SHARDS: the README's recipe, submission to the merge job's end, in ms
    rm -rf "$TMP/s$1" && mkdir -p "$TMP/s$1" && cp -R "$TMP/small/articles" "$TMP/small/jianbao.project" "$TMP/s$1/"
    awk '/^With Slurm/ {s = 1} s && /^```sh$/ {b = 1; next} b && /^```$/ {exit} b' "$ROOT/README.md" |
        sed "s/^shards=32 /shards=$1 /" >"$TMP/recipe.sh"
    s=$(date +%s%N)
    job=$(cd "$TMP/s$1" && PATH=$(dirname "$JB"):$PATH sh "$TMP/recipe.sh")
    state=$(slurm_wait "$job")
    e=$(date +%s%N)
    [ "$state" = "COMPLETED 0:0" ] || echo "  Slurm: the merge job ended $state" >&2
    echo $(((e - s) / 1000000))
}
archive_project "$TMP/small" 2000
t1=$(recipe 1)
t2=$(recipe 2)
echo "Slurm, README recipe over 2000 articles (one node, $(nproc) CPUs; submission to the merge job's end):"
printf '  %-44s %8s ms\n' "1 array task" "$t1" "2 array tasks" "$t2"
echo "  1 task / 2 tasks: $(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.2f", a / b}')×"
