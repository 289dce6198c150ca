#!/bin/sh
# review.csv: the analyst pins a value, rejects a statement, accepts a conflict; open
# conflicts and every review reach the briefing's review section (pdftotext), and an
# accepted conflict is no longer a warning.
. "$(dirname "$0")/lib.sh"
"$JB" init "$TMP/p" >/dev/null
cd "$TMP/p" || exit 1
printf -- '---\ntitle: 甲文\ndate: 2026-01-02\nsource: 甲报\n---\n\n2025年，我国人工智能企业数量为4510家。\n' >articles/a.md
printf -- '---\ntitle: 乙文\ndate: 2026-01-05\nsource: 乙报\n---\n\n2025年，我国人工智能企业数量为4550家。2024年，我国人工智能企业数量为4100家。\n' >articles/b.md
pdf() { pdftotext -layout out/briefing.pdf - | tr -s ' '; }

is "$(status_of "$JB" build -q .)" 0 "a conflict: exit 0"
is "$(sed 1d out/warnings.csv | wc -l | tr -d ' ')" 1 "one warning"
contains "$(pdf)" "【待核对】人工智能企业数量 2025年：4550 家（乙报）与 4510 家（甲报）不一致" \
    "the open conflict is in the briefing with both values and sources"
contains "$(pdf | tr -d ' \n')" "不一致，取前者：发布较晚的文章优先" "…and the rule that chose, in Chinese (it was 'later article')"

printf 'action,metric_id,period,value,source,quote,note\naccept,ai.enterprises,2025,,,,口径不同，已核对\n' >review.csv
is "$(status_of "$JB" build -q .)" 0 "accepted"
is "$(sed 1d out/warnings.csv | wc -l | tr -d ' ')" 0 "an accepted conflict is no warning"
contains "$(pdf)" "【已确认】人工智能企业数量 2025年" "the briefing says it was accepted"
contains "$(pdf)" "备注：口径不同，已核对" "with the note"

printf 'action,metric_id,period,value,source,quote,note\npin,ai.enterprises,2025,4600,,,据年报\n' >review.csv
is "$(status_of "$JB" build -q .)" 0 "pinned"
contains "$(grep '^ai.enterprises,.*,2025,' out/series.csv)" ",4600,家,exact,0,review.csv," "series.csv has the pinned value"
contains "$(pdf)" "【已指定】人工智能企业数量 2025年：4600 家（原为 4550）" "the briefing says it was pinned"
contains "$(pdf)" "4600家" "and uses it"
is "$(pdf | grep -c '待核对】')" 0 "a pin settles the conflict it chose a value for (it was still 待核对)"
is "$(sed 1d out/warnings.csv | wc -l | tr -d ' ')" 0 "…and it is no warning"

printf 'action,metric_id,period,value,source,quote,note\nreject,,,,articles/b.md,企业数量为4550家,误报\n' >review.csv
is "$(status_of "$JB" build -q .)" 0 "rejected"
is "$(grep -c '4550' out/metrics.csv)" 0 "the rejected statement is out of metrics.csv"
is "$(grep -c '4100' out/metrics.csv)" 1 "the article's other statement stays"
contains "$(pdf)" "【已剔除】" "the briefing lists the rejection"
contains "$(pdf)" "“我国人工智能企业数量为4550家”（乙报）" "…with its article by name, not by file"
is "$(pdf | grep -c '待核对】')" 0 "and no conflict is left open"

