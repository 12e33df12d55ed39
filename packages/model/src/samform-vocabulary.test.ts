import { createRequire } from 'node:module';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, test } from 'vitest';
import { createAjv } from './create-ajv.ts';
import * as runtime from './runtime.ts';
import { addSamformVocabulary } from './samform-vocabulary.ts';

function validatorOf(schema: Record<string, unknown>) {
  const validate = createAjv().compile(schema);
  return (data: unknown, now: string) => {
    const valid = validate.call({ now: new Date(now) }, data);
    return valid ? [] : (validate.errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword, params: e.params }));
  };
}

describe('formats through ajv', () => {
  const validate = validatorOf({
    type: 'object',
    properties: {
      pnr: { type: 'string', format: 'personnummer' },
      org: { type: 'string', format: 'organisationsnummer' },
      post: { type: 'string', format: 'postnummer' },
      tel: { type: 'string', format: 'telefonnummer' },
      fast: { type: 'string', format: 'fastighetsbeteckning' },
      email: { type: 'string', format: 'email' },
      date: { type: 'string', format: 'date' },
    },
  });

  test('accepts good values', () => {
    const good = {
      pnr: '701063-2391',
      org: '556016-0680',
      post: '831 82',
      tel: '063-14 30 00',
      fast: 'Krokom Ås 1:23',
      email: 'anna@exempel.se',
      date: '2026-02-28',
    };
    expect(validate(good, '2026-01-01T12:00:00Z')).toEqual([]);
  });

  test('reports each bad value with its format', () => {
    const bad = {
      pnr: '19121212-1213',
      org: '556016-0681',
      post: '031 82',
      tel: '12345',
      fast: 'Arvesgården',
      email: 'anna@',
      date: '2026-02-30',
    };
    expect(validate(bad, '2026-01-01T12:00:00Z').map((e) => `${e.path} ${String(e.params.format)}`)).toEqual([
      '/pnr personnummer',
      '/org organisationsnummer',
      '/post postnummer',
      '/tel telefonnummer',
      '/fast fastighetsbeteckning',
      '/email email',
      '/date date',
    ]);
  });
});

