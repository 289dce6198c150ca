#!/bin/sh
# jianbao chart: every kind from the command line, its errors (one line, exit 2, previous
# file kept), determinism, and the PNG it writes.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/s.csv" <<'CSV'
metric_id,label,period,value,unit,bound,forecast,sources
ai.size,人工智能核心产业规模,2022,400000000000,元,at_least,0,a.md
ai.size,人工智能核心产业规模,2025,1200000000000,元,at_least,1,c.md
ai.growth,增速,2022,18.0,%,exact,0,a.md
ai.growth,增速,2025,71.4,%,exact,1,c.md
ai.invest,人工智能投资,2022,50000000000,元,about,0,a.md
ai.invest,人工智能投资,2025,120000000000,元,exact,1,c.md
CSV
for t in bar grouped line area; do
    is "$(status_of "$JB" chart -d "$TMP/s.csv" -m "ai.size; ai.invest" --type $t -o "$TMP/$t.png")" 0 "chart --type $t exits 0"
done
for t in hbar kpi; do
    is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --type $t -o "$TMP/$t.png")" 0 "chart --type $t exits 0"
    is "$(status_of "$JB" chart -d "$TMP/s.csv" -m "ai.size; ai.invest" --type $t -o "$TMP/$t.png")" 2 "…and refuses two metrics it would not draw"
done
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m "ai.size; ai.growth" --type combo -o "$TMP/combo.png")" 0 "chart --type combo exits 0"
# a size and a growth rate share no axis: only a combo draws them together
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m "ai.size; ai.growth" --type line -o "$TMP/mixed.png")" 2 "a line of 元 and % is refused"
contains "$("$JB" chart -d "$TMP/s.csv" -m "ai.size; ai.growth" --type grouped -o "$TMP/mixed.png" 2>&1)" "are in different units" "…saying the units differ"
# a donut and a stack sum their metrics: only parts of a whole the dictionary declares
for t in stacked donut; do
    is "$(status_of "$JB" chart -d "$TMP/s.csv" -m "ai.size; ai.growth" --type $t -o "$TMP/$t.png")" 2 "chart --type $t of a size and a growth rate is refused"
done
contains "$("$JB" chart -d "$TMP/s.csv" -m "ai.size; ai.growth" --type donut -o "$TMP/d.png" 2>&1)" "'ai.size' is declared part of nothing" "…saying what is not declared"
cat >"$TMP/parts.csv" <<'CSV'
metric_id,label,period,value,unit,bound,forecast,sources
sme.specialized,专精特新中小企业,2024,140000,家,at_least,0,a.md
sme.little_giants,专精特新“小巨人”企业,2024,17600,家,exact,0,a.md
CSV
is "$(status_of "$JB" chart -d "$TMP/parts.csv" -m "sme.specialized; sme.little_giants" --type donut -o "$TMP/donut.pdf")" 0 "a whole and its declared part (templates/metrics.ini) draw as a donut"
contains "$(pdftotext "$TMP/donut.pdf" - 2>/dev/null)" "超14万家" "…the whole in the hole, never summed with its part"
contains "$(file "$TMP/combo.png")" "PNG image data, 1600 x 900" "a 1600×900 PNG"
"$JB" chart -d "$TMP/s.csv" -m ai.size --growth auto --number-style western -o "$TMP/a.pdf" 2>/dev/null
"$JB" chart -d "$TMP/s.csv" -m ai.size --growth auto --number-style western -o "$TMP/b.pdf" 2>/dev/null
check "the same chart twice gives the same PDF bytes" cmp "$TMP/a.pdf" "$TMP/b.pdf"
contains "$(pdftotext "$TMP/a.pdf" - 2>/dev/null)" ">1.2T" "--number-style western labels 1.2T"
contains "$(pdftotext "$TMP/a.pdf" - 2>/dev/null)" "×3" "--growth auto labels ×3"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --transparent --scale 1 -o "$TMP/t.png")" 0 "--transparent --scale 1"
contains "$(file "$TMP/t.png")" "800 x 450" "--scale 1 gives 800×450 pixels"

is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --size slide -o "$TMP/slide.png")" 0 "--size slide"
contains "$(file "$TMP/slide.png")" "1920 x 1080" "a slide is 1920×1080 pixels"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --size huge -o "$TMP/slide.png")" 2 "an unknown --size exits 2"

cp "$TMP/combo.png" "$TMP/keep.png"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --type pie -o "$TMP/keep.png")" 2 "unknown type exits 2"
contains "$(cat "$TMP/err")" "chart type 'pie' is not supported (supported: bar, hbar" "unknown type names the supported ones"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --number-style roman -o "$TMP/keep.png")" 2 "bad --number-style exits 2"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --theme "$TMP/none.theme" -o "$TMP/keep.png")" 2 "missing theme exits 2"
contains "$(cat "$TMP/err")" "none.theme: cannot read theme" "missing theme is named"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --type combo -o "$TMP/keep.png")" 2 "combo with one metric exits 2"
is "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "one line on stderr"
printf 'metric = ai.size\ntype = donut\ncolour = red\n' >"$TMP/bad.chart"
is "$(status_of "$JB" chart -d "$TMP/s.csv" --spec "$TMP/bad.chart" -o "$TMP/keep.png")" 2 "bad spec key exits 2"
contains "$(cat "$TMP/err")" "bad.chart:3: unknown chart key 'colour'" "bad spec key names file:line"
echo x >"$TMP/file"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size -o "$TMP/file/x.png")" 4 "an unwritable output exits 4"
contains "$(cat "$TMP/err")" "cannot create directory" "the unwritable output is named"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size -o "$TMP/x.svg")" 0 "SVG output"
contains "$(head -c 300 "$TMP/x.svg")" "<svg" "an SVG file"
check "failed charts left the previous file alone" cmp "$TMP/combo.png" "$TMP/keep.png"
is "$(ls "$TMP" | grep -c 'keep.png.')" 0 "no temporary files left behind"