# review= names another file (the README and --help say so; the key was refused as unknown)
mv review.csv checked.csv
printf 'review=checked.csv\n' >>jianbao.project
is "$(status_of "$JB" build -q .)" 0 "review=FILE in the project"
contains "$(pdf)" "【已剔除】" "…is the review read"
printf 'review=nothere.csv\n' >>jianbao.project
sed -i '/^review=checked.csv$/d' jianbao.project
line=$(grep -n '^review=' jianbao.project | cut -d: -f1)
is "$(status_of "$JB" build -q .)" 2 "a review= file that is missing: exit 2"
is "$(cat "$TMP/err")" "jianbao: build: ./jianbao.project:$line: review=nothere.csv: no such file" "…naming the project's line"
sed -i '/^review=/d' jianbao.project
printf 'action,metric_id,period,value,source,quote,note\nping,ai.enterprises,2025,1,,,\n' >review.csv
is "$(status_of "$JB" build -q .)" 2 "a bad action: exit 2"
is "$(cat "$TMP/err")" "jianbao: build: review.csv:2: action 'ping': expected pin, reject or accept; did you mean 'pin'?" "naming file and line, and the action meant"

# Every typo in a review row is an error naming its line and what was meant (a misspelt
# metric id, article or column did nothing, silently)
H=action,metric_id,period,value,source,quote,note
bad() { # bad ROWS EXPECTED NAME
    printf '%b' "$1" >review.csv
    is "$(status_of "$JB" build -q .)" 2 "$3: exit 2"
    is "$(cat "$TMP/err")" "jianbao: build: $2" "$3: the message"
}
bad "$H\npin,ai.enterprise,2025,4600,,,\n" "review.csv:2: pin: metric_id 'ai.enterprise' is not in the dictionary; did you mean ai.enterprises?" "a misspelt metric id"
bad "$H\naccept,ai.enterprises,2025-13,,,,\n" "review.csv:2: accept: period '2025-13' is not a period (2025, 2025-07, 2025-07-31, 2025-Q3, 2025-H1, 2025-01/2025-09)" "a bad period"
bad "$H\npin,ai.enterprises,2025,4600家,,,\n" "review.csv:2: pin: value '4600家' is not a plain decimal in the metric's base unit; did you mean 4600?" "a value with its unit"
bad "$H\npin,ai.enterprises,2025,0.46万,,,\n" "review.csv:2: pin: value '0.46万' is not a plain decimal in the metric's base unit; did you mean 4600?" "a value in 万"
bad "$H\nreject,,,,articles/b.mb,4550家,\n" "review.csv:2: reject: source 'articles/b.mb' is none of the articles; did you mean articles/b.md?" "a misspelt article"
bad "acton,metric_id,period,value,source,quote,note\npin,ai.enterprises,2025,4600,,,\n" "review.csv:1: column 'acton': did you mean 'action'? (a review file's columns are action,metric_id,period,value,source,quote,note)" "a misspelt column"
bad "action,metric_id,period,value,source,quote,notes\npin,ai.enterprises,2025,4600,,,据年报\n" "review.csv:1: column 'notes': did you mean 'note'? (a review file's columns are action,metric_id,period,value,source,quote,note)" "a misspelt note column (the note was not read)"
check "none of them built anything new" test "$(grep -c 4600 out/series.csv)" = 0
# a row that did nothing this build is a warning (articles and conflicts come and go)
printf '%b' "$H\nreject,,,,articles/b.md,4551家,\naccept,ai.enterprises,2024,,,,\nreject,,,,articles/gone.md,1家,\n" >review.csv
is "$(status_of "$JB" build .)" 0 "rows that match nothing: exit 0"
w=$(cat out/warnings.csv)
contains "$w" "review.csv:2: reject matches no statement: no quote of articles/b.md holds '4551家'" "a reject whose words no quote holds is a warning"
contains "$w" "review.csv:3: accept: no conflict for ai.enterprises 2024 to accept" "an accept with no such conflict"
contains "$w" "review.csv:4: reject: source 'articles/gone.md' is none of the articles" "a reject of an article no longer there"
contains "$(cat "$TMP/err")" "reject matches no statement" "…said once, when new"
is "$(status_of "$JB" build -q .)" 0 "and a no-op rebuild under -q"
is "$(cat "$TMP/err")" "" "…says nothing"
done_testing
