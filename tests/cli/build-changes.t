#!/bin/sh
# The briefing's 新增与变化 across two builds of a project set up here: the first has
# nothing to compare with; the second lists the revised value with old → new, the new period
# and the new metric; a rebuild whose data did not change (the briefing deleted) still lists
# them; `jianbao report --previous` does the same from two series.csv.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
"$JB" init proj >/dev/null
# Articles written for this test, with invented figures.
cat >proj/articles/a.md <<'EOA'
---
title: 示例年度通信业统计
date: 2031-01-20
source: 示例通信报
---

截至2029年底，全国5G基站总数达到420万个。截至2030年底，全国5G基站总数达到470万个。2030年，全国电影总票房480亿元。
EOA
is "$(status_of "$JB" build -q proj)" 0 "the first build"
pdftotext -layout proj/out/briefing.pdf b1.txt
contains "$(cat b1.txt)" "新增与变化" "the default template has the section"
contains "$(cat b1.txt)" "没有上一次生成的数据可比" "the first build has nothing to compare with"
check "and keeps no previous series" test ! -e proj/out/.previous-series.csv

cat >proj/articles/b.md <<'EOA'
---
title: 示例通信业半年报
date: 2031-07-20
source: 示例日报
---

经核实，截至2030年底，全国5G基站总数为475万个。截至2031年6月底，全国5G基站总数达到500万个。2030年，国内出游人次50亿人次。
EOA
is "$(status_of "$JB" build -q proj)" 0 "the second build"
pdftotext -layout proj/out/briefing.pdf b2.txt
section() { sed -n '/新增与变化/,/趋势/p' "$1" | grep '【'; }
is "$(section b2.txt)" "【修订】5G基站 2030年12月：470万个 → 475万个
【新时期】5G基站 2031年6月：500万个
【新指标】国内出游人次 2030年：50亿人次" "the revised value old → new, the new period, the new metric"
is "$(grep -c '电影票房' proj/out/.previous-series.csv)" 1 "the series it compared with is kept"

rm proj/out/briefing.pdf
is "$(status_of "$JB" build -q proj)" 0 "a rebuild whose data did not change"
pdftotext -layout proj/out/briefing.pdf b3.txt
is "$(section b3.txt)" "$(section b2.txt)" "still lists what the last change of data brought"

rm proj/articles/b.md
is "$(status_of "$JB" build -q proj)" 0 "a build without the second article"
pdftotext -layout proj/out/briefing.pdf b4.txt
is "$(section b4.txt)" "【修订】5G基站 2030年12月：475万个 → 470万个
【不再出现】5G基站 2031年6月：500万个
【不再出现】国内出游人次 2030年：50亿人次" "lists the revision back and what is no longer stated"

# jianbao report --previous: the same comparison from two files.
cp proj/out/.previous-series.csv before.csv
is "$(status_of "$JB" report --data proj/out/series.csv --previous before.csv -o r.pdf "$ROOT/templates/briefing.md")" 0 "report --previous"
pdftotext -layout r.pdf r.txt
is "$(section r.txt)" "$(section b4.txt)" "lists the same changes"
is "$(status_of "$JB" report --data proj/out/series.csv -o r2.pdf "$ROOT/templates/briefing.md")" 0 "report without --previous"
contains "$(pdftotext -layout r2.pdf - | tr -d '\n ')" "没有上一次生成的数据可比" "has nothing to compare with"
is "$(status_of "$JB" report --data proj/out/series.csv --previous nosuch.csv -o r3.pdf "$ROOT/templates/briefing.md")" 2 "a missing --previous is an error"
done_testing
