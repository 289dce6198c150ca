#!/bin/sh
# Batched extraction units (ranges and shards of the inputs in bytewise order), identity that
# does not depend on how the project was named or where the build runs, exit codes an engine
# can chain on, and the stat index that spares a rebuild reading unchanged articles.
. "$(dirname "$0")/lib.sh"
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao # the tree's binary may be rebuilt meanwhile

sample_project "$TMP/plain"
# A fifth article whose figure disagrees with another's: a conflict, i.e. a warning (exit 0:
# the data's warnings fail nothing; they are listed in out/warnings.csv).
printf '# 另一说\n\n2022年我国人工智能企业数量为2500家。\n' >"$TMP/plain/articles/2022-09-other.md"
(cd "$TMP/plain" && "$JB" build -q test.project) 2>"$TMP/plain.err"
is "$?" 0 "the plain build that the others are compared with succeeds"
[ -s "$TMP/plain.err" ] && sed 's/^/# plain build: /' "$TMP/plain.err"
cp -R "$TMP/plain" "$TMP/split" && rm -rf "$TMP/split/out"
cd "$TMP/split" || exit 1
same_as_plain() { # same_as_plain NAME FILE: FILE (in out/) is byte for byte the plain build's;
                  # where not, the difference is shown (a PDF's by its text)
    if cmp -s "out/$2" "$TMP/plain/out/$2"; then ok 0 "$1"; return; fi
    ok 1 "$1"
    cmp "out/$2" "$TMP/plain/out/$2" 2>&1 | sed 's/^/#   /'
    case $2 in
    *.pdf) pdftotext -layout "out/$2" "$TMP/a.txt" && pdftotext -layout "$TMP/plain/out/$2" "$TMP/b.txt" &&
        diff "$TMP/a.txt" "$TMP/b.txt" | head -n 20 | sed 's/^/#   /' ;;
    esac
}

is "$("$JB" build --list-units --batch 2 test.project | tr '\n' ' ')" \
    "extract:0-1 extract:2-3 extract:4-4 chart:ai-core-industry report " "--batch 2: ranges of two articles"
is "$("$JB" build --list-units --shards 3 test.project | tr '\n' ' ')" \
    "extract:0/3 extract:1/3 extract:2/3 chart:ai-core-industry report " "--shards 3: three units"
is "$(status_of "$JB" build --list-units --shards 2 --batch 2 test.project)" 2 "not both"

# The shards of any N cover every article once: run all of them, then a plain build.
for i in 0 1 2 3 4 5 6; do
    "$JB" build -q --unit "extract:$i/7" --log "$TMP/shards.log" test.project || echo "shard $i failed"
done >"$TMP/shards.out" 2>&1
is "$(cat "$TMP/shards.out")" "" "7 shards of 5 articles (two of them empty) all succeed"
is "$(grep -o '"ran":[0-9]*' "$TMP/shards.log" | tr '\n' ' ')" \
    '"ran":0 "ran":1 "ran":1 "ran":0 "ran":1 "ran":1 "ran":1 ' "each extracts its own share"
rm -f "$TMP/log"
is "$(status_of "$JB" build --log "$TMP/log" test.project)" 0 "the plain build assembles (a conflict: exit 0)"
contains "$(tail -n 1 "$TMP/log")" '"ran":2,"reused":5' "extracting nothing (it renders the chart and briefing)"
for f in metrics.csv series.csv charts/ai-core-industry.png charts/ai-core-industry.pdf briefing.pdf; do
    same_as_plain "out/$f is what a single build writes" "$f"
done

# Units by index into --list-units --batch, as an array job runs them.
rm -rf out
for i in $(seq 0 $(($("$JB" build --list-units --batch 2 test.project | wc -l) - 1))); do
    "$JB" build -q --batch 2 --unit "$i" test.project
    echo "unit $i: $?"
done >"$TMP/units.out" 2>"$TMP/units.err"
is "$(tr '\n' ' ' <"$TMP/units.out")" "unit 0: 0 unit 1: 0 unit 2: 0 unit 3: 0 unit 4: 0 " \
    "every unit exits 0, the chart and report units too, although the data has a conflict"
is "$(cat "$TMP/units.err")" "" "-q units say nothing on success"
is "$(status_of "$JB" build --log "$TMP/log2" test.project)" 0 "then the plain build"
contains "$(cat out/warnings.csv)" "conflict for ai.enterprises" "the conflict is listed in out/warnings.csv"
contains "$(tail -n 1 "$TMP/log2")" '"ran":0,"reused":7' "runs nothing"

