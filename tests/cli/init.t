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

# Page 1 is filled by its measured layout, with any number of metrics: the shipped
# template's `latest fill` KPI list takes as many rows (six at least) as the foot of page 1
# has room for, whole on the page; with too few metrics for that, the first chart is drawn a
# little shorter to fit under the 趋势 intro. Before, a count of six left page 1 160 pt
# short with nine metrics, and a third empty with two.
last_y() { # last_y PDF: the lowest text on page 1 but its page number, in pt (of 842)
    pdftotext -f 1 -l 1 -bbox "$1" - | /usr/bin/python3 -c '
import re, sys
ys = [float(y) for y, w in re.findall(r"yMax=\"([0-9.]+)\">([^<]*)<", sys.stdin.read()) if not re.fullmatch(r"第|[0-9]+|页|/|共", w)]
print(int(max(ys)))'
}
changes() { # changes PDF PAGE: the KPI rows' changes since the first year on that page
    pdftotext -f "$2" -l "$2" "$1" - | tr -d ' \n' | grep -o '较202[34]年\|比202[34]年\|为202[34]年的' | wc -l | tr -d ' '
}
filled() { # filled PDF NAME: page 1 reaches its last fifth
    low=$(last_y "$1")
    if [ "$low" -ge 630 ]; then ok 0 "$2: page 1's text reaches its last fifth (y $low of 770)"; else ok 1 "$2: page 1's text reaches its last fifth (ends at y $low of 770)"; fi
}
"$JB" init fill >/dev/null
for y in 2023 2024; do
    v=$((y - 2000))
    printf -- '---\ntitle: 经济运行简况%s（示例）\ndate: %s-01-20\nsource: 示例统计快报\n---\n\n%s年，全国规模以上工业增加值比上年增长%s.6%%。全年社会消费品零售总额4%s.1万亿元，比上年增长%s.2%%。全国固定资产投资（不含农户）5%s.3万亿元，比上年增长3.%s%%。全年居民消费价格比上年上涨0.2%%。截至%s年底，全国5G基站总数达到3%s7万个。全年新能源汽车产量9%s8万辆。全年快递业务量13%s0亿件。\n' \
        "$y" $((y + 1)) "$y" $((v - 19)) $((v - 16)) $((v - 16)) "$v" $((v - 23)) "$y" "$v" "$v" "$v" >"fill/articles/$y.md"
done
is "$(status_of "$JB" build -q fill)" 0 "a project of nine metrics builds"
k=$(changes fill/out/briefing.pdf 1)
if [ "$k" -gt 6 ] && [ "$k" -le 9 ]; then ok 0 "nine metrics: page 1 has more than six KPIs ($k), each with its change since 2023"; else ok 1 "nine metrics: page 1 has more than six KPIs, each with its change (got $k)"; fi
is "$(changes fill/out/briefing.pdf 2)" 0 "…and none is on page 2 (the list is whole)"
filled fill/out/briefing.pdf "nine metrics"
# two metrics: no KPI to add; the chart fits under the 趋势 intro, shorter
"$JB" init two >/dev/null
for y in 2023 2024; do
    printf -- '---\ntitle: 简况%s\ndate: %s-01-20\nsource: 示例统计快报\n---\n\n%s年，全国快递业务量1%s0亿件。%s年，全国5G基站总数达到3%s7万个。\n' \
        "$y" $((y + 1)) "$y" $((y - 2000)) "$y" $((y - 2000)) >"two/articles/$y.md"
done
is "$(status_of "$JB" build -q two)" 0 "a project of two metrics builds"
is "$(changes two/out/briefing.pdf 1)" 2 "two metrics: both KPIs on page 1"
contains "$(pdftotext -f 1 -l 1 two/out/briefing.pdf - | tr -d ' \n')" "图1" "…and the first chart, under the 趋势 intro"
filled two/out/briefing.pdf "two metrics"
# forty-five metrics of the dictionary, each stated for two years
"$JB" init many >/dev/null
/usr/bin/python3 - "$ROOT/templates/metrics.ini" >many/articles/a.md <<'PY'
import configparser, sys
cp = configparser.RawConfigParser(strict=False, interpolation=None)
cp.read(sys.argv[1], encoding="utf-8")
units = {"%": "%", "元": "亿元", "家": "家", "个": "个", "辆": "万辆", "吨": "万吨", "台": "万台"}
out, k = [], 0
for s in cp.sections():
    m = cp[s]
    if "." not in s or any(x in m for x in ("subject", "scope", "daily", "growth_of", "part_of")):
        continue
    alias = m.get("aliases", "").split(";")[0]
    if m.get("unit", "") not in units or not alias:
        continue
    k += 1
    for y in (2023, 2024):
        out.append(f"{y}年，全国{alias}为{k + y - 2000}.5{units[m['unit']]}。")
    if k == 45:
        break
print("---\ntitle: 年度数据汇编\nsource: 示例数据局\ndate: 2025-01-20\n---\n\n" + "\n\n".join(out))
PY
is "$(status_of "$JB" build -q many)" 0 "a project of 45 metrics builds"
nm=$(cut -d, -f1 many/out/series.csv | sed 1d | sort -u | wc -l | tr -d ' ')
if [ "$nm" -ge 40 ]; then ok 0 "…of $nm metrics"; else ok 1 "…of 40 metrics or more (got $nm)"; fi
k=$(changes many/out/briefing.pdf 1)
if [ "$k" -gt 6 ] && [ "$k" -le 24 ]; then ok 0 "45 metrics: page 1 has more than six KPIs ($k)"; else ok 1 "45 metrics: page 1 has more than six KPIs (got $k)"; fi
is "$(changes many/out/briefing.pdf 2)" 0 "…and none is on page 2"
filled many/out/briefing.pdf "45 metrics"

# A section the data leaves empty says so: no metric of two periods (no chart), no metric
# the dictionary knows (no KPI) — it was a heading over nothing
"$JB" init once >/dev/null
printf -- '---\ntitle: 简况\ndate: 2026-01-20\nsource: 示例统计快报\n---\n\n2025年，全国快递业务量1900亿件。\n' >once/articles/a.md
is "$(status_of "$JB" build -q once)" 0 "a project of one figure builds"
contains "$(pdftotext once/out/briefing.pdf - | tr -d ' \n')" "3趋势每个有两个以上时期数据的指标一幅图；图注中的编号对应文末的原文语句。暂无：还没有哪个指标有两个或更多时期的数字。" \
    "趋势 says there is no chart yet"
"$JB" init none >/dev/null
printf -- '---\ntitle: 简况\ndate: 2026-01-20\nsource: 示例统计快报\n---\n\n今年咖啡门店数达到21万家。\n' >none/articles/a.md
is "$(status_of "$JB" build -q none)" 0 "a project of no known metric builds"
contains "$(pdftotext none/out/briefing.pdf - | tr -d ' \n')" "暂无：文章中还没有词典里的指标。" "要点 says there is no KPI yet"

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
