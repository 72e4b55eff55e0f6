#!/usr/bin/env bash
# Mutation testing of src/IncLearn with the pinned dotnet-stryker (issue 25). Not part of .ci/run: on 2 cores one file set
# takes 4–50 minutes, the whole library about 100 minutes (bench/MUTATION.md). Usage:
#   bench/mutation.sh                 # everything: the sets "math" and "kernels" (one Stryker session each, see below)
#   bench/mutation.sh theorems target # the named sets (a folder or file each), one Stryker session per set
# Each set mutates only its files (stryker --mutate) and runs the IncLearn.Tests selected by its filter (math sets leave out
# the slow numerical-kernel suites, which cannot cover their files; kernel sets keep them, less their two largest sizes). Reports: bench/mutation/<set>/reports/mutation-report.{json,md};
# per-file scores and every surviving mutant: bench/mutation/<set>/summary.md (see bench/MUTATION.md for the last run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Math sets: the slow suites that test the closed form's kernels, not these files, are left out (5–60 s per mutant).
skip='FullyQualifiedName!~InverseFactorFormTests&FullyQualifiedName!~NativeLapackTests&FullyQualifiedName!~SingleFarOutputTime&FullyQualifiedName!~ClosedFormMatchesIntegratorThroughAllTransitions&FullyQualifiedName!~ReferenceTests'
# Kernel sets: every suite, except the two largest sizes of the fast-path comparison (n = 261 and 400: 24 of its 26 s in
# Debug); its sizes up to 150 and NativeLapackThreadTests (n = 130, 300, 401) still reach every branch, the split pieces included.
kernel='DisplayName!~n: 400&DisplayName!~n: 261'

# A set's files (space-separated globs) and its test filter.
declare -A MUTATE=(
  [theorems]='**/Theorems/*.cs'
  [remarks]='**/Remarks/*.cs'
  [initialization]='**/IncLearn/Initialization.cs'
  [target]='**/IncLearn/Target.cs'
  [spectral]='**/IncLearn/SpectralTrajectory.cs'
  [measurements]='**/Measurements/*.cs'
  [closedform]='**/IncLearn/ClosedFormSolution.cs'
  [inverse]='**/IncLearn/InverseFactorForm.cs'
  [graded]='**/IncLearn/GradedHouseholder.cs'
  [integrators]='**/IncLearn/DormandPrince45.cs **/IncLearn/DormandPrince853.cs **/IncLearn/GradientFlowIntegrator.cs'
)
# The whole library in two sessions, one per test filter: every session first compiles all mutants and captures per-test
# coverage (about two minutes), so one session per group instead of one per set saves that eight times over.
MUTATE[math]="${MUTATE[theorems]} ${MUTATE[remarks]} ${MUTATE[initialization]} ${MUTATE[target]} ${MUTATE[spectral]} ${MUTATE[measurements]}"
MUTATE[kernels]="${MUTATE[closedform]} ${MUTATE[inverse]} ${MUTATE[graded]} ${MUTATE[integrators]}"
declare -A FILTER=([closedform]=$kernel [inverse]=$kernel [graded]=$kernel [integrators]=$kernel [kernels]=$kernel)
order=(theorems remarks initialization target spectral measurements closedform inverse graded integrators math kernels)
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(math kernels)

dotnet tool restore >/dev/null
for set in "${sets[@]}"; do
  globs=${MUTATE[$set]:?unknown set $set (one of: ${order[*]})}
  filter=${FILTER[$set]:-$skip}
  read -r -a list <<< "$globs"   # split on spaces without expanding the globs here
  mutate=()
  for glob in "${list[@]}"; do mutate+=(--mutate "$glob"); done
  out="$root/bench/mutation/$set"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $set: $globs ($(date -u +%FT%TZ))"
  # Run from the test project (at the root Stryker sees the solution and ignores the test project); config at the root.
  (cd tests/IncLearn.Tests && dotnet dotnet-stryker --config-file ../../stryker-config.json "${mutate[@]}" \
    --test-case-filter "$filter" --output "$out" --skip-version-check --log-to-file) | tee "$out/stryker.log" | grep -E "score|Killed|Survived|Timeout|No coverage|mutants" || true
  rm -f "$out/.gitignore" # Stryker's own ("*") would hide summary.md; bench/mutation/.gitignore keeps the reports out of git
  python3 "$root/bench/mutation_summary.py" "$out/reports/mutation-report.json" "$set" > "$out/summary.md"
  cat "$out/summary.md"
done
