import { _ } from 'ajv';
import type { Code, CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { dateRangeCheck, type DateRange } from './date-checks.ts';
import { RUNTIME_MODULE } from './runtime.ts';

/**
 * `dateRange` on an object: `{ from, to, minDays?, maxDays? }` names two date properties; when
 * both are dates, `to` is not before `from` and the period is bounded. The error points at `to`.
 */
export const dateRangeKeyword: CodeKeywordDefinition = {
  keyword: 'dateRange',
  type: 'object',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    properties: {
      from: { type: 'string', minLength: 1 },
      to: { type: 'string', minLength: 1 },
      minDays: { type: 'integer', minimum: 0 },
      maxDays: { type: 'integer', minimum: 0 },
    },
    required: ['from', 'to'],
    additionalProperties: false,
  },
  error: {
    message: 'must be a valid period',
    params: ({ params }) => _`${params.result ?? _`{}`}`,
  },
  code(cxt: KeywordCxt) {
    const { gen, data, schemaValue } = cxt;
    const range = cxt.schema as DateRange;
    const check = gen.scopeValue('func', { ref: dateRangeCheck, code: _`require(${RUNTIME_MODULE}).dateRangeCheck` });
    const result = gen.const('dateRange', _`${check}(${data}, ${schemaValue})`);
    gen.if(_`${result} !== null`, () => {
      // ajv reads a plain string here as one static property name (getErrorPath); its type says Code.
      cxt.error(false, { result }, { instancePath: range.to as unknown as Code });
    });
  },
};
