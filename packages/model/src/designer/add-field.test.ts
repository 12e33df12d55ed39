import { describe, expect, test } from 'vitest';
import { checkDefinition } from '../check-definition.ts';
import { compileService } from '../compile-service.ts';
import type { ServiceDefinition } from '../definition.ts';
import { addField } from './add-field.ts';
import { FIELD_KINDS, FIELD_KIND_INFO, type FieldKind } from './field-kinds.ts';
import { newServiceDefinition } from './new-service-definition.ts';
import { readField } from './read-field.ts';
import { writeField } from './write-field.ts';

const empty = newServiceDefinition('test-tjanst', { sv: 'Test', en: 'Test' });

function withOne(kind: FieldKind): { definition: ServiceDefinition; key: string } {
  return addField(empty, 'steg-1', kind);
}

const UUID = '0b8f6c8e-3c1a-4a57-9a43-2f6f1c1d2e3f';

// For every kind: the schema it becomes, an answer the server accepts and one it refuses.
const CASES: Record<FieldKind, { key: string; schema: unknown; good?: unknown; bad?: unknown }> = {
  'short-text': { key: 'kortText', schema: { type: 'string', maxLength: 200 }, good: 'Hej', bad: 'x'.repeat(201) },
  'long-text': { key: 'langText', schema: { type: 'string', maxLength: 4000 }, good: 'Lång\ntext', bad: 'x'.repeat(4001) },
  number: { key: 'tal', schema: { type: 'number' }, good: 2.5, bad: 'två' },
  email: { key: 'epost', schema: { type: 'string', format: 'email', maxLength: 254 }, good: 'a@example.se', bad: 'a@' },
  phone: { key: 'telefon', schema: { type: 'string', format: 'telefonnummer', maxLength: 30 }, good: '070-174 06 50', bad: 'ring mig' },
  personnummer: { key: 'personnummer', schema: { type: 'string', format: 'personnummer' }, good: '19121212-1212', bad: '19121212-1213' },
  organisationsnummer: { key: 'organisationsnummer', schema: { type: 'string', format: 'organisationsnummer' }, good: '212000-2411', bad: '212000-2412' },
  postnummer: { key: 'postnummer', schema: { type: 'string', format: 'postnummer' }, good: '831 82', bad: '8318' },
  fastighetsbeteckning: { key: 'fastighet', schema: { type: 'string', format: 'fastighetsbeteckning', maxLength: 120 }, good: 'Östersund Stadsdelen 1:2', bad: '???' },
  date: { key: 'datum', schema: { type: 'string', format: 'date' }, good: '2026-05-04', bad: '2026-02-30' },
  'single-choice': { key: 'val', schema: { type: 'string', enum: ['alternativ-1', 'alternativ-2'] }, good: 'alternativ-2', bad: 'alternativ-3' },
  'multiple-choice': {
    key: 'flerval',
    schema: { type: 'array', items: { type: 'string', enum: ['alternativ-1', 'alternativ-2'] }, uniqueItems: true, minItems: 1 },
    good: ['alternativ-1'],
    bad: ['alternativ-1', 'alternativ-1'],
  },
  'yes-no': { key: 'jaNej', schema: { type: 'boolean', enum: [true, false] }, good: false, bad: 'ja' },
  consent: { key: 'intygande', schema: { type: 'boolean', const: true }, good: true, bad: false },
  address: {
    key: 'adress',
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['street', 'postcode', 'city'],
      properties: { street: { type: 'string', maxLength: 200 }, postcode: { type: 'string', format: 'postnummer' }, city: { type: 'string', maxLength: 100 } },
    },
    good: { street: 'Rådhusgatan 42', postcode: '831 82', city: 'Östersund' },
    bad: { street: 'Rådhusgatan 42', city: 'Östersund' },
  },
  attachment: {
    key: 'bilaga',
    schema: {
      type: 'array',
      maxItems: 5,
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'type', 'size'],
        properties: {
          id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          type: { type: 'string', enum: ['application/pdf', 'image/jpeg', 'image/png'] },
          size: { type: 'integer', minimum: 1, maximum: 10485760 },
        },
      },
    },
    good: [{ id: UUID, name: 'ritning.pdf', type: 'application/pdf', size: 1234 }],
    bad: [{ id: UUID, name: 'sida.html', type: 'text/html', size: 1234 }],
  },
  'repeated-group': {
    key: 'grupp',
    schema: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: { type: 'object', additionalProperties: false, required: ['kortText'], properties: { kortText: { type: 'string', maxLength: 200 } } },
    },
    good: [{ kortText: 'Anna' }, { kortText: 'Bo' }],
    bad: [{ kortText: 'Anna' }, { kortText: 'Bo' }, { kortText: 'Cia' }],
  },
  group: {
    key: 'faltgrupp',
    schema: { type: 'object', additionalProperties: false, required: ['kortText'], properties: { kortText: { type: 'string', maxLength: 200 } } },
    good: { kortText: 'Anna' },
    bad: {},
  },
  heading: { key: 'rubrik', schema: { type: 'null' } },
  information: { key: 'information', schema: { type: 'null' } },
  'stop-notice': { key: 'stopp', schema: { type: 'null' } },
};

