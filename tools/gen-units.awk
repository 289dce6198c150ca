# tools/gen-units.awk — templates/units.tsv → the C table the number scanner reads
# (build/gen/jb_units_gen.c). Run by the Makefile; see the TSV's head for its format.
# Why generated: the scanner indexes its units in tables built for a fixed list, and a unit
# is number syntax (like 万 and 亿), not a setting of a project.
BEGIN {
    FS = "\t"
    kinds["unit"] = "U_PLAIN"; kinds["tenth"] = "U_TENTH"
    kinds["point"] = "U_POINT"; kinds["year"] = "U_YEAR"; kinds["day"] = "U_DAY"
    kinds["duration"] = "U_DURATION"; kinds["date"] = "U_DATE"; kinds["time"] = "U_TIME"
    kinds["class"] = "U_CLASS"; kinds["word"] = "U_WORD"
    kinds["currency"] = "CUR_SIGN"; kinds["currency_word"] = "CUR_WORD"
    sect = 0; n = 0; nl = 0; nc = 0 # sections: 0 units, 1 latin, 2 before
}
/^# latin/ { sect = 1; next }
/^# before/ { sect = 2; next }
/^#/ || /^[ \t]*$/ { next }
{
    cur = $2 == "currency" || $2 == "currency_word"
    if (NF < 2 || !($2 in kinds) || cur != (sect == 2) || (cur && NF < 3)) {
        printf "%s:%d: want TEXT<tab>KIND[<tab>SPELLING], KIND one of unit tenth point year day duration date time class word (currency TEXT<tab>currency|currency_word<tab>UNIT after \"# before\")\n", FILENAME, FNR > "/dev/stderr"
        bad = 1
        exit 1
    }
    if ((sect, $1) in seen) {
        printf "%s:%d: '%s' is listed twice (first on line %d)\n", FILENAME, FNR, $1, seen[sect, $1] > "/dev/stderr"
        bad = 1
        exit 1
    }
    seen[sect, $1] = FNR
    canon = NF >= 3 && $3 != "" ? "\"" $3 "\"" : "NULL"
    row = "    {\"" $1 "\", sizeof(\"" $1 "\") - 1, " kinds[$2] ", " canon "},"
    if (sect == 2) cur_rows[nc++] = row; else if (sect == 1) latin_rows[nl++] = row; else rows[n++] = row
}
END {
    if (bad)
        exit 1
    print "/* Generated from templates/units.tsv by tools/gen-units.awk: edit those, not this. */"
    print "#include \"jb_number_priv.h\""
    print ""
    print "const UnitDef JB_UNITS[] = {"
    for (i = 0; i < n; i++) print rows[i]
    print "};"
    print "const gsize JB_N_UNITS = G_N_ELEMENTS(JB_UNITS);"
    print "G_STATIC_ASSERT(G_N_ELEMENTS(JB_UNITS) <= JB_UNITS_MAX);"
    print ""
    print "const UnitDef JB_LATIN_UNITS[] = {"
    for (i = 0; i < nl; i++) print latin_rows[i]
    print "};"
    print "const gsize JB_N_LATIN_UNITS = G_N_ELEMENTS(JB_LATIN_UNITS);"
    print ""
    print "const UnitDef JB_CURRENCIES[] = {"
    for (i = 0; i < nc; i++) print cur_rows[i]
    print "};"
    print "const gsize JB_N_CURRENCIES = G_N_ELEMENTS(JB_CURRENCIES);"
    print "G_STATIC_ASSERT(G_N_ELEMENTS(JB_CURRENCIES) <= 64);"
}
