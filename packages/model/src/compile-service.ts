import type { ServiceDefinition } from './definition.ts';
import { createAjv } from './create-ajv.ts';
import { issuesOfValidate, type StandaloneValidate } from './standalone-validator.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** Options of one validation; `now` stands in for the clock (the time of receipt, tests). */
export interface ValidateOptions {
  now?: Date;
}

/** An e-service's schema compiled once; `validate` answers the issues (empty when valid). */
export interface CompiledService {
  definition: ServiceDefinition;
  validate(data: unknown, options?: ValidateOptions): ValidationIssue[];
}

/** Compiles a definition's schema with the Samform ajv. Throws when the schema does not compile. */
export function compileService(definition: ServiceDefinition): CompiledService {
  const validator: StandaloneValidate = createAjv().compile(definition.schema);
  return {
    definition,
    validate: (data, options = {}) => issuesOfValidate(validator, data, options.now),
  };
}
