/**
 * Descriptive claims of a text ("only 2 of 10 firms", "12 interviews", "founded 2009–2014") as
 * checkable data: the published value, a function reproducing it from the case data, and the
 * table cells it rests on. A claim whose inputs are unknown is reported as "cannot check", never
 * as a match.
 */
import { Result } from "../display/result";
import type { TableSpec } from "../display/table";
import { PathlabError } from "../errors";
import { checkEach } from "../simulate/validate";
import { isUnknownValue, type Unknown } from "./case-table";

export type ClaimValue = number | string | boolean;

/** A claim a paper makes, with where it is made and how to reproduce its value from the data. */
export interface ClaimSpec<C = unknown> {
  id: string;
  /** The claim, paraphrased. */
  text: string;
  /** Where it is made (e.g. "§3 Methods", "Abstract"). */
  source: string;
  /** The published value as the text gives it. */
  published: ClaimValue;
  /** Reproduces the value from the data; return unknownValue() when the data cannot say. */
  reproduce: (ctx: C) => ClaimValue | Unknown;
  /** The table cells / fields the check rests on (e.g. "Table 1: founded, first export (C1–C10)"). */
  cells: string;
  /** Absolute tolerance for numbers. Default 0. */
  tolerance?: number;
  /** Optional note (e.g. how a reading was made). */
  note?: string;
}

export type ClaimStatus = "match" | "mismatch" | "cannot check";

export interface ClaimCheckRow {
  id: string;
  text: string;
  source: string;
  published: ClaimValue;
  reproduced: ClaimValue | null;
  status: ClaimStatus;
  cells: string;
  note?: string;
}

function show(v: ClaimValue | null): string {
  if (v === null) return "unknown";
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** Claims checked against the data: each claim's published and reproduced value and a status. */
export class ClaimCheck extends Result {
  constructor(readonly rows: ClaimCheckRow[]) {
    super();
  }

  title(): string {
    return "Published descriptive claims vs the tables";
  }

  info(): string[] {
    const n = (s: ClaimStatus) => this.rows.filter((r) => r.status === s).length;
    return [`${n("match")} match, ${n("mismatch")} mismatch, ${n("cannot check")} cannot be checked (of ${this.rows.length}).`];
  }

  tables(): TableSpec[] {
    return [
      {
        columns: [
          { key: "id", label: "Id", format: "text" },
          { key: "text", label: "Claim (paraphrase)", format: "text" },
          { key: "source", label: "Where", format: "text" },
          { key: "published", label: "Published", format: "text" },
          { key: "reproduced", label: "From the tables", format: "text" },
          { key: "status", label: "Status", format: "text" },
          { key: "cells", label: "Rests on", format: "text" },
        ],
        rows: this.rows.map((r) => ({
          ...r,
          published: show(r.published),
          reproduced: show(r.reproduced),
          status: { text: r.status, className: r.status === "match" ? "pathlab-ok" : r.status === "mismatch" ? "pathlab-bad" : "pathlab-unknown" },
        })),
        notes: this.rows.filter((r) => r.note).map((r) => `${r.id}: ${r.note}`),
      },
    ];
  }
}

/**
 * Evaluates every claim against the data context (errors inside a claim name the claim).
 *
 * @example
 * checkClaims([{ id: "size", text: "Most firms have under 20 staff", source: "§4", published: 7, cells: "employees", reproduce: (t: CaseTable) => t.numbers("employees").filter((v) => v !== null && v < 20).length }], cases)
 */
export function checkClaims<C>(claims: ClaimSpec<C>[], ctx: C): ClaimCheck {
  const ANY = { kind: "custom" } as const;
  checkEach("checkClaims", (i) => `claim ${i + 1}`, claims, {
    id: ANY,
    text: ANY,
    source: ANY,
    published: ANY,
    reproduce: ANY,
    cells: ANY,
    tolerance: { kind: "number", min: 0 },
    note: ANY,
  });
  const rows = claims.map((c) => {
    let v: ClaimValue | Unknown;
    try {
      v = c.reproduce(ctx);
    } catch (e) {
      throw new PathlabError(`Claim "${c.id}" could not be evaluated: ${(e as Error).message}`, { code: "qual.bad-claim" });
    }
    if (isUnknownValue(v))
      return {
        id: c.id,
        text: c.text,
        source: c.source,
        published: c.published,
        reproduced: null,
        status: "cannot check" as ClaimStatus,
        cells: c.cells,
        note: c.note ?? v.reason,
      };
    let ok: boolean;
    if (typeof v === "number" && typeof c.published === "number") ok = Math.abs(v - c.published) <= (c.tolerance ?? 0) + 1e-12;
    else ok = v === c.published;
    return {
      id: c.id,
      text: c.text,
      source: c.source,
      published: c.published,
      reproduced: v,
      status: (ok ? "match" : "mismatch") as ClaimStatus,
      cells: c.cells,
      note: c.note,
    };
  });
  return new ClaimCheck(rows);
}
