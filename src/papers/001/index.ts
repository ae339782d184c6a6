/** Paper 001 as a `pathlab/papers` object: record, simulation, reproduction map and checks. */
import { checkPaper } from "../../replicate/checks";
import type { Paper } from "../paper";
import { checks001 } from "./checks";
import { paper001 as record } from "./record";
import { fixed001 } from "./reproduce";
import { PAPER001_AMC_DIMENSIONS, PAPER001_SCALES, SEED_001, simulatePaper001, type Paper001Options, type Paper001Simulation } from "./simulate";

const scales: Record<string, string[]> = {};
for (const c of record.constructs) if (PAPER001_SCALES.includes(c.id)) scales[c.id] = c.items.map((i) => i.id);

/** Paper 001 (alliance capability and co-innovation): record, seed, scales, controls, `simulate()` and its scenarios. */
export const paper001: Paper<Paper001Simulation> & { amcDimensions: string[]; scenario(seed: number, options: Paper001Options): Paper001Simulation } = {
  id: "001",
  record,
  seed: SEED_001,
  scales,
  amcDimensions: PAPER001_AMC_DIMENSIONS,
  controls: ["firm_size", "firm_age", "industry", "intl_experience", "alliance_experience"],
  simulate: (seed = SEED_001) => simulatePaper001(seed),
  /** The simulation with options (a replaced Table 4 row 7, other planted sizes): a sensitivity scenario. */
  scenario: (seed, options) => simulatePaper001(seed, options),
  consistency: () => checkPaper(record, { extra: checks001(record) }),
  fixed: fixed001,
  layout: { amc: [0, 0], rad: [1.6, 0.8], inc: [1.6, -0.8], ie: [3.2, 0], apd: [0.9, 2.1], controls: [2.6, -1.9] },
  source: "shared/papers/001.md (extraction of seeds/001_ad2f267d9b6b7316.txt); see src/papers/001/source.md",
};

export type { Paper001Simulation };
