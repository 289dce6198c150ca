#!/bin/sh
# extract on plain text files (issue 12): a pipe table in a .txt is read as the same table
# in a .md is, a row a statement with its column's metric and time. Written for this test.
. "$(dirname "$0")/lib.sh"
D=$TMP/in
mkdir -p "$D"
printf '房价指数\n2026年3月16日\n\n2026年2月份主要城市房价指数如下。\n\n| 城市 | 环比（上月=100） | 同比（上年同月=100） |\n|---|---|---|\n| 东川 | 99.6 | 97.9 |\n| 西陵 | 100.2 | 101.4 |\n' >"$D/table.txt"
cp "$D/table.txt" "$D/table.md"
"$JB" extract -o "$TMP/txt.csv" "$D/table.txt" 2>/dev/null
"$JB" extract -o "$TMP/md.csv" "$D/table.md" 2>/dev/null
is "$(cut -d, -f3,4,5,7 "$TMP/txt.csv" | tail -n +2 | tr '\n' ' ')" \
    "2026-02,东川,环比,99.6 2026-02,东川,同比,97.9 2026-02,西陵,环比,100.2 2026-02,西陵,同比,101.4 " \
    "each cell of a pipe table in a .txt: subject, metric, period, value"
is "$(cut -d, -f3-12 "$TMP/txt.csv")" "$(cut -d, -f3-12 "$TMP/md.csv")" "the same rows as from the .md"
# a first line up to 64 characters, with Latin words in it, is the title: its figures are a
# headline's (read last), not the opening of the story
printf 'DemoPay东川支付Q3 FY2025收入12 billion yuan 跨境支付交易额升22%%\n2025-02-20 17:10\n\n东川支付公布截至2024年12月31日止的2025财年第三季度业绩。该季度总收入增长18%%。\n\n季度交易额达到860亿元。\n' >"$D/long-title.txt"
"$JB" extract -o "$TMP/lt.csv" "$D/long-title.txt" 2>/dev/null
is "$(sed -n 2p "$TMP/lt.csv" | cut -d, -f14)" "DemoPay东川支付Q3 FY2025收入12 billion yuan 跨境支付交易额升22%" "a 50-character first line is the title"
is "$(grep 860 "$TMP/lt.csv" | cut -d, -f3)" 2024-Q4 "and the story's opening sentence names its period"
# a table laid out in columns with spaces (a statistics office's text release): its rows are
# read as a pipe table's, the unit its head gives in brackets applied; a byline spaced out is
# no table
printf '零售業銷貨\n2026年3月3日\n\n表1：按零售商類別劃分的銷貨價值（2026年1月）\n\n零售商類別\343\200\200\343\200\200\343\200\200銷貨價值\343\200\200\343\200\200按年變動\n\343\200\200\343\200\200\343\200\200\343\200\200（百萬港元）\343\200\200（%%）\n所有零售商店\343\200\200\343\200\20034,612\343\200\200\343\200\2006.8\n超級市場貨品\343\200\200\343\200\2004,957\343\200\200\343\200\2002.3\n' >"$D/aligned.txt"
"$JB" extract -o "$TMP/aligned.csv" "$D/aligned.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/aligned.csv" | cut -d, -f3,5,7,8 | tr '\n' ' ')" \
    "2026-01,所有零售商店,34612000000,港元 2026-01,所有零售商店,6.8,% 2026-01,超級市場貨品,4957000000,港元 2026-01,超級市場貨品,2.3,% " \
    "a table aligned with spaces: each cell with its row, its column's unit and the caption's month"

# a label that overflowed its column into the first number (利润（百万元）612) is still the
# row's label: the rows under it keep the columns' years
printf '某公司盈利预测\n2026年4月8日\n\n                    2024A     2025A\n营业收入（百万元）  2,410     2,965\n净利润（百万元）612       803\nEPS（元）           1.02      1.34\n' >"$D/overflow.txt"
"$JB" extract -o "$TMP/overflow.csv" "$D/overflow.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/overflow.csv" | cut -d, -f3,7 | tr '\n' ' ')" \
    "2024,2410000000 2025,2965000000 2024,612000000 2025,803000000 2024,1.02 2025,1.34 " \
    "an aligned row whose label runs into its first number keeps the table's years"

