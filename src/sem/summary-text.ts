/**
 * Plain-text summary laid out like lavaan's `summary(fit, fit.measures = TRUE, standardized = TRUE)`,
 * so numbers can be checked line by line against R output.
 */
import type { SemFit } from "./fit";

const W = 54;

function kv(label: string, value: string): string {
  const l = `  ${label}`;
  return l + " ".repeat(Math.max(1, W - l.length - value.length)) + value;
}

function num(x: number, d = 3): string {
  if (x === null || x === undefined) return "";
  if (!Number.isFinite(x)) return "NA";
  const s = x.toFixed(d);
  return s === `-${(0).toFixed(d)}` ? (0).toFixed(d) : s;
}

export function lavaanSummary(fit: SemFit, opts: { fitMeasures?: boolean; standardized?: boolean; rsquare?: boolean } = {}): string {
  const st = fit.state;
  const testShown = fit.converged && st.options.test !== "none";
  const fm = testShown ? fit.fitMeasures() : undefined;
  const out: string[] = [];
  out.push(
    `pathlab SEM (lavaan 0.6.14 conventions) ${fit.converged ? "ended normally" : "did NOT converge"} after ${fit.iterations} iterations`,
    "",
    kv("Estimator", "ML"),
    kv("Optimization method", "FISHER/NEWTON"),
    kv("Number of model parameters", String(st.pt.nFree)),
    ...(st.likelihood === "wishart" ? [kv("Likelihood", "wishart")] : []),
    "",
    kv("Number of observations", String(fit.n)),
  );
  if (!fit.converged)
    out.push("", `** WARNING ** the optimiser stopped at a scaled gradient of ${fit.gradient.toExponential(2)}: the estimates below are not a solution.`);
  if (fm) {
    out.push("", "Model Test User Model:", "", kv("Test statistic", num(fm.chisq)), kv("Degrees of freedom", String(fm.df)));
    if (fm.df > 0) out.push(kv("P-value (Chi-square)", num(fm.pvalue)));
  }
  if (fm && opts.fitMeasures) {
    out.push(
      "",
      "Model Test Baseline Model:",
      "",
      kv("Test statistic", num(fm["baseline.chisq"])),
      kv("Degrees of freedom", String(fm["baseline.df"])),
      kv("P-value", num(fm["baseline.pvalue"])),
      "",
      "User Model versus Baseline Model:",
      "",
      kv("Comparative Fit Index (CFI)", num(fm.cfi)),
      kv("Tucker-Lewis Index (TLI)", num(fm.tli)),
      "",
      "Loglikelihood and Information Criteria:",
      "",
      kv("Loglikelihood user model (H0)", num(fm.logl)),
      kv("Loglikelihood unrestricted model (H1)", num(fm["unrestricted.logl"])),
      "",
      kv("Akaike (AIC)", num(fm.aic)),
      kv("Bayesian (BIC)", num(fm.bic)),
      kv("Sample-size adjusted Bayesian (SABIC)", num(fm.bic2)),
      "",
      "Root Mean Square Error of Approximation:",
      "",
      kv("RMSEA", num(fm.rmsea)),
      kv("90 Percent confidence interval - lower", num(fm["rmsea.ci.lower"])),
      kv("90 Percent confidence interval - upper", num(fm["rmsea.ci.upper"])),
      kv("P-value H_0: RMSEA <= 0.050", fm.df > 0 ? num(fm["rmsea.pvalue"]) : "NA"),
      "",
      "Standardized Root Mean Square Residual:",
      "",
      kv("SRMR", num(fm.srmr)),
      "",
      "Goodness of Fit Index (LISREL):",
      "",
      kv("GFI", num(fm.gfi)),
      kv("AGFI", num(fm.agfi)),
    );
  }
  out.push(
    "",
    "Parameter Estimates:",
    "",
    kv("Standard errors", st.options.se === "none" ? "None" : "Standard"),
    kv("Information", "Expected"),
    kv("Information saturated (h1) model", "Structured"),
  );

  const pe = fit.parameterEstimates({ standardized: !!opts.standardized }).rows as import("./results").EstimateRow[];
  const std = !!opts.standardized;
  const header = "                   Estimate  Std.Err  z-value  P(>|z|)" + (std ? "   Std.lv  Std.all" : "");
  const endo = new Set<string>();
  for (const r of pe) {
    if (r.op === "=~") endo.add(r.rhs);
    if (r.op === "~") endo.add(r.lhs);
  }
  const line = (name: string, r: EstimateRowLike) => {
    const free = r.free > 0 || r.op === ":=";
    let s = name.padEnd(17).slice(0, Math.max(17, name.length));
    s += num(r.est).padStart(9);
    if (free) {
      s += num(r.se).padStart(9) + num(r.z).padStart(9) + num(r.pvalue).padStart(9);
    } else if (std) s += " ".repeat(27);
    if (std) s += num(r.std_lv ?? NaN).padStart(9) + num(r.std_all ?? NaN).padStart(9);
    return s.trimEnd();
  };
  const section = (title: string, filter: (r: EstimateRowLike) => boolean, group: boolean) => {
    const rows = pe.filter(filter);
    if (!rows.length) return;
    out.push("", `${title}:`, header);
    let last = "";
    for (const r of rows) {
      const lab = r.label && r.op !== ":=" ? ` (${r.label})` : "";
      if (group) {
        if (r.lhs !== last) {
          out.push(`  ${r.lhs} ${r.op}`);
          last = r.lhs;
        }
        out.push(line(`    ${r.rhs}${lab}`, r));
      } else {
        const dot = (r.op === "~~" || r.op === "~1") && endo.has(r.lhs) ? "." : " ";
        out.push(line(`  ${r.op === ":=" ? " " : dot}${r.lhs}${lab}`, r));
      }
    }
  };
  section("Latent Variables", (r) => r.op === "=~", true);
  section("Regressions", (r) => r.op === "~", true);
  section("Covariances", (r) => r.op === "~~" && r.lhs !== r.rhs, true);
  section("Intercepts", (r) => r.op === "~1", false);
  section("Variances", (r) => r.op === "~~" && r.lhs === r.rhs, false);
  section("Defined Parameters", (r) => r.op === ":=", false);
  if (opts.rsquare) {
    const r2 = fit.inspect("rsquare") as import("./results").RSquare;
    out.push("", "R-Square:", "                   Estimate");
    for (const [k, v] of Object.entries(r2.values)) out.push(`    ${k}`.padEnd(17) + num(v).padStart(9));
  }
  for (const w of fit.warnings) out.push("", `Warning: ${w.message}`);
  return out.join("\n");
}

type EstimateRowLike = import("./results").EstimateRow;
