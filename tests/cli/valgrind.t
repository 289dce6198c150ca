#!/bin/sh
# An end-to-end build under valgrind: no memory errors, nothing definitely lost in jianbao.
. "$(dirname "$0")/lib.sh"

if ldd "$JB" 2>/dev/null | grep -q libasan; then
    echo "1..0 # SKIP the sanitizer build cannot run under valgrind"
    exit 0
fi
mkdir -p "$TMP/p"
cp -r "$ROOT/examples" "$TMP/p/"
cat >"$TMP/p/v.project" <<EOP
[project]
inputs=examples/[0-9]*
dictionary=$ROOT/templates/metrics.ini
template=$ROOT/examples/briefing.md
output=out

[chart ai]
metric=ai.core_industry_size
EOP
status=$(status_of valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$ROOT/tests/valgrind.supp" --error-exitcode=9 "$JB" build -q "$TMP/p/v.project")
is "$status" 0 "jianbao build is valgrind-clean"
[ "$status" = 0 ] || sed 's/^/# /' "$TMP/err" | head -40
check "and it built the briefing" test -s "$TMP/p/out/briefing.pdf"
done_testing
