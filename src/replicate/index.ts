/** Replication tooling: published-versus-reproduced comparison and consistency checks of published statistics. */
export * from "./compare";
export * from "./consistency";
export * from "./summary";
