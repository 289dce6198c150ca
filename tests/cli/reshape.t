#!/bin/sh
# jianbao reshape from the command line: golden series of the sample articles, conflicts on
# stderr and in conflicts.csv, malformed rows, --strict, filters, --derive, --wide/--long, --excel.
# The golden CSVs are tests/golden/reshape-*.csv; after a deliberate change to extract or
# reshape, rewrite them with `JB_UPDATE_GOLDEN=1 sh tests/cli/reshape.t` and read the diff.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
G=tests/golden

golden() { # golden NAME ARGS...: reshape the samples' metrics.csv with ARGS, compare with $G/NAME
    name=$1
    shift
    "$JB" reshape "$@" -o "$TMP/$name" "$TMP/metrics.csv" 2>"$TMP/golden.err"
    st=$?
    if [ "${JB_UPDATE_GOLDEN:-}" = 1 ]; then cp "$TMP/$name" "$G/$name"; fi
    if [ "$st" -eq 0 ] && cmp -s "$TMP/$name" "$G/$name"; then ok 0 "golden $name (reshape $*)"; else
        ok 1 "golden $name (reshape $*): exit $st"
        diff "$G/$name" "$TMP/$name" 2>&1 | head -n 20 | sed 's/^/#   /'
        sed 's/^/#   /' "$TMP/golden.err"
    fi
}

# ---- golden series of the sample articles
"$JB" extract -o "$TMP/metrics.csv" examples/[0-9]* 2>/dev/null
golden reshape-year.csv --period year
is "$(grep -c '' "$TMP/conflicts.csv")" 1 "no conflicts in the samples: conflicts.csv has its header only"
is "$(head -n 1 "$TMP/conflicts.csv")" \
   "metric_id,period,kind,rule,kept_value,kept_unit,kept_period,kept_source,kept_line,other_value,other_unit,other_period,other_source,other_line" \
   "conflicts.csv header"
golden reshape-keep.csv --known-only
golden reshape-derive.csv --period year --known-only --derive all
golden reshape-wide.csv --period year --known-only --wide
golden reshape-wide-excel.csv --period year --known-only --wide --excel
is "$(grep '^ai.core_industry_size.cagr,' "$G/reshape-derive.csv" | cut -d, -f3,4,5)" "2025,44.22,%" \
   "CAGR of 4000亿 (2022) → 1.2万亿 (2025) is 44.22%"
is "$(grep '^ai.core_industry_size.multiple,' "$G/reshape-derive.csv" | cut -d, -f4,5)" "3,倍" \
   "growth multiple 3倍, as the briefing says"
is "$(grep '^ai.core_industry_size,' "$G/reshape-year.csv" | cut -d, -f9 | sort -u)" "万亿" \
   "display unit 万亿 for the core industry size"
is "$(grep '^infra.5g_base_stations,' "$G/reshape-year.csv" | cut -d, -f3,9)" "2022-06,万" \
   "5G base stations as of June 2022 stay 2022-06 (a month is not the year), displayed in 万"

# ---- long → wide → long, plain and --excel
"$JB" reshape --period year -o "$TMP/long.csv" "$TMP/metrics.csv" 2>/dev/null
"$JB" reshape --period year --wide -o "$TMP/wide.csv" "$TMP/metrics.csv" 2>/dev/null
is "$(status_of "$JB" reshape --long -o "$TMP/back.csv" "$TMP/wide.csv")" 0 "--long reads a wide file"
check "long → wide → long is byte-identical" cmp "$TMP/long.csv" "$TMP/back.csv"
"$JB" reshape --period year --wide --excel -o "$TMP/wide-x.csv" "$TMP/metrics.csv" 2>/dev/null
"$JB" reshape --long -o "$TMP/back-x.csv" "$TMP/wide-x.csv" 2>/dev/null
check "long → wide --excel → long is byte-identical" cmp "$TMP/long.csv" "$TMP/back-x.csv"
is "$(head -c 3 "$TMP/wide-x.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "--excel starts with a UTF-8 BOM"
is "$(status_of "$JB" reshape --long --wide "$TMP/wide.csv")" 2 "--long takes no merge options"

# ---- a hand-edited metrics.csv: BOM, CRLF, columns shuffled, conflicts, bad rows
printf '\357\273\277' >"$TMP/hand.csv"
tr '|' '\r' >>"$TMP/hand.csv" <<'EOF'
note,unit,value,period,metric_id,source,published,bound,forecast,subject,metric|
a,元,400000000000,2022,ai.core_industry_size,a.md,2022-07-26,at_least,0,人工智能,核心产业规模|
b,元,400000000000,2022-12-31,ai.core_industry_size,b.md,2023-01-05,at_least,0,人工智能,核心产业规模|
c,元,1200000000000,2025,ai.core_industry_size,c.md,2022-07-26,at_least,1,人工智能,核心产业规模|
d,元,1100000000000,2025,ai.core_industry_size,d.md,2026-02-01,exact,0,人工智能,核心产业规模|
e,家,12,2025,ai.core_industry_size,e.md,2026-02-01,exact,0,人工智能,核心产业规模|
f,家,abc,2025,ai.enterprises,f.md,2026-02-01,exact,0,人工智能,企业|
g,家,6000,2025,ai.enterprises,g.md,2026-02-01,at_least,0,人工智能,企业|
h,项,30,2022,,h.md,2022-07-26,exact,0,智能制造,国家标准|
EOF
mkdir -p "$TMP/o"
is "$(status_of "$JB" reshape --period year -o "$TMP/o/series.csv" "$TMP/hand.csv")" 1 \
   "conflicts and a skipped row: exit 1, series written"
