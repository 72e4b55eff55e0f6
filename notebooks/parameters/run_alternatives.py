#!/usr/bin/env python3
"""Runs notebooks with alternative parameters, papermill-style, in the real .NET Interactive C# kernel.

usage: run_alternatives.py OUT_DIR [alternatives.json]
For every notebook named in the JSON file (default: alternatives.json next to this script; names relative to notebooks/)
and every parameter set listed for it, inserts after the cell tagged `parameters` a code cell tagged `injected-parameters`
holding one C# assignment per parameter, `name = value;` (values are C# expressions, e.g. "1e-5" or
"new double[] { 10, 9, 3, 1 }"), executes the notebook with nbclient from its own folder (so its relative #r paths and data
lookup work) and writes the executed copy to OUT_DIR/<stem>.<set index>.ipynb. Prints one line per run: notebook, set, seconds,
error outputs, failed checks. Exit code 1 when any run has an error output. JUPYTER_PATH must point at the kernelspec's data
dir (scripts/install-kernelspec.py).
"""
import json
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient

HERE = pathlib.Path(__file__).resolve().parent
NOTEBOOKS = HERE.parent
CHECKS = "application/vnd.inclearn.checks+json"


def inject(nb, params):
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    cell = nbformat.v4.new_code_cell("\n".join(f"{name} = {value};" for name, value in params.items()))
    cell.metadata = {"tags": ["injected-parameters"], "dotnet_interactive": {"language": "csharp"},
                     "polyglot_notebook": {"kernelName": "csharp"}}
    nb.cells.insert(index + 1, cell)


def failed_checks(nb):
    failed = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            data = o.get("data", {}).get(CHECKS)
            if data is not None:
                rows = json.loads(data) if isinstance(data, str) else data
                failed += [r["name"] for r in rows if not r.get("passed")]
    return failed


def main() -> int:
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    spec = json.loads(pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else HERE / "alternatives.json").read_text())
    status = 0
    for name, sets in spec.items():
        if name.startswith("$"):
            continue
        path = NOTEBOOKS / name
        for k, params in enumerate(sets):
            nb = nbformat.read(path, as_version=4)
            inject(nb, params)
            client = NotebookClient(nb, kernel_name=".net-csharp", timeout=900, startup_timeout=120, allow_errors=True,
                                    resources={"metadata": {"path": str(path.parent)}})
            start = time.monotonic()
            try:
                client.execute()
            except Exception as e:  # dead kernel or timeout
                print(f"{name} [{k}]: kernel failure {type(e).__name__}: {e}", file=sys.stderr)
                status = 1
            errors = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error")
            failed = failed_checks(nb)
            if errors:
                status = 1
            nbformat.write(nb, out / f"{path.stem}.{k}.ipynb")
            print(f"{name}\t{json.dumps(params)}\t{time.monotonic() - start:.1f}s\terrors={errors}\tfailed={failed}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
