#!/bin/sh
# The report stage: the default briefing (pages, outline, links, metadata, text, slides,
# reproducibility), pagination rules on made-up data, and bad templates (file:line errors).
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

"$JB" extract -o "$TMP/metrics.csv" examples/[0-9]* 2>/dev/null
"$JB" reshape --period year -o "$TMP/series.csv" "$TMP/metrics.csv" 2>/dev/null
report() { # report TEMPLATE OUT.pdf [options]: exit status; stderr in $TMP/err
    t=$1 o=$2
    shift 2
    status_of "$JB" report --data "${DATA:-$TMP/series.csv}" --metrics "${METRICS:-$TMP/metrics.csv}" -o "$o" "$@" "$t"
}

# ---- the default briefing
is "$(report examples/briefing.md "$TMP/b.pdf" --png-pages)" 0 "default briefing exits 0"
info=$(pdfinfo "$TMP/b.pdf" 2>/dev/null)
pages=$(printf '%s\n' "$info" | awk '/^Pages:/ { print $2 }')
if [ "${pages:-0}" -ge 3 ] && [ "${pages:-0}" -le 5 ]; then ok 0 "briefing has 3–5 pages ($pages)"; else ok 1 "briefing has 3–5 pages (got ${pages:-none})"; fi
contains "$info" "Title:           人工智能产业简报" "metadata: title"
contains "$info" "Author:          jianbao 示例简报" "metadata: author (organisation)"
contains "$info" "Subject:         核心产业规模" "metadata: subject (subtitle)"
contains "$info" "Keywords:        人工智能" "metadata: keywords"
contains "$info" "Creator:         jianbao" "metadata: creator"
contains "$(pdfinfo -isodates "$TMP/b.pdf")" "CreationDate:    2026-01-01T00:00:00" "creation date from SOURCE_DATE_EPOCH"
is "$(qpdf --check "$TMP/b.pdf" 2>&1 | grep -c 'WARNING')" 0 "qpdf --check finds no damage (links in a Document tag)"
root=$(qpdf --show-object=trailer "$TMP/b.pdf" | sed -n 's|.*/Root \([0-9]*\) 0 R.*|\1|p')
contains "$(qpdf --show-object="$root" "$TMP/b.pdf")" "/Lang (zh-CN)" "the briefing says /Lang (zh-CN)"
contains "$(qpdf --show-object="$root" "$TMP/b.pdf")" "/StructTreeRoot" "…and keeps cairo's catalog (tags)"
contains "$(pdfinfo "$TMP/b.pdf")" "Metadata Stream: yes" "…and has XMP metadata"
qpdf --json "$TMP/b.pdf" >"$TMP/b.json" 2>/dev/null
outline=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
def walk(items, depth):
    for o in items:
        print("%s%s@%s" % ("  " * depth, o["title"], o.get("destpageposfrom1")))
        walk(o.get("kids", []), depth + 1)
