#!/bin/sh
# Pathological inputs (issue 15), after cmark's pathological tests: each case is sized so
# that a quadratic algorithm needs minutes while a linear one needs well under a second (a
# few for the largest); it fails when it uses more than a generous limit of CPU time, peaks
# above a memory bound proportional to its input (/usr/bin/time), exits with another code or
# says something else. The limit is of CPU seconds (ulimit -t), not of wall time: a machine
# loaded by other work stretches the wall time of a run many times over, its CPU time
# hardly (a wall-clock limit ten times as long only guards against a hang). The inputs are
# made by inputs.sh. Measured CPU times and peaks are printed as TAP comments
# ("# case: 0.43 s of CPU (1.9 s wall), 49 MB peak for 512 KB of input").
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/inputs.sh"
if [ ! -x /usr/bin/time ]; then
    echo "1..0 # SKIP /usr/bin/time is not installed (tools/deps.sh test installs it)"
    exit 0
fi
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao # the tree's binary may be rebuilt meanwhile
cd "$TMP" || exit 1
# The sanitizers make everything slower and bigger: there the cases are a quarter of the
# size (they look for memory errors; the sizes that tell linear from quadratic are the
# plain build's), the timeouts four times as long, and the memory bounds four times as high
# plus ASan's quarantine of freed memory (256 MB).
slow=1 size=1 quarantine=0
case ${BUILD:-build} in *san*) slow=4 size=4 quarantine=256 ;; esac

# pcase NAME EXIT MESSAGE CPU_S BASE_MB BYTES_PER_INPUT_BYTE INPUT CMD...
# The memory bound is BASE_MB plus BYTES_PER_INPUT_BYTE times the input's size.
pcase() {
    name=$1 want=$2 msg=$3 limit=$(($4 * slow)) base=$5 per=$6 input=$7
    shift 7
    bytes=$(wc -c <"$input")
    bound_kb=$(((base * 1024 + bytes / 1024 * per) * slow + quarantine * 1024))
    # (timeout, exec'd under the soft CPU limit, exits 124 at the wall limit and 128 + 24
    # when the command is killed by SIGXCPU)
    /usr/bin/time -f '%e %U %S %M' -o time.out \
        sh -c 'ulimit -c 0; ulimit -S -t "$1"; shift; exec timeout "$@"' sh "$limit" $((limit * 10)) "$@" >out 2>err
    st=$?
    set -- $(tail -n 1 time.out)
    wall=$1 cpu=$(echo "$2 $3" | awk '{ printf "%.2f", $1 + $2 }') kb=$4
    printf '# %s: %s s of CPU (%s s wall), %d MB peak for %d KB of input (bound %d MB)\n' "$name" "$cpu" "$wall" $((kb / 1024)) $((bytes / 1024)) $((bound_kb / 1024))
    if [ "$st" -eq $((128 + 24)) ]; then
        ok 1 "$name: finishes within ${limit} s of CPU"
        return
    fi
    if [ "$st" -eq 124 ]; then
        ok 1 "$name: finishes within $((limit * 10)) s of wall time (a hang?)"
        return
    fi
    is "$st" "$want" "$name: exit $want"
    [ -z "$msg" ] || contains "$(cat err)" "$msg" "$name: says '$msg'"
    if [ "$kb" -le "$bound_kb" ]; then ok 0 "$name: peak memory within the bound"; else
        ok 1 "$name: peak memory within the bound"
        echo "#   $kb KB > $bound_kb KB"
    fi
}

"$JB" extract -o m.csv "$ROOT"/examples/[0-9]* 2>/dev/null
"$JB" reshape --period year -o s.csv m.csv 2>/dev/null

