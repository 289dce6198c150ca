#!/bin/sh
# make bench: jianbao's charts against matplotlib (Agg, PDF) and gnuplot (pngcairo, pdfcairo),
# side by side in one run on the same data: the issue's two-bar 1600×900 chart (CJK title,
# labels and source) and an 8-point line chart. Prints charts/s in one process, cold ms per
# chart (hyperfine), PDF sizes, and jianbao's ratio to each peer.
# Needs: tools/deps.sh bench (python3-matplotlib gnuplot-nox hyperfine).
set -eu
J=${JIANBAO:-$(pwd)/jianbao}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
N=${BENCH_N:-200}        # jianbao renders per in-process run
NP=${BENCH_PEER_N:-20}   # peer renders per in-process run
PY=/usr/bin/python3
FONT=$ROOT/fonts/jianbao-sans-regular.otf

cat > "$T/series.csv" <<'CSV'
metric_id,label,period,value,unit,bound,forecast,sources
ai.core_industry_size,人工智能核心产业规模,2022,400000000000,元,at_least,0,examples/2022-07-ai-industry.md
ai.core_industry_size,人工智能核心产业规模,2025,1200000000000,元,at_least,1,examples/2026-01-press-conference.txt
robot.output,工业机器人产量,2018,148000,台（套）,exact,0,d.md
robot.output,工业机器人产量,2019,177000,台（套）,exact,0,d.md
robot.output,工业机器人产量,2020,237000,台（套）,exact,0,d.md
robot.output,工业机器人产量,2021,366000,台（套）,exact,0,d.md
robot.output,工业机器人产量,2022,443000,台（套）,exact,0,d.md
robot.output,工业机器人产量,2023,430000,台（套）,exact,0,d.md
robot.output,工业机器人产量,2024,556000,台（套）,exact,0,d.md
robot.output,工业机器人产量,2025,650000,台（套）,about,1,d.md
CSV

# ---- peers: the same two charts ---------------------------------------------------------
cat > "$T/mpl.py" <<'PY'
import sys, time
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager
import matplotlib.pyplot as plt
font_manager.fontManager.addfont(sys.argv[1])
plt.rcParams["font.family"] = font_manager.FontProperties(fname=sys.argv[1]).get_name()
kind, out, n = sys.argv[2], sys.argv[3], int(sys.argv[4])
def bar(path):
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=200)
    b = ax.bar(["2022", "2025\n预计"], [0.4, 1.2], width=0.56, color=["#0072B2", "#B7D3E8"])
    ax.bar_label(b, labels=["超4000亿", "超1.2万亿"], fontsize=12, fontweight="bold")
    ax.set_title("人工智能核心产业规模", loc="left", fontsize=16, fontweight="bold")
    ax.set_ylabel("万亿元"); ax.grid(axis="y", color="#E3E3E3"); ax.set_axisbelow(True)
    for s in ("top", "right", "left"): ax.spines[s].set_visible(False)
    fig.text(0.02, 0.02, "来源：2022-07-ai-industry.md、2026-01-press-conference.txt", fontsize=8, color="#666666")
    fig.savefig(path); plt.close(fig)
def line(path):
    x = [str(y) for y in range(2018, 2026)]
    v = [14.8, 17.7, 23.7, 36.6, 44.3, 43.0, 55.6, 65.0]
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=200)
    ax.plot(x[:7], v[:7], marker="o", color="#0072B2", lw=2.5)
    ax.plot(x[6:], v[6:], marker="o", color="#0072B2", lw=2.5, ls="--")
    for a, b in zip(x, v): ax.annotate(f"{b:g}万", (a, b), textcoords="offset points", xytext=(0, 8), ha="center")
    ax.set_title("工业机器人产量", loc="left", fontsize=16, fontweight="bold")
    ax.set_ylabel("万台（套）"); ax.grid(axis="y", color="#E3E3E3"); ax.set_ylim(0, None)
    fig.text(0.02, 0.02, "来源：d.md", fontsize=8, color="#666666")
    fig.savefig(path); plt.close(fig)
f = bar if kind == "bar" else line
t0 = time.perf_counter()
for i in range(n): f(out)
print("%.1f" % (n / (time.perf_counter() - t0)))
PY

gp_script() { # kind term ext n → a gnuplot script rendering n charts
    if [ "$1" = bar ]; then
        data='2022 0.4 "超4000亿"
2025 1.2 "超1.2万亿"'
        plot='plot $d using 0:2:xtic(1) with boxes lc rgb "#0072B2" notitle, $d using 0:2:3 with labels offset 0,1 font ",14" notitle'
        title=人工智能核心产业规模; unit=万亿元
    else
        data='2018 14.8 "14.8万"
2019 17.7 "17.7万"
2020 23.7 "23.7万"
2021 36.6 "36.6万"
2022 44.3 "44.3万"
2023 43.0 "43万"
2024 55.6 "55.6万"
2025 65.0 "约65万"'
        plot='plot $d using 0:2:xtic(1) with linespoints lw 3 pt 7 lc rgb "#0072B2" notitle, $d using 0:2:3 with labels offset 0,1 notitle'
        title=工业机器人产量; unit=万台（套）
    fi
    cat <<GP
\$d << EOD
$data
EOD
set terminal $2 size $3 font "Noto Sans CJK SC,12"
set title "$title" left font ",18"
set ylabel "$unit"
set yrange [0:*]; set boxwidth 0.56; set style fill solid; set grid ytics lc rgb "#E3E3E3"
set label 1 "来源：examples" at screen 0.02, screen 0.03 font ",9"
do for [i=1:$4] {
  set output "$5"
  $plot
}
GP
}

