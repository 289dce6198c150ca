#!/bin/sh
# The README's pictures, from the data below (invented for it, in the shape of real releases):
#   docs/chart.png    the default project's chart, as `jianbao build` draws it
#   docs/compare.png  jianbao's default charts beside a hand-tuned matplotlib script on the
#                     same data: a monthly growth rate with troughs, and bars with bounds
#                     (超, 约) and a forecast
# Rerun after a change to how charts look:  sh tools/docs-images.sh   (after make)
# Needs: python3-matplotlib (tools/deps.sh bench), python3-pil (matplotlib's dependency).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
J=$ROOT/jianbao
PY=/usr/bin/python3
FONT=$ROOT/fonts/jianbao-sans-regular.otf
BOLD=$ROOT/fonts/jianbao-sans-bold.otf
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$ROOT"

# docs/chart.png: the default project's chart (out/charts/ai-core-industry.png)
"$J" build >/dev/null
cp out/charts/ai-core-industry.png docs/chart.png

cat >"$T/series.csv" <<'CSV'
metric_id,label,period,value,unit,bound,forecast,sources
export.growth,出口同比增速,2024-01,5.6,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-02,-1.2,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-03,7.9,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-04,1.5,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-05,7.6,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-06,8.6,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-07,7.0,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-08,8.7,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-09,2.4,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-10,12.7,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-11,6.7,%,exact,0,示例统计快报
export.growth,出口同比增速,2024-12,10.7,%,exact,0,示例统计快报
ai.size,人工智能核心产业规模,2022,400000000000,元,at_least,0,示例新闻网
ai.size,人工智能核心产业规模,2023,578000000000,元,about,0,示例新闻网
ai.size,人工智能核心产业规模,2024,700000000000,元,exact,0,示例新闻网
ai.size,人工智能核心产业规模,2025,1200000000000,元,at_least,1,示例新闻网
CSV
"$J" chart --data "$T/series.csv" --metric export.growth --type line --scale 1 -o "$T/j-line.png"
"$J" chart --data "$T/series.csv" --metric ai.size --scale 1 -o "$T/j-bar.png"

# The hand-tuned peer: what an analyst's careful matplotlib script draws (CJK font, bold
# title, units on the axis, light grid, no frame, a label on every point and bar).
cat >"$T/peer.py" <<'PY'
import sys
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager
import matplotlib.pyplot as plt
font_manager.fontManager.addfont(sys.argv[1])
plt.rcParams["font.family"] = font_manager.FontProperties(fname=sys.argv[1]).get_name()
out = sys.argv[2]

def frame(ax, fig, title, unit, source):
    ax.set_title(title, loc="left", fontsize=16, fontweight="bold", pad=14)
    ax.set_ylabel(unit)
    ax.grid(axis="y", color="#E3E3E3")
    ax.set_axisbelow(True)
    for s in ("top", "right", "left"):
        ax.spines[s].set_visible(False)
    fig.text(0.02, 0.02, source, fontsize=8, color="#666666")

months = [f"{m}月" for m in range(1, 13)]
rates = [5.6, -1.2, 7.9, 1.5, 7.6, 8.6, 7.0, 8.7, 2.4, 12.7, 6.7, 10.7]
fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
ax.plot(months, rates, marker="o", color="#0072B2", lw=2)
for m, v in zip(months, rates):
    ax.annotate(f"{v:g}%", (m, v), textcoords="offset points", xytext=(0, 6), ha="center",
                fontsize=9, color="#0072B2")
frame(ax, fig, "出口同比增速", "%", "来源：示例统计快报")
fig.savefig(out + "-line.png")
plt.close(fig)

fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
years = ["2022", "2023", "2024", "2025\n预计"]
values = [0.4, 0.578, 0.7, 1.2]
b = ax.bar(years, values, width=0.56, color=["#0072B2"] * 3 + ["#B7D3E8"])
ax.bar_label(b, labels=[f"{v * 10000:.0f}亿" if v < 1 else f"{v:g}万亿" for v in values],
             fontsize=12, padding=3)
frame(ax, fig, "人工智能核心产业规模", "万亿元", "来源：示例新闻网")
fig.savefig(out + "-bar.png")
plt.close(fig)
PY
"$PY" "$T/peer.py" "$FONT" "$T/m"

# Side by side: jianbao left, matplotlib right, one row per chart; 256 colours keep it small.
"$PY" - "$T" "$FONT" "$BOLD" "$ROOT/docs/compare.png" <<'PY'
import sys
from PIL import Image, ImageDraw, ImageFont
t, font, bold, out = sys.argv[1:5]
W, H, head, gap = 800, 450, 44, 16
img = Image.new("RGB", (2 * W + gap, 2 * (H + head)), "white")
d = ImageDraw.Draw(img)
f = ImageFont.truetype(bold, 20)
for col, (who, what) in enumerate([("j", "jianbao：默认设置，未经修改"),
                                   ("m", "matplotlib：手工调整的脚本")]):
    for row, kind in enumerate(["line", "bar"]):
        x, y = col * (W + gap), row * (H + head)
        d.text((x + 28, y + 12), what, font=f, fill="#333333")
        img.paste(Image.open(f"{t}/{who}-{kind}.png").convert("RGB").resize((W, H)), (x, y + head))
        d.rectangle([x, y + head, x + W - 1, y + head + H - 1], outline="#CCCCCC")
img.quantize(256).save(out, optimize=True)
PY
echo "docs/chart.png and docs/compare.png written"
