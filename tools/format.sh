#!/bin/sh
# make format / make format-check: clang-format (.clang-format) over the C sources (the
# benchmarks' too).
# Usage: tools/format.sh fix|check
# Files listed in tools/format-pending (one path a line) are not formatted yet: they are left
# alone until their owners format them in a commit of their own (a pure-format commit per
# file keeps history readable); every other file, new ones included, must be clean.
set -eu
cd "$(dirname "$0")/.."
mode=${1:-check}
CF=${CLANG_FORMAT:-clang-format}
files=$(find src tests/unit tests/fuzz tests/bench -name '*.[ch]' | LC_ALL=C sort | grep -vxF -f tools/format-pending || true)
pending=$(grep -c . tools/format-pending || true)
if [ "$mode" = fix ]; then
    # shellcheck disable=SC2086
    $CF -i --style=file $files
    echo "format: $(echo "$files" | wc -l) files formatted; $pending pending (tools/format-pending)"
    exit 0
fi
bad=""
for f in $files; do
    $CF --style=file --dry-run -Werror "$f" >/dev/null 2>&1 || bad="$bad $f"
done
if [ -n "$bad" ]; then
    echo "format-check: not clang-formatted (run make format):$bad" >&2
    exit 1
fi
echo "format-check: $(echo "$files" | wc -l) files clean; $pending pending (tools/format-pending)"
