#!/bin/sh
# What an analyst reads must be true: a day's flow or change is not a year's figure under
# --period year, a KPI's change compares like periods only, an index level is written whole,
# an upper bound is ≤ (最高达245% is no 近245%).
# (Made-up figures; the shapes are those of a market wrap-up and a central-bank daily.)
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

cat >m.csv <<'EOC'
source,published,period,metric_id,value,unit,bound,forecast,quote
a.txt,2031-08-31,2031-08-30,market.dow,41563.08,点,exact,0,道指涨0.55%报41563.08点
a.txt,2031-08-31,2031-08-30,market.dow_change,0.55,%,exact,0,道指涨0.55%报41563.08点
a.txt,2031-08-31,2031-08-26/2031-08-30,finance.net_injection,504000000000,元,exact,0,本周净投放5040亿元
b.txt,2032-04-18,2032-04-17,finance.net_injection,179600000000,元,exact,0,当日净投放1796亿元
b.txt,2032-04-18,2032-04-17,market.hang_seng,21397,點,exact,0,恒生指數收報21397點
b.txt,2032-04-18,2032,finance.dollar_index,100,,at_most,0,美元指数全年在100以下
b.txt,2032-04-18,2032-07,finance.dollar_index,99,,exact,1,美元指数7月或跌穿99
c.txt,2033-01-05,2033,trade.tariff_rate,245,%,at_most,0,部分商品关税最高达245%
EOC
is "$(status_of "$JB" reshape --period year --known-only -o s.csv m.csv)" 1 "reshape --period year exits 1 (a warning:)"
contains "$(cat "$TMP/err")" "finance.net_injection mixes periods of several frequencies (span, day)" "…net injections of a week and of a day are kept apart"
got=$(python3 -c '
import csv
for r in csv.DictReader(open("s.csv")):
    print(r["metric_id"], r["period"], r["value"], r["display_unit"])')
want='finance.dollar_index 2032 100 
finance.dollar_index 2032-07 99 
finance.net_injection 2031-08-26/2031-08-30 504000000000 亿
finance.net_injection 2032-04-17 179600000000 亿
market.dow 2031-08-30 41563.08 
market.dow_change 2031-08-30 0.55 
market.hang_seng 2032-04-17 21397 
trade.tariff_rate 2033 245 '
is "$got" "$want" "a market's close, a flow's and a change's day stay the day (daily metrics); points are not scaled (no 万)"

printf -- '---\ntitle: 测试\n---\n\n# 要点\n\n```kpi\nfinance.net_injection\nmarket.hang_seng\nfinance.dollar_index\ntrade.tariff_rate\n```\n' >t.md
is "$(status_of "$JB" report --data s.csv --metrics m.csv -o b.pdf t.md)" 0 "report exits 0"
text=$(pdftotext b.pdf - 2>/dev/null | tr -d ' \n')
contains "$text" "1796亿元公开市场净投放2032年4月17日" "the day's injection is the day's"
case "$text" in *较2031年8月26*) ok 1 "no change against a week (a day beside a week)" ;; *) ok 0 "no change against a week (a day beside a week)" ;; esac
case "$text" in *较2032年下降*|*较2032年上升*) ok 1 "no change of a month against the year" ;; *) ok 0 "no change of a month against the year" ;; esac
contains "$text" "≤245%关税税率" "an upper bound (最高达245%) is ≤245%: not 近245%, which would say nearly"
case "$text" in *近245*) ok 1 "no 近 for an upper bound" ;; *) ok 0 "no 近 for an upper bound" ;; esac
contains "$text" "21397点恒生指数" "an index level is written whole, in the dictionary's 点: 21397点, not 2.1397万点"
done_testing
