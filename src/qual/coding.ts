/**
 * A coding hierarchy as data: first-order codes (concepts close to informants' terms) grouped into
 * second-order themes, grouped into aggregate dimensions (the "data structure" of Gioia, Corley &
 * Hamilton, 2013; open → axial coding in Strauss & Corbin's terms). Codes and themes may carry
 * attributes (panel, learning type, knowledge types) that cross-tabulations and diagrams use.
 * Every reference is checked: a code pointing at a theme that does not exist is an error naming both.
 */
import { Figure } from "../display/figure";
import { Result, TableResult } from "../display/result";
import type { Column, TableSpec } from "../display/table";
import { PathlabError } from "../errors";
import { checkOptions, type OptionSpecs } from "../options";
import { checkEach } from "../simulate/validate";

const ANY = { kind: "custom" } as const;
const CODING_OPTIONS: OptionSpecs = { title: { kind: "string" }, dimensions: ANY, themes: ANY, codes: ANY, notes: ANY };
const DIMENSION_OPTIONS: OptionSpecs = { id: ANY, label: ANY, description: ANY };
const THEME_OPTIONS: OptionSpecs = { id: ANY, label: ANY, dimension: ANY, attributes: ANY };
const CODE_OPTIONS: OptionSpecs = { id: ANY, label: ANY, theme: ANY, attributes: ANY };

export type AttributeValue = string | string[];

export interface DimensionSpec {
  id: string;
  label?: string;
  description?: string;
}

export interface ThemeSpec {
  id: string;
  label?: string;
  dimension: string;
  attributes?: Record<string, AttributeValue>;
}

export interface CodeSpec {
  id: string;
  label: string;
  theme: string;
  attributes?: Record<string, AttributeValue>;
}

/** What `codingScheme` builds: dimensions, themes and codes (a Gioia-style data structure). */
export interface CodingSchemeSpec {
  title?: string;
  dimensions: DimensionSpec[];
  themes: ThemeSpec[];
  codes: CodeSpec[];
  notes?: string[];
}

/** A coding structure (codes → themes → dimensions) with its cross-tabulations and a Sankey figure. */
export class CodingScheme extends Result {
  readonly dimensions: DimensionSpec[];
  readonly themes: ThemeSpec[];
  readonly codes: CodeSpec[];
  readonly notes: string[];
  private readonly heading: string;

  constructor(spec: CodingSchemeSpec) {
    super();
    if (!spec || !Array.isArray(spec.dimensions) || !Array.isArray(spec.themes) || !Array.isArray(spec.codes)) {
      throw new PathlabError("A coding scheme needs `dimensions`, `themes` and `codes` arrays.", { code: "qual.bad-coding" });
    }
    checkOptions("codingScheme", spec, CODING_OPTIONS);
    checkEach("codingScheme", (i) => `dimension ${i + 1}`, spec.dimensions, DIMENSION_OPTIONS);
    checkEach("codingScheme", (i) => `theme ${i + 1}`, spec.themes, THEME_OPTIONS);
    checkEach("codingScheme", (i) => `code ${i + 1}`, spec.codes, CODE_OPTIONS);
    const seen = new Map<string, string>();
    const claim = (id: string, level: string) => {
      if (!id) throw new PathlabError(`A ${level} has an empty id.`, { code: "qual.bad-coding" });
      const prev = seen.get(id);
      if (prev)
        throw new PathlabError(`Id "${id}" is used twice (${prev} and ${level}).`, {
          hint: "Ids must be unique across codes, themes and dimensions.",
          code: "qual.bad-coding",
        });
      seen.set(id, level);
    };
    spec.dimensions.forEach((d) => claim(d.id, "dimension"));
    spec.themes.forEach((t) => claim(t.id, "theme"));
    spec.codes.forEach((c) => claim(c.id, "code"));
    const dimIds = new Set(spec.dimensions.map((d) => d.id));
    const themeIds = new Set(spec.themes.map((t) => t.id));
    for (const t of spec.themes) {
      if (!dimIds.has(t.dimension)) {
        throw new PathlabError(`Theme "${t.id}" refers to dimension "${t.dimension}", which is not defined.`, {
          hint: `Dimensions: ${[...dimIds].join(", ")}.`,
          code: "qual.dangling-reference",
        });
      }
    }
    for (const c of spec.codes) {
      if (!themeIds.has(c.theme)) {
        throw new PathlabError(`Code "${c.id}" refers to theme "${c.theme}", which is not defined.`, {
          hint: `Themes: ${[...themeIds].join(", ")}.`,
          code: "qual.dangling-reference",
        });
      }
    }
    this.dimensions = spec.dimensions.map((d) => ({ ...d }));
    this.themes = spec.themes.map((t) => ({ ...t, attributes: { ...(t.attributes ?? {}) } }));
    this.codes = spec.codes.map((c) => ({ ...c, attributes: { ...(c.attributes ?? {}) } }));
    this.notes = spec.notes ?? [];
    this.heading = spec.title ?? "Coding structure";
    for (const t of this.themes) {
      if (!this.codes.some((c) => c.theme === t.id)) this.warnings.push({ code: "qual.empty-theme", message: `Theme "${t.id}" has no first-order codes.` });
    }
    for (const d of this.dimensions) {
      if (!this.themes.some((t) => t.dimension === d.id)) this.warnings.push({ code: "qual.empty-dimension", message: `Dimension "${d.id}" has no themes.` });
    }
  }

