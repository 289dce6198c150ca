#!/bin/sh
# Functions over FN lines and files over FL lines in src/ (defaults 120 and 700, the house
# limits; `make check` fails on any that does not say why: tools/size-limits.sh). A function
# is what the house style writes: a line naming it, `{` alone at column 0 after the
# signature (on one line or more), and the `}` at column 0 that closes it. One whose comment
# says why it is long ("Over N lines because …", in the comment right above it; for a file,
# in its first comment) is marked "(says why)".
# Usage: tools/long-functions.sh [FN [FL]]
set -eu
cd "${ROOT:-$(dirname "$0")/..}"
FN=${1:-120}
FL=${2:-700}
files=$(find src -name '*.[ch]' | LC_ALL=C sort)
echo "== files over $FL lines"
for f in $files; do
    n=$(wc -l <"$f")
    [ "$n" -gt "$FL" ] || continue
    why=$(sed -n '1,/\*\//p' "$f" | grep -qE '[Oo]ver [0-9]+ lines' && echo ' (says why)' || true)
    echo "$n $f$why"
done | sort -rn
echo "== functions over $FN lines"
# shellcheck disable=SC2086
awk -v max="$FN" '
    FNR == 1 { prev = ""; above = ""; start = 0 }
    !start && /^$/ { above = "" }
    !start && /^(\/\*| \*)/ { above = above $0 }
    /^\{$/ && !start && last ~ /\)[ \t]*$/ && prev ~ /\(/ {
        start = FNR; name = prev; sub(/\(.*/, "", name); n = split(name, w, /[ *]+/)
        name = w[n]; why = above ~ /[Oo]ver [0-9]+ lines/
    }
    /^\}/ && start {
        len = FNR - start + 1
        if (len > max) printf "%d %s:%d %s%s\n", len, FILENAME, start, name, why ? " (says why)" : ""
        start = 0; above = ""
    }
    !start && $0 !~ /^[ \t]/ && $0 != "{" && $0 !~ /^(\/\*| \*)/ { prev = $0 }
    { last = $0 } # (a signature may go on over indented lines: its last closes it)
' $files | sort -rn
