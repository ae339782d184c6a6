/** Paper 000 as a `pathlab/papers` object: record, simulation, reproduction map and checks. */
import { checkPaper } from "../../replicate/checks";
import type { Paper } from "../paper";
import { checks000 } from "./checks";
import { paper000 as record } from "./record";
import { fixed000 } from "./reproduce";
import { CONTROLS_000, SCALES_000, SEED_000, simulatePaper000, type Paper000Simulation } from "./simulate";

const scales: Record<string, string[]> = {};
for (const c of record.constructs) if (c.items.length > 0) scales[c.id] = c.items.map((i) => i.id);

/** Paper 000 (R&D alliances and internationalisation speed): record, seed, scales, controls and `simulate()`. */
export const paper000: Paper<Paper000Simulation> & { measured: string[] } = {
  id: "000",
  record,
  seed: SEED_000,
  scales,
  /** The seven scales of Table 2 (the instruments and the marker are in `scales` too). */
  measured: SCALES_000,
  controls: CONTROLS_000,
  simulate: (seed = SEED_000) => simulatePaper000(seed),
  consistency: () => checkPaper(record, { extra: checks000(record) }),
  fixed: fixed000,
  layout: { amc: [0.12, 0.35], cia: [0.5, 0.8], speed: [0.88, 0.35], controls: [0.5, 0.02] },
  source: "shared/papers/000.md (extraction of seeds/000_b4a6959800bac968.txt); see src/papers/000/source.md",
};

export type { Paper000Simulation };
