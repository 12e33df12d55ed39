import { describe, expect, test } from 'vitest';
import { checkDefinition } from '../check-definition.ts';
import { compileService } from '../compile-service.ts';
import type { ServiceDefinition } from '../definition.ts';
import { ownerChange } from '../test-definition.ts';
import { addField } from './add-field.ts';
import { newServiceDefinition } from './new-service-definition.ts';
import { readField } from './read-field.ts';
import { writeField } from './write-field.ts';

const base = newServiceDefinition('test-tjanst', { sv: 'Test', en: 'Test' });

function one(kind: Parameters<typeof addField>[2]): ServiceDefinition {
  return addField(base, 'steg-1', kind).definition;
}

function props(d: ServiceDefinition): Record<string, unknown> {
  return d.schema.properties as Record<string, unknown>;
}

describe('writeField', () => {
  test('writes label, help, optional and the friendly pattern', () => {
    const def = one('short-text');
    const next = writeField(def, 'kortText', {
      ...readField(def, 'kortText'),
      label: { sv: 'Kundnummer', en: 'Customer number' },
      help: { sv: '4–10 siffror.', en: '4–10 digits.' },
      required: false,
      pattern: { kind: 'digits', min: 4, max: 10 },
    });
    expect(next.schema).toEqual({ type: 'object', additionalProperties: false, properties: { kortText: { type: 'string', maxLength: 200, pattern: '^[0-9]{4,10}$' } } });
    expect(next.texts.kortText).toEqual({ label: { sv: 'Kundnummer', en: 'Customer number' }, help: { sv: '4–10 siffror.', en: '4–10 digits.' } });
    expect(def.texts.kortText?.label).toEqual({ sv: 'Ny fråga', en: 'New question' });
    expect(compileService(next).validate({ kortText: '12a' })).toHaveLength(1);
    expect(compileService(next).validate({})).toEqual([]);
  });

  test('writes options with stable values, their labels and the widget', () => {
    const def = one('single-choice');
    const next = writeField(def, 'val', {
      ...readField(def, 'val'),
      widget: 'select',
      options: [
        { value: 140, label: { sv: '140 liter', en: '140 litres' } },
        { value: 190, label: { sv: '190 liter', en: '190 litres' } },
      ],
    });
    expect(next.schema.properties).toEqual({ val: { type: 'integer', enum: [140, 190] } });
    expect(next.uiSchema?.val).toEqual({ 'ui:kind': 'single-choice', 'ui:widget': 'select' });
    expect(next.texts.val?.options).toEqual({ '140': { sv: '140 liter', en: '140 litres' }, '190': { sv: '190 liter', en: '190 litres' } });
    expect(checkDefinition(next)).toEqual([]);
    expect(() => writeField(def, 'val', { ...readField(def, 'val'), options: [{ value: 'a', label: { sv: 'A' } }, { value: 'a', label: { sv: 'B' } }] })).toThrow(/same value/);
  });

  test('writes number ranges, date rules and attachment limits the server enforces', () => {
    const numbered = one('number');
    const n = writeField(numbered, 'tal', { ...readField(numbered, 'tal'), integer: true, minimum: 1, maximum: 20 });
    expect(n.schema.properties).toEqual({ tal: { type: 'integer', minimum: 1, maximum: 20 } });
    const dated = one('date');
    const d = writeField(dated, 'datum', { ...readField(dated, 'datum'), dateRule: { minDaysAhead: 14 } });
    expect(d.schema.properties).toEqual({ datum: { type: 'string', format: 'date', dateRule: { minDaysAhead: 14 } } });
    const attached = one('attachment');
    const a = writeField(attached, 'bilaga', { ...readField(attached, 'bilaga'), accept: ['application/pdf'], maxBytes: 1000, maxFiles: 1, required: false });
    expect(a.uiSchema?.bilaga).toEqual({ 'ui:kind': 'attachment', 'ui:options': { accept: ['application/pdf'], maxBytes: 1000, maxFiles: 1 } });
    expect(readField(a, 'bilaga')).toMatchObject({ accept: ['application/pdf'], maxBytes: 1000, maxFiles: 1, required: false });
    const validate = compileService(a).validate;
    const file = { id: '0b8f6c8e-3c1a-4a57-9a43-2f6f1c1d2e3f', name: 'a.pdf', type: 'application/pdf', size: 999 };
    expect(validate({ bilaga: [file] })).toEqual([]);
    expect(validate({ bilaga: [{ ...file, size: 1001 }] })).not.toEqual([]);
    expect(validate({ bilaga: [file, file] })).not.toEqual([]);
    expect(validate({ bilaga: [{ ...file, type: 'image/png' }] })).not.toEqual([]);
    expect(validate({})).toEqual([]);
  });

  test('changes the kind, keeping key, label and help', () => {
    const def = writeField(one('short-text'), 'kortText', { ...readField(one('short-text'), 'kortText'), label: { sv: 'Telefon', en: 'Phone' } });
    const next = writeField(def, 'kortText', { ...readField(def, 'kortText'), kind: 'phone' });
    expect(next.schema.properties).toEqual({ kortText: { type: 'string', format: 'telefonnummer', maxLength: 30 } });
    expect(next.schema.required).toEqual(['kortText']);
    expect(next.uiSchema?.kortText).toEqual({ 'ui:kind': 'phone', 'ui:autocomplete': 'tel', 'ui:options': { inputType: 'tel' } });
    expect(next.texts.kortText).toEqual({ label: { sv: 'Telefon', en: 'Phone' } });
    const notice = writeField(next, 'kortText', { ...readField(next, 'kortText'), kind: 'heading' });
    expect(notice.schema.required).toBeUndefined();
    expect(checkDefinition(notice)).toEqual([]);
  });

  test("adds, removes, reorders and edits a group's fields", () => {
    const def = one('repeated-group');
    const settings = readField(def, 'grupp');
    const next = writeField(def, 'grupp', {
      ...settings,
      maxItems: 3,
      fields: [
        { kind: 'personnummer', key: 'pnr', label: { sv: 'Personnummer', en: 'Personal identity number' }, required: true },
        { ...(settings.fields?.[0] as NonNullable<typeof settings.fields>[number]), label: { sv: 'Namn', en: 'Name' } },
      ],
    });
    expect(props(next).grupp).toEqual({
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kortText', 'pnr'],
        properties: { pnr: { type: 'string', format: 'personnummer' }, kortText: { type: 'string', maxLength: 200 } },
      },
    });
    expect(next.uiSchema?.grupp).toEqual({ 'ui:kind': 'repeated-group', items: { kortText: { 'ui:kind': 'short-text' }, pnr: { 'ui:kind': 'personnummer' } } });
    expect(next.texts['grupp.kortText']?.label).toEqual({ sv: 'Namn', en: 'Name' });
    expect(readField(next, 'grupp').fields?.map((f) => f.key)).toEqual(['pnr', 'kortText']);
    expect(checkDefinition(next)).toEqual([]);
    const fewer = writeField(next, 'grupp', { ...readField(next, 'grupp'), fields: readField(next, 'grupp').fields?.slice(0, 1) ?? [] });
    expect(Object.keys(fewer.texts)).toEqual(['grupp', 'grupp.pnr']);
    expect(checkDefinition(fewer)).toEqual([]);
  });

  test('renames the key when settings.key differs', () => {
    const next = writeField(ownerChange, 'persons', { ...readField(ownerChange, 'persons'), key: 'people' });
    expect(Object.keys(next.schema.properties as object)).toContain('people');
    expect(next.steps?.[0]?.fields).toContain('people');
    expect(checkDefinition(next)).toEqual([]);
  });
});
