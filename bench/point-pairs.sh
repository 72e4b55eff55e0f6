#!/usr/bin/env bash
# Issue 24's per-point target, measured in pairs: the library's At on every core (bench/IncLearn.Bench point) and numpy's
# closed form on its default threads (bench/peers.py point), alternately, PAIRS times; each line is one pair's ratio
# At / numpy per n, then the median ratio per n. The shared VM's speed moves by up to ±50 % from minute to minute; a pair
# takes seconds, so its two halves see the same machine.
# Usage: bash bench/point-pairs.sh [PAIRS] [n…]   (default 7 pairs, n = 200 500 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-7}; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(200 500 1000)
dotnet build -c Release bench/IncLearn.Bench >/dev/null
bench=bench/IncLearn.Bench/bin/Release/net10.0/IncLearn.Bench.dll
out=$(mktemp); trap 'rm -f "$out"' EXIT
for ((k = 1; k <= pairs; k++)); do
  lib=$(dotnet "$bench" point "${sizes[@]}")
  np=$(/usr/bin/python3 bench/peers.py point "${sizes[@]}")
  paste <(echo "$lib") <(echo "$np") | awk -v k="$k" '{ printf "pair %d: n = %d, At %.3g ms, numpy %.3g ms, ratio %.3f\n", k, $1, $2, $4, $2 / $4 }' | tee -a "$out"
done
echo "median ratio At / numpy per n over $pairs pairs:"
for n in "${sizes[@]}"; do
  grep "n = $n," "$out" | awk '{ print $NF }' | sort -g | awk -v n="$n" '{ r[NR] = $1 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "n = %d: %.3f (min %.3f, max %.3f)\n", n, m, r[1], r[NR] }'
done