describe('dateRule', () => {
  const schema = (rule: Record<string, number>) => ({
    type: 'object',
    properties: { day: { type: 'string', format: 'date', dateRule: rule } },
  });

  test('minDaysAhead 0 rejects yesterday and accepts today', () => {
    const validate = validatorOf(schema({ minDaysAhead: 0 }));
    expect(validate({ day: '2026-01-14' }, '2026-01-15T12:00:00Z')).toEqual([
      { path: '/day', keyword: 'dateRule', params: { rule: 'minDaysAhead', limit: 0, earliest: '2026-01-15', today: '2026-01-15' } },
    ]);
    expect(validate({ day: '2026-01-15' }, '2026-01-15T12:00:00Z')).toEqual([]);
  });

  test('today is the date in Stockholm: 2026-03-29 23:30Z is already 2026-03-30 there (summer time)', () => {
    const validate = validatorOf(schema({ minDaysAhead: 0 }));
    expect(validate({ day: '2026-03-29' }, '2026-03-29T23:30:00Z')).toEqual([
      { path: '/day', keyword: 'dateRule', params: { rule: 'minDaysAhead', limit: 0, earliest: '2026-03-30', today: '2026-03-30' } },
    ]);
    expect(validate({ day: '2026-03-29' }, '2026-03-29T21:30:00Z')).toEqual([]);
  });

  test('in winter Stockholm is one hour ahead of UTC', () => {
    const validate = validatorOf(schema({ minDaysAhead: 0 }));
    expect(validate({ day: '2026-01-15' }, '2026-01-15T22:59:00Z')).toEqual([]);
    expect(validate({ day: '2026-01-15' }, '2026-01-15T23:00:00Z')).toHaveLength(1);
  });

  test('minDaysAhead 42 gives the earliest date six weeks ahead', () => {
    const validate = validatorOf(schema({ minDaysAhead: 42 }));
    expect(validate({ day: '2026-02-25' }, '2026-01-15T12:00:00Z')[0]?.params).toMatchObject({ earliest: '2026-02-26' });
    expect(validate({ day: '2026-02-26' }, '2026-01-15T12:00:00Z')).toEqual([]);
  });

  test('maxDaysAhead gives the latest date', () => {
    const validate = validatorOf(schema({ maxDaysAhead: 30 }));
    expect(validate({ day: '2026-02-15' }, '2026-01-15T12:00:00Z')).toEqual([
      { path: '/day', keyword: 'dateRule', params: { rule: 'maxDaysAhead', limit: 30, latest: '2026-02-14', today: '2026-01-15' } },
    ]);
    expect(validate({ day: '2026-02-14' }, '2026-01-15T12:00:00Z')).toEqual([]);
  });

  test('minWorkdaysAhead counts Monday to Friday only', () => {
    const validate = validatorOf(schema({ minWorkdaysAhead: 5 }));
    // Friday 2026-05-08: five workdays on is Friday 2026-05-15.
    expect(validate({ day: '2026-05-14' }, '2026-05-08T10:00:00Z')[0]?.params).toMatchObject({
      rule: 'minWorkdaysAhead',
      earliest: '2026-05-15',
    });
    expect(validate({ day: '2026-05-15' }, '2026-05-08T10:00:00Z')).toEqual([]);
    // From a Saturday, one workday on is Monday.
    const oneDay = validatorOf(schema({ minWorkdaysAhead: 1 }));
    expect(oneDay({ day: '2026-05-10' }, '2026-05-09T10:00:00Z')[0]?.params).toMatchObject({ earliest: '2026-05-11' });
    expect(oneDay({ day: '2026-05-11' }, '2026-05-09T10:00:00Z')).toEqual([]);
  });

  test('the later of minDaysAhead and minWorkdaysAhead wins', () => {
    const validate = validatorOf(schema({ minDaysAhead: 1, minWorkdaysAhead: 2 }));
    expect(validate({ day: '2026-05-11' }, '2026-05-08T10:00:00Z')[0]?.params).toMatchObject({
      rule: 'minWorkdaysAhead',
      earliest: '2026-05-12',
    });
  });

  test('leaves a malformed date to format', () => {
    const validate = validatorOf(schema({ minDaysAhead: 0 }));
    expect(validate({ day: '2020-13-01' }, '2026-01-15T12:00:00Z').map((e) => e.keyword)).toEqual(['format']);
  });

  test('without a context it uses the clock', () => {
    const validate = createAjv().compile(schema({ minDaysAhead: 0 }));
    expect(validate({ day: '2000-01-01' })).toBe(false);
    expect(validate({ day: '2999-01-01' })).toBe(true);
  });

  test('a rule with unknown bounds does not compile in strict mode', () => {
    expect(() => createAjv().compile(schema({ minDays: 1 }))).toThrow(/dateRule/);
  });
});

describe('dateRange', () => {
  const period = {
    type: 'object',
    properties: {
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
    },
    dateRange: { from: 'from', to: 'to', minDays: 90, maxDays: 365 },
  };
  const validate = validatorOf({ type: 'object', properties: { period } });
  const now = '2026-01-15T12:00:00Z';

  test('accepts the bounds themselves', () => {
    expect(validate({ period: { from: '2026-06-01', to: '2026-08-30' } }, now)).toEqual([]);
    expect(validate({ period: { from: '2026-06-01', to: '2027-06-01' } }, now)).toEqual([]);
  });

  test('points at `to` when it is before `from`', () => {
    expect(validate({ period: { from: '2026-06-01', to: '2026-05-31' } }, now)).toEqual([
      { path: '/period/to', keyword: 'dateRange', params: { reason: 'order', from: 'from', to: 'to' } },
    ]);
  });

  test('bounds the length in days', () => {
    expect(validate({ period: { from: '2026-06-01', to: '2026-08-29' } }, now)).toEqual([
      { path: '/period/to', keyword: 'dateRange', params: { reason: 'minDays', from: 'from', to: 'to', limit: 90, days: 89 } },
    ]);
    expect(validate({ period: { from: '2026-06-01', to: '2027-06-02' } }, now)[0]?.params).toMatchObject({ reason: 'maxDays', days: 366 });
  });

  test('says nothing while an end is missing or no date', () => {
    expect(validate({ period: { from: '2026-06-01' } }, now)).toEqual([]);
    expect(validate({ period: { from: '2026-06-01', to: '2026-02-31' } }, now).map((e) => e.keyword)).toEqual(['format']);
  });
});

