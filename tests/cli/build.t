#!/bin/sh
# jianbao build: the whole pipeline from a project file, its lock and its exit codes.
. "$(dirname "$0")/lib.sh"

sample_project "$TMP/p"

is "$(status_of "$JB" build "$TMP/p/test.project")" 0 "build exits 0"
for f in metrics.csv series.csv charts/ai-core-industry.png charts/ai-core-industry.pdf briefing.pdf; do
    check "build wrote out/$f" test -s "$TMP/p/out/$f"
done
contains "$(cat "$TMP/err")" "wrote" "build lists what it wrote"
is "$(status_of "$JB" build --quiet "$TMP/p/test.project")" 0 "a second build exits 0"
is "$(cat "$TMP/err")" "" "--quiet prints nothing on success"

# A concurrent build: hold the lock the way a running build does.
hold_lock "$TMP/p/out/.lock"
is "$(status_of "$JB" build "$TMP/p/test.project")" 5 "a build while another runs exits 5"
is "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "with one line"
contains "$(cat "$TMP/err")" "another build is running" "saying why"
"$JB" build --wait --quiet "$TMP/p/test.project" >"$TMP/out" 2>"$TMP/err" &
waiter=$!
sleep 0.5 # (it waits on the lock; released before it got there it would build at once)
release_lock
wait $waiter
is "$?" 0 "--wait waits for it and builds"

# A bad article is reported with its name; the rest of the batch still builds.
printf 'bin\000ary' >"$TMP/p/articles/zz-binary.txt"
cp "$TMP/p/out/series.csv" "$TMP/series.before"
is "$(status_of "$JB" build "$TMP/p/test.project")" 3 "a binary article makes the build exit 3"
contains "$(cat "$TMP/err")" "zz-binary.txt" "the bad file is named"
check "the other articles still built" cmp "$TMP/p/out/series.csv" "$TMP/series.before"
rm "$TMP/p/articles/zz-binary.txt"

# A broken template fails the build and keeps the previous briefing.
cp "$TMP/p/out/briefing.pdf" "$TMP/briefing.before"
printf -- '---\ntitle: x\n---\n\n{{no.such_metric.latest}}\n' >"$TMP/p/bad.md"
sed "s|^template=.*|template=bad.md|" "$TMP/p/test.project" >"$TMP/p/bad.project"
is "$(status_of "$JB" build "$TMP/p/bad.project")" 2 "a bad template exits 2"
contains "$(cat "$TMP/err")" "bad.md:5: unknown metric 'no.such_metric'" "the error names template file and line"
check "the previous briefing is kept" cmp "$TMP/p/out/briefing.pdf" "$TMP/briefing.before"

printf '[project]\ninputs=nothing/*\n' >"$TMP/p/empty.project"
is "$(status_of "$JB" build "$TMP/p/empty.project")" 3 "no matching article exits 3"

done_testing
