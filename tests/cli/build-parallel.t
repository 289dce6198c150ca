#!/bin/sh
# -j N renders charts and the briefing on N threads (each with its own pango font map): the
# outputs, the cache and the log are byte for byte those of a serial build (-j1).
. "$(dirname "$0")/lib.sh"
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao # the tree's binary may be rebuilt meanwhile

P=$TMP/p
sample_project "$P"
cd "$P" || exit 1
cat >>test.project <<EOP

[chart size-bar]
metric=ai.core_industry_size
title=人工智能核心产业规模

[chart size-hbar]
metric=ai.core_industry_size
type=hbar
title=规模（横向）

[chart size-line]
metric=ai.core_industry_size
type=line
title=规模走势

[chart enterprises]
metric=ai.enterprises
title=人工智能企业数量

[chart base-stations]
metric=infra.5g_base_stations
title=5G基站

[chart platforms]
metric=infra.industrial_internet_platforms
title=工业互联网平台

[chart growth]
metric=industry.value_added_growth
type=line
title=工业增加值增速
EOP
CHARTS="size-bar size-hbar size-line enterprises base-stations platforms growth"
# The binary and articles were just copied: younger than the racy window (2 s), they are
# hashed again, not memoised in .index and the cache. Let them age, so the two builds see the
# same files whatever their speed (under ASan -j1 outlasts the window and -j4 memoised more).
sleep 3

files() { # every file under DIR, sorted, relative to it
    (cd "$1" && find . -type f | sort)
}
same_tree() { # same_tree A B: the same files with the same bytes
    [ "$(files "$1")" = "$(files "$2")" ] || return 1
    for f in $(files "$1"); do cmp -s "$1/$f" "$2/$f" || return 1; done
}
events() { # the log's event lines without their time: what ran, in order
    grep -v '"stage":"summary"' "$1" | sed 's/"time":"[^"]*",//'
}

is "$(status_of "$JB" build -j1 --log "$TMP/log1" test.project)" 0 "-j1: a build from scratch"
mv out "$TMP/j1"
is "$(status_of "$JB" build -j4 --log "$TMP/log4" test.project)" 0 "-j4: a build from scratch"
is "$(grep -c '"message":"[^"]*: rendered"' "$TMP/log4")" 9 "-j4 renders the 8 charts and the briefing"
contains "$(tail -n 1 "$TMP/log4")" '"ran":13,"reused":0' "and extracts the 4 articles"
n_png=0
for c in $CHARTS; do [ -s "out/charts/$c.png" ] && [ -s "out/charts/$c.pdf" ] && n_png=$((n_png + 1)); done
is "$n_png" 7 "every chart is published as PNG and PDF"
check "every output, the cache and the manifest equal -j1's byte for byte" same_tree out "$TMP/j1"
is "$(events "$TMP/log4")" "$(events "$TMP/log1")" "the log lists the same events in the same order"
is "$(pdftotext out/briefing.pdf - | grep -c 人工智能)" "$(pdftotext "$TMP/j1/briefing.pdf" - | grep -c 人工智能)" \
    "the briefing reads the same"

# The charts differ from one another: eight threads drawing one chart would pass the above.
check "the charts are seven different images" \
    test "$(for c in $CHARTS; do md5sum <"out/charts/$c.png"; done | sort -u | wc -l)" -eq 7

# A unit that fails in parallel fails alone, reported in project order, one line each:
# metrics of the dictionary the articles state no figure of (an id the dictionary lacks is
# the project file's error, before anything runs).
cat >>test.project <<EOP

[chart missing-a]
metric=macro.gdp

[chart missing-b]
metric=prices.ppi
EOP
is "$(status_of "$JB" build -j4 test.project)" 3 "-j4 with two bad charts: input errors (3)"
is "$(grep -c . "$TMP/err")" 2 "one line for each bad chart"
contains "$(head -n 1 "$TMP/err")" "macro.gdp" "in project order"
for c in $CHARTS; do cmp -s "out/charts/$c.png" "$TMP/j1/charts/$c.png" || echo "$c"; done >"$TMP/changed"
is "$(cat "$TMP/changed")" "" "the good charts are still there, unchanged"

done_testing
