#!/bin/sh
# extract on hostile input (issue 3): each bad file gives one clear line naming the file and
# a byte offset or line, a non-zero exit, no crash and no hang; the other files still run
# unless --strict, and the output file is complete or absent. Big inputs are generated here.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
D=$TMP/in
mkdir -p "$D"
run() { # run ARGS...: exit status of jianbao extract under a time limit
    timeout 120 "$JB" extract "$@" >"$TMP/out" 2>"$TMP/err"
    echo $?
}
good=examples/2022-07-ai-industry.md

: >"$D/empty.txt"
is "$(run "$D/empty.txt")" 3 "empty file exits 3"
contains "$(cat "$TMP/err")" "empty.txt: empty" "and says the file is empty"

head -c 4096 /bin/sh >"$D/prog.bin"
is "$(run "$D/prog.bin")" 3 "binary file exits 3"
contains "$(cat "$TMP/err")" "prog.bin: binary file (NUL byte at offset" "and names the NUL's offset"

printf '规模\000超过4000亿元。\n' >"$D/nul-early.txt"
is "$(run "$D/nul-early.txt")" 3 "a NUL in the first 8 KB: binary, exit 3"
contains "$(cat "$TMP/err")" "nul-early.txt: binary file (NUL byte at offset 6)" "offset of the NUL"

{ head -c 9000 /dev/zero | tr '\0' 'x'; printf '\n今年规模超过4000亿元。\000企业超过3000家。\n'; } >"$D/nul-late.txt"
is "$(run "$D/nul-late.txt")" 1 "a NUL later in a text file: skipped with a warning, exit 1"
contains "$(cat "$TMP/err")" "nul-late.txt: byte 9032: NUL byte skipped" "the warning names the byte"
is "$(grep -c '4000亿元\|3000家' "$TMP/out")" 2 "both figures around the NUL are still read"

printf '规模\377\376超过4000亿元。\n' >"$D/bad-utf8.txt"
is "$(run "$D/bad-utf8.txt")" 1 "invalid UTF-8: exit 1"
contains "$(cat "$TMP/err")" "jianbao: extract: $D/bad-utf8.txt: byte 6: invalid UTF-8 skipped" "one line, file and byte offset"
contains "$(cat "$TMP/out")" "400000000000" "the rest of the line is read"

truncate -s 200M "$D/huge.txt"
is "$(run "$D/huge.txt")" 3 "a 200 MB file exits 3"
contains "$(cat "$TMP/err")" "huge.txt: too large (209715200 bytes" "and says why, before reading it"

{ printf '<p>规模超过'; head -c 10000 /dev/zero | tr '\0' '7'; printf '亿元，企业超过3000家。</p>\n'; } >"$D/digits.html"
is "$(run "$D/digits.html")" 1 "a 10,000-digit number: exit 1"
contains "$(cat "$TMP/err")" "digits.html:1: a number of 10000 digits is too long (more than 18); skipped" "the warning names file, line and length"
is "$(grep -c '3000,家' "$TMP/out")" 1 "the sentence's other figure is still read"

printf '<p>规模超过4000亿元。</p><p>企业<a href="x' >"$D/unterminated.html"
is "$(run "$D/unterminated.html")" 1 "unterminated tag: exit 1"
contains "$(cat "$TMP/err")" "unterminated.html:1: unterminated tag <a; rest of file ignored" "file, line and what"
printf '<p>规模超过4000亿元。</p>\n\n<!-- never closed\n' >"$D/comment.html"
is "$(run "$D/comment.html")" 1 "unterminated comment: exit 1"
contains "$(cat "$TMP/err")" "comment.html:3: unterminated comment" "names the comment's line"

awk 'BEGIN { for (i = 0; i < 200000; i++) printf "<div><span>"; printf "规模超过4000亿元。"; for (i = 0; i < 5000; i++) printf "<b"; print "" }' >"$D/deep.html"
is "$(run "$D/deep.html")" 1 "200,000 nested tags and 5000 unterminated: no crash, no hang"
contains "$(cat "$TMP/out")" "400000000000" "the text inside is read"

# a batch: the good file still runs, the status says something failed
is "$(run -o "$TMP/batch.csv" "$D/empty.txt" "$good" "$D/bad-utf8.txt")" 3 "batch with a bad file exits 3"
is "$(grep -c '^examples/2022-07' "$TMP/batch.csv")" 4 "the good article in the batch is written"
is "$(grep -c 'bad-utf8' "$TMP/batch.csv")" 1 "and the repaired one too"
is "$(run --strict -o "$TMP/strict.csv" "$good" "$D/empty.txt" "$good")" 3 "--strict stops at the first bad file"
check "--strict leaves no output file" test ! -e "$TMP/strict.csv"
check "and no temporary file" test -z "$(ls "$TMP" | grep 'strict.csv.tmp')"
is "$(run --strict -o "$TMP/strict2.csv" "$good" "$D/bad-utf8.txt")" 3 "--strict also stops at a warning"
echo keep >"$TMP/kept.csv"
is "$(run --strict -o "$TMP/kept.csv" "$D/empty.txt")" 3 "a failed --strict run"
is "$(cat "$TMP/kept.csv")" "keep" "keeps the previous output"