walk(d["outlines"], 0)' "$TMP/b.json")
contains "$outline" "1  要点@1" "outline: first heading on page 1"
contains "$outline" "  3.1  人工智能企业@" "outline: second-level headings nested"
contains "$outline" "数据来源@" "outline: the sources section"
qpdf --qdf --object-streams=disable "$TMP/b.pdf" "$TMP/qdf.pdf" 2>/dev/null
contains "$(grep -a '/URI' "$TMP/qdf.pdf")" "https://finance.example.com/2022/07/26/ai-industry.html" "source URL is a hyperlink"
links=$(grep -a -c '/Subtype /Link' "$TMP/qdf.pdf")
if [ "$links" -ge 20 ]; then ok 0 "footnotes are links ($links)"; else ok 1 "footnotes are links (got $links)"; fi
text=$(pdftotext "$TMP/b.pdf" - 2>/dev/null | tr -d ' ')
contains "$text" "超1.2万亿元" "placeholders the Chinese way"
contains "$text" "为2022年的3倍" "KPI card: change since the first period"
contains "$text" "170万个" "KPI card: 5G base stations"
contains "$text" "2025年（预计）" "forecast periods marked 预计"
contains "$text" "专精特新“小巨人”企业" "the table lists every metric"
contains "$text" "“全年人工智能核心产业规模预计将突破1.2万亿元”" "sources quote the sentence"
contains "$text" "《工信部介绍人工智能发展成效：核心产业规模超过4000亿元》" "sources name the article's title"
contains "$text" "2022-07-26" "sources give the date"
contains "$text" "第1页/共${pages}页" "footer numbers the pages"
p1=$(pdftotext -f 1 -l 1 "$TMP/b.pdf" - 2>/dev/null | tr -d ' \n')
contains "$p1" "人工智能核心产业规模由2022年的超4000亿元" "page 1 reads in order: title, KPI row, then the summary"
# pdftotext's default mode reads the KPI list KPI by KPI: value, label, period and change
kpis='1要点超1\.2万亿元人工智能核心产业规模2025年（预计）\[[0-9]+\]为2022年的约3倍'
kpis=$kpis'超6000家人工智能企业数量2025年\[[0-9]+\]为2022年的约2倍'
kpis=$kpis'170万个5G基站2022年6月\[[0-9]+\]150家大型工业互联网平台2022年\[[0-9]+\]•人工智能核心产业规模由'
if printf '%s' "$p1" | grep -Eq "$kpis"; then ok 0 "page 1: each KPI's value, label and meta before the next KPI"; else
    ok 1 "page 1: each KPI's value, label and meta before the next KPI"
    printf '#   %s\n' "$(printf '%s' "$p1" | head -c 600)"
fi
# justified lines are stretched so little that pdftotext puts no space inside a number
raw=$(pdftotext "$TMP/b.pdf" - 2>/dev/null)
contains "$raw" "由2022年的超4000亿元" "pdftotext: 超4000亿元 whole in the first summary line (no spaces from justification)"
contains "$raw" "增至2025年预计的超1.2万亿元" "pdftotext: 超1.2万亿元 whole in it too"
if printf '%s' "$raw" | grep -Eq '超4000亿元\[[0-9]+\]增至'; then ok 0 "pdftotext: no space around a footnote mark"; else ok 1 "pdftotext: no space around a footnote mark"; fi
split=$(printf '%s\n' "$raw" | grep -E '[0-9][.,]? [.,]?[0-9]')
is "$split" "" "pdftotext: no two digits of the briefing apart by a space"
"$JB" report --data "$TMP/series.csv" --metrics "$TMP/metrics.csv" -o "$TMP/again.pdf" examples/briefing.md 2>/dev/null
check "rebuild is byte-identical" cmp "$TMP/b.pdf" "$TMP/again.pdf"
check "page 1 as PNG" pngcheck -q "$TMP/b-1.png"
check "last page as PNG" test -s "$TMP/b-$pages.png"
check "no page after the last" test ! -e "$TMP/b-$((pages + 1)).png"
is "$(file -b "$TMP/b-1.png" | grep -o '[0-9]* x [0-9]*')" "1191 x 1684" "pages are A4 at 144 dpi"
is "$(file -b "$TMP/b-ai-core-industry.png" | grep -o '[0-9]* x [0-9]*')" "1600 x 900" "each chart is a 16:9 slide PNG named after its block"
check "and an SVG" xmllint --noout "$TMP/b-ai-enterprises.svg"

