import { describe, expect, test } from 'vitest';
import { propertyOrder } from '../src/form/property-order.ts';
import { requiredNames, schemaMatches } from '../src/form/schema-matches.ts';
import { setAnswer } from '../src/form/set-answer.ts';
import { enumOptionsOf } from '../src/form/enum-options.ts';
import { uiOptionsOf } from '../src/form/ui-options.ts';
import { inputAttributes } from '../src/widgets/text-input.tsx';

const YES_NO = { yes: 'Ja', no: 'Nej' };

describe('propertyOrder', () => {
  test('when ui:order lists some names around "*", then the rest go where the star is', () => {
    expect(propertyOrder(['a', 'b', 'c', 'd'], ['d', '*', 'a'])).toEqual(['d', 'b', 'c', 'a']);
  });
  test('when ui:order leaves names out and has no star, then they follow at the end; unknown names are dropped', () => {
    expect(propertyOrder(['a', 'b', 'c'], ['c', 'nope', 'a'])).toEqual(['c', 'a', 'b']);
  });
  test('when there is no ui:order, then the schema order stays', () => {
    expect(propertyOrder(['b', 'a'], undefined)).toEqual(['b', 'a']);
  });
});

describe('schemaMatches and requiredNames', () => {
  const septic = {
    type: 'object',
    required: ['kind'],
    properties: { kind: { type: 'string' }, day: { type: 'string' } },
    if: { type: 'object', properties: { kind: { const: 'set-day' } }, required: ['kind'] },
    then: { required: ['day'] },
  };
  test('when the if-condition holds, then its then-branch adds to what is required', () => {
    expect([...requiredNames(septic, { kind: 'set-day' })].sort()).toEqual(['day', 'kind']);
  });
  test('when it does not hold (or the answer is missing), then only the own required count', () => {
    expect([...requiredNames(septic, { kind: 'urgent' })]).toEqual(['kind']);
    expect([...requiredNames(septic, {})]).toEqual(['kind']);
  });
  test('when a show-when entry sits in allOf, then its field is required exactly when shown', () => {
    const schema = {
      type: 'object',
      properties: { other: { type: 'boolean' }, reason: { type: 'string' } },
      allOf: [{ $comment: 'samform:show-when:reason', if: { type: 'object', properties: { other: { const: true } }, required: ['other'] }, then: { required: ['reason'] } }],
    };
    expect(requiredNames(schema, { other: true }).has('reason')).toBe(true);
    expect(requiredNames(schema, { other: false }).has('reason')).toBe(false);
  });
  test('the condition keywords Samform writes are evaluated like ajv would', () => {
    const notEmpty = { type: 'object', properties: { e: { not: { enum: ['', null, []] } } }, required: ['e'] };
    expect(schemaMatches(notEmpty, { e: 'x' })).toBe(true);
    expect(schemaMatches(notEmpty, { e: '' })).toBe(false);
    expect(schemaMatches(notEmpty, {})).toBe(false);
    expect(schemaMatches({ anyOf: [{ const: 1 }, { const: 2 }] }, 2)).toBe(true);
    expect(schemaMatches({ type: 'object', properties: { n: { enum: ['a', 'b'] } } }, { n: 'c' })).toBe(false);
  });
  test('when a keyword is unknown to the page, then the condition does not hold (the server decides)', () => {
    expect(schemaMatches({ patternProperties: { x: {} } }, {})).toBe(false);
  });
});

describe('setAnswer', () => {
  test('when a nested answer is set, then a copy holds it and the original is unchanged', () => {
    const before = { contact: { email: 'a@b.se' }, other: 1 };
    const after = setAnswer(before, ['contact', 'phone'], '070');
    expect(after).toEqual({ contact: { email: 'a@b.se', phone: '070' }, other: 1 });
    expect(before).toEqual({ contact: { email: 'a@b.se' }, other: 1 });
  });
  test('when an item past the end of a list is set, then the list grows to it', () => {
    expect(setAnswer({}, ['buyers', 1, 'name'], 'Eva')).toEqual({ buyers: [undefined, { name: 'Eva' }] });
  });
});

describe('choices and input attributes', () => {
  test('enum values take their labels from ui:enumNames; a yes/no without names reads Ja/Nej', () => {
    expect(enumOptionsOf({ enum: ['a', 'b'] }, { enumNames: ['A', 'B'] }, YES_NO)).toEqual([{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }]);
    expect(enumOptionsOf({ type: 'boolean', enum: [true, false] }, {}, YES_NO).map((o) => o.label)).toEqual(['Ja', 'Nej']);
    expect(enumOptionsOf({ oneOf: [{ const: 1, title: 'Ett' }] }, {}, YES_NO)).toEqual([{ value: 1, label: 'Ett' }]);
  });
  test('ui:* keys and ui:options read as one set of options', () => {
    expect(uiOptionsOf({ 'ui:autocomplete': 'email', 'ui:options': { inputType: 'email' }, name: {} })).toEqual({ autocomplete: 'email', inputType: 'email' });
  });
  test('inputs get their type from the format, inputType or number type, and steps for numbers', () => {
    expect(inputAttributes({ type: 'string', format: 'date' }, {})).toEqual({ type: 'date' });
    expect(inputAttributes({ type: 'string' }, { inputType: 'tel', autocomplete: 'tel' })).toEqual({ type: 'tel', autoComplete: 'tel' });
    expect(inputAttributes({ type: 'integer', minimum: 0 }, {})).toEqual({ type: 'number', step: 1, min: 0 });
    expect(inputAttributes({ type: 'number' }, {})).toEqual({ type: 'number', step: 'any' });
  });
});

describe('conditionFields', () => {
  test('the fields read by show-when, step conditions and if/then are found; others are not', async () => {
    const { conditionFields } = await import('../src/form/condition-fields.ts');
    const definition = {
      id: 'x',
      title: { sv: 'X' },
      schema: {
        type: 'object',
        properties: { kind: { type: 'string' }, day: { type: 'string' }, contact: { type: 'object' }, reason: { type: 'string' }, note: { type: 'string' } },
        if: { properties: { kind: { const: 'set-day' } }, required: ['kind'] },
        then: { required: ['day'] },
      },
      uiSchema: { reason: { 'ui:showWhen': { field: 'contact.email', isSet: true } } },
      steps: [{ id: 's', title: { sv: 'S' }, fields: ['kind', 'day', 'contact', 'reason', 'note'] }],
    };
    expect([...conditionFields(definition as never)].sort()).toEqual(['contact', 'day', 'kind']);
  });
});
