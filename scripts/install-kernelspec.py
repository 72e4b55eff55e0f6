#!/usr/bin/env python3
"""Installs the real .NET Interactive kernel's Jupyter kernelspecs, pinned and local-only.

Runs the pinned tool's own `jupyter install` (from the repository's tool manifest, after `dotnet tool restore`), then
rewrites each kernel.json so that
  - the kernel is started from the pinned tool's assembly (not whatever `dotnet interactive` resolves to), and
  - its HTTP endpoint listens on local interfaces only (`--http-local-only`, which `jupyter install` does not write).

usage: install-kernelspec.py JUPYTER_DATA_DIR     (kernelspecs go to JUPYTER_DATA_DIR/kernels/.net-*)
       install-kernelspec.py --user               (the user's Jupyter data dir, e.g. ~/.local/share/jupyter)
"""
import json
import os
import pathlib
import subprocess
import sys

TOOL = "microsoft.dotnet-interactive"
REPO = pathlib.Path(__file__).resolve().parents[1]


def tool_assembly() -> pathlib.Path:
    manifest = json.loads((REPO / ".config" / "dotnet-tools.json").read_text())
    version = manifest["tools"][TOOL]["version"]
    subprocess.run(["dotnet", "tool", "restore"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    packages = pathlib.Path(os.environ.get("NUGET_PACKAGES", pathlib.Path.home() / ".nuget" / "packages"))
    found = sorted((packages / TOOL / version / "tools").glob("net*/any/Microsoft.DotNet.Interactive.App.dll"))
    if not found:
        sys.exit(f"{TOOL} {version} is not restored under {packages}")
    return found[-1]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--user":
        data = pathlib.Path(subprocess.run(["jupyter", "--data-dir"], capture_output=True, text=True, check=True).stdout.strip())
    else:
        data = pathlib.Path(sys.argv[1]).resolve()
    kernels = data / "kernels"
    kernels.mkdir(parents=True, exist_ok=True)
    app = tool_assembly()
    subprocess.run(["dotnet", str(app), "jupyter", "install", "--path", str(kernels)], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    for spec in sorted(kernels.glob(".net-*/kernel.json")):
        kernel = json.loads(spec.read_text())
        argv = kernel["argv"]
        # ["dotnet", "interactive", "jupyter", ...] -> ["dotnet", "<pinned tool>.dll", "jupyter", ..., "--http-local-only"]
        if argv[:3] != ["dotnet", "interactive", "jupyter"]:
            sys.exit(f"{spec}: unexpected argv {argv}")
        argv = ["dotnet", str(app)] + argv[2:]
        if "--http-local-only" not in argv:
            argv.append("--http-local-only")
        kernel["argv"] = argv
        spec.write_text(json.dumps(kernel, indent=2) + "\n")
        print(f"{spec.parent.name}: {' '.join(argv)}")


if __name__ == "__main__":
    main()
