import { expect } from "chai";
import { checkMemory, memoryBudget } from "../../src/resources";
import { PathlabError } from "../../src/errors";

describe("checkMemory", () => {
  it("accepts what fits and refuses what does not, with the estimate", () => {
    expect(() => checkMemory(1e6, "x", "lower it")).not.to.throw();
    try {
      checkMemory(memoryBudget() * 2, "the bootstrap draws", "Lower `boot`.");
      expect.fail("should throw");
    } catch (e) {
      expect(e).to.be.instanceOf(PathlabError);
      expect((e as PathlabError).code).to.equal("resources.memory");
      expect((e as PathlabError).message).to.match(/the bootstrap draws would need [\d.]+ GiB/);
    }
  });
  it("refuses one array longer than a typed array can be", () => {
    expect(() => checkMemory(1e6, "x", "h", 2 ** 33)).to.throw(PathlabError);
  });
});
