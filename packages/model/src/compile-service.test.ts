import { expect, test } from 'vitest';
import { compileService } from './compile-service.ts';
import { ownerChange } from './test-definition.ts';

const now = new Date('2026-05-08T10:00:00Z');
const valid = {
  property: 'Östersund Arvesgården 4:12',
  transfer: '2026-05-22',
  kind: 'house',
  bins: ['140'],
  persons: 3,
  buyers: [{ name: 'Anna Andersson', pnr: '19121212-1212' }],
  contact: { email: 'anna@exempel.se', phone: '070-123 45 67' },
  period: { from: '2026-06-01', to: '2026-09-01' },
  consent: true,
};

test('when the answers are valid, then there are no issues', () => {
  expect(compileService(ownerChange).validate(valid, { now })).toEqual([]);
});

test('when answers are wrong or missing, then each issue has the pointer of the offending value', () => {
  const issues = compileService(ownerChange).validate(
    {
      property: 'Arvesgården',
      transfer: '2026-05-21',
      buyers: [{ name: 'Anna' }, { name: '', pnr: '19121212-1213' }],
      contact: {},
      period: { from: '2026-06-01', to: '2026-05-01' },
      consent: false,
      extra: 1,
    },
    { now },
  );
  expect(issues).toEqual([
    { path: '/extra', keyword: 'additionalProperties', params: { additionalProperty: 'extra' } },
    { path: '/property', keyword: 'format', params: { format: 'fastighetsbeteckning' } },
    {
      path: '/transfer',
      keyword: 'dateRule',
      params: { rule: 'minDaysAhead', limit: 14, earliest: '2026-05-22', today: '2026-05-08' },
    },
    { path: '/buyers/0/pnr', keyword: 'required', params: { missingProperty: 'pnr' } },
    { path: '/buyers/1/name', keyword: 'minLength', params: { limit: 1 } },
    { path: '/buyers/1/pnr', keyword: 'format', params: { format: 'personnummer' } },
    { path: '/contact/email', keyword: 'required', params: { missingProperty: 'email' } },
    { path: '/period/to', keyword: 'dateRange', params: { reason: 'order', from: 'from', to: 'to' } },
    { path: '/consent', keyword: 'const', params: { allowedValue: true } },
  ]);
});

test('when no time is given, then the clock is "now"', () => {
  const issues = compileService(ownerChange).validate({ ...valid, transfer: '2001-01-01' });
  expect(issues.map((i) => i.keyword)).toEqual(['dateRule']);
});

test('when the schema breaks strict mode, then compiling throws', () => {
  expect(() => compileService({ ...ownerChange, schema: { type: 'object', properties: { a: { type: 'string', maxLenght: 3 } } } })).toThrow(
    /strict mode: unknown keyword: "maxLenght"/,
  );
});
