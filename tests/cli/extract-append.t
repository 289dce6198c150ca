#!/bin/sh
# extract --append: many processes adding to one metrics.csv at once (xargs -P) never
# interleave or lose rows, the header is written once, a batch goes in whole or not at all,
# and a batch a killed appender left half-written is undone by the next one.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/scale/archive.sh"
archive_project "$TMP" 120
cd "$TMP" || exit 1
"$JB" extract -o one.csv articles/* 2>/dev/null
rows=$(sed 1d one.csv | wc -l)
ok $((rows <= 400)) "one run over 120 articles: $rows rows (over 400)"

# 8 at once, 3 articles each: 40 processes appending to one file
ls articles/* | xargs -n 3 -P 8 "$JB" extract --append -o all.csv 2>"$TMP/xargs.err"
is "$?" 0 "xargs -P 8 of 40 appending processes succeeds"
is "$(grep -c '^source,published,' all.csv)" 1 "the header is written once"
is "$(head -n 1 all.csv)" "$(head -n 1 one.csv)" "and first"
sed 1d one.csv | sort >"$TMP/want"
sed 1d all.csv | sort >"$TMP/got"
check "the same rows as one run, none lost, none repeated, none torn" cmp "$TMP/want" "$TMP/got"
# each process's rows are one block: an article's rows are never split by another's
is "$(sed 1d all.csv | cut -d, -f1 | uniq | wc -l)" "$(sed 1d all.csv | cut -d, -f1 | sort -u | wc -l)" \
    "each article's rows stay together"

# The lock: while another process holds it (flock(1) takes the same flock), an appender waits.
size=$(wc -c <all.csv)
hold_lock all.csv
"$JB" extract --append -o all.csv articles/003-* 2>/dev/null &
appender=$!
sleep 1.5 # (the lock is held until release_lock, however long this takes)
is "$(wc -c <all.csv)" "$size" "an appender waits while another holds the lock"
release_lock
wait "$appender"
is "$?" 0 "and appends once it is released"
ok $(($(wc -c <all.csv) <= size)) "its rows are there"

# Appending to a file of another kind, to stdout, or without a file
echo 'metric_id,period' >other.csv
is "$(status_of "$JB" extract --append -o other.csv articles/000-*)" 2 "a file with another header: refused"
contains "$(cat "$TMP/err")" "other.csv: does not begin with the header" "saying so"
is "$(cat other.csv)" "metric_id,period" "and it is left as it was"
is "$(status_of "$JB" extract --append articles/000-*)" 2 "--append without -o: usage"
ln -s one.csv link.csv
is "$(status_of "$JB" extract --append -o link.csv articles/000-*)" 2 "a symbolic link: refused"

# A failed run appends nothing (--strict stops at an empty article)
cp all.csv before.csv
: >empty.txt
is "$(status_of "$JB" extract --strict --append -o all.csv articles/001-* empty.txt)" 3 "a --strict run that fails"
check "appends nothing" cmp all.csv before.csv

# A batch cut short (the appender killed mid-copy) is undone by the next appender: the journal
# beside the file holds the size before it.
size=$(wc -c <all.csv)
echo "$size" >.all.csv.append
printf 'articles/x.md,2024-01-01,2024,半行' >>all.csv
is "$(status_of "$JB" extract --append -o all.csv articles/002-*)" 1 "the next append (exit 1: a warning)"
contains "$(cat "$TMP/err")" "all.csv: an append that did not complete (killed?) was undone" "says what it undid"
is "$(grep -c '半行' all.csv)" 0 "the torn row is gone"
is "$(head -c "$size" all.csv | cmp - before.csv && echo same)" same "what was there before is intact"
is "$(sed 1d all.csv | wc -l)" "$(($(sed 1d before.csv | wc -l) + $("$JB" extract articles/002-* 2>/dev/null | sed 1d | wc -l)))" \
    "followed by the new batch, whole"
check "and the journal is gone" test ! -e .all.csv.append
done_testing
