#!/usr/bin/python3
"""corpus.py DIR N [titles] — an archive of N articles made from the project's own sample articles
(examples/, written for jianbao) with small edits, for the scale test and benchmarks.

Article i is sample i % 4 moved to one of five decades (every year in it, dates included,
minus 0, 10, 20, 30 or 40) with its figures changed for that decade (two digits spliced in
before each unit), and a line naming it (letters only, so no figure is added). So every copy
in one decade states what the others state, as the press repeats an agency's figures: the
series merge many sources per value, conflicts stay as few as in the samples, and no two
files are the same bytes. Encodings are kept (the GB 2312 sample stays GB 18030).

With `titles`, every article has a title of its own (its name before the sample's title) and
states no publisher, as in an archive of many small sites: what names each article as a
source is then its own title.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
UNITS = re.compile(r"([0-9])(万亿|亿|万|家|个)")
YEAR = re.compile(r"20([0-9][0-9])")


def samples():
    out = []
    d = os.path.join(ROOT, "examples")
    for name in sorted(os.listdir(d)):
        if not name[0].isdigit():
            continue
        raw = open(os.path.join(d, name), "rb").read()
        try:
            out.append((name, raw.decode("utf-8"), "utf-8"))
        except UnicodeDecodeError:
            out.append((name, raw.decode("gb18030"), "gb18030"))
    return out


def letters(i):
    s = ""
    while True:
        s = chr(ord("a") + i % 26) + s
        i //= 26
        if i == 0:
            return s


def own_title(text, tag):
    text = re.sub(r"来源[:：] ?[^\s<]+", "", text)
    text = re.sub(r"(?m)^(source|url): .*\n", "", text)
    text = re.sub(r"(?m)^(title: '|# )", r"\g<1>%s " % tag, text)
    text = re.sub(r"<(title|h1)>", r"<\1>%s " % tag, text)
    if not text.startswith("---") and not text.lstrip().startswith("<"):
        text = "%s %s" % (tag, text)
    return text


def edit(text, name, decade, i, titles=False):
    shift = 10 * decade
    text = YEAR.sub(lambda m: str(2000 + int(m.group(1)) - shift), text)
    if decade:
        text = UNITS.sub(lambda m: m.group(1) + str(10 + decade) + m.group(2), text)
    tag = "稿件 %s\n" % letters(i)
    if titles:
        text = own_title(text, tag.strip())
    if name.endswith(".html") and "</body>" in text:
        return text.replace("</body>", "<p>%s</p></body>" % tag.strip(), 1)
    return text.rstrip("\n") + "\n\n" + tag


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[3:] not in ([], ["titles"]):
        sys.exit("usage: corpus.py DIR N [titles]")
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    base = samples()
    width = len(str(n - 1))
    for i in range(n):
        name, text, enc = base[i % len(base)]
        decade = (i // len(base)) % 5
        path = os.path.join(out, "%0*d-%s" % (width, i, name))
        with open(path, "wb") as f:
            f.write(edit(text, name, decade, i, sys.argv[3:] == ["titles"]).encode(enc))


main()
