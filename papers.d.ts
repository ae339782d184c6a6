// Types of `pathlab/papers` for Node10 resolution (tslab): the built declarations.
export * from "./dist/papers/index";
