// Types of `pathlab/replicate` for Node10 resolution (tslab): the built declarations.
export * from "./dist/replicate/index";
