#!/usr/bin/env python3
"""Per-file mutation scores and the surviving mutants, from a Stryker mutation-report.json (mutation-testing-elements schema).
Score = (killed + timeout) / (killed + timeout + survived + no coverage), compile errors and ignored mutants excluded."""
import json, sys, datetime

report_path, name = sys.argv[1], sys.argv[2]
with open(report_path, encoding="utf-8") as f:
    report = json.load(f)
print(f"# Mutation run `{name}` ({datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC)\n")
print("| file | killed | timeout | survived | no coverage | compile error / ignored | score |")
print("|---|---|---|---|---|---|---|")
survivors = []
totals = [0, 0, 0, 0]
# Issue 25's targets are per folder for Theorems/, Remarks/ and Measurements/, and for the integrators as one kernel.
GROUPS = {"Theorems/": lambda f: f.startswith("Theorems/"), "Remarks/": lambda f: f.startswith("Remarks/"),
          "Measurements/": lambda f: f.startswith("Measurements/"),
          "integrators": lambda f: f in ("DormandPrince45.cs", "DormandPrince853.cs", "GradientFlowIntegrator.cs")}
group_totals = {g: [0, 0, 0, 0] for g in GROUPS}
for path, data in sorted(report["files"].items()):
    counts = {}
    for m in data["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            survivors.append((path.split("src/IncLearn/")[-1], line, m["status"], m["mutatorName"], m.get("replacement", "")))
    k, t, s, n = (counts.get(x, 0) for x in ("Killed", "Timeout", "Survived", "NoCoverage"))
    other = sum(v for x, v in counts.items() if x not in ("Killed", "Timeout", "Survived", "NoCoverage"))
    valid = k + t + s + n
    if not valid:
        continue  # outside the set's --mutate filter (every mutant ignored or a compile error)
    totals = [a + b for a, b in zip(totals, (k, t, s, n))]
    short = path.split("src/IncLearn/")[-1]
    for g, member in GROUPS.items():
        if member(short):
            group_totals[g] = [a + b for a, b in zip(group_totals[g], (k, t, s, n))]
    print(f"| {path.split('src/IncLearn/')[-1]} | {k} | {t} | {s} | {n} | {other} | {100 * (k + t) / valid:.1f} % |")
k, t, s, n = totals
if k + t + s + n:
    print(f"| **all** | {k} | {t} | {s} | {n} | | **{100 * (k + t) / (k + t + s + n):.1f} %** |")
for g, (k, t, s, n) in group_totals.items():
    if k + t + s + n:
        print(f"| *{g} (together)* | {k} | {t} | {s} | {n} | | *{100 * (k + t) / (k + t + s + n):.1f} %* |")
print("\n## Surviving and uncovered mutants\n")
for file, line, status, mutator, replacement in survivors:
    print(f"- {file}:{line} {status} — {mutator}: `{replacement.replace(chr(10), ' ')[:120]}`")
