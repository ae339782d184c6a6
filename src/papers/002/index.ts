/** Paper 002 as a `pathlab/papers` object: record, simulation, reproduction map and checks. */
import { checkPaper } from "../../replicate/checks";
import type { Paper } from "../paper";
import { checks002 } from "./checks";
import { paper002 as record } from "./record";
import { fixed002 } from "./reproduce";
import { PAPER002_CONTROLS, PAPER002_SCALES, PAPER002_SEED, simulatePaper002, type Paper002Simulation } from "./simulate";

/** Paper 002 (UK SMEs' post-entry commitment): record, seed, scales, controls and `simulate()`. */
export const paper002: Paper<Paper002Simulation> = {
  id: "002",
  record,
  seed: PAPER002_SEED,
  scales: PAPER002_SCALES,
  controls: PAPER002_CONTROLS,
  simulate: (seed = PAPER002_SEED) => simulatePaper002(seed),
  consistency: () => checkPaper(record, { extra: checks002(record) }),
  fixed: fixed002,
  layout: { re: [0, 0], osc: [1.5, 0.9], peic: [3, 0], sa: [2.6, 1.9], controls: [1.5, -1.3] },
  source: "shared/papers/002.md (extraction of seeds/002_4febef79f615c053.txt); see src/papers/002/source.md",
};

export type { Paper002Simulation };
