/**
 * Figures for exploratory factor analysis (plotly): a heat map of loadings (items down, factors
 * across, a diverging blue–white–red scale fixed at ±1 so that colours compare across analyses)
 * and the parallel-analysis scree plot (observed eigenvalues as lines with markers, simulated and
 * resampled quantiles as dotted and dashed lines, as psych's fa.parallel draws them).
 */
import { Figure, type PlotData } from "../../display/figure";

/** Loadings heat map; rows in the given order (top to bottom), values printed in the cells. */
export function loadingsHeatmap(items: string[], factors: string[], M: number[][], title: string): Figure {
  const z = M.map((r) => r.slice());
  const text = M.map((r) => r.map((v) => (Math.abs(v) < 0.005 ? "" : v.toFixed(2).replace("-", "−"))));
  const height = Math.max(320, 26 * items.length + 120);
  return new Figure(
    [
      {
        type: "heatmap",
        z,
        x: factors,
        y: items,
        text,
        texttemplate: "%{text}",
        hovertemplate: "%{y} on %{x}: %{z:.3f}<extra></extra>",
        zmin: -1,
        zmax: 1,
        colorscale: [
          [0, "#2166ac"],
          [0.5, "#f7f7f7"],
          [1, "#b2182b"],
        ],
        colorbar: { title: { text: "λ" } },
      } as unknown as PlotData,
    ],
    { title, height, yaxis: { autorange: "reversed", automargin: true }, xaxis: { side: "top" }, margin: { t: 80 } },
  );
}

export interface ScreeSeries {
  name: string;
  values: number[];
  kind: "observed" | "simulated" | "resampled";
  component: boolean;
}

/** Scree plot with parallel-analysis reference lines. */
export function screePlot(series: ScreeSeries[], title: string): Figure {
  const data: PlotData[] = series.map((s) => ({
    type: "scatter",
    mode: s.kind === "observed" ? "lines+markers" : "lines",
    name: s.name,
    x: s.values.map((_, i) => i + 1),
    y: s.values,
    line: { color: s.kind === "observed" ? "#1f5fbf" : "#d62728", dash: s.kind === "observed" ? "solid" : s.kind === "simulated" ? "dot" : "dash", width: 2 },
    marker: s.kind === "observed" ? { symbol: s.component ? "x" : "triangle-up", size: 8 } : undefined,
  }));
  return new Figure(data, {
    title,
    xaxis: { title: { text: "Factor / component number" }, dtick: 1 },
    yaxis: { title: { text: "Eigenvalue" } },
    shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: 1, y1: 1, line: { color: "#888", width: 1 } }],
    legend: { x: 1, xanchor: "right", y: 1 },
  });
}
