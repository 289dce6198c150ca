#!/bin/sh
# What a build removes and where it writes: only files a build recorded writing (its temporary
# files .NAME.XXXXXX.jbtmp beside the outputs, KEY.EXT files in the cache), never a user's
# file, not even one named like those,
# never through a symlink; a FIFO named like an output is refused, not waited on; temporary
# files of a killed run go on the next build, a no-op one too; after a full disk the next
# build recovers by itself.
. "$(dirname "$0")/lib.sh"
cp "$JB" "$TMP/jianbao" && JB=$TMP/jianbao # the tree's binary may be rebuilt meanwhile

old() { touch -d '2 hours ago' "$@"; } # older than the cache's 15 minutes of grace
# A build waiting on a FIFO waits for ever: only a limit far beyond what any build takes,
# however loaded the machine and under the sanitizers, tells a hang from a slow run (helpers
# saw 60 s outlived under load).
hang=600

# --- output=. : the project's own directory and its ./.cache hold the user's files too
P=$TMP/here
sample_project "$P"
sed -i 's/^output=out$/output=./' "$P/test.project"
mkdir -p "$P/.cache"
echo mine >"$P/.cache/user-file"
echo mine >"$P/.cache/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef-notes.txt"
echo backup >"$P/briefing.pdf.backup"
echo draft >"$P/series.csv.draft1"
echo hidden >"$P/.notes.abc123.txt"
# named as jianbao names its files, but no build wrote them: another program's cache file
# named by its SHA-256, a user's file shaped like a temporary one
K=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
echo theirs >"$P/.cache/$K.png"
echo theirs >"$P/.cache/.$K.csv.Ab12Cd.jbtmp"
echo theirs >"$P/.briefing.pdf.Ab3dE9.jbtmp"
old "$P/.cache/user-file" "$P/.cache/"0123* "$P/.cache/.$K"* "$P/briefing.pdf.backup" "$P/series.csv.draft1"
is "$(status_of "$JB" build -q "$P/test.project")" 0 "a project built with output=. builds"
sed -i 's/1\.2万亿元/1.3万亿元/g' "$P/articles/2026-01-press-conference.txt"
old "$P"/.cache/*
is "$(status_of "$JB" build -q "$P/test.project")" 0 "and again after an article changed (old products swept)"
for f in .cache/user-file .cache/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef-notes.txt \
    briefing.pdf.backup series.csv.draft1 .notes.abc123.txt test.project \
    .cache/$K.png .cache/.$K.csv.Ab12Cd.jbtmp .briefing.pdf.Ab3dE9.jbtmp; do
    check "$f survives the sweep" test -f "$P/$f"
done
check "products unused and older than 15 minutes are swept (one briefing, one chart left)" test "$(ls "$P/.cache" | grep -c ".\.pdf$")" -eq 2
rm "$P/.cache/$K.png" # no PNG: out of check_outputs' way

# --- symlinks in out/ are never followed: not the cache directory, not an output
P=$TMP/links
sample_project "$P"
mkdir -p "$TMP/elsewhere" "$P/out"
echo precious >"$TMP/elsewhere/ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff.csv"
old "$TMP/elsewhere/"*
ln -s "$TMP/elsewhere" "$P/out/.cache"
echo precious >"$TMP/target.txt"
ln -s "$TMP/target.txt" "$P/out/briefing.pdf"
# a cache linked elsewhere would be written outside out/: refused, nothing read or written there
is "$(status_of "$JB" build -q "$P/test.project")" 4 "a build whose out/.cache is a symlink is refused (exit 4)"
is "$(cat "$TMP/err")" "jianbao: build: $P/out/.cache: a symlink; the build keeps its cache only inside the output directory: remove it" "naming it"
check "a cache-named file where out/.cache links is not swept" test -f "$TMP/elsewhere/ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff.csv"
is "$(ls "$TMP/elsewhere" | wc -l)" 1 "and nothing is written there"
check "the link is left as it was" test -L "$P/out/.cache"
rm "$P/out/.cache"
ln -s "$TMP/target2.txt" "$P/out/.manifest.jbtmp" # the name the manifest's temporary file once had
echo precious >"$TMP/target2.txt"
is "$(status_of "$JB" build -q "$P/test.project")" 0 "without it, a build whose briefing.pdf and .manifest.jbtmp are symlinks runs"
is "$(cat "$TMP/target2.txt")" precious "the file out/.manifest.jbtmp linked to is untouched"
is "$(cat "$TMP/target.txt")" precious "the file out/briefing.pdf linked to is untouched"
check "out/briefing.pdf is now a file of its own" test -f "$P/out/briefing.pdf" -a ! -L "$P/out/briefing.pdf"
check "and a valid PDF" qpdf --check "$P/out/briefing.pdf"

# the build's hidden files as symlinks to a FIFO or a device elsewhere: replaced, never opened
P=$TMP/hidden-links
sample_project "$P"
"$JB" build -q "$P/test.project" 2>/dev/null
mkfifo "$TMP/pipe"
for f in .manifest .index .previous-series.csv; do
    rm -f "$P/out/$f"
    ln -s "$TMP/pipe" "$P/out/$f"
done
ln -s /dev/null "$P/out/.jianbao-temps"
sed -i 's/1\.2万亿元/1.3万亿元/g' "$P/articles/2026-01-press-conference.txt"
is "$(status_of timeout $hang "$JB" build -q "$P/test.project")" 0 "out/.manifest, .index, .previous-series.csv linked to a FIFO, .jianbao-temps to /dev/null: the build runs, in time"
for f in .manifest .index .previous-series.csv; do
    check "out/$f is a file of its own now" test -f "$P/out/$f" -a ! -L "$P/out/$f"
done
check "the FIFO they linked to is untouched" test -p "$TMP/pipe"
check "and /dev/null is still a device" test -c /dev/null

# a symlink put at out/.cache while a build runs: the build writes on into the directory it
# opened, nothing where the link points (what it reads back through the path is not there:
# exit 4, the previous outputs kept); the next build refuses the link
P=$TMP/swap
sample_project "$P"
"$JB" build -q "$P/test.project" 2>/dev/null
mkdir -p "$TMP/swapped-to"
sed -i 's/1\.2万亿元/1.3万亿元/g' "$P/articles/2026-01-press-conference.txt"
JIANBAO_TEST_STOP_AT=extract "$JB" build -q "$P/test.project" >/dev/null 2>"$TMP/swap-err" &
pid=$!
i=0
while [ "$(ps -o stat= -p $pid | cut -c1)" != T ] && [ $i -lt $((hang * 10)) ]; do sleep 0.1; i=$((i + 1)); done
check "(the build stopped after writing an article's statements)" test "$(ps -o stat= -p $pid | cut -c1)" = T
mv "$P/out/.cache" "$P/out/.cache-moved"
ln -s "$TMP/swapped-to" "$P/out/.cache"
kill -CONT $pid
wait $pid
is "$?" 4 "the build goes on and fails (exit 4), in time"
is "$(ls -A "$TMP/swapped-to")" "" "nothing was written where the link points"
check "the products are in the directory it opened" test -n "$(find "$P/out/.cache-moved" -name '*.metrics.csv')"
check "the previous briefing is intact" qpdf --check "$P/out/briefing.pdf"
is "$(status_of "$JB" build -q "$P/test.project")" 4 "the next build refuses the link (exit 4)"
rm "$P/out/.cache"
mv "$P/out/.cache-moved" "$P/out/.cache"
is "$(status_of "$JB" build -q "$P/test.project")" 0 "with the directory back, the next build succeeds"
contains "$(pdftotext "$P/out/briefing.pdf" - 2>/dev/null)" "1.3万亿" "and its briefing has the new figure"

# --- a FIFO named like an output, the manifest or the lock: an error, never a hang
P=$TMP/fifo
sample_project "$P"
"$JB" build -q "$P/test.project" 2>/dev/null
for f in briefing.pdf .manifest .lock; do
    mv "$P/out/$f" "$TMP/saved"
    mkfifo "$P/out/$f"
    sed -i 's/1\.[23]万亿元/1.4万亿元/g' "$P/articles/2026-01-press-conference.txt"
    is "$(status_of timeout $hang "$JB" build -q "$P/test.project")" 4 "a FIFO at out/$f: exit 4, in time (124 would be a hang)"
    contains "$(cat "$TMP/err")" "out/$f: not a regular file" "naming it"
    rm "$P/out/$f"
    mv "$TMP/saved" "$P/out/$f"
    sed -i 's/1\.4万亿元/1.2万亿元/g' "$P/articles/2026-01-press-conference.txt"
done
is "$(status_of "$JB" build -q "$P/test.project")" 0 "with the FIFOs gone the build succeeds"
# series.csv is read back before it is published (what changed since the last build)
"$JB" build -q "$P/test.project" 2>/dev/null
mv "$P/out/series.csv" "$TMP/saved"
mkfifo "$P/out/series.csv"
sed -i 's/1\.2万亿元/1.4万亿元/g' "$P/articles/2026-01-press-conference.txt"
is "$(status_of timeout $hang "$JB" build -q "$P/test.project")" 4 "a FIFO at out/series.csv: exit 4, in time (it was read back first, and waited on)"
contains "$(cat "$TMP/err")" "out/series.csv: not a regular file" "naming it"
rm "$P/out/series.csv"
mv "$TMP/saved" "$P/out/series.csv"
# the cache's names are the build's own: a FIFO planted at one is replaced, not waited on
for f in "$P"/out/.cache/*; do rm "$f" && mkfifo "$f"; done
rm "$P/out/.index" "$P/out/.manifest"
sed -i 's/1\.4万亿元/1.5万亿元/g' "$P/articles/2026-01-press-conference.txt"
is "$(status_of timeout $hang "$JB" build -q "$P/test.project")" 0 "FIFOs at every cache file: the build runs, in time"
contains "$(pdftotext "$P/out/briefing.pdf" - 2>/dev/null)" "1.5万亿" "and its briefing has the new figure"
# an inputs= glob matching a FIFO: that article is an error, the others are built
mkfifo "$P/articles/zz-fifo.txt"
is "$(status_of timeout $hang "$JB" build -q "$P/test.project")" 3 "a FIFO among the articles: exit 3, in time"
contains "$(cat "$TMP/err")" "articles/zz-fifo.txt: not a regular file (a device, FIFO or socket)" "naming it"
check "the other outputs are published" qpdf --check "$P/out/briefing.pdf"
rm "$P/articles/zz-fifo.txt"
sed -i 's/1\.5万亿元/1.2万亿元/g' "$P/articles/2026-01-press-conference.txt"

# --- a symlink at out/charts: replaced by a directory, nothing written through it
P=$TMP/dirlink
sample_project "$P"
mkdir -p "$P/out" "$TMP/linked-charts"
echo mine >"$TMP/linked-charts/ai-core-industry.png"
ln -s "$TMP/linked-charts" "$P/out/charts"
is "$(status_of "$JB" build -q "$P/test.project")" 0 "a build whose out/charts is a symlink runs"
check "out/charts is a directory of its own now" test -d "$P/out/charts" -a ! -L "$P/out/charts"
check "with the chart in it" pngcheck -q "$P/out/charts/ai-core-industry.png"
is "$(cat "$TMP/linked-charts/ai-core-industry.png")" mine "and the link's target is untouched"
is "$(ls "$TMP/linked-charts" | wc -l)" 1 "(nothing else written there)"
rm -r "$TMP/linked-charts" # its one file is no PNG: out of check_outputs' way

# --- temporary files of a killed run: gone after the next build, a no-op one too
P=$TMP/killed
sample_project "$P"
"$JB" build -q "$P/test.project" 2>/dev/null
sed -i 's/1\.2万亿元/1.3万亿元/g' "$P/articles/2026-01-press-conference.txt"
JIANBAO_TEST_KILL_AT=manifest "$JB" build -q "$P/test.project" 2>/dev/null
check "kill -9 while writing the manifest leaves its temporary file" test -n "$(find "$P/out" -maxdepth 1 -name '.manifest.*.jbtmp')"
is "$(status_of "$JB" build -q "$P/test.project")" 0 "the next build succeeds"
is "$(find "$P/out" -path "$P/out/.cache" -prune -o -name '*.jbtmp' -print)" "" "and leaves no temporary file"
# a run killed writing briefing.pdf and a chart left these, recorded as it made them
echo partial >"$P/out/.briefing.pdf.Ab3dE9.jbtmp"
echo partial >"$P/out/charts/.ai-core-industry.png.zzzzz1.jbtmp"
printf '.briefing.pdf.Ab3dE9.jbtmp\ncharts/.ai-core-industry.png.zzzzz1.jbtmp\n' >>"$P/out/.jianbao-temps"
echo mine >"$P/out/.notes.txt.Ab3dE9.jbtmp" # no build made this one
is "$(status_of "$JB" build -v "$P/test.project")" 0 "a build with nothing to do"
contains "$(cat "$TMP/out" "$TMP/err")" "up to date" "(is a no-op)"
is "$(find "$P/out" -path "$P/out/.cache" -prune -o -name '*.jbtmp' -print)" "$P/out/.notes.txt.Ab3dE9.jbtmp" "and still sweeps the temporary files a killed run left, only those"
check "and its ledger of them" test ! -e "$P/out/.jianbao-temps"

# kill -9 right after a temporary file is made (before anything is written to it): every
# one is recorded before it is made, so the next build removes it — the cache's ledger's too,
# which no sweep looked for — and a user's file named like one stays
P=$TMP/killed9
sample_project "$P"
"$JB" build -q "$P/test.project" 2>/dev/null
fig=3
for tname in briefing.pdf ai-core-industry.png .jianbao-written .manifest; do
    sed -i "s/1\.[0-9]万亿元/1.${fig}万亿元/g" "$P/articles/2026-01-press-conference.txt"
    echo >>"$P/articles/2026-01-press-conference.txt" # (its size too: never taken as unchanged)
    fig=$((fig + 1))
    JIANBAO_TEST_KILL_IN_TEMP=$tname "$JB" build -q "$P/test.project" >/dev/null 2>&1
    is "$?" 137 "killed by SIGKILL in the temporary file of $tname"
    hidden=.${tname#.} # (a hidden name gets no second dot)
    left=$(find "$P/out" -name "$hidden.*.jbtmp")
    check "which is left" test -n "$left"
    mine=$(dirname "$left")/$hidden.Zz9Yy8.jbtmp
    echo mine >"$mine"
    touch -d '2 hours ago' "$left" "$mine"
    is "$(status_of "$JB" build -q "$P/test.project")" 0 "the next build succeeds"
    is "$(find "$P/out" -name "*.jbtmp")" "$mine" "and removes it, only it"
    rm "$mine"
done

# --- a full disk: the build fails with exit 4 and the next one, with space again, recovers
mnt=$TMP/small
mkdir -p "$mnt"
if mount -t tmpfs -o size=900k tmpfs "$mnt" 2>/dev/null; then
    P=$mnt/p
    sample_project "$P"
    "$JB" build -q "$P/test.project" 2>/dev/null
    fig=3
    for left in 0 16 64; do
        sed -i "s/1\.[0-9]万亿元/1.${fig}万亿元/g" "$P/articles/2026-01-press-conference.txt"
        avail=$(df -k --output=avail "$mnt" | tail -n 1)
        dd if=/dev/zero of="$mnt/fill" bs=1k count=$((avail - left)) 2>/dev/null
        first=$(status_of "$JB" build -q "$P/test.project")
        rm -f "$mnt/fill"
        is "$first" 4 "a full disk ($left KB left): exit 4"
        is "$(status_of "$JB" build -q "$P/test.project")" 0 "space again: the next build recovers by itself"
        check "its briefing is valid" qpdf --check "$P/out/briefing.pdf"
        contains "$(pdftotext "$P/out/briefing.pdf" - 2>/dev/null)" "1.${fig}万亿" "and has the new figure"
        fig=$((fig + 1))
    done
    umount "$mnt"
else
    ok 0 "# SKIP a full disk needs a tmpfs mount (root)"
fi

done_testing
