/**
 * psych's scoring keys: which items form a scale and which of them are reverse-keyed.
 *
 * Accepted spellings (psych's `keys` / `make.keys` / `keys.list`):
 * - item names with a leading "−" (ASCII "-") for reversed items: ["-A1", "A2", "A3"];
 * - a keys vector aligned with the items: [-1, 1, 1] (psych's numeric keys);
 * - the names of the items to reverse: ["A1"] (psych's character keys);
 * - for several scales, an object of such lists: { agree: ["-A1", "A2"], consc: ["C1", "-C4"] }.
 * A reversed item x is scored as (max + min) − x, with min and max taken over all the items
 * (psych's rule), so it keeps the response scale.
 *
 * @example
 * parseKeyedItems(["-A1", "A2"]);              // { items: ["A1", "A2"], signs: [-1, 1] }
 * parseKeyedItems(["A1", "A2"], ["A1"]);       // same
 * parseKeyedItems(["A1", "A2"], [-1, 1]);      // same
 */
import { PathlabError } from "../errors";
import { describeValue } from "../options";

export interface KeyedItems {
  /** Item names without the "-" marks. */
  items: string[];
  /** +1 or −1 per item. */
  signs: number[];
}

/** Items of one scale with their signs, from psych's spellings (see module comment). */
export function parseKeyedItems(items: readonly string[], keys?: readonly (number | string)[], where = "keys"): KeyedItems {
  if (!Array.isArray(items) || items.some((s) => typeof s !== "string"))
    throw new PathlabError(`${where}: the items must be an array of variable names, got ${describeValue(items)}.`, { code: "measurement.bad-keys" });
  const names: string[] = [];
  const signs: number[] = [];
  for (const raw of items) {
    const t = raw.trim();
    const neg = t.startsWith("-") || t.startsWith("−");
    names.push(neg ? t.slice(1).trim() : t);
    signs.push(neg ? -1 : 1);
  }
  if (keys !== undefined) {
    if (!Array.isArray(keys))
      throw new PathlabError(`${where} must be an array: ±1 per item, or the names of the items to reverse.`, { code: "measurement.bad-keys" });
    if (keys.length && keys.every((k) => typeof k === "number")) {
      if (keys.length !== names.length)
        throw new PathlabError(`${where} has ${keys.length} values for ${names.length} items.`, {
          hint: "Give one key (1 or −1) per item, in the items' order.",
          code: "measurement.bad-keys",
        });
      keys.forEach((k, i) => {
        if (k !== 1 && k !== -1) throw new PathlabError(`${where}[${i + 1}] (item "${names[i]}") is ${k}; keys are 1 or −1.`, { code: "measurement.bad-keys" });
        signs[i] *= k as number;
      });
    } else if (keys.every((k) => typeof k === "string")) {
      for (const k of keys as string[]) {
        const nm = k.replace(/^[-−]/, "").trim();
        const i = names.indexOf(nm);
        if (i < 0)
          throw new PathlabError(`${where} names "${k}", which is not one of the items (${names.join(", ")}).`, {
            hint: 'List the items to reverse by name, e.g. keys: ["A1"], or mark them in the items: ["-A1", "A2", …].',
            code: "measurement.unknown-key",
          });
        signs[i] = -1;
      }
    } else
      throw new PathlabError(`${where} mixes numbers and names.`, {
        hint: "Use ±1 per item, or the names of the items to reverse.",
        code: "measurement.bad-keys",
      });
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new PathlabError(`${where}: item "${dup}" is listed twice.`, { code: "measurement.duplicate-item" });
  return { items: names, signs };
}

/** Several keyed scales (psych's keys.list). */
export function parseKeysList(keys: Record<string, readonly string[]>, where = "keys"): { scales: string[]; keyed: KeyedItems[] } {
  if (keys === null || typeof keys !== "object" || Array.isArray(keys))
    throw new PathlabError(`${where} must be an object of scales, e.g. { agree: ["-A1", "A2"], consc: ["C1", "-C4"] }.`, { code: "measurement.bad-keys" });
  const scales = Object.keys(keys);
  if (!scales.length) throw new PathlabError(`${where} lists no scales.`, { code: "measurement.bad-keys" });
  return { scales, keyed: scales.map((s) => parseKeyedItems(keys[s], undefined, `${where}.${s}`)) };
}

/** psych's keys2list rendering of one scale: reversed items get a leading "-". */
export function keyedNames(k: KeyedItems): string[] {
  return k.items.map((it, i) => (k.signs[i] < 0 ? `-${it}` : it));
}
