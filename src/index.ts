/**
 * pathlab's public entry: `import { … } from "pathlab"` in a notebook.
 * Each folder is one stage of the architecture and re-exports its public API here.
 */
export * from "./errors";
export * from "./display";
export * from "./data";
export * from "./measurement";
export * from "./simulate";
export * from "./stats";
export * from "./regression";
export * from "./process";
export * from "./sem";
export * from "./power";
export * from "./replicate";
export * from "./qual";
