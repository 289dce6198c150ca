# tests/scale/archive.sh — sourced by the tests and benchmarks that build a generated archive
# (tests/scale/slurm.t, tests/cli/build-archive.t, tests/bench/scale.sh): one way to make it.
# Needs $ROOT (the checkout).

# archive_project DIR N [LINES]: N articles generated from the samples (corpus.py) in
# DIR/articles and a project DIR/jianbao.project building them with the shipped dictionary
# and template into DIR/out, yearly; LINES (optional) are appended to the project file.
# ARCHIVE_TITLES=1: each article with a title of its own and no publisher (corpus.py titles).
archive_project() {
    python3 "$ROOT/tests/scale/corpus.py" "$1/articles" "$2" ${ARCHIVE_TITLES:+titles} || return 1
    cat >"$1/jianbao.project" <<EOP
[project]
inputs=articles/*
dictionary=$ROOT/templates/metrics.ini
template=$ROOT/templates/briefing.md
output=out
period=year
EOP
    if [ -n "${3-}" ]; then printf '\n%s\n' "$3" >>"$1/jianbao.project"; fi
}
