/**
 * The one shape every paper folder has: `papers/NNN/record.ts` (the transcription, as a
 * `PaperRecord`), `simulate.ts` (the simulation recipe), `reproduce.ts` (the reproduction map: which
 * published numbers have a fixed status and why), `checks.ts` (consistency checks only this paper
 * needs), `source.md` (where the record was transcribed from) and `index.ts` (the paper object).
 */
import type { ConsistencyReport } from "../replicate/checks";
import type { FixedStatus } from "../replicate/compare";
import type { PaperRecord } from "../replicate/record";

/** A paper of `pathlab/papers`: its record and everything its notebook needs besides the method. */
export interface Paper<S = unknown> {
  id: string;
  record: PaperRecord;
  /** Default seed of the simulated data set. */
  seed: number;
  /** Item columns of each multi-item scale, as the data file names them. */
  scales: Record<string, string[]>;
  /** Control columns, in the order the hypothesis tables list them. */
  controls: string[];
  /** The simulated data set (seeded; same seed → identical data). */
  simulate(seed?: number): S;
  /** Every consistency check of the published statistics: the generic ones and the paper's own. */
  consistency(): ConsistencyReport;
  /** Published numbers with a fixed status (planted in the simulation, or needing unpublished information), and why. */
  fixed: FixedStatus[];
  /** Positions of the conceptual model's nodes for `conceptualModel`. */
  layout: Record<string, [number, number]>;
  /** Where the record was transcribed from. */
  source: string;
}
