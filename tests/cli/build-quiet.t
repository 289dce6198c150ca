#!/bin/sh
# jianbao build under cron: the news always disagrees somewhere, and that is no failure.
# Conflicts exit 0, -q prints nothing, a warning is said once (when new, capped per file),
# counted in the log and listed in out/warnings.csv; fail_on= makes them fail when asked.
. "$(dirname "$0")/lib.sh"
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao
mkdir -p "$TMP/q/articles"
cd "$TMP/q" || exit 1
article() { # article NAME DAY VALUE: an article of our own stating 人工智能企业数量 for 2025
    printf -- '---\ntitle: 测试%s\ndate: 2026-01-%s\nsource: 示例网\n---\n\n2025年，我国人工智能企业数量为%s家。\n' \
        "$1" "$2" "$3" >"articles/$1.md"
}
article b1 01 4510
article b2 02 4520
article b3 03 4530
article b4 04 4540
article b5 05 4550
cat >q.project <<EOP
[project]
inputs=articles/*
dictionary=$ROOT/templates/metrics.ini
output=out
EOP
field() { python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readlines()[-1])[sys.argv[2]])' "$TMP/log" "$1"; }

is "$(status_of "$JB" build -q --log "$TMP/log" q.project)" 0 "four conflicts: exit 0"
is "$(cat "$TMP/err")" "" "-q: nothing on stderr"
is "$(field warnings)" 4 "the log's summary counts four warnings"
is "$(field new_warnings)" 4 "all new"
is "$(grep -c '"level":"warning"' "$TMP/log")" 5 "four warning events and a summary of level warning"
is "$(sed 1d out/warnings.csv | wc -l | tr -d ' ')" 4 "out/warnings.csv lists the four"
contains "$(sed -n 2p out/warnings.csv)" "reshape,out/metrics.csv,2," "with stage, file and line"

rm -f "$TMP/log"
is "$(status_of "$JB" build -q --log "$TMP/log" q.project)" 0 "a no-op rebuild: exit 0"
is "$(cat "$TMP/err")" "" "and prints nothing"
is "$(grep -c '"level":"warning","stage":"reshape"' "$TMP/log")" 0 "nor logs the warnings again"
is "$(field new_warnings)" 0 "none new"
is "$(field warnings)" 4 "four still stand"

# A new article sorted first shifts every line of metrics.csv: the conflicts are not new.
printf -- '---\ntitle: 其他\ndate: 2026-01-06\n---\n\n2025年，全国5G基站达到450万个。\n' >articles/a0.md
is "$(status_of "$JB" build q.project)" 0 "one article more: exit 0"
is "$(grep -c 'conflict' "$TMP/err")" 0 "known conflicts at other lines are not said again"
contains "$(cat "$TMP/err")" "4 warnings (0 new), listed in warnings.csv" "but counted"

# A new conflict is said once, without -q; more than 3 new warnings of a file are counted.
article b6 06 4560
is "$(status_of "$JB" build q.project)" 0 "a fifth conflict: exit 0"
is "$(grep -c 'conflict for ai.enterprises' "$TMP/err")" 3 "at most 3 new warnings of one file are printed"
contains "$(cat "$TMP/err")" "out/metrics.csv: 2 more new warnings (all in warnings.csv)" "the rest are counted"
is "$(status_of "$JB" build q.project)" 0 "again"
is "$(grep -c 'conflict' "$TMP/err")" 0 "said once"
article b7 07 4570
is "$(status_of "$JB" build -v q.project)" 0 "-v"
is "$(grep -c 'conflict for ai.enterprises' "$TMP/err")" 6 "-v prints every warning"

# fail_on=: a project can make its warnings fail the build.
printf 'fail_on=new-warnings\n' >>q.project
article b8 08 4580
is "$(status_of "$JB" build -q q.project)" 1 "fail_on=new-warnings: a new conflict exits 1"
contains "$(cat "$TMP/err")" "conflict for ai.enterprises 2025" "and is said under -q"
is "$(status_of "$JB" build -q q.project)" 0 "known ones exit 0"
is "$(cat "$TMP/err")" "" "silently"
sed -i 's/^fail_on=.*/fail_on=warnings/' q.project
is "$(status_of "$JB" build -q q.project)" 1 "fail_on=warnings: any warning exits 1"
contains "$(cat "$TMP/err")" "failing on 7 warnings" "saying how many"

done_testing
