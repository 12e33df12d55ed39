import type { ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { addSamformVocabulary } from '@samform/model';

let shared: ValidatorType | undefined;

/**
 * rjsf's own validator, knowing the Samform formats and keywords so that its schema utilities
 * (conditions, `oneOf` choice) agree with the model. The messages the citizen reads come from
 * the model's validator instead (see `validateAnswers`), exactly as the server's.
 *
 * Under a CSP without `unsafe-eval` ajv cannot compile anything; then every schema check
 * answers "no match" and nothing is reported, rather than breaking the page.
 */
export function rjsfValidator(): ValidatorType {
  shared ??= guarded();
  return shared;
}

function guarded(): ValidatorType {
  let inner: ValidatorType | undefined;
  try {
    inner = customizeValidator({ extenderFn: addSamformVocabulary });
  } catch {
    inner = undefined;
  }
  return {
    validateFormData: (...args) => {
      try {
        if (inner) return inner.validateFormData(...args);
      } catch {
        // Falls through to "no errors": the model's validator or the server has the last word.
      }
      return { errors: [], errorSchema: {} };
    },
    rawValidation: (schema, formData) => {
      try {
        if (inner) return inner.rawValidation(schema, formData);
      } catch (error) {
        return { validationError: error instanceof Error ? error : new Error(String(error)) };
      }
      return { validationError: new Error('validation is not available in this page') };
    },
    isValid: (schema, formData, rootSchema) => {
      try {
        return inner ? inner.isValid(schema, formData, rootSchema) : false;
      } catch {
        return false;
      }
    },
    reset: () => inner?.reset?.(),
  };
}
