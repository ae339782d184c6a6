"""Measures the notebook loop of a kernel: start to first result, the first cell that imports
pathlab, and a trivial later cell. Prints JSON. Usage: .venv/bin/python kernel/timing.py [kernel] [runs]"""
import json
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def run_cell(kc, code):
    t = time.perf_counter()
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] in ("display_data", "stream", "error"):
            outputs.append(msg["msg_type"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return (time.perf_counter() - t) * 1000, outputs


def once(kernel):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=120)
    try:
        ready = (time.perf_counter() - t0) * 1000
        first, out1 = run_cell(kc, 'import { TableResult } from "pathlab";\nnew TableResult({ columns: [{ key: "a" }], rows: [{ a: 1 }] })')
        later = [run_cell(kc, f"1 + {i}")[0] for i in range(5)]
        return {
            "kernel_ready_ms": ready,
            "start_to_first_result_ms": ready + first,
            "first_pathlab_cell_ms": first,
            "trivial_cell_ms": statistics.median(later),
            "first_outputs": out1,
        }
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    kernel = sys.argv[1] if len(sys.argv) > 1 else "pathlab"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    results = [once(kernel) for _ in range(runs)]
    keys = [k for k in results[0] if k.endswith("_ms")]
    print(json.dumps({"kernel": kernel, "runs": runs, **{k: round(statistics.median(r[k] for r in results), 1) for k in keys}, "first_outputs": results[0]["first_outputs"]}))