rate() { # label, count, command… → charts/s of the command rendering `count` charts;
    # also appends charts per CPU-second (user+sys) to $T/cpu: what one idle core would do
    n=$2; shift 2
    s=$(date +%s.%N); /usr/bin/time -f '%U %S' -o "$T/time" "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    awk -v n="$n" '{printf "%.0f", n / ($1 + $2)}' "$T/time" >"$T/cpu"
    echo "$n $s $e" | awk '{printf "%.1f", $1 / ($3 - $2)}'
}

cold() { # command… → mean ms over hyperfine runs
    hyperfine -N --warmup 2 --runs "${BENCH_COLD_RUNS:-15}" --export-json "$T/h.json" "$*" >/dev/null 2>&1
    $PY -c "import json;print('%.1f' % (json.load(open('$T/h.json'))['results'][0]['mean']*1000))"
}

printf '%-34s %10s %10s %10s\n' "chart / tool" "charts/s" "cold ms" "PDF bytes"
for kind in bar line; do
    if [ $kind = bar ]; then m=ai.core_industry_size; else m=robot.output; fi
    jb="$J chart --data $T/series.csv --metric $m"
    [ $kind = line ] && jb="$jb --type line"
    # jianbao: one process, then two at once (2 cores), then cold single charts
    jp=$(rate x "$N" $jb -o "$T/j.png" --repeat "$N"); jpc=$(cat "$T/cpu")
    s=$(date +%s.%N)
    $jb -o "$T/j1.png" --repeat "$N" & p1=$!
    $jb -o "$T/j2.png" --repeat "$N" & p2=$!
    wait $p1 $p2
    e=$(date +%s.%N)
    j2=$(echo "$N $s $e" | awk '{printf "%.1f", 2 * $1 / ($3 - $2)}')
    jd=$(rate x "$N" $jb -o "$T/j.pdf" --repeat "$N"); jdc_cpu=$(cat "$T/cpu")
    jc=$(cold $jb -o "$T/jc.png")
    jdc=$(cold $jb -o "$T/jc.pdf")
    jsz=$(stat -c %s "$T/j.pdf"); jpng=$(stat -c %s "$T/j.png")
    # matplotlib
    mp=$($PY "$T/mpl.py" "$FONT" $kind "$T/m.png" "$NP")
    rate x "$NP" $PY "$T/mpl.py" "$FONT" $kind "$T/m.png" "$NP" >/dev/null; mpc=$(cat "$T/cpu")
    md=$($PY "$T/mpl.py" "$FONT" $kind "$T/m.pdf" "$NP")
    mc=$(cold $PY "$T/mpl.py" "$FONT" $kind "$T/mc.png" 1)
    msz=$(stat -c %s "$T/m.pdf")
    # gnuplot
    gp_script $kind pngcairo "1600,900" "$NP" "$T/g.png" > "$T/g.gp"
    gp_script $kind pdfcairo "8in,4.5in" "$NP" "$T/g.pdf" > "$T/gd.gp"
    gp_script $kind pngcairo "1600,900" 1 "$T/gc.png" > "$T/gc.gp"
    gpp=$(rate x "$NP" gnuplot "$T/g.gp"); gpc=$(cat "$T/cpu")
    gpd=$(rate x "$NP" gnuplot "$T/gd.gp")
    gc=$(cold gnuplot "$T/gc.gp")
    gsz=$(stat -c %s "$T/g.pdf")
    printf '%-34s %10s %10s %10s\n' "$kind: PNG per CPU-second" "$jpc" "" "" \
        "$kind:   (matplotlib, gnuplot)" "$mpc, $gpc" "" "" \
        "$kind: PDF per CPU-second" "$jdc_cpu" "" "" \
        "$kind: jianbao PNG (1 core)" "$jp" "$jc" "" \
        "$kind: jianbao PNG (2 processes)" "$j2" "" "" \
        "$kind: jianbao PDF" "$jd" "$jdc" "$jsz" \
        "$kind: matplotlib Agg / PDF" "$mp / $md" "$mc" "$msz" \
        "$kind: gnuplot pngcairo / pdfcairo" "$gpp / $gpd" "$gc" "$gsz"
    echo "$jp $mp $gpp $jc $mc $gc $jd $md $gpd $jpng" | awk -v k=$kind '{
        printf "%s ratios: PNG/s %.0f× matplotlib, %.0f× gnuplot; cold %.0f× faster than matplotlib, %.1f× than gnuplot; PDF/s %.0f× matplotlib, %.0f× gnuplot; jianbao PNG %d bytes\n",
            k, $1/$2, $1/$3, $5/$4, $6/$4, $7/$8, $7/$9, $10 }'
    echo "$jp $j2 $jc $jd $jsz" | awk -v k=$kind '{
        printf "%s floors: PNG/s one core %s %s (≥100), two processes %s %s (≥180), cold %s ms %s (≤25), PDF/s %s %s (≥100), PDF %s B %s (≤10240)\n",
            k, $1, ($1>=100?"ok":"MISSED"), $2, ($2>=180?"ok":"MISSED"), $3, ($3<=25?"ok":"MISSED"), $4, ($4>=100?"ok":"MISSED"), $5, ($5<=10240?"ok":"MISSED") }'
    echo "  (load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores: other work on this machine lowers every figure)"
done
