/**
 * A power curve over sample size: one line per effect or parameter, its Monte Carlo
 * uncertainty as ±2 MC SE error bars (MC SE = √(p(1 − p)/reps)), and a dashed target line.
 * Shared by regression/mediation power (`power/`) and SEM power (`sem/powerSem`).
 *
 * @example
 * powerCurveFigure([{ name: "a*b", power: [0.4, 0.7], mcse: [0.02, 0.015] }], [100, 200], {
 *   title: "Power by sample size", yTitle: "Power",
 * });
 */
import { Figure } from "./figure";
import { figureTheme, seriesStyle } from "./theme";

/** One curve: its name and, per N in order, the power and its Monte Carlo SE. */
export interface PowerCurveSeries {
  name: string;
  power: number[];
  mcse: number[];
}

export function powerCurveFigure(series: PowerCurveSeries[], ns: number[], options: { title: string; yTitle: string; target?: number }): Figure {
  const target = options.target ?? 0.8;
  const data = series.map((s, i) => {
    const st = seriesStyle(i);
    return {
      type: "scatter" as const,
      mode: "lines+markers" as const,
      name: s.name,
      x: ns,
      y: s.power,
      line: { color: st.color, dash: st.dash, width: 2 },
      marker: { color: st.color, symbol: st.symbol, size: 7 },
      error_y: { type: "data" as const, array: s.mcse.map((m) => 2 * m), visible: true, thickness: 1, color: st.color },
      hovertemplate: "N = %{x}<br>power = %{y:.3f}<extra>" + s.name.replace(/</g, "&lt;") + "</extra>",
    };
  });
  return new Figure(data, {
    title: { text: options.title },
    xaxis: { title: { text: "Sample size N" } },
    yaxis: { title: { text: options.yTitle }, range: [0, 1.02] },
    shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: target, y1: target, line: { dash: "dash", color: figureTheme().muted, width: 1 } }],
    legend: { orientation: "h", y: -0.2 },
    height: 440,
  });
}
