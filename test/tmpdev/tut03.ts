import { Rng } from "../../src";
export function survey03() {
  const rng = new Rng(2024);
  const n = 300;
  const survey = { x: [] as number[], w: [] as number[], m: [] as number[], y: [] as number[], age: [] as number[] };
  for (let i = 0; i < n; i++) {
    const x = rng.normal();
    const w = 3 + rng.normal();
    const age = 30 + 8 * rng.normal();
    const m = 0.3 * x + 0.2 * (w - 3) + 0.25 * x * (w - 3) + 0.01 * (age - 30) + rng.normal();
    const y = 0.2 * x + 0.45 * m + 0.15 * (w - 3) + 0.2 * m * (w - 3) + rng.normal();
    survey.x.push(x); survey.w.push(w); survey.m.push(m); survey.y.push(y); survey.age.push(age);
  }
  return survey;
}
