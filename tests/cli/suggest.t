#!/bin/sh
# jianbao suggest: the phrases of statements the dictionary does not name, most frequent
# first with their unit and an example, and a metrics.ini stub that names them — which, used
# as the dictionary, names those statements.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
# Articles written for this test (invented figures): three metrics the dictionary lacks
# (港口吞吐量 is known as 港口货物吞吐量 only; 咖啡门店数 and 无人机产量 not at all).
mkdir a
printf -- '---\ntitle: 甲\ndate: 2031-03-01\n---\n\n2030年，全国咖啡门店数达到21万家，同比增长12%%。全国无人机产量达到320万架。\n' >a/1.md
printf -- '---\ntitle: 乙\ndate: 2031-04-01\n---\n\n截至3月底，全国咖啡门店数达到22万家。今年一季度，无人机产量85万架。\n' >a/2.md
printf -- '---\ntitle: 丙\ndate: 2031-05-01\n---\n\n截至4月底，全国咖啡门店数达到22.5万家。全国5G基站总数达到500万个。\n' >a/3.md
"$JB" extract -o m.csv a/*.md 2>/dev/null
is "$(status_of "$JB" suggest m.csv)" 0 "suggest exits 0"
is "$(cat "$TMP/out")" "# 7 statements, 1 named by the dictionary (14.3%); 5 unnamed in 2 phrases
count	articles	unit	phrase	example
3	3	家	咖啡门店数	全国咖啡门店数达到21万家 (1.md)
2	2	架	无人机产量	全国无人机产量达到320万架 (1.md)" "the unknown phrases, most frequent first, with unit, articles and an example"
contains "$(cut -f4 "$TMP/out")" "咖啡门店数" "change words cut (达到)"
is "$(grep -c '同比' "$TMP/out")" 0 "a phrase of change words alone (同比增长 12%) names nothing: not listed"

is "$(status_of "$JB" suggest -n 1 -o stub.ini m.csv)" 0 "-n 1 -o stub.ini"
is "$(grep -c '^[0-9]' "$TMP/out")" 1 "lists one"
contains "$(head -1 "$TMP/out")" "the 1 most frequent" "and says so"
is "$(grep -v '^#' stub.ini | grep -v '^$')" "[dictionary]
extends=templates/metrics.ini
[mine.m01]
label=咖啡门店数
unit=家
aliases=咖啡门店数" "the stub extends the dictionary with a metric per phrase"
contains "$(cat stub.ini)" "# 3 statements in 3 articles, e.g. 1.md: 全国咖啡门店数达到21万家" "with its count and an example"

# The stub as the dictionary names the statements; suggest then lists only the rest.
"$JB" extract --dict stub.ini -o m2.csv a/*.md 2>/dev/null
is "$(grep -c 'mine.m01' m2.csv)" 3 "extract with the stub names the three statements"
is "$(grep -c 'infra.5g_base_stations' m2.csv)" 1 "and the shipped metrics still"
"$JB" suggest m2.csv >s2.txt
is "$(sed -n 1p s2.txt)" "# 7 statements, 4 named by the dictionary (57.1%); 2 unnamed in 1 phrases" "suggest on the new extraction"
is "$(status_of "$JB" suggest --dict stub.ini m.csv)" 0 "--dict: phrases the dictionary names now are skipped"
contains "$(sed -n 1p "$TMP/out")" "4 named by the dictionary" "without extracting again"

# A phrase with the list separator is escaped in the stub, and the stub loads.
printf 'source,metric,metric_id,unit,quote,subject\na.md,甲;乙指数,,点,甲;乙指数报100点,\na.md,甲;乙指数,,点,…,\n' >semi.csv
is "$(status_of "$JB" suggest -o semi.ini semi.csv)" 0 "a phrase with ;"
contains "$(cat semi.ini)" 'aliases=甲\;乙指数' "is escaped in aliases"
is "$(status_of "$JB" extract --dict semi.ini a/1.md)" 0 "and the stub loads"

# Bad input: a clear error, exit 2 or 3, no stub written.
is "$(status_of "$JB" suggest -n 0 m.csv)" 2 "-n 0 is refused"
is "$(status_of "$JB" suggest nosuch.csv)" 2 "a missing file"
printf 'a,b\n1,2\n' >bad.csv
is "$(status_of "$JB" suggest -o bad.ini bad.csv)" 3 "a CSV without metric and unit columns"
contains "$(cat "$TMP/err")" "bad.csv: needs the columns metric and unit" "names the file"
check "and writes no stub" test ! -e bad.ini
done_testing
