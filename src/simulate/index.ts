/**
 * Seeded simulation from published statistics: raw survey data are never published, so replication
 * runs on data simulated to match what was (exact moments, item-level data from loadings, and
 * structural models with planted interactions).
 */
export * from "./rng";
export { sampleMoments, type SampleMoments } from "./moments";
export { SimulatedData } from "./simulated-data";
export { mvrnorm, mvrnormEmpirical, MvrnormResult, type MvrnormOptions } from "./mvrnorm";
export { nearestPD, NearestPDResult, type NearestPDOptions } from "./nearest-pd";
export { simulateComposites, CompositeSimulation, type SimulateCompositesOptions } from "./composites";
export { simulateItems, ItemSimulation, type ItemConstruct, type SimulateItemsOptions, type LikertDrift } from "./items";
export {
  simulateStructural,
  moderationFromSimpleSlopes,
  StructuralSimulation,
  type StructuralTerm,
  type StructuralEquation,
  type SimulateStructuralOptions,
} from "./structural";
