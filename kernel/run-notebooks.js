#!/usr/bin/env node
// @ts-check
/**
 * The main job: executes every notebook under notebooks/ through Jupyter with its own kernel
 * (tutorials first, then papers, each folder in name order), writes the executed notebooks and
 * standalone HTML reports to notebooks/executed/ (inside the folder `npm start` opens, ignored by
 * git), prints a summary table and the per-paper published-vs-reproduced summary (build/), and
 * exits non-zero naming the notebook, cell and error of any failure (for a kernel that died: the
 * cell it was running and why).
 * Usage: node kernel/run-notebooks.js [name-or-substring …] [--json]
 */
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const BUILD = path.join(ROOT, "build");
/** Executed notebooks and their HTML reports: inside JupyterLab's root (kernel/lab.js), ignored by git. */
const EXECUTED = path.join(NOTEBOOKS, "executed");
/** The project's venv; PATHLAB_VENV points elsewhere (tests use it to simulate a missing venv). */
const VENV = process.env.PATHLAB_VENV ? path.resolve(process.env.PATHLAB_VENV) : path.join(ROOT, ".venv");
const PY = path.join(VENV, "bin", "python");
const FOLDER_ORDER = ["tutorials", "papers"];

/** All notebooks, tutorials first, then papers, then anything else; name order within a folder. */
function listNotebooks() {
  /** @type {string[]} */
  const found = [];
  const walk = (/** @type {string} */ dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      if (dir === NOTEBOOKS && e.name === path.basename(EXECUTED)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ipynb")) found.push(p);
    }
  };
  if (fs.existsSync(NOTEBOOKS)) walk(NOTEBOOKS);
  const rank = (/** @type {string} */ p) => {
    const top = path.relative(NOTEBOOKS, p).split(path.sep)[0];
    const i = FOLDER_ORDER.indexOf(top);
    return i < 0 ? FOLDER_ORDER.length : i;
  };
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Selects notebooks by exact base name (with or without .ipynb) or, failing that, by substring. */
function select(all, names) {
  if (!names.length) return all;
  return names.map((n) => {
    // An explicit path to a notebook file (inside or outside notebooks/) is taken as it is.
    if (n.endsWith(".ipynb") && fs.existsSync(path.resolve(n))) return path.resolve(n);
    const base = n.replace(/\.ipynb$/, "");
    const exact = all.filter((p) => path.basename(p, ".ipynb") === base || p === path.resolve(n));
    const hits = exact.length ? exact : all.filter((p) => path.basename(p).includes(base));
    if (hits.length !== 1) {
      const list = all.map((p) => "  " + path.relative(ROOT, p)).join("\n");
      throw new Error(hits.length ? `"${n}" matches several notebooks:\n${hits.join("\n")}` : `No notebook matches "${n}". Notebooks:\n${list}`);
    }
    return hits[0];
  });
}

function checkEnvironment() {
  if (!fs.existsSync(PY) || !fs.existsSync(path.join(VENV, "share", "jupyter", "kernels", "pathlab", "kernel.json"))) {
    throw new Error("The Jupyter environment is missing (.venv or the pathlab kernel spec). Fix: node kernel/setup.js");
  }
  if (!fs.existsSync(path.join(ROOT, "dist", "index.js"))) {
    throw new Error('The library is not built (dist/index.js missing), so notebooks cannot import "pathlab". Fix: npm run build');
  }
}

/**
 * Runs notebooks through kernel/execute.py; resolves with one result object per notebook.
 * @param {string[]} paths @param {{ onResult?: (r: any) => void, timeout?: number, outDir?: string, env?: Record<string, string> }} [opts]
 */
function runNotebooks(paths, opts = {}) {
  checkEnvironment();
  const plotly = require.resolve("plotly.js-dist-min/plotly.min.js", { paths: [ROOT] });
  // MathJax 3's single-file TeX-to-SVG build: everything inside, no fonts or extensions to fetch.
  const mathjax = require.resolve("mathjax/es5/tex-svg-full.js", { paths: [ROOT] });
  const notebooks = paths.map((p) => ({
    path: p,
    out: opts.outDir ?? outDirOf(p),
  }));
  if (!opts.outDir) linkData();
  const arg = JSON.stringify({ notebooks, plotly, mathjax, timeout: opts.timeout ?? 600 });
  return new Promise((resolve, reject) => {
    const child = spawn(PY, [path.join(__dirname, "execute.py"), arg], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...(opts.env || {}), JUPYTER_PLATFORM_DIRS: "1", PYDEVD_DISABLE_FILE_VALIDATION: "1" },
    });
    /** @type {any[]} */
    const results = [];
    let buf = "";
    let err = "";
    child.stdout.on("data", (d) => {
      buf += d;
      for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (!line.startsWith("{")) continue;
        const r = JSON.parse(line);
        results.push(r);
        if (opts.onResult) opts.onResult(r);
      }
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      if (results.length === paths.length) resolve(results);
      else reject(new Error(`Notebook execution stopped (exit ${code}):\n${err.split("\n").slice(-20).join("\n")}`));
    });
  });
}

/** Where a notebook's executed copy goes: mirrored under notebooks/executed/, or build/executed/ for notebooks from elsewhere. @param {string} p */
function outDirOf(p) {
  const rel = path.relative(NOTEBOOKS, p);
  return rel.startsWith("..") ? path.join(BUILD, "executed") : path.join(EXECUTED, path.dirname(rel));
}