# a line introducing a list (本周个股涨幅榜（前三）：, 10月车型销量排行：) gives its time to the
# list's items, a line each; a sentence after the list is the story's again
printf '周报\n2026-06-12\n\n本周沪指上涨1.2%%。\n\n本周个股涨幅榜（前三）：\n1　江岚光电　+41.20%%\n2　北辰科技　+33.50%%\n3　远舟股份　+30.10%%\n\n5月车型销量排行：\n1　星途A7　2.31万辆\n2　云帆S5　1.87万辆\n\n今日两市成交额1.3万亿元。\n' >"$D/list.txt"
"$JB" extract -o "$TMP/list.csv" "$D/list.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/list.csv" | cut -d, -f3,7 | tr '\n' ' ')" \
    "2026-06-08/2026-06-12,1.2 2026-06-08/2026-06-12,41.20 2026-06-08/2026-06-12,33.50 2026-06-08/2026-06-12,30.10 2026-05,23100 2026-05,18700 2026-06-12,1300000000000 " \
    "a list's items take the time of the line introducing them"

# a unit over the labels' column ((百万美元) | 2025年 | 2024年) is every cell's
printf '业绩\n2026年3月5日\n\n| （百万美元） | 2025年 | 2024年 |\n|---|---|---|\n| 营收 | 11760 | 7304 |\n' >"$D/head-unit.txt"
"$JB" extract -o "$TMP/head-unit.csv" "$D/head-unit.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/head-unit.csv" | cut -d, -f3,7,8 | tr '\n' ' ')" "2025,11760000000,美元 2024,7304000000,美元 " \
    "the unit in the head of the labels' column scales every cell"

# a page's blocks of links (a menu, a hot-search line, related stories) are no story, even
# when no class or tag says so; a link inside a sentence is part of it
cat >"$D/links.html" <<'X'
<html><head><meta name="publishdate" content="2026-03-12"><title>2月汽车产销</title></head><body>
<div class="topbar"><a href="/">首页</a> | <a href="/p">降价<em>2816</em>款</a> | <a href="/c">车型库(4000+)</a></div>
<div class="hot">热门：<a href="/s?q=1">15万以内SUV</a> <a href="/s?q=2">7座MPV</a></div>
<p>2月，汽车产销分别完成210.3万辆和212.8万辆，同比分别增长8.1%和9.4%，环比增速较上月提高近2个<a href="/t/pp">百分点</a>。</p>
<ul><li><a href="/n/1">1月新能源车品牌销量榜：前十名合计超70万辆</a></li></ul>
</body></html>
X
"$JB" extract -o "$TMP/links.csv" "$D/links.html" 2>/dev/null
is "$(tail -n +2 "$TMP/links.csv" | cut -d, -f7 | tr '\n' ' ')" "2103000 2128000 8.1 9.4 2 " \
    "a block mostly of link text is navigation: only the story's figures"
# a JSON Feed (jsonfeed.org): the feed's own title and description are no story; its items
# are, each with its date, link and title, the feed's title their publisher
cat >"$D/feed.json" <<'X'
{"version": "https://jsonfeed.org/version/1.1", "title": "东川车讯", "description": "新能源汽车交付快讯",
 "items": [
  {"id": "1", "url": "https://cars.example.cn/f/1.html", "title": "某车企公布5月交付",
   "content_html": "<p>5月，某车企共交付新车32156辆，同比增长28.4%。</p>", "date_published": "2026-06-01T10:05:00+08:00"},
  {"id": "2", "url": "https://cars.example.cn/f/2.html", "title": "另一车企公布5月交付",
   "content_text": "5月，另一车企交付18020辆，同比增长12.5%。", "date_published": "2026-06-02T09:00:00+08:00"}
 ]}
