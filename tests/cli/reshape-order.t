#!/bin/sh
# reshape is a function of the statements, not of the order their rows come in: one
# metrics.csv whose articles come in another order (reversed, interleaved row by row, a file
# appended to by shards in any order) and several files whose rows are so shuffled give
# byte-identical series.csv, the order inside `sources` included, and the same conflicts.
# The rows of one article keep their order (the later of two in one article is the later in
# its text). Articles: tests/scale/corpus.py (copies of examples/, which we wrote).
. "$(dirname "$0")/lib.sh"
python3 "$ROOT/tests/scale/corpus.py" "$TMP/a" 40
cd "$TMP" || exit 1
# a conflict: one copy states other figures than the nine others of its decade (one date)
f=$(ls a/*2026-01-press-conference.txt | sed -n 3p)
sed -i 's/[0-9][0-9]*\(万\|亿\|家\)/7\1/' "$f"
ls a/* >all.list
"$JB" extract -o ext.csv @all.list 2>/dev/null
# and two hand-made rows of a metric the dictionary does not know, in two units: its base
# unit is that of the first source's row (bytewise: b/ before z/), here written after the other
python3 - <<'PY'
import csv
rows = list(csv.reader(open("ext.csv", newline="", encoding="utf-8")))
h = rows[0]
def row(source, unit, value):
    r = [""] * len(h)
    for k, v in {"source": source, "published": "2026-01-05", "period": "2025", "subject": "样本",
                 "metric": "样本数量", "value": value, "unit": unit, "bound": "exact",
                 "forecast": "0"}.items():
        r[h.index(k)] = v
    return r
out = [h, row("z/hand.md", "家", "12")] + rows[1:] + [row("b/hand.md", "个", "12")]
csv.writer(open("full.csv", "w", newline="", encoding="utf-8"), lineterminator="\n").writerows(out)
PY
"$JB" reshape -o full/series.csv full.csv 2>full.err
full_status=$?
is "$full_status" 1 "reshape of the whole: exit 1 (conflicts resolved)"
lineless() { cut -d, -f1-8,10-13 "$1"; } # conflicts.csv without its lines (each of its own file)
lineless full/conflicts.csv >full/conflicts.lineless
# what the order could change is there to be changed
is "$(grep -c ',later row,' full/conflicts.csv)" 2 "two conflicts are decided by the later row (one date)"
contains "$(cat full/conflicts.csv)" "unit,one unit per metric,,个,2025,b/hand.md," \
    "the first source's unit is the base unit (z/hand.md's 家 is left out)"
multi=$(grep -c 'a/1[0-9]-[^;]*; a/3[0-9]-' full/series.csv)
ok $((multi < 10)) "series rows with several sources, in bytewise order ($multi)"

python3 - <<'PY'
import csv, random
rows = list(csv.reader(open("full.csv", newline="", encoding="utf-8")))
h, body = rows[0], rows[1:]
s = h.index("source")
blocks = {}
for r in body:
    blocks.setdefault(r[s], []).append(r)
def write(name, rs):
    csv.writer(open(name, "w", newline="", encoding="utf-8"), lineterminator="\n").writerows([h] + rs)
# the articles reversed
write("reversed.csv", [r for k in sorted(blocks, reverse=True) for r in blocks[k]])
# row by row, articles interleaved at random, each article's rows in their order
rng = random.Random(16)
queues = [list(b) for b in blocks.values()]
mixed = []
while queues:
    q = rng.choice(queues)
    mixed.append(q.pop(0))
    if not q:
        queues.remove(q)
write("interleaved.csv", mixed)
# three files, each a random third of the articles, shuffled inside
keys = list(blocks)
rng.shuffle(keys)
for i in range(3):
    write("part%d.csv" % i, [r for k in keys[i::3] for r in blocks[k]])
PY
for input in reversed.csv interleaved.csv "part2.csv part0.csv part1.csv" "part1.csv part2.csv part0.csv"; do
    d=$(echo "$input" | tr -d ' .')
    # shellcheck disable=SC2086
    "$JB" reshape -o "$d/series.csv" $input 2>"$d.err"
    is "$?" "$full_status" "reshape $input exits as the whole does"
    check "reshape $input: series.csv is byte for byte the whole's" cmp "$d/series.csv" full/series.csv
    is "$(lineless "$d/conflicts.csv")" "$(cat full/conflicts.lineless)" "reshape $input: the same conflicts"
done
check "the interleaved file's rows are not in the whole's order" sh -c '! cmp -s full.csv interleaved.csv'

# one file appended to by shards that finished in another order (last articles first)
tac all.list | awk 'NR % 7 == 1 {n++} {print > ("shard" n ".list")}'
for l in $(ls shard*.list | sort -r); do "$JB" extract --append -o appended.csv @"$l" 2>/dev/null; done
"$JB" reshape -o app/series.csv appended.csv 2>/dev/null
"$JB" reshape -o ext/series.csv ext.csv 2>/dev/null
check "shards appended to one file in reverse order: the series of one extraction" cmp app/series.csv ext/series.csv
check "(and its rows are in another order than that extraction's)" sh -c '! cmp -s appended.csv ext.csv'
done_testing
