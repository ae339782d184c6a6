/**
 * Worker-thread entry for Monte Carlo power: receives chunks, returns their tallies. The model is
 * rebuilt from its plain-data specification in the worker, so nothing but JSON crosses threads.
 */
import { parentPort } from "worker_threads";
import { runChunk, type PowerChunk, type PowerJobSettings } from "./engine";
import type { PowerModelKind } from "./models";

interface RunMessage {
  kind: PowerModelKind;
  spec: unknown;
  settings: PowerJobSettings;
  chunk: PowerChunk;
  id: number;
}

if (parentPort) {
  const port = parentPort;
  port.on("message", (m: RunMessage) => {
    try {
      port.postMessage({ id: m.id, tally: runChunk(m.kind, m.spec, m.settings, m.chunk) });
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
