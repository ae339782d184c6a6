#!/usr/bin/env node
// @ts-check
/**
 * Assembles the WebAssembly kernels (src/math/wasm/*.wat) with wabt and writes their bytes, base64,
 * to src/math/wasm-kernels.ts, so the library needs no build tool at run time.
 * Usage: npm run build:wasm            (rewrites the file)
 *        npm run build:wasm -- --check (exit 1 if the file is out of date; used by a test)
 */
const fs = require("fs");
const path = require("path");

const DIR = path.join(__dirname, "..", "src", "math", "wasm");
const OUT = path.join(__dirname, "..", "src", "math", "wasm-kernels.ts");

async function render() {
  const wabt = await require("wabt")();
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".wat"))
    .sort();
  const lines = [
    "/**",
    " * WebAssembly kernels, assembled from src/math/wasm/*.wat by scripts/build-wasm.js (wabt).",
    " * Generated: edit the .wat source and run `npm run build:wasm`; a test checks this file is current.",
    " */",
  ];
  for (const f of files) {
    const mod = wabt.parseWat(f, fs.readFileSync(path.join(DIR, f), "utf8"), { simd: true });
    const { buffer } = mod.toBinary({});
    mod.destroy();
    const name =
      path
        .basename(f, ".wat")
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "_") + "_WASM";
    lines.push("", `/** ${f} (${buffer.length} bytes). */`, `export const ${name} =`, `  "${Buffer.from(buffer).toString("base64")}";`);
  }
  return lines.join("\n") + "\n";
}

render().then(
  (text) => {
    if (process.argv.includes("--check")) {
      const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
      if (current !== text) {
        process.stderr.write("src/math/wasm-kernels.ts is out of date: run npm run build:wasm\n");
        process.exit(1);
      }
      return;
    }
    fs.writeFileSync(OUT, text);
    process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
  },
  (e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
    process.exit(1);
  },
);