# ---- typography of a Chinese report
# body leading 1.5–1.7 × the size: consecutive lines of an 11 pt paragraph
lead=$(pdftotext -f 1 -l 1 -bbox-layout "$TMP/b.pdf" - | /usr/bin/python3 -c '
import re, sys
# each line by its first word (a raised footnote mark widens the line box); a line that
# starts a list item or follows a paragraph gap (over 2 ems) is no step inside a paragraph
lines = sorted((float(a), float(b), w) for a, b, w in re.findall(
    r"<line [^>]*>\s*<word [^>]*yMin=\"([0-9.]+)\"[^>]*yMax=\"([0-9.]+)\">([^<]*)<", sys.stdin.read()))
bad = steps = 0
for (a0, b0, w0), (a1, b1, w1) in zip(lines, lines[1:]):
    body = abs((b0 - a0) - 1.448 * 11) < 0.3 and abs((b1 - a1) - 1.448 * 11) < 0.3
    if body and w1 != "•" and a1 - a0 < 2 * 11:
        steps += 1
        bad += not (1.5 * 11 <= a1 - a0 <= 1.7 * 11)
print(steps, bad)')
case "$lead" in "0 "*|*" "[1-9]*) ok 1 "body lines 1.5–1.7 ems apart (steps, off: $lead)";; *) ok 0 "body lines 1.5–1.7 ems apart ($lead)";; esac
# a chart that does not fit floats: the text after it continues on page 1
contains "$(pdftotext -f 1 -l 1 "$TMP/b.pdf" - | tr -d ' \n')" "发布会上的原话是" "the text after a chart continues on page 1 while the chart floats"
contains "$(pdftotext -f 2 -l 2 "$TMP/b.pdf" - | tr -d ' \n')" "图1" "…and the chart opens page 2"
# a chart's title once (in its caption), and no chart text under 7 pt
pg2=$(pdftotext -f 2 -l 2 "$TMP/b.pdf" - | tr -d ' \n')
is "$(printf %s "$pg2" | grep -o '人工智能企业数量' | wc -l | tr -d ' ')" 1 "a chart's title is said once, by its caption"
small=$(pdftotext -f 2 -l 2 -bbox "$TMP/b.pdf" - | /usr/bin/python3 -c '
import re, sys
hs = [float(b) - float(a) for a, b, w in re.findall(r"<word [^>]*yMin=\"([0-9.]+)\"[^>]*yMax=\"([0-9.]+)\">([^<]*)<", sys.stdin.read())
      if not w.startswith("[")] # footnote marks belong to the page text
print(sum(h / 1.448 < 6.95 for h in hs), len(hs))')
case "$small" in "0 "*) ok 0 "no text on the chart page under 7 pt ($small)";; *) ok 1 "no text on the chart page under 7 pt (under, of: $small)";; esac
# footnote marks are one unbreakable run
split=$(pdftotext -layout "$TMP/b.pdf" - | grep -E '\[[0-9]*$|^ *[0-9]*\]')
is "$split" "" "no footnote mark split across lines"
# a caption cites every metric drawn
printf '# 图\n\n```chart two\nmetrics = ai.core_industry_size; ai.enterprises\ntype = combo\n```\n' >"$TMP/two.md"
is "$(report "$TMP/two.md" "$TMP/two.pdf")" 0 "a chart of two metrics renders"
cap=$(pdftotext "$TMP/two.pdf" - | tr -d ' \n' | grep -o '图1[^数]*')
is "$(printf %s "$cap" | grep -o '\[[0-9]*\]' | wc -l | tr -d ' ')" 4 "its caption cites both metrics' sentences ($cap)"
# a section's charts come before the next section: a chart that floats waits for no heading
{
    printf '# 甲\n\n'
    i=0
    while [ $i -lt 14 ]; do printf '这是一段占位的正文，用来把第一页填到只剩不足一幅图的高度。这是一段占位的正文。\n\n'; i=$((i + 1)); done
    printf '```chart one\nmetrics = ai.core_industry_size\n```\n\n# 乙\n\n乙节的正文。\n'
} >"$TMP/sect.md"
is "$(report "$TMP/sect.md" "$TMP/sect.pdf")" 0 "a section whose chart does not fit renders"
order=$(pdftotext "$TMP/sect.pdf" - | tr -d ' \n' | grep -o '图1\|2乙' | tr '\n' ' ')
is "$order" "图1 2乙 " "the chart that floated is placed before the next section's heading ($order)"
# the table: numbers aligned on their decimal point (whole numbers end at one x), units apart
xs=$(pdftotext -bbox "$TMP/b.pdf" - | /usr/bin/python3 -c '
import collections, re, sys
ends = collections.Counter()
for x1, w in re.findall(r"<word [^>]*xMax=\"([0-9.]+)\"[^>]*>([^<]*)</word>", sys.stdin.read()):
    if re.fullmatch(r"超?[0-9]{2,}", w):
        ends[round(float(x1))] += 1
print(ends.most_common(1)[0][1] if ends else 0)')
if [ "$xs" -ge 8 ]; then ok 0 "the table's whole numbers end at one x: decimal-aligned ($xs)"; else ok 1 "the table's whole numbers end at one x (only $xs do)"; fi

# ---- pagination on made-up data
cat >"$TMP/s.csv" <<'EOF'
metric_id,label,period,value,unit,bound,forecast,sources
x.a,甲指标,2020,1200000000000,元,exact,0,a.txt
EOF
i=2021
while [ $i -le 2080 ]; do echo "x.a,甲指标,$i,$((i * 1000)),元,exact,0,a.txt" >>"$TMP/s.csv"; i=$((i + 1)); done
para="人工智能核心产业规模达到{{x.a.first}}，这一数字不能在数字和单位之间断开，而且句末标点不会出现在行首。"
long=""
i=0
while [ $i -lt 40 ]; do long="$long$para"; i=$((i + 1)); done
{
    echo "# 长段落"
    echo
    echo "$long"
    echo
    echo '```table'
    echo 'x.a'
    echo '```'
    # sections of varied length, so that some heading falls near a page bottom
    i=0
    body=$para
    while [ $i -lt 30 ]; do
        printf '\n# 第%s节\n\n%s\n' "$i" "$body"
        body="$body$para"
        [ $((i % 5)) -eq 4 ] && body=$para
        i=$((i + 1))
    done
} >"$TMP/long.md"
is "$(DATA=$TMP/s.csv METRICS= report "$TMP/long.md" "$TMP/long.pdf")" 0 "a long template renders"
np=$(pdfinfo "$TMP/long.pdf" | awk '/^Pages:/ { print $2 }')
if [ "$np" -ge 4 ]; then ok 0 "it spans $np pages"; else ok 1 "it spans pages (got $np)"; fi
p1=$(pdftotext -f 1 -l 1 "$TMP/long.pdf" - | tr -d ' \n')
p2=$(pdftotext -f 2 -l 2 "$TMP/long.pdf" - | tr -d ' \n')
contains "$p1" "长段落" "the long paragraph starts on page 1"
case "$p2" in 长段落*) ok 1 "...";; *) ok 0 "page 2 continues it (split by lines, not moved whole)";; esac
contains "$(printf %s "$p2" | head -c 600)" "1.2万亿元" "numbers keep their units on the continued page"
bad=0
heads=0
pg=1
while [ $pg -le "$np" ]; do
    t=$(pdftotext -f $pg -l $pg "$TMP/long.pdf" - | tr -d ' \f')
    case "$t" in *指标*时期*数值*来源*) heads=$((heads + 1)) ;; esac
    # the last text line before the footer must not be a heading
    last=$(printf '%s\n' "$t" | grep -v '^$' | grep -v '^第.*页/共' | tail -n 1)
    case "$last" in [0-9]*第[0-9]*节) bad=$((bad + 1)); echo "# page $pg ends with heading: $last" ;; esac
    pg=$((pg + 1))
