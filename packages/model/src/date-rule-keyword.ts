import { _, Name } from 'ajv';
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { dateRuleCheck } from './date-checks.ts';
import { RUNTIME_MODULE } from './runtime.ts';

const THIS = new Name('this');

/**
 * `dateRule` on a date string: `{ minDaysAhead?, maxDaysAhead?, minWorkdaysAhead? }`, counted
 * from today in Europe/Stockholm. Generated as code (not a `validate` function) so standalone
 * validators work; "now" is `this.now` with `passContext`, else the clock.
 */
export const dateRuleKeyword: CodeKeywordDefinition = {
  keyword: 'dateRule',
  type: 'string',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    properties: {
      minDaysAhead: { type: 'integer' },
      maxDaysAhead: { type: 'integer' },
      minWorkdaysAhead: { type: 'integer', minimum: 0 },
    },
    additionalProperties: false,
    minProperties: 1,
  },
  error: {
    message: 'must be a date within the allowed period',
    params: ({ params }) => _`${params.result ?? _`{}`}`,
  },
  code(cxt: KeywordCxt) {
    const { gen, data, schemaValue } = cxt;
    const check = gen.scopeValue('func', { ref: dateRuleCheck, code: _`require(${RUNTIME_MODULE}).dateRuleCheck` });
    const result = gen.const('dateRule', _`${check}(${data}, ${schemaValue}, ${THIS})`);
    cxt.setParams({ result });
    cxt.fail(_`${result} !== null`);
  },
};
