/**
 * pathlab's public entry: `import { … } from "pathlab"` in a notebook.
 * Each folder is one stage of the architecture and re-exports its public API here.
 */
export * from "./errors";
export * from "./display";
export * from "./data/table-input";
export * from "./simulate/rng";