  title(): string {
    return this.heading;
  }

  /** Which level an id belongs to ("code", "theme", "dimension") or undefined. */
  levelOf(id: string): "code" | "theme" | "dimension" | undefined {
    if (this.codes.some((c) => c.id === id)) return "code";
    if (this.themes.some((t) => t.id === id)) return "theme";
    if (this.dimensions.some((d) => d.id === id)) return "dimension";
    return undefined;
  }

  code(id: string): CodeSpec {
    const c = this.codes.find((x) => x.id === id);
    if (!c) throw new PathlabError(`Unknown code "${id}".`, { hint: `Codes: ${this.codes.map((x) => x.id).join(", ")}.`, code: "qual.unknown-code" });
    return c;
  }

  theme(id: string): ThemeSpec {
    const t = this.themes.find((x) => x.id === id);
    if (!t) throw new PathlabError(`Unknown theme "${id}".`, { hint: `Themes: ${this.themes.map((x) => x.id).join(", ")}.`, code: "qual.unknown-theme" });
    return t;
  }

  dimension(id: string): DimensionSpec {
    const d = this.dimensions.find((x) => x.id === id);
    if (!d)
      throw new PathlabError(`Unknown dimension "${id}".`, {
        hint: `Dimensions: ${this.dimensions.map((x) => x.id).join(", ")}.`,
        code: "qual.unknown-dimension",
      });
    return d;
  }

  label(id: string): string {
    const lvl = this.levelOf(id);
    if (lvl === "code") return this.code(id).label;
    if (lvl === "theme") return this.theme(id).label ?? id;
    if (lvl === "dimension") return this.dimension(id).label ?? id;
    return id;
  }

  codesOf(theme: string): CodeSpec[] {
    this.theme(theme);
    return this.codes.filter((c) => c.theme === theme);
  }

  themesOf(dimension: string): ThemeSpec[] {
    this.dimension(dimension);
    return this.themes.filter((t) => t.dimension === dimension);
  }

  themeOf(code: string): ThemeSpec {
    return this.theme(this.code(code).theme);
  }

  /** The dimension of a code or a theme. */
  dimensionOf(id: string): DimensionSpec {
    const lvl = this.levelOf(id);
    if (lvl === "code") return this.dimension(this.themeOf(id).dimension);
    if (lvl === "theme") return this.dimension(this.theme(id).dimension);
    throw new PathlabError(`"${id}" is neither a code nor a theme.`, { code: "qual.unknown-code" });
  }

  /**
   * Values of a property for a code: "code", "theme", "dimension", or an attribute of the code
   * (falling back to its theme's attribute). A list attribute yields several values.
   */
  codeValues(code: CodeSpec, prop: string): string[] {
    if (prop === "code") return [code.id];
    if (prop === "theme") return [code.theme];
    if (prop === "dimension") return [this.themeOf(code.id).dimension];
    const v = code.attributes?.[prop] ?? this.themeOf(code.id).attributes?.[prop];
    if (v === undefined) return [];
    return Array.isArray(v) ? v : [v];
  }

