"""Executes notebooks headlessly through Jupyter (nbclient) with their own kernel, exactly as a
user's Jupyter would, and exports each to a standalone HTML report.

Called by kernel/run-notebooks.js; prints one JSON line per notebook on stdout:
{"notebook", "cells", "seconds", "status", "error": {cell, ename, evalue} | null,
 "replication": [...], "outputs": {mime: count}}
"""
import json
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

REPLICATION_MIME = "application/vnd.pathlab.replication+json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def export_html(nb, plotly_js: str) -> str:
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb)
    # plotly.js once per page, inline, so the report opens offline; figures wait for it.
    script = "<script type=\"text/javascript\">" + plotly_js.replace("</script", "<\\/script") + "</script>"
    return body.replace("</head>", script + "\n</head>", 1) if "</head>" in body else script + body


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


def run(path: Path, out_dir: Path, plotly_js: str, timeout: int):
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "pathlab")
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, resources={"metadata": {"path": str(path.parent)}})
    start = time.time()
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = first_error(nb) or {"cell": None, "ename": "CellExecutionError", "evalue": ANSI.sub("", str(e))[-2000:]}
    except Exception as e:  # kernel died, timeout, missing kernel spec
        error = {"cell": None, "ename": type(e).__name__, "evalue": ANSI.sub("", str(e))[-2000:]}
    seconds = time.time() - start
    if error and error.get("cell") is None:
        found = first_error(nb)
        if found:
            error = found
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / path.name)
    (out_dir / (path.stem + ".html")).write_text(export_html(nb, plotly_js), encoding="utf-8")
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
    plotly_js = Path(args["plotly"]).read_text(encoding="utf-8")
    for item in args["notebooks"]:
        res = run(Path(item["path"]), Path(item["out"]), plotly_js, args.get("timeout", 600))
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    main()
