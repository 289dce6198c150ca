#!/usr/bin/python3
"""Score `jianbao extract` against a gold file.

usage: eval.py [--show] [--exact] GOLD.csv METRICS.csv [GOLD.csv METRICS.csv ...]

Gold format (tests/gold/README.md): CSV with header
    source,value,unit,period,bound,forecast,metric_id
one row per statement the article makes. `source` is compared by file name (basename),
`value` as an exact decimal. A predicted row matches a gold row of the same source, value
and unit (each used once; among candidates the one agreeing on most attributes wins).
Precision and recall are over (value, unit); period, forecast, bound and metric_id are
scored as accuracies over the matched pairs. Exit status 1 when precision or recall is
below --floor (default 0.95), or with --exact when anything is not 1.000 (our own gold:
tests/cli/own-gold.t).
"""
import csv
import os
import sys
from decimal import Decimal, InvalidOperation

ATTRS = ("period", "bound", "forecast", "metric_id")


def norm_value(v):
    try:
        return format(Decimal(v).normalize(), "f")
    except InvalidOperation:
        return v


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        out = []
        for r in csv.DictReader(f):
            if not r.get("source") or r["source"].startswith("#"):
                continue
            r = {k: (v or "").strip() for k, v in r.items() if k}
            r["source"] = os.path.basename(r["source"])
            r["value"] = norm_value(r["value"])
            out.append(r)
        return out


def main(argv):
    show = "--show" in argv
    exact = "--exact" in argv  # every statement and every attribute right: our own gold
    floor = 0.95
    args = [a for a in argv if a not in ("--show", "--exact")]
    if "--floor" in args:
        i = args.index("--floor")
        floor = float(args[i + 1])
        del args[i:i + 2]
    if len(args) < 2 or len(args) % 2:
        sys.stderr.write(__doc__)
        return 2
    gold, pred = [], []
    for g, p in zip(args[0::2], args[1::2]):
        gold += rows(g)
        pred += rows(p)
    sources = {g["source"] for g in gold}
    pred = [p for p in pred if p["source"] in sources]
    unused = list(range(len(pred)))
    matched, missed = [], []
    for g in gold:
        best, best_score = None, -1
        for i in unused:
            p = pred[i]
            if (p["source"], p["value"], p["unit"]) != (g["source"], g["value"], g["unit"]):
                continue
            score = sum(p.get(a, "") == g[a] for a in ATTRS)
            if score > best_score:
                best, best_score = i, score
        if best is None:
            missed.append(g)
        else:
            unused.remove(best)
            matched.append((g, pred[best]))
    extra = [pred[i] for i in unused]
    tp = len(matched)
    precision = tp / len(pred) if pred else 1.0
    recall = tp / len(gold) if gold else 1.0
    print(f"gold {len(gold)}  extracted {len(pred)}  matched {tp}")
    print(f"precision {precision:.3f}  recall {recall:.3f}   (value, unit)")
    wrong = []
    for a in ATTRS:
        ok = sum(g[a] == p.get(a, "") for g, p in matched)
        acc = ok / tp if tp else 1.0
        print(f"{a:<10} accuracy {acc:.3f}  ({ok}/{tp})")
        wrong += [(a, g, p) for g, p in matched if g[a] != p.get(a, "")]
    if show:
        for g in missed:
            print(f"missed   {g['source']}: {g['value']} {g['unit']} {g['period']} {g['bound']}")
        for p in extra:
            print(f"extra    {p['source']}: {p['value']} {p['unit']} {p['period']} {p['bound']}"
                  f"  [{p.get('metric', '')}]")
        for a, g, p in wrong:
            print(f"wrong    {g['source']}: {g['value']} {g['unit']}: {a} {p.get(a, '')!r}"
                  f" (gold {g[a]!r})")
    if exact and (precision < 1 or recall < 1 or any(w for w in wrong)):
        return 1
    return 0 if precision >= floor and recall >= floor else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