  private checkProp(prop: string): void {
    if (["code", "theme", "dimension"].includes(prop)) return;
    const known = this.codes.some((c) => c.attributes?.[prop] !== undefined) || this.themes.some((t) => t.attributes?.[prop] !== undefined);
    if (!known) {
      const attrs = new Set<string>();
      this.codes.forEach((c) => Object.keys(c.attributes ?? {}).forEach((k) => attrs.add(k)));
      this.themes.forEach((t) => Object.keys(t.attributes ?? {}).forEach((k) => attrs.add(k)));
      throw new PathlabError(`No code or theme has the attribute "${prop}".`, {
        hint: `Use code, theme, dimension or one of: ${[...attrs].join(", ")}.`,
        code: "qual.unknown-attribute",
      });
    }
  }

  /**
   * Cross-tabulation of codes by two properties: the number of first-order codes in each cell
   * (a code with a list attribute counts once per listed value). Counts of table rows, not of
   * how often anything was said.
   */
  crossTab(rowProp: string, colProp: string): TableResult & { rowKeys: string[]; colKeys: string[]; matrix: number[][] } {
    this.checkProp(rowProp);
    this.checkProp(colProp);
    const rk: string[] = [];
    const ck: string[] = [];
    const cell = new Map<string, number>();
    for (const c of this.codes) {
      for (const r of this.codeValues(c, rowProp)) {
        if (!rk.includes(r)) rk.push(r);
        for (const k of this.codeValues(c, colProp)) {
          if (!ck.includes(k)) ck.push(k);
          cell.set(`${r}\u0000${k}`, (cell.get(`${r}\u0000${k}`) ?? 0) + 1);
        }
      }
    }
    const matrix = rk.map((r) => ck.map((k) => cell.get(`${r}\u0000${k}`) ?? 0));
    const columns: Column[] = [
      { key: "row", label: rowProp, format: "text" },
      ...ck.map((k, j) => ({ key: `c${j}`, label: this.label(k), format: "int" as const })),
      { key: "total", label: "Total", format: "int" },
    ];
    const rows = rk.map((r, i) => {
      const o: Record<string, unknown> = { row: this.label(r) };
      ck.forEach((_, j) => (o[`c${j}`] = matrix[i][j]));
      o.total = matrix[i].reduce((a, b) => a + b, 0);
      return o;
    });
    const res = new TableResult({
      title: `First-order codes by ${rowProp} × ${colProp}`,
      columns,
      rows,
      notes: ["Cells count first-order codes (rows of the data structure), not mentions or cases."],
    }) as TableResult & { rowKeys: string[]; colKeys: string[]; matrix: number[][] };
    res.rowKeys = rk;
    res.colKeys = ck;
    res.matrix = matrix;
    return res;
  }

  tables(): TableSpec[] {
    const attrKeys: string[] = [];
    for (const c of this.codes) for (const k of Object.keys(c.attributes ?? {})) if (!attrKeys.includes(k)) attrKeys.push(k);
    const rows: Record<string, unknown>[] = [];
    for (const d of this.dimensions) {
      for (const t of this.themes.filter((x) => x.dimension === d.id)) {
        for (const c of this.codes.filter((x) => x.theme === t.id)) {
          const r: Record<string, unknown> = { dimension: d.label ?? d.id, theme: t.label ?? t.id, id: c.id, code: c.label };
          for (const k of attrKeys) {
            const v = c.attributes?.[k];
            r[k] = v === undefined ? "" : Array.isArray(v) ? v.join(", ") : v;
          }
          rows.push(r);
        }
      }
    }
    return [
      {
        title: this.heading,
        columns: [
          { key: "dimension", label: "Aggregate dimension", format: "text" },
          { key: "theme", label: "Second-order theme", format: "text" },
          { key: "id", label: "Id", format: "text" },
          { key: "code", label: "First-order code", format: "text" },
          ...attrKeys.map((k) => ({ key: k, label: k, format: "text" as const })),
        ],
        rows,
        notes: this.notes,
      },
    ];
  }