# SVG text: glyph outlines by default, <text> elements on request (selectable in a slide tool)
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size -o "$TMP/paths.svg")" 0 "SVG with text as paths"
is "$(grep -c '<text' "$TMP/paths.svg")" 0 "has no <text> elements"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --svg-text text -o "$TMP/text.svg")" 0 "SVG with --svg-text text"
contains "$(cat "$TMP/text.svg")" ">人工智能核心产业规模</text>" "the title is a <text> element"
contains "$(cat "$TMP/text.svg")" ">超4000亿</text>" "and so is a value label"
check "and it parses as XML" xmllint --noout "$TMP/text.svg"
is "$(grep -c '<use' "$TMP/text.svg")" 0 "no glyph outlines are drawn as well"
is "$(status_of "$JB" chart -d "$TMP/s.csv" -m ai.size --svg-text fancy -o "$TMP/x.svg")" 2 "--svg-text fancy exits 2"
printf 'metric = ai.size\nsvg_text = text\n' >"$TMP/t.chart"
"$JB" chart -d "$TMP/s.csv" --spec "$TMP/t.chart" -o "$TMP/spec.svg" 2>/dev/null
contains "$(cat "$TMP/spec.svg")" "</text>" "svg_text = text in a spec does the same"
# files that paste at their size and say their language: pHYs, /Lang, XMP
"$JB" chart -d "$TMP/s.csv" -m ai.size -o "$TMP/dpi.png"
contains "$(pngcheck -v "$TMP/dpi.png")" "pHYs" "a PNG says its resolution (pHYs)"
contains "$(pngcheck -v "$TMP/dpi.png")" "(144 dpi)" "…144 dpi at 2 px a point"
"$JB" chart -d "$TMP/s.csv" -m ai.size --theme print -o "$TMP/print.png"
contains "$(pngcheck -v "$TMP/print.png")" "(300 dpi)" "the print theme: 300 dpi"
contains "$(file "$TMP/print.png")" "3333 x 1875" "…at 300/72 px a point"
"$JB" chart -d "$TMP/s.csv" -m ai.size --dpi 96 -o "$TMP/96.png"
contains "$(file "$TMP/96.png")" "1067 x 600" "--dpi 96 sets the scale too"
SOURCE_DATE_EPOCH=1767225600 "$JB" chart -d "$TMP/s.csv" -m ai.size -o "$TMP/meta.pdf"
is "$(qpdf --check "$TMP/meta.pdf" 2>&1 | grep -c 'WARNING\|ERROR')" 0 "qpdf --check passes the update"
contains "$(qpdf --show-object=trailer "$TMP/meta.pdf")" "/Root" "a trailer"
root=$(qpdf --show-object=trailer "$TMP/meta.pdf" | sed -n 's|.*/Root \([0-9]*\) 0 R.*|\1|p')
contains "$(qpdf --show-object="$root" "$TMP/meta.pdf")" "/Lang (zh-CN)" "the catalog says /Lang (zh-CN)"
xmp=$(pdfinfo -meta "$TMP/meta.pdf")
contains "$xmp" "<rdf:li xml:lang=\"x-default\">人工智能核心产业规模</rdf:li>" "XMP: the title"
contains "$xmp" "<xmp:CreateDate>2026-01-01T00:00:00Z</xmp:CreateDate>" "XMP: the date, from SOURCE_DATE_EPOCH"
check "the XMP is well-formed XML" sh -c "pdfinfo -meta '$TMP/meta.pdf' | xmllint --noout -"
SOURCE_DATE_EPOCH=1767225600 "$JB" chart -d "$TMP/s.csv" -m ai.size -o "$TMP/meta2.pdf"
check "…and byte-identical on a rebuild" cmp "$TMP/meta.pdf" "$TMP/meta2.pdf"
# numbers as stated, from the article to the chart: 7.0% and 6.0% keep their zero, 2345.67亿 and
# 1234.5亿 every digit (text written for this test)
mkdir -p "$TMP/stated"
cat >"$TMP/stated/a.md" <<'MD'
---
title: 示例：某行业运行情况
date: 2024-03-10
---
2023年，某行业营业收入2345.67亿元，同比增长7.0%。2022年，某行业营业收入1234.5亿元，同比增长6.0%。
MD
"$JB" extract -o "$TMP/stated/m.csv" "$TMP/stated/a.md" 2>/dev/null
"$JB" reshape -o "$TMP/stated/s.csv" "$TMP/stated/m.csv" 2>/dev/null
for m in 同比增长 某行业营业收入; do
    "$JB" chart -d "$TMP/stated/s.csv" -m "unknown::$m" -o "$TMP/stated/$m.pdf" 2>/dev/null
done
text=$(pdftotext "$TMP/stated/同比增长.pdf" - 2>/dev/null; pdftotext "$TMP/stated/某行业营业收入.pdf" - 2>/dev/null)
for want in 7.0% 6.0% 2345.67亿 1234.5亿; do
    contains "$text" "$want" "article → chart: $want as the source wrote it"
done
done_testing