done
is "$bad" 0 "no page ends with a heading"
if [ "$heads" -ge 2 ]; then ok 0 "the table's header row repeats on each of its $heads pages"; else ok 1 "table header repeats (on $heads pages)"; fi
cont=0
pg=2
while [ $pg -le "$np" ]; do
    t=$(pdftotext -f $pg -l $pg "$TMP/long.pdf" - | tr -d ' \f\n')
    case "$t" in *指标时期数值来源甲指标*) cont=$((cont + 1)) ;; *指标时期数值来源*) echo "# page $pg: a continued table without its label" ;; esac
    pg=$((pg + 1))
done
if [ "$cont" -ge 1 ]; then ok 0 "a continued table names its metric in its first row ($cont pages)"; else ok 1 "a continued table names its metric in its first row"; fi
first_row=$(pdftotext "$TMP/long.pdf" - | grep -c '^2021年$\|^2080年$')
is "$first_row" 2 "first and last table rows are both printed once"
# a one-line intro before a table stays on the table's page: wherever the page ends (the
# filler grows a line at a time), the page with 乙节的正文 also has the table's header
cut=0
fill=8
while [ $fill -le 24 ]; do
    {
        printf '# 甲\n\n'
        i=0
        while [ $i -lt "$fill" ]; do printf '这是一段占位的正文，用来把第一页填到各种高度。\n\n'; i=$((i + 1)); done
        printf '# 乙\n\n乙节的正文。\n\n```table\nx.a\n```\n'
    } >"$TMP/intro.md"
    DATA=$TMP/s.csv METRICS= report "$TMP/intro.md" "$TMP/intro.pdf" >/dev/null
    pg=$(pdftotext "$TMP/intro.pdf" - | tr -d ' ' | awk '/\f/ { p += gsub(/\f/, "") } /乙节的正文/ { print p + 1; exit }')
    case "$(pdftotext -f "$pg" -l "$pg" "$TMP/intro.pdf" - | tr -d ' \n')" in
    *乙节的正文*指标时期数值来源*) ;;
    *) cut=$((cut + 1)); echo "# $fill paragraphs: the intro on page $pg, the table after it" ;;
    esac
    fill=$((fill + 1))
