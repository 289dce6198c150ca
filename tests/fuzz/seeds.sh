# seeds.sh — the seed directories of each fuzz target: its own corpus and saved
# regressions, plus real inputs the project already keeps. Sourced by run.sh and the replay test.
fuzz_seeds() { # fuzz_seeds NAME → directories, one per line
    echo "tests/fuzz/corpus/$1"
    echo "tests/fuzz/regressions/$1"
    case $1 in
    article) echo examples; echo tests/data/articles ;;
    template) echo templates ;;
    esac
}