/**
 * notebooks/executed/data → ../data, so that an executed copy opened in JupyterLab finds its data at
 * the same relative path (`../data/…`) as the original and can be run again.
 */
function linkData() {
  const link = path.join(EXECUTED, "data");
  fs.mkdirSync(EXECUTED, { recursive: true });
  try {
    fs.lstatSync(link);
  } catch {
    try {
      fs.symlinkSync(path.join("..", "data"), link, "dir");
    } catch {
      /* no symlinks here: the executed copies are still readable */
    }
  }
}

/** The five statuses of a compared published number (src/replicate/compare.ts), in display order. */
const STATUSES = ["reproduced", "differs", "by construction", "bounded", "not reproducible"];

/**
 * Aggregates the replication summaries notebooks emitted (MIME application/vnd.pathlab.replication+json):
 * per paper, the number of compared rows, the counts per status, the consistency flags and every row
 * (id, printed, published, exact, lower, upper, simulated, status, reasonClass, reason, specification).
 */
function replicationSummary(results) {
  /** @type {Record<string, any>} */
  const byPaper = {};
  for (const r of results) {
    for (const rep of r.replication || []) {
      const key = rep.paper || path.basename(r.notebook, ".ipynb");
      byPaper[key] = byPaper[key] || {
        paper: key,
        notebook: path.relative(ROOT, r.notebook),
        compared: 0,
        counts: Object.fromEntries(STATUSES.map((s) => [s, 0])),
        consistencyChecks: 0,
        consistencyFlags: 0,
        rows: [],
      };
      const row = byPaper[key];
      row.compared += rep.compared || 0;
      for (const s of STATUSES) row.counts[s] += (rep.counts && rep.counts[s]) || 0;
      row.consistencyChecks += rep.consistencyChecks || 0;
      row.consistencyFlags += rep.consistencyFlags || 0;
      row.rows.push(...(rep.rows || []));
    }
  }
  return Object.values(byPaper).sort((a, b) => a.paper.localeCompare(b.paper));
}

const REPLICATION_HEADERS = ["paper", "compared", ...STATUSES, "consistency flags"];
/** @param {any} r */
const replicationRow = (r) => [r.paper, r.compared, ...STATUSES.map((s) => r.counts[s]), r.consistencyFlags];

/**
 * Writes build/notebooks/summary.json and, when paper notebooks reported replication counts,
 * build/replication-summary.md (counts per status) and .json (counts and rows). Returns the per-paper rows.
 * @param {any[]} results
 */
function writeSummaries(results) {
  fs.mkdirSync(path.join(BUILD, "notebooks"), { recursive: true });
  fs.writeFileSync(path.join(BUILD, "notebooks", "summary.json"), JSON.stringify(results, null, 2));
  const rep = replicationSummary(results);
  if (rep.length) {
    const md = [
      "# Replication summary",
      "",
      "Statuses as defined in docs/replication.md; every row is in replication-summary.json.",
      "",
      "| " + REPLICATION_HEADERS.join(" | ") + " |",
      "|" + REPLICATION_HEADERS.map((_, i) => (i ? "---:" : "---")).join("|") + "|",
      ...rep.map((r) => "| " + replicationRow(r).join(" | ") + " |"),
      "",
    ].join("\n");
    fs.writeFileSync(path.join(BUILD, "replication-summary.md"), md);
    fs.writeFileSync(path.join(BUILD, "replication-summary.json"), JSON.stringify(rep, null, 2));
  }
  return rep;
}

function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

function printTable(headers, rows, rightCols) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], rightCols.includes(i))).join("  ");
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const all = listNotebooks();
  const chosen = select(all, names);
  console.log(`Running ${chosen.length} notebook(s) through Jupyter…`);
  const results = await runNotebooks(chosen, {
    onResult: (r) => console.log(`  ${r.status === "ok" ? "ok    " : "FAILED"} ${path.relative(ROOT, r.notebook)} (${r.seconds.toFixed(1)} s)`),
  });
  console.log("");
  printTable(
    ["notebook", "cells", "seconds", "status"],
    results.map((r) => [path.relative(NOTEBOOKS, r.notebook), r.cells, r.seconds.toFixed(1), r.status]),
    [1, 2],
  );

  const rep = writeSummaries(results);
  if (rep.length) {
    console.log("\nPublished versus reproduced (counts per status)");
    printTable(REPLICATION_HEADERS, rep.map(replicationRow), [1, 2, 3, 4, 5, 6, 7]);
  }

  const failed = results.filter((r) => r.status !== "ok");
  console.log(`\nExecuted notebooks and HTML reports: ${path.relative(process.cwd(), EXECUTED)}/ (open them from npm start)`);
  if (failed.length) {
    for (const f of failed) {
      const cell = f.error && f.error.cell != null ? `cell ${f.error.cell}` : "kernel";
      console.error(`FAILED ${path.relative(ROOT, f.notebook)}, ${cell}: ${f.error ? `${f.error.ename}: ${f.error.evalue}` : "unknown error"}`);
    }
    process.exit(1);
  }
}

module.exports = { listNotebooks, runNotebooks, replicationSummary, writeSummaries, select, BUILD, EXECUTED };

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
