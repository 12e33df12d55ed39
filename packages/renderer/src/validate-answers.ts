import { compileService, localizeIssues } from '@samform/model';
import type { ServiceDefinition, SubmissionError, ValidateOptions, ValidationIssue } from '@samform/model';

/** Anything that checks answers as the server does: the model's compiled validator or ajv standalone code. */
export interface AnswerValidator {
  validate(data: unknown, options?: ValidateOptions): ValidationIssue[];
}

/**
 * The definition compiled in the page, or undefined where compiling is not allowed (a CSP without
 * `unsafe-eval`); then the form checks nothing itself and shows the server's errors after Send.
 */
export function compileForBrowser(definition: ServiceDefinition): AnswerValidator | undefined {
  try {
    return compileService(definition);
  } catch {
    return undefined;
  }
}

/** The localised errors of the answers, the very messages the server answers with on a 422. */
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
