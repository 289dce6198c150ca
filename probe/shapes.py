#!/usr/bin/env python3
"""probe/shapes.py BINARY [SHAPE...] — how extract's cost grows with the size of a clause.

For each sentence shape seen in news (a figure after a time, a change against a base year,
由…增加到…, 分别 lists, ranges, 同比/环比 pairs, lists of years, tables, long runs without
punctuation, many dates, many hedges…) it builds an article holding the shape repeated N
times and 2N times in three layouts:

  clause  every repetition in ONE clause (no punctuation between them)
  comma   one sentence, a clause each (，between them)
  para    one paragraph, a sentence each (。between them)

and prints the ratio of the CPU time (user + system of the child, so a loaded machine
distorts it less than wall time) at 2N to that at N, less a run on an empty article: about 2
is linear, about 4 quadratic. N is doubled from 500 until a run takes --min CPU seconds
(or the input reaches --max-bytes). The ratio of rows written is printed too (2 when every
figure still becomes a statement at both sizes), and that of the peak memory.

  python3 probe/shapes.py ./jianbao                 # every shape
  python3 probe/shapes.py ./jianbao yoy fenbie_years  # some
  python3 probe/shapes.py --list
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

# name: (what it is, prefix, unit repeated, suffix); {i} is the repetition's index
SHAPES = {
    "time_before": ("a figure with a time before it", "", "2024年产值12.5亿元", ""),
    "base_year": ("a change against a base year", "", "比2020年增加5个", ""),
    "yoy": ("a change against the same period a year before", "", "较上年同期增长5%", ""),
    "point_base": ("a change since a point (年末, 8月末)", "", "比上年末增加9万人", ""),
    "from_to": ("由…增加到…", "", "由2020年的1元增加到2025年的2元", ""),
    "from_to_change": ("由…降至…，降幅", "", "由2016年的0.85元降至2025年的0.32元降幅超过六成", ""),
    "fenbie": ("分别 lists after a comma", "2025年，", "甲乙分别增长1%和2%", ""),
    "fenbie_years": ("a 分别 list after a list of years", "", "2023年、2024年和2025年分别为1亿元、2亿元和3亿元", ""),
    "years_list": ("a list of years", "", "2021年、2022年、2023年产值", "5亿元"),
    "range": ("ranges", "", "增长5%至8%", ""),
    "range_money": ("ranges of money", "", "投资3万—5万元", ""),
    "yoy_mom": ("同比/环比 pairs", "", "同比增长5%环比增长2%", ""),
    "year_month": ("cumulative months", "", "1-10月销售额5亿元", ""),
    "quarters": ("quarters", "", "一季度增长5.3%", ""),
    "dates": ("many dates", "", "3月11日全国民航执行航班14862班次", ""),
    "hedges": ("many hedges", "", "约5亿元超过6亿元近7亿元8亿元左右9亿元以上", ""),
    "share_of": ("a share of another year's whole", "2026年上半年，", "出口额占2025年全年出口额的55%", ""),
    "ratio_base": ("相当于…的", "", "相当于2025年全年营业收入65.9亿元的约48%", ""),
    "forecast": ("预计到…将达到", "", "预计到2030年将达到5万亿元", ""),
    "cutoff": ("截至…累计", "", "截至2025年底累计建成5万个", ""),
    "market": ("a market's close", "", "恒生指数今日收报17430点升320点", ""),
    "span": ("levels over a review's span", "五年来，全省", "达到12.5亿元", ""),
    "yearly": ("年均 in a plan", "", "年均增长12%以上", ""),
    "metric": ("a dictionary metric", "", "社会消费品零售总额{i}亿元", ""),
    "cjk": ("numbers in characters", "", "一千二百亿元", ""),
    "run_on": ("a long run without punctuation", "", "产业规模超过四千亿元", ""),
    "list": ("a list under one unit", "人工智能产业规模分别为", "{i}万亿、", "元"),
    "scenario": ("a scenario (若…)", "", "若关税上调美汇指数有机会跌穿99水平", ""),
    "ratio_far": ("ratios of a base named far before them", "相当于2025年全年营业收入", "的5%", ""),
    "target_far": ("shares of a budget named far before them", "已达全年预算", "5%", ""),
    "named": ("clauses opening with a name the story defined", "五一假期（5月1日至5日）全市接待游客5万人次。",
              "五一假期今年全市，", "接待游客6万人次"),
}

# name: (what it is, function of N giving the body): one list of N, not N repetitions
LISTS = {
    "fenbie_long": ("a 分别 list of N values after a list of N years",
                    lambda n: "、".join(f"{1000 + i % 9000}年" for i in range(n)) + "分别为" +
                    "、".join(f"{i + 1}亿元" for i in range(n))),
    "years_long": ("a list of N years before one figure",
                   lambda n: "、".join(f"{1000 + i % 9000}年" for i in range(n)) + "产值5亿元"),
}

TABLES = {
    "table_rows": ("a table of many rows", "<p>2024-03-01</p><table><tr><td>年份</td><td>规模</td></tr>",
                   "<tr><td>{y}年</td><td>{i}亿元</td></tr>", "</table>"),
    "table_wide": ("a table row of many cells", "<p>2024-03-01</p><table><tr><td>规模</td>",
                   "<td>{i}</td>", "</tr></table>"),
}

LAYOUTS = {"clause": "", "comma": "，", "para": "。"}


def article(shape, layout, n):
    if shape in LISTS:
        return ("2024-03-01\n\n" + LISTS[shape][1](n) + "。\n").encode(), ".txt"
    if shape in TABLES:
        _, pre, unit, post = TABLES[shape]
        body = "".join(unit.format(i=i, y=1000 + i % 9000) for i in range(n))
        return (pre + body + post + "\n").encode(), ".html"
    _, pre, unit, post = SHAPES[shape]
    sep = LAYOUTS[layout]
    if "{i}" in unit:
        body = sep.join(unit.format(i=i) for i in range(n))
    else:
        body = sep.join([unit] * n)
    return ("2024-03-01\n\n" + pre + body + post + "。\n").encode(), ".txt"


def run(binary, data, ext, timeout):
    """CPU seconds (user + system), peak KB and rows written of one extract."""
    with tempfile.TemporaryDirectory(prefix="shapes.") as d:
        src = os.path.join(d, "a" + ext)
        out = os.path.join(d, "m.csv")
        with open(src, "wb") as f:
            f.write(data)
        p = subprocess.Popen([binary, "extract", "-o", out, src],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.monotonic()
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                p.kill()
                pid, status, ru = os.wait4(p.pid, 0)
                return None, ru.ru_maxrss, -1
            time.sleep(0.01)
        rows = 0
        if os.path.exists(out):
            with open(out, "rb") as f:
                rows = max(sum(1 for _ in f) - 1, 0)
        return ru.ru_utime + ru.ru_stime, ru.ru_maxrss, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary", nargs="?")
    ap.add_argument("shapes", nargs="*")
    ap.add_argument("--layouts", default="clause,comma,para")
    ap.add_argument("--min", type=float, default=0.4, help="CPU seconds the run at N should take")
    ap.add_argument("--max-bytes", type=int, default=6_000_000)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    allshapes = {**SHAPES, **TABLES, **LISTS}
    if a.list or not a.binary:
        for k, v in allshapes.items():
            print(f"{k:16} {v[0]}")
        return 0
    shapes = a.shapes or list(allshapes)
    for s in shapes:
        if s not in allshapes:
            sys.exit(f"unknown shape {s} (--list)")
    empty, _ = b"2024-03-01\n\n\xe6\x97\xa0\xe3\x80\x82\n", None
    base = min(run(a.binary, empty, ".txt", 30)[0] for _ in range(3))
    print(f"# {a.binary}; empty article {base:.3f} s; ratio = (t(2N) - t0) / (t(N) - t0)")
    print(f"{'shape':16} {'layout':6} {'N':>7} {'KB':>6} {'t(N)':>7} {'t(2N)':>7} {'ratio':>6} {'rows':>5} {'mem':>5}")
    worst = 0.0
    for s in shapes:
        layouts = ["clause"] if s in TABLES or s in LISTS else a.layouts.split(",")
        for lay in layouts:
            n = 500
            while True:
                data, ext = article(s, lay, n)
                t1, kb1, r1 = run(a.binary, data, ext, a.timeout)
                if t1 is None or t1 - base >= a.min or len(data) * 2 > a.max_bytes:
                    break
                n *= 2
            data2, ext = article(s, lay, 2 * n)
            t2, kb2, r2 = (None, 0, 0) if t1 is None else run(a.binary, data2, ext, a.timeout)
            if t1 is None or t2 is None:
                print(f"{s:16} {lay:6} {n:7d} {len(data) // 1024:6d} {'timeout':>7}")
                continue
            ratio = (t2 - base) / max(t1 - base, 1e-3)
            worst = max(worst, ratio)
            rr = f"{r2 / r1:.2f}" if r1 else "-"
            flag = "  <-- super-linear" if ratio > 2.8 else ""
            print(f"{s:16} {lay:6} {n:7d} {len(data) // 1024:6d} {t1:7.2f} {t2:7.2f} {ratio:6.2f} {rr:>5} {kb2 / kb1:5.2f}{flag}",
                  flush=True)
    print(f"# worst ratio {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