# --- extract: long lists and run-on paragraphs
list_article $((20000 / size)) list20k.txt
pcase "extract, a list of 20000 values" 0 "" 30 64 40 list20k.txt "$JB" extract -o list.csv list20k.txt
is "$(($(wc -l <list.csv) - 1))" $((20000 / size)) "extract, a list of 20000 values: every one a statement"
list_article $((40000 / size)) list40k.txt
pcase "extract, a list of 40000 values" 0 "" 30 64 40 list40k.txt "$JB" extract -o list.csv list40k.txt
forecast_article $((40000 / size)) jiang.txt
pcase "extract, 40000 figures after 将 in one clause" 0 "" 30 64 100 jiang.txt "$JB" extract -o jiang.csv jiang.txt
is "$(($(wc -l <jiang.csv) - 1))" $((40000 / size)) "extract, 40000 figures after 将: every one a statement"
span_levels $((40000 / size)) span.txt
pcase "extract, 40000 levels over a review's span in one clause" 0 "" 30 64 100 span.txt "$JB" extract -o span.csv span.txt
is "$(grep -c ',2025,' span.csv)" $((40000 / size)) "extract, 40000 levels over a span: every one a statement, at the span's end"
after_levels $((40000 / size)) after.txt
pcase "extract, 40000 figures after a change between two levels" 0 "" 30 64 100 after.txt "$JB" extract -o after.csv after.txt
is "$(($(wc -l <after.csv) - 1))" $((40000 / size + 2)) "extract, 40000 figures after two levels: every one a statement"
fenbie_lists $((80000 / size)) fenbie.txt
pcase "extract, 80000 分别 lists in one clause" 0 "" 30 64 100 fenbie.txt "$JB" extract -o fenbie.csv fenbie.txt
is "$(($(wc -l <fenbie.csv) - 1))" $((160000 / size)) "extract, 80000 分别 lists: every figure a statement"
categories $((80000 / size)) cat.txt
pcase "extract, 80000 categories in words in one clause" 0 "" 30 64 100 cat.txt "$JB" extract -o cat.csv cat.txt
is "$(($(wc -l <cat.csv) - 1))" 0 "extract, 80000 categories: none a count"
metric_sentence $((20000 / size)) metric.txt
pcase "extract, 20000 figures of a metric in one sentence" 0 "" 30 64 100 metric.txt "$JB" extract -o metric.csv metric.txt
is "$(grep -c ',consumption\.retail_sales,' metric.csv)" $((20000 / size)) "extract, 20000 figures of a metric in one sentence: every one the metric's"
wide_table $((40000 / size)) wide.html
pcase "extract, a table row of 40000 figures" 0 "" 30 64 100 wide.html "$JB" extract -o wide.csv wide.html
is "$(($(wc -l <wide.csv) - 1))" $((40000 / size)) "extract, a table row of 40000 figures: every one a statement"
long_label_table $((4000 / size)) label.html
pcase "extract, a table row of 4000 figures under a label of 1.2 MB" 0 "" 30 64 40 label.html "$JB" extract -o label.csv label.html
wrapped_blanks $((3000000 / size)) blanks.txt
pcase "extract, a hard-wrapped text ending in 3 million blank lines" 0 "" 30 64 100 blanks.txt "$JB" extract -o blanks.csv blanks.txt
spanned_table $((40000 / size)) spans.html
pcase "extract, a table of 40000 rows under one spanning label and header" 0 "" 30 64 100 spans.html "$JB" extract -o spans.csv spans.html
paragraph_article $((1000000 / size)) para1m.txt
pcase "extract, 1 MB without punctuation" 0 "" 30 64 40 para1m.txt "$JB" extract -o para.csv para1m.txt
paragraph_article $((2000000 / size)) para2m.txt
pcase "extract, 2 MB without punctuation" 0 "" 30 64 40 para2m.txt "$JB" extract -o para.csv para2m.txt

