#!/bin/sh
# Broken CSV handed to the stages that read one (reshape, chart, report): an unclosed quote
# is an error naming the file and the line it opened on, never the rest of the file
# silently read as one cell.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

printf 'metric_id,period,value,unit\na.b,2020,1,元\na.b,2021,"2,元\na.b,2022,3,元\na.b,2023,4,元\n' >m.csv
for strict in "" --strict; do
    is "$(status_of "$JB" reshape $strict -o s.csv m.csv)" 3 "reshape $strict: an unclosed quote is an input error"
    is "$(cat "$TMP/err")" "jianbao: reshape: m.csv:3: a quoted field opened on this line is never closed (lines 3-5 would be one cell); a quote inside a quoted field is written \"\"" \
        "naming the file, the line it opened on and the lines it would swallow"
    check "and writes nothing" test ! -e s.csv
done

# the same at the end of a file without a final line break
printf 'metric_id,period,value,unit\na.b,2020,1,元\na.b,2021,"2,元' >end.csv
is "$(status_of "$JB" reshape -o s.csv end.csv)" 3 "an unclosed quote on the last line, no LF, is an error"
contains "$(cat "$TMP/err")" "end.csv:3: a quoted field opened on this line is never closed" "naming line 3"

# what is well-formed still reads: quoted fields across lines, doubled quotes, no final LF
printf 'metric_id,period,value,unit,quote\na.b,2020,1,元,"line one\nline ""two"""\na.b,2021,2,元,x' >good.csv
is "$(status_of "$JB" reshape -o s.csv good.csv)" 0 "a quoted field across lines and a last row without LF read"
is "$(cut -d, -f3,4 s.csv | tr '\n' ' ')" "period,value 2020,1 2021,2 " "both rows are in series.csv"

# chart and report read series.csv and metrics.csv the same way
printf 'metric_id,label,period,value,unit,bound,forecast,sources,display_unit,frequency,value_high\na.b,A,2020,1,元,exact,0,"x.md,,,year,\na.b,A,2021,2,元,exact,0,y.md,,year,\n' >s2.csv
is "$(status_of "$JB" chart --data s2.csv --metric a.b -o c.png)" 3 "chart: an unclosed quote in series.csv is an error"
contains "$(cat "$TMP/err")" "s2.csv:2: a quoted field opened on this line is never closed" "naming series.csv and its line"
check "and draws nothing" test ! -e c.png
printf -- '---\ntitle: t\n---\n\ntext\n' >t.md
is "$(status_of "$JB" report --data s2.csv -o b.pdf t.md)" 3 "report: an unclosed quote in series.csv is an error"
contains "$(cat "$TMP/err")" "s2.csv:2: a quoted field opened on this line is never closed" "naming series.csv and its line"
check "and writes no PDF" test ! -e b.pdf

# An article's file name is a free-text cell too: one starting with = + - @ is written with a
# leading ' in metrics.csv (and so in series.csv's sources), never as a formula
mkdir -p names
for f in =HYPERLINK.md @SUM.md -cmd.md +x.md; do cp "$ROOT/examples/2022-07-ai-industry.md" "names/$f"; done
cd names || exit 1
is "$(status_of "$JB" extract -o ../n.csv =HYPERLINK.md ./@SUM.md ./-cmd.md +x.md)" 0 "articles named =HYPERLINK.md, @SUM.md, -cmd.md, +x.md are read"
cd .. || exit 1
is "$(cut -d, -f1 n.csv | sort -u | tr '\n' ' ')" "'+x.md '=HYPERLINK.md ./-cmd.md ./@SUM.md source " "their names start with ' where a spreadsheet would run them"
"$JB" reshape -o ns.csv n.csv 2>/dev/null
is "$(awk -F, 'NR > 1 { print substr($8, 1, 1) }' ns.csv | sort -u | tr -d '\n')" "'" "and every sources cell of series.csv starts with '"

