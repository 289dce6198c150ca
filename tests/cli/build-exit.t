#!/bin/sh
# jianbao build for cron: every exit code, one line per error naming file and line, --quiet,
# --log (JSON Lines), and concurrent runs.
. "$(dirname "$0")/lib.sh"
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao # the tree's binary may be rebuilt meanwhile

P=$TMP/p
sample_project "$P"
cd "$P" || exit 1
lines() { wc -l <"$TMP/err" | tr -d ' '; }
field() { # field KEY: KEY of the last JSON line of $TMP/log
    python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readlines()[-1])[sys.argv[2]])' "$TMP/log" "$1"
}
event() { # event LEVEL KEY: KEY of the first event of LEVEL in $TMP/log
    python3 -c 'import json,sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    if o["level"] == sys.argv[2] and o["stage"] != "summary":
        print(o[sys.argv[3]]); break' "$TMP/log" "$1" "$2"
}

# 0
is "$(status_of "$JB" build --quiet --log "$TMP/log" test.project)" 0 "0: success"
is "$(cat "$TMP/err")" "" "--quiet prints nothing on success"
is "$(field status)" 0 "the log's summary has the status"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$TMP/log"
ok $? "the log is JSON Lines"
contains "$(sed -n 1p "$TMP/log")" '{"time":"' "each line starts with its time"

# Warnings are no failure: invalid bytes in an article are skipped, the build exits 0,
# says the warning once (never under -q) and lists it in out/warnings.csv.
printf '\n2025年人工智能企业数量超过6000家。\377\n' >>articles/2026-01-press-conference.txt
rm -f "$TMP/log"
is "$(status_of "$JB" build --quiet --log "$TMP/log" test.project)" 0 "0: success with a warning"
is "$(cat "$TMP/err")" "" "--quiet prints nothing"
is "$(event warning file)" "articles/2026-01-press-conference.txt" "the log's warning names the file"
is "$(field new_warnings)" 1 "the summary counts it as new"
contains "$(cat out/warnings.csv)" "extract,articles/2026-01-press-conference.txt,,articles/2026-01-press-conference.txt: byte" "out/warnings.csv lists it"
rm -f "$TMP/log"
is "$(status_of "$JB" build --log "$TMP/log" test.project)" 0 "an up-to-date build exits 0"
is "$(grep -c 'invalid UTF-8' "$TMP/err")" 0 "and does not repeat the warning"
contains "$(cat "$TMP/err")" "1 warning (0 new)" "but counts it"
is "$(grep -c '"level":"warning","stage":"extract"' "$TMP/log")" 0 "nor logs it again"
is "$(field warnings)" 1 "the summary still counts it"
sed 's/^period=year/period=year\nfail_on=warnings/' test.project >strict.project
is "$(status_of "$JB" build --quiet strict.project)" 1 "1: fail_on=warnings makes it a failure"
contains "$(cat "$TMP/err")" "failing on 1 warning" "saying so under -q"
cp "$ROOT/examples/2026-01-press-conference.txt" articles/

# A briefing whose text has a character no font has (drawn as a box) is a warning too.
printf -- '---\ntitle: x\n---\n\n藏文的ༀ字。\n' >tofu.md
sed "s|^template=.*|template=tofu.md|" test.project >tofu.project
is "$(status_of "$JB" build tofu.project)" 0 "a briefing with a character no font has is built"
contains "$(cat "$TMP/err")" "tofu.md: no font has a glyph for 'ༀ'" "the warning names the character"
contains "$(cat out/warnings.csv)" "report,tofu.md,,tofu.md: no font has a glyph for 'ༀ': drawn as a box" "out/warnings.csv lists it"

# 2: usage
is "$(status_of "$JB" build --no-such-option test.project)" 2 "2: an unknown option"
is "$(lines)" 1 "one line"
is "$(status_of "$JB" build no-such.project)" 2 "2: a missing project"
contains "$(cat "$TMP/err")" "no-such.project: no such file" "naming it"
printf -- '---\ntitle: x\n---\n\ntext\n\n{{no.such_metric.latest}}\n' >bad.md
sed "s|^template=.*|template=bad.md|" test.project >bad.project
rm -f "$TMP/log"
is "$(status_of "$JB" build --log "$TMP/log" bad.project)" 2 "2: a bad template"
is "$(lines)" 1 "one line"
contains "$(cat "$TMP/err")" "jianbao: report: bad.md:7: unknown metric" "with the template's file and line"
is "$(event error file)" "bad.md" "the log's error has the file"
is "$(event error line)" 7 "and the line"
is "$(field status)" 2 "the summary has status 2"
check "the other outputs were still built" test -s out/charts/ai-core-industry.png
is "$(status_of "$JB" build -j 0 test.project)" 2 "2: -j 0"

# 3: input
printf 'bin\000ary' >articles/zz-binary.txt
is "$(status_of "$JB" build test.project)" 3 "3: an unreadable article"
is "$(grep -c '^jianbao' "$TMP/err")" 1 "one error line"
contains "$(cat "$TMP/err")" "jianbao: extract: articles/zz-binary.txt: binary file" "naming the file"
rm articles/zz-binary.txt
printf '[project]\ninputs=nothing/*\n' >empty.project
is "$(status_of "$JB" build empty.project)" 3 "3: no article matches"
is "$(lines)" 1 "one line"

# 4: output
printf 'a file, not a directory\n' >blocker
sed "s|^output=.*|output=blocker/out|" test.project >blocked.project
is "$(status_of "$JB" build blocked.project)" 4 "4: the output directory cannot be made"
is "$(lines)" 1 "one line"
contains "$(cat "$TMP/err")" "blocker/out" "naming it"
is "$(status_of "$JB" build --quiet --log /proc/no-such-dir/log test.project)" 4 "4: the log cannot be written"

# Progress: on a terminal only.
printf 'y\n' >>articles/2022-07-ai-industry.md
if command -v script >/dev/null; then
    script -qc "'$JB' build test.project" /dev/null >"$TMP/tty" 2>&1
    contains "$(cat "$TMP/tty")" "$(printf '\rjianbao: build: extract 1/1')" "a terminal shows progress"
else
    ok 0 "# SKIP script(1) is not installed"
fi
printf 'z\n' >>articles/2022-07-ai-industry.md
status_of "$JB" build test.project >/dev/null
is "$(grep -c "$(printf '\r')" "$TMP/err")" 0 "a pipe gets no progress"
contains "$(cat "$TMP/err")" "jianbao: build: 4 articles" "but the summary line"

# 5: locked, by a real build waiting for the lock and by a lock holder
hold_lock out/.lock
rm -f "$TMP/log"
is "$(status_of "$JB" build --log "$TMP/log" test.project)" 5 "5: another build holds the lock"
is "$(lines)" 1 "one line"
contains "$(cat "$TMP/err")" "out/.lock: another build is running" "saying why"
is "$(event error stage)" build "the log has the error"
printf 'x\n' >>articles/2022-07-ai-industry.md
"$JB" build --wait --quiet --log "$TMP/log2" test.project 2>"$TMP/err1" &
a=$!
"$JB" build --wait --quiet --log "$TMP/log2" test.project 2>"$TMP/err2" &
b=$!
sleep 0.5 # (they wait on the lock)
release_lock
wait $a; sa=$?
wait $b; sb=$?
is "$sa$sb" 00 "two builds with --wait both succeed, one after the other"
is "$(grep -c '"up_to_date":true' "$TMP/log2")" 1 "the second found the first's work done"
is "$(grep -c '"stage":"summary"' "$TMP/log2")" 2 "both appended their summary to one log"

done_testing
