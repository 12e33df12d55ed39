import { describe, expect, test } from 'vitest';
import { assertValidDefinition, checkDefinition } from './check-definition.ts';
import { UnprocessableError } from './errors.ts';
import { ownerChange } from './test-definition.ts';

const minimal = {
  id: 'felanmalan',
  title: { sv: 'Felanmälan', en: 'Report a fault' },
  schema: {
    type: 'object',
    required: ['place'],
    properties: {
      info: { type: 'null' },
      place: { type: 'string', maxLength: 200 },
      contact: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
    },
  },
  texts: {
    place: { label: { sv: 'Plats' } },
    contact: { label: { sv: 'Kontakt' } },
    'contact.email': { label: { sv: 'E-post' } },
  },
  routing: { queue: 'gata' },
};

describe('checkDefinition', () => {
  test('accepts a valid definition, with or without steps', () => {
    expect(checkDefinition(minimal)).toEqual([]);
    expect(checkDefinition(ownerChange)).toEqual([]);
  });

  test('points at a bad id', () => {
    expect(checkDefinition({ ...minimal, id: 'Felanmälan' })).toEqual([
      { path: '/id', message: 'must be a slug: a–z, 0–9 and dashes, starting with a letter or digit, 2–63 characters' },
    ]);
  });

  test('points at a missing label and a text without Swedish', () => {
    const texts = { place: { label: { en: 'Place' } }, contact: { label: { sv: 'Kontakt' } } };
    expect(checkDefinition({ ...minimal, texts })).toEqual([
      { path: '/texts/place/label/sv', message: 'is required' },
      { path: '/texts/contact.email', message: 'field "contact.email" has no texts: add a label' },
    ]);
  });

  test('points at texts for a field that does not exist and options for unknown values', () => {
    const texts = {
      ...ownerChange.texts,
      'contact.fax': { label: { sv: 'Fax' } },
      kind: { label: { sv: 'Typ' }, options: { castle: { sv: 'Slott' } } },
    };
    expect(checkDefinition({ ...ownerChange, texts })).toEqual([
      { path: '/texts/kind/options/castle', message: "is not a value of the field's enum" },
      { path: '/texts/contact.fax', message: 'names no field of the schema: "contact.fax"' },
    ]);
  });

  test('points at a step naming an unknown field, a field in two steps and a field in none', () => {
    const steps = [
      { id: 'one', title: { sv: 'Ett' }, fields: ['place', 'plats'] },
      { id: 'two', title: { sv: 'Två' }, fields: ['place'] },
    ];
    expect(checkDefinition({ ...minimal, steps })).toEqual([
      { path: '/steps/0/fields/1', message: 'names no top-level property of the schema: "plats"' },
      { path: '/steps/1/fields/0', message: '"place" is already in step "one"' },
      { path: '/steps', message: 'field "contact" is in no step: add it to one' },
    ]);
  });

  test('reports a keyword strict mode does not know at /schema', () => {
    const schema = { ...minimal.schema, properties: { ...minimal.schema.properties, place: { type: 'string', maxLenght: 200 } } };
    expect(checkDefinition({ ...minimal, schema })).toEqual([
      { path: '/schema', message: 'strict mode: unknown keyword: "maxLenght"' },
    ]);
  });

  test('reports an unknown format and a bad dateRule at /schema', () => {
    const bad = (property: Record<string, unknown>) =>
      checkDefinition({ ...minimal, schema: { ...minimal.schema, properties: { ...minimal.schema.properties, place: property } } });
    expect(bad({ type: 'string', format: 'personnr' })).toEqual([
      { path: '/schema', message: 'unknown format "personnr" ignored in schema at path "#/properties/place"' },
    ]);
    expect(bad({ type: 'string', format: 'date', dateRule: { minDays: 3 } })[0]?.path).toBe('/schema');
  });

  test('points at a dateRange end that names no property', () => {
    const schema = { ...minimal.schema, dateRange: { from: 'place', to: 'until' } };
    expect(checkDefinition({ ...minimal, schema })).toEqual([
      { path: '/schema/dateRange/to', message: 'names no property of this object: "until"' },
    ]);
  });

  test('requires an object schema with properties and routing', () => {
    const { routing: _routing, ...withoutRouting } = minimal;
    expect(checkDefinition({ ...withoutRouting, schema: { type: 'array' } })).toEqual(
      expect.arrayContaining([
        { path: '/routing', message: 'is required' },
        { path: '/schema/properties', message: 'is required' },
        { path: '/schema/type', message: 'must be equal to constant' },
      ]),
    );
  });

  test('points into a malformed routing condition and at a condition on an unknown field', () => {
    const routing = {
      queue: 'gata',
      rules: [
        { when: { all: [{ field: 'place', equals: 'x' }, { field: 'place', is: 'x' }] }, queue: 'a' },
        { when: { field: 'contact.phone', isSet: true }, queue: 'b' },
        { when: { field: 'place', in: 'x' }, queue: 'c' },
      ],
    };
    expect(checkDefinition({ ...minimal, routing })).toEqual([
      {
        path: '/routing/rules/0/when/all/1',
        message: 'must be one of { field, equals }, { field, in: [...] }, { field, isSet: true|false }, { all: [...] }, { any: [...] }',
      },
      { path: '/routing/rules/1/when/field', message: 'names no field of the schema: "contact.phone"' },
      { path: '/routing/rules/2/when/in', message: 'must be an array of values' },
    ]);
  });

  test('answers a problem for something that is no object', () => {
    expect(checkDefinition('nope')).toEqual([{ path: '', message: 'must be object' }]);
  });
});

test('assertValidDefinition throws invalid-definition with the problems', () => {
  expect(assertValidDefinition(minimal)).toBe(minimal);
  let thrown: unknown;
  try {
    assertValidDefinition({ ...minimal, id: 'X' });
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UnprocessableError);
  const error = thrown as UnprocessableError;
  expect([error.code, error.status]).toEqual(['invalid-definition', 422]);
  expect(error.errors).toEqual([{ path: '/id', keyword: 'definition', message: expect.stringContaining('slug') }]);
});
