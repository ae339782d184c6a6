/**
 * Resource guards: a request whose working memory cannot fit on this machine is refused at once,
 * with the estimate, instead of failing deep inside with "Invalid typed array length" or swapping
 * for minutes.
 *
 * The budget is half the machine's physical memory (typed arrays live outside the JS heap, so the
 * heap limit is not the constraint), and never more than one typed array can hold.
 *
 * @example
 * checkMemory(8 * 5000 * 30, "the bootstrap estimates (5,000 draws × 30 parameters)", "Lower `boot`.");
 */
import * as os from "os";
import { PathlabError } from "./errors";

/** Bytes pathlab allows one request to reserve. */
export function memoryBudget(): number {
  return Math.floor(os.totalmem() / 2);
}

/** Largest byte length of a single ArrayBuffer on this Node (2^32 elements of a Float64Array is beyond it). */
const MAX_ARRAY_BYTES = 2 ** 32;

function gib(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/**
 * Throw a PathlabError (code `resources.memory`) when `bytes` exceeds the budget, or when one array of
 * `largestArrayBytes` exceeds what a typed array can hold. `what` names the allocation; `hint` says
 * which option to lower.
 */
export function checkMemory(bytes: number, what: string, hint: string, largestArrayBytes = bytes): void {
  const budget = memoryBudget();
  if (!Number.isFinite(bytes) || bytes > budget || largestArrayBytes > MAX_ARRAY_BYTES) {
    const need = Number.isFinite(bytes) ? gib(bytes) : "an unbounded amount";
    throw new PathlabError(`Not enough memory: ${what} would need ${need}; pathlab allows ${gib(budget)} (half of this machine's ${gib(os.totalmem())}).`, {
      code: "resources.memory",
      hint,
    });
  }
}
