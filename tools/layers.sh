#!/bin/sh
# The layer check: a folder of src/ may include headers of its own and of the folders below
# it, never of a folder above. Order, lowest first, as in the Makefile's LAYERS.
# Prints TAP (one test per source file) so `make check` runs it with the rest.
set -u
cd "$(dirname "$0")/.." || exit 1
layers="core number article extract series chart report build cli"
rank() { i=0; for l in $layers; do [ "$l" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done; echo 99; }
files=$(for l in $layers; do find "src/$l" -maxdepth 1 -name '*.[ch]' | LC_ALL=C sort; done)
echo "1..$(echo "$files" | wc -l)"
n=0
for f in $files; do
    n=$((n + 1))
    own=$(basename "$(dirname "$f")")
    bad=""
    for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
        where=$(for l in $layers; do [ -e "src/$l/$inc" ] && echo "$l"; done)
        if [ -z "$where" ]; then
            bad="$bad $inc (no such header under src/)"
        elif [ "$(rank "$where")" -gt "$(rank "$own")" ]; then
            bad="$bad $inc (layer $where is above $own)"
        fi
    done
    if [ -z "$bad" ]; then echo "ok $n - $f"; else echo "not ok $n - $f includes$bad"; fi
done