# --encoding and --published
iconv -f UTF-8 -t GB18030 >"$D/gbk.txt" <<'X'
全省人工智能产业规模超600亿元
2025年2月18日

2024年，全省人工智能核心产业规模超过600亿元，企业数量超过900家。
X
is "$(run --encoding GB18030 "$D/gbk.txt")" 0 "--encoding GB18030 reads a GB18030 file"
contains "$(cat "$TMP/out")" "ai.core_industry_size@全省,60000000000,元" "and finds its figures (the province's: 全省)"
is "$(run --encoding NO-SUCH-ENCODING "$D/gbk.txt")" 2 "an unknown --encoding exits 2"
contains "$(cat "$TMP/err")" "NO-SUCH-ENCODING" "and names it"
run --encoding UTF-8 "$D/gbk.txt" >/dev/null
contains "$(cat "$TMP/err")" "gbk.txt: byte" "--encoding UTF-8 on GB18030 bytes reports the offsets"
printf '截至6月底，已建成5G基站170万个。\n' >"$D/undated.txt"
is "$(run --published 2022-07-26 "$D/undated.txt")" 0 "--published on an undated article"
is "$(awk -F, 'NR == 2 { print $2 "," $3 }' "$TMP/out")" "2022-07-26,2022-06" "sets published and the year of 截至6月底"
is "$(run --published 2023-01-05 "$good")" 0 "--published overrides the front matter's date"
is "$(awk -F, '$7 == 8 { print $2 }' "$TMP/out")" "2023-01-05" "an undated figure takes the override"
is "$(run --published yesterday "$good")" 2 "a --published that is not a date exits 2"

# spreadsheet formulas cannot come from article text
printf '=规模超过4000亿元；@企业超过3000家。\n' >"$D/formula.txt"
run "$D/formula.txt" >/dev/null
contains "$(cat "$TMP/out")" "'=规模超过4000亿元" "a quote starting with = gets a leading apostrophe"
contains "$(cat "$TMP/out")" "'@企业" "so does a subject or metric starting with @"

mkfifo "$TMP/fifo"
cat "$TMP/fifo" >"$TMP/from-fifo" &
is "$(run -o "$TMP/fifo" "$good")" 0 "-o a FIFO (or /dev/null) writes into it"
wait
check "and leaves it a FIFO, not a renamed regular file" test -p "$TMP/fifo"
is "$(grep -c "^examples" "$TMP/from-fifo")" 4 "the rows went through it"

# Bounded cost: a 2 MB paragraph with no punctuation (words and figures run together) and a
# list of 40000 members take time linear in their size: far under the limit (30 s of CPU,
# ulimit -t: a loaded machine stretches wall time, not CPU time; a quadratic walk of each
# clause at each number took a minute on the paragraph). Under the sanitizers a run is three
# to five times slower, and the limit four times as long, as tests/pathological/run.t allows.
limit=30
case ${BUILD:-build} in *san*) limit=120 ;; esac
cpu_limited() { (ulimit -S -t "$limit" && exec timeout $((limit * 10)) "$@"); }
awk 'BEGIN { srand(1); split("达到 投资 2024年 增长 比例 120亿元 产值 上半年 企业 全国 数量", w, " ");
             for (i = 0; i < 200000; i++) printf "%s", w[int(rand() * 11) + 1]; print "" }' \
    >"$D/run-on.txt"
cpu_limited "$JB" extract --published 2024-06-01 -o "$TMP/run-on.csv" "$D/run-on.txt" 2>/dev/null
ok $(( $? > 1 )) "a 2 MB paragraph without punctuation is read within $limit s of CPU"
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "%s%d万亿", i ? "、" : "", i; print "元。" }' >"$D/list.txt"
cpu_limited "$JB" extract --published 2024-06-01 -o "$TMP/list.csv" "$D/list.txt" 2>/dev/null
ok $(( $? > 1 )) "a list of 40000 members is read within $limit s of CPU"
is "$(($(wc -l <"$TMP/list.csv") - 1))" 40000 "and every member is a row"
# -o never replaces an article it reads; the file it writes takes the umask, as open(2)'s do
cp "$good" "$D/self.md"
is "$(run -o "$D/self.md" "$D/self.md")" 2 "-o naming an input article is refused (exit 2)"
contains "$(cat "$TMP/err")" "self.md is one of the articles to read" "and says why"
check "and the article is untouched" cmp -s "$good" "$D/self.md"
(umask 022 && "$JB" extract -o "$D/mode.csv" "$good" 2>/dev/null)
is "$(stat -c %a "$D/mode.csv")" 644 "-o under umask 022 writes a 644 file"
# A link line whose URL runs into a character holding byte 0x89 (特: e7 89 b9) kept the URL
# whole: the URL's end was found byte by byte against a set holding （'s bytes, which cut 特
# in two and wrote invalid UTF-8 into metrics.csv (found by fuzz_article)
printf '示例快讯\n\n2024-10-18\n\n某地工业增加值增长5.2%%。\n\n原文：https://example.org/2024/10/18/a特别\n' >"$D/link.txt"
"$JB" extract -o "$TMP/link.csv" "$D/link.txt" 2>/dev/null
check "a link running into 特: metrics.csv is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$TMP/link.csv"
contains "$(cat "$TMP/link.csv")" ",https://example.org/2024/10/18/a特别," "and the url is whole"
done_testing
