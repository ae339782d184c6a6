/** Paper 003 as a `pathlab/papers` object: record, simulation, reproduction map and checks. */
import { checkPaper } from "../../replicate/checks";
import type { Paper } from "../paper";
import { checks003 } from "./checks";
import { paper003 as record } from "./record";
import { fixed003 } from "./reproduce";
import { CONTROLS_003, SCALES_003, SEED_003, simulatePaper003, type Simulation003 } from "./simulate";

const scales: Record<string, string[]> = {};
for (const c of record.constructs) if (SCALES_003.includes(c.id)) scales[c.id] = c.items.map((i) => i.id);

/** Paper 003 (Pakistani SMEs' regional expansion): record, seed, scales, controls and `simulate()`. */
export const paper003: Paper<Simulation003> = {
  id: "003",
  record,
  seed: SEED_003,
  scales,
  controls: CONTROLS_003,
  simulate: (seed = SEED_003) => simulatePaper003(seed),
  consistency: () => checkPaper(record, { extra: checks003(record) }),
  fixed: fixed003,
  layout: { comp_int: [0, 2], tech_dyn: [0, 1], mkt_dyn: [0, 0], iapd: [2.4, 1], reg_exp: [4.8, 1], cka: [3.6, 2.3], controls: [3.6, -0.4] },
  source: "shared/papers/003.md (extraction of seeds/003_7d1c2e4a1ca504b8.txt); see src/papers/003/source.md",
};

export type { Simulation003 };
