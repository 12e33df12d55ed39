import type { ServiceDefinition } from './definition.ts';
import { createAjv } from './create-ajv.ts';
import { issuesFromAjv, type ValidationIssue } from './validation-issue.ts';

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
  const validator = createAjv().compile(definition.schema);
  return {
    definition,
    validate(data, options = {}) {
      // The generated date keywords read `this.now`.
      const valid = validator.call({ now: options.now }, data);
      return valid ? [] : issuesFromAjv(validator.errors);
    },
  };
}
