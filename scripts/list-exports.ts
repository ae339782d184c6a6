/**
 * The names a public entry exports, one per line: name, value or type, the file that declares it,
 * and whether it has a documentation comment (what test/core/public-api.test.ts checks).
 *
 *   node -r tsx/cjs scripts/list-exports.ts [src/index.ts | src/replicate/index.ts | src/papers/index.ts]
 */
import ts from "typescript";

const entry = process.argv[2] ?? "src/index.ts";
const program = ts.createProgram([entry], {
  strict: true,
  esModuleInterop: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
});
const checker = program.getTypeChecker();
const sf = program.getSourceFile(entry);
const mod = sf && checker.getSymbolAtLocation(sf);
if (!mod) throw new Error(`${entry} is not a module`);
for (const s of checker.getExportsOfModule(mod)) {
  const t = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  const d = t.declarations?.[0];
  const file = d ? d.getSourceFile().fileName.replace(`${process.cwd()}/`, "") : "?";
  const isValue = (t.flags & ts.SymbolFlags.Value) !== 0;
  const doc = ts.displayPartsToString(t.getDocumentationComment(checker)).trim().length > 0;
  console.log([s.name, isValue ? "value" : "type", file, doc ? "doc" : "nodoc"].join("\t"));
}
