import { localizeIssues } from '@samform/model';
import type { ServiceDefinition, SubmissionError, ValidateOptions, ValidationIssue } from '@samform/model';
import type { PrecompiledSchemas } from './rjsf-validator.ts';

/**
 * Anything that checks answers as the server does: the model's compiled validator or the
 * version's ajv standalone module; with `precompiled` (from the module) rjsf's own schema checks
 * use the same code too.
 */
export interface AnswerValidator {
  validate(data: unknown, options?: ValidateOptions): ValidationIssue[];
  precompiled?: PrecompiledSchemas;
}

/** The localised errors of the answers, the very messages the server answers with on a 422; none without a validator. */
export function validateAnswers(
  validator: AnswerValidator | undefined,
  definition: ServiceDefinition,
  data: unknown,
  locale: string,
  now = new Date(),
): SubmissionError[] {
  if (!validator) return [];
  return localizeIssues(validator.validate(data, { now }), definition, locale);
}
