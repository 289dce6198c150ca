#!/usr/bin/env python3
"""scan-shared.py: find text the repository shares with the real articles in ../shared.

Real articles (../shared/corpus/articles) and the reference seeds (../shared/seeds) must never
be copied into the repository; articles we write may restate their facts in our own words. This
script reports every run of MIN (default 20) or more consecutive characters that a tracked text
file (git ls-files; binaries, fonts and images skipped) shares with any file under those folders,
after decoding each file as UTF-8, else GB18030, else UTF-8 with its bad bytes replaced. With --short DIR (repeatable), it also reports runs of
SHORT (default 12) to MIN-1 characters, mostly Chinese, that files under DIR share with
the references: these need a human's judgement (同比增长 is a phrase; a clause is a copy).

    python3 tools/scan-shared.py [--min 20] [--short examples --short tests/gold] [--shared DIR] [FILE...]

Exits 0 when nothing of MIN characters is shared, 1 when something is; skips (exit 0, with a
message) where ../shared is absent, as on a machine without the project's shared folder.
"""
import argparse
import os
import subprocess
import sys

SKIP_EXT = (".png", ".jpg", ".jpeg", ".gif", ".pdf", ".ttf", ".otf", ".ttc", ".woff", ".woff2", ".ico", ".gz", ".zip")


def decode(data):
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")  # (invalid-utf8 tests, fuzz inputs: still scanned)


def read_text(path):
    if path.lower().endswith(SKIP_EXT):
        return None
    with open(path, "rb") as f:
        data = f.read()
    if b"\0" in data:
        return None
    return decode(data)


def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def grams(refs, k, keep=None):
    """Map each k-character substring of the references to the first reference holding it."""
    table = {}
    for name, text in refs:
        for i in range(len(text) - k + 1):
            g = text[i : i + k]
            if (keep is None or keep(g)) and g not in table:
                table[g] = name
    return table


def runs(text, table, k, keep=None):
    """Maximal runs of text covered by k-grams found in table: (start, end, reference)."""
    out = []
    for i in range(len(text) - k + 1):
        g = text[i : i + k]
        if g in table and (keep is None or keep(g)):
            if out and i <= out[-1][1]:
                out[-1][1] = i + k
            else:
                out.append([i, i + k, table[g]])
    return out


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def default_shared(root):
    """../shared beside the repository, or beside the main worktree when this is a linked one."""
    cands = [os.path.join(root, "..", "shared")]
    r = subprocess.run(["git", "-C", root, "rev-parse", "--path-format=absolute", "--git-common-dir"],
                       capture_output=True, text=True)
    if r.returncode == 0 and r.stdout.strip():
        cands.append(os.path.join(os.path.dirname(r.stdout.strip()), "..", "shared"))
    for c in cands:
        if os.path.isdir(c):
            return os.path.normpath(c)
    return os.path.normpath(cands[0])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=default_shared(root))
    ap.add_argument("--min", type=int, default=20)
    ap.add_argument("--short", action="append", default=[], metavar="DIR",
                    help="also report shorter runs in files under DIR (repeatable)")
    ap.add_argument("--short-min", type=int, default=12)
    ap.add_argument("files", nargs="*", help="files to scan (default: git ls-files)")
    a = ap.parse_args()
    dirs = [os.path.join(a.shared, "corpus", "articles"), os.path.join(a.shared, "seeds")]
    if not all(os.path.isdir(d) for d in dirs):
        print("scan-shared: skipped: %s has no corpus/articles and seeds (no shared folder here)" % a.shared)
        return 0
    refs = []
    for d in dirs:
        for dp, _, fs in os.walk(d):
            for f in sorted(fs):
                p = os.path.join(dp, f)
                t = read_text(p)
                if t is not None:
                    refs.append((os.path.relpath(p, a.shared), t))
    files = a.files
    if not files:
        os.chdir(root)
        files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split("\n")
    long_table = grams(refs, a.min)
    mostly_han = lambda g: sum(map(is_han, g)) * 3 >= len(g) * 2
    short_table = grams(refs, a.short_min, mostly_han) if a.short else {}
    found = 0
    for path in files:
        if not path or not os.path.isfile(path):
            continue
        text = read_text(path)
        if text is None:
            continue
        for s, e, ref in runs(text, long_table, a.min):
            found += 1
            print("%s:%d: %d chars shared with %s: %r" % (path, line_of(text, s), e - s, ref, text[s:e]))
        if any(path.startswith(d.rstrip("/") + "/") for d in a.short):
            for s, e, ref in runs(text, short_table, a.short_min, mostly_han):
                if e - s < a.min:
                    print("%s:%d: short %d shared with %s: %r" % (path, line_of(text, s), e - s, ref, text[s:e]))
    print("scan-shared: %d run(s) of %d+ characters shared with %s" % (found, a.min, a.shared), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
