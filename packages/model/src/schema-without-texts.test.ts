import { expect, test } from 'vitest';
import { localizeDefinition } from './localize-definition.ts';
import { schemaWithoutTexts } from './schema-without-texts.ts';
import { ownerChange } from './test-definition.ts';

test('when a schema is localised, then without texts it is the definition’s schema again', () => {
  const { schema } = localizeDefinition(ownerChange, 'en');
  expect(schema).not.toEqual(ownerChange.schema);
  expect(schemaWithoutTexts(schema)).toEqual(schemaWithoutTexts(ownerChange.schema));
});

test('when properties are named like annotations, then only the annotations go', () => {
  const schema = {
    type: 'object',
    title: 'Idé',
    properties: { title: { type: 'string', title: 'Rubrik', description: 'Kort' }, description: { type: 'string' } },
    required: ['title'],
    if: { properties: { title: { const: 'x', title: 'y' } } },
    then: { description: 'then', required: ['description'] },
    oneOf: [{ title: 'A', required: ['title'] }],
    items: [{ title: 'first' }],
    const: { title: 'data stays' },
  };
  expect(schemaWithoutTexts(schema)).toEqual({
    type: 'object',
    properties: { title: { type: 'string' }, description: { type: 'string' } },
    required: ['title'],
    if: { properties: { title: { const: 'x' } } },
    then: { required: ['description'] },
    oneOf: [{ required: ['title'] }],
    items: [{}],
    const: { title: 'data stays' },
  });
});