# The same build named another way, from another directory, reuses everything and writes
# the same bytes: names are relative to the project, keys never hold the path's spelling.
mkdir -p "$TMP/elsewhere"
rm -rf out/*.csv out/charts out/briefing.pdf out/.manifest
(cd "$TMP/elsewhere" && "$JB" build --log "$TMP/log3" "../split/./test.project") 2>/dev/null
contains "$(tail -n 1 "$TMP/log3")" '"ran":0,"reused":7' "../split/./test.project from elsewhere reuses every unit"
for f in metrics.csv series.csv briefing.pdf; do
    same_as_plain "and writes the same out/$f" "$f"
done
(cd / && "$JB" build -q --unit extract:1 --log "$TMP/log4" "$TMP/split/test.project") 2>/dev/null
contains "$(tail -n 1 "$TMP/log4")" '"ran":0,"reused":1' "an absolute path finds the unit's product too"

# Bad unit names.
is "$(status_of "$JB" build --unit extract:3/3 test.project)" 2 "shard 3 of 3 is no unit"
contains "$(cat "$TMP/err")" "extract:I/N with I < N" "saying which forms there are"
is "$(status_of "$JB" build --unit extract:2-9 test.project)" 2 "a range past the last article"
is "$(status_of "$JB" build --unit extract:3-2 test.project)" 2 "a range backwards"

# Input order is bytewise, whatever the locale or the order of the globs.
mkdir -p "$TMP/order/a" "$TMP/order/b"
for f in B.txt a.txt _c.txt; do printf '2022年产量为%s吨。\n' 1 >"$TMP/order/a/$f"; done
printf '2023年产量为2吨。\n' >"$TMP/order/b/0.txt"
printf '[project]\ninputs=b/*;a/*;a/B.txt\ndictionary=%s/templates/metrics.ini\n' "$ROOT" >"$TMP/order/p.project"
is "$("$JB" build --list-units "$TMP/order/p.project" | wc -l)" 4 "a file two globs match is one unit"
"$JB" build -q "$TMP/order/p.project" 2>/dev/null
is "$(cut -d, -f1 "$TMP/order/out/metrics.csv" | sed 1d | tr '\n' ' ')" "a/B.txt a/_c.txt a/a.txt b/0.txt " \
    "metrics.csv in bytewise order of the names (B _ a), not in the globs' order"

# The stat index: a rebuild does not read articles whose size, times and inode are those
# recorded. Files younger than 2 s are not recorded (they could change again in the same
# clock tick), so wait that long first.
# A project built at once has its articles unrecorded (too young): once they are old enough,
# the next no-op build records them, so the one after reads none (it used to read them on
# every no-op build for ever).
# (Young for sure, however long the build takes to start on a loaded machine: their mtime an
# hour ahead. Then an hour back, and old enough once their ctime, set by that touch, is.)
sample_project "$TMP/young"
touch -d '+1 hour' "$TMP"/young/articles/*
(cd "$TMP/young" && "$JB" build -q test.project 2>/dev/null)
is "$(sed 1d "$TMP/young/out/.index" | grep -vc '^out ')" 0 "articles copied just now are not recorded"
cd "$TMP/plain" || exit 1
touch -d '-1 hour' "$TMP"/young/articles/*
sleep 3
(cd "$TMP/young" && "$JB" build -q test.project 2>/dev/null)
is "$(sed 1d "$TMP/young/out/.index" | grep -vc '^out ')" 4 "a no-op build records them once they are old enough"
(cd "$TMP/young" && "$JB" build -v test.project 2>"$TMP/young.err")
contains "$(cat "$TMP/young.err")" "4 articles known unchanged by the index (size, times, inode), 0 read" \
    "and the next no-op build reads none"
head -n 1 "$TMP/young/out/.index" >"$TMP/young.head"
check "the index records the digest of its articles (what a no-op build keys the build by)" \
    grep -Eq '^jianbao-index-3 [0-9a-f]{8} [0-9a-f]{64}$' "$TMP/young.head"
# That no-op build took the digest from the index, reading, hashing and keeping nothing per
# article: what it must still see is any change in the set of names or in a signature.
(cd "$TMP/young" && mv articles/2025-06-local-gbk.txt "$TMP/gbk.txt" &&
    "$JB" build -q --log "$TMP/young.log" test.project 2>/dev/null)
contains "$(tail -n 1 "$TMP/young.log")" '"up_to_date":false' "an article removed: not up to date"
contains "$(tail -n 1 "$TMP/young.log")" '"articles":3,' "three articles"
(cd "$TMP/young" && mv "$TMP/gbk.txt" articles/zz-local-gbk.txt &&
    "$JB" build -q --log "$TMP/young.log" test.project 2>/dev/null)
contains "$(tail -n 1 "$TMP/young.log")" '"articles":4,' "renamed back in: four again"
is "$(cut -d, -f1 "$TMP/young/out/metrics.csv" | grep -c zz-local-gbk)" 5 "under its new name"
# Names with any byte: a backslash, a newline and Chinese are escaped in the index (only
# the first two) and found again.
(cd "$TMP/young/articles" && cp 2022-07-ai-industry.md 'back\slash.md' &&
    cp 2022-07-ai-industry.md "$(printf 'new\nline.md')" && cp 2022-07-ai-industry.md 稿件.md)
sleep 3
(cd "$TMP/young" && "$JB" build -q test.project 2>/dev/null)
contains "$(cat "$TMP/young/out/.index")" 'articles/back\\slash.md' "a backslash is escaped"
contains "$(cat "$TMP/young/out/.index")" 'articles/new\012line.md' "a newline too"
contains "$(cat "$TMP/young/out/.index")" 'articles/稿件.md' "Chinese is kept as it is"
(cd "$TMP/young" && "$JB" build -v test.project 2>"$TMP/young.err")
contains "$(cat "$TMP/young.err")" "7 articles known unchanged by the index (size, times, inode), 0 read" \
    "all seven are known unchanged by their records"
contains "$(cat "$TMP/young.err")" "up to date" "and the build is up to date"
rm -rf out/.manifest
"$JB" build -q test.project 2>/dev/null
is "$(sed 1d out/.index | grep -vc '^out ')" 5 "out/.index records the 5 articles"
# metrics.csv is hashed as it is written (not read again to publish it): the manifest has
# the hash of the file
is "$(awk '/^\[output metrics.csv\]/ {m = 1} m && /^sha256=/ {print substr($0, 8); exit}' out/.manifest)" \
    "$(sha256sum out/metrics.csv | cut -d' ' -f1)" "the manifest records metrics.csv's SHA-256"
is "$(status_of "$JB" build -v test.project)" 0 "a rebuild with nothing changed"
contains "$(cat "$TMP/err")" "5 articles known unchanged by the index (size, times, inode), 0 read" \
    "reads no article"
contains "$(cat "$TMP/err")" "up to date" "and is up to date"
# Same size, new content: the ctime (which touch cannot set back) says it changed.
sed -i 's/2500/2600/' articles/2022-09-other.md
touch -r articles/2022-06-infrastructure.html articles/2022-09-other.md
"$JB" build -q test.project 2>/dev/null
contains "$(grep 2022-09-other out/metrics.csv)" ",2600," "an edit of the same size is seen"
# Outputs too: a no-op build hashes them once they are old enough and records them, so the
# next one does not read metrics.csv (the size of the archive's statements) to know it intact.
sleep 3
"$JB" build -q test.project 2>/dev/null
is "$(grep -c '^out .* metrics.csv$' out/.index)" 1 "a no-op build records the outputs it hashed"
cp out/metrics.csv "$TMP/metrics.good"
"$JB" build -v test.project 2>"$TMP/err"
# (7: the edit changed the data, so .previous-series.csv, what 新增与变化 compares with, is one)
contains "$(cat "$TMP/err")" "7 outputs known intact by the index (size, times, inode), 0 hashed" \
    "the next one hashes none"
# Damaged in place, same size, mtime put back: the ctime says so, the next build repairs it.
printf X | dd of=out/metrics.csv bs=1 seek=200 conv=notrunc 2>/dev/null
touch -r "$TMP/metrics.good" out/metrics.csv
is "$(status_of "$JB" build -v test.project)" 0 "a build after metrics.csv was damaged in place"
check "metrics.csv is put back" cmp out/metrics.csv "$TMP/metrics.good"
printf 'jianbao-index-3 00000000 -\ngarbage\n' >out/.index
rm out/.manifest
is "$(status_of "$JB" build test.project)" 0 "a damaged index costs only a full read"
contains "$(cat "$TMP/err")" "0 units ran, 7 reused" "and nothing is extracted again"

done_testing
