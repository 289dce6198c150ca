#!/bin/sh
# Out of memory (ulimit -v): one line saying so and a non-zero exit, never a bare abort or
# a silent crash, and no output file. Not under the sanitizers (ASan reserves terabytes of
# address space: any ulimit -v stops it before main).
. "$(dirname "$0")/lib.sh"
case ${BUILD:-build} in *san*)
    echo "1..0 # SKIP address-space limits and ASan do not mix"
    exit 0 ;;
esac
cd "$TMP" || exit 1
head -c 50000000 /dev/zero | tr '\0' a >big.txt
st=$( (ulimit -v 60000; "$JB" extract -o m.csv big.txt 2>err) ; echo $?)
is "$st" 3 "extract of a 50 MB article in 60 MB of address space: exit 3"
contains "$(cat err)" "jianbao: extract: out of memory (" "saying it ran out of memory"
check "and no metrics.csv is written" test ! -e m.csv

"$JB" extract -o m.csv "$ROOT"/examples/[0-9]* 2>/dev/null
"$JB" reshape -o s.csv m.csv 2>/dev/null
awk 'BEGIN { printf "---\ntitle: t\n---\n\n"; for (i = 0; i < 4000; i++) printf "产业规模超过四千亿元，"; print "" }' >t.md
# Drawing in too little memory, at limits where it fails in each of its ways: GLib cannot
# start fontconfig's thread, cairo runs out (an error status), pango cannot load a font
# (cairo 1.16 then draws boxes, or finishes a PDF missing an object, with no error status:
# jianbao catches both), cmark or GLib abort. Each run either finishes with a valid file or
# fails with one line saying memory ran out, no file and no temporary file left.
oom_case() { # LIMIT_KB OUT CHECK CMD...: CHECK validates OUT
    limit=$1 out=$2 valid=$3
    shift 3
    rm -f "$out"
    st=$( (ulimit -v "$limit"; timeout 120 "$@" 2>err); echo $?)
    what="$2 -o $out in $limit KB"
    if [ "$st" -le 1 ]; then # done (1: with warnings)
        if $valid "$out" >/dev/null 2>&1; then ok 0 "$what: done (exit $st), a valid file"
        else ok 1 "$what: done (exit $st), a valid file"; fi
    else
        case $st:$(grep '^jianbao:' err | grep -v ': no font has a glyph\|: Assertion ') in
        "3:jianbao: $2: out of memory"*|"3:jianbao: $2: $out: out of memory"*)
            ok 0 "$what: exit $st, and one line saying memory ran out" ;;
        *) ok 1 "$what: exit $st, and one line saying memory ran out"; grep -v Pango-WARN err | sed 's/^/#   /' | head -5 ;;
        esac
        check "$what: and no file is written" test ! -e "$out"
    fi
    check "$what: no temporary file is left" test -z "$(find . -name '*.jbtmp')"
}
# (37500 KB: GLib's slice allocator aborted, exit 134, until jianbao sent it to malloc)
for limit in 30000 35000 37500 40000 45000 60000 100000; do
    oom_case $limit b.pdf "qpdf --check" "$JB" report --data s.csv -o b.pdf t.md
    oom_case $limit c.pdf "qpdf --check" "$JB" chart --data s.csv --metric ai.core_industry_size -o c.pdf
    oom_case $limit c.png pngcheck "$JB" chart --data s.csv --metric ai.core_industry_size -o c.png
done
# A build, whose workers run out too: at 22000 KB no worker thread could start and the build
# waited for them for ever, its lock held; at 30000 GLib's message that memory ran out ran
# out of memory itself, recursing until the stack overflowed (SIGSEGV, no word); fontconfig
# crashes or asserts on the NULL it gets (70000, 58000). Each now ends in one line, exit 3.
sample_project proj
for limit in 22000 30000 58000 70000 94000; do
    rm -rf proj/out
    oom_case $limit proj/out/briefing.pdf "qpdf --check" "$JB" build -q proj/test.project
done
done_testing
