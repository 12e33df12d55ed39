import type { ErrorObject } from 'ajv';
import type { JsonSchema } from './definition.ts';
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
  /** rjsf's precompiled validators of the sub-schemas it checks itself (`if`, `oneOf`), by rjsf's schema key. */
  schemaValidators: Record<string, StandaloneValidate>;
  /** The root schema those are keyed against: the definition's schema without texts. */
  rootSchema: JsonSchema;
}

/** Runs a compiled validate with "now" (the clock when undefined) and answers the issues, empty when valid. */
export function issuesOfValidate(validate: StandaloneValidate, data: unknown, now?: Date): ValidationIssue[] {
  return validate.call({ now }, data) ? [] : issuesFromAjv(validate.errors);
}
