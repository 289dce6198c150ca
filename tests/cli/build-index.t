#!/bin/sh
# OUT/.index is read as a stream, merge-joined with the inputs in one bytewise order (never
# held whole): a record missing, one of an article no longer there, one out of order or
# damaged costs the read of what it no longer vouches for, nothing more and never a wrong
# output; a no-op build that keeps the articles' records copies them as they were.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/scale/archive.sh"
archive_project "$TMP/p" 30
cd "$TMP/p" || exit 1
"$JB" build -q 2>/dev/null
sleep 3 # old enough for the index to vouch for them (jb_build_index.c)
"$JB" build -q 2>/dev/null
is "$(sed 1d out/.index | grep -vc '^out ')" 30 "the index records the 30 articles"
cp out/metrics.csv out/series.csv out/warnings.csv "$TMP/"
sed 1d out/.index | grep -v '^out ' >"$TMP/records"
sleep 3
"$JB" build -q 2>/dev/null # records the outputs: the articles' lines are kept, copied
is "$(sed 1d out/.index | grep -v '^out ')" "$(cat "$TMP/records")" \
    "a no-op build that records the outputs copies the articles' records as they were"
"$JB" build -v 2>"$TMP/err"
contains "$(cat "$TMP/err")" "30 articles known unchanged by the index (size, times, inode), 0 read" \
    "and the next no-op reads no article"

# reindex FILTER: the index's article lines through the awk program FILTER, its CRC made
# anew (so it is not damaged, only different), the digest "-" (articles are looked up)
reindex() {
    python3 - "$1" <<'PY'
import subprocess, sys, zlib
lines = open("out/.index", "rb").read().split(b"\n")[1:-1]
arts = [l for l in lines if not l.startswith(b"out ")]
outs = [l for l in lines if l.startswith(b"out ")]
arts = subprocess.run(["awk", sys.argv[1]], input=b"\n".join(arts) + b"\n",
                      capture_output=True, check=True).stdout.splitlines()
body = b"".join(l + b"\n" for l in arts + outs)
open("out/.index", "wb").write(b"jianbao-index-3 %08x -\n" % zlib.crc32(body) + body)
PY
}
unchanged() { # unchanged VOUCHED READ NAME: a build after the index was altered
    rm -f out/.manifest # (else the outputs' top key says up to date before any lookup)
    "$JB" build -v 2>"$TMP/err"
    contains "$(cat "$TMP/err")" "$1 articles known unchanged by the index (size, times, inode), $2 read" "$3"
    for f in metrics.csv series.csv warnings.csv; do
        check "$3: $f as it was" cmp "out/$f" "$TMP/$f"
    done
}
reindex 'NR != 12'
unchanged 29 1 "a record missing in the middle: that article is read, the 29 others are not"
sleep 3
"$JB" build -q 2>/dev/null # recorded again
reindex 'NR == 12 {print; sub(/ articles\//, " articles/0-gone-")} {print}'
unchanged 30 0 "a record of an article no longer there is passed over"
sleep 3
"$JB" build -q 2>/dev/null
reindex 'NR == 5 {held = $0; next} {print} NR == 20 {print held}'
unchanged 29 1 "a record out of order: only its own article is read"
sleep 3
"$JB" build -q 2>/dev/null
reindex 'NR == 8 {print "damaged"; next} {print}'
unchanged 7 23 "a damaged record ends what the index vouches for"
sleep 3
"$JB" build -q 2>/dev/null
head -c -1 out/.index >"$TMP/cut" && cp "$TMP/cut" out/.index
unchanged 0 30 "an index whose last line is cut is damaged: every article is read"
done_testing
