#!/bin/sh
# The project file is read strictly: an unknown section or key, a bad value or a missing
# file is an error (exit 2) naming the file and its real line, with the near spelling.
. "$(dirname "$0")/lib.sh"
sample_project "$TMP/p"
cd "$TMP/p" || exit 1
bad() { # bad SED-EXPR EXPECTED NAME: test.project edited by SED-EXPR must fail saying EXPECTED
    sed "$1" test.project >bad.project
    is "$(status_of "$JB" build -q bad.project)" 2 "$3: exit 2"
    is "$(cat "$TMP/err")" "jianbao: build: $2" "$3: the message"
}
bad 's/^template=/templat=/' \
    "bad.project:4: unknown key 'templat' in [project]; did you mean 'template='?" "a typo'd key"
bad 's/^period=year/period=yaer/' \
    "bad.project:6: period=yaer: expected one of year, keep; did you mean 'year'?" "a typo'd value"
bad 's/^\[chart ai-core-industry\]/[chrat ai-core-industry]/' \
    "bad.project:8: unknown section [chrat ai-core-industry] (a project has [project] and [chart NAME]); did you mean [chart ai-core-industry]?" \
    "a typo'd section"
bad 's/^\[project\]/[projetc]/' \
    "bad.project:1: unknown section [projetc] (a project has [project] and [chart NAME]); did you mean [project]?" \
    "a typo'd [project] is named at its line, not 'no [project] section'"
bad 's/^\[project\]/[Project]/' \
    "bad.project:1: unknown section [Project] (a project has [project] and [chart NAME]); did you mean [project]?" \
    "a [project] in capitals"
bad 's/^\[chart ai-core-industry\]/[chart]/' \
    "bad.project:8: [chart] needs a name: [chart NAME] (the chart is out/charts/NAME.png)" "a chart without a name"
bad '$a [sources]' \
    "bad.project:10: unknown section [sources] (a project has [project] and [chart NAME])" \
    "a section nothing is near: no suggestion"
bad '$a tpye=bar' \
    "bad.project:10: [chart ai-core-industry]: unknown chart key 'tpye'; did you mean 'type='?" "a typo'd chart key"
bad '$a type=pie' \
    "bad.project:10: [chart ai-core-industry]: chart type 'pie' is not supported (supported: bar, hbar, grouped, stacked, line, area, combo, donut, kpi)" \
    "a bad chart value"
bad '$a type=barr' \
    "bad.project:10: [chart ai-core-industry]: chart type 'barr' is not supported (supported: bar, hbar, grouped, stacked, line, area, combo, donut, kpi); did you mean 'type=bar'?" \
    "a typo'd chart value"
bad '$a growth=autp' \
    "bad.project:10: [chart ai-core-industry]: growth=autp would be drawn as the bracket's label; did you mean 'growth=auto'? (a label that is no misspelling: write it another way)" \
    "a typo'd growth=auto (was drawn as the label 'autp')"
bad '$a theme=printt' \
    "bad.project:10: [chart ai-core-industry]: no theme named 'printt' (templates/printt.theme); did you mean 'theme=print'?" \
    "a typo'd theme"
bad '$a [project]\ninputs=elsewhere/*' \
    "bad.project:11: inputs= is given twice in [project] (first at line 2; the last would win silently)" \
    "a key given twice"
bad 's/^fail_on=.*//; $a [project]\nfail_on=sometimes' \
    "bad.project:11: fail_on=sometimes: expected one of errors, new-warnings, warnings" "a bad fail_on"
bad 's|^template=.*|template=nothere.md|' \
    "bad.project:4: template=nothere.md: no such file (looked beside the project and in jianbao's data)" \
    "a missing template"
bad 's|^\[chart ai-core-industry\]|[chart x]\ntitle=t\n[chart ai-core-industry]|' \
    "bad.project:8: [chart x] needs metric=ID" "a chart without a metric"
# a line GKeyFile refuses: named with the fix, never "not a key file line" (exit 2 like
# every typo; a file that is no key file at all is exit 3, tests/cli/untrusted.t)
bad '1i inputs=articles/*' \
    "bad.project:1: inputs= is outside any section: it belongs under [project], which begins at line 2" \
    "a key above every section"
bad 's/^\[project\]/[project/' \
    "bad.project:1: [project has no closing ']'; did you mean [project]?" "[project without its ]"