test('addSamformVocabulary can extend another ajv twice, as the renderer does', () => {
  const ajv = addSamformVocabulary(addSamformVocabulary(new Ajv({ strict: false })));
  const validate = ajv.compile({ type: 'string', format: 'personnummer', dateRule: { minDaysAhead: 0 } });
  expect(validate('19121212-1212')).toBe(true);
  expect(validate('19121212-1213')).toBe(false);
});

describe('standalone code', () => {
  const schema = {
    type: 'object',
    required: ['pnr'],
    properties: {
      pnr: { type: 'string', format: 'personnummer' },
      org: { type: 'string', format: 'organisationsnummer' },
      post: { type: 'string', format: 'postnummer' },
      tel: { type: 'string', format: 'telefonnummer', maxLength: 30 },
      fast: { type: 'string', format: 'fastighetsbeteckning' },
      email: { type: 'string', format: 'email' },
      start: { type: 'string', format: 'date', dateRule: { minDaysAhead: 0, minWorkdaysAhead: 1, maxDaysAhead: 365 } },
      end: { type: 'string', format: 'date' },
    },
    dateRange: { from: 'start', to: 'end', maxDays: 10 },
    additionalProperties: false,
  };

  test('ESM module references the runtime module, never eval or new Function', () => {
    const ajv = createAjv({ code: { source: true, esm: true } });
    const code = standaloneCode(ajv, ajv.compile(schema));
    expect(code).toContain('export const validate');
    expect(code).toContain('require("@samform/model/runtime").formats.personnummer');
    expect(code).toContain('require("@samform/model/runtime").formats.date');
    expect(code).toContain('require("@samform/model/runtime").dateRuleCheck');
    expect(code).toContain('require("@samform/model/runtime").dateRangeCheck');
    expect(code).not.toMatch(/new Function|\beval\(/);
  });

  test('the CommonJS module, loaded on its own, validates like the compiled one', () => {
    const ajv = createAjv({ code: { source: true } });
    const code = standaloneCode(ajv, ajv.compile(schema));
    const nodeRequire = createRequire(import.meta.url);
    const load = (id: string): unknown => (id === runtime.RUNTIME_MODULE ? runtime : nodeRequire(id));
    const module = { exports: {} as Record<string, unknown> };
    // The test stands in for a bundler: it hands the module its `require`.
    new Function('module', 'exports', 'require', code)(module, module.exports, load);
    const validate = module.exports as unknown as ((this: unknown, data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] };
    const context = { now: new Date('2026-05-08T10:00:00Z') };
    const good = { pnr: '19121212-1212', post: '831 82', fast: 'Krokom Ås 1:23', start: '2026-05-11', end: '2026-05-20' };
    expect(validate.call(context, good)).toBe(true);
    const bad = { pnr: '19121212-1213', org: '121212-1212', tel: 'x', email: 'a@', start: '2026-05-09', end: '2026-05-30' };
    expect(validate.call(context, bad)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual([
      '/pnr format',
      '/org format',
      '/tel format',
      '/email format',
      '/start dateRule',
      '/end dateRange',
    ]);
  });
});
