#!/usr/bin/env python3
"""How well `jianbao number --scan` reads the number expressions of real text: for every row
of a gold file (../shared/corpus/gold.csv: file, value, unit, quote, ...), is the row's value
among the quantities the scanner finds in the row's quote, in the row's unit?

usage: numbers_eval.py JIANBAO GOLD.csv [--min RATE] [--show N]

The unit is compared as the corpus writes it (个百分点 → 百分点) with 元人民币 read as 元.
Exits 1 when the rate is below --min.
"""
import argparse, csv, subprocess, sys, unicodedata

SEP = "\u241e"  # a line the scanner finds nothing in, between quotes


def norm_unit(u):
    u = unicodedata.normalize("NFKC", u or "").strip()
    return {"元人民幣": "元", "元人民币": "元", "人民幣": "元", "人民币": "元"}.get(u, u)


def same(a, b):
    try:
        x, y = abs(float(a)), abs(float(b))
    except ValueError:
        return False
    return abs(x - y) <= max(1e-9, 1e-9 * max(x, y))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jianbao")
    ap.add_argument("gold")
    ap.add_argument("--min", type=float, default=0)
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    text = "".join(r["quote"].replace("\n", " ").replace("*", "") + "\n" + SEP + "\n" for r in rows)
    out = subprocess.run([a.jianbao, "number", "--scan"], input=text, capture_output=True,
                         text=True, check=True).stdout
    found, cur = [], []
    for line in out.split("\n"):
        cells = line.split("\t")
        if cells[0] == SEP:
            found.append(cur)
            cur = []
        elif len(cells) >= 4 and cells[1]:
            cur.append(cells)
    good, misses = 0, []
    for r, got in zip(rows, found):
        ok = any((same(r["value"], v) for v in g[1].split(".."))
                 and norm_unit(g[2]) == norm_unit(r["unit"]) for g in got)
        good += ok
        if not ok:
            misses.append((r["value"], r["unit"], r["quote"][:50], [g[:3] for g in got]))
    rate = good / max(len(rows), 1)
    for m in misses[: a.show]:
        print("  not read:", m)
    print(f"jianbao number --scan reads {good}/{len(rows)} number expressions of the gold quotes exactly: {rate:.3f}")
    return 0 if rate >= a.min else 1


if __name__ == "__main__":
    sys.exit(main())
