#!/bin/sh
# Resource limits: what asks for too much is refused with one clear line and exit 3,
# before it is drawn, and nothing is written.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
"$JB" extract -o "$TMP/m.csv" examples/[0-9]* 2>/dev/null
"$JB" reshape --period year -o "$TMP/s.csv" "$TMP/m.csv" 2>/dev/null

# a canvas of 10000×10000 pt at scale 16: 2.56e10 pixels
printf 'metric = ai.core_industry_size\nwidth = 10000\nheight = 10000\n' >"$TMP/huge.chart"
is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec "$TMP/huge.chart" --scale 16 -o "$TMP/huge.png")" 3 "a 100000×100000 px chart is refused"
contains "$(cat "$TMP/err")" "outside the allowed size" "saying so"
check "and nothing is written" test ! -e "$TMP/huge.png"

# a million series, in spirit: more metrics than a chart may hold
ids=$(seq 1 100 | sed 's/^/m/' | paste -sd ';')
printf 'metrics = %s\n' "$ids" >"$TMP/many.chart"
is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec "$TMP/many.chart" -o "$TMP/many.png")" 3 "100 series in one chart are refused"
contains "$(cat "$TMP/err")" "many.chart:1: 100 metrics in one chart; the limit is 64" "naming the spec, line and limit"

# a template that would run to hundreds of pages
{ printf -- '---\ntitle: t\n---\n\n'; i=0; while [ $i -lt 26000 ]; do printf '第%d段。\n\n' $i; i=$((i + 1)); done; } >"$TMP/long.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/long.pdf" "$TMP/long.md")" 3 "a briefing of ~900 pages is refused"
contains "$(cat "$TMP/err")" "the limit is 500" "naming the page limit"
check "and no PDF is written" test ! -e "$TMP/long.pdf"

# a template over the size limit is refused before it is read
head -c 5000000 /dev/zero | tr '\0' 'a' >"$TMP/big.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/big.pdf" "$TMP/big.md")" 3 "a 5 MB template is refused"
contains "$(cat "$TMP/err")" "a template may have at most" "saying why"

# templates nested past any use: 30000 block quotes, 30000 lists, 40 emphases (a stack
# overflow once); the line named is the one the nesting starts on
{ printf -- '---\ntitle: t\n---\n\nintro\n\n'; head -c 30000 /dev/zero | tr '\0' '>'; printf ' x\n'; } >"$TMP/quotes.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/q.pdf" "$TMP/quotes.md")" 3 "30000 nested block quotes are refused"
is "$(cat "$TMP/err")" "jianbao: report: $TMP/quotes.md:7: block quotes and lists nested more than 16 deep; the limit is 16" "naming template, line and limit"
{ printf -- '---\ntitle: t\n---\n\n'; i=0; while [ $i -lt 30000 ]; do printf -- '- '; i=$((i + 1)); done; printf 'x\n'; } >"$TMP/lists.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/l.pdf" "$TMP/lists.md")" 3 "30000 nested lists are refused"
check "and no PDF is written" test ! -e "$TMP/l.pdf"
{ printf -- '---\ntitle: t\n---\n\n'; i=0; while [ $i -lt 40 ]; do printf '*a '; i=$((i + 1)); done; printf 'x'; i=0; while [ $i -lt 40 ]; do printf ' a*'; i=$((i + 1)); done; echo; } >"$TMP/emph.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/e.pdf" "$TMP/emph.md")" 3 "40 nested emphases are refused"
contains "$(cat "$TMP/err")" "emph.md:5: emphasis and links nested more than 32 deep; the limit is 32" "naming the limit"
{ printf -- '---\ntitle: t\n---\n\n'; i=0; while [ $i -lt 16 ]; do printf '> '; i=$((i + 1)); done; printf '最深的一层\n'; } >"$TMP/deep16.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/d16.pdf" "$TMP/deep16.md")" 0 "16 nested block quotes are fine"
contains "$(pdftotext "$TMP/d16.pdf" - 2>/dev/null)" "最深的一层" "and the innermost text is in the PDF"

# placeholders: 10000 in one paragraph are laid out (tests/pathological times them), more
# are refused
{ printf -- '---\ntitle: t\n---\n\n'; i=0; while [ $i -le 10000 ]; do printf '{{ai.core_industry_size.latest}}，'; i=$((i + 1)); done; echo; } >"$TMP/marks.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" --metrics "$TMP/m.csv" -o "$TMP/m.pdf" "$TMP/marks.md")" 3 "10001 placeholders are refused"
is "$(cat "$TMP/err")" "jianbao: report: $TMP/marks.md:5: more than 10000 placeholders; the limit is 10000" "naming the limit"

# a paragraph of 200000 characters: laid out in pieces, nothing lost (pango alone lost text
# past ~200k characters, and took quadratic time)
awk 'BEGIN { printf "---\ntitle: t\n---\n\n"; for (i = 0; i < 20000; i++) printf "第%d句话写在这里。", i; print "" }' >"$TMP/para.md"
is "$(status_of "$JB" report --data "$TMP/s.csv" -o "$TMP/para.pdf" "$TMP/para.md")" 0 "a paragraph of 200000 characters is typeset"
is "$(pdftotext "$TMP/para.pdf" - | tr -d '\f' | grep -v -e '^第 [0-9]* 页 / 共' -e '^t$' | tr -d '\n' | grep -o '第[0-9]*句话写在这里。' | wc -l)" 20000 "every one of its 20000 sentences is in the PDF"
is "$(pdftotext "$TMP/para.pdf" - | tr -d '\f' | grep -v -e '^第 [0-9]* 页 / 共' -e '^t$' | tr -d '\n' | grep -o '第[0-9]*句' | sed -n '20000p')" "第19999句" "in order, to the last"

# a series cell drawn in a row that is never split (table, KPI) must fit a page
awk 'BEGIN { print "metric_id,label,period,value,unit,bound,forecast,sources,display_unit,frequency,value_high"; printf "a.b,"; for (i = 0; i < 50000; i++) printf "很长的标签"; print ",2020,100,元,exact,0,x.md,,year," }' >"$TMP/longlabel.csv"
printf -- '---\ntitle: t\n---\n\n```table\na.b\n```\n' >"$TMP/tbl.md"
is "$(status_of "$JB" report --data "$TMP/longlabel.csv" -o "$TMP/tbl.pdf" "$TMP/tbl.md")" 3 "a label of 250000 characters is refused"
is "$(cat "$TMP/err")" "jianbao: report: $TMP/longlabel.csv:2: label of 250000 characters; the limit is 1000" "naming series.csv, the line and the limit"

done_testing
