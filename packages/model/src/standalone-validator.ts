import type { ErrorObject } from 'ajv';
import { issuesFromAjv, type ValidationIssue } from './validation-issue.ts';

/** A validate function as ajv compiles it, in the process or as standalone code; the date keywords read `this.now`. */
export interface StandaloneValidate {
  (this: { now?: Date | undefined } | undefined, data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What a version's validator module (see `compileServiceModule`) exports. */
export interface ValidatorModuleExports {
  /** The e-service's validator: the very code the server runs. */
  validate: StandaloneValidate;
}

/** Runs a compiled validate with "now" (the clock when undefined) and answers the issues, empty when valid. */
export function issuesOfValidate(validate: StandaloneValidate, data: unknown, now?: Date): ValidationIssue[] {
  return validate.call({ now }, data) ? [] : issuesFromAjv(validate.errors);
}