err=$(cat "$TMP/err")
contains "$err" "jianbao: reshape: $TMP/hand.csv:4: conflict for ai.core_industry_size 2025: 1200000000000 元 (c.md) vs 1100000000000 (d.md, line 5); kept 1100000000000: actual beats forecast" \
         "the conflict is one line on stderr with file, line and rule"
contains "$err" "hand.csv:6: unit '家' for ai.core_industry_size, whose base unit is '元' (the dictionary); row skipped" \
         "a row in another unit is named and skipped"
contains "$err" "hand.csv:7: value 'abc' is not a plain decimal; row skipped" "a malformed row is named"
is "$(grep -c '' "$TMP/o/conflicts.csv")" 3 "conflicts.csv beside the output: header + 2 rows"
is "$(cut -d, -f1-4 "$TMP/o/conflicts.csv" | sed -n 2,3p | tr '\n' ' ')" \
   "ai.core_industry_size,2025,unit,one unit per metric ai.core_industry_size,2025,value,actual beats forecast " \
   "conflicts.csv: kind and rule of each"
is "$(grep '^ai.core_industry_size,' "$TMP/o/series.csv" | cut -d, -f3,4,8 | tr '\n' ' ')" \
   "2022,400000000000,a.md; b.md 2025,1100000000000,d.md " "equal values merge their sources"
is "$(grep -c '^unknown:智能制造:国家标准,' "$TMP/o/series.csv")" 1 "an unknown metric is kept by subject and text"
"$JB" reshape --known-only -c "$TMP/c.csv" "$TMP/hand.csv" >"$TMP/stdout.csv" 2>/dev/null
is "$(grep -c '^unknown' "$TMP/stdout.csv")" 0 "--known-only leaves it out"
check "-c names the conflicts file" test -s "$TMP/c.csv"
mkdir -p "$TMP/cwd"
(cd "$TMP/cwd" && "$JB" reshape "$TMP/hand.csv" >/dev/null 2>&1)
check "writing to stdout leaves no conflicts.csv behind" test ! -e "$TMP/cwd/conflicts.csv"
mkdir -p "$TMP/cc"
"$JB" reshape -o "$TMP/cc/conflicts.csv" "$TMP/hand.csv" 2>/dev/null
is "$(head -n 1 "$TMP/cc/conflicts.csv" | cut -d, -f1,2)" "metric_id,label" \
   "-o conflicts.csv is the series: the default conflicts file never replaces it"
rm -f "$TMP/o/series.csv"
is "$(status_of "$JB" reshape --strict -o "$TMP/o/series.csv" "$TMP/hand.csv")" 3 "--strict: a malformed row exits 3"
contains "$(cat "$TMP/err")" "hand.csv:6: unit '家'" "naming the first bad row"
check "and writes no series" test ! -e "$TMP/o/series.csv"

# ---- filters and derived series
"$JB" reshape --period year --metric ai.enterprises --since 2023 "$TMP/metrics.csv" >"$TMP/f.csv" 2>/dev/null
is "$(cut -d, -f1,3,4 "$TMP/f.csv" | tail -n +2 | tr '\n' ' ')" "ai.enterprises,2025,6000 " "--metric and --since"
"$JB" reshape --subject 5G --until 2022-06 "$TMP/metrics.csv" >"$TMP/f.csv" 2>/dev/null
is "$(cut -d, -f1,3 "$TMP/f.csv" | tail -n +2 | tr '\n' ' ')" "infra.5g_base_stations,2022-06 " "--subject and --until"
"$JB" reshape --period year --metric ai.core_industry_size --derive change --derive yoy "$TMP/metrics.csv" >"$TMP/f.csv" 2>/dev/null
is "$(cut -d, -f1,3,4,5 "$TMP/f.csv" | tail -n +2 | tr '\n' ' ')" \
   "ai.core_industry_size,2022,400000000000,元 ai.core_industry_size,2025,1200000000000,元 ai.core_industry_size.change,2025,800000000000,元 " \
   "--derive change (no yoy: 2024 is missing)"

# ---- usage errors
is "$(status_of "$JB" reshape --period month "$TMP/metrics.csv")" 2 "--period month exits 2"
is "$(status_of "$JB" reshape --since 2022/06 "$TMP/metrics.csv")" 2 "--since 2022/06 exits 2"
contains "$(cat "$TMP/err")" "--since must be a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or START/END)" "and says what it wants"
is "$(status_of "$JB" reshape --derive growth "$TMP/metrics.csv")" 2 "--derive growth exits 2"
printf 'metric_id,period,unit\nx,2024,家\n' >"$TMP/nocol.csv"
is "$(status_of "$JB" reshape "$TMP/nocol.csv")" 3 "a missing column exits 3"
contains "$(cat "$TMP/err")" "nocol.csv:1: missing column 'value'" "naming it"

done_testing
