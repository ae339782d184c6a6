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
const sf = program.getSourceFile(entry)!;
const mod = checker.getSymbolAtLocation(sf)!;
const exps = checker.getExportsOfModule(mod);
for (const s of exps) {
  const t = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  const d = t.declarations?.[0];
  const file = d ? d.getSourceFile().fileName.replace(process.cwd() + "/", "") : "?";
  const isValue = (t.flags & ts.SymbolFlags.Value) !== 0;
  const doc = ts.displayPartsToString(t.getDocumentationComment(checker)).trim().length > 0;
  console.log([s.name, isValue ? "value" : "type", file, doc ? "doc" : "nodoc"].join("\t"));
}
