import { expect } from "chai";
import { buildParTable, parseModelSyntax } from "../../src/sem";
import { errorOf } from "./helpers";

describe("sem: model syntax", () => {
  it("parses multi-line statements, comments, semicolons and modifiers", () => {
    const rows = parseModelSyntax(`
      # measurement
      visual =~ x1 + 0.5*x2 +
                NA*x3 ! another comment
      y ~ a*x + start(0.3)*z; y ~~ label("v")*y
      y ~ 1
      ind := a*(b + 2)
    `);
    expect(rows.map((r) => `${r.lhs}${r.op}${r.rhs}`)).to.deep.equal(["visual=~x1", "visual=~x2", "visual=~x3", "y~x", "y~z", "y~~y", "y~1", "ind:=a*(b+2)"]);
    expect(rows[1].fixed).to.equal(0.5);
    expect(Number.isNaN(rows[2].fixed!)).to.equal(true);
    expect(rows[3].label).to.equal("a");
    expect(rows[4].start).to.equal(0.3);
    expect(rows[5].label).to.equal("v");
  });

  it("continues a statement when the next line starts with +", () => {
    const rows = parseModelSyntax("f =~ x1 + x2\n     + x3\ng =~ x4 + x5 + x6");
    expect(rows.filter((r) => r.lhs === "f").map((r) => r.rhs)).to.deep.equal(["x1", "x2", "x3"]);
  });

  it("names line, column and what was expected on a syntax error", () => {
    const e = errorOf(() => parseModelSyntax("visual =~ x1 + x2\ntextual =~ x4 + + x5"));
    expect(e.message).to.contain("line 2, column 17");
    expect(e.message).to.contain("expected a variable name");
    expect(e.hint).to.contain("textual =~ x4 + + x5");
    const e2 = errorOf(() => parseModelSyntax("visual x1 + x2"));
    expect(e2.message).to.contain("line 1, column 8");
    expect(e2.message).to.contain("an operator");
    const e3 = errorOf(() => parseModelSyntax("f =~ x1 + x2 x3"));
    expect(e3.message).to.contain("column 14");
    expect(errorOf(() => parseModelSyntax("   ")).message).to.contain("empty");
  });

  it("applies lavaan's defaults in the parameter table", () => {
    const pt = buildParTable(parseModelSyntax("f =~ x1 + x2 + x3\n g =~ x4 + x5 + x6\n y ~ f + g + w\n z ~ f + w"));
    const find = (l: string, op: string, r: string) => pt.rows.find((x) => x.lhs === l && x.op === op && x.rhs === r);
    expect(find("f", "=~", "x1")!.ustart).to.equal(1);
    expect(find("f", "=~", "x2")!.free).to.be.greaterThan(0);
    expect(find("f", "~~", "g")!.free).to.be.greaterThan(0); // exogenous latent covariance
    expect(find("y", "~~", "z")!.free).to.be.greaterThan(0); // pure outcomes covary
    expect(find("w", "~~", "w")!.exo).to.equal(1); // fixed.x
    expect(pt.vars.ov).to.deep.equal(["x1", "x2", "x3", "x4", "x5", "x6", "y", "z", "w"]);
    const ptStd = buildParTable(parseModelSyntax("f =~ x1 + x2 + x3"), { stdLv: true });
    expect(ptStd.rows.find((x) => x.op === "=~" && x.rhs === "x1")!.free).to.be.greaterThan(0);
    expect(ptStd.rows.find((x) => x.lhs === "f" && x.op === "~~")!.ustart).to.equal(1);
  });

  it("shares one free parameter between repeated labels", () => {
    const pt = buildParTable(parseModelSyntax("f =~ x1 + a*x2 + a*x3"));
    const [r2, r3] = pt.rows.filter((r) => r.label === "a");
    expect(r2.free).to.equal(r3.free);
    expect(pt.nFree).to.equal(1 + 3 + 1); // one loading, three residuals, one factor variance
  });

  it("rejects a defined parameter that uses an unknown label, naming line and column", () => {
    const e = errorOf(() => buildParTable(parseModelSyntax("m ~ a*x\ny ~ b*m\nind := a*c")));
    expect(e.message).to.contain("line 3");
    expect(e.message).to.contain('"c"');
  });
});
