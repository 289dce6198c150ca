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
for limit in 40000 60000 100000; do
    st=$( (ulimit -v $limit; "$JB" report --data s.csv -o b.pdf t.md 2>err); echo $?)
    if [ "$st" -le 1 ]; then # done (1: with warnings, such as fonts pango could not load)
        if qpdf --check b.pdf >/dev/null 2>&1; then
            ok 0 "report in $limit KB: done (exit $st), a valid PDF"
        else # a known bug, said as TAP's TODO: it does not fail the suite, and shows
            n=$((n + 1))
            echo "not ok $n - report in $limit KB: done (exit $st), a valid PDF # TODO cairo 1.16 writes a damaged PDF (an object it never writes) when pango cannot load a font in the memory left, with no error status"
        fi
    else
        case $(grep '^jianbao:' err) in
        "jianbao: report: out of memory ("*|"jianbao: crashed (out of memory"*) ok 0 "report in $limit KB: exit $st, and one line saying why" ;;
        *) ok 1 "report in $limit KB: exit $st, and one line saying why"; sed 's/^/#   /' err | head -5 ;;
        esac
        check "and no PDF is written" test ! -e b.pdf
    fi
    rm -f b.pdf
done
done_testing
