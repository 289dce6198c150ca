#!/bin/sh
# `jianbao reshape --excel` opened by a real spreadsheet: LibreOffice Calc, headless (Debian's
# libreoffice-calc-nogui, in tools/deps.sh's test list). The file is imported as UTF-8 CSV,
# saved as .xlsx, and the .xlsx exported again as CSV: the Chinese text, the numbers and the
# neutralised formula-like cells must come back as they went in. Skipped without soffice.
#
# LibreOffice 7.4 reads a CSV's charset from the import options and ignores the BOM (without
# options it reads this file as Windows-1252); Excel and WPS take the BOM as "UTF-8". So the
# import here names UTF-8 (44,34,76 = comma, double quote, UTF-8), as the import dialog does.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
if ! command -v soffice >/dev/null 2>&1; then
    echo "1..0 # SKIP soffice not installed (apt-get install libreoffice-calc-nogui)"
    exit 0
fi
# A profile of our own: no clash with a running LibreOffice or with a parallel test.
lo() { HOME="$TMP/home" timeout 120 soffice -env:UserInstallation="file://$TMP/profile" --headless "$@" >>"$TMP/lo.log" 2>&1; }
utf8_csv='csv:Text - txt - csv (StarCalc):44,34,76,1'

"$JB" extract -o "$TMP/metrics.csv" examples/[0-9]* 2>/dev/null
# one hostile row: a source and a metric text that a spreadsheet would run as formulas
printf '%s\n' '"=HYPERLINK(""http://example.com"")",2025-01-01,2025,,=1+1,,7,家,,exact,0,=1+1' >>"$TMP/metrics.csv"
# and a hand-made metric id a spreadsheet would run (series.csv guards its free text, label
# and sources, but an id is written as it is: only --excel guards it)
printf '%s\n' 'b.md,2025-01-01,2025,,x,=2+2,8,家,,exact,0,x' >>"$TMP/metrics.csv"
mkdir -p "$TMP/in" "$TMP/xlsx" "$TMP/back" "$TMP/plain"
"$JB" reshape --period year --excel -o "$TMP/in/series.csv" "$TMP/metrics.csv" 2>/dev/null
"$JB" reshape --period year --wide --excel -o "$TMP/in/wide.csv" "$TMP/metrics.csv" 2>/dev/null
"$JB" reshape --period year -o "$TMP/plain/plain.csv" "$TMP/metrics.csv" 2>/dev/null

lo --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir "$TMP/xlsx" "$TMP/in/series.csv" "$TMP/in/wide.csv" "$TMP/plain/plain.csv"
check "LibreOffice converts the --excel CSVs to .xlsx" test -s "$TMP/xlsx/series.xlsx" -a -s "$TMP/xlsx/wide.xlsx"
lo --convert-to "$utf8_csv" --outdir "$TMP/back" "$TMP/xlsx/series.xlsx" "$TMP/xlsx/wide.xlsx" "$TMP/xlsx/plain.xlsx"
check "and the .xlsx back to CSV" test -s "$TMP/back/series.csv" -a -s "$TMP/back/wide.csv"
[ -s "$TMP/back/series.csv" ] || sed 's/^/#   /' "$TMP/lo.log"

# The .xlsx itself holds the Chinese text (not mojibake) as shared strings.
strings_xml=$(unzip -p "$TMP/xlsx/series.xlsx" xl/sharedStrings.xml 2>/dev/null)
contains "$strings_xml" "人工智能核心产业规模" "the .xlsx holds 人工智能核心产业规模"
contains "$strings_xml" "专精特新“小巨人”企业" "and 专精特新“小巨人”企业, curly quotes included"

# Cell by cell: LibreOffice quotes every text cell when it writes CSV; drop quotes on both sides.
unquote() { sed '1s/^\xEF\xBB\xBF//' "$1" | tr -d '"'; }
unquote "$TMP/in/series.csv" >"$TMP/want.txt"
unquote "$TMP/back/series.csv" >"$TMP/got.txt"
if cmp -s "$TMP/want.txt" "$TMP/got.txt"; then ok 0 "series.csv survives CSV → xlsx → CSV cell for cell"; else
    ok 1 "series.csv survives CSV → xlsx → CSV cell for cell"
    diff "$TMP/want.txt" "$TMP/got.txt" | head -n 10 | sed 's/^/#   /'
fi
unquote "$TMP/in/wide.csv" >"$TMP/want.txt"
unquote "$TMP/back/wide.csv" >"$TMP/got.txt"
check "so does the --wide file" cmp "$TMP/want.txt" "$TMP/got.txt"
is "$(head -n 1 "$TMP/back/series.csv" | cut -d, -f1)" '"metric_id"' "the BOM does not leak into the first header"
is "$(grep -c 400000000000 "$TMP/back/series.csv")" 1 "4000亿 stays the number 400000000000"
row=$(grep '^"unknown::=1+1"' "$TMP/back/series.csv")
contains "$row" "\"'=1+1\"" "a neutralised formula stays text"
contains "$row" "\"'=HYPERLINK(\"\"http://example.com\"\")\"" "so does a neutralised HYPERLINK"
# Without --excel, series.csv's label and sources are guarded all the same; the control: a
# metric id written as it is, which LibreOffice evaluates (what --excel prevents).
contains "$(grep '^"unknown::=1+1"' "$TMP/back/plain.csv")" "\"unknown::=1+1\",\"'=1+1\",2025,7," \
         "without --excel the label =1+1 stays text too"
is "$(grep -c '^"'"'"'=2+2","'"'"'=2+2",2025,8,' "$TMP/back/plain.csv")" 1 "a metric id =2+2 is text in plain series.csv too (every CSV writer guards it; LibreOffice evaluated it)"
is "$(grep -c '^"'"'"'=2+2","'"'"'=2+2",2025,8,' "$TMP/back/series.csv")" 1 "and with --excel the id is text"

# And jianbao reads LibreOffice's CSV back: the wide file round-trips to the same series.
"$JB" reshape --long -o "$TMP/long.csv" "$TMP/back/wide.csv" 2>"$TMP/long.err"
"$JB" reshape --period year -o "$TMP/want-long.csv" "$TMP/metrics.csv" 2>/dev/null
check "LibreOffice's wide CSV reads back (--long) to the same series.csv" cmp "$TMP/want-long.csv" "$TMP/long.csv"

done_testing
