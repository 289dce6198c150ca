#!/bin/sh
# jianbao init DIR: a project of one's own that builds as written, from any directory, with
# jianbao's data found beside its binary (never the working directory) and a local
# dictionary extending the shipped one; the shipped template picks its metrics by the data.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

is "$(status_of "$JB" init proj)" 0 "init exits 0"
for f in jianbao.project metrics.ini README; do check "it writes $f" test -s "proj/$f"; done
check "and an empty articles/" test -d proj/articles
is "$(wc -l <proj/README | tr -d ' ')" 3 "a README of three lines"
is "$(status_of "$JB" init proj)" 2 "a second init into the same place is refused"
contains "$(cat "$TMP/err")" "proj/jianbao.project: a project is there already" "saying why"

# Articles of our own, and a metric of our own in the local dictionary.
printf -- '---\ntitle: 通信业统计公报\ndate: 2025-01-20\nsource: 示例通信报\nurl: https://example.org/a\n---\n\n截至2024年底，全国5G基站总数达到425万个。2024年，我国工业机器人密度达到470台。\n' >proj/articles/a.md
printf -- '---\ntitle: 通信业运行情况\ndate: 2026-01-22\nsource: 示例日报\n---\n\n截至2025年底，全国5G基站总数达到483万个。\n' >proj/articles/b.md
printf '\n[mine.robot_density]\nlabel=工业机器人密度\nunit=台\naliases=工业机器人密度\n' >>proj/metrics.ini

mkdir elsewhere && cd elsewhere || exit 1
is "$(status_of "$JB" build -q ../proj)" 0 "jianbao build DIR, from another directory, exits 0"
is "$(cat "$TMP/err")" "" "quietly"
cd "$TMP" || exit 1
check "the briefing is there" test -s proj/out/briefing.pdf
contains "$(grep -c 'mine.robot_density' proj/out/metrics.csv)" 1 "the local metric is found (the dictionary extends the shipped one)"
contains "$(grep 'infra.5g_base_stations' proj/out/series.csv | wc -l | tr -d ' ')" 2 "the shipped metrics too"
pdftotext -layout proj/out/briefing.pdf "$TMP/b.txt"
contains "$(cat "$TMP/b.txt")" "483万个" "the briefing's KPIs have the latest figure"
contains "$(cat "$TMP/b.txt")" "图1" "a chart for the metric with two periods"
contains "$(cat "$TMP/b.txt")" "工业机器人密度" "the table has the local metric"
is "$(grep -c '图2' "$TMP/b.txt")" 0 "no chart for a metric of one period"
# Sources by name: the publisher and title metrics.csv has, never a file name.
contains "$(cat "$TMP/b.txt")" "来源：示例通信报、示例日报" "the chart's source line names the publishers"
contains "$(cat "$TMP/b.txt")" "《通信业统计公报》" "the sources section the titles"
contains "$(cat "$TMP/b.txt")" "https://example.org/a" "and the URL"
is "$(grep -c '[ab]\.md' "$TMP/b.txt")" 0 "no file name anywhere"
mv proj/articles/a.md proj/articles/c.md && mv proj/articles/b.md proj/articles/d.md
rm -rf proj/out
(cd / && "$JB" build -q "$TMP/proj")
pdftotext -layout proj/out/briefing.pdf "$TMP/b2.txt"
contains "$(cat "$TMP/b2.txt")" "《通信业统计公报》" "built from / (the articles out of reach of the CWD), the titles are there"

# Page 1 is filled: on articles of nine metrics stated for two years, the shipped template's
# six KPIs, 新增与变化 and the 趋势 intro reach the last fifth of the page (with four KPIs it
# ended 160 pt short and the charts, which cannot fit there, opened page 2).
"$JB" init fill >/dev/null
for y in 2023 2024; do
    v=$((y - 2000))
    printf -- '---\ntitle: 经济运行简况%s（示例）\ndate: %s-01-20\nsource: 示例统计快报\n---\n\n%s年，全国规模以上工业增加值比上年增长%s.6%%。全年社会消费品零售总额4%s.1万亿元，比上年增长%s.2%%。全国固定资产投资（不含农户）5%s.3万亿元，比上年增长3.%s%%。全年居民消费价格比上年上涨0.2%%。截至%s年底，全国5G基站总数达到3%s7万个。全年新能源汽车产量9%s8万辆。全年快递业务量13%s0亿件。\n' \
        "$y" $((y + 1)) "$y" $((v - 19)) $((v - 16)) $((v - 16)) "$v" $((v - 23)) "$y" "$v" "$v" "$v" >"fill/articles/$y.md"
done
is "$(status_of "$JB" build -q fill)" 0 "a project of nine metrics builds"
p1=$(pdftotext -f 1 -l 1 fill/out/briefing.pdf - | tr -d ' \n')
is "$(printf %s "$p1" | grep -o '较2023年\|比2023年' | wc -l | tr -d ' ')" 6 "page 1 has six KPIs, each with its change since 2023"
low=$(pdftotext -f 1 -l 1 -bbox fill/out/briefing.pdf - | /usr/bin/python3 -c '
import re, sys
ys = [float(y) for y, w in re.findall(r"yMax=\"([0-9.]+)\">([^<]*)<", sys.stdin.read()) if not re.fullmatch(r"第|[0-9]+|页|/|共", w)]
print(int(max(ys)))')
if [ "$low" -ge 630 ]; then ok 0 "page 1's text reaches its last fifth (y $low of 770)"; else ok 1 "page 1's text reaches its last fifth (ends at y $low of 770)"; fi

# The project and the binary copied elsewhere: the shipped template and dictionary are found
# beside the binary's tree (JIANBAO_DATA), not in the working directory.
cp -r proj copy && rm -rf copy/out
mkdir -p data && cp -r "$ROOT/templates" "$ROOT/fonts" data/
cd copy || exit 1
is "$(JIANBAO_DATA=$TMP/data status_of "$JB" build -q .)" 0 "a copied project builds with JIANBAO_DATA"
check "its briefing" test -s out/briefing.pdf
cd "$TMP" || exit 1
printf '[dictionary]\nextends=no-such.ini\n' >proj/metrics.ini
is "$(status_of "$JB" build -q proj)" 2 "a dictionary extending a missing file: exit 2"
contains "$(cat "$TMP/err")" "proj/metrics.ini:2: extends=no-such.ini: no such file" "naming file and line"

done_testing
