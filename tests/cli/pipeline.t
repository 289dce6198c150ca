#!/bin/sh
# The four stages on the sample articles, stage by stage, checking values, not just files.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

# ---- extract
is "$(status_of "$JB" extract -o "$TMP/metrics.csv" examples/[0-9]*)" 0 "extract exits 0"
is "$(head -n 1 "$TMP/metrics.csv")" \
   "source,published,period,subject,metric,metric_id,value,unit,qualifier,bound,forecast,quote,publisher,title,url,value_high" \
   "metrics.csv has the contract's header"
row() { # row METRIC_ID VALUE: the first row with that id and value, as id,value,unit,bound,forecast,period
    awk -F, -v id="$1" -v v="$2" '$6 == id && $7 == v { print $6 "," $7 "," $8 "," $10 "," $11 "," substr($3, 1, 4); exit }' "$TMP/metrics.csv"
}
is "$(row ai.core_industry_size 400000000000)" "ai.core_industry_size,400000000000,元,at_least,0,2022" "4000亿元 in 2022, at least"
is "$(row ai.core_industry_size 1200000000000)" "ai.core_industry_size,1200000000000,元,at_least,1,2025" "1.2万亿元 forecast for 2025"
is "$(row ai.enterprises 3000)" "ai.enterprises,3000,家,at_least,0,2022" "3000 enterprises in 2022"
is "$(row ai.enterprises 6000)" "ai.enterprises,6000,家,at_least,0,2025" "6000 enterprises in 2025"
is "$(row infra.5g_base_stations 1700000)" "infra.5g_base_stations,1700000,个,exact,0,2022" "170万个 5G base stations"
is "$(awk -F, '$6 == "infra.5g_base_stations" { print $3; exit }' "$TMP/metrics.csv")" "2022-06" "截至6月底 is June of the published year"
is "$(row industry.value_added_growth 5.9)" "industry.value_added_growth,5.9,%,exact,0,2025" "5.9% growth in 2025"
is "$(row infra.industrial_internet_platforms 150)" "infra.industrial_internet_platforms,150,家,exact,0,2022" "150家 platforms across an inline tag"
is "$(row infra.connected_equipment 78000000)" "infra.connected_equipment,78000000,台（套）,at_least,0,2022" "7800万台（套）"
is "$(row sme.little_giants 17600)" "sme.little_giants,17600,家,exact,0,2025" "1.76万家 little giants: a January report on 2025 (its opening names the year) counts 2025"
is "$(awk -F, '$1 ~ /gbk/ && $7 == 50000000 { print $8; exit }' "$TMP/metrics.csv")" "元" "5000万元 read from the GB18030 article"
is "$(grep -c 'ICP\|0431\|版权' "$TMP/metrics.csv")" 0 "no page junk became a metric"
is "$(awk -F, '$6 == "ai.core_industry_size" && $7 == 400000000000' "$TMP/metrics.csv" | wc -l | tr -d ' ')" 1 "a figure repeated in one article is one row"
contains "$(grep 1200000000000 "$TMP/metrics.csv")" "1.2万亿元" "the quote holds the sentence's number"

# ---- reshape
is "$(status_of "$JB" reshape --period year -o "$TMP/series.csv" "$TMP/metrics.csv")" 0 "reshape exits 0"
is "$(head -n 1 "$TMP/series.csv")" "metric_id,label,period,value,unit,bound,forecast,sources,display_unit,frequency,value_high" "series.csv header"
is "$(grep '^ai.core_industry_size,' "$TMP/series.csv" | cut -d, -f3,4,6,7 | tr '\n' ' ')" \
   "2022,400000000000,at_least,0 2025,1200000000000,at_least,1 " "core industry size series: 2022 and 2025"

# ---- chart
is "$(status_of "$JB" chart --data "$TMP/series.csv" --metric ai.core_industry_size -o "$TMP/ai.png")" 0 "chart PNG exits 0"
check "PNG passes pngcheck" pngcheck -q "$TMP/ai.png"
is "$(file -b "$TMP/ai.png" | grep -o '[0-9]* x [0-9]*')" "1600 x 900" "PNG is 1600×900 at scale 2"
is "$(status_of "$JB" chart --data "$TMP/series.csv" --metric ai.core_industry_size -o "$TMP/ai.pdf")" 0 "chart PDF exits 0"
text=$(pdftotext "$TMP/ai.pdf" - 2>/dev/null)
contains "$text" "人工智能核心产业规模" "PDF text has the CJK title"
contains "$text" "超4000亿" "PDF text has the 4000亿 label"
contains "$text" "1.2万亿" "PDF text has the 1.2万亿 label"
contains "$text" "预计" "the forecast is marked 预计"
contains "$text" "来源" "the chart has a source line"
contains "$text" "万亿元" "the axis states its unit once"
check "chart PDF passes qpdf --check" qpdf --check "$TMP/ai.pdf"
size=$(wc -c <"$TMP/ai.pdf")
if [ "$size" -le 20000 ]; then ok 0 "chart PDF is small ($size bytes: fonts subset)"; else ok 1 "chart PDF is small ($size bytes)"; fi
is "$(status_of "$JB" chart --data "$TMP/series.csv" --metric ai.core_industry_size -o "$TMP/ai.svg")" 0 "chart SVG exits 0"
check "SVG is well-formed XML" xmllint --noout "$TMP/ai.svg"
"$JB" chart --data "$TMP/series.csv" --metric ai.core_industry_size -o "$TMP/again.pdf" 2>/dev/null
check "same input gives a byte-identical PDF" cmp "$TMP/ai.pdf" "$TMP/again.pdf"
"$JB" chart --data "$TMP/series.csv" --metric ai.core_industry_size -o "$TMP/again.png" 2>/dev/null
check "same input gives a byte-identical PNG" cmp "$TMP/ai.png" "$TMP/again.png"
is "$(status_of "$JB" chart --data "$TMP/series.csv" --metric no.such_metric -o "$TMP/none.png")" 3 "chart of an unknown metric exits 3"
check "and writes nothing" test ! -e "$TMP/none.png"
is "$(status_of "$JB" chart --data "$TMP/series.csv" --metric ai.core_industry_size -o "$TMP/x.gif")" 2 "unknown output format exits 2"

# ---- report
is "$(status_of "$JB" report --data "$TMP/series.csv" --metrics "$TMP/metrics.csv" -o "$TMP/briefing.pdf" examples/briefing.md)" 0 "report exits 0"
pages=$(pdfinfo "$TMP/briefing.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "${pages:-0}" -ge 1 ]; then ok 0 "briefing has $pages A4 page(s)"; else ok 1 "briefing has pages"; fi
contains "$(pdfinfo "$TMP/briefing.pdf" 2>/dev/null)" "595.28 x 841.89 pts (A4)" "briefing pages are A4"
text=$(pdftotext "$TMP/briefing.pdf" - 2>/dev/null)
contains "$text" "人工智能产业简报" "briefing has its title"
contains "$text" "1.2万亿元" "placeholders are filled the Chinese way"
contains "$text" "3倍" "growth placeholder computes 1.2万亿 ÷ 4000亿"
contains "$text" "数据来源" "briefing has a sources section"
contains "$(printf %s "$text" | tr -d " ")" "第1页/共${pages}页" "footer numbers the pages (第 N 页 / 共 M 页)"
check "briefing passes qpdf --check" qpdf --check "$TMP/briefing.pdf"
contains "$(pdftotext -f 1 -l 1 "$TMP/briefing.pdf" - 2>/dev/null)" "超4000亿" "the chart is on the first page, as vector text"

done_testing
