#!/usr/bin/env python3
"""Executes notebooks with nbclient (Debian's python3-nbclient) in the real .NET Interactive Jupyter kernel.

usage: execute_nbclient.py OUT_DIR NOTEBOOK...
       execute_nbclient.py --inplace NOTEBOOK...   (store the real kernel's outputs in the notebooks themselves)
Each notebook runs top to bottom in a fresh `.net-csharp` kernel from its own folder (as Jupyter would), with
allow_errors so every failing cell is recorded rather than hiding the later ones; the executed copy goes to
OUT_DIR/<name>. JUPYTER_PATH must point at the data dir holding the kernelspec (see scripts/install-kernelspec.py).
Prints one line per notebook: name, seconds, error-output count. Exit code 0 unless the kernel could not run a notebook.
"""
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient


def is_session_bootstrap(output) -> bool:
    """The kernel's Jupyter-mode handshake: before the first cell runs, dotnet-interactive displays a hidden div ("The below
    script needs to be able to find the current output cell…") and a script that connects the live page to the kernel's
    HTTP API on 127.0.0.1:<port>. It is per session (every live session sends it again), carries no result, and stored it
    points at a kernel that no longer exists; static views that sanitize HTML strip its display:none and show its text."""
    html = output.get("data", {}).get("text/html", "")
    html = "".join(html) if isinstance(html, list) else html
    return output.get("output_type") == "display_data" and "dotnet-interactive-this-cell-" in html and "loadDotnetInteractiveApi" in html


def drop_session_bootstrap(nb) -> None:
    """Stores the notebook without the kernel's session handshake (see is_session_bootstrap); the runner's comparison
    ignores it on both sides, so stored and re-executed notebooks still compare."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if not is_session_bootstrap(o)]


def main() -> int:
    inplace = sys.argv[1] == "--inplace"
    out = None if inplace else pathlib.Path(sys.argv[1])
    if out:
        out.mkdir(parents=True, exist_ok=True)
    status = 0
    for path in map(pathlib.Path, sys.argv[2:]):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=".net-csharp", timeout=600, startup_timeout=120, allow_errors=True,
                                record_timing=False, resources={"metadata": {"path": str(path.resolve().parent)}})
        start = time.monotonic()
        try:
            client.execute()
        except Exception as e:  # a dead kernel or a timeout: the notebook as far as it got is still written
            print(f"{path.name}: kernel failure {type(e).__name__}: {e}", file=sys.stderr)
            status = 1
        errors = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error")
        if inplace:
            if errors or status:
                print(f"{path.name}: not stored, it has errors", file=sys.stderr)
                status = 1
                continue
            for cell in nb.cells:  # a headless runner's per-cell timings of an earlier run no longer describe these outputs
                cell.metadata.pop("inclearn", None)
            drop_session_bootstrap(nb)
        nbformat.write(nb, path if inplace else out / path.name)
        print(f"{path.name}\t{time.monotonic() - start:.1f}\t{errors}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
