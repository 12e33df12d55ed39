import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from './definition.ts';
import { loginFields, withLoginAnswers } from './login-fields.ts';

const definition: ServiceDefinition = {
  id: 'paus',
  title: { sv: 'Paus' },
  identification: 'e-id',
  schema: {
    type: 'object',
    properties: {
      applicant: { type: 'object', properties: { personnummer: { type: 'string', format: 'personnummer' }, name: { type: 'string' } } },
      buyers: { type: 'array', items: { type: 'object', properties: { personnummer: { type: 'string', format: 'personnummer' } } } },
      note: { type: 'string' },
    },
  },
  uiSchema: {
    applicant: { personnummer: { 'ui:options': { fromLogin: 'personnummer' } } },
    buyers: { items: { personnummer: { 'ui:options': { fromLogin: 'personnummer' } } } },
    note: { 'ui:options': { fromLogin: 'name' } },
  },
  texts: {},
  routing: { queue: 'va' },
};

describe('loginFields', () => {
  it('when a field is marked fromLogin personnummer through objects, then it is found; inside a repeated group or with another source, not', () => {
    expect(loginFields(definition)).toEqual([{ path: 'applicant.personnummer', source: 'personnummer' }]);
  });
});

describe('withLoginAnswers', () => {
  it('when the answers carry another personnummer, then the login one replaces it', () => {
    const answers = { applicant: { personnummer: '19800101-2387', name: 'Tolvan' }, note: 'x' };
    expect(withLoginAnswers(definition, answers, { personnummer: '191212121212' })).toEqual({ applicant: { personnummer: '19121212-1212', name: 'Tolvan' }, note: 'x' });
  });

  it('when the answers have no applicant yet, then the object is made', () => {
    expect(withLoginAnswers(definition, {}, { personnummer: '191212121212' })).toEqual({ applicant: { personnummer: '19121212-1212' } });
  });

  it('when the login has no personnummer, then a sent one is removed, never kept', () => {
    expect(withLoginAnswers(definition, { applicant: { personnummer: '19800101-2387' } }, {})).toEqual({ applicant: {} });
    expect(withLoginAnswers(definition, {}, {})).toEqual({});
  });
});
