#!/bin/sh
# jianbao build is incremental: after each kind of change, exactly the units that read what
# changed run again (asserted through --log, one JSON object per unit that ran).
. "$(dirname "$0")/lib.sh"
# A private copy of the binary: the tree's may be rebuilt while this runs, and a new binary
# rightly invalidates every cached product.
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao

P=$TMP/p
mkdir -p "$P/articles"
cp "$ROOT"/examples/[0-9]* "$P/articles/"
cp "$ROOT/templates/metrics.ini" "$ROOT/examples/briefing.md" "$P/"
cat >"$P/test.project" <<EOP
[project]
inputs=articles/*
dictionary=metrics.ini
template=briefing.md
output=out
period=year

[chart ai-core-industry]
metric=ai.core_industry_size
EOP

build() { # build [OPTIONS]: a build with a fresh $TMP/log; prints the exit status
    rm -f "$TMP/log"
    status_of "$JB" build --log "$TMP/log" "$@" "$P/test.project"
}
ran() { # ran STAGE: how many units of STAGE ran in the last build
    grep -c "\"level\":\"info\",\"stage\":\"$1\"" "$TMP/log"
}
ran_files() { # ran_files STAGE: the files those units read, sorted, space-separated
    grep "\"level\":\"info\",\"stage\":\"$1\"" "$TMP/log" | sed 's/.*"file":"\([^"]*\)".*/\1/' |
        sed 's|.*/||' | sort | tr '\n' ' '
}
summary() { tail -n 1 "$TMP/log"; }
inode() { ls -i "$1" | cut -d' ' -f1; }

is "$(build)" 0 "a first build exits 0"
is "$(ran extract)" 4 "it extracts the 4 articles"
is "$(ran chart)" 1 "renders the chart"
is "$(ran report)" 1 "and the briefing"
contains "$(summary)" '"stage":"summary","status":0,"up_to_date":false' "the log ends with a summary"
contains "$(summary)" '"articles":4,"statements":' "with counts"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$TMP/log"
ok $? "every log line is a JSON object"
cp -r "$P/out" "$TMP/first"
brief_inode=$(inode "$P/out/briefing.pdf")

is "$(build)" 0 "nothing changed: exits 0"
contains "$(summary)" '"up_to_date":true' "and is up to date"
is "$(ran extract)$(ran chart)$(ran report)" 000 "nothing ran"
is "$(inode "$P/out/briefing.pdf")" "$brief_inode" "the briefing was not even rewritten"
is "$(build -v)" 0 "-v on an up-to-date build"
contains "$(cat "$TMP/err")" "up to date" "says it is up to date"

