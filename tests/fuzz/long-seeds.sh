#!/bin/sh
# long-seeds.sh DIR — long seeds for each fuzz target, in DIR/NAME/: the shapes of
# tests/pathological's cases (tests/pathological/inputs.sh makes them), sized past every
# bound jianbao keeps on long input (look-backs of 40 characters and of 1536 bytes, quotes of
# 200 characters, cells of 768 bytes, pieces of 800 characters, nesting limits) and well
# under FUZZ_MAX_LEN, so that one run under ASan stays far from the timeout. libFuzzer grows
# an input from its seeds a few bytes at a time: from the short seeds alone, no input of a
# run of minutes passed a few KB, and no long-input path was ever reached. run.sh makes them.
set -eu
out=$1
. tests/pathological/inputs.sh
mk() { mkdir -p "$out/$1"; }

mk article
cd "$out/article"
list_article 3000 list.txt                 # 、-list of one unit, 3000 members (~40 KB)
forecast_article 3000 forecast.txt         # 将… 3000 times in one clause
wide_table 3000 wide.html                  # a table row of 3000 cells
awk 'BEGIN { printf "<p>2024-03-01</p><table><tr><td>"; for (i = 0; i < 2000; i++) printf "产业规模"; printf "</td>"; for (i = 0; i < 300; i++) printf "<td>%d</td>", i; print "</tr></table>" }' >label.html
metric_sentence 1500 metric.txt            # a metric's figures, one sentence
paragraph_article 200000 paragraph.txt     # 200 KB without punctuation
cd - >/dev/null

mk template
cd "$out/template"
nested_quotes 5000 quotes.md
nested_lists 5000 lists.md
nested_emphasis 3000 emphasis.md
headings 2000 headings.md
footnotes 600 footnotes.md a.b            # (a metric of the target's series)
long_paragraph 30000 paragraph.md
cd - >/dev/null

mk table
cd "$out/table"
unclosed_quote_csv 5000 unclosed.csv
conflicts_csv 5000 conflicts.csv
cd - >/dev/null

mk number
cd "$out/number"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "%s%d万亿", (i ? "、" : ""), i; print "元" }' >list
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "%d", i % 10; print "亿元" }' >digits
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "一千二百三十四"; print "万" }' >numerals
cd - >/dev/null

# the chart target reads a spec, then after a line `%%series` a series.csv of its own
mk chart_spec
cd "$out/chart_spec"
for kind in line bar; do
    chart_spec 20 "$kind" "$kind.chart"
    echo '%%series' >>"$kind.chart"
    many_series_csv 20 120 s.csv && cat s.csv >>"$kind.chart" && rm s.csv
done
cd - >/dev/null
