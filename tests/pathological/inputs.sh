# tests/pathological/inputs.sh — the inputs of the pathological cases (sourced by run.t):
# each function writes one into the current directory. Sizes are those at which the
# quadratic algorithms jianbao once had needed minutes (issue 15's cases: the old times are
# in README.md, "What bad input gets"); linear ones need well under a second or a few.

date_line() { printf '2024-03-01\n\n'; }

# a list of N values under one unit: each member once kept the rest of the clause as its
# quote and rescanned it for times (20000: 32 s and 5.4 GB; 40000: 143 s and 22 GB)
list_article() { # N FILE
    { date_line; awk -v n="$1" 'BEGIN { printf "人工智能产业规模分别为"; for (i = 0; i < n; i++) printf "%s%d万亿", (i ? "、" : ""), i; print "元。" }'; } >"$2"
}

# a paragraph of N bytes without punctuation (1 MB: 53 s, 5.9 GB; 2 MB aborted)
paragraph_article() { # BYTES FILE
    { date_line; awk -v n="$1" 'BEGIN { for (i = 0; i < n / 30; i++) printf "产业规模超过四千亿元"; print "" }'; } >"$2"
}

front() { printf -- '---\ntitle: t\n---\n\n'; }

# a template of N nested block quotes or lists (30000: SIGSEGV, no depth limit)
nested_quotes() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf ">"; print " x" }'; } >"$2"; }
nested_lists() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "- "; print "x" }'; } >"$2"; }
nested_emphasis() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "*a "; printf "x"; for (i = 0; i < n; i++) printf " a*"; print "" }'; } >"$2"; }

# N footnoted placeholders in one paragraph (4000: 22 s; 10000: over 200 s)
footnotes() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "{{ai.core_industry_size.latest}}，"; print "" }'; } >"$2"; }

# one paragraph of N characters (pango: quadratic; ~200k characters were lost)
long_paragraph() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n / 10; i++) printf "第%05d句写在这里", i % 100000; print "" }'; } >"$2"; }

# a metrics.csv of N rows whose second line opens a quote never closed (every row after it
# was silently one cell, exit 0)
unclosed_quote_csv() { # N FILE
    awk -v n="$1" 'BEGIN { print "metric_id,period,value,unit"; print "a.b,2020,\"1,元";
        for (i = 0; i < n; i++) printf "a.b,%d,%d,元\n", 2021 + i % 50, i }' >"$2"
}

# a series.csv of S metrics of N months each (64 × 5000: 24–68 s)
many_series_csv() { # S N FILE
    awk -v s="$1" -v n="$2" 'BEGIN { print "metric_id,label,period,value,unit,bound,forecast,sources,display_unit,frequency,value_high";
        for (m = 1; m <= s; m++) for (i = 0; i < n; i++)
            printf "m%02d,指标%d,%04d-%02d,%d,元,exact,0,x.md,,month,\n", m, m, 1600 + int(i / 12), i % 12 + 1, (i * m) % 997 + 1 }' >"$3"
}
chart_spec() { # S TYPE FILE: every metric of many_series_csv in one chart
    printf 'metrics = %s\ntype = %s\n' "$(awk -v s="$1" 'BEGIN { for (m = 1; m <= s; m++) printf "%sm%02d", (m > 1 ? ";" : ""), m }')" "$2" >"$3"
}