  /** The hierarchy as a plotly sunburst: dimensions inside, themes, then first-order codes outside. */
  sunburst(options: { title?: string; maxLabel?: number } = {}): Figure {
    checkOptions("sunburst", options, { title: { kind: "string" }, maxLabel: { kind: "number", min: 1, integer: true } });
    const max = options.maxLabel ?? 40;
    const short = (s: string) => (s.length > max ? s.slice(0, max - 1) + "…" : s);
    const ids: string[] = [];
    const labels: string[] = [];
    const parents: string[] = [];
    const hover: string[] = [];
    for (const d of this.dimensions) {
      ids.push(`d:${d.id}`);
      labels.push(d.label ?? d.id);
      parents.push("");
      hover.push(d.description ?? d.label ?? d.id);
    }
    for (const t of this.themes) {
      ids.push(`t:${t.id}`);
      labels.push(t.label ?? t.id);
      parents.push(`d:${t.dimension}`);
      hover.push(`${t.label ?? t.id} (${this.codesOf(t.id).length} codes)`);
    }
    for (const c of this.codes) {
      ids.push(`c:${c.id}`);
      labels.push(short(`${c.id} ${c.label}`));
      parents.push(`t:${c.theme}`);
      hover.push(c.label);
    }
    return new Figure(
      [{ type: "sunburst", ids, labels, parents, hovertext: hover, hoverinfo: "text", insidetextorientation: "radial" } as Record<string, unknown>],
      { title: { text: options.title ?? this.heading }, height: 620, margin: { t: 50, l: 0, r: 0, b: 0 } },
    );
  }

  /**
   * The hierarchy (or any chain of properties) as a Sankey diagram: `levels` lists the properties
   * from left to right, e.g. ["dimension", "theme"] or ["panel", "dimension", "theme", "learning_type"].
   * Link widths are numbers of first-order codes, not prevalence.
   */
  sankey(levels: string[] = ["dimension", "theme", "code"], options: { title?: string } = {}): Figure {
    checkOptions("sankey", options, { title: { kind: "string" } });
    if (levels.length < 2) throw new PathlabError("A Sankey diagram needs at least two levels.", { code: "qual.too-few-levels" });
    levels.forEach((l) => this.checkProp(l));
    const nodeIndex = new Map<string, number>();
    const nodeLabels: string[] = [];
    const node = (level: number, key: string) => {
      const k = `${level}:${key}`;
      if (!nodeIndex.has(k)) {
        nodeIndex.set(k, nodeLabels.length);
        nodeLabels.push(levels[level] === "code" ? key : this.label(key));
      }
      return nodeIndex.get(k)!;
    };
    const links = new Map<string, number>();
    for (const c of this.codes) {
      for (let l = 0; l + 1 < levels.length; l++) {
        for (const a of this.codeValues(c, levels[l])) {
          for (const b of this.codeValues(c, levels[l + 1])) {
            const key = `${node(l, a)}>${node(l + 1, b)}`;
            links.set(key, (links.get(key) ?? 0) + 1);
          }
        }
      }
    }
    const source: number[] = [];
    const target: number[] = [];
    const value: number[] = [];
    for (const [k, v] of links) {
      const [s, t] = k.split(">").map(Number);
      source.push(s);
      target.push(t);
      value.push(v);
    }
    return new Figure(
      [
        {
          type: "sankey",
          arrangement: "snap",
          node: { label: nodeLabels, pad: 12, thickness: 14 },
          link: { source, target, value, hovertemplate: "%{source.label} → %{target.label}: %{value} code(s)<extra></extra>" },
        } as Record<string, unknown>,
      ],
      {
        title: { text: options.title ?? `${this.heading}: ${levels.join(" → ")} (widths = number of first-order codes)` },
        height: 560,
        font: { size: 11 },
      },
    );
  }
}

/** Builds and validates a coding scheme (dangling references are errors naming the code or theme). */
export function codingScheme(spec: CodingSchemeSpec): CodingScheme {
  return new CodingScheme(spec);
}