X
"$JB" extract -o "$TMP/feed.csv" "$D/feed.json" 2>/dev/null
is "$(tail -n +2 "$TMP/feed.csv" | cut -d, -f2,3,7,13 | tr '\n' ' ')" \
    "2026-06-01,2026-05,32156,东川车讯 2026-06-01,2026-05,28.4,东川车讯 2026-06-02,2026-05,18020,东川车讯 2026-06-02,2026-05,12.5,东川车讯 " \
    "a JSON Feed's items are the stories, dated each, published by the feed"
# a comma between digits groups thousands (1,710.5万辆): the quote keeps the whole number
# and its clause, not what follows the comma
printf '乘用车零售\n2026年10月8日\n\n1-9月累计零售1,710.5万辆，同比增长9.2%%。\n' >"$D/thousands.txt"
"$JB" extract -o "$TMP/th.csv" "$D/thousands.txt" 2>/dev/null
is "$(grep ',9.2,' "$TMP/th.csv" | cut -d'"' -f2)" '1-9月累计零售1,710.5万辆，同比增长9.2%' "the quote of a figure after a grouped number"
# a portal's plain-text page: a nav bar and a quote bar above a two-line headline, the date
# line after it with the reporter and counters grouped in thousands, a related list at the
# end. The date is the byline's, the title the headline, the publisher the byline's site;
# neither the quotes nor the related headlines are statements
printf '%s\n' '江城資訊網　首頁 ＞ 本地 ＞ 經濟' '即時行情：恒生指數 24,980 ▼0.31%　金價 每兩 35,900' '' \
    '十月旅客按年升4.2%' '酒店入住率維持高位' '' \
    '2026-11-18 16:20　江城資訊網記者 陳某　讚好 2,048　分享 96' '' \
    '旅遊局今日公佈，十月入境旅客約320萬人次，按年上升4.2%。' '' \
    '相關新聞' '・機場十月客運量按年升11.3%' >"$D/portal.txt"
"$JB" extract -o "$TMP/portal.csv" "$D/portal.txt" 2>"$TMP/portal.err"
is "$(tail -n +2 "$TMP/portal.csv" | cut -d, -f2,3,7,8 | tr '\n' ' ')" \
    "2026-11-18,2026-10,3200000,人次 2026-11-18,2026-10,4.2,% " \
    "a byline's date among names and counters; no quote bar or related headline as a statement"
is "$(tail -n +2 "$TMP/portal.csv" | cut -d, -f13,14 | sort -u)" "江城資訊網,十月旅客按年升4.2%" \
    "the publisher the byline names, the headline as the title"
is "$(cat "$TMP/portal.err")" "" "no warning: the date was found"
# a caption declaring the unit with a remark after it (（單位：百萬港元，另有註明者除外）) gives its
# bare cells the unit, 百萬 a magnitude; a cell with its own unit (%) keeps it
printf '集團業績\n2026年11月26日\n\n集團公布截至2026年9月30日止六個月業績。\n\n業績摘要（單位：百萬港元，另有註明者除外）\n項目\343\200\200\343\200\200本期\343\200\200\343\200\200上年同期\n收益\343\200\200\343\200\2005,642\343\200\200\343\200\2005,382\n毛利率\343\200\200\343\200\20031.9%%\343\200\200\343\200\20032.1%%\n' >"$D/caption.txt"
"$JB" extract -o "$TMP/caption.csv" "$D/caption.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/caption.csv" | cut -d, -f3,7,8 | tr '\n' ' ')" \
    "2026-04/2026-09,5642000000,港元 2025-04/2025-09,5382000000,港元 2026-04/2026-09,31.9,% 2025-04/2025-09,32.1,% " \
    "a caption's unit with a remark after it scales the bare cells"
# a table laid out in columns with a section row under its head (一、移动业务) keeps the head's
# months for the rows under it; a column 本年累计 after month columns runs from January to the
# first column's month; a row label's 本月 yields to its column's month
printf '某公司运营数据公告\n2026年11月20日\n\n本公司现公布2026年10月运营数据如下：\n\n项目                          2026年10月      2026年9月      本年累计\n一、移动业务\n  移动客户总数（万户）         31,286.5       31,305.2           —\n  本月净增客户数（万户）          -18.7           42.3        226.4\n\n特此公告。\n' >"$D/ops.txt"
"$JB" extract -o "$TMP/ops.csv" "$D/ops.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/ops.csv" | cut -d, -f3,7 | tr '\n' ' ')" \
    "2026-10,312865000 2026-09,313052000 2026-10,-187000 2026-09,423000 2026-01/2026-10,2264000 " \
    "a section row under a column table's head; a cumulative column runs to the first month"
