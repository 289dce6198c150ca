#!/bin/sh
# The shipped dictionary on an article written for this test (invented figures, shaped like a
# statistics release and a Hong Kong report): each statement gets the metric it names, in
# either script, a growth rate after its level gets the level's growth metric, and a
# month-on-month change gets none; reshape labels the series by the dictionary.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
cat >sample.md <<'EOA'
---
title: 示例：某年前三季度经济运行情况
date: 2031-10-20
source: 示例统计通讯
---

初步核算，前三季度国内生产总值1000000亿元，按不变价格计算，同比增长5.1%。

1—9月份，社会消费品零售总额360000亿元，同比增长4.2%。全国固定资产投资（不含农户）380000亿元，同比增长3.0%。

9月份，全国居民消费价格同比上涨0.5%，环比上涨0.1%。制造业采购经理指数为50.2%。

截至9月末，全国充电基础设施总数达到1500万台。前三季度，新能源汽车产量1200万辆，集成电路产量3600亿块。

前三季度，全国电影总票房420亿元，国内出游人次45亿人次。

香港方面，本港最新失業率為3.1%。內地首季經濟按年增長5.3%。
EOA
is "$(status_of "$JB" extract -o m.csv sample.md)" 0 "extract exits 0"
# metric_id,value,unit of every row, in order
got=$(python3 -c '
import csv, sys
for r in csv.DictReader(open("m.csv")):
    print(r["metric_id"] or "-", r["value"], r["unit"])')
want='macro.gdp 100000000000000 元
macro.gdp_growth 5.1 %
consumption.retail_sales 36000000000000 元
consumption.retail_sales_growth 4.2 %
investment.fixed_asset 38000000000000 元
investment.fixed_asset_growth 3.0 %
prices.cpi 0.5 %
- 0.1 %
pmi.manufacturing 50.2 %
charging.infrastructure 15000000 台
nev.production 12000000 辆
industry.ic_output 360000000000 块
culture.box_office 42000000000 元
tourism.domestic_trips 4500000000 人次
hk.unemployment_rate 3.1 %
macro.gdp_growth 5.3 %'
is "$got" "$want" "every statement maps onto its metric (环比 onto none)"
is "$(python3 -c '
import csv
r = list(csv.DictReader(open("m.csv")))
print(sum(1 for x in r if x["metric_id"]), len(r))')" "15 16" "15 of 16 statements are known"

is "$(status_of "$JB" reshape --known-only -o s.csv m.csv)" 1 "reshape exits 1"
contains "$(cat "$TMP/err")" "macro.gdp_growth mixes periods of several frequencies" "warning that GDP growth has a quarter and three quarters"
got=$(python3 -c '
import csv
for r in csv.DictReader(open("s.csv")):
    if r["metric_id"] in ("consumption.retail_sales_growth", "culture.box_office", "macro.gdp_growth"):
        print(r["metric_id"], r["label"], r["period"], r["value"], r["display_unit"])')
want='consumption.retail_sales_growth 社会消费品零售总额增速 2031-01/2031-09 4.2 
culture.box_office 电影票房 2031-01/2031-09 42000000000 亿
macro.gdp_growth 国内生产总值增速 2031-01/2031-09 5.1 
macro.gdp_growth 国内生产总值增速 2031-Q1 5.3 '
is "$got" "$want" "series carry the dictionary's labels"

# A project's dictionary that claims a shipped phrase takes it.
printf '[dictionary]\nextends=templates/metrics.ini\n\n[mine.box]\nlabel=票房（自定）\nunit=元\naliases=电影总票房\n' >mine.ini
is "$(status_of "$JB" extract --dict mine.ini -o m2.csv sample.md)" 0 "a project's dictionary claiming a shipped phrase loads"
contains "$(grep 42000000000 m2.csv)" "mine.box" "and the project's metric takes the statement"
# Counts in traditional script are the dictionary's simplified units: 輛 is 辆 and 點 点, in
# extract's matching, in reshape's one unit per metric and in the series written.
cat >trad.md <<'EOA'
---
title: 示例：某月汽車與股市
date: 2031-11-10
---

今年首十個月，內地新能源汽車產量為1100萬輛。恒生指數今日收報23456點。
EOA
cat >simp.md <<'EOA'
---
title: 示例：某月汽车
date: 2031-11-12
---

今年前10个月，新能源汽车产量为1100万辆。
EOA
is "$(status_of "$JB" extract -o t.csv trad.md simp.md)" 0 "extract of traditional and simplified articles exits 0"
got=$(python3 -c '
import csv
for r in csv.DictReader(open("t.csv")):
    print(r["metric_id"] or "-", r["period"], r["value"], r["unit"])')
want='nev.production 2031-01/2031-10 11000000 輛
market.hang_seng 2031-11-10 23456 點
nev.production 2031-01/2031-10 11000000 辆'
is "$got" "$want" "輛 matches nev.production (辆) and 點 market.hang_seng (点); 首十個月 is a span of months"
is "$(status_of "$JB" reshape --known-only -o ts.csv t.csv)" 0 "reshape exits 0: no unit conflict between 輛 and 辆"
got=$(python3 -c '
import csv
for r in csv.DictReader(open("ts.csv")):
    print(r["metric_id"], r["period"], r["value"], r["unit"])')
want='market.hang_seng 2031-11-10 23456 点
nev.production 2031-01/2031-10 11000000 辆'
is "$got" "$want" "one series each, in the dictionary's unit"
done_testing
