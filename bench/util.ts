/** Shared pieces of the benchmarks: timing, medians, and running the R side of a comparison. */
import { spawnSync } from "child_process";
import * as path from "path";

export type { BenchRow } from "./types";

/** Median of a sample (the middle value, or the mean of the two middle values). */
export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall time of one call, in milliseconds. */
export function time(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Median wall time of `runs` calls after `warmup` untimed ones, in milliseconds. */
export function medianTime(f: () => void, runs = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) f();
  return median(Array.from({ length: runs }, () => time(f)));
}

/** True when Rscript is installed. */
export function hasR(): boolean {
  const r = spawnSync("Rscript", ["--version"], { encoding: "utf8" });
  return !r.error && r.status === 0;
}

/**
 * Runs `bench/r/<script>` with arguments and parses the JSON it prints on its last line (its own
 * timings). Returns undefined when R is absent or the script fails, so benches degrade to ours only.
 */
export function runR<T = Record<string, number>>(script: string, args: string[] = [], timeoutMs = 600000): T | undefined {
  const r = spawnSync("Rscript", [path.join(__dirname, "r", script), ...args], {
    encoding: "utf8",
    timeout: timeoutMs,
    cwd: path.join(__dirname, ".."), // scripts read their data relative to the repository root
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error || r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as T;
  } catch {
    return undefined;
  }
}

/**
 * Median wall time of `runs` calls after one warm-up, with the cores the calls actually got (CPU time
 * of every thread of this process over wall time): on a shared machine a 2-thread run may get less
 * than two cores, and this says how much less.
 */
export function medianTimeCores(f: () => void, runs = 5): { ms: number; cores: number } {
  f();
  const walls: number[] = [];
  const cores: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    f();
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    const c = process.cpuUsage(c0);
    walls.push(wall);
    cores.push((c.user + c.system) / 1000 / wall);
  }
  return { ms: median(walls), cores: median(cores) };
}

/**
 * One-thread and two-thread runs of the same work, alternated (ABAB…) so that whatever else the
 * machine runs weighs on both alike; medians of each, and the cores the two-thread runs got.
 */
export function alternateThreads(f: (threads: number) => void, runs = 9): { one: number; two: number; cores: number } {
  f(1);
  f(2);
  const one: number[] = [];
  const two: number[] = [];
  const cores: number[] = [];
  for (let i = 0; i < runs; i++) {
    one.push(time(() => f(1)));
    const c0 = process.cpuUsage();
    const ms = time(() => f(2));
    const c = process.cpuUsage(c0);
    two.push(ms);
    cores.push((c.user + c.system) / 1000 / ms);
  }
  return { one: median(one), two: median(two), cores: median(cores) };
}