done
is "$cut" 0 "an intro is never left at a page's foot without its table (17 page ends tried)"

# a URL with percent-escaped Chinese is shown decoded (five lines of %E5… on real articles);
# its link keeps the URL as written
sed 's|https://finance.example.com/2022/07/26/ai-industry.html|https://finance.example.com/%E7%A4%BA%E4%BE%8B/ai.html|' \
    "$TMP/metrics.csv" >"$TMP/m-url.csv"
is "$(METRICS=$TMP/m-url.csv report examples/briefing.md "$TMP/url.pdf")" 0 "a briefing citing an escaped URL renders"
# (the URL wraps after its scheme; pdftotext may read the two lines apart)
contains "$(pdftotext "$TMP/url.pdf" - | tr -d ' \n')" "finance.example.com/示例/ai.html" "the URL is shown decoded"
qpdf --qdf --object-streams=disable "$TMP/url.pdf" "$TMP/url-q.pdf" 2>/dev/null
contains "$(grep -a '/URI' "$TMP/url-q.pdf")" "https://finance.example.com/%E7%A4%BA%E4%BE%8B/ai.html" "the link is the URL as written"

# ---- bad templates: one line naming file:line, exit 2, nothing written
bad_case() { # bad_case NAME EXPECTED-STDERR-PART, template in $TMP/bad.md
    st=$(report "$TMP/bad.md" "$TMP/bad.pdf")
    is "$st" 2 "$1: exits 2"
    contains "$(cat "$TMP/err")" "$2" "$1: names the place"
    is "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "$1: one line"
    check "$1: writes nothing" test ! -e "$TMP/bad.pdf"
}
printf -- '---\ntitle: x\n---\n\n# a\n\n```kpi\nai.enterprises\nno.such_metric\n```\n' >"$TMP/bad.md"
bad_case "unknown metric in a kpi block" "bad.md:9: unknown metric 'no.such_metric'"
printf -- '# a\n\n```table\nai.nope\n```\n' >"$TMP/bad.md"
bad_case "unknown metric in a table block" "bad.md:4: unknown metric 'ai.nope'"
printf -- '# a\n\ntext\n\n```chart\nmetric = ai.enterprises\ncolour = red\n```\n' >"$TMP/bad.md"
bad_case "bad chart spec" "bad.md:7:"
printf -- '# a\n\n```chart\nmetric = ai.enterprises\n\nmore text\n' >"$TMP/bad.md"
bad_case "unclosed fence" "bad.md:3: \`\`\`chart block is not closed"
printf -- '# a\n\n值为{{ai.enterprises.latest\n' >"$TMP/bad.md"
bad_case "unclosed placeholder" "bad.md:3: '{{' is not closed"
printf -- '# a\n\n\n值为{{ai.enterprises.biggest}}\n' >"$TMP/bad.md"
bad_case "unknown placeholder field" "bad.md:4: unknown field 'biggest'"
printf -- '# a\n\n值为{{ai.missing.latest}}\n' >"$TMP/bad.md"
bad_case "unknown placeholder metric" "bad.md:3: unknown metric 'ai.missing'"
printf -- '---\ntitle: x\n\n# a\n' >"$TMP/bad.md"
bad_case "unclosed front matter" "bad.md:1: front matter is not closed"
printf -- '# a\n\n```kpi\n```\n' >"$TMP/bad.md"
bad_case "empty kpi block" "bad.md:3: empty"

