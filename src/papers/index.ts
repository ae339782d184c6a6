/**
 * `pathlab/papers`: one object per replicated paper — its published record, the seed and recipe of
 * its simulated data, its scales and controls, its reproduction map and consistency checks — in
 * one shape (see `paper.ts`). The library entry `pathlab` exports no paper names.
 *
 * @example
 * import { paper003 } from "pathlab/papers";
 * const df = paper003.simulate();
 *
 * @packageDocumentation
 * @module pathlab/papers
 */
export type { Paper } from "./paper";
export { paper000, type Paper000Simulation } from "./000";
export { paper001, type Paper001Simulation } from "./001";
export { paper002, type Paper002Simulation } from "./002";
export { paper003, type Simulation003 } from "./003";
export { paper004, type Paper004, type Paper004Quote, type Paper004AggregateStatement, type Paper004Context } from "./004";
