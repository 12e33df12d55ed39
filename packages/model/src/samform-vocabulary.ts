import { _ } from 'ajv';
import type Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { dateRangeKeyword } from './date-range-keyword.ts';
import { dateRuleKeyword } from './date-rule-keyword.ts';
import { RUNTIME_MODULE } from './runtime.ts';
import { swedishFormats } from './swedish-formats.ts';

/**
 * Adds the Swedish formats, `email`, `date` and the `dateRule`/`dateRange` keywords to an ajv
 * instance (ours, or @rjsf/validator-ajv8's through `customizeValidator`). Safe to call twice.
 */
export function addSamformVocabulary(ajv: Ajv): Ajv {
  addFormats(ajv, ['email', 'date']);
  for (const [name, validate] of Object.entries(swedishFormats)) ajv.addFormat(name, validate);
  // Standalone code references every function format by this expression (ajv-formats sets its
  // own, which would not hold the Swedish ones), so one runtime module serves all of them.
  ajv.opts.code.formats = _`require(${RUNTIME_MODULE}).formats`;
  if (!ajv.getKeyword('dateRule')) ajv.addKeyword(dateRuleKeyword);
  if (!ajv.getKeyword('dateRange')) ajv.addKeyword(dateRangeKeyword);
  return ajv;
}
