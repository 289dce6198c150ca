#!/bin/sh
# make install PREFIX=… DESTDIR=…: the binary, its data and jianbao(1); the installed binary
# finds the installed data (PREFIX/share/jianbao) from its own place, moved or not.
. "$(dirname "$0")/lib.sh"
command -v help2man >/dev/null || { echo "1..0 # SKIP help2man is not installed (tools/deps.sh test)"; exit 0; }
make -C "$ROOT" --no-print-directory -s install PREFIX=/usr DESTDIR="$TMP/root" \
    BUILD="${BUILD:-build}" >"$TMP/make.out" 2>&1
ok $? "make install PREFIX=/usr DESTDIR=… succeeds"
R=$TMP/root/usr
for f in bin/jianbao share/jianbao/fonts/fonts.conf share/jianbao/fonts/jianbao-sans-regular.otf \
    share/jianbao/templates/metrics.ini share/jianbao/templates/briefing.md \
    share/jianbao/templates/default.theme share/man/man1/jianbao.1; do
    check "installs $f" test -s "$R/$f"
done
is "$("$R/bin/jianbao" --version)" "jianbao 0.1.0" "jianbao --version"
LC_ALL=C.UTF-8 MANWIDTH=100 man -l "$R/share/man/man1/jianbao.1" >"$TMP/man.txt" 2>/dev/null
contains "$(cat "$TMP/man.txt")" "EXIT STATUS" "man jianbao has the exit codes"
contains "$(cat "$TMP/man.txt")" "articles → metrics.csv" "and the commands, from jianbao --help"
contains "$(cat "$TMP/man.txt")" "JIANBAO_DATA" "and where data is found"

# The installed data is what the installed binary uses: mark its template, move the tree.
sed -i 's/^title: .*/title: 安装版简报/' "$R/share/jianbao/templates/briefing.md"
mv "$TMP/root" "$TMP/moved"
M=$TMP/moved/usr
"$M/bin/jianbao" init "$TMP/p" >/dev/null
printf -- '---\ntitle: 通信业统计\ndate: 2025-01-20\nsource: 示例通信报\n---\n\n2023年，全国5G基站达到337万个。2024年，全国5G基站达到425万个。\n' >"$TMP/p/articles/a.md"
cd / || exit 1
is "$(status_of "$M/bin/jianbao" build -q "$TMP/p")" 0 "the moved installed binary builds a project"
pdftotext "$TMP/p/out/briefing.pdf" "$TMP/b.txt"
contains "$(cat "$TMP/b.txt")" "安装版简报" "with the installed template (not the checkout's)"
contains "$(cat "$TMP/b.txt")" "425万个" "and the installed dictionary"
done_testing