touch "$P"/articles/* "$P/metrics.ini" "$P/briefing.md"
sleep 0.01
is "$(build)" 0 "new mtimes, same content"
contains "$(summary)" '"up_to_date":true' "decides by content, not by mtime"

# One article changes, but none of its figures: only it is extracted again.
printf '\n<p>编者按：本文有删节。</p>\n' >>"$P/articles/2022-06-infrastructure.html"
is "$(build)" 0 "an article edited without new figures"
is "$(ran_files extract)" "2022-06-infrastructure.html " "only that article is extracted"
is "$(ran chart)" 0 "no series changed: the chart is not rendered"
is "$(ran report)" 0 "nor the briefing (its sources are named from metrics.csv; it never opens an article)"
check "the chart is unchanged" cmp "$P/out/charts/ai-core-industry.png" "$TMP/first/charts/ai-core-industry.png"

# A new article that no chart or briefing cites: extracted, nothing rendered.
printf '示例日报\n\n今天全市气温25度，天气晴朗。\n' >"$P/articles/2026-02-weather.txt"
is "$(build)" 0 "a new article without dictionary metrics"
is "$(ran_files extract)" "2026-02-weather.txt " "only it is extracted"
is "$(ran chart)$(ran report)" 00 "nothing is rendered"

# One article changes a charted figure: it, the chart and the briefing run again.
sed -i 's/1\.2万亿元/1.3万亿元/g' "$P/articles/2026-01-press-conference.txt"
is "$(build)" 0 "a charted figure changes"
is "$(ran_files extract)" "2026-01-press-conference.txt " "only that article is extracted"
is "$(ran chart)" 1 "the chart is rendered again"
is "$(ran report)" 1 "so is the briefing"
contains "$(cat "$P/out/series.csv")" "2025,1300000000000," "series.csv has the new value"
if cmp -s "$P/out/charts/ai-core-industry.png" "$TMP/first/charts/ai-core-industry.png"; then r=1; else r=0; fi
ok $r "the published chart changed"

# A figure the briefing quotes but the chart does not show: the briefing only.
sed -i 's/170万个/180万个/g' "$P/articles/2022-06-infrastructure.html"
is "$(build)" 0 "an uncharted figure changes"
is "$(ran chart)$(ran report)" 01 "the briefing runs, the chart does not"

# The template: the briefing only.
printf '\n本简报由 jianbao 生成。\n' >>"$P/briefing.md"
is "$(build)" 0 "the template changes"
is "$(ran extract)$(ran chart)$(ran report)" 001 "only the briefing runs"

# The chart spec in the project: that chart only.
printf 'title=人工智能核心产业规模（示例）\n' >>"$P/test.project"
is "$(build)" 0 "a chart spec changes"
is "$(ran extract)$(ran chart)$(ran report)" 010 "only the chart runs"

# The briefing date (SOURCE_DATE_EPOCH, else today) is the report's input; the PDFs'
# creation date also goes into the chart PDF.
is "$(SOURCE_DATE_EPOCH=1767312000 build)" 0 "another date"
is "$(ran extract)$(ran chart)$(ran report)" 011 "re-renders the chart and the briefing, extracts nothing"
is "$(build)" 0 "back to the first date"
is "$(ran extract)$(ran chart)$(ran report)" 000 "their products come back from the cache"

# The dictionary: every article is extracted again; unchanged series are not redrawn.
printf '\n# a comment\n' >>"$P/metrics.ini"
is "$(build)" 0 "the dictionary changes"
is "$(ran extract)" 5 "every article is extracted again"
is "$(ran chart)$(ran report)" 00 "the series did not change: nothing is rendered"

# A deleted or damaged output is put back from the cache, without running anything.
cp "$P/out/charts/ai-core-industry.png" "$TMP/chart.png"
rm "$P/out/charts/ai-core-industry.png"
echo damaged >"$P/out/briefing.pdf"
is "$(build)" 0 "outputs deleted or damaged by hand"
is "$(ran extract)$(ran chart)$(ran report)" 000 "nothing runs"
check "the chart is back" cmp "$P/out/charts/ai-core-industry.png" "$TMP/chart.png"
is "$(head -c 5 "$P/out/briefing.pdf")" "%PDF-" "the briefing is back"

# The fonts: everything rendered, nothing extracted. (JIANBAO_DATA points jianbao at a copy.)
mkdir -p "$TMP/data"
cp -r "$ROOT/fonts" "$TMP/data/"
is "$(JIANBAO_DATA=$TMP/data build)" 0 "a copy of the same fonts"
is "$(ran extract)$(ran chart)$(ran report)" 000 "same content, nothing runs"
printf '<!-- changed -->\n' >>"$TMP/data/fonts/fonts.conf"
is "$(JIANBAO_DATA=$TMP/data build)" 0 "fonts.conf changes"
is "$(ran extract)$(ran chart)$(ran report)" 011 "chart and briefing are rendered, nothing extracted"

# A theme named by a chart spec: that chart only.
printf '[theme]\ngridlines = true\n' >"$P/my.theme"
printf 'theme=my.theme\n' >>"$P/test.project" # relative to the project
is "$(JIANBAO_DATA=$TMP/data build)" 0 "a chart gets a theme"
is "$(ran extract)$(ran chart)$(ran report)" 010 "that chart runs"
printf '[theme]\ngridlines = false\n' >"$P/my.theme"
is "$(JIANBAO_DATA=$TMP/data build)" 0 "the theme file changes"
is "$(ran extract)$(ran chart)$(ran report)" 010 "that chart runs again, nothing else"

# Another jianbao binary (a new version): everything runs.
cp "$JB" "$TMP/jianbao-new"
printf 'x' >>"$TMP/jianbao-new"
rm -f "$TMP/log"
is "$(status_of "$TMP/jianbao-new" build --log "$TMP/log" "$P/test.project")" 0 "a different jianbao binary"
is "$(ran extract)$(ran chart)$(ran report)" 511 "runs every unit"

# -j: the same outputs whatever the number of threads.
rm -rf "$P/out"
is "$(build -j 1)" 0 "-j 1 from scratch"
cp "$P/out/metrics.csv" "$TMP/metrics.j1"
rm -rf "$P/out"
is "$(build -j4)" 0 "-j4 (make's spelling) from scratch"
is "$(ran extract)" 5 "extracts the 5 articles"
check "and writes the same metrics.csv" cmp "$P/out/metrics.csv" "$TMP/metrics.j1"
is "$(build -j 0)" 2 "-j 0 is a usage error"

done_testing
