import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

describe("type check", function () {
  this.timeout(240000);

  it("src/, test/, bench/ and kernel/ pass the pinned TypeScript (strict)", () => {
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/typescript/package.json"), "utf8")).version;
    expect(version, "typescript must be pinned to ~5.9").to.match(/^5\.9\./);
    for (const project of ["tsconfig.json", "tsconfig.kernel.json"]) {
      const r = spawnSync(process.execPath, [tsc, "-p", project, "--noEmit"], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, `${project}:\n${r.stdout}${r.stderr}`).to.equal(0);
    }
  });

  it("the public entries (pathlab, pathlab/replicate, pathlab/papers) type-check under the kernel's own TypeScript 5.0.4 (non-strict, Node10 resolution)", () => {
    const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");
    expect(ts.version).to.equal("5.0.4");
    const dts = path.join(ROOT, "dist", "index.d.ts");
    expect(fs.existsSync(dts), "dist/ must be built (npm run build) before this test").to.equal(true);
    const cell = path.join(ROOT, "notebooks", "__typecheck_cell.ts");
    fs.writeFileSync(
      cell,
      'import * as pathlab from "pathlab";\nimport * as replicate from "pathlab/replicate";\nimport * as papers from "pathlab/papers";\nexport const names = [...Object.keys(pathlab), ...Object.keys(replicate), ...Object.keys(papers)];\n',
    );
    try {
      const program = ts.createProgram([cell], {
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        target: ts.ScriptTarget.ES2021,
        lib: ["lib.es2021.d.ts"],
        noEmit: true,
        skipLibCheck: true, // as tslab compiles cells
        types: ["node"],
      });
      const diags = ts.getPreEmitDiagnostics(program);
      const text = diags.map((d) => `${d.file ? d.file.fileName : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`).join("\n");
      expect(diags.length, text).to.equal(0);
    } finally {
      fs.unlinkSync(cell);
    }
  });
});
