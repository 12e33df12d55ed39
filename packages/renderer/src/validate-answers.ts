import { localizeIssues } from '@samform/model';
import type { ServiceDefinition, SubmissionError, ValidateOptions, ValidationIssue } from '@samform/model';

/** Anything that checks answers as the server does: the model's compiled validator or the version's ajv standalone module. */
export interface AnswerValidator {
  validate(data: unknown, options?: ValidateOptions): ValidationIssue[];
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
