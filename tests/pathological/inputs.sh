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

# N figures each after 将 in one clause (将12.5亿元将12.5亿元…): each 将 searched the whole
# sentence before it for 宣布 (8000: 3.6 s; 40000 would take minutes)
forecast_article() { # N FILE
    { date_line; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "将12.5亿元"; print "" }'; } >"$2"
}

# N levels over a review's span in one clause (五年来，全省达到12.5亿元达到12.5亿元…): each
# looked back over the whole clause for a word of a flow (40000: 37 s); and N figures after a
# change between two levels (由2020年的1元增至2025年的2元，全省12.5亿元12.5亿元…): each looked
# over the whole clause for a word of a change (40000: 37 s). Found by the article fuzzer.
span_levels() { # N FILE
    { printf '发布时间：2025-12-01\n\n五年来，全省'; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "达到12.5亿元"; print "。" }'; } >"$2"
}
after_levels() { # N FILE
    { printf '发布时间：2025-12-01\n\n单价由2020年的1元增至2025年的2元，全省'; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "12.5亿元"; print "。" }'; } >"$2"
}

# N 分别 lists in one clause after a comma (2025年，甲乙分别增长1%和2%甲乙分别…): each figure
# counted the characters of its clause before it (20000: 6.8 s); N categories written in
# words (全省三类设备三类设备…): each looked for a list of kinds over the whole clause before it
# (20000: 2.4 s). Found by looking for more of the fuzzer's find.
fenbie_lists() { # N FILE
    { printf '发布时间：2025-12-01\n\n2025年，'; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "甲乙分别增长1%%和2%%"; print "。" }'; } >"$2"
}
categories() { # N FILE
    { printf '发布时间：2025-12-01\n\n全省'; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "三类设备"; print "。" }'; } >"$2"
}

# an HTML table row of N figures (each quoted the whole row before it: 10000, 28 s and
# 680 MB; 40000, minutes), and one whose label is a megabyte (read again for every cell)
wide_table() { # N FILE
    awk -v n="$1" 'BEGIN { printf "<p>2024-03-01</p><table><tr><td>规模</td>"; for (i = 0; i < n; i++) printf "<td>%d</td>", i; print "</tr></table>" }' >"$2"
}
long_label_table() { # N FILE
    awk -v n="$1" 'BEGIN { printf "<p>2024-03-01</p><table><tr><td>"; for (i = 0; i < 100000; i++) printf "产业规模"; printf "</td>"; for (i = 0; i < n; i++) printf "<td>%d</td>", i; print "</tr></table>" }' >"$2"
}

# a hard-wrapped text (as a PDF's copy is) ending in N blank lines: each blank line once
# looked over all those after it for a page's break (3 million: minutes)
wrapped_blanks() { # N FILE
    { date_line; awk -v n="$1" 'BEGIN { for (i = 0; i < 5; i++) print "一二三四五六七八九十一二三四五六七八九十一二三四五六七八"; for (i = 0; i < n; i++) print ""; print "结束。" }'; } >"$2"
}

# a <table> of N rows under a label spanning them and a header over N columns (rowspan and
# colspan past what is kept: 64)
spanned_table() { # N FILE
    awk -v n="$1" 'BEGIN { printf "<p>2024-03-01</p><table><tr><th colspan=\"%d\">10月</th></tr>", n; for (i = 0; i < n; i++) printf "<tr>%s<td>%d</td></tr>", (i ? "" : sprintf("<td rowspan=\"%d\">规模</td>", n)), i; print "</table>" }' >"$2"
}

# N figures of a metric of the dictionary in one sentence (社会消费品零售总额1亿元…): each
# looked for its owner in all of the sentence before it (5000: 35 s; 10000: over a minute)
metric_sentence() { # N FILE
    { date_line; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "社会消费品零售总额%d亿元", i + 1; print "" }'; } >"$2"
}

# a paragraph of N bytes without punctuation (1 MB: 53 s, 5.9 GB; 2 MB aborted)
paragraph_article() { # BYTES FILE
    { date_line; awk -v n="$1" 'BEGIN { for (i = 0; i < n / 30; i++) printf "产业规模超过四千亿元"; print "" }'; } >"$2"
}

