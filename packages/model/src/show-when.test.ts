import { describe, expect, test } from 'vitest';
import type { ServiceDefinition } from './definition.ts';
import { hiddenFields, nextShownStep, previousShownStep, withoutHiddenAnswers } from './show-when.ts';

// A burning notice: the phone is asked only of those who want a call, and the step about the
// fire site only when the fire is outdoors.
const BURNING: ServiceDefinition = {
  id: 'eldning',
  title: { sv: 'Anmälan om eldning', en: 'Notice of burning' },
  schema: {
    type: 'object',
    properties: {
      outdoors: { type: 'boolean', enum: [true, false] },
      wantsCall: { type: 'boolean', enum: [true, false] },
      phone: { type: 'string', format: 'telefonnummer' },
      site: { type: 'string' },
    },
  },
  uiSchema: { phone: { 'ui:showWhen': { field: 'wantsCall', equals: true } } },
  texts: {},
  steps: [
    { id: 'om', title: { sv: 'Om eldningen' }, fields: ['outdoors', 'wantsCall', 'phone'] },
    { id: 'plats', title: { sv: 'Platsen' }, fields: ['site'], showWhen: { field: 'outdoors', equals: true } },
  ],
  routing: { queue: 'va' },
};

describe('show when', () => {
  test('when the trigger answer is not given, then the field and the step it conditions are hidden', () => {
    expect([...hiddenFields(BURNING, {})].sort()).toEqual(['phone', 'site']);
    expect([...hiddenFields(BURNING, { wantsCall: true, outdoors: true })]).toEqual([]);
  });

  test('when answers of hidden fields are left over, then they are not sent', () => {
    const answers = { outdoors: false, wantsCall: false, phone: '070-174 06 50', site: 'Stranden' };
    expect(withoutHiddenAnswers(BURNING, answers)).toEqual({ outdoors: false, wantsCall: false });
  });

  test('when a step is hidden, then the way forward and back skips it', () => {
    const steps = BURNING.steps!;
    expect(nextShownStep(steps, 0, { outdoors: false })).toBe(-1);
    expect(nextShownStep(steps, 0, { outdoors: true })).toBe(1);
    expect(nextShownStep(steps, -1, {})).toBe(0);
    expect(previousShownStep(steps, 1, { outdoors: true })).toBe(0);
    expect(previousShownStep(steps, 0, {})).toBe(-1);
  });
});
