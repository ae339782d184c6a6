"""Executes notebooks headlessly through Jupyter (nbclient) with their own kernel, exactly as a
user's Jupyter would, and exports each to a standalone HTML report (kernel/report.py). The written
notebook and report depend only on the notebook and what its cells print: stable cell ids, no
execution timestamps, streams merged.

Called by kernel/run-notebooks.js; prints one JSON line per notebook on stdout:
{"notebook", "cells", "seconds", "status", "error": {cell, ename, evalue} | null,
 "replication": [...], "outputs": {mime: count}}
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

from report import export_html, load_assets

REPLICATION_MIME = "application/vnd.pathlab.replication+json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def first_error(nb):
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and "raises-exception" not in cell.metadata.get("tags", []):
                return {"cell": i, "ename": out.get("ename", ""), "evalue": ANSI.sub("", out.get("evalue", ""))}
    return None


PLOTLY_MIME = "application/vnd.plotly.v1+json"


def collect(nb):
    """Replication summaries, a count of outputs per MIME type, and plotly outputs that lack the
    HTML or text fallback."""
    replication, mimes, incomplete = [], {}, 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if PLOTLY_MIME in data and not ("text/html" in data and "text/plain" in data):
                incomplete += 1
            for mime, data in data.items():
                mimes[mime] = mimes.get(mime, 0) + 1
                if mime == REPLICATION_MIME:
                    replication.append(data)
    return replication, mimes, incomplete


def heap_limit_mb(node: str) -> int | None:
    """V8's heap limit for a Node process started like the kernel (same NODE_OPTIONS), in MB."""
    try:
        out = subprocess.run([node, "-p", "require('v8').getHeapStatistics().heap_size_limit"], capture_output=True, text=True, timeout=30)
        return round(int(out.stdout.strip()) / 2**20)
    except Exception:
        return None


def death_cause(returncode, stderr: str, node: str) -> str:
    """Why the kernel process ended, in words a user can act on."""
    if "heap out of memory" in stderr or "Reached heap limit" in stderr:
        limit = heap_limit_mb(node)
        size = f" of {limit:,} MB" if limit else ""
        bigger = max(8192, 2 * (limit or 4096))
        return (
            f"out of memory: the kernel's JavaScript heap reached its limit{size}. Use less memory in the cell, or raise the limit "
            f"(in MB) for the kernel, e.g. NODE_OPTIONS=--max-old-space-size={bigger} npm run replicate (or npm start)"
        )
    if returncode is None:
        return "the kernel stopped answering (its process state is unknown)"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        extra = " (by another process, or by the system's out-of-memory killer)" if name == "SIGKILL" else ""
        return f"the kernel process was killed by {name}{extra}"
    return f"the kernel process exited with code {returncode} (process.exit() in the cell, or a fatal error)"


def read_notebook(path: Path):
    """The notebook, with stable ids for cells that have none (nbformat would invent random ones
    on reading), so that two runs write identical files."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(raw.get("cells", [])):
        if not cell.get("id"):
            cell["id"] = f"cell-{i}"
    return nbformat.reads(json.dumps(raw), as_version=4)


def run(path: Path, out_dir: Path, assets: dict, timeout: int):
    nb = read_notebook(path)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "pathlab")
    state = {"cell": None, "process": None, "node": "node"}

    def on_start(**_):
        state["process"] = getattr(getattr(client.km, "provisioner", None), "process", None)
        spec = getattr(client.km, "kernel_spec", None)
        if spec is not None and spec.argv:
            state["node"] = spec.argv[0]

    def on_cell(cell, cell_index, **_):
        state["cell"] = cell_index

    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        coalesce_streams=True,
        on_notebook_start=on_start,
        on_cell_execute=on_cell,
    )
    start = time.time()
    error = None
    # The kernel's own stderr goes to a file, so that how it died can be read back (and is then
    # passed on to ours).
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as kernel_stderr:
        try:
            client.execute(stderr=kernel_stderr)
        except CellExecutionError as e:
            error = first_error(nb) or {"cell": None, "ename": "CellExecutionError", "evalue": ANSI.sub("", str(e))[-2000:]}
        except DeadKernelError:
            proc = state["process"]
            code = None
            if proc is not None:
                try:
                    code = proc.wait(timeout=10)
                except Exception:
                    code = proc.poll()
            kernel_stderr.flush()
            kernel_stderr.seek(0)
            log = kernel_stderr.read()
            cause = death_cause(code, log, state["node"])
            where = f"cell {state['cell']}" if state["cell"] is not None else "start-up"
            error = {"cell": state["cell"], "ename": "DeadKernelError", "evalue": f"the kernel died while running {where}: {cause}"}
        except Exception as e:  # timeout, missing kernel spec
            error = {"cell": state["cell"], "ename": type(e).__name__, "evalue": ANSI.sub("", str(e))[-2000:]}
        kernel_stderr.seek(0)
        sys.stderr.write(kernel_stderr.read())
    seconds = time.time() - start
    if error and error.get("ename") != "DeadKernelError":
        found = first_error(nb)
        if found:
            error = found
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / path.name)
    # Papers open in reader mode (code folded); a notebook can say otherwise in metadata.pathlab.reader.
    reader = nb.metadata.get("pathlab", {}).get("reader", "papers" in path.parts)
    (out_dir / (path.stem + ".html")).write_text(export_html(nb, assets, reader), encoding="utf-8")
    replication, mimes, incomplete = collect(nb)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    return {
        "notebook": str(path),
        "kernel": kernel,
        "cells": code_cells,
        "seconds": round(seconds, 2),
        "status": "error" if error else "ok",
        "error": error,
        "replication": replication,
        "outputs": mimes,
        "plotlyIncomplete": incomplete,
    }


def main():
    args = json.loads(sys.argv[1])
    assets = load_assets(args["plotly"], args["mathjax"])
    for item in args["notebooks"]:
        res = run(Path(item["path"]), Path(item["out"]), assets, args.get("timeout", 600))
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    main()
