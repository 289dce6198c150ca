#!/bin/sh
# extract: where an article's published date comes from when it has no labelled date line
# (issue 12): a byline's date beside names, a weekday or a time; a date line right under
# the title in a Markdown-looking text file; a newspaper's edition line; and, last, a date
# in the file's name (with a warning). Articles written for this test.
. "$(dirname "$0")/lib.sh"
D=$TMP/in
mkdir -p "$D"
published() { # published FILE: the published column of its first row
    "$JB" extract -o - "$1" 2>"$TMP/err" | sed -n 2p | cut -d, -f2
}

printf '东川新股今日招股\n2026年3月17日 星期二 08:15\343\200\200财经新闻组\n\n公司计划发行1.2亿股H股。\n' >"$D/byline.txt"
is "$(published "$D/byline.txt")" 2026-03-17 "a byline: date, weekday, time and a desk's name"

printf '地铁新线开通\n某某日报全媒体\343\200\200２０２６－０３－１８ 09:40\n\n线路全长12.6公里，设站8座。\n' >"$D/fullwidth.txt"
is "$(published "$D/fullwidth.txt")" 2026-03-18 "a byline after the paper's name, in fullwidth digits"

printf '新股招股\n截至2026年3月17日收盘\n\n公司计划发行1.2亿股H股。\n' >"$D/sentence.txt"
is "$(published "$D/sentence.txt")" "" "a date inside words (截至…收盘) dates nothing"

printf '某市新闻 | 地铁新线开通\n某某日报全媒体\343\200\200 2026-03-19 18:40\n\n线路全长12.6公里。\n\n**换乘**\n\n可与**1号线**换乘，步行约300米。\n\n**票价**\n\n起步价2元。\n' >"$D/md-like.txt"
is "$(published "$D/md-like.txt")" 2026-03-19 "a date line under the title of a text that looks like Markdown"

printf '交通发展综述\n\n五年来全国新建高速公路3.2万公里。\n\n（ 2026年3月20日   01 版）\n' >"$D/edition.txt"
is "$(published "$D/edition.txt")" 2026-03-20 "a newspaper's edition line"

printf '政府工作报告\n——2026年1月20日在东川市人民代表大会上\n\n过去一年，全市新增就业岗位12.5万个。\n' >"$D/speech.txt"
is "$(published "$D/speech.txt")" 2026-01-20 "a speech's date line (——DATE在…上)"
is "$("$JB" extract -o - "$D/speech.txt" 2>/dev/null | sed -n 2p | cut -d, -f3)" 2025 "its 过去一年 is the year before"

printf '地铁新线开通\n\n线路全长12.6公里。\n' >"$D/notice_20260321.txt"
is "$(published "$D/notice_20260321.txt")" 2026-03-21 "no date in the article: the file name's"
contains "$(cat "$TMP/err")" "notice_20260321.txt: the article states no date; the one in its file name (2026-03-21)" "with a warning saying so"

printf '地铁新线开通\n2026年3月22日\n\n线路全长12.6公里。\n' >"$D/notice_20250101.txt"
is "$(published "$D/notice_20250101.txt")" 2026-03-22 "the article's own date before the file name's"

printf '前三季度全市经济平稳\n东川市统计局\343\200\200 2026-10-23 10:00\343\200\200浏览次数：2815\n\n前三季度全市地区生产总值3120.5亿元。\n' >"$D/counter.txt"
is "$(published "$D/counter.txt")" 2026-10-23 "a byline with a page counter after the date (浏览次数：N)"

printf '出口续创新高\n2026/12/07 16:20（12/07 18:05 更新）\n\n11月出口金额412.6亿美元。\n' >"$D/update.txt"
is "$(published "$D/update.txt")" 2026-12-07 "a date line with an update note in brackets"

printf '11月末M2余额同比增长7.1%%\n\n新华社北京12月11日电（记者某某）人民银行11日发布的2026年11月金融统计数据显示，M2余额同比增长7.1%%。\n' >"$D/wire.txt"
is "$(published "$D/wire.txt")" 2026-12-11 "a wire's dateline with no year: the year its opening names"
contains "$(cat "$TMP/err")" "wire.txt: the article's dateline names no year" "with a warning saying so"
printf '10月外销订单年增14.6%%\n\n（某社记者某某台北2026年11月20日电）统计处今天发布10月外销订单统计，金额达663.2亿美元。\n' >"$D/wire-year.txt"
is "$(published "$D/wire-year.txt")" 2026-11-20 "a dateline with its year (台北2026年11月20日电): that day"
is "$(cat "$TMP/err")" "" "and no warning that it names no year"
printf '12月CPI同比上涨0.8%%\n\n新华社北京1月9日电 国家统计局9日发布2026年12月全国CPI数据。\n' >"$D/wire-jan.txt"
is "$(published "$D/wire-jan.txt")" 2027-01-09 "a dateline in a month before the one its opening names is the next year's"

printf '自愿公告\n\n本集团6月合约销售金额约为人民币21.6亿元。\n\n承董事会命\n主席\n\n香港，二零二六年七月三日\n\n于本公告日期，董事会成员包括执行董事某某先生。\n' >"$D/announce.txt"
is "$(published "$D/announce.txt")" 2026-07-03 "a closing date line in Chinese numerals (香港，二零二六年七月三日)"
printf '零售業總銷貨價值\n\n一月零售業總銷貨價值為348億元。\n\n完\n\n2026年3月3日（星期二）\n' >"$D/closing.txt"
is "$(published "$D/closing.txt")" 2026-03-03 "a closing date line with its weekday"

printf '地铁新线开通\n\n线路全长12.6公里。\n' >"$D/undated.txt"
is "$(published "$D/undated.txt")" "" "no date anywhere: none"
contains "$(cat "$TMP/err")" "undated.txt: no date found" "with a warning even when every figure names its period"

echo "1..$n"
[ "$failed" -eq 0 ]
