import { Rng, cfa, sem } from "../../src";
export function tut04() {
  const rng = new Rng(404);
  const n = 400;
  const loadings: Record<string, number[]> = { JR: [0.80, 0.75, 0.70, 0.65], ENG: [0.85, 0.80, 0.75, 0.70], PERF: [0.80, 0.75, 0.70] };
  const prefix: Record<string, string> = { JR: "jr", ENG: "eng", PERF: "perf" };
  const data: Record<string, number[]> = {};
  for (const f of Object.keys(loadings)) loadings[f].forEach((_, k) => (data[`${prefix[f]}${k + 1}`] = []));
  for (let i = 0; i < n; i++) {
    const eta: Record<string, number> = {};
    eta.JR = rng.normal();
    eta.ENG = 0.5 * eta.JR + Math.sqrt(1 - 0.25) * rng.normal();
    eta.PERF = 0.15 * eta.JR + 0.4 * eta.ENG + 0.8 * rng.normal();
    for (const f of Object.keys(loadings)) loadings[f].forEach((l, k) => data[`${prefix[f]}${k + 1}`].push(l * eta[f] + Math.sqrt(1 - l * l) * rng.normal()));
  }
  const measurement = `JR =~ jr1 + jr2 + jr3 + jr4\nENG =~ eng1 + eng2 + eng3 + eng4\nPERF =~ perf1 + perf2 + perf3`;
  const mediation = measurement + `\nENG ~ a*JR\nPERF ~ b*ENG + c*JR\nindirect := a*b\ntotal := c + a*b`;
  return { data, mm: cfa(measurement, data), sm: sem(mediation, data), rc: cfa(measurement + "\neng3 ~~ eng4\neng1 ~~ eng3\njr1 ~~ jr2\nperf1 ~~ perf3", data) };
}