# Every typo in a template names its line and what was meant (a misspelt block or front
# matter key was silently code or nothing)
printf -- '# a\n\n值为{{ai.enterprise.latest}}\n' >"$TMP/bad.md"
bad_case "a misspelt metric id" "bad.md:3: unknown metric 'ai.enterprise' (not in $TMP/series.csv); did you mean ai.enterprises?"
printf -- '# a\n\n值为{{ai.enterprises.lates}}\n' >"$TMP/bad.md"
bad_case "a misspelt field" "bad.md:3: unknown field 'lates' (use latest, first, period, first_period, growth, label); did you mean 'latest'?"
printf -- '# a\n\n```table\nai.enterprise\n```\n' >"$TMP/bad.md"
bad_case "a misspelt id in a block" "bad.md:4: unknown metric 'ai.enterprise' (not in $TMP/series.csv); did you mean ai.enterprises?"
printf -- '# a\n\n```kpi\nlatset 3\n```\n' >"$TMP/bad.md"
bad_case "a misspelt latest" "bad.md:4: a \`\`\`kpi block lists metric ids, one per line, or latest N (got 'latset 3'); did you mean 'latest 3'?"
printf -- '# a\n\n```chrat\nmetric = ai.enterprises\n```\n' >"$TMP/bad.md"
bad_case "a misspelt block name" "bad.md:3: unknown block \`\`\`chrat; did you mean \`\`\`chart?"
printf -- '# a\n\n```revew\n```\n' >"$TMP/bad.md"
bad_case "a misspelt review block" "bad.md:3: unknown block \`\`\`revew; did you mean \`\`\`review?"
printf -- '# a\n\n```review\n核对\n```\n' >"$TMP/bad.md"
bad_case "text in a review block (never shown)" "bad.md:4: a \`\`\`review block is empty: the build fills it"
printf -- '# a\n\n```chart\nmetirc = ai.enterprises\n```\n' >"$TMP/bad.md"
bad_case "a misspelt chart key" "bad.md:4: unknown chart key 'metirc'; did you mean 'metric='?"
printf -- '# a\n\n```chart\nmetric = ai.enterprises\ntype = lien\n```\n' >"$TMP/bad.md"
bad_case "a misspelt chart type" "did you mean 'type=line'?"
printf -- '---\ntitel: 简报\n---\n\n# a\n' >"$TMP/bad.md"
bad_case "a misspelt front matter key" "bad.md:2: unknown front matter key 'titel' (a template's are title, subtitle, organisation, date and keywords); did you mean 'title:'?"
printf -- '---\ntitle 简报\n---\n\n# a\n' >"$TMP/bad.md"
bad_case "a front matter line without its colon" "bad.md:2: a front matter line is 'key: value' (title: 简报)"
printf -- '# a\n\n```api\nGET /x\n```\n' >"$TMP/ok.md"
is "$(report "$TMP/ok.md" "$TMP/ok.pdf")" 0 "a code block of another name (\`\`\`api) is code"

# Characters no font has: drawn as boxes, said on stderr, exit 1 (success with warnings)
printf -- '# 概况\n\n藏文的ༀ字。\n' >"$TMP/tofu.md"
is "$(report "$TMP/tofu.md" "$TMP/tofu.pdf")" 1 "a briefing with a character no font has exits 1"
contains "$(cat "$TMP/err")" "jianbao: report: $TMP/tofu.md: no font has a glyph for 'ༀ': drawn as a box" "naming it"
check "and the PDF is written" test -s "$TMP/tofu.pdf"

done_testing
