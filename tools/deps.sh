#!/bin/sh
# Install the Debian packages jianbao needs, or say which are missing.
# Usage: tools/deps.sh run|test|bench|fuzz|man|format   (all but format add the tools they use to
# what run needs; format needs only clang-format)
set -eu
what=${1:-run}
pkgs="gcc make pkg-config libc6-dev libglib2.0-dev libcairo2-dev libpango1.0-dev libcsv-dev
      zlib1g-dev libcmark-dev libjson-glib-dev fonts-noto-cjk fontconfig python3 python3-fonttools"
if [ "$what" = fuzz ]; then
    pkgs="$pkgs clang libclang-rt-14-dev"
fi
if [ "$what" = format ]; then
    pkgs="clang-format"
fi
if [ "$what" = man ] || [ "$what" = test ]; then
    pkgs="$pkgs help2man"
fi
if [ "$what" = bench ]; then
    pkgs="$pkgs python3-matplotlib gnuplot-nox hyperfine strace time"
fi
if [ "$what" = test ]; then
    pkgs="$pkgs perl file poppler-utils qpdf pngcheck valgrind libxml2-utils libreoffice-calc-nogui unzip
          slurmctld slurmd slurm-client munge locales time strace"
fi
missing=""
for p in $pkgs; do
    status=$(dpkg-query -W -f '${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "jianbao: missing Debian packages:$missing — run as root: apt-get install$missing" >&2
    exit 1
fi
echo "jianbao: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
