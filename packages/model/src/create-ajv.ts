import Ajv from 'ajv';
import type { Options } from 'ajv';
import { addSamformVocabulary } from './samform-vocabulary.ts';

/**
 * Options a caller may add, e.g. `{ code: { source: true, esm: true } }` for standalone code;
 * `strictTypes`/`strictRequired` only change what is refused at compile time, never the code.
 */
export type AjvExtraOptions = Pick<Options, 'code' | 'strictTypes' | 'strictRequired'>;

/**
 * The one ajv setup for e-service schemas: draft-07 (as @rjsf/validator-ajv8), strict, all
 * errors, never `$data`, no defaults written into data, and the Samform vocabulary.
 */
export function createAjv(extra: AjvExtraOptions = {}): Ajv {
  const ajv = new Ajv({
    ...extra,
    strict: true,
    allErrors: true,
    $data: false,
    useDefaults: false,
    // The date keywords read "now" from `this.now`; passing the context keeps it in nested calls.
    passContext: true,
  });
  return addSamformVocabulary(ajv);
}
