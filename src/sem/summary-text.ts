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

/** A label and two right-aligned columns (lavaan's Standard / Scaled layout). */
function kv2(label: string, a: string, b: string): string {
  return kv(label, a) + " ".repeat(Math.max(1, 12 - b.length)) + b;
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
    kv("Number of model parameters", String(st.pt.nFree + st.pt.boundNpar + st.pt.equalities.length)),
    ...(st.pt.equalities.length ? [kv("Number of equality constraints", String(st.pt.equalities.length))] : []),
    ...(st.likelihood === "wishart" ? [kv("Likelihood", "wishart")] : []),
    "",
  );
  const G = fit.ngroups;
  if (G > 1) {
    out.push(kv("Number of observations per group:", ""));
    fit.groupLabels.forEach((l, g) => out.push(kv(`  ${l}`, String(fit.groupN[g]))));
  } else out.push(kv("Number of observations", String(fit.n)));
  if (!fit.converged)
    out.push("", `** WARNING ** the optimiser stopped at a scaled gradient of ${fit.gradient.toExponential(2)}: the estimates below are not a solution.`);
  if (fm) out.push(...testSection(fit, fm));
  if (fm && opts.fitMeasures) out.push(...fitSection(fit, fm));
  out.push("", "Parameter Estimates:", "", ...seLines(fit));

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
  const r2All = opts.rsquare ? fit.inspect("rsquare") : undefined;
  for (let g = 1; g <= G; g++) {
    if (G > 1) out.push("", "", `Group ${g} [${fit.groupLabels[g - 1]}]:`);
    const inG = (f: (r: EstimateRowLike) => boolean) => (r: EstimateRowLike) => r.group === g && f(r);
    section(
      "Latent Variables",
      inG((r) => r.op === "=~"),
      true,
    );
    section(
      "Regressions",
      inG((r) => r.op === "~"),
      true,
    );
    section(
      "Covariances",
      inG((r) => r.op === "~~" && r.lhs !== r.rhs),
      true,
    );
    section(
      "Intercepts",
      inG((r) => r.op === "~1"),
      false,
    );
    section(
      "Variances",
      inG((r) => r.op === "~~" && r.lhs === r.rhs),
      false,
    );
    if (r2All) {
      const r2 = (G > 1 ? (r2All as import("./results").PerGroup<import("./results").RSquare>).items[g - 1] : r2All) as import("./results").RSquare;
      out.push("", "R-Square:", "                   Estimate");
      for (const [k, v] of Object.entries(r2.values)) out.push(`    ${k}`.padEnd(17) + num(v).padStart(9));
    }
  }
  section("Defined Parameters", (r) => r.op === ":=", false);
  for (const w of fit.warnings) out.push("", `Warning: ${w.message}`);
  return out.join("\n");
}

type EstimateRowLike = import("./results").EstimateRow;

type Measures = import("./results").FitMeasures;

/** "Model Test User Model" (with lavaan's Standard / Scaled columns for a robust test). */
function testSection(fit: SemFit, fm: Measures): string[] {
  const st = fit.state;
  const sc = st.scaled;
  const G = fit.ngroups;
  const out: string[] = ["", "Model Test User Model:"];
  if (!sc) {
    out.push("", kv("Test statistic", num(fm.chisq)), kv("Degrees of freedom", String(fm.df)));
    if (fm.df > 0) out.push(kv("P-value (Chi-square)", num(fm.pvalue)));
  } else {
    out.push(
      kv2("", "Standard", "Scaled"),
      kv2("Test Statistic", num(fm.chisq), num(fm["chisq.scaled"])),
      kv2("Degrees of freedom", String(fm.df), String(fm["df.scaled"])),
      kv2("P-value (Chi-square)", num(fm.pvalue), num(fm["pvalue.scaled"])),
      kv2("Scaling correction factor", "", num(fm["chisq.scaling.factor"])),
      `    ${sc.test === "satorra.bentler" ? "Satorra-Bentler correction" : "Yuan-Bentler correction (Mplus variant)"}`,
    );
  }
  if (G > 1) {
    out.push(kv("Test statistic for each group:", ""));
    const c = sc ? sc.c : 1;
    fit.chisqGroups().forEach((x, g) => out.push(sc ? kv2(`  ${fit.groupLabels[g]}`, num(x), num(x / c)) : kv(`  ${fit.groupLabels[g]}`, num(x))));
  }
  return out;
}

