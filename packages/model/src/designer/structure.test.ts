import { describe, expect, test } from 'vitest';
import { checkDefinition } from '../check-definition.ts';
import type { ServiceDefinition } from '../definition.ts';
import { ownerChange } from '../test-definition.ts';
import { addStep } from './add-step.ts';
import { duplicateField } from './duplicate-field.ts';
import { moveField } from './move-field.ts';
import { moveStep } from './move-step.ts';
import { removeField } from './remove-field.ts';
import { removeStep } from './remove-step.ts';
import { renameFieldKey } from './rename-field-key.ts';
import { renameStep } from './rename-step.ts';
import { setShowWhen } from './set-show-when.ts';

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    Object.values(x).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}

// Frozen: any edit that mutated its input would throw.
const def: ServiceDefinition = deepFreeze(structuredClone({ ...ownerChange, uiSchema: { ...ownerChange.uiSchema, 'ui:order': [...ownerChange.steps!.flatMap((s) => s.fields), 'persons'].filter((k, i, a) => a.indexOf(k) === i) } }));

function props(d: ServiceDefinition): Record<string, unknown> {
  return d.schema.properties as Record<string, unknown>;
}

describe('field structure', () => {
  test('removeField drops the field everywhere but leaves conditions for the checks to point at', () => {
    const next = removeField(def, 'contact');
    expect(Object.keys(next.schema.properties as object)).not.toContain('contact');
    expect(next.schema.required).toEqual(['property', 'buyers', 'consent']);
    expect(Object.keys(next.texts).filter((k) => k.startsWith('contact'))).toEqual([]);
    expect(next.steps?.[1]?.fields).toEqual(['buyers', 'period', 'consent']);
    expect(next.uiSchema?.['ui:order']).not.toContain('contact');
    expect(checkDefinition(next)).toEqual([{ path: '/routing/rules/0/when/all/1/field', message: 'names no field of the schema: "contact.phone"' }]);
    const inner = removeField(def, 'buyers.pnr');
    expect(readItemsRequired(inner)).toEqual(['name']);
    expect(checkDefinition(inner)).toEqual([]);
  });

  test('duplicateField copies right after itself with a "(kopia)" label, the same rules and condition', () => {
    const conditional = setShowWhen(def, { field: 'transfer' }, { field: 'kind', equals: 'house' });
    const { definition: next, key } = duplicateField(conditional, 'transfer');
    expect(key).toBe('transfer2');
    expect(next.steps?.[0]?.fields).toEqual(['urgent', 'property', 'transfer', 'transfer2', 'kind', 'bins', 'persons']);
    expect(props(next).transfer2).toEqual(props(def).transfer);
    expect(next.texts.transfer2?.label).toEqual({ sv: 'Tillträdesdag (kopia)', en: 'Transfer date (copy)' });
    expect((next.schema.allOf as { $comment: string }[]).map((e) => e.$comment)).toEqual(['samform:show-when:transfer', 'samform:show-when:transfer2']);
    expect(checkDefinition(next)).toEqual([]);
    const group = duplicateField(def, 'buyers');
    expect(group.definition.texts['buyers2.pnr']).toEqual(def.texts['buyers.pnr']);
    expect(group.definition.schema.required).toContain('buyers2');
    expect(checkDefinition(group.definition)).toEqual([]);
  });

  test('moveField moves within and between steps and follows the step condition', () => {
    const within = moveField(def, 'persons', 'property', 0);
    expect(within.steps?.[0]?.fields).toEqual(['persons', 'urgent', 'property', 'transfer', 'kind', 'bins']);
    expect((within.uiSchema?.['ui:order'] as string[]).slice(0, 2)).toEqual(['persons', 'urgent']);
    const conditional = setShowWhen(def, { step: 'buyers' }, { field: 'kind', equals: 'house' });
    expect(conditional.schema.required).toEqual(['property']);
    const moved = moveField(conditional, 'property', 'buyers', 99);
    expect(moved.steps?.[1]?.fields).toEqual(['buyers', 'contact', 'period', 'consent', 'property']);
    expect(moved.schema.required).toBeUndefined();
    expect((moved.schema.allOf as { $comment: string }[]).map((e) => e.$comment)).toContain('samform:show-when:property');
    const back = moveField(moved, 'property', 'property', 1);
    expect(back.schema.required).toEqual(['property']);
    expect(checkDefinition(back)).toEqual([]);
  });

  test('renameFieldKey renames in schema, required, uiSchema, texts, steps, conditions and routing', () => {
    const next = renameFieldKey(def, 'contact', 'kontakt');
    expect(next.schema.required).toEqual(['property', 'buyers', 'kontakt', 'consent']);
    expect(next.texts['kontakt.email']).toEqual(def.texts['contact.email']);
    expect(next.routing.rules?.[0]?.when).toEqual({ all: [{ field: 'kind', equals: 'holiday' }, { field: 'kontakt.phone', isSet: true }] });
    expect(next.steps?.[1]?.fields).toContain('kontakt');
    expect(checkDefinition(next)).toEqual([]);
    const inner = renameFieldKey(def, 'buyers.pnr', 'personnummer');
    expect(inner.uiSchema?.buyers).toEqual({ items: { personnummer: { 'ui:autocomplete': 'off' } } });
    expect(checkDefinition(inner)).toEqual([]);
    const period = renameFieldKey(def, 'period.from', 'start');
    expect((props(period).period as { dateRange: unknown }).dateRange).toEqual({ from: 'start', to: 'to', minDays: 90 });
    expect(() => renameFieldKey(def, 'kind', 'bins')).toThrow(/already has the key/);
    expect(() => renameFieldKey(def, 'kind', 'två ord')).toThrow(/field key/);
  });
});

function readItemsRequired(d: ServiceDefinition): unknown {
  return ((props(d).buyers as { items: { required?: unknown } }).items).required;
}

describe('steps', () => {
  test('addStep, renameStep, moveStep and removeStep', () => {
    const added = addStep(def, { index: 1 });
    expect(added.stepId).toBe('steg-3');
    expect(added.definition.steps?.map((s) => s.id)).toEqual(['property', 'steg-3', 'buyers']);
    const renamed = renameStep(added.definition, 'steg-3', { sv: 'Mellan', en: 'Between' });
    expect(renamed.steps?.[1]?.title).toEqual({ sv: 'Mellan', en: 'Between' });
    const moved = moveStep(def, 'buyers', 0);
    expect(moved.steps?.map((s) => s.id)).toEqual(['buyers', 'property']);
    expect((moved.uiSchema?.['ui:order'] as string[])[0]).toBe('buyers');
    const removed = removeStep(def, 'buyers');
    expect(removed.steps?.map((s) => s.id)).toEqual(['property']);
    expect(Object.keys(removed.schema.properties as object)).toEqual(['urgent', 'property', 'transfer', 'kind', 'bins', 'persons']);
    expect(() => removeStep(removed, 'property')).toThrow(/at least one step/);
  });
});