# A hand-made metrics.csv whose subject, metric and source start like formulas: series.csv's
# label and sources are guarded all the same, and the chart's title shows the words without
# the guard
printf 'metric_id,period,value,unit,subject,metric,source\n,2023,5,%%,=1+1,增长,@x.md\n,2024,6,%%,=1+1,增长,@x.md\n' >hand.csv
"$JB" reshape -o hand-s.csv hand.csv 2>/dev/null
is "$(awk -F, 'NR == 2 { print $2 "|" $8 }' hand-s.csv)" "'=1+1增长|'@x.md" "series.csv: label and sources of a hand-made metrics.csv start with '"
"$JB" extract -o guarded.csv names/=HYPERLINK.md 2>/dev/null
printf 'metric_id,period,value,unit,subject,metric,source\n,2023,5,%%,'"'"'=1+1,'"'"'+增长,a.md\n' >g.csv
"$JB" reshape -o g-s.csv g.csv 2>/dev/null
is "$(awk -F, 'NR == 2 { print $2 }' g-s.csv)" "'=1+1+增长" "a label from guarded cells: the words once, guarded once"
"$JB" chart --data hand-s.csv --metric "unknown:=1+1:增长" -o hand.svg --svg-text=text 2>/dev/null
contains "$(cat hand.svg)" ">=1+1增长<" "the chart's title is the label without the guard"

# Every cell of every CSV jianbao writes, whatever its column, is guarded when it starts
# like a formula and is not a plain number: a hand-made metrics.csv's metric_id, unit and
# source reach series.csv (long and wide) and conflicts.csv so; negative numbers stay numbers
printf 'metric_id,period,value,unit,source\n=HYPERLINK(1),2023,-5.5,@u,+a.md\n=HYPERLINK(1),2023,7,@u,-b.md\n=HYPERLINK(1),2024,-6,@u,+a.md\n' >f.csv
"$JB" reshape -o f-s.csv -c f-c.csv f.csv 2>/dev/null
is "$(awk -F, 'NR > 1 { print $1 "|" $4 "|" $5 }' f-s.csv | tr '\n' ' ')" \
    "'=HYPERLINK(1)|7|'@u '=HYPERLINK(1)|-6|'@u " "series.csv: metric_id and unit guarded, negative values kept as numbers"
bare=$(awk -F, 'NR > 1 { for (i = 1; i <= NF; i++) if ($i ~ /^[=+@]/ || ($i ~ /^-/ && $i !~ /^-[0-9]+(\.[0-9]+)?$/)) print FILENAME ": " $i }' f-s.csv f-c.csv)
is "$bare" "" "no cell of series.csv or conflicts.csv starts like a formula"
contains "$(cat f-c.csv)" "'-b.md" "conflicts.csv: the other statement's source guarded"
"$JB" reshape --wide -o f-w.csv f.csv 2>/dev/null
is "$(head -n 1 f-w.csv | cut -d, -f1-3)" "period,'=HYPERLINK(1),'=HYPERLINK(1)|label" "the wide form's header: metric ids guarded"
"$JB" reshape --long -o f-l.csv f-w.csv 2>/dev/null
is "$(cut -d, -f1 f-l.csv | sort -u | tr '\n' ' ')" "'=HYPERLINK(1) metric_id " "and back to the long form, guarded once"
"$JB" chart --data f-s.csv --metric "=HYPERLINK(1)" -o f.svg --svg-text=text 2>/dev/null
check "a chart finds the metric by its id without the guard" test -s f.svg
printf '[=HYPERLINK(1)]\nlabel=x\nunit=%%\n' >f.ini
is "$(status_of "$JB" extract --dict f.ini -o f-m.csv "$ROOT/examples/2022-07-ai-industry.md")" 3 "a dictionary id starting with = is refused"
contains "$(cat "$TMP/err")" "f.ini: [=HYPERLINK(1)]: a metric id cannot start with = + - or @" "naming the dictionary and the id"

done_testing
