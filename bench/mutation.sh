#!/usr/bin/env bash
# Mutation testing of src/IncLearn with the pinned dotnet-stryker (issue 25). Not part of .ci/run: on 2 shared cores one
# file set takes 5–30 minutes. Usage:
#   bench/mutation.sh                 # every set below, in order
#   bench/mutation.sh theorems target # the named sets
# Each set mutates only its files (stryker --mutate) and runs the IncLearn.Tests selected by FILTER (the slow numerical-kernel
# suites that cannot cover these files are left out). Reports: bench/mutation/<set>/reports/mutation-report.{json,md};
# per-file scores and every surviving mutant: bench/mutation/<set>/summary.md (see bench/MUTATION.md for the last run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Slow suites that test the closed form's kernels, not the files mutated here (each takes 5–60 s per mutant).
skip='FullyQualifiedName!~InverseFactorFormTests&FullyQualifiedName!~NativeLapackTests&FullyQualifiedName!~SingleFarOutputTime&FullyQualifiedName!~ClosedFormMatchesIntegratorThroughAllTransitions&FullyQualifiedName!~ReferenceTests'

declare -A MUTATE=(
  [theorems]='**/Theorems/*.cs'
  [remarks]='**/Remarks/*.cs'
  [initialization]='**/IncLearn/Initialization.cs'
  [target]='**/IncLearn/Target.cs'
  [spectral]='**/IncLearn/SpectralTrajectory.cs'
  [measurements]='**/Measurements/*.cs'
)
order=(theorems remarks initialization target spectral measurements)
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=("${order[@]}")

dotnet tool restore >/dev/null
for set in "${sets[@]}"; do
  glob=${MUTATE[$set]:?unknown set $set (one of: ${order[*]})}
  out="$root/bench/mutation/$set"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $set: $glob ($(date -u +%FT%TZ))"
  # Run from the test project (at the root Stryker sees the solution and ignores the test project); config at the root.
  (cd tests/IncLearn.Tests && dotnet dotnet-stryker --config-file ../../stryker-config.json --mutate "$glob" \
    --test-case-filter "$skip" --output "$out" --skip-version-check) | tee "$out/stryker.log" | grep -E "score|Killed|Survived|Timeout|No coverage|mutants" || true
  rm -f "$out/.gitignore" # Stryker's own ("*") would hide summary.md; bench/mutation/.gitignore keeps the reports out of git
  python3 "$root/bench/mutation_summary.py" "$out/reports/mutation-report.json" "$set" > "$out/summary.md"
  cat "$out/summary.md"
done
