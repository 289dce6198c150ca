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
echo "1..$n"
[ "$failed" -eq 0 ]