# --- extract: a clause of thousands of figures and times, shapes of news each (probe/shapes.py
# finds them): every figure looked at every time or subject of its clause before or after it
repeated $((80000 / size)) 较上年同期增长5% yoy.txt
pcase "extract, 80000 changes on a year before in one clause" 0 "" 30 64 100 yoy.txt "$JB" extract -o yoy.csv yoy.txt
is "$(($(wc -l <yoy.csv) - 1))" $((80000 / size)) "extract, 80000 changes on a year before: every one a statement"
repeated $((80000 / size)) 比2020年增加5个 base.txt "" ，
pcase "extract, 80000 changes since a base year in clauses of one sentence" 0 "" 30 64 100 base.txt "$JB" extract -o base.csv base.txt
is "$(($(wc -l <base.csv) - 1))" $((80000 / size)) "extract, 80000 changes since a base year: every one a statement"
repeated $((80000 / size)) 比上年末增加9万人 point.txt
pcase "extract, 80000 changes since 上年末 in one clause" 0 "" 30 64 100 point.txt "$JB" extract -o point.csv point.txt
is "$(($(wc -l <point.csv) - 1))" $((80000 / size)) "extract, 80000 changes since 上年末: every one a statement"
repeated $((80000 / size)) 3月11日全国民航执行航班14862班次 dates.txt
pcase "extract, 80000 days each with a figure in one clause" 0 "" 30 64 100 dates.txt "$JB" extract -o dates.csv dates.txt
is "$(grep -c ',2024-03-11,' dates.csv)" $((80000 / size)) "extract, 80000 days with a figure: every one the day's"
repeated $((80000 / size)) 五一假期今年全市， named.txt 五一假期（5月1日至5日）全市接待游客5万人次。
pcase "extract, 80000 clauses opening with a name the story defined" 0 "" 30 64 100 named.txt "$JB" extract -o named.csv named.txt
repeated $((80000 / size)) 的5% ratio.txt 相当于2025年全年营业收入
pcase "extract, 80000 ratios after one base in one clause" 0 "" 30 64 100 ratio.txt "$JB" extract -o ratio.csv ratio.txt
is "$(($(wc -l <ratio.csv) - 1))" $((80000 / size)) "extract, 80000 ratios after one base: every one a statement"
repeated $((80000 / size)) 5% share.txt 已达全年预算
pcase "extract, 80000 shares after one budget in one clause" 0 "" 30 64 100 share.txt "$JB" extract -o share.csv share.txt
is "$(($(wc -l <share.csv) - 1))" $((80000 / size)) "extract, 80000 shares after one budget: every one a statement"

# --- report: deep templates, many footnotes, long paragraphs
nested_quotes 30000 quotes.md
pcase "report, 30000 nested block quotes" 3 "quotes.md:5: block quotes and lists nested more than 16 deep" 30 64 100 quotes.md "$JB" report --data s.csv -o q.pdf quotes.md
nested_lists 30000 lists.md
pcase "report, 30000 nested lists" 3 "lists.md:5: block quotes and lists nested more than 16 deep" 30 64 100 lists.md "$JB" report --data s.csv -o l.pdf lists.md
nested_emphasis 30000 emph.md
pcase "report, 30000 nested emphases" 3 "emph.md:5: emphasis and links nested more than 32 deep" 30 64 100 emph.md "$JB" report --data s.csv -o e.pdf emph.md
headings $((60000 / size)) heads.md
pcase "report, 60000 headings in a row" 3 "heads.md: the briefing would run to" 30 64 100 heads.md "$JB" report --data s.csv -o h.pdf heads.md
footnotes $((4000 / size)) fn4000.md
pcase "report, 4000 footnotes in a paragraph" 0 "" 30 64 100 fn4000.md "$JB" report --data s.csv --metrics m.csv -o fn4000.pdf fn4000.md
footnotes $((10000 / size)) fn10000.md
pcase "report, 10000 footnotes in a paragraph" 0 "" 60 64 100 fn10000.md "$JB" report --data s.csv --metrics m.csv -o fn10000.pdf fn10000.md
is "$(pdftotext fn10000.pdf - | grep -o '1\.2万亿元\[1\]' | wc -l)" $((10000 / size)) "report, 10000 footnotes: every value is in the PDF"
cited_series_csv $((40000 / size)) cited-s.csv
cited_metrics_csv $((40000 / size)) cited-m.csv
footnotes $((4000 / size)) cited.md x.y
cat cited-s.csv cited-m.csv >cited-in.csv # the input whose size bounds the memory
pcase "report, 4000 footnotes of a figure stated in 40000 months" 0 "" 30 64 40 cited-in.csv "$JB" report --data cited-s.csv --metrics cited-m.csv -o cited.pdf cited.md
is "$(pdftotext cited.pdf - | grep -o '5%\[1\]' | wc -l)" $((4000 / size)) "report, 4000 footnotes of a figure in 40000 months: every value in the PDF"
contains "$(pdftotext cited.pdf -)" "“比率为5%（第$((40000 / size - 1))句）”" "and its source is the statement of the latest month"
long_paragraph $((250000 / size)) para.md
pcase "report, a paragraph of 250000 characters" 0 "" 60 64 100 para.md "$JB" report --data s.csv -o para.pdf para.md
is "$(pdftotext para.pdf - | tr -d '\f' | grep -v -e '^第 [0-9]* 页 / 共' -e '^t$' | tr -d '\n' | grep -o '第[0-9]*句写在这里' | wc -l)" $((25000 / size)) "report, 250000 characters: all of them in the PDF"

