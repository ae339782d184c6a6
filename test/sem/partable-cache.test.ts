import { expect } from "chai";
import { buildParTable, parseModelSyntax } from "../../src/sem";
import { parTableOf, parsedModel } from "../../src/sem/partable";
import { errorOf } from "./helpers";

const HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9";

describe("sem: remembered parameter tables (parTableOf)", () => {
  it("gives the table buildParTable builds, for every option set", () => {
    for (const opts of [{}, { stdLv: true }, { meanstructure: true, orthogonal: true }, { ngroups: 2, groupEqual: ["loadings" as const] }]) {
      const fresh = buildParTable(parseModelSyntax(HS), opts);
      expect(parTableOf(HS, opts)).to.deep.equal(fresh);
      expect(parTableOf(HS, opts)).to.deep.equal(fresh); // the remembered one, too
    }
    const M = "f =~ x1 + a*x2 + b*x3 + x4\na == b\nb > 0.1\nab := a*b";
    const fresh = buildParTable(parseModelSyntax(M), {});
    expect(fresh.equalities.some((e) => e.labels)).to.equal(true);
    expect(parTableOf(M, {})).to.deep.equal(fresh);
    expect(parTableOf(M, {})).to.deep.equal(fresh);
  });

  it("hands out copies: changing one table leaves the next untouched", () => {
    const a = parTableOf(HS, {});
    a.rows[1].start = 123;
    a.rows.push({ ...a.rows[0] });
    a.vars.ov.push("zz");
    a.warnings.push({ code: "sem.model", message: "x" });
    const b = parTableOf(HS, {});
    expect(b.rows).to.have.length(a.rows.length - 1);
    expect(b.rows[1].start).to.not.equal(123);
    expect(b.vars.ov).to.not.include("zz");
    expect(b.warnings).to.have.length(0);
    expect(b.rows[0]).to.not.equal(a.rows[0]);
  });

  it("keys on the options: a different option set is a different table", () => {
    expect(parTableOf(HS, { stdLv: true }).rows[0].free).to.be.greaterThan(0);
    expect(parTableOf(HS, {}).rows[0].free).to.equal(0);
  });

  it("a model that fails throws on every call (nothing is remembered)", () => {
    for (let k = 0; k < 2; k++) {
      expect(errorOf(() => parsedModel("f =~ x1 +")).code).to.equal("sem.syntax");
      expect(errorOf(() => parTableOf("f =~ f + x1", {})).code).to.equal("sem.model");
    }
  });
});
