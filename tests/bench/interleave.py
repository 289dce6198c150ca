"""Wall-clock time of whole processes, side by side: python3 interleave.py ROUNDS CMD...

Each round runs every command once, in turn, so a change in the machine's load (the bench
machines are shared) falls on all of them alike; prints one line per command, the median and
the lowest time in ms over the rounds. A command is one shell-free argument string, split on
spaces. Used by tests/bench/chart.sh for issue 19's floors (ratios, never absolute times)."""
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
cmds = [c.split() for c in sys.argv[2:]]
times = [[] for _ in cmds]
for c in cmds:  # warm the page cache: the first run of a binary reads it from disk
    subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(rounds):
    for i, c in enumerate(cmds):
        t = time.perf_counter()
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[i].append((time.perf_counter() - t) * 1000)
for t in times:
    print("%.1f %.1f" % (statistics.median(t), min(t)))
