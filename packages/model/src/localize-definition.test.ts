import { expect, test } from 'vitest';
import { localizeDefinition } from './localize-definition.ts';
import { ownerChange } from './test-definition.ts';

test('puts labels, help and option labels in place for rjsf, keeping custom keywords', () => {
  const { schema, uiSchema } = localizeDefinition(ownerChange, 'en');
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  expect(schema.title).toBe('Change of owner');
  expect(schema.description).toBe('Report a new owner of the property.');
  expect(properties.urgent).toEqual({ type: 'null', title: 'Urgent?', description: 'Call +46 63 14 30 00.' });
  expect(properties.transfer).toEqual({
    type: 'string',
    format: 'date',
    dateRule: { minDaysAhead: 14 },
    title: 'Transfer date',
  });
  expect(properties.buyers).toMatchObject({
    title: 'Buyers',
    items: {
      properties: {
        name: { title: "Buyer's name" },
        // No English help: Swedish stands in.
        pnr: { format: 'personnummer', title: "Buyer's personal identity number", description: '12 siffror.' },
      },
    },
  });
  expect(properties.period).toMatchObject({ title: 'Pause', dateRange: { from: 'from', to: 'to', minDays: 90 } });
  expect(uiSchema).toEqual({
    urgent: { 'ui:field': 'notice', 'ui:options': { kind: 'warning' } },
    kind: { 'ui:enumNames': ['House', 'Holiday home'] },
    // A value without a label shows the value.
    bins: { 'ui:widget': 'checkboxes', items: { 'ui:enumNames': ['140 litres', '190'] } },
    buyers: { items: { pnr: { 'ui:autocomplete': 'off' } } },
  });
});

test('defaults to Swedish and leaves the definition untouched', () => {
  const before = structuredClone(ownerChange);
  const { schema, uiSchema } = localizeDefinition(ownerChange, 'sma');
  expect(schema.title).toBe('Ägarbyte');
  expect(uiSchema.kind).toEqual({ 'ui:enumNames': ['Villa', 'Fritidshus'] });
  expect(ownerChange).toEqual(before);
});
