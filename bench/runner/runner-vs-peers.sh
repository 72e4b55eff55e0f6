#!/usr/bin/env bash
# The runner beside the real kernel's other clients, on the seven notebooks (README, Performance): inclearn-nb with
# --parallel 1 and 2, dotnet-repl per notebook, nbclient with the real kernel per notebook. One run each; wall seconds.
# Needs: a Release build (dotnet build IncLearnNotebooks.sln -c Release), `dotnet tool restore`, python3-nbclient.
# With --cold-images every client starts with an empty PNG cache (XDG_CACHE_HOME of its own), so each chart is drawn by
# Chromium (about 1 s each); without it the machine's cache (~/.cache/inclearn/png) serves the charts to every client alike.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d /tmp/inclearn-bench.XXXX)
trap 'rm -rf "$out"' EXIT
cold=${1:-}
cache() { if [ "$cold" = --cold-images ]; then d=$(mktemp -d "$out/cache.XXXX"); echo "$d"; else echo "${XDG_CACHE_HOME:-$HOME/.cache}"; fi; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
runner=src/IncLearn.Runner/bin/Release/net10.0/IncLearn.Runner.dll
for p in 1 2; do
  s=$(now); XDG_CACHE_HOME=$(cache) dotnet "$runner" run notebooks/*.ipynb --parallel "$p" --output-dir "$out/p$p" > "$out/p$p.log" 2>&1
  echo "inclearn-nb --parallel $p: exit $? wall $(since "$s") s; $(grep '^timings' "$out/p$p.log")"
done
s=$(now); export XDG_CACHE_HOME=$(cache)
for nb in notebooks/*.ipynb; do
  b=$(basename "$nb")
  (cd notebooks && dotnet tool run dotnet-repl -- --run "$b" --exit-after-run --output-format ipynb --output-path "$out/repl-$b" > /dev/null 2>&1)
done
echo "dotnet-repl, per notebook: wall $(since "$s") s"
kernels=$(mktemp -d /tmp/inclearn-kernelspec.XXXX)
trap 'rm -rf "$out" "$kernels"' EXIT
dotnet tool run dotnet-interactive -- jupyter install --path "$kernels" > /dev/null 2>&1
mkdir -p "$kernels/kernels" && for d in "$kernels"/.net-*; do mv "$d" "$kernels/kernels/"; done
# The same tool the runner starts (no global `dotnet interactive`), HTTP on loopback only.
/usr/bin/python3 - "$kernels/kernels/.net-csharp/kernel.json" "$(ls ~/.nuget/packages/microsoft.dotnet-interactive/1.0.712001/tools/*/any/Microsoft.DotNet.Interactive.App.dll)" <<'PY'
import json, sys
path, dll = sys.argv[1], sys.argv[2]
k = json.load(open(path)); k["argv"] = ["dotnet", "exec", dll] + k["argv"][2:] + ["--http-local-only"]; json.dump(k, open(path, "w"))
PY
s=$(now); export XDG_CACHE_HOME=$(cache)
for nb in notebooks/*.ipynb; do
  JUPYTER_PATH="$kernels" /usr/bin/python3 -c "
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
try: NotebookClient(nb, kernel_name='.net-csharp', timeout=300, resources={'metadata': {'path': 'notebooks'}}).execute()
except Exception as e: print(sys.argv[1], type(e).__name__)
" "$nb"
done
echo "nbclient + real kernel, per notebook: wall $(since "$s") s"
