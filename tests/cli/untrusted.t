#!/bin/sh
# Untrusted specs, templates and projects: nothing they name is read from, or written to,
# outside their directory or the output directory.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
"$JB" extract -o "$TMP/m.csv" examples/[0-9]* 2>/dev/null
"$JB" reshape --period year -o "$TMP/s.csv" "$TMP/m.csv" 2>/dev/null
mkdir -p "$TMP/w"
cd "$TMP/w" || exit 1

for theme in /etc/passwd ../../etc/passwd sub/../../x.theme; do
    printf 'metric = ai.core_industry_size\ntheme = %s\n' "$theme" >t.chart
    is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec t.chart -o t.png)" 2 "theme = $theme is refused"
    contains "$(cat "$TMP/err")" "t.chart:2: theme '$theme' must be a name or a path below" "naming spec and line"
done
ln -s /etc/passwd evil.theme
printf 'metric = ai.core_industry_size\ntheme = evil.theme\n' >t.chart
is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec t.chart -o t.png)" 2 "a theme symlinked out of the directory is refused"
printf 'metric = ai.core_industry_size\ntheme = print\n' >t.chart
is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec t.chart -o t.png)" 0 "a shipped theme by name is fine"

# A template's chart block names its slide files: the name cannot climb out.
printf -- '---\ntitle: t\n---\n\n```chart ../../../escape\nmetric = ai.core_industry_size\n```\n' >esc.md
mkdir -p out
is "$(status_of "$JB" report --data "$TMP/s.csv" --png-pages -o out/b.pdf esc.md)" 0 "a template with a chart named ../../../escape builds"
check "nothing was written outside out/" test -z "$(find "$TMP" -name '*escape*' ! -path "$TMP/w/out/*")"

# A project's chart group name cannot be a path.
printf '[project]\ninputs=%s/examples/[0-9]*\ndictionary=%s/templates/metrics.ini\noutput=out2\n\n[chart ../x]\nmetric=ai.core_industry_size\n' "$ROOT" "$ROOT" >p.project
status=$(status_of "$JB" build p.project)
if [ "$status" -ne 0 ]; then ok 0 "a project chart named ../x is refused (exit $status)"; else ok 1 "a project chart named ../x is refused"; fi
check "and writes nothing outside out2/" test ! -e "$TMP/w/x.png"

# A metrics.csv names articles by path, but the report cites them by the names metrics.csv
# carries and never opens one: not /etc/passwd, not ../secret, not an absolute path to a
# file of secrets. Checked on the system calls (strace), not only on the PDF's text.
printf 'TOPSECRET-FIRST-LINE\n' >"$TMP/secret.txt"
awk -F, -v OFS=, -v secret="$TMP/secret.txt" 'NR == 1 { print; next }
    { $1 = (NR % 3 == 0) ? "/etc/passwd" : (NR % 3 == 1) ? "../secret.txt" : secret; $13 = ""; $14 = ""; $15 = ""; print }' "$TMP/m.csv" >evil.csv
"$JB" reshape --period year -o evil-s.csv evil.csv 2>/dev/null
printf -- '---\ntitle: t\n---\n\n{{ai.core_industry_size.latest}}\n\n```table\n*\n```\n' >cite.md
if command -v strace >/dev/null 2>&1; then
    # (LeakSanitizer cannot run under ptrace: leaks are checked by the run without strace)
    status=$(ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" status_of strace -f -qq -e trace=open,openat,stat,newfstatat,readlink -o "$TMP/trace" "$JB" report --data evil-s.csv --metrics evil.csv -o cite.pdf cite.md)
    is "$status" 0 "a briefing from a metrics.csv whose sources are /etc/passwd, ../secret.txt and an absolute path builds"
    is "$(grep -c -e passwd -e secret.txt "$TMP/trace")" 0 "and none of those files is opened or even looked at (strace)"
    contains "$(cat "$TMP/trace")" "cite.md" "(the trace holds the files it did open: the template)"
else
    is "$(status_of "$JB" report --data evil-s.csv --metrics evil.csv -o cite.pdf cite.md)" 0 "a briefing from sources named /etc/passwd and ../secret.txt builds"
    ok 0 "# SKIP strace is not installed (tools/deps.sh test installs it)"
fi
text=$(pdftotext cite.pdf - 2>/dev/null)
case $text in *TOPSECRET*|*root:x:0*) ok 1 "no line of those files is in the PDF" ;; *) ok 0 "no line of those files is in the PDF" ;; esac
contains "$text" "passwd" "the file name is what cites them (no publisher or title given)"

# A dictionary, a project or a theme that is not a key file is refused naming its line,
# never quoting it (GLib's message quotes the line: the first line of /etc/passwd)
for dict in /etc/passwd "$TMP/secret.txt"; do
    is "$(status_of "$JB" chart --data "$TMP/s.csv" --metric ai.core_industry_size --dict "$dict" -o d.png)" 3 "--dict $dict is refused"
    is "$(cat "$TMP/err")" "jianbao: chart: $dict:1: not a key file line ([group], key = value or # comment)" "naming its line, quoting nothing of it"
done
printf '[dictionary]\nextends = %s\n' "$TMP/secret.txt" >ext.ini
is "$(status_of "$JB" reshape --dict ext.ini "$TMP/m.csv")" 3 "a dictionary extending a file of secrets is refused"
contains "$(cat "$TMP/err")" "secret.txt:1: not a key file line" "naming the file and line"
is "$(status_of "$JB" build "$TMP/secret.txt")" 3 "a project that is not a key file is refused"
contains "$(cat "$TMP/err")" "secret.txt:1: not a key file line" "naming the file and line"
printf 'metric = ai.core_industry_size\ntheme = s.theme\n' >th.chart
cp "$TMP/secret.txt" s.theme
is "$(status_of "$JB" chart --data "$TMP/s.csv" --spec th.chart -o th.png)" 2 "a theme that is not a key file is refused"
contains "$(cat "$TMP/err")" "s.theme:1: not a key file line ([group], key = value or # comment) (a theme)" "naming the file and line"
case $(cat "$TMP"/err) in *TOPSECRET*) ok 1 "no message quotes a secret" ;; *) ok 0 "no message quotes a secret" ;; esac

# Only http, https and mailto links reach the PDF: a template's other links are refused
# naming their line; a metrics.csv url of another scheme (it came from a web page) is shown
# as text without a link
for u in 'file:///etc/passwd' 'javascript:alert(1)' 'JAVASCRIPT:x' 'other.pdf'; do
    printf -- '---\ntitle: t\n---\n\n见[链接](%s)。\n' "$u" >lk.md
    is "$(status_of "$JB" report --data "$TMP/s.csv" -o lk.pdf lk.md)" 2 "a template link to $u is refused"
    is "$(cat "$TMP/err")" "jianbao: report: lk.md:5: link '$u': only http, https and mailto links are kept" "naming its line"
done
printf -- '---\ntitle: t\n---\n\n见[链接](https://example.org/a)与<mailto:desk@example.org>。\n' >lk.md
is "$(status_of "$JB" report --data "$TMP/s.csv" -o lk.pdf lk.md)" 0 "https and mailto links are kept"
is "$(qpdf --qdf --object-streams=disable lk.pdf - | grep -a -o '/URI ([a-z]*:' | sort -u | tr '\n' ' ')" "/URI (https: /URI (mailto: " "as links in the PDF"
awk -F, -v OFS=, 'NR == 1 { print; next } { $15 = (NR % 2) ? "javascript:alert(1)" : "file:///etc/passwd"; print }' "$TMP/m.csv" >badurl.csv
printf -- '---\ntitle: t\n---\n\n{{ai.core_industry_size.latest}}\n' >cite2.md
is "$(status_of "$JB" report --data "$TMP/s.csv" --metrics badurl.csv -o url.pdf cite2.md)" 0 "sources whose url is javascript: or file: build"
contains "$(pdftotext url.pdf - 2>/dev/null | tr -d "\n")" "file:///etc/" "the url is shown as text"
is "$(qpdf --qdf --object-streams=disable url.pdf - | grep -a -c -e '/URI (javascript' -e '/URI (file')" 0 "but is no link"

# Writing over an input is refused by every command, whatever name reaches it (a link),
# before anything is written; and every output takes the umask
cp "$TMP/m.csv" in.csv
cp "$TMP/s.csv" in-s.pdf # a series.csv whatever its name (removed below: not a PDF)
ln -sf in.csv in-link.csv
mkdir -p cx && cp "$TMP/m.csv" cx/conflicts.csv
printf -- '---\ntitle: t\n---\n\n{{ai.core_industry_size.latest}}\n' >self.md
for c in "reshape -o in.csv in.csv" "reshape -o in-link.csv in.csv" "reshape -o s2.csv -c in.csv in.csv" \
         "reshape -o cx/series.csv cx/conflicts.csv" "suggest -o in.csv in.csv" \
         "report --data in-s.pdf -o in-s.pdf self.md" "chart --data in-s.pdf --metric ai.core_industry_size -o in-s.pdf"; do
    before=$(cat in.csv cx/conflicts.csv in-s.pdf | cksum)
    # shellcheck disable=SC2086
    is "$(status_of "$JB" $c)" 2 "$c: refused (exit 2)"
    contains "$(cat "$TMP/err")" "is also an input" "$c: says the output is an input"
    is "$(cat in.csv cx/conflicts.csv in-s.pdf | cksum)" "$before" "$c: the inputs are untouched"
done
rm in-s.pdf
rm -rf um && mkdir um
(umask 027
 "$JB" reshape -o um/s.csv "$TMP/m.csv" 2>/dev/null
 "$JB" chart --data "$TMP/s.csv" --metric ai.core_industry_size -o um/c.png
 "$JB" report --data "$TMP/s.csv" -o um/b.pdf self.md 2>/dev/null
 "$JB" suggest -o um/x.ini "$TMP/m.csv" >/dev/null)
is "$(stat -c %a um/s.csv um/conflicts.csv um/c.png um/b.pdf um/x.ini | sort -u)" 640 "under umask 027 every output is 640"

# A --data or --metrics that is no series or metrics table is an error naming it (a briefing
# whose template names no figure was written from it, exit 0), quoting none of it
printf 'root:TOPSECRET:0:0:root:/root:/bin/sh\n' >notcsv
printf -- '---\ntitle: t\n---\n\n正文。\n' >plain.md
is "$(status_of "$JB" report --data notcsv -o nd.pdf plain.md)" 3 "report --data of another kind of file: exit 3"
is "$(cat "$TMP/err")" "jianbao: report: notcsv:1: not a series table (needs metric_id, period, value)" "naming it, quoting none of it"
is "$(status_of "$JB" report --data "$TMP/s.csv" --metrics notcsv -o nd.pdf plain.md)" 3 "the same for --metrics"

done_testing