# prose after a table repeating one of its cells (an editor's note 净减16.2万户 of the table's
# -16.2, a release's 为50.3% of a bare | 50.3 |) is one statement: the cell, or the prose when
# the cell is bare and the prose gives the unit; a small change (0.3) may be another row's
printf '运营数据\n2026年11月20日\n\n| 项目 | 2026年10月 |\n|---|---|\n| 本月净增客户数（万户） | -16.2 |\n| 非制造业商务活动指数 | 50.3 |\n| 变动（百分点） | 0.3 |\n\n10月份，公司移动客户净减16.2万户。非制造业商务活动指数为50.3%%。服务业指数上升0.3个百分点。\n' >"$D/repeat.txt"
"$JB" extract -o "$TMP/repeat.csv" "$D/repeat.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/repeat.csv" | cut -d, -f3,7,8 | tr '\n' ' ')" \
    "2026-10,-162000,户 2026-10,0.3,百分点 2026-10,50.3,% 2026-10,0.3,百分点 " \
    "prose after a table repeating a cell is one statement"
# a table's column of identifiers (序号, 股票代码, 排名) holds no figures
printf '基金季报\n2026年10月24日\n\n该基金三季度末前五大重仓股如下。\n\n| 序号 | 股票代码 | 股票名称 | 持股数量（万股） |\n|---|---|---|---|\n| 1 | 688521 | 甲光微电 | 412.60 |\n| 2 | 002846 | 乙禾电子 | 903.47 |\n' >"$D/codes.txt"
"$JB" extract -o "$TMP/codes.csv" "$D/codes.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/codes.csv" | cut -d, -f7,8 | tr '\n' ' ')" "4126000,股 9034700,股 " \
    "no stock code or serial number as a figure"
# a clause that is only a verb (，报3939.81点, ，增长8.4%) names what the figure before it spoke of:
# its metric is that topic's (上证指数报, 出口增长), so a series of 报 never mixes two indices;
# a clause with a topic of its own (深证成指本周跌2.1%) keeps it
printf '收盘\n2026-06-12\n\n沪指跌0.81%%，报3039.81点；深证成指本周跌2.1%%，报9080.09点。前5个月，全省出口1.87万亿元，增长8.4%%。\n' >"$D/topic.txt"
"$JB" extract -o "$TMP/topic.csv" "$D/topic.txt" 2>/dev/null
is "$(tail -n +2 "$TMP/topic.csv" | cut -d, -f5,7 | tr '\n' ' ')" \
    "沪指涨,-0.81 沪指报,3039.81 深证成指涨,-2.1 深证成指报,9080.09 全省出口,1870000000000 全省出口增长,8.4 " \
    "a verb alone takes the topic of the figure before it in its sentence"
# a caption naming two units (（单位：亿元，%）): the amounts are 亿元, a column of rates (同比增长,
# 完成年初预算) is %; 1—10月完成 is an amount
printf '财政收支\n2026-11-12\n\n全县财政收支情况如下。\n\n（单位：亿元，%%）\n\n| 项目 | 1—10月完成 | 完成年初预算 | 同比增长 |\n|---|---|---|---|\n| 税收收入 | 12.40 | 81.2 | 3.5 |\n' >"$D/caption2.md"
"$JB" extract -o "$TMP/caption2.csv" "$D/caption2.md" 2>/dev/null
is "$(tail -n +2 "$TMP/caption2.csv" | cut -d, -f7,8 | tr '\n' ' ')" "1240000000,元 81.2,% 3.5,% " \
    "a caption's 亿元 for the amounts, its % for the columns of rates"
echo "1..$n"
[ "$failed" -eq 0 ]
