/** Power analysis: Monte Carlo power for mediation/moderation models and analytic regression power. */
export {
  fCritical,
  pfNoncentralUpper,
  regressionPower,
  regressionSampleSize,
  type RegressionPowerSpec,
} from "./analytic";
export {
  mediationCorrelation,
  type MediationPowerSpec,
  type ModerationPowerSpec,
  type ModeratedMediationPowerSpec,
  type PowerModelKind,
  type EffectInfo,
} from "./models";
export { PowerResult, type PowerRow, type PowerSettingsInfo } from "./result";
export {
  powerMediation,
  powerModeration,
  powerModeratedMediation,
  powerAsync,
  type PowerOptions,
  type PowerAsyncOptions,
} from "./monte-carlo";
