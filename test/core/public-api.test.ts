/**
 * The public API is an explicit, documented list (src/index.ts, src/replicate/index.ts,
 * src/papers/index.ts): this lists the exported names with the TypeScript compiler and fails when
 * one has no documentation comment, when `pathlab` leaves its stated size, or when a paper name or
 * an internal constant reaches the library entry.
 */
import { expect } from "chai";
import * as path from "path";
import ts from "typescript";

const SRC = path.join(__dirname, "../../src");

/** The stated size of `pathlab` (values and types): about 150–200 names (issue 14), a few more since powerSem (issue 18). */
const LIBRARY_RANGE: [number, number] = [150, 205];

/** Upper-case names that are public on purpose (semTools' AVE). */
const UPPER_CASE_ALLOWED = new Set(["AVE"]);

interface Exported {
  name: string;
  kind: "value" | "type";
  file: string;
  documented: boolean;
}

function exportsOf(entry: string): Exported[] {
  const file = path.join(SRC, entry);
  const program = ts.createProgram([file], {
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2020,
  });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file);
  if (!sf) throw new Error(`no source file ${file}`);
  const mod = checker.getSymbolAtLocation(sf);
  if (!mod) throw new Error(`${entry} is not a module`);
  return checker.getExportsOfModule(mod).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const decl = target.declarations?.[0];
    return {
      name: s.name,
      kind: target.flags & ts.SymbolFlags.Value ? "value" : "type",
      file: decl ? path.relative(SRC, decl.getSourceFile().fileName) : "?",
      documented: ts.displayPartsToString(target.getDocumentationComment(checker)).trim().length > 0,
    };
  });
}

describe("public API", function () {
  this.timeout(120000);
  const library = exportsOf("index.ts");

  it(`pathlab exports ${LIBRARY_RANGE[0]}–${LIBRARY_RANGE[1]} names, each documented where it is declared`, () => {
    const undocumented = library.filter((e) => !e.documented).map((e) => `${e.name} (${e.file})`);
    expect(undocumented, `exported without a documentation comment: ${undocumented.join(", ")}`).to.deep.equal([]);
    expect(library.length, `pathlab exports ${library.length} names`).to.be.within(LIBRARY_RANGE[0], LIBRARY_RANGE[1]);
    console.log(
      `      pathlab: ${library.length} names (${library.filter((e) => e.kind === "value").length} values, ${library.filter((e) => e.kind === "type").length} types)`,
    );
  });

  it("pathlab exports no paper names, nothing from src/papers or src/replicate, and no internal constants", () => {
    expect(library.filter((e) => /paper\d|^(SEED|PAPER)|\d{3}$/i.test(e.name)).map((e) => e.name)).to.deep.equal([]);
    expect(library.filter((e) => /^(papers|replicate)\//.test(e.file)).map((e) => e.name)).to.deep.equal([]);
    expect(library.filter((e) => /^[A-Z0-9_]+$/.test(e.name) && !UPPER_CASE_ALLOWED.has(e.name)).map((e) => e.name)).to.deep.equal([]);
  });

  for (const entry of ["replicate/index.ts", "papers/index.ts"])
    it(`pathlab/${entry.split("/")[0]} exports only documented names`, () => {
      const names = exportsOf(entry);
      expect(names.length).to.be.greaterThan(5);
      const undocumented = names.filter((e) => !e.documented).map((e) => `${e.name} (${e.file})`);
      expect(undocumented, `exported without a documentation comment: ${undocumented.join(", ")}`).to.deep.equal([]);
    });
});