bad 's/^\[project\]/projcet]/' \
    "bad.project:1: projcet] has no opening '['; did you mean [project]?" "projcet] without its ["
bad 's/^\[chart ai-core-industry\]/[chart ai-core-industry/' \
    "bad.project:8: [chart ai-core-industry has no closing ']'; did you mean [chart ai-core-industry]?" \
    "[chart NAME without its ]"
bad 's/^period=year/period year/' \
    "bad.project:6: period has no '=' (key = value); did you mean period=…?" "a key without its ="
bad 's/^\[project\]//' \
    "bad.project:2: inputs= is outside any section: it belongs under [project] (add that line above it)" \
    "no [project] line at all"
# the project's dictionary is read as strictly (its own lines, not what it extends)
dict_bad() { # dict_bad TEXT EXPECTED NAME: a dictionary of TEXT must fail saying EXPECTED
    printf '[dictionary]\nextends=templates/metrics.ini\n\n%b' "$1" >mine.ini
    sed "s|^dictionary=.*|dictionary=mine.ini|" test.project >bad.project
    is "$(status_of "$JB" build -q bad.project)" 2 "$3: exit 2"
    is "$(cat "$TMP/err")" "jianbao: build: mine.ini:$2" "$3: the message"
}
dict_bad '[mine.x]\nlabel=某指标\nunit=个\naliasses=某指标\n' \
    "7: [mine.x]: unknown key 'aliasses'; did you mean 'aliases='?" "a typo'd metric key (was silently a metric with no alias)"
dict_bad '[scop]\nplaces=火星\n' \
    "4: [scop]: unknown section (a metric's id is area.name: mine.robot_density); did you mean [scope]?" \
    "a typo'd section (was 'needs label= and unit=')"
dict_bad '[mine.x]\nlabel=某指标\nunit=个\ndaily=yes\n' "7: [mine.x]: daily=yes: expected true or false" "a bad daily="
dict_bad '[mine.x\nlabel=某指标\nunit=个\n' "4: [mine.x has no closing ']'; did you mean [mine.x]?" "[mine.x without its ]"
dict_bad '[mine.x]\nlabel=某指标\nunti 个\n' "6: unti has no '=' (key = value); did you mean unit=…?" "a dictionary key without its ="
printf 'label=某指标\n[dictionary]\nextends=templates/metrics.ini\n' >mine.ini
is "$(status_of "$JB" build -q bad.project)" 2 "a dictionary key above every section: exit 2"
is "$(cat "$TMP/err")" "jianbao: build: mine.ini:1: label= is outside any section: keys go under a [section] line" \
    "…named at its line"
printf '[dictionary]\nextend=templates/metrics.ini\n' >mine.ini
is "$(status_of "$JB" build -q bad.project)" 2 "extend= for extends=: exit 2"
is "$(cat "$TMP/err")" "jianbao: build: mine.ini:2: [dictionary]: unknown key 'extend'; did you mean 'extends='?" \
    "…named, not '[dictionary]: needs label= and unit='"
check "nothing was built by any of them" test ! -e out
# checked once the dictionary is read and the output locked
bad 's/^metric=ai.core_industry_size/metric=ai.core_industy_size/' \
    "bad.project:9: [chart ai-core-industry]: metric=ai.core_industy_size: no such metric in the dictionary; did you mean ai.core_industry_size?" \
    "a typo'd metric id (was 'no rows for metric' from the chart stage, exit 3, no line)"
dict_bad '[mine.x]\nlabel=某指标\nunit=元\naliases=某指标\npart_of=macro.gdpp\n' \
    "8: [mine.x]: part_of 'macro.gdpp' is not a metric of the dictionary; did you mean macro.gdp?" \
    "a misspelt part_of (was exit 3 with no line)"
dict_bad '[mine.x]\nunit=个\n' "4: [mine.x]: needs label= and unit=" "a metric without its label, at its line"
sed 's|^inputs=.*|inputs=article/*|' test.project >bad.project
is "$(status_of "$JB" build -q bad.project)" 3 "inputs= matching nothing: exit 3"
is "$(cat "$TMP/err")" "jianbao: build: bad.project:2: no article matches inputs=article/* (no directory 'article/' beside the project; did you mean 'articles/'?)" \
    "…at its line, with the directory's near spelling"
is "$(status_of "$JB" build -q test.project)" 0 "the project as written builds"
contains "$("$JB" build --help)" "fail_on=errors|new-warnings|warnings" "build --help lists the keys"
done_testing