# N repetitions of UNIT after PREFIX, joined by SEP (none: one clause; ，: clauses of one
# sentence), each a shape of news (probe/shapes.py): each figure looked at every time or
# subject of its clause before it, or after it. 16000 较上年同期增长5%: 1.1 s (40000: 69 s);
# 80000 比2020年增加5个， 比上年末增加9万人, 3月11日…14862班次, 五一假期今年全市，, 的5% after
# 相当于2025年…, 5% after 已达全年预算: see README.md, "What bad input gets".
repeated() { # N UNIT FILE [PREFIX [SEP]]
    { date_line; awk -v n="$1" -v u="$2" -v p="${4:-}" -v s="${5:-}" 'BEGIN { printf "%s", p; for (i = 0; i < n; i++) printf "%s%s", (i ? s : ""), u; print "。" }'; } >"$3"
}

front() { printf -- '---\ntitle: t\n---\n\n'; }

# a template of N nested block quotes or lists (30000: SIGSEGV, no depth limit)
nested_quotes() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf ">"; print " x" }'; } >"$2"; }
nested_lists() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "- "; print "x" }'; } >"$2"; }
nested_emphasis() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "*a "; printf "x"; for (i = 0; i < n; i++) printf " a*"; print "" }'; } >"$2"; }

# N headings in a row, each kept with the next (what must follow each was summed to the
# end of the run: 20000, 2.6 s of CPU; 60000, 25 s)
headings() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "## 标题%d\n\n", i }'; } >"$2"; }

# N footnoted placeholders in one paragraph (4000: 22 s; 10000: over 200 s), of metric ID
# (default ai.core_industry_size)
footnotes() { { front; awk -v n="$1" -v id="${3:-ai.core_industry_size}" 'BEGIN { for (i = 0; i < n; i++) printf "{{%s.latest}}，", id; print "" }'; } >"$2"; }

# A figure stated in N months (a rate held for years: x.y at 5% in each), in a series of N
# rows of it and 2N rows of other metrics, and its metrics.csv, one statement per month:
# every placeholder scanned the whole series for its metric (placeholders × rows) and
# every statement was matched against every row of its metric and value (N²); 4000
# footnotes over N = 20000 took 21 s (N = 20000, 100000 others: 75 s)
cited_series_csv() { # N FILE
    awk -v n="$1" 'BEGIN { print "metric_id,label,period,value,unit,bound,forecast,sources,display_unit,frequency,value_high";
        for (i = 0; i < n; i++) printf "x.y,比率,%04d-%02d,5,%%,exact,0,a%d.md,,month,\n", 1000 + int(i / 12), i % 12 + 1, i;
        for (i = 0; i < 2 * n; i++) printf "z.%d,其他,2020,%d,元,exact,0,b.md,,year,\n", i, i }' >"$2"
}
cited_metrics_csv() { # N FILE
    awk -v n="$1" 'BEGIN { print "source,published,period,subject,metric,metric_id,value,unit,qualifier,bound,forecast,quote,publisher,title,url,value_high";
        for (i = 0; i < n; i++) printf "a%d.md,2024-01-01,%04d-%02d,某地,比率,x.y,5,%%,,exact,0,比率为5%%（第%d句）,某报,标题%d,,\n", i, 1000 + int(i / 12), i % 12 + 1, i, i }' >"$2"
}

# one paragraph of N characters (pango: quadratic; ~200k characters were lost)
long_paragraph() { { front; awk -v n="$1" 'BEGIN { for (i = 0; i < n / 10; i++) printf "第%05d句写在这里", i % 100000; print "" }'; } >"$2"; }

# a metrics.csv of N rows whose second line opens a quote never closed (every row after it
# was silently one cell, exit 0)
unclosed_quote_csv() { # N FILE
    awk -v n="$1" 'BEGIN { print "metric_id,period,value,unit"; print "a.b,2020,\"1,元";
        for (i = 0; i < n; i++) printf "a.b,%d,%d,元\n", 2021 + i % 50, i }' >"$2"
}

# a metrics.csv of N statements of one metric and period, each of another value (each was
# compared with every value before it: 50000, 13 s of CPU; 100000, 84 s)
conflicts_csv() { # N FILE
    awk -v n="$1" 'BEGIN { print "source,published,period,subject,metric,metric_id,value,unit,qualifier,bound,forecast,quote,publisher,title,url,value_high";
        for (i = 0; i < n; i++) printf "a%d.md,2024-01-01,2024,,规模,ai.core_industry_size,%d,元,,exact,0,规模为%d元,,,,\n", i, i, i }' >"$2"
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
