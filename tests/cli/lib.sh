# tests/cli/lib.sh — shared by the shell tests: TAP output, a temporary directory cleaned
# on exit, and $JB (the jianbao binary under test; make passes $JIANBAO, and the sanitizer
# build passes its own).
set -u
LC_ALL=C.UTF-8
export LC_ALL
export SOURCE_DATE_EPOCH=1767225600 # 2026-01-01: byte-identical PDFs
ROOT=${JB_TEST_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
JB=${JIANBAO:-$ROOT/jianbao}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
n=0
failed=0

ok() { # ok COND-EXIT-STATUS NAME
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
check() { # check NAME CMD...: ok when CMD succeeds
    name=$1
    shift
    if "$@" >/dev/null 2>&1; then ok 0 "$name"; else ok 1 "$name"; fi
}
is() { # is GOT WANT NAME
    if [ "$1" = "$2" ]; then ok 0 "$3"; else
        ok 1 "$3"
        printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
    fi
}
contains() { # contains HAYSTACK NEEDLE NAME
    case "$1" in
    *"$2"*) ok 0 "$3" ;;
    *) ok 1 "$3"; printf '#   %s\n#   does not contain: %s\n' "$(printf '%s' "$1" | head -c 600)" "$2" ;;
    esac
}
status_of() { # status_of CMD...: prints the exit status, output to $TMP/out and $TMP/err
    "$@" >"$TMP/out" 2>"$TMP/err"
    echo $?
}
hold_lock() { # hold_lock FILE: a process holds FILE's flock (as a running build holds
               # out/.lock) from before this returns until release_lock, however loaded the
               # machine (a holder of `flock FILE sleep 2` started 0.3 s before may not hold it
               # yet, or no longer)
    rm -f "$TMP/.lock-held" "$TMP/.lock-release"
    flock "$1" sh -c 'touch "$0/.lock-held"; while [ ! -e "$0/.lock-release" ]; do sleep 0.05; done' "$TMP" &
    lock_holder=$!
    while [ ! -e "$TMP/.lock-held" ] && kill -0 "$lock_holder" 2>/dev/null; do sleep 0.05; done
}
release_lock() { # release_lock: the holder of hold_lock lets go, and is waited for
    touch "$TMP/.lock-release"
    wait "$lock_holder"
}
sample_project() { # sample_project DIR: DIR/articles holds the sample articles, and
                   # DIR/test.project builds them with the default template and one chart
                   # (append [chart ...] groups for more)
    mkdir -p "$1/articles"
    cp "$ROOT"/examples/[0-9]* "$1/articles/"
    cat >"$1/test.project" <<EOP
[project]
inputs=articles/*
dictionary=$ROOT/templates/metrics.ini
template=$ROOT/examples/briefing.md
output=out
period=year

[chart ai-core-industry]
metric=ai.core_industry_size
EOP
}

# Every PDF, PNG and SVG a test left in $TMP must be valid for real readers: qpdf --check,
# pngcheck, and an XML parser. done_testing runs this, so no test can forget it.
check_outputs() {
    find "$TMP" -type f \( -name '*.pdf' -o -name '*.png' -o -name '*.svg' \) 2>/dev/null | sort >"$TMP/.outputs"
    bad=""
    count=0
    while IFS= read -r f; do
        count=$((count + 1))
        case $f in
        *.pdf) qpdf --check "$f" >/dev/null 2>&1 || bad="$bad ${f#"$TMP"/}" ;;
        *.png) pngcheck -q "$f" >/dev/null 2>&1 || bad="$bad ${f#"$TMP"/}" ;;
        *.svg) xmllint --noout "$f" >/dev/null 2>&1 || bad="$bad ${f#"$TMP"/}" ;;
        esac
    done <"$TMP/.outputs"
    if [ "$count" -gt 0 ]; then
        if [ -z "$bad" ]; then ok 0 "all $count PDF/PNG/SVG outputs pass qpdf --check, pngcheck, xmllint"; else
            ok 1 "outputs pass qpdf --check, pngcheck, xmllint"
            echo "#   invalid:$bad"
        fi
    fi
}
done_testing() {
    check_outputs
    echo "1..$n"
    [ "$failed" -eq 0 ]
}
