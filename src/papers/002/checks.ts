/**
 * Checks only paper 002 needs: the two published OSC × SA interactions (SEM β = 0.30 in Table 4,
 * PROCESS b = 0.10 in the text) describe the same effect in different metrics; converted to the
 * standardised metric (b · s_OSC · s_SA / s_PEIC, with OSC the mean of UTS and DMS, and at most
 * disattenuated by the composites' reliabilities) they must agree.
 */
import { cornerRange, fmtRange, iv, overlaps, type ConsistencyRow } from "../../replicate/checks";
import { compositeReliability } from "../../measurement/reliability";
import { momentsOf, withComposites } from "../../replicate/moments";
import type { PaperRecord } from "../../replicate/record";

export function checks002(record: PaperRecord): ConsistencyRow[] {
  const m = withComposites(momentsOf(record.correlations), { osc: { uts: 0.5, dms: 0.5 } });
  const sd = (v: string) => m.sds[m.names.indexOf(v)];
  const sem = record.coefficients.find((c) => c.id === "002.T4.M5.osc_x_sa")!;
  const proc = record.coefficients.find((c) => c.id === "002.P1.osc_x_sa")!;
  const loadings = (c: string) => record.constructs.find((x) => x.id === c)!.items.map((i) => i.loading as number);
  const rel = {
    osc: compositeReliability([...loadings("uts"), ...loadings("dms")]),
    sa: compositeReliability(loadings("sa")),
    peic: compositeReliability(loadings("peic")),
  };
  const scale = (sd("osc") * sd("sa")) / sd("peic");
  // Observed-score standardisation, up to full disattenuation of the product's factors and the outcome.
  const lo = scale;
  const hi = (scale * Math.sqrt(rel.peic)) / Math.sqrt(rel.osc * rel.sa);
  const range = cornerRange((b, s) => b * s, [iv({ value: proc.estimate, digits: proc.digits }), [Math.min(lo, hi), Math.max(lo, hi)]]);
  const ok = overlaps(range, iv({ value: sem.estimate, digits: sem.digits }));
  return [
    {
      check: "SEM interaction β vs PROCESS interaction b (same effect, standardised)",
      source: `${sem.source}; ${proc.source}`,
      published: `SEM β = ${sem.printed.estimate}; PROCESS b = ${proc.printed.estimate}`,
      recomputed: `b · s_OSC s_SA / s_PEIC = ${(proc.estimate * scale).toFixed(3)}; with disattenuation up to ${(proc.estimate * hi).toFixed(3)}; range ${fmtRange(range, 3)}`,
      verdict: ok ? "ok" : "flag",
      note: ok ? "" : "the two published interactions cannot describe the same effect",
      id: `${sem.id}.est`,
    },
  ];
}
