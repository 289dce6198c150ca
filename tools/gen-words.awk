# tools/gen-words.awk — templates/words.tsv → the word lists the number reader and the
# extractor read (build/gen/jb_words_gen.c, declared in src/core/jb_word_lists.h). Run by the
# Makefile; see the TSV's head for its format.
# Why compiled in: the lists are the reader's grammar (which words end a unit's declaration,
# open a condition, sort a noun), read at every figure; a project's words are metrics.ini's.
BEGIN {
    FS = "\t"
    nl = 0
}
/^#/ || /^[ \t]*$/ { next }
{
    if ((NF != 2 && NF != 3) || $1 !~ /^[a-z][a-z0-9_]*$/ || $2 == "" || $2 ~ /["\\ ]/ ||
        (NF == 3 && ($3 == "" || $3 ~ /["\\ ]/))) {
        printf "%s:%d: want LIST<tab>WORD or LIST<tab>WORD<tab>VALUE (LIST in a-z0-9_, WORD and VALUE without \", \\ or a space)\n", FILENAME, FNR > "/dev/stderr"
        bad = 1
        exit 1
    }
    if (($1 in fields) && fields[$1] != NF) {
        printf "%s:%d: every word of %s has a value or none does (line %d)\n", FILENAME, FNR, $1, first[$1] > "/dev/stderr"
        bad = 1
        exit 1
    }
    if (!($1 in fields)) {
        fields[$1] = NF
        first[$1] = FNR
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
    values[$1, count[$1]] = $3
    words[$1, count[$1]++] = $2
}
END {
    if (bad)
        exit 1
    print "/* Generated from templates/words.tsv by tools/gen-words.awk: edit those, not this. */"
    print "#include \"jb_word_lists.h\""
    print ""
    print "#include <stddef.h>"
    for (i = 0; i < nl; i++) {
        l = order[i]
        printf "\nconst char *const jb_words_%s[] = {\n", l
        for (k = 0; k < count[l]; k++)
            printf "    \"%s\",\n", words[l, k]
        print "    NULL};"
        if (fields[l] == 3) {
            printf "\nconst char *const jb_words_%s_value[] = {\n", l
            for (k = 0; k < count[l]; k++)
                printf "    \"%s\",\n", values[l, k]
            print "    NULL};"
        }
    }
}
