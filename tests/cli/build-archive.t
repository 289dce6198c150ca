#!/bin/sh
# At archive scale the briefing does not grow with the archive: a figure the press repeats
# in hundreds of copies cites its first three statements and counts the others (另有 N 篇),
# so 100 and 400 copies of the samples give briefings of the same number of pages.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/scale/archive.sh"
for size in 100 400; do
    archive_project "$TMP/$size" $size
    (cd "$TMP/$size" && "$JB" build -q) 2>"$TMP/$size.err"
    st=$?
    ok $((st > 1)) "a build of $size generated articles (exit $st)"
    pdftotext -layout "$TMP/$size/out/briefing.pdf" "$TMP/$size.txt"
done
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
p100=$(pages "$TMP/100/out/briefing.pdf")
p400=$(pages "$TMP/400/out/briefing.pdf")
is "$p400" "$p100" "400 articles: as many pages as 100 ($p100)"
# every copy of one decade of one sample states the same figures: 400 articles are 20 copies
# of each of 20 (sample, decade) pairs, 100 are 5; three are cited, the rest counted
contains "$(tr -d ' \n' <"$TMP/400.txt")" "另有17篇报道陈述同一数字" "400: 20 copies, 3 cited, 17 counted"
contains "$(tr -d ' \n' <"$TMP/100.txt")" "另有2篇报道陈述同一数字" "100: 5 copies, 3 cited, 2 counted"
is "$(grep -c '另有 *1[0-9]* *篇' "$TMP/100.txt")" 0 "no count from the larger archive in the smaller"
# An archive whose every article has a title of its own and no publisher (a name an article:
# ARCHIVE_TITLES): a table row's 来源 cell names at most 12 of its sources, then the first 3
# and a count, so 400 articles (20 names a row) take no more pages than 100 (5 a row, named).
for size in 100 400; do
    ARCHIVE_TITLES=1 archive_project "$TMP/t$size" $size
    (cd "$TMP/t$size" && "$JB" build -q) 2>"$TMP/t$size.err"
    ok $((${?} > 1)) "a build of $size generated articles with titles of their own"
done
pt100=$(pages "$TMP/t100/out/briefing.pdf")
pt400=$(pages "$TMP/t400/out/briefing.pdf")
ok $((pt400 > pt100)) "titles of their own: 400 articles take $pt400 pages, 100 take $pt100"
pdftotext "$TMP/t400/out/briefing.pdf" "$TMP/t400.txt"
contains "$(tr -d ' \n' <"$TMP/t400.txt")" "等20篇" "a row of 20 sources: 3 named and the count"
# A build from scratch keeps the articles it reads to extract them only up to a budget (16 MB;
# 494 MB of 100000 articles were all held at once): past it they are read again, and must be
# what was hashed. With a budget of 2000 bytes nearly every article is read twice: the same
# outputs, byte for byte.
mkdir "$TMP/held" && cp -R "$TMP/400/articles" "$TMP/400/jianbao.project" "$TMP/held/"
(cd "$TMP/held" && JIANBAO_TEST_HOLD_MAX=2000 "$JB" build -q) 2>"$TMP/held.err"
st=$?
ok $((st > 1)) "a build that reads its articles again (exit $st)"
for f in metrics.csv series.csv briefing.pdf warnings.csv; do
    check "read again: $f as when they were held" cmp "$TMP/400/out/$f" "$TMP/held/out/$f"
done
done_testing
