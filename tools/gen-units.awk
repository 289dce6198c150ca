# tools/gen-units.awk — templates/units.tsv → the C table the number scanner reads
# (build/gen/jb_units_gen.c). Run by the Makefile; see the TSV's head for its format.
# Why generated: the scanner indexes its units in tables built for a fixed list, and a unit
# is number syntax (like 万 and 亿), not a setting of a project.
BEGIN {
    FS = "\t"
    kinds["unit"] = "U_PLAIN"; kinds["tenth"] = "U_TENTH"; kinds["permille"] = "U_PERMILLE"
    kinds["point"] = "U_POINT"; kinds["year"] = "U_YEAR"; kinds["day"] = "U_DAY"
    kinds["duration"] = "U_DURATION"; kinds["date"] = "U_DATE"; kinds["time"] = "U_TIME"
    kinds["class"] = "U_CLASS"; kinds["word"] = "U_WORD"
    latin = 0; n = 0; nl = 0
}
/^# latin/ { latin = 1; next }
/^#/ || /^[ \t]*$/ { next }
{
    if (NF < 2 || !($2 in kinds)) {
        printf "%s:%d: want TEXT<tab>KIND[<tab>SPELLING], KIND one of unit tenth permille point year day duration date time class word\n", FILENAME, FNR > "/dev/stderr"
        bad = 1
        exit 1
    }
    if ($1 in seen) {
        printf "%s:%d: '%s' is listed twice (first on line %d)\n", FILENAME, FNR, $1, seen[$1] > "/dev/stderr"
        bad = 1
        exit 1
    }
    seen[$1] = FNR
    canon = NF >= 3 && $3 != "" ? "\"" $3 "\"" : "NULL"
    row = "    {\"" $1 "\", sizeof(\"" $1 "\") - 1, " kinds[$2] ", " canon "},"
    if (latin) latin_rows[nl++] = row; else rows[n++] = row
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
}
