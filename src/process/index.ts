export { process } from "./process";
export { DEFAULT_PROCESS_SEED } from "./options";
export { ProcessResult, type ProcessTidyRow } from "./result";
export { McxModerationResult, type McxModerationPayload, type McxConditional } from "./mcx-moderation";
export { McxResult, mcxCoding, type McxOptions, type McxPayload, type McxEquation, type RelativeIndirect, type OmnibusTest } from "./mcx";
export { SUPPORTED_MODELS, modelTemplate, type ModelTemplate } from "./models";
export type {
  ProcessOptions,
  ModelSummary,
  Coefficient as ProcessCoefficient,
  InteractionTest,
  ConditionalEffects,
  ConditionalRow,
  JohnsonNeyman,
  EquationResult as ProcessEquation,
  EffectRow as ProcessEffectRow,
  IndirectRow,
  IndexRow,
  NormalTest,
} from "./types";
export { moderationExplorer, mediationExplorer, type ModerationExplorerOptions, type MediationExplorerOptions } from "./explorers";
export type { SlopesOptions, ProcessDiagramOptions } from "./figures";
