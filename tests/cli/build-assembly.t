#!/bin/sh
# An edit that leaves every article's statements as they were (words around the figures, a
# line that states none) assembles nothing: the changed article is extracted again, its
# statements are found the same (by the digest of its cache file; the index records every
# other article's, so none of those is opened), and the outputs are the previous build's,
# byte for byte what a build that assembles everything writes. An edit of a figure, a name
# or the set of articles assembles as before.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/scale/archive.sh"
archive_project "$TMP/a" 200
cd "$TMP/a" || exit 1
"$JB" build -q 2>/dev/null
sleep 3 # old enough for the index to record the articles (jb_build_index.c)
"$JB" build -q 2>/dev/null
cp -R "$TMP/a" "$TMP/before"
for f in metrics.csv series.csv briefing.pdf warnings.csv; do cp "out/$f" "$TMP/$f.before"; done
# the same edit twice: here, and in a copy whose manifest has lost its assembly key (so it
# assembles everything, as before this existed)
cp -R "$TMP/a" "$TMP/b"
sed -i '/^assembly=/d' "$TMP/b/out/.manifest"
edited=$(ls articles | grep press-conference | sed -n 3p)
for d in "$TMP/a" "$TMP/b"; do printf '\n稿件 另有改动\n' >>"$d/articles/$edited"; done
st=$(status_of "$JB" build -v --log "$TMP/log")
is "$st" 0 "a build after an edit of words only"
contains "$(cat "$TMP/err")" "the statements of all 200 articles are the last build's (1 extracted again): nothing assembled" \
    "finds every article's statements as they were, and assembles nothing"
contains "$(cat "$TMP/err")" "articles/$edited: extracted again: the same statements" "the edited article is extracted"
contains "$(tail -n 1 "$TMP/log")" '"up_to_date":false,"articles":200,"statements":' "it is not up to date (an article changed)"
contains "$(tail -n 1 "$TMP/log")" '"ran":1,"reused":199,"written":0' "one unit ran, nothing was written"
for f in metrics.csv series.csv briefing.pdf warnings.csv; do
    check "out/$f as before the edit" cmp "out/$f" "$TMP/$f.before"
done
(cd "$TMP/b" && "$JB" build -v) 2>"$TMP/b.err"
is "$(grep -c 'nothing assembled' "$TMP/b.err")" 0 "without the key, the copy assembles"
for f in metrics.csv series.csv briefing.pdf warnings.csv .manifest; do
    if [ "$f" = .manifest ]; then
        is "$(grep -v '^assembly=' out/.manifest)" "$(grep -v '^assembly=' "$TMP/b/out/.manifest")" \
            "and its manifest is this one's"
    else
        check "and writes the same out/$f" cmp "out/$f" "$TMP/b/out/$f"
    fi
done
"$JB" build -q
is "$?" 0 "then a no-op build"

# No statements file of an unchanged article is opened (strace: the work is the change's);
# the build that assembles reads them all.
traced() { # traced FILE: jianbao build -v under strace, its opens in FILE, stderr in $TMP/err
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -qq -e trace=open,openat -o "$1" "$JB" build -v 2>"$TMP/err"
}
# (an O_PATH open reads nothing: jb_atomic holds the file a write replaces so, until renamed)
opened() { grep -v O_PATH "$1" | grep -Ec '\.cache/[0-9a-f]{64}\.csv'; }
has_strace=$(command -v strace >/dev/null 2>&1 && echo 1)
sleep 3
printf '\n稿件 又一处改动\n' >>"articles/$edited"
if [ -n "$has_strace" ]; then
    traced "$TMP/trace"
    contains "$(cat "$TMP/err")" "nothing assembled" "an edit of words again: nothing assembled"
    is "$(opened "$TMP/trace")" 0 "and no statements file opened (the edited article's is written)"
else
    "$JB" build -q
    echo "ok $((n = n + 1)) # skip strace is not installed"
    echo "ok $((n = n + 1)) # skip strace is not installed"
fi

# A figure changed: assembled, and what a build from nothing writes.
sed -i '0,/60012亿/s//60099亿/' "articles/$edited"
if [ -n "$has_strace" ]; then
    traced "$TMP/trace"
    ok $(($(opened "$TMP/trace") < 199)) "a figure changed: the statements files are read ($(opened "$TMP/trace"))"
else
    "$JB" build -v 2>"$TMP/err"
    echo "ok $((n = n + 1)) # skip strace is not installed"
fi
is "$(grep -c 'nothing assembled' "$TMP/err")" 0 "a figure changed: assembled"
contains "$(cat out/metrics.csv)" "6009900000000" "metrics.csv has the new figure"
mkdir "$TMP/fresh" && cp -R articles jianbao.project "$TMP/fresh/"
(cd "$TMP/fresh" && "$JB" build -q)
for f in metrics.csv series.csv warnings.csv; do
    check "out/$f is what a build from nothing writes" cmp "out/$f" "$TMP/fresh/out/$f"
done
# A name changed, statements the same: assembled (the source column names it).
mv "articles/$edited" "articles/zz-$edited"
"$JB" build -v 2>"$TMP/err"
is "$(grep -c 'nothing assembled' "$TMP/err")" 0 "an article renamed: assembled"
contains "$(cat out/metrics.csv)" "articles/zz-$edited" "under its new name"
done_testing
