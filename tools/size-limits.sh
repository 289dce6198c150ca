#!/bin/sh
# The size check of `make check` (issue #18): no file of src/ over 700 lines and no function
# over 120, unless its comment says why ("Over N lines because …", as tools/long-functions.sh
# reads it). Prints TAP: one test for the files, one for the functions; each one over its
# limit is named by file and line, on the test's line and on stderr (prove shows stderr).
set -u
cd "$(dirname "$0")/.." || exit 1
report=$(sh tools/long-functions.sh) || { echo "1..0 # Skip: tools/long-functions.sh failed"; exit 1; }
# "== files over 700 lines" then "784 src/x.c", "== functions over 120 lines" then
# "130 src/x.c:414 name", each marked " (says why)" when its comment says why
files=$(echo "$report" | sed -n '/^== files/,/^== functions/p' | grep -v '^==' | grep -v '(says why)$' |
    awk '{ printf "%s:1: the file is %d lines (over 700) and its first comment does not say why\n", $2, $1 }')
funcs=$(echo "$report" | sed -n '/^== functions/,$p' | grep -v '^==' | grep -v '(says why)$' |
    awk '{ printf "%s: %s is %d lines (over 120) and the comment above it does not say why\n", $2, $3, $1 }')
echo "1..2"
n=0
failed=0
for kind in files funcs; do
    n=$((n + 1))
    eval "list=\$$kind"
    what=$([ "$kind" = files ] && echo "no file of src/ over 700 lines" || echo "no function of src/ over 120 lines")
    if [ -z "$list" ]; then
        echo "ok $n - $what (or its comment says why)"
    else
        failed=1
        echo "not ok $n - $what: $(echo "$list" | tr '\n' ';' | sed 's/;/; /g; s/; $//')"
        echo "$list" | sed 's/^/size-limits: /' >&2
        echo "size-limits: split it by what its parts do, or say why in its comment (\"Over N lines because …\")" >&2
    fi
done
exit $failed
