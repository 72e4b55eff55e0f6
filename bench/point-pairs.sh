#!/usr/bin/env bash
# Issue 24's targets, measured in pairs: the library's At on every core (bench/IncLearn.Bench point) against numpy's closed
# form on its default threads (bench/peers.py point), or the library's set-up (Target + constructor, `setup`) against numpy's
# (eigh + Ũ + Cholesky), alternately, PAIRS times; each line is one pair's ratio library / numpy per n, then the median
# ratio per n. The shared VM's speed moves by up to ±50 % from minute to minute; a pair takes seconds, so its two halves see
# the same machine.
# Usage: bash bench/point-pairs.sh [point|setup] [PAIRS] [n…]   (default point, 7 pairs, n = 200 500 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=point
if [ "${1:-}" = point ] || [ "${1:-}" = setup ]; then mode=$1; shift; fi
pairs=${1:-7}; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(200 500 1000)
dotnet build -c Release bench/IncLearn.Bench >/dev/null
bench=bench/IncLearn.Bench/bin/Release/net10.0/IncLearn.Bench.dll
out=$(mktemp); trap 'rm -f "$out"' EXIT
for ((k = 1; k <= pairs; k++)); do
  lib=$(dotnet "$bench" "$mode" "${sizes[@]}")
  np=$(/usr/bin/python3 bench/peers.py "$mode" "${sizes[@]}")
  paste <(echo "$lib") <(echo "$np") | awk -v k="$k" -v mode="$mode" '{ printf "pair %d: n = %d, %s %.3g ms, numpy %.3g ms, ratio %.3f\n", k, $1, mode, $2, $4, $2 / $4 }' | tee -a "$out"
done
echo "median ratio library / numpy ($mode) per n over $pairs pairs:"
for n in "${sizes[@]}"; do
  grep "n = $n," "$out" | awk '{ print $NF }' | sort -g | awk -v n="$n" '{ r[NR] = $1 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "n = %d: %.3f (min %.3f, max %.3f)\n", n, m, r[1], r[NR] }'
done
