import { describe, expect, test } from 'vitest';
import { checkDefinition } from '../check-definition.ts';
import { compileService } from '../compile-service.ts';
import type { Condition, ServiceDefinition } from '../definition.ts';
import { evaluateCondition } from '../route-submission.ts';
import { createAjv } from '../create-ajv.ts';
import { conditionSchema } from './condition-schema.ts';
import { readField } from './read-field.ts';
import { setShowWhen } from './set-show-when.ts';

const bins: ServiceDefinition = {
  id: 'kärl'.replace('ä', 'a'),
  title: { sv: 'Kärl', en: 'Bins' },
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'reason'],
    properties: {
      kind: { type: 'string', enum: ['house', 'holiday', 'other'] },
      shared: { type: 'boolean', enum: [true, false] },
      reason: { type: 'string', maxLength: 200 },
      neighbour: { type: 'string', maxLength: 200 },
      contact: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
    },
  },
  uiSchema: { shared: { 'ui:widget': 'radio' } },
  texts: {
    kind: { label: { sv: 'Typ' } },
    shared: { label: { sv: 'Delat kärl' } },
    reason: { label: { sv: 'Varför' } },
    neighbour: { label: { sv: 'Granne' } },
    contact: { label: { sv: 'Kontakt' } },
    'contact.email': { label: { sv: 'E-post' } },
  },
  steps: [
    { id: 'ett', title: { sv: 'Ett' }, fields: ['kind', 'shared', 'reason'] },
    { id: 'tva', title: { sv: 'Två' }, fields: ['neighbour', 'contact'] },
  ],
  routing: { queue: 'avfall' },
};

describe('setShowWhen', () => {
  test('compiles "equals" into a tagged if/then that requires the field only when shown', () => {
    const next = setShowWhen(bins, { field: 'reason' }, { field: 'kind', equals: 'other' });
    expect(next.schema.required).toEqual(['kind']);
    expect(next.schema.allOf).toEqual([
      {
        $comment: 'samform:show-when:reason',
        if: { type: 'object', properties: { kind: { const: 'other' } }, required: ['kind'] },
        then: { properties: { reason: true }, required: ['reason'] },
      },
    ]);
    expect(next.uiSchema?.reason).toEqual({ 'ui:showWhen': { field: 'kind', equals: 'other' } });
    expect(checkDefinition(next)).toEqual([]);
    expect(readField(next, 'reason')).toMatchObject({ required: true, showWhen: { field: 'kind', equals: 'other' } });
    const validate = compileService(next).validate;
    expect(validate({ kind: 'other' }).map((i) => i.path)).toEqual(['/reason']);
    expect(validate({ kind: 'house' })).toEqual([]);
    expect(validate({ kind: 'other', reason: 'Flyttar' })).toEqual([]);
  });

  test('replaces an earlier condition, and removing it puts the field back in required', () => {
    const once = setShowWhen(bins, { field: 'reason' }, { field: 'kind', equals: 'other' });
    const twice = setShowWhen(once, { field: 'reason' }, { field: 'kind', in: ['other', 'holiday'] });
    expect(twice.schema.allOf).toHaveLength(1);
    expect((twice.schema.allOf as { if: unknown }[])[0]?.if).toEqual({ type: 'object', properties: { kind: { enum: ['other', 'holiday'] } }, required: ['kind'] });
    const cleared = setShowWhen(twice, { field: 'reason' }, null);
    expect(cleared.schema).toEqual(bins.schema);
    expect(cleared.uiSchema).toEqual(bins.uiSchema);
  });

  test('an optional conditional field stays optional; "checked" is equals true', () => {
    const next = setShowWhen(bins, { field: 'neighbour' }, { field: 'shared', equals: true });
    expect(next.schema.allOf).toEqual([
      { $comment: 'samform:show-when:neighbour', if: { type: 'object', properties: { shared: { const: true } }, required: ['shared'] }, then: { required: [] } },
    ]);
    expect(compileService(next).validate({ kind: 'house', reason: 'x', shared: true })).toEqual([]);
  });

  test("a step's condition applies to all its fields, combined with a field's own", () => {
    const own = setShowWhen(bins, { field: 'reason' }, { field: 'kind', equals: 'other' });
    const next = setShowWhen(own, { step: 'ett' }, { field: 'contact.email', isSet: true });
    expect(next.steps?.[0]?.showWhen).toEqual({ field: 'contact.email', isSet: true });
    expect(checkDefinition(next)).toEqual([]);
    const validate = compileService(next).validate;
    expect(validate({})).toEqual([]);
    const withEmail = { contact: { email: 'a@example.se' } };
    expect(validate(withEmail).map((i) => i.path)).toEqual(['/kind']);
    expect(validate({ ...withEmail, kind: 'other' }).map((i) => i.path)).toEqual(['/reason']);
    expect(validate({ ...withEmail, kind: 'house' })).toEqual([]);
    const cleared = setShowWhen(setShowWhen(next, { step: 'ett' }, null), { field: 'reason' }, null);
    expect(cleared.schema).toEqual(bins.schema);
  });

  test('a condition on a missing field is a checkDefinition error', () => {
    const next = setShowWhen(bins, { field: 'reason' }, { field: 'kinds', equals: 'other' });
    expect(checkDefinition(next)).toEqual([{ path: '/uiSchema/reason/ui:showWhen/field', message: 'names no field of the schema: "kinds"' }]);
    const step = setShowWhen(bins, { step: 'tva' }, { any: [{ field: 'kind', equals: 'house' }, { field: 'nope', isSet: false }] });
    expect(checkDefinition(step)).toEqual([{ path: '/steps/1/showWhen/any/1/field', message: 'names no field of the schema: "nope"' }]);
  });

  test('refuses a nested target, an unknown step and a condition inside a repeated group', () => {
    expect(() => setShowWhen(bins, { field: 'contact.email' }, { field: 'kind', equals: 'house' })).toThrow(/top-level/);
    expect(() => setShowWhen(bins, { step: 'tre' }, null)).toThrow(/no step/);
    expect(() => setShowWhen(bins, { field: 'reason' }, { field: 'buyers.name', equals: 'x' })).not.toThrow();
    const withGroup: ServiceDefinition = { ...bins, schema: { ...bins.schema, properties: { ...(bins.schema.properties as object), buyers: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } } } } };
    expect(() => setShowWhen(withGroup, { field: 'reason' }, { field: 'buyers.name', equals: 'x' })).toThrow(/repeated group/);
  });
});

describe('conditionSchema', () => {
  const conditions: Condition[] = [
    { field: 'kind', equals: 'other' },
    { field: 'kind', in: ['house', 'holiday'] },
    { field: 'contact.email', isSet: true },
    { field: 'contact.email', isSet: false },
    { all: [{ field: 'kind', equals: 'house' }, { field: 'shared', equals: true }] },
    { any: [{ field: 'kind', equals: 'house' }, { field: 'bins', in: [['140'], ['190']] }] },
  ];
  const answers = [
    {},
    { kind: 'other' },
    { kind: 'house', shared: true },
    { kind: 'house', shared: false },
    { kind: 'holiday', contact: {} },
    { contact: { email: '' } },
    { contact: { email: 'a@example.se' } },
    { bins: ['140'] },
    { bins: ['140', '190'] },
  ];
  test.each(conditions)('holds exactly when evaluateCondition does: %j', (condition) => {
    const validate = createAjv().compile({ type: 'object', ...conditionSchema(condition) });
    for (const data of answers) expect(validate(data), JSON.stringify(data)).toBe(evaluateCondition(condition, data));
  });
});
