#!/bin/sh
# The README's Slurm recipe on a real engine: a private one-node cluster (Debian's slurmctld,
# slurmd and munge, started here, stopped by PID) runs the recipe over an archive of
# generated articles in batches, and the merge job that depends on the array; every output
# must be byte for byte what a plain `jianbao build` writes. Skipped, saying why, without
# root or without the packages (tools/deps.sh test installs them).
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/cluster.sh"
. "$(dirname "$0")/archive.sh"
if why=$(slurm_missing); then
    echo "1..0 # SKIP $why"
    exit 0
fi
trap 'slurm_down; rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM PIPE # dash runs the EXIT trap only on exit: stop the daemons on a signal too
ARTICLES=${ARTICLES:-2000}
SHARDS=4

mkdir -p "$TMP/bin"
cp "$JB" "$TMP/bin/jianbao" # the tree's binary may be rebuilt meanwhile
PATH=$TMP/bin:$PATH
export PATH

# The recipe, verbatim from the README (the first sh block after "With Slurm"), with its
# number of shards set for a two-core machine.
awk '/^With Slurm/ {s = 1} s && /^```sh$/ {b = 1; next} b && /^```$/ {exit} b' "$ROOT/README.md" \
    >"$TMP/recipe.sh"
contains "$(cat "$TMP/recipe.sh")" "sbatch --parsable --dependency=afterok:" "the README has the recipe"
sed -i "s/^shards=32 /shards=$SHARDS /" "$TMP/recipe.sh"

archive_project "$TMP/plain" "$ARTICLES" '[chart ai-core-industry]
metric=ai.core_industry_size

[chart ai-enterprises]
metric=ai.enterprises'
cp -R "$TMP/plain" "$TMP/slurm"

s=$(date +%s%N)
(cd "$TMP/plain" && jianbao build -q jianbao.project) 2>"$TMP/plain.err"
plain_status=$?
plain_ms=$((($(date +%s%N) - s) / 1000000))
ok $((plain_status > 1)) "a plain build of $ARTICLES articles (exit $plain_status)"

s=$(date +%s%N)
slurm_up "$TMP/cluster"
up=$?
ok $up "a one-node Slurm cluster starts ($((($(date +%s%N) - s) / 1000000)) ms)"
[ "$up" = 0 ] || slurm_logs | sed 's/^/#   /'

s=$(date +%s%N)
final=$(cd "$TMP/slurm" && sh "$TMP/recipe.sh" 2>"$TMP/sbatch.err")
is "$(printf '%s\n' "$final" | grep -c '^[0-9][0-9]*$')" 1 "the recipe submits the array and the merge job (job $final)"
[ -s "$TMP/sbatch.err" ] && sed 's/^/#   /' "$TMP/sbatch.err"
is "$(slurm_wait "$final")" "COMPLETED 0:0" "the merge job ran after the array (afterok) and succeeded"
slurm_ms=$((($(date +%s%N) - s) / 1000000))
# the array is the job before the merge job: the cluster is ours alone
array=$(scontrol show job "$((final - 1))" 2>/dev/null | grep -c "JobState=COMPLETED")
is "$array" "$SHARDS" "all $SHARDS array tasks completed"
for i in $(seq 0 $((SHARDS - 1))); do
    f=$(ls "$TMP/slurm"/slurm-*_"$i".out 2>/dev/null)
    is "$(cat "$f" 2>/dev/null)" "" "array task $i wrote nothing to its output (quiet, no error)"
done
summary=$(tail -n 1 "$TMP/slurm/build.jsonl" 2>/dev/null)
contains "$summary" "\"articles\":$ARTICLES," "the merge job assembled all $ARTICLES articles"
contains "$summary" "\"ran\":3,\"reused\":$ARTICLES," "extracting none: the array had (it drew 2 charts and the briefing)"

cd "$TMP/slurm" || exit 1
for f in metrics.csv series.csv charts/ai-core-industry.png charts/ai-core-industry.pdf \
    charts/ai-enterprises.png charts/ai-enterprises.pdf briefing.pdf; do
    check "out/$f is byte for byte the plain build's" cmp "out/$f" "$TMP/plain/out/$f"
done
is "$(sed 1d out/metrics.csv | cut -d, -f1 | sort -u | wc -l)" "$ARTICLES" "metrics.csv cites every article"

echo "# $ARTICLES articles: plain jianbao build $plain_ms ms; Slurm recipe with $SHARDS shards" \
    "(array + merge job, submission to completion) $slurm_ms ms"
done_testing
