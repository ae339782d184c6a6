/**
 * The bad-input matrix of issue 12: each case calls a public entry point with one bad input and
 * must fail with a PathlabError carrying a `<area>.<kebab>` code, a message that names what is
 * wrong, and a hint saying what to do. One `it` per case; the suite prints its count line.
 */
import { expect } from "chai";
import { isPathlabError } from "../../src/errors";

export interface BadInputCase {
  /** What is wrong, as the test title. */
  name: string;
  call: () => unknown;
  code: string;
  /** The message must match (it names the option, variable, row or value). */
  message: RegExp;
  /** The hint must match, when given; it must be non-empty in any case. */
  hint?: RegExp;
}

/** Registers the cases under `describe(title)` and prints "title: k/k → PathlabError with code and hint". */
export function badInputMatrix(title: string, cases: BadInputCase[]): void {
  describe(title, () => {
    let passed = 0;
    for (const c of cases) {
      it(c.name, async () => {
        let error: unknown;
        try {
          await c.call();
        } catch (e) {
          error = e;
        }
        expect(error, "expected a PathlabError, got no error").to.not.equal(undefined);
        expect(isPathlabError(error), `not a PathlabError: ${String(error)}`).to.equal(true);
        const e = error as { message: string; code: string; hint?: string };
        expect(e.code, e.message).to.match(/^[a-z]+\.[a-z0-9-]+$/);
        expect(e.code, e.message).to.equal(c.code);
        expect(e.message).to.match(c.message);
        expect(e.hint ?? "", `no hint for: ${e.message}`).to.have.length.greaterThan(5);
        if (c.hint) expect(e.hint).to.match(c.hint);
        passed++;
      });
    }
    after(() => {
      console.log(`      bad-input matrix ${title}: ${passed}/${cases.length} cases → PathlabError with code and hint`);
    });
  });
}
