#!/bin/sh
# Every output the same under any locale: LC_ALL=C, zh_CN.UTF-8 (pinyin collation) and
# de_DE.UTF-8 (decimal comma) give byte-identical metrics.csv, series.csv, charts and
# briefing, and a JSON log that parses. The locales are compiled into $TMP with localedef.
. "$(dirname "$0")/lib.sh"
if ! command -v localedef >/dev/null || [ ! -e /usr/share/i18n/locales/zh_CN ] || [ ! -e /usr/share/i18n/locales/de_DE ]; then
    echo "1..0 # SKIP localedef or the locales' sources are missing (Debian package locales)"
    exit 0
fi
mkdir -p "$TMP/loc"
for l in zh_CN de_DE; do localedef -i $l -f UTF-8 "$TMP/loc/$l.UTF-8" 2>/dev/null; done
check "zh_CN.UTF-8 compiled" test -d "$TMP/loc/zh_CN.UTF-8"
check "de_DE.UTF-8 compiled" test -d "$TMP/loc/de_DE.UTF-8"

sample_project "$TMP/p"
# names whose order differs between bytewise and the locales' collation
printf -- '---\ntitle: 乙\ndate: 2026-01-05\nsource: 乙报\n---\n\n2025年，我国人工智能企业数量为4550家。\n' >"$TMP/p/articles/Zeta.md"
printf -- '---\ntitle: 甲\ndate: 2026-01-02\nsource: 甲报\n---\n\n2025年，我国人工智能企业数量为4510家。\n' >"$TMP/p/articles/alpha.md"
printf -- '---\ntitle: 丙\ndate: 2026-01-03\nsource: 丙报\n---\n\n2025年，我国人工智能企业数量为4530家。\n' >"$TMP/p/articles/中文.md"
printf 'growth=auto\nnumber_style=chinese\n' >>"$TMP/p/test.project"
for l in C zh_CN.UTF-8 de_DE.UTF-8; do
    cp -r "$TMP/p" "$TMP/$l"
    (cd "$TMP/$l" && LOCPATH="$TMP/loc" LC_ALL=$l "$JB" build -q --log "$TMP/$l.jsonl" test.project)
    ok $? "builds under LC_ALL=$l"
done
for f in metrics.csv series.csv warnings.csv charts/ai-core-industry.png charts/ai-core-industry.pdf briefing.pdf; do
    check "$f: zh_CN.UTF-8 as C" cmp "$TMP/C/out/$f" "$TMP/zh_CN.UTF-8/out/$f"
    check "$f: de_DE.UTF-8 as C" cmp "$TMP/C/out/$f" "$TMP/de_DE.UTF-8/out/$f"
done
for l in C zh_CN.UTF-8 de_DE.UTF-8; do
    python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$TMP/$l.jsonl"
    ok $? "the JSON log parses under $l (no decimal comma)"
done
contains "$(cut -d, -f1 "$TMP/C/out/metrics.csv" | uniq | tr '\n' ' ')" "articles/Zeta.md articles/alpha.md" "inputs in bytewise order"
done_testing