/** lavaan's summary(fit.measures = TRUE) blocks. */
function fitSection(fit: SemFit, fm: Measures): string[] {
  const sc = !!fit.state.scaled;
  const robust = sc || fit.state.options.missing !== "listwise";
  const f = fm as unknown as Record<string, number>;
  const row = (label: string, key: string, scaledKey?: string) =>
    sc ? kv2(label, num(f[key]), scaledKey ? num(f[scaledKey]) : num(f[key])) : kv(label, num(f[key]));
  const robustRow = (label: string, key: string) => (sc ? kv2(label, "", num(f[key])) : kv(label, num(f[key])));
  const out = ["", "Model Test Baseline Model:", "", row("Test statistic", "baseline.chisq", "baseline.chisq.scaled")];
  out.push(sc ? kv2("Degrees of freedom", String(fm["baseline.df"]), String(f["baseline.df.scaled"])) : kv("Degrees of freedom", String(fm["baseline.df"])));
  out.push(row("P-value", "baseline.pvalue", "baseline.pvalue.scaled"));
  if (sc) out.push(kv2("Scaling correction factor", "", num(f["baseline.chisq.scaling.factor"])));
  out.push(
    "",
    "User Model versus Baseline Model:",
    "",
    row("Comparative Fit Index (CFI)", "cfi", "cfi.scaled"),
    row("Tucker-Lewis Index (TLI)", "tli", "tli.scaled"),
  );
  if (robust) out.push("", robustRow("Robust Comparative Fit Index (CFI)", "cfi.robust"), robustRow("Robust Tucker-Lewis Index (TLI)", "tli.robust"));
  out.push("", "Loglikelihood and Information Criteria:", "", row("Loglikelihood user model (H0)", "logl"));
  const yb = fit.state.scaled?.test === "yuan.bentler.mplus";
  if (yb) out.push(kv2("Scaling correction factor", "", num(f["scaling.factor.h0"])), kv2("    for the MLR correction", "", ""));
  out.push(row("Loglikelihood unrestricted model (H1)", "unrestricted.logl"));
  if (yb) out.push(kv2("Scaling correction factor", "", num(f["scaling.factor.h1"])), kv2("    for the MLR correction", "", ""));
  out.push("", row("Akaike (AIC)", "aic"), row("Bayesian (BIC)", "bic"), row("Sample-size adjusted Bayesian (SABIC)", "bic2"));
  out.push(
    "",
    "Root Mean Square Error of Approximation:",
    "",
    row("RMSEA", "rmsea", "rmsea.scaled"),
    row("90 Percent confidence interval - lower", "rmsea.ci.lower", "rmsea.ci.lower.scaled"),
    row("90 Percent confidence interval - upper", "rmsea.ci.upper", "rmsea.ci.upper.scaled"),
    row("P-value H_0: RMSEA <= 0.050", "rmsea.pvalue", "rmsea.pvalue.scaled"),
    row("P-value H_0: RMSEA >= 0.080", "rmsea.notclose.pvalue", "rmsea.notclose.pvalue.scaled"),
  );
  if (robust)
    out.push(
      "",
      robustRow("Robust RMSEA", "rmsea.robust"),
      robustRow("90 Percent confidence interval - lower", "rmsea.ci.lower.robust"),
      robustRow("90 Percent confidence interval - upper", "rmsea.ci.upper.robust"),
      robustRow("P-value H_0: Robust RMSEA <= 0.050", "rmsea.pvalue.robust"),
      robustRow("P-value H_0: Robust RMSEA >= 0.080", "rmsea.notclose.pvalue.robust"),
    );
  out.push(
    "",
    "Standardized Root Mean Square Residual:",
    "",
    row("SRMR", "srmr"),
    "",
    "Goodness of Fit Index (LISREL):",
    "",
    kv("GFI", num(fm.gfi)),
    kv("AGFI", num(fm.agfi)),
  );
  return out;
}

/** lavaan's "Standard errors / Information" lines. */
function seLines(fit: SemFit): string[] {
  const o = fit.state.options;
  const fiml = o.missing !== "listwise";
  const info = o.information ?? (fiml ? "observed" : "expected");
  const cap = (x: string) => x[0].toUpperCase() + x.slice(1);
  if (o.se === "robust.huber.white")
    return [
      kv("Standard errors", "Sandwich"),
      kv("Information bread", cap(info)),
      ...(info === "observed" ? [kv("Observed information based on", "Hessian")] : []),
    ];
  const boot = fit.state.boot;
  if (o.se === "bootstrap" && boot)
    return [
      kv("Standard errors", "Bootstrap"),
      kv("Number of requested bootstrap draws", String(boot.R)),
      kv("Number of successful bootstrap draws", String(boot.R - boot.failed)),
    ];
  const lines = [kv("Standard errors", o.se === "none" ? "None" : o.se === "robust.sem" ? "Robust.sem" : "Standard"), kv("Information", cap(info))];
  if (info === "observed") lines.push(kv("Observed information based on", "Hessian"));
  else lines.push(kv("Information saturated (h1) model", "Structured"));
  return lines;
}
