/**
 * Graph layout with the Eclipse Layout Kernel (elkjs), run synchronously.
 *
 * elkjs's public API (`new ELK().layout(graph)`) returns a Promise because it is built to run in a
 * web worker. Without a worker it uses a "fake worker" whose dispatcher computes the layout
 * synchronously and only defers the call with setTimeout. Calling that dispatcher directly gives the
 * same layout without the Promise, so figures such as `fit.diagram()` stay ordinary synchronous
 * values in a notebook cell (a Promise would need `await` in every cell that draws one). The
 * dispatcher is an internal of elkjs, which is why package.json pins elkjs exactly and
 * `test/display/elk.test.ts` checks it on every run.
 *
 * Reference: Schulze, Spönemann & von Hanxleden (2014), "Drawing layered graphs with port
 * constraints", J. Visual Languages & Computing 25(2) — the layered algorithm used here.
 *
 * @example
 * const g = elkLayout({ id: "root", layoutOptions: { "elk.algorithm": "layered" },
 *   children: [{ id: "a", width: 40, height: 20 }, { id: "b", width: 40, height: 20 }],
 *   edges: [{ id: "e", sources: ["a"], targets: ["b"] }] });
 * g.children[1].x; // b is laid out right of a
 */
import { PathlabError } from "../errors";

export interface ElkPoint {
  x: number;
  y: number;
}

export interface ElkLabel {
  id?: string;
  text?: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
}

export interface ElkPort {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
}

export interface ElkNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  ports?: ElkPort[];
  labels?: ElkLabel[];
  children?: ElkNode[];
  edges?: ElkEdge[];
  layoutOptions?: Record<string, string>;
}

export interface ElkSection {
  id?: string;
  startPoint: ElkPoint;
  endPoint: ElkPoint;
  bendPoints?: ElkPoint[];
}

export interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: ElkLabel[];
  sections?: ElkSection[];
  layoutOptions?: Record<string, string>;
}

interface FakeWorker {
  dispatcher: { saveDispatch(event: { data: unknown }): void };
  onmessage: (event: { data: { id: number; data?: unknown; error?: unknown } }) => void;
}

let worker: FakeWorker | null = null;

/** The elkjs dispatcher with the layered algorithm registered (created once). */
function elkWorker(): FakeWorker {
  if (worker) return worker;
  let mod: { Worker?: new (url?: string) => FakeWorker };
  try {
    mod = require("elkjs/lib/elk-worker.min.js");
  } catch {
    throw new PathlabError("The layout engine elkjs is not installed, so diagrams cannot be laid out.", {
      hint: "Run npm install in the pathlab folder.",
      code: "display.no-layout-engine",
    });
  }
  const w = mod.Worker ? new mod.Worker() : undefined;
  if (!w || !w.dispatcher || typeof w.dispatcher.saveDispatch !== "function")
    throw new PathlabError("This version of elkjs has no synchronous dispatcher; pathlab needs elkjs 0.12.1.", {
      hint: "Install the pinned version: npm install elkjs@0.12.1.",
      code: "display.layout-engine-version",
    });
  worker = w;
  call("register", { algorithms: ["layered"] });
  return w;
}

function call(cmd: string, payload: Record<string, unknown>): unknown {
  const w = worker!;
  let reply: { data?: unknown; error?: unknown } | undefined;
  w.onmessage = (event) => {
    reply = event.data;
  };
  w.dispatcher.saveDispatch({ data: { id: 0, cmd, ...payload } });
  if (!reply)
    throw new PathlabError(`elkjs did not answer the ${cmd} request synchronously.`, {
      code: "display.layout-engine-version",
      hint: "Install the pinned version: npm install elkjs@0.12.1.",
    });
  if (reply.error !== undefined) {
    const err = reply.error as { message?: string; g?: { message?: string } };
    throw new PathlabError(`The diagram layout failed: ${err?.message ?? err?.g?.message ?? String(err)}`, {
      hint: "This is a bug in pathlab's diagram code; please report the model that triggered it.",
      code: "display.layout-failed",
    });
  }
  return reply.data;
}

/**
 * Lays out `graph` (ELK JSON: nodes with sizes, ports, edges with label sizes) and returns it with
 * positions filled in: node x/y relative to their parent, edge sections, label positions. The input
 * is not modified.
 */
export function elkLayout(graph: ElkNode): ElkNode {
  elkWorker();
  const copy = JSON.parse(JSON.stringify(graph)) as ElkNode;
  return call("layout", { graph: copy, layoutOptions: {}, options: {} }) as ElkNode;
}
