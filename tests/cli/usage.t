#!/bin/sh
# The command line: help, version, and one clear line with exit 2 for usage errors.
. "$(dirname "$0")/lib.sh"

is "$(status_of "$JB" --help)" 0 "--help exits 0"
contains "$(cat "$TMP/out")" "Usage: jianbao COMMAND" "--help prints usage"
is "$(status_of "$JB" --version)" 0 "--version exits 0"
contains "$(cat "$TMP/out")" "jianbao 0." "--version prints the version"

for cmd in extract reshape chart report build number; do
    is "$(status_of "$JB" $cmd --help)" 0 "$cmd --help exits 0"
    contains "$(cat "$TMP/out")" "jianbao $cmd" "$cmd --help names the command"
    is "$(status_of "$JB" $cmd --no-such-option)" 2 "$cmd: unknown option exits 2"
    is "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "$cmd: unknown option gives one line"
    contains "$(cat "$TMP/err")" "jianbao: $cmd: " "$cmd: error line names the stage"
done

is "$(status_of "$JB" frobnicate)" 2 "unknown command exits 2"
contains "$(cat "$TMP/err")" "unknown command 'frobnicate'" "unknown command is named"
is "$(status_of "$JB")" 2 "no command exits 2"

is "$(status_of "$JB" extract "$TMP/missing.txt")" 2 "extract: missing file exits 2"
is "$(cat "$TMP/err")" "jianbao: extract: $TMP/missing.txt: no such file" "extract: missing file named in one line"
is "$(status_of "$JB" reshape "$TMP/missing.csv")" 2 "reshape: missing file exits 2"
is "$(status_of "$JB" report "$TMP/missing.md")" 2 "report: missing template exits 2"
is "$(status_of "$JB" build "$TMP/missing.project")" 2 "build: missing project exits 2"
is "$(status_of "$JB" chart --data "$TMP/missing.csv" --metric x -o "$TMP/x.png")" 2 "chart: missing data exits 2"
is "$(status_of "$JB" chart --metric x)" 2 "chart: no -o exits 2"

done_testing
