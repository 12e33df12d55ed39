import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8';
// The file itself, not the package index: the index also builds ajv's compiler (customizeValidator).
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import { schemaWithoutTexts } from '@samform/model';
import type { ValidatorModuleExports } from '@samform/model';

/** The parts of a version's validator module that rjsf's own schema utilities use. */
export type PrecompiledSchemas = Pick<ValidatorModuleExports, 'schemaValidators' | 'rootSchema'>;

/**
 * rjsf's validator before (or without) a version's module: every schema check answers "no match"
 * and nothing is reported, rather than compiling in the page, which the CSP forbids
 * (no `unsafe-eval`). The messages the citizen reads come from `validateAnswers` or the server.
 */
export function rjsfValidator(): ValidatorType {
  return guarded(undefined, (schema) => schema, null);
}

/**
 * rjsf's validator from the version's precompiled sub-schema validators, so its schema utilities
 * (`if`/`then`, `oneOf` choice) agree with the model. The form hands rjsf a localised schema;
 * texts are stripped before each check, which is how the module keyed its validators.
 */
export function precompiledRjsfValidator(precompiled: PrecompiledSchemas): ValidatorType {
  let inner: ValidatorType | undefined;
  try {
    inner = createPrecompiledValidator(precompiled.schemaValidators as unknown as ValidatorFunctions, precompiled.rootSchema as RJSFSchema);
  } catch {
    inner = undefined;
  }
  const stripped = new WeakMap<object, RJSFSchema>();
  const plain = (schema: RJSFSchema): RJSFSchema => {
    let found = stripped.get(schema);
    if (found === undefined) {
      found = schemaWithoutTexts(schema) as RJSFSchema;
      stripped.set(schema, found);
    }
    return found;
  };
  return guarded(inner, plain, inner ? precompiled.rootSchema : null);
}

function guarded(
  inner: ValidatorType | undefined,
  plain: (schema: RJSFSchema) => RJSFSchema,
  precompiledRoot: PrecompiledSchemas['rootSchema'] | null,
): ValidatorType & { precompiledRoot: PrecompiledSchemas['rootSchema'] | null } {
  return {
    // rjsf's Form compares props deeply with every function equal, so only this data tells it that a
    // module's validator replaced the placeholder (and to rebuild its schema utilities).
    precompiledRoot,
    validateFormData: (formData, schema, ...rest) => {
      try {
        if (inner) return inner.validateFormData(formData, plain(schema), ...rest);
      } catch {
        // Falls through to "no errors": the model's validator or the server has the last word.
      }
      return { errors: [], errorSchema: {} };
    },
    rawValidation: (schema, formData) => {
      try {
        if (inner) return inner.rawValidation(plain(schema), formData);
      } catch (error) {
        return { validationError: error instanceof Error ? error : new Error(String(error)) };
      }
      return { validationError: new Error('validation is not available in this page') };
    },
    isValid: (schema, formData, rootSchema) => {
      try {
        return inner ? inner.isValid(plain(schema), formData, plain(rootSchema)) : false;
      } catch {
        return false;
      }
    },
    reset: () => inner?.reset?.(),
  };
}
