#!/bin/sh
# A province's or city's figures are kept apart from the nation's: ID@REGION in metrics.csv
# and series.csv, a label naming the region, a chart of their own; the national chart and
# KPI never take a provincial value (they did: 全省…增长6.2% was the nation's 2024 figure,
# in conflict with 全国…5.8%).
. "$(dirname "$0")/lib.sh"
"$JB" init "$TMP/p" >/dev/null
cd "$TMP/p" || exit 1
printf -- '---\ntitle: 全国经济简况（示例）\ndate: 2025-01-18\nsource: 示例统计快报\n---\n\n2023年，全国规模以上工业增加值比上年增长4.6%%。2024年，全国规模以上工业增加值比上年增长5.8%%。\n' >articles/nation.md
printf -- '---\ntitle: 某省经济简况（示例）\ndate: 2025-01-25\nsource: 示例省统计局\n---\n\n2024年，全省规模以上工业增加值同比增长6.2%%。2023年，全省规模以上工业增加值同比增长5.0%%。\n\n2024年，廣東省規模以上工業增加值增長4.4%%，我省將新建5G基站1.2萬個。\n' >articles/province.md
is "$(status_of "$JB" build -q .)" 0 "builds, quietly: no conflict between the nation and a province"
is "$(sed 1d out/warnings.csv | wc -l | tr -d ' ')" 0 "no warning"
is "$(grep '^industry.value_added_growth,' out/series.csv | cut -d, -f3,4 | tr '\n' ' ')" "2023,4.6 2024,5.8 " \
    "the national series has the national figures only"
is "$(grep '^industry.value_added_growth@全省,' out/series.csv | cut -d, -f2,3,4 | tr '\n' ' ')" \
    "规模以上工业增加值同比增速（全省）,2023,5.0 规模以上工业增加值同比增速（全省）,2024,6.2 " \
    "the province's are a series of their own, labelled with the region"
is "$(grep -c '^industry.value_added_growth@广东省,2024,' out/series.csv)" 0 "(series.csv starts with the id and label)"
contains "$(grep '廣東省' out/metrics.csv | cut -d, -f6)" "industry.value_added_growth@广东省" \
    "a province named in traditional script is the region's first name"
contains "$(grep '1.2萬個' out/metrics.csv | cut -d, -f6)" "infra.5g_base_stations@全省" "我省 is 全省"
text=$(pdftotext out/briefing.pdf - | tr -d ' \n')
contains "$text" "规模以上工业增加值同比增速（全省）" "the briefing names the province's figures"
# a chart each: the nation's and the province's (广东省 has one period: no chart)
is "$(printf '%s' "$text" | grep -o '图[0-9]规模以上工业增加值同比增速[（全省）]*原文见' | tr '\n' ' ')" \
    "图1规模以上工业增加值同比增速原文见 图2规模以上工业增加值同比增速（全省）原文见 " "a chart for the nation and one for the province"
done_testing
