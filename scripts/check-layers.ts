/**
 * The layer rule of `npm run lint`: every import in src/ points down the layers (or sideways along
 * an edge listed below), never up. Layers, bottom to top (docs/architecture.md):
 *
 *   errors ← math ← data/display ← measurement/regression/simulate ← sem/process/power/qual ← replicate ← papers
 *
 * Imports are read with the TypeScript parser (static imports, `export … from`, `import()` and
 * `require()` of relative paths) and resolved to the folder they land in. Exits 1 listing each
 * violation as file:line.
 *
 *   node -r tsx/cjs scripts/check-layers.ts
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const SRC = path.join(__dirname, "..", "src");

/** Areas (a folder of src/, or a file at its root) by layer, bottom first. */
export const LAYERS: string[][] = [
  ["errors.ts", "options.ts", "resources.ts"],
  ["math"],
  ["data", "display"],
  ["measurement", "regression", "simulate"],
  ["sem", "process", "power", "qual"],
  ["replicate"],
  ["papers"],
  ["index.ts"],
];

/**
 * Imports allowed within a layer (from → to). Each is one-way, so a layer has no cycle: data results
 * render through display; factor analysis draws its random starts and parallel-analysis samples
 * from simulate's generator; the option and memory checks throw PathlabErrors.
 */
export const SIDEWAYS: Record<string, string[]> = {
  "options.ts": ["errors.ts"],
  "resources.ts": ["errors.ts"],
  data: ["display"],
  measurement: ["simulate"],
};

const layerOf = new Map<string, number>();
LAYERS.forEach((areas, i) => areas.forEach((a) => layerOf.set(a, i)));

/** The area (top folder of src/, or a root file) of a path inside src/. */
function areaOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? rel[0] : rel[0];
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

/** Relative module specifiers of a file with their lines. */
function importsOf(file: string): { spec: string; line: number }[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  const out: { spec: string; line: number }[] = [];
  const add = (node: ts.Node, lit: ts.Expression | undefined) => {
    if (lit && ts.isStringLiteralLike(lit) && lit.text.startsWith("."))
      out.push({ spec: lit.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    )
      add(node, node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every import that breaks the rule, as "file:line: from → to". */
export function layerViolations(): string[] {
  const problems: string[] = [];
  for (const file of sources(SRC)) {
    const from = areaOf(file);
    const fromLayer = layerOf.get(from);
    if (fromLayer === undefined) {
      problems.push(`${path.relative(SRC, file)}: src/${from} is in no layer; add it to LAYERS in scripts/check-layers.ts`);
      continue;
    }
    for (const { spec, line } of importsOf(file)) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SRC + path.sep)) continue;
      let to = areaOf(target);
      if (!layerOf.has(to) && layerOf.has(`${to}.ts`)) to = `${to}.ts`;
      if (to === from) continue;
      const toLayer = layerOf.get(to);
      const where = `src/${path.relative(SRC, file)}:${line}`;
      if (toLayer === undefined) problems.push(`${where}: imports ${spec}, which is in no layer`);
      else if (toLayer > fromLayer) problems.push(`${where}: ${from} (layer ${fromLayer}) imports ${spec} from ${to} (layer ${toLayer}), a layer above it`);
      else if (toLayer === fromLayer && !(SIDEWAYS[from] ?? []).includes(to))
        problems.push(`${where}: ${from} imports ${spec} from ${to} in the same layer; allow the edge in SIDEWAYS (one way only) or move the code down`);
    }
  }
  return problems;
}

if (require.main === module) {
  const problems = layerViolations();
  if (problems.length) {
    console.error(`Layer rule (docs/architecture.md): ${problems.length} import(s) point the wrong way:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`Layer rule: every import in src/ points down the layers (${LAYERS.map((l) => l.join("/")).join(" ← ")}).`);
}