describe('addField', () => {
  test.each(FIELD_KINDS)('%s becomes the schema both sides understand, valid by checkDefinition', (kind) => {
    const { definition, key } = withOne(kind);
    const expected = CASES[kind];
    expect(key).toBe(expected.key);
    expect(definition.schema.properties).toEqual({ [key]: expected.schema });
    expect((definition.uiSchema?.[key] as Record<string, unknown>)['ui:kind']).toBe(kind);
    expect(definition.steps?.[0]?.fields).toEqual([key]);
    expect(checkDefinition(definition)).toEqual([]);
    expect(readField(definition, key).kind).toBe(kind);
    expect(writeField(definition, key, readField(definition, key))).toEqual(definition);
    const validate = compileService(definition).validate;
    if (FIELD_KIND_INFO[kind].input) {
      expect(definition.schema.required).toEqual([key]);
      expect(validate({ [key]: expected.good })).toEqual([]);
      expect(validate({ [key]: expected.bad })).not.toEqual([]);
      expect(validate({})).not.toEqual([]);
    } else {
      expect(definition.schema.required).toBeUndefined();
      expect(validate({})).toEqual([]);
    }
  });

  test('gives Swedish and English default texts and autocomplete tokens for personal data', () => {
    const { definition } = withOne('email');
    expect(definition.texts.epost).toEqual({ label: { sv: 'Ny fråga', en: 'New question' } });
    expect(definition.uiSchema?.epost).toEqual({ 'ui:kind': 'email', 'ui:autocomplete': 'email', 'ui:options': { inputType: 'email' } });
    expect(withOne('phone').definition.uiSchema?.telefon).toMatchObject({ 'ui:autocomplete': 'tel' });
    const address = withOne('address').definition;
    expect(address.uiSchema?.adress).toMatchObject({
      street: { 'ui:autocomplete': 'street-address' },
      postcode: { 'ui:autocomplete': 'postal-code' },
      city: { 'ui:autocomplete': 'address-level2' },
    });
    expect(address.texts['adress.city']).toEqual({ label: { sv: 'Ort', en: 'Town or city' } });
    expect(withOne('yes-no').definition.texts.jaNej?.options).toEqual({ true: { sv: 'Ja', en: 'Yes' }, false: { sv: 'Nej', en: 'No' } });
    expect(withOne('stop-notice').definition.uiSchema?.stopp).toEqual({ 'ui:kind': 'stop-notice', 'ui:field': 'notice', 'ui:options': { kind: 'warning' } });
  });

  test('picks the next free key, inserts at the index and keeps ui:order in step order', () => {
    const withOrder: ServiceDefinition = { ...empty, uiSchema: { 'ui:order': [] } };
    const first = addField(withOrder, 'steg-1', 'email');
    const second = addField(first.definition, 'steg-1', 'email', { index: 0 });
    expect(second.key).toBe('epost2');
    expect(second.definition.steps?.[0]?.fields).toEqual(['epost2', 'epost']);
    expect(second.definition.uiSchema?.['ui:order']).toEqual(['epost2', 'epost']);
    expect(addField(first.definition, 'steg-1', 'date', { key: 'tilltrade' }).key).toBe('tilltrade');
  });

  test('refuses a taken or unusable key and an unknown step, and never changes its input', () => {
    const frozen = Object.freeze(structuredClone(withOne('email').definition));
    expect(() => addField(frozen, 'steg-1', 'email', { key: 'epost' })).toThrow(/already has the key/);
    expect(() => addField(frozen, 'steg-1', 'email', { key: '1a' })).toThrow(/field key/);
    expect(() => addField(frozen, 'steg-1', 'email', { key: '__proto__' })).toThrow(/field key/);
    expect(() => addField(frozen, 'steg-9', 'email')).toThrow(/no step "steg-9"/);
    const before = JSON.stringify(frozen);
    addField(frozen, 'steg-1', 'address');
    expect(JSON.stringify(frozen)).toBe(before);
  });

  test('makes a step of a hand-written definition without steps', () => {
    const stepless: ServiceDefinition = {
      id: 'enkel',
      title: { sv: 'Enkel', en: 'Simple' },
      schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      uiSchema: { 'ui:order': ['b', 'a'] },
      texts: { a: { label: { sv: 'A' } }, b: { label: { sv: 'B' } } },
      routing: { queue: 'va' },
    };
    const { definition } = addField(stepless, 'steg-1', 'consent');
    expect(definition.steps).toEqual([{ id: 'steg-1', title: { sv: 'Enkel', en: 'Simple' }, fields: ['b', 'a', 'intygande'] }]);
    expect(definition.uiSchema?.['ui:order']).toEqual(['b', 'a', 'intygande']);
  });
});
