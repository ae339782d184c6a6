import { expect } from "chai";
import { layerViolations } from "../../scripts/check-layers";

describe("layers (scripts/check-layers.ts, run by npm run lint)", () => {
  it("every import in src/ points down the layers errors ← math ← data/display ← … ← papers", () => {
    expect(layerViolations()).to.deep.equal([]);
  });
});