# --- CSV: an unclosed quote in a large file
unclosed_quote_csv $((200000 / size)) quote.csv
pcase "reshape, an unclosed quote on line 2 of 200000" 3 "quote.csv:2: a quoted field opened on this line is never closed" 30 64 40 quote.csv "$JB" reshape -o qs.csv quote.csv
pcase "reshape --strict, the same" 3 "quote.csv:2: a quoted field opened on this line is never closed" 30 64 40 quote.csv "$JB" reshape --strict -o qs.csv quote.csv

conflicts_csv $((100000 / size)) conflicts-in.csv
pcase "reshape, 100000 values of one metric and period" 1 "conflicts-in.csv:2: conflict for ai.core_industry_size 2024" 30 64 40 conflicts-in.csv "$JB" reshape -o cs.csv -c conflicts-out.csv conflicts-in.csv
is "$(($(wc -l <conflicts-out.csv) - 1))" $((100000 / size - 1)) "reshape, 100000 values of one metric and period: every other one a conflict"

# --- chart: many series, many points
many_series_csv 17 5 s17.csv
chart_spec 17 grouped g17.chart
pcase "chart, a grouped chart of 17 series" 0 "" 30 64 100 s17.csv "$JB" chart --data s17.csv --spec g17.chart -o g17.png
many_series_csv 64 $((5000 / size)) s64.csv
chart_spec 64 line l64.chart
pcase "chart, 64 lines of 5000 months" 0 "" 60 64 40 s64.csv "$JB" chart --data s64.csv --spec l64.chart -o l64.png

# --- build: a FIFO named like an output holds no build up, the lock held
sample_project "$TMP/p"
"$JB" build -q "$TMP/p/test.project" 2>/dev/null
rm "$TMP/p/out/briefing.pdf"
mkfifo "$TMP/p/out/briefing.pdf"
sed -i 's/1\.2万亿元/1.3万亿元/g' "$TMP/p/articles/2026-01-press-conference.txt"
pcase "build, a FIFO at out/briefing.pdf" 4 "out/briefing.pdf: not a regular file" 60 64 0 "$TMP/p/test.project" "$JB" build -q "$TMP/p/test.project"

# --- build: an archive stating one figure in as many ways as it has articles: the review
# section lists 200 open conflicts and counts the rest (it ran past 500 pages: no briefing)
na=$((3000 / size))
mkdir -p "$TMP/many/articles"
awk -v n="$na" -v d="$TMP/many/articles" 'BEGIN { for (i = 1; i <= n; i++) { f = sprintf("%s/a%05d.txt", d, i); printf "2024-03-01\n\n2023年人工智能核心产业规模达到%d亿元。\n", 5000 + i > f; close(f) } }'
printf -- '---\ntitle: t\n---\n\n{{ai.core_industry_size.latest}}\n\n## 核对\n\n```review\n```\n' >"$TMP/many/b.md"
printf '[project]\ninputs=articles/*\ndictionary=%s/templates/metrics.ini\ntemplate=b.md\noutput=out\n' "$ROOT" >"$TMP/many/p.project"
cat "$TMP"/many/articles/* >many-in.txt
pcase "build, $na articles stating one figure $na ways" 0 "" 60 64 400 many-in.txt "$JB" build -q "$TMP/many/p.project"
contains "$(pdftotext "$TMP/many/out/briefing.pdf" - 2>/dev/null)" "另有 $((na - 201)) 处待核对的冲突未列出" "and its review section lists 200 conflicts, counting the rest"

# --- report: a metrics.csv naming /etc/passwd and ../../x as sources opens neither
awk -F, -v OFS=, 'NR == 1 { print; next } { $1 = (NR % 2) ? "/etc/passwd" : "../../x"; $13 = $14 = $15 = ""; print }' m.csv >evil.csv
"$JB" reshape --period year -o evil-s.csv evil.csv 2>/dev/null
printf -- '---\ntitle: t\n---\n\n{{ai.core_industry_size.latest}}\n' >cite.md
pcase "report, sources /etc/passwd and ../../x" 0 "" 30 64 0 evil.csv "$JB" report --data evil-s.csv --metrics evil.csv -o cite.pdf cite.md
case $(pdftotext cite.pdf - 2>/dev/null) in *root:*) ok 1 "report, sources /etc/passwd: no line of it in the PDF" ;; *) ok 0 "report, sources /etc/passwd: no line of it in the PDF" ;; esac

done_testing
