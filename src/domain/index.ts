/** Pure rules of Reset Desk: no DOM, no browser API. */
export type { CustomerRef, EmailKind, HistoryEmail, RequestOrigin, ResetRequest } from './types';
export { compareChronologically, sortChronologically, type TimedRow } from './chronology';
export { formatDuration, formatValidity } from './formatDuration';
export {
  DEFAULT_FUTURE_TOLERANCE_MS,
  DEFAULT_VALIDITY_MS,
  HOUR_MS,
  resetStatus,
  type ResetState,
  type ResetStatus,
  type ResetStatusOptions,
  type RowVerdict,
  type RowVerdictKind,
} from './resetStatus';
export {
  DEFAULT_EMAIL_TOLERANCE_MS,
  SHORT_VALIDITY_WARNING_MS,
  decideAction,
  type Alternative,
  type AlternativeKind,
  type Reason,
  type ReasonCode,
  type Warning,
  type WarningCode,
  type DecideActionOptions,
  type Decision,
  type DecisionKind,
} from './decideAction';
export {
  ADMIN_MIN_PASSWORD_LENGTH,
  CHAR_CLASSES,
  DEFAULT_PASSWORD_POLICY,
  EXCLUDED_LOOKALIKES,
  MAX_CONSECUTIVE_REJECTIONS,
  MAX_PASSWORD_LENGTH,
  PASSWORD_CHARACTER_SETS,
  PasswordPolicyError,
  createUniformPicker,
  cryptoRandomSource,
  generatePassword,
  passwordAlphabet,
  resolvePasswordPolicy,
  shuffleInPlace,
  type CharClass,
  type GeneratedPassword,
  type PasswordPolicy,
  type RandomSource,
  type ResolvedPasswordPolicy,
  type UniformPicker,
} from './passwordGenerator';
export {
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  TEMPLATE_IDS,
  placeholdersIn,
  renderTemplate,
  sanitizeValue,
  templateForDecision,
  validateTemplate,
  type PlaceholderName,
  type RenderResult,
  type TemplateId,
  type TemplateValidation,
  type TemplateValues,
  type Templates,
} from './replyTemplates';
export { MAX_EMAIL_LENGTH, isPlausibleEmail, normalizeEmail, sameEmail } from './email';
