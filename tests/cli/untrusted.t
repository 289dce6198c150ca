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

done_testing
