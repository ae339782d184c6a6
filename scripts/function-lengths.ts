/**
 * Lines per function in src/ (declarations, methods, constructors, accessors, arrow and function
 * expressions; a nested function counts inside its parent too), longest first.
 *
 *   node -r tsx/cjs scripts/function-lengths.ts [--top 20] [--max 120] [--exclude src/sem,src/process]
 *
 * With --max it exits 1 when a function outside the excluded folders is longer than the limit
 * (`npm run lint` runs it with --top 0 --max 120, excluding src/sem, src/process and src/power
 * until the later part of issue 14 splits `process()` and the others).
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

interface FunctionLength {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyDeclaration(parent)) return parent.name.getText(sf);
  return "(anonymous)";
}

/** Every function-like node of `file` with its length in lines (first to last line, inclusive). */
export function functionLengths(file: string): FunctionLength[] {
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ file, line: start + 1, name: nameOf(node, sf), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function main(): void {
  const top = Number(arg("--top") ?? 20);
  const max = arg("--max") === undefined ? undefined : Number(arg("--max"));
  const exclude = (arg("--exclude") ?? "").split(",").filter(Boolean);
  const root = arg("--root") ?? "src";
  const all = sourceFiles(root).flatMap(functionLengths);
  all.sort((a, b) => b.lines - a.lines);
  const excluded = (f: FunctionLength) => exclude.some((e) => f.file.startsWith(e));
  const inScope = all.filter((f) => !excluded(f));
  const show = (list: FunctionLength[], title: string) => {
    console.log(title);
    for (const f of list.slice(0, top)) console.log(`${String(f.lines).padStart(5)}  ${f.file}:${f.line}  ${f.name}`);
  };
  if (top > 0) {
    show(inScope, exclude.length ? `longest functions outside ${exclude.join(", ")}:` : "longest functions:");
    if (exclude.length) show(all.filter(excluded), `\nlongest functions inside ${exclude.join(", ")}:`);
  }
  if (max !== undefined) {
    const over = inScope.filter((f) => f.lines > max);
    if (over.length) {
      console.error(`\n${over.length} function(s) longer than ${max} lines (outside the excluded folders): split them into named stages.`);
      for (const f of over) console.error(`  ${f.file}:${f.line} ${f.name}: ${f.lines} lines`);
      process.exit(1);
    }
    console.log(
      `Function length: the longest function${exclude.length ? ` outside ${exclude.join(", ")}` : " in src/"} has ${inScope[0]?.lines ?? 0} lines (limit ${max}).`,
    );
  }
}

if (require.main === module) main();
