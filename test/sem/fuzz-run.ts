/**
 * `npm run fuzz [-- --count 10000 --seed 12 --timeout 10000 --api <path to src/sem/index.ts>]`:
 * runs the seeded model-syntax fuzz (test/sem/fuzz-harness.ts) and prints the outcome counts and
 * the bad cases. Exit code 1 when any case is bad (generic JS error, silent NaN, hang).
 * `--api` points the run at another checkout (e.g. the code before a fix) for before/after counts.
 */
import { formatCounts, generateCases, runFuzz } from "./fuzz-harness";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const count = Number(arg("count", "10000"));
  const seed = Number(arg("seed", "12"));
  const timeoutMs = Number(arg("timeout", "10000"));
  const api = arg("api", "");
  const cases = generateCases(seed, count);
  const t0 = Date.now();
  const report = await runFuzz(cases, {
    timeoutMs,
    api: api || undefined,
    onProgress: (d) => {
      if (d % 1000 === 0) process.stderr.write(`  ${d}/${count} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
    },
  });
  process.stdout.write(formatCounts(report, count) + `\n  seed ${seed}; ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const byKind = new Map<string, number>();
  for (const b of report.bad) {
    const key = `${b.outcome}: ${b.detail.split("\n")[0].slice(0, 90)}`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
  }
  if (report.bad.length) {
    process.stdout.write("\nbad outcomes by first line:\n");
    for (const [k, n] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`  ${String(n).padStart(5)}  ${k}\n`);
    process.stdout.write("\nfirst bad cases:\n");
    for (const b of report.bad.slice(0, 10))
      process.stdout.write(`  #${b.id} [${b.kind}] ${b.outcome}: ${b.detail.split("\n")[0]}\n    ${JSON.stringify(b.model).slice(0, 200)}\n`);
  }
  process.exitCode = report.bad.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
