# tools/gen-words.awk — templates/words.tsv → the word lists the extractor reads
# (build/gen/jb_words_gen.c). Run by the Makefile; see the TSV's head for its format.
# Why compiled in: the lists are the reader's grammar (which words end a unit's declaration,
# open a condition, sort a noun), read at every figure; a project's words are metrics.ini's.
BEGIN {
    FS = "\t"
    nl = 0
}
/^#/ || /^[ \t]*$/ { next }
{
    if (NF != 2 || $1 !~ /^[a-z][a-z0-9_]*$/ || $2 == "" || $2 ~ /["\\ ]/) {
        printf "%s:%d: want LIST<tab>WORD (LIST in a-z0-9_, WORD without \", \\ or a space)\n", FILENAME, FNR > "/dev/stderr"
        bad = 1
        exit 1
    }
    if (($1, $2) in seen) {
        printf "%s:%d: '%s' is listed twice in %s (first on line %d)\n", FILENAME, FNR, $2, $1, seen[$1, $2] > "/dev/stderr"
        bad = 1
        exit 1
    }
    seen[$1, $2] = FNR
    if (!($1 in count)) {
        order[nl++] = $1
        count[$1] = 0
    }
    words[$1, count[$1]++] = $2
}
END {
    if (bad)
        exit 1
    print "/* Generated from templates/words.tsv by tools/gen-words.awk: edit those, not this. */"
    print "#include \"jb_extract_words.h\""
    print ""
    print "#include <stddef.h>"
    for (i = 0; i < nl; i++) {
        l = order[i]
        printf "\nconst char *const jb_words_%s[] = {\n", l
        for (k = 0; k < count[l]; k++)
            printf "    \"%s\",\n", words[l, k]
        print "    NULL};"
    }
}
