/**
 * The published record of the four replicated papers as typed data, plus flat listings of their
 * numbers for published-versus-reproduced tables.
 */
import { PathlabError } from "../errors";
import { paper000 } from "./paper000";
import { paper001 } from "./paper001";
import { paper002 } from "./paper002";
import { paper003 } from "./paper003";
import type { PaperRecord } from "./types";

export * from "./types";
export { parsePrinted, digitsOf } from "./build";
export { hypothesisNumbers, measurementNumbers, allNumbers, coefficientNumbers, findCoefficient, loadingsOf } from "./numbers";
export { paper000, paper001, paper002, paper003 };
export { simulatePaper001, Paper001Simulation, PAPER001_SCALES, PAPER001_AMC_DIMENSIONS, PAPER001_OTHERS, type Paper001Options } from "./simulate001";
export * from "./simulate003";
export * from "./replication003";
export * from "./simulate000";
export * from "./replication000";
export * from "./simulate002";
export * from "./replication002";
// Paper 004 is a qualitative case study: its record is case tables and codings (src/qual), not numbers.
export { conceptualModel, type ConceptualModelOptions } from "./diagram";
export { paper004 } from "./paper004";
export type { Paper004, Paper004Quote, Paper004AggregateStatement, Paper004Context } from "./paper004";

/** All paper records, keyed by id. */
export const papers: Record<string, PaperRecord> = { "000": paper000, "001": paper001, "002": paper002, "003": paper003 };

/** The record of one paper by id ("000" … "003"). */
export function getPaper(id: string): PaperRecord {
  const p = papers[id];
  if (!p) {
    throw new PathlabError(`no paper record "${id}"`, { hint: `available: ${Object.keys(papers).join(", ")}`, code: "papers.unknown" });
  }
  return p;
}
