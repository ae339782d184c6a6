"""Interrupts work running in the pathlab kernel the way JupyterLab's stop button does (SIGINT via
the kernel manager) and measures whether it stopped: the kernel process's CPU time before and after
the interrupt, and whether an interrupted async loop keeps counting. Prints one JSON object.
Run with the project's venv python: .venv/bin/python test/kernel/interrupt.py"""
import json
import os
import time

from jupyter_client.manager import start_new_kernel

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def threads(pid):
    return len(os.listdir(f"/proc/{pid}/task"))


def run(kc, code, timeout=120):
    """Executes code, returns (reply status, outputs) once the kernel is idle."""
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        t = msg["msg_type"]
        if t == "stream":
            outputs.append(msg["content"]["text"])
        elif t == "error":
            outputs.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
        elif t in ("display_data", "execute_result"):
            outputs.append(msg["content"]["data"].get("text/plain", ""))
        if t == "status" and msg["content"]["execution_state"] == "idle":
            break
    return shell_reply(kc, msg_id, timeout)["content"]["status"], outputs


def shell_reply(kc, msg_id, timeout=60):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def interrupted_run(km, kc, code, wait):
    """Starts code, lets it run `wait` seconds, measures CPU over 1 s, interrupts, measures again."""
    pid = km.provisioner.process.pid
    msg_id = kc.execute(code)
    time.sleep(wait)
    c0 = cpu_seconds(pid)
    time.sleep(1.0)
    busy = cpu_seconds(pid) - c0
    threads_busy = threads(pid)
    km.interrupt_kernel()
    errors = []
    while True:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    shell_reply(kc, msg_id)
    time.sleep(1.0)  # let terminated workers go
    c1 = cpu_seconds(pid)
    time.sleep(2.0)
    after = (cpu_seconds(pid) - c1) / 2.0
    return {"cpuBusy": busy, "cpuAfter": after, "threadsBusy": threads_busy, "threadsAfter": threads(pid), "errors": errors}


def main():
    km, kc = start_new_kernel(kernel_name="pathlab", startup_timeout=120)
    try:
        status, _ = run(kc, 'import { powerAsync } from "pathlab";')
        assert status == "ok", status
        big = '{ n: [200, 400], reps: 1000000, draws: 2000, seed: 1'
        workers = interrupted_run(km, kc, f'await powerAsync("mediation", {{ a: 0.3, b: 0.3 }}, {big}, threads: 2 }});', 4.0)
        run(kc, "let ticks = 0;")
        single = interrupted_run(
            km, kc, f'await powerAsync("mediation", {{ a: 0.3, b: 0.3 }}, {big}, threads: 1, onProgress: () => ticks++ }});', 2.0
        )
        status, counted = run(kc, "const before = ticks;\nawait new Promise((r) => setTimeout(r, 1500));\nconsole.log(String(ticks - before));")
        single["ticksAfterInterrupt"] = int("".join(counted).strip() or "-1")
        # A synchronous bootstrap on two threads (the cell is blocked in the library, not awaiting).
        run(kc, 'import { process as processMacro } from "pathlab";\n'
                'const nBig = 50000;\n'
                'const xs = Array.from({ length: nBig }, (_, i) => Math.sin(i * 1.3));\n'
                'const ms = xs.map((x, i) => 0.4 * x + Math.cos(i * 2.1));\n'
                'const ys = ms.map((m, i) => 0.3 * m + Math.sin(i * 0.7 + 1));')
        sync = interrupted_run(
            km, kc, 'processMacro({ data: { x: xs, m: ms, y: ys }, model: 4, x: "x", m: "m", y: "y", boot: 1000000, threads: 2 });', 4.0
        )
        # A user's own async loop in a cell.
        run(kc, "let count = 0;")
        loop = interrupted_run(km, kc, "for (;;) {\n  await new Promise((r) => setTimeout(r, 20));\n  count++;\n}", 2.0)
        status, counted = run(kc, "const c0 = count;\nawait new Promise((r) => setTimeout(r, 1500));\nconsole.log(String(count - c0));")
        loop["countedAfterInterrupt"] = int("".join(counted).strip() or "-1")
        status, out = run(kc, 'console.log("still alive");')
        print(json.dumps({"workers": workers, "single": single, "sync": sync, "loop": loop, "afterwards": "".join(out).strip()}))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
